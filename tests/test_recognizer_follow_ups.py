"""The follow-ups recognizer's search: ticket numbers and counts of mails looked for from where the first of
them may stand, found as each regex alone finds them."""

from __future__ import annotations

import copy
import random
import re

import pytest
from lintkit import _PACKS, analysis_of, lint

from tglint.analysis import Analysis
from tglint.recognizers import Span, follow_ups
from tglint.recognizers.follow_ups import _first_date, _without_group_names, follow_up
from tglint.recognizers.times import TIMES
from tglint.text import Segment, TextModel

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


# Words that tell a follow-up, words of the wait and of pressing, and dates, in both languages.
LAZY_PIECES = [
    *TIME_PIECES,
    "following up",
    "still no reply",
    "about my email",
    "I sent you an email",
    "I wrote",
    "waiting",
    "three days",
    "2 weeks ago",
    "reply immediately",
    "why don't you answer",
    "not reply immediately",
    "ticket #48213",
    "this is my 4th email",
    "之前的邮件",
    "一直没有回复",
    "发了邮件",
    "等了三天",
    "赶紧回复",
    "第三次发邮件",
    "工单号：123456",
    "photos fail",
    "图片发不出去",
]


def _all_at_once(analysis: Analysis) -> list[Span]:
    """Every span of the follow-ups recognizer found at once, in its order, by a plain reference of its search."""
    found = follow_ups.patterns(analysis.packs)
    spans = []
    match = found.reply_subject.search(analysis.subject_text) if found.reply_subject else None
    if match:
        spans.append(
            Span(follow_ups.REPLY_SUBJECT, "subject", *match.span(), 0.9, ("pattern:follow_up.reply_subject",))
        )
    for part in ("subject", "body"):
        model = analysis.text_model(part)
        text = model.writer_text.replace("\u2019", "'")
        for ticket in found.tickets.finditer(text) if found.tickets else ():
            spans.append(Span(follow_ups.TICKET, part, *ticket.span(), 0.9, ("pattern:follow_up.tickets",)))
        waits = []
        for word in analysis.lexicon("follow_up", "phrases").finditer(text):
            waits.append(word.start)
            spans.append(Span(follow_ups.PHRASE, part, word.start, word.end, 0.9, (f"word:{word.term}",)))
        mail_words = analysis.lexicon("follow_up", "mail_words")
        for word in analysis.lexicon("follow_up", "no_reply").finditer(text):
            sentence = model.sentence_at(word.start)
            about_mail = sentence is not None and mail_words.search(text[sentence.start : sentence.end]) is not None
            if match or about_mail:
                waits.append(word.start)
                spans.append(Span(follow_ups.PHRASE, part, word.start, word.end, 0.8, (f"word:{word.term}",)))
        waits += [word.start for word in analysis.lexicon("follow_up", "sent_words").finditer(text)]
        for word in analysis.lexicon("follow_up", "pressing").finditer(text):
            if not model.negated(word.start):
                spans.append(Span(follow_ups.PRESSING, part, word.start, word.end, 0.9, (f"word:{word.term}",)))
        for chasing in found.chasing:
            for chase in chasing.finditer(text):
                count = found.number(chase.group("n") if "n" in chase.re.groupindex else None)
                if count is not None and count >= 2:
                    facts = {"count": count, "chasing": count >= found.chasing_count}
                    chased = Span(follow_ups.CHASING, part, *chase.span(), 0.9, ("pattern:follow_up.chasing",), facts)
                    spans.append(chased)
        sentences = follow_ups._sentences_at(model, waits)
        spans += follow_ups._elapsed(found, part, text, sentences)
        date = _first_date_whole(analysis, sentences) if part == "body" else None
        if date is not None:
            spans.append(Span(follow_ups.EARLIER_DATE, "body", date.start, date.end, 0.7, ("time:date",)))
    quoted = [
        r for r in analysis.body.regions if r.kind.name == "QUOTED" and analysis.body.text[r.start : r.end].strip()
    ]
    spans += [Span(follow_ups.QUOTED_MAIL, "body", r.start, r.end, 0.8, ("region:quoted",)) for r in quoted[:1]]
    return spans


def test_what_is_found_when_asked_is_what_a_search_of_everything_at_once_finds() -> None:
    rng = random.Random(11)
    subjects = [*SUBJECTS, "Photos fail", "Re: photos"]
    follow_ups_seen = others = 0
    for _ in range(500):
        pieces = (rng.choice(LAZY_PIECES) + rng.choice(ENDS) for _ in range(rng.randint(1, 12)))
        quote = rng.choice(["", "\n> On Monday support wrote:\n> We are looking into it.\n"])
        analysis = analysis_of(HEAD.format(subject=rng.choice(subjects)) + "".join(pieces) + quote)
        found = follow_up(analysis)
        # The kinds that decide come first, before the rest is found; then everything, in the same order.
        deciding = {kind: found.of(kind) for kind in sorted(follow_ups._DECIDING)}
        expected = _all_at_once(analysis)
        assert list(found.spans) == expected, analysis.body_text
        for kind in {*deciding, *(span.kind for span in expected)}:
            assert found.of(kind) == [span for span in expected if span.kind == kind]
            assert deciding.get(kind, found.of(kind)) == found.of(kind)
        follow_ups_seen += found.is_follow_up
        others += not found.is_follow_up and len(expected) > len(found.of(follow_ups.QUOTED_MAIL))
    assert follow_ups_seen > 150 and others > 50


def test_a_draft_that_is_no_follow_up_has_no_wait_or_first_mail_looked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    original = follow_ups._sentences_at

    def spy(model: TextModel, offsets: list[int]) -> list[Segment]:
        asked.append(model.text)
        return original(model, offsets)

    monkeypatch.setattr(follow_ups, "_sentences_at", spy)
    first = (
        HEAD.format(subject="[Technical Issue] - Photos fail")
        + "My friend emailed me photos on March 3; they fail to open.\n"
    )
    assert lint(first).findings is not None and asked == []
    again = HEAD.format(subject="Re: [Technical Issue] - Photos fail") + "I wrote to you on March 3, 2025.\n"
    assert [f.rule for f in lint(again).findings if f.rule == "TG1101"] == []  # the date refers to the first mail
    assert len(asked) == 2  # the subject and the body
