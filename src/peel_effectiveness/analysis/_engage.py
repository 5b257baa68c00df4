"""How far the data's record of Engage goes, and how it is said: the
helpers :mod:`.monitoring`'s answers share with the command line and the
charts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..model._messages import day_words
from ..model.cycles import Cycle
from ..model.force import territorial
from ..model.monitoring import EngageDate, Stay
from . import _args

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.reports import InspectionReport


def before_words(earliest: dt.date | None) -> str:
    """What the data say of a day before their earliest move."""
    return f"they record no move in or out before {_say_day(earliest)}; an earlier stay would be missing"


def after_words(latest: EngageDate | None, whose: str = "") -> str:
    """What the data say of a day after their latest move (as its sources
    date it: :func:`.monitoring.latest_dated`; ``whose``: :func:`whose_moves`)."""
    return "" if latest is None else f"the latest move in or out{whose} they record is {latest.when}"


def reach_words(latest: EngageDate, whose: str = "") -> str:
    """How far the data go, as exactly as their latest move is dated: a day
    asked about may be past its first day, and before the move itself
    (``whose``: :func:`whose_moves`)."""
    return f"the latest move{whose} they record was {latest.when}"


def whose_moves(force: Force | None, stays: Iterable[Stay]) -> str:
    """Whose moves the reach of ``force`` (``None``: of the data, the 43's)
    is the latest of (:func:`reach_for`), where the data hold stays of a
    force of your own that it is not of: " of the 43 forces" (a later move
    of yours is not theirs)."""
    others = {s.force for s in stays if not territorial(s.force)} - {force}
    if not others:
        return ""
    return (
        " of the 43 forces"
        if force is None or territorial(force)
        else f" of {force.short_name} or the 43 forces"
    )


def _say_day(day: dt.date | None) -> str:
    return "" if day is None else day_words(day)


def reach_of(stays: Iterable[Stay]) -> EngageDate | None:
    """The latest move of these stays of the 43 forces (see :func:`.monitoring.latest_dated`)."""
    moves = [d for s in stays if territorial(s.force) for d in (s.entered, s.left) if d is not None]
    return max(moves, key=lambda d: (d.earliest, d.last), default=None)


def reach_for(force: Force, reach: EngageDate | None, stays: Iterable[Stay]) -> EngageDate | None:
    """How far the data go for ``force``'s stays: for one of the 43, the
    data's latest move of the 43 (``reach``: :func:`reach_of`); for a force
    of your own, that or its own latest move among ``stays``, whichever is
    later (its record is yours, which goes at least as far as its moves)."""
    if territorial(force):
        return reach
    moves = [d for s in stays if s.force == force for d in (s.entered, s.left) if d is not None]
    return max(
        [*moves, *([reach] if reach is not None else [])], key=lambda d: (d.earliest, d.last), default=None
    )


def months_words(months: int) -> str:
    """A number of months in words: '2 years 6 months', '7 months', 'less
    than a month' (none whole: "0 months" read as exact)."""
    if not months:
        return "less than a month"
    years, rest = divmod(months, 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


def at_least(stay: Stay, until: dt.date) -> str:
    """How long a stay not ended had lasted by ``until``, where what is
    known ends there (the data's last date, not the day asked about), as
    exactly as its move in is known: "at least 7 months" ("so far" would be
    read as to the day it is read); one that may have begun days before,
    "up to 6 months by then" (moved in that year), "less than a month by
    then" (that month, the last).

    Examples:
        >>> import datetime as dt
        >>> at_least(Stay(force="kent", entered="2024-12-06"), dt.date(2025, 7, 30))
        'at least 7 months'
        >>> at_least(Stay(force="kent", entered="2025"), dt.date(2025, 7, 30))
        'up to 6 months by then'
        >>> at_least(Stay(force="kent", entered="2025-07-20"), dt.date(2025, 7, 30))
        'less than a month by then'
    """
    low, high = stay.months(until)
    if low:
        return f"at least {months_words(low)}"
    return f"{'up to ' * bool(high)}{months_words(high)} by then"


def out_with_a_dated_one(reports: Sequence[InspectionReport], cycle: Cycle) -> set[str]:
    """The forces (ids) whose reports of ``cycle`` without a day came out
    with one of theirs that has one: in a cycle of one report a force
    (:attr:`~peel_effectiveness.Cycle.one_report`), those with a dated
    report; else none."""
    return {r.force.id for r in reports if r.published is not None} if cycle.one_report else set()


def held_while_published(stays: Sequence[Stay], cycle: str | int | Cycle) -> bool | None:
    """Whether a force was in Engage by any of its ``stays`` on whatever day
    its report of ``cycle`` was published, where the data lack that day:
    ``True`` for a stay round the whole of the cycle's publication,
    ``False`` for none that touches it, else ``None``; the cycle's days are
    its :attr:`~peel_effectiveness.Cycle.publication_days`.

    Raises:
        TypeError: ``stays`` is not a list of :class:`~peel_effectiveness.Stay`.
        PeelDataError: ``cycle`` is no PEEL cycle.
    """
    stays = _args.items("stays", stays, "stays in Engage (Stay)")
    if not all(isinstance(s, Stay) for s in stays):
        raise _args.wrong_type("stays", "a list of stays in Engage (Stay)", stays)
    c = _args.cycle("cycle", cycle)
    start, end = c.publication_days
    if start is None:
        return None if stays else False
    answers: list[bool | None] = []
    for s in stays:
        if end < s.entered.earliest or (s.left is not None and start >= s.left.last):
            answers.append(False)
        elif s.entered.last <= start and (s.left is None or end < s.left.earliest):
            answers.append(True)
        else:
            answers.append(None)
    return _by_any(answers)


def each_on(stays: Sequence[Stay], day: dt.date) -> list[bool | None]:
    """Whether each stay held on ``day``: as its dates say, but not where
    another stay of its force held then, whose dates alone could not tell
    (a force's stays never overlap: the model refuses it)."""
    answers = [s.in_on(day) for s in stays]
    held = {s.force for s, a in zip(stays, answers, strict=True) if a}
    return [False if a is None and s.force in held else a for s, a in zip(stays, answers, strict=True)]


def held_on(stays: Sequence[Stay], day: dt.date) -> bool | None:
    """Whether a force was in Engage on ``day`` by any of its ``stays``
    (``None`` where the dates' precision cannot tell)."""
    return _by_any([s.in_on(day) for s in stays])


def _by_any(answers: list[bool | None]) -> bool | None:
    """Whether in Engage by any of a force's stays, each answered: yes by
    one is yes, else one that cannot tell cannot, else no."""
    return True if True in answers else (None if None in answers else False)


def held_when_published(
    stays: Sequence[Stay], day: dt.date | None, cycle: Cycle, earliest: dt.date | None
) -> tuple[bool | None, bool]:
    """Whether a force was in Engage by any of its ``stays`` when its report
    of ``cycle`` came out on ``day`` (where the data lack it, over the
    cycle's days of publication): ``None`` where the dates cannot tell, and
    where no stay holds it and the day is before the data's record of
    Engage begins, with its first move (``earliest``), which records no
    stay before it; and whether that is why."""
    held = held_while_published(stays, cycle) if day is None else held_on(stays, day)
    first = day if day is not None else cycle.publication_days[0]
    if held is False and (earliest is None or first is None or first < earliest):
        return None, True
    return held, False


def when_published(
    data: Dataset, cycle: Cycle, earliest: dt.date | None
) -> list[tuple[Force, dt.date | None, bool | None, bool]]:
    """:func:`.monitoring.in_engage_when_published`'s rows, each with
    whether it cannot tell because the report came out before the data's
    record of Engage begins (``earliest``)."""
    reports = data.for_cycle(cycle)
    dated = out_with_a_dated_one(reports, cycle)
    out = []
    seen: set[tuple[str, dt.date | None]] = set()
    for report in reports:
        day = report.published
        if (report.force.id, day) in seen or (day is None and report.force.id in dated):
            continue
        seen.add((report.force.id, day))
        out.append(
            (report.force, day, *held_when_published(data.stays_of(report.force), day, cycle, earliest))
        )
    return out
