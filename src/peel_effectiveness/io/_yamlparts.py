"""The fast YAML reader for a list of reports, one part of a report at a time.

A YAML list of reports in block style (what :func:`~peel_effectiveness.dump`
writes) has a plain shape: each report starts with ``- key:`` at the left
margin and each of its keys starts a line two spaces in. Everything else of a
key's value is indented further, so the lines from one key to the next are
that key's whole value. Read that way, a part of a report (its assessments,
measurements, outcome tables or provenance) written exactly as one read
before, as in an archive where reports repeat their figures, is neither
parsed nor built again.

Each piece is read on its own by the event reader of :mod:`._yaml`, with the
same strictness. Anything that is not plainly of this shape (tabs, other line
breaks, document markers, comments or text at the margin, keys that are not
plain words) returns ``None``, and the whole text is read in one go instead;
a piece that does not read on its own (a quoted text cut in two, say) does
too. So the pieces are only ever read where they mean exactly what they mean
in the whole text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import attrs

from . import _yaml
from ._fast import PARTS, Bail
from ._limits import Limits

if TYPE_CHECKING:
    from ..model.reports import InspectionReport
    from ._fast import Builder

# What the text may not hold: other line breaks and tabs (which could make
# two readings differ), a byte order mark.
_ODD = ("\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff")
# Where a piece starts: a report's first key, or any of its keys.
_START = re.compile(r"\n(- |  )([A-Za-z_][A-Za-z0-9_]*):(?=[ \n]|\Z)")
# A line within a piece that is not plainly part of its value: text at the
# margin or one space in, or two spaces in and neither an indentless list
# nor a comment (a key two spaces in starts a piece instead).
_STRAY = re.compile(r"\n(?: ?[^ \n]|  (?!- |-\n|-\Z|#)[^ \n])")


def reports(text: str, limits: Limits, builder: Builder) -> list[InspectionReport] | None:
    """The reports of a YAML list of reports, or ``None`` to read the text
    whole instead (it may still be valid).

    Raises:
        Bail: The text needs the validating path.
    """
    if not text.startswith("- ") or any(c in text for c in _ODD):
        return None
    items = _items(text)
    if items is None:
        return None
    reader = _Reader(limits, builder)
    try:
        out = [reader.report(item) for item in items]
    except _yaml.NeedDetail:
        return None
    # The whole list, each report, and what the pieces hold.
    if 1 + len(items) + reader.nodes > limits.max_nodes:
        return None
    return out


def _items(text: str) -> list[list[tuple[str, str]]] | None:
    """Each report's pieces: a key, and the text from it to the next key."""
    starts = list(_START.finditer("\n" + text))
    if not starts or starts[0].start() != 0:
        return None
    items: list[list[tuple[str, str]]] = []
    ends = [m.start() for m in starts[1:]] + [len(text)]
    for m, end in zip(starts, ends, strict=True):
        if m.group(1) == "- ":
            items.append([])
        items[-1].append((m.group(2), text[m.start() : end]))
    return items


def _dedented(pieces: list[str]) -> str:
    """Pieces in a row as a text of their own, or NeedDetail when a line of
    one is not plainly part of it."""
    if any(_STRAY.search(piece) for piece in pieces):
        raise _yaml.NeedDetail
    return "\n".join(line[2:] for line in "".join(pieces).split("\n"))


class _Reader:
    def __init__(self, limits: Limits, builder: Builder) -> None:
        # Each piece sits one level down: in the list, then the report.
        self.limits = attrs.evolve(limits, max_depth=limits.max_depth - 1)
        self.builder = builder
        self.nodes = 0
        self.parts: dict[tuple[str, str], tuple[Any, int]] = {}
        # The builder recognises repeated mappings by the identities of their
        # scalars, so what it reads must stay alive while it builds.
        self.keep: list[Any] = []
        self.scalars: tuple[dict[str, Any], dict[str, str]] = ({}, {})

    def read(self, piece: str) -> dict[str, Any]:
        value, nodes = _yaml.parse_counted(piece, self.limits, self.scalars)
        if type(value) is not dict:
            raise Bail
        self.keep.append(value)
        self.nodes += nodes - 1  # the mapping itself is the report, counted once
        return value

    def report(self, pieces: list[tuple[str, str]]) -> InspectionReport:
        built: dict[str, Any] = {}
        rest: dict[str, Any] = {}
        run: list[str] = []  # small pieces in a row, read together
        for key, piece in [*pieces, ("", "")]:
            if key in PARTS or not key:
                # Only pieces that stand next to each other in the text are
                # read together, so each reading is of a stretch of the text.
                if run:
                    more = self.read(_dedented(run))
                    if more.keys() & rest.keys():
                        raise Bail  # a repeated key
                    rest.update(more)
                    run = []
                if key:
                    if key in built:
                        raise Bail
                    built[key] = self.part(key, piece)
            else:
                run.append(piece)
        if rest.keys() & built.keys():
            raise Bail
        return self.builder.report(rest, built)

    def part(self, key: str, piece: str) -> Any:
        found = self.parts.get((key, piece))
        if found is None:
            before = self.nodes
            value = self.read(_dedented([piece]))
            if value.keys() != {key}:
                raise _yaml.NeedDetail
            found = self.parts[key, piece] = (self.builder.build_part(key, value[key]), self.nodes - before)
        else:
            self.nodes += found[1]
        return found[0]
