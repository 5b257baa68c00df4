"""The national picture: how grades are spread across the 43 forces, how they
moved between cycles, and where one force stands.

Forces without a judgment are counted as having no data: never as ungraded,
never as any grade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..model.cycles import Cycle, Pillar
from ..model.force import Force, find_force, forces
from ..model.grades import Grade
from . import _standing
from ._compare import Change
from ._standing import Question
from .comparisons import GradeChange, grade_change

if TYPE_CHECKING:
    from ..model.dataset import Dataset

__all__ = [
    "GradeDistribution",
    "Position",
    "Transition",
    "Transitions",
    "grade_distribution",
    "position",
    "transitions",
]


@attrs.frozen
class GradeDistribution:
    """How many forces got each grade for one question in one cycle.

    Attributes:
        cycle: The cycle.
        question: ``"overall"`` or the question's key.
        counts: Each grade of the cycle's scale with its number of forces, best first.
        forces_by_grade: Each grade with its forces.
        ungraded: Forces whose judgment is "ungraded" (the question was not graded).
        no_data: Forces with no judgment in the data.
    """

    cycle: Cycle
    question: str
    counts: tuple[tuple[Grade, int], ...]
    forces_by_grade: tuple[tuple[Grade, tuple[Force, ...]], ...]
    ungraded: tuple[Force, ...]
    no_data: tuple[Force, ...]

    def count(self, grade: Grade) -> int:
        """The number of forces with ``grade``."""
        return dict(self.counts).get(grade, 0)

    @property
    def total(self) -> int:
        """All forces counted: graded, ungraded and without data (43)."""
        return sum(n for _, n in self.counts) + len(self.ungraded) + len(self.no_data)


def grade_distribution(
    data: Dataset,
    cycle: str | int | Cycle,
    question: Question = "overall",
    pillar: str | Pillar = Pillar.EFFECTIVENESS,
) -> GradeDistribution:
    """The spread of grades across all 43 forces.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> d = grade_distribution(load_bundled(), 2016)
        >>> [(str(g), n) for g, n in d.counts], len(d.no_data), d.total
        ([('Outstanding', 1), ('Good', 28), ('Requires improvement', 13), ('Inadequate', 1)], 0, 43)
    """
    c, p = Cycle.parse(cycle), Pillar(pillar)
    q = _standing.question_key(question, c, p)
    judgments = _standing.judgments(data, c, q, p)
    by_grade: dict[Grade, list[Force]] = {g: [] for g in c.grade_scale.grades}
    ungraded: list[Force] = []
    missing: list[Force] = []
    for fid, j in judgments.items():
        f = find_force(fid)
        if j is None:
            missing.append(f)
        elif j.grade is None:
            ungraded.append(f)
        else:
            by_grade.setdefault(j.grade, []).append(f)
    grades = sorted(by_grade, reverse=True)
    return GradeDistribution(
        c,
        q,
        tuple((g, len(by_grade[g])) for g in grades),
        tuple((g, tuple(by_grade[g])) for g in grades),
        tuple(ungraded),
        tuple(missing),
    )


@attrs.frozen
class Transition:
    """One force's grade in two cycles.

    Attributes:
        force: The force.
        before: The earlier grade (``None`` where missing or ungraded).
        after: The later grade.
        change: How it changed.
    """

    force: Force
    before: Grade | None
    after: Grade | None
    change: GradeChange


@attrs.frozen
class Transitions:
    """How forces' grades moved between two cycles.

    Attributes:
        from_cycle: The earlier cycle.
        to_cycle: The later cycle.
        question: ``"overall"`` or the question's key.
        improved: Forces whose grade rose.
        declined: Forces whose grade fell.
        unchanged: Forces with the same grade.
        not_comparable: Forces without a grade in one of the cycles (or
            graded on scales that cannot be compared).
    """

    from_cycle: Cycle
    to_cycle: Cycle
    question: str
    improved: tuple[Transition, ...]
    declined: tuple[Transition, ...]
    unchanged: tuple[Transition, ...]
    not_comparable: tuple[Transition, ...]


def transitions(
    data: Dataset,
    from_cycle: str | int | Cycle,
    to_cycle: str | int | Cycle,
    question: Question = "overall",
    pillar: str | Pillar = Pillar.EFFECTIVENESS,
) -> Transitions:
    """Which forces improved, declined or stayed between two cycles.

    The question is matched by its key across cycles (``"q1_prevent"``), or
    ``"overall"`` for the headline judgment. Grades on different scales (the
    four-point scale before 2021/22 and the five-point one after) are not
    comparable.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> t = transitions(load_bundled(), 2015, 2016)
        >>> "cumbria" in [x.force.id for x in t.improved]
        True
    """
    a, b, p = Cycle.parse(from_cycle), Cycle.parse(to_cycle), Pillar(pillar)
    qa, qb = _standing.question_key(question, a, p), _standing.question_key(question, b, p)
    before, after = _standing.judgments(data, a, qa, p), _standing.judgments(data, b, qb, p)
    scale = a.grade_scale if a.grade_scale is b.grade_scale else None
    groups: dict[Change, list[Transition]] = {c: [] for c in Change}
    for f in forces():
        x, y = before[f.id], after[f.id]
        gx, gy = (None if x is None else x.grade), (None if y is None else y.grade)
        change = grade_change(x, y, scale) if scale is not None else GradeChange(Change.NOT_COMPARABLE, None)
        groups[change.direction].append(Transition(f, gx, gy, change))
    return Transitions(
        a,
        b,
        qb,
        tuple(groups[Change.IMPROVED]),
        tuple(groups[Change.DECLINED]),
        tuple(groups[Change.UNCHANGED]),
        tuple(groups[Change.NOT_COMPARABLE]),
    )


@attrs.frozen
class Position:
    """Where one force stands among all forces on one judgment.

    Attributes:
        force: The force.
        cycle: The cycle.
        question: ``"overall"`` or the question's key.
        grade: The force's grade (``None`` where missing or ungraded).
        same_grade: Every force with the same grade, this one included.
        graded: How many forces have a grade.
        region: The force's region.
        region_grades: Each force of the region with its grade.
    """

    force: Force
    cycle: Cycle
    question: str
    grade: Grade | None
    same_grade: tuple[Force, ...]
    graded: int
    region: str
    region_grades: tuple[tuple[Force, Grade | None], ...]

    def __str__(self) -> str:
        return _standing.describe(self.force, self.cycle, self.grade, len(self.same_grade))


def position(
    data: Dataset,
    force: str | Force,
    cycle: str | int | Cycle,
    question: Question = "overall",
    pillar: str | Pillar = Pillar.EFFECTIVENESS,
) -> Position:
    """A force's place in the national picture.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> print(position(load_bundled(), "cumbria", 2016))
        one of 28 forces graded good in 2016
    """
    f, c, p = find_force(force), Cycle.parse(cycle), Pillar(pillar)
    q = _standing.question_key(question, c, p)
    grade, same, graded, region = _standing.standing(data, f, c, q, p)
    return Position(
        f,
        c,
        q,
        grade,
        tuple(map(find_force, same)),
        graded,
        f.region,
        tuple((find_force(i), g) for i, g in region),
    )
