"""A force's grades by cycle, as compact text tables for ``show``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..model.cycles import Cycle, Pillar
from ..model.grades import NoGrade
from ..model.judgments import Basis

if TYPE_CHECKING:
    from ..analysis._history import HistoryEntry
    from ..model.judgments import Judgment
    from ..model.questions import CoreQuestion

CELL = 12
_SHORT = {
    "outstanding": "Outstanding",
    "good": "Good",
    "adequate": "Adequate",
    "requires improvement": "Req. impr.",
    "inadequate": "Inadequate",
    "ungraded": "ungraded",
    "not graded": "not graded",
    "not inspected": "not insp.",
    "not yet graded": "pending",
}
# The words a cell shortens, said under the tables where a cell shows them.
_SHORTENED = (
    ("Req. impr.", "requires improvement."),
    *((_SHORT[r.value], f"{r.value}, {r.meaning}.") for r in (NoGrade.NOT_INSPECTED, NoGrade.NOT_YET_GRADED)),
)
# The marks a cell's grade may carry, in their order, each with what it
# means and whether a judgment has it.
_MARKS: tuple[tuple[str, str, Callable[[Judgment], bool]], ...] = (
    ("*", "carried over from an earlier cycle.", lambda j: j.carried_over_from is not None),
    ("?", f"inferred, {Basis.INFERRED.meaning}.", lambda j: j.inferred_grade),
    (
        "^",
        "another grade is recorded too (revised after publication, or disputed): 'export --table other_grades'.",
        lambda j: bool(j.other_grades),
    ),
)
_ALWAYS = (
    "-: unknown, nothing in the data. Blank: not asked, or not graded overall, that cycle. "
    "Grades cannot be compared across frameworks (HMICFRS began a new one in each of "
    + ", ".join(str(c) for c in Cycle if c.new_framework)
    + ")."
)


def cell(j: Judgment) -> str:
    """A judgment in at most eleven characters: its grade, shortened, and its marks."""
    return _SHORT[j.grade.value] + "".join(mark for mark, _, has in _MARKS if has(j))


# A row of a table: its place (a history entry's order), the cycle's year
# (the latest names it), its pillar ("" for none), its question, its name.
_Row = tuple[int, int, str, str, str]


def _rows(entries: list[HistoryEntry], every: list[_Row]) -> dict[tuple[str, str], str]:
    """The rows of a table of ``entries``, by pillar and question, in the
    reports' order, each with its name; ``every``: the rows shown whether
    the data have a judgment or not (:func:`_rows_of_reports`)."""
    found: list[_Row] = []
    for e in entries:
        # One line, whatever line breaks a question's name holds.
        short = "overall" if e.question == "overall" else " ".join(e.label.split(": ", 1)[-1].split())
        found.append((e.order, -e.cycle.year, "" if e.pillar is None else e.pillar.value, e.question, short))
    names: dict[tuple[str, str], str] = {}
    for _, _, pillar, key, name in sorted([*every, *found]):
        names.setdefault((pillar, key), name)
    return names


def _rows_of_reports(held: Iterable[tuple[Cycle, Pillar | None]]) -> list[_Row]:
    """The rows of what the cycles of the force's reports (``held``: each
    report's cycle and pillar) asked: its headline, where the cycle graded
    the pillar overall, and each question of the registry; those the data
    hold no judgment of are unknown, not left out as if not asked."""
    from ..analysis._history import place_of
    from ..model.questions import core_questions, headline_graded

    rows: list[_Row] = []
    for c, p in held:
        start = place_of(p)
        if p is not None and headline_graded(c, p):
            rows.append((start, -c.year, p.value, "overall", "overall"))
        pillar = "" if p is None else p.value
        rows += [(start + i, -c.year, pillar, q.key, q.name) for i, q in enumerate(core_questions(c, p), 1)]
    return rows


def _table(
    title: str,
    entries: list[HistoryEntry],
    width: int,
    names: dict[tuple[str, str], str],
    cycles: list[Cycle],
) -> list[str]:
    """The table of ``entries``, a row of ``names`` (:func:`_rows`) a
    question and a column a cycle of ``cycles`` (latest first: a cycle the
    data hold nothing of too), each pillar under its own heading."""
    from ..output._text import cut_short, padded, shown_width

    cells = {
        ("" if e.pillar is None else e.pillar.value, e.question, e.cycle): cell(e.judgment) for e in entries
    }
    # Each column as wide as its widest cell ("Outstanding*^") and a space
    # before it; the first needs none (a name stops short of its grade).
    widest = {c: max((len(text) for (_, _, of), text in cells.items() if of is c), default=0) for c in cycles}
    cols = {c: max(CELL, widest[c] + (i > 0)) for i, c in enumerate(cycles)}
    fit = max(1, (width - 22) // max(cols.values()))
    if len(cycles) > fit:
        # Too narrow for every cycle: the latest ones first, the rest below,
        # with the same rows (but those all blank there).
        return [
            *_table(title, entries, width, names, cycles[:fit]),
            "",
            *_table(title, entries, width, names, cycles[fit:]),
        ]
    name_width = max(20, width - 2 - sum(cols.values()))
    # The title, as a name, may run into the blank start of the first cycle's heading.
    heads = "".join(f"{c!s:>{cols[c]}}" for c in cycles)
    over = max(0, len(title) - name_width)
    lines = [f"  {title:<{name_width}}{heads[over:]}".rstrip()]
    heading = None
    for (pillar, key), name in names.items():
        values = "".join(
            f"{cells.get((pillar, key, c), _missing(pillar, key, c)):>{cols[c]}}" for c in cycles
        )
        if not values.strip():
            continue  # asked in none of these cycles
        if pillar and pillar != heading:
            lines.append(f"  {pillar.capitalize()}")
            heading = pillar
        shown = f"  {name}" if pillar else name
        # A name may run into the blank start of its row's first cell, and
        # is cut where it would touch the grade.
        room = name_width + len(values) - len(values.lstrip(" ")) - 1
        if shown_width(shown) > room:
            shown = cut_short(shown, room)
        over = max(0, shown_width(shown) - name_width)
        lines.append(f"  {padded(shown, name_width)}{values[over:]}".rstrip())
    return lines


def _missing(pillar: str, key: str, cycle: Cycle) -> str:
    """The cell of a judgment the data lack: blank where the cycle did not
    ask the question (2015 had no question 5) or grade the pillar overall,
    else unknown."""
    from ..model.questions import headline_graded, not_asked

    if not pillar or cycle.integrated:
        return "-"
    if Pillar(pillar) not in cycle.pillars:
        return ""
    if key == "overall":  # a pillar HMIC gave no overall grade that cycle (2014's effectiveness)
        return "-" if headline_graded(cycle, pillar) else ""
    return "" if not_asked(cycle, pillar, key) else "-"


def _asked_of_some(cycle: Cycle, lacking: list[CoreQuestion], width: int) -> list[str]:
    from ..output._chart_words import asked_of_each
    from ..output._text import wrap

    lines: list[str] = []
    for said in asked_of_each(cycle, lacking, "this force", lambda q: q.name[:1].lower() + q.name[1:]):
        lines += wrap(f"-: {said}", width)
    return lines


def history_lines(
    entries: tuple[HistoryEntry, ...],
    cycles: tuple[Cycle, ...],
    held: Iterable[tuple[Cycle, Pillar | None]],
    width: int = 80,
) -> list[str]:
    """The grades of a force by cycle, latest first: one table for each
    integrated cycle (2021/22 on), one for the pillared cycles before, whose
    grades compare with each other; ``cycles``: the data's, each a table or
    a column whether the force has a report of it or not; ``held``: the
    cycle and pillar of each of the force's reports, whose every question
    is a row (unknown where the data hold no judgment of it)."""
    from ..analysis._history import spanned
    from ..model.questions import core_questions
    from ..output._text import wrap

    held = set(held)
    lines: list[str] = []
    for c in sorted({e.cycle for e in entries} | set(cycles), reverse=True):
        if not c.integrated:
            continue
        # Every area of the cycle, each the data lack shown unknown.
        of_c = [e for e in entries if e.cycle is c]
        lines += _table("AREAS", of_c, width, _rows(of_c, _rows_of_reports([(c, None)])), [c])
        # An area the cycle asked of some forces only, unknown here: said
        # why, as national and coverage say it (the data do not say it was
        # not asked of this force, so it stays unknown).
        judged = {e.question for e in of_c}
        lines += _asked_of_some(
            c, [q for q in core_questions(c) if q.asked_of and q.key not in judged], width
        )
        lines.append("")
    pillared = [e for e in entries if not e.cycle.integrated]
    asked = _rows_of_reports((c, p) for c, p in held if not c.integrated and p is not None)
    if pillared or asked:
        # Every pillared cycle from the data's first to their last, as the
        # force's chart draws them, those the data lack of it unknown;
        # latest first.
        span = spanned(pillared, [c for c in cycles if not c.integrated])[::-1]
        lines += _table("PILLARS AND QUESTIONS", pillared, width, _rows(pillared, asked), span) + [""]
    if lines:
        # The key says the words and marks the tables show, and no others.
        shown = {cell(e.judgment) for e in entries}
        words = [*_SHORTENED, *((mark, said) for mark, said, _ in _MARKS)]
        key = [f"{word}: {said}" for word, said in words if any(word in c for c in shown)]
        lines += wrap(" ".join([*key, _ALWAYS]), width)
    return lines
