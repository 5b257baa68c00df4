"""pandas data frames: the same columns as to_records, with proper dtypes."""

from __future__ import annotations

import sys

import pytest

import peel_effectiveness as pe

pd = pytest.importorskip("pandas")


def test_measurements_frame() -> None:
    data = pe.load_bundled()
    df = pe.to_dataframe(data)
    assert list(df.columns) == list(pe.MEASUREMENT_COLUMNS)
    assert len(df) == len(pe.to_records(data))
    assert str(df["value"].dtype) == "float64"
    assert str(df["period_end"].dtype).startswith("datetime64")
    assert df["cycle"].cat.ordered
    row = df[df["metric"] == "recorded_crime_rate"].iloc[0]
    assert (row["value"], row["england_and_wales"]) == (51.7, 68.2)
    assert row["period_start"] == pd.Timestamp("2015-07-01")


def test_judgments_frame_orders_grades() -> None:
    df = pe.to_dataframe(pe.load_bundled(), table="judgments")
    assert list(df.columns) == list(pe.JUDGMENT_COLUMNS)
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
