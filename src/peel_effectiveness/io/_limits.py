"""Bounds on what a data file may ask of the reader."""

from __future__ import annotations

from ..model._record import between, field, record

_COUNT = (between(0, 2**62, "a count (a whole number, 0 or more)"),)


@record(kw_only=False)
class Limits:
    """Bounds on what a data file may ask of the reader.

    Attributes:
        max_bytes: The largest file read, in bytes.
        max_depth: The deepest nesting of mappings and lists.
        max_nodes: The most values in a document, counting each alias by the
            size of what it stands for (an alias bomb is stopped by this).
        max_files: The most data files read from one folder.
    """

    __noun__ = "the limits"

    max_bytes: int = field(default=32 * 1024 * 1024, checks=_COUNT)
    max_depth: int = field(default=64, checks=_COUNT)
    max_nodes: int = field(default=2_000_000, checks=_COUNT)
    max_files: int = field(default=10_000, checks=_COUNT)


DEFAULT_LIMITS = Limits()
