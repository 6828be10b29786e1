"""Device rules: the guide's 设备和系统信息 (操作系统及版本, 设备型号, Telegram版本, 网络环境).

Only a malfunction report needs them: a usage question does not. What counts
as a malfunction, and how people write systems, models and versions, is in
the `device` packs (zh and en merged: Chinese drafts write "iPhone 15" too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import NamedTuple

from tglint.analysis import Analysis
from tglint.checks.account import compile_patterns, lexicon_of, missing_info, requirement
from tglint.lexicon import Lexicon
from tglint.models import Hit
from tglint.patterns import compiled
from tglint.quick_search import WORD_START, QuickPattern, quick_pattern
from tglint.rule import Rule
from tglint.topic import tag_key

# How close a negation ("nothing has", "没有") must stand before a malfunction word to cancel it,
# for a Chinese and a Latin word; a clause break in between ends its reach.
_NEGATION_WINDOW_CJK = 4
_NEGATION_WINDOW_LATIN = 16
_CLAUSE_BREAK = r"[。！？!?;；\n，,：:]|\.\s|\b(?:but|and|although|though)\b"
_BRAND_MODEL_TAIL = r"[\s-]*(?:(?:{series})[\s-]*){{0,2}}[A-Za-z]{{0,3}}\d{{1,4}}[A-Za-z]{{0,2}}"


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with every span (in order, not overlapping) blanked, offsets kept."""
    if not spans:
        return text
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        pieces.append(" " * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


class DevicePatterns:
    """The device pack's patterns and word lists, ready to look for: one per set of packs, each pattern
    compiled when a draft first looks for it (a draft that reports no malfunction needs one of them)."""

    def __init__(self, analysis: Analysis) -> None:
        self._table = analysis.pack("device")
        self.network = lexicon_of(analysis, "device", "network")
        self.malfunction_tags = frozenset(tag_key(str(t)) for t in self._table.get("malfunction_tags", []))
        self._scans: dict[str, QuickPattern] = {}

    def scan(self, key: str) -> QuickPattern:
        """The pack's regex list `key` ("model", "os_name", ...) as one pattern, compiled on first use."""
        found = self._scans.get(key)
        if found is None:
            found = self._scans[key] = quick_pattern(compile_patterns(self._table.get(key, []), f"device: `{key}`"))
        return found

    @cached_property
    def brand_model(self) -> QuickPattern:
        """A brand, optional series words and a number ("Galaxy S24 Ultra")."""
        brands = [b for b in self._table.get("model_brands", []) if isinstance(b, str)]
        series = [re.escape(s) for s in self._table.get("model_series", []) if isinstance(s, str)]
        return quick_pattern(_brand_model_pattern(brands, series))


def device_patterns(analysis: Analysis) -> DevicePatterns:
    return analysis.packs.derived(DevicePatterns, lambda: DevicePatterns(analysis))


def _brand_model_pattern(brands: list[str], series: list[str]) -> re.Pattern[str] | None:
    if not brands:
        return None
    # Longest names first, so "Google Pixel" wins over "Pixel".
    brand_part = "|".join(sorted(brands, key=len, reverse=True))
    series_part = "|".join(sorted(series, key=len, reverse=True)) or "(?!)"
    tail = _BRAND_MODEL_TAIL.format(series=series_part)
    return re.compile(rf"{WORD_START}(?:{brand_part}){tail}(?![0-9_])", re.IGNORECASE)


def _mask(text: str, scan: QuickPattern) -> tuple[str, list[re.Match[str]]]:
    """The text with every match blanked (offsets kept), and the matches."""
    found = list(scan.finditer(text))
    return _blank(text, [m.span() for m in found]), found


def _mask_terms(text: str, terms: Lexicon) -> tuple[str, bool]:
    matches = terms.find(text)
    return _blank(text, [(m.start, m.end) for m in matches]), bool(matches)


def device_body(analysis: Analysis) -> str:
    """The body including forwarded and quoted text: a forwarded report is the report."""
    return analysis.body.text


def device_text(analysis: Analysis) -> str:
    return f"{analysis.subject_text}\n{device_body(analysis)}"


def device_facts(analysis: Analysis) -> DeviceFacts:
    """What the draft says about its device; one object per draft."""
    return analysis.memo(device_facts, lambda: DeviceFacts(device_text(analysis), device_patterns(analysis)))


class DeviceFacts:
    """What the draft says about the device it has the problem on.

    Each fact is looked for when first asked: a draft that gives its system's version is never
    searched for a system named without one.
    """

    def __init__(self, text: str, patterns: DevicePatterns) -> None:
        self._text = text
        self._patterns = patterns

    @cached_property
    def _versions(self) -> _Versions:
        patterns = self._patterns
        # Versions are found and blanked in turn: "Telegram for Android 10.9.1" is the app's version, not
        # Android's; then "iOS version 17.2" is the system's, not the app's; "Android 14" is no model.
        rest, app_named = _mask(self._text, patterns.scan("app_version"))
        rest, os_found = _mask(rest, patterns.scan("os_with_version"))
        rest, app_labelled = _mask(rest, patterns.scan("app_version_labelled"))
        rest, network = _mask_terms(rest, patterns.network)
        return _Versions(rest, app_version=bool(app_named or app_labelled), os_version=bool(os_found), network=network)

    @property
    def _rest(self) -> str:
        return self._versions.rest

    @cached_property
    def os_version(self) -> bool:
        return self._versions.os_version

    @cached_property
    def os_name(self) -> str | None:
        """A system named without its version ("Android"), for the message."""
        return _found_words(self._patterns.scan("os_name"), self._rest)

    @cached_property
    def android(self) -> bool:
        """The device runs Android, for the message's example."""
        return self._patterns.scan("android_family").searches(self._text)

    @cached_property
    def model(self) -> bool:
        patterns = self._patterns
        return (
            patterns.scan("model").searches(self._rest)
            or patterns.brand_model.searches(self._rest)
            or patterns.scan("model_label").searches(self._rest)
        )

    @cached_property
    def model_vague(self) -> str | None:
        """A family name without model ("iPhone", "华为手机")."""
        return _found_words(self._patterns.scan("model_vague"), self._rest)

    @cached_property
    def desktop(self) -> bool:
        return self._patterns.scan("desktop").searches(self._text)

    @cached_property
    def app_version(self) -> bool:
        return self._versions.app_version or self._patterns.scan("app_version_implied").searches(self._text)

    @cached_property
    def app_version_vague(self) -> str | None:
        """Words like "the latest version" written instead of the number."""
        return _found_words(self._patterns.scan("app_version_vague"), self._rest)

    @cached_property
    def network(self) -> bool:
        return self._versions.network


class _Versions(NamedTuple):
    rest: str  # the text with versions and networks blanked: what is left to name a model
    app_version: bool
    os_version: bool
    network: bool


def _found_words(scan: QuickPattern, where: str) -> str | None:
    found = scan.search(where)
    return found.group().strip() if found else None


def reports_malfunction(analysis: Analysis) -> bool:
    """Whether the draft reports something broken (not merely asks how something works); worked out once."""
    return analysis.memo(reports_malfunction, lambda: _reports_malfunction(analysis))


def _reports_malfunction(analysis: Analysis) -> bool:
    found = device_patterns(analysis)
    tag = analysis.subject_tag
    if tag is not None and tag_key(tag.text) in found.malfunction_tags:
        return True
    patterns = found.scan("malfunction_patterns")
    negation = lexicon_of(analysis, "device", "malfunction_negation")
    not_negation = lexicon_of(analysis, "device", "malfunction_not_negation")
    for text in (analysis.subject_text, device_body(analysis)):
        text = text.replace("\u2019", "'")
        if patterns.searches(text):
            return True
        for match in lexicon_of(analysis, "device", "malfunction").finditer(text):
            if not _is_negated(text, match.start, match.term, negation, not_negation):
                return True
    return False


def _is_negated(text: str, start: int, term: str, negation: Lexicon, not_negation: Lexicon) -> bool:
    window = _NEGATION_WINDOW_CJK if "\u3400" <= term[:1] <= "\u9fff" else _NEGATION_WINDOW_LATIN
    before = text[max(0, start - window) : start]
    breaks = list(compiled(_CLAUSE_BREAK).finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    harmless = [(m.start, m.end) for m in not_negation.finditer(before)]
    return any(not any(s <= cue.start < e for s, e in harmless) for cue in negation.finditer(before))


def device_required(analysis: Analysis) -> bool:
    need = requirement(analysis, "device")
    return need == "required" or (need == "required-if-malfunction" and reports_malfunction(analysis))


class Missing(NamedTuple):
    en: str
    zh: str


def missing_device_items(facts: DeviceFacts) -> tuple[list[Missing], list[Missing]]:
    """(missing, vague): what the draft lacks, and what it gives only vaguely."""
    missing: list[Missing] = []
    vague: list[Missing] = []
    if not facts.os_version:
        if facts.os_name:
            missing.append(Missing(f"the version of {facts.os_name}", f"{facts.os_name}的版本号"))
        else:
            missing.append(Missing("the operating system and its version", "操作系统及版本"))
    if not facts.model and not facts.desktop:
        if facts.model_vague:
            vague.append(
                Missing(f'the exact model (not just "{facts.model_vague}")', f"具体型号（不只是“{facts.model_vague}”）")
            )
        else:
            missing.append(Missing("the device model", "设备型号"))
    if not facts.app_version:
        if facts.app_version_vague:
            vague.append(
                Missing(
                    f'the Telegram version number (not just "{facts.app_version_vague}")',
                    f"Telegram 版本号（不只是“{facts.app_version_vague}”）",
                )
            )
        else:
            missing.append(Missing("the Telegram app version", "Telegram 应用版本号"))
    return missing, vague


def example_form(facts: DeviceFacts, language: str) -> str:
    if facts.desktop:
        return "Windows 11，Telegram Desktop 4.14.9" if language == "zh" else "Windows 11, Telegram Desktop 4.14.9"
    if facts.android:
        return "Android 14，小米13，Telegram 10.5.2" if language == "zh" else "Android 14, Galaxy S24, Telegram 10.5.2"
    return "iOS 17.2，iPhone 15，Telegram 10.5.2" if language == "zh" else "iOS 17.2, iPhone 15, Telegram 10.5.2"


class MissingDeviceInfo(Rule):
    code = "TG321"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not device_required(analysis):
            return
        facts = device_facts(analysis)
        missing, vague = missing_device_items(facts)
        if not missing:
            return
        items = missing + vague
        yield missing_info(
            analysis,
            en=f"Device details missing: add {_join_en([m.en for m in items])}. "
            f'Write them like "{example_form(facts, "en")}".',
            zh=f"缺少设备信息：请补充{'、'.join(m.zh for m in items)}，写成“{example_form(facts, 'zh')}”的形式。",
        )


class VagueDeviceInfo(Rule):
    code = "TG322"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not device_required(analysis):
            return
        facts = device_facts(analysis)
        missing, vague = missing_device_items(facts)
        if missing or not vague:
            return  # with something missing, TG321 names the vague items too
        yield missing_info(
            analysis,
            en=f'Be exact: give {_join_en([v.en for v in vague])}, e.g. "{example_form(facts, "en")}".',
            zh=f"请写具体：提供{'、'.join(v.zh for v in vague)}，如“{example_form(facts, 'zh')}”。",
        )


class MissingNetworkInfo(Rule):
    code = "TG323"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if requirement(analysis, "network") == "none" or not device_required(analysis):
            return
        if device_facts(analysis).network:
            return
        yield missing_info(
            analysis,
            en="Say which network it happens on: Wi-Fi, 4G/5G mobile data, a VPN or proxy.",
            zh="请说明网络环境：Wi-Fi、4G/5G 移动数据，是否使用代理。",
        )


def _join_en(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
