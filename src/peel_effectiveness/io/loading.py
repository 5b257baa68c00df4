"""Loading data files, folders and text (the bundled data are read by
:mod:`.bundled`)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._files import named
from ..errors import PeelDataError, Problem
from ..model._messages import shorten
from ..model.dataset import Dataset, overlapping, repeated
from ..model.monitoring import Stay
from ..model.reports import InspectionReport
from ._limits import DEFAULT_LIMITS, Limits
from ._reading import SUFFIXES as _SUFFIXES
from ._reading import Format, decode, read_file, read_text

if TYPE_CHECKING:
    import pathlib

__all__ = ["Limits", "load", "loads"]


def _path(p: str | os.PathLike[str]) -> pathlib.Path:
    # pathlib costs a few milliseconds to import; the command line's usual
    # run (the bundled data) does without it.
    from pathlib import Path

    return Path(p)


def _located(path: str | os.PathLike[str], what: str, *, text_hint: bool = True) -> tuple[pathlib.Path, bool]:
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
    shown = shorten(repr(given), 200) if looks_like_text else shorten(str(given), 200)
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


def _files(path: pathlib.Path, limits: Limits) -> list[pathlib.Path]:
    """The data files of a folder: its own files, not its subfolders' (a
    folder named by mistake, or "/", must not set off a walk of the disk)."""
    found = []
    try:
        with os.scandir(path) as entries:
            for entry in entries:
                suffix = os.path.splitext(entry.name)[1].lower()
                if suffix not in _SUFFIXES and suffix not in _OTHER_FORMATS:
                    continue
                # Whatever is named as a data file and is not a folder is read,
                # so that reading says why not where it cannot be: a link
                # that loops or leads nowhere, a pipe, a device.
                try:
                    is_folder = entry.is_dir()
                except OSError:
                    is_folder = False
                if not is_folder:
                    found.append(_path(entry.path))
                    if len(found) > limits.max_files:
                        raise PeelDataError(
                            [Problem(f"the folder holds more than {limits.max_files} data files", str(path))]
                        )
    except OSError as e:
        raise PeelDataError([Problem(f"cannot read the folder: {e.strerror or e}", str(path))]) from None
    return sorted(found)


# Formats people try to load, named in the message that refuses them.
_OTHER_FORMATS = frozenset({".csv", ".tsv", ".xlsx", ".xls", ".ods", ".txt", ".pdf", ".xml", ".parquet"})


def _limits(limits: object) -> Limits:
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be a Limits, not {type(limits).__name__}")
    return limits


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Dataset:
    """Load reports from a data file, or from every data file of a folder.

    A file holds one report (a mapping) or several (a list). A folder is read
    whole: every ``.yaml``, ``.yml`` and ``.json`` file in it (not in its
    subfolders). Only regular files are read. To read text, use
    :func:`loads`.

    Args:
        path: The file or folder.
        format: ``"yaml"`` or ``"json"``; by default from each file's suffix.
        limits: Bounds on file size, nesting and values.

    Raises:
        PeelDataError: Anything wrong with the data or the files, every
            problem at once, each with its file, line and field path.

    Examples:
        >>> from peel_effectiveness.io.bundled import bundled_sources
        >>> data = load(bundled_sources() / "cumbria-2016.yaml")
        >>> str(data.report("cumbria", 2016).judgment)
        'Good'
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            f"load() takes a path (str or os.PathLike), not {type(path).__name__}; for text, use loads()"
        )
    limits = _limits(limits)
    folder, is_folder = _located(path, "file or folder")
    name = str(folder)
    files = _files(folder, limits) if is_folder else [folder]
    if not files:
        raise PeelDataError([Problem("the folder holds no data files (.yaml, .yml or .json)", name)])
    problems: list[Problem] = []
    loaded: list[Loaded] = []
    unlisted = 0
    for file in files:
        file_name = str(file)
        suffix = file.suffix.lower()
        if suffix in _OTHER_FORMATS:
            problems.append(
                Problem(
                    f"a {suffix[1:].upper()} file, not a data file: data files are YAML (.yaml, .yml) or JSON (.json)",
                    file_name,
                )
            )
            continue
        try:
            found, their_stays = read_text(
                decode(read_file(file_name, limits), file_name), file_name, format, limits
            )
        except PeelDataError as e:
            problems.extend(e.problems)
            unlisted += e.unlisted
            continue
        loaded.append((file_name, found, their_stays))
    # Each file may be right alone and two of them still hold one report
    # twice: say which files.
    problems += clashes(loaded)
    if problems:
        raise PeelDataError(problems, unlisted)
    return together(loaded)


# What one load read: its name (a file, or the file or folder given), its
# reports and its stays in Engage, checked together as it was read.
Loaded = tuple[str, Sequence[InspectionReport], Sequence[Stay]]


def together(loaded: Sequence[Loaded]) -> Dataset:
    """The reports and stays of every load, as one dataset."""
    return Dataset(
        tuple(r for _, reports, _ in loaded for r in reports),
        tuple(s for _, _, stays in loaded for s in stays),
    )


def clashes(loaded: Sequence[Loaded]) -> list[Problem]:
    """What loads right alone cannot hold together: a second report on a
    force, cycle and pillar, and stays of a force that overlap, each named
    with its load and the other's."""
    reports: list[InspectionReport] = []
    origin: list[tuple[int, str]] = []
    stays: list[Stay] = []
    stay_origin: list[tuple[int, str]] = []
    for n, (name, their_reports, their_stays) in enumerate(loaded):
        reports += their_reports
        origin += [(n, name)] * len(their_reports)
        stays += their_stays
        stay_origin += [(n, name)] * len(their_stays)
    out = []

    def other(name: str, first: tuple[int, str]) -> str:
        return f"{name} too: it is given twice" if first[1] == name else first[1]

    for second, first in repeated(reports):
        r, (_, name) = reports[second], origin[second]
        why = f"a second {r.title} report on {r.force.short_name} (the first is in {other(name, origin[first])})"
        out.append(Problem(why, name))
    for second, first, why in overlapping(stays):
        n, name = stay_origin[second]
        if n != stay_origin[first][0]:
            out.append(Problem(f"{why} (the other is in {other(name, stay_origin[first])})", name))
    return out


def loads(
    text: str | bytes,
    *,
    format: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Dataset:
    """Load reports from YAML or JSON text (or its UTF-8 bytes).

    Args:
        text: One report (a mapping) or several (a list); a byte-order
            mark at its start is dropped.
        format: ``"yaml"`` or ``"json"``; by default JSON when the text
            starts like JSON and parses as JSON, else YAML.
        limits: Bounds on size, nesting and values.

    Raises:
        PeelDataError: Anything wrong with the data, every problem at once,
            each with its line (in ``<string>``) and field path.

    Examples:
        >>> data = loads('''
        ... force: cumbria
        ... cycle: 2016
        ... grade: good
        ... ''')
        >>> data.report("cumbria", 2016).judgment.grade
        <Grade.GOOD: 'good'>
    """
    limits = _limits(limits)
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        if len(data) > limits.max_bytes:
            raise PeelDataError(
                [Problem(f"the text is over the limit of {limits.max_bytes} bytes", "<bytes>")]
            )
        return Dataset(*read_text(decode(data, "<bytes>"), "<bytes>", format, limits))
    if not isinstance(text, str):
        raise TypeError(
            f"loads() takes text (str or bytes), not {type(text).__name__}; for a file, use load()"
        )
    # A character takes at most four bytes, and an ASCII text (known without
    # a pass over it) one each: only a text near the limit is encoded.
    if len(text) * 4 > limits.max_bytes and not text.isascii():
        size = len(text.encode("utf-8", "surrogatepass"))
    else:
        size = len(text)
    if size > limits.max_bytes:
        raise PeelDataError([Problem(f"the text is over the limit of {limits.max_bytes} bytes", "<string>")])
    # A byte-order mark, which a file read as "utf-8" rather than
    # "utf-8-sig" keeps at the start of its text, is dropped, as load()
    # and bytes drop it: JSON would refuse it, and hide that the text is JSON.
    return Dataset(*read_text(text.removeprefix("\ufeff"), "<string>", format, limits))


def __getattr__(name: str) -> object:
    # The bundled data's functions were defined here before io/bundled.py
    # (0.x); code that imports them from here still finds them.
    if name in ("load_bundled", "bundled_part", "bundled_cycles", "bundled_sources"):
        from . import bundled

        return getattr(bundled, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
