"""A data package: the tidy tables as CSV files, with a machine-readable
description of their columns (a Frictionless ``datapackage.json`` with a
Table Schema for each table), for tools that read data packages.

The schemas follow from the tables' declared columns (:mod:`.columns`).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

from .._files import write_file
from ..model.dataset import Dataset
from ..model.reports import InspectionReport
from ._about import LICENCE, LICENCE_URL, PEEL_URL, about
from ._formats import excel_cell, render
from .columns import DATA_TABLES, KEYS, Column, Table, references, vocabulary
from .records import tidy, writer_arguments

__all__ = ["write_package"]

PACKAGE_FILES = ("datapackage.json", *(f"{table}.csv" for table in DATA_TABLES))
"""The files a data package may hold (the command line replaces a folder
holding only these)."""

_TYPES = {"text": "string", "number": "number", "integer": "integer", "date": "date", "boolean": "boolean"}


def _field(c: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": c.name,
        "type": _TYPES.get(c.kind, "string"),
        "description": c.description,
    }
    words = vocabulary(c.kind)
    if words is not None:
        field["constraints"] = {"enum": list(words)}
    return field


def _keys(table: str, columns: Sequence[Column]) -> dict[str, Any]:
    """The primary key and the foreign keys of a table's schema. A key that
    may have an empty column (an integrated cycle's pillar) is a primary key
    still, as Frictionless checks it (an empty column one value), which it
    does not check of Table Schema 2's ``uniqueKeys``, whose empty columns
    are left out of the check; SQL's stricter primary key is the SQLite
    export's concern (see :mod:`.sqlite`)."""
    out: dict[str, Any] = {"primaryKey": list(KEYS[table])}
    links = [(c.name, ref) for c in columns if (ref := references(c)) is not None]
    if links:
        out["foreignKeys"] = [
            {"fields": [name], "reference": {"resource": ref[0], "fields": [ref[1]]}} for name, ref in links
        ]
    return out


# A package's name, which says it is ours: a table of another's is never removed.
_NAME = "peel-effectiveness"


def write_package(
    obj: Dataset | InspectionReport | Iterable[InspectionReport],
    folder: str | os.PathLike[str],
    tables: Sequence[Table] | None = None,
    *,
    data: Dataset | None = None,
    excel: bool = False,
) -> str:
    """Write the tables as ``<table>.csv`` files and their ``datapackage.json``
    in ``folder`` (made if need be); return the path of ``datapackage.json``.
    ``data``: where to find the previous cycles' reports and the stays in
    Engage (as in :func:`~peel_effectiveness.to_records`). ``tables``: by
    default every table of a dataset (:data:`.DATA_TABLES`), the stays in
    Engage only where a dataset (``obj`` or ``data``) gives them; the
    ``forces`` table always, which every other's ``force`` column refers
    to (each table's schema names its key and that reference). A table of
    a package of ours that ``folder`` held before, and that this one does
    not write, is removed; no other file is removed. With ``excel``, the CSV files are for
    spreadsheets (see ``--excel`` in the command line's documentation): a
    byte-order mark, declared as the ``utf-8-sig`` encoding, and text that
    would run as a formula behind a single quote.

    Each file is written whole or not at all (a temporary file beside it,
    moved into place when complete); the command line's ``export
    --package`` replaces the folder as a whole.

    Raises:
        TypeError: An argument of the wrong type.
        PeelDataError: An unknown table, or the stays in Engage asked for
            without a dataset.
        OSError: The folder or a file cannot be written.

    Examples:
        >>> import json, pathlib, tempfile
        >>> from peel_effectiveness import load_bundled
        >>> data = load_bundled()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = write_package(data.for_force("cumbria"), tmp, data=data)
        ...     package = json.loads(pathlib.Path(path).read_text())
        >>> [r["name"] for r in package["resources"]]
        ['forces', 'measurements', 'judgments', 'other_grades', 'outcomes', 'grid', 'monitoring']
        >>> package["resources"][2]["schema"]["foreignKeys"]
        [{'fields': ['force'], 'reference': {'resource': 'forces', 'fields': ['id']}}]
    """
    from ..analysis import _args

    source, names, data = writer_arguments(obj, "folder", folder, tables, data, "a folder")
    excel = _args.flag("excel", excel)
    # Every table is made before any is written: one that cannot be made
    # (the stays in Engage without a dataset) leaves the folder as it was.
    made = [tidy(source, table, data=data, caller="write_package") for table in names]
    os.makedirs(folder, exist_ok=True)
    resources = []
    for table, columns, rows in made:
        text = render(rows, [c.name for c in columns], "csv", excel=excel)
        write_file(os.path.join(folder, f"{table}.csv"), text.encode("utf-8"))
        fields = [_field(c) for c in columns]
        if excel:  # named as the header has them (a name a spreadsheet would run, behind a quote)
            fields = [f | {"name": excel_cell(f["name"])} for f in fields]
        schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
        schema |= _keys(table, columns)
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig" if excel else "utf-8",
                "schema": schema,
            }
        )
    said = dict(about(source, names))
    package = {
        "profile": "tabular-data-package",
        "name": _NAME,
        "title": "PEEL inspection results for the police forces of England and Wales",
        "description": " ".join(
            [
                f"Made by {said['made_by']}.",
                said["sources"],
                *([f"{said['judgment_sources']}."] if "judgment_sources" in said else []),
                *(said[k] for k in ("other_data", "own_forces") if k in said),
            ]
        ),
        "licenses": [{"name": "OGL-UK-3.0", "title": LICENCE, "path": LICENCE_URL}],
        "sources": [
            {"title": "HMICFRS PEEL assessments", "path": PEEL_URL},
            *([{"title": said["judgment_sources"]}] if "judgment_sources" in said else []),
        ],
        "resources": resources,
    }
    path = os.path.join(folder, "datapackage.json")
    before = _tables_listed(path)
    write_file(path, (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    # A table of the package this one replaces, and not of this one, would
    # be left beside it unlisted: removed (no other file is).
    for name in before - {r["path"] for r in resources}:
        with contextlib.suppress(FileNotFoundError):
            os.remove(os.path.join(folder, name))
    return path


def _tables_listed(path: str) -> set[str]:
    """The tables' files a package of ours at ``path`` lists, each as ours
    names it (none where there is no package, or it is another's)."""
    try:
        with open(path, encoding="utf-8") as f:
            package = json.load(f)
        if package.get("name") != _NAME:
            return set()
        return {
            r["path"]
            for r in package.get("resources", [])
            if isinstance(r, dict) and r.get("name") in DATA_TABLES and r.get("path") == f"{r['name']}.csv"
        }
    except (OSError, ValueError, AttributeError, TypeError, RecursionError):
        return set()
