"""The command line answers a reporter's questions (issues 13 and 14): who
was in Engage and when, how complete the grades are, which figures there
are, where a force stands; and every line of every command fits 80 columns."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import peel_effectiveness as pe
from clirun import rows, run
from peel_effectiveness.analysis import coverage, in_engage

DATA = pe.load_bundled()


@pytest.mark.parametrize(("day", "names"), [
    ("2023-01-01", ["Cleveland", "Devon and Cornwall", "Gloucestershire", "Metropolitan", "Staffordshire",
                    "Wiltshire"]),
    ("2025-01-01", ["Devon and Cornwall", "Lincolnshire", "Metropolitan", "Nottinghamshire"]),
])  # fmt: skip
def test_monitoring_on_a_day_names_the_forces_in_engage(day: str, names: list[str]) -> None:
    code, out, err = run("monitoring", "--on", day)
    assert code == 0, err
    listed = [
        line.split(":")[0].strip() for line in out.splitlines() if line.startswith("  ") and ": from " in line
    ]
    assert listed == names
    assert [f.short_name for f in in_engage(DATA, day).forces] == names
    assert f"{len(names)} forces" in out.splitlines()[0]
    code, out, _ = run("monitoring", "--on", day, "--format", "csv")
    table = rows(out)
    assert [r["force"] for r in table] == [pe.find_force(n).id for n in names]
    assert {r["in_engage"] for r in table} == {"yes"}
    assert all(r["entered_sources"] for r in table)


def test_monitoring_today_says_how_far_the_data_go() -> None:
    code, out, _ = run("monitoring")
    assert code == 0
    assert f"In Engage on {dt.date.today().day} " in out
    assert "the latest move in or out they record is on 30 July 2025" in " ".join(out.split())
    # An imprecise date is said as such: Cleveland entered "in April 2019".
    _, out, _ = run("monitoring", "--on", "2019-04-15")
    assert "0 forces" in out
    assert "Perhaps in Engage" in out
    assert "Cleveland: from April 2019" in out


def test_monitoring_of_a_force_and_of_a_cycle() -> None:
    code, out, _ = run("monitoring", "--force", "metropolitan")
    assert code == 0
    assert "from 28 June 2022 to 23 January 2025 (2 years 6 months)" in " ".join(out.split())
    code, out, _ = run("monitoring", "--force", "kent")
    assert "never in Engage" in out
    code, out, _ = run("monitoring", "--cycle", "2023-25", "--format", "csv")
    assert code == 0
    table = {r["force"]: r["in_engage"] for r in rows(out)}
    assert table["west-midlands"] == "yes"  # the words of --on's rows
    assert "no" in table.values()
    # Every force with a report: those whose reports have no date too.
    assert len(table) == len({r.force for r in DATA.for_cycle("2023-25")})
    undated = {r["force"]: r["in_engage"] for r in rows(out) if not r["published"]}
    assert len(undated) == sum(r.published is None for r in DATA.for_cycle("2023-25"))
    assert undated["wiltshire"] == "cannot tell"  # in Engage until May 2024, as the cycle's reports came out
    assert undated["kent"] == "no"  # never in Engage, as far as the data go
    code, _, err = run("monitoring", "--on", "2023-02-30")
    assert code == 2
    assert "--on" in err


def test_show_says_when_the_force_was_in_engage() -> None:
    _, out, _ = run("show", "cleveland")
    assert "In enhanced monitoring (Engage):" in out
    assert "from April 2019 to 20 September 2023" in out
    _, out, _ = run("show", "kent")
    assert "Never in enhanced monitoring (Engage), as far as the data go" in " ".join(out.split())


def test_coverage_counts_as_the_python_function_does() -> None:
    code, out, _ = run("coverage", "--cycle", "2023-25", "--format", "csv")
    assert code == 0
    found = {r["question"]: r for r in rows(out)}
    for c in coverage(DATA, "2023-25"):
        assert int(found[c.question]["graded"]) == c.graded
        assert int(found[c.question]["unknown"]) == c.unknown
        assert int(found[c.question]["not_graded"]) == c.count(pe.NoGrade.NOT_GRADED)
        assert c.total == 43
    _, out, _ = run("coverage", "--cycle", "2023-25")
    assert "unknown (nothing in the data, which is never counted as no grade)" in " ".join(out.split())


def test_metrics_lists_the_keys_rank_takes() -> None:
    code, out, _ = run("metrics")
    assert code == 0
    lines = out.splitlines()
    at = lines.index("recorded_crime_rate")
    assert "per 1,000 population" in lines[at + 1]
    code, out, _ = run("metrics", "--format", "csv")
    keys = {r["metric"] for r in rows(out)}
    report = DATA.report("cumbria", 2016)
    assert keys == {m.key for m in report.measurements}
    assert run("rank", "--metric", "recorded_crime_rate", "--cycle", "2016")[0] in (0, 1)


def test_national_with_a_force_and_no_question_gives_every_area() -> None:
    code, out, err = run("national", "--cycle", "2023-25", "--force", "cumbria")
    assert code == 0, err
    assert "--pillar" not in err
    text = " ".join(out.split())
    assert (
        "Investigating crime: of the 37 forces with a grade in the data (6 unknown), one of 2 graded good"
        in text
    )
    assert (
        "Developing a positive workplace: of the 34 forces with a grade in the data (9 unknown), one of 2"
        in text
    )
    _, out, _ = run("national", "--cycle", "2023-25", "--force", "cumbria", "--format", "csv")
    assert len(rows(out)) == 10


COMMANDS = [
    [],
    ["list"],
    ["info"],
    ["check"],
    ["forces"],
    ["show", "cumbria"],
    ["show", "cumbria", "--cycle", "2016"],
    ["national", "--cycle", "2016"],
    ["national", "--cycle", "2023-25"],
    ["national", "--cycle", "2023-25", "--question", "investigating", "--force", "cumbria"],
    ["national", "--cycle", "2018/19", "--force", "kent"],
    ["monitoring"],
    ["monitoring", "--on", "2023-01-01"],
    ["monitoring", "--cycle", "2023-25"],
    ["coverage"],
    ["metrics"],
    ["export", "--table", "grid", "--cycle", "2023-25", "--format", "table"],
    ["export", "--table", "forces", "--format", "table"],
    ["rank", "--metric", "recorded_crime_rate", "--metric", "ocg_rate", "--cycle", "2016"],
]
HELP = ["show", "export", "validate", "rank", "list", "forces", "national", "plot", "info", "check",
        "monitoring", "coverage", "metrics"]  # fmt: skip


@pytest.mark.parametrize("args", COMMANDS + [[c, "--help"] for c in HELP] + [["--help"]], ids=" ".join)
def test_every_line_fits_80_columns(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    code, out, err = run(*args)
    assert code in (0, 1), err
    # A web address is written whole (docs/cli.md): only its line may run past.
    too_wide = [
        line
        for line in (out + err).splitlines()
        if len(line) > 80 and len(re.sub(r"https?://\S+", "", line)) > 80
    ]
    assert not too_wide, too_wide[:3]


def test_your_own_stays_count_on_the_command_line(tmp_path: Path) -> None:
    mine = tmp_path / "stays.yaml"
    mine.write_text("monitoring:\n- force: kent\n  entered: 2024-03\n  left: 2024-11-02\n", encoding="utf-8")
    code, out, err = run("--data", str(mine), "monitoring", "--force", "kent")
    assert code == 0, err
    assert "from March 2024 to 2 November 2024" in out
    code, out, _ = run("--data", str(mine), "--no-bundled", "monitoring", "--on", "2024-06-01")
    assert "Kent: from March 2024" in out
    _, out, _ = run("--data", str(mine), "export", "--table", "monitoring", "--format", "csv")
    assert "kent" in {r["force"] for r in rows(out)}
    _, out, _ = run("--data", str(mine), "show", "kent")
    assert "In enhanced monitoring (Engage):" in out


def test_monitoring_answers_every_question_it_takes() -> None:
    code, out, err = run("monitoring", "--force", "kent", "--format", "csv")
    assert (code, err) == (0, "")
    assert rows(out) == []
    assert out.startswith("force,entered,")
    code, _, err = run("monitoring", "--on", "2023-01-01", "--cycle", "2016")
    assert code == 2
    assert err.count("\n") == 1
    _, out, _ = run("monitoring", "--force", "nottinghamshire")
    assert "out by 22 May 2025" in out
    assert "to by" not in out
    code, out, _ = run("monitoring", "--on", "today")
    assert code == 0
    assert f"In Engage on {dt.date.today().day} " in out
    # A stay not ended is counted to the data's end, as the chart draws it,
    # and said to be at least that long: "so far" read as to the day asked.
    _, out, _ = run("monitoring", "--on", "2030-01-01")
    said = " ".join(out.split())
    assert "(the latest move they record was on 30 July 2025) (at least 7 months)" in said
    assert "so far" not in said
    _, out, _ = run("monitoring", "--on", "2025-07-06")  # within the data: to the day asked
    assert "(7 months so far)" in " ".join(out.split())


def test_a_stay_not_yet_begun_has_no_duration() -> None:
    from peel_effectiveness.analysis import duration_words

    stay = next(s for s in DATA.stays if s.left is None)
    with pytest.raises(pe.PeelDataError, match="had lasted no time"):
        duration_words(stay, dt.date(2020, 1, 1))


def test_metrics_lists_a_key_under_two_measures_twice(tmp_path: Path) -> None:
    # A user's files may give one key in two units: both are listed, each
    # with what it measures, as a ranking refuses to set them together.
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "".join(
            f"- force: {f}\n  cycle: 2016\n  measurements:\n  - {{metric: m, label: M, unit: {u}, value: 1}}\n"
            for f, u in (("kent", "percent"), ("essex", "per_1000_population"), ("durham", "percent"))
        ),
        encoding="utf-8",
    )
    code, out, _ = run("--data", str(mine), "--no-bundled", "metrics")
    assert (code, out) == (
        0,
        "m\n    M (percent; 2016, 2 forces)\nm\n    M (per 1,000 population; 2016, 1 force)\n"
        "Sources: no source given (all 3 figures).\n",
    )
    code, out, _ = run("--data", str(mine), "--no-bundled", "metrics", "--format", "csv")
    assert [(r["metric"], r["measure"], r["forces"]) for r in rows(out)] == [
        ("m", "percent", "2"),
        ("m", "per 1,000 population", "1"),
    ]


@pytest.mark.parametrize("command", [["national"], ["plot", "map", "-o", "unused.png"]])
def test_a_question_the_cycle_does_not_have_is_bad_usage_with_a_suggestion(command: list[str]) -> None:
    code, out, err = run(*command, "--cycle", "2023-25", "--question", "investigation")
    assert (code, out) == (2, "")
    assert "no core question 'investigation' for 2023-25; did you mean 'investigating'?" in err
    code, _, err = run(*command, "--cycle", "2016", "--question", "9")
    assert code == 2
    assert "no core question 9 for effectiveness in 2016" in err


def test_a_question_is_read_alike_by_every_command_in_any_case_and_only_in_ascii_digits(
    tmp_path: Path,
) -> None:
    code, out, _ = run("national", "--cycle", "2016", "--question", "Overall")
    assert code == 0
    assert out == run("national", "--cycle", "2016", "--question", "overall")[1]
    assert (
        run("national", "--cycle", "2016", "--question", " 3 ")[1]
        == run("national", "--cycle", "2016", "--question", "3")[1]
    )
    assert pe.analysis.grade_distribution(DATA, 2016, "OVERALL").total == 43
    pytest.importorskip("matplotlib")
    chart = str(tmp_path / "map.png")
    assert run("plot", "map", "--cycle", "2016", "--question", "Overall", "-o", chart)[0] == 0
    assert run("plot", "map", "--cycle", "2016", "--question", " q3_vulnerable ", "-o", chart)[0] == 0
    for command in (["national"], ["plot", "map", "-o", "unused.png"]):
        for digits in ("\u00b2", "\u0663"):  # a superscript two, an Arabic-Indic three: no question's number
            code, _, err = run(*command, "--cycle", "2016", "--question", digits)
            assert code == 2, err
            assert "no core question" in err


class _Text(str):
    """A subclass of str, as numpy's str_ is."""


def test_a_question_is_one_question_however_written_and_never_the_headline(tmp_path: Path) -> None:
    # "Q7" and 7 are one question where the registry lacks it too; "overall"
    # is the report's own judgment, never an assessment's question.
    with pytest.raises(pe.PeelDataError, match="question 7 is assessed twice"):
        pe.loads(
            "force: kent\ncycle: 2025-27\nassessments: [{question: Q7, grade: good}, {question: 7, grade: good}]\n"
        )
    for cycle, pillar in (("2016", "efficiency"), ("2025-27", None)):
        where = f"cycle: {cycle}\n" + (f"pillar: {pillar}\n" if pillar else "")
        with pytest.raises(pe.PeelDataError, match="'overall' is the report's own judgment"):
            pe.loads(f"force: kent\n{where}assessments: [{{question: ' Overall', grade: good}}]\n")
    with pytest.raises(pe.PeelDataError, match="is not a question's number"):
        pe.loads(f"force: kent\ncycle: 2025-27\nassessments: [{{question: '{'1' * 5000}', grade: good}}]\n")
    report = DATA.report("cumbria", 2016)
    for odd in (True, 3.0):  # of no type a question is asked by
        with pytest.raises(TypeError, match=r"^number_or_key must be"):
            report.question(odd)  # type: ignore[arg-type]
    assert pe.model.core_question(2016, "effectiveness", _Text(" 3 ")).number == 3
    assert pe.analysis.grade_distribution(DATA, 2016, _Text("Overall")).total == 43
    for nothing in (9, "nonsense", "all"):
        with pytest.raises(pe.NotFoundError):
            pe.analysis.judgment_before(DATA, report, nothing)
    code, out, err = run("national", "--cycle", "2016", "--question", "")
    assert (code, out) == (2, "")
    assert "no core question ''" in err


def _kent_2016(tmp_path: Path, text: str, *options: str) -> tuple[int, str, str]:
    """``show kent --cycle 2016 OPTIONS`` over a file of Kent's 2016 report."""
    mine = tmp_path / "kent.yaml"
    mine.write_text("force: kent\ncycle: 2016\n" + text, encoding="utf-8")
    return run("--data", str(mine), "show", "kent", "--cycle", "2016", *options)


def test_a_markdown_scorecard_keeps_each_area_for_improvement_one_item(tmp_path: Path) -> None:
    text = (
        "grade: good\nassessments:\n- question: 1\n  grade: good\n"
        "  areas_for_improvement:\n  - |\n    First line.\n\n    - not an item\n    1. not a list\n"
    )
    code, out, _ = _kent_2016(tmp_path, text, "--format", "markdown")
    assert code == 0
    items = out.split("## Areas for improvement\n\n", 1)[1].split("\n\n", 1)[0].strip().splitlines()
    assert len(items) == 1
    assert items[0] == "- Q1: First line.  - not an item 1. not a list"  # mid-line, no list's mark


def test_a_markdown_summary_s_lines_stay_its_text(tmp_path: Path) -> None:
    # A line of a summary beginning as a list's item, a rule or a heading's
    # underline would make one of the document's structure.
    text = "grade: good\nsummary: |\n  First.\n  - not a list\n  1. nor this\n  2) nor this\n  ---\n  ===\n"
    code, out, _ = _kent_2016(tmp_path, text, "--format", "markdown")
    assert code == 0
    assert "First.\n\\- not a list\n1\\. nor this\n2\\) nor this\n\\---\n\\===\n" in out


def test_a_markdown_scorecard_has_the_causes_of_concern_the_text_one_has(tmp_path: Path) -> None:
    text = (
        "grade: inadequate\nassessments:\n- question: 3\n  grade: inadequate\n"
        "  causes_of_concern:\n  - summary: Missed *risks*\n    recommendations: [Train staff, Audit cases]\n"
    )
    assert "CAUSES OF CONCERN" in _kent_2016(tmp_path, text)[1]
    code, out, _ = _kent_2016(tmp_path, text, "--format", "markdown")
    assert code == 0
    section = out.split("## Causes of concern\n\n", 1)[1].split("\n\n", 1)[0].rstrip("\n")
    assert section == "- Q3: Missed \\*risks\\*\n  - Train staff\n  - Audit cases"


def test_national_and_rank_on_a_terminal_say_where_what_they_count_comes_from(tmp_path: Path) -> None:
    # Their charts had a line of sources; the text had none.
    _, every, _ = run("national", "--cycle", "2023-25")
    expected = str(pe.analysis.describe_sources(pe.load_bundled().for_cycle("2023-25")))
    assert " ".join(every.split()).count(expected) == 1
    _, one, _ = run("national", "--cycle", "2016", "--question", "1")
    assert "\nSources: HMIC/HMICFRS (" in one
    figure = {"metric": "m", "label": "M", "unit": "count", "value": 1.0, "source": "Home Office data"}
    reports = [
        {
            "force": f.id,
            "cycle": "2016",
            "provenance": {
                "title": "T",
                "publisher": "HMIC",
                "url": f"https://www.justiceinspectorates.gov.uk/hmic/{f.id}",
            },
            "measurements": [{**figure, "value": float(i)}],
        }
        for i, f in enumerate(pe.forces()[:6])
    ]
    (tmp_path / "six.json").write_text(json.dumps(reports), encoding="utf-8")
    _, ranked, _ = run("--no-bundled", "--data", str(tmp_path / "six.json"), "rank", "--metric", "m")
    assert " ".join(ranked.split("\n\n")[-1].split()) == (
        "Sources: HMIC/HMICFRS (all 6 figures); the data, as the figures name them: Home Office data"
    )


def test_an_integrated_cycle_s_overall_grade_asked_for_names_its_areas_not_a_python_call() -> None:
    # "(see core_questions('2023-25'))" told a command-line user to call Python.
    code, _, err = run("national", "--cycle", "2023-25", "--question", "overall")
    assert code == 2
    assert "core_questions(" not in err
    assert "2023-25 has no overall grade: name an area (victim_service, police_powers," in err
    with pytest.raises(pe.NotFoundError, match=r"name an area \(victim_service, police_powers, "):
        pe.analysis.grade_distribution(pe.load_bundled(), "2023-25", "overall")


def test_a_cycle_whose_areas_are_not_all_known_says_so_when_it_names_them() -> None:
    with pytest.raises(pe.NotFoundError, match=r"name an area \(those known so far: leadership\)"):
        pe.analysis.grade_distribution(pe.Dataset(()), "2025-27", "overall")


def test_national_in_markdown_says_unknown_where_the_data_hold_no_grade() -> None:
    # The grade and its reason were both empty cells, in a format for people.
    code, out, _ = run("national", "--cycle", "2017", "--format", "markdown")
    assert code == 0
    (derbyshire,) = [line for line in out.splitlines() if line.startswith("| derbyshire |")]
    assert derbyshire.split(" | ")[5] == "unknown"
    code, out, _ = run("national", "--cycle", "2017", "--format", "csv")
    (row,) = [r for r in rows(out) if r["force"] == "derbyshire"]
    assert (row["grade"], row["no_grade"]) == ("", "")  # as the table's schema has it: both empty


def test_national_in_markdown_says_unknown_of_a_force_s_grades_and_earlier_grades_too() -> None:
    code, out, _ = run("national", "--cycle", "2016", "--force", "cleveland", "--format", "markdown")
    assert code == 0
    (q3,) = [line for line in out.splitlines() if "| q3\\_vulnerable |" in line]
    assert q3.split(" | ")[6] == "unknown"
    code, out, _ = run("national", "--cycle", "2016", "--format", "markdown")
    (cleveland,) = [line for line in out.splitlines() if line.startswith("| cleveland |")]
    cells = cleveland.split(" | ")
    assert (cells[7], cells[8]) == ("2015", "unknown")  # no 2015 report on Cleveland in the data


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["--cycle", "2015"], "HMIC gave the 2014 effectiveness pillar no overall grade"),
        (
            ["--cycle", "2016", "--question", "5"],
            "2015 has no question q5\\_specialist: it first appears in 2016",
        ),
        (["--cycle", "2021/22", "--question", "investigating"], "HMICFRS changed the questions"),
    ],
)
def test_national_in_markdown_says_no_earlier_grade_unknown_of_a_cycle_that_gave_none(
    args: list[str], why: str
) -> None:
    # There was no grade to have: it said "unknown", as if the data had
    # lost one, beside the reason saying there was none.
    code, out, _ = run("national", *args, "--format", "markdown")
    assert code == 0
    (kent,) = [line for line in out.splitlines() if line.startswith("| kent |")]
    cells = kent.split(" | ")
    assert cells[8:10] == ["", ""]
    assert cells[11].startswith(why)


def test_national_of_a_force_counts_those_graded_beside_a_grade_it_lacks(tmp_path: Path) -> None:
    # A grade's standing says how many it is among; an unknown one said
    # nothing of how many forces the data grade on it.
    code, out, _ = run("national", "--cycle", "2016", "--force", "kent")
    assert code == 0
    said = " ".join(out.split())
    assert "Q1 preventing crime: unknown for Kent in 2016: nothing in the data (of 21 graded)" in said
    # A grade's standing says it of itself, once.
    assert "overall: one of 28 forces graded good in 2016 (of 43 forces graded) effectiveness: Q1" in said
    mine = tmp_path / "kent.yaml"
    mine.write_text("force: kent\ncycle: 2016\ngrade: good\n")
    code, out, _ = run(
        "--data", str(mine), "--no-bundled", "-q", "national", "--cycle", "2016", "--force", "kent"
    )
    assert code == 0
    said = " ".join(out.split())
    assert (
        "Q1 preventing crime: unknown for Kent in 2016: nothing in the data (none graded in the data)" in said
    )
    assert "Q5 specialist capabilities: ungraded for Kent in 2016 (none graded in the data)" in said
