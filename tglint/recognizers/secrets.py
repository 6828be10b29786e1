"""Secrets in a draft: passwords, PINs, login and recovery codes, bot tokens and API keys,
api_hash values, session strings.

Prose hides secrets differently from source code, so every kind is found in the
way people write it:
- keyword-anchored values: a word that names a secret (密码, PIN码, 验证码, login code,
  recovery code, api_hash...), a separator (`：`, `是`, `为`, `is`, `:`) or a short
  bridge ("我输入的是", "the code I got was"), then a value of the right shape (digits
  for a code, 32 hex digits for an api_hash, something no word looks like for a password);
  within the name's sentence a verb of entering, sending or setting may stand a few words
  before the value ("...and I sent it: 52817", "我把 55821 也发给了他"), as long as nothing
  on the way owns it ("my number is 555 0183", "on iPhone15", "got 12345 unread messages");
- by shape alone: Telegram bot tokens (`<bot id>:<~35 characters>`);
- after their name: session strings (long base64-like runs).

A value may follow a Chinese name straight away ("两步验证密码Tk#2024sz", "令牌是123456789:AA…"):
Chinese characters bound a value as a space does (`tglint.text.scripts`). A label alone on its
line ("Password", "api_hash", "验证码：") names the value on the next non-empty line. Secrets
are looked for wherever the mail carries them: the writer's body text, their own earlier mail
quoted in it (`Analysis.own_quoted_text`; someone else's quoted words are not searched), the
subject (decoded and unfolded) and the attached files' names.

Masks and placeholders are not values (`******`, `<redacted>`, "已隐藏"), neither are
words ("my password is not working", "密码已经改过了"), counts and times ("验证码 60 秒",
"10:25"), and a clause that withholds the secret ("我没有提供PIN码", "I never typed my
password": the text model's negation, `TextModel.withheld`) links no value a few words on,
unless the negation confirms it ("密码没有记错，就是 ..."). Sentences and clauses are the text
model's. Each secret is found once: shapes win over keyword guesses.

Every span is `sensitive`; its kind is the pack's ("password", "PIN", "code", "bot token",
"api-hash", "session", "token"...), its evidence the name and how the value was linked to it,
and its facts `quoted` (in the writer's own earlier mail) and `also` (more spans a fix masks
with it: the api_id beside an api_hash).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from tglint.draft import RegionKind
from tglint.lexicon import PARTS_PASS, Lexicon, SharedPass, TermMatch, lexicon, shared_pass
from tglint.packs import Packs, strings
from tglint.patterns import compiled
from tglint.recognizers import Span
from tglint.spans import SpanSet
from tglint.text.scripts import VALUE_END, VALUE_START, is_han

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.text import Segment, TextModel

# -- shapes -----------------------------------------------------------------------------

# Telegram's docs show a 6-digit bot id; real ones have 8-10 digits. The secret part is
# 35 characters in practice. A Chinese character may touch it ("令牌是123456789:AA…"), and the Bot API's
# own address holds it right after "/bot" ("https://api.telegram.org/bot123456789:AA…/setWebhook").
BOT_TOKEN = re.compile(
    rf"(?:{VALUE_START}(?<![_/-])|(?<=/bot))(?<!\d:)(?P<id>\d{{6,12}}):(?P<secret>[A-Za-z0-9_-]{{30,40}}){VALUE_END}(?![_-])"
)
# What every bot token holds, looked for from its ":", a character `re` finds quickly.
_BOT_TOKEN_CORE = r":(?<=\d:)[A-Za-z0-9_-]{30}"
_API_HASH = r"(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])"
_API_ID = rf"(?i)(?<![A-Za-z0-9_])api[_ -]?id(?![A-Za-z0-9_])[^A-Za-z0-9]{{0,4}}(?P<value>\d{{4,10}}){VALUE_END}"
_LONG_TOKEN = r"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{40,}={0,2}(?![A-Za-z0-9+/=_-])"
_LONG_RUN = r"[A-Za-z0-9+/_-]{40}"
_GENERIC_TOKEN = r"[A-Za-z0-9_\-.]{20,}"

# A value runs to the next space or sentence punctuation; CJK characters end it too,
# since a Chinese sentence goes on right after the value ("密码是abc123，请帮忙").
# "!", "?" and ")" end it only where a value would end ("Hunter2024!", "(it's 4417)"), not inside
# one ("Granite!42x", "iQIG)^tDC5").
_VALUE_END = r"\s，。；、！？,;!?\"'“”‘’「」『』【】）)\u3400-\u9fff"
_VALUE = rf"[\"'“‘「『【\[(（<]?(?P<value>(?:[^{_VALUE_END}]|[!?)](?=[^{_VALUE_END}])){{1,128}})"
_DIGIT_CODE = r"(?P<value>\d{4,8}|\d{2,4}[ -]\d{2,4})(?![:：.,/]?\d)"
_SPACES = " \t\u00a0\u3000"
# "@name" is a username as Telegram's are (a letter, then 4-31 letters, digits or "_"); a password
# may start with "@" too ("@2d4stgXdf@W").
# A link's path is a link ("/reset?token=abc123", "/account/recover"), never the password it resets.
_EMAIL_OR_URL = (
    r"(?i)^[^@\s]+@[^@\s]+\.\w+$|^(?:https?://|www\.)|^@[a-z]\w{3,31}$"
    r"|^/[\w.~-]+(?:/[\w.~-]*)*\?[^\s=]+=|^(?:/[\w.~-]+){2,}/?$"
)
_DATE_OR_TIME = r"^\d{1,4}[-/.:：年月]\d{1,2}(?:[-/.:：月日]\d{1,4})?[日号]?$"
_PLAIN_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_YEAR = r"^(?:19|20)\d{2}$"
# Tokens looked at between a bridge and the end of the sentence: CJK text and spaces end them.
_SCAN_TOKEN = r"[^\s\u3400-\u9fff，。；、！？：（）“”‘’「」『』【】《》]+"
_TOKEN_OPENERS = "\"'([{<“‘「『【—–-"
_TOKEN_CLOSERS = ".,:;!?)]}>\"'”’」』】—–"
_SET_OFF = frozenset(":：—–-(（[【“\"'")
_APPOSITION_ENDS = frozenset({",", "，", ";", "；", ")", "）", "。", "\n", ""})
_NEXT_WORD = r"[ \t]+([a-z][a-z']*)"
_SCANNED_CODE = r"\d{4,8}|\d{3}-\d{3}"
_RECOVERY_CODE = r"(?=[A-Z0-9-]*\d)[A-Z0-9]{4,}(?:-[A-Z0-9]{4,})+|(?=[A-Z]*\d)[A-Z0-9]{8,}"
_NUMBER_PREFIXES = frozenset("+#$€£¥￥№@/\\")
_EXTENSION = r"\.[A-Za-z0-9]{1,5}$"

# How far a bridge may stand from the secret's name, and a token from its name.
_BRIDGE_GAP = 72
# A bridge in the sentence after a password's name must come early in it.
_NEXT_SENTENCE_GAP = 40
_NEAR_NAME = 120
# How far before the name a negation withholds it, or a word confirms it, in the name's clause
# (the text model's): farther than its default reach, since "我从来没有在任何邮件里写过密码" withholds it.
_LOOKBACK_FOR_NEGATION = 30
# A label may have a short lead on its line ("My new password", "我的验证码") and its value
# a blank line or two below it.
_LABEL_LEAD = 16
_BLANK_LINES_BELOW_LABEL = 2
# A string this long is a session's key wherever it stands in a mail that talks of sessions.
_SESSION_ALONE = 60

# Kinds, grouped by the rule that reports them.
PASSWORD_KINDS = frozenset({"password", "two-step verification password", "PIN"})
CODE_KINDS = frozenset({"code", "weak code", "recovery code"})


# -- the pack ---------------------------------------------------------------------------------


class SecretWords:
    """The secrets pack, compiled once per pack table (`secret_words`).

    The word lists are read and checked at once (a malformed pack fails here) but compiled when
    first needed: a draft that names no secret needs none of them but the names.
    """

    def __init__(self, table: dict[str, Any], together: SharedPass | None = None) -> None:
        """`together`: the pass of the word lists that read a draft's parts, which the names of secrets join."""
        self._together = together
        self._lists = {key: strings(table, key, source="secrets") for key in _WORD_LISTS}
        keywords = table.get("keywords", {})
        self.kinds = (
            {str(term).lower(): str(kind) for term, kind in keywords.items()} if isinstance(keywords, dict) else {}
        )
        self.copulas = frozenset(c.lower() for c in self._lists["copulas"])
        self.value_followers = frozenset(w.lower() for w in self._lists["value_followers"])
        self.placeholders = frozenset(p.lower() for p in self._lists["placeholders"])
        self.descriptor = _any_of(strings(table, "value_descriptors", source="secrets"))
        self.lookalikes = _any_of(strings(table, "value_lookalikes", source="secrets"))
        characters = str(table.get("mask_characters", "*"))
        mask = re.escape(characters)
        # Marks mask in any mix ("***", "#*#"); a letter, "_" or "-" only repeated ("xxxx", "___"): a password
        # holds "X#X" or "x__" as often as any other three characters.
        marks = re.escape("".join(c for c in characters if not (c.isalnum() or c in "_-")))
        letters = re.escape("".join(c for c in characters if c.isalnum() or c in "_-"))
        runs = "|".join(
            part for part in (f"[{marks}]{{3,}}" if marks else "", f"([{letters}])\\1{{2,}}" if letters else "") if part
        )
        self.mask = re.compile(f"{runs}|^[{mask}]+$|^<[^>]*>?$|^\\[[^\\]]*\\]?$")

    def _lexicon(self, *keys: str) -> Lexicon:
        return lexicon([word for key in keys for word in self._lists[key]])

    @cached_property
    def keywords(self) -> Lexicon:
        """The names of secrets ("密码", "PIN码", "login code", "api_hash"), each with its kind in `kinds`. Looked
        for in the whole of the body and the subject, which other lists read too: searched with them."""
        return lexicon(list(self.kinds), self._together)

    @cached_property
    def separators(self) -> Lexicon:
        return self._lexicon("separators")

    @cached_property
    def bridges(self) -> Lexicon:
        """Verbs and copulas."""
        return self._lexicon("bridges", "copulas")

    @cached_property
    def not_bridges(self) -> Lexicon:
        """Words that hold a one-character verb without being it ("发件人", "设备", "报错")."""
        return self._lexicon("not_bridges")

    @cached_property
    def affirmations(self) -> Lexicon:
        """ "我确定", "I'm sure": like a verb, they let a copula after a comma link the value (so do
        the text model's confirming negations, "没记错")."""
        return self._lexicon("affirmations")

    @cached_property
    def value_owners(self) -> Lexicon:
        """Names whose own values look like a secret's ("username", "用户名", "ticket"): a value after them
        is theirs, not the secret's."""
        return self._lexicon("value_owners")

    @cached_property
    def value_blockers(self) -> Lexicon:
        """Words right before a number or token that make it something else ("尾号 8804", "my number is
        555 0183")."""
        return self._lexicon("value_blockers", "code_qualifiers")

    @cached_property
    def value_prepositions(self) -> Lexicon:
        """Prepositions that make what follows something else ("on iPhone15", "at 1030")."""
        return self._lexicon("value_prepositions")

    @cached_property
    def not_the_secret(self) -> Lexicon:
        return self._lexicon("not_the_secret")

    @cached_property
    def notification_warnings(self) -> Lexicon:
        """What Telegram's own code message says beside the code ("Do not give this code to anyone", "请勿告诉他人")."""
        return self._lexicon("notification_warnings")

    @cached_property
    def change_verbs(self) -> Lexicon:
        """Verbs that set a secret to a new value, linking it by "to" ("I changed my password to ...")."""
        return self._lexicon("change_verbs")

    @cached_property
    def code_qualifiers(self) -> Lexicon:
        return self._lexicon("code_qualifiers")

    @cached_property
    def units(self) -> Lexicon:
        return self._lexicon("value_units")


# In the order they were always read, so that a malformed pack names the same list.
_WORD_LISTS = (
    "notification_warnings",
    "separators",
    "bridges",
    "copulas",
    "not_bridges",
    "affirmations",
    "value_owners",
    "value_blockers",
    "code_qualifiers",
    "value_prepositions",
    "value_followers",
    "not_the_secret",
    "value_units",
    "placeholders",
    "change_verbs",
)


def secret_words(packs: Packs) -> SecretWords:
    """The secrets pack of `packs`, compiled once per set of packs."""
    return packs.derived(
        ("secrets", "words"), lambda: SecretWords(packs.get("secrets"), shared_pass(packs, PARTS_PASS))
    )


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")


# -- finding secrets ----------------------------------------------------------------------------


class Secrets:
    """The secrets recognizer: every secret the mail would send, each once per part."""

    name = "secrets"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        words = secret_words(analysis.packs)
        body = analysis.text_model("body")
        for found in _secrets_in(analysis.body_text, body, words):
            if not _in_quoted_notification(found, body, words):
                yield found.span("body")
        own_quoted = analysis.own_quoted_text
        if own_quoted:
            for found in _secrets_in(own_quoted, body, words):
                yield found.span("body", quoted=True)
        yield from _developer_secrets_quoted(analysis, body, words, own_quoted)
        if analysis.subject_text.strip():
            # A folded subject is one line to its reader.
            subject = analysis.subject_text.replace("\r", " ").replace("\n", " ")
            for found in _secrets_in(subject, _model_of(subject, analysis), words):
                yield found.span("subject")
        attachments = analysis.draft.parts.get("attachments")
        if attachments is not None:
            offset = 0
            for file_name in attachments.text.split("\n"):
                name_words = _file_name_words(file_name)
                for found in _secrets_in(name_words, _model_of(name_words, analysis), words):
                    moved = found._replace(start=offset + found.start, end=offset + found.end, also=())
                    yield moved.span("attachments")
                offset += len(file_name) + 1


SECRETS = Secrets()

# Secrets of a bot or an app that no one else's quoted words may carry either: a colleague's forwarded note or
# BotFather's message pasted below the writer's sends the token as surely as the writer's own words would.
_KEYS = frozenset({"bot token", "session", "api-hash"})


def _developer_secrets_quoted(
    analysis: Analysis, body: TextModel, words: SecretWords, own_quoted: str
) -> Iterator[Span]:
    """Bot tokens, session strings and api_hash values in quoted text that is not the writer's own earlier mail
    (that is searched for every secret): unlike a login code in a quoted notification, they stay valid until
    revoked, whoever wrote them."""
    quoted = analysis.body.only(RegionKind.QUOTED)
    if not quoted:
        return
    for found in _secrets_in(quoted, body, words):
        if own_quoted[found.start : found.start + 1].strip():
            continue  # the writer's own earlier mail: already searched for every secret
        if found.kind in _KEYS:
            yield found.span("body", quoted=True, others=True)


def _in_quoted_notification(found: _Found, model: TextModel, words: SecretWords) -> bool:
    """A code inside quotation marks that also hold Telegram's own warning ("Login code: 22814. Do not give this code
    to anyone"), or on a line that holds it, as a forwarded or pasted notification has it ("---------- Forwarded
    message ----------\nLogin code: 39517. Do not give this code to anyone, even if they say they are from
    Telegram!"): the notification the writer received, copied as evidence, as a quoted mail's would be; that code was
    spent or has expired (the guide's advice is about passing on a code one still holds)."""
    if found.kind not in CODE_KINDS:
        return False
    text = model.text
    quotation = model.quotation_at(found.start)
    if quotation is not None:
        start, end = quotation
    else:
        # The code's line and the next one: the notification's warning follows its code.
        start = text.rfind("\n", 0, found.start) + 1
        end = text.find("\n", found.end)
        end = len(text) if end < 0 else text.find("\n", end + 1)
        end = len(text) if end < 0 else end
    return words.notification_warnings.search(text[start:end]) is not None


def writer_secrets(analysis: Analysis) -> list[Span]:
    """The secrets in the writer's own body text (not in their quoted earlier mail): a number
    there is the secret's value, not a phone, card or ID number."""
    return [span for span in analysis.spans(SECRETS) if span.part == "body" and not span.facts.get("quoted")]


def _model_of(text: str, analysis: Analysis) -> TextModel:
    """The text model of a line that is not a part as written (a subject made one line, a file
    name read as words)."""
    from tglint.text import Cues, TextModel

    return TextModel(text, (), Cues.from_packs(analysis.packs))


class _Found(NamedTuple):
    kind: str
    start: int
    end: int
    evidence: tuple[str, ...]
    confidence: float
    # More spans a fix masks with it (the api_id next to an api_hash).
    also: tuple[tuple[int, int], ...] = ()

    def span(self, part: str, *, quoted: bool = False, others: bool = False) -> Span:
        # `others`: in quoted text someone else wrote (a colleague's forwarded note), not the writer's earlier mail.
        facts = {"quoted": quoted, "also": self.also, "others": others}
        return Span(self.kind, part, self.start, self.end, self.confidence, self.evidence, facts, sensitive=True)


def _file_name_words(name: str) -> str:
    """A file name read as words, offsets kept: "my_password_Tr0ub4dor.txt" -> "my password Tr0ub4dor    "."""
    words = name.replace("_", " ")
    extension = compiled(_EXTENSION).search(words)
    return words[: extension.start()] + " " * len(extension.group()) if extension else words


def _secrets_in(text: str, model: TextModel, words: SecretWords) -> list[_Found]:
    names = words.keywords.find(text)
    # Kept sorted and disjoint, so a candidate can only overlap its neighbours: a pasted mail
    # may hold thousands of secrets.
    found: list[_Found] = []
    spans = SpanSet()
    for candidate in (
        *_bot_tokens(text),
        *_session_strings(text, names, words),
        *_keyword_values(text, model, names, words),
    ):
        if not spans.overlaps(candidate.start, candidate.end):
            found.append(candidate)
            spans.add(candidate.start, candidate.end)
    return sorted(found, key=lambda s: s.start)


def _bot_tokens(text: str) -> Iterator[_Found]:
    if not compiled(_BOT_TOKEN_CORE).search(text):
        return
    for match in BOT_TOKEN.finditer(text):
        secret = match.group("secret")
        if re.search(r"[xX*]{4,}", secret) or not re.search(r"[A-Za-z]", secret):
            continue  # "123456:xxxxxxxx..." is a placeholder
        yield _Found("bot token", match.start(), match.end(), ("shape:bot-token",), _CONFIDENCE["shape"])


def _session_strings(text: str, names: list[TermMatch], words: SecretWords) -> Iterator[_Found]:
    """A long base64-like run near "session", or anywhere after it when it is very long."""
    ends = [name for name in names if words.kinds.get(name.term) == "session"]
    if not ends or not compiled(_LONG_RUN).search(text):
        return
    for match in compiled(_LONG_TOKEN).finditer(text):
        value = match.group()
        if not (re.search(r"\d", value) and re.search(r"[a-z]", value) and re.search(r"[A-Z]", value)):
            continue
        before = [name for name in ends if name.end <= match.start()]
        if not before:
            continue
        nearest = max(before, key=lambda name: name.end)
        if match.start() - nearest.end <= _NEAR_NAME or len(value) >= _SESSION_ALONE:
            evidence = (f"label:{nearest.term}", "shape:long-base64")
            yield _Found("session", match.start(), match.end(), evidence, _CONFIDENCE["session"])


# How sure a value is a secret, by what linked it: its shape alone, a separator after the
# name, the name as a label above it, adjacency, a comma, a verb a few words on.
_CONFIDENCE = {
    "shape": 0.95,
    "separator": 0.9,
    "label-above": 0.85,
    "adjacent": 0.8,
    "session": 0.8,
    "apposition": 0.7,
    "bridge": 0.7,
    "scan": 0.6,
}


def _keyword_values(text: str, model: TextModel, names: list[TermMatch], words: SecretWords) -> Iterator[_Found]:
    starts = {name.start for name in names}
    for name in names:
        kind = words.kinds.get(name.term, "password")
        if kind == "session":
            continue
        if kind == "bare hash":
            # "the hash is ...": an api_hash when the mail writes its api_id too, a file's checksum else.
            if compiled(_API_ID).search(text) is None:
                continue
            kind = "api-hash"
        if _names_something_else(text, name.end, words):
            continue
        if kind == "weak code" and _is_other_code(text, name.start, words):
            continue
        # A key pasted from code or JSON: `"api_hash": "..."`, `API_HASH='...'`.
        end = name.end + 1 if text[name.end : name.end + 1] in {'"', "'"} else name.end
        cursor = _skip_spaces(text, end)
        after_separator = _separator_at(text, cursor, words)
        if after_separator is not None and _skip_spaces(text, after_separator) in starts:
            continue  # "密码：验证码：58213": what follows is the next name's
        link = _value_after(text, model, name.start, end, kind, words, cursor, after_separator)
        if link is None:
            continue
        evidence = (f"label:{name.term}", link.how)
        confidence = _CONFIDENCE[link.how.partition(":")[0]]
        if kind == "api-hash":
            # The fix masks the api_id of the pair too.
            api_ids = tuple((m.start("value"), m.end("value")) for m in compiled(_API_ID).finditer(text))
            yield _Found(kind, link.start, link.end, evidence, confidence, also=api_ids)
        else:
            yield _Found(kind, link.start, link.end, evidence, confidence)


class _Link(NamedTuple):
    """A value linked to a secret's name, and how ("separator", "bridge:输入"...)."""

    start: int
    end: int
    how: str


def _names_something_else(text: str, end: int, words: SecretWords) -> bool:
    """ "密码提示", "password reset email": the word names something else."""
    after = text[end : end + 12].lstrip(_SPACES)
    found = words.not_the_secret.search(after)
    return found is not None and found.start == 0


def _is_other_code(text: str, start: int, words: SecretWords) -> bool:
    """ "error code 12345", "country code 86": a bare "code" that is not a login code."""
    before = text[max(0, start - 16) : start].rstrip(_SPACES + "-_")
    return any(q.end == len(before) for q in words.code_qualifiers.finditer(before))


def _skip_spaces(text: str, cursor: int) -> int:
    while cursor < len(text) and text[cursor] in _SPACES:
        cursor += 1
    return cursor


def _separator_at(text: str, cursor: int, words: SecretWords) -> int | None:
    """Where the value may start after the separators at `cursor`, or None when there are none.

    Separators may follow each other ("(it's 4417)", "是：") and a description of the
    value may stand before it ("是 4 位数字 2580", "is the 6-digit 482913").
    """
    start = cursor
    for _ in range(2):
        found = words.separators.search(text[cursor : cursor + 12])
        if found is None or found.start != 0:
            break
        label_end = cursor + found.end
        cursor = _skip_spaces(text, label_end)
        # A label on its own line: "密码：" then the value below it.
        below = _next_line(text, cursor) if text[label_end - 1] in ":：" else None
        if below is not None:
            cursor = below
    if cursor == start:
        return None
    described = words.descriptor.match(text, cursor)
    return _skip_spaces(text, described.end()) if described else cursor


def _next_line(text: str, cursor: int) -> int | None:
    """Where the next non-empty line starts, when nothing but spaces is left on the line at `cursor`."""
    cursor = _skip_spaces(text, cursor)
    for _ in range(_BLANK_LINES_BELOW_LABEL + 1):
        if text[cursor : cursor + 1] != "\n":
            return None
        cursor = _skip_spaces(text, cursor + 1)
        if cursor < len(text) and text[cursor] != "\n":
            return cursor
    return None


def _is_label(text: str, model: TextModel, start: int) -> bool:
    """Whether the name starting at `start` opens its line ("api_hash", "My password", "- 验证码")."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start]
    before = lead.strip(_SPACES + "-*•·#>")
    if len(before) > _LABEL_LEAD:
        return False
    # No clause ends on the way ("Note: password ..." is not a label).
    lead_start = line_start + len(lead) - len(lead.lstrip(_SPACES + "-*•·#>"))
    return model.clause_start(start) <= lead_start


def _value_after(
    text: str,
    model: TextModel,
    start: int,
    end: int,
    kind: str,
    words: SecretWords,
    cursor: int,
    after_separator: int | None,
) -> _Link | None:
    """The value the name at [start, end) names, and how it is linked to it; `cursor` is where the spaces after
    the name end, `after_separator` where the separators after them do (`_separator_at`)."""
    # A Chinese name bounds its value as a space does: "两步验证密码Tk#2024sz".
    spaced = cursor > end or is_han(text[end - 1 : end])
    if after_separator is None and kind in PASSWORD_KINDS:
        changed = _changed_to(text, model, start, end, kind, words)
        if changed is not None:
            return changed
    below = _next_line(text, cursor) if after_separator is None and _is_label(text, model, start) else None
    if after_separator is not None:
        span = _value_at(text, after_separator, kind, words, strength="separator")
        if span is not None:
            return _Link(*span, "separator")
    elif below is not None:
        # A label alone on its line ("api_hash", "Password") names the value on the next one.
        span = _value_at(text, below, kind, words, strength="adjacent")
        if span is not None:
            return _Link(*span, "label-above")
    elif kind in {"PIN", "code", "weak code", "recovery code"} or spaced:
        # "PIN码1234", "验证码 58213", "the code 12345 doesn't work", "密码 Lx@880915".
        span = _value_at(text, cursor, kind, words, strength="adjacent")
        if span is not None:
            return _Link(*span, "adjacent")
    if text[cursor : cursor + 1] in {",", "，"}:
        span = _apposition(text, model, cursor + 1, kind, words)
        if span is not None:
            return _Link(*span, "apposition")
    # Nothing links a far value without a bridge: the sentence and its negations are read only then.
    if kind not in PASSWORD_KINDS | CODE_KINDS or words.bridges.search(text[end : end + _BRIDGE_GAP]) is None:
        return None
    # "I never typed my password, I used Face ID": a clause that withholds the secret links no far
    # value; a value right after the name is in the draft whatever the sentence says.
    if model.withheld(start, reach=_LOOKBACK_FOR_NEGATION):
        return None
    return _bridged_value(text, model, start, end, kind, words)


def _changed_to(text: str, model: TextModel, start: int, end: int, kind: str, words: SecretWords) -> _Link | None:
    """ "I changed my two-step verification password to Summer!Lake2026": a verb that sets the secret, before its
    name in the clause, and "to" right after the name link the new value."""
    link = compiled(_CHANGED_TO).match(text, end)
    if link is None:
        return None
    lead = text[max(model.clause_start(start), start - _LOOKBACK_FOR_NEGATION) : start]
    if words.change_verbs.search(lead) is None:
        return None
    span = _value_at(text, link.end(), kind, words, strength="separator")
    return _Link(*span, "separator") if span is not None else None


# "to" between a secret's name and its new value.
_CHANGED_TO = r"[ \t]+to[ \t]+"


def _confirmed_before(text: str, model: TextModel, start: int, words: SecretWords) -> bool:
    """ "我从来没改过密码，一直是 ...", "I'm sure my password ...": the name's clause confirms its value."""
    if model.confirmed_before(start):
        return True
    lead = text[max(model.clause_start(start), start - _LOOKBACK_FOR_NEGATION) : start]
    return words.affirmations.search(lead) is not None


def _apposition(text: str, model: TextModel, cursor: int, kind: str, words: SecretWords) -> tuple[int, int] | None:
    """ "I forwarded him the code, 48120, without thinking": a value set off by commas."""
    if kind not in PASSWORD_KINDS | CODE_KINDS:
        return None
    token = compiled(_SCAN_TOKEN).match(text, _skip_spaces(text, cursor))
    if token is None or token.group()[:1] in _TOKEN_OPENERS:
        return None
    raw = token.group().rstrip(_TOKEN_CLOSERS)
    start, end = token.start(), token.start() + len(raw)
    closed = text[end : end + 1] in _APPOSITION_ENDS or _sentence_ends_at(model, end)
    if not raw or not closed or not _has_scanned_shape(text, start, end, kind, words):
        return None
    return start, end


def _bridged_value(text: str, model: TextModel, start: int, end: int, kind: str, words: SecretWords) -> _Link | None:
    """ "二步验证密码，我输入的是 Tk#2024sz", "the code I just got was 48213".

    A verb of using, receiving or sending links the name to a value a few words on; for
    a password it may stand in the next sentence ("...asks for my password. I'm typing
    Harbor.Light77"), since such a value cannot be mistaken for a word. A bare copula
    ("是", "is") links only within its clause, unless such a verb or a confirmation came
    first ("验证码我收到了，是 58213", "密码没有记错，就是 ..."): after a comma it may belong
    to anything ("文件名为 ..."). Within the name's own sentence the value need not follow
    the bridge at once ("I sent it: 52817", "I set last year — Granite!42x"), see `_scan_for_value`.
    """
    gap = text[end : end + _BRIDGE_GAP]
    allowed = 1 if kind in PASSWORD_KINDS - {"PIN"} else 0
    stops = _ends_within(model.text, model.sentences, end, end + len(gap), allowed + 1)
    sentence_end = stops[0] if stops else len(gap)
    if len(stops) > allowed:
        gap = gap[: stops[allowed]]
    other_name = words.keywords.search(gap)
    if other_name is not None:
        gap = gap[: other_name.start]  # from there on, a value is that secret's
        if words.bridges.search(gap) is None:
            return None  # the bridge seen was the next name's
    breaks = _ends_within(model.text, model.clauses, end, end + len(gap), 1)
    first_break = breaks[0] if breaks else None
    # "我从来没改过密码，一直是 ..." (a confirmation before the name) and "my password, as I
    # said, is ..." (a comma right after it, opening an aside) let a copula link past a comma.
    aside = gap.lstrip(_SPACES)[:1] in {",", "，"}
    if aside or _confirmed_before(text, model, start, words):
        confirmed = [0]
    else:
        confirmed = [found.end for found in words.affirmations.finditer(gap)]
        confirmed += [cue.end - end for cue in model.confirmations_in(end, end + len(gap))]
    verb_seen = False
    scan_from: int | None = None
    lookalikes = [(found.start, found.end) for found in words.not_bridges.finditer(gap)]
    for bridge in words.bridges.finditer(gap):
        if any(left < bridge.end and bridge.start < right for left, right in lookalikes):
            continue
        if bridge.start > sentence_end and bridge.start > _NEXT_SENTENCE_GAP:
            break
        is_copula = bridge.term in words.copulas
        if is_copula and _owned_by_other(gap[: bridge.start], words):
            continue  # "用户名是 ...", "my number is ...": that value is the username's, the number's
        after_break = first_break is not None and first_break < bridge.start
        # ", is ...", "，是 ...": a copula right after a comma has the name for its subject.
        takes_up_name = gap[: bridge.start].rstrip(_SPACES)[-1:] in {",", "，"}
        confirmed_here = takes_up_name or any(e <= bridge.start for e in confirmed)
        if is_copula and after_break and not verb_seen and not confirmed_here:
            continue
        verb_seen = verb_seen or not is_copula
        span = _value_right_after(text, end + bridge.end, kind, words)
        if span is not None:
            return _Link(*span, f"bridge:{bridge.term}")
        if scan_from is None and bridge.end <= sentence_end:
            scan_from = bridge.end
    if scan_from is None:
        return None
    span = _scan_for_value(text, end + scan_from, end + min(len(gap), sentence_end), kind, words)
    return _Link(*span, "scan") if span is not None else None


# What closes a sentence or a clause of the text model, and the closing quotes that may follow.
_CLOSING_MARKS = "。！？!?；;…，,：:."
_CLOSERS = "”’」』）)\"'"


def _mark_start(text: str, segment: Segment) -> int:
    """Where a sentence's or clause's closing mark begins ("。" of "…了。"), or its end when none
    closes it (a line break, a conjunction)."""
    stop = segment.end
    while stop > segment.start and text[stop - 1] in _CLOSERS:
        stop -= 1
    marks = stop
    while marks > segment.start and text[marks - 1] in _CLOSING_MARKS:
        marks -= 1
    return marks if marks < stop else segment.end


def _ends_within(text: str, segments: Sequence[Segment], start: int, stop: int, most: int) -> list[int]:
    """Where the first `most` sentences (or clauses) ending after `start` end, before `stop`:
    offsets from `start` of their closing marks."""
    found: list[int] = []
    # Walked by index: a slice would copy the rest of the draft's segments for every name.
    for index in range(bisect_right(segments, start, key=lambda segment: segment.end), len(segments)):
        at = max(start, _mark_start(text, segments[index]))
        if at >= stop or len(found) == most:
            break
        found.append(at - start)
    return found


def _sentence_ends_at(model: TextModel, offset: int) -> bool:
    """Whether a sentence's closing mark begins at `offset` ("48120." then a space)."""
    sentence = model.sentence_at(offset)
    return sentence is not None and sentence.end > offset and _mark_start(model.text, sentence) == offset


def _value_right_after(text: str, cursor: int, kind: str, words: SecretWords) -> tuple[int, int] | None:
    """The value right after a bridge, past "的", "了", "成" and a separator ("我输入的是：...")."""
    cursor = _skip_spaces(text, cursor)
    while cursor < len(text) and text[cursor] in "的了成着":
        cursor += 1
    cursor = _skip_spaces(text, cursor)
    after_separator = _separator_at(text, cursor, words)
    span = _value_at(text, cursor if after_separator is None else after_separator, kind, words, strength="bridge")
    if span is None:
        return None
    # A few words on, "2019" is a year and "Telegram10" an app, whatever the verb.
    value = text[span[0] : span[1]]
    if compiled(_YEAR).match(value) or words.lookalikes.search(value) or _counts_something(text, span[1], words):
        return None
    return span


def _counts_something(text: str, end: int, words: SecretWords) -> bool:
    """ "got 12345 unread messages": a number before a noun counts it; a code is followed by
    punctuation or a little word ("typed 38491 into the box")."""
    if not text[end - 1 : end].isdigit():
        return False
    word = compiled(_NEXT_WORD).match(text, end)
    return word is not None and word.group(1).lower() not in words.value_followers


def _ends_with(terms: Lexicon, before: str) -> bool:
    """Whether one of `terms` ends `before` (spaces and a colon aside)."""
    before = before.rstrip(_SPACES + ":：")
    return any(found.end == len(before) for found in terms.finditer(before))


def _scan_for_value(text: str, start: int, stop: int, kind: str, words: SecretWords) -> tuple[int, int] | None:
    """The first token of the secret's shape between a bridge and the end of the sentence.

    Only a shape no word, date, version, amount or phone number has counts here
    ("I sent it: 52817", "the 2FA password I set last year — Granite!42x"), and not
    after a name that owns the value ("...my username is john88") or a word that makes
    it something else ("on iPhone15", "at 1030", "尾号 8804").
    """
    for token in compiled(_SCAN_TOKEN).finditer(text, start, stop):
        raw = token.group().lstrip(_TOKEN_OPENERS).rstrip(_TOKEN_CLOSERS)
        raw_start = token.start() + len(token.group()) - len(token.group().lstrip(_TOKEN_OPENERS))
        raw_end = raw_start + len(raw)
        # Most tokens are words: their shape rules them out before the words around them are read.
        if not raw or not _has_scanned_shape(text, raw_start, raw_end, kind, words):
            continue
        if _counts_something(text, raw_end, words):
            continue
        # Once an owner stands before a token it stands before every later one too: testing it
        # here, at tokens of the secret's shape only, stops the scan where testing every token would.
        if words.value_owners.search(text[start : token.start()]) is not None:
            return None
        before = text[max(start, raw_start - 24) : raw_start]
        if _introduced_as_other(before, words):
            continue
        # A bare "code" may be source code ("the code I wrote sets 30000 as ..."): its value
        # must be set off ("I sent it: 52817").
        if kind == "weak code" and before.rstrip(_SPACES)[-1:] not in _SET_OFF:
            continue
        return raw_start, raw_end
    return None


def _introduced_as_other(before: str, words: SecretWords) -> bool:
    """ "on iPhone15", "at 1030", "尾号是 8804", "user id: 5012345": the value is something else's.

    A value set off by a dash or a colon is not a preposition's ("when I turned it on — ...").
    """
    set_off = before.rstrip(_SPACES)[-1:] in _SET_OFF
    before = before.rstrip(_SPACES + _TOKEN_OPENERS + ":：=")
    copula = [found for found in words.bridges.finditer(before) if found.term in words.copulas]
    if copula and copula[-1].end == len(before):
        before = before[: copula[-1].start].rstrip(_SPACES + ":：")
    return _owned_by_other(before, words) or (not set_off and _ends_with(words.value_prepositions, before))


def _owned_by_other(before: str, words: SecretWords) -> bool:
    return _ends_with(words.value_blockers, before) or _ends_with(words.value_owners, before)


def _has_scanned_shape(text: str, start: int, end: int, kind: str, words: SecretWords) -> bool:
    raw = text[start:end]
    if kind in {"code", "weak code", "PIN"}:
        return _is_standalone_code(text, start, end, kind, words)
    if raw.isdigit():  # a password of digits only is as likely a date or an ID
        return kind == "recovery code" and _is_standalone_code(text, start, end, kind, words)
    if words.lookalikes.search(raw):
        return False
    if kind == "recovery code":
        return bool(compiled(_RECOVERY_CODE).fullmatch(raw))
    return _looks_like_secret(raw, kind, words, "bridge", text, end)


def _is_standalone_code(text: str, start: int, end: int, kind: str, words: SecretWords) -> bool:
    """4-8 digits on their own: not a year, a count, a part of a longer number or a decimal."""
    raw = text[start:end]
    if not compiled(_SCANNED_CODE).fullmatch(raw) or compiled(_YEAR).match(raw):
        return False
    digits = sum(c.isdigit() for c in raw)
    wanted = (5, 6) if kind == "weak code" else (4, 8)
    if not wanted[0] <= digits <= wanted[1] or _followed_by_unit(text, end, words):
        return False
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    # "+1 206 555 0183", "1 234 567": one group of a longer number; "$5000", "No.12345".
    if re.fullmatch(r"\d[ \t]", before) or re.fullmatch(r"[ \t]\d", after):
        return False
    return not (before[-1:] in _NUMBER_PREFIXES or re.match(r"[.,:/]\d", after))


def _value_at(text: str, cursor: int, kind: str, words: SecretWords, strength: str) -> tuple[int, int] | None:
    if kind in {"PIN", "code", "weak code"}:
        return _digit_value_at(text, cursor, kind, words)
    match = compiled(_VALUE).match(text, cursor)
    if match is None:
        return None
    raw = match.group("value").rstrip(".,:;)")
    start = match.start("value")
    if not _looks_like_secret(raw, kind, words, strength, text, start + len(raw)):
        return None
    return start, start + len(raw)


def _digit_value_at(text: str, cursor: int, kind: str, words: SecretWords) -> tuple[int, int] | None:
    match = compiled(_DIGIT_CODE).match(text, cursor)
    if match is None:
        return None
    raw = match.group("value")
    digits = re.sub(r"\D", "", raw)
    end = match.end("value")
    if end < len(text) and ((text[end].isalnum() and text[end].isascii()) or text[end] in "*＊"):
        return None  # part of a longer word, a masked value or an identifier
    wanted = (5, 6) if kind == "weak code" else (4, 8)
    if not wanted[0] <= len(digits) <= wanted[1] or _followed_by_unit(text, end, words):
        return None
    return match.start("value"), end


def _followed_by_unit(text: str, end: int, words: SecretWords) -> bool:
    after = text[end : end + 12].lstrip(_SPACES)
    unit = words.units.search(after)
    return unit is not None and unit.start == 0


def _looks_like_secret(raw: str, kind: str, words: SecretWords, strength: str, text: str, end: int) -> bool:
    if len(raw) < 4 or words.mask.search(raw) or raw.lower().strip("<>[](){}") in words.placeholders:
        return False
    if compiled(_EMAIL_OR_URL).search(raw) or compiled(_DATE_OR_TIME).match(raw):
        return False
    # The value cut from a link at its "?" ("/reset" of "/reset?token=abc123"): the whole run is the link.
    if raw.startswith("/"):
        rest = compiled(r"[^\s\"'”’]*").match(text, end)
        if compiled(_EMAIL_OR_URL).search(raw + (rest.group() if rest else "")):
            return False
    if kind == "api-hash":
        return bool(compiled(_API_HASH).fullmatch(raw))
    if kind == "token":
        return bool(compiled(_GENERIC_TOKEN).fullmatch(raw) and re.search(r"\d", raw) and re.search(r"[A-Za-z]", raw))
    if kind == "recovery code":
        return bool(re.search(r"\d", raw)) and not _followed_by_unit(text, end, words)
    if raw.isdigit():
        if compiled(_YEAR).match(raw) or _followed_by_unit(text, end, words):
            return False
        return len(raw) >= 6 or strength == "separator"
    has_digit = any(c.isdigit() for c in raw)
    has_letter = any(c.isalpha() for c in raw)
    # A symbol that only joins a word ("don't", "Wi-Fi") is not a password's.
    has_symbol = not compiled(_PLAIN_WORD).fullmatch(raw) and any(not c.isalnum() for c in raw)
    if strength == "bridge" or strength == "adjacent":
        # No separator says "here comes the value": only a value that cannot be a word counts.
        return len(raw) >= 6 and has_letter and (has_digit or has_symbol)
    return has_digit or (has_symbol and has_letter)
