"""The rows of the tables that are not a report's: the forces, the stays in
Engage, and the analysis' results (the national picture, a force's history,
rankings, coverage). Their columns are declared in :mod:`.columns`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model.grades import Grade, NoGrade
from .columns import count_column

if TYPE_CHECKING:
    from ..analysis._coverage import Coverage
    from ..analysis._history import HistoryEntry
    from ..analysis._transitions import Transitions
    from ..analysis.national import GradeDistribution
    from ..analysis.rankings import Ranking
    from ..model.cycles import Cycle
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.judgments import Judgment
    from ..model.monitoring import EngageDate, Stay


def grade_cells(grade: Grade | NoGrade | None) -> tuple[str | None, str | None]:
    """The ``grade`` and ``no_grade`` cells of the tidy tables: a grade goes
    in the first, a reason for no grade in the second, and an unknown grade
    leaves both empty, so that "ungraded" is never taken for "unknown"."""
    if grade is None:
        return None, None
    if grade.__class__ is Grade:
        return grade.value, None
    if grade.__class__ is not NoGrade:
        from ..model._arguments import wrong_type

        raise wrong_type("grade", "a Grade, a NoGrade or None", grade)
    return None, grade.value


def how_known(j: Judgment | None, sources: Sequence[str]) -> dict[str, Any]:
    """The ``basis``, ``carried_over_from``, ``note``, ``other_grades`` and ``sources`` cells
    of a judgment, whose sources are its own, else its report's (see
    :func:`~peel_effectiveness.analysis.sources_of`)."""
    return {
        "basis": None if j is None else j.basis.value,
        "carried_over_from": None if j is None or j.carried_over_from is None else j.carried_over_from.value,
        "note": None if j is None or not j.note else j.note,
        "other_grades": None if j is None else len(j.other_grades),
        "sources": one_a_line(sources),
    }


def one_a_line(sources: Sequence[str]) -> str | None:
    """A cell of sources: one a line (a source may hold spaces, as a name
    does; never a line break), empty for none."""
    return "\n".join(sources) or None


def forces(items: Sequence[Force]) -> list[dict[str, Any]]:
    return [
        {
            "id": f.id,
            "official_name": f.official_name,
            "short_name": f.short_name,
            "gss_code": f.gss_code,
            "region": f.region,
            "country": f.country.value,
            "sources": one_a_line(f.sources),
        }
        for f in items
    ]


def reach_cells(reach: EngageDate | None) -> dict[str, Any]:
    """``data_end`` and ``data_end_precision``: the data's latest move as
    its sources date it, as a stay's ``entered`` is written."""
    return {
        "data_end": None if reach is None else reach.day,
        "data_end_precision": None if reach is None else reach.precision.value,
    }


def stays(items: Sequence[Stay], data: Dataset | None = None) -> list[dict[str, Any]]:
    """The stays' rows, each with the latest move ``data`` record: how far
    ``still_in`` holds (unknown without ``data``: some stays of the data
    tell nothing of how far the others go)."""
    from ..analysis._engage import reach_for, reach_of

    reach = None if data is None else reach_of(data.stays)
    out = []
    for s in items:
        left = s.left
        # A force of your own's record goes as far as its own moves too.
        known = None if data is None else reach_for(s.force, reach, data.stays)
        out.append(
            {
                "force": s.force.id,
                "entered": s.entered.day,
                "entered_precision": s.entered.precision.value,
                "left": None if left is None else left.day,
                "left_precision": None if left is None else left.precision.value,
                "still_in": left is None,
                **reach_cells(known),
                "reason": s.reason or None,
                "note": s.note or None,
                "entered_sources": one_a_line(s.entered_sources),
                "left_sources": one_a_line(s.left_sources),
            }
        )
    return out


def national(items: Sequence[GradeDistribution | Transitions]) -> list[dict[str, Any]]:
    return [row for obj in items for row in _national(obj)]


def _national(obj: GradeDistribution | Transitions) -> list[dict[str, Any]]:
    from ..analysis.national import GradeDistribution

    def row(
        force: Force, cycle: Cycle, grade: Any, j: Judgment | None = None, sources: Sequence[str] = ()
    ) -> dict[str, Any]:
        now, why = grade_cells(grade)
        return {
            "force": force.id,
            "short_name": force.short_name,
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
            **how_known(j, sources),
        }

    if isinstance(obj, GradeDistribution):
        pairs: list[tuple[Force, Grade | NoGrade | None]] = [
            (f, g) for g, fs in obj.forces_by_grade for f in fs
        ]
        pairs += [(f, r) for r, fs in obj.no_grade for f in fs]
        pairs += [(f, None) for f in obj.no_data]
        known = {f: (j, sources) for f, j, sources in obj.judgments}
        return sorted(
            (row(f, obj.cycle, g, *known.get(f, (None, ()))) for f, g in pairs), key=lambda r: r["force"]
        )
    out = []
    # A grade then that is the later judgment, carried over, is said so: the
    # data may hold no report of that cycle's to give it.
    carried = {id(t) for t in obj.carried_over}
    for t in (*obj.improved, *obj.declined, *obj.unchanged, *obj.not_comparable, *obj.no_data):
        r = row(t.force, obj.to_cycle, t.after, t.judgment, t.sources)
        r["previous_cycle"] = obj.from_cycle.value
        r["previous_grade"], r["previous_no_grade"] = grade_cells(t.before)
        r["change"] = t.change.direction.value
        r["reason"] = t.change.reason or None
        if id(t) in carried and t.judgment is not None:
            r["reason"] = f"the {t.judgment.carried_over_from} judgment, carried over: not judged again since"
        out.append(r)
    return sorted(out, key=lambda r: r["force"])


def history(items: Sequence[HistoryEntry]) -> list[dict[str, Any]]:
    out = []
    for e in items:
        grade, why = grade_cells(e.judgment.grade)
        out.append(
            {
                "force": e.force.id,
                "cycle": e.cycle.value,
                "pillar": None if e.pillar is None else e.pillar.value,
                "question": e.question,
                "label": e.label,
                "grade": grade,
                "no_grade": why,
                **how_known(e.judgment, e.sources),
            }
        )
    return out


def rankings(items: Sequence[Ranking]) -> list[dict[str, Any]]:
    return [
        {
            "metric": r.metric,
            "cycle": r.cycle.value,
            "rank": f.rank,
            "ranked": len(r.ranked),
            "first": "highest" if r.descending else "lowest",
            "force": f.force.id,
            "short_name": f.force.short_name,
            "value": f.value,
            "unit": r.measurement.unit.value,
            "england_and_wales": r.england_and_wales,
            "band": "excluded" if f.excluded else str(f.band),
            "period_start": None if period is None else period.start,
            "period_end": None if period is None else period.end,
            "source": f.source,
            "published_in": f.published_in,
        }
        for r in items
        for period in (r.measurement.metric.period,)
        for f in r.forces
    ]


def coverage(items: Sequence[Coverage]) -> list[dict[str, Any]]:
    return [
        {
            "cycle": c.cycle.value,
            "pillar": None if c.pillar is None else c.pillar.value,
            "question": c.question,
            "label": c.label,
            "graded": c.graded,
            **{count_column(r): c.count(r) for r in NoGrade},
            "unknown": c.unknown,
            "graded_in_cycle": c.graded_in_cycle,
            "sources": c.sources.tally or None,
        }
        for c in items
    ]
