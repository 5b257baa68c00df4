"""The bundled 2017-2025 grades against seeds/reference/peel-grades-2017-2025.csv:
every row is in the data with its grade, source, basis, note and carry-over;
the data hold no grade the file lacks; disputes and revisions are kept."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

import peel_effectiveness as pe
import peel_effectiveness.io.bundled

CSV = Path(pe.io.bundled._bundled_dir()) / "reference" / "peel-grades-2017-2025.csv"
with CSV.open(encoding="utf-8", newline="") as f:
    ROWS = list(csv.DictReader(f))
HEADLINES = {
    "Efficiency (overall)",
    "Legitimacy (overall)",
    pe.model.headline_question(2017, "effectiveness"),
}
CYCLES = {"2017", "2018/19", "2021/22", "2023-25"}

Cell = tuple[str, str, str, str]  # force id, cycle, pillar ("" when integrated), "overall" or key


def cell_of(row: dict[str, str]) -> Cell:
    cycle = pe.Cycle(row["cycle"])
    pillar = row["pillar"] or None
    key = "overall" if row["area"] in HEADLINES else pe.model.core_question(cycle, pillar, row["area"]).key
    return (pe.find_force(row["force"]).id, cycle.value, row["pillar"], key)


def judgment_of(data: pe.Dataset, cell: Cell) -> pe.Judgment | None:
    force, cycle, pillar, key = cell
    report = data.get(force, cycle, pillar or None)
    if report is None:
        return None
    if key == "overall":
        return report.judgment
    try:
        return report.assessment(key).judgment
    except pe.NotFoundError:
        return None


def grade(row: dict[str, str]) -> pe.Grade | pe.NoGrade:
    """The row's grade in the model's words: a source's 'not graded' on an
    area its cycle grades for no force is the model's 'ungraded'."""
    word = row["grade"]
    if word == "not graded" and cell_of(row)[3] != "overall":
        cycle = pe.Cycle(row["cycle"])
        if not pe.model.core_question(cycle, row["pillar"] or None, cell_of(row)[3]).graded:
            return pe.NoGrade.UNGRADED
    return pe.NoGrade(word) if word in {g.value for g in pe.NoGrade} else pe.Grade(word)


@pytest.fixture(scope="module")
def data() -> pe.Dataset:
    return pe.load_bundled()


def test_the_file_is_the_one_described() -> None:
    assert len(ROWS) == 1240
    assert {r["cycle"] for r in ROWS} == CYCLES
    # A grade by elimination from HMICFRS's count of grades says so.
    inferred = [r for r in ROWS if r["note"].startswith("inferred:")]
    assert len(inferred) == 50
    assert {r["basis"] for r in inferred} == {"inferred"}


def test_every_row_is_in_the_data_with_its_grade_and_source(data: pe.Dataset) -> None:
    for row in ROWS:
        j = judgment_of(data, cell_of(row))
        assert j is not None, row
        if row["note"].startswith("superseded"):
            # Part of the record, not in force.
            (old,) = [o for o in j.other_grades if o.kind is pe.model.OtherGradeKind.SUPERSEDED]
            assert old.grade is grade(row), row
            assert row["source_url"] in old.sources, row
            assert old.published == dt.date.fromisoformat(row["published"])
            continue
        if j.grade is grade(row):
            assert row["source_url"] in j.sources, row
            if row["carried_over_from"]:  # one source may say so where another does not
                assert j.carried_over_from is pe.Cycle(row["carried_over_from"]), row
            if row["note"]:
                assert row["note"] in j.note, row
        else:
            # Outweighed by better sources: kept, with its source.
            (other,) = [o for o in j.other_grades if o.grade is grade(row)]
            assert other.kind is pe.model.OtherGradeKind.DISPUTED, row
            assert row["source_url"] in other.sources, row


def test_the_basis_is_the_files(data: pe.Dataset) -> None:
    # A row marked stated whose quote the file tags "[wording]" was read
    # from HMICFRS's wording: inferred, as the file's README defines it (the
    # data said "stated" beside a note saying the grade was read from words).
    by_cell: dict[Cell, set[str]] = defaultdict(set)
    for row in ROWS:
        if not row["note"].startswith("superseded"):
            by_cell[cell_of(row)].add(
                "inferred" if row["quote"].rstrip().endswith("[wording]") else row["basis"]
            )
    for cell, bases in by_cell.items():
        j = judgment_of(data, cell)
        assert j is not None
        expected = pe.Basis.INFERRED if bases == {"inferred"} else pe.Basis.STATED
        assert j.basis is expected, cell


def test_a_grade_read_from_wording_is_inferred(data: pe.Dataset) -> None:
    read = [
        (r.force.id, r.cycle.value, j.note)
        for r in data.reports
        for j in (r.judgment, *(a.judgment for a in r.assessments))
        if j is not None and "read from HMICFRS's" in j.note and j.basis is not pe.Basis.INFERRED
    ]
    assert read == []
    mercia = data.report("west-mercia", "2018/19", "effectiveness").assessment(2).judgment
    assert mercia is not None
    assert (mercia.basis, mercia.note) == (
        pe.Basis.INFERRED,
        "grade read from HMICFRS's wording, not a printed grade",
    )


def test_the_data_hold_no_grade_the_file_lacks(data: pe.Dataset) -> None:
    sources: dict[Cell, set[str]] = defaultdict(set)
    grades: dict[Cell, set[pe.Grade | pe.NoGrade]] = defaultdict(set)
    carried: dict[Cell, set[str]] = defaultdict(set)
    for row in ROWS:
        sources[cell_of(row)].add(row["source_url"])
        grades[cell_of(row)].add(grade(row))
        carried[cell_of(row)].add(row["carried_over_from"])
    for r in data:
        if r.cycle.value not in CYCLES:
            continue
        pillar = "" if r.pillar is None else r.pillar.value
        judgments = [("overall", r.judgment)] + [
            (r.question(a.question).key, a.judgment) for a in r.assessments
        ]
        for key, j in judgments:
            if j is None:
                continue
            cell = (r.force.id, r.cycle.value, pillar, key)
            assert cell in sources, f"{cell} is not in the file"
            assert set(j.sources) <= sources[cell], cell
            assert j.grade in grades[cell], cell
            c = "" if j.carried_over_from is None else j.carried_over_from.value
            assert c in carried[cell], cell
            for other in j.other_grades:
                assert set(other.sources) <= sources[cell], cell
                assert other.grade in grades[cell], cell


def test_a_cell_the_file_lacks_is_left_out(data: pe.Dataset) -> None:
    # Cumbria's 2021/22 row is its victim service area only: nothing else is made up.
    r = data.report("cumbria", "2021/22")
    assert [a.question for a in r.assessments] == ["victim_service"]
    d = pe.analysis.grade_distribution(data, "2021/22", "investigating")
    assert pe.find_force("cumbria") in d.no_data


def test_a_disputed_grade_keeps_the_better_sourced_one_and_both_sources(data: pe.Dataset) -> None:
    j = data.report("devon-and-cornwall", "2023-25").assessment("vulnerable_people").judgment
    assert j is not None
    assert j.grade is pe.Grade.ADEQUATE
    assert len(j.sources) == 2
    (other,) = j.other_grades
    assert (other.grade, other.kind) == (pe.Grade.GOOD, pe.model.OtherGradeKind.DISPUTED)
    assert len(other.sources) == 1


def test_every_other_grade_has_the_day_its_rows_give_it_was_published(data: pe.Dataset) -> None:
    # A grade kept beside the one in force (disputed or superseded) was
    # published when its rows say, where they name one day.
    days: dict[tuple[Cell, str], set[str]] = defaultdict(set)
    for row in ROWS:
        days[(cell_of(row), row["grade"])].add(row["published"])
    checked = 0
    for (cell, word), published in days.items():
        j = judgment_of(data, cell)
        others = [o for o in (j.other_grades if j else ()) if o.grade.value == word]
        if not others:
            continue
        (other,) = others
        day = published.pop() if len(published) == 1 else ""
        assert other.published == (dt.date.fromisoformat(day) if len(day) == 10 else None), (cell, word)
        checked += 1
    assert checked == 2  # Devon and Cornwall's disputed grade, Northamptonshire's superseded one


def test_a_revised_grade_is_in_force_and_the_first_is_kept_with_its_dates(data: pe.Dataset) -> None:
    j = data.report("northamptonshire", "2023-25").assessment("responding").judgment
    assert j is not None
    assert j.grade is pe.Grade.REQUIRES_IMPROVEMENT
    (old,) = j.other_grades
    assert old.kind is pe.model.OtherGradeKind.SUPERSEDED
    assert old.grade is pe.Grade.ADEQUATE
    assert (old.published, old.superseded_on) == (dt.date(2024, 2, 16), dt.date(2024, 8, 8))
    assert pe.analysis.grade_distribution(data, "2023-25", "responding").count(pe.Grade.ADEQUATE) == 11


def test_not_graded_is_not_ungraded_and_neither_is_unknown(data: pe.Dataset) -> None:
    # 2023-25 grades no force on victim service: the sources' "not graded"
    # is the model's "ungraded", and the note says what the sources wrote.
    d = pe.analysis.grade_distribution(data, "2023-25", "victim_service")
    assert dict(d.no_grade).keys() == {pe.NoGrade.UNGRADED}
    # 35 from the sources; the other 8 forces' reports by the framework,
    # which grades no force on it: none unknown.
    assert d.count(pe.NoGrade.UNGRADED) == 43
    assert len(d.no_data) == 0
    notes = [
        a.judgment.note
        for r in data.for_cycle("2023-25")
        for a in r.assessments
        if r.question(a.question).key == "victim_service" and a.judgment is not None
    ]
    assert len(notes) == 35
    assert all("the sources say 'not graded'" in (n or "") for n in notes)
    # 2021/22 graded it for the first eight forces: "not graded" for the rest.
    d = pe.analysis.grade_distribution(data, "2021/22", "victim_service")
    assert d.count(pe.NoGrade.NOT_GRADED) == 31
    assert d.count(pe.NoGrade.UNGRADED) == 0
    q5 = data.report("cumbria", "2018/19").assessment(5).judgment
    assert q5 is not None
    assert q5.grade is pe.NoGrade.UNGRADED


def test_coverage_by_cycle(data: pe.Dataset) -> None:
    reports = defaultdict(int)
    for r in data:
        reports[r.cycle.value] += 1
    assert reports["2017"] == 39
    assert reports["2018/19"] == 128  # 43 effectiveness, 43 efficiency, 42 legitimacy
    # Some forces' only rows say an area was not graded: they have reports too.
    assert (reports["2021/22"], reports["2023-25"]) == (43, 43)
    assert len(data) == 338


def test_a_report_is_dated_where_its_rows_agree_on_the_day(data: pe.Dataset) -> None:
    dates: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in ROWS:
        if not row["note"].startswith("superseded"):
            dates[cell_of(row)[:3]].add(row["published"])
    theirs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in ROWS:
        if not row["note"].startswith("superseded") and "justiceinspectorates.gov.uk" in row["source_url"]:
            theirs[cell_of(row)[:3]].add(row["published"])
    theirs = {k: v - {""} for k, v in theirs.items()}
    for (force, cycle, pillar), published in dates.items():
        r = data.report(force, cycle, pillar or None)
        # A row without a date is silent; a month alone is not a day; where
        # the rows differ, HMICFRS's own pages decide, if they give one date.
        if len(published - {""}) > 1 and len(theirs.get((force, cycle, pillar), ())) == 1:
            published = theirs[force, cycle, pillar]
        stated = published - {""}
        (day,) = stated if len(stated) == 1 else (None,)
        expected = dt.date.fromisoformat(day) if day is not None and len(day) == 10 else None
        assert r.provenance.published == expected, (force, cycle, pillar, published)
    # Lincolnshire 2023-25: HMICFRS's report page says 15 May 2025, news of
    # its release 14 May: the publisher's own page's day.
    assert data.report("lincolnshire", "2023-25").provenance.published == dt.date(2025, 5, 15)
    assert data.report("norfolk", "2023-25").provenance.published == dt.date(2024, 9, 23)


def test_a_carry_over_of_a_carry_over_says_the_grade_may_be_older() -> None:
    # Kent's 2018/19 question 1 is carried over from 2017, whose judgment on
    # it was carried over from 2016: the reference's README records the doubt.
    data = pe.load_bundled()
    chained, noted = set(), set()
    for report in data.for_cycle("2018/19"):
        for a in report.assessments:
            j = a.judgment
            assert j is not None
            if "itself carried over from 2016" in j.note:
                noted.add((report.force.id, a.question))
            if j.carried_over_from is not pe.Cycle.Y2017:
                continue
            before = [
                b.judgment
                for r in data.for_force(report.force)
                if r.cycle is pe.Cycle.Y2017 and r.pillar is report.pillar
                for b in r.assessments
                if b.question == a.question
            ]
            if before and before[0] is not None and before[0].carried_over_from is pe.Cycle.Y2016:
                chained.add((report.force.id, a.question))
    assert chained == noted == {("kent", 1)}


def test_the_grade_files_are_what_the_importer_makes_of_the_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from tool_module import ROOT, load

    tool = load("import_grades")
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    # The files it makes taken away first: one it no longer makes is missed.
    made_here = [p for p in seeds.glob("*.yaml") if p.read_text(encoding="utf-8").startswith(tool.HEADER)]
    assert len(made_here) > 300
    for p in made_here:
        p.unlink()
    monkeypatch.setattr(tool, "SEEDS", seeds)
    tool.main()
    for made in made_here:
        assert made.read_bytes() == (ROOT / "seeds" / made.name).read_bytes(), made.name
