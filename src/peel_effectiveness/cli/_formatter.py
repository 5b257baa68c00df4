"""How the command line's help is laid out: to the terminal's width, at
most 80 columns, the examples (commands) kept whole."""

from __future__ import annotations

import argparse


class Formatter(argparse.RawDescriptionHelpFormatter):
    # argparse asks the terminal for its width (importing shutil, and with it
    # the compression modules) for every parser it checks; $COLUMNS or 80 will do.
    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        if width is None:
            import os

            columns = os.environ.get("COLUMNS", "")
            # Anything but a plain, sensible number (a word, "²", 5,000 digits) is not a width.
            wide = columns.isascii() and columns.isdigit() and len(columns) <= 4 and int(columns) >= 20
            # A wider terminal gets the 80 columns every command writes in.
            width = (min(int(columns), 80) if wide else 80) - 2
        super().__init__(prog, indent_increment, max_help_position, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        # The descriptions are written for 80 columns, the examples (indented
        # lines) as commands: on a narrower terminal the prose is wrapped
        # again to it, the commands kept whole (a command cut is no command).
        lines = text.splitlines()
        if all(len(indent + line) <= width for line in lines):
            return super()._fill_text(text, width, indent)
        import itertools
        import textwrap

        out: list[str] = []
        prose: list[str] = []
        for line, after in itertools.zip_longest([*lines, ""], lines[1:], fillvalue=""):
            # Prose: a line not indented, nor the heading of indented ones ("Example:").
            if line.strip() and not line.startswith(" ") and not after.startswith(" "):
                prose.append(line)
                continue
            if prose:
                out += textwrap.wrap(
                    " ".join(prose),
                    width,
                    initial_indent=indent,
                    subsequent_indent=indent,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                prose = []
            out.append(indent + line)
        return "\n".join(out[:-1])
