"""Warm paths: one process keeps rules, packs and pipelines loaded; requests are timed one by one.

    python bench/warm.py api DRAFT N [--memory DIR M]   # tglint.lint_text in this process
    python bench/warm.py lsp DRAFT N [--memory M] [--tglint EXE]   # didChange -> publishDiagnostics
    python bench/warm.py http DRAFT N [--memory DIR M] [--tglint EXE]  # POST /v2/check -> its answer

Prints one JSON object: per-request latencies (seconds, after `--warmup` unmeasured
requests), and with `--memory` the resident set after the first 10 % and after all M
requests. `api` checks DRAFT's text N times with `tglint.lint_text` (the module-level
convenience, so config discovery and the checker cache are part of each request); its
memory run cycles through every draft in DIR, so caches keyed by text see new text.
`lsp` starts `tglint lsp --debounce 0` and is its client over stdin/stdout: each request
is a full-text didChange, timed until the server publishes diagnostics for that version
(the debounce is set to 0, so the time is the check and the protocol, not a wait); its
memory is the server's resident set. `http` starts `tglint serve --port 0` and posts the
draft to LanguageTool's `/v2/check` over one kept-alive connection, as a client process
does, each request timed until the whole answer is read; its memory run cycles through every
draft in DIR, and reads the server's resident set. Run by `bench/run.py` (case f); nothing
asserted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

MIB = 1024 * 1024


def rss_mib(pid: int | None = None) -> float:
    """The current resident set of a process (this one by default), MiB."""
    try:
        for line in Path(f"/proc/{pid or 'self'}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    if pid is None:  # no /proc: the peak is the best there is
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (MIB if sys.platform == "darwin" else 1024)
    return 0.0


def timed(request: Callable[[int], None], n: int, warmup: int) -> list[float]:
    for i in range(warmup):
        request(i)
    latencies = []
    for i in range(n):
        started = time.perf_counter()
        request(warmup + i)
        latencies.append(time.perf_counter() - started)
    return latencies


def memory_over(request: Callable[[int], None], total: int, rss: Callable[[], float]) -> dict[str, Any]:
    """The resident set after a tenth of `total` requests and after all; each request timed."""
    early = max(1, total // 10)
    latencies = timed(request, early, 0)
    at_early = rss()
    latencies += timed(lambda i: request(early + i), total - early, 0)
    return {
        "requests": total,
        "early": early,
        "rss_early_mib": round(at_early, 1),
        "rss_end_mib": round(rss(), 1),
        "latencies": latencies,
    }


# --------------------------------------------------------------------------- API


def run_api(draft: Path, n: int, warmup: int, memory_dir: Path | None, memory_n: int) -> dict[str, Any]:
    started = time.perf_counter()
    import tglint

    text = draft.read_text(encoding="utf-8", errors="surrogateescape")
    path = str(draft)
    first = tglint.lint_text(text, path)
    result: dict[str, Any] = {"first_request_s": round(time.perf_counter() - started, 4)}
    assert first and first[0].error is None, first

    def request(_: int) -> None:
        tglint.lint_text(text, path)

    result["latencies"] = timed(request, n, warmup)
    if memory_dir is not None:
        files = sorted(memory_dir.iterdir())
        drafts = [(p.read_text(encoding="utf-8", errors="surrogateescape"), str(p)) for p in files]

        def varied(i: int) -> None:
            body, name = drafts[i % len(drafts)]
            tglint.lint_text(body, name)

        result["memory"] = {**memory_over(varied, memory_n, rss_mib), "distinct_drafts": len(drafts)}
    return result


# --------------------------------------------------------------------------- LSP


class Client:
    """A minimal LSP client over a child's stdin/stdout (JSON-RPC with Content-Length framing)."""

    def __init__(self, command: Sequence[str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd
        )
        self._next_id = 0

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        self.send({"id": self._next_id, "method": method, "params": params})
        return self.until(lambda m: m.get("id") == self._next_id and "method" not in m)

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def until(self, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        while True:
            message = self.receive()
            if wanted(message):
                return message
            if "id" in message and "method" in message:  # a request from the server: answer it
                self.send({"id": message["id"], "result": None})

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the language server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        message: dict[str, Any] = json.loads(self.process.stdout.read(length))
        return message

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except (OSError, RuntimeError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


def run_lsp(draft: Path, n: int, warmup: int, memory_n: int, tglint: str) -> dict[str, Any]:
    text = draft.read_text(encoding="utf-8", errors="replace")
    uri = draft.resolve().as_uri()
    started = time.perf_counter()
    client = Client([tglint, "lsp", "--debounce", "0"], cwd=draft.parent)
    capabilities = {"textDocument": {"publishDiagnostics": {"versionSupport": True}}}
    client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": capabilities})
    client.notify("initialized", {})
    version = 1
    item = {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": item})
    published = _published(client, uri, version)
    result: dict[str, Any] = {"first_request_s": round(time.perf_counter() - started, 4), "diagnostics": published}

    def change(i: int) -> None:
        nonlocal version
        version += 1
        # Alternate two texts, so that every request is a real change of the draft.
        changed = text if i % 2 else text.replace("\n", " \n", 1)
        document = {"uri": uri, "version": version}
        client.notify("textDocument/didChange", {"textDocument": document, "contentChanges": [{"text": changed}]})
        _published(client, uri, version)

    try:
        result["latencies"] = timed(change, n, warmup)
        if memory_n:
            result["memory"] = memory_over(change, memory_n, lambda: rss_mib(client.process.pid))
    finally:
        client.close()
    return result


def _published(client: Client, uri: str, version: int) -> int:
    message = client.until(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version
        )
    )
    return len(message["params"]["diagnostics"])


# --------------------------------------------------------------------------- HTTP


def run_http(draft: Path, n: int, warmup: int, memory_dir: Path | None, memory_n: int, tglint: str) -> dict[str, Any]:
    text = draft.read_text(encoding="utf-8", errors="replace")
    started = time.perf_counter()
    server = subprocess.Popen(
        [tglint, "serve", "--port", "0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=draft.parent,
    )
    try:
        assert server.stderr is not None
        line = server.stderr.readline()
        found = re.search(r"http://([^/]+):(\d+)/", line)
        if found is None:
            raise RuntimeError(f"tglint serve did not start: {line.strip()}")
        connection = http.client.HTTPConnection(found.group(1), int(found.group(2)), timeout=120)

        def check(body: str) -> int:
            form = urllib.parse.urlencode({"text": body, "language": "auto"}).encode("utf-8")
            connection.request("POST", "/v2/check", form, {"Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            answer = response.read()
            if response.status != 200:
                raise RuntimeError(f"/v2/check answered {response.status}")
            return len(json.loads(answer)["matches"])

        matches = check(text)
        result: dict[str, Any] = {"first_request_s": round(time.perf_counter() - started, 4), "matches": matches}
        result["latencies"] = timed(lambda _: _ignore(check(text)), n, warmup)
        if memory_dir is not None:
            files = sorted(memory_dir.iterdir())
            drafts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
            result["memory"] = {
                **memory_over(lambda i: _ignore(check(drafts[i % len(drafts)])), memory_n, lambda: rss_mib(server.pid)),
                "distinct_drafts": len(drafts),
            }
        connection.close()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return result


def _ignore(_: object) -> None:
    return None


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("api", "lsp", "http"))
    parser.add_argument("draft", type=Path)
    parser.add_argument("n", type=int, help="measured requests")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests first")
    parser.add_argument("--memory", nargs="*", help="api and http: DIR M; lsp: M")
    parser.add_argument("--tglint", default=str(Path(sys.executable).parent / "tglint"))
    args = parser.parse_args(argv)
    if args.mode in ("api", "http"):
        memory_dir, memory_n = (Path(args.memory[0]), int(args.memory[1])) if args.memory else (None, 0)
        if args.mode == "api":
            result = run_api(args.draft, args.n, args.warmup, memory_dir, memory_n)
        else:
            result = run_http(args.draft, args.n, args.warmup, memory_dir, memory_n, args.tglint)
    else:
        result = run_lsp(args.draft, args.n, args.warmup, int(args.memory[0]) if args.memory else 0, args.tglint)
    result["peak_rss_mib"] = round(rss_mib() if args.mode == "api" else 0.0, 1)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
