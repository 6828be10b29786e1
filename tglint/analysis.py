"""What is worked out once per draft and shared by every rule.

Everything expensive (the text model, phone numbers, the topic) is computed on
first use and cached, so a rule that does not need it costs nothing, and no rule
parses the mail again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from tglint.config import Settings
from tglint.draft import Draft, Part, RegionKind
from tglint.language import detect_language
from tglint.lexicon import Lexicon, lexicon, shared_pass
from tglint.packs import Packs, weighted
from tglint.quoting import own_quoted_text, writer_names
from tglint.topic import SubjectTag, TopicVerdict, leading_tag, subject_words_start, topic_of_tag, topic_verdict

if TYPE_CHECKING:
    from tglint.recognizers import Recognizer, Span
    from tglint.recognizers.phones import PhoneMatch
    from tglint.text import TextModel

SUPPORTED_LANGUAGES = ("zh", "en")

T = TypeVar("T")


class Analysis:
    def __init__(self, draft: Draft, settings: Settings, packs: Packs) -> None:
        self.draft = draft
        self.settings = settings
        self.packs = packs
        self._memo: dict[Hashable, Any] = {}

    # -- language and messages -------------------------------------------------

    @cached_property
    def detected_language(self) -> str | None:
        if self.settings.language:
            return self.settings.language
        sample = f"{self.subject_text}\n{self.body_text}"
        return detect_language(sample[:4000])

    @property
    def language(self) -> str:
        """The language rules work in (their packs, their messages): the draft's when supported, else English."""
        detected = self.detected_language
        return detected if detected in SUPPORTED_LANGUAGES else "en"

    @property
    def rule_language(self) -> str:
        """The language rules are chosen for: the draft's, "zh", "en" or another ("ru", "fa", "es"...), for
        which only the rules that read any language run; "en" when there is no text to judge."""
        return self.detected_language or "en"

    @property
    def message_language(self) -> str:
        chosen = self.settings.message_language
        return self.language if chosen == "auto" else chosen

    def say(self, en: str, zh: str) -> str:
        """The message in the language the report is written in."""
        return zh if self.message_language == "zh" else en

    # -- text --------------------------------------------------------------------

    @property
    def body(self) -> Part:
        return self.draft.body

    @cached_property
    def body_text(self) -> str:
        """The writer's own words: quoted replies and signatures blanked, offsets kept."""
        return self.draft.body.writer_text()

    @cached_property
    def own_quoted_text(self) -> str:
        """The writer's own earlier mail quoted in the body, everything else blanked, offsets kept.

        Someone else's quoted words are not the writer's to answer for, but the writer's own
        earlier mail is sent again with the reply: what must never be sent is looked for there too.
        """
        body = self.draft.body
        if not any(region.kind is RegionKind.QUOTED for region in body.regions):
            return ""
        from_part = self.draft.parts.get("from")
        names = writer_names(from_part.text if from_part else "", body.text, body.regions)
        return own_quoted_text(body.text, body.regions, names)

    @cached_property
    def text_with_signature(self) -> str:
        """The body with quoted replies blanked but the writer's signature kept, offsets unchanged.

        A phone number or a home address in one's own signature is still one's own, sent to support.
        """
        body = self.draft.body
        quoted = [r for r in body.regions if r.kind is RegionKind.QUOTED]
        if len(quoted) == len(body.regions):
            return self.body_text
        chars = list(body.text)
        for region in quoted:
            for i in range(region.start, min(region.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    @property
    def subject(self) -> Part | None:
        return self.draft.subject

    @cached_property
    def subject_text(self) -> str:
        subject = self.draft.subject
        return subject.text if subject else ""

    @cached_property
    def subject_tag(self) -> SubjectTag | None:
        """The leading [tag] or 【tag】 of the subject, after any "Re:" or ticket number."""
        return leading_tag(self.subject_text)

    @cached_property
    def subject_words_start(self) -> int:
        """Where the subject's own words start: after its tag, or after its "Re:" prefixes when it has none."""
        return subject_words_start(self.subject_text)

    @cached_property
    def tag_topic(self) -> str | None:
        """The mailbox a known subject tag names, if any."""
        return topic_of_tag(self.subject_tag.text, self.packs) if self.subject_tag else None

    # -- shared analyses ---------------------------------------------------------------

    @cached_property
    def topic_verdict(self) -> TopicVerdict:
        return topic_verdict(self)

    @cached_property
    def topic(self) -> str | None:
        """The mailbox topic the draft belongs to: what its words settle (`topic_verdict`), unless it holds several
        matters and is sent to the one official mailbox that handles one of them (`recognizers.matters`)."""
        from tglint.recognizers.matters import addressed_matter  # the matters: only when a rule asks

        return addressed_matter(self) or self.topic_verdict.topic

    @cached_property
    def addressed_topics(self) -> frozenset[str]:
        """The topics of the official mailboxes the draft is sent to (To and Cc)."""
        mailboxes = self.pack("mailboxes").get("mailboxes", {})
        by_address = {str(address).lower(): topic for topic, address in mailboxes.items()}
        recipients = self.draft.recipients
        return frozenset(by_address[r.address.lower()] for r in recipients if r.address.lower() in by_address)

    @cached_property
    def mail_topics(self) -> frozenset[str]:
        """What the mail is about: what its words settle and the topics of the official mailboxes it is sent to."""
        words = self.topic_verdict.topic
        return self.addressed_topics | ({words} if words is not None else set())

    @cached_property
    def phone_regions(self) -> tuple[str, ...]:
        if self.settings.region:
            return (self.settings.region.upper(),)
        table = self.pack("phone").get("candidate_regions", {})
        regions = table.get(self.language, table.get("default", ["US"]))
        return tuple(regions)

    @cached_property
    def phone_numbers(self) -> list[PhoneMatch]:
        """Phone numbers in the writer's own words of the body."""
        from tglint.recognizers.phones import find_phone_numbers  # phonenumbers' data: only when a rule asks

        return find_phone_numbers(self.body_text, self.phone_regions)

    def text_model(self, part: str = "body") -> TextModel:
        """The text model of a part (its whole text, quoted regions marked), built once per draft."""
        # Asked for some twenty times a draft: a built model is returned without making the builder.
        built = self._memo.get(("text-model", part))
        if built is not None:
            return built  # type: ignore[no-any-return]
        from tglint.text import Cues, TextModel

        def build() -> TextModel:
            found = self.draft.parts.get(part)
            text, regions = (found.text, found.regions) if found else ("", ())
            return TextModel(text, regions, Cues.from_packs(self.packs))

        return self.memo(("text-model", part), build)

    def spans(self, recognizer: Recognizer) -> tuple[Span, ...]:
        """What a recognizer finds in this draft, found once and shared by every rule that asks."""
        return self.memo(("recognizer", recognizer.name), lambda: tuple(recognizer.recognize(self)))

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A result worked out once per draft and shared by the rules that need it.

        `key` names the computation (e.g. the function computing it); it must not depend on
        anything but this draft, its settings and the packs.
        """
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    # -- knowledge ---------------------------------------------------------------------

    def pack(self, name: str, language: str | None = None) -> dict[str, Any]:
        """A rule pack: common data merged with both languages', or with one language's."""
        return self.packs.get(name, language)

    def lexicon(self, pack: str, key: str, language: str | None = None, together: str | None = None) -> Lexicon:
        """A pack's word list; `together`: the shared pass it is searched in (`tglint.lexicon.SharedPass`)."""
        return self.packs.derived(
            ("lexicon", pack, key, language, together), lambda: self._build_lexicon(pack, key, language, together)
        )

    def _build_lexicon(self, pack: str, key: str, language: str | None, together: str | None) -> Lexicon:
        table = self.pack(pack, language)
        value = table.get(key, {})
        shared = shared_pass(self.packs, together) if together is not None else None
        if isinstance(value, list):
            return lexicon(value, shared)
        if isinstance(value, dict) and not all(isinstance(v, int | float) for v in value.values()):
            return lexicon(list(value), shared)  # a table of term -> label: the terms are the lexicon
        return lexicon(weighted(table, key, source=pack), shared)
