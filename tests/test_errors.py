"""Bad data: every problem reported at once, with file, line, path and a clear message."""

from __future__ import annotations

import io
import json
import re
import textwrap
import warnings
from pathlib import Path
from typing import Any

import pytest

import peel_effectiveness as pe
from clirun import run

GOOD = """\
force: cumbria
cycle: 2016
grade: good
assessments:
  - question: 1
    grade: good
measurements:
  - metric: recorded_crime_rate
    label: Recorded crime
    unit: per_1000_population
    period: 12 months to 30 June 2016
    value: 51.7
"""


def problems(text: str, **kw: object) -> list[pe.Problem]:
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(textwrap.dedent(text), **kw)  # type: ignore[arg-type]
    return list(info.value.problems)


def one(text: str) -> pe.Problem:
    found = problems(text)
    assert len(found) == 1, found
    return found[0]


def test_valid_base_document_loads() -> None:
    assert len(pe.loads(GOOD)) == 1


def test_bad_grade_names_the_grade_and_the_choices() -> None:
    p = one(GOOD.replace("    grade: good", "    grade: goood"))
    assert (p.line, p.path) == (6, "assessments[0].grade")
    assert "'goood' is not a grade" in p.message
    assert "outstanding, good" in p.message
    assert str(p).startswith("<string>:6: assessments[0].grade: 'goood' is not a grade")


def test_unknown_key_suggests_the_closest() -> None:
    p = one(GOOD.replace("    value: 51.7", "    valeu: 51.7\n    value: 51.7"))
    assert (p.line, p.path) == (12, "measurements[0].valeu")
    assert "unknown field 'valeu'" in p.message
    assert "did you mean 'value'" in p.message


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # The key whose last word it is: nothing was suggested, or 'force'.
        ("note", "did you mean 'grade_note'?"),
        ("notes", "did you mean 'grade_note'?"),
        ("source", "did you mean 'grade_sources'?"),
        # A key of the record held under a key of its own: nothing was said.
        ("title", "it goes under 'provenance'"),
        ("published", "it goes under 'provenance'"),
        ("Title", "did you mean 'title'? It goes under 'provenance'"),
        ("license", "did you mean 'licence'? It goes under 'provenance'"),
        ("valeu", ""),
        # As written with other separators: 'grade' was suggested.
        ("gradeNote", "did you mean 'grade_note'?"),
        ("grade-note", "did you mean 'grade_note'?"),
        # A near miss would send a reader to another record ('document'),
        # and a force's keys to write one of the 43 out whole.
        ("judgment", ""),
        ("region", ""),
    ],
)
def test_an_unknown_key_of_a_report_says_where_it_may_belong(written: str, said: str) -> None:
    p = one(f"force: kent\ncycle: 2016\ngrade: good\n{written}: x\n")
    assert (p.line, p.path) == (4, written)
    assert p.message == f"unknown field {written!r} in a report" + (f"; {said}" if said else "")


def test_an_unknown_key_several_records_have_names_each_or_none() -> None:
    # One of them was named, whichever came last ('total'), and a stay's
    # "source" was "did you mean 'left_sources'?", the shorter of two.
    table = (
        "force: kent\ncycle: 2016\noutcome_tables:\n- key: t\n  title: T\n  measure: share_of_offences\n"
        "  period: 12 months to 31 March 2016\n  rows: []\n  value: 3\n"
    )
    assert one(table).message == (
        "unknown field 'value' in an outcome table; it goes under 'total_assigned', 'not_yet_assigned' or 'total'"
    )
    stay = one("monitoring:\n- force: kent\n  entered: 2019\n  sources: x\n")
    assert stay.message == "unknown field 'sources' in a stay in Engage"  # (it said 'force', then)


def test_missing_required_field() -> None:
    p = one(GOOD.replace("    label: Recorded crime\n", ""))
    assert p.path == "measurements[0].label"
    assert p.line == 8
    assert "missing required field 'label'" in p.message


def test_text_never_made_from_null_or_numbers() -> None:
    found = problems(GOOD + "summary: null\n")
    assert found[0].path == "summary"
    assert "expected text, got nothing (null)" in found[0].message
    p = one(GOOD.replace("label: Recorded crime", "label: 12"))
    assert "expected text, got the number 12" in p.message


def test_numbers_never_made_from_text() -> None:
    p = one(GOOD.replace("value: 51.7", "value: '51.7'"))
    assert (p.path, p.line) == ("measurements[0].value", 12)
    assert "expected a number, got the text '51.7'" in p.message


def test_words_yaml_11_took_for_booleans_are_text() -> None:
    # YAML 1.2, as JSON: only true and false are booleans.
    (report,) = pe.loads(GOOD + "summary: no\n")
    assert report.summary == "no"
    p = one(GOOD + "summary: false\n")
    assert "expected text, got the boolean false" in p.message


def test_an_unquoted_date_where_text_is_meant_is_text() -> None:
    (report,) = pe.loads(GOOD + "summary: 2016-07-01\n")
    assert report.summary == "2016-07-01"


def test_sexagesimal_number() -> None:
    p = one(GOOD.replace("label: Recorded crime", "label: 1:30"))
    assert "sexagesimal number in YAML 1.1 (90)" in p.message
    assert "quote it if it is text" in p.message


def test_bad_unit_suggests() -> None:
    p = one(GOOD.replace("unit: per_1000_population", "unit: per_1000_populaton"))
    assert "'per_1000_populaton' is not a unit" in p.message
    assert "did you mean 'per_1000_population'" in p.message


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("percentage", "percent"),
        ("percent_chang", "percent_change"),
        ("per_millon_population", "per_million_population"),
    ],
)
def test_a_unit_that_starts_like_another_suggests_it(written: str, meant: str) -> None:
    p = one(GOOD.replace("unit: per_1000_population", f"unit: {written}"))
    assert f"did you mean {meant!r}?" in p.message


def test_negative_count_and_percentage_out_of_range() -> None:
    text = GOOD + textwrap.indent(
        textwrap.dedent(
            """\
            - metric: things
              label: Things
              unit: count
              value: -1
            - metric: share
              label: Share
              unit: percent
              value: 120
            - metric: half
              label: Half a thing
              unit: count
              value: 2.5
            """
        ),
        "  ",
    )
    found = {p.path: p.message for p in problems(text)}
    assert "not a count" in found["measurements[1].value"]
    assert "not a percentage between 0 and 100" in found["measurements[2].value"]
    assert "not a count" in found["measurements[3].value"]


def test_period_that_ends_before_it_starts() -> None:
    p = one(GOOD.replace("period: 12 months to 30 June 2016", "period: {start: 2016-06-30, end: 2015-07-01}"))
    assert p.path == "measurements[0].period.end"
    assert "ends (2015-07-01) before it starts (2016-06-30)" in p.message


@pytest.mark.parametrize(
    ("month", "meant"),
    [
        ("Jun", "'June'"),
        ("Sep", "'September'"),
        ("Dec", "'December'"),
        ("jnue", "'June'"),
        ("Ma", "'March' or 'May'"),
    ],
)
def test_a_month_written_short_is_refused_with_its_full_name(month: str, meant: str) -> None:
    p = one(GOOD.replace("12 months to 30 June 2016", f"12 months to 30 {month} 2016"))
    assert p.message.endswith(f"{month!r} is not a month; did you mean {meant}?"), p.message


def test_unreadable_period_text() -> None:
    p = one(GOOD.replace("12 months to 30 June 2016", "twelve months to June"))
    assert "is not a period" in p.message


def test_unknown_force_suggests_close_names() -> None:
    p = one(GOOD.replace("force: cumbria", "force: Cumbira"))
    assert (p.line, p.path) == (1, "force")
    assert "no force called 'Cumbira'" in p.message
    assert "Cumbria" in p.message


def test_unknown_cycle() -> None:
    p = one(GOOD.replace("cycle: 2016", "cycle: 2020"))
    assert p.path == "cycle"
    assert "2020 is not a PEEL cycle" in p.message


def test_grade_not_on_the_cycle_scale() -> None:
    p = one(GOOD.replace("    grade: good", "    grade: adequate"))
    assert p.path == "assessments[0].grade"
    assert "'adequate' is not on the 2016 grade scale" in p.message


def test_ungraded_question_given_a_grade_and_the_reverse() -> None:
    text = GOOD.replace(
        "assessments:\n",
        "assessments:\n  - question: 5\n    grade: good\n  - question: 2\n    grade: ungraded\n",
    )
    found = {p.path: p.message for p in problems(text)}
    assert "not graded in 2016" in found["assessments[0].grade"]
    assert "is graded in 2016" in found["assessments[1].grade"]


def test_question_not_in_the_cycle() -> None:
    p = one(GOOD.replace("  - question: 1", "  - question: 7"))
    assert p.path == "assessments[0].question"
    assert "no core question 7" in p.message


def test_question_assessed_twice() -> None:
    p = one(GOOD.replace("assessments:\n", "assessments:\n  - question: 1\n    grade: good\n"))
    assert p.path == "assessments[1].question"
    assert "assessed twice" in p.message


def test_duplicate_yaml_key_is_an_error_not_a_silent_overwrite() -> None:
    p = one(GOOD.replace("grade: good\nassessments", "grade: good\ngrade: inadequate\nassessments"))
    assert p.line == 4
    assert "duplicate key 'grade' (first at line 3)" in p.message


def test_duplicate_json_key() -> None:
    text = '{"force": "cumbria",\n "cycle": "2016",\n "cycle": "2015"}'
    p = one(text)
    assert p.line == 3
    assert "duplicate key 'cycle'" in p.message


def test_python_tags_never_construct_objects() -> None:
    p = one(GOOD + "summary: !!python/object/apply:os.system ['echo hacked']\n")
    assert "is not allowed" in p.message


def test_several_documents() -> None:
    p = one(GOOD + "---\n" + GOOD)
    assert "more than one YAML document" in p.message


def test_tabs_and_syntax_errors_have_lines() -> None:
    p = one(GOOD.replace("    value: 51.7", "\tvalue: 51.7"))
    assert p.line == 12
    assert "not valid YAML" in p.message


def test_empty_document() -> None:
    p = one("")
    assert "empty" in p.message


def test_two_reports_for_the_same_force_and_cycle() -> None:
    text = "- " + GOOD.replace("\n", "\n  ") + "\n- " + GOOD.replace("\n", "\n  ")
    found = problems(text)
    assert any("a second effectiveness 2016 report on Cumbria" in p.message for p in found)


def test_every_problem_reported_at_once() -> None:
    text = GOOD.replace("force: cumbria", "force: nowhere").replace("    grade: good", "    grade: goood")
    text = text.replace("value: 51.7", "value: -5")
    found = problems(text)
    assert [p.path for p in found] == ["force", "assessments[0].grade", "measurements[0].value"]
    assert [p.line for p in found] == [1, 6, 12]


def test_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD.replace("    grade: good", "    grade: goood"))
    with pytest.raises(pe.PeelDataError) as info:
        pe.load(path)
    assert str(info.value) == (
        f"{path}:6: assessments[0].grade: 'goood' is not a grade "
        "(expected one of: outstanding, good, adequate, requires improvement, inadequate) "
        "or a reason for no grade (ungraded, not graded, not inspected, not yet graded); did you mean 'good'?"
    )


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(pe.PeelDataError, match="no such file"):
        pe.load(tmp_path / "nope.yaml")


def test_folder_collects_problems_from_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD.replace("force: cumbria", "force: nowhere"))
    (tmp_path / "b.json").write_text('{"force": "cumbria", "cycle": 2016, "grade": 3}')
    with pytest.raises(pe.PeelDataError) as info:
        pe.load(tmp_path)
    files = {Path(p.file).name for p in info.value.problems}
    assert files == {"a.yaml", "b.json"}
    json_problem = next(p for p in info.value.problems if p.file.endswith("b.json"))
    assert json_problem.line == 1
    assert "expected a grade or a reason for no grade, got the number 3" in json_problem.message


def test_json_lines_are_found() -> None:
    text = '{\n  "force": "cumbria",\n  "cycle": "2016",\n  "assessments": [\n    {"question": 1,\n     "grade": "goood"}\n  ]\n}'
    p = one(text)
    assert (p.line, p.path) == (6, "assessments[0].grade")


def test_not_a_report() -> None:
    p = one("just some text")
    assert "expected a report (a mapping) or a list of reports, got the text" in p.message


def test_data_error_is_the_one_base() -> None:
    assert issubclass(pe.PeelDataError, pe.PeelError)
    assert issubclass(pe.NotFoundError, pe.PeelError)


def test_a_file_of_another_format_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "grades.csv"
    path.write_text("force,cycle\nkent,2016\n")
    with pytest.raises(pe.PeelDataError) as info:
        pe.load(path)
    assert str(info.value) == (
        f"{path}: a CSV file, not a data file: data files are YAML (.yaml, .yml) or JSON (.json)"
    )
    with pytest.raises(pe.PeelDataError, match="no such file or folder"):
        pe.load("missing.csv")


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(pe.PeelDataError, match="the folder holds no data files"):
        pe.load(tmp_path)


def test_one_report_in_two_files_names_both(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("force: dorset\ncycle: 2016\ngrade: good\n")
    (tmp_path / "b.yaml").write_text("force: Dorset Police\ncycle: '2016'\n")
    with pytest.raises(pe.PeelDataError) as info:
        pe.load(tmp_path)
    (p,) = info.value.problems
    assert (p.file, p.line, p.path) == (str(tmp_path / "b.yaml"), 1, "force")
    assert p.message == (
        f"a second effectiveness 2016 report on Dorset (the first is in {tmp_path / 'a.yaml'}, line 1)"
    )


def test_a_report_twice_across_files_is_said_where_it_is_in_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In a list, in a document of reports, as JSON and as YAML, from a
    # folder, from two paths, and from standard input: the second's file,
    # line and path, and the first's file and line.
    dorset = {"force": "dorset", "cycle": "2016", "grade": "good"}
    kent = {"force": "kent", "cycle": "2016"}
    (tmp_path / "a.json").write_text(json.dumps([kent, dorset], indent=1))
    (tmp_path / "b.yaml").write_text(
        "# mine\nreports:\n  - force: kent\n    cycle: 2017\n  - cycle: 2016\n    force: Dorset\n"
    )
    with pytest.raises(pe.PeelDataError) as info:
        pe.load(tmp_path)
    (p,) = info.value.problems
    assert (p.file, p.line, p.path) == (str(tmp_path / "b.yaml"), 6, "reports[1].force")
    assert p.message.endswith(f"(the first is in {tmp_path / 'a.json'}, line 7)")
    monkeypatch.setattr("sys.stdin", io.StringIO((tmp_path / "b.yaml").read_text()))
    code, _, err = run("validate", str(tmp_path / "a.json"), "-")
    assert code == 1
    assert (
        f"<stdin>:6: reports[1].force: a second effectiveness 2016 report on Dorset (the first is in {tmp_path / 'a.json'}, line 7)"
        in err
    )


def test_a_bad_period_does_not_hide_a_bad_value_in_the_same_measurement() -> None:
    text = (
        "force: kent\ncycle: 2016\nmeasurements:\n  - metric: m\n    label: M\n    unit: percent\n"
        "    period: 12 months to 31 Juno 2016\n    value: 120\n    england_and_wales: -1\n"
    )
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [
        (7, "measurements[0].period"),
        (8, "measurements[0].value"),
        (9, "measurements[0].england_and_wales"),
    ]
    # Where the unit itself is wrong, the bounds cannot be known: no guess.
    found = problems(text.replace("unit: percent", "unit: percentt"))
    assert [p.path for p in found] == ["measurements[0].unit", "measurements[0].period"]


def test_a_key_that_is_not_text_is_a_data_error_through_the_converter() -> None:
    # It was a TypeError from inside the problems' paths.
    with pytest.raises(pe.PeelDataError, match="a key must be text, not 1") as caught:
        pe.converter.structure({1: "x", "title": "t", "publisher": "p"}, pe.Provenance)
    assert [p.path for p in caught.value.problems] == [""]  # the mapping itself


def test_text_of_a_subclass_of_str_is_refused_saying_so() -> None:
    class Markup(str):
        pass

    with pytest.raises(pe.PeelDataError) as caught:
        pe.Provenance(title=Markup("PEEL 2016"), publisher="HMIC")
    assert str(caught.value) == "title: expected text, got the text 'PEEL 2016' (a Markup, not a plain str)"


def test_items_of_a_subclass_of_str_are_each_named_at_their_index() -> None:
    # The list was refused as a whole: "expected a list of texts, got a list".
    class Markup(str):
        pass

    with pytest.raises(pe.PeelDataError) as caught:
        pe.Judgment(grade="good", sources=("https://a.example/", Markup("https://b.example/"), Markup("c")))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("sources[1]", "expected text, got the text 'https://b.example/' (a Markup, not a plain str)"),
        ("sources[2]", "expected text, got the text 'c' (a Markup, not a plain str)"),
    ]
    # Beside an item the rule refuses, each is still named, in order.
    with pytest.raises(pe.PeelDataError) as caught:
        pe.Judgment(grade="good", sources=[Markup("https://a.example/"), "", 5])
    assert [(p.path, p.message[:40]) for p in caught.value.problems] == [
        ("sources[0]", "expected text, got the text 'https://a.e"),
        ("sources[1]", "'' is not a source: it is blank"),
        ("sources[2]", "expected text, got the number 5"),
    ]
    # No more than a list's problems are named (a million made a million).
    with pytest.raises(pe.PeelDataError) as caught:
        pe.Judgment(grade="good", sources=[Markup("c")] * 1000)
    found = caught.value.problems
    assert [p.path for p in found] == [f"sources[{i}]" for i in range(100)]
    assert found[-1].message == "stopped after 99 problems in this list: 901 more items not checked as text"
    # Beside as many problems as a list's are named, none more (it said
    # items were not checked that were, and left one out).
    with pytest.raises(pe.PeelDataError) as caught:
        pe.Judgment(grade="good", sources=[Markup("c")] * 3 + [""] * 120)
    found = caught.value.problems
    assert len(found) == 100
    assert all("blank" in p.message for p in found[:-1])
    assert found[-1].message.startswith("stopped after 99 problems in this list")
    # Items not text beside blank ones: 99 named in all, and where it stopped
    # (the blank ones were named up to 99 of their own, beside the others).
    with pytest.raises(pe.PeelDataError) as caught:
        pe.Judgment(grade="good", sources=[1] * 20 + [""] * 150)
    found = caught.value.problems
    assert (len(found), found[-1].message) == (
        100,
        "stopped after 99 problems in this list: 71 more items not checked",
    )
    # Read by the converter, the same.
    report = {
        "force": "kent",
        "cycle": "2016",
        "grade": "good",
        "grade_sources": [Markup("https://a.example/"), ""],
    }
    with pytest.raises(pe.PeelDataError) as caught:
        pe.converter.structure(report, pe.InspectionReport)
    assert [p.path for p in caught.value.problems] == ["grade_sources[0]", "grade_sources[1]"]
    with pytest.raises(pe.PeelDataError, match=r"^aliases\[0\]: expected text, got the text 'K' \(a Markup"):
        pe.Force("zed", "Zed Police", "Zed", "E23000099", "England", "South", aliases=[Markup("K")])


def test_a_field_cattrs_refuses_does_not_hide_the_plain_fields_beside_it() -> None:
    # The force is refused before the report's __init__ runs, which would
    # have checked the summary and the pillar.
    found = problems("force: kentt\ncycle: 2016\nsummary: 5\npillar: legitimcy\n")
    assert [(p.line, p.path) for p in found] == [(1, "force"), (3, "summary"), (4, "pillar")]
    found = problems(
        "force: kent\ncycle: 2016\nmeasurements:\n  - {metric: m, label: 5, unit: count, value: 1, note: 5}\n"
    )
    assert [p.path for p in found] == ["measurements[0].label", "measurements[0].note"]


def test_a_bad_assessment_does_not_hide_the_rules_on_the_others() -> None:
    # The report's rules on its questions run on the assessments as far as
    # they can be built: the one with the misspelt grade, without it.
    found = problems(
        "force: kent\ncycle: 2016\nassessments: [{question: 7, grade: good}, {question: 2, grade: goood}]\n"
    )
    assert [p.path for p in found] == ["assessments[0].question", "assessments[1].grade"]
    assert "no core question 7" in found[0].message
    found = problems(
        "force: kent\ncycle: 2016\nassessments: [{question: 2, grade: good}, {question: 2, grade: goood}]\n"
    )
    assert sorted(p.path for p in found) == ["assessments[1].grade", "assessments[1].question"]
    assert any("assessed twice" in p.message for p in found)
    # Nested: a cause of concern without its summary leaves its assessment
    # without causes of concern, and the rules still run.
    found = problems(
        "force: kent\ncycle: 2016\nassessments:\n"
        "  - {question: 7, grade: good}\n"
        "  - {question: 2, grade: good, causes_of_concern: [{summary: 3}]}\n"
    )
    assert [p.path for p in found] == [
        "assessments[0].question",
        "assessments[1].causes_of_concern[0].summary",
    ]


def test_a_record_that_cannot_be_built_at_all_is_left_out_of_the_rules() -> None:
    # No question: the rules run on the other assessments, without a guess.
    found = problems("force: kent\ncycle: 2016\nassessments: [{question: 7, grade: good}, {grade: good}]\n")
    assert [p.path for p in found] == ["assessments[0].question", "assessments[1].question"]
    assert "no core question 7" in found[0].message


@pytest.mark.parametrize(
    ("char", "escape"), [("\x85", "\\N"), ("\u2028", "\\L"), ("\u2029", "\\P")], ids=["NEL", "LS", "PS"]
)
@pytest.mark.parametrize("quoted", [False, True])
def test_a_yaml_1_1_line_break_in_yaml_is_refused_not_read_as_another_text(
    char: str, escape: str, quoted: bool
) -> None:
    # libyaml would fold it to a space or end the value there, and number
    # every line after it one too high.
    value = f'"caf{char}e"' if quoted else f"caf{char}e"
    problem = one(f"force: kent\ncycle: 2016\n# a comment\nsummary: {value}\n")
    assert (problem.line, problem.path) == (4, "summary")
    assert f"U+{ord(char):04X}" in problem.message
    assert escape in problem.message
    # Escaped, as the message says, it is the text.
    assert (
        pe.loads(f'force: kent\ncycle: 2016\nsummary: "caf{escape}e"\n').reports[0].summary == f"caf{char}e"
    )
    # And JSON has no such rule: the character is text.
    assert (
        pe.loads(f'{{"force": "kent", "cycle": "2016", "summary": "caf{char}e"}}').reports[0].summary
        == f"caf{char}e"
    )


def test_a_lone_surrogate_in_yaml_text_is_a_data_error() -> None:
    problem = one("force: kent\ncycle: 2016\nsummary: caf\ud800\n")
    assert problem.line == 3
    assert "U+D800" in problem.message


def test_a_lone_surrogate_in_text_is_shown_with_the_text() -> None:
    with pytest.raises(pe.PeelDataError) as caught:
        pe.CauseOfConcern(summary="abc\ud800def")
    (problem,) = caught.value.problems
    assert problem.message == (
        "the text 'abc\\ud800def' holds half a surrogate pair (\\ud800, at 3): it is not valid Unicode"
    )


@pytest.mark.parametrize(
    ("text", "fmt", "where", "words"),
    [
        # A lone surrogate, a whole number longer than Python reads and a
        # key that is a mapping each stopped the reading: the misspelt grade
        # beside them went unsaid, and the first two had no field path.
        (
            '{"force": "kent", "cycle": "2016", "grade": "goood",\n "summary": "a \\ud800 b"}',
            "json",
            ("summary", 2),
            "not valid Unicode",
        ),
        (
            '{"force": "kent", "cycle": "2016", "grade": "goood",\n "measurements": [{"metric": "x", '
            '"label": "x", "unit": "count", "value": ' + "9" * 4301 + "}]}",
            "json",
            ("measurements[0].value", 2),
            "a number of 4301 digits is too long to be a figure",
        ),
        (
            '{"force": "kent", "cycle": "2016", "grade": "goood",\n "\\udfff": 1}',
            "json",
            ("\\udfff", 2),
            "not valid Unicode",
        ),
        ("force: kent\ncycle: 2016\ngrade: goood\n? {a: 1}\n: x\n", "yaml", ("", 4), "a key must be text"),
    ],
)
def test_a_value_the_reader_refuses_is_one_problem_among_the_others(
    text: str, fmt: str, where: tuple[str, int], words: str
) -> None:
    with pytest.raises(pe.PeelDataError) as caught:
        pe.loads(text, format=fmt)
    found = {(p.path, p.line): p.message for p in caught.value.problems}
    grade_line = 1 if fmt == "json" else 3
    assert found.pop(("grade", grade_line), "").startswith("'goood' is not a grade"), found
    ((place, message),) = found.items()
    assert place == where
    assert words in message


def test_a_data_error_of_ones_own_takes_a_message() -> None:
    error = pe.PeelDataError("the figures do not add up")
    assert str(error) == "the figures do not add up"
    assert error.problems == (pe.Problem("the figures do not add up"),)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: pe.load(""), "an empty path names no file or folder"),
        (lambda: pe.io.open_folder(""), "an empty path names no folder"),
        (
            lambda: pe.dump(pe.InspectionReport(force="kent", cycle=2016), path=""),
            "an empty path names no file",
        ),
        (lambda: pe.load("x" * 5000), "File name too long; to read text, use loads()"),
        (lambda: pe.io.open_folder("a" * 300), "File name too long"),
    ],
    ids=["load empty", "open_folder empty", "dump empty", "load long", "open_folder long"],
)
def test_a_path_that_names_nothing_is_a_data_error(call: Any, message: str) -> None:
    with pytest.raises(pe.PeelDataError, match=re.escape(message)) as info:
        call()
    assert len(str(info.value)) < 400  # a long name is shown cut


def test_open_folder_of_a_file_says_to_load_it(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\n")
    with pytest.raises(pe.PeelDataError, match=re.escape("not a folder: to read one file, use load()")):
        pe.io.open_folder(tmp_path / "kent.yaml")


def test_a_whole_number_a_figure_cannot_hold_exactly_is_refused_not_rounded() -> None:
    figure = "force: kent\ncycle: 2016\nmeasurements: [{{metric: m, label: M, unit: count, value: {}}}]\n"
    problem = one(figure.format(2**53 + 1))
    assert problem.path == "measurements[0].value"
    assert "it would be read as 9007199254740992" in problem.message
    for exact in (2**53, 10**20):
        assert pe.loads(figure.format(exact)).reports[0].measurements[0].value == exact


def test_a_question_the_registry_lacks_is_one_question_however_it_is_cased() -> None:
    text = (
        "force: kent\ncycle: 2025-27\n"
        "assessments: [{question: investigating, grade: good}, {question: Investigating, grade: good}]\n"
    )
    problem = one(text)
    assert problem.path == "assessments[1].question"
    assert "assessed twice" in problem.message


def test_a_misspelt_pillar_does_not_set_off_the_rules_of_another_pillar() -> None:
    # Without its pillar a 2017 report would be on effectiveness, a guess
    # the rules must not check the legitimacy questions against.
    text = "force: kent\ncycle: 2017\npillar: legitimcy\nassessments: [{question: q1_fair_public, grade: good}]\n"
    assert [p.path for p in problems(text)] == ["pillar"]
    found = problems(text.replace("grade: good}]", "grade: good}, {question: 2, grade: goood}]"))
    assert [p.path for p in found] == ["pillar", "assessments[1].grade"]


def test_an_assessment_of_a_question_the_registry_lacks_is_found_however_it_is_cased() -> None:
    text = "force: kent\ncycle: 2025-27\nassessments: [{question: investigating, grade: good}]\n"
    with pytest.warns(pe.PeelWarning):
        report = pe.loads(text).reports[0]
    assert report.assessment("Investigating").question == "investigating"


def test_a_long_path_is_a_path_and_a_link_to_nowhere_no_folder(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["d" * 20] * 15, "kent.yaml")
    with pytest.raises(pe.PeelDataError) as info:
        pe.load(deep)
    assert "no such file or folder" in str(info.value)
    assert "loads()" not in str(info.value)
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    with pytest.raises(pe.PeelDataError, match="no such folder"):
        pe.io.open_folder(tmp_path / "gone")


_PERCENT = "label: A, unit: percent, period: 12 months to 30 June 2016"


def test_a_record_that_breaks_its_own_rule_leaves_the_rules_on_the_others_to_run() -> None:
    # The first figure is refused for its value; the other two repeat one metric.
    found = problems(
        f"force: kent\ncycle: 2016\nmeasurements:\n  - {{metric: a, {_PERCENT}, value: 150}}\n"
        f"  - {{metric: a, {_PERCENT}, value: 10}}\n  - {{metric: a, {_PERCENT}, value: 20}}\n"
    )
    assert [(p.line, p.path) for p in found] == [(4, "measurements[0].value"), (6, "measurements[2].metric")]


def test_assessments_that_cannot_be_built_leave_the_question_rules_to_run_on_the_rest() -> None:
    found = problems(
        "force: kent\ncycle: 2023-25\nassessments:\n"
        "  - {question: nonexistent_area, grade: good}\n"
        "  - {question: investigating, grade: good}\n"
        "  - {question: investigating, grade: adequate}\n"
        "  - {question: leadership, grad: good}\n"
        "  - 5\n"
        "  - {grade: good}\n"
    )
    assert [p.path for p in found] == [
        "assessments[0].question",
        "assessments[2].question",  # numbered as in the file, though three could not be built
        "assessments[3].grad",
        "assessments[4]",
        "assessments[5].question",
    ]
    assert "assessed twice (first in assessments[1])" in found[1].message


def test_outcome_rows_of_either_kind_leave_the_tables_rules_to_run() -> None:
    table = "key: figure_4, title: T, measure: share_of_offences, period: 12 months to 30 June 2016"
    found = problems(
        f"force: kent\ncycle: 2016\noutcome_tables:\n  - {{{table}, rows: [{{outcome: 1, label: a, value: 10}}, "
        "7, {outcome: 1, label: b, value: 5}, {outcome: 2, label: c, value: -200}]}\n"
    )
    assert [p.path for p in found] == [
        "outcome_tables[0].rows[1]",
        "outcome_tables[0].rows[2]",
        "outcome_tables[0].rows[3].value",
    ]
    assert "appear in more than one row" in found[1].message
    # A table with a bad figure is still a table with its key, given twice.
    found = problems(
        f"force: kent\ncycle: 2016\noutcome_tables:\n  - {{{table}, rows: [{{outcome: 2, label: c, value: -200}}]}}\n"
        f"  - {{{table}, rows: [{{outcome: 1, label: a}}]}}\n"
    )
    assert [p.path for p in found] == ["outcome_tables[0].rows[0].value", "outcome_tables[1].key"]


@pytest.mark.parametrize("measure", ["share_of_offences", "per_100_offences"])
def test_only_a_table_of_shares_holds_its_figures_to_100(measure: str) -> None:
    table = {
        "key": "t",
        "title": "T",
        "measure": measure,
        "period": "12 months to 30 June 2016",
        "rows": [
            {"outcome": 1, "label": "a", "value": 130.5, "england_and_wales": 20},
            {"group": "g", "outcomes": [2, 3], "members": [{"outcome": 2, "label": "b", "value": 101}]},
        ],
        "total": {"label": "Total", "value": 100, "england_and_wales": 100.5},
    }
    if measure == "per_100_offences":  # more outcomes recorded than offences: above 100
        assert pe.converter.structure(table, pe.model.OutcomeTable).rows[0].value == 130.5
        return
    with pytest.raises(pe.PeelDataError) as info:
        pe.converter.structure(table, pe.model.OutcomeTable)
    assert [(p.path, p.message.split(" is ")[0]) for p in info.value.problems] == [
        ("rows[0].value", "130.5"),
        ("rows[1].members[0].value", "101"),
        ("total.england_and_wales", "100.5"),
    ]
    assert "not a percentage between 0 and 100" in info.value.problems[0].message


def test_a_dataset_structured_by_the_converter_names_each_list_in_its_paths() -> None:
    value = {"reports": [{"force": "kent", "cycle": "2016", "summary": 5}], "monitoring": [{"bogus": 1}]}
    with pytest.raises(pe.PeelDataError) as info:
        pe.converter.structure(value, pe.Dataset)
    paths = [p.path for p in info.value.problems]
    assert "reports[0].summary" in paths
    assert "monitoring[0].bogus" in paths
    with pytest.raises(pe.PeelDataError, match="not 'x', None"):
        pe.converter.structure({None: 1, "x": 2}, pe.Dataset)


@pytest.mark.parametrize("wrong", ["summary: 5", "bogus: 5"], ids=["bad value", "unknown key"])
def test_a_report_with_a_problem_is_still_a_report_on_its_force_and_cycle(wrong: str) -> None:
    found = problems(f"[{{force: kent, cycle: 2016, grade: good, {wrong}}}, {{force: kent, cycle: 2016}}]\n")
    assert [p.path for p in found] == [f"[0].{wrong.split(':')[0]}", "[1].force"]
    assert "a second effectiveness 2016 report on Kent" in found[1].message


def test_an_assessment_with_an_unknown_key_is_still_checked_against_the_others() -> None:
    found = problems(
        "force: kent\ncycle: 2016\n"
        "assessments: [{question: 7, grade: good}, {question: 2, grade: good, bogus: 1}, {question: 2}]\n"
    )
    assert [p.path for p in found] == [
        "assessments[0].question",
        "assessments[1].bogus",
        "assessments[2].question",
    ]


def test_a_number_the_yaml_versions_read_differently_is_a_problem_of_its_field() -> None:
    # The reading goes on past it, so the file's other problems are found too.
    found = problems(
        "force: kent\ncycle: 2016\nsummary: 5\nmeasurements:\n"
        "  - {metric: a, label: A, unit: count, value: 1_000}\n"
        "  - {metric: b, label: B, unit: count, value: 017}\n"
        "  - {metric: c, label: C, unit: count, value: 1e-400}\n"
        "017: x\n"
    )
    assert [(p.line, p.path) for p in found] == [
        (3, "summary"),
        (5, "measurements[0].value"),
        (6, "measurements[1].value"),
        (7, "measurements[2].value"),
        (8, "017"),
    ]
    assert "octal" in found[2].message
    assert "too small" in found[3].message
    assert "unknown field" not in found[4].message  # the key is said once, for what it is


def test_a_number_json_cannot_hold_is_a_problem_of_its_field() -> None:
    # As in YAML: the reading goes on past it, and the file's other
    # problems, and their lines, are found too (the line finder reads
    # NaN and the infinities).
    text = (
        '{"force": "kent", "cycle": 2016,\n "summary": 5,\n "measurements": [\n'
        '  {"metric": "a", "label": "A", "unit": "count", "value": 1e400},\n'
        '  {"metric": "b", "label": "B", "unit": "count", "value": NaN, "england_and_wales": 1e-400},\n'
        '  {"metric": "c", "label": "C", "unit": "count", "value": -Infinity}],\n'
        ' "grade": "goood"}'
    )
    with pytest.raises(pe.PeelDataError) as caught:
        pe.loads(text, format="json")
    found = caught.value.problems
    assert [(p.line, p.path) for p in found] == [
        (2, "summary"),
        (4, "measurements[0].value"),
        (5, "measurements[1].england_and_wales"),
        (5, "measurements[1].value"),
        (6, "measurements[2].value"),
        (7, "grade"),
    ]
    assert [p.message.split(" ")[0] for p in found[1:5]] == ["1e400", "1e-400", "NaN", "-Infinity"]
    assert "too large" in found[1].message
    assert "too small" in found[2].message
    # A whole document of one such number is said of the document.
    with pytest.raises(pe.PeelDataError, match="too large") as caught:
        pe.loads("1e400", format="json")
    assert [(p.line, p.path) for p in caught.value.problems] == [(1, "")]


def test_the_numbers_json_cannot_hold_that_an_error_lists_are_the_first_in_the_file() -> None:
    # Past the most an error lists, the rest are counted: the first are
    # named, in the file's order (the last were, where each was in a
    # mapping of its own), and a run of the same number written again
    # takes its message once.
    text = '{"force": "kent", "cycle": 2016, "x": [' + ",".join(['{"a": 1e400}'] * 150) + "]}"
    with pytest.raises(pe.PeelDataError) as caught:
        pe.loads(text, format="json")
    assert [p.path for p in caught.value.problems] == [f"x[{i}].a" for i in range(100)]
    assert caught.value.unlisted == 51  # 50 numbers, and the unknown field x
    text = (
        '{"force": "kent", "cycle": 2016, "grade": "good", "grade_sources": [NaN, 1e400, 1e400, 1e-400, 1'
        + "0" * 4400
        + "]}"
    )
    with pytest.raises(pe.PeelDataError) as caught:
        pe.loads(text, format="json")
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("grade_sources[0]", "NaN is not a number JSON allows"),
        ("grade_sources[1]", "1e400 is too large a number (it would be read as infinity)"),
        ("grade_sources[2]", "1e400 is too large a number (it would be read as infinity)"),
        ("grade_sources[3]", "1e-400 is too small a number (it would be read as 0)"),
        ("grade_sources[4]", "a number of 4401 digits is too long to be a figure"),
    ]


def test_the_values_a_reader_refuses_that_an_error_lists_are_the_first_in_the_file() -> None:
    # Half surrogate pairs in JSON and YAML 1.1's numbers alike: the first
    # 100 named, in the file's order, and the rest counted (each refused
    # value once kept its problem, and two million took 1 GB).
    json_text = '{"force": "kent", "cycle": 2016, "grade": "good", "grade_sources": ['
    json_text += ",".join(['"\\ud800"'] * 150) + "]}"
    yaml_text = "force: kent\ncycle: 2016\ngrade: good\ngrade_sources:\n" + "- 1_000\n" * 150
    for text, fmt in [(json_text, "json"), (yaml_text, "yaml")]:
        with pytest.raises(pe.PeelDataError) as caught:
            pe.loads(text, format=fmt)
        assert [p.path for p in caught.value.problems] == [f"grade_sources[{i}]" for i in range(100)], fmt
        assert caught.value.unlisted == 50, fmt


def test_a_number_of_more_than_100_characters_is_refused_by_both_readers() -> None:
    # As the README says: one limit, in YAML and JSON alike.
    for fmt in ("yaml", "json"):
        fits = "0.5" + "0" * 97  # 100 characters, of a number a float holds as written
        text = '{"force": "kent", "cycle": 2016, "measurements": [{"metric": "m", "label": "M", '
        text += '"unit": "ratio", "value": VALUE}]}'
        assert pe.loads(text.replace("VALUE", fits), format=fmt).reports[0].measurements[0].value == float(
            fits
        )
        with pytest.raises(pe.PeelDataError) as caught:
            pe.loads(text.replace("VALUE", fits + "1"), format=fmt)
        assert [p.message for p in caught.value.problems] == [
            "a number of 101 characters is too long to be a figure"
        ], fmt
        # A whole number, of digits: JSON's were refused only past Python's 4,300.
        assert pe.loads(text.replace("VALUE", str(2**300)), format=fmt).reports  # 91 digits
        for n in (2**400, -(2**400)):  # 121 digits, each held exactly as a float
            with pytest.raises(pe.PeelDataError) as caught:
                pe.loads(text.replace("VALUE", str(n)), format=fmt)
            assert [p.message for p in caught.value.problems] == [
                "a number of 121 digits is too long to be a figure"
            ], (fmt, n)


def test_a_repeated_key_under_a_key_left_out_has_no_place_and_no_traceback() -> None:
    # A key holding half a surrogate pair is left out with its value: a
    # repeat inside that value was looked for in its place (KeyError).
    for text in ['{"force":"kent","cycle":2016,"\\ud800":{"a":1,"a":2}}', '[{"\\udc00":[{"a":1,"a":2}]}]']:
        with pytest.raises(pe.PeelDataError) as caught:
            pe.loads(text, format="json")
        found = [p.message for p in caught.value.problems]
        assert "half a surrogate pair" in found[0], text
        assert not any("duplicate key" in m for m in found), text  # left out with the key


def _said(text: str, fmt: str) -> tuple[list[tuple[int | None, str, str]], int]:
    with pytest.raises(pe.PeelDataError) as caught:
        pe.loads(text, format=fmt)
    return [(p.line, p.path, p.message.split(" ")[0]) for p in caught.value.problems], caught.value.unlisted


def test_the_reader_s_problems_listed_are_the_first_in_the_file_of_every_kind() -> None:
    # Each kind was cut to the most listed in the order they were found:
    # a half pair before 100 NaNs, a NaN before 101 repeated keys and a
    # line break before 100 YAML 1.1 numbers were counted, not named.
    nans = ",\n".join(["NaN"] * 100)
    found, more = _said('{"force":"kent","cycle":2016,\n"summary":"\\ud800",\n"x":[' + nans + "]}", "json")
    assert (found[0][:2], len(found), more) == ((2, "summary"), 100, 2)  # the NaN at line 101, and x
    found, more = _said(
        '{"force":"kent","cycle":2016,"summary": NaN,\n' + ",\n".join(['"a":1'] * 101) + "}", "json"
    )
    assert (found[0], len(found), more) == ((1, "summary", "NaN"), 100, 2)
    found, more = _said('force: kent\ncycle: 2016\nsummary: "a\u2028b"\nx:\n' + "- 017\n" * 100, "yaml")
    assert (found[0][:2], len(found), more) == ((3, "summary"), 100, 2)


def test_a_key_left_out_takes_the_problems_of_its_value_with_it() -> None:
    # A key holding half a pair over 300 NaNs: the NaNs were counted, and
    # the key's own problem cut ("... and 201 more problems").
    found, more = _said('{"force":"kent","cycle":2016,"\\ud800":[' + ",".join(["NaN"] * 300) + "]}", "json")
    assert (found, more) == ([(1, "\\ud800", "the")], 0)
    # A repeated key holding half a pair is one problem (it was an unknown field).
    found, more = _said('{"force":"kent","cycle":2016,"\\ud800":1,"\\ud800":2}', "json")
    assert (found, more) == ([(1, "\\ud800", "the")], 0)


def test_what_the_reader_refuses_in_a_repeated_key_s_value_is_said_as_anywhere() -> None:
    # In a repeat inside a repeat's value a NaN went unsaid; a half pair in
    # a repeat's value was the converter's problem, not the reader's.
    found, _ = _said('{"force":"kent","cycle":2016,"x": {"z": 1, "z": {"a": 1, "a": NaN}}}', "json")
    assert (1, "x.z.a", "NaN") in found
    found, _ = _said('{"force":"kent","cycle":2016,"summary":"x","summary":"\\ud800"}', "json")
    assert [m for _, p, m in found if p == "summary"] == ["duplicate", "the"]
    # A repeated key the reader refuses is not an unknown field too.
    found, _ = _said("force: kent\ncycle: 2016\n017: x\n017: y\n", "yaml")
    assert [(line, m) for line, _, m in found] == [(3, "'017'"), (4, "'017'"), (4, "duplicate")]


def test_what_repeated_keys_values_refuse_is_listed_in_the_file_s_order() -> None:
    # Cut to the most listed in order of the repeats' depth, a later repeat
    # nearer the top pushed out an earlier one's problems.
    for bad in ["NaN", '"\\ud800"']:
        text = '{"reports": [{"force": "cumbria", "cycle": "2016", "summary": "s",\n"summary": ['
        text += (
            ",\n".join([bad] * 100) + ']}],\n"monitoring": [], "monitoring": [' + ",".join([bad] * 100) + "]}"
        )
        found, _ = _said(text, "json")
        assert found[1][:2] == (2, "reports[0].summary[0]"), bad


def test_keys_the_reader_refuses_are_not_counted_again_as_unknown_fields() -> None:
    # 20 unknown fields and 90 refused keys are 110 problems: the unknown
    # fields past the first ten named were counted with the refused ones.
    prov = "provenance:\n  title: t\n  publisher: p\n" + "".join(f"  zz{i}: 1\n" for i in range(20))
    prov += "".join(f"  0{i:02d}: x\n" for i in range(90))
    found, more = _said("force: kent\ncycle: 2016\n" + prov, "yaml")
    assert (len(found), more) == (100, 10)
    # Nor keys holding a YAML 1.1 line break: zzz went unnamed beside 99.
    text = "force: kent\ncycle: 2016\n" + "".join(f'"k{i}\u2028": 1\n' for i in range(99)) + "zzz: 1\n"
    found, more = _said(text, "yaml")
    assert (len(found), more, found[-1][1]) == (100, 0, "zzz")


def test_a_value_under_a_key_with_a_line_break_is_said_at_the_key_as_written() -> None:
    # Its path showed the reader's stand-in for the break (U+E000).
    found, _ = _said('force: kent\ncycle: 2016\n"k\u2028": 017\n', "yaml")
    assert {p for _, p, _ in found} == {"['k\\u2028']"}


def test_a_refused_report_does_not_warn_that_its_unknown_questions_are_kept() -> None:
    # Its rules run on what could be read of it, which is not kept.
    text = "force: kent\ncycle: 2025-27\nsummary: 5\nassessments: [{question: brand_new, grade: good}]\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [p.path for p in problems(text)] == ["summary"]
    with pytest.warns(pe.PeelWarning, match="kept as given"):
        pe.loads(text.replace("summary: 5\n", ""))


def test_text_that_starts_like_json_and_is_neither_says_why_as_json() -> None:
    # YAML's flow style reads a JSON typo as a YAML one: JSON's reason says more.
    with pytest.raises(pe.PeelDataError, match=r"not valid JSON: Expecting property name .* \(column 33\)"):
        pe.loads('{"force": "kent", "cycle": 2016,,}')
    # Flow-style YAML that is not JSON is still read as YAML.
    with pytest.raises(pe.PeelDataError, match="did you mean 'good'"):
        pe.loads("{force: kent, cycle: 2016, grade: goood}")


def test_a_key_no_path_could_show_is_written_as_python_writes_it() -> None:
    # An empty key is not the whole document, and a dot in a key is not a
    # step into a record.
    found = problems('{"force": "kent", "cycle": 2016, "": 1, "a.b": 2, "a\\nb": 3, " ": 4}')
    assert sorted(p.path for p in found) == sorted(["['']", "['a.b']", "['a\\nb']", "[' ']"])


def test_problems_are_in_order_of_line_then_path_with_its_numbers_as_numbers() -> None:
    paths = ["x[10]", "x[9]", "\u00b2", "x[2].y", "\u0663"]
    err = pe.PeelDataError([pe.Problem("p", "f.yaml", 1, p) for p in paths])
    assert [p.path for p in err.problems] == ["\u0663", "x[2].y", "x[9]", "x[10]", "\u00b2"]


def test_messages_name_a_type_with_its_article_and_a_date_subclass_as_such() -> None:
    import datetime as dt

    class Day(dt.date):
        pass

    with pytest.raises(pe.PeelDataError, match=r"got the date 2016-01-01 \(a Day, not a plain date\)"):
        pe.Period(Day(2016, 1, 1), dt.date(2016, 3, 31))
    with pytest.raises(pe.PeelDataError, match="got an object"):
        pe.Judgment(object())  # type: ignore[arg-type]
    with pytest.raises(pe.PeelDataError, match="nested more than 1 level deep"):
        pe.loads('{"force": "kent", "cycle": 2016, "x": [[1]]}', limits=pe.Limits(max_depth=1))


def test_a_baseline_is_an_earlier_period_of_a_change_and_points_are_bounded() -> None:
    with pytest.raises(pe.PeelDataError, match="baseline: baseline is only for a change"):
        pe.MetricDefinition(key="x", label="X", unit="percent", baseline="12 months to 30 June 2015")
    with pytest.raises(pe.PeelDataError, match="baseline: the baseline is the earlier period"):
        pe.MetricDefinition(
            key="x",
            label="X",
            unit="percent_change",
            period="12 months to 30 June 2016",
            baseline="12 months to 30 June 2017",
        )
    points = pe.MetricDefinition(key="x", label="X", unit="percentage_points")
    assert pe.Measurement(metric=points, value=-99.5).value == -99.5
    with pytest.raises(pe.PeelDataError, match="not a possible difference of two percentages"):
        pe.Measurement(metric=points, value=-150.0)


def test_every_wrong_item_of_a_list_is_said_at_its_index_and_line() -> None:
    found = problems(
        """\
        force: kent
        cycle: 2016
        grade: good
        grade_sources: ["a\\nb", "", "https://x"]
        assessments:
          - question: 1
            areas_for_improvement:
              - ""
              - Fine.
              - " "
        outcome_tables:
          - key: t
            title: T
            measure: share_of_offences
            period: 12 months to 30 June 2016
            rows: [{group: g, outcomes: [1, 1, 0, 23, 0]}]
        """
    )
    assert [(p.line, p.path, p.message.split(": ")[-1]) for p in found] == [
        (4, "grade_sources[0]", "it holds a line break (each is one line)"),
        (4, "grade_sources[1]", "it is blank"),
        (8, "assessments[0].areas_for_improvement[0]", "it is blank"),
        (10, "assessments[0].areas_for_improvement[2]", "it is blank"),
        (
            16,
            "outcome_tables[0].rows[0].outcomes",
            "outcome types 0, 1 are listed twice; none of 0, 23 is a Home Office outcome type (1 to 22)",
        ),
    ]


def test_a_list_of_outcome_types_names_at_most_twenty_of_its_wrong_items() -> None:
    # It named every one: a row of 3,000 outcome types made a message of
    # 17,000 characters.
    with pytest.raises(pe.PeelDataError) as caught:
        pe.OutcomeGroupRow(group="g", outcomes=[*range(1, 3001), 5, 7, *range(100, 130)])
    assert caught.value.problems[0].message == (
        "outcome types 5, 7, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, "
        "114, 115, 116, 117 (and 12 more) are listed twice; none of 23, 24, 25, 26, 27, 28, 29, 30, "
        "31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42 (and 2,958 more) is a Home Office outcome "
        "type (1 to 22)"
    )


def test_the_first_cycle_has_no_previous_judgment() -> None:
    found = problems(
        """\
        force: durham
        cycle: 2014
        pillar: efficiency
        grade: good
        previous_grade: adequate
        assessments:
          - question: 1
            grade: good
            previous_grade: good
        """
    )
    assert [(p.line, p.path) for p in found] == [(5, "previous_grade"), (9, "assessments[0].previous_grade")]
    assert {p.message for p in found} == {"2014 is the first PEEL cycle: there is no previous judgment"}


def test_a_misspelt_force_hides_none_of_the_report_s_other_problems() -> None:
    found = problems(
        """\
        force: durhamm
        cycle: 2017
        grade: adequate
        assessments:
          - {question: 2, grade: good}
          - {question: 2, grade: good}
        monitoring_note: x
        """
    )
    assert [(p.line, p.path) for p in found] == [
        (1, "force"),
        (3, "grade"),
        (6, "assessments[1].question"),
        (7, "monitoring_note"),
    ]
    stays = problems("monitoring:\n  - {force: durhamm, entered: 2023-09-20, left: 2022-01-01}\n")
    assert [p.path for p in stays] == ["monitoring[0].force", "monitoring[0].left"]
    # Two reports, each on a misspelt force, are not taken for one report twice.
    two = problems("- {force: durhamm, cycle: 2016}\n- {force: kentt, cycle: 2016}\n")
    assert [p.path for p in two] == ["[0].force", "[1].force"]


def test_a_misspelt_key_or_period_hides_no_figure_out_of_range() -> None:
    # A table's rules read neither its key nor its period, and a
    # measurement's none of its metric's key: each stands in, so that its
    # figures are checked; the report's rules, which read them, do not see
    # the record so built (a misspelt key is no second table's key).
    found = problems(
        """\
        force: kent
        cycle: 2016
        measurements:
          - {metric: Crime Rate, label: Crime, unit: percent, value: 120}
          - {metric: Crime Rate, label: Crime, unit: percent, value: 50}
        outcome_tables:
          - key: Figure 4
            title: Outcomes
            measure: share_of_offences
            period: last year
            rows:
              - {outcome: 1, label: Charged, value: 120}
              - {group: Out-of-court, outcomes: [x, 99], value: 50}
          - key: Figure 4
            title: Outcomes
            measure: share_of_offences
            period: 12 months to 30 June 2016
            rows: [{outcome: 1, label: Charged, value: 20}]
        """
    )
    assert [(p.line, p.path) for p in found] == [
        (4, "measurements[0].metric"),
        (4, "measurements[0].value"),
        (5, "measurements[1].metric"),
        (7, "outcome_tables[0].key"),
        (10, "outcome_tables[0].period"),
        (12, "outcome_tables[0].rows[0].value"),
        (13, "outcome_tables[0].rows[1].outcomes"),
        (13, "outcome_tables[0].rows[1].outcomes[0]"),
        (14, "outcome_tables[1].key"),
    ]
    said = {p.path: p.message for p in found}
    assert said["outcome_tables[0].rows[1].outcomes"] == "99 is not a Home Office outcome type (1 to 22)"


def test_a_misspelt_period_is_no_duplicate_and_hides_no_duplicate() -> None:
    # Left out where misspelt, two periods of one metric were None alike:
    # "given twice", which the file does not say. A table's misspelt period
    # kept the table from the report's rule: a key given twice was hidden.
    found = problems(
        """\
        force: kent
        cycle: 2016
        measurements:
          - {metric: iom, label: IOM, unit: count, value: 63, period: 12 months to 31 Dec 2015}
          - {metric: iom, label: IOM, unit: count, value: 62, period: 12 months to 31 Dec 2016}
        outcome_tables:
          - key: figure_4
            title: Outcomes
            measure: share_of_offences
            period: 12 months to 30 June 2016
            rows: [{outcome: 1, label: Charged, value: 20}]
          - key: figure_4
            title: Outcomes
            measure: share_of_offences
            period: 12 months 30 June 2016
            rows: [{outcome: 1, label: Charged, value: 20}]
        """
    )
    assert [(p.line, p.path) for p in found] == [
        (4, "measurements[0].period"),
        (5, "measurements[1].period"),
        (12, "outcome_tables[1].key"),
        (15, "outcome_tables[1].period"),
    ]
    assert found[2].message == "outcome table 'figure_4' is given twice"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_json_lines_are_counted_at_any_line_break(newline: str) -> None:
    text = newline.join(['{"force": "kent",', '"cycle": "2016",', '  "grade": "goood"}'])
    (p,) = problems(text, format="json")
    assert (p.line, p.path) == (3, "grade")
    (p,) = problems(text.replace('"goood"', "goood"), format="json")
    assert (p.line, p.message) == (3, "not valid JSON: Expecting value (column 12)")


def test_a_key_of_megabytes_is_named_by_its_start_in_the_path() -> None:
    text = json.dumps({"force": "kent", "cycle": "2016", "assessments": [{"question": 1, "k" * 100_000: 1}]})
    (p,) = problems(text)
    assert p.path == f"assessments[0][{'k' * 40!r}... (100000 characters)]"
    assert len(str(p)) < 400


def test_a_merge_key_is_said_at_its_key_and_hides_nothing_else() -> None:
    found = problems(
        """\
        force: kent
        cycle: 2016
        grade: goood
        provenance: {<<: {title: t}, publisher: p}
        """
    )
    assert [(p.line, p.path) for p in found] == [(3, "grade"), (4, "provenance.<<"), (4, "provenance.title")]


def test_an_item_that_is_not_text_hides_no_blank_one_beside_it() -> None:
    found = problems(
        """\
        force: kent
        cycle: 2016
        assessments:
          - question: 1
            areas_for_improvement: ["", 1, " ", fine]
        """
    )
    assert [p.path for p in found] == [f"assessments[0].areas_for_improvement[{i}]" for i in (0, 1, 2)]
    assert [p.message.split(": ")[-1] for p in found] == [
        "it is blank",
        "expected text, got the number 1",
        "it is blank",
    ]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_tab_in_the_indentation_is_named_whatever_ends_the_lines(end: str) -> None:
    # Lines were counted by LF alone: in a file of CR line ends the tab was not named.
    text = end.join(["force: kent", "cycle: 2016", "assessments:", "\t- question: 1", ""])
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    ((line, message),) = [(p.line, p.message) for p in e.value.problems]
    assert (line, message) == (4, "not valid YAML: a tab in the indentation (YAML indents with spaces only)")


def test_a_valid_json_text_with_an_escaped_pair_is_not_indexed(monkeypatch: pytest.MonkeyPatch) -> None:
    # json.dumps writes an emoji as two escapes: finding no half pair, the
    # reader looked for every value's line all the same (a valid file of
    # 1.5 MB took four times as long).
    from peel_effectiveness.io import _json_unicode

    def no_index(*_: object, **__: object) -> None:
        raise AssertionError("indexed a document with no problem")

    monkeypatch.setattr(_json_unicode, "lines_of", no_index)
    text = '{"force": "kent", "cycle": "2016", "summary": "\\ud83d\\ude00"}'
    assert pe.loads(text, format="json").reports[0].summary == "\U0001f600"


def test_an_anchor_set_inside_a_key_stands_for_no_value() -> None:
    # A mapping written as a key is refused and what is inside it unchecked:
    # its anchor, used later as a value, made a measurement of the first of
    # two values of one key, without a word.
    text = (
        "force: kent\ncycle: 2016\ngrade: good\n"
        "? &m {metric: x, label: y, unit: count, value: 1, value: 2}\n: x\n"
        "measurements: [*m]\n"
    )
    with pytest.raises(pe.PeelDataError) as caught:
        pe.loads(text)
    found = {(p.path, p.line): p.message for p in caught.value.problems}
    assert found.pop(("", 4)).startswith("a key must be text")
    assert found == {
        (
            "measurements[0]",
            6,
        ): "the alias *m stands for a value written in a key, which is no value: write it out"
    }


def test_a_field_badly_written_is_not_also_said_missing_by_its_record_s_rules() -> None:
    # A superseded grade's date, badly written, was said once as what it is
    # and again as missing ("a superseded grade says when it was replaced").
    text = (
        "force: kent\ncycle: 2023-25\nassessments:\n  - question: investigating\n    grade: good\n"
        "    other_grades:\n      - grade: adequate\n        kind: superseded\n        superseded_on: 8 Aug 2024\n"
    )
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [(9, "assessments[0].other_grades[0].superseded_on")]
    assert found[0].message == "expected a date (YYYY-MM-DD), got the text '8 Aug 2024'"
    with pytest.raises(pe.PeelDataError) as info:
        pe.converter.structure(
            {"grade": "adequate", "kind": "superseded", "superseded_on": "8 Aug 2024"}, pe.OtherGrade
        )
    assert [p.path for p in info.value.problems] == ["superseded_on"]
    # The rule still speaks where the field is not there at all.
    found = problems(text.replace("        superseded_on: 8 Aug 2024\n", ""))
    assert [p.message for p in found] == ["a superseded grade says when it was replaced (superseded_on)"]


def test_a_report_given_twice_is_said_whatever_else_is_wrong_with_it() -> None:
    # An off-scale grade (a rule of the report's) hid the second report.
    text = "- force: kent\n  cycle: 2016\n  grade: good\n- force: kent\n  cycle: 2016\n  grade: adequate\n"
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [(4, "[1].force"), (6, "[1].grade")]
    assert found[0].message == "a second effectiveness 2016 report on Kent (the first is at [0])"
    # A report whose force, cycle or pillar is wrong is no second of another.
    found = problems(
        text.replace(
            "  cycle: 2016\n  grade: adequate", "  cycle: 2016\n  pillar: legitimacy\n  grade: adequate"
        )
    )
    assert [p.path for p in found] == ["[1].grade"]


def test_a_measurement_without_its_metric_names_each_key_it_needs() -> None:
    # It said "missing required field 0": the list index.
    found = problems("force: kent\ncycle: 2016\nmeasurements:\n  - value: 70.1\n")
    assert [(p.line, p.path, p.message) for p in found] == [
        (4, "measurements[0].label", "missing required field 'label'"),
        (4, "measurements[0].metric", "missing required field 'metric'"),
        (4, "measurements[0].unit", "missing required field 'unit'"),
    ]


@pytest.mark.parametrize(
    ("key", "needs"),
    [("grade_note", "grade"), ("grade_sources", "grade"), ("previous_basis", "previous_grade")],
)
def test_a_judgment_s_key_without_its_grade_is_said_at_that_key(key: str, needs: str) -> None:
    value = "[https://example.org]" if key.endswith("sources") else "stated" if key.endswith("basis") else "x"
    text = f"force: kent\ncycle: 2017\nsummary: s\n{key}: {value}\n"
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [(4, key)]
    assert found[0].message == f"{key} goes with {needs}: give {needs}, or leave {key} out"
    found = problems(f"force: kent\ncycle: 2017\nassessments:\n  - question: 1\n    {key}: {value}\n")
    assert [(p.line, p.path) for p in found] == [(5, f"assessments[0].{key}")]


def test_each_yaml_1_1_line_break_is_said_at_its_value_with_the_file_s_other_problems() -> None:
    # The first stopped the reading: the others, and every other problem,
    # were said one run at a time.
    text = (
        "force: kent\ncycle: 2016\nsummary: a\u2028b\ngrade: goood\n"
        "assessments:\n  - question: 1\n    summary: c\u2029d\n"
        "    areas_for_improvement:\n      - e\x85f\n# g\u2028h\n"
        "measurements:\n  - metric: m\u2028\n    label: x\n    unit: count\n    value: 1\n"
    )
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [
        (3, "summary"),
        (4, "grade"),
        (7, "assessments[0].summary"),
        (9, "assessments[0].areas_for_improvement[0]"),
        (10, ""),  # in a comment: no value's, the document's
        (12, "measurements[0].metric"),
    ]
    assert [p.message[:6] for p in found] == ["U+2028", "'goood", "U+2029", "U+0085", "U+2028", "U+2028"]
    # A key holding one is said as the key.
    found = problems("force: kent\ncycle: 2016\nsumm\u2028ary: x\n")
    assert [(p.line, p.path, p.message[:6]) for p in found] == [(3, r"['summ\u2028ary']", "U+2028")]
    # Where the text holds characters of the Private Use Area, which stand
    # in for the breaks, the first break is said, the reading stopped there.
    found = problems("force: kent\ncycle: 2016\nsummary: \ue000\ngrade: goood\nnote: \u2028\n")
    assert [(p.line, p.path, p.message[:6]) for p in found] == [(5, "", "U+2028")]


def test_a_line_that_stands_for_problems_not_listed_is_counted_as_them() -> None:
    # A file of more problems than are listed lost the line that said how
    # many more unknown fields there were, and said "... and 1 more problem".
    unknown = "force: kent\ncycle: 2016\ngrade: goood\n" + "".join(f"x{i}: 1\n" for i in range(150))
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(unknown)
    assert len(info.value.problems) == 100  # the grade's and 99 unknown fields named
    assert info.value.unlisted == 51  # the line that counts the rest does not fit: they are counted
    # Listed where the problems it follows are and there is room.
    out_of_range = "".join(f"  - {{metric: m{i}, label: l, unit: percent, value: 101}}\n" for i in range(120))
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(f"force: kent\ncycle: 2016\nmeasurements:\n{out_of_range}grade: goood\n")
    said = [(p.path, p.message) for p in info.value.problems]
    stop = ("measurements[99]", "stopped after 99 problems in this list: 21 more items not checked")
    assert stop in said
    assert (len(said), info.value.unlisted) == (100, 1)  # the last figure's, whose place the stop took
    # Lines that count never crowd out the problems they count.
    many = "".join(
        "  - {metric: m"
        + str(i)
        + ", label: l, unit: count, value: 1, "
        + ", ".join(f"y{k}: 1" for k in range(101))
        + "}\n"
        for i in range(3)
    )
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(f"force: kent\ncycle: 2016\nmeasurements:\n{many}")
    messages = [p.message for p in info.value.problems]
    assert "2 more unknown fields in a measurement, not named" in messages
    assert sum(m.startswith("unknown field") for m in messages) == 99
    assert info.value.unlisted == 2 * (99 + 2)


def test_yaml_1_1_line_breaks_libyaml_cannot_read_a_stand_in_for_are_said_as_before() -> None:
    # In an anchor, a tag, straight after a colon, a stand-in is no YAML
    # either: libyaml's own error named no break, at a line the file lacks.
    for text in (
        "force: kent\ncycle: 2016\ngrade: &a\u2028b good\n",
        "force: kent\ncycle: 2016\ngrade:\u2028good\n",
    ):
        assert [(p.line, p.path, p.message[:6]) for p in problems(text)] == [(3, "", "U+2028")]
    # More breaks than there are stand-ins: the first said, with how many.
    (problem,) = problems("force: kent\ncycle: 2016\n# " + "\u2028" * 7000 + "\n")
    assert problem.line == 3
    assert problem.message.endswith(" (the file holds 7,000 such breaks)")
    # Several in one comment: one problem, which no escape would mend.
    (problem,) = problems("force: kent\ncycle: 2016\n# a\u2028b\u2028c\n")
    assert (problem.line, problem.path) == (3, "")
    assert problem.message.endswith("which would change the text: take it out")
    # Lines counted as YAML counts them, a lone CR ending one.
    found = problems("force: kent\rcycle: 2016\rsummary: a\u2028b\r")
    assert [(p.line, p.path) for p in found] == [(3, "summary")]
    # The break libyaml stopped at is said, not the first in the file.
    (problem,) = problems("force: kent\ncycle: 2016\n# a\u2028b\nsummary: x\ngrade: &a\u2028b good\n")
    assert (problem.line, problem.message[:6]) == (5, "U+2028")


def test_a_yaml_1_1_break_on_another_line_than_libyaml_s_fault_does_not_hide_it() -> None:
    # A break in a comment on the line before a tab in the indentation
    # was said instead of the tab.
    (problem,) = problems("force: kent\ncycle: 2016\nassessments: # x\u2028\n\t- question: 1\n")
    assert (problem.line, problem.message) == (
        4,
        "not valid YAML: a tab in the indentation (YAML indents with spaces only)",
    )


def test_stays_that_overlap_are_said_whatever_else_is_wrong_with_them() -> None:
    # A misspelt reason hid the overlap, as an off-scale grade hid a report
    # given twice.
    text = (
        "monitoring:\n  - force: kent\n    entered: 2020-01-01\n    left: 2021-01-01\n    reason: 5\n"
        "  - force: kent\n    entered: 2020-06-01\n"
    )
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [(5, "monitoring[0].reason"), (7, "monitoring[1].entered")]
    assert "Kent's stays in Engage overlap" in found[1].message


def test_a_yaml_1_1_line_break_an_alias_repeats_is_said_once_where_it_is_written() -> None:
    # It was said at the alias's path with the anchor's line, and read again
    # for each alias (a long value aliased thousands of times took a minute).
    text = 'force: kent\ncycle: 2016\nsummary: &s "a\u2028b"\nassessments: [{question: 1, summary: *s}]\n'
    assert [(p.line, p.path) for p in problems(text)] == [(3, "summary")]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_problems_of_a_repeated_key_s_value_and_of_a_stay_are_counted_past_the_most_listed(fmt: str) -> None:
    # The repeat's problems and a stay's were cut to the most listed with
    # none of the rest counted.
    bad = [{"question": 1, **{f"x{i}": 1 for i in range(150)}}]
    if fmt == "json":
        text = '{"force": "kent", "cycle": 2016, "assessments": [], "assessments": ' + json.dumps(bad) + "}"
    else:
        text = "force: kent\ncycle: 2016\nassessments: []\nassessments:\n  - " + json.dumps(bad[0]) + "\n"
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(text, format=fmt)  # type: ignore[arg-type]
    # The repeated key, and 150 unknown fields in its value.
    assert len(info.value.problems) + info.value.unlisted == 151
    stay = {"force": "kent", "entered": "2020-01-01", "left": "someday", **{f"x{i}": 1 for i in range(150)}}
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(json.dumps({"reports": [], "monitoring": [stay]}))
    # Its date and 99 unknown fields listed, the other 51 counted.
    assert (len(info.value.problems), info.value.unlisted) == (100, 51)


def test_a_yaml_1_1_line_break_in_an_alias_s_value_or_key_shows_no_stand_in() -> None:
    # The alias's value and key were checked as written with the stand-in,
    # a character of the Private Use Area the file does not hold.
    text = "- force: kent\n  cycle: 2016\n  grade: &g good\u2028\n  previous_grade: *g\n"
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [(3, "[0].grade")]
    text = "- force: kent\n  cycle: 2016\n  provenance: &p {title: T, publisher: P, zz\u2028z: 1}\n"
    found = problems(text + "- force: kent\n  cycle: 2017\n  provenance: *p\n")
    assert not any("\ue000" in p.message or "\ue000" in p.path for p in found)
    assert [p.path for p in found if p.message.startswith("U+2028")] == [r"[0].provenance['zz\u2028z']"]


def test_a_repeated_key_s_problems_are_not_counted_twice() -> None:
    # The document's own problems, cut from the copy checked for the
    # repeat's, were counted there and again with the document's.
    text = (
        "force: kent\ncycle: 2016\nassessments: []\nassessments: [" + ", ".join(["5"] * 150) + "]\nvalu: 1\n"
    )
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(text)
    # The repeated key, 99 of the items and where their checking stopped
    # listed; the 99th item's, in whose place that is, and valu's counted.
    assert (len(info.value.problems), info.value.unlisted) == (100, 2)


class _Sulky(str):
    """A key whose class's comparison, length and case raise."""

    __hash__ = str.__hash__

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    def __len__(self) -> int:
        raise RuntimeError("len")

    def lower(self) -> str:  # type: ignore[override]
        raise RuntimeError("lower")


def test_an_unknown_key_of_a_class_of_its_own_is_said_as_its_text() -> None:
    # Its methods' exceptions came out of the hints of where a key goes.
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure({"force": "kent", "cycle": "2016", _Sulky("titel"): 1}, pe.InspectionReport)
    assert [p.message for p in e.value.problems] == [
        "unknown field 'titel' in a report; did you mean 'title'? It goes under 'provenance'"
    ]


def test_a_grade_written_as_nothing_says_to_leave_the_key_out() -> None:
    # The message listed the words, as if a grade had to be chosen.
    for text in ("force: kent\ncycle: 2016\ngrade: null\n", "force: kent\ncycle: 2016\ngrade:\n"):
        (problem,) = problems(text)
        assert (problem.path, problem.line) == ("grade", 3)
        assert problem.message.endswith("; a grade not known is left out, not given as nothing)")
    assert "left out" not in one("force: kent\ncycle: 2016\ngrade: 3\n").message


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # A rule of the report on the second of two other grades, the first
        # of which could not be built: said of the first, on its line.
        (
            "force: kent\ncycle: 2016\ngrade: good\nother_grades:\n- {grade: goood, kind: disputed}\n"
            "- {grade: adequate, kind: disputed}\n",
            (6, "other_grades[1].grade", "'adequate' is not on the 2016 grade scale"),
        ),
        # And of an assessment's other grades.
        (
            "force: kent\ncycle: 2016\nassessments:\n- question: 1\n  grade: good\n  other_grades:\n"
            "  - {grade: goood, kind: disputed}\n  - {grade: adequate, kind: disputed}\n",
            (8, "assessments[0].other_grades[1].grade", "'adequate' is not on the 2016 grade scale"),
        ),
        # The first of two the same, in the rule's words too.
        (
            "force: kent\ncycle: 2016\nassessments:\n- grade: good\n- question: 3\n- question: 3\n",
            (6, "assessments[2].question", "question 3 is assessed twice (first in assessments[1])"),
        ),
        (
            "force: kent\ncycle: 2016\ngrade: good\nother_grades:\n- {grade: goood, kind: disputed}\n"
            "- {grade: inadequate, kind: disputed}\n- {grade: inadequate, kind: disputed}\n",
            (7, "other_grades[2]", "the same disputed grade as [1] of this list"),
        ),
        # A value the data quote is left as it is, brackets and all.
        (
            "force: kent\ncycle: 2016\noutcome_tables:\n- key: figure_4\n  title: Outcomes\n"
            "  measure: share_of_offences\n  period: 12 months to 30 June 2016\n  rows:\n"
            "  - {outcome: zz, label: A}\n  - {group: 'rows[0]', outcomes: [2]}\n  - {group: 'rows[0]', outcomes: [3]}\n",
            (
                11,
                "outcome_tables[0].rows[2].group",
                "the group 'rows[0]' is also rows[1]: each group's label",
            ),
        ),
    ],
)
def test_a_rule_names_the_items_of_a_list_as_the_file_has_them(text: str, said: tuple[int, str, str]) -> None:
    # Where an item of a list could not be built, the rules ran on the rest
    # and named them by their places among the rest.
    line, path, words = said
    found = problems(text)
    assert [(p.line, p.path) for p in found if words in p.message] == [(line, path)], found


def test_an_other_grade_a_record_refuses_hides_no_other_problem() -> None:
    # An other grade the same as the grade in force stopped the judgment
    # being made, and with it every rule of the report that reads it: a
    # date of another other grade, a carry-over, were said only once it
    # was mended.
    found = problems(
        "force: kent\ncycle: 2016\ngrade: good\nother_grades:\n- {grade: good, kind: disputed}\n"
        "- {grade: inadequate, kind: disputed, published: 2010-01-01}\n"
        "assessments:\n- question: 1\n  grade: good\n  carried_over_from: 2017\n"
        "  other_grades: [{grade: good, kind: disputed}]\n"
    )
    assert [(p.line, p.path) for p in found] == [
        (5, "other_grades[0].grade"),
        (6, "other_grades[1].published"),
        (10, "assessments[0].carried_over_from"),
        (11, "assessments[0].other_grades[0].grade"),
    ], found


def test_an_other_grade_refused_beside_one_that_cannot_be_read_hides_no_other_problem() -> None:
    # The judgment built without the one that cannot be read failed its
    # own rule in turn, and nothing was built for the report's rules.
    found = problems(
        "force: kent\ncycle: 2016\ngrade: good\nother_grades:\n- {grade: goood, kind: disputed}\n"
        "- {grade: good, kind: disputed}\n- {grade: adequate, kind: disputed}\n"
        "assessments:\n- question: 1\n  grade: good\n  other_grades:\n  - {grade: goood, kind: disputed}\n"
        "  - {grade: good, kind: disputed}\n  - {grade: adequate, kind: disputed}\n"
    )
    scale = "'adequate' is not on the 2016 grade scale"
    assert [(p.line, p.path) for p in found if p.message.startswith(scale)] == [
        (7, "other_grades[2].grade"),
        (14, "assessments[0].other_grades[2].grade"),
    ], found
    assert len(found) == 6


@pytest.mark.parametrize(
    ("fields", "wrong"),
    [
        ({"message": None}, "message"),
        ({"message": "m", "line": "4"}, "line"),
        ({"message": "m", "path": None}, "path"),
    ],
)
def test_a_problem_that_is_not_one_is_refused_where_it_is_made(fields: dict[str, Any], wrong: str) -> None:
    # PeelDataError([Problem(None)]) raised "__str__ returned non-string"
    # while the error was being built.
    with pytest.raises(TypeError, match=f"^{wrong} must be "):
        pe.Problem(**fields)
