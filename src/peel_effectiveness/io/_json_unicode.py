"""Half a surrogate pair in a JSON text or key: one problem of its field
among the document's others.

JSON can write half a pair (``"\\ud800"``), and no text can hold one: it
cannot be written out again as UTF-8. Apart from :mod:`._json` because
valid documents never need it.
"""

from __future__ import annotations

from typing import Any

from ..model._values import MOST_PROBLEMS
from ._json import index
from ._parsed import Parsed, Path

__all__ = ["valid_unicode"]


def valid_unicode(value: Any, text: str, parsed: Parsed) -> Any:
    """The document with each text holding half a surrogate pair written
    with the half escaped, and a problem of its field for each (each key
    holding one is a problem too, and left out with its value, and with
    whatever was found under it, as the YAML reader leaves out a key that
    is no text): the reading goes on, and the document's other problems are
    named too."""
    found: list[tuple[Path, bool]] = []  # where, and whether it is a key

    def bad(s: Any) -> bool:
        return s.__class__ is str and not s.isascii() and not _encodes(s)

    stack: list[tuple[Path, Any]] = [((), value)]
    while stack:
        path, v = stack.pop()
        if bad(v):
            found.append((path, False))
        elif v.__class__ is dict:
            for k, item in v.items():
                if bad(k):
                    found.append(((*path, k), True))
                else:
                    stack.append(((*path, k), item))
        elif v.__class__ is list:
            stack.extend(((*path, i), item) for i, item in enumerate(v))
    if not found:  # a pair's two halves, written as escapes (as json.dumps writes an emoji)
        return value
    # Each one's line, in the document as read (of those an error lists:
    # the others are only counted).
    listed = frozenset(p for p, _ in found[:MOST_PROBLEMS])
    where = Parsed(value)
    index(text, where, listed)
    dropped = {p for p, key in found if key}
    if dropped:
        parsed.problems[:] = [
            x for x in parsed.problems if not any(x[0][:i] in dropped for i in range(1, len(x[0]) + 1))
        ]
    # (A key left out shifts no other path: a mapping's keys are no places.)
    for path, key in found:
        *above, last = path or ("",)
        holder = value
        for step in above:
            holder = holder[step]
        s = str(last if key else holder[last] if path else value)  # a text or a key: str
        shown = _escaped(s[:20]) + ("..." if len(s) > 20 else "")
        message = (
            f"the text '{shown}' holds half a surrogate pair (\\ud800 to \\udfff): it is not valid Unicode"
        )
        line = where.line_of(path) if path in listed else None
        parsed.problems.append(((*above, _escaped(last)) if key else path, line, message))
        if key:
            del holder[last]
            continue
        if path:
            holder[last] = _escaped(holder[last])
        else:
            value = _escaped(value)
        parsed.stood_in.add(path)
    return value


def _escaped(s: Any) -> Any:
    """Text with half a surrogate pair written as its escape (``\\ud800``)."""
    return s.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(s, str) else s


def _encodes(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
