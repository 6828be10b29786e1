"""Turn an HTML mail body into the plain text its reader sees.

Mail HTML is often broken, so markup is read the forgiving way browsers read it, by a
small tokenizer of our own in one pass: `html.parser` rescans the rest of the document
from every construct it cannot close, which makes a few kilobytes of "<a b='>'"
take minutes, and it raises AssertionError on "<![foo[". The tokenizer follows the
HTML5 rules where they matter for visible text: a tag runs to the first ">" outside a
quoted attribute value, a comment to "-->", other "<!...>" and "<?...>" constructs to
the next ">", and anything left open at the end of the document hides the rest of it
(as a browser would). A "<" that does not start a tag is text.

Scripts, styles and the document head are dropped; block elements and `<br>` end
lines; runs of whitespace collapse as a browser would collapse them. Character
references are decoded in text. `<blockquote>` content comes out with "> " in front of
every line, so the quoting detector sees an HTML reply's history the same way it sees
a plain-text one.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from html import unescape

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

# Their content is raw text up to the matching end tag: a "<" inside is not markup.
_RAW_TEXT_TAGS = frozenset({"script", "style"})

_COLLAPSIBLE_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")

# Replies nest a dozen levels at most; a deeper prefix only repeats the same "> ",
# and unbounded it would make the text grow with the square of the markup.
_MAX_QUOTE_DEPTH = 20


# --------------------------------------------------------------------------- tokens

_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
# Everything of a tag after its name, possessively (no backtracking): a quote opens a
# value only after "=", and a value left open runs to the end of the document.
_TAG_REST = re.compile(r"""(?:[^=>]++|=[\t\n\f\r ]*+(?:"[^"]*+"?+|'[^']*+'?+|[^\t\n\f\r >]*+))*+""")
_COMMENT_END = re.compile(r"--!?[\t\n\f\r ]*>")


class _Start:
    __slots__ = ("name", "self_closing")

    def __init__(self, name: str, self_closing: bool) -> None:
        self.name = name
        self.self_closing = self_closing


class _End:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


_Token = str | _Start | _End  # a str is text, character references already decoded


def _tokens(html: str) -> Iterator[_Token]:
    """Text, start tags and end tags of `html`, in one linear pass."""
    position = 0
    length = len(html)
    while position < length:
        opening = html.find("<", position)
        if opening < 0:
            yield unescape(html[position:])
            return
        if opening > position:
            yield unescape(html[position:opening])
        following = html[opening + 1 : opening + 2]
        if following.isascii() and following.isalpha():
            position = yield from _start_tag(html, opening)
        elif following == "/":
            position = _end_tag(html, opening)
            if position < 0:
                return
            name = _TAG_NAME.match(html, opening + 2)
            if name:
                yield _End(name.group().lower())
        elif following == "!" and html.startswith("<!--", opening):
            close = _COMMENT_END.search(html, opening + 4)
            if html.startswith(">", opening + 4) or html.startswith("->", opening + 4):
                position = html.index(">", opening + 4) + 1  # "<!-->" and "<!--->" are empty comments
            elif close is None:
                return
            else:
                position = close.end()
        elif following in ("!", "?"):
            close_at = html.find(">", opening + 2)
            if close_at < 0:
                return
            position = close_at + 1
        else:
            yield "<"
            position = opening + 1


def _start_tag(html: str, opening: int) -> Generator[_Token, None, int]:
    """The start tag at `opening` (and a raw-text element's content); returns where to go on."""
    name_match = _TAG_NAME.match(html, opening + 1)
    assert name_match is not None  # the caller saw a letter
    rest = _TAG_REST.match(html, name_match.end())
    end = rest.end() if rest else name_match.end()
    if end >= len(html):
        return len(html)  # a tag open at the end hides the rest, as in a browser
    name = name_match.group().lower()
    yield _Start(name, html[opening + 1 : end].endswith("/"))
    position = end + 1
    if name in _RAW_TEXT_TAGS:
        closing = re.compile(rf"</{re.escape(name)}(?=[\t\n\f\r />])", re.IGNORECASE).search(html, position)
        stop = closing.start() if closing else len(html)
        yield html[position:stop]
        position = stop
    return position


def _end_tag(html: str, opening: int) -> int:
    """Where the end tag (or bogus comment) at `opening` ends, or -1 if never."""
    if html[opening + 2 : opening + 3].isalpha() and html[opening + 2 : opening + 3].isascii():
        name_match = _TAG_NAME.match(html, opening + 2)
        assert name_match is not None
        rest = _TAG_REST.match(html, name_match.end())
        end = rest.end() if rest else name_match.end()
    else:
        end = html.find(">", opening + 2)  # "</>" and "</ x>" are dropped
        end = len(html) if end < 0 else end
    return -1 if end >= len(html) else end + 1


# --------------------------------------------------------------------------- text


class _TextCollector:
    """Collects visible text as finished lines, each with its blockquote depth."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []
        self._current: list[str] = []
        self._hidden_depth = 0
        self._pre_depth = 0
        self._quote_depth = 0

    def feed(self, html: str) -> None:
        for token in _tokens(html):
            if isinstance(token, str):
                self.handle_data(token)
            elif isinstance(token, _Start):
                self.handle_starttag(token.name)
                if token.self_closing:
                    self.handle_endtag(token.name)
            else:
                self.handle_endtag(token.name)

    def handle_starttag(self, tag: str) -> None:
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


# An image tag, possessively to its end: a document of "<img" without ">" is read once, not once per tag.
_IMG_TAG = re.compile(r"<img\b[^>]*+>", re.IGNORECASE)
_IMG_SOURCE = re.compile(r"""\ssrc\s*=\s*["']?\s*([a-z]+:)?""", re.IGNORECASE)
_IMG_TINY = re.compile(r"""\s(?:width|height)\s*=\s*["']?[01](?:px)?["'\s/>]""", re.IGNORECASE)


def embedded_images(html: str) -> int:
    """How many pictures the document shows that are not parts of the message: a `data:` image or one
    loaded from the web. A `cid:` picture is a part of the message (an attachment already), and a
    one-pixel image is a tracker, not something to look at."""
    count = 0
    for tag in _IMG_TAG.finditer(html):
        source = _IMG_SOURCE.search(tag.group())
        if source is None or (source.group(1) or "").lower() == "cid:" or _IMG_TINY.search(tag.group()):
            continue
        count += 1
    return count


def _quote_prefix(depth: int) -> str:
    return "> " * min(depth, _MAX_QUOTE_DEPTH)
