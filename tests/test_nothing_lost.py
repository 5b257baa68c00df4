"""Nothing lost: round trips keep every value, models cannot be changed, files are safe."""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given

import peel_effectiveness as pe
import peel_effectiveness.io.loading
from strategies import reports

SEED = pe.io.loading._bundled_dir() / "cumbria-2016.yaml"


def test_dump_keeps_every_value_of_the_bundled_file() -> None:
    text = SEED.read_text(encoding="utf-8")
    original = yaml.safe_load(text)
    again = yaml.safe_load(pe.dump(pe.load(text).reports[0]))
    assert again == original


def test_dump_keeps_every_value_after_a_json_trip() -> None:
    text = SEED.read_text(encoding="utf-8")
    original = yaml.safe_load(text)
    via_json = pe.load(pe.dump(pe.load(text), "json"), format="json")
    assert yaml.safe_load(pe.dump(via_json.reports[0])) == original


PUBLIC_CLASSES = [getattr(pe, name) for name in pe.__all__ if attrs.has(getattr(pe, name))]


def test_every_public_model_is_frozen() -> None:
    assert len(PUBLIC_CLASSES) >= 15
    for cls in PUBLIC_CLASSES:
        params = cls.__attrs_attrs__
        assert params, cls
        # attrs.frozen classes refuse setattr on instances; check on a real one below.
        assert cls.__setattr__ is not object.__setattr__, cls


def _walk(obj: Any, seen: set[int]) -> list[str]:
    """Every mutable container reachable through public attributes."""
    if id(obj) in seen:
        return []
    seen.add(id(obj))
    if isinstance(obj, (list, dict, set, bytearray)):
        return [type(obj).__name__]
    found: list[str] = []
    if attrs.has(type(obj)):
        for a in attrs.fields(type(obj)):
            found += _walk(getattr(obj, a.name), seen)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, attrs.fields(type(obj))[0].name, None)
        hash(obj)
    elif isinstance(obj, (tuple, frozenset)):
        for x in obj:
            found += _walk(x, seen)
    else:
        assert (
            isinstance(obj, (str, int, float, bool, type(None), enum.Enum))
            or type(obj).__module__ == "datetime"
        ), type(obj)
    return found


@given(reports())
def test_no_public_attribute_is_a_mutable_collection(report: pe.InspectionReport) -> None:
    assert _walk(report, set()) == []


def test_bundled_data_has_no_mutable_collection() -> None:
    data = pe.load_bundled()
    assert _walk(data, set()) == []
    hash(data)


def test_dump_to_a_path_writes_the_text(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    text = pe.dump(pe.load_bundled(), path=target)
    assert target.read_text(encoding="utf-8") == text
    assert pe.load(target) == pe.load_bundled()


def test_dump_to_a_path_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("precious", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        pe.dump(pe.load_bundled(), "json", path=target)
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_failed_load_leaves_the_file_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"force: nowhere\ncycle: 2016\n")
    stat = bad.stat()
    with pytest.raises(pe.PeelDataError):
        pe.load(bad)
    assert bad.read_bytes() == b"force: nowhere\ncycle: 2016\n"
    assert bad.stat().st_mtime_ns == stat.st_mtime_ns
    assert [p.name for p in tmp_path.iterdir()] == ["bad.yaml"]


def test_dump_to_a_path_keeps_the_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "shared.yaml"
    target.write_text("old")
    target.chmod(0o644)
    pe.dump(pe.load_bundled().report("cumbria", 2016), path=target)
    assert target.stat().st_mode & 0o777 == 0o644


def test_the_public_face_names_each_export_once_in_each_list() -> None:
    # __init__.py lists the public names three times, each for its reader:
    # __all__ (star imports, linters), the TYPE_CHECKING imports (type
    # checkers) and _EXPORTS (the lazy imports at run time). They agree.
    import ast
    from pathlib import Path

    tree = ast.parse(Path(pe.__file__).read_text(encoding="utf-8"))
    checked = {
        (f".{node.module}" if node.level else node.module, alias.name)
        for stmt in tree.body
        if isinstance(stmt, ast.If)
        for node in stmt.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert {(f".{m}", n) for n, m in pe._EXPORTS.items()} == checked
    assert set(pe.__all__) == set(pe._EXPORTS)
