"""The tables as one SQLite database, for SQL clients and Datasette, with
the standard library's :mod:`sqlite3` alone.

Each table has the columns of :mod:`.columns` with SQL types by their kind
(text, cycles, grades and dates ``TEXT``, dates as ISO 8601; numbers
``REAL``; whole numbers ``INTEGER``; yes or no ``INTEGER``, 1 or 0), a
``CHECK`` that a closed vocabulary's column holds one of its words, its key
as a unique index (``<table>_key``), and as ``PRIMARY KEY`` where no column
of it may be empty, and every ``force`` column a ``FOREIGN KEY`` to
``forces(id)``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from typing import Any

from ..model.dataset import Dataset
from ..model.reports import InspectionReport
from ._about import about
from ._chart_words import MAKER
from .columns import DATA_TABLES, EMPTY_IN_KEYS, KEYS, Column, Table, references, vocabulary
from .records import tidy, writer_arguments

__all__ = ["write_sqlite"]

_TYPES = {"number": "REAL", "integer": "INTEGER", "boolean": "INTEGER"}


def _name(identifier: str) -> str:
    """An identifier quoted for SQL (``table``, ``row`` and ``group`` are
    words of SQL)."""
    return '"' + identifier.replace('"', '""') + '"'


def _literal(word: str) -> str:
    return "'" + word.replace("'", "''") + "'"


def _column(c: Column) -> str:
    sql = f"{_name(c.name)} {_TYPES.get(c.kind, 'TEXT')}"
    words = vocabulary(c.kind)
    if words is not None:
        sql += f" CHECK ({_name(c.name)} IN ({', '.join(map(_literal, words))}))"
    if c.kind == "boolean":
        sql += f" CHECK ({_name(c.name)} IN (0, 1))"
    return sql


def create_table(table: str, columns: Sequence[Column]) -> str:
    """The ``CREATE TABLE`` statement of a table.

    Examples:
        >>> from peel_effectiveness.output.columns import COLUMNS
        >>> print(create_table("forces", COLUMNS["forces"]).splitlines()[-2])
          PRIMARY KEY ("id")
    """
    parts = [_column(c) for c in columns]
    # SQL's primary key is never empty (SQLite lets it be, but a copy into
    # another database refuses it): a key that may be is its unique index's.
    if EMPTY_IN_KEYS.isdisjoint(KEYS[table]):
        parts.append(f"PRIMARY KEY ({', '.join(map(_name, KEYS[table]))})")
    for c in columns:
        ref = references(c)
        if ref is not None:
            parts.append(f"FOREIGN KEY ({_name(c.name)}) REFERENCES {_name(ref[0])} ({_name(ref[1])})")
    return f"CREATE TABLE {_name(table)} (\n  " + ",\n  ".join(parts) + "\n)"


def key_index(table: str) -> str:
    """The ``CREATE UNIQUE INDEX`` statement that holds a table to one row a
    key: the table's key where it may have an empty (``NULL``) column, an
    integrated cycle's pillar, which a primary key may not; in this index an
    empty column is one value, as it is in the tables' keys.

    Examples:
        >>> print(key_index("forces"))
        CREATE UNIQUE INDEX "forces_key" ON "forces" (IFNULL("id", ''))
    """
    columns = ", ".join(f"IFNULL({_name(c)}, '')" for c in KEYS[table])
    return f"CREATE UNIQUE INDEX {_name(table + '_key')} ON {_name(table)} ({columns})"


def _value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def write_sqlite(
    obj: Dataset | InspectionReport | Iterable[InspectionReport],
    path: str | os.PathLike[str],
    tables: Sequence[Table] | None = None,
    *,
    data: Dataset | None = None,
) -> str:
    """Write the tables to a new SQLite database at ``path``, replacing any
    file there whole (or leaving it as it was if writing fails); return the
    path. A file an export must not replace is left as it is: a database
    that is not an export's, one in use or with changes not yet written
    into it (a ``-wal`` or ``-journal`` file beside it), or a file that
    cannot be read. ``data``: where to find the previous cycles' reports and the
    stays in Engage (as in :func:`~peel_effectiveness.to_records`);
    ``tables``, as in :func:`~peel_effectiveness.output.write_package`.

    Raises:
        TypeError: An argument of the wrong type.
        PeelDataError: An unknown table, or the stays in Engage asked for
            without a dataset.
        OSError: The file cannot be written, or is one an export must
            not replace (``FileExistsError``, saying why).

    An ``about`` table (``name``, ``value``) says who made the database,
    from which data, its licence and where its facts come from. Of the
    tables of data, ``forces`` comes first (and is written whenever a
    table refers to it), so that every other table's ``force`` refers to
    it; the foreign keys are checked as the rows go in.

    Examples:
        >>> import sqlite3, tempfile, pathlib
        >>> from peel_effectiveness import load_bundled
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = write_sqlite(load_bundled(), pathlib.Path(folder) / "peel.db")
        ...     db = sqlite3.connect(path)
        ...     found = db.execute(
        ...         "SELECT f.short_name, j.grade FROM judgments j JOIN forces f ON f.id = j.force"
        ...         " WHERE j.cycle = '2016' AND j.question = 'overall' AND f.region = 'North West'"
        ...         " ORDER BY f.short_name"
        ...     ).fetchall()
        ...     db.close()
        >>> found[:2]
        [('Cheshire', 'good'), ('Cumbria', 'good')]
    """
    import errno
    import sqlite3

    from .._files import made_aside, write_file

    source, names, data = writer_arguments(obj, "path", path, tables, data, "a file")
    _not_of_others(path)
    made = [tidy(source, table, data=data, caller="write_sqlite") for table in names]
    made.sort(key=lambda t: t[0] != "forces")  # referred to first
    # Made in a folder of its own, then written to its place whole (the
    # folder is removed however the block ends; the command line's Ctrl-C,
    # SIGTERM and SIGHUP, which end it at once, remove it first).
    with made_aside() as folder:
        built = os.path.join(folder, "peel.db")
        db = sqlite3.connect(built)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            with db:
                # What the database is and where its facts come from, as a
                # chart's footer and a package's description say it.
                db.execute(
                    'CREATE TABLE "about" (\n  "name" TEXT PRIMARY KEY NOT NULL,\n  "value" TEXT NOT NULL\n)'
                )
                db.executemany('INSERT INTO "about" VALUES (?, ?)', about(source, [t for t, _, _ in made]))
                for table, columns, rows in made:
                    db.execute(create_table(table, columns))
                    db.execute(key_index(table))
                    cells = [c.name for c in columns]
                    db.executemany(
                        f"INSERT INTO {_name(table)} ({', '.join(map(_name, cells))}) "
                        f"VALUES ({', '.join('?' for _ in cells)})",
                        ([_value(row[n]) for n in cells] for row in rows),
                    )
        except sqlite3.OperationalError as e:
            # Where the database could not be made (a full disk, a quota):
            # said as any file that cannot be written.
            raise OSError(errno.EIO, f"the database could not be made ({e})", os.fspath(path)) from None
        finally:
            db.close()
        with open(built, "rb") as f:
            write_file(path, f.read())
    return os.fspath(path)


# What an export's database holds: these tables (with their indexes), and
# SQLite's own; its about table says it was made by this library.
_OURS = frozenset({"about", *DATA_TABLES})


def _not_of_others(path: str | os.PathLike[str]) -> None:
    """Nothing, unless ``path`` is a file an export must not replace
    (``FileExistsError``, saying why): a SQLite database that is not an
    export's (a table, view or trigger of your own, or no ``about`` that
    says this library made it), one with changes not yet written into it
    (a ``-wal`` or ``-journal`` file beside it: replaced, it would be read
    with them), a file that is not empty and no SQLite database (``.db``
    names many kinds of database), or a file that cannot be read, which
    cannot be told from one. A pipe or a device is written as it is, and
    not read: a pipe would wait.
    """
    import errno
    import pathlib
    import sqlite3
    import stat

    def refuse(why: str) -> FileExistsError:
        return FileExistsError(errno.EEXIST, f"{why}: name a new file", os.fspath(path))

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return  # a pipe or a device (writing a folder says what is wrong)
        with open(path, "rb") as f:
            head = f.read(16)
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there to keep (writing it says what is wrong)
    except OSError as e:
        raise refuse(
            f"it cannot be read ({e.strerror}), so it cannot be told from a database of your own"
        ) from None
    if head and head != b"SQLite format 3\x00":
        raise refuse("it is a file of your own, not an SQLite database, which replacing it would remove")
    real = os.path.realpath(path)
    for beside in ("-wal", "-journal"):  # an empty file's too: the new one would be read with them
        if os.path.lexists(real + beside):
            raise refuse(
                f"the database has changes not yet written into it, or is open ({os.path.basename(real)}{beside}): "
                "replaced, it would be read with them"
            )
    if not head:
        return  # an empty file: nothing to keep
    try:
        # immutable: read as it is, with no lock and no file made beside it.
        db = sqlite3.connect(pathlib.Path(real).as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            found = db.execute(
                "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') ORDER BY name"
            ).fetchall()
            made_by = (
                db.execute("SELECT value FROM about WHERE name = 'made_by'").fetchone()
                if ("table", "about") in found
                else None
            )
        finally:
            db.close()
    except sqlite3.Error as e:
        raise refuse(f"it is a database that cannot be read ({e}), which replacing it could remove") from None
    others = [
        name
        for kind, name in found
        if (kind != "table" or name not in _OURS) and not name.startswith("sqlite_")
    ]
    if others:
        from ..model._messages import first_of

        raise refuse(
            f"the database holds more than an export ({first_of(others, 3)}), which replacing it would remove"
        )
    # A database of no tables is no export either (its settings, a
    # user_version, are someone's).
    if not (made_by and str(made_by[0]).startswith(f"{MAKER} ")):
        raise refuse(
            "the database is not an export of this library's (its about table does not say so), which replacing it would remove"
        )
