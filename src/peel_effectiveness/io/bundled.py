"""The bundled data: the reports and stays in Engage the package ships, read
from its JSON lines by :data:`~peel_effectiveness.converter`.

Apart from :mod:`.loading` because the command line reads only the bundle
unless it is given files, and the file readers' imports cost more than the
command's run.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._paused import collector_paused
from ..errors import NotFoundError, PeelDataError, Problem, dotted_path
from ..model.cycles import Cycle
from ..model.dataset import Dataset
from ..model.monitoring import Stay
from ..model.reports import InspectionReport
from ._converter import converter
from ._problems import problems_of

if TYPE_CHECKING:
    import pathlib

__all__ = ["bundled_cycles", "bundled_part", "bundled_sources", "load_bundled"]


def _bundled_dir() -> pathlib.Path:
    from importlib.resources import files
    from pathlib import Path

    packaged = Path(str(files("peel_effectiveness") / "_seeds"))
    if packaged.is_dir():
        return packaged
    # Running from a source checkout: the data live in the top-level seeds/.
    source = Path(__file__).resolve().parents[3] / "seeds"
    if source.is_dir():
        return source
    raise FileNotFoundError("the bundled data are missing from this installation")


@functools.cache
def _bundle() -> tuple[list[list[str | None]], list[bytes], bytes]:
    """The bundle, read once (see :func:`_lines`)."""
    name = os.path.join(os.path.dirname(os.path.dirname(__file__)), "_bundle.jsonl")
    if os.path.isfile(name):
        with open(name, "rb") as f:
            return _lines(f.read())
    from importlib.resources import files  # installed in a zip: ask the import system

    return _lines((files("peel_effectiveness") / "_bundle.jsonl").read_bytes())


def _lines(data: bytes) -> tuple[list[list[str | None]], list[bytes], bytes]:
    """Each report's force id, cycle and pillar, each report's line of JSON
    (parsed only when wanted), and the line of the stays in Engage.

    Written by tools/build_bundle.py and checked by the tests: JSON in UTF-8,
    the index first, then a line a report, then the stays. Kept as bytes,
    which json reads as they are: only the lines a command wants are decoded,
    and only a line break of bytes (LF, CR, CRLF, which JSON escapes in its
    strings) ends a line; text's splitlines also breaks at U+2028, U+0085
    and the other separators, which the bundle's strings hold unescaped.
    """
    import json

    first, *lines, stays = data.splitlines()
    index: list[list[str | None]] = json.loads(first)
    return index, lines, stays


def _bundled(wanted: Sequence[int], made: dict[int, InspectionReport]) -> Dataset:
    return collector_paused(lambda: _structure_bundled(wanted, made))


def _structure_bundled(wanted: Sequence[int], made: dict[int, InspectionReport]) -> Dataset:
    """The bundled reports of the lines ``wanted`` (and every stay in
    Engage): those in ``made`` (by line) as they are, the others made and
    put there."""
    import json

    _, lines, stays_line = _bundle()
    stays_type = tuple[Stay, ...]
    try:
        stays = converter.get_structure_hook(stays_type)(json.loads(stays_line), stays_type)
    except Exception as e:  # noqa: BLE001 - the bundle is the package's own: say what is wrong
        raise _bundle_error(e, stays_type) from None
    structure = converter.get_structure_hook(InspectionReport)
    todo = [n for n in wanted if n not in made]
    for n, value in zip(todo, json.loads(_as_array([lines[n] for n in todo])), strict=True):
        try:
            made[n] = structure(value, InspectionReport)
        except Exception as e:  # noqa: BLE001
            raise _bundle_error(e, InspectionReport) from None
    return Dataset(tuple(made[n] for n in wanted), stays)


def _as_array(lines: list[bytes]) -> bytes:
    """The JSON lines as one JSON array, which json.loads reads in one call.

    The brackets go on the first and last line before the lines are joined:
    the text is copied once, not once more for each bracket (a fresh copy of
    the whole bundle costs a tenth of reading it).
    """
    if not lines:
        return b"[]"
    lines[0] = b"[" + lines[0]
    lines[-1] += b"]"
    return b",".join(lines)


def _bundle_error(e: Exception, cls: Any) -> PeelDataError:
    return PeelDataError(Problem(m, "_bundle.jsonl", None, dotted_path(p)) for p, m in problems_of(e, cls))


@functools.cache
def load_bundled() -> Dataset:
    """The dataset bundled with the package (cached: loaded once, then the
    same dataset each time; threads that ask for it together before it is
    first loaded may each load it, and are given equal datasets).

    The package ships the data twice: as the YAML files people read and
    edit (``seeds/`` in the source) and as JSON lines made from them, which
    is what this reads, because it loads many times faster.

    Examples:
        >>> data = load_bundled()
        >>> data.report("cumbria", "2016").force.official_name
        'Cumbria Constabulary'
    """
    return _bundled(range(len(_bundle()[1])), {})


def bundled_part(forces: frozenset[str] = frozenset(), cycles: frozenset[Cycle] = frozenset()) -> Dataset:
    """The bundled reports on any of ``forces`` (ids) or of any of ``cycles``:
    what a command needs, without reading every report (the command line
    starts in a fraction of the time).

    Raises:
        TypeError: ``forces`` holds what is no force's id (text), or
            ``cycles`` what is no cycle.
        NotFoundError: An id of no force of the 43 (its name, ``"Kent"``,
            is not its id: :func:`~peel_effectiveness.find_force` finds it).
    """
    from ..model.force import force_named
    from ..model.force import forces as the_43

    known = {f.id for f in the_43()}
    for f in forces:
        if f not in known:
            from ..model._arguments import wrong_type

            if not isinstance(f, str):
                raise wrong_type("forces", "a set of force ids (str)", f)
            named = force_named(f)
            also = f": its id is {named.id!r}" if named is not None else ""
            raise NotFoundError(f"forces: {f!r} is the id of no force of the 43{also}")
    wanted = {_a_cycle(c).value for c in cycles}
    return _bundled([i for i, (f, c, _) in enumerate(_bundle()[0]) if f in forces or c in wanted], _MADE)


def _a_cycle(value: object) -> Cycle:
    if value.__class__ is not Cycle:
        from ..model._arguments import wrong_type

        raise wrong_type("cycles", "a set of cycles (Cycle)", value)
    return value


# The bundled reports bundled_part has made, by line: a command that asks
# for its force's reports and then for their cycles' makes each once.
_MADE: dict[int, InspectionReport] = {}


def bundled_cycles() -> tuple[Cycle, ...]:
    """The cycles of the bundled reports, in time order, without reading them."""
    return tuple(sorted(Cycle(str(c)) for c in {c for _, c, _ in _bundle()[0]}))


def bundled_sources() -> pathlib.Path:
    """The folder of the bundled YAML files (the human-readable source of the data)."""
    return _bundled_dir()
