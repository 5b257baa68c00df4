"""The record machinery: how every model class checks its own inputs, once.

A model class is declared with :func:`record`: annotated fields, each with an
optional :func:`field` saying how the data format names it and what values
it may take, and :func:`rule` methods for rules across fields. From that one
declaration come

* the converter of every field (text stays text, a list given for a tuple
  becomes a tuple, an enum is read from its spellings, ...), built from the
  field's type (:mod:`._convert`);
* the class's ``__init__``, generated from the declaration
  (:mod:`._init`): it converts and checks every field and runs every rule;
* what :mod:`peel_effectiveness.io` needs to read and write files and to
  write the JSON Schema: the data format's key of each field, the fields a
  record's keys are flattened from, the schema of each check and rule.

A value that cannot be converted does not stop ``__init__`` half way: the
converter returns an :class:`Invalid` holding the problems, and at the first
problem :func:`_collect` gathers all of them, with everything else that is
wrong, so that one :class:`~peel_effectiveness.PeelDataError` names every
problem of the record with its field path.
"""

from __future__ import annotations

import inspect
import operator
import re
import sys
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..errors import PeelDataError, Problem, dotted_path
from ._convert import Found as Found  # what rules return: (path, message) pairs
from ._convert import Invalid, converter_for
from ._convert import Path as Path  # the type of field paths, for the rules of records
from ._init import lazy_init

_T = TypeVar("_T")

if TYPE_CHECKING:  # pragma: no cover
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Callable[[_T], _T]:
        return lambda f: f

# ---------------------------------------------------------------------------
# Checks: declarative, so that the JSON Schema follows from them.


class Check:
    """A check of one value: a test, the message when it fails, its schema.

    This and the other classes of the machinery are plain classes: attrs
    would generate and compile their methods each time the program starts.
    """

    __slots__ = ("message", "schema", "test")

    def __init__(
        self,
        test: Callable[[Any], bool],
        message: Callable[[Any], str],
        schema: Mapping[str, Any] | None = None,
    ) -> None:
        self.test, self.message, self.schema = test, message, {} if schema is None else schema

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
    # Texts that matched, remembered (bounded): keys recur across reports.
    seen: set[str] = set()

    def test(v: str) -> bool:
        if v in seen:
            return True
        if compiled.fullmatch(v) is None:
            return False
        if len(seen) < 4096:
            seen.add(v)
        return True

    return Check(
        test,
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


class FieldInfo:
    """What the data format says of one field (kept in the attrs metadata).

    Attributes:
        key: The field's key in data files (the field's name by default).
        flatten: For a record-valued field written flat in its parent, the
            prefix of its keys there (``"previous_"``: ``previous_grade``...).
        checks: Checks of the converted value.
        always: Written even when it has its default value.
        doc: What the field means, for the schema.
        derive: For a field whose value when left out depends on another
            field: that field's name and the function giving the value from
            it (a report's pillar follows from its cycle).
    """

    __slots__ = ("always", "checks", "derive", "doc", "flatten", "key")

    def __init__(
        self,
        key: str | None = None,
        flatten: str | None = None,
        checks: tuple[Check, ...] = (),
        always: bool = False,
        doc: str = "",
        derive: tuple[str, Callable[[Any], Any]] | None = None,
    ) -> None:
        self.key, self.flatten, self.checks = key, flatten, checks
        self.always, self.doc, self.derive = always, doc, derive


_INFO = "peel_effectiveness"


def field(
    *,
    default: Any = attrs.NOTHING,
    key: str | None = None,
    flatten: str | None = None,
    checks: tuple[Check, ...] = (),
    always: bool = False,
    doc: str = "",
    derive: tuple[str, Callable[[Any], Any]] | None = None,
) -> Any:
    """A record's field: its default and what the data format says of it."""
    info = FieldInfo(key, flatten, checks, always, doc, derive)
    return attrs.field(default=default, metadata={_INFO: info})


def info(a: attrs.Attribute[Any]) -> FieldInfo:
    """The data-format information of a field."""
    return a.metadata.get(_INFO) or _PLAIN


_PLAIN = FieldInfo()

# A rule returns its problems as a list, empty when there are none (a list,
# not a generator: rules run on every record built, and a list is cheaper).
RuleFunc = Callable[[Any], Found]


class Rule:
    """A rule across the fields of a record.

    Attributes:
        needs: The fields it reads; it runs only when these converted
            (sequences may have converted in part).
        check: Returns ``(path, message)`` for each breach; paths start with
            a field's name.
        schema: A JSON Schema fragment (``allOf`` item) saying the same, where
            JSON Schema can say it.
        unless_empty: A field the rule is about: where that field is empty
            (``()`` or ``None``) the rule has nothing to check, and a
            record's ``__init__`` does not run it.
    """

    __slots__ = ("check", "needs", "schema", "unless_empty")

    def __init__(
        self,
        needs: tuple[str, ...],
        check: RuleFunc,
        schema: Callable[[], Mapping[str, Any]] | None = None,
        unless_empty: str | None = None,
    ) -> None:
        self.needs, self.check, self.schema, self.unless_empty = needs, check, schema, unless_empty


def rule(
    *needs: str, schema: Callable[[], Mapping[str, Any]] | None = None, unless_empty: str | None = None
) -> Callable[[RuleFunc], Rule]:
    """Declare a method as a rule across ``needs`` (see :class:`Rule`)."""
    return lambda f: Rule(needs, f, schema, unless_empty)


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
        # The value as a whole is wrong (not a record at all): name the field.
        return path or (a.name,)
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
    # Records that failed, with the fields of theirs that converted.
    parts: dict[str, dict[str, Any]] = {}
    for a in fields:
        v = getattr(self, a.name)
        if v.__class__ is Invalid:
            found.extend((_prefixed(a, p), m) for p, m in v.found)
            if v.partial is not None:
                values[a.name] = tuple(x for _, x in v.partial)
                partial_index[a.name] = tuple(i for i, _ in v.partial)
            if v.fields is not None:
                parts[a.name] = v.fields
            continue
        values[a.name] = v
        for check in info(a).checks:
            if v is not None and (why := check(v)) is not None:
                found.append((_prefixed(a, ()), why))
    view = _View(values)
    by_name = {a.name: a for a in fields}
    for r in cls.__peel_rules__:
        # A need "metric.unit" is met by the record's unit alone.
        if not all(_met(n, values, parts) for n in r.needs):
            continue
        dotted = {n.split(".", 1)[0] for n in r.needs if "." in n and n.split(".", 1)[0] not in values}
        rule_view = _View(values | {n: _View(parts[n]) for n in dotted}) if dotted else view
        for path, message in r.check(rule_view):
            name, rest = path[0], list(path[1:])
            if name in partial_index and rest and isinstance(rest[0], int):
                rest[0] = partial_index[name][rest[0]]
            assert isinstance(name, str)
            found.append((_prefixed(by_name[name], tuple(rest)), message))
    return found


def _met(need: str, values: dict[str, Any], parts: dict[str, dict[str, Any]]) -> bool:
    if need in values:
        return True
    name, _, sub = need.partition(".")
    return bool(sub) and (name in values or sub in parts.get(name, ()))


def raise_found(found: Found, fields: dict[str, Any] | None = None) -> typing.NoReturn:
    """Raise :class:`PeelDataError` for ``(path, message)`` pairs (``fields``:
    those of the record that converted)."""
    error = PeelDataError(Problem(m, None, None, dotted_path(p)) for p, m in found)
    # The paths as tuples too, for readers that find each problem's line.
    error.found = tuple(found)  # type: ignore[attr-defined]
    error.fields = fields  # type: ignore[attr-defined]
    raise error


def fail(self: Any) -> typing.NoReturn:
    """Raise the problems of a record whose ``__init__`` found one."""
    converted = {
        a.name: v for a in attrs.fields(type(self)) if (v := getattr(self, a.name)).__class__ is not Invalid
    }
    raise_found(_collect(self), converted)


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
    # The class's own annotations, evaluated in its module: what
    # typing.get_type_hints gives for these classes, at a fraction of its cost.
    namespace = vars(sys.modules[cls.__module__])
    own = inspect.get_annotations(cls)
    hints = {name: _evaluate(tp, namespace) if isinstance(tp, str) else tp for name, tp in own.items()}
    rules = tuple(v for v in vars(cls).values() if isinstance(v, Rule))
    for name in [k for k, v in vars(cls).items() if isinstance(v, Rule)]:
        delattr(cls, name)
    for base in cls.__mro__[1:]:
        rules = (*getattr(base, "__peel_rules__", ()), *rules)
    converters: dict[str, Callable[[Any], Any]] = {}
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
        converters[name] = converter_for(tp)
        setattr(cls, name, attrs.field(default=default, metadata=meta))
    cls.__peel_rules__ = rules  # type: ignore[attr-defined]
    # attrs makes the slotted, frozen class; equality, hashing and repr are
    # the record's own (below), and __init__ is generated on first use.
    built = attrs.frozen(kw_only=kw_only, init=False, eq=False, repr=False)(cls)
    for a in attrs.fields(typing.cast(Any, built)):
        object.__setattr__(a, "type", hints[a.name])  # the types resolved, as attrs.resolve_types does
    _add_value_methods(built)
    built.__peel_converters__ = converters  # type: ignore[attr-defined]
    built.__peel_kw_only__ = kw_only  # type: ignore[attr-defined]
    built.__init__ = lazy_init(built, kw_only, fail)  # type: ignore[method-assign]
    return built


# Annotations compiled once each: the records share most of them ("str",
# "tuple[str, ...]"), and compiling is most of what evaluating one costs.
_ANNOTATIONS: dict[str, Any] = {}


def _evaluate(annotation: str, namespace: dict[str, Any]) -> Any:
    code = _ANNOTATIONS.get(annotation)
    if code is None:
        code = _ANNOTATIONS[annotation] = compile(annotation, "<annotation>", "eval")
    return eval(code, namespace)


def _add_value_methods(cls: Any) -> None:
    """Equality, hashing and repr by the fields' values, with no code to
    compile: ``operator.attrgetter`` reads the fields in C."""
    names = tuple(a.name for a in attrs.fields(cls))
    get = operator.attrgetter(*names)
    values = get if len(names) > 1 else (lambda o: (get(o),))
    name = cls.__qualname__

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(values(self) == values(other))

    def __hash__(self: Any) -> int:
        return hash(values(self))

    def __repr__(self: Any) -> str:
        return f"{name}({', '.join(f'{n}={v!r}' for n, v in zip(names, values(self), strict=True))})"

    cls.__eq__, cls.__hash__, cls.__repr__ = __eq__, __hash__, __repr__
