"""What reading had to do is said, and a truncated message is an error.

A truncated MIME message (no closing boundary) and an unknown charset used to be
recorded as notes that no format showed: the run exited 0 or 1 with nothing said.
Every note is now one escaped line on stderr (`tglint: note: PATH: ...`), a `notes`
array per file in JSON, and a note-level notification in SARIF; a truncated message
is an error for its file (exit 2), and what could be read of it is still reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import tglint
from tglint.cli import main
from tglint.reading import TRUNCATED, Limits, read_bytes

SCHEMA = json.loads((Path(tglint.__file__).parent / "schema" / "report.schema.json").read_text(encoding="utf-8"))
TRUNCATED_MAIL = (
    "From: a@example.com\n"
    "To: security@telegram.org\n"
    "Subject: [Account Security] - someone logged in\n"
    "Message-ID: <cut@example.com>\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/mixed; boundary="CUT"\n'
    "\n"
    "--CUT\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Someone logged in to my account yesterday. My password is Hunter2024!\n"
    "--CUT\n"
    'Content-Type: application/zip; name="logs.zip"\n'
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
)
UNKNOWN_CHARSET = (
    "From: a@example.com\n"
    "To: support@telegram.org\n"
    "Subject: =?x-made-up?q?crash?=\n"
    "Message-ID: <cs@example.com>\n"
    "\n"
    "The app crashes on my iPhone 13 with iOS 17.2 since yesterday.\n"
)
CHARSET_NOTE = "subject: unknown charset 'x-made-up', read as UTF-8"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def mails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("cut.eml").write_text(TRUNCATED_MAIL, encoding="utf-8")
    Path("charset.eml").write_text(UNKNOWN_CHARSET, encoding="utf-8")
    Path("\x1b[31mcharset.eml").write_text(UNKNOWN_CHARSET, encoding="utf-8")
    return tmp_path


def test_a_truncated_message_is_an_error_and_what_was_read_is_still_checked(
    mails: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["--isolated", "cut.eml"], capsys)
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == f"cut.eml: error: {TRUNCATED}"
    assert any(line.startswith("cut.eml:11:") and " TG501 " in line for line in lines), out
    assert "Hunter2024" not in out + err
    assert lines[-1] == "1 file had an error."
    assert err == ""  # the text report shows the error to the person watching


def test_a_truncated_message_in_json_has_its_error_and_its_findings(
    mails: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["--isolated", "--format", "json", "cut.eml"], capsys)
    assert code == 2
    report = json.loads(out)
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    [entry] = report["files"]
    assert entry["error"] == TRUNCATED
    assert "TG501" in {finding["rule"] for finding in entry["findings"]}
    assert report["summary"]["unreadable"] == 1
    # A document on stdout: the person watching learns of the error on stderr.
    assert err == f"tglint: error: cut.eml: {TRUNCATED}\n"


def test_a_truncated_message_in_sarif_is_an_error_notification_beside_its_results(
    mails: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["--isolated", "--format", "sarif", "cut.eml"], capsys)
    assert code == 2
    run_log = json.loads(out)["runs"][0]
    assert "TG501" in {result["ruleId"] for result in run_log["results"]}
    [invocation] = run_log["invocations"]
    assert invocation["executionSuccessful"] is False
    assert [n["level"] for n in invocation["toolExecutionNotifications"]] == ["error"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_every_reading_note_is_one_escaped_line_on_stderr(
    fmt: str, mails: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["--isolated", "--format", fmt, "charset.eml", "\x1b[31mcharset.eml"], capsys)
    assert code in (0, 1), err
    assert err.splitlines() == [
        f"tglint: note: charset.eml: {CHARSET_NOTE}",
        f"tglint: note: \\x1b[31mcharset.eml: {CHARSET_NOTE}",
    ]


def test_notes_are_in_json_and_sarif(mails: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["--isolated", "--format", "json", "charset.eml"], capsys)
    report = json.loads(out)
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    assert report["files"][0]["notes"] == [CHARSET_NOTE]
    _, out, _ = run(["--isolated", "--format", "sarif", "charset.eml"], capsys)
    [invocation] = json.loads(out)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "note"
    assert notification["message"]["text"] == f"charset.eml: {CHARSET_NOTE}"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "charset.eml"


def test_fix_does_not_rewrite_a_truncated_message(mails: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = Path("cut.eml").read_bytes()
    code, _, err = run(["--isolated", "--fix", "cut.eml"], capsys)
    assert code == 2
    assert Path("cut.eml").read_bytes() == before
    assert "not read whole, so not rewritten by --fix" in err


def test_a_multipart_cut_by_the_line_limit_is_a_note_not_an_error() -> None:
    data = TRUNCATED_MAIL.replace("AAAA\n", "AAAA\n--CUT--\n").encode()
    [draft] = read_bytes(data, "x.eml", limits=Limits(max_lines=12))
    assert draft.error is None, draft.error
    assert any("max-lines" in note for note in draft.notes)
    assert any("closing boundary" in note for note in draft.notes)
    mbox = b"From a@example.com Mon Jan  1 00:00:00 2024\n" + data
    [message] = read_bytes(mbox, "box.mbox", limits=Limits(max_lines=13))
    assert message.error is None and message.message_number == 1
