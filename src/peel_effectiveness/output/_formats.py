"""Writing rows of data as an aligned text table, CSV, JSON, JSON lines or Markdown."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..model._messages import show_number
from ._text import as_markdown, cut_short, ellipsis, padded, printable, shown_width, wrap

FORMATS = ("table", "csv", "json", "jsonl", "markdown")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # The shortest text that reads back as the same number, as JSON
        # writes it: a figure keeps every digit (12345678901, not 1.23e+10).
        return show_number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# What a spreadsheet runs as a formula when a cell starts with it.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def excel_cell(value: Any) -> str:
    """A cell for a spreadsheet: text that would run as a formula behind a
    single quote, which the spreadsheet shows as text (numbers as they are)."""
    text = _cell(value)
    if isinstance(value, str) and text.startswith(_FORMULA):
        return "'" + text
    return text


def render(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: str, *, excel: bool = False
) -> str:
    """The rows in a format: ``table``, ``csv``, ``json``, ``jsonl`` or ``markdown``.

    CSV follows RFC 4180 (comma separated, CRLF line ends, quotes where
    needed), with a header row, UTF-8 and no byte-order mark; empty cells
    stand for missing values. With ``excel``, CSV for spreadsheets: a
    byte-order mark first (Excel then reads UTF-8), and each text cell a
    spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return) behind a single quote. The text
    formats (``table``, ``markdown``) show control characters as escapes.
    """
    if fmt == "csv":
        import csv  # here: most commands write tables, and start sooner without it

        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        cell = excel_cell if excel else _cell
        writer.writerow([cell(c) for c in columns])
        writer.writerows([cell(r.get(c)) for c in columns] for r in rows)
        return (BOM if excel else "") + buf.getvalue()
    if excel:
        raise ValueError("excel goes with csv")
    if fmt == "json":
        data = [{c: _json_value(r.get(c)) for c in columns} for r in rows]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(
            json.dumps({c: _json_value(r.get(c)) for c in columns}, ensure_ascii=False) + "\n" for r in rows
        )
    # A cell's lines (a judgment's sources, a grid row's caveats) are kept
    # where the text formats can show them (see table()); a Markdown cell's
    # are broken with <br>, which its tables show as a line break. Other
    # control characters show as escapes.
    cells = [[printable(_cell(r.get(c)).replace("\r\n", "\n"), lines=True) for c in columns] for r in rows]
    # A column may be named by the data (a grid's areas), as a cell is.
    heads = [printable(c, lines=True).replace("\n", " ") for c in columns]
    if fmt == "markdown":
        lines = [
            "| " + " | ".join(map(as_markdown, heads)) + " |",
            "|" + "|".join("---" for _ in columns) + "|",
        ]
        lines += [
            "| " + " | ".join("<br>".join(map(as_markdown, c.split("\n"))) for c in row) + " |"
            for row in cells
        ]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        numeric = [all(_is_number(r.get(c)) for r in rows) and rows != [] for c in columns]
        return table(heads, cells, numeric)
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


WIDTH = 80
CUT = "{mark}: cut to fit {width} columns; --format csv or json has every cell in full."


def table(columns: list[str], cells: list[list[str]], numeric: list[bool], width: int = WIDTH) -> str:
    """Cells as an aligned text table of at most ``width`` columns.

    Where the table is wider, its widest text columns are cut (each cut
    cell ends with an ellipsis, and a line under the table says so) down to
    their heading's width, but never one holding a web address; a table
    still too wide is shown a row at a time, each cell on a line of its
    own under its column's name (nothing cut), its own lines kept. In an
    aligned table, a row is one line: a cell's lines run on, a space apart.
    """
    whole, cells = cells, [[c.replace("\n", " ") for c in row] for row in cells]
    widths = [max([shown_width(c)] + [shown_width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def total() -> int:
        return sum(widths) + 2 * (len(widths) - 1)

    # A column holding a web address is never cut: a reader copies one whole.
    floors = [
        widths[i]
        if any("://" in row[i] for row in cells)
        else shown_width(c)
        if num
        else max(shown_width(c), 8)
        for i, (c, num) in enumerate(zip(columns, numeric, strict=True))
    ]
    while total() > width:
        shrinkable = [i for i, w in enumerate(widths) if not numeric[i] and w > floors[i]]
        if not shrinkable:
            return _rows_apart(columns, whole, width)
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    cut, mark = False, ellipsis()

    def fit(value: str, w: int) -> str:
        nonlocal cut
        if shown_width(value) <= w:
            return value
        cut = True
        return cut_short(value, w)

    def line(values: Sequence[str]) -> str:
        parts = [padded(fit(v, w), w, right=num) for v, w, num in zip(values, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    if cut:
        out.append(CUT.format(mark=mark, width=width))
    return "\n".join(out) + "\n"


def _rows_apart(columns: list[str], cells: list[list[str]], width: int) -> str:
    """Each row as a block, each value beside its column's name: a
    name too long for its third of the line has a line of its own, the
    value under it (a name is what a user types, so it is never cut), and a
    web address is never broken (see :func:`~._text.wrap`); a value's own
    lines are kept."""
    name_width = min(max(map(shown_width, columns)), width // 3)
    indent = " " * (name_width + 2)
    blocks = []
    for row in cells:
        lines = []
        for name, value in zip(columns, row, strict=True):
            # Each of its lines wrapped apart: a line (a caveat) never runs
            # into the next. A blank one is dropped: a blank line parts rows.
            wrapped = [w for line in value.split("\n") for w in wrap(line, width, indent, indent)]
            if shown_width(name) > name_width:
                lines += [name, *wrapped]
            else:
                first = wrapped[0][len(indent) :] if wrapped else ""
                lines += [f"{padded(name, name_width)}  {first}", *wrapped[1:]]
        blocks.append("\n".join(line.rstrip() for line in lines))
    return "\n\n".join(blocks) + "\n"


def _is_number(value: Any) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
