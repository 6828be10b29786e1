"""Structure rules: the guide's body template (四、完整邮件写作指南) and its advice on form.

Paragraphs, sentences and questions are the text model's (`analysis.text_model`); what states a
problem is what the recognizers find (topic terms, malfunctions, symptoms); greetings, requests,
list items and the measures are data (rules/*/structure.toml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tglint.lexicon import PARTS_PASS
from tglint.models import Hit
from tglint.patterns import compile_patterns
from tglint.recognizers.follow_ups import QUOTED_MAIL, follow_up
from tglint.recognizers.malfunctions import MALFUNCTIONS
from tglint.recognizers.symptoms import SYMPTOM, SYMPTOMS
from tglint.recognizers.topics import TOPIC_TERMS
from tglint.rule import Rule

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.packs import Packs
    from tglint.text import Segment, TextModel

PACK = "structure"
# What counts as a word of a paragraph: a Chinese character, or a run of Latin letters or digits.
# How many words may stand before a greeting that opens a long first line ("Dear all, hello").
_OPENING_WORDS = 3
# The mailboxes whose mail reports a problem; press and legal mail is a request.
_PROBLEM_TOPICS = frozenset({"support", "security", "abuse"})
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


def _settings(analysis: Analysis) -> dict[str, Any]:
    return dict(analysis.pack(PACK).get("settings", {}))


def _list_items(packs: Packs) -> re.Pattern[str] | None:
    return packs.derived(
        ("structure", "list_items"),
        lambda: compile_patterns(packs.get(PACK).get("list_items", []), f"{PACK}.list_items"),
    )


def words_in(text: str) -> int:
    return len(_WORD.findall(text))


def words_at_most(text: str) -> int:
    """A bound on `words_in(text)` found without reading it: in ASCII text every word but the last takes two
    characters at least (itself and what ends it, or three when another follows at once, as "it's2" is "it's",
    "2"); Chinese characters are a word each."""
    return (len(text) + 1) // 2 if text.isascii() else len(text)


def own_paragraphs(model: TextModel) -> list[Segment]:
    """The writer's own paragraphs: quoted replies and signatures left out."""
    return [p for p in model.paragraphs if not p.quoted and not p.signature]


def _first_line(model: TextModel, paragraph: Segment) -> tuple[int, int]:
    end = model.text.find("\n", paragraph.start)
    return paragraph.start, paragraph.end if end < 0 or end > paragraph.end else end


def _greeting_at(analysis: Analysis, model: TextModel, paragraph: Segment) -> bool:
    """Whether the paragraph's first line is a greeting or a salutation ("Hello,", "Telegram法务团队：")."""
    settings = _settings(analysis)
    start, end = _first_line(model, paragraph)
    line = model.text[start:end].strip()
    words = words_in(line)
    for greeting in analysis.lexicon(PACK, "greetings").finditer(line):
        # "Hello, since March 3 ..." opens with one however long the line; a short line may hold it anywhere.
        if words <= int(settings.get("greeting_words", 16)) or words_in(line[: greeting.start]) <= _OPENING_WORDS:
            return True
    ends = tuple(str(mark) for mark in settings.get("salutation_ends", []))
    return bool(ends) and words <= int(settings.get("salutation_words", 12)) and line.endswith(ends)


def content_paragraphs(analysis: Analysis, model: TextModel) -> list[Segment]:
    """The own paragraphs, without a first one that is only a greeting ("Hello," / "您好：")."""
    paragraphs = own_paragraphs(model)
    if paragraphs and _greeting_at(analysis, model, paragraphs[0]):
        _, end = _first_line(model, paragraphs[0])
        if end >= paragraphs[0].end:
            return paragraphs[1:]
    return paragraphs


class WallOfText(Rule):
    code = "TG1121"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        model = analysis.text_model("body")
        longest = int(_settings(analysis).get("long_paragraph", 150))
        items = _list_items(analysis.packs)
        for paragraph in own_paragraphs(model):
            text = model.text[paragraph.start : paragraph.end]
            # A paragraph this long has at least `longest` characters: most are not counted.
            if len(text) < longest or words_at_most(text) < longest or words_in(text) < longest:
                continue
            if items is not None and items.search(text):
                continue
            start, end = _first_line(model, paragraph)
            yield Hit("body", start, end, self.message(analysis, "split", words=words_in(text)))
            return


class OverviewNotFirst(Rule):
    code = "TG1122"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if analysis.topic not in _PROBLEM_TOPICS:
            return  # a press or legal request opens by saying who asks: no problem to state first
        found = follow_up(analysis)
        if found.is_follow_up or found.of(QUOTED_MAIL):
            return  # a reply answers what it replies to: the problem was stated in the first mail
        model = analysis.text_model("body")
        paragraphs = content_paragraphs(analysis, model)
        if len(paragraphs) < int(_settings(analysis).get("overview_paragraphs", 3)):
            return
        first = paragraphs[0]
        anywhere = False
        for problems in self._problem_offsets(analysis):
            if any(first.start <= offset < first.end for offset in problems):
                return
            anywhere = anywhere or bool(problems)
        if not anywhere:
            return  # no problem anywhere: nothing to move up
        opening = model.writer_text[first.start : first.end].replace("\u2019", "'")
        if any(analysis.lexicon(PACK, key).search(opening) for key in ("problem_words", "requests")):
            return
        start, end = _first_line(model, first)
        yield Hit("body", start, end, self.message(analysis, "overview"))

    @staticmethod
    def _problem_offsets(analysis: Analysis) -> Iterator[list[int]]:
        """Where the body names its problem, by each kind of evidence, those other rules find anyway first: the
        first paragraph mostly names it, and the rest need not be looked for."""
        yield [term.start for term in TOPIC_TERMS.terms(analysis, "body") if not term.denied()]
        yield [span.start for span in analysis.spans(SYMPTOMS) if span.part == "body" and span.kind == SYMPTOM]
        yield [span.start for span in analysis.spans(MALFUNCTIONS) if span.part == "body"]


class MissingRequest(Rule):
    code = "TG1123"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        model = analysis.text_model("body")
        own = model.writer_text
        if not own.strip():
            return
        if any(s.question for s in model.sentences if not s.quoted and not s.signature):
            return
        texts = (own.replace("\u2019", "'"), analysis.subject_text)
        if any(analysis.lexicon(PACK, "requests", together=PARTS_PASS).search(text) for text in texts):
            return
        paragraphs = own_paragraphs(model)
        last = paragraphs[-1]
        yield Hit("body", last.start, last.end, self.message(analysis, "ask"))


class MissingGreeting(Rule):
    code = "TG1124"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        model = analysis.text_model("body")
        paragraphs = own_paragraphs(model)
        if not paragraphs or _greeting_at(analysis, model, paragraphs[0]):
            return
        start, end = _first_line(model, paragraphs[0])
        yield Hit("body", start, end, self.message(analysis, "greet"))
