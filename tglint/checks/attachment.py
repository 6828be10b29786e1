"""Attachment rules: a draft that says a screenshot or a log is enclosed must carry it.

The guide asks for 屏幕截图或错误日志 with technical problems and 违规内容的截图或记录
with abuse reports. A mail that says "见附件" or "I've attached the log" and carries
nothing wastes a round trip: support has to ask for the file first.

A claim of enclosure is told apart from the other ways drafts mention attachments:
offers ("I can send a screenshot if needed", "如需截图我可以提供"), denials ("no
screenshot attached"), and bug reports about the app's own attachments ("attached files
won't open in the chat", "附件无法上传"). Templates and guard words: rules/*/attachment.toml.
Like Thunderbird's attachment reminder, only the writer's own words count: quoted replies
and signatures are blank in `analysis.body_text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from tglint.lexicon import Lexicon, ascii_lower, lexicon
from tglint.models import Hit
from tglint.packs import PackError, Packs, strings
from tglint.patterns import compiled
from tglint.rule import Rule
from tglint.spans import SpanSet

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.draft import Attachment

PACK = "attachment"
KINDS = frozenset({"see", "verb", "weak", "inline"})
# Regexes are compiled on first use (`compiled`).
_SLOT = r"\{(\w+)\}"
_TEMPLATE_PIECE = r"\{\w+\}|\s+|[^\s{]+"
_CLAUSE_MARK = r"[!?;。！？；,，:：\n]|\.(?=\s|$)"
_ASCII_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_CLAUSE_REACH = 200
_SHOWN_LENGTH = 48
# A log pasted on the claim's own line: at least this many characters after it.
_PASTED_ON_LINE = 8
_PASTED_SHAPE = r"[\d\[\]{}()=/\\<>]"
_PICTURE_TYPES = ("image/", "video/")
_GUARDS = ("denials", "hedges", "app_places", "app_context", "other_mail", "pasted_markers")


def _is_ascii_word(char: str) -> bool:
    """Whether `char` (one character, or none) is a letter, digit or underscore of ASCII."""
    return char in _ASCII_WORD_CHARS


class ClaimTemplate:
    """One claim template: searched only when its anchor is in the text.

    Its regex is compiled the first time a text contains the anchor: most templates never
    are in a one-draft run (a pre-commit hook), and compiling all of them costs more than
    checking the draft.
    """

    __slots__ = ("_pattern", "anchor", "kind", "left_bounded", "regex")

    def __init__(self, kind: str, anchor: str, regex: str, left_bounded: bool) -> None:
        self.kind = kind
        self.anchor = anchor  # a literal every match contains
        self.regex = regex
        self.left_bounded = left_bounded  # starts with a Latin word: must not touch another one
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.regex)
        return self._pattern


AnchorForest = tuple[tuple[str, "AnchorForest"], ...]


@dataclass(frozen=True)
class ClaimKnowledge:
    """The attachment pack, compiled once per set of packs."""

    templates: tuple[ClaimTemplate, ...]
    # The distinct anchors as a forest: under each one, the anchors containing it. A text without
    # "附" has no "附件里" either, so most anchors are never looked for.
    anchors: AnchorForest
    # The index of each template in `templates`, by its anchor.
    by_anchor: dict[str, tuple[int, ...]]
    # The word lists ("innocent", the guards, "log_words"), checked when the pack is read.
    word_lists: dict[str, list[str]]
    _lexicons: dict[str, Lexicon] = field(default_factory=dict, compare=False)

    def words(self, name: str) -> Lexicon:
        """A word list as a lexicon, compiled the first time a draft has a claim to weigh."""
        found = self._lexicons.get(name)
        if found is None:
            found = self._lexicons[name] = lexicon(self.word_lists[name])
        return found


def _alternatives(items: Sequence[str]) -> str:
    """A group matching any of `items`, longest first, whole words where they are Latin."""
    ordered = sorted({ascii_lower(item) for item in items if item.strip()}, key=lambda i: (-len(i), i))
    return "(?:" + "|".join(_bounded(item) for item in ordered) + ")"


def _bounded(phrase: str) -> str:
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    if _is_ascii_word(phrase[:1]):
        # The boundary is checked after the first letter, so that every alternative of a slot
        # starts with a literal and `re` can skip ahead to where one may start.
        body = rf"{body[0]}(?<![a-z0-9_]{body[0]}){body[1:]}"
    if _is_ascii_word(phrase[-1:]):
        body += r"(?![a-z0-9_])"
    return body


def compile_template(template: str, kind: str, slots: dict[str, str]) -> ClaimTemplate:
    """A claim template as a pattern over lower-cased text: "here is {the} {visual}" and the like.

    Words are matched whole (Latin) or as substrings (Chinese), with any spacing
    between them; `{the}` is an optional determiner that takes its own space along.
    The pattern starts with its first literal where it can, which `re` scans for
    quickly; the word boundary in front of it is checked by the caller.
    """
    pieces = compiled(_TEMPLATE_PIECE).findall(ascii_lower(template.strip()))
    out: list[str] = []
    literals: list[str] = []
    skip_space = False
    for index, piece in enumerate(pieces):
        if piece.isspace():
            if not skip_space:
                out.append(r"\s+")
            skip_space = False
            continue
        slot = compiled(_SLOT).fullmatch(piece)
        if slot is None:
            word = re.escape(piece)
            if index == len(pieces) - 1 and _is_ascii_word(piece[-1:]):
                word += r"(?![a-z0-9_])"
            out.append(word)
            literals.append(piece)
        elif slot.group(1) == "the":
            out.append(rf"(?:{slots['the']}\s+)?")
            skip_space = True
        elif slot.group(1) in slots:
            out.append(slots[slot.group(1)])
        else:
            raise PackError(f"rule pack {PACK}: unknown slot {{{slot.group(1)}}} in claim {template!r}")
    if not literals:
        raise PackError(f"rule pack {PACK}: claim {template!r} needs at least one word besides its slots")
    first = pieces[0] if pieces else ""
    return ClaimTemplate(
        kind=kind,
        anchor=max(literals, key=len),
        regex="".join(out),
        left_bounded=compiled(_SLOT).fullmatch(first) is None and _is_ascii_word(first[:1]),
    )


@lru_cache(maxsize=8)
def knowledge(packs: Packs) -> ClaimKnowledge:
    table = packs.get(PACK)
    visual = strings(table, "visual_things", source=PACK)
    logs = strings(table, "log_things", source=PACK)
    documents = strings(table, "document_things", source=PACK)
    slots = {
        "the": _alternatives(strings(table, "determiners", source=PACK)),
        "visual": _alternatives(visual),
        "log": _alternatives(logs),
        "thing": _alternatives([*visual, *logs, *documents]),
    }
    claims = table.get("claims", {})
    if not isinstance(claims, dict) or not all(k in KINDS for k in claims.values()):
        raise PackError(f"rule pack {PACK}: `claims` must map templates to one of {', '.join(sorted(KINDS))}")
    guards = table.get("guards", {})
    templates = tuple(compile_template(t, str(kind), slots) for t, kind in sorted(claims.items()))
    return ClaimKnowledge(
        templates=templates,
        anchors=_anchor_forest({template.anchor for template in templates}),
        by_anchor={
            anchor: tuple(index for index, template in enumerate(templates) if template.anchor == anchor)
            for anchor in {template.anchor for template in templates}
        },
        word_lists={
            "innocent": strings(table, "innocent", source=PACK),
            **{name: strings(guards, name, source=PACK) for name in _GUARDS},
            "log_words": logs,
        },
    )


def _anchor_forest(anchors: set[str]) -> AnchorForest:
    """The anchors that contain no other one, each with the forest of those that contain it."""
    by_length = sorted(anchors, key=lambda anchor: (len(anchor), anchor))
    children: dict[str | None, list[str]] = {}
    for index, anchor in enumerate(by_length):
        inner = max((shorter for shorter in by_length[:index] if shorter in anchor), key=len, default=None)
        children.setdefault(inner, []).append(anchor)

    def forest(parent: str | None) -> AnchorForest:
        return tuple((anchor, forest(anchor)) for anchor in children.get(parent, []))

    return forest(None)


# -- finding claims ------------------------------------------------------------------------


# Named tuples rather than dataclasses: a dataclass costs half a millisecond to create when
# the module is imported (`tglint rules` imports every rule), a named tuple a tenth of that.


class Claim(NamedTuple):
    """Words saying that something is enclosed with the mail."""

    part: str
    start: int
    end: int
    mentions_log: bool


class _Match(NamedTuple):
    """A template's match in the lower-cased text, before it is weighed as a claim."""

    start: int
    end: int
    kind: str


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between the nearest clause marks, within reach."""
    clause_start = max(0, start - _CLAUSE_REACH)
    clause_mark = compiled(_CLAUSE_MARK)
    for mark in clause_mark.finditer(text, clause_start, start):
        clause_start = mark.end()
    after = clause_mark.search(text, end, end + _CLAUSE_REACH)
    return clause_start, after.start() if after else min(len(text), end + _CLAUSE_REACH)


def _log_is_pasted(text: str, end: int, known: ClaimKnowledge) -> bool:
    """ "Here is the log:" followed by the log itself, on its line or the next one written."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if len(text[end:line_end].strip(" \t:：.。")) >= _PASTED_ON_LINE:
        return True
    following = next((line for line in text[line_end:].split("\n") if line.strip()), "")
    if compiled(_PASTED_SHAPE).search(following):
        return True
    return known.words("pasted_markers").search(following) is not None


def _is_claim(text: str, match: _Match, known: ClaimKnowledge) -> bool:
    """Whether a template's match really says "enclosed with this mail" (see the pack's kinds)."""
    kind = match.kind
    clause_start, clause_end = _clause(text, match.start, match.end)
    before = text[clause_start : match.start]
    clause = text[clause_start:clause_end]
    if known.words("denials").search(before) is not None or known.words("other_mail").search(clause) is not None:
        return False
    hedged = known.words("hedges").search(before) is not None or known.words("app_places").search(clause) is not None
    if kind in ("verb", "weak") and hedged:
        return False
    if kind == "weak" and known.words("app_context").search(clause) is not None:
        return False
    return not (kind == "inline" and _log_is_pasted(text, match.end, known))


def _anchors_in(lowered: str, forest: AnchorForest, present: set[str]) -> set[str]:
    for anchor, containing in forest:
        if anchor in lowered:
            present.add(anchor)
            _anchors_in(lowered, containing, present)
    return present


def _template_matches(lowered: str, known: ClaimKnowledge) -> list[_Match]:
    """Every template's matches, leftmost first and then longest, without overlaps."""
    found: list[_Match] = []
    present = _anchors_in(lowered, known.anchors, set())
    # In the templates' own order, which decides between two matches of the same place and length.
    for index in sorted(index for anchor in present for index in known.by_anchor[anchor]):
        template = known.templates[index]
        for hit in template.pattern.finditer(lowered):
            start = hit.start()
            if template.left_bounded and start > 0 and _is_ascii_word(lowered[start - 1]):
                continue
            found.append(_Match(start, hit.end(), template.kind))
    kept: list[_Match] = []
    cursor = 0
    for match in sorted(found, key=lambda m: (m.start, m.start - m.end)):
        if match.start >= cursor:
            kept.append(match)
            cursor = match.end
    return kept


def find_claims(part: str, text: str, known: ClaimKnowledge) -> Iterator[Claim]:
    if not known.templates:
        return
    text = text.replace("’", "'")
    matches = _template_matches(ascii_lower(text), known)
    innocent = SpanSet((i.start, i.end) for i in known.words("innocent").find(text)) if matches else SpanSet()
    for match in matches:
        if innocent.overlaps(match.start, match.end):
            continue
        if _is_claim(text, match, known):
            clause_start, clause_end = _clause(text, match.start, match.end)
            mentions_log = known.words("log_words").search(text[clause_start:clause_end]) is not None
            yield Claim(part, match.start, match.end, mentions_log)


def enclosure_claims(analysis: Analysis) -> list[Claim]:
    """Claims of enclosure in the subject and in the writer's own body text."""
    return analysis.memo(enclosure_claims, lambda: _enclosure_claims(analysis))


def _enclosure_claims(analysis: Analysis) -> list[Claim]:
    known = knowledge(analysis.packs)
    return [
        *find_claims("subject", analysis.subject_text, known),
        *find_claims("body", analysis.body_text, known),
    ]


def _quoted(analysis: Analysis, claim: Claim) -> tuple[str, int]:
    """What a message quotes of a claim, and where the quote ends in the text.

    The quote is the claim and the rest of its clause ("I've attached the crash log"), kept
    short; the finding's span ends where the quote does, so the underline covers exactly
    the quoted words.
    """
    text = analysis.subject_text if claim.part == "subject" else analysis.body_text
    _, clause_end = _clause(text, claim.start, claim.end)
    end = max(claim.end, min(clause_end, claim.start + _SHOWN_LENGTH))
    cut_at = text.rfind(" ", claim.end, end)
    shortened = end < clause_end and cut_at >= 0
    if shortened:
        end = cut_at
    else:
        for opening, closing in ("()", "（）"):
            quote = text[claim.start : end]
            if quote.count(closing) > quote.count(opening):
                end = claim.start + len(quote.rstrip().rstrip(closing))
    end = claim.start + len(text[claim.start : end].rstrip())
    return " ".join(text[claim.start : end].split()) + ("…" if shortened else ""), end


def _only_pictures(attachments: Sequence[Attachment]) -> bool:
    return bool(attachments) and all(a.content_type.lower().startswith(_PICTURE_TYPES) for a in attachments)


# -- rules -----------------------------------------------------------------------------------
# Their messages are in rules/catalog/attachment.toml; `{shown}` quotes the claim (`_quoted`).


class AttachmentMissing(Rule):
    code = "TG801"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        draft = analysis.draft
        if not draft.can_attach or draft.attachments:
            return
        for claim in enclosure_claims(analysis)[:1]:
            shown, end = _quoted(analysis, claim)
            yield Hit(claim.part, claim.start, end, self.message(analysis, "missing", shown=shown))


class AttachmentReminder(Rule):
    code = "TG802"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if analysis.draft.can_attach:
            return
        for claim in enclosure_claims(analysis)[:1]:
            shown, end = _quoted(analysis, claim)
            yield Hit(claim.part, claim.start, end, self.message(analysis, "reminder", shown=shown))


class LogNotAttached(Rule):
    code = "TG803"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not _only_pictures(analysis.draft.attachments):
            return
        claim = next((c for c in enclosure_claims(analysis) if c.mentions_log), None)
        if claim is None:
            return
        shown, end = _quoted(analysis, claim)
        yield Hit(claim.part, claim.start, end, self.message(analysis, "log_missing", shown=shown))
