"""Fuzzing the loaders: whatever the input, it loads or raises PeelDataError."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import peel_effectiveness as pe
import peel_effectiveness.io._json
import peel_effectiveness.io.loading
from fuzzing import FUZZ, REPORTS, Mutated, documents, mutations
from peel_effectiveness.io import _yaml
from peel_effectiveness.io._parsed import Unreadable
from strategies import datasets


def loads_or_data_error(text: str | bytes, **kw: Any) -> pe.Dataset | None:
    try:
        return pe.loads(text, **kw)
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
        assert pe.loads(pe.dump(data)) == data


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
        assert pe.loads(pe.dump(data)) == data


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


class _Core12(yaml.SafeLoader):
    """PyYAML configured to resolve plain scalars as YAML 1.2's core schema
    does (the oracle of the reader, from PyYAML's own resolver machinery)."""


_Core12.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
):
    _Core12.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)


yaml_texts = documents.map(lambda d: yaml.safe_dump(d, allow_unicode=True)) | documents.map(
    lambda d: yaml.safe_dump(d, default_flow_style=True)
)


@FUZZ
@given(yaml_texts | st.text(alphabet=st.sampled_from(list("ab: -[]{}'\"#\n!&*0.1yesno~e+")), max_size=60))
def test_the_reader_reads_what_yaml_12_core_reads(text: str) -> None:
    if "!" in text:
        return  # a tag: the reader follows the spec ("! 12" is text), where PyYAML resolves
    try:
        expected = yaml.load(text, Loader=_Core12)
    except (yaml.YAMLError, ValueError, OverflowError):
        expected_error = True
    else:
        expected_error = False
    try:
        parsed = _yaml.parse(text, pe.Limits())
    except Unreadable:
        # Stricter on purpose: several documents, merge keys, non-core tags,
        # complex keys, aliases before anchors, numbers YAML 1.1 reads otherwise.
        return
    if parsed.problems:
        # Duplicate or non-text keys, tags on lists and mappings: refused
        # (each a problem of its field), where PyYAML keeps one silently or
        # stops at the first.
        return
    assert not expected_error, text
    assert _same(parsed.value, expected), (text, parsed.value, expected)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


@FUZZ
@given(mutations(), st.randoms())
def test_the_reader_notes_the_line_of_every_value_asked_for(mutated: Mutated, rng: Any) -> None:
    try:
        parsed = _yaml.parse(str(mutated), pe.Limits())
    except Unreadable:
        return
    if parsed.value is None:
        return  # an empty document: no values
    every = _paths(parsed.value)
    whole = _yaml.parse(str(mutated), pe.Limits(), positions=frozenset(every))
    assert set(every) <= set(whole.lines), set(every) - set(whole.lines)
    # Asked for a few, the reader notes the same line for each (its key's,
    # where it has a key, which is the line a problem is said at), and may
    # stop reading once it has them.
    some = frozenset(rng.sample(every, min(3, len(every))))
    part = _yaml.parse(str(mutated), pe.Limits(), positions=some)

    def line(parsed: Any, p: Any) -> Any:
        return parsed.key_lines[p] if p in parsed.key_lines else parsed.lines[p]

    assert all(line(part, p) == line(whole, p) for p in some)


def _last_value_line(text: str, fmt: str) -> int:
    """The line of a document's last value: in YAML, as PyYAML finds it; in
    JSON, the last line with more than closing brackets (``[]`` and ``{}``
    are each written on one line)."""
    if fmt == "yaml":
        values = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
        return [
            e.start_mark.line + 1 for e in yaml.parse(text, Loader=yaml.SafeLoader) if isinstance(e, values)
        ][-1]
    return text.rstrip("]} \n").count("\n") + 1


@REPORTS
@given(datasets())
def test_limits_on_values_and_depth_hold_alike_for_both_formats_and_paths(data: pe.Dataset) -> None:
    text = pe.dump(data, "json")
    depth, nodes = pe.io._json_size._size(json.loads(text))
    for fmt in ("json", "yaml"):
        text = pe.dump(data, fmt)  # type: ignore[arg-type]
        assert pe.loads(text, format=fmt, limits=pe.Limits(max_nodes=nodes, max_depth=depth)) == data  # type: ignore[arg-type]
        with pytest.raises(pe.PeelDataError, match=f"more than {nodes - 1} values") as e:
            pe.loads(text, format=fmt, limits=pe.Limits(max_nodes=nodes - 1))  # type: ignore[arg-type]
        # On the line of the last value, which is one too many.
        assert e.value.problems[0].line == _last_value_line(text, fmt), fmt
        if depth:
            with pytest.raises(pe.PeelDataError, match=f"nested more than {depth - 1} levels?") as e:
                pe.loads(text, format=fmt, limits=pe.Limits(max_depth=depth - 1))  # type: ignore[arg-type]
            assert e.value.problems[0].line is not None, fmt
