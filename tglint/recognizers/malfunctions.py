"""Malfunctions: where a draft says something is broken ("crashes", "闪退", "can't send", "发不出去"),
as opposed to asking how something works.

The words and patterns are the `device` packs' (`malfunction`, `malfunction_patterns`,
`malfunction_tags`; a word inside one of `malfunction_idioms` or `malfunction_idiom_patterns`,
"failing that", "can't see a setting for", is none); a subject tag such as "[Technical Issue]"
declares one too. They are looked for in the subject and the whole body (a forwarded report is the
report). A malfunction word the text model reads as denied ("no errors", "nothing has crashed",
"没有闪退") is no malfunction; which words deny, and how far, is the text model's
(`rules/*/text.toml`), shared with every rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tglint.patterns import copy_of, lexicon_of, pack_pattern
from tglint.recognizers import Span
from tglint.topic import tag_key

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.lexicon import Lexicon
    from tglint.text import TextModel

MALFUNCTION = "malfunction"
DEVELOPMENT = "development"
PARTS = ("subject", "body")


def _part_text(analysis: Analysis, part: str) -> str:
    # Curly apostrophes as straight ones ("doesn’t load"): one character for one, offsets hold.
    text = analysis.subject_text if part == "subject" else analysis.body.text
    return text.replace("\u2019", "'")


def malfunction_tags(analysis: Analysis) -> frozenset[str]:
    packs = analysis.packs
    return packs.derived(
        ("malfunctions", "tags"),
        lambda: frozenset(tag_key(str(t)) for t in packs.get("device").get("malfunction_tags", [])),
    )


@dataclass(slots=True)
class Malfunctions:
    """Every statement of a malfunction: a subject tag, a pattern, a word not denied. In that order, so
    that a rule asking only whether there is one reads the cheapest first."""

    name: str = "malfunctions"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        tag = analysis.subject_tag
        if tag is not None and tag_key(tag.text) in malfunction_tags(analysis):
            yield Span(MALFUNCTION, "subject", tag.start, tag.end, 1.0, (f"tag:{tag.text}",))
        patterns = pack_pattern(analysis.packs, "device", "malfunction_patterns")
        words = lexicon_of(analysis, "device", "malfunction")
        for part in PARTS:
            text = _part_text(analysis, part)
            if patterns is not None:
                for match in patterns.finditer(text, copy_of(analysis, text)):
                    yield Span(
                        MALFUNCTION, part, match.start(), match.end(), 0.9, ("pattern:device.malfunction_patterns",)
                    )
            model = analysis.text_model(part)
            asking = lexicon_of(analysis, "device", "possibility_questions")
            idioms: list[tuple[int, int]] | None = None  # looked for once a word turns up
            for term in words.finditer(text):
                if model.negated(term.start) or _asks_whether(model, asking, text, term.start, term.end):
                    continue
                if idioms is None:
                    idioms = [(i.start, i.end) for i in lexicon_of(analysis, "device", "malfunction_idioms").find(text)]
                    shaped = pack_pattern(analysis.packs, "device", "malfunction_idiom_patterns")
                    if shaped is not None:
                        idioms += [m.span() for m in shaped.finditer(text, copy_of(analysis, text))]
                if any(start <= term.start and term.end <= end for start, end in idioms):
                    continue  # "Failing that, ...": otherwise
                yield Span(MALFUNCTION, part, term.start, term.end, 0.8, (f"word:{term.term}",))


MALFUNCTIONS = Malfunctions()


def _asks_whether(model: TextModel, asking: Lexicon, text: str, start: int, end: int) -> bool:
    """ "Secret Chat 是否无法迁移？": the word ends a question whether something is possible (the device packs'
    `possibility_questions`, "是否无法"), which asks how the app works and reports nothing broken; "是不是 bug？"
    asks whether something is broken, and is not one of them."""
    if not model.is_question(start):
        return False
    window = max(model.clause_start(start), start - _QUESTION_REACH)
    return any(found.end == end - window for found in asking.finditer(text[window:end]))


# How far before a malfunction word a possibility question may begin, in characters.
_QUESTION_REACH = 8


def reports_malfunction(analysis: Analysis) -> bool:
    """Whether the draft reports something broken (not merely asks how something works); the search stops at
    the first statement found, once per draft."""
    return analysis.memo(reports_malfunction, lambda: next(iter(MALFUNCTIONS.recognize(analysis)), None) is not None)


def about_payment(analysis: Analysis) -> bool:
    """Whether the draft's problem is a payment (a double charge, Stars not credited, a refund): the body names
    one (`payment_words` of the device packs) and every fault the body tells stands in a sentence that names it
    ("支付后界面卡住，我又点了一次，结果被扣了两次费用"). A fault of the app told apart ("the app crashes on start")
    is not the payment's."""

    def decide() -> bool:
        payment = lexicon_of(analysis, "device", "payment_words")
        text = analysis.body_text
        if payment.search(text) is None:
            return False
        model = analysis.text_model("body")
        faults = [span for span in analysis.spans(MALFUNCTIONS) if span.part == "body"]
        for fault in faults:
            sentence = model.sentence_at(fault.start)
            if sentence is None or payment.search(text[sentence.start : sentence.end]) is None:
                return False
        return True

    return analysis.memo(about_payment, decide)


@dataclass(slots=True)
class Development:
    """Where the writer's words or the subject say the draft is about building on Telegram's API (a bot
    token, a webhook, MTProto, TDLib, api_id): the `development` lists of the `device` packs."""

    name: str = "malfunctions.development"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        words = lexicon_of(analysis, "device", "development")
        for part, text in (("subject", analysis.subject_text), ("body", analysis.body_text)):
            for term in words.finditer(text):
                yield Span(DEVELOPMENT, part, term.start, term.end, 0.9, (f"word:{term.term}",))


DEVELOPMENT_WORDS = Development()


def about_development(analysis: Analysis) -> bool:
    """Whether the draft is about developing on Telegram's API: its errors are the API's, not a device's.
    It takes two different words: one alone ("bot token" pasted into a crash report) is a detail of a mail
    about something else; a mail about a bot or an API client names its tools and its calls."""

    def decide() -> bool:
        seen: set[str] = set()
        for span in DEVELOPMENT_WORDS.recognize(analysis):
            seen.add(span.evidence[0].casefold())
            if len(seen) >= 2:
                return True
        return False

    return analysis.memo(about_development, decide)
