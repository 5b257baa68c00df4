"""Bounds on what a data file may ask of the reader."""

from __future__ import annotations

from typing import Any

import attrs

from ..model._field_limits import Between
from ..model._validators import valid
from ..model._values import whole
from ._layout import LAYOUTS, Layout

_COUNT = valid(whole, Between(0, 2**62, "a count (a whole number from 0 to 2**62)", whole=True))

# The deepest nesting both readers can go to, wherever they are called
# from: libyaml stops at 1,000 levels, Python's JSON reader (3.11) at its
# recursion limit, 1,000 frames less those of its callers.
DEEPEST = 500


@attrs.frozen
class Limits:
    """Bounds on what a data file may ask of the reader.

    Attributes:
        max_bytes: The largest file or text read, in bytes; and about the
            largest a YAML document may be with its aliases written out
            (its text and what they stand for, each checked where it
            stands; not the layout a writer adds, so that a document near
            the limit, aliased or not, may be written out larger).
        max_depth: The deepest nesting of mappings and lists, at most 500
            (deeper than that, neither libyaml nor Python's JSON reader can
            be sure to go).
        max_nodes: The most values in a document, counting each alias by the
            size of what it stands for (an alias bomb is stopped by this).
        max_alias_nodes: The most values a YAML document's aliases stand
            for, all together: what each stands for is checked again where
            it stands, so a small file of many aliases would cost what a
            file of its values written out does, and take longer than its
            size promises.
        max_files: The most data files read from one folder.

    Examples:
        >>> Limits(max_bytes=-1)
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: max_bytes: -1 is not a count (a whole number from 0 to 2**62)
    """

    max_bytes: int = attrs.field(default=32 * 1024 * 1024, validator=_COUNT)
    max_depth: int = attrs.field(
        default=64,
        validator=valid(whole, Between(0, DEEPEST, f"a depth from 0 to {DEEPEST} levels", whole=True)),
    )
    max_nodes: int = attrs.field(default=2_000_000, validator=_COUNT)
    max_alias_nodes: int = attrs.field(default=200_000, validator=_COUNT)
    max_files: int = attrs.field(default=10_000, validator=_COUNT)


DEFAULT_LIMITS = Limits()

LAYOUTS[Limits] = Layout("the limits")


class WrittenOut:
    """About the bytes of a YAML document with its aliases written out (its
    text, and the texts and values they stand for, without the layout a
    writer adds), to be held within the size limit: what aliases stand for
    is bounded as a file's text is, so its checks, each where an alias
    stands, cost what its size promises.
    """

    __slots__ = ("_limit", "_sizes", "_text", "_total")

    def __init__(self, text: str, limit: int) -> None:
        self._text, self._limit, self._total = text, limit, -1
        self._sizes: dict[str, int] = {}  # each anchor's, reckoned when first used

    @property
    def said(self) -> str:
        """Why a document is refused, as its error says it (made only then)."""
        return (
            f"written out, its aliases would make the document more than the limit of {self._limit} bytes: "
            "alias fewer or shorter values (or, from Python, set Limits.max_bytes higher)"
        )

    def forget(self, anchor: str) -> None:
        """An anchor set again stands for another value."""
        self._sizes.pop(anchor, None)

    def over(self, anchor: str, value: Any) -> bool:
        """Whether the document, with this alias of ``value`` written out
        too, is more than the limit (each anchor's size reckoned once)."""
        if self._total < 0:  # reckoned at the first alias: most documents have none
            self._total = written_size(self._text)
        size = self._sizes.get(anchor)
        if size is None:
            size = self._sizes[anchor] = written_size(value)
        self._total += size - len(anchor) - 1  # what stands where "*name" did
        return self._total > self._limit


def written_size(value: Any) -> int:
    """About the bytes of ``value`` written out: the UTF-8 of each text
    (keys too), and of each other value as Python writes it. Punctuation
    and layout are not counted: an alias of a text 20,000 times is what
    the bound is for, not a few bytes either way."""
    total, todo = 0, [value]
    while todo:
        v = todo.pop()
        if v.__class__ is dict:
            todo += v.keys()
            todo += v.values()
        elif v.__class__ is list:
            todo += v
        elif isinstance(v, str):
            total += len(v) if v.isascii() else len(v.encode("utf-8", "surrogatepass"))
        else:
            total += len(repr(v))
    return total
