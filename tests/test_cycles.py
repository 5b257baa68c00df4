"""The registry of core questions: 2017 and 2018/19, all three pillars, and the wordings sources use."""

from __future__ import annotations

import pytest

import peel_effectiveness as pe


def test_2017_and_2018_19_ask_the_2016_effectiveness_questions() -> None:
    keys_2016 = [(q.number, q.key, q.graded) for q in pe.model.core_questions(2016, "effectiveness")]
    for cycle in ("2017", "2018/19"):
        assert [
            (q.number, q.key, q.graded) for q in pe.model.core_questions(cycle, "effectiveness")
        ] == keys_2016
    assert pe.model.core_question("2018/19", "effectiveness", 5).graded is False


def test_2018_19_efficiency_and_legitimacy_questions() -> None:
    assert [q.key for q in pe.model.core_questions("2018/19", "efficiency")] == ["q1_demand", "q2_future"]
    legitimacy = pe.model.core_questions("2018/19", "legitimacy")
    assert [q.number for q in legitimacy] == [1, 2, 3]
    assert [q.key for q in pe.model.core_questions("2017", "legitimacy")] == [q.key for q in legitimacy]


def test_a_question_is_found_by_the_wording_a_source_uses() -> None:
    q = pe.model.core_question(
        "2018/19",
        "effectiveness",
        "how effective is the force at investigating crime and catching criminals?",
    )
    assert q.key == "q2_investigate"
    with pytest.raises(pe.NotFoundError):
        pe.model.core_question("2018/19", "effectiveness", "How good is the force at leadership?")


def test_a_2017_report_with_a_judgment_carried_over_from_2016_loads() -> None:
    data = pe.loads(
        """
force: kent
cycle: 2017
grade: good
assessments:
  - question: 1
    grade: good
    carried_over_from: 2016
  - question: 3
    grade: requires improvement
  - question: 5
    grade: ungraded
"""
    )
    a = data.report("kent", 2017).assessment(1)
    assert a.judgment is not None
    assert a.judgment.carried_over_from is pe.Cycle.Y2016
    assert pe.loads(pe.dump(data)) == data


def test_a_2018_19_legitimacy_report_loads_and_its_questions_are_checked() -> None:
    text = "force: kent\ncycle: 2018/19\npillar: legitimacy\ngrade: good\nassessments:\n  - question: 2\n    grade: good\n"
    assert pe.loads(text).report("kent", "2018/19", "legitimacy").assessment(2).judgment == pe.Judgment(
        "good"
    )
    with pytest.raises(pe.PeelDataError, match="2018/19 legitimacy has no core question 4"):
        pe.loads(text.replace("question: 2", "question: 4"))


def test_a_year_out_of_every_cycle_suggests_the_one_it_likely_misspells() -> None:
    with pytest.raises(pe.PeelDataError, match=r"2106 is not a PEEL cycle .*; did you mean '2016'\?"):
        pe.Cycle(2106)
    with pytest.raises(pe.PeelDataError) as e:
        pe.Cycle(2099)
    assert "did you mean" not in str(e.value)
    with pytest.raises(pe.PeelDataError, match=r"2012 is not a PEEL cycle .*; PEEL began in 2014$"):
        pe.Cycle(2012)


def test_a_year_before_peel_is_said_so_and_a_misspelt_one_suggested() -> None:
    with pytest.raises(pe.PeelDataError, match=r"did you mean '2016'\?$"):
        pe.Cycle(1216)


@pytest.mark.parametrize("cycle", ["2016", "2017", "2018/19"])
def test_a_wording_with_curled_quotes_finds_its_question(cycle: str) -> None:
    # As copied from a web page or a report: "the force\u2019s".
    q = pe.model.core_question(
        cycle, "effectiveness", "How effective are the force\u2019s specialist capabilities?"
    )
    assert q.key == "q5_specialist"
    report = pe.loads(
        f"force: kent\ncycle: {cycle}\nassessments:\n"
        '  - question: "how effective are the force\u2019s specialist capabilities?"\n    grade: ungraded\n'
    ).reports[0]
    assert report.question(report.assessments[0].question).key == "q5_specialist"


def test_every_dated_report_falls_within_its_cycles_publication() -> None:
    import datetime as dt

    for report in pe.load_bundled().reports:
        first, last = report.cycle.first_published, report.cycle.last_published
        if report.published is None or first is None or last is None:
            continue
        # A day early at most: a source dates Cumbria's 2018/19 report the day before the first group's.
        assert first - dt.timedelta(days=1) <= report.published <= last, report.title


def test_a_previous_judgment_is_only_of_a_question_the_previous_cycle_asked() -> None:
    # 2015 asked no question on specialist capabilities: 2016's question 5 is new.
    with pytest.raises(
        pe.PeelDataError,
        match=r"previous_grade: 2015 has no question 'q5_specialist' \(Q5\): there is no previous judgment of it",
    ):
        pe.loads(
            "force: kent\ncycle: 2016\nassessments:\n"
            "  - {question: 5, grade: ungraded, previous_grade: good}\n"
        )
    # Across a change of framework the areas are not the same questions: a
    # 2023-25 report may state its area's judgment before, under another name.
    report = pe.loads(
        "force: kent\ncycle: 2023-25\nassessments:\n  - {question: leadership, grade: good, previous_grade: good}\n"
    ).reports[0]
    assert report.assessments[0].previous_judgment is not None
    # 2016 did, and a 2017 report may state its judgment.
    report = pe.loads(
        "force: kent\ncycle: 2017\nassessments:\n  - {question: 5, grade: ungraded, previous_grade: ungraded}\n"
    ).reports[0]
    assert report.assessments[0].previous_judgment is not None


def test_a_judgment_is_carried_over_only_from_a_cycle_that_asked_its_question() -> None:
    # 2014 asked no question "q1_prevent" (its first was about reducing crime).
    with pytest.raises(
        pe.PeelDataError, match=r"carried_over_from: 2014 has no question 'q1_prevent' \(Q1\)"
    ):
        pe.loads(
            "force: kent\ncycle: 2015\nassessments:\n  - {question: 1, grade: good, carried_over_from: 2014}\n"
        )
    # 2016 did, and 2017 carries its judgments over where it did not inspect again.
    report = pe.loads(
        "force: kent\ncycle: 2017\nassessments:\n  - {question: 1, grade: good, carried_over_from: 2016}\n"
    ).reports[0]
    assert report.assessments[0].judgment.carried_over_from is pe.Cycle.Y2016  # type: ignore[union-attr]


def test_a_new_framework_is_where_grades_stop_comparing() -> None:
    # cycles.md: HMICFRS says grades compare neither across 2018/19 to
    # 2021/22 nor across 2021/22 to 2023-25; 2025-27 has a framework of its own.
    assert [str(c) for c in pe.Cycle if c.new_framework] == ["2021/22", "2023-25", "2025-27"]
    assert pe.model.why_not_comparable("2014", "2018/19") is None
    assert pe.model.why_not_comparable("2021/22", "2021/22") is None
    # The judgments table says where, from the registry.
    from peel_effectiveness.output.columns import COLUMNS

    (described,) = [c.description for c in COLUMNS["judgments"] if c.name == "previous_comparable"]
    assert "new framework between them (2021/22, 2023-25, 2025-27;" in described


def test_a_previous_judgment_is_only_of_a_pillar_the_previous_cycle_had() -> None:
    # 2014 had no leadership pillar.
    with pytest.raises(
        pe.PeelDataError,
        match=r"previous_grade: 2014 has no leadership pillar: there is no previous judgment of it",
    ):
        pe.loads("force: kent\ncycle: 2015\npillar: leadership\nprevious_grade: good\n")
    report = pe.loads("force: kent\ncycle: 2016\npillar: efficiency\nprevious_grade: good\n").reports[0]
    assert report.previous_judgment is not None
