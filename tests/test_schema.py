"""The JSON Schema accepts every bundled file and refuses the structural errors of the corpus."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import peel_effectiveness as pe
import peel_effectiveness.io.loading
from peel_effectiveness.io import _yaml

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(pe.json_schema(), format_checker=jsonschema.FormatChecker())

# Files whose problem is one of shape, type, vocabulary or range: the schema sees these.
STRUCTURAL = sorted(
    name
    for name in EXPECTED
    if name.startswith(
        ("type-", "missing-", "unknown-key-", "bad-unit", "bad-negative", "bad-percent", "bad-fractional")
    )
    or name
    in {
        "bad-grade.yaml",
        "bad-grade-number.yaml",
        "bad-previous-grade.yaml",
        "bad-basis.yaml",
        "bad-metric-key.yaml",
        "bad-outcome-number.yaml",
        "bad-outcome-share.yaml",
        "bad-outcome-row.yaml",
        "bad-comparator.yaml",
        "unknown-pillar.yaml",
        "hostile-json-types.json",
    }
)


def plain(value: Any) -> Any:
    """Parsed YAML as JSON would hold it (dates as ISO text)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def parse(path: Path) -> Any:
    text = path.read_bytes().decode("utf-8-sig")
    if path.suffix == ".json":
        return json.loads(text)
    return plain(_yaml.parse(text).value)


def test_the_shipped_schema_file_is_the_schema() -> None:
    shipped = Path(pe.__file__).parent / "io" / "schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == pe.json_schema()
    jsonschema.Draft202012Validator.check_schema(pe.json_schema())


@pytest.mark.parametrize("path", sorted(pe.io.loading.bundled_sources().glob("*.yaml")), ids=lambda p: p.name)
def test_every_bundled_file_is_valid(path: Path) -> None:
    errors = list(VALIDATOR.iter_errors(parse(path)))
    assert errors == [], [e.message for e in errors]


def test_the_bundle_and_every_dump_are_valid() -> None:
    data = json.loads(pe.dump(pe.load_bundled(), "json"))
    assert list(VALIDATOR.iter_errors(data)) == []


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["line"] == "ok"))
def test_valid_corpus_files_are_valid(name: str) -> None:
    assert list(VALIDATOR.iter_errors(parse(CORPUS / name))) == []


@pytest.mark.parametrize("name", STRUCTURAL)
def test_structural_errors_are_refused(name: str) -> None:
    assert not VALIDATOR.is_valid(parse(CORPUS / name)), name


def test_enough_of_the_corpus_is_checked() -> None:
    assert len(STRUCTURAL) >= 35
