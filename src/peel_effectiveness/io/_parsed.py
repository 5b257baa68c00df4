"""What the readers of YAML and JSON text give: a parsed document, or why not.

Kept apart from the readers so that reading JSON does not import PyYAML.
"""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from ..model._values import MOST_PROBLEMS, StandIn

T = TypeVar("T")
Path = tuple[str | int, ...]

# The most digits Python reads as a whole number (sys.get_int_max_str_digits:
# 4,300 unless the program says otherwise; a reading past it fails): one
# longer is refused by the readers themselves (a figure has at most
# MOST_DIGITS, which the rules of numbers check).
PYTHON_DIGITS = getattr(sys, "get_int_max_str_digits", lambda: 0)() or math.inf


def line_at(text: str, at: int, start: int = 0, line: int = 1) -> int:
    """The line of ``text`` that position ``at`` is on, counted on from
    ``line`` at ``start``: a line ends at LF, CRLF or a lone CR, as editors
    and YAML count them (a CRLF's, past its LF).

    Examples:
        >>> line_at("a\\r\\nb\\rc\\nd", 7), line_at("a\\r\\nb", 2), line_at("a\\r\\nb", 3)
        (4, 1, 2)
    """
    line += text.count("\n", start, at) + text.count("\r", start, at) - text.count("\r\n", start, at)
    if start < at < len(text) and text[at - 1] == "\r" and text[at] == "\n":
        line -= 1  # a CRLF that ends past ``at`` (its LF counts it, counted on from ``at``)
    return line


def line_finder(text: str) -> Callable[[int], int]:
    """The line of each position asked of it (see :func:`line_at`): counted
    on from the position asked before (a scan asks them in order), so that
    no list of a file's line starts is held (a file of blank lines had one
    number a byte, 40 times its size)."""
    last = [0, 1]  # the position asked before, and its line

    def line_of(pos: int) -> int:
        start, line = last
        if pos < start:
            start, line = 0, 1
        last[0], last[1] = pos, line_at(text, pos, start, line)
        return last[1]

    return line_of


def holders(wanted: Iterable[Path]) -> dict[Path, list[Path]]:
    """Each path that holds a ``wanted`` one (each wanted path holds
    itself), with the wanted paths it holds: the paths whose lines a reader
    notes, and, when one of them ends, the wanted ones it can no longer
    hold (looked up, not searched for: a file of thousands of problems is
    read in time in proportion to its size)."""
    out: dict[Path, list[Path]] = {}
    for w in wanted:
        for i in range(len(w) + 1):
            out.setdefault(w[:i], []).append(w)
    return out


def stands_in(document: Any, path: Path) -> bool:
    """Whether the value at ``path`` in ``document`` is a :class:`StandIn`
    (``False`` where there is no such value)."""
    v = document
    for step in path:
        if v.__class__ is dict:
            if step not in v:
                return False
            v = v[step]
        elif v.__class__ is list and step.__class__ is int and 0 <= step < len(v):
            v = v[step]
        else:
            return False
    return isinstance(v, StandIn)


def first_listed(found: Iterable[T], parsed: Parsed) -> list[T]:
    """The first of ``found`` (problems of one kind, in the file's order)
    that an error may list; the rest are counted in ``parsed.unlisted``,
    not kept: a file may hold two million. (Each kind keeps its own first:
    the reader's problems are put in the file's order before any is
    listed.)"""
    found = iter(found)
    first = list(itertools.islice(found, MOST_PROBLEMS))
    parsed.unlisted += sum(1 for _ in found)
    return first


def items_of(value: Any) -> Iterator[tuple[Any, Any]]:
    """The keys (or indexes) and values of a mapping or list; of another value, none."""
    if value.__class__ is dict:
        return iter(value.items())
    return enumerate(value) if value.__class__ is list else iter(())


def by_line(line: int | None) -> tuple[bool, int]:
    """The order of a line in the file; an unknown one last."""
    return line is None, line or 0


class StoodIn:
    """Where a value the reader refused stands in the document as read, for
    the reading to go on, where it cannot mark itself as a refused text
    does (:class:`StandIn`): a mapping or list with a tag, and a text or
    key holding a YAML 1.1 line break (which stands in for it); with
    whether it is the key a value is written under. The converter's
    problem of such a value (or key) gives way to the reader's.

    Kept by the path of the mapping or list that holds them, with their
    keys or indexes: many in one list, however deep, are one path and a
    set of indexes.
    """

    __slots__ = ("_keys", "_values")

    def __init__(self) -> None:
        self._values: dict[Path | None, set[str | int | None]] = {}
        self._keys: dict[Path | None, set[str | int | None]] = {}

    def add(self, path: Path, key: bool = False) -> None:
        """Note the value at ``path`` as a stand-in; with ``key``, the key
        it is written under."""
        holder, last = _split(path)
        into = self._keys if key else self._values
        held = into.get(holder)
        if held is None:
            into[holder] = {last}
        else:
            held.add(last)

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, tuple):
            return False
        holder, last = _split(path)
        return last in self._values.get(holder, ()) or last in self._keys.get(holder, ())

    def of_key(self, path: Path) -> bool:
        """Whether the key the value at ``path`` is written under was refused."""
        holder, last = _split(path)
        return last in self._keys.get(holder, ())


def _split(path: Path) -> tuple[Path | None, str | int | None]:
    """The path of what holds a value, and its key or index there (the
    whole document: held by nothing)."""
    return (path[:-1], path[-1]) if path else (None, None)


@attrs.define
class Parsed:
    """A parsed document.

    Attributes:
        value: The document's value: plain dicts, lists and scalars.
        lines: The line of each value, by its path (noted only when asked).
        key_lines: The line of each key, by the path of its value.
        problems: What did not stop the reading (a repeated key...), with
            path and line.
        nodes: How many values the document holds (keys count).
        stood_in: Where a value or key the reader refused stands as read,
            where it does not mark itself (:class:`StoodIn`; a repeated
            key's first value is no stand-in: its problems are its own).
        repeats: Each repeated key's value, read and not kept (the first
            stays), with its path and the repeat's line: checked apart, in
            the place of the first, so that its problems are said too.
        in_repeats: Where, inside a repeated key's value, a mapping, list
            or key was refused (as ``stood_in``, for the repeats' check).
        unlisted: How many problems the reader found past the most an
            error lists (after ``problems``): counted, not kept.
    """

    value: Any
    lines: dict[Path, int | None] = attrs.Factory(dict)
    key_lines: dict[Path, int] = attrs.Factory(dict)
    problems: list[tuple[Path, int | None, str]] = attrs.Factory(list)
    nodes: int = 0
    stood_in: StoodIn = attrs.Factory(StoodIn)
    repeats: list[tuple[Path, Any, int | None]] = attrs.Factory(list)
    in_repeats: StoodIn = attrs.Factory(StoodIn)
    unlisted: int = 0

    def line_of(self, path: Path) -> int | None:
        """The line of a problem's value: of its key where it has one, else
        of the value; of the nearest value that holds it where it is not in
        the file (a missing key is said of the mapping that lacks it)."""
        while True:
            if path in self.key_lines:
                return self.key_lines[path]
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


class Unreadable(Exception):
    """The document cannot be read at all (not YAML or JSON, or over a limit)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.line = message, line
