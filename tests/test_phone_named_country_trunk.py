"""A German mobile written as Germans write it ("0151 23456789") is also a Chinese mobile with a 0 before it, which
phonenumbers accepts but no Chinese writer writes: in a Chinese draft that names Germany it is Germany's, +49
(issue 12, fixtures/voices12 zh/041). A Chinese mobile written as Chinese write it ("151 2345 6789") stays
China's even where the draft names Germany (a stranger's login place), and "注册号码" is the number the account was
registered with, not a company's 注册号. Generated over German mobiles and wordings."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

GERMAN = ["0151 23456789", "0176 12345678", "0157 12345678", "01512 3456789"]
WORDS = ["我的注册号码是 {n}", "我的手机号：{n}", "绑定的号码是{n}"]


def _tg401(text: str) -> list[str]:
    return [f.message for f in lint(text).findings if f.rule == "TG401"]


def _draft(line: str) -> str:
    return (
        "收件人：security@telegram.org\n主题：[账户安全] - 账号被盗\n\n您好，\n\n"
        f"我是在德国读书的留学生。12 月 4 日 23:00 左右账号被登出，对方开启了两步验证。{line}，"
        "用户名 @lena_in_berlin。\n\n请尽快帮我找回账号。\n"
    )


@pytest.mark.parametrize("number,words", list(itertools.product(GERMAN, WORDS)))
def test_a_german_mobile_in_a_draft_naming_germany_is_germanys(number: str, words: str) -> None:
    found = _tg401(_draft(words.format(n=number)))
    assert len(found) == 1 and "+49" in found[0], (number, words, found)


def test_a_chinese_mobile_written_the_chinese_way_stays_chinas() -> None:
    found = _tg401(_draft("我的手机号：151 2345 6789"))
    assert len(found) == 1 and "+86" in found[0], found
