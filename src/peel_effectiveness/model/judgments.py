"""Judgments: a grade, or why there is none, and how it is known."""

from __future__ import annotations

import datetime as dt

import attrs

from ..errors import PeelDataError, Problem
from ._field_limits import SOURCES
from ._messages import day_words
from ._sealed import Sealed
from ._validators import valid
from ._values import date, first_named, lenient, optional, records, text, texts, to_date, to_texts, to_tuple
from ._words import NOUNS, Words, member
from .cycles import CYCLE, Cycle, to_cycle
from .grades import Grade, NoGrade, grade_or_reason

__all__ = ["Basis", "Judgment", "OtherGrade", "OtherGradeKind"]


class Basis(Words):
    """How a grade is known.

    * ``stated``: the source states it: a grade label, or a sentence that
      names the grade.
    * ``inferred``: not printed, but follows from what the sources say: from
      their wording ("needs to improve"), from a later cycle's framework
      that lists the same questions (2016's ungraded question 5), or by
      elimination from HMICFRS's own count of a report's grades (three areas
      good, one of them not otherwise stated); the judgment's ``note`` says
      how.

    Examples:
        >>> from peel_effectiveness import Judgment
        >>> Judgment("good").basis
        <Basis.STATED: 'stated'>
        >>> Judgment("good", basis="inferred", note="The report says it needs no change.").inferred_grade
        True
    """

    STATED = "stated"
    INFERRED = "inferred"

    @property
    def meaning(self) -> str:
        """What the basis means, in a few words (the tables' legends say it).

        Examples:
            >>> Basis.INFERRED.meaning
            "not printed: read from the sources' wording or a later framework, or worked out from HMICFRS's count of grades"
        """
        return _BASES[self]


_BASES = {
    Basis.STATED: "stated by the source: a grade label, or a sentence that names the grade",
    Basis.INFERRED: (
        "not printed: read from the sources' wording or a later framework, or worked out from HMICFRS's count of grades"
    ),
}


class OtherGradeKind(Words):
    """Why a judgment records a grade other than its own.

    * ``superseded``: the grade was published and later revised; the
      judgment's grade is the revised one, in force.
    * ``disputed``: a weaker source gives this grade; the judgment keeps the
      better-sourced one.
    """

    SUPERSEDED = "superseded"
    DISPUTED = "disputed"


NOUNS[Basis] = "a basis"
NOUNS[OtherGradeKind] = "a kind of other grade"
BASIS, KIND = member(Basis), member(OtherGradeKind)


# The grades' and reasons' own words, found first: every judgment read from a file has one.
_GRADE_WORDS = {**NoGrade._value2member_map_, **Grade._value2member_map_}  # a grade first, as grade_or_reason


def to_grade(value: Grade | NoGrade | str) -> object:
    """A grade's or a reason's word as the member."""
    if value.__class__ is str and value in _GRADE_WORDS:
        return _GRADE_WORDS[value]
    return (
        value if value.__class__ is Grade or value.__class__ is NoGrade else lenient(grade_or_reason, value)
    )


def to_basis(value: Basis | str) -> object:
    """A basis's word as the basis (anything else as it was, for the field's validator)."""
    return value if value.__class__ is Basis else lenient(BASIS, value)


def to_kind(value: OtherGradeKind | str) -> object:
    """A kind's word as the kind (anything else as it was, for the field's validator)."""
    return value if value.__class__ is OtherGradeKind else lenient(KIND, value)


@attrs.frozen(kw_only=True)
class OtherGrade(Sealed):
    """A grade that is part of a judgment's record without being its grade.

    Attributes:
        grade: The other grade.
        kind: Superseded (revised after publication) or disputed (a weaker
            source's).
        published: When the other grade was published, where known.
        superseded_on: When it was replaced: given exactly for a superseded
            grade.
        note: Why, in our own words.
        sources: Where the other grade is published; each one line, not blank.

    Examples:
        >>> OtherGrade(grade="adequate", kind="superseded")
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: superseded_on: a superseded grade says when it was replaced (superseded_on)
    """

    grade: Grade | NoGrade = attrs.field(converter=to_grade, validator=valid(grade_or_reason))
    kind: OtherGradeKind = attrs.field(converter=to_kind, validator=valid(KIND))
    published: dt.date | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_date), validator=valid(optional(date))
    )
    superseded_on: dt.date | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_date), validator=valid(optional(date))
    )
    note: str = attrs.field(default="", validator=valid(text))
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_texts, validator=valid(texts, SOURCES))

    def __attrs_post_init__(self) -> None:
        superseded = self.kind is OtherGradeKind.SUPERSEDED
        if superseded and self.superseded_on is None:
            why = "a superseded grade says when it was replaced (superseded_on)"
        elif not superseded and self.superseded_on is not None:
            why = "superseded_on is only for a superseded grade"
        elif (
            self.published is not None
            and self.superseded_on is not None
            and self.superseded_on < self.published
        ):
            why = "a grade is replaced after it was published"
        else:
            return
        raise PeelDataError([Problem(why, path="superseded_on")])

    def __str__(self) -> str:
        """What the other grade is, in words.

        Examples:
            >>> print(OtherGrade(grade="adequate", kind="superseded", published="2024-02-16", superseded_on="2024-08-08"))
            Adequate as published on 16 February 2024, replaced on 8 August 2024
            >>> print(OtherGrade(grade="good", kind="disputed"))
            Good by a weaker source
        """
        on = "" if self.published is None else f" on {day_words(self.published)}"
        if self.superseded_on is not None:  # superseded: the model sees to it
            return f"{self.grade.label} as published{on}, replaced on {day_words(self.superseded_on)}"
        return f"{self.grade.label} by a weaker source" + (f", published{on}" if on else "")


@attrs.frozen
class Judgment(Sealed):
    """A judgment on a pillar, a core question or an area.

    Attributes:
        grade: The grade, or a :class:`NoGrade` saying why there is none
            (``ungraded``, ``not graded``...). A judgment that is not known
            at all is no judgment: ``None`` where a judgment would stand.
        basis: How the grade is known.
        carried_over_from: Where the judgment of an earlier cycle still
            stands (the question was not inspected again), that cycle: an
            earlier one, of the same framework, that asked the question
            (of a pillar's overall grade, that gave the pillar one), and
            not with ``not inspected`` or ``not yet graded``, which say
            that none stands (a report checks these against its cycle).
        sources: Where the grade is published (web addresses, or a
            publisher by name, ``HMIC``), for a judgment known from sources
            other than the report itself; each one line, not blank. Any
            other text is kept as it is, counted among "news and other
            sources", and written as text, never as a link.
        note: What a reader should know about the grade, in our own words.
        other_grades: Grades that are part of the record but not in force: a
            grade published and later revised, a weaker source's grade.
            Each differs from the grade in force, is one the cycle could
            give (on its scale, of a question it grades: a report checks
            these), and is recorded once (one record with every source).

    Examples:
        >>> Judgment(Grade.GOOD)
        Judgment(grade=<Grade.GOOD: 'good'>, basis=<Basis.STATED: 'stated'>, carried_over_from=None, sources=(), note='', other_grades=())
        >>> Judgment("not graded").is_graded
        False
        >>> str(Judgment("good", carried_over_from=2016))
        'Good (carried over from 2016)'
        >>> Judgment("goood")
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: grade: 'goood' is not a grade (expected one of: outstanding, good, adequate, requires improvement, inadequate) or a reason for no grade (ungraded, not graded, not inspected, not yet graded); did you mean 'good'?
    """

    grade: Grade | NoGrade = attrs.field(converter=to_grade, validator=valid(grade_or_reason))
    basis: Basis = attrs.field(default=Basis.STATED, converter=to_basis, validator=valid(BASIS))
    carried_over_from: Cycle | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_cycle), validator=valid(optional(CYCLE))
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_texts, validator=valid(texts, SOURCES))
    note: str = attrs.field(default="", validator=valid(text))
    other_grades: tuple[OtherGrade, ...] = attrs.field(
        default=(), converter=to_tuple, validator=valid(records(OtherGrade, "another grade"))
    )

    def __attrs_post_init__(self) -> None:
        if not self.other_grades:
            return
        problems = []
        seen: dict[tuple[object, ...], int] = {}
        for i, other in enumerate(self.other_grades):
            # A revision or a dispute is of another grade, and each is recorded once.
            same = seen.setdefault((other.grade, other.kind, other.superseded_on), i)
            if other.grade is self.grade:
                problems.append(
                    Problem(
                        f"a {other.kind} grade differs from the grade in force",
                        path=f"other_grades[{i}].grade",
                    )
                )
            elif same != i:
                problems.append(
                    Problem(
                        # Said by its index alone: a previous judgment's list is previous_other_grades.
                        f"the same {other.kind} grade as [{same}] of this list (one record, with every source)",
                        path=f"other_grades[{i}]",
                    )
                )
        if problems:
            raise PeelDataError(first_named(problems))

    @property
    def inferred_grade(self) -> bool:
        """Whether its grade is inferred, not printed: what the text's tables
        mark ``?``, the charts ``\u2020`` and the grid's caveats say (a reason
        for no grade, which a cycle's framework may give, is no grade read).

        Examples:
            >>> Judgment("good", basis="inferred").inferred_grade
            True
            >>> Judgment("ungraded", basis="inferred").inferred_grade
            False
        """
        return self.basis is Basis.INFERRED and self.grade.__class__ is Grade

    @property
    def is_graded(self) -> bool:
        """Whether there is a grade (``False`` for ``ungraded``, ``not graded``...)."""
        return self.grade.__class__ is Grade

    @property
    def graded(self) -> Grade | None:
        """The grade, or ``None`` where there is none."""
        grade = self.grade
        return grade if isinstance(grade, Grade) else None

    def __str__(self) -> str:
        shown = self.grade.label
        if self.carried_over_from is not None:
            shown += f" (carried over from {self.carried_over_from})"
        return shown
