"""Benchmarks of peel_effectiveness against anchors measured on the same machine.

Every figure is a ratio to an anchor measured in the same run (same process
where the work is in-process, alternating fresh processes where it is start-up),
so the numbers mean the same on a fast or a slow machine. Medians of several
rounds are reported. Nothing here fails on a slow result: this measures, and
the tests check behaviour.

Usage:
    python bench/run.py            # full run (a few minutes on 2 cores)
    python bench/run.py --quick    # a small run that checks every measurement works
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import peel_effectiveness as pe

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TARGETS = {
    "import": ("import peel_effectiveness / import attrs", 1.3, "at most"),
    "show": ("fresh `show cumbria` / python -c 'import attrs'", 2.0, "at most"),
    "yaml_events": ("YAML load / libyaml event iteration", 2.0, "at most"),
    "yaml_naive": ("CSafeLoader + default cattrs / YAML load", 5.0, "at least"),
    "json_msgspec": ("JSON load / msgspec.json.decode (untyped)", 3.0, "at most"),
    "memory": ("memory held by objects / by raw parsed dicts", 1.1, "at most"),
    "one_file": ("files read to load one report from a folder of 430", 1.0, "at most"),
}


def interleaved(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median time of each function, run round-robin so load on the machine hits all alike."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(rounds):
        for k, fn in fns.items():
            gc.collect()
            t0 = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def _console_script() -> list[str]:
    """The installed `peel-effectiveness` script (what the target names), or
    `python -m peel_effectiveness` where there is none."""
    script = Path(sys.executable).with_name("peel-effectiveness")
    return [str(script)] if script.exists() else [sys.executable, "-m", "peel_effectiveness"]


def run_process(args: list[str]) -> Callable[[], object]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return lambda: subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)


# --- the corpus -------------------------------------------------------------------


def corpus(n_forces: int = 43, *, distinct: bool = False) -> list[pe.InspectionReport]:
    """430 full reports made from the bundled Cumbria 2016 report: each of the
    43 forces under ten (cycle, pillar) pairs. Assessments are kept where the
    registry has the questions (2016 effectiveness) and dropped elsewhere.

    The reports repeat the bundled report's figures, as the target asks. With
    ``distinct``, every report's own figures differ (the England and Wales
    ones stay), so a loader has almost nothing to share: a harder case, shown
    beside the targets."""
    import attrs

    base = pe.load_bundled().report("cumbria", 2016)
    combos = [(c, p) for c in (pe.Cycle.Y2016, pe.Cycle.Y2015, pe.Cycle.Y2014) for p in pe.Pillar][:10]
    out = []
    for force in pe.forces()[:n_forces]:
        for cycle, pillar in combos:
            keep = cycle is pe.Cycle.Y2016 and pillar is pe.Pillar.EFFECTIVENESS
            report = attrs.evolve(
                base,
                force=force,
                cycle=cycle,
                pillar=pillar,
                assessments=base.assessments if keep else (),
                previous_judgment=base.previous_judgment if cycle is not pe.Cycle.Y2014 else None,
            )
            out.append(_made_distinct(report, len(out)) if distinct else report)
    return out


def _made_distinct(report: pe.InspectionReport, k: int) -> pe.InspectionReport:
    import attrs

    def scaled(v: float | None) -> float | None:
        return None if v is None else round(v * (1 - k / 1000), 3)

    def row(r: Any) -> Any:
        members = {"members": tuple(map(row, r.members))} if isinstance(r, pe.OutcomeGroupRow) else {}
        return attrs.evolve(r, force=scaled(r.force), **members)

    return attrs.evolve(
        report,
        measurements=tuple(
            attrs.evolve(m, value=m.value + k if m.unit is pe.Unit.COUNT else scaled(m.value))
            for m in report.measurements
        ),
        outcome_tables=tuple(attrs.evolve(t, rows=tuple(map(row, t.rows))) for t in report.outcome_tables),
    )


def naive_converter() -> Any:
    """A default cattrs converter, with only the hooks it cannot do without."""
    import cattrs

    from peel_effectiveness.io._convert import GradeOrUngraded, ReportDoc, Ungraded

    c = cattrs.Converter()
    c.register_structure_hook(pe.Force, lambda v, _: pe.find_force(v))
    c.register_structure_hook(
        pe.Period, lambda v, _: pe.Period.parse(v) if isinstance(v, str) else pe.Period(**v)
    )
    c.register_structure_hook(pe.Cycle, lambda v, _: pe.Cycle.parse(v))
    c.register_structure_hook(dt.date, lambda v, _: v if isinstance(v, dt.date) else dt.date.fromisoformat(v))

    def grade(v: Any, _: Any) -> Any:
        return Ungraded.UNGRADED if v == "ungraded" else pe.Grade(v)

    c.register_structure_hook_func(
        lambda t: t in (GradeOrUngraded, GradeOrUngraded | None),
        lambda v, _: None if v is None else grade(v, _),
    )
    return lambda data: [c.structure(d, ReportDoc) for d in data]


def held(fn: Callable[[], object]) -> tuple[int, object]:
    """Bytes still allocated by what ``fn`` returns, and the result."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = fn()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="a small, fast run that only checks every measurement works"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args()
    rounds = 3 if args.quick else 15
    # An installed wheel has its bytecode compiled by pip; a source checkout
    # may not (PYTHONDONTWRITEBYTECODE), so compile it as pip would.
    import compileall

    compileall.compile_dir(str(Path(pe.__file__).parent), quiet=1)
    n_forces = 4 if args.quick else 43
    results: dict[str, dict[str, float]] = {}
    py = sys.executable

    # Start-up: alternating fresh interpreters.
    starts = interleaved(
        {
            "python": run_process([py, "-c", "pass"]),
            "attrs": run_process([py, "-c", "import attrs"]),
            "package": run_process([py, "-c", "import peel_effectiveness"]),
            "show": run_process([*_console_script(), "show", "cumbria"]),
        },
        # Start-up times swing most on a busy machine, and cost little: more rounds.
        rounds * 2,
    )
    results["import"] = {
        "value": starts["package"] / starts["attrs"],
        "anchor_ms": starts["attrs"] * 1000,
        "measured_ms": starts["package"] * 1000,
        "net_ratio": (starts["package"] - starts["python"]) / (starts["attrs"] - starts["python"]),
    }
    results["show"] = {
        "value": starts["show"] / starts["attrs"],
        "anchor_ms": starts["attrs"] * 1000,
        "measured_ms": starts["show"] * 1000,
    }

    reports = corpus(n_forces)
    data = pe.Dataset(tuple(reports))
    yaml_text = pe.dump(data)
    json_text = pe.dump(data, "json")
    yaml_bytes = yaml_text.encode()
    naive = naive_converter()
    pe.load(yaml_text[:2000].rsplit("\n- force", 1)[0])  # warm: build the converter once

    def events() -> None:
        for _ in yaml.parse(yaml_bytes, Loader=LOADER):
            pass

    assert pe.load(yaml_text) == data
    assert pe.load(json_text, format="json") == data
    timing = interleaved(
        {
            "events": events,
            "ours_yaml": lambda: pe.load(yaml_text),
            "naive_yaml": lambda: naive(yaml.load(yaml_bytes, Loader=LOADER)),
        },
        max(1, rounds // 3),
    )
    results["yaml_events"] = {
        "value": timing["ours_yaml"] / timing["events"],
        "anchor_ms": timing["events"] * 1000,
        "measured_ms": timing["ours_yaml"] * 1000,
        "reports": len(reports),
        "megabytes": len(yaml_bytes) / 1e6,
    }
    results["yaml_naive"] = {
        "value": timing["naive_yaml"] / timing["ours_yaml"],
        "anchor_ms": timing["naive_yaml"] * 1000,
        "measured_ms": timing["ours_yaml"] * 1000,
    }

    try:
        import msgspec
    except ImportError:
        msgspec = None
    if msgspec is not None:
        jb = json_text.encode()
        timing = interleaved(
            {
                "msgspec": lambda: msgspec.json.decode(jb),
                "ours_json": lambda: pe.load(json_text, format="json"),
            },
            rounds,
        )
        results["json_msgspec"] = {
            "value": timing["ours_json"] / timing["msgspec"],
            "anchor_ms": timing["msgspec"] * 1000,
            "measured_ms": timing["ours_json"] * 1000,
        }

    raw_bytes, _ = held(lambda: json.loads(json_text))
    obj_bytes, _ = held(lambda: pe.load(json_text, format="json"))
    results["memory"] = {
        "value": obj_bytes / raw_bytes,
        "anchor_mib": raw_bytes / 2**20,
        "measured_mib": obj_bytes / 2**20,
    }

    # One report out of a folder: count the files opened.
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for r in reports:
            (folder / f"{r.force.id}-{r.cycle.value.replace('/', '-')}-{r.pillar.value}.yaml").write_text(
                pe.dump(r)
            )
        opened: list[str] = []

        def audit(event: str, args: tuple[Any, ...]) -> None:
            if event == "open" and isinstance(args[0], str) and args[0].startswith(tmp):
                opened.append(args[0])

        sys.addaudithook(audit)
        target = reports[len(reports) // 2]
        t0 = time.perf_counter()
        got = pe.open_folder(folder).report(target.force, target.cycle, target.pillar)
        one_ms = (time.perf_counter() - t0) * 1000
        assert got == target
        files_read = len(set(opened))
        opened.clear()
        t0 = time.perf_counter()
        pe.load(folder)
        all_ms = (time.perf_counter() - t0) * 1000
        results["one_file"] = {
            "value": files_read,
            "measured_ms": one_ms,
            "whole_folder_ms": all_ms,
            "files": len(reports),
        }

    # Beside the targets: the same corpus with every report's figures distinct.
    distinct = pe.Dataset(tuple(corpus(n_forces, distinct=True)))
    d_yaml, d_json = pe.dump(distinct), pe.dump(distinct, "json")
    d_yaml_bytes, d_json_bytes = d_yaml.encode(), d_json.encode()
    assert pe.load(d_yaml) == distinct
    assert pe.load(d_json, format="json") == distinct

    def d_events() -> None:
        for _ in yaml.parse(d_yaml_bytes, Loader=LOADER):
            pass

    fns: dict[str, Callable[[], object]] = {
        "events": d_events,
        "ours_yaml": lambda: pe.load(d_yaml),
        "naive_yaml": lambda: naive(yaml.load(d_yaml_bytes, Loader=LOADER)),
        "ours_json": lambda: pe.load(d_json, format="json"),
    }
    if msgspec is not None:
        fns["msgspec"] = lambda: msgspec.json.decode(d_json_bytes)
    timing = interleaved(fns, max(1, rounds // 3))
    extra_rows = [
        ("YAML load / libyaml event iteration", timing["ours_yaml"] / timing["events"]),
        ("CSafeLoader + default cattrs / YAML load", timing["naive_yaml"] / timing["ours_yaml"]),
    ]
    if msgspec is not None:
        extra_rows.append(
            ("JSON load / msgspec.json.decode (untyped)", timing["ours_json"] / timing["msgspec"])
        )
    d_raw, _ = held(lambda: json.loads(d_json))
    d_objects, _ = held(lambda: pe.load(d_json, format="json"))
    extra_rows.append(("memory held by objects / by raw parsed dicts", d_objects / d_raw))
    results["distinct"] = dict(extra_rows)

    print(
        f"peel_effectiveness {pe.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores"
        + (" (quick run: small corpus, few rounds; ratios are rough)" if args.quick else "")
    )
    for key, (label, target, kind) in TARGETS.items():
        if key not in results:
            print(f"  {label:<58} skipped (install msgspec to measure)")
            continue
        r = results[key]
        ok = r["value"] <= target if kind == "at most" else r["value"] >= target
        extra = ", ".join(f"{k}={v:.1f}" for k, v in r.items() if k != "value")
        print(
            f"  {label:<58} {r['value']:6.2f}  (target {kind} {target}; {'met' if ok else 'NOT MET'}; {extra})"
        )
    print("  Not a target: the same 430 reports with every report's figures distinct")
    for label, value in extra_rows:
        print(f"  {label:<58} {value:6.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
