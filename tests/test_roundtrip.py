"""Round trips: whatever the library writes, it reads back equal."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_bundled_round_trip_both_formats(tmp_path: Path) -> None:
    data = pe.load_bundled()
    assert pe.loads(pe.dump(data)) == data
    assert pe.loads(pe.dump(data, "json")) == data
    # Through a file, as dump's docs say: load reads the file dump wrote.
    for name, format in (("all.yaml", "yaml"), ("all.json", "json")):
        pe.dump(data, format, path=tmp_path / name)  # type: ignore[arg-type]
        assert pe.load(tmp_path / name) == data


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_yaml_1_1_line_breaks_are_written_escaped_and_read_back(char: str) -> None:
    # The reader refuses them raw (they are line breaks to libyaml), so the
    # writer escapes them in double quotes, wherever they are in the text.
    for text in (f"caf{char}", char, f"a\nb{char}c", f"{char} leading"):
        report = pe.InspectionReport(force="kent", cycle=2016, summary=text)
        written = pe.dump(report, "yaml")
        assert char not in written
        assert pe.loads(written).reports == (report,)


def test_dump_refuses_reports_a_file_could_not_hold_together() -> None:
    # It wrote them, and loading the text refused it.
    report = pe.load_bundled().report("cumbria", 2016)
    with pytest.raises(pe.PeelDataError, match="two reports on Cumbria for effectiveness 2016"):
        pe.dump([report, report])
    assert pe.loads(pe.dump([report])).reports == (report,)
