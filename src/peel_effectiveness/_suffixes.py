"""What a file's name says it holds: its suffix, and the format it names.

One table for every place a name is read: the data files ``load`` reads
(YAML, JSON) and those it refuses to read as data, the files ``--output``
writes and refuses to write in another format, and the charts.
"""

from __future__ import annotations

import os

__all__ = ["NAMED", "alone_said", "named_by", "names_of", "suffix_alone", "suffix_of"]

_COMPRESSED = (
    ".gz", ".gzip", ".bz2", ".xz", ".zip", ".zst", ".tgz", ".tbz2", ".txz", ".7z", ".rar", ".tar",
    ".lz", ".lz4", ".lzma", ".z", ".br",
)  # fmt: skip

# Each suffix that names a format, with the format: the package's own word
# for those it reads and writes ("yaml", "csv", "sqlite", "png"...).
NAMED: dict[str, str] = {
    ".yaml": "yaml", ".yml": "yaml", ".json": "json",
    ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "markdown", ".markdown": "markdown",
    ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite", ".png": "png", ".svg": "svg",
    ".xlsx": "xlsx", ".xls": "xlsx", ".ods": "ods", ".tsv": "tsv", ".parquet": "parquet",
    ".pdf": "pdf", ".html": "html", ".xml": "xml",
    **dict.fromkeys(_COMPRESSED, "compressed"),
}  # fmt: skip


def suffix_of(path: str | os.PathLike[str]) -> str:
    """A name's suffix in lower case: ``""`` for none, and for a hidden
    file's name (``.csv`` is a name, not a suffix: see :func:`suffix_alone`)."""
    return os.path.splitext(os.fsdecode(path))[1].lower()


def names_of(path: str | os.PathLike[str]) -> list[str]:
    """The names a file written at ``path`` goes by: its own, and where it
    is a link, that of the file it leads to (which is what is written);
    one with a NUL, which leads nowhere, its own alone."""
    given = os.fsdecode(path)
    return [given] if "\0" in given else list(dict.fromkeys((given, os.path.realpath(given))))


def named_by(path: str | os.PathLike[str]) -> list[tuple[str, str]]:
    """Each of :func:`names_of` that says a format (in :data:`NAMED`), with
    the format; a name only a folder can have says nothing of the file
    realpath tidies it to."""
    names = names_of(path)
    if names[0].endswith(("/", os.sep)):
        names = names[:1]
    return [(n, NAMED[s]) for n in names if (s := suffix_of(n)) in NAMED]


def suffix_alone(path: str | os.PathLike[str]) -> bool:
    """Whether a name is a suffix alone (``.csv``, ``..csv``): a hidden
    file's name, which was most likely meant as a file of that format."""
    base = os.path.basename(os.fsdecode(path)).lower()
    return base.startswith(".") and "." + base.lstrip(".") in NAMED


def alone_said(path: str | os.PathLike[str], stem: str) -> str:
    """What to do about a name that is a suffix alone (``stem``: a name to suggest)."""
    suffix = os.path.basename(os.fsdecode(path)).lower().lstrip(".")
    return f"a suffix alone is a hidden file's name, without a suffix: name it {stem}.{suffix}"
