"""Writing reports as YAML or JSON text in the data-file format."""

from __future__ import annotations

import errno
import functools
import json
import os
import sys
from collections.abc import Iterable
from typing import Any

from .._files import is_text_path, named, names_a_folder, write_file, writes_to
from .._suffixes import alone_said, names_of, suffix_alone, suffix_of
from ..model.dataset import Dataset
from ..model.reports import InspectionReport
from ._converter import converter
from ._reading import SUFFIXES, Format, format_word

__all__ = ["dump"]


def _plain(obj: Dataset | InspectionReport | Iterable[InspectionReport]) -> Any:
    if isinstance(obj, InspectionReport):
        return converter.unstructure(obj)
    if isinstance(obj, Dataset):
        return converter.unstructure(obj)
    if isinstance(obj, (str, bytes)) or not isinstance(obj, Iterable):
        raise TypeError(f"dump() takes a Dataset, an InspectionReport or reports, not {type(obj).__name__}")
    reports = list(obj)
    if not all(isinstance(r, InspectionReport) for r in reports):
        raise TypeError("dump() takes a Dataset, an InspectionReport or reports (InspectionReport objects)")
    # What a file may hold is what a dataset may: two reports on one force,
    # cycle and pillar are refused here, not written for loading to refuse.
    Dataset(tuple(reports))
    return converter.unstructure(reports, list[InspectionReport])


def dump(
    obj: Dataset | InspectionReport | Iterable[InspectionReport],
    format: Format | None = None,
    *,
    path: str | os.PathLike[str] | None = None,
) -> str:
    """Write reports as YAML or JSON text in the data-file format.

    ``loads(dump(x)) == x`` for a dataset ``x``, and ``load(p) == x`` for
    the file ``p`` that ``dump(x, path=p)`` writes. A single report is
    written as a mapping, anything else as a list of reports.

    Args:
        obj: A dataset, a report, or reports.
        format: ``"yaml"`` or ``"json"``; by default the format ``load``
            reads ``path`` as (JSON for a ``.json`` file), else YAML.
        path: Also write the text to this file, atomically: the file is
            either replaced whole or left as it was. A symbolic link is
            written through and a file keeps its permissions, as the
            command line's ``--output`` (a pipe or a device is written as
            it is, never replaced). A file that may not be written (one
            made read-only) is not replaced. Standard output's own file
            (``/dev/stdout``) is written through ``sys.stdout``, in the
            format ``format`` or YAML (its name says none), where the
            program prints before and after.

    Raises:
        TypeError: ``path`` is no path (a ``str`` or ``os.PathLike``).
        PeelDataError: The reports could not be loaded together (two on
            one force, cycle and pillar; two forces of one id), or ``path``
            is a file ``load`` would not read as ``format`` (``.json``
            for YAML, ``.csv``).
        OSError: The file cannot be written (named in the error).

    Returns:
        The text.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> text = dump(load_bundled().report("cumbria", 2016))
        >>> text.splitlines()[:2]
        ['force: cumbria', "cycle: '2016'"]
    """
    if path is not None:
        if not is_text_path(path):
            # As load() has it: what this wrote, the same path reads back.
            raise TypeError(f"dump() takes a path (str or os.PathLike), not {type(path).__name__}")
        path = os.fsdecode(named(path, "file"))
        if names_a_folder(path):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        to_stdout = writes_to(path, sys.stdout)
        # A link is written through: its target's name must be one load
        # reads so too, and decides where the link's own name does not
        # (not standard output's, whose file is the shell's).
        names = [path] if to_stdout else names_of(path)
        alone = next((n for n in names if suffix_alone(n)), None)
        if alone is not None:
            from ..errors import PeelDataError, Problem

            raise PeelDataError([Problem(alone_said(alone, "reports"), path)])
        for name in names:
            format = _format_for(name, format)
    data = _plain(obj)
    if format is not None:  # (a path's was read above; without one, the reports are checked first)
        format = format_word(format)
    if format == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        import yaml

        text = yaml.dump(data, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=88)
    if path is not None:
        if to_stdout:
            # /dev/stdout, or the file standard output is: through it, where
            # what the program prints before and after goes too.
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            write_file(path, text.encode("utf-8"))
    return text


def _format_for(path: str, format: Format | None) -> Format | None:
    """The format to write ``path`` in: the one ``load`` reads its name as
    (so that ``load(path) == x``), else ``format`` (``None`` where neither
    says). A file ``load`` would not read, or would read as the other
    format, is refused before anything is made."""
    from ..errors import PeelDataError, Problem
    from ._paths import OTHER_FORMATS, not_a_data_file

    suffix = suffix_of(path)
    if suffix in OTHER_FORMATS:
        raise not_a_data_file(suffix, path)
    if format is not None:
        format = format_word(format)
    read_as = SUFFIXES.get(suffix)
    if read_as is None or format in (None, read_as):
        return read_as or format
    why = f"a {suffix} file is read as {read_as.upper()}: write it as {read_as}, or name it .{format}"
    raise PeelDataError([Problem(why, path)])


@functools.cache
def _dumper() -> Any:
    import yaml

    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    from ._parsed import Unreadable
    from ._yaml_scalars import plain_scalar
    from ._yaml_text import YAML_1_1_BREAKS

    class Dumper(base):  # type: ignore[misc, valid-type]
        # Shared values (one date in many reports) are written out each time,
        # not as &anchors and *aliases: the files are for people.
        def ignore_aliases(self, data: Any) -> bool:
            return True

    def text(dumper: Any, value: str) -> Any:
        # PyYAML quotes what YAML 1.1 would read as another type; the files
        # are read as YAML 1.2, which reads "0E0" as a number and refuses
        # "1:30": quote whatever would not be read back as this text.
        try:
            same = plain_scalar(value, None) == value
        except Unreadable:
            same = False
        # Double quotes escape the characters the reader refuses raw.
        if any(c in value for c in YAML_1_1_BREAKS):
            style: str | None = '"'
        else:
            style = None if same else "'"
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return Dumper
