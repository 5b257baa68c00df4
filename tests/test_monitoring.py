"""Enhanced monitoring (Engage): the bundled stays, checked against the
reference file row by row, and the questions a reporter asks of them."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

import peel_effectiveness as pe
from peel_effectiveness.model import EngageDate, Precision, Stay

REFERENCE = Path(__file__).parents[1] / "seeds" / "reference" / "engage-events.csv"
ROWS = list(csv.DictReader(REFERENCE.read_text(encoding="utf-8").splitlines()))
EVENTS: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
for _row in ROWS:
    EVENTS[(pe.find_force(_row["force"]).id, _row["event"])].append(_row)
PRECISION = {
    "day": Precision.DAY,
    "month": Precision.MONTH,
    "year": Precision.YEAR,
    "article-date": Precision.BY,
}
FINE = [Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.BY]


def _event(stay: Stay, event: str) -> tuple[EngageDate | None, tuple[str, ...]]:
    return (stay.entered, stay.entered_sources) if event == "entered" else (stay.left, stay.left_sources)


def test_the_reference_file_is_the_shared_one() -> None:
    shared = Path("/work/shared/reference/engage-events.csv")
    if shared.exists():
        assert shared.read_bytes() == REFERENCE.read_bytes()
    assert len(ROWS) == 68
    assert len({f for f, _ in EVENTS}) == 10


@pytest.mark.parametrize(("force", "event"), sorted(EVENTS), ids=lambda x: str(x))
def test_every_engage_event_is_bundled_with_its_date_precision_and_sources(force: str, event: str) -> None:
    (stay,) = pe.load_bundled().stays_of(force)
    when, sources = _event(stay, event)
    rows = EVENTS[(force, event)]
    assert when is not None
    # Every source of the event, and no other.
    assert sorted(sources) == sorted({r["source_url"] for r in rows})
    # The date is one a source states, to the finest precision any states.
    dated = [r for r in rows if r["date_precision"] in PRECISION]
    finest = min((PRECISION[r["date_precision"]] for r in dated), key=FINE.index)
    assert when.precision is finest
    stated = {r["date"] for r in dated if PRECISION[r["date_precision"]] is finest}
    assert when.iso.removeprefix("by ") in stated
    # Where sources of that precision disagree, HMICFRS's own date (if one
    # states it) is taken, else the earliest (reposts come later).
    official = {
        r["date"]
        for r in dated
        if PRECISION[r["date_precision"]] is finest and "justiceinspectorates" in r["source_url"]
    }
    assert when.iso.removeprefix("by ") == min(official or stated)


def test_a_force_with_no_exit_in_the_sources_is_still_in() -> None:
    stays = {s.force.id: s for s in pe.load_bundled().stays}
    assert sorted(stays) == sorted({f for f, _ in EVENTS})
    assert [f for f, s in stays.items() if s.left is None] == ["lincolnshire"]
    assert all(s.reason for s in stays.values())


def test_the_forces_in_engage_on_1_january_2023_and_2025() -> None:
    data = pe.load_bundled()
    on_2023 = pe.analysis.in_engage(data, dt.date(2023, 1, 1))
    assert [f.id for f in on_2023.forces] == [
        "cleveland", "devon-and-cornwall", "gloucestershire", "metropolitan", "staffordshire", "wiltshire",
    ]  # fmt: skip
    assert on_2023.maybe == ()
    on_2025 = pe.analysis.in_engage(data, "2025-01-01")
    assert [f.id for f in on_2025.forces] == [
        "devon-and-cornwall",
        "lincolnshire",
        "metropolitan",
        "nottinghamshire",
    ]
    assert str(on_2025) == (
        "In Engage on 1 January 2025: Devon and Cornwall, Lincolnshire, Metropolitan, Nottinghamshire"
    )


def test_a_day_the_dates_cannot_tell_about_is_said_so() -> None:
    data = pe.load_bundled()
    # Staffordshire entered in June 2022 (to the month).
    mid_june = pe.analysis.in_engage(data, dt.date(2022, 6, 15))
    assert "staffordshire" in [s.force.id for s in mid_june.maybe]
    assert "staffordshire" not in [f.id for f in mid_june.forces]
    assert "perhaps Staffordshire (from June 2022)" in str(mid_june)


def test_a_stay_that_ends_before_it_starts_is_refused_with_its_line() -> None:
    text = "monitoring:\n  - force: kent\n    entered: 2023-05-01\n    left: 2022-04\n    reason: A test.\n"
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    (problem,) = e.value.problems
    assert (problem.line, problem.path) == (4, "monitoring[0].left")
    assert "the stay ends (April 2022) before it starts (1 May 2023)" in problem.message


@pytest.mark.parametrize(
    ("written", "line", "path", "message"),
    [
        ("    force: kent\n    entered: 2023-13\n", 4, "monitoring[0].entered", "'2023-13' is not a date"),
        (
            "    force: kent\n    entered: 2023-5-1\n",
            4,
            "monitoring[0].entered",
            "not a date to a day, a month or a year",
        ),
        ("    force: kent\n    entered: 9999\n", 4, "monitoring[0].entered", "outside the dates"),
        ("    force: Kentt\n    entered: 2023\n", 3, "monitoring[0].force", "no force called 'Kentt'"),
        ("    force: kent\n", 3, "monitoring[0].entered", "missing required field 'entered'"),
        (
            "    force: kent\n    entered: 2023\n    lefts: 2024\n",
            5,
            "monitoring[0].lefts",
            "did you mean 'left'",
        ),
    ],
)
def test_a_bad_stay_is_refused_naming_its_field(written: str, line: int, path: str, message: str) -> None:
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads("monitoring:\n  -\n" + written)
    problem = e.value.problems[0]
    assert (problem.line, problem.path) == (line, path), e.value
    assert message in problem.message


def test_a_date_of_the_wrong_precision_is_refused_in_python() -> None:
    with pytest.raises(pe.PeelDataError, match="day: a date to the month is written as its first day"):
        EngageDate(dt.date(2023, 5, 17), Precision.MONTH)
    with pytest.raises(pe.PeelDataError, match="day: a date to the year is written as its first day"):
        EngageDate(dt.date(2023, 5, 1), "year")


def test_a_forces_stays_may_not_overlap() -> None:
    text = (
        "monitoring:\n"
        "  - {force: kent, entered: 2020-01, left: 2021-06}\n"
        "  - {force: kent, entered: 2021-03}\n"
    )
    with pytest.raises(pe.PeelDataError, match="Kent's stays in Engage overlap") as e:
        pe.loads(text)
    assert e.value.problems[0].line == 3
    with pytest.raises(pe.PeelDataError, match="overlap"):
        pe.Dataset((), [Stay(force="kent", entered="2020"), Stay(force="kent", entered="2021")])


def test_your_own_stays_load_round_trip_and_replace_the_bundled_ones(tmp_path: Path) -> None:
    mine = pe.loads(
        "reports:\n  - {force: kent, cycle: 2016, grade: good}\n"
        "monitoring:\n  - {force: cleveland, entered: 2019-04-02, left: by 2023-09-21, reason: Mine.}\n"
    )
    assert len(mine) == 1
    assert [str(s.left) for s in mine.stays] == ["by 21 September 2023"]
    for fmt in ("yaml", "json"):
        assert pe.loads(pe.dump(mine, fmt), format=fmt) == mine  # type: ignore[arg-type]
    (tmp_path / "stays.yaml").write_text(pe.dump(mine), encoding="utf-8")
    data = pe.load_bundled().overlay(pe.load(tmp_path))
    assert [s.reason for s in data.stays_of("cleveland")] == ["Mine."]
    assert len(data.stays) == len(pe.load_bundled().stays)


def test_how_long_each_stay_lasted_as_exactly_as_its_dates_allow() -> None:
    stays = {s.force.id: s for s in pe.load_bundled().stays}
    assert pe.analysis.duration_words(stays["metropolitan"]) == "2 years 6 months"
    assert pe.analysis.duration_words(stays["cleveland"]).startswith("between ")
    today = dt.date(2026, 12, 4)
    assert pe.analysis.duration_words(stays["lincolnshire"], today) == "1 year 11 months so far"


def test_forces_in_engage_when_their_reports_were_published() -> None:
    rows = pe.analysis.in_engage_when_published(pe.load_bundled(), "2023-25")
    # As engage-events.csv and the reports' days have it.
    assert sorted((f.id, None if day is None else str(day), a) for f, day, a in rows if a is not False) == [
        ("devon-and-cornwall", "2024-07-11", True),
        ("lincolnshire", "2025-05-15", True),
        ("metropolitan", "2024-08-15", True),
        ("nottinghamshire", "2024-07-11", True),
        ("west-midlands", "2023-12-22", True),
        ("wiltshire", None, None),  # in from 2023-25's start, no report day: the dates cannot tell
    ]
    assert len(rows) == 43


def test_a_stay_the_day_may_fall_in_says_which_of_its_moves_is_unsure() -> None:
    from peel_effectiveness.analysis import in_engage

    data = pe.load_bundled()
    # Nottinghamshire moved in on 11 March 2024, and out by 22 May 2025 (an article's day).
    assert str(in_engage(data, "2025-05-21")).endswith(
        "; perhaps Nottinghamshire (from 11 March 2024, out by 22 May 2025)"
    )
    # Cleveland moved in in April 2019.
    assert (
        str(in_engage(data, "2019-04-15"))
        == "In Engage on 15 April 2019: no force; perhaps Cleveland (from April 2019)"
    )


def test_a_stay_known_to_have_begun_by_an_article_s_day_is_said_so() -> None:
    from peel_effectiveness.analysis import in_engage

    data = pe.loads("monitoring:\n  - force: kent\n    entered: by 2020-05-22\n")
    assert "; perhaps Kent (in by 22 May 2020)" in str(in_engage(data, "2020-05-21"))


def test_a_day_before_the_first_move_the_data_record_says_none_is_recorded() -> None:
    data = pe.load_bundled()
    assert pe.analysis.earliest_move(data) == dt.date(2019, 4, 1)  # Cleveland, in April 2019
    before = pe.analysis.in_engage(data, "2016-06-01")
    assert before.forces == ()
    assert before.before_the_data
    assert not before.beyond_the_data
    assert str(before) == (
        "In Engage on 1 June 2016: no force (as far as the data go: they record no move in or out "
        "before 1 April 2019; an earlier stay would be missing)"
    )
    assert not pe.analysis.in_engage(data, "2019-04-01").before_the_data
    assert pe.analysis.earliest_move(pe.Dataset()) is None
    assert not pe.analysis.in_engage(pe.Dataset(), "2016-06-01").before_the_data


def test_a_stay_said_to_follow_a_report_published_after_it_began_says_so() -> None:
    # Cleveland moved in "in April 2019" (one source), for the grades of a
    # report published on 27 September 2019: a reader is told, not left to
    # write the two the wrong way round.
    data = pe.load_bundled()
    stay = next(s for s in data.stays if s.force.id == "cleveland")
    published = data.report("cleveland", "2018/19", "effectiveness").published
    assert published is not None
    assert stay.entered.last < published
    assert (
        "2018/19 report" in stay.reason.replace("PEEL 2018/19", "2018/19 report") or "2018/19" in stay.reason
    )
    assert f"published on {published.day} September {published.year}" in (stay.note or "")


@pytest.mark.parametrize(
    ("entered", "reach", "after"),
    [
        ("2026-05", "in May 2026", "the latest move in or out they record is in May 2026"),
        ("2026", "in 2026", "the latest move in or out they record is in 2026"),
        ("by 2026-05-22", "by 22 May 2026", "the latest move in or out they record is by 22 May 2026"),
        ("2026-05-22", "on 22 May 2026", "the latest move in or out they record is on 22 May 2026"),
    ],
)
def test_the_data_s_reach_is_worded_as_exactly_as_their_latest_move_is_dated(
    tmp_path: Path, entered: str, reach: str, after: str
) -> None:
    # A move known to the month is not "on 1 May 2026".
    from clirun import run

    mine = tmp_path / "kent.yaml"
    mine.write_text(
        f"monitoring:\n- force: kent\n  entered: '{entered}'\n  reason: Concerns.\n", encoding="utf-8"
    )
    data = pe.load_bundled().overlay(pe.load(mine))
    now = pe.analysis.in_engage(data, dt.date(2027, 3, 1))
    assert now.latest == pe.analysis.latest_move(data) == pe.analysis.latest_dated(data).earliest
    assert after in str(now)
    code, out, err = run("--data", str(mine), "monitoring", "--on", "2027-03-01")
    assert code == 0, err
    said = " ".join(out.split())
    assert f"as far as the data go (the latest move they record was {reach})" in said
    assert f"As far as the data go: {after}; a later one would be missing." in said
    assert "on 1 May 2026" not in said
    assert "on 1 January 2026" not in said
    code, out, err = run("--data", str(mine), "monitoring", "--on", "2027-03-01", "--format", "csv")
    from clirun import rows

    assert {(r["data_end"], r["data_end_precision"]) for r in rows(out)} == {
        # As a stay's dates are: "by" the article's day, not two days before it.
        (str(pe.analysis.latest_dated(data).day), pe.analysis.latest_dated(data).precision.value)
    }
    code, out, err = run("--data", str(mine), "show", "kent")
    assert code == 0, err
    assert f"not out as far as the data go (the latest move they record was {reach})" in " ".join(out.split())
    # A day past the move's first day, before its last, is not said to be "to" a later day.
    code, out, err = run("--data", str(mine), "monitoring", "--on", "2026-05-21")
    said = " ".join(out.split())
    assert "(to " not in said


@pytest.mark.parametrize(
    ("entered", "on", "lasted"),
    [
        ("2025-07", "2025-07-31", "less than a month by then"),
        # Moved in that year: perhaps on 1 January, perhaps on 30 July (not "less than a month").
        ("2025", "2025-08-15", "up to 6 months by then"),
        ("2025", "2026-03-01", "up to 6 months by then"),
    ],
)
def test_a_stay_not_ended_is_never_counted_past_the_data_s_latest_move(
    tmp_path: Path, entered: str, on: str, lasted: str
) -> None:
    # A stay whose move in is known to the month or the year was counted to
    # the end of that month or year, past the data's latest move (30 July
    # 2025): "(0 months so far)", "between 0 months and 10 months so far".
    from clirun import run

    mine = tmp_path / "durham.yaml"
    mine.write_text(f"monitoring:\n- force: durham\n  entered: '{entered}'\n", encoding="utf-8")
    code, out, err = run("--data", str(mine), "monitoring", "--on", on)
    assert code == 0, err
    said = " ".join(out.split())
    assert "Durham: from" in said
    assert f"({lasted})" in said  # not "at least 0 months"
    assert "so far" not in said


def test_the_stays_file_is_what_the_importer_makes_of_the_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file was mended by hand twice (a reason, a note) and the importer
    # not: run again, it undid both.
    from tool_module import ROOT, load

    tool = load("import_engage")
    made = tmp_path / "monitoring.yaml"
    monkeypatch.setattr(tool, "TARGET", made)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    tool.main()
    assert made.read_bytes() == (ROOT / "seeds" / "monitoring.yaml").read_bytes()


def test_each_stay_s_reason_names_what_its_report_graded_inadequate() -> None:
    # Wiltshire's reason left out the third of its three inadequate areas.
    data = pe.load_bundled()
    report = data.report("wiltshire", "2021/22")
    inadequate = [
        a for a in report.assessments if a.judgment is not None and a.judgment.grade is pe.Grade.INADEQUATE
    ]
    assert [a.question for a in inadequate] == ["responding", "vulnerable_people", "use_of_resources"]
    (stay,) = [s for s in data.stays if s.force.id == "wiltshire"]
    for words in ("responding to the public", "protecting vulnerable people", "use of resources"):
        assert words in stay.reason


def test_a_force_s_stays_say_how_far_the_whole_record_goes(tmp_path: Path) -> None:
    # --force lincolnshire gave data_end as its own move in (2024-12-06),
    # which said "still in" held only to the day it went in.
    import io
    import sqlite3

    from peel_effectiveness.analysis._engage import reach_of
    from peel_effectiveness.cli import main

    data = pe.load_bundled()
    reach = reach_of(data.stays)
    assert reach is not None
    assert reach.day != data.stays_of("lincolnshire")[-1].entered.day
    for force in ("lincolnshire", "cleveland"):
        out = io.StringIO()
        assert main(["export", "--table", "monitoring", "--force", force, "--format", "csv"], stdout=out) == 0
        ends = {row["data_end"] for row in csv.DictReader(io.StringIO(out.getvalue()))}
        assert ends == {reach.day.isoformat()}
    db = tmp_path / "one.db"
    assert main(["-q", "export", "--format", "sqlite", "--force", "lincolnshire", "-o", str(db)]) == 0
    connection = sqlite3.connect(db)
    try:
        ends_in_db = connection.execute("select distinct data_end from monitoring").fetchall()
    finally:
        connection.close()
    assert ends_in_db == [(reach.day.isoformat(),)]
    one = pe.Dataset((), data.stays_of("lincolnshire"))
    rows = pe.to_records(one, "monitoring", data=data)
    assert {r["data_end"] for r in rows} == {reach.day}


@pytest.mark.parametrize(
    "day", [dt.date(2100, 1, 1), "2100-01-01", dt.date(1899, 12, 31), dt.datetime(2100, 1, 1)]
)
def test_in_engage_takes_a_day_within_the_model_s_dates_however_it_is_given(day: object) -> None:
    # 2100-01-01 as text was refused and as a date answered.
    with pytest.raises(
        pe.PeelDataError, match=r"^on: .* is outside the dates the model holds \(1900 to 2099\)"
    ):
        pe.analysis.in_engage(pe.load_bundled(), day)  # type: ignore[arg-type]
    assert str(pe.analysis.in_engage(pe.load_bundled(), dt.datetime(2020, 1, 1, 5))).startswith(
        "In Engage on 1 January 2020"
    )


def test_in_engage_refuses_pandas_not_a_time_by_name() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(TypeError, match=r"^on must be a date or ISO text \(2023-01-01\), not NaTType$"):
        pe.analysis.in_engage(pe.load_bundled(), pd.NaT)
    assert str(pe.analysis.in_engage(pe.load_bundled(), pd.Timestamp("2020-01-01"))).startswith(
        "In Engage on 1 January 2020"
    )
