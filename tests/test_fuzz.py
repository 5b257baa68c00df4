"""Fuzzing the loaders: whatever the input, it loads or raises PeelDataError."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import peel_effectiveness as pe
import peel_effectiveness.io._json
import peel_effectiveness.io.loading
from fuzzing import FUZZ, REPORTS, Mutated, documents, mutations
from peel_effectiveness.io import _reading, _yaml
from peel_effectiveness.io._parsed import NeedDetail, Unreadable
from strategies import datasets


def loads_or_data_error(text: str | bytes, **kw: Any) -> pe.Dataset | None:
    try:
        return pe.load(text, **kw)
    except pe.PeelDataError as e:
        assert e.problems
        for p in e.problems:
            assert p.message
            assert p.line is None or p.line >= 1
        return None


@FUZZ
@given(documents)
def test_random_yaml_documents(doc: Any) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True)
    data = loads_or_data_error(text, format="yaml")
    if data is not None:
        assert pe.load(pe.dump(data)) == data


@FUZZ
@given(documents)
def test_random_json_documents(doc: Any) -> None:
    text = json.dumps(doc, default=str)
    loads_or_data_error(text, format="json")


@FUZZ
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    loads_or_data_error(text)
    loads_or_data_error(text, format="json")


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    loads_or_data_error(data)


@FUZZ
@given(mutations())
def test_mutated_bundled_file(mutated: Mutated) -> None:
    text = str(mutated)
    data = loads_or_data_error(text)
    if data is not None:
        assert pe.load(pe.dump(data)) == data


@FUZZ
@given(mutations())
def test_mutated_bundled_file_as_json(mutated: Mutated) -> None:
    text = str(mutated)
    try:
        doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return
    loads_or_data_error(json.dumps(doc, default=str), format="json")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


yaml_texts = documents.map(lambda d: yaml.safe_dump(d, allow_unicode=True)) | documents.map(
    lambda d: yaml.safe_dump(d, default_flow_style=True)
)


@FUZZ
@given(yaml_texts | st.text(alphabet=st.sampled_from(list("ab: -[]{}'\"#\n!&*0.1yesno~")), max_size=60))
def test_fast_reader_equals_pyyaml_safe_load(text: str) -> None:
    try:
        expected = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, ValueError, OverflowError):
        expected_error = True
    else:
        expected_error = False
    try:
        parsed = _yaml.parse(text)
    except Unreadable:
        # Stricter than PyYAML on purpose: several documents, merge keys,
        # non-core tags, complex keys, aliases before anchors.
        return
    assert not expected_error, text
    if parsed.problems:
        return  # duplicate or non-text keys: refused, where PyYAML keeps one silently
    assert _same(parsed.value, expected), (text, parsed.value, expected)


def _both_readers(text: str, fmt: str) -> None:
    """The reader without positions (tried first) reads what the reader with
    positions (used to report problems) reads, or leaves the text to it."""
    limits = pe.Limits()
    try:
        if fmt == "json":
            fast, _ = pe.io._json.parse_fast(text, limits)
        else:
            fast, _ = _yaml.parse_counted(text, limits)
    except NeedDetail:
        return
    parsed = _reading._parse(text, fmt, limits)  # type: ignore[arg-type]
    assert not parsed.problems, parsed.problems
    assert _same(fast, parsed.value)


@FUZZ
@given(mutations())
def test_both_readers_agree_on_mutations(mutated: Mutated) -> None:
    _both_readers(str(mutated), "yaml")
    try:
        value = _yaml.parse(str(mutated)).value
    except Unreadable:
        return
    _both_readers(json.dumps(value, default=str), "json")


@FUZZ
@given(documents)
def test_both_readers_agree_on_random_documents(doc: Any) -> None:
    _both_readers(yaml.safe_dump(doc, allow_unicode=True), "yaml")
    _both_readers(json.dumps(doc, default=str), "json")


@REPORTS
@given(datasets())
def test_limits_on_values_and_depth_hold_alike_for_both_formats_and_paths(data: pe.Dataset) -> None:
    text = pe.dump(data, "json")
    depth, nodes = pe.io._json._size(json.loads(text))
    for fmt in ("json", "yaml"):
        text = pe.dump(data, fmt)  # type: ignore[arg-type]
        assert pe.load(text, format=fmt, limits=pe.Limits(max_nodes=nodes, max_depth=depth)) == data  # type: ignore[arg-type]
        with pytest.raises(pe.PeelDataError, match=f"more than {nodes - 1} values"):
            pe.load(text, format=fmt, limits=pe.Limits(max_nodes=nodes - 1))  # type: ignore[arg-type]
        if depth:
            with pytest.raises(pe.PeelDataError, match=f"nested more than {depth - 1} levels"):
                pe.load(text, format=fmt, limits=pe.Limits(max_depth=depth - 1))  # type: ignore[arg-type]


def _both_modes(value: Any) -> None:
    """The generated fail-fast reader accepts only what the collecting reader
    accepts, and builds the same record."""
    from peel_effectiveness.io._structure import build, structure
    from peel_effectiveness.model._convert import Invalid

    for item in value if isinstance(value, list) else [value]:
        fast, slow = build(pe.InspectionReport, item), structure(pe.InspectionReport, item)
        if fast.__class__ is Invalid:
            assert slow.__class__ is Invalid
            assert fast.found == slow.found
        else:
            assert fast == slow


@FUZZ
@given(mutations())
def test_both_reading_modes_agree_on_mutations(mutated: Mutated) -> None:
    try:
        value = _yaml.parse(str(mutated)).value
    except Unreadable:
        return
    _both_modes(value)


@FUZZ
@given(documents)
def test_both_reading_modes_agree_on_random_documents(doc: Any) -> None:
    _both_modes(doc)


@REPORTS
@given(datasets())
def test_both_reading_modes_agree_on_valid_data(data: pe.Dataset) -> None:
    _both_modes(json.loads(pe.dump(data, "json")))
