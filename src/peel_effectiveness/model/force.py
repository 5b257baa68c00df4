"""The 43 territorial police forces of England and Wales, and finding them by name.

British Transport Police is not a territorial force and is outside PEEL.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs

from ..errors import NotFoundError, PeelDataError, Problem
from ._field_limits import ONE_LINE, SOURCES, Items, Matches
from ._force_table import FORCES as _TABLE
from ._force_table import OUT_OF_SCOPE, SHORT_FORMS
from ._messages import describe, fail, shown
from ._sealed import Sealed
from ._validators import valid
from ._values import lenient, plain_text, text, texts, to_texts
from ._words import NOUNS, SPACE, Words, member

__all__ = ["Country", "Force", "find_force", "force", "forces", "territorial"]


class Country(Words):
    """The country a force polices."""

    ENGLAND = "England"
    WALES = "Wales"


NOUNS[Country] = "a country"

_NAME = valid(text, Matches(ONE_LINE, "a name (one line of text, not blank)"))
_NAMES = Items("a name")  # each one line, not blank
COUNTRY = member(Country)
# What the registry's regions are: the exports say it, and Force's docstring (a test keeps them alike).
REGIONS_ARE = (
    "a conventional grouping, not checked against HMIC's own (the four Yorkshire and the Humber "
    'forces are put in "North East", and "Eastern" is assumed: the least sure)'
)


def to_country(value: Country | str) -> object:
    """A country's name as the country (anything else as it was, for the field's validator)."""
    return value if value.__class__ is Country else lenient(COUNTRY, value)


@attrs.frozen
class Force(Sealed):
    """A territorial police force.

    Attributes:
        id: A stable lower-case id, as in HMICFRS web addresses (``"cumbria"``,
            ``"avon-and-somerset"``).
        official_name: The force's name at the time of the 2016 reports,
            e.g. ``"Cumbria Constabulary"``.
        short_name: The name used in tables, e.g. ``"Cumbria"``.
        gss_code: The ONS police force area code, e.g. ``"E23000002"``.
        country: England or Wales.
        region: The policing region: a conventional grouping, not checked
            against HMIC's own (the four Yorkshire and the Humber forces are
            put in "North East", and "Eastern" is assumed: the least sure).
        ons_name: The ONS police force area name, e.g. ``"London, City of"``.
        aliases: Other spellings people use (``"Met"``, ``"GMP"``).
        later_names: Names the force took later, newest last (Hampshire
            Constabulary became Hampshire and Isle of Wight Constabulary).
        sources: Where the names, code and region come from (web
            addresses), each one line, not blank: for the 43, the registry's
            (ONS's code file, and the pages the library's table of the forces
            cites), which one of them written out without any takes.

    Data files name a force by its id (or any name :func:`find_force` knows).
    A force of your own, written out whole, has an id and a GSS code none of
    the 43 has: one of the 43 is always the registry's, whole. A dataset
    finds it by its names (:meth:`~peel_effectiveness.Dataset.find_force`),
    and the ``forces`` table holds it beside the 43.

    Examples:
        >>> f = find_force("Avon & Somerset")
        >>> f.official_name, f.gss_code
        ('Avon and Somerset Constabulary', 'E23000036')
        >>> Force("x", "X Police", "X", "", "England", "South")
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: gss_code: '' is not an ONS police force area code (E23 or W15 and six digits)
    """

    id: str = attrs.field(
        validator=valid(
            text, Matches(r"[a-z]+(-[a-z]+)*", "a force id (words of the letters a to z, joined by hyphens)")
        )
    )
    official_name: str = attrs.field(validator=_NAME)
    short_name: str = attrs.field(validator=_NAME)
    gss_code: str = attrs.field(
        validator=valid(
            text,
            Matches(r"E23[0-9]{6}|W15[0-9]{6}", "an ONS police force area code (E23 or W15 and six digits)"),
        )
    )
    country: Country = attrs.field(converter=to_country, validator=valid(COUNTRY))
    region: str = attrs.field(validator=_NAME)
    ons_name: str = attrs.field(default="", validator=valid(text))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_texts, validator=valid(texts, _NAMES))
    later_names: tuple[str, ...] = attrs.field(default=(), converter=to_texts, validator=valid(texts, _NAMES))
    sources: tuple[str, ...] = attrs.field(
        # One of the 43 written out whole, as before forces had sources, is
        # still the registry's: its sources are the registry's.
        default=attrs.Factory(lambda self: _registry_sources(self.id), takes_self=True),
        converter=to_texts,
        validator=valid(texts, SOURCES),
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        # The code's prefix is its country's: E23 England, W15 Wales.
        if self.gss_code[:1] in ("E", "W") and self.gss_code[:1] != self.country.value[:1]:
            where = "England" if self.gss_code.startswith("E") else "Wales"
            why = f"{self.gss_code} is the code of a force in {where}, not {self.country.value}"
            problems.append(Problem(why, path="gss_code"))
        # One of the 43 is the registry's, whole: a force of one's own with
        # its id or code would be taken for it (in every table's force column).
        by_id, by_code = _registry_rows()
        row = by_id.get(self.id)
        mine = (self.id, self.official_name, self.short_name, self.ons_name, self.gss_code)
        if (
            row is not None
            and (*mine, self.country.value, self.region, self.aliases, self.later_names, self.sources) == row
        ):
            row = None  # one of the 43, whole
        elif row is not None:
            why = (
                f"{self.id!r} is the id of {row[1]}, one of the 43 territorial forces: name it by its id "
                "alone; a force of your own needs an id of its own"
            )
            problems.append(Problem(why, path="id"))
        if row is not None or self.id not in by_id:
            # A force of one's own: its code and names too are said where
            # one of the 43 has them, all at once.
            taken = by_code.get(self.gss_code)
            if taken is not None:
                why = (
                    f"{self.gss_code} is the code of {taken[1]}: a force of your own needs a code of its own"
                )
                problems.append(Problem(why, path="gss_code"))
            problems += [p for p in _names_taken(self) if row is None or p.path != "id"]
        if problems:
            raise PeelDataError(problems)

    def __str__(self) -> str:
        return self.official_name

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the force is found by, id first."""
        names = (
            self.id,
            self.official_name,
            self.short_name,
            self.gss_code,
            self.ons_name,
            *self.aliases,
            *self.later_names,
        )
        return tuple(dict.fromkeys(n for n in names if n))


def force(value: object) -> Force:
    """A force: a :class:`Force`, or its id or a name :func:`find_force` knows."""
    if value.__class__ is Force:
        return value
    if not isinstance(value, str):
        fail(f"expected a force's id or name, got {describe(value)}")
    if not value.isprintable() and any(not c.isprintable() and c not in SPACE for c in value):
        # A name is read case and punctuation aside, and these unseen ones
        # too (a soft hyphen, a mark that turns text around): a file's
        # force is said as a grade is, with nothing a reader cannot see.
        fail(
            f"expected a force's id or name, got {describe(value)}, which holds a control or format character"
        )
    try:
        return find_force(value)
    except NotFoundError as e:
        fail(f"unknown force: {e}")


force.accepts = frozenset({Force})  # type: ignore[attr-defined]


def to_force(value: Force | str) -> object:
    """A force's id or name as the force (anything else as it was, for the field's validator)."""
    return value if value.__class__ is Force else lenient(force, value)


@functools.cache
def forces() -> tuple[Force, ...]:
    """All 43 territorial forces, in alphabetical order of id.

    Examples:
        >>> len(forces())
        43
    """
    return tuple(
        Force(fid, official, short, code, Country(country), region, ons, aliases, other, sources)
        for fid, official, short, ons, code, country, region, aliases, other, sources in sorted(_TABLE)
    )


@functools.cache
def _registry_rows() -> tuple[dict[str, tuple[object, ...]], dict[str, tuple[object, ...]]]:
    """The registry's rows (id, names, code, country, region, aliases,
    later names, sources) by id and by GSS code: read from the table, not from the
    forces, which are made with the check that reads these."""
    return {r[0]: r for r in _TABLE}, {r[4]: r for r in _TABLE}


def _registry_sources(fid: object) -> tuple[str, ...]:
    """The sources of the force of the 43 with the id ``fid``; none for any other."""
    # (Text of a class of str's own is no id, and is not looked up.)
    row = _registry_rows()[0].get(fid) if fid.__class__ is str else None
    return () if row is None else row[9]  # type: ignore[return-value]


def _names_taken(force: Force) -> list[Problem]:
    """The names of a force of one's own that name one of the 43, as
    :func:`find_force` reads names ("Kent Constabulary" names Kent)."""
    taken, rows = _name_index(), _registry_rows()[0]
    problems = []
    for field in ("id", "official_name", "short_name", "ons_name", "aliases", "later_names"):
        value = getattr(force, field)
        for i, name in enumerate((value,) if isinstance(value, str) else value):
            fid = next((taken[k] for k in _keys(name) if k and k in taken), None)
            if fid is not None:
                path = field if isinstance(value, str) else f"{field}[{i}]"
                why = f"{name!r} names {rows[fid][1]}, one of the 43: a force of your own needs names of its own"
                problems.append(Problem(why, path=path))
    return problems


@functools.cache
def _name_index() -> dict[str, str]:
    """Every name of the 43 as :func:`find_force` reads it (whole, and
    without "Police": the whole name first), with its force's id; read
    from the table, not from the forces, which are made with the check
    that reads it."""
    index: dict[str, str] = {}
    for fid, official, short, ons, code, _, _, aliases, later, _ in sorted(_TABLE):
        for name in filter(None, (fid, official, short, code, ons, *aliases, *later)):  # as Force.names
            key, bare = _keys(name)
            index[key] = fid
            index.setdefault(bare, fid)
    return index


def find_own(name: str, among: Iterable[Force]) -> Force | None:
    """The force of one's own among ``among`` that ``name`` names, read as
    :func:`find_force` reads names; ``None`` where none does.

    Raises:
        NotFoundError: The name is more than one force's.
    """
    key, bare = _keys(name)
    among = list(among)
    by_id = [f for f in among if f.id == name]
    if by_id or not key:  # an id is the force's, whatever other names say; a name of no letters names none
        return by_id[0] if by_id else None
    exact: dict[str, Force] = {}
    loose: dict[str, Force] = {}
    for f in among:
        for n in f.names:
            keys = _keys(n)
            if key in keys:
                exact.setdefault(f.id, f)
            elif bare and bare in keys:
                loose.setdefault(f.id, f)
    found = exact or loose
    if len(found) > 1:
        raise NotFoundError(
            f"{shown(name)} names {len(found)} forces: {', '.join(sorted(found))}; name one by its id"
        )
    return next(iter(found.values()), None)


def _keys(name: str) -> tuple[str, str]:
    """A name as :func:`find_force` reads it, whole and without "Police"."""
    key = name_key(name)
    return key, _SUFFIX.sub("", key).strip()


def territorial(force: Force) -> bool:
    """Whether ``force`` is one of the 43 territorial forces, not a force
    of your own (which cannot take one of their ids: see :class:`Force`).

    Raises:
        TypeError: ``force`` is no Force (:func:`find_force` finds one by name).

    Examples:
        >>> territorial(find_force("kent"))
        True
    """
    if not isinstance(force, Force):
        raise TypeError(f"territorial() takes a Force (find_force gives one), not {type(force).__name__}")
    return force.id in _registry_rows()[0]


_SUFFIX = re.compile(r"\b(police service|police force|constabulary|police)$")


def name_key(name: str) -> str:
    """A name as :func:`find_force` reads it whole: two names of one key
    name one force."""
    # Letters and digits of any script: a name in Chinese is not the empty
    # key of every name without Latin letters.
    name = name.casefold().replace("&", " and ")
    name = re.sub(r"[\W_]+", " ", name)
    return " ".join(name.split())


# The forces by id, filled on first use: data files name forces by id.
_BY_ID: dict[str, Force] = {}


def _by_id() -> dict[str, Force]:
    if not _BY_ID:
        _BY_ID.update((force.id, force) for force in forces())
    return _BY_ID


@functools.cache
def _index() -> dict[str, Force]:
    by_id = _by_id()
    return {key: by_id[fid] for key, fid in _name_index().items()}


def find_force(name: str | Force) -> Force:
    """Find a force by id, official or short name, GSS code or alias.

    Case, punctuation and "&" versus "and" do not matter, nor does a trailing
    "Police" or "Constabulary".

    Raises:
        NotFoundError: No force has that name; the closest names are suggested.

    Examples:
        >>> find_force("cumbria constabulary").id
        'cumbria'
        >>> find_force("E23000001").short_name
        'Metropolitan'
        >>> find_force("Met").official_name
        'Metropolitan Police Service'
        >>> find_force("Cumbira")
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.NotFoundError: no force called 'Cumbira' (did you mean: Cumbria?)
    """
    if isinstance(name, Force):
        return name
    if not isinstance(name, str):
        raise TypeError(f"a force is named by text, not {type(name).__name__}")
    name = plain_text(name)
    found = force_named(name)
    if found is not None:
        return found
    if outside_peel(name):
        raise NotFoundError(f"{shown(name)} is not one of the 43 territorial forces, and is outside PEEL")
    raise NotFoundError(f"no force called {shown(name)}", closest_forces(name))


def outside_peel(name: str) -> bool:
    """Whether ``name`` names a police force outside PEEL: British Transport
    Police, the Civil Nuclear Constabulary, the Ministry of Defence Police,
    Police Scotland, the Police Service of Northern Ireland, the forces of
    the Isle of Man, Jersey and Guernsey, the National Crime Agency (or
    their short forms), as :func:`find_force` reads names."""
    key, bare = _keys(plain_text(name))  # (a class of str's own: the text it holds)
    return key in OUT_OF_SCOPE or bare in OUT_OF_SCOPE


def force_named(name: str) -> Force | None:
    """The force of the 43 that ``name`` names, as :func:`find_force` reads
    it, or ``None`` (without the suggestions a refusal works out: a mapping
    of figures asks this of every key)."""
    by_id = _by_id()
    if name in by_id:  # as data files name forces; the full index costs more to build
        return by_id[name]
    key, bare = _keys(name)
    index = _index()
    return index.get(key) or index.get(bare)


def closest_forces(name: str, n: int = 3) -> tuple[str, ...]:
    """The short names of the forces whose names are closest to ``name``:
    a short form people write (``hants``), names that start with it
    (``devon``), then names spelt alike.

    Examples:
        >>> closest_forces("devon"), closest_forces("hants"), closest_forces("west mids")
        (('Devon and Cornwall',), ('Hampshire',), ('West Midlands',))
    """
    key = name_key(name)
    if not key or len(key) > 100:
        return ()
    index = _index()
    if key in SHORT_FORMS:
        return (_by_id()[SHORT_FORMS[key]].short_name,)
    found = [f for k, f in index.items() if k.startswith(key + " ")]
    if not found:
        import difflib

        found = [index[m] for m in difflib.get_close_matches(key, list(index), n=n * 4, cutoff=0.6)]
    return tuple(dict.fromkeys(f.short_name for f in found))[:n]
