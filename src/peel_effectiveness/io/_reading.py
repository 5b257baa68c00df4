"""Reading one data file's text into reports, with every problem located.

The text is read first without the position of each value, which valid data
never need; only when the reports have a problem is it read again with
positions, so that each problem names its line.
"""

from __future__ import annotations

import functools
import gc
import os
from typing import TYPE_CHECKING, Any, Literal

from ..errors import PeelDataError, Problem, dotted_path
from ..model.dataset import repeated
from ..model.reports import InspectionReport
from ._limits import Limits
from ._parsed import NeedDetail, Parsed, Unreadable

if TYPE_CHECKING:
    from ..model._convert import Found
    from ..model._convert import Path as KeyPath

Format = Literal["yaml", "json"]
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise PeelDataError([Problem(f"the file is not UTF-8 text (byte {e.start})", name, line)]) from None


def _parse(text: str, fmt: Format, limits: Limits) -> Parsed:
    if fmt == "json":
        from . import _json

        return _json.parse(text, limits)
    from . import _yaml

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
    from ..model._convert import Invalid, describe
    from ._structure import build

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
        built = build(InspectionReport, item)
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
                    f"a second {r.title} report on {r.force.short_name} (the first is report {first})",
                )
            )
    return reports, found


def structure_reports(value: list[Any], name: str) -> list[InspectionReport]:
    """The reports of parsed, trusted data (the bundle), or
    :class:`PeelDataError` naming every problem, without lines."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        reports, found = _structure_document(value)
    finally:
        if enabled:
            gc.enable()
    if found:
        raise PeelDataError([Problem(m, name, None, dotted_path(p)) for p, m in found])
    return reports


def read_reports(text: str, name: str, fmt: Format, limits: Limits) -> list[InspectionReport]:
    """The reports of a text, or :class:`PeelDataError` naming every problem.

    The collector of cyclic garbage is paused meanwhile: the parsed data and
    the records hold no cycles, and otherwise it walks every object made so
    far again and again, which makes a large text cost more than its size.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_reports(text, name, fmt, limits)
    finally:
        if enabled:
            gc.enable()


def _read_reports(text: str, name: str, fmt: Format, limits: Limits) -> list[InspectionReport]:
    from . import _json

    try:
        if fmt == "json":
            value, most = _json.parse_fast(text, limits)
        else:
            from . import _yaml

            value, most = _yaml.parse_counted(text, limits)
    except NeedDetail:
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
                except Unreadable as e:
                    raise PeelDataError([Problem(e.message, name, e.line)]) from None
            return reports
    # Only now, with a problem to report, is the text read again with the
    # position of every value.
    try:
        parsed = _parse(text, fmt, limits)
    except Unreadable as e:
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
    if suffix in SUFFIXES:
        return "json" if SUFFIXES[suffix] == "json" else "yaml"
    return None if text.lstrip()[:1] in ("{", "[") else "yaml"


def read_text(text: str, name: str, fmt: Format | None, limits: Limits) -> list[InspectionReport]:
    decided = _format_of(name, text, fmt)
    if decided is not None:
        return read_reports(text, name, decided, limits)
    # It starts like JSON: read it as JSON, and if it is not JSON after all
    # (YAML's flow style, {a: b}), as YAML.
    try:
        return read_reports(text, name, "json", limits)
    except PeelDataError as e:
        if not any(p.message.startswith("not valid JSON") for p in e.problems):
            raise
    return read_reports(text, name, "yaml", limits)
