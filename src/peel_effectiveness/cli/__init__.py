"""The command line, ``peel-effectiveness`` (see ``peel-effectiveness --help``)."""

from __future__ import annotations

from ._main import main

__all__ = ["main"]
