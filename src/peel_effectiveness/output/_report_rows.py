"""The rows of a report's tables: its figures, judgments, other grades and
outcome-table rows, one dict per observation (see :mod:`.records`, whose
:func:`~.records.tidy` is the way to them). Their columns are declared in
:mod:`.columns`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..model.dataset import Dataset
from ..model.judgments import Judgment
from ..model.outcomes import OutcomeGroupRow, OutcomeTable, OutcomeTotal
from ..model.reports import InspectionReport
from . import _rows
from ._rows import grade_cells

if TYPE_CHECKING:
    from ..model.grades import Grade, NoGrade

__all__ = ["ROWS"]


def _dates(period: Any) -> tuple[dt.date | None, dt.date | None]:
    return (None, None) if period is None else (period.start, period.end)


def _report(report: InspectionReport) -> dict[str, Any]:
    p = report.pillar
    return {"force": report.force.id, "cycle": report.cycle.value, "pillar": None if p is None else p.value}


def _measurements(report: InspectionReport) -> list[dict[str, Any]]:
    from ..analysis.sources import published_in

    rows = []
    where = published_in(report)
    for m in report.measurements:
        d = m.metric
        start, end = _dates(d.period)
        base_start, base_end = _dates(d.baseline)
        rows.append(
            {
                **_report(report),
                "metric": m.key,
                "label": d.label,
                "unit": d.unit.value,
                "base": d.base,
                "value": m.value,
                "england_and_wales": m.england_and_wales,
                "period_start": start,
                "period_end": end,
                "baseline_start": base_start,
                "baseline_end": base_end,
                "source": d.source,
                "published_in": where,
                "note": m.note,
            }
        )
    return rows


def _outcome_rows(report: InspectionReport, t: OutcomeTable) -> list[dict[str, Any]]:
    from ..analysis.sources import published_in

    start, end = _dates(t.period)
    head = {
        **_report(report),
        "table": t.key,
        "title": t.title,
        "measure": t.measure.value,
        "period_start": start,
        "period_end": end,
    }
    tail = {"source": t.source, "published_in": published_in(report), "note": t.note}

    def row(kind: str, outcome: int | None, group: str | None, label: str, x: Any) -> dict[str, Any]:
        figures = {"value": x.value, "england_and_wales": x.england_and_wales}
        covers = ", ".join(map(str, x.outcomes)) if kind == "group" else None
        place = {"row": kind, "outcome": outcome, "group": group, "outcomes": covers, "label": label}
        return head | place | figures | tail

    out = []
    for r in t.rows:
        if isinstance(r, OutcomeGroupRow):
            out.append(row("group", None, r.group, r.group, r))
            out += [row("member", m.outcome, r.group, m.label, m) for m in r.members]
        else:
            out.append(row("outcome", r.outcome, None, r.label, r))
    totals: tuple[tuple[str, OutcomeTotal | None], ...] = (
        ("total_assigned", t.total_assigned),
        ("not_yet_assigned", t.not_yet_assigned),
        ("total", t.total),
    )
    out += [row(kind, None, None, x.label, x) for kind, x in totals if x is not None]
    return out


def _outcomes(report: InspectionReport) -> list[dict[str, Any]]:
    return [row for t in report.outcome_tables for row in _outcome_rows(report, t)]


def _judgment_row(
    report: InspectionReport, question: str, title: str, j: Judgment | None, previous: Judgment | None
) -> dict[str, Any]:
    from ..analysis._standing import compares_with_previous

    return {
        **_report(report),
        "question": question,
        "title": title,
        **_grades(None if j is None else j.grade, None if previous is None else previous.grade),
        "previous_comparable": None if previous is None else compares_with_previous(report.cycle),
        "published": _published(report, j),
        **_rows.how_known(j, () if j is None else _sources_of(report, j)),
    }


def _published(report: InspectionReport, j: Judgment | None) -> dt.date | None:
    """When a judgment's grade was published: the day it replaced another,
    else its report's; none for a judgment not known."""
    if j is None:
        return None
    revised = [o.superseded_on for o in j.other_grades if o.superseded_on is not None]
    return max(revised, default=report.published)


def _sources_of(report: InspectionReport, j: Judgment) -> tuple[str, ...]:
    from ..analysis.sources import sources_of

    return sources_of(report, j)


def _grades(grade: Grade | NoGrade | None, previous: Grade | NoGrade | None) -> dict[str, str | None]:
    now, why = grade_cells(grade)
    then, why_then = grade_cells(previous)
    return {"grade": now, "no_grade": why, "previous_grade": then, "previous_no_grade": why_then}


def _judged(report: InspectionReport) -> list[tuple[str, str, Judgment | None]]:
    """The report's judgments as the tables name them: the question's key
    (``overall`` for the pillar's headline), its words, the judgment."""
    from ..analysis._standing import judged
    from ..errors import NotFoundError
    from ..model.questions import headline_question

    out: list[tuple[str, str, Judgment | None]] = []
    pillar = report.pillar
    if pillar is not None and (report.judgment is not None or report.previous_judgment is not None):
        title = headline_question(report.cycle, pillar) or f"{str(pillar).capitalize()} (overall)"
        out.append(("overall", title, report.judgment))
    for key, question, j in judged(report):
        try:
            out.append((key, report.question(question).text, j))
        except NotFoundError:  # a question the registry does not list yet: its words as given
            out.append((key, str(question), j))
    return out


def _judgments(report: InspectionReport, data: Dataset | None = None) -> list[dict[str, Any]]:
    from ..analysis._standing import previous_judgment_of

    # The previous cycle's grade is a fact across a change of framework too
    # (the national table's change column says whether the two compare).
    return [
        _judgment_row(report, key, text, j, previous_judgment_of(data, report, key))
        for key, text, j in _judged(report)
    ]


def _other_grades(report: InspectionReport) -> list[dict[str, Any]]:
    rows = []
    for key, _, j in _judged(report):
        for n, other in enumerate(() if j is None else j.other_grades, 1):
            grade, why = grade_cells(other.grade)
            rows.append(
                {
                    **_report(report),
                    "question": key,
                    "n": n,
                    "grade": grade,
                    "no_grade": why,
                    "kind": other.kind.value,
                    "published": other.published,
                    "superseded_on": other.superseded_on,
                    "note": other.note or None,
                    "sources": _rows.one_a_line(other.sources),
                }
            )
    return rows


ROWS: dict[str, Callable[[InspectionReport, Dataset | None], list[dict[str, Any]]]] = {
    "measurements": lambda r, _: _measurements(r),
    "judgments": _judgments,
    "other_grades": lambda r, _: _other_grades(r),
    "outcomes": lambda r, _: _outcomes(r),
}
