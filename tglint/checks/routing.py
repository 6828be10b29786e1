"""Routing rules: the right official mailbox, and nothing that only looks like one.

The guide (二、Telegram官方邮箱地址和联系方式) names five official mailboxes, each for one
kind of matter, warns that "发错邮箱可能导致您的问题被转发或延迟处理", and that
"网络上存在许多冒充Telegram官方的虚假邮箱". Each recipient is classified once:
an official mailbox, an unknown mailbox on the official domain (help@, suport@),
an address imitating Telegram (telegrarn.org, telegram.org.cn, tg-support@gmail.com),
or an unrelated address (a colleague in Cc). Data: common/mailboxes.toml, common/routing.toml.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from tglint.lexicon import lexicon
from tglint.models import TOPICS, Edit, Fix, Hit
from tglint.packs import Packs, strings
from tglint.patterns import compiled
from tglint.rule import Rule
from tglint.topic import topic_name

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.draft import Recipient

# Compiled on first use (`compiled`).
_LOCAL_PIECES = r"[._\-+]+"
_LETTER_RUNS = r"[a-z]+|[0-9]+"


class Kind(StrEnum):
    OFFICIAL = "official"
    UNKNOWN_MAILBOX = "unknown-mailbox"  # on Telegram's domain, but not one of its mailboxes
    IMITATION = "imitation"  # a domain made to look like Telegram's
    POSING = "posing"  # another domain, with a name that claims to be Telegram
    OTHER = "other"


# A named tuple: created at import a tenth as slowly as a dataclass (`tglint rules` imports every rule).
class AddressCheck(NamedTuple):
    """What a recipient's address is, and what it was meant to be."""

    kind: Kind
    topic: str | None = None  # the mailbox's topic, for an official address
    # The official mailbox this address is an obvious misspelling of (suport@, support@telegrarn.org).
    intended: str | None = None


def _skeleton(text: str, confusables: Sequence[tuple[str, str]]) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    for source, target in confusables:
        text = text.replace(source, target)
    return text


# Compared and hashed by identity: one instance per pack set, a key for the address cache.
@dataclass(frozen=True, slots=True, eq=False)
class RoutingData:
    """The mailboxes and the signs of a look-alike address, from the packs."""

    mailboxes: dict[str, str]  # topic -> address
    official_domain: str
    official_locals: dict[str, str]  # local part -> topic
    brands: tuple[str, ...]  # as skeletons
    max_brand_distance: int
    short_brands: frozenset[str]
    service_words: frozenset[str]
    display_brands: tuple[str, ...]  # as skeletons
    confusables: tuple[tuple[str, str], ...]  # longest first
    free_mail: frozenset[str]
    aliases: dict[str, str]
    max_typo_distance: int

    def skeleton(self, text: str) -> str:
        """The text with look-alike characters undone: "telegrarn" and "teiegram" read "telegram"."""
        return _skeleton(text, self.confusables)


def routing_data(packs: Packs) -> RoutingData:
    return packs.derived(("routing", "data"), lambda: _build_routing_data(packs))


def _build_routing_data(packs: Packs) -> RoutingData:
    mailboxes_pack = packs.get("mailboxes")
    routing = packs.get("routing")
    lookalike: dict[str, Any] = routing.get("lookalike", {})
    mailboxes = {t: str(a).lower() for t, a in mailboxes_pack.get("mailboxes", {}).items() if t in TOPICS}
    confusables = tuple(
        (str(source), str(target))
        for source, target in sorted(routing.get("confusables", {}).items(), key=lambda item: (-len(item[0]), item[0]))
    )

    def words(table: dict[str, Any], key: str) -> list[str]:
        return [word.lower() for word in strings(table, key, source="routing")]

    return RoutingData(
        mailboxes=mailboxes,
        official_domain=str(mailboxes_pack.get("settings", {}).get("official_domain", "telegram.org")).lower(),
        official_locals={address.partition("@")[0]: topic for topic, address in mailboxes.items()},
        brands=tuple(_skeleton(brand, confusables) for brand in words(lookalike, "brands")),
        max_brand_distance=int(lookalike.get("max_brand_distance", 1)),
        short_brands=frozenset(words(lookalike, "short_brands")),
        service_words=frozenset(words(lookalike, "service_words")),
        display_brands=tuple(_skeleton(brand, confusables) for brand in words(lookalike, "display_brands")),
        confusables=confusables,
        free_mail=frozenset(words(routing.get("free_mail", {}), "domains")),
        aliases={str(k).lower(): str(v) for k, v in routing.get("local_part_aliases", {}).items() if v in TOPICS},
        max_typo_distance=int(routing.get("settings", {}).get("max_typo_distance", 2)),
    )


def edit_distance(a: str, b: str) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def _imitates_brand(token: str, data: RoutingData) -> bool:
    """A word that is, contains, or nearly is the brand once look-alike characters are undone."""
    skeleton = data.skeleton(token)
    for brand in data.brands:
        if brand in skeleton:
            return True
        if (
            abs(len(skeleton) - len(brand)) <= data.max_brand_distance
            and edit_distance(skeleton, brand) <= data.max_brand_distance
        ):
            return True
    return False


def _short_brand_with_service(pieces: Sequence[str], data: RoutingData, *, free_mail: bool) -> bool:
    """The short brand next to a help-desk word ("tg-support", "tgkefu"), or any word on free mail ("tg2024")."""
    letter_runs = compiled(_LETTER_RUNS)
    words = [w for piece in pieces for w in letter_runs.findall(piece)]
    for word in words:
        for short in data.short_brands:
            if word == short and (free_mail or any(w in data.service_words for w in words if w != word)):
                return True
            rest = word.removeprefix(short) if word.startswith(short) else word.removesuffix(short)
            if rest != word and rest in data.service_words:
                return True
    return False


def _domain_imitates(domain: str, data: RoutingData) -> bool:
    labels = domain.split(".")
    for index, label in enumerate(labels):
        pieces = [label, label.replace("-", ""), *label.split("-")]
        if any(_imitates_brand(piece, data) for piece in pieces if piece):
            return True
        # The last label is a country code: ".tg" is Togo, not Telegram.
        if index < len(labels) - 1 and _short_brand_with_service(label.split("-"), data, free_mail=False):
            return True
    return False


def _local_poses(local: str, domain: str, data: RoutingData) -> bool:
    pieces = [piece for piece in compiled(_LOCAL_PIECES).split(local) if piece]
    if any(_imitates_brand(piece, data) for piece in [local, *pieces]):
        return True
    return _short_brand_with_service(pieces, data, free_mail=domain in data.free_mail)


def _display_poses(display_name: str, data: RoutingData) -> bool:
    skeleton = data.skeleton(display_name)
    return any(brand in skeleton for brand in data.display_brands)


def typo_of_mailbox(local: str, data: RoutingData) -> str | None:
    """The official mailbox a local part misspells (suport, secuirty, supp0rt), if exactly one is close."""
    if local in data.official_locals:
        return data.official_locals[local]
    skeleton = data.skeleton(local)
    close = {
        topic
        for official, topic in data.official_locals.items()
        if skeleton == data.skeleton(official)
        or (len(local) >= 4 and edit_distance(local, official) <= data.max_typo_distance)
    }
    return close.pop() if len(close) == 1 else None


@lru_cache(maxsize=1024)
def _check(address: str, display_name: str, data: RoutingData) -> AddressCheck:
    normalised = unicodedata.normalize("NFKC", address).casefold().strip().strip("<>").rstrip(".")
    local, _, domain = normalised.rpartition("@")
    if domain == data.official_domain:
        if local in data.official_locals:
            return AddressCheck(Kind.OFFICIAL, topic=data.official_locals[local])
        return AddressCheck(Kind.UNKNOWN_MAILBOX, intended=typo_of_mailbox(local, data))
    if domain.endswith("." + data.official_domain):
        return AddressCheck(Kind.UNKNOWN_MAILBOX, intended=typo_of_mailbox(local, data))
    if data.skeleton(domain) == data.skeleton(data.official_domain) or _domain_imitates(domain, data):
        return AddressCheck(Kind.IMITATION, intended=typo_of_mailbox(local, data))
    if _local_poses(local, domain, data) or _display_poses(display_name, data):
        return AddressCheck(Kind.POSING)
    return AddressCheck(Kind.OTHER)


def check_address(recipient: Recipient, packs: Packs) -> AddressCheck:
    return _check(recipient.address, recipient.display_name, routing_data(packs))


def _checked(analysis: Analysis) -> list[tuple[Recipient, AddressCheck]]:
    """Every recipient with what its address is, worked out once for all routing rules."""
    return analysis.memo(_checked, lambda: [(r, check_address(r, analysis.packs)) for r in analysis.draft.recipients])


def _official_topics(checked: Sequence[tuple[Recipient, AddressCheck]]) -> list[str]:
    topics: list[str] = []
    for _, check in checked:
        if check.kind is Kind.OFFICIAL and check.topic and check.topic not in topics:
            topics.append(check.topic)
    return topics


def _handles(analysis: Analysis, topic: str, language: str) -> str:
    return str(analysis.pack("routing", language).get("mailbox_handles", {}).get(topic, topic))


def _replacement(recipient: Recipient, address: str, applicability: str) -> Fix:
    return Fix(
        f"Write to {address} instead of {recipient.address}",
        applicability,
        (Edit(recipient.field, recipient.start, recipient.end, address),),
    )


def _redirect(recipient: Recipient, message: str, address: str, *, safe: bool) -> Hit:
    """A finding on a recipient whose fix writes `address` in its place: safe for an obvious misspelling."""
    fix = _replacement(recipient, address, "safe" if safe else "unsafe")
    return Hit(recipient.field, recipient.start, recipient.end, message, fix=fix)


def _suggested_topic(analysis: Analysis, check: AddressCheck, local: str) -> str:
    """Where the mail should go instead: the misspelt mailbox, the draft's topic, or what the name says."""
    data = routing_data(analysis.packs)
    if check.intended:
        return check.intended
    verdict = analysis.topic_verdict
    if verdict.confident and verdict.topic:
        return verdict.topic
    return data.aliases.get(local) or analysis.topic or "support"


def _both_mailboxes_fit(analysis: Analysis, topic: str, chosen: str) -> bool:
    """The draft's words name a matter the guide lists under both mailboxes (harassment: security and abuse). Its
    subject's tag is the writer's name for the matter, not the matter ("[隐私请求]" on a deletion request under the
    个人信息保护法 is legal@'s): the tag has its own say (`_tag_backs_mailbox`)."""
    table = analysis.pack("routing").get("overlap", {})
    terms = table.get(f"{topic}+{chosen}", []) + table.get(f"{chosen}+{topic}", [])
    if not terms:
        return False
    found = lexicon(terms)
    subject_words = analysis.subject_text[analysis.subject_words_start :]
    return found.search(subject_words) is not None or found.search(analysis.body_text) is not None


def _tag_backs_mailbox(analysis: Analysis, chosen: str) -> bool:
    """The subject's tag names the chosen mailbox's matter: two deliberate choices the words must outweigh
    twice over before we call the mailbox wrong."""
    verdict = analysis.topic_verdict
    tag_vote = verdict.scores[chosen] - verdict.word_scores[chosen]
    if tag_vote <= 0 or verdict.topic is None or verdict.confident:
        # Words that settle the matter with the tag counted (the guide's own example, a code that does not arrive,
        # under "[Account Security]" to security@): the tag is wrong (TG108) and so is the mailbox it agrees with.
        return False
    margin = float(analysis.pack("routing").get("settings", {}).get("overrule_margin", 2.5))
    return verdict.scores[verdict.topic] - (verdict.scores[chosen] + tag_vote) < margin


class MissingRecipient(Rule):
    code = "TG200"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if analysis.draft.recipients:
            return
        topic = analysis.topic if analysis.topic_verdict.confident else None
        mailbox = routing_data(analysis.packs).mailboxes.get(topic or "", "")
        if mailbox:
            name = topic_name(analysis.packs, topic or "", analysis.message_language)
            message = self.message(analysis, "topic", topic_name=name, mailbox=mailbox)
        else:
            message = self.message(analysis, "any")
        # A body-only draft has no To line: the finding then stands at line 1, column 1.
        yield Hit("to", 0, 0, message)


def _plainly_elsewhere(analysis: Analysis, chosen: str) -> bool:
    """The draft's words say nothing for the chosen mailbox and enough for its topic (with the writer's tag for it,
    when words back the tag): a short mail ("my account was banned, please help") is wrongly addressed without
    reaching the `confident` bar."""
    verdict = analysis.topic_verdict
    settings = analysis.pack("routing").get("settings", {})
    if verdict.topic is None or verdict.word_scores.get(chosen, 0.0) >= float(settings.get("silent_below", 1.0)):
        return False
    clear = float(settings.get("clear_score", 2.5))
    words = verdict.word_scores.get(verdict.topic, 0.0)
    # The writer's own tag counts with the words when some words back it: a "[Data Protection]" complaint citing
    # the GDPR and sent to press@ says nothing for the press, whatever else its words touch.
    return words >= clear or (
        words > 0 and analysis.tag_topic == verdict.topic and verdict.scores[verdict.topic] >= clear
    )


def _tag_and_words_agree(analysis: Analysis, chosen: str) -> bool:
    """The writer's own tag names the draft's topic and the draft's words, the tag apart, say the same: two
    signs of one matter that the chosen mailbox does not handle, however much else the words mention (a hijacked
    account "sending scam messages" says much of abuse and is a security matter all the same)."""
    verdict = analysis.topic_verdict
    topic = verdict.topic
    if topic is None or analysis.tag_topic != topic:
        return False
    words = verdict.word_scores
    clear = float(analysis.pack("routing").get("settings", {}).get("clear_score", 2.5))
    return words.get(topic, 0.0) >= clear and all(words[topic] > score for t, score in words.items() if t != topic)


class WrongMailbox(Rule):
    code = "TG201"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        verdict = analysis.topic_verdict
        if verdict.topic is None:
            return
        checked = _checked(analysis)
        topics = _official_topics(checked)
        if len(topics) != 1 or topics[0] in (verdict.topic, analysis.topic):
            # Several mailboxes at once is its own finding; a mail whose first matter is the addressed mailbox's has
            # its other matters to split off (TG701), not its mailbox to change.
            return
        if not (
            verdict.confident or _plainly_elsewhere(analysis, topics[0]) or _tag_and_words_agree(analysis, topics[0])
        ):
            return
        if _both_mailboxes_fit(analysis, verdict.topic, topics[0]) or _tag_backs_mailbox(analysis, topics[0]):
            return
        right = routing_data(analysis.packs).mailboxes[verdict.topic]
        for recipient, check in checked:
            if check.kind is not Kind.OFFICIAL:
                continue
            wrong = recipient.address
            yield Hit(
                recipient.field,
                recipient.start,
                recipient.end,
                self.message(
                    analysis,
                    "wrong",
                    topic_name=topic_name(analysis.packs, verdict.topic, analysis.message_language),
                    right=right,
                    wrong=wrong,
                    handles=_handles(analysis, topics[0], analysis.message_language),
                ),
                fix=_replacement(recipient, right, "unsafe"),
            )


class FakeTelegramAddress(Rule):
    code = "TG202"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        data = routing_data(analysis.packs)
        for recipient, check in _checked(analysis):
            if check.kind not in (Kind.IMITATION, Kind.POSING):
                continue
            local, _, domain = recipient.address.rpartition("@")
            right = data.mailboxes[_suggested_topic(analysis, check, local.lower())]
            address, official = recipient.address, data.official_domain
            if check.kind is Kind.IMITATION:
                message = self.message(
                    analysis, "imitation", address=address, domain=domain, official_domain=official, right=right
                )
            else:
                message = self.message(analysis, "posing", address=address, official_domain=official, right=right)
            yield _redirect(recipient, message, right, safe=check.intended is not None)


class UnknownOfficialMailbox(Rule):
    code = "TG203"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        data = routing_data(analysis.packs)
        for recipient, check in _checked(analysis):
            if check.kind is not Kind.UNKNOWN_MAILBOX:
                continue
            local = recipient.address.rpartition("@")[0]
            right = data.mailboxes[_suggested_topic(analysis, check, local.lower())]
            if check.intended:
                message = self.message(analysis, "typo", address=recipient.address, right=right)
            else:
                message = self.message(
                    analysis, "unknown", address=recipient.address, official_domain=data.official_domain, right=right
                )
            yield _redirect(recipient, message, right, safe=check.intended is not None)


class SeveralMailboxes(Rule):
    code = "TG204"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        checked = _checked(analysis)
        topics = _official_topics(checked)
        if len(topics) < 2:
            return
        data = routing_data(analysis.packs)
        keep = analysis.topic if analysis.topic in topics else topics[0]
        seen: set[str] = set()
        for recipient, check in checked:
            if check.kind is not Kind.OFFICIAL or check.topic is None or check.topic in seen:
                continue
            seen.add(check.topic)
            if len(seen) == 1:
                continue  # the first mailbox is not the problem; each one after it is
            yield Hit(
                recipient.field,
                recipient.start,
                recipient.end,
                self.message(analysis, "several", count=len(topics), keep=data.mailboxes[keep]),
            )


class NoOfficialRecipient(Rule):
    code = "TG205"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        checked = _checked(analysis)
        if not checked or any(check.kind is not Kind.OTHER for _, check in checked):
            return
        first = checked[0][0]
        mailbox = routing_data(analysis.packs).mailboxes[analysis.topic or "support"]
        yield Hit(
            first.field,
            first.start,
            first.end,
            self.message(analysis, "none", mailbox=mailbox),
        )


class NonTelegramRecipient(Rule):
    code = "TG206"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        checked = _checked(analysis)
        if all(check.kind is Kind.OTHER for _, check in checked):
            return  # no Telegram address at all: no-official-recipient says so
        for recipient, check in checked:
            if check.kind is Kind.OTHER:
                yield Hit(
                    recipient.field,
                    recipient.start,
                    recipient.end,
                    self.message(analysis, "other", address=recipient.address),
                )
