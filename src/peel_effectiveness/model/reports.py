"""Inspection reports: a force's judgments, findings and figures for one cycle."""

from __future__ import annotations

import datetime as dt

import attrs

from ..errors import NotFoundError, PeelDataError, Problem, dotted_path
from .cycles import CoreQuestion, Cycle, Pillar, core_question
from .force import Force
from .judgments import Judgment
from .metrics import Measurement
from .outcomes import OutcomeTable

__all__ = ["Assessment", "CauseOfConcern", "InspectionReport", "Provenance"]


@attrs.frozen(kw_only=True)
class CauseOfConcern:
    """A serious shortcoming, always with one or more recommendations.

    Attributes:
        summary: The concern, in our own words.
        recommendations: What the force is told to do, in our own words.
    """

    summary: str
    recommendations: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Assessment:
    """The assessment of one core question in a report.

    Attributes:
        question: The core question's number within the report's cycle and
            pillar (see :meth:`InspectionReport.question`).
        judgment: The judgment (``Judgment(None)`` for an ungraded question),
            or ``None`` where it is not known.
        previous: The judgment of the previous cycle on the same question,
            where the report states it.
        summary: A short summary in our own words.
        areas_for_improvement: In our own words.
        causes_of_concern: Causes of concern with their recommendations.
    """

    question: int
    judgment: Judgment | None
    previous: Judgment | None = None
    summary: str = ""
    areas_for_improvement: tuple[str, ...] = ()
    causes_of_concern: tuple[CauseOfConcern, ...] = ()


@attrs.frozen(kw_only=True)
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

    title: str
    publisher: str
    published: dt.date | None = None
    isbn: str | None = None
    url: str | None = None
    document: str | None = None
    licence: str | None = None


@attrs.frozen(kw_only=True)
class InspectionReport:
    """One force's report on one pillar in one cycle.

    Attributes:
        force: The force inspected.
        cycle: The PEEL cycle.
        pillar: The pillar reported on.
        judgment: The pillar's headline judgment, where known.
        previous_judgment: The previous cycle's headline judgment, as the
            report states it.
        summary: A short summary in our own words.
        assessments: One per core question, in question order.
        measurements: The figures the report states.
        outcome_tables: The crime outcome tables.
        provenance: The source document.

    Construction checks the report against the registry of core questions and
    grade scales, and raises :class:`~peel_effectiveness.PeelDataError` listing
    every inconsistency.
    """

    force: Force
    cycle: Cycle
    pillar: Pillar
    judgment: Judgment | None
    previous_judgment: Judgment | None = None
    summary: str = ""
    assessments: tuple[Assessment, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    outcome_tables: tuple[OutcomeTable, ...] = ()
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        from ._checks import report_problems

        found = report_problems(self)
        if found:
            raise PeelDataError(Problem(msg, path=dotted_path(path)) for path, msg in found)

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
