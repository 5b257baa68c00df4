"""Periods: the time a figure covers, as reports write it ("12 months to
30 June 2016", "as at 31 March 2016", "1 January 2016 to 31 March 2016")."""

from __future__ import annotations

import contextlib
import datetime as dt

import attrs

from ..errors import PeelDataError, Problem
from ._arguments import of_whole
from ._messages import MONTH_NAMES, closest, day_words, describe, fail, shorten_repr
from ._sealed import Sealed
from ._validators import valid
from ._values import date, in_range, lenient, plain_text, to_date, whole

__all__ = ["Period"]


_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}


def _days_in(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


def _parse_date(day: str, month: str, year: str) -> dt.date:
    m = _MONTHS.get(month.lower())
    if m is None:
        # A report's short names ("Sep", "Sept") begin their month's; a
        # misspelling is close to it.
        begun = [name for name in MONTH_NAMES if name.lower().startswith(month.lower())] if month else []
        near = closest(month, _MONTHS)
        meant = begun or ([MONTH_NAMES[_MONTHS[near] - 1]] if near is not None else [])
        hint = f"; did you mean {' or '.join(map(repr, meant))}?" if meant else ""
        raise ValueError(f"{shorten_repr(month)} is not a month{hint}")
    return in_range(dt.date(int(year), m, int(day)))


def _add_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    if not 1 <= year <= 9999:
        way = f"{-months} months before" if months < 0 else f"{months} months after"
        fail(f"{way} {d.isoformat()} is outside the calendar")
    return dt.date(year, month + 1, min(d.day, _days_in(year, month + 1)))


@attrs.frozen
class Period(Sealed):
    """A period of time, both ends inclusive; a snapshot has ``start == end``.

    Data files write a period as reports do (``"12 months to 30 June
    2016"``), or as ``start`` and ``end`` dates.

    Attributes:
        start: The first day.
        end: The last day, not before ``start``.

    Examples:
        >>> p = Period.parse("12 months to 30 June 2016")
        >>> p.start, p.end
        (datetime.date(2015, 7, 1), datetime.date(2016, 6, 30))
        >>> str(p)
        '12 months to 30 June 2016'
        >>> str(Period.parse("as at 1 July 2016"))
        'as at 1 July 2016'
        >>> Period("2016-02-01", "2016-01-31")
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: end: the period ends (2016-01-31) before it starts (2016-02-01)
    """

    start: dt.date = attrs.field(converter=to_date, validator=valid(date))
    end: dt.date = attrs.field(converter=to_date, validator=valid(date))

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise PeelDataError(
                [Problem(f"the period ends ({self.end}) before it starts ({self.start})", path="end")]
            )

    @classmethod
    def months_to(cls, end: dt.date | str, months: int = 12) -> Period:
        """The ``months`` months ending on ``end``: from the day after the
        same day ``months`` earlier (or after that month's last day, where
        it is shorter: 12 months to 28 February 2016 begin on 1 March
        2015), and whole calendar months where ``end`` is a month's last
        day, as reports' "12 months to 30 June 2016" are.

        Raises:
            PeelDataError: ``end`` is no date (or ISO text), or ``months``
                no whole number of one or more, or so many that the period
                would begin before the dates the model holds.
        """
        try:
            last = date(end)
        except PeelDataError as e:
            raise e.within("end") from None
        with contextlib.suppress(TypeError):  # numpy's whole numbers too; the rest said below
            months = of_whole("months", months)
        try:
            if whole(months) < 1:
                fail(f"a period is of one month or more, not {months}")
            back = _add_months(last, -months)
            if last.day == _days_in(last.year, last.month):
                back = back.replace(day=_days_in(back.year, back.month))
            start = in_range(back + dt.timedelta(days=1))
        except PeelDataError as e:
            raise e.within("months") from None
        return cls(start, last)

    @classmethod
    def as_at(cls, day: dt.date | str) -> Period:
        """A snapshot on one day, as a period's ``start`` and ``end`` are
        read (a date, or ISO text).

        Raises:
            PeelDataError: ``day`` is no date (or ISO text), as
                :meth:`months_to`'s ``end``.
        """
        try:
            snapshot = date(day)
        except PeelDataError as e:
            raise e.within("day") from None
        return cls(snapshot, snapshot)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read a period as reports write it.

        Accepted forms: ``"12 months to 30 June 2016"``, ``"as at 1 July 2016"``
        and ``"1 January 2016 to 31 March 2016"``.

        Raises:
            PeelDataError: The text is not a period in one of those forms.
        """
        if not isinstance(text, str):
            fail(f"expected a period as text ('12 months to 30 June 2016'), got {describe(text)}")
        if text.__class__ is not str:
            text = plain_text(text)
        found = _PERIODS.get(text)
        if found is None:
            found = _parse_period(text)
            if len(_PERIODS) < 4096:  # a dataset names few periods, in many places
                _PERIODS[text] = found
        return found

    @property
    def is_snapshot(self) -> bool:
        """Whether the period is a single day ("as at")."""
        return self.start == self.end

    @property
    def months(self) -> int | None:
        """The number of whole months covered, or ``None`` if not whole months."""
        nxt = self.end + dt.timedelta(days=1)
        if self.start.day != 1 or nxt.day != 1:
            return None
        return (nxt.year - self.start.year) * 12 + nxt.month - self.start.month

    def __str__(self) -> str:
        if self.is_snapshot:
            return f"as at {day_words(self.end)}"
        if self.months == 12:
            return f"12 months to {day_words(self.end)}"
        return f"{day_words(self.start)} to {day_words(self.end)}"


# Periods already read, by their text (bounded; only periods that parse).
_PERIODS: dict[str, Period] = {}


def period(value: object) -> Period:
    """A period: a :class:`Period`, or text as reports write it."""
    if value.__class__ is Period:
        return value
    return Period.parse(value)  # type: ignore[arg-type]


period.accepts = frozenset({Period})  # type: ignore[attr-defined]


def to_period(value: Period | str) -> object:
    """Text as the period it writes."""
    return lenient(period, value) if isinstance(value, str) else value


def _number(word: str, most: int | None = None) -> bool:
    return word.isascii() and word.isdigit() and (most is None or len(word) <= most)


def _is_date(words: list[str]) -> bool:
    """Whether three words are a date as reports write it: ``30 June 2016``."""
    day, month, year = words
    return _number(day, 2) and month.isascii() and month.isalpha() and _number(year) and len(year) == 4


def _parse_period(text: str) -> Period:
    # Words, not regular expressions: compiling those would cost more than
    # reading every period of the bundled data. A period has at most seven
    # (a text of millions of words is not split into them all).
    w = text.split(maxsplit=7)
    low = [x.lower() for x in w]
    try:
        if (
            len(w) == 6
            and _number(w[0], 3)
            and low[1] in ("month", "months")
            and low[2] == "to"
            and _is_date(w[3:])
        ):
            return Period.months_to(_parse_date(*w[3:]), int(w[0]))
        if len(w) == 5 and low[:2] == ["as", "at"] and _is_date(w[2:]):
            return Period.as_at(_parse_date(*w[2:]))
        if len(w) == 7 and low[3] == "to" and _is_date(w[:3]) and _is_date(w[4:]):
            return Period(_parse_date(*w[:3]), _parse_date(*w[4:]))
    except ValueError as e:
        raise PeelDataError([Problem(f"{shorten_repr(text)} is not a period: {e}")]) from None
    fail(
        f"{shorten_repr(text)} is not a period (write e.g. "
        "'12 months to 30 June 2016', 'as at 1 July 2016' or '1 January 2016 to 31 March 2016')"
    )
