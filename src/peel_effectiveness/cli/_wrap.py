"""Wrapping text to a width, for the command line's plain-text output.

Words are broken only at spaces, never at hyphens ("re-offending" stays
whole) or inside a word (a web address longer than the line stands alone on
its line). textwrap does more and costs a few milliseconds to import, which
the command line, started for every command, does without.
"""

from __future__ import annotations


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """The lines of ``text`` at most ``width`` long (but for words longer than
    the line), the first indented by ``initial_indent``, the others by
    ``subsequent_indent``; none for text without words.

    Examples:
        >>> wrap("How effective is the force at reducing re-offending?", 24, "", "  ")
        ['How effective is the', '  force at reducing', '  re-offending?']
    """
    lines: list[str] = []
    line = initial_indent
    empty = True
    for word in text.split():
        if empty:
            line += word
            empty = False
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = subsequent_indent + word
    if not empty:
        lines.append(line)
    return lines
