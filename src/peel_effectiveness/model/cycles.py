"""PEEL cycles and pillars: how each cycle is built, when it was published,
and which cycles' grades can be compared.

The core questions of each cycle are in :mod:`.questions`.
"""

from __future__ import annotations

import datetime as dt
import enum
import re

from ..errors import PeelDataError, Problem
from .grades import GradeScale

__all__ = ["Cycle", "Pillar", "comparable"]


class Cycle(enum.Enum):
    """A PEEL inspection cycle, in time order.

    Cycles compare by time; :meth:`parse` accepts the spellings people use::

        >>> Cycle.parse(2016) is Cycle.Y2016
        True
        >>> Cycle.parse("2018-19")
        <Cycle.Y2018_19: '2018/19'>
        >>> Cycle.Y2015 < Cycle.Y2016
        True
        >>> Cycle.Y2016.grade_scale
        <GradeScale.FOUR_POINT: 'four-point'>
    """

    __noun__ = "a PEEL cycle"

    Y2014 = "2014"
    Y2015 = "2015"
    Y2016 = "2016"
    Y2017 = "2017"
    Y2018_19 = "2018/19"
    Y2021_22 = "2021/22"
    Y2023_25 = "2023-25"
    Y2025_27 = "2025-27"

    @property
    def year(self) -> int:
        """The first calendar year of the cycle."""
        return int(self._value_[:4])

    @property
    def grade_scale(self) -> GradeScale:
        """The grade scale used in the cycle: five points from 2021/22."""
        return GradeScale.FIVE_POINT if int(self._value_[:4]) >= 2021 else GradeScale.FOUR_POINT

    @property
    def integrated(self) -> bool:
        """Whether the cycle assesses areas with no pillars and no overall
        grade (2021/22 on)."""
        return _CYCLES[self._value_][0] == ()

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
        # By the value: an enum member's own hash is computed in Python.
        return _PREVIOUS[self._value_]

    def __str__(self) -> str:
        return self.value

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Cycle):
            return NotImplemented
        return self.year < other.year

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Cycle):
            return NotImplemented
        return self.year <= other.year

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Cycle):
            return NotImplemented
        return self.year > other.year

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Cycle):
            return NotImplemented
        return self.year >= other.year

    @classmethod
    def __spellings__(cls) -> dict[object, Cycle]:
        """How data files may write cycles: ``"2018/19"``, ``"2018-19"``,
        ``"2023\u201325"`` (with an en dash), or the first year as a number or text (``2016``)."""
        out: dict[object, Cycle] = {}
        for cycle in cls:
            for text in (cycle.value, cycle.value.replace("/", "-"), cycle.value.replace("-", "\u2013")):
                out[text] = cycle
            out[cycle.year] = out[str(cycle.year)] = cycle
        return out

    @classmethod
    def parse(cls, value: str | int | Cycle) -> Cycle:
        """Find a cycle from ``2016``, ``"2016"``, ``"2018/19"``, ``"2018-19"``...

        Raises:
            PeelDataError: No such cycle.
        """
        if isinstance(value, Cycle):
            return value
        known = _PARSED.get((type(value), value))
        if known is not None:
            return known
        found = cls._parse(value)
        _PARSED[(type(value), value)] = found
        return found

    @classmethod
    def _parse(cls, value: str | int) -> Cycle:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            exact = cls._value2member_map_.get(value)
            if exact is not None:
                return exact  # type: ignore[return-value]
            key = re.sub(r"[\s/\-\u2013]+", "-", value.strip().lower())
            for cycle in cls:
                if key == re.sub(r"[/\-]", "-", cycle.value):
                    return cycle
                # "2018" finds 2018/19, the cycle that starts that year.
                if key == cycle.value[:4] and len(cycle.value) > 4:
                    return cycle
        raise PeelDataError(
            [Problem(f"{value!r} is not a PEEL cycle (known: {', '.join(c.value for c in cls)})")]
        )


# HMIC took on fire and rescue services and became HMICFRS.
_HMICFRS = dt.date(2017, 7, 19)

_PREVIOUS: dict[str, Cycle | None] = dict(
    zip((c.value for c in Cycle), (None, *list(Cycle)[:-1]), strict=True)
)
# Cycles already parsed, by the type and value given (bounded: only values
# that parse are kept).
_PARSED: dict[tuple[type, object], Cycle] = {}


class Pillar(enum.Enum):
    """A PEEL pillar. Leadership was never graded as a pillar."""

    __noun__ = "a pillar"

    EFFECTIVENESS = "effectiveness"
    EFFICIENCY = "efficiency"
    LEGITIMACY = "legitimacy"
    LEADERSHIP = "leadership"

    def __str__(self) -> str:
        return self.value

    @property
    def headline(self) -> str | None:
        """The pillar's overall question, where the registry knows it."""
        return _HEADLINES.get(self)


_E, _F, _L, _LEAD = Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY, Pillar.LEADERSHIP

# Each cycle's pillars, its first publication and its publication in words
# (../shared/reference/cycles.md, from HMIC/HMICFRS pages).
_CYCLES: dict[str, tuple[tuple[Pillar, ...], dt.date | None, str]] = {
    "2014": ((_E, _F, _L), dt.date(2014, 11, 27), "27 November 2014"),
    "2015": (
        (_E, _F, _L, _LEAD),
        dt.date(2015, 10, 20),
        "20 October 2015 to 25 February 2016, pillar by pillar",
    ),
    "2016": (
        (_E, _F, _L, _LEAD),
        dt.date(2016, 11, 3),
        "efficiency 3 November 2016, legitimacy December 2016, effectiveness 2 March 2017",
    ),
    "2017": (
        (_E, _F, _L),
        dt.date(2017, 11, 9),
        "efficiency 9 November 2017, legitimacy 12 December 2017, effectiveness 22 March 2018",
    ),
    "2018/19": (
        (_E, _F, _L),
        dt.date(2019, 5, 2),
        "in three groups of forces: 2 May 2019, 27 September 2019 and early 2020",
    ),
    "2021/22": ((), dt.date(2021, 10, 27), "force by force, 27 October 2021 to April 2023"),
    "2023-25": ((), dt.date(2023, 10, 3), "force by force, 3 October 2023 to July 2025"),
    "2025-27": ((), dt.date(2025, 4, 11), "framework published 11 April 2025; force reports from then on"),
}

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


def comparable(before: str | int | Cycle, after: str | int | Cycle) -> str | None:
    """Why grades of two cycles cannot be compared, or ``None`` where they can.

    Grades compare within one framework and one scale: from 2014 to 2018/19
    (four grades), and within 2021/22 and within 2023-25.

    Examples:
        >>> comparable(2016, "2018/19") is None
        True
        >>> comparable("2018/19", "2021/22")
        'HMICFRS changed the questions and the grade scale (four grades to five) in 2021/22: grades cannot be compared with 2018/19 or before'
    """
    a, b = Cycle.parse(before), Cycle.parse(after)
    if b < a:
        a, b = b, a
    for c in Cycle:
        if a < c <= b and c._value_ in _BREAKS:
            return _BREAKS[c._value_]
    return None


_HEADLINES = {
    Pillar.EFFECTIVENESS: "How effective is the force at keeping people safe and reducing crime?",
}
