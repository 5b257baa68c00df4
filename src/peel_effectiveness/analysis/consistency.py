"""Outcome-table arithmetic and rounding-aware consistency checks.

Published figures are rounded (Figure 4 of the 2016 reports to one decimal
place), so a group's members need not add up exactly to the group's figure.
If ``k`` parts and their total are each rounded to ``d`` decimals, the parts'
sum can differ from the published total by at most ``(k + 1) * h`` where
``h = 0.5 * 10**-d``: each rounding moves a number by at most ``h``. The
checks here accept every difference that rounding can produce and flag every
one it cannot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs

from ..model.cycles import Cycle
from ..model.force import Force
from ..model.outcomes import OutcomeGroupRow, OutcomeMeasure, OutcomeTable, OutcomeTotal, OutcomeTypeRow
from . import _args
from ._compare import Verdict

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport

__all__ = [
    "Check",
    "CheckKind",
    "assigned_total",
    "check_dataset",
    "check_report",
    "check_table",
    "group_subtotal",
    "rounding_tolerance",
    "shares_of_assigned",
    "within_rounding",
]

Side = Literal["force", "england_and_wales"]


class CheckKind(Verdict):
    """What a consistency check compares."""

    GROUP_SUM = "group_sum"  # a group's member rows against the group's figure
    TABLE_TOTAL = "table_total"  # a table's rows against its total assigned an outcome
    TABLE_SUM = "table_sum"  # assigned plus not yet assigned against the table's total
    SWAPPED = "swapped"  # a row whose force and England and Wales figures look exchanged


_SIDES: tuple[Side, Side] = ("force", "england_and_wales")
_EPS = 1e-9


def rounding_tolerance(parts: int, decimals: int = 1) -> float:
    """The largest gap rounding can open between ``parts`` rounded numbers and
    their rounded total.

    Raises:
        TypeError: ``parts`` or ``decimals`` is not a whole number.
        PeelDataError: ``parts`` is negative or over a billion, or
            ``decimals`` is not from 0 to 100.

    Examples:
        >>> rounding_tolerance(10, 1)
        0.55
    """
    parts, decimals = _args.whole("parts", parts, 0, 10**9), _decimals(decimals)
    return round((parts + 1) * 0.5 * 10.0**-decimals, 12)


def _decimals(decimals: object) -> int:
    return _args.whole("decimals", decimals, 0, 100)


def _side(side: object) -> Side:
    return _args.choice("side", side, _SIDES)  # type: ignore[return-value]


def within_rounding(parts: Sequence[float], total: float, decimals: int = 1) -> bool:
    """Whether ``total`` can be the rounded sum of numbers that round to ``parts``.

    Examples:
        >>> within_rounding([17.8, 0.1, 4.1, 4.6, 1.4, 10.4, 14.6, 35.3, 0.2, 0.0], 88.4)
        True
        >>> within_rounding([1.0, 1.0], 2.2)
        False
    """
    parts = [_args.number(f"parts[{i}]", p) for i, p in enumerate(_args.items("parts", parts, "figures"))]
    total = _args.number("total", total)
    gap = abs(_args.fsum(parts, "the sum of the parts") - total)
    # Room for binary floating point only: a millionth of a millionth of the magnitudes.
    slack = 1e-12 * max(1.0, abs(total), _args.fsum((abs(p) for p in parts), "the sum of the parts"))
    return gap <= rounding_tolerance(len(parts), decimals) + slack


def _value(row: OutcomeTypeRow | OutcomeGroupRow | OutcomeTotal, side: Side) -> float | None:
    return row.value if side == "force" else row.england_and_wales


def group_subtotal(row: OutcomeGroupRow, side: Side = "force") -> float | None:
    """The sum of a group's member rows, or ``None`` unless every outcome of
    the group is shown with a figure.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> t = load_bundled().report("cumbria", 2016).outcome_table("figure_4")
        >>> round(group_subtotal(t.row("Out-of-court (formal)")), 1)
        4.1
    """
    if not isinstance(row, OutcomeGroupRow):
        raise _args.wrong_type("row", "an OutcomeGroupRow (a group of an outcome table)", row)
    side = _side(side)
    shown = {m.outcome: _value(m, side) for m in row.members}
    if set(shown) != set(row.outcomes) or any(v is None for v in shown.values()):
        return None
    return _args.fsum((v for v in shown.values() if v is not None), "the sum of the members")


def _parts(table: OutcomeTable, side: Side) -> list[float] | None:
    """The figures that partition the table's assigned outcomes, or ``None``
    where a row's figure is blank and cannot be made from its members."""
    parts: list[float] = []
    for row in table.rows:
        v = _value(row, side)
        if v is not None:
            parts.append(v)
        elif isinstance(row, OutcomeGroupRow) and group_subtotal(row, side) is not None:
            parts.extend(_value(m, side) or 0.0 for m in row.members)
        else:
            return None
    return parts


def assigned_total(table: OutcomeTable, side: Side = "force") -> float | None:
    """The total of the table's rows, each group counted once (by its own
    figure, or its members' where the group's is blank).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> t = load_bundled().report("cumbria", 2016).outcome_table("figure_4")
        >>> round(assigned_total(t), 1), t.total_assigned.value
        (88.5, 88.4)
    """
    table, side = _table(table), _side(side)
    parts = _parts(table, side)
    return None if parts is None else _args.fsum(parts, "the total")


def _table(table: object) -> OutcomeTable:
    if not isinstance(table, OutcomeTable):
        raise _args.wrong_type("table", "an OutcomeTable (from a report's outcome_tables)", table)
    return table


def shares_of_assigned(table: OutcomeTable, side: Side = "force") -> dict[int | str, float]:
    """Each row as a percentage of the offences assigned an outcome.

    The published figures are shares of all offences recorded, including those
    not yet assigned an outcome; this rescales them to the assigned ones, using
    the published "total assigned" where the table gives it.

    Raises:
        TypeError: ``table`` is not an OutcomeTable.
        PeelDataError: ``side`` is not ``"force"`` or
            ``"england_and_wales"``, or the table has no total to rescale by.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> t = load_bundled().report("cumbria", 2016).outcome_table("figure_4")
        >>> round(shares_of_assigned(t)[1], 1)       # charged: 17.8 of 88.4
        20.1
    """
    table, side = _table(table), _side(side)
    total = _value(table.total_assigned, side) if table.total_assigned else assigned_total(table, side)
    if not total:
        raise _args.refuse(f"{table.key} has no total of assigned outcomes on the {side} side")
    out: dict[int | str, float] = {}
    for row in table.rows:
        rows: list[OutcomeTypeRow | OutcomeGroupRow] = [row]
        if isinstance(row, OutcomeGroupRow):
            rows += list(row.members)
        for r in rows:
            v = _value(r, side)
            if v is not None:
                out[r.group if isinstance(r, OutcomeGroupRow) else r.outcome] = v / total * 100
    return out


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


def _n(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".")


def _make(
    table: str,
    row: str,
    side: str,
    kind: CheckKind,
    what: str,
    parts: Sequence[float],
    published: float,
    decimals: int,
) -> Check:
    computed = _args.fsum(parts, "the sum of the parts")
    tol = rounding_tolerance(len(parts), decimals)
    ok = within_rounding(parts, published, decimals)
    gap = abs(computed - published)
    if gap <= _EPS:
        msg = f"{what} add up to {_n(computed)}, as published"
    elif ok:
        msg = (
            f"{what} add up to {_n(computed)} against a published {_n(published)}: the gap of {_n(gap)} is "
            f"within the {_n(tol)} that rounding {len(parts)} figures and their total to {decimals} "
            f"decimal place{'s' if decimals != 1 else ''} can produce"
        )
    else:
        msg = (
            f"{what} add up to {_n(computed)} against a published {_n(published)}: the gap of {_n(gap)} is "
            f"more than the {_n(tol)} rounding can explain"
        )
    return Check(table, row, side, kind, computed, published, tol, ok, msg)


def check_table(table: OutcomeTable, decimals: int = 1) -> tuple[Check, ...]:
    """Check a table's groups and totals against their parts, allowing for rounding.

    Returns every check made, consistent or not, so a report can say what
    rounding explains as well as what it cannot. A row whose force and England
    and Wales figures look swapped (both totals are off, and swapping that
    row's figures mends both) is reported as a ``"swapped"`` check.
    """
    table, decimals = _table(table), _decimals(decimals)
    checks: list[Check] = []
    side_names = {"force": "force", "england_and_wales": "England and Wales"}
    for row in table.rows:
        if not isinstance(row, OutcomeGroupRow):
            continue
        for side in _SIDES:
            published, sub = _value(row, side), group_subtotal(row, side)
            if published is None or sub is None or not row.members:
                continue
            parts = [_value(m, side) or 0.0 for m in row.members]
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
    for side in _SIDES:
        row_parts = _parts(table, side)
        published = _value(table.total_assigned, side) if table.total_assigned else None
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
        unassigned = _value(table.not_yet_assigned, side) if table.not_yet_assigned else None
        whole = _value(table.total, side) if table.total else None
        if (
            whole is None
            and table.measure is OutcomeMeasure.SHARE_OF_OFFENCES
            and assigned is not None
            and unassigned is not None
        ):
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
                )
            )
    if len(totals_off) == 2 and all(totals_off.values()):
        checks.extend(_swaps(table, decimals))
    return tuple(checks)


def _swaps(table: OutcomeTable, decimals: int) -> list[Check]:
    out: list[Check] = []
    assert table.total_assigned is not None
    targets = {side: _value(table.total_assigned, side) for side in _SIDES}
    for i, row in enumerate(table.rows):
        f, e = row.value, row.england_and_wales
        if f is None or e is None or f == e:
            continue
        swapped = list(table.rows)
        swapped[i] = attrs.evolve(cast(Any, row), value=e, england_and_wales=f)
        trial = attrs.evolve(cast(Any, table), rows=tuple(swapped))
        fixed = True
        for side in _SIDES:
            parts, target = _parts(trial, side), targets[side]
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


def _measurement_swaps(report: InspectionReport) -> list[Check]:
    out: list[Check] = []
    for m in report.measurements:
        if m.england_and_wales is None or m.value == m.england_and_wales:
            continue
        for t in report.outcome_tables:
            if m.period != t.period:
                continue
            members = [m for r in t.rows if isinstance(r, OutcomeGroupRow) for m in r.members]
            for row in (*t.rows, *members):
                if (row.value, row.england_and_wales) == (m.england_and_wales, m.value):
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


def check_report(report: InspectionReport, decimals: int = 1) -> tuple[Check, ...]:
    """Every consistency check of a report's outcome tables and figures."""
    report, decimals = _args.report("report", report), _decimals(decimals)
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
        The force figures of the rows of figure_4 add up to 88.5 against a published 88.4: the gap of 0.1 is within the 0.55 that rounding 10 figures and their total to 1 decimal place can produce
    """
    reports, decimals = _args.reports("data", data), _decimals(decimals)
    return tuple(c for r in reports for c in check_report(r, decimals))
