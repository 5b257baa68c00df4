"""A safe YAML reader over libyaml's event stream.

Building plain dicts and lists straight from parser events skips PyYAML's
composer and constructor (most of ``yaml.load``'s time), and lets the reader
note where each value is when a problem needs its line. Values are read as
YAML 1.2's core schema reads them, the schema JSON is part of, not as
PyYAML's YAML 1.1 resolver does: ``yes`` and ``2016-03-02`` are text,
``017`` is not octal. A number that YAML 1.1 and 1.2 read differently
(``017``, ``1:30``, ``0x33``, ``20_16``) is refused with what it could mean.

It also refuses what ``yaml.safe_load`` lets through silently: duplicate keys
(PyYAML keeps the last), keys that are not text, merge keys, tags other than
the core schema's, and several documents in one file. Scalars are read in
:mod:`._yaml_scalars`; what libyaml misreads or says in its own words is
:mod:`._yaml_text`'s. Anchors and aliases
are followed, their expansion bounded, so an alias bomb fails fast.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..model._messages import counted, key_shown
from ..model._values import MOST_PROBLEMS, StandIn
from ._limits import Limits, WrittenOut
from ._parsed import Parsed, Path, StoodIn, Unreadable, holders
from ._yaml_scalars import CORE, plain_scalar, tagged
from ._yaml_text import break_stopped_at, breaks_found, restored, stood_in_for_breaks, unreadable

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_DISCARD: Any = object()
# Where an anchor set inside a mapping or a list written as a key stands:
# the key is refused, and what it held was never checked as a value.
_IN_KEY: tuple[Any, int] = (object(), 0)


_MOST_REFUSALS = 4096  # different refused texts a reading remembers (see refusals)


class _Settled(Exception):
    """Every line a reading for positions wants is noted."""


def parse(text: str, limits: Limits, positions: frozenset[Path] | None = None) -> Parsed:
    """Parse one YAML document.

    Args:
        text: The document.
        limits: Bounds on nesting and on the values it holds.
        positions: The paths whose lines are wanted (the problems'): their
            lines, and those of every value and key that holds them, are
            noted. Paths are made only for these, so a large or deeply
            nested document costs no more for having problems.

    Raises:
        Unreadable: The text is not YAML, breaks a limit, or uses a refused
            feature.
    """
    breaks: list[tuple[int, str]] = []
    original = text
    if not text.isascii():
        text, breaks = stood_in_for_breaks(text)
    loader = _Loader(text)
    lines: dict[Path, int | None] = {}
    key_lines: dict[Path, int] = {}
    problems: list[tuple[Path, int | None, str]] = []
    unlisted = 0  # see Parsed.unlisted
    stood_in, in_repeats = StoodIn(), StoodIn()
    # A mapping whose key is repeated, while the repeat's value is read (by
    # the frame's id): where that value is and the repeat's line; and each
    # repeat's value once read, checked apart (see Parsed.repeats).
    repeating: dict[int, tuple[Path, int | None]] = {}
    repeats: list[tuple[Path, Any, int | None]] = []
    anchors: dict[str, tuple[Any, int]] = {}
    # Refused plain scalars (the first few thousand), with why, and the one
    # stand-in given back for each (a million, each kept, took 400 MB).
    refusals: dict[str, tuple[str, StandIn]] = {}
    anchored: list[str] = []  # each anchor's name, as it is set
    # Which paths to note lines for: the wanted ones and every one holding
    # them. Once each wanted path is noted, or the value that would hold it
    # has ended without it (a missing key), the reading stops.
    unsettled: set[Path] = set(positions or ())
    noted = holders(unsettled)
    # Each frame: [container, the frame holding it, its place there, the
    # pending key, keys seen (a mapping's), anchor, node count, line, the
    # last key not kept, its path where it is noted].
    stack: list[list[Any]] = []
    frame: list[Any] | None = None  # the innermost, stack[-1]
    root: Any = None
    documents = 0
    nodes = 0
    aliased = 0  # the values the aliases stand for (see Limits.max_alias_nodes)
    written = WrittenOut(original, limits.max_bytes)
    scalars: dict[str, Any] = {}
    get_event = loader.get_event
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    max_depth, max_nodes, max_aliased = limits.max_depth, limits.max_nodes, limits.max_alias_nodes

    def path_of(frame: list[Any] | None) -> Path:
        out: list[str | int] = []
        while frame is not None and frame[1] is not None:
            out.append(frame[2])
            frame = frame[1]
        return tuple(reversed(out))

    def note(frame: list[Any], place: str | int, line: int | None, key_line: bool = False) -> Path | None:
        # The path of a value (or key) in a noted frame, where it is noted too.
        held: Path = (*frame[9], place)
        if held in noted:
            if key_line and line is not None:
                key_lines[held] = line
            elif not key_line:
                lines[held] = line
            unsettled.discard(held)
            if not unsettled:
                raise _Settled  # every wanted line is noted: the rest need not be read
            return held
        return None

    # attach and take_key are every value's and key's way in; the usual ones
    # (a new text key, a value whose line is not wanted) are taken inline in
    # the loop below, for speed: a rule added here goes there too.
    def attach(value: Any, line: int | None, size: int) -> None:
        nonlocal root
        if not stack:
            root = value
            lines[()] = line
            return
        frame = stack[-1]
        container = frame[0]
        frame[6] += size
        if container.__class__ is list:
            if frame[9] is not None:
                note(frame, len(container), line)
            container.append(value)
            return
        key = frame[3]
        frame[3] = None
        if key is _DISCARD:
            if repeating:
                repeat(frame, value)
            return
        container[key] = value
        if frame[9] is not None:
            note(frame, key, line)

    def repeat(frame: list[Any], value: Any) -> None:
        # A repeated key's value, read and not kept: checked apart.
        found = repeating.pop(id(frame), None)
        if found is not None:
            repeats.append((found[0], value, found[1]))

    def in_repeat(frame: list[Any] | None) -> bool:
        # Whether a value is read inside a repeated key's value (not kept).
        while frame is not None:
            if frame[3] is _DISCARD and id(frame) in repeating:
                return True
            frame = frame[1]
        return False

    def add(path: Path, line: int | None, message: str) -> None:
        # Past the most an error lists, a problem is counted, not kept: a
        # file may refuse two million values.
        nonlocal unlisted
        if len(problems) < MOST_PROBLEMS:
            problems.append((path, line, message))
        else:
            unlisted += 1

    def refused(frame: list[Any] | None, raw: str, e: Unreadable) -> str:
        # A value the reader will not take (a number YAML 1.1 and 1.2 read
        # differently) is a problem of its field; the reading goes on with
        # it as written, a stand-in (a key too), and finds the others.
        key = frame is not None and frame[4] is not None and frame[3] is None
        value = raw if raw.__class__ is StandIn else StandIn(raw)
        if positions is not None:
            return value  # a reading for lines: its problems are known
        if frame is None:
            where: Path = ()
        elif frame[4] is None:
            where = (*path_of(frame), len(frame[0]))
        elif key:
            where = (*path_of(frame), value)  # a key, said of itself
        else:
            where = (*path_of(frame), frame[8] if frame[3] is _DISCARD else frame[3])
        add(where, e.line, e.message)
        said(frame)
        return value

    def said(holder: list[Any] | None, where: Path | None = None) -> None:
        # A value refused in ``holder``: a repeated key's is not checked
        # again (its first value stands for itself); a mapping or list with
        # a tag is noted ``where`` it stands (in a repeat's value, apart); a
        # text or a key marks itself.
        if holder is not None and holder[3] is _DISCARD:
            repeating.pop(id(holder), None)
        elif where is not None:
            (in_repeats if repeating and in_repeat(holder) else stood_in).add(where)

    def take_key(frame: list[Any], key: Any, line: int | None, quoted: bool) -> None:
        if not isinstance(key, str):  # (a refused key is text, a stand-in)
            shown = key_shown(key)
            # In YAML's words, as the file writes them (~, null, True are null and true).
            said = "null" if key is None else str(key).lower() if isinstance(key, bool) else shown
            add(path_of(frame), line, f"a key must be text, not {said}: quote it")
            frame[3], frame[8] = _DISCARD, shown if isinstance(key, (list, dict)) else str(key)
            return
        if key == "<<" and not quoted:
            # Said, and its value read but not kept, as a repeated key's: the
            # rest of the document is still checked.
            message = "merge keys (<<) are not supported: write the values out"
            add((*path_of(frame), key), line, message)
            frame[3], frame[8] = _DISCARD, key
            return
        seen: dict[str, int | None] = frame[4]
        if key in seen:
            first = seen[key]
            where = f" (first at line {first})" if first else ""
            message = f"duplicate key {key!r}{where}: a YAML reader would silently keep only one value"
            add((*path_of(frame), key), line, message)
            # The first value stays; the repeat is read, not kept, and
            # checked apart (but one inside another repeat's value, which
            # is checked whole).
            frame[3], frame[8] = _DISCARD, key
            if not in_repeat(frame[1]):
                repeating[id(frame)] = ((*path_of(frame), key), line)
            return
        seen[key] = line
        frame[3] = key
        if frame[9] is not None:
            note(frame, key, line, key_line=True)

    try:
        while True:
            event = get_event()
            if event is None:
                break
            cls = event.__class__
            if cls is scalar_event:
                nodes += 1
                if nodes > max_nodes:  # here, as the usual scalar skips the check below
                    raise Unreadable(
                        f"the document has more than {max_nodes} values", event.start_mark.line + 1
                    )
                raw = event.value
                tag = event.tag
                if tag is None and event.implicit[0]:
                    # Plain: resolved; equal texts read once, and shared.
                    if raw in scalars:
                        value = scalars[raw]
                    elif raw in refusals:  # its message made once, however often it recurs
                        why, raw = refusals[raw]
                        value = refused(frame, raw, Unreadable(why, event.start_mark.line + 1))
                    else:
                        try:
                            value = scalars[raw] = plain_scalar(raw, event.start_mark.line + 1)
                        except Unreadable as e:
                            raw = StandIn(raw)
                            if len(refusals) < _MOST_REFUSALS:
                                refusals[raw] = (e.message, raw)
                            value = refused(frame, raw, e)
                elif tag is not None and tag != "!":
                    try:
                        value = tagged(tag, raw, event.start_mark.line + 1)
                    except Unreadable as e:
                        value = refused(frame, raw, e)
                else:
                    value = raw
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1)
                    anchored.append(event.anchor)
                    written.forget(event.anchor)
                if frame is not None:
                    seen = frame[4]
                    if seen is not None and frame[3] is None:
                        # A key. The usual one (new text, no line wanted) is
                        # taken here; take_key says what is wrong with the rest.
                        if (
                            value.__class__ is str
                            and value not in seen
                            and frame[9] is None
                            and value != "<<"
                        ):
                            seen[value] = event.start_mark.line + 1
                            frame[3] = value
                        else:
                            take_key(frame, value, event.start_mark.line + 1, not event.implicit[0])
                        continue
                    if frame[9] is None:
                        # A value whose line is not wanted: attach's work, inline.
                        frame[6] += 1
                        if seen is None:
                            frame[0].append(value)
                        else:
                            key = frame[3]
                            frame[3] = None
                            if key is not _DISCARD:
                                frame[0][key] = value
                            elif repeating:
                                repeat(frame, value)
                        continue
                attach(value, event.start_mark.line + 1, 1)
            elif cls is map_start or cls is seq_start:
                nodes += 1
                line = event.start_mark.line + 1
                tag = event.tag
                is_map = cls is map_start
                if len(stack) >= max_depth:
                    raise Unreadable(f"the data is nested more than {counted(max_depth, 'level')} deep", line)
                if frame is not None:
                    parent = frame
                    # Under a repeated key (read, not kept), its place names it as written.
                    if parent[4] is None:
                        place: str | int = len(parent[0])
                    elif parent[3] is None:
                        # A mapping or a list as a key: refused whole when it
                        # ends, and what is found inside it dropped then (its
                        # problems, and its anchors: see _IN_KEY).
                        place = (len(problems), unlisted, len(anchored))  # type: ignore[assignment]
                    else:
                        place = parent[8] if parent[3] is _DISCARD else parent[3]
                    keyed = parent[4] is not None and parent[3] is None
                    path = None if parent[9] is None or keyed else (*parent[9], place)
                    if path is not None and path not in noted:
                        path = None
                else:
                    parent, place, path = None, "", (() if positions is not None else None)
                frame = [
                    {} if is_map else [],
                    parent,
                    place,
                    None,
                    {} if is_map else None,
                    event.anchor,
                    1,
                    line,
                    None,
                    path,
                ]
                stack.append(frame)
                if tag is not None and tag != "!" and tag != CORE + ("map" if is_map else "seq"):
                    # A problem of its field, as a tag on a text is (the
                    # converter's of the value gives way to it); what it holds
                    # is read as plain YAML and checked, never made into what
                    # the tag names.
                    shown = "!!" + tag.removeprefix(CORE) if tag.startswith(CORE) else tag
                    message = f"the tag {shown!r} is not allowed: data files use plain YAML values only"
                    add(path_of(frame), line, message)
                    said(parent, path_of(frame))
            elif cls is map_end or cls is seq_end:
                ended = stack.pop()
                frame = stack[-1] if stack else None
                if ended[5] is not None:
                    anchors[ended[5]] = (ended[0], ended[6])
                    anchored.append(ended[5])
                    written.forget(ended[5])
                if frame is not None and frame[3] is None and frame[4] is not None:
                    # A mapping or a list as a key: said by take_key, as an
                    # alias to one is, and its value read but not kept.
                    frame[6] += ended[6]
                    problems_at, unlisted, anchors_at = ended[2]
                    del problems[problems_at:]
                    for name in anchored[anchors_at:]:
                        anchors[name] = _IN_KEY
                    take_key(frame, ended[0], ended[7], False)
                    continue
                attach(ended[0], ended[7], ended[6])
                if ended[9] is not None and unsettled:
                    done = ended[9]
                    unsettled.difference_update(noted[done])
                    if not unsettled:
                        break
            elif cls is alias_event:
                line = event.start_mark.line + 1
                if event.anchor not in anchors:
                    raise Unreadable(f"the alias *{event.anchor} has no anchor before it", line)
                if anchors[event.anchor] is _IN_KEY:
                    # What it stands for was read in a key, unchecked: said, not used.
                    raw = f"*{event.anchor}"
                    message = f"the alias {raw} stands for a value written in a key, which is no value: write it out"
                    value = refused(frame, raw, Unreadable(message, line))
                    if frame is not None and frame[3] is None and frame[4] is not None:
                        frame[3], frame[8] = _DISCARD, raw
                    else:
                        attach(value, line, 1)
                    continue
                value, size = anchors[event.anchor]
                nodes += size
                aliased += size
                if nodes > max_nodes:
                    raise Unreadable(
                        f"the document expands to more than {max_nodes} values "
                        "(aliases repeat what they stand for)",
                        line,
                    )
                if aliased > max_aliased:
                    raise Unreadable(
                        f"the aliases stand for more than {max_aliased} values in all: write them out "
                        "(what each stands for is checked again where it stands)",
                        line,
                    )
                if written.over(event.anchor, value):
                    raise Unreadable(written.said, line)
                if frame is not None and frame[3] is None and frame[4] is not None:
                    take_key(frame, value, line, True)
                    continue
                attach(value, line, size)
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Unreadable(
                        "the file holds more than one YAML document (---): put one in each file",
                        event.start_mark.line + 1,
                    )
            if nodes > max_nodes:
                raise Unreadable(f"the document has more than {max_nodes} values", event.start_mark.line + 1)
    except _Settled:
        pass
    except yaml.YAMLError as e:
        # Where a stand-in for a break is what libyaml cannot read (in an
        # anchor, a tag, straight after a colon), the break is the problem.
        the_break = break_stopped_at(original, e) if breaks else None
        raise (the_break or unreadable(e, text, max_depth)) from None
    except RecursionError:
        raise Unreadable("the data is nested too deeply", None) from None
    finally:
        loader.dispose()
    if breaks and positions is None:  # (a reading for lines wants lines alone)
        # (Its problems said through a key holding a break, as the file writes it.)
        problems = [(restored(path, breaks), line, m) for path, line, m in problems]
        problems += breaks_found(root, breaks, original, stood_in)
    return Parsed(root, lines, key_lines, problems, nodes, stood_in, repeats, in_repeats, unlisted)
