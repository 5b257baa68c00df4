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
from ..model.dataset import Dataset
from ..model.force import Force, find_force
from ..model.reports import InspectionReport
from ._limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from pathlib import Path

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


def _problems(
    name: str, parsed: Parsed, found: Iterable[tuple[tuple[str | int, ...], str]], text: str, fmt: Format
) -> list[Problem]:
    from ._json import index

    found = list(found)
    if fmt == "json" and found and not parsed.lines:
        index(text, parsed)
    out = []
    for path, line, message in parsed.problems:
        out.append(Problem(message, name, line, dotted_path(path)))
    for path, message in found:
        out.append(Problem(message, name, _line(parsed, path), dotted_path(path)))
    return out


def _line(parsed: Parsed, path: tuple[str | int, ...]) -> int | None:
    if path in parsed.key_lines:
        return parsed.key_lines[path]
    while True:
        if path in parsed.lines:
            return parsed.lines[path]
        if not path:
            return None
        path = path[:-1]


def _fast_reports(text: str, fmt: Format, limits: Limits) -> list[InspectionReport] | None:
    """The reports, if the text has no problem at all; else ``None``."""
    from ._fast import Bail, Builder

    try:
        if fmt == "yaml":
            from . import _yaml, _yamlparts

            in_parts = _yamlparts.reports(text, limits, Builder(shared_scalars=True))
            if in_parts is not None:
                return _distinct(in_parts)
            try:
                value = _yaml.parse_fast(text, limits)
            except _yaml.NeedDetail:
                return None
            return _distinct(Builder(shared_scalars=True).reports(value))
        from . import _jsonfast

        found = _jsonfast.reports(text, limits, Builder())
        return None if found is None else _distinct(found)
    except (Bail, ValueError, RecursionError):
        return None


def _distinct(reports: list[InspectionReport]) -> list[InspectionReport] | None:
    """The reports, unless two are on the same force, cycle and pillar (which
    the validating path reports)."""
    if len({(r.force.id, r.cycle, r.pillar) for r in reports}) != len(reports):
        return None
    return reports


def _read_reports(
    text: str, name: str, fmt: Format, limits: Limits, fast: bool = True
) -> list[InspectionReport]:
    if fast:
        found_fast = _fast_reports(text, fmt, limits)
        if found_fast is not None:
            return found_fast
    # Only now, with a problem to report, is the validating machinery loaded.
    from ._convert import flatten, structure_report
    from ._yaml import YamlFatal

    try:
        parsed = _parse(text, fmt, limits)
    except YamlFatal as e:
        raise PeelDataError([Problem(e.message, name, e.line)]) from None
    value = parsed.value
    found: list[tuple[tuple[str | int, ...], str]] = []
    reports: list[InspectionReport] = []
    if value is None:
        found.append(((), "the file is empty: expected a report (a mapping) or a list of reports"))
    elif isinstance(value, dict):
        try:
            reports.append(structure_report(value))
        except Exception as e:  # noqa: BLE001 - turned into problems with lines
            found.extend(flatten(e))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            try:
                reports.append(structure_report(item))
            except Exception as e:  # noqa: BLE001
                found.extend(flatten(e, (i,)))
    else:
        from ._convert import describe

        found.append(((), f"expected a report (a mapping) or a list of reports, got {describe(value)}"))
    if found or parsed.problems:
        raise PeelDataError(_problems(name, parsed, found, text, fmt))
    seen: dict[tuple[str, str, str], int] = {}
    for i, r in enumerate(reports):
        k = (r.force.id, r.cycle.value, r.pillar.value)
        if k in seen:
            path: tuple[str | int, ...] = (i, "force") if isinstance(value, list) else ("force",)
            found.append(
                (
                    path,
                    f"a second {r.pillar} report on {r.force.short_name} for {r.cycle} (the first is report {seen[k]})",
                )
            )
        seen[k] = i
    if found:
        raise PeelDataError(_problems(name, parsed, found, text, fmt))
    return reports


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


def _path(p: str | os.PathLike[str]) -> Path:
    # pathlib costs a few milliseconds to import; the command line's usual
    # run (the bundled data) does without it.
    from pathlib import Path

    return Path(p)


def _files(path: Path, limits: Limits) -> list[Path]:
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
        raise PeelDataError([Problem(f"the text is over the limit of {limits.max_bytes} bytes")])
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
        self._index: dict[tuple[str, str, str | None], Path] = {}
        self._unnamed: list[Path] = []
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


def _bundled_dir() -> Path:
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


def bundled_sources() -> Path:
    """The folder of the bundled YAML files (the human-readable source of the data)."""
    return _bundled_dir()


def _plain(obj: Dataset | InspectionReport | Iterable[InspectionReport]) -> Any:
    from ._convert import unstructure_report

    if isinstance(obj, InspectionReport):
        return unstructure_report(obj)
    return [unstructure_report(r) for r in obj]


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


def _write_atomic(path: Path, text: str) -> None:
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
