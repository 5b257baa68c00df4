"""Hooks a user registers on a copy of the converter, and classes of a
user's own that are not attrs classes (dataclasses, TypedDicts): each is
taken as cattrs takes it, and each problem is a PeelDataError with a path."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import sys
import typing

import attrs
import pytest
from cattrs.strategies import configure_tagged_union

import peel_effectiveness as pe
from peel_effectiveness import model


@attrs.frozen
class Marker:
    at: pe.Cycle | model.EngageDate


@pytest.mark.parametrize(
    ("union", "value"),
    [
        (pe.Cycle | model.EngageDate, "2016"),
        (int | str, 5),
        (typing.Optional[pe.Judgment], {"grade": "good"}),  # noqa: UP045 - the spelling cattrs keeps apart
        (pe.Judgment | None, {"grade": "good"}),
        (pe.Grade | pe.NoGrade, "good"),
    ],
)
def test_a_union_s_hook_registered_by_type_on_a_copy_is_the_one_used(
    union: typing.Any, value: object
) -> None:
    # cattrs keeps a union's hook apart, behind the hooks factories make,
    # where the converter's own union hooks hid it.
    mine = pe.converter.copy()
    mine.register_structure_hook(union, lambda v, _: ("hooked", v))
    assert mine.structure(value, union) == ("hooked", value)
    with contextlib.suppress(pe.PeelDataError):  # the library's converter keeps its own hook
        assert pe.converter.structure(value, union) != ("hooked", value)


def test_a_union_s_hook_reads_inside_a_class_and_as_a_decorator() -> None:
    mine = pe.converter.copy()

    @mine.register_structure_hook
    def as_cycle(value: typing.Any, _: typing.Any) -> pe.Cycle | model.EngageDate:
        return pe.Cycle(value)

    assert mine.structure({"at": "2016"}, Marker) == Marker(pe.Cycle("2016"))
    with pytest.raises(pe.PeelDataError, match=r"^at: the text '2016' reads as Cycle and as EngageDate"):
        pe.converter.structure({"at": "2016"}, Marker)


@attrs.frozen
class Praise:
    judgment: pe.Judgment


@attrs.frozen
class Concern:
    judgment: pe.Judgment


@attrs.frozen
class Item:
    x: Praise | Concern
    headline: pe.Judgment | pe.OtherGrade


def test_cattrs_tagged_unions_tell_records_written_alike_apart_both_ways() -> None:
    # What the converter's refusal of records written alike advises: the
    # tag was written, and then refused as a field no record has.
    report = pe.load_bundled().report("cumbria", 2016)
    item = Item(Concern(pe.Judgment("inadequate")), report.judgment)
    with pytest.raises(pe.PeelDataError, match="configure_tagged_union"):
        pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(item))), Item)
    mine = pe.converter.copy()
    configure_tagged_union(Praise | Concern, mine)
    configure_tagged_union(pe.Judgment | pe.OtherGrade, mine)
    written = json.loads(json.dumps(mine.unstructure(item)))
    assert written["x"] == {"judgment": {"grade": "inadequate"}, "_type": "Concern"}
    assert written["headline"]["_type"] == "Judgment"
    assert mine.structure(written, Item) == item


@dataclasses.dataclass(frozen=True)
class Note:
    headline: pe.Judgment
    text: str = ""
    made: int = dataclasses.field(init=False, default=0)


class NoteDict(typing.TypedDict):
    headline: pe.Judgment


@attrs.frozen
class Holder:
    note: Note


@pytest.mark.parametrize(
    ("tp", "value", "said"),
    [
        (Note, {"headline": {"grade": "good"}, "txt": "x"}, [("txt", "unknown field 'txt' in a Note; did you mean 'text'?")]),
        (Note, {"headline": {"grade": "good"}, "made": 1}, [("made", "'made' is a field a Note sets itself, not one data give it")]),
        (NoteDict, {"headline": {"grade": "good"}, "headlines": 1}, [("headlines", "unknown field 'headlines' in a NoteDict; did you mean 'headline'?")]),
        (Holder, {"note": {"headline": {"grade": "good"}, "txt": "x"}}, [("note.txt", "unknown field 'txt' in a Note; did you mean 'text'?")]),
        (Note, "good", [("", "expected a mapping for a Note, got the text 'good'")]),
        (Holder, {"note": [1, 2]}, [("note", "expected a mapping for a Note, got a list")]),
        (Note, {"headline": {"grade": "goof"}}, [("headline.grade", "'goof' is not a grade")]),
    ],
)  # fmt: skip
def test_a_dataclass_or_typeddict_of_yours_is_refused_with_paths_as_an_attrs_class_is(
    tp: typing.Any, value: object, said: list[tuple[str, str]]
) -> None:
    # A key the class has no field for raised attrs' NotAnAttrsClassError,
    # and a text given for a dataclass, Python's AttributeError.
    with pytest.raises(pe.PeelDataError) as caught:
        pe.converter.structure(value, tp)
    got = [(p.path, p.message) for p in caught.value.problems]
    assert [path for path, _ in got] == [path for path, _ in said]
    assert all(m.startswith(start) for (_, m), (_, start) in zip(got, said, strict=True))


@attrs.frozen
class Either:
    plain: Note | str
    graded: Note | pe.Grade
    record: Note | pe.Judgment


def test_a_dataclass_member_of_a_union_round_trips_beside_text_grades_and_records() -> None:
    # The dataclass member refused a text with Python's AttributeError,
    # which stopped the union before the next member was tried; a mapping
    # was never tried as the dataclass.
    note = Note(pe.Judgment("good"), "kept")
    for either in (Either("plain words", pe.Grade.GOOD, note), Either(note, note, pe.Judgment("inadequate"))):
        written = json.loads(json.dumps(pe.converter.unstructure(either)))
        assert pe.converter.structure(written, Either) == either


@attrs.define
class Briefing:
    headline: pe.Judgment = None  # type: ignore[assignment]  # as a script may write it
    cycle: pe.Cycle = None  # type: ignore[assignment]
    published: dt.date = None  # type: ignore[assignment]
    force: pe.Force = None  # type: ignore[assignment]


@pytest.mark.parametrize(
    ("field", "value"), [("headline", None), ("cycle", "2016"), ("published", "2017-03-02"), ("force", None)]
)
def test_a_field_holding_a_value_its_type_s_hook_cannot_write_is_refused_as_data(
    field: str, value: object
) -> None:
    # Python's AttributeError or TypeError came out of the type's hook.
    briefing = Briefing(pe.Judgment("good"), pe.Cycle("2016"), dt.date(2017, 3, 2), pe.find_force("kent"))
    setattr(briefing, field, value)
    with pytest.raises(
        pe.PeelDataError,
        match=r"^cannot be written \((AttributeError|TypeError): .*\): a field holding a value of another type",
    ):
        pe.converter.unstructure(briefing)


@attrs.frozen
class Big:
    n: int
    anything: typing.Any = None


def test_a_whole_number_json_cannot_write_is_refused_when_written_as_its_key_is() -> None:
    # It was written, and json.dumps raised Python's ValueError.
    limit = sys.get_int_max_str_digits()
    for big in (Big(10**limit), Big(0, [10**limit])):
        with pytest.raises(
            pe.PeelDataError, match=f"^a number of about {limit + 1} digits is too long to be written"
        ):
            pe.converter.unstructure(big)
    fits = Big(10 ** (limit - 1), -(10 ** (limit - 1)))
    assert pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(fits))), Big) == fits


@attrs.frozen
class Pin:
    what: pe.Force | pe.Grade


def test_a_member_s_hook_that_looks_a_value_up_and_finds_nothing_leaves_it_to_the_next() -> None:
    # find_force's NotFoundError (a LookupError) stopped the union: "good"
    # was never tried as a grade.
    mine = pe.converter.copy()
    mine.register_unstructure_hook(pe.Force, lambda f: f.gss_code)
    mine.register_structure_hook(pe.Force, lambda v, _: pe.find_force(v))
    for pin in (Pin(pe.find_force("kent")), Pin(pe.Grade.GOOD)):
        assert mine.structure(json.loads(json.dumps(mine.unstructure(pin))), Pin) == pin


@pytest.mark.parametrize("row", [pe.OutcomeTypeRow, pe.OutcomeGroupRow])
def test_a_copy_with_both_hooks_of_an_outcome_row_reads_back_the_reports_it_writes(row: typing.Any) -> None:
    # The rows' union looked for the data format's keys ('outcome',
    # 'group') before any hook of yours was asked.
    report = pe.load_bundled().report("cumbria", 2016)
    assert {type(r) for t in report.outcome_tables for r in t.rows} == {pe.OutcomeTypeRow, pe.OutcomeGroupRow}
    write, read = pe.converter.get_unstructure_hook(row), pe.converter.get_structure_hook(row)
    mine = pe.converter.copy()
    mine.register_unstructure_hook(row, lambda r: {"wrapped": write(r)})
    mine.register_structure_hook(row, lambda v, t: read(v["wrapped"], t))
    written = json.loads(json.dumps(mine.unstructure(report)))
    assert "wrapped" in json.dumps(written)
    assert mine.structure(written, pe.InspectionReport) == report


def test_a_copy_s_pair_of_period_hooks_by_predicate_is_used_both_ways() -> None:
    # The library wrote a period with its own hook, registered by class,
    # which cattrs tries before a predicate's; its reader was a factory's.
    report = pe.load_bundled().report("cumbria", 2016)
    mine = pe.converter.copy()
    mine.register_unstructure_hook_func(
        lambda t: t is pe.Period, lambda p: [p.start.isoformat(), p.end.isoformat()]
    )
    mine.register_structure_hook_func(
        lambda t: t is pe.Period,
        lambda v, _: pe.Period(dt.date.fromisoformat(v[0]), dt.date.fromisoformat(v[1])),
    )
    period = report.measurements[0].metric.period
    assert mine.unstructure(period) == [period.start.isoformat(), period.end.isoformat()]
    assert mine.structure(json.loads(json.dumps(mine.unstructure(report))), pe.InspectionReport) == report


@attrs.frozen
class Toned:
    headline: pe.Judgment
    tone: str = attrs.field(default="", validator=attrs.validators.in_(["", "positive", "negative"]))
    weight: typing.Any = attrs.field(default=0, validator=attrs.validators.instance_of(int))


@attrs.frozen
class Toneds:
    notes: list[Toned]


def test_an_attrs_validator_of_yours_is_said_at_its_field_in_its_own_words() -> None:
    # Said at the class ("notes[0]"), as the tuple of the validator's
    # arguments, the field's whole repr among them.
    for bad, path, said in [
        ({"tone": "angry"}, "notes[0].tone", "'tone' must be in ['', 'positive', 'negative'] (got 'angry')"),
        (
            {"weight": "x"},
            "notes[0].weight",
            "'weight' must be <class 'int'> (got 'x' that is a <class 'str'>).",
        ),
    ]:
        with pytest.raises(pe.PeelDataError) as caught:
            pe.converter.structure({"notes": [{"headline": {"grade": "good"}, **bad}]}, Toneds)
        assert [(p.path, p.message) for p in caught.value.problems] == [(path, said)]


@attrs.frozen
class Tones:
    items: list[Toned]


def test_a_validator_of_a_class_inside_a_copy_without_detailed_validation_is_said_without_a_wrong_path() -> (
    None
):
    # Said at "tone", a field the outer class does not have.
    mine = pe.converter.copy(detailed_validation=False)
    with pytest.raises(pe.PeelDataError) as caught:
        mine.structure({"items": [{"headline": {"grade": "good"}, "tone": "angry"}]}, Tones)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("", "cannot be read: 'tone' must be in ['', 'positive', 'negative'] (got 'angry')")
    ]


Year = typing.NewType("Year", pe.Cycle | int)


@attrs.frozen
class Wrapped:
    annotated: dict[typing.Annotated[pe.Cycle | int, "a year"], str] = attrs.Factory(dict)
    new_type: dict[Year, str] = attrs.Factory(dict)


@pytest.mark.parametrize("field", ["annotated", "new_type"])
def test_a_key_of_a_union_inside_annotated_or_a_newtype_is_refused_as_the_union_s(field: str) -> None:
    # The year 2016 came back a cycle, without a word.
    written = json.loads(json.dumps(pe.converter.unstructure(Wrapped(**{field: {2016: "a year"}}))))
    with pytest.raises(
        pe.PeelDataError, match=f"^{field}: the key '2016' reads as (Cycle and as int|int and as Cycle)"
    ):
        pe.converter.structure(written, Wrapped)


def test_a_hook_s_own_fault_when_writing_is_named_as_it_is() -> None:
    mine = pe.converter.copy()
    mine.register_unstructure_hook(pe.Grade, lambda g: len(g.value.__class__))  # a hook of yours gone wrong
    with pytest.raises(
        pe.PeelDataError, match=r"^cannot be written \(TypeError: object of type 'type' has no len\(\)\)"
    ):
        mine.unstructure(pe.Judgment("good"))


@attrs.define
class Spell:
    period: pe.Period = None  # type: ignore[assignment]


def test_a_period_field_holding_a_whole_number_python_cannot_write_is_refused_as_data() -> None:
    # Python's ValueError ("Exceeds the limit (4300 digits)") came out.
    with pytest.raises(pe.PeelDataError, match=r"^cannot be written \(ValueError: "):
        pe.converter.unstructure(Spell(10**5000))  # type: ignore[arg-type]


def test_a_group_row_your_hooks_of_a_type_row_do_not_take_is_said_as_the_data_format_s() -> None:
    # Blamed on the hook of the type row: "cannot be read: KeyError 'wrapped'".
    report = pe.load_bundled().report("cumbria", 2016)
    write, read = (
        pe.converter.get_unstructure_hook(pe.OutcomeTypeRow),
        pe.converter.get_structure_hook(pe.OutcomeTypeRow),
    )
    mine = pe.converter.copy()
    mine.register_unstructure_hook(pe.OutcomeTypeRow, lambda r: {"wrapped": write(r)})
    mine.register_structure_hook(pe.OutcomeTypeRow, lambda v, t: read(v["wrapped"], t))
    written = json.loads(json.dumps(mine.unstructure(report)))
    rows = written["outcome_tables"][0]["rows"]
    group = next(i for i, row in enumerate(rows) if "group" in row)
    rows[group]["value"] = "lots"
    with pytest.raises(pe.PeelDataError) as caught:
        mine.structure(written, pe.InspectionReport)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (f"outcome_tables[0].rows[{group}].value", "expected a number, got the text 'lots'")
    ]


@attrs.frozen
class Keyed:
    by_number: dict[int, str]


def test_a_key_json_cannot_write_is_said_as_a_key_not_as_a_value() -> None:
    # The hook of whole numbers, asked of the key first, said it as a value.
    limit = sys.get_int_max_str_digits()
    for value, tp in ((Keyed({10**limit: "x"}), Keyed), ({10**limit: "x"}, dict[int, str])):
        with pytest.raises(pe.PeelDataError) as caught:
            pe.converter.unstructure(value, tp)
        assert str(caught.value) == (
            f"a mapping's key is written as a text, and a number of about {limit + 1} digits is too long "
            "to be read back: key the mapping by something else"
        )
