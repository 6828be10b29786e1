"""Turn an HTML mail body into the plain text its reader sees.

Only the stdlib `html.parser` is used: mail HTML is often broken, and the parser never
raises on bad markup. Scripts, styles and the document head are dropped; block elements
and `<br>` end lines; runs of whitespace collapse as a browser would collapse them.
`<blockquote>` content comes out with "> " in front of every line, so the quoting
detector sees an HTML reply's history the same way it sees a plain-text one.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Their content is never shown to the reader.
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "xml"})

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip

# Cells of one row stay on one line, separated by a space.
_CELL_TAGS = frozenset({"td", "th"})

# A browser leaves a blank line around these.
_PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"})

_COLLAPSIBLE_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


class _TextCollector(HTMLParser):
    """Collects visible text as finished lines, each with its blockquote depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._current: list[str] = []
        self._hidden_depth = 0
        self._pre_depth = 0
        self._quote_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth += 1
            return
        if tag == "body":
            # An unclosed <head> or <title> must not hide the whole message.
            self._hidden_depth = 0
        if tag in _PARAGRAPH_TAGS:
            self._end_paragraph()
        elif tag == "br":
            self._end_line(force=True)
        elif tag in _CELL_TAGS:
            self._append(" ")
        elif tag in _BLOCK_TAGS:
            self._end_line()
            if tag == "li":
                self._append("- ")
        if tag == "blockquote":
            self._quote_depth += 1
        elif tag == "pre":
            self._pre_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
            return
        if tag in _PARAGRAPH_TAGS:
            self._end_paragraph()
        elif tag in _BLOCK_TAGS and tag not in _CELL_TAGS:
            self._end_line()
        if tag == "blockquote":
            self._quote_depth = max(0, self._quote_depth - 1)
        elif tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._hidden_depth:
            return
        if self._pre_depth:
            first, *rest = data.replace("\r\n", "\n").split("\n")
            self._append(first)
            for line in rest:
                self._end_line(force=True)
                self._append(line)
            return
        self._append(_COLLAPSIBLE_SPACE.sub(" ", data))

    def close(self) -> None:
        super().close()
        self._end_line()

    def _append(self, text: str) -> None:
        if text:
            self._current.append(text)

    def _end_paragraph(self) -> None:
        self._end_line()
        if self.lines and self.lines[-1][1]:
            self.lines.append((self._quote_depth, ""))

    def _end_line(self, *, force: bool = False) -> None:
        """Finish the current line; a block boundary on an empty line adds nothing."""
        line = "".join(self._current)
        self._current = []
        # Spaces in <pre> are the writer's; elsewhere they are left from collapsing.
        line = line.rstrip() if self._pre_depth else line.strip(" ")
        if line or force:
            self.lines.append((self._quote_depth, line))


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, one line per block, tidied."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    rendered = [_quote_prefix(depth) + line for depth, line in collector.lines]
    text = "\n".join(line.rstrip() for line in rendered)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip("\n")


def _quote_prefix(depth: int) -> str:
    return "> " * depth
