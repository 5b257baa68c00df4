"""Half a surrogate pair in a JSON text or key: one problem of its field
among the document's others.

JSON can write half a pair (``"\\ud800"``), and no text can hold one: it
cannot be written out again as UTF-8. Apart from :mod:`._json` because
valid documents never need it.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    named too. Past the most an error lists, they are counted."""
    listed: list[tuple[Path, bool, str]] = []  # where, whether a key, the text
    if _bad(value):  # the whole document is one text
        parsed.stood_in.add(())
        listed.append(((), False, value))
        value = _escaped(value)
    more = 0  # past the most an error lists: counted
    dropped: list[tuple[dict[str, Any], str, Path]] = []
    stack: list[tuple[Path, Any, Iterator[tuple[Any, Any]]]] = [((), value, _items(value))]
    while stack:
        at, holder, items = stack[-1]
        for k, item in items:
            key = holder.__class__ is dict and _bad(k)
            if key or _bad(item):
                path = (*at, k)
                if len(listed) + len(parsed.problems) < MOST_PROBLEMS:
                    listed.append((path, key, k if key else item))
                else:
                    more += 1
                if key:
                    dropped.append((holder, k, path))
                else:
                    holder[k] = _escaped(item)
                    parsed.stood_in.add(path)
            elif item.__class__ is dict or item.__class__ is list:
                stack.append(((*at, k), item, _items(item)))
                break
        else:
            stack.pop()
    if not listed and not more:
        return value  # a pair's two halves, written as escapes (as json.dumps writes an emoji)
    parsed.unlisted += more
    if dropped:
        # (A key left out shifts no other path: a mapping's keys are no places.)
        gone = {path for _, _, path in dropped}
        parsed.problems[:] = [
            x for x in parsed.problems if not any(x[0][:i] in gone for i in range(1, len(x[0]) + 1))
        ]
        for holder, k, _ in dropped:
            del holder[k]
    # Each one's line, in the document as read.
    where = Parsed(value)
    index(text, where, frozenset(p for p, _, _ in listed))
    for path, key, held in listed:
        shown = _escaped(held[:20]) + ("..." if len(held) > 20 else "")
        message = (
            f"the text '{shown}' holds half a surrogate pair (\\ud800 to \\udfff): it is not valid Unicode"
        )
        parsed.problems.append(
            ((*path[:-1], _escaped(path[-1])) if key else path, where.line_of(path), message)
        )
    return value


def _bad(s: Any) -> bool:
    """Whether ``s`` is a text holding half a surrogate pair."""
    return s.__class__ is str and not s.isascii() and not _encodes(s)


def _items(value: Any) -> Iterator[tuple[Any, Any]]:
    """The keys (or indexes) and values of a mapping or list; of another value, none."""
    if value.__class__ is dict:
        return iter(value.items())
    return enumerate(value) if value.__class__ is list else iter(())


def _escaped(s: Any) -> Any:
    """Text with half a surrogate pair written as its escape (``\\ud800``)."""
    return s.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(s, str) else s


def _encodes(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
