"""How a downstream package's code types against the public API: checked by
``mypy --strict`` in CI (.ci/run), never run. Each ``assert_type`` is a type
the public API promises; each ``type: ignore`` a mistake a type checker
must catch (strict mode refuses an ignore that ignores nothing)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Optional

import attrs

import peel_effectiveness as pe

if TYPE_CHECKING:
    import polars
    from matplotlib.figure import Figure
    from typing_extensions import assert_type


@attrs.frozen
class Briefing:
    headline: pe.Judgment
    note: str = ""


def checked() -> None:
    # The converter gives what it is asked for, and a copy keeps its class.
    briefing = pe.converter.structure({"headline": {"grade": "good"}}, Briefing)
    assert_type(briefing, Briefing)
    mine = pe.converter.copy()
    assert_type(mine, pe.io.PeelConverter)  # (typed Any, it hid this below)
    assert_type(mine.structure({"grade": "good"}, pe.Judgment), pe.Judgment)
    # A union written with | is taken (mypy refused it, as no type[T]); what
    # is no type at all is still refused.
    pe.converter.structure({"grade": "good"}, pe.Judgment | None)
    pe.converter.structure({"grade": "good"}, Optional[pe.Judgment])  # noqa: UP045 - the spelling asked of
    pe.converter.structure({}, pe.Judgment("good"))  # type: ignore[call-overload]  # an instance

    # The model takes the words and values its fields read...
    judgment = pe.Judgment("good", carried_over_from=2016, sources=["https://example.org"])
    report = pe.InspectionReport(force="kent", cycle="2016", judgment=judgment)
    pe.Provenance(title="A report", publisher="HMIC", published=dt.date(2017, 3, 2))
    assert_type(attrs.evolve(report, pillar="effectiveness"), pe.InspectionReport)
    pe.Judgment(pe.Grade.GOOD, basis="inferred")
    pe.Assessment(question=3, judgment=judgment)
    pe.Assessment(question="investigating")
    # ... and refuses what none of them reads.
    pe.Judgment(42)  # type: ignore[arg-type]
    pe.Judgment("good", sources=7)  # type: ignore[arg-type]
    pe.Judgment("good", sources=[1])  # type: ignore[list-item]  # (typed Iterable[Any], it passed)
    pe.Judgment("good", sources={"https://example.org"})  # type: ignore[arg-type]  # (a set is refused)
    attrs.evolve(pe.find_force("kent"), aliases=("Kent Constabulary",))
    pe.InspectionReport(force=1, cycle=2016)  # type: ignore[arg-type]
    pe.Dataset(5)  # type: ignore[arg-type]  # (its reports were typed object: anything went)
    pe.Dataset([report], stays=[pe.model.Stay(force="kent", entered="2021-03")])
    pe.InspectionReport(force="kent", cycle=[2016])  # type: ignore[arg-type]
    # A field that must have a value is not typed as taking None (its
    # converter's type said it did).
    pe.InspectionReport(force="kent", cycle=None)  # type: ignore[arg-type]
    pe.Period(None, "2016-03-31")  # type: ignore[arg-type]
    pe.model.Stay(force="kent", entered=None)  # type: ignore[arg-type]
    pe.model.Stay(force="kent", entered=2019, left=2020)  # a year alone, as data files may write it
    pe.model.Stay(force="kent", entered=dt.date(2019, 4, 1))  # a date, to the day
    metric = pe.MetricDefinition(key="m", label="M", unit="count")
    pe.Measurement(metric=metric, value=None)  # type: ignore[arg-type]
    pe.Measurement(metric=metric, value=1.0, england_and_wales=None)
    pe.Judgment("good", carried_over_from=None)

    # The names of the literal choices, for a variable passed on.
    method: pe.analysis.RankMethod = "dense"
    fmt: pe.io.Format = "json"
    table: pe.output.Table = "grid"
    assert_type(len(pe.output.to_records(pe.load_bundled(), table)), int)
    assert_type(pe.analysis.rank({"a": 1.0}, method), dict[str, int] | dict[str, float])
    assert_type(pe.analysis.rank({"a": 1.0}), dict[str, int])  # whole ranks but "average"'s
    assert_type(pe.analysis.rank({"a": 1.0}, "dense"), dict[str, int])
    assert_type(pe.analysis.rank({"a": 1.0}, "average"), dict[str, float])
    assert_type(pe.loads("{}", format=fmt), pe.Dataset)

    # What loading and the analysis give.
    data = pe.load_bundled()
    assert_type(data, pe.Dataset)
    assert_type(data.report("cumbria", 2016), pe.InspectionReport)
    assert_type(pe.loads("force: kent\ncycle: 2016\n"), pe.Dataset)

    # What the outputs give (pandas has no types of its own to give).
    assert_type(pe.output.plot_history(data, "cumbria"), Figure)
    assert_type(pe.output.to_polars(data, "judgments"), polars.DataFrame)
