"""The devices recognizers: systems and versions, models and brands, the app and its version, the network, in
the subject and the whole body; versions are found and blanked in turn, so one is never read as another."""

from __future__ import annotations

import random

import pytest
from lintkit import draft_of

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.packs import load_packs
from tglint.recognizers import Recognizer
from tglint.recognizers.devices import (
    ANDROIDS,
    APP_VERSION,
    DESKTOPS,
    FAMILIES,
    MODELS,
    NETWORK,
    OS_NAMES,
    OS_VERSION,
    VAGUE_VERSIONS,
    VERSIONS,
    WEB_CLIENTS,
    blank,
    device_facts,
    rest,
)

_PACKS = load_packs()


def _analysis(body: str, subject: str = "[Technical Issue] - Crash") -> Analysis:
    return Analysis(draft_of(f"To: support@telegram.org\nSubject: {subject}\n\n{body}\n"), Settings(), _PACKS)


def _found(analysis: Analysis, recognizer: Recognizer, kind: str | None = None) -> list[str]:
    texts = {"subject": analysis.subject_text, "body": analysis.body.text}
    return [
        texts[s.part][s.start : s.end].strip() for s in analysis.spans(recognizer) if kind is None or s.kind == kind
    ]


def test_the_apps_version_is_not_the_systems() -> None:
    analysis = _analysis("Telegram for Android 10.9.1 on a Pixel 8, Android 14, iOS version 17.2 on the iPad")
    assert _found(analysis, VERSIONS, APP_VERSION) == ["Telegram for Android 10.9.1"]
    assert _found(analysis, VERSIONS, OS_VERSION) == ["Android 14", "iOS version 17.2"]
    assert "Pixel 8" in _found(analysis, MODELS)


def test_models_are_looked_for_where_versions_are_blanked() -> None:
    analysis = _analysis("小米13，安卓14，版本号 10.5.2，WiFi")
    text = analysis.body.text
    assert _found(analysis, VERSIONS, NETWORK) == ["WiFi"]
    assert rest(analysis, "body") == blank(text, sorted((s.start, s.end) for s in analysis.spans(VERSIONS)))
    assert _found(analysis, MODELS) == ["小米13"]  # "安卓14" is a system, not a model


@pytest.mark.parametrize(
    ("body", "recognizer", "value"),
    [
        ("I use Android and it crashes", OS_NAMES, "Android"),
        ("my iPhone crashes", FAMILIES, "iPhone"),
        ("I have the latest version", VAGUE_VERSIONS, "the latest version"),
        ("Telegram Desktop on Windows 11", DESKTOPS, "Telegram Desktop"),
        ("in Telegram Web A", WEB_CLIENTS, "Telegram Web A"),
        ("华为手机闪退", ANDROIDS, "华为"),
        ("Device: Fairphone 5", MODELS, "Device: Fairphone 5"),
        ("Samsung Galaxy S24 Ultra", MODELS, "Samsung Galaxy S24"),
    ],
)
def test_each_kind_is_found(body: str, recognizer: Recognizer, value: str) -> None:
    analysis = _analysis(body)
    assert value in _found(analysis, recognizer)
    span = analysis.spans(recognizer)[0]
    assert span.evidence[0].startswith(("pattern:device.", "word:device.")) and span.facts["text"]


def test_the_subject_is_a_part_of_its_own() -> None:
    analysis = _analysis("It crashes.", subject="[Technical Issue] - iPhone 15 crash on iOS 17.2")
    assert [s.part for s in analysis.spans(VERSIONS)] == ["subject"]
    assert [s.part for s in analysis.spans(MODELS)] == ["subject"]


def test_device_facts_read_the_spans() -> None:
    facts = device_facts(_analysis("Galaxy S24, Android 14, Telegram 10.5.2, on 5G"))
    assert facts.os_version and facts.model and facts.app_version and facts.network
    assert facts.android and not facts.desktop
    vague = device_facts(_analysis("My iPhone runs the latest version of iOS"))
    assert vague.model_vague == "iPhone" and vague.app_version_vague == "the latest version"
    assert not vague.model and vague.os_name == "iOS"


_VERSION_LABELS = (["版本", "版本号", "Telegram版本", "电报", "客户端版本"], APP_VERSION)
_OS_LABELS = (["安卓", "鸿蒙", "iOS", "Android"], OS_VERSION)


@pytest.mark.parametrize(("labels", "kind"), [_VERSION_LABELS, _OS_LABELS])
def test_a_version_glued_to_chinese_is_found_as_with_a_space(labels: list[str], kind: str) -> None:
    rng = random.Random(kind)
    spaced = glued = total = 0
    for label in labels:
        for _ in range(6):
            value = f"{rng.randint(8, 17)}.{rng.randint(0, 15)}.{rng.randint(0, 9)}"
            total += 1
            for form in ("{label} {value}", "{label}{value}"):
                analysis = _analysis(f"昨天开始闪退，{form.format(label=label, value=value)}用的")
                start = analysis.body.text.index(value)
                found = any(
                    s.kind == kind and s.start < start + len(value) and start < s.end for s in analysis.spans(VERSIONS)
                )
                if found and " " in form:
                    spaced += 1
                elif found:
                    glued += 1
    assert glued == spaced == total
