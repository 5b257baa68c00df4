"""Loading and dumping data files (YAML and JSON), and the bundled dataset."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ._limits import DEFAULT_LIMITS, Limits
from .dataset import Dataset
from .errors import PeelDataError, Problem
from .reports import InspectionReport

if TYPE_CHECKING:
    from ._yaml import Parsed

__all__ = ["Limits", "dump", "load", "load_bundled"]

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
    from .reports import _dotted

    found = list(found)
    if fmt == "json" and found and not parsed.lines:
        index(text, parsed)
    out = []
    for path, line, message in parsed.problems:
        out.append(Problem(message, name, line, _dotted(path)))
    for path, message in found:
        out.append(Problem(message, name, _line(parsed, path), _dotted(path)))
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


def _read_reports(text: str, name: str, fmt: Format, limits: Limits) -> list[InspectionReport]:
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


def _format_of(name: str, text: str, fmt: Format | None) -> Format:
    if fmt is not None:
        if fmt not in ("yaml", "json"):
            raise ValueError(f"format must be 'yaml' or 'json', not {fmt!r}")
        return fmt
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _SUFFIXES:
        return "json" if _SUFFIXES[suffix] == "json" else "yaml"
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            json.loads(stripped)
        except ValueError:
            return "yaml"
        return "json"
    return "yaml"


def _files(path: Path, limits: Limits) -> list[Path]:
    if not path.is_dir():
        return [path]
    # Only the folder's own files, not its subfolders: a folder named by
    # mistake (or "/") must not set off a walk of the whole disk.
    found = []
    with os.scandir(path) as entries:
        for entry in entries:
            if os.path.splitext(entry.name)[1].lower() in _SUFFIXES and entry.is_file():
                found.append(Path(entry.path))
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

    Example:
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
        return Dataset(_read_reports(text, "<bytes>", _format_of("", text, format), limits))
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = Path(source)
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
                reports.extend(_read_reports(text, name, _format_of(name, text, format), limits))
            except PeelDataError as e:
                problems.extend(e.problems)
        if problems:
            raise PeelDataError(problems)
        return Dataset(tuple(reports))
    if not isinstance(source, str):
        raise TypeError(f"load() takes a path or text, not {type(source).__name__}")
    if len(source.encode("utf-8", "surrogatepass")) > limits.max_bytes:
        raise PeelDataError([Problem(f"the text is over the limit of {limits.max_bytes} bytes")])
    return Dataset(_read_reports(source, "<string>", _format_of("", source, format), limits))


def _bundled_dir() -> Path:
    from importlib.resources import files

    packaged = Path(str(files("peel_effectiveness") / "_seeds"))
    if packaged.is_dir():
        return packaged
    # Running from a source checkout: the data live in the top-level seeds/.
    source = Path(__file__).resolve().parents[2] / "seeds"
    if source.is_dir():
        return source
    raise FileNotFoundError("the bundled data are missing from this installation")


@functools.cache
def load_bundled() -> Dataset:
    """The dataset bundled with the package (cached: loaded once).

    Example:
        >>> data = load_bundled()
        >>> data.report("cumbria", "2016").force.official_name
        'Cumbria Constabulary'
    """
    return load(_bundled_dir())


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

    Example:
        >>> text = dump(load_bundled().report("cumbria", 2016))
        >>> text.splitlines()[:2]
        ['force: cumbria', "cycle: '2016'"]
    """
    data = _plain(obj)
    if format == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n"
    elif format == "yaml":
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=88)
    else:
        raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
    if path is not None:
        _write_atomic(Path(path), text)
    return text


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
