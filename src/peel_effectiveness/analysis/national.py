"""The national picture: how grades are spread across the 43 forces, and
where one force stands, for any cycle, pillar and question or area (how
they moved between cycles: :func:`~peel_effectiveness.analysis.transitions`).

Forces without a judgment are counted as having no data: never as
ungraded, never as any grade. A judgment without a grade (ungraded, not
graded...) is counted under its reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import attrs

from ..errors import NotFoundError
from ..model.cycles import Cycle, Pillar, resolve_pillar
from ..model.force import Force, find_force, territorial
from ..model.grades import Grade, NoGrade
from ..model.judgments import Judgment
from . import _args, _judgment_keys, _standing
from ._standing import GradeOrNot, Question

if TYPE_CHECKING:
    from ..model.dataset import Dataset

__all__ = [
    "GradeDistribution",
    "Position",
    "grade_distribution",
    "grade_distributions",
    "position",
]


@attrs.frozen
class GradeDistribution:
    """How many forces got each grade for one question in one cycle.

    Attributes:
        cycle: The cycle.
        pillar: The pillar, ``None`` in an integrated cycle.
        question: ``"overall"`` or the question's (or area's) key.
        label: How tables name it: ``"overall"``, ``"Q3"`` or the area.
        counts: Each grade of the cycle's scale with its number of forces, best first.
        forces_by_grade: Each grade with its forces.
        no_grade: Each reason for no grade that occurs (ungraded, not
            graded...) with its forces.
        no_data: Forces with no judgment in the data.
        judgments: Each force's judgment in the data, with where it comes
            from (its sources, else its report's address), by id.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import grade_distribution
        >>> d = grade_distribution(load_bundled(), 2016)
        >>> d.total, d.count("good"), [f.short_name for g, fs in d.forces_by_grade if str(g) == "Outstanding" for f in fs]
        (43, 28, ['Durham'])
    """

    cycle: Cycle
    pillar: Pillar | None
    question: str
    label: str
    counts: tuple[tuple[Grade, int], ...]
    forces_by_grade: tuple[tuple[Grade, tuple[Force, ...]], ...]
    no_grade: tuple[tuple[NoGrade, tuple[Force, ...]], ...]
    no_data: tuple[Force, ...]
    judgments: tuple[tuple[Force, Judgment, tuple[str, ...]], ...] = ()

    def count(self, grade: Grade | NoGrade | str) -> int:
        """The number of forces with ``grade`` (or with that reason for
        none), which may be written as text (``"good"``, ``"ungraded"``)."""
        from .comparisons import _grade_or_not

        if not isinstance(grade, (Grade, NoGrade, str)):  # not a judgment, nor None: what to count
            raise _args.wrong_type("grade", "a Grade, a NoGrade or text naming one", grade)
        grade = cast(
            "Grade | NoGrade", _grade_or_not("grade", grade)
        )  # text read: neither None nor a judgment
        if isinstance(grade, NoGrade):
            return len(dict(self.no_grade).get(grade, ()))
        return dict(self.counts).get(grade, 0)

    @property
    def graded(self) -> int:
        """The number of forces with a grade."""
        return sum(n for _, n in self.counts)

    @property
    def total(self) -> int:
        """All forces counted: graded, without a grade and without data (43)."""
        return self.graded + sum(len(f) for _, f in self.no_grade) + len(self.no_data)


def grade_distribution(
    data: Dataset,
    cycle: str | int | Cycle,
    question: Question = "overall",
    pillar: str | Pillar | None = None,
) -> GradeDistribution:
    """The spread of grades across all 43 forces, for a pillar's overall
    grade (effectiveness unless ``pillar`` says otherwise) or for a question;
    in an integrated cycle, for an area (there is no overall grade).

    Raises:
        TypeError: An argument of the wrong type (``data`` not a
            Dataset, ``question`` not text or a number).
        PeelDataError: Not a cycle or a pillar.
        NotFoundError: No such question or pillar in the cycle, or the
            overall grade of a pillar HMIC did not grade that cycle.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> d = grade_distribution(load_bundled(), 2016)
        >>> [(str(g), n) for g, n in d.counts], len(d.no_data), d.total
        ([('Outstanding', 1), ('Good', 28), ('Requires improvement', 13), ('Inadequate', 1)], 0, 43)
        >>> d = grade_distribution(load_bundled(), "2023-25", "Investigating crime")
        >>> d.label, d.count(Grade.INADEQUATE)
        ('Investigating crime', 5)
    """
    data, question = _args.dataset("data", data), _args.question("question", question)
    c = _args.cycle("cycle", cycle)
    p = resolve_pillar(c, _args.pillar("pillar", pillar))
    q = _standing.question_key(question, c, p)
    if not _judgment_keys.judged_on(c, p, q):
        raise NotFoundError(_judgment_keys.no_overall_grade(c, p))
    return distribution_of(data, c, q, p)


def distribution_of(data: Dataset, cycle: Cycle, key: str, pillar: Pillar | None) -> GradeDistribution:
    """The spread of one judgment of the cycle, by its key, as the data hold
    it: of a judgment HMIC judged no force on too (:func:`coverage` counts
    one a report holds; :func:`grade_distribution` refuses it)."""
    found = _standing.judgments(data, cycle, key, pillar)
    by_grade, no_grade, missing = _standing.spread(found, cycle)
    sources = _standing.sourced(data, cycle, key, pillar)
    return GradeDistribution(
        cycle,
        pillar,
        key,
        _standing.question_label(key, cycle, pillar),
        tuple((g, len(ids)) for g, ids in by_grade.items()),
        tuple((g, tuple(map(find_force, ids))) for g, ids in by_grade.items()),
        tuple((r, tuple(map(find_force, ids))) for r, ids in no_grade.items()),
        tuple(map(find_force, missing)),
        tuple((find_force(i), j, sources.get(i, ())) for i, j in found.items() if j is not None),
    )


def grade_distributions(data: Dataset, cycle: str | int | Cycle) -> tuple[GradeDistribution, ...]:
    """Every distribution of a cycle: each pillar's overall grade and each
    of its questions, or each area of an integrated cycle; in the registry's
    order, then any question the data name that the registry lacks. Not the
    overall grade of a pillar HMIC graded no force on overall (2014's
    effectiveness), as :func:`grade_distribution` refuses it, though a
    report holds one (``ungraded``): :func:`coverage` counts it.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> [d.label for d in grade_distributions(load_bundled(), "2023-25")][:3]
        ['Providing a service to victims of crime', 'Police powers and public treatment', 'Preventing crime']
    """
    data = _args.dataset("data", data)
    c = _args.cycle("cycle", cycle)
    return tuple(grade_distribution(data, c, k, p) for p, k in _judgment_keys.counted_keys(data, c))


@attrs.frozen
class Position:
    """Where one force stands among all forces on one judgment.

    Attributes:
        force: The force.
        cycle: The cycle.
        question: ``"overall"`` or the question's key.
        grade: The force's grade, or why there is none (``None``: no data).
        same_grade: Every force with the same grade, this one included
            (empty where it has no grade).
        graded: How many forces have a grade.
        region: The force's region.
        region_grades: Each force of the region with its grade.
        unknown: How many forces have nothing in the data: the standing is
            among those the data have.
        graded_for_none: Whether HMIC graded the question for no force that
            cycle (2016's Q5): a force the data have no judgment of is then
            known to have no grade, whatever its words, not unknown.
        inferred: The forces of ``same_grade`` whose grade is inferred from
            the sources, not printed (see
            :class:`~peel_effectiveness.Basis`).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import position
        >>> p = position(load_bundled(), "cumbria", 2016)
        >>> str(p.grade), len(p.same_grade), p.graded, p.region
        ('Good', 28, 43, 'North West')
    """

    force: Force
    cycle: Cycle
    question: str
    grade: GradeOrNot
    same_grade: tuple[Force, ...]
    graded: int
    region: str
    region_grades: tuple[tuple[Force, GradeOrNot], ...]
    unknown: int = 0
    graded_for_none: bool = False
    inferred: tuple[Force, ...] = ()

    def __str__(self) -> str:
        if self.grade is None and self.graded_for_none:
            # Unknown as every table counts it, and known to be no grade.
            return (
                f"unknown for {self.force.short_name} in {self.cycle}: nothing in the data "
                "(no force was graded on it)"
            )
        return _standing.describe(
            self.force,
            self.cycle,
            self.grade,
            len(self.same_grade),
            self.graded,
            self.unknown,
            len(self.inferred),
            self.force in self.inferred,
        )


def position(
    data: Dataset,
    force: str | Force,
    cycle: str | int | Cycle,
    question: Question = "overall",
    pillar: str | Pillar | None = None,
) -> Position:
    """A force's place in the national picture.

    Raises:
        TypeError: An argument of the wrong type.
        PeelDataError: Not a cycle or a pillar, or a force that is not one
            of the 43.
        NotFoundError: No such force, question or pillar in the cycle, or
            the overall grade of a pillar HMIC did not grade that cycle.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> print(position(load_bundled(), "cumbria", 2016))
        one of 28 forces graded good in 2016 (of 43 forces graded)
        >>> print(position(load_bundled(), "cumbria", "2023-25", "investigating"))
        of the 37 forces with a grade in the data (6 unknown), one of 2 graded good in 2023-25
    """
    data, question = _args.dataset("data", data), _args.question("question", question)
    f, c = _args.force("force", data, force), _args.cycle("cycle", cycle)
    if not territorial(f):
        raise _args.refuse(f"force: {f.official_name} is not one of the 43 forces the national picture is of")
    p = resolve_pillar(c, _args.pillar("pillar", pillar))
    q = _standing.question_key(question, c, p)
    if not _judgment_keys.judged_on(c, p, q):
        raise NotFoundError(_judgment_keys.no_overall_grade(c, p))
    found = _standing.standing(data, f, c, q, p)
    return Position(
        f,
        c,
        q,
        found.grade,
        tuple(map(find_force, found.same)),
        found.graded,
        f.region,
        tuple((find_force(i), g) for i, g in found.region),
        found.unknown,
        q != "overall" and not _graded(c, p, q),
        tuple(map(find_force, found.inferred)),
    )


def _graded(cycle: Cycle, pillar: Pillar | None, key: str) -> bool:
    """Whether the registry says the question got a grade that cycle (a
    question of the data's own, which the registry lacks, may have)."""
    from ..model.questions import core_question

    try:
        return core_question(cycle, pillar, key).graded
    except NotFoundError:
        return True
