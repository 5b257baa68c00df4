"""Records that recur from report to report (a cycle's provenance) are built
once and shared: equal mappings of text give the one record, and anything
else is read as if nothing were shared."""

from __future__ import annotations

import json

import pytest

import peel_effectiveness as pe

PROVENANCE = {"title": "PEEL 2016", "publisher": "HMIC", "published": "2017-03-02"}


def _report(force: str, provenance: dict[str, object]) -> dict[str, object]:
    return {"force": force, "cycle": "2016", "grade": "good", "provenance": provenance}


def test_equal_provenances_are_one_record() -> None:
    data = pe.loads(json.dumps([_report("kent", PROVENANCE), _report("essex", dict(PROVENANCE))]))
    first, second = (r.provenance for r in data.reports)
    assert first is second
    assert first == pe.Provenance(title="PEEL 2016", publisher="HMIC", published="2017-03-02")


def test_the_bundled_reports_of_a_cycle_share_their_provenance() -> None:
    pe.load_bundled.cache_clear()
    reports = pe.load_bundled().reports
    assert len({id(r.provenance) for r in reports}) == len({r.provenance for r in reports})


def test_a_provenance_that_failed_is_refused_again() -> None:
    bad = {**PROVENANCE, "published": "2017-02-30"}
    for _ in range(2):
        with pytest.raises(pe.PeelDataError, match="2017-02-30"):
            pe.loads(json.dumps([_report("kent", bad)]))


def test_a_value_that_is_not_text_is_not_taken_for_text() -> None:
    # A record shared under the text "2017-03-02" is not given for a
    # mapping whose date is a number, however the two compare.
    pe.loads(json.dumps([_report("kent", PROVENANCE)]))
    with pytest.raises(pe.PeelDataError, match="published"):
        pe.loads(json.dumps([_report("kent", {**PROVENANCE, "published": 20170302})]))
    with pytest.raises(pe.PeelDataError, match="title"):
        pe.loads(json.dumps([_report("kent", {**PROVENANCE, "title": ["PEEL 2016"]})]))


def test_an_unknown_key_is_named_after_the_same_mapping_loaded_well() -> None:
    pe.loads(json.dumps([_report("kent", PROVENANCE)]))
    with pytest.raises(pe.PeelDataError, match="unknown field 'titel'"):
        pe.loads(json.dumps([_report("kent", {**PROVENANCE, "titel": "x"})]))


def test_long_text_is_not_kept_to_be_shared() -> None:
    # Shared records live as long as the process: a long title (a file may
    # hold megabytes) is read for its file alone.
    long = {**PROVENANCE, "title": "PEEL " + "x" * 5000}
    data = pe.loads(json.dumps([_report("kent", long), _report("essex", long)]))
    first, second = (r.provenance for r in data.reports)
    assert first == second
    assert first is not second
