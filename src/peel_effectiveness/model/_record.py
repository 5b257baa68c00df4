"""The record machinery: how every model class checks its own inputs, once.

A model class is declared with :func:`record`: annotated fields, each with an
optional :func:`field` saying how the data format names it and what values
it may take, and :func:`rule` methods for rules across fields. From that one
declaration come

* the converter of every field (text stays text, a list given for a tuple
  becomes a tuple, an enum is read from its spellings, ...), built from the
  field's type;
* the checks run when an instance is built, all of them, so that one error
  names every problem of the record with its field path;
* what :mod:`peel_effectiveness.io` needs to read and write files and to
  write the JSON Schema: the data format's key of each field, the fields a
  record's keys are flattened from, the schema of each check and rule.

A value that cannot be converted does not stop ``__init__`` half way: the
converter returns an :class:`Invalid` holding the problems, and the checks
after ``__init__`` gather them with everything else that is wrong.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..errors import PeelDataError, Problem, dotted_path

Path = tuple[str | int, ...]
Found = list[tuple[Path, str]]
_T = TypeVar("_T")

if TYPE_CHECKING:  # pragma: no cover
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Callable[[_T], _T]:
        return lambda f: f


class Invalid:
    """A value that could not be converted, carried to the record's checks.

    Attributes:
        found: The problems, with paths relative to the value.
        partial: For a sequence, the items that did convert, each with its
            index, so that rules over the sequence still run on them.
    """

    __slots__ = ("found", "partial")

    def __init__(self, found: Found, partial: tuple[tuple[int, Any], ...] | None = None) -> None:
        self.found = found
        self.partial = partial

    def __repr__(self) -> str:
        return f"Invalid({self.found!r})"


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
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def suggest(value: str, choices: list[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``choices``, or nothing."""
    import difflib

    close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


# ---------------------------------------------------------------------------
# Checks: declarative, so that the JSON Schema follows from them.


@attrs.frozen
class Check:
    """A check of one value: a test, the message when it fails, its schema."""

    test: Callable[[Any], bool]
    message: Callable[[Any], str]
    schema: Mapping[str, Any] = attrs.field(factory=dict)

    def __call__(self, value: Any) -> str | None:
        return None if self.test(value) else self.message(value)


def between(low: float, high: float, what: str) -> Check:
    """A number from ``low`` to ``high``, both included."""
    return Check(
        lambda v: low <= v <= high, lambda v: f"{v:g} is not {what}", {"minimum": low, "maximum": high}
    )


def matches(pattern: str, what: str) -> Check:
    """Text that matches ``pattern`` whole."""
    compiled = re.compile(pattern)
    return Check(
        lambda v: compiled.fullmatch(v) is not None,
        lambda v: f"{v!r} is not {what}",
        {"pattern": f"^(?:{pattern})$"},
    )


def not_empty(what: str) -> Check:
    """A sequence with at least one item."""
    return Check(lambda v: len(v) > 0, lambda v: f"{what} has at least one item", {"minItems": 1})


def distinct(what: str) -> Check:
    """A sequence whose items differ."""
    return Check(lambda v: len(set(v)) == len(v), lambda v: f"{what} is listed twice", {"uniqueItems": True})


# ---------------------------------------------------------------------------
# Fields and rules.


@attrs.frozen
class FieldInfo:
    """What the data format says of one field (kept in the attrs metadata).

    Attributes:
        key: The field's key in data files (the field's name by default).
        flatten: For a record-valued field written flat in its parent, the
            prefix of its keys there (``"previous_"``: ``previous_grade``...).
        checks: Checks of the converted value.
        null: The word files use for ``None`` (``"ungraded"``), where
            ``None`` is spelled out.
        always: Written even when it has its default value.
        doc: What the field means, for the schema.
    """

    key: str | None = None
    flatten: str | None = None
    checks: tuple[Check, ...] = ()
    null: str | None = None
    always: bool = False
    doc: str = ""


_INFO = "peel_effectiveness"


def field(
    *,
    default: Any = attrs.NOTHING,
    key: str | None = None,
    flatten: str | None = None,
    checks: tuple[Check, ...] = (),
    null: str | None = None,
    always: bool = False,
    doc: str = "",
) -> Any:
    """A record's field: its default and what the data format says of it."""
    info = FieldInfo(key, flatten, checks, null, always, doc)
    return attrs.field(default=default, metadata={_INFO: info})


def info(a: attrs.Attribute[Any]) -> FieldInfo:
    """The data-format information of a field."""
    return a.metadata.get(_INFO) or _PLAIN


_PLAIN = FieldInfo()

RuleFunc = Callable[[Any], Iterator[tuple[Path, str]]]


@attrs.frozen
class Rule:
    """A rule across the fields of a record.

    Attributes:
        needs: The fields it reads; it runs only when these converted
            (sequences may have converted in part).
        check: Yields ``(path, message)`` for each breach; paths start with
            a field's name.
        schema: A JSON Schema fragment (``allOf`` item) saying the same, where
            JSON Schema can say it.
    """

    needs: tuple[str, ...]
    check: RuleFunc
    schema: Callable[[], Mapping[str, Any]] | None = None


def rule(*needs: str, schema: Callable[[], Mapping[str, Any]] | None = None) -> Callable[[RuleFunc], Rule]:
    """Declare a method as a rule across ``needs`` (see :class:`Rule`)."""
    return lambda f: Rule(needs, f, schema)


# ---------------------------------------------------------------------------
# Converters, one per field, from its type.

_Conv = Callable[[Any], Any]


def spellings(cls: type[enum.Enum]) -> dict[object, Any]:
    """How data files may write each member of an enum: its value, and what
    the enum's ``__spellings__`` adds (grade labels, cycle years...)."""
    extra = getattr(cls, "__spellings__", None)
    table: dict[object, Any] = {m.value: m for m in cls}
    if extra is not None:
        table.update(extra())
    return table


def _noun(tp: Any) -> str:
    return getattr(tp, "__noun__", None) or f"a {tp.__name__}"


def _enum_conv(cls: type[enum.Enum], null: str | None = None) -> _Conv:
    table: dict[object, Any] | None = None
    noun = _noun(cls)
    also = f" or {null!r}" if null else ""

    def conv(v: Any) -> Any:
        nonlocal table
        if v.__class__ is cls:
            return v
        if table is None:
            table = spellings(cls)
        if v.__class__ is str or v.__class__ is int:
            found = table.get(v)
            if found is not None:
                return found
        if v.__class__ is Invalid:
            return v
        shown = ", ".join(str(m.value) for m in cls)
        if any(k.__class__ is v.__class__ for k in table):
            hint = suggest(v, [k for k in table if isinstance(k, str)]) if isinstance(v, str) else ""
            return Invalid([((), f"{str(v)!r} is not {noun} (expected one of: {shown}){also}{hint}")])
        return Invalid([((), f"expected {noun}, got {describe(v)} (expected one of: {shown}{also})")])

    return conv


def _str(v: Any) -> Any:
    if v.__class__ is str or v.__class__ is Invalid:
        return v
    return Invalid([((), f"expected text, got {describe(v)}")])


def _int(v: Any) -> Any:
    if v.__class__ is int or v.__class__ is Invalid:
        return v
    return Invalid([((), f"expected a whole number, got {describe(v)}")])


def _float(v: Any) -> Any:
    cls = v.__class__
    if cls is float:
        if v - v == 0.0:  # finite: inf - inf and nan - nan are nan
            return v
        return Invalid([((), f"{v!r} is not a finite number")])
    if cls is int:
        try:
            return float(v)
        except OverflowError:
            return Invalid([((), f"the number {v} is too large")])
    if cls is Invalid:
        return v
    return Invalid([((), f"expected a number, got {describe(v)}")])


def _bool(v: Any) -> Any:
    if v.__class__ is bool or v.__class__ is Invalid:
        return v
    return Invalid([((), f"expected true or false, got {describe(v)}")])


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(v: Any) -> Any:
    cls = v.__class__
    if cls is dt.date or cls is Invalid:
        return v
    if cls is dt.datetime:
        return Invalid([((), f"expected a date, got {describe(v)}")])
    if cls is str and _ISO.fullmatch(v):
        try:
            return dt.date.fromisoformat(v)
        except ValueError as e:
            return Invalid([((), f"{v!r} is not a date: {e}")])
    return Invalid([((), f"expected a date (YYYY-MM-DD), got {describe(v)}")])


def _record_conv(cls: type[Any]) -> _Conv:
    from_text = getattr(cls, "_from_text_", None)
    noun = _noun(cls)

    def conv(v: Any) -> Any:
        if v.__class__ is cls or v.__class__ is Invalid:
            return v
        if from_text is not None and isinstance(v, str):
            try:
                return from_text(v)
            except PeelDataError as e:
                return Invalid([((), p.message) for p in e.problems])
        return Invalid([((), f"expected {noun}, got {describe(v)}")])

    return conv


def _union_conv(classes: tuple[type[Any], ...]) -> _Conv:
    names = " or ".join(_noun(c) for c in classes)

    def conv(v: Any) -> Any:
        if v.__class__ in classes or v.__class__ is Invalid:
            return v
        return Invalid([((), f"expected {names}, got {describe(v)}")])

    return conv


def _optional(inner: _Conv, null: str | None) -> _Conv:
    def conv(v: Any) -> Any:
        if v is None:
            return None
        if null is not None and v == null:
            return None
        return inner(v)

    return conv


def _tuple_conv(item: _Conv) -> _Conv:
    def conv(v: Any) -> Any:
        cls = v.__class__
        if cls is Invalid:
            return v
        if cls is not tuple and cls is not list:
            return Invalid([((), f"expected a list, got {describe(v)}")])
        out = tuple([item(x) for x in v])
        if any(x.__class__ is Invalid for x in out):
            found = [((i, *p), m) for i, x in enumerate(out) if x.__class__ is Invalid for p, m in x.found]
            return Invalid(found, tuple((i, x) for i, x in enumerate(out) if x.__class__ is not Invalid))
        return out

    return conv


_LEAVES: dict[Any, _Conv] = {str: _str, int: _int, float: _float, bool: _bool, dt.date: _date}


def optional_inner(tp: Any) -> tuple[bool, Any]:
    """Whether ``tp`` admits ``None``, and ``tp`` without ``None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = tuple(a for a in typing.get_args(tp) if a is not type(None))
        if len(args) != len(typing.get_args(tp)):
            return True, args[0] if len(args) == 1 else typing.Union[args]  # noqa: UP007
    return False, tp


def tuple_item(tp: Any) -> Any | None:
    """The item type of ``tuple[X, ...]``, else ``None``."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def union_members(tp: Any) -> tuple[Any, ...] | None:
    """The members of a union of record classes, else ``None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if all(attrs.has(a) for a in args):
            return args
    return None


def converter_for(tp: Any, null: str | None = None) -> _Conv:
    """The converter of a field of type ``tp``."""
    optional, inner = optional_inner(tp)
    if optional:
        return _optional(converter_for(inner, null), null)
    if tp in _LEAVES:
        return _LEAVES[tp]
    if (item := tuple_item(tp)) is not None:
        return _tuple_conv(converter_for(item))
    if (members := union_members(tp)) is not None:
        return _union_conv(members)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_conv(tp, null)
    if isinstance(tp, type) and attrs.has(tp):
        return _record_conv(tp)
    raise TypeError(f"no converter for the type {tp!r}")


# ---------------------------------------------------------------------------
# The record decorator.


def file_key(a: attrs.Attribute[Any]) -> str:
    """A field's key in data files."""
    return info(a).key or a.name


def _prefixed(a: attrs.Attribute[Any], path: Path) -> Path:
    """A path below field ``a`` as the data format writes it."""
    meta = info(a)
    if meta.flatten is not None:
        if path and isinstance(path[0], str):
            return (meta.flatten + path[0], *path[1:])
        return path
    return (meta.key or a.name, *path)


class _View:
    """The fields of a record that converted, for rules to read; sequences
    that converted in part hold their good items."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def _collect(self: Any) -> Found:
    cls = type(self)
    fields = attrs.fields(cls)
    found: Found = []
    values: dict[str, Any] = {}
    partial_index: dict[str, tuple[int, ...]] = {}
    for a in fields:
        v = getattr(self, a.name)
        if v.__class__ is Invalid:
            found.extend((_prefixed(a, p), m) for p, m in v.found)
            if v.partial is not None:
                values[a.name] = tuple(x for _, x in v.partial)
                partial_index[a.name] = tuple(i for i, _ in v.partial)
            continue
        values[a.name] = v
        for check in info(a).checks:
            if v is not None and (why := check(v)) is not None:
                found.append((_prefixed(a, ()), why))
    view = _View(values)
    by_name = {a.name: a for a in fields}
    for r in cls.__peel_rules__:
        if not all(n in values for n in r.needs):
            continue
        for path, message in r.check(view):
            name, rest = path[0], list(path[1:])
            if name in partial_index and rest and isinstance(rest[0], int):
                rest[0] = partial_index[name][rest[0]]
            assert isinstance(name, str)
            found.append((_prefixed(by_name[name], tuple(rest)), message))
    return found


def raise_found(found: Found) -> typing.NoReturn:
    """Raise :class:`PeelDataError` for ``(path, message)`` pairs."""
    error = PeelDataError(Problem(m, None, None, dotted_path(p)) for p, m in found)
    # The paths as tuples too, for readers that find each problem's line.
    error.found = tuple(found)  # type: ignore[attr-defined]
    raise error


def _make_post_init(cls: type[Any]) -> Callable[[Any], None]:
    fields = attrs.fields(cls)
    checked = [(a.name, info(a).checks) for a in fields if info(a).checks]
    names = [a.name for a in fields]
    rules: tuple[Rule, ...] = cls.__peel_rules__
    invalid = Invalid

    def post_init(self: Any) -> None:
        for name in names:
            if getattr(self, name).__class__ is invalid:
                raise_found(_collect(self))
        for name, checks in checked:
            v = getattr(self, name)
            if v is not None:
                for check in checks:
                    if not check.test(v):
                        raise_found(_collect(self))
        for r in rules:
            for _ in r.check(self):
                raise_found(_collect(self))

    return post_init


@typing.overload
def record(cls: type[_T], /) -> type[_T]: ...


@typing.overload
def record(*, kw_only: bool = True) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field, attrs.field))
def record(cls: type[_T] | None = None, /, *, kw_only: bool = True) -> Any:
    """Make ``cls`` a frozen, slotted attrs class whose fields convert and
    check themselves (see the module's documentation).

    ``@record(kw_only=False)`` lets the fields be given by position too.
    """
    if cls is None:
        return lambda c: _record(c, kw_only)
    return _record(cls, kw_only)


def _record(cls: type[_T], kw_only: bool) -> type[_T]:
    module = sys.modules[cls.__module__]
    hints = typing.get_type_hints(cls, vars(module))
    rules = tuple(v for v in vars(cls).values() if isinstance(v, Rule))
    for name in [k for k, v in vars(cls).items() if isinstance(v, Rule)]:
        delattr(cls, name)
    for base in cls.__mro__[1:]:
        rules = (*getattr(base, "__peel_rules__", ()), *rules)
    own = inspect.get_annotations(cls)
    for name in own:
        tp = hints[name]
        if typing.get_origin(tp) is typing.ClassVar:
            continue
        current = cls.__dict__.get(name, attrs.NOTHING)
        if isinstance(current, attrs.Attribute) or type(current).__name__ == "_CountingAttr":
            meta = dict(current.metadata)
            default = current._default
        else:
            meta, default = {}, current
        fi = meta.get(_INFO) or _PLAIN
        setattr(
            cls,
            name,
            attrs.field(default=default, converter=converter_for(tp, fi.null), metadata=meta),
        )
    cls.__peel_rules__ = rules  # type: ignore[attr-defined]
    # attrs looks for the hook when it builds the class, and the hook needs
    # the built class's fields: a stand-in finds the real one on the class.
    cls.__attrs_post_init__ = _post_init  # type: ignore[attr-defined]
    built = attrs.frozen(kw_only=kw_only, cache_hash=True)(cls)
    attrs.resolve_types(typing.cast(Any, built), vars(module))
    built.__peel_post__ = _make_post_init(built)  # type: ignore[attr-defined]
    return built


def _post_init(self: Any) -> None:
    type(self).__peel_post__(self)
