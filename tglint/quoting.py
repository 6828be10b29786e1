"""Find the parts of a body the writer did not write: quoted replies and signatures.

Rules must not blame the writer for someone else's words, so a body's regions mark
- quoted text: runs of lines whose first non-space character is ">" (also "> >"), with
  the attribution line in front of them ("On <date>, <name> wrote:", possibly wrapped
  over two lines; "在 ... 写道：", "... 于 ... 写道："); and, from its first line to the end
  of the text, a forwarded or original message ("-----Original Message-----",
  "-----原始邮件-----", "---------- Forwarded message ---------", an Outlook
  "From: ... / Sent: ..." header block);
- signatures: from a "-- " (or "--") line to the end, and a closing
  "Sent from my iPhone" / "发自我的iPhone" line; a signature stops where quoted text starts.

`own_quoted_text` then tells the writer's own earlier mail inside the quoted text (the
attribution or forwarded From line names the writer, or the writer signed it) from everyone
else's: it is sent again with the reply, so what must never be sent is looked for there too.

Only whole lines are marked, and an attribution counts only when quoted lines follow
it, which keeps false positives low ("-> tap Settings" or "On Monday I wrote:" in the
writer's own text is not quoted). Candidate lines are found with multi-line regular
expressions over the whole text, so a 20 MB body costs little more than one scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache

from tglint.draft import Region, RegionKind, blank

# A span is a pair of line indexes, both included.
Span = tuple[int, int]

_QUOTE_LINE = re.compile(r"^[ \t]*[>＞]", re.MULTILINE)

# Longer lines are prose that happens to end in "wrote:", not an attribution.
_MAX_ATTRIBUTION_LENGTH = 300
_ATTRIBUTION_END = re.compile(r"(?:\bwrote[ \t]*:|写道[ \t]*[:：])[ \t]*$", re.IGNORECASE)
_ATTRIBUTION_START = re.compile(r"^[ \t]*(?:On\b|在)", re.IGNORECASE)

_FORWARD_SEPARATOR = re.compile(
    r"^[ \t]*-{2,}[ \t]*(?:original[ \t]+message|forwarded[ \t]+message"
    r"|原始邮件|原邮件|转发邮件|转发的邮件)[ \t]*-{2,}[ \t]*$"
    r"|^[ \t]*Begin forwarded message[ \t]*:[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_OUTLOOK_FROM = re.compile(r"^[ \t]*\*?(?:From|发件人)[ \t]*(?:\*[ \t]*)?[:：]", re.IGNORECASE | re.MULTILINE)
_OUTLOOK_SENT = re.compile(r"^[ \t]*\*?(?:Sent|Date|发送时间|日期|时间)[ \t]*(?:\*[ \t]*)?[:：]", re.IGNORECASE)
# Outlook puts "Sent:" within a few lines after "From:", and a ruler line above it.
_OUTLOOK_BLOCK_LINES = 4
_OUTLOOK_RULER = re.compile(r"^[ \t]*_{10,}[ \t]*$")

_SIGNATURE_DELIMITER = re.compile(r"^--[ ]?$", re.MULTILINE)
_MOBILE_SIGNATURE = re.compile(
    r"^[ \t]*(?:Sent from my\b|Sent from (?:Mail|Outlook|Yahoo Mail)\b|Sent with\b"
    r"|Get Outlook for\b|发自我的|来自我的|从我的\S*发送)",
    re.IGNORECASE | re.MULTILINE,
)
_MOBILE_SIGNATURE_MAX_LENGTH = 80


def find_regions(text: str) -> tuple[Region, ...]:
    """Quoted and signature regions of `text`, as sorted character offsets."""
    lines = _Lines(text)
    quoted = _quoted_spans(lines)
    signatures = _signature_spans(lines, quoted)
    regions = [lines.region(RegionKind.QUOTED, span) for span in quoted]
    regions += [lines.region(RegionKind.SIGNATURE, span) for span in signatures]
    return tuple(sorted(regions, key=lambda region: (region.start, region.end)))


class _Lines:
    """The lines of a text, found once; lines are sliced out only when looked at."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0]
        self._starts.extend(match.end() for match in re.finditer("\n", text))
        self._from_breaks: str | None = None

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index: int) -> str:
        return self.text[self._starts[index] : self._end(index)]

    def index_at(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def indexes(self, pattern: re.Pattern[str]) -> Iterator[int]:
        """Indexes of the lines where `pattern` (a multi-line pattern whose every match starts a line and
        holds no line break) matches."""
        # Searched from each line's "\n" (one written before the first line), a character `re` skips
        # ahead to: a pattern that starts with "^" is tried at every character.
        if self._from_breaks is None:
            self._from_breaks = "\n" + self.text
        for match in _from_line_break(pattern).finditer(self._from_breaks):
            yield self.index_at(match.start())

    def is_blank(self, index: int) -> bool:
        return not self[index].strip()

    def region(self, kind: RegionKind, span: Span) -> Region:
        first, last = span
        return Region(kind, self._starts[first], self._end(last))

    def _end(self, index: int) -> int:
        """Offset just past the line's last character, its newline excluded."""
        return self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(self.text)


@lru_cache(maxsize=16)
def _from_line_break(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` after the line break before its line: it matches in "\n" + text where `pattern` matches
    in text, one character on."""
    return re.compile("\n(?:" + pattern.pattern + ")", pattern.flags)


# --------------------------------------------------------------------------- quoted text


def _quoted_spans(lines: _Lines) -> list[Span]:
    tail_start = _forwarded_tail_start(lines)
    spans = _marked_quote_spans(lines, tail_start)
    if tail_start < len(lines):
        # Yahoo writes "--- On <date>, <name> wrote:" above the forwarded header block.
        spans.append((_attribution_start(lines, tail_start), len(lines) - 1))
    return spans


def _forwarded_tail_start(lines: _Lines) -> int:
    """The first line of a forwarded or original message (it runs to the end), or len(lines)."""
    separator = next(lines.indexes(_FORWARD_SEPARATOR), len(lines))
    for index in lines.indexes(_OUTLOOK_FROM):
        if index >= separator:
            break
        if _is_outlook_header_block(lines, index):
            has_ruler = index > 0 and _OUTLOOK_RULER.match(lines[index - 1])
            return index - 1 if has_ruler else index
    return separator


def _is_outlook_header_block(lines: _Lines, from_index: int) -> bool:
    following = range(from_index + 1, min(len(lines), from_index + 1 + _OUTLOOK_BLOCK_LINES))
    return any(_OUTLOOK_SENT.match(lines[index]) for index in following)


def _marked_quote_spans(lines: _Lines, limit: int) -> list[Span]:
    """Runs of ">" lines before `limit`, each with its attribution line(s) if any."""
    spans: list[Span] = []
    run: list[int] = []
    for index in lines.indexes(_QUOTE_LINE):
        if index >= limit:
            break
        if run and not _only_blank_between(lines, run[-1], index):
            spans.append((_attribution_start(lines, run[0]), run[-1]))
            run = []
        run.append(index)
    if run:
        spans.append((_attribution_start(lines, run[0]), run[-1]))
    return spans


def _only_blank_between(lines: _Lines, first: int, last: int) -> bool:
    """Blank lines between two quoted lines belong to the same quote."""
    return all(lines.is_blank(index) for index in range(first + 1, last))


def _attribution_start(lines: _Lines, quote_start: int) -> int:
    """The attribution line(s) just above a quote run (blank lines between allowed)."""
    above = quote_start - 1
    while above >= 0 and lines.is_blank(above):
        above -= 1
    if above < 0 or not _is_attribution_end(lines[above]):
        return quote_start
    wrapped_from = above - 1
    if (
        wrapped_from >= 0
        and _ATTRIBUTION_START.match(lines[wrapped_from])
        and not _ATTRIBUTION_START.match(lines[above])
        and len(lines[wrapped_from]) + len(lines[above]) <= _MAX_ATTRIBUTION_LENGTH
    ):
        return wrapped_from
    return above


def _is_attribution_end(line: str) -> bool:
    return len(line) <= _MAX_ATTRIBUTION_LENGTH and bool(_ATTRIBUTION_END.search(line))


# --------------------------------------------------------------------------- signatures


def _signature_spans(lines: _Lines, quoted: Sequence[Span]) -> list[Span]:
    """Signatures outside quoted text, each running until quoted text or the end."""
    quoted_lines = _LineSet(quoted)
    candidates = sorted({*lines.indexes(_SIGNATURE_DELIMITER), *lines.indexes(_MOBILE_SIGNATURE)})
    spans: list[Span] = []
    for index in candidates:
        if index in quoted_lines or (spans and index <= spans[-1][1]):
            continue
        if _starts_signature(lines, index, quoted_lines):
            spans.append((index, _signature_end(lines, index, quoted_lines)))
    return spans


class _LineSet:
    """Line indexes covered by disjoint spans, looked up by bisection (bodies can be huge)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted(spans)
        self._firsts = [first for first, _ in ordered]
        self._lasts = [last for _, last in ordered]

    def __contains__(self, index: object) -> bool:
        if not isinstance(index, int):
            return False
        position = bisect_right(self._firsts, index) - 1
        return position >= 0 and index <= self._lasts[position]

    def next_start(self, index: int) -> int | None:
        """First line of the earliest span starting after `index`."""
        position = bisect_right(self._firsts, index)
        return self._firsts[position] if position < len(self._firsts) else None


def _starts_signature(lines: _Lines, index: int, quoted_lines: _LineSet) -> bool:
    line = lines[index]
    if _SIGNATURE_DELIMITER.match(line):
        return True
    return len(line) <= _MOBILE_SIGNATURE_MAX_LENGTH and _only_blank_until_quote(lines, index, quoted_lines)


def _only_blank_until_quote(lines: _Lines, index: int, quoted_lines: _LineSet) -> bool:
    """A mobile signature closes the writer's text: nothing of theirs may follow it."""
    stop = quoted_lines.next_start(index)
    end = len(lines) if stop is None else stop
    return all(lines.is_blank(following) for following in range(index + 1, end))


def _signature_end(lines: _Lines, first: int, quoted_lines: _LineSet) -> int:
    stop = quoted_lines.next_start(first)
    last = (len(lines) if stop is None else stop) - 1
    while last > first and lines.is_blank(last):
        last -= 1
    return last


# --------------------------------------------------------------------------- the writer's own earlier mail

_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A sign-off is a name: a few words, no digits, no sentence punctuation.
_SIGN_OFF = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .'’-](?=[^\W\d_])){1,39}")
_SIGN_OFF_WORDS = 4


def writer_names(from_field: str, body: str, regions: Sequence[Region]) -> tuple[str, ...]:
    """What names the writer in an attribution line: the From address and display name, and the
    name the writer signs their own text with ("Sanne de Vries", "顾衍青")."""
    names: list[str] = []
    address = _ADDRESS.search(from_field)
    if address:
        names.append(address.group())
        display = from_field[: address.start()].strip(" \t\"'<>")
        if _is_name(display):
            names.append(display)
    sign_off = _sign_off(body, regions)
    if sign_off:
        names.append(sign_off)
    return tuple(dict.fromkeys(names))


def _sign_off(body: str, regions: Sequence[Region]) -> str | None:
    """The last line of the writer's own text, when it is a name."""
    quoted = [region for region in regions if region.kind is RegionKind.QUOTED]
    end = quoted[0].start if quoted else len(body)
    while end >= 0:
        start = body.rfind("\n", 0, end) + 1
        line = body[start:end].strip()
        end = start - 1
        if not line or _SIGNATURE_DELIMITER.fullmatch(line) or _MOBILE_SIGNATURE.match(line):
            continue
        return line if _is_name(line) else None
    return None


def _is_name(text: str) -> bool:
    return bool(_SIGN_OFF.fullmatch(text)) and len(text.split()) <= _SIGN_OFF_WORDS


def names_writer(line: str, names: Sequence[str]) -> bool:
    """Whether an attribution or From line names the writer (whole words; CJK names as written)."""
    lowered = line.lower()
    for name in names:
        found = lowered.find(name.lower())
        while found >= 0:
            before = lowered[found - 1 : found]
            after = lowered[found + len(name) : found + len(name) + 1]
            if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
                return True
            found = lowered.find(name.lower(), found + 1)
    return False


def own_quoted_text(text: str, regions: Sequence[Region], names: Sequence[str]) -> str:
    """`text` with all but the writer's own earlier mail blanked, quote markers too; offsets unchanged.

    A quoted block is the writer's when the attribution above it ("On ..., Sanne <s@example.com>
    wrote:", nested ones too) or the From line of a forwarded header names the writer, or when it
    ends with the writer's sign-off; anyone else's quoted words (a scammer's message, support's
    reply, a notification) stay blank. Without a name for the writer, everything is blank.
    """
    quoted = [region for region in regions if region.kind is RegionKind.QUOTED]
    if not names or not quoted:
        return ""
    chars = list(blank(text))
    for region in quoted:
        for start, end in _own_lines(text, region, names):
            chars[start:end] = text[start:end]
    return "".join(chars)


def _own_lines(text: str, region: Region, names: Sequence[str]) -> list[tuple[int, int]]:
    """The (start, end) of the writer's own content on each line of a quoted region."""
    owners: dict[int, bool] = {}  # depth -> whether the lines at that depth are the writer's
    # Runs of lines at one depth that no attribution claims, each judged by its last line.
    runs: list[list[tuple[int, int]]] = []
    run_depth: int | None = None
    own: list[tuple[int, int]] = []
    previous: tuple[int, str] | None = None
    offset = region.start
    for line in text[region.start : region.end].split("\n"):
        marks = line[: len(line) - len(line.lstrip(" \t>＞"))]
        depth = marks.count(">") + marks.count("＞")
        start, end = offset + len(marks), offset + len(line)
        offset += len(line) + 1
        content = text[start:end]
        if _is_attribution_end(content):
            wrapped = previous[1] + " " if previous and previous[0] == depth else ""
            owners = {d: o for d, o in owners.items() if d <= depth}
            owners[depth + 1] = names_writer(wrapped + content, names)
            run_depth = None
        elif _OUTLOOK_FROM.match(content):
            owners = {d: o for d, o in owners.items() if d < depth}
            owners[depth] = names_writer(content, names)
            run_depth = None
        elif depth in owners:
            if owners[depth]:
                own.append((start, end))
            run_depth = None
        elif content.strip():
            if run_depth != depth:
                runs.append([])
                run_depth = depth
            runs[-1].append((start, end))
        previous = (depth, content)
    for lines in runs:
        # Quoted text with no attribution of its own is the writer's when they signed it.
        last_start, last_end = lines[-1]
        if text[last_start:last_end].strip() in names:
            own.extend(lines)
    return own
