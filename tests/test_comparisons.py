"""Property tests of the comparison helpers: compare, rank, band, grade change."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peel_effectiveness as pe
from peel_effectiveness import Grade
from peel_effectiveness.analysis import Band

finite = st.floats(-1e6, 1e6, allow_subnormal=False)
# Values drawn from a small pool so ties are common.
pooled = st.sampled_from([0.0, 1.5, 2.0, 2.0, 3.25, 7.0, 10.0, 42.0])
values_maps = st.dictionaries(st.text(min_size=1, max_size=4), pooled | finite, max_size=45)
METHODS = ["min", "dense", "ordinal", "average", "max"]


def exact(x: float) -> Fraction:
    """A figure as the decimal it is written as (the shortest that is the float)."""
    return Fraction(Decimal(repr(x)))


@given(finite, finite, st.floats(0, 1e3), st.booleans())
def test_compare_direction_matches_the_difference(v: float, ew: float, tol: float, relative: bool) -> None:
    # Worked out exactly, in fractions, from the decimals the figures are.
    c = pe.compare(v, ew, tol, relative=relative)
    difference = exact(v) - exact(ew)
    assert c.difference == float(difference)  # rounded once: 1.8 against 1.9 is -0.1
    allowed = exact(tol) * abs(exact(ew)) if relative else exact(tol)
    if abs(difference) <= allowed:
        assert c.direction == "in line"
    else:
        assert c.direction == ("higher" if difference > 0 else "lower")
    # A ratio is of two figures of 0 or more: that of a rise to a fall, or
    # of two falls (percentage changes), means nothing.
    if v >= 0 and ew > 0 and math.isfinite(v / ew):
        assert c.ratio is not None
        assert math.copysign(1.0, c.ratio) == 1.0  # (-0.0 against a rise: no ratio of -0.0)
        assert math.isclose(c.ratio * ew, v, rel_tol=1e-9, abs_tol=1e-9)
    else:
        assert c.ratio is None


@given(finite, finite, st.floats(0, 1e3), st.floats(0, 1e3))
def test_more_tolerance_never_moves_out_of_line(v: float, ew: float, t1: float, t2: float) -> None:
    lo, hi = sorted([t1, t2])
    if pe.compare(v, ew, lo).direction == "in line":
        assert pe.compare(v, ew, hi).direction == "in line"


# Figures as reports print them: up to three decimal places, from
# thousandths to the billions (the larger, the wider binary floating
# point's error in their difference).
printed = st.integers(-(10**12), 10**12).map(lambda n: n / 1000)


def as_float(d: Decimal) -> float:
    """The float of a decimal that a float holds exactly as written (so
    that its repr reads back as the decimal)."""
    f = float(d)
    assert Decimal(repr(f)) == d
    return f


@given(printed, printed)
def test_figures_exactly_the_tolerance_apart_are_in_line(v: float, ew: float) -> None:
    # In binary floating point 1.05 - 1.0 is 0.050000000000000044, over 0.05,
    # and 4349362.4 - 4349362.3 is 0.10000000055879354, over 0.1.
    gap = abs(Decimal(repr(v)) - Decimal(repr(ew)))
    assert pe.compare(v, ew, as_float(gap)).direction == "in line"
    if gap:
        assert pe.compare(v, ew, as_float(gap) / 2).direction == ("higher" if v > ew else "lower")


@given(st.integers(1, 10**7), st.integers(-999, 999), st.integers(0, 3))
def test_figures_exactly_the_relative_tolerance_apart_are_in_line(ew: int, share: int, places: int) -> None:
    # A figure that many thousandths above or below England and Wales's,
    # both written with a few decimal places, is in line within that share.
    d_ew = Decimal(ew).scaleb(-places)
    d_share = Decimal(share).scaleb(-3)
    d_value = d_ew + d_ew * d_share
    value, england_and_wales, tolerance = as_float(d_value), as_float(d_ew), as_float(abs(d_share))
    assert pe.compare(value, england_and_wales, tolerance, relative=True).direction == "in line"


def test_a_whole_number_no_float_holds_is_refused_as_the_model_refuses_it() -> None:
    with pytest.raises(pe.PeelDataError, match="cannot be held exactly"):
        pe.compare(2**53 + 1, 2**53, 0.5)
    assert pe.compare(2**53, 2**53 - 1, 0.5).direction == "higher"


def test_the_bound_holds_for_the_decimals_written() -> None:
    assert pe.compare(1.0, 1.05, tolerance=0.05).direction == "in line"
    assert pe.compare(1.1, 1.0, 0.1, relative=True).direction == "in line"
    assert pe.compare(1.0501, 1.0, 0.05).direction == "higher"
    assert pe.compare(4349362.4, 4349362.3, 0.1).direction == "in line"
    assert pe.compare(0.89, 1.0, 0.1, relative=True).direction == "lower"


def test_relative_tolerance() -> None:
    assert pe.compare(110, 100, 0.1, relative=True).direction == "in line"
    assert pe.compare(111, 100, 0.1, relative=True).direction == "higher"
    with pytest.raises(ValueError, match="negative"):
        pe.compare(1, 1, -1)


@given(values_maps, st.sampled_from(METHODS), st.booleans(), st.randoms())
def test_rank_is_invariant_under_reordering(
    values: dict[str, float], method: str, desc: bool, rnd: random.Random
) -> None:
    items = list(values.items())
    rnd.shuffle(items)
    assert pe.analysis.rank(dict(items), method, descending=desc) == pe.analysis.rank(
        values, method, descending=desc
    )  # type: ignore[arg-type]


@given(values_maps, st.sampled_from(["min", "dense", "average", "max"]))
def test_equal_values_get_equal_ranks(values: dict[str, float], method: str) -> None:
    r = pe.analysis.rank(values, method)  # type: ignore[arg-type]
    for a in values:
        for b in values:
            if values[a] == values[b]:
                assert r[a] == r[b]
            elif values[a] > values[b]:
                assert r[a] < r[b]


@given(values_maps)
def test_rank_methods_agree_with_their_definitions(values: dict[str, float]) -> None:
    vs = list(values.values())
    mins, maxs, dense = (
        pe.analysis.rank(values, "min"),
        pe.analysis.rank(values, "max"),
        pe.analysis.rank(values, "dense"),
    )
    avg, ordinal = pe.analysis.rank(values, "average"), pe.analysis.rank(values, "ordinal")
    for k, v in values.items():
        assert mins[k] == 1 + sum(x > v for x in vs)
        assert maxs[k] == sum(x >= v for x in vs)
        assert dense[k] == 1 + len({x for x in vs if x > v})
        assert avg[k] == (mins[k] + maxs[k]) / 2
        assert mins[k] <= ordinal[k] <= maxs[k]
    assert sorted(ordinal.values()) == list(range(1, len(values) + 1))
    # Whole ranks are ints, as the types say; an average's a float.
    assert {type(r) for ranks in (mins, maxs, dense, ordinal) for r in ranks.values()} <= {int}
    assert {type(r) for r in avg.values()} <= {float}


@given(values_maps)
def test_ascending_mirrors_descending(values: dict[str, float]) -> None:
    n = len(values)
    up, down = pe.analysis.rank(values, "min", descending=False), pe.analysis.rank(values, "max")
    for k in values:
        assert up[k] == n + 1 - down[k]


def test_rank_leaves_out_missing_and_excluded() -> None:
    r = pe.analysis.rank({"a": 1.0, "b": None, "c": 3.0, "d": 2.0}, exclude=["d"])
    assert r == {"a": 2, "c": 1}


monotone = st.sampled_from(
    [
        lambda x: 3 * x + 7,
        lambda x: x**3,
        lambda x: math.atan(x),
        lambda x: x / 1000 - 5,
    ]
)


@given(values_maps, monotone)
def test_bands_survive_order_preserving_transforms(values: dict[str, float], f: object) -> None:
    transformed = {k: f(v) for k, v in values.items()}
    # atan can merge distinct large values; only compare where order is kept.
    keys = list(values)
    kept = all(
        (values[a] < values[b]) == (transformed[a] < transformed[b])
        and (values[a] == values[b]) == (transformed[a] == transformed[b])
        for a in keys
        for b in keys
    )
    if kept:
        assert pe.analysis.bands(transformed) == pe.analysis.bands(values)


@given(values_maps)
def test_reversing_the_order_swaps_highest_and_lowest(values: dict[str, float]) -> None:
    swap = {Band.ONE_OF_THE_HIGHEST: Band.ONE_OF_THE_LOWEST, Band.ONE_OF_THE_LOWEST: Band.ONE_OF_THE_HIGHEST}
    original = pe.analysis.bands(values)
    flipped = pe.analysis.bands({k: -v for k, v in values.items()})
    assert flipped == {k: swap.get(b, b) for k, b in original.items()}


@given(values_maps, st.randoms())
def test_bands_are_invariant_under_reordering(values: dict[str, float], rnd: random.Random) -> None:
    items = list(values.items())
    rnd.shuffle(items)
    assert pe.analysis.bands(dict(items)) == pe.analysis.bands(values)


@given(st.lists(finite, min_size=0, max_size=45, unique=True))
def test_distinct_values_fill_each_band_with_a_quarter(vs: list[float]) -> None:
    values = {f"f{i}": v for i, v in enumerate(vs)}
    b = pe.analysis.bands(values)
    k = math.floor(len(vs) / 4)
    counts = {band: sum(x is band for x in b.values()) for band in Band}
    assert counts[Band.ONE_OF_THE_HIGHEST] == k == counts[Band.ONE_OF_THE_LOWEST]
    top = sorted(values, key=values.__getitem__, reverse=True)[:k]
    assert all(b[t] is Band.ONE_OF_THE_HIGHEST for t in top)


@given(values_maps)
def test_ties_share_a_band(values: dict[str, float]) -> None:
    b = pe.analysis.bands(values)
    for x in values:
        for y in values:
            if values[x] == values[y]:
                assert b[x] is b[y]


def test_bands_with_few_forces_are_all_in_line() -> None:
    assert set(pe.analysis.bands({"a": 1.0, "b": 2.0, "c": 3.0}).values()) == {Band.BROADLY_IN_LINE}
    # floor(n * share) of the share as written: 4 forces at a share just
    # under a quarter make no band (a margin for float error made one).
    four = {"a": 1.0, "b": 2.0, "c": 3.0, "d": 4.0}
    assert set(pe.analysis.bands(four, share=0.2499999999).values()) == {Band.BROADLY_IN_LINE}
    assert pe.analysis.bands(four, share=0.25)["d"] is Band.ONE_OF_THE_HIGHEST
    hundred = {f"f{i}": float(i) for i in range(100)}
    assert sum(b is Band.ONE_OF_THE_HIGHEST for b in pe.analysis.bands(hundred, share=0.29).values()) == 29


def test_band_of_excluded_or_missing_force_is_none() -> None:
    values = {f"f{i}": float(i) for i in range(8)} | {"gap": None}
    assert pe.analysis.band(values, "gap") is None
    assert pe.analysis.band(values, "f7", exclude=["f7"]) is None
    assert pe.analysis.band(values, "f7") is Band.ONE_OF_THE_HIGHEST


def test_all_equal_is_in_line() -> None:
    assert set(pe.analysis.bands({str(i): 5.0 for i in range(10)}).values()) == {Band.BROADLY_IN_LINE}


judgments = (
    st.none()
    | st.sampled_from(Grade)
    | st.sampled_from(pe.NoGrade)
    | st.builds(pe.Judgment, st.sampled_from(pe.NoGrade) | st.sampled_from(Grade))
)


@given(judgments, judgments)
def test_grade_change_is_antisymmetric(a: object, b: object) -> None:
    x, y = pe.grade_change(a, b), pe.grade_change(b, a)  # type: ignore[arg-type]
    if x.steps is None:
        assert y.steps is None
        # Missing on either side is "no data"; a judgment without a grade, "not comparable".
        expected = "no data" if a is None or b is None else "not comparable"
        assert x.direction == y.direction == expected
    else:
        assert y.steps == -x.steps


@given(st.sampled_from(Grade), st.sampled_from(Grade))
def test_grade_change_follows_the_order(a: Grade, b: Grade) -> None:
    c = pe.grade_change(a, b)
    expected = "improved" if b > a else "declined" if b < a else "unchanged"
    assert c.direction == expected
    assert (c.steps or 0) > 0 if b > a else True


def test_ungraded_and_missing_are_never_grades() -> None:
    for reason in pe.NoGrade:
        change = pe.grade_change(pe.Judgment(reason), Grade.GOOD)
        assert change.direction == "not comparable"
        assert change.reason == f"the earlier judgment is {reason.value}"
        assert pe.grade_change(Grade.GOOD, reason).reason == f"the later judgment is {reason.value}"
    assert pe.grade_change(None, Grade.GOOD).direction == "no data"
    assert pe.grade_change(None, Grade.GOOD).reason == "no earlier grade"
    assert pe.grade_change(None, pe.NoGrade.UNGRADED).direction == "no data"
    assert pe.grade_change(Grade.GOOD, Grade.REQUIRES_IMPROVEMENT) == pe.analysis.GradeChange("declined", -1)
    assert (
        pe.grade_change(Grade.GOOD, Grade.ADEQUATE, pe.model.GradeScale.FOUR_POINT).direction
        == "not comparable"
    )


def test_side_by_side_with_itself() -> None:
    report = pe.load_bundled().report("cumbria", 2016)
    rows = pe.analysis.side_by_side(report, report)
    assert len(rows) == len(report.measurements)
    assert all(r.difference == 0 and r.first == r.second for r in rows)
    other = pe.InspectionReport(
        force=pe.find_force("durham"),
        cycle=pe.Cycle.Y2016,
        pillar=pe.Pillar.EFFECTIVENESS,
        judgment=None,
        measurements=(report.measurement("ocg_rate"),),
    )
    (row,) = pe.analysis.side_by_side(report, other)
    assert (row.metric, row.first, row.second, row.england_and_wales) == ("ocg_rate", 70.0, 70.0, 46.0)


@pytest.mark.parametrize("present", [*pe.Grade, *pe.NoGrade])
def test_a_change_with_no_data_names_the_judgment_missing(present: pe.Grade | pe.NoGrade) -> None:
    # A reason for no grade on the other side is not why there is no data.
    assert pe.grade_change(present, None).reason == "no later grade"
    assert pe.grade_change(None, present).reason == "no earlier grade"
    if present in (pe.Grade.ADEQUATE, pe.NoGrade.UNGRADED):
        return  # neither is a 2015 headline judgment
    data = pe.loads(
        f"- {{force: kent, cycle: 2015, grade: {present.value}}}\n- {{force: durham, cycle: 2016, grade: good}}\n"
    )
    kent = next(x for x in pe.transitions(data, 2015, 2016).no_data if x.force.id == "kent")
    assert kent.change.reason == "no 2016 grade in the data"


@pytest.mark.parametrize(
    "named",
    [
        lambda f: f.id,
        lambda f: f.short_name,
        lambda f: f,
    ],
)
def test_rank_bands_and_band_leave_out_a_force_however_its_figures_name_it(
    named: Callable[[pe.Force], object],
) -> None:
    # EXCLUSIONS_2016 gives ids: keyed by names or forces, City of London
    # was ranked and banded, while mean_of_rates left it out.
    forces = [pe.find_force(f) for f in ("city-of-london", "kent", "durham", "essex", "dorset")]
    values = {named(f): float(i * 10 + 300 * (f.id == "city-of-london")) for i, f in enumerate(forces)}
    exclusions = pe.analysis.EXCLUSIONS_2016["ocg_rate"]
    assert "city-of-london" in exclusions
    kept = {named(f) for f in forces[1:]}
    assert set(pe.analysis.rank(values, exclude=exclusions)) == kept
    assert set(pe.analysis.bands(values, exclude=exclusions)) == kept
    assert pe.analysis.band(values, named(forces[0]), exclude=exclusions) is None
    assert pe.analysis.mean_of_rates(values, exclude=exclusions).excluded == ("city-of-london",)
    # A force asked about by another of its names is found.
    assert pe.analysis.band(values, "Dorset") is pe.analysis.band(values, named(forces[4]))
    assert pe.analysis.band(values, "Dorset") is not None


def test_band_of_a_force_the_figures_name_twice_is_refused() -> None:
    # Refused whichever way the force is asked for (the key as it is gave
    # its band, as bands() did, counting the force twice).
    values = {"Kent": 1.0, "kent": 2.0, "durham": 3.0, "essex": 4.0, "dorset": 5.0}
    for force in (pe.find_force("kent"), "kent", "Kent", "durham"):
        with pytest.raises(pe.PeelDataError, match="values names 'kent' twice"):
            pe.analysis.band(values, force)
    assert pe.analysis.rank({1: 1.0, "1": 2.0}, exclude=[1]) == {"1": 1}  # a key naming no force, as it is


def test_transitions_across_a_break_refuse_a_question_neither_cycle_has() -> None:
    # 43 forces "not comparable" on a question that does not exist, where
    # the same call within one framework said there is no such question.
    data = pe.load_bundled()
    for a, b in (("2018/19", "2021/22"), ("2015", "2023-25"), ("2021/22", "2023-25")):
        with pytest.raises(pe.NotFoundError):
            pe.analysis.transitions(data, a, b, "no such question at all")
    # The question named by its key, as the docstring says, not as given.
    assert pe.analysis.transitions(data, "2018/19", "2021/22", 2).question == "q2_investigate"
    assert (
        pe.analysis.transitions(data, "2021/22", "2023-25", "Investigating crime").question == "investigating"
    )


def test_a_force_that_cannot_be_a_key_is_named_as_the_argument() -> None:
    with pytest.raises(TypeError, match=r"^force must be a force: .*, not list$"):
        pe.analysis.band({"a": 1.0}, ["a"])


class _Ambiguous:
    """A key whose comparison raises ValueError, as numpy's scalars do
    against a tuple ("the truth value of an array ... is ambiguous")."""

    def __lt__(self, other: object) -> bool:
        raise ValueError("the truth value is ambiguous")

    __gt__ = __lt__


def test_keys_whose_comparison_raises_value_error_are_ranked_by_their_text() -> None:
    a, b = _Ambiguous(), _Ambiguous()
    assert sorted(pe.analysis.rank({a: 1.0, b: 2.0}).values()) == [1, 2]


def test_a_name_of_no_force_is_not_a_force_without_a_value() -> None:
    # A misspelt force was answered as one without a figure (band None), and
    # left nothing out of a ranking or an England and Wales figure, without
    # a word; rank_forces said it.
    values = {"kent": 1.0, "essex": 2.0, "surrey": 3.0, "sussex": 4.0}
    A = pe.analysis
    for call in (
        lambda: A.band(values, "Knet"),
        lambda: A.rank(values, exclude=["Knet"]),
        lambda: A.bands(values, exclude=["Knet"]),
        lambda: A.mean_of_rates(values, exclude=["Knet"]),
    ):
        with pytest.raises(
            pe.NotFoundError,
            match=r"'Knet' is no key of values and names none of the 43 forces \(did you mean: Kent\?\)",
        ):
            call()
    assert A.band(values, "durham") is None  # a force without a figure
    assert A.band({"x": 1.0, "y": 2.0}, "x") is not None  # a key of your own
    assert A.rank({"x": 1.0, "y": 2.0}, exclude=["x"]) == {"y": 1}
    # The id of a force of your own without a figure, close to nothing, or
    # the force itself: left out, as before.
    island = {
        "id": "island",
        "official_name": "Island Police",
        "short_name": "Island",
        "gss_code": "E23999999",
    }
    mine = pe.converter.structure({**island, "region": "South East", "country": "England"}, pe.Force)
    assert A.band(values, "island") is None
    assert A.rank(values, exclude=["island", mine]) == A.rank(values)
