""" "见下方转发的内部纪要" points at the mail forwarded below, which is in the body: no attachment is claimed (no TG801;
issue 12, fixtures/voices19 zh/006), where "截图见下方" still claims one. Generated over the words pointing below."""

from __future__ import annotations

import pytest
from lintkit import lint

POINTERS = ["具体方案见下方转发的内部纪要", "详情见下面转发的邮件", "背景见下方引用的原邮件", "请见下方转发的合作纪要"]


def _mail(sentence: str) -> str:
    return (
        "To: press@telegram.org\nSubject: [商务合作] - Mini Apps 游戏联合推广\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\nTelegram 团队您好：\n\n"
        f"我们运营 12 个游戏资讯频道，希望与贵方探讨联合推广合作，{sentence}。\n\n周婷\n\n"
        "---------- 转发的邮件 ----------\n发件人：李航 <lihang@example.cn>\n主题：合作纪要\n\n"
        "1. 合作形式：频道置顶推广\n2. 周期：2026 年第二季度\n"
    )


@pytest.mark.parametrize("sentence", POINTERS)
def test_a_pointer_to_the_forwarded_mail_claims_no_attachment(sentence: str) -> None:
    assert not any(f.rule.startswith("TG80") for f in lint(_mail(sentence), path="draft.eml").findings)


def test_a_picture_below_is_still_claimed() -> None:
    rules = [f.rule for f in lint(_mail("截图见下方"), path="draft.eml").findings if f.rule.startswith("TG80")]
    assert rules == ["TG801"]
