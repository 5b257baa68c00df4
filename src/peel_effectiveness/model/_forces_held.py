"""The forces a dataset holds, each one force: of an id, its fields alike
every time; of an ONS code or a name, one id (:func:`other_forces`), as
:class:`~peel_effectiveness.Dataset` and the loaders check them."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .force import Force, name_key, territorial

__all__ = ["other_forces", "two_forces"]


def other_forces(forces: Iterable[Force]) -> list[tuple[int, int]]:
    """The forces that an earlier one of the same id but other fields, or of
    another id and the same ONS code or official or short name (whole, as
    :func:`find_force` reads names: case, punctuation and "&" aside; tables,
    charts and headings name forces by them), comes before: ``(index,
    index of the first)`` for each. (One of the 43 is always the
    registry's, whole, and no other force takes its code or names: see
    :class:`Force`; so only forces of one's own are read for names.)"""
    forces = list(forces)
    distinct = {id(f): f for f in forces}.values()
    keys = {id(f): _name_keys(f) for f in distinct if not territorial(f)}
    if len({f.id for f in distinct}) == len({f.gss_code for f in distinct}) == len(distinct) and len(
        set().union(*keys.values())
    ) == sum(map(len, keys.values())):
        return []  # as a dataset's are: each id one object, each code and name one id
    ids: dict[str, tuple[int, Force]] = {}
    codes: dict[str, tuple[int, Force]] = {}
    names: dict[str, tuple[int, Force]] = {}
    out = []
    for i, f in enumerate(forces):
        first = ids.setdefault(f.id, (i, f))
        if first[1] is not f and first[1] != f:  # the 43 are shared: most are the same object
            out.append((i, first[0]))
            continue
        first = codes.setdefault(f.gss_code, (i, f))
        if first[1].id != f.id:
            out.append((i, first[0]))
            continue
        for k in keys.get(id(f), ()):
            first = names.setdefault(k, (i, f))
            if first[1].id != f.id:
                out.append((i, first[0]))
                break
    return out


def _names(force: Force) -> list[str]:
    """The names that tables, charts and headings give the force (an alias
    two forces share only finds neither: see :func:`find_own`)."""
    return [force.official_name, force.short_name]


def _name_keys(force: Force) -> set[str]:
    """The force's names as :func:`find_force` reads them."""
    return {name_key(n) for n in _names(force)} - {""}


def two_forces(first: Force, second: Force) -> str:
    """What :func:`other_forces` finds, in words: the fields two forces of
    one id differ in, or the code or name two forces share."""
    if first.id != second.id:
        if first.gss_code != second.gss_code:
            shared = next(n for n in _names(second) if name_key(n) in _name_keys(first))
            return f"two forces of the name {shared!r}: {first.id!r} and {second.id!r} (give each its own)"
        return f"two forces of the ONS code {second.gss_code}: {first.id!r} and {second.id!r}"
    differ = [a.name for a in attrs.fields(Force) if getattr(first, a.name) != getattr(second, a.name)]
    return f"two forces of the id {second.id!r}, which differ in {', '.join(differ)}"
