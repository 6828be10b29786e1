"""A MIME message read into a draft: its header parts, its body and other alternatives, its attachments."""

from __future__ import annotations

from collections.abc import Sequence
from email.message import Message

from tglint.draft import ALTERNATIVE_PART, Attachment, Draft, Part, Placement, normalise_line_breaks
from tglint.html_text import embedded_images, html_to_text
from tglint.limits import Limits
from tglint.quoting import find_regions
from tglint.reading.charsets import decode_declared, decode_hinted, decode_undeclared, from_surrogates, has_surrogates
from tglint.reading.headers import ADDRESS_FIELDS, Headers, charset_hint, decode_header, safely
from tglint.reading.lines import PART_NAMES, cut_body, line_ends, visible, visible_line
from tglint.reading.notes import PARTIAL_NOTE, TRUNCATED, TRUNCATED_BY_LIMIT, partial_note
from tglint.reading.placing import PayloadLines, WrittenHeaders
from tglint.reading.recipients import all_recipients
from tglint.reading.sniffing import ENCODED_WORD_START
from tglint.reading.structure import (
    ENCODED_TYPE_HEADER,
    TOO_DEEP_HEADER,
    Budget,
    PartLimitReached,
    parse_message,
    payload_as_parsed,
    transfer_encoding,
)

_BODY_TYPES = frozenset({"text/plain", "text/html"})
_FORWARDED_TYPES = frozenset({"message/rfc822", "message/global"})
# Transfer encodings whose text is not written in the file as it reads.
_TRANSFER_ENCODINGS = frozenset({"base64", "quoted-printable", "x-uuencode", "uuencode", "x-uue", "uue"})
_LARGE_PART_CHARS = 1024 * 1024
# HTML read per character of body text still wanted: mail HTML is markup-heavy.
_HTML_PER_TEXT_CHAR = 20
_FORWARD_SEPARATOR = "---------- Forwarded message ---------"
_FORWARD_HEADERS = (("from", "From"), ("date", "Date"), ("subject", "Subject"), ("to", "To"), ("cc", "Cc"))
_DEFECT_NOTES = {
    "StartBoundaryNotFoundDefect": "a multipart part has no boundary line: its text is read as one part",
}


def read_mime(data: bytes, path: str, limits: Limits, notes: list[str], first_line: int = 1) -> Draft:
    """A MIME message; `first_line` is the file's line where `data` starts (in an mbox)."""
    cut_by_line_limit = any(note.startswith(PARTIAL_NOTE) for note in notes)
    budget = Budget(limits, notes)
    message = parse_message(data, budget)
    headers = Headers(message, notes, limits)
    written = WrittenHeaders(data, first_line, headers.charset_hint)
    parts: dict[str, Part] = {}
    sources: dict[str, str] = {}
    for name in ("subject", *ADDRESS_FIELDS):
        text = headers.text(name)
        if text is not None:
            parts[name] = written.part(name, visible_line(text))
            # Addresses are parsed before encoded words are decoded: a decoded display
            # name may hold commas that would split it into bogus addresses.
            sources[name] = headers.unfolded(name) or ""
    collector = _BodyCollector(budget, headers.charset_hint, PayloadLines(data, first_line, written.end))
    collector.collect(message)
    for name in ("body", ALTERNATIVE_PART):
        raw, placements = collector.text(name)
        text = cut_body(visible(raw), limits.max_body_length, notes, PART_NAMES[name])
        if name == "body" or text.strip():
            parts[name] = Part(name, text, regions=find_regions(text), placements=placements)
    names = [visible_line(a.filename) for a in collector.attachments if a.filename]
    if names:
        # The names the recipient sees, one a line: what they say is sent too.
        text = "\n".join(names)
        # Not written in the file as such (encoded parameters): placed at the message's start.
        parts["attachments"] = Part("attachments", text, placements=(Placement(0, len(text), first_line, 1, False),))
    error = None
    if collector.truncated:
        if cut_by_line_limit:
            notes.append(TRUNCATED_BY_LIMIT)
        else:
            error = TRUNCATED
    return Draft(
        path=path,
        kind="mime",
        parts=parts,
        recipients=all_recipients(parts, sources, limits),
        attachments=tuple(collector.attachments),
        can_attach=True,
        notes=tuple(dict.fromkeys(notes)),
        error=error,
        first_line=first_line,
    )


def text_sources(data: bytes, limits: Limits | None = None) -> list[tuple[str, Message, str]]:
    """The MIME leaves a message's body and other alternatives are read from: (part, leaf, text), in order.

    The parse is the reader's own, so a fixer rewrites exactly the leaves the text came from.
    """
    budget = Budget(limits or Limits(), [])
    message = parse_message(data, budget)
    collector = _BodyCollector(budget, charset_hint(message), PayloadLines(data, 1, 0))
    collector.collect(message)
    return collector.sources


class _BodyCollector:
    """Walks a message's MIME tree for the body text, the other alternatives' text and the attachments.

    Each text leaf's text goes `into` a part: "body" (the preferred alternatives),
    `ALTERNATIVE_PART` (the others), or nowhere (an alternative inside one not chosen); with
    the file's line it comes from, and whether it is written there as it is.
    """

    def __init__(self, budget: Budget, charset_hint: str | None, lines: PayloadLines) -> None:
        self.texts: dict[str, list[tuple[str, int, bool]]] = {"body": [], ALTERNATIVE_PART: []}
        # Each leaf whose text was read, with its part and its text: what a fixer rewrites.
        self.sources: list[tuple[str, Message, str]] = []
        self.attachments: list[Attachment] = []
        self._lines = lines
        self._other_branch_attachments: list[Attachment] = []
        self._budget = budget
        self._limits = budget.limits
        self._notes = budget.notes
        self._charset_hint = charset_hint
        self._text_length = dict.fromkeys(self.texts, 0)
        self.truncated = False  # a multipart ended before its closing boundary

    def text(self, part: str = "body") -> tuple[str, tuple[Placement, ...]]:
        """A part's text, its texts joined by blank lines, and where each comes from."""
        pieces: list[str] = []
        placements: list[Placement] = []
        offset = 0
        for text, line, exact in self.texts[part]:
            if not text.strip():
                continue
            if pieces:
                offset += 2
            piece = text.strip("\n")
            # Blank lines dropped from the start move an exact text's first line down.
            dropped = len(text) - len(text.lstrip("\n")) if exact else 0
            placements.append(Placement(offset, offset + len(piece), line + dropped, 1, exact))
            pieces.append(piece)
            offset += len(piece)
        return "\n\n".join(pieces), tuple(placements)

    def collect(
        self, entity: Message, depth: int = 0, *, into: str | None = "body", decoded_at: int | None = None
    ) -> None:
        """Text and attachments of `entity`; `decoded_at`: it was decoded from the encoded text
        that starts at this line, so nothing in it is written in the file as such."""
        if depth > self._limits.max_depth or entity.get(TOO_DEEP_HEADER) is not None:
            what = f"MIME parts nested deeper than {self._limits.max_depth} levels are skipped"
            self._notes.append(partial_note(what, "max-depth"))
            return
        self._note_defects(entity)
        content_type = _content_type(entity)
        if content_type in _FORWARDED_TYPES:
            self._collect_forwarded(entity, content_type, depth, into=into, decoded_at=decoded_at)
        elif content_type.startswith("message/") and entity.is_multipart():
            self._add_attachment(Attachment(_filename(entity), content_type, _entity_size(entity)), into == "body")
        elif entity.is_multipart():
            self._collect_multipart(entity, content_type, depth, into=into, decoded_at=decoded_at)
        else:
            self._collect_leaf(entity, content_type, into=into, decoded_at=decoded_at)
        if depth == 0:
            self._merge_other_branch_attachments()

    def _collect_multipart(
        self, entity: Message, content_type: str, depth: int, *, into: str | None, decoded_at: int | None
    ) -> None:
        children = _children(entity)
        chosen = (
            _preferred_alternative(children, self._limits.max_depth)
            if content_type == "multipart/alternative"
            else None
        )
        for index, child in enumerate(children):
            # Only the body's alternatives are read: a choice inside a version not chosen is not offered.
            other = ALTERNATIVE_PART if into == "body" else None
            chosen_into = into if chosen is None or index == chosen else other
            self.collect(child, depth + 1, into=chosen_into, decoded_at=decoded_at)

    def _collect_leaf(self, entity: Message, content_type: str, *, into: str | None, decoded_at: int | None) -> None:
        filename = _filename(entity)
        # A multipart without a boundary is left unparsed: its text is still the body.
        as_text = "text/plain" if content_type.startswith("multipart/") else content_type
        if as_text in _BODY_TYPES and _shown_inline(_disposition(entity), filename):
            if into is not None:
                self._add_text(entity, as_text, into, decoded_at)
            return
        self._add_attachment(Attachment(filename, content_type, _entity_size(entity)), into == "body")

    def _collect_forwarded(
        self, entity: Message, content_type: str, depth: int, *, into: str | None, decoded_at: int | None
    ) -> None:
        inner = None
        if into == "body" and _disposition(entity) != "attachment":
            inner = _inner_message(entity, self._budget, depth + 1)
        if inner is None:
            filename = _filename(entity)
            self._add_attachment(Attachment(filename, content_type, _entity_size(entity)), into == "body")
            return
        message, in_place = inner
        if decoded_at is None and not in_place:
            decoded_at = self._lines.find(_as_written(entity)) or self._lines.line
        headers = Headers(message, self._notes, self._limits)
        lines = [_FORWARD_SEPARATOR]
        for name, label in _FORWARD_HEADERS:
            value = headers.text(name)
            if value is not None:
                lines.append(f"{label}: {value}")
        # The forwarded headers are rebuilt, decoded: they point at where the message starts.
        if decoded_at is None:
            first = next(iter(message.raw_items()), None)
            start = self._lines.find(f"{first[0]}:".encode("ascii", "surrogateescape")) if first else None
            self._append_text("\n".join(lines), "body", start or self._lines.line, exact=False)
        else:
            self._append_text("\n".join(lines), "body", decoded_at, exact=False)
        self.collect(message, depth + 1, decoded_at=decoded_at)

    def _add_text(self, entity: Message, content_type: str, into: str, decoded_at: int | None) -> None:
        room = self._limits.max_body_length - self._text_length[into]
        if room <= 0:
            limit = self._limits.max_body_length
            what = f"the {PART_NAMES[into]} is longer than {limit:,} characters; later text parts are skipped"
            self._notes.append(partial_note(what, "max-body-length"))
            return
        payload = _decoded_payload(entity)
        text = self._text_of(entity, payload, content_type, room, into)
        self.sources.append((into, entity, text))
        if decoded_at is not None:
            self._append_text(text, into, decoded_at, exact=False)
            return
        written = payload if transfer_encoding(entity) not in _TRANSFER_ENCODINGS else _as_written(entity)
        line = self._lines.find(written)
        # Text is in the file as it is when it was not transfer-encoded, is not HTML turned
        # into text, and was decoded line for line (the same line breaks as the bytes).
        exact = (
            line is not None
            and written is payload
            and content_type == "text/plain"
            and b"\x00" not in payload
            and line_ends(payload, 0, len(payload)) == text.count("\n")
        )
        self._append_text(text, into, self._lines.line if line is None else line, exact=exact)

    def _append_text(self, text: str, into: str, line: int, *, exact: bool) -> None:
        self.texts[into].append((text, line, exact))
        self._text_length[into] += len(text)

    def _text_of(self, entity: Message, payload: bytes, content_type: str, room: int, into: str) -> str:
        charset = safely(entity.get_content_charset, None)
        if charset:
            text = decode_declared(payload, charset, into, self._notes)
        else:
            text = decode_hinted(payload, self._charset_hint, into, self._notes)
        text = normalise_line_breaks(text)
        if content_type != "text/html":
            return text
        readable = room * _HTML_PER_TEXT_CHAR
        if len(text) > readable:
            what = f"an HTML part is longer than {readable:,} characters; only its start is read"
            self._notes.append(partial_note(what, "max-body-length"))
            text = text[:readable]
        # A picture shown in the HTML (inline data or from the web) reaches the reader as an attached one
        # does: "the screenshot below" is there.
        for _ in range(embedded_images(text)):
            self._add_attachment(Attachment(None, _EMBEDDED_IMAGE, 0), into == "body")
        return html_to_text(text)

    def _add_attachment(self, attachment: Attachment, chosen_branch: bool) -> None:
        (self.attachments if chosen_branch else self._other_branch_attachments).append(attachment)

    def _merge_other_branch_attachments(self) -> None:
        """Inline images of a not-chosen HTML version still reach the recipient."""
        for attachment in self._other_branch_attachments:
            if attachment not in self.attachments:
                self.attachments.append(attachment)
        self._other_branch_attachments.clear()

    def _note_defects(self, entity: Message) -> None:
        for defect in getattr(entity, "defects", ()):
            name = type(defect).__name__
            if name == "CloseBoundaryNotFoundDefect":
                self.truncated = True
            elif name in _DEFECT_NOTES:
                self._notes.append(_DEFECT_NOTES[name])


# The type of a picture the HTML body shows without a MIME part of its own.
_EMBEDDED_IMAGE = "image/x-embedded"


def _shown_inline(disposition: str | None, filename: str | None) -> bool:
    """Whether a text part is shown as body text ("inline" wins over a file name)."""
    if disposition is None:
        return filename is None
    return disposition != "attachment"


def _content_type(entity: Message) -> str:
    encoded_type = entity.get(ENCODED_TYPE_HEADER)
    if isinstance(encoded_type, str):
        return encoded_type
    return (safely(entity.get_content_type, "text/plain") or "text/plain").lower()


def _disposition(entity: Message) -> str | None:
    return safely(entity.get_content_disposition, None)


def _filename(entity: Message) -> str | None:
    name = safely(entity.get_filename, None)
    if name is None:
        return None
    notes: list[str] = []  # a garbled file name is not worth a note of its own
    if has_surrogates(name):
        name = decode_undeclared(from_surrogates(name), "file name", notes)
    if ENCODED_WORD_START in name:
        name = decode_header(name, "file name", notes)
    return name.strip() or None


def _children(entity: Message) -> list[Message]:
    payload = payload_as_parsed(entity)
    return [child for child in payload if isinstance(child, Message)] if isinstance(payload, list) else []


def _inner_message(entity: Message, budget: Budget, depth: int) -> tuple[Message, bool] | None:
    """The message inside a message/rfc822 part, parsed even when it was base64-encoded, and
    whether it was parsed where it is written (not decoded first)."""
    children = _children(entity)
    if children:
        return children[0], True
    payload = _decoded_payload(entity)
    if not payload.strip():
        return None
    try:
        return parse_message(payload, budget, depth), False
    except PartLimitReached:  # not even its first entity fits: it stays an attachment
        return None


def _as_written(entity: Message) -> bytes:
    """A leaf's payload as written in the file (still transfer-encoded); b"" when the parser
    no longer holds it as written."""
    payload = payload_as_parsed(entity)
    if not isinstance(payload, str):
        return b""
    try:
        return payload.encode("ascii", "surrogateescape")
    except UnicodeError:
        return b""


def _decoded_payload(entity: Message) -> bytes:
    try:
        payload = entity.get_payload(decode=True)
    except (UnicodeError, LookupError, ValueError):  # as above: the stdlib trusts the charset
        raw = payload_as_parsed(entity)
        payload = raw.encode("ascii", "surrogateescape") if isinstance(raw, str) else b""
    return payload if isinstance(payload, bytes) else b""


def _preferred_alternative(children: Sequence[Message], max_depth: int) -> int | None:
    """Index of the alternative to read: plain text first, then HTML; None if neither."""
    ranks = [_text_rank(child, 0, max_depth) for child in children]
    best = max(ranks, default=0)
    return ranks.index(best) if best > 0 else None


def _text_rank(entity: Message, depth: int, max_depth: int) -> int:
    content_type = _content_type(entity)
    if content_type in _FORWARDED_TYPES or depth > max_depth:
        return 0
    if entity.is_multipart():
        return max((_text_rank(child, depth + 1, max_depth) for child in _children(entity)), default=0)
    return {"text/plain": 2, "text/html": 1}.get(content_type, 0)


def _entity_size(entity: Message) -> int:
    """Decoded size of a part; estimated without decoding when it is large."""
    if entity.is_multipart():
        return sum(_raw_header_size(child) + _entity_size(child) for child in _children(entity))
    payload = payload_as_parsed(entity)
    if not isinstance(payload, str):
        return 0
    if len(payload) <= _LARGE_PART_CHARS:
        return len(_decoded_payload(entity))
    return _estimated_size(payload, transfer_encoding(entity))


def _raw_header_size(entity: Message) -> int:
    return sum(len(name) + len(str(value)) + 4 for name, value in entity.raw_items())


def _estimated_size(payload: str, transfer_encoding: str) -> int:
    if transfer_encoding == "base64":
        whitespace = sum(payload.count(char) for char in "\r\n\t ")
        padding = payload.rstrip().count("=", max(0, len(payload.rstrip()) - 2))
        return (len(payload) - whitespace) * 3 // 4 - padding
    if transfer_encoding == "quoted-printable":
        # Soft line breaks vanish; "=XX" escapes shrink to one byte (not counted here).
        return len(payload) - 2 * payload.count("=\n") - 3 * payload.count("=\r\n")
    return len(payload)
