"""Benchmarks of peel_effectiveness against anchors measured on the same machine.

Every figure is a ratio to an anchor measured in the same run (same process
where the work is in-process, alternating fresh processes where it is
start-up), so the numbers mean the same on a fast or a slow machine. Medians
of several rounds are reported. Nothing here fails on a slow result: this
measures, and the tests check behaviour.

The data are like real data, where nothing repeats by accident: 430 full
reports (43 forces under ten cycle and pillar pairs) made from the bundled
Cumbria report with every figure, label, summary and area for improvement
varied (:mod:`corpus`), and the bundled data as shipped. Only the public API
is used, so the same script measures any version of the library.

Usage:
    python bench/run.py            # full run (a few minutes on 2 cores)
    python bench/run.py --quick    # a small run that checks every measurement works
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

import corpus as corpus_mod
import peel_effectiveness as pe

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TARGETS = {
    "show": ("fresh `show cumbria` / python -c 'import attrs'", 2.2, "at most"),
    "national": ("fresh `national --cycle 2023-25` / python -c 'import attrs'", 2.2, "at most"),
    "json_pydantic": ("JSON load / pydantic v2 validate_json (mirror models)", 1.5, "at most"),
    "yaml_events": ("YAML load / libyaml event iteration", 2.5, "at most"),
    "json_bundled": ("bundled data: load_bundled / json.loads of its reports", 5.0, "at most"),
    "ten_texts": ("ten texts of 430 reports / one", 11.0, "at most"),
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
    script = Path(sys.executable).with_name("peel-effectiveness")
    return [str(script)] if script.exists() else [sys.executable, "-m", "peel_effectiveness"]


def run_process(args: list[str]) -> Callable[[], object]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return lambda: subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)


def events(text: str) -> None:
    loader = LOADER(text)
    try:
        while loader.get_event() is not None:
            pass
    finally:
        loader.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", help="write the results to this file")
    args = ap.parse_args()
    rounds, start_rounds, n_forces = (2, 2, 3) if args.quick else (7, 20, 43)
    results: dict[str, dict[str, float]] = {}

    print("building the corpus ...", flush=True)
    docs = corpus_mod.documents(n_forces)
    yaml_text = corpus_mod.yaml_text(docs)
    json_text = json.dumps(docs, ensure_ascii=False, default=str)
    data = pe.loads(json_text)
    assert pe.loads(yaml_text) == data, "the two texts hold the same reports"

    # Start-up, in fresh processes. An installed wheel has its bytecode
    # compiled by pip; a source checkout may not (PYTHONDONTWRITEBYTECODE),
    # so compile it as pip would.
    import compileall

    compileall.compile_dir(str(Path(pe.__file__).parent), quiet=1)
    py = sys.executable
    t = interleaved(
        {
            "attrs": run_process([py, "-c", "import attrs"]),
            "ours": run_process([py, "-c", "import peel_effectiveness"]),
            "show": run_process([*_console_script(), "show", "cumbria"]),
            "national": run_process([*_console_script(), "national", "--cycle", "2023-25"]),
        },
        start_rounds,
    )
    results["import"] = {"value": t["ours"] / t["attrs"], "anchor_ms": t["attrs"] * 1000}
    results["show"] = {"value": t["show"] / t["attrs"], "anchor_ms": t["attrs"] * 1000}
    results["national"] = {"value": t["national"] / t["attrs"], "anchor_ms": t["attrs"] * 1000}

    # YAML, against libyaml's bare event stream (what any reader must pay).
    t = interleaved(
        {"events": lambda: events(yaml_text), "ours": lambda: pe.loads(yaml_text, format="yaml")},
        max(rounds // 2, 1),
    )
    results["yaml_events"] = {"value": t["ours"] / t["events"], "anchor_ms": t["events"] * 1000}

    # JSON, against json.loads.
    t = interleaved(
        {"loads": lambda: json.loads(json_text), "ours": lambda: pe.loads(json_text, format="json")}, rounds
    )
    results["json_loads"] = {"value": t["ours"] / t["loads"], "anchor_ms": t["loads"] * 1000}

    # pydantic v2 on mirror models that check the same things (bench/mirror.py).
    try:
        import mirror
    except ImportError:
        print("  (pydantic is not installed: the pydantic yardstick is skipped)")
    else:
        assert len(mirror.validate_json(json_text)) == len(docs)
        t = interleaved(
            {
                "ours": lambda: pe.loads(json_text, format="json"),
                "pydantic": lambda: mirror.validate_json(json_text),
            },
            rounds,
        )
        results["json_pydantic"] = {"value": t["ours"] / t["pydantic"], "anchor_ms": t["pydantic"] * 1000}

    # The bundled data as shipped.
    # As one JSON text: the bundle's reports (one a line, after their index).
    # load_bundled is what users call (uncached here); pe.load of the same
    # reports as one JSON text also refuses repeated keys, which the bundle,
    # written by the package itself, cannot have.
    lines = (Path(pe.__file__).parent / "_bundle.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    if lines[-1].startswith("["):  # the stays in Engage, after the reports (since issue 14)
        bundle = '{"reports": [' + ",".join(lines[:-1]) + '], "monitoring": ' + lines[-1] + "}"
    else:
        bundle = "[" + ",".join(lines) + "]"

    def bundled() -> None:
        pe.load_bundled.cache_clear()
        pe.load_bundled()

    t = interleaved(
        {
            "loads": lambda: json.loads(bundle),
            "ours": bundled,
            "text": lambda: pe.loads(bundle, format="json"),
        },
        rounds * 3,
    )
    results["json_bundled"] = {"value": t["ours"] / t["loads"], "anchor_ms": t["loads"] * 1000}
    results["json_bundled_text"] = {"value": t["text"] / t["loads"]}

    # Cost in proportion to size: ten different texts of 430 reports, kept.
    texts = [json.dumps(corpus_mod.documents(n_forces, seed=s), default=str) for s in range(10)]

    def ten() -> None:
        kept = [pe.loads(x, format="json") for x in texts]
        del kept

    t = interleaved({"one": lambda: pe.loads(texts[0], format="json"), "ten": ten}, max(rounds - 2, 1))
    results["ten_texts"] = {"value": t["ten"] / t["one"], "anchor_ms": t["one"] * 1000}

    # A folder of 430 files: one report read out of it.
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            name = f"{d['force']}-{str(d['cycle']).replace('/', '-')}-{d['pillar']}.json"
            Path(tmp, name).write_text(json.dumps(d, default=str), encoding="utf-8")
        first = docs[0]
        t = interleaved(
            {
                "open": lambda: pe.io.open_folder(tmp),
                "one": lambda: pe.io.open_folder(tmp).report(first["force"], first["cycle"], first["pillar"]),
            },
            rounds,
        )
        results["folder_open_ms"] = {"value": t["open"] * 1000}
        results["folder_one_ms"] = {"value": t["one"] * 1000}

    print(f"\nperformance (median of {rounds} rounds; start-up {start_rounds}; {len(docs)} reports)")
    for key, (label, target, kind) in TARGETS.items():
        if key not in results:
            print(f"  {label:<58} skipped")
            continue
        r = results[key]
        ok = r["value"] <= target if kind == "at most" else r["value"] >= target
        extra = ", ".join(f"{k}={v:.1f}" for k, v in r.items() if k != "value")
        print(
            f"  {label:<58} {r['value']:6.2f}  (target {kind} {target}; {'met' if ok else 'NOT MET'}; {extra})"
        )
    print("  not targets:")
    print(f"  {'import peel_effectiveness / import attrs':<58} {results['import']['value']:6.2f}")
    print(f"  {'JSON load / json.loads':<58} {results['json_loads']['value']:6.2f}")
    print(
        f"  {'bundled data: pe.load of its JSON text / json.loads':<58} {results['json_bundled_text']['value']:6.2f}"
    )
    print(f"  {'open_folder (430 files), ms':<58} {results['folder_open_ms']['value']:6.1f}")
    print(f"  {'one report out of the folder, ms':<58} {results['folder_one_ms']['value']:6.1f}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
