"""The size of a JSON document: the values it holds and how deeply they
nest, counted against the limits before or after it is read."""

from __future__ import annotations

import math
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from ..model._messages import counted
from ._limits import Limits
from ._parsed import Unreadable, line_at


def check_size(value: Any, limits: Limits, text: str) -> int:
    """How many values ``value`` (read from ``text``) holds, where it is
    within the limits.

    Raises:
        Unreadable: It is nested deeper, or holds more values, than the
            limits allow (with the line where it first does).
    """
    depth, nodes = _size(value)
    if depth > limits.max_depth:
        raise Unreadable(
            f"the data is nested more than {counted(limits.max_depth, 'level')} deep",
            line_past_limit(text, limits.max_depth, math.inf),
        )
    if nodes > limits.max_nodes:
        raise Unreadable(
            f"the document has more than {limits.max_nodes} values",
            line_past_limit(text, math.inf, limits.max_nodes),
        )
    return nodes


def line_past_limit(text: str, depth: float, nodes: float) -> int | None:
    """The line where JSON is first nested deeper than ``depth``, or where
    its value one more than ``nodes`` is (the values counted as
    :func:`_size` counts them), if either is. Counting stops at a text that
    is not valid JSON (the reader says what is wrong with it)."""
    level = counted_nodes = pos = 0
    find = TOKEN.search
    while (m := find(text, pos)) is not None:
        c = m.group()[0]
        pos = m.end()
        if c == '"':
            # A text is read by the standard library's own reader, in C: a
            # pattern kept a place for each character of a long one (3 GB
            # for 24 MB), and read one never closed again from each quote.
            try:
                pos = scanstring(text, pos)[1]
            except ValueError:
                return None
        if c == "]" or c == "}":
            level -= 1
            continue
        counted_nodes += 1
        if c == "[" or c == "{":
            level += 1
        if level > depth or counted_nodes > nodes:
            return line_at(text, m.start())
    return None


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


# NaN and the infinities too: the reader reads them, to refuse each as a problem of its field.
SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity")
# The start of a value or a key of valid JSON (a text at its quote), or the
# end of a container.
TOKEN = re.compile(r'"|[\[\]{}]|' + SCALAR.pattern)
