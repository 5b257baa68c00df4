"""The national picture: how grades are spread across the 43 forces, how they
moved between cycles, and where one force stands, for any cycle, pillar and
question or area.

Forces without a judgment are counted as having no data: never as
ungraded, never as any grade. A judgment without a grade (ungraded, not
graded...) is counted under its reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..errors import NotFoundError
from ..model.cycles import Cycle, Pillar, resolve_pillar, why_not_comparable
from ..model.force import Force, find_force, forces, territorial
from ..model.grades import Grade, NoGrade
from ..model.questions import headline_graded
from . import _args, _standing
from ._compare import Change, why_not
from ._standing import GradeOrNot, Question
from .comparisons import GradeChange, grade_change

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.judgments import Judgment

__all__ = [
    "GradeDistribution",
    "Position",
    "Transition",
    "Transitions",
    "grade_distribution",
    "grade_distributions",
    "position",
    "transitions",
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

        grade = _grade_or_not("grade", grade)  # type: ignore[assignment]
        if grade is None or not isinstance(grade, (Grade, NoGrade)):
            raise _args.wrong_type("grade", "a Grade, a NoGrade or text naming one", grade)
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
    if q == "overall" and p is not None and not headline_graded(c, p):
        # Every force would be "unknown", where it is known there is no grade.
        raise NotFoundError(f"HMIC gave the {c} {p} pillar no overall grade")
    found = _standing.judgments(data, c, q, p)
    by_grade, no_grade, missing = _standing.spread(found, c)
    sources = _standing.sourced(data, c, q, p)
    return GradeDistribution(
        c,
        p,
        q,
        _standing.question_label(q, c, p),
        tuple((g, len(ids)) for g, ids in by_grade.items()),
        tuple((g, tuple(map(find_force, ids))) for g, ids in by_grade.items()),
        tuple((r, tuple(map(find_force, ids))) for r, ids in no_grade.items()),
        tuple(map(find_force, missing)),
        tuple((find_force(i), j, sources.get(i, ())) for i, j in found.items() if j is not None),
    )


def grade_distributions(data: Dataset, cycle: str | int | Cycle) -> tuple[GradeDistribution, ...]:
    """Every distribution of a cycle: each pillar's overall grade and each
    of its questions, or each area of an integrated cycle; in the registry's
    order, then any question the data name that the registry lacks.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> [d.label for d in grade_distributions(load_bundled(), "2023-25")][:3]
        ['Providing a service to victims of crime', 'Police powers and public treatment', 'Preventing crime']
    """
    data = _args.dataset("data", data)
    c = _args.cycle("cycle", cycle)
    return tuple(grade_distribution(data, c, k, p) for p, k in _standing.judgment_keys(data, c))


@attrs.frozen
class Transition:
    """One force's judgments in two cycles.

    Attributes:
        force: The force.
        before: The earlier grade, or why there is none (``None``: no
            judgment in the data, or no such question in that cycle), kept
            where the grades cannot be compared.
        after: The later grade, likewise.
        change: How it changed, with the reason where not comparable.
        judgment: The later judgment, where the data have one: how its
            grade is known (stated or inferred, carried over...).
        sources: Where the later judgment comes from: its sources, else
            its report's address.
    """

    force: Force
    before: GradeOrNot
    after: GradeOrNot
    change: GradeChange
    judgment: Judgment | None = None
    sources: tuple[str, ...] = ()


@attrs.frozen
class Transitions:
    """How forces' grades moved between two cycles.

    Attributes:
        from_cycle: The earlier cycle.
        to_cycle: The later cycle.
        pillar: The pillar of the judgment compared: the later cycle's,
            or the earlier's where the later is integrated (a pillar's
            overall grade of 2018/19 against 2021/22); ``None`` for an
            integrated cycle's area.
        question: ``"overall"`` or the question's key.
        reason: Why no force's grades can be compared (the cycles' grades
            cannot be, the question was not asked in both, or a pillar had
            no overall grade: every force is not comparable), or why none
            are known (the data have none of a cycle's: every force is no
            data); else empty.
        improved: Forces whose grade rose.
        declined: Forces whose grade fell.
        unchanged: Forces with the same grade.
        no_data: Forces with a judgment missing from the data in one of
            the cycles (``change.reason`` says which).
        not_comparable: Forces whose grades cannot be compared: each
            transition's ``change.reason`` says why.
    """

    from_cycle: Cycle
    to_cycle: Cycle
    pillar: Pillar | None
    question: str
    reason: str
    improved: tuple[Transition, ...]
    declined: tuple[Transition, ...]
    unchanged: tuple[Transition, ...]
    not_comparable: tuple[Transition, ...]
    no_data: tuple[Transition, ...]


def transitions(
    data: Dataset,
    from_cycle: str | int | Cycle,
    to_cycle: str | int | Cycle,
    question: Question = "overall",
    pillar: str | Pillar | None = None,
) -> Transitions:
    """Which forces improved, declined or stayed between two cycles.

    Grades are compared only where they mean the same: the question is
    matched by its key across cycles (``"q1_prevent"``, ``"investigating"``),
    or ``"overall"`` for a pillar's headline judgment, and only between
    cycles of one framework and scale (see
    :func:`~peel_effectiveness.model.why_not_comparable`). Across the 2018/19 \u2192
    2021/22 and 2021/22 \u2192 2023-25 breaks every force is "not
    comparable", and ``reason`` says why; each transition still holds the
    force's grades of both cycles, where a cycle has the question.

    Raises:
        TypeError: An argument of the wrong type.
        PeelDataError: Not a cycle or a pillar, or ``from_cycle`` is not
            before ``to_cycle`` (a transition goes forward in time).
        NotFoundError: No such question or pillar in the cycles.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> t = transitions(load_bundled(), 2015, 2016)
        >>> "cumbria" in [x.force.id for x in t.improved]
        True
        >>> t = transitions(load_bundled(), "2021/22", "2023-25", "investigating")
        >>> len(t.not_comparable), t.reason
        (43, 'HMICFRS says 2023-25 grades cannot be compared with 2021/22: the questions changed')
        >>> cumbria = next(x for x in t.not_comparable if x.force.id == "cumbria")
        >>> str(cumbria.after), str(cumbria.change.direction)
        ('Good', 'not comparable')
    """
    data, question = _args.dataset("data", data), _args.question("question", question)
    a, b = _args.cycle("from_cycle", from_cycle), _args.cycle("to_cycle", to_cycle)
    pillar = _args.pillar("pillar", pillar)
    if a is b:
        raise _args.refuse(f"from {a} to {b} is no change: a transition is from one cycle to a later one")
    if b < a:
        raise _args.refuse(
            f"from {a} to {b} goes back in time: a transition is from one cycle to a later one "
            f"(transitions(data, {str(b)!r}, {str(a)!r}))"
        )
    reason = why_not_comparable(a, b) or ""
    unknown = False  # whether ``reason`` is that the data lack a cycle's judgments
    if reason:
        # The grades cannot be compared, but each force keeps its own, in
        # each cycle that has the question.
        (pa, qa, before), (pb, later, after) = (
            _side(data, a, question, pillar),
            _side(data, b, question, pillar),
        )
        if qa is None and later is None:
            # Neither cycle has it: the lookup of the earlier says why, where
            # a pillar is named and it has pillars (2018/19 had no leadership
            # pillar), else the later's.
            first = a if pillar is not None and not a.integrated else b
            _standing.question_key(question, first, resolve_pillar(first, pillar))
        qb = str(later or qa)  # its key, in the cycle that has it
    else:
        pa, pb = resolve_pillar(a, pillar), resolve_pillar(b, pillar)
        earlier = _key_or_none(question, a, pa)
        if earlier is None:
            # A question new in the later cycle (2016's q5): its grades, and
            # no change, as there is nothing to compare them with. (Where
            # neither cycle has it, the later's lookup says so.)
            qb = _standing.question_key(question, b, pb)
            before, after = _no_judgments(), _standing.judgments(data, b, qb, pb)
            reason = f"{a} has no question {qb}: it first appears in {b}"
        else:
            before, later = _standing.judgments(data, a, earlier, pa), _key_or_none(question, b, pb)
            if later is None:
                # A question the later cycle dropped: its earlier grades, under its key.
                qb, after = earlier, _no_judgments()
                reason = f"{b} has no question {earlier}: it last appears in {a}"
            else:
                qb, after = later, _standing.judgments(data, b, later, pb)
                if earlier != later:
                    reason = f"the question is not the same in {a} ({earlier}) and {b} ({later})"
    if a is b.previous:
        # Where the data lack the earlier report, what the later one states
        # of it, across a change of framework too: the previous grade the
        # judgments table gives (whether the two compare is the change's).
        for r in data.for_cycle(b):
            if r.pillar is pb and territorial(r.force) and before[r.force.id] is None:
                before[r.force.id] = _standing.previous_judgment_of(data, r, qb)
    if not reason:
        for cycle, found, p in ((a, before, pa), (b, after, pb)):
            if not reason and qb == "overall" and p is not None and not headline_graded(cycle, p):
                # HMIC gave the pillar no overall grade that cycle: known, and nothing to compare.
                reason = f"HMIC gave the {cycle} {p} pillar no overall grade"
            elif not reason and all(j is None for j in found.values()):
                reason = f"the data have no {cycle if p is None else f'{cycle} {p}'} judgments on {qb}"
                # Nothing is known of them, which says nothing of whether they compare.
                unknown = True
    groups: dict[Change, list[Transition]] = {c: [] for c in Change}
    sources = _standing.sourced(data, b, qb, pb)
    for f in forces():
        x, y = before[f.id], after[f.id]
        if reason:
            change = GradeChange(Change.NO_DATA if unknown else Change.NOT_COMPARABLE, None, reason)
        else:
            change = grade_change(x, y, a.grade_scale)
            if change.direction in (Change.NOT_COMPARABLE, Change.NO_DATA):
                change = attrs.evolve(change, reason=why_not(x, y, str(a), str(b)))
        groups[change.direction].append(
            Transition(
                f, _standing.grade(x), _standing.grade(y), change, y, sources.get(f.id, ()) if y else ()
            )
        )
    return Transitions(
        a,
        b,
        pa if pb is None else pb,
        qb,
        reason,
        tuple(groups[Change.IMPROVED]),
        tuple(groups[Change.DECLINED]),
        tuple(groups[Change.UNCHANGED]),
        tuple(groups[Change.NOT_COMPARABLE]),
        tuple(groups[Change.NO_DATA]),
    )


def _key_or_none(question: Question, cycle: Cycle, pillar: Pillar | None) -> str | None:
    """The question's key in ``cycle``, or ``None`` where the cycle has no such question."""
    try:
        return _standing.question_key(question, cycle, pillar)
    except NotFoundError:
        return None


def _no_judgments() -> dict[str, Judgment | None]:
    """No force's judgment: of a question a cycle does not have."""
    return dict.fromkeys((f.id for f in forces()), None)


def _side(
    data: Dataset, cycle: Cycle, question: Question, pillar: str | Pillar | None
) -> tuple[Pillar | None, str | None, dict[str, Judgment | None]]:
    """The pillar, the question's key and every force's judgment in one
    cycle; no key and no judgments where the cycle has no such question or
    pillar."""
    try:
        p = resolve_pillar(cycle, pillar)
        q = _standing.question_key(question, cycle, p)
    except NotFoundError:
        return None, None, _no_judgments()
    return p, q, _standing.judgments(data, cycle, q, p)


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

    def __str__(self) -> str:
        if self.grade is None and self.graded_for_none:
            return f"no grade: the question was graded for no force in {self.cycle}"
        return _standing.describe(
            self.force, self.cycle, self.grade, len(self.same_grade), self.graded, self.unknown
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
        one of 2 forces graded good in 2023-25, among the 37 forces with a grade in the data (6 unknown)
    """
    data, question = _args.dataset("data", data), _args.question("question", question)
    f, c = _args.force("force", data, force), _args.cycle("cycle", cycle)
    if not territorial(f):
        raise _args.refuse(f"force: {f.official_name} is not one of the 43 forces the national picture is of")
    p = resolve_pillar(c, _args.pillar("pillar", pillar))
    q = _standing.question_key(question, c, p)
    if q == "overall" and p is not None and not headline_graded(c, p):
        # As grade_distribution: every force would be "unknown", where it is known there is no grade.
        raise NotFoundError(f"HMIC gave the {c} {p} pillar no overall grade")
    grade, same, graded, unknown, region = _standing.standing(data, f, c, q, p)
    return Position(
        f,
        c,
        q,
        grade,
        tuple(map(find_force, same)),
        graded,
        f.region,
        tuple((find_force(i), g) for i, g in region),
        unknown,
        q != "overall" and not _graded(c, p, q),
    )


def _graded(cycle: Cycle, pillar: Pillar | None, key: str) -> bool:
    """Whether the registry says the question got a grade that cycle (a
    question of the data's own, which the registry lacks, may have)."""
    from ..model.questions import core_question

    try:
        return core_question(cycle, pillar, key).graded
    except NotFoundError:
        return True
