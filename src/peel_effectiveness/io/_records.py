"""The converter's hooks of the model's records, made from their layouts
(:mod:`._layout`).

A record's hooks refuse unknown keys with a suggestion, leave defaults out
when writing, and pass each plain field to attrs' own ``__init__``, whose
converter and validator read and check it once; where a record fails, every
field is checked so that each problem is named (cattrs' detailed
validation), and what could be built of it is kept on its error for the
rules of the record that holds it.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ..errors import PeelDataError, Problem, path_keys
from ..model._judgment_checks import checking_only
from ..model._messages import describe, fail
from ..model._values import StandIn
from ..model.force import Force
from ..model.reports import InspectionReport
from ._layout import LAYOUTS, file_keys, mapping_of, record_type
from ._partial import Kept, Where, for_holder_alone, not_of, partial_of, renumbered
from ._shared import shared
from ._unknown_keys import unknown_keys
from ._yours import by_hooks, check_field, yours_first

__all__ = ["structure_record", "unstructure_record"]


def _as_read(value: Any, _: Any) -> Any:
    return value


def _when_needed(conv: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    """The structure hook of a list of records, made when a file first has
    one: most reports have no figures or outcome tables, and a command that
    reads none need not make their hooks."""
    hook: Callable[[Any, Any], Any] | None = None

    def structure(value: Any, _: Any) -> Any:
        nonlocal hook
        if hook is None:
            hook = conv.get_structure_hook(tp)
        return hook(value, tp)

    return structure


def structure_record(cls: type[Any], conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The structure hook of a record class of the model (a hook factory of
    the converter's): cattrs' own, made with the class's layout, behind
    the checks of the module's docs."""
    layout = LAYOUTS[cls]
    overrides: dict[str, Any] = {}
    # Plain values go to __init__ as read: the attrs converter of the field
    # converts them and its validator checks them, once. attrs stops at the
    # first field that fails; only then is every plain field checked, so
    # that each problem is named (see _every_field).
    plain: dict[str, tuple[attrs.Attribute[Any], Callable[[Any, Any], Any] | None]] = {}
    for a in attrs.fields(attrs.resolve_types(cls)):
        key = layout.keys.get(a.name)
        record = record_type(a.type)
        # A value of a type a hook of yours is for, read with the hook first.
        if record is None and by_hooks(conv, a.type):
            read = conv.get_structure_hook(a.type)
            plain[layout.keys.get(a.name, a.name)] = a, read
            overrides[a.name] = cattrs.override(rename=key, struct_hook=yours_first(read, a))
        elif record is not None:
            if a.name in layout.flat:
                # Only ever a mapping, which structure() below gathers from
                # the flat keys, and only where the file has one of them:
                # read as the data format has it, whatever hook of yours is
                # for the record's class (its keys are the holder's own). The
                # converter's own hook where none of yours is: that one is
                # made once for every holder.
                hook = (
                    structure_record(record, conv)
                    if by_hooks(conv, record)
                    else conv.get_structure_hook(record)
                )
            elif typing.get_origin(a.type) is tuple:
                hook = _when_needed(conv, a.type)
            else:
                hook = conv.get_structure_hook(a.type)
            overrides[a.name] = cattrs.override(rename=key, struct_hook=hook)
        else:
            plain[layout.keys.get(a.name, a.name)] = a, None
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
    # Each key of a record written flat here, with the field and the key it
    # is in that record.
    flat = {
        prefix + k: (name, k)
        for name, prefix in layout.flat.items()
        for k in file_keys(record_type(attrs.fields_dict(cls)[name].type))  # type: ignore[arg-type]
    }
    # The keys each record written flat here needs, as written in it (a
    # judgment's "grade"), and those of these records the record cannot do
    # without (a measurement's metric).
    needs: dict[str, list[str]] = {}
    for name in layout.flat:
        inner: Any = record_type(attrs.fields_dict(cls)[name].type)
        inner_keys = LAYOUTS[inner].keys
        needs[name] = [
            inner_keys.get(a.name, a.name) for a in attrs.fields(inner) if a.default is attrs.NOTHING
        ]
    required_flat = [name for name in layout.flat if attrs.fields_dict(cls)[name].default is attrs.NOTHING]
    noun = layout.noun
    # The keys of each record held under a key of its own (a report's
    # provenance), with the keys they are under: where an unknown key is one.
    # (Not a force's: the 43 are named by id, and its keys would send a
    # reader to write one out whole.)
    held_under: dict[str, list[str]] = {}
    for a in attrs.fields(cls):
        inner = record_type(a.type)
        if (
            a.name not in layout.flat
            and typing.get_origin(a.type) is not tuple
            and inner in LAYOUTS
            and inner is not Force
        ):
            for k in file_keys(inner):
                held_under.setdefault(k, []).append(layout.keys.get(a.name, a.name))

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ is not dict:
            if value.__class__ is cls:
                return value  # built already
            read = mapping_of(value)
            if read is None:
                fail(f"expected a mapping for {noun}, got {describe(value)}")
            value = read
        unknown = [] if value.keys() <= known else [k for k in value if k not in keys]
        if unknown:
            value = {k: v for k, v in value.items() if k in keys}
            # A key the reader refused (017) is its problem, said by it.
            unknown = [k for k in unknown if k.__class__ is not StandIn]
        if flat:
            rest: dict[Any, Any] = {}
            records: dict[str, dict[str, Any]] = {}
            for k, v in value.items():
                into = flat.get(k)
                if into is None:
                    rest[k] = v
                elif into[0] in records:
                    records[into[0]][into[1]] = v
                else:
                    records[into[0]] = {into[1]: v}
            for name in required_flat:
                # None of its keys given: each it needs is said missing.
                records.setdefault(name, {})
            rest.update(records)
            value = rest
        try:
            built = generated(value, cls)
        except ClassValidationError as e:
            found = _every_field(e, value)
            if flat:
                found = [_given_alone(x, value) for x in found]
            more, partial, for_holder, at = _rules_without(found, value)
            found += [*more, *unknown_keys(unknown, keys, noun, held_under)]
            error = ClassValidationError(e.message, found, cls)
            # What could be built without the failed fields, for the rules
            # of the record that holds this one (and of those above it,
            # unless built with a stand-in they read), and where the items
            # of its lists built in part were (a holder's rules name them).
            error.partial = partial
            error.for_holder_alone = for_holder
            error.kept_at = at
            raise error from None
        if unknown:
            error = ClassValidationError(
                f"While structuring {cls.__name__}", unknown_keys(unknown, keys, noun, held_under), cls
            )
            error.partial = built  # the record without its unknown keys, for the rules of its holder
            raise error
        return built

    def _given_alone(error: Exception, value: dict[str, Any]) -> Exception:
        """A record written flat here, some of its keys given and not one
        it needs (a judgment's note, not its grade): said at the first key
        given, whose line the reader knows, and as what to do."""
        note = _note(error)
        if note is None or note.name not in needs or not isinstance(error, ClassValidationError):
            return error
        given = value.get(note.name)
        missing = [k for k in needs[note.name] if given.__class__ is dict and k not in given]
        if not missing or note.name in required_flat or not given:
            return error
        prefix = layout.flat[note.name]
        inner = error.cl
        field = file_keys(inner)[next(iter(given))]
        said = " and ".join(prefix + k for k in missing)
        why = (
            f"{prefix}{next(iter(given))} goes with {said}: give {said}, or leave "
            + " and ".join(prefix + k for k in given)
            + " out"
        )
        others = [x for x in error.exceptions if not isinstance(x, KeyError)]
        alone = ClassValidationError(
            error.message, [*others, PeelDataError([Problem(why, path=field)])], inner
        )
        alone.__notes__ = error.__notes__
        return alone

    def _every_field(error: ClassValidationError, value: dict[str, Any]) -> list[Exception]:
        """The problems of a record that failed: each field's, named.

        A field's note marks a problem of a field cattrs structures (a
        record, a list, a force...). An error without one comes from
        ``__init__``: the first plain field its validators refused, or a
        rule across fields. ``__init__`` checks the plain fields, and does
        not run where a field cattrs structures failed, so each plain field
        is checked here, by its converter and validator, and every one that
        fails is named; where none does, an error from ``__init__`` was a
        rule's, and stands. (A hook of yours for a field's type reads it
        first; where it refused the value, the field's problem is noted
        already: see _yours.by_hooks.)
        """
        noted = [x for x in error.exceptions if _note(x) is not None]
        from_init = [x for x in error.exceptions if _note(x) is None]
        fields: list[Exception] = []
        for key, (a, read) in plain.items():
            if key not in value:
                continue
            raw = value[key]
            try:
                raw = raw if read is None else read(raw, a.type)
            except Exception:  # noqa: BLE001 - said as the field's (see _yours_first)
                continue
            try:
                check_field(a, raw)
            except PeelDataError as e:
                setattr(e, "__notes__", [AttributeValidationNote(f"field {a.name}", a.name, a.type)])  # noqa: B010
                fields.append(e)
        return noted + (fields or from_init)

    def _rules_without(
        found: list[Exception], value: dict[str, Any]
    ) -> tuple[list[Exception], Any, bool, Where]:
        """The problems the record's own rules find in the fields that are
        right, and the record as it can be built without the fields that
        failed: each left out where it has a default, or built as far as it
        can be (a report's rules on its assessments still run when its
        headline grade is misspelt, and a figure's bounds when the period of
        its metric is)."""
        failed = {note.name: sub for sub in found if (note := _note(sub)) is not None}
        quiet = checking_only.set(True)
        try:
            if failed:
                return _built_without(failed, value)
            # Every field read: only the record's own rules refused it.
            rest, at = dict(value), Where()
            built = _built_without_refused(found, rest, at)
            return [], built, False, at if built is not None else {}
        finally:
            checking_only.reset(quiet)

    def _built_without_refused(found: list[Exception], rest: dict[str, Any], at: Where) -> Any:
        """The record built of ``rest`` without the items of its lists that
        its own rules refused (``found``: an other grade the same as the
        grade in force), for the rules of the record holding it, which
        would not run at all (their problems said only once this one is
        mended); ``None`` where it cannot be."""
        if not _left_out_refused(found, rest, at):
            return None
        try:
            return generated(rest, cls)
        except Exception:  # noqa: BLE001 - its problems are said already
            return None

    def _left_out_refused(found: list[Exception], rest: dict[str, Any], at: Where) -> bool:
        """``rest`` without the items of its lists the record's own rules
        refused (their problems' paths, among the items given), and ``at``
        kept as where the rest were in the file; ``False``, and nothing
        changed, where a rule names anything else."""
        drop: dict[str, set[int]] = {}
        for e in found:
            for p in e.problems if isinstance(e, PeelDataError) else ():
                keys = path_keys(p.path)
                if not (len(keys) > 1 and keys[0] in record_lists and isinstance(keys[1], int)):
                    return False  # a rule of the record's own fields: nothing to leave out
                drop.setdefault(str(keys[0]), set()).add(keys[1])
        if not drop or any(not isinstance(rest.get(layout.keys.get(n, n)), (list, tuple)) for n in drop):
            return False
        for name, indices in drop.items():
            key = layout.keys.get(name, name)
            items = rest[key]
            where = at.get((name,), tuple(range(len(items))))
            kept = [i for i in range(len(items)) if i not in indices]
            rest[key] = [items[i] for i in kept]
            at[(name,)] = tuple(where[i] for i in kept)
            # The items' own lists, by their new places among the rest.
            new = {old: n for n, old in enumerate(kept)}
            for k in [k for k in at if len(k) > 2 and k[0] == name]:
                w = at.pop(k)
                if k[1] in new:
                    moved = (name, new[k[1]], *k[2:])
                    at[moved] = w
        return True

    def _built_without(
        failed: dict[str, Exception], value: dict[str, Any]
    ) -> tuple[list[Exception], Any, bool, Where]:
        rest = dict(value)
        at: Where = {}
        stood_in = for_holder = False  # (see Layout.stand_in, Layout.holder_only)
        left_out = set()
        for name, sub in failed.items():
            key = layout.keys.get(name, name)
            partial = partial_of(sub)
            # Where the items of lists built in part were, which this
            # record's rules name under the field: its own list's, and those
            # of the records in it, or of the record it holds (a judgment's
            # other grades).
            if isinstance(partial, Kept):
                at[(name,)] = partial.at
                at |= {(name, j, *k): w for j, inner in partial.inner.items() for k, w in inner.items()}
                partial = partial.items
            else:
                at |= {(name, *k): w for k, w in getattr(sub, "kept_at", {}).items()}
            if partial is not None:
                rest[key] = partial
                # Built with a stand-in this record's rules do not read, and
                # those above it do: for this record's rules alone.
                stood_in = stood_in or for_holder_alone(sub)
            elif name in optional_fields:
                rest.pop(key, None)
                left_out.add(name)
                for_holder = for_holder or name in layout.holder_only
                stood_in = stood_in or name in layout.absence_read
            elif name in layout.stand_in:
                rest[key] = layout.stand_in[name]
                if name in layout.holder_only:
                    for_holder = True
                elif name not in layout.unread:
                    stood_in = True
                left_out.add(name)
            else:
                return [], None, False, at
        try:
            built = generated(rest, cls)
        except ClassValidationError as again:
            found = [sub for sub in again.exceptions if not getattr(sub, "__notes__", None)]
            # A rule's problem with a field left out (or stood in for) is its
            # absence, which the file does not have: the field's own problem is said.
            kept = [not_of(renumbered(sub, at), left_out) for sub in found]
            said = [sub for sub in kept if sub is not None]
            if left_out & layout.absence_read:
                # Its rules read a field left out as one given none (a stay
                # not ended): what they say then is not of the file.
                said = []
            # Items its own rules refuse left out too, for the holder's rules.
            built = _built_without_refused(found, rest, at)
            if built is None:
                return said, None, False, at
            return said, None if stood_in else built, for_holder, at
        return [], None if stood_in else built, for_holder, at

    # The fields that are lists of records (a judgment's other grades).
    record_lists = {
        a.name
        for a in attrs.fields(cls)
        if typing.get_origin(a.type) is tuple and record_type(a.type) is not None
    }
    # The fields a record can be built without: a default that is worked out
    # from the record (a report's pillar, from its cycle) would be a guess
    # for the rules to check, and is no default here.
    optional_fields = {
        a.name
        for a in attrs.fields(cls)
        if a.default is not attrs.NOTHING
        and not (isinstance(a.default, attrs.Factory) and a.default.takes_self)  # type: ignore[arg-type]
    }
    return shared(structure) if layout.shared else structure


def _note(e: BaseException) -> AttributeValidationNote | None:
    """The note naming the field an error is about, where it has one."""
    return next((n for n in getattr(e, "__notes__", ()) if isinstance(n, AttributeValidationNote)), None)


def unstructure_record(cls: type[Any], conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """The unstructure hook of a record class of the model: cattrs' own,
    made with the class's layout (defaults left out, records written flat
    under their prefixes)."""
    layout = LAYOUTS[cls]
    overrides: dict[str, Any] = {}
    for a in attrs.fields(attrs.resolve_types(cls)):
        # A record written flat here is written as the data format has it (a
        # mapping of its keys), whatever hook of yours is for its class.
        inner = record_type(a.type) if a.name in layout.flat else None
        hook = None if inner is None else unstructure_record(inner, conv)
        overrides[a.name] = cattrs.override(rename=layout.keys.get(a.name), unstruct_hook=hook)
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
