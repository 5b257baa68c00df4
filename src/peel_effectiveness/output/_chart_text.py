"""Text in the charts, measured as matplotlib draws it: wrapped to a
width, fitted to columns, and names cut to the room beside a chart."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import Any

from . import _text

__all__ = ["HEAD_GAP", "balanced", "column_heads", "drawn", "fit", "row_label", "text_inches", "wrap"]


def drawn(text: str) -> str:
    """``text`` as a chart draws it: what every output escapes (a control
    character, a mark that turns text right to left; see
    :func:`._text.printable`), and each character the chart's type has no
    glyph for (Chinese, emoji...) written as its escape too, as on a
    terminal that cannot show it: matplotlib would draw an empty box, and
    warn of each. A dollar sign is escaped as matplotlib escapes it, and
    drawn as it is.

    Examples:
        >>> drawn("Kent"), drawn("Caf\u00e9 \u2212 \u2020"), drawn("\u4e2d\U0001f693")
        ('Kent', 'Caf\u00e9 \u2212 \u2020', '\\\\u4e2d\\\\U0001f693')
    """
    # A dollar sign escaped: matplotlib reads text between two as
    # mathematics ("$5 and $10" in italics, "$\\frac{1}{$" an error).
    shown = _text.printable(text).replace("$", "\\$")
    if shown.isascii():
        return shown
    has = _glyphs()
    return "".join(c if c.isascii() or has(c) else _escape(c) for c in shown)


def _escape(c: str) -> str:
    return f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}"


@functools.cache
def _glyphs() -> Any:
    """Whether the chart's type (matplotlib's default face) has a
    character's glyph."""
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font

    font = FT2Font(findfont(FontProperties()))
    return functools.cache(lambda c: font.get_char_index(ord(c)) != 0)


def text_inches(text: str, points: float, *, weight: str = "normal") -> float:
    """How wide ``text`` is drawn at ``points`` (its widest line), in inches,
    measured as matplotlib draws it."""
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=points, weight=weight)
    measure = _renderer().get_text_width_height_descent
    return float(max(measure(line, prop, ismath=False)[0] for line in text.split("\n"))) / _MEASURING_DPI


def line_inches(points: float) -> float:
    """How tall a line of text is drawn at ``points`` (ascent and descent),
    in inches, measured as matplotlib measures it."""
    from matplotlib.font_manager import FontProperties

    return (
        float(_renderer().get_text_width_height_descent("lp", FontProperties(size=points), ismath=False)[1])
        / _MEASURING_DPI
    )


_MEASURING_DPI = 100


@functools.cache
def _renderer() -> Any:
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(1, 1, _MEASURING_DPI)  # type: ignore[no-untyped-call]


def fit(text: str, points: float, inches: float) -> tuple[str, bool]:
    """``text`` wrapped at its spaces (never a no-break space) into lines no
    wider than ``inches``, measured; and whether it fits (a word wider than
    ``inches`` does not). What would act on a terminal or not show is
    escaped, as in every output."""
    lines: list[str] = []
    for word in _BREAKS.split(text.strip()):
        word = drawn(word)
        if lines and text_inches(f"{lines[-1]} {word}", points) <= inches:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "\n".join(lines), all(text_inches(line, points) <= inches for line in lines)


_BREAKS = re.compile(r"[^\S\u00a0]+")  # white space but a no-break space


def balanced(text: str, points: float, inches: float) -> str:
    """``text`` in as few lines as fit ``inches``, the lines as even as can be."""
    shown, _ = fit(text, points, inches)
    lines = shown.count("\n")
    low, high = 0.0, inches
    while high - low > 0.02:
        middle = (low + high) / 2
        if fit(text, points, middle)[0].count("\n") > lines:
            low = middle
        else:
            high = middle
    return fit(text, points, high)[0]


def column_heads(heads: Sequence[str], points: float, column: float) -> tuple[list[str], int]:
    """Heads for columns ``column`` inches wide that never touch: wrapped
    across the columns where each two neighbours keep :data:`HEAD_GAP`
    between them (and the last stays inside the chart) in at most four
    lines, otherwise turned upright (read from the bottom up), in lines of
    at most 1.3 inches, or longer where the column has room for fewer lines
    side by side. Returns the heads and their rotation."""
    across = [fit(h, points, column - HEAD_GAP)[0] for h in heads]
    widths = [text_inches(h, points) for h in across]
    # Heads are centred on their columns: two neighbours are as far apart
    # as the column is wide, less half of each.
    apart = all((a + b) / 2 <= column - HEAD_GAP for a, b in itertools.pairwise(widths))
    if apart and widths[-1] <= column and all(h.count("\n") < 4 for h in across):
        return across, 0
    # Upright, a head's lines stand side by side: as many as the column
    # holds apart from its neighbours' (one, however narrow it is).
    line = line_inches(points)
    most = 1 + max(0, int((column - HEAD_GAP - line) / (_LINE_SPACING * line)))
    return [_in_lines(h, points, most) for h in heads], 90


_LINE_SPACING = 1.2  # matplotlib's, from one line of text to the next, in lines' heights


def heads_inches(heads: Sequence[str], points: float, rotation: int) -> float:
    """How tall column heads from :func:`column_heads` stand, in inches:
    upright, their longest line; across, their most lines."""
    if rotation:
        return max((text_inches(h, points) for h in heads), default=0.0)
    lines = max((h.count("\n") + 1 for h in heads), default=0)
    return lines * _LINE_SPACING * line_inches(points)


def _in_lines(text: str, points: float, most: int) -> str:
    """``text`` balanced in lines of at most 1.3 inches, or in lines long
    enough to make it ``most`` lines or fewer, up to :data:`TALLEST_HEAD`
    (the chart's rows need the page): past that, cut with an ellipsis."""
    inches = 1.3
    shown = balanced(text, points, inches)
    while shown.count("\n") >= most and inches < TALLEST_HEAD:
        inches = min(inches * 1.25, TALLEST_HEAD)
        shown = balanced(text, points, inches)
    if shown.count("\n") < most:
        return shown
    # The lines that fit, and the rest of the words on the last, cut. (A
    # line's words are the text's, each escaped alone: no space inside one.)
    kept = fit(text, points, TALLEST_HEAD)[0].split("\n")[: most - 1]
    rest = _BREAKS.split(text.strip())[sum(line.count(" ") + 1 for line in kept) :]
    return "\n".join([*kept, row_label(" ".join(rest), points, TALLEST_HEAD)])


TALLEST_HEAD = 2.6  # inches: the longest line of an upright column head


HEAD_GAP = 0.1  # inches kept clear between two column heads


def superscript(number: int) -> str:
    """A whole number in superscript digits: a power of ten's, a note's mark.

    Examples:
        >>> superscript(12), superscript(-3)
        ('\u00b9\u00b2', '\u207b\u00b3')
    """
    return str(number).translate(_SUPERSCRIPT)


_SUPERSCRIPT = str.maketrans(
    "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


def wrap(text: str, points: float, inches: float, *, weight: str = "normal") -> str:
    """``text`` wrapped to fit ``inches`` at ``points``: at first to as many
    characters as an average glyph of the sans-serif face allows (about
    0.52 em wide; a little more is assumed), fewer while a line measures
    wider than ``inches`` as drawn (wide letters, bold type)."""
    per_line = max(8, int(inches * 72 / (points * 0.56)))
    while True:
        lines = [line for part in text.split("\n") for line in _text.wrap(drawn(part), per_line) or [""]]
        # A web address is never broken: a line that is one, too wide, is no
        # reason to break every other line shorter.
        if per_line <= 8 or all(
            text_inches(line, points, weight=weight) <= inches or _one_address(line) for line in lines
        ):
            return "\n".join(lines)
        per_line -= 1


def _one_address(line: str) -> bool:
    return " " not in line.strip() and "://" in line


ROW_LABEL = 2.0  # inches: the most a row's name takes (the 43's longest takes about 1.2)


def row_label(text: str, points: float, inches: float = ROW_LABEL, suffix: str = "") -> str:
    """A name drawn beside a chart's row (a force's), with ``suffix`` after
    it: escaped, as every output escapes what would act on a terminal or
    not show (a control character, a mark that turns text right to left),
    and cut to ``inches`` with an ellipsis, since the data allow names of
    any length and the chart's width is fixed. The name is cut between its
    characters, never inside an escape.

    Examples:
        >>> row_label("Kent", 7.0)
        'Kent'
        >>> row_label("Zed\\u202e\\x07", 7.0)
        'Zed\\\\u202e\\\\x07'
        >>> row_label("Long" + "g" * 120, 7.0, suffix=" (not ranked)").endswith("gg\u2026 (not ranked)")
        True
    """
    shown = drawn(text) + suffix
    if text_inches(shown, points) <= inches:
        return shown
    # The longest start that fits with its ellipsis, found by halves.
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_inches(_cut(text, middle, suffix), points) <= inches:
            low = middle
        else:
            high = middle - 1
    return _cut(text, low, suffix)


def _cut(text: str, end: int, suffix: str) -> str:
    return drawn(text[:end].rstrip()) + "\u2026" + suffix
