"""What the readers of YAML and JSON text give: a parsed document, or why not.

Kept apart from the readers so that reading JSON does not import PyYAML.
"""

from __future__ import annotations

from typing import Any

Path = tuple[str | int, ...]


class Parsed:
    """A parsed document: its value, where each value starts, and the
    problems that did not stop the reading."""

    __slots__ = ("key_lines", "lines", "problems", "value")

    def __init__(
        self,
        value: Any,
        lines: dict[Path, int | None],
        key_lines: dict[Path, int],
        problems: list[tuple[Path, int | None, str]],
    ) -> None:
        self.value, self.lines, self.key_lines, self.problems = value, lines, key_lines, problems


class Unreadable(Exception):
    """The document cannot be read at all (not YAML or JSON, or over a limit)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


class NeedDetail(Exception):
    """The fast reader met something it leaves to the detailed one."""
