"""The edges of the converter's hooks for classes of your own, and of the
model's records as the converter writes them: times, keys of mappings,
collections, unions and rows of outcomes. Each test fails on a plausible
slip in its hook (found by hand mutation: each slip left every earlier
test passing), and holds what the docs (``docs/howto/converter.md``) say."""

from __future__ import annotations

import collections
import collections.abc as abc
import datetime as dt
import enum
import sys
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import peel_effectiveness as pe
from peel_effectiveness.model.outcomes import OutcomeGroupRow, OutcomeTypeRow


@attrs.frozen
class _Stamp:
    t: dt.datetime


@attrs.frozen
class _Bare:
    t: tuple  # type: ignore[type-arg]  # a bare tuple, as a user may write one


@attrs.frozen
class _Set:
    s: abc.Set[int]


@attrs.frozen
class _Point:
    x: int
    y: int


class _Text(str):
    pass


class _Huge(enum.IntEnum):
    HUGE = 10**5000


def test_a_report_is_written_with_its_pillar_though_it_is_the_cycle_s_first() -> None:
    # The pillar a report is on is said whatever it is: left out, a file
    # would read as effectiveness only by the default of the day.
    report = pe.converter.structure({"force": "kent", "cycle": 2016, "grade": "good"}, pe.InspectionReport)
    assert pe.converter.unstructure(report) == {
        "force": "kent",
        "cycle": "2016",
        "pillar": "effectiveness",
        "grade": "good",
    }


def test_a_date_and_time_of_yours_is_itself_or_iso_text_and_nothing_else() -> None:
    at = dt.datetime(2017, 3, 2, 9, 30)
    assert pe.converter.structure({"t": at}, _Stamp) == _Stamp(at)
    assert pe.converter.structure({"t": "2017-03-02T09:30:00"}, _Stamp) == _Stamp(at)
    with pytest.raises(pe.PeelDataError, match=r"^t: the text ' 2017-03-02T09:30:00' is not a date and time"):
        pe.converter.structure({"t": " 2017-03-02T09:30:00"}, _Stamp)
    with pytest.raises(
        pe.PeelDataError, match=r"^t: expected a date and time \(ISO 8601 text\), got a bytes"
    ):
        pe.converter.structure({"t": b"2017-03-02T09:30:00"}, _Stamp)


def test_a_bare_tuple_of_yours_is_read_from_a_list_never_from_a_text() -> None:
    # A text was read as the tuple of its characters: ('a', 'b').
    assert pe.converter.structure({"t": [1, "a"]}, _Bare) == _Bare((1, "a"))
    with pytest.raises(pe.PeelDataError, match=r"^t: expected a list, got the text 'ab'$"):
        pe.converter.structure({"t": "ab"}, _Bare)


def test_collections_of_yours_are_made_as_cattrs_makes_them() -> None:
    assert type(pe.converter.structure({"s": [1, 2]}, _Set).s) is frozenset
    ordered = pe.converter.structure({"a": 1}, collections.OrderedDict[str, int])
    assert type(ordered) is collections.OrderedDict


def test_a_key_is_read_back_only_as_json_writes_it() -> None:
    # JSON writes True as "true": "True" is no key of booleans; a text of a
    # class of its own is not a number's text; a key of a union is read as
    # the member that writes it so.
    with pytest.raises(pe.PeelDataError, match="expected true or false, got the text 'True'"):
        pe.converter.structure({"True": 1}, dict[bool, int])
    with pytest.raises(pe.PeelDataError, match=r"got the text '2016' \(a _Text, not a plain str\)"):
        pe.converter.structure({_Text("2016"): 1}, dict[int, int])
    assert pe.converter.structure({"1": "a"}, dict[float | str, str]) == {"1": "a"}


def test_a_key_json_could_not_write_or_read_back_is_refused_when_written() -> None:
    with pytest.raises(pe.PeelDataError, match="a number of about 5001 digits is too long to be read back"):
        pe.converter.unstructure({_Huge.HUGE: 1}, dict[_Huge, int])
    mine = pe.converter.copy()
    mine.register_unstructure_hook(_Point, lambda p: (p.x, p.y))
    with pytest.raises(
        pe.PeelDataError, match="a _Point is written as a list: key the mapping by something else"
    ):
        mine.unstructure({_Point(1, 2): 1}, dict[_Point, int])
    alike = collections.defaultdict(int, {1: 1, "1": 2})
    with pytest.raises(pe.PeelDataError, match="the keys 1 and '1' are written as one key"):
        pe.converter.unstructure(alike, collections.defaultdict[Any, int])


@pytest.fixture
def more_digits() -> Iterator[None]:
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(10_000)
    yield
    sys.set_int_max_str_digits(before)


@pytest.mark.usefixtures("more_digits")
def test_a_whole_number_longer_than_python_reads_back_is_not_written_when_python_writes_more() -> None:
    # The limit read back is the one of the library's import (4,300 digits),
    # whatever Python is set to write now.
    with pytest.raises(pe.PeelDataError, match="a number of 4401 digits is too long to be written"):
        pe.converter.unstructure(10**4400)


def test_a_union_s_refusal_is_said_by_the_member_whose_words_the_value_is() -> None:
    # Text is no whole number: the grade's words say why it is no grade.
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure("zzz", int | pe.Grade)
    assert str(e.value).startswith("'zzz' is not a grade (expected one of:")


def test_an_outcome_row_with_outcomes_is_a_group_and_says_what_a_group_lacks() -> None:
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure({"outcomes": []}, OutcomeTypeRow | OutcomeGroupRow)
    assert [p.path for p in e.value.problems] == ["group", "outcomes"]
    assert str(e.value).startswith("group: missing required field 'group'")
