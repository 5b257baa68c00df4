"""Outputs a newsroom can trust and join (#21): grades never dropped,
sources said as they are, tables that join, SQLite.

Each bullet has a command-line test and a Python test, numbered after it;
each fails on the code as the issue was filed (ddcf9b0). The detailed tests
of each part are in test_tables, test_sources and test_sqlite.
"""

from __future__ import annotations

import csv
import io

import pytest

import peel_effectiveness as pe
from peel_effectiveness.cli import main


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


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
