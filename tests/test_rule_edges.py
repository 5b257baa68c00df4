"""The edges of the analysis' rules that a demanding user's answer turns on:
ties in a ranking, bands of an ascending ranking, the widest share of a
band, forces with a count or a base alone, the days either side of the
data's record of Engage, the order of reasons for no grade, shares of
assigned outcomes and coverage's marks. Each test fails on a plausible
slip in its rule (found by hand mutation: each slip left every earlier
test passing)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import peel_effectiveness as pe
from peel_effectiveness.analysis import bands, in_engage, national_rate


def _ranked(values: dict[str, float], **kwargs: object) -> pe.analysis.Ranking:
    base = pe.load_bundled().report("cumbria", "2016").measurement("recorded_crime_rate")
    reports = [
        pe.InspectionReport(force=name, cycle=2016, measurements=(attrs.evolve(base, value=value),))
        for name, value in values.items()
    ]
    kwargs.setdefault("exclude", [])
    return pe.rank_forces(pe.Dataset(reports), "recorded_crime_rate", 2016, **kwargs)  # type: ignore[arg-type]


def test_forces_of_one_figure_share_the_best_rank_and_the_next_skips_theirs() -> None:
    # Competition ranking, as the docs say: 10, 8, 8, 5 are 1, 2, 2, 4
    # ("dense" would make the last 3); ties in order of id, whatever order
    # the data hold them in.
    r = _ranked({"surrey": 10.0, "kent": 8.0, "essex": 8.0, "dorset": 5.0, "durham": 1.0})
    assert [(f.force.id, f.rank) for f in r.forces] == [
        ("surrey", 1),
        ("essex", 2),
        ("kent", 2),
        ("dorset", 4),
        ("durham", 5),
    ]


def test_an_ascending_ranking_bands_the_highest_figures_one_of_the_highest() -> None:
    # The bands are of the figures, not of the ranks: ranked lowest first,
    # the highest figure is still "one of the highest".
    values = {
        name: float(i)
        for i, name in enumerate(
            ["kent", "essex", "dorset", "durham", "surrey", "sussex", "suffolk", "norfolk"]
        )
    }
    up = {f.force.id: (f.rank, str(f.band)) for f in _ranked(values, descending=False).forces}
    assert up["norfolk"] == (8, "one of the highest")
    assert up["kent"] == (1, "one of the lowest")
    down = {f.force.id: (f.rank, str(f.band)) for f in _ranked(values).forces}
    assert down["norfolk"] == (1, "one of the highest")
    assert down["kent"] == (8, "one of the lowest")


def test_a_band_may_be_half_the_forces() -> None:
    b = bands({f"f{i}": float(i) for i in range(4)}, share=0.5)
    assert [str(b[f"f{i}"]) for i in range(4)] == [
        "one of the lowest",
        "one of the lowest",
        "one of the highest",
        "one of the highest",
    ]
    with pytest.raises(pe.PeelDataError):
        bands({"a": 1.0}, share=0.51)


def test_a_force_with_a_count_and_no_base_is_said_missing_from_the_national_rate() -> None:
    f = national_rate({"a": 10, "b": 30, "c": 5}, {"a": 1000, "b": 1000, "d": 10})
    assert f.included == ("a", "b")
    assert f.missing == ("c", "d")


def test_a_day_is_beyond_the_data_only_after_their_latest_move() -> None:
    data = pe.load_bundled()
    latest = pe.analysis.latest_move(data)
    assert latest is not None
    assert not in_engage(data, latest).beyond_the_data  # a move on the day itself is recorded
    assert in_engage(data, latest + dt.timedelta(days=1)).beyond_the_data


def test_the_data_s_first_move_is_of_the_43_not_of_a_force_of_your_own() -> None:
    # A stay of your own says nothing of how far back the 43's record goes.
    gotham = pe.Force("gotham", "Gotham Police", "Gotham", "E23000099", "England", "North West")
    data = pe.load_bundled().overlay(pe.Dataset((), (pe.model.Stay(force=gotham, entered="2010-01-01"),)))
    assert pe.analysis.earliest_move(data) == dt.date(2019, 4, 1)


def test_a_stay_while_a_cycle_published_is_judged_at_its_first_and_last_days() -> None:
    # 2023-25's reports came out from 26 September 2023 to 7 August 2025.
    from peel_effectiveness.analysis._engage import held_while_published

    start, end = dt.date(2023, 9, 26), dt.date(2025, 8, 7)
    assert pe.Cycle("2023-25").publication_days == (start, end)

    def held(entered: dt.date, left: dt.date | None = None) -> bool | None:
        return held_while_published([pe.model.Stay(force="kent", entered=entered, left=left)], "2023-25")

    assert held(start) is True  # in from the first day: in on every day
    assert held(end) is None  # in from the last day: in on that day only, perhaps its report's
    assert held(dt.date(2020, 1, 1), start) is False  # out on the first day: in on none
    assert held(dt.date(2020, 1, 1), end) is None  # out on the last day: in on every day but it
    assert held(end + dt.timedelta(days=1)) is False
    # A stay in throughout answers for the force, whatever another cannot tell.
    both = [
        pe.model.Stay(force="kent", entered="2025"),
        pe.model.Stay(force="kent", entered=dt.date(2021, 1, 1), left=dt.date(2025, 12, 31)),
    ]
    assert held_while_published(both, "2023-25") is True
    perhaps = [
        pe.model.Stay(force="kent", entered="2023"),
        pe.model.Stay(force="kent", entered="2015", left="2016"),
    ]
    assert held_while_published(perhaps, "2023-25") is None


def test_a_period_is_of_whole_months_only_from_a_first_to_a_last_day() -> None:
    assert pe.Period(dt.date(2015, 1, 1), dt.date(2015, 12, 31)).months == 12
    assert pe.Period(dt.date(2015, 1, 1), dt.date(2015, 12, 30)).months is None
    # Only twelve of them are "12 months to": eighteen are said by their days.
    assert str(pe.Period(dt.date(2015, 1, 1), dt.date(2016, 6, 30))) == "1 January 2015 to 30 June 2016"
    # Months to a day of up to three digits, as reports of ten years give them.
    assert pe.Period.parse("120 months to 30 June 2016") == pe.Period(
        dt.date(2006, 7, 1), dt.date(2016, 6, 30)
    )


def test_needs_improvement_is_requires_improvement() -> None:
    # As HMICFRS's summaries word it, and docs/data-format.md lists it.
    assert pe.Grade("needs improvement") is pe.Grade.REQUIRES_IMPROVEMENT
    assert pe.loads("force: kent\ncycle: 2016\ngrade: needs improvement\n").reports[
        0
    ].judgment == pe.Judgment("requires improvement")


def test_a_force_s_cycles_run_unbroken_from_its_first_to_its_last() -> None:
    # A cycle the data lack between two they hold is a column of its own:
    # left out, its neighbours would read as one after the other.
    from peel_effectiveness.analysis._history import spanned

    entries = pe.history(pe.load_bundled(), "cumbria")
    assert spanned(entries, [pe.Cycle("2014"), pe.Cycle("2018/19")]) == [
        pe.Cycle(c) for c in ("2014", "2015", "2016", "2017", "2018/19", "2021/22", "2023-25")
    ]
    assert spanned([e for e in entries if e.cycle.value in ("2015", "2018/19")]) == [
        pe.Cycle(c) for c in ("2015", "2016", "2017", "2018/19")
    ]


def test_two_reports_side_by_side_give_an_england_and_wales_figure_only_where_both_do() -> None:
    from peel_effectiveness.analysis import side_by_side

    report = pe.load_bundled().report("cumbria", "2016")
    other = attrs.evolve(
        report,
        measurements=tuple(attrs.evolve(m, england_and_wales=None) for m in report.measurements),
    )
    rows = side_by_side(report, other)
    assert rows
    assert {r.england_and_wales for r in rows} == {None}
    assert any(r.england_and_wales is not None for r in side_by_side(report, report))


def test_a_force_s_position_counts_grades_not_reasons_for_none() -> None:
    from peel_effectiveness.analysis import position

    data = pe.load_bundled()
    # Question 5 of 2016: every force ungraded, none graded, none sharing "a grade".
    q5 = position(data, "kent", 2016, 5)
    assert (q5.grade, q5.same_grade, q5.graded, q5.graded_for_none) == (pe.NoGrade.UNGRADED, (), 0, True)
    # One inferred grade among those it shares is "is", more "are".
    said = str(position(data, "cumbria", 2016, 2))
    assert said.endswith("; 1 of the 10 grades, this one among them, is inferred, not printed")


def test_a_question_of_the_data_s_own_is_not_taken_for_one_graded_for_no_force() -> None:
    # The registry does not know it: it may well have been graded.
    text = "force: kent\ncycle: 2016\npillar: efficiency\nassessments:\n  - {question: my_own_question, grade: good}\n"
    from peel_effectiveness.analysis import position

    with pytest.warns(pe.PeelWarning, match="the registry does not know the question"):
        data = pe.loads(text)
    found = position(data, "kent", 2016, "my_own_question", "efficiency")
    assert (found.grade, found.graded_for_none) == (pe.Grade.GOOD, False)


def test_too_few_to_rank_says_how_many_were_left_out() -> None:
    values = {name: float(i) for i, name in enumerate(["kent", "essex", "dorset", "durham", "surrey"])}
    with pytest.raises(pe.NotFoundError) as e:
        _ranked(values, exclude=["kent", "essex"])
    assert str(e.value) == "3 forces with recorded_crime_rate in 2016 (2 left out); a ranking needs 5"


def test_a_ranking_is_of_the_latest_cycle_with_the_figure_by_default() -> None:
    base = pe.load_bundled().report("cumbria", "2016").measurement("recorded_crime_rate")
    reports = [
        pe.InspectionReport(force=name, cycle=cycle, measurements=(attrs.evolve(base, value=float(i)),))
        for cycle in (2015, 2016)
        for i, name in enumerate(["kent", "essex", "dorset", "durham", "surrey"])
    ]
    assert pe.rank_forces(pe.Dataset(reports), "recorded_crime_rate").cycle == pe.Cycle("2016")


def test_a_report_out_on_the_day_engage_s_record_begins_is_answered() -> None:
    # The data record stays from their first move: a report out that very
    # day is within the record (not in Engage), one the day before is not.
    from peel_effectiveness.analysis._engage import held_when_published

    first = dt.date(2019, 4, 1)
    stays = [pe.model.Stay(force="kent", entered=dt.date(2020, 1, 1))]
    assert held_when_published(stays, first, pe.Cycle("2018/19"), first) == (False, False)
    assert held_when_published(stays, first - dt.timedelta(days=1), pe.Cycle("2018/19"), first) == (
        None,
        True,
    )


def test_reasons_for_no_grade_are_counted_in_their_own_order_not_the_forces() -> None:
    # Avon and Somerset comes first by id, and its reason last of the two.
    data = pe.Dataset(
        (
            pe.InspectionReport(
                force="avon-and-somerset", cycle=2016, judgment=pe.Judgment("not yet graded")
            ),
            pe.InspectionReport(force="kent", cycle=2016, judgment=pe.Judgment("not inspected")),
        )
    )
    spread = pe.analysis.grade_distribution(data, 2016).no_grade
    assert [(r.value, [f.id for f in fs]) for r, fs in spread] == [
        ("not inspected", ["kent"]),
        ("not yet graded", ["avon-and-somerset"]),
    ]


def test_shares_of_assigned_outcomes_are_of_the_published_total_where_the_table_gives_one() -> None:
    # Cumbria's rows sum to 88.5 (each rounded), its published total is 88.4.
    table = pe.load_bundled().report("cumbria", 2016).outcome_table("figure_4")
    assert round(pe.analysis.shares_of_assigned(table)[1], 3) == 20.136  # 17.8 of 88.4
    summed = attrs.evolve(table, total_assigned=None)
    assert round(pe.analysis.shares_of_assigned(summed)[1], 3) == 20.113  # 17.8 of 88.5


def test_coverage_marks_ungraded_only_what_the_cycle_grades_no_force_on() -> None:
    # A question no force in the data is graded on is not for that
    # "ungraded"; one the registry does not know is not known to be graded.
    with pytest.warns(pe.PeelWarning, match="does not know the question"):
        data = pe.loads(
            "- {force: kent, cycle: 2016, grade: good}\n"
            "- {force: kent, cycle: 2025-27, assessments: [{question: new_area, grade: good}]}\n"
        )
    q1 = next(c for c in pe.analysis.coverage(data, 2016) if c.question == "q1_prevent")
    assert str(q1) == "2016 effectiveness preventing crime: 0 graded, 43 unknown"
    q5 = next(c for c in pe.analysis.coverage(data, 2016) if c.question == "q5_specialist")
    assert str(q5).startswith("2016 effectiveness specialist capabilities (2016 grades no force on it): ")
    new = next(c for c in pe.analysis.coverage(data, "2025-27") if c.question == "new_area")
    assert new.graded_in_cycle is None
