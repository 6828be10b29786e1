"""Device rules: the guide's 设备和系统信息 (操作系统及版本, 设备型号, Telegram版本, 网络环境).

Only a malfunction report needs them: a usage question does not. What counts as a
malfunction is `tglint.recognizers.malfunctions`; systems, models, versions and networks
are found by `tglint.recognizers.devices`, from the `device` packs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from tglint.analysis import Analysis
from tglint.models import Hit, Severity
from tglint.recognizers.devices import DeviceFacts, device_facts
from tglint.recognizers.malfunctions import reports_malfunction
from tglint.requirements import missing_info, requirement
from tglint.rule import Rule, RuleDoc


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
