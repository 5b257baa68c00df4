"""The hex map (#13): one hexagon a force, where most neighbouring
hexagons are forces that share a border, Wales and the regions each in one
piece, every hexagon labelled and coloured as the grade grids are."""

from __future__ import annotations

import contextlib
import io
import itertools
import math
import re
from pathlib import Path
from typing import Any

import pytest

import peel_effectiveness as pe
from peel_effectiveness.cli import main
from peel_effectiveness.output import _chart
from peel_effectiveness.output._hex_layout import HEXES

# Police force areas of England and Wales that share a land border, as
# far as we are sure of them. Left out, being unsure: West Yorkshire and
# Derbyshire (the Holme Moss corner), Nottinghamshire and Humberside (the
# Isle of Axholme), South Yorkshire and Lincolnshire. Not neighbours,
# though close: North Wales and Merseyside (the Dee estuary), Essex and
# Kent (the Thames), Cheshire and Dyfed-Powys, Lancashire and Cheshire.
BORDERS = """
northumbria: cumbria, durham
cumbria: durham, north-yorkshire, lancashire
durham: cleveland, north-yorkshire
cleveland: north-yorkshire
north-yorkshire: lancashire, west-yorkshire, south-yorkshire, humberside
lancashire: west-yorkshire, greater-manchester, merseyside
merseyside: greater-manchester, cheshire
greater-manchester: west-yorkshire, cheshire, derbyshire
west-yorkshire: south-yorkshire
south-yorkshire: humberside, derbyshire, nottinghamshire
humberside: lincolnshire
cheshire: derbyshire, staffordshire, west-mercia, north-wales
derbyshire: nottinghamshire, leicestershire, staffordshire
nottinghamshire: lincolnshire, leicestershire
lincolnshire: leicestershire, northamptonshire, cambridgeshire, norfolk
leicestershire: staffordshire, warwickshire, northamptonshire
staffordshire: west-midlands, warwickshire, west-mercia
west-midlands: warwickshire, west-mercia
warwickshire: west-mercia, northamptonshire, thames-valley, gloucestershire
west-mercia: gloucestershire, gwent, dyfed-powys, north-wales
north-wales: dyfed-powys
dyfed-powys: south-wales, gwent
south-wales: gwent
gwent: gloucestershire
northamptonshire: cambridgeshire, bedfordshire, thames-valley
cambridgeshire: norfolk, suffolk, essex, hertfordshire, bedfordshire
norfolk: suffolk
suffolk: essex
essex: hertfordshire, metropolitan
hertfordshire: bedfordshire, thames-valley, metropolitan
bedfordshire: thames-valley
thames-valley: gloucestershire, wiltshire, hampshire, surrey, metropolitan
gloucestershire: wiltshire, avon-and-somerset
avon-and-somerset: wiltshire, dorset, devon-and-cornwall
wiltshire: dorset, hampshire
dorset: devon-and-cornwall, hampshire
hampshire: surrey, sussex
surrey: sussex, kent, metropolitan
sussex: kent
kent: metropolitan
metropolitan: city-of-london
"""
NEIGHBOURS = {
    frozenset((a, b))
    for line in BORDERS.strip().splitlines()
    for a, rest in [line.split(":")]
    for b in rest.split(",")
    for a, b in [(a.strip(), b.strip())]
}


def test_the_reference_is_of_real_forces_and_sound() -> None:
    ids = {f.id for f in pe.forces()}
    assert all(pair <= ids and len(pair) == 2 for pair in NEIGHBOURS)
    assert len(NEIGHBOURS) == 97
    assert set().union(*NEIGHBOURS) == ids  # every force borders another
    assert frozenset(("cumbria", "northumbria")) in NEIGHBOURS
    assert frozenset(("cheshire", "dyfed-powys")) not in NEIGHBOURS


def _touching(column: int, row: int) -> list[tuple[int, int]]:
    """The cells touching one of the layout ("odd-r": odd rows shifted east)."""
    up_down = (column - 1, column) if row % 2 == 0 else (column, column + 1)
    return [(column - 1, row), (column + 1, row)] + [(c, r) for r in (row - 1, row + 1) for c in up_down]


def _adjacent() -> set[frozenset[str]]:
    at = {(c, r): f for f, c, r, _ in HEXES}
    return {frozenset((f, at[n])) for f, c, r, _ in HEXES for n in _touching(c, r) if n in at}


def test_the_layout_places_each_force_once() -> None:
    assert sorted(f for f, *_ in HEXES) == sorted(f.id for f in pe.forces())
    assert len({(c, r) for _, c, r, _ in HEXES}) == 43
    assert all(label and label.count("\n") <= 1 for *_, label in HEXES)


def test_most_neighbouring_hexagons_are_neighbouring_forces() -> None:
    adjacent = _adjacent()
    real = adjacent & NEIGHBOURS
    assert len(real) / len(adjacent) >= 0.75, sorted(tuple(sorted(p)) for p in adjacent - NEIGHBOURS)
    # And most real borders are shown.
    assert len(real) / len(NEIGHBOURS) >= 0.75


def test_every_force_has_a_real_neighbour_beside_it() -> None:
    adjacent = _adjacent()
    for f, *_ in HEXES:
        assert any(f in pair for pair in adjacent & NEIGHBOURS), f


@pytest.mark.parametrize("region", sorted({f.region for f in pe.forces()}))
def test_wales_and_each_region_is_one_piece(region: str) -> None:
    members = {f.id for f in pe.forces() if f.region == region}
    links = {pair for pair in _adjacent() if pair <= members}
    reached, todo = set(), [next(iter(members))]
    while todo:
        f = todo.pop()
        reached.add(f)
        todo += [g for pair in links if f in pair for g in pair if g not in reached]
    assert reached == members


def test_the_map_draws_the_layouts_neighbours() -> None:
    from peel_effectiveness.output._map import centre

    centres = {f: centre(c, r) for f, c, r, _ in HEXES}
    drawn = {
        frozenset((a, b))
        for a, b in itertools.combinations(centres, 2)
        if math.dist(centres[a], centres[b]) < 1.01
    }
    assert drawn == _adjacent()


# --- The chart ----------------------------------------------------------------


def _map(cycle: str = "2023-25", question: str | int | None = "investigating") -> Any:
    pytest.importorskip("matplotlib")
    return pe.output.plot_map(pe.load_bundled(), cycle, question)


def test_each_hexagon_is_coloured_as_the_grids_colour_its_grade() -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Polygon

    data = pe.load_bundled()
    fig = pe.output.plot_map(data, "2023-25", "investigating")
    dist = pe.analysis.grade_distribution(data, "2023-25", "investigating")
    grade_of: dict[str, Any] = {f.id: g for g, fs in dist.forces_by_grade for f in fs}
    grade_of |= {f.id: r for r, fs in dist.no_grade for f in fs}
    hexagons = [p for p in fig.axes[0].patches if isinstance(p, Polygon) and p.get_facecolor()[3] > 0]
    assert len(hexagons) == 43
    from peel_effectiveness.output._map import corners

    for shape, (f, c, r, _) in zip(hexagons, HEXES, strict=True):
        assert shape.get_xy()[0] == pytest.approx(corners(c, r)[0]), f
        fill, hatch, _ink = _chart.grade_style(grade_of.get(f))
        assert shape.get_facecolor() == to_rgba(fill), f
        assert shape.get_hatch() == hatch, f
    # The grids' legend: every grade of the scale, then nothing in the data.
    grid = pe.output.plot_grades(data, "2023-25")
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [
        t.get_text()
        for t in grid.legends[0].get_texts()
        if t.get_text().split(":")[0] not in {r.label for r in pe.NoGrade}
    ]


def test_each_hexagon_is_labelled_inside_it_and_legibly() -> None:
    fig = _map()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    labels = {t.get_gid(): t for t in ax.texts if (t.get_gid() or "").startswith("label-")}
    assert len(labels) == 43
    width = ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]  # a hexagon, in pixels
    for f, c, r, label in HEXES:
        text = labels[f"label-{f}"]
        unmarked = text.get_text().translate(dict.fromkeys(map(ord, "".join(m for m, _ in _chart.MARKS))))
        assert unmarked.rstrip("\n") == label
        assert text.get_fontsize() >= 6.5  # readable at print size
        box = text.get_window_extent(renderer)
        middle = ax.transData.transform(pe.output._map.centre(c, r))
        # Inside the hexagon: within its flat sides and its inner height.
        assert box.width <= 0.9 * width, f
        assert box.height <= 0.55 * width, f
        assert abs((box.x0 + box.x1) / 2 - middle[0]) <= 1
        assert abs((box.y0 + box.y1) / 2 - middle[1]) <= 2


def test_the_map_says_what_it_shows_and_where_the_grades_come_from() -> None:
    fig = _map()
    from matplotlib.text import Text

    words = "\n".join(t.get_text() for t in fig.findobj(Text) if t.get_text())
    flat = " ".join(words.split())
    assert "PEEL 2023-25: Investigating crime, force by force" in flat
    assert (
        "Of the 43 forces: 2 good, 13 adequate, 17 requires improvement, 5 inadequate, 6 nothing in the data"
        in flat
    )
    assert (
        "Sources: HMIC/HMICFRS (1), police and crime commissioners (3), other public bodies (1), news and "
        "other sources (32); each of the 37 judgments counted once, under its most official source" in flat
    )
    assert "force reports" not in flat  # the grades are not all from HMICFRS reports
    assert "WALES" in words


def test_the_map_of_a_pillar_cycle_and_its_refusals() -> None:
    pytest.importorskip("matplotlib")
    data = pe.load_bundled()
    assert any(
        "PEEL 2016: Effectiveness overall" in t.get_text() for t in pe.output.plot_map(data, 2016).texts
    )
    fig = pe.output.plot_map(data, 2016, 3)
    assert any("Protecting vulnerable people" in t.get_text() for t in fig.texts)
    with pytest.raises(pe.NotFoundError, match="2023-25 has no overall grade: name an area"):
        pe.output.plot_map(data, "2023-25")
    with pytest.raises(pe.NotFoundError, match="no core question 'nope'"):
        pe.output.plot_map(data, "2023-25", "nope")
    with pytest.raises(
        pe.NotFoundError, match="2014 effectiveness has no overall grade: name a core question"
    ):
        pe.output.plot_map(data, 2014)
    with pytest.raises(pe.PeelDataError, match="no 2014 judgments"):
        pe.output.plot_map(data, 2014, 1)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_plot_map_on_the_command_line(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "map.png"
    assert _run("plot", "map", "--cycle", "2023-25", "--question", "investigating", "-o", str(out)) == (
        0,
        "",
        f"wrote {out}\n",
    )
    assert out.stat().st_size > 20000
    code, _, err = _run("plot", "map", "--cycle", "2023-25", "-o", str(tmp_path / "x.png"))
    assert code == 2
    assert "plot map needs --question: 2023-25 has no overall grade: name an area (police_powers, " in err
    assert len(err.splitlines()) == 1
    code, _, err = _run("plot", "grades", "--question", "1", "-o", str(tmp_path / "x.png"))
    assert (code, len(err.splitlines())) == (2, 1)
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize(
    ("cycle", "question"), [("2016", None), ("2021/22", "responding"), ("2023-25", "leadership")]
)
def test_nothing_is_cut_off_and_no_labels_collide(cycle: str, question: str | None) -> None:
    fig = _map(cycle, question)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in fig.findobj(Text) if t.get_text().strip()]
    page = fig.bbox
    for text, box in boxes:
        assert page.x0 - 1 <= box.x0, text
        assert box.x1 <= page.x1 + 1, text
        assert page.y0 - 1 <= box.y0, text
        assert box.y1 <= page.y1 + 1, text
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        overlap_x = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
        overlap_y = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        assert overlap_x <= 1 or overlap_y <= 1, (a, b)


@pytest.mark.parametrize(("fid", "label"), [(fid, label) for fid, _, _, label in HEXES])
def test_a_hexagon_s_label_names_its_force_wherever_a_force_is_named(fid: str, label: str) -> None:
    # What the map calls a force, a reader types: "Northants", "West Mids".
    joined = {label.replace("\n", " "), label.replace("-\n", ""), label.replace("\n", "")}
    found = set()
    for name in joined:
        with contextlib.suppress(pe.NotFoundError):
            found.add(pe.find_force(name).id)
    assert found == {fid}, label


def test_a_force_not_of_the_43_is_named_not_counted() -> None:
    # It has no hexagon: the subtitle counted it among "the 43 forces".
    text = "".join(f"- {{force: {f.id}, cycle: 2016, grade: good}}\n" for f in pe.forces()[:5])
    text += (
        "- force: {id: atlantis, official_name: Atlantis Police, short_name: Atlantis, gss_code: E23000099,"
        " country: England, region: South East}\n  cycle: 2016\n  grade: good\n"
    )
    fig = pe.output.plot_map(pe.loads(text), 2016)
    from matplotlib.text import Text

    flat = " ".join(" ".join(t.get_text() for t in fig.findobj(Text)).split())
    assert "Of the 43 forces: 5 good, 38 nothing in the data." in flat
    assert "Not drawn: Atlantis Police (not one of the 43 territorial forces)." in flat
    assert "Sources: no source given (all 5 judgments)." in flat
    alone = pe.loads(text.split("\n", 5)[-1])
    with pytest.raises(pe.PeelDataError, match="not drawn: Atlantis Police"):
        pe.output.plot_map(alone, 2016)


@pytest.mark.parametrize(
    ("cycle", "question", "what"),
    [
        ("2016", 5, "HMIC graded no force on specialist capabilities in 2016"),
        ("2021/22", "armed_threats", "HMICFRS graded no force on Protecting the public from armed threats in 2021/22"),
        ("2023-25", "victim_service", "HMICFRS graded no force on Providing a service to victims of crime in 2023-25"),
    ],
)  # fmt: skip
def test_a_map_of_a_question_no_force_is_graded_on_is_refused(
    cycle: str, question: str | int, what: str
) -> None:
    # It drew each force ungraded where the data hold the word and hatched
    # unknown elsewhere: a pattern of the data, not of the forces.
    with pytest.raises(pe.PeelDataError, match=f"{re.escape(what)}: a map of it has no grade to show"):
        pe.output.plot_map(pe.load_bundled(), cycle, question)
    pe.output.plot_map(pe.load_bundled(), cycle, 1 if cycle == "2016" else "investigating")


def test_a_map_marks_inferred_and_disputed_grades_as_the_history_chart_does() -> None:
    # City of London's 2023-25 grade on police powers is read from wording:
    # its label carries the history chart's mark, said under the title.
    fig = _map("2023-25", "police_powers")
    labels = {
        t.get_gid(): t.get_text() for t in fig.axes[0].texts if (t.get_gid() or "").startswith("label-")
    }
    assert labels["label-city-of-london"].endswith("\u2020")
    # The widest name takes its mark below it, inside its hexagon.
    assert labels["label-northumbria"] == "Northumbria\n\u2020"
    words = " ".join(t.get_text() for t in fig.texts)
    assert "Grades marked \u2020 are inferred, not stated (the data say how): " in " ".join(words.split())
    own = pe.loads(
        "- force: north-wales\n  cycle: 2023-25\n  assessments:\n    - question: investigating\n"
        "      grade: inadequate\n      basis: inferred\n      grade_note: read from wording\n"
        "      other_grades: [{grade: requires improvement, kind: disputed}]\n"
    )
    fig = pe.output.plot_map(own, "2023-25", "investigating")
    labels = {
        t.get_gid(): t.get_text() for t in fig.axes[0].texts if (t.get_gid() or "").startswith("label-")
    }
    assert labels["label-north-wales"].endswith("\u2020\u2021")
    words = " ".join(" ".join(t.get_text() for t in fig.texts).split())
    assert "Grades marked \u2021 are disputed or revised, another grade recorded too" in words


def test_a_map_keys_only_what_it_draws() -> None:
    # A map of no grade at all keyed four grades it does not use, as if
    # there were some to find; one where every force is graded keyed
    # "nothing in the data".
    data = pe.loads(
        "- {force: kent, cycle: 2016, assessments: [{question: 3, grade: not inspected}]}\n"
        "- {force: essex, cycle: 2016, assessments: [{question: 3, grade: not inspected}]}\n"
    )
    keys = [t.get_text() for t in pe.output.plot_map(data, "2016", 3).legends[0].get_texts()]
    assert keys == ["Not inspected: " + pe.NoGrade.NOT_INSPECTED.meaning, "Nothing in the data (unknown)"]
    every_force = pe.output.plot_map(pe.load_bundled(), "2018/19", pillar="efficiency")
    every = [t.get_text() for t in every_force.legends[0].get_texts()]
    assert "Nothing in the data (unknown)" not in every
    assert "Good" in every


def test_a_map_of_a_pillar_with_no_question_to_name_says_so(tmp_path: Path) -> None:
    # It sent the user to "--question N, such as 1" of 2014's legitimacy, which
    # has no question the registry knows, and the library to "()".
    data = pe.loads("force: kent\ncycle: 2014\npillar: legitimacy\n")
    with pytest.raises(
        pe.NotFoundError, match=r"^2014 legitimacy has no overall grade, nor a graded question"
    ):
        pe.output.plot_map(data, "2014", pillar="legitimacy")
    (tmp_path / "k.yaml").write_text(
        "force: kent\ncycle: 2014\npillar: effectiveness\nassessments:\n  - {question: 1, grade: good}\n"
    )
    code, _, err = _run(
        "--data", str(tmp_path), "plot", "map", "--cycle", "2014", "-o", str(tmp_path / "x.png")
    )
    assert code == 2
    assert (
        "plot map needs --question: 2014 effectiveness has no overall grade: name a core question (1, 2, 3)"
        in err
    )


def test_each_hexagon_with_nothing_in_the_data_is_outlined() -> None:
    # White on white, hatched neighbours ran together into one shape.
    from matplotlib.colors import to_hex

    from peel_effectiveness.output import _chart

    fig = _map("2016", 3)
    outlined = [
        p
        for p in fig.axes[0].patches
        if to_hex(p.get_edgecolor()) == _chart.NO_DATA_INK and not p.get_hatch()
    ]
    hatched = [p for p in fig.axes[0].patches if p.get_hatch() == _chart.NO_DATA_HATCH]
    assert len(outlined) == len(hatched) > 30
