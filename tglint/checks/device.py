"""Device rules: the guide's 设备和系统信息 (操作系统及版本, 设备型号, Telegram版本, 网络环境).

Only a malfunction report needs them: a usage question does not. What counts
as a malfunction, and how people write systems, models and versions, is in
the `device` packs (zh and en merged: Chinese drafts write "iPhone 15" too).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tglint.analysis import Analysis
from tglint.checks.account import lexicon_of, missing_info, pattern, requirement, searches
from tglint.lexicon import Lexicon
from tglint.models import Hit, Severity
from tglint.rule import Rule, RuleDoc
from tglint.topic import leading_tag, tag_key

# How close a negation ("nothing has", "没有") must stand before a malfunction word to cancel it,
# for a Chinese and a Latin word; a clause break in between ends its reach.
_NEGATION_WINDOW_CJK = 4
_NEGATION_WINDOW_LATIN = 16
_CLAUSE_BREAK = re.compile(r"[。！？!?;；\n，,：:]|\.\s|\b(?:but|and|although|though)\b")
_CJK = re.compile(r"[\u3400-\u9fff]")
_BRAND_MODEL_TAIL = r"[\s-]*(?:(?:{series})[\s-]*){{0,2}}[A-Za-z]{{0,3}}\d{{1,4}}[A-Za-z]{{0,2}}"


@dataclass(frozen=True, slots=True)
class DeviceFacts:
    """What the draft says about the device it has the problem on."""

    os_version: bool
    os_name: str | None  # a system named without its version ("Android"), for the message
    android: bool  # the device runs Android, for the message's example
    model: bool
    model_vague: str | None  # a family name without model ("iPhone", "华为手机")
    desktop: bool
    app_version: bool
    app_version_vague: str | None  # "the latest version"
    network: bool


_facts_cache: weakref.WeakKeyDictionary[Analysis, DeviceFacts] = weakref.WeakKeyDictionary()
_malfunction_cache: weakref.WeakKeyDictionary[Analysis, bool] = weakref.WeakKeyDictionary()


def _mask(text: str, compiled: re.Pattern[str] | None) -> tuple[str, list[re.Match[str]]]:
    """The text with every match blanked (offsets kept), and the matches."""
    if compiled is None:
        return text, []
    found = list(compiled.finditer(text))
    return _blank(text, [(m.start(), m.end()) for m in found]), found


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
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


def _mask_terms(analysis: Analysis, text: str, key: str) -> tuple[str, bool]:
    matches = lexicon_of(analysis, "device", key).find(text)
    return _blank(text, [(m.start, m.end) for m in matches]), bool(matches)


@lru_cache(maxsize=64)
def _brand_model_pattern(brands: tuple[str, ...], series: tuple[str, ...]) -> re.Pattern[str] | None:
    if not brands:
        return None
    # Longest names first, so "Google Pixel" wins over "Pixel".
    brand_part = "|".join(sorted(brands, key=len, reverse=True))
    series_part = "|".join(sorted(series, key=len, reverse=True)) or "(?!)"
    tail = _BRAND_MODEL_TAIL.format(series=series_part)
    return re.compile(rf"(?<![A-Za-z0-9_])(?:{brand_part}){tail}(?![0-9_])", re.IGNORECASE)


def _brand_model(analysis: Analysis) -> re.Pattern[str] | None:
    table = analysis.pack("device")
    brands = tuple(b for b in table.get("model_brands", []) if isinstance(b, str))
    series = tuple(re.escape(s) for s in table.get("model_series", []) if isinstance(s, str))
    return _brand_model_pattern(brands, series)


def device_body(analysis: Analysis) -> str:
    """The body including forwarded and quoted text: a forwarded report is the report."""
    return analysis.body.text


def device_text(analysis: Analysis) -> str:
    return f"{analysis.subject_text}\n{device_body(analysis)}"


def device_facts(analysis: Analysis) -> DeviceFacts:
    cached = _facts_cache.get(analysis)
    if cached is None:
        cached = _facts_cache[analysis] = _find_device_facts(analysis)
    return cached


def _find_device_facts(analysis: Analysis) -> DeviceFacts:
    text = device_text(analysis)
    # Versions are found and blanked in turn: "Telegram for Android 10.9.1" is the app's version, not
    # Android's; then "iOS version 17.2" is the system's, not the app's; "Android 14" is no model.
    rest, app_named = _mask(text, pattern(analysis, "device", "app_version"))
    rest, os_found = _mask(rest, pattern(analysis, "device", "os_with_version"))
    rest, app_labelled = _mask(rest, pattern(analysis, "device", "app_version_labelled"))
    rest, network = _mask_terms(analysis, rest, "network")
    app_found = app_named or app_labelled or searches(pattern(analysis, "device", "app_version_implied"), text)
    model = (
        searches(pattern(analysis, "device", "model"), rest)
        or searches(_brand_model(analysis), rest)
        or searches(pattern(analysis, "device", "model_label"), rest)
    )
    os_name = pattern(analysis, "device", "os_name")
    named = os_name.search(rest) if os_name else None
    vague_model = pattern(analysis, "device", "model_vague")
    vague_model_match = vague_model.search(rest) if vague_model else None
    vague_app = pattern(analysis, "device", "app_version_vague")
    vague_app_match = vague_app.search(rest) if vague_app else None
    return DeviceFacts(
        os_version=bool(os_found),
        os_name=named.group().strip() if named else None,
        model=model,
        model_vague=vague_model_match.group().strip() if vague_model_match else None,
        android=searches(pattern(analysis, "device", "android_family"), text),
        desktop=searches(pattern(analysis, "device", "desktop"), text),
        app_version=bool(app_found),
        app_version_vague=vague_app_match.group().strip() if vague_app_match else None,
        network=network,
    )


def reports_malfunction(analysis: Analysis) -> bool:
    """Whether the draft reports something broken (not merely asks how something works)."""
    cached = _malfunction_cache.get(analysis)
    if cached is None:
        cached = _malfunction_cache[analysis] = _reports_malfunction(analysis)
    return cached


def _reports_malfunction(analysis: Analysis) -> bool:
    tag = leading_tag(analysis.subject_text)
    if tag is not None:
        tags = {tag_key(str(t)) for t in analysis.pack("device").get("malfunction_tags", [])}
        if tag_key(tag.text) in tags:
            return True
    patterns = pattern(analysis, "device", "malfunction_patterns")
    negation = lexicon_of(analysis, "device", "malfunction_negation")
    not_negation = lexicon_of(analysis, "device", "malfunction_not_negation")
    for text in (analysis.subject_text, device_body(analysis)):
        text = text.replace("\u2019", "'")
        if searches(patterns, text):
            return True
        for match in lexicon_of(analysis, "device", "malfunction").finditer(text):
            if not _is_negated(text, match.start, match.term, negation, not_negation):
                return True
    return False


def _is_negated(text: str, start: int, term: str, negation: Lexicon, not_negation: Lexicon) -> bool:
    window = _NEGATION_WINDOW_CJK if _CJK.match(term) else _NEGATION_WINDOW_LATIN
    before = text[max(0, start - window) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    harmless = [(m.start, m.end) for m in not_negation.finditer(before)]
    return any(not any(s <= cue.start < e for s, e in harmless) for cue in negation.finditer(before))


def device_required(analysis: Analysis) -> bool:
    need = requirement(analysis, "device")
    return need == "required" or (need == "required-if-malfunction" and reports_malfunction(analysis))


@dataclass(frozen=True, slots=True)
class Missing:
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
    name = "missing-device-info"
    category = "device-info"
    severity = Severity.WARNING
    summary = "A malfunction report does not give the OS version, the device model or the Telegram version."
    doc = RuleDoc(
        what=(
            "Flags a technical problem report (a crash, failure, error, sync problem...) that does not name "
            "the operating system with its version, the device model, or the Telegram app version; the "
            "message lists exactly what is missing. A desktop system or client (Windows 11, Telegram "
            "Desktop) needs no model. Usage questions without a malfunction are not checked."
        ),
        why=(
            "Faults depend on the system, the device and the app build. The guide's 设备和系统信息 asks for "
            "操作系统（iOS 17.2、Android 14、Windows 11等具体版本）, 设备型号（iPhone 15、Samsung Galaxy S24等）"
            " and Telegram版本（当前使用的应用版本号）."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - App crashes when opening a chat\n\n"
            "Hello,\n\nSince yesterday the app crashes every time I open a group chat.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - App crashes when opening a chat\n\n"
            "Hello,\n\nSince yesterday the app crashes every time I open a group chat.\n"
            "Device: iPhone 15, iOS 17.2, Telegram 10.5.2, on Wi-Fi.\n"
        ),
        fix='Add a line like "iOS 17.2, iPhone 15, Telegram 10.5.2" (Settings shows the app version at the bottom).',
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 发贴纸必闪退\n\n你好，\n\n"
            "今天下午开始，我一发贴纸 Telegram 就闪退，安卓手机。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 发贴纸必闪退\n\n你好，\n\n"
            "今天下午开始，我一发贴纸 Telegram 就闪退。\n"
            "设备：小米13，Android 14，Telegram 10.5.2，网络：Wi-Fi。\n",
            "To: support@telegram.org\nSubject: [功能咨询] - 如何导出群组聊天记录\n\n你好，\n\n"
            "请问手机版能不能导出某个群组的聊天记录？\n",
        ),
    )

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
    name = "vague-device-info"
    category = "device-info"
    severity = Severity.INFO
    summary = 'The device or app version is given only vaguely ("my iPhone", "the latest version").'
    doc = RuleDoc(
        what=(
            'Hints, in a malfunction report that otherwise names the system and version, that "the latest '
            'version" or a bare "iPhone" is less useful than the exact app version and device model.'
        ),
        why=(
            '"Latest" changes from day to day; the guide asks for 当前使用的应用版本号 and 具体型号 '
            "(iPhone 15、Samsung Galaxy S24)."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Voice messages do not play\n\n"
            "Hello,\n\nSince Monday voice messages do not play on my iPhone 15 with iOS 17.2. "
            "I have the latest version from the App Store, on Wi-Fi.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Voice messages do not play\n\n"
            "Hello,\n\nSince Monday voice messages do not play on my iPhone 15 with iOS 17.2, "
            "Telegram 10.5.2, on Wi-Fi.\n"
        ),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 语音消息无法播放\n\n"
            "你好，\n\n从周一开始语音消息无法播放。iPhone 15，iOS 17.2，Telegram 是最新版，网络 Wi-Fi。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 语音消息无法播放\n\n"
            "你好，\n\n从周一开始语音消息无法播放。iPhone 15，iOS 17.2，Telegram 10.5.2，网络 Wi-Fi。\n",
        ),
    )

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
    name = "missing-network-info"
    category = "device-info"
    severity = Severity.INFO
    summary = "A malfunction report does not say how the device is connected (Wi-Fi, 4G/5G...)."
    doc = RuleDoc(
        what="Hints that a technical problem report should say which network it happens on.",
        why=(
            "Sending, loading and sync problems often depend on the connection; the guide's 设备和系统信息 "
            "lists 网络环境（WiFi、4G/5G移动网络等连接方式）."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
            "Hello,\n\nSince yesterday photos fail to send. Galaxy S24, Android 14, Telegram 10.5.2.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
            "Hello,\n\nSince yesterday photos fail to send, on Wi-Fi and on 5G. Galaxy S24, Android 14, "
            "Telegram 10.5.2.\n"
        ),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 图片发送失败\n\n"
            "你好，\n\n昨天开始图片发送失败。小米13，Android 14，Telegram 10.5.2。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 图片发送失败\n\n"
            "你好，\n\n昨天开始图片发送失败，Wi-Fi 和移动数据都一样。小米13，Android 14，Telegram 10.5.2。\n",
        ),
    )

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


RULES: tuple[type[Rule], ...] = (MissingDeviceInfo, VagueDeviceInfo, MissingNetworkInfo)
