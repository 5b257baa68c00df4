"""The ``__init__`` of every record, generated from its declaration.

Valid values cost one test each: a field whose value already has its type
(``value.__class__ is str``) is stored as it is, and only other values go
through the field's converter (see :mod:`._convert`). After the fields are
set, the field checks and the rules run; at the first breach the record's
problems are gathered, all of them, and raised together. The code is
generated once per class, like attrs' and cattrs' own, so that none of this
costs a loop over the fields or a call per field for valid data.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ._convert import Invalid, choice_members, optional_inner, spellings, tuple_item


def exact_test(tp: Any, v: str, names: dict[str, Any]) -> str | None:
    """Python code that is true when ``v`` already is a valid value of type
    ``tp`` as it stands; ``None`` where only the converter can tell."""
    optional, inner = optional_inner(tp)
    if optional:
        test = exact_test(inner, v, names)
        return None if test is None else f"({v} is None or {test})"
    if tp is float:
        # A finite float: inf - inf and nan - nan are nan.
        return f"({v}.__class__ is float and {v} - {v} == 0.0)"
    if tp in (str, int, bool, dt.date) or (
        isinstance(tp, type) and (issubclass(tp, enum.Enum) or attrs.has(tp))
    ):
        name = f"_t{len(names)}"
        names[name] = tp
        return f"{v}.__class__ is {name}"
    if tuple_item(tp) is not None:
        # The empty tuple (one object in CPython): the default of most lists.
        names["_empty"] = ()
        return f"{v} is _empty"
    if (choices := choice_members(tp)) is not None:
        tests = []
        for m in choices:
            name = f"_t{len(names)}"
            names[name] = m
            tests.append(f"{v}.__class__ is {name}")
        return f"({' or '.join(tests)})"
    return None


def init_body(cls: type[Any], names: dict[str, Any], on_fail: str) -> list[str]:
    """The lines of code that build a record of ``cls`` in ``self``, from
    locals named after its fields, running ``on_fail`` at the first problem.

    ``names`` gets the objects the lines refer to. Both the class's
    ``__init__`` and the readers of data files (the fail-fast mode of
    :mod:`peel_effectiveness.io._structure`) are made of these lines.
    """
    from ._record import info

    names.update({"_I": Invalid, f"_rules_{cls.__name__}": cls.__peel_rules__})
    converters = cls.__peel_converters__
    lines = ["bad = False"]
    sets, checks = [], []
    for a in attrs.fields(cls):
        n = a.name
        conv = f"_c_{cls.__name__}_{n}"
        names[conv] = converters[n]
        test = exact_test(a.type, n, names)
        convert = [f"{n} = {conv}({n})", f"if {n}.__class__ is _I: bad = True"]
        _, inner = optional_inner(a.type)
        enums = choice_members(inner) or (inner,)
        if all(isinstance(e, type) and issubclass(e, enum.Enum) for e in enums):
            # As files write them: one lookup in the enums' spellings.
            table = f"_w_{cls.__name__}_{n}"
            names[table] = {k: v for e in enums for k, v in spellings(e).items() if k.__class__ is str}
            convert = [
                f"{n} = {table}.get({n}) or {conv}({n}) if {n}.__class__ is str else {conv}({n})",
                convert[1],
            ]
        texts = getattr(inner, "_texts_", None)
        if texts is not None:
            # Written as text, and read before: one lookup in what was read.
            names[f"_x_{cls.__name__}_{n}"] = texts
            convert = [
                f"{n} = _x_{cls.__name__}_{n}.get({n}) or {conv}({n}) if {n}.__class__ is str else {conv}({n})",
                convert[1],
            ]
        if test is None:
            lines += convert
        else:
            lines.append(f"if not {test}:")
            lines += [f"    {line}" for line in convert]
        derive = info(a).derive
        if derive is not None:
            source, function = derive
            names[f"_dv_{cls.__name__}_{n}"] = function
            lines.append(
                f"if {n} is None and {source}.__class__ is not _I: {n} = _dv_{cls.__name__}_{n}({source})"
            )
        # The slot's own setter: frozen classes refuse setattr.
        names[f"_s_{cls.__name__}_{n}"] = cls.__dict__[n].__set__
        sets.append(f"_s_{cls.__name__}_{n}(self, {n})")
        if info(a).checks:
            names[f"_k_{cls.__name__}_{n}"] = info(a).checks
        for i, _ in enumerate(info(a).checks):
            # Looked up at each call, so that a check switched off (the
            # mutation run) is switched off here too.
            checks.append(f"if {n} is not None and not _k_{cls.__name__}_{n}[{i}].test({n}): {on_fail}")
    rules = []
    for i, r in enumerate(cls.__peel_rules__):
        # A rule about a field that is empty has nothing to check: the
        # usual case for most of a report's lists, not worth a call.
        when = f"{r.unless_empty} and " if r.unless_empty else ""
        rules.append(f"if {when}_rules_{cls.__name__}[{i}].check(self): {on_fail}")
    return [*lines, *sets, f"if bad: {on_fail}", *checks, *rules]


def make_init(cls: type[Any], kw_only: bool, fail: Callable[[Any], typing.NoReturn]) -> Callable[..., None]:
    """The ``__init__`` of a record class (its attrs fields already made)."""
    fields = attrs.fields(cls)
    noun = getattr(cls, "__noun__", cls.__name__)
    # A field left out or a name that is not a field is a problem of the
    # record like any other: PeelDataError naming the field, not TypeError.
    names: dict[str, Any] = {"_fail": fail, "_missing": _MISSING, "_unknown": _unknown_fields(cls, noun)}
    params, missing = [], []
    for a in fields:
        if a.default is attrs.NOTHING:
            params.append(f"{a.name}=_missing")
            names[f"_m_{a.name}"] = [((), f"missing required field {a.name!r} in {noun}")]
            missing.append(f"if {a.name} is _missing: {a.name} = _I(_m_{a.name})")
        else:
            names[f"_d_{a.name}"] = a.default
            params.append(f"{a.name}=_d_{a.name}")
    star = "*, " if kw_only and params else ""
    body = ["if _extra: _unknown(_extra)", *missing, *init_body(cls, names, "_fail(self)")]
    signature = f"self, {star}{', '.join(params)}, **_extra" if params else "self, **_extra"
    code = f"def __init__({signature}):\n" + "".join(f"    {line}\n" for line in body)
    init = typing.cast(Callable[..., None], compile_function(code, names, f"{cls.__name__}.__init__"))
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = f"Build {getattr(cls, '__noun__', cls.__name__)}, checking every field (see the class)."
    init.__annotations__ = {a.name: a.type for a in fields} | {"return": None}
    return init


_MISSING: Any = object()


def _unknown_fields(cls: type[Any], noun: str) -> Callable[[dict[str, Any]], typing.NoReturn]:
    from ._convert import suggest
    from ._record import raise_found

    known = [a.name for a in attrs.fields(cls)]

    def unknown(extra: dict[str, Any]) -> typing.NoReturn:
        raise_found([((name,), f"unknown field {name!r} in {noun}{suggest(name, known)}") for name in extra])

    return unknown


def lazy_init(cls: type[Any], kw_only: bool, fail: Callable[[Any], typing.NoReturn]) -> Callable[..., None]:
    """A stand-in ``__init__`` that makes the real one on first use.

    Records read from files are built by the readers, which never call
    ``__init__``: a program that only loads data does not compile it.
    """

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init = make_init(cls, kw_only, fail)
        cls.__init__ = init
        init(self, *args, **kwargs)

    parameters = [
        inspect.Parameter(
            a.name,
            inspect.Parameter.KEYWORD_ONLY if kw_only else inspect.Parameter.POSITIONAL_OR_KEYWORD,
            default=inspect.Parameter.empty if a.default is attrs.NOTHING else a.default,
            annotation=a.type,
        )
        for a in attrs.fields(cls)
    ]
    self_ = inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)
    __init__.__signature__ = inspect.Signature([self_, *parameters], return_annotation=None)  # type: ignore[attr-defined]
    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def compile_function(code: str, names: dict[str, Any], what: str) -> Callable[..., Any]:
    """The one function ``code`` defines, compiled with ``names`` as its globals.

    The code of every record's ``__init__`` and reader is generated at
    build time too, into :mod:`._compiled`, which the import system compiles
    once (at install) like any module: a program then only links those
    functions to ``names``. Code that module does not hold (the model
    changed since it was written; a test keeps it current) is compiled here.
    """
    if RECORDING is not None:
        RECORDING[code_key(code, what)] = code
    maker = _precompiled(code_key(code, what))
    if maker is not None:
        # The maker's def statement runs with ``names`` as its globals, so
        # the function it makes reads its defaults and names from there.
        return typing.cast(Callable[..., Any], types.FunctionType(maker.__code__, names)())
    namespace: dict[str, Any] = {}
    exec(compile(code, f"<peel_effectiveness {what}>", "exec"), names, namespace)
    (function,) = namespace.values()
    return typing.cast(Callable[..., Any], function)


# Set to a dict by tools/build_bundle.py to collect the generated code.
RECORDING: dict[str, str] | None = None


def code_key(code: str, what: str) -> str:
    """The name of the precompiled maker of ``code`` in :mod:`._compiled`."""
    import zlib

    safe = "".join(c if c.isalnum() else "_" for c in what)
    return f"_{safe}_{zlib.crc32(code.encode()):08x}_{len(code)}"


def _precompiled(key: str) -> Any:
    try:
        from . import _compiled
    except ImportError:  # pragma: no cover - removed by hand
        return None
    return getattr(_compiled, key, None)


def compiled_module(codes: dict[str, str]) -> str:
    """The text of :mod:`._compiled` holding ``codes`` (by their keys)."""
    parts = [
        '"""The generated ``__init__`` and readers of the records, precompiled.\n\n'
        "Written by tools/build_bundle.py from the model (see ``compile_function``\n"
        "in _init.py); tests/test_generated.py checks that it is current. Do not edit.\n"
        '"""\n\n# fmt: off\n# ruff: noqa\n# mypy: ignore-errors\n',
    ]
    for key in sorted(codes):
        code = codes[key]
        name = code.split("(", 1)[0].removeprefix("def ").strip()
        body = "".join(f"    {line}\n" if line else "\n" for line in code.rstrip("\n").split("\n"))
        parts.append(f"\n\ndef {key}():\n{body}    return {name}\n")
    return "".join(parts)
