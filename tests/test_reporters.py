"""The four report formats, rendered from hand-built results."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from rich.cells import cell_len

import tglint
from tglint.draft import Part
from tglint.models import CATEGORIES, Edit, FileResult, Finding, Fix, Hit, PartView, Severity, Span
from tglint.reporters import FORMATS, mask_line, open_report, render
from tglint.reporters._common import json_at_depth
from tglint.reporters._masking import scrub
from tglint.reporters.github import escape_data, escape_property
from tglint.reporters.sarif import to_uri
from tglint.reporters.text import _Line, display_cells, display_char
from tglint.rule import RuleDoc

SCHEMA = json.loads((Path(tglint.__file__).parent / "schema" / "report.schema.json").read_text(encoding="utf-8"))
SECRET = "hunter2secret"
PIN = "1234"
ANSI = re.compile(r"\x1b\[")

SUBJECT = "账号问题"
BODY = (
    "您好，\n"
    "我的账号被盗了，[bold]请帮忙[/bold]。\n"
    f"我的密码是{SECRET}，验证码{PIN}。\n"
    f"再说一遍：{SECRET}\n"
    "终端控制字符：\x1b[31m红色\x1b[0m"
)


@dataclass(frozen=True)
class FakeRule:
    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    doc: RuleDoc
    languages: frozenset[str] = frozenset({"zh", "en"})

    def check(self, analysis: Any) -> Iterable[Hit]:
        return ()


def rule(code: str, name: str, category: str, severity: Severity) -> FakeRule:
    doc = RuleDoc(
        what=f"Flags {name}.",
        why="Support reads it first.",
        bad="Subject: hi\n\n```bad``` example",
        good="Subject: [技术问题] - 消息发送失败\n\nGood example",
        fix="Rewrite it.",
    )
    return FakeRule(code, name, category, severity, f"Summary of {name}", doc)


RULES = [
    rule("TG501", "password-in-draft", "secret", Severity.ERROR),
    rule("TG101", "subject-missing-tag", "subject", Severity.WARNING),
    rule("TG302", "hostile-wording", "tone", Severity.INFO),
    rule("TG502", "verification-code", "secret", Severity.ERROR),
    rule("TG901", "control-characters", "details", Severity.INFO),
]

SUBJECT_PART = Part("subject", SUBJECT, first_line=2, first_column=10)
BODY_PART = Part("body", BODY, first_line=4)
VIEWS = {
    "subject": PartView(SUBJECT, first_line=2, first_column=10),
    "body": PartView(BODY, first_line=4),
}


def finding(
    part: Part,
    needle: str,
    code: str,
    message: str,
    *,
    occurrence: int = 0,
    length: int | None = None,
    **extra: Any,
) -> Finding:
    """A finding on the `occurrence`-th `needle` of `part`, positioned as the engine does."""
    start = -1
    for _ in range(occurrence + 1):
        start = part.text.index(needle, start + 1)
    end = start + (len(needle) if length is None else length)
    (line, column), (end_line, end_column) = part.position(start), part.position(end)
    known = next(r for r in RULES if r.code == code)
    return Finding(
        rule=code,
        name=known.name,
        category=known.category,
        severity=known.severity,
        message=message,
        part=part.name,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fingerprint=f"fp-{code}-{start}",
        **extra,
    )


def secret_fix(part: Part, needle: str) -> Fix:
    start = part.text.index(needle)
    (line, column), (end_line, end_column) = part.position(start), part.position(start + len(needle))
    edit = Edit(part.name, start, start + len(needle), "<已删除>", line, column, end_line, end_column)
    return Fix("Remove the secret", "unsafe", (edit,))


def subject_fix() -> Fix:
    (line, column), (end_line, end_column) = SUBJECT_PART.position(0), SUBJECT_PART.position(0)
    edit = Edit("subject", 0, 0, "[账户安全] - ", line, column, end_line, end_column)
    return Fix("Add a tag", "safe", (edit,))


MAIN = FileResult(
    path="drafts/被盗.eml",
    language="zh",
    topic="security",
    recipients=("security@telegram.org",),
    findings=(
        finding(SUBJECT_PART, SUBJECT, "TG101", "Subject has no [tag]", fix=subject_fix()),
        finding(BODY_PART, "被盗了", "TG302", "Wording: [red]alarm[/red]"),
        finding(
            BODY_PART,
            SECRET,
            "TG501",
            f"Password in the draft ({SECRET})",  # a careless message: scrubbed anyway
            sensitive=True,
            fix=secret_fix(BODY_PART, SECRET),
        ),
        finding(BODY_PART, PIN, "TG502", "Verification code in the draft", sensitive=True),
        finding(BODY_PART, "再说", "TG302", "Repeated wording"),
        finding(BODY_PART, "\x1b", "TG901", "Control character"),
    ),
    part_texts=VIEWS,
)
BROKEN = FileResult(path="drafts/broken.eml", error="cannot decode: invalid byte 0xff")
ESCAPES = FileResult(
    path="drafts/a,b:c.eml",
    findings=(
        Finding(
            "TG302",
            "hostile-wording",
            "tone",
            Severity.INFO,
            "100% sure:\r\nnext, line",
            "body",
            1,
            1,
            1,
            3,
        ),
    ),
)
MBOX = FileResult(
    path="mail/Drafts.mbox#3",
    message_number=3,
    language="en",
    findings=(Finding("TG101", "subject-missing-tag", "subject", Severity.WARNING, "No tag", "subject", 0, 0, 0, 0),),
)
RESULTS = [ESCAPES, MAIN, BROKEN, MBOX]


def out(fmt: str, results: list[FileResult] | None = None, **options: Any) -> str:
    return render(fmt, RESULTS if results is None else results, RULES, **options)


# --- all formats -------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("color", [False, True])
def test_secrets_never_printed(fmt: str, color: bool) -> None:
    output = out(fmt, color=color)
    assert SECRET not in output
    assert f"{PIN}。" not in output


@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic_and_newline_terminated(fmt: str) -> None:
    first = out(fmt)
    assert first == out(fmt)
    assert first.endswith("\n")
    assert out(fmt, color=True) == out(fmt, color=True)


def test_text_ignores_terminal_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = out("text", color=True), out("text")
    for name, value in [("NO_COLOR", "1"), ("FORCE_COLOR", "1"), ("COLORTERM", "truecolor"), ("COLUMNS", "20")]:
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("TERM", "dumb")
    assert (out("text", color=True), out("text")) == expected


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_machine_formats_carry_no_decoration(fmt: str) -> None:
    assert not ANSI.search(out(fmt, color=True))


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        out("xml")


def test_lone_surrogates_do_not_break_output() -> None:
    broken = FileResult(path="drafts/x.eml", error="bad byte \udcff")
    for fmt in FORMATS:
        out(fmt, [broken]).encode("utf-8")


# --- masking -----------------------------------------------------------------


def test_mask_line_keeps_first_character_of_long_secrets_only() -> None:
    line = MAIN.findings[2].line
    assert mask_line(MAIN, "body", line) == "我的密码是h************，验证码****。"


def test_mask_line_scrubs_unflagged_repeats() -> None:
    assert mask_line(MAIN, "body", MAIN.findings[4].line) == "再说一遍：" + "*" * len(SECRET)


def test_mask_line_without_text() -> None:
    assert mask_line(MAIN, "attachments", 1) == ""


def test_scrub_hides_a_secret_a_quote_cut_short() -> None:
    assert scrub("“…password Hunt…”", ("Hunter2024",)) == "“…password ****…”"
    assert scrub("...er2024! was it", ("Hunter2024!",)) == "...******* was it"
    assert scrub("Hu… is fine", ("Hunter2024",)) == "Hu… is fine"  # too little to tell anything


def test_a_hidden_stretch_is_masked_without_a_finding_on_it() -> None:
    """What the engine records in `hidden` (a secret whose finding was accepted or not selected)
    is masked in other findings' lines and messages."""
    secret = finding(BODY_PART, SECRET, "TG501", "x")
    hidden = Span("body", secret.line, secret.column, secret.end_line, secret.end_column)
    other = finding(BODY_PART, "我的密码是", "TG302", f"quoting {SECRET}")
    result = replace(MAIN, findings=(other,), hidden=(hidden,))
    assert SECRET not in mask_line(result, "body", other.line)
    for fmt in FORMATS:
        assert SECRET not in render(fmt, [result], RULES), fmt


# --- text --------------------------------------------------------------------


def text_lines(**options: Any) -> list[str]:
    return out("text", **options).splitlines()


def test_text_finding_lines() -> None:
    output = out("text")
    for result in RESULTS:
        for found in result.findings:
            assert f"{result.path}:{max(found.line, 1)}:{max(found.column, 1)}: [{found.part}] {found.rule} " in output
    assert "drafts/被盗.eml:2:10: [subject] TG101 [warning] [*] Subject has no [tag]" in output
    assert "drafts/被盗.eml (language: zh, topic: security)" in output
    assert "drafts/broken.eml: error: cannot decode: invalid byte 0xff" in output


def test_text_carets_under_chinese_cells() -> None:
    lines = text_lines()
    code_line = next(line for line in lines if "被盗了" in line and "|" in line)
    caret_line = lines[lines.index(code_line) + 1]
    start = code_line.index("被盗了")
    assert caret_line.index("^") == cell_len(code_line[:start])
    assert caret_line.count("^") == cell_len("被盗了") == 6


def test_text_carets_under_masked_secret() -> None:
    lines = text_lines()
    code_line = next(line for line in lines if "h************" in line)
    caret_line = lines[lines.index(code_line) + 1]
    assert caret_line.index("^") == cell_len(code_line[: code_line.index("h****")])
    assert caret_line.count("^") == len(SECRET)


def test_text_carets_under_subject_with_first_column() -> None:
    lines = text_lines()
    code_line = next(line for line in lines if line.endswith(SUBJECT) and "|" in line)
    caret_line = lines[lines.index(code_line) + 1]
    assert caret_line.index("^") == cell_len(code_line[: code_line.index(SUBJECT)])
    assert caret_line.count("^") == cell_len(SUBJECT)


def test_text_prints_draft_markup_literally() -> None:
    output = out("text", color=True)
    assert "[bold]请帮忙[/bold]" in output
    assert "[red]alarm[/red]" in output


def test_text_neutralises_terminal_controls_from_drafts() -> None:
    assert "\x1b" not in out("text")
    assert "\x1b[31m红色" not in out("text", color=True)


def test_text_no_ansi_without_color_and_ansi_with() -> None:
    assert not ANSI.search(out("text"))
    assert ANSI.search(out("text", color=True))


def test_text_summary() -> None:
    lines = text_lines()
    assert lines[-2] == (
        "Found 8 findings (2 errors, 2 warnings, 4 info) in 3 files; 1 fixable with --fix, 1 more with --unsafe-fixes."
    )
    assert lines[-1] == "1 file had an error."


def test_text_marks_only_fixes_that_fix_applies() -> None:
    """`[*]`, as in ruff, marks what `--fix` applies: a safe fix; an unsafe one is not marked."""
    output = out("text")
    assert "drafts/被盗.eml:2:10: [subject] TG101 [warning] [*] Subject has no [tag]" in output
    password = next(line for line in output.splitlines() if " TG501 " in line)
    assert "[*]" not in password


@pytest.mark.parametrize(
    ("safe", "unsafe", "said"),
    [
        (0, 0, "0 fixable."),
        (3, 0, "3 fixable with --fix."),
        (3, 2, "3 fixable with --fix, 2 more with --unsafe-fixes."),
        (0, 2, "2 fixable with --fix --unsafe-fixes."),
    ],
)
def test_fixable_counts_safe_and_unsafe_apart(safe: int, unsafe: int, said: str) -> None:
    fixes = [Fix("safe", "safe", ())] * safe + [Fix("unsafe", "unsafe", ())] * unsafe
    findings = tuple(replace(MAIN.findings[1], fix=fix, fingerprint=str(n)) for n, fix in enumerate(fixes))
    result = FileResult(path="x.txt", findings=findings or (MAIN.findings[1],))
    assert render("text", [result], RULES).splitlines()[-1].endswith("; " + said)
    assert said in render("html", [result], RULES)
    summary = json.loads(render("json", [result], RULES))["summary"]
    assert (summary["fixable"], summary["fixable_unsafe"]) == (safe, unsafe)


def test_text_clean_run() -> None:
    assert out("text", [FileResult(path="a.eml")]) == "All checks passed.\n"
    assert out("text", [BROKEN]).splitlines()[-2:] == ["No findings.", "1 file had an error."]


def test_text_long_line_is_cut_around_the_span() -> None:
    text = "x" * 150 + "目标" + "y" * 150
    part = Part("body", text)
    long = FileResult(
        path="long.eml",
        findings=(finding(part, "目标", "TG302", "far away"),),
        part_texts={"body": PartView(text)},
    )
    lines = out("text", [long], width=60).splitlines()
    code_line = next(line for line in lines if "目标" in line)
    caret_line = lines[lines.index(code_line) + 1]
    assert cell_len(code_line) <= 60
    assert caret_line.index("^") == cell_len(code_line[: code_line.index("目标")])
    assert caret_line.count("^") == 4


def test_text_multiline_span_underlines_to_end_of_first_line() -> None:
    part = Part("body", "ab密码\ncd")
    multi = FileResult(
        path="m.eml",
        findings=(finding(part, "密码\ncd", "TG302", "spans lines"),),
        part_texts={"body": PartView(part.text)},
    )
    lines = out("text", [multi]).splitlines()
    caret_line = lines[lines.index("1 | ab密码") + 1]
    assert caret_line == "  |   ^^^^"


# --- json --------------------------------------------------------------------

FILE_KEYS = ["path", "language", "topic", "recipients", "error", "findings", "notes", "skipped_rules", "reply_time"]
FINDING_KEYS = [
    "rule", "name", "category", "severity", "message", "part",
    "line", "column", "end_line", "end_column", "fix", "fingerprint",
    "location", "part_line", "part_column", "part_end_line", "part_end_column",
]  # fmt: skip
SUMMARY_KEYS = [
    "files", "files_with_findings", "unreadable", "findings", "error", "warning", "info", "fixable", "fixable_unsafe",
]  # fmt: skip


def test_json_validates_and_has_the_documented_keys() -> None:
    report = json.loads(out("json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    assert list(report) == ["version", "tool", "files", "summary"]
    assert report["version"] == 1
    assert report["tool"] == {"name": "tglint", "version": tglint.__version__}
    assert list(report["summary"]) == SUMMARY_KEYS
    for file in report["files"]:
        assert list(file) == FILE_KEYS
        for found in file["findings"]:
            assert list(found) == FINDING_KEYS
            if found["fix"] is not None:
                assert list(found["fix"]) == ["description", "applicability", "edits"]
                for edit in found["fix"]["edits"]:
                    assert list(edit) == ["part", "line", "column", "end_line", "end_column", "content"]


def test_json_content() -> None:
    report = json.loads(out("json"))
    files = {file["path"]: file for file in report["files"]}
    assert [file["path"] for file in report["files"]] == [r.path for r in RESULTS]
    assert files["drafts/broken.eml"]["error"] == "cannot decode: invalid byte 0xff"
    assert files["drafts/broken.eml"]["findings"] == []
    main = files["drafts/被盗.eml"]
    assert main["recipients"] == ["security@telegram.org"]
    assert main["findings"][2]["message"] == "Password in the draft (" + "*" * len(SECRET) + ")"
    assert main["findings"][2]["fix"]["edits"][0]["content"] == "<已删除>"
    assert report["summary"] == {
        "files": 4, "files_with_findings": 3, "unreadable": 1, "findings": 8,
        "error": 2, "warning": 2, "info": 4, "fixable": 1, "fixable_unsafe": 1,
    }  # fmt: skip


def test_json_schema_rejects_what_it_should() -> None:
    report = json.loads(out("json"))
    validator = jsonschema.Draft202012Validator(SCHEMA)
    report["files"][1]["findings"][0]["severity"] = "fatal"
    assert not validator.is_valid(report)
    report = json.loads(out("json"))
    report["files"][1]["topic"] = "billing"
    assert not validator.is_valid(report)
    report = json.loads(out("json"))
    report["files"][1]["findings"][0]["category"] = "brand-new-category"
    report["files"][1]["extra_field"] = True
    assert validator.is_valid(report)
    report["files"][1]["findings"][0]["category"] = "Not Kebab"
    assert not validator.is_valid(report)


def test_json_schema_knows_every_category() -> None:
    known = SCHEMA["$defs"]["finding"]["properties"]["category"]["anyOf"][0]["enum"]
    assert known == list(CATEGORIES)


# --- sarif -------------------------------------------------------------------


def sarif() -> dict[str, Any]:
    log: dict[str, Any] = json.loads(out("sarif"))
    return log


def test_sarif_structure() -> None:
    log = sarif()
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "tglint"
    assert driver["version"] == tglint.__version__
    assert "informationUri" not in driver
    assert [r["id"] for r in driver["rules"]] == sorted(r.code for r in RULES)
    assert len(run["results"]) == 8
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert all(region[key] >= 1 for key in ("startLine", "startColumn", "endLine", "endColumn"))
        assert result["properties"]["part"] in {"subject", "body"}


def test_sarif_rule_metadata() -> None:
    tg501 = next(r for r in sarif()["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "TG501")
    assert tg501["name"] == "password-in-draft"
    assert tg501["shortDescription"] == {"text": "Summary of password-in-draft"}
    assert tg501["fullDescription"] == {"text": "Flags password-in-draft."}
    assert tg501["defaultConfiguration"] == {"level": "error"}
    assert tg501["properties"] == {"tags": ["secret"]}
    for section in ("What it does", "Why", "Example (bad)", "Example (good)", "Fix"):
        assert section in tg501["help"]["text"]
    # Examples holding ``` get a longer fence.
    assert "````text\nSubject: hi\n\n```bad``` example\n````" in tg501["help"]["markdown"]


def test_sarif_results() -> None:
    results = sarif()["runs"][0]["results"]
    tg501 = next(r for r in results if r["ruleId"] == "TG501")
    found = MAIN.findings[2]
    assert tg501["level"] == "error"
    assert tg501["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == to_uri("drafts/被盗.eml")
    assert tg501["locations"][0]["physicalLocation"]["region"] == {
        "startLine": found.line,
        "startColumn": found.column,
        "endLine": found.end_line,
        "endColumn": found.end_column,
    }
    assert tg501["partialFingerprints"] == {"tglint/v1": found.fingerprint}
    assert tg501["properties"] == {
        "part": "body",
        "category": "secret",
        "location": "file",
        "partRegion": tg501["locations"][0]["physicalLocation"]["region"],  # not given: the file's
    }
    assert tg501["locations"][0]["logicalLocations"] == [{"name": "body", "fullyQualifiedName": "drafts/被盗.eml/body"}]
    (change,) = tg501["fixes"][0]["artifactChanges"]
    assert change["replacements"][0]["insertedContent"] == {"text": "<已删除>"}
    assert change["replacements"][0]["deletedRegion"]["startColumn"] == found.column
    assert "snippet" not in json.dumps(results)
    assert next(r for r in results if r["ruleId"] == "TG502")["level"] == "error"
    assert next(r for r in results if r["ruleId"] == "TG901")["level"] == "note"


def test_sarif_mbox_message_kept_out_of_uri() -> None:
    result = sarif()["runs"][0]["results"][-1]
    location = result["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "mail/Drafts.mbox"
    assert location["logicalLocations"] == [
        {"name": "#3", "fullyQualifiedName": "mail/Drafts.mbox#3"},
        {"name": "subject", "fullyQualifiedName": "mail/Drafts.mbox#3/subject"},
    ]
    assert result["properties"]["mboxMessage"] == 3
    assert location["physicalLocation"]["region"]["startLine"] == 1


def test_sarif_reports_unreadable_files() -> None:
    (invocation,) = sarif()["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert "cannot decode" in notification["message"]["text"]
    clean = json.loads(out("sarif", [MAIN]))
    assert clean["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_sarif_unknown_rule_and_unpositioned_fix() -> None:
    fix = Fix("Do it", "safe", (Edit("body", 0, 1, "x"),))
    plugin = Finding("TG777", "plugin-rule", "details", Severity.INFO, "m", "body", 1, 1, 1, 2, fix=fix)
    log = json.loads(render("sarif", [FileResult(path="p.eml", findings=(plugin,))], []))
    (result,) = log["runs"][0]["results"]
    assert log["runs"][0]["tool"]["driver"]["rules"] == []
    assert result["ruleId"] == "TG777"
    assert "ruleIndex" not in result
    assert "fixes" not in result


def test_sarif_uris() -> None:
    assert to_uri("drafts/a b.eml") == "drafts/a%20b.eml"
    assert to_uri("/home/u/d.eml") == "file:///home/u/d.eml"
    assert to_uri("C:\\u\\d.eml") == "file:///C:/u/d.eml"


# --- github ------------------------------------------------------------------


def test_github_lines() -> None:
    lines = out("github").splitlines()
    assert lines[0] == (
        "::notice file=drafts/a%2Cb%3Ac.eml,line=1,col=1,endLine=1,endColumn=3,"
        "title=TG302 hostile-wording [body]::100%25 sure:%0D%0Anext, line"
    )
    found = MAIN.findings[0]
    assert (
        f"::warning file=drafts/被盗.eml,line={found.line},col={found.column},endLine={found.end_line},"
        f"endColumn={found.end_column},title=TG101 subject-missing-tag [subject]::Subject has no [tag]"
    ) in lines
    unreadable = "::error file=drafts/broken.eml,title=tglint%3A unreadable file::drafts/broken.eml: cannot decode"
    assert f"{unreadable}: invalid byte 0xff" in lines
    assert lines[-1].startswith("::warning file=mail/Drafts.mbox,line=1,col=1,")
    assert lines[-1].endswith("title=TG101 subject-missing-tag [subject] (message #3)::No tag")
    assert len(lines) == 1 + 6 + 1 + 1


def test_github_escaping() -> None:
    assert escape_data("50%\r\n:,") == "50%25%0D%0A:,"
    assert escape_property("50%\r\n:,") == "50%25%0D%0A%3A%2C"
    assert escape_data("%0A") == "%250A"


# --- streaming ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@pytest.mark.parametrize("results", [[], [MAIN], RESULTS], ids=["none", "one", "all"])
def test_streamed_json_is_what_dumping_the_whole_document_writes(fmt: str, results: list[FileResult]) -> None:
    written = out(fmt, results)
    assert written == json.dumps(json.loads(written), ensure_ascii=False, indent=2) + "\n"


def test_plain_text_is_the_coloured_report_without_its_colours() -> None:
    coloured = out("text", color=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == out("text")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_each_file_is_written_when_its_result_comes(fmt: str) -> None:
    """What `add` returns for a file is its part of the report: nothing is held back for the end."""
    report = open_report(fmt, RULES)
    pieces = [report.start(), *(report.add(result) for result in RESULTS), report.end()]
    assert "".join(pieces) == out(fmt)
    for result, piece in zip(RESULTS, pieces[1:-1], strict=True):
        if result.findings:
            assert piece, f"{result.path} held back"


def _json_values(rng: random.Random, depth: int = 0) -> object:
    """A value of the kinds reports hold (and some they do not), nested a few levels."""
    chars = 'ab "\\/\n\t\x00\x1f\x7f\x85\u061c\u2028\u202e\ud800\udcff中文é😀'
    scalars: list[Callable[[], object]] = [
        lambda: "".join(rng.choice(chars) for _ in range(rng.randint(0, 6))),
        lambda: rng.randint(-(10**20), 10**20),
        lambda: rng.choice([0, 1, -1, 7]),
        lambda: rng.choice([True, False, None]),
        lambda: rng.choice([0.5, -1e300, 1e-7, 3.0, float("nan"), float("inf")]),
        lambda: Severity.ERROR,  # a str enum
    ]
    if depth >= 3 or rng.random() < 0.4:
        return rng.choice(scalars)()
    size = rng.randint(0, 4)
    if rng.random() < 0.5:
        items = [_json_values(rng, depth + 1) for _ in range(size)]
        return items if rng.random() < 0.8 else tuple(items)
    keys: list[object] = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 4))) for _ in range(size)]
    if keys and rng.random() < 0.1:
        keys[0] = rng.choice([1, True, None, 2.5])  # json.dumps turns these keys into strings
    return {key: _json_values(rng, depth + 1) for key in keys}


@pytest.mark.parametrize("seed", range(5))
def test_json_at_depth_writes_what_json_dumps_writes(seed: int) -> None:
    """Reports write their JSON without json.dumps's indenting encoder (it is slow): the same bytes."""
    rng = random.Random(seed)
    for _ in range(300):
        value = _json_values(rng)
        depth = rng.randint(0, 3)
        plain = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
        escaped = re.sub(
            "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]",
            lambda m: f"\\u{ord(m.group()):04x}",
            plain,
        )
        assert json_at_depth(value, depth) == escaped, value


_LINE_CHARS = "ab 中\t\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\u061c\u200f\u2028\u202e\u2066\ud800\udcff#[:é😀"


@pytest.mark.parametrize("seed", range(3))
def test_display_cells_are_each_characters_display(seed: int) -> None:
    """Lines without a character to escape take a shorter way to their cells: the same cells."""
    rng = random.Random(seed)
    for _ in range(500):
        source = "".join(rng.choice(_LINE_CHARS) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.5:
            source = source.translate({ord(c): None for c in "\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85"})
        expected = [display_char(char) for char in source]
        at = source.find("##[")
        while at >= 0:
            expected[at + 2] = "\\x5b"
            at = source.find("##[", at + 3)
        assert display_cells(source) == expected, source


@pytest.mark.parametrize("seed", range(3))
def test_a_plain_line_is_the_rich_lines_text(seed: int) -> None:
    """A plain report's line is made without rich: its text is what rich's `Text.plain` would be."""
    rng = random.Random(seed)
    for _ in range(300):
        pieces = tuple(
            ("".join(rng.choice(_LINE_CHARS) for _ in range(rng.randint(0, 6))), rng.choice(["", "bold", "cyan"]))
            for _ in range(rng.randint(0, 4))
        )
        line = _Line(pieces, rng.choice(["", "dim"]))
        assert line.plain() == line.rich().plain, pieces


def _window_by_rich(cells: list[str], start: int, available: int) -> tuple[int, int]:
    """The window of a long line, every cell measured by rich: what the report's window must be."""
    if cell_len("".join(cells)) <= available:
        return 0, len(cells)
    budget = available - 2
    first, lead = start, 0
    while first > 0 and lead + cell_len(cells[first - 1]) <= budget // 4:
        first -= 1
        lead += cell_len(cells[first])
    last, used = first, 0
    while last < len(cells) and used + cell_len(cells[last]) <= budget:
        used += cell_len(cells[last])
        last += 1
    return first, max(last, min(first + 1, len(cells)))


@pytest.mark.parametrize("seed", range(3))
def test_the_window_of_a_long_line_is_measured_as_rich_measures_it(seed: int) -> None:
    """Printable ASCII lines are measured a character a cell, without rich: the same windows."""
    from tglint.reporters.text import _window

    rng = random.Random(seed)
    alphabets = ("ab ", "ab \t#[", _LINE_CHARS, "ab中é")
    for _ in range(400):
        chars = rng.choice(alphabets)
        cells = display_cells("".join(rng.choice(chars) for _ in range(rng.randint(0, 160))))
        start = rng.randint(0, len(cells))
        available = rng.randint(20, 90)
        assert _window(cells, start, available) == _window_by_rich(cells, start, available), cells


def test_mask_line_with_the_secrets_given_is_mask_line() -> None:
    from tglint.reporters._masking import secrets

    for finding in MAIN.findings:
        for in_file in (True, False):
            line = finding.line if in_file else finding.part_line
            alone = mask_line(MAIN, finding.part, line, in_file)
            assert mask_line(MAIN, finding.part, line, in_file, secrets(MAIN)) == alone
