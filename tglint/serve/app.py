"""The HTTP server of `tglint serve`: a Starlette application run by uvicorn.

Routes: `/` the compose page; `/v2/check` and `/v2/languages`, LanguageTool's API
(`tglint.serve.languagetool`); `/api/check` and `/api/eml`, the compose page's own
(`tglint.serve.compose`). Checks run in worker threads, one at a time per `Checker`.

What it keeps from people's drafts: nothing. No request is logged (uvicorn's access log is
off, and an error is logged by its type alone), no response may be cached, and every
response that quotes a draft masks its secrets. Requests are bounded in size; the Host
header must name this machine when it listens on a loopback address (a web page cannot
reach the server through DNS rebinding); other origins may read answers only when named
with `--allow-origin` (a browser add-on).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import secrets
import socket
import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tglint.serve import DEFAULT_HOST, DEFAULT_PORT
from tglint.serve.compose import Draft, check_draft, draft_eml
from tglint.serve.languagetool import BadRequest, check_response, languages, parse_check_request

if TYPE_CHECKING:
    from tglint.config import Settings

# A draft is read up to 100,000 body characters (3 bytes each in UTF-8, up to 9 when
# percent-encoded in a form): a request larger than this is no draft.
MAX_REQUEST_BYTES = 2 * 1024 * 1024
MAX_FIELDS = 100
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
# Every answer: never cached, never sniffed as another type, never framed, no referrer.
COMMON_HEADERS = {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
}
PAGE_POLICY = (
    "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
    "form-action 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)

log = logging.getLogger("tglint.serve")


class RequestTooLarge(Exception):
    pass


class Guard:
    """The checks and headers every request gets: a Host naming this machine (when it listens
    on loopback), a declared size within the limit, and `COMMON_HEADERS` on the answer."""

    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str] | None, max_bytes: int) -> None:
        self.app = app
        self.allowed_hosts = {host.lower() for host in allowed_hosts} if allowed_hosts is not None else None
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        host = _host_name(headers.get("host", ""))
        if self.allowed_hosts is not None and host and host not in self.allowed_hosts:
            await _plain(400, "Error: this server answers only requests to this machine (Host header)")(
                scope, receive, send
            )
            return
        declared = headers.get("content-length", "0").strip()
        if not declared.isdigit():
            await _plain(400, "Error: a bad Content-Length")(scope, receive, send)
            return
        if int(declared) > self.max_bytes:
            await _plain(413, f"Error: a request may hold at most {self.max_bytes:,} bytes")(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in COMMON_HEADERS.items() if k.encode() not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def _host_name(header: str) -> str:
    """The host of a Host header, without its port: `[::1]:8081` -> `::1`."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _plain(status: int, text: str) -> Response:
    return PlainTextResponse(text, status_code=status)


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused past `limit` bytes whatever its declared length."""
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _form(body: bytes, query: str = "") -> dict[str, str]:
    """Form fields (`application/x-www-form-urlencoded`) of the query string and the body; the
    first value of a field counts, as in LanguageTool."""
    fields: dict[str, str] = {}
    for source in (query, body.decode("utf-8", "strict") if body else ""):
        for key, value in parse_qsl(source, keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS):
            fields.setdefault(key, value)
    return fields


Handler = Callable[[Request], Awaitable[Response]]


def _guarded(handler: Handler) -> Handler:
    """Refusals as LanguageTool words them (`Error: ...`, 400/413), and no traceback: an
    unexpected error is logged by its type alone, since its message may quote a draft."""

    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except BadRequest as exc:
            return _plain(400, f"Error: {exc}")
        except RequestTooLarge:
            return _plain(413, f"Error: a request may hold at most {request.app.state.max_bytes:,} bytes")
        except (UnicodeDecodeError, ValueError):
            return _plain(400, "Error: the fields are not a valid application/x-www-form-urlencoded form")
        except Exception as exc:
            log.error("tglint serve: %s %s failed (%s)", request.method, request.url.path, type(exc).__name__)
            return _plain(500, f"Error: internal error ({type(exc).__name__})")

    return endpoint


class Service:
    """What the routes share: the server's settings, and the page."""

    def __init__(self, settings: Settings) -> None:
        from tglint.api import get_checker

        self.settings = settings
        self.checker = get_checker(settings)  # built now: a bad config fails at start, not at the first request
        self.page = files("tglint.serve").joinpath("page.html").read_text(encoding="utf-8")

    def check_languagetool(self, fields: Mapping[str, str]) -> dict[str, Any]:
        from tglint.api import get_checker
        from tglint.config import ConfigError

        request = parse_check_request(fields, self.checker.rules)
        try:
            checker = get_checker(request.settings(self.settings))
        except ConfigError as exc:
            raise BadRequest(str(exc)) from None
        checked = checker.check_text(request.text.plain)
        return check_response(checked, request, checker.rules, checker.settings.message_language)

    def check_compose(self, given: Mapping[str, Any]) -> dict[str, Any]:
        from tglint.api import apply_overrides, get_checker

        draft = Draft.from_fields(given)
        language = given.get("language")
        settings = self.settings
        if language in ("en", "zh"):
            settings = apply_overrides(settings, message_language=language)
        if draft.empty:
            return {"language": None, "topic": None, "reply_time": None, "error": None, "findings": []}
        return check_draft(get_checker(settings), draft)


def create_app(
    settings: Settings,
    *,
    allow_origins: Sequence[str] = (),
    allowed_hosts: Sequence[str] | None = LOOPBACK_NAMES,
    max_bytes: int = MAX_REQUEST_BYTES,
) -> Starlette:
    """The application. `allowed_hosts`: names the Host header may give (None: any)."""
    service = Service(settings)

    async def page(request: Request) -> Response:
        nonce = secrets.token_urlsafe(18)
        html = service.page.replace("{{NONCE}}", nonce)
        return Response(
            html,
            media_type="text/html; charset=utf-8",
            headers={"content-security-policy": PAGE_POLICY.format(nonce=nonce)},
        )

    async def favicon(request: Request) -> Response:
        return Response(status_code=204)

    async def v2_languages(request: Request) -> Response:
        return JSONResponse(languages())

    async def v2_check(request: Request) -> Response:
        body = await _body(request, max_bytes) if request.method == "POST" else b""
        fields = _form(body, request.url.query)
        answer = await run_in_threadpool(service.check_languagetool, fields)
        return _json(answer)

    async def api_check(request: Request) -> Response:
        body = await _body(request, max_bytes)
        try:
            given = json.loads(body)
        except ValueError:
            raise BadRequest("the body is not JSON") from None
        if not isinstance(given, dict):
            raise BadRequest("the body is not a JSON object")
        return _json(await run_in_threadpool(service.check_compose, given))

    async def api_eml(request: Request) -> Response:
        draft = Draft.from_fields(_form(await _body(request, max_bytes)))
        return Response(
            draft_eml(draft),
            media_type="message/rfc822",
            headers={"content-disposition": 'attachment; filename="draft.eml"'},
        )

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        Route("/v2/languages", _guarded(v2_languages), methods=["GET"]),
        Route("/v2/check", _guarded(v2_check), methods=["GET", "POST"]),
        Route("/api/check", _guarded(api_check), methods=["POST"]),
        Route("/api/eml", _guarded(api_eml), methods=["POST"]),
    ]
    middleware = [Middleware(Guard, allowed_hosts=allowed_hosts, max_bytes=max_bytes)]
    if allow_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(allow_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type"],
            )
        )
    application = Starlette(routes=routes, middleware=middleware)
    application.state.max_bytes = max_bytes
    return application


def _json(answer: Any) -> Response:
    # ensure_ascii=False: the draft's language as it is, a third of the size of \u escapes.
    return Response(json.dumps(answer, ensure_ascii=False), media_type="application/json")


# --------------------------------------------------------------------------- running


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to `host`:`port` (port 0: any free one); OSError when it cannot be."""
    family, kind, protocol, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, protocol)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False


def run(
    settings: Settings,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    allow_origins: Sequence[str] = (),
    say: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
) -> None:
    """Serve until interrupted. Raises OSError when the address cannot be listened on."""
    sock = listening_socket(host, port)
    bound, actual_port = sock.getsockname()[:2]
    local = is_loopback(bound)
    application = create_app(
        settings, allow_origins=allow_origins, allowed_hosts=(*LOOPBACK_NAMES, host) if local else None
    )
    shown = f"[{bound}]" if ":" in bound else bound
    if not local:
        say(
            f"tglint: warning: listening on {shown}:{actual_port}, beyond this machine: "
            "anyone who can reach it can have drafts checked"
        )
    say(f"tglint: serving on http://{shown}:{actual_port}/ (compose page; LanguageTool API at /v2); Ctrl-C stops")
    config = uvicorn.Config(
        application,
        access_log=False,  # a request line is no draft, but nothing about people's mail is kept
        log_level="warning",
        server_header=False,
        timeout_keep_alive=30,
        h11_max_incomplete_event_size=64 * 1024,
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
