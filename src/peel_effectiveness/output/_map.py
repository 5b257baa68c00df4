"""The hex map: the 43 forces of England and Wales, one hexagon each,
coloured by their grade on one question or area of a cycle.

The layout is data (:mod:`._hex_layout`); the colours, hatching and legend
are the grade grids' (:mod:`._chart`); lines along the hexagons' edges mark
the regions, a thicker one the border of Wales.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..analysis import _args
from ..errors import NotFoundError
from ..model.cycles import Cycle, Pillar, resolve_pillar
from ..model.force import Country, find_force, territorial
from ..model.questions import core_questions, headline_graded, question_or_none
from ..model.reports import report_title
from . import _chart as c
from ._hex_layout import HEXES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..model.dataset import Dataset
    from ..model.judgments import Judgment
    from ..model.reports import InspectionReport

RADIUS = 1 / math.sqrt(3)  # a hexagon one unit across its flat sides
LABEL_SIZE = c.NOTE  # points
REGION_LINE, WALES_LINE = 1.5, 3.0  # points


def centre(column: int, row: int) -> tuple[float, float]:
    """A hexagon's centre, in units of its width (north up)."""
    return column + 0.5 * (row % 2), -row * math.sqrt(3) / 2


def corners(column: int, row: int) -> list[tuple[float, float]]:
    """A pointy-topped hexagon's corners, from the top, anticlockwise."""
    x, y = centre(column, row)
    return [
        (x + RADIUS * math.cos(math.radians(90 + 60 * k)), y + RADIUS * math.sin(math.radians(90 + 60 * k)))
        for k in range(6)
    ]


def _borders() -> Iterator[tuple[tuple[float, float], tuple[float, float], bool]]:
    """Each hexagon edge between two regions or at the coast: its ends, and
    whether it is part of the border of Wales."""
    at = {(round(x, 3), round(y, 3)): f for f, col, row, _ in HEXES for x, y in [centre(col, row)]}
    for f, col, row, _ in HEXES:
        force = find_force(f)
        x, y = centre(col, row)
        points = corners(col, row)
        for k in range(6):
            # The neighbour across the edge from corner k to corner k + 1.
            angle = math.radians(120 + 60 * k)
            other = at.get((round(x + math.cos(angle), 3), round(y + math.sin(angle), 3)))
            theirs = None if other is None else find_force(other)
            if theirs is not None and theirs.region == force.region:
                continue
            if theirs is not None and other is not None and other < f:
                continue  # drawn once, from the other side
            wales = theirs is not None and (theirs.country is Country.WALES) != (
                force.country is Country.WALES
            )
            yield points[k], points[(k + 1) % 6], wales


def mapped(cycle: Cycle, pillar: Pillar | None, question: str | int | None) -> str | int:
    """The judgment a map of ``cycle`` (``pillar``) draws: ``question``, or
    the overall grade where there is one and none is named.

    Raises:
        NotFoundError: None is named, and the cycle gave no overall grade
            (with the questions to name, where the registry knows them).
    """
    if question is not None:
        return question
    if cycle.integrated:
        areas = ", ".join(q.key for q in core_questions(cycle, None) if q.graded)
        raise NotFoundError(f"{cycle} has no overall grade: name an area ({areas})")
    if not headline_graded(cycle, pillar):
        numbers = ", ".join(str(q.number) for q in core_questions(cycle, pillar) if q.graded)
        if not numbers:
            raise NotFoundError(
                f"{cycle} {pillar} has no overall grade, nor a graded question the registry knows"
            )
        raise NotFoundError(f"{cycle} {pillar} has no overall grade: name a core question ({numbers})")
    return "overall"


def draw_map(
    data: Dataset,
    cycle: str | int | Cycle | None,
    question: str | int | None,
    pillar: str | Pillar | None,
) -> Figure:
    """The hex map of one question's grades (see :func:`.plot.plot_map`)."""
    from ..analysis._coverage import graded_in_cycle
    from ..analysis._standing import question_key, question_label
    from ..analysis.sources import count_sources, sources_of

    data = _args.dataset("data", data)
    if cycle is None and not data.cycles:
        raise _args.refuse("the data have no reports to draw")
    cy = _args.cycle("cycle", cycle) if cycle is not None else data.cycles[-1]
    p = resolve_pillar(cy, _args.pillar("pillar", pillar))
    if question is not None:
        question = _args.question("question", question)
    key = question_key(mapped(cy, p, question), cy, p)
    found = report_judgments(data, cy, key, p)
    # A force not of the 43 has no hexagon: it is named, not drawn nor counted.
    left_out = c.others(r.force for r, _ in found.values())
    found = {f: rj for f, rj in found.items() if f not in {o.id for o in left_out}}
    # (A question the registry lacks, 2025-27's, is named from its key.)
    what = question_label(key, cy, p) if key == "overall" else _name(cy, p, key)
    if key == "overall":
        what = f"{p} overall" if p is not None else "overall"
    if graded_in_cycle(cy, p, key) is False:
        # Each force's hexagon would be ungraded or unknown, a pattern of
        # where the data hold the word, not of the forces.
        raise _args.refuse(
            f"{cy.inspectorate} graded no force on {what} in {cy}: a map of it has no grade to show"
        )
    if not found:
        among = f" of the 43 forces (not drawn: {c.not_of_43(left_out)})" if left_out else ""
        raise _args.refuse(f"the data have no {cy} judgments of {what}{among} to draw")
    grades = {f: j.grade for f, (_, j) in found.items()}

    fig = c.figure(6.4)  # first: it says so if matplotlib is missing
    from matplotlib.patches import Polygon

    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.set_axis_off()
    for f, col, row, label in HEXES:
        grade = grades.get(f)
        fill, hatch, ink = c.grade_style(grade)
        shape = corners(col, row)
        ax.add_patch(Polygon(shape, closed=True, facecolor=fill, edgecolor=ink, hatch=hatch, linewidth=0))
        ax.add_patch(Polygon(shape, closed=True, facecolor="none", edgecolor="white", linewidth=1.2))
        if grade is None:
            # White on white: hatched neighbours ran together, an outline
            # inside the gap keeps each a hexagon.
            ax.add_patch(
                Polygon(_inset(shape), closed=True, facecolor="none", edgecolor=c.NO_DATA_INK, linewidth=0.5)
            )
        x, y = centre(col, row)
        ax.text(
            x,
            y,
            _marked(label, c.marks(found[f][1]) if f in found else ""),
            ha="center",
            va="center",
            fontsize=LABEL_SIZE,
            linespacing=1.0,
            color=c.text_colour(fill),
            bbox=c.label_ground(grade),
            gid=f"label-{f}",
        )
    for start, end, wales in _borders():
        ax.plot(
            [start[0], end[0]],
            [start[1], end[1]],
            color=c.INK,
            linewidth=WALES_LINE if wales else REGION_LINE,
            solid_capstyle="round",
        )
    xs = [x for f, col, row, _ in HEXES for x, _y in corners(col, row)]
    ys = [y for f, col, row, _ in HEXES for _x, y in corners(col, row)]
    ax.set_xlim(min(xs) - 0.9, max(xs) + 0.1)
    ax.set_ylim(min(ys) - 0.05, max(ys) + 0.05)
    # Wales named beside its hexagons.
    welsh = [centre(col, row) for f, col, row, _ in HEXES if find_force(f).country is Country.WALES]
    ax.text(
        min(x for x, _ in welsh) - 0.55,
        sum(y for _, y in welsh) / len(welsh),
        "WALES",
        ha="right",
        va="center",
        fontsize=c.NOTE,
        color=c.INK,
        fontweight="bold",
    )
    reasons = c.reasons(grades.values())
    scale = cy.grade_scale.grades
    counts = [(str(g).lower(), sum(1 for v in grades.values() if v is g)) for g in scale]
    counts += [(r.value, sum(1 for v in grades.values() if v is r)) for r in reasons]
    counts.append(("nothing in the data", sum(1 for f, *_ in HEXES if f not in grades)))
    said = ", ".join(f"{n} {words}" for words, n in counts if n)
    where = report_title(cy, p)
    sources = count_sources((sources_of(r, j) for r, j in found.values()), "judgments")
    c.frame(
        fig,
        # A question's wording ends with its own "?".
        f"PEEL {cy}: {_title(what)}{' Force' if what.endswith('?') else ', force'} by force",
        f"Each hexagon is a force, placed roughly where it lies; the lines mark the regions, "
        f"the thick one Wales. Of the 43 forces: {said}."
        + (f" Not drawn: {c.not_of_43(left_out)}." if left_out else "")
        + c.marks_note(j for _, j in found.values())
        + c.official_said(sources),
        # Of every report of the 43 on the map's pillar of the cycle: one of
        # a user's own that grades no force on the question leaves a blank.
        f"{c.sources_said(sources)} {c.credit(r for r in data.for_cycle(cy) if r.pillar is p and territorial(r.force))}",
        # A map of no grade at all keys no grade: keys of colours it does not
        # use suggest some to find.
        c.grade_legend(
            scale if any(g in scale for g in grades.values()) else (),
            reasons,
            unknown=len(found) < len(HEXES),
        ),
    )
    fig.set_label(f"map {where} {key}")
    return fig


def _inset(shape: Any) -> list[tuple[float, float]]:
    """A hexagon's corners drawn a little inside it, clear of the white
    gap between hexagons."""
    cx = sum(x for x, _ in shape) / len(shape)
    cy = sum(y for _, y in shape) / len(shape)
    return [(cx + (x - cx) * 0.96, cy + (y - cy) * 0.96) for x, y in shape]


def _marked(label: str, marks: str) -> str:
    """A hexagon's label with its marks, after its last line where that is
    no wider than the widest label without marks (which the layout fits
    inside its hexagon), else after its shortest line, else below it."""
    if not marks:
        return label
    widest = _widest_label()
    lines = label.split("\n")
    for i in (len(lines) - 1, min(range(len(lines)), key=lambda i: len(lines[i]))):
        if c.text_inches(lines[i] + marks, LABEL_SIZE) <= widest:
            return "\n".join(line + marks if n == i else line for n, line in enumerate(lines))
    return f"{label}\n{marks}"


@functools.cache
def _widest_label() -> float:
    """How wide the widest line of the 43's labels is, in inches."""
    return max(c.text_inches(line, LABEL_SIZE) for *_, shown in HEXES for line in shown.split("\n"))


def _name(cycle: Cycle, pillar: Pillar | None, key: str) -> str:
    """A question's short name, or one the registry lacks named from its key."""
    q = question_or_none(cycle, pillar, key)
    return c.unlisted_name(key) if q is None else q.name


def _title(what: str) -> str:
    return what[:1].upper() + what[1:]


def report_judgments(
    data: Dataset, cycle: Cycle, question: str, pillar: Pillar | None
) -> dict[str, tuple[InspectionReport, Judgment]]:
    """Each force's judgment on ``question`` (``"overall"`` or a key) with its
    report, by force id; forces the data have no judgment of are left out."""
    out: dict[str, tuple[InspectionReport, Judgment]] = {}
    for r in data.for_cycle(cycle):
        if r.pillar is not pillar:
            continue
        if question == "overall":
            j = r.judgment
        else:
            try:
                j = r.assessment(question).judgment
            except NotFoundError:
                j = None
        if j is not None:
            out[r.force.id] = (r, j)
    return out
