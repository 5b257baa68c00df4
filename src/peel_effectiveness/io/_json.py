"""Strict JSON reading, and finding the line of any value when a problem needs it.

The standard library parses; a small scanner finds lines only when a
document has problems, so valid files pay nothing for it.
"""

from __future__ import annotations

import bisect
import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from ._limits import Limits
from ._parsed import NeedDetail, Parsed, Unreadable

Path = tuple[str | int, ...]

WS = re.compile(r"[ \t\n\r]*")


def reject_constant(name: str) -> Any:
    """For ``parse_constant``: JSON has no NaN or infinities."""
    raise ValueError(f"{name} is not a number JSON allows")


class _Repeated(Exception):
    """A key written twice in one object."""


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Repeated
    return out


def parse_fast(text: str, limits: Limits) -> tuple[Any, int]:
    """Parse one plain JSON document, and how large it may be: an upper bound
    of the values it holds.

    Raises:
        NeedDetail: Anything out of the ordinary (not JSON, NaN, a repeated
            key, too deep), which :func:`parse` then reports with its line.
    """
    try:
        value = json.loads(text, object_pairs_hook=_no_repeats, parse_constant=reject_constant)
    except (ValueError, RecursionError, _Repeated):
        raise NeedDetail from None
    # Every value takes a character, and all but the first follow a separator
    # or an opening bracket, as every key does: half the length bounds the
    # values, and where that is not enough, the count of those (in C).
    most = len(text) // 2 + 1
    if most > limits.max_nodes:
        most = 1 + sum(text.count(c) for c in ",:[{")
    return value, most


def check_size(value: Any, limits: Limits) -> None:
    """Raise :class:`Unreadable` where ``value`` is deeper or larger than the limits."""
    depth, nodes = _size(value)
    if depth > limits.max_depth:
        raise Unreadable(f"the data is nested more than {limits.max_depth} levels deep", None)
    if nodes > limits.max_nodes:
        raise Unreadable(f"the document has more than {limits.max_nodes} values", None)


_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity")


def parse(text: str, limits: Limits) -> Parsed:
    """Parse one JSON document, refusing duplicate keys, NaN and infinities.

    Raises:
        Unreadable: The text is not valid JSON or breaks a limit.
    """
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                duplicates.append(k)
                continue
            out[k] = v
        return out

    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_constant=reject_constant)
    except json.JSONDecodeError as e:
        raise Unreadable(f"not valid JSON: {e.msg} (column {e.colno})", e.lineno) from None
    except ValueError as e:  # NaN, Infinity, integers too long to read
        lines_of = _line_finder(text)
        m = re.search(r"NaN|-?Infinity|\d{4000,}", text)
        reason = "a number has too many digits" if "digits" in str(e) else str(e)
        raise Unreadable(f"not valid JSON: {reason}", lines_of(m.start()) if m else None) from None
    except RecursionError:
        raise Unreadable(
            "the data is nested too deeply (the JSON reader stops before it can say on which line)", None
        ) from None
    check_size(value, limits)
    parsed = Parsed(value, {}, {}, [])
    if duplicates:
        index(text, parsed)
    return parsed


def _size(value: Any) -> tuple[int, int]:
    """How deeply containers nest, and how many values the data hold,
    counting keys as values (both as the YAML reader counts them)."""
    depth, nodes, level = 0, 1, [value]
    while True:
        containers = [v for v in level if isinstance(v, (dict, list))]
        if not containers:
            return depth, nodes
        depth += 1
        level = []
        for v in containers:
            if isinstance(v, dict):
                level.extend(v.values())
                nodes += 2 * len(v)
            else:
                level.extend(v)
                nodes += len(v)


def _line_finder(text: str) -> Any:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return lambda pos: bisect.bisect_right(starts, pos)


def index(text: str, parsed: Parsed) -> None:
    """Fill ``parsed.lines`` and ``key_lines``, and report duplicate keys."""
    line_of = _line_finder(text)
    lines, _key_lines = parsed.lines, parsed.key_lines
    # An explicit stack: each frame is (path, is_object, next index, keys seen).
    pos = WS.match(text, 0).end()  # type: ignore[union-attr]
    stack: list[list[Any]] = []
    path: Path = ()
    expect_value = True
    while pos < len(text):
        ch = text[pos]
        if expect_value:
            lines[path] = line_of(pos)
            if ch in "{[":
                stack.append([path, ch == "{", 0, {}])
                pos = WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                if pos < len(text) and text[pos] in "}]":
                    stack.pop()
                    pos += 1
                    expect_value = False
                    continue
                if ch == "{":
                    pos = _read_key(text, pos, stack[-1], line_of, parsed)
                    path = stack[-1][0] + (stack[-1][2],)
                else:
                    path = stack[-1][0] + (0,)
                continue
            if ch == '"':
                _, pos = scanstring(text, pos + 1)
            else:
                m = _SCALAR.match(text, pos)
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
                pos = _read_key(text, pos, frame, line_of, parsed)
                path = frame[0] + (frame[2],)
            else:
                frame[2] += 1
                path = frame[0] + (frame[2],)
            expect_value = True
        elif ch in "}]":
            stack.pop()
            pos += 1
        else:
            return


def _read_key(text: str, pos: int, frame: list[Any], line_of: Any, parsed: Parsed) -> int:
    key, pos = scanstring(text, pos + 1)
    line = line_of(pos)
    seen: dict[str, int] = frame[3]
    if key in seen:
        parsed.problems.append(
            (
                frame[0] + (key,),
                line,
                f"duplicate key {key!r} (first at line {seen[key]}): a JSON reader would silently keep only one value",
            )
        )
    else:
        seen[key] = line
        parsed.key_lines[frame[0] + (key,)] = line
    frame[2] = key
    pos = WS.match(text, pos).end()  # type: ignore[union-attr]
    return WS.match(text, pos + 1).end()  # type: ignore[union-attr]  # past ':'
