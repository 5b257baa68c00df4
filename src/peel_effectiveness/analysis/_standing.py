"""Where forces stand on one judgment, without the result classes.

:mod:`.national` wraps these in its classes; the scorecard uses them as they
are, so that the command line does not build classes it does not show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.force import forces

if TYPE_CHECKING:
    from ..model.cycles import Cycle, Pillar
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.grades import Grade
    from ..model.judgments import Judgment
    from ..model.reports import InspectionReport

Question = str | int


def question_key(question: Question, cycle: Cycle, pillar: Pillar) -> str:
    """``"overall"``, or the key of the question in that cycle."""
    from ..model.cycles import core_question

    if question == "overall":
        return "overall"
    return core_question(cycle, pillar, question).key


def _judgment(report: InspectionReport | None, question: str) -> Judgment | None:
    if report is None:
        return None
    if question == "overall":
        return report.judgment
    number = report.question(question).number
    for a in report.assessments:
        if a.question == number:
            return a.judgment
    return None


def judgments(data: Dataset, cycle: Cycle, question: str, pillar: Pillar) -> dict[str, Judgment | None]:
    """Every force's judgment (``None`` where the data have none), by id."""
    by_force = {r.force.id: r for r in data.for_cycle(cycle) if r.pillar is pillar}
    return {f.id: _judgment(by_force.get(f.id), question) for f in forces()}


def grade(j: Judgment | None) -> Grade | None:
    return None if j is None else j.grade


def standing(
    data: Dataset, force: Force, cycle: Cycle, question: str, pillar: Pillar
) -> tuple[Grade | None, tuple[str, ...], int, tuple[tuple[str, Grade | None], ...]]:
    """The force's grade, the ids of the forces with the same grade (itself
    included), how many forces have a grade, and its region's grades."""
    found = judgments(data, cycle, question, pillar)
    mine = grade(found[force.id])
    same = tuple(k for k, j in found.items() if mine is not None and j is not None and j.grade is mine)
    graded = sum(1 for j in found.values() if j is not None and j.grade is not None)
    region = tuple((o.id, grade(found[o.id])) for o in forces() if o.region == force.region)
    return mine, same, graded, region


def describe(force: Force, cycle: Cycle, mine: Grade | None, same: int) -> str:
    """The standing in words: "one of 28 forces graded good in 2016"."""
    if mine is None:
        return f"no grade for {force.short_name} in {cycle}"
    if same == 1:
        return f"the only force graded {mine.value} in {cycle}"
    return f"one of {same} forces graded {mine.value} in {cycle}"
