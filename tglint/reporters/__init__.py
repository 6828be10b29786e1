"""Report renderers: every format renders the same `FileResult` records and nothing else.

    render("json", results, rules) -> str

Output is deterministic (identical input, byte-identical output) and never shows a
secret: sensitive spans are masked wherever source text appears (see `_masking`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tglint.models import FileResult
from tglint.reporters._masking import mask_line
from tglint.reporters.github import render_github
from tglint.reporters.html import render_html
from tglint.reporters.json_report import render_json
from tglint.reporters.sarif import render_sarif
from tglint.reporters.text import render_text
from tglint.rule import RuleLike

__all__ = ["FORMATS", "mask_line", "render"]

FORMATS = ("text", "json", "sarif", "github", "html")

_Renderer = Callable[[Sequence[FileResult], Sequence[RuleLike], bool, int], str]

_RENDERERS: dict[str, _Renderer] = {
    "text": lambda results, rules, color, width: render_text(results, color=color, width=width),
    "json": lambda results, rules, color, width: render_json(results),
    "sarif": lambda results, rules, color, width: render_sarif(results, rules),
    "github": lambda results, rules, color, width: render_github(results),
    "html": lambda results, rules, color, width: render_html(results, rules),
}


def render(
    fmt: str,
    results: Sequence[FileResult],
    rules: Sequence[RuleLike],
    *,
    color: bool = False,
    width: int = 100,
) -> str:
    """The whole report in format `fmt` (one of `FORMATS`), ending with a newline."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    output = renderer(results, rules, color, width)
    # Drafts decoded with errors="surrogateescape" can carry lone surrogates, which
    # no UTF-8 stream accepts: replace them rather than crash while printing.
    return output.encode("utf-8", "replace").decode("utf-8")
