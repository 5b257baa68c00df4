"""Strict JSON reading, and finding the line of any value when a problem needs it.

The standard library parses; a small scanner finds lines only when a
document has problems, so valid files pay nothing for it.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Container, Iterable, Iterator
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from ..model._exact import needs_look, not_held
from ..model._messages import counted
from ..model._values import MOST_DIGITS, MOST_PROBLEMS, StandIn, too_long
from ._json_size import SCALAR, check_size, line_past_limit
from ._limits import Limits
from ._parsed import (
    PYTHON_DIGITS,
    Parsed,
    Path,
    Unreadable,
    by_line,
    first_listed,
    holders,
    items_of,
    line_at,
    line_finder,
)

WS = re.compile(r"[ \t\n\r]*")


class _Refused(StandIn):
    """A number JSON writes that the data cannot hold, as it is written,
    left in the value's place (the standard library's reader would stop at
    an exception, and every problem is to be named). Its message is made
    only for the problems an error lists: a document may hold two million."""

    __slots__ = ()

    @property
    def message(self) -> str:
        """Why the number is refused."""
        if self in ("NaN", "Infinity", "-Infinity"):
            return f"{self} is not a number JSON allows"
        digits = self.lstrip("-")
        if digits.isdigit():  # a whole number too long for Python to read
            return too_long(len(digits), "digits")
        why = _refusal(self, float(self))
        assert why is not None  # the reader refused it for this reason
        return why


def _refusal(text: str, number: float) -> str | None:
    """Why the number ``text``, read as ``number``, cannot be a figure, or ``None``."""
    if len(text) > MOST_DIGITS:
        return too_long(len(text), "characters")
    if number in (_INF, -_INF):
        return f"{text} is too large a number (it would be read as infinity)"
    if number == 0.0 and any(c in "123456789" for c in text.lower().split("e")[0]):
        return f"{text} is too small a number (it would be read as 0)"
    return not_held(text, number)


_INF = math.inf
# The \\u escape of a surrogate: JSON can write half a pair, which no text
# can hold (it cannot be written out again as UTF-8).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def parse(text: str, limits: Limits) -> Parsed:
    """Parse one JSON document, refusing NaN, infinities and numbers too
    large or small to hold; a key written twice in an object is a problem
    of the document (the first value is kept).

    Raises:
        Unreadable: The text is not valid JSON or breaks a limit.
    """
    repeated = False
    refused: list[_Refused] = []  # the last refused: a run of the same is one value

    def refuse(text: str) -> _Refused:
        if not refused or refused[0] != text:
            refused[:] = [_Refused(text)]
        return refused[0]

    def real(text: str) -> float | _Refused:
        number = float(text)
        # Only a number of many digits, or read as 0, infinity or one too
        # small for a float's full precision, needs a second look.
        if needs_look(text, number) and _refusal(text, number) is not None:
            return refuse(text)
        return number

    later: list[tuple[dict[str, Any], str, Any]] = []  # a repeated key's last value, by its mapping

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        out = dict(items)
        if len(out) != len(items):
            repeated = True
            out, last = {}, {}
            for k, v in items:
                if k in out:
                    last[k] = v
                else:
                    out[k] = v
            later.extend((out, k, v) for k, v in last.items())
        return out

    def whole(text: str) -> int | _Refused:
        # Read again where the standard library's reader refused a whole
        # number of more digits than Python reads: each such one a problem
        # of its field, and every other read as the first reading reads it.
        return refuse(text) if len(text.lstrip("-")) > PYTHON_DIGITS else int(text)

    # Every value takes a character, and all but the first follow a separator
    # or an opening bracket, as every key does: half the length bounds the
    # values, and a document that short cannot break the limit on values.
    # Where that is not enough, the count of those (in C); where even that is
    # not, the values are counted before they are read: Python's objects
    # take many times the text, past what the limits promise. Nor can a
    # document the model accepts be nested more than a few levels: the limit
    # on depth is checked when the reports have problems, where it explains
    # them (see check_size).
    bound = len(text) // 2 + 1
    if bound > limits.max_nodes:
        bound = 1 + sum(text.count(c) for c in ",:[{")
        if bound > limits.max_nodes:
            line = line_past_limit(text, math.inf, limits.max_nodes)
            if line is not None:
                raise Unreadable(f"the document has more than {limits.max_nodes} values", line)
    # Within the limit, some of those characters in text: counted once read.
    nodes = bound if bound <= limits.max_nodes else None
    try:
        # Whole numbers are read by the standard library's own reader, which
        # refuses one of more than 4,300 digits (read again, below); a
        # shorter one too long to be a figure is refused by the model.
        try:
            value = json.loads(text, object_pairs_hook=pairs, parse_constant=refuse, parse_float=real)
        except ValueError as e:
            if isinstance(e, json.JSONDecodeError) or "digits" not in str(e):
                raise
            refused.clear()
            value = json.loads(
                text, object_pairs_hook=pairs, parse_constant=refuse, parse_float=real, parse_int=whole
            )
    except json.JSONDecodeError as e:
        column = e.pos - max(text.rfind("\n", 0, e.pos), text.rfind("\r", 0, e.pos))
        raise Unreadable(f"not valid JSON: {e.msg} (column {column})", line_at(text, e.pos)) from None
    except ValueError as e:
        raise Unreadable(f"not valid JSON: {e}", None) from None
    except RecursionError:
        # Deeper than Python's own reader goes: past the limit, said where.
        line = line_past_limit(text, limits.max_depth, math.inf)
        if line is not None:
            raise Unreadable(
                f"the data is nested more than {counted(limits.max_depth, 'level')} deep", line
            ) from None
        # Within the limit, deeper than Python's reader could go, called
        # from a program that was itself deep in calls.
        raise Unreadable(
            "the data is nested too deeply for Python's JSON reader called from here", None
        ) from None
    parsed = Parsed(value, nodes=check_size(value, limits, text) if nodes is None else nodes)
    if repeated:
        # The repeated keys, with their lines; no other line (those of the
        # problems an error lists are found once they are known).
        index(text, parsed, frozenset())
        _repeats(value, later, parsed)
    if _SURROGATE_ESCAPE.search(text):
        # First: a key it leaves out takes its value's refused numbers with it.
        from ._json_unicode import valid_unicode

        parsed.value = value = valid_unicode(value, text, parsed)
    if refused:
        _said_refused(value, text, parsed)
    return parsed


def _said_refused(value: Any, text: str, parsed: Parsed) -> None:
    """A problem of its field for each number the reader refused, each left
    in its place as written (as the YAML reader leaves its own): the
    reading goes on, and the document's other problems are named too. The
    first an error may list are kept with their lines, the others counted
    (two million refused numbers, each kept, took five times the text's
    memory)."""
    found = [((), value)] if value.__class__ is _Refused else first_listed(_refused_in(value, ()), parsed)
    where = lines_of(text, (p for p, _ in found))
    parsed.problems += [(path, where.line_of(path), r.message) for path, r in found]


def _refused_in(value: Any, path: Path) -> Iterator[tuple[Path, _Refused]]:
    """Each number the reader refused inside ``value`` (which is at
    ``path``), with where it is, in the document's order."""
    stack: list[tuple[Path, Iterator[tuple[Any, Any]]]] = [(path, items_of(value))]
    while stack:
        at, items = stack[-1]
        for k, item in items:
            if item.__class__ is _Refused:
                yield (*at, k), item
            elif item.__class__ is dict or item.__class__ is list:
                stack.append(((*at, k), items_of(item)))
                break
        else:
            stack.pop()


def _repeats(value: Any, later: list[tuple[dict[str, Any], str, Any]], parsed: Parsed) -> None:
    """Note each repeated key's last value (read, not kept: the first
    stays) with its path and the repeat's line, to be checked apart (see
    :attr:`Parsed.repeats`); a number refused in it is said there."""
    repeats: dict[int, list[tuple[str, Any]]] = {}  # by the mapping that repeats a key
    for d, k, repeat in later:
        repeats.setdefault(id(d), []).append((k, repeat))
    # Where each such mapping is, in the document or in a repeat's value
    # (a repeat inside a repeat is said at its place in the outer one).
    at: dict[int, Path] = {}
    stack: list[tuple[Path, Any]] = [((), value)]
    while stack and len(at) < len(repeats):
        path, v = stack.pop()
        if v.__class__ is dict:
            if id(v) in repeats:
                at[id(v)] = path
                stack.extend(((*path, k), repeat) for k, repeat in repeats[id(v)])
            stack.extend(((*path, k), item) for k, item in v.items())
        elif v.__class__ is list:
            stack.extend(((*path, i), item) for i, item in enumerate(v))
    # The line of each repeat: of the last of its key's repeats.
    lines = {p: line for p, line, message in parsed.problems if message.startswith("duplicate key")}
    placed = [((*at[id(d)], k), repeat) for d, k, repeat in later if id(d) in at]
    # The outer first, so that one inside it is checked in its place there.
    placed.sort(key=lambda x: len(x[0]))
    for path, repeat in placed:
        line = lines.get(path)
        if repeat.__class__ is not _Refused:
            parsed.repeats.append((path, repeat, line))
    # The numbers refused in them, in the file's order (each said at its repeat's line).
    found = itertools.chain.from_iterable(
        [(path, repeat)] if repeat.__class__ is _Refused else _refused_in(repeat, path)
        for path, repeat in sorted(placed, key=lambda x: by_line(lines.get(x[0])))
    )
    parsed.problems += [
        (where, lines.get(_repeat_of(where, lines)), r.message) for where, r in first_listed(found, parsed)
    ]


def _repeat_of(path: Path, lines: dict[Path, int | None]) -> Path:
    """The path of the repeat that holds ``path`` (its line is the repeat's)."""
    return next((path[:i] for i in range(len(path), 0, -1) if path[:i] in lines), path)


def lines_of(text: str, wanted: Iterable[Path]) -> Parsed:
    """A reading of ``text`` that says the lines of the paths ``wanted``
    (its ``line_of``), and holds nothing else: the scan's repeated keys,
    said already, are its own."""
    found = Parsed(None)
    index(text, found, frozenset(wanted))
    return found


def index(text: str, parsed: Parsed, wanted: frozenset[Path] | None = None) -> None:
    """Fill ``parsed.lines`` and ``key_lines``, and report duplicate keys.

    With ``wanted``, only the lines of those paths, and of every value that
    holds them, are noted, and the scan stops once each is noted or the
    value that would hold it has ended without it (a missing key)."""
    line_of = line_finder(text)
    lines = parsed.lines
    noted: dict[Path, list[Path]] | None = None
    unsettled: set[Path] = set(wanted or ())
    if wanted is not None:
        noted = holders(wanted)
    # An explicit stack: each frame is (path, is_object, next index, keys seen).
    pos = WS.match(text, 0).end()  # type: ignore[union-attr]
    stack: list[list[Any]] = []
    path: Path = ()
    expect_value = True
    while pos < len(text):
        ch = text[pos]
        if expect_value:
            if noted is None or path in noted:
                lines[path] = line_of(pos)
                unsettled.discard(path)
            if ch in "{[":
                stack.append([path, ch == "{", 0, {}])
                pos = WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                if pos < len(text) and text[pos] in "}]":
                    stack.pop()
                    pos += 1
                    expect_value = False
                    continue
                if ch == "{":
                    pos = _read_key(text, pos, stack[-1], line_of, parsed, noted)
                    path = stack[-1][0] + (stack[-1][2],)
                else:
                    path = stack[-1][0] + (0,)
                continue
            if ch == '"':
                _, pos = scanstring(text, pos + 1)
            else:
                m = SCALAR.match(text, pos)
                if not m:
                    return
                pos = m.end()
            expect_value = False
            continue
        pos = WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text) or not stack:
            return
        frame = stack[-1]
        ch = text[pos]
        if ch == ",":
            pos = WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            if frame[1]:
                pos = _read_key(text, pos, frame, line_of, parsed, noted)
                path = frame[0] + (frame[2],)
            else:
                frame[2] += 1
                path = frame[0] + (frame[2],)
            expect_value = True
        elif ch in "}]":
            done = stack.pop()[0]
            pos += 1
            if noted is not None and done in noted:
                unsettled.difference_update(noted[done])
                if not unsettled:
                    return
        else:
            return


def _read_key(
    text: str, pos: int, frame: list[Any], line_of: Any, parsed: Parsed, noted: Container[Path] | None
) -> int:
    key, pos = scanstring(text, pos + 1)
    line = line_of(pos)
    seen: dict[str, int] = frame[3]
    if key in seen:
        if len(parsed.problems) >= MOST_PROBLEMS:
            parsed.unlisted += 1  # (counted, not kept: the first an error may list are)
        else:
            parsed.problems.append(
                (
                    frame[0] + (key,),
                    line,
                    f"duplicate key {key!r} (first at line {seen[key]}): a JSON reader would silently keep only one value",
                )
            )
    else:
        seen[key] = line
        at = frame[0] + (key,)
        if noted is None or at in noted:
            parsed.key_lines[at] = line
    frame[2] = key
    pos = WS.match(text, pos).end()  # type: ignore[union-attr]
    return WS.match(text, pos + 1).end()  # type: ignore[union-attr]  # past ':'
