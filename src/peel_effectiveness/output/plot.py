"""Charts (the ``[plot]`` extra): a force against England and Wales, forces
ranked on a measure, and a grid of grades.

matplotlib is imported only when a chart is drawn. The functions return a
``matplotlib.figure.Figure`` (no pyplot, so no GUI backend is involved); save
it with :func:`save` or ``figure.savefig``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..analysis.rankings import Band, bands, rank
from ..model.cycles import Cycle, Pillar, comparable, resolve_pillar
from ..model.force import Force, find_force, forces
from ..model.grades import Grade, NoGrade
from ..model.questions import core_questions
from .frames import MissingDependencyError

if TYPE_CHECKING:
    from ..analysis.history import HistoryEntry
    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport

__all__ = ["plot_compare", "plot_grades", "plot_history", "plot_rank", "save"]

HIGHLIGHT = "#c0392b"
OTHERS = "#7f8c8d"
ENGLAND_AND_WALES = "#2c3e50"
GRADE_COLOURS = {
    Grade.OUTSTANDING: "#1a9850",
    Grade.GOOD: "#91cf60",
    Grade.ADEQUATE: "#d9ef8b",
    Grade.REQUIRES_IMPROVEMENT: "#fc8d59",
    Grade.INADEQUATE: "#d73027",
}
UNGRADED, NO_DATA = "#bdbdbd", "#ffffff"


def _colour(grade: Grade | NoGrade) -> str:
    return GRADE_COLOURS[grade] if isinstance(grade, Grade) else UNGRADED


def _figure(width: float, height: float) -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingDependencyError(
            "charts need matplotlib, which is not installed: pip install 'peel-effectiveness[plot]'"
        ) from None
    return Figure(figsize=(width, height), layout="constrained")


def plot_compare(report: InspectionReport, metrics: Sequence[str] | None = None) -> Any:
    """A force's figures as a percentage of England and Wales.

    Each bar is the force's value divided by the England and Wales value,
    times 100; the line at 100 is England and Wales. Only levels (rates,
    percentages, ratios) with a non-zero England and Wales value are drawn:
    a ratio of two percent changes means nothing.

    Args:
        report: The report.
        metrics: The metric keys to draw (default: every comparable figure).
    """
    from ..model.metrics import Unit

    changes = (Unit.PERCENT_CHANGE, Unit.PERCENTAGE_POINTS)
    chosen = [
        m
        for m in report.measurements
        if m.england_and_wales not in (None, 0)
        and m.unit not in changes
        and (metrics is None or m.key in metrics)
    ]
    if not chosen:
        raise ValueError("no figure of the report has an England and Wales value to compare with")
    fig = _figure(9, 1 + 0.42 * len(chosen))
    ax = fig.add_subplot()
    ratios = [m.value / m.england_and_wales * 100 for m in chosen]  # type: ignore[operator]
    ys = list(range(len(chosen)))[::-1]
    ax.barh(ys, ratios, color=[HIGHLIGHT if r > 100 else OTHERS for r in ratios], height=0.6)
    ax.axvline(100, color=ENGLAND_AND_WALES, linewidth=1.5, label="England and Wales = 100")
    ax.set_yticks(ys, [_short(m.label) for m in chosen], fontsize=8)
    ax.set_xlabel("Force as a percentage of England and Wales")
    ax.set_title(
        f"{report.force.official_name} against England and Wales, PEEL {report.pillar} {report.cycle}",
        fontsize=10,
    )
    ax.legend(loc="lower right", fontsize=8)
    return fig


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def plot_rank(
    data: Dataset,
    metric: str,
    cycle: str | int | Cycle | None = None,
    highlight: str | Force | None = None,
    *,
    descending: bool = True,
    exclude: Sequence[str] = (),
) -> Any:
    """Forces ranked on one measure, with one force highlighted and the bands marked.

    The shaded ends are the top and bottom 25 percent of forces as
    :func:`~peel_effectiveness.band` defines them.
    """
    c = Cycle.parse(cycle) if cycle is not None else (data.cycles_measuring(metric) or data.cycles)[-1]
    values: dict[str, float] = {}
    for r in data.for_cycle(c):
        if any(m.key == metric for m in r.measurements):
            values[r.force.id] = r.measurement(metric).value
    excluded = [find_force(e).id for e in exclude]
    ranks = rank(values, "ordinal", descending=descending, exclude=excluded)
    if not ranks:
        raise ValueError(f"no force has the metric {metric!r} in {c}")
    order = sorted(ranks, key=ranks.__getitem__)
    band_of = bands(values, exclude=excluded)
    mine = None if highlight is None else find_force(highlight).id
    fig = _figure(9, max(3.0, 0.22 * len(order) + 1.2))
    ax = fig.add_subplot()
    ys = list(range(len(order)))[::-1]
    colours = [HIGHLIGHT if f == mine else OTHERS for f in order]
    ax.barh(ys, [values[f] for f in order], color=colours, height=0.7)
    names = {f.id: f.short_name for f in forces()}
    ax.set_yticks(ys, [names[f] for f in order], fontsize=7)
    for y, f in zip(ys, order, strict=True):
        b = band_of.get(f)
        if b is Band.ONE_OF_THE_HIGHEST:
            ax.axhspan(y - 0.5, y + 0.5, color="#fdd0a2", zorder=0)
        elif b is Band.ONE_OF_THE_LOWEST:
            ax.axhspan(y - 0.5, y + 0.5, color="#c6dbef", zorder=0)
    unit = next(r.measurement(metric).metric.unit_label for r in data.for_cycle(c) if r.force.id in values)
    ax.set_xlabel(f"{metric} ({unit})")
    ax.set_title(f"Forces ranked on {metric}, {c} (shaded: top and bottom 25 percent)", fontsize=10)
    return fig


def plot_grades(
    data: Dataset,
    cycle: str | int | Cycle | None = None,
    pillar: str | Pillar | None = None,
) -> Any:
    """A grid of grades: forces down, the headline judgment and core
    questions (or an integrated cycle's areas) across.

    Raises:
        ValueError: The data have no judgment for that cycle and pillar.
    """
    from ..analysis._standing import judgments, question_label

    c = Cycle.parse(cycle) if cycle is not None else data.cycles[-1]
    p = resolve_pillar(c, pillar)
    columns = ([] if p is None else ["overall"]) + [q.key for q in core_questions(c, p)]
    grid = {q: judgments(data, c, q, p) for q in columns}
    if not any(j is not None for col in grid.values() for j in col.values()):
        raise ValueError(f"the data have no {c if p is None else f'{p} {c}'} judgments to draw")
    fs = forces()
    fig = _figure(2.5 + 0.9 * len(columns), 0.2 * len(fs) + 2.2)
    ax = fig.add_subplot()
    for x, q in enumerate(columns):
        for y, f in enumerate(fs):
            j = grid[q][f.id]
            colour = NO_DATA if j is None else _colour(j.grade)
            ax.add_patch(_rectangle(x, len(fs) - 1 - y, colour))
    ax.set_xlim(0, len(columns))
    ax.set_ylim(0, len(fs))
    labels = [_wrapped(question_label(q, c, p)) for q in columns]
    ax.set_xticks([x + 0.5 for x in range(len(columns))], labels, fontsize=6, rotation=90)
    ax.set_yticks([len(fs) - 1 - y + 0.5 for y in range(len(fs))], [f.short_name for f in fs], fontsize=6)
    ax.set_title(f"PEEL {c if p is None else f'{p} {c}'}: grades of the 43 forces", fontsize=10)
    _grade_legend(fig, ax, c)
    return fig


def _wrapped(text: str, width: int = 22) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def _grade_legend(fig: Any, ax: Any, cycle: Cycle | None) -> None:
    from matplotlib.patches import Patch

    grades = tuple(Grade) if cycle is None else cycle.grade_scale.grades
    legend = [Patch(facecolor=GRADE_COLOURS[g], edgecolor="#999999", label=str(g)) for g in grades]
    legend += [
        Patch(facecolor=UNGRADED, label="No grade (ungraded, not graded...)"),
        Patch(facecolor=NO_DATA, edgecolor="#999999", label="No data"),
    ]
    ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7)


def plot_history(data: Dataset, force: str | Force) -> Any:
    """A force's grades over time: each judgment of each cycle as a cell
    holding its grade, cycles left to right, a gap where grades cannot be
    compared across cycles.

    Raises:
        ValueError: The data have no judgment of this force.
    """
    from ..analysis.history import history

    f = find_force(force)
    rows = history(data, f)
    if not rows:
        raise ValueError(f"the data have no judgments of {f.short_name}")
    cycles = sorted({r.cycle for r in rows})
    # One row per pillar and question, or per area: an area of the same key
    # in two cycles shares a row, named as the latest cycle names it.
    latest: dict[tuple[str, str], HistoryEntry] = {}
    for r in rows:  # latest cycle first
        latest.setdefault((str(r.pillar or ""), r.question), r)
    keys = sorted(latest, key=lambda k: (latest[k].cycle.integrated, latest[k].order))
    names = [latest[k].name for k in keys]
    # A gap between cycles whose grades cannot be compared.
    xs: dict[Cycle, float] = {}
    x = 0.0
    for i, c in enumerate(cycles):
        if i and comparable(cycles[i - 1], c):
            x += 0.5
        xs[c] = x
        x += 1
    fig = _figure(3.2 + 1.0 * x, 0.27 * len(names) + 1.9)
    ax = fig.add_subplot()
    for r in rows:
        y = len(names) - 1 - keys.index((str(r.pillar or ""), r.question))
        grade = r.judgment.grade
        ax.add_patch(_rectangle(xs[r.cycle], y, _colour(grade)))
        text = grade.label if isinstance(grade, Grade) else grade.value
        if r.judgment.carried_over_from is not None:
            text += "*"
        dark = grade in (Grade.OUTSTANDING, Grade.INADEQUATE)
        colour = "white" if dark else "black"
        ax.text(
            xs[r.cycle] + 0.5,
            y + 0.5,
            _wrapped(text, 12),
            ha="center",
            va="center",
            fontsize=5.5,
            color=colour,
        )
    ax.set_xlim(0, x)
    ax.set_ylim(0, len(names))
    ax.xaxis.tick_top()
    ax.set_xticks([xs[c] + 0.5 for c in cycles], [str(c) for c in cycles], fontsize=7.5)
    ax.set_yticks([len(names) - 1 - i + 0.5 for i in range(len(names))], names, fontsize=6.5)
    ax.tick_params(length=0)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(f"{f.official_name}: PEEL grades by cycle", fontsize=10, loc="left", pad=18)
    ax.set_xlabel(
        "Gaps mark changes of framework: HMICFRS says grades cannot be compared across them.\n"
        "* carried over from an earlier cycle. Blank: no grade in the data.\n"
        "Source: HMIC/HMICFRS PEEL reports, as compiled in peel_effectiveness.",
        fontsize=6,
        color="#555555",
        loc="left",
    )
    _grade_legend(fig, ax, None)
    return fig


def _rectangle(x: float, y: float, colour: str) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), 1, 1, facecolor=colour, edgecolor="#999999", linewidth=0.3)


def save(figure: Any, path: str | os.PathLike[str]) -> None:
    """Save a chart; the format follows the file's suffix (``.png`` or ``.svg``)."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"save a chart as .png or .svg, not {suffix or 'a file without a suffix'}")
    figure.savefig(path, dpi=150 if suffix == ".png" else None)
