"""The cost of the worst inputs within the default limits: time and peak memory.

Each case is a data file of a shape that once cost far more than its size
(many empty reports, a grade word of megabytes, an alias bomb just within the
limit on values...). Each is loaded in a fresh process, which reports its
time and its peak memory (maximum resident set). The promise is that every
input within the default limits is answered within 2 s plus 1 s per MiB,
with peak memory at most 200 MB plus 20 times its size.

Only the public API is used (``load`` of a path), so the same script
measures any version of the library:

    python bench/worst.py                # every case
    python bench/worst.py --quick        # small versions of each case
    python bench/worst.py --only yaml    # the cases whose names hold this text
    PYTHONPATH=/other/checkout/src python bench/worst.py   # another version
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MIB = 1024 * 1024
BASE = "force: kent\ncycle: 2016\n"

# The child says its own peak: the kernel's high-water mark of its address
# space, made new at exec (its rusage keeps the spawning parent's size, whose
# case texts are large: every figure before stop 41 was at least that).
CHILD = """
import sys, time, warnings
warnings.simplefilter("ignore")  # a folder's files left out, said
t = time.perf_counter()
import peel_effectiveness as pe
try:
    data = pe.load(sys.argv[1])
    outcome = f"loaded {len(data)} reports"
except pe.PeelDataError as e:
    outcome = f"refused: {len(e.problems)} problems listed"
try:
    with open("/proc/self/status") as f:
        peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = 0
print(outcome, peak, round(time.perf_counter() - t, 3))
"""


def cases(scale: float) -> dict[str, Callable[[], tuple[str, Any]]]:
    """Each case's file suffix and text, made on demand; a folder's
    ("folder"), the name and text of each of its files."""

    def n(count: int) -> int:
        return max(1, int(count * scale))

    return {
        "json: 240 KB of empty reports": lambda: ("json", "[" + ",".join(["{}"] * n(80_000)) + "]"),
        "json: 4 MB of empty reports": lambda: ("json", "[" + ",".join(["{}"] * n(1_300_000)) + "]"),
        "yaml: 2 MB of empty reports": lambda: ("yaml", "- {}\n" * n(400_000)),
        "yaml: 3 MiB grade word": lambda: ("yaml", BASE + "grade: " + "g" * n(3 * MIB) + "\n"),
        "json: 3 MiB grade word": lambda: (
            "json",
            json.dumps({"force": "kent", "cycle": 2016, "grade": "g" * n(3 * MIB)}),
        ),
        "yaml: 100,000 unknown keys": lambda: (
            "yaml",
            BASE + "".join(f"k{i}: 1\n" for i in range(n(100_000))),
        ),
        "yaml: 100,000 duplicate keys": lambda: ("yaml", BASE + "summary: x\n" * n(100_000)),
        "json: 100,000 duplicate keys": lambda: (
            "json",
            '{"force": "kent", "cycle": 2016' + ', "summary": "x"' * n(100_000) + "}",
        ),
        "yaml: alias bomb within the limit": lambda: ("yaml", _alias_bomb(n(1_900_000))),
        "yaml: nesting at the limit, repeated": lambda: (
            "yaml",
            BASE + "x: [" + ", ".join(["[" * 60 + "1" + "]" * 60] * n(20_000)) + "]\n",
        ),
        # Past the limit on values, in lists of lists: refused before the
        # lists are built (they took 1.5 GB for 31 MiB).
        "json: 31 MiB of nested empty lists": lambda: (
            "json",
            "[" + ",".join(["[" * 62 + "]" * 62] * n(260_000)) + "]",
        ),
        # A text never closed, past the count of separators that makes the
        # values be counted: each quote in it was read to the end.
        "json: 6 MB text never closed": lambda: ("json", '["' + '\\",' * n(2_100_000)),
        "json: 30 MB text of commas never closed": lambda: ("json", '{"force": "a' + ",a" * n(15_000_000)),
        # Valid, with more separators in a text than the limit on values: counted.
        "json: 24 MB summary of separators": lambda: (
            "json",
            '{"force": "kent", "cycle": 2016, "summary": "' + ",:[{" * n(6_000_000) + '"}',
        ),
        "yaml: 30 MB summary": lambda: ("yaml", BASE + "summary: '" + "x" * n(30 * MIB) + "'\n"),
        "yaml: 20,000 reports, each with problems": lambda: (
            "yaml",
            "".join(f"- force: nowhere{i}\n  cycle: 1999\n  grade: goood\n" for i in range(n(20_000))),
        ),
        "yaml: 50,000 long numbers": lambda: (
            "yaml",
            BASE + "x: [" + ", ".join(["9" * 99] * n(50_000)) + "]\n",
        ),
        "json: 50,000 overlapping stays": lambda: ("json", _stays(n(50_000))),
        "json: 1,900,000 wrong sources": lambda: (
            "json",
            json.dumps(
                {"force": "kent", "cycle": 2016, "grade": "good", "grade_sources": [1] * n(1_900_000)}
            ),
        ),
        # Blank items, each a problem of the list's limit: all were named.
        "json: 1,900,000 blank sources": lambda: (
            "json",
            json.dumps(
                {"force": "kent", "cycle": 2016, "grade": "good", "grade_sources": [""] * n(1_900_000)}
            ),
        ),
        "yaml: 1,500,000 wrong list items": lambda: (
            "yaml",
            BASE
            + "assessments:\n  - question: 1\n    grade: good\n    areas_for_improvement:\n"
            + "      - 1\n" * n(1_500_000),
        ),
        "json: 300,000 wrong assessments": lambda: (
            "json",
            json.dumps(
                {
                    "force": "kent",
                    "cycle": 2016,
                    "assessments": [{"question": 1, "grade": "goood"}] * n(300_000),
                }
            ),
        ),
        # A row of 20,000 outcome types (each counted in the whole list, and
        # for each problem: 19 s for 0.1 MiB), and a period of 3.3 million
        # words (each split and lowered: 1 GB for 9 MiB).
        "yaml: 20,000 outcome types in one row": lambda: (
            "yaml",
            BASE
            + "outcome_tables:\n- key: figure_4\n  title: t\n  measure: share_of_offences\n"
            + "  period: 12 months to 30 June 2016\n  rows:\n  - group: g\n    outcomes: ["
            + ",".join(str(i) for i in range(1, n(20_000) + 1))
            + "]\n",
        ),
        "yaml: a period of 3,300,000 words": lambda: (
            "yaml",
            BASE
            + "measurements:\n- {metric: m, label: M, unit: count, value: 1, period: '"
            + "ab " * n(3_300_000)
            + "'}\n",
        ),
        # Values the readers refuse, the most the limit on values lets in,
        # in one list 60 levels deep: each once kept its problem and its
        # path (2 million NaNs took 1.2 GB; half surrogates 1.9 GB).
        "json: 1,990,000 NaNs, 60 levels deep": lambda: (
            "json",
            '{"a":' * 60 + "[" + ",".join(["NaN"] * n(1_990_000)) + "]" + "}" * 60,
        ),
        "json: 1,990,000 too-large numbers": lambda: (
            "json",
            '{"force": "kent", "cycle": 2016, "grade_sources": [' + ",".join(["9e999"] * n(1_990_000)) + "]}",
        ),
        "json: 1,300,000 different too-large numbers": lambda: (
            "json",
            '{"force": "kent", "cycle": 2016, "grade_sources": ['
            + ",".join(f"1e{400 + i}" for i in range(n(1_300_000)))
            + "]}",
        ),
        "json: 1,990,000 half surrogates, 60 levels deep": lambda: (
            "json",
            '{"a":' * 60 + "[" + ",".join(['"\\ud800"'] * n(1_990_000)) + "]" + "}" * 60,
        ),
        # ... and each in a list of its own, 62 levels deep: a path kept
        # for each holder took 950 MB; and a million keys refused, each
        # remembered with its message (680 MB).
        "json: 990,000 NaNs, each in its own list, deep": lambda: (
            "json",
            '{"force":"kent","cycle":2016,"x":'
            + "[" * 62
            + ",".join(["[NaN]"] * n(990_000))
            + "]" * 62
            + "}",
        ),
        "yaml: 990,000 017s, each in its own list, deep": lambda: (
            "yaml",
            BASE + "x: " + "[" * 62 + ", ".join(["[017]"] * n(990_000)) + "]" * 62 + "\n",
        ),
        "yaml: 990,000 different keys refused": lambda: (
            "yaml",
            BASE + "x:\n" + "".join(f"  0{i}7: 1\n" for i in range(n(990_000))),
        ),
        # Past the few thousand different refused texts a reading remembers,
        # each refusal's exception held its frame in a cycle (1 KB each).
        "yaml: 500,000 different hexadecimal numbers": lambda: (
            "yaml",
            BASE + "grade: good\ngrade_sources:\n" + "".join(f"- 0x{i:x}\n" for i in range(n(500_000))),
        ),
        "json: 1,990,000 values and a repeated key": lambda: (
            "json",
            '{"force":"kent","cycle":2016,"summary":"a","summary":"b","x":['
            + ",".join(["1"] * n(1_990_000))
            + "]}",
        ),
        "yaml: 1,900,000 1_000s": lambda: (
            "yaml",
            BASE + "grade: good\ngrade_sources:\n" + "- 1_000\n" * n(1_900_000),
        ),
        # Values the readers refuse, each in a mapping of its own: the line
        # of each was once looked for by searching every one not yet found.
        "json: 200,000 too-large numbers, in maps": lambda: (
            "json",
            '{"force": "kent", "cycle": 2016, "x": [' + ",".join(['{"a": 1e400}'] * n(200_000)) + "]}",
        ),
        "json: 200,000 half surrogates, in maps": lambda: (
            "json",
            '{"force": "kent", "cycle": 2016, "x": [' + ",".join(['{"a": "\\ud800"}'] * n(200_000)) + "]}",
        ),
        "yaml: 200,000 1_000s, in maps": lambda: (
            "yaml",
            BASE + "x:\n" + "  - {a: 1_000}\n" * n(200_000),
        ),
        # Repeated keys, each repeat's value checked apart in a copy of the
        # document: once a copy of every mapping on its way per repeat.
        "yaml: 100,000 reports, each with a repeated key": lambda: (
            "yaml",
            "".join(
                f"- {{force: kent, cycle: 2016, summary: a, summary: b{i}}}\n" for i in range(n(100_000))
            ),
        ),
        "json: 100,000 reports, each with a repeated key": lambda: (
            "json",
            "["
            + ",".join(
                f'{{"force":"kent","cycle":2016,"summary":"a","summary":"b{i}"}}' for i in range(n(100_000))
            )
            + "]",
        ),
        # YAML 1.1 line breaks, each said at its value: the most that are
        # (a stand-in each), in long values an alias repeats; and ten million
        # in a comment, refused at the first.
        "yaml: 6,400 line breaks in long values, aliased": lambda: (
            "yaml",
            BASE
            + "areas_for_improvement:\n"
            + "".join(f"  - &a{i} {'x' * 500}\u2028\n" for i in range(n(6_400)))
            + "summary: ["
            + ", ".join(f"*a{i % n(6_400)}" for i in range(n(20_000)))
            + "]\n",
        ),
        # Records each right alone and wrong beside the first, as many as
        # the limit on what aliases stand for (200,000 values) lets them
        # be: each list's rule names the first 99 and counts the rest; a
        # record given again is made once. Past the limit, refused at once.
        "yaml: 39,000 aliases of one assessment": lambda: (
            "yaml",
            BASE + "assessments: [&a {question: 1, grade: good}" + ", *a" * n(39_000) + "]\n",
        ),
        "yaml: 39,000 aliases of two assessments in turn": lambda: (
            "yaml",
            BASE
            + "assessments: [&a {question: 1, grade: good}, &b {question: 2, grade: good}"
            + ", *a, *b" * n(19_500)
            + "]\n",
        ),
        "yaml: 39,000 aliases of two reports in turn": lambda: (
            "yaml",
            "- &r {force: kent, cycle: 2016}\n- &s {force: essex, cycle: 2016}\n"
            + "- *r\n- *s\n" * n(19_500),
        ),
        "yaml: 19,500 aliases of a stay in Engage": lambda: (
            "yaml",
            "monitoring: [&s {force: kent, entered: 2019-04, reason: x, entered_sources: [HMIC]}"
            + ", *s" * n(19_500)
            + "]\n",
        ),
        "yaml: 380,000 outcome rows of one type, written out": lambda: (
            "yaml",
            BASE
            + "outcome_tables:\n - key: f\n   title: t\n   measure: share_of_offences\n"
            + "   period: 12 months to 30 June 2016\n   rows:\n    - group: g\n      outcomes: [1]\n"
            + "      members:\n"
            + "       - {outcome: 1, label: l}\n" * n(380_000),
        ),
        "yaml: 400,000 aliases of a text of 6,000 line breaks": lambda: (
            "yaml",
            BASE
            + 'summary: &a "'
            + "x\u2028" * n(6_000)
            + '"\nxs: ['
            + ", ".join(["*a"] * n(400_000))
            + "]\n",
        ),
        # Few values, many bytes: what aliases of long texts stand for,
        # written out, is bounded by the size limit (dump writes it out, and
        # each is checked where it stands), so as many as that lets.
        "yaml: 30 aliases of a 1 MiB text": lambda: (
            "yaml",
            BASE
            + "summary: &a '"
            + "x" * n(2**20)
            + "'\ngrade: good\ngrade_sources: ["
            + ", ".join(["*a"] * 30)
            + "]\n",
        ),
        "yaml: 30,000 aliases of a 1 KiB text": lambda: (
            "yaml",
            BASE
            + "summary: &a '"
            + "x" * 1024
            + "'\ngrade: good\ngrade_sources: ["
            + ", ".join(["*a"] * n(30_000))
            + "]\n",
        ),
        "yaml: 10,000,000 line breaks in a comment": lambda: (
            "yaml",
            BASE + "# " + "\u2028" * n(10_000_000) + "\n",
        ),
        # One problem past a file of blank lines: the line starts were held,
        # a number each (1.7 GB for 32 MiB).
        "json: 32 MiB of blank lines, one problem": lambda: (
            "json",
            '{"force": "kent", "cycle": "2016",' + "\n" * n(32 * MIB - 60) + '"grade": "goood"}',
        ),
        # A folder's problems were listed without bound (34 s, 650 MB).
        "folder: 10,000 files of 50 empty reports": lambda: (
            "folder",
            {f"r{i:05}.json": "[" + ",".join(["{}"] * 50) + "]" for i in range(n(10_000))},
        ),
        "folder: 10,000 files of one report": lambda: (
            "folder",
            {f"r{i:05}.json": '{"force": "kent", "cycle": "2016"}' for i in range(n(10_000))},
        ),
        # Files of other kinds are not data files, and not counted as them.
        "folder: 300,000 text files and a report": lambda: (
            "folder",
            {"kent.yaml": BASE, **{f"note{i:06}.txt": "" for i in range(n(300_000))}},
        ),
        # Breaks in comments and a fault on another line: each break's line
        # was counted from the start of the file (a minute for 4 MiB).
        "yaml: 6,400 line breaks in comments, a fault after": lambda: (
            "yaml",
            BASE
            + "#"
            + "x" * n(4 * MIB)
            + "\n"
            + "".join(f"# note \u2028 {i}\n" for i in range(6400))
            + "summary: [unclosed\n",
        ),
        "json: 430 full reports, valid": lambda: ("json", json.dumps(_corpus(scale), default=str)),
        "yaml: 430 full reports, valid": lambda: ("yaml", _corpus_yaml(scale)),
    }


def _stays(count: int) -> str:
    # Open-ended stays a day apart: every one overlaps the one before.
    import datetime as dt

    first = dt.date(1900, 1, 1)
    days = (first + dt.timedelta(days=i) for i in range(count))
    return json.dumps({"monitoring": [{"force": "kent", "entered": d.isoformat()} for d in days]})


def _corpus(scale: float) -> list[dict[str, object]]:
    sys.path.insert(0, str(Path(__file__).parent))
    import corpus

    return corpus.documents(max(1, round(43 * scale)))


def _corpus_yaml(scale: float) -> str:
    import corpus

    _corpus(0)
    return corpus.yaml_text(_corpus(scale))


def _alias_bomb(nodes: int) -> str:
    # Nine aliases of nine: each level ten times the one below, up to just
    # under the limit on values.
    text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    size, level = 10, "a"
    for name in "bcdefg":
        if size * 9 > nodes:
            break
        text += f"{name}: &{name} [" + ", ".join([f"*{level}"] * 9) + "]\n"
        size, level = size * 9, name
    return text


def run(path: Path) -> tuple[float, float, str]:
    """Seconds, peak MB and outcome of loading ``path`` in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out = proc.stdout.read().strip() if proc.stdout else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        return elapsed, usage.ru_maxrss / 1024, f"CRASHED (exit {proc.returncode}) {out}"
    outcome, peak, _ = out.rsplit(" ", 2)
    # Where the system does not say (no /proc), the rusage's figure, an upper bound.
    return elapsed, (int(peak) or usage.ru_maxrss) / 1024, outcome


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small versions of each case")
    ap.add_argument("--json", help="write the results to this file")
    ap.add_argument("--only", default="", help="only the cases whose names hold this text")
    args = ap.parse_args()
    scale = 0.01 if args.quick else 1.0
    results = []
    print(f"{'case':<42} {'MiB':>6} {'s':>6} {'budget':>6} {'MB':>6} {'budget':>6}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases(scale).items():
            if args.only not in name:
                continue
            suffix, text = make()
            path = Path(tmp, f"case.{suffix}")
            if suffix == "folder":
                path.mkdir()
                for file, one in text.items():
                    (path / file).write_text(one, encoding="utf-8")
                size = sum(f.stat().st_size for f in path.iterdir()) / MIB
            else:
                path.write_text(text, encoding="utf-8")
                size = path.stat().st_size / MIB
            del text
            seconds, peak, outcome = run(path)
            time_budget, memory_budget = 2 + size, 200 + 20 * size
            ok = seconds <= time_budget and peak <= memory_budget and "CRASHED" not in outcome
            results.append(
                {"case": name, "mib": size, "seconds": seconds, "peak_mb": peak, "ok": ok, "outcome": outcome}
            )
            print(
                f"{name:<42} {size:6.2f} {seconds:6.2f} {time_budget:6.1f} {peak:6.0f} {memory_budget:6.0f}"
                f"  {'' if ok else 'OVER: '}{outcome[:40]}",
                flush=True,
            )
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    over = [r["case"] for r in results if not r["ok"]]
    print(f"\n{len(results) - len(over)} of {len(results)} cases within budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
