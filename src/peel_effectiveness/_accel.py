"""The optional JSON accelerator (the ``[fast]`` extra: msgspec).

msgspec decodes the text straight into frozen Structs that mirror the file
format, checking types in C. Equal measurements and tables (which hash in C)
are then built once and shared; everything is still built and checked by the
same :class:`~peel_effectiveness._fast.Builder` as without the accelerator, so
it accepts exactly the same documents. Anything msgspec refuses returns
``None`` and the ordinary readers take over, to report the problem.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING, Any

import msgspec
from msgspec import UNSET, Struct, UnsetType

if TYPE_CHECKING:
    from ._fast import Builder
    from .reports import InspectionReport


class _Period(Struct, frozen=True, forbid_unknown_fields=True):
    start: str
    end: str


class _Measurement(Struct, frozen=True, forbid_unknown_fields=True):
    metric: str
    label: str
    unit: str
    value: float
    england_and_wales: float | UnsetType | None = UNSET
    period: str | _Period | UnsetType | None = UNSET
    baseline: str | _Period | UnsetType | None = UNSET
    base: str | UnsetType | None = UNSET
    source: str | UnsetType | None = UNSET
    note: str | UnsetType | None = UNSET


class _Row(Struct, frozen=True, forbid_unknown_fields=True):
    outcome: int | UnsetType = UNSET
    label: str | UnsetType = UNSET
    group: str | UnsetType = UNSET
    outcomes: tuple[int, ...] | UnsetType = UNSET
    force: float | UnsetType | None = UNSET
    england_and_wales: float | UnsetType | None = UNSET
    members: tuple[_Row, ...] | UnsetType = UNSET


class _Total(Struct, frozen=True, forbid_unknown_fields=True):
    label: str
    force: float | UnsetType | None = UNSET
    england_and_wales: float | UnsetType | None = UNSET


class _Table(Struct, frozen=True, forbid_unknown_fields=True):
    key: str
    title: str
    measure: str
    period: str | _Period
    rows: tuple[_Row, ...]
    total_assigned: _Total | UnsetType | None = UNSET
    not_yet_assigned: _Total | UnsetType | None = UNSET
    total: _Total | UnsetType | None = UNSET
    source: str | UnsetType | None = UNSET
    note: str | UnsetType | None = UNSET


class _Report(Struct, frozen=True, forbid_unknown_fields=True):
    # The rest of a report is read as plain data by the Builder.
    force: Any
    cycle: Any
    measurements: tuple[_Measurement, ...] | UnsetType = UNSET
    outcome_tables: tuple[_Table, ...] | UnsetType = UNSET
    pillar: Any = UNSET
    grade: Any = UNSET
    basis: Any = UNSET
    carried_over_from: Any = UNSET
    grade_sources: Any = UNSET
    previous_grade: Any = UNSET
    previous_basis: Any = UNSET
    previous_carried_over_from: Any = UNSET
    previous_grade_sources: Any = UNSET
    summary: Any = UNSET
    assessments: Any = UNSET
    provenance: Any = UNSET


@functools.cache
def _decoder() -> Any:
    return msgspec.json.Decoder(list[_Report] | _Report)


def _zero(m: _Measurement) -> bool:
    """Whether sharing could confuse 0.0 with -0.0 (equal, but written apart)."""
    return m.value == 0 or m.england_and_wales == 0


def _same_signs(m: _Measurement, built: Any) -> bool:
    return all(
        math.copysign(1.0, a) == math.copysign(1.0, b)
        for a, b in ((m.value, built.value), (m.england_and_wales, built.england_and_wales))
        if isinstance(a, float) and isinstance(b, float)
    )


def reports(text: str, builder: Builder) -> list[InspectionReport] | None:
    """The reports of a JSON text, or ``None`` to leave it to the ordinary readers."""
    try:
        decoded = _decoder().decode(text)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None
    shared: dict[Any, tuple[Any, int]] = {}
    # Whole lists of measurements seen before: (built, keys, indices of zeros).
    lists: dict[Any, tuple[tuple[Any, ...], int, tuple[int, ...]]] = {}
    out = []
    for r in decoded if isinstance(decoded, list) else [decoded]:
        given = () if r.measurements is UNSET else r.measurements
        seen = lists.get(given)
        if seen is not None and all(_same_signs(given[i], seen[0][i]) for i in seen[2]):
            measurements = list(seen[0])
            builder.keys += seen[1]
        else:
            before_all = builder.keys
            measurements = []
            for m in given:
                hit = None if _zero(m) else shared.get(m)
                if hit is None:
                    before = builder.keys
                    hit = (builder.measurement(msgspec.to_builtins(m)), builder.keys - before)
                    if not _zero(m):
                        shared[m] = hit
                else:
                    builder.keys += hit[1]
                measurements.append(hit[0])
            zeros = tuple(i for i, m in enumerate(given) if _zero(m))
            lists[given] = (tuple(measurements), builder.keys - before_all, zeros)
        tables = []
        for t in () if r.outcome_tables is UNSET else r.outcome_tables:
            # A table is shared by its JSON form, which tells 0.0 from -0.0.
            key = msgspec.json.encode(t)
            hit = shared.get(key)
            if hit is None:
                before = builder.keys
                hit = shared[key] = (builder.table(msgspec.to_builtins(t)), builder.keys - before)
            else:
                builder.keys += hit[1]
            tables.append(hit[0])
        rest = msgspec.to_builtins(msgspec.structs.replace(r, measurements=UNSET, outcome_tables=UNSET))
        extra = (r.measurements is not UNSET) + (r.outcome_tables is not UNSET)
        builder.keys += extra
        out.append(builder.report(rest, tuple(measurements), tuple(tables)))
    return out
