"""Loading one report out of a large folder reads only that report's file."""

from __future__ import annotations

from pathlib import Path

import pytest

import peel_effectiveness as pe


def test_one_report_reads_only_its_file(tmp_path: Path) -> None:
    report = pe.load_bundled().report("cumbria", 2016)
    (tmp_path / "cumbria-2016.yaml").write_text(pe.dump(report), encoding="utf-8")
    # Every other file is broken: reading any of them would raise.
    for f in pe.forces():
        if f.id != "cumbria":
            (tmp_path / f"{f.id}-2016.yaml").write_text("force: [broken\n")
    (tmp_path / "notes.yaml").write_text("force: [broken\n")
    folder = pe.io.open_folder(tmp_path)
    assert folder.report("Cumbria Constabulary", "2016") == report
    with pytest.raises(pe.PeelDataError):
        folder.load()


def test_files_named_otherwise_are_read_when_needed(tmp_path: Path) -> None:
    (tmp_path / "my-kent-file.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n")
    (tmp_path / "essex-2015-effectiveness.json").write_text('{"force": "essex", "cycle": "2015"}')
    folder = pe.io.open_folder(tmp_path)
    assert folder.report("kent", 2016).judgment is not None
    assert folder.report("essex", 2015).force.id == "essex"
    with pytest.raises(pe.NotFoundError, match="no effectiveness 2016 report on Durham"):
        folder.report("durham", 2016)
    assert len(folder.load()) == 2


def test_open_folder_needs_a_folder(tmp_path: Path) -> None:
    with pytest.raises(pe.PeelDataError, match="no such folder"):
        pe.io.open_folder(tmp_path / "missing")


def test_a_file_of_another_format_in_a_folder_is_left_out_and_said(tmp_path: Path) -> None:
    # A README, or a table exported beside the data, no longer stops the folder.
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    (tmp_path / "README.txt").write_text("my data\n", encoding="utf-8")
    (tmp_path / "judgments.csv").write_text("force,cycle\n", encoding="utf-8")
    with pytest.warns(
        pe.PeelWarning, match=r"README\.txt, judgments\.csv left out: data files are YAML or JSON"
    ):
        data = pe.load(tmp_path)
    assert len(data) == 1
    (tmp_path / "kent.yaml").unlink()
    with pytest.raises(
        pe.PeelDataError,
        match=r"holds no data files \(.yaml, .yml or .json\); README.txt, judgments.csv are not",
    ):
        pe.load(tmp_path)
    with pytest.raises(pe.PeelDataError, match="a CSV file, not a data file"):
        pe.load(tmp_path / "judgments.csv")  # named alone, it is refused
    # Each named, up to twenty: it named three, "and 4 more".
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    for name in ("t.csv", "v.tsv", "x.parquet", "y.xlsx", "z.pdf", "w.xml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.warns(pe.PeelWarning) as said:
        pe.load(tmp_path)
    assert str(said[0].message).endswith(
        ": README.txt, judgments.csv, t.csv, v.tsv, w.xml, x.parquet, y.xlsx, z.pdf left out: "
        "data files are YAML or JSON"
    )
    for i in range(20):
        (tmp_path / f"more{i:02}.csv").write_text("x", encoding="utf-8")
    with pytest.warns(pe.PeelWarning, match=r"more16\.csv, more17\.csv and 8 more left out"):
        pe.load(tmp_path)


def test_a_report_in_a_file_named_for_another_is_found(tmp_path: Path) -> None:
    # A file may hold a list of reports, whatever its name.
    (tmp_path / "kent-2016.yaml").write_text(
        "- force: kent\n  cycle: 2016\n  grade: good\n- force: durham\n  cycle: 2016\n  grade: outstanding\n"
    )
    (tmp_path / "essex-2015.yaml").write_text("force: essex\ncycle: 2015\n")
    folder = pe.io.open_folder(tmp_path)
    assert folder.report("durham", 2016) == pe.load(tmp_path).report("durham", 2016)
    assert folder.report("kent", 2016).judgment is not None
    with pytest.raises(pe.NotFoundError, match="no effectiveness 2016 report on Surrey"):
        folder.report("surrey", 2016)


def test_a_report_in_a_file_whose_name_another_file_has_too_is_found(tmp_path: Path) -> None:
    # kent-2016.yaml and kent-2016.json are both named for Kent 2016.
    (tmp_path / "kent-2016.yaml").write_text("force: kent\ncycle: 2016\n")
    (tmp_path / "kent-2016.json").write_text('{"force": "durham", "cycle": 2016}')
    folder = pe.io.open_folder(tmp_path)
    assert {folder.report(f, 2016).force.id for f in ("kent", "durham")} == {"kent", "durham"}


def test_every_file_not_a_data_file_is_said_left_out_but_hidden_ones(tmp_path: Path) -> None:
    # A data file misnamed (durham.json5, "surrey.yaml ", a backup) was
    # left out without a word, though load() reads each named alone.
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\n", encoding="utf-8")
    for name in ("durham.json5", "surrey.yaml ", "sussex.yaml.orig", "dorset", ".hidden.yaml", ".DS_Store"):
        (tmp_path / name).write_text("force: durham\ncycle: 2016\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "essex.yaml").write_text("force: essex\ncycle: 2016\n", encoding="utf-8")
    with pytest.warns(pe.PeelWarning) as said:
        data = pe.load(tmp_path)
    assert [str(w.message) for w in said] == [
        f"{tmp_path}: dorset, durham.json5, surrey.yaml , sussex.yaml.orig left out: data files are YAML or JSON"
    ]
    assert [r.force.id for r in data] == ["kent"]


def test_a_folder_s_other_files_are_counted_past_the_twenty_named(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\n", encoding="utf-8")
    for i in reversed(range(500)):  # the least names said, whatever order the folder lists them in
        (tmp_path / f"note{i:03}").write_text("x", encoding="utf-8")
    with pytest.warns(pe.PeelWarning, match=r": note000, note001, .*, note019 and 480 more left out"):
        pe.load(tmp_path)


def test_a_folder_of_wrong_files_is_read_to_the_bound_of_problems_listed(tmp_path: Path) -> None:
    # Each file's problems were listed to 100, and a folder's not at all: ten
    # thousand wrong files took 34 s and 650 MB.
    for i in range(70):
        (tmp_path / f"r{i:02}.json").write_text("[{}, 1]", encoding="utf-8")  # three problems each
    with pytest.raises(pe.PeelDataError) as caught:
        pe.load(tmp_path)
    problems = caught.value.problems
    assert len(problems) == 103
    assert problems[0] == pe.Problem(
        "36 more data files not read: the files before them hold 102 problems", str(tmp_path)
    )
    assert {p.file for p in problems[1:]} == {str(tmp_path / f"r{i:02}.json") for i in range(34)}


def test_reports_two_files_both_hold_are_listed_to_the_bound_and_the_rest_counted(tmp_path: Path) -> None:
    for i in range(150):
        (tmp_path / f"r{i:03}.json").write_text('{"force": "kent", "cycle": "2016"}', encoding="utf-8")
    with pytest.raises(pe.PeelDataError) as caught:
        pe.load(tmp_path)
    assert (len(caught.value.problems), caught.value.unlisted) == (100, 49)
    assert caught.value.problems[0].message.startswith("a second effectiveness 2016 report on Kent")


def test_a_left_out_file_s_name_that_does_not_print_is_quoted(tmp_path: Path) -> None:
    # A line break in it broke the warning across two lines.
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\n", encoding="utf-8")
    (tmp_path / "bad\nname.txt").write_text("x", encoding="utf-8")
    with pytest.warns(pe.PeelWarning) as said:
        pe.load(tmp_path)
    assert [str(w.message) for w in said] == [
        f"{tmp_path}: 'bad\\nname.txt' left out: data files are YAML or JSON"
    ]
