"""The command line, in-process and as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import figures
import peel_effectiveness as pe
from clirun import rows, run, run_on

GOLDEN = Path(__file__).parent / "golden"


def run_process(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "peel_effectiveness", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=60,
        check=False,
    )


def test_show_matches_the_golden_file() -> None:
    code, out, err = run("show", "cumbria")
    assert (code, err) == (0, "")
    assert out == (GOLDEN / "show-cumbria.txt").read_text(encoding="utf-8")


def test_show_as_a_real_process_matches_too() -> None:
    p = run_process("show", "cumbria")
    assert p.returncode == 0
    assert p.stderr == ""
    assert p.stdout == (GOLDEN / "show-cumbria.txt").read_text(encoding="utf-8")
    assert "\x1b" not in p.stdout


def test_show_fits_80_columns_and_has_what_a_reader_needs() -> None:
    _, out, _ = run("show", "Cumbria Constabulary", "--cycle", "2016")
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Overall: Good (improved from Requires improvement in 2015)" in out
    assert "Q3 Requires improvement" in out
    assert "Q5 Ungraded" in out
    assert "AREAS FOR IMPROVEMENT" in out
    assert "51.7      68.2  lower" in out
    # Figures side by side to the same places, as the report writes them.
    assert "6.6       7.0  lower" in out
    # The column compares the figures, not the report's words: said under it.
    assert "the report's own words may call a small difference broadly in line" in " ".join(out.split())
    assert "Total                                                      100.0     100.0" in out


@pytest.mark.parametrize("width", range(60, 121))
def test_show_keeps_to_every_width(width: int) -> None:
    # "PILLARS AND QUESTIONS" ran one column past 70: a title wider than
    # the names' column runs into the first heading's blank start, as a name does.
    _, out, _ = run("show", "cumbria", "--width", str(width))
    assert max(len(line) for line in out.splitlines()) <= width


def test_show_narrow_and_markdown_and_json() -> None:
    _, out, _ = run("show", "cumbria", "--width", "60")
    assert max(len(line) for line in out.splitlines()) <= 60
    _, md, _ = run("show", "cumbria", "--format", "markdown")
    assert md.startswith("# Cumbria Constabulary\n")
    assert "# Cumbria Constabulary: PEEL effectiveness 2016" in md
    assert "| Recorded crime (excluding fraud) | per 1,000 population |" in md
    assert "| 6.6 | 7.0 | lower |" in md
    assert "| Total | 100.0 | 100.0 |" in md
    # The force's standing, as the table has it (it was left out).
    standing = "Nationally: one of 28 forces graded good in 2016 (of 43 forces graded)."
    assert standing in " ".join(out.split())
    assert f"\n{standing} Others in the North West region" in md
    _, js, _ = run("show", "cumbria", "--format", "json")
    assert pe.loads(js, format="json") == pe.Dataset(pe.load_bundled().for_force("cumbria"))
    _, js, _ = run("show", "cumbria", "--cycle", "2016", "--format", "json")
    assert pe.loads(js, format="json") == pe.Dataset((pe.load_bundled().report("cumbria", 2016),))


def test_unknown_force_suggests_closest_names() -> None:
    code, out, err = run("show", "Cumbira")
    assert code == 2  # not a force at all: bad usage, like any other bad value
    assert out == ""
    assert "no force called 'Cumbira' (did you mean: Cumbria?)" in err


def test_known_force_without_data(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n")
    code, out, err = run("--data", str(tmp_path), "--no-bundled", "show", "durham")
    assert code == 1
    assert "no report on Durham" in err
    assert out == ""


def test_show_a_force_with_judgments_only() -> None:
    code, out, err = run("show", "durham", "--cycle", "2016")
    assert (code, err) == (0, "")
    assert "Overall: Outstanding" in out
    assert "FIGURES" not in out


def test_bad_usage_exits_2_with_usage_on_stderr() -> None:
    for args in (
        ["frobnicate"],
        ["show"],
        ["export", "--format", "xml"],
        ["show", "cumbria", "--width", "wide"],
    ):
        code, out, err = run(*args)
        assert code == 2, args
        assert out == ""
        assert err.count("\n") == 1, err
        assert ": error: " in err
        assert "--help" in err


def test_alone_it_lists_its_commands() -> None:
    code, out, err = run()
    assert code == 0
    assert err == ""
    assert "COMMAND" in out
    assert all(f"    {c} " in out for c in ("show", "national", "monitoring", "coverage", "metrics"))


def test_help_has_an_example_for_every_command() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "Example:" in out
    for command in ("show", "export", "validate", "rank", "list", "forces", "check", "national", "info"):
        code, out, err = run(command, "--help")
        assert code == 0
        assert f"Example:\n  peel-effectiveness {command}" in out
        assert err == ""


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"peel-effectiveness {pe.__version__}"


def test_export_csv_reads_back_with_the_csv_module() -> None:
    code, out, err = run("export", "--format", "csv")
    assert (code, err) == (0, "")
    assert out.startswith(",".join(tuple(c.name for c in pe.output.COLUMNS["measurements"])) + "\r\n")
    assert tuple(c.name for c in pe.output.COLUMNS["measurements"])[-7:] == (
        "period_start",
        "period_end",
        "baseline_start",
        "baseline_end",
        "source",
        "published_in",
        "note",
    )
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    records = pe.to_records(pe.load_bundled())
    assert len(rows) == len(records) > 50
    for row, rec in zip(rows, records, strict=True):
        assert row["metric"] == rec["metric"]
        assert float(row["value"]) == rec["value"]
        assert row["england_and_wales"] == (
            "" if rec["england_and_wales"] is None else f"{rec['england_and_wales']:.10g}"
        )
        assert row["period_end"] == ("" if rec["period_end"] is None else rec["period_end"].isoformat())


def test_export_csv_quotes_what_needs_quoting(tmp_path: Path) -> None:
    label = 'Crimes, "all" kinds \u2013 per 1,000'
    (tmp_path / "k.yaml").write_text(
        f"force: kent\ncycle: 2016\nmeasurements:\n  - metric: m\n    label: '{label}'\n    unit: count\n    value: 3\n",
        encoding="utf-8",
    )
    code, out, _ = run("--data", str(tmp_path), "--no-bundled", "export", "--format", "csv")
    assert code == 0
    (row,) = list(csv.DictReader(io.StringIO(out, newline="")))
    assert row["label"] == label
    assert row["value"] == "3"
    assert row["england_and_wales"] == row["period_start"] == ""


def test_export_judgments_json_and_jsonl() -> None:
    _, out, _ = run(
        "export", "--table", "judgments", "--format", "json", "--force", "cumbria", "--cycle", "2016"
    )
    data = json.loads(out)
    assert data[0] == {
        "force": "cumbria",
        "cycle": "2016",
        "pillar": "effectiveness",
        "question": "overall",
        "title": "How effective is the force at keeping people safe and reducing crime?",
        "grade": "good",
        "no_grade": None,
        "previous_grade": "requires improvement",
        "previous_no_grade": None,
        "previous_comparable": True,
        "published": "2017-03-02",
        "basis": "stated",
        "carried_over_from": None,
        "note": None,
        "other_grades": 0,
        "sources": "\n".join(pe.load_bundled().report("cumbria", 2016).judgment.sources),  # type: ignore[union-attr]
    }
    _, lines, _ = run(
        "export", "--table", "judgments", "--format", "jsonl", "--force", "cumbria", "--cycle", "2016"
    )
    assert [json.loads(x) for x in lines.splitlines()] == data
    # Ungraded is a reason for no grade, apart from an unknown grade.
    assert (data[-1]["question"], data[-1]["grade"], data[-1]["no_grade"]) == (
        "q5_specialist",
        None,
        "ungraded",
    )


def test_export_filters() -> None:
    code, out, err = run("export", "--force", "kent", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    # Said, not silent: a header alone read as a table that lost its rows.
    assert (
        err
        == f"peel-effectiveness: warning: the {len(pe.load_bundled().for_force('kent'))} reports chosen have no figures: the table has no rows\n"
    )
    code, _, err = run("export", "--table", "outcomes", "--force", "kent", "--cycle", "2016")
    assert (code, err) == (
        0,
        "peel-effectiveness: warning: the 1 report chosen has no outcome tables: the table has no rows\n",
    )
    # A warning, which --quiet keeps.
    code, _, err = run("-q", "export", "--force", "kent")
    assert (code, err.count("warning:")) == (0, 1)
    code, _, err = run("export", "--force", "cumbria", "--cycle", "2016")
    assert (code, err) == (0, "")
    # A force never in Engage: the header alone was written without a word.
    code, out, err = run("export", "--table", "monitoring", "--force", "kent", "--format", "csv")
    assert (code, len(rows(out))) == (0, 0)
    assert (
        err == "peel-effectiveness: warning: the data hold no stay in Engage of Kent: the table has no rows\n"
    )
    code, out, err = run("export", "--table", "monitoring", "--force", "lincolnshire", "--format", "csv")
    assert (code, err, len(rows(out)) > 0) == (0, "", True)


def test_a_grid_says_which_of_a_cycle_s_pillars_the_data_lack() -> None:
    # Left out where the grid has no column of them; unknown where it has
    # (of another cycle): it said "unknown" of both.
    said = "the data hold no 2015 efficiency or legitimacy reports: their judgments are"
    code, _, err = run("export", "--table", "grid", "--cycle", "2015")
    assert (code, " ".join(err.split())) == (
        0,
        f"peel-effectiveness: note: {said} left out (unknown for every force).",
    )
    code, _, err = run("export", "--table", "grid")
    assert f"peel-effectiveness: note: {said} unknown for every force." in " ".join(err.split())


def test_validate(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(pe.dump(pe.load_bundled().report("cumbria", 2016)))
    bad = tmp_path / "bad.yaml"
    bad.write_text("force: cumbria\ncycle: 2016\ngrade: goood\nextra: 1\n")
    code, out, err = run("validate", str(good))
    assert (code, out) == (0, "")
    assert "ok (1 report)" in err
    code, out, err = run("validate", str(good), str(bad))
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert f"{bad}:3: grade: 'goood' is not a grade" in err
    assert any(line.startswith(f"{bad}:4: extra: unknown field 'extra'") for line in lines)


def test_validate_as_a_process_keeps_stdout_clean(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"force": "cumbria", "cycle": 2016, "grade": "goood"}')
    p = run_process("validate", str(bad))
    assert p.returncode == 1
    assert p.stdout == ""
    assert f"{bad}:1: grade: 'goood' is not a grade" in p.stderr
    p = run_process("validate", "-", stdin="force: cumbria\ncycle: 2016\n")
    assert p.returncode == 0


def test_data_option_reads_the_users_files(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n")
    code, out, _ = run("--data", str(tmp_path), "--no-bundled", "list", "--format", "csv")
    assert code == 0
    assert out.splitlines()[1].startswith("kent,Kent,2016,effectiveness,good")
    code, out, _ = run("list", "--data", str(tmp_path / "kent.yaml"), "--no-bundled", "--format", "json")
    assert json.loads(out)[0]["force"] == "kent"


def test_a_report_of_yours_that_drops_bundled_grades_is_warned_of_even_quietly(tmp_path: Path) -> None:
    # A file of figures alone for Kent 2016 replaced the bundled report and
    # its grade, said only as a note, which --quiet silenced: national then
    # counted 42 of the 43 forces judged.
    (tmp_path / "kent.yaml").write_text(
        "force: kent\ncycle: 2016\nmeasurements:\n"
        "  - {metric: ocg_rate, label: OCGs, unit: per_million_population, value: 10}\n"
    )
    code, out, err = run("-q", "--data", str(tmp_path), "national", "--cycle", "2016")
    assert code == 0
    assert "42 of the 43 forces judged" in out
    assert err == (
        "peel-effectiveness: warning: your reports leave out 1 judgment (unknown now) of the bundled ones "
        "they replace (Kent effectiveness 2016): start yours from a bundled one, which 'show FORCE --cycle "
        "CYCLE [--pillar PILLAR] --format json' writes in the data format\n"
    )
    # Grades alone for Cumbria 2016 leave out the figures and tables too, as docs/howto/rank.md says.
    (tmp_path / "kent.yaml").write_text("force: cumbria\ncycle: 2016\ngrade: good\n")
    _, _, err = run("-q", "--data", str(tmp_path), "national", "--cycle", "2016")
    assert "leave out 5 judgments (unknown now), 61 figures and 2 outcome tables of the bundled" in err


def test_a_previous_grade_of_yours_the_data_s_report_grades_otherwise_is_warned_of(tmp_path: Path) -> None:
    # The tables compare with the 2015 report in the data, report.previous_judgment
    # is the grade stated: the two disagreed, and nothing said so.
    (tmp_path / "kent.yaml").write_text(
        "force: kent\ncycle: 2016\ngrade: good\nprevious_grade: inadequate\n"
        "assessments:\n  - question: 1\n    grade: good\n    previous_grade: good\n"
    )
    data = pe.load_bundled()
    assert data.report("kent", 2015).judgment.grade is not pe.Grade.INADEQUATE
    code, _, err = run("-q", "--data", str(tmp_path), "show", "kent", "--cycle", "2016")
    assert code == 0
    (said,) = [line for line in err.splitlines() if "previous grades" in line]
    assert said.endswith(
        "state previous grades that the previous cycle's reports in the data grade otherwise, and outputs "
        "compare with those reports: Kent effectiveness 2016 overall (yours states inadequate; the 2015 report "
        f"grades it {data.report('kent', 2015).judgment.grade.value})"
    )
    code, _, err = run("-q", "--no-bundled", "--data", str(tmp_path), "show", "kent", "--cycle", "2016")
    assert code == 0
    assert "previous grades" not in err  # (your files hold no 2015 report to disagree with)
    (tmp_path / "kent-2015.yaml").write_text("force: kent\ncycle: 2015\ngrade: good\n")
    code, _, err = run("-q", "--no-bundled", "--data", str(tmp_path), "show", "kent", "--cycle", "2016")
    assert "Kent effectiveness 2016 overall (yours states inadequate; the 2015 report grades it good)" in err
    (tmp_path / "kent-2015.yaml").unlink()
    # What the data lack, the grade stated stands for: nothing to say.
    assert pe.Cycle("2014") not in data.cycles
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2015\ngrade: good\nprevious_grade: inadequate\n")
    assert "previous grades" not in run("-q", "--data", str(tmp_path), "show", "kent", "--cycle", "2015")[2]


def test_data_option_adds_the_users_files_to_the_bundled_data(tmp_path: Path) -> None:
    (tmp_path / "dorset.yaml").write_text("force: dorset\ncycle: 2016\ngrade: requires improvement\n")
    (tmp_path / "kent-2025-27.yaml").write_text(
        "force: kent\ncycle: 2025-27\nassessments:\n  - question: 1\n    grade: good\n"
    )
    code, out, err = run("--data", str(tmp_path), "show", "dorset", "--cycle", "2016")
    assert code == 0
    note, warning = err.splitlines()
    assert (
        note == "peel-effectiveness: note: your effectiveness 2016 report on Dorset replaces the bundled one"
    )
    # The bundled report's Q4, which the file does not give, is unknown now.
    assert warning.startswith(
        "peel-effectiveness: warning: your reports leave out 1 judgment (unknown now) of"
    )
    assert "Overall: Requires improvement" in out
    # The others are still the bundled ones: Dorset is one of 14, not the only force graded.
    assert "one of 14 forces graded requires improvement in 2016 (of 43 forces graded)" in " ".join(
        out.split()
    )
    code, out, _ = run("--data", str(tmp_path), "list", "--format", "csv")
    assert len(rows(out)) == len(pe.load_bundled()) + 1  # rows, not lines: a row's sources run over lines
    code, _, err = run("--no-bundled", "list")
    assert code == 2
    assert "--no-bundled goes with --data" in err


def test_bad_data_option_exits_1(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("force: nowhere\ncycle: 2016\n")
    code, out, err = run("--data", str(tmp_path), "list")
    assert code == 1
    assert out == ""
    assert "x.yaml:1: force: unknown force" in err


def test_rank(tmp_path: Path) -> None:
    for name, value in [
        ("kent", 10),
        ("durham", 30),
        ("essex", 20),
        ("surrey", 40),
        ("dorset", 5),
        ("wiltshire", 8),
    ]:
        (tmp_path / f"{name}.yaml").write_text(
            f"force: {name}\ncycle: 2016\nmeasurements:\n  - metric: m\n    label: M\n    unit: count\n    value: {value}\n"
        )
    code, out, _ = run("--data", str(tmp_path), "rank", "--metric", "m", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["rank"], r["force"], r["band"]) for r in rows] == [
        (1, "surrey", "one of the highest"),
        (2, "durham", "broadly in line"),
        (3, "essex", "broadly in line"),
        (4, "kent", "broadly in line"),
        (5, "wiltshire", "broadly in line"),
        (6, "dorset", "one of the lowest"),
    ]
    code, out, _ = run(
        "--data", str(tmp_path), "rank", "--metric", "m", "--exclude", "surrey", "--format", "csv"
    )
    assert "m,2016,,5,highest,surrey,Surrey,40,count,,excluded" in out  # 5 ranked, surrey left out
    # A force with no figure to leave out is said, not passed over in silence.
    code, out, err = run("--data", str(tmp_path), "rank", "--metric", "m", "--exclude", "West Midlands")
    assert code == 0
    assert (
        "peel-effectiveness: note: --exclude West Midlands: no m figure of it in 2016 to leave out\n" in err
    )
    chart = tmp_path.parent / f"{tmp_path.name}-rank.png"  # not among the data files
    plotted = run(
        "--data",
        str(tmp_path),
        "plot",
        "rank",
        "--metric",
        "m",
        "--exclude",
        "West Midlands",
        "-o",
        str(chart),
    )
    assert plotted[0] == 0
    assert (
        "peel-effectiveness: note: --exclude West Midlands: no m figure of it in 2016 to leave out\n"
        in plotted[2]
    )
    quiet = run(
        "--data", str(tmp_path), "--no-bundled", "-q", "rank", "--metric", "m", "--exclude", "West Midlands"
    )
    assert quiet[2] == ""
    code, _, err = run("rank", "--metric", "nope")
    assert code == 1
    assert "no report in the data has the metric 'nope'" in err


def test_the_ranking_table_says_whose_quarters_its_bands_are(tmp_path: Path) -> None:
    # HMIC's bands are of the 43 less the forces its reports leave out of a
    # figure; a ranking of others is not, and says so beside its bands.
    figures.folder(tmp_path, n=7)

    def said(*args: str, data: Path = tmp_path) -> str:
        code, out, err = run("--data", str(data), "rank", *args)
        assert code == 0, err
        return " ".join(out.split())

    assert (
        "England and Wales 68.2. The bands are the top and bottom quarter of these 7, not of the 43: "
        "the data have no figure for 36 of them." in said("--metric", "recorded_crime_rate")
    )
    assert (
        "quarter of these 6, not of the 43: the data have no figure for 36 "
        "of them and 1 is left out here."
        in said("--metric", "recorded_crime_rate", "--exclude", "bedfordshire")
    )
    # With a figure for each of the 43, the bands are the reports' own;
    # not with one left out here, nor with a force of one's own ranked too.
    every = figures.folder(tmp_path / "all", n=43)
    assert "The bands by Annex A's rule: the top and bottom quarter of the 43." in said(
        "--metric", "recorded_crime_rate", data=every
    )
    assert "these 42, not of the 43: 1 is left out here." in said(
        "--metric", "recorded_crime_rate", "--exclude", "kent", data=every
    )
    # The reports leave the City of London out of the rate of organised
    # crime groups: their bands are of the other 42, as these are.
    assert (
        "The bands by Annex A's rule: the top and bottom quarter of these 42, the 43 less the 1 the reports leave out of this figure."
        in said("--metric", "ocg_rate", data=every)
    )


def test_the_ranking_table_writes_its_figures_to_the_same_places(tmp_path: Path) -> None:
    for name, value in [
        ("kent", "7.25"),
        ("durham", "24.0"),
        ("essex", "1234.5"),
        ("surrey", "3"),
        ("dorset", "5.5"),
    ]:
        (tmp_path / f"{name}.yaml").write_text(
            f"force: {name}\ncycle: 2016\nmeasurements:\n  - metric: m\n    label: M\n"
            f"    unit: per_1000_population\n    value: {value}\n    england_and_wales: 10.0\n"
        )
    code, out, _ = run("--data", str(tmp_path), "--no-bundled", "rank", "--metric", "m")
    assert code == 0, out
    assert "England\nand Wales 10.00" in out
    figures = [line.split()[2] for line in out.splitlines() if line[:4].strip().isdigit()]
    assert figures == ["1,234.50", "24.00", "7.25", "5.50", "3.00"]
    # The data keep the numbers as they were.
    _, csv_out, _ = run("--data", str(tmp_path), "--no-bundled", "rank", "--metric", "m", "--format", "csv")
    assert ",1234.5," in csv_out
    assert ",3," in csv_out


def test_list_and_forces() -> None:
    code, out, _ = run("list")
    assert code == 0
    assert "Cumbria" in out
    assert max(map(len, out.splitlines())) <= 80
    code, out, _ = run("forces", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 43
    assert {"id": "cumbria", "gss_code": "E23000002"}.items() <= rows[6].items()


def test_list_and_forces_say_where_their_facts_come_from() -> None:
    # Every output says where its facts come from: the list's grades and the
    # forces' regions (which are not HMIC's own grouping) said nothing.
    code, out, _ = run("forces")
    said = " ".join(out.split())
    assert code == 0
    assert (
        "The forces: the library's registry of the 43: the codes and ONS names of ONS's police force "
        "areas; the official names, short names and regions as the library's table of the forces gives "
        "them, with the pages it cites where it cites any" in said
    )
    assert 'the four Yorkshire and the Humber forces are put in "North East"' in said
    assert max(map(len, out.splitlines())) <= 80
    code, out, _ = run("list", "--cycle", "2016")
    said = " ".join(out.split())
    assert "Sources: HMIC/HMICFRS (" in said
    assert "each of the 43 judgments counted once, under its most official source" in said
    assert "('export --table judgments')" in said
    # As data, no footer: each row's sources, as the judgments table has them.
    _, out, _ = run("list", "--cycle", "2016", "--format", "csv")
    listed = {r["force"]: r["sources"] for r in rows(out)}
    assert len(listed) == 43
    _, out, _ = run("export", "--table", "judgments", "--cycle", "2016", "--format", "csv")
    assert listed == {r["force"]: r["sources"] for r in rows(out) if r["question"] == "overall"}


def test_list_counts_an_integrated_cycles_judgments_as_the_other_commands_do() -> None:
    # list read a report's assessments, without the judgments its cycle's
    # framework gives (2023-25's service to victims): 320 of 328, where
    # national and coverage said 328.
    lines = {}
    for command in ("list", "national", "coverage"):
        _, out, _ = run(command, "--cycle", "2023-25")
        said = " ".join(out.split())
        lines[command] = re.search(r"Sources: .*? judgments counted once", said).group(0)  # type: ignore[union-attr]
    assert lines["list"] == lines["national"] == lines["coverage"]
    assert "each of the 328 judgments" in lines["list"]


@pytest.mark.parametrize(
    "args",
    [
        ["plot", "compare", "--cycle", "2016", "cumbria"],
        ["plot", "compare", "--metric", "recorded_crime_rate", "cumbria"],
        ["plot", "history", "-q", "cumbria"],
        ["plot", "compare", "--cycle", "2016", "--", "cumbria"],
    ],
)
def test_a_force_named_after_a_command_s_options_is_read(args: list[str], tmp_path: Path) -> None:
    # argparse gave plot's force its place beside the chart's name: after an
    # option it was "unrecognized arguments: cumbria", as show's was not.
    chart = tmp_path / "chart.png"
    at = args.index("--") if "--" in args else len(args)  # (after "--", -o would be a word)
    args = [*args[:at], "-o", str(chart), *args[at:]]
    code, _, err = run(*args)
    assert code == 0, err
    assert chart.exists()
    # One misspelt there is said as the force, with a suggestion.
    code, _, err = run(*[a.replace("cumbria", "cumbrai") for a in args])
    assert code == 2
    assert "argument FORCE: no force called 'cumbrai' (did you mean: Cumbria?)" in err


def test_after_a_double_dash_every_word_is_a_name_not_an_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read as the words and options of the command in any order (argparse's
    # intermixed parsing), a file named -q after "--" was the --quiet
    # option: nothing was checked, and validate said nothing, exit 0.
    monkeypatch.chdir(tmp_path)
    Path("-q").write_text("force: nowhere\ncycle: 2016\n", encoding="utf-8")
    Path("-k.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    code, _, err = run("validate", "--", "-q")
    assert code == 1
    assert err.startswith("-q:1: force: unknown force: no force called 'nowhere'")
    code, _, err = run("validate", "--", "-k.yaml")
    assert (code, err) == (0, "-k.yaml: ok (1 report)\n")
    code, _, err = run("show", "--", "cumbria", "--cycle", "2016")
    assert code == 2
    assert "unrecognized arguments: --cycle, 2016" in err
    # The force after "--" is read; the words after it are what is left over.
    code, _, err = run("plot", "compare", "--cycle", "2016", "--", "cumbria", "-o", "z.png")
    assert code == 2
    assert "unrecognized arguments: -o, z.png (" in err


def test_check_reports_consistency() -> None:
    code, out, _ = run("check")
    assert code == 0
    assert "88.5 against a published 88.4" in out


@pytest.mark.parametrize("args", [["show", "cumbria"], ["export"], ["list"]])
def test_no_control_codes_when_not_a_terminal(args: list[str]) -> None:
    p = run_process(*args)
    assert p.returncode == 0
    assert "\x1b" not in p.stdout


@given(
    st.text(alphabet=st.sampled_from("ab -.\t\n\u00a0\u2003"), max_size=30),
    st.integers(1, 30),
    st.sampled_from(["", "  ", "    "]),
)
def test_wrapping_keeps_every_word_and_fills_each_line(text: str, width: int, indent: str) -> None:
    from peel_effectiveness.output._text import printable, wrap

    lines = wrap(text, width, indent, indent + "  ")
    words = printable(text, lines=True).split()
    # Every character of every word, in order, a tab shown as an escape
    # ("\t"), not taken for a space; a word longer than a line is cut into
    # lines of its own.
    assert "".join(w for line in lines for w in line.split()) == "".join(words)
    if not words:
        assert lines == []
        return
    assert lines[0].startswith(indent)
    assert all(line.startswith(indent + "  ") for line in lines[1:])
    for line, after in zip(lines, [*lines[1:], None], strict=True):
        # Too long only where the indent leaves no room but for one character.
        assert len(line) <= max(width, len(indent) + 3)
        # Greedy: the next line's first word did not fit here.
        if after is not None:
            assert len(line) + 1 + len(after.split()[0]) > width


@given(st.floats(allow_nan=False, allow_infinity=False), st.floats(allow_nan=False, allow_infinity=False))
def test_scorecard_direction_is_compares(value: float, england_and_wales: float) -> None:
    from peel_effectiveness.cli._render import vs_words

    if not math.isfinite(value - england_and_wales):
        return
    assert vs_words(value, england_and_wales) == pe.compare(value, england_and_wales).direction
    assert vs_words(value, None) == ""


def test_validate_refuses_what_cannot_be_loaded_together(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("force: dorset\ncycle: 2016\ngrade: good\n")
    (tmp_path / "b.yaml").write_text("force: Dorset Police\ncycle: '2016'\n")
    code, _, err = run("validate", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert code == 1
    # The file the clash is in is not said to be ok (it was, before the clash).
    assert err.splitlines() == [
        f"{tmp_path / 'a.yaml'}: ok (1 report)",
        f"{tmp_path / 'b.yaml'}:1: force: a second effectiveness 2016 report on Dorset "
        f"(the first is in {tmp_path / 'a.yaml'}, line 1)",
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("validate", str(empty))
    assert (code, err) == (1, f"{empty}: the folder holds no data files (.yaml, .yml or .json)\n")
    (tmp_path / "x.csv").write_text("force,cycle\n")
    code, _, err = run("validate", str(tmp_path / "x.csv"))
    assert code == 1
    assert "a CSV file, not a data file" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["plot", "compare", "--force", "kent"],
            "the data have no figures on Kent (forces with figures: Cumbria; 'metrics' lists them)",
        ),
        (
            ["plot", "compare", "--force", "kent", "--cycle", "2016"],
            "the effectiveness 2016 report on Kent has no figures",
        ),
        (["plot", "rank", "--metric", "nope"], "no report in the data has the metric 'nope'"),
        (["plot", "grades", "--cycle", "2014"], "the data have no 2014 reports (cycles with reports: 2015,"),
    ],
)
def test_a_chart_that_cannot_be_drawn_is_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    code, out, err = run(*args, "--output", str(tmp_path / "x.png"))
    assert (code, out) == (1, "")
    assert err == f"peel-effectiveness: {message}" + err.split(message, 1)[1]
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_a_missing_extra_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    code, _, err = run("plot", "grades", "--cycle", "2016", "--output", str(tmp_path / "x.png"))
    assert code == 1
    assert err.startswith("peel-effectiveness: charts need matplotlib")
    assert len(err.splitlines()) == 1


def test_show_has_the_outcome_tables() -> None:
    _, out, _ = run("show", "cumbria", "--cycle", "2016")
    assert "OUTCOMES: Outcomes assigned to offences recorded, by outcome type" in out
    assert "    Caution - youths                                           0.4       0.4" in out
    assert "  Total offences assigned an outcome                          88.4      91.3" in out
    _, md, _ = run("show", "cumbria", "--cycle", "2016", "--format", "markdown")
    assert "| Charged/Summonsed | 17.8 | 12.1 |" in md


BAD_VALUES = {
    "--force": ["nope", "", "E99"],
    "--cycle": ["2099", "", "2018/20"],
    "--pillar": ["nope", "efficiency"],
    "--metric": ["nope", ""],
    "--format": ["xml"],
    "--question": ["99", "nope", ""],
    "--width": ["0", "x"],
    "--decimals": ["-3", "101"],
    "--output": ["/nonexistent/dir/x.csv"],
    "--exclude": ["nope"],
    "--table": ["national"],
    "--package": ["{file}"],
}


@pytest.mark.parametrize(
    "command", ["show", "export", "validate", "rank", "list", "forces", "national", "check", "info", "plot"]
)
def test_no_bad_value_of_any_option_ends_in_a_traceback(command: str, tmp_path: Path) -> None:
    """Every option of every command, given values it cannot take: one line
    on stderr and exit 1 or 2, or a normal run, never an exception."""
    a_file = tmp_path / "a-file.csv"
    a_file.write_text("force,cycle\nkent,2016\n", encoding="utf-8")
    before = {"validate": [str(a_file)], "plot": ["grades", "--output", str(tmp_path / "p.png")]}
    for option, values in BAD_VALUES.items():
        for value in values:
            argv = [command, *before.get(command, ["--force", "kent"][: 2 * (command == "show")]), option]
            code, _, err = run(*argv, value.format(file=a_file))
            assert code in (0, 1, 2), argv
            assert "Traceback" not in err, argv
            if code:
                assert len(err.splitlines()) == 1 or command == "validate", (argv, err)


def test_a_file_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    code, _, err = run("export", "--package", str(tmp_path / "taken"))
    assert code == 1
    assert err.startswith(f"peel-effectiveness: cannot use {tmp_path / 'taken'}: ")
    code, _, err = run("export", "--output", str(tmp_path / "no" / "such" / "x.csv"))
    assert (code, len(err.splitlines())) == (1, 1)
    pytest.importorskip("matplotlib")
    code, _, err = run("plot", "grades", "--output", str(tmp_path / "no" / "x.png"))
    assert (code, len(err.splitlines())) == (1, 1)


@pytest.mark.parametrize("extra", [["--format", "json"], ["--table", "judgments"], ["--metric", "ocg_rate"]])
def test_a_package_refuses_the_options_it_would_ignore(extra: list[str], tmp_path: Path) -> None:
    code, out, err = run("export", "--package", str(tmp_path / "p"), *extra)
    assert (code, out) == (2, "")
    assert err.startswith("peel-effectiveness export: error: --package writes every table, whole, as CSV")
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["metrics", "--force", "kent"], "metrics"),
        (["--bogus", "show", "cumbria"], "show"),
        (["info", "-x"], "info"),
    ],
)
def test_an_unknown_option_is_the_commands_usage_error(args: list[str], command: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.startswith(f"peel-effectiveness {command}: error: unrecognized arguments: ")
    assert err.rstrip().endswith(f"(see 'peel-effectiveness {command} --help')")


def test_metrics_of_one_cycle() -> None:
    code, out, _ = run("metrics", "--cycle", "2016", "--format", "csv")
    assert code == 0
    assert "ocg_rate" in out
    code, out, err = run("metrics", "--cycle", "2023-25")
    assert (code, out) == (1, "")
    assert "the data have no figures of 2023-25" in err


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_check_with_nothing_to_check_fails_and_leaves_its_file(fmt: str, tmp_path: Path) -> None:
    code, out, err = run("check", "--force", "kent", "--format", fmt)
    assert (code, out) == (1, "")
    assert err == (
        "peel-effectiveness: nothing to check: the reports chosen have no outcome table or figure the checks apply to\n"
    )
    old = tmp_path / ("checks.csv" if fmt == "csv" else "checks.txt")
    old.write_text("OLD", encoding="utf-8")
    assert run("check", "--force", "kent", "--format", fmt, "-o", str(old))[0] == 1
    assert old.read_text(encoding="utf-8") == "OLD"


def test_check_writes_whether_each_is_ok_as_a_boolean() -> None:
    code, out, _ = run("check", "--format", "json")
    assert code == 0
    assert {row["ok"] for row in json.loads(out)} == {True}


def test_show_markdown_writes_the_datas_text_as_text(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text(
        "force: kent\ncycle: 2016\ngrade: good\nsummary: '*bold* <script>x</script> [a](b)'\n"
        "measurements:\n  - metric: m\n    label: A | B\n    unit: count\n    value: 1\n",
        encoding="utf-8",
    )
    code, md, _ = run("--data", str(tmp_path), "show", "kent", "--cycle", "2016", "--format", "markdown")
    assert code == 0
    assert "\\*bold\\* \\<script\\>x\\</script\\> \\[a\\](b)" in md
    row = next(line for line in md.splitlines() if line.startswith("| A"))
    assert row == "| A \\| B | count |  | 1 | - |  |  |"


def test_show_gives_each_question_of_a_report_s_pillar_unknown_where_the_data_hold_no_grade(
    tmp_path: Path,
) -> None:
    # A 2016 report of no judgments showed the framework's ungraded question
    # 5 alone: its headline and questions 1 to 4, unknown, were left out,
    # which the key read as "not asked".
    code, out, _ = run_on(tmp_path, "force: kent\ncycle: 2016\n", "show", "kent")
    assert code == 0
    rows = [" ".join(line.split()) for line in out.splitlines()]
    start = rows.index("Effectiveness")
    assert rows[start : start + 7] == [
        "Effectiveness",
        "overall -",
        "preventing crime -",
        "investigating crime -",
        "protecting vulnerable people -",
        "serious and organised crime -",
        "specialist capabilities ungraded",
    ]


def test_list_gives_no_row_whose_grade_is_unknown_the_sources_of_other_judgments(tmp_path: Path) -> None:
    # Its sources were the framework's of the ungraded question 5, which
    # read as HMICFRS's for a headline grade no source states.
    code, out, _ = run_on(tmp_path, "force: kent\ncycle: 2016\n", "list", "--format", "csv")
    assert code == 0
    assert [(r["judgment"], r["sources"]) for r in rows(out)] == [("unknown", "")]
    code, out, _ = run_on(tmp_path, "force: kent\ncycle: 2016\n", "list")
    assert code == 0
    assert "Sources: none (no judgments)." in out


def test_show_names_the_pillar_options_of_a_force_s_other_pillars(tmp_path: Path) -> None:
    # One pillar besides effectiveness was "for that pillar' grades".
    code, out, _ = run_on(
        tmp_path, "force: kent\ncycle: 2018/19\npillar: efficiency\ngrade: good\n", "show", "kent"
    )
    assert code == 0
    assert "(and --pillar efficiency for that pillar's grades)." in " ".join(out.split())
    _, out, _ = run("show", "kent")
    assert "(and --pillar efficiency or --pillar legitimacy for those pillars' grades)." in " ".join(
        out.split()
    )


def test_show_markdown_of_every_cycle_writes_the_force_s_name_as_text(tmp_path: Path) -> None:
    # The heading of the force's every cycle wrote its official name as
    # it was: raw HTML, and *emphasis*, where that of one cycle escaped it.
    fence = (
        "force:\n  id: fence\n  official_name: 'Fence *Police* <img src=x>'\n  short_name: Fence\n"
        "  gss_code: E23000094\n  country: England\n  region: North West\ncycle: 2016\ngrade: good\n"
    )
    code, md, _ = run_on(tmp_path, fence, "show", "fence", "--format", "markdown")
    assert code == 0
    assert md.splitlines()[0] == "# Fence \\*Police\\* \\<img src=x\\>"


def test_show_markdown_writes_sources_and_a_base_as_the_file_s_text_not_markdown(tmp_path: Path) -> None:
    # A source made a live image ("![pixel](...)") or a cell of its own,
    # and a base's "|" moved Kent's figure into the next column.
    hostile = (
        "force: kent\ncycle: 2016\ngrade: good\n"
        "grade_sources: ['https://a.example/)![pixel](https://tracker.example/p.png', 'javascript://%0aalert(1)',"
        " 'my notes | x', 'http://[::1]:8080/p']\n"
        "assessments:\n  - {question: 1, grade: good, grade_sources: ['https://as.example/a|b|c']}\n"
        "measurements:\n  - {metric: x_rate, label: X, unit: per_100, base: 'OCGs | 99 | fake', value: 5}\n"
    )
    code, md, _ = run_on(tmp_path, hostile, "show", "kent", "--cycle", "2016", "--format", "markdown")
    assert code == 0
    (overall,) = [line for line in md.splitlines() if line.startswith("**Overall")]
    assert overall.endswith(
        "Sources: [a.example](https://a.example/%29![pixel]%28https://tracker.example/p.png), "
        "javascript://%0aalert(1), my notes \\| x, [::1](http://[::1]:8080/p)"  # an IPv6 host's brackets kept
    )
    (q1,) = [line for line in md.splitlines() if line.startswith("| Q1.")]
    assert q1.endswith("| [as.example](https://as.example/a%7Cb%7Cc) |")
    (x,) = [line for line in md.splitlines() if line.startswith("| X |")]
    assert x == "| X | per 100 OCGs \\| 99 \\| fake |  | 5 | - |  |  |"


def test_validate_writes_each_problem_on_one_line_and_counts_the_unlisted(tmp_path: Path) -> None:
    (tmp_path / "a\nb.yaml").write_text("force: kent\ncycle: 2016\ngrade: goood\n", encoding="utf-8")
    (tmp_path / "many.yaml").write_text(
        "force: durham\ncycle: 2016\n" + "summary: x\n" * 150, encoding="utf-8"
    )
    code, _, err = run("validate", str(tmp_path / "a\nb.yaml"), str(tmp_path / "many.yaml"))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(str(tmp_path) + "/a\\nb.yaml:3: grade: 'goood' is not a grade")
    assert lines[-1] == "... and 49 more problems, not listed"
    assert len(lines) == 1 + 100 + 1


def test_monitoring_says_how_sure_a_stays_dates_are() -> None:
    code, out, _ = run("monitoring", "--force", "cleveland")
    assert code == 0
    said = " ".join(out.split())
    assert (
        "Note: When it moved in (April 2019) is from theeyeofmedia.com; HMICFRS gives only the year." in said
    )
    _, out, _ = run("monitoring", "--force", "staffordshire")
    assert (
        "Sources differ on when it moved in: July 2022 in churnetsound.co.uk, against June 2022."
        in " ".join(out.split())
    )


def test_show_writes_figures_too_long_for_its_columns_on_a_line_of_their_own(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text(
        "force: kent\ncycle: 2016\nmeasurements:\n"
        "  - {metric: things, label: A count of things, unit: count, value: 2469135780246900}\n"
        "  - {metric: huge, label: A huge rate, unit: per_1000_population, value: 1.0e+308, england_and_wales: 2.5}\n",
        encoding="utf-8",
    )
    code, out, _ = run("--data", str(tmp_path), "-q", "show", "kent", "--cycle", "2016")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\n    2,469,135,780,246,900\n" in out
    assert "against England and Wales's 2.5: higher" in out


def test_side_by_side_places_are_padded_with_zeros_not_binary_digits() -> None:
    from peel_effectiveness.output._text import number, places_of

    assert number(0.1, places=17) == "0.100000"  # to six places at most
    assert places_of(0.1, 0.30000000000000004) == 1  # the long figure is written whole, alone
    assert number(1e300).endswith(",000,000") and number(1e300).startswith("1,000,000")  # noqa: PT018


def test_show_markdown_keeps_a_question_name_inside_its_fence(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text(
        'force: kent\ncycle: 2025-27\nassessments:\n  - {question: "``` # Injected", grade: good}\n',
        encoding="utf-8",
    )
    code, md, _ = run("--data", str(tmp_path), "--no-bundled", "-q", "show", "kent", "--format", "markdown")
    assert code == 0
    lines = md.splitlines()
    assert lines[2] == "````"  # a fence longer than the name's backticks
    assert lines[-5:] == [
        "````",
        "",
        "Source: no source given (the one judgment). Each grade's sources: this command with --cycle CYCLE.",
        "",
        "The report shown is from your files (--data), not the bundled data.",
    ]
    assert "``` # Injected" in md  # inside it (a line break in a question is refused)


def test_words_of_options_are_read_in_any_case_and_width_is_60_or_more() -> None:
    code, out, _ = run("forces", "--format", "CSV")
    assert (code, out.splitlines()[0]) == (0, "id,official_name,short_name,gss_code,region,country,sources")
    code, out, _ = run("export", "--table", "Forces", "--format", "Json")
    assert code == 0
    assert len(json.loads(out)) == 43
    assert run("national", "--cycle", "2016", "--pillar", "EFFECTIVENESS")[0] == 0
    code, out, err = run("show", "kent", "--width", "20")
    assert (code, out) == (2, "")
    assert "'20' is not a whole number from 60 to 1000" in err


def test_list_of_nothing_says_what_the_data_lack(tmp_path: Path) -> None:
    code, out, err = run("list", "--cycle", "2014")
    assert (code, out) == (1, "")
    assert err.startswith("peel-effectiveness: the data have no 2014 reports (cycles with reports: 2015,")
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\n", encoding="utf-8")
    code, out, err = run("--data", str(tmp_path), "--no-bundled", "list", "--force", "durham")
    assert (code, out, err) == (1, "", "peel-effectiveness: the data have no reports on Durham\n")


def test_plot_history_refuses_a_cycle_it_would_not_use(tmp_path: Path) -> None:
    code, out, err = run(
        "plot", "history", "--force", "kent", "--cycle", "2016", "-o", str(tmp_path / "h.png")
    )
    assert (code, out) == (2, "")
    assert "plot history draws a force's grades in every cycle: no --cycle or --pillar" in err
    assert not (tmp_path / "h.png").exists()


def test_plot_takes_its_force_as_show_does_and_a_chart_of_every_force_refuses_one(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    chart = str(tmp_path / "h.png")
    assert run("plot", "history", "cumbria", "-o", chart)[0] == 0
    code, _, err = run("plot", "history", "cumbria", "--force", "kent", "-o", chart)
    assert code == 2
    assert "two forces: Cumbria and --force Kent" in err
    for chart_of_all in ("grades", "map"):
        code, _, err = run("plot", chart_of_all, "--force", "kent", "--question", "1", "-o", chart)
        assert code == 2
        assert f"plot {chart_of_all} draws every force: no --force" in err


def test_a_table_shown_a_row_at_a_time_cuts_no_name_and_breaks_no_web_address() -> None:
    _, grid, _ = run("export", "--table", "grid", "--format", "table", "--cycle", "2021/22")
    assert "\nstrategic_policing_requirement\n" in grid
    _, out, _ = run("export", "--table", "judgments", "--format", "table", "--force", "kent")
    lines = out.splitlines()
    assert all(len(line) <= 80 or "://" in line for line in lines)
    addresses = {a for r in pe.load_bundled().for_force("kent") if r.judgment for a in r.judgment.sources}
    assert addresses
    shown = {word for line in lines for word in line.split() if "://" in word}
    assert addresses <= shown


def test_a_markdown_export_shows_the_data_s_markup_as_text(tmp_path: Path) -> None:
    # Escaped as show --format markdown escapes it, by one helper: a note of
    # "*star*" or "<b>" was read as emphasis and as HTML.
    mine = tmp_path / "md.yaml"
    mine.write_text(
        'force: kent\ncycle: 2016\ngrade: good\ngrade_note: "two\\nlines | *star* `tick` <b>x</b>"\n',
        encoding="utf-8",
    )
    code, out, _ = run(
        "--data", str(mine), "--no-bundled", "export", "--table", "judgments", "--format", "markdown"
    )
    assert code == 0
    assert r"| two<br>lines \| \*star\* \`tick\` \<b\>x\</b\> |" in out  # its line break, our <br>
    # The head, its rule, the overall grade and Q5, which 2016's framework
    # grades for no force: ungraded, though the file says nothing of it.
    assert len(out.splitlines()) == 4


def test_markdown_writes_column_names_and_entities_from_the_data_as_text(tmp_path: Path) -> None:
    # A 2025-27 area the registry lacks names a grid column; a note may hold
    # what Markdown reads as an entity or a strike-through.
    (tmp_path / "kent.yaml").write_text(
        "force: kent\ncycle: 2025-27\nassessments:\n  - question: A | B\n    grade: good\n"
        "    grade_note: 'AT&amp;T said ~~not~~ good'\n",
        encoding="utf-8",
    )
    args = ("-q", "--data", str(tmp_path), "export", "--cycle", "2025-27", "--format", "markdown")
    code, md, _ = run(*args, "--table", "grid")
    assert code == 0
    head, divider = md.splitlines()[:2]
    assert head.count(" | ") == divider.count("|") - 2  # as many cells as the divider
    assert "a\\_\\|\\_b" in head  # its key, a_|_b: its words joined as a key's are
    code, md, _ = run(*args, "--table", "judgments")
    assert code == 0
    assert "AT\\&amp;T said \\~\\~not\\~\\~ good" in md


def test_show_fits_wide_characters_to_its_width(tmp_path: Path) -> None:
    from peel_effectiveness.output._text import shown_width

    label = "記録された犯罪" * 6
    (tmp_path / "kent.yaml").write_text(
        "force: kent\ncycle: 2016\nmeasurements:\n"
        f"  - {{metric: m, label: {label}, unit: count, value: 1, england_and_wales: 2}}\n",
        encoding="utf-8",
    )
    code, out, _ = run("-q", "--data", str(tmp_path), "show", "kent", "--cycle", "2016")
    assert code == 0
    assert max(shown_width(line) for line in out.splitlines()) <= 80


def test_a_scorecard_says_which_of_its_cycle_s_questions_the_data_lack() -> None:
    # show --cycle gave the judgments the data hold and no word of the rest
    # (Cumbria's 2023-25 scorecard showed 4 of the 10 areas).
    code, out, _ = run("show", "kent", "--cycle", "2021/22")
    assert code == 0
    assert (
        "Unknown, nothing in the data: Protecting vulnerable people, Disrupting serious organised crime, "
        "Developing a positive workplace. Graded for no force in 2021/22: Meeting the strategic policing "
        "requirement, Protecting the public from armed threats."
    ) in " ".join(out.split())
    code, out, _ = run("show", "kent", "--cycle", "2016", "--format", "markdown")
    assert "\nUnknown, nothing in the data: Q1, Q2, Q3, Q4. Graded for no force in 2016: Q5.\n" in out
    code, out, _ = run("show", "cumbria", "--cycle", "2016")  # every question held
    assert "Unknown" not in out
    assert "Graded for no force" not in out


def test_rank_s_exclude_leaves_out_a_force_besides_those_annex_a_leaves_out(tmp_path: Path) -> None:
    # --exclude replaced the report's own exclusions: City of London's 500
    # OCGs per million was ranked first, and the others' bands moved.
    values = {
        "kent": 40,
        "durham": 30,
        "essex": 35,
        "city-of-london": 500,
        "dorset": 20,
        "surrey": 25,
        "sussex": 26,
    }
    figure = "metric: ocg_rate, label: OCGs, unit: per_million_population, period: as at 1 July 2016"
    figures.one_figure_each(tmp_path, figure, values)
    args = (
        "--data",
        str(tmp_path),
        "--no-bundled",
        "rank",
        "--metric",
        "ocg_rate",
        "--cycle",
        "2016",
        "--format",
    )

    def left_out(*more: str) -> list[str]:
        code, out, err = run(*args, "csv", *more)
        assert code == 0
        assert err.startswith("peel-effectiveness: note: ocg_rate, 2016: The bands are the top and bottom")
        assert err.count("\n") == 1  # the ranking's note alone
        return sorted(r["force"] for r in rows(out) if r["band"] == "excluded")

    assert left_out() == ["city-of-london"]
    assert left_out("--exclude", "kent") == ["city-of-london", "kent"]
    assert left_out("--exclude", "kent", "--exclude", "city-of-london") == ["city-of-london", "kent"]
    # Without a cycle, the one ranked (the latest with the figure) decides Annex A's.
    code, out, _ = run(*args[:-3], "--format", "csv", "--exclude", "kent")
    assert code == 0
    assert sorted(r["force"] for r in rows(out) if r["band"] == "excluded") == ["city-of-london", "kent"]


def test_show_places_a_force_without_a_scorecard_by_its_latest_overall_grade() -> None:
    # For 42 of the 43 forces, show gave no word of the national picture
    # (only a scorecard, of a report with figures, did).
    code, out, _ = run("show", "kent")
    assert code == 0
    assert " ".join(out.split()).endswith(
        "Nationally, its last overall grade (effectiveness 2018/19; from 2021/22 HMICFRS grades areas, "
        "not a force overall): one of 35 forces graded good in "
        "2018/19 (of 43 forces graded). Others in the South East region (the library's grouping, not "
        "HMIC's): Hampshire good, Surrey good, "
        "Sussex good, Thames Valley good."
    )
    _, out, _ = run("show", "kent", "--format", "markdown")
    assert out.endswith("Thames Valley good.\n")
    _, out, _ = run("show", "cumbria")  # its 2016 scorecard places it
    assert "last overall grade" not in out
    assert "Nationally: one of" in out


def test_show_places_by_the_last_overall_grade_and_says_only_an_integrated_cycle_grades_none(
    tmp_path: Path,
) -> None:
    # With Kent's 2018/19 reports ungraded, its last overall grade is of
    # 2017; 2018/19 still graded forces overall (its grades are unknown
    # here), so the areas begin with 2021/22, not with the next cycle held.
    mine = tmp_path / "kent.yaml"
    mine.write_text(
        "".join(
            f"- {{force: kent, cycle: 2018/19, pillar: {p}}}\n"
            for p in ("effectiveness", "efficiency", "legitimacy")
        )
    )
    code, out, _ = run("-q", "--data", str(mine), "show", "kent")
    assert code == 0
    assert "Nationally, its last overall grade (effectiveness 2017; from 2021/22 HMICFRS grades areas," in (
        " ".join(out.split())
    )


def test_show_places_no_force_of_one_s_own_in_the_national_picture(tmp_path: Path) -> None:
    # The national picture is of the 43: a force of your own with an
    # overall grade and no scorecard is not placed among them.
    atlantis = (
        "force: {id: atlantis, official_name: Atlantis Police, short_name: Atlantis, gss_code: E23999999,"
        " country: England, region: North East}\ncycle: 2016\ngrade: good\n"
    )
    code, out, _ = run_on(tmp_path, atlantis, "show", "atlantis")
    assert code == 0
    assert "Atlantis Police" in out
    assert "Nationally" not in out


def test_show_gives_the_newest_scorecard_first(tmp_path: Path) -> None:
    # Below the history, the scorecards run as the history does, newest first.
    mine = tmp_path / "cumbria.yaml"
    mine.write_text(
        "force: cumbria\ncycle: '2015'\nmeasurements:\n  - {metric: m, label: M, unit: count, value: 1}\n"
    )
    code, out, _ = run("-q", "--data", str(mine), "show", "cumbria")
    assert code == 0
    assert out.index("PEEL effectiveness 2016, published") < out.index("PEEL effectiveness 2015")


def test_coverage_marks_a_judgment_its_cycle_grades_no_force_on_in_the_charts_word() -> None:
    # It said "(not graded)" beside its count under "ungr.", where "not gr."
    # counts a judgment not graded for one force.
    code, out, _ = run("coverage", "--cycle", "2016")
    assert code == 0
    (line,) = [line for line in out.splitlines() if "specialist capabilities" in line]
    assert "(ungr" in line
    assert "(not graded)" not in out


def test_coverage_explains_the_columns_it_shows_and_no_others() -> None:
    # Its note explained "not gr.", "not insp." and "not yet" where the
    # table had left those columns out.
    _, out, _ = run("coverage", "--cycle", "2016")
    said = " ".join(out.split())
    note = said[said.index("Of the 43 forces") : said.index("Sources:")]
    heads = out.splitlines()[0].split()
    assert heads == ["cycle", "judgment", "graded", "ungr.", "unknown"]
    assert "not gr." not in note
    assert "not insp." not in note
    assert "ungr. (ungraded" in note


def test_one_figure_with_a_float_s_error_does_not_pad_its_column(tmp_path: Path) -> None:
    # 0.30000000000000004 padded every other figure to seven places or more
    # (10.5000000, 8.000000), out of line; -0.0 was written -0.000000.
    values = {"kent": 10.5, "durham": 8, "essex": 7.25, "dorset": 3, "cumbria": 0.1 + 0.2, "surrey": -0.0}
    folder = figures.one_figure_each(
        tmp_path,
        "metric: m, label: M, unit: percentage_points, period: 12 months to 30 June 2016",
        {f: f"{v!r}, england_and_wales: 6.3" for f, v in values.items()},
    )
    code, out, err = run("--data", str(folder), "--no-bundled", "rank", "--metric", "m")
    assert code == 0, err
    shown = [line.split()[2] for line in out.splitlines() if line[:4].strip().isdigit()]
    assert shown == ["10.50", "8.00", "7.25", "3.00", "0.30000000000000004", "0.00"]
    assert "England and Wales 6.30" in " ".join(out.split())


def test_info_says_whose_data_it_describes(tmp_path: Path) -> None:
    # With --no-bundled it gave the bundled data's version, of data not read.
    mine = tmp_path / "kent.yaml"
    mine.write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    version = pe.io.about.dataset_info().data_version
    _, bundled, _ = run("info")
    _, added, _ = run("--data", str(mine), "info")
    _, alone, _ = run("--no-bundled", "--data", str(mine), "info")
    assert bundled.splitlines()[0] == f"peel_effectiveness {pe.__version__}, data version {version}"
    assert added.splitlines()[0] == (
        f"peel_effectiveness {pe.__version__}, data version {version}, with the files given"
    )
    assert (
        alone.splitlines()[0]
        == f"peel_effectiveness {pe.__version__}, the files given only (no bundled data)"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--cycle", "2025-27"],
        ["--table", "judgments", "--cycle", "2014"],
        ["--table", "judgments", "--force", "kent", "--cycle", "2025-27"],
        ["--table", "grid", "--cycle", "2025-27", "--format", "json"],
    ],
)
def test_an_export_that_picks_no_report_fails_and_writes_nothing(args: list[str], tmp_path: Path) -> None:
    # A scheduled export must not write an empty table over a full one.
    out = tmp_path / ("latest.json" if "json" in args else "latest.csv")
    out.write_text("the old table\n", encoding="utf-8")
    code, _, err = run("export", *args, "--output", str(out))
    assert code == 1
    assert "the data have no" in err
    assert out.read_text(encoding="utf-8") == "the old table\n"


def test_an_sqlite_export_or_a_package_that_picks_no_report_fails(tmp_path: Path) -> None:
    code, _, err = run("export", "--format", "sqlite", "--cycle", "2025-27", "-o", str(tmp_path / "x.db"))
    assert (code, "the data have no 2025-27 reports" in err) == (1, True)
    assert not (tmp_path / "x.db").exists()
    code, _, err = run("export", "--package", str(tmp_path / "pkg"), "--force", "kent", "--cycle", "2014")
    assert (code, "the data have no 2014 reports" in err) == (1, True)
    assert not (tmp_path / "pkg").exists()


def test_the_forces_table_and_a_force_s_stays_are_exported_whatever_they_hold() -> None:
    code, out, err = run("export", "--table", "forces", "--cycle", "2016", "--format", "csv")
    assert (code, len(rows(out))) == (0, 43)
    # Said, not silent: --cycle (and --force) pick none of its rows.
    assert "the forces table is every force, the table the others join to" in " ".join(err.split())
    code, out, _ = run("export", "--table", "monitoring", "--force", "kent", "--format", "csv")
    assert (code, rows(out)) == (0, [])  # never in Engage: an answer


def test_the_monitoring_table_takes_no_cycle() -> None:
    code, _, err = run("export", "--table", "monitoring", "--cycle", "2016")
    assert code == 2
    assert "a stay in Engage belongs to no cycle" in err
    assert "monitoring --cycle 2016" in err


def test_validate_and_data_say_a_report_two_files_hold_whatever_else_is_wrong(tmp_path: Path) -> None:
    # Said only once the other problems were mended, which depended only
    # on how the reports were split into files.
    (tmp_path / "a.yaml").write_text(
        "- force: kent\n  cycle: 2016\n- force: surrey\n  cycle: 2016\n  grade: gud\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text("force: surrey\ncycle: 2016\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("force: kent\ncycle: 2016\ngrade: goood\n", encoding="utf-8")
    a, b, c = (str(tmp_path / f"{x}.yaml") for x in "abc")
    expected = [
        f"{a}:5: [1].grade: 'gud' is not a grade",
        f"{c}:3: grade: 'goood' is not a grade",
        f"{b}:1: force: a second effectiveness 2016 report on Surrey (the first is in {a}, line 3)",
        f"{c}:1: force: a second effectiveness 2016 report on Kent (the first is in {a}, line 1)",
    ]
    for args in (["validate", str(tmp_path)], ["validate", a, b, c], ["--data", str(tmp_path), "list"]):
        code, out, err = run(*args)
        assert (code, out) == (1, ""), args
        said = sorted(err.splitlines())
        assert len(said) == len(expected), (args, err)
        for line, start in zip(said, sorted(expected), strict=True):
            assert line.startswith(start), (args, err)
    with pytest.raises(pe.PeelDataError) as info:
        pe.load(tmp_path)
    assert len(info.value.problems) == 4


def test_a_data_file_named_twice_or_in_a_folder_named_too_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    kent = str(tmp_path / "kent.yaml")
    for paths in ([kent, kent], [str(tmp_path), kent], [kent, str(tmp_path)], [str(tmp_path), str(tmp_path)]):
        data = [x for p in paths for x in ("--data", p)]
        code, out, err = run(*data, "--no-bundled", "list")
        assert (code, err) == (0, ""), paths
        assert out.count("Kent") == 1


def test_a_force_s_stays_are_exported_though_the_data_have_no_report_on_it(tmp_path: Path) -> None:
    mine = tmp_path / "kent.yaml"
    mine.write_text(
        "monitoring:\n  - force: kent\n    entered: 2020-01-01\n    left: 2021-06-01\n", encoding="utf-8"
    )
    data = ("--no-bundled", "--data", str(mine))
    code, out, _ = run(*data, "export", "--table", "monitoring", "--force", "kent")
    assert (code, [r["entered"] for r in rows(out)]) == (0, ["2020-01-01"])
    code, _, _ = run(
        *data, "-q", "export", "--format", "sqlite", "--force", "kent", "-o", str(tmp_path / "k.db")
    )
    assert code == 0
    # Of reports, the tables of reports have none: that is no export.
    assert run(*data, "export", "--table", "judgments", "--force", "kent")[0] == 1
    assert (
        run(*data, "-q", "export", "--format", "sqlite", "--force", "durham", "-o", str(tmp_path / "d.db"))[0]
        == 1
    )


def test_validate_reads_a_file_named_twice_once_as_data_does(tmp_path: Path) -> None:
    folder = tmp_path / "my"
    folder.mkdir()
    (folder / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    (folder / "same.yaml").symlink_to(folder / "kent.yaml")
    kent = str(folder / "kent.yaml")
    for paths in ([kent, kent], [str(folder), kent], [str(folder)]):
        assert run("validate", *paths)[0] == 0, paths
        assert run(*(x for p in paths for x in ("--data", p)), "--no-bundled", "list")[0] == 0, paths
    assert len(pe.load(folder)) == 1  # the link is the file it leads to
    # One answer for each path named (the second said nothing), never "ok"
    # of a file whose problems the first said.
    same = f"{folder / 'same.yaml'}: read already, for a path named before it (said above)"
    code, _, err = run("validate", kent, str(folder / "same.yaml"))
    assert (code, err.splitlines()) == (0, [f"{kent}: ok (1 report)", same])
    (folder / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: goood\n", encoding="utf-8")
    code, _, err = run("validate", kent, str(folder / "same.yaml"))
    assert code == 1
    assert err.count("goood") == 1
    assert err.endswith(same + "\n")
    assert ": ok" not in err


def test_validate_calls_no_file_with_problems_ok_and_says_each_path_s_problems_in_order(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "mix"
    folder.mkdir()
    (folder / "a.yaml").write_text("force: kent\ncycle: 2016\ngrade: goood\n", encoding="utf-8")
    (folder / "b.yaml").write_text("force: kent\ncycle: 2016\n", encoding="utf-8")
    (folder / "c.yaml").write_text("force: durham\ncycle: 2016\ngrade: gud\n", encoding="utf-8")
    a = str(folder / "a.yaml")
    for paths in ([a, a], [str(folder), str(folder)], [str(folder), a]):
        code, _, err = run("validate", *paths)
        assert code == 1
        assert ": ok" not in err, paths
    code, _, err = run("validate", str(folder))
    # The clash is said in its file's place, among the folder's problems in order of file and line.
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in err.splitlines()] == [
        "a.yaml",
        "b.yaml",
        "c.yaml",
    ]
    assert "a second effectiveness 2016 report on Kent" in err.splitlines()[1]


@pytest.mark.parametrize(
    ("args", "before", "after"),
    [
        (["--on", "2016-06-01"], True, False),
        (["--cycle", "2016"], True, False),  # its reports were published before any move recorded
        (["--force", "kent", "--on", "2017-01-01"], True, False),
        (["--on", "2023-01-01"], False, False),
        (["--force", "kent"], False, True),  # the history to date
        (["--on", "2030-01-01"], False, True),
    ],
)
def test_monitoring_says_when_a_day_asked_is_beyond_the_data(
    args: list[str], before: bool, after: bool
) -> None:
    code, out, _ = run("monitoring", *args)
    said = " ".join(out.split())
    assert code == 0
    assert (
        "they record no move in or out before 1 April 2019; an earlier stay would be missing." in said
    ) is before
    assert (
        "the latest move in or out they record is on 30 July 2025; a later one would be missing." in said
    ) is after


def test_a_grade_carried_over_that_the_earlier_report_grades_otherwise_is_warned_of(tmp_path: Path) -> None:
    mine = (
        "- {force: kent, cycle: 2016, grade: good, assessments: [{question: 1, grade: inadequate}]}\n"
        "- {force: kent, cycle: 2017, grade: good, assessments: [{question: 1, grade: good, carried_over_from: 2016}]}\n"
    )
    # Over the bundled data, whose reports of yours replace.
    (tmp_path / "kent.yaml").write_text(mine, encoding="utf-8")
    code, out, err = run("--data", str(tmp_path / "kent.yaml"), "show", "kent", "--cycle", "2017")
    assert code == 0
    # Not a grade that moved: the grade carried over is the 2016 one, which the 2016 report has otherwise.
    assert "Q1 Good (carried over from 2016) (the 2016 grade is Inadequate: the data disagree)" in " ".join(
        out.split()
    )
    assert (
        "warning: your reports carry grades over from cycles whose reports in the data grade them "
        "otherwise: Kent effectiveness 2017 question 1 "
        "(yours carries good over from 2016; the 2016 report grades it inadequate)"
    ) in " ".join(err.split())
    # validate warns of it as every other command does (it said "ok" alone), and still passes them.
    code, _, err = run("validate", str(tmp_path / "kent.yaml"))
    assert code == 0
    assert "(yours carries good over from 2016; the 2016 report grades it inadequate)" in " ".join(
        err.split()
    )
    # Your files alone, against each other, as docs/data-format.md says (it was not said).
    code, _, err = run(
        "--no-bundled", "--data", str(tmp_path / "kent.yaml"), "show", "kent", "--cycle", "2017"
    )
    assert code == 0
    assert "(yours carries good over from 2016; the 2016 report grades it inadequate)" in " ".join(
        err.split()
    )


def test_an_outcome_label_beginning_with_a_tab_is_not_shown_under_a_group(tmp_path: Path) -> None:
    # The scorecards marked a type shown under its group with a leading tab
    # in its label: a label of the data's beginning with one was indented
    # as a member, its tab dropped.
    mine = (
        "force: kent\ncycle: 2016\noutcome_tables:\n  - key: figure_4\n    title: Outcomes\n"
        "    measure: share_of_offences\n    period: 12 months to 30 June 2016\n    rows:\n"
        '      - {outcome: 1, label: "\\tCharged", value: 17.8}\n'
        "      - {group: Out-of-court, outcomes: [2], value: 4.1, members: [{outcome: 2, label: Caution, value: 4.1}]}\n"
    )
    _, out, _ = run_on(tmp_path, mine, "-q", "show", "kent", "--cycle", "2016")
    lines = out.splitlines()
    assert any(line.startswith("  \\tCharged ") for line in lines)
    assert any(line.startswith("    Caution ") for line in lines)
    _, out, _ = run_on(tmp_path, mine, "-q", "show", "kent", "--cycle", "2016", "--format", "markdown")
    assert "| \\tCharged | 17.8 | - |" in out
    assert "| \u2003Caution | 4.1 | - |" in out


@pytest.mark.skipif(sys.platform == "win32", reason="a line break in a file's name is POSIX's")
def test_wrote_names_a_file_on_one_line_whatever_its_name(tmp_path: Path) -> None:
    name = tmp_path / "new\nline.csv"
    code, _, err = run("export", "--output", str(name))
    assert (code, err) == (0, f"wrote {tmp_path}/new\\nline.csv\n")
    assert name.exists()


def test_a_grade_also_recorded_follows_the_judgment_s_sources_and_says_where_its_own_are(
    tmp_path: Path,
) -> None:
    long = "https://news.example.com/" + "a" * 90
    (tmp_path / "kent.yaml").write_text(
        "force: kent\ncycle: 2016\ngrade: good\ngrade_sources: [https://example.org/short]\n"
        f"other_grades: [{{grade: requires improvement, kind: disputed, sources: [{long}]}}]\n",
        encoding="utf-8",
    )
    args = ("--data", str(tmp_path), "--no-bundled", "-q", "show", "kent", "--cycle", "2016")
    _, out, _ = run(*args)
    said = " ".join(out.split())
    assert (
        "Overall: Good news and other sources: https://example.org/short Also recorded: "
        "Requires improvement by a weaker source news and other sources: news.example.com/"
    ) in said
    # Its address is in the other grades' table, not the judgments'.
    assert (
        "every grade's sources are in full in 'export --table judgments' "
        "(of a grade also recorded: 'export --table other_grades')."
    ) in said
    _, out, _ = run(*args, "--format", "markdown")
    assert (
        "**Overall: Good**. Sources: [example.org](https://example.org/short). Also recorded: "
        "Requires improvement by a weaker source (sources: [news.example.com]("
    ) in out


def test_rank_says_where_the_reports_label_the_metric_in_more_than_one_way(tmp_path: Path) -> None:
    # The heading took one report's label; another's under the same key
    # may be another measure, which nothing said.
    for i, name in enumerate(["kent", "durham", "essex", "surrey", "dorset"]):
        label = "Crime per 1,000 (excluding fraud)" if name != "essex" else "Crime per 1,000"
        (tmp_path / f"{name}.yaml").write_text(
            f"force: {name}\ncycle: 2016\nmeasurements:\n  - {{metric: m, label: '{label}', unit: count, value: {i}}}\n",
            encoding="utf-8",
        )
    said = "The reports label m in 2 ways, 'Crime per 1,000 (excluding fraud)' (4) and 'Crime per 1,000' (1)"
    code, out, _ = run("--data", str(tmp_path), "--no-bundled", "rank", "--metric", "m")
    assert code == 0
    assert said in " ".join(out.split())
    code, _, err = run("--data", str(tmp_path), "--no-bundled", "rank", "--metric", "m", "--format", "csv")
    assert code == 0
    assert said in err
    (tmp_path / "essex.yaml").write_text(
        "force: essex\ncycle: 2016\nmeasurements:\n  - {metric: m, label: 'Crime per 1,000  (excluding fraud)', unit: count, value: 9}\n",
        encoding="utf-8",
    )
    _, out, _ = run("--data", str(tmp_path), "--no-bundled", "rank", "--metric", "m")
    assert "label m in" not in out  # white space aside, one label


def test_rank_leaves_out_a_force_of_your_own_without_the_figure(tmp_path: Path) -> None:
    # --exclude of a force of yours that has no figure was "no force called
    # 'island'" once a misspelt force's name was refused.
    figure = "metric: recorded_crime_rate, label: Recorded crime, unit: per_1000_population, period: 12 months to 30 June 2016"
    mine = "".join(
        f"- {{force: {f}, cycle: 2016, measurements: [{{{figure}, value: {50 + i}}}]}}\n"
        for i, f in enumerate(["kent", "essex", "durham", "surrey", "dorset", "suffolk"])
    )
    mine += (
        "- {force: {id: island, official_name: Island Police, short_name: Island, gss_code: E23000098, "
        "region: South East, country: England}, cycle: 2016, grade: good}\n"
    )
    code, out, err = run_on(
        tmp_path, mine, "rank", "--metric", "recorded_crime_rate", "--cycle", "2016", "--exclude", "island"
    )
    assert (code, err) == (
        0,
        "peel-effectiveness: note: --exclude Island: no recorded_crime_rate figure of it in 2016 to leave out\n",
    )
    assert "6\nforces ranked" in out or "6 forces ranked" in " ".join(out.split())


def test_show_says_where_a_force_s_history_comes_from() -> None:
    # Every output says where its facts come from: the history's grades
    # counted by kind, and where each is given in full (and the stays').
    _, out, _ = run("show", "kent")
    said = " ".join(out.split())
    assert "each of the 27 judgments counted once, under its most official source" in said
    assert (
        "Each grade's sources: this command with --cycle CYCLE (and --pillar efficiency or "
        "--pillar legitimacy for those pillars' grades)."
    ) in said
    _, out, _ = run("show", "metropolitan", "--format", "markdown")
    said = " ".join(out.split())
    assert "pillars' grades); the stays in Engage: the monitoring command." in said


def test_show_says_a_grade_revised_after_publication_and_one_disputed() -> None:
    # Each with its own sources under it, after the judgment's own: a grade
    # is never shown without where it is published.
    _, out, _ = run("show", "northamptonshire", "--cycle", "2023-25")
    said = " ".join(out.split())
    assert (
        "Responding to the public: Requires improvement police and crime commissioners: "
        "https://northantspfcc.org.uk/?p=25963 Also recorded: Adequate as published on "
        "16 February 2024, replaced on 8 August 2024 news and other sources: feeds.bbci.co.uk/"
    ) in said
    _, out, _ = run("show", "devon-and-cornwall", "--cycle", "2023-25")
    assert (
        "Also recorded: Good by a weaker source, published on 11 July 2024 "
        "news and other sources: web-production-4e80b.up.railway.app/"
    ) in " ".join(out.split())
    _, out, _ = run("show", "northamptonshire", "--cycle", "2023-25", "--format", "markdown")
    assert (
        "| Responding to the public | Requires improvement. Also recorded: Adequate as published on "
        "16 February 2024, replaced on 8 August 2024 (sources: [feeds.bbci.co.uk]("
    ) in out


def test_a_judgment_row_counts_its_other_grades() -> None:
    _, out, _ = run("national", "--cycle", "2023-25", "--question", "responding", "--format", "csv")
    counts = {r["force"]: r["other_grades"] for r in csv.DictReader(io.StringIO(out, newline=""))}
    assert counts["northamptonshire"] == "1"
    assert counts["avon-and-somerset"] == "0"
    assert counts["kent"] == ""  # not known, nor are its other grades
    _, out, _ = run("export", "--table", "judgments", "--format", "json", "--cycle", "2023-25")
    rows = json.loads(out)
    assert sum(r["other_grades"] for r in rows if r["other_grades"]) == 2
    assert {r["force"] for r in rows if r["other_grades"]} == {"northamptonshire", "devon-and-cornwall"}


def test_a_ranking_table_says_why_it_gives_no_england_and_wales_figure(tmp_path: Path) -> None:
    # Five forces of yours give 8 for England and Wales; Cumbria's report 46.
    for force in ("durham", "essex", "surrey", "dorset", "kent"):
        (tmp_path / f"{force}.yaml").write_text(
            f"force: {force}\ncycle: 2016\nmeasurements:\n  - metric: ocg_rate\n    label: OCGs\n"
            "    unit: per_million_population\n    value: 8\n    england_and_wales: 8\n"
            "    period: as at 1 July 2016\n",
            encoding="utf-8",
        )
    code, out, _ = run("-q", "--data", str(tmp_path), "rank", "--metric", "ocg_rate", "--cycle", "2016")
    assert code == 0
    assert (
        "6 forces ranked, the highest first. No England and Wales figure: the reports of the forces "
        "ranked give different figures (8 in 5 reports and 46 in 1); 'export --table measurements' "
        "lists each."
    ) in " ".join(out.split())


def test_a_judgment_row_says_when_its_grade_was_published() -> None:
    _, out, _ = run(
        "export",
        "--table",
        "judgments",
        "--format",
        "json",
        "--force",
        "northamptonshire",
        "--cycle",
        "2023-25",
    )
    published = {r["question"]: r["published"] for r in json.loads(out)}
    assert published["responding"] == "2024-08-08"  # revised then: adequate was published in February
    assert published["investigating"] == "2024-02-16"


def test_a_judgment_row_says_whether_its_previous_grade_compares() -> None:
    # HMICFRS says 2023-25 grades cannot be compared with 2021/22's.
    _, out, _ = run("export", "--table", "judgments", "--format", "json", "--cycle", "2023-25")
    rows = [r for r in json.loads(out) if r["previous_grade"] is not None]
    assert rows
    assert {r["previous_comparable"] for r in rows} == {False}
    _, out, _ = run("export", "--table", "judgments", "--format", "json", "--cycle", "2016")
    assert {r["previous_comparable"] for r in json.loads(out) if r["previous_grade"]} == {True}
    assert {
        r["previous_comparable"]
        for r in json.loads(out)
        if r["previous_grade"] is None and r["previous_no_grade"] is None
    } == {None}


def test_a_question_a_cycle_did_not_ask_is_blank_not_unknown() -> None:
    # 2015 asked four effectiveness questions; 2016 added the fifth.
    code, out, _ = run("show", "cumbria")
    assert code == 0
    (line,) = [x for x in out.splitlines() if x.strip().startswith("specialist capabilities")]
    assert line.split()[2:] == ["ungraded", "ungraded", "ungraded"]  # 2018/19, 2017, 2016; 2015 blank
    assert "Blank: not asked, or not graded overall, that cycle." in " ".join(out.split())
    (line,) = [x for x in out.splitlines() if x.strip().startswith("investigating crime")][-1:]
    assert line.endswith("-")  # 2015 asked it: unknown


@pytest.mark.parametrize(
    ("force", "overall"),
    [
        # The data hold no 2017 report on Gwent, between its 2016 and
        # 2018/19 ones: the column is there, unknown, as its chart draws it.
        ("gwent", ["Good", "-", "Good", "Good"]),
        # Nor a 2015 report on Cleveland, their first cycle: not left out
        # as if 2015 had no PEEL.
        ("cleveland", ["Inadequate", "Good", "Good", "-"]),
    ],
)
def test_a_pillared_cycle_the_data_lack_for_a_force_is_a_column_of_unknowns(
    force: str, overall: list[str]
) -> None:
    code, out, _ = run("show", force)
    assert code == 0
    (head,) = [x for x in out.splitlines() if x.strip().startswith("PILLARS AND QUESTIONS")]
    assert head.split()[3:] == ["2018/19", "2017", "2016", "2015"]
    (line,) = [x for x in out.splitlines() if x.strip().startswith("overall")][:1]
    assert line.split()[1:] == overall


def test_an_integrated_cycle_the_data_hold_is_a_table_for_a_force_without_its_report(tmp_path: Path) -> None:
    # Your data hold a 2023-25 report on Kent and none on Essex: Essex's
    # history has the cycle's table, every area unknown.
    code, out, err = run_on(
        tmp_path,
        "- {force: kent, cycle: 2023-25, assessments: [{question: preventing_crime, grade: good}]}\n"
        "- {force: essex, cycle: 2021/22, assessments: [{question: preventing_crime, grade: good}]}\n",
        "show",
        "essex",
    )
    assert code == 0, err
    tables = [x.split() for x in out.splitlines() if x.startswith("  AREAS")]
    assert tables == [["AREAS", "2023-25"], ["AREAS", "2021/22"]]
    lines = [x.split() for x in out.splitlines() if x.strip().startswith("Preventing crime")]
    assert [x[-1] for x in lines] == ["-", "Good"]  # 2023-25's table first


def test_a_history_split_for_width_keeps_its_rows_and_says_frameworks_not_tables() -> None:
    # At 60 columns the pillared cycles take two tables; they are one
    # framework, and each table has the same rows, but those of questions
    # its cycles did not ask (2015 had no question 5).
    code, out, _ = run("show", "gwent", "--width", "60")
    assert code == 0
    tables = out.split("PILLARS AND QUESTIONS")[1:]
    assert len(tables) == 2
    names = [[x.split()[0] for x in t.split("\n\n")[0].splitlines()[1:]] for t in tables]
    assert [n for n in names[0] if n != "specialist"] == names[1]
    said = " ".join(out.split())
    assert "cannot be compared across frameworks" in said
    assert "across the tables" not in said


def test_show_of_your_files_alone_without_stays_does_not_say_never_in_engage(tmp_path: Path) -> None:
    # Cleveland was in Engage from 2019 to 2023; files without any stays
    # say nothing of it, and "never" was said.
    mine = tmp_path / "clev.yaml"
    mine.write_text("force: cleveland\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    code, out, _ = run("-q", "--no-bundled", "--data", str(mine), "show", "cleveland")
    assert code == 0
    assert "Never in" not in out
    assert (
        "Enhanced monitoring (Engage): the data hold no stays of the 43 forces, and say nothing of it."
        in " ".join(out.split())
    )
    code, out, _ = run("-q", "--data", str(mine), "show", "cleveland")
    assert "In enhanced monitoring (Engage):" in out


def test_show_says_why_an_area_asked_of_some_forces_only_is_unknown() -> None:
    # Gwent was not among the first 8 forces of 2021/22; the data hold none
    # of its judgments of the two areas asked under the first framework only.
    said = " ".join(run("show", "gwent")[1].split())
    assert (
        "-: 2021/22 asked meeting the strategic policing requirement and protecting the public "
        "from armed threats under its first framework only"
    ) in said
    assert "the data hold no judgment of them for this force (unknown)." in said
    said = " ".join(run("show", "dyfed-powys")[1].split())  # one of the 8: ungraded on both
    assert "first framework only" not in said


def test_show_of_a_force_of_your_own_without_stays_does_not_say_never(tmp_path: Path) -> None:
    mine = figures.own_force_report(tmp_path / "btp.yaml")
    code, out, err = run("-q", "--data", str(mine), "show", "bts")
    assert code == 0, err
    said = " ".join(out.split())
    assert "Never in" not in said
    assert "the data hold no stays of BTP; their record is of the 43 forces." in said
    code, out, err = run("-q", "--data", str(mine), "monitoring", "--force", "bts")
    assert code == 0, err
    assert "BTP: the data hold no stays of BTP; their record is of the 43 forces." in " ".join(out.split())


def test_a_stay_of_a_force_of_your_own_says_nothing_of_the_43_s_record(tmp_path: Path) -> None:
    # An own force's stay in 2026 was taken for the reach of the 43's record,
    # and with no stay of the 43 at all, Kent was "never in Engage".
    mine = tmp_path / "island.yaml"
    island = (
        "{id: island, official_name: Island Police, short_name: Island, gss_code: E23000098,"
        " region: South East, country: England}"
    )
    mine.write_text(
        f"reports:\n- force: {island}\n  cycle: 2016\n  grade: good\n- force: kent\n  cycle: 2016\n  grade: good\n"
        f"monitoring:\n- force: {island}\n  entered: '2026-11'\n  reason: Concerns.\n",
        encoding="utf-8",
    )
    code, out, err = run("-q", "--data", str(mine), "show", "kent")
    assert code == 0, err
    said = " ".join(out.split())
    assert "November 2026" not in said
    assert "the latest move they record was on 30 July 2025" in said
    code, out, err = run("-q", "--no-bundled", "--data", str(mine), "show", "kent")
    assert code == 0, err
    assert "the data hold no stays of the 43 forces, and say nothing of it." in " ".join(out.split())
    code, out, err = run("-q", "--no-bundled", "--data", str(mine), "monitoring", "--force", "kent")
    assert "Kent: the data hold no stays of the 43 forces" in " ".join(out.split())
    # A stay of your own is counted as far as your record goes, its own
    # latest move where that is past the 43's (it was counted to today, as
    # the chart and the tables did not count it): never said to the 43's reach.
    code, out, err = run("-q", "--data", str(mine), "monitoring", "--force", "island")
    assert code == 0, err
    said = " ".join(out.split())
    assert "(the latest move they record was in November 2026) (less than a month by then)" in said
    assert "30 July 2025" not in said
    code, out, err = run(
        "-q", "--data", str(mine), "national", "--cycle", "2016", "--force", "island", "--format", "csv"
    )
    assert code != 0
    assert "not one of the 43" in err


def test_check_of_a_force_without_reports_says_so(tmp_path: Path) -> None:
    mine = tmp_path / "kent.yaml"
    mine.write_text("force: kent\ncycle: 2016\n", encoding="utf-8")
    code, _, err = run("--data", str(mine), "--no-bundled", "check", "--force", "essex")
    assert code == 1
    assert err == "peel-effectiveness: the data have no report on Essex\n"
    code, _, err = run("--data", str(mine), "--no-bundled", "check", "--force", "kent")
    assert "no outcome table or figure" in err


def test_a_pillar_without_an_overall_grade_that_cycle_is_blank(tmp_path: Path) -> None:
    # HMIC gave 2014's effectiveness pillar no overall grade.
    mine = tmp_path / "kent.yaml"
    mine.write_text(
        "- {force: kent, cycle: 2014, pillar: effectiveness, assessments: [{question: 1, grade: good}]}\n"
        "- {force: kent, cycle: 2015, pillar: effectiveness, grade: good}\n",
        encoding="utf-8",
    )
    code, out, err = run("--data", str(mine), "--no-bundled", "show", "kent")
    assert code == 0, err
    assert "2015        2014" in out
    (line,) = [x for x in out.splitlines() if x.strip().startswith("overall")]
    assert line.split()[1:] == ["Good"]  # 2015; 2014 blank


def test_list_says_unknown_where_a_cycle_grades_the_pillar_and_the_data_hold_none() -> None:
    # Northamptonshire's 2015 report has no overall grade in the data: it
    # was blank, as the integrated cycles' rows (no overall grade asked) are.
    code, out, _ = run("list", "--force", "northamptonshire")
    assert code == 0
    by_cycle = {line.split()[1]: line for line in out.splitlines() if line.startswith("Northamptonshire")}
    assert by_cycle["2015"].split()[2:4] == ["effectiveness", "unknown"]
    assert by_cycle["2021/22"].split()[2:] == ["areas", "only", "0"]  # no overall grade asked: said so
    assert "unknown: the cycle grades the pillar overall, and the data hold no grade" in out
    _, out, _ = run("list", "--force", "northamptonshire", "--format", "markdown")
    assert "| 2015 | effectiveness | unknown |  |  |" in out
    # In a judgment column, as the grid says it; grade holds grades alone,
    # as national's and every table's grade column does.
    _, out, _ = run("list", "--force", "northamptonshire", "--format", "csv")
    got = {(r["cycle"], r["pillar"]): r for r in rows(out)}
    assert [got["2015", "effectiveness"][k] for k in ("judgment", "grade", "no_grade")] == ["unknown", "", ""]
    assert [got["2016", "effectiveness"][k] for k in ("judgment", "grade", "no_grade")] == [
        "requires improvement",
        "requires improvement",
        "",
    ]
    assert [got["2021/22", ""][k] for k in ("judgment", "grade", "no_grade")] == ["", "", ""]
    _, out, _ = run("list", "--cycle", "2017", "--format", "json")
    assert {r["grade"] for r in json.loads(out)} <= {g.value for g in pe.Grade} | {None}
    _, out, _ = run("list", "--force", "cumbria")
    assert "unknown" not in out


def test_coverage_metrics_and_check_say_where_their_facts_come_from() -> None:
    # Every other command said it; these three did not, in any format.
    for args, said in (
        (["coverage", "--cycle", "2016"], "Sources: HMIC/HMICFRS (134)"),
        (["metrics"], "Sources: HMIC/HMICFRS (all 61 figures). The addresses are in --format csv"),
        (["check"], "Source: HMIC/HMICFRS (the one report)."),
    ):
        for fmt in ("table", "markdown"):
            code, out, _ = run(*args, "--format", fmt)
            assert code == 0
            assert said in " ".join(out.split()), (args, fmt)
    cumbria = "https://www.justiceinspectorates.gov.uk/hmic/peel-assessments/peel-2016/cumbria/"
    for args in (["metrics"], ["check"]):
        code, out, _ = run(*args, "--format", "csv")
        assert code == 0
        assert {r["published_in"] for r in rows(out)} == {cumbria}


def test_a_long_argument_is_said_with_its_own_length() -> None:
    # The count was of its quoted form: 5,002 characters for 5,000.
    for args in (
        ["list", "--cycle", "9" * 5000],
        ["show", "--force", "x" * 5000],
        ["national", "--cycle", "2016", "--question", "q" * 5000],
        ["monitoring", "--on", "2" * 5000],
    ):
        code, _, err = run(*args)
        assert code == 2, args
        assert "(5000 characters)" in err, (args, err)
    with pytest.raises(pe.PeelDataError, match=r"\(5000 characters\)"):
        pe.Cycle("9" * 5000)


def test_check_and_coverage_credit_only_what_they_checked_and_counted(tmp_path: Path) -> None:
    # check credited every report of the force and cycle (another pillar's
    # too), and coverage's sources counted a force of your own's judgments.
    legitimacy = tmp_path / "legitimacy.yaml"
    legitimacy.write_text(
        "force: cumbria\ncycle: 2016\npillar: legitimacy\ngrade: good\n"
        "provenance: {title: t, publisher: HMIC, url: 'https://example.org/legitimacy'}\n",
        encoding="utf-8",
    )
    code, out, _ = run("--data", str(legitimacy), "check", "--format", "csv")
    assert code == 0
    assert {r["published_in"] for r in rows(out)} == {
        "https://www.justiceinspectorates.gov.uk/hmic/peel-assessments/peel-2016/cumbria/"
    }
    _, out, _ = run("--data", str(legitimacy), "check")
    assert "Source: HMIC/HMICFRS (the one report)." in out
    zed = tmp_path / "zed.yaml"
    zed.write_text(
        "force: {id: zed, official_name: Zed Police, short_name: Zed, gss_code: E23999999,"
        " country: England, region: South}\ncycle: 2016\ngrade: good\n"
        "grade_sources: ['https://example.org/zed']\n",
        encoding="utf-8",
    )
    _, alone, _ = run("coverage", "--cycle", "2016")
    _, mine, err = run("--data", str(zed), "coverage", "--cycle", "2016")
    assert "not counted: Zed" in err
    assert mine == alone


def test_coverage_rows_say_where_the_judgments_they_count_come_from() -> None:
    # The CSV and JSON rows were counts with no word of their sources.
    code, out, _ = run("coverage", "--format", "csv")
    assert code == 0
    by_key = {(r["cycle"], r["pillar"], r["question"]): r for r in rows(out)}
    assert by_key["2016", "effectiveness", "overall"]["sources"] == (
        "HMIC/HMICFRS (36), police and crime commissioners (1), news and other sources (6)"
    )
    assert by_key["2018/19", "efficiency", "q1_demand"]["sources"] == ""  # no judgment to source
    for r in by_key.values():
        counted = sum(int(n) for n in re.findall(r"\((\d+)\)", r["sources"]))
        reasons = ("ungraded", "not_graded", "not_inspected", "not_yet_graded")
        assert counted == int(r["graded"]) + sum(int(r[c]) for c in reasons), r
    code, out, _ = run("coverage", "--cycle", "2023-25", "--format", "json")
    assert json.loads(out)[1]["sources"] == (
        "police and crime commissioners (3), news and other sources (27)"
    )
    (c,) = [c for c in pe.analysis.coverage(pe.load_bundled(), 2015) if c.question == "q3_vulnerable"]
    assert str(c.sources) == (
        "Sources: HMIC/HMICFRS (3), police and crime commissioners (1), news and other sources (1);"
        " each of the 5 judgments counted once, under its most official source"
    )


def test_a_ranking_says_where_ties_widen_a_band_and_claims_no_bands_for_hmic(tmp_path: Path) -> None:
    # Three forces tied at the quarter's edge made 4 of 8 "one of the
    # lowest" under "the top and bottom quarter of these 8"; and with the
    # reports' forces, the bands were "as HMIC's reports draw them", which
    # they do of outcomes only.
    values = dict(zip([f.id for f in pe.forces()][:8], [90, 80, 70, 60, 40, 10, 10, 10], strict=True))
    figures.one_figure_each(tmp_path / "ties", "metric: m, label: Things, unit: count", values)
    code, out, err = run("--data", str(tmp_path / "ties"), "--no-bundled", "rank", "--metric", "m")
    assert code == 0, err
    said = " ".join(out.split())
    assert "quarter of these 8, not of the 43" in said
    assert "Forces tied at a quarter's edge share its band: 3 of these 8 are in the bottom one." in said
    code, out, _ = run(
        "--data", str(tmp_path / "ties"), "--no-bundled", "rank", "--metric", "m", "--format", "csv"
    )
    assert [r["band"] for r in rows(out)].count("one of the lowest") == 3
    every = figures.folder(tmp_path / "all", n=43)
    code, out, _ = run("--data", str(every), "rank", "--metric", "recorded_crime_rate")
    said = " ".join(out.split())
    assert "The bands by Annex A's rule: the top and bottom quarter of the 43." in said
    assert "HMIC's reports draw them" not in said


def test_a_ranking_of_counts_says_a_count_grows_with_a_force_s_size(tmp_path: Path) -> None:
    # Counts were banded as rates are, "one of the highest" saying mostly
    # which forces are largest, where the compare chart draws no counts.
    values = dict(zip([f.id for f in pe.forces()][:5], [25000, 16000, 9000, 4000, 1000], strict=True))
    said = {}
    for unit in ("count", "per_1000_population", "percent_change"):
        figures.one_figure_each(tmp_path / unit, f"metric: m, label: Things, unit: {unit}", values)
        code, out, err = run("--data", str(tmp_path / unit), "--no-bundled", "rank", "--metric", "m")
        assert code == 0, err
        said[unit] = " ".join(out.split())
    count = (
        "A count grows with a force's size: the highest are often the largest forces (a rate compares them)."
    )
    assert count in said["count"]
    assert "grows with a force's size" not in said["per_1000_population"] + said["percent_change"]


@pytest.mark.parametrize("table", ["forces", "monitoring", "grid", "judgments"])
def test_no_table_cuts_a_web_address_to_fit(table: str) -> None:
    # The forces table's sources were cut to "https:/...".
    code, out, _ = run("export", "--table", table, "--format", "table")
    assert code == 0
    assert "://" in out
    assert not [w for w in out.split() if w.startswith("http") and w.endswith("...")]
    assert all(len(line) <= 80 or "://" in line for line in out.splitlines())


def test_list_says_where_a_report_without_a_headline_grade_comes_from() -> None:
    # The 86 integrated reports (and three others with no headline judgment)
    # had an empty sources cell: their row is the report's, whose
    # judgments' sources say where it comes from.
    code, out, _ = run("list", "--format", "csv")
    assert code == 0
    assert all(r["sources"] for r in rows(out))
    data = pe.load_bundled()
    kent = data.report("kent", "2023-25")
    (row,) = [r for r in rows(out) if r["force"] == "kent" and r["cycle"] == "2023-25"]
    wanted = {s for a in kent.assessments if a.judgment for s in pe.analysis.sources_of(kent, a.judgment)}
    assert set(row["sources"].split("\n")) == wanted


def test_info_says_where_the_documents_it_names_are_installed() -> None:
    # Its documents were paths of the project's source (seeds/reference/...),
    # which a user of the installed package could not find.
    code, out, _ = run("info")
    assert code == 0
    said = " ".join(out.split())
    from peel_effectiveness.io.bundled import bundled_sources

    folder = bundled_sources()
    assert f"installed with the package in {folder}" in said
    assert (folder / "reference" / "peel-grades-2017-2025.csv").is_file()
    assert "rest on the sources given with each judgment ('export --table judgments')" in said
    code, csv_out, _ = run("info", "--format", "csv")
    documents = {r["document"] for r in rows(csv_out) if (r["document"] or "").startswith("seeds/")}
    assert documents
    assert all((folder / d.removeprefix("seeds/")).is_file() for d in documents), documents


def test_info_gives_each_report_s_isbn_and_licence() -> None:
    # The seed report's ISBN was in its file and in no output.
    _, out, _ = run("info", "--format", "csv")
    got = {(r["force"], r["cycle"]): r for r in rows(out)}
    provenance = pe.load_bundled().report("cumbria", 2016).provenance
    assert provenance is not None
    assert got["cumbria", "2016"]["isbn"] == provenance.isbn == "978-1-78655-343-0"
    assert got["cumbria", "2016"]["licence"] == provenance.licence
    assert got["kent", "2016"]["isbn"] == ""


def test_info_in_words_gives_where_each_report_is() -> None:
    # The seed report's address and ISBN were in the CSV and JSON only, and
    # its document, a file the package does not hold, was left unexplained.
    code, out, _ = run("info")
    assert code == 0
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("cumbria 2016 effectiveness"))
    assert "ISBN 978-1-78655-343-0" in " ".join(" ".join(lines[at : at + 3]).split())
    assert (
        "    https://www.justiceinspectorates.gov.uk/hmic/peel-assessments/peel-2016/cumbria/"
        in lines[at : at + 5]
    )
    said = " ".join(out.split())
    assert (
        "Other documents named are the files the reports were read from, which the package does not hold"
        in said
    )
    # The text names no document: it says where the tables that do are.
    assert "The reports' documents (--format csv, json or markdown) named seeds/..." in said


def test_info_counts_each_reports_judgments_sources_by_kind() -> None:
    # "by HMICFRS" alone, of a report whose grades the library compiled
    # from news reports: a reader took HMICFRS for their source.
    data = pe.load_bundled()
    code, out, _ = run("info", "--format", "csv")
    assert code == 0
    got = {(r["force"], r["cycle"], r["pillar"]): r["judgment_sources"] for r in rows(out)}
    assert len(got) == len(data)
    for r in data:
        assert got[r.force.id, r.cycle.value, r.pillar.value if r.pillar else ""] == (
            pe.analysis.describe_sources([r]).tally or ""
        )
    assert any("news and other sources" in x for x in got.values())
    _, out, _ = run("info")
    said = " ".join(out.split())
    tally = got["cleveland", "2023-25", ""]
    assert f"given with each grade. Its judgments' sources: {tally}" in said


def test_info_says_of_compiled_grades_and_of_the_library_s_files_only_where_the_data_have_them(
    tmp_path: Path,
) -> None:
    mine = tmp_path / "kent.yaml"
    mine.write_text(
        "force: kent\ncycle: 2016\ngrade: good\n"
        "provenance: {title: Kent's report, publisher: HMIC, url: 'https://example.org/kent'}\n",
        encoding="utf-8",
    )
    code, out, _ = run("--data", str(mine), "--no-bundled", "info")
    assert code == 0
    assert "compiled" not in out
    assert "seeds/" not in out
    code, out, _ = run("info", "--format", "markdown")
    assert "rest on the sources given with each judgment" in " ".join(out.split())


def test_a_markdown_scorecard_says_what_a_change_is_measured_from() -> None:
    # The table's period cell lost "against 12 months to 30 June 2011",
    # which the text scorecard prints: a five-year and a one-year change read alike.
    code, out, _ = run("show", "cumbria", "--cycle", "2016", "--format", "markdown")
    assert code == 0
    assert "| 12 months to 30 June 2016, against 12 months to 30 June 2011 | -2.6 | -3.4 |" in out
    assert "| 12 months to 30 June 2016, against 12 months to 30 June 2015 | +0.2 | +7.8 |" in out


def test_show_says_what_the_sources_leave_in_doubt_of_a_stay_in_engage() -> None:
    # monitoring --force cleveland said its move in (April 2019) came before
    # the report whose grades are its reason; show and the chart did not.
    code, out, _ = run("show", "cleveland")
    assert code == 0
    said = " ".join(out.split())
    assert "Note: When it moved in (April 2019) is from theeyeofmedia.com" in said
    assert "no source here squares the two" in said


def test_a_welsh_force_s_heading_says_wales_once() -> None:
    # "Dyfed-Powys Police (W15000004, Wales, Wales)": its region is Wales.
    for args in (["show", "dyfed-powys"], ["show", "dyfed-powys", "--cycle", "2016"]):
        _, out, _ = run(*args)
        assert out.splitlines()[0] == "Dyfed-Powys Police (W15000004, Wales)", args
    _, out, _ = run("show", "kent")
    assert out.splitlines()[0] == "Kent Police (E23000032, South East, England)"


def test_list_on_a_terminal_says_an_integrated_report_grades_areas_only() -> None:
    # Its judgment cell was blank, with no key to say why.
    code, out, _ = run("list", "--force", "kent")
    assert code == 0
    rows_2023 = [line for line in out.splitlines() if line.startswith("Kent        2023-25")]
    assert rows_2023
    assert rows_2023[0].split()[2:4] == ["areas", "only"]
    assert "areas only: an integrated cycle grades areas, not a pillar overall" in " ".join(out.split())


def test_a_ranking_table_says_its_bands_test_no_difference_from_england_and_wales(tmp_path: Path) -> None:
    # Cumbria's 51.7 against 68.2 was "broadly in line" in rank and "lower" in show.
    figures.folder(tmp_path, n=7)
    code, out, _ = run("--data", str(tmp_path), "rank", "--metric", "recorded_crime_rate")
    assert code == 0
    assert "They test no difference from England and Wales" in " ".join(out.split())


def test_list_s_closing_lines_count_the_sources_its_rows_give_and_agree_with_its_words() -> None:
    # "Sources: none (no judgments)" under rows that each named sources, and
    # "Blank: ... an integrated cycle" under rows saying "areas only".
    code, out, _ = run("list", "--cycle", "2023-25")
    assert code == 0
    said = " ".join(out.split())
    assert "Sources: none" not in said  # (its count: test_list_counts_an_integrated_cycles_judgments...)
    code, out, _ = run("list", "--force", "northamptonshire")
    said = " ".join(out.split())
    assert "an integrated cycle grades areas, not pillars" not in said
    assert "areas only: an integrated cycle grades areas" in said


def test_a_force_of_your_own_has_the_history_of_its_own_cycles(tmp_path: Path) -> None:
    # Its history spanned the data's cycles, all unknown, as the 43's do;
    # the grid gives it rows where it has reports, and so does its history.
    gotham = (
        "- {force: {id: gotham, official_name: Gotham City Police, short_name: Gotham, gss_code: E23000099, "
        "country: England, region: North East}, cycle: 2017, grade: good}\n"
        "- {force: kent, cycle: 2015, grade: good}\n- {force: kent, cycle: 2023-25}\n"
    )
    code, out, err = run_on(tmp_path, gotham, "show", "gotham")
    assert code == 0, err
    assert "AREAS" not in out
    (head,) = [x for x in out.splitlines() if x.strip().startswith("PILLARS AND QUESTIONS")]
    assert head.split()[3:] == ["2017"]
    _, out, _ = run_on(tmp_path, gotham, "show", "kent")
    assert [x.split()[-1] for x in out.splitlines() if x.startswith("  AREAS")] == ["2023-25"]


@pytest.mark.parametrize(
    "args",
    [
        ("national", "--cycle", "2023-25"),
        ("national", "--cycle", "2023-25", "--force", "kent"),
        ("list",),
        ("info",),
    ],
)
def test_json_writes_null_for_what_a_row_has_not(args: tuple[str, ...]) -> None:
    # As the docs say and the tidy tables do: an integrated cycle's report
    # has no pillar, and a judgment with no grade none (not "").
    code, out, _ = run(*args, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    rows = rows if isinstance(rows, list) else rows["sources"]
    assert all(v != "" for row in rows for v in row.values())
    integrated = [row for row in rows if row["cycle"] == "2023-25"]
    assert integrated
    assert all(row["pillar"] is None for row in integrated)
    if "grade" in integrated[0]:
        assert any(row["grade"] is None for row in integrated)


def test_show_s_key_says_the_marks_its_tables_show_and_no_others(tmp_path: Path) -> None:
    # "pending" and "not insp." were shown unexplained, and * ^ ? explained
    # where no cell had them.
    (tmp_path / "kent.yaml").write_text(
        "force: kent\ncycle: 2023-25\nassessments:\n"
        "  - {question: responding, grade: not inspected}\n"
        "  - {question: preventing_crime, grade: not yet graded}\n"
    )
    code, out, _ = run("--data", str(tmp_path), "--no-bundled", "show", "kent")
    assert code == 0
    said = " ".join(out.split())
    assert "not insp.: not inspected, in a risk-based cycle, no earlier grade standing." in said
    assert "pending: not yet graded, still to be published." in said
    for mark in ("Req. impr.:", "*:", "^:", "?:"):
        assert mark not in said
    assert "-: unknown, nothing in the data." in said


@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (["shwo", "cumbria"], "show"),
        (["national", "--pillar", "efectiveness"], "effectiveness"),
        (["export", "--table", "judgemnts"], "judgments"),
    ],
)
def test_a_misspelt_command_or_word_of_argparse_s_gets_a_suggestion(args: list[str], meant: str) -> None:
    # As a misspelt force, cycle or question does.
    code, _, err = run(*args)
    assert code == 2
    assert f"; did you mean '{meant}'? (see 'peel-effectiveness" in err
    assert len(err.splitlines()) == 1


def test_a_cut_label_ends_with_the_program_s_one_mark_of_a_cut() -> None:
    # "..." in tables, "\u2026" in show's names: one mark, and the line under
    # the table names the one it used ("..." where a terminal cannot show it).
    _, out, _ = run("coverage", "--cycle", "2021/22")
    assert "Providing a service to victims of cri\u2026" in out
    assert "\u2026: a label cut to fit 80 columns" in out


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--table", "judgments", "--cycle", "2016", "--cycle", "2017"),
        ("show", "--force", "kent", "--force", "durham"),
        ("show", "kent", "--format", "json", "--format", "table"),
        ("national", "--cycle", "2016", "--pillar", "efficiency", "--pillar", "legitimacy"),
    ],
)
def test_an_option_of_one_value_given_twice_is_bad_usage_not_the_last_kept(args: tuple[str, ...]) -> None:
    # argparse kept the last: the 2016 rows were lost without a word.
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert re.search(r"error: argument --(cycle|force|format|pillar): given twice: give it once", err)
    assert err.count("\n") == 1


def test_text_outputs_say_which_reports_are_from_your_files(tmp_path: Path) -> None:
    # Only a note on standard error said so, which -q and a redirect lose.
    mine = _yours(
        tmp_path,
        "force: kent\ncycle: 2023-25\nassessments:\n  - {question: investigating, grade: good}\n",
    )
    kent = len(pe.load_bundled().for_force("kent"))
    yours = "from your files (--data), not the bundled data"
    code, out, _ = run("-q", "--data", str(mine), "show", "kent")
    assert code == 0
    # Under the history of every report shown, not under the last scorecard.
    history, *_ = out.split("-" * 80)
    assert f"1 of the {kent} reports shown is {yours}: Kent 2023-25." in " ".join(history.split())
    code, out, _ = run("-q", "--data", str(mine), "show", "kent", "--cycle", "2023-25")
    assert " ".join(out.split()).endswith(f"The report shown is {yours}.")
    # national, of every question and of one.
    for question in ((), ("--question", "investigating")):
        code, out, _ = run("-q", "--data", str(mine), "national", "--cycle", "2023-25", *question)
        assert code == 0
        assert f"1 of the 43 reports counted is {yours}: Kent 2023-25." in " ".join(out.split())
    code, out, _ = run("-q", "--data", str(mine), "--no-bundled", "national", "--cycle", "2023-25")
    assert f"The report counted is {yours}." in " ".join(out.split())
    for args in (("show", "kent"), ("national", "--cycle", "2023-25")):
        assert "your files" not in run(*args)[1]


def test_show_s_advice_on_pillar_without_cycle_is_of_the_force_and_pillar_asked() -> None:
    # It advised 'show cumbria --cycle 2016 --pillar legitimacy', which fails.
    code, _, err = run("show", "kent", "--pillar", "efficiency")
    assert code == 2
    assert "--pillar needs --cycle: show kent --cycle CYCLE --pillar efficiency" in err


def test_validate_with_data_and_no_file_says_to_drop_data_not_that_a_file_is_missing(tmp_path: Path) -> None:
    # --data took the file as its value, and argparse said FILE was required.
    mine = _yours(tmp_path, "force: kent\ncycle: 2016\n")
    code, _, err = run("validate", "--data", str(mine))
    assert code == 2
    assert "validate checks the files named after it, and reads no other data: drop --data" in err
    code, _, err = run("validate")
    assert code == 2
    assert "validate needs the data files or folders to check: validate FILE [FILE ...]" in err


def test_an_excel_output_is_refused_with_the_way_to_a_spreadsheet_and_left_out_areas_are_said_so(
    tmp_path: Path,
) -> None:
    code, _, err = run("export", "-o", str(tmp_path / "f.xlsx"))
    assert code == 2
    assert "(for a spreadsheet: -o f.csv --excel)" in err
    # Followed, it is taken; with a format given, the advice is the format's own.
    code, _, err = run("-q", "export", "-o", str(tmp_path / "f.csv"), "--excel")
    assert (code, err) == (0, "")
    code, _, err = run("export", "-o", str(tmp_path / "f.ods"), "--format", "csv")
    assert code == 2
    assert "name it f.csv" in err
    assert "for a spreadsheet" not in err
    mine = _yours(
        tmp_path,
        "force: kent\ncycle: 2023-25\nassessments:\n  - {question: investigating, grade: good}\n",
    )
    code, out, _ = run("-q", "--data", str(mine), "--no-bundled", "national", "--cycle", "2023-25")
    assert code == 0
    # It said "8 question(s)" of a cycle of areas, and named none.
    assert (
        "Left out, with no judgment in the data: Police powers and public treatment, Preventing crime,"
        in " ".join(out.split())
    )


def test_a_figure_without_england_and_wales_s_is_said_under_the_figures_as_its_mark_means(
    tmp_path: Path,
) -> None:
    # "-" stood in the E&W column without a word of what it meant.
    said = "-: no England and Wales figure in the data"
    for fmt in ("table", "markdown"):
        code, out, _ = run("show", "cumbria", "--cycle", "2016", "--format", fmt)
        assert code == 0
        assert said in " ".join(out.split())
    out = _kent_of_yours(
        tmp_path,
        "force: kent\ncycle: 2016\nmeasurements:\n"
        "  - {metric: crime_rate, label: Crime, unit: per_1000_population, value: 50, england_and_wales: 60}\n",
    )
    assert said not in " ".join(out.split())


def test_a_report_of_yours_is_said_published_by_its_publisher_not_the_inspectorate(tmp_path: Path) -> None:
    # "PEEL 2023-25 (HMICFRS), grades published 10 May 2024": quotable as HMICFRS's.
    out = _kent_of_yours(
        tmp_path,
        "force: kent\ncycle: 2023-25\nprovenance: {title: My notes, publisher: My PCC office, published: 2024-05-10}\n"
        "assessments:\n  - {question: investigating, grade: good}\n",
    )
    assert out.splitlines()[1:3] == [
        "PEEL 2023-25, grades published 10 May 2024",
        "Source: My notes, by My PCC office",
    ]
    assert "(HMICFRS)" not in out


def _yours(folder: Path, text: str) -> Path:
    """A data file of yours, of ``text``, in ``folder``."""
    mine = folder / "k.yaml"
    mine.write_text(text, encoding="utf-8")
    return mine


def _kent_of_yours(folder: Path, text: str) -> str:
    """``show kent`` of the one cycle of a report of yours (``text``), the
    bundled data's others beside it."""
    cycle = pe.loads(text).reports[0].cycle
    code, out, _ = run("-q", "--data", str(_yours(folder, text)), "show", "kent", "--cycle", str(cycle))
    assert code == 0
    return out


def test_validate_s_usage_says_it_takes_one_file_or_more() -> None:
    # Its files are read as "any number" so that it can say what a --data
    # before them took; the usage said so too, "[FILE ...]".
    code, out, _ = run("validate", "--help")
    assert code == 0
    assert out.splitlines()[0] == "usage: peel-effectiveness validate [-h] [-q] FILE [FILE ...]"
