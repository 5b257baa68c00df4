"""PEEL cycles, pillars and the core questions of each cycle.

The question sets change from cycle to cycle, so a core question is keyed by
cycle, pillar and number. The registry holds the effectiveness questions of
the 2014, 2015 and 2016 cycles, from HMIC's published question lists and the
2016 reports.
"""

from __future__ import annotations

import enum
import re

from ..errors import NotFoundError, PeelDataError, Problem
from ._question_table import QUESTIONS as _QUESTION_TABLE
from ._record import record
from .grades import GradeScale

__all__ = ["CoreQuestion", "Cycle", "Pillar", "core_question", "core_questions"]


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


_HEADLINES = {
    Pillar.EFFECTIVENESS: "How effective is the force at keeping people safe and reducing crime?",
}


@record(kw_only=False)
class CoreQuestion:
    """A core question of one pillar in one cycle.

    Attributes:
        cycle: The cycle.
        pillar: The pillar.
        number: The question's number in the report, from 1.
        key: A short stable name, e.g. ``"q3_vulnerable"``.
        text: The question as HMIC worded it.
        graded: Whether the question received a grade in that cycle.
        aliases: Other wordings sources use for the same question.

    Examples:
        >>> q = core_question("2016", "effectiveness", 5)
        >>> q.key, q.graded
        ('q5_specialist', False)
    """

    cycle: Cycle
    pillar: Pillar
    number: int
    key: str
    text: str
    graded: bool = True
    aliases: tuple[str, ...] = ()


_REGISTRY: tuple[CoreQuestion, ...] = tuple(
    CoreQuestion(Cycle(cycle), Pillar(pillar), number, key, text, graded, aliases)
    for cycle, pillar, number, key, text, graded, aliases in _QUESTION_TABLE
)


def core_questions(
    cycle: str | int | Cycle | None = None, pillar: str | Pillar | None = None
) -> tuple[CoreQuestion, ...]:
    """The known core questions, optionally of one cycle and pillar.

    Examples:
        >>> [q.number for q in core_questions(2015)]
        [1, 2, 3, 4]
    """
    c = None if cycle is None else Cycle.parse(cycle)
    p = None if pillar is None else Pillar(pillar)
    return tuple(q for q in _REGISTRY if (c is None or q.cycle is c) and (p is None or q.pillar is p))


def core_question(cycle: str | int | Cycle, pillar: str | Pillar, number_or_key: int | str) -> CoreQuestion:
    """One core question, by cycle, pillar and number, key or wording (HMIC's,
    or another a source uses; case does not matter).

    Raises:
        NotFoundError: The registry has no such question.

    Examples:
        >>> core_question("2018/19", "effectiveness", "How effective is the force at investigating crime and catching criminals?").number
        2
    """
    found = core_questions(cycle, pillar)
    words = number_or_key.casefold() if isinstance(number_or_key, str) else None
    for q in found:
        if number_or_key in (q.number, q.key):
            return q
        if words is not None and words in (w.casefold() for w in (q.text, *q.aliases)):
            return q
    known = ", ".join(f"{q.number} ({q.key})" for q in found) or "none known"
    raise NotFoundError(
        f"no core question {number_or_key!r} for {pillar} in {Cycle.parse(cycle)} (known: {known})"
    )
