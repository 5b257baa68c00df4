"""Every rule of the model refuses what breaks it, in Python and in a file, naming the field.

The examples are keyed by the rule's name in :mod:`rules_index`, and a test
checks that every rule the model has is here: a rule added without a
breaking example fails the suite. ``tools/mutate_rules.py`` switches each
rule off in turn and checks that this suite then fails.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import peel_effectiveness as pe
from rules_index import rules

P16 = "12 months to 30 June 2016"


def metric(unit: str = "percent", **kw: Any) -> pe.MetricDefinition:
    return pe.MetricDefinition(key=kw.pop("key", "x"), label="X", unit=unit, **kw)


def report(**kw: Any) -> pe.InspectionReport:
    return pe.InspectionReport(force="kent", cycle=kw.pop("cycle", 2016), **kw)


def row(n: int, **kw: Any) -> pe.OutcomeTypeRow:
    return pe.OutcomeTypeRow(outcome=n, label=str(n), **kw)


def table(rows: tuple[Any, ...], key: str = "t") -> pe.OutcomeTable:
    return pe.OutcomeTable(key=key, title="T", measure="share_of_offences", period=P16, rows=rows)


def measurement(**kw: Any) -> pe.Measurement:
    return pe.Measurement(metric=kw.pop("metric", metric()), value=kw.pop("value", 1.0), **kw)


BREAKS: dict[str, tuple[Callable[[], object], str]] = {
    "Judgment._other_grades": (
        lambda: pe.Judgment(
            "good", other_grades=[pe.OtherGrade(grade="good", kind="superseded", superseded_on="2024-01-01")]
        ),
        "other_grades[0].grade",
    ),
    "OtherGrade._dates": (
        lambda: pe.OtherGrade(grade="good", kind="disputed", superseded_on="2024-01-01"),
        "superseded_on",
    ),
    "CoreQuestion._pillar": (lambda: pe.CoreQuestion("2023-25", "effectiveness", None, "x", "X"), "pillar"),
    "CoreQuestion.key[0]": (lambda: pe.CoreQuestion("2016", "effectiveness", 9, "Not a key", "X"), "key"),
    "Period._in_order": (lambda: pe.Period("2016-02-01", "2016-01-01"), "end"),
    "MetricDefinition._base_per_100": (lambda: metric(base="OCGs"), "base"),
    "MetricDefinition.key[0]": (lambda: metric(key="Not A Key"), "metric"),
    "Measurement._value_in_bounds": (lambda: measurement(value=101.0), "value"),
    "Measurement._comparator_in_bounds": (lambda: measurement(england_and_wales=-1.0), "england_and_wales"),
    "OutcomeTypeRow.outcome[0]": (lambda: row(23), "outcome"),
    "OutcomeTypeRow.value[0]": (lambda: row(1, value=100.5), "value"),
    "OutcomeTypeRow.england_and_wales[0]": (lambda: row(1, england_and_wales=-0.5), "england_and_wales"),
    "OutcomeGroupRow._members_in_group": (
        lambda: pe.OutcomeGroupRow(group="g", outcomes=(2, 3), members=(row(4),)),
        "members[0].outcome",
    ),
    "OutcomeGroupRow.outcomes[0]": (lambda: pe.OutcomeGroupRow(group="g", outcomes=()), "outcomes"),
    "OutcomeGroupRow.outcomes[1]": (lambda: pe.OutcomeGroupRow(group="g", outcomes=(2, 2)), "outcomes"),
    "OutcomeGroupRow.outcomes[2]": (lambda: pe.OutcomeGroupRow(group="g", outcomes=(2, 0)), "outcomes"),
    "OutcomeGroupRow.value[0]": (lambda: pe.OutcomeGroupRow(group="g", outcomes=(2,), value=101.0), "value"),
    "OutcomeGroupRow.england_and_wales[0]": (
        lambda: pe.OutcomeGroupRow(group="g", outcomes=(2,), england_and_wales=-3.0),
        "england_and_wales",
    ),
    "OutcomeTotal.value[0]": (lambda: pe.OutcomeTotal(label="t", value=100.1), "value"),
    "OutcomeTotal.england_and_wales[0]": (
        lambda: pe.OutcomeTotal(label="t", england_and_wales=-1.0),
        "england_and_wales",
    ),
    "OutcomeTable._each_type_once": (
        lambda: table((row(1), pe.OutcomeGroupRow(group="g", outcomes=(1, 2)))),
        "rows[1]",
    ),
    "Assessment.question[0]": (lambda: pe.Assessment(question=0), "question"),
    "Limits.max_bytes[0]": (lambda: pe.Limits(max_bytes=-1), "max_bytes"),
    "Limits.max_depth[0]": (lambda: pe.Limits(max_depth=-1), "max_depth"),
    "Limits.max_nodes[0]": (lambda: pe.Limits(max_nodes=-1), "max_nodes"),
    "Limits.max_files[0]": (lambda: pe.Limits(max_files=-1), "max_files"),
    "InspectionReport._pillar": (lambda: report(cycle="2023-25", pillar="effectiveness"), "pillar"),
    "InspectionReport._headline": (lambda: report(judgment=pe.Judgment("adequate")), "grade"),
    "InspectionReport._questions": (
        lambda: report(assessments=[pe.Assessment(question=7)]),
        "assessments[0].question",
    ),
    "InspectionReport._measured_once": (
        lambda: report(measurements=[measurement(), measurement()]),
        "measurements[1].metric",
    ),
    "InspectionReport._tables_once": (
        lambda: report(outcome_tables=[table((row(1),)), table((row(2),))]),
        "outcome_tables[1].key",
    ),
}


def test_every_rule_has_a_breaking_example() -> None:
    assert sorted(BREAKS) == sorted(rules())


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_the_model_refuses_what_breaks_a_rule(name: str) -> None:
    build, path = BREAKS[name]
    with pytest.raises(pe.PeelDataError) as info:
        build()
    assert path in [p.path for p in info.value.problems], str(info.value)


@pytest.mark.parametrize("name", sorted(k for k in BREAKS if k.startswith("InspectionReport.")))
def test_a_file_breaking_a_rule_is_refused_with_its_line(name: str) -> None:
    texts = {
        "InspectionReport._pillar": "force: kent\ncycle: 2021/22\npillar: efficiency\n",
        "InspectionReport._headline": "force: kent\ncycle: 2016\ngrade: adequate\n",
        "InspectionReport._questions": "force: kent\ncycle: 2016\nassessments:\n  - question: 7\n",
        "InspectionReport._measured_once": (
            "force: kent\ncycle: 2016\nmeasurements:\n"
            "  - {metric: x, label: X, unit: count, value: 1}\n  - {metric: x, label: X, unit: count, value: 2}\n"
        ),
        "InspectionReport._tables_once": (
            "force: kent\ncycle: 2016\noutcome_tables:\n"
            + "".join(
                f"  - key: t\n    title: T\n    measure: share_of_offences\n    period: {P16}\n"
                f"    rows: [{{outcome: {n}, label: x}}]\n"
                for n in (1, 2)
            )
        ),
    }
    _, path = BREAKS[name]
    with pytest.raises(pe.PeelDataError) as info:
        pe.load(texts[name])
    found = {p.path: p.line for p in info.value.problems}
    assert path in found, str(info.value)
    assert found[path] is not None, str(info.value)


def test_load_of_a_dump_is_the_object_for_what_the_model_accepts() -> None:
    # base on a per-100 figure only: the model's rule, so a dump always loads.
    m = measurement(metric=metric("per_100", base="OCGs"), value=3.0)
    r = report(measurements=[m])
    assert pe.load(pe.dump(r)) == pe.Dataset((r,))
    with pytest.raises(pe.PeelDataError):
        metric("per_1000_population", base="OCGs")


def test_a_field_left_out_or_misspelt_is_a_data_error_naming_it() -> None:
    with pytest.raises(pe.PeelDataError) as info:
        pe.InspectionReport(cycle=2016)  # type: ignore[call-arg]
    assert [p.path for p in info.value.problems] == ["force"]
    with pytest.raises(pe.PeelDataError, match="unknown field 'summry' in a report; did you mean 'summary'"):
        pe.InspectionReport(force="kent", cycle=2016, summry="")  # type: ignore[call-arg]


def test_wrong_types_are_data_errors_and_sequences_become_tuples() -> None:
    j = pe.Judgment("good", sources=["https://example.org"])  # type: ignore[arg-type]
    assert j.sources == ("https://example.org",)
    assert hash(j) == hash(pe.Judgment("good", sources=("https://example.org",)))
    row = pe.OutcomeGroupRow(group="g", outcomes=[1, 2])  # type: ignore[arg-type]
    assert row.outcomes == (1, 2)
    with pytest.raises(pe.PeelDataError) as info:
        pe.Measurement(metric="x", value="1")  # type: ignore[arg-type]
    assert {p.path for p in info.value.problems} == {"metric", "value"}


LEAF_BREAKS: dict[str, tuple[Callable[[], object], str]] = {
    "type:text": (lambda: pe.CauseOfConcern(summary=3), "summary"),  # type: ignore[arg-type]
    "type:whole number": (lambda: pe.Assessment(question="1"), "question"),  # type: ignore[arg-type]
    "type:number": (lambda: pe.OutcomeTotal(label="t", value="1"), "value"),  # type: ignore[arg-type]
    "type:boolean": (
        lambda: pe.CoreQuestion(pe.Cycle.Y2016, pe.Pillar.EFFECTIVENESS, 1, "q1", "Q?", "yes"),  # type: ignore[arg-type]
        "graded",
    ),
    "type:date": (lambda: pe.Provenance(title="t", publisher="p", published="2016/01/01"), "published"),  # type: ignore[arg-type]
}


def test_every_leaf_type_has_a_breaking_example() -> None:
    from rules_index import leaf_rules

    assert sorted(LEAF_BREAKS) == sorted(leaf_rules())


@pytest.mark.parametrize("name", sorted(LEAF_BREAKS))
def test_a_value_of_the_wrong_type_is_refused(name: str) -> None:
    build, path = LEAF_BREAKS[name]
    with pytest.raises(pe.PeelDataError) as info:
        build()
    assert [p.path for p in info.value.problems] == [path]
