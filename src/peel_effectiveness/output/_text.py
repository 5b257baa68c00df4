"""Text for people: figures written as reports write them, and lines
wrapped to a width, for the command line's text and the charts' labels.

Words are broken only at spaces, never at hyphens ("re-offending" stays
whole) or inside a word (a web address longer than the line stands alone on
its line). textwrap does more and costs a few milliseconds to import, which
the command line, started for every command, does without.
"""

from __future__ import annotations

from ..model.metrics import Unit


def number(value: float | None, unit: Unit | None = None) -> str:
    """A figure as people write it: thousands separated, no needless decimals.

    Examples:
        >>> number(1234.0), number(7.0), number(15.470), number(-2.6, Unit.PERCENT_CHANGE)
        ('1,234', '7', '15.47', '-2.6')
    """
    if value is None:
        return "-"
    if unit is Unit.COUNT or (value == int(value) and abs(value) >= 1000):
        return f"{value:,.0f}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit is Unit.PERCENT_CHANGE and value > 0:
        text = "+" + text
    return text


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
