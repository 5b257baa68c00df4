"""A folder of data files, read one report at a time (:func:`open_folder`)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import NotFoundError, PeelDataError, Problem
from ..model.cycles import Cycle, Pillar, resolve_pillar
from ..model.force import Force, find_force
from ..model.reports import report_title
from ._limits import DEFAULT_LIMITS, Limits
from ._paths import find_path, folder_files
from .loading import _limits, load

if TYPE_CHECKING:
    import pathlib

    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport

__all__ = ["Folder", "open_folder"]


class Folder:
    """A folder of data files, read one file at a time, on demand.

    A file named ``<force id>-<cycle>.yaml`` (or ``.yml``/``.json``, with the
    cycle's ``/`` written ``-``, optionally followed by ``-<pillar>``) is
    known by its name, so looking up one report reads only its file. Other
    files are read only when the file of its name does not hold it: those
    not named so first, then those named for other reports (a file may hold
    a list of reports, whatever its name).

    Examples:
        >>> from peel_effectiveness.io.bundled import bundled_sources
        >>> folder = open_folder(bundled_sources())
        >>> folder.report("durham", 2016).judgment.grade
        <Grade.OUTSTANDING: 'outstanding'>
    """

    def __init__(self, path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = _limits(limits)
        self.path, is_folder = find_path(path, "folder")
        if not is_folder:
            why = "not a folder: to read one file, use load()" if self.path.is_file() else "no such folder"
            raise PeelDataError([Problem(why, str(self.path))])
        self._files = folder_files(self.path, limits).data
        self._index: dict[tuple[str, str, str | None], pathlib.Path] = {}
        self._unnamed: list[pathlib.Path] = []
        for file in self._files:
            key = _key_of(file.stem)
            if key is None:
                self._unnamed.append(file)
            else:
                self._index[key] = file

    def __repr__(self) -> str:
        n = len(self._files)
        return f"<Folder {str(self.path)!r}: {n} data file{'' if n == 1 else 's'}>"

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
        f, c = find_force(force), Cycle(cycle)
        p = resolve_pillar(c, pillar)
        slug = c.value.replace("/", "-")
        keys = ((f.id, slug, None if p is None else p.value), (f.id, slug, None))
        candidates = list(dict.fromkeys(self._index[k] for k in keys if k in self._index))
        # Then the files not named so, and last those named for another
        # report: a file may hold a list of reports, whatever its name.
        others = [file for file in self._files if file not in candidates and file not in self._unnamed]
        for file in [*candidates, *self._unnamed, *others]:
            found = load(file, limits=self.limits).get(f, c, p)
            if found is not None:
                return found
        raise NotFoundError(f"no {report_title(c, p)} report on {f.short_name} in {self.path}")

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
    """A folder of data files, to read reports from one at a time (see :class:`Folder`).

    Raises:
        PeelDataError: ``path`` is not a folder, or holds more files than
            ``limits`` allow.

    Examples:
        >>> from peel_effectiveness.io.bundled import bundled_sources
        >>> folder = open_folder(bundled_sources())
        >>> str(folder.report("Durham", "2018/19", "efficiency").judgment)
        'Outstanding'
        >>> open_folder(bundled_sources() / "cumbria-2016.yaml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        peel_effectiveness.errors.PeelDataError: ...cumbria-2016.yaml: not a folder: to read one file, use load()
    """
    return Folder(path, limits)
