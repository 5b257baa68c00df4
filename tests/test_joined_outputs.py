"""Outputs a newsroom can trust and join (#21): grades never dropped,
sources said as they are, tables that join, SQLite.

Each bullet has a command-line test and a Python test, numbered after it;
each fails on the code as the issue was filed (ddcf9b0) and on main before
this work (33824bb). The detailed tests of each part are in test_tables
(the tables, their keys, SQLite) and test_sources.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import peel_effectiveness as pe
from clirun import rows, run
from peel_effectiveness.analysis._standing import judged


@pytest.fixture(scope="module")
def data() -> pe.Dataset:
    return pe.load_bundled()


# --- 1. Grades never dropped ---------------------------------------------------


@pytest.mark.parametrize("cycle", ["2023-25", "2021/22"])
def test_1_cli_national_keeps_every_grade_where_the_change_is_not_comparable(cycle: str) -> None:
    code, out, _ = run("national", "--cycle", cycle, "--question", "investigating", "--format", "csv")
    assert code == 0
    table = rows(out)
    assert len(table) == 43
    assert {r["change"] for r in table} == {"not comparable"}
    _, text, _ = run("national", "--cycle", cycle, "--question", "investigating")
    judged = int(text.split(": ", 1)[1].split(" of the 43")[0])
    # Every force judged in the text view has its grade (or why none) in the rows.
    assert sum(bool(r["grade"] or r["no_grade"]) for r in table) == judged > 25
    if cycle == "2023-25":
        cumbria = next(r for r in table if r["force"] == "cumbria")
        assert (cumbria["grade"], cumbria["previous_cycle"]) == ("good", "2021/22")
        # And the earlier cycle's grade, where the data have it.
        assert sum(bool(r["previous_grade"]) for r in table) > 25


def test_1_the_judgments_table_gives_the_previous_grade_national_gives_across_frameworks(
    data: pe.Dataset,
) -> None:
    # The judgments table left every 2023-25 area's previous grade empty
    # (184 rows), which its docs read as unknown, while national gave it.
    code, out, _ = run("national", "--cycle", "2023-25", "--question", "investigating", "--format", "csv")
    national = {r["force"]: (r["previous_grade"], r["previous_no_grade"]) for r in rows(out)}
    code, out, _ = run("export", "--table", "judgments", "--cycle", "2023-25")
    table = {
        r["force"]: (r["previous_grade"], r["previous_no_grade"])
        for r in rows(out)
        if r["question"] == "investigating"
    }
    assert code == 0
    assert table == {f: g for f, g in national.items() if f in table}
    assert sum(bool(g) for g, _ in table.values()) > 25
    python = [
        r
        for r in pe.to_records(data, "judgments")
        if r["cycle"] == "2023-25" and r["question"] == "investigating"
    ]
    assert {r["force"]: (r["previous_grade"] or "", r["previous_no_grade"] or "") for r in python} == table
    # A report of 2021/22 alone, with the 2018/19 grade it states (a pillar
    # cycle: no report in the data is the area's), keeps that grade.
    alone = pe.loads(
        "force: kent\ncycle: 2021/22\nassessments:\n  - {question: investigating, grade: good, previous_grade: inadequate}\n"
    )
    (row,) = [r for r in pe.to_records(alone, "judgments") if r["question"] == "investigating"]
    assert (row["grade"], row["previous_grade"]) == ("good", "inadequate")
    # And national gives the same, beside its change "not comparable".
    t = pe.transitions(alone, "2018/19", "2021/22", "investigating")
    assert [
        (x.force.id, str(x.before), x.change.direction.value) for x in t.not_comparable if x.after is not None
    ] == [("kent", "Inadequate", "not comparable")]


def test_1_python_transitions_keep_both_cycles_grades(data: pe.Dataset) -> None:
    t = pe.transitions(data, "2021/22", "2023-25", "investigating")
    dist = pe.analysis.grade_distribution(data, "2023-25", "investigating")
    after = {x.force.id: x.after for x in t.not_comparable}
    for grade, forces in dist.forces_by_grade:
        assert all(after[f.id] is grade for f in forces)
    assert sum(isinstance(g, pe.Grade) for g in after.values()) == dist.graded
    records = pe.to_records(t)
    assert sum(r["grade"] is not None for r in records) == dist.graded
    assert sum(r["previous_grade"] is not None for r in records) > 25
    # Across 2018/19 -> 2021/22 the later cycle has no overall grade: nothing is invented.
    across = pe.transitions(data, "2018/19", "2021/22")
    assert all(x.after is None for x in across.not_comparable)
    assert sum(x.before is not None for x in across.not_comparable) == 43
    pd = pytest.importorskip("pandas")
    df = pe.to_dataframe(t)
    assert int(df.grade.notna().sum()) == dist.graded
    assert not pd.isna(df.set_index("force").loc["cumbria", "grade"])


# --- 2. Sources said as they are ----------------------------------------------


def test_2_cli_show_names_the_publisher_the_compiler_and_each_grades_source(tmp_path: Path) -> None:
    code, out, _ = run("show", "cumbria", "--cycle", "2023-25")
    assert code == 0
    assert "by peel_effectiveness" not in out.split("Source:")[0]  # the library publishes no report
    heading = " ".join(out.split("\n\n")[0].split())
    assert "PEEL 2023-25, published 23 July 2024 by HMICFRS" in heading  # the publisher of the report
    assert "grades compiled by peel_effectiveness" in heading  # and the compiler of its data
    assert "Sources: HMIC/HMICFRS (1), news and other sources (3)" in heading
    lines = out.splitlines()
    for area in ("Providing a service to victims of crime", "Investigating crime"):
        at = next(i for i, line in enumerate(lines) if line.strip().startswith(area))
        # Its sources below it, after its note where it has one.
        below = [line.strip() for line in lines[at + 1 : at + 4]]
        assert any(x.startswith(("HMIC/HMICFRS: ", "news and other sources: ")) for x in below), area
    assert max(map(len, lines)) <= 80
    _, out, _ = run("show", "cumbria", "--cycle", "2016")
    assert "published 2 March 2017 by HMIC" in out  # a report HMIC published says so
    pytest.importorskip("matplotlib")
    svg = tmp_path / "grades.svg"
    assert run("plot", "grades", "--cycle", "2023-25", "--output", str(svg))[0] == 0
    text = " ".join(svg.read_text(encoding="utf-8").split())
    assert "force reports" not in text
    assert "Sources: HMIC/HMICFRS (50), police and crime commissioners (28)" in text  # 8 by the framework


def test_2_python_one_description_of_the_sources_for_headings_and_charts(data: pe.Dataset) -> None:
    from urllib.parse import urlsplit

    reports = data.for_cycle("2023-25")
    described = pe.analysis.describe_sources(reports)
    judgments = [j for r in reports for _, _, j in judged(r) if j is not None]
    assert described.total == len(judgments) == 328  # 8 forces' victim service by the framework
    hmicfrs = sum(
        any((urlsplit(s).hostname or "").endswith("justiceinspectorates.gov.uk") for s in j.sources)
        for j in judgments
    )
    counts = dict(described.counts)
    assert counts[pe.analysis.SourceKind.HMICFRS] == hmicfrs == 50  # 8 of them the framework
    assert counts[pe.analysis.SourceKind.OTHER] > 200
    assert str(described).startswith("Sources: HMIC/HMICFRS (50), police and crime commissioners (28), ")
    pytest.importorskip("matplotlib")

    def words(fig: object) -> str:
        return " ".join(" ".join(t.get_text() for t in fig.texts).split())  # type: ignore[attr-defined]

    assert str(described) in words(pe.output.plot_grades(data, "2023-25"))
    assert str(pe.analysis.describe_sources(data.for_force("kent"))) in words(
        pe.output.plot_history(data, "kent")
    )
    fig = pe.output.plot_rank(data, "ocg_rate", 2016, min_forces=1)  # the one force with the figure
    assert str(pe.analysis.describe_sources(data.for_cycle(2016), "ocg_rate")) in words(fig)


# --- 3. Tables that join ---------------------------------------------------------


# The forces table's columns, as every output of it has them.
FORCES = ["id", "official_name", "short_name", "gss_code", "region", "country", "sources"]


def test_3_cli_a_forces_table_every_force_column_joins_to_and_one_meaning_of_a_name() -> None:
    code, out, _ = run("export", "--table", "forces", "--format", "csv")
    assert code == 0
    forces = rows(out)
    assert list(forces[0]) == FORCES
    # Where the names and codes come from, in each row (a CSV has no footer).
    assert all(f["sources"].split("\n") == list(pe.find_force(f["id"]).sources) for f in forces)
    assert len(forces) == 43
    cumbria = next(f for f in forces if f["id"] == "cumbria")
    assert (cumbria["official_name"], cumbria["gss_code"], cumbria["region"]) == (
        "Cumbria Constabulary",
        "E23000002",
        "North West",
    )
    ids = {f["id"] for f in forces}
    for args in (
        ("export", "--table", "judgments"),
        ("export", "--table", "monitoring"),
        ("export", "--table", "grid"),
        ("national", "--cycle", "2016"),
        ("list",),
    ):
        code, out, _ = run(*args, "--format", "csv")
        assert code == 0, args
        table = rows(out)
        assert table, args
        assert {r["force"] for r in table} <= ids, args
        assert "name" not in table[0], args  # short_name or official_name, never a bare name
    _, national, _ = run("national", "--cycle", "2016", "--format", "csv")
    _, listed, _ = run("list", "--cycle", "2016", "--format", "csv")
    short = {f["id"]: f["short_name"] for f in forces}
    assert all(r["short_name"] == short[r["force"]] for r in rows(national) + rows(listed))


def test_3_cli_the_grid_and_the_stays_in_engage() -> None:
    code, out, _ = run("export", "--table", "grid", "--cycle", "2023-25", "--format", "csv")
    assert code == 0
    grid = rows(out)
    assert len(grid) == 43
    assert list(grid[0])[:3] == ["force", "short_name", "cycle"]
    assert {"investigating", "responding", "victim_service"} <= set(grid[0])
    _, national, _ = run("national", "--cycle", "2023-25", "--question", "investigating", "--format", "csv")
    by_force = {r["force"]: r["grade"] or r["no_grade"] or "unknown" for r in rows(national)}
    assert {r["force"]: r["investigating"] for r in grid} == by_force
    _, out, _ = run("export", "--table", "grid", "--format", "csv")
    every = rows(out)
    assert {r["cycle"] for r in every} == {"2015", "2016", "2017", "2018/19", "2021/22", "2023-25"}
    assert len({(r["force"], r["cycle"]) for r in every}) == len(every)
    code, out, _ = run("export", "--table", "monitoring", "--format", "csv")
    assert code == 0
    stays = rows(out)
    assert list(stays[0]) == [
        "force",
        "entered",
        "entered_precision",
        "left",
        "left_precision",
        "still_in",
        "data_end",
        "data_end_precision",
        "reason",
        "note",
        "entered_sources",
        "left_sources",
    ]
    cleveland = next(s for s in stays if s["force"] == "cleveland")
    assert (cleveland["entered"], cleveland["entered_precision"]) == ("2019-04-01", "month")
    assert (cleveland["left"], cleveland["still_in"]) == ("2023-09-20", "False")
    # still_in holds as far as the data go: every row says how far, as monitoring's rows do.
    reach = pe.analysis.latest_dated(pe.load_bundled())
    assert {(s["data_end"], s["data_end_precision"]) for s in stays} == {
        (str(reach.day), reach.precision.value)
    }
    _, out, _ = run("monitoring", "--format", "csv")
    assert {(r["data_end"], r["data_end_precision"]) for r in rows(out)} == {
        (str(reach.day), reach.precision.value)
    }
    _, out, _ = run("monitoring", "--force", "cleveland", "--format", "csv")
    assert {r["data_end"] for r in rows(out)} == {str(reach.day)}
    # In Python: of the stays given, the latest move of data's stays; not
    # known of stays given alone (a force's own said its last move).
    data = pe.load_bundled()
    of_one = data.stays_of("cleveland")
    assert {r["data_end"] for r in pe.to_records(of_one, "monitoring", data=data)} == {reach.day}
    assert {(r["data_end"], r["data_end_precision"]) for r in pe.to_records(of_one, "monitoring")} == {
        (None, None)
    }
    # Not the stays of the data given: refused, not given that data's reach.
    mine = pe.model.Stay(force="essex", entered="2029-06")
    with pytest.raises(pe.PeelDataError, match="not all stays of data"):
        pe.to_records([mine], "monitoring", data=data)


def test_3_python_every_result_becomes_a_frame_or_says_what_does(data: pe.Dataset) -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    results = {
        "history": pe.history(data, "cumbria"),
        "distributions": pe.analysis.grade_distributions(data, "2023-25"),
        "forces": pe.forces(),
        "transitions": pe.transitions(data, 2015, 2016),
        "ranking": pe.rank_forces(data, "ocg_rate", 2016, min_forces=1),
        "coverage": pe.analysis.coverage(data),
        "stays": data.stays,
    }
    for name, result in results.items():
        records = pe.to_records(result)
        frame = pe.to_dataframe(result)
        polars = pe.output.to_polars(result)
        assert len(records) == len(frame) == polars.height > 0, name
        assert list(frame.columns) == polars.columns == list(records[0]), name
    history = pe.to_dataframe(results["history"])
    assert set(history.force) == {"cumbria"}
    latest = history[history.cycle == "2023-25"].set_index("question")
    assert latest.loc["investigating", "grade"] == "good"
    assert len(pe.to_dataframe(results["distributions"])) == 43 * len(results["distributions"])
    assert isinstance(pe.to_dataframe(results["forces"]), pd.DataFrame)
    assert isinstance(polars, pl.DataFrame)
    # What is not a table says what is.
    for wrong in (pe.analysis.position(data, "cumbria", 2016), pe.compare(1.0, 2.0), "cumbria"):
        for fn in (pe.to_records, pe.to_dataframe, pe.output.to_polars):
            with pytest.raises(TypeError, match=r"takes a Dataset, an InspectionReport or reports, forces"):
                fn(wrong)


def test_3_python_forces_grid_and_stays_in_every_frame(data: pe.Dataset) -> None:
    pytest.importorskip("pandas")
    forces = pe.to_dataframe(data, "forces")
    assert list(forces.columns) == FORCES
    judgments = pe.to_dataframe(data, "judgments")
    joined = judgments.merge(forces, left_on="force", right_on="id", how="left", validate="many_to_one")
    assert joined.gss_code.notna().all()
    grid = pe.output.to_polars(data, "grid")
    assert grid.height == len({r.force.id for r in data}) * len(
        data.cycles
    )  # a force with no report of a cycle too
    cells = set(grid["victim_service"].drop_nulls().cast(str).to_list())
    assert {"adequate", "not graded"} <= cells <= set(pe.output.columns.vocabulary("judgment"))
    stays = pe.to_dataframe(data, "monitoring")
    assert str(stays.still_in.dtype) == "boolean"
    assert len(stays) == len(data.stays)


# --- 4. SQLite ------------------------------------------------------------------


def _national_counts(cycle: str) -> dict[tuple[str, str], int]:
    """(area, grade or reason) -> forces, as 'national --format csv' counts them."""
    _, out, _ = run("national", "--cycle", cycle, "--format", "csv")
    counts: dict[tuple[str, str], int] = {}
    for r in rows(out):
        # Each grade, each reason for no grade, then "unknown" (not "inferred",
        # a part of the grades', nor "sources").
        for column in [c for c in list(r)[4:] if c not in ("inferred", "sources")]:
            if int(r[column]):
                counts[(r["question"], column)] = int(r[column])
    return counts


def test_4_cli_sqlite_joins_judgments_to_forces_as_national_counts(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "peel.db"
    code, out, err = run("export", "--format", "sqlite", "-o", str(path))
    assert (code, out, err) == (0, "", f"wrote {path}\n")
    db = sqlite3.connect(path)
    try:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"forces", "measurements", "judgments", "outcomes", "grid", "monitoring"} <= tables
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        found = db.execute(
            """SELECT j.question, COALESCE(j.grade, j.no_grade), COUNT(DISTINCT f.id)
               FROM judgments AS j JOIN forces AS f ON f.id = j.force
               WHERE j.cycle = '2023-25' GROUP BY 1, 2"""
        ).fetchall()
        missing = db.execute(
            """SELECT q.question, COUNT(*) FROM forces AS f
               CROSS JOIN (SELECT DISTINCT question FROM judgments WHERE cycle = '2023-25') AS q
               LEFT JOIN judgments AS j ON j.force = f.id AND j.cycle = '2023-25' AND j.question = q.question
               WHERE j.force IS NULL GROUP BY 1"""
        ).fetchall()
    finally:
        db.close()
    # national's columns are the words with underscores, as coverage's are.
    counts = {(q, g.replace(" ", "_")): n for q, g, n in found} | {(q, "unknown"): n for q, n in missing}
    assert counts == _national_counts("2023-25")
    assert sum(n for (_, g), n in counts.items() if g == "good") > 50


def test_4_python_sqlite_has_types_keys_and_the_forces_foreign_key(tmp_path: Path, data: pe.Dataset) -> None:
    import sqlite3

    path = pe.output.write_sqlite(data, tmp_path / "peel.db")
    db = sqlite3.connect(path)
    try:
        columns = {name: (kind, pk) for _, name, kind, _, _, pk in db.execute("PRAGMA table_info(grid)")}
        assert (columns["force"], columns["cycle"][1]) == (("TEXT", 1), 2)
        # A key that may have an empty column (an integrated cycle's pillar)
        # is no primary key, which SQL never lets be empty: its unique index.
        for table in pe.output.columns.DATA_TABLES:
            key = pe.output.columns.KEYS[table]
            pk = [
                name
                for _, name, _, _, _, n in sorted(
                    db.execute(f'PRAGMA table_info("{table}")'), key=lambda r: r[5]
                )
                if n
            ]
            assert pk == ([] if set(key) & pe.output.columns.EMPTY_IN_KEYS else list(key)), table
            empty = " OR ".join(f'"{c}" IS NULL' for c in pk)
            assert not pk or db.execute(f'SELECT COUNT(*) FROM "{table}" WHERE {empty}').fetchone() == (0,)
            assert (f"{table}_key", 1) in [(r[1], r[2]) for r in db.execute(f'PRAGMA index_list("{table}")')]
        assert db.execute("SELECT COUNT(*) FROM judgments WHERE pillar IS NULL").fetchone()[0] > 0
        with pytest.raises(sqlite3.IntegrityError):  # the index holds a key with an empty column to one row
            db.execute(
                "INSERT INTO judgments (force, cycle, question) SELECT force, cycle, question FROM judgments "
                "WHERE pillar IS NULL LIMIT 1"
            )
        db.rollback()  # (foreign_keys cannot be switched on inside the transaction it began)
        assert db.execute("PRAGMA table_info(measurements)").fetchall()[7][1:3] == ("value", "REAL")
        assert [tuple(r[2:5]) for r in db.execute("PRAGMA foreign_key_list(grid)")] == [
            ("forces", "force", "id")
        ]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        db.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                "INSERT INTO judgments (force, cycle, question) VALUES ('atlantis', '2016', 'overall')"
            )
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                "INSERT INTO judgments (force, cycle, question, grade) VALUES ('kent', '2016', 'x', 'goood')"
            )
        dist = pe.analysis.grade_distribution(data, "2023-25", "investigating")
        (graded,) = db.execute(
            "SELECT COUNT(*) FROM grid JOIN forces ON forces.id = grid.force "
            "WHERE grid.cycle = '2023-25' AND grid.investigating IN "
            "('outstanding', 'good', 'adequate', 'requires improvement', 'inadequate')"
        ).fetchone()
        assert graded == dist.graded
    finally:
        db.close()


def test_4_datasette_reads_it(tmp_path: Path, data: pe.Dataset) -> None:
    import asyncio

    datasette_app = pytest.importorskip("datasette.app")
    path = pe.output.write_sqlite(data, tmp_path / "peel.db")
    ds = datasette_app.Datasette([path])

    async def get(url: str, **params: str) -> object:
        response = await ds.client.get(url, params=params)
        assert response.status_code == 200, response.text
        return response.json()

    sql = (
        "select f.short_name, j.grade from judgments j join forces f on f.id = j.force "
        "where j.cycle = '2016' and j.question = 'overall' and f.region = 'North West' order by 1"
    )
    found = asyncio.run(get("/peel.json", sql=sql, _shape="array"))
    assert found == [
        {"short_name": name, "grade": data.report(name, 2016).judgment.grade.value}
        for name in ("Cheshire", "Cumbria", "Greater Manchester", "Lancashire", "Merseyside")
    ]
    forces = asyncio.run(get("/peel/forces.json", _shape="array", _size="max"))
    assert len(forces) == 43
