"""The cattrs converter of the model: :data:`converter`, configured here, once.

Everything between mappings and the model's records goes through it: the
loaders, :func:`~peel_effectiveness.dump`, the bundled data, and any script
or package that (un)structures the model, on its own or inside its own
attrs classes.

What it adds to a plain :class:`cattrs.Converter`:

* Strict hooks for the value types, which are the model's own value rules
  (:mod:`peel_effectiveness.model._values`): text stays text and numbers
  numbers (no ``"1"`` from ``1``, no list of characters from a text), dates
  are ISO text, enums are their words in any spelling the enum reads.
* For each record of the model, the data-file format: the keys some fields
  are written under (``grade_sources``), the records written flat in their
  parent (a report's ``grade`` is its judgment's), unknown keys refused
  with a suggestion, defaults left out when writing. Each field is read by
  its type's hook and checked by its attrs validator, so that cattrs'
  detailed validation names every field that fails, not only the first.

Unstructured data are ready for ``json.dumps`` and ``yaml.safe_dump``.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import AttributeValidationNote, ClassValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ..errors import PeelDataError, Problem, dotted_path, path_keys
from ..model._values import (
    Valid,
    Words,
    boolean,
    date,
    describe,
    fail,
    listed,
    member,
    number,
    shorten,
    suggest,
    text,
    whole,
)
from ..model.dataset import Dataset
from ..model.force import Force, force
from ..model.grades import Grade, NoGrade, grade_or_reason
from ..model.judgments import Judgment, OtherGrade
from ..model.metrics import Measurement, MetricDefinition, Period, period
from ..model.monitoring import EngageDate, Stay, engage_date
from ..model.outcome_types import OutcomeGroup, OutcomeGrouping, OutcomeType
from ..model.outcomes import OutcomeGroupRow, OutcomeTable, OutcomeTotal, OutcomeTypeRow
from ..model.questions import CoreQuestion
from ..model.reports import Assessment, CauseOfConcern, InspectionReport, Provenance

__all__ = ["LAYOUTS", "converter", "file_keys"]


@attrs.frozen
class Layout:
    """How the data format writes one record class.

    Attributes:
        noun: What messages call one (``"a report"``).
        keys: Fields written under another key, by field name.
        flat: Record-valued fields written flat in this record, each under a
            prefix of its keys (``previous_``: ``previous_grade``...).
    """

    noun: str
    keys: dict[str, str] = attrs.Factory(dict)
    flat: dict[str, str] = attrs.Factory(dict)


LAYOUTS: dict[type[Any], Layout] = {
    InspectionReport: Layout("a report", flat={"judgment": "", "previous_judgment": "previous_"}),
    Assessment: Layout("an assessment", flat={"judgment": "", "previous": "previous_"}),
    Judgment: Layout("a judgment", keys={"sources": "grade_sources", "note": "grade_note"}),
    OtherGrade: Layout("another grade"),
    CauseOfConcern: Layout("a cause of concern"),
    Provenance: Layout("the provenance"),
    Measurement: Layout("a measurement", flat={"metric": ""}),
    MetricDefinition: Layout("a metric", keys={"key": "metric"}),
    Period: Layout("a period ('12 months to 30 June 2016', or start and end dates)"),
    OutcomeTable: Layout("an outcome table"),
    OutcomeTypeRow: Layout("an outcome row"),
    OutcomeGroupRow: Layout("an outcome group row"),
    OutcomeTotal: Layout("an outcome total"),
    Force: Layout("a force"),
    CoreQuestion: Layout("a core question"),
    OutcomeType: Layout("an outcome type"),
    OutcomeGroup: Layout("an outcome group"),
    OutcomeGrouping: Layout("an outcome grouping"),
    Stay: Layout("a stay in Engage"),
}
"""The data format of every record class of the model."""


def record_type(tp: Any) -> type[Any] | None:
    """The record class a field of type ``tp`` holds (through ``| None`` and
    ``tuple[..., ...]``), where it holds one; the first of a union."""
    if isinstance(tp, type) and attrs.has(tp):
        return tp
    for arg in typing.get_args(tp):
        found = record_type(arg)
        if found is not None:
            return found
    return None


def file_keys(cls: type[Any]) -> dict[str, str]:
    """Every key a record of ``cls`` may have in a data file, with the field
    it belongs to (a key of a record written flat belongs to its field)."""
    layout = LAYOUTS[cls]
    out: dict[str, str] = {}
    for a in attrs.fields(attrs.resolve_types(cls)):
        if a.name in layout.flat:
            inner = record_type(a.type)
            assert inner is not None
            out.update((layout.flat[a.name] + k, a.name) for k in file_keys(inner))
        else:
            out[layout.keys.get(a.name, a.name)] = a.name
    return out


class UnknownKey(ValueError):
    """A key a record does not have."""


# ---------------------------------------------------------------------------
# Records.


def _as_read(value: Any, _: Any) -> Any:
    return value


def _structure_record(cls: type[Any], conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    layout = LAYOUTS[cls]
    overrides: dict[str, Any] = {}
    # Plain values go to __init__ as read: the attrs converter of the field
    # converts them and its validator checks them, once. attrs stops at the
    # first field that fails; only then is every plain field checked, so
    # that each problem is named (see _every_field).
    plain: dict[str, attrs.Attribute[Any]] = {}
    for a in attrs.fields(attrs.resolve_types(cls)):
        key = layout.keys.get(a.name)
        if record_type(a.type) is not None:
            overrides[a.name] = cattrs.override(rename=key, struct_hook=conv.get_structure_hook(a.type))
        else:
            plain[layout.keys.get(a.name, a.name)] = a
            # A field with a converter is passed on as read by cattrs itself.
            overrides[a.name] = cattrs.override(rename=key, struct_hook=None if a.converter else _as_read)
    generated = make_dict_structure_fn(
        cls,
        conv,
        _cattrs_forbid_extra_keys=False,
        _cattrs_use_linecache=False,
        _cattrs_prefer_attrib_converters=True,
        **overrides,
    )
    keys = file_keys(cls)
    known = keys.keys()
    # Each record written flat: its field, and its keys as written here
    # with the key each is in the record.
    flat = [
        (name, tuple((prefix + k, k) for k in file_keys(record_type(attrs.fields_dict(cls)[name].type))))  # type: ignore[arg-type]
        for name, prefix in layout.flat.items()
    ]
    flat_keys = frozenset(written for _, keys_of in flat for written, _ in keys_of)
    noun = layout.noun

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ is not dict:
            if value.__class__ is cls:
                return value  # built already
            fail(f"expected a mapping for {noun}, got {describe(value)}")
        unknown = [] if value.keys() <= known else [k for k in value if k not in keys]
        if unknown:
            value = {k: v for k, v in value.items() if k in keys}
        if flat:
            rest = {k: v for k, v in value.items() if k not in flat_keys}
            for name, keys_of in flat:
                sub = {k: value[written] for written, k in keys_of if written in value}
                if sub:
                    rest[name] = sub
            value = rest
        try:
            built = generated(value, cls)
        except ClassValidationError as e:
            found = _every_field(e, value)
            more, partial = _rules_without(found, value)
            found += [*more, *_unknown(unknown, keys, noun)]
            error = ClassValidationError(e.message, found, cls)
            # What could be built without the failed fields, for the rules
            # of the record that holds this one.
            error.partial = partial
            raise error from None
        if unknown:
            raise ClassValidationError(
                f"While structuring {cls.__name__}", _unknown(unknown, keys, noun), cls
            )
        return built

    def _every_field(error: ClassValidationError, value: dict[str, Any]) -> list[Exception]:
        """The problems of a record that failed: each field's, named.

        An error without a field's note comes from ``__init__``: the first
        plain field its validators refused, or a rule across fields. Each
        plain field is checked then, by its converter and validator, and
        every one that fails is named; where none does, the error was a
        rule's, and stands.
        """
        noted = [x for x in error.exceptions if _note(x) is not None]
        from_init = [x for x in error.exceptions if _note(x) is None]
        if not from_init:
            return noted
        fields: list[Exception] = []
        for key, a in plain.items():
            if key not in value:
                continue
            raw = value[key]
            try:
                assert isinstance(a.validator, Valid)
                a.validator.check(a.converter(raw) if callable(a.converter) else raw)
            except PeelDataError as e:
                setattr(e, "__notes__", [AttributeValidationNote(f"field {a.name}", a.name, a.type)])  # noqa: B010
                fields.append(e)
        return noted + (fields or from_init)

    def _rules_without(found: list[Exception], value: dict[str, Any]) -> tuple[list[Exception], Any]:
        """The problems the record's own rules find in the fields that are
        right, and the record as it can be built without the fields that
        failed: each left out where it has a default, or built as far as it
        can be (a report's rules on its assessments still run when its
        headline grade is misspelt, and a figure's bounds when the period of
        its metric is)."""
        failed = {note.name: sub for sub in found if (note := _note(sub)) is not None}
        if not failed:
            return [], None
        rest = dict(value)
        for name, sub in failed.items():
            key = layout.keys.get(name, name)
            partial = getattr(sub, "partial", None)
            if partial is not None:
                rest[key] = partial
            elif name in optional_fields:
                rest.pop(key, None)
            else:
                return [], None
        try:
            built = generated(rest, cls)
        except ClassValidationError as again:
            return [sub for sub in again.exceptions if not getattr(sub, "__notes__", None)], None
        return [], built

    optional_fields = {a.name for a in attrs.fields(cls) if a.default is not attrs.NOTHING}
    return structure


def _note(e: BaseException) -> AttributeValidationNote | None:
    """The note naming the field an error is about, where it has one."""
    return next((n for n in getattr(e, "__notes__", ()) if isinstance(n, AttributeValidationNote)), None)


# Unknown keys named one by one, with a suggestion each; the rest counted.
_MOST_UNKNOWN = 99  # and a line for the rest: 100, as many problems as a file lists


def _unknown(unknown: list[Any], keys: dict[str, str], noun: str) -> list[Exception]:
    out: list[Exception] = []
    for k in unknown[:_MOST_UNKNOWN]:
        if not isinstance(k, str):
            e: Exception = UnknownKey(f"the key {k!r} is not text")
        else:
            e = UnknownKey(f"unknown field {shorten(repr(k))} in {noun}{suggest(k, keys)}")
        # Noted as cattrs notes a field, so that the key is in the problem's path.
        setattr(e, "__notes__", [AttributeValidationNote(f"unknown key {k!r}", k, None)])  # noqa: B010
        out.append(e)
    if len(unknown) > _MOST_UNKNOWN:
        out.append(UnknownKey(f"{len(unknown) - _MOST_UNKNOWN} more unknown fields in {noun}, not named"))
    return out


def _unstructure_record(cls: type[Any], conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    layout = LAYOUTS[cls]
    overrides: dict[str, Any] = {
        a.name: cattrs.override(rename=layout.keys.get(a.name)) for a in attrs.fields(cls)
    }
    if cls is InspectionReport:
        # A report names its pillar, even the one a file may leave out.
        overrides["pillar"] = cattrs.override(omit_if_default=False)
    generated = make_dict_unstructure_fn(
        cls, conv, _cattrs_omit_if_default=True, _cattrs_use_linecache=False, **overrides
    )
    flat = layout.flat
    if not flat and cls is not InspectionReport:
        return generated

    def unstructure(record: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in generated(record).items():
            if k in flat:
                out.update((flat[k] + sub, x) for sub, x in v.items())
            elif v is not None or k != "pillar":
                out[k] = v
        return out

    return unstructure


# ---------------------------------------------------------------------------
# Value types with a text form.


def _structure_force(value: Any, _: Any) -> Force:
    # Data files name one of the 43 forces by its id; a force of your own
    # is written out whole.
    if value.__class__ is dict:
        return _force_record(value, Force)  # type: ignore[no-any-return]
    return force(value)


def _unstructure_force(f: Force) -> Any:
    try:
        known = force(f.id)
    except ValueError:
        known = None
    return f.id if known == f else _force_mapping(f)


def _structure_period(value: Any, _: Any) -> Period:
    if value.__class__ is dict:
        return _period_record(value, Period)  # type: ignore[no-any-return]
    return period(value)


def _unstructure_period(p: Period) -> Any:
    shown = str(p)
    try:
        same = Period.parse(shown) == p
    except ValueError:
        same = False
    return shown if same else {"start": p.start.isoformat(), "end": p.end.isoformat()}


def _structure_row(_: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    group_row = conv.get_structure_hook(OutcomeGroupRow)
    type_row = conv.get_structure_hook(OutcomeTypeRow)

    def structure(value: Any, _: Any) -> OutcomeTypeRow | OutcomeGroupRow:
        # A row is a type's or a group's, told apart by its key.
        if value.__class__ is OutcomeTypeRow or value.__class__ is OutcomeGroupRow:
            return value
        if value.__class__ is dict:
            if "group" in value or "outcomes" in value:
                return group_row(value, OutcomeGroupRow)  # type: ignore[no-any-return]
            if "outcome" in value:
                return type_row(value, OutcomeTypeRow)  # type: ignore[no-any-return]
            fail(
                "an outcome row has either 'outcome' (one type) or 'group' and 'outcomes' (a group of types)"
            )
        fail(f"expected a mapping for an outcome row, got {describe(value)}")

    return structure


def _structure_words(tp: Any) -> Callable[[Any, Any], Any]:
    find = member(tp)
    return lambda value, _: find(value)


# A dataset is written as its list of reports, or, where it holds stays in
# Engage, as a mapping of the two lists.
_REPORTS, _STAYS = tuple[InspectionReport, ...], tuple[Stay, ...]


def _structure_dataset(value: Any, _: Any) -> Dataset:
    if value.__class__ is dict:
        unknown = set(value) - {"reports", "monitoring"}
        if unknown:
            fail(f"a dataset has reports and monitoring, not {', '.join(map(repr, sorted(unknown)))}")
        reports = converter.get_structure_hook(_REPORTS)(value.get("reports", []), _REPORTS)
        stays = converter.get_structure_hook(_STAYS)(value.get("monitoring", []), _STAYS)
        return Dataset(reports, stays)
    return Dataset(converter.get_structure_hook(_REPORTS)(value, _REPORTS))


def _unstructure_dataset(data: Dataset) -> Any:
    reports = converter.unstructure(data.reports, _REPORTS)
    if not data.stays:
        return reports
    return {"reports": reports, "monitoring": converter.unstructure(data.stays, _STAYS)}


def _is_words(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Words)


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _structure_tuple(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    items = homogenous_tuple_structure_factory(tp, conv)

    def structure(value: Any, _: Any) -> Any:
        # A text or a mapping is iterable too, and is never what a list means.
        return items(listed(value), tp)

    return structure


def _is_record(tp: Any) -> bool:
    return tp in LAYOUTS


def _optional_record(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, types.UnionType)
        and len(args) == 2
        and args[1] is type(None)
        and _is_record(args[0])
    )


def _structure_optional_record(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # cattrs finds the record's hook for every value; a record's hook is
    # found once here, as for a record that is not optional.
    record = typing.get_args(tp)[0]
    structure = conv.get_structure_hook(record)
    return lambda value, _: None if value is None else structure(value, record)


def _union_of_records(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and set(typing.get_args(tp)) == {
        OutcomeTypeRow,
        OutcomeGroupRow,
    }


class PeelConverter(cattrs.Converter):
    """A :class:`cattrs.Converter` whose :meth:`structure` raises
    :class:`~peel_effectiveness.PeelDataError` naming every problem with its
    path (the tree of cattrs' errors is the exception's ``__cause__``)."""

    def structure(self, obj: Any, cl: Any) -> Any:
        """``obj`` as a ``cl``, or :class:`PeelDataError` naming every problem."""
        try:
            return super().structure(obj, cl)
        except (cattrs.BaseValidationError, ValueError, TypeError) as e:
            found = list(problems_of(e, cl))
            raise PeelDataError(Problem(m, path=dotted_path(p)) for p, m in found) from e


def _make() -> PeelConverter:
    conv = PeelConverter(unstruct_collection_overrides={tuple: list})
    # Registered in order: later registrations are tried first.
    for tp, rule in ((str, text), (int, whole), (float, number), (bool, boolean), (dt.date, date)):
        conv.register_structure_hook(tp, lambda v, _, rule=rule: rule(v))
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook_factory(_is_words, _structure_words)
    conv.register_unstructure_hook_func(
        lambda tp: isinstance(tp, type) and issubclass(tp, enum.Enum), lambda e: e.value
    )
    conv.register_structure_hook(Grade | NoGrade, lambda v, _: grade_or_reason(v))
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _structure_tuple)
    conv.register_structure_hook_factory(_is_record, _structure_record)
    conv.register_structure_hook_factory(_optional_record, _structure_optional_record)
    conv.register_unstructure_hook_factory(_is_record, _unstructure_record)
    conv.register_structure_hook(Force, _structure_force)
    conv.register_unstructure_hook(Force, _unstructure_force)
    conv.register_structure_hook(EngageDate, lambda v, _: engage_date(v))
    conv.register_unstructure_hook(EngageDate, lambda d: d.iso)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_unstructure_hook(Period, _unstructure_period)
    conv.register_structure_hook_factory(_union_of_records, _structure_row)
    conv.register_structure_hook(Dataset, _structure_dataset)
    conv.register_unstructure_hook(Dataset, _unstructure_dataset)
    return conv


converter: PeelConverter = _make()
"""The cattrs converter of the model: the one way between mappings and records.

Examples:
    >>> import json
    >>> import peel_effectiveness as pe
    >>> report = pe.converter.structure({"force": "kent", "cycle": 2016, "grade": "good"}, pe.InspectionReport)
    >>> report.judgment
    Judgment(grade=<Grade.GOOD: 'good'>, basis=<Basis.STATED: 'stated'>, carried_over_from=None, sources=(), note='', other_grades=())
    >>> json.dumps(pe.converter.unstructure(report))
    '{"force": "kent", "cycle": "2016", "pillar": "effectiveness", "grade": "good"}'

Start from a copy to add hooks of your own: ``mine = pe.converter.copy()``.
"""

_period_record = _structure_record(Period, converter)
_force_record = _structure_record(Force, converter)
_force_mapping = _unstructure_record(Force, converter)


# ---------------------------------------------------------------------------
# Problems: cattrs' tree of errors as (path, message) pairs, the paths in the
# data file's keys.


Path = tuple[str | int, ...]


def problems_of(
    exc: BaseException, cls: Any, path: Path = (), prefix: str = ""
) -> Iterator[tuple[Path, str]]:
    """Every problem in ``exc``, raised structuring a value of type ``cls``,
    with its path in the data file (``path``: where the value is; ``prefix``:
    the prefix of its keys, for a record written flat in its parent)."""
    if isinstance(exc, cattrs.BaseValidationError):
        holder = exc.cl if isinstance(exc, ClassValidationError) else cls
        for sub in exc.exceptions:
            note = next(
                (
                    n
                    for n in getattr(sub, "__notes__", ())
                    if isinstance(n, (AttributeValidationNote, cattrs.IterableValidationNote))
                ),
                None,
            )
            if isinstance(note, AttributeValidationNote) and isinstance(sub, UnknownKey):
                yield (*path, prefix + note.name), str(sub)
            elif isinstance(note, AttributeValidationNote):
                where, sub_prefix, inner = _step(holder, note.name, path, prefix)
                yield from problems_of(sub, inner, where, sub_prefix)
            elif isinstance(note, cattrs.IterableValidationNote):
                yield from problems_of(sub, note.type, (*path, note.index), prefix)
            else:
                yield from problems_of(sub, holder, path, prefix)
    elif isinstance(exc, PeelDataError):
        for p in exc.problems:
            yield _file_path(cls, path_keys(p.path), path, prefix), p.message
    elif isinstance(exc, UnknownKey):
        yield path, str(exc)
    elif isinstance(exc, KeyError):
        yield path, f"missing required field {path[-1]!r}" if path else f"missing required field {exc}"
    else:
        yield path, f"cannot be read: {exc}"


def _step(cls: Any, name: str, path: Path, prefix: str) -> tuple[Path, str, Any]:
    """Where a field's value is, the prefix of its keys, and its type."""
    layout = LAYOUTS.get(cls)
    if layout is None or not attrs.has(cls):
        return (*path, prefix + name), "", None
    a = attrs.fields_dict(cls).get(name)
    tp = a.type if a is not None else None
    if name in layout.flat:
        return path, prefix + layout.flat[name], record_type(tp)
    return (*path, prefix + layout.keys.get(name, name)), "", tp


def _file_path(cls: Any, keys: Path, path: Path, prefix: str) -> Path:
    """The file path of a model path (field names) inside a value of ``cls``."""
    for k in keys:
        if isinstance(k, int):
            path = (*path, k)
            continue
        holder = record_type(cls)
        if holder is None:
            path, prefix = (*path, prefix + k), ""
            continue
        path, prefix, cls = _step(holder, k, path, prefix)
        if k == "reports" and holder is Dataset:
            cls = InspectionReport
    return path
