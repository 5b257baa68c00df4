"""What the design itself costs: the floor under issue 11's speed targets.

The library is asked to be attrs classes whose methods attrs generates, read
by one cattrs converter, the bundled data included. This measures what that
costs with none of the library's own work: a mirror of the model made of
plain ``@attrs.frozen`` classes (the same classes, fields and nesting; no
validators, no converters, no rules, every field typed ``Any`` but the
records a data file nests as mappings) structured by a plain
``cattrs.Converter()``. Whatever the mirror costs, any implementation of
the design pays at least; the library's own checks come on top. For the
bundled data it also measures those checks alone: every record made again
from its own fields by its class (attrs' ``__init__`` with the model's
converters, validators and rules), with no reading at all.

Each figure is a ratio to an anchor measured in the same run, as in
``run.py``: fresh processes against ``python -c "import attrs"``, and
in-process loading against ``json.loads`` of the same text.

Usage:
    python bench/floor.py            # full run (about a minute)
    python bench/floor.py --quick    # a small run that checks every measurement works
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import types
import typing
from pathlib import Path
from typing import Any

import attrs

import peel_effectiveness as pe
from peel_effectiveness.io._layout import LAYOUTS

sys.path.insert(0, str(Path(__file__).parent))
from run import _console_script, interleaved

# The records a data file writes as mappings of their own; the rest (a
# force's id, a period's words, a flat judgment) are text or flat in the file.
NESTED = {"Assessment", "Provenance", "CauseOfConcern", "Measurement", "OutcomeTable", "OutcomeTotal"}


def _annotation(tp: Any) -> str:
    if isinstance(tp, type) and tp.__name__ in NESTED:
        return tp.__name__
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"tuple[{_annotation(args[0])}, ...]"
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 2 and args[1] is type(None):
        inner = _annotation(args[0])
        return "Any" if inner == "Any" else f"{inner} | None"
    return "Any"


def mirror_source() -> str:
    """A module of plain attrs classes with the model's classes and fields."""
    lines = ["from __future__ import annotations", "from typing import Any", "import attrs", ""]
    for cls in LAYOUTS:
        lines += ["@attrs.frozen(kw_only=True)", f"class {cls.__name__}:"]
        for a in attrs.fields(attrs.resolve_types(cls)):
            lines.append(f"    {a.name}: {_annotation(a.type)} = None")
        lines.append("")
    return "\n".join(lines)


def bundle_lines() -> tuple[list[list[Any]], list[str]]:
    text = (Path(pe.__file__).parent / "_bundle.jsonl").read_text(encoding="utf-8")
    first, *lines, _stays = text.splitlines()
    return json.loads(first), lines


def constructor_calls(data: pe.Dataset) -> list[tuple[type[Any], dict[str, Any]]]:
    """Every record of ``data`` once (shared ones once), innermost first, as
    its class and the fields it is made of: making them again measures the
    model's own __init__s, which any reading of the data pays."""
    calls: list[tuple[type[Any], dict[str, Any]]] = []
    seen: set[int] = set()

    def visit(value: Any) -> None:
        if isinstance(value, tuple):
            for item in value:
                visit(item)
        elif attrs.has(type(value)) and id(value) not in seen and not isinstance(value, pe.Force):
            seen.add(id(value))
            fields = {a.name: getattr(value, a.name) for a in attrs.fields(type(value)) if a.init}
            for v in fields.values():
                visit(v)
            calls.append((type(value), fields))

    for report in data:
        visit(report)
    return calls


# Run in a fresh process: the command's time spent in compile() on the
# source attrs and cattrs generate (the model's methods, the converter's
# hooks), the library's own classes apart from attrs' and cattrs' own.
_COMPILE_TIMES = """
import builtins, io, json, sys, time
spent = {"attrs": 0.0, "cattrs": 0.0, "theirs": 0.0}
compile_ = builtins.compile
def timed(source, name, *args, **kwargs):
    t = time.perf_counter()
    try:
        return compile_(source, name, *args, **kwargs)
    finally:
        if isinstance(name, str) and name.startswith("<attrs generated"):
            spent["attrs" if "peel_effectiveness" in name else "theirs"] += time.perf_counter() - t
        elif isinstance(name, str) and name.startswith("<cattrs generated"):
            spent["cattrs" if "peel_effectiveness" in name else "theirs"] += time.perf_counter() - t
builtins.compile = timed
from peel_effectiveness.cli import main
main(sys.argv[1:], stdout=io.StringIO())
print(json.dumps(spent))
"""


def compile_times(rounds: int) -> dict[str, float]:
    """The median milliseconds a fresh ``show cumbria`` and ``national
    --cycle 2023-25`` spend compiling the source attrs generates for the
    model's classes and cattrs for the converter's hooks."""
    import statistics

    out: dict[str, list[float]] = {}
    for name, argv in (
        ("show cumbria", ["show", "cumbria"]),
        ("national --cycle 2023-25", ["national", "--cycle", "2023-25"]),
    ):
        for _ in range(rounds):
            done = subprocess.run(
                [sys.executable, "-c", _COMPILE_TIMES, *argv], check=True, capture_output=True, text=True
            )
            spent = json.loads(done.stdout.splitlines()[-1])
            out.setdefault(f"{name}: attrs, the model's classes", []).append(spent["attrs"] * 1000)
            out.setdefault(f"{name}: cattrs, the converter's hooks", []).append(spent["cattrs"] * 1000)
    return {k: statistics.median(v) for k, v in out.items()}


def fresh(code: str, cwd: str) -> Any:
    return lambda: subprocess.run([sys.executable, "-c", code], check=True, cwd=cwd)


def command(*args: str) -> Any:
    return lambda: subprocess.run([*_console_script(), *args], check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    rounds, start_rounds = (2, 2) if args.quick else (15, 20)
    index, lines = bundle_lines()
    bundle = "[" + ",".join(lines) + "]"
    wanted = [i for i, (_, cycle, _) in enumerate(index) if cycle == "2023-25"]

    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "mirror_model.py").write_text(mirror_source(), encoding="utf-8")
        Path(tmp, "cycle.json").write_text("[" + ",".join(lines[i] for i in wanted) + "]", encoding="utf-8")
        structure = textwrap.dedent(
            """
            import json, cattrs, mirror_model
            c = cattrs.Converter()
            with open("cycle.json", encoding="utf-8") as f:
                reports = [c.structure(r, mirror_model.InspectionReport) for r in json.load(f)]
            """
        )
        import compileall

        compileall.compile_dir(tmp, quiet=1)
        compileall.compile_dir(str(Path(pe.__file__).parent), quiet=1)
        t = interleaved(
            {
                "attrs": fresh("import attrs", tmp),
                "attrs+cattrs": fresh("import attrs, cattrs", tmp),
                "mirror classes": fresh("import cattrs, mirror_model", tmp),
                "mirror, 43 reports": fresh(structure, tmp),
                "our model": fresh("import peel_effectiveness.model", tmp),
                "our converter": fresh("import peel_effectiveness.io._converter", tmp),
                "our show cumbria": command("show", "cumbria"),
                "our national --cycle 2023-25": command("national", "--cycle", "2023-25"),
            },
            start_rounds,
        )
        # In process: the whole bundle, hooks made already, against json.loads.
        sys.path.insert(0, tmp)
        import mirror_model as mirror  # type: ignore[import-not-found]
    anchor = t["attrs"]
    print(
        f"start-up in fresh processes, median of {start_rounds}; / python -c 'import attrs' ({anchor * 1000:.1f} ms)"
    )
    for k, v in t.items():
        print(f"  {k:<58} {v / anchor:6.2f}")
    print("  (issue 11's target for a whole command: at most 2.2)")
    compiled = compile_times(start_rounds)
    print(
        f"\nof which compiling generated methods, median of {start_rounds} fresh processes (ms; / import attrs)"
    )
    for k, v in compiled.items():
        print(f"  {k:<58} {v:6.1f}  {v / (anchor * 1000):5.2f}")

    import cattrs

    plain = cattrs.Converter()
    docs = json.loads(bundle)
    for d in docs:
        plain.structure(d, mirror.InspectionReport)

    def pe_bundled() -> None:
        pe.load_bundled.cache_clear()
        pe.load_bundled()

    def pe_bundled_unchecked() -> None:
        # What the fields' validators cost, by attrs' own switch (for the
        # whole process: a measurement, never the library's way).
        with attrs.validators.disabled():
            pe_bundled()

    calls = constructor_calls(pe.load_bundled())
    t = interleaved(
        {
            "json.loads": lambda: json.loads(bundle),
            "mirror": lambda: [plain.structure(d, mirror.InspectionReport) for d in json.loads(bundle)],
            "constructors": lambda: [cls(**fields) for cls, fields in calls],
            "ours": pe_bundled,
            "unchecked": pe_bundled_unchecked,
        },
        rounds,
    )
    print(
        f"\nthe bundled data ({len(lines)} reports), median of {rounds}; / json.loads ({t['json.loads'] * 1000:.1f} ms)"
    )
    print(f"  {'json.loads + plain cattrs into the mirror':<58} {t['mirror'] / t['json.loads']:6.2f}")
    print(
        f"  {'making the records alone (the model __init__s)':<58} {t['constructors'] / t['json.loads']:6.2f}"
    )
    print(f"  {'load_bundled':<58} {t['ours'] / t['json.loads']:6.2f}")
    print(
        f"  {'load_bundled, with attrs validators switched off':<58} {t['unchecked'] / t['json.loads']:6.2f}"
    )
    print("  (issue 11's target for load_bundled: at most 5)")


if __name__ == "__main__":
    main()
