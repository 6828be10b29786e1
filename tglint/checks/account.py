"""Account rules: the guide's 账户识别信息 (完整手机号含国家代码, @用户名, 账户ID, 注册时间).

Also home of the helpers the requirement-driven checks share (account, device,
details, mixed): what a topic requires (`rules/common/requirements.toml`),
regex lists from packs compiled once, and where a "something is missing"
finding points.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from tglint.analysis import Analysis
from tglint.lexicon import Lexicon, TermMatch
from tglint.models import Hit
from tglint.packs import PackError
from tglint.phone_country import country_hints, example_number, example_region
from tglint.quick_search import WORD_EDGE, quick_pattern
from tglint.rule import Rule

_CONTEXT_BEFORE = 24


def lexicon_of(analysis: Analysis, pack: str, key: str) -> Lexicon:
    """`analysis.lexicon(pack, key)` (both languages merged), built once per set of packs, not per draft."""
    return analysis.lexicon(pack, key)


def requirement(analysis: Analysis, key: str) -> str:
    """What the draft's topic requires for `key` ("required", "none"...); "none" without a topic."""
    topic = analysis.topic
    if topic is None or not raises_anything(analysis):
        return "none"
    value = analysis.pack("requirements").get(topic, {}).get(key, "none")
    return value if isinstance(value, str) else "none"


def raises_anything(analysis: Analysis) -> bool:
    """Whether the draft has any topic evidence or reports any problem. A draft with none ("Thanks!",
    "Any news?") falls to the general mailbox by default, but there is nothing to check it against."""
    return analysis.memo(raises_anything, lambda: _raises_anything(analysis))


def _raises_anything(analysis: Analysis) -> bool:
    if any(score > 0 for score in analysis.topic_verdict.scores.values()):
        return True
    from tglint.checks.device import reports_malfunction  # device builds on these helpers

    vague = lexicon_of(analysis, "details", "vague_problem")
    return reports_malfunction(analysis) or vague.search(analysis.body_text) is not None


@lru_cache(maxsize=512)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    # Where a match begins or ends with an ASCII letter or digit, another may not touch it there
    # ("id" is not in "android"); Chinese characters may, since Chinese is written without spaces.
    joined = WORD_EDGE + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + WORD_EDGE
    return re.compile(joined, re.IGNORECASE)


def pattern(analysis: Analysis, pack: str, key: str, language: str | None = None) -> re.Pattern[str] | None:
    """The regex list `key` of a pack (both languages merged unless one is named), compiled once."""
    return compile_patterns(analysis.pack(pack, language).get(key, []), f"{pack}: `{key}`")


def compile_patterns(value: object, source: str) -> re.Pattern[str] | None:
    """A regex or list of regexes from a pack, compiled once; `source` names it in errors."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise PackError(f"rule pack {source} must be a regex or a list of regexes")
    try:
        return _compiled(tuple(items))
    except re.error as exc:
        raise PackError(f"rule pack {source} has an invalid regex: {exc}") from None


def identifier_pattern(analysis: Analysis, key: str) -> re.Pattern[str] | None:
    """A Telegram identifier format (`handle`, `link`) from the requirements pack."""
    value = analysis.pack("requirements").get("identifiers", {}).get(key)
    return _compiled((value,)) if isinstance(value, str) else None


def searches(compiled: re.Pattern[str] | None, text: str) -> bool:
    """Whether `compiled` (a pack regex, kept for the run) matches somewhere in `text`."""
    return quick_pattern(compiled).searches(text)


def body_anchor(analysis: Analysis) -> tuple[int, int]:
    """Where a "missing information" finding points: the first line of the writer's body."""
    text = analysis.body_text
    stripped = len(text) - len(text.lstrip())
    if stripped >= len(text):
        return 0, 0
    line_end = text.find("\n", stripped)
    return stripped, (len(text) if line_end < 0 else line_end)


def missing_info(analysis: Analysis, *, en: str, zh: str) -> Hit:
    """A finding about something the draft lacks, at the first line of its body, in the report's language."""
    start, end = body_anchor(analysis)
    return Hit("body", start, end, analysis.say(en=en, zh=zh))


def _last(found: Iterable[TermMatch]) -> int:
    end = -1
    for match in found:
        end = match.end
    return end


def is_someone_elses(analysis: Analysis, text: str, start: int) -> bool:
    """A handle or number right after "scammer", "bot", "频道"... is not the writer's own account,
    unless "my account", "我的账号"... stands closer to it."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - _CONTEXT_BEFORE) : start]
    other = _last(lexicon_of(analysis, "account", "not_own_context").finditer(before))
    return other >= 0 and other > _last(lexicon_of(analysis, "account", "own_context").finditer(before))


def own_handles(analysis: Analysis) -> Iterator[re.Match[str]]:
    """@usernames in the writer's body that are not introduced as someone else's."""
    handle = identifier_pattern(analysis, "handle")
    if handle is None:
        return
    for match in handle.finditer(analysis.body_text):
        if not is_someone_elses(analysis, analysis.body_text, match.start()):
            yield match


def identifies_account(analysis: Analysis) -> bool:
    """A phone number (any form: masked or without country code is the phone rules' business),
    an @username, a labelled username or the numeric account ID."""
    return analysis.memo(identifies_account, lambda: _identifies_account(analysis))


def _identifies_account(analysis: Analysis) -> bool:
    body = analysis.body_text
    if any(not is_someone_elses(analysis, body, m.start) for m in analysis.phone_numbers):
        return True
    if next(own_handles(analysis), None) is not None:
        return True
    if searches(identifier_pattern(analysis, "handle"), analysis.subject_text):
        return True
    if any(body_says(analysis, key) for key in _LABELLED_IDENTIFIERS):
        return True
    return _identifies_outside_own_words(analysis)


def body_says(analysis: Analysis, key: str) -> bool:
    """Whether the account pack's regex list `key` matches in the writer's body (once per draft)."""
    return analysis.memo((body_says, key), lambda: searches(pattern(analysis, "account", key), analysis.body_text))


_LABELLED_IDENTIFIERS = ("phone_labelled", "username_labelled", "account_id")


def _identifies_outside_own_words(analysis: Analysis) -> bool:
    """The signature ("-- Lin, +86 138 0013 8000") or quoted text may carry the account too."""
    full = analysis.body.text
    if full == analysis.body_text:
        return False
    if searches(identifier_pattern(analysis, "phone"), full) or searches(identifier_pattern(analysis, "handle"), full):
        return True
    return any(searches(pattern(analysis, "account", key), full) for key in _LABELLED_IDENTIFIERS)


class MissingAccountIdentity(Rule):
    code = "TG301"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if requirement(analysis, "account") != "required" or identifies_account(analysis):
            return
        # An example number of the writer's country when the draft tells it; else the form in words.
        # (No number with a country code is written, or the account would be identified.)
        region = example_region(analysis, country_hints(analysis, written=()))
        number = example_number(region) if region else None
        en_example = f"e.g. {number}" if number else "+ and the code first"
        zh_example = f"如 {number}" if number else "以 + 和国家代码开头"
        yield missing_info(
            analysis,
            en=f"No account identified: add your phone number with its country code ({en_example}) or your @username.",
            zh=f"未提供账户信息：请写上带国家代码的手机号（{zh_example}）或 @用户名。",
        )


class AccountExtrasMissing(Rule):
    code = "TG302"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if requirement(analysis, "account_extras") != "recommended" or not identifies_account(analysis):
            return
        has_id = body_says(analysis, "account_id")
        has_date = body_says(analysis, "registration")
        if has_id and has_date:
            return
        missing_en = [
            text
            for present, text in ((has_id, "the numeric account ID"), (has_date, "the approximate registration date"))
            if not present
        ]
        missing_zh = [text for present, text in ((has_id, "数字账户ID"), (has_date, "大概的注册时间")) if not present]
        yield missing_info(
            analysis,
            en=f'If you can, also give {" and ".join(missing_en)} (e.g. "ID 123456789, registered around May 2021").',
            zh=f"如果方便，请同时提供{'和'.join(missing_zh)}（如“账户ID：123456789，注册时间：大约 2021 年 5 月”）。",
        )
