"""The JSON Schema accepts every bundled file and refuses the structural errors of the corpus."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
import warnings
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import peel_effectiveness as pe
import peel_effectiveness.io.bundled
from peel_effectiveness.io import _yaml
from peel_effectiveness.io._parsed import Unreadable

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(pe.io.json_schema(), format_checker=jsonschema.FormatChecker())

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
        "bad-outcome-negative.yaml",
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
    return plain(_yaml.parse(text, pe.Limits()).value)


def test_the_shipped_schema_file_is_the_schema() -> None:
    shipped = Path(pe.__file__).parent / "io" / "schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == pe.io.json_schema()
    jsonschema.Draft202012Validator.check_schema(pe.io.json_schema())


@pytest.mark.parametrize("path", sorted(pe.io.bundled.bundled_sources().glob("*.yaml")), ids=lambda p: p.name)
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


# Both ways, on data nobody wrote by hand: whatever the loader accepts, the
# schema accepts, so a structural error the schema finds is one the loader
# finds too.
from hypothesis import example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fuzzing import FUZZ, REPORTS, documents, mutations  # noqa: E402
from strategies import datasets  # noqa: E402


def _loader_accepts(value: Any) -> bool:
    try:
        pe.loads(json.dumps(value, default=str), format="json")
    except pe.PeelDataError:
        return False
    return True


@REPORTS
@given(datasets())
def test_the_schema_accepts_every_dataset_the_model_makes(data: pe.Dataset) -> None:
    for fmt in ("json", "yaml"):
        text = pe.dump(data, fmt)  # type: ignore[arg-type]
        value = json.loads(text) if fmt == "json" else plain(_yaml.parse(text, pe.Limits()).value)
        assert list(VALIDATOR.iter_errors(value)) == []


@FUZZ
@given(mutations())
def test_what_the_loader_accepts_of_mutated_files_the_schema_accepts(mutated: Any) -> None:
    try:
        value = plain(_yaml.parse(str(mutated), pe.Limits()).value)
    except Unreadable:
        return
    if _loader_accepts(value):
        assert VALIDATOR.is_valid(value), [e.message for e in VALIDATOR.iter_errors(value)]


@FUZZ
@given(
    documents
    | st.builds(dict, force=st.sampled_from(["kent", "cumbria"]), cycle=st.sampled_from([2016, "2018/19"]))
)
def test_what_the_loader_accepts_of_random_documents_the_schema_accepts(doc: Any) -> None:
    value = plain(doc)
    if _loader_accepts(value):
        assert VALIDATOR.is_valid(value), [e.message for e in VALIDATOR.iter_errors(value)]


def assert_both_take(report: dict[str, Any], valid: bool) -> None:
    """The schema and the loader both take ``report``, or both refuse it."""
    assert VALIDATOR.is_valid(report) is valid, report
    try:
        pe.converter.structure(report, pe.InspectionReport)
    except pe.PeelDataError:
        assert not valid
    else:
        assert valid


def test_the_schemas_blank_text_is_the_models() -> None:
    # JSON Schema's \s is JavaScript's, which is not str.isspace: the
    # pattern names isspace's characters one by one.
    from peel_effectiveness.model._field_limits import WHITE_SPACE

    space = re.compile(f"[{WHITE_SPACE}]")
    assert [c for c in range(sys.maxunicode + 1) if chr(c).isspace() != bool(space.fullmatch(chr(c)))] == []
    report = {"force": "kent", "cycle": "2016", "provenance": {"title": "T", "publisher": "HMIC"}}
    for title, valid in (("", False), (" \x85\u3000\x1c", False), ("\ufeff", True), (" T ", True)):
        report["provenance"]["title"] = title  # type: ignore[index]
        assert_both_take(report, valid)


def test_the_schemas_line_breaks_are_the_models() -> None:
    # A source is one line, as str.splitlines reads lines: the pattern
    # names its line breaks one by one, and the schema and the loader agree.
    from peel_effectiveness.model._field_limits import LINE_BREAKS

    brk = re.compile(f"[{LINE_BREAKS}]")
    assert [
        c
        for c in range(sys.maxunicode + 1)
        if (len(f"a{chr(c)}b".splitlines()) > 1) != bool(brk.fullmatch(chr(c)))
    ] == []
    report = {"force": "kent", "cycle": "2016", "grade": "good"}
    for source, valid in (
        ("", False),
        (" \t", False),
        ("a\u2028b", False),
        ("a\rb", False),
        ("http://a\n", False),  # "$" in Python's expressions matches before a last line break
        (" a\tb ", True),
    ):
        report["grade_sources"] = [source]
        assert_both_take(report, valid)


def test_a_force_of_your_own_written_out_whole_is_in_the_schema() -> None:
    zed = pe.Force("zed", "Zed Police", "Zed", "E23000099", "England", "South")
    written = json.loads(pe.dump(pe.InspectionReport(force=zed, cycle=2016), "json"))
    assert isinstance(written["force"], dict)
    assert list(VALIDATOR.iter_errors(written)) == []


def _spellings(unit: pe.model.Unit) -> list[str]:
    return [
        unit.value,
        unit.value.upper(),
        unit.value.replace("_", " ").title(),
        f" {unit.value.replace('_', '-')} ",
    ]


@pytest.mark.parametrize("unit", list(pe.model.Unit))
@pytest.mark.parametrize(
    ("extra", "value"),
    [
        ({}, 150.0),
        ({}, 2.5),
        ({}, -150.0),
        ({"base": "OCGs"}, 5.0),
        ({"baseline": "12 months to 30 June 2015"}, 3.0),
    ],
)
def test_the_schema_reads_a_unit_in_every_spelling_the_loader_reads(
    unit: pe.model.Unit, extra: dict[str, Any], value: float
) -> None:
    # Its rules (a figure's range by its unit, base only per 100, baseline
    # only for a change) hold of "Per 100" as of per_100, in the schema as
    # in the loader.
    for spelt in _spellings(unit):
        doc = {
            "force": "kent",
            "cycle": "2016",
            "measurements": [{"metric": "m", "label": "M", "unit": spelt, "value": value, **extra}],
        }
        assert VALIDATOR.is_valid(doc) == _loader_accepts(doc), (spelt, extra, value)


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "pattern"] + [
            p for v in node.values() for p in _patterns(v)
        ]
    if isinstance(node, list):
        return [p for v in node for p in _patterns(v)]
    return []


def test_every_pattern_reads_alike_in_python_and_javascript() -> None:
    # JSON Schema's patterns are ECMA-262's: \s, \S, \w, \d and "." mean
    # other characters there than in Python's re, so none is used; every
    # class is spelt out.
    patterns = _patterns(pe.io.json_schema())
    assert len(patterns) > 20
    for p in patterns:
        bare = re.sub(r"\\.", "", p)  # each escape, gone
        assert not re.search(r"\\[sSwWdD]", p), p
        assert "." not in re.sub(r"\[[^\]]*\]", "", bare), p


@pytest.mark.parametrize(
    "spelt",
    [
        "e\ufb00ectiveness",
        "out\u017ftanding",
        "good\x85",
        "requires\x1cimprovement",
        "\ufeffgood",
        "2016\x1c",
    ],
)
def test_a_word_is_read_in_the_spellings_the_schema_reads_and_no_others(spelt: str) -> None:
    # Case folding read the ligature U+FB00 as "ff", and Python's white
    # space took U+0085 and U+001C for spaces: the schema's patterns read
    # neither, so the loader does not either.
    key = "cycle" if spelt[:1].isdigit() else "pillar" if spelt.startswith("e") else "grade"
    doc = {"force": "kent", "cycle": "2016", key: spelt}
    assert not _loader_accepts(doc)
    assert not VALIDATOR.is_valid(doc)
    for fine in (
        {"grade": " Requires_Improvement "},
        {"cycle": " 2018 / 19 "},
        {"pillar": "EFFECTIVENESS\t"},
    ):
        assert _loader_accepts({"force": "kent", "cycle": "2016", **fine})


@pytest.mark.parametrize(
    ("key", "word"),
    [
        ("grade", "good"),
        ("pillar", "effectiveness"),
        ("basis", "inferred"),
        ("cycle", "2016"),
        ("cycle", "2018-2019"),
        ("cycle", "2018/19"),
    ],
)
def test_a_word_is_read_up_to_the_length_the_schema_reads_and_no_longer(key: str, word: str) -> None:
    # The loader reads a word of 100 characters at most (a span of years,
    # 30), white space and all; the schema took one of any length.
    most = 30 if word == "2018-2019" else 100
    for padding, read in ((most - len(word), True), (most - len(word) + 1, False)):
        doc = {"force": "kent", "cycle": "2016", "grade": "good", key: " " * padding + word}
        assert (_loader_accepts(doc), VALIDATOR.is_valid(doc)) == (read, read), (key, padding)


@pytest.mark.parametrize("name", ["A\rB", "A\u2028B", "A\x85B", "A\nB", " A", "A\u3000"])
def test_a_name_is_one_line_not_blank_at_either_end(name: str) -> None:
    force = {
        "id": "zed",
        "official_name": name,
        "short_name": "Zed",
        "gss_code": "E23000099",
        "country": "England",
        "region": "South",
    }
    doc = {"force": force, "cycle": "2016"}
    assert not _loader_accepts(doc)
    assert not VALIDATOR.is_valid(doc)
    assert _loader_accepts({**doc, "force": {**force, "official_name": "Zed\tPolice"}})


def test_white_space_is_what_python_and_javascript_both_take_for_it() -> None:
    from peel_effectiveness.model._words import SPACE, SPACE_CLASS

    # ECMA-262's \s: WhiteSpace (TAB, VT, FF, ZWNBSP, the Zs category) and
    # LineTerminator (LF, CR, LS, PS).
    ecma = {"\t", "\v", "\f", "\ufeff", "\n", "\r", "\u2028", "\u2029"}
    ecma |= {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs"}
    both = {c for c in ecma if c.isspace()}
    assert set(SPACE) == both == {chr(c) for c in range(0x3001) if re.fullmatch(SPACE_CLASS, chr(c))}
    assert _loader_accepts({"force": "kent", "cycle": "2016\xa0", "grade": "Requires\u00a0Improvement"})


@FUZZ
@given(st.text(alphabet="0123456789/-_\u2013 to\xa0\tOo", max_size=14))
@example("2016-")
@example("-2016")
@example("2023_25")
def test_every_spelling_of_a_cycle_the_loader_reads_the_schema_reads(spelt: str) -> None:
    # "2016-" and "2023_25" are read as the cycle's own words are.
    doc = {"force": "kent", "cycle": spelt}
    if _loader_accepts(doc):
        assert VALIDATOR.is_valid(doc), spelt


@pytest.mark.parametrize(
    ("question", "valid"),
    [
        (0, False),
        (-5, False),
        (100, False),
        ("", False),
        (" ", False),
        (3, True),
        ("investigating", True),
        (" investigating ", True),  # read without its white space
        ("a\x00b", False),
        ("foo\nbar", False),
        ("x" * 301, False),
    ],
)
def test_the_schema_bounds_a_question_as_the_model_does(question: Any, valid: bool) -> None:
    # The schema took 0, -5 and "", which the loader refuses.
    doc = {"force": "kent", "cycle": "2021/22", "assessments": [{"question": question, "grade": "good"}]}
    assert VALIDATOR.is_valid(doc) is valid
    if not valid:
        with pytest.raises(pe.PeelDataError, match=r"assessments\[0\]\.question"):
            pe.loads(json.dumps(doc), format="json")


@given(st.text(alphabet="ab30Qq \t\n\x00\x85\xa0\u2028\x1b", max_size=8))
@example(" 3 ")
@example("Q0")
@example("100")
@example(" Overall ")
@example("0" * 300 + "3")  # read as 3 by the loader, and 301 characters
@example("Q" + "0" * 299 + "3")
@example("0" * 4000 + "5")  # too long a number for the loader, and was not for the schema
@example(" " + "a" * 300 + "\n")
@example("a" * 301)
def test_every_question_the_loader_reads_the_schema_reads_and_no_other(question: str) -> None:
    # " 3 " and "investigating " loaded, and the schema refused them; "0",
    # "100" and "overall" the schema took, which the loader refuses.
    doc = {"force": "kent", "cycle": "2025-27", "assessments": [{"question": question, "grade": "good"}]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pe.PeelWarning)  # a question the registry does not list
        assert VALIDATOR.is_valid(doc) is _loader_accepts(doc), repr(question)


_ZED = {"official_name": "Zed Police", "short_name": "Zed", "gss_code": "E23999999", "country": "England"}


@pytest.mark.parametrize(
    "doc",
    [
        {
            "force": "kent",
            "cycle": "2016",
            "measurements": [{"metric": "a\n", "label": "x", "unit": "count", "value": 1}],
        },
        {
            "force": "kent",
            "cycle": "2016",
            "provenance": {"title": "t", "publisher": "p", "published": "2017-03-02\n"},
        },
        {"force": {"id": "zed\n", **_ZED, "region": "North East"}, "cycle": "2016"},
    ],
)
def test_a_pattern_s_value_and_a_line_break_after_it_is_refused_as_the_loader_refuses_it(doc: Any) -> None:
    # "$" in Python's expressions matches before a last line break: jsonschema took "a\n".
    unchecked = jsonschema.Draft202012Validator(pe.io.json_schema())  # (formats not checked)
    assert not _loader_accepts(doc)
    assert not unchecked.is_valid(doc)
    whole = json.loads(json.dumps(doc).replace("\\n", ""))  # the same without the line break
    assert _loader_accepts(whole)
    assert unchecked.is_valid(whole)


def test_the_schema_s_descriptions_hold_no_sphinx_roles() -> None:
    # ":class:`NoGrade`" came through to the schema and the docs' tables.
    text = json.dumps(pe.io.json_schema())
    assert not re.search(r":(class|meth|attr|func|data|mod):`", text)
    assert "a `NoGrade` saying why there is none" in text


@pytest.mark.parametrize(
    ("stay", "read"),
    [
        ({"left_sources": ["https://example.org/out"]}, False),
        ({"left": None, "left_sources": ["https://example.org/out"]}, False),
        ({"left_sources": []}, True),
        ({"left": "2022-05", "left_sources": ["https://example.org/out"]}, True),
    ],
)
def test_the_schema_says_a_stay_s_sources_of_its_move_out_go_with_it(
    stay: dict[str, Any], read: bool
) -> None:
    # The schema took sources of a move out that the stay does not give.
    doc = {"monitoring": [{"force": "kent", "entered": "2021-12", **stay}]}
    assert (_loader_accepts(doc), VALIDATOR.is_valid(doc)) == (read, read)
