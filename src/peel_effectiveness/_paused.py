"""Work that makes many objects and little garbage, done with the garbage
collector held back.

Reading data files, the bundled data or a whole command makes many objects
that live on and hold no reference cycles; meanwhile the collector would
walk every object made so far again and again, which makes a large text
cost more than its size and a command start later. Imports nothing, so that
the program can use it before a command's imports begin.
"""

from __future__ import annotations

import gc

TYPE_CHECKING = False  # as in the package's __init__: typing is not imported yet
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")


def collector_paused(work: Callable[[], T]) -> T:
    """``work()``, with the collector held back meanwhile and given back as
    it was (the setting is the whole process's)."""
    collecting = gc.isenabled()
    try:
        gc.disable()
        return work()
    finally:
        if collecting:
            gc.enable()
