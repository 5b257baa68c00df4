"""A collection of inspection reports with lookup by force and cycle."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ..errors import NotFoundError, PeelDataError, Problem
from ._arguments import of_cycle, of_force, of_pillar
from ._forces_held import other_forces, two_forces
from ._messages import counted
from ._sealed import Sealed
from ._validators import valid
from ._values import MOST_PROBLEMS, first_named, records
from .cycles import Cycle, Pillar, resolve_pillar
from .force import Force, find_force, find_own
from .monitoring import EngageDate, Stay
from .reports import InspectionReport, report_title

__all__ = ["Dataset"]


def _in_order(value: object, cls: type[Any], order: Callable[[Any], Any]) -> object:
    """A list of ``cls`` records as a tuple in ``order`` (anything else is
    left to the field's validator)."""
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping)):
        items = list(value)
        return tuple(sorted(items, key=order)) if all(isinstance(x, cls) for x in items) else items
    return value


def _stay_order(s: Stay) -> tuple[str, dt.date, dt.date]:
    """Stays by force id and when they began, the earliest first."""
    return (s.force.id, s.entered.earliest, s.entered.last)


def overlapping(stays: Sequence[Stay]) -> list[tuple[int, int, bool]]:
    """The stays in Engage that overlap another of the same force:
    ``(index, index of the other, whether entered twice)`` for each, in
    order; :func:`overlap_said` words one (a caller words those it lists:
    of a million, each worded took 100 MB). A force's stays do not
    overlap: two overlap where they share a day however their dates are
    read within their precision (a stay entered in 2022 may have begun after
    one of March 2022 ended; one that ended by March 2022 overlaps one that
    ran from 2020 into June 2022); and no two are entered on the same date
    to the same precision (a force, that date and its precision name a
    stay)."""
    out: list[tuple[int, int, bool]] = []  # each, and whether it is entered twice
    bounds = [_bounds(s) for s in stays]
    groups: dict[str, list[int]] = {}
    for i, s in enumerate(stays):
        groups.setdefault(s.force.id, []).append(i)
    for group in groups.values():
        # By the last day each can have begun. Each stay is compared with the
        # ones before it that began before it can have ended: of those, the
        # one that lasts longest for certain.
        group.sort(key=lambda i: bounds[i][0])
        starts = [bounds[i][0] for i in group]
        longest: list[int] = []  # longest[k]: of group[:k + 1], the stay that ends last for certain
        seen: dict[EngageDate, int] = {}
        for k, i in enumerate(group):
            s = stays[i]
            start, end = bounds[i]
            if s.entered in seen:
                out.append((i, seen[s.entered], True))
            else:
                seen[s.entered] = i
                before = min(k, bisect.bisect_left(starts, end))
                if before:
                    j = longest[before - 1]
                    if bounds[j][1] > start:
                        out.append((i, j, False))
            last = longest[-1] if longest else i
            longest.append(i if end > bounds[last][1] else last)
    return sorted(out)


def overlap_said(s: Stay, other: Stay, twice: bool) -> str:
    """Why stay ``s`` may not be beside ``other`` (see :func:`overlapping`)."""
    if twice:
        return f"{s.force.short_name} has two stays in Engage entered {s.entered}"
    return (
        f"{s.force.short_name}'s stays in Engage overlap: one from {other.entered} "
        f"to {other.left or 'now'}, another from {s.entered}"
    )


def _bounds(stay: Stay) -> tuple[dt.date, dt.date]:
    """The last day a stay can have begun and the first it can have ended
    (for one not ended, none): it holds every day between for certain."""
    entered, left = stay.entered, stay.left
    if left is None:
        return entered.last, dt.date.max
    return min(entered.last, left.last), max(left.earliest, entered.earliest)


# The fields of a report that :func:`key` reads.
KEY_FIELDS = ("force", "cycle", "pillar")


def key(r: InspectionReport) -> tuple[str, str, str]:
    """What a dataset holds one report of: its force, cycle and pillar
    (:data:`KEY_FIELDS`)."""
    return (r.force.id, r.cycle._value_, "" if r.pillar is None else r.pillar._value_)


def repeated(reports: Sequence[InspectionReport]) -> list[tuple[int, int]]:
    """The reports on a force, cycle and pillar that an earlier one covers
    already: ``(index, index of the first)`` for each."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for i, r in enumerate(reports):
        k = key(r)
        if k in seen:
            out.append((i, seen[k]))
        else:
            seen[k] = i
    return out


# (Typed as __init__ takes them: a type checker gives the parameter the
# converter's, and what else is given is refused, said in words.)
def _reports_in_order(value: Iterable[InspectionReport]) -> object:
    return _in_order(value, InspectionReport, key)


def _stays_in_order(value: Iterable[Stay]) -> object:
    return _in_order(value, Stay, _stay_order)


def _reports_shown(reports: tuple[InspectionReport, ...]) -> str:
    # A dataset holds hundreds of reports: its repr says what they are
    # (the bundle's whole would be 750,000 characters); each report's is whole.
    if not reports:
        return "()"
    cycles = sorted({r.cycle for r in reports})
    span = str(cycles[0]) if len(cycles) == 1 else f"{cycles[0]} to {cycles[-1]}"
    forces = len({r.force for r in reports})
    return f"<{counted(len(reports), 'report')} on {counted(forces, 'force')}, {span}>"


def _stays_shown(stays: tuple[Stay, ...]) -> str:
    return f"<{counted(len(stays), 'stay')} in Engage>" if stays else "()"


@attrs.frozen
class Dataset(Sealed):
    """Inspection reports, iterated in a stable order: force id, then cycle;
    and the forces' stays in enhanced monitoring (Engage).

    A dataset holds one report for each force, cycle and pillar, and a
    force's stays in Engage do not overlap.

    Attributes:
        reports: The reports, sorted by force id, cycle and pillar.
        stays: The stays in Engage, sorted by force id and start.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> data = load_bundled()
        >>> report = data.report("Cumbria", 2016)
        >>> str(report.judgment)
        'Good'
    """

    reports: tuple[InspectionReport, ...] = attrs.field(
        default=(),
        converter=_reports_in_order,
        validator=valid(records(InspectionReport, "a report")),
        repr=_reports_shown,
    )
    stays: tuple[Stay, ...] = attrs.field(
        default=(),
        converter=_stays_in_order,
        validator=valid(records(Stay, "a stay in Engage")),
        repr=_stays_shown,
    )

    def __attrs_post_init__(self) -> None:
        # Each kind said of the most a file lists at most, the rest counted.
        repeats = repeated(self.reports)
        problems = [
            Problem(f"two reports on {r.force.short_name} for {r.title}", path=f"reports[{second}]")
            for second, _ in repeats[:MOST_PROBLEMS]
            for r in (self.reports[second],)
        ]
        overlaps = overlapping(self.stays)
        problems += [
            Problem(overlap_said(self.stays[i], self.stays[j], entered_twice), path=f"stays[{i}]")
            for i, j, entered_twice in overlaps[:MOST_PROBLEMS]
        ]
        forces = self._forces_held()
        two = other_forces(forces)
        problems += [
            Problem(
                two_forces(forces[first], forces[i]),
                path=f"reports[{i}].force"
                if i < len(self.reports)
                else f"stays[{i - len(self.reports)}].force",
            )
            for i, first in two[:MOST_PROBLEMS]
        ]
        if problems:
            raise PeelDataError(
                first_named(problems, len(repeats) + len(overlaps) + len(two) - len(problems))
            )

    def __iter__(self) -> Iterator[InspectionReport]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

    @property
    def forces(self) -> tuple[Force, ...]:
        """The forces with at least one report, by id."""
        return tuple(sorted({r.force for r in self.reports}, key=lambda f: f.id))

    @property
    def cycles(self) -> tuple[Cycle, ...]:
        """The cycles with at least one report, in time order."""
        return tuple(sorted({r.cycle for r in self.reports}))

    def cycles_measuring(self, metric: str) -> tuple[Cycle, ...]:
        """The cycles in which some report gives the metric, in time order
        (later cycles may have grades only).

        Raises:
            TypeError: ``metric`` is not a metric's key (text).
        """
        if not isinstance(metric, str):
            from ._arguments import wrong_type

            raise wrong_type("metric", "a metric's key (str)", metric)
        return tuple(sorted({r.cycle for r in self.reports if any(m.key == metric for m in r.measurements)}))

    def _forces_held(self) -> list[Force]:
        """The force of each report, then of each stay, in order."""
        return [*(r.force for r in self.reports), *(s.force for s in self.stays)]

    def find_force(self, force: str | Force) -> Force:
        """A force by any name :func:`~peel_effectiveness.find_force` knows,
        or a force of the data's own by its id or one of its names.

        Raises:
            NotFoundError: No such force, here or among the 43.
        """
        try:
            return find_force(force)
        except NotFoundError:
            if isinstance(force, str):
                found = find_own(force, dict.fromkeys(self._forces_held()))
                if found is not None:
                    return found
            raise

    def for_force(self, force: str | Force) -> tuple[InspectionReport, ...]:
        """The reports on one force, in cycle order."""
        f = self.find_force(force)
        return tuple(r for r in self.reports if r.force == f)

    def for_cycle(self, cycle: str | int | Cycle) -> tuple[InspectionReport, ...]:
        """The reports of one cycle, in force order.

        Raises:
            TypeError: ``cycle`` is no cycle, its name or a year.
            PeelDataError: Not a cycle.
        """
        from ._arguments import of_cycle

        c = Cycle(of_cycle("cycle", cycle))
        return tuple(r for r in self.reports if r.cycle is c)

    def report(
        self,
        force: str | Force,
        cycle: str | int | Cycle,
        pillar: str | Pillar | None = None,
    ) -> InspectionReport:
        """The report on ``force`` for ``cycle`` and ``pillar``: effectiveness
        where no pillar is given, the integrated report from 2021/22.

        Raises:
            TypeError: An argument of the wrong type.
            PeelDataError: ``cycle`` or ``pillar`` is none of the words or
                years they are written as.
            NotFoundError: No force of that name, a pillar the cycle does
                not have, or no such report here.
        """
        f, c, p = self._where(force, cycle, pillar)
        for r in self.reports:
            if r.force == f and r.cycle is c and r.pillar is p:
                return r
        have = [r.title for r in self.reports if r.force == f]
        # The data's, not HMICFRS's: a report missing here may be published.
        where = f"they hold its {', '.join(have)}" if have else "they hold none on this force"
        raise NotFoundError(f"the data hold no {report_title(c, p)} report on {f.short_name} ({where})")

    def get(
        self,
        force: str | Force,
        cycle: str | int | Cycle,
        pillar: str | Pillar | None = None,
    ) -> InspectionReport | None:
        """Like :meth:`report`, but ``None`` where the dataset has no such
        report (a force or a pillar no dataset could have is refused as
        :meth:`report` refuses it)."""
        f, c, p = self._where(force, cycle, pillar)
        for r in self.reports:
            if r.force == f and r.cycle is c and r.pillar is p:
                return r
        return None

    def _where(
        self, force: str | Force, cycle: str | int | Cycle, pillar: str | Pillar | None
    ) -> tuple[Force, Cycle, Pillar | None]:
        """The force, cycle and pillar a report is looked up by."""
        c = Cycle(of_cycle("cycle", cycle))
        return self.find_force(of_force("force", force)), c, resolve_pillar(c, of_pillar("pillar", pillar))

    def replaced_by(self, other: Dataset) -> tuple[InspectionReport, ...]:
        """This dataset's reports that ``other`` has a report for too (the
        same force, cycle and pillar): those :meth:`overlay` replaces."""
        _dataset(other, "replaced_by")
        theirs = {key(r) for r in other.reports}
        return tuple(r for r in self.reports if key(r) in theirs)

    def overlay(self, other: Dataset) -> Dataset:
        """This dataset with ``other``'s reports added, each replacing the
        report here on the same force, cycle and pillar: your own files over
        the bundled data. A force's stays in Engage in ``other`` replace its
        stays here.

        Examples:
            >>> from peel_effectiveness import load_bundled, loads
            >>> mine = loads("force: dorset\\ncycle: 2016\\ngrade: good\\n")
            >>> data = load_bundled().overlay(mine)
            >>> data.report("dorset", 2016).judgment.sources, len(data) == len(load_bundled())
            ((), True)
            >>> [r.title for r in load_bundled().replaced_by(mine)]
            ['effectiveness 2016']
        """
        _dataset(other, "overlay")
        theirs = {key(r) for r in other.reports}
        forces = {s.force for s in other.stays}
        return Dataset(
            tuple(r for r in self.reports if key(r) not in theirs) + other.reports,
            tuple(s for s in self.stays if s.force not in forces) + other.stays,
        )

    def __add__(self, other: Dataset) -> Dataset:
        if not isinstance(other, Dataset):
            return NotImplemented
        return Dataset(self.reports + other.reports, self.stays + other.stays)

    def stays_of(self, force: str | Force) -> tuple[Stay, ...]:
        """A force's stays in Engage, the earliest first."""
        f = self.find_force(force)
        return tuple(s for s in self.stays if s.force == f)


def _dataset(value: object, method: str) -> None:
    if not isinstance(value, Dataset):
        raise TypeError(f"{method}() takes a Dataset, not {type(value).__name__}")
