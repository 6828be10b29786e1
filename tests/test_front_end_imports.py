"""Checking one draft from the CLI, or through the API, loads no server stack.

The language server (pygls, lsprotocol) and the HTTP server (starlette, uvicorn) are
front ends over the same API; a one-draft `tglint draft.eml` pays for none of them. Each
run is a child process, so that `sys.modules` shows what it imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = str(ROOT / "fixtures" / "samples" / "draft.eml")
SERVER_STACKS = ("pygls", "lsprotocol", "cattrs", "starlette", "uvicorn", "anyio", "tglint.lsp", "tglint.serve")

_CHILD = r"""
import json, sys

out, mode, args = sys.argv[1], sys.argv[2], sys.argv[3:]
try:
    if mode == "cli":
        from tglint.cli import main

        main(args)
    else:
        import tglint

        tglint.report_json(tglint.lint_path(args[0]))
finally:
    with open(out, "w") as handle:
        json.dump(sorted(sys.modules), handle)
"""


def _imported(mode: str, args: list[str], tmp_path: Path, stdin: int | None = None) -> set[str]:
    report = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(report), mode, *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert report.exists(), result.stderr
    modules = json.loads(report.read_text())
    return {name.split(".")[0] for name in modules} | set(modules)


@pytest.mark.parametrize(
    "args",
    [[SAMPLE], ["check", "--format", "json", SAMPLE], ["--format", "sarif", SAMPLE], ["--diff", SAMPLE]],
    ids=" ".join,
)
def test_one_draft_from_the_cli_imports_no_server_stack(args: list[str], tmp_path: Path) -> None:
    loaded = _imported("cli", args, tmp_path)
    assert "tglint.engine" in loaded  # the draft was checked
    assert sorted(loaded.intersection(SERVER_STACKS)) == []


def test_the_api_imports_no_server_stack(tmp_path: Path) -> None:
    loaded = _imported("api", [SAMPLE], tmp_path)
    assert "tglint.api" in loaded and "tglint.engine" in loaded
    assert sorted(loaded.intersection(SERVER_STACKS)) == []


def test_the_language_server_is_what_imports_pygls(tmp_path: Path) -> None:
    """The probe sees a server stack when one is loaded: `tglint lsp` with its input closed."""
    loaded = _imported("cli", ["lsp"], tmp_path, stdin=subprocess.DEVNULL)
    assert {"pygls", "lsprotocol", "tglint.lsp"} <= loaded


@pytest.mark.parametrize(
    ("command", "package", "extra"),
    [("lsp", "pygls", "lsp"), ("serve", "starlette", "serve"), ("serve", "uvicorn", "serve")],
)
def test_without_its_stack_a_server_says_what_to_install(
    tmp_path: Path, command: str, package: str, extra: str
) -> None:
    probe = f"import sys\nsys.modules[{package!r}] = None\nfrom tglint.cli import main\nsys.exit(main([{command!r}]))\n"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    server = "language server" if command == "lsp" else "HTTP server"
    assert result.stderr == f"tglint: error: the {server} needs {package}: pip install 'tglint[{extra}]'\n"


def test_the_http_server_is_what_imports_starlette(tmp_path: Path) -> None:
    """The probe sees the HTTP stack when it is loaded: `tglint serve` on a port already taken."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        loaded = _imported("cli", ["serve", "--isolated", "--port", str(taken.getsockname()[1])], tmp_path)
    assert {"starlette", "uvicorn", "tglint.serve.app"} <= loaded


# rich's console and Text, which take tens of milliseconds of a cold run to import.
RICH_CONSOLE = ("rich.console", "rich.text")


@pytest.mark.parametrize("args", [[SAMPLE], ["--format", "json", SAMPLE]], ids=" ".join)
def test_a_plain_report_imports_no_rich_console(args: list[str], tmp_path: Path) -> None:
    loaded = _imported("cli", args, tmp_path)
    assert "tglint.reporters.text" in loaded and "tglint.engine" in loaded
    assert sorted(loaded.intersection(RICH_CONSOLE)) == []


def test_a_coloured_report_is_what_imports_rich_console(tmp_path: Path) -> None:
    loaded = _imported("cli", ["--color", SAMPLE], tmp_path)
    assert set(RICH_CONSOLE) <= loaded
