"""Detail rules: what the guide's 具体问题类型的详细信息要求 asks of each kind of mail.

Severity follows what the guide insists on: missing time information
("不要遗漏关键的时间信息"), a hopelessly vague body ("避免提供模糊的问题描述") and an
abuse report that does not say who ("违规用户的用户名或手机号") are warnings; the rest
of each checklist (steps, attempts, error text, login place, evidence...) is a hint.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tglint.draft import RegionKind
from tglint.lexicon import Lexicon
from tglint.models import Hit
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
    PackIdentifiers,
    PhoneAccounts,
)
from tglint.recognizers.devices import device_facts
from tglint.recognizers.malfunctions import reports_malfunction
from tglint.recognizers.times import has_time
from tglint.recognizers.tone import HOSTILE_TERMS
from tglint.recognizers.topics import TOPIC_TERMS
from tglint.requirements import applies, body_anchor, mentions, missing_info, requirement
from tglint.rule import Rule

if TYPE_CHECKING:
    from tglint.analysis import Analysis

# Compiled on first use (`compiled`).
_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_LATIN_WORD = r"[A-Za-z]+(?:'[A-Za-z]+)?"
_DIGIT = r"\d"
# Characters per unit of `max_units` beyond which a body is plainly not "a line or two".
_LONG_BODY = 10


def content_units(analysis: Analysis, limit: float) -> float:
    """How much the mail says, greetings and thanks left out: a Chinese character is 1, a Latin word 2.
    A forwarded report or a quoted message is counted with the writer's words: it is sent with them and is
    what support reads ("see the message below"). A body far longer than `limit` is not counted word by word."""
    text = analysis.body.text
    # str.split() and str.isspace() agree on what whitespace is: this counts the other characters.
    if len("".join(text.split())) > _LONG_BODY * limit:
        return float("inf")
    filler = lexicon_of(analysis, "details", "filler")
    return _units(_blank_filler(text, filler)) - _venting_units(analysis, filler)


def _units(text: str) -> int:
    return len(compiled(_CJK).findall(text)) + 2 * len(compiled(_LATIN_WORD).findall(text))


def _venting_units(analysis: Analysis, filler: Lexicon) -> int:
    """The units of the writer's clauses that only vent: an insult, a threat or a complaint ("什么垃圾软件？？？",
    "fix it NOW") and not one word of any mailbox's matter. They make an angry mail long without telling
    support anything, so they do not count towards what it says."""
    hostile = [span.start for span in analysis.spans(HOSTILE_TERMS) if span.part == "body"]
    if not hostile:
        return 0
    model = analysis.text_model("body")
    said = [(term.start, term.end) for term in TOPIC_TERMS.terms(analysis, "body")]
    venting = {
        clause
        for clause in (model.clause_at(offset) for offset in hostile)
        if clause is not None
        and clause.own
        and not any(clause.start <= start and end <= clause.end for start, end in said)
    }
    text = analysis.body_text
    return sum(_units(_blank_filler(text[clause.start : clause.end], filler)) for clause in venting)


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
    # "[Abuse Report] - Channel @x sending spam": the subject names what to look at.
    if first(analysis, SUBJECT_HANDLES) is not None:
        return True
    specifics = pack_pattern(analysis.packs, "details", "specifics")
    if specifics is not None and specifics.searches(body, copy_of(analysis, body)):
        return True
    facts = device_facts(analysis)
    return facts.os_version or facts.model or facts.app_version or facts.os_name is not None


def names_offender(analysis: Analysis) -> bool:
    """An @username, phone number, t.me link, account ID or quoted name of someone other than the writer."""
    if _someone_elses(analysis, PHONE_NUMBERS, HANDLES, LINKS) or first(analysis, SUBJECT_HANDLES) is not None:
        return True
    if _someone_elses(analysis, UNMARKED_HANDLES, LABELLED_PHONES, LABELLED_USERNAMES):
        return True
    return first(analysis, QUOTED_NAMES) is not None or _forwarded_source(analysis)


def _forwarded_source(analysis: Analysis) -> bool:
    """A forwarded or quoted message holding where it leads, not Telegram: a phishing mail forwarded as it came, with
    its fake login link (http://telegram-secure-verify.com/login), names the offender as surely as an @username
    would."""
    quoted = analysis.body.only(RegionKind.QUOTED)
    if not quoted:
        return False
    for found in compiled(_WEB_HOST).finditer(quoted):
        host = found.group("host").lower()
        if not (host == "telegram.org" or host.endswith(".telegram.org")):
            return True
    return False


# The host of a web address. A forwarded sender's address is not enough: a colleague who forwards a report is no
# offender; the link a phishing mail leads to is where it comes from.
_WEB_HOST = r"(?:https?://|www\.)(?P<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"


def _someone_elses(analysis: Analysis, *recognizers: PackIdentifiers | PhoneAccounts) -> bool:
    """Whether any of the recognizers finds a value that is not the writer's own."""
    return any(not span.facts["writers_own"] for recognizer in recognizers for span in recognizer.recognize(analysis))


def names_work(analysis: Analysis) -> bool:
    """Whether a copyright or trademark complaint says what was infringed and where: a quoted or titled name, a
    mark's registration or a case's number; or the kind of work copied ("15 of my illustrations", "本人拍摄的 12 张
    照片", the details pack's `work_kinds`) with where the copy is (a link, an @username). A place alone names no
    work ("the channel t.me/x is stealing our content": fixtures voices16, voices21, voices23), nor a kind alone
    the copy ("someone is reposting my photos"). A phone number is neither: the one a complaint carries is the
    sender's (a firm's signature), not the work's."""
    if first(analysis, QUOTED_NAMES) is not None:
        return True
    body = analysis.body_text
    for key in ("specifics", "work_named", "case_numbers"):
        found = pack_pattern(analysis.packs, "details", key)
        if found is not None and found.searches(body, copy_of(analysis, body)):
            return True
    places = [span for recognizer in (LINKS, HANDLES) for span in recognizer.recognize(analysis) if span.part == "body"]
    if (
        not places
        and first(analysis, SUBJECT_HANDLES) is None
        and not _someone_elses(analysis, UNMARKED_HANDLES, LABELLED_USERNAMES)
    ):
        return False
    kinds = lexicon_of(analysis, "details", "work_kinds")
    subject_words = analysis.subject_text[analysis.subject_words_start :]
    if kinds.search(subject_words) is not None:
        return True
    # A kind of work inside a link or a handle ("t.me/free_movies_hd") is the copier's name for it, and one in a
    # capitalised name ("Northlight Pictures") a firm's: neither is the writer's word for what was copied.
    return any(
        not any(place.start <= found.start < place.end for place in places) and not _in_a_name(body, found.start)
        for found in kinds.finditer(body)
    )


def _in_a_name(text: str, start: int) -> bool:
    """Whether the word at `start` is capitalised after a capitalised word on its line: part of a name
    ("Northlight Pictures")."""
    if not text[start].isupper() or start == 0 or text[start - 1] != " ":
        return False
    line = text[text.rfind("\n", 0, start) + 1 : start].split()
    return bool(line) and line[-1][:1].isupper()


def checklist(analysis: Analysis) -> dict[str, Any]:
    name = requirement(analysis, "details")
    if name == "none" or (name == "support" and not reports_malfunction(analysis)):
        return {}
    if name == "security" and _restriction_only(analysis):
        return {}  # the guide's security items are a takeover's: where the login came from, codes, two-step
    table = analysis.pack("details").get("checklist", {}).get(name, {})
    return table if isinstance(table, dict) else {}


def _restriction_only(analysis: Analysis) -> bool:
    """A ban, freeze or limit appeal that tells of no takeover (the details pack's `restriction` and `takeover`):
    nobody else logged in, so where a login came from or whether a code arrived says nothing of it."""
    text = f"{analysis.subject_text}\n{analysis.body_text}"
    restriction = lexicon_of(analysis, "details", "restriction")
    return restriction.search(text) is not None and lexicon_of(analysis, "details", "takeover").search(text) is None


class MissingTimeInfo(Rule):
    code = "TG711"

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

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not analysis.body_text.strip():
            return
        # The guide's 版权侵权投诉 / 商标和知识产权纠纷: a complaint that does not say what work or mark was
        # infringed leaves nothing to compare the copy with, however long it is and wherever the copy is.
        if applies(analysis, "work") and mentions(analysis, "ip_complaint") and not names_work(analysis):
            start, end = body_anchor(analysis)
            yield Hit("body", start, end, self.message(analysis, "unnamed_work"))
            return
        if not applies(analysis, "vagueness"):
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
