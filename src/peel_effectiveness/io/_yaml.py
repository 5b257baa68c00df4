"""A safe YAML reader over libyaml's event stream that remembers where values are.

Building plain dicts and lists straight from parser events skips PyYAML's
composer and constructor (most of ``yaml.load``'s time) and gives every value
its line, which error messages need. It also refuses what ``yaml.safe_load``
lets through silently: duplicate keys (PyYAML keeps the last), non-text keys,
merge keys, explicit tags other than the core ones, and several documents in
one file. Aliases are followed but their expansion is bounded, so an alias
bomb fails fast instead of exhausting memory.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from ._limits import DEFAULT_LIMITS, Limits
from ._parsed import NeedDetail, Parsed, Unreadable

Path = tuple[str | int, ...]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP_TAG, _SEQ_TAG = _CORE + "map", _CORE + "seq"


_constructor = SafeConstructor()
_DISCARD: Any = object()


def _tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _scalar(tag: str, value: str, line: int | None) -> Any:
    if tag == _CORE + "str":
        return value
    if tag not in _SCALAR_TAGS:
        if tag == _CORE + "merge":
            raise Unreadable("merge keys (<<) are not supported: write the values out", line)
        raise Unreadable(f"the tag {_tag(tag)!r} is not allowed: data files use plain YAML values only", line)
    node = yaml.ScalarNode(tag, value)
    try:
        return _constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as e:
        shown = value if len(value) <= 40 else value[:37] + "..."
        reason = "it is too long" if "digits" in str(e) else str(e)
        raise Unreadable(f"{shown!r} cannot be read as {tag.removeprefix(_CORE)}: {reason}", line) from None


def parse(text: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    """Parse one YAML document.

    Raises:
        Unreadable: The text is not YAML, breaks a limit, or uses a refused
            feature.
    """
    loader = _Loader(text)
    lines: dict[Path, int | None] = {}
    key_lines: dict[Path, int] = {}
    problems: list[tuple[Path, int | None, str]] = []
    anchors: dict[str, tuple[Any, int]] = {}
    resolve = loader.resolve
    memo: dict[tuple[str, str], Any] = {}
    # Each frame: [container, path, pending key, key line, keys seen, anchor,
    # node count, line, the last key not kept]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    nodes = 0

    def attach(value: Any, line: int | None, size: int) -> None:
        nonlocal root
        if not stack:
            root = value
            lines[()] = line
            return
        frame = stack[-1]
        container, path = frame[0], frame[1]
        frame[6] += size
        if isinstance(container, list):
            p = (*path, len(container))
            container.append(value)
        else:
            key = frame[2]
            p = (*path, key)
            frame[2] = None
            if key is _DISCARD:
                return
            container[key] = value
        lines[p] = line

    try:
        while True:
            event = loader.get_event()
            if event is None:
                break
            kind = type(event)
            line = event.start_mark.line + 1 if event.start_mark else None
            if kind is yaml.ScalarEvent:
                nodes += 1
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve(yaml.ScalarNode, event.value, event.implicit)
                key_ = (tag, event.value)
                if key_ in memo:
                    value = memo[key_]
                else:
                    value = memo[key_] = _scalar(tag, event.value, line)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                frame = stack[-1] if stack else None
                if frame is not None and isinstance(frame[0], dict) and frame[2] is None:
                    _key(frame, value, line, problems, key_lines)
                else:
                    attach(value, line, 1)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                nodes += 1
                is_map = kind is yaml.MappingStartEvent
                tag = event.tag
                if tag not in (None, "!", _MAP_TAG if is_map else _SEQ_TAG):
                    raise Unreadable(
                        f"the tag {tag!r} is not allowed: data files use plain YAML values only", line
                    )
                frame = stack[-1] if stack else None
                if frame is not None and isinstance(frame[0], dict) and frame[2] is None:
                    raise Unreadable("a key must be text, not a mapping or list", line)
                if len(stack) >= limits.max_depth:
                    raise Unreadable(f"the data is nested more than {limits.max_depth} levels deep", line)
                if frame is None:
                    path: Path = ()
                elif isinstance(frame[0], list):
                    path = frame[1] + (len(frame[0]),)
                else:
                    # Under a repeated key (whose value is read, not kept),
                    # the path names the key as written.
                    path = frame[1] + ((frame[8] if frame[2] is _DISCARD else frame[2]),)
                stack.append([{} if is_map else [], path, None, None, {}, event.anchor, 1, line, None])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame[5]:
                    anchors[frame[5]] = (frame[0], frame[6])
                attach(frame[0], frame[7], frame[6])
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise Unreadable(f"the alias *{event.anchor} has no anchor before it", line)
                value, size = anchors[event.anchor]
                nodes += size
                if nodes > limits.max_nodes:
                    raise Unreadable(
                        f"the document expands to more than {limits.max_nodes} values "
                        "(aliases repeat what they stand for)",
                        line,
                    )
                frame = stack[-1] if stack else None
                if frame is not None and isinstance(frame[0], dict) and frame[2] is None:
                    _key(frame, value, line, problems, key_lines)
                else:
                    attach(value, line, size)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Unreadable(
                        "the file holds more than one YAML document (---): put one in each file", line
                    )
            if nodes > limits.max_nodes:
                raise Unreadable(f"the document has more than {limits.max_nodes} values", line)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        reason = e.problem or str(e)
        if e.context:
            started = e.context_mark
            if started is not None and mark is not None and started.line != mark.line:
                reason = f"{reason} ({e.context} that starts at line {started.line + 1})"
            else:
                reason = f"{reason} ({e.context})"
        raise Unreadable(f"not valid YAML: {reason}", mark.line + 1 if mark else None) from None
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + 1 if isinstance(e.position, int) else None
        what = f"#x{e.character:04x}" if isinstance(e.character, int) else repr(e.character)
        raise Unreadable(f"not valid YAML: the character {what} is not allowed ({e.reason})", line) from None
    except yaml.YAMLError as e:
        raise Unreadable(f"not valid YAML: {e}", None) from None
    except RecursionError:
        raise Unreadable("the data is nested too deeply", None) from None
    finally:
        loader.dispose()
    return Parsed(root, lines, key_lines, problems)


def _key(
    frame: list[Any],
    key: Any,
    line: int | None,
    problems: list[tuple[Path, int | None, str]],
    key_lines: dict[Path, int],
) -> None:
    path = frame[1]
    if not isinstance(key, str):
        problems.append((path, line, f"the key {key!r} is not text: quote it"))
        frame[2], frame[8] = _DISCARD, str(key)
        return
    seen: dict[str, int | None] = frame[4]
    if key in seen:
        first = seen[key]
        where = f" (first at line {first})" if first else ""
        problems.append(
            (
                (*path, key),
                line,
                f"duplicate key {key!r}{where}: a YAML reader would silently keep only one value",
            )
        )
        # The first value stays; the repeat is read (so the document is
        # checked through) but not kept.
        frame[2], frame[8] = _DISCARD, key
        return
    seen[key] = line
    frame[2] = key
    if line is not None:
        key_lines[path + (key,)] = line


_QUOTED_OR_BLOCK = {"'", '"', "|", ">"}


def parse_fast(text: str | bytes, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse one plain YAML document as fast as libyaml's events allow.

    No positions are kept. Anything out of the ordinary (an error, a
    duplicate or non-text key, an anchor, an explicit tag, a second
    document, a limit reached) raises :class:`NeedDetail`, and :func:`parse`
    then reads the document again to report it with its line.
    """
    return parse_counted(text, limits)[0]


def parse_counted(
    text: str | bytes,
    limits: Limits = DEFAULT_LIMITS,
    scalars: tuple[dict[str, Any], dict[str, str]] | None = None,
) -> tuple[Any, int]:
    """:func:`parse_fast`, and how many values the document holds (keys
    count, as the limit on values counts them).

    ``scalars`` carries what was read of scalars from one document to the
    next, for documents that are pieces of one text: a plain scalar means
    the same wherever it stands, so each is resolved once, and equal scalars
    are one object in all of them.
    """
    loader = _Loader(text)
    get_event = loader.get_event
    resolve = loader.resolve
    scalar_node = yaml.ScalarNode
    scalar_event, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    memo, texts = ({}, {}) if scalars is None else scalars
    # The open container, its pending key (None: a key comes next) and whether
    # it is a mapping live in locals; the enclosing ones wait on the stack.
    stack: list[tuple[Any, Any, bool]] = []
    container: Any = None
    key: Any = None
    is_map = False
    root: Any = None
    depth_limit, node_limit = limits.max_depth, limits.max_nodes
    nodes = 0
    documents = 0
    try:
        while True:
            event = get_event()
            if event is None:
                break
            cls = event.__class__
            if cls is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    raise NeedDetail
                raw = event.value
                if event.style in _QUOTED_OR_BLOCK:
                    # One object for equal texts too, so that repeated
                    # mappings are recognised by identity (see _fast).
                    value: Any = texts.setdefault(raw, raw)
                else:
                    try:
                        value = memo[raw]
                    except KeyError:
                        value = memo[raw] = _scalar(resolve(scalar_node, raw, event.implicit), raw, None)
                nodes += 1
                if container is None:
                    root = value
                elif is_map:
                    if key is None:
                        if type(value) is not str or value in container:
                            raise NeedDetail
                        key = value
                    else:
                        container[key] = value
                        key = None
                else:
                    container.append(value)
            elif cls is map_start or cls is seq_start:
                if event.anchor is not None or event.tag is not None or len(stack) >= depth_limit:
                    raise NeedDetail
                if is_map and key is None and container is not None:
                    raise NeedDetail  # a complex key
                nodes += 1
                if nodes > node_limit:
                    raise NeedDetail
                stack.append((container, key, is_map))
                is_map = cls is map_start
                container, key = ({} if is_map else []), None
            elif cls is map_end or cls is seq_end:
                done = container
                container, key, is_map = stack.pop()
                if container is None:
                    root = done
                elif is_map:
                    container[key] = done
                    key = None
                else:
                    container.append(done)
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise NeedDetail
            elif cls is yaml.AliasEvent:
                raise NeedDetail
        if nodes > node_limit:
            raise NeedDetail
    except (yaml.YAMLError, Unreadable, RecursionError, ValueError):
        raise NeedDetail from None
    finally:
        loader.dispose()
    return root, nodes
