"""The command line run in this process, as the tests call it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from peel_effectiveness.cli import main


def run(*args: str) -> tuple[int, str, str]:
    """Runs ``peel-effectiveness ARGS``; gives the exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def rows(text: str) -> list[dict[str, str]]:
    """The rows of a CSV output, each a mapping of column to cell."""
    return list(csv.DictReader(io.StringIO(text, newline="")))


def run_on(folder: Path, text: str, *args: str) -> tuple[int, str, str]:
    """``run(*args)`` on the data of a file of ``text`` alone (``--data
    FILE --no-bundled``), written in ``folder``."""
    mine = folder / "mine.yaml"
    mine.write_text(text, encoding="utf-8")
    return run("--data", str(mine), "--no-bundled", *args)
