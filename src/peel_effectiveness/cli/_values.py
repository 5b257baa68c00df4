"""How the command line reads its options' values: argparse ``type``
functions, each refusing what it cannot read as bad usage (exit 2), in the
library's own words where the library reads the value."""

from __future__ import annotations

import argparse
from typing import Any, NamedTuple

__all__ = [
    "Unresolved",
    "force_reader",
    "read_as",
    "read_cycle",
    "read_path",
    "read_period",
    "read_whole",
]


class Unresolved(NamedTuple):
    """A force's name none of the 43 has, to be looked up in the files
    given with --data, once they are read (see _commands.resolve_forces):
    they may hold forces of their own."""

    name: str
    why: str  # the refusal, if the files have no such force either
    said: str  # the argument, as argparse names it in its errors ("--force", "FORCE")


def read_as(reader: Any, what: str) -> Any:
    """An argparse ``type``: the library's own reader, its error as usage."""

    def read(text: str) -> Any:
        from ..errors import PeelError

        try:
            return reader(text)
        except PeelError as e:
            raise argparse.ArgumentTypeError(str(e).removeprefix("<string>: ")) from None

    read.__name__ = what  # argparse names the type in its messages
    return read


def read_cycle(text: str) -> Any:
    from ..model.cycles import Cycle

    return Cycle(text)


def read_period(text: str) -> Any:
    from ..model.periods import Period

    return Period.parse(text)


def force_reader(said: str) -> Any:
    """An argparse ``type`` of the argument ``said`` (``"--force"``): a force
    of the 43, or a name to look up in the files given (:class:`Unresolved`)."""

    def read_force(text: str) -> Any:
        from ..errors import NotFoundError
        from ..model.force import find_force

        try:
            return find_force(text)
        except NotFoundError as e:
            return Unresolved(text, str(e), said)

    return read_as(read_force, "force")


def _path(text: str) -> str:
    from .._files import named

    named(text, "file or folder")
    return text


read_path = read_as(_path, "path")
"""An argparse ``type``: a path, which an empty text is not."""


def read_whole(low: int, high: int) -> Any:
    """An argparse ``type``: a whole number from ``low`` to ``high``."""

    def read(text: str) -> int:
        # isdigit alone takes "²" and "٣", which int does not; and a number
        # longer than the bound's cannot be within it (nor, past 4,300
        # digits, be read by int at all).
        plain = text.isascii() and text.isdigit() and len(text.lstrip("0")) <= len(str(high))
        if not plain or not low <= int(text) <= high:
            shown = repr(text) if len(text) <= 20 else f"{text[:12]!r}... ({len(text)} characters)"
            raise argparse.ArgumentTypeError(f"{shown} is not a whole number from {low} to {high}")
        return int(text)

    return read
