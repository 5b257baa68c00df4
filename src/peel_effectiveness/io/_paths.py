"""The paths reading takes: a file or a folder named, a folder's data
files, and the files of other formats that are no data files."""

from __future__ import annotations

import bisect
import os
from typing import TYPE_CHECKING, NamedTuple

from .._files import named
from .._suffixes import NAMED, suffix_of
from ..errors import PeelDataError, Problem
from ..model._messages import shorten, shorten_repr
from ._limits import Limits
from ._reading import SUFFIXES as _SUFFIXES

if TYPE_CHECKING:
    import pathlib

__all__ = [
    "NAMED_OTHERS",
    "OTHER_FORMATS",
    "FolderFiles",
    "find_path",
    "folder_files",
    "folder_would_read",
    "not_a_data_file",
    "read_by_folder",
]


def _path(p: str | os.PathLike[str]) -> pathlib.Path:
    # pathlib costs a few milliseconds to import; the command line's usual
    # run (the bundled data) does without it.
    from pathlib import Path

    return Path(p)


def find_path(
    path: str | os.PathLike[str], what: str, *, text_hint: bool = False
) -> tuple[pathlib.Path, bool]:
    """``path`` and whether it is a folder, or :class:`PeelDataError` where
    it names nothing (``what`` says what it should name): no file, an empty
    path (never the current folder), a name too long or with a NUL in it.
    With ``text_hint``, a path that looks like text says where text goes."""
    given = named(path, what)
    # Text given for a path: a line break, a key and its value, or a name
    # longer than any file system allows a name to be.
    looks_like_text = (
        text_hint
        and isinstance(given, str)
        and ("\n" in given or ": " in given or max(map(len, given.split(os.sep))) > 255)
    )
    hint = "; to read text, use loads()" if looks_like_text else ""
    shown = shorten_repr(given, 200) if looks_like_text else shorten(str(given), 200)
    found = _path(path)
    try:
        is_folder = found.is_dir()
        exists = is_folder or found.exists()
    except (OSError, ValueError) as e:  # a name too long, a NUL in it...
        raise PeelDataError(
            [Problem(f"cannot read: {getattr(e, 'strerror', None) or e}{hint}", shown)]
        ) from None
    if not exists and not found.is_symlink():
        raise PeelDataError([Problem(f"no such {what}{hint}", shown)])
    return found, is_folder


def _suffix(name: str) -> str:
    """A folder's file's suffix, as the folder's reading reads it (lower
    case), or "" for a hidden file: an editor's or macOS's (``._x.yaml``),
    not the user's data, and never read."""
    return "" if name.startswith(".") else suffix_of(name)


def read_by_folder(folder: str) -> set[str]:
    """The real paths of the data files reading ``folder`` reads (as
    :func:`folder_files` finds them): what an output must not replace."""
    try:
        with os.scandir(folder) as entries:
            return {os.path.realpath(e.path) for e in entries if _suffix(e.name) in _SUFFIXES}
    except OSError:  # reading it says why
        return set()


def folder_would_read(folder: str, path: str) -> bool:
    """Whether a file written at ``path`` would be one of the data files
    reading ``folder`` reads: in it (by real paths), named as one (those it
    holds already: :func:`read_by_folder`)."""
    real = os.path.realpath(path)
    return os.path.dirname(real) == os.path.realpath(folder) and _suffix(os.path.basename(real)) in _SUFFIXES


# How many of a folder's files that are not data files are named (the
# rest are counted): a folder of exports may hold hundreds.
NAMED_OTHERS = 20


class FolderFiles(NamedTuple):
    """A folder's files, as reading it reads them (see :func:`folder_files`).

    Attributes:
        data: Its data files, in order of their names.
        others: The names of the first of its other files (up to
            :data:`NAMED_OTHERS`, in order), which are left out.
        count_others: How many other files it holds.
    """

    data: list[pathlib.Path]
    others: list[str]
    count_others: int


def folder_files(path: pathlib.Path, limits: Limits) -> FolderFiles:
    """The data files of a folder: its own files, not its subfolders' (a
    folder named by mistake, or "/", must not set off a walk of the disk),
    and the first names of its other files, which are left out (but a
    hidden file's: an editor's or the system's)."""
    found = []
    others: list[str] = []
    count_others = 0
    try:
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue  # a hidden file: an editor's or the system's (see _suffix)
                suffix = suffix_of(entry.name)
                # Whatever is named as a data file and is not a folder is read,
                # so that reading says why not where it cannot be: a link
                # that loops or leads nowhere, a pipe, a device.
                try:
                    is_folder = entry.is_dir()
                except OSError:
                    is_folder = False
                if is_folder:
                    continue
                if suffix not in _SUFFIXES:
                    # Only the names said are kept: a folder of a million
                    # other files is counted, not held.
                    count_others += 1
                    if len(others) < NAMED_OTHERS or entry.name < others[-1]:
                        bisect.insort(others, entry.name)
                        del others[NAMED_OTHERS:]
                    continue
                found.append(_path(entry.path))
                if len(found) > limits.max_files:
                    raise PeelDataError(
                        [Problem(f"the folder holds more than {limits.max_files} data files", str(path))]
                    )
    except OSError as e:
        raise PeelDataError([Problem(f"cannot read the folder: {e.strerror or e}", str(path))]) from None
    return FolderFiles(sorted(found), others, count_others)


# Formats people try to load, named in the message that refuses them.
# Files of other formats, the package's own outputs among them (JSON lines,
# Markdown, charts, SQLite), which are never data files.
OTHER_FORMATS = frozenset(s for s in NAMED if s not in _SUFFIXES) | {".txt"}


def not_a_data_file(suffix: str, name: str) -> PeelDataError:
    """The error of a file named as data whose suffix says it is not (one of
    :data:`OTHER_FORMATS`): read or written, it is refused."""
    kind = suffix[1:].upper()
    # As the letters are said (an XLSX, an SQLITE), but a word (a MARKDOWN).
    article = "an" if kind[:1] in "AEFHILMNORSX" and kind != "MARKDOWN" else "a"
    why = f"{article} {kind} file, not a data file: data files are YAML (.yaml, .yml) or JSON (.json)"
    return PeelDataError([Problem(why, name)])
