"""The tables join (#21): the forces table, the grid, the stays in Engage,
the analysis' results as tables, keys, and the SQLite database."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import attrs
import pytest

import peel_effectiveness as pe
from clirun import rows, run
from peel_effectiveness.output.columns import COLUMNS, DATA_TABLES, KEYS, references
from peel_effectiveness.output.records import tidy


@pytest.fixture(scope="module")
def data() -> pe.Dataset:
    return pe.load_bundled()


def test_every_table_declares_a_key_of_its_own_columns_and_no_bare_name() -> None:
    assert set(KEYS) == set(COLUMNS)
    for table, columns in COLUMNS.items():
        names = [c.name for c in columns]
        assert len(set(names)) == len(names), table
        assert "name" not in names, table
        if table != "grid":  # the grid's judgment columns follow its first ones
            assert set(KEYS[table]) <= set(names), table
        assert [c.name for c in columns if references(c)] == (["force"] if "force" in names else [])


@pytest.mark.parametrize("table", DATA_TABLES)
def test_every_force_of_every_table_is_in_the_forces_table(data: pe.Dataset, table: str) -> None:
    ids = {r["id"] for r in pe.to_records(data, "forces")}
    name, columns, rows = tidy(data, table)
    assert name == table
    assert rows
    assert all(list(r) == [c.name for c in columns] for r in rows)
    if table != "forces":
        assert {r["force"] for r in rows} <= ids
    keys = [tuple(r[k] for k in KEYS[table]) for r in rows]
    assert len(set(keys)) == len(keys), f"{table}: a key names two rows"


def test_the_grid_holds_every_judgment_once(data: pe.Dataset) -> None:
    _, columns, grid = tidy(data, "grid")
    every = {(r["force"], r["cycle"], c.name): r[c.name] for r in grid for c in columns[3:-2]}
    cells = {at: cell for at, cell in every.items() if cell not in (None, "unknown")}
    judgments = pe.to_records(data, "judgments")
    assert len(cells) == len(judgments)
    # A judgment the cycle asks and the data lack is unknown; one it does
    # not ask is empty (both were empty).
    assert every[("cumbria", "2015", "q2_investigate")] == "unknown"
    assert every[("cumbria", "2015", "efficiency_overall")] == "unknown"
    assert every[("cumbria", "2015", "q5_specialist")] is None
    assert every[("cumbria", "2015", "investigating")] is None
    assert every[("cumbria", "2023-25", "q1_prevent")] is None
    assert every[("cumbria", "2023-25", "effectiveness_overall")] is None
    assert {"effectiveness_overall", "efficiency_overall", "legitimacy_overall"} <= {c.name for c in columns}
    sources: dict[tuple[str, str], set[str]] = {}
    for r in judgments:
        column = f"{r['pillar']}_overall" if r["question"] == "overall" else r["question"]
        assert cells[(r["force"], r["cycle"], column)] == (r["grade"] or r["no_grade"])
        sources.setdefault((r["force"], r["cycle"]), set()).update((r["sources"] or "").split("\n"))
    assert all(c.kind == "judgment" for c in columns[3:-2])
    # Each row says where its grades come from: its judgments' sources, as the judgments table has them.
    assert [c.name for c in columns[-2:]] == ["sources", "caveats"]
    for r in grid:  # a row of no report (a force the data hold nothing of that cycle) has none
        assert set((r["sources"] or "").split("\n")) == sources.get((r["force"], r["cycle"]), {""})
    one = tidy(data.for_cycle("2016"), "grid")
    assert [c.name for c in one[1][3:-2]] == [
        "effectiveness_overall",
        "q1_prevent",
        "q2_investigate",
        "q3_vulnerable",
        "q4_soc",
        "q5_specialist",
    ]
    assert len(one[2]) == 43


def test_the_monitoring_table_is_the_stays(data: pe.Dataset) -> None:
    rows = pe.to_records(data, "monitoring")
    # The stays' rows, with how far the data go (data_end), which the stays alone cannot say.
    assert rows == pe.to_records(data.stays, data=data)
    assert [{**r, "data_end": None, "data_end_precision": None} for r in rows] == pe.to_records(data.stays)
    assert len(rows) == len(data.stays)
    still = [r["force"] for r in rows if r["still_in"]]
    assert still == [s.force.id for s in data.stays if s.left is None]
    assert all(r["entered_sources"] for r in rows)
    assert all(r["left_sources"] or r["still_in"] for r in rows)
    assert {r["entered_precision"] for r in rows} | {r["left_precision"] for r in rows if r["left"]} <= {
        p.value for p in pe.model.monitoring.Precision
    }
    # Of reports, the stays of their forces in data; without data, a clear error.
    kent = data.for_force("cleveland")
    assert {r["force"] for r in pe.to_records(kent, "monitoring", data=data)} == {"cleveland"}
    with pytest.raises(ValueError, match="needs the stays in Engage"):
        pe.to_records(kent, "monitoring")


def test_the_other_grades_table_holds_every_other_grade_keyed_as_its_judgment(
    data: pe.Dataset, tmp_path: Path
) -> None:
    rows = pe.to_records(data, "other_grades")
    judgments = {
        (r["force"], r["cycle"], r["pillar"], r["question"]) for r in pe.to_records(data, "judgments")
    }
    assert {(r["force"], r["cycle"], r["pillar"], r["question"]) for r in rows} <= judgments
    every = [
        o
        for r in data
        for j in [r.judgment, *(a.judgment for a in r.assessments)]
        if j
        for o in j.other_grades
    ]
    assert len(rows) == len(every) >= 2
    revised = next(r for r in rows if r["force"] == "northamptonshire")
    assert {k: revised[k] for k in ("cycle", "question", "n", "grade", "kind")} == {
        "cycle": "2023-25",
        "question": "responding",
        "n": 1,
        "grade": "adequate",
        "kind": "superseded",
    }
    assert (revised["published"], revised["superseded_on"]) == (dt.date(2024, 2, 16), dt.date(2024, 8, 8))
    assert "\n" in revised["sources"]  # each source, one a line
    # In every export: the data package and the SQLite database too.
    db = sqlite3.connect(pe.output.write_sqlite(data, tmp_path / "peel.db"))
    try:
        found = db.execute(
            "SELECT o.grade, j.grade FROM other_grades o JOIN judgments j USING (force, cycle, question) "
            "WHERE o.force = 'northamptonshire'"
        ).fetchall()
    finally:
        db.close()
    assert found == [("adequate", "requires improvement")]


def test_a_result_gives_only_its_own_table(data: pe.Dataset) -> None:
    with pytest.raises(ValueError, match=r"the table of forces \(forces\(\)\) is 'forces', not 'judgments'"):
        pe.to_records(pe.forces(), "judgments")
    with pytest.raises(ValueError, match="national rows come from"):
        pe.to_records(data, "national")
    with pytest.raises(TypeError, match="not grade distributions mixed with others: item 1 is a Ranking"):
        pe.to_records(
            [pe.analysis.grade_distribution(data, 2016), pe.rank_forces(data, "ocg_rate", 2016, min_forces=1)]
        )
    with pytest.raises(TypeError, match="not a dict"):
        pe.to_records(pe.analysis.bands({f: float(i) for i, f in enumerate(pe.forces())}))
    with pytest.raises(TypeError, match="not an InEngage"):
        pe.to_dataframe(pe.analysis.in_engage(data, "2023-01-01"))
    assert pe.to_records([], "judgments") == []
    assert pe.to_records(pe.forces()[0]) == pe.to_records(pe.forces())[:1]


def test_the_export_command_writes_the_new_tables_and_refuses_sqlite_without_a_file(tmp_path: Path) -> None:
    code, out, _ = run("export", "--table", "forces", "--force", "kent", "--format", "json")
    assert code == 0
    assert len(json.loads(out)) == 43  # the table to join to, whole
    code, _, err = run("export", "--format", "sqlite")
    assert code == 2
    assert "--output FILE" in err
    code, _, err = run("export", "--format", "sqlite", "--table", "judgments", "-o", str(tmp_path / "x.db"))
    assert code == 2
    assert not (tmp_path / "x.db").exists()
    path = tmp_path / "kent.db"
    assert run("-q", "export", "--format", "sqlite", "--force", "kent", "-o", str(path))[:3] == (0, "", "")
    db = sqlite3.connect(path)
    try:
        assert db.execute("SELECT COUNT(*) FROM forces").fetchone() == (43,)
        assert db.execute("SELECT DISTINCT force FROM judgments").fetchall() == [("kent",)]
        assert db.execute("SELECT COUNT(*) FROM monitoring WHERE force != 'kent'").fetchone() == (0,)
    finally:
        db.close()


def test_an_sqlite_file_is_replaced_whole_or_left_as_it_was(
    tmp_path: Path, data: pe.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = Path(pe.output.write_sqlite(data.for_force("kent"), tmp_path / "peel.db", ["judgments"]))
    path.chmod(0o640)
    precious = path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", fail)
        with pytest.raises(OSError, match="disk full"):
            pe.output.write_sqlite(data, path)
    assert path.read_bytes() == precious
    assert [p.name for p in tmp_path.iterdir()] == ["peel.db"]
    pe.output.write_sqlite(data, path)
    assert path.stat().st_mode & 0o777 == 0o640
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


def test_a_database_holding_more_than_an_export_is_not_replaced(tmp_path: Path, data: pe.Dataset) -> None:
    # export -o work.db replaced an analyst's database whole, tables of
    # their own and all, and said nothing.
    work = tmp_path / "work.db"
    db = sqlite3.connect(work)
    db.execute("CREATE TABLE mine (x)")
    db.execute("CREATE VIEW mine_too AS SELECT x FROM mine")
    db.commit()
    db.close()
    before = work.read_bytes()
    with pytest.raises(FileExistsError, match=r"holds more than an export \(mine, mine_too\)"):
        pe.output.write_sqlite(data, work)
    assert work.read_bytes() == before
    code, _, err = run("export", "--format", "sqlite", "-o", str(work))
    assert code == 1
    assert "name a new file" in err
    assert work.read_bytes() == before
    # An export's own database is replaced, as is an empty file; a file of
    # your own that is no SQLite database is not (".db" names many kinds of
    # database, and notes were replaced without a word), nor one that cannot
    # be read.
    ours = pe.output.write_sqlite(data.for_force("kent"), tmp_path / "ours.db", ["judgments"])
    pe.output.write_sqlite(data, ours)
    text = tmp_path / "text.db"
    text.write_text("notes")
    with pytest.raises(FileExistsError, match="a file of your own, not an SQLite database"):
        pe.output.write_sqlite(data, text)
    assert text.read_text() == "notes"
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    pe.output.write_sqlite(data, empty)
    assert empty.read_bytes().startswith(b"SQLite format 3\x00")
    settings = tmp_path / "settings.db"  # a database of no tables, but someone's
    db = sqlite3.connect(settings)
    db.execute("PRAGMA user_version = 1")
    db.close()
    before = settings.read_bytes()
    with pytest.raises(FileExistsError, match="not an export of this library's"):
        pe.output.write_sqlite(data, settings)
    assert settings.read_bytes() == before
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 100)
    with pytest.raises(FileExistsError, match="a database that cannot be read"):
        pe.output.write_sqlite(data, broken)
    # Not by name alone: a table of an export's name that no export made,
    # a view or trigger under an export's table's name, are the user's.
    for i, sql in enumerate(
        [
            "CREATE TABLE history (url, visited)",
            "CREATE TABLE judgments (x)",
            "CREATE VIEW coverage AS SELECT 1",
        ]
    ):
        theirs = tmp_path / f"theirs{i}.db"
        db = sqlite3.connect(theirs)
        db.execute(sql)
        db.close()
        with pytest.raises(FileExistsError, match="name a new file"):
            pe.output.write_sqlite(data, theirs)
    mine = sqlite3.connect(ours)
    mine.execute("CREATE TRIGGER about AFTER INSERT ON forces BEGIN SELECT 1; END")
    mine.commit()
    mine.close()
    with pytest.raises(FileExistsError, match=r"holds more than an export \(about\)"):
        pe.output.write_sqlite(data, ours)
    # A database in use, whose changes are in its -wal file, is not replaced
    # (it was, and read with them was malformed); the check makes no file beside it.
    wal = pe.output.write_sqlite(data.for_force("kent"), tmp_path / "wal.db", ["judgments"])
    held = sqlite3.connect(wal)
    held.execute("PRAGMA journal_mode=wal")
    held.execute("UPDATE judgments SET note = 'x'")
    held.commit()
    try:
        with pytest.raises(
            FileExistsError, match=r"changes not yet written into it, or is open \(wal.db-wal\)"
        ):
            pe.output.write_sqlite(data, wal)
    finally:
        held.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    pe.output.write_sqlite(data, wal)  # closed: written into it, and replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == files


def test_a_database_is_never_written_to_standard_output_nor_read_from_a_pipe(
    tmp_path: Path, data: pe.Dataset
) -> None:
    # "-o /dev/stdout | cat" waited for ever (the check of what the file
    # holds read the process's own pipe), and "-o /dev/stdout >> app.db"
    # replaced app.db whole: standard output is refused it, as "-o -" is.
    import subprocess
    import sys

    me = [sys.executable, "-m", "peel_effectiveness", "-q", "export", "--format", "sqlite"]
    piped = subprocess.run([*me, "-o", "/dev/stdout"], capture_output=True, check=False, timeout=120)
    assert piped.returncode == 2
    assert (
        b"--output /dev/stdout is standard output: a database is written to a file of its own" in piped.stderr
    )
    app = tmp_path / "app.db"
    app.write_text("KEEP\n")
    with app.open("a") as appended:
        child = subprocess.run(
            [*me, "-o", "/dev/stdout"], stdout=appended, stderr=subprocess.PIPE, check=False, timeout=120
        )
    assert child.returncode == 2
    with app.open("a") as appended:  # named as the file standard output is, its format by its suffix
        child = subprocess.run(
            [*me[:-2], "-o", str(app)], stdout=appended, stderr=subprocess.PIPE, check=False, timeout=120
        )
    assert child.returncode == 2
    assert app.read_text() == "KEEP\n"
    # A named pipe is written as it is, not read first.
    fifo = tmp_path / "f.db"
    os.mkfifo(fifo)
    copy = tmp_path / "copy.db"
    with copy.open("wb") as into:  # read as it comes (a pipe of its own would fill)
        reader = subprocess.Popen(["cat", str(fifo)], stdout=into)
        written = subprocess.run([*me, "-o", str(fifo)], capture_output=True, check=False, timeout=60)
        reader.wait(timeout=60)
    assert written.returncode == 0
    assert copy.read_bytes().startswith(b"SQLite format 3\x00")


@pytest.mark.parametrize(
    ("name", "ended"),
    [
        ("SIGINT", (130, b"peel-effectiveness: interrupted\n")),
        ("SIGTERM", (-15, b"")),  # ended by the signal, as it asked
        ("SIGHUP", (-1, b"")),
    ],
)
def test_a_stop_while_a_database_is_built_leaves_nothing_behind(
    tmp_path: Path, name: str, ended: tuple[int, bytes]
) -> None:
    # The database was built with interrupts held back: Ctrl-C was swallowed
    # (exit 0, the file written), and a named pipe no one read held the
    # process deaf to Ctrl-C and SIGTERM for good. Then kill's SIGTERM and a
    # closed terminal's SIGHUP ended the process at once, its database half
    # built in a temporary folder left behind.
    import signal
    import subprocess
    import sys
    import time

    spare = tmp_path / "tmp"
    spare.mkdir()
    fifo = tmp_path / "f.db"
    os.mkfifo(fifo)
    child = subprocess.Popen(
        [sys.executable, "-m", "peel_effectiveness", "export", "--format", "sqlite", "-o", str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(spare)},
    )
    time.sleep(3)  # built, and waiting for a reader of the pipe
    child.send_signal(getattr(signal, name))
    try:
        _, err = child.communicate(timeout=60)
    finally:
        child.kill()  # deaf to the signal, it would wait for a reader for ever
    assert (child.returncode, err) == ended
    assert list(spare.iterdir()) == []  # the folder it was built in, removed


def test_an_export_counts_its_judgments_sources_by_kind_not_as_hmics_alone(
    tmp_path: Path, data: pe.Dataset
) -> None:
    # The package's sources and the database's publisher named HMICFRS
    # alone, though most 2023-25 grades in the data come from the news.
    said = str(pe.analysis.describe_sources(data.for_cycle("2023-25")))
    assert "news and other sources" in said
    db = sqlite3.connect(pe.output.write_sqlite(data.for_cycle("2023-25"), tmp_path / "x.db", ["judgments"]))
    try:
        about = dict(db.execute("SELECT name, value FROM about"))
    finally:
        db.close()
    assert about["judgment_sources"] == said
    written = pe.output.write_package(data.for_cycle("2023-25"), tmp_path / "pkg", ["judgments"])
    package = json.loads(Path(written).read_text(encoding="utf-8"))
    assert said in package["description"]
    assert [s["title"] for s in package["sources"]][1:] == [said]
    # Figures alone: no judgments to count.
    cumbria = [data.report("cumbria", 2016)]
    db = sqlite3.connect(pe.output.write_sqlite(cumbria, tmp_path / "m.db", ["measurements"]))
    try:
        assert "judgment_sources" not in dict(db.execute("SELECT name, value FROM about"))
    finally:
        db.close()


def test_a_table_of_force_rows_brings_the_forces_table(tmp_path: Path, data: pe.Dataset) -> None:
    path = pe.output.write_sqlite(data.for_force("kent"), tmp_path / "kent.db", ["judgments"])
    db = sqlite3.connect(path)
    try:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables == ["about", "forces", "judgments"]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        # Who made it, from what, and where its facts come from, as a chart's footer says.
        about = dict(db.execute("SELECT name, value FROM about"))
        version = pe.io.about.dataset_info().data_version
        assert about["made_by"] == f"peel_effectiveness {pe.__version__}, data version {version}"
        assert about["licence"].startswith("Open Government Licence v3.0")
        # HMIC/HMICFRS published the reports, not this compilation of them and of the news.
        assert about["reports_published_by"] == "HMIC/HMICFRS"
        assert "publisher" not in about
        assert "published_in" in about["sources"]
        assert "other_data" not in about  # the bundle's alone
    finally:
        db.close()
    with pytest.raises(pe.PeelDataError, match="needs the stays in Engage"):
        pe.output.write_sqlite(data.for_force("kent"), tmp_path / "x.db", ["monitoring"])
    assert not (tmp_path / "x.db").exists()


def test_the_data_package_checks_its_keys(tmp_path: Path, data: pe.Dataset) -> None:
    frictionless = pytest.importorskip("frictionless")
    path = pe.output.write_package(data, tmp_path)
    assert frictionless.validate(path).valid
    judgments = tmp_path / "judgments.csv"
    text = judgments.read_bytes().decode()
    judgments.write_bytes(text.replace("\r\ncumbria,", "\r\natlantis,", 1).encode())
    report = frictionless.validate(path)
    assert [e[0] for e in report.flatten(["type"])] == ["foreign-key"]
    # A key with an empty column (an integrated cycle's pillar) is checked
    # too: a row of 2023-25 written twice is refused (Table Schema 2's
    # uniqueKeys, which Frictionless does not read, checked none).
    judgments.write_bytes(text.encode())
    lines = text.split("\r\n")
    twice = next(line for line in lines if line.startswith("kent,2023-25,,"))
    judgments.write_bytes("\r\n".join([*lines[:-1], twice, lines[-1]]).encode())
    report = frictionless.validate(path)
    assert [e[0] for e in report.flatten(["type"])] == ["primary-key"]


def test_a_question_named_as_a_grid_column_gets_a_name_of_its_own(tmp_path: Path) -> None:
    # A 2025-27 question the registry lacks is named by its file: "force" or
    # "cycle" (in any case) must not overwrite the force's or the cycle's
    # column, in the rows, the CSV, the data package or the database.
    text = (
        "force: kent\ncycle: 2025-27\nassessments:\n"
        "  - {question: force, grade: good}\n  - {question: CYCLE, grade: inadequate}\n"
        "  - {question: judgment_force, grade: adequate}\n"
    )
    with pytest.warns(pe.PeelWarning):
        data = pe.loads(text)
    (row,) = pe.to_records(data, "grid")
    assert (row["force"], row["cycle"]) == ("kent", "2025-27")
    # A name that clashes with nothing is kept; the clash is renamed around it.
    assert (row["judgment_force_2"], row["judgment_cycle"], row["judgment_force"]) == (
        "good",
        "inadequate",
        "adequate",
    )
    names = [c.casefold() for c in row]
    assert len(names) == len(set(names))
    database = tmp_path / "grid.db"
    pe.output.write_sqlite(data, database)
    with sqlite3.connect(database) as db:
        assert db.execute('SELECT force, cycle, "judgment_cycle" FROM grid').fetchall() == [
            ("kent", "2025-27", "inadequate")
        ]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_a_cells_lines_stay_apart_in_the_text_formats(fmt: str, tmp_path: Path) -> None:
    # A judgment's sources are one a line in the data formats; the text
    # table, too wide for a row a line, shows a row at a time and keeps
    # them one a line, a Markdown cell breaks them with <br>, and a
    # control character still shows as an escape.
    data = tmp_path / "kent.yaml"
    data.write_text(
        'force: kent\ncycle: 2016\ngrade: good\ngrade_note: "red\\e[31m"\n'
        "grade_sources: [https://example.com/a, https://example.com/b]\n",
        encoding="utf-8",
    )
    code, out, _ = run("--data", str(data), "--no-bundled", "export", "--table", "judgments", "--format", fmt)
    assert code == 0
    if fmt == "markdown":
        assert "https://example.com/a<br>https://example.com/b" in out
    else:
        lines = [line.strip() for line in out.splitlines()]
        assert lines[lines.index("sources              https://example.com/a") + 1] == "https://example.com/b"
    assert "\\n" not in out
    assert "\x1b" not in out
    # In Markdown, the escape's own backslash and bracket are escaped too, to show as they are.
    assert ("red\\\\x1b\\[31m" if fmt == "markdown" else "red\\x1b[31m") in out


def test_a_cells_lines_run_on_where_a_row_is_one_line() -> None:
    # An aligned table's row is one line, so a cell's lines run on, a
    # space apart; shown a row at a time, each stays a line of its own.
    from peel_effectiveness.output._formats import render

    row = {"force": "kent", "caveats": "one: unknown\ntwo: inferred"}
    assert render([row], ["force", "caveats"], "table").splitlines()[2] == "kent   one: unknown two: inferred"
    wide = {**row, "source": "https://example.com/" + "x" * 60}  # never cut: shown a row at a time
    shown = render([wide], ["force", "caveats", "source"], "table").splitlines()
    assert shown[1:3] == ["caveats  one: unknown", "         two: inferred"]


def test_a_question_the_registry_lacks_is_one_question_whatever_its_case() -> None:
    # As the model tells one such question from another (question_ident):
    # one column of the grid, one key in the judgments table.
    text = "".join(
        f"- force: {f}\n  cycle: 2025-27\n  assessments: [{{question: {q}, grade: good}}]\n"
        for f, q in (("kent", "force"), ("essex", "FORCE"), ("durham", "Force"), ("surrey", "New_Area"))
    )
    with pytest.warns(pe.PeelWarning):
        data = pe.loads(text)
    rows = pe.to_records(data, "grid")
    assert [c for c in rows[0] if c not in ("force", "short_name", "cycle", "leadership")] == [
        "judgment_force",
        "new_area",
        "sources",
        "caveats",
    ]
    assert sum(r["judgment_force"] == "good" for r in rows) == 3
    assert {r["question"] for r in pe.to_records(data, "judgments")} == {"force", "new_area"}


def test_a_question_the_registry_lacks_is_one_question_as_number_or_text() -> None:
    # Question 3 and "3" are one question to the model (asked twice in a
    # report), as they are one column to the grid, and one to the analysis.
    for cycle in ("2025-27", "2016"):  # a question the registry lacks, and one it has
        with pytest.raises(pe.PeelDataError, match="question 3 is assessed twice"):  # refused: no warning
            pe.loads(
                f"force: kent\ncycle: {cycle}\nassessments: [{{question: 3, grade: good}}, {{question: '3', grade: good}}]\n"
            )
    kent = pe.loads("force: kent\ncycle: 2016\nassessments: [{question: ' 3', grade: good}]\n").report(
        "kent", 2016
    )
    assert kent.assessments[0].question == 3
    assert kent.assessment("3") is kent.assessment(3)
    assert kent.question("3").key == "q3_vulnerable"
    with pytest.warns(pe.PeelWarning):
        data = pe.loads(
            "- {force: kent, cycle: 2025-27, assessments: [{question: 3, grade: good}]}\n"
            "- {force: essex, cycle: 2025-27, assessments: [{question: '3', grade: adequate}]}\n"
        )
    for question in (3, "3"):
        counts = dict(pe.analysis.grade_distribution(data, "2025-27", question).counts)
        assert (counts[pe.Grade.GOOD], counts[pe.Grade.ADEQUATE]) == (1, 1)
    assert [r["3"] for r in pe.to_records(data, "grid")] == ["adequate", "good"]


def test_an_sqlite_table_holds_one_row_a_key_even_with_an_empty_pillar(
    tmp_path: Path, data: pe.Dataset
) -> None:
    db = sqlite3.connect(pe.output.write_sqlite(data, tmp_path / "peel.db"))
    try:
        row = db.execute("SELECT * FROM judgments WHERE pillar IS NULL LIMIT 1").fetchone()
        assert row is not None
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            db.execute(f"INSERT INTO judgments VALUES ({', '.join('?' * len(row))})", row)
    finally:
        db.close()


def test_a_group_row_says_which_outcome_types_it_covers() -> None:
    report = pe.load_bundled().report("cumbria", 2016)
    groups = {r["group"]: r["outcomes"] for r in pe.to_records(report, "outcomes") if r["row"] == "group"}
    # The report shows no member rows under this group: only its total.
    assert groups["Prosecution prevented or not in the public interest"] == "5, 9, 11, 12, 13, 17"
    assert all(r["outcomes"] is None for r in pe.to_records(report, "outcomes") if r["row"] != "group")


def test_the_data_package_says_who_made_it_from_what_and_where_its_facts_come_from(
    tmp_path: Path, data: pe.Dataset
) -> None:
    mine = pe.Dataset([*data.reports[:3], pe.InspectionReport(force="kent", cycle="2025-27")])
    package = json.loads(
        Path(pe.output.write_package(mine, tmp_path / "p", ["judgments"])).read_text("utf-8")
    )
    version = pe.io.about.dataset_info().data_version
    assert package["description"].startswith(
        f"Made by peel_effectiveness {pe.__version__}, data version {version}; "
        "1 of the 4 reports exported is not the bundled data's."
    )
    # Data not the bundle's are not said to be HMIC's under its licence.
    assert package["description"].endswith("not HMIC's under the Open Government Licence.")
    assert package["sources"] == [
        {
            "title": "HMICFRS PEEL assessments",
            "path": "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/",
        },
        {"title": "Sources: HMIC/HMICFRS (all 14 judgments)"},
    ]
    assert [x["name"] for x in package["licenses"]] == ["OGL-UK-3.0"]


def test_what_an_export_says_it_is_made_of_counts_reports_and_stays_apart(
    tmp_path: Path, data: pe.Dataset
) -> None:
    mine = pe.Dataset(
        data.reports, (*data.stays, pe.model.Stay(force="kent", entered="2011-01-01", left="2011-06-01"))
    )
    db = sqlite3.connect(pe.output.write_sqlite(mine, tmp_path / "a.db"))
    try:
        made_by = dict(db.execute("SELECT name, value FROM about"))["made_by"]
    finally:
        db.close()
    n = len(data.stays) + 1
    assert made_by.endswith(f"; 1 of the {n} stays exported is not the bundled data's")
    mine = pe.Dataset((*data.reports, pe.InspectionReport(force="kent", cycle="2025-27")), mine.stays)
    package = json.loads(Path(pe.output.write_package(mine, tmp_path / "p")).read_text("utf-8"))
    assert (
        f"; 1 of the {len(data.reports) + 1} reports and 1 of the {n} stays exported are not"
        in package["description"]
    )


@pytest.mark.parametrize(
    ("cycle", "pillar", "key", "ungraded", "unknown"),
    [
        ("2016", "effectiveness", "q5_specialist", 43, 0),  # 42 of them by the framework
        ("2023-25", None, "victim_service", 43, 0),  # 8 by the framework
        ("2021/22", None, "armed_threats", 8, 35),  # asked under its first framework only
    ],
)
def test_a_question_no_force_is_graded_on_is_counted_alike_in_every_output(
    cycle: str, pillar: str | None, key: str, ungraded: int, unknown: int
) -> None:
    data = pe.load_bundled()
    c = next(c for c in pe.analysis.coverage(data, cycle) if c.question == key)
    assert (c.count("ungraded"), c.unknown) == (ungraded, unknown)
    judged = [
        r
        for r in pe.to_records(data, "judgments")
        if (r["cycle"], r["pillar"], r["question"]) == (cycle, pillar, key)
    ]
    assert sum(r["no_grade"] == "ungraded" for r in judged) == ungraded
    cells = [r[key] for r in pe.to_records(data, "grid") if r["cycle"] == cycle]
    assert sum(v == "ungraded" for v in cells) == ungraded


def test_a_question_assessed_without_a_judgment_is_the_frameworks_where_it_gives_one() -> None:
    # Kent's 2016 report says something of question 5 and gives no judgment:
    # 2016 grades no force on it, so it is ungraded, as it is left out.
    mine = pe.loads(
        "force: kent\ncycle: 2016\ngrade: good\nassessments:\n  - {question: 5, summary: Said.}\n"
    )
    data = pe.load_bundled().overlay(mine)
    c = next(c for c in pe.analysis.coverage(data, 2016) if c.question == "q5_specialist")
    assert (c.count("ungraded"), c.unknown) == (43, 0)
    (row,) = [r for r in pe.to_records(mine, "judgments") if r["question"] == "q5_specialist"]
    assert row["no_grade"] == "ungraded"
    assert row["note"].startswith("not in the data")


def test_the_sources_line_counts_the_judgments_the_rows_hold() -> None:
    _, out, _ = run("national", "--cycle", "2023-25")
    said = " ".join(out.split())
    _, table, _ = run("national", "--cycle", "2023-25", "--question", "all", "--format", "csv")
    counts = ("outstanding", "good", "adequate", "requires_improvement", "inadequate", "ungraded")
    judged = sum(
        int(r[c]) for r in rows(table) for c in (*counts, "not_graded", "not_inspected", "not_yet_graded")
    )
    assert judged == 328  # the 320 the data hold, and 8 forces' victim service by the framework
    assert f"each of the {judged} judgments counted once" in said


def test_a_grid_row_says_what_its_grades_do_not_say_of_themselves(data: pe.Dataset) -> None:
    # The grid dropped every caveat: Cumbria's 2018/19 q1_prevent is the
    # 2016 grade carried over; Cleveland's 2021/22 public_treatment inferred.
    rows = {(r["force"], r["cycle"]): r for r in pe.to_records(data, "grid")}
    assert "q1_prevent: carried over from 2016" in rows[("cumbria", "2018/19")]["caveats"].split("\n")
    assert any(
        line.startswith("public_treatment: inferred")
        for line in rows[("cleveland", "2021/22")]["caveats"].split("\n")
    )
    judgments = pe.to_records(data, "judgments")
    carried = sum(1 for r in judgments if r["carried_over_from"])
    said = sum(
        1
        for r in rows.values()
        for line in (r["caveats"] or "").split("\n")
        if ": carried over from " in line
    )
    assert carried == said


def test_a_grid_row_gives_each_judgment_s_note(data: pe.Dataset) -> None:
    # The Met's 2016 question 3 rests on a page of another force, which
    # only show said: the grid's reader saw "inadequate" and no doubt.
    rows = {(r["force"], r["cycle"]): r for r in pe.to_records(data, "grid")}
    said = rows[("metropolitan", "2016")]["caveats"].split("\n")
    note = data.report("metropolitan", "2016").assessment(3).judgment.note
    assert note
    assert f"q3_vulnerable: note: {note}" in said
    # One line, as every caveat is: a note's line breaks are spaces.
    mine = attrs.evolve(
        data.report("kent", "2016"), judgment=pe.Judgment("good", note="first line\n\nsecond line")
    )
    (row,) = pe.to_records(pe.Dataset((mine,)), "grid")
    assert "effectiveness_overall: note: first line second line" in row["caveats"].split("\n")
    judgments = pe.to_records(data, "judgments")
    noted = sum(1 for r in judgments if r["note"] and not r["note"].startswith("not in the data"))
    in_grid = sum(1 for r in rows.values() for line in (r["caveats"] or "").split("\n") if ": note: " in line)
    assert in_grid == noted


def test_a_grid_row_says_which_pillars_the_data_lack_and_whose_questions_are_not_listed(
    data: pe.Dataset,
) -> None:
    # Said on standard error alone: the file of a grid of 2016 lost its
    # efficiency columns without a word, and blank cells of questions
    # whose cycle the registry does not list read as "not asked".
    grid = {(r["force"], r["cycle"]): r for r in pe.to_records(data, "grid")}
    said = grid["kent", "2016"]["caveats"].split("\n")
    assert said == [
        "The data hold no 2016 efficiency or legitimacy reports: their judgments are unknown for every force.",
        "efficiency: the library's registry does not list 2016's; a blank cell does not say 2016 did not ask it",
        "legitimacy: the library's registry does not list 2016's; a blank cell does not say 2016 did not ask it",
    ]
    assert grid["kent", "2016"]["q1_demand"] is None
    assert grid["kent", "2018/19"]["caveats"] is None or "registry" not in grid["kent", "2018/19"]["caveats"]
    alone = {r["force"]: r for r in pe.to_records(data.for_cycle(2016), "grid", data=data)}
    assert alone["kent"]["caveats"].split("\n")[0] == (
        "The data hold no 2016 efficiency or legitimacy reports: their judgments are left out "
        "(unknown for every force)."
    )
    assert "efficiency_overall" not in alone["kent"]
    # Where a force of your own has such a report, said of the 43: it was "no 2016 efficiency report".
    own = pe.loads(
        "force: {id: fenland, official_name: Fenland Constabulary, short_name: Fenland, gss_code: E23999991,"
        " country: England, region: Eastern}\ncycle: 2016\npillar: efficiency\ngrade: good\n"
    )
    mine = {r["force"]: r for r in pe.to_records(pe.Dataset(data.for_cycle(2016)).overlay(own), "grid")}
    assert mine["kent"]["caveats"].split("\n")[0] == (
        "The data hold no 2016 legitimacy reports: its judgments are left out (unknown for every force). "
        "The data hold no 2016 efficiency reports on the 43 forces: its judgments are unknown for each of them."
    )


def test_the_grid_has_a_row_for_each_force_in_each_cycle_even_with_no_report(data: pe.Dataset) -> None:
    # A force with no report of a cycle had no row: the grid of 2017 had 39
    # forces, though national counts the other four as unknown.
    grid = {(r["force"], r["cycle"]): r for r in pe.to_records(data, "grid")}
    assert len(grid) == len({r.force.id for r in data}) * len(data.cycles)
    derbyshire = grid["derbyshire", "2017"]
    assert derbyshire["effectiveness_overall"] == derbyshire["q1_prevent"] == "unknown"
    assert derbyshire["investigating"] is None  # 2017 does not ask it
    assert derbyshire["sources"] is None
    assert derbyshire["caveats"].split("\n")[0] == "the data hold no report of this force in this cycle"
    assert grid["cleveland", "2015"]["effectiveness_overall"] == "unknown"
    code, out, _ = run("export", "--table", "grid", "--cycle", "2017", "--format", "csv")
    assert code == 0
    assert len(rows(out)) == 43
    code, out, _ = run("export", "--table", "grid", "--force", "derbyshire", "--format", "csv")
    assert [r["cycle"] for r in rows(out)] == ["2015", "2016", "2017", "2018/19", "2021/22", "2023-25"]


def test_the_grid_of_a_choice_of_reports_is_the_same_in_every_output(
    tmp_path: Path, data: pe.Dataset
) -> None:
    # Only export --table grid gave every force a row of --cycle (and every
    # cycle a row of --force): the data package and SQLite had 39 of 2017.
    of_2017 = pe.to_records(data.for_cycle("2017"), "grid", data=data)
    assert len(of_2017) == 43
    assert len(pe.to_records(data.for_cycle("2017"), "grid")) == 39  # without data=: the reports' forces
    cleveland = pe.to_records(data.for_force("cleveland"), "grid", data=data)
    assert [r["cycle"] for r in cleveland] == ["2015", "2016", "2017", "2018/19", "2021/22", "2023-25"]
    assert cleveland[0]["effectiveness_overall"] == "unknown"
    assert pe.to_records([], "grid", data=data) == []
    code, _, _ = run("export", "--package", str(tmp_path / "package"), "--cycle", "2017")
    assert code == 0
    lines = (tmp_path / "package" / "grid.csv").read_text(encoding="utf-8").splitlines()
    assert sum(1 for line in lines if ",2017," in line) == 43
    db = tmp_path / "c.db"
    code, _, _ = run("export", "--format", "sqlite", "--force", "cleveland", "-o", str(db))
    assert code == 0
    con = sqlite3.connect(db)
    try:
        cycles = [c for (c,) in con.execute("SELECT cycle FROM grid ORDER BY cycle")]
    finally:
        con.close()
    assert cycles == ["2015", "2016", "2017", "2018/19", "2021/22", "2023-25"]


def test_a_package_of_some_tables_holds_the_forces_table_they_refer_to(
    tmp_path: Path, data: pe.Dataset
) -> None:
    # Its judgments referred to a forces resource the package did not hold,
    # which SQLite's writer added; and a package written over an old one
    # left the old one's other tables beside it, unlisted.
    folder = tmp_path / "package"
    pe.output.write_package(data, folder)
    path = pe.output.write_package(data, folder, tables=["judgments"])
    package = json.loads(Path(path).read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["forces", "judgments"]
    assert sorted(p.name for p in folder.iterdir()) == ["datapackage.json", "forces.csv", "judgments.csv"]
    (folder / "notes.csv").write_text("mine\n", encoding="utf-8")
    pe.output.write_package(data, folder, tables=["forces"])
    assert (folder / "notes.csv").read_text(encoding="utf-8") == "mine\n"  # not the package's: left alone
    assert not (folder / "judgments.csv").exists()
    # Of no table asked for, the forces table alone: a package holds one
    # resource at least, and was written with none.
    path = pe.output.write_package(data, folder, tables=[])
    package = json.loads(Path(path).read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["forces"]
    db = pe.output.write_sqlite(data, tmp_path / "forces.db", tables=[])
    con = sqlite3.connect(db)
    try:
        names = [
            n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
    finally:
        con.close()
    assert "forces" in names


def test_the_grid_of_reports_that_are_no_choice_of_the_data_is_of_their_rows_only(data: pe.Dataset) -> None:
    # Reports of your own with data= for context raised a KeyError (a
    # judgment the data's columns lacked); reports picked here and there
    # got rows saying "the data hold no report", of reports the data hold.
    k25 = pe.loads(
        "force: kent\ncycle: 2025-27\nassessments:\n  - question: leadership\n    grade: good\n"
    ).reports[0]
    legitimacy = pe.loads("force: kent\ncycle: 2017\npillar: legitimacy\ngrade: good\n").reports[0]
    for mine in (k25, legitimacy):
        (row,) = pe.to_records(mine, "grid", data=data)
        assert (row["force"], row["cycle"]) == ("kent", mine.cycle.value)
    picked = [data.report("kent", 2016), data.report("cumbria", "2023-25")]
    rows = pe.to_records(picked, "grid", data=data)
    assert [(r["force"], r["cycle"]) for r in rows] == [("cumbria", "2023-25"), ("kent", "2016")]
    assert not any("no report" in (r["caveats"] or "") for r in rows)


def test_a_package_written_over_another_s_removes_none_of_its_files(tmp_path: Path, data: pe.Dataset) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    theirs = {
        "name": "my-study",
        # Named and laid out as ours would be, but for its name: only that says it is another's.
        "resources": [{"name": "grid", "path": "grid.csv"}, {"name": "monitoring", "path": "monitoring.csv"}],
    }
    (folder / "datapackage.json").write_text(json.dumps(theirs), encoding="utf-8")
    for name in ("grid.csv", "monitoring.csv"):
        (folder / name).write_text("mine\n", encoding="utf-8")
    pe.output.write_package(data.for_force("cumbria"), folder, tables=["judgments"], data=data)
    assert (folder / "grid.csv").read_text(encoding="utf-8") == "mine\n"
    assert (folder / "monitoring.csv").read_text(encoding="utf-8") == "mine\n"


def test_a_table_asked_for_twice_is_written_once(tmp_path: Path, data: pe.Dataset) -> None:
    # The package listed judgments twice (invalid); SQLite failed, "table already exists".
    cumbria = data.for_force("cumbria")
    path = pe.output.write_package(cumbria, tmp_path / "p", tables=["judgments", "judgments"], data=data)
    names = [r["name"] for r in json.loads(Path(path).read_text(encoding="utf-8"))["resources"]]
    assert names == ["forces", "judgments"]
    db = sqlite3.connect(
        pe.output.write_sqlite(cumbria, tmp_path / "x.db", tables=["judgments", "judgments"], data=data)
    )
    try:
        assert {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} == {
            "about", "forces", "judgments"
        }  # fmt: skip
    finally:
        db.close()


def test_a_force_of_your_own_has_grid_rows_only_where_it_has_reports(data: pe.Dataset) -> None:
    # As the national picture counts the 43: a force of your own with one
    # 2023-25 report had a row in every cycle, each "no report".
    from figures import OWN_FORCE

    mine = pe.loads(
        f"force: {OWN_FORCE}\ncycle: 2023-25\nassessments: [{{question: investigating, grade: good}}]\n"
    )
    every = data.overlay(mine)
    rows = [r for r in pe.to_records(every, "grid") if r["force"] == "bts"]
    assert [r["cycle"] for r in rows] == ["2023-25"]
    assert len(pe.to_records(every, "grid")) == 43 * len(every.cycles) + 1


def test_what_the_data_lack_of_the_43_is_not_said_on_a_row_of_a_force_of_your_own() -> None:
    # Gotham's row, graded good, said "the data hold no 2017 effectiveness
    # reports": said of the 43, which hold none.
    gotham = pe.loads(
        "- {force: {id: gotham, official_name: Gotham City Police, short_name: Gotham, gss_code: E23000099, "
        "country: England, region: North East}, cycle: 2017, grade: good}\n"
        "- {force: kent, cycle: 2016, pillar: legitimacy}\n"
    )
    rows = {(r["force"], r["cycle"]): r for r in pe.to_records(gotham, "grid")}
    assert rows["gotham", "2017"]["effectiveness_overall"] == "good"
    assert rows["gotham", "2017"]["caveats"] is None
    assert "The data hold no 2017 effectiveness" in rows["kent", "2017"]["caveats"]
    # Of reports that are no choice of the data's, a row of the 43 still says it.
    data = pe.load_bundled()
    rows = {r["force"]: r for r in pe.to_records([data.report("kent", 2017)], "grid", data=data)}
    assert "The data hold no 2017 efficiency or legitimacy reports" in rows["kent"]["caveats"]


def test_a_package_over_a_mount_point_is_refused_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder mounted into a container (docker -v $PWD/out:/out) cannot be
    # moved aside to be replaced whole: "Device or resource busy" said nothing of that.
    import errno
    import os

    from peel_effectiveness import _files

    folder = tmp_path / "out"
    folder.mkdir()
    rename = os.rename

    def mounted(src: str, dst: str) -> None:
        if os.path.realpath(src) == os.path.realpath(folder):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), src)
        rename(src, dst)

    monkeypatch.setattr(_files.os, "rename", mounted)
    code, _, err = run("-q", "export", "--package", str(folder), "--force", "cumbria")
    assert code == 1
    said = ": a folder mounted here (a mount point), which cannot be replaced whole: write to a folder inside it\n"
    assert err.endswith(said)
    assert list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left
    # Where the system says it is a mount point, said before a package is written.
    monkeypatch.setattr(_files.os, "rename", rename)
    monkeypatch.setattr(_files.os.path, "ismount", lambda p: os.path.realpath(p) == os.path.realpath(folder))
    filled: list[str] = []
    monkeypatch.setattr(
        _files, "_temporary", lambda *a: filled.append("made") or (_ for _ in ()).throw(OSError())
    )
    code, _, err = run("-q", "export", "--package", str(folder), "--force", "cumbria")
    assert (code, filled) == (1, [])
    assert err.endswith(said)
    monkeypatch.undo()
    assert run("-q", "export", "--package", str(folder / "package"), "--force", "cumbria")[0] == 0
    # A file of a package mounted from outside would move aside with its folder: refused too.
    grid = os.path.realpath(folder / "package" / "grid.csv")
    monkeypatch.setattr(_files.os.path, "ismount", lambda p: os.path.realpath(p) == grid)
    code, _, err = run("-q", "export", "--package", str(folder / "package"), "--force", "kent")
    assert code == 1
    assert err.endswith(
        ": its file grid.csv is mounted here (a mount point), which cannot be replaced: write to another folder\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["package"]


def test_a_file_mounted_into_a_container_is_refused_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from peel_effectiveness import _files

    out = tmp_path / "out.csv"
    out.write_text("mine\n", encoding="utf-8")

    def mounted(src: str, dst: str) -> None:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), dst)

    monkeypatch.setattr(_files.os, "replace", mounted)
    code, _, err = run("-q", "forces", "--format", "csv", "-o", str(out))
    assert code == 1
    assert err.endswith(
        ": a file mounted here (a mount point), which cannot be replaced whole: write to another path\n"
    )
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
