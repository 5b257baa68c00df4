"""cattrs' tree of errors as problems: (path, message) pairs, each path in
the data file's keys (a field written under another key, a record written
flat in its parent)."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError

from ..errors import PeelDataError, PeelWarning, path_keys
from ..model._judgment_checks import KEPT
from ..model._messages import key_shown, shorten_repr, suggest
from ..model._values import Tally
from ..model.dataset import Dataset
from ..model.reports import InspectionReport
from ._collections import class_noun, field_names
from ._layout import LAYOUTS, record_type
from ._unknown_keys import UnknownKey

Path = tuple[str | int, ...]


class KeyProblem(str):
    """The message of a problem of a key (unknown, or not text), not of
    its value: it stands where the reader refused the value too (see
    :attr:`~._parsed.Parsed.stood_in`)."""

    __slots__ = ()


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
                # A key that is not text is named by the mapping that holds
                # it, as the YAML reader names it.
                name = note.name
                yield ((*path, prefix + name) if isinstance(name, str) else path), KeyProblem(sub)
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
        yield path, KeyProblem(exc)
    elif isinstance(exc, cattrs.ForbiddenExtraKeysError):  # a class of yours: each key said as a file's is
        names, unset = field_names(exc.cl)
        fields = {name: name for name in names}
        noun = class_noun(exc.cl)
        for k in sorted(exc.extra_fields, key=key_shown):
            if k in unset:  # a field the class makes itself (init=False)
                yield (
                    (*path, k),
                    KeyProblem(f"{shorten_repr(k)} is a field {noun} sets itself, not one data give it"),
                )
            else:
                yield (
                    (*path, k),
                    KeyProblem(f"unknown field {shorten_repr(k)} in {noun}{suggest(k, fields)}"),
                )
    elif isinstance(exc, KeyError) and _looked_up(exc):
        # The field's key as the data write it where the path ends in it
        # (after a flat record's prefix); else the key looked up, inside
        # the value at the path (a hook of yours made without detailed
        # validation names no field of its own).
        key = exc.args[0] if exc.args else None
        last = path[-1] if path else None
        ends = isinstance(key, str) and isinstance(last, str) and (last == key or last.endswith("_" + key))
        yield path, f"missing required field {path[-1] if ends else key!r}"
    elif isinstance(exc, PeelWarning):  # made an error by a warnings filter: the report is not kept
        yield path, f"{str(exc).replace(KEPT, '', 1)} (a warning made an error)"
    elif isinstance(exc, KeyError):  # raised by a hook or a class of yours, of something else
        yield path, f"cannot be read: KeyError {exc}"
    elif len(exc.args) > 1 and isinstance(exc.args[0], str) and isinstance(exc.args[1], attrs.Attribute):
        # An attrs validator of a class of yours (in_, instance_of...): its
        # message, not the tuple of what it was given; at its field, where
        # it is a field of ``cls`` itself (not of a class inside it, as a
        # copy without detailed validation lets one rise, its path unknown).
        field = exc.args[1]
        held = typing.get_origin(cls) or cls
        if attrs.has(held) and attrs.fields_dict(held).get(field.name) is field:
            yield (*path, field.name), exc.args[0]
        else:
            yield path, f"cannot be read: {exc.args[0]}"
    else:
        yield path, f"cannot be read: {exc}"


def _looked_up(exc: KeyError) -> bool:
    """Whether ``exc`` is cattrs looking up a field's key where the data
    have none: raised in the structuring function cattrs generated (named
    so, "<cattrs generated ...>", for tracebacks), not in a hook or a
    class's own code, whatever key it names (a field renamed, a record
    written flat with a prefix)."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_code.co_filename.startswith("<cattrs generated")


Listed = TypeVar("Listed", bound=tuple[Any, ...])


def most_listed(found: list[Listed], room: int) -> tuple[list[Listed], int]:
    """Of ``found`` (problems, each message last), the problems listed where
    at most ``room`` are, and how many are not listed. A problem that stands
    for others (a :class:`Tally`) is listed where the problem it follows is
    and there is room; else one that counts is counted as the problems it
    stands for, and one that says where checking stopped takes the place of
    the problem before it, so that the count is right and the stop said."""
    out: list[Listed] = []
    cut = 0
    listed = False  # the problem before
    for problem in found:
        m = problem[-1]
        if not isinstance(m, Tally):
            listed = len(out) < room
            if listed:
                out.append(problem)
            else:
                cut += 1
        elif listed and len(out) < room:
            out.append(problem)
        elif listed and not m.more:
            out[-1] = problem
            cut += 1
        else:
            cut += m.more
    return out, cut


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
