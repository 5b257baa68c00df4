"""Metrics: what a figure measures, over which period, and a force's value.

A :class:`MetricDefinition` says what is measured (key, label, unit, period,
source); a :class:`Measurement` is the force's value and, where the report
gives one, the England and Wales value.
"""

from __future__ import annotations

import math
from typing import Any

import attrs

from ..errors import PeelDataError, Problem
from ._field_limits import FILLED, KEY, Matches
from ._messages import show_number
from ._sealed import Sealed
from ._validators import valid
from ._values import lenient, number, optional, record, text, to_float
from ._words import NOUNS, Words, member, spelled_schema
from .periods import Period, period, to_period

__all__ = ["Measurement", "MetricDefinition", "Unit"]


class Unit(Words):
    """The unit of a figure.

    Examples:
        >>> Unit.PER_MILLION_POPULATION.label
        'per million population'
        >>> Unit("per 1000 population")
        <Unit.PER_1000_POPULATION: 'per_1000_population'>
    """

    PER_1000_POPULATION = "per_1000_population"
    PER_1000_HOUSEHOLDS = "per_1000_households"
    PER_MILLION_POPULATION = "per_million_population"
    PER_100 = "per_100"
    PERCENT = "percent"
    PERCENT_CHANGE = "percent_change"
    PERCENTAGE_POINTS = "percentage_points"
    COUNT = "count"
    RATIO = "ratio"

    @property
    def label(self) -> str:
        """The unit in words."""
        return _UNIT_LABELS[self]

    @property
    def bounds(self) -> tuple[float, float, bool]:
        """The lowest and highest possible value, and whether values are
        whole numbers. A percentage is 0 to 100, a percent change at least
        -100, a count a whole number; other figures are not negative."""
        return _UNIT_BOUNDS.get(self._value_, (0, math.inf, False))

    @property
    def change(self) -> bool:
        """Whether a figure in this unit is a change over time (a percent
        change, a difference in percentage points)."""
        return self in _CHANGES

    @property
    def comparable(self) -> bool:
        """Whether a figure in this unit compares with another force's, or
        with England and Wales's as a share of it: a level scaled to the
        force's size (a rate, a percentage, a ratio). A count grows with the
        force (1,200 is no share of a national 122,000), and a ratio of two
        changes means nothing.

        Examples:
            >>> Unit.PER_1000_POPULATION.comparable, Unit.COUNT.comparable, Unit.PERCENT_CHANGE.comparable
            (True, False, False)
        """
        return not self.change and self is not Unit.COUNT

    @property
    def per(self) -> int | None:
        """The multiplier of a rate (1,000, 1,000,000 or 100), else ``None``."""
        return _UNIT_PER.get(self)

    def __str__(self) -> str:
        return self.label


NOUNS[Unit] = "a unit"

_UNIT_LABELS = {
    Unit.PER_1000_POPULATION: "per 1,000 population",
    Unit.PER_1000_HOUSEHOLDS: "per 1,000 households",
    Unit.PER_MILLION_POPULATION: "per million population",
    Unit.PER_100: "per 100",
    Unit.PERCENT: "percent",
    Unit.PERCENT_CHANGE: "percent change",
    Unit.PERCENTAGE_POINTS: "percentage points",
    Unit.COUNT: "count",
    Unit.RATIO: "ratio",
}
_UNIT_BOUNDS: dict[str, tuple[float, float, bool]] = {
    Unit.PERCENT.value: (0, 100, False),
    Unit.PERCENT_CHANGE.value: (-100, math.inf, False),
    # The difference of two percentages.
    Unit.PERCENTAGE_POINTS.value: (-100, 100, False),
    Unit.COUNT.value: (0, math.inf, True),
}
_UNIT_PER = {
    Unit.PER_1000_POPULATION: 1000,
    Unit.PER_1000_HOUSEHOLDS: 1000,
    Unit.PER_MILLION_POPULATION: 1_000_000,
    Unit.PER_100: 100,
    Unit.PERCENT: 100,
}

METRIC_KEY = Matches(KEY, "a metric key (use lower_snake_case)")
UNIT = member(Unit)
_PERIOD = valid(optional(period))  # named before MetricDefinition, whose field "period" hides the rule


def to_unit(value: Unit | str) -> object:
    """A unit's word as the unit (anything else as it was, for the field's validator)."""
    return value if value.__class__ is Unit else lenient(UNIT, value)


@attrs.frozen(kw_only=True)
class MetricDefinition(Sealed):
    """What a figure measures.

    Attributes:
        key: A stable snake_case name, e.g. ``"recorded_crime_rate"``
            (``metric`` in data files).
        label: A short description for people.
        unit: The unit.
        period: The period the figure covers, or ``None`` where the report
            gives none.
        baseline: For a change, the earlier period compared against.
        base: For a rate per 100, what it is per 100 of (``"OCGs"``); only
            for the unit ``per_100``.
        source: Where the figure comes from, as the report credits it.

    Examples:
        >>> rate = MetricDefinition(
        ...     key="recorded_crime_rate", label="Recorded crime (excluding fraud)",
        ...     unit="per_1000_population", period="12 months to 30 June 2016")
        >>> rate.unit, str(rate.period)
        (<Unit.PER_1000_POPULATION: 'per_1000_population'>, '12 months to 30 June 2016')

        A misspelt word is refused, with a suggestion:

        >>> MetricDefinition(key="share", label="Share", unit="percentage")
        Traceback (most recent call last):
        peel_effectiveness.errors.PeelDataError: unit: 'percentage' is not a unit (expected one of: per_1000_population, per_1000_households, per_million_population, per_100, percent, percent_change, percentage_points, count, ratio); did you mean 'percent'?
    """

    key: str = attrs.field(validator=valid(text, METRIC_KEY))
    label: str = attrs.field(validator=valid(text, FILLED))
    unit: Unit = attrs.field(converter=to_unit, validator=valid(UNIT))
    period: Period | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_period), validator=_PERIOD
    )
    baseline: Period | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_period), validator=_PERIOD
    )
    base: str | None = attrs.field(default=None, validator=valid(optional(text)))
    source: str | None = attrs.field(default=None, validator=valid(optional(text)))

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.base is not None and self.unit is not Unit.PER_100:
            problems.append(Problem("base is only for a rate per 100 (unit per_100)", path="base"))
        if self.baseline is not None and self.unit not in _CHANGES:
            why = "baseline is only for a change (unit percent_change or percentage_points)"
            problems.append(Problem(why, path="baseline"))
        elif self.baseline is not None and self.period is not None and self.baseline.end >= self.period.end:
            why = f"the baseline is the earlier period: it ends before the period ({self.period}) does"
            problems.append(Problem(why, path="baseline"))
        if problems:
            raise PeelDataError(problems)

    @property
    def unit_label(self) -> str:
        """The unit in words, with the base of a rate per 100."""
        if self.unit is Unit.PER_100 and self.base:
            return f"per 100 {self.base}"
        return self.unit.label

    @property
    def measure(self) -> str:
        """What a figure of this metric measures: its unit in words (with a
        rate's base) and, for a change, since when. Figures under one key
        are set against each other only where their measures are the same.

        Examples:
            >>> MetricDefinition(key="x", label="X", unit="percent_change", baseline="12 months to 30 June 2015").measure
            'percent change since 12 months to 30 June 2015'
        """
        shown = self.unit_label
        return shown if self.baseline is None else f"{shown} since {self.baseline}"


def measure_key(metric: MetricDefinition) -> str:
    """What a metric's figures measure, as figures are matched on it: its
    :attr:`~MetricDefinition.measure`, case and spacing aside (a base of
    "OCGs" is one of "ocgs": a base is prose, not one of the enums' words)."""
    return " ".join(metric.measure.split()).casefold()


_CHANGES = (Unit.PERCENT_CHANGE, Unit.PERCENTAGE_POINTS)


def _units(*units: Unit) -> dict[str, Any]:
    """A unit that is one of ``units``, in any spelling the enum reads."""
    return spelled_schema(Unit, units)


def base_schema() -> dict[str, Any]:
    """The rules of ``base`` (only per 100) and ``baseline`` (only for a
    change) as JSON Schema ``if``/``then``."""
    return {
        "allOf": [
            {
                "if": {"required": ["base"], "properties": {"base": {"type": "string"}}},
                "then": {"properties": {"unit": _units(Unit.PER_100)}},
            },
            {
                "if": {"required": ["baseline"], "properties": {"baseline": {"not": {"type": "null"}}}},
                "then": {"properties": {"unit": _units(*_CHANGES)}},
            },
        ]
    }


def check_value(unit: Unit, value: float) -> str | None:
    """Why ``value`` is impossible in ``unit``, or ``None`` if it is possible."""
    low, high, whole = unit.bounds
    if low <= value <= high and (not whole or value == int(value)):
        return None
    shown = show_number(value)
    if unit is Unit.PERCENT:
        return f"{shown} is not a percentage between 0 and 100"
    if unit is Unit.PERCENT_CHANGE:
        return f"{shown} is not a possible percent change (below -100)"
    if unit is Unit.COUNT:
        return f"{shown} is not a count (a whole number, 0 or more)"
    if unit is Unit.PERCENTAGE_POINTS:
        return f"{shown} is not a possible difference of two percentages (-100 to 100 percentage points)"
    return f"{shown} is negative, which a {unit.label} figure cannot be"


def unit_bounds_schema() -> dict[str, Any]:
    """The bounds of a figure by its unit, as JSON Schema ``if``/``then`` rules."""
    rules = []
    for unit in Unit:
        low, high, whole = unit.bounds
        limits: dict[str, Any] = {}
        if math.isfinite(low):
            limits["minimum"] = low
        if math.isfinite(high):
            limits["maximum"] = high
        if whole:
            limits["multipleOf"] = 1
        if limits:
            rules.append(
                {
                    "if": {"properties": {"unit": _units(unit)}, "required": ["unit"]},
                    "then": {"properties": dict.fromkeys(("value", "england_and_wales"), limits)},
                }
            )
    return {"allOf": rules}


_METRIC = record(MetricDefinition, "a metric")


@attrs.frozen(kw_only=True)
class Measurement(Sealed):
    """A force's figure for one metric, with the England and Wales comparator.

    Attributes:
        metric: What is measured (its fields are written beside ``value`` in
            data files).
        value: The force's value.
        england_and_wales: The England and Wales value, where the report gives
            one.
        note: A short note in our own words, e.g. on how the figure is
            defined or which forces it leaves out.

    Examples:
        >>> m = Measurement(
        ...     metric=MetricDefinition(
        ...         key="recorded_crime_rate", label="Recorded crime (excluding fraud)",
        ...         unit=Unit.PER_1000_POPULATION,
        ...         period=Period.parse("12 months to 30 June 2016")),
        ...     value=51.7, england_and_wales=68.2)
        >>> m.key, m.value < m.england_and_wales
        ('recorded_crime_rate', True)
    """

    metric: MetricDefinition = attrs.field(validator=valid(_METRIC))
    value: float = attrs.field(converter=to_float, validator=valid(number))
    england_and_wales: float | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_float), validator=valid(optional(number))
    )
    note: str | None = attrs.field(default=None, validator=valid(optional(text)))

    def __attrs_post_init__(self) -> None:
        unit = self.metric.unit
        problems = [
            Problem(why, path=name)
            for name, value in (("value", self.value), ("england_and_wales", self.england_and_wales))
            if value is not None and (why := check_value(unit, value)) is not None
        ]
        if problems:
            raise PeelDataError(problems)

    @property
    def key(self) -> str:
        """The metric's key."""
        return self.metric.key

    @property
    def label(self) -> str:
        """The metric's label."""
        return self.metric.label

    @property
    def unit(self) -> Unit:
        """The metric's unit."""
        return self.metric.unit

    @property
    def period(self) -> Period | None:
        """The metric's period."""
        return self.metric.period
