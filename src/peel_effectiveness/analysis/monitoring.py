"""Questions a reporter asks of enhanced monitoring (Engage).

Which forces were in Engage on a date, how long each stay lasted, which
forces were in Engage when their reports of a cycle were published: each
answered as far as the dates' precision allows (a stay that began "in
2019" may or may not have begun by 1 March 2019).
"""

from __future__ import annotations

import datetime as dt

import attrs

from ..model._messages import day_words
from ..model.cycles import Cycle
from ..model.dataset import Dataset
from ..model.force import Force, territorial
from ..model.monitoring import EngageDate, Precision, Stay
from . import _args
from ._engage import (
    after_words,
    before_words,
    each_on,
    months_words,
    reach_of,
    when_published,
)

__all__ = [
    "InEngage",
    "duration_words",
    "earliest_move",
    "in_engage",
    "in_engage_when_published",
    "latest_dated",
    "latest_move",
]


@attrs.frozen
class InEngage:
    """The forces in Engage on a day.

    Attributes:
        day: The day asked about.
        stays: The stays the forces were in on that day, by force.
        maybe: The stays the dates cannot tell about: one that began, or
            ended, on a day not known exactly (in a month, by the day of an
            article...), asked about a day it may be.
        latest_dated: The latest move in or out of Engage in the data, as
            its sources date it (``None`` where they have none): after it,
            the answer is only as good as the sources, which may miss a
            later move.
        earliest: The first day of the earliest move into Engage in the
            data (``None`` where they have none): before it, the data
            record no stay, which does not say there was none.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> now = in_engage(load_bundled(), dt.date(2023, 1, 1))
        >>> [f.short_name for f in now.forces]
        ['Cleveland', 'Devon and Cornwall', 'Gloucestershire', 'Metropolitan', 'Staffordshire', 'Wiltshire']
    """

    day: dt.date
    stays: tuple[Stay, ...]
    maybe: tuple[Stay, ...] = ()
    latest_dated: EngageDate | None = None
    earliest: dt.date | None = None

    @property
    def latest(self) -> dt.date | None:
        """The first day of :attr:`latest_dated` (:func:`latest_move`): a
        move known to the month or the year is not known to be later."""
        return None if self.latest_dated is None else self.latest_dated.earliest

    @property
    def forces(self) -> tuple[Force, ...]:
        """The forces in Engage on the day, by id."""
        return tuple(s.force for s in self.stays)

    def __str__(self) -> str:
        day = day_words(self.day)
        names = ", ".join(f.short_name for f in self.forces) or "no force"
        text = f"In Engage on {day}: {names}"
        if self.maybe:
            text += "; perhaps " + ", ".join(f"{s.force.short_name} ({self._unsure(s)})" for s in self.maybe)
        if self.beyond_the_data:
            text += f" (as far as the data go: {after_words(self.latest_dated)})"
        if self.before_the_data:
            text += f" (as far as the data go: {before_words(self.earliest)})"
        return text

    def _unsure(self, stay: Stay) -> str:
        """What of a stay the day falls within: its move in, or its move out."""
        since = f"in {stay.entered}" if stay.entered.precision is Precision.BY else f"from {stay.entered}"
        if stay.entered.earliest <= self.day <= stay.entered.last or stay.left is None:
            return since
        return f"{since}, out {stay.left.when}"

    @property
    def beyond_the_data(self) -> bool:
        """Whether the day is after the latest move the data know of, so that
        a move since may be missing."""
        return self.latest is not None and self.day > self.latest

    @property
    def before_the_data(self) -> bool:
        """Whether the day is before the earliest move the data know of, so
        that "no force" means none recorded, not none in Engage."""
        return self.earliest is not None and self.day < self.earliest


def latest_move(data: Dataset) -> dt.date | None:
    """The latest day the data know of a force moving in or out of Engage
    (of a move known to the month or the year, its first day: the data
    are not known to reach further).

    Raises:
        TypeError: ``data`` is no :class:`~peel_effectiveness.Dataset`.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> latest_move(load_bundled())
        datetime.date(2025, 7, 30)
    """
    latest = latest_dated(data)
    return None if latest is None else latest.earliest


def latest_dated(data: Dataset) -> EngageDate | None:
    """The latest move in or out of Engage the data know of, of the 43
    forces (the record of Engage the data keep: a stay of a force of your
    own says nothing of how far it reaches), as its sources date it
    (:func:`latest_move` is its first day).

    Raises:
        TypeError: ``data`` is no :class:`~peel_effectiveness.Dataset`.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> str(latest_dated(load_bundled()))
        '30 July 2025'
    """
    return reach_of(_args.dataset("data", data).stays)


def earliest_move(data: Dataset) -> dt.date | None:
    """The first day the data know of a force of the 43 moving into Engage
    (a stay begins with its move in): before it, they record none.

    Raises:
        TypeError: ``data`` is no :class:`~peel_effectiveness.Dataset`.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> earliest_move(load_bundled())            # Cleveland's, known to the month
        datetime.date(2019, 4, 1)
    """
    data = _args.dataset("data", data)
    return min((s.entered.earliest for s in data.stays if territorial(s.force)), default=None)


def _day(on: dt.date | str | None) -> dt.date:
    if on is None:
        return dt.date.today()
    if isinstance(on, dt.date):  # a datetime's day, a subclass's (pandas' Timestamp) as a plain date
        try:
            on = dt.date(on.year, on.month, on.day)
        except (TypeError, ValueError):  # pandas' NaT, a datetime that is no day
            raise _args.wrong_type("on", "a date or ISO text (2023-01-01)", on) from None
    if isinstance(on, (dt.date, str)):
        from ..errors import PeelDataError
        from ..model._values import date

        try:  # a day as a date or as text, within the dates the model holds, as the command line's --on
            return date(on)
        except PeelDataError as e:
            raise e.within("on") from None
    raise _args.wrong_type("on", "a date or ISO text (2023-01-01)", on)


def in_engage(data: Dataset, on: dt.date | str | None = None) -> InEngage:
    """The forces in Engage on a day (today by default).

    Raises:
        PeelDataError: ``on`` is text that is no ISO date, or a day outside
            the dates the model holds (1900 to 2099).
        TypeError: ``data`` is no :class:`~peel_effectiveness.Dataset` or
            ``on`` no date.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> print(in_engage(load_bundled(), "2023-01-01"))
        In Engage on 1 January 2023: Cleveland, Devon and Cornwall, Gloucestershire, Metropolitan, Staffordshire, Wiltshire
    """
    if not isinstance(data, Dataset):
        raise TypeError(f"in_engage() takes a Dataset, not {type(data).__name__}")
    day = _day(on)
    answers = list(zip(data.stays, each_on(data.stays, day), strict=True))
    return InEngage(
        day,
        tuple(sorted((s for s, a in answers if a), key=lambda s: s.force.id)),
        tuple(sorted((s for s, a in answers if a is None), key=lambda s: s.force.id)),
        latest_dated(data),
        earliest_move(data),
    )


def duration_words(stay: Stay, today: dt.date | None = None) -> str:
    """How long a stay lasted, in words, as exactly as its dates allow.

    Without ``today``, a stay is counted to its move out, as dated, and
    one with none to the date today. A stay not ended by ``today`` is
    counted to it: a day within a stay, such as the day a report came out, gives how
    long it had lasted then ("so far"; "by then" where it may have ended
    before: its move out is dated no more exactly than a month or a year
    that holds the day). The command line counts a stay not ended to the
    day asked about, but not past the data's latest move: to that move, it
    says the stay lasted at least so long (in words, of its
    fewest months).

    Examples:
        >>> duration_words(Stay(force="kent", entered="2022-06-28", left="2025-01-23"))
        '2 years 6 months'
        >>> duration_words(Stay(force="kent", entered="2022-06-28", left="2025-01-23"), dt.date(2024, 7, 11))
        '2 years so far'
        >>> duration_words(Stay(force="kent", entered="2019", left="2023-09-20"))
        'between 3 years 8 months and 4 years 8 months'
        >>> duration_words(Stay(force="kent", entered="2020-05", left="2021"), dt.date(2021, 6, 1))
        'between 7 months and 1 year 1 month by then'
    """
    if not isinstance(stay, Stay):
        raise _args.wrong_type("stay", "a Stay (from Dataset.stays)", stay)
    today = _args.optional_day("today", today)
    low, high = stay.months(today)
    # Ended only once the latest day it may have ended on is past; "so far"
    # only while it cannot have ended (a stay out some day of 2021 may be
    # over on 1 June 2021, and its fewest months counted to 1 January).
    ended = stay.left is not None and (today is None or stay.left.last <= today)
    perhaps = stay.left is not None and not ended and today is not None and stay.left.earliest <= today
    so_far = "" if ended else " by then" if perhaps else " so far"
    if low == high:
        return months_words(low) + so_far
    return f"between {months_words(low)} and {months_words(high)}{so_far}"


def in_engage_when_published(
    data: Dataset, cycle: str | int | Cycle
) -> tuple[tuple[Force, dt.date | None, bool | None], ...]:
    """For each day a force's report of ``cycle`` was published: the force,
    that day, and whether the force was in Engage then (``None`` where the
    dates cannot tell, and where the day is before the data's first move
    into Engage (:func:`earliest_move`): they record none before it, so an
    earlier stay would be missing). A force's reports of one day (the
    pillars of a cycle up to 2018/19) are one row; its reports whose day
    the data lack are one more, with no day, answered over the days the
    cycle's reports came out (:attr:`Cycle.publication_days`: ``True`` for
    a stay round all of them, ``False`` for none that touches them),
    unless the cycle published each force's pillars as one report
    (:attr:`Cycle.one_report`) and another of them has its day.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> rows = in_engage_when_published(load_bundled(), "2023-25")
        >>> [(f.short_name, str(day)) for f, day, held in rows if held][:2]
        [('Devon and Cornwall', '2024-07-11'), ('Lincolnshire', '2025-05-15')]
    """
    if not isinstance(data, Dataset):
        raise TypeError(f"in_engage_when_published() takes a Dataset, not {type(data).__name__}")
    c = _args.cycle("cycle", cycle)
    return tuple((force, day, held) for force, day, held, _ in when_published(data, c, earliest_move(data)))
