"""What tglint prints is safe to print: hostile drafts and file names, in every format.

A draft and its file name are someone else's text. None of their control characters,
bidi overrides or GitHub workflow commands may reach a terminal, a CI log or a page
as they are (`tglint.escaping`), and a file name with bytes that are not UTF-8 is
reported like any other.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tglint.cli import main
from tglint.escaping import escape_controls, printable

# What must never be printed raw: ESC (CSI, OSC title), BEL, C1 (CSI, NEL), DEL, a bare
# CR, bidi overrides, embeddings, isolates and marks, line separators.
UNSAFE = "\x1b\x07\x9b\x85\x7f\r\u202e\u202a\u2066\u2067\u2069\u200f\u061c\u2028"
HOSTILE_TEXT = "\x1b[31mred\x1b[0m \x1b]0;PWNED\x07 \x9b31m \x85 \u202eevil\u202c \u2067rtl\u2069 \u200f"
DRAFT = (
    "To: support@telegram.org\n"
    f"Subject: [Bug] - crash {HOSTILE_TEXT}\n"
    "\n"
    f"My phone 13812345678 crashes {HOSTILE_TEXT} since yesterday.\n"
    "::error title=Injected::from the body\n"
    "  ::warning::indented\n"
    "Look: ##[error]legacy command and ##[stop-commands]token\n"
)
HOSTILE_NAMES = (
    "::error title=X::a.txt",
    "\x1b]0;PWNED\x07title.txt",
    "bidi-\u202etxt.eml",
    "##[error]legacy.txt",
    "  ::warning::spaced.txt",
)
# The commands tglint's GitHub report writes; any other one in any output was injected.
OWN_COMMANDS = {"error", "warning", "notice"}


def test_printable_escapes_each_unsafe_character_visibly() -> None:
    assert printable("a\x1b[31mb\x07c\x9bd\x7fe") == "a\\x1b[31mb\\x07c\\x9bd\\x7fe"
    assert printable("\u202eabc\u2066d\u2069\u200e\u200f\u061c\u2028") == (
        "\\u202eabc\\u2066d\\u2069\\u200e\\u200f\\u061c\\u2028"
    )
    assert printable("line\r\nnext\rover\ttab\n") == "line\r\nnext\\rover\ttab\n"
    assert printable("a\tb\nc\r\n", one_line=True) == "a\\tb\\nc\\r\\n"
    # A byte of a file name that is not UTF-8 (surrogate-escaped) is shown as that byte.
    assert printable(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert printable("中文 and ✓ stay") == "中文 and ✓ stay"


def test_printable_never_lets_a_line_start_a_workflow_command() -> None:
    assert printable("::error title=X::a.txt") == "\\x3a:error title=X::a.txt"
    assert printable("ok\n \u3000::warning::x\n") == "ok\n \u3000\\x3a:warning::x\n"
    assert printable("a::b") == "a::b"  # only a line's start makes a command
    assert printable("text ##[error]x") == "text ##\\x5b" + "error]x"


def test_escape_controls_leaves_workflow_syntax_alone() -> None:
    assert escape_controls("::error::x ##[y]\x1b") == "::error::x ##[y]\\x1b"


# --- every format, through the command line ------------------------------------------


@pytest.fixture()
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name in HOSTILE_NAMES:
        (folder / name).write_text(DRAFT, encoding="utf-8")
    (folder / os.fsdecode(b"caf\xe9-latin1-name.txt")).write_text(DRAFT, encoding="utf-8")
    return folder


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out + err


def _assert_nothing_unsafe(output: str) -> None:
    raw = sorted({f"U+{ord(char):04X}" for char in output if char in UNSAFE or "\ud800" <= char <= "\udfff"})
    assert raw == [], raw


def _commands(output: str) -> list[str]:
    """The workflow commands the GitHub Actions runner would find in `output`, as it parses them:
    `::name ...::` after leading blanks, and the legacy `##[name]` anywhere in a line."""
    found = []
    for line in output.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("::") and stripped.find("::", 2) > 0:
            found.append(stripped[2:].split("::", 1)[0].split(" ", 1)[0])
        elif "##[" in line:
            found.append(line.split("##[", 1)[1].split("]", 1)[0].split(" ", 1)[0])
    return found


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_hostile_names_and_drafts_reach_no_output_raw(
    fmt: str, hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--isolated", "--format", fmt, "drafts"]
    if fmt == "html":
        argv += ["-o", str(tmp_path / "report.html")]
    code, output = _run(argv, capsys)
    assert code == 1, output
    if fmt == "html":
        output += (tmp_path / "report.html").read_text(encoding="utf-8")
    _assert_nothing_unsafe(output)
    commands = _commands(output)
    if fmt == "github":
        assert set(commands) <= OWN_COMMANDS, commands
        assert len(commands) == len(output.splitlines())
    elif fmt == "text":
        assert commands == [], commands
    if fmt in ("json", "sarif"):
        json.loads(output[: output.rindex("}") + 1])


def test_diff_and_stderr_lines_are_escaped(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _run(["--isolated", "--diff", "--region", "CN", "drafts"], capsys)
    assert code == 1, output
    # The diff shows the text as tglint reads it: C0/C1 controls already stand as U+FFFD there,
    # and what is left that could reorder a line is escaped.
    assert " Subject: [Bug] - crash \ufffd[31mred\ufffd[0m \ufffd]0;PWNED\ufffd \ufffd31m \ufffd \\u202eevil" in output
    assert "--- drafts/\\x1b]0;PWNED\\x07title.txt" in output
    _assert_nothing_unsafe(output)
    assert _commands(output) == []


def _runner_properties(line: str) -> dict[str, str]:
    """The properties of one workflow command, unescaped as the runner unescapes them."""
    info = line[2:].split("::", 1)[0]
    properties = {}
    for pair in info.split(" ", 1)[1].split(","):
        key, value = pair.split("=", 1)
        for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            value = value.replace(escaped, char)
        properties[key] = value
    return properties


def test_github_annotations_name_hostile_files_escaped(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, output = _run(["--isolated", "--format", "github", "drafts"], capsys)
    files = {_runner_properties(line)["file"] for line in output.splitlines()}
    assert "drafts/::error title=X::a.txt" in files
    assert "drafts/\\x1b]0;PWNED\\x07title.txt" in files
    assert "drafts/bidi-\\u202etxt.eml" in files
    assert "drafts/caf\\xe9-latin1-name.txt" in files


def test_a_file_named_like_an_mbox_message_is_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes#2").write_text(DRAFT, encoding="utf-8")
    message = "From: a@example.com\nTo: support@telegram.org\nSubject: crash\nMessage-ID: <{n}@x>\n\nIt crashes.\n"
    mbox = "".join(f"From a@example.com Mon Jan  1 00:00:00 2024\n{message.format(n=n)}\n" for n in (1, 2))
    Path("box.mbox").write_text(mbox, encoding="utf-8")
    _, output = _run(["--isolated", "--format", "github", "notes#2", "box.mbox"], capsys)
    lines = output.splitlines()
    assert {_runner_properties(line)["file"] for line in lines} == {"notes#2", "box.mbox"}
    assert not any("(message #2)" in line for line in lines if "file=notes" in line)
    assert any("(message #2)" in line for line in lines if "file=box.mbox" in line)
    _, output = _run(["--isolated", "--format", "sarif", "notes#2", "box.mbox"], capsys)
    results = json.loads(output)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"notes%232", "box.mbox"}
    numbers = {r["properties"].get("mboxMessage") for r in results if "notes" in json.dumps(r["locations"])}
    assert numbers == {None}


# --- file names that are not UTF-8 -----------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_a_file_name_with_invalid_utf8_is_reported_in_every_format(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    names = [os.fsdecode(b"a-\xff\xfe.txt"), "b.txt", os.fsdecode(b"c-\xe9.txt")]
    for name in names:
        Path(name).write_text(DRAFT, encoding="utf-8")
    argv = ["--isolated", "--format", fmt, *names]
    if fmt == "html":
        argv += ["-o", "report.html"]
    code, output = _run(argv, capsys)
    assert code == 1, output
    assert "internal error" not in output
    if fmt == "html":
        output = Path("report.html").read_text(encoding="utf-8")
    _assert_nothing_unsafe(output)
    if fmt == "json":
        paths = [entry["path"] for entry in json.loads(output)["files"]]
        assert paths == names  # the exact names: Python reads the escapes back as the bytes
    elif fmt == "sarif":
        log = json.loads(output)
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
        assert set(uris) == {"a-%FF%FE.txt", "b.txt", "c-%E9.txt"}
    else:
        assert re.search(r"a-\\xff\\xfe\.txt", output), output[:500]
        assert re.search(r"c-\\xe9\.txt", output)


# --- a reader that stops, and Ctrl-C ----------------------------------------------------

LINE_DRAFT = (
    "To: support@telegram.org\nSubject: crash\n\nMy phone 13812345678 crashes since {n}. Password: hunter2abc\n"
)


@pytest.fixture(scope="module")
def many_drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough drafts that a run takes seconds and its report overflows a pipe many times."""
    folder = tmp_path_factory.mktemp("many")
    for n in range(3000):
        (folder / f"d{n:04}.txt").write_text(LINE_DRAFT.format(n=n), encoding="utf-8")
    return folder


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    env = {key: value for key, value in os.environ.items() if key != "TGLINT_DEBUG"}
    command = [sys.executable, "-m", "tglint", "--isolated", *args]
    # A session of its own: Ctrl-C is sent to the whole process group, workers included.
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env, start_new_session=True
    )


@pytest.mark.parametrize(("fmt", "jobs"), [("text", "1"), ("json", "2"), ("github", "2")])
def test_a_reader_that_stops_reading_ends_the_run_quietly(fmt: str, jobs: str, many_drafts: Path) -> None:
    process = _start(["--format", fmt, "--jobs", jobs, "."], many_drafts)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    stderr = process.stderr.read().decode("utf-8", "replace")
    assert process.wait(timeout=120) == 141, stderr
    assert stderr == ""


@pytest.mark.parametrize("delay", [0.0, 0.3, 1.0])
def test_ctrl_c_with_workers_is_one_line_and_exit_130(delay: float, many_drafts: Path) -> None:
    process = _start(["--jobs", "2", "."], many_drafts)
    assert process.stdout is not None
    assert process.stdout.readline()  # the workers are at work
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert stderr.decode("utf-8", "replace") == "tglint: interrupted\n"
