"""Device rules: the guide's 设备和系统信息 (操作系统及版本, 设备型号, Telegram版本, 网络环境).

Only a malfunction report needs them: a usage question does not. What counts as a
malfunction is `tglint.recognizers.malfunctions`; systems, models, versions and networks
are found by `tglint.recognizers.devices`, from the `device` packs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from tglint.analysis import Analysis
from tglint.models import Hit
from tglint.recognizers.devices import DeviceFacts, device_facts
from tglint.recognizers.malfunctions import about_development, about_payment, reports_malfunction
from tglint.requirements import missing_info, requirement
from tglint.rule import Rule


def device_required(analysis: Analysis) -> bool:
    need = requirement(analysis, "device")
    if need == "required-if-malfunction" and about_development(analysis):
        # A bot's or an API client's failure is the API's: the guide's 设备和系统信息 describe the app's device.
        return False
    if need == "required-if-malfunction" and about_payment(analysis):
        # A payment's problem is found by its order and time, whatever device paid (`about_payment`).
        return False
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
