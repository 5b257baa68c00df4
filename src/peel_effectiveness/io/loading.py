"""Loading data files, folders and text, and the bundled dataset."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from ..errors import NotFoundError, PeelDataError, Problem
from ..model.cycles import Cycle, Pillar, resolve_pillar
from ..model.dataset import Dataset, repeated
from ..model.force import Force, find_force
from ..model.reports import InspectionReport
from ._limits import DEFAULT_LIMITS, Limits
from ._reading import SUFFIXES as _SUFFIXES
from ._reading import Format, decode, read_text, structure_reports

if TYPE_CHECKING:
    import pathlib

__all__ = ["Folder", "Limits", "load", "load_bundled", "open_folder"]


def _path(p: str | os.PathLike[str]) -> pathlib.Path:
    # pathlib costs a few milliseconds to import; the command line's usual
    # run (the bundled data) does without it.
    from pathlib import Path

    return Path(p)


def _files(path: pathlib.Path, limits: Limits) -> list[pathlib.Path]:
    if not path.is_dir():
        return [path]
    # Only the folder's own files, not its subfolders: a folder named by
    # mistake (or "/") must not set off a walk of the whole disk.
    found = []
    with os.scandir(path) as entries:
        for entry in entries:
            if os.path.splitext(entry.name)[1].lower() in _SUFFIXES and entry.is_file():
                found.append(_path(entry.path))
                if len(found) > limits.max_files:
                    raise PeelDataError(
                        [Problem(f"the folder holds more than {limits.max_files} data files", str(path))]
                    )
    return sorted(found)


# Formats people try to load, named in the message that refuses them.
_OTHER_FORMATS = frozenset({".csv", ".tsv", ".xlsx", ".xls", ".ods", ".txt", ".pdf", ".xml", ".parquet"})


def _looks_like_path(source: str) -> bool:
    # Text of one line (JSON often is) is told from a path by its start
    # first: looking through a long text for a separator costs more.
    return (
        len(source) <= 4096
        and "\n" not in source
        and not source.lstrip().startswith(("{", "[", "-"))
        and (
            os.path.splitext(source)[1].lower() in (*_SUFFIXES, *_OTHER_FORMATS)
            or os.sep in source
            or os.path.exists(source)
        )
    )


def load(
    source: str | bytes | os.PathLike[str],
    *,
    format: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Dataset:
    """Load reports from a file, a folder of files, or YAML/JSON text.

    A document holds one report (a mapping) or several (a list). A folder is
    read whole: every ``.yaml``, ``.yml`` and ``.json`` file in it (not in
    its subfolders).

    Args:
        source: A path (``str`` or ``os.PathLike``), or the text itself. A
            ``str`` is a path when it has no line break and names an existing
            file or ends in ``.yaml``, ``.yml`` or ``.json``.
        format: ``"yaml"`` or ``"json"``; by default from the file's suffix,
            or, for text, JSON when it parses as JSON.
        limits: Bounds on file size, nesting and alias expansion.

    Raises:
        PeelDataError: Anything wrong with the data, every problem at once,
            each with its file, line and field path.

    Examples:
        >>> data = load('''
        ... force: cumbria
        ... cycle: 2016
        ... grade: good
        ... ''')
        >>> data.report("cumbria", 2016).judgment.grade
        <Grade.GOOD: 'good'>
    """
    if isinstance(source, bytes):
        text = decode(source, "<bytes>")
        return Dataset(read_text(text, "<bytes>", format, limits))
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = _path(source)
        if not path.exists():
            raise PeelDataError([Problem("no such file or folder", str(path))])
        problems: list[Problem] = []
        reports: list[InspectionReport] = []
        files = _files(path, limits)
        if not files:
            raise PeelDataError([Problem("the folder holds no data files (.yaml, .yml or .json)", str(path))])
        origin: list[str] = []
        for file in files:
            name = str(file)
            suffix = file.suffix.lower()
            if suffix and suffix not in _SUFFIXES:
                what = f"a {suffix[1:].upper()} file" if suffix in _OTHER_FORMATS else f"a {suffix} file"
                problems.append(
                    Problem(
                        f"{what}, not a data file: data files are YAML (.yaml, .yml) or JSON (.json)", name
                    )
                )
                continue
            try:
                size = file.stat().st_size
                if size > limits.max_bytes:
                    raise PeelDataError(
                        [Problem(f"the file is {size} bytes, over the limit of {limits.max_bytes}", name)]
                    )
                try:
                    data = file.read_bytes()
                except OSError as e:
                    raise PeelDataError([Problem(f"cannot read the file: {e.strerror}", name)]) from None
                text = decode(data, name)
                found = read_text(text, name, format, limits)
                reports.extend(found)
                origin.extend([name] * len(found))
            except PeelDataError as e:
                problems.extend(e.problems)
        # Each file may be right alone and two of them still hold one report
        # twice: say which files.
        for second, first in repeated(reports):
            r = reports[second]
            where = "the same file" if origin[first] == origin[second] else origin[first]
            problems.append(
                Problem(
                    f"a second {r.title} report on {r.force.short_name} (the first is in {where})",
                    origin[second],
                )
            )
        if problems:
            raise PeelDataError(problems)
        return Dataset(tuple(reports))
    if not isinstance(source, str):
        raise TypeError(f"load() takes a path or text, not {type(source).__name__}")
    # A character takes at most four bytes, and an ASCII text (known without
    # a pass over it) one each: only a text near the limit is encoded.
    if len(source) * 4 > limits.max_bytes and not source.isascii():
        size = len(source.encode("utf-8", "surrogatepass"))
    else:
        size = len(source)
    if size > limits.max_bytes:
        raise PeelDataError([Problem(f"the text is over the limit of {limits.max_bytes} bytes", "<string>")])
    return Dataset(read_text(source, "<string>", format, limits))


class Folder:
    """A folder of data files, read one file at a time, on demand.

    A file named ``<force id>-<cycle>.yaml`` (or ``.yml``/``.json``, with the
    cycle's ``/`` written ``-``, optionally followed by ``-<pillar>``) is
    known by its name, so looking up one report reads only its file. Other
    files are read only when a lookup finds no file by name.

    Examples:
        >>> folder = open_folder(bundled_sources())
        >>> folder.report("durham", 2016).judgment.grade
        <Grade.OUTSTANDING: 'outstanding'>
    """

    def __init__(self, path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = _path(path)
        self.limits = limits
        if not self.path.is_dir():
            raise PeelDataError([Problem("no such folder", str(self.path))])
        self._files = _files(self.path, limits)
        self._index: dict[tuple[str, str, str | None], pathlib.Path] = {}
        self._unnamed: list[pathlib.Path] = []
        for file in self._files:
            key = _key_of(file.stem)
            if key is None:
                self._unnamed.append(file)
            else:
                self._index[key] = file

    def __repr__(self) -> str:
        return f"Folder({str(self.path)!r}: {len(self._files)} data files)"

    def report(
        self,
        force: str | Force,
        cycle: str | int | Cycle,
        pillar: str | Pillar | None = None,
    ) -> InspectionReport:
        """One report, reading as few files as possible (the pillar as in
        :meth:`Dataset.report`: effectiveness if none is named, none from
        2021/22).

        Raises:
            NotFoundError: No file in the folder holds that report.
            PeelDataError: A file read on the way has problems.
        """
        f, c = find_force(force), Cycle.parse(cycle)
        p = resolve_pillar(c, pillar)
        slug = c.value.replace("/", "-")
        keys = ((f.id, slug, None if p is None else p.value), (f.id, slug, None))
        candidates = list(dict.fromkeys(self._index[k] for k in keys if k in self._index))
        for file in [*candidates, *self._unnamed]:
            found = load(file, limits=self.limits).get(f, c, p)
            if found is not None:
                return found
        what = str(c) if p is None else f"{p} {c}"
        raise NotFoundError(f"no {what} report on {f.short_name} in {self.path}")

    def load(self) -> Dataset:
        """Every report in the folder."""
        return load(self.path, limits=self.limits)


def _key_of(stem: str) -> tuple[str, str, str | None] | None:
    from ..model.force import forces

    stem = stem.lower()
    ids = {f.id for f in forces()}
    for cycle in sorted(Cycle, key=lambda c: -len(c.value)):
        slug = cycle.value.replace("/", "-")
        for pillar in [*(p.value for p in Pillar), None]:
            suffix = f"-{slug}" + (f"-{pillar}" if pillar else "")
            if stem.endswith(suffix) and stem[: -len(suffix)] in ids:
                return (stem[: -len(suffix)], slug, pillar)
    return None


def open_folder(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Folder:
    """A folder of data files, to read reports from one at a time (see :class:`Folder`)."""
    return Folder(path, limits)


def _bundled_dir() -> pathlib.Path:
    from importlib.resources import files

    packaged = _path(str(files("peel_effectiveness") / "_seeds"))
    if packaged.is_dir():
        return packaged
    # Running from a source checkout: the data live in the top-level seeds/.
    source = _path(__file__).resolve().parents[3] / "seeds"
    if source.is_dir():
        return source
    raise FileNotFoundError("the bundled data are missing from this installation")


@functools.cache
def _bundle() -> tuple[list[list[str | None]], list[str]]:
    """The bundle: each report's force id, cycle and pillar, and each
    report's line of JSON (parsed only when wanted), read once."""
    import json

    name = os.path.join(os.path.dirname(os.path.dirname(__file__)), "_bundle.jsonl")
    if os.path.isfile(name):
        with open(name, encoding="utf-8") as f:
            text = f.read()
    else:  # installed in a zip: ask the import system
        from importlib.resources import files

        text = (files("peel_effectiveness") / "_bundle.jsonl").read_text(encoding="utf-8")
    # Written by tools/build_bundle.py and checked by the tests: plain JSON.
    first, *lines = text.splitlines()
    index: list[list[str | None]] = json.loads(first)
    return index, lines


@functools.cache
def load_bundled() -> Dataset:
    """The dataset bundled with the package (cached: loaded once).

    The package ships the data twice: as the YAML files people read and
    edit (``seeds/`` in the source) and as JSON made from them, which is
    what this reads, because it loads many times faster.

    Examples:
        >>> data = load_bundled()
        >>> data.report("cumbria", "2016").force.official_name
        'Cumbria Constabulary'
    """
    import json

    _, lines = _bundle()
    return Dataset(tuple(structure_reports(json.loads("[" + ",".join(lines) + "]"), "_bundle.jsonl")))


def bundled_part(forces: frozenset[str] = frozenset(), cycles: frozenset[Cycle] = frozenset()) -> Dataset:
    """The bundled reports on any of ``forces`` (ids) or of any of ``cycles``:
    what a command needs, without reading every report (the command line
    starts in a fraction of the time)."""
    import json

    index, lines = _bundle()
    wanted = {c.value for c in cycles}
    keep = [json.loads(lines[i]) for i, (f, c, _) in enumerate(index) if f in forces or c in wanted]
    return Dataset(tuple(structure_reports(keep, "_bundle.jsonl")))


def bundled_cycles() -> tuple[Cycle, ...]:
    """The cycles of the bundled reports, in time order, without reading them."""
    return tuple(sorted({Cycle.parse(str(c)) for _, c, _ in _bundle()[0]}))


def bundled_sources() -> pathlib.Path:
    """The folder of the bundled YAML files (the human-readable source of the data)."""
    return _bundled_dir()
