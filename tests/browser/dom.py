"""A small tree of an HTML document, for asserting on a report and on Chromium's DOM.

Strict on purpose: an end tag that does not close the innermost open element is an
error, so marks that overlap instead of nesting are caught.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# Elements whose end tag HTML lets an author leave out; Chromium never does, nor do we.
_OPTIONAL_END = frozenset({"html", "head", "body"})


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(tag)

    def find(self, tag: str, **attrs: str) -> Element | None:
        return next(
            (e for e in self.iter(tag) if all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())), None
        )

    def by_id(self) -> dict[str, Element]:
        return {element.attrs["id"]: element for element in self.iter() if "id" in element.attrs}

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            raise AssertionError(f"</{tag}> closes <{self.stack[-1].tag}>: elements overlap")
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(document: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(document)
    builder.close()
    unclosed = [e.tag for e in builder.stack[1:] if e.tag not in _OPTIONAL_END]
    assert not unclosed, f"unclosed elements: {unclosed}"
    return builder.root


def finding_text(root: Element, key: str) -> str:
    """The text of finding `key`'s marks, pieces on one line joined, lines joined by newlines."""
    by_line: dict[str, list[str]] = {}
    for row in root.iter("tr"):
        for mark in row.iter("mark"):
            if mark.attrs.get("data-finding") == key:
                by_line.setdefault(row.attrs.get("data-line", ""), []).append(mark.text())
    return "\n".join("".join(pieces) for pieces in by_line.values())
