"""The MIME tree of a message, parsed by the email package within the limits."""

from __future__ import annotations

import copy
from email.feedparser import BytesFeedParser
from email.message import Message
from email.policy import Compat32, Policy
from typing import Any

from tglint.limits import Limits
from tglint.reading.lines import LEADING_BLANK_LINES
from tglint.reading.notes import header_cut_note, partial_note
from tglint.reading.sniffing import HEADER_FIELD, OBSOLETE_HEADER_FIELD

_STRUCTURAL_FIELDS = frozenset({"content-type", "content-disposition", "content-transfer-encoding"})
# Longer MIME fields are junk (though a test suite has a 7,000-character boundary), and
# the parser's parameter handling is quadratic in the number of ";" of a field.
_MAX_STRUCTURAL_LENGTH = 8192
_MAX_PARAMETERS = 100
# Fields of one entity after these are ignored (real mail has a few dozen).
_MAX_FIELDS = 1000
# Fed in pieces, the parser splits lines as it goes instead of all at once.
_FEED_CHUNK = 64 * 1024
# Marks an entity whose nested parts the parser was told not to read.
TOO_DEEP_HEADER = "X-Tglint-Not-Read"
# The type of a message/* entity with a base64 or quoted-printable body, read as a leaf.
ENCODED_TYPE_HEADER = "X-Tglint-Encoded-Type"
_DECODED_ENCODINGS = frozenset({"base64", "quoted-printable"})
_CONTAINER_TYPES = ("multipart", "message")


class PartLimitReached(Exception):
    """The message has more MIME entities than `max-parts` allows."""


class Budget:
    """What the rest of one message may cost: the limits, and entities counted so far."""

    def __init__(self, limits: Limits, notes: list[str]) -> None:
        self.limits = limits
        self.notes = notes
        self.parts = 0

    def count_part(self) -> None:
        self.parts += 1
        if self.parts > self.limits.max_parts:
            what = f"the message has more than {self.limits.max_parts:,} MIME parts; the rest are skipped"
            self.notes.append(partial_note(what, "max-parts"))
            raise PartLimitReached


class _Parse:
    """One run of the feed parser: its budget, the depth of the first entity it reads (in the
    whole draft), the entity whose header block it is reading, and the root it built.
    `fields_cut`: fields of the root past `_MAX_FIELDS` were left out before parsing."""

    def __init__(self, budget: Budget, depth: int, fields_cut: bool = False) -> None:
        self.budget = budget
        self.depth = depth
        self.fields_cut = fields_cut
        self.entity: _Entity | None = None
        self.root: _Entity | None = None

    def note_fields_cut(self) -> None:
        self.budget.notes.append(partial_note(f"header fields after the first {_MAX_FIELDS:,} are ignored", None))

    def new_entity(self, policy: Policy) -> _Entity:
        """The policy's message factory: the parser calls it for every entity, before reading
        the entity's header block; past `max-parts` it raises, and the parser stops there."""
        self.budget.count_part()
        entity = _Entity(policy, self)
        self.entity = entity
        if self.root is None:
            self.root = entity
        return entity


class _BoundedPolicy(Compat32):
    """compat32, with each header field bounded as it is read, and values returned as parsed.

    A value with 8-bit bytes is returned surrogate-escaped rather than as a Header that turns
    those bytes into U+FFFD: reading decodes them itself (a raw "filename=管理.doc" stays
    readable). The field is cut to its limit before the parser keeps it; the fields the
    parser interprets are unfolded (compat32 would keep the fold inside a boundary) and keep
    at most `_MAX_PARAMETERS` parameters; an entity's fields after the first `_MAX_FIELDS`
    are dropped.
    """

    parse: _Parse | None = None  # set by `clone` for each run of the parser

    def header_fetch_parse(self, name: str, value: str) -> str:
        return value

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        parse, entity = self.parse, self.parse.entity if self.parse else None
        if parse is None or entity is None:
            return super().header_source_parse(sourcelines)
        entity.fields += 1
        if entity.fields > _MAX_FIELDS:
            if entity.fields == _MAX_FIELDS + 1:
                parse.note_fields_cut()
            return "", ""  # `_Entity.set_raw` drops it
        name = sourcelines[0].split(":", 1)[0].strip().lower()
        if name in _STRUCTURAL_FIELDS:
            lines = [_structural_field(name, sourcelines, parse.budget)]
        else:
            lines = _cut_field(name, sourcelines, parse.budget)
        return super().header_source_parse(lines)


class _Entity(Message):
    """A MIME entity as the bounded parse builds it: it knows its depth in the draft, and
    once its header block is read (the parser then asks for its content type, before its
    body), a container at the depth limit, or a message/* whose body is transfer-encoded,
    becomes a leaf the parser does not look into."""

    def __init__(self, policy: Policy, parse: _Parse) -> None:
        super().__init__(policy)
        self.parse = parse
        self.depth = parse.depth
        self.fields = 0  # header fields read so far
        self.reading_headers = True

    def set_raw(self, name: str, value: str) -> None:
        if self.reading_headers and self.fields > _MAX_FIELDS:
            return
        super().set_raw(name, value)

    def attach(self, payload: Message | str) -> None:
        super().attach(payload)
        if isinstance(payload, _Entity):
            payload.depth = self.depth + 1

    def get_content_type(self) -> str:
        if self.reading_headers:
            self.reading_headers = False
            self._settle()
        return super().get_content_type()

    def _settle(self) -> None:
        if self is self.parse.root and self.parse.fields_cut:
            self.parse.note_fields_cut()  # where the parser would have said it
        maintype = self.get_content_maintype()
        if maintype not in _CONTAINER_TYPES:
            return
        if self.depth >= self.parse.budget.limits.max_depth:
            _retype(self, TOO_DEEP_HEADER, "nested too deep")
        elif maintype == "message" and transfer_encoding(self) in _DECODED_ENCODINGS:
            # The parser would read the encoded text as a message; tglint decodes it first.
            _retype(self, ENCODED_TYPE_HEADER, self.get_content_type())


def _retype(entity: Message, marker: str, value: str) -> None:
    """Make `entity` a leaf the parser does not look into, and say why in `marker`."""
    del entity["Content-Type"]
    entity["Content-Type"] = "application/octet-stream"
    entity[marker] = value


_POLICY = _BoundedPolicy()


def parse_message(data: bytes, budget: Budget, depth: int = 0) -> Message:
    """The MIME tree of `data` (its header block mended first), as far as the budget allows."""
    data, fields_cut = _repair_header_block(data)
    parse = _Parse(budget, depth, fields_cut)
    # `parse` is this policy's own setting, unknown to the stubs of `clone`.
    settings: dict[str, Any] = {"parse": parse, "message_factory": parse.new_entity}
    policy = _POLICY.clone(**settings)
    parser = BytesFeedParser(policy=policy)
    try:
        for start in range(0, len(data), _FEED_CHUNK):
            parser.feed(data[start : start + _FEED_CHUNK])
        return parser.close()
    except PartLimitReached:
        if parse.root is None:
            raise
        return parse.root
    finally:
        # Every entity refers to the parse: without these, the tree would be a cycle, freed
        # only when the garbage collector gets to it instead of when the draft is done.
        parse.root = parse.entity = None


def _cut_field(name: str, lines: list[str], budget: Budget) -> list[str]:
    limit = budget.limits.max_header_length
    first = lines[0]
    colon = first.find(":")
    # The value starts after the colon and the blanks that follow it.
    room = limit + len(first) - len(first[colon + 1 :].lstrip(" \t")) if colon >= 0 else limit
    if sum(len(line) for line in lines) <= room:
        return lines
    kept = []
    for line in lines:
        content = line.rstrip("\r\n")
        if len(content) > room:
            budget.notes.append(header_cut_note(name, limit))
            if room > 0:  # an empty line would end the header block
                kept.append(content[:room] + line[len(content) :])
            break
        room -= len(content)
        kept.append(line)
    return kept


def _structural_field(name: str, lines: list[str], budget: Budget) -> str:
    """A MIME field unfolded onto one line, cut to size and to `_MAX_PARAMETERS` parameters."""
    ending = lines[-1][len(lines[-1].rstrip("\r\n")) :] or "\n"
    value = "".join(line.rstrip("\r\n") for line in lines)
    limit = min(budget.limits.max_header_length, _MAX_STRUCTURAL_LENGTH) + len(name) + 1
    if len(value) > limit:
        what = f"the {name} header is longer than {limit - len(name) - 1:,} characters; the rest is ignored"
        budget.notes.append(partial_note(what, None))
        value = value[:limit]
    if value.count(";") > _MAX_PARAMETERS:
        cut = -1
        for _ in range(_MAX_PARAMETERS + 1):
            cut = value.index(";", cut + 1)
        budget.notes.append(partial_note(f"the {name} header has more than {_MAX_PARAMETERS} parameters", None))
        value = value[:cut]
    return value + ending


def _repair_header_block(data: bytes) -> tuple[bytes, bool]:
    """Mend header lines Python's parser would take for the start of the body; and whether
    fields after the first `_MAX_FIELDS` were dropped.

    Leading blank lines and a first field indented by mistake are removed; an obsolete
    "Name :" loses its space; a field whose name has spaces or 8-bit bytes (followed by
    more header lines) is renamed, so the fields after it still count as headers. Fields
    past the limit are left out here, where the block is walked anyway, so that the parser
    does not go through them one by one (`_BoundedPolicy` drops them too, in parts).
    """
    data = LEADING_BLANK_LINES.sub(b"", data, count=1)
    mended: list[bytes] = []
    changed = False
    fields = 0
    kept = -1  # where the lines past the field limit start in `mended`
    position = 0
    while position < len(data):
        end = data.find(b"\n", position)
        end = len(data) if end < 0 else end + 1
        line = data[position:end]
        content = line.rstrip(b"\r\n")
        if not content:
            break
        repaired = _repair_header_line(content, line, data, end, first=position == 0)
        if repaired is None:
            break
        changed = changed or repaired is not line
        if repaired[:1] not in (b" ", b"\t") or not mended:
            fields += 1
            if fields == _MAX_FIELDS + 1:
                kept = len(mended)
        mended.append(repaired)
        position = end
    if kept >= 0:
        del mended[kept:]
        changed = True
    return (b"".join(mended) + data[position:] if changed else data), kept >= 0


def _repair_header_line(content: bytes, line: bytes, data: bytes, end: int, *, first: bool) -> bytes | None:
    """The line as Python's parser needs it, or None where the header block ends."""
    if content[:1] in (b" ", b"\t"):
        if first and HEADER_FIELD.match(content.lstrip()):
            return line.lstrip()
        return line
    if HEADER_FIELD.match(content):
        return line
    obsolete = OBSOLETE_HEADER_FIELD.match(content)
    if obsolete:
        return obsolete.group(1) + b":" + line[obsolete.end() :]
    colon = content.find(b":")
    if 0 < colon <= 200 and _header_continues(data, end):
        return b"X-Unreadable-Field:" + line[colon + 1 :]
    return None


def _header_continues(data: bytes, start: int) -> bool:
    following = data[start : start + 1000]
    if not following.strip(b"\r\n") or following.startswith((b"\n", b"\r\n", b" ", b"\t")):
        return True
    return bool(HEADER_FIELD.match(following) or OBSOLETE_HEADER_FIELD.match(following))


def transfer_encoding(entity: Message) -> str:
    for name, value in entity.raw_items():
        if name.strip().lower() == "content-transfer-encoding":
            return str(value).strip().lower()
    return "7bit"


def payload_as_parsed(entity: Message) -> object:
    """The parts of a multipart, or a leaf's body as parsed (8-bit bytes surrogate-escaped).

    `get_payload()` would decode 8-bit bytes in the part's charset, and raises when that
    charset names a codec such as punycode. Then the body is taken from a copy without its
    transfer encoding, whose `get_payload(decode=True)` gives the bytes behind the text
    without decoding them in any charset.
    """
    try:
        return entity.get_payload()
    except (UnicodeError, LookupError, ValueError):
        plain = copy.copy(entity)  # shallow: deleting a field gives the copy a list of its own
        del plain["Content-Transfer-Encoding"]
        raw = plain.get_payload(decode=True)
        return raw.decode("ascii", "surrogateescape") if isinstance(raw, bytes) else None
