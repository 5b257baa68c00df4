"""Engage, coverage and national at their edges: what a hostile trial of
issues 13 and 14 found, each case failing on the code before its fix."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peel_effectiveness as pe
from clirun import rows, run, run_on
from peel_effectiveness.analysis import duration_words, in_engage_when_published
from peel_effectiveness.model import Stay
from peel_effectiveness.output.columns import KEYS

DATA = pe.load_bundled()
KENT_2020 = "monitoring:\n  - force: kent\n    entered: 2020-01-01\n    left: 2021-06-01\n"
KENT_2021 = "monitoring:\n  - force: kent\n    entered: 2021-01-01\n    left: 2022-06-01\n"


def test_every_stay_loaded_is_exported_whatever_the_reports(tmp_path: Path) -> None:
    mine = tmp_path / "kent.yaml"
    mine.write_text(KENT_2020, encoding="utf-8")
    code, out, _ = run("--no-bundled", "--data", str(mine), "export", "--table", "monitoring")
    assert code == 0
    assert [(r["force"], r["entered"]) for r in rows(out)] == [("kent", "2020-01-01")]
    # A stay belongs to no cycle: --cycle picks reports, not stays, and is refused.
    code, out, _ = run("export", "--table", "monitoring")
    assert code == 0
    assert len(rows(out)) == len(DATA.stays)
    assert run("export", "--table", "monitoring", "--cycle", "2016")[0] == 2
    code, out, _ = run("export", "--table", "monitoring", "--force", "cleveland")
    assert {r["force"] for r in rows(out)} == {"cleveland"}


def test_two_stays_of_a_force_entered_the_same_day_are_refused_with_the_line() -> None:
    text = (
        "monitoring:\n"
        "  - force: kent\n    entered: 2023-01-01\n    left: 2023-01-01\n"
        "  - force: kent\n    entered: 2023-01-01\n    left: 2023-03-01\n"
    )
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    (problem,) = e.value.problems
    assert problem.line == 6
    assert "two stays in Engage entered 1 January 2023 (the other is at monitoring[0])" in problem.message


def test_a_stay_after_a_month_precise_one_is_ordered_by_its_start() -> None:
    text = "monitoring:\n  - force: kent\n    entered: 2023-01\n    left: 2023-01-15\n  - force: kent\n    entered: 2023-01-15\n"
    data = pe.loads(text)
    assert [str(s.entered) for s in data.stays] == ["January 2023", "15 January 2023"]


def test_stays_that_overlap_across_files_are_named_with_both_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(KENT_2020, encoding="utf-8")
    second.write_text(KENT_2021, encoding="utf-8")
    code, _, err = run("validate", str(first), str(second))
    assert code == 1
    assert f"{second}:3: monitoring[0].entered: Kent's stays in Engage overlap" in err
    assert f"(the other is in {first}, line 3)" in err
    code, _, err = run("--no-bundled", "--data", str(first), "--data", str(second), "monitoring")
    assert code == 1
    assert f"{second}:3: monitoring[0].entered: Kent's stays" in err


def test_validate_counts_the_stays_of_a_file(tmp_path: Path) -> None:
    mine = tmp_path / "kent.yaml"
    mine.write_text(KENT_2020, encoding="utf-8")
    code, _, err = run("validate", str(mine))
    assert code == 0
    assert "ok (0 reports, 1 stay in Engage)" in err


def test_a_day_before_a_force_entered_is_answered_not_refused() -> None:
    code, out, err = run("monitoring", "--force", "lincolnshire", "--on", "2020-01-01")
    assert (code, err) == (0, "")
    assert "On 1 January 2020: not in Engage." in out
    code, out, _ = run("monitoring", "--force", "lincolnshire", "--on", "2020-01-01", "--format", "csv")
    assert code == 0
    assert [(r["on"], r["in_engage"]) for r in rows(out)] == [("2020-01-01", "no")]


def test_a_stay_that_begins_after_today_is_listed(tmp_path: Path) -> None:
    mine = tmp_path / "later.yaml"
    mine.write_text("monitoring:\n  - force: cleveland\n    entered: 2090\n", encoding="utf-8")
    code, out, err = run("--data", str(mine), "monitoring", "--force", "cleveland")
    assert code == 0
    assert "replace the bundled ones" in err
    assert "from 2090" in out
    assert "not begun on" in out


def test_a_force_is_one_row_for_each_day_its_reports_were_published() -> None:
    answers = in_engage_when_published(DATA, "2018/19")
    days = [(f.id, day) for f, day, _ in answers if day is not None]
    assert len(days) == len(set(days))
    code, out, _ = run("monitoring", "--cycle", "2018/19", "--format", "csv")
    assert code == 0
    dated = [r for r in rows(out) if r["published"]]
    assert len(dated) == len(days)
    # And a row for each force whose reports have no date in the data: in
    # 2018/19, a force's pillars came out as one report, so only where none
    # of them has one.
    reports = DATA.for_cycle("2018/19")
    with_a_day = {r.force.id for r in reports if r.published is not None}
    undated = {r.force.id for r in reports if r.published is None} - with_a_day
    assert {r.force.id for r in reports if r.published is None} & with_a_day  # some have both
    assert sorted(r["force"] for r in rows(out) if not r["published"]) == sorted(undated)
    assert sorted(f.id for f, day, _ in answers if day is None) == sorted(undated)


_PROVENANCE = "{title: t, publisher: HMIC, published: %s}"
_TWO_PILLARS = f"""reports:
  - {{force: kent, cycle: CYCLE, pillar: effectiveness, provenance: {_PROVENANCE % "DAY"}}}
  - {{force: kent, cycle: CYCLE, pillar: legitimacy}}
monitoring:
  - {{force: kent, entered: 2016-01-01, left: 2017-01-01}}
"""


def test_a_pillar_report_without_a_date_is_answered_beside_its_forces_dated_one() -> None:
    from peel_effectiveness.analysis._engage import held_while_published

    # 2016's pillars came out apart: the undated one over the cycle's days.
    data = pe.loads(_TWO_PILLARS.replace("CYCLE", "2016").replace("DAY", "2016-12-01"))
    kent = pe.find_force("kent")
    assert in_engage_when_published(data, "2016") == (
        (kent, dt.date(2016, 12, 1), True),
        (kent, None, held_while_published(data.stays, pe.Cycle("2016"))),
    )
    assert held_while_published(data.stays, pe.Cycle("2016")) is None
    # 2018/19's came out as one report a force: on the day of the one dated.
    data = pe.loads(_TWO_PILLARS.replace("CYCLE", "2018/19").replace("DAY", "2019-09-27"))
    assert in_engage_when_published(data, "2018/19") == ((kent, dt.date(2019, 9, 27), False),)


def test_a_cycle_without_dates_before_the_data_says_so() -> None:
    # 2015's reports have no date in the data and came out before the
    # earliest move the data record: they cannot tell (it said "none",
    # which "an earlier stay would be missing" then took back).
    code, out, _ = run("monitoring", "--cycle", "2015")
    assert code == 0
    assert out.splitlines()[1] == "  the data cannot tell: these reports came out before any move they record"
    assert "As far as the data go: they record no move in or out before" in out
    code, out, _ = run("monitoring", "--cycle", "2018/19")
    said = " ".join(out.split())
    assert "Of 128 pillar reports, 52 have a publication date in the data" in said
    assert "55 without one came out with their force's other pillars" in said
    assert (
        "and the other 21 are answered over the days the cycle's reports came out, and a week either side."
        in said
    )


def test_a_date_and_time_is_refused_as_a_date_by_name() -> None:
    stay = DATA.stays[0]
    now = dt.datetime(2024, 1, 1, 12, 0)
    with pytest.raises(TypeError, match="in_on"):
        stay.in_on(now)
    with pytest.raises(TypeError, match="duration"):
        stay.duration(now)
    with pytest.raises(TypeError, match="today"):
        duration_words(stay, now)


def test_a_question_new_in_a_cycle_has_its_grades_and_no_change() -> None:
    t = pe.transitions(DATA, 2015, 2016, 5)
    assert len(t.not_comparable) == 43
    assert t.reason == "2015 has no question q5_specialist: it first appears in 2016"
    assert t.question == "q5_specialist"
    # Cycles not next to each other: where it first appears, not the later
    # cycle (2017 and 2018/19 were named); where it last does, the last
    # cycle that asks it; and nowhere, of a question the registry does not
    # list (2016's efficiency is not known in full: "zzz" last appeared there).
    for later in (2017, "2018/19"):
        reason = pe.transitions(DATA, 2015, later, 5).reason
        assert reason == "2015 has no question q5_specialist: it first appears in 2016"
        assert pe.transitions(DATA, 2015, later, 5).not_comparable[0].change.reason == reason
    assert (
        pe.transitions(DATA, 2014, 2016, 6).reason == "2016 has no question q6_spr: it last appears in 2014"
    )
    assert pe.transitions(DATA, 2016, "2018/19", "zzz", "efficiency").reason == "2018/19 has no question zzz"
    from peel_effectiveness.analysis._transitions import _asked

    y2015, y2018 = pe.Cycle(2015), pe.Cycle("2018/19")
    asked = [pe.Cycle(2016), pe.Cycle(2017)]
    assert _asked("q5_specialist", y2015, y2018, "effectiveness", last=True) == asked  # last: 2017
    assert _asked("q5_specialist", y2015, y2018, "effectiveness", last=False) == [*asked, y2018]
    code, out, err = run("national", "--cycle", "2016", "--question", "5", "--format", "csv")
    assert (code, err) == (0, "")
    assert {r["change"] for r in rows(out)} == {"not comparable"}
    assert len(rows(out)) == 43
    with pytest.raises(pe.NotFoundError, match="no core question 9 for effectiveness in 2016"):
        pe.transitions(DATA, 2015, 2016, 9)


def test_not_graded_is_refused_where_the_cycle_grades_no_force() -> None:
    text = "force: kent\ncycle: 2021/22\nassessments:\n  - question: armed_threats\n    grade: not graded\n"
    with pytest.raises(pe.PeelDataError, match="its judgment is 'ungraded'"):
        pe.loads(text)
    c = next(c for c in pe.analysis.coverage(DATA, "2023-25") if c.question == "victim_service")
    assert c.graded_in_cycle is False
    # 35 from the sources, 8 by the framework: every force's report.
    assert (c.count(pe.NoGrade.UNGRADED), c.count(pe.NoGrade.NOT_GRADED), c.unknown) == (43, 0, 0)


def test_national_says_grades_reasons_and_the_unknown_in_coverage_words() -> None:
    code, out, _ = run("national", "--cycle", "2023-25", "--force", "kent", "--format", "csv")
    assert code == 0
    victims = next(r for r in rows(out) if r["question"] == "victim_service")
    assert (victims["grade"], victims["no_grade"]) == ("", "ungraded")
    code, out, _ = run("national", "--cycle", "2023-25", "--format", "csv")
    table = rows(out)
    counts = [c for c in table[0] if c not in ("inferred", "sources")]  # inferred: a part of the grades'
    assert counts[-5:] == ["ungraded", "not_graded", "not_inspected", "not_yet_graded", "unknown"]
    assert "requires_improvement" in table[0]
    _, out, _ = run("coverage", "--cycle", "2023-25", "--format", "csv")
    assert set(counts[-5:]) <= set(rows(out)[0])
    by_question = {c.question: c for c in pe.analysis.coverage(DATA, "2023-25")}
    for r in table:
        c = by_question[r["question"]]
        assert int(r["unknown"]) == c.unknown
        assert int(r["ungraded"]) == c.count(pe.NoGrade.UNGRADED)
    # 2014 had no overall effectiveness grade: each change says it is not comparable.
    code, out, _ = run("national", "--cycle", "2015", "--format", "csv")
    assert {(r["previous_cycle"], r["change"]) for r in rows(out)} == {("2014", "not comparable")}


# Full-width and Arabic-Indic digits: 2020, 2020-01-01, by 2025-05-22.
FW = str.maketrans("0123456789", "".join(chr(0xFF10 + i) for i in range(10)))
AR = str.maketrans("0123456789", "".join(chr(0x0660 + i) for i in range(10)))


@pytest.mark.parametrize(
    "text", ["2020".translate(FW), "2020-01-01".translate(AR), "by " + "2025-05-22".translate(FW)]
)
def test_a_date_in_other_digits_is_refused_as_the_command_line_refuses_it(text: str) -> None:
    with pytest.raises(pe.PeelDataError, match="is not a date"):
        pe.model.EngageDate.parse(text)
    with pytest.raises(pe.PeelDataError, match="not a PEEL cycle"):
        pe.Cycle(text[:4])


def test_show_as_json_holds_the_force_stays_and_loads_back() -> None:
    code, out, _ = run("show", "cleveland", "--format", "json")
    assert code == 0
    data = pe.loads(out)
    assert data.stays == DATA.stays_of("cleveland")
    assert data.reports == DATA.for_force("cleveland")


def test_a_report_before_the_data_s_first_move_is_said_to_be_so_beside_others(tmp_path: Path) -> None:
    # One rule for the API and the command line: a row before the record
    # begins is "cannot tell" for that reason, not the dates' precision.
    data = tmp_path / "mine.yaml"
    data.write_text(
        "reports:\n"
        "  - {force: kent, cycle: 2016, pillar: effectiveness, provenance: {title: t, publisher: HMIC, published: 2016-12-01}}\n"
        "  - {force: durham, cycle: 2016, pillar: effectiveness, provenance: {title: t, publisher: HMIC, published: 2017-03-02}}\n"
        "monitoring:\n"
        "  - {force: kent, entered: 2017-01-01, left: 2017-06-01}\n"
    )
    loaded = pe.load(data)
    assert sorted((f.id, held) for f, _, held in in_engage_when_published(loaded, 2016)) == [
        ("durham", False),
        ("kent", None),
    ]
    code, out, _ = run("-q", "--no-bundled", "--data", str(data), "monitoring", "--cycle", "2016")
    assert code == 0
    assert out.splitlines()[1].split() == [
        "Kent",
        "1",
        "December",
        "2016",
        "cannot",
        "tell:",
        "before",
        "the",
        "data's",
        "first",
        "move",
    ]
    # An undated report a stay may hold is unknown from the dates, whenever the record begins.
    data.write_text(
        "reports:\n"
        "  - {force: essex, cycle: 2016, pillar: effectiveness, provenance: {title: t, publisher: HMIC}}\n"
        "  - {force: durham, cycle: 2016, pillar: effectiveness,"
        " provenance: {title: t, publisher: HMIC, published: 2017-03-02}}\n"
        "monitoring:\n"
        "  - {force: durham, entered: 2017-01-01, left: 2017-06-01}\n"
        "  - {force: essex, entered: 2017-02-01}\n"
    )
    code, out, _ = run("-q", "--no-bundled", "--data", str(data), "monitoring", "--cycle", "2016")
    assert " ".join(out.splitlines()[2].split()) == "Essex no date in the data cannot tell from the dates"


def test_monitoring_of_a_cycle_speaks_as_on_and_refuses_a_cycle_without_reports() -> None:
    code, _, err = run("monitoring", "--cycle", "2014", "--format", "csv")
    assert code == 1
    assert "the data have no 2014 reports (cycles with reports: 2015," in err
    code, out, _ = run("monitoring", "--cycle", "2023-25", "--format", "csv")
    assert out.splitlines()[0] == (
        "force,short_name,cycle,published,in_engage,data_start,data_end,data_end_precision,sources"
    )
    assert {r["in_engage"] for r in rows(out)} <= {"yes", "no", "cannot tell"}
    # Where each answer comes from: its reports' sources (which date them), then its force's moves'.
    got = {r["force"]: r["sources"].split("\n") for r in rows(out)}
    stay = DATA.stays_of("lincolnshire")[-1]
    assert set(stay.entered_sources) <= set(got["lincolnshire"])
    report = DATA.report("lincolnshire", "2023-25")
    assert got["lincolnshire"][0] in pe.analysis.sources_of(report, report.assessments[0].judgment)
    assert all(got.values())


def test_a_cycle_without_reports_is_one_answer_everywhere() -> None:
    assert pe.analysis.coverage(DATA, "2025-27") == pe.analysis.coverage(DATA, 2014) == ()
    for args in (
        ("coverage", "--cycle", "2025-27"),
        ("national", "--cycle", "2025-27"),
        ("plot", "map", "--cycle", "2025-27", "-o", "never.png"),
    ):
        code, _, err = run(*args)
        assert code == 1
        assert "the data have no 2025-27 reports (cycles with reports: 2015," in err


STAYS = {
    "a year's stay and a day's that share its first day": (
        "- {force: kent, entered: 2020, left: 2020-12}\n- {force: kent, entered: '2020-01-01', left: '2020-01-15'}\n",
        0,
    ),
    "a day's stay inside a year that may have begun after it": (
        "- {force: kent, entered: 2022, left: 2022-12}\n- {force: kent, entered: '2022-03-01', left: '2022-03-15'}\n",
        0,
    ),
    "a month's stay that may have begun after a day's ended": (
        "- {force: kent, entered: 2022-03, left: 2022-04}\n- {force: kent, entered: '2022-03-02', left: '2022-03-05'}\n",
        0,
    ),
    "a stay that ended inside one that ran on for certain": (
        "- {force: kent, entered: '2020-01-01', left: 2022-06}\n- {force: kent, entered: 2022, left: '2022-03-15'}\n",
        1,
    ),
    "two stays inside a third": (
        "- {force: kent, entered: '2020-01-01', left: '2020-12-01'}\n"
        "- {force: kent, entered: '2020-02-01', left: '2020-03-01'}\n"
        "- {force: kent, entered: '2020-04-01'}\n",
        2,
    ),
}


@pytest.mark.parametrize("case", STAYS)
def test_stays_overlap_only_where_they_must_share_a_day(case: str, tmp_path: Path) -> None:
    text, problems = STAYS[case]
    if problems:
        with pytest.raises(pe.PeelDataError) as e:
            pe.loads("monitoring:\n" + text)
        assert len(e.value.problems) == problems
        assert all("overlap" in p.message for p in e.value.problems)
        return
    data = pe.loads("monitoring:\n" + text)
    # What loads can be written, keys and all.
    mine = tmp_path / "mine.yaml"
    mine.write_text("monitoring:\n" + text, encoding="utf-8")
    code, _, err = run(
        "--no-bundled", "--data", str(mine), "export", "--format", "sqlite", "-o", str(tmp_path / "x.db")
    )
    assert (code, err.count("\n")) == (0, 1)
    keys = {tuple(r[k] for k in KEYS["monitoring"]) for r in pe.to_records(data, "monitoring")}
    assert len(keys) == len(data.stays)


def test_a_previous_grade_is_checked_and_named_in_its_own_cycle() -> None:
    text = (
        "force: kent\ncycle: 2023-25\nassessments:\n"
        "  - question: victim_service\n    grade: ungraded\n    previous_grade: ungraded\n"
    )
    with pytest.raises(pe.PeelDataError, match="it is graded in 2021/22"):
        pe.loads(text)


def test_standard_input_and_a_file_given_twice_in_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    mine = tmp_path / "kent.yaml"
    mine.write_text(KENT_2020, encoding="utf-8")
    code, _, err = run("validate", str(mine), str(mine))  # one file, read once, and each path answered
    assert (code, err) == (
        0,
        f"{mine}: ok (0 reports, 1 stay in Engage)\n{mine}: read already, for a path named before it (said above)\n",
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(KENT_2021))
    code, _, err = run("validate", str(mine), "-")
    assert code == 1
    assert "<stdin>:3: monitoring[0].entered: Kent's stays in Engage overlap" in err


def test_national_of_one_area_fits_80_columns_and_finds_a_question_by_its_label() -> None:
    for area in ("victim_service", "police_powers", "leadership", "crime_recording"):
        code, out, _ = run("national", "--cycle", "2023-25", "--question", area, "--force", "kent")
        assert code == 0
        assert max(map(len, out.splitlines())) <= 80, area
    code, out, _ = run("national", "--cycle", "2016", "--question", "Q5")
    assert code == 0
    assert out.startswith("PEEL effectiveness 2016, Q5 specialist capabilities:")


def test_your_stays_of_a_force_replace_the_bundled_ones_and_say_so(tmp_path: Path) -> None:
    mine = tmp_path / "cleveland.yaml"
    mine.write_text("monitoring:\n  - force: cleveland\n    entered: 2030\n", encoding="utf-8")
    code, out, err = run("--data", str(mine), "monitoring", "--force", "cleveland")
    assert code == 0
    assert err == (
        "peel-effectiveness: warning: your stays in Engage of Cleveland replace the bundled ones, "
        "and leave out the bundled stay from April 2019 to 20 September 2023\n"
    )
    assert "from 2030" in out
    assert "2019" not in out
    # Said with --quiet too: who was in Engage when is not what the bundle says.
    code, _, quiet = run("--data", str(mine), "-q", "monitoring", "--force", "cleveland")
    assert (code, quiet) == (0, err)
    # Yours that keep the bundled stays and add one replace nothing lost.
    bundled = pe.load_bundled().stays_of(pe.find_force("cleveland"))
    both = {
        "monitoring": [*pe.converter.unstructure(list(bundled)), {"force": "cleveland", "entered": "2030"}]
    }
    mine.write_text(json.dumps(both), encoding="utf-8")
    code, _, err = run("--data", str(mine), "monitoring", "--force", "cleveland")
    replaced = (0, "peel-effectiveness: note: your stays in Engage of Cleveland replace the bundled ones\n")
    assert (code, err) == replaced
    # A stay of the bundled one's dates in words of your own leaves none out.
    words = {"monitoring": [{**pe.converter.unstructure(bundled[0]), "reason": "My own words."}]}
    mine.write_text(json.dumps(words), encoding="utf-8")
    code, _, err = run("--data", str(mine), "monitoring", "--force", "cleveland")
    assert (code, err) == replaced
    # A stay left out is worded as the command line words stays: "out by".
    mine.write_text("monitoring:\n  - force: nottinghamshire\n    entered: 2030\n", encoding="utf-8")
    _, _, err = run("--data", str(mine), "-q", "monitoring", "--force", "nottinghamshire")
    assert err.endswith("leave out the bundled stay from 11 March 2024, out by 22 May 2025\n")


def test_a_file_says_its_overlaps_and_repeats_beside_its_other_problems() -> None:
    text = (
        '{"reports": [{"force": "kent", "cycle": 2016, "grade": "good"},'
        ' {"force": "kent", "cycle": 2017, "grade": "goood"},'
        ' {"force": "kent", "cycle": 2016, "grade": "good"}],'
        ' "monitoring": [{"force": "kent", "entered": "2020-01-01"},'
        ' {"force": "kentt", "entered": "2021"},'
        ' {"force": "kent", "entered": "2021-01-01"}]}'
    )
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    paths = [p.path for p in e.value.problems]
    assert paths == ["monitoring[1].force", "monitoring[2].entered", "reports[1].grade", "reports[2].force"]
    assert "(the first is at reports[0])" in e.value.problems[3].message


def test_review_findings_a_dropped_question_a_year_move_a_file_twice(tmp_path: Path) -> None:
    # A question the later cycle dropped keeps its pillar and key.
    t = pe.transitions(DATA, 2014, 2015, 5)
    assert (t.pillar, t.question) == (pe.Pillar.EFFECTIVENESS, "q5_soc")  # 2014's Q5
    # A move known to the year says the data reach its first day, no further.
    later = pe.loads("monitoring:\n  - force: kent\n    entered: 2027\n")
    assert pe.analysis.latest_move(later) == dt.date(2027, 1, 1)
    # A file given twice is read once, as --data reads it.
    mine = tmp_path / "kent.yaml"
    mine.write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    code, _, err = run("validate", str(mine), str(mine))
    assert (code, err) == (
        0,
        f"{mine}: ok (1 report)\n{mine}: read already, for a path named before it (said above)\n",
    )
    with pytest.raises(TypeError, match="takes a date as day"):
        DATA.stays[0].in_on(dt.datetime(2024, 1, 1))


def test_an_empty_result_is_a_frame_of_its_table_or_asks_for_one() -> None:
    pytest.importorskip("pandas")
    with pytest.raises(pe.PeelDataError, match="needs table="):
        pe.to_dataframe(DATA.stays_of("kent"))
    assert list(pe.to_dataframe(DATA.stays_of("kent"), "monitoring").columns)[:2] == ["force", "entered"]
    assert list(pe.to_dataframe(pe.analysis.coverage(DATA, 2014), "coverage").columns)[:1] == ["cycle"]
    assert pe.to_records([]) == []


def test_a_move_known_by_an_articles_day_may_have_been_two_days_before() -> None:
    stay = pe.model.Stay(force="nottinghamshire", entered="2024-03-11", left="by 2025-05-22")
    assert stay.in_on(dt.date(2025, 5, 19)) is True
    assert stay.in_on(dt.date(2025, 5, 20)) is None  # perhaps: it may have ended that day
    assert stay.in_on(dt.date(2025, 5, 22)) is False
    assert stay.duration() == (
        (dt.date(2025, 5, 20) - dt.date(2024, 3, 11)).days,
        (dt.date(2025, 5, 22) - dt.date(2024, 3, 11)).days,
    )


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    return day.replace(year=day.year + year, month=month + 1)


@given(
    st.dates(dt.date(2010, 1, 1), dt.date(2030, 12, 31)).filter(lambda d: d.day <= 28),
    st.integers(0, 30 * 12),
    st.integers(0, 27),
)
def test_a_stay_s_months_are_the_whole_calendar_months_it_lasted(
    start: dt.date, months: int, more: int
) -> None:
    # n months after the 20th is the 20th: a stay of whole years reads as
    # years, whatever the lengths of the months between (a count of days
    # over 30.4375 made 20 September to 20 September "11 months").
    end = _add_months(start, months) + dt.timedelta(days=more)
    if end >= _add_months(start, months + 1):
        return
    stay = Stay(force="kent", entered=start, left=end)
    assert stay.months() == (months, months)
    years, rest = divmod(months, 12)
    words = duration_words(stay)
    if years:
        assert words.startswith(f"{years} year")
    else:
        assert words == (f"{rest} month{'s' if rest != 1 else ''}" if rest else "less than a month")
    assert ("month" in words) == (rest > 0 or years == 0)


def test_a_stay_known_to_a_month_or_year_lasts_between_its_fewest_and_most_whole_months() -> None:
    assert Stay(force="kent", entered="2022-09", left="2023-09-20").months() == (11, 12)
    # A date given in Python is a day, as the text of one is.
    assert Stay(force="kent", entered=dt.date(2022, 9, 20)) == Stay(force="kent", entered="2022-09-20")
    assert duration_words(Stay(force="kent", entered="2022-09-20", left="2023-09-20")) == "1 year"
    assert duration_words(Stay(force="kent", entered="2023-02-01", left="2023-03-01")) == "1 month"
    assert duration_words(Stay(force="kent", entered="2024-12-06"), dt.date(2025, 12, 6)) == "1 year so far"
    # At a month's end, a month is whole on the last day of a shorter one.
    assert duration_words(Stay(force="kent", entered="2023-01-31", left="2023-02-28")) == "1 month"
    # None whole is "less than a month", never "0 months", which reads as exact.
    assert duration_words(Stay(force="kent", entered="2023-03-31", left="2023-04-29")) == "less than a month"
    assert duration_words(Stay(force="kent", entered="2020-03", left="2020-03-31")) == "less than a month"
    assert duration_words(Stay(force="kent", entered="2020-02", left="2020-03-15")) == (
        "between less than a month and 1 month"
    )
    assert duration_words(Stay(force="kent", entered="2024-02-29", left="2025-02-28")) == "1 year"


@pytest.mark.parametrize(
    ("entered", "left", "answer", "still_to_come"),
    [
        ("2019-01-01", "2024-01-01", True, False),  # round the whole of 2021/22's publication
        ("2024-01-01", None, False, True),  # after it
        ("2019-01-01", "2021-01-01", False, False),  # before it
        ("2022-06-01", None, None, True),  # began while its reports came out
        ("2019", "2023-03-01", None, False),  # out before its last report
        ("2025-05-01", "2025-09-01", False, None),  # in and out while 2025-27's came out
    ],
)
def test_a_report_without_a_date_is_answered_over_its_cycles_days(
    entered: str, left: str | None, answer: bool | None, still_to_come: bool | None
) -> None:
    from peel_effectiveness.analysis._engage import held_while_published

    stay = Stay(force="kent", entered=entered, left=left)
    assert held_while_published([stay], pe.Cycle("2021/22")) is answer
    assert held_while_published([], pe.Cycle("2021/22")) is False
    # 2025-27's reports are still to come, from its first on: a stay that
    # ended before it, or holds from before it and has not ended, is told.
    assert held_while_published([stay], pe.Cycle("2025-27")) is still_to_come


def test_the_data_cannot_tell_of_the_2016_reports_which_came_out_before_their_first_move() -> None:
    # As in_engage's earliest says: before it the data record no stay,
    # which does not say there was none. Each answer was False.
    answers = in_engage_when_published(DATA, 2016)
    assert len(answers) == 43
    assert {held for _, _, held in answers} == {None}
    code, out, _ = run("monitoring", "--cycle", "2016")
    assert code == 0
    assert out.splitlines()[1] == "  the data cannot tell: these reports came out before any move they record"
    code, out, _ = run("monitoring", "--cycle", "2016", "--format", "csv")
    assert {r["in_engage"] for r in rows(out)} == {"cannot tell"}
    # After the first move, no stay is no.
    assert [held for f, _, held in in_engage_when_published(DATA, "2018/19") if f.id == "kent"] == [False]


@pytest.mark.parametrize(
    ("cycle", "entered", "left", "answer"),
    [
        ("2021/22", "2021-10-01", "2023-05-15", True),  # round 27 October 2021 to April 2023
        ("2025-27", "2019-01-01", "2025-03-20", False),  # out three weeks before its framework
        ("2025-27", "2025-03-20", None, True),  # in three weeks before, and not out
        ("2025-27", "2024-01-01", "2030-01-01", True),  # round every day its reports may come out
        ("2025-27", "2024-01-01", "2027-06-01", None),  # out while they may still be coming
        ("2021/22", "2021-10-25", None, None),  # two days before its first: sources differ by days
    ],
)
def test_a_report_without_a_date_is_answered_over_its_cycles_days_and_a_week(
    cycle: str, entered: str, left: str | None, answer: bool | None
) -> None:
    from peel_effectiveness.analysis._engage import held_while_published

    assert held_while_published([Stay(force="surrey", entered=entered, left=left)], cycle) is answer


def test_held_while_published_refuses_what_is_not_stays_or_a_cycle() -> None:
    from peel_effectiveness.analysis._engage import held_while_published

    with pytest.raises(TypeError, match="stays"):
        held_while_published([None], "2016")  # type: ignore[list-item]
    with pytest.raises(TypeError, match="stays"):
        held_while_published(None, "2016")  # type: ignore[arg-type]
    with pytest.raises((TypeError, pe.PeelDataError), match="cycle"):
        held_while_published([], None)  # type: ignore[arg-type]


def test_the_days_of_a_cycle_are_counted_once_each() -> None:
    code, out, _ = run("monitoring", "--cycle", "2018/19")
    assert code == 0
    days = {r.published for r in DATA.for_cycle("2018/19") if r.published is not None}
    assert f"on {len(days)} days in all" in " ".join(out.split())
    code, out, _ = run("monitoring", "--cycle", "2023-25", "--format", "csv")
    assert code == 0
    # As --on's rows: how far the data go, and from when.
    assert {r["data_end"] for r in rows(out)} == {str(pe.analysis.latest_dated(DATA).day)}
    assert {r["data_start"] for r in rows(out)} == {str(pe.analysis.earliest_move(DATA))}


def test_a_day_past_the_data_is_said_in_the_heading() -> None:
    latest = pe.analysis.latest_move(DATA)
    assert latest is not None
    code, out, _ = run("monitoring", "--on", "2026-12-06")
    assert code == 0
    assert " ".join(out.split()).startswith(
        "In Engage on 6 December 2026, as far as the data go "
        f"(the latest move they record was on {pe.model._messages.day_words(latest)}): "
    )
    code, out, _ = run("monitoring", "--on", "2024-01-01")
    assert out.splitlines()[0].startswith("In Engage on 1 January 2024: ")


def test_a_stay_is_counted_to_a_day_within_it() -> None:
    # Devon and Cornwall was in from 14 October 2022; on 11 July 2024, when
    # its 2023-25 report came out, it had been in for 1 year 8 months.
    stay = Stay(force="devon-and-cornwall", entered="2022-10-14", left="2025-07-30")
    assert duration_words(stay, dt.date(2024, 7, 11)) == "1 year 8 months so far"
    assert stay.months(dt.date(2024, 7, 11)) == (20, 20)
    assert duration_words(stay, dt.date(2026, 1, 1)) == "2 years 9 months"
    assert duration_words(stay) == "2 years 9 months"
    # Both days in words, as the stay's own.
    with pytest.raises(
        pe.PeelDataError, match="began 14 October 2022, after 1 January 2022: it had lasted no time"
    ):
        duration_words(stay, dt.date(2022, 1, 1))


def test_a_day_past_the_dates_the_model_holds_is_refused_naming_its_argument() -> None:
    # 9999-12-31 as the chart's last day raised a bare ValueError (year 10000)
    # from the calendar; 2100-01-01 was refused as "day".
    stay = Stay(force="kent", entered="2022-06-28", left="2023-01-01")
    for day in (dt.date(9999, 12, 31), dt.date(2100, 1, 1), dt.date(1, 1, 1)):
        with pytest.raises(pe.PeelDataError, match=r"^today: .* is outside the dates the model holds"):
            duration_words(stay, day)
        pytest.importorskip("matplotlib")
        with pytest.raises(pe.PeelDataError, match=r"^until: .* is outside the dates the model holds"):
            pe.output.plot_monitoring(pe.Dataset(stays=(stay,)), until=day)


def test_a_day_before_a_stay_began_has_no_length_and_a_stay_to_come_is_shown(tmp_path: Path) -> None:
    stay = Stay(force="kent", entered="2022-06-28", left="2023-01-01")
    for measure in (stay.months, stay.duration):
        with pytest.raises(pe.PeelDataError, match="lasted no time"):
            measure(dt.date(2022, 6, 27))
    # A stay that may have ended on the day asked about: not ended, and not
    # "so far" either (counted to the day, "by then").
    unsure = Stay(force="kent", entered="2024-01", left="by 2025-05-22")
    assert duration_words(unsure, dt.date(2025, 5, 20)).endswith(" by then")
    mine = tmp_path / "m.yaml"
    mine.write_text(
        "monitoring:\n  - {force: kent, entered: 2030-01-01, left: 2031-01-01}\n", encoding="utf-8"
    )
    code, out, err = run("--data", str(mine), "--no-bundled", "monitoring", "--force", "kent")
    assert code == 0, err
    assert "not begun on" in out


def test_a_force_in_by_one_stay_is_not_perhaps_in_by_its_next(tmp_path: Path) -> None:
    # Stays never overlap: Kent, in to 15 March, moved in again that March
    # after it, so not on the 10th. It was listed as in, and perhaps in too.
    text = (
        "monitoring:\n"
        "- {force: kent, entered: '2021-01-01', left: '2021-03-15'}\n"
        "- {force: kent, entered: 2021-03}\n"
    )
    data = pe.loads(text)
    now = pe.analysis.in_engage(data, dt.date(2021, 3, 10))
    assert [s.entered.when for s in now.stays] == ["on 1 January 2021"]
    assert now.maybe == ()
    # After the first stay, the dates alone cannot tell of the second.
    later = pe.analysis.in_engage(data, dt.date(2021, 3, 20))
    assert (later.stays, [s.entered.when for s in later.maybe]) == ((), ["in March 2021"])
    # A row a stay says so too (the second "cannot tell").
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    args = ("-q", "--no-bundled", "--data", str(tmp_path / "mine.yaml"), "monitoring", "--force", "kent")
    code, out, _ = run(*args, "--on", "2021-03-10", "--format", "csv")
    assert (code, [r["in_engage"] for r in rows(out)]) == (0, ["yes", "no"])


_FENLAND = (
    "{id: fenland, official_name: Fenland Constabulary, short_name: Fenland, gss_code: E23999991,"
    " country: England, region: Eastern}"
)


@pytest.mark.parametrize("entered", ["2024-03-15", "2026-01-15"])
def test_a_stay_not_ended_is_counted_as_far_as_the_data_go_in_every_output(
    entered: str, tmp_path: Path
) -> None:
    # A force of your own's was counted to today by the command line ("2
    # years 8 months so far"), to the 43's last move by its table, and to
    # the last date of any stay by the chart, which counted the 43's there
    # too: each now as far as the data go for its force (the 43's last
    # move; for yours, its own last move where that is later).
    pytest.importorskip("matplotlib")
    mine = tmp_path / "mon.yaml"
    mine.write_text(
        f"monitoring:\n- force: {_FENLAND}\n  entered: '{entered}'\n- force: kent\n  entered: '2024-03-15'\n",
        encoding="utf-8",
    )
    data = pe.load_bundled().overlay(pe.load(mine))
    reach = dt.date(2025, 7, 30) if entered < "2025" else dt.date(2026, 1, 15)
    length = "at least 1 year 4 months" if entered < "2025" else "less than a month by then"
    code, out, err = run("-q", "--data", str(mine), "monitoring", "--force", "fenland")
    assert code == 0, err
    assert f"({length})" in " ".join(out.split())
    (row,) = rows(
        run(
            "-q",
            "--data",
            str(mine),
            "export",
            "--table",
            "monitoring",
            "--force",
            "fenland",
            "--format",
            "csv",
        )[1]
    )
    assert row["data_end"] == reach.isoformat()
    words = " ".join(t.get_text() for t in pe.output.plot_monitoring(data).axes[0].texts)
    assert f"{pe.model._messages.day_words(reach, short=True)}, {length}" in words
    # The 43's stays, as far as the 43's record goes, whatever yours say.
    assert "6 Dec 2024 \u2013 still in at 30 Jul 2025, at least 7 months" in words


@pytest.mark.parametrize("left", ["2021-02-30", "2021-13-01", "someday"])
def test_a_day_out_not_read_makes_no_stay_overlap(left: str) -> None:
    # The stay was checked as if not ended: "one from 1 January 2020 to
    # now" overlapped the force's next, a problem the file does not have.
    text = (
        "monitoring:\n"
        f"- {{force: kent, entered: '2020-01-01', left: '{left}'}}\n"
        "- {force: kent, entered: '2022-01-01', left: '2023-01-01'}\n"
    )
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    assert [p.path for p in e.value.problems] == ["monitoring[0].left"]
    # Nor are its sources of the move out said to go with no move out.
    sourced = text.replace(f"left: '{left}'}}", f"left: '{left}', left_sources: [https://x.org]}}")
    assert sourced != text
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(sourced)
    assert [p.path for p in e.value.problems] == ["monitoring[0].left"]
    # A stay that truly overlaps another is still said, beside a day out not read.
    truly = text + "- {force: kent, entered: '2022-06-01'}\n"
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(truly)
    assert [p.path for p in e.value.problems] == ["monitoring[0].left", "monitoring[2].entered"]


def test_a_stay_that_may_have_ended_is_not_said_to_last_so_far(tmp_path: Path) -> None:
    # "between 7 months and 1 year 1 month so far" on 1 June 2021 of a stay
    # out some day of 2021: its 7 months are to 1 January, when it may have
    # ended; had it not, it had lasted 12 months or more.
    stay = Stay(force="essex", entered="2020-05", left="2021")
    assert duration_words(stay, dt.date(2021, 6, 1)) == "between 7 months and 1 year 1 month by then"
    assert duration_words(stay, dt.date(2020, 12, 31)) == "7 months so far"
    assert duration_words(stay, dt.date(2022, 1, 1)) == "between 7 months and 1 year 7 months"
    # The chart gives a stay that may end after its last day its length by then.
    from peel_effectiveness.output._engage_chart import _length

    assert _length(stay, dt.date(2021, 6, 1)) == "7 months to 1 year 1 month by 1 Jun 2021"
    assert _length(stay, dt.date(2022, 6, 1)) == "7 months to 1 year 7 months"
    essex = "monitoring:\n  - force: essex\n    entered: 2020-05\n    left: 2021\n"
    code, out, _ = run_on(tmp_path, essex, "monitoring", "--on", "2021-06-01")
    assert code == 0
    assert "(between 7 months and 1 year 1 month by then)" in " ".join(out.split())


def test_the_data_s_reach_is_said_of_the_43_where_a_force_of_your_own_moved_later(tmp_path: Path) -> None:
    # "the latest move they record was on 30 July 2025", over a stay of
    # your own that began in 2026.
    mine = tmp_path / "gotham.yaml"
    mine.write_text(
        "monitoring:\n  - force: {id: gotham, official_name: Gotham Police, short_name: Gotham, "
        "gss_code: E23000099, country: England, region: North West}\n    entered: 2026-01-15\n",
        encoding="utf-8",
    )
    code, out, _ = run("--data", str(mine), "monitoring", "--on", "2026-12-01")
    said = " ".join(out.split())
    assert code == 0
    assert "as far as the data go (the latest move of the 43 forces they record was on 30 July 2025)" in said
    assert "Gotham: from 15 January 2026, not out as far as the data go (the latest move they record" in said
    assert "the latest move in or out of the 43 forces they record is on 30 July 2025" in said
    assert "the latest move they record was on 30 July 2025" not in said
