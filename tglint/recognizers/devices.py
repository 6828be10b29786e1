"""Devices: operating systems and their versions, device models and brands, the Telegram app and its
version, and the network the device is on.

How people write them is in the `device` packs (zh and en merged: a Chinese draft writes
"iPhone 15" too). They are looked for in the subject and the whole body (a forwarded report is
the report), each part on its own, in a fixed order: first the app's version named with the app
("Telegram for Android 10.9.1" is the app's, not Android 10), then the system's version, then
version labels without the app's name ("iOS version 17.2" is the system's, not the app's), then
the network; each found is blanked before the next is looked for, and what remains (`rest`) is
where models, systems named without a version and vague words are looked for ("Android 14" is
no model).

Each recognizer finds one kind, once per draft, when a rule first asks for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from tglint.anchors import AnchoredPattern
from tglint.lexicon import PARTS_PASS
from tglint.patterns import WORD_START, copy_of, lexicon_of, pack_pattern
from tglint.recognizers import Recognizer, Span, first

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.packs import Packs

# Kinds of span.
APP_VERSION = "app-version"  # "Telegram 10.5.2", "版本号 10.5.2"
OS_VERSION = "os-version"  # "iOS 17.2", "安卓14"
NETWORK = "network"  # "Wi-Fi", "4G", "移动数据"
OS_NAME = "os-name"  # a system named without its version ("Android")
DEVICE_MODEL = "device-model"  # "iPhone 15", "Galaxy S24 Ultra", "Device: Fairphone 5"
DEVICE_FAMILY = "device-family"  # a family without the model ("my iPhone", "华为手机")
DESKTOP = "desktop"  # a desktop system or client: the computer is the device
WEB_CLIENT = "web-client"  # a client whose version is always the current one (Telegram Web)
APP_VERSION_VAGUE = "app-version-vague"  # "the latest version", "最新版"
ANDROID = "android"  # words that say the device runs Android

PARTS = ("subject", "body")
_BRAND_MODEL_TAIL = r"[\s-]*(?:(?:{series})[\s-]*){{0,3}}[A-Za-z]{{0,3}}\d{{1,4}}[A-Za-z]{{0,2}}"


def part_text(analysis: Analysis, part: str) -> str:
    """The text of a part as devices are looked for in it: the subject, or the whole body."""
    return analysis.subject_text if part == "subject" else analysis.body.text


def blank(text: str, spans: list[tuple[int, int]]) -> str:
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


def _span(kind: str, part: str, start: int, end: int, written: str, evidence: str, confidence: float = 0.9) -> Span:
    return Span(kind, part, start, end, confidence, (evidence,), {"text": written.strip()})


@dataclass(slots=True)
class Versions:
    """App versions, system versions and networks, found and blanked in turn (see the module's doc)."""

    name: str = "devices.versions"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        for part in PARTS:
            rest = part_text(analysis, part)
            for key, kind in (("app_version", APP_VERSION), ("os_with_version", OS_VERSION)):
                rest, found = _blanked(analysis, rest, key, kind, part)
                yield from found
            rest, found = _blanked(analysis, rest, "app_version_labelled", APP_VERSION, part)
            yield from found
            for term in lexicon_of(analysis, "device", "network", PARTS_PASS).finditer(rest):
                yield _span(NETWORK, part, term.start, term.end, rest[term.start : term.end], "word:device.network")


def _blanked(analysis: Analysis, text: str, key: str, kind: str, part: str) -> tuple[str, list[Span]]:
    found = pack_pattern(analysis.packs, "device", key)
    if found is None:
        return text, []
    matches = list(found.finditer(text, copy_of(analysis, text)))
    spans = [_span(kind, part, m.start(), m.end(), m.group(), f"pattern:device.{key}") for m in matches]
    return blank(text, [m.span() for m in matches]), spans


VERSIONS = Versions()


def rest(analysis: Analysis, part: str) -> str:
    """A part's text with its versions and networks blanked: where models and vague words are looked for."""

    def build() -> str:
        spans = sorted((s.start, s.end) for s in analysis.spans(VERSIONS) if s.part == part)
        return blank(part_text(analysis, part), spans)

    return analysis.memo(("devices.rest", part), build)


@dataclass(slots=True)
class PackDevices:
    """One kind, found by the device pack's regex lists `keys`, in what is left after versions are blanked
    (`in_rest`) or in the whole text."""

    name: str
    kind: str
    keys: tuple[str, ...]
    in_rest: bool = True

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        for part in PARTS:
            text = rest(analysis, part) if self.in_rest else part_text(analysis, part)
            copy = copy_of(analysis, text)
            for key in self.keys:
                found = (
                    brand_model(analysis.packs)
                    if key == "model_brands"
                    else pack_pattern(analysis.packs, "device", key)
                )
                if found is None:
                    continue
                for m in found.finditer(text, copy):
                    yield _span(self.kind, part, m.start(), m.end(), m.group(), f"pattern:device.{key}")


OS_NAMES = PackDevices("devices.os-names", OS_NAME, ("os_name",))
MODELS = PackDevices("devices.models", DEVICE_MODEL, ("model", "model_brands", "model_label"))
FAMILIES = PackDevices("devices.families", DEVICE_FAMILY, ("model_vague",))
VAGUE_VERSIONS = PackDevices("devices.vague-versions", APP_VERSION_VAGUE, ("app_version_vague",))
DESKTOPS = PackDevices("devices.desktops", DESKTOP, ("desktop",), in_rest=False)
WEB_CLIENTS = PackDevices("devices.web-clients", WEB_CLIENT, ("app_version_implied",), in_rest=False)
ANDROIDS = PackDevices("devices.android", ANDROID, ("android_family",), in_rest=False)


def brand_model(packs: Packs) -> AnchoredPattern | None:
    """A brand, optional series words and a number ("Galaxy S24 Ultra"), from `model_brands` and
    `model_series`; tried where an anchor of `model_brands` stands."""
    return packs.derived(("devices", "brand-model"), lambda: _brand_model(packs))


def _brand_model(packs: Packs) -> AnchoredPattern | None:
    from tglint.anchors import anchors_at

    table = packs.get("device")
    brands = [b for b in table.get("model_brands", []) if isinstance(b, str)]
    if not brands:
        return None
    series = [re.escape(s) for s in table.get("model_series", []) if isinstance(s, str)]
    # Longest names first, so "Google Pixel" wins over "Pixel".
    brand_part = "|".join(sorted(brands, key=len, reverse=True))
    series_part = "|".join(sorted(series, key=len, reverse=True)) or "(?!)"
    tail = _BRAND_MODEL_TAIL.format(series=series_part)
    regex = re.compile(rf"{WORD_START}(?:{brand_part}){tail}(?![0-9_])", re.IGNORECASE)
    return AnchoredPattern(regex, anchors_at(table, "model_brands") or ())


# -- what the draft says about its device -------------------------------------------------------------


def device_facts(analysis: Analysis) -> DeviceFacts:
    """What the draft says about its device; one object per draft."""
    return analysis.memo(device_facts, lambda: DeviceFacts(analysis))


class DeviceFacts:
    """What the draft says about the device it has the problem on, in the subject and the whole body.

    Each fact is looked for when first asked: a draft that gives its system's version is never
    searched for a system named without one.
    """

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis

    def _spans(self, recognizer: Recognizer) -> tuple[Span, ...]:
        return self._analysis.spans(recognizer)

    def _first_words(self, recognizer: Recognizer) -> str | None:
        found = first(self._analysis, recognizer)
        return None if found is None else str(found.facts["text"])

    @cached_property
    def _versions(self) -> frozenset[str]:
        return frozenset(span.kind for span in self._spans(VERSIONS))

    @cached_property
    def os_version(self) -> bool:
        return OS_VERSION in self._versions

    @cached_property
    def os_name(self) -> str | None:
        """A system named without its version ("Android"), for the message."""
        return self._first_words(OS_NAMES)

    @cached_property
    def android(self) -> bool:
        """The device runs Android, for the message's example."""
        return first(self._analysis, ANDROIDS) is not None

    @cached_property
    def model(self) -> bool:
        return first(self._analysis, MODELS) is not None

    @cached_property
    def model_vague(self) -> str | None:
        """A family name without model ("iPhone", "华为手机")."""
        return self._first_words(FAMILIES)

    @cached_property
    def desktop(self) -> bool:
        return first(self._analysis, DESKTOPS) is not None

    @cached_property
    def app_version(self) -> bool:
        return APP_VERSION in self._versions or first(self._analysis, WEB_CLIENTS) is not None

    @cached_property
    def app_version_vague(self) -> str | None:
        """Words like "the latest version" written instead of the number."""
        return self._first_words(VAGUE_VERSIONS)

    @cached_property
    def network(self) -> bool:
        return NETWORK in self._versions
