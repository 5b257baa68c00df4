"""pandas data frames: the same columns as to_records, with proper dtypes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import peel_effectiveness as pe
from peel_effectiveness.output.columns import COLUMNS, DATA_TABLES
from peel_effectiveness.output.records import tidy

pd = pytest.importorskip("pandas")


def test_measurements_frame() -> None:
    data = pe.load_bundled()
    df = pe.to_dataframe(data)
    assert list(df.columns) == [c.name for c in pe.output.COLUMNS["measurements"]]
    assert len(df) == len(pe.to_records(data))
    assert str(df["value"].dtype) == "float64"
    assert str(df["period_end"].dtype).startswith("datetime64")
    assert df["cycle"].cat.ordered
    row = df[df["metric"] == "recorded_crime_rate"].iloc[0]
    assert (row["value"], row["england_and_wales"]) == (51.7, 68.2)
    assert row["period_start"] == pd.Timestamp("2015-07-01")


def test_judgments_frame_orders_grades() -> None:
    df = pe.to_dataframe(pe.load_bundled(), table="judgments")
    assert list(df.columns) == [c.name for c in pe.output.COLUMNS["judgments"]]
    assert list(df["grade"].cat.categories) == [
        "inadequate",
        "requires improvement",
        "adequate",
        "good",
        "outstanding",
    ]
    overall_2016 = df[(df["question"] == "overall") & (df["cycle"] == "2016")]
    assert len(overall_2016) == 43
    assert (overall_2016["grade"] == "good").sum() == 28
    assert overall_2016["grade"].max() == "outstanding"
    ungraded = df[(df["force"] == "cumbria") & (df["question"] == "q5_specialist")]
    assert ungraded["grade"].isna().all()


def test_a_clear_message_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(pe.MissingDependencyError, match=r"pip install 'peel-effectiveness\[pandas\]'"):
        pe.to_dataframe(pe.load_bundled())
    assert issubclass(pe.MissingDependencyError, ImportError)


def test_outcome_tables_export_one_row_per_row() -> None:
    report = pe.load_bundled().report("cumbria", 2016)
    rows = pe.to_records(report, "outcomes")
    figure_4 = report.outcome_table("figure_4")
    expected = sum(1 + (len(r.members) if isinstance(r, pe.OutcomeGroupRow) else 0) for r in figure_4.rows)
    expected += sum(
        x is not None for x in (figure_4.total_assigned, figure_4.not_yet_assigned, figure_4.total)
    )
    assert sum(r["table"] == "figure_4" for r in rows) == expected
    assert {r["table"] for r in rows} == {t.key for t in report.outcome_tables}
    assert all(list(r) == [c.name for c in pe.output.COLUMNS["outcomes"]] for r in rows)
    df = pe.to_dataframe(report, "outcomes")
    assert str(df["outcome"].dtype) == "Int64"
    assert df[df["row"] == "group"]["outcome"].isna().all()
    assert list(df.columns) == [c.name for c in pe.output.COLUMNS["outcomes"]]


def test_the_export_command_writes_the_outcome_tables() -> None:
    import csv
    import io

    from peel_effectiveness.cli import main

    out = io.StringIO()
    assert main(["export", "--table", "outcomes", "--format", "csv"], stdout=out, stderr=io.StringIO()) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == len(pe.to_records(pe.load_bundled(), "outcomes")) > 20
    assert rows[0]["outcome"] == "1"
    assert rows[0]["england_and_wales"] == "12.1"


def test_an_exported_data_package_validates_with_frictionless(tmp_path: Path) -> None:
    import frictionless

    from peel_effectiveness.cli import main

    folder = tmp_path / "package"
    err = io.StringIO()
    assert main(["export", "--package", str(folder)], stdout=io.StringIO(), stderr=err) == 0
    assert err.getvalue() == f"wrote {folder / 'datapackage.json'}\n"
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:5]
    package = json.loads((folder / "datapackage.json").read_text())
    # Where the forces' codes come from, and how sure their regions are.
    assert "police-force-areas-december-2018" in package["description"]
    assert "the regions are a conventional grouping, not checked against HMIC's own" in package["description"]
    data = pe.load_bundled()
    assert [r["name"] for r in package["resources"]] == list(DATA_TABLES)
    for resource in package["resources"]:
        fields = [f["name"] for f in resource["schema"]["fields"]]
        assert fields == [c.name for c in tidy(data, resource["name"])[1]]
        fixed = [c.name for c in COLUMNS[resource["name"]]]
        if resource["name"] == "grid":  # the judgments' columns between cycle and sources
            assert fields[:3] + fields[-2:] == fixed
        else:
            assert fields[: len(fixed)] == fixed
    # The schemas are checked, not only read: a figure that is not a number fails.
    outcomes = (folder / "outcomes.csv").read_text(encoding="utf-8")
    (folder / "outcomes.csv").write_text(outcomes.replace(",17.8,", ",seventeen,", 1), encoding="utf-8")
    assert not frictionless.validate(str(folder / "datapackage.json")).valid


def test_polars_frames_have_the_same_columns_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import polars as pl

    monkeypatch.setitem(sys.modules, "pandas", None)  # polars users need not have it
    data = pe.load_bundled()
    for table in ("measurements", "judgments", "outcomes"):
        df = pe.output.to_polars(data, table)
        assert df.columns == [c.name for c in COLUMNS[table]]
        assert df.height == len(pe.to_records(data, table))
    m = pe.output.to_polars(data)
    assert m.schema["period_end"] == pl.Date
    assert m.schema["cycle"] == pl.Enum([c.value for c in pe.Cycle])
    assert pe.output.to_polars(data, "outcomes").schema["outcome"] == pl.Int64
    assert pe.output.to_polars(pe.transitions(data, 2015, 2016)).height == 43


def test_a_clear_message_without_polars(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(pe.MissingDependencyError, match=r"peel-effectiveness\[polars\]"):
        pe.output.to_polars(pe.load_bundled())


def test_polars_reads_a_cycle_as_pandas_and_the_library_do() -> None:
    pl = pytest.importorskip("polars")
    pytest.importorskip("pandas")
    data = pe.load_bundled()
    frame = pe.output.to_polars(data, "judgments")
    pandas_frame = pe.to_dataframe(data, "judgments")
    for spelt in ("2021-22", "2022", "2021/2022", 2024, "2023-2025"):
        selected = frame.filter(pl.col("cycle").peel.is_cycle(spelt)).height
        assert selected == int((pandas_frame.cycle == spelt).sum()) > 0, spelt
    with pytest.raises(pe.PeelDataError, match="did you mean '2023-25' or '2025-27'"):
        pl.col("cycle").peel.is_cycle(2025)


def test_every_categorical_reads_what_it_is_compared_with_and_a_grid_cell_has_no_order() -> None:
    data = pe.load_bundled()
    grid, judgments = pe.to_dataframe(data, "grid"), pe.to_dataframe(data, "judgments")
    cells = grid.investigating.dropna()
    assert 0 < int((grid.investigating == "Good").sum()) == int((cells == "good").sum()) < len(cells)
    assert int((grid.investigating == "Not Graded").sum()) == int((cells == "not graded").sum())
    # Unknown, where the cycle asks the question and the data lack its grade, is a word of its own.
    assert 0 < int((grid.q2_investigate == "Unknown").sum()) == int((grid.q2_investigate == "unknown").sum())
    with pytest.raises(
        pe.PeelDataError, match=r"no word of a grid's cell \(one of: unknown, .*did you mean 'unknown'"
    ):
        _ = grid.q2_investigate == "unknow"
    assert 0 < int((judgments.no_grade == "Ungraded").sum()) == int((judgments.no_grade == "ungraded").sum())
    units = pe.to_dataframe(data).unit
    assert 0 < int((units == pe.model.Unit.PERCENT).sum()) == int((units == "percent").sum())
    # A cell may be a reason, which has no place among the grades: no order.
    with pytest.raises(TypeError, match="Unordered"):
        _ = grid.investigating >= "good"


def test_a_polars_grid_cell_is_not_ordered_as_a_grade() -> None:
    pl = pytest.importorskip("polars")
    data = pe.load_bundled()
    grid = pe.output.to_polars(data, "grid")
    reasons, grades = [r.value for r in pe.NoGrade], [g.value for g in sorted(pe.Grade)]
    assert grid.schema["investigating"] == pl.Enum(["unknown", *reasons, *grades])
    # The reasons below the grades, and unknown below them: an Enum of
    # grades then reasons counted every 'ungraded' as good or better; a
    # Categorical, ordered as text, counted 'inadequate' as better than 'good'.
    assert grid.select((pl.col("q2_investigate") == "unknown").sum()).item() > 0
    of_2023 = grid.filter(pl.col("cycle") == "2023-25")
    assert "ungraded" in of_2023["victim_service"].to_list()
    assert of_2023.select((pl.col("victim_service") >= "good").sum()).item() == 0
    good = sum(1 for v in grid["q1_prevent"].to_list() if v in ("good", "outstanding"))
    assert grid.select((pl.col("q1_prevent") >= "good").sum()).item() == good > 0
    assert pe.output.to_polars(data, "judgments").schema["grade"] == pl.Enum(
        [g.value for g in sorted(pe.Grade)]
    )
