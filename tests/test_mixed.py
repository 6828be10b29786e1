"""Mixed-issue rule: one mail per problem, but several symptoms are one problem."""

from __future__ import annotations

import pytest
from lintkit import lint

from tglint.packs import load_packs


def _mixed(text: str) -> list[str]:
    return [f.message for f in lint(text, select=("TG701",)).findings]


SUPPORT = "To: support@telegram.org\nSubject: [Technical Issue] - Problem\n\nHello,\n\n"
CRASH = "Since yesterday the app crashes on start and messages fail to send. I reinstalled it; it still crashes.\n\n"


def test_crash_plus_scam_report_is_mixed_and_names_both_parts() -> None:
    text = (
        SUPPORT
        + CRASH
        + "Also, a scammer @crypto_bonus_vip keeps sending me spam and phishing links. Please ban this scam account.\n"
    )
    [message] = _mixed(text)
    assert "a technical problem" in message and "an abuse report" in message
    assert "support@telegram.org" in message and "abuse@telegram.org" in message


def test_strong_evidence_without_markers_is_mixed() -> None:
    text = (
        SUPPORT
        + CRASH
        + 'A channel called "Movie Vault" (t.me/movie_vault_hd) posts pirated copies of our films. '
        + "This is copyright infringement and we request removal under the DMCA.\n"
    )
    assert _mixed(text)


def test_new_matter_marker_with_modest_evidence_is_mixed() -> None:
    text = (
        "To: support@telegram.org\nSubject: [技术问题] - 上传失败\n\n您好，\n\n"
        "从 5 月 18 日起上传 2GB 以上的视频总是失败。\n\n"
        "另外想顺便问一下，我们公司想成为 Telegram 的广告代理商，请问有没有合作政策？\n"
    )
    assert _mixed(text)


@pytest.mark.parametrize(
    "second",
    [
        "Also, messages often fail to send and chats no longer sync with the desktop app.\n",
        "Also, I tried clearing the cache, restarting the phone and reinstalling; nothing helped.\n",
        "Also, I logged out and in, checked my active sessions (nothing unusual) and reinstalled the app.\n",
    ],
)
def test_more_about_the_same_problem_is_not_mixed(second: str) -> None:
    assert _mixed(SUPPORT + CRASH + second) == []


def test_hijacked_account_sending_spam_is_one_problem() -> None:
    text = (
        "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n您好，\n\n"
        "我的 Telegram 账号前天晚上被盗了，对方改了二步验证，我现在登不上去。\n\n"
        "另外，好友说盗号的人在用我的账号给我的好友发借钱的诈骗消息和垃圾广告，请尽快处理。\n"
    )
    assert _mixed(text) == []


def test_harassment_by_a_scammer_is_one_problem() -> None:
    text = (
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Scammer harassing me\n\nHello,\n\n"
        "On May 16 the account @sudai_xiaoliu offered me a loan and asked for a fee; it is a scam.\n\n"
        "Since then he has been harassing me every day and sending threats.\n"
    )
    assert _mixed(text) == []


def test_pack_shapes() -> None:
    packs = load_packs()
    for language in ("en", "zh"):
        table = packs.get("mixed", language)
        assert isinstance(table["own_account_abuse"], list)
        assert isinstance(table["troubleshooting"], list)
        assert isinstance(table["announcements"], list)
        assert all(isinstance(v, float | int) for v in table["new_issue_markers"].values())
        assert all(isinstance(v, float | int) for v in table["pair_strong"].values())
        assert set(table["labels"]) == {"support", "security", "abuse", "press", "legal"}
