"""Every PEEL cycle from 2014 to 2025-27: the registry, reports of each structure,
the reasons for no grade, unknown questions, and which grades compare."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import peel_effectiveness as pe
from clirun import run
from peel_effectiveness.model import questions as registry

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture
def fresh_registry() -> Iterator[None]:
    """The registry as shipped again after the test (it is the process's)."""
    saved, incomplete = list(registry._registry()), set(registry._INCOMPLETE)
    yield
    registry._REGISTRY[:] = saved
    registry._INCOMPLETE.clear()
    registry._INCOMPLETE.update(incomplete)
    registry.generation[0] += 1


# --- the registry ---------------------------------------------------------------


def test_every_cycle_has_its_structure() -> None:
    for cycle in pe.Cycle:
        assert cycle.first_published is not None, cycle
        assert cycle.publication, cycle
        if cycle.integrated:
            assert cycle.pillars == ()
            assert cycle.grade_scale is pe.model.GradeScale.FIVE_POINT
        else:
            assert pe.Pillar.EFFECTIVENESS in cycle.pillars
            assert cycle.grade_scale is pe.model.GradeScale.FOUR_POINT
    assert [c.value for c in pe.Cycle if c.integrated] == ["2021/22", "2023-25", "2025-27"]


def test_the_integrated_areas_as_cycles_md_lists_them() -> None:
    areas_2021 = pe.model.core_questions("2021/22")
    assert len(areas_2021) == 13
    assert {q.key for q in areas_2021 if not q.graded} == {"strategic_policing_requirement", "armed_threats"}
    areas_2023 = pe.model.core_questions("2023-25")
    assert [q.text for q in areas_2023][:3] == [
        "Providing a service to victims of crime",
        "Police powers and public treatment",
        "Preventing crime",
    ]
    assert {q.key for q in areas_2023 if not q.graded} == {"victim_service"}
    assert all(q.pillar is None and q.number is None for q in (*areas_2021, *areas_2023))
    assert (
        pe.model.core_question("2025-27", None, 1).text
        == "How good is the force at leadership and force management?"
    )
    # The names sources use find the same area.
    assert pe.model.core_question("2021/22", None, "crime data integrity").key == "crime_recording"
    assert (
        pe.model.core_question("2023-25", None, "Managing offenders and suspects").key == "managing_offenders"
    )


def test_keys_and_numbers_are_unique_within_a_cycle_and_pillar() -> None:
    for cycle in pe.Cycle:
        for pillar in cycle.pillars or (None,):
            qs = [q for q in pe.model.core_questions(cycle, pillar) if q.pillar is pillar]
            assert len({q.key for q in qs}) == len(qs), (cycle, pillar)
            numbers = [q.number for q in qs if q.number is not None]
            assert len(set(numbers)) == len(numbers), (cycle, pillar)


def test_efficiency_and_legitimacy_are_pillars_of_their_cycles() -> None:
    for cycle in ("2014", "2015", "2016", "2017", "2018/19"):
        assert {pe.Pillar.EFFICIENCY, pe.Pillar.LEGITIMACY} <= set(pe.Cycle(cycle).pillars)
    assert pe.model.headline_graded(2014, "efficiency")
    assert not pe.model.headline_graded(2014, "effectiveness")  # in 2014 only efficiency had an overall grade
    assert not pe.model.headline_graded(2016, "leadership")


def test_the_headline_question_is_worded_as_its_cycle_worded_it() -> None:
    usual = "How effective is the force at keeping people safe and reducing crime?"
    assert pe.model.headline_question(2016, "effectiveness") == usual
    assert pe.model.headline_question("2017", pe.Pillar.EFFECTIVENESS) == usual
    # 2018/19 put the two halves the other way round (cycles.md).
    assert (
        pe.model.headline_question("2018/19", "effectiveness")
        == "How effective is the force at reducing crime and keeping people safe?"
    )
    assert pe.model.headline_question(2016, "efficiency") is None  # not recorded
    assert pe.model.headline_question("2023-25", None) is None  # no pillars, no headline
    assert pe.model.headline_question("2021/22", "effectiveness") is None  # nor a pillar of none
    rows = pe.output.to_records(pe.load_bundled().get("cumbria", "2018/19", "effectiveness"), "judgments")
    assert [r["title"] for r in rows if r["question"] == "overall"] == [
        "How effective is the force at reducing crime and keeping people safe?"
    ]


# --- reports of every structure ---------------------------------------------------


@pytest.mark.parametrize("name", ["pillar-2016.yaml", "carry-overs-2018-19.yaml", "integrated-2023-25.yaml"])
def test_the_documented_examples_load_and_agree_with_the_bundled_grades(name: str) -> None:
    data = pe.load(DOCS / "examples" / name)
    bundled = pe.load_bundled()
    for r in data:
        mine = bundled.report(r.force, r.cycle, r.pillar)
        if r.judgment is not None:
            assert mine.judgment is not None
            assert r.judgment.grade is mine.judgment.grade
        for a in r.assessments:
            assert a.judgment is not None
            if a.judgment.grade is pe.NoGrade.UNGRADED:
                assert r.question(a.question).graded is False
                continue
            theirs = mine.assessment(a.question).judgment
            assert theirs is not None
            assert a.judgment.grade is theirs.grade, (r.title, a.question)
            assert a.judgment.carried_over_from == theirs.carried_over_from


def test_an_integrated_report_has_areas_and_no_headline() -> None:
    data = pe.load(DOCS / "examples" / "integrated-2023-25.yaml")
    (r,) = data
    assert r.pillar is None
    assert r.judgment is None
    assert r.assessment("responding").causes_of_concern[0].recommendations
    assert r.assessment("Responding to the public") is r.assessment("responding")
    text = "force: kent\ncycle: 2023-25\ngrade: good\npillar: efficiency\n"
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(text)
    assert {p.path for p in info.value.problems} == {"grade", "pillar"}
    assert "no overall grade" in str(info.value)


def test_a_2017_judgment_carried_over_from_2016() -> None:
    r = pe.load_bundled().report("cumbria", "2018/19")
    j = r.assessment(1).judgment
    assert j is not None
    assert (j.grade, j.carried_over_from) == (pe.Grade.GOOD, pe.Cycle.Y2016)
    assert str(j) == "Good (carried over from 2016)"
    with pytest.raises(pe.PeelDataError, match="only be carried over from an earlier cycle"):
        pe.loads(
            "force: kent\ncycle: 2017\nassessments:\n  - question: 1\n    grade: good\n    carried_over_from: 2018/19\n"
        )


@pytest.mark.parametrize("reason", ["not inspected", "not yet graded"])
def test_a_judgment_carried_over_is_one_that_stands(reason: str) -> None:
    # "not inspected" says no earlier judgment stands, "not yet graded" that
    # it is still to come: neither is a judgment carried over (both loaded).
    text = f"force: kent\ncycle: 2017\nassessments:\n  - question: 1\n    grade: {reason}\n"
    assert pe.loads(text)
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(f"{text}    carried_over_from: 2016\n")
    ((line, path, message),) = [(p.line, p.path, p.message) for p in e.value.problems]
    assert (line, path) == (6, "assessments[0].carried_over_from")
    assert message.startswith("a judgment carried over from 2016 is that cycle's, which stands;")
    assessment = pe.Assessment(question=1, judgment=pe.Judgment(reason, carried_over_from=2016))
    with pytest.raises(
        pe.PeelDataError, match=r"^assessments\[0\]\.judgment\.carried_over_from: a judgment carried"
    ):
        pe.InspectionReport(force="kent", cycle=2017, assessments=(assessment,))
    # Said with the other rules on a carried-over judgment, which it hid.
    text = "force: kent\ncycle: 2018/19\npillar: effectiveness\ngrade: not yet graded\ncarried_over_from: 2021/22\n"
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    assert [p.message[:40] for p in e.value.problems] == [
        "a judgment carried over from 2021/22 is ",
        "a judgment for 2018/19 can only be carri",
    ]
    # What may stand: an earlier grade, or the earlier "ungraded" or "not graded".
    for grade in ("good", "ungraded", "not graded"):
        assert pe.Judgment(grade, carried_over_from=2016).carried_over_from == pe.Cycle.Y2016


@pytest.mark.parametrize(
    ("cycle", "carried"), [("2023-25", "2014"), ("2021/22", "2018/19"), ("2023-25", "2021/22")]
)
def test_a_judgment_is_carried_over_only_within_its_framework(cycle: str, carried: str) -> None:
    # A 2023-25 "adequate" carried over from 2014 (a scale without it, a
    # framework two changes before) was taken.
    text = f"force: kent\ncycle: {cycle}\nassessments:\n  - question: investigating\n    grade: adequate\n"
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(f"{text}    carried_over_from: {carried}\n")
    ((line, path, message),) = [(p.line, p.path, p.message) for p in e.value.problems]
    assert (line, path) == (6, "assessments[0].carried_over_from")
    assert message.startswith(
        f"a judgment for {cycle} cannot be carried over from {carried}, another framework ("
    )
    # In Python too, where the judgment meets its report's cycle.
    judgment = pe.Judgment("adequate", carried_over_from=carried)
    assessment = pe.Assessment(question="investigating", judgment=judgment)
    with pytest.raises(pe.PeelDataError, match="cannot be carried over from"):
        pe.InspectionReport(force="kent", cycle=cycle, assessments=(assessment,))


def test_the_five_point_scale_belongs_to_its_cycles() -> None:
    assert pe.loads(
        "force: kent\ncycle: 2021/22\nassessments:\n  - question: investigating\n    grade: adequate\n"
    )
    with pytest.raises(pe.PeelDataError, match="'adequate' is not on the 2018/19 grade scale"):
        pe.loads("force: kent\ncycle: 2018/19\ngrade: adequate\n")


@pytest.mark.parametrize("reason", list(pe.NoGrade))
def test_each_reason_for_no_grade_is_kept_apart_from_unknown(reason: pe.NoGrade) -> None:
    question = "victim_service" if reason is pe.NoGrade.UNGRADED else "investigating"
    text = f"force: kent\ncycle: 2023-25\nassessments:\n  - question: {question}\n    grade: {reason.value}\n"
    data = pe.loads(text)
    j = data.report("kent", "2023-25").assessment(question).judgment
    assert j is not None
    assert j.grade is reason
    assert not j.is_graded
    assert j.graded is None
    assert pe.loads(pe.dump(data)) == data
    d = pe.analysis.grade_distribution(data, "2023-25", question)
    assert d.count(reason) == 1
    assert len(d.no_data) == 42
    assert d.total == 43
    rows = pe.to_records(data, "judgments")
    assert (rows[0]["grade"], rows[0]["no_grade"]) == (None, reason.value)


def test_ungraded_is_only_for_questions_the_cycle_does_not_grade() -> None:
    with pytest.raises(pe.PeelDataError, match="write 'not graded'"):
        pe.loads(
            "force: kent\ncycle: 2023-25\nassessments:\n  - question: investigating\n    grade: ungraded\n"
        )
    # 'not graded' is for one force where the cycle grades others; not
    # inspected and not yet graded said a grade might have been given (they
    # were taken, and counted beside the 42 ungraded).
    for word in ("good", "not graded", "not inspected", "not yet graded"):
        with pytest.raises(pe.PeelDataError, match="not graded in 2023-25; its judgment is 'ungraded'"):
            pe.loads(
                f"force: kent\ncycle: 2023-25\nassessments:\n  - question: victim_service\n    grade: {word}\n"
            )
    for wrong in (
        "force: kent\ncycle: 2014\npillar: effectiveness\ngrade: not yet graded\n",
        "force: kent\ncycle: 2016\nassessments: [{question: 5, grade: not inspected}]\n",
        "force: kent\ncycle: 2017\nassessments: [{question: 5, grade: good, previous_grade: not yet graded}]\n",
    ):
        with pytest.raises(pe.PeelDataError, match=r"not graded in 201[46]; its judgment is 'ungraded'"):
            pe.loads(wrong)


def test_a_question_named_by_its_key_or_wording_loads_and_an_unknown_one_is_refused() -> None:
    for name in (
        "q1_prevent",
        "preventing crime",
        "How effective is the force at preventing crime, "
        "tackling anti-social behaviour and keeping people safe?",
    ):
        text = f"force: kent\ncycle: 2016\nassessments:\n  - question: {name}\n    grade: good\n"
        report = pe.loads(text).report("kent", 2016)
        assert report.assessment(1).judgment == pe.Judgment("good")
    # Named as the report keeps it: by its number.
    with pytest.raises(pe.PeelDataError, match="question 1 is assessed twice"):
        pe.loads("force: kent\ncycle: 2016\nassessments:\n  - question: 1\n  - question: q1_prevent\n")
    with pytest.raises(pe.PeelDataError, match="2023-25 has no core question 'nonsense'"):
        pe.loads("force: kent\ncycle: 2023-25\nassessments:\n  - question: nonsense\n    grade: good\n")


# --- 2025-27 and questions the registry does not know ----------------------------


TEXT_2025 = (
    "force: kent\ncycle: 2025-27\nassessments:\n"
    "  - question: 1\n    grade: good\n"
    "  - question: vetting\n    grade: adequate\n"
)


@pytest.mark.parametrize("second", ["new_area", "New-Area", "new  area"])
def test_a_question_the_registry_does_not_know_is_assessed_once_however_its_words_are_joined(
    second: str,
) -> None:
    # "new area" and "new_area" loaded as two assessments of one area.
    text = (
        f"force: kent\ncycle: 2025-27\nassessments:\n  - {{question: new area}}\n  - {{question: {second}}}\n"
    )
    with pytest.raises(
        pe.PeelDataError, match=f"question '{second}' is assessed twice \\(first in assessments\\[0\\]\\)"
    ):
        pe.loads(text)
    with pytest.warns(pe.PeelWarning):  # other words are another area
        pe.loads(text.replace(second, "newer area"))


def test_a_question_the_registry_does_not_know_is_one_question_however_its_accents_are_written() -> None:
    # "caf\u00e9" (one character) and "cafe\u0301" (e and an accent) look the
    # same: they were two areas, each assessed once, in one report and across two.
    text = "force: kent\ncycle: 2025-27\nassessments:\n  - {question: caf\u00e9 area}\n  - {question: cafe\u0301 area}\n"
    with pytest.raises(pe.PeelDataError, match=r"is assessed twice \(first in assessments\[0\]\)"):
        pe.loads(text)
    with pytest.warns(pe.PeelWarning):
        data = pe.loads(
            "- {force: kent, cycle: 2025-27, assessments: [{question: caf\u00e9 area, grade: good}]}\n"
            "- {force: durham, cycle: 2025-27, assessments: [{question: cafe\u0301 area, grade: adequate}]}\n"
        )
    assert len([c for c in pe.to_records(data, "grid")[0] if "area" in c]) == 1


def test_a_question_the_registry_does_not_know_is_one_question_across_reports() -> None:
    # Kent's "new area" and Durham's "new_area" made two grid columns, and
    # national counted Durham unknown on "new area"; a registry key is
    # found however its words are joined too.
    with pytest.warns(pe.PeelWarning):
        data = pe.loads(
            "- {force: kent, cycle: 2025-27, assessments: [{question: new area, grade: good}]}\n"
            "- {force: durham, cycle: 2025-27, assessments: [{question: New-Area, grade: adequate}]}\n"
        )
    assert [c for c in pe.to_records(data, "grid")[0] if "area" in c] == ["new_area"]
    assert data.report("kent", "2025-27").assessment("new_area").judgment == pe.Judgment("good")
    counted = pe.analysis.grade_distribution(data, "2025-27", "New Area")
    assert (dict(counted.counts)[pe.Grade.GOOD], dict(counted.counts)[pe.Grade.ADEQUATE]) == (1, 1)
    assert counted.label == "new area"
    kent = pe.loads("force: kent\ncycle: 2016\nassessments:\n  - {question: Q1 Prevent, grade: good}\n")
    assert kent.report("kent", 2016).assessment(1).judgment == pe.Judgment("good")


def test_a_question_the_registry_does_not_know_loads_with_a_warning() -> None:
    with pytest.warns(pe.PeelWarning, match="does not know the question\\(s\\) 'vetting' yet"):
        data = pe.loads(TEXT_2025)
    r = data.report("kent", "2025-27")
    assert r.assessment("vetting").judgment == pe.Judgment("adequate")
    assert r.assessment(1).judgment == pe.Judgment("good")
    assert [row["question"] for row in pe.to_records(data, "judgments")] == ["leadership", "vetting"]
    # What the registry knows is still checked.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pe.PeelWarning)
        with pytest.raises(pe.PeelDataError, match="'ungraded' is not its judgment"):
            pe.loads(TEXT_2025.replace("grade: good", "grade: ungraded"))


def test_the_command_line_says_so_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "kent-2025-27.yaml"
    path.write_text(TEXT_2025)
    code, _out, err = run("validate", str(path))
    assert code == 0
    assert err.splitlines()[0] == (
        "peel-effectiveness: warning: Kent 2025-27: the registry does not know the question(s) "
        "'vetting' yet; kept as given (see register_question)"
    )
    assert "Traceback" not in err


def test_users_can_register_a_cycles_questions(fresh_registry: None) -> None:
    pe.model.register_question(
        pe.CoreQuestion("2025-27", None, None, "vetting", "Vetting and counter-corruption")
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", pe.PeelWarning)
        data = pe.loads(TEXT_2025)
    assert data.report("kent", "2025-27").question("Vetting and counter-corruption").key == "vetting"
    with pytest.raises(pe.PeelDataError, match="already has the question 'vetting'"):
        pe.model.register_question(pe.CoreQuestion("2025-27", None, 3, "vetting", "Again"))
    pe.model.register_question(pe.CoreQuestion("2025-27", None, 3, "other", "Another"), complete=True)
    assert pe.model.registry_complete("2025-27")
    with pytest.raises(pe.PeelDataError, match="2025-27 has no core question 'nonsense'"):
        pe.loads("force: kent\ncycle: 2025-27\nassessments:\n  - question: nonsense\n    grade: good\n")


def test_a_history_row_of_an_area_registered_of_a_cycle_listed_in_part_takes_its_wording(
    fresh_registry: None,
) -> None:
    # Named only by cycles listed in full, its row fell back to its key: "Vetting".
    pe.model.register_question(
        pe.CoreQuestion("2025-27", None, None, "vetting", "Vetting and counter-corruption")
    )
    data = pe.load_bundled().overlay(pe.loads(TEXT_2025))
    rows = [t.get_text() for t in pe.output.plot_history(data, "kent").axes[0].get_yticklabels()]
    assert "Vetting and\ncounter-corruption" in rows


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "Foo\nbar"),
        ("text", "a\x00b"),
        ("text", "x" * 301),
        ("short", "esc\x1b[2J"),
        ("key", "k" * 301),
        ("key", "q3"),  # read as question 3
        ("key", "overall"),  # read as the report's own judgment
    ],
)
def test_a_question_s_words_are_held_to_what_a_report_may_name_it(field: str, value: str) -> None:
    # A wording with a line break broke national's table, as a report's
    # question did; a key a report could never name was registered.
    given = {"text": "Fine", "short": "", "key": "fine"} | {field: value}
    with pytest.raises(pe.PeelDataError) as caught:
        pe.CoreQuestion("2025-27", None, None, given["key"], given["text"], short=given["short"])
    assert [p.path for p in caught.value.problems] == [field]


# --- which grades compare ---------------------------------------------------------


def test_grades_compare_within_a_framework_only() -> None:
    assert pe.model.why_not_comparable(2014, "2018/19") is None
    assert pe.model.why_not_comparable("2021/22", "2021/22") is None
    assert "2021/22" in (pe.model.why_not_comparable(2016, "2023-25") or "")
    assert "cannot be compared with 2021/22" in (pe.model.why_not_comparable("2023-25", "2021/22") or "")
    assert "2025-27" in (pe.model.why_not_comparable("2023-25", "2025-27") or "")


@pytest.mark.parametrize(("before", "after"), [("2018/19", "2021/22"), ("2021/22", "2023-25")])
def test_across_a_break_every_force_is_not_comparable_with_the_reason(before: str, after: str) -> None:
    data = pe.load_bundled()
    question = "investigating" if before == "2021/22" else "overall"
    t = pe.transitions(data, before, after, question)
    assert (t.improved, t.declined, t.unchanged) == ((), (), ())
    assert len(t.not_comparable) == 43
    assert t.reason == pe.model.why_not_comparable(before, after)
    assert all(x.change.reason == t.reason for x in t.not_comparable)


def test_within_a_framework_changes_are_computed_with_reasons_where_not() -> None:
    t = pe.transitions(pe.load_bundled(), 2016, "2018/19")
    assert t.reason == ""
    groups = (t.improved, t.declined, t.unchanged, t.not_comparable, t.no_data)
    assert sum(map(len, groups)) == 43
    durham = next(x for x in (*t.improved, *t.declined, *t.unchanged) if x.force.id == "durham")
    assert durham.before is pe.Grade.OUTSTANDING
    for x in t.no_data:
        assert x.change.reason.startswith("no 2016 grade") or x.change.reason.startswith("no 2018/19 grade")
    q3 = pe.transitions(pe.load_bundled(), 2016, "2018/19", 3)
    assert q3.no_data  # some forces' Q3 is in the data for one cycle only
    assert all(x.change.direction == "no data" for x in q3.no_data)
    t = pe.transitions(pe.load_bundled(), "2017", "2018/19", "overall", "legitimacy")
    assert t.reason == "the data have no 2017 legitimacy judgments overall"


# --- the national picture and a force's history -----------------------------------


def test_the_national_picture_of_every_cycle_pillar_and_area() -> None:
    data = pe.load_bundled()
    for cycle in data.cycles:
        dists = pe.analysis.grade_distributions(data, cycle)
        assert dists, cycle
        for d in dists:
            assert d.total == 43
            assert d.cycle is cycle
        code, out, err = run("national", "--cycle", cycle.value)
        assert (code, err) == (0, ""), cycle
        assert out.startswith("PEEL ")
        assert str(cycle) in out.splitlines()[0]
    code, out, _ = run("national", "--cycle", "2018/19", "--question", "all")
    assert "EFFICIENCY" in out
    assert "LEGITIMACY" in out
    code, out, _ = run("national", "--cycle", "2023-25", "--question", "Investigating crime")
    assert code == 0
    assert "not comparable: HMICFRS says 2023-25 grades cannot be compared with 2021/22" in out
    code, out, _ = run("national", "--cycle", "2018/19", "--pillar", "efficiency", "--force", "durham")
    assert code == 0
    assert "Durham in the national picture of PEEL 2018/19" in out  # every efficiency judgment
    overall = str(pe.analysis.position(pe.load_bundled(), "durham", "2018/19", "overall", "efficiency"))
    assert f"efficiency: overall: {overall}" in " ".join(out.split())
    assert "legitimacy" not in out
    code, out, _ = run("national", "--cycle", "2018/19", "--question", "overall", "--pillar", "efficiency",
                       "--force", "durham")  # fmt: skip
    assert code == 0
    assert "Durham: " in out


def test_a_forces_history_latest_first() -> None:
    h = pe.history(pe.load_bundled(), "northamptonshire")
    cycles = [e.cycle for e in h]
    assert cycles == sorted(cycles, reverse=True)
    responding = next(e for e in h if e.cycle is pe.Cycle.Y2023_25 and e.question == "responding")
    assert responding.judgment.grade is pe.Grade.REQUIRES_IMPROVEMENT
    assert responding.judgment.other_grades[0].grade is pe.Grade.ADEQUATE
    code, out, _ = run("show", "northamptonshire")
    assert code == 0
    assert out.index("2023-25") < out.index("2021/22") < out.index("2018/19")
    assert "Req. impr.^" in out  # revised after publication
    _, out, _ = run("show", "devon-and-cornwall")
    assert "Adequate^" in out  # a weaker source's grade disputes it
    assert "'export --table other_grades'" in " ".join(out.split())
    assert max(len(line) for line in out.splitlines()) <= 80


def test_show_lists_every_area_of_an_integrated_cycle_unknown_ones_as_such() -> None:
    _, out, _ = run("show", "cumbria")
    table = out[out.index("AREAS") : out.index("\n\n", out.index("AREAS"))].splitlines()
    areas = pe.model.core_questions("2023-25")
    assert len(table) == 1 + len(areas)
    assert [line.split("  ")[1].strip() for line in table[1:]] == [q.name for q in areas]
    assert table[2].endswith(" -")  # nothing in the data: unknown, not left out


@pytest.mark.parametrize("width", [80, 60])
def test_show_fits_its_width_and_never_runs_a_name_into_a_grade(width: int) -> None:
    import re

    for force in pe.forces():
        _, out, _ = run("show", force.id, "--width", str(width))
        for line in out.splitlines():
            assert len(line) <= width, (force.id, line)
            assert not re.search(r"[a-z\u2026*?^](Good|Outstanding|Adequate|Inadequate|Req\.)", line), (
                force.id,
                line,
            )


def test_a_question_the_registry_lacks_is_suggested_a_key_it_likely_means() -> None:
    text = "force: kent\ncycle: 2025-27\nassessments:\n  - {question: investigatng, grade: good}\n"
    with pytest.warns(pe.PeelWarning, match=r"'investigatng' \(did you mean 'investigating'\?\) yet"):
        pe.loads(text)
    with pytest.warns(pe.PeelWarning, match=r"the question\(s\) 'vetting' yet"):
        pe.loads(TEXT_2025)


def test_a_question_registered_ungraded_for_all_is_judged_by_the_framework_at_once(
    fresh_registry: None,
) -> None:
    # The framework's judgments were cached by cycle and pillar alone: one
    # registered after the first table was left out.
    from peel_effectiveness.analysis._standing import by_framework

    (report,) = pe.loads("force: cumbria\ncycle: 2017\npillar: efficiency\ngrade: good\n")
    assert "plans" not in by_framework(report)
    pe.model.register_question(pe.CoreQuestion("2017", "efficiency", 9, "plans", "Plans", graded=False))
    assert by_framework(report)["plans"].grade is pe.NoGrade.UNGRADED


def test_a_cycle_the_registry_knows_in_full_takes_no_question(fresh_registry: None) -> None:
    # A sixth question of 2016's effectiveness, registered, was asked of
    # every report of the process, and counted in every national table.
    assert pe.model.registry_complete(2016, "effectiveness")
    with pytest.raises(pe.PeelDataError, match="the registry knows every question of 2016 effectiveness"):
        pe.model.register_question(pe.CoreQuestion(2016, "effectiveness", 6, "q6_new", "Q6?"))
    with pytest.raises(pe.PeelDataError, match="the registry knows every question of 2023-25"):
        pe.model.register_question(pe.CoreQuestion("2023-25", None, None, "new_area", "A new area"))
    with pytest.raises(TypeError, match="complete must be True or False, not str"):
        pe.model.register_question(pe.CoreQuestion("2025-27", None, None, "zz", "ZZ?"), complete="yes")  # type: ignore[arg-type]
    assert "q6_new" not in {q.key for q in pe.model.core_questions(2016, "effectiveness")}


@pytest.mark.parametrize(
    ("cycle", "written", "read"),
    [
        ("2016", "q1_prevent", 1),
        ("2016", "Q1", 1),
        ("2016", "1", 1),
        ("2016", "Preventing crime", 1),
        (
            "2016",
            "How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
            1,
        ),
        ("2023-25", "Investigating crime", "investigating"),
        ("2023-25", "INVESTIGATING", "investigating"),
        ("2021/22", "Responding to the public", "responding"),
    ],
)
def test_a_question_is_kept_as_the_registry_names_it_however_a_file_writes_it(
    cycle: str, written: str, read: int | str
) -> None:
    # A key or a wording was kept as written: two reports of one meaning
    # were unequal, hashed apart, and dumped with the file's words.
    report = pe.loads(
        f"force: kent\ncycle: {cycle}\nassessments:\n  - question: {written!r}\n    grade: good\n"
    )
    (r,) = report.reports
    assert r.assessments[0].question == read
    assert r.assessments[0].question.__class__ is read.__class__
    plain = pe.loads(f"force: kent\ncycle: {cycle}\nassessments:\n  - question: {read!r}\n    grade: good\n")
    assert r == plain.reports[0]
    assert hash(r) == hash(plain.reports[0])
    assert f"question: {read}\n" in pe.dump(r, "yaml")
    built = pe.InspectionReport(
        force="kent", cycle=cycle, assessments=[pe.Assessment(question=written, judgment=pe.Judgment("good"))]
    )
    assert built.assessments[0].question == read


def _warned_here(make: Callable[[], object]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make()
    said = [w for w in caught if issubclass(w.category, pe.PeelWarning)]
    assert said, "no warning"
    # The line of the call in ``make``, not one a frame above or below it.
    where = (Path(__file__).name, make.__code__.co_firstlineno)
    assert [(Path(w.filename).name, w.lineno) for w in said] == [where] * len(said)


def test_a_warning_points_at_the_caller_s_line_however_the_report_was_made(tmp_path: Path) -> None:
    # It pointed at "sys:1" for a report built in Python, and inside the
    # library for one loaded or structured (a fixed stacklevel).
    text = "force: kent\ncycle: 2025-27\nassessments:\n  - question: newarea\n    grade: good\n"
    (tmp_path / "kent.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    _warned_here(
        lambda: pe.InspectionReport(
            force="kent",
            cycle="2025-27",
            assessments=[pe.Assessment(question="newarea", judgment=pe.Judgment("good"))],
        )
    )
    _warned_here(lambda: pe.loads(text))
    _warned_here(lambda: pe.load(tmp_path / "kent.yaml"))
    _warned_here(lambda: pe.load(tmp_path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pe.PeelWarning)
        mapping = pe.converter.unstructure(pe.loads(text).reports[0])
    _warned_here(lambda: pe.converter.structure(mapping, pe.InspectionReport))


def test_a_warning_made_an_error_is_a_data_error_that_does_not_say_kept() -> None:
    # "cannot be read: ...; kept as given", of a report that was not kept.
    text = "force: kent\ncycle: 2025-27\nassessments:\n  - question: newarea\n    grade: good\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error", pe.PeelWarning)
        with pytest.raises(pe.PeelDataError) as caught:
            pe.loads(text)
    (problem,) = caught.value.problems
    assert problem.message.startswith(
        "Kent 2025-27: the registry does not know the question(s) 'newarea' yet"
    )
    assert "kept" not in problem.message
    assert "cannot be read" not in problem.message
    assert "a warning made an error" in problem.message


@pytest.mark.parametrize(
    ("cycle", "pillar", "previous"),
    [("2017", "effectiveness", False), ("2018/19", "legitimacy", False), ("2017", "legitimacy", True)],
)
def test_an_overall_grade_is_carried_over_only_from_a_cycle_that_gave_one(
    cycle: str, pillar: str, previous: bool
) -> None:
    # 2014 gave effectiveness and legitimacy no overall grade: a grade
    # carried over from it was taken (a question's, from a cycle that did
    # not ask it, was refused).
    key = "previous_grade: good\nprevious_carried_over_from" if previous else "grade: good\ncarried_over_from"
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(f"force: kent\ncycle: {cycle}\npillar: {pillar}\n{key}: 2014\n")
    ((line, path, message),) = [(p.line, p.path, p.message) for p in e.value.problems]
    assert (line, path) == (5, f"{'previous_' if previous else ''}carried_over_from")
    assert message == f"2014 gave the {pillar} pillar no overall grade: no judgment of it to carry over"
    # From 2015, which gave one, it is taken; in Python as in a file.
    assert pe.loads(f"force: kent\ncycle: {cycle}\npillar: {pillar}\n{key}: 2015\n")
    judgment = pe.Judgment("good", carried_over_from=2014)
    with pytest.raises(pe.PeelDataError, match="2014 gave the"):
        pe.InspectionReport(
            force="kent",
            cycle=cycle,
            pillar=pillar,
            **{"previous_judgment" if previous else "judgment": judgment},
        )


def test_an_overall_grade_is_carried_over_only_from_a_cycle_with_its_pillar() -> None:
    with pytest.raises(
        pe.PeelDataError, match=r"^judgment\.carried_over_from: 2014 had no leadership pillar: no"
    ):
        pe.InspectionReport(
            force="kent",
            cycle="2016",
            pillar="leadership",
            judgment=pe.Judgment("good", carried_over_from=2014),
        )
