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
* For each record of the model, the data-file format (:mod:`._layout`,
  read by the record hooks of :mod:`._records`):
  the keys some fields are written under, the records written flat in
  their parent, unknown keys refused with a suggestion, defaults left out
  when writing.
* For your own classes' lists, sets, mappings and unions, cattrs' own
  hooks kept as strict (:mod:`._collections`, :mod:`._unions`): no list
  from a text, a mapping's keys read back from the text JSON writes them
  as, a union's member written as text read back as itself.
* A :meth:`~PeelConverter.structure` whose errors are problems with paths
  in the data file's keys (:mod:`._problems`).

Unstructured data are ready for ``json.dumps`` and ``yaml.safe_dump``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

import cattrs

from ..errors import PeelDataError, Problem, dotted_path
from ..model._messages import describe, fail
from ..model._values import boolean, day, integer, number, text
from ..model.dataset import Dataset
from ..model.force import Force
from ..model.grades import Grade, NoGrade, grade_or_reason
from ..model.monitoring import EngageDate, Stay, engage_date
from ..model.outcomes import OutcomeGroupRow, OutcomeTypeRow
from ..model.periods import Period
from ..model.reports import InspectionReport
from ._collections import (
    is_any_mapping,
    is_collection,
    is_mapping,
    is_your_class,
    structure_collection,
    structure_mapping,
    structure_your_class,
    unstructure_mapping,
)
from ._layout import mapping_of
from ._lists import is_homogeneous_tuple, is_record, structure_tuple, union_of_records
from ._problems import problems_of
from ._records import structure_record, unstructure_record
from ._unions import is_literal, is_union, structure_literal, structure_union
from ._value_hooks import (
    is_words,
    named_or_whole,
    structure_datetime,
    structure_words,
    unstructure_day,
    unstructure_float,
    unstructure_force,
    unstructure_int,
    unstructure_period,
    when_asked,
)
from ._yours import by_hooks

__all__ = ["converter"]


def _row_written(read: dict[Any, Any]) -> Any:
    """The row a mapping is, told apart by its key as the data format
    writes rows: a group's (``group``, ``outcomes``), a type's
    (``outcome``), or neither (``None``)."""
    if "group" in read or "outcomes" in read:
        return OutcomeGroupRow
    return OutcomeTypeRow if "outcome" in read else None


def _structure_row(_: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    hooks = {
        OutcomeTypeRow: conv.get_structure_hook(OutcomeTypeRow),
        OutcomeGroupRow: conv.get_structure_hook(OutcomeGroupRow),
    }
    if by_hooks(conv, OutcomeTypeRow) or by_hooks(conv, OutcomeGroupRow):
        # What hooks of yours write is read by them, the first that takes it;
        # what neither takes is refused as the row the data format reads it as.
        def blamed(value: Any) -> Any:
            read = mapping_of(value)
            return (read is not None and _row_written(read)) or OutcomeTypeRow

        return _first_taking(tuple(hooks.items()), blamed)

    def structure(value: Any, _: Any) -> OutcomeTypeRow | OutcomeGroupRow:
        if value.__class__ is OutcomeTypeRow or value.__class__ is OutcomeGroupRow:
            return value
        read = mapping_of(value)
        if read is None:
            fail(f"expected a mapping for an outcome row, got {describe(value)}")
        row = _row_written(read)
        if row is None:
            fail(
                "an outcome row has either 'outcome' (one type) or 'group' and 'outcomes' (a group of types)"
            )
        return hooks[row](read, row)  # type: ignore[no-any-return]

    return structure


# A dataset is written as its list of reports, or, where it holds stays in
# Engage, as a mapping of the two lists.
_REPORTS, _STAYS = tuple[InspectionReport, ...], tuple[Stay, ...]


def _structure_dataset(_: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Dataset]:
    whole = when_asked(lambda: structure_record(Dataset, conv))

    def structure(value: Any, _: Any) -> Dataset:
        if value.__class__ is Dataset:
            return value  # built already, as a record is
        read = mapping_of(value)
        if read is None:
            return Dataset(conv.get_structure_hook(_REPORTS)(value, _REPORTS))
        unknown = set(read) - {"reports", "monitoring"}
        if unknown:
            fail(f"a dataset has reports and monitoring, not {', '.join(sorted(map(repr, unknown)))}")
        return whole()(read, Dataset)  # type: ignore[no-any-return]

    return structure


def _unstructure_dataset(_: Any, conv: cattrs.Converter) -> Callable[[Dataset], Any]:
    def unstructure(data: Dataset) -> Any:
        reports = conv.unstructure(data.reports, _REPORTS)
        if not data.stays:
            return reports
        return {"reports": reports, "monitoring": conv.unstructure(data.stays, _STAYS)}

    return unstructure


def _optional_record(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, types.UnionType)
        and len(args) == 2
        and args[1] is type(None)
        and is_record(args[0])
    )


def _structure_optional_record(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # cattrs finds the record's hook for every value; a record's hook is
    # found once here, as for a record that is not optional.
    record = typing.get_args(tp)[0]
    structure = conv.get_structure_hook(record)
    return lambda value, _: None if value is None else structure(value, record)


def _optional_union(tp: Any) -> bool:
    # Grade | NoGrade | None: a union the converter has a hook for, or None.
    args = typing.get_args(tp)
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) > 2 and type(None) in args


def _structure_optional_union(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    rest: Any = typing.Union[tuple(a for a in typing.get_args(tp) if a is not type(None))]  # noqa: UP007
    structure = conv.get_structure_hook(rest)
    return lambda value, _: None if value is None else structure(value, rest)


def _structure_grade_or_reason(_: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A grade or the reason there is none: a word is one or the other. A
    converter with a structure hook of yours for either reads it with its
    hooks of the two, as it writes them (see _yours.by_hooks); what
    neither takes is refused in the data format's words."""
    if not by_hooks(conv, Grade | NoGrade):
        return lambda value, _: grade_or_reason(value)
    # The data format's words where it refuses the value too; else the
    # refusal of the hook of the member the data format reads it as.
    return _first_taking(
        ((Grade, conv.get_structure_hook(Grade)), (NoGrade, conv.get_structure_hook(NoGrade))),
        lambda value: grade_or_reason(value).__class__,
    )


def _first_taking(
    hooks: tuple[tuple[Any, Callable[[Any, Any], Any]], ...], blamed: Callable[[Any], Any]
) -> Callable[[Any, Any], Any]:
    """A union's hook in a converter with hooks of yours for its members:
    the first member's hook that takes the value; where none does, the
    refusal of the member ``blamed`` names (which may raise its own)."""

    def structure(value: Any, _: Any) -> Any:
        refused: dict[Any, Exception] = {}
        for tp, hook in hooks:
            try:
                return hook(value, tp)
            except Exception as e:  # noqa: BLE001 - the other may take it
                refused[tp] = e
        raise refused[blamed(value)]

    return structure


T = TypeVar("T")


def _subclass(tp: Any, cl: Any) -> bool:
    return isinstance(tp, type) and isinstance(cl, type) and issubclass(tp, cl)


def _parts(tp: Any) -> list[Any]:
    """A type and the types in it, through unions and generics."""
    return [tp, *(p for a in typing.get_args(tp) if a is not Ellipsis for p in _parts(a))]


_MISTYPED = (
    "cannot be written ({}: {}): a field holding a value of another type than its own, "
    "which its type's hook cannot write, or a hook's own fault"
)
_TOO_DEEP = (
    "a value nested too deeply to be {}, or a hook that calls itself: Python's recursion limit was reached"
)


class PeelConverter(cattrs.Converter):
    """A :class:`cattrs.Converter` whose :meth:`structure` raises
    :class:`~peel_effectiveness.PeelDataError` naming every problem with its
    path (the tree of cattrs' errors is the exception's ``__cause__``).

    The class of :data:`peel_effectiveness.converter`, which is made and
    configured once, with the model's hooks. For a converter of your own
    hooks, take ``pe.converter.copy()``: ``PeelConverter()`` has none of the
    model's hooks, as ``cattrs.Converter()`` has none of a preconfigured
    converter's.

    Examples:
        >>> import peel_effectiveness as pe
        >>> mine = pe.converter.copy()
        >>> isinstance(mine, PeelConverter), mine.unstructure(pe.Grade.GOOD)
        (True, 'good')
    """

    # What each structure hook registered on it by you is for (a class, or
    # a predicate of types): a value of the model's records of a type one
    # of them is for is read with the converter's hooks, as its writers
    # write it; any other, as the data format reads it (see _yours.by_hooks).
    _yours: tuple[Callable[[Any], bool], ...] = ()

    def register_structure_hook(self, cl: Any, func: Any = None) -> Any:
        if func is not None and typing.get_origin(cl) in (typing.Union, types.UnionType):
            # cattrs keeps a union's hook apart, behind the hooks made by
            # factories, where the converter's own hook of unions would
            # hide it; as a predicate's (cattrs' way with a union's
            # unstructure hook), it is tried first, as a class's hook is.
            self.register_structure_hook_func(lambda tp: tp == cl, func)
            return None
        self._yours = (*self._yours, lambda tp: tp == cl or _subclass(tp, cl))
        return super().register_structure_hook(cl, func)

    def register_structure_hook_func(self, check_func: Any, func: Any) -> None:
        self._yours = (*self._yours, check_func)
        super().register_structure_hook_func(check_func, func)

    def register_structure_hook_factory(self, predicate: Any, factory: Any = None) -> Any:
        self._yours = (*self._yours, predicate)
        return super().register_structure_hook_factory(predicate, factory)

    def copy(self, *args: Any, **kwargs: Any) -> PeelConverter:
        """A copy, with every hook of this converter's (cattrs' ``copy``)."""
        made: PeelConverter = super().copy(*args, **kwargs)
        made._yours = self._yours
        return made

    def unstructure(self, obj: Any, unstructure_as: Any = None) -> Any:
        """``obj`` as plain data (cattrs' ``unstructure``), or
        :class:`PeelDataError` saying why it cannot be written."""
        try:
            return super().unstructure(obj, unstructure_as)
        except RecursionError as e:  # a value of yours, in a field typed Any; or a hook's own fault
            raise PeelDataError([Problem(_TOO_DEEP.format("written"))]) from e
        except PeelDataError:
            raise  # (a ValueError too) said by a hook of the converter's
        except (AttributeError, TypeError, ValueError) as e:
            # Mostly a field of yours holding a value of another type than
            # its own (None in a field typed Judgment), which its type's
            # hook cannot write; else a hook's own fault, named as it is
            # (its traceback is the error's cause).
            raise PeelDataError([Problem(_MISTYPED.format(type(e).__name__, e))]) from e

    def _yours_for(self, tp: Any) -> bool:
        """Whether a structure hook of yours is for ``tp``, or a type in it
        (``str`` in ``tuple[str, ...]``)."""
        for part in _parts(tp):
            for is_for in self._yours:
                # (A predicate of yours may raise, asked of a type it did not expect.)
                with contextlib.suppress(Exception):
                    if is_for(part):
                        return True
        return False

    @typing.overload
    def structure(self, obj: Any, cl: type[T]) -> T: ...

    # A union (``pe.Judgment | None``, ``Optional[pe.Judgment]``) is no
    # ``type[T]`` to a type checker: what it gives is then as the union
    # says, which the checker cannot. (``Optional[...]`` is a special form
    # to it, typeshed's name for which is private.)
    @typing.overload
    def structure(self, obj: Any, cl: types.UnionType | typing._SpecialForm) -> Any: ...

    def structure(self, obj: Any, cl: Any) -> Any:
        """``obj`` as a ``cl``, or :class:`PeelDataError` naming every problem."""
        try:
            return super().structure(obj, cl)
        except cattrs.StructureHandlerNotFoundError:
            raise  # a type cattrs cannot structure at all: the caller's, not the data's
        except RecursionError as e:  # without detailed validation, which says it with a path
            raise PeelDataError([Problem(_TOO_DEEP.format("read"))]) from e
        except (cattrs.BaseValidationError, cattrs.errors.CattrsError, ValueError, TypeError, KeyError) as e:
            # (A KeyError: a copy made without detailed validation, whose
            # hooks raise what they meet, a missing key among it.)
            found = list(problems_of(e, cl))
            raise PeelDataError(Problem(m, path=dotted_path(p)) for p, m in found) from e


def _by(tp: type, rule: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    return lambda value, cls: rule(value) if cls is tp else cls(rule(value))


def _make() -> PeelConverter:
    # Lists for tuples and sets (as cattrs' preconfigured JSON converter
    # writes sets): what json.dumps and yaml.safe_dump take.
    # A key a class of yours has no field for is refused, as the model's
    # records refuse one; a copy made with forbid_extra_keys=False drops it.
    conv = PeelConverter(
        unstruct_collection_overrides={tuple: list, AbstractSet: list}, forbid_extra_keys=True
    )
    # Registered in order: later registrations are tried first.
    # A hook registered for a class is cattrs' for its subclasses too: one
    # of yours (an IntEnum, a StrEnum, a text class) is made by its class
    # from what the rule reads, as cattrs makes it, not kept a plain number.
    rules: tuple[tuple[type, Callable[[Any], Any]], ...] = (
        (str, text),
        (int, integer),
        (float, number),
        (bool, boolean),
        (dt.date, day),
    )
    for tp, rule in rules:
        conv.register_structure_hook(tp, _by(tp, rule))
    # Registered before the model's record hooks, so tried after them: an
    # attrs class none of them takes is yours.
    conv.register_structure_hook_factory(is_your_class, structure_your_class)
    conv.register_unstructure_hook(dt.date, unstructure_day)
    conv.register_structure_hook(dt.datetime, structure_datetime)
    conv.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    conv.register_structure_hook_factory(is_words, structure_words)
    # By predicate, as the enums' hook below, which is tried first: a float
    # hook by class would be tried before it, and write an enum of floats
    # as its members.
    conv.register_unstructure_hook_func(
        lambda tp: isinstance(tp, type) and issubclass(tp, float), unstructure_float
    )
    conv.register_unstructure_hook_func(lambda tp: tp is int, unstructure_int)
    conv.register_unstructure_hook_func(
        lambda tp: isinstance(tp, type) and issubclass(tp, enum.Enum), lambda e: e.value
    )
    conv.register_structure_hook_factory(is_literal, lambda _: structure_literal)
    conv.register_structure_hook_factory(is_union, structure_union)
    # A union's hook of its own, as a factory: tried before the one above.
    conv.register_structure_hook_factory(lambda tp: tp == Grade | NoGrade, _structure_grade_or_reason)
    conv.register_structure_hook_factory(is_homogeneous_tuple, structure_tuple)
    conv.register_structure_hook_factory(is_record, structure_record)
    conv.register_structure_hook_factory(_optional_record, _structure_optional_record)
    conv.register_unstructure_hook_factory(is_record, unstructure_record)
    conv.register_structure_hook_factory(lambda tp: tp is Force or tp is Period, named_or_whole)
    conv.register_unstructure_hook_factory(lambda tp: tp is Force, unstructure_force)
    conv.register_structure_hook(EngageDate, lambda v, _: engage_date(v))
    conv.register_unstructure_hook(EngageDate, lambda d: d.iso)
    # By predicate, as its structure hook (by factory) and a force's: a
    # copy's pair of hooks of yours by predicate is used both ways.
    conv.register_unstructure_hook_func(lambda tp: tp is Period, unstructure_period)
    conv.register_structure_hook_factory(union_of_records, _structure_row)
    conv.register_structure_hook_factory(lambda tp: tp is Dataset, _structure_dataset)
    conv.register_unstructure_hook_factory(lambda tp: tp is Dataset, _unstructure_dataset)
    conv.register_structure_hook_factory(_optional_union, _structure_optional_union)
    conv.register_structure_hook_factory(is_collection, structure_collection)
    conv.register_structure_hook_factory(is_mapping, structure_mapping)
    conv.register_unstructure_hook_factory(is_any_mapping, unstructure_mapping)
    conv._yours = ()  # the model's hooks are the data format's
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
