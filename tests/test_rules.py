"""Every rule of the model refuses what breaks it, in Python and in a file, naming the field.

The examples are keyed by the rule's name in :mod:`rules_index`, and a test
checks that every rule the model has is here: a rule added without a
breaking example fails the suite. ``tools/mutate_rules.py`` switches each
rule off in turn and checks that this suite then fails.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

import peel_effectiveness as pe
from rules_index import REPORT_RULES, rules

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


_ZED = pe.Force("zed", "Zed Police", "Zed", "E23000099", "England", "South")

BREAKS: dict[str, tuple[Callable[[], object], str]] = {
    "Judgment.__attrs_post_init__": (
        lambda: pe.Judgment(
            "good", other_grades=[pe.OtherGrade(grade="good", kind="superseded", superseded_on="2024-01-01")]
        ),
        "other_grades[0].grade",
    ),
    "OtherGrade.__attrs_post_init__": (
        lambda: pe.OtherGrade(grade="good", kind="disputed", superseded_on="2024-01-01"),
        "superseded_on",
    ),
    "CoreQuestion.__attrs_post_init__": (
        lambda: pe.CoreQuestion("2023-25", "effectiveness", None, "x", "X"),
        "pillar",
    ),
    "CoreQuestion.key": (lambda: pe.CoreQuestion("2016", "effectiveness", 9, "Not a key", "X"), "key"),
    "CoreQuestion.number": (lambda: pe.CoreQuestion("2016", "effectiveness", 0, "x0", "X"), "number"),
    # A force of one's own: one of the 43 is the registry's, whole.
    "Force.id": (lambda: attrs.evolve(_ZED, id="Zed Police"), "id"),
    "Force.aliases": (lambda: attrs.evolve(_ZED, aliases=("Zeds", " ")), "aliases[1]"),
    "Force.later_names": (lambda: attrs.evolve(_ZED, later_names=("a\nb",)), "later_names[0]"),
    "Force.official_name": (lambda: attrs.evolve(_ZED, official_name=" "), "official_name"),
    "Force.short_name": (lambda: attrs.evolve(_ZED, short_name=""), "short_name"),
    "Force.gss_code": (lambda: attrs.evolve(_ZED, gss_code=""), "gss_code"),
    "Force.region": (lambda: attrs.evolve(_ZED, region=""), "region"),
    "Force.sources": (lambda: attrs.evolve(_ZED, sources=("https://x", "")), "sources[1]"),
    "CauseOfConcern.summary": (lambda: pe.CauseOfConcern(summary=" "), "summary"),
    "CauseOfConcern.recommendations": (
        lambda: pe.CauseOfConcern(summary="s", recommendations=("Do this.\n", " ")),
        "recommendations[1]",
    ),
    "Assessment.question": (lambda: pe.Assessment(question=0), "question"),
    "Assessment.areas_for_improvement": (
        lambda: pe.Assessment(question=1, areas_for_improvement=("Two\nlines.", "")),
        "areas_for_improvement[1]",
    ),
    "CoreQuestion.text": (lambda: attrs.evolve(pe.model.core_questions("2016")[0], text="\u3000"), "text"),
    "CoreQuestion.short": (lambda: attrs.evolve(pe.model.core_questions("2016")[0], short="a\nb"), "short"),
    "Provenance.title": (lambda: pe.Provenance(title="", publisher="HMIC"), "title"),
    "Provenance.publisher": (lambda: pe.Provenance(title="T", publisher="\n"), "publisher"),
    "Provenance.url": (lambda: pe.Provenance(title="T", publisher="HMIC", url="https://a\nb"), "url"),
    "MetricDefinition.label": (lambda: pe.MetricDefinition(key="x", label="", unit="count"), "label"),
    "OutcomeType.label": (lambda: pe.model.OutcomeType(1, " "), "label"),
    "OutcomeGroup.name": (lambda: pe.model.OutcomeGroup("", (1, 2)), "name"),
    "OutcomeGrouping.title": (lambda: attrs.evolve(pe.model.OUTCOME_GROUPINGS[0], title=""), "title"),
    "OutcomeTypeRow.label": (lambda: pe.OutcomeTypeRow(outcome=1, label=""), "label"),
    "OutcomeGroupRow.group": (lambda: pe.OutcomeGroupRow(group=" ", outcomes=(2,)), "group"),
    "OutcomeTotal.label": (lambda: pe.OutcomeTotal(label=""), "label"),
    "OutcomeTable.title": (lambda: attrs.evolve(table((row(1),)), title="  "), "title"),
    "Period.__attrs_post_init__": (lambda: pe.Period("2016-02-01", "2016-01-01"), "end"),
    "MetricDefinition.__attrs_post_init__": (lambda: metric(base="OCGs"), "base"),
    "MetricDefinition.key": (lambda: metric(key="Not A Key"), "key"),
    "Measurement.__attrs_post_init__": (lambda: measurement(value=101.0), "value"),
    "OutcomeTypeRow.outcome": (lambda: row(23), "outcome"),
    "OutcomeTypeRow.value": (lambda: row(1, value=-0.5), "value"),
    "OutcomeTypeRow.england_and_wales": (lambda: row(1, england_and_wales=-0.5), "england_and_wales"),
    "OutcomeGroupRow.__attrs_post_init__": (
        lambda: pe.OutcomeGroupRow(group="g", outcomes=(2, 3), members=(row(4),)),
        "members[0].outcome",
    ),
    "OutcomeGroupRow.outcomes": (lambda: pe.OutcomeGroupRow(group="g", outcomes=(2, 2)), "outcomes"),
    "OutcomeGroupRow.value": (lambda: pe.OutcomeGroupRow(group="g", outcomes=(2,), value=-1.0), "value"),
    "OutcomeGroupRow.england_and_wales": (
        lambda: pe.OutcomeGroupRow(group="g", outcomes=(2,), england_and_wales=-3.0),
        "england_and_wales",
    ),
    "Force.__attrs_post_init__": (
        lambda: pe.Force("zed", "Zed Police", "Zed", "W15000099", "England", "South"),
        "gss_code",
    ),
    "OutcomeTotal.value": (lambda: pe.OutcomeTotal(label="t", value=-0.1), "value"),
    "OutcomeTotal.england_and_wales": (
        lambda: pe.OutcomeTotal(label="t", england_and_wales=-1.0),
        "england_and_wales",
    ),
    "OutcomeTable.__attrs_post_init__": (
        lambda: table((row(1), pe.OutcomeGroupRow(group="g", outcomes=(1, 2)))),
        "rows[1]",
    ),
    "OutcomeTable.key": (lambda: table((row(1),), key="Figure 4"), "key"),
    "OutcomeType.number": (lambda: pe.model.OutcomeType(0, "x"), "number"),
    "OutcomeGroup.outcomes": (lambda: pe.model.OutcomeGroup("g", (1, 23)), "outcomes"),
    "OutcomeGrouping.key": (lambda: attrs.evolve(pe.model.OUTCOME_GROUPINGS[0], key="Home Office"), "key"),
    "Dataset.__attrs_post_init__": (lambda: pe.Dataset([report(), report()]), "reports[1]"),
    "EngageDate.__attrs_post_init__": (lambda: pe.model.EngageDate("2023-05-17", "month"), "day"),
    "Stay.__attrs_post_init__": (
        lambda: pe.model.Stay(force="kent", entered="2023", left="2022-01-01"),
        "left",
    ),
    "Judgment.sources": (lambda: pe.Judgment("good", sources=("https://a", "two\nlines")), "sources[1]"),
    "OtherGrade.sources": (
        lambda: pe.model.OtherGrade(grade="good", kind="disputed", sources=(" ",)),
        "sources[0]",
    ),
    "Stay.entered_sources": (
        lambda: pe.model.Stay(force="kent", entered="2023", entered_sources=("",)),
        "entered_sources[0]",
    ),
    "Stay.left_sources": (
        lambda: pe.model.Stay(force="kent", entered="2022", left="2023", left_sources=("a\u2028b",)),
        "left_sources[0]",
    ),
    "Limits.max_bytes": (lambda: pe.Limits(max_bytes=-1), "max_bytes"),
    "Limits.max_alias_nodes": (lambda: pe.Limits(max_alias_nodes=-1), "max_alias_nodes"),
    "Limits.max_depth": (lambda: pe.Limits(max_depth=-1), "max_depth"),
    "Limits.max_nodes": (lambda: pe.Limits(max_nodes=-1), "max_nodes"),
    "Limits.max_files": (lambda: pe.Limits(max_files=-1), "max_files"),
    "reports.headline_problems": (lambda: report(judgment=pe.Judgment("adequate")), "judgment.grade"),
    "reports.question_problems": (
        lambda: report(assessments=[pe.Assessment(question=7)]),
        "assessments[0].question",
    ),
    "reports.measured_once": (
        lambda: report(measurements=[measurement(), measurement()]),
        "measurements[1].metric.key",
    ),
    "reports.tables_once": (
        lambda: report(outcome_tables=[table((row(1),)), table((row(2),))]),
        "outcome_tables[1].key",
    ),
    "reports.published_in_cycle": (
        lambda: report(provenance=pe.Provenance(title="t", publisher="HMIC", published="2010-01-01")),
        "provenance.published",
    ),
    "value:text": (lambda: pe.CauseOfConcern(summary=3), "summary"),  # type: ignore[arg-type]
    "value:whole": (lambda: pe.OutcomeTypeRow(outcome=1.0, label="x"), "outcome"),  # type: ignore[arg-type]
    "value:number": (lambda: pe.OutcomeTotal(label="t", value="1"), "value"),  # type: ignore[arg-type]
    "value:date": (lambda: pe.Provenance(title="t", publisher="p", published="2016/01/01"), "published"),  # type: ignore[arg-type]
}


def test_every_rule_has_a_breaking_example() -> None:
    assert sorted(BREAKS) == sorted(rules())


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_with_the_rule_off_its_example_is_accepted(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The example breaks this rule and no other: the mutation run proves
    # something only if switching the rule off is what lets the example in.
    import copy

    from rules_index import CLASSES, _valids

    for cls in CLASSES:
        if "__attrs_post_init__" in vars(cls):
            monkeypatch.setattr(cls, "__attrs_post_init__", cls.__attrs_post_init__)
    for fn in REPORT_RULES:
        monkeypatch.setattr(pe.model.reports, fn, getattr(pe.model.reports, fn))
    saved = [(v, copy.copy(v.rule), v.limit) for _, _, v in _valids()]
    try:
        rules()[name]()
        try:
            BREAKS[name][0]()
        except pe.PeelDataError as e:
            # A value of the wrong type may still break a field's limit: it
            # is no longer refused for its type.
            assert name.startswith("value:"), e
            assert not any(p.message.startswith("expected") for p in e.problems), e
    finally:
        for v, rule, limit in saved:
            object.__setattr__(v, "rule", rule)
            object.__setattr__(v, "limit", limit)


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_the_model_refuses_what_breaks_a_rule(name: str) -> None:
    build, path = BREAKS[name]
    with pytest.raises(pe.PeelDataError) as info:
        build()
    assert path in [p.path for p in info.value.problems], str(info.value)


FILE_PATHS = {
    "reports.headline_problems": "grade",
    "reports.question_problems": "assessments[0].question",
    "reports.measured_once": "measurements[1].metric",
    "reports.tables_once": "outcome_tables[1].key",
    "reports.published_in_cycle": "provenance.published",
}


@pytest.mark.parametrize("name", sorted(k for k in BREAKS if k.startswith("reports.")))
def test_a_file_breaking_a_rule_is_refused_with_its_line(name: str) -> None:
    texts = {
        "reports.headline_problems": "force: kent\ncycle: 2016\ngrade: adequate\n",
        "reports.question_problems": "force: kent\ncycle: 2016\nassessments:\n  - question: 7\n",
        "reports.measured_once": (
            "force: kent\ncycle: 2016\nmeasurements:\n"
            "  - {metric: x, label: X, unit: count, value: 1}\n  - {metric: x, label: X, unit: count, value: 2}\n"
        ),
        "reports.published_in_cycle": (
            "force: kent\ncycle: 2016\nprovenance:\n  title: t\n  publisher: HMIC\n  published: 2010-01-01\n"
        ),
        "reports.tables_once": (
            "force: kent\ncycle: 2016\noutcome_tables:\n"
            + "".join(
                f"  - key: t\n    title: T\n    measure: share_of_offences\n    period: {P16}\n"
                f"    rows: [{{outcome: {n}, label: x}}]\n"
                for n in (1, 2)
            )
        ),
    }
    path = FILE_PATHS[name]
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(texts[name])
    found = {p.path: p.line for p in info.value.problems}
    assert path in found, str(info.value)
    assert found[path] is not None, str(info.value)


def test_load_of_a_dump_is_the_object_for_what_the_model_accepts() -> None:
    # base on a per-100 figure only: the model's rule, so a dump always loads.
    m = measurement(metric=metric("per_100", base="OCGs"), value=3.0)
    r = report(measurements=[m])
    assert pe.loads(pe.dump(r)) == pe.Dataset((r,))
    with pytest.raises(pe.PeelDataError):
        metric("per_1000_population", base="OCGs")


def test_a_field_left_out_or_misspelt_in_python_is_a_type_error_as_attrs_makes_it() -> None:
    # attrs' own __init__: Python's TypeError for a missing or unknown
    # argument; the converter names a key missing or misspelt in a mapping.
    with pytest.raises(TypeError, match="force"):
        pe.InspectionReport(cycle=2016)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="summry"):
        pe.InspectionReport(force="kent", cycle=2016, summry="")  # type: ignore[call-arg]
    with pytest.raises(pe.PeelDataError, match="unknown field 'summry' in a report; did you mean 'summary'"):
        pe.converter.structure({"force": "kent", "cycle": 2016, "summry": ""}, pe.InspectionReport)


def test_wrong_types_are_data_errors_and_sequences_become_tuples() -> None:
    j = pe.Judgment("good", sources=["https://example.org"])  # type: ignore[arg-type]
    assert j.sources == ("https://example.org",)
    assert hash(j) == hash(pe.Judgment("good", sources=("https://example.org",)))
    row = pe.OutcomeGroupRow(group="g", outcomes=[1, 2])  # type: ignore[arg-type]
    assert row.outcomes == (1, 2)
    with pytest.raises(pe.PeelDataError) as info:
        pe.Measurement(metric="x", value=1.0)  # type: ignore[arg-type]
    assert {p.path for p in info.value.problems} == {"metric"}


def test_a_judgment_s_other_grades_each_differ_from_its_grade_and_are_recorded_once() -> None:
    disputed = pe.OtherGrade(grade="adequate", kind="disputed", sources=("https://a",))
    superseded = pe.OtherGrade(grade="adequate", kind="superseded", superseded_on="2024-08-08")
    # The same grade disputed and superseded, or superseded on two days, is two records.
    pe.Judgment(
        "good", other_grades=(disputed, superseded, attrs.evolve(superseded, superseded_on="2025-01-01"))
    )
    with pytest.raises(pe.PeelDataError) as info:
        pe.Judgment(
            "adequate",
            other_grades=(
                pe.OtherGrade(grade="good", kind="disputed"),
                disputed,
                attrs.evolve(disputed, sources=()),
            ),
        )
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("other_grades[1].grade", "a disputed grade differs from the grade in force"),
        ("other_grades[2].grade", "a disputed grade differs from the grade in force"),
    ]
    text = (
        "force: kent\ncycle: 2016\ngrade: good\nother_grades:\n"
        "  - {grade: adequate, kind: disputed, sources: ['https://a']}\n"
        "  - {grade: adequate, kind: disputed, sources: ['https://b']}\n"
    )
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(text)
    # (Every problem at once: 2016's scale has no adequate, said of the one kept.)
    assert [(p.path, p.line, p.message) for p in info.value.problems] == [
        (
            "other_grades[0].grade",
            5,
            "'adequate' is not on the 2016 grade scale (outstanding, good, requires improvement, inadequate)",
        ),
        (
            "other_grades[1]",
            6,
            "the same disputed grade as [0] of this list (one record, with every source)",
        ),
    ]


def test_a_previous_judgment_s_other_grades_are_dated_in_the_cycle_before() -> None:
    # They were never checked: 2099 loaded; the report's own were refused.
    text = (
        "force: kent\ncycle: 2017\ngrade: good\nprevious_grade: good\nprevious_other_grades:\n"
        "  - {grade: inadequate, kind: disputed, published: 2099-06-01}\n"
        "  - {grade: requires improvement, kind: superseded, superseded_on: 2014-06-01}\n"
        "assessments:\n  - question: 1\n    grade: good\n    previous_grade: good\n"
        "    previous_other_grades: [{grade: inadequate, kind: disputed, published: 2017-11-01}]\n"
    )
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(text)
    said = "is not when 2016 reports came out (efficiency 3 November 2016, legitimacy December 2016, effectiveness 2 March 2017)"
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("previous_other_grades[0].published", f"2099-06-01 {said}"),
        ("previous_other_grades[1].superseded_on", f"2014-06-01 {said}"),
        ("assessments[0].previous_other_grades[0].published", f"2017-11-01 {said}"),
    ]
    # Dated in 2016, they load.
    fine = (
        text.replace("2099-06-01", "2017-03-02")
        .replace("2014-06-01", "2017-01-01")
        .replace("2017-11-01", "2016-11-03")
    )
    assert len(pe.loads(fine)) == 1


def test_a_carried_over_judgment_s_other_grades_are_dated_in_the_cycle_it_is_from() -> None:
    # They were held to the report's cycle (or the one before), not to the
    # cycle whose judgment was carried over.
    said = "is not when 2016 reports came out"
    own = (
        "force: kent\ncycle: 2017\nassessments:\n  - question: 1\n    grade: good\n"
        "    carried_over_from: 2016\n    other_grades: [{grade: inadequate, kind: disputed, published: DAY}]\n"
    )
    assert len(pe.loads(own.replace("DAY", "2017-03-02"))) == 1
    with pytest.raises(pe.PeelDataError, match=f"2018-03-22 {said}"):
        pe.loads(own.replace("DAY", "2018-03-22"))
    previous = (
        "force: kent\ncycle: 2018/19\nassessments:\n  - question: 1\n    grade: good\n"
        "    previous_grade: good\n    previous_carried_over_from: 2016\n"
        "    previous_other_grades: [{grade: inadequate, kind: superseded, published: DAY, superseded_on: 2018-06-01}]\n"
    )
    assert len(pe.loads(previous.replace("DAY", "2017-03-02"))) == 1
    with pytest.raises(pe.PeelDataError, match=f"2018-03-22 {said}"):
        pe.loads(previous.replace("DAY", "2018-03-22"))


def test_prose_in_a_list_may_run_over_lines_but_is_never_blank() -> None:
    # A YAML folded scalar ends in a line break: a recommendation so
    # written was refused as "holds a line break", and a blank area for
    # improvement was taken.
    text = (
        "force: kent\ncycle: 2016\nassessments:\n- question: 1\n  areas_for_improvement:\n  - |\n    One.\n    Two.\n"
        "  causes_of_concern:\n  - summary: S\n    recommendations:\n    - >\n      Do this\n      soon.\n"
    )
    a = pe.loads(text).report("kent", 2016).assessments[0]
    assert a.areas_for_improvement == ("One.\nTwo.\n",)
    assert a.causes_of_concern[0].recommendations == ("Do this soon.\n",)
    with pytest.raises(
        pe.PeelDataError, match=r"areas_for_improvement\[0\]: '' is not an area for improvement: it is blank"
    ):
        pe.loads(text.replace("  - |\n    One.\n    Two.\n", "  - ''\n"))


def test_a_report_of_a_cycle_still_to_come_is_dated_within_the_years_it_spans() -> None:
    text = "force: kent\ncycle: 2025-27\nprovenance: {title: t, publisher: HMICFRS, published: %s}\n"
    assert pe.loads(text % "2027-12-31").reports[0].published is not None
    with pytest.raises(
        pe.PeelDataError, match=r"provenance\.published: 2099-12-31 is not when 2025-27 reports came out"
    ):
        pe.loads(text % "2099-12-31")


def test_a_grade_replaced_or_disputed_is_dated_within_its_cycle_too() -> None:
    text = (
        "force: kent\ncycle: 2023-25\nassessments:\n  - question: responding\n    grade: good\n"
        "    other_grades:\n      - {grade: adequate, kind: superseded, published: %s, superseded_on: %s}\n"
    )
    assert (
        pe.loads(text % ("2024-02-16", "2026-08-08")).reports[0].assessments
    )  # revised after its cycle: fine
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(text % ("2010-01-01", "2010-02-01"))
    assert [p.path for p in info.value.problems] == [
        "assessments[0].other_grades[0].published",
        "assessments[0].other_grades[0].superseded_on",
    ]
    assert all("is not when 2023-25 reports came out" in p.message for p in info.value.problems)
