"""Comparing figures and grades: a force against England and Wales, a grade
over time, two forces side by side. Rankings and their bands are in ``rankings``."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import attrs

from ..errors import PeelDataError
from ..model.grades import Grade, GradeScale, NoGrade
from ..model.metrics import Unit
from . import _args, _compare
from ._compare import Change, Direction

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.judgments import Judgment
    from ..model.reports import InspectionReport

__all__ = [
    "Change",
    "Comparison",
    "Direction",
    "GradeChange",
    "SideBySide",
    "compare",
    "grade_change",
    "judgment_before",
    "side_by_side",
]


@attrs.frozen
class Comparison:
    """A force's figure against England and Wales.

    Attributes:
        value: The force's figure.
        england_and_wales: The England and Wales figure.
        difference: ``value - england_and_wales``.
        ratio: ``value / england_and_wales``, where the force's figure is
            0 or more and England and Wales's more than 0, else ``None``: a
            ratio of a rise to a fall, or of two falls (changes of -2.6 and
            -3.4 percent), means nothing. ``None`` too where the ratio is
            too large to represent.
        direction: :class:`Direction`: higher, lower or in line (within the
            tolerance).

    Examples:
        >>> from peel_effectiveness.analysis import compare
        >>> c = compare(51.7, 68.2)
        >>> str(c.direction), round(c.difference, 1), round(c.ratio, 2)
        ('lower', -16.5, 0.76)
    """

    value: float
    england_and_wales: float
    difference: float
    ratio: float | None
    direction: Direction


def compare(
    value: float, england_and_wales: float, tolerance: float = 0.0, *, relative: bool = False
) -> Comparison:
    """Compare a force's figure with England and Wales.

    Args:
        value: The force's figure.
        england_and_wales: The England and Wales figure.
        tolerance: How far apart the two may be and still be "in line":
            an absolute difference, or with ``relative=True`` a fraction of
            the England and Wales figure (``0.1`` for 10 percent). The bound
            is inclusive, and holds for the figures as the decimals they are
            written as: 1.05 and 1.0 are in line within 0.05, although their
            difference in binary floating point is 0.050000000000000044 (the
            difference and the ratio are worked out on those decimals too,
            and rounded once: 0.05).
            ``0`` (the default) calls only equal figures in line.
        relative: Read ``tolerance`` as a fraction of the England and Wales
            figure.

    Raises:
        TypeError: A figure is not a number, or ``relative`` not a bool.
        PeelDataError: A figure is not finite, ``tolerance`` is negative,
            or the difference is too large to represent.

    Examples:
        >>> compare(51.7, 68.2).direction
        <Direction.LOWER: 'lower'>
        >>> c = compare(16.9, 14.3, tolerance=0.25, relative=True)
        >>> str(c.direction), round(c.difference, 1), round(c.ratio, 2)
        ('in line', 2.6, 1.18)

        A fall, or a figure against a fall, has no ratio (changes of -2.6
        and -3.4 percent are compared by their difference):

        >>> c = compare(-2.6, -3.4)
        >>> str(c.direction), c.difference, c.ratio
        ('higher', 0.8, None)
    """
    x, ew = _args.number("value", value), _args.number("england_and_wales", england_and_wales)
    tolerance = _args.number("tolerance", tolerance)
    relative = _args.flag("relative", relative)
    if tolerance < 0:
        raise _args.refuse("tolerance cannot be negative")
    # On the figures as written (see _args.exact), rounded once: 1.8 against
    # 1.9 is -0.1. The direction is of the exact difference: near a
    # tolerance's bound binary floating point falls either side of it, and
    # two figures whose difference rounds to 0.0 (2.1e-322 and 2.08e-322) differ.
    d_x, d_ew, d_tol = _args.exact(x), _args.exact(ew), _args.exact(tolerance)
    exact_difference = d_x - d_ew
    difference = _args.rounded(exact_difference, "the difference")
    direction = _compare.direction(exact_difference, d_tol * abs(d_ew) if relative else d_tol)
    ratio = None
    if x >= 0 and ew > 0:
        with contextlib.suppress(PeelDataError):  # too large to hold: no ratio
            ratio = _args.rounded(d_x / d_ew, "the ratio") + 0.0  # (no ratio of -0.0)
    return Comparison(x, ew, difference, ratio, direction)


@attrs.frozen
class GradeChange:
    """The change of a grade between two cycles.

    Attributes:
        direction: :class:`Change`: improved, declined, unchanged, not
            comparable or no data.
        steps: How many places the grade moved on its scale (positive for
            better), or ``None`` when not comparable.
        reason: Why the grades cannot be compared ("no grade for 2015 in the
            data", "ungraded in 2016", the cycles' break), empty otherwise.

    Examples:
        >>> from peel_effectiveness.analysis import grade_change
        >>> change = grade_change("inadequate", "good")
        >>> str(change.direction), change.steps
        ('improved', 2)
        >>> grade_change(None, "good").reason
        'no earlier grade'
    """

    direction: Change
    steps: int | None
    reason: str = ""


def grade_change(
    before: Judgment | Grade | NoGrade | str | None,
    after: Judgment | Grade | NoGrade | str | None,
    scale: GradeScale | None = None,
) -> GradeChange:
    """How a grade changed from one cycle to the next.

    A missing judgment (``None``) is never treated as a grade, nor is one
    without a grade ("ungraded", "not graded"...): the change is then "no
    data" or "not comparable", and ``reason`` says why. Steps are counted on the grade scale: on the
    four-point scale good to requires improvement is one step, on the
    five-point one two. Pass ``scale`` to insist on one; grades not on it
    are not comparable (HMICFRS says the four- and five-point scales cannot
    be compared).

    A grade does not say its cycle. Without ``scale``, the two grades are
    taken to be of one scale: the five-point one where either is adequate,
    else the four-point one. So a 2018/19 good and a 2021/22 adequate are
    read as a decline, and steps counted without ``scale`` need not add up
    from one call to the next. To compare two cycles' judgments, see
    :func:`~peel_effectiveness.transitions`, which knows each cycle's scale
    and which cycles' grades can be compared at all.

    ``before`` and ``after`` may also be written as text (``"good"``,
    ``"RI"``, ``"ungraded"``), read as a judgment's grade is read.

    Raises:
        TypeError: ``before`` or ``after`` is not a judgment, a grade, a
            reason for no grade, text or ``None``; ``scale`` not a
            :class:`~peel_effectiveness.model.GradeScale` or ``None``.
        PeelDataError: Text that is not a grade or a reason for no grade.

    Examples:
        >>> grade_change(Grade.REQUIRES_IMPROVEMENT, Grade.GOOD)
        GradeChange(direction=<Change.IMPROVED: 'improved'>, steps=1, reason='')
        >>> grade_change("good", "RI").direction
        <Change.DECLINED: 'declined'>
        >>> change = grade_change(Grade.GOOD, None)
        >>> change.direction == "no data", change.reason
        (True, 'no later grade')
    """
    before, after = _grade_or_not("before", before), _grade_or_not("after", after)
    if scale is not None and not isinstance(scale, GradeScale):
        raise _args.wrong_type("scale", "a GradeScale or None", scale)
    direction, steps = _compare.grade_steps(before, after, scale)
    reason = ""
    if direction in (Change.NOT_COMPARABLE, Change.NO_DATA):
        reason = _compare.why_not(before, after)
    return GradeChange(direction, steps, reason)


def _grade_or_not(argument: str, value: object) -> Judgment | Grade | NoGrade | None:
    """A judgment, grade or reason for no grade, or ``None``; text read as
    one of them."""
    from ..model._words import spelled
    from ..model.judgments import Judgment

    if value is None or isinstance(value, (Judgment, Grade, NoGrade)):
        return value
    if isinstance(value, str):
        found = spelled(Grade, value) or spelled(NoGrade, value)
        if found is None:
            grades = ", ".join(g.value for g in Grade)
            reasons = ", ".join(r.value for r in NoGrade)
            raise _args.refuse(
                f"{argument} must be a grade ({grades}) or a reason for no grade ({reasons}), "
                f"not {_args.shown(value)}"
            )
        return found
    raise _args.wrong_type(
        argument, "a Judgment, a Grade, a NoGrade, text naming one of them, or None", value
    )


def judgment_before(
    data: Dataset | None, report: InspectionReport, question: int | str = "overall"
) -> Judgment | None:
    """The judgment a report's judgment is compared with, the one answer
    that ``show``, ``national``, the exports and :func:`transitions` give:
    the previous cycle's, from that cycle's report in ``data`` where the
    data have it, else as the report states it (``previous_grade``, or a
    judgment carried over from that cycle or one before it); none
    across a change of framework, where the grades do not compare (the
    ``national`` and ``judgments`` tables still give the previous grade
    then, beside a change "not comparable").

    Raises:
        NotFoundError: No such question in the report's cycle (where the
            registry lists its questions in full).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> data = load_bundled()
        >>> report = data.report("avon-and-somerset", 2016)
        >>> report.previous_judgment is None, str(judgment_before(data, report))
        (True, 'Requires improvement')
        >>> judgment_before(data, data.report("cumbria", "2021/22"), "victim_service") is None
        True
    """
    from ._standing import earlier, question_key

    data = _args.optional_dataset("data", data)
    report = _args.report("report", report)
    question = _args.question("question", question)
    # A question the cycle does not have is refused (NotFoundError), as
    # every other function taking one refuses it.
    return earlier(data, report, question_key(question, report.cycle, report.pillar))


@attrs.frozen
class SideBySide:
    """Two forces' figures on one measure they share.

    Attributes:
        metric: The metric's key.
        label: The metric's label.
        unit: The unit.
        period: The period, in words ("" where none).
        first: The first force's value.
        second: The second force's value.
        england_and_wales: The England and Wales figure, where both reports
            agree on it (otherwise ``None``).
        difference: ``first - second``.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import side_by_side
        >>> report = load_bundled().report("cumbria", 2016)
        >>> row = side_by_side(report, report)[0]
        >>> row.metric, row.unit.label, row.first, row.second, row.difference
        ('recorded_crime_rate', 'per 1,000 population', 51.7, 51.7, 0.0)
    """

    metric: str
    label: str
    unit: Unit
    period: str
    first: float
    second: float
    england_and_wales: float | None
    difference: float


def side_by_side(first: InspectionReport, second: InspectionReport) -> tuple[SideBySide, ...]:
    """Two reports' figures on every measure they share (same metric,
    measure and period: see :attr:`~peel_effectiveness.MetricDefinition.measure`),
    in the first report's order.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> r = load_bundled().report("cumbria", 2016)
        >>> rows = side_by_side(r, r)
        >>> len(rows) == len(r.measurements), rows[0].difference
        (True, 0.0)
    """
    from ..model.metrics import measure_key

    first, second = _args.report("first", first), _args.report("second", second)
    index = {(m.key, measure_key(m.metric), m.period): m for m in second.measurements}
    rows = []
    for m in first.measurements:
        other = index.get((m.key, measure_key(m.metric), m.period))
        if other is None:
            continue
        ew = m.england_and_wales if m.england_and_wales == other.england_and_wales else None
        rows.append(
            SideBySide(
                m.key,
                m.label,
                m.unit,
                "" if m.period is None else str(m.period),
                m.value,
                other.value,
                ew,
                _args.rounded(_args.exact(m.value) - _args.exact(other.value), "the difference"),
            )
        )
    return tuple(rows)
