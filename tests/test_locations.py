"""Findings point at the file a user has open: its own lines and columns, the part named.

A MIME message's headers and its bodies that are not transfer-encoded are written in the
file as they read, so a finding there points at its text (`location` "file"). Text that is
not in the file as such (RFC 2047 words, base64, quoted-printable, HTML turned into text)
points at where its source starts (`location` "part"), with its place in the decoded text.
An mbox message counts the mbox file's lines. Every format names the part.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import jsonschema
import pytest
from lintkit import FIXTURES, ROOT, lint

from tglint.config import Settings
from tglint.draft import Draft
from tglint.engine import Linter
from tglint.models import FileResult, Finding, Location
from tglint.packs import load_packs
from tglint.reading import read_bytes
from tglint.registry import load_registry
from tglint.reporters import render

RULES = load_registry(plugins=False).rules
LINTER = Linter(tuple(RULES), Settings(), load_packs())
SCHEMA = json.loads((ROOT / "tglint" / "schema" / "report.schema.json").read_text(encoding="utf-8"))

BODY = "Hello,\n\nmy password is hunter22xyz and code 12345 ok!!!\n"
PLAIN_EML = (
    "From: a@example.com\n"
    "To: supprt@telegram.org\n"
    "Subject: help\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n" + BODY
)


def only(result: FileResult, rule: str) -> Finding:
    (found,) = [f for f in result.findings if f.rule == rule]
    return found


def file_text(data: str, found: Finding) -> str:
    """What the file holds from the finding's start to its end (lines joined by \\n)."""
    lines = re.split(r"\r\n|\r|\n", data)
    if found.line == found.end_line:
        return lines[found.line - 1][found.column - 1 : found.end_column - 1]
    middle = lines[found.line : found.end_line - 1]
    return "\n".join(
        [lines[found.line - 1][found.column - 1 :], *middle, lines[found.end_line - 1][: found.end_column - 1]]
    )


# --------------------------------------------------------------------------- MIME messages


def test_headers_and_a_plain_body_are_placed_on_the_files_lines() -> None:
    result = lint(PLAIN_EML, "a.eml")
    to, subject, password = only(result, "TG203"), only(result, "TG106"), only(result, "TG501")
    assert (to.part, to.location, to.line, to.column, to.end_column) == ("to", Location.FILE, 2, 5, 24)
    assert (subject.line, subject.column, subject.end_column) == (3, 10, 14)
    assert (password.line, password.column) == (9, 16)
    # The part's own positions are kept beside them.
    assert (to.part_line, to.part_column, subject.part_line, password.part_line) == (1, 1, 1, 3)
    assert file_text(PLAIN_EML, to) == "supprt@telegram.org"
    assert file_text(PLAIN_EML, only(result, "TG604")) == "!!!"


def test_crlf_leading_blank_lines_and_folded_headers() -> None:
    eml = (
        "\r\n\r\nFrom: a@example.com\r\nTo: security@telegram.org,\r\n\tsupprt@telegram.org\r\n"
        "Subject: [Technical Issue] - the app\r\n   crashes!!!\r\nMIME-Version: 1.0\r\n\r\n"
        "Hi,\r\nthe app crashes!!! since May.\r\n"
    )
    result = lint(eml, "b.eml")
    typo = only(result, "TG203")
    assert (typo.line, typo.column) == (5, 2)  # the continuation line, after its tab
    assert file_text(eml, typo) == "supprt@telegram.org"
    shouting = [f for f in result.findings if f.rule == "TG604"]
    assert {(f.part, f.line) for f in shouting} == {("subject", 7), ("body", 11)}
    subject_mark = next(f for f in shouting if f.part == "subject")
    assert file_text(eml, subject_mark) == "!!!" and subject_mark.part_column == 36


def test_a_second_text_part_keeps_its_own_lines() -> None:
    eml = (
        "To: support@telegram.org\nSubject: [Technical Issue] - x\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        "First part.\n--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        "\n\nSecond part: my password is hunter22xyz.\n--b--\n"
    )
    password = only(lint(eml, "c.eml"), "TG501")
    assert password.in_file and password.line == 16
    assert file_text(eml, password) == "hunter22xyz"


@pytest.mark.parametrize(
    ("encoding", "payload"),
    [
        ("base64", base64.encodebytes(BODY.encode()).decode()),
        ("quoted-printable", BODY.replace("=", "=3D")),
    ],
)
def test_transfer_encoded_text_points_where_it_is_written(encoding: str, payload: str) -> None:
    eml = (
        "To: support@telegram.org\nSubject: [Technical Issue] - x\nMIME-Version: 1.0\n"
        f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: {encoding}\n\n{payload}"
    )
    password = only(lint(eml, "d.eml"), "TG501")
    assert password.location is Location.PART
    assert (password.line, password.column) == (7, 1)  # where the encoded text starts
    assert (password.part_line, password.part_column, password.part_end_column) == (3, 16, 27)


def test_html_turned_into_text_points_where_the_html_is() -> None:
    eml = (
        "To: support@telegram.org\nSubject: [Technical Issue] - x\nMIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\n\n<html><body>\n<p>my password is hunter22xyz</p>\n</body></html>\n"
    )
    password = only(lint(eml, "e.eml"), "TG501")
    assert (password.location, password.line, password.column) == (Location.PART, 6, 1)


def test_encoded_words_point_at_the_value_and_plain_words_around_them_at_themselves() -> None:
    eml = (
        "From: a@example.com\n"
        "To: =?utf-8?b?5a6i5pyN?= <supprt@telegram.org>\n"
        "Subject: =?utf-8?b?6LSm5Y+36KKr55uX?= !!!\n"
        "MIME-Version: 1.0\n\nhello\n"
    )
    result = lint(eml, "f.eml")
    typo = only(result, "TG203")
    assert typo.in_file and (typo.line, typo.column) == (2, 27)
    assert file_text(eml, typo) == "supprt@telegram.org"
    tag = only(result, "TG101")  # the whole subject: its start is encoded
    assert (tag.location, tag.line, tag.column) == (Location.PART, 3, 10)
    assert (tag.part_line, tag.part_column) == (1, 1)


def test_forwarded_message_text_keeps_its_lines_and_the_rebuilt_headers_point_at_it() -> None:
    eml = (
        "To: support@telegram.org\nSubject: [Technical Issue] - x\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nSee below.\n'
        "--b\nContent-Type: message/rfc822\n\nFrom: c@example.com\nSubject: old\n\n"
        "my password is hunter22xyz\n--b--\n"
    )
    draft = read_bytes(eml.encode(), "g.eml")[0]
    assert isinstance(draft, Draft)
    body = draft.body
    forwarded = body.text.index("---------- Forwarded")
    assert body.locate(forwarded, forwarded + 5) == body.locate(forwarded, forwarded)
    assert not body.locate(forwarded, forwarded + 5).exact and body.position(forwarded) == (13, 1)
    secret = body.text.index("hunter22xyz")
    where = body.locate(secret, secret + 11)
    assert where.exact and (where.line, where.column) == (16, 16)


def messages(mbox: str) -> list[FileResult]:
    return list(LINTER.lint(read_bytes(mbox.encode(), "Drafts.mbox")))


def test_mbox_messages_count_the_mbox_files_lines() -> None:
    envelope = "From a@b Mon Jan  1 00:00:00 2024\n"
    mbox = envelope + PLAIN_EML + "\n" + envelope + PLAIN_EML
    drafts = read_bytes(mbox.encode(), "Drafts.mbox")
    assert [d.first_line for d in drafts if isinstance(d, Draft)] == [2, 13]
    first, second = messages(mbox)
    assert (only(first, "TG203").line, only(first, "TG501").line) == (3, 10)
    to = only(second, "TG203")
    assert (to.line, to.column) == (2 + 12, 5)
    assert file_text(mbox, to) == "supprt@telegram.org"
    github = render("github", [second], RULES)
    assert "file=Drafts.mbox,line=14,col=5," in github and "(message #2)" in github


# --------------------------------------------------------------------------- reports


def test_text_report_names_the_part_and_shows_the_line_as_written() -> None:
    report = render("text", [lint(PLAIN_EML, "a.eml")], RULES)
    assert "a.eml:2:5: [to] TG203 [error]" in report
    lines = report.splitlines()
    code = lines.index("2 | To: supprt@telegram.org")
    assert lines[code + 1] == "  |     " + "^" * len("supprt@telegram.org")
    assert "3 | Subject: help" in lines


@pytest.mark.parametrize(
    ("draft", "shown"),
    [
        ("To: support@telegram.org\nSubject: help\n\nHi.\n", "2 | Subject: help"),
        ("收件人：support@telegram.org\n主题：帮帮我\n\n你好。\n", "2 | 主题：帮帮我"),
        ("To:     supprt@telegram.org\n\nHi.\n", "1 | To:     supprt@telegram.org"),
    ],
)
def test_plain_text_header_lines_keep_their_names(draft: str, shown: str) -> None:
    report = render("text", [lint(draft, "p.txt")], RULES)
    assert shown in report.splitlines(), report


def test_decoded_text_is_labelled_and_numbered_in_its_part() -> None:
    eml = (
        "To: support@telegram.org\nSubject: [Technical Issue] - x\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(BODY.encode()).decode()
    )
    result = lint(eml, "d.eml")
    report = render("text", [result], RULES)
    assert "d.eml:7:1: [body, decoded 3:16] TG501 [error]" in report
    lines = report.splitlines()
    # The context under TG501's line (another finding on the same line may come first).
    finding = next(i for i, line in enumerate(lines) if " TG501 " in line)
    code = next(i for i, line in enumerate(lines) if i > finding and line.startswith("body 3 | my password is"))
    assert lines[code + 1].index("^") == lines[code].index("h***")
    assert "hunter22xyz" not in report
    github = render("github", [result], RULES)
    assert "line=7,col=1," in github and "[body%2C decoded 3%3A16]" in github
    sarif = json.loads(render("sarif", [result], RULES))
    tg501 = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "TG501")
    assert tg501["properties"]["location"] == "part"
    assert tg501["properties"]["partRegion"] == {"startLine": 3, "startColumn": 16, "endLine": 3, "endColumn": 27}
    assert tg501["locations"][0]["logicalLocations"] == [{"name": "body", "fullyQualifiedName": "d.eml/body"}]
    page = render("html", [result], RULES)
    assert 'data-part-line="3"' in page and "decoded text" in page and "hunter22xyz" not in page


def test_every_format_names_the_part_and_json_keeps_both_positions() -> None:
    result = lint(PLAIN_EML, "a.eml")
    report = json.loads(render("json", [result], RULES))
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    to = next(f for f in report["files"][0]["findings"] if f["rule"] == "TG203")
    assert (to["part"], to["location"], to["line"], to["column"]) == ("to", "file", 2, 5)
    assert (to["part_line"], to["part_column"], to["part_end_line"], to["part_end_column"]) == (1, 1, 1, 20)
    assert to["fix"]["edits"][0]["line"] == 2 and to["fix"]["edits"][0]["column"] == 5
    assert "title=TG203 unknown-official-mailbox [to]::" in render("github", [result], RULES)
    page = render("html", [result], RULES)
    assert '<tr data-line="2">' in page and "To: <mark" in page


def test_a_missing_part_points_at_the_message_start() -> None:
    envelope = "From a@b Mon Jan  1 00:00:00 2024\n"
    mbox = (
        envelope
        + "From: a@example.com\nMIME-Version: 1.0\n\nhi\n\n"
        + envelope
        + "From: a@example.com\nMIME-Version: 1.0\n\nhi\n"
    )
    _, second = messages(mbox)
    missing = only(second, "TG100")
    assert (missing.location, missing.line, missing.column) == (Location.MESSAGE, 8, 1)
    assert "Drafts.mbox#2:8:1: [subject] TG100" in render("text", [second], RULES)


# --------------------------------------------------------------------------- every fixture


def _drafts_with_text_findings() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".eml", ".mbox", ".txt") and p.is_file())


def test_every_finding_said_to_be_in_the_file_points_at_its_text() -> None:
    """On every fixture draft: where `location` is "file", the file holds the span's text there."""
    checked = 0
    for path in _drafts_with_text_findings():
        data = path.read_bytes()
        try:
            written = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            continue
        for draft in read_bytes(data, str(path)):
            if not isinstance(draft, Draft):
                continue
            for found in LINTER.lint_draft(draft).findings:
                part = draft.parts.get(found.part)
                if part is None or not found.in_file or (found.part == "body" and found.line != found.end_line):
                    continue  # a body span over several text parts also covers the MIME lines between
                if found.part_line != found.part_end_line or ">From " in written:
                    continue  # unescaped ">From " mbox lines are one column left of the file's
                line = part.text_line(found.part_line) or ""
                expected = line[found.part_column - 1 : found.part_end_column - 1]
                # A folded header reads as one line, its fold a space, its tabs spaces.
                shown = re.sub(r"\n[ \t]+", " ", file_text(written, found)).replace("\t", " ")
                assert shown == expected, (path.name, found)
                checked += 1
    assert checked > 1000


def test_a_header_line_with_encoded_words_is_never_shown_as_written() -> None:
    """Its encoded text could hide what only the decoded line masks: the decoded line is shown."""
    encoded = base64.b64encode("账号被盗了".encode()).decode()
    eml = f"To: support@telegram.org\nSubject: =?utf-8?b?{encoded}?= !!!\nMIME-Version: 1.0\n\nhello\n"
    result = lint(eml, "s.eml")
    marks = only(result, "TG604")
    assert marks.in_file and (marks.line, marks.column) == (2, 10 + len(f"=?utf-8?b?{encoded}?= "))
    for fmt in ("text", "html", "json", "sarif", "github"):
        assert encoded not in render(fmt, [result], RULES), fmt
    lines = render("text", [result], RULES).splitlines()
    carets = [lines[i + 1] for i, line in enumerate(lines) if line == "subject 1 | 账号被盗了 !!!"]
    assert "          |" + " " * 12 + "^^^" in carets  # 账号被盗了 is ten cells wide
