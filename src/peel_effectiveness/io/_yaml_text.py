"""What libyaml cannot be trusted with, or says in its own words: the
characters YAML 1.1 reads otherwise than the text means (refused before
libyaml reads them), and libyaml's errors as the reader's problems, with
their lines (a tab in the indentation named as such)."""

from __future__ import annotations

import yaml

from ._parsed import Unreadable

__all__ = ["YAML_1_1_BREAKS", "refuse_what_libyaml_misreads", "unreadable"]

# libyaml reads YAML 1.1, where NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR
# break lines: in a value they would become spaces or end it, and every line
# after would be numbered wrong. A lone surrogate is no character at all.
YAML_1_1_BREAKS = {
    "\x85": ("NEL", "\\N"),
    "\u2028": ("LINE SEPARATOR", "\\L"),
    "\u2029": ("PARAGRAPH SEPARATOR", "\\P"),
}


def refuse_what_libyaml_misreads(text: str) -> None:
    # str.find and encode run at memory speed; a regular expression over a
    # large text takes a hundred times as long.
    found = [(i, ch) for ch in YAML_1_1_BREAKS if (i := text.find(ch)) >= 0]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        found.append((e.start, text[e.start]))
    if not found:
        return
    at, ch = min(found)
    line = text.count("\n", 0, at) + 1
    if ch in YAML_1_1_BREAKS:
        name, escape = YAML_1_1_BREAKS[ch]
        raise Unreadable(
            f"U+{ord(ch):04X} ({name}) is a line break to YAML 1.1, which would change the text: "
            f'write it as {escape} in double quotes ("...")',
            line,
        )
    raise Unreadable(
        f"U+{ord(ch):04X} is half of a surrogate pair, not a character: the text is not Unicode", line
    )


def unreadable(e: yaml.YAMLError, text: str) -> Unreadable:
    """libyaml's error in reading ``text``, as the reader says it."""
    if isinstance(e, yaml.MarkedYAMLError):
        mark = e.problem_mark or e.context_mark
        reason = e.problem or str(e)
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
        line = text.count("\n", 0, e.position) + 1 if isinstance(e.position, int) else None
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
