"""A question asked after a marker that says outright it is another matter ("Unrelated, but is there a way
to…", "Also, unrelated: … Why?", "另外还有一个问题：……能不能释放给我？", "另外想问一下……为什么……？") is a second
problem however few topic words it has (issue 12: "顺便问一下", "另外还想" introducing an unrelated request;
fixtures/voices9 en/063, en/068, zh/024, zh/029). Generated over first matters x markers x questions, both
languages; a question on how to fix the first matter, and "P.S." asking after the same one, are not."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_FIRST = [
    "Since 1 Dec 2026 uploads of PDFs over 200 MB fail at 40% with FILE_PARTS_INVALID. Pixel 8, Android 14, "
    "Telegram 11.2.3; reinstalling did not help.",
    "On 4 Dec 2026 I bought 500 Stars through Google Play and was charged R$ 59,90, but my balance is still 0.",
]
EN_MARKERS = [
    "Unrelated, but",
    "Also, unrelated:",
    "Another question:",
    "One more question:",
    "One more thing:",
    "Another thing,",
    # Led to by a word or two (fixtures/voices14 zh/008: "另外还想顺便问一下").
    "Also, one more question:",
]
EN_QUESTIONS = [
    "is there a way to hide my last seen from one contact?",
    "in my group the toggle to let a new admin manage video chats is grey. Why?",
]
ZH_FIRST = [
    "12月4日 14:10 起，上传 200MB 以上的 PDF 到私聊时，进度到 40% 左右报错 FILE_PARTS_INVALID。"
    "设备 ThinkPad X1，Windows 11，Telegram Desktop 5.8.3，重装也没用。",
]
ZH_MARKERS = [
    "另外还有一个问题：",
    "另外想问一下，",
    "顺便问一下，",
    "还有个事顺便问一下：",
    "还有一件事，",
    # Led to by a word or two (fixtures/voices14 zh/008).
    "另外还想顺便问一下：",
    "另外我还想问一下，",
    "此外也想顺便问一下：",
]
ZH_QUESTIONS = [
    "我想把用户名改成 @bai_law，但提示已被占用，能不能释放给我？",
    "导出聊天记录时为什么视频不能选择原画质？",
]


def _mixed(text: str) -> bool:
    return "TG701" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("first", "marker", "question"), list(product(EN_FIRST, EN_MARKERS, EN_QUESTIONS)))
def test_en_a_question_marked_as_another_matter_is_a_second_problem(first: str, marker: str, question: str) -> None:
    head = "To: support@telegram.org\nSubject: [Technical Issue] - Problem\n\nHello,\n\n"
    assert _mixed(f"{head}{first} Account +44 7400 123456.\n\n{marker} {question}\n\nThanks,\nNathan\n")


@pytest.mark.parametrize(("first", "marker", "question"), list(product(ZH_FIRST, ZH_MARKERS, ZH_QUESTIONS)))
def test_zh_a_question_marked_as_another_matter_is_a_second_problem(first: str, marker: str, question: str) -> None:
    head = "收件人：support@telegram.org\n主题：[技术问题] - 上传报错\n\n您好，\n\n"
    assert _mixed(f"{head}{first}账号 +86 182 0177 6630。\n\n{marker}{question}\n\n谢谢！\n白律\n")


@pytest.mark.parametrize(
    "after", ["Another question: how do I get the failed uploads back?", "P.S. Could you reply soon? It is urgent."]
)
def test_a_question_about_the_first_matter_is_not_another(after: str) -> None:
    head = "To: support@telegram.org\nSubject: [Technical Issue] - Problem\n\nHello,\n\n"
    assert not _mixed(f"{head}{EN_FIRST[0]} Account +44 7400 123456.\n\n{after}\n\nThanks,\nNathan\n")
