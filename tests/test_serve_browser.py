"""The compose page (`tglint serve`, `/`) in a real browser: Debian's Chromium, headless,
driven by Playwright as a person would use the page (typing, clicking).

A screenshot of the page with its findings is kept in $TGLINT_ARTIFACTS (default
`artifacts/`). Without Chromium the tests fail under CI and skip elsewhere (tests/browser).
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from browser import chromium
from playwright.sync_api import Browser, Page, sync_playwright
from serving import Server
from test_html_report import artifacts_dir

PASSWORD = "Zq7mallow88"
TO = "support@telegram.org"
SUBJECT = "账号被盗了"
BODY = f"😀 我的账号昨天被盗了。我的密码是 {PASSWORD}，手机号 13812345678。\n请帮我找回。"
HOSTILE = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with Server() as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium.require_chromium()
    flags = [flag for flag in chromium.FLAGS if flag != "--headless"]  # Playwright adds its own
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=flags, headless=True)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Browser, server: Server, request: pytest.FixtureRequest) -> Iterator[Page]:
    locale = getattr(request, "param", "en-US")
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 960}, accept_downloads=True)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.goto(server.url)
    yield opened
    context.close()
    assert problems == []  # no script error, nothing the Content-Security-Policy had to block


def compose(page: Page, body: str = BODY) -> None:
    page.fill("#to", TO)
    page.fill("#subject", SUBJECT)
    page.locator("#body").press_sequentially(body, delay=10)


def test_findings_appear_in_place_as_you_type_and_a_fix_applies(page: Page) -> None:
    checks: list[str] = []
    page.on("request", lambda r: checks.append(r.url) if r.url.endswith("/api/check") else None)
    compose(page)
    finding = page.locator("li.finding[data-rule=TG401]")
    finding.wait_for()
    assert len(checks) < len(BODY)  # debounced: not a check per keystroke
    # The mark under the body holds the number, and lies where the number is drawn: a click
    # on the mark puts the caret inside the number in the textarea above it.
    mark = page.locator(".field.multi .backdrop mark", has_text="13812345678")
    assert mark.text_content() == "13812345678"
    box = mark.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    caret = page.eval_on_selector("#body", "e => e.selectionStart")
    start = BODY.encode("utf-16-le").index("13812345678".encode("utf-16-le")) // 2
    assert start < caret < start + 11
    assert page.locator(".field.single .backdrop mark", has_text=TO).count() == 1  # the wrong mailbox
    assert PASSWORD[1:] not in page.locator("#findings").inner_text()

    png = page.screenshot(path=str(artifacts_dir() / "compose-page.png"), full_page=True)
    assert len(png) > 20_000, "the screenshot looks blank"

    finding.locator("button.fix").click()
    assert "+86 138 1234 5678" in page.input_value("#body")
    finding.wait_for(state="detached")  # checked again: the number is fixed
    page.locator("li.finding[data-rule=TG501] button.fix").click()
    assert PASSWORD not in page.input_value("#body")


def test_the_mailto_link_carries_the_fields(page: Page) -> None:
    compose(page, "Line one\nLine two")
    page.fill("#cc", "abuse@telegram.org")
    href = page.get_attribute("#mailto", "href")
    assert href is not None
    link = urlsplit(href)
    assert link.scheme == "mailto" and unquote(link.path) == TO
    fields = parse_qs(link.query)
    assert fields == {"cc": ["abuse@telegram.org"], "subject": [SUBJECT], "body": ["Line one\r\nLine two"]}


def test_the_download_is_the_draft_as_eml(page: Page, tmp_path: Path) -> None:
    compose(page)
    with page.expect_download() as download:
        page.click("#download")
    saved = tmp_path / "draft.eml"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "draft.eml"
    message = email.message_from_bytes(saved.read_bytes(), policy=email.policy.default)
    assert message["To"] == TO and message["Subject"] == SUBJECT
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == BODY


def test_draft_text_is_shown_as_text_never_run(page: Page) -> None:
    compose(page, f"{HOSTILE} my phone is 13812345678")
    page.locator("li.finding[data-rule=TG401]").wait_for()
    assert page.title() != "pwned"
    assert page.locator("img, .backdrop script").count() == 0
    assert HOSTILE in (page.locator(".field.multi .backdrop").text_content() or "")


@pytest.mark.parametrize("page", ["zh-CN"], indirect=True)
def test_the_interface_follows_the_browser_and_switches(page: Page) -> None:
    assert page.text_content("h1") == "给 Telegram 写邮件"
    assert page.get_attribute("html", "lang") == "zh-CN"
    compose(page)
    message = page.locator("li.finding[data-rule=TG401] .message")
    message.wait_for()
    assert (message.text_content() or "").startswith("手机号")
    page.click("button[data-ui=en]")
    assert page.text_content("h1") == "Compose a mail to Telegram"
    assert page.get_attribute("html", "lang") == "en"
    page.wait_for_function(
        "() => (document.querySelector('li.finding[data-rule=TG401] .message') || {}).textContent"
        "?.startsWith('Phone number')"
    )
