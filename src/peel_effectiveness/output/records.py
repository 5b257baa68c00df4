"""Tidy rows: one dict per measurement, judgment or outcome-table row, ready
for csv, JSON or pandas. The columns are declared in :mod:`.columns`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..model.dataset import Dataset
from ..model.grades import Grade
from ..model.judgments import Judgment
from ..model.outcomes import OutcomeGroupRow, OutcomeTable, OutcomeTotal
from ..model.reports import InspectionReport
from .columns import Table

if TYPE_CHECKING:
    from ..analysis.national import GradeDistribution, Transitions
    from ..model.cycles import Cycle
    from ..model.force import Force
    from ..model.grades import NoGrade

__all__ = ["to_records"]

"""The keys of a ``judgments`` row, in order."""

"""The keys of a ``national`` row (a force's grade and its change), in order."""


def grade_cells(grade: Grade | NoGrade | None) -> tuple[str | None, str | None]:
    """The ``grade`` and ``no_grade`` cells of the tidy tables: a grade goes
    in the first, a reason for no grade in the second, and an unknown grade
    leaves both empty, so that "ungraded" is never taken for "unknown"."""
    if grade is None:
        return None, None
    return (grade.value, None) if grade.__class__ is Grade else (None, grade.value)


def _reports(obj: Dataset | InspectionReport | Iterable[InspectionReport]) -> Iterable[InspectionReport]:
    return (obj,) if isinstance(obj, InspectionReport) else obj


def _dates(period: Any) -> tuple[dt.date | None, dt.date | None]:
    return (None, None) if period is None else (period.start, period.end)


def _measurements(report: InspectionReport) -> list[dict[str, Any]]:
    rows = []
    for m in report.measurements:
        d = m.metric
        start, end = _dates(d.period)
        base_start, base_end = _dates(d.baseline)
        rows.append(
            {
                "force": report.force.id,
                "cycle": report.cycle.value,
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
                "note": m.note,
            }
        )
    return rows


def _outcome_rows(report: InspectionReport, t: OutcomeTable) -> list[dict[str, Any]]:
    start, end = _dates(t.period)
    head = {
        "force": report.force.id,
        "cycle": report.cycle.value,
        "table": t.key,
        "title": t.title,
        "measure": t.measure.value,
        "period_start": start,
        "period_end": end,
    }
    tail = {"source": t.source, "note": t.note}

    def row(kind: str, outcome: int | None, group: str | None, label: str, x: Any) -> dict[str, Any]:
        figures = {"value": x.value, "england_and_wales": x.england_and_wales}
        return head | {"row": kind, "outcome": outcome, "group": group, "label": label} | figures | tail

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
    return {
        "force": report.force.id,
        "cycle": report.cycle.value,
        "pillar": None if report.pillar is None else report.pillar.value,
        "question": question,
        "title": title,
        **_grades(None if j is None else j.grade, None if previous is None else previous.grade),
        "basis": None if j is None else j.basis.value,
        "carried_over_from": None if j is None or j.carried_over_from is None else j.carried_over_from.value,
        "note": None if j is None or not j.note else j.note,
        "sources": None if j is None or not j.sources else " ".join(j.sources),
    }


def _grades(grade: Grade | NoGrade | None, previous: Grade | NoGrade | None) -> dict[str, str | None]:
    now, why = grade_cells(grade)
    then, why_then = grade_cells(previous)
    return {"grade": now, "no_grade": why, "previous_grade": then, "previous_no_grade": why_then}


def _judgments(report: InspectionReport, data: Dataset | None = None) -> list[dict[str, Any]]:
    from ..analysis._standing import earlier
    from ..errors import NotFoundError

    rows = []
    pillar = report.pillar
    if pillar is not None and (report.judgment is not None or report.previous_judgment is not None):
        title = pillar.headline or f"{str(pillar).capitalize()} (overall)"
        rows.append(
            _judgment_row(report, "overall", title, report.judgment, earlier(data, report, "overall"))
        )
    for a in report.assessments:
        try:
            q = report.question(a.question)
        except NotFoundError:  # a question the registry does not list yet
            key, text = str(a.question), str(a.question)
        else:
            key, text = q.key, q.text
        rows.append(_judgment_row(report, key, text, a.judgment, earlier(data, report, key)))
    return rows


_ROWS: dict[str, Callable[[InspectionReport, Dataset | None], list[dict[str, Any]]]] = {
    "measurements": lambda r, _: _measurements(r),
    "judgments": _judgments,
    "outcomes": lambda r, _: _outcomes(r),
}


def _national(obj: GradeDistribution | Transitions) -> list[dict[str, Any]]:
    from ..analysis.national import GradeDistribution

    def row(force: Force, cycle: Cycle, grade: Any) -> dict[str, Any]:
        now, why = grade_cells(grade)
        return {
            "force": force.id,
            "name": force.short_name,
            "cycle": cycle.value,
            "pillar": None if obj.pillar is None else obj.pillar.value,
            "question": obj.question,
            "grade": now,
            "no_grade": why,
            "previous_cycle": None,
            "previous_grade": None,
            "previous_no_grade": None,
            "change": None,
            "reason": None,
        }

    if isinstance(obj, GradeDistribution):
        pairs: list[tuple[Force, Grade | NoGrade | None]] = [
            (f, g) for g, fs in obj.forces_by_grade for f in fs
        ]
        pairs += [(f, r) for r, fs in obj.no_grade for f in fs]
        pairs += [(f, None) for f in obj.no_data]
        return sorted((row(f, obj.cycle, g) for f, g in pairs), key=lambda r: r["force"])
    out = []
    for t in (*obj.improved, *obj.declined, *obj.unchanged, *obj.not_comparable, *obj.no_data):
        r = row(t.force, obj.to_cycle, t.after)
        r["previous_cycle"] = obj.from_cycle.value
        r["previous_grade"], r["previous_no_grade"] = grade_cells(t.before)
        r["change"] = t.change.direction.value
        r["reason"] = t.change.reason or None
        out.append(r)
    return sorted(out, key=lambda r: r["force"])


def to_records(
    obj: Dataset | InspectionReport | Iterable[InspectionReport] | GradeDistribution | Transitions,
    table: Table = "measurements",
    *,
    data: Dataset | None = None,
) -> list[dict[str, Any]]:
    """Tidy rows, one per observation, with the columns of :data:`.COLUMNS`.

    * ``"measurements"``: one row per figure (``COLUMNS["measurements"]``),
      with its period, the baseline of a change, its source and note.
    * ``"judgments"``: one row per judgment (``COLUMNS["judgments"]``):
      question ``"overall"`` for a pillar's headline judgment; ``grade``
      the grade, ``no_grade`` why there is none (``"ungraded"``, ``"not
      graded"``...), both ``None`` where the grade is unknown; ``sources``
      the web addresses, separated by spaces; ``previous_grade`` and
      ``previous_no_grade`` the previous cycle's, from its report in
      ``data`` (``obj`` itself when it is a dataset) where the data have
      it, else as the report states it (see
      :func:`~peel_effectiveness.previous_judgment`).
    * ``"outcomes"``: one row per row of every outcome table
      (``COLUMNS["outcomes"]``): each outcome type, each group and the types
      shown under it, and the totals.

    Dates are :class:`datetime.date`. A
    :class:`~peel_effectiveness.GradeDistribution` or
    :class:`~peel_effectiveness.Transitions` gives its ``"national"`` rows,
    one per force (``COLUMNS["national"]``).

    Raises:
        TypeError: ``obj`` is not a dataset, a report, an iterable of
            reports, a GradeDistribution or Transitions; ``data`` not a
            Dataset or ``None``.
        PeelDataError: No such table (a ``ValueError``).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> report = load_bundled().report("cumbria", 2016)
        >>> rows = to_records(report, table="judgments")
        >>> rows[0]["question"], rows[0]["grade"], rows[0]["previous_grade"]
        ('overall', 'good', 'requires improvement')
        >>> rows[-1]["question"], rows[-1]["grade"], rows[-1]["no_grade"]
        ('q5_specialist', None, 'ungraded')
        >>> row = to_records(report, table="outcomes")[0]
        >>> row["table"], row["row"], row["outcome"], row["label"], row["value"]
        ('figure_4', 'outcome', 1, 'Charged/Summonsed', 17.8)
    """
    from ..analysis import _args
    from ..analysis.national import GradeDistribution, Transitions

    if isinstance(obj, (GradeDistribution, Transitions)):
        return _national(obj)
    fn = _ROWS[_args.choice("table", table, tuple(_ROWS))]
    reports = _args.reports("obj", obj)
    data = _args.optional_dataset("data", data)
    if data is None and isinstance(obj, Dataset):
        data = obj
    return [row for report in reports for row in fn(report, data)]
