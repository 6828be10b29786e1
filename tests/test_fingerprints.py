"""Fingerprints identify a finding across runs without giving away what it found.

A finding on a secret or on personal data is fingerprinted from its rule, its part, where
it stands (the writer's text, quoted text, a signature) and the words of its line with every
sensitive stretch and every digit taken out: the value never enters the hash, so it cannot be
brute-forced back from a report. Any other finding hashes its own text, with the sensitive
stretches in it blanked.
"""

from __future__ import annotations

import hashlib

import pytest
from lintkit import lint

from tglint.models import Finding

EN = "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\n"
ZH = "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"


def only(text: str, rule: str) -> Finding:
    [finding] = [f for f in lint(text).findings if f.rule == rule]
    return finding


@pytest.mark.parametrize(
    ("template", "values", "rule"),
    [
        (EN + "Someone asked me and I gave them the login code {} by mistake.\n", ["12345", "54321", "00000"], "TG502"),
        (ZH + "验证码是 {}，输入后提示无效。\n", ["58213", "31852", "99999"], "TG502"),
        (EN + "My password is {} and it no longer works.\n", ["Hunter2024!", "Tr0ub4dor&3", "Qx7#maple"], "TG501"),
        (EN + "api_id: 1234567\napi_hash: {}\n", ["0123456789abcdef0123456789abcdef", "f" * 32], "TG504"),
        (EN + "Charged to my card {}.\n", ["4111 1111 1111 1111", "4012 8888 8888 1881"], "TG552"),
        (ZH + "我的身份证号是 {}，请核实。\n", ["110108199003071238", "11010519491231002X"], "TG551"),
    ],
)
def test_a_sensitive_value_does_not_enter_its_fingerprint(template: str, values: list[str], rule: str) -> None:
    fingerprints = {only(template.format(value), rule).fingerprint for value in values}
    assert len(fingerprints) == 1


def test_the_api_id_beside_an_api_hash_does_not_enter_it_either() -> None:
    text = EN + "api_id: {}\napi_hash: 0123456789abcdef0123456789abcdef\n"
    assert only(text.format("1234567"), "TG504").fingerprint == only(text.format("7654321"), "TG504").fingerprint


def test_no_login_code_is_recovered_by_brute_force() -> None:
    """The attack the old fingerprints allowed: hash every 5-digit code as a finding's text was hashed."""
    fingerprint = only(EN + "login code 58213\n", "TG502").fingerprint
    for code in range(100_000):
        text_hash = hashlib.sha256(f"TG502\0body\0{code:05d}".encode()).hexdigest()[:16]
        candidate = hashlib.sha256(f"{text_hash}:0".encode()).hexdigest()[:16]
        assert candidate != fingerprint, f"code {code:05d} recovered from the fingerprint"


def test_another_finding_over_a_secret_does_not_hash_it() -> None:
    """The subject rule's finding spans the whole subject, secret included."""
    text = "To: security@telegram.org\nSubject: my password is {} and I am locked out\n\nHello.\n"
    fingerprints = {only(text.format(value), "TG101").fingerprint for value in ("Hunter2024!", "Tr0ub4dor&3")}
    assert len(fingerprints) == 1


def test_a_fingerprint_stays_when_lines_move_and_tells_contexts_apart() -> None:
    moved = EN + "Hello.\n\nI was at home.\n\nlogin code 58213\n"
    assert only(EN + "login code 58213\n", "TG502").fingerprint == only(moved, "TG502").fingerprint
    elsewhere = EN + "the code I got was 58213\n"
    assert only(EN + "login code 58213\n", "TG502").fingerprint != only(elsewhere, "TG502").fingerprint
    # In the subject rather than the body.
    subject = "To: security@telegram.org\nSubject: [Account Security] - login code 58213\n\nHello.\n"
    assert only(subject, "TG502").fingerprint != only(EN + "login code 58213\n", "TG502").fingerprint


def test_two_secrets_in_the_same_words_get_different_fingerprints() -> None:
    findings = [f for f in lint(EN + "PIN: 1234\nPIN: 5678\n").findings if f.rule == "TG501"]
    assert len(findings) == 2 and findings[0].fingerprint != findings[1].fingerprint


def test_other_findings_keep_hashing_their_text() -> None:
    text = "To: security@telegram.org\nSubject: {}\n\nHello.\n"
    first = only(text.format("App crashes when I open a chat"), "TG101").fingerprint
    second = only(text.format("App crashes when I open a group"), "TG101").fingerprint
    assert first != second
