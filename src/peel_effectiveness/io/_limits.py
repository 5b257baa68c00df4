"""Bounds on what a data file may ask of the reader."""

from __future__ import annotations

import attrs


@attrs.frozen
class Limits:
    """Bounds on what a data file may ask of the reader.

    Attributes:
        max_bytes: The largest file read, in bytes.
        max_depth: The deepest nesting of mappings and lists.
        max_nodes: The most values in a document, counting each alias by the
            size of what it stands for (an alias bomb is stopped by this).
        max_files: The most data files read from one folder.
    """

    max_bytes: int = 32 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 2_000_000
    max_files: int = 10_000


DEFAULT_LIMITS = Limits()
