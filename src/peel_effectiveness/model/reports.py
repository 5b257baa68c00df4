"""Inspection reports: a force's judgments, findings and figures for one cycle."""

from __future__ import annotations

import datetime as dt
import functools

from ..errors import NotFoundError
from ._record import Found, Path, between, field, record, rule
from .cycles import CoreQuestion, Cycle, Pillar, core_question, core_questions
from .force import Force
from .grades import Grade
from .judgments import Judgment
from .metrics import Measurement
from .outcomes import OutcomeTable

__all__ = ["Assessment", "CauseOfConcern", "InspectionReport", "Provenance"]


@record
class CauseOfConcern:
    """A serious shortcoming, always with one or more recommendations.

    Attributes:
        summary: The concern, in our own words.
        recommendations: What the force is told to do, in our own words.
    """

    __noun__ = "a cause of concern"

    summary: str = field(doc="The concern, in our own words.")
    recommendations: tuple[str, ...] = field(default=(), doc="What the force is told to do.")


@record
class Assessment:
    """The assessment of one core question in a report.

    Attributes:
        question: The core question's number within the report's cycle and
            pillar (see :meth:`InspectionReport.question`).
        judgment: The judgment (``Judgment(None)`` for an ungraded question),
            or ``None`` where it is not known. Data files write its fields
            beside ``question``: ``grade``, ``basis``...
        previous: The judgment of the previous cycle on the same question,
            where the report states it (``previous_grade``... in files).
        summary: A short summary in our own words.
        areas_for_improvement: In our own words.
        causes_of_concern: Causes of concern with their recommendations.
    """

    __noun__ = "an assessment"

    question: int = field(
        checks=(between(1, 99, "a question number (from 1)"),), doc="The question's number."
    )
    judgment: Judgment | None = field(default=None, flatten="", doc="The judgment.")
    previous: Judgment | None = field(default=None, flatten="previous_", doc="The previous cycle's judgment.")
    summary: str = field(default="", doc="A short summary in our own words.")
    areas_for_improvement: tuple[str, ...] = field(default=(), doc="Areas for improvement, in our own words.")
    causes_of_concern: tuple[CauseOfConcern, ...] = field(default=(), doc="Causes of concern.")


@record
class Provenance:
    """Where a report's facts come from.

    Attributes:
        title: The source document's title.
        publisher: Who published it (``"HMIC"``).
        published: The publication date, where there is one document.
        isbn: The ISBN, where it has one.
        url: Where the document is published.
        document: The file the data were taken from.
        licence: The licence of the source.
    """

    __noun__ = "the provenance"

    title: str = field(doc="The source document's title.")
    publisher: str = field(doc="Who published it.")
    published: dt.date | None = field(default=None, doc="The publication date.")
    isbn: str | None = field(default=None, doc="The ISBN.")
    url: str | None = field(default=None, doc="Where the document is published.")
    document: str | None = field(default=None, doc="The file the data were taken from.")
    licence: str | None = field(default=None, doc="The licence of the source.")


@record
class InspectionReport:
    """One force's report on one pillar in one cycle.

    Attributes:
        force: The force inspected (its id in data files).
        cycle: The PEEL cycle.
        pillar: The pillar reported on.
        judgment: The pillar's headline judgment, where known (``grade``,
            ``basis``... in data files).
        previous_judgment: The previous cycle's headline judgment, as the
            report states it (``previous_grade``...).
        summary: A short summary in our own words.
        assessments: One per core question, in question order.
        measurements: The figures the report states.
        outcome_tables: The crime outcome tables.
        provenance: The source document.

    Building a report checks it against the registry of core questions and
    grade scales, and raises :class:`~peel_effectiveness.PeelDataError`
    naming every problem with its field path.

    Examples:
        >>> InspectionReport(force="kent", cycle=2016, assessments=[{"question": 1}])
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: assessments[0]: expected an assessment, got a mapping
    """

    __noun__ = "a report"

    force: Force = field(doc="The force's id (or name).")
    cycle: Cycle = field(doc="The PEEL cycle.")
    pillar: Pillar = field(default=Pillar.EFFECTIVENESS, always=True, doc="The pillar reported on.")
    judgment: Judgment | None = field(default=None, flatten="", doc="The headline judgment.")
    previous_judgment: Judgment | None = field(
        default=None, flatten="previous_", doc="The previous cycle's headline judgment."
    )
    summary: str = field(default="", doc="A short summary in our own words.")
    assessments: tuple[Assessment, ...] = field(default=(), doc="One per core question, in question order.")
    measurements: tuple[Measurement, ...] = field(default=(), doc="The figures the report states.")
    outcome_tables: tuple[OutcomeTable, ...] = field(default=(), doc="The crime outcome tables.")
    provenance: Provenance | None = field(default=None, doc="The source document.")

    @rule("judgment")
    def _headline_graded(self) -> Found:
        out: Found = []
        if self.judgment is not None and self.judgment.grade is None:
            message = "the pillar's headline judgment cannot be 'ungraded'; leave grade out if there is none"
            out.append((("judgment", "grade"), message))
        return out

    @rule("cycle", "judgment", "previous_judgment")
    def _headline_scale(self) -> Found:
        out: Found = []
        out += _judgment_problems(self.judgment, self.cycle, None, ("judgment",), self.cycle)
        out += _judgment_problems(
            self.previous_judgment, self.cycle.previous, None, ("previous_judgment",), self.cycle
        )
        return out

    @rule("cycle", "pillar", "assessments")
    def _questions(self) -> Found:
        out: Found = []
        if not self.assessments:
            return out
        cycle, pillar = self.cycle, self.pillar
        questions = _numbered(cycle._value_, pillar._value_)
        seen: set[int] = set()
        for i, a in enumerate(self.assessments):
            base: Path = ("assessments", i)
            q, prev_graded = questions.get(a.question, (None, None))
            if q is None:
                known = ", ".join(str(n) for n in questions) or "none are known"
                out.append(
                    (
                        (*base, "question"),
                        f"{cycle} {pillar} has no core question {a.question} (questions: {known})",
                    )
                )
            elif a.question in seen:
                out.append(((*base, "question"), f"question {a.question} is assessed twice"))
            seen.add(a.question)
            graded = None if q is None else q.graded
            out += _judgment_problems(a.judgment, cycle, graded, base, cycle)
            out += _judgment_problems(a.previous, cycle.previous, prev_graded, base, cycle, "previous_")
        return out

    @rule("measurements")
    def _measured_once(self) -> Found:
        out: Found = []
        seen: set[tuple[str, object]] = set()
        for i, m in enumerate(self.measurements):
            k = (m.metric.key, m.metric.period)
            if k in seen:
                out.append(
                    (("measurements", i, "metric"), f"metric {m.key!r} is given twice for the same period")
                )
            seen.add(k)
        return out

    @rule("outcome_tables")
    def _tables_once(self) -> Found:
        out: Found = []
        keys: set[str] = set()
        for i, t in enumerate(self.outcome_tables):
            if t.key in keys:
                out.append((("outcome_tables", i, "key"), f"outcome table {t.key!r} is given twice"))
            keys.add(t.key)
        return out

    @property
    def published(self) -> dt.date | None:
        """The publication date, from the provenance."""
        return None if self.provenance is None else self.provenance.published

    def question(self, number_or_key: int | str) -> CoreQuestion:
        """The core question with this number or key in the report's cycle."""
        return core_question(self.cycle, self.pillar, number_or_key)

    def assessment(self, number_or_key: int | str) -> Assessment:
        """The assessment of a core question, by number or key.

        Raises:
            NotFoundError: The report has no assessment of that question.
        """
        number = self.question(number_or_key).number
        for a in self.assessments:
            if a.question == number:
                return a
        raise NotFoundError(
            f"{self.force.short_name} {self.cycle} has no assessment of question {number_or_key!r}"
        )

    def measurement(self, key: str) -> Measurement:
        """The measurement of a metric; the latest period where there are several.

        Raises:
            NotFoundError: The report has no such metric; close keys are suggested.
        """
        found = [m for m in self.measurements if m.key == key]
        if not found:
            import difflib

            keys = sorted({m.key for m in self.measurements})
            raise NotFoundError(
                f"{self.force.short_name} {self.cycle} has no metric {key!r}",
                difflib.get_close_matches(key, keys, n=3),
            )
        return max(
            found, key=lambda m: (m.period.end, m.period.start) if m.period else (dt.date.min, dt.date.min)
        )

    def outcome_table(self, key: str) -> OutcomeTable:
        """An outcome table by key (``"figure_4"``).

        Raises:
            NotFoundError: No such table.
        """
        for t in self.outcome_tables:
            if t.key == key:
                return t
        raise NotFoundError(
            f"{self.force.short_name} {self.cycle} has no outcome table {key!r}",
            [t.key for t in self.outcome_tables],
        )


def _judgment_problems(
    judgment: Judgment | None,
    cycle: Cycle | None,
    graded: bool | None,
    base: Path,
    report_cycle: Cycle,
    prefix: str = "",
) -> Found:
    """The problems of a judgment on a question (``graded``: whether it is
    graded, ``None`` for a pillar) in ``cycle``, reported in ``report_cycle``.
    ``base`` is the path of the record holding the judgment, ``prefix`` that
    of its keys there."""
    if judgment is None:
        return []
    grade, carried = judgment.grade, judgment.carried_over_from
    scale = None if cycle is None else _scale(cycle)
    # The usual case first, cheaply: this runs for every judgment loaded.
    if carried is None and (
        (grade is None and not graded)
        or (grade is not None and graded is not False and (scale is None or grade in scale))
    ):
        return []
    out: Found = []
    grade_path: Path = (*base, f"{prefix}grade")
    if grade is None:
        if graded:
            out.append(
                (grade_path, f"the question is graded in {report_cycle}; 'ungraded' is not its judgment")
            )
    else:
        if graded is False:
            out.append(
                (grade_path, f"the question is not graded in {report_cycle}; its judgment is 'ungraded'")
            )
        if cycle is not None and scale is not None and grade not in scale:
            words = ", ".join(g.value for g in cycle.grade_scale.grades)
            out.append((grade_path, f"{grade.value!r} is not on the {cycle} grade scale ({words})"))
    if carried is not None and cycle is not None and not carried < cycle:
        out.append(
            (
                (*base, f"{prefix}carried_over_from"),
                f"a judgment for {cycle} can only be carried over from an earlier cycle",
            )
        )
    return out


# The grades of each cycle's scale, by the cycle's value (an enum member's
# own hash is computed in Python).
_SCALES: dict[str, tuple[Grade, ...]] = {}


def _scale(cycle: Cycle) -> tuple[Grade, ...]:
    # A tuple: ``in`` finds a member by identity, where a set would hash it.
    found = _SCALES.get(cycle._value_)
    if found is None:
        found = _SCALES[cycle._value_] = cycle.grade_scale.grades
    return found


@functools.cache
def _numbered(cycle_value: str, pillar_value: str) -> dict[int, tuple[CoreQuestion, bool | None]]:
    """The questions by number, each with whether it was graded the cycle
    before (by the values of the cycle and pillar, which hash in C)."""
    cycle, pillar = Cycle(cycle_value), Pillar(pillar_value)
    previous = cycle.previous
    before = {} if previous is None else {q.key: q.graded for q in core_questions(previous, pillar)}
    return {q.number: (q, before.get(q.key)) for q in core_questions(cycle, pillar)}
