"""A data package: the tidy tables as CSV files, with a machine-readable
description of their columns (a Frictionless ``datapackage.json`` with a
Table Schema for each table), for tools that read data packages.

The schemas follow from the tables' declared columns (:mod:`.columns`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

from ..model.dataset import Dataset
from ..model.reports import InspectionReport
from ._formats import render
from .columns import COLUMNS, Column, Table, vocabulary
from .records import to_records

__all__ = ["write_package"]

_TYPES = {"text": "string", "number": "number", "integer": "integer", "date": "date"}


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


def write_package(
    obj: Dataset | InspectionReport | Iterable[InspectionReport],
    folder: str | os.PathLike[str],
    tables: Sequence[Table] = ("measurements", "judgments", "outcomes"),
    *,
    data: Dataset | None = None,
) -> str:
    """Write the tables as ``<table>.csv`` files and their ``datapackage.json``
    in ``folder`` (made if need be); return the path of ``datapackage.json``.
    ``data``: where to find the previous cycles' reports (as in
    :func:`~peel_effectiveness.to_records`).

    Examples:
        >>> import json, pathlib, tempfile
        >>> from peel_effectiveness import load_bundled
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = write_package(load_bundled().for_force("cumbria"), tmp)
        ...     package = json.loads(pathlib.Path(path).read_text())
        >>> [r["name"] for r in package["resources"]]
        ['measurements', 'judgments', 'outcomes']
    """
    if data is None and isinstance(obj, Dataset):
        data = obj
    reports = list((obj,) if isinstance(obj, InspectionReport) else obj)
    os.makedirs(folder, exist_ok=True)
    resources = []
    for table in tables:
        columns = COLUMNS[table]
        text = render(to_records(reports, table, data=data), [c.name for c in columns], "csv")
        with open(os.path.join(folder, f"{table}.csv"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": [_field(c) for c in columns], "missingValues": [""]},
            }
        )
    package = {
        "profile": "tabular-data-package",
        "name": "peel-effectiveness",
        "title": "PEEL inspection results for the police forces of England and Wales",
        "licenses": [
            {
                "name": "OGL-UK-3.0",
                "title": "Open Government Licence v3.0 (HMIC/HMICFRS material)",
                "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            }
        ],
        "resources": resources,
    }
    path = os.path.join(folder, "datapackage.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    return path
