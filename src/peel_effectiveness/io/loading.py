"""Loading and dumping data files (YAML and JSON), and the bundled dataset."""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from ..errors import NotFoundError, PeelDataError, Problem, dotted_path
from ..model.cycles import Cycle, Pillar
from ..model.dataset import Dataset, repeated
from ..model.force import Force, find_force
from ..model.reports import InspectionReport
from ._limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    import pathlib

    from ..model._record import Found
    from ..model._record import Path as KeyPath
    from ._yaml import Parsed

__all__ = ["Folder", "Limits", "dump", "load", "load_bundled", "open_folder"]

Format = Literal["yaml", "json"]
_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise PeelDataError([Problem(f"the file is not UTF-8 text (byte {e.start})", name, line)]) from None


def _parse(text: str, fmt: Format, limits: Limits) -> Parsed:
    from . import _json, _yaml

    if fmt == "json":
        return _json.parse(text, limits)
    return _yaml.parse(text, limits)


def _line(parsed: Parsed, path: KeyPath) -> int | None:
    if path in parsed.key_lines:
        return parsed.key_lines[path]
    while True:
        if path in parsed.lines:
            return parsed.lines[path]
        if not path:
            return None
        path = path[:-1]


def _structure_document(value: Any) -> tuple[list[InspectionReport], Found]:
    """The reports of a parsed document, and every problem with its path."""
    from ..model._record import Invalid, describe
    from ._structure import structure

    if value is None:
        return [], [((), "the file is empty: expected a report (a mapping) or a list of reports")]
    if value.__class__ is dict:
        items, prefix = [value], False
    elif value.__class__ is list:
        items, prefix = value, True
    else:
        return [], [((), f"expected a report (a mapping) or a list of reports, got {describe(value)}")]
    reports: list[InspectionReport] = []
    found: Found = []
    for i, item in enumerate(items):
        built = structure(InspectionReport, item)
        if built.__class__ is Invalid:
            found.extend((((i, *p) if prefix else p), m) for p, m in built.found)
        else:
            reports.append(built)
    if not found:
        for second, first in repeated(reports):
            r = reports[second]
            found.append(
                (
                    (second, "force") if prefix else ("force",),
                    f"a second {r.pillar} report on {r.force.short_name} for {r.cycle} (the first is report {first})",
                )
            )
    return reports, found


def _read_reports(text: str, name: str, fmt: Format, limits: Limits) -> list[InspectionReport]:
    from . import _json, _yaml

    try:
        if fmt == "json":
            value, most = _json.parse_fast(text, limits)
        else:
            value, most = _yaml.parse_counted(text, limits)
    except _yaml.NeedDetail:
        pass
    else:
        reports, found = _structure_document(value)
        if not found:
            # A document the model accepts is as deep as the model's records
            # nest, so only its size needs checking, and only when it could
            # be over the limit.
            if fmt == "json" and (most > limits.max_nodes or limits.max_depth < _model_depth()):
                try:
                    _json.check_size(value, limits)
                except _yaml.YamlFatal as e:
                    raise PeelDataError([Problem(e.message, name, e.line)]) from None
            return reports
    # Only now, with a problem to report, is the text read again with the
    # position of every value.
    try:
        parsed = _parse(text, fmt, limits)
    except _yaml.YamlFatal as e:
        raise PeelDataError([Problem(e.message, name, e.line)]) from None
    reports, found = _structure_document(parsed.value)
    if fmt == "json" and found and not parsed.lines:
        _json.index(text, parsed)
    problems = [Problem(m, name, line, dotted_path(p)) for p, line, m in parsed.problems]
    problems += [Problem(m, name, _line(parsed, p), dotted_path(p)) for p, m in found]
    raise PeelDataError(problems)


@functools.cache
def _model_depth() -> int:
    """How deeply the containers of a list of reports can nest."""
    from ._structure import depth

    return 1 + depth(InspectionReport)


def _format_of(name: str, text: str, fmt: Format | None) -> Format | None:
    """The format by the caller's word or the file's suffix; for text, YAML
    unless it starts like JSON, and ``None`` (undecided) when it does."""
    if fmt is not None:
        if fmt not in ("yaml", "json"):
            raise ValueError(f"format must be 'yaml' or 'json', not {fmt!r}")
        return fmt
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _SUFFIXES:
        return "json" if _SUFFIXES[suffix] == "json" else "yaml"
    return None if text.lstrip()[:1] in ("{", "[") else "yaml"


def _read_text(text: str, name: str, fmt: Format | None, limits: Limits) -> list[InspectionReport]:
    decided = _format_of(name, text, fmt)
    if decided is not None:
        return _read_reports(text, name, decided, limits)
    # It starts like JSON: read it as JSON, and if it is not JSON after all
    # (YAML's flow style, {a: b}), as YAML.
    try:
        return _read_reports(text, name, "json", limits)
    except PeelDataError as e:
        if not any(p.message.startswith("not valid JSON") for p in e.problems):
            raise
    return _read_reports(text, name, "yaml", limits)


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


def _looks_like_path(source: str) -> bool:
    return (
        "\n" not in source
        and (os.path.splitext(source)[1].lower() in _SUFFIXES or os.sep in source or os.path.exists(source))
        and not source.lstrip().startswith(("{", "[", "-"))
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
        text = _decode(source, "<bytes>")
        return Dataset(_read_text(text, "<bytes>", format, limits))
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = _path(source)
        if not path.exists():
            raise PeelDataError([Problem("no such file or folder", str(path))])
        problems: list[Problem] = []
        reports: list[InspectionReport] = []
        for file in _files(path, limits):
            name = str(file)
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
                text = _decode(data, name)
                reports.extend(_read_text(text, name, format, limits))
            except PeelDataError as e:
                problems.extend(e.problems)
        if problems:
            raise PeelDataError(problems)
        return Dataset(tuple(reports))
    if not isinstance(source, str):
        raise TypeError(f"load() takes a path or text, not {type(source).__name__}")
    # An ASCII text (known without a pass over it) is as long in bytes as in characters.
    size = len(source) if source.isascii() else len(source.encode("utf-8", "surrogatepass"))
    if size > limits.max_bytes:
        raise PeelDataError([Problem(f"the text is over the limit of {limits.max_bytes} bytes", "<string>")])
    return Dataset(_read_text(source, "<string>", format, limits))


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
        pillar: str | Pillar = Pillar.EFFECTIVENESS,
    ) -> InspectionReport:
        """One report, reading as few files as possible.

        Raises:
            NotFoundError: No file in the folder holds that report.
            PeelDataError: A file read on the way has problems.
        """
        f, c, p = find_force(force), Cycle.parse(cycle), Pillar(pillar)
        slug = c.value.replace("/", "-")
        candidates = [self._index[k] for k in ((f.id, slug, p.value), (f.id, slug, None)) if k in self._index]
        for file in [*candidates, *self._unnamed]:
            found = load(file, limits=self.limits).get(f, c, p)
            if found is not None:
                return found
        raise NotFoundError(f"no {p} report on {f.short_name} for {c} in {self.path}")

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
def load_bundled() -> Dataset:
    """The dataset bundled with the package (cached: loaded once).

    The package ships the data twice: as the YAML files people read and
    edit (``seeds/`` in the source) and as one JSON bundle made from them,
    which is what this reads, because it loads many times faster.

    Examples:
        >>> data = load_bundled()
        >>> data.report("cumbria", "2016").force.official_name
        'Cumbria Constabulary'
    """
    bundle = os.path.join(os.path.dirname(os.path.dirname(__file__)), "_bundle.json")
    if os.path.isfile(bundle):
        with open(bundle, encoding="utf-8") as f:
            text = f.read()
    else:  # installed in a zip: ask the import system
        from importlib.resources import files

        text = (files("peel_effectiveness") / "_bundle.json").read_text(encoding="utf-8")
    return Dataset(tuple(_read_reports(text, "_bundle.json", "json", DEFAULT_LIMITS)))


def bundled_sources() -> pathlib.Path:
    """The folder of the bundled YAML files (the human-readable source of the data)."""
    return _bundled_dir()


def _plain(obj: Dataset | InspectionReport | Iterable[InspectionReport]) -> Any:
    from ._structure import unstructure

    if isinstance(obj, InspectionReport):
        return unstructure(obj)
    return [unstructure(r) for r in obj]


def _json_default(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dump(
    obj: Dataset | InspectionReport | Iterable[InspectionReport],
    format: Format = "yaml",
    *,
    path: str | os.PathLike[str] | None = None,
) -> str:
    """Write reports as YAML or JSON text in the data-file format.

    ``load(dump(x)) == x`` for a dataset ``x``. A single report is written as
    a mapping, anything else as a list of reports.

    Args:
        obj: A dataset, a report, or reports.
        format: ``"yaml"`` (the default) or ``"json"``.
        path: Also write the text to this file, atomically: the file is
            either replaced whole or left as it was.

    Returns:
        The text.

    Examples:
        >>> text = dump(load_bundled().report("cumbria", 2016))
        >>> text.splitlines()[:2]
        ['force: cumbria', "cycle: '2016'"]
    """
    data = _plain(obj)
    if format == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n"
    elif format == "yaml":
        import yaml

        text = yaml.dump(data, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=88)
    else:
        raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
    if path is not None:
        _write_atomic(_path(path), text)
    return text


@functools.cache
def _dumper() -> Any:
    import yaml

    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc, valid-type]
        # Shared values (one date in many reports) are written out each time,
        # not as &anchors and *aliases: the files are for people.
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return Dumper


def _write_atomic(path: pathlib.Path, text: str) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private; give it the mode the file has, or
        # the one a new file would get.
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
