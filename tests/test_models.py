"""The model: grades, cycles, forces, periods and immutability."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peel_effectiveness as pe
from peel_effectiveness import Grade
from peel_effectiveness.model._sealed import Sealed


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Requires improvement", Grade.REQUIRES_IMPROVEMENT),
        ("requires improvement", Grade.REQUIRES_IMPROVEMENT),
        ("RI", Grade.REQUIRES_IMPROVEMENT),
        ("requires_improvement", Grade.REQUIRES_IMPROVEMENT),
        (" Outstanding ", Grade.OUTSTANDING),
        ("GOOD", Grade.GOOD),
        ("Adequate", Grade.ADEQUATE),
        ("inadequate", Grade.INADEQUATE),
    ],
)
def test_grade_parse(text: str, grade: Grade) -> None:
    assert Grade(text) is grade


@pytest.mark.parametrize("text", ["ungraded", "goood", "", "excellent"])
def test_grade_parse_refuses(text: str) -> None:
    with pytest.raises(pe.PeelDataError, match="is not a grade"):
        Grade(text)


def test_grade_order_and_wording() -> None:
    assert Grade.OUTSTANDING > Grade.GOOD > Grade.ADEQUATE > Grade.REQUIRES_IMPROVEMENT > Grade.INADEQUATE
    assert sorted(Grade, reverse=True) == list(Grade)
    assert str(Grade.REQUIRES_IMPROVEMENT) == "Requires improvement"
    assert Grade.GOOD.rank == 4
    with pytest.raises(TypeError):
        _ = Grade.GOOD < 3  # type: ignore[operator]


def test_grade_scales() -> None:
    assert Grade.ADEQUATE not in pe.model.GradeScale.FOUR_POINT.grades
    assert pe.Cycle.Y2021_22.grade_scale is pe.model.GradeScale.FIVE_POINT
    assert pe.Cycle.Y2016.grade_scale is pe.model.GradeScale.FOUR_POINT


def test_cycles() -> None:
    assert pe.Cycle("2018/19") is pe.Cycle("2018-19") is pe.Cycle.Y2018_19
    assert pe.Cycle(2016).previous is pe.Cycle.Y2015
    assert pe.Cycle.Y2014.previous is None
    with pytest.raises(pe.PeelDataError):
        pe.Cycle("1999")
    with pytest.raises(pe.PeelDataError):
        pe.Cycle(True)  # type: ignore[arg-type]


def test_core_questions_change_by_cycle() -> None:
    assert len(pe.model.core_questions(2014, "effectiveness")) == 6
    assert len(pe.model.core_questions(2015, "effectiveness")) == 4
    assert len(pe.model.core_questions(2016, "effectiveness")) == 5
    assert [q.graded for q in pe.model.core_questions(2014)] == [True, True, True, False, False, False]
    assert pe.model.core_question(2016, "effectiveness", "q3_vulnerable").number == 3
    with pytest.raises(pe.NotFoundError, match="no core question 9"):
        pe.model.core_question(2016, "effectiveness", 9)


@pytest.mark.parametrize(
    ("name", "force_id"),
    [
        ("cumbria", "cumbria"),
        ("Cumbria Constabulary", "cumbria"),
        ("CUMBRIA", "cumbria"),
        ("E23000002", "cumbria"),
        ("e23000002", "cumbria"),
        ("Avon & Somerset", "avon-and-somerset"),
        ("avon and somerset constabulary", "avon-and-somerset"),
        ("Devon & Cornwall", "devon-and-cornwall"),
        ("Met", "metropolitan"),
        ("Metropolitan Police", "metropolitan"),
        ("GMP", "greater-manchester"),
        ("London, City of", "city-of-london"),
        ("Dyfed Powys", "dyfed-powys"),
        ("W15000004", "dyfed-powys"),
        ("Hampshire and Isle of Wight Constabulary", "hampshire"),
        # The Welsh forces by their Welsh names, and two initials people write.
        ("Heddlu Gwent", "gwent"),
        ("heddlu de cymru", "south-wales"),
        ("Heddlu Gogledd Cymru", "north-wales"),
        ("Heddlu Dyfed-Powys", "dyfed-powys"),
        ("NYP", "north-yorkshire"),
        ("HIOW", "hampshire"),
    ],
)
def test_find_force(name: str, force_id: str) -> None:
    assert pe.find_force(name).id == force_id


def test_forty_three_forces() -> None:
    fs = pe.forces()
    assert len(fs) == 43 == len({f.gss_code for f in fs}) == len({f.id for f in fs})
    assert sum(f.country is pe.model.Country.WALES for f in fs) == 4


def test_unknown_force_suggests() -> None:
    with pytest.raises(pe.NotFoundError) as info:
        pe.find_force("Cumbira")
    assert info.value.suggestions == ("Cumbria",)
    assert isinstance(info.value, LookupError)


def test_period_parse_and_print() -> None:
    p = pe.Period.parse("12 months to 31 March 2016")
    assert (p.start, p.end) == (dt.date(2015, 4, 1), dt.date(2016, 3, 31))
    assert str(p) == "12 months to 31 March 2016"
    assert p.months == 12
    assert pe.Period.parse("as at 1 July 2016").is_snapshot
    assert str(pe.Period(dt.date(2016, 1, 5), dt.date(2016, 2, 3))) == "5 January 2016 to 3 February 2016"
    with pytest.raises(ValueError, match="ends"):
        pe.Period(dt.date(2016, 1, 2), dt.date(2016, 1, 1))


def test_models_are_frozen_and_hashable() -> None:
    data = pe.load_bundled()
    report = data.report("cumbria", 2016)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.summary = "changed"  # type: ignore[misc]
    assert hash(report) == hash(pe.loads(pe.dump(report)).reports[0])
    assert isinstance(report.assessments, tuple)
    assert isinstance(report.assessments[1].areas_for_improvement, tuple)
    assert len({data, pe.loads(pe.dump(data))}) == 1


def test_report_construction_checks_the_registry() -> None:
    with pytest.raises(pe.PeelDataError, match="no core question 8"):
        pe.InspectionReport(
            force=pe.find_force("cumbria"),
            cycle=pe.Cycle.Y2016,
            pillar=pe.Pillar.EFFECTIVENESS,
            judgment=None,
            assessments=(pe.Assessment(question=8, judgment=None),),
        )


def test_dataset_lookup_errors() -> None:
    data = pe.load_bundled()
    with pytest.raises(pe.NotFoundError, match="the data hold no effectiveness 2014 report on Durham"):
        data.report("durham", 2014)
    with pytest.raises(pe.NotFoundError, match="no force called"):
        data.report("nowhere", 2016)
    assert data.get("durham", 2014) is None
    report = data.report("cumbria", 2016)
    with pytest.raises(pe.NotFoundError, match="did you mean: ocg_rate"):
        report.measurement("ocg_rte")


def test_dataset_refuses_two_reports_for_one_force_and_cycle() -> None:
    report = pe.load_bundled().report("cumbria", 2016)
    with pytest.raises(pe.PeelDataError, match="two reports on Cumbria for effectiveness 2016"):
        pe.Dataset((report, report))


def test_folder_with_the_same_report_twice(tmp_path: Path) -> None:
    text = pe.dump(pe.load_bundled())
    (tmp_path / "a.yaml").write_text(text)
    (tmp_path / "b.yaml").write_text(text)
    with pytest.raises(
        pe.PeelDataError, match=r"a second effectiveness 2016 report on Cumbria .the first is in .*a.yaml"
    ):
        pe.load(tmp_path)


def test_report_checks_remember_parts_only_for_their_cycle() -> None:
    # A part found clean is not checked again for the next report holding
    # the very same tuple; that must not carry over to another cycle.
    report = pe.load_bundled().report("cumbria", 2016)
    attrs.evolve(report, force=pe.find_force("kent"))
    with pytest.raises(pe.PeelDataError, match=r"assessments\[4\]\.question: .*no core question 5"):
        attrs.evolve(report, cycle=pe.Cycle.Y2015, previous_judgment=None)
    twice = (*report.measurements, report.measurements[0])
    with pytest.raises(pe.PeelDataError, match=r"measurements\[61\]\.metric\.key: .* given twice"):
        attrs.evolve(report, measurements=twice)


def test_a_dataset_repr_says_what_it_holds_and_a_report_repr_is_whole() -> None:
    data = pe.load_bundled()
    assert (
        repr(data)
        == "Dataset(reports=<338 reports on 43 forces, 2015 to 2023-25>, stays=<10 stays in Engage>)"
    )
    one = pe.Dataset(data.reports[:1])
    assert repr(one) == f"Dataset(reports=<1 report on 1 force, {data.reports[0].cycle}>, stays=())"
    assert repr(pe.Dataset()) == "Dataset(reports=(), stays=())"
    # The records inside keep attrs' whole repr.
    assert repr(data.reports[0]).startswith("InspectionReport(force=Force(id=")


def test_the_regions_are_said_alike_in_the_docs_and_every_export() -> None:
    from peel_effectiveness.model.force import REGIONS_ARE
    from peel_effectiveness.output._about import SOURCES_SAID
    from peel_effectiveness.output.columns import COLUMNS

    assert REGIONS_ARE in " ".join((pe.Force.__doc__ or "").split())
    assert REGIONS_ARE in SOURCES_SAID
    assert [c.description for c in COLUMNS["forces"] if c.name == "region"] == [
        f"The policing region: {REGIONS_ARE}."
    ]


@pytest.mark.parametrize("cls", [c for c in vars(pe.model).values() if isinstance(c, type) and attrs.has(c)])
def test_a_model_class_cannot_be_subclassed(cls: type) -> None:
    # A subclass was written as its base's fields in the layout of a class
    # of one's own, which load refused, and its own fields were dropped.
    with pytest.raises(TypeError, match=f"{cls.__name__} cannot be subclassed"):
        type("Mine", (cls,), {})
    with pytest.raises(TypeError, match="cannot be subclassed"):

        @attrs.frozen
        class Mine(cls):  # type: ignore[valid-type, misc]
            extra: int = 0

    with pytest.raises(TypeError, match=f"{cls.__name__} cannot be subclassed"):
        type("Mine", (cls, Sealed), {})  # naming the base of the model's classes too


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((None,), "end: expected a date (YYYY-MM-DD), got nothing (null)"),
        ((2016,), "end: expected a date (YYYY-MM-DD), got the number 2016"),
        (("2016-06-30", 1.5), "months: expected a whole number, got the number 1.5"),
        (("2016-06-30", True), "months: expected a whole number, got the boolean true"),
        (("2016-06-30", "12"), "months: expected a whole number, got the text '12'"),
        (("2016-06-30", 0), "months: a period is of one month or more, not 0"),
        (("2016-06-30", 10**6), "months: 1000000 months before 2016-06-30 is outside the calendar"),
        (("1900-01-31", 2), "months: 1899-12-01 is outside the dates the model holds (1900 to 2099)"),
    ],
)
def test_a_period_of_months_names_the_argument_it_cannot_take(args: tuple[object, ...], said: str) -> None:
    # Python's own TypeErrors came out ("can only concatenate str"), and True was a month.
    with pytest.raises(pe.PeelDataError) as e:
        pe.Period.months_to(*args)  # type: ignore[arg-type]
    assert str(e.value) == said


def test_a_period_of_months_takes_iso_text_as_a_snapshot_does() -> None:
    assert pe.Period.months_to("2016-06-30") == pe.Period.months_to(dt.date(2016, 6, 30))
    assert str(pe.Period.months_to("2016-06-30", 3)) == "1 April 2016 to 30 June 2016"
    assert (
        pe.Period.as_at("2016-07-01")
        == pe.Period.as_at(dt.date(2016, 7, 1))
        == pe.Period("2016-07-01", "2016-07-01")
    )


@pytest.mark.parametrize("day", [None, 2016, "1 July 2016", dt.datetime(2016, 7, 1, 9), "1899-12-31"])
def test_a_snapshot_names_the_day_it_cannot_take_as_a_period_of_months_does(day: object) -> None:
    # A snapshot raised TypeError where a period of months, and the period
    # itself, raise PeelDataError; and it refused ISO text, which both read.
    with pytest.raises(pe.PeelDataError, match=r"^day: ") as e:
        pe.Period.as_at(day)  # type: ignore[arg-type]
    months = pe.Period.months_to
    with pytest.raises(pe.PeelDataError) as same:
        months(day)  # type: ignore[arg-type]
    assert str(e.value).removeprefix("day: ") == str(same.value).removeprefix("end: ")


def _months_later(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last where it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@given(st.dates(dt.date(1902, 1, 1), dt.date(2099, 12, 31)), st.integers(1, 24))
def test_a_period_of_months_holds_each_day_of_the_year_once(end: dt.date, months: int) -> None:
    # "12 months to 28 February 2016" began on 28 February 2015, which the
    # 12 months to 28 February 2015 hold too: 366 days, a day counted twice.
    p = pe.Period.months_to(end, months)
    assert p.end == end
    assert _months_later(p.start, months) > end  # no day and the same day months later
    assert _months_later(p.start - dt.timedelta(days=1), months) <= end  # and none left out
    if (end + dt.timedelta(days=1)).day == 1:  # a month's last day: whole calendar months
        assert p.months == months


@pytest.mark.parametrize(
    ("written", "start"),
    [
        ("12 months to 28 February 2016", dt.date(2015, 3, 1)),
        ("1 month to 28 March 2015", dt.date(2015, 3, 1)),
        ("12 months to 28 February 2015", dt.date(2014, 3, 1)),
        ("1 month to 30 April 2016", dt.date(2016, 4, 1)),
        ("3 months to 30 May 2015", dt.date(2015, 3, 1)),
        ("12 months to 15 June 2016", dt.date(2015, 6, 16)),
    ],
)
def test_a_period_of_months_as_written_begins_the_day_after_the_same_day_before(
    written: str, start: dt.date
) -> None:
    assert pe.Period.parse(written).start == start


@pytest.mark.parametrize("wrong", [True, None, 1.0])
def test_an_outcome_table_s_row_is_asked_by_number_or_label_only(wrong: object) -> None:
    # True found outcome 1's row; None was "no row for nothing (null)".
    t = pe.load_bundled().report("cumbria", 2016).outcome_table("figure_4")
    with pytest.raises(TypeError, match="outcome_or_group must be an outcome number"):
        t.row(wrong)  # type: ignore[arg-type]


def test_an_outcome_table_s_row_is_found_by_a_numpy_whole_number() -> None:
    # A DataFrame column's number is an int64, not an int.
    np = pytest.importorskip("numpy")
    t = pe.load_bundled().report("cumbria", 2016).outcome_table("figure_4")
    assert t.row(np.int64(1)) == t.row(1)


@pytest.mark.parametrize(
    "period",
    [
        "12 months to 30 {} 2016",
        "as at 1 {} 2016",
        "1 January 2016 to 31 {} 2016",
        "1 {} 2016 to 31 March 2016",
    ],
)
def test_a_period_s_long_month_word_is_said_shortened(period: str) -> None:
    # The month and the whole period were each quoted in full: a message of
    # 2,000,095 characters for a month of a million.
    text = period.format("J" * 1_000_000)
    with pytest.raises(pe.PeelDataError) as caught:
        pe.Period.parse(text)
    said = str(caught.value)
    assert len(said) < 400, said[:400]
    assert "(1000000 characters) is not a month" in said


def test_every_word_of_the_data_format_prints_as_its_word() -> None:
    # GradeScale and OutcomeMeasure printed as "GradeScale.FOUR_POINT";
    # grades, reasons and units print as their labels ("Good").
    from peel_effectiveness.model._words import Words

    def every(cls: type) -> list[type]:
        return [cls, *(x for sub in cls.__subclasses__() for x in every(sub))]

    labelled = {pe.Grade, pe.NoGrade, pe.model.Unit}
    for cls in every(Words)[1:]:
        for member in cls:
            assert str(member) == (member.label if cls in labelled else member.value), (cls, member)


class _NoTruth:
    """A value with no truth value, as numpy's arrays and pandas' Series."""

    def __bool__(self) -> bool:
        raise ValueError("the truth value of this is ambiguous")

    def __len__(self) -> int:
        raise ValueError("no length either")


@pytest.mark.parametrize("field", ["assessments", "measurements", "outcome_tables"])
def test_a_report_s_list_given_a_value_with_no_truth_value_is_refused_naming_it(field: str) -> None:
    # An array for the assessments raised its own ValueError ("The truth
    # value of an array ... is ambiguous").
    report = pe.InspectionReport(force="kent", cycle=2016)
    with pytest.raises(pe.PeelDataError, match=f"^{field}: expected a list, got "):
        attrs.evolve(report, **{field: _NoTruth()})
