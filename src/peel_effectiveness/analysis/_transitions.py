"""How forces' grades moved between two cycles: improved, declined,
unchanged, not comparable (across a change of framework, or of question; a
judgment without a grade; a grade carried over that the earlier report
grades otherwise, where the data disagree), or no data, each force with
its grades of both cycles.

Forces without a judgment are counted as having no data: never as
ungraded, never as any grade. Where the data lack the earlier judgment,
the later report's word on it stands in (its previous grade, or a grade
carried over from the earlier cycle): see :attr:`Transitions.carried_over`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..errors import NotFoundError
from ..model.cycles import Cycle, Pillar, resolve_pillar, why_not_comparable
from ..model.force import Force, forces, territorial
from ..model.judgments import Judgment
from . import _args, _judgment_keys, _standing
from ._compare import Change, why_not
from ._standing import GradeOrNot, Question
from .comparisons import GradeChange, grade_change

if TYPE_CHECKING:
    from ..model.dataset import Dataset

__all__ = ["Transition", "Transitions", "transitions"]


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

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import transitions
        >>> moved = transitions(load_bundled(), 2015, 2016).improved[0]
        >>> moved.force.short_name, str(moved.before), str(moved.after)
        ('Avon and Somerset', 'Requires improvement', 'Good')
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

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import transitions
        >>> t = transitions(load_bundled(), 2015, 2016)
        >>> len(t.improved), len(t.declined), len(t.unchanged)
        (9, 7, 25)
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

    @property
    def carried_over(self) -> tuple[Transition, ...]:
        """Of the forces :attr:`unchanged`, those whose later judgment was
        carried over from the earlier cycle or one before it: not judged
        again since, so their grade stood, rather than held on a new
        inspection (one carried over from a cycle between the two was
        judged again there).

        Examples:
            >>> from peel_effectiveness import load_bundled
            >>> from peel_effectiveness.analysis import transitions
            >>> t = transitions(load_bundled(), 2017, "2018/19", "q1_prevent")
            >>> len(t.unchanged), len(t.carried_over)
            (21, 20)
        """
        return tuple(x for x in self.unchanged if _standing.stood_in(x.judgment, self.from_cycle) is not None)


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

    A force's earlier grade is its judgment in the earlier cycle's report;
    where the data lack it, what the later report states of it: the previous
    grade it gives, or its own grade where it was carried over from the
    earlier cycle or one before (so :func:`~peel_effectiveness.analysis.grade_distribution` of the
    earlier cycle may count the force unknown, and this show a change; one
    carried over is unchanged: see :attr:`Transitions.carried_over`). With
    neither, the change is no data. A grade carried over from the earlier
    cycle or one before, which the earlier cycle's report grades otherwise,
    is not comparable: the data disagree (a grade carried over is the
    earlier one).

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
            reason = f"{a} has no question {qb}" + _appears("first", _asked(qb, a, b, pillar, last=False))
        else:
            before, later = _standing.judgments(data, a, earlier, pa), _key_or_none(question, b, pb)
            if later is None:
                # A question the later cycle dropped: its earlier grades, under its key.
                qb, after = earlier, _no_judgments()
                reason = f"{b} has no question {earlier}" + _appears(
                    "last", _asked(earlier, a, b, pillar, last=True)
                )
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
        # A later judgment carried over from the earlier cycle or one before
        # it stood then (as previous_judgment_of has it of the cycle just
        # before, and of any earlier one here).
        for key, y in after.items():
            if before[key] is None:
                before[key] = _standing.stood_in(y, a)
        for cycle, found, p in ((a, before, pa), (b, after, pb)):
            if not reason and not _judgment_keys.judged_on(cycle, p, qb):
                # HMIC gave the pillar no overall grade that cycle: known, and nothing to compare.
                reason = _judgment_keys.no_overall_grade(cycle, p)
            elif not reason and all(j is None for j in found.values()):
                on = "overall" if qb == "overall" else f"on {qb}"  # as national says it
                reason = f"the data have no {cycle if p is None else f'{cycle} {p}'} judgments {on}"
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
            elif x is not None and y is not None and _standing.carried_otherwise(y, x, a):
                # Not a grade that moved: the data disagreeing.
                change = GradeChange(Change.NOT_COMPARABLE, None, _disagree(x, y, a, b))
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


def _asked(key: str, a: Cycle, b: Cycle, pillar: str | Pillar | None, last: bool) -> list[Cycle]:
    """The cycles from ``a`` to ``b`` that ask the question of ``key``, in
    time order, of those before ``b`` (``last``) or after ``a``: where it
    last or first appears when the two are not next to each other (2015 to
    2017: q5_specialist is 2016's first). By key, as the registry lists it:
    a number may be another question in another cycle, and a cycle the
    registry does not know in full is not known to ask it."""
    from ..model.questions import core_question

    def listed(c: Cycle) -> bool:
        try:
            return core_question(c, resolve_pillar(c, pillar), key).key == key
        except NotFoundError:
            return False

    return [c for c in Cycle if (a <= c < b if last else a < c <= b) and listed(c)]


def _appears(which: str, asked: list[Cycle]) -> str:
    """Where a question first or last appears, where the registry says."""
    if not asked:
        return ""
    return f": it {which} appears in {asked[-1] if which == 'last' else asked[0]}"


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


def _disagree(x: Judgment, y: Judgment, a: Cycle, b: Cycle) -> str:
    """Why a grade carried over into ``b`` and ``a``'s grade, which differ,
    are not a change: the data disagree."""
    return (
        f"the data disagree (the {b} grade, {y.grade.value}, is carried over from "
        f"{y.carried_over_from}, and the {a} grade is {x.grade.value})"
    )
