"""The follow-ups recognizer's search: ticket numbers and counts of mails looked for from where the first of
them may stand, found as each regex alone finds them."""

from __future__ import annotations

import copy
import random
import re

import pytest
from lintkit import _PACKS, analysis_of

from tglint.analysis import Analysis
from tglint.recognizers import Span, follow_ups
from tglint.recognizers.follow_ups import _first_date, _without_group_names, follow_up
from tglint.recognizers.times import TIMES
from tglint.text import Segment

HEAD = "To: support@telegram.org\nSubject: {subject}\n\n"
SUBJECTS = ["[Technical Issue] - Photos fail", "Re: [Technical Issue] - Photos fail", "回复：[技术问题] - 图片发送失败"]
GAPS = [" ", " ", " ", "", "  ", "\n", ", ", ". ", "。", "，", "-", "#", ":", "：", "_", "\t"]
# Pieces of ticket numbers and counts of mails in both languages, and words that come close.
PIECES = [
    "this is",
    "my",
    "the",
    "3rd",
    "2nd",
    "fifth",
    "umpteenth",
    "email",
    "e-mail",
    "mail",
    "message",
    "time",
    "written",
    "wrote",
    "emailed",
    "contacted you",
    "sent it",
    "to you",
    "three",
    "several",
    "many",
    "times",
    "emails",
    "messages",
    "already",
    "so far",
    "and",
    "but",
    "still",
    "no",
    "第",
    "三",
    "五",
    "十",
    "次",
    "封",
    "发",
    "写",
    "联系",
    "反馈",
    "提交",
    "了",
    "好几",
    "邮件",
    "给你们",
    "ticket",
    "case",
    "request",
    "ref",
    "no.",
    "id",
    "my 3rd",
    "the fifth",
    "4th email",
    "written to you",
    "wrote 5",
    "4 times",
    "five emails",
    "and still no",
    "第三次",
    "第5封",
    "发了",
    "五次",
    "好几次",
    "工单",
    "单",
    "号",
    "编号",
    "是",
    "[#",
    "]",
    "【#",
    "】",
    "#",
    "CS-",
    "a",
    "1",
]


def _drafts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    drafts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 30)):
            roll = rng.random()
            word = rng.choice(PIECES) if roll < 0.8 else str(rng.randint(0, 12 if roll < 0.9 else 9999999))
            pieces.append(rng.choice([word, word, word.upper(), word.capitalize()]) + rng.choice(GAPS))
        drafts.append(HEAD.format(subject=rng.choice(SUBJECTS)) + "".join(pieces) + "\n")
    return drafts


def test_searching_from_the_first_possible_place_finds_what_each_regex_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = _drafts(7, 2000)
    drafts += [
        HEAD.format(subject=SUBJECTS[0]) + body
        for body in (
            "This is my 3rd email about ticket #48213, case 12345 and [#4821].\n",
            "这是我第三次发邮件了，工单号：123456，我已经发了五次。\n",
            "I have written to you 4 times. Five emails so far and still no answer.\n",
        )
    ]
    searched = [follow_up(analysis_of(draft)).spans for draft in drafts]
    whole = copy.copy(follow_ups.patterns(_PACKS))
    whole.either = None  # each regex searched from the start, as before
    monkeypatch.setattr(follow_ups, "patterns", lambda packs: whole)
    assert [follow_up(analysis_of(draft)).spans for draft in drafts] == searched
    kinds = [span.kind for spans in searched for span in spans]
    assert kinds.count(follow_ups.TICKET) > 30 and kinds.count(follow_ups.CHASING) > 25


@pytest.mark.parametrize(
    ("regex", "plain"),
    [
        (r"第\s?(?P<n>\d{1,2})\s?次", r"第\s?(?:\d{1,2})\s?次"),
        (r"(?P<n>a|b)(?P<m>c)", r"(?:a|b)(?:c)"),
        (r"[(?P<n>]x", r"[(?P<n>]x"),  # in a class: characters
        (r"[]?P<n>]", r"[]?P<n>]"),
        (r"[^]?P<n>]", r"[^]?P<n>]"),
        (r"\(?P<n>x\)", r"\(?P<n>x\)"),  # escaped: not a group
        (r"(?<![a-z])(?:x)(?=y)", r"(?<![a-z])(?:x)(?=y)"),
        (r"[\1]", r"[\1]"),  # an octal escape in a class
        (r"(?P<n>a)(?P=n)", None),  # refers back to a group
        (r"(a)\1", None),
        (r"(?P<n>a)?(?(n)b|c)", None),
        (r"a(?#(?P<n>)b", None),  # comments: a group there is text
        (r"(?x: a # (?P<n> \n b)", None),
        (r"(?ix) a", None),
        (r"\\(?P<n>x)", r"\\(?:x)"),  # an escaped backslash, then a group
        (r"\\1", r"\\1"),
    ],
)
def test_group_names_dropped_give_the_same_matches(regex: str, plain: str | None) -> None:
    assert _without_group_names(regex) == plain
    if plain is not None:
        for text in ["第 12 次", "acbc", "(x)", "?P", "]", "xy", "\x01", "第3次"]:
            found = re.search(regex, text)
            again = re.search(plain, text)
            assert (found and found.span()) == (again and again.span())


TIME_PIECES = [
    "March 3",
    "on 3 March 2025",
    "2024-03-05",
    "3月20日",
    "2025年3月",
    "23:10",
    "10:25 am",
    "晚上11点",
    "yesterday",
    "3天前",
    "last week",
    "since Monday",
    "从上周开始",
    "I wrote",
    "我发了邮件",
    "photos fail",
    "图片发不出去",
    "ticket 4821",
    "v10.2",
    "1.000",
    "5",
]
ENDS = [". ", "。", "! ", "? ", "\n", ", ", " ", "；", "\n\n"]


def _first_date_whole(analysis: Analysis, sentences: list[Segment]) -> Span | None:
    """The first date or clock time in one of `sentences`, from all the draft's times."""
    for span in analysis.spans(TIMES):
        inside = any(s.start <= span.start < s.end for s in sentences)
        if span.part == "body" and span.facts.get("form") != "relative" and inside:
            return span
    return None


def test_the_first_date_is_the_one_all_the_times_give() -> None:
    rng = random.Random(3)
    checked = found = 0
    for _ in range(400):
        subject = rng.choice(["[Technical Issue] - Photos fail", "Re: photos since March 3", "回复：3月20日以来"])
        pieces = (rng.choice(TIME_PIECES) + rng.choice(ENDS) for _ in range(rng.randint(1, 14)))
        analysis = analysis_of(HEAD.format(subject=subject) + "".join(pieces) + "\n")
        own = [s for s in analysis.text_model("body").sentences if not s.quoted]
        for _ in range(4):
            chosen = sorted(rng.sample(own, rng.randint(0, len(own))))
            date = _first_date(analysis, chosen)
            assert date == _first_date_whole(analysis, chosen), (analysis.body_text, chosen)
            checked += 1
            found += date is not None
    assert checked == 1600 and found > 300
