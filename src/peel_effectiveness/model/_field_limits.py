"""The limits a field's values must meet beside its rule (:class:`Between`,
:class:`Matches`, :class:`Distinct`, :class:`Filled`, :class:`Items`...),
which a field's validator checks (:mod:`._validators`) and the JSON Schema
reads too.

The bounds are constants of the model's modules, never data, so most are
named tuples, which every command defines at start-up in a sixth of the
time an attrs class takes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

import attrs

from ..errors import Problem
from ._messages import describe, shorten_repr, show_number
from ._values import MOST_PROBLEMS, stopped


class Between(NamedTuple):
    """A number from ``low`` to ``high`` (both included).

    Attributes:
        low: The lowest value allowed.
        high: The highest value allowed.
        what: What such a number is, for the message (``"a percentage"``).
        whole: Whether only whole numbers are allowed.
    """

    low: float
    high: float
    what: str
    whole: bool = False

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is out of bounds, or ``None``."""
        if not isinstance(value, (int, float)):
            return f"{describe(value)} is not {self.what}"
        if self.low <= value <= self.high and (not self.whole or value == int(value)):
            return None
        return f"{show_number(value)} is not {self.what}"

    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords of the bounds."""
        out: dict[str, Any] = {}
        if math.isfinite(self.low):
            out["minimum"] = self.low
        if math.isfinite(self.high):
            out["maximum"] = self.high
        if self.whole:
            out["multipleOf"] = 1
        return out


# How many values a limit remembers it found right (Matches, Items): the
# keys and sources data repeat, and no more than a hostile file could grow.
MOST_REMEMBERED = 4096


@attrs.frozen
class Matches:
    """Text that matches a regular expression whole.

    Attributes:
        pattern: The expression.
        what: What such text is, for the message (``"a metric key"``).
    """

    pattern: str
    what: str
    # An attrs class, unlike the other limits, for this: a set of the values
    # matched, looked in before the expression (keys recur from report to
    # report, and a set is twice as quick as any shared cache).
    _matched: set[str] = attrs.field(init=False, repr=False, eq=False, factory=set)

    def problem(self, value: str) -> str | None:
        """Why ``value`` does not match, or ``None``."""
        seen = self._matched
        if value in seen:
            return None
        if re.fullmatch(self.pattern, value) is None:  # compiled when first used, and cached by re
            return f"{shorten_repr(value)} is not {self.what}"
        if len(seen) < MOST_REMEMBERED:
            seen.add(value)
        return None

    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords of the pattern."""
        return {"pattern": f"^(?:{self.pattern}){END}"}


class Filled(NamedTuple):
    """Text that is not blank: the limit of a text a record cannot do
    without (a label, a title, a cause of concern; a summary that may be
    left out is ``""`` by default). Not a :class:`Matches`: a summary is
    long and seldom repeated, and ``isspace`` stops at its first letter.

    Attributes:
        what: What such text is, for the message.
    """

    what: str = "text with something in it (not blank)"

    def problem(self, value: str) -> str | None:
        """Why ``value`` is blank, or ``None``."""
        if not isinstance(value, str):
            return f"{describe(value)} is not {self.what}"
        return None if value and not value.isspace() else f"{shorten_repr(value)} is not {self.what}"

    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords: a character that is not white space to
        ``str.isspace`` (a pattern JSON Schema searches for; its ``\\S``
        is JavaScript's, which differs)."""
        return {"pattern": f"[^{WHITE_SPACE}]"}


class NumberOrText(NamedTuple):
    """The limits of a field that is a number or text (a question: its
    number, or its key): a number meets ``number``, text ``text``.

    Attributes:
        number: The bounds of a number.
        text: The limit of text.
    """

    number: Between
    text: Filled | Matches

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is out of its kind's limit, or ``None``."""
        return self.text.problem(value) if isinstance(value, str) else self.number.problem(value)

    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords of both (each applies to its type)."""
        return {**self.number.schema(), **self.text.schema()}


# The characters str.isspace() takes for white space, as a regular
# expression's class (tests/test_schema.py checks it against isspace).
WHITE_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


FILLED = Filled()


# The characters str.splitlines() breaks a line at, as a regular
# expression's class (tests/test_schema.py checks it against splitlines).
LINE_BREAKS = r"\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029"

# A key a file or a table names a thing by (a question's, a metric's, a
# table's): lower case letters, digits and underscores, a letter first.
KEY = "[a-z][a-z0-9_]*"

# The end of a JSON Schema's pattern: no character after it (one that is
# no line break, or one that is), not "$", which Python's expressions
# (jsonschema's) match before a last line break, and JavaScript's do not.
END = r"(?![^\n]|\n)"

# One line, not blank at either end; spelt out in classes that every
# engine of regular expressions reads alike (``.`` and ``\S`` do not).
ONE_LINE = f"[^{WHITE_SPACE}](?:[^{LINE_BREAKS}]*[^{WHITE_SPACE}])?"

# The C0 and C1 control characters (str.isprintable refuses all of them).
CONTROLS = r"\x00-\x1f\x7f-\x9f"

# The words that name a thing as a title does (a question's key, wording or
# alias): one line of no more than MOST_IN_NAME characters, none of them a
# control character, as a table's column or a chart's label can hold.
MOST_IN_NAME = 300
NAME_WORDS = (
    f"[^{WHITE_SPACE}{CONTROLS}]"
    f"(?:[^{LINE_BREAKS}{CONTROLS}]{{0,{MOST_IN_NAME - 2}}}[^{WHITE_SPACE}{CONTROLS}])?"
)
NAME_WORDS_SAID = f"one line of at most {MOST_IN_NAME} characters, no control characters"


class Items:
    """A list of texts each with something in it, and each a line (unless
    ``one_line`` is false): a judgment's or a stay's sources, which the tidy
    tables write one a line in a cell, so that they split back as they
    were; a report's areas for improvement, which may run over lines.

    Not a named tuple, for the set of the lists found right, looked in
    first: reports repeat their sources from judgment to judgment (as
    :class:`Matches` keeps the values it matched).

    Attributes:
        what: What an item is, for the message.
        one_line: Whether an item is one line.
    """

    __slots__ = ("_accepted", "one_line", "what")

    def __init__(self, what: str = "a source", *, one_line: bool = True) -> None:
        self.what = what
        self.one_line = one_line
        self._accepted: set[tuple[str, ...]] = set()

    def __repr__(self) -> str:
        return f"Items({self.what!r}, one_line={self.one_line})"

    def problem(self, value: tuple[str, ...]) -> str | None:
        """Why the first item that is wrong is blank or holds a line break,
        or ``None`` (:meth:`problems` says each, with its index)."""
        accepted = self._accepted
        if value in accepted:
            return None
        for item in value:
            why = self._of(item)
            if why is not None:
                return why
        if len(accepted) < MOST_REMEMBERED:
            accepted.add(value)
        return None

    def problems(self, value: Sequence[object], named: int = 0) -> list[Problem]:
        """Why each item of text that is wrong is, with its index as its
        path (an item that is not text is its rule's to refuse), beside
        ``named`` problems of the list's rule, up to as many as a list's
        are named (a million blank items made a million)."""
        out: list[Problem] = []
        if named >= MOST_PROBLEMS - 1:
            return out  # the list's problems are as many as are named already
        for i, item in enumerate(value):
            if isinstance(item, str) and (why := self._of(item)) is not None:
                out.append(Problem(why, path=f"[{i}]"))
                end = stopped(len(out) + named, i, len(value), f"[{i + 1}]")
                if end is not None:
                    out.append(end)
                    break
        return out

    def _of(self, item: str) -> str | None:
        # A web address is printable, and so has no line break.
        if item.isprintable() and item and not item.isspace():
            return None
        if not item or item.isspace():
            return f"{shorten_repr(item)} is not {self.what}: it is blank"
        # (The expression is compiled when first needed, and cached by re.)
        if self.one_line and re.search(f"[{LINE_BREAKS}]", item):
            return f"{shorten_repr(item)} is not {self.what}: it holds a line break (each is one line)"
        return None

    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords: each item with a character that is not
        white space, and (``one_line``) without a line break."""
        # Unanchored: "$" matches before a last line break in Python's
        # expressions (jsonschema's), and not in JavaScript's.
        if not self.one_line:
            return {"items": {"pattern": f"[^{WHITE_SPACE}]"}}
        return {"items": {"pattern": f"[^{WHITE_SPACE}]", "not": {"pattern": f"[{LINE_BREAKS}]"}}}


SOURCES = Items()
RECOMMENDATIONS = Items("a recommendation", one_line=False)
AREAS_FOR_IMPROVEMENT = Items("an area for improvement", one_line=False)


class Distinct(NamedTuple):
    """A non-empty list whose items each meet ``each``.

    Attributes:
        what: What an item is, for the message.
        each: The limits of every item.
    """

    what: str
    each: Between

    def problem(self, value: tuple[Any, ...]) -> str | None:
        """Why the list is empty, repeats items or has items out of bounds
        (each said)."""
        if not value:
            return f"a list of {self.what}s has at least one item"
        # Each item counted once, and each different one checked once (a
        # count of each item took minutes for a list of 40,000).
        seen: set[Any] = set()
        repeated: set[Any] = set()
        for x in value:
            (repeated if x in seen else seen).add(x)
        whys = []
        twice = sorted(repeated)
        if len(twice) == 1:
            whys.append(f"{self.what} {twice[0]} is listed twice")
        elif twice:
            whys.append(f"{self.what}s {_some(twice)} are listed twice")
        bad = sorted(x for x in seen if self.each.problem(x) is not None)
        if len(bad) == 1:
            whys.append(f"{bad[0]} is not {self.each.what}")
        elif bad:
            whys.append(f"none of {_some(bad)} is {self.each.what}")
        return "; ".join(whys) or None

    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords of the list."""
        return {"minItems": 1, "uniqueItems": True, "items": self.each.schema()}


def _some(items: list[Any]) -> str:
    """Items for a message: the first 20, and how many more (a list of
    thousands once named each)."""
    shown = ", ".join(map(str, items[:20]))
    return shown if len(items) <= 20 else f"{shown} (and {len(items) - 20:,} more)"


Limit = Between | Matches | Distinct | Filled | Items | NumberOrText
