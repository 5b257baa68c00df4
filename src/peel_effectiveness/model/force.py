"""The 43 territorial police forces of England and Wales, and finding them by name.

British Transport Police is not a territorial force and is outside PEEL.
"""

from __future__ import annotations

import enum
import functools
import re
import typing

from ..errors import NotFoundError, PeelDataError, Problem
from ._force_table import FORCES as _TABLE
from ._record import record

__all__ = ["Country", "Force", "find_force", "forces"]


class Country(enum.Enum):
    """The country a force polices."""

    __noun__ = "a country"

    ENGLAND = "England"
    WALES = "Wales"

    def __str__(self) -> str:
        return self.value


@record(kw_only=False)
class Force:
    """A territorial police force.

    Attributes:
        id: A stable lower-case id, as in HMICFRS web addresses (``"cumbria"``,
            ``"avon-and-somerset"``).
        official_name: The force's name at the time of the 2016 reports,
            e.g. ``"Cumbria Constabulary"``.
        short_name: The name used in tables, e.g. ``"Cumbria"``.
        gss_code: The ONS police force area code, e.g. ``"E23000002"``.
        country: England or Wales.
        region: The policing region (conventional grouping; see the data notes).
        ons_name: The ONS police force area name, e.g. ``"London, City of"``.
        aliases: Other spellings people use (``"Met"``, ``"GMP"``).
        later_names: Names the force took later, newest last (Hampshire
            Constabulary became Hampshire and Isle of Wight Constabulary).

    Examples:
        >>> f = find_force("Avon & Somerset")
        >>> f.official_name, f.gss_code
        ('Avon and Somerset Constabulary', 'E23000036')
    """

    id: str
    official_name: str
    short_name: str
    gss_code: str
    country: Country
    region: str
    ons_name: str = ""
    aliases: tuple[str, ...] = ()
    later_names: tuple[str, ...] = ()

    __noun__ = "a force's id or name"
    _texts_: typing.ClassVar[dict[str, typing.Any]]

    def __str__(self) -> str:
        return self.official_name

    def _to_text_(self) -> str:
        return self.id

    @classmethod
    def _from_text_(cls, text: str) -> Force:
        try:
            return find_force(text)
        except NotFoundError as e:
            raise PeelDataError([Problem(f"unknown force: {e}")]) from None

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


@functools.cache
def forces() -> tuple[Force, ...]:
    """All 43 territorial forces, in alphabetical order of id.

    Examples:
        >>> len(forces())
        43
    """
    return tuple(
        Force(fid, official, short, code, Country(country), region, ons, aliases, other)
        for fid, official, short, ons, code, country, region, aliases, other in sorted(_TABLE)
    )


_SUFFIX = re.compile(r"\b(police service|police force|constabulary|police)$")


def _key(text: str) -> str:
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


# The forces by id, filled on first use; the readers of data files look
# forces up here first (Force._texts_), as data files name them.
_BY_ID: dict[str, Force] = {}
Force._texts_ = _BY_ID


def _by_id() -> dict[str, Force]:
    if not _BY_ID:
        _BY_ID.update((force.id, force) for force in forces())
    return _BY_ID


@functools.cache
def _index() -> dict[str, Force]:
    index: dict[str, Force] = {}
    for force in forces():
        for name in force.names:
            key = _key(name)
            index[key] = force
            index.setdefault(_SUFFIX.sub("", key).strip(), force)
    return index


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
        raise NotFoundError(f"a force is named by text, not {type(name).__name__}")
    by_id = _by_id()
    if name in by_id:  # as data files name forces; the full index costs more to build
        return by_id[name]
    key = _key(name)
    index = _index()
    found = index.get(key) or index.get(_SUFFIX.sub("", key).strip())
    if found is not None:
        return found
    if key in _OUT_OF_SCOPE:
        raise NotFoundError(f"{name!r} is not one of the 43 territorial forces, and is outside PEEL")
    raise NotFoundError(f"no force called {name!r}", closest_forces(name))


_OUT_OF_SCOPE = {
    "british transport police",
    "btp",
    "civil nuclear constabulary",
    "cnc",
    "ministry of defence police",
    "mdp",
    "police scotland",
    "police service of northern ireland",
    "psni",
}


def closest_forces(name: str, n: int = 3) -> tuple[str, ...]:
    """The short names of the forces whose names are closest to ``name``."""
    index = _index()
    import difflib

    matches = difflib.get_close_matches(_key(name), list(index), n=n * 4, cutoff=0.6)
    return tuple(dict.fromkeys(index[m].short_name for m in matches))[:n]
