"""Every command shown in the README and the docs runs, and the data-file example loads."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import figures
import peel_effectiveness as pe

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _blocks(path: Path, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


COMMANDS = sorted(
    {
        line.split("  #")[0].strip()
        for page in PAGES
        for block in _blocks(page, "sh")
        for line in block.splitlines()
        if line.startswith("peel-effectiveness")
    }
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("docs")
    report = pe.load_bundled().report("cumbria", 2016)
    (work / "my-force-2016.yaml").write_text(pe.dump(report), encoding="utf-8")
    (work / "my-folder").mkdir()
    (work / "my-folder" / "kent-2016.yaml").write_text(
        "force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8"
    )
    figures.folder(work / "my-figures")  # the figures of twelve forces, to rank
    return work


def test_there_are_commands_to_check() -> None:
    assert len(COMMANDS) >= 12


@pytest.mark.parametrize("command", COMMANDS)
def test_documented_command_runs(command: str, workdir: Path) -> None:
    exe = shutil.which("peel-effectiveness") or f"{sys.executable} -m peel_effectiveness"
    line = command.replace("peel-effectiveness", exe, 1)
    p = subprocess.run(
        ["bash", "-c", line], cwd=workdir, capture_output=True, text=True, timeout=120, env=os.environ
    )
    assert p.returncode == 0, (command, p.stderr)


def test_the_data_format_examples_load() -> None:
    block, *others = _blocks(ROOT / "docs" / "data-format.md", "yaml")
    for other in others:
        assert len(pe.loads(other)) >= 1
    report = pe.loads(block).report("kent", 2016)
    assert report.assessment(3).judgment is not None
    assert report.measurement("recorded_crime_rate").value == 70.1


def _console_blocks() -> list[tuple[str, str, str]]:
    """``(page, command, output)`` of every ```console block: a ``$`` line and what it prints."""
    found = []
    for page in PAGES:
        for block in _blocks(page, "console"):
            first, _, rest = block.partition("\n")
            assert first.startswith("$ peel-effectiveness "), (page, first)
            found.append((page.name, first[2:], rest))
    return found


CONSOLE = _console_blocks()


def test_there_are_outputs_to_check() -> None:
    assert len(CONSOLE) >= 8


@pytest.mark.parametrize(("page", "command", "output"), CONSOLE, ids=[c for _, c, _ in CONSOLE])
def test_documented_output_is_what_the_command_prints(page: str, command: str, output: str) -> None:
    exe = shutil.which("peel-effectiveness") or f"{sys.executable} -m peel_effectiveness"
    line = command.replace("peel-effectiveness", exe, 1)
    p = subprocess.run(["bash", "-c", line], capture_output=True, text=True, timeout=120, env=os.environ)
    # What the terminal shows: the data, or a failure's message and no data.
    if p.returncode != 0:
        assert p.stdout == "", (page, command)
        assert p.stderr == output, f"{page}: the message of {command!r} changed; update the page"
    else:
        assert p.stdout == output, f"{page}: the output of {command!r} changed; update the page"


def test_the_api_reference_covers_every_public_name_by_module() -> None:
    # Each public subpackage has its page, which renders its __all__; the
    # top level's names are each one subpackage's (see test_nothing_lost).
    pages = sorted((ROOT / "docs" / "reference").glob("*.md"))
    documented = {
        m
        for p in pages
        for m in re.findall(r"^::: peel_effectiveness\.(\S+)", p.read_text(encoding="utf-8"), re.M)
    }
    assert all(not part.startswith("_") for m in documented for part in m.split(".")), documented
    assert {"model", "io", "analysis", "output", "errors"} <= documented


def test_the_data_format_page_describes_every_field_and_column() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_docs_fields", ROOT / "tools" / "make_docs_fields.py")
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    page = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert tool.write(page) == page, "run python tools/make_docs_fields.py"
    # Every key of every record, and every column of every table, is on it.
    for d in pe.io.json_schema()["$defs"].values():
        for key in d.get("properties", {}):
            assert f"`{key}`" in page, key
    for columns in tool.COLUMNS.values():
        for c in columns:
            assert f"| `{c.name}` |" in page, c.name


def test_the_coverage_page_is_what_the_bundled_data_hold() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_docs_coverage", ROOT / "tools" / "make_docs_coverage.py"
    )
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    text = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert tool.write(text) == text, "run python tools/make_docs_coverage.py"
    data = pe.load_bundled()
    for cycle in pe.Cycle:
        assert f"### {cycle}\n" in text
    for cycle in data.cycles:
        assert all(c.total == 43 for c in pe.analysis.coverage(data, cycle))


def test_the_docs_name_every_table_of_the_data() -> None:
    # other_grades, which export and the package write, was missing from both lists.
    from peel_effectiveness.output.columns import DATA_TABLES

    for page in ("reference/outputs.md", "howto/export.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert all(f"`{table}`" in text for table in DATA_TABLES), page
    # The how-to's table of them gives each one's key as KEYS does.
    from peel_effectiveness.output.columns import KEYS

    rows = [
        line.split(" | ")
        for line in (ROOT / "docs" / "howto" / "export.md").read_text(encoding="utf-8").splitlines()
    ]
    keys = {r[0].split("`")[1]: r[-1].rstrip(" |") for r in rows if len(r) == 3 and r[0].startswith("| `")}
    assert keys == {table: ", ".join(KEYS[table]) for table in DATA_TABLES}
