"""A parsed document as reports and stays in Engage: each built by
:data:`~peel_effectiveness.converter`, every problem with its path in the
file's keys, and the rules across them (one report a force, cycle and
pillar; stays that do not overlap); and the values of repeated keys, which
the readers read and do not keep, checked in the place of the first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TypeVar

from ..errors import dotted_path
from ..model._forces_held import other_forces, two_forces
from ..model._judgment_checks import checking_only
from ..model._messages import suggest
from ..model._values import MOST_PROBLEMS, StandIn
from ..model.dataset import KEY_FIELDS, overlap_said, overlapping, repeated
from ..model.monitoring import Stay
from ..model.reports import InspectionReport
from ._converter import converter
from ._layout import LAYOUTS
from ._parsed import Parsed, Path, StoodIn, stands_in
from ._partial import partial_of
from ._problems import KeyProblem, most_listed, problems_of

__all__ = [
    "BUILT",
    "Built",
    "Document",
    "first_unchecked",
    "in_report",
    "repeats_checked",
    "reports_at",
    "structure_document",
]


Document = tuple[list[InspectionReport], list[Stay]]
R = TypeVar("R")


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


def structure_document(
    value: Any, gives_way: Callable[[Path, str], bool] | None = None
) -> tuple[list[tuple[Path, str]], int, int, Built]:
    """Every problem of a parsed document with its path; how many went
    unlisted; how many reports were not checked; and the reports and stays
    as far as each could be built (where there is no problem, the
    document's, whole). A problem that ``gives_way`` to the reader's (of a
    value it refused) is neither listed nor counted.

    A document is one report (a mapping), a list of reports, or a mapping of
    ``reports`` and ``monitoring`` (the stays in Engage)."""
    from ..model._messages import describe

    if value is None:
        return (
            [((), "the document is empty: expected a report (a mapping) or a list of reports")],
            0,
            0,
            Built([], [], [], []),
        )
    found: list[tuple[Path, str]] = []
    unlisted = 0
    stays: list[Stay] = []
    stays_at: list[int] = []  # where each stay that could be built is in the list
    at = reports_at(value)
    if at == ("reports",):
        for k in value:
            if k not in ("reports", "monitoring") and k.__class__ is not StandIn:  # (refused: the reader's)
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
        stays_of: dict[int, Stay] = {}  # by the id of what each was made of
        for j, item in enumerate(monitoring):
            # As far as it could be built (its reason misspelt, its dates
            # right), it overlaps another or not.
            stay, kept, cut = _built(
                item, Stay, ("monitoring", j), MOST_PROBLEMS - len(found), gives_way, made=stays_of
            )
            if stay is not None:
                stays.append(stay)
                stays_at.append(j)
            found += kept
            unlisted += cut
        # The stays that could be built overlap or not whatever the others' problems.
        room = max(MOST_PROBLEMS - len(found), 0)
        overlaps = overlapping(stays)
        found += [
            (
                ("monitoring", stays_at[i], "entered"),
                f"{overlap_said(stays[i], stays[j], twice)} (the other is at monitoring[{stays_at[j]}])",
            )
            for i, j, twice in overlaps[:room]
        ]
        unlisted += len(overlaps[room:])
        if items.__class__ is not list:
            found.append((at, f"expected a list of reports, got {describe(items)}"))
            items = []
    elif value.__class__ is dict:
        items = [value]
    elif value.__class__ is list:
        items = value
    else:
        return (
            _kept(
                [((), f"expected a report (a mapping) or a list of reports, got {describe(value)}")],
                gives_way,
            ),
            0,
            0,
            Built([], [], [], []),
        )
    # The reports as far as each could be built (a report with a misspelt
    # summary is still a report on its force and cycle), and where each is.
    built: list[InspectionReport] = []
    built_at: list[int] = []
    reports_of: dict[int, InspectionReport] = {}  # by the id of what each was made of
    for i, item in enumerate(items):
        report, kept, cut = _built(
            item,
            InspectionReport,
            in_report(at, i),
            MOST_PROBLEMS - len(found),
            gives_way,
            _which,
            reports_of,
        )
        if report is not None:
            built.append(report)
            built_at.append(i)
        found += kept
        unlisted += cut
        if (kept or cut) and len(found) >= MOST_PROBLEMS:
            return (
                _kept(found, gives_way),
                unlisted,
                len(items) - i - 1,
                Built(built, built_at, stays, stays_at),
            )
    # The reports repeat one another or not whatever their other problems.
    repeats = repeated(built)
    room = max(MOST_PROBLEMS - len(found), 0)
    unlisted += len(repeats[room:])
    for second, first in repeats[:room]:
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
    return _kept(found, gives_way), unlisted, 0, Built(built, built_at, stays, stays_at)


def _kept(
    found: list[tuple[Path, str]], gives_way: Callable[[Path, str], bool] | None
) -> list[tuple[Path, str]]:
    """The problems of ``found`` that do not give way to the reader's."""
    return found if gives_way is None else [(p, m) for p, m in found if not gives_way(p, m)]


def _built(
    item: Any,
    cls: type[R],
    where: Path,
    room: int,
    gives_way: Callable[[Path, str], bool] | None,
    which: Callable[[Any], R | None] | None = None,
    made: dict[int, Any] | None = None,
) -> tuple[R | None, list[tuple[Path, str]], int]:
    """A record of ``cls`` made of ``item``, or as far as it could be built
    (else, with ``which``, what that makes of it; else ``None``); its
    problems, at ``where`` in the document, but for those that give way to
    the reader's, cut to the ``room`` left (see :func:`most_listed`); and
    how many of them are not listed. With ``made`` (records by the id of
    what each was made of), a record given again (a YAML alias: the same
    mapping) is that record, made once; one with problems is built again
    where it stands, to say them there."""
    if made is not None and (again := made.get(id(item))) is not None:
        return again, [], 0
    try:
        record = converter.get_structure_hook(cls)(item, cls)
    except Exception as e:  # noqa: BLE001 - every error becomes a problem of the file
        partial = partial_of(e)
        if not isinstance(partial, cls):
            partial = None if which is None else which(item)
        found = _kept([((*where, *p), m) for p, m in problems_of(e, cls)], gives_way)
        kept, cut = most_listed(found, max(room, 0))
        if made is not None and partial is not None and not (kept or cut):
            made[id(item)] = partial  # its problems are all the reader's, said once
        return partial, kept, cut
    if made is not None:
        made[id(item)] = record
    return record, [], 0


def _which(item: Any) -> InspectionReport | None:
    """A report that could not be built, as the report it is (its force,
    cycle and pillar alone), for the rules across reports: a report given
    twice is said whatever else is wrong with it. ``None`` where those are
    wrong too."""
    if item.__class__ is not dict:
        return None
    keys = LAYOUTS[InspectionReport].keys
    which = {k: item[k] for k in (keys.get(f, f) for f in KEY_FIELDS) if k in item}
    quiet = checking_only.set(True)
    try:
        report: InspectionReport = converter.get_structure_hook(InspectionReport)(which, InspectionReport)
    except Exception:  # noqa: BLE001 - its own problems are said
        return None
    finally:
        checking_only.reset(quiet)
    return report


def stood_in_for(stood_in: Sequence[StoodIn], document: Any, path: Path, message: str) -> bool:
    """Whether the converter's problem ``message`` at ``path`` of
    ``document`` gives way to the reader's: of a value the reader refused
    (a :class:`StandIn`, or noted in one of ``stood_in``), or of a key it
    refused; a problem of the key a refused value is under stands."""
    if isinstance(message, KeyProblem):
        return any(s.of_key(path) for s in stood_in)
    return any(path in s for s in stood_in) or stands_in(document, path)


def repeats_checked(
    parsed: Parsed, found: list[tuple[Path, str]]
) -> tuple[list[tuple[Path, int | None, str]], int]:
    """The problems of the repeated keys' values, which the readers read
    and did not keep: each put in the place of the first in a copy of the
    document, and what the converter finds at or under it said, at the
    repeat's line (the first value's problems are said as any value's);
    and how many more the copy has that are not listed (checked only where
    the document's own are all listed, so they are the repeats')."""
    copy = _with_repeats(parsed.value, parsed.repeats)
    if copy is None:
        return [], 0
    again, more, _, _ = structure_document(
        copy,
        lambda p, m: stood_in_for((parsed.stood_in, parsed.in_repeats), copy, p, m),
    )
    said = set(found)
    # The document's own problems are the copy's too: those the copy did
    # not list are counted with the document's, not here.
    more = max(0, more - (len(found) - len(said.intersection(again))))
    line_of = {path: line for path, _, line in parsed.repeats}
    out = []
    for p, message in again:
        # Of a repeat: at or under its path (looked up, prefix by prefix:
        # a file of thousands of repeats is checked in time in proportion).
        held = next((p[:i] for i in range(len(p), -1, -1) if p[:i] in line_of), None)
        if held is None or (p, message) in said:
            continue
        said.add((p, message))
        out.append((p, line_of[held], message))
    return out, more


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
            if holder.__class__ is dict and step not in holder:
                break  # under a key the reader left out (half a surrogate pair): no place
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
            if holder.__class__ is dict and step not in holder:
                continue  # its key left out (half a surrogate pair), with its first value
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


def first_unchecked(value: Any, unchecked: int) -> Path:
    items = value["reports"] if value.__class__ is dict else value
    first = len(items) - unchecked
    return ("reports", first) if value.__class__ is dict else (first,)
