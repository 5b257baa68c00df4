"""Enhanced monitoring: the stays of forces in HMICFRS's "Engage" process.

HMICFRS moves a force into enhanced monitoring ("Engage"; the press says
"special measures") when it has serious concerns about it, and out again
when they are met. Sources state the dates of these moves as exactly as
they know them: a day, a month, a year, or only the day of the article that
reports it. An :class:`EngageDate` keeps a date to that precision, so that
"in Engage on 1 January 2023" is answered as far as it can be known.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from ..errors import PeelDataError, Problem
from ._field_limits import SOURCES
from ._messages import MONTH_NAMES, day_words, describe, fail, shorten_repr
from ._sealed import Sealed
from ._validators import valid
from ._values import (
    FIRST_DAY,
    ISO_DATE,
    date,
    in_range,
    is_day,
    lenient,
    optional,
    record,
    text,
    texts,
    to_date,
    to_texts,
)
from ._words import NOUNS, SPACE, SPACE_CLASS, Words, member
from .force import Force, force, to_force

__all__ = ["EngageDate", "Precision", "Stay"]


# How many days before an article reporting a move it may have been made.
BY_DAYS = 2


class Precision(Words):
    """How exactly a source states when something happened.

    * ``day``, ``month``, ``year``: the day, the month, or the year.
    * ``by``: only the day of an article that reports it. News of HMICFRS's
      decisions is published the day they are announced or a day or two
      after, so it happened on the article's day or one of the two before
      (the days :attr:`EngageDate.earliest` to :attr:`EngageDate.last`),
      and is shown as "by" that day.
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    BY = "by"


NOUNS[Precision] = "a precision"
PRECISION = member(Precision)

_FORMS = {
    Precision.DAY: ISO_DATE,
    Precision.MONTH: re.compile(r"[0-9]{4}-[0-9]{2}"),
    Precision.YEAR: re.compile(r"[0-9]{4}"),
}
_FORMS_READ = "|".join(form.pattern for form in _FORMS.values())
DATE_PATTERN = (
    f"^{SPACE_CLASS}*(?:by {SPACE_CLASS}*{_FORMS[Precision.DAY].pattern}|{_FORMS_READ}){SPACE_CLASS}*$"
)
"""The forms :meth:`EngageDate.parse` reads, as the schema's pattern."""


def _to_precision(value: object) -> object:
    return value if value.__class__ is Precision else lenient(PRECISION, value)


def _last_day(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


@attrs.frozen
class EngageDate(Sealed):
    """A date as exactly as the sources state it.

    Data files write it as ISO text to its precision: ``2023-09-20`` (a
    day), ``2023-09`` (a month), ``2019`` (a year); a date known only from
    the date of an article that reports it is written ``by 2025-05-22``.

    Attributes:
        day: The day; for a month or a year, its first day; for ``by``, the
            day of the article that reports it.
        precision: How exactly it is known.

    Examples:
        >>> d = EngageDate.parse("2019-04")
        >>> d.earliest, d.last, str(d)
        (datetime.date(2019, 4, 1), datetime.date(2019, 4, 30), 'April 2019')
        >>> by = EngageDate.parse("by 2025-05-22")
        >>> str(by), by.earliest, by.last
        ('by 22 May 2025', datetime.date(2025, 5, 20), datetime.date(2025, 5, 22))
        >>> EngageDate(dt.date(2019, 4, 12), "month")
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: day: a date to the month is written as its first day, not 2019-04-12
    """

    day: dt.date = attrs.field(converter=to_date, validator=valid(date))
    precision: Precision = attrs.field(converter=_to_precision, validator=valid(PRECISION))

    def __attrs_post_init__(self) -> None:
        p, day = self.precision, self.day
        if (p is Precision.MONTH and day.day != 1) or (
            p is Precision.YEAR and (day.month, day.day) != (1, 1)
        ):
            raise PeelDataError(
                [Problem(f"a date to the {p} is written as its first day, not {day}", path="day")]
            )

    @classmethod
    def parse(cls, value: str | int | dt.date) -> EngageDate:
        """Read a date as data files write it: ``2023-09-20``, ``2023-09``,
        ``2019`` (also as a number) or ``by 2025-05-22``; a ``date`` is a
        day.

        Raises:
            PeelDataError: The value is no date in one of those forms.
        """
        if value.__class__ is dt.date:
            return cls(date(value), Precision.DAY)
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            value = str(value)
        if not isinstance(value, str):
            fail(f"expected a date (2023-09-20, 2023-09, 2019 or by 2025-05-22), got {describe(value)}")
        shown = value.strip(SPACE)
        try:
            if shown.startswith("by ") and _FORMS[Precision.DAY].fullmatch(shown[3:].strip(SPACE)):
                return cls(in_range(dt.date.fromisoformat(shown[3:].strip(SPACE))), Precision.BY)
            for precision, form in _FORMS.items():
                if form.fullmatch(shown):
                    parts = [int(x) for x in shown.split("-")] + [1, 1]
                    return cls(in_range(dt.date(parts[0], parts[1], parts[2])), precision)
        except ValueError as e:
            fail(f"{shorten_repr(value)} is not a date: {e}")
        fail(
            f"{shorten_repr(value)} is not a date to a day, a month or a year "
            "(write 2023-09-20, 2023-09, 2019, or 'by 2025-05-22' for the date of an article)"
        )

    @property
    def earliest(self) -> dt.date:
        """The first day it can have been (for ``by``, two days before the article's)."""
        if self.precision is Precision.BY:
            return max(self.day - dt.timedelta(days=BY_DAYS), FIRST_DAY)
        return self.day

    @property
    def last(self) -> dt.date:
        """The last day it can have been."""
        day = self.day
        if self.precision is Precision.MONTH:
            return _last_day(day.year, day.month)
        if self.precision is Precision.YEAR:
            return dt.date(day.year, 12, 31)
        return day

    @property
    def iso(self) -> str:
        """As data files write it."""
        iso = self.day.isoformat()
        return {
            Precision.DAY: iso,
            Precision.MONTH: iso[:7],
            Precision.YEAR: iso[:4],
            Precision.BY: f"by {iso}",
        }[self.precision]

    def __str__(self) -> str:
        return self.words()

    def words(self, short: bool = False) -> str:
        """In words, as exactly as it is known: ``20 September 2023``,
        ``April 2019``, ``2019``, ``by 22 May 2025``; with ``short``, the
        month's first three letters (``20 Sep 2023``)."""
        day = self.day
        if self.precision is Precision.YEAR:
            return str(day.year)
        if self.precision is Precision.MONTH:
            return f"{MONTH_NAMES[day.month - 1][: 3 if short else None]} {day.year}"
        shown = day_words(day, short)
        return f"by {shown}" if self.precision is Precision.BY else shown

    @property
    def when(self) -> str:
        """When it happened, as a sentence says it: ``on 20 September
        2023``, ``in April 2019``, ``in 2019``, ``by 22 May 2025``."""
        on = {Precision.DAY: "on ", Precision.BY: ""}.get(self.precision, "in ")
        return f"{on}{self}"


def engage_date(value: object) -> EngageDate:
    """A date to its precision: an :class:`EngageDate`, or text data files write."""
    if value.__class__ is EngageDate:
        return value
    return EngageDate.parse(value)  # type: ignore[arg-type]


engage_date.accepts = frozenset({EngageDate})  # type: ignore[attr-defined]


def to_engage_date(value: EngageDate | dt.date | str | int) -> object:
    """Text as the date it writes (anything else as it was, for the field's validator)."""
    return value if value.__class__ is EngageDate else lenient(engage_date, value)


_DATE = valid(engage_date)


@attrs.frozen(kw_only=True)
class Stay(Sealed):
    """A force's stay in enhanced monitoring (Engage).

    Attributes:
        force: The force (its id in data files).
        entered: When it was moved into Engage.
        left: When it was moved out, or ``None`` while it is still in, as
            far as the sources go.
        reason: Why HMICFRS moved it in, in our own words.
        entered_sources: Where the move in is reported; each one line, not blank.
        left_sources: Where the move out is reported (with ``left``); each one
            line, not blank.
        note: What a reader should know (sources that disagree...), in our own words.

    Examples:
        >>> stay = Stay(force="cleveland", entered="2019", left="2023-09-20", reason="Inadequate throughout")
        >>> stay.in_on(dt.date(2023, 1, 1)), stay.in_on(dt.date(2019, 6, 1)), stay.in_on(dt.date(2024, 1, 1))
        (True, None, False)
        >>> stay.duration()
        (1359, 1723)
    """

    force: Force = attrs.field(converter=to_force, validator=valid(force))
    entered: EngageDate = attrs.field(converter=to_engage_date, validator=_DATE)
    left: EngageDate | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_engage_date),
        validator=valid(optional(engage_date)),
    )
    reason: str = attrs.field(default="", validator=valid(text))
    entered_sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_texts, validator=valid(texts, SOURCES)
    )
    left_sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_texts, validator=valid(texts, SOURCES)
    )
    note: str = attrs.field(default="", validator=valid(text))

    def __attrs_post_init__(self) -> None:
        left = self.left
        if left is None and self.left_sources:
            # Sources of a move out that is not given would be kept, and said of none.
            message = "left_sources goes with left: give left, or leave left_sources out"
            raise PeelDataError([Problem(message, path="left_sources")])
        if left is not None and left.last < self.entered.earliest:
            message = f"the stay ends ({left}) before it starts ({self.entered})"
            raise PeelDataError([Problem(message, path="left")])

    def in_on(self, day: dt.date) -> bool | None:
        """Whether the force was in Engage on ``day``: ``True``, ``False``,
        or ``None`` where the dates' precision cannot tell."""
        _a_date("in_on", "day", day)
        entered, left = self.entered, self.left
        if day < entered.earliest:
            return False
        if left is not None and day >= left.last:  # moved out on that day at the latest
            return False
        if day >= entered.last and (left is None or day < left.earliest):
            return True
        return None

    def duration(self, today: dt.date | None = None) -> tuple[int, int]:
        """How many days the stay lasted, as the shortest and longest the
        dates allow: to ``today`` (by default the date today) where it had
        not ended by then, so that a day within the stay gives how long it
        had lasted on that day.

        Raises:
            TypeError: ``today`` is not a date.
            PeelDataError: ``today`` is before the stay began.
        """
        (short_start, short_end), (long_start, long_end) = self._spans("duration", today)
        return max(0, (short_end - short_start).days), max(0, (long_end - long_start).days)

    def months(self, today: dt.date | None = None) -> tuple[int, int]:
        """How many whole calendar months the stay lasted, as the fewest and
        most the dates allow (to ``today``, as :meth:`duration`): a month
        is whole on the same day of the month, or on the last day of a month
        without that day, so 20 September 2022 to 20 September 2023 is
        twelve, and 31 January to 28 February one.

        Examples:
            >>> Stay(force="kent", entered="2022-09-20", left="2023-09-20").months()
            (12, 12)
            >>> Stay(force="kent", entered="2019", left="2023-09-20").months()
            (44, 56)
        """
        (short_start, short_end), (long_start, long_end) = self._spans("months", today)
        return _whole_months(short_start, short_end), _whole_months(long_start, long_end)

    def _spans(
        self, method: str, today: dt.date | None
    ) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
        """The first and last day of the shortest and of the longest stay the dates allow."""
        if today is not None:
            _a_date(method, "today", today)
            if today < self.entered.earliest:
                fail(f"the stay began {self.entered}, after {day_words(today)}: it had lasted no time")
        if self.left is None:
            end_first = end_last = today or dt.date.today()
        else:
            end_first, end_last = self.left.earliest, self.left.last
            if today is not None:  # on a day before it ended, it had lasted to that day
                end_first, end_last = min(end_first, today), min(end_last, today)
        return (self.entered.last, end_first), (self.entered.earliest, end_last)


def _whole_months(start: dt.date, end: dt.date) -> int:
    # A month is whole on the same day of the next, or on its last day where
    # it has no such day (31 January to 28 February, 29 February to 28
    # February of the next year).
    short = end.day < start.day and end != _last_day(end.year, end.month)
    return max(0, (end.year - start.year) * 12 + end.month - start.month - short)


def _a_date(method: str, name: str, day: object) -> None:
    if not is_day(day):
        what = "a datetime.date, not a datetime"
        raise TypeError(f"{method}() takes a date as {name} ({what}), not {type(day).__name__}")


_STAY = record(Stay, "a stay in Engage")


def left_sources_schema() -> dict[str, Any]:
    """The rule that ``left_sources`` goes with ``left`` (see
    :class:`Stay`), as JSON Schema ``if``/``then``: sources given (an
    empty list is none) need a move out that is not null."""
    return {
        "if": {"required": ["left_sources"], "properties": {"left_sources": {"minItems": 1}}},
        "then": {"required": ["left"], "properties": {"left": {"not": {"type": "null"}}}},
    }
