"""Tone rules: the guide's 避免情绪化的表达, 情绪化的表达和抱怨语气 and 使用非正式的网络用语.

What reads as hostile, shouted or exasperated is found by the tone recognizers
(`tglint.recognizers.tone`: hostile terms with their weights, runs of capitals, runs of
"!!!" or "？？？", all in the writer's own voice); these rules decide what to report: an
insult or enough weight together is a warning (TG601), less is a hint (TG602), each run of
capitals or of marks is reported with a fix (TG603, TG604).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from tglint.analysis import Analysis
from tglint.models import Edit, Fix, Hit, Severity
from tglint.patterns import compiled
from tglint.recognizers import Span
from tglint.recognizers.tone import (
    CAPITALS,
    HOSTILE_TERMS,
    INSULT_WEIGHT,
    PUNCTUATION_RUNS,
    SHOUTING,
    WORD,
    ToneKnowledge,
    knowledge,
)
from tglint.rule import Rule, RuleDoc

if TYPE_CHECKING:
    from tglint.text import TextModel

CALM_EXAMPLE_EN = "This blocks my work; I would appreciate a reply within a week."
CALM_EXAMPLE_ZH = "这个问题影响了我的正常工作，希望能在一周内得到回复。"

_CAPITALISED_AFTER = tuple(".!?！？。")
# Before a run that opens a sentence: quotation marks and spaces.
_OPENING_QUOTES = " \t\"'“‘"
_COLONS = ":："


def _part_text(analysis: Analysis, part: str) -> str:
    return analysis.subject_text if part == "subject" else analysis.body_text


# -- hostile wording --------------------------------------------------------------------


def _weight(term: Span) -> float:
    return float(term.facts["weight"])


def _is_hostile(terms: Sequence[Span], known: ToneKnowledge) -> bool:
    """Any insult, or enough threats, pressure, complaints and slang together."""
    return any(_weight(t) >= INSULT_WEIGHT for t in terms) or sum(_weight(t) for t in terms) >= known.warning_score


def _worst(terms: Sequence[Span]) -> Span:
    return max(terms, key=lambda t: (_weight(t), -_PART_RANK[t.part], -t.start))


_PART_RANK = {"subject": 0, "body": 1}


def _hostile_message(analysis: Analysis, worst: Span, shown: str, others: int) -> str:
    kind = worst.facts["kind"]
    more_en = f" (and {others} more such expression{'s' if others != 1 else ''})" if others else ""
    more_zh = f"（另有{others}处类似表达）" if others else ""
    calm_en = f'State the facts and their impact calmly instead, e.g. "{CALM_EXAMPLE_EN}"'
    calm_zh = f"请改为平和、客观地说明事实和影响，例如“{CALM_EXAMPLE_ZH}”"
    if kind == "insult":
        return analysis.say(
            en=f'"{shown}" is insulting{more_en}: it puts the reader on the defensive and tells them nothing. '
            f"{calm_en}",
            zh=f"“{shown}”属于辱骂或粗俗用语{more_zh}，只会让对方产生抵触，也没有提供任何事实。{calm_zh}",
        )
    if kind == "threat":
        return analysis.say(
            en=f'"{shown}" reads as a threat or an ultimatum{more_en}; it does not make a reply come sooner. {calm_en}',
            zh=f"“{shown}”带有威胁或施压意味{more_zh}，并不能让回复更快。{calm_zh}",
        )
    if kind == "slang":
        return analysis.say(
            en=f'"{shown}" is angry internet slang{more_en}. {calm_en}',
            zh=f"“{shown}”是带情绪的网络用语{more_zh}，请避免使用。{calm_zh}",
        )
    return analysis.say(
        en=f'The draft complains more than it informs: "{shown}"{more_en}. {calm_en}',
        zh=f"邮件中抱怨的语气过多：“{shown}”{more_zh}。{calm_zh}",
    )


class HostileWording(Rule):
    code = "TG601"
    name = "hostile-wording"
    category = "tone"
    severity = Severity.WARNING
    summary = "The draft insults, threatens or pressures the reader, or piles up complaints."
    doc = RuleDoc(
        what=(
            "Flags insults and profanity (one is enough), and threats, pressure, complaints and angry "
            "slang when together they pass the pack's `warning_score`. Words inside quotation marks, "
            'after an evidence marker ("he wrote:", "他骂我") or after a denial ("not", "不是") '
            "are not the writer's and are skipped. Lexicons and weights: rules/*/tone.toml."
        ),
        why=(
            "The guide lists 情绪化的表达和抱怨语气 among the mistakes to avoid (also 避免情绪化的表达), and asks "
            "for 礼貌但直接的表达 and 客观事实的描述方式: staff read hostility as noise, and it slows the reply."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"
            "Your garbage app has not sent a single message since Monday. Fix it today or I will sue you.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"
            'Since Monday no message I send leaves the "sending" state. This blocks my work; '
            "I would appreciate a reply within a week.\n"
        ),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 消息发不出去\n\n"
            "你们这个垃圾软件又发不出消息了，再不处理我就去工信部投诉你们！\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 消息发不出去\n\n"
            "从周一开始消息一直发不出去，影响了我的工作，希望能尽快处理，谢谢。\n",
            "To: abuse@telegram.org\nSubject: [滥用举报] - 用户持续辱骂骚扰\n\n"
            "用户 @wang_x 从3月1日起每天私信骂我“废物”“脑残”，我不是第一次举报。请尽快处理，谢谢。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        terms = analysis.spans(HOSTILE_TERMS)
        if not terms or not _is_hostile(terms, knowledge(analysis.packs)):
            return
        worst = _worst(terms)
        shown = _part_text(analysis, worst.part)[worst.start : worst.end]
        yield Hit(worst.part, worst.start, worst.end, _hostile_message(analysis, worst, shown, len(terms) - 1))


class ComplainingTone(Rule):
    code = "TG602"
    name = "complaining-tone"
    category = "tone"
    severity = Severity.INFO
    summary = "A complaint or a frustrated word, not enough to be hostile."
    doc = RuleDoc(
        what=(
            'A hint for frustrated wording ("ridiculous", "太烂了", "无语") whose weight stays below the '
            "pack's `warning_score`; past it, or with any insult, TG601 reports the draft instead."
        ),
        why=(
            "The guide asks to avoid 抱怨语气 and to keep to 客观事实的描述方式; one frustrated word is not "
            "hostile, but a calm statement of the impact says more."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Video calls drop\n\n"
            "Video calls drop after a minute, which is ridiculous for a paid Premium account.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Video calls drop\n\n"
            "Video calls drop after about a minute. This is urgent for my business; please prioritise it.\n"
        ),
        more_bad=("To: support@telegram.org\nSubject: [技术问题] - 视频通话断开\n\n视频通话一分钟就断，真的无语。\n",),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 视频通话断开\n\n视频通话约一分钟后断开，请尽快处理。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        terms = analysis.spans(HOSTILE_TERMS)
        if not terms or _is_hostile(terms, knowledge(analysis.packs)):
            return  # nothing to say, or TG601 says it
        worst = _worst(terms)
        shown = _part_text(analysis, worst.part)[worst.start : worst.end]
        yield Hit(
            worst.part,
            worst.start,
            worst.end,
            analysis.say(
                en=f'"{shown}" sounds frustrated; a plain statement of the impact reads better, '
                f'e.g. "{CALM_EXAMPLE_EN}"',
                zh=f"“{shown}”带有抱怨情绪；平实地说明影响效果更好，例如“{CALM_EXAMPLE_ZH}”",
            ),
        )


# -- shouting in capitals ----------------------------------------------------------------


def _opens_sentence(model: TextModel, text: str, start: int) -> bool:
    """Whether a run stands first in its sentence, or first after a colon, past any opening quotes."""
    sentence = model.sentence_at(start)
    first = sentence.start if sentence is not None else start
    before = _last_before(text, first, start, _OPENING_QUOTES)
    return before < first or text[before] in _COLONS


def _sentence_case(analysis: Analysis, part: str, start: int, end: int, known: ToneKnowledge) -> str:
    """The run in normal case: acronyms and "I" kept, a capital where a sentence opens."""

    def lower(token: re.Match[str]) -> str:
        word = token.group()
        if word.upper() in known.acronyms or not compiled(CAPITALS).fullmatch(word):
            return word
        if word.startswith("I'"):
            return "I" + word[1:].lower()  # I'M -> I'm
        return word if word == "I" else word.lower()

    text = _part_text(analysis, part)
    model = analysis.text_model(part)
    written = list(compiled(WORD).sub(lower, text[start:end]))
    openings = [s.start for s in model.sentences_in(start + 1, end) if _after_full_stop(text, start, s.start)]
    if _opens_sentence(model, text, start):
        openings.insert(0, start)
    for opening in openings:
        written[opening - start] = written[opening - start].upper()
    return "".join(written)


def _after_full_stop(text: str, start: int, opening: int) -> bool:
    """A sentence inside a run opens with a capital after a full stop, "!" or "?" (not after a semicolon)."""
    before = _last_before(text, start, opening, None)
    return before >= start and text[before] in _CAPITALISED_AFTER


def _last_before(text: str, floor: int, end: int, skipped: str | None) -> int:
    """Where the last character before `end` that is not one of `skipped` (None: a space) stands, floor - 1
    if none from `floor` on: read back over the few characters between, not from `floor` on."""
    index = end - 1
    while index >= floor and (text[index].isspace() if skipped is None else text[index] in skipped):
        index -= 1
    return index


class ShoutingInCapitals(Rule):
    code = "TG603"
    name = "shouting-in-capitals"
    category = "tone"
    severity = Severity.WARNING
    summary = "Three or more words in a row written in capitals."
    doc = RuleDoc(
        what=(
            "Flags runs of at least three ALL-CAPS words (two letters or more). Acronyms and technical "
            "tokens (SMS, API, 2FA, DMCA, Wi-Fi...; the pack's `acronyms`) are not shouting; headings, "
            'labels ("DEVICE INFO:"), log lines and a screen\'s text ("the app shows ...") are skipped.'
        ),
        why=("Capitals read as shouting: the guide asks to avoid 情绪化的表达 and to keep a 正式但友好的语调."),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Voice messages vanish\n\n"
            "Every voice message I record disappears. I NEED THIS FIXED NOW, my clients are waiting.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - SMS code not arriving\n\n"
            "DEVICE INFO: iPhone 15, iOS 17.2\nThe SMS OTP for my ID never arrives over Wi-Fi or 5G.\n"
        ),
        fix="Unsafe: the words are put in lower case; names written in capitals need a look afterwards.",
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 语音消息丢失\n\n"
            "我的语音消息全部丢失了。PLEASE FIX THIS NOW\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 收不到SMS验证码\n\n"
            "我的 iOS 设备收不到 SMS OTP，已尝试 Wi-Fi 和 4G。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        known = knowledge(analysis.packs)
        for run in analysis.spans(SHOUTING):
            text = _part_text(analysis, run.part)
            start, end = run.start, run.end
            replacement = _sentence_case(analysis, run.part, start, end, known)
            yield Hit(
                run.part,
                start,
                end,
                analysis.say(
                    en=f'"{text[start:end]}" is written in capitals, which reads as shouting: '
                    f'write it in normal case ("{replacement}").',
                    zh=f"“{text[start:end]}”全部使用大写字母，读起来像是在喊叫：请改用正常大小写（“{replacement}”）。",
                ),
                fix=Fix("Write the words in normal case", "unsafe", (Edit(run.part, start, end, replacement),)),
            )


# -- runs of "!!!" and "？？？" ---------------------------------------------------------------


def _one_mark(run: str) -> str:
    wide = run[0] in "！？"
    if any(c in "?？" for c in run):
        return "？" if wide else "?"
    return "！" if wide else "!"


class RepeatedPunctuation(Rule):
    code = "TG604"
    name = "repeated-punctuation"
    category = "tone"
    severity = Severity.WARNING
    summary = "Three or more exclamation or question marks in a row."
    doc = RuleDoc(
        what=(
            'Flags runs of three or more of ! ? ！ ？ ("!!!", "？？？", "?!?!"); "!!" alone passes. '
            '"???" that stands for characters the app could not display ("名字显示成？？？", "Name: ???") '
            "and marks inside quotation marks are skipped."
        ),
        why=("Piled-up marks read as anger; the guide asks to avoid 情绪化的表达 and for 礼貌但直接的表达."),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Cannot log in\n\n"
            "Why does the login code never arrive???\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Contact names unreadable\n\n"
            "Since the update my contacts' names are displayed as ??? in the chat list. Thanks!!\n"
        ),
        fix="Safe: the run is replaced by a single mark.",
        more_bad=("To: support@telegram.org\nSubject: [技术问题] - 无法登录\n\n为什么一直收不到验证码？？？\n",),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 联系人名字乱码\n\n"
            "更新后联系人名字显示成？？？，请问如何解决？\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for run in analysis.spans(PUNCTUATION_RUNS):
            marks = _part_text(analysis, run.part)[run.start : run.end]
            mark = _one_mark(marks)
            yield Hit(
                run.part,
                run.start,
                run.end,
                analysis.say(
                    en=f'"{marks}" reads as anger: end the sentence with one "{mark}".',
                    zh=f"连用的标点“{marks}”显得情绪激动：句末用一个“{mark}”即可。",
                ),
                fix=Fix("Keep a single mark", "safe", (Edit(run.part, run.start, run.end, mark),)),
            )


RULES: tuple[type[Rule], ...] = (HostileWording, ComplainingTone, ShoutingInCapitals, RepeatedPunctuation)
