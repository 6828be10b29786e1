"""Hardening: what reading one file may cost, pathological mail, and clean errors.

A pre-send checker runs in commit hooks and CI over whatever lands there, so:
- every limit of `tglint.reading.Limits` is enforced, configurable from
  `[tool.tglint.limits]`, and leaves a note (or a one-line per-file error);
- each pathological message of the issue (MIME nested 1,000 deep, 1,000 attachments, a
  1 MB header line, a 20 MB base64 attachment, boundaries that are prefixes of each
  other, a quoted-printable soft-break storm, 100,000 encoded words...) is generated in
  a temporary directory and checked by the whole CLI in a child process, whose wall time
  and peak memory (rusage of that child alone, via `os.wait4` in a small wrapper) stay
  under bounds loose enough for a loaded 2-core CI machine and tight enough to catch a
  blow-up (before the limits, nesting crashed, a 1 MB header took minutes and a 64 KB
  HTML part ten seconds);
- the rules stay linear on long runs of one character;
- a broken config, an unknown rule, a malformed rule pack or a plugin that raises gives
  one clear line, never a traceback.

`run_tglint` is shared with the other hardening modules (secrets, offline, determinism).
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

import tglint.reading as reading
from tglint.config import ConfigError, load_config, settings_from_table
from tglint.draft import Draft, ReadError
from tglint.html_text import html_to_text
from tglint.reading import PARTIAL_NOTE, Limits, is_partial, read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]
# Bounds for one pathological file, whole CLI run included (interpreter, imports, rules).
MAX_SECONDS = 20.0
MAX_RSS_BYTES = 1024**3


# --------------------------------------------------------------------------- running the CLI


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss: int  # bytes: the child's own high-water mark
    timed_out: bool = False

    def describe(self) -> str:
        return f"exit {self.returncode} in {self.seconds:.1f} s, peak RSS {self.peak_rss / 2**20:.0f} MiB"


# Runs the command in argv[3:] and writes its exit status, wall time and peak RSS to
# argv[1] as JSON. The peak RSS Linux reports for a child includes that of the process
# it was forked from (the kernel keeps the larger of the two across exec), so the child
# is forked from this small interpreter rather than from the test process.
_MEASURE = """
import json, os, subprocess, sys, time
report, timeout, command = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
started = time.perf_counter()
process = subprocess.Popen(command)
timed_out = False
while True:
    pid, status, usage = os.wait4(process.pid, os.WNOHANG)
    if pid:
        break
    if time.perf_counter() - started > timeout:
        process.kill()
        pid, status, usage = os.wait4(process.pid, 0)
        timed_out = True
        break
    time.sleep(0.01)
process.returncode = os.waitstatus_to_exitcode(status)
with open(report, "w") as handle:
    json.dump({"returncode": process.returncode, "seconds": time.perf_counter() - started,
               "peak_rss": usage.ru_maxrss * 1024, "timed_out": timed_out}, handle)
"""


def run_tglint(
    args: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    timeout: float = 120.0,
    cwd: Path | None = None,
    python_args: Sequence[str] = ("-m", "tglint"),
) -> Run:
    """`python -m tglint ARGS` in a child process: its output, wall time and peak RSS.

    Output goes to temporary files, so a large report cannot block a pipe. A child still
    running after `timeout` seconds is killed (and the run says so).
    """
    child_env = {**os.environ, **(env or {})}
    child_env.pop("TGLINT_DEBUG", None)
    child_env.setdefault("PYTHONHASHSEED", "0")
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "measure.json"
        out_path, err_path = Path(scratch) / "stdout", Path(scratch) / "stderr"
        command = [sys.executable, "-c", _MEASURE, str(report), str(timeout), sys.executable, *python_args, *args]
        with out_path.open("wb") as out, err_path.open("wb") as err:
            subprocess.run(command, stdout=out, stderr=err, env=child_env, cwd=cwd, timeout=timeout + 60, check=False)
        measured = json.loads(report.read_text())
        return Run(
            returncode=measured["returncode"],
            stdout=out_path.read_bytes().decode("utf-8", "replace"),
            stderr=err_path.read_bytes().decode("utf-8", "replace"),
            seconds=measured["seconds"],
            peak_rss=measured["peak_rss"],
            timed_out=measured["timed_out"],
        )


def run_many(jobs: Sequence[Callable[[], Run]], workers: int = 2) -> list[Run]:
    """Several child runs, two at a time (the CI machine has two cores)."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda job: job(), jobs))


def assert_no_traceback(run: Run) -> None:
    for stream in (run.stdout, run.stderr):
        assert "Traceback" not in stream, stream[-2000:]
        assert 'File "' not in stream, stream[-2000:]


# --------------------------------------------------------------------------- limits and their config


def test_every_limit_is_documented_with_its_key() -> None:
    doc = (Path(reading.__file__).parent / "README.md").read_text(encoding="utf-8")
    for item in fields(Limits):
        assert f"- {item.name.replace('_', '-')} (" in doc, item.name


@pytest.mark.parametrize(
    "bad",
    [{"max_depth": 0}, {"max_parts": -1}, {"max_lines": True}, {"max_body_length": 1.5}, {"max_depth": 201}],
)
def test_limits_refuse_values_that_make_no_sense(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="max-"):
        Limits(**bad)  # type: ignore[arg-type]


def test_limits_table_in_pyproject(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.tglint.limits]\nmax-depth = 12\nmax-body-length = 5000\n", encoding="utf-8")
    limits = load_config(config).limits
    assert (limits.max_depth, limits.max_body_length) == (12, 5000)
    assert limits.max_parts == Limits().max_parts


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"max-dept": 3}, "unknown key `limits.max-dept`"),
        ({"max-depth": "3"}, "`max-depth` must be a positive integer"),
        ({"max-depth": 1000}, "`max-depth` must be at most 200"),
        (3, "`limits` must be a table"),
    ],
)
def test_bad_limits_are_config_errors(table: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace("[", r"\[")):
        settings_from_table({"limits": table})


def test_settings_carry_default_limits() -> None:
    assert settings_from_table({}).limits == Limits()


def test_max_bytes_still_overrides_the_file_size_limit() -> None:
    [error] = read_bytes(b"x" * 11, "big.txt", max_bytes=10)
    assert isinstance(error, ReadError) and "10-byte limit" in error.message
    [draft] = read_bytes(b"x" * 11, "ok.txt", limits=Limits(max_file_size=11))
    assert isinstance(draft, Draft)


# --------------------------------------------------------------------------- each limit, read in-process


HEAD = "From: a@example.com\nTo: support@telegram.org\nSubject: [Bug] - crash\nMessage-ID: <x@example.com>\n"


def read_one(data: bytes, limits: Limits | None = None, path: str = "x.eml") -> Draft:
    [draft] = read_bytes(data, path, limits=limits)
    assert isinstance(draft, Draft), draft
    return draft


def partial_notes(draft: Draft) -> list[str]:
    return [note for note in draft.notes if note.startswith(PARTIAL_NOTE)]


def nested_mime(depth: int, boundary: Callable[[int], str] = lambda level: f"b{level}") -> bytes:
    out = [HEAD]
    for level in range(depth):
        out.append(f'Content-Type: multipart/mixed; boundary="{boundary(level)}"\n\n--{boundary(level)}\n')
    out.append("Content-Type: text/plain\n\ndeepest text\n")
    out.extend(f"--{boundary(level)}--\n" for level in reversed(range(depth)))
    return "".join(out).encode()


def test_a_normal_draft_is_read_in_full() -> None:
    draft = read_one((HEAD + "Content-Type: text/plain\n\nHello.\n").encode())
    assert not is_partial(draft)


def test_deep_nesting_is_skipped_below_the_limit() -> None:
    draft = read_one(nested_mime(1000))
    assert draft.body.text == ""
    assert partial_notes(draft) == [f"{PARTIAL_NOTE}MIME parts nested deeper than 40 levels are skipped (max-depth)"]
    assert read_one(nested_mime(30)).body.text == "deepest text"
    assert read_one(nested_mime(30), Limits(max_depth=10)).body.text == ""


def test_forwarded_messages_in_base64_nest_no_deeper_than_the_limit() -> None:
    message = HEAD.encode() + b"Content-Type: text/plain\n\ninnermost\n"
    for _ in range(12):  # each level is a base64 message/rfc822: parsed by tglint, not by the stdlib
        message = (
            HEAD.encode()
            + b"Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n"
            + base64.encodebytes(message)
        )
    assert "innermost" in read_one(message).body.text
    draft = read_one(message, Limits(max_depth=8))
    assert "innermost" not in draft.body.text
    assert any("(max-depth)" in note for note in draft.notes)


def test_parts_after_the_limit_are_skipped() -> None:
    parts = "".join(
        f'--B\nContent-Type: image/png\nContent-Disposition: attachment; filename="s{i}.png"\n\nx\n' for i in range(50)
    )
    data = (HEAD + 'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\nsee\n').encode()
    draft = read_one(data + parts.encode() + b"--B--\n", Limits(max_parts=20))
    assert draft.body.text == "see"
    assert len(draft.attachments) == 18  # the message, its text part, 18 images
    assert partial_notes(draft) == [
        f"{PARTIAL_NOTE}the message has more than 20 MIME parts; the rest are skipped (max-parts)"
    ]


def test_the_parts_limit_reached_inside_a_base64_forward() -> None:
    forward = base64.encodebytes(b"Subject: x\n\ninner text\n")
    data = (
        HEAD.encode() + b'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\nouter\n'
        b"--B\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n" + forward + b"--B--\n"
    )
    assert "inner text" in read_one(data, Limits(max_parts=4)).body.text
    draft = read_one(data, Limits(max_parts=3))  # the forward's own message does not fit
    assert draft.body.text == "outer" and [a.content_type for a in draft.attachments] == ["message/rfc822"]
    assert is_partial(draft)


FIELDS_CUT = f"{PARTIAL_NOTE}header fields after the first 1,000 are ignored"


def test_header_fields_after_the_first_thousand_are_ignored() -> None:
    # The message's own header block is cut before parsing: the Subject after the limit is not read.
    many = "".join(f"X-Field-{i}: v\n" for i in range(1_200))
    draft = read_one(("From: a@example.com\nMessage-ID: <x@example.com>\n" + many + "Subject: late\n\nbody\n").encode())
    assert "subject" not in draft.parts and draft.body.text == "body"
    assert partial_notes(draft) == [FIELDS_CUT]
    kept = read_one(("From: a@example.com\nMessage-ID: <x@example.com>\n" + many[: many.index("X-Field-997")]).encode()
                    + b"Subject: in time\n\nbody\n")  # fmt: skip
    assert kept.parts["subject"].text == "in time" and not is_partial(kept)


def test_header_fields_of_a_part_after_the_first_thousand_are_ignored() -> None:
    # In a part the parser's policy drops them: the attachment's disposition comes too late.
    many = "".join(f"X-Field-{i}: v\n" for i in range(1_200))
    data = (
        HEAD + 'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\nouter\n'
        "--B\n" + many + 'Content-Disposition: attachment; filename="a.txt"\n\ninner\n--B--\n'
    ).encode()
    draft = read_one(data)
    assert draft.body.text == "outer\n\ninner" and draft.attachments == ()
    assert partial_notes(draft) == [FIELDS_CUT]


def test_a_long_header_is_cut_with_a_note() -> None:
    draft = read_one((HEAD.replace("[Bug] - crash", "x" * 100_000) + "\nbody\n").encode())
    assert len(draft.parts["subject"].text) == Limits().max_header_length
    assert "the subject header is longer than 65,536 characters" in " ".join(draft.notes)
    text_draft = read_one(("Subject: " + "y" * 500 + "\n\nbody\n").encode(), Limits(max_header_length=100), "x.txt")
    assert text_draft.parts["subject"].text == "y" * 100 and is_partial(text_draft)


def test_encoded_words_after_the_limit_are_left_as_written() -> None:
    word = "=?utf-8?b?" + base64.b64encode("密码".encode()).decode() + "?="
    draft = read_one(
        (HEAD.replace("[Bug] - crash", " ".join([word] * 50)) + "\nbody\n").encode(), Limits(max_encoded_words=10)
    )
    subject = draft.parts["subject"].text
    assert subject.startswith("密码" * 10) and subject.endswith(word)
    assert any("(max-encoded-words)" in note for note in draft.notes)


def test_words_inside_decoded_words_are_not_decoded_again() -> None:
    inner = "=?utf-8?b?" + base64.b64encode(b"secret").decode() + "?="
    outer = "=?utf-8?b?" + base64.b64encode(inner.encode()).decode() + "?="
    draft = read_one((HEAD.replace("[Bug] - crash", outer) + "\nbody\n").encode())
    assert draft.parts["subject"].text == inner


def test_a_long_body_is_cut_at_a_line_end() -> None:
    line = "The app crashes when I open Settings.\n"
    draft = read_one(("Subject: x\n\n" + line * 5000).encode(), path="x.txt")
    body = draft.body.text
    assert len(body) <= Limits().max_body_length and body.endswith("Settings.")
    assert any("(max-body-length)" in note for note in draft.notes)


def test_html_is_read_only_while_there_is_room() -> None:
    html = "<p>" + "word " * 200_000 + "</p>"
    data = (HEAD + "Content-Type: text/html\n\n" + html + "\n").encode()
    draft = read_one(data, Limits(max_body_length=1000))
    assert len(draft.body.text) <= 1000
    assert any("an HTML part is longer than 20,000 characters" in note for note in draft.notes)


def test_lines_after_the_limit_are_not_read() -> None:
    data = ("Subject: x\n\n" + "line\n" * 3000).encode()
    draft = read_one(data, Limits(max_lines=1000), "x.txt")
    assert draft.body.text.count("line") == 998  # two header lines, then the body
    assert any("(max-lines)" in note for note in draft.notes)
    crlf = read_one(data.replace(b"\n", b"\r\n"), Limits(max_lines=1000), "x.txt")
    assert crlf.body.text == draft.body.text
    cr = read_one(data.replace(b"\n", b"\r"), Limits(max_lines=1000), "x.txt")
    assert cr.body.text == draft.body.text


def test_mbox_messages_after_the_limit_are_one_error() -> None:
    message = b"From a@example.com Mon Apr  1 10:00:00 2024\nSubject: hi\n\nbody\n\n"
    results = read_bytes(message * 30, "Drafts.mbox", limits=Limits(max_messages=10))
    assert [type(item) for item in results] == [Draft] * 10 + [ReadError]
    error = results[-1]
    assert isinstance(error, ReadError) and error.path == "Drafts.mbox#11"
    assert "more than 10 messages (max-messages)" in error.message


def test_too_large_file_is_an_error_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.eml"
    path.write_bytes(b"x" * 5000)
    [error] = read_path(str(path), limits=Limits(max_file_size=4096))
    assert error == ReadError(str(path), "too large: over the 4,096-byte limit for one file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_directory_walk_skips_what_would_block(tmp_path: Path) -> None:
    from tglint.reading import discover

    (tmp_path / "draft.eml").write_text("Subject: x\n\nbody\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.eml")  # opening it would wait for a writer forever
    (tmp_path / "to-pipe.eml").symlink_to(tmp_path / "pipe.eml")
    (tmp_path / "to-dir.eml").symlink_to(tmp_path)
    (tmp_path / "broken.eml").symlink_to(tmp_path / "missing.eml")
    found = [Path(path).name for path in discover([str(tmp_path)], ("*.eml",))]
    assert found == ["broken.eml", "draft.eml"]


# --------------------------------------------------------------------------- reading bugs found while hardening


@pytest.mark.parametrize("charset", ["rot13", "zlib", "base64", "punycode", "undefined", "unicode_escape", "idna"])
def test_a_codec_that_is_not_a_charset_is_an_unknown_charset(charset: str) -> None:
    data = f"Subject: =?{charset}?q?caf=C3=A9?=\nMessage-ID: <x@y>\n"
    data += f"Content-Type: text/plain; charset={charset}\n\nhi \xe9\n"
    draft = read_one(data.encode("utf-8"))
    assert draft.parts["subject"].text == "café"
    assert any(f"unknown charset {charset!r}" in note for note in draft.notes)
    # The stdlib decodes an 8-bit attachment in its declared charset to measure it, and raised.
    attached = read_one(data.replace("\n\nhi", "\nContent-Disposition: attachment\n\nhi").encode("utf-8"))
    assert attached.attachments[0].size == len("hi \xe9\n".encode())


def test_an_unexpected_error_names_its_type_not_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object) -> Draft:
        raise ValueError("my password is Hunter2024!")

    monkeypatch.setattr(reading, "read_mime", explode)
    [error] = read_bytes((HEAD + "\nbody\n").encode(), "x.eml")
    assert isinstance(error, ReadError)
    assert error.message == "cannot read this message: unexpected ValueError"


def test_folded_boundary_and_raw_8bit_file_name() -> None:
    data = (
        HEAD + 'Content-Type: multipart/mixed; boundary="simple\n boundary"\n\n--simple boundary\n\ntext part\n'
        "--simple boundary\nContent-Type: application/msword\nContent-Disposition: attachment; filename=管理.doc\n\n"
        "x\n--simple boundary--\n"
    ).encode()
    draft = read_one(data)
    assert draft.body.text == "text part"
    assert [a.filename for a in draft.attachments] == ["管理.doc"]


def test_structural_headers_with_thousands_of_parameters_read_fast() -> None:
    started = time.process_time()
    for header in ("text/plain" + ";" * 60_000, 'text/plain; a="' + ";" * 60_000, "text/plain" + "; a=b" * 12_000):
        draft = read_one((HEAD + f"Content-Type: {header}\n\nhello\n").encode())
        assert draft.body.text == "hello"
    assert time.process_time() - started < 2


def test_recipients_of_long_headers_are_found_in_linear_time() -> None:
    started = time.process_time()
    read_one((HEAD.replace("support@telegram.org", "a" * 60_000) + "\nbody\n").encode())
    many = ", ".join(f"user{i}@example.com" for i in range(3000))
    draft = read_one((HEAD.replace("support@telegram.org", many) + "\nbody\n").encode())
    assert len(draft.recipients) == 3000
    assert time.process_time() - started < 3


@pytest.mark.parametrize(
    "unit",
    ["<a ", "<a", "<a b='>'", '<a b=">"', "<!--x>", "<![foo[x>", "<![CDATA[<![CDATA[>", "</a b='>'", "<blockquote>>"],
)
def test_html_conversion_is_linear(unit: str) -> None:
    html = unit * 60_000
    started = time.process_time()
    text = html_to_text(html)
    assert time.process_time() - started < 2, unit
    assert max((len(line) for line in text.splitlines()), default=0) <= len(html)


def test_html_quote_depth_is_capped() -> None:
    text = html_to_text("<blockquote>" * 500 + "deep")
    assert text == "> " * 20 + "deep"


def test_html_constructs_html_parser_chokes_on() -> None:
    assert html_to_text("<p>a<![foo[ x ]]>b</p>") == "ab"
    assert html_to_text("<p>a<![endif]>b<!-- hidden -->c</p>") == "abc"
    assert html_to_text("text <a href='x") == "text"  # a tag open at the end hides the rest
    assert html_to_text("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2"


# --------------------------------------------------------------------------- pathological mail, whole CLI


def _boundary_nest(depth: int) -> bytes:
    return nested_mime(depth, boundary=lambda level: "=" * (level + 1))


def _attachments(count: int) -> bytes:
    parts = [
        HEAD + 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\n'
    ]
    parts.append("Screenshots attached: the app crashes on iPhone 13, iOS 17.2, Telegram 10.5, since yesterday.\n")
    for i in range(count):
        parts.append(
            f'--B\nContent-Type: image/png\nContent-Disposition: attachment; filename="shot-{i}.png"\n'
            "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
        )
    parts.append("--B--\n")
    return "".join(parts).encode()


def _header_line(size: int) -> bytes:
    return (HEAD.replace("[Bug] - crash", "crash " * (size // 6)) + "\nThe app crashes.\n").encode()


def _base64_attachment(size: int) -> bytes:
    head = HEAD + 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\n'
    head += 'Log attached.\n--B\nContent-Type: application/zip\nContent-Disposition: attachment; filename="log.zip"\n'
    head += "Content-Transfer-Encoding: base64\n\n"
    return head.encode() + base64.encodebytes(os.urandom(size * 3 // 4)) + b"--B--\n"


def _prefix_siblings(count: int) -> bytes:
    """Sibling parts whose boundary lines start with the outer boundary, and lines that almost match."""
    out = [HEAD + 'Content-Type: multipart/mixed; boundary="x"\n\n']
    for i in range(count):
        out.append(
            f'--x\nContent-Type: multipart/alternative; boundary="xx"\n\n--xx\nContent-Type: text/plain\n\n'
            f"part {i}\n--xxx\n--x-\n--xx--\n"
        )
    out.append("--x--\n")
    return "".join(out).encode()


def _soft_break_storm(chars: int) -> bytes:
    prose = "My app crashes when I open Settings on my iPhone 13 with iOS 17.2. " * (chars // 67 + 1)
    body = "".join(f"{char}=\r\n" for char in prose[:chars])
    head = HEAD.replace("\n", "\r\n") + "Content-Type: text/plain; charset=utf-8\r\n"
    return (head + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + body + "end\r\n").encode()


def _encoded_words(count: int) -> bytes:
    word = "=?utf-8?b?" + base64.b64encode("密码".encode()).decode() + "?="
    return (HEAD.replace("[Bug] - crash", " ".join([word] * count)) + "\nbody\n").encode()


def _nested_encoded_words(count: int) -> bytes:
    """Encoded words whose text is encoded words again (and so on, were it decoded twice)."""
    word = "=?utf-8?q?=E5=AF=86?="
    for _ in range(3):
        word = "=?utf-8?b?" + base64.b64encode(word.encode()).decode() + "?="
    charsets = ["utf-8", "gb2312", "x-unknown", "utf-16", "rot13", "utf-7"]
    words = [word.replace("utf-8", charsets[i % len(charsets)], 1) for i in range(count)]
    return (HEAD.replace("[Bug] - crash", " ".join(words)) + "\nbody\n").encode()


def _html_blowup(units: int) -> bytes:
    html = "<p>My app crashes.</p>" + "<a b='>'" * units
    return (HEAD + "Content-Type: text/html\n\n" + html + "\n").encode()


def _line_flood(size: int) -> bytes:
    return b"Subject: [Bug] - crash\n\n" + b"ab\n" * (size // 3)


PATHOLOGICAL: dict[str, Callable[[], bytes]] = {
    "mime-nested-1000-deep.eml": lambda: nested_mime(1000),
    "attachments-1000.eml": lambda: _attachments(1000),
    "header-line-1mb.eml": lambda: _header_line(1024 * 1024),
    "base64-attachment-20mb.eml": lambda: _base64_attachment(20 * 1024 * 1024),
    "boundaries-prefixes-nested.eml": lambda: _boundary_nest(150),
    "boundaries-prefixes-siblings.eml": lambda: _prefix_siblings(1000),
    "qp-soft-break-storm.eml": lambda: _soft_break_storm(2_000_000),
    "subject-100k-encoded-words.eml": lambda: _encoded_words(100_000),
    "encoded-words-within-encoded-words.eml": lambda: _nested_encoded_words(30_000),
    "html-parser-blowup.eml": lambda: _html_blowup(100_000),
    "lines-flood-20mb.txt": lambda: _line_flood(20 * 1024 * 1024),
}


@pytest.fixture(scope="module")
def pathological_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    directory = tmp_path_factory.mktemp("pathological")
    for name, make in PATHOLOGICAL.items():
        (directory / name).write_bytes(make())

    def job(name: str) -> Callable[[], Run]:
        path = str(directory / name)
        return lambda: run_tglint(["--format", "json", "--isolated", path], timeout=MAX_SECONDS * 3)

    runs = run_many([job(name) for name in PATHOLOGICAL])
    return dict(zip(PATHOLOGICAL, runs, strict=True))


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_mail_is_checked_within_bounds(name: str, pathological_runs: dict[str, Run]) -> None:
    run = pathological_runs[name]
    print(f"{name}: {run.describe()}")
    assert not run.timed_out, run.describe()
    assert_no_traceback(run)
    assert run.returncode in (0, 1), (run.describe(), run.stderr[-2000:])
    [result] = json.loads(run.stdout)["files"]
    assert result["error"] is None
    assert run.seconds < MAX_SECONDS, run.describe()
    assert run.peak_rss < MAX_RSS_BYTES, run.describe()


# --------------------------------------------------------------------------- rules on long runs


def _rule_seconds(body: str) -> float:
    from lintkit import lint

    started = time.process_time()
    lint("To: support@telegram.org\nSubject: [Bug] - crash\n\n" + body)
    return time.process_time() - started


@pytest.mark.parametrize("unit", ["a", "1", "\u201c", "-", "密", "@", "'", "a b ", "1 ", "好。"])
def test_rules_stay_linear_on_long_runs(unit: str) -> None:
    """All rules over a body of one piece repeated: 4 times longer costs about 4 times more.

    A regular expression that retries from every position of a long run costs 16 times
    more; the bodies are kept short so that such a case costs a second, not minutes (it
    would at 100,000 characters, the max-body-length). Found this way: tone's address
    pattern on letters or "-", the time and digit-count patterns of the packs on digits,
    their quoted-text patterns on "\u201c".
    """
    _rule_seconds("warm up")
    short = min(_rule_seconds(unit * (1500 // len(unit))) for _ in range(2))
    long = min(_rule_seconds(unit * (6000 // len(unit))) for _ in range(2))
    assert long < 7 * max(short, 0.01), f"{short:.3f} s -> {long:.3f} s"


def test_finding_messages_are_one_line() -> None:
    from lintkit import lint

    for draft in ("Subject: 0\n 0\n\n", "主题: 0\n 0\n\n"):
        for finding in lint(draft).findings:
            assert "\n" not in finding.message, finding


# --------------------------------------------------------------------------- clean errors


DRAFT = (
    "To: support@telegram.org\nSubject: [Bug] - app crashes\n\n"
    "You idiot, the app crashes on my iPhone 13 with iOS 17.2 every time I open Settings since yesterday.\n"
)


def _plugin_dir(root: Path) -> Path:
    """A dist-info with two `tglint.rules` entry points: one fails to import, one fails to check."""
    root.mkdir()
    info = root / "tglint_test_plugins-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tglint-test-plugins\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[tglint.rules]\nbroken-on-import = broken_on_import:RULES\nraises-in-check = raises_in_check:RULES\n"
    )
    (root / "broken_on_import.py").write_text('raise RuntimeError("this plugin cannot be imported")\n')
    (root / "raises_in_check.py").write_text(
        textwrap.dedent(
            """
            from tglint.models import Severity
            from tglint.rule import Rule, RuleDoc


            class RaisesInCheck(Rule):
                code = "TG9901"
                name = "raises-in-check"
                category = "details"
                severity = Severity.WARNING
                summary = "Always raises."
                doc = RuleDoc(what="x", why="x", bad="x", good="x")

                def check(self, analysis):
                    raise ValueError("rule blew up on: " + analysis.body_text)


            RULES = [RaisesInCheck]
            """
        )
    )
    return root


@pytest.fixture(scope="module")
def error_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Path]]:
    root = tmp_path_factory.mktemp("errors")
    draft = root / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    bad_toml = root / "bad.toml"
    bad_toml.write_text("[tool.tglint\nselect = [\n", encoding="utf-8")
    tags_pack = root / "tags-pack"
    (tags_pack / "en").mkdir(parents=True)
    (tags_pack / "en" / "subject.toml").write_text('[tags]\n"Bug" = 42\n', encoding="utf-8")
    weight_pack = root / "weight-pack"
    (weight_pack / "en").mkdir(parents=True)
    (weight_pack / "en" / "tone.toml").write_text('[insult]\n"idiot" = "three"\n', encoding="utf-8")
    plugins = _plugin_dir(root / "plugins")
    cases: dict[str, tuple[list[str], dict[str, str], Path]] = {
        "bad-toml": (["--config", str(bad_toml), str(draft)], {}, bad_toml),
        "unknown-rule": (["--isolated", "--select", "TG999", str(draft)], {}, draft),
        "tags-pack": (["--isolated", "--rule-pack", str(tags_pack), str(draft)], {}, tags_pack / "en" / "subject.toml"),
        "weight-pack": (
            ["--isolated", "--rule-pack", str(weight_pack), str(draft)],
            {},
            weight_pack / "en" / "tone.toml",
        ),
        "plugins": (["--isolated", "--format", "json", str(draft)], {"PYTHONPATH": str(plugins)}, plugins),
    }
    runs = run_many([lambda args=args, env=env: run_tglint(args, env=env) for args, env, _ in cases.values()])
    return {name: (run, case[2]) for (name, case), run in zip(cases.items(), runs, strict=True)}


def _one_error_line(run: Run) -> str:
    assert_no_traceback(run)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("tglint: error: ")
    return lines[0]


def test_bad_toml_config_is_one_line_naming_the_file(error_runs: dict[str, tuple[Run, Path]]) -> None:
    run, path = error_runs["bad-toml"]
    line = _one_error_line(run)
    assert str(path) in line and "invalid TOML" in line


def test_unknown_rule_is_one_line_naming_it(error_runs: dict[str, tuple[Run, Path]]) -> None:
    run, _ = error_runs["unknown-rule"]
    assert "TG999" in _one_error_line(run)


def test_pack_tag_that_is_a_number_is_one_line_naming_the_file(error_runs: dict[str, tuple[Run, Path]]) -> None:
    run, path = error_runs["tags-pack"]
    line = _one_error_line(run)
    assert str(path) in line and "tags" in line


def test_pack_weight_that_is_a_string_is_one_line_naming_the_file(error_runs: dict[str, tuple[Run, Path]]) -> None:
    run, path = error_runs["weight-pack"]
    line = _one_error_line(run)
    assert str(path) in line and "idiot" in line


def test_broken_plugins_are_warnings_and_the_built_in_rules_still_report(
    error_runs: dict[str, tuple[Run, Path]],
) -> None:
    run, _ = error_runs["plugins"]
    assert_no_traceback(run)
    assert run.returncode == 1, run.stderr
    warnings = run.stderr.strip().splitlines()
    assert any("plugin `broken-on-import` failed to load" in line for line in warnings), warnings
    assert any("rule TG9901 failed" in line for line in warnings), warnings
    assert all(line.startswith("tglint: warning: ") for line in warnings), warnings
    assert "rule blew up on" not in run.stderr  # the exception's text (the draft) is not shown
    codes = {finding["rule"] for finding in json.loads(run.stdout)["files"][0]["findings"]}
    assert "TG601" in codes and "TG9901" not in codes


def test_fix_never_rewrites_a_draft_that_was_not_read_whole(tmp_path: Path) -> None:
    (tmp_path / ".tglint.toml").write_text("[limits]\nmax-header-length = 40\n", encoding="utf-8")
    draft = tmp_path / "draft.eml"
    original = (
        b"From: a@example.com\nTo: support@telegram.org\n"
        b"Subject: [Bug] - App crashes!!! when I open Settings on my iPhone 13 with iOS 17.2 and Telegram 10.5\n"
        b"Message-ID: <x@example.com>\nContent-Type: text/plain; charset=utf-8\n\n"
        b"Hello, the app crashes when I open Settings since yesterday. iPhone 13, iOS 17.2, Telegram 10.5.\n"
    )
    draft.write_bytes(original)
    run = run_tglint(["--config", str(tmp_path / ".tglint.toml"), "--fix", str(draft)])
    assert_no_traceback(run)
    assert draft.read_bytes() == original, draft.read_text()
