"""Reading files and texts one by one, and what they get wrong together:
:func:`~peel_effectiveness.io.load` and :func:`~peel_effectiveness.io.loads`
read with these, and so does the command line, which checks the files of
several ``--data`` paths (and ``validate``'s) together."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..errors import PeelDataError, Problem, dotted_path
from ..model._forces_held import other_forces, two_forces
from ..model._messages import counted, first_of, shorten_repr
from ..model._values import MOST_PROBLEMS
from ..model.dataset import Dataset, overlap_said, overlapping, repeated
from ..model.force import Force
from ..model.monitoring import Stay
from ..model.reports import InspectionReport
from ._document import BUILT
from ._limits import Limits
from ._parsed import Path
from ._paths import NAMED_OTHERS, OTHER_FORMATS, find_path, folder_files, not_a_data_file
from ._reading import Format, decode, located, read_file, read_text


def read_files(path: str | os.PathLike[str], format: Format | None, limits: Limits) -> list[Loaded]:
    """What each data file of a file or folder holds: :func:`load`'s
    reading, file by file.

    Raises:
        PeelDataError: Every problem of every file, and of the files
            together.
    """
    loaded, every, problems, unlisted = read_each(path, format, limits, set(), text_hint=True)
    # Each file may be right alone and two of them still hold one report
    # twice: say which files, whatever else is wrong with them.
    found, more = clashes(every)
    if problems or found:
        raise PeelDataError(problems + found, unlisted + more)
    return loaded


class Files(NamedTuple):
    """What the data files of a path hold, each read alone (see :func:`read_each`).

    Attributes:
        loaded: What each file right alone holds.
        every: What every file holds, in order: a file with problems as
            far as each of its reports and stays could be built.
        problems: The files' problems.
        unlisted: How many problems went unlisted.
    """

    loaded: list[Loaded]
    every: list[Loaded]
    problems: list[Problem]
    unlisted: int


def read_each(
    path: str | os.PathLike[str],
    format: Format | None,
    limits: Limits,
    read: set[tuple[int, int]],
    *,
    text_hint: bool = False,
) -> Files:
    """Each data file of a file or folder, read alone, for :func:`clashes`
    to check files from one path or several together. A file in ``read``
    (by its device and inode) is not read again (a file named twice, or
    named and in a folder named too, or through a link), and each read is
    added to it. ``text_hint``: a path that looks like text says where text
    goes (``loads()``, which a command line's user does not call).

    Raises:
        PeelDataError: The path cannot be read as a file or a folder of
            data files.
    """
    folder, is_folder = find_path(path, "file or folder", text_hint=text_hint)
    name = str(folder)
    suffix = folder.suffix.lower()
    if not is_folder and suffix in OTHER_FORMATS:
        raise not_a_data_file(suffix, name)
    files = [folder]
    if is_folder:
        # A README, or a table exported beside the data, is no data file: left
        # out, and each said (up to twenty); a file named alone is refused, above.
        files, others, count_others = folder_files(folder, limits)
        # (A name that does not print as it is, a line break in it, quoted.)
        listed = first_of(
            [n if n.isprintable() else shorten_repr(n) for n in others], NAMED_OTHERS, count_others
        )
        if not files:
            but = f"; {listed} {'is not one' if count_others == 1 else 'are not'}" if others else ""
            raise PeelDataError(
                [Problem(f"the folder holds no data files (.yaml, .yml or .json){but}", name)]
            )
        if others:
            from .._warn import warn

            warn(f"{name}: {listed} left out: data files are YAML or JSON")
    problems: list[Problem] = []
    loaded: list[Loaded] = []
    every: list[Loaded] = []  # and of the files with problems, what each could build
    unlisted = 0
    for i, file in enumerate(files):
        if len(problems) >= MOST_PROBLEMS:
            # As a file's problems are listed to a bound, a folder's are: a
            # folder of ten thousand wrong files is answered as fast as one.
            unread = len(files) - i
            held = counted(len(problems) + unlisted, "problem")
            said = f"{counted(unread, 'more data file')} not read: the files before them hold {held}"
            problems.append(Problem(said, name))
            break
        file_name = str(file)
        try:  # the file itself, however named (a link, another path): one stat, not a walk of the path
            found = os.stat(file)
        except OSError:
            pass  # for reading to say why
        else:
            if (found.st_dev, found.st_ino) in read:
                continue
            read.add((found.st_dev, found.st_ino))
        try:
            loaded.append(read_given(read_file(file_name, limits), file_name, format, limits))
            every.append(loaded[-1])
        except PeelDataError as e:
            problems.extend(e.problems)
            unlisted += e.unlisted
            built = partly_loaded(e)
            if built is not None:
                every.append(built)
    return Files(loaded, every, problems, unlisted)


class Loaded(NamedTuple):
    """What one file or text held, checked together as it was read.

    Attributes:
        name: The file's name (``<string>``, ``<stdin>``... for text).
        reports: Its reports.
        stays: Its stays in Engage.
        locate: The path and line in it of fields of its reports and stays
            (``("reports", n, field)``, ``("monitoring", n, field)``),
            where it can say: read once for all of them.
        at: Where each report is in its list, where they are not all
            there in order (what a file with problems could build).
        stays_at: Where each stay is in its list, likewise.
    """

    name: str
    reports: Sequence[InspectionReport]
    stays: Sequence[Stay]
    locate: Callable[[Sequence[Path]], dict[Path, tuple[Path, int | None]]] | None = None
    at: Sequence[int] | None = None
    stays_at: Sequence[int] | None = None


def together(loaded: Sequence[Loaded]) -> Dataset:
    """The reports and stays of every load, as one dataset."""
    return Dataset(
        tuple(r for one in loaded for r in one.reports),
        tuple(s for one in loaded for s in one.stays),
    )


# One side of what two loads get wrong together: the load's index, and the
# field of its report or stay (("reports", n, field), ("monitoring", n, field)).
Side = tuple[int, Path]


def clashes(loaded: Sequence[Loaded]) -> tuple[list[Problem], int]:
    """What loads right alone cannot hold together: a second report on a
    force, cycle and pillar, stays of a force that overlap, and two forces
    of one id, each said where it is (file, line and path) with where the
    other is; the first of them (as a file's problems are listed to a
    bound), and how many more there are."""
    if len(loaded) < 2:
        return [], 0  # one load's own are said with its problems, as it was read
    # Each report and stay with its load and its index there; each force in
    # the order the loads were given (the first of an id is the first met).
    reports: list[tuple[int, int, InspectionReport]] = []
    stays: list[tuple[int, int, Stay]] = []
    forces: list[tuple[Side, Force]] = []
    for n, one in enumerate(loaded):
        at = range(len(one.reports)) if one.at is None else one.at
        stays_at = range(len(one.stays)) if one.stays_at is None else one.stays_at
        reports += [(n, i, r) for i, r in zip(at, one.reports, strict=True)]
        stays += [(n, i, s) for i, s in zip(stays_at, one.stays, strict=True)]
        forces += [((n, ("reports", i, "force")), r.force) for i, r in zip(at, one.reports, strict=True)]
        forces += [
            ((n, ("monitoring", i, "force")), s.force) for i, s in zip(stays_at, one.stays, strict=True)
        ]

    def side(at: tuple[int, int, object], kind: str, field: str) -> Side:
        return at[0], (kind, at[1], field)

    found: list[tuple[str, str, Side, Side]] = []  # why, which the other is, the second, the first
    for second, first in repeated([r for _, _, r in reports]):
        if reports[second][0] == reports[first][0]:
            continue  # one load's own: said with its problems as it was read
        r = reports[second][2]
        why = f"a second {r.title} report on {r.force.short_name}"
        found.append(
            (
                why,
                "first",
                side(reports[second], "reports", "force"),
                side(reports[first], "reports", "force"),
            )
        )
    for second, first, twice in overlapping([s for _, _, s in stays]):
        if stays[second][0] != stays[first][0]:
            found.append(
                (
                    overlap_said(stays[second][2], stays[first][2], twice),
                    "other",
                    side(stays[second], "monitoring", "entered"),
                    side(stays[first], "monitoring", "entered"),
                )
            )
    for second, first in other_forces([f for _, f in forces]):
        (theirs, a), (mine, b) = forces[first], forces[second]
        if mine[0] != theirs[0]:
            found.append((two_forces(a, b), "first", mine, theirs))
    return _said(loaded, found[:MOST_PROBLEMS]), len(found[MOST_PROBLEMS:])


def _said(loaded: Sequence[Loaded], found: Sequence[tuple[str, str, Side, Side]]) -> list[Problem]:
    """The problems of what clashes, each at its file, line and path: each
    load read once for the lines of all its sides."""
    wanted: dict[int, set[Path]] = {}
    for _, _, second, first in found:
        for n, part in (second, first):
            wanted.setdefault(n, set()).add(part)
    where: dict[Side, tuple[Path, int | None]] = {}
    for n, parts in wanted.items():
        locate = loaded[n].locate
        if locate is not None:
            where.update(((n, part), place) for part, place in locate(sorted(parts, key=str)).items())
    out = []
    for why, which, second, first in found:
        name, first_name = loaded[second[0]].name, loaded[first[0]].name
        path, line = where.get(second, ((), None))
        first_line = where.get(first, ((), None))[1]
        if first_name == name:
            other = f"in {name} too: it is given twice"
        else:
            other = f"in {first_name}" + (f", line {first_line}" if first_line is not None else "")
        out.append(Problem(f"{why} (the {which} is {other})", name, line, dotted_path(path)))
    return out


def read_given(text: str | bytes, name: str | None, format: Format | None, limits: Limits) -> Loaded:
    """What a text (or its UTF-8 bytes) holds, read as :func:`loads` reads
    it, its problems said of ``name`` (by default ``<string>``, or
    ``<bytes>``).

    Raises:
        PeelDataError: Every problem of the text.
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        name = name or "<bytes>"
        data = bytes(text)
        if len(data) > limits.max_bytes:
            raise PeelDataError([Problem(f"the text is over the limit of {limits.max_bytes} bytes", name)])
        read = decode(data, name)
    elif isinstance(text, str):
        name = name or "<string>"
        # A character takes at most four bytes, and an ASCII text (known
        # without a pass over it) one each: only a text near the limit is encoded.
        if len(text) * 4 > limits.max_bytes and not text.isascii():
            size = len(text.encode("utf-8", "surrogatepass"))
        else:
            size = len(text)
        if size > limits.max_bytes:
            raise PeelDataError([Problem(f"the text is over the limit of {limits.max_bytes} bytes", name)])
        # A byte-order mark, which a file read as "utf-8" rather than
        # "utf-8-sig" keeps at the start of its text, is dropped, as load()
        # and bytes drop it: JSON would refuse it, and hide that the text is JSON.
        read = text.removeprefix("\ufeff")
    else:
        raise TypeError(
            f"loads() takes text (str or bytes), not {type(text).__name__}; for a file, use load()"
        )
    locate = functools.partial(located, read, name, format, limits)
    try:
        reports, stays = read_text(read, name, format, limits)
    except PeelDataError as e:
        built = getattr(e, BUILT, None)
        if built is not None:  # what it could build, for what it gets wrong with other texts
            setattr(e, _PARTLY, Loaded(name, built.reports, built.stays, locate, built.at, built.stays_at))
        raise
    return Loaded(name, reports, stays, locate)


# The attribute of a PeelDataError from read_given that holds what its text
# could build, as a Loaded (see clashes).
_PARTLY = "_peel_partly_loaded"


def partly_loaded(error: PeelDataError) -> Loaded | None:
    """What the text of a :func:`read_given` that failed could build: its
    reports and stays as far as each could be built, with where each is."""
    found = getattr(error, _PARTLY, None)
    return found if isinstance(found, Loaded) else None
