"""Files and folders written whole or not at all, and text made safe for a
terminal or a spreadsheet (the library side of issue 12)."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peel_effectiveness as pe
from peel_effectiveness._files import replace_folder, write_file
from peel_effectiveness.output._formats import render
from peel_effectiveness.output._text import json_safe, printable, printable_csv, wrap


def test_write_file_replaces_a_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_file(target, b"new")
    assert target.read_bytes() == b"new"
    target.chmod(0o600)
    write_file(str(target), b"newer")
    assert target.read_bytes() == b"newer"
    assert target.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["a.txt"]


def test_a_file_its_owner_made_read_only_is_not_replaced(tmp_path: Path) -> None:
    # Replacing a file needs only its folder's permission: a read-only file
    # was replaced whole, where writing it in place is refused (and as root,
    # whom the system lets write any file).
    target = tmp_path / "ro.yaml"
    target.write_text("old\n")
    target.chmod(0o444)
    report = pe.load_bundled().report("cumbria", 2016)
    with pytest.raises(PermissionError) as e:
        pe.dump(report, path=target)
    assert e.value.filename == str(target)
    with pytest.raises(PermissionError):
        write_file(target, b"new")
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["ro.yaml"]


def test_a_long_name_of_letters_of_two_bytes_is_written_and_folders_too(tmp_path: Path) -> None:
    # 244 bytes, a name any file system here takes: its temporary file was
    # named by its first 200 characters, 400 bytes, and nothing was written.
    name = "é" * 120 + ".csv"
    assert len(os.fsencode(name)) == 244
    write_file(tmp_path / name, b"a\n")
    assert (tmp_path / name).read_bytes() == b"a\n"
    replace_folder(tmp_path / ("é" * 125), lambda folder: (Path(folder) / "x").write_bytes(b""))
    assert (tmp_path / ("é" * 125) / "x").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "é" * 125])


def test_write_file_names_the_target_when_it_cannot(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as e:
        write_file(tmp_path / "no" / "a.txt", b"x")
    assert e.value.filename == str(tmp_path / "no" / "a.txt")
    with pytest.raises(IsADirectoryError):
        write_file(tmp_path, b"x")
    with pytest.raises(OSError, match="null"):
        write_file(str(tmp_path / "a\0b"), b"x")


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_replace_folder_swaps_the_folder_in_whole(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"

    def fill(text: str) -> str:
        def write(into: str) -> str:
            Path(into, "a.csv").write_text(text, encoding="utf-8")
            return into

        return write

    made = replace_folder(folder, fill("one"), allowed={"a.csv"})
    assert Path(made).name != "pkg"  # the new folder's first name, beside it
    assert (folder / "a.csv").read_text(encoding="utf-8") == "one"
    replace_folder(folder, fill("two"), allowed={"a.csv"})
    assert (folder / "a.csv").read_text(encoding="utf-8") == "two"
    assert os.listdir(tmp_path) == ["pkg"]

    def fails(into: str) -> None:
        Path(into, "a.csv").write_text("half", encoding="utf-8")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        replace_folder(folder, fails, allowed={"a.csv"})
    assert (folder / "a.csv").read_text(encoding="utf-8") == "two"
    assert os.listdir(tmp_path) == ["pkg"]


def test_replace_folder_never_removes_what_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"holds more than a package \(mine.txt\)"):
        replace_folder(tmp_path, lambda _: None, allowed={"a.csv"}, what="a package")
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "mine"
    # A folder under a name the function writes is not one of its files.
    (tmp_path / "mine.txt").unlink()
    (tmp_path / "a.csv").mkdir()
    (tmp_path / "a.csv" / "thesis.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"holds more than a package \(a.csv/\)"):
        replace_folder(tmp_path, lambda _: None, allowed={"a.csv"}, what="a package")
    assert (tmp_path / "a.csv" / "thesis.txt").read_text(encoding="utf-8") == "mine"
    (tmp_path / "a.csv" / "thesis.txt").unlink()
    (tmp_path / "a.csv").rmdir()
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(NotADirectoryError):
        replace_folder(tmp_path / "file", lambda _: None)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, \u2013 and \u00e9", "plain text, \u2013 and \u00e9"),
        ("\x1b[31mred", "\\x1b[31mred"),
        ("back\rover", "back\\rover"),
        ("tab\there", "tab\\there"),
        ("c1 \x9b2J \x85", "c1 \\x9b2J \\x85"),
        ("rtl \u202e \u2066", "rtl \\u202e \\u2066"),
        ("line\u2028sep", "line\\u2028sep"),
        ("nul\x00 del\x7f", "nul\\x00 del\\x7f"),
        # Letters that show as nothing: "Ke\u115fnt" read as "Kent".
        ("Ke\u115fnt Ke\u3164nt Ke\uffa0nt Ke\u034fnt", "Ke\\u115fnt Ke\\u3164nt Ke\\uffa0nt Ke\\u034fnt"),
        (
            "emoji \u2764\ufe0f, joined \U0001f469\u200d\U0001f4bb",
            "emoji \u2764\ufe0f, joined \U0001f469\u200d\U0001f4bb",
        ),
        # Unassigned, and may show as nothing; a Khitan filler.
        (
            "a\u2065b\ufff0c\U000e0000d\U000e0002e\U00016fe4",
            "a\\u2065b\\ufff0c\\U000e0000d\\U000e0002e\\U00016fe4",
        ),
        ("\u845b\U000e0100", "\u845b\U000e0100"),  # an ideographic variation selector, kept
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert printable(text + "\n", lines=True) == shown + "\n"


def test_what_is_escaped_is_never_printable_by_python_but_the_blank_letters() -> None:
    # printable() and its kin return text that str.isprintable() passes as
    # it is, without looking further, where it holds none of the few letters
    # that show as nothing: each other character they escape must fail it.
    from peel_effectiveness.output._text import _BLANK, _UNSAFE

    for kind, pattern in _UNSAFE.items():
        found = re.compile(pattern)
        escaped = [c for c in map(chr, range(0x110000)) if found.search(c) and c.isprintable()]
        assert escaped == sorted(_BLANK), kind


# Line breaks, carriage returns and the other escaped characters among
# plain ones, in any order: what the fast paths must tell apart.
_MIXED = st.text(st.sampled_from(["\n", "\r", "\t", "\x1b", "\x85", "\u2028", "\u202e", "a", " ", "\u00e9"]))


@given(_MIXED)
def test_the_fast_paths_escape_what_the_expressions_do(text: str) -> None:
    # Text is returned as it is, without the expressions, when it is
    # printable once its kept line ends are taken out: the same as the
    # expressions would make of it.
    from peel_effectiveness.output._text import _escape, _unsafe

    assert printable(text) == _unsafe("all").sub(_escape, text)
    assert printable(text, lines=True) == _unsafe("lines").sub(_escape, text)
    assert printable_csv(text) == _unsafe("csv").sub(_escape, text)
    assert json_safe(text) == _unsafe("lines").sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def test_printable_csv_keeps_crlf_and_json_safe_keeps_the_values() -> None:
    assert printable_csv('a,"b\x1b"\r\nc,"d\re"\r\n') == 'a,"b\\x1b"\r\nc,"d\\re"\r\n'
    import json

    text = json.dumps(["\x1b\x85\u202e\r"], ensure_ascii=False, indent=1)
    assert json_safe(text).isascii()
    assert json.loads(json_safe(text)) == ["\x1b\x85\u202e\r"]


def test_wrapped_words_show_their_control_characters() -> None:
    assert wrap("a \x1b[2J b", 80) == ["a \\x1b[2J b"]


def test_tables_show_control_characters_escaped_and_csv_keeps_them() -> None:
    rows = [{"a": "x\x1by", "b": "one\ntwo"}]
    assert "x\\x1by" in render(rows, ["a", "b"], "table")
    assert "one two" in render(rows, ["a", "b"], "table")  # an aligned row is one line: its lines run on
    assert "| x\\\\x1by | one<br>two |" in render(rows, ["a", "b"], "markdown")  # shows as x\x1by
    (row,) = csv.DictReader(io.StringIO(render(rows, ["a", "b"], "csv"), newline=""))
    assert row == {"a": "x\x1by", "b": "one\ntwo"}


def test_excel_csv() -> None:
    rows = [{"t": t, "n": -2.5} for t in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx", "ok", "'q")]
    text = render(rows, ["t", "n"], "csv", excel=True)
    assert text.startswith("\ufefft,n\r\n")
    got = [r["t"] for r in csv.DictReader(io.StringIO(text[1:], newline=""))]
    assert got == ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "ok", "'q"]
    assert {r["n"] for r in csv.DictReader(io.StringIO(text[1:], newline=""))} == {"-2.5"}
    assert render(rows, ["t", "n"], "csv").startswith("t,n\r\n=1+1,-2.5\r\n")


def test_write_package_excel(tmp_path: Path) -> None:
    import json

    path = pe.output.write_package(pe.load_bundled().for_force("cumbria"), tmp_path / "p", excel=True)
    package = json.loads(Path(path).read_text(encoding="utf-8"))
    assert {r["encoding"] for r in package["resources"]} == {"utf-8-sig"}
    assert (tmp_path / "p" / "outcomes.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted(os.listdir(tmp_path / "p")) == [
        "datapackage.json",
        "forces.csv",
        "grid.csv",
        "judgments.csv",
        "measurements.csv",
        "other_grades.csv",
        "outcomes.csv",
    ]


def test_a_chart_is_saved_whole(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from peel_effectiveness.output import save_chart

    figure = pe.output.plot_grades(pe.load_bundled(), 2016)
    for name in ("grades.png", "grades.svg"):
        save_chart(figure, tmp_path / name)
    assert (tmp_path / "grades.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in (tmp_path / "grades.svg").read_bytes()[:500]
    assert sorted(os.listdir(tmp_path)) == ["grades.png", "grades.svg"]


def test_dump_to_a_path_writes_through_a_link_and_keeps_permissions(tmp_path: Path) -> None:
    # One writer for the library and the command line (see _files.write_file).
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    report = pe.InspectionReport(force="kent", cycle=2016)
    pe.dump(report, path=link)
    assert link.is_symlink()
    assert pe.load(real).reports == (report,)
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


@pytest.mark.parametrize("name", ["out.json", "OUT.JSON", "out.yaml", "out.yml", "out.data", "out"])
def test_dump_to_a_path_writes_what_load_reads_it_as(tmp_path: Path, name: str) -> None:
    # A .json file was written as YAML, which load then refused.
    data = pe.load_bundled()
    small = pe.Dataset(data.for_force("cumbria"), data.stays_of("cumbria"))
    pe.dump(small, path=tmp_path / name)
    assert pe.load(tmp_path / name) == small
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert (text[:1] in "{[") is name.lower().endswith(".json")


@pytest.mark.parametrize(
    ("name", "format", "said"),
    [
        ("out.json", "yaml", "a .json file is read as JSON: write it as json, or name it .yaml"),
        ("out.yaml", "json", "a .yaml file is read as YAML: write it as yaml, or name it .json"),
        ("out.csv", None, "a CSV file, not a data file"),
        ("out.txt", "yaml", "a TXT file, not a data file"),
    ],
)
def test_dump_refuses_a_file_load_would_not_read_back(
    tmp_path: Path, name: str, format: str | None, said: str
) -> None:
    report = pe.InspectionReport(force="kent", cycle=2016)
    with pytest.raises(pe.PeelDataError) as e:
        pe.dump(report, format, path=tmp_path / name)  # type: ignore[arg-type]
    assert said in str(e.value)
    assert os.listdir(tmp_path) == []


def test_a_float_subclass_is_written_as_its_number() -> None:
    # numpy's float64 is a float whose repr says np.float64(1.5).
    np = pytest.importorskip("numpy")
    text = render([{"v": np.float64(1.5), "w": np.float64(2.0)}], ["v", "w"], "csv")
    assert text == "v,w\r\n1.5,2\r\n"


def _interrupted_replace(monkeypatch: pytest.MonkeyPatch, number: int = signal.SIGINT) -> None:
    # Ctrl-C (or another signal) just as the new file is moved into place.
    replace = os.replace

    def interrupted(src: str, dst: str) -> None:
        signal.raise_signal(number)
        replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)


def test_a_ctrl_c_while_a_file_goes_in_place_comes_after_it_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"OLD")
    _interrupted_replace(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, b"NEW")
    assert target.read_bytes() == b"NEW"  # interrupted after, not during: the file is whole
    assert os.listdir(tmp_path) == ["out.csv"]  # no temporary file left


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_the_command_line_is_done_once_its_file_is_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from peel_effectiveness.cli import main

    number = getattr(signal, name, None)
    if number is None:
        pytest.skip(f"no {name} here")
    target = tmp_path / "out.csv"
    target.write_bytes(b"OLD")
    handler = signal.getsignal(number)
    _interrupted_replace(monkeypatch, number)
    out, err = io.StringIO(), io.StringIO()
    code = main(["export", "--table", "forces", "-o", str(target)], stdout=out, stderr=err)
    # Not "interrupted", nor stopped by a signal, with the new file in
    # place: the command was done (SIGTERM, SIGHUP stopped it with exit 143,
    # 129 after it had written its file).
    assert (code, err.getvalue()) == (0, f"wrote {target}\n")
    assert target.read_text(encoding="utf-8").startswith("id,official_name")
    assert signal.getsignal(number) is handler  # given back to the caller


def test_a_package_that_cannot_be_made_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    from peel_effectiveness.output import write_package

    data = pe.load_bundled()
    folder = tmp_path / "package"
    write_package(data, folder, tables=["judgments"])
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(pe.PeelDataError, match="stays in Engage"):
        write_package(list(data.for_force("kent")), folder, tables=["judgments", "monitoring"])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_spreadsheet_s_package_names_its_fields_as_its_headers(tmp_path: Path) -> None:
    import json

    from peel_effectiveness.output import write_package

    text = "force: kent\ncycle: 2025-27\nassessments:\n  - question: =HYPERLINK(x)\n    grade: good\n"
    with pytest.warns(pe.PeelWarning, match="registry does not know"):
        mine = pe.loads(text)
    path = write_package(mine, tmp_path, tables=["grid"], excel=True)
    # (with the forces table, which the grid's force column refers to)
    forces, grid = json.loads(Path(path).read_text(encoding="utf-8"))["resources"]
    assert forces["name"] == "forces"
    header = next(csv.reader(io.StringIO((tmp_path / "grid.csv").read_text(encoding="utf-8-sig"))))
    assert [f["name"] for f in grid["schema"]["fields"]] == header
    assert "'=hyperlink(x)" in header


def test_wide_characters_take_two_columns_in_a_table_and_a_wrapped_line() -> None:
    from peel_effectiveness.output._formats import table
    from peel_effectiveness.output._text import shown_width

    wide = "東京都警察 " * 12
    text = table(["name", "x"], [[wide, "1"], ["Kent", "2"]], [False, True])
    assert {shown_width(line) for line in text.splitlines()[:4]} == {80}
    assert text.splitlines()[3].endswith("  2")  # the numbers still line up
    assert all(shown_width(line) <= 30 for line in wrap(wide + "東" * 40, 30))
    # Marks that join the character before them take no column; a
    # zero-width space is shown as its escape, whose columns it takes.
    assert [
        shown_width(t)
        for t in ("\u0e01\u0e31", "\u0939\u093f\u0902", "e\u0301", "\u1100\u1161\u11a8", "a\u200bb")
    ] == [1, 2, 1, 2, 8]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_stop_while_a_folder_is_made_comes_after_it_is_in_place(tmp_path: Path, name: str) -> None:
    # kill, timeout and service managers send SIGTERM, a closed terminal
    # SIGHUP: either stopped the write outright and left its temporary folder.
    script = f"""
import os, signal, sys
from peel_effectiveness._files import replace_folder

def fill(into):
    open(os.path.join(into, "a.csv"), "w").write("new")
    signal.raise_signal(signal.SIGINT)  # a Ctrl-C first hid the stop after it
    signal.raise_signal(signal.{name})
    open(os.path.join(into, "b.csv"), "w").write("new")

replace_folder(sys.argv[1], fill, allowed={{"a.csv", "b.csv"}})
print("went on after the signal")
"""
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "a.csv").write_text("old", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", script, str(folder)], capture_output=True, text=True)
    assert done.returncode == -getattr(signal, name), done.stderr
    assert done.stdout == ""
    assert os.listdir(tmp_path) == ["package"]  # no temporary folder left
    assert sorted(p.read_text(encoding="utf-8") for p in folder.iterdir()) == ["new", "new"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_write_to_a_pipe_no_one_reads_can_be_stopped(tmp_path: Path) -> None:
    # Its open waited for a reader with the signals held back: only
    # SIGKILL ended it.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    script = "import sys\nfrom peel_effectiveness._files import write_file\nwrite_file(sys.argv[1], b'x')\n"
    child = subprocess.Popen([sys.executable, "-c", script, str(pipe)])
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            child.wait(timeout=1.5)  # waiting for a reader, as it should
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=10) == -signal.SIGTERM
    finally:
        child.kill()
        child.wait()


def test_the_command_line_gives_ctrl_c_s_handler_back_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Ctrl-C while main() gave the handlers back raised out of it with
    # SIGTERM and SIGHUP still ignored, as the command had set them.
    from peel_effectiveness.cli import main

    given_back: list[int] = []
    real = signal.signal

    def noting(number: int, handler: object) -> object:
        given_back.append(number)
        return real(number, handler)  # type: ignore[arg-type]

    before = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}
    monkeypatch.setattr(signal, "signal", noting)
    assert main(["forces", "-o", str(tmp_path / "f.csv")], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    monkeypatch.undo()
    assert given_back[-1] == signal.SIGINT
    assert {n: signal.getsignal(n) for n in before} == before


def test_a_path_ending_in_a_separator_names_a_folder_and_no_file_is_written(tmp_path: Path) -> None:
    # realpath dropped the separator: "precious.csv/" replaced precious.csv.
    (tmp_path / "precious.csv").write_text("keep\n")
    with pytest.raises(IsADirectoryError):
        write_file(str(tmp_path / "precious.csv") + os.sep, b"new")
    with pytest.raises(IsADirectoryError):
        pe.dump(pe.InspectionReport(force="kent", cycle=2016), "json", path=str(tmp_path / "q.json") + os.sep)
    assert (tmp_path / "precious.csv").read_text() == "keep\n"
    assert sorted(os.listdir(tmp_path)) == ["precious.csv"]
    from clirun import run as run_cli

    code, _, err = run_cli("forces", "--format", "csv", "-o", str(tmp_path / "ff.csv") + os.sep)
    assert code == 1, err
    assert sorted(os.listdir(tmp_path)) == ["precious.csv"]


def test_dump_through_a_link_checks_the_name_of_the_file_it_writes(tmp_path: Path) -> None:
    # The format was chosen by the link's name, and the target written.
    report = pe.InspectionReport(force="kent", cycle=2016)
    (tmp_path / "t.csv").write_text("keep\n")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "t.csv")
    with pytest.raises(pe.PeelDataError, match="a CSV file, not a data file"):
        pe.dump(report, path=tmp_path / "link.yaml")
    (tmp_path / "l2.yaml").symlink_to(tmp_path / "t.json")
    with pytest.raises(pe.PeelDataError, match=r"a \.json file is read as JSON"):
        pe.dump(report, path=tmp_path / "l2.yaml")
    assert (tmp_path / "t.csv").read_text() == "keep\n"
    assert not (tmp_path / "t.json").exists()


@pytest.mark.parametrize("name", ["x.jsonl", "x.md", "x.sqlite", "x.png", "x.svg", "x.html"])
def test_dump_refuses_the_package_s_own_other_outputs(tmp_path: Path, name: str) -> None:
    with pytest.raises(pe.PeelDataError, match="not a data file"):
        pe.dump(pe.InspectionReport(force="kent", cycle=2016), path=tmp_path / name)
    assert os.listdir(tmp_path) == []


def test_dump_refuses_a_path_given_as_bytes_as_load_does(tmp_path: Path) -> None:
    # It wrote the file, which the same path given to load() is refused for.
    report = pe.InspectionReport(force="kent", cycle=2016)
    with pytest.raises(TypeError, match=r"^dump\(\) takes a path \(str or os.PathLike\), not bytes$"):
        pe.dump(report, path=os.fsencode(tmp_path / "b.yml"))
    with pytest.raises(TypeError, match=r"^load\(\) takes a path \(str or os.PathLike\), not bytes"):
        pe.load(os.fsencode(tmp_path / "b.yml"))  # type: ignore[arg-type]
    # A path that gives bytes too (os.scandir(b".")'s entries): it was written.
    (entry,) = (e for e in os.scandir(os.fsencode(tmp_path.parent)) if e.name == os.fsencode(tmp_path.name))
    for write in (
        lambda: pe.dump(report, path=entry),  # type: ignore[arg-type]
        lambda: pe.output.write_sqlite(report, entry),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError, match="a path"):
            write()
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("tail", [os.sep + ".", os.sep + "..", os.sep])
def test_a_path_whose_last_part_is_a_folder_s_writes_no_file(tmp_path: Path, tail: str) -> None:
    # realpath tidied "y.csv/." into y.csv, which was replaced.
    (tmp_path / "y.csv").write_text("keep\n")
    with pytest.raises(IsADirectoryError):
        write_file(str(tmp_path / "y.csv") + tail, b"new")
    with pytest.raises(IsADirectoryError):
        pe.dump(pe.InspectionReport(force="kent", cycle=2016), path=str(tmp_path / "new.yaml") + tail)
    assert (tmp_path / "y.csv").read_text() == "keep\n"
    assert sorted(os.listdir(tmp_path)) == ["y.csv"]


def test_dump_through_a_link_without_a_data_suffix_takes_its_target_s_format(tmp_path: Path) -> None:
    report = pe.InspectionReport(force="kent", cycle=2016)
    (tmp_path / "data").symlink_to(tmp_path / "t.json")
    pe.dump(report, path=tmp_path / "data")
    assert (tmp_path / "t.json").read_text(encoding="utf-8").startswith("{")
    assert pe.load(tmp_path / "t.json").reports == (report,)


def test_a_letter_that_shows_as_nothing_takes_the_columns_of_its_escape() -> None:
    # Measured as a letter (2 columns) and written as a 6-character escape,
    # it pushed a table's columns out of line.
    from peel_effectiveness.output._text import cut_to, shown_width

    assert shown_width("Ke\u115fnt") == len("Ke\\u115fnt") == 10
    assert cut_to("Ke\u115fnt", 3) == "Ke"
    assert cut_to("Ke\u115fnt", 8) == "Ke\u115f"
