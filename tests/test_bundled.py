"""The bundled data hold exactly the seed report's judgments and figures."""

from __future__ import annotations

import datetime as dt

import pytest

import peel_effectiveness as pe
import peel_effectiveness.io.bundled
from peel_effectiveness import Basis, Grade, Unit


@pytest.fixture(scope="module")
def report() -> pe.InspectionReport:
    return pe.load_bundled().report("cumbria", 2016)


def test_bundled_loads() -> None:
    data = pe.load_bundled()
    assert len(data) >= 1
    assert data.forces[0].id == "cumbria" or any(f.id == "cumbria" for f in data.forces)
    assert pe.load_bundled() is data  # cached


def test_headline_judgments(report: pe.InspectionReport) -> None:
    assert report.judgment is not None
    assert (report.judgment.grade, report.judgment.basis) == (Grade.GOOD, Basis.STATED)
    # The report itself first, then the four pages that say it too.
    assert report.judgment.sources[0] == report.provenance.url  # type: ignore[union-attr]
    assert len(report.judgment.sources) == 5
    assert report.previous_judgment == pe.Judgment(Grade.REQUIRES_IMPROVEMENT, Basis.STATED)
    assert report.pillar is pe.Pillar.EFFECTIVENESS
    assert report.cycle is pe.Cycle.Y2016


@pytest.mark.parametrize(
    ("question", "grade", "basis"),
    [
        (1, Grade.GOOD, Basis.STATED),
        (2, Grade.GOOD, Basis.INFERRED),
        (3, Grade.REQUIRES_IMPROVEMENT, Basis.STATED),
        (4, Grade.GOOD, Basis.STATED),
        (5, pe.NoGrade.UNGRADED, Basis.STATED),
    ],
)
def test_question_judgments(
    report: pe.InspectionReport, question: int, grade: Grade | pe.NoGrade, basis: Basis
) -> None:
    a = report.assessment(question)
    assert a.judgment is not None
    assert (a.judgment.grade, a.judgment.basis) == (grade, basis)


def test_question_five_is_ungraded_by_the_registry(report: pe.InspectionReport) -> None:
    assert report.question(5).graded is False
    assert report.question("q5_specialist").text == "How effective are the force's specialist capabilities?"
    assert all(report.question(n).graded for n in range(1, 5))


def test_previous_judgment_stated_in_text(report: pe.InspectionReport) -> None:
    assert report.assessment(1).previous_judgment == pe.Judgment(Grade.GOOD)
    assert all(report.assessment(n).previous_judgment is None for n in (2, 3, 4, 5))


def test_areas_for_improvement_counts(report: pe.InspectionReport) -> None:
    assert [len(report.assessment(n).areas_for_improvement) for n in range(1, 6)] == [0, 2, 3, 3, 0]
    assert all(not a.causes_of_concern for a in report.assessments)


@pytest.mark.parametrize(
    ("key", "value", "ew", "unit"),
    [
        ("recorded_crime_rate", 51.7, 68.2, Unit.PER_1000_POPULATION),
        ("victim_based_crime_rate", 45.3, 60.4, Unit.PER_1000_POPULATION),
        ("sexual_offences_rate", 1.8, 1.9, Unit.PER_1000_POPULATION),
        ("assault_with_injury_rate", 6.6, 7.0, Unit.PER_1000_POPULATION),
        ("burglary_dwelling_rate", 3.4, 8.1, Unit.PER_1000_HOUSEHOLDS),
        ("recorded_crime_change_5y", -2.6, -3.4, Unit.PERCENT_CHANGE),
        ("victim_based_crime_change_5y", 2.7, -0.5, Unit.PERCENT_CHANGE),
        ("recorded_crime_change_1y", 0.2, 7.8, Unit.PERCENT_CHANGE),
        ("asb_incident_rate", 28, None, Unit.PER_1000_POPULATION),
        ("asb_incident_rate_change_1y", -32, -8, Unit.PERCENT_CHANGE),
        ("criminal_behaviour_orders_rate", 62.2, 25.9, Unit.PER_MILLION_POPULATION),
        ("calls_resolved_by_telephone", 14, 27, Unit.PERCENT),
        ("evidential_difficulties_victim_not_supporting_share", 14.6, 13.8, Unit.PERCENT),
        ("no_suspect_identified_share", 35.3, 47.4, Unit.PERCENT),
        ("foreign_national_acro_checks", 56.8, None, Unit.PERCENT),
        ("iom_offenders_per_manager", 6.20, 15.47, Unit.RATIO),
        ("iom_reoffending_rate", 71, 57, Unit.PERCENT),
        ("mappa_offenders_per_manager", 0.53, 2.15, Unit.RATIO),
        ("registered_sex_offenders", 507, None, Unit.COUNT),
        ("sexual_harm_prevention_orders", 65, None, Unit.COUNT),
        ("sexual_offence_prevention_order_breaches", 12, None, Unit.COUNT),
        ("mappa_offenders", 8, None, Unit.COUNT),
        ("vulnerable_victim_crime_share", 16.9, 14.3, Unit.PERCENT),
        ("domestic_abuse_change", -4, 23, Unit.PERCENT_CHANGE),
        ("domestic_abuse_share_of_crime", 12, 11, Unit.PERCENT),
        ("domestic_abuse_arrest_rate", 62, None, Unit.PER_100),
        ("ocg_rate", 70, 46, Unit.PER_MILLION_POPULATION),
        ("serious_crime_prevention_orders_rate", 2.3, 15.6, Unit.PER_100),
        ("serious_crime_prevention_orders", 6, None, Unit.COUNT),
        ("public_satisfaction_local_policing", 57, None, Unit.PERCENT),
        ("public_survey_respondents", 401, None, Unit.COUNT),
        ("staff_survey_responses", 105, None, Unit.COUNT),
        ("domestic_abuse_plan_actions", 54, None, Unit.COUNT),
    ],
)
def test_figures(report: pe.InspectionReport, key: str, value: float, ew: float | None, unit: Unit) -> None:
    m = report.measurement(key)
    assert m.value == value
    assert m.england_and_wales == ew
    assert m.unit is unit


def test_periods(report: pe.InspectionReport) -> None:
    assert report.measurement("recorded_crime_rate").period == pe.Period(
        dt.date(2015, 7, 1), dt.date(2016, 6, 30)
    )
    assert report.measurement("recorded_crime_change_5y").metric.baseline == pe.Period(
        dt.date(2010, 7, 1), dt.date(2011, 6, 30)
    )
    assert report.measurement("asb_incident_rate").period == pe.Period(
        dt.date(2015, 4, 1), dt.date(2016, 3, 31)
    )
    assert report.measurement("ocg_rate").period == pe.Period.as_at(dt.date(2016, 7, 1))


def test_figures_over_two_periods(report: pe.InspectionReport) -> None:
    rso = [m for m in report.measurements if m.key == "registered_sex_offenders"]
    assert {(m.period.end if m.period else None, m.value) for m in rso} == {
        (dt.date(2015, 7, 1), 596),
        (dt.date(2016, 7, 1), 507),
    }
    assert report.measurement("iom_offenders").value == 62


def test_domestic_abuse_plan_adds_up(report: pe.InspectionReport) -> None:
    parts = ["completed", "not_progressed", "ongoing", "awaiting_update"]
    total = sum(report.measurement(f"domestic_abuse_plan_actions_{p}").value for p in parts)
    assert total == report.measurement("domestic_abuse_plan_actions").value


def test_figure_4_in_full(report: pe.InspectionReport) -> None:
    t = report.outcome_table("figure_4")
    assert t.measure is pe.model.OutcomeMeasure.SHARE_OF_OFFENCES
    got = {r.outcome: (r.value, r.england_and_wales) for r in t.type_rows()}
    assert got == {
        1: (17.8, 12.1),
        4: (0.1, 0.2),
        2: (0.4, 0.4),
        3: (3.2, 2.3),
        6: (0.5, 0.6),
        7: (0.7, 0.9),
        8: (3.9, 2.8),
        15: (10.4, 8.3),
        16: (11.1, 10.6),
        14: (3.5, 3.2),
        18: (35.3, 47.4),
        20: (0.2, 0.6),
        21: (0.0, 0.1),
    }
    groups = {
        r.group: (r.outcomes, r.value, r.england_and_wales)
        for r in t.rows
        if isinstance(r, pe.OutcomeGroupRow)
    }
    assert groups["Out-of-court (formal)"] == ((2, 3, 6), 4.1, 3.2)
    assert groups["Out-of-court (informal)"] == ((7, 8), 4.6, 3.6)
    assert groups["Prosecution prevented or not in the public interest"] == (
        (5, 9, 11, 12, 13, 17),  # as its footnote names them: not 10
        1.4,
        1.8,
    )
    assert groups["Evidential difficulties (victim supports police action)"] == ((15,), None, None)
    assert groups["Evidential difficulties (victim does not support police action)"] == ((14, 16), 14.6, 13.8)
    assert t.total_assigned is not None
    assert (t.total_assigned.value, t.total_assigned.england_and_wales) == (88.4, 91.3)
    assert t.not_yet_assigned is not None
    assert (t.not_yet_assigned.value, t.not_yet_assigned.england_and_wales) == (
        11.6,
        8.7,
    )
    assert t.total is not None
    assert (t.total.value, t.total.england_and_wales) == (100.0, 100.0)


def test_figure_8_in_full(report: pe.InspectionReport) -> None:
    t = report.outcome_table("figure_8")
    assert t.measure is pe.model.OutcomeMeasure.PER_100_OFFENCES
    assert [(r.value, r.england_and_wales) for r in t.rows] == [
        (33.2, 23.2),
        (7.3, 5.6),
        (0.3, 0.3),
        (2.5, 1.4),
        (22.6, 24.1),
        (38.9, 35.4),
    ]
    assert t.total_assigned is None


def test_force_in_numbers_swap_is_not_copied(report: pe.InspectionReport) -> None:
    # The "force in numbers" page prints 47.4 for Cumbria; Figure 4 has 35.3.
    row = report.outcome_table("figure_4").row(18)
    assert (row.value, row.england_and_wales) == (35.3, 47.4)


def test_provenance(report: pe.InspectionReport) -> None:
    p = report.provenance
    assert p is not None
    assert p.isbn == "978-1-78655-343-0"
    assert p.publisher == "HMIC"
    assert p.published == dt.date(2017, 3, 2) == report.published
    assert "Cumbria Constabulary" in p.title


def test_summaries_are_written(report: pe.InspectionReport) -> None:
    assert report.summary
    assert all(a.summary for a in report.assessments)


def test_records(report: pe.InspectionReport) -> None:
    rows = pe.to_records(report)
    assert len(rows) == len(report.measurements)
    assert tuple(rows[0]) == tuple(c.name for c in pe.output.COLUMNS["measurements"])
    first = rows[0]
    assert first == {
        "force": "cumbria",
        "cycle": "2016",
        "pillar": "effectiveness",
        "metric": "recorded_crime_rate",
        "label": "Recorded crime (excluding fraud)",
        "unit": "per_1000_population",
        "base": None,
        "value": 51.7,
        "england_and_wales": 68.2,
        "period_start": dt.date(2015, 7, 1),
        "period_end": dt.date(2016, 6, 30),
        "baseline_start": None,
        "baseline_end": None,
        "source": "Home Office data",
        "published_in": "https://www.justiceinspectorates.gov.uk/hmic/peel-assessments/peel-2016/cumbria/",
        "note": None,
    }
    judgments = pe.to_records(report, table="judgments")
    assert tuple(judgments[0]) == tuple(c.name for c in pe.output.COLUMNS["judgments"])
    assert [(r["question"], r["grade"], r["no_grade"], r["basis"]) for r in judgments] == [
        ("overall", "good", None, "stated"),
        ("q1_prevent", "good", None, "stated"),
        ("q2_investigate", "good", None, "inferred"),
        ("q3_vulnerable", "requires improvement", None, "stated"),
        ("q4_soc", "good", None, "stated"),
        ("q5_specialist", None, "ungraded", "stated"),
    ]
    assert judgments[0]["previous_grade"] == "requires improvement"
    with pytest.raises(ValueError, match="table must be"):
        pe.to_records(report, table="grades")  # type: ignore[arg-type]


def test_the_json_bundle_is_built_from_the_seeds() -> None:
    # If this fails, run: python tools/build_bundle.py
    assert pe.load(pe.io.bundled.bundled_sources()) == pe.load_bundled()


def test_the_bundles_index_and_parts_agree_with_the_whole() -> None:
    from peel_effectiveness.io.bundled import _bundle, bundled_cycles, bundled_part

    index, lines, _ = _bundle()
    whole = pe.load_bundled()
    assert [[r.force.id, r.cycle.value, None if r.pillar is None else r.pillar.value] for r in whole] == index
    assert len(lines) == len(whole)
    part = bundled_part(frozenset({"cumbria"}), frozenset({pe.Cycle.Y2023_25}))
    expected = [r for r in whole if r.force.id == "cumbria" or r.cycle is pe.Cycle.Y2023_25]
    assert list(part) == expected
    assert part.stays == whole.stays
    assert bundled_cycles() == whole.cycles


def test_a_bundle_line_is_one_report_whatever_separators_its_text_holds() -> None:
    # tools/build_bundle.py writes the reports' text as it is (not escaped):
    # a line separator, a paragraph separator or NEL in a summary stays in its
    # report's line, where text's splitlines would have broken it.
    import json

    from peel_effectiveness.io.bundled import _lines

    report = {"force": "kent", "cycle": "2016", "summary": "one\u2028two\u2029three\x85four\x1cfive"}
    data = "\n".join(['[["kent", "2016", "effectiveness"]]', json.dumps(report, ensure_ascii=False), "[]"])
    index, lines, stays = _lines(data.encode("utf-8"))
    assert index == [["kent", "2016", "effectiveness"]]
    assert [json.loads(line) for line in lines] == [report]
    assert json.loads(stays) == []


def test_the_bundled_data_functions_are_still_found_in_io_loading() -> None:
    from peel_effectiveness.io import bundled, loading

    for name in bundled.__all__:
        assert getattr(loading, name) is getattr(bundled, name)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        loading.nothing  # noqa: B018
