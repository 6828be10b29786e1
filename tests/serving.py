"""Running `tglint serve` for tests: a real server process on a free port, and plain HTTP.

Each server is `python -m tglint serve --port 0 ...` started as a user starts it; its first
line on stderr says where it listens. Requests use the standard library's HTTP client, so
what is tested is what any client gets over the wire.
"""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STARTUP_SECONDS = 60
_LISTENING = re.compile(r"serving on (http://\S+/)")


@dataclass
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


class Server:
    """`tglint serve` in a child process, stopped (by its own pid) when the block ends."""

    def __init__(self, *args: str, cwd: Path | None = None) -> None:
        self.args = ["--port", "0", "--isolated", *args]
        self.cwd = cwd
        self.url = ""
        self.stderr = ""
        self.warnings: list[str] = []
        self.process: subprocess.Popen[str] | None = None

    def __enter__(self) -> Server:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tglint", "serve", *self.args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=self.cwd,
        )
        assert self.process.stderr is not None
        while True:  # a warning may come first; the serving line names the address
            line = self.process.stderr.readline()
            if not line:
                self.process.wait(timeout=STARTUP_SECONDS)
                raise AssertionError(f"tglint serve exited with {self.process.returncode}")
            found = _LISTENING.search(line)
            if found:
                self.url = found.group(1)
                break
            self.warnings.append(line.rstrip("\n"))
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> str:
        """Stop the server (Ctrl-C, as a user would) and return what it wrote to stderr since it started."""
        process = self.process
        if process is None:
            return self.stderr
        self.process = None
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
        self.stderr = (out or "") + (err or "")
        return self.stderr

    def request(
        self,
        method: str,
        path: str,
        body: bytes | Iterable[bytes] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        request = urllib.request.Request(self.url.rstrip("/") + path, data=body, method=method)  # type: ignore[arg-type]
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return Answer(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())

    def raw(self, head: bytes, body: Iterable[bytes] = ()) -> bytes:
        """Send `head` and then `body` as they are (a sender thread, so that a server that
        answers before the body is read is heard), and return the answer's first line."""
        parsed = urllib.parse.urlsplit(self.url)
        with socket.create_connection((parsed.hostname, parsed.port), timeout=60) as connection:

            def send() -> None:
                try:
                    connection.sendall(head)
                    for chunk in body:
                        connection.sendall(chunk)
                except OSError:
                    pass  # the server answered and closed: what it said is read below

            sender = threading.Thread(target=send, daemon=True)
            sender.start()
            answer = b""
            while b"\r\n" not in answer:
                data = connection.recv(4096)
                if not data:
                    break
                answer += data
            sender.join(timeout=60)
        return answer.split(b"\r\n", 1)[0]

    def get(self, path: str, params: Mapping[str, str] | None = None, **kw: Any) -> Answer:
        query = "?" + urllib.parse.urlencode(params) if params else ""
        return self.request("GET", path + query, **kw)

    def post_form(self, path: str, fields: Mapping[str, str], headers: Mapping[str, str] | None = None) -> Answer:
        body = urllib.parse.urlencode(fields).encode("ascii")
        form = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
        return self.request("POST", path, body, form)

    def post_json(self, path: str, value: Any) -> Answer:
        body = json.dumps(value).encode("utf-8")
        return self.request("POST", path, body, {"Content-Type": "application/json"})
