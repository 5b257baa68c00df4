"""Rounding-aware consistency checks: accept what rounding can do, flag the rest."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peel_effectiveness as pe
from clirun import run
from peel_effectiveness import OutcomeTable, OutcomeTotal, OutcomeTypeRow, Period
from peel_effectiveness.model import OutcomeMeasure

decimals = st.integers(0, 3)


def half_up(x: float, d: int) -> float:
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP))


rounders = st.sampled_from([round, half_up])


@given(st.lists(st.floats(0, 100), max_size=25), decimals, rounders)
def test_accepts_every_rounding_of_true_values(xs: list[float], d: int, rnd: object) -> None:
    parts = [rnd(x, d) for x in xs]  # type: ignore[operator]
    total = rnd(math.fsum(xs), d)  # type: ignore[operator]
    assert pe.analysis.within_rounding(parts, total, d)


def units(n: int, d: int) -> float:
    """``n`` units of the ``d``-th place, as a float (a number of ``d`` places)."""
    return float(Decimal(n).scaleb(-d))


@given(st.lists(st.integers(0, 10**5), max_size=25), decimals, st.integers(-60, 60))
def test_a_gap_is_accepted_exactly_as_far_as_rounding_can_open_it(parts: list[int], d: int, gap: int) -> None:
    # Parts and a total of d places, the total ``gap`` units off their sum.
    most = (len(parts) + 1) // 2 if len(parts) > 1 else 0
    total = sum(parts) + gap
    accepted = pe.analysis.within_rounding([units(p, d) for p in parts], units(total, d), d)
    assert accepted is (abs(gap) <= most)
    assert pe.analysis.rounding_tolerance(len(parts), d) == units(most, d)


@given(st.integers(1, 12), st.integers(0, 10**4), decimals)
def test_an_even_number_of_parts_reaches_the_tolerance(half: int, base: int, d: int) -> None:
    # Each part just under a half above a number of d places rounds down;
    # their total does not: the gap is a unit for each two parts.
    k = 2 * half
    true = [Decimal(base + 0.49).scaleb(-d) for _ in range(k)]
    parts = [float(x.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)) for x in true]
    total = float(sum(true).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP))
    gap = abs(Decimal(repr(total)) - sum(Decimal(repr(p)) for p in parts))
    assert gap == Decimal(half).scaleb(-d)
    assert float(gap) == pe.analysis.rounding_tolerance(k, d)
    assert pe.analysis.within_rounding(parts, total, d)


@given(st.lists(st.integers(0, 10**4), min_size=1, max_size=10), st.integers(0, 2), st.data())
def test_a_number_of_more_places_is_no_rounded_figure(parts: list[int], d: int, data: st.DataObject) -> None:
    figures = [units(p, d) for p in parts]
    total = units(sum(parts), d)
    assert pe.analysis.within_rounding(figures, total, d)
    # Half a unit more on any one of them: a number of d + 1 places.
    i = data.draw(st.integers(0, len(figures)))
    off = float(Decimal(repr((*figures, total)[i])) + Decimal(5).scaleb(-d - 1))
    if i == len(figures):
        total = off
    else:
        figures[i] = off
    assert not pe.analysis.within_rounding(figures, total, d)


def test_float_noise_is_no_place_of_its_own() -> None:
    assert pe.analysis.within_rounding([0.1, 0.2], 0.1 + 0.2)  # 0.30000000000000004
    assert not pe.analysis.within_rounding([1.0, 1.0], 2.15)
    assert not pe.analysis.within_rounding([0.0, 0.0], 1e-12, 14)  # a hundred units off


def table(
    rows: list[tuple[int, float, float]],
    assigned: tuple[float, float],
    unassigned: tuple[float, float] | None = None,
) -> OutcomeTable:
    return OutcomeTable(
        key="t",
        title="t",
        measure=OutcomeMeasure.SHARE_OF_OFFENCES,
        period=Period(dt.date(2015, 7, 1), dt.date(2016, 6, 30)),
        rows=tuple(OutcomeTypeRow(outcome=n, label=str(n), value=f, england_and_wales=e) for n, f, e in rows),
        total_assigned=OutcomeTotal(label="assigned", value=assigned[0], england_and_wales=assigned[1]),
        not_yet_assigned=None
        if unassigned is None
        else OutcomeTotal(label="not yet", value=unassigned[0], england_and_wales=unassigned[1]),
    )


@st.composite
def true_shares(draw: st.DrawFn) -> list[float]:
    n = draw(st.integers(1, 12))
    weights = [draw(st.floats(0, 1)) for _ in range(n)]
    assigned = draw(st.floats(0, 100))
    s = math.fsum(weights) or 1.0
    return [w / s * assigned for w in weights]


@given(true_shares(), true_shares())
def test_tables_made_by_rounding_pass_every_check(force: list[float], ew: list[float]) -> None:
    n = min(len(force), len(ew))
    force, ew = force[:n], ew[:n]
    rows = [(i + 1, round(f, 1), round(e, 1)) for i, (f, e) in enumerate(zip(force, ew, strict=True))]
    fa, ea = math.fsum(force), math.fsum(ew)
    t = table(rows, (round(fa, 1), round(ea, 1)), (round(100 - fa, 1), round(100 - ea, 1)))
    checks = pe.analysis.check_table(t)
    assert checks
    assert all(c.ok for c in checks), [c.message for c in checks if not c.ok]


@given(true_shares(), st.floats(0.7, 20), st.booleans())
def test_a_total_that_is_off_is_flagged(shares: list[float], off: float, up: bool) -> None:
    rows = [(i + 1, round(f, 1), round(f, 1)) for i, f in enumerate(shares)]
    total = round(math.fsum(r[1] for r in rows), 1)
    tol = pe.analysis.rounding_tolerance(len(rows), 1)
    bad = total + (tol + off if up else -(tol + off))
    if not 0 <= bad <= 100:
        bad = total - (tol + off) if up else total + (tol + off)
    if not (0 <= bad <= 100 and total <= 100):
        return
    bad = round(bad, 1)  # a published figure, of the places checked
    t = table(rows, (bad, total))
    (force_total,) = [c for c in pe.analysis.check_table(t) if c.kind == "table_total" and c.side == "force"]
    assert not force_total.ok
    said = "rounded alike, and differ" if len(rows) == 1 else "more than the"
    assert said in force_total.message


@given(st.lists(st.floats(0, 12), min_size=2, max_size=8), st.data())
def test_a_swapped_row_is_found(values: list[float], data: st.DataObject) -> None:
    force = [round(v, 1) for v in values]
    ew = [round(v / 2 + 1, 1) for v in values]
    i = data.draw(st.integers(0, len(values) - 1))
    tol = pe.analysis.rounding_tolerance(len(values), 1)
    if abs(force[i] - ew[i]) <= 2 * tol:
        return
    rows = [(n + 1, f, e) for n, (f, e) in enumerate(zip(force, ew, strict=True))]
    assigned = (round(math.fsum(force), 1), round(math.fsum(ew), 1))
    rows[i] = (i + 1, ew[i], force[i])
    swapped = [c for c in pe.analysis.check_table(table(rows, assigned)) if c.kind == "swapped"]
    assert f"outcome {i + 1}" in {c.row for c in swapped}


def test_the_seed_figure_4_is_explained_by_rounding() -> None:
    report = pe.load_bundled().report("cumbria", 2016)
    checks = pe.analysis.check_report(report)
    assert all(c.ok for c in checks)
    force_total = next(
        c for c in checks if c.table == "figure_4" and c.kind == "table_total" and c.side == "force"
    )
    assert round(force_total.computed, 1) == 88.5
    assert force_total.published == 88.4
    assert force_total.tolerance == 0.5
    assert "88.5 against a published 88.4" in force_total.message
    assert "within the 0.5 that rounding 10 figures and their total to 1 decimal place can produce" in (
        force_total.message
    )
    ew_total = next(
        c
        for c in checks
        if c.table == "figure_4" and c.kind == "table_total" and c.side == "england_and_wales"
    )
    assert round(ew_total.computed, 1) == 91.1
    kinds = {(c.kind, c.side) for c in checks}
    assert ("group_sum", "force") in kinds
    assert ("table_sum", "england_and_wales") in kinds


def test_a_measurement_swapped_against_its_table_is_found() -> None:
    import attrs

    report = pe.load_bundled().report("cumbria", 2016)
    m = report.measurement("no_suspect_identified_share")
    swapped = attrs.evolve(m, value=m.england_and_wales, england_and_wales=m.value)
    bad = attrs.evolve(report, measurements=(swapped,))
    (check,) = [c for c in pe.analysis.check_report(bad) if c.kind == "swapped"]
    assert check.table == "no_suspect_identified_share"
    assert "outcome 18" in check.message
    # A figure of another measure with the same numbers is no swap: a crime
    # rate per 1,000 of 47.4 against 35.3 was said to be outcome 18's.
    rate = report.measurement("recorded_crime_rate")
    metric = attrs.evolve(rate.metric, period=m.metric.period)
    other = attrs.evolve(rate, metric=metric, value=m.england_and_wales, england_and_wales=m.value)
    assert not [
        c
        for c in pe.analysis.check_report(attrs.evolve(report, measurements=(other,)))
        if c.kind == "swapped"
    ]


def test_a_figure_is_no_swap_of_a_row_it_does_not_name() -> None:
    # 0.2 against 0.1 is outcome 4's (taken into consideration) the other
    # way round, and a share of crime with a repeat victim's by chance.
    import attrs

    report = pe.load_bundled().report("cumbria", 2016)
    m = report.measurement("vulnerable_victim_crime_share")
    metric = attrs.evolve(
        m.metric, key="repeat_victim_share", label="Share of recorded crime with a repeat victim"
    )
    other = attrs.evolve(m, metric=metric, value=0.2, england_and_wales=0.1)
    checked = pe.analysis.check_report(attrs.evolve(report, measurements=(*report.measurements, other)))
    assert [c for c in checked if c.kind == "swapped"] == []


def test_outcome_arithmetic_on_the_seed() -> None:
    t = pe.load_bundled().report("cumbria", 2016).outcome_table("figure_4")
    assert round(pe.analysis.assigned_total(t, "england_and_wales") or 0, 1) == 91.1
    sub = pe.analysis.group_subtotal(t.row("Evidential difficulties (victim does not support police action)"))  # type: ignore[arg-type]
    assert sub is not None
    assert round(sub, 1) == 14.6
    assert pe.analysis.group_subtotal(t.row("Prosecution prevented or not in the public interest")) is None  # type: ignore[arg-type]
    shares = pe.analysis.shares_of_assigned(t)
    assert round(shares[18], 1) == round(35.3 / 88.4 * 100, 1)


@given(st.floats(0, 100), decimals, st.integers(-3, 3))
def test_one_part_and_its_total_are_one_number_rounded_alike(x: float, d: int, units: int) -> None:
    part = round(x, d)
    total = round(part + units * 10.0**-d, d)
    assert pe.analysis.within_rounding([part], total, d) is (units == 0)
    assert pe.analysis.rounding_tolerance(1, d) == pe.analysis.rounding_tolerance(0, d) == 0


def test_the_tolerance_is_what_rounding_halves_to_even_can_reach() -> None:
    # Three halves each round down to 0 (to even), and their sum, 1.5, up to 2.
    assert [round(0.5)] * 3 == [0, 0, 0]
    assert round(1.5) == 2
    assert pe.analysis.rounding_tolerance(3, 0) == 2
    assert pe.analysis.within_rounding([0, 0, 0], 2, 0)
    assert not pe.analysis.within_rounding([0, 0, 0], 3, 0)


@given(st.lists(st.integers(0, 900), min_size=2, max_size=10), st.integers(0, 2), st.data())
def test_a_figure_of_more_places_than_asked_is_named_with_the_places_to_check_at(
    parts: list[int], d: int, data: st.DataObject
) -> None:
    # A table of d + 1 places checked at d: what fails is the places asked
    # for, not the arithmetic, and the message says which figure and how
    # many places to check at.
    figures = [units(p // 10 ** (2 - d), d) for p in parts]  # each under 9.01: a total within 100
    i = data.draw(st.integers(0, len(figures) - 1))
    figures[i] = float(Decimal(repr(figures[i])) + Decimal(1).scaleb(-d - 1))
    rows = [(n + 1, f, f) for n, f in enumerate(figures)]
    total = float(sum(Decimal(repr(f)) for f in figures))
    (check,) = [
        c
        for c in pe.analysis.check_table(table(rows, (total, total)), d)
        if c.kind == "table_total" and c.side == "force"
    ]
    assert not check.ok
    places = "place" if d + 1 == 1 else "places"
    assert f"{figures[i]:.{d + 1}f} has {d + 1} decimal {places}" in check.message
    assert f"check at {d + 1} decimal {places}" in check.message
    assert "rounding can explain" not in check.message
    assert "as published" not in check.message
    assert all(c.ok for c in pe.analysis.check_table(table(rows, (total, total)), d + 1))


def test_the_noise_allowed_is_less_than_a_unit_of_the_places_asked() -> None:
    assert not pe.analysis.within_rounding([1.5e-13], 1.5e-13, 13)
    assert not pe.analysis.within_rounding([2.5e-15, 0.0], 2.5e-15, 14)
    assert pe.analysis.within_rounding([2e-13], 2e-13, 13)


@given(st.lists(st.integers(0, 9), min_size=2, max_size=6), st.integers(0, 6), st.integers(-3, 3))
def test_a_message_states_its_figures_to_the_places_checked(parts: list[int], d: int, off: int) -> None:
    # At any places asked, the message gives the sum, the published figure
    # and the gap exactly, and says "as published" only where they agree.
    figures = [units(p, d) for p in parts]
    total = units(max(0, sum(parts) + off), d)
    rows = [(n + 1, f, f) for n, f in enumerate(figures)]
    (check,) = [
        c
        for c in pe.analysis.check_table(table(rows, (total, total)), d)
        if c.kind == "table_total" and c.side == "force"
    ]
    gap = abs(Decimal(sum(parts)) - Decimal(max(0, sum(parts) + off))).scaleb(-d)
    assert check.ok is (
        gap <= Decimal(pe.analysis.rounding_tolerance(len(parts), d)).quantize(Decimal(1).scaleb(-d))
    )
    if gap == 0:
        assert check.message.endswith(f"add up to {Decimal(sum(parts)).scaleb(-d):f}, as published")
    else:
        assert "as published" not in check.message
        assert (
            f"add up to {Decimal(sum(parts)).scaleb(-d):f} against a published {Decimal(max(0, sum(parts) + off)).scaleb(-d):f}"
            in check.message
        )
        assert f"the gap of {gap:f} is" in check.message


def test_a_float_with_binary_noise_is_named_as_the_figure_it_stands_for() -> None:
    rows = [(1, 0.15 + 0.3, 0.45), (2, 1.0, 1.0)]  # 0.44999999999999996, for 0.45
    (check,) = [c for c in pe.analysis.check_table(table(rows, (1.45, 1.45)), 1) if c.side == "force"]
    assert "0.45 has 2 decimal places, more than the 1 checked" in check.message
    assert "check at 2 decimal places" in check.message
    assert all(c.ok for c in pe.analysis.check_table(table(rows, (1.45, 1.45)), 2))


def test_a_whole_the_table_does_not_print_is_no_published_figure() -> None:
    rows = [(1, 50.0, 50.0), (2, 49.9, 49.9)]
    t = table(rows, (99.9, 99.9), (0.2, 0.2))
    (check,) = [c for c in pe.analysis.check_table(t) if c.kind == "table_sum" and c.side == "force"]
    assert "against the whole, 100 (the table prints no total)" in check.message
    assert "published 100" not in check.message
    assert "rounding 2 figures to 1 decimal place" in check.message


def test_figures_per_100_offences_are_not_added_up_to_a_total() -> None:
    import attrs

    t = attrs.evolve(
        table([(1, 60.0, 60.0), (2, 60.0, 60.0)], (90.0, 90.0)), measure=OutcomeMeasure.PER_100_OFFENCES
    )
    assert [c for c in pe.analysis.check_table(t) if c.kind == "table_total"] == []


def test_large_figures_with_more_places_are_not_taken_for_noise() -> None:
    assert not pe.analysis.within_rounding([1000000000.001, 0.0], 1e9, 2)
    assert not pe.analysis.within_rounding([50000000000.005, 0.0], 5e10, 1)


def test_the_places_advised_are_places_a_check_takes() -> None:
    # A figure with more places than any check takes is said to be so; the
    # places advised otherwise are ones the API and --decimals accept.
    most = pe.analysis.consistency.MOST_DECIMALS
    assert most == 100
    deep = 1.5e-101  # at 100 places, one standing for 102
    rows = [(1, deep, deep), (2, 1.0, 1.0)]
    (check,) = [c for c in pe.analysis.check_table(table(rows, (1.5, 1.5)), most) if c.side == "force"]
    assert f"it cannot be checked, as a check takes at most {most} places" in check.message
    assert "check at" not in check.message
    rows = [(1, 1.5e-14, 0.0), (2, 1.0, 1.0)]
    (check,) = [c for c in pe.analysis.check_table(table(rows, (1.5, 1.5)), 1) if c.side == "force"]
    assert "check at 15 decimal places" in check.message
    assert pe.analysis.check_table(table(rows, (1.5, 1.5)), most)
    with pytest.raises(pe.PeelDataError):
        pe.analysis.check_table(table(rows, (1.5, 1.5)), most + 1)


def test_a_figure_past_the_places_checked_is_named_with_more_places_than_them() -> None:
    # What is noise depends on the places: 2.5e-15 is noise beside 0 at no
    # places, but not at 14, where it was named "0 has 0 decimal places,
    # more than the 14 checked: check at 0 decimal places".
    rows = [(1, 2.5e-15, 2.5e-15), (2, 0.0, 0.0)]
    (check,) = [c for c in pe.analysis.check_table(table(rows, (2.5e-15, 2.5e-15)), 14) if c.side == "force"]
    assert not check.ok
    assert "0.0000000000000025 has 16 decimal places, more than the 14 checked" in check.message
    assert "check at 16 decimal places" in check.message


def test_the_command_line_takes_the_places_the_checks_take() -> None:
    most = pe.analysis.consistency.MOST_DECIMALS
    code, out, err = run("check", "--force", "cumbria", "--decimals", str(most))
    assert code in (0, 1), err  # checked (1: some problems found), not refused
    assert out
    code, _, err = run("check", "--force", "cumbria", "--decimals", str(most + 1))
    assert code == 2
    assert f"is not a whole number from 0 to {most}" in err


@pytest.mark.parametrize("decimals", [15, 16, 30, 100])
def test_a_message_at_many_places_writes_the_decimals_the_figures_stand_for(decimals: int) -> None:
    # At 16 places it read "add up to 4.1000000000000005 against a published
    # 4.0999999999999996: the gap of 0.0000000000000009 is within the
    # 0.0000000000000002", a float's noise, said ok beside a gap past its tolerance.
    rows = [(1, 1.1, 1.1), (2, 1.5, 1.5), (3, 1.5, 1.5)]
    (check,) = [c for c in pe.analysis.check_table(table(rows, (4.1, 4.1)), decimals) if c.side == "force"]
    assert check.ok
    zeros = "0" * (decimals - 1)
    assert check.message.endswith(f"add up to 4.1{zeros}, as published")
    (check,) = [c for c in pe.analysis.check_table(table(rows, (4.2, 4.2)), decimals) if c.side == "force"]
    assert not check.ok
    assert f"against a published 4.2{zeros}" in check.message
    assert f"the gap of 0.1{zeros} is more than" in check.message


def test_a_whole_the_table_does_not_print_is_never_said_to_be_published() -> None:
    rows = [(1, 50.0, 50.0), (2, 50.0, 50.0)]
    t = table(rows, (100.0, 100.0), (0.0, 0.0))
    sums = [c for c in pe.analysis.check_table(t) if c.kind == "table_sum" and c.side == "force"]
    assert sums
    assert all("as published" not in c.message for c in sums)
