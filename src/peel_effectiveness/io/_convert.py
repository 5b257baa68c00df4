"""The one cattrs converter: strict structuring of data files, and unstructuring.

Strict means: every field has exactly the type the format says. Text is
never made from a number, a boolean or ``None``; numbers are never made from
text; unknown keys are errors, with the closest valid key suggested; and
every problem in a document is collected before anything is raised.

The data-file format is flat where the model nests (``grade`` and ``basis``
beside ``question`` rather than a nested judgment), so reports, assessments
and measurements are read through private *document* classes that mirror the
file format and are turned into the public model afterwards.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import math
import operator
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Union

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)

from ..errors import PeelDataError
from ..model._checks import Path, parts_problems
from ..model.cycles import Cycle, Pillar
from ..model.force import Force, find_force
from ..model.grades import Grade, grade_error
from ..model.judgments import Basis, Judgment
from ..model.metrics import Measurement, MetricDefinition, Period, Unit, check_value, is_metric_key
from ..model.outcomes import OutcomeGroupRow, OutcomeMeasure, OutcomeTable, OutcomeTotal, OutcomeTypeRow
from ..model.reports import Assessment, CauseOfConcern, InspectionReport, Provenance


class PathErrors(ValueError):
    """Problems found below the point where this is raised, with their paths."""

    def __init__(self, problems: list[tuple[Path, str]]) -> None:
        super().__init__("; ".join(m for _, m in problems))
        self.problems = problems


class Ungraded(enum.Enum):
    """The word a data file uses for the judgment of an ungraded question."""

    UNGRADED = "ungraded"


GradeOrUngraded = Grade | Ungraded


# ---------------------------------------------------------------------------
# The file-format classes.


@attrs.frozen(kw_only=True)
class AssessmentDoc:
    question: int
    grade: GradeOrUngraded | None = None
    basis: Basis | None = None
    carried_over_from: Cycle | None = None
    grade_sources: tuple[str, ...] = ()
    previous_grade: GradeOrUngraded | None = None
    previous_basis: Basis | None = None
    previous_carried_over_from: Cycle | None = None
    previous_grade_sources: tuple[str, ...] = ()
    summary: str = ""
    areas_for_improvement: tuple[str, ...] = ()
    causes_of_concern: tuple[CauseOfConcern, ...] = ()


@attrs.frozen(kw_only=True)
class MeasurementDoc:
    metric: str
    label: str
    unit: Unit
    value: float
    england_and_wales: float | None = None
    period: Period | None = None
    baseline: Period | None = None
    base: str | None = None
    source: str | None = None
    note: str | None = None


@attrs.frozen(kw_only=True)
class ReportDoc:
    force: Force
    cycle: Cycle
    pillar: Pillar = Pillar.EFFECTIVENESS
    grade: GradeOrUngraded | None = None
    basis: Basis | None = None
    carried_over_from: Cycle | None = None
    grade_sources: tuple[str, ...] = ()
    previous_grade: GradeOrUngraded | None = None
    previous_basis: Basis | None = None
    previous_carried_over_from: Cycle | None = None
    previous_grade_sources: tuple[str, ...] = ()
    summary: str = ""
    assessments: tuple[AssessmentDoc, ...] = ()
    measurements: tuple[MeasurementDoc, ...] = ()
    outcome_tables: tuple[OutcomeTable, ...] = ()
    provenance: Provenance | None = None


def _judgment(
    grade: Grade | Ungraded | None,
    basis: Basis | None,
    carried: Cycle | None,
    grade_key: str,
    basis_key: str,
    carried_key: str | None,
    sources: tuple[str, ...] = (),
) -> tuple[Judgment | None, list[tuple[Path, str]]]:
    problems: list[tuple[Path, str]] = []
    if grade is None:
        if sources:
            problems.append(((f"{grade_key}_sources",), f"{grade_key}_sources is given without {grade_key}"))
        if basis is not None:
            problems.append(((basis_key,), f"{basis_key} is given without {grade_key}"))
        if carried is not None and carried_key:
            problems.append(((carried_key,), f"{carried_key} is given without {grade_key}"))
        return None, problems
    basis = basis or Basis.STATED
    if basis is Basis.CARRIED_OVER and carried is None:
        message = "a carried-over judgment names the cycle it is carried over from (carried_over_from)"
        problems.append(((basis_key,), message))
        return None, problems
    if basis is not Basis.CARRIED_OVER and carried is not None:
        message = "carried_over_from is only for a judgment whose basis is carried_over"
        problems.append(((carried_key or basis_key,), message))
        return None, problems
    return Judgment(None if grade is Ungraded.UNGRADED else grade, basis, carried, sources), problems


def _assessment(doc: AssessmentDoc) -> tuple[Assessment | None, list[tuple[Path, str]]]:
    judgment, p1 = _judgment(
        doc.grade, doc.basis, doc.carried_over_from, "grade", "basis", "carried_over_from", doc.grade_sources
    )
    previous, p2 = _judgment(
        doc.previous_grade,
        doc.previous_basis,
        doc.previous_carried_over_from,
        "previous_grade",
        "previous_basis",
        "previous_carried_over_from",
        doc.previous_grade_sources,
    )
    if p1 or p2:
        return None, p1 + p2
    return (
        Assessment(
            question=doc.question,
            judgment=judgment,
            previous=previous,
            summary=doc.summary,
            areas_for_improvement=doc.areas_for_improvement,
            causes_of_concern=doc.causes_of_concern,
        ),
        [],
    )


def _measurement(doc: MeasurementDoc) -> Measurement:
    problems: list[tuple[Path, str]] = []
    if not is_metric_key(doc.metric):
        problems.append((("metric",), f"{doc.metric!r} is not a metric key (use lower_snake_case)"))
    for key, value in (("value", doc.value), ("england_and_wales", doc.england_and_wales)):
        if value is not None and (why := check_value(doc.unit, value)):
            problems.append(((key,), why))
    if doc.base is not None and doc.unit is not Unit.PER_100:
        problems.append((("base",), "base is only for a rate per 100 (unit per_100)"))
    if problems:
        raise PathErrors(problems)
    return Measurement(
        metric=MetricDefinition(
            key=doc.metric,
            label=doc.label,
            unit=doc.unit,
            period=doc.period,
            baseline=doc.baseline,
            base=doc.base,
            source=doc.source,
        ),
        value=doc.value,
        england_and_wales=doc.england_and_wales,
        note=doc.note,
    )


def _grade_or_ungraded(j: Judgment | None) -> Grade | Ungraded | None:
    if j is None:
        return None
    return Ungraded.UNGRADED if j.grade is None else j.grade


def _basis(j: Judgment | None) -> Basis | None:
    return None if j is None or j.basis is Basis.STATED else j.basis


def report_to_doc(r: InspectionReport) -> ReportDoc:
    return ReportDoc(
        force=r.force,
        cycle=r.cycle,
        pillar=r.pillar,
        grade=_grade_or_ungraded(r.judgment),
        basis=_basis(r.judgment),
        carried_over_from=None if r.judgment is None else r.judgment.carried_over_from,
        grade_sources=() if r.judgment is None else r.judgment.sources,
        previous_grade=_grade_or_ungraded(r.previous_judgment),
        previous_basis=_basis(r.previous_judgment),
        previous_carried_over_from=None
        if r.previous_judgment is None
        else r.previous_judgment.carried_over_from,
        previous_grade_sources=() if r.previous_judgment is None else r.previous_judgment.sources,
        summary=r.summary,
        assessments=tuple(
            AssessmentDoc(
                question=a.question,
                grade=_grade_or_ungraded(a.judgment),
                basis=_basis(a.judgment),
                carried_over_from=None if a.judgment is None else a.judgment.carried_over_from,
                grade_sources=() if a.judgment is None else a.judgment.sources,
                previous_grade=_grade_or_ungraded(a.previous),
                previous_basis=_basis(a.previous),
                previous_carried_over_from=None if a.previous is None else a.previous.carried_over_from,
                previous_grade_sources=() if a.previous is None else a.previous.sources,
                summary=a.summary,
                areas_for_improvement=a.areas_for_improvement,
                causes_of_concern=a.causes_of_concern,
            )
            for a in r.assessments
        ),
        measurements=tuple(
            MeasurementDoc(
                metric=m.key,
                label=m.metric.label,
                unit=m.metric.unit,
                value=m.value,
                england_and_wales=m.england_and_wales,
                period=m.metric.period,
                baseline=m.metric.baseline,
                base=m.metric.base,
                source=m.metric.source,
                note=m.note,
            )
            for m in r.measurements
        ),
        outcome_tables=r.outcome_tables,
        provenance=r.provenance,
    )


# ---------------------------------------------------------------------------
# Describing values in messages.


def describe(value: object) -> str:
    """A value as a person would recognise it in their file."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return (
            f"the boolean {str(value).lower()} (YAML reads yes/no/on/off/true/false as booleans: quote text)"
        )
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()} (quote it to make it text)"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _suggest(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


# ---------------------------------------------------------------------------
# Leaf hooks.


def _str(value: object, _: object = None) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"expected text, got {describe(value)}")


def _int(value: object, _: object = None) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"expected a whole number, got {describe(value)}")


def _float(value: object, _: object = None) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            f = float(value)
        except OverflowError:
            raise ValueError(f"the number {value} is too large") from None
        if not math.isfinite(f):
            raise ValueError(f"{value!r} is not a finite number")
        return f
    raise TypeError(f"expected a number, got {describe(value)}")


def _bool(value: object, _: object = None) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"expected true or false, got {describe(value)}")


def _date(value: object, _: object = None) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date, got {describe(value)}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as e:
            raise ValueError(f"{value!r} is not a date: {e}") from None
    raise TypeError(f"expected a date (YYYY-MM-DD), got {describe(value)}")


def _enum_hook(cls: type[enum.Enum], noun: str) -> Callable[[object, object], Any]:
    by_value = {m.value: m for m in cls}
    choices = list(by_value)

    def hook(value: object, _: object = None) -> Any:
        if isinstance(value, str) and value in by_value:
            return by_value[value]
        expected = ", ".join(choices)
        if isinstance(value, str):
            raise ValueError(
                f"{value!r} is not {noun} (expected one of: {expected}){_suggest(value, choices)}"
            )
        raise TypeError(f"expected {noun} (one of: {expected}), got {describe(value)}")

    return hook


def _grade(value: object, _: object = None) -> Grade | Ungraded:
    if isinstance(value, str):
        if value.strip().lower() == "ungraded":
            return Ungraded.UNGRADED
        try:
            return Grade.parse(value)
        except PeelDataError:
            pass
        raise ValueError(grade_error(value) + " or 'ungraded'")
    raise TypeError(f"expected a grade, got {describe(value)}")


def _cycle(value: object, _: object = None) -> Cycle:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        try:
            return Cycle.parse(value)
        except LookupError as e:
            raise ValueError(str(e)) from None
    raise TypeError(f"expected a PEEL cycle such as '2016', got {describe(value)}")


def _force(value: object, _: object = None) -> Force:
    if isinstance(value, str):
        try:
            return find_force(value)
        except LookupError as e:
            raise ValueError(f"unknown force: {e}") from None
    raise TypeError(f"expected a force's id or name, got {describe(value)}")


_PERIOD_KEYS = ("start", "end")


def _period(value: object, _: object = None) -> Period:
    if isinstance(value, str):
        return Period.parse(value)
    if isinstance(value, dict):
        problems: list[tuple[Path, str]] = []
        for key in value:
            if key not in _PERIOD_KEYS:
                problems.append(
                    (
                        (key,),
                        f"unknown field {key!r} in a period (expected start and end){_suggest(str(key), list(_PERIOD_KEYS))}",
                    )
                )
        dates: dict[str, dt.date] = {}
        for key in _PERIOD_KEYS:
            if key not in value:
                problems.append(((), f"a period needs {key!r}"))
                continue
            try:
                dates[key] = _date(value[key])
            except (TypeError, ValueError) as e:
                problems.append(((key,), str(e)))
        if problems:
            raise PathErrors(problems)
        return Period(dates["start"], dates["end"])
    raise TypeError(
        f"expected a period ('12 months to 30 June 2016', or start and end dates), got {describe(value)}"
    )


# ---------------------------------------------------------------------------
# Containers: tuples and attrs classes, collecting every problem.


class PartialIterableError(IterableValidationError):
    """An iterable whose items did not all structure; ``partial`` holds the rest."""

    partial: dict[int, Any]


class PartialClassError(ClassValidationError):
    """A class that did not structure; ``partial`` holds the fields that did."""

    partial: dict[str, Any]


def _note(exc: Exception, note: str) -> Exception:
    setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010 - notes of cattrs' types, not str
    return exc


def _tuple_hook(
    converter: cattrs.Converter, item_type: Any, tp: Any
) -> Callable[[object, object], tuple[Any, ...]]:
    structure_item = _hook_for(converter, item_type)

    def hook(value: object, _: object = None) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"expected a list, got {describe(value)}")
        out: list[Any] = []
        errors: list[Exception] = []
        partial: dict[int, Any] = {}
        for i, item in enumerate(value):
            try:
                s = structure_item(item, item_type)
            except Exception as e:  # noqa: BLE001 - every problem is collected
                errors.append(_note(e, IterableValidationNote(f"item {i}", i, item_type)))
            else:
                out.append(s)
                partial[i] = s
        if errors:
            err = PartialIterableError("invalid items", errors, tp)
            err.partial = partial
            raise err
        return tuple(out)

    return hook


def _optional_inner(tp: Any) -> tuple[bool, Any]:
    """Whether ``tp`` admits None, and the type without None."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != len(typing.get_args(tp)):
            inner = args[0] if len(args) == 1 else functools.reduce(operator.or_, args)
            return True, inner
    return False, tp


def _hook_for(converter: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    optional, inner = _optional_inner(tp)
    if not optional:
        return converter.get_structure_hook(tp)
    inner_hook = converter.get_structure_hook(inner)

    def hook(value: object, _: object = None) -> Any:
        return None if value is None else inner_hook(value, inner)

    return hook


ClassPost = Callable[[dict[str, Any], dict[str, Exception]], Any]


def _class_hook(
    converter: cattrs.Converter, cls: type[Any], post: ClassPost | None = None
) -> Callable[[object, object], Any]:
    fields = attrs.fields(attrs.resolve_types(cls))
    names = [f.name for f in fields]
    required = {f.name for f in fields if f.default is attrs.NOTHING}
    hooks = {f.name: _hook_for(converter, f.type) for f in fields}
    types_ = {f.name: f.type for f in fields}
    noun = _NOUNS.get(cls, cls.__name__)

    def hook(value: object, _: object = None) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected a mapping for {noun}, got {describe(value)}")
        errors: dict[str, Exception] = {}
        extra: list[Exception] = []
        done: dict[str, Any] = {}
        for key in value:
            if key not in hooks:
                hint = _suggest(str(key), names)
                extra.append(
                    _note(
                        ValueError(f"unknown field {key!r} in {noun}{hint}"),
                        AttributeValidationNote(str(key), str(key), None),
                    )
                )
        for name in names:
            if name not in value:
                if name in required:
                    errors[name] = _note(
                        _Missing(f"missing required field {name!r} in {noun}"),
                        AttributeValidationNote("", "", None),
                    )
                continue
            try:
                done[name] = hooks[name](value[name], types_[name])
            except Exception as e:  # noqa: BLE001 - every problem is collected
                errors[name] = _note(e, AttributeValidationNote(f"field {name}", name, types_[name]))
        if post is not None:
            try:
                result = post(done, errors)
            except Exception as e:  # noqa: BLE001
                extra.append(e)
            else:
                if not errors and not extra:
                    return result
        elif not errors and not extra:
            try:
                return cls(**done)
            except PathErrors:
                raise
            except (TypeError, ValueError) as e:
                errors.update(_field_errors(cls, done) or {"": e})
        err = PartialClassError(f"invalid {noun}", [*errors.values(), *extra], cls)
        err.partial = done
        raise err

    return hook


def _field_errors(cls: type[Any], done: dict[str, Any]) -> dict[str, Exception]:
    """Run a class's field validators one by one, to tell which field is wrong.

    The instance is assembled without ``__init__`` (so without its
    validators) and each validator is then called on its own.
    """
    inst = object.__new__(cls)
    for a in attrs.fields(cls):
        if a.name in done:
            value = done[a.name]
        elif isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            value = a.default.factory()
        else:
            value = a.default
        object.__setattr__(inst, a.name, value)
    errors: dict[str, Exception] = {}
    for a in attrs.fields(cls):
        if a.validator is None:
            continue
        try:
            a.validator(inst, a, getattr(inst, a.name))
        except (TypeError, ValueError) as e:
            errors[a.name] = _note(e, AttributeValidationNote(f"field {a.name}", a.name, a.type))
    return errors


class _Missing(ValueError):
    """A required key that is not there: reported at the mapping itself."""


_NOUNS: dict[type, str] = {}


def _report_post(done: dict[str, Any], errors: dict[str, Exception]) -> InspectionReport | None:
    problems: list[tuple[Path, str]] = []

    def judgment(prefix: str) -> Judgment | None:
        g, b, c, src = (f"{prefix}{k}" for k in ("grade", "basis", "carried_over_from", "grade_sources"))
        if any(k in errors for k in (g, b, c, src)):
            return None
        j, p = _judgment(done.get(g), done.get(b), done.get(c), g, b, c, done.get(src, ()))
        problems.extend(p)
        return j

    overall = judgment("")
    previous = judgment("previous_")

    def items(name: str) -> list[tuple[int, Any]]:
        if name in done:
            return list(enumerate(done[name]))
        exc = errors.get(name)
        return sorted(getattr(exc, "partial", {}).items())

    assessments: list[tuple[int, Assessment]] = []
    for i, doc in items("assessments"):
        a, p = _assessment(doc)
        problems.extend((("assessments", i, *path), msg) for path, msg in p)
        if a is not None:
            assessments.append((i, a))
    measurements: list[tuple[int, Measurement]] = []
    for i, doc in items("measurements"):
        try:
            measurements.append((i, _measurement(doc)))
        except PathErrors as e:
            problems.extend((("measurements", i, *path), msg) for path, msg in e.problems)
    tables = items("outcome_tables")
    if "cycle" in done:
        problems.extend(
            parts_problems(
                done["cycle"],
                done.get("pillar", Pillar.EFFECTIVENESS),
                overall,
                previous,
                assessments,
                measurements,
                tables,
            )
        )
    if problems:
        raise PathErrors(problems)
    if errors:
        return None
    return InspectionReport(
        force=done["force"],
        cycle=done["cycle"],
        pillar=done.get("pillar", Pillar.EFFECTIVENESS),
        judgment=overall,
        previous_judgment=previous,
        summary=done.get("summary", ""),
        assessments=tuple(a for _, a in assessments),
        measurements=tuple(m for _, m in measurements),
        outcome_tables=done.get("outcome_tables", ()),
        provenance=done.get("provenance"),
    )


def _outcome_row(converter: cattrs.Converter) -> Callable[[object, object], Any]:
    type_row = converter.get_structure_hook(OutcomeTypeRow)
    group_row = converter.get_structure_hook(OutcomeGroupRow)

    def hook(value: object, _: object = None) -> Any:
        if isinstance(value, dict):
            if "group" in value:
                return group_row(value, OutcomeGroupRow)
            if "outcome" in value:
                return type_row(value, OutcomeTypeRow)
            raise ValueError(
                "an outcome row has either 'outcome' (a type's number) or 'group' (a group's label)"
            )
        raise TypeError(f"expected a mapping for an outcome row, got {describe(value)}")

    return hook


# ---------------------------------------------------------------------------
# Unstructuring.


def _period_out(p: Period) -> Any:
    text = str(p)
    try:
        if Period.parse(text) == p:
            return text
    except ValueError:
        pass
    return {"start": p.start, "end": p.end}


@functools.cache
def converter() -> cattrs.Converter:
    """The converter, built once on first use."""
    c = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    _NOUNS.update(
        {
            ReportDoc: "a report",
            AssessmentDoc: "an assessment",
            MeasurementDoc: "a measurement",
            OutcomeTable: "an outcome table",
            OutcomeTypeRow: "an outcome row",
            OutcomeGroupRow: "an outcome group row",
            OutcomeTotal: "an outcome total",
            Provenance: "the provenance",
            CauseOfConcern: "a cause of concern",
        }
    )
    for tp, fn in ((str, _str), (int, _int), (float, _float), (bool, _bool), (dt.date, _date)):
        c.register_structure_hook(tp, fn)
    c.register_structure_hook(Cycle, _cycle)
    c.register_structure_hook(Force, _force)
    c.register_structure_hook(Period, _period)
    c.register_structure_hook_func(lambda t: t == GradeOrUngraded, _grade)
    for cls, noun in (
        (Unit, "a unit"),
        (Pillar, "a pillar"),
        (Basis, "a basis"),
        (OutcomeMeasure, "an outcome measure"),
    ):
        c.register_structure_hook(cls, _enum_hook(cls, noun))

    def is_tuple(t: Any) -> bool:
        args = typing.get_args(t)
        return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis

    c.register_structure_hook_factory(is_tuple, lambda t: _tuple_hook(c, typing.get_args(t)[0], t))
    c.register_structure_hook_factory(
        lambda t: attrs.has(t) and t is not ReportDoc, lambda t: _class_hook(c, t)
    )
    # Hooks are built eagerly for ReportDoc's fields, so the union's must exist first.
    c.register_structure_hook_func(lambda t: t == (OutcomeTypeRow | OutcomeGroupRow), _outcome_row(c))
    c.register_structure_hook(ReportDoc, _class_hook(c, ReportDoc, _report_post))

    # Out: plain data, tuples as lists, defaults left out so files stay short.
    c.register_unstructure_hook(Force, lambda f: f.id)
    c.register_unstructure_hook(Cycle, lambda cy: cy.value)
    c.register_unstructure_hook(Period, _period_out)
    c.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    c.register_unstructure_hook_func(lambda t: t == GradeOrUngraded, lambda e: e.value)

    def tuple_out(t: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        item = c.get_unstructure_hook(typing.get_args(t)[0])
        return lambda seq: [item(x) for x in seq]

    c.register_unstructure_hook_factory(is_tuple, tuple_out)
    c.register_unstructure_hook_func(
        lambda t: t == (OutcomeTypeRow | OutcomeGroupRow), lambda r: c.unstructure(r, type(r))
    )
    from cattrs.gen import make_dict_unstructure_fn, override

    c.register_unstructure_hook_factory(
        attrs.has, lambda t: make_dict_unstructure_fn(t, c, _cattrs_omit_if_default=True)
    )
    # The pillar is always written: a reader should not have to know the default.
    c.register_unstructure_hook(
        ReportDoc,
        make_dict_unstructure_fn(
            ReportDoc, c, _cattrs_omit_if_default=True, pillar=override(omit_if_default=False)
        ),
    )
    return c


def structure_report(data: object) -> InspectionReport:
    """A report from parsed data; raises the cattrs/PathErrors tree on failure."""
    return typing.cast(InspectionReport, converter().structure(data, ReportDoc))


def unstructure_report(report: InspectionReport) -> dict[str, Any]:
    """A report as plain data in the file format."""
    return typing.cast(dict[str, Any], converter().unstructure(report_to_doc(report), ReportDoc))


# ---------------------------------------------------------------------------
# Turning an exception tree into (path, message) pairs.


def flatten(exc: BaseException, path: Path = ()) -> list[tuple[Path, str]]:
    """Every leaf problem of an exception tree, with its path."""
    if isinstance(exc, PathErrors):
        return [(path + p, m) for p, m in exc.problems]
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        out: list[tuple[Path, str]] = []
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", []):
                if isinstance(note, AttributeValidationNote) and note.name:
                    sub_path = (*path, note.name)
                elif isinstance(note, IterableValidationNote):
                    sub_path = (*path, note.index)
            out.extend(flatten(sub, sub_path))
        return out
    if isinstance(exc, PeelDataError):
        return [(path, p.message) for p in exc.problems]
    if isinstance(exc, RecursionError):
        return [(path, "the data is nested too deeply")]
    return [(path, str(exc) or type(exc).__name__)]
