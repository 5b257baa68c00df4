"""Inspection reports: a force's judgments, findings and figures for one cycle."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..errors import NotFoundError, PeelDataError, Problem
from ._arguments import of_question
from ._field_limits import (
    AREAS_FOR_IMPROVEMENT,
    FILLED,
    MOST_IN_NAME,
    NAME_WORDS,
    NAME_WORDS_SAID,
    ONE_LINE,
    RECOMMENDATIONS,
    Matches,
    NumberOrText,
)
from ._judgment_checks import Found, headline_problems, question_problems, warn_unknown
from ._messages import describe, fail, shown
from ._question_words import read_question
from ._report_checks import measured_once, published_in_cycle, tables_once
from ._sealed import Sealed
from ._validators import valid
from ._values import (
    date,
    first_named,
    optional,
    plain_text,
    record,
    records,
    text,
    texts,
    to_date,
    to_texts,
    to_tuple,
)
from ._words import SPACE_CLASS
from .cycles import CYCLE, PILLAR, Cycle, Pillar, to_cycle, to_pillar
from .force import Force, force, to_force
from .judgments import Judgment
from .metrics import Measurement
from .outcomes import OutcomeTable
from .questions import (
    QUESTION_NUMBER,
    CoreQuestion,
    core_question,
    find_question,
    question_ident,
    question_index,
)

__all__ = ["Assessment", "CauseOfConcern", "InspectionReport", "Provenance"]


def report_title(cycle: Cycle, pillar: Pillar | None) -> str:
    """What a report of ``cycle`` on ``pillar`` is, in words:
    ``"effectiveness 2016"``, ``"2023-25"`` (:attr:`InspectionReport.title`)."""
    return str(cycle) if pillar is None else f"{pillar} {cycle}"


@attrs.frozen(kw_only=True)
class CauseOfConcern(Sealed):
    """A serious shortcoming. HMICFRS gives each with one or more
    recommendations; ``recommendations`` holds those the data copy (none,
    where they are left out).

    Attributes:
        summary: The concern, in our own words.
        recommendations: What the force is told to do, in our own words;
            each not blank.

    Examples:
        >>> concern = CauseOfConcern(
        ...     summary="Too few detectives for the workload.",
        ...     recommendations=["Train more detectives within a year."],
        ... )
        >>> concern.recommendations
        ('Train more detectives within a year.',)
        >>> CauseOfConcern(summary=" ")
        Traceback (most recent call last):
        peel_effectiveness.errors.PeelDataError: summary: ' ' is not text with something in it (not blank)
    """

    summary: str = attrs.field(validator=valid(text, FILLED))
    recommendations: tuple[str, ...] = attrs.field(
        default=(), converter=to_texts, validator=valid(texts, RECOMMENDATIONS)
    )


def question_id(value: object) -> int | str:
    """A core question: its number, or its key, wording or an alias as text
    (within :data:`QUESTION`)."""
    if value.__class__ is int:
        return value
    if isinstance(value, str) and value.__class__ is str:
        if value == "overall":  # as read_question reads it in any case
            fail("'overall' is the report's own judgment (its grade), not a question to assess")
        if value.isascii() and value.isdigit():
            fail(f"{shown(value)} is not a question's number (too long)")
        return text(value)
    fail(f"expected a question's number or key, got {describe(value)}")


# A question's number within its bounds; its key, wording or alias one line
# (it names a column of the tables, and the registry may not know it).
# White space around it is read, and left out; a number written as text
# ("Q3", "03") is read as the number, so within QUESTION_NUMBER's bounds,
# and "overall" (in any case) is a report's own judgment: see
# read_question and question_id, which say why, and which the pattern
# spells out for the JSON Schema, which reads the text as it is written.
_NUMBER_AS_TEXT = rf"[Qq]?(?=[0-9]{{1,{MOST_IN_NAME}}}{SPACE_CLASS}*$)0*[1-9][0-9]?"
_NOT_AS_TEXT = rf"(?![Qq]?[0-9]+{SPACE_CLASS}*$)(?![Oo][Vv][Ee][Rr][Aa][Ll][Ll]{SPACE_CLASS}*$)"
QUESTION = NumberOrText(
    QUESTION_NUMBER,
    Matches(
        f"{SPACE_CLASS}*(?:{_NUMBER_AS_TEXT}|{_NOT_AS_TEXT}(?:{NAME_WORDS})){SPACE_CLASS}*",
        f"a question's number, key or wording ({NAME_WORDS_SAID})",
    ),
)

_JUDGMENT = valid(optional(record(Judgment, "a judgment")))


def _question(value: int | str) -> object:
    # read_question, typed as __init__ takes it: a type checker gives the
    # parameter the converter's, and read_question's is a type variable.
    return read_question(value)


@attrs.frozen(kw_only=True)
class Assessment(Sealed):
    """The assessment of one core question (one area, in an integrated cycle).

    Attributes:
        question: The question's number where it has one (``3``; ``"3"``
            is read as 3), else its key in the registry (``"investigating"``);
            its key, wording or an alias is read too (one line of at most
            300 characters, no control characters), and a report keeps
            it as the number or key (an assessment alone does not know its
            cycle). See :meth:`InspectionReport.question`.
        judgment: The judgment (``Judgment("ungraded")`` for a question not
            graded in the cycle), or ``None`` where it is not known. Data
            files write its fields beside ``question``: ``grade``, ``basis``...
        previous_judgment: The judgment of the previous cycle on the same question,
            where the report states it (``previous_grade``... in files):
            of a question that cycle asked, where the two are of one framework.
        summary: A short summary in our own words.
        areas_for_improvement: In our own words; each not blank.
        causes_of_concern: Causes of concern with their recommendations.

    Examples:
        >>> from peel_effectiveness import Judgment
        >>> assessment = Assessment(question="3", judgment=Judgment("good"))
        >>> assessment.question, str(assessment.judgment)
        (3, 'Good')

        In a data file (and unstructured), the judgment's fields sit
        beside the question's:

        >>> from peel_effectiveness import converter
        >>> converter.unstructure(assessment)
        {'question': 3, 'grade': 'good'}
    """

    question: int | str = attrs.field(converter=_question, validator=valid(question_id, QUESTION))
    judgment: Judgment | None = attrs.field(default=None, validator=_JUDGMENT)
    previous_judgment: Judgment | None = attrs.field(default=None, validator=_JUDGMENT)
    summary: str = attrs.field(default="", validator=valid(text))
    areas_for_improvement: tuple[str, ...] = attrs.field(
        default=(), converter=to_texts, validator=valid(texts, AREAS_FOR_IMPROVEMENT)
    )
    causes_of_concern: tuple[CauseOfConcern, ...] = attrs.field(
        default=(), converter=to_tuple, validator=valid(records(CauseOfConcern, "a cause of concern"))
    )


@attrs.frozen(kw_only=True)
class Provenance(Sealed):
    """Where a report's facts come from.

    Attributes:
        title: The source document's title.
        publisher: Who published it (``"HMIC"``).
        published: The publication date, where there is one document:
            within the days its report's cycle's reports came out, from
            the first to the last, a week either side (the report checks
            it; not the days of its pillar's reports alone).
        isbn: The ISBN, where it has one.
        url: Where the document is published.
        document: The file the data were taken from.
        licence: The licence of the source.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> source = load_bundled().report("cumbria", 2016).provenance
        >>> source.publisher, source.published, source.isbn
        ('HMIC', datetime.date(2017, 3, 2), '978-1-78655-343-0')
    """

    title: str = attrs.field(validator=valid(text, FILLED))
    publisher: str = attrs.field(validator=valid(text, FILLED))
    published: dt.date | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_date), validator=valid(optional(date))
    )
    isbn: str | None = attrs.field(default=None, validator=valid(optional(text)))
    url: str | None = attrs.field(
        default=None,
        validator=valid(optional(text), Matches(ONE_LINE, "a web address (one line, not blank)")),
    )
    document: str | None = attrs.field(default=None, validator=valid(optional(text)))
    licence: str | None = attrs.field(default=None, validator=valid(optional(text)))

    @property
    def compiled(self) -> bool:
        """Whether the report's grades were compiled by peel_effectiveness
        from the public sources given with each (its title ends saying so,
        as the bundled grades' titles do): then the report is no source of
        its own, and a grade given without a source has none.

        Examples:
            >>> from peel_effectiveness import load_bundled
            >>> data = load_bundled()
            >>> data.report("cumbria", 2015).provenance.compiled
            True
            >>> data.report("cumbria", 2016).provenance.compiled
            False
        """
        return self.title.endswith(COMPILED)


# How the title of a report whose grades the library compiled ends
# (tools/import_grades.py writes it): "PEEL 2017 effectiveness: grades ...".
COMPILED = ": grades compiled by peel_effectiveness from the public sources given with each grade"


def _assessments(value: list[Assessment] | tuple[Assessment, ...], report: Any) -> Any:
    """The assessments as a tuple, each question as the registry names it:
    its number where it has one, else its key (a key, a wording or an
    alias is read as the question: one question, one value, so that
    reports of one meaning are equal). A question the registry lacks, and
    anything not an assessment, are left for the checks to judge."""
    items = to_tuple(value)
    cycle, pillar = report.cycle, report.pillar
    if (
        items.__class__ is not tuple  # (first: an array has no truth value)
        or not items
        or cycle.__class__ is not Cycle
        or not (pillar is None or pillar.__class__ is Pillar)
    ):
        return items
    index = question_index(cycle, pillar)
    named = None  # a copy, where a question is not written as the registry writes it
    for i, a in enumerate(items):
        if a.__class__ is not Assessment:
            continue
        question = a.question
        kind = question.__class__
        # A number finds its question at once, as most do; text is looked up
        # as find_question looks it up (a bool or a float finds none).
        q = index.get(question) if kind is int else find_question(index, question)
        if q is None:
            continue
        written = q.written
        if question != written or kind is not written.__class__:
            named = named or list(items)
            named[i] = attrs.evolve(a, question=written)
    return items if named is None else tuple(named)


def _default_pillar(report: InspectionReport) -> Pillar | None:
    # A report that names no pillar: effectiveness, as in the 2014-2018/19
    # reports this library began with; none in an integrated cycle.
    cycle = report.cycle
    return None if cycle.__class__ is not Cycle or cycle.integrated else Pillar.EFFECTIVENESS


@attrs.frozen(kw_only=True)
class InspectionReport(Sealed):
    """One force's report on one pillar in one cycle, or its integrated
    assessment from 2021/22 on.

    Attributes:
        force: The force inspected (its id in data files).
        cycle: The PEEL cycle.
        pillar: The pillar reported on (effectiveness where a file names
            none), or ``None`` for an integrated cycle's report.
        judgment: The pillar's headline judgment, where known (``grade``,
            ``basis``... in data files); integrated reports have none.
        previous_judgment: The previous cycle's headline judgment, as the
            report states it (``previous_grade``...).
        summary: A short summary in our own words.
        assessments: One per core question or area, in the report's order;
            each question as the registry names it (see
            :attr:`Assessment.question`).
        measurements: The figures the report states.
        outcome_tables: The crime outcome tables.
        provenance: The source document.

    Building a report checks it against the registry of core questions and
    grade scales, and raises :class:`~peel_effectiveness.PeelDataError`
    naming every problem with its field path. A question of a cycle the
    registry does not know in full (2025-27) is kept as given, with a
    :class:`~peel_effectiveness.PeelWarning`.

    Examples:
        >>> r = InspectionReport(force="kent", cycle="2023-25", assessments=[Assessment(question="investigating", judgment=Judgment("adequate"))])
        >>> r.pillar is None, str(r.assessment("Investigating crime").judgment)
        (True, 'Adequate')
        >>> InspectionReport(force="kent", cycle=2016, assessments=[{"question": 1}])
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: assessments[0]: expected an assessment, got a mapping
    """

    force: Force = attrs.field(converter=to_force, validator=valid(force))
    cycle: Cycle = attrs.field(converter=to_cycle, validator=valid(CYCLE))
    pillar: Pillar | None = attrs.field(
        default=attrs.Factory(_default_pillar, takes_self=True),
        converter=to_pillar,
        validator=valid(optional(PILLAR)),
    )
    judgment: Judgment | None = attrs.field(default=None, validator=_JUDGMENT)
    previous_judgment: Judgment | None = attrs.field(default=None, validator=_JUDGMENT)
    summary: str = attrs.field(default="", validator=valid(text))
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(),
        # (mypy's attrs plugin takes a converter's type from a named function
        # only: to a type checker, __init__ takes any assessments.)
        converter=attrs.Converter(_assessments, takes_self=True),  # type: ignore[misc]
        validator=valid(records(Assessment, "an assessment")),
    )
    measurements: tuple[Measurement, ...] = attrs.field(
        default=(), converter=to_tuple, validator=valid(records(Measurement, "a measurement"))
    )
    outcome_tables: tuple[OutcomeTable, ...] = attrs.field(
        default=(), converter=to_tuple, validator=valid(records(OutcomeTable, "an outcome table"))
    )
    provenance: Provenance | None = attrs.field(
        default=None, validator=valid(optional(record(Provenance, "the provenance")))
    )

    def __attrs_post_init__(self) -> None:
        found: Found = headline_problems(self)
        unknown: list[str] = []
        if self.assessments:
            more, unknown = question_problems(self)
            found += more
        if self.measurements:
            found += measured_once(self)
        if self.outcome_tables:
            found += tables_once(self)
        found += published_in_cycle(self)
        if found:
            from ..errors import dotted_path

            raise PeelDataError(
                first_named([Problem(message, path=dotted_path(path)) for path, message in found])
            )
        if unknown:
            warn_unknown(self, unknown)

    @property
    def published(self) -> dt.date | None:
        """The publication date, from the provenance."""
        return None if self.provenance is None else self.provenance.published

    @property
    def title(self) -> str:
        """What the report is, in words: ``"effectiveness 2016"``, ``"2023-25"``."""
        return report_title(self.cycle, self.pillar)

    def question(self, number_or_key: int | str) -> CoreQuestion:
        """The core question with this number, key or wording in the report's cycle.

        Raises:
            TypeError: ``number_or_key`` is neither a number nor text.
            NotFoundError: The registry has no such question.
        """
        return core_question(self.cycle, self.pillar, of_question("number_or_key", number_or_key))

    def assessment(self, number_or_key: int | str) -> Assessment:
        """The assessment of a core question, by number, key or wording.

        Raises:
            TypeError: ``number_or_key`` is neither a number nor text.
            NotFoundError: The report has no assessment of that question.
        """
        index = question_index(self.cycle, self.pillar)
        wanted = question_ident(index, of_question("number_or_key", number_or_key))
        for a in self.assessments:
            if question_ident(index, a.question) == wanted:
                return a
        raise NotFoundError(
            f"{self.force.short_name} {self.title} has no assessment of question {shown(number_or_key)}",
            [str(a.question) for a in self.assessments],
        )

    def measurement(self, key: str) -> Measurement:
        """The measurement of a metric; the latest period where there are several.

        Raises:
            NotFoundError: The report has no such metric; close keys are suggested.
            TypeError: ``key`` is not text.
        """
        if not isinstance(key, str):
            raise TypeError(f"measurement() takes a metric's key (text), not {type(key).__name__}")
        key = plain_text(key)  # compared as text, not by a class of str's own __eq__
        found = [m for m in self.measurements if m.key == key]
        if not found:
            import difflib

            keys = sorted({m.key for m in self.measurements})
            raise NotFoundError(
                f"{self.force.short_name} {self.cycle} has no metric {shown(key)}",
                difflib.get_close_matches(key, keys, n=3),
            )
        return max(
            found, key=lambda m: (m.period.end, m.period.start) if m.period else (dt.date.min, dt.date.min)
        )

    def outcome_table(self, key: str) -> OutcomeTable:
        """An outcome table by key (``"figure_4"``).

        Raises:
            NotFoundError: No such table.
            TypeError: ``key`` is not text.
        """
        if not isinstance(key, str):
            raise TypeError(f"outcome_table() takes a table's key (text), not {type(key).__name__}")
        key = plain_text(key)
        for t in self.outcome_tables:
            if t.key == key:
                return t
        raise NotFoundError(
            f"{self.force.short_name} {self.cycle} has no outcome table {shown(key)}",
            [t.key for t in self.outcome_tables],
        )
