"""PEEL cycles and pillars: how each cycle is built, when it was published,
and which cycles' grades can be compared.

The core questions of each cycle are in :mod:`.questions`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from ._messages import fail, shown, suggest
from ._values import lenient
from ._words import NOUNS, SPACE, SPACE_CLASS, Words, member
from .grades import Grade, GradeScale

__all__ = ["Cycle", "Pillar", "why_not_comparable"]


@functools.total_ordering
class Cycle(Words):
    """A PEEL inspection cycle, in time order.

    A cycle is found by its name in any of the spellings people use, or by a
    year it spans (a year two cycles share is refused, with both named)::

        >>> Cycle(2016) is Cycle("2016") is Cycle.Y2016
        True
        >>> Cycle("2018-19"), Cycle("2021/2022"), Cycle(2024), Cycle("2023-2025")
        (<Cycle.Y2018_19: '2018/19'>, <Cycle.Y2021_22: '2021/22'>, <Cycle.Y2023_25: '2023-25'>, <Cycle.Y2023_25: '2023-25'>)
        >>> Cycle(2025)
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: 2025 is in two PEEL cycles: did you mean '2023-25' or '2025-27'?
        >>> Cycle.Y2015 < Cycle.Y2016
        True
        >>> Cycle.Y2016.grade_scale
        <GradeScale.FOUR_POINT: 'four-point'>
    """

    Y2014 = "2014"
    Y2015 = "2015"
    Y2016 = "2016"
    Y2017 = "2017"
    Y2018_19 = "2018/19"
    Y2021_22 = "2021/22"
    Y2023_25 = "2023-25"
    Y2025_27 = "2025-27"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        years = _years(value)
        if years is None:
            return super()._missing_(value)
        first, last = years
        for cycle in cls:
            if (cycle.year, cycle.last_year) == (first, last):
                return cycle
        near = [c for c in cls if c.year <= last and first <= c.last_year]
        if first == last and len(near) == 1:
            return near[0]
        names = " or ".join(repr(c.value) for c in near)
        if first == last and near:
            fail(f"{shown(value)} is in two PEEL cycles: did you mean {names}?")
        known = ", ".join(c.value for c in cls)
        # A year out of every cycle may be a typo of one (2106 for 2016).
        if near:
            hint = f"; did you mean {names}?"
        elif 2000 <= last < cls.Y2014.year:  # a year before PEEL, not a typo of one of its own (1216)
            hint = f"; PEEL began in {cls.Y2014.year}"
        else:
            hint = suggest(str(value), [c.value for c in cls])
        fail(f"{shown(value)} is not a PEEL cycle (expected one of: {known}){hint}")

    @property
    def year(self) -> int:
        """The first calendar year of the cycle."""
        return int(self._value_[:4])

    @property
    def last_year(self) -> int:
        """The last calendar year the cycle spans."""
        return _CYCLES[self._value_][3]

    @property
    def grade_scale(self) -> GradeScale:
        """The grade scale used in the cycle: five points from 2021/22."""
        return GradeScale.FIVE_POINT if int(self._value_[:4]) >= 2021 else GradeScale.FOUR_POINT

    @property
    def grades(self) -> frozenset[Grade]:
        """The grades of the cycle's scale (every report's checks ask)."""
        return _GRADES[self._value_]

    @property
    def integrated(self) -> bool:
        """Whether the cycle assesses areas with no pillars and no overall
        grade (2021/22 on)."""
        return _CYCLES[self._value_][0] == ()

    @property
    def one_report(self) -> bool:
        """Whether each force's judgments of the cycle came out in one
        report, on one day: 2018/19's three pillars, and every integrated
        cycle's areas (before 2018/19, pillar by pillar).

        Examples:
            >>> [str(c) for c in Cycle if c.one_report]
            ['2018/19', '2021/22', '2023-25', '2025-27']
        """
        return self.integrated or self._value_ in _ONE_REPORT

    @property
    def new_framework(self) -> bool:
        """Whether HMICFRS began a new framework with the cycle, so that its
        grades cannot be compared with any before it
        (:func:`why_not_comparable` says why).

        Examples:
            >>> [str(c) for c in Cycle if c.new_framework]
            ['2021/22', '2023-25', '2025-27']
        """
        return self._value_ in _BREAKS

    @property
    def pillars(self) -> tuple[Pillar, ...]:
        """The cycle's pillars, empty for an integrated cycle."""
        return _CYCLES[self._value_][0]

    @property
    def publication(self) -> str:
        """When the cycle's reports were published, in words."""
        return _CYCLES[self._value_][2]

    @property
    def first_published(self) -> dt.date | None:
        """The day the cycle's first reports (or, for 2025-27, its
        framework) were published."""
        return _CYCLES[self._value_][1]

    @property
    def last_published(self) -> dt.date | None:
        """The day by which the cycle's reports were published (a month's
        last day, where the sources give only the month); ``None`` for
        2025-27, whose reports are still to come."""
        return _CYCLES[self._value_][4]

    @property
    def publication_days(self) -> tuple[dt.date | None, dt.date]:
        """The first and last day a report of the cycle may be dated: from
        :attr:`first_published` to :attr:`last_published` (while its reports
        are still to come, the end of the last year it spans), a week wider
        at each end (:data:`PUBLISHED_WITHIN`: sources date a report a day
        or two apart). A report dated outside them is refused.

        Examples:
            >>> Cycle("2023-25").publication_days
            (datetime.date(2023, 9, 26), datetime.date(2025, 8, 7))
        """
        first, last = self.first_published, self.last_published or dt.date(self.last_year, 12, 31)
        return None if first is None else first - PUBLISHED_WITHIN, last + PUBLISHED_WITHIN

    @property
    def inspectorate(self) -> str:
        """Who published the cycle's reports: HMIC, renamed HMICFRS on
        19 July 2017 (so from the 2017 cycle on).

        Examples:
            >>> Cycle.Y2016.inspectorate, Cycle.Y2017.inspectorate
            ('HMIC', 'HMICFRS')
        """
        first = _CYCLES[self._value_][1]
        return "HMIC" if first is not None and first < _HMICFRS else "HMICFRS"

    @property
    def previous(self) -> Cycle | None:
        """The cycle before this one, or ``None`` for the first."""
        return _PREVIOUS[self._value_]

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not Cycle:
            return NotImplemented
        # Every value starts with the cycle's first year: text order is time order.
        return self._value_ < other._value_


NOUNS[Cycle] = "a PEEL cycle"

# The longest text read as years (white space and all): longer, it is read
# as a cycle's own words, or names none.
YEARS_UP_TO = 30
YEARS = rf"([0-9]{{4}})(?:(?:{SPACE_CLASS}*(?:/|-|_|\u2013|to){SPACE_CLASS}*|{SPACE_CLASS}+)([0-9]{{4}}|[0-9]{{2}}))?"
"""The years a cycle's spelling names (the schema's pattern of a cycle too)."""


def _years(value: object) -> tuple[int, int] | None:
    """The first and last years a cycle's spelling names: ``2018/19``,
    ``2018-2019``, ``2024`` (one year)."""
    if value.__class__ is int:
        year: int = value
        return (year, year) if 1000 <= year <= 9999 else None
    if not isinstance(value, str) or len(value) > YEARS_UP_TO:
        return None
    m = re.fullmatch(YEARS, value.strip(SPACE))  # compiled when first asked (see _words._normal)
    if m is None:
        return None
    first = int(m[1])
    if m[2] is None:
        return first, first
    last = int(m[2]) if len(m[2]) == 4 else first // 100 * 100 + int(m[2])
    return (first, last) if last > first else None  # "2018/18" is no span: a typo


# HMIC took on fire and rescue services and became HMICFRS.
_HMICFRS = dt.date(2017, 7, 19)

_PREVIOUS: dict[str, Cycle | None] = dict(
    zip((c.value for c in Cycle), (None, *list(Cycle)[:-1]), strict=True)
)


class Pillar(Words):
    """A PEEL pillar. Leadership was never graded as a pillar.

    Examples:
        >>> Pillar("Effectiveness"), str(Pillar.LEGITIMACY)
        (<Pillar.EFFECTIVENESS: 'effectiveness'>, 'legitimacy')
        >>> Pillar("leadrship")
        Traceback (most recent call last):
        peel_effectiveness.errors.PeelDataError: 'leadrship' is not a pillar (expected one of: effectiveness, efficiency, legitimacy, leadership); did you mean 'leadership'?
    """

    EFFECTIVENESS = "effectiveness"
    EFFICIENCY = "efficiency"
    LEGITIMACY = "legitimacy"
    LEADERSHIP = "leadership"


NOUNS[Pillar] = "a pillar"

_E, _F, _L, _LEAD = Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY, Pillar.LEADERSHIP

# Each cycle's pillars, its first publication, its publication in words, the
# last year it spans and the day by which its reports were published (a
# month's last day where the sources give the month: 2018/19's last group
# "~20 January to February 2020", 2021/22's "April 2023", 2023-25's "July
# 2025") (../shared/reference/cycles.md, from HMIC/HMICFRS pages).
_CYCLES: dict[str, tuple[tuple[Pillar, ...], dt.date | None, str, int, dt.date | None]] = {
    "2014": ((_E, _F, _L), dt.date(2014, 11, 27), "27 November 2014", 2014, dt.date(2014, 11, 27)),
    "2015": (
        (_E, _F, _L, _LEAD),
        dt.date(2015, 10, 20),
        "20 October 2015 to 25 February 2016, pillar by pillar",
        2015,
        dt.date(2016, 2, 25),
    ),
    "2016": (
        (_E, _F, _L, _LEAD),
        dt.date(2016, 11, 3),
        "efficiency 3 November 2016, legitimacy December 2016, effectiveness 2 March 2017",
        2016,
        dt.date(2017, 3, 2),
    ),
    "2017": (
        (_E, _F, _L),
        dt.date(2017, 11, 9),
        "efficiency 9 November 2017, legitimacy 12 December 2017, effectiveness 22 March 2018",
        2017,
        dt.date(2018, 3, 22),
    ),
    "2018/19": (
        (_E, _F, _L),
        dt.date(2019, 5, 2),
        "in three groups of forces: 2 May 2019, 27 September 2019 and early 2020",
        2019,
        dt.date(2020, 2, 29),
    ),
    "2021/22": (
        (),
        dt.date(2021, 10, 27),
        "force by force, 27 October 2021 to April 2023",
        2022,
        dt.date(2023, 4, 30),
    ),
    "2023-25": (
        (),
        dt.date(2023, 10, 3),
        "force by force, 3 October 2023 to July 2025",
        2025,
        dt.date(2025, 7, 31),
    ),
    "2025-27": (
        (),
        dt.date(2025, 4, 11),
        "framework published 11 April 2025; no force's report in the registry's sources yet",
        2027,
        None,
    ),
}

_GRADES = {c.value: frozenset(c.grade_scale.grades) for c in Cycle}

# The cycles with pillars whose pillars came out as one report a force (cycles.md).
_ONE_REPORT = frozenset({"2018/19"})

# The cycles whose grades cannot be compared with the cycle's before, with why.
_BREAKS: dict[str, str] = {
    "2021/22": (
        "HMICFRS changed the questions and the grade scale (four grades to five) in 2021/22: "
        "grades cannot be compared with 2018/19 or before"
    ),
    "2023-25": "HMICFRS says 2023-25 grades cannot be compared with 2021/22: the questions changed",
    "2025-27": (
        "2025-27 has a new framework: which of its questions carry on from 2023-25 "
        "is not known, so its grades are not compared with earlier ones"
    ),
}


CYCLE, PILLAR = member(Cycle), member(Pillar)

# How far a report's day may fall outside its cycle's days as the registry
# has them: sources date a report a day or two apart (one dates Cumbria's
# 2018/19 report the day before the cycle's first).
PUBLISHED_WITHIN = dt.timedelta(days=7)


# A member's own word, found first: every record read from a file has one.
_CYCLE_WORDS, _PILLAR_WORDS = Cycle._value2member_map_, Pillar._value2member_map_


def to_cycle(value: Cycle | str | int) -> object:
    """A cycle's spelling as the cycle (anything else as it was, for the field's validator)."""
    if value.__class__ is str and value in _CYCLE_WORDS:
        return _CYCLE_WORDS[value]
    return value if value.__class__ is Cycle else lenient(CYCLE, value)


def to_pillar(value: Pillar | str | None) -> object:
    """A pillar's word as the pillar (anything else as it was, for the field's validator)."""
    if value.__class__ is str and value in _PILLAR_WORDS:
        return _PILLAR_WORDS[value]
    return value if value.__class__ is Pillar else lenient(PILLAR, value)


def resolve_pillar(cycle: Cycle, pillar: str | Pillar | None) -> Pillar | None:
    """The pillar meant by ``pillar`` in ``cycle``: effectiveness where none
    is named, and none in an integrated cycle, which has no pillars.

    Raises:
        NotFoundError: A pillar named for an integrated cycle, or a pillar the
            cycle does not have.
    """
    from ..errors import NotFoundError

    if cycle.integrated:
        if pillar is not None:
            raise NotFoundError(f"{cycle} is integrated: it has no pillars (leave the pillar out)")
        return None
    p = Pillar.EFFECTIVENESS if pillar is None else Pillar(pillar)
    if p not in cycle.pillars:
        raise NotFoundError(
            f"{cycle} has no {p} pillar (pillars: {', '.join(x.value for x in cycle.pillars)})"
        )
    return p


def why_not_comparable(before: str | int | Cycle, after: str | int | Cycle) -> str | None:
    """Why grades of two cycles cannot be compared, or ``None`` where they can.

    Grades compare within one framework and one scale: from 2014 to 2018/19
    (four grades), and within 2021/22 and within 2023-25.

    Examples:
        >>> why_not_comparable(2016, "2018/19") is None
        True
        >>> why_not_comparable("2018/19", "2021/22")
        'HMICFRS changed the questions and the grade scale (four grades to five) in 2021/22: grades cannot be compared with 2018/19 or before'
    """
    return _break_between(Cycle(before), Cycle(after))


@functools.cache
def _break_between(a: Cycle, b: Cycle) -> str | None:
    # Cached: every judgment carried over is checked by it as it is read.
    if b < a:
        a, b = b, a
    for c in Cycle:
        if a < c <= b and c.new_framework:
            # The first change between them is the reason; a later cycle
            # than the one it names is said to come after it.
            return _BREAKS[c._value_] + ("" if c is b else f" ({b} comes after that change)")
    return None
