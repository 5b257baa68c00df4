"""Fuzzing the loaders: whatever the input, it loads or raises PeelDataError."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peel_effectiveness as pe
import peel_effectiveness.io._json
import peel_effectiveness.io.loading
from peel_effectiveness.io import _yaml
from strategies import datasets, reports

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
REPORTS = settings(FUZZ, max_examples=100)  # whole reports are slow to draw

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


SEED = (pe.io.loading._bundled_dir() / "cumbria-2016.yaml").read_text(encoding="utf-8")


_CUMBRIA = pe.load_bundled().report("cumbria", 2016)
# A list of three reports whose parts repeat, as in an archive.
LIST_SEED = pe.dump(
    pe.Dataset(tuple(attrs.evolve(_CUMBRIA, force=pe.find_force(f)) for f in ("cumbria", "kent", "essex")))
)


class Mutated(str):
    """A mutated seed text that shows as the mutations, not as its thousands
    of characters, when hypothesis reports a failing example."""

    ops: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Mutated({', '.join(self.ops)})"


@st.composite
def mutations(draw: st.DrawFn, seed: str = SEED) -> Mutated:
    lines = seed.split("\n")
    ops = []
    for _ in range(draw(st.integers(1, 3))):
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "truncate", "insert", "replace", "indent", "shuffle"]
            )
        )
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        ops.append(f"{op} {i} {j}")
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            text = "\n".join(lines)
            at = draw(st.integers(0, len(text)))
            ops[-1] = f"truncate at {at}"
            lines = text[:at].split("\n")
        elif op == "insert":
            inserted = draw(st.text(max_size=30))
            ops[-1] = f"insert {inserted!r} at {i}"
            lines.insert(i, inserted)
        elif op == "replace" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            value = draw(
                scalars.map(lambda v: yaml.safe_dump(v, default_flow_style=True).split("\n...")[0].strip())
            )
            lines[i] = f"{key}: {value}"
            ops[-1] = f"line {i} = {lines[i]!r}"
        elif op == "indent":
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip()
            ops[-1] = f"line {i} = {lines[i]!r}"
        elif op == "shuffle":
            block = lines[min(i, j) : max(i, j) + 1]
            lines[min(i, j) : max(i, j) + 1] = draw(st.permutations(block))
        if not lines:
            lines = [""]
    text = Mutated("\n".join(lines))
    text.ops = tuple(ops)
    return text


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
        return pe.io.loading._read_reports(text, "<t>", fmt, pe.Limits(), fast=False)  # type: ignore[arg-type]
    except pe.PeelDataError:
        return None


def _check_fast_path(text: str, fmt: str) -> None:
    slow = _slow(text, fmt)
    fast = pe.io.loading._fast_reports(text, fmt, pe.Limits())  # type: ignore[arg-type]
    if slow is None:
        assert fast is None, "the fast path accepted what the validating path refuses"
    elif fast is not None:
        assert fast == slow


@FUZZ
@given(mutations())
def test_fast_path_agrees_with_the_validating_path_on_mutations(mutated: Mutated) -> None:
    text = str(mutated)
    _check_fast_path(text, "yaml")


@FUZZ
@given(documents)
def test_fast_path_agrees_on_random_documents(doc: Any) -> None:
    _check_fast_path(yaml.safe_dump(doc, allow_unicode=True), "yaml")
    _check_fast_path(json.dumps(doc, default=str), "json")


@FUZZ
@given(datasets())
def test_fast_path_takes_every_valid_dataset(data: pe.Dataset) -> None:
    for fmt in ("yaml", "json"):
        text = pe.dump(data, fmt)  # type: ignore[arg-type]
        fast = pe.io.loading._fast_reports(text, fmt, pe.Limits())  # type: ignore[arg-type]
        if fast is None and fmt == "json":
            assert _string_holds_key_end(text)
            continue
        assert fast is not None
        assert pe.Dataset(tuple(fast)) == data


def _string_holds_key_end(text: str) -> bool:
    """Whether a string in indented JSON holds '":' (the one thing that may
    send a valid text the slow way)."""
    keys = re.findall(r'^\s*"(?:[^"\\]|\\.)*": ', text, re.MULTILINE)
    return text.count('":') > len(keys)


def test_the_bundled_data_takes_the_fast_path() -> None:
    for fmt in ("yaml", "json"):
        text = pe.dump(pe.load_bundled(), fmt)  # type: ignore[arg-type]
        assert pe.io.loading._fast_reports(text, fmt, pe.Limits()) is not None  # type: ignore[arg-type]


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


def _fast_json(text: str, limits: pe.Limits | None = None) -> list[pe.InspectionReport] | None:
    return pe.io.loading._fast_reports(text, "json", limits or pe.Limits())


def test_json_keeps_zero_signs_across_repeated_parts() -> None:
    def report(force: str, zero: str) -> str:
        return (
            f'{{"force": "{force}", "cycle": "2016", "measurements": ['
            f'{{"metric": "m", "label": "M", "unit": "percent_change", "value": {zero}}}]}}'
        )

    text = f"[{report('kent', '0.0')}, {report('essex', '-0.0')}, {report('surrey', '0.0')}]"
    assert _fast_json(text) is not None
    data = pe.load(text, format="json")
    signs = [
        math.copysign(1, data.report(f, 2016).measurements[0].value) for f in ("kent", "essex", "surrey")
    ]
    assert signs == [1, -1, 1]


def _twice(report: pe.InspectionReport, other: pe.Force) -> str:
    """A JSON list of the report and a copy under another force: the copy's
    parts are written exactly as the first's, which the reader reuses."""
    doc = json.loads(pe.dump(report, "json"))
    return json.dumps([doc, {**doc, "force": other.id}], indent=1)


@REPORTS
@given(reports(), st.sampled_from(pe.forces()))
def test_json_reuses_repeated_parts(report: pe.InspectionReport, other: pe.Force) -> None:
    if other == report.force:
        return
    got = _fast_json(_twice(report, other))
    if got is None:
        assert _string_holds_key_end(_twice(report, other))
        return
    first, second = got
    assert first == report
    assert second == attrs.evolve(report, force=other)
    for part in ("assessments", "measurements", "outcome_tables", "provenance"):
        if getattr(first, part):
            assert getattr(first, part) is getattr(second, part)


@REPORTS
@given(reports(), st.data())
def test_json_finds_a_repeated_key_in_a_repeated_part(
    report: pe.InspectionReport, data: st.DataObject
) -> None:
    # The copy's part differs from the first only by a repeated key, with the
    # same value: the part must be read afresh, and the key refused.
    other = next(f for f in pe.forces() if f != report.force)
    text = _twice(report, other)
    half = text.index('\n {\n  "force": "' + other.id)
    pairs = list(re.finditer(r'"(label|title|summary|metric|key)": ("(?:[^"\\]|\\.)*")', text[half:]))
    if not pairs:
        return
    m = data.draw(st.sampled_from(pairs))
    at = half + m.end()
    _refused_for_a_repeated_key(text[:at] + f', "{m.group(1)}": {m.group(2)}' + text[at:])


def _refused_for_a_repeated_key(text: str) -> None:
    assert _fast_json(text) is None
    with pytest.raises(pe.PeelDataError, match="duplicate key"):
        pe.load(text, format="json")


@pytest.mark.parametrize(
    "text",
    [
        '{"force": "kent", "force": "kent", "cycle": "2016"}',
        '[{"force": "kent", "cycle": "2016"}, {"force": "essex", "cycle": "2016", "cycle": "2016"}]',
        '{"force": "kent", "cycle": "2016", "provenance": {"title": "T", "publisher": "P"}, '
        '"provenance": {"title": "T", "publisher": "P"}}',
    ],
)
def test_json_refuses_a_repeated_key_in_a_report(text: str) -> None:
    _refused_for_a_repeated_key(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "[",
        "[]x",
        '{"force": "kent", "cycle": "2016"} {}',
        '{"force": "kent", "cycle": "2016",}',
        '[{"force": "kent", "cycle": "2016"},]',
        '{"force": "kent" "cycle": "2016"}',
        '{"force": "kent", "cycle": "2016", "measurements": [] ]',
        '\ufeff{"force": "kent", "cycle": "2016"}',
        '{"force": "kent", "cycle": "2016", "summary": {"a": 1, "a": 1}}',
        '{"force": "kent", "cycle": "2016", "measurements": null}',
        '{"force": "kent", "cycle": "2016", "assessments": NaN}',
        '{"force": "kent", "cycle": "2016", "summary": "\x01"}',
    ],
)
def test_json_reader_leaves_anything_odd_to_the_validating_path(text: str) -> None:
    assert _fast_json(text) is None
    with pytest.raises(pe.PeelDataError):
        pe.load(text, format="json")


@pytest.mark.parametrize("text", ["[]", " [ ] ", '\t{"force": "kent", "cycle": 2016}\r\n'])
def test_json_reader_takes_any_valid_spacing(text: str) -> None:
    assert _fast_json(text) is not None
    assert pe.load(text, format="json") == pe.load(text.strip() or "[]", format="json")


def test_shared_judgments_keep_the_type_of_the_cycle() -> None:
    def report(force: str, carried: object) -> dict[str, object]:
        return {
            "force": force,
            "cycle": "2016",
            "grade": "good",
            "basis": "carried_over",
            "carried_over_from": carried,
        }

    good = json.dumps([report("kent", 2015), report("essex", 2015)])
    bad = json.dumps([report("kent", 2015), report("essex", 2015.0)])
    assert _fast_json(good) is not None
    assert _fast_json(bad) is None
    with pytest.raises(pe.PeelDataError, match=r"\[1\]\.carried_over_from"):
        pe.load(bad, format="json")


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


def _whole_yaml(text: str) -> list[pe.InspectionReport] | None:
    from peel_effectiveness.io._fast import Bail, Builder

    try:
        return Builder(shared_scalars=True).reports(_yaml.parse_fast(text))
    except (_yaml.NeedDetail, Bail, ValueError, RecursionError):
        return None


def _yaml_in_pieces(text: str, limits: pe.Limits | None = None) -> list[pe.InspectionReport] | None:
    from peel_effectiveness.io import _yamlparts
    from peel_effectiveness.io._fast import Bail, Builder

    try:
        return _yamlparts.reports(text, limits or pe.Limits(), Builder(shared_scalars=True))
    except Bail:
        return None


def _check_pieces(text: str) -> None:
    pieces = _yaml_in_pieces(text)
    if pieces is not None:
        assert pieces == _whole_yaml(text), "read in pieces, the text means something else"


def test_a_yaml_list_of_reports_is_read_in_pieces() -> None:
    pieces = _yaml_in_pieces(LIST_SEED)
    assert pieces is not None
    assert pieces == _whole_yaml(LIST_SEED) == [*pe.load(LIST_SEED)]
    # Parts written alike are built once, and shared.
    assert pieces[0].measurements is pieces[2].measurements
    assert pieces[0].provenance is pieces[1].provenance


@FUZZ
@given(mutations(LIST_SEED))
def test_yaml_pieces_mean_what_the_whole_text_means_on_mutations(mutated: Mutated) -> None:
    text = str(mutated)
    _check_pieces(text)


_STYLES = st.fixed_dictionaries(
    {
        "default_style": st.sampled_from([None, None, '"', "'", "|", ">"]),
        "width": st.sampled_from([20, 40, 80, 1000]),
        "indent": st.sampled_from([2, 3, 4]),
        "allow_unicode": st.booleans(),
        "sort_keys": st.booleans(),
    }
)


@REPORTS
@given(datasets(), _STYLES)
def test_yaml_pieces_mean_what_the_whole_text_means_in_any_style(data: pe.Dataset, style: Any) -> None:
    doc = yaml.safe_load(pe.dump(data))
    if not isinstance(doc, list):
        return
    # Each report twice, so that parts repeat.
    doc = [dict(r, force=f) for r in doc for f in (r["force"], "kent" if r["force"] != "kent" else "essex")]
    text = yaml.safe_dump(doc, **style)
    _check_pieces(text)
    if style["default_style"] is None and style["indent"] == 2:
        assert _yaml_in_pieces(pe.dump(data)) is not None or not data.reports


@pytest.mark.parametrize(
    "text",
    [
        # A quoted text across a part: the whole text has no measurements.
        '- force: kent\n  cycle: 2016\n  summary: "a\n  measurements: []\n  previous_grade: good"\n',
        # A comment at the margin inside a block text.
        "- force: kent\n  cycle: 2016\n  summary: |\n    a\n# c\n    b\n",
        "- force: kent\n  cycle: 2016\n- force: essex\n  cycle: 2016\n...\n",
        "- force: kent\n  cycle: 2016\n  measurements: []\n  measurements: []\n",
        "- force: kent\n  cycle: 2016\n  provenance: &p {title: T, publisher: P}\n- force: essex\n"
        "  cycle: 2016\n  provenance: *p\n",
        "- force: kent\n\tcycle: 2016\n",
        "- force: kent\r\n  cycle: 2016\r\n",
        "- force: kent\n cycle: 2016\n",
        "- force: kent\n  'cycle': 2016\n",
    ],
)
def test_yaml_pieces_are_not_read_where_they_could_mislead(text: str) -> None:
    assert _yaml_in_pieces(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # A block text whose blank line has spaces beyond the indentation.
        "- force: kent\n  cycle: 2016\n  summary: |+\n    a\n      \n\n  grade: good\n",
        "- force: kent\n  cycle: 2016\n  summary: >-\n    a\n\n     b\n    c\n  grade: good",
        "- force: kent\n  # a comment\n  cycle: 2016\n\n- force: essex\n  cycle: 2016\n",
        '- force: kent\n  cycle: 2016\n  summary: "a\n    b"\n  grade: good\n  grade_sources:\n  - x\n  -   y\n',
    ],
)
def test_yaml_pieces_are_read_where_they_mean_the_same(text: str) -> None:
    pieces = _yaml_in_pieces(text)
    assert pieces is not None
    assert pieces == _whole_yaml(text)


@REPORTS
@given(datasets())
def test_yaml_pieces_keep_the_limit_on_values(data: pe.Dataset) -> None:
    text = pe.dump(data)
    _, nodes = _yaml.parse_counted(text)
    if not data.reports:
        return
    assert _yaml_in_pieces(text, pe.Limits(max_nodes=nodes)) is not None
    assert _yaml_in_pieces(text, pe.Limits(max_nodes=nodes - 1)) is None
