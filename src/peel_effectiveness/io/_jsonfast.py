"""The fast JSON reader, on the standard library's scanner.

It walks the outer structure itself (a report, or a list of reports) and has
the standard library's C scanner read each value. That way it knows the
exact text of each part of a report (its assessments, measurements, outcome
tables and provenance): a part written exactly as one read before, as in an
archive where reports repeat their figures, is neither decoded nor built
again. Text also tells 0.0 from -0.0, where equality would not.

Like the rest of the fast path it accepts only what the validating path
accepts, and raises :class:`~peel_effectiveness._fast.Bail` at the first
thing out of the ordinary, including any JSON it is not sure of: the
validating path then reads the text and reports every problem.
"""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any

from ._fast import PARTS, Bail

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model.reports import InspectionReport
    from ._fast import Builder
    from ._limits import Limits

WS = re.compile(r"[ \t\n\r]*")
_BLANK = " \t\n\r"

# The deepest nesting of any document the fast path accepts: a list of
# reports > report > outcome_tables > table > rows > group row > members >
# type row.
DEEPEST = 8
_UNREAD = object()


def reject_constant(name: str) -> Any:
    """For ``parse_constant``: JSON has no NaN or infinities."""
    raise ValueError(f"{name} is not a number JSON allows")


@functools.cache
def _scanner() -> Callable[[str, int], tuple[Any, int]]:
    return json.JSONDecoder(parse_constant=reject_constant).scan_once  # type: ignore[attr-defined,no-any-return]


def reports(text: str, limits: Limits, builder: Builder) -> list[InspectionReport] | None:
    """The reports of a JSON text, or ``None`` when a limit is too tight or
    reached, for the validating reader to measure and report.

    Raises:
        Bail: The text needs the validating path (it may still be valid).
    """
    if limits.max_depth < DEEPEST:
        return None
    try:
        found = _Reader(text, builder).read()
    except (IndexError, StopIteration):  # the text ended early, or a value is not JSON
        raise Bail from None
    return None if builder.nodes > limits.max_nodes else found


class _Reader:
    def __init__(self, text: str, builder: Builder) -> None:
        self.text = text
        self.builder = builder
        self.scan = _scanner()
        self.skip = WS.match
        # The text of the last part read under each name, to recognise a
        # repeat without reading it.
        self.last: dict[str, str] = {}

    def ws(self, i: int) -> int:
        return self.skip(self.text, i).end()  # type: ignore[union-attr]

    def read(self) -> list[InspectionReport]:
        text = self.text
        i = self.ws(0)
        out = []
        if text[i] == "[":
            i = self.ws(i + 1)
            if text[i] == "]":
                i += 1
            else:
                while True:
                    report, i = self.report(i)
                    out.append(report)
                    self.builder.nodes += 1
                    i = self.ws(i)
                    if text[i] == ",":
                        i = self.ws(i + 1)
                    elif text[i] == "]":
                        i += 1
                        break
                    else:
                        raise Bail
        else:
            report, i = self.report(i)
            out.append(report)
        if self.ws(i) != len(text):
            raise Bail
        return out

    def report(self, i: int) -> tuple[InspectionReport, int]:
        text, scan, builder = self.text, self.scan, self.builder
        if text[i] != "{":
            raise Bail
        small: dict[str, Any] = {}
        built: dict[str, Any] = {}
        i = self.ws(i + 1)
        if text[i] == "}":
            return builder.report(small), i + 1
        skip = self.skip
        # Whitespace is skipped only where there is some: most of it sits
        # after colons and commas, little before them.
        while True:
            if text[i] != '"':
                raise Bail
            key, i = scan(text, i)
            if key in small or key in built:
                raise Bail  # a repeated key
            if text[i] in _BLANK:
                i = skip(text, i).end()  # type: ignore[union-attr]
            if text[i] != ":":
                raise Bail
            i += 1
            if text[i] in _BLANK:
                i = skip(text, i).end()  # type: ignore[union-attr]
            if key in PARTS:
                built[key], i = self.part(key, i)
                builder.nodes += 2  # the key and its value
            else:
                value, i = scan(text, i)
                # No small key takes a mapping, at any depth (the builder
                # refuses one), so none can hide a repeated key.
                if type(value) is dict:
                    raise Bail
                small[key] = value
            if text[i] in _BLANK:
                i = skip(text, i).end()  # type: ignore[union-attr]
            if text[i] == ",":
                i += 1
                if text[i] in _BLANK:
                    i = skip(text, i).end()  # type: ignore[union-attr]
            elif text[i] == "}":
                return builder.report(small, built), i + 1
            else:
                raise Bail

    def part(self, name: str, i: int) -> tuple[Any, int]:
        text = self.text
        last = self.last.get(name)
        # An array or object ends at its own closing bracket, so a text that
        # starts with one read before holds exactly that value.
        if last is not None and text.startswith(last, i):
            raw, end = last, i + len(last)
            value: Any = _UNREAD
        else:
            value, end = self.scan(text, i)
            raw = text[i:end]
            if raw[0] in "[{":
                self.last[name] = raw
        builder = self.builder
        return builder.part(
            name, raw, lambda: builder.build_part(name, self.scan(text, i)[0] if value is _UNREAD else value)
        ), end
