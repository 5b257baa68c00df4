"""Round trips: whatever the library writes, it reads back equal."""

from __future__ import annotations

from hypothesis import given

import peel_effectiveness as pe
from strategies import datasets, reports


@given(datasets())
def test_yaml_round_trip(data: pe.Dataset) -> None:
    assert pe.loads(pe.dump(data), format="yaml") == data


@given(datasets())
def test_json_round_trip(data: pe.Dataset) -> None:
    assert pe.loads(pe.dump(data, "json"), format="json") == data


@given(reports())
def test_single_report_round_trip(report: pe.InspectionReport) -> None:
    (back,) = pe.loads(pe.dump(report)).reports
    assert back == report
    assert hash(back) == hash(report)


def test_bundled_round_trip_both_formats() -> None:
    data = pe.load_bundled()
    assert pe.loads(pe.dump(data)) == data
    assert pe.loads(pe.dump(data, "json")) == data
