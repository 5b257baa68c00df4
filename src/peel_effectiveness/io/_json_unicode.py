"""Half a surrogate pair in a JSON text or key: one problem of its field
among the document's others.

JSON can write half a pair (``"\\ud800"``), and no text can hold one: it
cannot be written out again as UTF-8. Apart from :mod:`._json` because
valid documents never need it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model._values import StandIn
from ._json import lines_of
from ._parsed import Parsed, Path, by_line, first_listed, items_of

__all__ = ["valid_unicode"]


def valid_unicode(value: Any, text: str, parsed: Parsed) -> Any:
    """The document with each text holding half a surrogate pair written
    with the half escaped (a :class:`StandIn`), and a problem of its field
    for each (each key holding one is a problem too, and left out with its
    value, and with whatever was found under it, as the YAML reader leaves
    out a key that is no text): the reading goes on, and the document's
    other problems are named too. So too in the repeated keys' values
    (:attr:`Parsed.repeats`), said at the repeat's line. Past the most an
    error lists, they are counted."""
    dropped: list[tuple[dict[str, Any], str, Path]] = []
    listed: list[tuple[Path, bool, str]]
    if _bad(value):  # the whole document is one text
        listed = [((), False, value)]
        value = StandIn(_escaped(value))
    else:
        listed = first_listed(_halves(value, (), dropped), parsed)

    def of_repeats() -> Iterator[tuple[Path, bool, str, int | None]]:
        # In the file's order (each said at its repeat's line).
        for n, (path, repeat, line) in sorted(enumerate(parsed.repeats), key=lambda x: by_line(x[1][2])):
            if _bad(repeat):
                parsed.repeats[n] = (path, StandIn(_escaped(repeat)), line)
                yield path, False, repeat, line
            else:
                yield from ((*half, line) for half in _halves(repeat, path, dropped))

    in_repeats = first_listed(of_repeats(), parsed)
    if not listed and not in_repeats:
        return value  # a pair's two halves, written as escapes (as json.dumps writes an emoji)
    if dropped:
        # (A key left out shifts no other path: a mapping's keys are no places.)
        gone = {path for _, _, path in dropped}
        parsed.problems[:] = [
            x for x in parsed.problems if not any(x[0][:i] in gone for i in range(1, len(x[0]) + 1))
        ]
        for holder, k, _ in dropped:
            del holder[k]
    # Each one's line, in the document as read; in a repeat's value, the repeat's.
    where = lines_of(text, (p for p, _, _ in listed))
    found = [(*half, where.line_of(half[0])) for half in listed] + in_repeats
    for path, key, held, line in found:
        shown = _escaped(held[:20]) + ("..." if len(held) > 20 else "")
        message = (
            f"the text '{shown}' holds half a surrogate pair (\\ud800 to \\udfff): it is not valid Unicode"
        )
        parsed.problems.append(((*path[:-1], _escaped(path[-1])) if key else path, line, message))
    return value


def _halves(
    value: Any, path: Path, dropped: list[tuple[dict[str, Any], str, Path]]
) -> Iterator[tuple[Path, bool, str]]:
    """Each text or key inside ``value`` (which is at ``path``) that holds
    half a surrogate pair, in the document's order, with where it is and
    whether it is a key: as each is reached, a text is escaped in its
    place, and a key noted in ``dropped``, to be left out."""
    stack: list[tuple[Path, Any, Iterator[tuple[Any, Any]]]] = [(path, value, items_of(value))]
    while stack:
        at, holder, items = stack[-1]
        for k, item in items:
            key = holder.__class__ is dict and _bad(k)
            if key or _bad(item):
                here = (*at, k)
                if key:
                    dropped.append((holder, k, here))
                else:
                    holder[k] = StandIn(_escaped(item))
                yield here, key, k if key else item
            elif item.__class__ is dict or item.__class__ is list:
                stack.append(((*at, k), item, items_of(item)))
                break
        else:
            stack.pop()


def _bad(s: Any) -> bool:
    """Whether ``s`` is a text holding half a surrogate pair."""
    return s.__class__ is str and not s.isascii() and not _encodes(s)


def _escaped(s: Any) -> Any:
    """Text with half a surrogate pair written as its escape (``\\ud800``)."""
    return s.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(s, str) else s


def _encodes(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
