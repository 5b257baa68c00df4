"""Nothing lost: round trips keep every value, models cannot be changed, files are safe."""

from __future__ import annotations

import enum
import importlib
import inspect
import os
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import peel_effectiveness as pe
import peel_effectiveness.io.bundled
from peel_effectiveness.io import _yaml
from strategies import reports

SEED = pe.io.bundled._bundled_dir() / "cumbria-2016.yaml"


def _read(text: str) -> Any:
    return _yaml.parse(text, pe.Limits()).value


def test_dump_keeps_every_value_of_the_bundled_file() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert _read(pe.dump(pe.loads(text).reports[0])) == _read(text)


def test_dump_keeps_every_value_after_a_json_trip() -> None:
    text = SEED.read_text(encoding="utf-8")
    via_json = pe.loads(pe.dump(pe.loads(text), "json"), format="json")
    assert _read(pe.dump(via_json.reports[0])) == _read(text)


PUBLIC_CLASSES = [getattr(pe.model, name) for name in pe.model.__all__ if attrs.has(getattr(pe.model, name))]


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


def test_the_public_face_is_small_and_each_name_has_one_home() -> None:
    # The top level holds the names a user meets first; every other public
    # name lives in one public subpackage, under one __all__.
    from peel_effectiveness import analysis, io, model, output

    subpackages = {"model": model, "io": io, "analysis": analysis, "output": output}
    assert len(pe.__all__) <= 45
    homes: dict[str, list[str]] = {}
    for name, sub in subpackages.items():
        assert len(sub.__all__) == len(set(sub.__all__)), name
        for n in sub.__all__:
            assert hasattr(sub, n), (name, n)
            homes.setdefault(n, []).append(name)
    assert all(len(h) == 1 for h in homes.values()), {n: h for n, h in homes.items() if len(h) > 1}
    for n in pe.__all__:
        assert hasattr(pe, n), n
        if n not in (
            "__version__",
            "MissingDependencyError",
            "NotFoundError",
            "PeelDataError",
            "PeelError",
            "PeelWarning",
            "Problem",
            "converter",
        ):
            assert n in homes, n
            assert getattr(pe, n) is getattr(subpackages[homes[n][0]], n)
    # Nothing public at the top level that __all__ leaves out, but the subpackages.
    public = (
        {n for n in vars(pe) if not n.startswith("_")} - set(subpackages) - {"errors", "cli", "TYPE_CHECKING"}
    )
    assert public == set(pe.__all__) - {"__version__"}


PACKAGES = [
    "peel_effectiveness",
    *(f"peel_effectiveness.{s}" for s in ("model", "io", "analysis", "output", "cli")),
]


@pytest.mark.parametrize("package", PACKAGES)
def test_each_public_name_is_the_object_a_type_checker_sees(package: str) -> None:
    # A package lists its names in __all__ and imports them for type checkers
    # only; at run time each is found when first asked for. The two must name
    # the same objects, or the types promise what the code does not give.
    import ast
    import importlib
    import subprocess
    import sys

    module = importlib.import_module(package)
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level and node.module not in ("_lazy", None):
            for alias in node.names:
                typed[alias.asname or alias.name] = node.module
    typed.pop("TYPE_CHECKING", None)
    assert set(typed) == set(module.__all__)
    for name, source in typed.items():
        home = importlib.import_module(("." * 1 + source), package)
        assert getattr(module, name) is getattr(home, name), (package, name)
    # In a fresh interpreter, after the modules are imported the way the
    # command line imports them (a module before its package's names are
    # asked for), no name is shadowed by a module of the same name.
    code = (
        "import types, peel_effectiveness.analysis._history, peel_effectiveness.io.bundled\n"
        f"import {package} as p\n"
        "assert not [n for n in p.__all__ if isinstance(getattr(p, n), types.ModuleType)]"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_program_imports_nothing_heavy_before_it_holds_the_collector_back() -> None:
    # console_script pauses the garbage collector before the command's
    # imports; whatever the package, the cli package or the script module
    # import at their top is imported before that, with the collector on.
    import subprocess
    import sys

    code = (
        "import sys; before = set(sys.modules)\n"
        "import peel_effectiveness.cli._script\n"
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    ours = {m for m in loaded if m.startswith("peel_effectiveness")}
    assert ours == {
        "peel_effectiveness",
        "peel_effectiveness._lazy",
        "peel_effectiveness._version",
        "peel_effectiveness.cli",
        "peel_effectiveness.cli._script",
    }
    # Not typing, attrs, re or enum: the import machinery alone.
    assert loaded - ours <= {
        "__future__",
        "importlib",
        "importlib._bootstrap",
        "importlib._bootstrap_external",
        "warnings",
    }


def test_importing_the_package_imports_only_what_the_command_line_needs() -> None:
    # The command line starts fast because the analysis and outputs are
    # imported when used; a module that imports them at the top undoes it.
    import subprocess
    import sys

    code = (
        "import sys, peel_effectiveness.cli._main\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('peel_effectiveness'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert not {
        m for m in loaded if m.startswith(("peel_effectiveness.analysis.", "peel_effectiveness.output."))
    }, loaded
    assert "peel_effectiveness.io.schema" not in loaded
    assert "yaml" not in done.stdout


@pytest.mark.parametrize("package", PACKAGES)
def test_dir_shows_a_packages_names_not_its_machinery(package: str) -> None:
    module = importlib.import_module(package)
    shown = dir(module)
    assert set(module.__all__) <= set(shown)
    assert "TYPE_CHECKING" not in shown
    # Beyond the public names and the dunders, only the package's modules.
    rest = [n for n in shown if n not in module.__all__ and not n.startswith("__")]
    assert all(inspect.ismodule(getattr(module, n)) for n in rest), rest


@pytest.mark.parametrize(
    ("command", "unused"),
    [
        (["show", "cumbria"], {"_listings", "_national", "_changes", "_plot", "_validate"}),
        (["national", "--cycle", "2016"], {"_listings", "_plot", "_validate"}),
        (["validate", "seeds/kent-2016.yaml"], {"_listings", "_national", "_changes", "_plot"}),
    ],
)
def test_a_command_starts_without_the_modules_of_the_others(command: list[str], unused: set[str]) -> None:
    import subprocess
    import sys

    code = (
        "import io, sys\n"
        "from peel_effectiveness.cli._main import main\n"
        f"main({command!r}, stdout=io.StringIO(), stderr=io.StringIO())\n"
        "print(' '.join(m for m in sys.modules if m.startswith('peel_effectiveness.cli.')))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    loaded = {m.rsplit(".", 1)[1] for m in done.stdout.split()}
    assert not loaded & unused, loaded
