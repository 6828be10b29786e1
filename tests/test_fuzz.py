"""Property-based fuzzing of everything that reads input, and of the rules behind it.

Arbitrary bytes (as a .eml, a .txt and an mbox), arbitrary Unicode in every header
(raw and as RFC 2047 encoded words in random charsets), random MIME trees and HTML
token soups go through `read_bytes`, and then through the whole check: every rule,
every report format. Whatever comes in, the result is drafts or one-line per-file
errors, never an exception; no rule raises (the engine would skip it with a warning,
which these tests count as a failure); every finding points inside its draft.

How many examples:
- by default 200 per test (enough for CI; the whole module takes about 20 s);
- `TGLINT_FUZZ_PROFILE=long pytest tests/test_fuzz.py` for the hypothesis profile
  "long" registered here: 10,000 per test, a developer run of about half an hour
  (`pytest --hypothesis-profile=long` works too once the profile is registered in
  conftest.py: pytest loads profiles before it imports test modules);
- `TGLINT_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py` for any other number.
The example database is off: a failure is reported with the input that caused it
(shrunk), which belongs in a regular test once understood.
"""

from __future__ import annotations

import base64
import json
import os
import quopri
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tglint.config import Settings
from tglint.draft import Draft, ReadError
from tglint.engine import Linter
from tglint.html_text import html_to_text
from tglint.models import FileResult
from tglint.packs import Packs, load_packs
from tglint.quoting import find_regions
from tglint.reading import Limits, read_bytes
from tglint.registry import load_registry
from tglint.reporters import FORMATS, render
from tglint.rule import RuleLike

_DEFAULT_EXAMPLES = 200
_LONG_EXAMPLES = 10_000
settings.register_profile("long", max_examples=_LONG_EXAMPLES, deadline=None, database=None)


def _max_examples() -> int:
    chosen = os.environ.get("TGLINT_FUZZ_EXAMPLES")
    if chosen:
        return int(chosen)
    profile = os.environ.get("TGLINT_FUZZ_PROFILE") or settings.get_current_profile_name()
    return settings.get_profile(profile).max_examples if profile == "long" else _DEFAULT_EXAMPLES


FUZZ = settings(
    max_examples=_max_examples(),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


# --------------------------------------------------------------------------- the check under test


@cache
def _rules() -> tuple[RuleLike, ...]:
    return load_registry(plugins=False).rules


@cache
def _packs() -> Packs:
    return load_packs()


def check_bytes(data: bytes, path: str) -> list[FileResult]:
    """Read and check `data` as the CLI would, and render every report format."""
    items = read_bytes(data, path)
    assert items, "read_bytes returned nothing"
    for item in items:
        assert isinstance(item, Draft | ReadError), item
        if isinstance(item, ReadError):
            assert item.message and "\n" not in item.message, item
            assert "unexpected" not in item.message, item  # a reader bug, not a property of the input
    rules = _rules()
    linter = Linter(rules, Settings(), _packs())
    results = list(linter.lint(items))
    # The engine turns a rule's exception into a warning and goes on: here that is a bug.
    assert linter.problems == [], linter.problems
    for result in results:
        _assert_findings_point_inside(result, items)
    secrets = _flagged_secrets(results, items)
    for fmt in FORMATS:
        report = render(fmt, results, rules)
        assert report.endswith("\n")
        shown = _without_rule_docs(report) if fmt == "sarif" else report
        for secret in secrets:
            assert secret not in shown, (fmt, secret)
    return results


def _flagged_secrets(results: list[FileResult], items: list[Draft | ReadError]) -> set[str]:
    """The text of every span a finding marks as sensitive (long enough not to occur by chance)."""
    drafts = {item.path: item for item in items if isinstance(item, Draft)}
    found = set()
    for result in results:
        draft = drafts.get(result.path)
        for finding in result.findings:
            part = draft.parts.get(finding.part) if draft and finding.sensitive else None
            if part is None:
                continue
            line = part.text_line(finding.part_line)
            if finding.part_end_line == finding.part_line and line is not None:
                span = line[finding.part_column - 1 : finding.part_end_column - 1].strip()
                if len(span) >= 6:
                    found.add(span)
    return found


def _without_rule_docs(sarif: str) -> str:
    """A SARIF report without its rule documentation, whose examples are made-up secrets."""
    report = json.loads(sarif)
    for run in report["runs"]:
        run.pop("tool", None)
    return json.dumps(report, ensure_ascii=False)


def _assert_findings_point_inside(result: FileResult, items: list[Draft | ReadError]) -> None:
    """Positions are 1-based and in order, in the file and in the part; a part a finding names is
    there (or missing by design: TG100/TG200 point at the subject or recipient the draft lacks);
    a span said to be in the file is not before the part's first line."""
    draft = next((item for item in items if isinstance(item, Draft) and item.path == result.path), None)
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1, finding
        assert (finding.end_line, finding.end_column) >= (finding.line, finding.column), finding
        assert finding.part_line >= 1 and finding.part_column >= 1, finding
        assert (finding.part_end_line, finding.part_end_column) >= (finding.part_line, finding.part_column), finding
        part = draft.parts.get(finding.part) if draft else None
        if part is not None:
            assert finding.part_end_line <= part.text.count("\n") + 1, finding
            if finding.in_file:
                assert finding.line >= part.first_line, (finding, part)


# --------------------------------------------------------------------------- strategies

_CHARSETS = (
    "utf-8", "UTF-8", "us-ascii", "gb2312", "gbk", "GB18030", "big5", "iso-8859-1", "windows-1252",
    "koi8-r", "shift_jis", "euc-kr", "iso-2022-jp", "utf-16", "utf-16le", "utf-7", "x-unknown", "",
    "utf-8*en", "rot13", "zlib", "punycode", "unicode_escape", "idna", "undefined", "hz", "charset=utf-8",
)  # fmt: skip

_HEADER_NAMES = ("To", "Cc", "Bcc", "From", "Subject", "收件人", "抄送", "主题", "Reply-To", "X-Mailer")

# Pieces of real mail: markup, quoting, secrets, numbers, addresses, separators.
_TEXT_PIECES = (
    "support@telegram.org", "security@telegram.org", "a@b", "<", ">", "@", ",", ";", "；", "，",
    "\"", "'", "“", "”", "(", ")", "\\", "=?", "?=", "=?utf-8?b?", "=?gbk?q?", "\n", "\r\n", "\n ",
    "\t", " ", "> ", ">> ", "-- \n", "On Mon, 1 Apr 2024 at 10:00, A <a@b.c> wrote:\n",
    "-----Original Message-----\n", "From: x\nSent: y\n", "Sent from my iPhone", "发自我的iPhone",
    "密码是 ", "my password is ", "PIN码：", "login code ", "验证码", "api_id ", "api_hash ",
    "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", "a1b2c3d4e5f60718293a4b5c6d7e8f90", "11010519491231002X",
    "+86 138 0013 8000", "13800138000", "+1 (415) 555-0132", "0086", "6222021234567890123",
    "[技术问题] - ", "[Bug] - ", "【账户安全】", "iPhone 13, iOS 17.2", "Telegram 10.5", "Wi-Fi", "4G",
    "attached", "附件", "screenshot", "!!!", "???", "WHY IS THIS BROKEN", "垃圾软件", "idiot",
    "yesterday at 10:00", "昨天", "http://t.me/x", "@username", "#", "&amp;", "&#x1F600;", "\u200b",
    "\ufeff", "\x00", "\udc80", "\U0001f600", "ǅ", "ß", "İ", "ﬃ",
)  # fmt: skip

_HTML_PIECES = (
    "<p>", "</p>", "<br>", "<br/>", "<div>", "</div>", "<blockquote>", "</blockquote>", "<pre>", "</pre>",
    "<script>", "</script>", "<style>", "</style>", "<head>", "<title>", "</title>", "<body>", "<a href='",
    "'>", '">', "<a ", "<", ">", "</", "<!--", "-->", "<!", "<![CDATA[", "]]>", "<![if !x]>", "<![endif]>",
    "<?xml ?>", "&", "&#", "&#x", ";", "=", "'", '"', "<td>", "<tr>", "<li>", "<table>", "\n", " ",
)  # fmt: skip


_DISPOSITIONS = (
    "",
    "inline",
    "attachment",
    'attachment; filename="a.png"',
    "attachment; filename*=utf-8''%E4%B8%AD.txt",
)


def _texts() -> st.SearchStrategy[str]:
    """Arbitrary Unicode, mixed with the pieces real drafts are made of."""
    return st.lists(st.one_of(st.text(max_size=30), st.sampled_from(_TEXT_PIECES)), max_size=25).map("".join)


@st.composite
def _encoded_words(draw: st.DrawFn) -> str:
    charset = draw(st.one_of(st.sampled_from(_CHARSETS), st.text(min_size=1, max_size=8)))
    text = draw(_texts())
    try:
        payload = text.encode(charset or "utf-8", errors="replace")
    except (LookupError, TypeError, ValueError, UnicodeError):
        payload = draw(st.binary(max_size=40))
    if draw(st.booleans()):
        payload = draw(st.binary(max_size=40))
    if draw(st.booleans()):
        encoded = base64.b64encode(payload).decode()
        kind = "b"
        if draw(st.booleans()):
            encoded = encoded[: draw(st.integers(0, len(encoded)))]  # cut, badly padded
    else:
        encoded = quopri.encodestring(payload, header=True).decode().replace("?", "=3F").replace("\n", "")
        kind = "q"
    return f"=?{charset}?{draw(st.sampled_from([kind, kind.upper()]))}?{encoded}?="


def _header_values() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(_texts(), _encoded_words()), max_size=6).map(" ".join)


@st.composite
def _header_block(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 7))):
        name = draw(st.one_of(st.sampled_from(_HEADER_NAMES), st.text(max_size=10)))
        separator = draw(st.sampled_from([": ", ":", "：", " : ", ":\n "]))
        lines.append(f"{name}{separator}{draw(_header_values())}")
    return "\n".join(lines)


@st.composite
def _mime_entity(draw: st.DrawFn, depth: int = 0) -> str:
    """A MIME entity: random headers and a body, nested up to a few levels."""
    kinds = ["text/plain", "text/html", "image/png", "application/octet-stream", "message/rfc822", "text"]
    if depth < 3:
        kinds += ["multipart/mixed", "multipart/alternative", "multipart/related", "multipart/digest"]
    content_type = draw(st.sampled_from(kinds))
    charset = draw(st.sampled_from(_CHARSETS))
    encoding = draw(st.sampled_from(["", "base64", "quoted-printable", "8bit", "7bit", "x-uuencode"]))
    disposition = draw(
        st.sampled_from(
            ["", "inline", "attachment", 'attachment; filename="a.png"', "attachment; filename*=utf-8''%E4%B8%AD.txt"]
        )
    )
    headers = [f"Content-Type: {content_type}; charset={charset}"]
    if encoding:
        headers.append(f"Content-Transfer-Encoding: {encoding}")
    if disposition:
        headers.append(f"Content-Disposition: {disposition}")
    if content_type.startswith("multipart/"):
        # Boundaries that are prefixes of each other and of the content are allowed on purpose.
        boundary = draw(st.sampled_from(["b", "bb", "b-1", "=_x", "a b", '"q"', ""])) + str(depth)
        headers[0] = f'Content-Type: {content_type}; boundary="{boundary}"'
        children = draw(st.lists(_mime_entity(depth + 1), max_size=3))
        body = "".join(f"--{boundary}\n{child}\n" for child in children)
        if draw(st.booleans()):
            body += f"--{boundary}--\n"
    elif content_type == "message/rfc822":
        body = f"{draw(_header_block())}\n\n{draw(_texts())}"
    elif content_type == "text/html":
        body = draw(_html())
    else:
        body = draw(_texts())
    if encoding == "base64" and draw(st.booleans()):
        body = base64.encodebytes(body.encode("utf-8", "surrogatepass")).decode()
    elif encoding == "quoted-printable" and draw(st.booleans()):
        body = quopri.encodestring(body.encode("utf-8", "surrogatepass")).decode()
    return "\n".join(headers) + "\n\n" + body


def _html() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(_HTML_PIECES), _texts()), max_size=40).map("".join)


def _encode(text: str, draw: st.DrawFn) -> bytes:
    encoding = draw(st.sampled_from(["utf-8", "gb18030", "latin-1", "utf-16"]))
    return text.encode(encoding, errors="surrogateescape" if encoding == "utf-8" else "replace")


_ENVELOPE = b"From someone@example.com Mon Apr  1 10:00:00 2024\n"


# --------------------------------------------------------------------------- reading alone


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["fuzz.eml", "fuzz.txt", "Drafts.mbox"]))
def test_any_bytes_are_read_as_drafts_or_one_line_errors(data: bytes, path: str) -> None:
    for variant in (data, _ENVELOPE + data, b"Message-ID: <x@y>\n" + data):
        items = read_bytes(variant, path)
        assert items
        for item in items:
            assert isinstance(item, Draft | ReadError), item
            if isinstance(item, ReadError):
                assert item.message and "\n" not in item.message
                assert "unexpected" not in item.message, item


@FUZZ
@given(_html())
def test_any_html_turns_into_text(html: str) -> None:
    text = html_to_text(html)
    assert isinstance(text, str)
    assert "<script" not in text.lower() or "<script" in html.lower()


@FUZZ
@given(_texts())
def test_any_body_gets_sorted_regions_inside_it(text: str) -> None:
    regions = find_regions(text)
    assert list(regions) == sorted(regions, key=lambda region: (region.start, region.end))
    for region in regions:
        assert 0 <= region.start <= region.end <= len(text)


# --------------------------------------------------------------------------- the whole check


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["fuzz.eml", "fuzz.txt", "Drafts.mbox"]), st.booleans())
def test_any_bytes_are_checked_without_a_crash(data: bytes, path: str, as_mbox: bool) -> None:
    check_bytes(_ENVELOPE + data if as_mbox else data, path)


@FUZZ
@given(st.data())
def test_any_unicode_in_any_header_is_checked_without_a_crash(data: st.DataObject) -> None:
    headers = data.draw(_header_block())
    body = data.draw(_texts())
    text = f"{headers}\n\n{body}"
    if data.draw(st.booleans()):
        # A real message: one field a plain-text draft would not have.
        text = "Message-ID: <fuzz@example.com>\nMIME-Version: 1.0\n" + text
    check_bytes(_encode(text, data.draw), data.draw(st.sampled_from(["fuzz.eml", "fuzz.txt"])))


@FUZZ
@given(st.data())
def test_any_mime_tree_is_checked_without_a_crash(data: st.DataObject) -> None:
    headers = data.draw(_header_block())
    message = f"Message-ID: <fuzz@example.com>\nMIME-Version: 1.0\n{headers}\n{data.draw(_mime_entity())}"
    if data.draw(st.booleans()):
        message = message.replace("\n", "\r\n")
    check_bytes(message.encode("utf-8", "surrogateescape"), "fuzz.eml")


def _tiny_limits() -> st.SearchStrategy[Limits]:
    """Limits small enough that random input crosses them: every cut path gets exercised."""
    small = st.integers(min_value=1, max_value=40)
    return st.builds(
        Limits,
        max_file_size=st.integers(min_value=1, max_value=5000),
        max_lines=small,
        max_messages=small,
        max_depth=st.integers(min_value=1, max_value=4),
        max_parts=small,
        max_header_length=small,
        max_encoded_words=small,
        max_body_length=small,
    )


@FUZZ
@given(st.data(), _tiny_limits())
def test_any_mime_tree_is_read_within_tiny_limits(data: st.DataObject, limits: Limits) -> None:
    headers = data.draw(_header_block())
    message = f"Message-ID: <fuzz@example.com>\nMIME-Version: 1.0\n{headers}\n{data.draw(_mime_entity())}"
    for variant in (message, "From a@b.c Mon Apr  1 10:00:00 2024\n" + message + "\n" + message, headers):
        items = read_bytes(variant.encode("utf-8", "surrogateescape"), "fuzz.eml", limits=limits)
        assert items
        for item in items:
            assert isinstance(item, Draft | ReadError), item
            if isinstance(item, ReadError):
                assert item.message and "\n" not in item.message
                assert "unexpected" not in item.message, item
            else:
                assert len(item.body.text) <= limits.max_body_length
                header_parts = [part for name, part in item.parts.items() if name != "body"]
                assert all(len(part.text) <= limits.max_header_length for part in header_parts), item
