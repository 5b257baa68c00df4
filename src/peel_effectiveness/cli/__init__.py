"""The command line, ``peel-effectiveness`` (see ``peel-effectiveness --help``)."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package's __init__: nothing is imported until asked for
if TYPE_CHECKING:
    from ._main import main

__all__ = ["main"]

if not TYPE_CHECKING:
    from .. import _lazy

    __getattr__, __dir__ = _lazy.lazy_names(__name__, __all__, ("_main",))
