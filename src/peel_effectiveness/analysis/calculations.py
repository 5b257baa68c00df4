"""The calculations behind PEEL figures, as pure functions.

Annex A of the 2016 reports is the specification: rates are counts per 1,000
people (per 1,000 households for burglary, per million for organised crime
groups, per 100 for arrests and orders), changes compare two 12-month
periods, and outcome figures are shares of the offences recorded. England
and Wales figures, a rate over the forces' combined population or, for
survey results, the simple mean of the 43 forces' rates, are
:func:`~peel_effectiveness.analysis.national_rate` and
:func:`~peel_effectiveness.analysis.mean_of_rates`.

Each works on the figures as they are written (the shortest decimal that is
each float: 0.1 is a tenth), exactly, and rounds its result once, to the
nearest float: 92 of 320 is 28.75 percent, as on paper, not the
28.749999999999996 of float arithmetic, which rounds to 28.7.

Every function raises ``TypeError`` for an argument of the wrong type (a
figure that is not an ``int`` or ``float``) and
:class:`~peel_effectiveness.PeelDataError` (a ``ValueError``) for one it
cannot take (a figure that is not finite, a base that is not positive, a
count or rate that is negative) or a result too large to represent; the
message names the argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..model._messages import show_number
from . import _args
from ._exclusions import EXCLUSIONS_2016

if TYPE_CHECKING:
    from fractions import Fraction

__all__ = [
    "EXCLUSIONS_2016",
    "apply_percent_change",
    "base_from_rate",
    "change_over_years",
    "compose_percent_changes",
    "count_from_rate",
    "percent_change",
    "percentage_point_change",
    "rate",
    "rate_change",
    "share",
]


def _finite(name: str, value: float) -> float:
    return _args.number(name, value)


def _positive(name: str, value: float) -> float:
    x = _args.number(name, value)
    if x <= 0:
        raise _args.refuse(f"{name} must be positive, not {_args.shown(value)}")
    return x


def _count(name: str, value: float) -> float:
    # What is counted, and a rate of it, is never below nothing (as the
    # model's units of rates and counts have it): a negative one is a slip.
    x = _args.number(name, value)
    if x < 0:
        raise _args.refuse(f"{name} must not be negative, not {_args.shown(value)}")
    return abs(x)  # -0.0 is no count: nothing, as 0.0


def rate(count: float, base: float, per: float = 1000) -> float:
    """``count`` per ``per`` of ``base``: crimes per 1,000 population and the like.

    Args:
        count: What is counted (crimes, incidents, groups, arrests); not
            negative.
        base: What it is counted against (population, households, offences);
            must be positive.
        per: 1,000 for population and households, 1,000,000 for organised
            crime groups, 100 for rates per 100 and percentages.

    Raises:
        TypeError: A value is not a number.
        PeelDataError: ``base`` or ``per`` is not positive, ``count`` is
            negative, a value is not finite, or the rate is too large to
            represent (or, of a count above zero, too small).

    Examples:
        >>> round(rate(25_850, 500_000), 1)      # crimes per 1,000 population
        51.7
        >>> rate(35, 500_000, per=1_000_000)      # OCGs per million
        70.0
    """
    count, base, per = _count("count", count), _positive("base", base), _positive("per", per)
    return _scaled(count, base, per, "the rate")


def count_from_rate(value: float, base: float, per: float = 1000) -> float:
    """The count behind a rate: the inverse of :func:`rate` in its first argument.

    Raises:
        TypeError: A value is not a number.
        PeelDataError: ``base`` or ``per`` is not positive, ``value`` (the
            rate) is negative, a value is not finite, or the count is too
            large to represent (or, of a rate above zero, too small).

    Examples:
        >>> count_from_rate(51.7, 500_000)
        25850.0
    """
    value, base, per = _count("value", value), _positive("base", base), _positive("per", per)
    return _scaled(value, per, base, "the count")


def base_from_rate(count: float, value: float, per: float = 1000) -> float:
    """The base behind a rate: the inverse of :func:`rate` in its second argument.

    Raises:
        TypeError: A value is not a number.
        PeelDataError: ``count``, ``value`` or ``per`` is not positive (a
            base is), a value is not finite, or the base is too large or
            too small to represent.

    Examples:
        >>> base_from_rate(35, 70, per=1_000_000)   # the population behind 70 OCGs per million
        500000.0
    """
    # A base is positive, as rate() takes it: so is the count behind it.
    count, per = _positive("count", count), _positive("per", per)
    value = _finite("value", value)
    if value <= 0:
        raise _args.refuse(f"value must be positive to find its base, not {_args.shown(value)}")
    return _scaled(count, value, per, "the base")


def _scaled(x: float, over: float, times: float, what: str) -> float:
    """:func:`_args.scaled` of the figures as written (see :func:`_args.exact`)."""
    return _args.scaled(_args.exact(x), _args.exact(over), _args.exact(times), what)


def share(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole``.

    Raises:
        TypeError: A value is not a number.
        PeelDataError: ``whole`` is not positive, ``part`` is negative, a
            value is not finite, or the share is too large to represent
            (or, of a part above zero, too small).

    Examples:
        >>> share(1, 4)
        25.0
    """
    return rate(_count("part", part), _positive("whole", whole), per=100)


def percent_change(old: float, new: float) -> float:
    """The change from ``old`` to ``new`` as a percentage of ``old``.

    Raises:
        TypeError: A value is not a number.
        PeelDataError: ``old`` is zero (the change has no percentage), a
            value is not finite, or the change is too large to represent.

    Examples:
        >>> round(percent_change(100, 97.4), 1)     # recorded crime, 5 years
        -2.6
    """
    old, new = _finite("old", old), _finite("new", new)
    return _change(_args.exact(old), _args.exact(new))


def _change(before: Fraction, after: Fraction, name: str = "old") -> float:
    """The percent change from ``before`` to ``after``, exactly, rounded
    once; refused from zero, said of the argument ``name``."""
    if before == 0:
        raise _args.refuse(f"{name} is 0: a percent change from zero is undefined")
    return _args.rounded((after - before) / abs(before) * 100, "the percent change")


def apply_percent_change(old: float, change: float) -> float:
    """The value after a percent change: the inverse of :func:`percent_change`.

    Raises:
        TypeError: A value is not a number.
        PeelDataError: A value is not finite, or the result is too large to
            represent.

    Examples:
        >>> apply_percent_change(200, -32)
        136.0
    """
    before = _args.exact(_finite("old", old))
    return _args.rounded(before + abs(before) * _args.exact(_finite("change", change)) / 100, "the value")


MOST_CHANGES = 1_000
"""How many changes :func:`compose_percent_changes` composes at most (a
century of them a month): past it, the exact product of the figures as
written costs more than a second."""


def compose_percent_changes(changes: Iterable[float]) -> float:
    """One percent change equal to several in a row, of a figure that stays
    above zero (a count or a rate): where the figure is below zero,
    :func:`percent_change` divides by its size, and changes in a row do not
    make one.

    Raises:
        TypeError: ``changes`` is not a list of numbers.
        PeelDataError: A change is not finite, is a fall of more than 100
            percent, or of 100 percent before another change (the figure
            would not stay above zero).

    Examples:
        >>> round(compose_percent_changes([10, 10]), 6)
        21.0
    """
    given = _args.items("changes", changes, "percent changes")
    if len(given) > MOST_CHANGES:
        raise _args.refuse(
            f"changes: at most {MOST_CHANGES:,} changes are composed into one, not {len(given):,}"
        )
    # The factors' numerators and denominators multiplied apart, and divided
    # once: a fraction reduced at each step costs the square of the list.
    top, bottom = 1, 1
    for i, c in enumerate(given):
        change = _finite(f"changes[{i}]", c)
        # A fall of 100 percent leaves nothing: the last change may be one,
        # but no change after it is a percentage of anything.
        if change < -100 or (change == -100 and i < len(given) - 1):
            raise _args.refuse(
                f"changes[{i}] is {_args.shown(c)}: a figure that stays above zero cannot fall by "
                + ("more than 100 percent" if change < -100 else "100 percent before another change")
            )
        step = _args.exact(change)
        top *= 100 * step.denominator + step.numerator
        bottom *= 100 * step.denominator
    try:
        return (top - bottom) * 100 / bottom  # (whole numbers' division rounds once, to the nearest float)
    except OverflowError:
        raise _args.too_large("the percent change") from None


def percentage_point_change(old: float, new: float) -> float:
    """The difference between two percentages, in percentage points.

    Raises:
        TypeError: A value is not a number.
        PeelDataError: A value is not finite, or the difference is too
            large to represent.

    Examples:
        >>> round(percentage_point_change(50, 57), 1)
        7.0
    """
    new, old = _finite("new", new), _finite("old", old)
    return _args.rounded(_args.exact(new) - _args.exact(old), "the change")


def rate_change(
    old_count: float, old_base: float, new_count: float, new_base: float, per: float = 1000
) -> float:
    """The percent change in a rate between two periods (as Figure 3 for anti-social behaviour).

    Raises:
        TypeError: A value is not a number.
        PeelDataError: A count is negative, a base or ``per`` is not
            positive, a value is not finite, the old rate is zero, or a
            result is too large to represent.

    Examples:
        >>> rate_change(1000, 100_000, 680, 100_000)
        -32.0
    """
    # Each checked under its own name: a message names the argument.
    old_count, new_count = _count("old_count", old_count), _count("new_count", new_count)
    old_base, new_base = _positive("old_base", old_base), _positive("new_base", new_base)
    # Each rate is refused where rate() refuses it (too large, too small to
    # hold); the change is worked out on the figures, not on the rates
    # rounded (per drops out).
    rate(old_count, old_base, per)
    rate(new_count, new_base, per)
    return _change(
        _args.exact(old_count) / _args.exact(old_base),
        _args.exact(new_count) / _args.exact(new_base),
        "old_count",  # the old rate is zero where its count is
    )


def change_over_years(series: Mapping[int, float], years: int, latest: int | None = None) -> float:
    """The percent change over ``years`` years, from a series keyed by year.

    The 2016 reports compare the 12 months to 30 June 2016 with the same
    period one year and five years before; key such a series by the year the
    period ends.

    Raises:
        TypeError: ``series`` is not a mapping of years (``int``) to
            numbers, or ``years`` or ``latest`` not a whole number.
        PeelDataError: ``years`` is less than 1, or the series lacks the
            latest year or the one ``years`` before it.

    Examples:
        >>> crime = {2011: 100.0, 2015: 97.2, 2016: 97.4}
        >>> round(change_over_years(crime, 1), 1), round(change_over_years(crime, 5), 1)
        (0.2, -2.6)
    """
    series = _args.mapping("series", series, "years (int) to figures")
    if not all(isinstance(y, int) and not isinstance(y, bool) for y in series):
        raise TypeError("series must be a mapping of years (int) to figures")
    years = _args.whole("years", years, 1, 10**6)
    if latest is not None:
        latest = _args.whole("latest", latest)
    if not series:
        raise _args.refuse("the series is empty")
    end = max(series) if latest is None else latest
    start = end - years
    missing = [y for y in (start, end) if y not in series]
    if missing:
        raise _args.refuse(f"the series has no value for {', '.join(map(show_number, missing))}")
    # Each figure named as the series holds it (percent_change's would be "old" and "new").
    old, new = (_args.number(f"series[{y}]", series[y]) for y in (start, end))
    return _change(_args.exact(old), _args.exact(new), f"series[{start}]")
