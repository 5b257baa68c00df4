"""What libyaml cannot be trusted with, or says in its own words: the
characters YAML 1.1 reads otherwise than the text means (refused, each at
the value that holds it, libyaml reading a stand-in for it), and libyaml's
errors as the reader's problems, with their lines (a tab in the indentation
named as such)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from ..model._messages import counted
from ..model._values import StandIn
from ._parsed import Path, StoodIn, Unreadable, line_at

__all__ = [
    "YAML_1_1_BREAKS",
    "break_stopped_at",
    "breaks_found",
    "first_break",
    "restored",
    "stood_in_for_breaks",
    "unreadable",
]

# libyaml reads YAML 1.1, where NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR
# break lines: in a value they would become spaces or end it, and every line
# after would be numbered wrong. A lone surrogate is no character at all.
YAML_1_1_BREAKS = {
    "\x85": ("NEL", "\\N"),
    "\u2028": ("LINE SEPARATOR", "\\L"),
    "\u2029": ("PARAGRAPH SEPARATOR", "\\P"),
}


# Each break stands in the text libyaml reads as a character of the Private
# Use Area of its own, on the same line, in the same column: the text is
# read whole, and the value that holds a break is found by it. A text of
# more breaks than there are such characters, or that holds them already,
# or where libyaml cannot read a stand-in (in an anchor, a tag, straight
# after a colon), is refused at its first break, unread.
_FIRST_STAND_IN = 0xE000
_STAND_INS = 6400
_PRIVATE = f"[{chr(_FIRST_STAND_IN)}-{chr(_FIRST_STAND_IN + _STAND_INS - 1)}]"
_BREAK = "[" + "".join(YAML_1_1_BREAKS) + "]"


def stood_in_for_breaks(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with each YAML 1.1 line break in it replaced by a stand-in
    for libyaml to read, and the breaks (where each is, and which): see
    :func:`breaks_found`.

    Raises:
        Unreadable: The text is not Unicode (half a surrogate pair), or its
            breaks cannot be stood in for (see :func:`first_break`).
    """
    # str.find, count and encode run at memory speed; a regular expression
    # over a large text takes a hundred times as long.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise Unreadable(
            f"U+{ord(text[e.start]):04X} is half of a surrogate pair, not a character: the text is not Unicode",
            line_at(text, e.start),
        ) from None
    many = sum(text.count(ch) for ch in YAML_1_1_BREAKS)
    if not many:
        return text, []
    import re

    if many > _STAND_INS or re.search(_PRIVATE, text):
        raise first_break(text)
    breaks = [(m.start(), m.group()) for m in re.finditer(_BREAK, text)]
    n = iter(range(len(breaks)))
    return re.sub(_BREAK, lambda _: chr(_FIRST_STAND_IN + next(n)), text), breaks


def first_break(text: str, start: int = 0, end: int | None = None) -> Unreadable:
    """The refusal of a text at its first YAML 1.1 break (of those in
    ``text[start:end]``), with how many it holds."""
    at, ch = min((i, ch) for ch in YAML_1_1_BREAKS if (i := text.find(ch, start, end)) >= 0)
    many = sum(text.count(ch) for ch in YAML_1_1_BREAKS)
    more = f" (the file holds {many:,} such breaks)" if many > 1 else ""
    return Unreadable(_said(ch) + more, line_at(text, at))


def break_stopped_at(text: str, error: yaml.YAMLError) -> Unreadable | None:
    """Where libyaml could not read ``text`` with stand-ins for its breaks
    (see :func:`stood_in_for_breaks`), the refusal of a break where it
    stopped (in an anchor, a tag, straight after a colon, libyaml cannot
    read a stand-in): on the lines from what it was reading to the one it
    stopped on. ``None``: the text has another fault, to be said (a break
    elsewhere, in a comment, hid it)."""
    stopped = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if stopped is None:
        return None
    # (A mark's index counts the text's characters, as its column does.)
    stop = min(stopped.index, len(text))
    began = getattr(error, "context_mark", None) or stopped
    start = _line_start(text, min(began.index, stop))
    ends = [i for i in (text.find("\n", stop), text.find("\r", stop)) if i >= 0]
    end = min(ends, default=len(text))
    if any(text.find(ch, start, end) >= 0 for ch in YAML_1_1_BREAKS):
        return first_break(text, start, end)
    return None


def _line_start(text: str, at: int) -> int:
    """Where the line that position ``at`` is on starts (0 for any before)."""
    if at <= 0:
        return 0
    return max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1


def breaks_found(
    value: Any, breaks: list[tuple[int, str]], text: str, stood_in: StoodIn
) -> list[tuple[Path, int, str]]:
    """The problems of the breaks :func:`stood_in_for_breaks` put stand-ins
    for: one at each value (or key) that holds any, on the line of its
    first, each such value or key noted in ``stood_in`` (see
    :class:`~._parsed.StoodIn`). Breaks in no value (in a comment,
    or in a repeated key's value) are said once a line, as the document's."""
    import re

    private = re.compile(_PRIVATE)
    lines, line, last = [], 1, 0
    for at, _ in breaks:  # in the order of the text: counted once
        line = line_at(text, at, last, line)
        lines.append(line)
        last = at
    problems: list[tuple[Path, int, str]] = []
    said: set[int] = set()

    # Each text read once (an alias repeats its anchor's): the breaks it holds.
    held_by: dict[int, list[int]] = {}

    keys: list[tuple[dict[str, Any], str]] = []  # the keys holding breaks, with their mappings

    def found(text_held: str, at: Any, key: bool, holder: Any = None) -> None:
        held = held_by.get(id(text_held))
        if held is None:  # the first time, where it is written: said there
            held = held_by[id(text_held)] = [
                n
                for m in private.finditer(text_held)
                if (n := ord(m.group()) - _FIRST_STAND_IN) < len(breaks)
            ]
            if held and not said.issuperset(held):
                said.update(held)
                problems.append((restored(_path(at), breaks), lines[held[0]], _said(breaks[held[0]][1])))
        if held and key:
            keys.append((holder, text_held))  # a key marks itself, once the walk is done
        elif held:
            stood_in.add(_path(at))  # at an alias too: the stand-in is no value to check

    # In the order of the file, a path made only for a text that holds a
    # break (each value's path is a link to its holder's: a document of
    # millions of values, deep, is walked in little memory).
    if value.__class__ is str and not value.isascii():
        found(value, None, False)
    todo: list[tuple[Any, Any, Any]] = (
        [(None, value, _items(value))] if value.__class__ in (dict, list) else []
    )
    while todo:
        at, container, items = todo[-1]
        for k, v, is_key in items:
            here = (at, k)
            if isinstance(v, str):  # a refused value's stand-in too
                if not v.isascii():
                    found(v, here, is_key, container)
            elif v.__class__ is dict or v.__class__ is list:
                todo.append((here, v, _items(v)))
                break
        else:
            todo.pop()
    # Each key holding a break, a stand-in (which no record counts as an
    # unknown field), in its place among its mapping's keys.
    by_holder: dict[int, tuple[dict[str, Any], set[str]]] = {}
    for holder, k in keys:
        by_holder.setdefault(id(holder), (holder, set()))[1].add(k)
    for holder, marked in by_holder.values():
        items = list(holder.items())
        holder.clear()
        holder.update((StandIn(k) if k in marked else k, v) for k, v in items)
    elsewhere = {lines[n]: ch for n, (_, ch) in reversed(list(enumerate(breaks))) if n not in said}
    problems += [((), at, _said(ch, in_value=False)) for at, ch in elsewhere.items()]
    problems.sort(key=lambda p: p[1])  # in the order of the file, as the reader's others are
    return problems


def restored(path: Path, breaks: list[tuple[int, str]]) -> Path:
    """A path with each key's stand-ins for breaks (see
    :func:`stood_in_for_breaks`) given back as the file writes them."""
    import re

    private = re.compile(_PRIVATE)
    return tuple(
        part
        if not isinstance(part, str) or part.isascii()
        else private.sub(lambda m: breaks[ord(m.group()) - _FIRST_STAND_IN][1], part)
        for part in path
    )


def _items(value: dict[Any, Any] | list[Any]) -> Iterator[tuple[Any, Any, bool]]:
    """A mapping's keys and values, or a list's items, in order: ``(key or
    index, key or value, whether a key)``."""
    if value.__class__ is dict:
        for k, v in value.items():
            yield k, k, True
            yield k, v, False
    else:
        for i, v in enumerate(value):
            yield i, v, False


def _path(at: Any) -> Path:
    """The path a link of :func:`breaks_found` ends at."""
    out = []
    while at is not None:
        at, k = at
        out.append(k)
    return tuple(reversed(out))


def _said(ch: str, in_value: bool = True) -> str:
    name, escape = YAML_1_1_BREAKS[ch]
    if not in_value:  # a comment's: no escape is read there
        return (
            f"U+{ord(ch):04X} ({name}) is a line break to YAML 1.1, which would change the text: take it out"
        )
    return (
        f"U+{ord(ch):04X} ({name}) is a line break to YAML 1.1, which would change the text: "
        f'write it as {escape} in double quotes ("...")'
    )


def unreadable(e: yaml.YAMLError, text: str, max_depth: int) -> Unreadable:
    """libyaml's error in reading ``text``, as the reader says it (where
    libyaml's bound on nesting is reached, as past ``max_depth``)."""
    if isinstance(e, yaml.MarkedYAMLError):
        mark = e.problem_mark or e.context_mark
        reason = e.problem or str(e)
        if "exceeded maximum nesting depth" in reason:
            # libyaml's own bound, 1,000 levels, deeper than the limit can be
            # (see Limits): it scans a run of brackets before the first.
            return Unreadable(
                f"the data is nested more than {counted(max_depth, 'level')} deep",
                mark.line + 1 if mark else None,
            )
        if e.context:
            started = e.context_mark
            if started is not None and mark is not None and started.line != mark.line:
                reason = f"{reason} ({e.context} that starts at line {started.line + 1})"
            else:
                reason = f"{reason} ({e.context})"
        if mark is not None and _tab_indented(text, mark.index, mark.column):
            # libyaml's words ("cannot start any token") do not name the tab.
            reason = "a tab in the indentation (YAML indents with spaces only)"
        return Unreadable(f"not valid YAML: {reason}", mark.line + 1 if mark else None)
    if isinstance(e, yaml.reader.ReaderError):
        # libyaml's position counts bytes of UTF-8; the character it refuses
        # is the first of it in the text (it reads the text in order).
        at = text.find(chr(e.character)) if isinstance(e.character, int) else -1
        line = line_at(text, at) if at >= 0 else None
        what = f"#x{e.character:04x}" if isinstance(e.character, int) else repr(e.character)
        return Unreadable(f"not valid YAML: the character {what} is not allowed ({e.reason})", line)
    return Unreadable(f"not valid YAML: {e}", None)


def _tab_indented(text: str, index: int, column: int) -> bool:
    """Whether the line the reader stopped on, at ``index`` of the text and
    ``column`` of its line (as the reader counts lines: CR, LF or CRLF), is
    indented with a tab up to there."""
    indent = text[max(index - column, 0) : index + 1]
    indent = indent[: len(indent) - len(indent.lstrip(" \t"))]
    return "\t" in indent
