"""A force's grades over time: each judgment of each cycle as a cell
holding its grade, cycles left to right, a gap where grades cannot be
compared across cycles (see :func:`.plot.plot_history`)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..analysis._args import refuse
from ..analysis.sources import describe_sources
from ..model.cycles import Cycle, Pillar, why_not_comparable
from ..model.force import Force, territorial
from ..model.grades import Grade
from ..model.questions import core_questions, headline_graded, question_or_none, registry_complete
from . import _chart as c

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..analysis._history import HistoryEntry
    from ..model.dataset import Dataset
    from ..model.questions import CoreQuestion


def _unlisted(r: HistoryEntry) -> str:
    """The row of a question no cycle's registry lists, named from its key."""
    name = c.unlisted_name(r.question)
    return name if r.pillar is None else f"{str(r.pillar).capitalize()}: {name}"


def draw_history(data: Dataset, force: str | Force) -> Figure:
    """The chart of :func:`.plot.plot_history`."""
    from ..analysis import _args
    from ..analysis._history import history, spanned

    f = _args.dataset("data", data).find_force(force)
    rows = history(data, f)
    if not rows:
        raise refuse(f"the data have no judgments of {f.short_name}")
    # The 43's chart spans the data's cycles; a force of your own's, its own.
    cycles = spanned(rows, data.cycles if territorial(f) else ())
    # One row per pillar and question, or per area: an area of the same key
    # in two cycles shares a row, named as the latest cycle whose registry
    # lists in full names it (a cycle listed in part, 2025-27, renames no
    # row: its one area listed is worded as a question, not as the area).
    # A judgment the data hold of another force has a row too, its cells
    # hatched: a force graded on one area of ten must not look as if it was
    # graded on one. A judgment the data hold of no force is counted under
    # the title instead, as the grids name a column they leave out.
    latest: dict[tuple[str, str], HistoryEntry] = {}
    named: dict[tuple[str, str], str] = {}
    named_in_part: dict[tuple[str, str], str] = {}  # where no cycle listed in full names the row
    for r in sorted((*rows, *_of_other_forces(data, f, cycles)), key=lambda r: -r.cycle.year):
        k = (str(r.pillar or ""), r.question)
        latest.setdefault(k, r)
        if r.question == "overall" or question_or_none(r.cycle, r.pillar, r.question) is not None:
            (named if registry_complete(r.cycle, r.pillar) else named_in_part).setdefault(k, r.label)
    keys = sorted(latest, key=lambda k: (latest[k].cycle.integrated, latest[k].order))
    left_out = Counter(
        cy for cy in cycles for p, k in _listed(cy) if (str(p or ""), k) not in latest and _has(cy, p, k)
    )
    names = [named.get(k) or named_in_part.get(k) or _unlisted(latest[k]) for k in keys]
    xs: dict[Cycle, float] = {}
    x = 0.0
    for i, cy in enumerate(cycles):
        if i and why_not_comparable(cycles[i - 1], cy):
            x += 0.35  # a gap where the framework changed
        xs[cy] = x
        x += 1
    # Each cell's words at the least type size, in two lines where one is
    # too wide, the cells as wide as the widest word needs: the row names
    # are wrapped narrower to make room (seven cycles' cells were narrower
    # than "improvement", which ran past both edges, white on white).
    words = {id(r): (r.judgment.grade.label, c.marks(r.judgment)) for r in rows}
    room = c.WIDTH - _MARGINS
    # The marks after a grade's last word where the cells can be that wide,
    # else after its shorter line: one way for every cell of the chart.
    after_last = True
    need = max(_narrowest(*w) for w in words.values()) + 2 * _CELL_PAD
    if room - need * x < _LEAST_NAMES:
        after_last = False
        need = max(_narrowest(*w, after_last=False) for w in words.values()) + 2 * _CELL_PAD
    shown = [c.balanced(n, c.NOTE, min(3.0, max(_LEAST_NAMES, room - need * x))) for n in names]
    cell = (room - max(c.text_inches(n, c.NOTE) for n in shown)) / x
    # Every cycle drawn (eight, 2014 to 2025-27) leaves cells narrower still:
    # the cells' words are set smaller, as much as they must and no more
    # (a word's width goes as its type's size), to stay inside their cells.
    scale = max(_LEAST_SCALE, min(1.0, (cell - 2 * _LEAST_PAD) / (need - 2 * _CELL_PAD)))
    fig = c.figure(2.4 + 0.3 * len(names))
    ax = fig.add_subplot()
    # A judgment a cycle has (as its registry lists) that the data lack is
    # unknown, hatched as every chart draws it; a cell of a judgment its
    # cycle does not have is blank.
    found = {(r.cycle, str(r.pillar or ""), r.question) for r in rows}
    unknown = 0
    # Of the unknown, those of a question its cycle asked of some forces
    # only, said under the title, as the grids say it.
    asked_of_some: dict[Cycle, list[CoreQuestion]] = {}
    for cy in cycles:
        for i, k in enumerate(keys):
            if (cy, *k) not in found and _has(cy, latest[k].pillar, k[1]):
                c.grade_cell(ax, xs[cy], len(names) - 1 - i, None)
                unknown += 1
                q = question_or_none(cy, latest[k].pillar, k[1])
                if q is not None:  # (asked_of_each says those asked of some forces only)
                    asked_of_some.setdefault(cy, []).append(q)
    for r in rows:
        y = len(names) - 1 - keys.index((str(r.pillar or ""), r.question))
        grade = r.judgment.grade
        fill = c.grade_cell(ax, xs[r.cycle], y, grade)
        ax.text(
            xs[r.cycle] + 0.5,
            y + 0.5,
            _cell_words(*words[id(r)], (cell - 2 * _CELL_PAD) / scale, after_last),
            ha="center",
            va="center",
            fontsize=c.NOTE * scale,
            color=c.text_colour(fill),
            bbox=c.label_ground(grade),
        )
    ax.set_xlim(0, x)
    ax.set_ylim(0, len(names))
    ax.xaxis.tick_top()
    ax.set_xticks([xs[cy] + 0.5 for cy in cycles], [str(cy) for cy in cycles])
    ax.set_yticks([len(names) - 1 - i + 0.5 for i in range(len(names))], shown)
    c.plain_axes(ax)
    ax.spines["bottom"].set_visible(False)
    ax.tick_params(axis="x", labelsize=c.SMALL)
    ax.tick_params(axis="y", labelsize=c.NOTE)
    sources = describe_sources(data.for_force(f))
    c.frame(
        fig,
        f"{f.official_name}: PEEL grades by cycle",
        "Gaps mark changes of framework: HMICFRS says grades cannot be compared across them."
        + c.marks_note(r.judgment for r in rows)
        + " Blank: not a judgment of that cycle."
        + "".join(
            f" {said}" for cy, qs in asked_of_some.items() for said in c.asked_of_each(cy, qs, f.short_name)
        )
        + _left_out(left_out)
        + c.official_said(sources),
        f"{c.sources_said(sources, f'export --table judgments --force {f.id}')} "
        f"{c.credit(data.for_force(f))}",
        # The grades of the scales of the cycles drawn (2016's has no adequate).
        c.grade_legend(
            [g for g in Grade if any(g in cy.grade_scale.grades for cy in cycles)],
            c.reasons(r.judgment.grade for r in rows),
            unknown=bool(unknown),
        ),
    )
    return fig


_CELL_PAD = 0.04  # inches kept clear inside a cell, either side of its words
_LEAST_PAD = 0.03  # inches, where the cells are too narrow for _CELL_PAD
_MARGINS = 0.5  # inches of the width that neither the row names nor the cells take
_LEAST_NAMES = 1.4  # inches the row names are wrapped to at the narrowest
_LEAST_SCALE = 6 / 7  # of the cells' type size: 6 points, still read in print


def _two_lines(label: str, marks: str, after_last: bool = True) -> tuple[str, str]:
    """``label`` in two lines as even as can be, with the ``marks`` after
    its last word, where a reader looks for them ("Requires" over
    "improvement†": a mark after "Requires" reads as a misprint); or,
    not ``after_last``, after the shorter line, where a cell is too narrow
    for the other."""
    words = label.split(" ")
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    if after_last:
        splits = [(first, second + marks) for first, second in splits]
    first, second = min(splits, key=_widest)
    if after_last:
        return first, second
    return (
        (first + marks, second)
        if c.text_inches(first, c.NOTE) <= c.text_inches(second, c.NOTE)
        else (first, second + marks)
    )


def _widest(lines: tuple[str, ...]) -> float:
    return max(c.text_inches(line, c.NOTE) for line in lines)


def _narrowest(label: str, marks: str, after_last: bool = True) -> float:
    """How wide a cell's words need at least, in inches (see _two_lines)."""
    if " " not in label:
        return c.text_inches(label + marks, c.NOTE)
    return _widest(_two_lines(label, marks, after_last))


def _cell_words(label: str, marks: str, inches: float, after_last: bool) -> str:
    """A cell's words: in one line where they fit ``inches``, else in two
    (the marks where the chart puts them: see _two_lines)."""
    if " " not in label or c.text_inches(label + marks, c.NOTE) <= inches:
        return label + marks
    return "\n".join(_two_lines(label, marks, after_last))


def _of_other_forces(data: Dataset, force: Force, cycles: list[Cycle]) -> list[HistoryEntry]:
    """The judgments the registry lists of ``cycles`` that the data hold of
    forces other than ``force`` (a question only a file names is another
    force's own, and no row of this one's)."""
    from ..analysis._history import history

    found = {r.force.id: r.force for r in data if r.cycle in cycles and r.force.id != force.id}
    return [
        r
        for other in found.values()
        for r in history(data, other)
        if r.cycle in cycles and (r.question == "overall" or question_or_none(r.cycle, r.pillar, r.question))
    ]


def _listed(cycle: Cycle) -> list[tuple[Pillar | None, str]]:
    """Every judgment the registry lists of ``cycle`` that it graded forces
    on, as (pillar, key): one it graded no force on is missing from no
    force's data."""
    return [
        (p, k)
        for p in cycle.pillars or (None,)
        for k in ([] if p is None else ["overall"]) + [q.key for q in core_questions(cycle, p) if q.graded]
    ]


def _left_out(cycles: Counter[Cycle]) -> str:
    """The subtitle's sentence of the judgments of each cycle the data hold
    of no force, so drawn in no row."""
    from ..model._messages import counted

    if not cycles:
        return ""
    said = [f"{counted(n, 'judgment')} of {cy}" for cy, n in sorted(cycles.items())]
    return f" Not drawn, with nothing in the data for any force: {c.joined(said)}."


def _has(cycle: Cycle, pillar: Pillar | None, question: str) -> bool:
    """Whether ``cycle`` has the judgment (a pillar's ``"overall"`` or a
    question's key) as its registry lists it: a pillar's judgments only a
    cycle of pillars, an area only an integrated cycle."""
    if (pillar is None) != cycle.integrated or (pillar is not None and pillar not in cycle.pillars):
        return False
    if question == "overall":
        return headline_graded(cycle, pillar)
    return question_or_none(cycle, pillar, question) is not None
