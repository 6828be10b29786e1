"""A data-access request names the app's features in its background ("I have already used 'Export Telegram data'
in Telegram Desktop …; this request concerns data not included in that export (IP and contact-sync logs)"): one
legal matter, not a technical problem besides (issue 12: "Not mixed: … a data-access request"; fixtures/voices8
en/093). Generated over requests x backgrounds, both languages; a real fault reported after it still is mixed."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_ASKS = [
    "Under Article 15 of the GDPR, I request a copy of the personal data Telegram holds about me and its recipients.",
    "I am making a subject access request: please send me a copy of my personal data and the purposes of processing.",
]
EN_BACKGROUNDS = [
    'I have already used "Export Telegram data" in Telegram Desktop on 1 December; this request concerns data not '
    "included in that export (IP and contact-sync logs).",
    "The export tool in the desktop app gave me my chats; my request concerns the server logs and sync data "
    "it left out.",
]
ZH_ASKS = ["根据《个人信息保护法》第四十五条，我申请查阅、复制 Telegram 处理的我的个人信息及其用途。"]
ZH_BACKGROUNDS = [
    "我已在电脑版用“导出 Telegram 数据”导出过聊天记录；本次请求涉及导出中没有的数据（登录 IP、通讯录同步记录）。",
    "电脑版的导出功能只导出了聊天内容，上述请求针对的是其中没有的同步日志。",
]


def _mixed(text: str) -> bool:
    return "TG701" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("ask", "background"), list(product(EN_ASKS, EN_BACKGROUNDS)))
def test_en_an_access_request_with_its_background_is_one_matter(ask: str, background: str) -> None:
    head = "To: legal@telegram.org\nSubject: [Legal] - GDPR data access request\n\nDear Sir or Madam,\n\n"
    assert not _mixed(f"{head}{ask}\n\nAccount: +49 170 1234567, @max_m.\n\n{background}\n\nYours faithfully,\nMax\n")


@pytest.mark.parametrize(("ask", "background"), list(product(ZH_ASKS, ZH_BACKGROUNDS)))
def test_zh_an_access_request_with_its_background_is_one_matter(ask: str, background: str) -> None:
    head = "收件人：legal@telegram.org\n主题：[法律事务] - 个人信息查阅申请\n\n您好：\n\n"
    assert not _mixed(f"{head}{ask}\n\n账号：+86 139 1234 5678，@li_ming。\n\n{background}\n\n此致\n李明\n")


@pytest.mark.parametrize("ask", EN_ASKS)
def test_a_fault_reported_after_the_request_is_a_second_matter(ask: str) -> None:
    text = (
        "To: legal@telegram.org\nSubject: [Legal] - GDPR data access request\n\nDear Sir or Madam,\n\n"
        f"{ask}\n\nAlso, since the update on 2 March my desktop app crashes every time I open a chat with a "
        "video; I reinstalled it twice and nothing helps.\n\nYours faithfully,\nMax\n"
    )
    assert _mixed(text)


def test_zh_a_fault_reported_after_the_request_is_a_second_matter() -> None:
    text = (
        "收件人：legal@telegram.org\n主题：[法律事务] - 个人信息查阅申请\n\n您好：\n\n"
        f"{ZH_ASKS[0]}\n\n另外，我的电脑版从3月2日更新后，一打开带视频的聊天就闪退，重装两次都没用。\n\n此致\n李明\n"
    )
    assert _mixed(text)
