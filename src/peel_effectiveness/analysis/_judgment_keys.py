"""Which judgments a cycle has: each pillar's overall grade and
questions, or each area, as the data hold them; and which of them HMIC
judged forces on, which the national picture counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import NotFoundError
from ..model.cycles import resolve_pillar
from ._standing import key_of, question_key

if TYPE_CHECKING:
    from ..model.cycles import Cycle, Pillar
    from ..model.dataset import Dataset
    from ._standing import Question


def judged_on(cycle: Cycle, pillar: Pillar | None, key: str) -> bool:
    """Whether HMIC judged forces on a judgment of the cycle: not on the
    overall grade of a pillar it graded no force on overall (2014's
    effectiveness, 2015's leadership). The national picture counts no such
    judgment (every force would be unknown, where it is known there is no
    grade); the grid and the charts show one where the data hold it."""
    from ..model.questions import headline_graded

    return key != "overall" or pillar is None or headline_graded(cycle, pillar)


def no_overall_grade(cycle: Cycle, pillar: Pillar | str | None) -> str:
    """What a pillar's overall grade of a cycle that gave none is, in words."""
    return f"HMIC gave the {cycle} {pillar} pillar no overall grade"


def counted_keys(data: Dataset, cycle: Cycle) -> list[tuple[Pillar | None, str]]:
    """The judgments of a cycle the national picture counts: those of
    :func:`judgment_keys` that HMIC judged forces on (see :func:`judged_on`)."""
    return [(p, k) for p, k in judgment_keys(data, cycle) if judged_on(cycle, p, k)]


def judgment_keys(data: Dataset, cycle: Cycle) -> list[tuple[Pillar | None, str]]:
    """Every judgment of a cycle, as (pillar, ``"overall"`` or question key):
    each pillar's overall grade and questions, or each area, in the
    registry's order, then any question the data name that the registry
    lacks. A pillar's overall grade is among them where the data hold one
    that HMIC did not give (see :func:`judged_on`)."""
    from ..model.questions import core_questions, headline_graded

    out: list[tuple[Pillar | None, str]] = []
    for p in cycle.pillars or (None,):
        reports = [r for r in data.for_cycle(cycle) if r.pillar is p]
        if not reports:  # a pillar, or an integrated cycle, the data have no report of
            continue
        keys = (
            ["overall"]
            if p is not None and (headline_graded(cycle, p) or any(r.judgment for r in reports))
            else []
        )
        keys += [q.key for q in core_questions(cycle, p)]
        for r in reports:
            for a in r.assessments:
                key = key_of(r, a.question)
                if key not in keys:
                    keys.append(key)
        out += [(p, k) for k in keys]
    return out


def judged_in(cycle: Cycle, question: Question, pillar: str | Pillar | None) -> bool:
    """Whether ``cycle`` judges forces on the question at all: not where it
    has no such question (2015 had no question 5; 2018/19 no area
    "investigating") nor, for a pillar's overall grade, where HMIC gave the
    pillar none (2014's effectiveness). Where it does not, a force's grade
    of it is none to be had, not unknown."""
    try:
        p = resolve_pillar(cycle, pillar)
        key = question_key(question, cycle, p)
    except NotFoundError:
        return False
    return judged_on(cycle, p, key)
