"""Where forces stand on one judgment, without the result classes.

:mod:`.national` wraps these in its classes; the scorecard uses them as they
are, so that the command line does not build classes it does not show.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

import attrs

from ..errors import NotFoundError
from ..model._messages import counted
from ..model.force import forces, territorial
from ..model.grades import Grade, NoGrade, ungraded_in
from ..model.judgments import Basis
from ..model.questions import question_or_none

if TYPE_CHECKING:
    from ..model.cycles import Cycle, Pillar
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.judgments import Judgment
    from ..model.reports import InspectionReport

Question = str | int
"""A core question as the analysis takes one: its number (``3``), its key
(``"investigating"``), wording or alias, or ``"overall"`` for a pillar's
headline judgment."""
GradeOrNot = Grade | NoGrade | None


def question_key(question: Question, cycle: Cycle, pillar: Pillar | None) -> str:
    """``"overall"``, or the key of the question in that cycle (as given,
    for a question of a cycle the registry does not know in full).

    Raises:
        NotFoundError: No such question, or ``"overall"`` in an integrated
            cycle, which has no overall grade.
    """
    from ..model._question_words import read_question
    from ..model.questions import core_question, core_questions, registry_complete

    question = read_question(question)
    if question == "overall":
        if cycle.integrated:
            areas = ", ".join(q.key for q in core_questions(cycle, None))
            known = "" if registry_complete(cycle, None) else "those known so far: "
            raise NotFoundError(f"{cycle} has no overall grade: name an area ({known}{areas})")
        return "overall"
    try:
        return core_question(cycle, pillar, question).key
    except NotFoundError:
        if registry_complete(cycle, pillar):
            raise
        return unlisted_key(question)


def question_label(key: str, cycle: Cycle, pillar: Pillar | None) -> str:
    """How a table names a judgment: ``"overall"``, ``"Q3"``, or the area
    (one the registry lacks by its key's words: ``new_area`` is "new area")."""
    from ..model.questions import core_question

    if key == "overall":
        return "overall"
    try:
        return core_question(cycle, pillar, key).label
    except NotFoundError:
        return key.replace("_", " ")


def judgment_in(report: InspectionReport | None, question: str) -> Judgment | None:
    """The report's judgment of ``question`` (``"overall"``: its headline),
    as :func:`judged` gives it, or ``None``."""
    if report is None:
        return None
    if question == "overall":
        return report.judgment
    return next((j for key, _, j in judged(report) if key == question), None)


def judged(report: InspectionReport) -> list[tuple[str, int | str, Judgment | None]]:
    """The report's judgments of its questions (not its pillar's headline),
    in its order, each as its key, the question as the report gives it, and
    the judgment; then the questions it leaves out that :func:`by_framework`
    judges. Where the report leaves a judgment unknown that the framework
    gives, the framework's stands. Every table, count and chart takes a
    report's judgments from here."""
    given = by_framework(report)
    out: list[tuple[str, int | str, Judgment | None]] = []
    for a in report.assessments:
        key = key_of(report, a.question)
        out.append((key, a.question, a.judgment if a.judgment is not None else given.get(key)))
    assessed = {key for key, _, _ in out}
    out += [(key, key, j) for key, j in given.items() if key not in assessed]
    return out


def held(report: InspectionReport) -> list[Judgment]:
    """The judgments the report holds, its headline's first: not those its
    cycle's framework gives every force (:func:`by_framework`), which the
    report's sources do not state."""
    return [j for j in (report.judgment, *(a.judgment for a in report.assessments)) if j is not None]


def by_framework(report: InspectionReport) -> Mapping[str, Judgment]:
    """The questions of a report's cycle that it grades for no force and
    asks of every force (2016 to 2018/19's question 5, 2023-25's service to
    victims), each with the judgment the cycle's framework gives every force
    on it: ungraded, from the framework, which the data need not hold. Only
    where the registry names the framework, the source of that judgment
    (not 2014's, whose question lists it does not link), and of the 43
    forces: a force of a user's own is none HMIC/HMICFRS inspected, which
    its framework's pages say nothing of."""
    from ..model.questions import generation

    if not territorial(report.force):
        return MappingProxyType({})
    return _framework_gives(report.cycle, report.pillar, generation[0])


@functools.lru_cache(maxsize=64)
def _framework_gives(cycle: Cycle, pillar: Pillar | None, _: int) -> Mapping[str, Judgment]:
    # Once a cycle, pillar and state of the registry (a question registered
    # since is asked too): a table asks it of every report, once a question.
    from ..model.questions import core_questions

    judgment = _ungraded(cycle)
    if judgment is None:
        return MappingProxyType({})
    return MappingProxyType({q.key: judgment for q in core_questions(cycle, pillar) if q.ungraded_for_all})


def framework_given(data: Dataset, cycle: Cycle, question: str, pillar: Pillar | None) -> int:
    """How many forces' judgments of ``question`` the cycle's framework
    gives where the data hold none (see :func:`by_framework`)."""
    given = _ungraded(cycle)
    return (
        0
        if given is None
        else sum(1 for j in judgments(data, cycle, question, pillar).values() if j is given)
    )


@functools.cache
def _ungraded(cycle: Cycle) -> Judgment | None:
    from ..model._question_table import FRAMEWORKS, INFERRED_FRAMEWORKS
    from ..model.judgments import Basis, Judgment

    framework = FRAMEWORKS.get(cycle.value)
    if framework is None:
        return None
    how, also = INFERRED_FRAMEWORKS.get(cycle.value, ("", ()))
    return Judgment(
        NoGrade.UNGRADED,
        basis=Basis.INFERRED if how else Basis.STATED,
        sources=(framework, *also),
        note=f"not in the data: {ungraded_in(cycle)} ({how or 'its framework'}), "
        "so every force's report is ungraded on it",
    )


def judgments(
    data: Dataset,
    cycle: Cycle,
    question: str,
    pillar: Pillar | None,
    among: Sequence[Force] | None = None,
) -> dict[str, Judgment | None]:
    """Every force's judgment (``None`` where the data have none), by id:
    of the 43 forces, or of those ``among``."""
    by_force = {r.force.id: r for r in data.for_cycle(cycle) if r.pillar is pillar}
    return {f.id: judgment_in(by_force.get(f.id), question) for f in (forces() if among is None else among)}


def sourced(data: Dataset, cycle: Cycle, question: str, pillar: Pillar | None) -> dict[str, tuple[str, ...]]:
    """Where each force's judgment comes from (its sources, else its
    report's: see :func:`~.sources.sources_of`), by id, of the forces the
    data have one of."""
    from .sources import _sources

    out: dict[str, tuple[str, ...]] = {}
    for r in data.for_cycle(cycle):
        if r.pillar is pillar and (j := judgment_in(r, question)) is not None:
            out[r.force.id] = _sources(r, j)
    return out


def grade(j: Judgment | None) -> GradeOrNot:
    return None if j is None else j.grade


class Standing(NamedTuple):
    """A force's standing on one judgment among the 43 (see :func:`standing`)."""

    grade: GradeOrNot
    same: tuple[str, ...]  # the ids of the forces with its grade, itself included
    graded: int  # how many forces have a grade
    unknown: int  # how many have nothing in the data
    region: tuple[tuple[str, GradeOrNot], ...]  # its region's forces' grades
    inferred: tuple[str, ...]  # those of ``same`` whose grade is inferred from wording


def standing(data: Dataset, force: Force, cycle: Cycle, question: str, pillar: Pillar | None) -> Standing:
    """The force's grade among the forces' judgments of ``question``: none
    where it has no grade, and no forces with the same grade."""
    found = judgments(data, cycle, question, pillar)
    mine = grade(found[force.id])
    graded = mine.__class__ is Grade
    same = {k: j for k, j in found.items() if graded and j is not None and j.grade is mine}
    return Standing(
        mine,
        tuple(same),
        sum(1 for j in found.values() if j is not None and j.grade.__class__ is Grade),
        sum(1 for j in found.values() if j is None),
        tuple((o.id, grade(found[o.id])) for o in forces() if o.region == force.region),
        tuple(k for k, j in same.items() if j.basis is Basis.INFERRED),
    )


def describe(
    force: Force,
    cycle: Cycle,
    mine: GradeOrNot,
    same: int,
    graded: int,
    unknown: int,
    inferred: int = 0,
    mine_inferred: bool = False,
) -> str:
    """The standing in words, with how many forces it is among: "one of 28
    forces graded good in 2016 (of 43 forces graded)"; where the data lack some
    forces' judgments, it is among those the data have, said first ("of the
    10 forces with a grade in the data (33 unknown), the only one of those
    10 graded requires improvement": not "the only force graded" of all
    43); and how
    many of the grades are inferred, not printed (:class:`~peel_effectiveness.Basis`)."""
    if mine is None:
        return f"unknown for {force.short_name} in {cycle}: nothing in the data"
    if mine.__class__ is not Grade:
        return f"{mine.value} for {force.short_name} in {cycle}"
    if not unknown:
        of = "the only force" if same == 1 else f"one of {same} forces"
        said = f"{of} graded {mine.value} in {cycle} (of {counted(graded, 'force')} graded)"
    elif graded == 1:
        said = f"graded {mine.value} in {cycle}, the only force with a grade in the data ({unknown} unknown)"
    else:
        # "Of those": a superlative of the forces the data have, never of the 43.
        of = f"the only one of those {graded}" if same == 1 else f"one of {same}"
        said = f"of the {graded} forces with a grade in the data ({unknown} unknown), {of} graded {mine.value} in {cycle}"
    if not inferred:
        return said
    if same == 1:
        return f"{said}; the grade is inferred, not printed"
    among = "this one among them" if mine_inferred else "not this one"
    return f"{said}; {inferred} of the {same} grades, {among}, {'is' if inferred == 1 else 'are'} inferred, not printed"


def spread(
    found: dict[str, Judgment | None], cycle: Cycle
) -> tuple[dict[Grade, list[str]], dict[NoGrade, list[str]], list[str]]:
    """Force ids by grade (every grade of the cycle's scale, best first), by
    reason for no grade (those that occur, in their order), and without data."""
    by_grade: dict[Grade, list[str]] = {g: [] for g in cycle.grade_scale.grades}
    no_grade: dict[NoGrade, list[str]] = {}
    missing: list[str] = []
    for fid, j in found.items():
        if j is None:
            missing.append(fid)
        elif isinstance(j.grade, Grade):
            by_grade.setdefault(j.grade, []).append(fid)
        else:
            no_grade.setdefault(j.grade, []).append(fid)
    ordered = {g: by_grade[g] for g in sorted(by_grade, reverse=True)}
    return ordered, {r: no_grade[r] for r in NoGrade if r in no_grade}, missing


def key_of(report: InspectionReport, question: int | str) -> str:
    """A question's key in a report's cycle (see :func:`unlisted_key` where
    the registry does not know it)."""
    # (Report.question without its message where the registry has none: a
    # table asks for every assessment of every report.)
    found = question_or_none(report.cycle, report.pillar, question)
    return unlisted_key(question) if found is None else found.key


def unlisted_key(question: int | str) -> str:
    """The key of a question the registry does not know (2025-27), as text:
    the model's identity of it (see
    :func:`~peel_effectiveness.model.questions.unlisted_ident`)."""
    from ..model._question_words import unlisted_ident

    return str(unlisted_ident(question))


def earlier(data: Dataset | None, report: InspectionReport, question: str) -> Judgment | None:
    """The judgment a report's judgment on ``question`` (``"overall"`` or a
    key) is compared with: :func:`previous_judgment_of`, none across a
    change of framework (see :func:`~peel_effectiveness.model.why_not_comparable`)."""
    if not compares_with_previous(report.cycle):
        return None
    return previous_judgment_of(data, report, question)


def compares_with_previous(cycle: Cycle) -> bool:
    """Whether the cycle's grades compare with those of the cycle before it
    (one framework and one scale; see
    :func:`~peel_effectiveness.model.why_not_comparable`)."""
    from ..model.cycles import why_not_comparable

    return cycle.previous is not None and why_not_comparable(cycle.previous, cycle) is None


def stood_in(j: Judgment | None, cycle: Cycle) -> Judgment | None:
    """The judgment that stood in ``cycle`` where ``j``, a later one, was
    carried over from that cycle or one before it (not judged again
    since): its grade, basis and sources, carried over itself only from
    a cycle before ``cycle``; else ``None``."""
    if j is None or j.carried_over_from is None or not j.carried_over_from <= cycle:
        return None
    since = j.carried_over_from if j.carried_over_from < cycle else None
    return attrs.evolve(j, carried_over_from=since, note="", other_grades=())


def carried_otherwise(later: Judgment | None, earlier: Judgment | None, cycle: Cycle) -> bool:
    """Whether ``later``, carried over from ``cycle`` or one before it,
    stood then with a grade that ``earlier``, ``cycle``'s judgment, gives
    otherwise: the data disagree (a grade carried over is the earlier one)."""
    return (
        later is not None
        and earlier is not None
        and stood_in(later, cycle) is not None
        and earlier.grade is not later.grade
    )


def judged_then(data: Dataset, report: InspectionReport, cycle: Cycle, question: str) -> Judgment | None:
    """The judgment on ``question`` of the report of ``cycle`` in ``data``
    on the report's force and pillar, or ``None`` (none in the data, or a
    pillar the cycle did not have)."""
    try:
        return judgment_in(data.get(report.force, cycle, report.pillar), question)
    except NotFoundError:
        return None


def previous_judgment_of(data: Dataset | None, report: InspectionReport, question: str) -> Judgment | None:
    """The previous cycle's judgment on ``question`` (``"overall"`` or a
    key), whether or not the two compare: from that cycle's report in
    ``data`` where the data have it, else as the report states it: its
    previous judgment, or the judgment it carries over from that cycle or
    one before it (:func:`stood_in`)."""
    cycle = report.cycle.previous
    if cycle is None:
        return None
    # Across the change to integrated reports the pillars end: a report
    # without one names no pillar report of the cycle before (data.get
    # would take the effectiveness report's for it).
    if data is not None and cycle.integrated == report.cycle.integrated:
        found = judged_then(data, report, cycle, question)
        if found is not None:
            return found
    if question == "overall":
        now, stated = report.judgment, report.previous_judgment
    else:
        try:
            a = report.assessment(question)
        except NotFoundError:
            return None
        now, stated = a.judgment, a.previous_judgment
    return stated if stated is not None else stood_in(now, cycle)
