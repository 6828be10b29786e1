"""Reading drafts: each form of input, with the fixtures in fixtures/parsing/."""

from __future__ import annotations

import base64
import io
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tglint.reading as reading
from tglint.draft import Attachment, Draft, ReadError, RegionKind
from tglint.reading import TRUNCATED, Limits, discover, read_bytes, read_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "parsing"


def read_one(name: str) -> Draft:
    results = read_path(str(FIXTURES / name))
    assert len(results) == 1
    draft = results[0]
    assert isinstance(draft, Draft), draft
    return draft


def read_error(name: str) -> ReadError:
    results = read_path(str(FIXTURES / name))
    assert len(results) == 1
    assert isinstance(results[0], ReadError), results[0]
    return results[0]


def addresses(draft: Draft) -> list[tuple[str, str, str]]:
    return [(r.field, r.address, r.display_name) for r in draft.recipients]


# --------------------------------------------------------------------------- plain-text drafts


def test_header_block_parts_know_their_file_positions() -> None:
    draft = read_one("header-block.txt")
    assert draft.kind == "text"
    assert draft.can_attach is False
    subject = draft.parts["subject"]
    assert subject.text == "[技术问题] - xx"
    assert (subject.first_line, subject.first_column) == (2, 10)
    assert subject.position(subject.text.index("xx")) == (2, 19)
    assert draft.parts["to"].text == "Telegram Support <support@telegram.org>"
    assert draft.body.first_line == 5
    assert draft.body.text.startswith("您好，\n")
    # "Telegram" in the body is on file line 7, after "我的 " (3 characters).
    assert draft.body.position(draft.body.text.index("Telegram")) == (7, 4)


def test_header_block_recipients_with_offsets() -> None:
    draft = read_one("header-block.txt")
    assert addresses(draft) == [
        ("to", "support@telegram.org", "Telegram Support"),
        ("cc", "me@example.com", ""),
        ("cc", "backup@example.com", ""),
    ]
    to = draft.parts["to"]
    first = draft.recipients[0]
    assert to.text[first.start : first.end] == "support@telegram.org"
    assert to.position(first.start) == (1, 23)
    cc = draft.parts["cc"]
    backup = draft.recipients[2]
    assert cc.text[backup.start : backup.end] == "backup@example.com"


def test_header_block_body_regions() -> None:
    body = read_one("header-block.txt").body
    kinds = [(region.kind, body.text[region.start : region.end].split("\n")[0]) for region in body.regions]
    assert kinds == [
        (RegionKind.SIGNATURE, "-- "),
        (RegionKind.QUOTED, "On Mon, 1 Apr 2024 at 10:00, Support <support@telegram.org> wrote:"),
    ]
    assert "Please describe" not in body.writer_text()
    assert "无法发送消息" in body.writer_text()


def test_body_only_file() -> None:
    draft = read_one("body-only.txt")
    assert set(draft.parts) == {"body"}
    assert draft.subject is None
    assert draft.recipients == ()
    assert draft.body.first_line == 1
    assert draft.body.text.startswith("Hello Telegram team,\n")
    quoted = [r for r in draft.body.regions if r.kind is RegionKind.QUOTED]
    assert [draft.body.text[r.start : r.end] for r in quoted] == ["> This line is quoted."]
    signature = [r for r in draft.body.regions if r.kind is RegionKind.SIGNATURE]
    assert [draft.body.text[r.start : r.end] for r in signature] == ["Sent from my iPhone"]


def test_chinese_labels_and_full_width_colon() -> None:
    draft = read_one("chinese-headers.txt")
    to, subject, sender = draft.parts["to"], draft.parts["subject"], draft.parts["from"]
    assert to.text == "support@telegram.org，security@telegram.org"
    assert (to.first_line, to.first_column) == (1, 5)
    assert subject.text == "[账户安全] - 发现异常登录活动请求协助"
    assert (subject.first_line, subject.first_column) == (2, 5)
    assert sender.text == "李四 <lisi@example.cn>"
    assert addresses(draft) == [("to", "support@telegram.org", ""), ("to", "security@telegram.org", "")]
    second = draft.recipients[1]
    assert to.position(second.start) == (1, 26)
    assert draft.body.first_line == 5
    assert [r.kind for r in draft.body.regions] == [RegionKind.QUOTED]


def test_crlf_is_normalised_and_positions_still_match() -> None:
    draft = read_one("crlf.txt")
    assert all("\r" not in part.text for part in draft.parts.values())
    assert draft.parts["subject"].text == "CRLF draft"
    body = draft.body
    assert body.first_line == 4
    assert body.position(body.text.index("+86")) == (5, 26)


def test_gbk_file_is_read_as_gb18030_with_a_note() -> None:
    draft = read_one("gbk.txt")
    assert draft.parts["subject"].text == "[技术问题] - 王喆的账号无法登录"
    assert (draft.parts["subject"].first_line, draft.parts["subject"].first_column) == (1, 4)
    assert draft.body.text == "您好，我是王喆。\n"
    assert draft.body.first_line == 3
    assert draft.notes == ("file: not UTF-8, read as GB18030",)


def test_utf8_bom_is_stripped() -> None:
    [draft] = read_bytes("\ufeffSubject: 你好\n\nbody\n".encode(), "bom.txt")
    assert isinstance(draft, Draft)
    assert draft.parts["subject"].text == "你好"
    assert draft.parts["subject"].first_column == 10


def test_latin1_fallback_adds_a_note() -> None:
    [draft] = read_bytes(b"Subject: caf\xe9\n\n\xff\xfe\xfd body\n", "latin.txt")
    assert isinstance(draft, Draft)
    assert draft.notes == ("file: neither UTF-8 nor GB18030, read as Latin-1",)
    assert draft.body.text == "\xff\xfe\xfd body\n"


def test_lone_8bit_bytes_are_latin1_not_chinese() -> None:
    [draft] = read_bytes(b"Subject: caf\xe9 cr\xe8me\n\nbody\n", "latin.txt")
    assert isinstance(draft, Draft)
    assert draft.parts["subject"].text == "café crème"
    assert draft.notes == ("file: not UTF-8, read as Latin-1",)


def test_header_lines_without_blank_line_still_count() -> None:
    [draft] = read_bytes(b"To: support@telegram.org\nHello team,\nmy app crashes.\n", "x.txt")
    assert isinstance(draft, Draft)
    assert draft.parts["to"].text == "support@telegram.org"
    assert draft.body.text == "Hello team,\nmy app crashes.\n"
    assert draft.body.first_line == 2


def test_space_separated_addresses_are_all_found() -> None:
    [draft] = read_bytes(b"To: support@telegram.org security@telegram.org\n\nHi\n", "x.txt")
    assert isinstance(draft, Draft)
    assert [(r.address, r.start, r.end) for r in draft.recipients] == [
        ("support@telegram.org", 0, 20),
        ("security@telegram.org", 21, 42),
    ]


def test_prose_with_colon_is_not_a_mime_header() -> None:
    [draft] = read_bytes(b"Note: my account was stolen.\nPlease help.\n", "x.txt")
    assert isinstance(draft, Draft)
    assert draft.kind == "text"
    assert draft.body.text == "Note: my account was stolen.\nPlease help.\n"


# --------------------------------------------------------------------------- errors


def test_empty_file() -> None:
    assert read_error("empty.txt").message == "empty file"


def test_binary_file() -> None:
    assert read_error("binary.bin").message == "binary file, not an e-mail draft"


def test_missing_file() -> None:
    [error] = read_path(str(FIXTURES / "no-such-draft.txt"))
    assert error == ReadError(str(FIXTURES / "no-such-draft.txt"), "cannot read: No such file or directory")


def test_directory() -> None:
    [error] = read_path(str(FIXTURES))
    assert isinstance(error, ReadError)
    assert error.message == "cannot read: Is a directory"


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2001)
    [error] = read_path(str(path), max_bytes=2000)
    assert error == ReadError(str(path), "too large: over the 2,000-byte limit for one file")
    assert read_bytes(b"x" * 2000, "ok.txt", max_bytes=2000)[0].__class__ is Draft


@pytest.mark.parametrize("said", [0, 1, 1500, 1999])
def test_a_file_larger_than_its_size_says_is_read_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: int
) -> None:
    """The size a file gives is read first (not a buffer of the limit's size); what follows it is read too, up to
    the limit: a file that grew meanwhile, or one whose size says nothing (a pipe, /proc), reads as it is."""
    real_fstat = reading.os.fstat

    def understated(fd: int) -> object:
        found = real_fstat(fd)
        return type("Stat", (), {"st_size": min(said, found.st_size)})()

    monkeypatch.setattr(reading.os, "fstat", understated)
    whole = tmp_path / "whole.txt"
    whole.write_bytes(b"Subject: s\n\n" + b"y" * 1980)
    [draft] = read_path(str(whole), max_bytes=2000)
    assert isinstance(draft, Draft)
    assert draft.parts["body"].text == "y" * 1980
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2001)
    [error] = read_path(str(big), max_bytes=2000)
    assert error == ReadError(str(big), "too large: over the 2,000-byte limit for one file")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Subject: from stdin\n\nbody\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    [draft] = read_path("-")
    assert isinstance(draft, Draft)
    assert draft.path == "-"
    assert draft.parts["subject"].text == "from stdin"


def test_twenty_megabyte_text_draft(tmp_path: Path) -> None:
    line = "我的账号无法登录，The app crashes when I open Settings -> Privacy.\n"
    repeats = 20 * 1024 * 1024 // len(line.encode()) + 1
    path = tmp_path / "huge.txt"
    path.write_bytes(("Subject: [技术问题] - huge\n\n" + line * repeats).encode())
    started = time.perf_counter()
    # The default max-body-length would cut the body (see test_hardening.py); read it all here.
    [draft] = read_path(str(path), limits=Limits(max_body_length=30 * 1024 * 1024))
    elapsed = time.perf_counter() - started
    assert isinstance(draft, Draft)
    assert path.stat().st_size > 20 * 1024 * 1024
    assert draft.parts["subject"].text == "[技术问题] - huge"
    assert len(draft.body.text) == len(line) * repeats
    assert draft.body.regions == ()
    assert elapsed < 10


def test_large_attachment_size_is_estimated(tmp_path: Path) -> None:
    payload = bytes(3 * 1024 * 1024)
    message = (
        b"From: a@example.com\nTo: support@telegram.org\nSubject: logs\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\nLogs attached.\n'
        b'--B\nContent-Type: application/zip\nContent-Disposition: attachment; filename="logs.zip"\n'
        b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(payload) + b"--B--\n"
    )
    [draft] = read_bytes(message, "big.eml")
    assert isinstance(draft, Draft)
    assert draft.attachments == (Attachment("logs.zip", "application/zip", len(payload)),)
    assert draft.body.text == "Logs attached."


@settings(max_examples=150, deadline=None, database=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_drafts_or_errors(data: bytes) -> None:
    results = read_bytes(data, "fuzz")
    assert results
    assert all(isinstance(result, (Draft, ReadError)) for result in results)


@settings(max_examples=150, deadline=None, database=None)
@given(st.data())
def test_cut_or_corrupted_messages_never_raise(data: st.DataObject) -> None:
    original = (FIXTURES / "mixed-with-attachment.eml").read_bytes()
    cut = data.draw(st.integers(min_value=1, max_value=len(original)))
    position = data.draw(st.integers(min_value=0, max_value=cut - 1))
    junk = data.draw(st.binary(min_size=1, max_size=8))
    mangled = original[:position] + junk + original[position + 1 : cut]
    results = read_bytes(mangled, "mangled.eml")
    assert results
    assert all(isinstance(result, (Draft, ReadError)) for result in results)


# --------------------------------------------------------------------------- MIME


def test_encoded_subject_gb2312() -> None:
    draft = read_one("encoded-subject-gb2312.eml")
    assert draft.kind == "mime"
    assert draft.can_attach is True
    subject = draft.parts["subject"]
    assert subject.text == "[技术问题] - 消息发送失败"
    # Encoded words: the text is not written as such; it comes from the value at line 5, column 10.
    assert (subject.first_line, subject.first_column) == (5, 10)
    assert not subject.locate(0, len(subject.text)).exact
    assert draft.parts["from"].text == "张三 <zhangsan@example.cn>"
    assert draft.parts["to"].text == "Telegram 支持 <support@telegram.org>, security@telegram.org"
    assert addresses(draft) == [
        ("to", "support@telegram.org", "Telegram 支持"),
        ("to", "security@telegram.org", ""),
    ]
    assert [(r.start, r.end) for r in draft.recipients] == [(13, 33), (36, 57)]
    assert draft.body.text == "您好，我无法发送消息。\n谢谢！"
    assert draft.notes == ()


def test_encoded_subject_big5() -> None:
    draft = read_one("encoded-subject-big5.eml")
    assert draft.parts["subject"].text == "帳號被盜"
    assert draft.body.text == "我的帳號被盜了。"


def test_encoded_words_split_inside_a_character() -> None:
    draft = read_one("encoded-subject-split-utf8.eml")
    assert draft.parts["subject"].text == "Re: 账户安全：异常登录 (urgent)"
    assert draft.parts["from"].text == "Li Si <lisi@example.com>"


def test_quoted_printable_body() -> None:
    body = read_one("qp-body.eml").body.text
    assert body == (
        "Hello,\nmy phone number is +86 138 0000 0000 and the app shows “Error 400” every time"
        " I log in from the new phone.\n再见"
    )


def test_base64_gbk_body_and_headers() -> None:
    draft = read_one("base64-gbk-body.eml")
    assert draft.parts["subject"].text == "[技术问题] - 王喆和王堃的账号"
    assert draft.parts["from"].text == "王喆 <wangzhe@example.cn>"
    assert draft.body.text == "我是王喆，我的朋友王堃也遇到同样的问题。"
    assert draft.notes == ()


def test_gb2312_label_on_gbk_bytes_reads_cleanly() -> None:
    draft = read_one("gb2312-label-gbk-bytes.eml")
    assert draft.parts["subject"].text == "王喆"
    assert draft.body.text == "王喆的账号"
    assert draft.notes == ()


def test_unknown_charset_falls_back_with_notes() -> None:
    draft = read_one("unknown-charset.eml")
    assert draft.parts["subject"].text == "无法登录"
    assert draft.body.text == "我无法登录我的账号。"
    assert draft.notes == (
        "subject: unknown charset 'x-no-such-charset', read as UTF-8",
        "body: unknown charset 'x-no-such-charset', read as UTF-8",
    )


def test_undecodable_declared_charset_is_replaced_with_a_note() -> None:
    message = b"Subject: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=iso-2022-jp\n\n\x1b$B\xff\xfe\n"
    [draft] = read_bytes(message, "bad.eml")
    assert isinstance(draft, Draft)
    assert "\ufffd" in draft.body.text
    assert draft.notes == ("body: not valid 'iso-2022-jp', read as iso2022_jp with replacements",)


def test_raw_8bit_headers_use_the_message_charset() -> None:
    draft = read_one("raw-8bit-latin1-headers.eml")
    assert draft.parts["from"].text == "Jürgen Müller <juergen@example.de>"
    assert draft.parts["subject"].text == "Konto gesperrt, bitte prüfen"
    assert draft.body.text == "Mein Konto ist gesperrt. Grüße"
    assert draft.notes == ()


def test_text_part_without_charset_inherits_the_multipart_one() -> None:
    message = (
        b'MIME-Version: 1.0\nSubject: x\nContent-Type: multipart/signed; charset="EUC-JP"; boundary=B\n\n'
        b"--B\nContent-Type: text/plain\n\n" + "いろはにほへと".encode("euc-jp") + b"\n--B--\n"
    )
    [draft] = read_bytes(message, "signed.eml")
    assert isinstance(draft, Draft)
    assert draft.body.text == "いろはにほへと"
    assert draft.notes == ()


def test_alternative_html_only_is_converted_to_text() -> None:
    draft = read_one("alternative-html-only.eml")
    body = draft.body.text
    assert body == (
        "Hello Telegram & team,\n\nThe app crashes\nevery time.\n\n- iOS 17.2\n- iPhone 15\n\n"
        "On Mon, 1 Apr 2024, Support <support@telegram.org> wrote:\n> Please send logs."
    )
    assert "hidden title" not in body and "alert" not in body and "color" not in body
    [quoted] = draft.body.regions
    assert quoted.kind is RegionKind.QUOTED
    assert body[quoted.start :].startswith("On Mon, 1 Apr 2024")


def test_alternative_prefers_plain_text_and_keeps_inline_images() -> None:
    draft = read_one("alternative-plain-and-html.eml")
    assert draft.body.text == "Plain version of the text."
    assert draft.attachments == (Attachment(None, "image/png", 200),)


def test_mixed_with_attachments() -> None:
    draft = read_one("mixed-with-attachment.eml")
    assert draft.body.text == "See the attached screenshot and log."
    assert draft.attachments == (
        Attachment("screenshot.png", "image/png", 200),
        Attachment("日志.pdf", "application/pdf", 1013),
        Attachment(None, "image/jpeg", 300),
    )
    # The display name holds a comma: it must not split into a bogus address.
    assert addresses(draft) == [
        ("to", "support@telegram.org", "Support, Telegram"),
        ("cc", "friend@example.com", ""),
    ]
    to = draft.parts["to"]
    assert to.text[draft.recipients[0].start : draft.recipients[0].end] == "support@telegram.org"


def test_nested_rfc822_is_a_quoted_forward_in_the_body() -> None:
    draft = read_one("nested-rfc822.eml")
    body = draft.body
    assert body.text == (
        "Someone tried to log in to my account, see below.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Telegram <telegram@example.org>\n"
        "Date: Mon, 1 Apr 2024 09:00:00 +0000\n"
        "Subject: Login code\n"
        "To: a@example.com\n\n"
        "Your login code is 12345."
    )
    [forwarded] = body.regions
    assert forwarded.kind is RegionKind.QUOTED
    assert body.text[forwarded.start :].startswith("---------- Forwarded message")
    assert forwarded.end == len(body.text)
    assert draft.attachments == ()


def test_nested_rfc822_attachment_is_listed() -> None:
    draft = read_one("nested-rfc822-attachment.eml")
    assert draft.body.text == "The original message is attached."
    [attachment] = draft.attachments
    assert (attachment.filename, attachment.content_type) == ("original.eml", "message/rfc822")
    assert 100 < attachment.size < 200


def test_truncated_message_reads_what_is_there() -> None:
    draft = read_one("truncated.eml")
    assert draft.body.text == "The log is attached."
    [attachment] = draft.attachments
    assert (attachment.filename, attachment.content_type) == ("logs.zip", "application/zip")
    # Truncated is an error for the file (exit 2); what was read is still checked.
    assert draft.error == TRUNCATED
    assert draft.notes == ()


def test_headers_the_stdlib_policy_raises_on() -> None:
    draft = read_one("malformed-headers.eml")
    assert draft.parts["to"].text == "unlisted-recipients:; (no To-header on input)"
    assert addresses(draft) == [("cc", "support@telegram.org", "")]
    assert draft.body.text == "Body survives."


def test_mime_is_recognised_whatever_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes((FIXTURES / "encoded-subject-gb2312.eml").read_bytes())
    [draft] = read_path(str(path))
    assert isinstance(draft, Draft)
    assert draft.kind == "mime"


def test_header_field_with_spaces_does_not_end_the_header_block() -> None:
    message = (
        b"From: a@example.com\nSubject: odd header\nContent-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: base64\nX-Odd name/\t !: value\n continued\n\n"
        + base64.encodebytes("正文".encode())
    )
    [draft] = read_bytes(message, "odd.eml")
    assert isinstance(draft, Draft)
    assert draft.body.text == "正文"


# --------------------------------------------------------------------------- mbox


def test_mbox_gives_one_draft_per_message() -> None:
    path = str(FIXTURES / "drafts.mbox")
    results = read_path(path)
    assert [result.path for result in results] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    drafts = [result for result in results if isinstance(result, Draft)]
    assert [draft.parts["subject"].text for draft in drafts] == ["First draft", "第二封", "Third draft"]
    assert [draft.recipients[0].address for draft in drafts] == [
        "support@telegram.org",
        "security@telegram.org",
        "abuse@telegram.org",
    ]
    # An unescaped "From " line in a body does not start a message.
    assert drafts[0].body.text == "First body.\n\nFrom Russia with love, as the film says."


def test_text_starting_with_from_is_not_an_mbox() -> None:
    [draft] = read_bytes(b"From yesterday on, my account is locked.\nPlease help.\n", "x.txt")
    assert isinstance(draft, Draft)
    assert draft.kind == "text"


# --------------------------------------------------------------------------- discover


def make_tree(root: Path) -> None:
    for relative in [
        "b.eml",
        "a.txt",
        "sub/c.eml",
        "sub/d.md",
        "sub/deep/e.eml",
        ".git/x.eml",
        "skip/f.eml",
        ".hidden.eml",
    ]:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_discover_walks_sorted_and_skips_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = [Path(path).relative_to(tmp_path).as_posix() for path in discover([str(tmp_path)])]
    assert found == ["a.txt", "b.eml", "skip/f.eml", "sub/c.eml", "sub/d.md", "sub/deep/e.eml"]


def test_discover_include_and_exclude(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = discover([str(tmp_path)], include=["*.eml"], exclude=["skip", "sub/deep/*"])
    assert [Path(path).relative_to(tmp_path).as_posix() for path in found] == ["b.eml", "sub/c.eml"]


def test_discover_yields_named_files_whatever_their_name(tmp_path: Path) -> None:
    make_tree(tmp_path)
    named = [str(tmp_path / "sub" / "d.md"), str(tmp_path / "missing.bin"), "-"]
    assert list(discover(named, include=["*.eml"])) == named


def test_discover_is_lazy_over_ten_thousand_files(tmp_path: Path) -> None:
    for index in range(10_000):
        (tmp_path / f"{index:05d}.eml").touch()
    walker = discover([str(tmp_path)])
    assert next(walker) == str(tmp_path / "00000.eml")
    assert sum(1 for _ in walker) == 9_999


def test_the_package_readme_names_every_module() -> None:
    package = Path(reading.__file__).parent
    readme = (package / "README.md").read_text(encoding="utf-8")
    modules = sorted(path.name for path in package.glob("*.py") if path.name != "__init__.py")
    assert len(modules) > 5
    assert [name for name in modules if f"| `{name}` |" not in readme] == []
    assert "## Lines and offsets" in readme


def test_what_tglint_imports_from_reading_is_exported() -> None:
    # Every name imported from `tglint.reading` anywhere in the package is in its `__all__`.
    root = Path(reading.__file__).parents[1]
    imported: set[str] = set()
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for names in re.findall(r"from tglint\.reading import ([\w, ]+)", text):
            imported.update(name.strip() for name in names.split(","))
    assert imported and imported <= set(reading.__all__), imported - set(reading.__all__)


def test_a_parsed_message_is_freed_without_the_garbage_collector() -> None:
    # A cycle through the parse would keep every tree of a large run until a collection.
    import gc
    import weakref

    from tglint.reading.structure import Budget, parse_message

    data = b'Content-Type: multipart/mixed; boundary="B"\n\n--B\n\ntext\n--B--\n'
    enabled = gc.isenabled()
    gc.disable()
    try:
        message = parse_message(data, Budget(Limits(), []))
        root, part = weakref.ref(message), weakref.ref(list(message.walk())[1])
        del message
        assert root() is None and part() is None
    finally:
        if enabled:
            gc.enable()


def test_a_parsed_part_holds_its_text_once() -> None:
    # The parser strips a part's last line end by replacing its payload: a copy kept aside
    # would double the memory of every large part.
    import tracemalloc

    from tglint.reading.structure import Budget, parse_message

    text = "line of a large part\n" * 100_000
    data = f'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\n{text}--B--\n'.encode()
    tracemalloc.start()
    try:
        message = parse_message(data, Budget(Limits(), []))
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert list(message.walk())[1].get_payload() == text.removesuffix("\n")
    assert held < 1.5 * len(text)
