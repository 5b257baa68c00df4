"""Every file of the corpus loads exactly or fails with PeelDataError naming its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import peel_effectiveness as pe

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, dict[str, object]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
FILES = sorted(
    p.name for p in CORPUS.iterdir() if p.name not in ("generate.py", "expected.json", "__pycache__")
)


def test_the_corpus_is_complete() -> None:
    assert sorted(EXPECTED) == FILES
    assert sum(1 for e in EXPECTED.values() if e["line"] != "ok") >= 50
    assert all(e["reports"] >= 1 for e in EXPECTED.values() if e["line"] == "ok")


@pytest.mark.parametrize("name", FILES)
def test_corpus_file(name: str) -> None:
    path = CORPUS / name
    before = path.read_bytes()
    expected = EXPECTED[name]
    try:
        data = pe.load(path)
    except pe.PeelDataError as e:
        assert expected["line"] != "ok", f"{name} should load: {e}"
        assert e.problems, name
        first = e.problems[0]
        assert first.file == str(path)
        if expected["line"] != "ok-or-error":
            assert first.line == expected["line"], str(e)
            assert any(str(expected["contains"]) in p.message for p in e.problems), str(e)
        # str() of the error is one line per problem, each naming the file.
        assert all(line.startswith(str(path)) for line in str(e).splitlines())
    else:
        assert expected["line"] in ("ok", "ok-or-error"), f"{name} loaded but should fail"
        if expected["line"] == "ok":
            assert len(data) == expected["reports"], f"{name} gave {len(data)} reports"
        assert pe.loads(pe.dump(data)) == data
    assert path.read_bytes() == before, "a failed load must not touch the file"


def test_the_same_text_gives_the_same_problems_from_a_string() -> None:
    text = (CORPUS / "bad-grade.yaml").read_text(encoding="utf-8")
    with pytest.raises(pe.PeelDataError) as info:
        pe.loads(text)
    assert [(p.file, p.line, p.path) for p in info.value.problems] == [
        ("<string>", 9, "assessments[0].grade")
    ]


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("w") as f:
        f.write("force: kent\ncycle: 2016\nsummary: '")
        f.write("x" * (2 * 1024 * 1024))
        f.write("'\n")
    limits = pe.Limits(max_bytes=1024 * 1024)
    with pytest.raises(pe.PeelDataError, match="over the limit of 1048576") as info:
        pe.load(big, limits=limits)
    assert info.value.problems[0].line is None
    assert len(pe.load(big)) == 1  # within the default limit it loads


def test_json_of_too_many_values_is_refused_before_they_are_built() -> None:
    # It was read whole first: 31 MiB of empty lists took 1.5 GB before the
    # refusal, past the promise of 200 MB plus 20 times the input.
    import tracemalloc

    text = "[" + ",".join(["[" * 30 + "]" * 30] * 40_000) + "]"  # 1,200,001 values, 2.4 MB
    tracemalloc.start()
    try:
        with pytest.raises(pe.PeelDataError, match="more than 100000 values") as info:
            pe.loads(text, format="json", limits=pe.Limits(max_nodes=100_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * len(text)  # the lists took about 45 times the text
    assert info.value.problems[0].line == 1
    # Commas within text do not count as values: a document of few values loads.
    many_commas = '{"force": "kent", "cycle": 2016, "summary": "' + "," * 300 + '"}'
    assert len(pe.loads(many_commas, format="json", limits=pe.Limits(max_nodes=100))) == 1


def test_json_of_an_unclosed_text_past_the_count_is_answered_at_once() -> None:
    # The count of values read each unclosed text from every quote in it to
    # the end, again and again: 48 KB took 5 s, 6 MB did not finish (the
    # time of the worst case is measured by bench/worst.py).
    import math

    from peel_effectiveness.io import _json_size

    text = '["' + '\\",' * 20_000  # one text, never closed
    with pytest.raises(pe.PeelDataError, match="not valid JSON: Unterminated string"):
        pe.loads(text, format="json", limits=pe.Limits(max_nodes=100))
    # The count reads a text as the standard library's reader does: one
    # never closed ends it, and the reader says what is wrong.
    assert _json_size.line_past_limit(text, math.inf, 1) is None
    # A valid text of separators is one value (3 GB were kept for 24 MB of them).
    valid = '{"force": "kent", "cycle": 2016, "summary": "' + ",:[{" * 50_000 + '"}'
    assert _json_size.line_past_limit(valid, math.inf, 7) is None
    assert _json_size.line_past_limit(valid, math.inf, 6) == 1


def test_limits_are_configurable() -> None:
    text = "force: kent\ncycle: 2016\nsummary: " + "[" * 10 + "]" * 10 + "\n"
    with pytest.raises(pe.PeelDataError, match="nested more than 5 levels"):
        pe.loads(text, limits=pe.Limits(max_depth=5))
    laughs = (CORPUS / "hostile-billion-laughs.yaml").read_text()
    with pytest.raises(pe.PeelDataError, match="more than 100 values"):
        pe.loads(
            laughs.splitlines()[0] + "\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
            limits=pe.Limits(max_nodes=100),
        )
