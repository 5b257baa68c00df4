"""A force of the data's own (a report's force written out whole): found by
its names, refused where it would be taken for one of the 43 or for another
of its id, and in every table its force column joins to."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import attrs
import pytest

import figures
import peel_effectiveness as pe
from clirun import rows, run

ATLANTIS = (
    "force:\n  id: atlantis\n  official_name: Atlantis Police\n  short_name: Atlantis\n"
    "  gss_code: E23999999\n  country: England\n  region: North East\n"
)


def atlantis(cycle: str = "2016", name: str = "Atlantis Police") -> str:
    return ATLANTIS.replace("Atlantis Police", name) + f"cycle: '{cycle}'\ngrade: good\n"


def test_one_of_the_43_is_the_registry_s_whole() -> None:
    kent = pe.find_force("kent")
    with pytest.raises(pe.PeelDataError) as e:
        attrs.evolve(kent, official_name="Not Kent")
    # Not Kent, so a force of one's own: all it takes of Kent's said at once
    # (the id alone was said, and the code and names once it was mended).
    assert {p.path for p in e.value.problems} == {"id", "gss_code", "short_name", "ons_name"}
    assert "'kent' is the id of Kent Police, one of the 43" in str(e.value)
    with pytest.raises(pe.PeelDataError) as e:
        attrs.evolve(kent, id="not-kent")  # Kent's code and names under another id
    assert {p.path for p in e.value.problems} == {"gss_code", "official_name", "short_name", "ons_name"}
    assert attrs.evolve(kent) == kent
    # Written out whole without its sources (as before forces had them), it
    # is the registry's still, and equal to it; with sources of its own, not.
    whole = pe.Force("kent", "Kent Police", "Kent", "E23000032", "England", "South East", "Kent")
    assert whole == kent
    assert whole.sources == kent.sources != ()
    with pytest.raises(pe.PeelDataError, match="'kent' is the id of Kent Police"):
        attrs.evolve(kent, sources=("https://example.org/kent",))
    text = (
        "force: {id: kent, official_name: Kent Police, short_name: Kent, gss_code: E23000032,"
        " country: England, region: South East, ons_name: Kent}\ncycle: 2016\ngrade: good\n"
    )
    assert pe.loads(text).reports[0].force == kent
    text = ATLANTIS.replace("atlantis", "kent") + "cycle: 2016\ngrade: good\n"
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    assert [(p.line, p.path) for p in e.value.problems] == [(2, "force.id")]
    text = text.replace("Atlantis", "Kent").replace("E23999999", "E23000032")
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    assert [(p.line, p.path) for p in e.value.problems] == [
        (2, "force.id"),
        (3, "force.official_name"),
        (4, "force.short_name"),
        (5, "force.gss_code"),
    ]


def test_a_force_of_one_s_own_is_found_by_its_names() -> None:
    data = pe.loads(atlantis())
    (force,) = data.forces
    for name in ("atlantis", "Atlantis Police", "atlantis police", "E23999999", "Atlantis"):
        assert data.find_force(name) is force
        assert data.report(name, 2016).force is force
    assert data.for_force("Atlantis") == data.reports
    with pytest.raises(pe.NotFoundError, match="no force called 'Atlantix'"):
        data.report("Atlantix", 2016)
    with pytest.raises(pe.NotFoundError):
        pe.load_bundled().find_force("atlantis")


def test_two_forces_of_one_id_are_refused_in_a_dataset_and_across_files(tmp_path: Path) -> None:
    one, other = pe.loads(atlantis()), pe.loads(atlantis("2017", "Atlantis Constabulary"))
    with pytest.raises(pe.PeelDataError, match="two forces of the id 'atlantis'"):
        one + other
    (tmp_path / "a.yaml").write_text(atlantis())
    (tmp_path / "b.yaml").write_text(atlantis("2017", "Atlantis Constabulary"))
    with pytest.raises(pe.PeelDataError) as e:
        pe.load(tmp_path)
    (p,) = e.value.problems
    assert (p.file, p.line, p.path) == (str(tmp_path / "b.yaml"), 1, "force")
    assert p.message == (
        "two forces of the id 'atlantis', which differ in official_name "
        f"(the first is in {tmp_path / 'a.yaml'}, line 1)"
    )
    (tmp_path / "b.yaml").write_text(atlantis("2017"))
    assert len(pe.load(tmp_path)) == 2  # the same force twice is one force


def _second_file_refused(folder: Path, first: str, second: str) -> pe.Problem:
    """The one problem of a folder of two files, at the second's force."""
    (folder / "a.yaml").write_text(first)
    (folder / "b.yaml").write_text(second)
    with pytest.raises(pe.PeelDataError) as e:
        pe.load(folder)
    (p,) = e.value.problems
    assert (p.file, p.line, p.path) == (str(folder / "b.yaml"), 1, "force")
    return p


def test_two_forces_of_one_code_are_refused_in_a_dataset_in_a_file_and_across_files(tmp_path: Path) -> None:
    # They were taken, and the forces table had two rows of one code.
    lemuria = atlantis("2017").replace("atlantis", "lemuria").replace("Atlantis", "Lemuria")
    said = "two forces of the ONS code E23999999: 'atlantis' and 'lemuria'"
    with pytest.raises(pe.PeelDataError, match=said):
        pe.loads(atlantis()) + pe.loads(lemuria)
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads("".join("- " + text.replace("\n", "\n  ").rstrip() + "\n" for text in (atlantis(), lemuria)))
    assert [(p.line, p.path, p.message) for p in e.value.problems] == [(10, "[1].force", said)]
    assert _second_file_refused(tmp_path, atlantis(), lemuria).message.startswith(said)


def test_two_forces_of_one_name_are_refused_in_a_dataset_and_across_files(tmp_path: Path) -> None:
    # They were taken: list had two rows "Atlantis 2016" of other grades,
    # and "show Atlantis" named two forces.
    lemuria = (
        atlantis("2016", "Lemuria Police").replace("atlantis", "lemuria").replace("E23999999", "E23999998")
    )
    said = "two forces of the name 'Atlantis': 'atlantis' and 'lemuria' (give each its own)"
    with pytest.raises(pe.PeelDataError, match=re.escape(said)):
        pe.loads(atlantis()) + pe.loads(lemuria)
    assert _second_file_refused(tmp_path, atlantis(), lemuria).message.startswith(said)
    # Names read as find_force reads them: case and "&" do not make another.
    (tmp_path / "b.yaml").write_text(lemuria.replace("short_name: Atlantis", "short_name: ATLANTIS"))
    with pytest.raises(pe.PeelDataError, match="two forces of the name 'ATLANTIS'"):
        pe.load(tmp_path)
    (tmp_path / "b.yaml").write_text(lemuria.replace("short_name: Atlantis", "short_name: Lemuria"))
    assert len(pe.load(tmp_path)) == 2


def test_the_forces_table_holds_the_data_s_own_forces(tmp_path: Path) -> None:
    data = pe.load_bundled().overlay(pe.loads(atlantis()))
    ids = [r["id"] for r in pe.to_records(data, "forces")]
    assert len(ids) == 44
    assert "atlantis" in ids
    assert ids == sorted(ids)
    assert len(pe.to_records(pe.load_bundled(), "forces")) == 43
    mine = tmp_path / "atlantis.yaml"
    mine.write_text(atlantis())
    db = tmp_path / "peel.db"
    assert run("-q", "--data", str(mine), "export", "--format", "sqlite", "-o", str(db)) == (0, "", "")
    found = sqlite3.connect(db).execute(
        "SELECT f.official_name, j.question, j.grade, j.no_grade FROM judgments j "
        "JOIN forces f ON f.id = j.force WHERE f.id = 'atlantis'"
    )
    # Its overall grade; not Q5, which 2016's framework grades for none of
    # the 43 (HMICFRS's pages say nothing of a force of one's own).
    assert found.fetchall() == [("Atlantis Police", "overall", "good", None)]


def test_the_command_line_names_a_force_of_the_files_own(tmp_path: Path) -> None:
    mine = tmp_path / "atlantis.yaml"
    mine.write_text(atlantis())
    code, out, err = run("--data", str(mine), "show", "atlantis")
    assert (code, err) == (0, "")
    assert out.startswith("Atlantis Police (E23999999, North East, England)")
    code, out, _ = run("--data", str(mine), "export", "--table", "judgments", "--force", "Atlantis Police")
    assert code == 0
    assert [r["force"] for r in rows(out)] == ["atlantis"]  # overall (no Q5 by the framework: not of the 43)
    # Without the files, or where they have no force of the name, it is bad usage.
    code, _, err = run("show", "atlantis")
    assert code == 2
    assert "argument FORCE: no force called 'atlantis'" in err
    code, _, err = run("--data", str(mine), "list", "--force", "atlantix")
    assert code == 2
    assert "argument --force: no force called 'atlantix'" in err
    # The national picture is of the 43.
    code, _, err = run("--data", str(mine), "national", "--cycle", "2016", "--force", "atlantis")
    assert (code, err) == (
        1,
        "peel-effectiveness: force: Atlantis Police is not one of the 43 forces the national picture is of\n",
    )


def test_a_force_of_one_s_own_takes_no_name_of_the_43_and_is_named_once() -> None:
    zed = pe.Force("zed", "Zed Police", "Zed", "E23000099", "England", "South")
    with pytest.raises(pe.PeelDataError) as e:
        attrs.evolve(zed, official_name="Kent Constabulary", aliases=("Zeds", "Met"))
    assert {p.path for p in e.value.problems} == {"official_name", "aliases[1]"}
    assert "'Kent Constabulary' names Kent Police, one of the 43" in str(e.value)
    # Two forces of one's own of one alias: found by id, refused by the alias they share.
    zed = attrs.evolve(zed, aliases=("Zeds",))
    other = attrs.evolve(
        zed, id="zed-two", official_name="Zed Two Police", short_name="Zed 2", gss_code="E23000098"
    )
    data = pe.loads(atlantis()) + pe.Dataset(
        (pe.InspectionReport(force=zed, cycle=2016), pe.InspectionReport(force=other, cycle=2016))
    )
    assert data.find_force("zed-two") is other
    assert data.find_force("Zed Two") is other
    with pytest.raises(pe.NotFoundError, match="'Zeds' names 2 forces: zed, zed-two; name one by its id"):
        data.find_force("Zeds")
    # Of one short name, they are refused: every table names them alike.
    with pytest.raises(pe.PeelDataError, match="two forces of the name 'Zed': 'zed' and 'zed-two'"):
        pe.Dataset(
            (
                pe.InspectionReport(force=zed, cycle=2016),
                pe.InspectionReport(force=attrs.evolve(other, short_name="Zed"), cycle=2016),
            )
        )
    assert pe.history(data, "atlantis")[0].judgment == pe.Judgment("good")


def test_the_national_picture_and_show_take_a_force_of_one_s_own_in_their_stride(tmp_path: Path) -> None:
    mine = tmp_path / "atlantis.yaml"
    mine.write_text(atlantis() + "measurements:\n  - {metric: m, label: M, unit: count, value: 1}\n")
    code, out, err = run("-q", "--data", str(mine), "national", "--cycle", "2016")
    assert (code, err) == (0, "")
    assert "Atlantis" not in out  # the picture is of the 43
    assert pe.transitions(pe.load_bundled().overlay(pe.load(mine)), 2015, 2016)
    code, out, err = run("-q", "--data", str(mine), "show", "atlantis", "--cycle", "2016")
    assert (code, err) == (0, "")
    assert "Nationally: Atlantis is not one of the 43 forces the national picture is of." in out


@pytest.mark.parametrize(
    "args",
    [
        ["national", "--cycle", "2016"],
        ["national", "--cycle", "2016", "--question", "1", "--format", "csv"],
        ["coverage"],
        ["coverage", "--cycle", "2016"],
    ],
)
def test_counts_of_the_43_name_the_forces_of_one_s_own_they_leave_out(
    tmp_path: Path, args: list[str]
) -> None:
    # They were left out without a word.
    mine = tmp_path / "atlantis.yaml"
    mine.write_text(atlantis())
    code, _, err = run("--data", str(mine), *args)
    assert code == 0
    assert "peel-effectiveness: note: not counted: Atlantis, not of the 43 territorial forces\n" in err
    code, _, err = run("--data", str(mine), "-q", *args)
    assert (code, err) == (0, "")
    code, _, err = run("--data", str(mine), *args[:1], "--cycle", "2017")  # a cycle Atlantis has no report of
    assert "not counted" not in err


def test_two_forces_of_one_id_in_one_file_are_said_where_the_second_is() -> None:
    force = "{id: atlantis, official_name: %s, short_name: Atlantis, gss_code: E23999999, country: England, region: North East}"
    text = (
        f"reports:\n  - force: {force % 'Atlantis Police'}\n    cycle: 2016\n    grade: good\n"
        f"monitoring:\n  - force: {force % 'Atlantis Constabulary'}\n    entered: 2020\n"
    )
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    (p,) = e.value.problems
    assert (p.line, p.path, p.message) == (
        6,
        "monitoring[0].force",
        "two forces of the id 'atlantis', which differ in official_name",
    )


def test_the_charts_take_a_force_of_one_s_own_by_its_name() -> None:
    pytest.importorskip("matplotlib")
    from peel_effectiveness.output import plot

    data = pe.load_bundled().overlay(pe.loads(atlantis()))
    import matplotlib.pyplot as plt

    fig = plot.plot_history(data, "Atlantis Police")  # a NotFoundError before
    assert any("Atlantis" in t.get_text() for t in fig.texts)
    plt.close(fig)


def test_an_own_force_s_id_and_names_are_its_own_in_any_script() -> None:
    zed = pe.Force("zed", "Zed Police", "Zed", "E23000099", "England", "South")
    with pytest.raises(pe.PeelDataError, match="'met' names Metropolitan Police Service"):
        attrs.evolve(zed, id="met")  # an alias of the Met's
    with pytest.raises(pe.PeelDataError, match=r"aliases\[0\]: '' is not a name: it is blank"):
        attrs.evolve(zed, aliases=("",))
    chinese = attrs.evolve(zed, short_name="亚特兰蒂斯")
    lemuria = pe.Force(
        "lemuria", "Lemuria Police", "Lemuria", "E23000098", "England", "South", aliases=("zed",)
    )
    data = pe.Dataset(
        (pe.InspectionReport(force=chinese, cycle=2016), pe.InspectionReport(force=lemuria, cycle=2016))
    )
    assert data.find_force("亚特兰蒂斯") is chinese
    assert data.find_force("zed") is chinese  # an id is its force's, whatever an alias says
    for nothing in ("Лемурия", "", "???"):
        with pytest.raises(pe.NotFoundError):
            data.find_force(nothing)


def test_the_command_line_says_why_a_name_names_no_one_force(tmp_path: Path) -> None:
    two = "".join(
        f"- force: {{id: {i}, official_name: {i.title()} Police, short_name: {i.title()}, gss_code: E2399999{n}, "
        f"country: England, region: South, aliases: [Sunken]}}\n  cycle: 2016\n"
        for n, i in enumerate(("atlantis", "lemuria"))
    )
    mine = tmp_path / "two.yaml"
    mine.write_text(two)
    code, _, err = run("--data", str(mine), "show", "Sunken")
    assert code == 2
    assert "argument FORCE: 'Sunken' names 2 forces: atlantis, lemuria; name one by its id" in err


def test_hidden_files_in_a_folder_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n")
    (tmp_path / "._kent.yaml").write_bytes(b"\x00\x05\x16\x07 mac resource fork")
    assert len(pe.load(tmp_path)) == 1


def test_an_export_with_a_force_of_one_s_own_says_its_facts_are_its_files(tmp_path: Path) -> None:
    # The package and the database said every force was the library's
    # registry's, of the 43, beside a forces table of 44.
    import json

    data = pe.loads(atlantis())
    db = pe.output.write_sqlite(data, tmp_path / "own.db")
    con = sqlite3.connect(db)
    try:
        about = dict(con.execute("SELECT name, value FROM about"))
    finally:
        con.close()
    assert about["own_forces"] == pe.output._about.OWN_FORCES
    folder = pe.output.write_package(data, tmp_path / "pkg")
    described = json.loads(Path(folder).read_text(encoding="utf-8"))["description"]  # the package file
    assert pe.output._about.OWN_FORCES in described
    bundled = pe.output.write_sqlite(pe.load_bundled().for_force("kent"), tmp_path / "kent.db", ["judgments"])
    con = sqlite3.connect(bundled)
    try:
        assert "own_forces" not in dict(con.execute("SELECT name, value FROM about"))
    finally:
        con.close()


def test_a_force_of_one_s_own_is_given_no_judgment_by_hmicfrs_s_framework() -> None:
    # Its report of 2016 gained a question 5 "ungraded" row, sourced to
    # HMICFRS's pages, which say nothing of a force HMICFRS never inspected;
    # a force of the 43 with no question 5 in its report gets the framework's.
    data = pe.loads(atlantis())
    rows_of = [(r["force"], r["question"]) for r in pe.to_records(data, "judgments")]
    assert rows_of == [("atlantis", "overall")]
    kent = pe.loads("force: kent\ncycle: '2016'\ngrade: good\n")
    [q5] = [r for r in pe.to_records(kent, "judgments") if r["question"] == "q5_specialist"]
    assert (q5["no_grade"], q5["basis"]) == ("ungraded", "inferred")


def test_your_copy_of_a_bundled_report_is_not_said_to_replace_it(tmp_path: Path) -> None:
    # --data at the bundled files said 338 reports and 10 forces' stays
    # "replace the bundled ones", though each was the same.
    from peel_effectiveness.io.bundled import bundled_sources

    same = tmp_path / "same.yaml"
    same.write_text((bundled_sources() / "kent-2016.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("--data", str(same), "list", "--force", "kent")
    assert code == 0
    assert "replaces" not in err
    changed = tmp_path / "changed.yaml"
    changed.write_text("force: kent\ncycle: 2016\ngrade: outstanding\n", encoding="utf-8")
    _, _, err = run("--data", str(changed), "list", "--force", "kent")
    assert "your effectiveness 2016 report on Kent replaces the bundled one" in err


def test_national_s_sources_line_counts_the_43_s_judgments_as_its_grades_do(tmp_path: Path) -> None:
    # "43 of the 43 forces judged", then "each of the 44 judgments": the
    # line counted a force of your own that the grades leave out.
    (tmp_path / "bts.yaml").write_text(
        f"force: {figures.OWN_FORCE}\ncycle: 2016\ngrade: good\n", encoding="utf-8"
    )
    _, alone, _ = run("national", "--cycle", "2016")
    code, mine, err = run("--data", str(tmp_path), "national", "--cycle", "2016")
    assert code == 0
    assert "not counted: BTP" in err
    assert mine == alone


@pytest.mark.parametrize("stayed", [True, False])
def test_a_force_of_one_s_own_with_a_long_name_keeps_monitoring_to_80_columns(
    tmp_path: Path, stayed: bool
) -> None:
    # The heading of its stays was one line of the name's length.
    name = "The Extraordinarily Long Named Constabulary of the Northern Isles and Far Shores"
    force = f"{{id: atlantis, official_name: Atlantis Police, short_name: {name}, gss_code: E23999999, country: England, region: North East}}"
    text = f"reports:\n  - force: {force}\n    cycle: 2016\n    grade: good\n"
    if stayed:
        text += f"monitoring:\n  - force: {force}\n    entered: 2020\n"
    (tmp_path / "atlantis.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("--data", str(tmp_path), "-q", "monitoring", "--force", "atlantis")
    assert code == 0
    assert name in " ".join(out.split())
    assert max(map(len, out.splitlines())) <= 80


def test_forces_with_files_of_yours_lists_their_forces_of_their_own_too(tmp_path: Path) -> None:
    # forces read no --data: a force of yours was in the export's table of
    # forces and not in forces, and a file that was not there went unsaid.
    mine = tmp_path / "atlantis.yaml"
    mine.write_text(atlantis(), encoding="utf-8")
    code, out, _ = run("--data", str(mine), "forces", "--format", "csv")
    assert code == 0
    listed = [r["id"] for r in rows(out)]
    assert "atlantis" in listed
    assert len(listed) == 44
    assert listed == sorted(listed)
    code, out, _ = run("--data", str(mine), "forces")
    assert "A force not of the 43 (a force of your own) is not the library's registry's" in " ".join(
        out.split()
    )
    code, out, _ = run("forces")
    assert "a force of your own" not in " ".join(out.split())
    code, out, _ = run("forces", "--format", "csv")
    assert (code, len(rows(out))) == (0, 43)
    code, out, err = run("--data", str(tmp_path / "none.yaml"), "forces")
    assert (code, out) == (1, "")
    assert "no such file or folder" in err


@pytest.mark.parametrize("wrong", ["own-1", "Own", "own_force", "-own", "own--force"])
def test_a_force_id_refused_says_what_an_id_is_made_of(wrong: str) -> None:
    # "own-1" was "not a force id (lower case, hyphens)": lower case, with a hyphen.
    with pytest.raises(pe.PeelDataError) as e:
        attrs.evolve(pe.find_force("kent"), id=wrong)
    assert str(e.value) == f"id: {wrong!r} is not a force id (words of the letters a to z, joined by hyphens)"


def test_coverage_says_a_pillar_the_43_lack_is_unknown_where_its_rows_are_shown(tmp_path: Path) -> None:
    # A 2016 efficiency report of your own gave coverage its efficiency row
    # (43 unknown), under a line saying those judgments were left out.
    mine = tmp_path / "own.yaml"
    mine.write_text(
        f"force: {figures.OWN_FORCE}\ncycle: 2016\npillar: efficiency\ngrade: good\n", encoding="utf-8"
    )
    code, out, err = run("-q", "--data", str(mine), "coverage", "--cycle", "2016")
    assert code == 0, err
    said = " ".join(out.split())
    assert "2016 efficiency: overall 0 0 43" in said
    assert (
        "The data hold no 2016 legitimacy reports: its judgments are left out (unknown for every force). "
        "The data hold no 2016 efficiency reports on the 43 forces: its judgments are unknown for each of them."
    ) in said
