"""Hypothesis strategies for generating valid model objects."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

import peel_effectiveness as pe
from peel_effectiveness import (
    Assessment,
    Basis,
    CauseOfConcern,
    Grade,
    InspectionReport,
    Judgment,
    Measurement,
    MetricDefinition,
    OutcomeGroupRow,
    OutcomeMeasure,
    OutcomeTable,
    OutcomeTotal,
    OutcomeTypeRow,
    Period,
    Provenance,
    Unit,
)

text = st.text(max_size=40)
short = st.text(min_size=1, max_size=20)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    a, b = sorted([draw(dates), draw(dates)])
    return Period(a, b)


def values(unit: Unit) -> st.SearchStrategy[float]:
    if unit is Unit.PERCENT:
        return st.floats(0, 100)
    if unit is Unit.COUNT:
        return st.integers(0, 10**9).map(float)
    if unit is Unit.PERCENT_CHANGE:
        return st.floats(-100, 1e6)
    if unit is Unit.PERCENTAGE_POINTS:
        return st.floats(-100, 100)
    return st.floats(0, 1e9)


@st.composite
def measurements(draw: st.DrawFn) -> Measurement:
    unit = draw(st.sampled_from(Unit))
    key = draw(st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True))
    metric = MetricDefinition(
        key=key,
        label=draw(short),
        unit=unit,
        period=draw(st.none() | periods()),
        baseline=draw(st.none() | periods()),
        base=draw(st.none() | short) if unit is Unit.PER_100 else None,
        source=draw(st.none() | short),
    )
    return Measurement(
        metric=metric,
        value=draw(values(unit)),
        england_and_wales=draw(st.none() | values(unit)),
        note=draw(st.none() | text),
    )


shares = st.none() | st.floats(0, 100)


@st.composite
def outcome_tables(draw: st.DrawFn) -> OutcomeTable:
    numbers = draw(st.permutations(range(1, 23)))
    rows: list[OutcomeTypeRow | OutcomeGroupRow] = []
    i = 0
    for _ in range(draw(st.integers(0, 6))):
        size = draw(st.integers(1, 3))
        chunk, i = numbers[i : i + size], i + size
        if not chunk:
            break
        if draw(st.booleans()):
            members = tuple(
                OutcomeTypeRow(
                    outcome=n, label=draw(short), force=draw(shares), england_and_wales=draw(shares)
                )
                for n in chunk
                if draw(st.booleans())
            )
            rows.append(
                OutcomeGroupRow(
                    group=draw(short),
                    outcomes=tuple(chunk),
                    force=draw(shares),
                    england_and_wales=draw(shares),
                    members=members,
                )
            )
        else:
            rows.append(
                OutcomeTypeRow(
                    outcome=chunk[0], label=draw(short), force=draw(shares), england_and_wales=draw(shares)
                )
            )
    total = st.none() | st.builds(OutcomeTotal, label=short, force=shares, england_and_wales=shares)
    return OutcomeTable(
        key=draw(st.from_regex(r"[a-z_0-9]{1,10}", fullmatch=True)),
        title=draw(short),
        measure=draw(st.sampled_from(OutcomeMeasure)),
        period=draw(periods()),
        rows=tuple(rows),
        total_assigned=draw(total),
        not_yet_assigned=draw(total),
        total=draw(total),
        source=draw(st.none() | short),
        note=draw(st.none() | text),
    )


sources = st.lists(short, max_size=2).map(tuple)


def judgments(cycle: pe.Cycle, graded: bool) -> st.SearchStrategy[Judgment]:
    if not graded:
        return st.builds(Judgment, st.none(), st.just(Basis.STATED), sources=sources)
    stated = st.builds(
        Judgment,
        st.sampled_from(cycle.grade_scale.grades),
        st.sampled_from([Basis.STATED, Basis.INFERRED]),
        sources=sources,
    )
    earlier = [c for c in pe.Cycle if c < cycle]
    if not earlier:
        return stated
    carried = st.builds(
        Judgment,
        st.sampled_from(cycle.grade_scale.grades),
        st.just(Basis.CARRIED_OVER),
        st.sampled_from(earlier),
        sources=sources,
    )
    return stated | carried


@st.composite
def reports(
    draw: st.DrawFn, cycle: pe.Cycle | None = None, force: pe.Force | None = None
) -> InspectionReport:
    cycle = cycle or draw(st.sampled_from([pe.Cycle.Y2014, pe.Cycle.Y2015, pe.Cycle.Y2016]))
    force = force or draw(st.sampled_from(pe.forces()))
    questions = draw(st.lists(st.sampled_from(pe.core_questions(cycle, "effectiveness")), unique=True))
    previous_cycle = cycle.previous
    assessments = []
    for q in sorted(questions, key=lambda q: q.number):
        assessments.append(
            Assessment(
                question=q.number,
                judgment=draw(st.none() | judgments(cycle, q.graded)),
                previous=None,
                summary=draw(text),
                areas_for_improvement=tuple(draw(st.lists(short, max_size=3))),
                causes_of_concern=tuple(
                    draw(
                        st.lists(
                            st.builds(
                                CauseOfConcern,
                                summary=short,
                                recommendations=st.lists(short, max_size=2).map(tuple),
                            ),
                            max_size=2,
                        )
                    )
                ),
            )
        )
    ms = draw(st.lists(measurements(), max_size=6, unique_by=lambda m: (m.key, m.period)))
    tables = draw(st.lists(outcome_tables(), max_size=2, unique_by=lambda t: t.key))
    previous_judgment = None
    if previous_cycle is not None:
        previous_judgment = draw(st.none() | judgments(previous_cycle, True))
    return InspectionReport(
        force=force,
        cycle=cycle,
        pillar=pe.Pillar.EFFECTIVENESS,
        judgment=draw(st.none() | judgments(cycle, True)),
        previous_judgment=previous_judgment,
        summary=draw(text),
        assessments=tuple(assessments),
        measurements=tuple(ms),
        outcome_tables=tuple(tables),
        provenance=draw(
            st.none()
            | st.builds(
                Provenance,
                title=short,
                publisher=short,
                published=dates,
                isbn=st.none() | short,
                url=st.none() | short,
            )
        ),
    )


@st.composite
def datasets(draw: st.DrawFn) -> pe.Dataset:
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(pe.forces()),
                st.sampled_from([pe.Cycle.Y2014, pe.Cycle.Y2015, pe.Cycle.Y2016]),
            ),
            unique=True,
            max_size=4,
        )
    )
    return pe.Dataset(tuple(draw(reports(cycle=c, force=f)) for f, c in keys))


__all__ = ["datasets", "measurements", "outcome_tables", "periods", "reports"]
assert Grade  # re-exported names used by tests
