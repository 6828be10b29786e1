"""Subject rules: the guide's "[tag] - specific description" subject line (邮件主题行规范).

A subject is read as: reply prefixes ("Re:", "转发："), a leading tag in brackets,
a separator, and the description. Each rule looks at one of those pieces, so a
subject gets one precise complaint per problem, and the fixes rewrite it into the
guide's form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tglint.lexicon import TermSet
from tglint.models import Edit, Fix, Hit
from tglint.packs import Packs, strings
from tglint.patterns import compiled
from tglint.rule import Rule
from tglint.topic import (
    SubjectTag,
    is_known_tag,
    leading_tag,
    names_shared_matter,
    read_tag,
    reply_prefix_end,
    topic_name,
)

if TYPE_CHECKING:
    from tglint.analysis import Analysis

# The regexes are compiled on first use (`compiled`): two of them take milliseconds.
# Whatever people put between the tag and the description: spaces, dashes, colons, bars...
_SEPARATOR = r"[\s:：|｜/／,，、.。·丨~\-–—－―]*"
_DASHES = frozenset("-–—－―")
_MORE_TAGS = r"(?:\s*(?:\[[^\[\]]*\]|【[^【】]*】|［[^［］]*］))*"
# A tag written without brackets, then a separator: "技术问题 - 消息发送失败", "Technical Issue: app crashes".
_BARE_TAG = r"(?P<tag>[^\[\]【】［］:：|｜\-–—－―]{2,30}?)\s*(?:[:：|｜]|[-–—－―]{1,2})\s*(?=\S)"
_LATER_TAG = r"\[(?P<a>[^\[\]]+)\]|【(?P<b>[^【】]+)】|［(?P<c>[^［］]+)］"
_CONTENT = r"[A-Za-z0-9\u3400-\u9fff]"
_WIDE = (
    r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)
_CANONICAL_SEPARATOR = " - "


@dataclass(frozen=True, slots=True)
class SubjectLine:
    """A subject split into the pieces the guide's form names."""

    text: str
    proper_start: int  # after "Re:" / "Fwd:" prefixes
    tag: SubjectTag | None
    tags_end: int  # after the tag and any further tags right behind it ("[技术问题][iOS]")
    description_start: int
    description_end: int

    @property
    def separator(self) -> str:
        return self.text[self.tags_end : self.description_start]

    @property
    def description(self) -> str:
        return self.text[self.description_start : self.description_end]

    @property
    def has_dash_separator(self) -> bool:
        stripped = self.separator.strip()
        return bool(stripped) and set(stripped) <= _DASHES

    def canonical(self) -> str:
        """The subject from its tag on, in the guide's form `[tag] - description`."""
        assert self.tag is not None
        more_tags = self.text[self.tag.end : self.tags_end].strip()
        return f"[{self.tag.text}]{more_tags}{_CANONICAL_SEPARATOR}{self.description}"

    def rewrite_hit(self, start: int, message: str) -> Hit:
        """A finding from `start` to the description, fixed safely by writing the guide's form."""
        assert self.tag is not None
        new = self.canonical()
        fix = _write_subject(self.tag.start, self.description_end, new)
        return Hit("subject", start, self.description_start, message, fix=fix)


def _write_subject(start: int, end: int, new: str) -> Fix:
    """The safe fix that writes the subject from `start` to `end` in the guide's form."""
    return Fix(f"Write the subject as: {new}", "safe", (Edit("subject", start, end, new),))


def _skip(pattern: re.Pattern[str], text: str, position: int) -> int:
    match = pattern.match(text, position)
    return match.end() if match else position


def parse_subject(text: str) -> SubjectLine:
    proper = reply_prefix_end(text)
    tag = leading_tag(text)
    tags_end = start = proper
    if tag is not None:
        tags_end = _skip(compiled(_MORE_TAGS), text, tag.end)
        start = _skip(compiled(_SEPARATOR), text, tags_end)
    return SubjectLine(text, proper, tag, tags_end, start, max(start, len(text.rstrip())))


def _vague_words(packs: Packs) -> TermSet:
    return packs.derived(("subject", "vague words"), lambda: _build_vague_words(packs))


def _build_vague_words(packs: Packs) -> TermSet:
    return TermSet(strings(packs.get("subject").get("vague", {}), "words", source="subject"))


def is_vague(text: str, packs: Packs) -> bool:
    """Nothing is left once the words that say nothing ("求助", "urgent", "problem") are gone,
    or only a problem type is ("Legal matter", "举报"): a category, not a description."""
    pieces, last = [], 0
    for start, end, _ in _vague_words(packs).finditer(text):
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    remainder = " ".join(pieces)
    return not compiled(_CONTENT).search(remainder) or is_known_tag(remainder, packs, exact=True)


def display_width(text: str) -> int:
    """Columns the text takes: CJK and full-width characters count two."""
    return len(text) + len(compiled(_WIDE).findall(text))


def example_description(analysis: Analysis, topic: str | None) -> str:
    """A specific description for messages to show, in the draft's language (the subject's)."""
    examples = analysis.pack("subject", analysis.language).get("example", {})
    return str(examples.get(topic or analysis.topic or "support", examples.get("support", "")))


def suggested_tag(analysis: Analysis, topic: str | None = None) -> str:
    """The tag that fits `topic` (default: the draft's), in the draft's language."""
    suggest = analysis.pack("subject", analysis.language).get("suggest", {})
    fallback = "技术问题" if analysis.language == "zh" else "Technical Issue"
    return str(suggest.get(topic or analysis.topic or "support", fallback))


_HAN = r"[\u3400-\u9fff]"


def example_subject(analysis: Analysis, written_tag: str | None, topic: str | None) -> str:
    """An example subject wholly in the draft's language, whatever the report's: the written tag
    when it is in that language, else the tag of `topic`, and a description ("[Technical Issue] -
    Messages stuck...", never "[Technical Issue] - 消息发送失败")."""
    in_draft_language = written_tag and bool(compiled(_HAN).search(written_tag)) == (analysis.language == "zh")
    tag = written_tag if in_draft_language else suggested_tag(analysis, topic)
    return f"[{tag}]{_CANONICAL_SEPARATOR}{example_description(analysis, topic)}"


# Two or more ! or ? in a row: a subject line needs at most one (TG604 flags three).
_MARK_RUN = r"[!?！？]{2,}"


def calm(text: str) -> str:
    """`text` with each run of ! and ? written as one mark, of the run's width ("！！！" -> "！")."""

    def one(run: re.Match[str]) -> str:
        marks = run.group()
        question = "?" in marks or "？" in marks
        wide = marks[0] in "！？"
        return ("？" if wide else "?") if question else ("！" if wide else "!")

    return compiled(_MARK_RUN).sub(one, text)


def subject_line(analysis: Analysis) -> SubjectLine:
    """The draft's subject, split once and shared by every subject rule."""
    return analysis.memo(subject_line, lambda: parse_subject(analysis.subject_text))


class MissingSubject(Rule):
    code = "TG100"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if analysis.subject_text.strip():
            return
        tag = suggested_tag(analysis)
        # The form in the report's language when the draft is in it; else a whole example in the draft's.
        example = example_subject(analysis, None, analysis.topic)
        if analysis.language == analysis.message_language:
            message = self.message(analysis, "form", tag=tag)
        else:
            message = self.message(analysis, "example", example=example)
        yield Hit("subject", 0, len(analysis.subject_text), message)


class MissingSubjectTag(Rule):
    code = "TG101"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        line = subject_line(analysis)
        if not line.text.strip() or line.tag is not None:
            return
        proper = line.text[line.proper_start : line.description_end]
        if not proper:
            return
        yield (
            self._bare_tag(analysis, line, proper)
            or self._later_tag(analysis, line, proper)
            or self._no_tag(analysis, line, proper)
        )

    def _bare_tag(self, analysis: Analysis, line: SubjectLine, proper: str) -> Hit | None:
        match = compiled(_BARE_TAG).match(proper)
        if not match or not is_known_tag(match.group("tag"), analysis.packs, exact=True):
            return None
        tag, rest = match.group("tag").strip(), proper[match.end() :]
        new = f"[{tag}]{_CANONICAL_SEPARATOR}{calm(rest)}"
        return Hit(
            "subject",
            line.proper_start,
            line.proper_start + match.end("tag"),
            self.message(analysis, "brackets", tag=tag, new=new),
            fix=_write_subject(line.proper_start, line.description_end, new),
        )

    def _later_tag(self, analysis: Analysis, line: SubjectLine, proper: str) -> Hit | None:
        match = compiled(_LATER_TAG).search(proper)
        if not match:
            return None
        tag = next(group for group in match.groups() if group is not None).strip()
        if not read_tag(tag, analysis.packs)[0]:
            return None  # "Messages lost [Android 14]": a note in brackets, not a misplaced tag
        rest = (proper[: match.start()] + proper[match.end() :]).strip(" -–—:：")
        new = f"[{tag}]{_CANONICAL_SEPARATOR}{calm(rest)}"
        return Hit(
            "subject",
            line.proper_start + match.start(),
            line.proper_start + match.end(),
            self.message(analysis, "first", new=new),
            fix=_write_subject(line.proper_start, line.description_end, new),
        )

    def _no_tag(self, analysis: Analysis, line: SubjectLine, proper: str) -> Hit:
        tag = suggested_tag(analysis)
        # The suggestion leaves out the piled-up marks TG604 flags ("账号被盗了！！！快帮我").
        new = f"[{tag}]{_CANONICAL_SEPARATOR}{calm(proper)}"
        return Hit(
            "subject",
            line.proper_start,
            line.description_end,
            self.message(analysis, "missing", new=new),
            fix=Fix(
                f"Add the tag [{tag}] (inferred from the draft's topic)",
                "unsafe",
                (Edit("subject", line.proper_start, line.proper_start, f"[{tag}]{_CANONICAL_SEPARATOR}"),),
            ),
        )


class UnknownSubjectTag(Rule):
    code = "TG102"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        line = subject_line(analysis)
        if line.tag is None or read_tag(line.tag.text, analysis.packs)[0]:
            return
        tag = suggested_tag(analysis)
        written = line.tag.text
        yield Hit(
            "subject",
            line.tag.start,
            line.tag.end,
            self.message(analysis, "unknown", written=written, tag=tag),
            fix=Fix(
                f"Replace the tag with [{tag}]", "unsafe", (Edit("subject", line.tag.start, line.tag.end, f"[{tag}]"),)
            ),
        )


class MissingSubjectSeparator(Rule):
    code = "TG103"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        line = subject_line(analysis)
        if line.tag is None or not line.description or line.has_dash_separator:
            return
        new = line.canonical()
        yield line.rewrite_hit(
            line.tags_end,
            self.message(analysis, "separate", new=new),
        )


class NonStandardSubjectFormat(Rule):
    code = "TG104"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        line = subject_line(analysis)
        if line.tag is None or not line.description or not line.has_dash_separator:
            return
        new = line.canonical()
        if line.text[line.tag.start : line.description_end] == new:
            return
        yield line.rewrite_hit(
            line.tag.start,
            self.message(analysis, "form", new=new),
        )


class SubjectWithoutDescription(Rule):
    code = "TG105"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        line = subject_line(analysis)
        if line.tag is None or compiled(_CONTENT).search(line.description):
            return
        example = example_subject(analysis, line.tag.text, read_tag(line.tag.text, analysis.packs)[1])
        yield Hit(
            "subject",
            line.tag.start,
            len(line.text.rstrip()),
            self.message(analysis, "describe", example=example),
        )


class VagueSubject(Rule):
    code = "TG106"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        line = subject_line(analysis)
        if not compiled(_CONTENT).search(line.description) and line.tag is not None:
            return  # a bare tag: subject-without-description says so
        if not line.description.strip() or not is_vague(line.description, analysis.packs):
            return
        topic = read_tag(line.tag.text, analysis.packs)[1] if line.tag else analysis.topic
        example = example_subject(analysis, line.tag.text if line.tag else None, topic)
        yield Hit(
            "subject",
            line.description_start,
            line.description_end,
            self.message(analysis, "vague", description=line.description, example=example),
        )


class OverlongSubject(Rule):
    code = "TG107"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        line = subject_line(analysis)
        proper = line.text[line.proper_start : line.description_end]
        limit = int(analysis.pack("subject", analysis.language).get("settings", {}).get("max_width", 100))
        # A character takes at most two columns: a subject this short fits without counting them.
        if 2 * len(proper) <= limit or display_width(proper) <= limit:
            return
        yield Hit(
            "subject",
            line.proper_start,
            line.description_end,
            self.message(analysis, "long", length=len(proper)),
        )


class SubjectTagContradictsBody(Rule):
    code = "TG108"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        line = subject_line(analysis)
        if line.tag is None:
            return
        tag_topic = read_tag(line.tag.text, analysis.packs)[1]
        words = analysis.topic_verdict.word_scores
        if tag_topic is None or not words:
            return
        settings = analysis.pack("subject").get("settings", {})
        body_topic, body_score = max(words.items(), key=lambda item: item[1])
        if body_topic == tag_topic:
            return
        # A tag naming a matter the guide lists under both mailboxes ([隐私请求] on a data-deletion request:
        # privacy is security's and legal's) names a sub-matter of the right one, not another mailbox's.
        if names_shared_matter(analysis.packs, tag_topic, body_topic, line.tag.text):
            return
        mailboxes = analysis.pack("mailboxes").get("mailboxes", {})
        addresses = {r.address.lower() for r in analysis.draft.recipients}
        # A tag that names the matter of the mailbox it goes to is a second deliberate choice: its vote counts,
        # unless not one word speaks for that matter (then the mailbox is as wrong as the tag).
        mailbox_agrees = mailboxes.get(tag_topic) in addresses
        # Unless the words settle the matter as the routing check reads them (a confident verdict for another
        # mailbox): then the mailbox is as wrong as the tag ([技术问题] on a spam-limit appeal sent to support@).
        verdict = analysis.topic_verdict
        if mailbox_agrees and verdict.confident and verdict.topic == body_topic:
            mailbox_agrees = False
        # The mail goes to the mailbox of what its words say ([技术问题] on a ban appeal to security@): the tag
        # alone disagrees, unless the mail names a matter both mailboxes handle.
        mailbox_backs_words = (
            not mailbox_agrees
            and mailboxes.get(body_topic) in addresses
            and not names_shared_matter(
                analysis.packs, tag_topic, body_topic, analysis.subject_text, analysis.body_text
            )
        )
        # A short mail rarely says much: when not one of its words speaks for the tag's matter and the mailbox
        # does not back the tag either, or the mailbox backs the words, less evidence for another matter will do.
        plain = (words[tag_topic] == 0 and not mailbox_agrees) or mailbox_backs_words
        if body_score < float(settings.get("plain_contradiction_score" if plain else "contradiction_score", 6.0)):
            return
        tag_vote = analysis.topic_verdict.scores[tag_topic] - words[tag_topic]
        backing = words[tag_topic] + tag_vote * (mailbox_agrees and words[tag_topic] > 0)
        if backing > float(settings.get("contradiction_share", 0.25)) * body_score:
            return  # the words bear the tag out too: a draft of two matters, not a wrong tag
        suggest = analysis.pack("subject", analysis.language).get("suggest", {})
        tag = str(suggest.get(body_topic, line.tag.text))
        yield Hit(
            "subject",
            line.tag.start,
            line.tag.end,
            self.message(
                analysis,
                "contradicts",
                tag=line.tag.text,
                topic_name=topic_name(analysis.packs, body_topic, analysis.message_language),
                suggested=tag,
            ),
            fix=Fix(
                f"Replace the tag with [{tag}]", "unsafe", (Edit("subject", line.tag.start, line.tag.end, f"[{tag}]"),)
            ),
        )
