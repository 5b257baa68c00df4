"""Property tests of the derived calculations."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import peel_effectiveness as pe

counts = st.just(0.0) | st.floats(1e-6, 1e9)
bases = st.floats(1e-3, 1e9)
pers = st.sampled_from([100, 1000, 1_000_000])
positive = st.floats(1e-3, 1e9)
changes = st.floats(-99, 1000)


def close(a: float, b: float, rel: float = 1e-9) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


@given(counts, bases, pers)
def test_rate_and_its_inverse_round_trip(count: float, base: float, per: int) -> None:
    r = pe.analysis.rate(count, base, per)
    assert close(pe.analysis.count_from_rate(r, base, per), count)
    if count > 0:
        assert close(pe.analysis.base_from_rate(count, r, per), base)


@given(counts, bases, st.floats(0, 1e3))
def test_rate_is_linear_in_the_count(count: float, base: float, k: float) -> None:
    assert close(pe.analysis.rate(count * k, base), k * pe.analysis.rate(count, base), rel=1e-9)


@given(counts, bases)
def test_per_million_is_a_thousand_times_per_thousand(count: float, base: float) -> None:
    assert close(pe.analysis.rate(count, base, 1_000_000), 1000 * pe.analysis.rate(count, base, 1000))


@given(st.floats(-1e9, -1e-300), bases)
def test_a_count_or_rate_below_nothing_is_refused_as_rate_s_inverse_refuses_it(
    negative: float, base: float
) -> None:
    # rate() took a negative count, and count_from_rate() a negative rate,
    # which base_from_rate() and the model's units refuse.
    an = pe.analysis
    for call, name in (
        (lambda: an.rate(negative, base), "count"),
        (lambda: an.count_from_rate(negative, base), "value"),
        (lambda: an.share(negative, base), "part"),
        (lambda: an.rate_change(negative, base, 1, base), "old_count"),
        (lambda: an.rate_change(1, base, negative, base), "new_count"),
        (lambda: an.national_rate({"a": negative, "b": 5}, {"a": base, "b": base}), "counts['a']"),
        (lambda: an.base_from_rate(negative, 1.0), "count"),
    ):
        with pytest.raises(pe.PeelDataError, match=re.escape(name)):
            call()


def test_a_figure_a_float_holds_is_found_whatever_its_steps() -> None:
    # A step past a float refused (or lost) a result a float holds.
    an = pe.analysis
    assert an.base_from_rate(1e300, 2511313403, 2511313403) == 1e300
    assert an.base_from_rate(1e-300, 1e-300, 1e-300) == 1e-300
    assert an.count_from_rate(5.5e-136, 1e-300, 1e-300) == 5.5e-136
    assert math.isclose(an.rate(1e300, 1e-10, 1e-300), 1e10)


def test_nothing_counted_is_zero_not_minus_zero() -> None:
    an = pe.analysis
    for result in (an.rate(-0.0, 5), an.share(-0.0, 4), an.count_from_rate(-0.0, 10)):
        assert math.copysign(1.0, result) == 1.0


def test_every_figure_of_forces_reads_exclude_alike() -> None:
    # A list in exclude was a TypeError to a ranking, and its text ("[1]")
    # to an England and Wales figure, which then left out a key "[1]".
    an = pe.analysis
    for call in (
        lambda: an.mean_of_rates({"[1]": 5.0, "b": 7.0}, exclude=[[1]]),
        lambda: an.national_rate({"[1]": 5.0, "b": 7.0}, {"[1]": 9.0, "b": 9.0}, exclude=[[1]]),
        lambda: an.rank({"[1]": 5.0, "b": 7.0}, exclude=[[1]]),
    ):
        with pytest.raises(TypeError, match=re.escape("exclude must be an iterable of")):
            call()


@pytest.mark.parametrize("base", [0, -1, math.nan, math.inf])
def test_rate_refuses_impossible_bases(base: float) -> None:
    with pytest.raises(ValueError, match="base"):
        pe.analysis.rate(1, base)


@given(positive, changes)
def test_percent_change_inverts_apply(old: float, change: float) -> None:
    assert math.isclose(
        pe.analysis.percent_change(old, pe.analysis.apply_percent_change(old, change)),
        change,
        rel_tol=1e-7,
        abs_tol=1e-7,
    )


moderate = st.floats(1, 1e6)


@given(moderate, moderate, moderate)
def test_chained_percent_changes_compose(a: float, b: float, c: float) -> None:
    direct = pe.analysis.percent_change(a, c)
    chained = pe.analysis.compose_percent_changes(
        [pe.analysis.percent_change(a, b), pe.analysis.percent_change(b, c)]
    )
    assert math.isclose(direct, chained, rel_tol=1e-7, abs_tol=1e-6)


@given(st.lists(changes, max_size=5))
def test_composing_with_no_change_is_identity(cs: list[float]) -> None:
    assert math.isclose(
        pe.analysis.compose_percent_changes([*cs, 0.0]),
        pe.analysis.compose_percent_changes(cs),
        rel_tol=1e-12,
        abs_tol=1e-12,
    )


@given(positive)
def test_no_change_is_zero(x: float) -> None:
    assert pe.analysis.percent_change(x, x) == 0


def test_percent_change_from_zero_is_undefined() -> None:
    with pytest.raises(ValueError, match="undefined"):
        pe.analysis.percent_change(0, 5)


@given(st.floats(0, 100), st.floats(0, 100))
def test_percentage_points_are_antisymmetric(a: float, b: float) -> None:
    assert pe.analysis.percentage_point_change(a, b) == -pe.analysis.percentage_point_change(b, a)


@given(positive, bases, positive, bases)
def test_rate_change_is_the_change_of_the_rates(c1: float, b1: float, c2: float, b2: float) -> None:
    assert close(
        pe.analysis.rate_change(c1, b1, c2, b2),
        pe.analysis.percent_change(pe.analysis.rate(c1, b1), pe.analysis.rate(c2, b2)),
        rel=1e-9,
    )


force_ids = st.sampled_from([f.id for f in pe.forces()])


@st.composite
def force_data(draw: st.DrawFn) -> tuple[dict[str, float], dict[str, float]]:
    ids = draw(st.lists(force_ids, min_size=1, max_size=43, unique=True))
    # No subnormal count: a rate of one is too small to represent (refused).
    c = {i: draw(st.floats(0, 1e6, allow_subnormal=False)) for i in ids}
    b = {i: draw(st.floats(1, 1e7)) for i in ids}
    return c, b


@given(force_data())
def test_weighted_national_rate_is_total_count_over_total_base(
    data: tuple[dict[str, float], dict[str, float]],
) -> None:
    c, b = data
    f = pe.analysis.national_rate(c, b)
    assert close(f.value, math.fsum(c.values()) / math.fsum(b.values()) * 1000, rel=1e-9)
    assert f.method == "aggregate"
    assert set(f.included) == set(c)
    rates = [pe.analysis.rate(c[k], b[k]) for k in c]
    assert min(rates) * (1 - 1e-9) - 1e-9 <= f.value <= max(rates) * (1 + 1e-9) + 1e-9


@given(force_data(), st.data())
def test_exclusion_is_the_same_as_leaving_out(
    data: tuple[dict[str, float], dict[str, float]], d: st.DataObject
) -> None:
    c, b = data
    assume(len(c) >= 2)
    out = d.draw(st.sampled_from(sorted(c)))
    excluded = pe.analysis.national_rate(c, b, exclude=[out])
    left_out = pe.analysis.national_rate(
        {k: v for k, v in c.items() if k != out}, {k: v for k, v in b.items() if k != out}
    )
    assert excluded.value == left_out.value
    assert excluded.excluded == (out,)


@given(force_data())
def test_forces_without_data_are_reported_missing(data: tuple[dict[str, float], dict[str, float]]) -> None:
    c, b = data
    with_gap: dict[str, float | None] = {**c, "dorset": None}
    b2 = {**b, "dorset": 1000.0}
    if "dorset" in c:
        return
    f = pe.analysis.national_rate(with_gap, b2)
    assert f.missing == ("dorset",)
    assert f.value == pe.analysis.national_rate(c, b).value


@given(st.dictionaries(force_ids, st.floats(0, 100), min_size=1))
def test_mean_of_rates_is_the_simple_mean(rates: dict[str, float]) -> None:
    f = pe.analysis.mean_of_rates(rates)
    assert close(f.value, math.fsum(rates.values()) / len(rates), rel=1e-12)
    assert min(rates.values()) - 1e-9 <= f.value <= max(rates.values()) + 1e-9


@given(st.dictionaries(force_ids, st.floats(0, 1e6, allow_subnormal=False), min_size=1), st.floats(1, 1e6))
def test_equal_bases_make_both_methods_agree(counts: dict[str, float], base: float) -> None:
    weighted = pe.analysis.national_rate(counts, dict.fromkeys(counts, base))
    mean = pe.analysis.mean_of_rates({k: pe.analysis.rate(v, base) for k, v in counts.items()})
    assert math.isclose(weighted.value, mean.value, rel_tol=1e-9, abs_tol=1e-9)


def test_named_exclusions_accept_force_names() -> None:
    f = pe.analysis.national_rate(
        {"Dorset": 5, "Cumbria": 10}, {"dorset": 100, "cumbria": 100}, per=100, exclude=["Dorset Police"]
    )
    assert (f.value, f.included, f.excluded) == (10.0, ("cumbria",), ("dorset",))


def test_no_force_left_is_an_error() -> None:
    with pytest.raises(ValueError, match="no force"):
        pe.analysis.mean_of_rates({"cumbria": None})


@given(st.lists(moderate, min_size=6, max_size=10))
def test_five_years_of_changes_compose(vals: list[float]) -> None:
    series = {2011 + i: v for i, v in enumerate(vals)}
    latest = max(series)
    yearly = [pe.analysis.change_over_years(series, 1, y) for y in range(latest - 4, latest + 1)]
    assert math.isclose(
        pe.analysis.compose_percent_changes(yearly),
        pe.analysis.change_over_years(series, 5),
        rel_tol=1e-7,
        abs_tol=1e-6,
    )
    assert pe.analysis.change_over_years(series, 5) == pe.analysis.percent_change(
        series[latest - 5], series[latest]
    )


def test_change_over_years_needs_both_ends() -> None:
    with pytest.raises(ValueError, match="no value for 2012"):
        pe.analysis.change_over_years({2016: 1.0, 2015: 2.0}, 4)


def test_2016_exclusions_name_real_forces() -> None:
    for forces in pe.analysis.EXCLUSIONS_2016.values():
        assert all(pe.find_force(f).id == f for f in forces)
    assert pe.analysis.EXCLUSIONS_2016["figure_4"] == ("dorset",)
    f = pe.analysis.national_rate(
        {"dorset": 1, "cumbria": 2},
        {"dorset": 10, "cumbria": 10},
        exclude=pe.analysis.EXCLUSIONS_2016["figure_4"],
    )
    assert f.excluded == ("dorset",)


def test_2016_exclusions_are_keyed_by_the_figures_the_data_hold() -> None:
    # Each key is a metric of the bundled 2016 report, or one of its outcome
    # tables, or a figure the data do not hold (Figure 10): a key of any
    # other name would leave nobody out of a ranking.
    report = pe.load_bundled().report("cumbria", 2016)
    held = {m.key for m in report.measurements} | {t.key for t in report.outcome_tables}
    assert set(pe.analysis.EXCLUSIONS_2016) - held == {"figure_10"}
    # Dorset is left out of the crime outcomes figures (Figures 4 and 5,
    # Annex A), and of nothing else.
    outcomes = {m.key for m in report.measurements if re.search(r"Figure [45]\b", m.note or "")}
    assert len(outcomes) == 3
    without_dorset = {k for k, v in pe.analysis.EXCLUSIONS_2016.items() if v == ("dorset",)}
    assert without_dorset == outcomes | {"figure_4"}


def test_a_2016_ranking_of_an_outcome_figure_leaves_dorset_out() -> None:
    forces = ["dorset", "kent", "essex", "surrey", "cumbria", "durham", "suffolk"]
    text = "".join(
        f"- force: {f}\n  cycle: 2016\n  measurements:\n"
        f"  - {{metric: charged_summonsed_share, label: Charged, unit: percent, value: {40 - i}}}\n"
        for i, f in enumerate(forces)
    )
    ranking = pe.rank_forces(pe.loads(text), "charged_summonsed_share", 2016)
    dorset = next(f for f in ranking.forces if f.force.id == "dorset")
    assert dorset.rank is None
    assert dorset.band is None
    assert [f.rank for f in ranking.forces if f.force.id == "kent"] == [1]


def _figures(*rows: tuple[str, str | None, float]) -> pe.Dataset:
    """Reports of 2016 with one figure ocg_rate each row: force, period, value
    (a force named twice has two figures in its one report)."""
    by_force: dict[str, list[str]] = {}
    for force, period, value in rows:
        when = "" if period is None else f", period: {period}"
        by_force.setdefault(force, []).append(
            f"  - {{metric: ocg_rate, label: OCGs, unit: per_million_population{when}, value: {value}}}\n"
        )
    return pe.loads(
        "".join(f"- force: {f}\n  cycle: 2016\n  measurements:\n" + "".join(m) for f, m in by_force.items())
    )


JUNE, MARCH = "12 months to 30 June 2016", "12 months to 31 March 2015"


def test_a_ranking_never_mixes_the_periods_of_a_figure() -> None:
    # A force's figure for another period is never ranked against the
    # others', whatever order the file gives them in.
    rows = [(f, JUNE, 10.0 + i) for i, f in enumerate(["kent", "essex", "durham", "surrey", "suffolk"])]
    data = _figures(*rows, ("kent", MARCH, 999.0))
    with pytest.raises(
        pe.PeelDataError, match=r"more than one period \(12 months to 30 June 2016: 5 forces; "
    ):
        pe.rank_forces(data, "ocg_rate", 2016)
    ranking = pe.rank_forces(data, "ocg_rate", 2016, period=JUNE)
    assert [(f.force.id, f.value) for f in ranking.ranked][-1] == ("kent", 10.0)
    assert ranking.measurement.metric.period == pe.Period.parse(JUNE)
    one = pe.rank_forces(data, "ocg_rate", 2016, period=pe.Period.parse(MARCH), min_forces=1)
    assert [(f.force.id, f.value) for f in one.forces] == [("kent", 999.0)]
    with pytest.raises(
        pe.NotFoundError, match="no figure ocg_rate in 2016 is for 12 months to 31 March 2011"
    ):
        pe.rank_forces(data, "ocg_rate", 2016, period="12 months to 31 March 2011")
    # A figure without a period is a period of its own.
    with pytest.raises(pe.PeelDataError, match="no period: 1 force"):
        pe.rank_forces(_figures(*rows, ("norfolk", None, 1.0)), "ocg_rate", 2016)


def test_a_ranking_never_mixes_measures_under_one_key() -> None:
    # A key's figures in another unit, base or baseline are not comparable:
    # refused, as figures of two periods are, whichever force has them.
    def data(*units: str) -> pe.Dataset:
        return pe.loads(
            "".join(
                f"- force: {f}\n  cycle: 2016\n  measurements:\n"
                f"  - {{metric: m, label: M, {u}, period: {JUNE}, value: {i + 1}}}\n"
                for i, (f, u) in enumerate(
                    zip(["kent", "essex", "durham", "surrey", "suffolk"], units, strict=True)
                )
            )
        )

    same = "unit: per_1000_population"
    assert len(pe.rank_forces(data(*[same] * 5), "m", 2016).ranked) == 5
    for other, shown in [
        ("unit: percent", "percent: 1 force"),
        ("unit: per_100, base: arrests", "per 100 arrests: 1 force"),
        ("unit: per_1000_households", "per 1,000 households: 1 force"),
    ]:
        with pytest.raises(pe.PeelDataError, match=f"m in 2016 is in more than one measure .*{shown}"):
            pe.rank_forces(data(*[same] * 4, other), "m", 2016)
    year, five = (f"unit: percent_change, baseline: 12 months to 30 June {y}" for y in (2015, 2011))
    with pytest.raises(pe.PeelDataError, match="percent change since 12 months to 30 June 2011: 1 force"):
        pe.rank_forces(data(*[year] * 4, five), "m", 2016)
    one, other = (
        data(year, year, year, year, five).for_force("kent")[0],
        data(five, year, year, year, year).for_force("kent")[0],
    )
    assert pe.analysis.side_by_side(one, other) == ()
    assert len(pe.analysis.side_by_side(one, one)) == 1
    # Case and spacing aside, a base is one base.
    ocgs = data(*["unit: per_100, base: OCGs"] * 5).for_force("kent")[0]
    lower = data(*["unit: per_100, base: ocgs "] * 5)
    others = [r for r in lower if r.force.id != "kent"]
    assert len(pe.rank_forces(pe.Dataset([*others, ocgs]), "m", 2016).ranked) == 5
    # A force left out is shown with its figure of the ranked measure only.
    mixed = data(*[same] * 4, "unit: percent")
    ranked = pe.rank_forces(mixed, "m", 2016, exclude=["suffolk"], min_forces=4)
    assert [f.force.id for f in ranked.forces if f.excluded] == []
    # A change for two periods has a baseline each: the periods are named, and period= says which.
    two = pe.loads(
        "".join(
            f"- force: {f}\n  cycle: 2016\n  measurements:\n"
            f"  - {{metric: c, label: C, unit: percent_change, period: {JUNE}, baseline: 12 months to 30 June 2015, value: 1}}\n"
            f"  - {{metric: c, label: C, unit: percent_change, period: 12 months to 30 June 2015, baseline: 12 months to 30 June 2014, value: 2}}\n"
            for f in ["kent", "essex", "durham", "surrey", "suffolk"]
        )
    )
    with pytest.raises(pe.PeelDataError, match="is given for more than one period"):
        pe.rank_forces(two, "c", 2016)
    assert len(pe.rank_forces(two, "c", 2016, period=JUNE).ranked) == 5


def test_a_force_with_two_different_figures_for_one_period_is_refused() -> None:
    rows = [(f, JUNE, 10.0 + i) for i, f in enumerate(["kent", "essex", "durham", "surrey", "suffolk"])]
    data = _figures(*rows)
    assert len(pe.rank_forces(data, "ocg_rate", 2016).forces) == 5

    def pillars(first: int, second: int) -> pe.Dataset:
        return pe.loads(
            "".join(
                f"- force: kent\n  cycle: 2017\n  pillar: {p}\n  measurements:\n"
                f"  - {{metric: ocg_rate, label: OCGs, unit: per_million_population, period: {JUNE}, value: {v}}}\n"
                for p, v in (("effectiveness", first), ("efficiency", second))
            )
        )

    with pytest.raises(pe.PeelDataError, match=r"Kent has two figures ocg_rate in 2017 \(3 and 4\)"):
        pe.rank_forces(pillars(3, 4), "ocg_rate", 2017, min_forces=1)
    # The same figure in the force's reports on two pillars is one figure.
    same = pe.rank_forces(pillars(3, 3), "ocg_rate", 2017, min_forces=1)
    assert [(f.force.id, f.value) for f in same.forces] == [("kent", 3.0)]


@pytest.mark.parametrize("base", [0, -50, -0.0])
def test_a_national_rate_refuses_a_force_whose_base_is_not_positive(base: float) -> None:
    # The total alone would pass: 100 + 0 is positive, and b's count would
    # be counted against no population.
    with pytest.raises(pe.PeelDataError, match=r"bases\['b'\] must be positive"):
        pe.analysis.national_rate({"a": 1, "b": 2}, {"a": 100, "b": base})


def test_a_force_left_out_never_blocks_a_ranking() -> None:
    # Its figure of another period, or two figures of its own that differ,
    # say nothing of the forces ranked; it is shown with its figure of the
    # ranked period where it has one.
    rows = [(f, JUNE, 10.0 + i) for i, f in enumerate(["kent", "essex", "durham", "surrey", "suffolk"])]
    other_period = _figures(*rows, ("norfolk", MARCH, 5.0))
    r = pe.rank_forces(other_period, "ocg_rate", 2016, exclude=["norfolk"])
    assert [f.force.id for f in r.forces if f.excluded] == []
    two = _figures(*rows, ("norfolk", JUNE, 5.0), ("norfolk", MARCH, 6.0))
    r = pe.rank_forces(two, "ocg_rate", 2016, exclude=["norfolk"])
    assert [(f.force.id, f.value) for f in r.forces if f.excluded] == [("norfolk", 5.0)]
    assert len(r.ranked) == 5


def test_messages_show_every_digit_of_a_figure() -> None:
    pillars = pe.loads(
        "".join(
            f"- force: kent\n  cycle: 2017\n  pillar: {p}\n  measurements:\n"
            f"  - {{metric: ocg_rate, label: OCGs, unit: per_million_population, value: {v}}}\n"
            for p, v in (("effectiveness", 1234567), ("efficiency", 1234568))
        )
    )
    with pytest.raises(pe.PeelDataError, match=r"\(1234567 and 1234568\)"):
        pe.rank_forces(pillars, "ocg_rate", 2017, min_forces=1)
    with pytest.raises(pe.PeelDataError, match=r"-12345678901\.5 is not"):
        pe.loads(
            "force: kent\ncycle: 2016\nmeasurements: [{metric: m, label: M, unit: percent, value: -12345678901.5}]"
        )


def test_a_ranking_of_forces_all_left_out_is_of_one_period() -> None:
    data = _figures(("kent", JUNE, 3.0), ("city-of-london", MARCH, 9.0))
    with pytest.raises(pe.PeelDataError, match="more than one period"):
        pe.rank_forces(data, "ocg_rate", 2016, exclude=["kent", "city-of-london"], min_forces=0)
    r = pe.rank_forces(data, "ocg_rate", 2016, exclude=["kent", "city-of-london"], min_forces=0, period=JUNE)
    assert [(f.force.id, f.excluded) for f in r.forces] == [("kent", True)]


def test_two_keys_naming_one_force_are_refused_not_merged() -> None:
    from peel_effectiveness.analysis import mean_of_rates, national_rate

    for call in (
        lambda: mean_of_rates({"Cumbria": 10.0, "cumbria": 20.0}),
        lambda: mean_of_rates({"Cumbria": 10.0, "cumbria": None}),
        lambda: national_rate({"Dorset": 5, "dorset": 7}, {"dorset": 1000}),
        lambda: national_rate({"dorset": 5}, {pe.find_force("dorset"): 1000, "Dorset Police": 900}),
    ):
        with pytest.raises(pe.PeelDataError, match="twice"):
            call()
    assert mean_of_rates({"Cumbria": 10.0, "durham": 20.0}).included == ("cumbria", "durham")


def test_a_result_that_fits_is_given_though_a_step_to_it_would_not() -> None:
    from peel_effectiveness.analysis import mean_of_rates, percent_change

    assert mean_of_rates({"a": 1e308, "b": 1e308}).value == 1e308
    assert pe.analysis.national_rate({"a": 1e308, "b": 1e308}, {"a": 1e308, "b": 1e308}).value == 1000.0
    assert pe.analysis.count_from_rate(1e308, 1e10, per=1e10) == 1e308
    assert percent_change(-1e308, 1e308) == 200.0
    assert percent_change(1e308, -1e308) == -200.0
    with pytest.raises(pe.PeelDataError, match="too large"):
        percent_change(1e-300, 1e308)


@pytest.mark.parametrize(
    ("parts", "decimals", "tolerance"),
    [
        (2, 0, 1.0),
        (10, 1, 0.5),
        (3, 2, 0.02),
        (2, 14, 1e-14),
        (3, 20, 2e-20),
        (11, 100, 6e-100),
        (10**9 - 1, 13, 5e-05),
    ],
)
def test_the_rounding_tolerance_is_exact_at_every_number_of_places(
    parts: int, decimals: int, tolerance: float
) -> None:
    # Half a unit in the last place for each part and the total, in whole
    # units: it was rounded to 12 places, and so 0 from 14.
    from peel_effectiveness.analysis import rounding_tolerance

    assert rounding_tolerance(parts, decimals) == tolerance


def test_ordinal_ties_follow_the_keys_sort_order() -> None:
    from peel_effectiveness.analysis import rank

    assert rank({"z'": 1.0, "a": 1.0}, "ordinal") == {"a": 1, "z'": 2}
    assert rank({10: 1.0, 9: 1.0}, "ordinal") == {9: 1, 10: 2}
    kent, durham = pe.find_force("kent"), pe.find_force("durham")
    assert rank({kent: 1.0, durham: 1.0}, "ordinal") == {durham: 1, kent: 2}


def test_each_message_names_the_argument_given() -> None:
    from peel_effectiveness.analysis import rate_change, share

    with pytest.raises(pe.PeelDataError, match=r"^whole must be positive"):
        share(5, 0)
    with pytest.raises(TypeError, match=r"^part must be a number"):
        share(None, 1)  # type: ignore[arg-type]
    with pytest.raises(pe.PeelDataError, match=r"^old_base must be positive"):
        rate_change(1, 0, 1, 1)
    with pytest.raises(pe.PeelDataError, match=r"^new_base must be positive"):
        rate_change(1, 1, 1, -1)


def _two_rows(
    force: tuple[float, float], ew: tuple[float, float], total: float | None = None
) -> pe.OutcomeTable:
    """A table of shares of offences with two outcome rows."""
    return pe.OutcomeTable(
        key="t",
        title="T",
        measure="share_of_offences",
        period=JUNE,
        rows=tuple(
            pe.OutcomeTypeRow(outcome=n, label=label, value=v, england_and_wales=e)
            for n, label, v, e in zip((1, 2), "ab", force, ew, strict=True)
        ),
        total_assigned=None if total is None else pe.OutcomeTotal(label="total", value=total),
    )


def test_shares_of_assigned_sum_the_rows_where_a_side_has_no_published_total() -> None:
    from peel_effectiveness.analysis import assigned_total, shares_of_assigned

    table = _two_rows((20.0, 60.0), (30.0, 10.0), total=80.0)
    assert assigned_total(table, "england_and_wales") == 40.0
    assert shares_of_assigned(table, "england_and_wales") == {1: 75.0, 2: 25.0}
    assert shares_of_assigned(table) == {1: 25.0, 2: 75.0}


@pytest.mark.parametrize("name", ["assigned_total", "shares_of_assigned"])
def test_a_table_of_outcomes_per_100_offences_has_no_assigned_total(name: str) -> None:
    # Figure 8's rows are outcomes per 100 offences, not linked to the
    # offences: they do not partition them, and their sum is no total.
    from peel_effectiveness import analysis
    from peel_effectiveness.model import OutcomeMeasure

    table = pe.load_bundled().report("cumbria", 2016).outcome_table("figure_8")
    assert table.measure is OutcomeMeasure.PER_100_OFFENCES
    with pytest.raises(pe.PeelDataError, match=r"^figure_8 measures outcomes per 100 offences"):
        getattr(analysis, name)(table)


def test_the_inverses_of_rate_keep_its_positive_base() -> None:
    # They gave a negative or zero base, and a count from one, where rate()
    # refuses any base that is not positive.
    from peel_effectiveness.analysis import base_from_rate, count_from_rate

    for call, argument in [
        (lambda: count_from_rate(5, -10), "base"),
        (lambda: count_from_rate(5, 0), "base"),
        (lambda: base_from_rate(-5, 10), "count"),
        (lambda: base_from_rate(0, 10), "count"),
    ]:
        with pytest.raises(pe.PeelDataError, match=f"^{argument} must be positive"):
            call()
    # Nor one too small to hold, which came out as 0.0.
    with pytest.raises(pe.PeelDataError, match=r"^the base is too small to represent"):
        base_from_rate(1e-308, 1e308, 1)


@pytest.mark.parametrize("changes", [[-150, -150], [-200, -200], [10, -100, 5], [-100.5]])
def test_composed_changes_refuse_one_that_takes_the_figure_to_zero_or_below(changes: list[float]) -> None:
    # [-150, -150] gave -75.0, and [-200, -200] 0.0: a figure that stays
    # above zero cannot fall by more than 100 percent, nor change after it
    # has fallen by 100.
    from peel_effectiveness.analysis import compose_percent_changes

    i = next(i for i, c in enumerate(changes) if c <= -100)
    with pytest.raises(pe.PeelDataError, match=rf"^changes\[{i}\] is {changes[i]}"):
        compose_percent_changes(changes)


def test_a_fall_of_100_percent_may_be_the_last_change() -> None:
    from peel_effectiveness.analysis import compose_percent_changes

    assert compose_percent_changes([10, -100]) == -100.0
    assert compose_percent_changes([-100]) == -100.0


def test_a_coverage_counts_a_reason_for_no_grade_given_in_words_and_refuses_anything_else() -> None:
    # count("ungraded") gave 0 where count(NoGrade.UNGRADED) gave 1, and
    # count(None) or count("nonsense") 0: quietly wrong.
    from peel_effectiveness.analysis import coverage

    c = next(c for c in coverage(pe.load_bundled(), 2016) if c.question == "q5_specialist")
    assert (
        c.count(pe.NoGrade.UNGRADED) == c.count("ungraded") == c.count("Ungraded") == 43
    )  # by the framework
    assert c.count("not graded") == 0
    with pytest.raises(
        pe.PeelDataError, match=r"^reason: 'ungradd' is not a reason for no grade .*did you mean"
    ):
        c.count("ungradd")
    with pytest.raises(pe.PeelDataError, match=r"counted in graded\)$"):
        c.count("Requires_improvement")
    with pytest.raises(TypeError, match=r"^reason must be a NoGrade or text naming one"):
        c.count(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["rank", "bands"])
def test_a_ranking_refuses_a_force_named_twice_as_mean_of_rates_does(name: str) -> None:
    # rank gave Kent two ranks, and bands put "Kent" lowest and "kent"
    # highest, counting a force too many for the quartiles.
    from peel_effectiveness import analysis

    kent = pe.find_force("kent")
    values = {"Kent": 1.0, "durham": 2.0, "essex": 3.0, kent: 5.0}
    said = r"names 'kent' twice \('Kent' and the Force kent\): give one figure a force$"
    with pytest.raises(pe.PeelDataError, match=rf"^values {said}"):
        getattr(analysis, name)(values)
    with pytest.raises(pe.PeelDataError, match=rf"^rates {said}"):
        analysis.mean_of_rates(values)


def test_mean_of_rates_refuses_two_keys_it_reads_as_one() -> None:
    # {1: 5.0, "1": 7.0} gave 7.0, the 5.0 dropped: the keys are read as text.
    from peel_effectiveness.analysis import mean_of_rates

    with pytest.raises(pe.PeelDataError, match=r"^rates names '1' twice \(1 and '1'\)"):
        mean_of_rates({1: 5.0, "1": 7.0})


@given(st.floats(-1e300, 1e300, allow_nan=False), st.integers(1, 43), st.randoms())
def test_the_mean_of_equal_rates_is_that_rate_and_of_any_is_rounded_once(
    x: float, n: int, rnd: object
) -> None:
    forces = [f.id for f in pe.forces()][:n]
    assert pe.analysis.mean_of_rates(dict.fromkeys(forces, x)).value == x
    # Of any rates, in any order: the float nearest the exact mean of the
    # figures as written (the shortest decimal that is each float).
    values = [x * (i + 1) / 7 for i in range(n)]
    rnd.shuffle(values)  # type: ignore[attr-defined]
    exact = sum((Fraction(Decimal(repr(v))) for v in values), Fraction(0)) / n
    mean = pe.analysis.mean_of_rates(dict(zip(forces, values, strict=True))).value
    gap = abs(Fraction(mean) - exact)
    assert all(gap <= abs(Fraction(math.nextafter(mean, way)) - exact) for way in (-math.inf, math.inf))


@pytest.mark.parametrize(
    "outside",
    [
        "British Transport Police",
        "BTP",
        "Police Scotland",
        "psni",
        # Not named as outside PEEL before: each was counted among the 43.
        "British Transport Police (BTP)",
        "Isle of Man Constabulary",
        "States of Jersey Police",
        "Guernsey Police",
        "National Crime Agency",
    ],
)
def test_england_and_wales_figures_leave_out_a_force_outside_peel(outside: str) -> None:
    # Annex A: "any aggregated totals for England and Wales exclude British
    # Transport Police"; a key naming it was counted as any other label.
    f = pe.analysis.national_rate({outside: 100, "kent": 1}, {outside: 100, "kent": 100})
    assert (f.value, f.included, f.excluded) == (10.0, ("kent",), (outside,))
    f = pe.analysis.mean_of_rates({outside: 100.0, "Kent": 10.0})
    assert (f.value, f.included, f.excluded) == (10.0, ("kent",), (outside,))
    with pytest.raises(pe.PeelDataError, match="no force has a value"):
        pe.analysis.mean_of_rates({outside: 100.0})


def test_a_national_rate_says_what_its_bases_leave_out_by_name() -> None:
    # A force excluded with a base and no count was in neither list.
    f = pe.analysis.national_rate({"kent": 1}, {"kent": 10, "dorset": 5}, exclude=["dorset"])
    assert (f.included, f.excluded, f.missing) == (("kent",), ("dorset",), ())


@pytest.mark.parametrize(
    "call",
    [
        lambda: pe.analysis.rate(1e-300, 1e300),
        lambda: pe.analysis.count_from_rate(1e-300, 1e-300, per=1e300),
        lambda: pe.analysis.share(1e-300, 1e300),
        lambda: pe.analysis.base_from_rate(1e-300, 1e300),
    ],
)
def test_a_positive_result_too_small_to_represent_is_refused_not_zero(call: object) -> None:
    # rate(1e-300, 1e300) was 0.0: a count of something at a rate of none.
    with pytest.raises(pe.PeelDataError, match="too small to represent"):
        call()  # type: ignore[operator]
    assert pe.analysis.rate(0, 1e300) == 0.0


def test_a_percent_change_applied_is_found_where_a_float_holds_it() -> None:
    # abs(old) * change went past a float before the division by 100.
    old, new = -2.75e299, -1.797e308
    assert math.isclose(pe.analysis.apply_percent_change(old, pe.analysis.percent_change(old, new)), new)
    with pytest.raises(pe.PeelDataError, match="too large"):
        pe.analysis.apply_percent_change(1e308, 1e3)


def test_a_force_of_your_own_outside_peel_is_left_out_of_england_and_wales_figures_as_its_name_is() -> None:
    btp = pe.Force(
        id="bts", official_name="British Transport Police", short_name="BTP",
        gss_code="E23000099", region="National", country="England",
    )  # fmt: skip
    f = pe.analysis.national_rate({btp: 100, "kent": 1}, {btp: 100, "kent": 100})
    assert (f.value, f.included, f.excluded) == (10.0, ("kent",), ("bts",))
    mine = pe.Force(
        id="zed", official_name="Zed Police", short_name="Zed",
        gss_code="E23000098", region="South", country="England",
    )  # fmt: skip
    assert pe.analysis.mean_of_rates({mine: 20.0, "kent": 10.0}).included == ("kent", "zed")


# Figures as reports print them: a few decimal places, a dozen digits at most.
printed = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@pytest.mark.parametrize(
    ("worked", "paper"),
    [
        (lambda: pe.analysis.share(92, 320), 28.75),  # was 28.749999999999996, which rounds to 28.7
        (lambda: pe.analysis.rate(4109339, 497800, per=100), 825.5),
        (lambda: pe.analysis.percent_change(62.4, 58.5), -6.25),
        (lambda: pe.analysis.percent_change(100, 97.4), -2.6),
        (lambda: pe.analysis.percentage_point_change(62.4, 58.5), -3.9),
        (lambda: pe.analysis.compose_percent_changes([-63.75]), -63.75),
        (lambda: pe.analysis.compose_percent_changes([1e-10]), 1e-10),
        (lambda: pe.analysis.apply_percent_change(62.4, -6.25), 58.5),
        (lambda: pe.compare(1.8, 1.9).difference, -0.1),  # Cumbria's sexual offences against E&W
        (lambda: pe.analysis.rate_change(1000, 100_000, 680, 100_000), -32.0),
    ],
)
def test_a_calculation_on_printed_figures_is_the_one_on_paper(worked: object, paper: float) -> None:
    assert worked() == paper  # type: ignore[operator]


@given(printed.filter(bool), printed)
def test_a_percent_change_of_printed_figures_is_rounded_once(old: Decimal, new: Decimal) -> None:
    # Worked out on the decimals, then rounded to the nearest float, once.
    exact = (Fraction(new) - Fraction(old)) / abs(Fraction(old)) * 100
    assert pe.analysis.percent_change(float(old), float(new)) == float(exact)
    assert pe.analysis.percentage_point_change(float(old), float(new)) == float(Fraction(new) - Fraction(old))


@given(printed.filter(lambda d: d >= 0), printed.filter(lambda d: d > 0), pers)
def test_a_rate_of_printed_figures_is_rounded_once(count: Decimal, base: Decimal, per: int) -> None:
    assert pe.analysis.rate(float(count), float(base), per) == float(Fraction(count) * per / Fraction(base))


def test_an_outcome_table_s_sums_and_shares_are_the_ones_on_paper() -> None:
    # 0.1 and 0.2 summed to 0.30000000000000004; 0.1 of 0.8 (0.7 and 0.1)
    # was 12.500000000000004 percent.
    from peel_effectiveness.analysis import assigned_total, shares_of_assigned

    table = _two_rows((0.1, 0.2), (0.7, 0.1))
    assert assigned_total(table) == 0.3
    assert assigned_total(table, "england_and_wales") == 0.8
    assert shares_of_assigned(table, "england_and_wales") == {1: 87.5, 2: 12.5}


@given(
    st.lists(
        st.tuples(printed.filter(lambda d: d >= 0), printed.filter(lambda d: d > 0)), min_size=1, max_size=8
    ),
    pers,
)
def test_a_national_rate_of_printed_figures_is_rounded_once(
    forces: list[tuple[Decimal, Decimal]], per: int
) -> None:
    counts = {f"f{i}": float(c) for i, (c, _) in enumerate(forces)}
    bases = {f"f{i}": float(b) for i, (_, b) in enumerate(forces)}
    exact = sum(Fraction(c) for c, _ in forces) * per / sum(Fraction(b) for _, b in forces)
    assert pe.analysis.national_rate(counts, bases, per).value == float(exact)


@given(
    printed.filter(lambda d: d > 0),
    printed.filter(lambda d: d > 0),
    printed.filter(lambda d: d >= 0),
    printed.filter(lambda d: d > 0),
)
def test_a_rate_change_of_printed_figures_is_rounded_once(
    c1: Decimal, b1: Decimal, c2: Decimal, b2: Decimal
) -> None:
    before, after = Fraction(c1) / Fraction(b1), Fraction(c2) / Fraction(b2)
    found = pe.analysis.rate_change(float(c1), float(b1), float(c2), float(b2))
    assert found == float((after - before) / before * 100)


@given(printed, printed.filter(lambda d: d >= -100))
def test_a_change_applied_and_composed_of_printed_figures_is_rounded_once(
    old: Decimal, change: Decimal
) -> None:
    exact = Fraction(old) + abs(Fraction(old)) * Fraction(change) / 100
    assert pe.analysis.apply_percent_change(float(old), float(change)) == float(exact)
    assert pe.analysis.compose_percent_changes([float(change)]) == float(change)
    # Two in a row: the product of the factors of the figures as written.
    if change > -100:
        both = ((1 + Fraction(change) / 100) ** 2 - 1) * 100
        assert pe.analysis.compose_percent_changes([float(change)] * 2) == float(both)


@given(printed, printed.filter(lambda d: d > 0))
def test_a_comparison_s_difference_and_ratio_are_rounded_once(value: Decimal, ew: Decimal) -> None:
    c = pe.compare(float(value), float(ew))
    assert c.difference == float(Fraction(value) - Fraction(ew))
    assert c.ratio == (float(Fraction(value) / Fraction(ew)) if value >= 0 else None)


def test_the_exact_results_keep_their_refusals_and_their_bound() -> None:
    with pytest.raises(pe.PeelDataError, match=r"^the rate is too small to represent as a number$"):
        pe.analysis.national_rate({"a": 5e-324}, {"a": 1e308})
    with pytest.raises(pe.PeelDataError, match=r"^the rate is too large to represent as a number$"):
        pe.analysis.rate_change(0, 1, 1e308, 1e-300)  # the new rate, before the change from zero
    with pytest.raises(pe.PeelDataError, match=r"^old_count is 0: a percent change from zero is undefined$"):
        pe.analysis.rate_change(0, 1, 5, 1)
    with pytest.raises(pe.PeelDataError, match=r"^the percent change is too large to represent as a number$"):
        pe.analysis.compose_percent_changes([1e300] * 3)
    most = pe.analysis.calculations.MOST_CHANGES
    assert pe.analysis.compose_percent_changes([5e-324] * most) == 5e-321  # exactly, and in a second
    with pytest.raises(
        pe.PeelDataError, match=f"^changes: at most {most:,} changes are composed into one, not"
    ):
        pe.analysis.compose_percent_changes([1.0] * (most + 1))


def test_two_reports_figures_side_by_side_differ_as_on_paper() -> None:
    # 1.8 against 1.9 was -0.09999999999999987 here, -0.1 in compare().
    import attrs

    report = pe.load_bundled().report("cumbria", 2016)
    m = report.measurement("sexual_offences_rate")
    assert (m.value, m.england_and_wales) == (1.8, 1.9)
    other = attrs.evolve(report, measurements=(attrs.evolve(m, value=1.9),))
    (row,) = pe.analysis.side_by_side(attrs.evolve(report, measurements=(m,)), other)
    assert row.difference == pe.compare(1.8, 1.9).difference == -0.1


class _Noisy(str):
    """Text whose own methods raise: the library reads the text it holds."""

    def casefold(self) -> str:
        raise RuntimeError("its own method")

    lower = casefold

    def __str__(self) -> str:
        return "kent"


def test_what_a_last_attack_found_in_the_exact_calculations() -> None:
    from decimal import Decimal as D

    from peel_effectiveness.analysis import rank, shares_of_assigned

    # Two figures whose difference rounds to 0.0 differ all the same.
    c = pe.compare(2.1e-322, 2.08e-322)
    assert str(c.direction) == "higher"
    # A share of a sum is rounded once (19.332827899924187, not ...183).
    share = shares_of_assigned(_two_rows((17.0, 1 / 3), (1.0, 1.0)))[1]
    assert share == float(Fraction(17) * 100 / (Fraction(17) + Fraction(Decimal(repr(1 / 3)))))
    # Keys that raise their own errors when compared or read.
    assert sorted(rank({D("NaN"): 1.0, D(1): 2.0}).values()) == [1, 2]
    assert pe.analysis.mean_of_rates({_Noisy("Jersey"): 1.0, "durham": 2.0}).value == 2.0
    assert pe.analysis.national_rate({_Noisy("Kent"): 1.0}, {_Noisy("Kent"): 2.0}).included == ("kent",)
    for name in (
        "States of Guernsey Police",
        "Police Service of Scotland",
        "MoD Police",
        "Civil Nuclear Police",
    ):
        assert pe.analysis.mean_of_rates({name: 1.0, "kent": 2.0}).value == 2.0, name


def test_a_figure_of_a_series_that_is_no_number_is_named_as_the_series_holds_it() -> None:
    # It was named "old", a parameter of a function the user never called.
    with pytest.raises(TypeError, match=r"^series\[2015\] must be a number"):
        pe.analysis.change_over_years({2015: None, 2016: 2.0}, 1)  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda: pe.analysis.percent_change(0, 5), "old is 0"),
        (lambda: pe.analysis.rate_change(0, 100, 5, 100), "old_count is 0"),
        (lambda: pe.analysis.change_over_years({2011: 0.0, 2016: 3.0}, 5), "series[2011] is 0"),
        (lambda: pe.analysis.base_from_rate(5, 0), "value must be positive"),
    ],
)
def test_a_calculation_refused_names_its_argument(call: Any, named: str) -> None:
    # "a percent change from zero is undefined" named none of them.
    with pytest.raises(pe.PeelDataError) as caught:
        call()
    assert str(caught.value).startswith(named), caught.value
