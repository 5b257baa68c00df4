"""Hypothesis strategies derived from the model itself.

:func:`records` builds a strategy for any record class from its attrs fields:
each field's type gives the values (every member of an enum, text, numbers
within the bounds its checks declare, nested records, tuples), and whatever
the model refuses is filtered out. Where a field's valid values depend on
another field (a figure on its unit, a question on the cycle), the
composite strategies below draw the one from the other, using the model's
own registry and bounds, so that draws are rarely wasted.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import types
import typing
from typing import Any

import attrs
from hypothesis import strategies as st

import peel_effectiveness as pe
from peel_effectiveness import (
    Assessment,
    Basis,
    Grade,
    InspectionReport,
    Judgment,
    Measurement,
    MetricDefinition,
    OutcomeGroupRow,
    OutcomeTable,
    OutcomeTypeRow,
    Period,
    Unit,
)
from peel_effectiveness.model._judgment_checks import NONE_STANDS
from peel_effectiveness.model._validators import valid_of
from peel_effectiveness.model.cycles import why_not_comparable
from peel_effectiveness.model.questions import question_or_none, registry_complete

text = st.text(max_size=40)
short = st.text(min_size=1, max_size=20)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))


def _bounds(a: attrs.Attribute[Any]) -> dict[str, Any]:
    """The bounds the field's validator declares (as its JSON Schema says them)."""
    spec = valid_of(a)
    limit = None if spec is None else spec.limit
    return {} if limit is None else limit.schema()


def _value(tp: Any, bounds: dict[str, Any]) -> st.SearchStrategy[Any]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return st.one_of([_value(a, bounds) for a in args])
    if tp is type(None):
        return st.none()
    if typing.get_origin(tp) is tuple:
        items = _value(args[0], bounds.get("items", {}))
        size = bounds.get("minItems", 0)
        return st.lists(
            items, min_size=size, max_size=max(size, 3), unique=bounds.get("uniqueItems", False)
        ).map(tuple)
    if tp is str:
        if "pattern" in bounds:
            return st.from_regex(bounds["pattern"], fullmatch=True).filter(lambda s: len(s) < 30)
        return text
    if tp is float:
        return st.floats(bounds.get("minimum", -1e9), bounds.get("maximum", 1e9), allow_nan=False)
    if tp is int:
        return st.integers(int(bounds.get("minimum", -(10**6))), int(bounds.get("maximum", 10**6)))
    if tp is bool:
        return st.booleans()
    if tp is dt.date:
        return dates
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if tp is pe.Force:
        return st.sampled_from(pe.forces())
    if isinstance(tp, type) and attrs.has(tp):
        return _OVERRIDES[tp] if tp in _OVERRIDES else records(tp)
    raise TypeError(f"no strategy for {tp!r}")


def _valid(cls: type[Any], kwargs: dict[str, Any]) -> Any:
    try:
        return cls(**kwargs)
    except pe.PeelDataError:
        return None


def records(cls: type[Any], **fixed: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Instances of a record class, drawn field by field from its types and
    checks; ``fixed`` overrides the strategy of some fields."""
    fields = {
        a.name: fixed[a.name] if a.name in fixed else _value(a.type, _bounds(a))
        for a in attrs.fields(attrs.resolve_types(cls))
    }
    return st.fixed_dictionaries(fields).map(lambda kw: _valid(cls, kw)).filter(lambda x: x is not None)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    a, b = sorted([draw(dates), draw(dates)])
    return Period(a, b)


def values(unit: Unit) -> st.SearchStrategy[float]:
    """Every value the model allows in ``unit``, from its declared bounds."""
    low, high, whole = unit.bounds
    low, high = max(low, -1e9), min(high, 1e9)
    if whole:
        return st.integers(math.ceil(low), math.floor(high)).map(float)
    return st.floats(low, high)


@st.composite
def metric_definitions(draw: st.DrawFn) -> MetricDefinition:
    unit = draw(st.sampled_from(Unit))
    return draw(
        records(
            MetricDefinition,
            unit=st.just(unit),
            base=st.none() | short if unit is Unit.PER_100 else st.none(),
        )
    )


@st.composite
def measurements(draw: st.DrawFn) -> Measurement:
    metric = draw(metric_definitions())
    return Measurement(
        metric=metric,
        value=draw(values(metric.unit)),
        england_and_wales=draw(st.none() | values(metric.unit)),
        note=draw(st.none() | text),
    )


shares = st.none() | st.floats(0, 100)


@st.composite
def outcome_tables(draw: st.DrawFn) -> OutcomeTable:
    numbers = draw(st.permutations(range(1, 23)))
    rows: list[OutcomeTypeRow | OutcomeGroupRow] = []
    i = 0
    type_row = lambda n: records(OutcomeTypeRow, outcome=st.just(n))  # noqa: E731
    for _ in range(draw(st.integers(0, 6))):
        size = draw(st.integers(1, 3))
        chunk, i = numbers[i : i + size], i + size
        if not chunk:
            break
        if draw(st.booleans()):
            members = tuple(draw(type_row(n)) for n in chunk if draw(st.booleans()))
            rows.append(
                draw(records(OutcomeGroupRow, outcomes=st.just(tuple(chunk)), members=st.just(members)))
            )
        else:
            rows.append(draw(type_row(chunk[0])))
    return draw(records(OutcomeTable, rows=st.just(tuple(rows))))


# Up to two, as the field's validator declares a source (one line, not blank).
sources = _value(tuple[str, ...], _bounds(attrs.fields_dict(Judgment)["sources"])).filter(
    lambda t: len(t) <= 2
)
_NO_GRADES = tuple(pe.NoGrade)
_BASES = st.sampled_from(list(Basis))


@st.composite
def other_grades(draw: st.DrawFn, cycle: pe.Cycle, grade: Grade | pe.NoGrade) -> tuple[pe.OtherGrade, ...]:
    """Superseded and disputed grades on the cycle's scale: each another
    grade than the judgment's, each recorded once."""
    out = []
    seen = set()
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from(list(pe.model.OtherGradeKind)))
        # Dated within the cycle, as its report is; replaced on any day after.
        published = draw(st.none() | _days_of(cycle))
        superseded_on = None
        if kind is pe.model.OtherGradeKind.SUPERSEDED:
            since = (
                published or (cycle.first_published or dt.date(2014, 1, 1)) - pe.model.cycles.PUBLISHED_WITHIN
            )
            superseded_on = draw(st.dates(min_value=since, max_value=dt.date(2030, 12, 31)))
        other = draw(st.sampled_from([g for g in cycle.grade_scale.grades if g is not grade]))
        if (other, kind, superseded_on) in seen:
            continue
        seen.add((other, kind, superseded_on))
        out.append(
            pe.OtherGrade(
                grade=other,
                kind=kind,
                published=published,
                superseded_on=superseded_on,
                note=draw(text),
                sources=draw(sources),
            )
        )
    return tuple(out)


@st.composite
def judgments(draw: st.DrawFn, cycle: pe.Cycle, graded: bool | None) -> Judgment:
    """Judgments the model allows for a question or headline of ``cycle``
    (``graded``: whether the registry grades it; ``None``: not known; see
    :func:`_asked_then` for a question's)."""
    grades: list[Grade | pe.NoGrade] = list(cycle.grade_scale.grades)
    if graded is False:  # graded for no force: that is why there is none
        grades = [pe.NoGrade.UNGRADED]
    elif graded:
        grades += [g for g in _NO_GRADES if g is not pe.NoGrade.UNGRADED]
    else:
        grades += list(_NO_GRADES)
    grade = draw(st.sampled_from(grades))
    earlier = [
        c for c in pe.Cycle if c < cycle and why_not_comparable(c, cycle) is None
    ]  # within its framework
    # The reasons that say no judgment stands are never one carried over.
    carried = earlier and grade not in NONE_STANDS
    carried_over_from = draw(st.none() | st.sampled_from(earlier)) if carried else None
    return Judgment(
        grade,
        draw(_BASES),
        carried_over_from,
        sources=draw(sources),
        note=draw(text),
        # Published in the cycle whose judgment it is: the one carried over
        # from; none of a question the cycle does not grade.
        other_grades=() if graded is False else draw(other_grades(carried_over_from or cycle, grade)),
    )


def _asked_then(judgment: Judgment | None, q: pe.model.CoreQuestion) -> Judgment | None:
    """A judgment of ``q`` carried over only from a cycle that asked it (a
    strategy of each question's would be made anew for every draw)."""
    carried = None if judgment is None else judgment.carried_over_from
    if (
        carried is None
        or not registry_complete(carried, q.pillar)
        or question_or_none(carried, q.pillar, q.key) is not None
    ):
        return judgment
    # Not carried over, its other grades (of the earlier cycle) go with it.
    return attrs.evolve(judgment, carried_over_from=None, other_grades=())


def _graded_then(judgment: Judgment | None, pillar: pe.Pillar) -> Judgment | None:
    """A pillar's overall judgment carried over only from a cycle that gave
    the pillar one (2014's effectiveness had none, and no leadership pillar)."""
    carried = None if judgment is None else judgment.carried_over_from
    if carried is None or (pillar in carried.pillars and pe.model.headline_graded(carried, pillar)):
        return judgment
    return attrs.evolve(judgment, carried_over_from=None, other_grades=())  # type: ignore[arg-type]


def _pillars(cycle: pe.Cycle) -> list[pe.Pillar | None]:
    return list(cycle.pillars) or [None]


@st.composite
def reports(
    draw: st.DrawFn,
    cycle: pe.Cycle | None = None,
    force: pe.Force | None = None,
    pillar: pe.Pillar | None = None,
) -> InspectionReport:
    """Reports of any cycle and pillar the model knows (integrated ones with
    no pillar and no headline), with assessments of the questions the
    registry lists for them and previous judgments."""
    cycle = cycle or draw(st.sampled_from(pe.Cycle))
    if pillar is None:
        pillar = draw(st.sampled_from(_pillars(cycle)))
    force = force or draw(st.sampled_from(pe.forces()))
    listed = [q for q in pe.model.core_questions(cycle, pillar) if q.pillar is pillar]
    questions = draw(st.lists(st.sampled_from(listed), unique=True)) if listed else []
    previous_cycle = cycle.previous
    before = {}
    if previous_cycle is not None and previous_cycle.integrated is cycle.integrated:
        before = {
            q.key: q.graded for q in pe.model.core_questions(previous_cycle, pillar) if q.pillar is pillar
        }
    order = {q.key: i for i, q in enumerate(listed)}
    assessments = []
    for q in sorted(questions, key=lambda q: order[q.key]):
        previous = None
        if previous_cycle is not None and q.key in before:
            previous = draw(st.none() | judgments(previous_cycle, before[q.key]))
        assessments.append(
            draw(
                records(
                    Assessment,
                    question=st.just(q.key if q.number is None else q.number),
                    judgment=st.just(_asked_then(draw(st.none() | judgments(cycle, q.graded)), q)),
                    previous_judgment=st.just(previous),
                )
            )
        )
    ms = draw(st.lists(measurements(), max_size=6, unique_by=lambda m: (m.key, m.period)))
    tables = draw(st.lists(outcome_tables(), max_size=2, unique_by=lambda t: t.key))
    headline = previous_judgment = None
    if pillar is not None:
        headline = _graded_then(
            draw(st.none() | judgments(cycle, pe.model.headline_graded(cycle, pillar))), pillar
        )
        if previous_cycle is not None and not previous_cycle.integrated and pillar in previous_cycle.pillars:
            previous_judgment = _graded_then(
                draw(st.none() | judgments(previous_cycle, pe.model.headline_graded(previous_cycle, pillar))),
                pillar,
            )
    return InspectionReport(
        force=force,
        cycle=cycle,
        pillar=pillar,
        judgment=headline,
        previous_judgment=previous_judgment,
        summary=draw(text),
        assessments=tuple(assessments),
        measurements=tuple(ms),
        outcome_tables=tuple(tables),
        provenance=draw(st.none() | records(pe.Provenance, published=st.none() | _days_of(cycle))),
    )


@functools.cache
def _days_of(cycle: pe.Cycle) -> st.SearchStrategy[dt.date]:
    """The days a report of ``cycle`` may have been published on (made once a cycle)."""
    within = pe.model.cycles.PUBLISHED_WITHIN
    first, last = cycle.first_published, cycle.last_published
    return st.dates(
        min_value=dt.date(2014, 1, 1) if first is None else first - within,
        max_value=(last or dt.date(cycle.last_year, 12, 31)) + within,
    )


@st.composite
def datasets(draw: st.DrawFn) -> pe.Dataset:
    keys = draw(
        st.lists(
            st.sampled_from(pe.Cycle).flatmap(
                lambda c: st.tuples(st.sampled_from(pe.forces()), st.just(c), st.sampled_from(_pillars(c)))
            ),
            unique=True,
            max_size=4,
        )
    )
    return pe.Dataset(tuple(draw(reports(cycle=c, force=f, pillar=p)) for f, c, p in keys))


_OVERRIDES: dict[type, st.SearchStrategy[Any]] = {
    Period: periods(),
    Measurement: measurements(),
    MetricDefinition: metric_definitions(),
    OutcomeTable: outcome_tables(),
    InspectionReport: reports(),
    pe.Dataset: datasets(),
    Judgment: st.sampled_from(pe.Cycle).flatmap(lambda c: judgments(c, None)),
    pe.CoreQuestion: st.sampled_from(pe.model.core_questions()),
    pe.model.OutcomeType: st.sampled_from(pe.model.OUTCOME_TYPES),
    pe.model.OutcomeGrouping: st.sampled_from(pe.model.OUTCOME_GROUPINGS),
    pe.model.OutcomeGroup: st.sampled_from(
        [g for grouping in pe.model.OUTCOME_GROUPINGS for g in grouping.groups]
    ),
}

__all__ = ["datasets", "measurements", "outcome_tables", "periods", "records", "reports"]
assert Grade  # re-exported names used by tests
