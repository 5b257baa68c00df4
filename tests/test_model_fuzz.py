"""Model fuzzing: whatever Python code gives a public model class, it is built
or refused with PeelDataError naming the field, never another exception; and
whatever is built round-trips through the converter and JSON, and a report
through dump and load as well."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peel_effectiveness as pe
from strategies import _bounds, _value

CLASSES = [getattr(pe.model, n) for n in pe.model.__all__ if attrs.has(getattr(pe.model, n))]


class _TouchyText(str):
    """Text whose class's own hash and comparison raise: a word is looked up
    as the text it holds, never by them."""

    def __hash__(self) -> int:
        raise RuntimeError("hash")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")


class _TouchyNumber(int):
    def __hash__(self) -> int:
        raise RuntimeError("hash")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")


junk = st.one_of(
    st.sampled_from(["good", "kent", "2016", "percent", "x", "12 months to 30 June 2016"]).map(_TouchyText),
    st.integers(0, 30).map(_TouchyNumber),
    st.none(),
    st.booleans(),
    st.integers(),
    st.just(10**5000),
    st.floats(),
    st.text(max_size=8),
    st.just("\ud800 lone"),
    st.binary(max_size=4),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(["good", "RI", "2016", "2024", "2018-19", "kent", "effectiveness", "percent", "", " "]),
    st.sampled_from(["12 months to 30 June 2016", "12 months to 30 June 9999", "2016-01-01", "9999-12-31"]),
)


def _field(a: attrs.Attribute[Any]) -> st.SearchStrategy[Any]:
    return _value(a.type, _bounds(a)) | junk


def _kwargs(cls: type) -> st.SearchStrategy[dict[str, Any]]:
    fields = attrs.fields(attrs.resolve_types(cls))
    required = {a.name: _field(a) for a in fields if a.default is attrs.NOTHING}
    optional = {a.name: _field(a) for a in fields if a.default is not attrs.NOTHING}
    return st.fixed_dictionaries(required, optional=optional)


FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@FUZZ
@given(data=st.data())
def test_any_value_builds_or_is_refused_naming_its_field(cls: type, data: st.DataObject) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pe.PeelWarning)  # 2025-27's questions the registry lacks
        kwargs = data.draw(_kwargs(cls))
        try:
            obj = cls(**kwargs)
        except pe.PeelDataError as e:
            _named(cls, e)
            return
        _round_trips(cls, obj)


def _named(cls: type, e: pe.PeelDataError) -> None:
    assert e.problems
    assert all(p.file is None and p.line is None for p in e.problems), e  # built in Python: no file
    names = {a.name for a in attrs.fields(cls)}
    assert all(p.path.split(".")[0].split("[")[0] in names for p in e.problems), e


def _round_trips(cls: type, obj: Any) -> None:
    plain = pe.converter.unstructure(obj)
    assert pe.converter.structure(json.loads(json.dumps(plain)), cls) == obj
    if cls is pe.InspectionReport:
        for fmt in ("yaml", "json"):
            assert pe.loads(pe.dump(obj, fmt), format=fmt) == pe.Dataset((obj,))  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_value_of_the_wrong_type_is_refused_by_name(cls: type, data: st.DataObject) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pe.PeelWarning)
        good = data.draw(_value(cls, {}))
        for a in attrs.fields(cls):
            for wrong in (object(), b"bytes", 1j):
                with pytest.raises(pe.PeelDataError) as e:
                    attrs.evolve(good, **{a.name: wrong})
                assert [p.path for p in e.value.problems] == [a.name], (cls, a.name, e.value)


def test_a_force_of_your_own_round_trips_whole_and_the_43_by_id() -> None:
    kent = pe.find_force("kent")
    assert pe.converter.unstructure(kent) == "kent"
    mine = attrs.evolve(
        kent,
        id="kent-and-medway",
        official_name="Kent and Medway Police",
        short_name="Kent and Medway",
        ons_name="",
        aliases=(),
        gss_code="E23000099",
    )
    plain = pe.converter.unstructure(mine)
    assert plain["id"] == "kent-and-medway"
    assert pe.converter.structure(plain, pe.Force) == mine
    assert dt  # the strategies draw dates


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_default_meets_its_fields_rule(cls: type) -> None:
    # The validators take a field's default as valid without checking it.
    from peel_effectiveness.model._validators import valid_of

    for a in attrs.fields(cls):
        if a.default is not attrs.NOTHING and not isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            spec = valid_of(a)
            assert spec is not None, (cls, a.name)
            spec.check(a.default)
