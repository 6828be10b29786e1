"""Two ways a device line gives what the guide asks for (issue 12): the last item of a line written with slashes is
the app's version ("Xiaomi Redmi Note 13 / Android 14 / 11.4.0"; fixtures/voices15 en/072), and the systems of
other devices carry their version as phones' do ("Google TV (Android TV 12)", "Wear OS 4", "tvOS 17.2";
fixtures/voices14 en/065). Generated over models x systems x versions; a slash between numbers in a sentence
("12/11.5 and so on") is no app version."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

MODELS = ["Xiaomi Redmi Note 13", "Galaxy A54", "iPhone 15", "Pixel 8"]
SYSTEMS = ["Android 14", "iOS 17.5", "Android 13"]
VERSIONS = ["11.4.0", "11.2.1", "v10.14.5", "11.4"]


def _messages(device_line: str) -> list[str]:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - App crashes on video playback\n\nHello,\n"
        "Since 17 Nov 2026 the app crashes whenever I play a video.\nAccount +7 912 345-67-89\n"
        f"{device_line}\nReinstalled and cleared the cache.\n"
    )
    return [f.message for f in lint(text).findings if f.rule == "TG321"]


@pytest.mark.parametrize(("model", "system", "version"), list(product(MODELS, SYSTEMS, VERSIONS)))
def test_the_last_item_of_a_slash_line_is_the_app_version(model: str, system: str, version: str) -> None:
    assert _messages(f"{model} / {system} / {version}") == []


@pytest.mark.parametrize("line", ["Pixel 8 / Android 14", "Pixel 8, Android 14, see 12/11.5 and so on"])
def test_without_it_the_version_is_asked_for(line: str) -> None:
    messages = _messages(line)
    assert messages and "app version" in messages[0], messages


@pytest.mark.parametrize(
    "system", ["Android TV 12", "Android Go 13", "Wear OS 4", "tvOS 17.2", "Fire OS 8", "Tizen 7.0", "webOS 6"]
)
def test_other_devices_systems_carry_their_version(system: str) -> None:
    messages = _messages(f"Device: Pixel 8 ({system}), Telegram 11.1.3")
    assert not any("version of" in m or "operating system" in m for m in messages), (system, messages)
