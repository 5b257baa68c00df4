"""Inspection reports: a force's judgments, findings and figures for one cycle."""

from __future__ import annotations

import datetime as dt

from ..errors import NotFoundError
from ._judgment_checks import all_well, judgment_problems, plain, question_problems, questions_of, scale_of
from ._record import Check, Found, field, matches, record, rule
from .cycles import Cycle, Pillar
from .force import Force
from .judgments import Judgment
from .metrics import Measurement
from .outcomes import OutcomeTable
from .questions import (
    CoreQuestion,
    core_question,
    pillar_headline_graded,
)

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


_KEY = matches(r"[a-z][a-z0-9_]*", "a question key (lower case, digits, _)")
_QUESTION = Check(
    lambda v: (1 <= v <= 99) if v.__class__ is int else _KEY.test(v),
    lambda v: f"{v:g} is not a question number (from 1)" if v.__class__ is int else _KEY.message(v),
    {"minimum": 1, "maximum": 99, **_KEY.schema},
)


@record
class Assessment:
    """The assessment of one core question (one area, in an integrated cycle).

    Attributes:
        question: The question's number where it has one (``3``), else its
            key in the registry (``"investigating"``); see
            :meth:`InspectionReport.question`.
        judgment: The judgment (``Judgment("ungraded")`` for a question not
            graded in the cycle), or ``None`` where it is not known. Data
            files write its fields beside ``question``: ``grade``, ``basis``...
        previous: The judgment of the previous cycle on the same question,
            where the report states it (``previous_grade``... in files).
        summary: A short summary in our own words.
        areas_for_improvement: In our own words.
        causes_of_concern: Causes of concern with their recommendations.
    """

    __noun__ = "an assessment"

    question: int | str = field(checks=(_QUESTION,), doc="The question's number, or an area's key.")
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


def _default_pillar(cycle: Cycle) -> Pillar | None:
    # A report that names no pillar: effectiveness, as in the 2014-2018/19
    # reports this library began with; none in an integrated cycle.
    return None if cycle.integrated else Pillar.EFFECTIVENESS


@record
class InspectionReport:
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
        assessments: One per core question or area, in the report's order.
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

    __noun__ = "a report"

    force: Force = field(doc="The force's id (or name).")
    cycle: Cycle = field(doc="The PEEL cycle.")
    pillar: Pillar | None = field(
        default=None,
        always=True,
        derive=("cycle", _default_pillar),
        doc="The pillar reported on: effectiveness if left out; none from 2021/22.",
    )
    judgment: Judgment | None = field(default=None, flatten="", doc="The headline judgment.")
    previous_judgment: Judgment | None = field(
        default=None, flatten="previous_", doc="The previous cycle's headline judgment."
    )
    summary: str = field(default="", doc="A short summary in our own words.")
    assessments: tuple[Assessment, ...] = field(default=(), doc="One per core question, in question order.")
    measurements: tuple[Measurement, ...] = field(default=(), doc="The figures the report states.")
    outcome_tables: tuple[OutcomeTable, ...] = field(default=(), doc="The crime outcome tables.")
    provenance: Provenance | None = field(default=None, doc="The source document.")

    @rule("cycle", "pillar")
    def _pillar(self) -> Found:
        cycle, pillar = self.cycle, self.pillar
        pillars = cycle.pillars
        if pillar in pillars if pillar is not None else not pillars:
            return []  # the usual case, first: this runs for every report read
        if cycle.integrated and pillar is not None:
            return [(("pillar",), f"{cycle} is integrated: its reports have no pillar; leave pillar out")]
        if pillar is not None and pillar not in cycle.pillars:
            known = ", ".join(p.value for p in cycle.pillars)
            return [(("pillar",), f"{cycle} has no {pillar} pillar (pillars: {known})")]
        return []

    @rule("cycle", "pillar", "judgment", "previous_judgment")
    def _headline(self) -> Found:
        judgment, cycle, pillar = self.judgment, self.cycle, self.pillar
        if self.previous_judgment is None:
            if judgment is None:
                return []
            # The usual case, first: this runs for every report read.
            if (
                pillar is not None
                and pillar in cycle.pillars
                and plain(judgment, cycle, pillar_headline_graded(cycle, pillar), scale_of(cycle))
            ):
                return []
        if cycle.integrated:
            if self.judgment is None:
                return []
            message = f"{cycle} is integrated: there is no overall grade; grade each area in assessments"
            return [(("judgment", "grade"), message)]
        if pillar is None or pillar not in cycle.pillars:
            return []
        out: Found = []
        if self.judgment is not None:
            graded = pillar_headline_graded(cycle, pillar)
            out += judgment_problems(self.judgment, cycle, graded, ("judgment",), cycle)
        if self.previous_judgment is not None:
            previous = cycle.previous
            graded_before = None if previous is None else pillar_headline_graded(previous, pillar)
            out += judgment_problems(
                self.previous_judgment, previous, graded_before, ("previous_judgment",), cycle
            )
        return out

    @rule("force", "cycle", "pillar", "assessments", unless_empty="assessments")
    def _questions(self) -> Found:
        if not self.assessments:
            return []
        by_id, complete = questions_of(self.cycle, self.pillar)
        if all_well(self.assessments, by_id, self.cycle):
            return []
        # The rules read the fields of a view where a field failed: no methods.
        return question_problems(self, by_id, complete)

    @rule("measurements", unless_empty="measurements")
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

    @rule("outcome_tables", unless_empty="outcome_tables")
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

    @property
    def title(self) -> str:
        """What the report is, in words: ``"effectiveness 2016"``, ``"2023-25"``."""
        return str(self.cycle) if self.pillar is None else f"{self.pillar} {self.cycle}"

    def question(self, number_or_key: int | str) -> CoreQuestion:
        """The core question with this number, key or wording in the report's cycle.

        Raises:
            NotFoundError: The registry has no such question.
        """
        return core_question(self.cycle, self.pillar, number_or_key)

    def assessment(self, number_or_key: int | str) -> Assessment:
        """The assessment of a core question, by number, key or wording.

        Raises:
            NotFoundError: The report has no assessment of that question.
        """
        try:
            q = self.question(number_or_key)
        except NotFoundError:
            # A question the registry lacks (2025-27): as the file gives it.
            wanted: tuple[int | str | None, ...] = (number_or_key,)
        else:
            wanted = (q.number, q.key)
        for a in self.assessments:
            if a.question in wanted:
                return a
        raise NotFoundError(
            f"{self.force.short_name} {self.title} has no assessment of question {number_or_key!r}",
            [str(a.question) for a in self.assessments],
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
