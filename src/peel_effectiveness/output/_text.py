"""Text for people: figures written as reports write them, and lines
wrapped to a width, for the command line's text and the charts' labels.

Words are broken only at spaces, never at hyphens ("re-offending" stays
whole) or inside a word (a web address longer than the line stands alone on
its line). textwrap does more and costs a few milliseconds to import, which
the command line, started for every command, does without.
"""

from __future__ import annotations

import functools
import re
import unicodedata  # imported by attrs already: no cost at start-up
from contextvars import ContextVar
from typing import TYPE_CHECKING

from ..model._exact import decimal_places, shortest_decimal
from ..model.metrics import Unit

if TYPE_CHECKING:
    from collections.abc import Sequence

# What must not reach a terminal as it is: the C0 and C1 control characters
# (ESC starts a terminal's escape sequences, a lone CR moves back over the
# line), DEL, the line and paragraph separators, the marks that reorder
# text shown right to left, and the characters that show as nothing (a
# zero-width space made "Ka\u200bnt" read as "Kant"; the joiners that
# emoji and some scripts need are kept).
# Each is printable by str.isprintable()'s reckoning neither, but the few
# of _BLANK (a Hangul filler, a combining grapheme joiner: letters that
# show as nothing, of Unicode's default ignorable characters, which make
# "Ke\u115fnt" read as "Kent"), so text that is printable by it, once its
# line breaks are taken out, and holds none of those, holds none, and the
# expressions are compiled only for text that is not (compiling them costs
# more than most commands' output).
_BLANK = "\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0\U00016fe4"
# (Unassigned ones too, which may show as nothing: U+2065, U+FFF0 to FFF8,
# and from the Tags block, E0000, to E0FFF, but the variation selectors
# E0100 to E01EF.)
_OTHERS = (
    "\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff0-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e00ff"
    "\U000e01f0-\U000e0fff" + _BLANK
)
_UNSAFE = {
    "all": f"[\x00-\x1f{_OTHERS}]",
    "lines": f"[\x00-\x09\x0b-\x1f{_OTHERS}]",  # all but the line break
    "csv": f"[\x00-\x09\x0b\x0c\x0e-\x1f{_OTHERS}]|\r(?!\n)",  # CRLF kept too
}


@functools.cache
def _unsafe(kind: str) -> re.Pattern[str]:
    return re.compile(_UNSAFE[kind])


def _shown(text: str) -> bool:
    """Whether ``text`` shows as it is: printable by Python's reckoning, and
    without a letter that shows as nothing."""
    return text.isprintable() and (text.isascii() or not any(c in text for c in _BLANK))


_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n <= 0xFFFF else f"\\U{n:08x}"


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with every character that would act on a terminal rather
    than show (ESC, CR, the other control characters, the marks that
    reorder text) written as an escape (``\\x1b``, ``\\r``, ``\\u202e``);
    with ``lines``, line breaks are kept.

    Examples:
        >>> printable("red\\x1b[31m, back\\rover\\u202e")
        'red\\\\x1b[31m, back\\\\rover\\\\u202e'
        >>> printable("one\\ntwo", lines=True), printable("one\\ntwo")
        ('one\\ntwo', 'one\\\\ntwo')
    """
    if _shown(text) or (lines and _shown(text.replace("\n", ""))):
        return text
    pattern = _unsafe("lines" if lines else "all")
    return pattern.sub(_escape, text) if pattern.search(text) else text


def printable_csv(text: str) -> str:
    """CSV text with what :func:`printable` escapes escaped, but for its CRLF
    line ends (and the line breaks quoted in a cell)."""
    if _shown(text.replace("\r\n", "").replace("\n", "")):
        return text
    pattern = _unsafe("csv")
    return pattern.sub(_escape, text) if pattern.search(text) else text


def json_safe(text: str) -> str:
    """JSON text with the characters :func:`printable` escapes that JSON
    allows as they are (DEL, C1 controls, separators, reordering marks)
    written as ``\\u`` escapes: the same JSON values, safe on a terminal.
    (JSON escapes the C0 controls in its strings itself; the line breaks
    between values are kept.)

    Examples:
        >>> json_safe('["a\\x85b\\u202e"]')
        '["a\\\\u0085b\\\\u202e"]'
    """
    if _shown(text.replace("\n", "")):
        return text
    pattern = _unsafe("lines")
    return pattern.sub(_json_escape, text) if pattern.search(text) else text


def _json_escape(match: re.Match[str]) -> str:
    """A character as JSON's escape: one past U+FFFF as its two surrogates."""
    n = ord(match.group())
    if n <= 0xFFFF:
        return f"\\u{n:04x}"
    n -= 0x10000
    return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"


MOST_PLACES = 6  # the most decimal places figures side by side are written to


def number(value: float | None, unit: Unit | None = None, places: int = 0) -> str:
    """A figure as people write it: thousands separated, and every decimal
    place it has, no more (a figure is shown as it was given), or ``places``
    where that is more: figures set side by side are written to the same
    places, as reports write them (7.0 beside 6.6; see :func:`places_of`).

    Examples:
        >>> number(1234.0), number(7.0), number(15.470), number(-2.6, Unit.PERCENT_CHANGE)
        ('1,234', '7', '15.47', '-2.6')
        >>> number(0.125), number(0.000001), number(12345678.123)
        ('0.125', '0.000001', '12,345,678.123')
        >>> number(7.0, places=places_of(6.6, 7.0)), number(1234.0, places=1)
        ('7.0', '1,234.0')
        >>> number(-0.0, places=2)  # nothing is not negative
        '0.00'
    """
    if value is None:
        return "-"
    if value == 0:
        value = 0.0  # not -0.0
    exact = shortest_decimal(value)
    if unit is Unit.COUNT and value == int(value):
        return f"{exact:,.0f}"
    own = decimal_places(exact)
    text = f"{exact:,.{own}f}"
    # Padded with zeros to at most MOST_PLACES, never with the digits a
    # float's binary form would give past its own (0.1 is 0.10, not
    # 0.10000000000000001).
    pad = min(places, MOST_PLACES) - own
    if pad > 0:
        text += ("." if own == 0 else "") + "0" * pad
    if unit is Unit.PERCENT_CHANGE and value > 0:
        text = "+" + text
    return text


def places_of(*values: float | None) -> int:
    """The most decimal places any of ``values`` has, up to
    :data:`MOST_PLACES`: the places to write figures set side by side to (a
    force's and England and Wales's, a table's column). A figure with more
    (``0.30000000000000004``, a float's error given as it is) is written
    whole, but does not pad the others to its length.

    Examples:
        >>> places_of(6.6, 7.0), places_of(28.0, None), places_of()
        (1, 0, 0)
        >>> places_of(10.5, 7.25, 0.30000000000000004)
        2
    """
    shared = (decimal_places(shortest_decimal(v)) for v in values if v is not None)
    return max((p for p in shared if p <= MOST_PLACES), default=0)


# What Markdown reads as markup, in text from the data: written as itself.
_MARKUP = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#&~"})


def as_markdown(text: str, *, paragraph: bool = False) -> str:
    """Text from the data as Markdown shows it, as it is: ``A | B``, ``*x*``,
    ``~~x~~``, ``&amp;`` and ``<script>`` stay text; as a ``paragraph`` of
    its own, so does a line that begins as a list's item (``- x``,
    ``1. x``), a rule (``---``) or a heading's underline (``===``) would.

    Examples:
        >>> as_markdown("*not* <b>bold</b> | x")
        '\\\\*not\\\\* \\\\<b\\\\>bold\\\\</b\\\\> \\\\| x'
        >>> print(as_markdown("- one\\n2. two\\n---", paragraph=True))
        \\- one
        2\\. two
        \\---
    """
    text = text.translate(_MARKUP)
    return re.sub(r"(?m)^([ \t]*)([-+=]|\d{1,9}(?=[.)]))", _line_start, text) if paragraph else text


def _line_start(found: re.Match[str]) -> str:
    indent, start = found.group(1), found.group(2)
    # A number's point or bracket is escaped, a mark itself.
    return f"{indent}{start}\\" if start[0].isdigit() else f"{indent}\\{start}"


def shown_width(text: str) -> int:
    """The columns ``text`` takes on a terminal: two for a wide character
    (Chinese, Japanese, Korean; emoji), none for a mark that joins the one
    before it (an accent, a Thai or Devanagari vowel sign, a variation
    selector, a zero-width space, a Korean syllable's vowel or final), and
    those of its escape for a character :func:`printable` escapes (every
    command's output is escaped so when it is written).

    Examples:
        >>> shown_width("Kent"), shown_width("\u6771\u4eac"), shown_width("e\u0301")
        (4, 4, 1)
        >>> shown_width("bell\\x07"), shown_width("rtl\\u202e")
        (8, 9)
    """
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(_width, text))


# The encoding of the terminal text is laid out for, where it cannot hold
# every character (an ASCII locale): the command line writes what it cannot
# as an escape (``\u2013``), whose columns are counted. ``None``: any.
terminal_encoding: ContextVar[str | None] = ContextVar("terminal_encoding", default=None)


def ellipsis() -> str:
    """The mark of text cut short, as the program writes it: "\u2026", or
    "..." where the terminal text is laid out for cannot hold it (an escape,
    "\\u2026", is for the data's characters, which it shows as they are)."""
    encoding = terminal_encoding.get()
    return "..." if encoding is not None and _escaped_in(encoding, "\u2026") else "\u2026"


def as_encoded(text: str, encoding: str) -> str:
    """``text`` with what ``encoding`` cannot hold written as a backslash
    escape (``\\u2013``), as the command line writes it to a terminal of
    that encoding."""
    return text.encode(encoding, "backslashreplace").decode(encoding, "replace")


@functools.lru_cache(maxsize=4096)
def _escaped_in(encoding: str, c: str) -> int:
    """The columns of ``c`` written as an escape where ``encoding`` cannot
    hold it, else 0."""
    try:
        shown = as_encoded(c, encoding)
    except LookupError:
        return 0
    return 0 if shown == c else len(shown)


def _width(c: str) -> int:
    if c.isprintable() and c not in _BLANK:
        if c.isascii():
            return 1
        encoding = terminal_encoding.get()
        if encoding is not None and (escape := _escaped_in(encoding, c)):
            return escape
    else:
        shown = printable(c)
        if shown != c:
            return len(shown)  # an escape, in ASCII
    if unicodedata.category(c) in ("Mn", "Me", "Cf") or "\u1160" <= c <= "\u11ff":
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def cut_to(text: str, width: int) -> str:
    """The longest start of ``text`` that takes at most ``width`` columns."""
    if text.isascii() and text.isprintable():
        return text[:width]
    used = 0
    for i, c in enumerate(text):
        used += _width(c)
        if used > width:
            return text[:i]
    return text


def cut_short(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, ending with the program's mark of a
    cut (:func:`ellipsis`): for text known to be wider."""
    mark = ellipsis()
    return cut_to(text, width - len(mark)) + mark


def padded(text: str, width: int, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` columns, on the left (``right``) or the right."""
    fill = " " * max(0, width - shown_width(text))
    return fill + text if right else text + fill


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """The lines of ``text`` at most ``width`` long, the first indented by
    ``initial_indent``, the others by ``subsequent_indent``; none for text
    without words. A word longer than a line is cut into lines of its own,
    but for a web address, which is copied whole.

    Examples:
        >>> wrap("How effective is the force at reducing re-offending?", 24, "", "  ")
        ['How effective is the', '  force at reducing', '  re-offending?']
    """
    # Control characters escaped first: split would take a CR, a tab or a
    # separator of lines for a space, and drop it.
    return _wrapped(printable(text, lines=True).split(), width, initial_indent, subsequent_indent)


def wrap_names(
    names: Sequence[str], width: int, initial_indent: str = "", subsequent_indent: str = ""
) -> list[str]:
    """``names`` as a list with commas, wrapped by :func:`wrap_words`:
    never within a name that fits a line ("Greater Manchester").

    Examples:
        >>> wrap_names(["Kent", "Greater Manchester"], 20, "", "  ")
        ['Kent,', '  Greater Manchester']
    """
    return wrap_words(
        [f"{n}," for n in names[:-1]] + list(names[-1:]), width, initial_indent, subsequent_indent
    )


def wrap_words(
    words: Sequence[str], width: int, initial_indent: str = "", subsequent_indent: str = ""
) -> list[str]:
    """``words`` (each kept whole where it fits a line, spaces and all) as
    :func:`wrap` wraps the words of a text."""
    return _wrapped([printable(w) for w in words], width, initial_indent, subsequent_indent)


def _wrapped(words: list[str], width: int, initial_indent: str, subsequent_indent: str) -> list[str]:
    """Words already escaped (see :func:`printable`), wrapped."""
    lines: list[str] = []
    line, used, empty = initial_indent, shown_width(initial_indent), True
    indent = shown_width(subsequent_indent)
    room = max(1, width - indent)
    # Most text is ASCII: a column a character.
    measure = len if all(w.isascii() for w in words) else shown_width
    for whole in words:
        size = measure(whole)
        # A word longer than a line (a figure of hundreds of digits) is cut
        # into lines of its own; a web address is copied whole.
        fits = size <= room or "://" in whole
        parts = [(whole, size)] if fits else [(p, measure(p)) for p in _pieces(whole, room)]
        for word, w in parts:
            if empty:
                line, used, empty = line + word, used + w, False
            elif used + 1 + w <= width:
                line, used = line + " " + word, used + 1 + w
            else:
                lines.append(line)
                line, used = subsequent_indent + word, indent + w
    if not empty:
        lines.append(line)
    return lines


def _pieces(word: str, room: int) -> list[str]:
    """A word cut into pieces of at most ``room`` columns (at least a character each)."""
    pieces = []
    while word:
        piece = cut_to(word, room) or word[0]
        pieces.append(piece)
        word = word[len(piece) :]
    return pieces


def joined(names: Sequence[str], word: str = "and", most: int | None = None) -> str:
    """ "a", "a and b", "a, b and c" (or ``word``: "a, b or c"); with
    ``most``, the first that many and how many more ("a, b, c and 2 more")."""
    if most is not None and len(names) > most:
        names = [*names[:most], f"{len(names) - most} more"]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {word} {names[-1]}"
