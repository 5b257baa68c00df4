"""Issue 12: whatever a path or a text holds, load and loads answer with the
data or with PeelDataError naming the path and the reason, in bounded time."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peel_effectiveness as pe

GOOD = "force: kent\ncycle: 2016\ngrade: good\n"


def test_a_line_of_text_with_a_slash_is_text_to_loads_and_a_path_to_load(tmp_path: Path) -> None:
    text = "force: kent\ncycle: 2018/19\n"
    assert len(pe.loads(text)) == 1
    assert len(pe.loads("{force: kent, cycle: 2018/19}")) == 1  # one line, a slash: still text
    with pytest.raises(pe.PeelDataError, match="no such file or folder; to read text, use loads"):
        pe.load(text)
    (tmp_path / "kent.yaml").write_text(GOOD, encoding="utf-8")
    assert len(pe.load(tmp_path / "kent.yaml")) == len(pe.load(str(tmp_path / "kent.yaml"))) == 1


def test_load_and_loads_refuse_the_other_kind_of_argument() -> None:
    with pytest.raises(TypeError, match="for text, use loads"):
        pe.load(b"force: kent")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="for a file, use load"):
        pe.loads(Path("x.yaml"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="limits must be a Limits"):
        pe.loads(GOOD, limits=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", [None, "json", "yaml"])
def test_a_text_s_byte_order_mark_is_dropped_as_a_file_s_is(fmt: str | None, tmp_path: Path) -> None:
    text = '{"force": "kent", "cycle": 2016, "grade": "good"}'
    (tmp_path / "kent.json").write_text("\ufeff" + text, encoding="utf-8")
    expected = pe.load(tmp_path / "kent.json")
    assert pe.loads("\ufeff" + text, format=fmt) == expected  # type: ignore[arg-type]
    # JSON's own reason for a typo, not YAML's, as without the mark.
    with pytest.raises(pe.PeelDataError, match="not valid JSON"):
        pe.loads('\ufeff[{"force": "kent"} x]')


def test_bytes_are_held_to_the_limit_on_size() -> None:
    limits = pe.Limits(max_bytes=100)
    assert len(pe.loads(GOOD.encode(), limits=limits)) == 1
    with pytest.raises(pe.PeelDataError, match="over the limit of 100 bytes"):
        pe.loads((GOOD + "summary: " + "x" * 200 + "\n").encode(), limits=limits)
    with pytest.raises(pe.PeelDataError, match="not UTF-8"):
        pe.loads(b"force: kent\ncycle: 2016\nsummary: \xff\n")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_not_read() -> None:
    with pytest.raises(pe.PeelDataError, match="not a regular file") as e:
        pe.load("/dev/zero")
    assert e.value.problems[0].file == "/dev/zero"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            pe.load(fifo)
        except BaseException as e:  # noqa: BLE001 - handed to the test's thread
            outcome.append(e)
        else:
            outcome.append(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), "reading a named pipe waited for a writer"
    assert isinstance(outcome[0], pe.PeelDataError)
    assert "not a regular file" in str(outcome[0])


def test_a_folder_with_a_link_that_loops_names_it(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text(GOOD, encoding="utf-8")
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(pe.PeelDataError) as e:
        pe.load(tmp_path)
    (problem,) = e.value.problems
    assert problem.file == str(loop)
    assert "cannot read the file" in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_folder_names_every_data_file_it_cannot_read_and_skips_its_folders(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(pe.PeelDataError) as e:
        pe.load(tmp_path)
    assert [(Path(p.file or "").name, p.message) for p in e.value.problems] == [
        ("gone.yaml", "cannot read the file: No such file or directory"),
        ("pipe.yaml", "not a regular file: only files are read"),
    ]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_a_folder_without_permission_names_it(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "kent.yaml").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        with pytest.raises(pe.PeelDataError, match="cannot read the folder: Permission denied"):
            pe.load(locked)
    finally:
        locked.chmod(0o755)


def test_a_file_without_permission_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kent.yaml"
    path.write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def refuse(name: str, *args: object, **kw: object) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(pe.PeelDataError, match="cannot read the file: Permission denied") as e:
        pe.load(path)
    assert e.value.problems[0].file == str(path)


def test_a_name_the_system_cannot_take_is_a_data_error() -> None:
    with pytest.raises(pe.PeelDataError):
        pe.load("bad\x00name.yaml")
    with pytest.raises(pe.PeelDataError):
        pe.load("x" * 5000 + ".yaml")


def test_a_file_with_very_many_problems_is_reported_in_part() -> None:
    text = "".join(f"- force: nowhere{i}\n  cycle: 1999\n" for i in range(5000))
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    err = e.value
    assert len(err.problems) == 101  # 100 problems, and the line that says the rest was not checked
    assert "stopped after 100 problems" in err.problems[-1].message
    assert "more reports were not checked" in str(err)
    dupes = "force: kent\ncycle: 2016\n" + "summary: x\n" * 1000
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(dupes)
    assert len(e.value.problems) == 100
    assert e.value.unlisted == 899
    assert str(e.value).endswith("... and 899 more problems, not listed")


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (
            '{"force": "kent", "cycle": 2016, "grade": "good", "grade_sources": ['
            + ", ".join(["1"] * 1000)
            + "]}",
            "grade_sources",
        ),
        (
            "force: kent\ncycle: 2016\nassessments:\n  - question: 1\n    grade: good\n    areas_for_improvement:\n"
            + "      - 1\n" * 1000,
            "assessments[0].areas_for_improvement",
        ),
        (
            "force: kent\ncycle: 2016\nassessments:\n" + "  - 5\n" * 1000,
            "assessments",
        ),
    ],
    ids=["json sources", "yaml areas for improvement", "yaml assessments"],
)
def test_a_list_of_very_many_wrong_items_is_checked_in_part_in_order(text: str, path: str) -> None:
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    problems = e.value.problems
    assert len(problems) == 100
    assert e.value.unlisted == 0
    # In the list's order, its numbers read as numbers ([9] before [10]).
    assert [p.path.removeprefix(path).partition("]")[0] for p in problems] == [f"[{i}" for i in range(100)]
    assert problems[-1].message == "stopped after 99 problems in this list: 901 more items not checked"
    # A record made in Python checks no further either.
    with pytest.raises(pe.PeelDataError) as e:
        pe.Judgment("good", sources=[1] * 1000)  # type: ignore[list-item]
    assert len(e.value.problems) == 100
    assert e.value.problems[-1].path == "sources[99]"


_HEAD = "force: kent\ncycle: 2016\n"
_TABLE = "outcome_tables: [{key: f, title: t, measure: share_of_offences, period: 12 months to 30 June 2016, "


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (_HEAD + "assessments: [&a {question: 1, grade: good}" + ", *a" * 1000 + "]\n", "assessments"),
        (_HEAD + "assessments: [" + ", ".join(["{question: 1}"] * 1001) + "]\n", "assessments"),
        (
            _HEAD
            + _TABLE
            + "rows: [{group: g, outcomes: [1], members: [&m {outcome: 1, label: l}"
            + ", *m" * 1000
            + "]}]}]\n",
            "outcome_tables[0].rows[0].members",
        ),
        (
            _HEAD + _TABLE + "rows: [&r {outcome: 1, label: l}" + ", *r" * 1000 + "]}]\n",
            "outcome_tables[0].rows",
        ),
        (
            _HEAD
            + "outcome_tables: [&t {key: f, title: t, measure: share_of_offences, period: 12 months to 30 June 2016, "
            "rows: [{outcome: 1, label: l}]}" + ", *t" * 1000 + "]\n",
            "outcome_tables",
        ),
        (
            _HEAD + "measurements: [&m {metric: m, label: l, unit: count, value: 1}" + ", *m" * 1000 + "]\n",
            "measurements",
        ),
        (
            _HEAD
            + "grade: good\nother_grades: [&o {grade: inadequate, kind: disputed, sources: [x]}"
            + ", *o" * 1000
            + "]\n",
            "other_grades",
        ),
    ],
    ids=["aliases", "written out", "members", "rows", "tables", "measurements", "other grades"],
)
def test_a_rule_across_a_list_of_very_many_items_names_the_most_problems_named(text: str, path: str) -> None:
    # Each item of a million is right alone and wrong beside the first: the
    # rule named every one, each made a problem of the file with its line,
    # and a file of 1 MiB took 6 to 9 seconds. The rest are counted.
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    problems = e.value.problems
    assert (len(problems), e.value.unlisted) == (100, 0)
    assert problems[-1].path.startswith(f"{path}[100]")
    if path == "assessments":  # the most common list: not checked past them, as a list's items are not
        assert problems[-1].message == "stopped after 99 problems in this list: 901 more items not checked"
    else:
        assert problems[-1].message == "901 more problems from here on, not named"


def test_a_warning_names_the_first_twenty_questions_the_registry_does_not_know() -> None:
    text = (
        "force: kent\ncycle: 2025-27\nassessments: ["
        + ", ".join(f"{{question: vet{i}}}" for i in range(1000))
        + "]\n"
    )
    with pytest.warns(pe.PeelWarning) as w:
        pe.loads(text)
    said = str(w[0].message)
    assert "'vet19' and 980 more yet; kept as given" in said
    assert "'vet20'" not in said


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- &r {force: kent, cycle: 2016}\n" + "- *r\n" * 1000, "a second effectiveness 2016 report on Kent"),
        (
            "monitoring: [&s {force: kent, entered: 2019-04}" + ", *s" * 1000 + "]\n",
            "Kent has two stays in Engage entered April 2019",
        ),
    ],
    ids=["reports", "stays"],
)
def test_repeated_reports_and_stays_are_named_to_the_most_listed_and_the_rest_counted(
    text: str, problem: str
) -> None:
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    assert [p.message.split(" (")[0] for p in e.value.problems] == [problem] * 100
    assert e.value.unlisted == 900


def test_a_huge_word_gets_no_suggestion_and_a_short_message() -> None:
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads("force: kent\ncycle: 2016\ngrade: " + "g" * 1_000_000 + "\n")
    (problem,) = e.value.problems
    assert len(problem.message) < 400
    assert "did you mean" not in problem.message


def test_a_folder_the_system_will_not_list_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kent.yaml").write_text(GOOD, encoding="utf-8")

    def refuse(path: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(pe.PeelDataError, match="cannot read the folder: Permission denied") as e:
        pe.load(tmp_path)
    assert e.value.problems[0].file == str(tmp_path)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_nesting_past_what_python_reads_says_where_whatever_the_limit(fmt: str) -> None:
    text = '{"force": "kent",\n"cycle": 2016,\n"summary":\n' + "[" * 3000 + "]" * 3000 + "}"
    for limits, said in [(pe.Limits(), "64"), (pe.Limits(max_depth=500), "500")]:
        with pytest.raises(
            pe.PeelDataError, match=f"^<string>:4: the data is nested more than {said} levels deep$"
        ):
            pe.loads(text, format=fmt, limits=limits)  # type: ignore[arg-type]


def test_the_limit_on_nesting_is_as_deep_as_both_readers_go() -> None:
    # A higher one was taken, and each reader stopped short of it at its
    # own depth (libyaml at 1,000 levels, Python's JSON reader near it).
    assert pe.Limits(max_depth=500).max_depth == 500
    with pytest.raises(pe.PeelDataError, match=r"^max_depth: 501 is not a depth from 0 to 500 levels$"):
        pe.Limits(max_depth=501)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A repeated key: the first value stays, and is checked as any value.
        (
            "force: kent\ncycle: 2016\ngrade: goood\ngrade: good\n",
            [(3, "grade", "'goood' is not a grade"), (4, "grade", "duplicate key 'grade'")],
        ),
        (
            "force: kentt\nforce: kent\ncycle: 2016\n",
            [(1, "force", "no force called 'kentt'"), (2, "force", "duplicate key 'force'")],
        ),
        (
            '{"force": "kent", "cycle": 2016,\n "grade": "goood", "grade": "good"}',
            [(2, "grade", "duplicate key 'grade'"), (2, "grade", "'goood' is not a grade")],
        ),
        # A key the report has no field for is said whatever its value.
        (
            "force: kent\ncycle: 2016\nsummry: 1:20\n",
            [(3, "summry", "sexagesimal"), (3, "summry", "unknown field 'summry'")],
        ),
        (
            "force: kent\ncycle: 2016\nsummry: a\nsummry: b\n",
            [(3, "summry", "unknown field 'summry'"), (4, "summry", "duplicate key 'summry'")],
        ),
        (
            '{"force": "kent", "cycle": 2016, "valu": NaN}',
            [(1, "valu", "NaN is not a number"), (1, "valu", "unknown field 'valu'")],
        ),
        (
            '{"reports": [], "monitorin": Infinity}',
            [(1, "monitorin", "Infinity is not a number"), (1, "monitorin", "unknown field 'monitorin'")],
        ),
        # A repeat the reader refuses is not kept: the first value is checked still.
        (
            "force: kent\ncycle: 2016\ngrade: goood\ngrade: 1:20\n",
            [
                (3, "grade", "'goood' is not a grade"),
                (4, "grade", "duplicate key"),
                (4, "grade", "sexagesimal"),
            ],
        ),
        (
            "force: kent\ncycle: 2016\ngrade: goood\ngrade: !!set {a}\n",
            [(3, "grade", "'goood' is not a grade"), (4, "grade", "duplicate key"), (4, "grade", "the tag")],
        ),
        # A repeat's own value is checked too, at the repeat's line: deleting
        # the first would leave it.
        (
            "force: kent\ncycle: 2016\ngrade: good\ngrade: goood\n",
            [(4, "grade", "duplicate key"), (4, "grade", "'goood' is not a grade")],
        ),
        (
            "force: kent\ncycle: 2016\nassessments:\n- {question: 3, grade: good}\nassessments:\n"
            "- {question: 9, grade: goood}\n",
            [
                (5, "assessments", "duplicate key"),
                (5, "assessments[0].grade", "'goood' is not a grade"),
                (5, "assessments[0].question", "no core question 9"),
            ],
        ),
        (
            '{"force": "kent", "cycle": "2016", "assessments": [{"question": 3}],\n'
            ' "assessments": [{"question": 2, "grade": "x", "valu": NaN}]}',
            [
                (2, "assessments", "duplicate key"),
                (2, "assessments[0].grade", "'x' is not a grade"),
                (2, "assessments[0].valu", "NaN is not a number"),
                (2, "assessments[0].valu", "unknown field 'valu'"),
            ],
        ),
        # Alike in both, said once, of the first.
        (
            "force: kent\ncycle: 2016\ngrade: goood\ngrade: goood\n",
            [(3, "grade", "'goood'"), (4, "grade", "duplicate")],
        ),
        # A value the reader refused is said once, by the reader; and a key, with its value.
        ("force: kent\ncycle: 2016\ngrade: 1:20\n", [(3, "grade", "sexagesimal")]),
        (
            "force: kent\ncycle: 2016\n1:20: 1:30\n",
            [(3, "1:20", "'1:20' is a sexagesimal"), (3, "1:20", "'1:30'")],
        ),
        ('{"force": "kent", "cycle": 2016, "grade": "\\ud800"}', [(1, "grade", "half a surrogate pair")]),
    ],
)
def test_a_problem_the_reader_finds_hides_none_the_converter_finds(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(text)
    problems = info.value.problems
    assert len(problems) == len(expected), str(info.value)
    for p, (line, path, said) in zip(problems, expected, strict=True):
        assert (p.line, p.path) == (line, path), str(info.value)
        assert said in p.message, str(info.value)


@pytest.mark.parametrize(
    "value", ["!!set {a, b}", "!!omap [title: x]", "!!python/object:os.system {}", "!local []"]
)
def test_a_tag_on_a_mapping_or_a_list_is_a_problem_of_its_field(value: str) -> None:
    # As a tag on a text is: the reading goes on, and the file's other problems are said.
    text = f"force: kentt\ncycle: 2016\ngrade: goood\nprovenance: {value}\n"
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(text)
    found = [(p.line, p.path) for p in info.value.problems]
    assert found[:3] == [(1, "force"), (3, "grade"), (4, "provenance")], str(info.value)
    assert "is not allowed" in info.value.problems[2].message
    # What the tag names is never made; the converter's word on the value gives way to the tag's.
    assert not any(p.path == "provenance" and "expected" in p.message for p in info.value.problems)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("9007199254740993.0", "9007199254740992.0"),
        ("12345678901234567890.5", "1.2345678901234567e+19"),
        ("1.23456789012345678e-320", "1.2347e-320"),
        ("0.300000000000000001", "0.3"),
        # Below the least normal float, fewer digits are held: it was read,
        # and written back, as 5e-324 without a word.
        ("4.9e-324", "5e-324"),
        ("1.6e-323", "1.5e-323"),
    ],
)
def test_a_number_a_float_cannot_hold_as_written_is_refused_not_rounded(
    fmt: str, written: str, read: str
) -> None:
    # As a whole number past 2**53 is: never rounded without a word.
    text = (
        f'{{"force": "kent", "cycle": 2016, "measurements": [{{"metric": "m", "label": "l", "unit": "ratio", "value": {written}}}]}}'
        if fmt == "json"
        else f"force: kent\ncycle: 2016\nmeasurements:\n  - {{metric: m, label: l, unit: ratio, value: {written}}}\n"
    )
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text, format=fmt)  # type: ignore[arg-type]
    assert [p.message for p in e.value.problems] == [
        f"{written} cannot be held exactly: it would be read as {read}"
    ]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize(
    "written",
    [
        "0.30000000000000004",
        "1.50000000000000000000",
        "6.20",
        "1.0e-320",
        "1.7976931348623157e+308",
        "5.960464477539063e-08",  # repr's, where the float lies half way between
        # C's 17 digits (%.17g) of 0.1 and 2.675: the float, written so.
        "0.10000000000000001",
        "2.6749999999999998",
    ],
)
def test_a_number_a_float_holds_as_written_is_read(fmt: str, written: str) -> None:
    text = (
        f'{{"force": "kent", "cycle": 2016, "measurements": [{{"metric": "m", "label": "l", "unit": "ratio", "value": {written}}}]}}'
        if fmt == "json"
        else f"force: kent\ncycle: 2016\nmeasurements:\n  - {{metric: m, label: l, unit: ratio, value: {written}}}\n"
    )
    (report,) = pe.loads(text, format=fmt)  # type: ignore[arg-type]
    assert report.measurements[0].value == float(written)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "force: kent\ncycle: 2016\nmeasurements:\n  - {metric: a_b, label: '', unit: count, value: 5, "
            "baseline: 12 months to 30 June 2015}\n",
            [
                "measurements[0].label: '' is not text with something in it (not blank)",
                "measurements[0].baseline: baseline is only for a change (unit percent_change or percentage_points)",
            ],
        ),
        (
            "force: kent\ncycle: 2016\nprovenance: {title: '', publisher: p, published: 2000-01-01}\n",
            [
                "provenance.title: '' is not text with something in it (not blank)",
                "provenance.published: 2000-01-01 is not when 2016 reports came out (efficiency 3 November 2016, "
                "legitimacy December 2016, effectiveness 2 March 2017)",
            ],
        ),
        (
            "force: {id: mine, official_name: My Force, short_name: Kent, gss_code: X1, country: England, "
            "region: r}\ncycle: 2016\n",
            [
                "force.short_name: 'Kent' names Kent Police, one of the 43: a force of your own needs names of its own",
                "force.gss_code: 'X1' is not an ONS police force area code (E23 or W15 and six digits)",
            ],
        ),
        (
            "force: kent\ncycle: 2016\noutcome_tables:\n  - {key: f, title: '', measure: share_of_offences, "
            "period: 12 months to 30 June 2016, rows: [{outcome: 1, label: '', value: 101}]}\n",
            [
                "outcome_tables[0].title: '' is not text with something in it (not blank)",
                "outcome_tables[0].rows[0].label: '' is not text with something in it (not blank)",
                "outcome_tables[0].rows[0].value: 101 is not a percentage between 0 and 100 "
                "(the table's measure is share_of_offences)",
            ],
        ),
    ],
    ids=["metric label", "provenance title", "own force code", "outcome labels"],
)
def test_a_blank_name_or_a_mistyped_code_hides_no_other_problem(text: str, said: list[str]) -> None:
    # Each was said only once the first was mended.
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    assert sorted(f"{p.path}: {p.message}" for p in e.value.problems) == sorted(said)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("!!float 1" + "0" * 400, "a number of 401 characters is too long to be a figure (tag !!float)"),
        (
            "!!float 9007199254740993",
            "9007199254740993 cannot be held exactly: it would be read as 9007199254740992.0 (tag !!float)",
        ),
    ],
)
def test_a_whole_number_tagged_a_float_is_checked_as_a_decimal_is(value: str, said: str) -> None:
    # float() of the whole number read: an OverflowError, or rounded without a word.
    text = (
        f"force: kent\ncycle: 2016\nmeasurements:\n  - {{metric: m, label: l, unit: ratio, value: {value}}}\n"
    )
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    assert [p.message for p in e.value.problems] == [said]


def test_a_negative_zero_tagged_a_float_keeps_its_sign() -> None:
    text = "force: kent\ncycle: 2016\nmeasurements:\n  - {metric: m, label: l, unit: percent_change, value: !!float -0}\n"
    (report,) = pe.loads(text)
    assert str(report.measurements[0].value) == "-0.0"


def test_a_dataset_of_very_many_repeated_stays_and_reports_names_the_most_problems_named() -> None:
    data = pe.load_bundled()
    stay, report = data.stays[0], data.reports[0]
    with pytest.raises(pe.PeelDataError) as e:
        pe.Dataset([report] * 150, [stay] * 300)
    problems = e.value.problems
    assert len(problems) == 100
    assert problems[0].message.startswith("two reports on ")
    # 149 reports given again and 299 stays: 99 named, the rest counted.
    assert problems[-1].message == "349 more problems from here on, not named"


def test_aliases_stand_for_at_most_so_many_values_in_all() -> None:
    # Reports sharing one list of 20,000 assessments by an alias (43 of them
    # in 0.4 MiB were read and checked as 17 MiB, in 13 s against a budget
    # of 2.4): 20 here, refused at the fifth.
    shared = "[" + ", ".join(f"{{question: q{i}}}" for i in range(20_000)) + "]"
    text = "- {force: kent, cycle: 2025-27, assessments: &a " + shared + "}\n"
    text += "".join(f"- {{force: {f.id}, cycle: 2025-27, assessments: *a}}\n" for f in pe.forces()[1:20])
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    assert [(p.line, p.message) for p in e.value.problems] == [
        (
            6,  # the fifth alias: past 200,000 values
            "the aliases stand for more than 200000 values in all: write them out "
            "(what each stands for is checked again where it stands)",
        )
    ]
    # Raised, the bound on values of the whole document still holds.
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in "bcdefghi":
        laughs += f"{i}: &{i} [" + ", ".join([f"*{chr(ord(i) - 1)}"] * 9) + "]\n"
    with pytest.raises(pe.PeelDataError, match="expands to more than 2000000 values"):
        pe.loads(laughs, limits=pe.io.Limits(max_alias_nodes=10**9))


@pytest.mark.parametrize("text", ["x" * 1000, "\u00e9" * 500])  # 1,000 bytes either way
def test_what_aliases_stand_for_written_out_keeps_to_the_size_limit(text: str) -> None:
    # 20,000 aliases of a 1 MiB text took 30 s to check, each where it
    # stands, and dump wrote out 43 MB of a file of 1 MiB that loaded, which
    # loads then refused. What the aliases stand for is reckoned in the
    # bytes of its texts, as a writer writes them out.
    limits = pe.io.Limits(max_bytes=10_000)
    doc = "force: kent\ncycle: 2016\ngrade: good\nsummary: &a '{}'\ngrade_sources: [{}]\n"
    fits = pe.loads(doc.format(text, ", ".join(["*a"] * 7)), limits=limits)
    assert fits.reports[0].judgment.sources == (text,) * 7
    for fmt in ("yaml", "json"):
        assert pe.loads(pe.dump(fits, fmt), format=fmt, limits=limits) == fits
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(doc.format(text, ", ".join(["*a"] * 12)), limits=limits)
    (problem,) = info.value.problems
    assert problem.line == 5
    assert problem.message == (
        "written out, its aliases would make the document more than the limit of 10000 bytes: "
        "alias fewer or shorter values (or, from Python, set Limits.max_bytes higher)"
    )
    # An anchor set again stands for its new value from there on, as large as it is.
    again = doc.format("x", "'y', *a, &a '" + text + "', " + ", ".join(["*a"] * 12))
    with pytest.raises(pe.PeelDataError, match="its aliases would make the document more than"):
        pe.loads(again, limits=limits)
    # An alias's own name is not counted with what it stands for: a document
    # whose long names stand for a short text is no larger written out.
    name = "n" * 60
    short = f"force: kent\ncycle: 2016\ngrade: good\nsummary: &{name} x\ngrade_sources: [{', '.join([f'*{name}'] * 9)}]\n"
    assert (
        pe.loads(short, limits=pe.io.Limits(max_bytes=len(short))).reports[0].judgment.sources == ("x",) * 9
    )


def _line_oracle(text: str, pos: int) -> int:
    """1 and the line breaks that end by ``pos`` (LF, CRLF or a lone CR)."""
    return 1 + sum(1 for m in re.finditer("\r\n|\r|\n", text) if m.end() <= pos)


@given(st.text(st.sampled_from("ab\r\n"), max_size=40), st.lists(st.integers(0, 40), max_size=12))
def test_a_json_line_is_counted_on_from_the_position_asked_before(text: str, asked: list[int]) -> None:
    # The line starts of a file were held as a list of numbers, one a byte
    # for a file of blank lines (1.7 GB for 32 MiB); now each line is
    # counted on from the one before, in order and out of it.
    from peel_effectiveness.io._parsed import line_at, line_finder

    line_of = line_finder(text)
    for pos in [min(p, len(text)) for p in asked]:
        assert line_of(pos) == line_at(text, pos) == _line_oracle(text, pos)
