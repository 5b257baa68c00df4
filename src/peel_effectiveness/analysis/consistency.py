"""Rounding-aware consistency checks of the outcome tables.

The checks accept every difference between published figures that rounding
can produce, and flag every one it cannot (the arithmetic of rounding and
of the tables' sums is in :mod:`._table_sums`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs

from ..model._messages import counted
from ..model.cycles import Cycle
from ..model.force import Force
from ..model.metrics import Unit
from ..model.outcomes import OutcomeGroupRow, OutcomeMeasure, OutcomeTable
from . import _args
from ._compare import Verdict
from ._table_sums import (
    MOST_DECIMALS,
    SIDES,
    Side,
    checked_decimals,
    checked_table,
    group_subtotal,
    in_decimal,
    more_places,
    parts_of,
    places,
    rounding_tolerance,
    shares_out,
    stands_for,
    value_on,
    within_rounding,
)

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.metrics import Measurement
    from ..model.outcomes import OutcomeTypeRow
    from ..model.reports import InspectionReport

__all__ = ["Check", "CheckKind", "check_dataset", "check_report", "check_table"]


class CheckKind(Verdict):
    """What a consistency check compares.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import check_report
        >>> checks = check_report(load_bundled().report("cumbria", 2016))
        >>> sorted({str(c.kind) for c in checks})
        ['group_sum', 'table_sum', 'table_total']
    """

    GROUP_SUM = "group_sum"  # a group's member rows against the group's figure
    TABLE_TOTAL = "table_total"  # a table's rows against its total assigned an outcome
    TABLE_SUM = "table_sum"  # assigned plus not yet assigned against the table's total
    SWAPPED = "swapped"  # a row whose force and England and Wales figures look exchanged


@attrs.frozen
class Check:
    """One consistency check of published figures.

    Attributes:
        table: The table's key (or the metric's, for a swap against a table).
        row: What was checked: a group's label, ``"total assigned"``,
            ``"assigned + not yet assigned"``, or a row that looks swapped.
        side: ``"force"`` or ``"england_and_wales"`` (``"both"`` for a swap).
        kind: What is compared (:class:`CheckKind`).
        computed: What the parts add up to.
        published: The published figure.
        tolerance: The largest gap rounding explains.
        ok: Whether the figures are consistent.
        message: The finding in words.
        force: The force, where the check is of a report.
        cycle: The cycle, where the check is of a report.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import check_report
        >>> check = check_report(load_bundled().report("cumbria", 2016))[0]
        >>> check.table, check.row, str(check.kind), check.published, check.ok
        ('figure_4', 'Out-of-court (formal)', 'group_sum', 4.1, True)
        >>> print(check.message)
        The force figures of the members of 'Out-of-court (formal)' add up to 4.1, as published
    """

    table: str
    row: str
    side: str
    kind: CheckKind
    computed: float
    published: float
    tolerance: float
    ok: bool
    message: str
    force: Force | None = None
    cycle: Cycle | None = None

    @property
    def difference(self) -> float:
        """Computed minus published."""
        return self.computed - self.published


def _make(
    table: str,
    row: str,
    side: str,
    kind: CheckKind,
    what: str,
    parts: Sequence[float],
    published: float,
    decimals: int,
    whole: bool = False,
) -> Check:
    """A check of ``parts`` against ``published``; with ``whole``, a total
    the table does not print (100, exactly: the whole of its shares)."""
    computed = _args.summed(parts, "the sum of the parts")
    # The whole is exact, so only the parts are rounded; for the two parts
    # it is asked of, the gap rounding can open is the same.
    tol = rounding_tolerance(len(parts), decimals)
    # The figures as the decimals they stand for, as within_rounding works
    # them out: at 15 places and more, a float's own digits are its noise.
    exact = in_decimal(parts, published, decimals)
    if exact is None:
        # Not the arithmetic but the places asked for: said so, with the places to ask for.
        beyond = more_places([*parts, published], decimals)
        others = {0: "", 1: " (as does 1 more of them)"}.get(
            len(beyond) - 1, f" (as do {len(beyond) - 1} more)"
        )
        need = max(places(x, decimals) for x in beyond)
        advice = (
            f"check at {counted(need, 'decimal place')}"
            if need <= MOST_DECIMALS
            else f"it cannot be checked, as a check takes at most {MOST_DECIMALS} places"
        )
        msg = (
            f"{what}: {stands_for(beyond[0], decimals):f} has {counted(places(beyond[0], decimals), 'decimal place')}, more than the {decimals} "
            f"checked{others}: {advice}"
        )
        return Check(table, row, side, kind, computed, published, tol, False, msg)
    ok = exact.within
    said_sum, said_published, said_gap, said_tol = (f"{x:f}" for x in exact)
    against = (
        "against the whole, 100 (the table prints no total)"
        if whole
        else f"against a published {said_published}"
    )
    rounded = f"{len(parts)} figures" if whole else f"{len(parts)} figures and their total"
    if ok and not exact.gap:
        msg = f"{what} add up to {said_sum}, " + (
            "the whole (the table prints no total)" if whole else "as published"
        )
    elif ok:
        msg = (
            f"{what} add up to {said_sum} {against}: the gap of {said_gap} is "
            f"within the {said_tol} that rounding {rounded} to {counted(decimals, 'decimal place')} can produce"
        )
    elif len(parts) == 1:
        msg = (
            f"{what} add up to {said_sum} {against}: one figure and its "
            "total are the same number rounded alike, and differ"
        )
    else:
        msg = f"{what} add up to {said_sum} {against}: the gap of {said_gap} is more than the {said_tol} rounding can explain"
    return Check(table, row, side, kind, computed, published, tol, ok, msg)


def check_table(table: OutcomeTable, decimals: int = 1) -> tuple[Check, ...]:
    """Check a table's groups and totals against their parts, allowing for rounding.

    Returns every check made, consistent or not, so a report can say what
    rounding explains as well as what it cannot. A row whose force and England
    and Wales figures look swapped (both totals are off, and swapping that
    row's figures mends both) is reported as a ``"swapped"`` check.

    Raises:
        TypeError: ``table`` is no :class:`~peel_effectiveness.OutcomeTable`,
            or ``decimals`` no whole number.
        PeelDataError: ``decimals`` is negative.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> table = load_bundled().report("cumbria", 2016).outcome_tables[0]
        >>> checks = check_table(table)
        >>> len(checks), all(c.ok for c in checks)
        (10, True)
    """
    table, decimals = checked_table(table), checked_decimals(decimals)
    checks: list[Check] = []
    side_names = {"force": "force", "england_and_wales": "England and Wales"}
    for row in table.rows:
        if not isinstance(row, OutcomeGroupRow):
            continue
        for side in SIDES:
            published, sub = value_on(row, side), group_subtotal(row, side)
            if published is None or sub is None or not row.members:
                continue
            parts = [value_on(m, side) or 0.0 for m in row.members]
            checks.append(
                _make(
                    table.key,
                    row.group,
                    side,
                    CheckKind.GROUP_SUM,
                    f"The {side_names[side]} figures of the members of {row.group!r}",
                    parts,
                    published,
                    decimals,
                )
            )
    totals_off: dict[Side, bool] = {}
    for side in SIDES:
        row_parts = parts_of(table, side) if shares_out(table) else None
        published = value_on(table.total_assigned, side) if table.total_assigned else None
        if row_parts is not None and published is not None:
            c = _make(
                table.key,
                "total assigned",
                side,
                CheckKind.TABLE_TOTAL,
                f"The {side_names[side]} figures of the rows of {table.key}",
                row_parts,
                published,
                decimals,
            )
            checks.append(c)
            totals_off[side] = not c.ok
        assigned = published
        unassigned = value_on(table.not_yet_assigned, side) if table.not_yet_assigned else None
        whole = value_on(table.total, side) if table.total else None
        unprinted = whole is None and shares_out(table) and assigned is not None and unassigned is not None
        if unprinted:
            whole = 100.0
        if assigned is not None and unassigned is not None and whole is not None:
            checks.append(
                _make(
                    table.key,
                    "assigned + not yet assigned",
                    side,
                    CheckKind.TABLE_SUM,
                    f"The {side_names[side]} assigned and not yet assigned figures",
                    [assigned, unassigned],
                    whole,
                    decimals,
                    whole=unprinted,
                )
            )
    if len(totals_off) == 2 and all(totals_off.values()):
        checks.extend(_swaps(table, decimals))
    return tuple(checks)


def _swaps(table: OutcomeTable, decimals: int) -> list[Check]:
    out: list[Check] = []
    assert table.total_assigned is not None
    targets = {side: value_on(table.total_assigned, side) for side in SIDES}
    for i, row in enumerate(table.rows):
        f, e = row.value, row.england_and_wales
        if f is None or e is None or f == e:
            continue
        swapped = list(table.rows)
        swapped[i] = attrs.evolve(cast(Any, row), value=e, england_and_wales=f)
        trial = attrs.evolve(cast(Any, table), rows=tuple(swapped))
        fixed = True
        for side in SIDES:
            parts, target = parts_of(trial, side), targets[side]
            fixed = (
                fixed
                and parts is not None
                and target is not None
                and within_rounding(parts, target, decimals)
            )
        if fixed:
            label = row.group if isinstance(row, OutcomeGroupRow) else f"outcome {row.outcome}"
            out.append(
                Check(
                    table.key,
                    label,
                    "both",
                    CheckKind.SWAPPED,
                    e,
                    f,
                    0.0,
                    False,
                    f"{label} in {table.key} looks swapped: with its force and England and Wales figures "
                    "exchanged, both totals agree with the rows",
                )
            )
    return out


_UNIT_OF = {OutcomeMeasure.SHARE_OF_OFFENCES: Unit.PERCENT, OutcomeMeasure.PER_100_OFFENCES: Unit.PER_100}


def _measurement_swaps(report: InspectionReport) -> list[Check]:
    out: list[Check] = []
    for m in report.measurements:
        if m.england_and_wales is None or m.value == m.england_and_wales:
            continue
        for t in report.outcome_tables:
            # A figure of a table's rows is of its period and its measure:
            # a crime rate per 1,000 is no share of offences, whatever its figures.
            if m.period != t.period or m.metric.unit is not _UNIT_OF[t.measure]:
                continue
            members = [m for r in t.rows if isinstance(r, OutcomeGroupRow) for m in r.members]
            for row in (*t.rows, *members):
                if (row.value, row.england_and_wales) == (m.england_and_wales, m.value) and _names(m, row):
                    label = row.group if isinstance(row, OutcomeGroupRow) else f"outcome {row.outcome}"
                    out.append(
                        Check(
                            m.key,
                            label,
                            "both",
                            CheckKind.SWAPPED,
                            m.value,
                            m.england_and_wales,
                            0.0,
                            False,
                            f"metric {m.key!r} has the force and England and Wales figures of {label} in {t.key} "
                            "the other way round",
                        )
                    )
    return out


# Words every figure of an outcome table may have: none ties one to a row.
_COMMON = frozenset(
    {
        *("offence", "offences", "recorded", "crime", "crimes", "outcome", "outcomes"),
        *("share", "shares", "rate", "rates", "with", "that", "were", "which", "from", "their", "other"),
        *("the", "and", "per"),
    }
)


def _names(m: Measurement, row: OutcomeTypeRow | OutcomeGroupRow) -> bool:
    """Whether a figure is of a row by its words: its label or key shares
    one with the row's label that is not every such figure's. Figures of
    a table's period and measure may hold a row's two numbers by chance
    (0.1 and 0.2 are many rows' and figures'); the report's own figures of
    a row name it ("charged or summonsed", "no suspect identified")."""
    import re

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2} - _COMMON

    label = row.group if isinstance(row, OutcomeGroupRow) else row.label
    return bool(words(f"{m.label} {m.key.replace('_', ' ')}") & words(label))


def check_report(report: InspectionReport, decimals: int = 1) -> tuple[Check, ...]:
    """Every consistency check of a report's outcome tables and figures,
    each with the report's force and cycle.

    Raises:
        TypeError: ``report`` is no
            :class:`~peel_effectiveness.InspectionReport`, or ``decimals`` no
            whole number.
        PeelDataError: ``decimals`` is negative.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> checks = check_report(load_bundled().report("cumbria", 2016))
        >>> len(checks), checks[0].force.id, str(checks[0].cycle)
        (10, 'cumbria', '2016')
    """
    report, decimals = _args.report("report", report), checked_decimals(decimals)
    checks = [c for t in report.outcome_tables for c in check_table(t, decimals)]
    checks += _measurement_swaps(report)
    return tuple(attrs.evolve(c, force=report.force, cycle=report.cycle) for c in checks)


def check_dataset(data: Dataset | Iterable[InspectionReport], decimals: int = 1) -> tuple[Check, ...]:
    """Every consistency check of every report.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> checks = check_dataset(load_bundled())
        >>> all(c.ok for c in checks)
        True
        >>> total = next(c for c in checks if c.kind == "table_total" and c.side == "force")
        >>> print(total.message)
        The force figures of the rows of figure_4 add up to 88.5 against a published 88.4: the gap of 0.1 is within the 0.5 that rounding 10 figures and their total to 1 decimal place can produce
    """
    reports, decimals = _args.reports("data", data), checked_decimals(decimals)
    return tuple(c for r in reports for c in check_report(r, decimals))
