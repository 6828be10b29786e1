"""Account identifiers: phone numbers given as the account, @usernames, t.me links, usernames and
numbers after a label, numeric account IDs, and when the account was registered.

The formats are data: Telegram's own (`[identifiers]` of `rules/common/requirements.toml`) and
how people label them (`rules/*/account.toml`; an offender's handle without "@", a web or mail
address and a quoted name from `rules/*/details.toml`). Each recognizer looks for one kind, once
per draft, so that a rule asking only whether the writer gave a phone number never searches for
registration dates.

Whose account a value is, is read from the words just before it on its line (Presidio's context
words): "scammer @x", "频道 @x" are someone else's, "my account: @x", "我的账号 @x" the writer's
own. Each span says both, as facts: `someone_elses` (a someone-else word, no own word closer, in
the `_CONTEXT_BEFORE` characters before it) and `writers_own` (an own word in the
`_OWN_CONTEXT` characters before it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tglint.lexicon import TermMatch
from tglint.patterns import compile_patterns, copy_of, lexicon_of, pack_pattern
from tglint.recognizers import Span

if TYPE_CHECKING:
    from tglint.analysis import Analysis

# Kinds of span.
PHONE_NUMBER = "phone-number"  # a phone number the phone parser reads in the writer's words
INTERNATIONAL_PHONE = "international-phone"  # "+86 138 0013 8000" by its shape (`identifiers.phone`)
HANDLE = "handle"  # @username
LINK = "link"  # t.me/username
LABELLED_PHONE = "labelled-phone"  # "手机号：0412 345 678"
LABELLED_USERNAME = "labelled-username"  # "username: lin_xiaoyu"
ACCOUNT_ID = "account-id"  # "user ID 123456789"
REGISTRATION = "registration"  # "registered in 2021", "2019年注册的"
UNMARKED_HANDLE = "unmarked-handle"  # an offender's handle without "@", a web or mail address
QUOTED_NAME = "quoted-name"  # "a channel called 'Free Crypto'"

# Where a recognizer looks: the writer's own words of the body (quotes and signature blanked), the
# whole body (a signature or a forwarded mail carries an account too), or the subject.
WRITER, WHOLE, SUBJECT = "writer", "whole", "subject"

# How far before a value its context words are looked for, in characters of its line.
_CONTEXT_BEFORE = 24
_OWN_CONTEXT = 16


def identifier_pattern(analysis: Analysis, key: str) -> re.Pattern[str] | None:
    """A Telegram identifier format (`handle`, `link`, `phone`) from the requirements pack, compiled once."""
    value = analysis.pack("requirements").get("identifiers", {}).get(key)
    return compile_patterns(value, f"requirements: `identifiers.{key}`") if isinstance(value, str) else None


def _text(analysis: Analysis, where: str) -> str:
    if where == WRITER:
        return analysis.body_text
    if where == WHOLE:
        return analysis.body.text
    return analysis.subject_text


def context(analysis: Analysis, text: str, start: int) -> dict[str, bool]:
    """The facts the words before `start` on its line tell about whose value stands there."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - _CONTEXT_BEFORE) : start]
    own = lexicon_of(analysis, "account", "own_context")
    other = _last(lexicon_of(analysis, "account", "not_own_context").finditer(before))
    near = text[max(line_start, start - _OWN_CONTEXT) : start]
    return {
        "someone_elses": other >= 0 and other > _last(own.finditer(before)),
        "writers_own": own.search(near) is not None,
    }


def _last(found: Iterable[TermMatch]) -> int:
    end = -1
    for match in found:
        end = match.end
    return end


# Personal values: a phone number or an account ID is masked wherever a report shows it.
_PERSONAL = frozenset({PHONE_NUMBER, INTERNATIONAL_PHONE, LABELLED_PHONE, ACCOUNT_ID})


def _span(
    analysis: Analysis,
    kind: str,
    where: str,
    start: int,
    end: int,
    evidence: str,
    confidence: float,
    whose: bool,
    **extra: object,
) -> Span:
    part = "subject" if where == SUBJECT else "body"
    facts: dict[str, object] = {"where": where, **extra}
    if whose:
        facts.update(context(analysis, _text(analysis, where), start))
    return Span(kind, part, start, end, confidence, (evidence,), facts, sensitive=kind in _PERSONAL)


@dataclass(slots=True)
class PackIdentifiers:
    """One kind of identifier, found by a regex list of a pack (`pack`, `key`) in one text (`where`)."""

    name: str
    kind: str
    pack: str
    key: str
    where: str = WRITER
    # Whether the spans say whose value they are (`someone_elses`, `writers_own`): what the rules ask of
    # values in the writer's words that name an account.
    whose: bool = False

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        found = pack_pattern(analysis.packs, self.pack, self.key)
        if found is None:
            return
        text = _text(analysis, self.where)
        for match in found.finditer(text, copy_of(analysis, text)):
            evidence = f"pattern:{self.pack}.{self.key}"
            yield _span(analysis, self.kind, self.where, match.start(), match.end(), evidence, 0.8, self.whose)


@dataclass(slots=True)
class PhoneAccounts:
    """Phone numbers the phone parser reads in the writer's words, in any form; `country_code` says
    whether it was written with its country code (only then does it name one account)."""

    name: str = "accounts.phone-numbers"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        for number in analysis.phone_numbers:
            confidence = 0.95 if number.valid else 0.6
            yield _span(
                analysis,
                PHONE_NUMBER,
                WRITER,
                number.start,
                number.end,
                "parser:phonenumbers",
                confidence,
                True,
                country_code=number.has_country_code,
                in_plan=number.valid or number.masked,  # masked: the plan cannot be checked, nor need be
            )


PHONE_NUMBERS = PhoneAccounts()
HANDLES = PackIdentifiers("accounts.handles", HANDLE, "requirements", "identifiers.handle", whose=True)
SUBJECT_HANDLES = PackIdentifiers("accounts.subject-handles", HANDLE, "requirements", "identifiers.handle", SUBJECT)
LINKS = PackIdentifiers("accounts.links", LINK, "requirements", "identifiers.link", whose=True)
LABELLED_PHONES = PackIdentifiers("accounts.labelled-phones", LABELLED_PHONE, "account", "phone_labelled", whose=True)
LABELLED_USERNAMES = PackIdentifiers(
    "accounts.labelled-usernames", LABELLED_USERNAME, "account", "username_labelled", whose=True
)
ACCOUNT_IDS = PackIdentifiers("accounts.ids", ACCOUNT_ID, "account", "account_id")
REGISTRATIONS = PackIdentifiers("accounts.registrations", REGISTRATION, "account", "registration")
UNMARKED_HANDLES = PackIdentifiers(
    "accounts.unmarked-handles", UNMARKED_HANDLE, "details", "offender_handle", whose=True
)
QUOTED_NAMES = PackIdentifiers("accounts.quoted-names", QUOTED_NAME, "details", "offender_named")

# In the whole body, signature and quoted text included.
WHOLE_INTERNATIONAL_PHONES = PackIdentifiers(
    "accounts.whole.international-phones", INTERNATIONAL_PHONE, "requirements", "identifiers.phone", WHOLE
)
WHOLE_HANDLES = PackIdentifiers("accounts.whole.handles", HANDLE, "requirements", "identifiers.handle", WHOLE)
WHOLE_LABELLED = (
    PackIdentifiers("accounts.whole.labelled-phones", LABELLED_PHONE, "account", "phone_labelled", WHOLE),
    PackIdentifiers("accounts.whole.labelled-usernames", LABELLED_USERNAME, "account", "username_labelled", WHOLE),
    PackIdentifiers("accounts.whole.ids", ACCOUNT_ID, "account", "account_id", WHOLE),
)


# A labelled number whose value starts in international form: "+86 …", "＋86 …", "0086 …" (the IDD prefix).
_INTERNATIONAL_FORM = re.compile(r"^\D*?(?:[+＋]|00\s?\(?[1-9])")


def names_one_account(analysis: Analysis, span: Span) -> bool:
    """Whether a phone-number span names one account: the guide asks for the number 包含国家代码, and
    "13812345678" or "98765 43210" fits a number in several countries' plans; a number no plan holds
    ("+1 555 12 34") finds no account however it is written. Other kinds always do."""
    if span.kind == PHONE_NUMBER:
        return _with_country_code(analysis, span) and span.facts.get("in_plan", True) is not False
    if span.kind == LABELLED_PHONE:
        # The number the phone parser read under the label decides whether a plan holds it.
        return _with_country_code(analysis, span) and (
            span.facts["where"] != WRITER
            or not any(
                span.start <= number.start < span.end and not (number.valid or number.masked)
                for number in analysis.phone_numbers
            )
        )
    return True


def _with_country_code(analysis: Analysis, span: Span) -> bool:
    if span.kind == PHONE_NUMBER:
        return span.facts.get("country_code") is True
    return _INTERNATIONAL_FORM.match(_text(analysis, str(span.facts["where"]))[span.start : span.end]) is not None


def _others_bot(analysis: Analysis, span: Span) -> bool:
    """A bot's @username (Telegram's usernames of bots end in "bot": @SpamBot, @BotFather, a shop's @order_bot) the
    writer does not call theirs: a service they asked ("我去 @SpamBot 问了"), never the writer's own account."""
    if span.kind != HANDLE or span.facts.get("writers_own"):
        return False
    return _text(analysis, str(span.facts["where"]))[span.start : span.end].lower().endswith("bot")


def national_numbers(analysis: Analysis) -> Iterator[Span]:
    """The writer's own phone numbers written without their country code (in the writer's words)."""
    for recognizer in (PHONE_NUMBERS, LABELLED_PHONES):
        for span in recognizer.recognize(analysis):
            if not span.facts["someone_elses"] and not _with_country_code(analysis, span):
                yield span


def writers_identifiers(analysis: Analysis) -> Iterator[Span]:
    """The identifiers that name the writer's own account, in order of how cheaply they are found:
    phone numbers with their country code and @usernames not introduced as someone else's, a handle
    in the subject, a labelled number with its country code, a labelled username or ID; then, when the
    body has a signature or quoted text, any of those there."""
    for recognizer in (PHONE_NUMBERS, HANDLES):
        for span in recognizer.recognize(analysis):
            if (
                not span.facts["someone_elses"]
                and names_one_account(analysis, span)
                and not _others_bot(analysis, span)
            ):
                yield span
    for recognizer in (SUBJECT_HANDLES, LABELLED_PHONES, LABELLED_USERNAMES, ACCOUNT_IDS):
        yield from (span for span in recognizer.recognize(analysis) if names_one_account(analysis, span))
    # A public link is a channel's or a group's as often as a person's: it names the writer's account only
    # where the writer says it is theirs ("My Telegram is t.me/rahul_kumar", "我的账号 t.me/li_ming").
    yield from (s for s in LINKS.recognize(analysis) if s.facts["writers_own"] and not s.facts["someone_elses"])
    if analysis.body.text != analysis.body_text:
        for recognizer in (WHOLE_INTERNATIONAL_PHONES, WHOLE_HANDLES, *WHOLE_LABELLED):
            yield from (span for span in recognizer.recognize(analysis) if names_one_account(analysis, span))
