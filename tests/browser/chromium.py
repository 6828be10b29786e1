"""Driving headless Chromium from tests: the DOM it built from a page, and a screenshot.

Nothing is installed at test time. CI installs the Debian package `chromium`; when
it is missing the browser tests fail under CI (env `CI` set) and skip elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Root in a container: no sandbox, no GPU; and nothing that phones home on its own,
# so whatever network traffic there is would come from the page.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
TIMEOUT = 90


def find_chromium() -> str | None:
    """`$TGLINT_CHROMIUM` if set, else the first Chromium or Chrome on PATH."""
    explicit = os.environ.get("TGLINT_CHROMIUM")
    if explicit:
        return shutil.which(explicit)
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def require_chromium() -> str:
    found = find_chromium()
    if found is not None:
        return found
    message = (
        "headless Chromium is needed for the HTML report's browser test and was not found "
        f"(looked for {', '.join(CANDIDATES)} on PATH, or $TGLINT_CHROMIUM); "
        "install it with: apt-get install -y chromium"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def dump_dom(chromium: str, page: Path) -> str:
    """The DOM Chromium built from `page`, serialized after the page loaded."""
    return _run(chromium, page, "--dump-dom").stdout


def screenshot(chromium: str, page: Path, png: Path, width: int = 1280, height: int = 2000) -> Path:
    png.parent.mkdir(parents=True, exist_ok=True)
    png.unlink(missing_ok=True)
    _run(chromium, page, f"--screenshot={png}", f"--window-size={width},{height}")
    if not png.is_file():
        raise AssertionError(f"Chromium wrote no screenshot to {png}")
    return png


def png_size(png: Path) -> tuple[int, int]:
    """(width, height) from the PNG header."""
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{png} is not a PNG"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def _run(chromium: str, page: Path, *action: str) -> subprocess.CompletedProcess[str]:
    # A fresh profile each time: no state from an earlier run, nothing left behind.
    with tempfile.TemporaryDirectory(prefix="tglint-chromium-") as profile:
        command = [chromium, *FLAGS, f"--user-data-dir={profile}", *action, page.resolve().as_uri()]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(command)} exited with {done.returncode}:\n{done.stderr[-2000:]}")
    return done
