"""A login code inside quotation marks that also hold Telegram's own warning ("Login code: 22814. Do not give this
code to anyone, even if they say they are from Telegram!", "登录验证码：22814。请勿将此验证码告诉他人") is the
notification the writer received, copied as evidence, as a quoted mail's would be: no TG502 (issue 12,
fixtures/voices10 en/057). The same code said in the writer's own words, or quoted without the warning (what the
writer told someone), is still a code passed on. Generated over codes, quotation marks and wordings, both
languages."""

from __future__ import annotations

import itertools
import random

import pytest
from lintkit import lint

HEAD_EN = (
    "To: security@telegram.org\nSubject: [Account Security] - Unknown login from another country\n\nHello,\n\n"
    "My account +971 50 123 4567 (@omar_h). On 3 Dec 2025 at 01:12 I received this service message:\n"
)
TAIL_EN = '\nfollowed by "New login. Telegram Web, Lagos, Nigeria". I did not request it.\n\nBest regards,\nOmar\n'
HEAD_ZH = (
    "收件人：security@telegram.org\n主题：[账户安全] - 陌生设备登录\n\n您好：\n\n我的账号 +86 158 7720 4416。"
    "2025年12月3日凌晨1点12分我收到了这条服务通知：\n"
)
TAIL_ZH = "\n随后显示“新登录：Telegram Web，拉各斯”。这不是我本人操作。\n\n谢谢\n"
EN_NOTES = [
    "Login code: {code}. Do not give this code to anyone, even if they say they are from Telegram!",
    "Login code: {code}. Don't share this code with anyone.",
    "Your login code: {code}. Never share this code with anyone.",
]
ZH_NOTES = [
    "登录验证码：{code}。请勿将此验证码告诉他人，即使对方自称是 Telegram 工作人员。",
    "验证码：{code}，不要告诉任何人。",
]
EN_MARKS = [('"', '"'), ("“", "”")]
ZH_MARKS = [("“", "”"), ("「", "」"), ('"', '"')]


def _codes() -> list[str]:
    rng = random.Random(57)
    return [str(rng.randint(10000, 99999)) for _ in range(3)]


def _tg502(text: str) -> bool:
    return any(f.rule == "TG502" for f in lint(text).findings)


@pytest.mark.parametrize("note,marks,code", list(itertools.product(EN_NOTES, EN_MARKS, _codes())))
def test_a_quoted_code_notification_is_evidence_en(note: str, marks: tuple[str, str], code: str) -> None:
    assert not _tg502(HEAD_EN + "   " + marks[0] + note.format(code=code) + marks[1] + TAIL_EN)


@pytest.mark.parametrize("note,marks,code", list(itertools.product(ZH_NOTES, ZH_MARKS, _codes())))
def test_a_quoted_code_notification_is_evidence_zh(note: str, marks: tuple[str, str], code: str) -> None:
    assert not _tg502(HEAD_ZH + marks[0] + note.format(code=code) + marks[1] + TAIL_ZH)


@pytest.mark.parametrize("code", _codes())
def test_a_code_in_the_writers_own_words_is_still_passed_on(code: str) -> None:
    assert _tg502(HEAD_EN + f"   The login code was {code}, maybe that helps." + TAIL_EN)
    assert _tg502(HEAD_EN + f'   I told him "my login code is {code}" before I understood.' + TAIL_EN)
    assert _tg502(HEAD_ZH + f"验证码是{code}，给你们参考。" + TAIL_ZH)
    assert _tg502(HEAD_ZH + f"我当时回复了“验证码：{code}”。" + TAIL_ZH)
