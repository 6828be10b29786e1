"""`tglint serve`: a local HTTP server over the Python API.

- `tglint.serve.languagetool`: LanguageTool's HTTP API (`/v2/check`, `/v2/languages`), so
  that LanguageTool's clients (browser and Thunderbird add-ons, LTeX, language_tool_python)
  check drafts with tglint;
- `tglint.serve.compose`: what the compose page (`/`) asks for: findings per field, fixes as
  edits of a field, the draft as an `.eml`;
- `tglint.serve.app`: the ASGI application (Starlette) and its server (uvicorn).

Only `app` imports the server stack; the other two are plain functions over `tglint.api`.
"""

from __future__ import annotations

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8081  # LanguageTool's own, so that its clients' "local server" setting finds tglint
