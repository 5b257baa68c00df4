"""Rewrite the output of every ```console block in the docs by running its command.

A block is a ``$ peel-effectiveness ...`` line and what the terminal shows:
the command's output, or, when it fails, its message on standard error.
tests/test_docs_commands.py checks that each still prints exactly that.

Usage: python tools/make_docs_outputs.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```console\n(\$ (peel-effectiveness [^\n]*))\n.*?```", re.DOTALL)


def main() -> None:
    exe = shutil.which("peel-effectiveness") or f"{sys.executable} -m peel_effectiveness"

    def run(m: re.Match[str]) -> str:
        command = m.group(2).replace("peel-effectiveness", exe, 1)
        p = subprocess.run(["bash", "-c", command], capture_output=True, text=True)
        return f"```console\n{m.group(1)}\n{p.stdout if p.returncode == 0 else p.stderr}```"

    for page in sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]):
        text = page.read_text(encoding="utf-8")
        new = BLOCK.sub(run, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"updated {page.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
