"""Records made once and shared: equal mappings of short text (a cycle's
provenance, repeated in each of its reports) give the one record, which is
immutable (see :class:`~._layout.Layout`'s ``shared``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["shared"]


# Shared records are kept for the process, so only small ones, and only so
# many a class: past that many, all are let go and sharing begins again.
_MOST_SHARED = 512
_SHARED_TEXT = 1000  # characters a value


def shared(structure: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """``structure``, made once for each mapping of short text and then
    shared (text only: 1, 1.0 and True are equal keys, and not equal data)."""
    made: dict[tuple[tuple[Any, ...], tuple[Any, ...]], Any] = {}

    def structure_shared(value: Any, cls: Any) -> Any:
        if value.__class__ is dict:
            values = tuple(value.values())
            if all(v.__class__ is str and len(v) <= _SHARED_TEXT for v in values):
                mapping = (tuple(value), values)
                found = made.get(mapping)
                if found is None:
                    found = made[mapping] = structure(value, cls)
                    if len(made) > _MOST_SHARED:
                        made.clear()
                return found
        return structure(value, cls)

    return structure_shared
