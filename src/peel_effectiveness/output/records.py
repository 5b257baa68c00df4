"""Tidy rows: one dict per measurement or judgment, ready for csv, JSON or pandas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

from ..model.dataset import Dataset
from ..model.judgments import Judgment
from ..model.reports import InspectionReport

__all__ = ["JUDGMENT_COLUMNS", "MEASUREMENT_COLUMNS", "to_records"]

Table = Literal["measurements", "judgments"]

MEASUREMENT_COLUMNS = (
    "force",
    "cycle",
    "metric",
    "label",
    "unit",
    "value",
    "england_and_wales",
    "period_start",
    "period_end",
)
"""The keys of a ``measurements`` row, in order."""

JUDGMENT_COLUMNS = (
    "force",
    "cycle",
    "pillar",
    "question",
    "title",
    "grade",
    "previous_grade",
    "basis",
    "carried_over_from",
    "note",
    "sources",
)
"""The keys of a ``judgments`` row, in order."""


def grade_text(j: Judgment | None) -> str | None:
    """A judgment as the tables write it: the grade, why there is none
    (\"ungraded\", \"not graded\"...), or ``None`` if unknown."""
    return None if j is None else j.grade.value


def _reports(obj: Dataset | InspectionReport | Iterable[InspectionReport]) -> Iterable[InspectionReport]:
    return (obj,) if isinstance(obj, InspectionReport) else obj


def _measurements(report: InspectionReport) -> list[dict[str, Any]]:
    rows = []
    for m in report.measurements:
        period = m.metric.period
        start: dt.date | None = None if period is None else period.start
        end: dt.date | None = None if period is None else period.end
        rows.append(
            {
                "force": report.force.id,
                "cycle": report.cycle.value,
                "metric": m.key,
                "label": m.metric.label,
                "unit": m.metric.unit.value,
                "value": m.value,
                "england_and_wales": m.england_and_wales,
                "period_start": start,
                "period_end": end,
            }
        )
    return rows


def _judgment_row(
    report: InspectionReport, question: str, title: str, j: Judgment | None, previous: Judgment | None
) -> dict[str, Any]:
    return {
        "force": report.force.id,
        "cycle": report.cycle.value,
        "pillar": None if report.pillar is None else report.pillar.value,
        "question": question,
        "title": title,
        "grade": grade_text(j),
        "previous_grade": grade_text(previous),
        "basis": None if j is None else j.basis.value,
        "carried_over_from": None if j is None or j.carried_over_from is None else j.carried_over_from.value,
        "note": None if j is None or not j.note else j.note,
        "sources": None if j is None or not j.sources else " ".join(j.sources),
    }


def _judgments(report: InspectionReport) -> list[dict[str, Any]]:
    from ..errors import NotFoundError

    rows = []
    pillar = report.pillar
    if pillar is not None and (report.judgment is not None or report.previous_judgment is not None):
        title = pillar.headline or f"{str(pillar).capitalize()} (overall)"
        rows.append(_judgment_row(report, "overall", title, report.judgment, report.previous_judgment))
    for a in report.assessments:
        try:
            q = report.question(a.question)
        except NotFoundError:  # a question the registry does not list yet
            key, text = str(a.question), str(a.question)
        else:
            key, text = q.key, q.text
        rows.append(_judgment_row(report, key, text, a.judgment, a.previous))
    return rows


def to_records(
    obj: Dataset | InspectionReport | Iterable[InspectionReport],
    table: Table = "measurements",
) -> list[dict[str, Any]]:
    """Tidy rows of measurements or judgments.

    ``table="measurements"`` gives one row per figure with the keys
    :data:`MEASUREMENT_COLUMNS`; ``table="judgments"`` one row per judgment
    with :data:`JUDGMENT_COLUMNS` (question ``"overall"`` for the pillar's
    headline judgment, ``grade`` the grade or why there is none --
    ``"ungraded"``, ``"not graded"``... -- and ``None`` where unknown;
    ``sources`` the web addresses, separated by spaces). Dates are
    :class:`datetime.date`.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> rows = to_records(load_bundled().report("cumbria", 2016), table="judgments")
        >>> rows[0]["question"], rows[0]["grade"], rows[0]["previous_grade"]
        ('overall', 'good', 'requires improvement')
    """
    if table == "measurements":
        fn = _measurements
    elif table == "judgments":
        fn = _judgments
    else:
        raise ValueError(f"table must be 'measurements' or 'judgments', not {table!r}")
    return [row for report in _reports(obj) for row in fn(report)]
