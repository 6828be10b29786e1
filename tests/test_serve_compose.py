"""The compose page's endpoints: its fields checked as one draft (`/api/check`), fixes as
edits of the fields, and the draft as an `.eml` (`/api/eml`). The page itself, in a
browser, is tested in tests/test_serve_browser.py."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from typing import Any

import pytest
from serving import Server

import tglint
from tglint.config import Settings
from tglint.serve.compose import Draft, check_draft

PASSWORD = "Zq7mallow88"
FIELDS = {
    "to": "support@telegram.org",
    "cc": "",
    "subject": "账号被盗了",
    "body": f"😀 我的账号昨天被盗了。我的密码是 {PASSWORD}，手机号 13812345678。\n请帮我。",
}


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with Server() as running:
        yield running


def findings(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {finding["rule"]: finding for finding in answer["findings"]}


def js_slice(text: str, start: int, end: int) -> str:
    """`text.slice(start, end)` as JavaScript counts (UTF-16 code units)."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def apply(fields: dict[str, str], edits: list[dict[str, Any]]) -> dict[str, str]:
    """What the page does with a fix's edits (offsets in UTF-16 units)."""
    changed = dict(fields)
    for edit in sorted(edits, key=lambda e: -e["start"]):
        units = changed[edit["field"]].encode("utf-16-le")
        new = units[: 2 * edit["start"]] + edit["text"].encode("utf-16-le") + units[2 * edit["end"] :]
        changed[edit["field"]] = new.decode("utf-16-le")
    return changed


def test_each_finding_is_placed_in_its_field(server: Server) -> None:
    answer = server.post_json("/api/check", FIELDS).json()
    assert answer["language"] == "zh" and answer["topic"] == "security"
    found = findings(answer)
    expected = {
        "TG201": ("to", "support@telegram.org"),
        "TG101": ("subject", "账号被盗了"),
        "TG401": ("body", "13812345678"),
    }
    for rule, (field, written) in expected.items():
        finding = found[rule]
        assert finding["field"] == field
        assert js_slice(FIELDS[field], finding["start"], finding["end"]) == written
    assert found["TG501"]["severity"] == "error" and found["TG501"]["category"] == "secret"


def test_fixes_are_edits_of_the_fields_they_change(server: Server) -> None:
    found = findings(server.post_json("/api/check", FIELDS).json())
    phone = apply(FIELDS, found["TG401"]["fixes"][0]["edits"])
    assert phone["body"] == FIELDS["body"].replace("13812345678", "+86 138 1234 5678")
    assert found["TG401"]["fixes"][0]["unsafe"] is True
    routed = apply(FIELDS, found["TG201"]["fixes"][0]["edits"])
    assert routed["to"] == "security@telegram.org" and routed["body"] == FIELDS["body"]
    tagged = apply(FIELDS, found["TG101"]["fixes"][0]["edits"])
    assert tagged["subject"] == "[账户安全] - 账号被盗了"
    after = findings(server.post_json("/api/check", phone).json())
    assert "TG401" not in after


def test_the_answer_never_holds_the_secret(server: Server) -> None:
    answer = server.post_json("/api/check", FIELDS)
    assert PASSWORD[1:] not in answer.text
    masked = apply(FIELDS, findings(answer.json())["TG501"]["fixes"][0]["edits"])
    assert PASSWORD not in masked["body"]


def test_messages_follow_the_interface_language(server: Server) -> None:
    english = findings(server.post_json("/api/check", {**FIELDS, "language": "en"}).json())
    chinese = findings(server.post_json("/api/check", {**FIELDS, "language": "zh"}).json())
    assert english["TG401"]["message"].startswith("Phone number")
    assert chinese["TG401"]["message"].startswith("手机号")


def test_an_empty_draft_has_no_findings(server: Server) -> None:
    assert server.post_json("/api/check", {"to": " ", "body": ""}).json()["findings"] == []


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"body": 5}'])
def test_a_bad_body_is_refused(server: Server, body: bytes) -> None:
    answer = server.request("POST", "/api/check", body, {"Content-Type": "application/json"})
    assert answer.status == 400 and answer.text.startswith("Error: ")


def test_header_fields_stay_one_line() -> None:
    draft = Draft.from_fields({"to": "a@b.org\nBcc: spy@example.com", "subject": "x\r\ny", "body": "a\r\nb"})
    assert draft.to == "a@b.org Bcc: spy@example.com" and draft.subject == "x  y" and draft.body == "a\nb"
    assert Draft.parse(draft.text()) == draft


def test_the_eml_is_the_draft_tglint_reads_the_same(server: Server) -> None:
    answer = server.post_form(
        "/api/eml", {**FIELDS, "cc": "abuse@telegram.org", "subject": "x\r\nBcc: spy@example.com"}
    )
    assert answer.status == 200
    assert answer.headers["content-type"] == "message/rfc822"
    assert answer.headers["content-disposition"] == 'attachment; filename="draft.eml"'
    message = email.message_from_bytes(answer.body, policy=email.policy.default)
    assert message["To"] == FIELDS["to"] and message["Cc"] == "abuse@telegram.org"
    assert message["Subject"] == "x  Bcc: spy@example.com" and message["Bcc"] is None
    assert message["X-Unsent"] == "1"
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == FIELDS["body"]

    eml = server.post_form("/api/eml", FIELDS).body
    from_eml = {f.rule for f in tglint.lint_bytes(eml, "draft.eml", settings=Settings())[0].findings}
    from_page = set(findings(server.post_json("/api/check", FIELDS).json()))
    assert from_eml == from_page


def test_check_draft_places_a_missing_subject_in_the_subject_field() -> None:
    checker = tglint.get_checker(Settings())
    answer = check_draft(checker, Draft(to="support@telegram.org", body="My app crashes on start."))
    missing = findings(answer)["TG100"]
    assert (missing["field"], missing["start"], missing["end"]) == ("subject", 0, 0)
