"""The records' generated code ships precompiled (model/_compiled.py), and current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import peel_effectiveness as pe
from peel_effectiveness.model import _init

ROOT = Path(__file__).resolve().parents[1]


def test_the_precompiled_module_is_current() -> None:
    # Run in a fresh process: this one has made some readers already.
    code = "import sys; sys.path.insert(0, 'tools'); import build_bundle; sys.stdout.write(build_bundle.compiled_text())"
    made = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    shipped = (ROOT / "src" / "peel_effectiveness" / "model" / "_compiled.py").read_text(encoding="utf-8")
    assert made == shipped, "run python tools/build_bundle.py"


def test_loading_the_bundle_compiles_nothing() -> None:
    code = (
        "import peel_effectiveness as pe, peel_effectiveness.model._init as i\n"
        "missed = []\n"
        "original = i._precompiled\n"
        "def spy(key):\n"
        "    found = original(key)\n"
        "    if found is None: missed.append(key)\n"
        "    return found\n"
        "i._precompiled = spy\n"
        "pe.load_bundled(); pe.load(pe.dump(pe.load_bundled()))\n"
        "pe.InspectionReport(force='kent', cycle=2016)\n"
        "print(missed)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_function_made_from_precompiled_code_works_like_one_compiled() -> None:
    source = "def f(x, y=_default):\n    return (x, y, _other)\n"
    names = {"_default": 1, "_other": 2}
    made = _init.compile_function(source, dict(names), "example")
    assert made(0) == (0, 1, 2)
    assert pe.Judgment("good") == pe.Judgment(pe.Grade.GOOD)
