"""pydantic v2 mirror models of the data format, checking what the library checks.

The yardstick for JSON loading: the same files validated by pydantic-core
(``validate_json``) into frozen models, with the same rules: strict types,
the vocabularies, a figure's bounds by its unit, ``base`` only per 100, metric
keys, outcome numbers and shares, questions that exist in the cycle, grades
on the cycle's scale, carry-overs, reasons for no grade, integrated cycles,
nothing given twice.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

import peel_effectiveness as pe

Share = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
if TYPE_CHECKING:  # the words are the library's, read when the module runs
    GradeWord = str
    UnitWord = str
else:
    GradeWord = Literal[tuple(g.value for g in [*pe.Grade, *pe.NoGrade])]
    UnitWord = Literal[tuple(u.value for u in pe.Unit)]
_GRADES = {g.value for g in pe.Grade}
BasisWord = Literal["stated", "inferred"]
CycleWord = Annotated[str | int, Field()]
_KEY = re.compile(r"[a-z][a-z0-9_]*")  # a metric key, as the model has it


class _Cycles(dict):  # type: ignore[type-arg]
    def __missing__(self, key: Any) -> pe.Cycle:
        return pe.Cycle(key)


_CYCLES = _Cycles()


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


def _judgment_rules(m: Any, prefix: str, cycle: pe.Cycle | None, graded: bool | None) -> None:
    grade = getattr(m, prefix + "grade")
    if grade is None:
        return
    carried = getattr(m, prefix + "carried_over_from")
    if carried is not None and cycle is not None and not _CYCLES[carried] < cycle:
        raise ValueError("carried over from a later cycle")
    if grade == "ungraded" and graded:
        raise ValueError("graded")
    if grade in _GRADES and graded is False:
        raise ValueError("not graded")
    scale = () if cycle is None else {g.value for g in cycle.grade_scale.grades}
    for g in (grade, *(o.grade for o in getattr(m, prefix + "other_grades"))):
        if cycle is not None and g in _GRADES and g not in scale:
            raise ValueError("not on the scale")
    for o in getattr(m, prefix + "other_grades"):
        if (o.kind == "superseded") != (o.superseded_on is not None):
            raise ValueError("superseded_on")
        if o.kind == "superseded" and o.grade == grade:
            raise ValueError("superseded by itself")


class OtherGrade(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)
    grade: GradeWord
    kind: Literal["superseded", "disputed"]
    published: dt.date | None = None
    superseded_on: dt.date | None = None
    note: str = ""
    sources: tuple[str, ...] = ()


class Period(_Frozen):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _order(self) -> Period:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")
        return self


PeriodText = Annotated[str, Field(min_length=1)]


class CauseOfConcern(_Frozen):
    summary: str
    recommendations: tuple[str, ...] = ()


class _Judgments(_Frozen):
    """A judgment and the previous cycle's, written flat (as files do)."""

    grade: GradeWord | None = None
    basis: BasisWord = "stated"
    carried_over_from: CycleWord | None = None
    grade_sources: tuple[str, ...] = ()
    grade_note: str = ""
    other_grades: tuple[OtherGrade, ...] = ()
    previous_grade: GradeWord | None = None
    previous_basis: BasisWord = "stated"
    previous_carried_over_from: CycleWord | None = None
    previous_grade_sources: tuple[str, ...] = ()
    previous_grade_note: str = ""
    previous_other_grades: tuple[OtherGrade, ...] = ()


class Assessment(_Judgments):
    question: Annotated[int, Field(ge=1, le=99)] | Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    summary: str = ""
    areas_for_improvement: tuple[str, ...] = ()
    causes_of_concern: tuple[CauseOfConcern, ...] = ()


class Measurement(_Frozen):
    metric: str
    label: str
    unit: UnitWord
    value: Annotated[float, Field(allow_inf_nan=False)]
    england_and_wales: Annotated[float, Field(allow_inf_nan=False)] | None = None
    period: PeriodText | Period | None = None
    baseline: PeriodText | Period | None = None
    base: str | None = None
    source: str | None = None
    note: str | None = None

    @field_validator("metric")
    @classmethod
    def _key(cls, v: str) -> str:
        if not _KEY.fullmatch(v):
            raise ValueError("not a metric key")
        return v

    @field_validator("period", "baseline")
    @classmethod
    def _period(cls, v: Any) -> Any:
        if isinstance(v, str):
            pe.Period.parse(v)
        return v

    @model_validator(mode="after")
    def _rules(self) -> Measurement:
        unit = pe.Unit(self.unit)
        for v in (self.value, self.england_and_wales):
            if v is not None and _check_value(unit, v):
                raise ValueError("out of bounds")
        if self.base is not None and unit is not pe.Unit.PER_100:
            raise ValueError("base is only for a rate per 100")
        return self


Outcome = Annotated[int, Field(ge=1, le=22)]


class OutcomeTypeRow(_Frozen):
    outcome: Outcome
    label: str
    value: Share | None = None
    england_and_wales: Share | None = None


class OutcomeGroupRow(_Frozen):
    group: str
    outcomes: Annotated[tuple[Outcome, ...], Field(min_length=1)]
    value: Share | None = None
    england_and_wales: Share | None = None
    members: tuple[OutcomeTypeRow, ...] = ()

    @model_validator(mode="after")
    def _members(self) -> OutcomeGroupRow:
        if len(set(self.outcomes)) != len(self.outcomes):
            raise ValueError("an outcome is listed twice")
        numbers = [m.outcome for m in self.members]
        if len(set(numbers)) != len(numbers) or not set(numbers) <= set(self.outcomes):
            raise ValueError("members outside the group")
        return self


class OutcomeTotal(_Frozen):
    label: str
    value: Share | None = None
    england_and_wales: Share | None = None


class OutcomeTable(_Frozen):
    key: str
    title: str
    measure: Literal["share_of_offences", "per_100_offences"]
    period: PeriodText | Period
    rows: tuple[OutcomeTypeRow | OutcomeGroupRow, ...]
    total_assigned: OutcomeTotal | None = None
    not_yet_assigned: OutcomeTotal | None = None
    total: OutcomeTotal | None = None
    source: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _rows(self) -> OutcomeTable:
        seen: set[int] = set()
        for row in self.rows:
            covered = set(row.outcomes) if isinstance(row, OutcomeGroupRow) else {row.outcome}
            if covered & seen:
                raise ValueError("an outcome in two rows")
            seen |= covered
        return self


class Provenance(_Frozen):
    title: str
    publisher: str
    published: dt.date | None = None
    isbn: str | None = None
    url: str | None = None
    document: str | None = None
    licence: str | None = None


class Report(_Judgments):
    force: str
    cycle: CycleWord
    pillar: Literal["effectiveness", "efficiency", "legitimacy", "leadership"] | None = None
    summary: str = ""
    assessments: tuple[Assessment, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    outcome_tables: tuple[OutcomeTable, ...] = ()
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _registry(self) -> Report:
        pe.find_force(self.force)
        cycle = _CYCLES[self.cycle]
        pillar = self.pillar or (None if cycle.integrated else "effectiveness")
        if cycle.integrated and (pillar is not None or self.grade is not None):
            raise ValueError("an integrated report has no pillar and no overall grade")
        if pillar is not None and pe.Pillar(pillar) not in cycle.pillars:
            raise ValueError("no such pillar")
        previous = cycle.previous
        _judgment_rules(self, "", cycle, None if pillar is None else pe.model.headline_graded(cycle, pillar))
        graded_before = (
            None if previous is None or previous.integrated else pe.model.headline_graded(previous, pillar)
        )
        _judgment_rules(self, "previous_", previous, graded_before)
        questions: dict[object, Any] = {}
        for q in pe.model.core_questions(cycle, pillar):
            if q.pillar is (None if pillar is None else pe.Pillar(pillar)):
                questions[q.key if q.number is None else q.number] = q
        before = (
            {}
            if previous is None or previous.integrated is not cycle.integrated
            else {q.key: q.graded for q in pe.model.core_questions(previous, pillar)}
        )
        seen: set[object] = set()
        for a in self.assessments:
            asked = questions.get(a.question)
            if asked is None or a.question in seen:
                raise ValueError("no such question, or twice")
            seen.add(a.question)
            _judgment_rules(a, "", cycle, asked.graded)
            _judgment_rules(a, "previous_", previous, before.get(asked.key))
        keys = [(m.metric, str(m.period)) for m in self.measurements]
        if len(set(keys)) != len(keys) or len({t.key for t in self.outcome_tables}) != len(
            self.outcome_tables
        ):
            raise ValueError("given twice")
        return self


REPORTS = TypeAdapter(list[Report])


def _check_value(unit: pe.Unit, value: float) -> bool:
    """Whether ``value`` is out of the unit's bounds (as the model has them)."""
    if unit is pe.Unit.PERCENT:
        return not 0 <= value <= 100
    if unit is pe.Unit.PERCENT_CHANGE:
        return value < -100
    if unit is pe.Unit.PERCENTAGE_POINTS:
        return False
    if unit is pe.Unit.COUNT:
        return value < 0 or value != int(value)
    return value < 0


def validate_json(text: str | bytes) -> list[Report]:
    return REPORTS.validate_json(text)
