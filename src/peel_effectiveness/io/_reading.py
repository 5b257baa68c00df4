"""Reading one data file's text into reports, with every problem located.

The text is parsed (:mod:`._yaml`, :mod:`._json`), each report is built by
:data:`~peel_effectiveness.converter`, and cattrs' tree of errors becomes
problems with field paths in the file's keys. Only when there are problems
are the lines of the values found, for those problems.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from typing import Any, Literal, NamedTuple

from .._paused import collector_paused
from ..errors import PeelDataError, Problem, dotted_path
from ..model._messages import shown, suggest
from ..model._values import MOST_PROBLEMS
from ..model.dataset import other_forces, overlapping, repeated, two_forces
from ..model.monitoring import Stay
from ..model.reports import InspectionReport
from ._converter import converter
from ._layout import partial_of
from ._limits import Limits
from ._parsed import Parsed, Path, Unreadable
from ._problems import KeyProblem, problems_of

Format = Literal["yaml", "json"]
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}

# A model's records nest this deep at most (a list of reports, a report, its
# outcome tables, a table, its rows, a group row, its members, a row): a
# document that breaks a lower limit on depth can still be valid.
MODEL_DEPTH = 8


def decode(data: bytes, name: str) -> str:
    """The text of a file's bytes: UTF-8, with or without a byte-order mark."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise PeelDataError([Problem(f"the file is not UTF-8 text (byte {e.start})", name, line)]) from None


def read_file(path: str, limits: Limits) -> bytes:
    """A regular file's bytes, at most ``limits.max_bytes`` of them.

    Raises:
        PeelDataError: The file cannot be read, is not a regular file (a
            device, a pipe: reading one could never end), or is too large.
    """
    try:
        # Opened without waiting (a pipe would wait for a writer), then
        # checked to be a regular file before anything is read.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise PeelDataError([Problem(f"cannot read the file: {e.strerror or e}", path)]) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PeelDataError([Problem("not a regular file: only files are read", path)])
        if info.st_size > limits.max_bytes:
            raise PeelDataError(
                [Problem(f"the file is {info.st_size} bytes, over the limit of {limits.max_bytes}", path)]
            )
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limits.max_bytes + 1)
    except OSError as e:
        raise PeelDataError([Problem(f"cannot read the file: {e.strerror or e}", path)]) from None
    finally:
        os.close(fd)
    if len(data) > limits.max_bytes:
        raise PeelDataError([Problem(f"the file is over the limit of {limits.max_bytes} bytes", path)])
    return data


def _parse(text: str, fmt: Format, limits: Limits, positions: frozenset[Path] | None = None) -> Parsed:
    if fmt == "json":
        from . import _json

        return _json.parse(text, limits)
    from . import _yaml

    return _yaml.parse(text, limits, positions)


Document = tuple[list[InspectionReport], list[Stay]]


class Built(NamedTuple):
    """The reports and stays of a document with problems, each as far as it
    could be built (a report with a misspelt grade is still a report on its
    force and cycle), with where each is in its list: for what two files get
    wrong together, said beside each file's own problems.

    Attributes:
        reports: The reports.
        at: The index of each in the document's list of reports.
        stays: The stays in Engage that could be built.
        stays_at: The index of each in the document's list of stays.
    """

    reports: list[InspectionReport]
    at: list[int]
    stays: list[Stay]
    stays_at: list[int]


# The attribute of a PeelDataError that holds what its text could build (a
# Built): the file readers' own, read by io._loaded.
BUILT = "_peel_built"


def structure_document(value: Any) -> tuple[Document, list[tuple[Path, str]], int, int, Built]:
    """The reports and stays of a parsed document; every problem with its
    path; how many problems went unlisted; how many reports were not
    checked; and the reports and stays as far as each could be built.

    A document is one report (a mapping), a list of reports, or a mapping of
    ``reports`` and ``monitoring`` (the stays in Engage)."""
    from ..model._messages import describe

    if value is None:
        return (
            ([], []),
            [((), "the document is empty: expected a report (a mapping) or a list of reports")],
            0,
            0,
            Built([], [], [], []),
        )
    found: list[tuple[Path, str]] = []
    stays: list[Stay] = []
    stays_at: list[int] = []  # where each stay that could be built is in the list
    at = reports_at(value)
    if at == ("reports",):
        for k in value:
            if k not in ("reports", "monitoring"):
                found.append(
                    (
                        (k,),
                        KeyProblem(
                            f"unknown field {k!r} in a document of reports and monitoring"
                            + suggest(k, ["reports", "monitoring"])
                        ),
                    )
                )
        items = value.get("reports", [])
        monitoring = value.get("monitoring", [])
        if monitoring.__class__ is not list:
            found.append((("monitoring",), f"expected a list of stays in Engage, got {describe(monitoring)}"))
            monitoring = []
        build = converter.get_structure_hook(Stay)
        for j, item in enumerate(monitoring):
            try:
                stays.append(build(item, Stay))
                stays_at.append(j)
            except Exception as e:  # noqa: BLE001 - every error becomes a problem of the file
                found += [(("monitoring", j, *p), m) for p, m in problems_of(e, Stay)][:MOST_PROBLEMS]
        # The stays that could be built overlap or not whatever the others' problems.
        found += [
            (("monitoring", stays_at[i], "entered"), f"{why} (the other is at monitoring[{stays_at[j]}])")
            for i, j, why in overlapping(stays)
        ]
        if items.__class__ is not list:
            found.append((at, f"expected a list of reports, got {describe(items)}"))
            items = []
    elif value.__class__ is dict:
        items = [value]
    elif value.__class__ is list:
        items = value
    else:
        return (
            ([], []),
            [((), f"expected a report (a mapping) or a list of reports, got {describe(value)}")],
            0,
            0,
            Built([], [], [], []),
        )
    reports: list[InspectionReport] = []
    # The reports as far as each could be built (a report with a misspelt
    # summary is still a report on its force and cycle), and where each is.
    built: list[InspectionReport] = []
    built_at: list[int] = []
    unlisted = 0
    structure = converter.get_structure_hook(InspectionReport)
    for i, item in enumerate(items):
        try:
            report = structure(item, InspectionReport)
            reports.append(report)
            built.append(report)
            built_at.append(i)
        except Exception as e:  # noqa: BLE001 - every error becomes a problem of the file
            partial = partial_of(e)
            if isinstance(partial, InspectionReport):
                built.append(partial)
                built_at.append(i)
            for path, message in problems_of(e, InspectionReport):
                if len(found) < MOST_PROBLEMS:
                    found.append((in_report(at, i, *path), message))
                else:
                    unlisted += 1
            if len(found) >= MOST_PROBLEMS:
                return (
                    (reports, stays),
                    found,
                    unlisted,
                    len(items) - i - 1,
                    Built(built, built_at, stays, stays_at),
                )
    # The reports repeat one another or not whatever their other problems.
    for second, first in repeated(built):
        r = built[second]
        first_at = dotted_path((*(at or ()), built_at[first]))
        message = f"a second {r.title} report on {r.force.short_name} (the first is at {first_at})"
        found.append((in_report(at, built_at[second], "force"), message))
    # A force of one's own written out twice, and not alike.
    where = [in_report(at, i, "force") for i in built_at]
    where += [("monitoring", j, "force") for j in stays_at]
    forces = [*(r.force for r in built), *(s.force for s in stays)]
    found += [
        (where[second], two_forces(forces[first], forces[second])) for second, first in other_forces(forces)
    ]
    return (reports, stays), found, unlisted, 0, Built(built, built_at, stays, stays_at)


def _repeats_checked(parsed: Parsed, found: list[tuple[Path, str]]) -> list[tuple[Path, int | None, str]]:
    """The problems of the repeated keys' values, which the readers read
    and did not keep: each put in the place of the first in a copy of the
    document, and what the converter finds at or under it said, at the
    repeat's line (the first value's problems are said as any value's)."""
    copy = _with_repeats(parsed.value, parsed.repeats)
    if copy is None:
        return []
    _, again, _, _, _ = structure_document(copy)
    said = set(found)
    line_of = {path: line for path, _, line in parsed.repeats}
    out = []
    for p, message in again:
        # Of a repeat: at or under its path (looked up, prefix by prefix:
        # a file of thousands of repeats is checked in time in proportion).
        held = next((p[:i] for i in range(len(p), -1, -1) if p[:i] in line_of), None)
        if held is None or (p, message) in said:
            continue
        if p in parsed.refused_in_repeats and not isinstance(message, KeyProblem):
            continue  # the reader's, said
        said.add((p, message))
        out.append((p, line_of[held], message))
    return out


def _with_repeats(value: Any, repeats: list[tuple[Path, Any, int | None]]) -> Any:
    """A copy of the document with each repeat's value in its place (the
    mappings and lists on its way copied), or ``None`` where none has a
    place in it."""
    top: list[Any] = [value]
    placed = False
    copies: set[int] = set()  # each mapping and list copied once, however many repeats it holds
    for path, repeat, _ in repeats:
        holder: Any = top
        step: Any = 0
        for next_step in path:
            child = holder[step]
            if child.__class__ is dict:
                if next_step.__class__ is not str:
                    break
            elif child.__class__ is list:
                if next_step.__class__ is not int or not 0 <= next_step < len(child):
                    break
            else:
                break
            if id(child) not in copies:
                child = holder[step] = child.copy()
                copies.add(id(child))
            holder, step = child, next_step
        else:
            holder[step] = repeat
            placed = True
    return top[0] if placed else None


def reports_at(value: Any) -> Path | None:
    """Where a document's reports are: the path of their list, or ``None``
    where the document is one report."""
    if value.__class__ is dict:
        if ("reports" in value or "monitoring" in value) and "force" not in value:
            return ("reports",)
        return None
    return ()


def in_report(at: Path | None, n: int, *path: str | int) -> Path:
    """The path in its document of ``path`` within the ``n``th report, the
    reports being ``at`` (see :func:`reports_at`)."""
    return path if at is None else (*at, n, *path)


def read_reports(text: str, name: str, fmt: Format, limits: Limits) -> Document:
    """The reports of a text, or :class:`PeelDataError` naming every problem.

    The collector of cyclic garbage is held back meanwhile (see
    :mod:`peel_effectiveness._paused`).
    """
    return collector_paused(lambda: _read_reports(text, name, fmt, limits))


def _read_reports(text: str, name: str, fmt: Format, limits: Limits) -> Document:
    try:
        parsed = _parse(text, fmt, limits)
        reports, found, unlisted, unchecked, built = structure_document(parsed.value)
        if parsed.stood_in:
            # The reader's problem of a value says more than the converter's
            # of the text the reader put in its place; a problem of the key
            # it is under stands, unless the reader refused the key itself.
            stood_in = parsed.stood_in
            found = [
                (p, m)
                for p, m in found
                if p not in stood_in or (isinstance(m, KeyProblem) and not stood_in[p])
            ]
        if parsed.repeats and len(parsed.problems) + len(found) < MOST_PROBLEMS:
            # (Not past the problems a file lists: a file of a repeat in
            # each of 100,000 reports must not be read twice over.)
            parsed.problems += _repeats_checked(parsed, found)
        if not found and not parsed.problems:
            if fmt == "json" and limits.max_depth < MODEL_DEPTH:
                from . import _json

                _json.check_size(parsed.value, limits, text)
            return reports
        # Problems: the limits, where the document breaks one, say the most;
        # then the lines of the problems are found.
        # (The reading for lines stops once it has them: its value is partial.)
        first = _first_unchecked(parsed.value, unchecked) if unchecked else None
        read = parsed.problems[:MOST_PROBLEMS]
        unlisted += len(parsed.problems) - len(read)
        wanted = frozenset([p for p, _ in found[:MOST_PROBLEMS]] + ([first] if first is not None else []))
        if fmt == "json":
            from . import _json

            _json.check_size(parsed.value, limits, text)
        parsed = _with_lines(text, fmt, limits, parsed, wanted)
    except Unreadable as e:
        raise PeelDataError([Problem(e.message, name, e.line)]) from None
    problems = [Problem(m, name, line, dotted_path(p)) for p, line, m in read]
    problems += [
        Problem(m, name, parsed.line_of(p), dotted_path(p)) for p, m in found[: MOST_PROBLEMS - len(read)]
    ]
    unlisted += max(0, len(found) - (MOST_PROBLEMS - len(read)))
    if first is not None:
        # Said at the first report not checked, so that it comes last.
        more = f"{unchecked} more report{'s were' if unchecked != 1 else ' was'} not checked"
        problems.append(
            Problem(f"stopped after {MOST_PROBLEMS} problems: {more}", name, parsed.line_of(first))
        )
    error = PeelDataError(problems, unlisted)
    setattr(error, BUILT, built)
    raise error


def _with_lines(text: str, fmt: Format, limits: Limits, parsed: Parsed, wanted: frozenset[Path]) -> Parsed:
    """``parsed``, able to say the lines of the paths ``wanted``."""
    if fmt == "json":
        from . import _json

        if not parsed.lines:  # a text with repeated keys has been scanned whole already
            _json.index(text, parsed, wanted)
        return parsed
    return _parse(text, fmt, limits, positions=wanted)


def located(
    text: str, name: str, fmt: Format | None, limits: Limits, parts: Sequence[Path]
) -> dict[Path, tuple[Path, int | None]]:
    """The path and line, in a text read without problems, of fields of its
    reports and stays in Engage (each part ``("reports", n, field)`` or
    ``("monitoring", n, field)``), read in one pass whatever their number:
    for what two texts, right alone, get wrong together."""
    decided = format_of(name, text, fmt)
    if decided is None:  # read as JSON where it is JSON (see read_text)
        try:
            return _located(text, "json", limits, parts)
        except Unreadable:
            decided = "yaml"
    return _located(text, decided, limits, parts)


def _located(
    text: str, fmt: Format, limits: Limits, parts: Sequence[Path]
) -> dict[Path, tuple[Path, int | None]]:
    parsed = _parse(text, fmt, limits)
    at = reports_at(parsed.value)
    paths: dict[Path, Path] = {}
    for part in parts:
        kind, n, *field = part
        paths[part] = part if kind == "monitoring" else in_report(at, int(n), *field)
    lines = _with_lines(text, fmt, limits, parsed, frozenset(paths.values()))
    return {part: (path, lines.line_of(path)) for part, path in paths.items()}


def _first_unchecked(value: Any, unchecked: int) -> Path:
    items = value["reports"] if value.__class__ is dict else value
    first = len(items) - unchecked
    return ("reports", first) if value.__class__ is dict else (first,)


def format_of(name: str, text: str, fmt: Format | None) -> Format | None:
    """The format by the caller's word or the file's suffix; for text, YAML
    unless it starts like JSON, and ``None`` (undecided) when it does."""
    if fmt is not None:
        if fmt not in ("yaml", "json"):
            raise bad_format(fmt)
        return fmt
    suffix = os.path.splitext(name)[1].lower()
    if suffix in SUFFIXES:
        return "json" if SUFFIXES[suffix] == "json" else "yaml"
    return None if text.lstrip()[:1] in ("{", "[") else "yaml"


def read_text(text: str, name: str, fmt: Format | None, limits: Limits) -> Document:
    """The reports of a text in YAML or JSON (decided by ``fmt``, the name's
    suffix, or, for text that starts like JSON, by trying JSON first)."""
    decided = format_of(name, text, fmt)
    if decided is not None:
        return read_reports(text, name, decided, limits)
    # It starts like JSON: read it as JSON, and if it is not JSON after all
    # (YAML's flow style, {a: b}), as YAML.
    try:
        return read_reports(text, name, "json", limits)
    except PeelDataError as e:
        if not any(p.message.startswith("not valid JSON") for p in e.problems):
            raise
        as_json = e
    try:
        return read_reports(text, name, "yaml", limits)
    except PeelDataError as e:
        # Neither: it looked like JSON, and JSON's reason says more (YAML's
        # flow style reads a JSON typo as a YAML one).
        if any(p.message.startswith("not valid YAML") for p in e.problems):
            raise as_json from None
        raise


def bad_format(fmt: object) -> Exception:
    """What to raise for a format that is neither "yaml" nor "json"."""
    if not isinstance(fmt, str):
        return TypeError(f"format is 'yaml' or 'json' (text), not {type(fmt).__name__}")
    return PeelDataError([Problem(f"format must be 'yaml' or 'json', not {shown(fmt)}")])
