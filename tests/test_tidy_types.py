"""The tables' column types are the same in records, CSV, JSON, pandas,
polars and the data package; cycles and grades compare with what a user
types; "ungraded" is never taken for a missing grade (#10)."""

from __future__ import annotations

import csv
import io
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

import peel_effectiveness as pe
from peel_effectiveness.analysis._standing import judged
from peel_effectiveness.cli import main
from peel_effectiveness.model._words import spellings
from peel_effectiveness.output.columns import COLUMNS, vocabulary
from strategies import datasets

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
np = pytest.importorskip("numpy")


@pytest.fixture(scope="module")
def judgments() -> object:
    return pe.to_dataframe(pe.load_bundled(), "judgments")


def test_a_cycle_compares_with_a_number_as_with_text(judgments: object) -> None:
    df = judgments
    by_text = df[df.cycle == "2016"]
    assert len(by_text) == 146  # the bundle's 104 of 2016, and 42 forces' Q5 by the framework
    assert df[df.cycle == 2016].equals(by_text)
    assert df[df.cycle == pe.Cycle.Y2016].equals(by_text)
    assert (df.cycle == "2018-19").sum() == (df.cycle == "2018/19").sum() == (df.cycle == 2018).sum() > 0
    assert set(df[df.cycle >= 2021].cycle.astype(str)) == {"2021/22", "2023-25"}
    assert df.cycle.isin([2015, "2016"]).sum() == (df.cycle == 2015).sum() + len(by_text)
    assert df.query("cycle == 2016").equals(by_text)
    # numpy's integers are numbers too (a cycle read back from CSV is one).
    assert (df.cycle == np.int64(2016)).sum() == len(by_text)
    assert df.cycle.isin(pd.Series([2016, 2015])).sum() == df.cycle.isin([2016, 2015]).sum()
    # What the library refuses is said, not compared as equal to nothing.
    for refused, why in (
        (2099, "not a PEEL cycle"),
        (2025, "in two PEEL cycles"),
        (2016.0, "got the number"),
    ):
        with pytest.raises(pe.PeelDataError, match=why):
            df.cycle == refused  # noqa: B015
    with pytest.raises(pe.PeelDataError, match="did you mean 'good'"):
        df.grade == "Goood"  # noqa: B015
    with pytest.raises(pe.PeelDataError, match="got the boolean"):
        df.cycle == True  # noqa: B015, E712
    # NaN is pandas' missing value: compared as pandas compares it.
    assert (df.grade == np.nan).sum() == 0
    assert df.cycle.isin([2016, np.nan]).sum() == len(by_text)


def test_the_comparisons_survive_what_users_do_with_frames(judgments: object) -> None:
    df = judgments
    n = (df.cycle == 2016).sum()
    twice = pd.concat([df, df], ignore_index=True)
    assert (twice.cycle == 2016).sum() == 2 * n
    assert (df[df.force == "kent"].cycle == 2016).sum() == 2  # overall, and Q5 by the framework
    assert (df.merge(df[["force"]].drop_duplicates(), on="force").cycle == 2016).sum() == n
    # Pickled into a process that has not made the classes yet.
    code = "import pickle, sys; df = pickle.load(sys.stdin.buffer); print(int((df.cycle == 2016).sum()))"
    out = subprocess.run(
        [sys.executable, "-c", code], input=pickle.dumps(df), capture_output=True, check=True
    ).stdout
    assert int(out) == n


def test_grades_are_ordered_and_read_as_the_library_reads_them(judgments: object) -> None:
    df = judgments
    overall = df[(df.question == "overall") & (df.cycle == 2016)]
    good_or_better = (overall.grade >= "good").sum()
    assert good_or_better == (overall.grade >= "Good").sum() == (overall.grade >= pe.Grade.GOOD).sum() == 29
    assert (overall.grade == "RI").sum() == (overall.grade == "requires improvement").sum() == 13
    assert list(df.grade.cat.categories) == list(vocabulary("grade") or ())
    with pytest.raises(ValueError, match="no_grade column"):
        _ = df.grade == "ungraded"
    with pytest.raises(pe.PeelDataError, match="'excellent' is not a grade"):
        _ = df.grade >= "excellent"  # an ordering cannot be guessed


def test_ungraded_is_not_a_missing_grade(judgments: object) -> None:
    df = judgments
    cumbria = df[(df.force == "cumbria") & (df.cycle == 2016)].set_index("question")
    assert pd.isna(cumbria.loc["q5_specialist", "grade"])
    assert cumbria.loc["q5_specialist", "no_grade"] == "ungraded"
    assert cumbria["no_grade"].isna().sum() == 5
    # A grade the data lack is missing in both columns.
    dist = pe.to_dataframe(pe.analysis.grade_distribution(pe.load_bundled(), 2016, 3))
    unknown = dist[dist.grade.isna() & dist.no_grade.isna()]
    assert len(unknown) == 33  # the data have 10 forces' grades for 2016's question 3


def test_a_cycle_is_text_in_every_format() -> None:
    def export(fmt: str) -> str:
        out = io.StringIO()
        args = ["export", "--table", "judgments", "--force", "kent", "--format", fmt]
        assert main(args, stdout=out, stderr=io.StringIO()) == 0
        return out.getvalue()

    records = pe.to_records(pe.load_bundled().for_force("kent"), "judgments")
    as_json = json.loads(export("json"))
    as_csv = list(csv.DictReader(io.StringIO(export("csv"), newline="")))
    assert [r["cycle"] for r in records] == [r["cycle"] for r in as_json] == [r["cycle"] for r in as_csv]
    assert all(isinstance(r["cycle"], str) for r in as_json)
    # Read back with the declared types, as the data-format page says.
    frame = pd.read_csv(io.StringIO(export("csv")), dtype={"cycle": "string"})
    assert list(frame.cycle) == [r["cycle"] for r in records]


@pytest.mark.parametrize("table", ["measurements", "judgments", "outcomes"])
def test_pandas_and_polars_hold_the_same_values_with_the_declared_types(table: str) -> None:
    data = pe.load_bundled()
    a = pe.to_dataframe(data, table)
    b = pe.output.to_polars(data, table)
    assert list(a.columns) == b.columns == [c.name for c in COLUMNS[table]]
    for c in COLUMNS[table]:
        words = vocabulary(c.kind)
        if words is not None:
            assert list(a[c.name].cat.categories) == list(words) == b.schema[c.name].categories.to_list()
            assert a[c.name].cat.ordered is (c.kind in ("cycle", "grade"))
        left = [None if pd.isna(v) else v for v in a[c.name].astype(object)]
        right = b[c.name].to_list()
        if c.kind == "date":
            left = [None if v is None else v.date() for v in left]
        assert left == right, c.name


# Ways people write cycles and grades, as the model reads them.
CYCLE_SPELLINGS: dict[object, pe.Cycle] = {}
for _c in pe.Cycle:
    CYCLE_SPELLINGS.update({_c.value: _c, _c.value.replace("/", "-"): _c})
    if _c.last_year > _c.year:  # a span of years ("2016-2016" is none: refused as a typo)
        CYCLE_SPELLINGS[f"{_c.year}-{_c.last_year}"] = _c
    if _c.year != 2025:
        CYCLE_SPELLINGS.update({_c.year: _c, str(_c.year): _c})
GRADE_SPELLINGS: dict[str, pe.Grade] = {}
for _word, _g in spellings(pe.Grade).items():
    GRADE_SPELLINGS.update({_word: _g, _word.upper(): _g, _word.replace(" ", "_"): _g, _word.title(): _g})


@settings(max_examples=30)
@given(data=datasets())
def test_a_frame_holds_each_judgment_once_and_reads_every_spelling(data: pe.Dataset) -> None:
    rows = pe.to_records(data, "judgments")
    df = pe.to_dataframe(data, "judgments")
    # Every way the model reads a cycle or a grade selects the same rows.
    for written, cycle in CYCLE_SPELLINGS.items():
        assert ((df.cycle == written) == (df.cycle == cycle.value)).all()
    for written, grade in GRADE_SPELLINGS.items():
        assert ((df.grade == written) == (df.grade == grade.value)).all()
        assert ((df.grade >= written) == (df.grade >= grade.value)).all()
    # A grade goes to the grade cell, a reason for no grade to no_grade.
    for row, (_, got) in zip(rows, df.iterrows(), strict=True):
        assert row["grade"] is None or row["no_grade"] is None
        assert (None if pd.isna(got["grade"]) else got["grade"]) == row["grade"]
        assert (None if pd.isna(got["no_grade"]) else got["no_grade"]) == row["no_grade"]
        assert (None if pd.isna(got["cycle"]) else got["cycle"]) == row["cycle"]
    expected = [
        j.grade.value
        for r in data
        for j in ([r.judgment] if r.pillar is not None else []) + [j for _, _, j in judged(r)]
        if j is not None
    ]
    cells = [r["grade"] or r["no_grade"] for r in rows if r["grade"] or r["no_grade"]]
    assert sorted(cells) == sorted(expected)


@pytest.mark.parametrize("value", [12345678901.0, 12345678.123, 1e15 + 0.5, 0.12345678912, 57.0, 1e-7, 1e22])
def test_csv_keeps_every_digit_of_a_figure(value: float, tmp_path: Path) -> None:
    # As JSON and SQLite do: the shortest text that reads back as the number.
    data = tmp_path / "figure.json"
    report = {
        "force": "kent",
        "cycle": "2016",
        "measurements": [{"metric": "m", "label": "M", "unit": "ratio"}],
    }
    report["measurements"][0]["value"] = value  # type: ignore[index]
    data.write_text(json.dumps(report), encoding="utf-8")
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "peel_effectiveness",
            "--data",
            str(data),
            "--no-bundled",
            "export",
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    (row,) = list(csv.DictReader(io.StringIO(p.stdout)))
    assert float(row["value"]) == value
    assert not row["value"].endswith(".0")


def test_a_column_of_values_is_read_as_each_value_is(judgments: object) -> None:
    df = judgments
    n = len(df)
    assert (df.grade == pd.Series(["Good"] * n, index=df.index)).sum() == (df.grade == "good").sum()
    assert (df.cycle == np.full(n, 2016)).sum() == (df.cycle == [2016] * n).sum() == (df.cycle == 2016).sum()
    with pytest.raises(pe.PeelDataError, match="2099 is not a PEEL cycle"):
        df.cycle == np.full(n, 2099)  # noqa: B015
    with pytest.raises(pe.PeelDataError, match="got the boolean"):
        df.grade == np.True_  # noqa: B015
