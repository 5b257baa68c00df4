"""Reading one data file's text into reports, with every problem located.

The text is parsed (:mod:`._yaml`, :mod:`._json`), its reports are built
(:mod:`._document`), and only when there are problems are the lines of the
values found, for those problems.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from typing import Literal

from .._paused import collector_paused
from .._suffixes import NAMED, suffix_of
from ..errors import PeelDataError, Problem, dotted_path
from ..model._messages import shown
from ..model._values import MOST_PROBLEMS, plain_text
from ._document import (
    BUILT,
    Document,
    first_unchecked,
    in_report,
    repeats_checked,
    reports_at,
    stood_in_for,
    structure_document,
)
from ._limits import Limits
from ._parsed import Parsed, Path, Unreadable, by_line, line_at
from ._problems import most_listed

Format = Literal["yaml", "json"]
"""A data format, as ``load``, ``loads`` and ``dump`` name it."""
# The suffixes of the data files, and the format each is read as.
SUFFIXES: dict[str, Format] = {s: f for s, f in NAMED.items() if f == "yaml" or f == "json"}  # type: ignore[misc]

# A model's records nest this deep at most (a list of reports, a report, its
# outcome tables, a table, its rows, a group row, its members, a row): a
# document that breaks a lower limit on depth can still be valid.
MODEL_DEPTH = 8


def decode(data: bytes, name: str) -> str:
    """The text of a file's bytes: UTF-8, with or without a byte-order mark."""
    mark = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if not mark and (wide := _wide(data[:4])) is not None:
        raise PeelDataError([Problem(f"the file is {wide} text, not UTF-8: save it as UTF-8", name, 1)])
    try:
        return data[mark:].decode("utf-8") if mark else data.decode("utf-8")
    except UnicodeDecodeError as e:
        at = mark + e.start  # the byte of the file, its mark counted
        # (Latin-1 reads each byte as one character: the lines are the bytes'.)
        line = line_at(data[:at].decode("latin-1"), at)
        raise PeelDataError([Problem(f"the file is not UTF-8 text (byte {at})", name, line)]) from None


def _wide(start: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` where a file starts as such text does,
    with its byte-order mark or without (Excel and Notepad save UTF-16 as
    "Unicode"): nil bytes in the places English text has them; no YAML or
    JSON of UTF-8 starts with a nil byte. Else ``None``."""
    if start.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    nils = [b == 0 for b in start]
    if nils in ([False, True, True, True], [True, True, True, False]):
        return "UTF-32"
    if nils in ([True, False, True, False], [False, True, False, True]):
        return "UTF-16"
    return None


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


def read_reports(text: str, name: str, fmt: Format, limits: Limits) -> Document:
    """The reports of a text, or :class:`PeelDataError` naming every problem.

    The collector of cyclic garbage is held back meanwhile (see
    :mod:`peel_effectiveness._paused`).
    """
    return collector_paused(lambda: _read_reports(text, name, fmt, limits))


def _read_reports(text: str, name: str, fmt: Format, limits: Limits) -> Document:
    try:
        parsed = _parse(text, fmt, limits)
        # The reader's problem of a value says more than the converter's of
        # the text the reader put in its place; a problem of the key it is
        # under stands, unless the reader refused the key itself.
        found, unlisted, unchecked, built = structure_document(
            parsed.value, lambda p, m: stood_in_for((parsed.stood_in,), parsed.value, p, m)
        )
        if parsed.repeats and len(parsed.problems) + parsed.unlisted + len(found) < MOST_PROBLEMS:
            # (Not past the problems a file lists: a file of a repeat in
            # each of 100,000 reports must not be read twice over.)
            of_repeats, of_repeats_unlisted = repeats_checked(parsed, found)
            parsed.problems += of_repeats
            unlisted += of_repeats_unlisted
        if not found and not parsed.problems and not parsed.unlisted:
            if fmt == "json" and limits.max_depth < MODEL_DEPTH:
                from . import _json_size

                _json_size.check_size(parsed.value, limits, text)
            return built.reports, built.stays
        # Problems: the limits, where the document breaks one, say the most;
        # then the lines of the problems are found.
        # (The reading for lines stops once it has them: its value is partial.)
        first = first_unchecked(parsed.value, unchecked) if unchecked else None
        # Each kind of the reader's problems keeps its own first: the first
        # of them all, in the file's order, are listed.
        parsed.problems.sort(key=lambda x: by_line(x[1]))
        read, cut = most_listed(parsed.problems, MOST_PROBLEMS)
        unlisted += cut + parsed.unlisted
        wanted = frozenset(
            [p for p, _ in most_listed(found, MOST_PROBLEMS)[0]] + ([first] if first is not None else [])
        )
        if fmt == "json":
            from . import _json_size

            _json_size.check_size(parsed.value, limits, text)
        parsed = _with_lines(text, fmt, limits, parsed, wanted)
    except Unreadable as e:
        raise PeelDataError([Problem(e.message, name, e.line)]) from None
    problems = [Problem(m, name, line, dotted_path(p)) for p, line, m in read]
    listed, cut = most_listed(found, MOST_PROBLEMS - len(read))
    problems += [Problem(m, name, parsed.line_of(p), dotted_path(p)) for p, m in listed]
    unlisted += cut
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

        found = _json.lines_of(text, wanted)
        parsed.lines.update(found.lines)
        parsed.key_lines.update(found.key_lines)
        return parsed
    # YAML is read again, for the lines alone: the first reading's values
    # are not held meanwhile (two million refused values took twice the memory).
    parsed.value = None
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


def format_of(name: str, text: str, fmt: Format | None) -> Format | None:
    """The format by the caller's word or the file's suffix; for text, YAML
    unless it starts like JSON, and ``None`` (undecided) when it does."""
    if fmt is not None:
        return format_word(fmt)
    suffix = suffix_of(name)
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
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


def format_word(fmt: object) -> Format:
    """The format a caller names, "yaml" or "json" (as the text it holds,
    not by a class of str's own ``__eq__``), which reading and writing
    take alike.

    Raises:
        TypeError: ``fmt`` is not text.
        PeelDataError: ``fmt`` is neither word.
    """
    if not isinstance(fmt, str):
        raise TypeError(f"format is 'yaml' or 'json' (text), not {type(fmt).__name__}")
    word = plain_text(fmt)
    if word == "yaml":
        return "yaml"
    if word == "json":
        return "json"
    raise PeelDataError([Problem(f"format must be 'yaml' or 'json', not {shown(word)}")])
