"""Fuzzing the loaders: whatever the input, it loads or raises PeelDataError."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peel_effectiveness as pe
from peel_effectiveness import _yaml
from strategies import datasets

FIELDS = [
    "force", "cycle", "pillar", "grade", "basis", "previous_grade", "summary", "assessments", "question",
    "measurements", "metric", "label", "unit", "value", "england_and_wales", "period", "start", "end",
    "outcome_tables", "key", "title", "measure", "rows", "outcome", "group", "outcomes", "members",
    "provenance", "published", "publisher", "areas_for_improvement", "causes_of_concern",
]  # fmt: skip
SCALAR_WORDS = [
    "cumbria", "kent", "2016", "good", "ungraded", "RI", "adequate", "count", "percent", "per_100",
    "12 months to 30 June 2016", "as at 1 July 2016", "share_of_offences", "effectiveness", "stated",
]  # fmt: skip

FUZZ = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(SCALAR_WORDS)
    | st.text(max_size=20)
    | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1))
)
keys = st.sampled_from(FIELDS) | st.text(max_size=10)
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=30,
)


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


SEED = (pe.loading._bundled_dir() / "cumbria-2016.yaml").read_text(encoding="utf-8")
SEED_LINES = SEED.split("\n")


@st.composite
def mutations(draw: st.DrawFn) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 3))):
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "truncate", "insert", "replace", "indent", "shuffle"]
            )
        )
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            text = "\n".join(lines)
            lines = text[: draw(st.integers(0, len(text)))].split("\n")
        elif op == "insert":
            lines.insert(i, draw(st.text(max_size=30)))
        elif op == "replace" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            value = draw(
                scalars.map(lambda v: yaml.safe_dump(v, default_flow_style=True).split("\n...")[0].strip())
            )
            lines[i] = f"{key}: {value}"
        elif op == "indent":
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip()
        elif op == "shuffle":
            block = lines[min(i, j) : max(i, j) + 1]
            lines[min(i, j) : max(i, j) + 1] = draw(st.permutations(block))
        if not lines:
            lines = [""]
    return "\n".join(lines)


@FUZZ
@given(mutations())
def test_mutated_bundled_file(text: str) -> None:
    data = loads_or_data_error(text)
    if data is not None:
        assert pe.load(pe.dump(data)) == data


@FUZZ
@given(mutations())
def test_mutated_bundled_file_as_json(text: str) -> None:
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
    except _yaml.YamlFatal:
        # Stricter than PyYAML on purpose: several documents, merge keys,
        # non-core tags, complex keys, aliases before anchors.
        return
    assert not expected_error, text
    if parsed.problems:
        return  # duplicate or non-text keys: refused, where PyYAML keeps one silently
    assert _same(parsed.value, expected), (text, parsed.value, expected)


def _slow(text: str, fmt: str) -> list[pe.InspectionReport] | None:
    try:
        return pe.loading._read_reports(text, "<t>", fmt, pe.Limits(), fast=False)  # type: ignore[arg-type]
    except pe.PeelDataError:
        return None


@contextlib.contextmanager
def _accelerating(on: bool) -> Any:
    """Use the msgspec accelerator for JSON of any size (or never)."""
    saved = pe.loading._ACCELERATE_FROM
    pe.loading._ACCELERATE_FROM = 0 if on else 10**12
    try:
        yield
    finally:
        pe.loading._ACCELERATE_FROM = saved


def _check_fast_path(text: str, fmt: str) -> None:
    slow = _slow(text, fmt)
    for accelerate in (False, True):
        with _accelerating(accelerate):
            fast = pe.loading._fast_reports(text, fmt, pe.Limits())  # type: ignore[arg-type]
        if slow is None:
            assert fast is None, "the fast path accepted what the validating path refuses"
        elif fast is not None:
            assert fast == slow


@FUZZ
@given(mutations())
def test_fast_path_agrees_with_the_validating_path_on_mutations(text: str) -> None:
    _check_fast_path(text, "yaml")


@FUZZ
@given(documents)
def test_fast_path_agrees_on_random_documents(doc: Any) -> None:
    _check_fast_path(yaml.safe_dump(doc, allow_unicode=True), "yaml")
    _check_fast_path(json.dumps(doc, default=str), "json")


@FUZZ
@given(datasets())
def test_fast_path_takes_every_valid_dataset(data: pe.Dataset) -> None:
    for fmt, accelerate in (("yaml", False), ("json", False), ("json", True)):
        text = pe.dump(data, fmt)  # type: ignore[arg-type]
        with _accelerating(accelerate):
            fast = pe.loading._fast_reports(text, fmt, pe.Limits())  # type: ignore[arg-type]
        if fast is None and fmt == "json":
            # Only a text holding '":' inside a string may take the slow way.
            keys = re.findall(r'^\s*"(?:[^"\\]|\\.)*": ', text, re.MULTILINE)
            assert text.count('":') > len(keys)
            continue
        assert fast is not None
        assert pe.Dataset(tuple(fast)) == data


def test_the_bundled_data_takes_the_fast_path() -> None:
    for fmt in ("yaml", "json"):
        text = pe.dump(pe.load_bundled(), fmt)  # type: ignore[arg-type]
        assert pe.loading._fast_reports(text, fmt, pe.Limits()) is not None  # type: ignore[arg-type]


def _two_measurements(first: str, second: str) -> str:
    m = "  - metric: m{n}\n    label: M\n    unit: percent_change\n    value: {v}\n"
    return (
        "force: kent\ncycle: 2016\nmeasurements:\n"
        + m.format(n=1, v=first)
        + m.format(n=1, v=second).replace("m1", "m2")
    )


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_shared_values_keep_signs_and_types(fmt: str) -> None:
    text = _two_measurements("-0.0", "0.0")
    if fmt == "json":
        text = json.dumps(yaml.safe_load(text))
    values = [m.value for m in pe.load(text, format=fmt).reports[0].measurements]  # type: ignore[arg-type]
    assert [math.copysign(1, v) for v in values] == [-1, 1]
    bad = _two_measurements("1", "true")
    if fmt == "json":
        bad = json.dumps(yaml.safe_load(bad))
    with pytest.raises(pe.PeelDataError, match="expected a number, got the boolean true"):
        pe.load(bad, format=fmt)  # type: ignore[arg-type]


def test_repeated_mappings_are_built_once() -> None:
    one = pe.dump(pe.load_bundled().report("cumbria", 2016)).replace("\n", "\n  ")
    text = "- " + one + "\n- " + one.replace("force: cumbria", "force: kent")
    data = pe.load(text)
    first, second = data.report("cumbria", 2016), data.report("kent", 2016)
    assert first.measurements == second.measurements
    assert all(a is b for a, b in zip(first.measurements, second.measurements, strict=True))


def test_accelerated_json_keeps_zero_signs_across_reports() -> None:
    def report(force: str, zero: str) -> str:
        return (
            f'{{"force": "{force}", "cycle": "2016", "measurements": ['
            f'{{"metric": "m", "label": "M", "unit": "percent_change", "value": {zero}}}]}}'
        )

    text = f"[{report('kent', '0.0')}, {report('essex', '-0.0')}, {report('surrey', '0.0')}]"
    with _accelerating(True):
        assert pe.loading._fast_reports(text, "json", pe.Limits()) is not None
        data = pe.load(text, format="json")
    signs = [
        math.copysign(1, data.report(f, 2016).measurements[0].value) for f in ("kent", "essex", "surrey")
    ]
    assert signs == [1, -1, 1]
