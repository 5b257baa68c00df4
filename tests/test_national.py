"""All 43 forces: reference data, sourced grades and the national picture."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import peel_effectiveness as pe
import peel_effectiveness.io.bundled
from clirun import rows, run, run_on
from peel_effectiveness import Grade
from peel_effectiveness.cli import main

REFERENCE = Path(pe.io.bundled._bundled_dir()) / "reference"


def _read(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


FORCES_CSV = _read("forces.csv")
GRADES_CSV = _read("peel-effectiveness-grades-2015-2016.csv")


def judgment_of(data: pe.Dataset, force: str, year: str, question: str) -> pe.Judgment | None:
    report = data.get(force, year)
    if report is None:
        return None
    if question == "overall":
        return report.judgment
    number = report.question(question).number
    return next((a.judgment for a in report.assessments if a.question == number), None)


def test_every_reference_row_is_in_the_bundled_data() -> None:
    data = pe.load_bundled()
    assert len(GRADES_CSV) == 277
    for row in GRADES_CSV:
        j = judgment_of(data, row["force"], row["year"], row["question"])
        assert j is not None, row
        assert j.grade is Grade(row["grade"]), row
        assert row["source_url"] in j.sources, row


def test_every_sourced_judgment_comes_from_the_reference_file() -> None:
    data = pe.load_bundled()
    expected: dict[tuple[str, str, str], tuple[str, list[str]]] = {}
    for row in GRADES_CSV:
        key = (pe.find_force(row["force"]).id, row["year"], row["question"])
        _grade, sources = expected.setdefault(key, (row["grade"], []))
        sources.append(row["source_url"])
    found: dict[tuple[str, str, str], tuple[str, list[str]]] = {}
    for r in data:
        if r.cycle.value not in ("2015", "2016"):
            continue  # tests/test_grades_2017_2025.py
        # The seed report, in which its grades are printed, is their source
        # too: not the reference file's, and not counted here.
        seed = (r.force.id, r.cycle.value) == ("cumbria", "2016")
        own = r.provenance.url if seed and r.provenance is not None else None
        judged = [("overall", r.judgment), *((r.question(a.question).key, a.judgment) for a in r.assessments)]
        for question, j in judged:
            sources = [] if j is None else [s for s in j.sources if s != own]
            if j is not None and sources:
                found[(r.force.id, r.cycle.value, question)] = (j.grade.value, sources)
    # One record per grade, with every source that gives it, in file order.
    assert found == expected


def test_missing_stays_missing() -> None:
    data = pe.load_bundled()
    known = {(pe.find_force(r["force"]).id, r["year"], r["question"]) for r in GRADES_CSV}
    for r in data:
        if r.cycle.value not in ("2015", "2016") or (r.force.id == "cumbria" and r.cycle.value == "2016"):
            continue
        assert (r.judgment is not None) == ((r.force.id, r.cycle.value, "overall") in known)
        for a in r.assessments:
            assert a.judgment is not None
            assert a.judgment.is_graded  # never "ungraded" for a grade not found
    # 2015: two forces have no overall grade in the sources.
    d = pe.analysis.grade_distribution(data, 2015)
    assert len(d.no_data) == 2
    assert d.no_grade == ()


def test_2016_overall_distribution_covers_all_43_forces() -> None:
    d = pe.analysis.grade_distribution(pe.load_bundled(), 2016)
    assert d.total == 43
    assert d.no_data == ()
    assert dict(d.counts) == {
        Grade.OUTSTANDING: 1,
        Grade.GOOD: 28,
        Grade.REQUIRES_IMPROVEMENT: 13,
        Grade.INADEQUATE: 1,
    }
    assert dict(d.forces_by_grade)[Grade.OUTSTANDING] == (pe.find_force("durham"),)
    assert dict(d.forces_by_grade)[Grade.INADEQUATE] == (pe.find_force("bedfordshire"),)
    assert sum(len(ids) for _, ids in d.forces_by_grade) == 43


def test_question_distribution_counts_missing_as_no_data() -> None:
    d = pe.analysis.grade_distribution(pe.load_bundled(), 2016, "q3_vulnerable")
    assert d.total == 43
    assert sum(n for _, n in d.counts) + len(d.no_data) == 43
    assert d.count(Grade.REQUIRES_IMPROVEMENT) >= 1


def test_transitions_2015_to_2016() -> None:
    t = pe.transitions(pe.load_bundled(), 2015, 2016)
    total = len(t.improved) + len(t.declined) + len(t.unchanged) + len(t.not_comparable) + len(t.no_data)
    assert total == 43
    # The two forces without a 2015 grade in the data are "no data", not "not comparable".
    assert sorted(x.force.id for x in t.no_data) == ["cleveland", "northamptonshire"]
    assert t.not_comparable == ()
    cumbria = next(x for x in t.improved if x.force.id == "cumbria")
    assert cumbria.change.direction is pe.analysis.Change.IMPROVED
    assert (cumbria.before, cumbria.after, cumbria.change.steps) == (
        Grade.REQUIRES_IMPROVEMENT,
        Grade.GOOD,
        1,
    )
    assert all(x.before is None or x.after is None for x in t.not_comparable)
    assert all(x.after > x.before for x in t.improved)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("from_cycle", "to_cycle", "question", "unchanged", "carried"),
    [
        ("2016", "2017", "q1_prevent", 6, 2),
        # A judgment carried over from 2017 or before tells the 2017 grade
        # the data lack: the same (13 forces were "no data").
        ("2017", "2018/19", "q1_prevent", 21, 20),
        # Those carried over from 2017 were judged again then: 3 and 3 more.
        ("2016", "2018/19", "q1_prevent", 16, 10),
        ("2016", "2018/19", "q2_investigate", 9, 1),
        ("2016", "2017", "overall", 24, 0),
    ],
)
def test_carried_over_are_the_unchanged_not_judged_again(
    from_cycle: str, to_cycle: str, question: str, unchanged: int, carried: int
) -> None:
    # A script counting len(t.unchanged) took forces not inspected again for
    # forces that held their grade (the counts: the bundled data's carry-overs).
    t = pe.transitions(pe.load_bundled(), from_cycle, to_cycle, question)
    assert (len(t.unchanged), len(t.carried_over)) == (unchanged, carried)
    assert set(t.carried_over) <= set(t.unchanged)
    assert all(
        x.judgment is not None
        and x.judgment.carried_over_from is not None
        and x.judgment.carried_over_from <= t.from_cycle
        for x in t.carried_over
    )


def test_a_pillar_without_a_cycle_is_pointed_to_the_latest_cycle_with_pillars() -> None:
    # The latest cycle, taken by default, is integrated: the message said to
    # leave the pillar out, the one thing asked for.
    code, out, err = run("national", "--pillar", "efficiency")
    assert (code, out) == (2, "")
    assert "or give --cycle 2018/19, the latest cycle with pillars" in err
    code, _, err = run("national", "--pillar", "efficiency", "--cycle", "2023-25")
    assert code == 2
    assert "--cycle 2018/19" not in err  # the cycle given is the one meant


def test_a_row_whose_grade_then_is_the_one_carried_over_says_so() -> None:
    # The grade then of a force the data have no 2017 judgment of is the
    # 2018/19 judgment's, carried over: a row without a word read as 2017's own.
    code, out, _ = run("national", "--cycle", "2018/19", "--question", "1", "--format", "csv")
    assert code == 0
    by_force = {r["force"]: r for r in rows(out)}
    cumbria = by_force["cumbria"]
    assert (cumbria["previous_grade"], cumbria["change"], cumbria["carried_over_from"]) == (
        "good",
        "unchanged",
        "2016",
    )
    assert cumbria["reason"] == "the 2016 judgment, carried over: not judged again since"
    assert by_force["city-of-london"]["reason"] == "the 2017 judgment, carried over: not judged again since"
    said = [r["force"] for r in rows(out) if r["reason"].endswith("carried over: not judged again since")]
    t = pe.transitions(pe.load_bundled(), "2017", "2018/19", "q1_prevent")
    assert said == sorted(x.force.id for x in t.carried_over)
    assert by_force["cleveland"]["reason"] == ""  # declined: judged again


def test_a_grade_carried_over_is_the_earlier_grade_the_data_lack() -> None:
    # Kent's 2017 and 2018/19 question 1 carried over from 2016, whose
    # report in the data says nothing of it: the grade stood, unchanged.
    text = """
- {force: kent, cycle: 2016, grade: good}
- {force: kent, cycle: 2017, grade: good, assessments: [{question: 1, grade: good, carried_over_from: 2016}]}
- force: kent
  cycle: 2018/19
  grade: good
  assessments: [{question: 1, grade: good, carried_over_from: 2016}]
"""
    data = pe.loads(text)
    for before, after in (("2016", "2017"), ("2016", "2018/19"), ("2017", "2018/19")):
        t = pe.transitions(data, before, after, "q1_prevent")
        assert [(x.force.id, x.before) for x in t.unchanged] == [("kent", Grade.GOOD)], (before, after)
        assert t.carried_over == t.unchanged
    # Not from a cycle after the earlier one: 2017's own grade is not known.
    data = pe.loads(text.replace("carried_over_from: 2016}]\n", "carried_over_from: 2017}]\n"))
    t = pe.transitions(data, "2016", "2018/19", "q1_prevent")
    assert t.unchanged == ()
    assert t.reason == "the data have no 2016 effectiveness judgments on q1_prevent"


@pytest.mark.parametrize("since", ["2017", "2016"])
def test_a_grade_carried_over_that_the_earlier_report_grades_otherwise_is_no_change(
    since: str, tmp_path: Path
) -> None:
    # A grade carried over is the earlier one: a 2017 report grading it
    # otherwise is the data disagreeing, and was counted "improved".
    text = (
        "- {force: kent, cycle: 2017, grade: good, assessments: [{question: 1, grade: requires improvement}]}\n"
        "- force: kent\n  cycle: 2018/19\n  grade: good\n"
        f"  assessments: [{{question: 1, grade: good, carried_over_from: {since}}}]\n"
    )
    t = pe.transitions(pe.loads(text), "2017", "2018/19", 1)
    assert t.improved == t.declined == t.unchanged == ()
    (x,) = t.not_comparable
    assert (x.force.id, x.before, x.after) == ("kent", Grade.REQUIRES_IMPROVEMENT, Grade.GOOD)
    assert x.change.reason == (
        f"the data disagree (the 2018/19 grade, good, is carried over from {since}, "
        "and the 2017 grade is requires improvement)"
    )
    # A grade carried over from a cycle after the earlier one was judged
    # again there: a change.
    if since == "2017":
        t = pe.transitions(pe.loads(text.replace("cycle: 2017,", "cycle: 2016,")), "2016", "2018/19", 1)
        assert [x.force.id for x in t.improved] == ["kent"]
    code, out, _ = run_on(tmp_path, text, "national", "--cycle", "2018/19", "--question", "1")
    assert code == 0
    assert (
        f"not comparable 1 the data disagree (the 2018/19 grade, good, is carried over from {since}, and "
        "the 2017 grade is requires improvement): Kent"
    ) in " ".join(out.split())


def test_the_judgment_before_one_carried_over_is_the_one_that_stood(tmp_path: Path) -> None:
    # Without the earlier report, the judgment a later one carries over is
    # the earlier cycle's: its grade, not the later judgment's own words.
    data = pe.loads(
        "- force: kent\n  cycle: 2017\n  grade: good\n  assessments:\n"
        "  - {question: 1, grade: good, carried_over_from: 2016, grade_note: Said of 2017., grade_sources: [https://x.org/1]}\n"
        "  - {question: 5, grade: ungraded, carried_over_from: 2016}\n"
        "- force: kent\n  cycle: 2018/19\n  grade: good\n  assessments:\n"
        "  - {question: 1, grade: good, carried_over_from: 2016}\n"
    )
    before = pe.analysis.judgment_before(data, data.report("kent", 2017), 1)
    assert before == pe.Judgment("good", sources=["https://x.org/1"])
    # Of 2017, from 2018/19's: carried over itself, from 2016 (the data's
    # 2017 report says nothing of it here, as none is given).
    only_2018 = pe.Dataset(tuple(r for r in data if str(r.cycle) == "2018/19"))
    before = pe.analysis.judgment_before(only_2018, only_2018.report("kent", "2018/19"), 1)
    assert before == pe.Judgment("good", carried_over_from=2016)
    code, out, _ = run_on(tmp_path, pe.dump(data), "show", "kent", "--cycle", "2017")
    assert code == 0
    said = " ".join(out.split())
    assert "Q1 Good (carried over from 2016) (same as 2016)" in said
    assert "Q5 Ungraded (carried over from 2016) (2016: Ungraded)" in said


def test_position() -> None:
    p = pe.analysis.position(pe.load_bundled(), "cumbria", 2016)
    assert str(p) == "one of 28 forces graded good in 2016 (of 43 forces graded)"
    assert (p.graded, p.unknown) == (43, 0)
    assert p.region == "North West"
    assert dict(p.region_grades)[pe.find_force("cumbria")] is Grade.GOOD
    assert (
        str(pe.analysis.position(pe.load_bundled(), "durham", 2016))
        == "the only force graded outstanding in 2016 (of 43 forces graded)"
    )
    # Where the data lack some forces' judgments, a standing says first that
    # it is among those they have: "the only force graded" was quoted alone.
    q3 = pe.analysis.position(pe.load_bundled(), "cumbria", 2016, 3)
    assert str(q3) == (
        "of the 10 forces with a grade in the data (33 unknown), the only one of those 10 graded requires "
        "improvement in 2016"
    )


@pytest.mark.parametrize("row", FORCES_CSV, ids=[r["short_name"] for r in FORCES_CSV])
def test_every_name_and_code_finds_the_right_force(row: dict[str, str]) -> None:
    for name in (row["official_name"], row["short_name"], row["ons_pfa_name"], row["gss_code"]):
        for spelling in (name, name.upper(), name.lower(), name.replace(" and ", " & ")):
            f = pe.find_force(spelling)
            assert (f.gss_code, f.official_name, f.short_name) == (
                row["gss_code"],
                row["official_name"],
                row["short_name"],
            )
    f = pe.find_force(row["gss_code"])
    assert (f.country.value, f.region) == (row["country"], row["region"])


def test_every_force_says_where_its_names_code_and_region_come_from() -> None:
    # The forces table said only ONS's code file, which holds none of the
    # official names nor the regions: each force's sources are its row's.
    for row in FORCES_CSV:
        f = pe.find_force(row["gss_code"])
        assert f.sources == tuple(u.strip() for u in row["source_url"].split(" ; ")), f.id
    rows = pe.to_records(pe.load_bundled(), "forces")
    assert len(rows) == 43
    for r in rows:
        assert r["sources"] == "\n".join(pe.find_force(r["id"]).sources)


def test_every_name_in_the_grades_file_finds_a_force() -> None:
    by_code = {r["short_name"]: r["gss_code"] for r in FORCES_CSV}
    for name in {r["force"] for r in GRADES_CSV}:
        f = pe.find_force(name)
        assert f.gss_code == by_code.get(name, f.gss_code)
    assert pe.find_force("Metropolitan Police").id == "metropolitan"


@pytest.mark.parametrize(
    ("alias", "force_id"),
    [
        ("Met", "metropolitan"),
        ("the Met", "metropolitan"),
        ("GMP", "greater-manchester"),
        ("Avon & Somerset", "avon-and-somerset"),
        ("Devon & Cornwall", "devon-and-cornwall"),
        ("devon-and-cornwall", "devon-and-cornwall"),
        ("Hampshire and Isle of Wight Constabulary", "hampshire"),
        ("TVP", "thames-valley"),
    ],
)
def test_aliases(alias: str, force_id: str) -> None:
    assert pe.find_force(alias).id == force_id


def test_name_history() -> None:
    hampshire = pe.find_force("hampshire")
    assert hampshire.official_name == "Hampshire Constabulary"
    assert hampshire.later_names == ("Hampshire and Isle of Wight Constabulary",)


def test_out_of_scope_forces_are_explained() -> None:
    with pytest.raises(pe.NotFoundError, match="not one of the 43 territorial forces"):
        pe.find_force("British Transport Police")


def test_outcome_groupings_are_versioned() -> None:
    g2016 = pe.model.outcome_grouping("hmic_2016")
    assert g2016.outcomes == tuple(range(1, 22))
    assert pe.model.outcome_grouping("home_office_2019").outcomes == tuple(range(1, 23))
    assert pe.model.outcome_grouping(pe.Period.parse("12 months to 30 June 2016").end) is g2016
    table = pe.load_bundled().report("cumbria", 2016).outcome_table("figure_4")
    names = {g.name: g.outcomes for g in g2016.groups}
    left_out = {}
    for row in table.rows:
        if isinstance(row, pe.OutcomeGroupRow):
            assert set(row.outcomes) <= set(names[row.group])
            left_out[row.group] = set(names[row.group]) - set(row.outcomes)
    # The report names six of the group's types; outcome 10 is in no row.
    assert {g: n for g, n in left_out.items() if n} == {
        "Prosecution prevented or not in the public interest": {10}
    }
    with pytest.raises(pe.NotFoundError):
        pe.model.outcome_grouping("nope")


def test_core_questions_of_each_cycle() -> None:
    for cycle, n, ungraded in ((2014, 6, {4, 5, 6}), (2015, 4, set()), (2016, 5, {5})):
        qs = pe.model.core_questions(cycle, "effectiveness")
        assert len(qs) == n
        assert {q.number for q in qs if not q.graded} == ungraded
        assert pe.Cycle(cycle).grade_scale is pe.model.GradeScale.FOUR_POINT


def test_national_command() -> None:
    import io

    out, err = io.StringIO(), io.StringIO()
    assert main(["national", "--cycle", "2016"], stdout=out, stderr=err) == 0
    text = out.getvalue()
    assert "good                    28" in text
    assert "Change from 2015 to 2016:" in text
    out = io.StringIO()
    assert (
        main(
            ["national", "--cycle", "2016", "--question", "q1_prevent", "--format", "json"],
            stdout=out,
            stderr=err,
        )
        == 0
    )
    assert '"grade": "good"' in out.getvalue()


def test_show_mentions_the_national_picture() -> None:
    import io

    out = io.StringIO()
    main(["show", "cumbria"], stdout=out, stderr=io.StringIO())
    assert "Nationally: one of 28 forces graded good in 2016 (of 43 forces graded)." in " ".join(
        out.getvalue().split()
    )


@pytest.mark.parametrize(
    ("force", "change"), [("avon-and-somerset", "improved"), ("bedfordshire", "declined")]
)
def test_one_answer_to_how_a_grade_changed(force: str, change: str) -> None:
    import io

    data = pe.load_bundled()
    report = data.report(force, 2016)
    assert report.previous_judgment is None  # the file does not say: the 2015 report does
    before = pe.analysis.judgment_before(data, report)
    assert before == data.report(force, 2015).judgment
    # Python, national, show and the exports agree.
    assert pe.grade_change(before, report.judgment).direction == change
    t = pe.transitions(data, 2015, 2016)
    assert force in [x.force.id for x in getattr(t, change)]
    out = io.StringIO()
    main(["show", force, "--cycle", "2016"], stdout=out, stderr=io.StringIO())
    assert f"({change} from {before} in 2015)" in out.getvalue()
    (row,) = [
        r
        for r in pe.to_records(data, "judgments")
        if r["force"] == force and r["cycle"] == "2016" and r["question"] == "overall"
    ]
    assert row["previous_grade"] == before.grade.value  # type: ignore[union-attr]
    out = io.StringIO()
    main(
        ["export", "--table", "judgments", "--force", force, "--cycle", "2016", "--format", "json"],
        stdout=out,
    )
    import json

    assert json.loads(out.getvalue())[0]["previous_grade"] == before.grade.value  # type: ignore[union-attr]


def test_no_previous_judgment_across_a_change_of_framework() -> None:
    data = pe.load_bundled()
    report = data.report("northamptonshire", "2021/22")
    assert pe.analysis.judgment_before(data, report, "responding") is None
    assert pe.analysis.judgment_before(data, data.report("cumbria", 2016), 5) is None  # 2015 had no Q5


def test_the_heading_says_how_many_forces_the_data_judge() -> None:
    import io

    out = io.StringIO()
    main(["national", "--cycle", "2016", "--question", "3"], stdout=out, stderr=io.StringIO())
    d = pe.analysis.grade_distribution(pe.load_bundled(), 2016, 3)
    first = " ".join(out.getvalue().split("\n\n")[0].split())
    assert first == (
        f"PEEL effectiveness 2016, Q3 protecting vulnerable people: {43 - len(d.no_data)} of the 43 forces judged "
        "in the data"
    )
    assert f"unknown {len(d.no_data):>18}" in " ".join(out.getvalue().split("\n"))


def test_national_rows_are_one_per_force_with_the_change() -> None:
    import csv
    import io

    out = io.StringIO()
    main(["national", "--cycle", "2016", "--format", "csv"], stdout=out, stderr=io.StringIO())
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == 43
    assert list(rows[0]) == [c.name for c in pe.output.COLUMNS["national"]]
    avon = next(r for r in rows if r["force"] == "avon-and-somerset")
    assert (avon["grade"], avon["previous_grade"], avon["change"]) == (
        "good",
        "requires improvement",
        "improved",
    )
    t = pe.transitions(pe.load_bundled(), 2015, 2016)
    assert sorted(r["force"] for r in rows if r["change"] == "improved") == sorted(
        x.force.id for x in t.improved
    )
    cleveland = next(r for r in rows if r["force"] == "cleveland")
    assert cleveland["reason"] == "no 2015 grade in the data"


def test_transitions_and_distributions_as_frames() -> None:
    data = pe.load_bundled()
    df = pe.to_dataframe(pe.transitions(data, 2015, 2016))
    assert list(df.columns) == [c.name for c in pe.output.COLUMNS["national"]]
    assert len(df) == 43
    assert (df[df.force == "bedfordshire"].change == "declined").all()
    d = pe.to_dataframe(pe.analysis.grade_distribution(data, "2023-25", "victim_service"))
    assert len(d) == 43
    assert d["grade"].isna().all()  # no force has a grade for it...
    # ...but "ungraded" is kept apart from "no data", in pandas and in the rows.
    assert (d["no_grade"] == "ungraded").sum() == 43  # 8 of them by the framework
    assert (d["grade"].isna() & d["no_grade"].isna()).sum() == 0
    rows = pe.to_records(pe.analysis.grade_distribution(data, "2023-25", "victim_service"))
    assert sum(r["no_grade"] == "ungraded" and r["grade"] is None for r in rows) == 43
    # Those the framework gives say so, and where it says it.
    given = [r for r in rows if r["note"] and r["note"].startswith("not in the data")]
    assert len(given) == 8
    assert {r["sources"] for r in given} == {
        "https://hmicfrs.justiceinspectorates.gov.uk/publication-html/peel-assessment-framework-2023-25/"
    }
    # Unknown still means nothing in the data: 2023-25's police powers.
    powers = pe.to_records(pe.analysis.grade_distribution(data, "2023-25", "police_powers"))
    assert any(r["grade"] is None and r["no_grade"] is None for r in powers)


def test_a_cycle_the_data_lack_is_no_data_not_not_comparable() -> None:
    # HMIC graded 2016's efficiency: the bundled data hold none of it, which
    # says nothing of whether 2016 and 2017 compare.
    t = pe.transitions(pe.load_bundled(), 2016, 2017, pillar="efficiency")
    assert (len(t.no_data), len(t.not_comparable)) == (43, 0)
    assert t.reason == "the data have no 2016 efficiency judgments overall"
    assert {x.change.direction for x in t.no_data} == {"no data"}
    # A break in the framework is still not comparable.
    t = pe.transitions(pe.load_bundled(), "2021/22", "2023-25", "investigating")
    assert (len(t.no_data), len(t.not_comparable)) == (0, 43)


def test_a_pillar_hmic_did_not_grade_is_not_comparable_nor_unknown() -> None:
    # 2015's and 2016's leadership had no overall grade: that is known, and
    # is neither "no data" nor 43 forces of unknown grade.
    t = pe.transitions(pe.load_bundled(), 2015, 2016, pillar="leadership")
    assert (len(t.not_comparable), len(t.no_data)) == (43, 0)
    assert t.reason == "HMIC gave the 2015 leadership pillar no overall grade"
    with pytest.raises(pe.NotFoundError, match="HMIC gave the 2016 leadership pillar no overall grade"):
        pe.analysis.grade_distribution(pe.load_bundled(), 2016, pillar="leadership")


def test_a_standing_alone_in_the_data_says_so_in_plain_words() -> None:
    data = pe.loads("force: cumbria\ncycle: 2016\ngrade: good\n")
    assert str(pe.analysis.position(data, "cumbria", 2016)) == (
        "graded good in 2016, the only force with a grade in the data (42 unknown)"
    )


@pytest.mark.parametrize("pillar", ["effectiveness", "efficiency", "legitimacy"])
def test_a_pillar_s_grades_across_the_change_to_integrated_reports_are_that_pillar_s(pillar: str) -> None:
    # Each force's 2018/19 overall grade of the pillar asked for, or none
    # where the data have none: never another pillar's.
    data = pe.load_bundled()
    t = pe.transitions(data, "2018/19", "2021/22", "overall", pillar)
    assert str(t.pillar) == pillar
    for x in (*t.improved, *t.declined, *t.unchanged, *t.not_comparable, *t.no_data):
        report = data.get(x.force, "2018/19", pillar)
        expected = None if report is None or report.judgment is None else report.judgment.grade
        assert x.before == expected, (x.force.id, x.before, expected)
    assert {r["pillar"] for r in pe.to_records(t)} == {pillar}
    # Surrey has no 2018/19 legitimacy report in the data: unknown, not its effectiveness grade.
    if pillar == "legitimacy":
        surrey = next(x for x in t.not_comparable if x.force.id == "surrey")
        assert surrey.before is None
    # Without a force's report of the pillar, its grade is unknown, whatever its others say.
    fewer = pe.Dataset(
        [
            r
            for r in data
            if not (r.force.id == "kent" and str(r.cycle) == "2018/19" and str(r.pillar) == pillar)
        ]
    )
    kent = next(
        x
        for x in (*pe.transitions(fewer, "2018/19", "2021/22", "overall", pillar).not_comparable,)
        if x.force.id == "kent"
    )
    assert kent.before is None


@pytest.mark.parametrize(("cycle", "pillar"), [(2014, None), (2014, "legitimacy"), (2016, "leadership")])
def test_a_force_s_place_on_an_overall_grade_hmic_never_gave_is_refused_not_unknown(
    cycle: int, pillar: str | None
) -> None:
    data = pe.load_bundled()
    with pytest.raises(pe.NotFoundError, match="no overall grade"):
        pe.analysis.grade_distribution(data, cycle, "overall", pillar)
    with pytest.raises(pe.NotFoundError, match="no overall grade"):
        pe.analysis.position(data, "cumbria", cycle, "overall", pillar)


def test_the_reason_grades_cannot_be_compared_names_the_cycles_asked_about() -> None:
    why = pe.model.why_not_comparable
    assert (
        why("2021/22", "2023-25")
        == "HMICFRS says 2023-25 grades cannot be compared with 2021/22: the questions changed"
    )
    # The first change between them is the reason, and the later cycle is named.
    assert why("2021/22", "2025-27") == (
        "HMICFRS says 2023-25 grades cannot be compared with 2021/22: the questions changed "
        "(2025-27 comes after that change)"
    )
    assert "2023-25" in pe.transitions(pe.load_bundled(), "2021/22", "2025-27", "leadership").reason
    assert (
        "(2025-27 comes after" in pe.transitions(pe.load_bundled(), "2021/22", "2025-27", "leadership").reason
    )


def test_national_on_a_judgment_no_force_has_in_the_data_fails_as_show_and_plot_do(tmp_path: Path) -> None:
    for args in (
        ["--cycle", "2016", "--pillar", "legitimacy"],
        ["--cycle", "2017", "--pillar", "efficiency"],
    ):
        for fmt in ("table", "csv"):
            code, out, err = run("national", *args, "--format", fmt)
            assert (code, out) == (1, "")
            assert "judgments overall, of any of the 43 forces" in err
    # The overall grade named where the data hold the pillar's questions:
    # "no effectiveness 2016 judgments" over seven judgments of question 5.
    mine = pe.dump(pe.Dataset((pe.InspectionReport(force="kent", cycle=2016),)), format="yaml")
    code, _, err = run_on(tmp_path, mine, "national", "--cycle", "2016")
    assert (code, err) == (
        1,
        "peel-effectiveness: the data have no effectiveness 2016 judgments overall, of any of the 43 forces\n",
    )


def test_a_pillar_a_cycle_lacks_is_the_error_said_first() -> None:
    # Whether or not the data have reports of the cycle: bad usage, exit 2.
    for args, said in (
        (["--cycle", "2023-25", "--pillar", "effectiveness"], "2023-25 is integrated: it has no pillars"),
        (["--pillar", "effectiveness"], "2023-25 is integrated: it has no pillars"),
        (["--cycle", "2025-27", "--pillar", "effectiveness"], "2025-27 is integrated: it has no pillars"),
        (["--cycle", "2014", "--pillar", "leadership"], "2014 has no leadership pillar"),
    ):
        code, _, err = run("national", *args)
        assert code == 2, args
        assert said in err, args
    # And in Python: the cycle that lacks the pillar is the one named.
    with pytest.raises(pe.NotFoundError, match="2018/19 has no leadership pillar"):
        pe.transitions(pe.load_bundled(), "2018/19", "2021/22", "overall", "leadership")


def test_the_counts_of_every_judgment_say_their_cycle_and_their_sources() -> None:
    data = pe.load_bundled()
    code, out, _ = run("national", "--cycle", "2023-25", "--format", "csv")
    assert code == 0
    table = rows(out)
    assert {r["cycle"] for r in table} == {"2023-25"}
    for r in table:
        said = pe.analysis.describe_sources(
            data.for_cycle("2023-25")
        )  # each row's kinds are among the cycle's
        kinds = {str(k) for k, _ in said.counts}
        counted = 0
        for part in filter(None, r["sources"].split("), ")):
            kind, n = part.rstrip(")").rsplit(" (", 1)
            assert kind in kinds
            counted += int(n)
        judged = sum(
            int(r[c])
            for c in r
            if c not in ("cycle", "pillar", "question", "label", "unknown", "inferred", "sources")
        )
        assert counted == judged, r


@pytest.mark.parametrize(
    ("cycle", "question"), [("2016", "overall"), ("2023-25", "investigating"), ("2014", "overall")]
)
def test_each_force_s_row_says_how_its_grade_is_known_and_where_it_comes_from(
    cycle: str, question: str
) -> None:
    # As the judgments table says it, row for row: the national picture's
    # rows named no source.
    code, out, _ = run("export", "--table", "judgments", "--cycle", cycle, "--format", "csv")
    if cycle == "2014":  # no cycle before it: a distribution's rows, of data of one's own
        assert code == 1  # (the bundle has no 2014 report)
        data = pe.loads("force: kent\ncycle: 2014\npillar: efficiency\ngrade: good\ngrade_sources: [HMIC]\n")
        rows_of = pe.to_records(pe.analysis.grade_distribution(data, cycle, question, "efficiency"))
        kent = next(r for r in rows_of if r["force"] == "kent")
        assert (kent["basis"], kent["sources"]) == ("stated", "HMIC")
        assert all(r["sources"] is None for r in rows_of if r["force"] != "kent")
        return
    judged = {
        r["force"]: r for r in rows(out) if r["question"] == question and r["pillar"] in ("", "effectiveness")
    }
    code, out, _ = run("national", "--cycle", cycle, "--question", question, "--format", "csv")
    assert code == 0
    for r in rows(out):
        j = judged.get(r["force"])
        cells = ("basis", "carried_over_from", "note", "sources")
        assert tuple(r[c] for c in cells) == (tuple(j[c] for c in cells) if j else ("", "", "", "")), r[
            "force"
        ]


def test_a_force_s_place_on_a_question_graded_for_no_force_is_not_unknown() -> None:
    # 2016's Q5 was graded for no force and asked of every force: Kent's
    # report is ungraded on it, as the framework says, though the data do
    # not hold that judgment.
    data = pe.load_bundled()
    p = pe.analysis.position(data, "kent", 2016, 5)
    assert (p.grade, p.graded_for_none) == (pe.NoGrade.UNGRADED, True)
    assert str(p) == "ungraded for Kent in 2016"
    assert not pe.analysis.position(data, "kent", 2016, 1).graded_for_none
    code, out, _ = run("national", "--cycle", "2016", "--question", "5", "--force", "kent")
    assert code == 0
    assert "Kent: ungraded for Kent in 2016" in out
    assert "unknown for Kent" not in out
    # 2021/22's armed threats were asked under its first framework only:
    # of a force the data hold nothing of, nothing is said but that.
    p = pe.analysis.position(data, "kent", "2021/22", "armed_threats")
    assert (p.grade, p.graded_for_none) == (None, True)
    assert str(p) == "unknown for Kent in 2021/22: nothing in the data (no force was graded on it)"


def test_a_judgment_the_framework_gives_is_inferred_where_its_source_is_a_later_cycles() -> None:
    # 2016's and 2017's question 5 is ungraded for every force as the 2018/19
    # grade wheel lists it, and 2016's press releases grade questions 1 to 4
    # only: no page of those cycles prints "ungraded", so it is not stated.
    from peel_effectiveness.analysis._standing import by_framework

    data = pe.load_bundled()
    wheel = "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/?view=wheel&sort=alpha&data=question&group_by_region=off"
    for cycle in ("2016", "2017"):
        j = by_framework(data.report("kent", cycle))["q5_specialist"]
        assert (j.grade, j.basis) == (pe.NoGrade.UNGRADED, pe.Basis.INFERRED)
        assert wheel in j.sources
        assert "2018/19 grade wheel" in j.note
    j = by_framework(data.report("kent", "2016"))["q5_specialist"]
    assert (
        "https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-police-effectiveness-2016-force-press-releases/"
        in j.sources
    )
    j = by_framework(data.report("kent", "2018/19", "effectiveness"))["q5_specialist"]
    assert (j.basis, j.sources) == (pe.Basis.STATED, (wheel,))
    j = by_framework(data.report("kent", "2023-25"))["victim_service"]
    assert j.basis is pe.Basis.STATED


@pytest.mark.parametrize("grade", [3, None, pe.Judgment("good")])
def test_a_count_is_of_a_grade_or_a_reason_and_says_so(grade: object) -> None:
    counts = pe.analysis.grade_distribution(pe.load_bundled(), 2016)
    with pytest.raises(TypeError, match=r"^grade must be a Grade, a NoGrade or text naming one, not "):
        counts.count(grade)  # type: ignore[arg-type]


def test_the_heading_says_which_judgments_the_framework_gives() -> None:
    code, out, _ = run("national", "--cycle", "2016", "--question", "5")
    assert code == 0
    heading = " ".join(out.split("\n\n")[0].split())
    assert heading == (
        "PEEL effectiveness 2016, Q5 specialist capabilities: 43 of the 43 forces judged in the data. 2016 grades no force on it: "
        "42 of them are ungraded by its framework, their reports in the data saying nothing of it."
    )


def test_a_question_asked_of_some_forces_says_why_the_others_are_unknown() -> None:
    q = pe.model.core_question("2021/22", None, "strategic_policing_requirement")
    assert q.asked_of is not None
    assert "first framework only" in q.asked_of
    assert not q.ungraded_for_all
    assert pe.model.core_question("2016", "effectiveness", 5).asked_of is None
    code, out, _ = run("national", "--cycle", "2021/22", "--question", "armed_threats")
    assert code == 0
    said = " ".join(out.split())
    assert "unknown 35" in said
    assert f"2021/22 asked it {pe.model.core_question('2021/22', None, 'armed_threats').asked_of}" in said
    assert "the data hold no judgment of it for the other 35 forces (unknown)." in said
    code, out, _ = run("national", "--cycle", "2021/22", "--question", "investigating")
    assert "asked it" not in out
    code, out, _ = run("coverage", "--cycle", "2021/22")
    said = " ".join(out.split())
    assert (
        "2021/22 asked Meeting the strategic policing requirement and Protecting the public from armed "
        "threats under its first framework only, which was revised in March 2022 after the first 8 forces' "
        "reports; the data hold no judgment of them for the other forces (unknown)."
    ) in said


def test_grades_inferred_from_wording_are_counted_and_said() -> None:
    data = pe.load_bundled()
    dist = pe.analysis.grade_distribution(data, "2018/19", 2)
    inferred = sorted(
        f.short_name
        for f, j, _ in dist.judgments
        if j.grade is Grade.REQUIRES_IMPROVEMENT and j.basis.value == "inferred"
    )
    assert inferred  # the reference reads several from HMICFRS's "needs to improve"
    code, out, _ = run("national", "--cycle", "2018/19", "--question", "2", "--force", "cleveland")
    assert code == 0
    (line,) = [x for x in out.splitlines() if x.strip().startswith("requires improvement")]
    assert line.split()[2:5] == ["11", f"({len(inferred)}", "inferred):"]
    said = " ".join(out.split())
    assert f"?: inferred, {pe.Basis.INFERRED.meaning}." in said
    # Each count names its forces, those inferred marked.
    names = said.split(" requires improvement 11 ")[1].split(" inadequate ")[0].split(": ", 1)[1].split(", ")
    assert len(names) == 11
    assert sorted(n.removesuffix("?") for n in names if n.endswith("?")) == inferred
    p = pe.analysis.position(data, "cleveland", "2018/19", 2)
    assert sorted(f.short_name for f in p.inferred) == inferred
    assert str(p).endswith(
        f"; {len(inferred)} of the 11 grades, this one among them, are inferred, not printed"
    )
    assert "inferred" not in str(pe.analysis.position(data, "cumbria", "2016"))


def test_a_force_not_asked_a_question_asked_of_some_is_unknown_not_ungraded() -> None:
    data = pe.load_bundled()
    p = pe.analysis.position(data, "cumbria", "2021/22", "armed_threats")
    assert p.grade is None
    assert str(p).startswith("unknown for Cumbria in 2021/22: nothing in the data")


def test_the_table_of_every_area_says_how_many_grades_are_inferred() -> None:
    data = pe.load_bundled()
    inferred = sum(
        1
        for r in data.for_cycle("2023-25")
        for a in r.assessments
        if r.force in pe.forces() and a.judgment is not None and a.judgment.basis is pe.Basis.INFERRED
    )
    assert inferred
    code, out, _ = run("national", "--cycle", "2023-25")
    assert code == 0
    assert f" {inferred} of the judgments are inferred, not printed:" in " ".join(out.split())


def test_the_table_of_every_area_counts_its_inferred_judgments_in_every_format() -> None:
    # The CSV lacked what the terminal's table says: "40 of the judgments
    # are inferred, not printed".
    from clirun import rows, run

    _, out, _ = run("national", "--cycle", "2023-25", "--format", "csv")
    total = sum(int(r["inferred"]) for r in rows(out))
    _, text, _ = run("national", "--cycle", "2023-25")
    assert f"{total} of the judgments are inferred, not printed" in " ".join(text.split())
    assert total > 0


def test_a_cycle_s_pillars_the_data_hold_no_report_of_are_said_to_be_left_out() -> None:
    # 2016 looked whole: only effectiveness was listed, and nothing said the
    # data hold no efficiency or legitimacy reports.
    from clirun import run

    said = "The data hold no 2016 efficiency or legitimacy reports"  # leadership: graded nothing
    for command in (
        ["national", "--cycle", "2016", "--question", "all"],
        ["national", "--cycle", "2016", "--force", "cumbria"],
        ["coverage", "--cycle", "2016"],
    ):
        code, out, err = run(*command)
        assert code == 0
        assert said in " ".join(out.split())
        code, out, err = run(*command, "--format", "csv")
        assert said.replace("The", "the") in " ".join(err.split())
        assert said not in out
    code, out, _ = run("national", "--cycle", "2018/19", "--question", "all")
    assert "The data hold no" not in out


def test_a_pillar_held_only_of_a_force_of_your_own_is_still_said_to_be_left_out(tmp_path: Path) -> None:
    import figures
    from clirun import run

    mine = figures.own_force_report(tmp_path / "mine.yaml", pillar="efficiency")
    code, out, err = run("-q", "--data", str(mine), "coverage", "--cycle", "2016")
    assert code == 0, err
    said = " ".join(out.split())
    # Still said of the 43, as unknown where coverage shows the pillar's rows (of yours).
    assert "The data hold no 2016 legitimacy reports: its judgments are left out" in said
    assert "The data hold no 2016 efficiency reports on the 43 forces: its judgments are unknown" in said


def test_a_force_s_standings_say_where_the_judgments_they_count_come_from() -> None:
    # As national's table does: its CSV had no sources, its text no line of them.
    from clirun import rows, run

    code, out, _ = run("national", "--cycle", "2016", "--question", "all", "--format", "csv")
    of_all = {r["question"]: r["sources"] for r in rows(out)}
    code, out, _ = run("national", "--cycle", "2016", "--force", "cumbria", "--format", "csv")
    assert code == 0
    got = rows(out)
    assert list(got[0])[-2:] == ["sources", "grade_sources"]
    assert {r["question"]: r["sources"] for r in got} == {q: of_all[q] for q in (r["question"] for r in got)}
    assert got[0]["sources"].startswith("HMIC/HMICFRS (")
    code, out, _ = run("national", "--cycle", "2016", "--force", "cumbria")
    said = " ".join(out.split())
    assert "Sources: HMIC/HMICFRS (" in said
    assert said.endswith("under its most official source")
    # And where the force's own judgment comes from; none said is null, not "".
    code, out, _ = run("national", "--cycle", "2018/19", "--force", "cumbria", "--format", "json")
    got = {(r["pillar"], r["question"]): r for r in json.loads(out)}
    report = pe.load_bundled().report("cumbria", "2018/19", "efficiency")
    assert got[("efficiency", "overall")]["grade_sources"].split("\n") == list(report.judgment.sources)
    assert got[("efficiency", "q1_demand")]["sources"] is None
    assert got[("efficiency", "q1_demand")]["grade_sources"] is None
    code, out, _ = run("national", "--cycle", "2018/19", "--question", "all", "--format", "json")
    assert {r["question"]: r["sources"] for r in json.loads(out) if r["pillar"] == "efficiency"}[
        "q1_demand"
    ] is None
    # Of the pillar asked about, not of the whole cycle (it said "310 judgments").
    _, out, _ = run("national", "--cycle", "2018/19", "--force", "cumbria", "--pillar", "efficiency")
    assert "each of the 43 judgments counted once" in " ".join(out.split())


def test_one_question_with_a_force_gives_its_row_in_every_format() -> None:
    # The CSV ignored --force: every force's row, as without it.
    from clirun import rows, run

    code, out, _ = run(
        "national", "--cycle", "2016", "--question", "3", "--force", "cumbria", "--format", "csv"
    )
    assert code == 0
    got = rows(out)
    assert [(r["force"], r["grade"]) for r in got] == [("cumbria", "requires improvement")]


def test_a_standing_says_why_it_is_among_none_once_and_a_count_of_one_is_singular(tmp_path: Path) -> None:
    from clirun import run

    _, out, _ = run("national", "--cycle", "2017", "--force", "northamptonshire")
    said = " ".join(out.split())
    assert "(no force was graded on it) (none graded in the data)" not in said
    assert "nothing in the data (no force was graded on it)" in said
    mine = tmp_path / "kent.yaml"
    mine.write_text(
        "{force: kent, cycle: 2015, assessments: [{question: 1, grade: good, basis: inferred}]}\n"
    )
    _, out, _ = run("--data", str(mine), "--no-bundled", "national", "--cycle", "2015", "--question", "all")
    assert "1 of the judgments is inferred" in " ".join(out.split())


def test_a_change_with_no_data_says_which_grade_the_data_lack() -> None:
    # "no data  2  Cleveland, Northamptonshire": both have 2016 grades; the
    # data lack their 2015 ones.
    from clirun import run

    _, out, _ = run("national", "--cycle", "2016")
    (line,) = [x for x in out.splitlines() if x.strip().startswith("no data")]
    assert line.split(None, 3)[2:] == ["2", "no 2015 grade: Cleveland, Northamptonshire"]
    _, out, _ = run("national", "--cycle", "2017", "--question", "3")
    said = " ".join(out.split("Change from 2016 to 2017:")[1].split())
    assert "no 2016 grade: Cleveland," in said
    assert "; no 2017 grade: Bedfordshire, Cumbria," in said
    assert "; neither: Cambridgeshire," in said


@pytest.mark.parametrize(("cycle", "question"), [("2023-25", "investigating"), ("2018/19", "1")])
def test_a_count_names_its_forces_each_whole_on_a_line(cycle: str, question: str) -> None:
    # The counts named no forces; the change's lists cut "South Yorkshire"
    # across two lines.
    code, out, _ = run("national", "--cycle", cycle, "--question", question)
    assert code == 0
    dist = pe.analysis.grade_distribution(pe.load_bundled(), cycle, question)
    lines = out.splitlines()
    assert max(map(len, lines)) <= 80
    for grade, forces in dist.forces_by_grade:
        (line,) = [x for x in lines if x.startswith(f"  {grade.value} ")]
        if forces:
            at = lines.index(line)
            listed = " ".join(lines[at : at + 4])
            assert forces[0].short_name in listed
    for f in pe.forces():
        assert any(f.short_name in x for x in lines), f.short_name


def test_a_change_of_a_cycle_the_data_hold_no_grade_of_is_no_data_not_incomparable() -> None:
    # Nothing is known of the forces then: it says nothing of whether they compare.
    from peel_effectiveness.cli._changes import changes_said

    data = pe.load_bundled()
    alone = pe.Dataset([r for r in data if r.cycle.value == "2016" and r.force.id != "cumbria"])
    said = " ".join(changes_said(pe.transitions(alone, 2015, 2016)).split())
    assert said == "Change from 2015 to 2016: no data: the data have no 2015 effectiveness judgments overall"


# A report may hold the "ungraded" overall judgment of a pillar HMIC graded
# no force on overall (2014's effectiveness, 2015's leadership). The national
# picture counts no such judgment; the grid still shows it.
UNGRADED_PILLARS = (
    "- {force: kent, cycle: 2014, pillar: effectiveness, grade: ungraded}\n"
    "- {force: kent, cycle: 2015, pillar: leadership, grade: ungraded}\n"
)


def test_the_national_picture_counts_no_overall_grade_hmic_gave_no_force() -> None:
    data = pe.loads(UNGRADED_PILLARS)
    # Each raised "HMIC gave the 2014 effectiveness pillar no overall grade".
    assert [d.question for d in pe.analysis.grade_distributions(data, 2014)] == [
        q.key for q in pe.model.core_questions(2014, "effectiveness")
    ]
    assert "overall" not in [
        d.question for d in pe.analysis.grade_distributions(data, 2015) if d.pillar == "leadership"
    ]
    with pytest.raises(pe.NotFoundError, match="HMIC gave the 2014 effectiveness pillar no overall grade"):
        pe.analysis.position(data, "kent", 2014)


def test_national_of_a_force_leaves_out_an_overall_grade_hmic_gave_no_force(tmp_path: Path) -> None:
    code, out, err = run_on(
        tmp_path, UNGRADED_PILLARS, "-q", "national", "--cycle", "2014", "--force", "kent"
    )
    assert (code, err) == (0, "")
    assert "effectiveness: Q1 reducing crime: unknown for Kent in 2014" in " ".join(out.split())
    assert "overall" not in out
    code, out, err = run_on(
        tmp_path,
        UNGRADED_PILLARS,
        "-q",
        "national",
        "--cycle",
        "2015",
        "--force",
        "kent",
        "--pillar",
        "leadership",
    )
    assert (code, out) == (1, "")
    assert err == (
        "peel-effectiveness: the data have no 2015 judgments of leadership "
        "(HMIC gave the 2015 leadership pillar no overall grade)\n"
    )


def test_national_s_table_of_no_judgment_counted_is_an_error_not_an_empty_table(tmp_path: Path) -> None:
    # It wrote the heading and the columns' names over no row.
    code, out, err = run_on(
        tmp_path, UNGRADED_PILLARS, "-q", "national", "--cycle", "2014", "--question", "all"
    )
    assert (code, out) == (1, "")
    assert err == (
        "peel-effectiveness: the data have no 2014 judgments the national picture counts, of any of the 43 forces\n"
    )
    code, out, _ = run_on(
        tmp_path, UNGRADED_PILLARS, "national", "--cycle", "2014", "--question", "all", "--format", "csv"
    )
    assert code == 0
    assert {r["question"] for r in rows(out)} == {
        q.key for q in pe.model.core_questions(2014, "effectiveness")
    }


def test_coverage_counts_an_overall_grade_hmic_gave_no_force_where_the_data_hold_one() -> None:
    # It was left out without a word (and before, coverage raised on it).
    (overall, *_) = pe.analysis.coverage(pe.loads(UNGRADED_PILLARS), 2014)
    assert (
        str(overall)
        == "2014 effectiveness overall (2014 grades no force on it): 0 graded, 1 ungraded, 42 unknown"
    )


def test_the_grid_shows_an_overall_grade_hmic_gave_no_force_where_the_data_hold_one(tmp_path: Path) -> None:
    code, out, _ = run_on(
        tmp_path, UNGRADED_PILLARS, "-q", "export", "--table", "grid", "--cycle", "2014", "--format", "csv"
    )
    assert code == 0
    (kent,) = rows(out)
    assert kent["effectiveness_overall"] == "ungraded"
