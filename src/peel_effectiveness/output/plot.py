"""Charts (the ``[plot]`` extra): a force against England and Wales, forces
ranked on a measure, a grid of grades, and a force's grades over time.

Each chart is ready to print: a title and subtitle in words (never a key
such as ``ocg_rate``), units and periods, a legend for every colour, the
England and Wales figure where there is one, and a source line. Colours
for "higher" and "lower" are neutral blues, because a higher figure is not
better or worse in itself; grades use a colour-blind-safe scale.

matplotlib is imported only when a chart is drawn. The functions return a
``matplotlib.figure.Figure`` (no pyplot, so no GUI backend is involved);
save it with :func:`save` or ``figure.savefig``. A chart with nothing to
draw, or figures too large for its scale, raises
:class:`~peel_effectiveness.PeelDataError` (a ``ValueError``) saying why;
an argument of the wrong type raises ``TypeError``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..analysis._args import refuse as _refuse
from ..analysis.rankings import MIN_FORCES
from ..analysis.sources import describe_sources
from ..model.cycles import Cycle, Pillar, resolve_pillar
from ..model.force import Force, forces
from ..model.grades import NoGrade
from ..model.questions import CoreQuestion, core_questions, headline_graded
from ..model.reports import report_title
from . import _chart as c

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..model.dataset import Dataset
    from ..model.periods import Period
    from ..model.reports import InspectionReport

__all__ = [
    "plot_compare",
    "plot_grades",
    "plot_history",
    "plot_map",
    "plot_monitoring",
    "plot_rank",
    "save_chart",
]


@c.in_house_style
def plot_compare(report: InspectionReport, metrics: Sequence[str] | None = None) -> Figure:
    """A force's figures as a percentage of England and Wales.

    Each bar runs from the England and Wales line (100) to the force's
    figure divided by England and Wales's, times 100, and is labelled with
    both figures; each row names its unit and period. Only levels (rates,
    percentages, ratios) with a non-zero England and Wales figure are drawn:
    a ratio of two percent changes means nothing.

    Args:
        report: The report.
        metrics: The metric keys to draw (default: every comparable figure).

    Raises:
        TypeError: ``report`` is not a report, or ``metrics`` not a list of keys.
        PeelDataError: No figure to draw, one too large for the scale, or
            a figure or label too long to leave the bars any width.
        MissingDependencyError: matplotlib is not installed.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> figure = plot_compare(load_bundled().report("cumbria", 2016), ["recorded_crime_rate"])
        >>> figure.texts[0].get_text()
        'Cumbria Constabulary against England and Wales'
    """
    c.needs_matplotlib()
    from ._compare_chart import draw_compare

    return draw_compare(report, metrics)


@c.in_house_style
def plot_rank(
    data: Dataset,
    metric: str,
    cycle: str | int | Cycle | None = None,
    highlight: str | Force | None = None,
    *,
    descending: bool = True,
    exclude: Iterable[str | Force] | None = None,
    min_forces: int = MIN_FORCES,
    period: str | Period | None = None,
) -> Figure:
    """Forces ranked on one measure, as :func:`~peel_effectiveness.rank_forces`
    ranks them: one force highlighted, the England and Wales figure as a
    line (always in view), the top and bottom 25 percent shaded, and the
    forces left out of the ranking drawn apart, marked "not ranked".

    Raises:
        TypeError: An argument of the wrong type.
        PeelDataError: Not a cycle, a figure too large for the scale or
            too long to leave the bars any width, or figures of more than
            one period and no ``period``.
        NotFoundError: No report of the cycle has the figure, or fewer than
            ``min_forces`` forces (5 by default) have it to rank.
        MissingDependencyError: matplotlib is not installed.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> figure = plot_rank(load_bundled(), "ocg_rate", 2016, "cumbria", min_forces=1)
        >>> figure.texts[0].get_text()[:40]
        'Organised crime groups being disrupted, '
    """
    c.needs_matplotlib()
    from ._figures_chart import draw_rank

    return draw_rank(data, metric, cycle, highlight, descending, exclude, min_forces, period)


@c.in_house_style
def plot_grades(
    data: Dataset,
    cycle: str | int | Cycle | None = None,
    pillar: str | Pillar | None = None,
) -> Figure:
    """A grid of grades: the 43 forces down, the headline judgment and core
    questions (or an integrated cycle's areas) across, by name.

    Raises:
        TypeError: ``data`` is not a Dataset.
        PeelDataError: Not a cycle or a pillar, or the data have no
            judgment for that cycle and pillar.
        MissingDependencyError: matplotlib is not installed.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> plot_grades(load_bundled(), 2016).texts[0].get_text()
        'PEEL 2016: effectiveness grades of the 43 forces'
    """
    c.needs_matplotlib()
    from ..analysis import _args
    from ..analysis._coverage import graded_in_cycle
    from ..analysis._judgment_keys import judgment_keys
    from ..analysis._standing import judgments

    data = _args.dataset("data", data)
    if cycle is None and not data.cycles:
        raise _refuse("the data have no reports to draw")
    cy = _args.cycle("cycle", cycle) if cycle is not None else data.cycles[-1]
    p = resolve_pillar(cy, _args.pillar("pillar", pillar))
    # The registry's questions, then any the data name that it lacks (a
    # cycle it lists in part, 2025-27), as the national table has them.
    known = {q.key: q for q in core_questions(cy, p)}
    # A pillar's overall grade where its cycle gives one (2014's effectiveness
    # had none: not a gap in the data), or where the data hold one anyway.
    overall = p is not None and (
        headline_graded(cy, p) or any(r.judgment for r in data.for_cycle(cy) if r.pillar is p)
    )
    keys = (["overall"] if overall else []) + list(known)
    keys += [k for q_pillar, k in judgment_keys(data, cy) if q_pillar is p and k not in keys]
    heads = [_head(known.get(k), k) for k in keys]
    # A force of the user's own, not one of the 43, is drawn below them,
    # so that the grades counted in the footer are the grades drawn.
    others = c.others(r.force for r in data.for_cycle(cy) if r.pillar is p)
    fs = [*forces(), *others]
    grid = {k: judgments(data, cy, k, p, fs) for k in keys}
    # A column with no judgment of any force is left out and named, as the
    # national table leaves it out: 43 hatched cells say nothing.
    held = {k: any(j is not None for j in grid[k].values()) for k in keys}
    if not any(held.values()):
        raise _refuse(f"the data have no {cy if p is None else f'{p} {cy}'} judgments to draw")
    # A question the cycle grades no force on is marked so, its cells left
    # as the data hold them: unknown is never guessed to be "not graded".
    # Left out with no judgment, it is named as ungraded, not as missing.
    ungraded = [k for k in keys if graded_in_cycle(cy, p, k) is False]
    # (Named in words, as the columns are: "Q1" alone says nothing.)
    empty = [_head(known.get(k), k) for k in keys if not held[k] and k not in ungraded]
    heads = [h for k, h in zip(keys, heads, strict=True) if held[k]]
    named_ungraded = [_head(known.get(k), k, short=True) for k in ungraded]
    keys = [k for k in keys if held[k]]
    # In the legend's word for the cells of such a judgment.
    heads = [
        f"{h} ({NoGrade.UNGRADED.value})" if k in ungraded else h for k, h in zip(keys, heads, strict=True)
    ]
    # Rows from the top; the others a little apart from the 43.
    rows = [len(fs) - 1 - y + (0.4 if others and y < len(fs) - len(others) else 0) for y in range(len(fs))]
    # The grid's width: the figure's less the force names and margins.
    labels = [c.row_label(f.short_name, c.NOTE) for f in fs]
    names = max(c.text_inches(label, c.NOTE) for label in labels)
    column = (c.WIDTH - names - 0.5) / len(keys)
    widest = column > _WIDEST_COLUMN
    if widest:
        # A column or two stretched across the page reads as bars: the
        # grid as wide as its columns need, left under the title.
        column = _WIDEST_COLUMN
    size = c.NOTE  # the least type is printed at, even on narrow columns
    shown, rotation = c.column_heads(heads, size, column)
    # As tall as the heads and rows need: no band left blank above or below.
    fig = c.figure(c.heads_inches(shown, size, rotation) + _HEAD_ROOM + _ROW * (rows[0] + 1))
    ax = fig.add_subplot()
    for x, k in enumerate(keys):
        for y, f in zip(rows, fs, strict=True):
            j = grid[k][f.id]
            fill = c.grade_cell(ax, x, y, None if j is None else j.grade)
            marked = "" if j is None else c.marks(j)
            if marked:
                c.mark_cell(ax, x, y, fill, marked)
    ax.set_xlim(0, len(keys))
    ax.set_ylim(0, rows[0] + 1)
    ax.xaxis.tick_top()
    if widest:
        ax.set_box_aspect(_ROW * (rows[0] + 1) / (column * len(keys)))
        ax.set_anchor("W")
    ax.set_xticks([x + 0.5 for x in range(len(keys))], shown, rotation=rotation)
    ax.set_yticks([y + 0.5 for y in rows], labels)
    c.plain_axes(ax)
    ax.spines["bottom"].set_visible(False)
    ax.tick_params(axis="x", labelsize=size)
    ax.tick_params(axis="y", labelsize=c.NOTE)
    what = "areas" if p is None else f"{p} grades: {'overall and ' if overall else ''}by core question"
    drawn = [r for r in data.for_cycle(cy) if r.pillar is p]
    reasons = c.reasons(j.grade for col in grid.values() for j in col.values() if j is not None)
    # Where unknown is all the data can say, though the cycle asked only
    # some forces, as coverage and national say it (not "not asked": the
    # data do not say a force was not asked).
    unknown_for_some = [
        q for k in keys if (q := known.get(k)) is not None and any(grid[k][f.id] is None for f in forces())
    ]
    some = "".join(f" {said}" for said in c.asked_of_each(cy, unknown_for_some, "the other forces"))
    # Forces the data hold no report of, whose every cell is unknown (an
    # ungraded question's too: unknown is never guessed).
    held_of = {r.force.id for r in drawn}
    missing = [f.short_name for f in forces() if f.id not in held_of]
    if missing:
        listed = c.joined(missing) if len(missing) <= 6 else f"{len(missing)} forces"
        some += f" The data hold no {report_title(cy, p)} report on {listed}: each of their cells is unknown."
    # Forces of your own by name in the title where they are one or two,
    # else counted (each is named under it, and on its row).
    whose = "the 43 forces"
    if len(others) > 2:
        whose += f" and {len(others)} forces of your own"
    elif others:
        whose += f" and {c.joined([f.short_name for f in others])}"
    sources = describe_sources(drawn)
    c.frame(
        fig,
        f"PEEL {cy}: {f'the grades of {whose}' if p is None else f'{p} grades of {whose}'}",
        f"Each force's {what}, as the data hold them."
        + (f" Below the 43: {c.not_of_43(others)}." if others else "")
        + (f" Left out, with no judgment in the data: {c.sentence(c.joined(empty))}" if empty else "")
        + (f" {c.ungraded_note(cy, named_ungraded)}" if ungraded else "")
        + some
        + c.marks_note(j for col in grid.values() for j in col.values() if j is not None)
        + c.official_said(sources),
        f"{c.sources_said(sources)} {c.credit(drawn)}",
        # Keyed: what the grid draws (no key of "nothing in the data" where every cell has a judgment).
        c.grade_legend(
            cy.grade_scale.grades,
            reasons,
            unknown=any(j is None for col in grid.values() for j in col.values()),
        ),
    )
    return fig


_WIDEST_COLUMN = 1.4  # inches: a grid's column, at most
_ROW = 0.19  # inches: a grid's row (see the figure's height)
_HEAD_ROOM = 0.3  # inches: between the column heads and the legend, and the rows and the footer


@c.in_house_style
def plot_map(
    data: Dataset,
    cycle: str | int | Cycle | None = None,
    question: str | int | None = None,
    pillar: str | Pillar | None = None,
) -> Figure:
    """A hex map of England and Wales: one hexagon a force, placed roughly
    where it lies, coloured by its grade on one question (up to 2018/19:
    ``"overall"`` by default, or a core question's number or key) or one
    area (from 2021/22: its key or name), with the grade grids' colours and
    legend. Each hexagon is labelled; lines mark the regions, a thick one
    the border of Wales. The layout is in ``output/_hex_layout.py``.

    Raises:
        NotFoundError: No such question, or no area named for an
            integrated cycle (which has no overall grade).
        PeelDataError: The data have no judgment of it to draw.
        MissingDependencyError: matplotlib is not installed.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> plot_map(load_bundled(), "2023-25", "investigating").texts[0].get_text()
        'PEEL 2023-25: Investigating crime, force by force'
    """
    c.needs_matplotlib()
    from ._map import draw_map

    return draw_map(data, cycle, question, pillar)


@c.in_house_style
def plot_monitoring(data: Dataset, until: dt.date | None = None) -> Figure:
    """The stays in enhanced monitoring (Engage) over time: one row per
    force that has been in Engage, each stay a bar from the day it moved in
    to the day it moved out, the PEEL cycles' publications shaded behind.
    Where a source gives only the month or the year of a move, the bar is
    hatched over all of it; a stay still going runs to ``until``, or by
    default as far as the data go for its force (the 43 forces' latest
    move; a force of your own's own latest move where that is later), and
    ends in an arrow. The chart's last date (``until``, or the last date in
    the data, of a move or a report) is marked below the rows. Each stay
    is labelled with its dates, as exactly as they are known, and how long
    it lasted.

    Raises:
        PeelDataError: The data have no stay in Engage, or ``until`` is before
            the last move into Engage, or outside the dates the model holds
            (1900 to 2099).
        MissingDependencyError: matplotlib is not installed.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> plot_monitoring(load_bundled()).texts[0].get_text()[:37]
        'Forces in enhanced monitoring (Engage'
    """
    c.needs_matplotlib()
    from ._engage_chart import draw_monitoring

    return draw_monitoring(data, until)


def _head(q: CoreQuestion | None, key: str, *, short: bool = False) -> str:
    """A column's head: "Q3: Protecting vulnerable people" ("Q3", ``short``),
    an area's name, "Overall", or a question the registry lacks named from
    its key."""
    if q is None:
        return "Overall" if key == "overall" else c.unlisted_name(key)
    if q.number is None:
        return _capital(q.name)
    return q.label if short else f"Q{q.number}: {_capital(q.name)}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@c.in_house_style
def plot_history(data: Dataset, force: str | Force) -> Figure:
    """A force's grades over time: each judgment of each cycle as a cell
    holding its grade, cycles left to right, a gap where grades cannot be
    compared across cycles.

    Raises:
        TypeError: An argument of the wrong type.
        NotFoundError: No force of that name.
        PeelDataError: The data have no judgment of this force.
        MissingDependencyError: matplotlib is not installed.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> plot_history(load_bundled(), "Cumbria").texts[0].get_text()
        'Cumbria Constabulary: PEEL grades by cycle'
    """
    c.needs_matplotlib()
    from ._history_chart import draw_history

    return draw_history(data, force)


@c.in_house_style
def save_chart(figure: Figure, path: str | os.PathLike[str]) -> None:
    """Save a chart; the format follows the file's suffix: ``.png`` at 150
    dots per inch (for the screen), or, for print, ``.svg`` or ``.pdf``,
    drawn as lines and shapes at any size, with its text kept as text (a
    PDF embeds the characters it uses of its fonts, as TrueType: its text
    can be edited, with those characters).
    The file is written whole or not at all: a chart that cannot be drawn
    leaves a file of that name as it was.

    Raises:
        TypeError: ``figure`` is not a matplotlib figure, or ``path`` not a path.
        PeelDataError: The file's suffix is not ``.png``, ``.svg`` or ``.pdf``.
        OSError: The file cannot be written.
        MissingDependencyError: matplotlib is not installed.

    Examples:
        >>> import pathlib, tempfile
        >>> from peel_effectiveness import load_bundled
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "cumbria.svg"
        >>> save_chart(plot_history(load_bundled(), "cumbria"), path)
        >>> path.read_text(encoding="utf-8").count("Cumbria Constabulary: PEEL grades by cycle")
        1
    """
    c.needs_matplotlib()
    import io

    from matplotlib import rc_context
    from matplotlib.figure import Figure

    from .._files import is_text_path, write_file

    if not isinstance(figure, Figure):
        raise TypeError(
            f"save_chart() takes a matplotlib Figure (from a plot_ function), not {type(figure).__name__}"
        )
    if not is_text_path(path):
        raise TypeError(f"save_chart() takes a path (str or os.PathLike), not {type(path).__name__}")
    suffix = c.chart_suffix(path)
    drawn = io.BytesIO()
    # (TrueType fonts in a PDF, not Type 3 outlines: its text can be edited.)
    with rc_context({"svg.fonttype": "none", "pdf.fonttype": 42}):
        figure.savefig(drawn, format=suffix[1:], dpi=150 if suffix == ".png" else None, facecolor="white")
    write_file(path, drawn.getvalue())
