"""Comparing forces: against England and Wales, in rankings, in bands, over time.

The 2016 reports (Annex A) say whether a force's figure is "one of the
highest", "broadly in line" or "one of the lowest" by ranking the forces and
marking the top and bottom 25 percent. :func:`band` implements that rule,
with ties and small numbers of forces handled as documented there.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Literal, TypeVar

import attrs

from .grades import Grade, GradeScale

if TYPE_CHECKING:
    from .judgments import Judgment
    from .metrics import Unit
    from .reports import InspectionReport

__all__ = [
    "Band",
    "Comparison",
    "GradeChange",
    "SideBySide",
    "band",
    "bands",
    "compare",
    "grade_change",
    "rank",
    "side_by_side",
]

K = TypeVar("K", bound=Hashable)
RankMethod = Literal["min", "dense", "ordinal", "average", "max"]
Direction = Literal["higher", "lower", "in line"]


@attrs.frozen
class Comparison:
    """A force's figure against England and Wales.

    Attributes:
        value: The force's figure.
        england_and_wales: The England and Wales figure.
        difference: ``value - england_and_wales``.
        ratio: ``value / england_and_wales``, or ``None`` when that is zero
            (or the ratio is too large to represent).
        direction: ``"higher"``, ``"lower"`` or ``"in line"`` (within the
            tolerance).
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
            is inclusive. ``0`` (the default) calls only equal figures in line.
        relative: Read ``tolerance`` as a fraction of the England and Wales
            figure.

    Examples:
        >>> compare(51.7, 68.2).direction
        'lower'
        >>> c = compare(16.9, 14.3, tolerance=0.25, relative=True)
        >>> c.direction, round(c.difference, 1), round(c.ratio, 2)
        ('in line', 2.6, 1.18)
    """
    for name, x in (("value", value), ("england_and_wales", england_and_wales), ("tolerance", tolerance)):
        if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
            raise ValueError(f"{name} must be a finite number, not {x!r}")
    if tolerance < 0:
        raise ValueError("tolerance cannot be negative")
    difference = value - england_and_wales
    allowed = tolerance * abs(england_and_wales) if relative else tolerance
    direction: Direction = (
        "in line" if abs(difference) <= allowed else "higher" if difference > 0 else "lower"
    )
    ratio = None if england_and_wales == 0 else value / england_and_wales
    if ratio is not None and not math.isfinite(ratio):
        ratio = None
    return Comparison(float(value), float(england_and_wales), difference, ratio, direction)


def _clean(values: Mapping[K, float | None], exclude: Iterable[K]) -> dict[K, float]:
    drop = set(exclude)
    out: dict[K, float] = {}
    for k, v in values.items():
        if k in drop or v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float)) or math.isnan(v):
            raise ValueError(f"the value for {k!r} is not a number: {v!r}")
        out[k] = v
    return out


def _tiebreak(key: object) -> tuple[str, str]:
    return (type(key).__name__, repr(key))


def rank(
    values: Mapping[K, float | None],
    method: RankMethod = "min",
    *,
    descending: bool = True,
    exclude: Iterable[K] = (),
) -> dict[K, float]:
    """Rank forces by a measure; 1 is the highest value (the lowest with
    ``descending=False``).

    Forces with ``None`` (no data) and those in ``exclude`` are left out.

    Tie methods, for values 10, 8, 8, 5:

    * ``"min"`` (competition ranking, the default): 1, 2, 2, 4
    * ``"dense"``: 1, 2, 2, 3
    * ``"ordinal"``: 1, 2, 3, 4, ties broken by the keys' sort order, so the
      result never depends on the order of ``values``
    * ``"average"``: 1, 2.5, 2.5, 4
    * ``"max"``: 1, 3, 3, 4

    Examples:
        >>> rank({"a": 10, "b": 8, "c": 8, "d": 5})
        {'a': 1, 'b': 2, 'c': 2, 'd': 4}
        >>> rank({"a": 10, "b": 8, "c": 8, "d": 5}, "average", descending=False)
        {'a': 4.0, 'b': 2.5, 'c': 2.5, 'd': 1.0}
    """
    if method not in ("min", "dense", "ordinal", "average", "max"):
        raise ValueError(f"method must be one of min, dense, ordinal, average, max; not {method!r}")
    clean = _clean(values, exclude)
    sign = -1 if descending else 1
    order = sorted(clean, key=lambda k: (sign * clean[k], _tiebreak(k)))
    out: dict[K, float] = {}
    i, dense = 0, 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and clean[order[j + 1]] == clean[order[i]]:
            j += 1
        dense += 1
        for pos, k in enumerate(order[i : j + 1], start=i + 1):
            if method == "min":
                out[k] = i + 1
            elif method == "max":
                out[k] = j + 1
            elif method == "dense":
                out[k] = dense
            elif method == "ordinal":
                out[k] = pos
            else:
                out[k] = (i + 1 + j + 1) / 2
        i = j + 1
    return {k: out[k] for k in values if k in out}


class Band(enum.Enum):
    """Where a force sits among all forces (Annex A of the 2016 reports)."""

    ONE_OF_THE_HIGHEST = "one of the highest"
    BROADLY_IN_LINE = "broadly in line"
    ONE_OF_THE_LOWEST = "one of the lowest"

    def __str__(self) -> str:
        return self.value


def bands(
    values: Mapping[K, float | None],
    *,
    share: float = 0.25,
    exclude: Iterable[K] = (),
) -> dict[K, Band]:
    """The band of every force with data (see :func:`band` for the rule).

    Examples:
        >>> b = bands({f"f{i}": float(i) for i in range(8)})
        >>> [str(b[k]) for k in ("f7", "f6", "f5", "f0")]
        ['one of the highest', 'one of the highest', 'broadly in line', 'one of the lowest']
    """
    if not 0 <= share <= 0.5:
        raise ValueError("share must be between 0 and 0.5")
    clean = _clean(values, exclude)
    n = len(clean)
    k = math.floor(n * share + 1e-9)
    ordered = sorted(clean.values())
    out: dict[K, Band] = {}
    import bisect

    for key, v in clean.items():
        higher = n - bisect.bisect_right(ordered, v)
        lower = bisect.bisect_left(ordered, v)
        top, bottom = higher < k, lower < k
        if top and not bottom:
            out[key] = Band.ONE_OF_THE_HIGHEST
        elif bottom and not top:
            out[key] = Band.ONE_OF_THE_LOWEST
        else:
            out[key] = Band.BROADLY_IN_LINE
    return {key: out[key] for key in values if key in out}


def band(
    values: Mapping[K, float | None],
    force: K,
    *,
    share: float = 0.25,
    exclude: Iterable[K] = (),
) -> Band | None:
    """Whether ``force`` is one of the highest, broadly in line or one of the lowest.

    The rule, after Annex A of the 2016 reports ("ranking ... and then
    highlighting the top and bottom 25 percent of forces"):

    * Only forces with a value count: ``None`` (no data) and the keys in
      ``exclude`` are left out, and ``n`` is the number left.
    * ``k = floor(n * share)`` forces make each quarter; with 43 forces, 10.
    * A force is *one of the highest* when fewer than ``k`` forces have a
      strictly higher value, and *one of the lowest* when fewer than ``k``
      have a strictly lower one. So tied forces always share a band, and a tie
      that starts inside the top quarter takes the whole tie into it (the
      band can then hold more than ``k`` forces).
    * A force that qualifies for both (possible only when more than half the
      forces share one value) is broadly in line, as is everyone when
      ``n < 4`` (then ``k`` is 0).

    The band depends only on the order of the values, so any order-preserving
    change of scale gives the same bands, and reversing the order swaps the
    highest and lowest bands.

    Returns:
        The band, or ``None`` when ``force`` has no value or is excluded.

    Examples:
        >>> ocg = {"cumbria": 70.0, "durham": 30.0, "kent": 40.0, "essex": 35.0}
        >>> str(band(ocg, "cumbria"))
        'one of the highest'
    """
    return bands(values, share=share, exclude=exclude).get(force)


@attrs.frozen
class GradeChange:
    """The change of a grade between two cycles.

    Attributes:
        direction: ``"improved"``, ``"declined"``, ``"unchanged"`` or
            ``"not comparable"`` (a grade is missing or ungraded, or the two
            are on different scales).
        steps: How many places the grade moved on its scale (positive for
            better), or ``None`` when not comparable.
    """

    direction: Literal["improved", "declined", "unchanged", "not comparable"]
    steps: int | None


def _grade_of(j: Judgment | Grade | None) -> Grade | None:
    if j is None or isinstance(j, Grade):
        return j
    return j.grade


def grade_change(
    before: Judgment | Grade | None,
    after: Judgment | Grade | None,
    scale: GradeScale | None = None,
) -> GradeChange:
    """How a grade changed from one cycle to the next.

    Missing and ungraded judgments are never treated as grades: the change is
    then "not comparable". Steps are counted on the grade scale: on the
    four-point scale good to requires improvement is one step. Pass ``scale``
    to insist on one; grades not on it are not comparable (HMICFRS says the
    four- and five-point scales cannot be compared).

    Examples:
        >>> grade_change(Grade.REQUIRES_IMPROVEMENT, Grade.GOOD)
        GradeChange(direction='improved', steps=1)
        >>> grade_change(Grade.GOOD, None).direction
        'not comparable'
    """
    a, b = _grade_of(before), _grade_of(after)
    if a is None or b is None:
        return GradeChange("not comparable", None)
    if scale is None:
        scale = GradeScale.FIVE_POINT if Grade.ADEQUATE in (a, b) else GradeScale.FOUR_POINT
    grades = scale.grades
    if a not in grades or b not in grades:
        return GradeChange("not comparable", None)
    steps = grades.index(a) - grades.index(b)
    if steps > 0:
        return GradeChange("improved", steps)
    if steps < 0:
        return GradeChange("declined", steps)
    return GradeChange("unchanged", 0)


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
    """Two reports' figures on every measure they share (same metric, unit and
    period), in the first report's order.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> r = load_bundled().report("cumbria", 2016)
        >>> rows = side_by_side(r, r)
        >>> len(rows) == len(r.measurements), rows[0].difference
        (True, 0.0)
    """
    index = {(m.key, m.unit, m.period): m for m in second.measurements}
    rows = []
    for m in first.measurements:
        other = index.get((m.key, m.unit, m.period))
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
                m.value - other.value,
            )
        )
    return tuple(rows)
