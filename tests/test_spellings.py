"""One reading of a cycle and of a force everywhere (issue 13): the years a
cycle spans, a year two cycles share refused with both, suggestions only
from the listed choices, and the short names people write for forces."""

from __future__ import annotations

import enum
import json
import re
from typing import Any

import pytest

import peel_effectiveness as pe
from clirun import run

SPELLINGS = {
    "2024": "2023-25",
    2024: "2023-25",
    "2023-2025": "2023-25",
    "2023/25": "2023-25",
    "2022": "2021/22",
    "2021/2022": "2021/22",
    "2021-22": "2021/22",
    "2019": "2018/19",
    "2018-2019": "2018/19",
    # Underscores and spaces do not matter (docs/data-format.md): 2023_25
    # was read, and 2018_19 and 2021 22 refused.
    "2018_19": "2018/19",
    "2021_22": "2021/22",
    "2021 22": "2021/22",
    "2023 25": "2023-25",
}


@pytest.mark.parametrize(("spelt", "cycle"), SPELLINGS.items())
def test_a_cycle_is_read_by_the_years_it_spans(spelt: str | int, cycle: str) -> None:
    assert pe.Cycle(spelt).value == cycle
    text = f"force: kent\ncycle: {spelt if isinstance(spelt, int) else repr(spelt)}\n"
    if pe.Cycle(cycle).integrated:
        text += "assessments: []\n"
    else:
        text += "grade: good\n"
    assert pe.loads(text).reports[0].cycle.value == cycle


@pytest.mark.parametrize("spelt", ["2024", "2022", "2021/2022", "2023-2025"])
def test_the_command_line_reads_a_cycle_as_the_library_does(spelt: str) -> None:
    code, out, err = run("national", "--cycle", spelt, "--format", "csv")
    assert code == 0, err
    assert out == run("national", "--cycle", pe.Cycle(spelt).value, "--format", "csv")[1]


def test_a_year_two_cycles_share_is_refused_with_both() -> None:
    with pytest.raises(pe.PeelDataError, match=r"did you mean '2023-25' or '2025-27'\?"):
        pe.Cycle("2025")
    code, _, err = run("national", "--cycle", "2025")
    assert code == 2
    assert "'2023-25' or '2025-27'" in err


@pytest.mark.parametrize("spelt", ["2023/24", "2024/25", "2016/17", "2020", "1999", "2030-31"])
def test_a_suggestion_is_only_ever_one_of_the_listed_cycles(spelt: str) -> None:
    with pytest.raises(pe.PeelDataError) as e:
        pe.Cycle(spelt)
    message = str(e.value)
    listed = re.search(r"known: ([^)]*)\)", message)
    suggested = re.findall(r"did you mean '([^']*)'", message)
    if listed is not None:
        assert all(s in listed.group(1).split(", ") for s in suggested), message
    else:  # refused as in two cycles: both are cycles
        assert all(s in [c.value for c in pe.Cycle] for s in suggested), message
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(f"force: kent\ncycle: '{spelt}'\ngrade: good\n")
    assert all(s in [c.value for c in pe.Cycle] for s in re.findall(r"did you mean '([^']*)'", str(e.value)))


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("2018/1", "; did you mean '2018/19'?"),  # cut short: completed
        ("2023-2", "; did you mean '2023-25'?"),
        ("2106", "; did you mean '2016'?"),  # two digits swapped
        ("20161", ""),  # a number made longer: no cycle of another stands in
    ],
)
def test_a_cycle_s_suggestion_completes_it_and_never_changes_its_number(written: str, hint: str) -> None:
    # The rule against numbers made longer ("per_1000" is not "per_100")
    # first took '2018/19' from '2018/1' and offered '2021/22' instead.
    with pytest.raises(pe.PeelDataError) as e:
        pe.Cycle(written)
    assert str(e.value).partition("2025-27)")[2] == hint, str(e.value)


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("per_1000", "; did you mean 'per_1000_population' or 'per_1000_households'?"),
        ("per_1000_people", "; did you mean 'per_1000_population'?"),
        ("per_100000", ""),  # no number made longer: per 100 is no slip of it
        ("per_100_000", ""),
        ("percentage", "; did you mean 'percent'?"),
    ],
)
def test_a_unit_s_suggestion_keeps_its_number(written: str, hint: str) -> None:
    # Each was pointed to 'per_100', a rate per 100 of a base: taken, a rate
    # per 1,000 population loaded as one per 100.
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(
            f"force: kent\ncycle: 2016\nmeasurements:\n - {{metric: a_b, label: l, unit: {written}, value: 1}}\n"
        )
    suggested = str(e.value).partition(", count, ratio)")[2]
    assert suggested == hint, str(e.value)


@pytest.mark.parametrize(
    ("written", "force"),
    [
        ("devon", "Devon and Cornwall"),
        ("thames", "Thames Valley"),
        ("west mid", "West Midlands"),
        ("glouc", "Gloucestershire"),
    ],
)
def test_a_short_name_or_a_prefix_is_answered_with_the_force(written: str, force: str) -> None:
    # (The map's short forms, "Hants", "Notts", "West Mids", are the forces'
    # aliases: test_map checks that each names its force.)
    with pytest.raises(pe.NotFoundError) as e:
        pe.find_force(written)
    assert force in str(e.value)
    code, _, err = run("show", written)
    assert code == 2
    assert force in err


class _Hostile:
    """An object whose comparison and repr raise, as a careless library's may."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no comparing")

    def __repr__(self) -> str:
        raise RuntimeError("no showing")

    __hash__ = object.__hash__


_ENUMS = [v for v in vars(pe.model).values() if isinstance(v, enum.EnumMeta)]


@pytest.mark.parametrize("cls", _ENUMS, ids=lambda c: c.__name__)
@pytest.mark.parametrize(
    "value",
    [_Hostile(), 1.5, None, [1], b"good", pe.Grade],
    ids=["hostile", "float", "none", "list", "bytes", "class"],
)
def test_an_enum_given_a_value_of_another_kind_says_so_as_a_data_error(cls: Any, value: object) -> None:
    with pytest.raises(pe.PeelDataError):
        cls(value)


def test_messages_say_which_kind_of_value_was_refused() -> None:
    class Float(float):
        pass

    with pytest.raises(pe.PeelDataError, match=r"got the number 2016\.0"):
        pe.Judgment("good", carried_over_from=2016.0)
    with pytest.raises(pe.PeelDataError, match="got the class NoGrade"):
        pe.Judgment(pe.NoGrade)  # type: ignore[arg-type]
    metric = pe.MetricDefinition(key="x", label="X", unit="count")
    with pytest.raises(pe.PeelDataError, match=r"got the number 3\.0 \(a Float, not a plain float\)"):
        pe.Measurement(metric=metric, value=Float(3.0))


@pytest.mark.parametrize("word", ["unknown", "n/a", "not known", "tbc"])
def test_a_word_for_a_grade_not_known_is_told_to_leave_it_out(word: str) -> None:
    # As null is: a grade not known is no grade key, not a word for it.
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(f"force: kent\ncycle: 2016\ngrade: {word}\n")
    assert str(e.value).endswith("not yet graded); a grade not known is left out")
    # A word close to one gets the suggestion alone; a word of a grade
    # known, not one of the scale's, gets no hint to leave it out.
    with pytest.raises(pe.PeelDataError, match=r"did you mean 'good'\?$"):
        pe.loads("force: kent\ncycle: 2016\ngrade: goood\n")
    for known in ("excellent", "poor", "3"):
        with pytest.raises(pe.PeelDataError) as e:
            pe.loads(f"force: kent\ncycle: 2016\ngrade: '{known}'\n")
        assert str(e.value).endswith("not yet graded)"), known


@pytest.mark.parametrize("spelt", ["1999", "-1", "abc", "2106", 1999])
def test_a_cycle_refused_lists_the_cycles_in_the_same_words_however_it_is_wrong(spelt: str | int) -> None:
    # A year said "(known: ...)", any other text "(expected one of: ...)".
    with pytest.raises(pe.PeelDataError) as e:
        pe.Cycle(spelt)
    listed = ", ".join(c.value for c in pe.Cycle)
    assert f"is not a PEEL cycle (expected one of: {listed})" in str(e.value)


@pytest.mark.parametrize(
    "name",
    [
        "cumbria\x7f",
        "\u202ecumbria",
        "\ufeffcumbria",
        "cumbria\u00ad",
        "cum\x00bria",
        "cumbria\x1f",
        "\x85cumbria",
    ],
)
def test_a_force_named_with_a_character_a_reader_cannot_see_is_refused(name: str) -> None:
    # Each was read as Cumbria, where a grade with one is refused.
    with pytest.raises(
        pe.PeelDataError, match=r"force: expected a force's id or name, got .* control or format"
    ):
        pe.loads(json.dumps({"force": name, "cycle": 2016}))
    # White space is white space (of Python's and JavaScript's alike, as a grade's is).
    for fine in ("Avon\xa0and Somerset", "cumbria\t", " Cumbria Constabulary", "cumbria\x0c"):
        assert pe.loads(json.dumps({"force": fine, "cycle": 2016})).reports
