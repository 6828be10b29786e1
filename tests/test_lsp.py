"""`tglint lsp` end to end: a real LSP client (pytest-lsp) drives the server over stdio.

The client announces the capabilities of real editors (Neovim 0.11, which negotiates UTF-8
positions, and VS Code 1.65, which keeps UTF-16), opens drafts, waits for diagnostics,
applies code actions to its own copy of the text and sends it back, as an editor does.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio

SERVER = [sys.executable, "-m", "tglint", "lsp", "--debounce", "100"]
PHONE = (
    "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n"
    "您好，我的手机号是 139-0288-4517，从昨天开始收不到登录验证码。\n"
)
SECRET = "To: security@telegram.org\nSubject: help\n\nMy password is Zq7mallow88!\n"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), params=["neovim", "visual-studio-code"])
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest) -> AsyncIterator[None]:
    await lsp_client.initialize_session(types.InitializeParams(capabilities=client_capabilities(request.param)))
    yield
    await lsp_client.shutdown_session()


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    """A directory with a config, as a user's drafts folder has: numbers are read as Chinese."""
    (tmp_path / ".tglint.toml").write_text('region = "CN"\n', encoding="utf-8")
    return tmp_path


class Editor:
    """The client's copy of each document, changed as an editor changes it."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}

    async def open(self, path: Path, text: str) -> list[types.Diagnostic]:
        uri = path.as_uri()
        self.texts[uri], self.versions[uri] = text, 1
        item = types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return await self.published(uri)

    async def change(self, uri: str, text: str) -> list[types.Diagnostic]:
        self.texts[uri] = text
        self.versions[uri] += 1
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri])
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=document, content_changes=[change])
        )
        return await self.published(uri)

    async def published(self, uri: str) -> list[types.Diagnostic]:
        while True:
            params = await self.client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                return list(params.diagnostics)

    def apply(self, uri: str, edit: types.WorkspaceEdit) -> str:
        assert edit.changes is not None
        text = self.texts[uri]
        for change in sorted(edit.changes[uri], key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
            start, end = self.offset(uri, change.range.start), self.offset(uri, change.range.end)
            text = text[:start] + change.new_text + text[end:]
        return text

    def offset(self, uri: str, position: types.Position) -> int:
        """The text offset of a position counted in the negotiated code units."""
        lines = self.texts[uri].split("\n")
        units = lines[position.line].encode(self.encoding)[: position.character * self.unit]
        return sum(len(line) + 1 for line in lines[: position.line]) + len(units.decode(self.encoding))

    def spanned(self, uri: str, diagnostic: types.Diagnostic) -> str:
        return self.texts[uri][self.offset(uri, diagnostic.range.start) : self.offset(uri, diagnostic.range.end)]

    @property
    def encoding(self) -> str:
        negotiated = self.client.capabilities and self.client.capabilities.general
        kinds = (negotiated.position_encodings or []) if negotiated else []
        return {"utf-8": "utf-8", "utf-32": "utf-32-le"}.get(str(kinds[0]) if kinds else "", "utf-16-le")

    @property
    def unit(self) -> int:
        return {"utf-8": 1, "utf-16-le": 2, "utf-32-le": 4}[self.encoding]


def _by_code(diagnostics: list[types.Diagnostic], code: str) -> types.Diagnostic:
    found = [d for d in diagnostics if d.code == code]
    assert found, f"no {code} in {[d.code for d in diagnostics]}"
    return found[0]


async def _code_actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[Any]:
    context = types.CodeActionContext(diagnostics=[diagnostic])
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range, context=context
    )
    return list(await client.text_document_code_action_async(params) or [])


async def test_open_fix_and_see_the_diagnostic_go(client: LanguageClient, drafts: Path) -> None:
    editor = Editor(client)
    path = drafts / "draft.txt"
    path.write_text(PHONE, encoding="utf-8")
    uri = path.as_uri()
    diagnostics = await editor.open(path, PHONE)

    phone = _by_code(diagnostics, "TG401")
    assert (phone.range.start.line, phone.severity, phone.source) == (3, types.DiagnosticSeverity.Warning, "tglint")
    assert editor.spanned(uri, phone) == "139-0288-4517"
    assert "+86 139 0288 4517" in phone.message

    [fix] = [a for a in await _code_actions(client, uri, phone) if a.kind == types.CodeActionKind.QuickFix]
    assert "(unsafe)" not in fix.title and fix.is_preferred is True
    fixed = editor.apply(uri, fix.edit)
    assert "+86 139 0288 4517" in fixed and "139-0288-4517" not in fixed

    after = await editor.change(uri, fixed)
    assert not [d for d in after if d.code == "TG401"]
    # With its country code the number names the account too: TG301 gives way to TG302's hint.
    assert "TG301" in {d.code for d in diagnostics}
    assert {d.code for d in after} == ({d.code for d in diagnostics} - {"TG401", "TG301"}) | {"TG302"}


async def test_unsafe_fixes_are_labelled_and_not_preferred(client: LanguageClient, drafts: Path) -> None:
    editor = Editor(client)
    path = drafts / "wrong-mailbox.txt"
    text = "To: support@telegram.org\nSubject: [账户安全] - 账号被盗\n\n我的账号被盗了，有人登录并修改了我的资料。\n"
    uri = path.as_uri()
    wrong = _by_code(await editor.open(path, text), "TG201")
    [fix] = [a for a in await _code_actions(client, uri, wrong) if a.kind == types.CodeActionKind.QuickFix]
    assert fix.title.endswith("(unsafe)") and not fix.is_preferred
    assert "To: security@telegram.org\n" in editor.apply(uri, fix.edit)


async def test_fix_all_applies_every_safe_fix(client: LanguageClient, drafts: Path) -> None:
    editor = Editor(client)
    path = drafts / "two.txt"
    text = PHONE.replace("[技术问题] - ", "【技术问题】") + "另一个号码 139-0288-4518。\n"
    uri = path.as_uri()
    diagnostics = await editor.open(path, text)
    assert len([d for d in diagnostics if d.code == "TG401"]) == 2
    context = types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    params = types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=whole, context=context)
    [action] = await client.text_document_code_action_async(params) or []
    after = await editor.change(uri, editor.apply(uri, action.edit))
    assert not [d for d in after if d.code in ("TG401", "TG103", "TG104")]


async def test_positions_count_the_negotiated_code_units_past_an_emoji(client: LanguageClient, drafts: Path) -> None:
    editor = Editor(client)
    path = drafts / "emoji.txt"
    text = PHONE.replace("您好，", "😀🙏 您好，")
    uri = path.as_uri()
    phone = _by_code(await editor.open(path, text), "TG401")
    line = text.split("\n")[3]
    before = line[: line.index("139")]
    assert phone.range.start.character == len(before.encode(editor.encoding)) // editor.unit
    assert editor.spanned(uri, phone) == "139-0288-4517"
    [fix] = [a for a in await _code_actions(client, uri, phone) if a.kind == types.CodeActionKind.QuickFix]
    assert "😀🙏 您好，我的手机号是 +86 139 0288 4517，" in editor.apply(uri, fix.edit)


async def test_hover_shows_the_rules_explanation(client: LanguageClient, drafts: Path) -> None:
    editor = Editor(client)
    path = drafts / "hover.txt"
    uri = path.as_uri()
    phone = _by_code(await editor.open(path, PHONE), "TG401")
    position = types.Position(line=phone.range.start.line, character=phone.range.start.character + 2)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "TG401" in hover.contents.value and "## What it does" in hover.contents.value
    outside = types.Position(line=2, character=0)  # the blank line after the headers
    assert (
        await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=outside)
        )
        is None
    )


async def test_diagnostics_carry_the_rules_link_where_the_client_reads_it(client: LanguageClient, drafts: Path) -> None:
    editor = Editor(client)
    phone = _by_code(await editor.open(drafts / "link.txt", PHONE), "TG401")
    assert client.capabilities is not None
    supported = client.capabilities.text_document and client.capabilities.text_document.publish_diagnostics
    if supported and supported.code_description_support:
        assert phone.code_description is not None
        assert phone.code_description.href.endswith("README.md#tg401")
    else:
        assert phone.code_description is None


async def test_a_secret_is_never_sent_to_the_editor(client: LanguageClient, drafts: Path) -> None:
    editor = Editor(client)
    path = drafts / "secret.txt"
    uri = path.as_uri()
    diagnostics = await editor.open(path, SECRET)
    secret = _by_code(diagnostics, "TG501")
    assert editor.spanned(uri, secret) == "Zq7mallow88"
    assert all("Zq7mallow88" not in d.message for d in diagnostics)
    actions = await _code_actions(client, uri, secret)
    assert actions and all("Zq7mallow88" not in a.title for a in actions)
    assert all("Zq7mallow88" not in e.new_text for a in actions for e in a.edit.changes[uri])
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=secret.range.start)
    )
    assert hover is not None and "Zq7mallow88" not in str(hover.contents)


async def test_an_eml_is_read_as_mime_and_findings_point_into_it(client: LanguageClient, drafts: Path) -> None:
    editor = Editor(client)
    path = drafts / "draft.eml"
    text = (
        "From: Lin <lin@example.com>\r\nTo: support@telegram.org\r\nSubject: =?utf-8?b?5biu5biu5oiR?=\r\n"
        "Message-ID: <1@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n您好，\r\n我的手机号是 139-0288-4517，收不到登录验证码。\r\n"
    )
    uri = path.as_uri()
    diagnostics = await editor.open(path, text)
    editor.texts[uri] = text.replace("\r\n", "\n")  # lines as the client counts them; CRLF is one break
    phone = _by_code(diagnostics, "TG401")
    assert editor.spanned(uri, phone) == "139-0288-4517"
    subject = _by_code(diagnostics, "TG101")
    assert editor.spanned(uri, subject) == "=?utf-8?b?5biu5biu5oiR?="


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[*SERVER[:-1], "1000"]))
async def patient_client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    """A server that waits a whole second after a change: far longer than a burst of keystrokes."""
    await lsp_client.initialize_session(types.InitializeParams(capabilities=client_capabilities("neovim")))
    yield
    await lsp_client.shutdown_session()


async def test_latest_text_wins_and_close_clears(patient_client: LanguageClient, drafts: Path) -> None:
    editor = Editor(patient_client)
    path = drafts / "typing.txt"
    uri = path.as_uri()
    assert _by_code(await editor.open(path, PHONE), "TG401")
    # Keystrokes within the debounce: only the last text is checked and published. Every
    # text but the last still has the number without country code.
    typed = [PHONE + "谢谢"[:n] for n in (1, 2)] + [PHONE.replace("139-0288-4517", "+86 139 0288 4517")]
    for version, text in enumerate(typed, start=2):
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        patient_client.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=document, content_changes=[change])
        )
    editor.texts[uri] = typed[-1]
    after = await editor.published(uri)
    assert after and not [d for d in after if d.code == "TG401"]
    patient_client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert await editor.published(uri) == []


async def test_a_draft_the_config_leaves_out_is_not_checked(client: LanguageClient, drafts: Path) -> None:
    (drafts / ".tglint.toml").write_text('region = "CN"\nexclude = ["archive/*"]\n', encoding="utf-8")
    (drafts / "archive").mkdir()
    editor = Editor(client)
    assert await editor.open(drafts / "archive" / "old.txt", PHONE) == []
    assert await editor.open(drafts / "notes.py", PHONE) == []
    assert _by_code(await editor.open(drafts / "new.md", PHONE), "TG401")


async def test_a_broken_config_is_said_and_the_server_keeps_going(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / ".tglint.toml").write_text('region = "CN"\nselect = [\n', encoding="utf-8")
    editor = Editor(client)
    assert await editor.open(tmp_path / "draft.txt", PHONE) == []
    [said] = [m for m in client.messages if "invalid TOML" in m.message]
    assert said.type == types.MessageType.Error and str(tmp_path / ".tglint.toml") in said.message
    (tmp_path / ".tglint.toml").write_text('region = "CN"\n', encoding="utf-8")
    assert _by_code(await editor.change((tmp_path / "draft.txt").as_uri(), PHONE + "\n"), "TG401")


class _Discard:
    """Where the in-process server writes its messages in the test below."""

    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        pass


async def test_keystrokes_leave_nothing_behind_in_the_server() -> None:
    """pygls keeps a future per run of its own (generator) document handlers; tglint's
    handlers must not: 200 changes, and no more futures alive than before them."""
    import asyncio
    import concurrent.futures
    import gc

    from tglint.lsp import build_server

    server = build_server(debounce=60)  # no check starts: only the handling of changes is measured
    protocol = server.protocol
    protocol.set_writer(_Discard())

    def receive(message: dict[str, Any]) -> None:
        protocol.handle_message(protocol.structure_message({"jsonrpc": "2.0", **message}))

    receive({"id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}})
    receive({"method": "initialized", "params": {}})
    uri = "untitled:draft"
    item = {"uri": uri, "languageId": "plaintext", "version": 1, "text": PHONE}
    receive({"method": "textDocument/didOpen", "params": {"textDocument": item}})
    await asyncio.sleep(0.5)

    def futures() -> int:
        gc.collect()
        return sum(isinstance(o, concurrent.futures.Future) for o in gc.get_objects())

    before = futures()
    for version in range(2, 202):
        change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": PHONE + str(version)}]}
        receive({"method": "textDocument/didChange", "params": change})
    await asyncio.sleep(0)
    assert futures() - before < 10
    assert server.workspace.get_text_document(uri).source == PHONE + "201"
    receive({"method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
    await asyncio.sleep(0)
