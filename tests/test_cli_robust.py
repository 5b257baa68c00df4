"""Issue 12, "every input answered, nothing lost", on the command line:
whatever the streams, the locale, the environment or the data, a command
ends in one line on standard error and the right exit code, never a
traceback; control characters from the data never reach a terminal raw;
outputs are written whole or not at all and never overwrite an input; and
``--excel`` writes CSV a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import figures
import peel_effectiveness as pe
from peel_effectiveness.cli import main

BIG = "9" * 5000  # more digits than Python reads as an int (4,300)
# What must not reach a terminal raw.
CONTROLS = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]]
CONTROLS += ["\r", "\t", "\u2028", "\u2029", "\u202e", "\u2066"]
# What shows as nothing: "Ka\u200bnt" read as "Kant".
CONTROLS += ["\u200b", "\ufeff", "\u00ad", "\u2060", "\u180e", "\u206a", "\ufff9", "\U000e0041"]


def run(*args: str, stdout: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = stdout if stdout is not None else io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def process(
    *args: str,
    env: dict[str, str] | None = None,
    shell_prefix: str = "",
    stdin: bytes | None = None,
    script: str | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """The command line as a real process; ``shell_prefix`` (``exec >&-``...)
    sets up its streams first."""
    command = [sys.executable, "-c", script] if script else [sys.executable, "-m", "peel_effectiveness"]
    command += list(args)
    if shell_prefix:
        command = ["sh", "-c", f'{shell_prefix}; exec "$@"', "sh", *command]
    return subprocess.run(
        command,
        capture_output=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def one_line(err: str | bytes) -> bool:
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else err
    return text.count("\n") == 1 and text.endswith("\n") and "Traceback" not in text


def evil(tmp_path: Path, *, ranked: bool = False) -> Path:
    """A data file whose text holds every control character, and a folder
    holding it (with ``ranked``, and four more forces' figures, to rank)."""
    folder = tmp_path / "evil"
    folder.mkdir()
    bad = "".join(CONTROLS)
    report = {
        "force": "kent",
        "cycle": 2016,
        "grade": "good",
        "summary": f"Summary \x1b[31mred\x1b[0m {bad} end",
        "provenance": {
            "title": f"Title \x1b]0;pwned\x07 {bad}",
            "publisher": "HMIC\r",
            "url": "https://example.org/kent",
        },
        "measurements": [
            {
                "metric": "crime_rate",
                "label": f"Label \x1b[2J\rover {bad}",
                "unit": "count",
                "value": 3,
                "note": "note\x9b31m",
            }
        ],
    }
    (folder / "kent-2016.json").write_text(json.dumps(report), encoding="utf-8")
    # Four more forces with the figure, to rank (a ranking needs five).
    for i, force in enumerate(("durham", "essex", "surrey", "dorset") if ranked else ()):
        plain = {"force": force, "cycle": 2016, "measurements": [{**report["measurements"][0], "value": i}]}
        (folder / f"{force}-2016.json").write_text(json.dumps(plain), encoding="utf-8")
    return folder


# --- 1. one line, never a traceback --------------------------------------------


def test_a_closed_standard_output_is_one_line() -> None:
    p = process("list", shell_prefix="exec >&-")
    assert p.returncode == 1
    assert p.stderr == b"peel-effectiveness: standard output is closed: write to a file with --output FILE\n"


def test_a_closed_standard_output_does_not_matter_with_output(tmp_path: Path) -> None:
    p = process("list", "--format", "csv", "--output", str(tmp_path / "list.csv"), shell_prefix="exec >&-")
    assert (p.returncode, p.stderr) == (0, f"wrote {tmp_path / 'list.csv'}\n".encode())
    assert (tmp_path / "list.csv").read_text(encoding="utf-8").startswith("force,short_name,")


def test_a_reader_that_goes_away_is_not_an_error() -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "peel_effectiveness", "export", "--table", "judgments", "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()  # as `| head -1` does
    err = child.stderr.read()
    child.stderr.close()
    assert child.wait(timeout=60) == 0
    assert json.loads(first)["force"] == "avon-and-somerset"
    assert err == b""


def test_output_to_the_standard_output_device_reaches_a_pipe() -> None:
    # /dev/stdout is a link to /proc/self/fd/1, whose target a pipe is not
    # a path of: written as a device, not replaced by a file beside it
    # ("cannot use /dev/stdout: No such file or directory").
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout")
    child = subprocess.run(
        [sys.executable, "-m", "peel_effectiveness", "forces", "--format", "csv", "-o", "/dev/stdout"],
        capture_output=True,
        check=False,
    )
    assert (child.returncode, child.stderr) == (0, b"")
    assert child.stdout.startswith(b"id,")


@pytest.mark.parametrize("device", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_output_to_the_standard_output_device_keeps_what_the_shell_wrote_around_it(
    device: str, tmp_path: Path
) -> None:
    # Into a file standard output is (">>" or a group's ">"), the table was
    # written to a new file moved over it: what the shell had written, and
    # wrote after, was lost.
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    log = tmp_path / "log.txt"
    log.write_text("HEADER\n", encoding="utf-8")
    me = f"{sys.executable} -m peel_effectiveness"
    run_in = ["sh", "-c", f'{me} forces --format csv -o {device} >> "$1"', "sh", str(log)]
    assert subprocess.run(run_in, capture_output=True, check=False, timeout=120).returncode == 0
    # Records, not lines: a force's sources are one a line within their cell.
    lines = [",".join(r) for r in csv.reader(io.StringIO(log.read_text(encoding="utf-8")))]
    assert lines[:2] == ["HEADER", "id,official_name,short_name,gss_code,region,country,sources"]
    assert len(lines) == 45
    group = [
        "sh",
        "-c",
        f'{{ echo H; {me} forces --format csv -o {device}; echo F; }} > "$1"',
        "sh",
        str(log),
    ]
    assert subprocess.run(group, capture_output=True, check=False, timeout=120).returncode == 0
    lines = [",".join(r) for r in csv.reader(io.StringIO(log.read_text(encoding="utf-8")))]
    assert (lines[0], lines[1][:3], lines[-1], len(lines)) == ("H", "id,", "F", 46)


def test_dump_to_the_standard_output_device_writes_through_standard_output(tmp_path: Path) -> None:
    # Appended to the file, or put in a file of its own moved over it, it
    # lost what the program printed before and after.
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout")
    out = tmp_path / "reports.yaml"  # dump names the file a link leads to: a data file
    script = (
        "import peel_effectiveness as pe; print('# BEFORE', flush=True); "
        "pe.dump(pe.load_bundled().report('kent', '2016'), 'yaml', path='/dev/stdout'); print('# AFTER')"
    )
    for redirect in (">", ">>"):
        out.write_text("# HEADER\n", encoding="utf-8")
        sh = ["sh", "-c", f'{sys.executable} -c "{script}" {redirect} "$1"', "sh", str(out)]
        assert subprocess.run(sh, capture_output=True, check=False, timeout=120).returncode == 0
        lines = out.read_text(encoding="utf-8").splitlines()
        head = ["# HEADER"] if redirect == ">>" else []
        assert lines[: len(head) + 2] == [*head, "# BEFORE", "force: kent"], redirect
        assert lines[-1] == "# AFTER"


def test_a_descriptor_s_pipe_is_written_as_it_is() -> None:
    # /dev/fd/N leads to a pipe that realpath names no file of: the write
    # failed ("No such file or directory").
    from peel_effectiveness import _files

    if not os.path.isdir("/dev/fd"):
        pytest.skip("no /dev/fd")
    r, w = os.pipe()
    try:
        _files.write_file(f"/dev/fd/{w}", b"through")
        os.close(w)
        w = -1
        assert os.read(r, 100) == b"through"
    finally:
        os.close(r)
        if w >= 0:
            os.close(w)


def test_output_to_standard_error_is_refused_as_where_messages_go(tmp_path: Path) -> None:
    # The data were written over by the messages written after them.
    if not os.path.exists("/dev/stderr"):
        pytest.skip("no /dev/stderr")
    err = tmp_path / "e.txt"
    me = f"{sys.executable} -m peel_effectiveness"
    for device in ("/dev/stderr", "/dev/fd/2"):
        sh = ["sh", "-c", f'{me} national --cycle 2016 --format csv -o {device} 2> "$1"', "sh", str(err)]
        assert subprocess.run(sh, capture_output=True, check=False, timeout=120).returncode == 2
        said = err.read_text(encoding="utf-8")
        assert said.count("\n") == 1
        assert f"--output {device} is standard error, where messages go" in said


def test_a_terminal_named_as_the_output_gets_its_control_codes_escaped(tmp_path: Path) -> None:
    # -o /dev/tty wrote an escape sequence in a note as it was, to be run by the terminal.
    if not hasattr(os, "openpty"):
        pytest.skip("no terminals")
    (tmp_path / "kent.yaml").write_text(
        'force: kent\ncycle: 2016\ngrade: good\ngrade_note: "X\\e[31mRED"\n', encoding="utf-8"
    )
    master, slave = os.openpty()
    try:
        name = os.ttyname(slave)
        data = ["--data", str(tmp_path), "--no-bundled"]
        assert run(*data, "export", "--table", "judgments", "--format", "csv", "-o", name)[0] == 0
        written = os.read(master, 100_000)
        assert b"\x1b" not in written
        assert b"X\\x1b[31mRED" in written
        code, _, err = run(*data, "export", "--format", "sqlite", "-o", name)
        assert code == 2
        assert "is a terminal: a database is written to a file" in err
        # The terminal standard input is, named: a terminal, not standard error.
        me = [sys.executable, "-m", "peel_effectiveness", "forces", "-o", "/dev/stdin"]
        p = subprocess.run(me, stdin=slave, stdout=slave, stderr=slave, check=False, timeout=120)
        assert p.returncode == 0
        assert b"standard error" not in os.read(master, 100_000)
    finally:
        os.close(master)
        os.close(slave)


def test_standard_error_is_refused_by_name_on_one_terminal_or_after_2_to_1() -> None:
    # On a terminal, or after 2>&1, standard error is the file standard
    # output is: -o /dev/stderr was taken for standard output and written.
    if not hasattr(os, "openpty") or not os.path.exists("/dev/stderr"):
        pytest.skip("no terminals")
    me = [sys.executable, "-m", "peel_effectiveness", "list", "-o"]
    master, slave = os.openpty()
    try:
        for device in ("/dev/stderr", "/dev/fd/2"):
            p = subprocess.run([*me, device], stdout=slave, stderr=slave, check=False, timeout=120)
            assert p.returncode == 2
            said = os.read(master, 100_000).decode()
            assert f"--output {device} is standard error, where messages go" in said
            assert "Wiltshire" not in said
    finally:
        os.close(master)
        os.close(slave)
    p = subprocess.run(
        [*me, "/dev/stderr"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False, timeout=120
    )
    assert p.returncode == 2
    assert b"is standard error, where messages go" in p.stdout


def test_a_closed_standard_output_named_as_a_device_is_said_as_for_dash() -> None:
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout")
    p = process("list", "-o", "/dev/stdout", shell_prefix="exec >&-")
    assert p.returncode == 1
    assert p.stderr == b"peel-effectiveness: standard output is closed: write to a file with --output FILE\n"


def test_dump_to_standard_output_is_not_named_by_the_file_the_shell_chose(tmp_path: Path) -> None:
    # Into "> run.log" it was refused as "a LOG file, not a data file"; into "> o.json" it wrote JSON.
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout")
    script = "import peel_effectiveness as pe; pe.dump(pe.load_bundled().report('kent', '2016'), path='/dev/stdout')"
    for name in ("run.log", "o.json"):
        out = tmp_path / name
        sh = ["sh", "-c", f'{sys.executable} -c "{script}" > "$1"', "sh", str(out)]
        p = subprocess.run(sh, capture_output=True, check=False, timeout=120)
        assert (p.returncode, p.stderr) == (0, b"")
        assert out.read_text(encoding="utf-8").startswith("force: kent\n"), name


def test_a_name_that_is_a_suffix_alone_is_refused_through_a_link_and_by_dump(tmp_path: Path) -> None:
    (tmp_path / "hid").symlink_to(tmp_path / ".csv")
    code, _, err = run("list", "-o", str(tmp_path / "hid"))
    assert code == 2
    assert "a suffix alone is a hidden file's name" in err
    assert not (tmp_path / ".csv").exists()
    with pytest.raises(
        pe.PeelDataError,
        match=r"a suffix alone is a hidden file.s name, without a suffix: name it reports\.json",
    ):
        pe.dump(pe.load_bundled().report("kent", "2016"), path=tmp_path / ".json")
    assert not (tmp_path / ".json").exists()


def test_the_file_standard_output_is_keeps_its_name_s_rules(tmp_path: Path) -> None:
    # "-o n.csv > n.csv" was taken for "-o -": a text table went into n.csv,
    # and JSON into k.csv, which "-o k.csv" alone refuses.
    me = f"{sys.executable} -m peel_effectiveness"
    n = tmp_path / "n.csv"
    sh = ["sh", "-c", f'{me} national --cycle 2016 -o "$1" > "$1"', "sh", str(n)]
    assert subprocess.run(sh, capture_output=True, check=False, timeout=120).returncode == 0
    assert n.read_text(encoding="utf-8").startswith("force,short_name,")
    k = tmp_path / "k.csv"
    sh = ["sh", "-c", f'{me} show kent --format json -o "$1" > "$1"', "sh", str(k)]
    p = subprocess.run(sh, capture_output=True, check=False, timeout=120)
    assert p.returncode == 2
    assert b"name it k.json" in p.stderr
    # A device is no stream's place: /dev/null with standard error there too.
    sh = ["sh", "-c", f"{me} national --cycle 2016 -o /dev/null 2>/dev/null"]
    assert subprocess.run(sh, capture_output=True, check=False, timeout=120).returncode == 0


def test_a_nul_in_the_output_s_name_is_one_line() -> None:
    code, out, err = run("national", "-o", "a\0b.csv")
    assert (code, out) == (1, "")
    assert err == "peel-effectiveness: cannot use a\\x00b.csv: embedded null byte\n"


def test_a_chart_link_to_a_name_of_no_format_is_written(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    (tmp_path / "c.png").symlink_to(tmp_path / "store.v2")
    assert run("plot", "grades", "--cycle", "2016", "-o", str(tmp_path / "c.png"))[0] == 0
    assert (tmp_path / "store.v2").read_bytes().startswith(b"\x89PNG")


def test_a_full_disk_is_one_line() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    p = process("list", shell_prefix="exec >/dev/full")
    assert p.returncode == 1
    assert p.stderr == b"peel-effectiveness: cannot write to standard output: No space left on device\n"


def test_a_closed_standard_input_is_one_line() -> None:
    p = process("validate", "-", shell_prefix="exec <&-")
    assert p.returncode == 1
    assert p.stderr == b"peel-effectiveness: cannot read standard input: it is closed\n"


def test_an_unreadable_standard_input_is_one_line() -> None:
    p = process("validate", "-", shell_prefix="exec 0>/dev/null")
    assert p.returncode == 1
    assert p.stderr == b"peel-effectiveness: cannot read standard input: Bad file descriptor\n"


def test_standard_input_that_is_not_utf8_is_one_problem() -> None:
    p = process("validate", "-", stdin=b"force: kent\ncycle: 2016\nsummary: caf\xe9\n")
    assert p.returncode == 1
    assert one_line(p.stderr)
    assert p.stderr.startswith(b"<stdin>:")
    assert b"UTF-8" in p.stderr


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}],
    ids=["PYTHONIOENCODING=ascii", "LC_ALL=C"],
)
def test_an_ascii_terminal_gets_escapes_not_a_traceback(env: dict[str, str], tmp_path: Path) -> None:
    p = process("show", "cumbria", env=env)
    assert (p.returncode, p.stderr) == (0, b"")
    assert p.stdout.isascii()
    assert b"Caution \\u2013 adults" in p.stdout  # the en dash of the bundled label
    # The program's own mark of a cut is written as it can be; the data's
    # characters, as escapes, as they are.
    assert b"\\u2026" not in p.stdout
    assert b"www.itv.com/..." in p.stdout
    cut = process("coverage", "--cycle", "2021/22", env=env).stdout  # a table's cut label
    assert b"Providing a service to victims of c...  " in cut
    assert b"\\u2026" not in cut
    # Laid out with its escapes: within 80 columns, the figures in their columns.
    lines = p.stdout.decode("ascii").splitlines()
    assert max(map(len, lines)) <= 80
    table = [line for line in lines if line.startswith(("  Charged / Summonsed", "  Caution \\u2013"))]
    assert len(table) == 3
    assert len({len(line) for line in table}) == 1
    # Data files are UTF-8 whatever the terminal.
    p = process("show", "cumbria", "--output", str(tmp_path / "card.txt"), env=env)
    assert (p.returncode, p.stderr) == (0, f"wrote {tmp_path / 'card.txt'}\n".encode())
    assert "Caution \u2013 adults" in (tmp_path / "card.txt").read_text(encoding="utf-8")
    p = process("export", "--table", "outcomes", "--output", str(tmp_path / "o.csv"), env=env)
    assert p.returncode == 0
    assert "Caution \u2013 adults" in (tmp_path / "o.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp037"])
@pytest.mark.parametrize(
    "args", [["show", "kent", "--format", "json"], ["export", "--table", "judgments", "--format", "jsonl"]]
)
def test_json_into_a_pipe_is_utf_8_whatever_the_encoding(
    encoding: str, args: list[str], tmp_path: Path
) -> None:
    # JSON is UTF-8 (RFC 8259), as CSV is: "> x.json" under cp1252 or
    # Latin-1 wrote é and the dash in that encoding, which no JSON reader
    # (nor validate) reads back.
    text = "\U0001f600 caf\u00e9 \u2013 x"
    data = tmp_path / "emoji.yaml"
    quoted = json.dumps(text, ensure_ascii=False)
    data.write_text(
        f"force: kent\ncycle: 2016\ngrade: good\ngrade_note: {quoted}\nsummary: {quoted}\n", encoding="utf-8"
    )
    p = process("--data", str(data), "--no-bundled", *args, env={"PYTHONIOENCODING": encoding})
    assert (p.returncode, p.stderr) == (0, b"")
    written = p.stdout.decode("utf-8")
    first = json.loads(written) if args[0] == "show" else json.loads(written.splitlines()[0])
    assert text in json.dumps(first, ensure_ascii=False)


@pytest.mark.skipif(sys.platform == "win32", reason="ulimit is POSIX sh's")
@pytest.mark.parametrize(
    "args",
    [
        ["export", "--table", "judgments", "--format", "json"],
        ["export", "--table", "judgments", "--format", "csv"],
        ["national", "--cycle", "2016", "--question", "all"],
    ],
)
def test_output_a_file_takes_only_part_of_is_an_error(args: list[str], tmp_path: Path) -> None:
    # A file at its size limit takes part of a write without an error (the
    # next write is refused): the rest was lost, and the command succeeded.
    out = tmp_path / "out"
    p = process(*args, shell_prefix=f"ulimit -f 1; exec >{shlex.quote(str(out))}")
    assert p.returncode == 1
    assert p.stderr == b"peel-effectiveness: cannot write to standard output: File too large\n"
    assert 0 < out.stat().st_size < 2048  # what the limit let in (sh counts blocks of 512 or 1024 bytes)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_csv_into_a_pipe_or_file_is_utf_8_whatever_the_encoding(encoding: str, tmp_path: Path) -> None:
    # CSV is UTF-8 (a spreadsheet's with its byte-order mark): a Windows
    # redirect (cp1252) must not turn the mark, or an en dash, into escapes.
    data = tmp_path / "dash.yaml"
    data.write_text(
        "force: kent\ncycle: 2016\ngrade: good\ngrade_note: caf\u00e9 \u2013 x\n", encoding="utf-8"
    )
    args = ("--data", str(data), "--no-bundled", "export", "--table", "judgments", "--format", "csv")
    for excel in ((), ("--excel",)):
        p = process(*args, *excel, env={"PYTHONIOENCODING": encoding})
        assert (p.returncode, p.stderr) == (0, b"")
        assert p.stdout.startswith(b"\xef\xbb\xbfforce," if excel else b"force,")
        assert "caf\u00e9 \u2013 x" in p.stdout.decode("utf-8")


@pytest.mark.parametrize(("encoding", "named"), [("ascii", "ascii"), ("latin-1", "latin-1")])
def test_csv_on_a_terminal_that_cannot_hold_a_character_says_it_is_escaped(encoding: str, named: str) -> None:
    # On a terminal CSV is read, not kept: what the terminal cannot show is
    # escaped, and the user told, once, how to write the data whole.
    from peel_effectiveness.cli._main import _write_out

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

        @property
        def encoding(self) -> str:  # type: ignore[override]
            return encoding

    out, err = Terminal(), io.StringIO()
    assert _write_out(out, err, "note\r\ncaf\u00e9 \u2013 x\r\n", "csv") is None
    assert "\\u2013" in out.getvalue()
    assert err.getvalue().splitlines() == [
        f"peel-effectiveness: warning: characters {named} cannot hold are written as backslash escapes; "
        "--output FILE writes UTF-8"
    ]


@pytest.mark.parametrize("columns", ["wide", "\u00b2", BIG, "-3", "0", ""])
def test_columns_that_is_not_a_width_is_ignored(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    code, out, err = run("show", "--help")
    assert (code, err) == (0, "")
    assert out.startswith("usage: peel-effectiveness show")


@pytest.mark.parametrize(
    "args",
    [
        ["national", "--cycle", "2016", "--question", BIG],
        ["national", "--cycle", "2016", "--question", "\u00b2"],
        ["national", "--cycle", "2016", "--question", "-" + BIG],
    ],
)
def test_a_question_number_of_5000_digits_is_one_line(args: list[str]) -> None:
    # A question that names none of the cycle's is bad usage, as a force
    # that does not exist is.
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert one_line(err)
    assert len(err) < 400
    assert err.startswith("peel-effectiveness national: error: no core question")


@pytest.mark.parametrize(
    ("option", "value"),
    [("--width", BIG), ("--width", "\u00b2"), ("--decimals", BIG), ("--decimals", "\u0663")],
)
def test_a_number_option_of_5000_digits_or_other_digits_is_bad_usage(option: str, value: str) -> None:
    command = ["show", "cumbria"] if option == "--width" else ["check"]
    code, out, err = run(*command, option, value)
    assert (code, out) == (2, "")
    assert one_line(err)
    assert "is not a whole number from" in err
    assert len(err) < 300  # the value is shown shortened


def test_ctrl_c_in_process_is_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    from peel_effectiveness.cli import _listings

    def interrupted(*_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(_listings, "cmd_list", interrupted)
    try:
        result = run("list")
    except KeyboardInterrupt:  # not to stop the test run
        pytest.fail("Ctrl-C went through main() as KeyboardInterrupt")
    assert result == (130, "", "peel-effectiveness: interrupted\n")


def _spy_on_forces(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector was on each time ``forces`` ran."""
    import gc

    from peel_effectiveness.cli import _listings

    seen: list[bool] = []
    real = _listings.cmd_forces

    def spy(*a: Any) -> int:
        seen.append(gc.isenabled())
        return real(*a)

    monkeypatch.setattr(_listings, "cmd_forces", spy)
    return seen


@pytest.mark.parametrize("collecting", [True, False])
def test_main_leaves_the_garbage_collector_alone(collecting: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # The collector's setting is the whole process's: main(), which a
    # program may call from any thread, does not touch it.
    import gc

    seen = _spy_on_forces(monkeypatch)
    before = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        run("forces")
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if before else gc.disable)()
    assert seen == [collecting]


@pytest.mark.parametrize("args", [["forces"], ["show"], ["--bogus"]])
def test_the_program_runs_main_with_the_collector_held_back(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The installed program and python -m both run console_script: main's
    # exit code, with the collector held back while the command runs (its
    # setting given back, whatever the command did), and what the command
    # made frozen (the exit frees it without walking it for cycles).
    import gc
    from importlib.metadata import entry_points

    from peel_effectiveness.cli._script import console_script

    (script,) = entry_points(group="console_scripts", name="peel-effectiveness")
    assert script.value == "peel_effectiveness.cli._script:console_script"
    seen = _spy_on_forces(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["peel-effectiveness", *args])
    before = gc.isenabled()
    stops = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
    handlers = {n: signal.getsignal(n) for n in stops}
    gc.enable()
    gc.unfreeze()
    try:
        code = console_script()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        # Done: a Ctrl-C now would only make the interpreter's exit print a
        # traceback, and a SIGTERM or SIGHUP end it as failed (143, 129)
        # with its file written.
        assert [signal.getsignal(n) for n in stops] == [signal.SIG_IGN] * 3
    finally:
        gc.unfreeze()
        (gc.enable if before else gc.disable)()
        for n, h in handlers.items():
            signal.signal(n, h)
    assert code == {"forces": 0, "show": 2, "--bogus": 2}[args[0]]
    assert seen == ([False] if args == ["forces"] else [])
    capsys.readouterr()


INTERRUPTED = """
import sys, time
from peel_effectiveness.cli import _listings

def slow(args, out, err):
    print("ready", flush=True)
    time.sleep(60)
    return 0

_listings.cmd_list = slow
from peel_effectiveness.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_ctrl_c_is_exit_130_and_one_line() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED, "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == b"ready\n"  # the command is running: now Ctrl-C
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert (out, err) == (b"", b"peel-effectiveness: interrupted\n")


SWALLOWED = """
import os, signal, sys
from peel_effectiveness.cli import _main
from peel_effectiveness.cli._script import console_script

def main():
    try:  # a library that catches everything where Ctrl-C comes (matplotlib's callbacks)
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):
            pass
    except BaseException:
        pass
    print("went on", flush=True)
    return 0

_main.main = main
sys.exit(console_script())
"""


@pytest.mark.parametrize("args", [["export", "--format", "sqlite"], ["plot", "grades", "--cycle", "2016"]])
def test_a_chart_or_a_database_is_refused_standard_error(args: list[str]) -> None:
    # A database written to /dev/stderr went into the stream of messages.
    child = subprocess.run(
        [sys.executable, "-m", "peel_effectiveness", *args, "-o", "/dev/stderr"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert child.returncode == 2
    assert b"--output /dev/stderr is standard error, where messages go: write to a file" in child.stderr
    assert b"SQLite" not in child.stderr


def test_ctrl_c_ends_the_program_where_a_library_would_catch_it() -> None:
    # Ctrl-C in a chart gave a traceback, a false error ("Invalid bounding
    # box", "matplotlib is not installed"), or a chart written with exit 0:
    # KeyboardInterrupt was raised inside matplotlib, which caught it.
    child = subprocess.run([sys.executable, "-c", SWALLOWED], capture_output=True, check=False, timeout=60)
    assert (child.returncode, child.stdout, child.stderr) == (130, b"", b"peel-effectiveness: interrupted\n")
    # A Ctrl-C the shell ignores (a job started with &) is ignored still.
    ignored = subprocess.run(
        [sys.executable, "-c", "import signal; signal.signal(signal.SIGINT, signal.SIG_IGN)\n" + SWALLOWED],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert (ignored.returncode, ignored.stdout) == (0, b"went on\n")


def test_a_charts_warnings_are_not_printed_before_its_error(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    for force in ("kent", "durham", "essex", "surrey", "dorset"):  # enough forces to rank
        (tmp_path / f"{force}.yaml").write_text(
            f"force: {force}\ncycle: 2016\nmeasurements:\n  - metric: m\n    label: M\n"
            "    unit: per_100\n    value: 1.5e+308\n    england_and_wales: 1.0\n",
            encoding="utf-8",
        )
    chart = tmp_path / "rank.svg"
    chart.write_text("the old chart", encoding="utf-8")
    p = process("--data", str(tmp_path), "--no-bundled", "plot", "rank", "--metric", "m", "-o", str(chart))
    assert p.returncode == 1
    assert p.stderr == b"peel-effectiveness: a figure is too large to draw (more than 1e+300)\n"
    assert chart.read_text(encoding="utf-8") == "the old chart"


def test_an_unexpected_error_is_still_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from peel_effectiveness.cli import _listings

    def broken(*_: object) -> int:
        return {}["nothing"]  # type: ignore[no-any-return]

    monkeypatch.setattr(_listings, "cmd_list", broken)
    code, out, err = run("list")
    assert (code, out) == (1, "")
    assert err == "peel-effectiveness: internal error, please report it: KeyError: 'nothing'\n"


# --- 2. control characters from the data are shown escaped ----------------------


def _raw_controls(text: str) -> set[str]:
    return {c for c in CONTROLS if c in text.replace("\r\n", "\n")} - {"\n"}


@pytest.mark.parametrize(
    "args",
    [
        ["show", "kent"],
        ["show", "kent", "--cycle", "2016"],
        ["show", "kent", "--format", "markdown"],
        ["show", "kent", "--format", "json"],
        ["export", "--format", "table"],
        ["export", "--format", "markdown"],
        ["export", "--format", "json"],
        ["export", "--format", "jsonl"],
        ["list"],
        ["info"],
        ["info", "--format", "markdown"],
        ["national", "--cycle", "2016", "--force", "kent"],
        ["rank", "--metric", "crime_rate"],
    ],
)
def test_control_characters_in_the_data_are_shown_escaped(args: list[str], tmp_path: Path) -> None:
    code, out, err = run("--data", str(evil(tmp_path, ranked=args[0] == "rank")), "--no-bundled", *args)
    assert code == 0, err
    assert not _raw_controls(out), args
    assert not _raw_controls(err)
    if args[0] in ("show", "export") and "json" not in args[-1]:
        assert "\\x1b" in out


@pytest.mark.parametrize("form", ["table", "markdown"])
def test_a_line_break_within_a_label_is_shown_as_its_escape_not_a_space(form: str, tmp_path: Path) -> None:
    # A carriage return, a tab or a separator of lines in a figure's label
    # is the data's, and shown as such; it was a space in a Markdown cell.
    code, out, err = run("--data", str(evil(tmp_path)), "--no-bundled", "show", "kent", "--format", form)
    assert code == 0, err
    assert "\\rover" in out
    assert "\\u2028" in out
    assert "\\x1c" in out


@pytest.mark.parametrize("args", [["national", "--cycle", "2025-27"], ["show", "kent"]])
def test_text_with_escapes_is_padded_as_it_is_shown(args: list[str], tmp_path: Path) -> None:
    # Padded by the text before its escapes, a row ran past 80 columns by
    # each escape's length, and its grade out of its column.
    (tmp_path / "r.yaml").write_text(
        "force: kent\ncycle: 2025-27\nassessments:\n"
        '  - {question: "plain area", grade: good}\n'
        '  - {question: "zws \\u200b area", grade: good}\n'
        '  - {question: "rtl \\u202e area", grade: good}\n',
        encoding="utf-8",
    )
    code, out, err = run("-q", "--data", str(tmp_path), *args)
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith("  ") and " area " in line]
    assert [r.split(" area ")[0].strip() for r in rows] == ["plain", "zws \\u200b", "rtl \\u202e"]
    assert {len(r) for r in rows} == {80}, rows


def test_json_keeps_the_data_exactly(tmp_path: Path) -> None:
    _, out, _ = run("--data", str(evil(tmp_path)), "--no-bundled", "export", "--format", "json")
    assert not _raw_controls(out)
    assert json.loads(out)[0]["label"] == "Label \x1b[2J\rover " + "".join(CONTROLS)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_csv_is_exact_in_a_pipe_and_escaped_on_a_terminal(tmp_path: Path) -> None:
    folder = evil(tmp_path)
    _, piped, _ = run("--data", str(folder), "--no-bundled", "export", "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(piped, newline=""))
    assert row["label"] == "Label \x1b[2J\rover " + "".join(CONTROLS)
    _, shown, _ = run("--data", str(folder), "--no-bundled", "export", "--format", "csv", stdout=Terminal())
    assert not _raw_controls(shown)
    assert shown.startswith("force,cycle,pillar,metric,")
    assert shown.count("\r\n") == 2
    assert "Label \\x1b[2J\\rover" in shown


@pytest.mark.parametrize("ends", [b"\r\n", b"\r"], ids=["CRLF", "CR"])
def test_cr_line_ends_in_a_data_file_do_not_reach_the_terminal(ends: bytes, tmp_path: Path) -> None:
    lines = [
        b"force: kent",
        b"cycle: 2016",
        b"grade: good",
        b"summary: |",
        b"  First line.",
        b"  Second line.",
        b"measurements:",
        b"  - metric: crime_rate",
        b'    label: "Crime\\rrate"',
        b"    unit: count",
        b"    value: 3",
        b"    note: >",
        b"      folded",
        b"      note",
    ]
    (tmp_path / "kent-2016.yaml").write_bytes(ends.join(lines) + ends)
    for args in (["show", "kent"], ["export", "--format", "table"], ["list"]):
        code, out, err = run("--data", str(tmp_path), "--no-bundled", *args)
        assert code == 0, err
        assert "\r" not in out, args
    _, out, _ = run("--data", str(tmp_path), "--no-bundled", "export", "--format", "table")
    assert "Crime\\rrate" in out


# --- 3. outputs written whole, never over an input --------------------------------


def test_output_naming_the_data_file_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "kent.yaml"
    data.write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    before = data.read_bytes()
    for option in ("-o", "--output"):
        code, out, err = run("--data", str(data), "list", option, str(data))
        assert (code, out) == (2, "")
        assert one_line(err)
        assert f"--output {data} is one of the command's inputs" in err
        assert data.read_bytes() == before
    # A data file of a folder given to --data is an input too.
    code, _, err = run("--data", str(tmp_path), "export", "--format", "json", "-o", str(data))
    assert code == 2
    assert data.read_bytes() == before
    # Through another name for it (a symbolic link).
    (tmp_path / "link.yaml").symlink_to(data)
    code, _, _ = run("--data", str(data), "list", "-o", str(tmp_path / "link.yaml"))
    assert code == 2
    assert data.read_bytes() == before
    # A link of another name and suffix, out of the folder, to a data file
    # of it (this overwrote the data file); and a data file of the folder
    # that links to a file out of it.
    elsewhere = tmp_path.parent / f"{tmp_path.name}-out"
    elsewhere.mkdir()
    (elsewhere / "out.csv").symlink_to(data)
    (elsewhere / "mine.yaml").write_bytes(before)
    (tmp_path / "theirs.yaml").symlink_to(elsewhere / "mine.yaml")
    for output in (elsewhere / "out.csv", elsewhere / "mine.yaml"):
        code, _, err = run("--data", str(tmp_path), "export", "-o", str(output))
        assert code == 2, output
        assert f"--output {output} is one of the command's inputs" in err
    assert data.read_bytes() == before == (elsewhere / "mine.yaml").read_bytes()


def test_a_package_that_would_replace_the_data_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    for target, data in ((folder, folder), (tmp_path, folder), (folder, folder / "kent.yaml")):
        code, out, err = run("--data", str(data), "export", "--package", str(target))
        assert (code, out) == (2, ""), (target, data)
        assert one_line(err)
        assert "writing the package would replace it" in err
    assert sorted(p.name for p in folder.iterdir()) == ["kent.yaml"]


def test_data_given_twice_uses_both(tmp_path: Path) -> None:
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    (tmp_path / "durham.yaml").write_text("force: durham\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    kent, durham = str(tmp_path / "kent.yaml"), str(tmp_path / "durham.yaml")
    for argv in (
        ["--data", kent, "--data", durham, "--no-bundled", "list", "--format", "json"],
        ["--data", kent, "--no-bundled", "list", "--data", durham, "--format", "json"],
        ["list", "--data", kent, "--data", durham, "--no-bundled", "--format", "json"],
    ):
        code, out, err = run(*argv)
        assert (code, err) == (0, ""), argv
        assert [r["force"] for r in json.loads(out)] == ["durham", "kent"], argv


def test_the_same_report_in_two_data_paths_is_refused(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    a, b = str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")
    code, out, err = run("--data", a, "--data", b, "--no-bundled", "list")
    assert (code, out) == (1, "")
    assert err == f"{b}:1: force: a second effectiveness 2016 report on Kent (the first is in {a}, line 1)\n"
    # The same file named twice is read once.
    assert run("--data", a, "--data", a, "--no-bundled", "list")[0] == 0


def test_a_failed_chart_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    chart = tmp_path / "grades.svg"
    chart.write_text("the old chart", encoding="utf-8")
    code, _, _err = run("plot", "grades", "--cycle", "2014", "--output", str(chart))
    assert code == 1
    assert chart.read_text(encoding="utf-8") == "the old chart"
    assert os.listdir(tmp_path) == ["grades.svg"]  # no temporary file left behind


def test_a_failed_command_leaves_the_output_file_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("the old rows\n", encoding="utf-8")
    code, _, _ = run("rank", "--metric", "nope", "--output", str(out))
    assert code == 1
    assert out.read_text(encoding="utf-8") == "the old rows\n"
    assert os.listdir(tmp_path) == ["out.csv"]


@pytest.mark.parametrize(
    ("name", "options"), [("judgments.csv", ["--table", "judgments"]), ("all.db", ["--format", "sqlite"])]
)
def test_an_output_that_cannot_be_written_whole_leaves_the_old_file(
    tmp_path: Path, name: str, options: list[str]
) -> None:
    # A database is made whole before it is moved into place: where that
    # failed, SQLite's "disk I/O error" was said to be an internal error.
    resource = pytest.importorskip("resource")
    out = tmp_path / name
    # (A database replaces an export's, not a file of your own: the old one is a small export.)
    if name.endswith(".db"):
        pe.output.write_sqlite(pe.load_bundled().for_force("kent"), out, ["judgments"])
    else:
        out.write_text("the old rows\n", encoding="utf-8")
    old = out.read_bytes()

    def small_files() -> None:  # as a full disk or a quota would: no file over 4 KiB
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    p = subprocess.run(
        [sys.executable, "-m", "peel_effectiveness", "export", *options, "-o", str(out)],
        capture_output=True,
        preexec_fn=small_files,
        timeout=120,
        check=False,
    )
    assert out.read_bytes() == old
    assert os.listdir(tmp_path) == [name]
    assert p.returncode == 1
    why = "File too large" if name.endswith(".csv") else "the database could not be made (disk I/O error)"
    assert p.stderr == f"peel-effectiveness: cannot use {out}: {why}\n".encode()


def test_a_package_is_not_written_over_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in (".", str(tmp_path), str(tmp_path.parent)):
        code, out, err = run("export", "--package", folder)
        assert (code, out) == (2, "")
        assert "holds the current folder" in err
    assert list(tmp_path.iterdir()) == []


def test_a_package_folder_with_other_files_is_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = run("export", "--package", str(folder))
    assert (code, out) == (1, "")
    assert one_line(err)
    assert "holds more than a data package (notes.txt)" in err
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_package_is_replaced_whole(tmp_path: Path) -> None:
    assert run("--quiet", "export", "--package", str(tmp_path / "new" / "sub" / "package"))[0] == 0
    assert (tmp_path / "new" / "sub" / "package" / "datapackage.json").is_file()
    folder = tmp_path / "package"
    assert run("export", "--package", str(folder), "--force", "kent")[0] == 0
    assert run("export", "--package", str(folder), "--force", "cumbria")[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new", "package"]
    assert "recorded_crime_rate" in (folder / "measurements.csv").read_text(encoding="utf-8")


KILLED = """
import sys, time
import peel_effectiveness.output.package as package

real = package.render
calls = []

def render(*args, **kwargs):
    calls.append(1)
    if len(calls) == 2:  # the first table is written: the package is on its way
        print("writing", flush=True)
        time.sleep(60)
    return real(*args, **kwargs)

package.render = render
from peel_effectiveness.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_package_killed_while_it_is_written_leaves_the_old_one(tmp_path: Path) -> None:
    folder = tmp_path / "package"
    assert run("--quiet", "export", "--package", str(folder), "--force", "kent")[0] == 0
    before = _snapshot(folder)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED, "export", "--package", str(folder), "--force", "cumbria"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == b"writing\n"
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert _snapshot(folder) == before
    # What the killed run left is hidden beside it, and is no obstacle.
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "package")
    assert all(name.startswith(".package.") and name.endswith(".tmp") for name in left)
    assert run("--quiet", "export", "--package", str(folder), "--force", "cumbria")[0] == 0
    assert _snapshot(folder) != before


def test_an_output_file_keeps_its_permissions_and_links_are_written_through(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    (tmp_path / "link.csv").symlink_to(target)
    assert run("list", "--format", "csv", "-o", str(tmp_path / "link.csv"))[0] == 0
    assert (tmp_path / "link.csv").is_symlink()
    assert target.read_text(encoding="utf-8").startswith("force,short_name,")
    assert target.stat().st_mode & 0o777 == 0o640
    assert run("list", "-o", os.devnull)[0] == 0


def test_an_output_file_s_suffix_chooses_the_format_when_none_is_given(tmp_path: Path) -> None:
    # Without --format, the name says what is wanted: national's default is
    # a table for people, which written into "out.csv" was not CSV.
    out = tmp_path / "national.csv"
    code, _, err = run("national", "--cycle", "2016", "-o", str(out))
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert len(table) > 1
    assert "force" in table[0]
    out = tmp_path / "JUDGMENTS.JSON"
    code, _, err = run("export", "--table", "judgments", "--force", "kent", "-o", str(out))
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))
    out = tmp_path / "lines.ndjson"
    assert run("list", "-o", str(out))[0] == 0
    assert all(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    out = tmp_path / "cumbria.md"
    assert run("show", "cumbria", "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8").startswith("#")
    out = tmp_path / "peel.sqlite"
    code, _, err = run("export", "-o", str(out))
    assert code == 0, err
    assert out.read_bytes().startswith(b"SQLite format 3")
    # A name that says no format: the command's default.
    for name in ("list.txt", "list", ".hidden", "list.out"):
        out = tmp_path / name
        assert run("list", "-o", str(out))[0] == 0
        assert not out.read_text(encoding="utf-8").startswith(("[", "{", "force,")), name


@pytest.mark.parametrize(
    ("args", "name", "said"),
    [
        (["show", "cumbria", "--format", "json"], "k.csv", "--format json writes JSON, not CSV"),
        (["national", "--format", "csv"], "n.json", "--format csv writes CSV, not JSON"),
        (["export", "--format", "json"], "e.jsonl", "--format json writes JSON, not JSON lines"),
        (["export", "--format", "csv"], "e.sqlite", "--format csv writes CSV, not an SQLite database"),
        (["list", "--format", "table"], "l.md", "--format table writes a text table, not Markdown"),
        (["show", "cumbria"], "k.csv", "show writes a text table, JSON or Markdown, not CSV"),
        (
            ["rank", "--metric", "crime_rate"],
            "r.png",
            "rank writes a text table, CSV, JSON, JSON lines or Markdown, not a PNG chart",
        ),
        (
            ["list"],
            "l.yaml",
            "list writes a text table, CSV, JSON, JSON lines or Markdown, not a YAML data file",
        ),
        (["export", "--table", "judgments"], "j.xlsx", "not an Excel workbook"),
    ],
)
def test_an_output_named_as_another_format_is_refused_and_left_as_it_was(
    args: list[str], name: str, said: str, tmp_path: Path
) -> None:
    out = tmp_path / name
    out.write_bytes(b"precious")
    code, printed, err = run(*args, "-o", str(out))
    assert (code, printed) == (2, "")
    assert one_line(err)
    assert f"--output {out}" in err
    assert said in err
    assert out.read_bytes() == b"precious"


def test_an_output_link_s_target_name_is_held_to_the_format_too(tmp_path: Path) -> None:
    # The link's name alone was read: JSON went into t.csv through link.json.
    (tmp_path / "t.csv").write_text("precious", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(tmp_path / "t.csv")
    code, _, err = run("national", "--cycle", "2016", "-o", str(tmp_path / "link.json"))
    assert code == 2
    assert f"--output {tmp_path / 'link.json'} leads to {tmp_path / 't.csv'}" in err
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == "precious"
    # A link whose own name says no format: its target's chooses it.
    (tmp_path / "t2.json").write_text("old", encoding="utf-8")
    (tmp_path / "link2").symlink_to(tmp_path / "t2.json")
    assert run("national", "--cycle", "2016", "-o", str(tmp_path / "link2"))[0] == 0
    assert json.loads((tmp_path / "t2.json").read_text(encoding="utf-8"))
    # A hidden file named as a suffix is named as that format; so is a compressed one.
    out = tmp_path / ".csv"
    assert run("show", "kent", "--format", "json", "-o", str(out))[0] == 2
    assert not out.exists()
    code, _, err = run("national", "--cycle", "2016", "-o", str(tmp_path / "n.csv.gz"))
    assert code == 2
    assert "not a compressed file" in err


def test_a_chart_link_s_target_name_is_held_to_the_chart_s_format(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    (tmp_path / "c.svg").write_text("precious", encoding="utf-8")
    (tmp_path / "c.png").symlink_to(tmp_path / "c.svg")
    code, _, err = run("plot", "grades", "--cycle", "2016", "-o", str(tmp_path / "c.png"))
    assert code == 2
    assert "leads to" in err
    assert (tmp_path / "c.svg").read_text(encoding="utf-8") == "precious"
    fig = pe.output.plot_grades(pe.load_bundled(), 2016)
    with pytest.raises(pe.PeelDataError, match="leads to"):
        pe.output.save_chart(fig, tmp_path / "c.png")
    assert (tmp_path / "c.svg").read_text(encoding="utf-8") == "precious"
    # A link without a suffix takes its target's, as an output of rows does.
    (tmp_path / "lc").symlink_to(tmp_path / "c.svg")
    assert run("plot", "grades", "--cycle", "2016", "-o", str(tmp_path / "lc"))[0] == 0
    assert (tmp_path / "c.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    pe.output.save_chart(fig, tmp_path / "lc")
    # A name that is a suffix alone is refused, as a chart's is.
    for name in (".csv", "..csv"):
        code, _, err = run("national", "--cycle", "2016", "-o", str(tmp_path / name))
        assert code == 2
        assert "a suffix alone is a hidden file's name, without a suffix: name it out.csv" in err
        assert not (tmp_path / name).exists()


def test_a_format_the_output_s_name_chose_is_said_so(tmp_path: Path) -> None:
    # "--format sqlite writes every table..." of a command given no --format.
    code, _, err = run("export", "--table", "grid", "-o", str(tmp_path / "g.db"))
    assert code == 2
    assert f"--format sqlite (which the name {tmp_path / 'g.db'} chose) writes every table to one file" in err
    code, _, err = run("national", "--cycle", "2016", "--excel", "-o", str(tmp_path / "n.json"))
    assert code == 2
    assert f"it goes with --format csv, not --format json (which the name {tmp_path / 'n.json'} chose)" in err
    code, _, err = run("national", "--cycle", "2016", "--excel", "--format", "json")
    assert "it goes with --format csv, not --format json" in err
    assert "chose" not in err
    # Neither given nor chosen by a name: the default ("the name None chose").
    for output in ([], ["-o", "-"], ["-o", str(tmp_path / "n.txt")]):
        code, _, err = run("national", "--cycle", "2016", "--excel", *output)
        assert code == 2
        assert "it goes with --format csv, not --format table (the default)" in err


# --- 4. --excel -------------------------------------------------------------------


def _formula_data(tmp_path: Path) -> Path:
    (tmp_path / "kent.yaml").write_text(
        textwrap.dedent(
            """\
            force: kent
            cycle: 2016
            measurements:
              - metric: m
                label: "=HYPERLINK(\\"http://evil\\", \\"click\\")"
                unit: percent_change
                value: -2.5
                note: "+1 and -1"
              - metric: n
                label: "@SUM(A1:A2)"
                unit: count
                value: 3
                source: "\\tTabbed"
                note: "\\rReturn"
            """
        ),
        encoding="utf-8",
    )
    return tmp_path / "kent.yaml"


def test_excel_csv_has_a_bom_and_escapes_formulas(tmp_path: Path) -> None:
    data = str(_formula_data(tmp_path))
    code, plain, _ = run("--data", data, "--no-bundled", "export")
    assert code == 0
    code, excel, err = run("--data", data, "--no-bundled", "export", "--excel")
    assert (code, err) == (0, "")
    assert excel.startswith("\ufeffforce,cycle,pillar,metric,")
    rows = list(csv.DictReader(io.StringIO(excel[1:], newline="")))
    assert rows[0]["label"] == '\'=HYPERLINK("http://evil", "click")'
    assert rows[0]["note"] == "'+1 and -1"
    assert rows[0]["value"] == "-2.5"  # a number stays a number
    assert rows[1]["label"] == "'@SUM(A1:A2)"
    assert rows[1]["source"] == "'\tTabbed"
    assert rows[1]["note"] == "'\rReturn"
    # Plain CSV is RFC 4180 and the data as they are.
    assert not plain.startswith("\ufeff")
    plain_rows = list(csv.DictReader(io.StringIO(plain, newline="")))
    assert plain_rows[0]["label"] == '=HYPERLINK("http://evil", "click")'
    assert plain.count("\r\n") == 3


def test_excel_to_a_file_is_utf8_with_a_bom(tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    assert run("export", "--table", "outcomes", "--excel", "-o", str(out))[0] == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfforce,")
    assert "Caution \u2013 adults" in raw.decode("utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["rank", "--metric", "ocg_rate", "--cycle", "2016"],
        ["list"],
        ["forces"],
        ["national", "--cycle", "2016"],
        ["info"],
        ["check"],
    ],
)
def test_every_command_that_writes_csv_takes_excel(args: list[str], tmp_path: Path) -> None:
    if args[0] == "rank":  # the bundled data have one force's figures: rank twelve forces'
        args = ["-q", "--data", str(figures.folder(tmp_path / "figures")), *args]
    code, out, err = run(*args, "--format", "csv", "--excel")
    assert code == 0
    # (The figures replace the bundled reports of their forces, whose grades are said lost.)
    lost = (
        "peel-effectiveness: warning: your reports leave out 30 judgments (unknown now) of the bundled ones "
        "they replace (Avon and Somerset effectiveness 2016, Bedfordshire effectiveness 2016, Cambridgeshire "
        "effectiveness 2016 and 8 more): start yours from a bundled one, which 'show FORCE --cycle CYCLE "
        "[--pillar PILLAR] --format json' writes in the data format\n"
    )
    assert err == (lost if args[0] == "-q" else "")
    assert out.startswith("\ufeff")
    code, out, err = run(*args, "--excel")  # not CSV: bad usage
    assert (code, out) == (2, "")
    assert one_line(err)
    assert "--excel writes CSV for spreadsheets: it goes with --format csv" in err


def test_an_excel_package_validates(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    folder = tmp_path / "package"
    assert run("--quiet", "export", "--package", str(folder), "--excel", "--force", "cumbria")[0] == 0
    assert (folder / "measurements.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]


def test_docs_describe_the_conventions() -> None:
    page = (Path(__file__).parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    for words in ("130", "--excel", "byte-order mark", "whole or not at all", "one of the command's inputs"):
        assert words in page, words
    assert pe.__version__


def test_output_dash_is_standard_output_and_writes_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("forces", "--format", "csv", "-o", "-")
    assert (code, err) == (0, "")
    assert out.startswith("id,official_name,")
    code, _, err = run("export", "--format", "sqlite", "-o", "-")
    assert code == 2
    assert "--output FILE" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["show", "cumbria", "-o", ""],
        ["export", "--package", ""],
        ["--data", "", "list"],
        ["validate", ""],
    ],
    ids=["output", "package", "data", "validate"],
)
def test_an_empty_path_is_bad_usage_not_standard_output_or_the_current_folder(args: list[str]) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert "an empty path names no file or folder" in err


def test_info_on_one_report_without_a_source_says_so_in_words(tmp_path: Path) -> None:
    data = tmp_path / "kent.yaml"
    data.write_text("force: kent\ncycle: 2016\ngrade: good\n", encoding="utf-8")
    code, out, _ = run("--data", str(data), "--no-bundled", "info")
    assert code == 0
    assert "1 report on 1 force, cycle 2016\n" in out
    assert "kent 2016 effectiveness: no source document given. Its judgments' sources:" in out
    assert "no source given (1)" in out  # its grade's


@pytest.mark.parametrize("command", [["rank"], ["export"]])
def test_a_metric_of_5000_characters_is_named_short(command: list[str]) -> None:
    code, out, err = run(*command, "--metric", "x" * 5000)
    assert (code, out) == (1, "")
    assert one_line(err)
    assert len(err) < 400
    assert "(5000 characters)" in err


@pytest.mark.parametrize(
    "args",
    [["export", "--table"], ["export", "--format"], ["show", "--format"], ["national", "--pillar"], ["plot"]],
)
def test_a_choice_of_5000_characters_is_named_short(args: list[str]) -> None:
    # argparse quotes a choice it refuses whole: a line of 5,000 characters.
    code, out, err = run(*args, "x" * 5000)
    assert (code, out) == (2, "")
    assert one_line(err)
    assert len(err) < 400
    assert "(5000 characters)" in err


def test_arguments_not_recognised_are_named_short() -> None:
    # An argument of 100,000 characters was written whole.
    code, out, err = run("list", "x" * 5000, "y", "z")
    assert (code, out) == (2, "")
    assert one_line(err)
    assert len(err) < 300
    assert "unrecognized arguments: 'xxx" in err
    assert "(5000 characters), y, z" in err


def test_a_bad_option_of_quotes_is_named_short_and_soon() -> None:
    # Every quote began a search to the end of the message: 128 KiB of
    # them took over a minute.
    code, out, err = run("export", "--f=" + "'" * 50_000)  # "ambiguous option: --f=..."
    assert (code, out) == (2, "")
    assert one_line(err)
    assert len(err) < 300


def test_an_option_argparse_names_as_given_is_one_line() -> None:
    # "ambiguous option: --fo=a" and "b could match ..." on two lines (no
    # option is read by a prefix of its name now: the option is unknown).
    code, out, err = run("show", "--fo=a\nb\x1b")
    assert (code, out) == (2, "")
    assert one_line(err)
    assert "unrecognized arguments: '--fo=a\\nb\\x1b'" in err


def test_an_option_is_read_by_its_whole_name_only() -> None:
    # "--form json" was read as --format json: a prefix of an option's name
    # would mean another option once one is added that it is a prefix of too.
    code, out, err = run("forces", "--form", "json")
    assert (code, out) == (2, "")
    assert "unrecognized arguments" in err


@pytest.mark.parametrize("args", [["show", "kent", "--cycle", "2016"], ["info"]])
def test_a_carriage_return_or_a_tab_in_running_text_is_shown_not_dropped(
    args: list[str], tmp_path: Path
) -> None:
    # Wrapped text was split at white space, which took each for a space.
    (tmp_path / "k.yaml").write_text(
        "force: kent\ncycle: 2016\n"
        'summary: "back\\rover, then\\ttab and\\x1cseparator"\n'
        'provenance: {title: "Title\\rover", publisher: HMIC}\n'
        "measurements:\n"
        '  - {metric: m, label: "\\tindented", unit: count, value: 3}\n',
        encoding="utf-8",
    )
    code, out, err = run("--data", str(tmp_path), "--no-bundled", *args)
    assert code == 0, err
    said = {
        "show": ["back\\rover, then\\ttab and\\x1cseparator", "Title\\rover", "\\tindented"],
        "info": ["Title\\rover"],
    }[args[0]]
    for text in said:
        assert text in out


def test_a_path_too_long_is_said_without_a_python_call_on_the_command_line() -> None:
    # "...: cannot read: File name too long; to read text, use loads()".
    long = "a" * 300 + ".yaml"
    for args in (["validate", long], ["--data", long, "list"]):
        code, _, err = run(*args)
        assert code != 0
        assert "cannot read" in err
        assert "loads()" not in err, args
    with pytest.raises(pe.PeelDataError, match="to read text, use loads"):
        pe.load(long)


def test_validate_checks_the_files_named_after_it_and_standard_input_once(tmp_path: Path) -> None:
    # --data was ignored (its broken files said nothing), and "-" given
    # twice read standard input twice: the second time, empty.
    (tmp_path / "bad.yaml").write_text("force: nowhere\ncycle: 2016\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text("force: kent\ncycle: 2016\n", encoding="utf-8")
    for given in (["--data", str(tmp_path / "bad.yaml")], ["--no-bundled"]):
        code, _, err = run(*given, "validate", str(good))
        assert code == 2, given
        assert "validate checks the files named after it" in err
        assert given[0] in err
    done = subprocess.run(
        [sys.executable, "-m", "peel_effectiveness", "validate", "-", "-"],
        input=good.read_bytes(), capture_output=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (done.stdout + done.stderr).decode().count("<stdin>: ok") == 1
    assert "<stdin>: read already, for a path named before it" in done.stderr.decode()  # each "-" answered


def test_an_output_that_a_data_folder_would_read_next_time_is_refused(tmp_path: Path) -> None:
    # Written into the --data folder, the report became a second input on
    # the next run, which then failed: "a second effectiveness 2016 report".
    folder = tmp_path / "dd"
    folder.mkdir()
    (folder / "f.yaml").write_text("force: dorset\ncycle: 2016\n", encoding="utf-8")
    for name in ("dorset.json", "Dorset.YAML", "x.yml"):
        code, _, err = run("--data", str(folder), "show", "dorset", "--cycle", "2016", "--format", "json",
                           "-o", str(folder / name))  # fmt: skip
        assert code == 2, name
        assert "the --data folder" in err
        assert "would read it as data" in err
        assert not (folder / name).exists()
    for name, fmt in (("notes.csv", "csv"), (".hidden.json", "json")):  # files the folder's reading skips
        code, _, err = run("--data", str(folder), "export", "--format", fmt, "-o", str(folder / name))
        assert code == 0, (name, err)


def test_a_package_named_as_a_data_file_of_an_input_folder_is_bad_usage(tmp_path: Path) -> None:
    # Exit 1, "Not a directory", where the same file given to --data itself was exit 2.
    folder = tmp_path / "w2"
    folder.mkdir()
    (folder / "f.yaml").write_text("force: dorset\ncycle: 2016\n", encoding="utf-8")
    for data in (str(folder), str(folder / "f.yaml")):
        code, _, err = run("--data", data, "export", "--package", str(folder / "f.yaml"))
        assert code == 2, (data, err)
        assert "input" in err
    assert (folder / "f.yaml").read_text(encoding="utf-8") == "force: dorset\ncycle: 2016\n"


def test_validate_s_help_offers_no_option_it_refuses() -> None:
    code, out, _ = run("validate", "--help")
    assert code == 0
    assert "--data" not in out
    assert "--no-bundled" not in out
    _, out, _ = run("list", "--help")
    assert "--data" in out


def test_validate_given_both_options_it_refuses_names_both(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("force: kent\ncycle: 2016\n", encoding="utf-8")
    code, _, err = run("--data", str(good), "--no-bundled", "validate", str(good))
    assert code == 2
    assert "drop --data and --no-bundled" in err


def test_the_grid_of_a_force_in_a_cycle_only_it_has_is_its_row(tmp_path: Path) -> None:
    # Kent's 2014 report, the data's only one of 2014, read as a choice of
    # 2014: 43 rows for --force kent --cycle 2014.
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2014\n", encoding="utf-8")
    code, out, err = run(
        "--data",
        str(tmp_path),
        "export",
        "--table",
        "grid",
        "--force",
        "kent",
        "--cycle",
        "2014",
        "--format",
        "csv",
    )
    assert code == 0, err
    assert [(r["force"], r["cycle"]) for r in list(csv.DictReader(io.StringIO(out)))] == [("kent", "2014")]
    code, out, _ = run(
        "--data", str(tmp_path), "export", "--table", "grid", "--cycle", "2014", "--format", "csv"
    )
    assert (
        len(list(csv.DictReader(io.StringIO(out)))) == 43
    )  # the cycle's: every force, as national counts them


def test_list_keys_the_words_its_table_uses_and_no_others(tmp_path: Path) -> None:
    # The "Blank:" key followed the rows saying unknown, not the blank ones.
    code, out, _ = run("list", "--cycle", "2015")
    assert code == 0
    said = " ".join(out.split())
    assert "Blank:" not in said  # 2015 grades effectiveness overall: no blank cell
    (tmp_path / "kent.yaml").write_text("force: kent\ncycle: 2014\n", encoding="utf-8")
    code, out, _ = run("--data", str(tmp_path), "--no-bundled", "list")
    assert code == 0
    said = " ".join(out.split())
    assert "Blank: no overall grade that cycle (2014 did not grade effectiveness overall)." in said
    assert "unknown:" not in said


def test_each_extra_a_message_names_is_declared_and_in_all() -> None:
    # A missing dependency's message tells the user what to pip install; the
    # extra it names must exist, and "all" must install it too.
    import re

    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later

    root = Path(__file__).resolve().parents[1]
    extras = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    named = {
        m
        for path in (root / "src" / "peel_effectiveness").rglob("*.py")
        for m in re.findall(r"peel-effectiveness\[(\w+)\]", path.read_text(encoding="utf-8"))
    }
    assert named == {"pandas", "plot", "polars"}
    assert named <= extras.keys()
    (everything,) = extras["all"]
    assert set(re.fullmatch(r"peel-effectiveness\[([\w,]+)\]", everything)[1].split(",")) == named


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-o", "-"], "--output FILE, not standard output"),
        ([], "--output FILE"),
        (["-o", "x.db", "--table", "forces"], "no --table"),
        (["-o", "-", "--metric", "x"], "--output FILE, not standard output; no --metric"),
    ],
)
def test_sqlite_s_refusal_names_what_is_wrong_of_what_was_given(args: list[str], said: str) -> None:
    # "-o -" alone was told "no --table or --metric", neither given.
    code, _, err = run("export", "--format", "sqlite", *args)
    assert code == 2
    assert f"--format sqlite writes every table to one file: {said} (see " in err


def test_plot_says_nothing_of_matplotlib_s_settings_where_home_cannot_hold_them(tmp_path: Path) -> None:
    # matplotlib's two warnings ("mkdir -p failed ...", "created a temporary
    # cache directory ...") came before the command's one line, with -q too.
    pytest.importorskip("matplotlib")
    env = {"HOME": "/dev/null", "MPLCONFIGDIR": "", "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": ""}
    done = process("-q", "plot", "history", "cumbria", "-o", str(tmp_path / "h.png"), env=env)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    failed = process("plot", "history", "cumbria", "-o", str(tmp_path / "no" / "h.png"), env=env)
    assert failed.returncode == 1
    assert one_line(failed.stderr)


def test_info_of_a_report_whose_document_is_not_the_library_s_says_where_it_is_named(tmp_path: Path) -> None:
    # "Other documents named... each report is at its address": of no
    # document the text named, and of a report with no address.
    data = tmp_path / "kent.yaml"
    data.write_text(
        "force: kent\ncycle: 2016\ngrade: good\nprovenance: {title: T, publisher: HMIC, document: kent.pdf}\n",
        encoding="utf-8",
    )
    code, out, _ = run("--data", str(data), "--no-bundled", "info")
    assert code == 0
    said = " ".join(out.split())
    assert said.endswith(
        "The reports' documents (--format csv, json or markdown) are the files the reports were read from, "
        "which the package does not hold: a report with an address is there."
    ), said


@pytest.mark.parametrize("command", [[], ["plot"], ["monitoring"], ["show"], ["export"], ["rank"]])
def test_help_fits_80_columns_on_a_wide_terminal(command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # On a terminal of 200 columns its lines ran to 198, where every other
    # command writes 80, as docs/cli.md says of --help too.
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(*command, "--help")
    assert code == 0
    assert max(map(len, out.splitlines())) <= 80
    monkeypatch.setenv("COLUMNS", "80")
    assert run(*command, "--help") == (code, out, "")


@pytest.mark.parametrize("columns", ["40", "30", "60"])
@pytest.mark.parametrize("command", [[], ["plot"], ["monitoring"], ["show"], ["export"], ["validate"]])
def test_help_s_prose_fits_a_narrow_terminal(
    columns: str, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The options were wrapped to $COLUMNS, the description and the epilog's
    # last line kept at 78. (The examples are commands, kept whole; the
    # usage lines are argparse's.)
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = run(*command, "--help")
    assert code == 0
    paragraphs = out.split("\n\n")
    description, epilog = paragraphs[1], paragraphs[-1]
    assert description[:1].isupper()
    prose = description.splitlines() + [line for line in epilog.splitlines() if not line.startswith(" ")]
    assert prose
    assert all(len(line) <= int(columns) - 2 for line in prose), prose
