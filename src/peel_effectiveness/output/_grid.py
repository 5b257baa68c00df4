"""The wide grade table, ``grid``: one row per force and cycle (one of
the 43 the data hold no report of in a cycle too), one column per judgment (a
pillar's overall grade, a core question, an area).

A column is named by the judgment's key, which names the same question or
area in every cycle (``q1_prevent``, ``investigating``); a pillar's overall
grade is ``<pillar>_overall``; a key that two pillars share is prefixed with
the pillar (``efficiency_q1_...``), and one that another column's name has
with ``judgment_`` (a question a file names ``force``), and a number
where that is taken too (``judgment_force_2``). A cell holds the grade, or why there is
none (``ungraded``...); ``unknown`` where the row's cycle asks the question
(or grades the pillar) and the data hold no judgment of it; and it is empty
where the cycle does not ask it (a question of another cycle).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .columns import COLUMNS, UNKNOWN, Column

if TYPE_CHECKING:
    from ..model.cycles import Cycle, Pillar
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.judgments import Judgment as JudgmentRecord
    from ..model.reports import InspectionReport

Judgment = tuple["Pillar | None", str]  # a pillar (None for an area) and a key or "overall"


def _name(cycle: Cycle, pillar: Pillar | None, key: str) -> str:
    from ..errors import NotFoundError
    from ..model.questions import core_question

    if key == "overall":
        return f"{str(pillar).capitalize()} (overall)"
    try:
        name = core_question(cycle, pillar, key).name
    except NotFoundError:
        name = key
    name = name[:1].upper() + name[1:]
    return name if pillar is None else f"{str(pillar).capitalize()}: {name}"


def _columns(data: Dataset, cycles: Sequence[Cycle]) -> dict[Judgment, Column]:
    from ..analysis._judgment_keys import judgment_keys

    found: dict[Judgment, str] = {}  # each judgment, named as its latest cycle names it
    for cycle in cycles:
        for pillar, key in judgment_keys(data, cycle):
            found[(pillar, key)] = _name(cycle, pillar, key)
    pillars: dict[str, set[Pillar | None]] = {}
    for pillar, key in found:
        pillars.setdefault(key, set()).add(pillar)
    natural = {}
    for pillar, key in found:
        if key == "overall":
            natural[(pillar, key)] = f"{pillar}_overall"
        elif len(pillars[key]) > 1 and pillar is not None:
            natural[(pillar, key)] = f"{pillar}_{key}"
        else:
            natural[(pillar, key)] = key
    # A question of a cycle the registry lacks is named by its file, which
    # may name it as another column is ("force", "cycle"): each name is made
    # unique, as a table, a data package and a database need (SQL's names
    # whatever their case). The names that clash with none keep theirs, so
    # a clash renames only the judgments in it.
    fixed = {c.name.casefold() for c in COLUMNS["grid"]}
    seen = Counter(column.casefold() for column in natural.values())
    taken = fixed | {n for n, count in seen.items() if count == 1 and n not in fixed}
    columns = {}
    for judgment, column in natural.items():
        folded = column.casefold()
        if folded in fixed or seen[folded] > 1:
            base = f"judgment_{column}"
            column, n = base, 1
            while column.casefold() in taken:
                n += 1
                column = f"{base}_{n}"
            taken.add(column.casefold())
        columns[judgment] = Column(column, "judgment", f"{found[judgment]}: the grade, or why there is none.")
    return columns


def grid(
    reports: Dataset | Sequence[InspectionReport], data: Dataset | None = None
) -> tuple[tuple[Column, ...], list[dict[str, Any]]]:
    """The grid's columns and rows for ``reports``: one row per force and
    cycle, by force id and cycle, one of the 43 the data hold no report of
    in a cycle too (its judgments unknown), as the national picture counts
    them.

    The rows are of each force of the reports in each of their cycles; of
    reports that are ``data``'s of some cycles (all its reports of them),
    of every force of ``data`` (the 43 of ``export --cycle 2017``); of
    reports that are ``data``'s of some forces, of every cycle of ``data``.
    Of reports that are no such choice, the rows are those they cover.
    """
    from ..analysis._standing import held, judged
    from ..analysis.sources import _sources
    from ..model.dataset import Dataset
    from ..model.force import territorial
    from ..model.questions import generation, registry_complete
    from ._chart_words import pillars_lacking
    from ._rows import one_a_line

    chosen = reports if isinstance(reports, Dataset) else Dataset(tuple(reports))
    whole = chosen if data is None else data
    forces, cycles = _scope(chosen, whole)
    columns = _columns(chosen, cycles)
    rows: dict[tuple[str, Cycle], dict[str, Any]] = {}
    said: dict[tuple[str, Cycle], dict[str, None]] = {}  # each row's sources, once each, in order
    caveats: dict[tuple[str, Cycle], list[str]] = {}

    of_43: set[str] = set()  # the rows' forces that are of the 43

    def row_of(force: Force, cycle: Cycle) -> dict[str, Any]:
        if territorial(force):
            of_43.add(force.id)
        return rows.setdefault(
            (force.id, cycle),
            {"force": force.id, "short_name": force.short_name, "cycle": cycle.value}
            | dict.fromkeys((c.name for c in columns.values()), None),
        )

    for r in chosen:
        row = row_of(r.force, r.cycle)
        sources = said.setdefault((r.force.id, r.cycle), {})
        found = [("overall", r.judgment)] if r.pillar is not None else []
        found += [(key, j) for key, _, j in judged(r)]
        mine = held(r)  # (not the framework's, whose notes the row's sources give)
        for key, j in found:
            if j is not None:
                column = columns[(r.pillar, key)].name
                row[column] = j.grade.value
                sources.update(dict.fromkeys(_sources(r, j)))
                said_of = _caveats(j, own=any(j is h for h in mine))
                caveats.setdefault((r.force.id, r.cycle), []).extend(f"{column}: {c}" for c in said_of)
    # A row where the data hold no report: of the 43 only, as the national
    # picture counts them (a force of your own has rows where it has reports).
    for force in filter(territorial, forces):
        for cycle in cycles:
            if (force.id, cycle) not in rows:
                row_of(force, cycle)
                caveats[(force.id, cycle)] = ["the data hold no report of this force in this cycle"]
    # What a row's cells cannot say: a pillar of its cycle the data hold no
    # report of (unknown, or no column), and a pillar whose questions the
    # registry does not list (its blanks are not "not asked").
    in_table = {p for p, _ in columns if p is not None}
    of_rows = {c for _, c in rows}
    lacking = {cycle: pillars_lacking(whole, cycle, in_table) for cycle in of_rows}
    unlisted = {
        cycle: [
            f"{p or 'areas'}: the library's registry does not list {cycle}'s; "
            f"a blank cell does not say {cycle} did not ask it"
            for p in cycle.pillars or (None,)
            if (p in in_table or (p is None and cycle.integrated)) and not registry_complete(cycle, p)
        ]
        for cycle in of_rows
    }
    for at, row in rows.items():
        # What the data lack is said of the 43: a force of your own is not
        # counted in it, and may hold the very pillar.
        lacks = lacking[at[1]] if at[0] in of_43 else None
        caveats.setdefault(at, []).extend([*([lacks] if lacks else []), *unlisted[at[1]]])
        for (pillar, key), judgment in columns.items():
            asked = _asked(at[1], pillar, key, generation[0])
            if row[judgment.name] is None and asked is not None:
                row[judgment.name] = UNKNOWN
                if asked:  # of some forces only: the data do not say which
                    caveats.setdefault(at, []).append(f"{judgment.name}: unknown; {at[1]} asked it {asked}")
        row["sources"] = one_a_line(list(said.get(at, ())))
        row["caveats"] = one_a_line(caveats.get(at, []))
    ordered = sorted(rows.items(), key=lambda item: item[0])
    # The judgments' columns between the row's names and its sources and
    # caveats (cells of many lines, last).
    names, notes = COLUMNS["grid"][:3], COLUMNS["grid"][3:]
    return (*names, *columns.values(), *notes), [row for _, row in ordered]


def _scope(chosen: Dataset, whole: Dataset) -> tuple[list[Force], list[Cycle]]:
    """The forces and cycles the grid of ``chosen`` has a row for each of
    (:func:`grid`), where they are ``whole``'s reports of some forces in
    some cycles (every one of ``whole``'s there): a force that has no
    report there then truly has none in ``whole``. Else no force (the rows
    are those the reports cover), in the reports' cycles."""
    forces, cycles = {r.force for r in chosen}, set(chosen.cycles)
    picked = set(chosen.reports)
    if picked != {r for r in whole if r.force in forces and r.cycle in cycles}:
        return [], sorted(cycles)
    if picked == {r for r in whole if r.cycle in cycles}:  # a choice of cycles (or of everything)
        forces = {r.force for r in whole}
    if picked == {r for r in whole if r.force in forces}:  # a choice of forces (or of everything)
        cycles = set(whole.cycles)
    return sorted(forces, key=lambda f: f.id), sorted(cycles)


@functools.lru_cache(maxsize=1024)
def _asked(cycle: Cycle, pillar: Pillar | None, key: str, _: int) -> str | None:
    """Whether a cycle asks a judgment (a pillar's overall grade, or a core
    question or area the registry lists): ``""`` of every force, of which
    forces in words where of some only (:attr:`CoreQuestion.asked_of`),
    ``None`` where not at all. (The last argument: the registry's
    generation, which a question registered changes.)"""
    from ..model.questions import core_questions, headline_graded

    if pillar not in (cycle.pillars or (None,)):
        return None
    if key == "overall":
        return "" if headline_graded(cycle, pillar) else None
    q = next((q for q in core_questions(cycle, pillar) if q.key == key), None)
    return None if q is None else q.asked_of or ""


def _caveats(j: JudgmentRecord, *, own: bool) -> list[str]:
    """What a cell's grade does not say of itself: what show marks * ? ^,
    and the note of a judgment the report holds (``own``; not of one its
    cycle's framework gives every force, whose sources the row names)."""
    from ..model.judgments import Basis

    out = []
    if j.carried_over_from is not None:
        out.append(f"carried over from {j.carried_over_from}")
    if j.inferred_grade:
        out.append(f"inferred, {Basis.INFERRED.meaning}")
    if j.other_grades:
        out.append("another grade is recorded too (revised after publication, or disputed)")
    if own and j.note:  # such as a doubt of the grade's sources, which the cell alone hides
        out.append(f"note: {' '.join(j.note.split())}")  # one line, as each caveat is
    return out
