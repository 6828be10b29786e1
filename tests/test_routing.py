"""Routing rules: the right official mailbox, and nothing that only looks like one."""

from __future__ import annotations

import pytest
from lintkit import _PACKS, findings_of, lint

from tglint.checks.routing import Kind, _check, edit_distance, routing_data

HACKED = (
    "Hello,\n\nLast night someone logged into my account from an unknown device and changed my two-step "
    "verification password. I am locked out.\n"
)
CRASH = "Hello,\n\nSince the update the app crashes when I open a group chat. I reinstalled it. Pixel 8, Android 14.\n"


def draft(to: str, subject: str = "[Technical Issue] - App crashes in group chats", body: str = CRASH) -> str:
    return f"To: {to}\nSubject: {subject}\n\n{body}"


def routing_codes(text: str) -> list[str]:
    return [f.rule for f in lint(text).findings if f.category == "routing"]


def kind(address: str, display_name: str = "") -> Kind:
    return _check(address, display_name, routing_data(_PACKS)).kind


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("suport", "support", 1), ("supprot", "support", 1), ("telegraph", "telegram", 2), ("abuse", "abuse", 0)],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("support@telegram.org", Kind.OFFICIAL),
        ("SUPPORT@Telegram.ORG", Kind.OFFICIAL),
        ("suport@telegram.org", Kind.UNKNOWN_MAILBOX),
        ("help@telegram.org", Kind.UNKNOWN_MAILBOX),
        ("support@mail.telegram.org", Kind.UNKNOWN_MAILBOX),
        ("support@telegram.com", Kind.IMITATION),
        ("support@telegram.org.cn", Kind.IMITATION),
        ("support@telegram-support.org", Kind.IMITATION),
        ("support@telegrarn.org", Kind.IMITATION),
        ("support@teiegram.org", Kind.IMITATION),
        ("support@te1egram.org", Kind.IMITATION),
        ("support@tеlegram.org", Kind.IMITATION),  # Cyrillic е
        ("help@tgsupport.net", Kind.IMITATION),
        ("telegram.support@gmail.com", Kind.POSING),
        ("tg-support@outlook.com", Kind.POSING),
        ("tg2024@qq.com", Kind.POSING),
        ("telegram_kefu@163.com", Kind.POSING),
        ("zhang.wei@163.com", Kind.OTHER),
        ("editor@telegraph.co.uk", Kind.OTHER),
        ("tgfan@company.com", Kind.OTHER),
        ("someone@example.tg", Kind.OTHER),
    ],
)
def test_address_kinds(address: str, expected: Kind) -> None:
    assert kind(address) is expected


def test_display_name_claiming_telegram() -> None:
    assert kind("helpdesk@outlook.com", "Telegram Support") is Kind.POSING
    assert kind("support@telegram.org", "Telegram Support") is Kind.OFFICIAL
    assert kind("li.na@example.com", "Li Na") is Kind.OTHER


def test_misspelt_official_mailbox_gets_a_safe_fix() -> None:
    [finding] = findings_of(lint(draft("suport@telegram.org")), "TG203")
    assert finding.severity.value == "error"
    assert finding.fix is not None and finding.fix.applicability == "safe"
    [edit] = finding.fix.edits
    assert (edit.part, edit.content, edit.line, edit.column) == ("to", "support@telegram.org", 1, 5)


def test_guessed_mailbox_points_to_the_topic_mailbox_unsafely() -> None:
    [finding] = findings_of(lint(draft("help@telegram.org", "[Account Security] - Account hacked", HACKED)), "TG203")
    assert "security@telegram.org" in finding.message
    assert finding.fix is not None and finding.fix.applicability == "unsafe"


def test_lookalike_domain_with_official_local_part_is_fixed_safely() -> None:
    [finding] = findings_of(lint(draft("support@telegrarn.org")), "TG202")
    assert finding.severity.value == "error"
    assert finding.fix is not None and finding.fix.applicability == "safe"
    assert finding.fix.edits[0].content == "support@telegram.org"


def test_posing_address_is_replaced_unsafely() -> None:
    [finding] = findings_of(lint(draft("telegram.support@gmail.com")), "TG202")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"


def test_wrong_mailbox_names_the_right_one_and_why() -> None:
    [finding] = findings_of(lint(draft("support@telegram.org", "[Account Security] - Account hacked", HACKED)), "TG201")
    assert "account-security matter" in finding.message and "security@telegram.org" in finding.message
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    assert finding.fix.edits[0].content == "security@telegram.org"


def test_wrong_mailbox_needs_a_confident_topic() -> None:
    assert "TG201" not in routing_codes(draft("press@telegram.org", "[Technical Issue] - Question", "Hello.\n"))


def test_matters_of_two_mailboxes_may_go_to_either() -> None:
    body = "Hello,\n\nMy ex keeps harassing me with threatening messages from new accounts. I block each one.\n"
    assert routing_codes(draft("security@telegram.org", "[Abuse Report] - Harassment from new accounts", body)) == []
    assert routing_codes(draft("abuse@telegram.org", "[Abuse Report] - Harassment from new accounts", body)) == []


def test_no_recipient_in_a_body_only_draft_is_reported_at_line_one() -> None:
    [finding] = findings_of(lint("你好，我的 Telegram 一打开就闪退，重装也没用。\n"), "TG200")
    assert (finding.part, finding.line, finding.column) == ("to", 1, 1)


def test_several_mailboxes_one_finding_per_extra_mailbox() -> None:
    text = "To: support@telegram.org, security@telegram.org\nCc: abuse@telegram.org, support@telegram.org\n"
    text += f"Subject: [Technical Issue] - App crashes in group chats\n\n{CRASH}"
    found = findings_of(lint(text), "TG204")
    assert [(f.line, f.column) for f in found] == [(1, 27), (2, 5)]


def test_a_colleague_in_cc_is_only_info() -> None:
    text = f"To: support@telegram.org\nCc: li.na@example.com\nSubject: [Technical Issue] - App crashes\n\n{CRASH}"
    found = [f for f in lint(text).findings if f.category == "routing"]
    assert [(f.rule, f.severity.value) for f in found] == [("TG206", "info")]


def test_no_telegram_address_at_all() -> None:
    assert routing_codes(draft("li.na@example.com")) == ["TG205"]


def test_messages_in_chinese() -> None:
    [finding] = findings_of(
        lint(draft("support@telegram.org.cn", "[技术问题] - 闪退", "你好，应用一打开就闪退。\n")), "TG202"
    )
    assert "不是 Telegram 官方邮箱" in finding.message
