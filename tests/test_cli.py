"""The command line as a user meets it: exit codes, config precedence, errors, stdin."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tglint.cli import main

CLEAN = (
    "To: support@telegram.org\n"
    "Subject: [Technical Issue] - Photos fail to upload on Android 14 since 3 March\n\n"
    "Hello Telegram team,\n\n"
    "Since 3 March 2024 photos fail to upload on my Samsung Galaxy S24 (Android 14, Telegram 10.5.2, Wi-Fi).\n"
    "Account: +86 138 0013 8000, @lin_xiaoyu.\n"
    "I restarted the phone and reinstalled the app; the upload still stops at 90%.\n\n"
    "Could you help me find the cause? I can send more details if needed.\n\nThanks,\nLin\n"
)
SECRET = "To: security@telegram.org\nSubject: help\n\nMy password is Hunter2024!\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    return tmp_path


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out.startswith("tglint ")
    code, out, _ = run(["--help"], capsys)
    assert code == 0 and "check" in out and "explain" in out


def test_clean_draft_exits_zero(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--format", "json", "clean.txt"], capsys)
    report = json.loads(out)
    loud = [f for f in report["files"][0]["findings"] if f["severity"] != "info"]
    assert loud == [] and code == 0


def test_findings_exit_one_and_default_command_routing(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["secret.txt"], capsys)
    assert code == 1
    assert "secret.txt:4:" in out and "TG501" in out
    assert "Hunter2024" not in out
    # The explicit subcommand is the same command.
    assert run(["check", "secret.txt"], capsys)[0] == 1


def test_exit_zero(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--exit-zero", "secret.txt"], capsys)[0] == 0


def test_fail_level_error_ignores_warnings(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "warn.txt").write_text("To: support@telegram.org\nSubject: photos fail\n\nHi\n", encoding="utf-8")
    code, out, _ = run(["--select", "TG101", "--fail-level", "error", "warn.txt"], capsys)
    assert "TG101" in out and code == 0


def test_unreadable_file_is_exit_two_and_others_still_checked(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "empty.txt").write_bytes(b"")
    code, out, err = run(["--format", "json", "missing.eml", "empty.txt", "secret.txt"], capsys)
    assert code == 2
    report = json.loads(out)
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path["missing.eml"]["error"] and by_path["empty.txt"]["error"]
    assert any(f["rule"] == "TG501" for f in by_path["secret.txt"]["findings"])
    assert "Traceback" not in out + err


def test_select_ignore_by_prefix_name_and_category(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def rules_reported(*flags: str) -> set[str]:
        _, out, _ = run(["--format", "json", *flags, "secret.txt"], capsys)
        return {f["rule"] for f in json.loads(out)["files"][0]["findings"]}

    assert rules_reported("--select", "TG5") == {"TG501"}
    assert "TG501" not in rules_reported("--ignore", "secret")
    assert "TG101" not in rules_reported("--ignore", "missing-subject-tag")
    assert rules_reported("--select", "subject") <= {"TG100", "TG101", "TG102", "TG103", "TG104", "TG105", "TG106"}


def test_severity_override(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["--format", "json", "--select", "TG501", "--severity", "TG501=info", "secret.txt"], capsys)
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert finding["severity"] == "info"


def test_config_file_and_flag_precedence(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "pyproject.toml").write_text('[tool.tglint]\nignore = ["TG501"]\n', encoding="utf-8")
    _, out, _ = run(["--format", "json", "secret.txt"], capsys)
    assert "TG501" not in {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    # A flag overrides the config file's key.
    _, out, _ = run(["--format", "json", "--ignore", "TG101", "secret.txt"], capsys)
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert "TG501" in rules and "TG101" not in rules
    # --isolated ignores the config file.
    _, out, _ = run(["--format", "json", "--isolated", "secret.txt"], capsys)
    assert "TG501" in {f["rule"] for f in json.loads(out)["files"][0]["findings"]}


def test_dot_tglint_toml_found_walking_up(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / ".tglint.toml").write_text('select = ["TG501"]\n', encoding="utf-8")
    sub = drafts / "sub" / "deeper"
    sub.mkdir(parents=True)
    (sub / "d.txt").write_text(SECRET, encoding="utf-8")
    _, out, _ = run(["--format", "json", str(sub / "d.txt")], capsys)
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"TG501"}


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('[tool.tglint]\nselct = ["TG1"]\n', "unknown key `selct`"),
        ("[tool.tglint\nselect = 1\n", "invalid TOML"),
        ('[tool.tglint]\nselect = ["TG999"]\n', "unknown rule code, name or category `TG999`"),
        ('[tool.tglint]\nfail-level = "fatal"\n', "severity must be error, warning or info"),
        ('[tool.tglint]\nregion = "XX"\n', "not a known region code"),
    ],
)
def test_config_errors_are_one_line_and_exit_two(
    drafts: Path, capsys: pytest.CaptureFixture[str], config: str, expected: str
) -> None:
    (drafts / "pyproject.toml").write_text(config, encoding="utf-8")
    code, _, err = run(["secret.txt"], capsys)
    assert code == 2 and expected in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unknown_rule_on_command_line(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["--select", "TG9999", "secret.txt"], capsys)
    assert code == 2 and "TG9999" in err


def test_selectors_take_comma_lists_as_ruff_does(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def rules_reported(*args: str) -> set[str]:
        code, out, err = run(["--format", "json", *args, "secret.txt"], capsys)
        assert code in (0, 1), err
        return {f["rule"] for f in json.loads(out)["files"][0]["findings"]}

    assert rules_reported("--select", "secret,TG101") == {"TG501", "TG101"}
    assert rules_reported("--select", "secret, TG101", "--select", "TG1") == rules_reported(
        "--select", "secret", "--select", "TG1"
    )
    assert "TG501" not in rules_reported("--ignore", "tone,secret")
    assert rules_reported("--select", "TG101", "--extend-select", "secret,tone") >= {"TG501", "TG101"}
    code, _, err = run(["--select", ",", "secret.txt"], capsys)
    assert code == 2 and err.startswith("tglint: error: --select")


@pytest.mark.parametrize(
    "argv",
    [
        ["--jobs", "0", "secret.txt"],
        ["--jobs", "two", "secret.txt"],
        ["--format", "xml", "secret.txt"],
        ["--no-such-option", "secret.txt"],
        ["check", "--message-language", "fr", "secret.txt"],
        ["explain"],
        ["explain", "TG101", "extra"],
        ["new", "--topic", "billing"],
        ["rules", "--nope"],
    ],
)
def test_usage_errors_are_one_line_in_tglints_style(
    drafts: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert err.startswith("tglint: error: ") and len(err.strip().splitlines()) == 1, err
    assert "Usage:" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    "config",
    [
        '[tool.tglint]\nselect = ["TG501"]\n',  # as copied from a pyproject.toml
        'select = ["TG501"]\n',
    ],
)
def test_dot_tglint_toml_takes_either_form(drafts: Path, capsys: pytest.CaptureFixture[str], config: str) -> None:
    (drafts / ".tglint.toml").write_text(config, encoding="utf-8")
    code, out, err = run(["--format", "json", "secret.txt"], capsys)
    assert code == 1, err
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"TG501"}


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('ignore = ["TG1"]\n[tool.tglint]\nselect = ["TG501"]\n', "one of the two forms"),
        ("[tool.ruff]\nline-length = 80\n", "top level of .tglint.toml or in a [tool.tglint] table"),
    ],
)
def test_dot_tglint_toml_form_errors_say_the_right_form(
    drafts: Path, capsys: pytest.CaptureFixture[str], config: str, expected: str
) -> None:
    (drafts / ".tglint.toml").write_text(config, encoding="utf-8")
    code, _, err = run(["secret.txt"], capsys)
    assert code == 2 and expected in err and len(err.strip().splitlines()) == 1


def test_user_rule_pack_extends_tags(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = drafts / "packs" / "en"
    pack.mkdir(parents=True)
    (pack / "subject.toml").write_text('[tags]\n"Billing" = "support"\n', encoding="utf-8")
    (drafts / "tagged.txt").write_text(
        "To: support@telegram.org\nSubject: [Billing] - Charged twice\n\nHello\n", encoding="utf-8"
    )
    _, out, _ = run(["--format", "json", "--select", "subject", "tagged.txt"], capsys)
    base = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    _, out, _ = run(["--format", "json", "--select", "subject", "--rule-pack", "packs", "tagged.txt"], capsys)
    extended = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert extended < base or base == extended == set()


def test_bad_rule_pack_is_a_clear_error(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = drafts / "packs" / "en"
    pack.mkdir(parents=True)
    (pack / "subject.toml").write_text("[tags\n", encoding="utf-8")
    code, _, err = run(["--rule-pack", "packs", "secret.txt"], capsys)
    assert code == 2 and "subject.toml" in err and "invalid TOML" in err


def test_stdin(drafts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SECRET.encode())))
    code, out, _ = run(["--format", "json", "-"], capsys)
    assert code == 1 and json.loads(out)["files"][0]["path"] == "-"


def test_directory_walk_with_exclude(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / ".tglint.toml").write_text('exclude = ["secret.txt"]\n', encoding="utf-8")
    _, out, _ = run(["--format", "json", "."], capsys)
    paths = [Path(f["path"]).name for f in json.loads(out)["files"]]
    assert "clean.txt" in paths and "secret.txt" not in paths


def test_ignore_file_of_fingerprints(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["--format", "json", "--select", "TG501", "secret.txt"], capsys)
    (finding,) = json.loads(out)["files"][0]["findings"]
    (drafts / "accepted.txt").write_text(f"{finding['fingerprint']}  # reviewed\n", encoding="utf-8")
    code, out, _ = run(["--format", "json", "--select", "TG501", "--ignore-file", "accepted.txt", "secret.txt"], capsys)
    assert code == 0 and json.loads(out)["files"][0]["findings"] == []


def test_per_path_ignores(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / ".tglint.toml").write_text('[per-path-ignores]\n"secret*.txt" = ["secret"]\n', encoding="utf-8")
    _, out, _ = run(["--format", "json", "secret.txt"], capsys)
    assert "TG501" not in {f["rule"] for f in json.loads(out)["files"][0]["findings"]}


def _rules_reported(out: str) -> dict[str, set[str]]:
    """Rules reported per draft, by the draft's path from the test's directory."""
    root = Path.cwd()
    while not (root / "clean.txt").exists():
        root = root.parent
    files = json.loads(out)["files"]
    return {Path(f["path"]).resolve().relative_to(root).as_posix(): {x["rule"] for x in f["findings"]} for f in files}


@pytest.mark.parametrize(
    ("where", "typed"),
    [
        (".", "press/"),
        (".", "."),
        (".", "press/secret.txt"),
        (".", "./press/../press/secret.txt"),
        (".", "ABSOLUTE"),
        ("press", "."),
        ("press", "secret.txt"),
        ("press", "../press/secret.txt"),
        ("elsewhere", "../press"),
    ],
)
def test_per_path_ignores_match_the_path_from_the_config_directory(
    drafts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, where: str, typed: str
) -> None:
    """However a draft is named on the command line, the glob sees its path from the config file."""
    (drafts / "press").mkdir()
    (drafts / "elsewhere").mkdir()
    (drafts / "press" / "secret.txt").write_text(SECRET, encoding="utf-8")
    (drafts / ".tglint.toml").write_text('[per-path-ignores]\n"press/*" = ["TG501"]\n', encoding="utf-8")
    monkeypatch.chdir(drafts / where)
    path = str(drafts / "press" / "secret.txt") if typed == "ABSOLUTE" else typed
    _, out, _ = run(["--format", "json", "--config", str(drafts / ".tglint.toml"), path], capsys)
    reported = _rules_reported(out)
    assert "TG501" not in reported["press/secret.txt"], reported
    # The glob is not a name pattern: the same draft outside press/ is still checked.
    _, out, _ = run(["--format", "json", "--config", str(drafts / ".tglint.toml"), str(drafts / "secret.txt")], capsys)
    assert "TG501" in _rules_reported(out)["secret.txt"]


def test_per_path_ignores_found_config_and_mbox_messages(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With the config found by walking up, and for each message of an mbox (`Drafts.mbox#2`)."""
    (drafts / "press").mkdir()
    (drafts / "press" / "secret.txt").write_text(SECRET, encoding="utf-8")
    envelope = "From a@example.com Mon Jan  1 00:00:00 2024\n"
    (drafts / "press" / "Drafts.mbox").write_text(envelope + SECRET + "\n" + envelope + SECRET, encoding="utf-8")
    (drafts / "pyproject.toml").write_text('[tool.tglint.per-path-ignores]\n"press/*" = ["TG501"]\n', encoding="utf-8")
    for typed in (".", "press", str(drafts / "press")):
        _, out, _ = run(["--format", "json", typed], capsys)
        report = json.loads(out)["files"]
        press = [f for f in report if "press" in Path(f["path"].split("#")[0]).parts]
        assert len(press) == 3, report
        assert all("TG501" not in {x["rule"] for x in f["findings"]} for f in press), (typed, report)
    _, out, _ = run(["--format", "json", "secret.txt"], capsys)
    assert "TG501" in _rules_reported(out)["secret.txt"]


def test_fixable_count_is_what_fix_would_fix(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary's "N fixable with --fix" is the N that --diff would fix; unsafe ones apart."""
    eml = (
        "From: a@example.com\nTo: supprt@telegram.org\nSubject: help\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\nHello,\n\nmy password is hunter22xyz and code 12345 ok!!!\n"
    )
    (drafts / "a.eml").write_text(eml, encoding="utf-8")
    _, out, _ = run(["a.eml"], capsys)
    summary = out.strip().splitlines()[-1]
    _, _, err = run(["--diff", "a.eml"], capsys)
    safe = int(err.split("Would fix ")[1].split()[0])
    _, _, err = run(["--diff", "--unsafe-fixes", "a.eml"], capsys)
    unsafe = int(err.split("Would fix ")[1].split()[0]) - safe
    assert safe and unsafe
    assert summary.endswith(f"; {safe} fixable with --fix, {unsafe} more with --unsafe-fixes."), summary
    marked = [line for line in out.splitlines() if line.startswith("a.eml:") and "[*]" in line]
    assert len(marked) == safe


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "--format", "json"], capsys)
    rows = json.loads(out)
    assert code == 0 and {"TG100", "TG101", "TG401", "TG501"} <= {r["code"] for r in rows}
    code, out, _ = run(["explain", "TG401"], capsys)
    assert code == 0 and "What it does" in out and "+86 138 0013 8000" in out
    code, _, err = run(["explain", "TG000"], capsys)
    assert code == 2 and "unknown rule" in err


def test_output_file_and_no_colour(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["-o", "report.txt", "secret.txt"], capsys)
    text = (drafts / "report.txt").read_text(encoding="utf-8")
    assert code == 1 and out == "" and "TG501" in text and "\x1b[" not in text


def test_a_draft_not_read_whole_is_said_on_stderr(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "The app crashes when I open a chat.\n" * 5000
    (drafts / "long.txt").write_text(f"To: support@telegram.org\nSubject: x\n\n{body}", encoding="utf-8")
    _, _, err = run(["--format", "json", "long.txt"], capsys)
    assert "long.txt: not fully read" in err


def test_limits_from_config_apply(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "pyproject.toml").write_text("[tool.tglint.limits]\nmax-body-length = 1000\n", encoding="utf-8")
    body = "The app crashes when I open a chat.\n" * 100
    (drafts / "medium.txt").write_text(f"To: support@telegram.org\nSubject: x\n\n{body}", encoding="utf-8")
    _, _, err = run(["--format", "json", "medium.txt"], capsys)
    assert "medium.txt: not fully read" in err and "max-body-length" in err


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_the_report_streams_out_while_drafts_are_still_being_checked(
    fmt: str, drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Results are written as they come and dropped, so 10,000 drafts need no more memory than 100."""
    import tglint.run

    stdout = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    written_before: list[int] = []
    real = tglint.run.lint_paths

    def watched(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for result in real(*args, **kwargs):  # type: ignore[arg-type]
            written_before.append(len(stdout.getvalue()))
            yield result

    monkeypatch.setattr(tglint.run, "lint_paths", watched)
    assert main(["--format", fmt, "secret.txt", "secret.txt", "clean.txt"]) == 1
    first, second, third = written_before
    assert first < second, "the first draft's findings were not written before the next draft was checked"
    assert len(stdout.getvalue()) > third


def test_default_workers_are_the_cores_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from tglint.run import usable_cores

    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert usable_cores() == 2


def test_a_pack_regex_a_rule_cannot_use_is_named_once_not_per_draft(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = drafts / "packs" / "en"
    pack.mkdir(parents=True)
    (pack / "device.toml").write_text('os_with_version = ["(unclosed"]\n', encoding="utf-8")
    (drafts / "second.txt").write_text(CLEAN.replace("Photos", "Videos"), encoding="utf-8")
    _, _, err = run(["--rule-pack", "packs", "clean.txt", "second.txt"], capsys)
    said = [line for line in err.splitlines() if "os_with_version" in line and "invalid regex" in line]
    assert said, err
    assert len(said) == len(set(said)), "the same pack problem was said for every draft"
    assert all(line.startswith("tglint: warning: rule TG3") for line in said)
