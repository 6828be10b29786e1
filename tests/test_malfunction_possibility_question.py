"""A question whether something is possible ("Secret Chat 是否无法迁移？", "旧手机会不会无法登录？") asks how the app
works: it reports nothing broken, so a usage question needs no device data (TG321; issue 12, fixtures/voices11
zh/009). "是不是 bug？", a fault told ("现在无法迁移") or asked about after it happened ("为什么无法登录？") still
report one. Generated over features and question forms."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

FEATURES = ["迁移 Secret Chat", "导出频道的聊天记录", "在新手机上保留本地文件", "把贴纸包转给另一个账号"]
ASKS = ["是否无法{f}？", "是不是无法{f}？", "会不会无法{f}？", "是否不能{f}？"]
FAULTS = ["现在无法{f}，一直报错。", "为什么无法{f}？从 12 月 1 日开始就这样。", "{f}是不是 bug？每次都失败。"]


def _draft(line: str) -> str:
    return (
        "收件人：support@telegram.org\n主题：[功能咨询] - 换新手机前的几个问题\n\n您好，\n\n"
        f"我下周要从 iPhone 12 换到 iPhone 16，想确认：{line}\n\n我的账号：+86 138 0013 8000，@sunli_notes\n\n谢谢\n"
    )


def _device_rule(text: str) -> bool:
    return any(f.rule == "TG321" for f in lint(text).findings)


@pytest.mark.parametrize("feature,ask", list(itertools.product(FEATURES, ASKS)))
def test_a_question_whether_it_is_possible_reports_no_fault(feature: str, ask: str) -> None:
    assert not _device_rule(_draft(ask.format(f=feature)))


@pytest.mark.parametrize("feature,fault", list(itertools.product(FEATURES, FAULTS)))
def test_a_fault_told_or_asked_about_still_needs_the_device(feature: str, fault: str) -> None:
    text = _draft(fault.format(f=feature)).replace("我下周要从 iPhone 12 换到 iPhone 16，", "")
    assert _device_rule(text), fault
