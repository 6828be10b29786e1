"""Detail rules: what the guide's 具体问题类型的详细信息要求 asks of each kind of mail.

Severity follows what the guide insists on: missing time information
("不要遗漏关键的时间信息"), a hopelessly vague body ("避免提供模糊的问题描述") and an
abuse report that does not say who ("违规用户的用户名或手机号") are warnings; the rest
of each checklist (steps, attempts, error text, login place, evidence...) is a hint.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tglint.lexicon import Lexicon
from tglint.models import Hit, Severity
from tglint.patterns import compiled, copy_of, lexicon_of, pack_pattern
from tglint.recognizers import first
from tglint.recognizers.accounts import (
    HANDLES,
    LABELLED_PHONES,
    LABELLED_USERNAMES,
    LINKS,
    PHONE_NUMBERS,
    QUOTED_NAMES,
    SUBJECT_HANDLES,
    UNMARKED_HANDLES,
)
from tglint.recognizers.devices import device_facts
from tglint.recognizers.malfunctions import reports_malfunction
from tglint.recognizers.times import has_time
from tglint.requirements import applies, missing_info, requirement
from tglint.rule import Rule, RuleDoc

if TYPE_CHECKING:
    from tglint.analysis import Analysis

# Compiled on first use (`compiled`).
_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_LATIN_WORD = r"[A-Za-z]+(?:'[A-Za-z]+)?"
_DIGIT = r"\d"
# Characters per unit of `max_units` beyond which a body is plainly not "a line or two".
_LONG_BODY = 10


def content_units(analysis: Analysis, limit: float) -> float:
    """How much the writer says, greetings and thanks left out: a Chinese character is 1, a Latin word 2.
    A body far longer than `limit` is not counted word by word."""
    text = analysis.body_text
    # str.split() and str.isspace() agree on what whitespace is: this counts the other characters.
    if len("".join(text.split())) > _LONG_BODY * limit:
        return float("inf")
    rest = _blank_filler(text, lexicon_of(analysis, "details", "filler"))
    return len(compiled(_CJK).findall(rest)) + 2 * len(compiled(_LATIN_WORD).findall(rest))


def _blank_filler(text: str, filler: Lexicon) -> str:
    """The text with the filler words replaced by spaces, so the words around them stay apart."""
    pieces: list[str] = []
    last = 0
    for match in filler.finditer(text):
        pieces += (text[last : match.start], " " * (match.end - match.start))
        last = match.end
    pieces.append(text[last:])
    return "".join(pieces)


def has_specifics(analysis: Analysis) -> bool:
    """Numbers, names, links, quoted messages, device names: anything support can start from."""
    body = analysis.body_text
    if compiled(_DIGIT).search(body):
        return True
    if first(analysis, HANDLES) is not None or first(analysis, LINKS) is not None:
        return True
    specifics = pack_pattern(analysis.packs, "details", "specifics")
    if specifics is not None and specifics.searches(body, copy_of(analysis, body)):
        return True
    facts = device_facts(analysis)
    return facts.os_version or facts.model or facts.app_version or facts.os_name is not None


def names_offender(analysis: Analysis) -> bool:
    """An @username, phone number, t.me link, account ID or quoted name of someone other than the writer."""
    for recognizer in (PHONE_NUMBERS, HANDLES, LINKS):
        if any(not span.facts["writers_own"] for span in recognizer.recognize(analysis)):
            return True
    if first(analysis, SUBJECT_HANDLES) is not None:
        return True
    for recognizer in (UNMARKED_HANDLES, LABELLED_PHONES, LABELLED_USERNAMES):
        if any(not span.facts["writers_own"] for span in recognizer.recognize(analysis)):
            return True
    return first(analysis, QUOTED_NAMES) is not None


def checklist(analysis: Analysis) -> dict[str, Any]:
    name = requirement(analysis, "details")
    if name == "none" or (name == "support" and not reports_malfunction(analysis)):
        return {}
    table = analysis.pack("details").get("checklist", {}).get(name, {})
    return table if isinstance(table, dict) else {}


class MissingTimeInfo(Rule):
    code = "TG711"
    name = "missing-time-info"
    category = "details"
    severity = Severity.WARNING
    summary = "A problem report or security/abuse mail does not say when it happened."
    doc = RuleDoc(
        what=(
            "Flags a malfunction report, security mail or abuse report with no time information at all: no "
            'date, time, weekday or relative time ("yesterday", "3天前", "since Monday", "从上周开始").'
        ),
        why=(
            "Support matches a report against logs by time; the guide's 避免常见错误 says 不要遗漏关键的时间"
            "信息, and each checklist asks when it happened (问题发生的具体时间, 发现异常的具体时间, "
            "违规行为发生的时间)."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
            "Hello,\n\nPhotos fail to send in every chat; text messages are fine. "
            "Galaxy S24, Android 14, Telegram 10.5.2.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
            "Hello,\n\nSince March 3 photos fail to send in every chat; text messages are fine. "
            "Galaxy S24, Android 14, Telegram 10.5.2.\n"
        ),
        more_bad=(
            "To: abuse@telegram.org\nSubject: [滥用举报] - 诈骗账号\n\n您好，\n\n"
            "账号 @crypto_bonus_vip 私信我要求转账投资，是诈骗。\n",
        ),
        more_good=(
            "To: abuse@telegram.org\nSubject: [滥用举报] - 诈骗账号\n\n您好，\n\n"
            "3月20日晚上，账号 @crypto_bonus_vip 私信我要求转账投资，是诈骗。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not analysis.body_text.strip() or not applies(analysis, "time") or has_time(analysis):
            return
        yield missing_info(
            analysis,
            en='No time given: say when it happened, e.g. "on March 3 at about 10:30" or "since yesterday".',
            zh="缺少时间信息：请写明发生的时间，如“3月3日上午10点左右”或“从昨天开始”。",
        )


class VagueDescription(Rule):
    code = "TG712"
    name = "vague-description"
    category = "details"
    severity = Severity.WARNING
    summary = "The body is too short and unspecific to act on."
    doc = RuleDoc(
        what=(
            "Flags a support, security or abuse draft whose body says almost nothing (a line or two) and "
            "nothing specific: no number, name, link, quoted message, device or version."
        ),
        why=(
            '"It doesn\'t work, please fix" leaves support to ask for everything and answer a day later; '
            "the guide's 避免常见错误 says 避免提供模糊的问题描述."
        ),
        bad="To: support@telegram.org\nSubject: Problem\n\nTelegram doesn't work, please fix it.\n",
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Messages stuck on sending\n\n"
            "Since 10:00 today every message I send stays on the clock icon. Galaxy S24, Android 14, "
            "Telegram 10.5.2, on Wi-Fi; restarting did not help.\n"
        ),
        more_bad=("To: support@telegram.org\nSubject: 问题\n\ntelegram用不了了，怎么办，麻烦看看\n",),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 消息一直显示发送中\n\n"
            "今天上午 10 点开始，发出的消息都停在“发送中”。小米13，Android 14，Telegram 10.5.2。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not analysis.body_text.strip() or not applies(analysis, "vagueness"):
            return
        limit = analysis.pack("details", analysis.language).get("vagueness", {}).get("max_units", 40)
        if content_units(analysis, float(limit)) >= float(limit) or has_specifics(analysis):
            return
        yield missing_info(
            analysis,
            en="Too vague to act on: say what exactly happens, since when, on which device and app "
            "version, and what you already tried.",
            zh="问题描述过于模糊：请具体说明发生了什么、从什么时候开始、在什么设备和版本上，以及已经尝试过的方法。",
        )


class MissingOffender(Rule):
    code = "TG713"
    name = "missing-offender"
    category = "details"
    severity = Severity.WARNING
    summary = "An abuse report does not say who the offender is."
    doc = RuleDoc(
        what=(
            "Flags an abuse report that names no offender: no @username, phone number, t.me link, account "
            "ID, or quoted name of the user, group, channel or bot."
        ),
        why=(
            "Nothing can be done about an account nobody can find; the guide's 举报信息要求 starts with "
            "违规用户的用户名或手机号 and 相关的聊天记录或群组信息."
        ),
        bad=(
            "To: abuse@telegram.org\nSubject: [Abuse Report] - Scam group\n\n"
            "Hello,\n\nYesterday evening someone added me to a group full of gambling ads and scam offers.\n"
        ),
        good=(
            "To: abuse@telegram.org\nSubject: [Abuse Report] - Scam group\n\n"
            "Hello,\n\nYesterday evening someone added me to https://t.me/lucky_bet_vip, a group full of "
            "gambling ads and scam offers.\n"
        ),
        more_bad=(
            "To: abuse@telegram.org\nSubject: [滥用举报] - 有人冒充客服骗钱\n\n"
            "你们好，昨天好多人在群里冒充客服骗钱，说帮忙解冻账号要先交保证金，希望你们管一管。\n",
        ),
        more_good=(
            "To: abuse@telegram.org\nSubject: [滥用举报] - 有人冒充客服骗钱\n\n"
            "你们好，昨天账号 @tg_help_desk_cn 在群里冒充客服骗钱，说帮忙解冻账号要先交保证金。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if requirement(analysis, "offender") != "required" or not analysis.body_text.strip():
            return
        if names_offender(analysis):
            return
        yield missing_info(
            analysis,
            en="The report does not say who: add the offender's @username, phone number, or the t.me link "
            "of the user, group or channel.",
            zh="举报未指明违规者：请写上对方的 @用户名、手机号，或用户/群组/频道的 t.me 链接。",
        )


class MissingChecklistDetails(Rule):
    code = "TG714"
    name = "missing-checklist-details"
    category = "details"
    severity = Severity.INFO
    summary = "Details the guide's checklist asks for are not given (steps, attempts, error text, login place...)."
    doc = RuleDoc(
        what=(
            "Hints which items of the guide's checklist for the draft's kind of problem are missing: for a "
            "malfunction the steps before it, what was tried and the error message; for a security mail where "
            "the login came from, whether a notification arrived and the two-step verification status; for "
            "an abuse report the evidence, your relation to the offender and whether it was reported before."
        ),
        why=(
            "The guide's 具体问题类型的详细信息要求 lists these per type (技术故障问题, 账户安全问题, 滥用举报问题); "
            "giving them saves a round of questions."
        ),
        bad=(
            "To: security@telegram.org\nSubject: [Account Security] - Unknown login\n\n"
            "Hello,\n\nYesterday at 23:10 someone logged in to my account +86 138 0013 8000.\n"
        ),
        good=(
            "To: security@telegram.org\nSubject: [Account Security] - Unknown login\n\n"
            "Hello,\n\nYesterday at 23:10 I got a login notification: someone logged in to my account "
            "+86 138 0013 8000 from Hanoi, IP 185.220.101.34. Two-step verification was off; I turned it on.\n"
        ),
        more_bad=(
            "To: abuse@telegram.org\nSubject: [滥用举报] - 骚扰\n\n您好，\n\n"
            "从 3 月 5 日起，用户 @huang_k_1990 每天私信辱骂我。\n",
        ),
        more_good=(
            "To: abuse@telegram.org\nSubject: [滥用举报] - 骚扰\n\n您好，\n\n"
            "从 3 月 5 日起，用户 @huang_k_1990 每天私信辱骂我。"
            "他是我的前同事；聊天记录截图已保存；这是我第一次举报。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        items = checklist(analysis)
        if not items or not analysis.body_text.strip():
            return
        text = f"{analysis.subject_text}\n{analysis.body_text}"
        copy = copy_of(analysis, text)
        topic = requirement(analysis, "details")
        labels = analysis.pack("details", analysis.message_language).get("checklist", {}).get(topic, {})
        missing = []
        for key, item in items.items():
            if not isinstance(item, dict):
                continue
            found = pack_pattern(analysis.packs, "details", f"checklist.{topic}.{key}.patterns")
            if found is not None and found.searches(text, copy):
                continue
            label = labels.get(key, {}).get("label") if isinstance(labels.get(key), dict) else None
            missing.append(str(label or key))
        if not missing:
            return
        yield missing_info(
            analysis,
            en=f"The guide also asks for: {'; '.join(missing)}.",
            zh=f"指南还建议提供：{'；'.join(missing)}。",
        )


RULES: tuple[type[Rule], ...] = (MissingTimeInfo, VagueDescription, MissingOffender, MissingChecklistDetails)
