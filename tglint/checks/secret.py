"""Secret rules: 不要提供密码或PIN码 — real support never asks for a password or PIN.

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

A label alone on its line ("Password", "api_hash", "验证码：") names the value on the next
non-empty line. Secrets are looked for wherever the mail carries them: the writer's body text,
their own earlier mail quoted in it (`Analysis.own_quoted_text`; someone else's quoted words are
not searched), the subject (decoded and unfolded) and the attached files' names.

Masks and placeholders are not values (`******`, `<redacted>`, "已隐藏"), neither are
words ("my password is not working", "密码已经改过了"), counts and times ("验证码 60 秒",
"10:25"), and a negated clause ("我没有提供PIN码", "I never typed my password") links
no value a few words on, unless the negation confirms it ("密码没有记错，就是 ...").
Each secret is found once, by one rule, and its value never appears in a message: the
report shows at most a masked hint, and the fix replaces it by a mask.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache
from typing import Any, ClassVar, NamedTuple

from tglint.analysis import Analysis
from tglint.lexicon import Lexicon, TermMatch, lexicon
from tglint.masking import mask_text
from tglint.models import Edit, Fix, Hit, Severity
from tglint.packs import strings
from tglint.patterns import compiled
from tglint.rule import Rule, RuleDoc
from tglint.spans import SpanSet

# -- shapes -----------------------------------------------------------------------------

# Telegram's docs show a 6-digit bot id; real ones have 8-10 digits. The secret part is
# 35 characters in practice.
BOT_TOKEN = re.compile(r"(?<![\w:/-])(?P<id>\d{6,12}):(?P<secret>[A-Za-z0-9_-]{30,40})(?![\w-])")
# What every bot token holds, looked for from its ":", a character `re` finds quickly.
_BOT_TOKEN_CORE = r":(?<=\d:)[A-Za-z0-9_-]{30}"
_API_HASH = r"(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])"
_API_ID = r"(?i)\bapi[_ -]?id\b\W{0,4}(?P<value>\d{4,10})\b"
_LONG_TOKEN = r"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{40,}={0,2}(?![A-Za-z0-9+/=_-])"
_LONG_RUN = r"[A-Za-z0-9+/_-]{40}"
_GENERIC_TOKEN = r"[A-Za-z0-9_\-.]{20,}"

# A value runs to the next space or sentence punctuation; CJK characters end it too,
# since a Chinese sentence goes on right after the value ("密码是abc123，请帮忙").
# "!" and "?" end it only where a value would end ("Hunter2024!"), not inside one ("Granite!42x").
_VALUE_END = r"\s，。；、！？,;!?\"'“”‘’「」『』【】）)\u3400-\u9fff"
_VALUE = rf"[\"'“‘「『【\[(（<]?(?P<value>(?:[^{_VALUE_END}]|[!?](?=[^{_VALUE_END}])){{1,128}})"
_DIGIT_CODE = r"(?P<value>\d{4,8}|\d{2,4}[ -]\d{2,4})(?![:：.,/]?\d)"
_SPACES = " \t\u00a0\u3000"
# "!" and "?" inside a token ("Granite!42x") end nothing.
_CLAUSE_END = r"[。！？\n；;]|[.!?](?=\s|$)"
_CLAUSE_BREAK = r"[。！？\n；;，,]|[.!?](?=\s|$)"
_EMAIL_OR_URL = r"(?i)^[^@\s]+@[^@\s]+\.\w+$|^(?:https?://|www\.)|^@\w"
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


class SecretValue(NamedTuple):
    kind: str  # "password", "PIN", "code", "bot token", "api-hash", "session", "token"...
    start: int
    end: int
    # More spans the fix masks with it (the api_id next to an api_hash).
    also: tuple[tuple[int, int], ...] = ()
    part: str = "body"  # "body", "subject" or "attachments" (the attached files' names, one a line)
    quoted: bool = False  # in the writer's own earlier mail, quoted in the body


# -- the pack ---------------------------------------------------------------------------------


class SecretWords:
    """The secrets pack, compiled once per pack table (`secret_words`).

    The word lists are read and checked at once (a malformed pack fails here) but compiled when
    first needed: a draft that names no secret needs none of them but the names.
    """

    def __init__(self, table: dict[str, Any]) -> None:
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
        mask = re.escape(str(table.get("mask_characters", "*")))
        self.mask = re.compile(f"[{mask}]{{3,}}|^[{mask}]+$|^<[^>]*>?$|^\\[[^\\]]*\\]?$")

    def _lexicon(self, *keys: str) -> Lexicon:
        return lexicon([word for key in keys for word in self._lists[key]])

    @cached_property
    def keywords(self) -> Lexicon:
        """The names of secrets ("密码", "PIN码", "login code", "api_hash"), each with its kind in `kinds`."""
        return lexicon(list(self.kinds))

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
    def negations(self) -> Lexicon:
        return self._lexicon("negations")

    @cached_property
    def negation_idioms(self) -> Lexicon:
        """ "没有记错", "didn't forget": a negation that confirms the value instead of withholding it."""
        return self._lexicon("negation_idioms")

    @cached_property
    def affirmations(self) -> Lexicon:
        """ "我确定", "没记错", "I'm sure": like a verb, they let a copula after a comma link the value."""
        return self._lexicon("affirmations", "negation_idioms")

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
    def code_qualifiers(self) -> Lexicon:
        return self._lexicon("code_qualifiers")

    @cached_property
    def units(self) -> Lexicon:
        return self._lexicon("value_units")


# In the order they were always read, so that a malformed pack names the same list.
_WORD_LISTS = (
    "separators",
    "bridges",
    "copulas",
    "not_bridges",
    "negations",
    "negation_idioms",
    "affirmations",
    "value_owners",
    "value_blockers",
    "code_qualifiers",
    "value_prepositions",
    "value_followers",
    "not_the_secret",
    "value_units",
    "placeholders",
)


def secret_words(analysis: Analysis) -> SecretWords:
    return _secret_words(_Frozen(analysis.pack("secrets")))


class _Frozen:
    """A pack table made hashable by identity, so its compiled form is cached per table."""

    def __init__(self, table: dict[str, Any]) -> None:
        self.table = table

    def __hash__(self) -> int:
        return id(self.table)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Frozen) and other.table is self.table


@lru_cache(maxsize=16)
def _secret_words(frozen: _Frozen) -> SecretWords:
    return SecretWords(frozen.table)


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")


# -- finding secrets ----------------------------------------------------------------------------


def find_secrets(analysis: Analysis) -> list[SecretValue]:
    """Every secret in the writer's body text, each once (shapes win over keyword guesses)."""
    return analysis.memo(find_secrets, lambda: _secrets_in(analysis.body_text, secret_words(analysis)))


def find_all_secrets(analysis: Analysis) -> list[SecretValue]:
    """Every secret the mail would send: in the writer's body text, in their own earlier mail quoted
    in it, in the subject and in the attached files' names."""
    return analysis.memo(find_all_secrets, lambda: _find_all_secrets(analysis))


def _find_all_secrets(analysis: Analysis) -> list[SecretValue]:
    words = secret_words(analysis)
    found = list(find_secrets(analysis))
    if analysis.own_quoted_text:
        found += [secret._replace(quoted=True) for secret in _secrets_in(analysis.own_quoted_text, words)]
    if analysis.subject_text.strip():
        # A folded subject is one line to its reader.
        subject = analysis.subject_text.replace("\r", " ").replace("\n", " ")
        found += [secret._replace(part="subject") for secret in _secrets_in(subject, words)]
    attachments = analysis.draft.parts.get("attachments")
    if attachments is not None:
        offset = 0
        for name in attachments.text.split("\n"):
            found += [
                secret._replace(part="attachments", start=offset + secret.start, end=offset + secret.end, also=())
                for secret in _secrets_in(_file_name_words(name), words)
            ]
            offset += len(name) + 1
    return found


def _file_name_words(name: str) -> str:
    """A file name read as words, offsets kept: "my_password_Tr0ub4dor.txt" -> "my password Tr0ub4dor    "."""
    words = name.replace("_", " ")
    extension = compiled(_EXTENSION).search(words)
    return words[: extension.start()] + " " * len(extension.group()) if extension else words


def _secrets_in(text: str, words: SecretWords) -> list[SecretValue]:
    names = words.keywords.find(text)
    # Kept sorted and disjoint, so a candidate can only overlap its neighbours: a pasted mail
    # may hold thousands of secrets.
    found: list[SecretValue] = []
    spans = SpanSet()
    for candidate in (
        *_bot_tokens(text),
        *_session_strings(text, names, words),
        *_keyword_values(text, names, words),
    ):
        if not spans.overlaps(candidate.start, candidate.end):
            found.append(candidate)
            spans.add(candidate.start, candidate.end)
    return sorted(found, key=lambda s: s.start)


def _bot_tokens(text: str) -> Iterator[SecretValue]:
    if not compiled(_BOT_TOKEN_CORE).search(text):
        return
    for match in BOT_TOKEN.finditer(text):
        secret = match.group("secret")
        if re.search(r"[xX*]{4,}", secret) or not re.search(r"[A-Za-z]", secret):
            continue  # "123456:xxxxxxxx..." is a placeholder
        yield SecretValue("bot token", match.start(), match.end())


def _session_strings(text: str, names: list[TermMatch], words: SecretWords) -> Iterator[SecretValue]:
    """A long base64-like run near "session", or anywhere after it when it is very long."""
    ends = [name.end for name in names if words.kinds.get(name.term) == "session"]
    if not ends or not compiled(_LONG_RUN).search(text):
        return
    for match in compiled(_LONG_TOKEN).finditer(text):
        value = match.group()
        if not (re.search(r"\d", value) and re.search(r"[a-z]", value) and re.search(r"[A-Z]", value)):
            continue
        distances = [match.start() - end for end in ends if end <= match.start()]
        if distances and (min(distances) <= _NEAR_NAME or len(value) >= _SESSION_ALONE):
            yield SecretValue("session", match.start(), match.end())


def _keyword_values(text: str, names: list[TermMatch], words: SecretWords) -> Iterator[SecretValue]:
    for name in names:
        kind = words.kinds.get(name.term, "password")
        if kind == "session":
            continue
        if _names_something_else(text, name.end, words):
            continue
        if kind == "weak code" and _is_other_code(text, name.start, words):
            continue
        # A key pasted from code or JSON: `"api_hash": "..."`, `API_HASH='...'`.
        end = name.end + 1 if text[name.end : name.end + 1] in {'"', "'"} else name.end
        # "I never typed my password, I used Face ID": a negated clause links no far value;
        # a value right after the name is in the draft whatever the sentence says.
        clause = _clause_before(text, name.start)
        span = _value_after(
            text,
            end,
            kind,
            words,
            far=not _is_negated(clause, words),
            confirmed=words.affirmations.search(clause) is not None,
            start=name.start,
        )
        if span is None:
            continue
        if kind == "api-hash":
            # The fix masks the api_id of the pair too.
            api_ids = tuple((m.start("value"), m.end("value")) for m in compiled(_API_ID).finditer(text))
            yield SecretValue(kind, *span, also=api_ids)
        else:
            yield SecretValue(kind, *span)


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - _LOOKBACK_FOR_NEGATION) : start]
    breaks = list(compiled(_CLAUSE_BREAK).finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _is_negated(clause: str, words: SecretWords) -> bool:
    """ "我没有提供PIN码", "I never shared my password": the clause says no value is given.

    An idiom that confirms the value ("我没有记错", "I didn't forget") is no such negation.
    """
    idioms = [(idiom.start, idiom.end) for idiom in words.negation_idioms.finditer(clause)]
    return any(
        not any(left <= negation.start and negation.end <= right for left, right in idioms)
        for negation in words.negations.finditer(clause)
    )


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


def _is_label(text: str, start: int) -> bool:
    """Whether the name starting at `start` opens its line ("api_hash", "My password", "- 验证码")."""
    before = text[text.rfind("\n", 0, start) + 1 : start].strip(_SPACES + "-*•·#>")
    return len(before) <= _LABEL_LEAD and compiled(_CLAUSE_BREAK).search(before) is None


def _value_after(
    text: str, end: int, kind: str, words: SecretWords, far: bool, confirmed: bool, start: int = 0
) -> tuple[int, int] | None:
    cursor = _skip_spaces(text, end)
    spaced = cursor > end
    after_separator = _separator_at(text, cursor, words)
    below = _next_line(text, cursor) if after_separator is None and _is_label(text, start) else None
    if after_separator is not None:
        span = _value_at(text, after_separator, kind, words, strength="separator")
        if span is not None:
            return span
    elif below is not None:
        # A label alone on its line ("api_hash", "Password") names the value on the next one.
        span = _value_at(text, below, kind, words, strength="adjacent")
        if span is not None:
            return span
    elif kind in {"PIN", "code", "weak code", "recovery code"} or spaced:
        # "PIN码1234", "验证码 58213", "the code 12345 doesn't work", "密码 Lx@880915".
        span = _value_at(text, cursor, kind, words, strength="adjacent")
        if span is not None:
            return span
    if text[cursor : cursor + 1] in {",", "，"}:
        span = _apposition(text, cursor + 1, kind, words)
        if span is not None:
            return span
    return _bridged_value(text, end, kind, words, confirmed) if far else None


def _apposition(text: str, cursor: int, kind: str, words: SecretWords) -> tuple[int, int] | None:
    """ "I forwarded him the code, 48120, without thinking": a value set off by commas."""
    if kind not in PASSWORD_KINDS | CODE_KINDS:
        return None
    token = compiled(_SCAN_TOKEN).match(text, _skip_spaces(text, cursor))
    if token is None or token.group()[:1] in _TOKEN_OPENERS:
        return None
    raw = token.group().rstrip(_TOKEN_CLOSERS)
    start, end = token.start(), token.start() + len(raw)
    closed = text[end : end + 1] in _APPOSITION_ENDS or compiled(_CLAUSE_END).match(text, end)
    if not raw or not closed or not _has_scanned_shape(text, start, end, kind, words):
        return None
    return start, end


def _bridged_value(
    text: str, end: int, kind: str, words: SecretWords, confirmed_before: bool
) -> tuple[int, int] | None:
    """ "二步验证密码，我输入的是 Tk#2024sz", "the code I just got was 48213".

    A verb of using, receiving or sending links the name to a value a few words on; for
    a password it may stand in the next sentence ("...asks for my password. I'm typing
    Harbor.Light77"), since such a value cannot be mistaken for a word. A bare copula
    ("是", "is") links only within its clause, unless such a verb or a confirmation came
    first ("验证码我收到了，是 58213", "密码没有记错，就是 ..."): after a comma it may belong
    to anything ("文件名为 ..."). Within the name's own sentence the value need not follow
    the bridge at once ("I sent it: 52817", "I set last year — Granite!42x"), see `_scan_for_value`.
    """
    if kind not in PASSWORD_KINDS | CODE_KINDS:
        return None
    gap = text[end : end + _BRIDGE_GAP]
    stops = list(compiled(_CLAUSE_END).finditer(gap))
    sentence_end = stops[0].start() if stops else len(gap)
    allowed = 1 if kind in PASSWORD_KINDS - {"PIN"} else 0
    if len(stops) > allowed:
        gap = gap[: stops[allowed].start()]
    other_name = words.keywords.search(gap)
    if other_name is not None:
        gap = gap[: other_name.start]  # from there on, a value is that secret's
    first_break = compiled(_CLAUSE_BREAK).search(gap)
    # "我从来没改过密码，一直是 ..." (a confirmation before the name) and "my password, as I
    # said, is ..." (a comma right after it, opening an aside) let a copula link past a comma.
    aside = gap.lstrip(_SPACES)[:1] in {",", "，"}
    confirmed = [0] if confirmed_before or aside else [found.end for found in words.affirmations.finditer(gap)]
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
        after_break = first_break is not None and first_break.start() < bridge.start
        # ", is ...", "，是 ...": a copula right after a comma has the name for its subject.
        takes_up_name = gap[: bridge.start].rstrip(_SPACES)[-1:] in {",", "，"}
        confirmed_here = takes_up_name or any(e <= bridge.start for e in confirmed)
        if is_copula and after_break and not verb_seen and not confirmed_here:
            continue
        verb_seen = verb_seen or not is_copula
        span = _value_right_after(text, end + bridge.end, kind, words)
        if span is not None:
            return span
        if scan_from is None and bridge.end <= sentence_end:
            scan_from = bridge.end
    if scan_from is None:
        return None
    return _scan_for_value(text, end + scan_from, end + min(len(gap), sentence_end), kind, words)


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


# -- rules ------------------------------------------------------------------------------------------


class _Wording(NamedTuple):
    en_name: str
    en_advice: str
    zh_name: str
    zh_advice: str


_CHANGE_IT = ("delete it and change it now", "请删除并立即修改")
_WORDING = {
    "password": _Wording("A password", _CHANGE_IT[0], "密码", _CHANGE_IT[1]),
    "two-step verification password": _Wording(
        "A two-step verification password", _CHANGE_IT[0], "二步验证密码", _CHANGE_IT[1]
    ),
    "PIN": _Wording("A PIN", _CHANGE_IT[0], "PIN码", _CHANGE_IT[1]),
    "code": _Wording("A login code", "delete it and never pass a code on", "验证码", "请删除，验证码不要告诉任何人"),
    "weak code": _Wording(
        "A login code", "delete it and never pass a code on", "验证码", "请删除，验证码不要告诉任何人"
    ),
    "recovery code": _Wording("A recovery code", "delete it", "恢复码", "请删除"),
    "bot token": _Wording(
        "A bot token", "delete it and revoke it with @BotFather", "机器人 Token", "请删除并在 @BotFather 中重新生成"
    ),
    "token": _Wording("A token or key", "delete it and revoke it", "令牌/密钥", "请删除并重新生成"),
    "api-hash": _Wording("An api_hash (with its api_id)", "delete them", "api_id/api_hash", "请删除"),
    "session": _Wording(
        "A session string",
        "delete it and terminate that session in Settings > Devices",
        "会话字符串（session）",
        "请删除并在“设置 > 设备”中终止该会话",
    ),
}


class _SecretRule(Rule):
    category = "secret"
    severity = Severity.ERROR
    kinds: ClassVar[frozenset[str]]
    checks_alternatives = True

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for secret in find_all_secrets(analysis):
            if secret.kind not in self.kinds:
                continue
            text = _part_text(analysis, secret.part)
            hint = mask_text(text[secret.start : secret.end])[:9]
            wording = _WORDING.get(secret.kind, _WORDING["password"])
            # An attachment cannot be renamed by editing the draft's text.
            fix = None
            if secret.part != "attachments":
                edits = tuple(
                    Edit(secret.part, start, end, "********")
                    for start, end in sorted({(secret.start, secret.end), *secret.also})
                )
                fix = Fix("Replace the secret with a mask", "safe", edits)
            yield Hit(
                secret.part,
                secret.start,
                secret.end,
                _message(analysis, secret, wording, hint),
                fix=fix,
                sensitive=True,
            )


def _part_text(analysis: Analysis, name: str) -> str:
    part = analysis.draft.parts.get(name)
    return part.text if part is not None else ""


def _message(analysis: Analysis, secret: SecretValue, wording: _Wording, hint: str) -> str:
    never = ("Telegram support never asks for it.", "Telegram官方绝不会索要它。")
    if secret.part == "attachments":
        return analysis.say(
            en=f"{wording.en_name} is in the name of an attached file ({hint}): rename the file; {never[0]}",
            zh=f"附件的文件名中含有{wording.zh_name}（{hint}）：请重命名该文件，{never[1]}",
        )
    if secret.part == "subject":
        return analysis.say(
            en=f"{wording.en_name} is written in the subject ({hint}): {wording.en_advice}; {never[0]}",
            zh=f"邮件主题中写有{wording.zh_name}（{hint}）：{wording.zh_advice}，{never[1]}",
        )
    if secret.quoted:
        return analysis.say(
            en=f"{wording.en_name} is written in your earlier mail quoted here ({hint}), which this reply "
            f"sends again: {wording.en_advice}; {never[0]}",
            zh=f"引用的您之前的邮件中写有{wording.zh_name}（{hint}），回复会再次发出：{wording.zh_advice}，{never[1]}",
        )
    return analysis.say(
        en=f"{wording.en_name} is written in the draft ({hint}): {wording.en_advice}; {never[0]}",
        zh=f"草稿中写有{wording.zh_name}（{hint}）：{wording.zh_advice}，{never[1]}",
    )


class PasswordInDraft(_SecretRule):
    code = "TG501"
    name = "password-in-draft"
    kinds = PASSWORD_KINDS
    summary = "A password, two-step verification password or PIN is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a password, two-step verification (cloud) password, passcode or PIN written out in the "
            "draft: the name of the secret, a separator (`:`, `is`, `是`, `为`) or a short bridge "
            '("I used", "我输入的是", "which I set years ago, is"), then a value later in the same sentence. '
            "Masks, placeholders and sentences that merely mention a password are not flagged. Like every "
            "secret rule it also looks at the subject, the line below a label alone on its line, the "
            "writer's own earlier mail quoted in a reply, and attached files' names."
        ),
        why=(
            "The guide: 不要提供密码或PIN码, and 真正的Telegram官方客服绝不会要求您提供密码、PIN码等敏感信息. "
            "Anyone who reads the mail on its way can take over the account."
        ),
        bad=("To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\nMy password is Hunter2024!\n"),
        good=(
            "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\n"
            ""
            "I have not shared my password with anyone. Password: ******\n"
        ),
        fix="Safe: the value is replaced by a mask; change the password afterwards all the same.",
        more_bad=(
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n我的二步验证密码是 abc12345，PIN码：4821。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "系统让我输入二步验证密码，我输入的是 Tk#2024sz，提示错误。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "我确定二步验证密码没有记错，一直就是 Qing#2021lan。\n",
            "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\nMy new password\nMaple#2291\n",
        ),
        more_good=(
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "我设置了二步验证密码和PIN码（不在邮件里写出）。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "系统让我输入二步验证密码，我输入后提示错误。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n我确定二步验证密码没有记错，一直没有改过。\n",
            "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\n"
            "My new password\nis set, and I will not write it here.\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "密码已经改过了，我没有提供PIN码。密码：******\n",
        ),
    )


class LoginCodeInDraft(_SecretRule):
    code = "TG502"
    name = "login-code-in-draft"
    kinds = CODE_KINDS
    summary = "A login, SMS or verification code, or a recovery code, is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a login code, SMS or verification code, or a recovery/backup code written out in the "
            'draft ("验证码是 58213", "login code 12345", "the code I got was 48213", "he asked for the '
            'login code and I sent it: 52817").'
        ),
        why=(
            "A login code is the key to the account while it is valid: the guide's 不要提供密码或PIN码 covers it, "
            "and Telegram's own message says never to give it to anyone. Support only needs to know that a code "
            "arrived (or did not), and when."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Login fails\n\n"
            ""
            "The code I got was 48213 but it says invalid.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Login fails\n\n"
            ""
            "I did not receive the login code. Error code 400.\n"
        ),
        fix="Safe: the code is replaced by a mask.",
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 验证码无效\n\n验证码是 58213，输入后提示无效。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 登录码被骗\n\n"
            "他又要一次验证码，我把 55821 也发给了他。\n",
            "To: support@telegram.org\nSubject: [Technical Issue] - login code 73918 rejected\n\n"
            "The app says the code is invalid.\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 验证码无效\n\n我收到了验证码，输入后提示无效。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 登录码被骗\n\n"
            "他又要一次验证码，我把新收到的验证码也发给了他。\n",
            "To: support@telegram.org\nSubject: [Technical Issue] - login code rejected\n\n"
            "The app says the code is invalid.\n",
            "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n验证码收不到，60 秒后重发也没有。\n",
        ),
    )


class TokenInDraft(_SecretRule):
    code = "TG503"
    languages = frozenset({"*"})  # a draft in any language
    name = "bot-token-in-draft"
    kinds = frozenset({"bot token", "token"})
    summary = "A bot token or an API key is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a Telegram bot token (`<bot id>:<about 35 letters, digits, _ and ->`) anywhere in the "
            "writer's text, and a key or access token written after its name."
        ),
        why=(
            "A bot token is the bot's password: whoever has it controls the bot. The guide: 不要提供密码或PIN码; "
            "support can identify a bot by its @username."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Bot stopped answering\n\n"
            ""
            "Bot token: 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Bot stopped answering\n\n"
            ""
            "The bot is @example_notice_bot; I have revoked its token with @BotFather.\n"
        ),
        fix="Safe: the token is replaced by a mask; revoke it with @BotFather all the same.",
        more_bad=(
            "To: support@telegram.org\nSubject: [功能咨询] - Bot API 用法\n\n"
            ""
            "Token：6284713905:AAHk3vQ9pZ2LmN8xR4tY7uW1bC5dE0fGh-s\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [功能咨询] - Bot API 用法\n\n"
            "机器人是 @qinglan_notice_bot，Token 已重置。\n",
        ),
    )


class ApiCredentialsInDraft(_SecretRule):
    code = "TG504"
    languages = frozenset({"*"})  # a draft in any language
    name = "api-hash-in-draft"
    kinds = frozenset({"api-hash"})
    summary = "An api_hash (with its api_id) is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags an api_hash (32 hexadecimal digits) written after its name (`api_hash: ...`, "
            '`api_hash = "..."`, `api_hash 是 ...`); the fix masks the api_id beside it too.'
        ),
        why=(
            "The api_id/api_hash pair identifies an application to Telegram's API and must stay private "
            "(guide: 不要提供密码或PIN码; 保护个人隐私和敏感数据). Support needs the app's name, not its keys."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - API_ID_INVALID\n\n"
            ""
            "api_id: 1234567\napi_hash: 0123456789abcdef0123456789abcdef\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - API_ID_INVALID\n\n"
            ""
            "My app's api_id was created on my.telegram.org; the api_hash is not included here.\n"
        ),
        fix="Safe: the api_hash and the api_id are replaced by masks.",
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - API 报错\n\n"
            "我的 api_hash 是 a3f9c2e18b7d4f6091c2b3a4d5e6f708。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - API 报错\n\n"
            "api_hash 已隐藏，文件 MD5 为 d41d8cd98f00b204e9800998ecf8427e。\n",
        ),
    )


class SessionStringInDraft(_SecretRule):
    code = "TG505"
    languages = frozenset({"*"})  # a draft in any language
    name = "session-string-in-draft"
    kinds = frozenset({"session"})
    summary = "A session string (a logged-in session's key) is written in the draft."
    doc = RuleDoc(
        what=(
            'Flags a long base64-like string written near "session", "string session", "会话" or '
            '"auth_key": an exported login session (Telethon/Pyrogram string sessions).'
        ),
        why=(
            "A session string is a logged-in account: whoever has it reads and writes as you, with no code "
            "and no password. The guide: 不要提供密码或PIN码."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Session revoked\n\n"
            ""
            "My session string: 1BVtsOKABu4xZk3n7QpR2sT9vW8yA5bC6dE1fG2hI3jK4lM5nO6pQ7rS8tU9vW0xY1zA2bC3dE4fG\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Session revoked\n\n"
            ""
            "My Telethon session was revoked at 10:30 UTC; I can send the error message.\n"
        ),
        fix="Safe: the session string is replaced by a mask; terminate that session all the same.",
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 会话失效\n\n"
            "会话字符串如下：\nAQAxYz12bC34dE56fG78hI90jK12lM34nO56pQ78rS90tU12vW34xY56zA78bC90dE12\n",
        ),
        more_good=("To: support@telegram.org\nSubject: [技术问题] - 会话失效\n\n我在“设备”里终止了这个会话。\n",),
    )


RULES: tuple[type[Rule], ...] = (
    PasswordInDraft,
    LoginCodeInDraft,
    TokenInDraft,
    ApiCredentialsInDraft,
    SessionStringInDraft,
)
