"""`tglint serve` with a client nobody here wrote, and as a process people start and stop.

language_tool_python (LanguageTool's Python client) is pointed at the server as at a
LanguageTool server (`remote_server=`): it asks for the languages, checks drafts, and
turns LanguageTool's UTF-16 offsets into Python's.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import language_tool_python
import pytest
from serving import Server
from test_serve_languagetool import EN, PASSWORD, ZH


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with Server() as running:
        yield running


@pytest.mark.parametrize(("language", "text"), [("en-US", EN), ("zh-CN", ZH)])
def test_language_tool_python_gets_tglints_matches(server: Server, language: str, text: str) -> None:
    tool = language_tool_python.LanguageTool(language, remote_server=server.url)
    try:
        matches = tool.check(text)
    finally:
        tool.close()
    found = {match.rule_id: match for match in matches}
    for rule, written in (("TG201", "support@telegram.org"), ("TG501", PASSWORD), ("TG401", "13812345678")):
        match = found[rule]
        assert text[match.offset : match.offset + match.error_length] == written
        assert match.matched_text == written.replace(PASSWORD, "Z" + "*" * (len(PASSWORD) - 1))
    assert found["TG401"].replacements == ["+86 138 1234 5678"]
    assert found["TG501"].category == "secret" and found["TG501"].rule_issue_type == "legal"
    assert all(PASSWORD[1:] not in (match.context + match.sentence) for match in matches)


def test_language_tool_python_offsets_after_emoji_point_at_the_finding(server: Server) -> None:
    """LanguageTool counts an emoji as 2 (UTF-16) and the client subtracts one per emoji
    before the match: the offset it gives is Python's."""
    text = EN.replace("Hello,", "Hello 😀 👋🏽,")
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    try:
        found = {match.rule_id: match for match in tool.check(text)}
    finally:
        tool.close()
    assert found["TG401"].offset == text.index("13812345678")
    assert text[found["TG401"].offset :].startswith("13812345678")


def test_language_tool_python_on_auto_detects_chinese(server: Server) -> None:
    tool = language_tool_python.LanguageTool("auto", remote_server=server.url)
    try:
        rules = {match.rule_id for match in tool.check(ZH)}
    finally:
        tool.close()
    assert {"TG201", "TG501", "TG401"} <= rules


def test_nothing_of_a_draft_reaches_the_servers_output(tmp_path: Path) -> None:
    marker = "Quixotic-Marker-4711"
    with Server() as server:
        text = EN.replace("Hello,", f"Hello {marker},")
        assert server.post_form("/v2/check", {"text": text, "language": "en-US"}).status == 200
        assert server.post_form("/v2/check", {"text": text, "language": "xx"}).status == 400
        assert server.post_json("/api/check", {"body": text}).status == 200
        assert server.post_form("/api/eml", {"subject": marker, "body": text}).status == 200
        output = server.stop()
    assert marker not in output and PASSWORD not in output
    assert output.strip() == ""  # not even a request line


def test_listening_beyond_this_machine_is_said_in_one_warning_line() -> None:
    with Server("--host", "0.0.0.0") as server:
        assert server.warnings == [
            f"tglint: warning: listening on 0.0.0.0:{server.url.rsplit(':', 1)[1].rstrip('/')}, beyond this "
            "machine: anyone who can reach it can have drafts checked"
        ]
        assert server.get("/v2/languages", headers={"Host": "mail-checker.example"}).status == 200
    with Server() as local:
        assert local.warnings == []


def test_a_port_in_use_is_one_error_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "tglint", "serve", "--isolated", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    assert result.returncode == 2
    assert result.stderr == f"tglint: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_a_broken_config_is_one_error_line_at_start(tmp_path: Path) -> None:
    (tmp_path / ".tglint.toml").write_text('select = ["TG999"]\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tglint", "serve", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("tglint: error: ") and result.stderr.count("\n") == 1
    assert "TG999" in result.stderr
