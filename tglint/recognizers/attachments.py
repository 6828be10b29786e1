"""Attachment claims: words saying that a file goes with this mail, and what kind of file.

"见附件", "截图如下", "I've attached the log", "please find attached": each claim is a
`Span` of kind "attachment-claim" whose facts say which template kind matched it (see the
pack), which kinds of file its clause names ("picture", "log", "document") and where the
clause's words end (a message quotes up to there).

A claim of enclosure is told apart from the other ways drafts mention attachments: offers
("I can send a screenshot if needed", "如需截图我可以提供"), denials ("no screenshot
attached": the text model's denials and inabilities before the claim in its clause, and the
pack's omissions, "forgot to attach"), and bug reports about the app's own attachments
("attached files won't open in the chat", "附件无法上传"), and words in quotation marks
(someone else's: 'the scammer wrote "see attached"'). Templates and guard words:
rules/*/attachment.toml. Like Thunderbird's attachment reminder, only the writer's own words
count: quoted replies and signatures are blank in `analysis.body_text`. Clauses are the text
model's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from tglint.lexicon import Lexicon, TermMatch, ascii_lower, lexicon
from tglint.packs import PackError, Packs, strings
from tglint.patterns import compiled
from tglint.recognizers import Span
from tglint.spans import SpanSet

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.text import TextModel

PACK = "attachment"
KINDS = frozenset({"see", "verb", "weak", "inline"})
# The kinds of file a claim's clause may name, by the pack's list of them.
THINGS = {
    "picture": "visual_things",
    "video": "video_things",
    "log": "log_things",
    "pdf": "pdf_things",
    "document": "document_things",
}
# Regexes are compiled on first use (`compiled`).
_SLOT = r"\{(\w+)\}"
_TEMPLATE_PIECE = r"\{\w+\}|\s+|[^\s{]+"
_ASCII_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
# How far a claim's clause is read on either side: words further away say nothing about it, and
# a page without a clause mark is not read again for every claim in it.
_CLAUSE_REACH = 200
# A log pasted on the claim's own line: at least this many characters after it.
_PASTED_ON_LINE = 8
_PASTED_SHAPE = r"[\d\[\]{}()=/\\<>]"
# A caption's qualifier ("of the ban message from yesterday") is a few words; more make a sentence.
_QUALIFIER_WORDS = 6
_MODIFIER_CHARS = 8
_GUARDS = ("omissions", "hedges", "later_offers", "app_places", "app_context", "other_mail", "pasted_markers")


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
    # The word lists ("innocent", the guards, "things"), checked when the pack is read.
    word_lists: dict[str, list[str]]
    # The kind of file each of the "things" is ("log" for "crash log", "picture" for "截图").
    thing_kinds: dict[str, str]
    # A thing, then one of the pack's `depicting_prepositions` ("a screenshot showing", "a photo of"): the
    # places after it are what the thing shows, not where the writer attached it. The regex, compiled (ignoring
    # case) when a claim first needs it: it takes 18 ms, a twentieth of a one-draft run, and few drafts need it.
    depicting: str | None = None
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
    things = {name: strings(table, key, source=PACK) for name, key in THINGS.items()}
    slots = {
        "the": _alternatives(strings(table, "determiners", source=PACK)),
        "qualifier": _qualifier(table),
        # Chinese words before a file's name ("聊天记录截图", "崩溃时的日志"), without punctuation.
        "modifier": rf"[\u4e00-\u9fff]{{0,{_MODIFIER_CHARS}}}?",
        "visual": _alternatives(things["picture"] + things["video"]),
        "log": _alternatives(things["log"]),
        "thing": _alternatives([thing for kind in things.values() for thing in kind]),
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
            "contents_markers": strings(table, "contents_markers", source=PACK),
            "generic_things": strings(table, "generic_things", source=PACK),
            **{name: strings(guards, name, source=PACK) for name in _GUARDS},
            "things": [thing for kind in things.values() for thing in kind],
        },
        # A thing in several lists is of the most specific kind: a log, a PDF, a video before a picture.
        thing_kinds={
            " ".join(ascii_lower(thing).split()): kind
            for kind in ("document", "picture", "video", "pdf", "log")
            for thing in things[kind]
        },
        depicting=_depicting(table, slots["thing"]),
    )


def _depicting(table: Mapping[str, Any], thing: str) -> str | None:
    prepositions = strings(table, "depicting_prepositions", source=PACK)
    return rf"{thing}\s+{_alternatives(prepositions)}" if prepositions else None


def _qualifier(table: Mapping[str, Any]) -> str:
    """What may stand between a file and a postpositive "attached": "(screenshot) of the ban message",
    "(the log) from today". A few words after one of the pack's prepositions, none of them a verb
    or a hedge of the pack's ("can", "is", "not"): those make a sentence, not a caption."""
    prepositions = strings(table, "qualifier_prepositions", source=PACK)
    if not prepositions:
        return r"(?!)"
    stops = strings(table, "qualifier_stops", source=PACK)
    word = (rf"(?!{_alternatives(stops)})" if stops else "") + r"[^\s.,;:!?()\[\]\"。，；：！？]+"
    return rf"{_alternatives(prepositions)}(?:\s+{word}){{1,{_QUALIFIER_WORDS}}}?"


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


# A named tuple rather than a dataclass: a dataclass costs half a millisecond to create when
# the module is imported, a named tuple a tenth of that.


class _Match(NamedTuple):
    """A template's match in the lower-cased text, before it is weighed as a claim."""

    start: int
    end: int
    kind: str


def clause_around(model: TextModel, start: int, end: int) -> tuple[int, int]:
    """The words of the clause(s) around [start, end), within reach: from the start of the clause
    holding `start` to where the words of the clause holding `end` stop (before its mark)."""
    clause_start = max(model.clause_start(start), start - _CLAUSE_REACH, 0)
    clause = model.clause_at(end)
    clause_end = model.words_end(clause) if clause is not None else len(model.text)
    return clause_start, min(max(clause_end, end), end + _CLAUSE_REACH)


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


def _is_claim(text: str, model: TextModel, match: _Match, clause: tuple[int, int], known: ClaimKnowledge) -> bool:
    """Whether a template's match really says "enclosed with this mail" (see the pack's kinds)."""
    kind = match.kind
    clause_start, clause_end = clause
    before = text[clause_start : match.start]
    words = text[clause_start:clause_end]
    if model.withheld(match.start, reach=match.start - clause_start) or known.words("omissions").search(before):
        return False
    if known.words("other_mail").search(words) is not None:
        return False
    place = known.words("app_places").search(words)
    if place is not None and _depicts(known, words, match.start - clause_start, place.start):
        place = None  # "I attached a screenshot showing the grey boxes in a chat": what it shows
    hedged = known.words("hedges").search(before) is not None or place is not None
    # "附上公司简介供参考（可另行发送）", "Company profile attached (sent separately on request)".
    hedged = hedged or known.words("later_offers").search(text[match.end : clause_end]) is not None
    if kind in ("verb", "weak") and hedged:
        return False
    if kind == "weak" and known.words("app_context").search(words) is not None:
        return False
    if kind in ("see", "verb", "weak") and _written_out(text, match.start, match.end, known):
        return False
    return not (kind == "inline" and _log_is_pasted(text, match.end, known))


# How far after a claim's verb the colon of a value written out may stand ("附上身份证号：", "I attach my ID number:").
_WRITTEN_OUT_REACH = 24
# A file's name: what a value written out after the colon is not.
_FILE_NAME = r"\.[A-Za-z0-9]{2,5}\b"
# A value written straight after what the verb names, within its reach ("附上我的身份证号110105…", "I attach my
# number +44 7700 900123"): six digits or more, spaced or dashed as numbers are.
_WRITTEN_VALUE = r"\+?\d(?:[ \-]?\d){5}"
# The first line of a list written out after a claim's colon ("1. 目标市场：……", "- a partnership on Mini Apps").
_LIST_ITEM = r"\s*(?:\d{1,2}[.、．)）]|[-•·*]\s|[（(]\d{1,2}[)）]|[一二三四五六七八九十][、．])"
# ... in the clause of the claim: "交易哈希见截图，订单号 2026…" encloses a picture.
_CLAUSE_MARK = r"[,，。;；、()（）]"


def _written_out(text: str, start: int, end: int, known: ClaimKnowledge) -> bool:
    """ "为证明本人身份，附上身份证号：110…", "I attach my contact details: …": what the verb encloses is written
    out in the text, not a file, unless its line names a file or a thing that is one ("附上截图：", "Attached:
    crash.log"). Written out is: after a colon on the verb's line; on the lines after a colon that ends the line,
    once a word between verb and colon says what follows ("附上我的信息：" then the lines themselves, where a bare
    "Attached:" is a list of files); or a value straight after what is named ("附上我的身份证号110105…")."""
    line_end = text.find("\n", end)
    line = text[end : len(text) if line_end < 0 else line_end]
    claim = text[start : end + len(line)]
    if compiled(_FILE_NAME).search(line) is not None:
        return False
    named = [known.thing_kinds.get(thing.term) for thing in known.words("things").finditer(claim)]
    if named and set(named) <= {"document"} and line.rstrip().endswith((":", "：")):
        # "附上公司简介的要点：" then "1. ……": a document's points listed in the text, not the document.
        following = _next_written_line(text, end + len(line))
        return compiled(_LIST_ITEM).match(following) is not None and compiled(_FILE_NAME).search(following) is None
    if named:
        return False
    colon = min((at for at in (line.find("："), line.find(":")) if at >= 0), default=-1)
    if 0 <= colon <= _WRITTEN_OUT_REACH:
        if len(line[colon + 1 :].strip()) >= 2:
            return True
        if line[colon + 1 :].strip() or not any(ch.isalnum() for ch in line[:colon]):
            return False
        following = _next_written_line(text, end + len(line))
        return known.words("things").search(following) is None and compiled(_FILE_NAME).search(following) is None
    value = compiled(_WRITTEN_VALUE).search(line)
    return (
        value is not None
        and value.start() <= _WRITTEN_OUT_REACH
        and compiled(_CLAUSE_MARK).search(line, 0, value.start()) is None
    )


def _next_written_line(text: str, at: int) -> str:
    """The first line after `at` that holds more than spaces ("" when none does)."""
    return next((line for line in text[at:].split("\n") if line.strip()), "")


def _depicts(known: ClaimKnowledge, words: str, claim: int, place: int) -> bool:
    """Whether the claim at `claim` in `words` goes on to a thing and a caption's preposition before the place
    at `place`: the thing attached shows that place ("I attached a screenshot showing … in a chat"), where
    "a screenshot of the error and attached it in the chat" put the thing in the chat."""
    if known.depicting is None:
        return False
    return compiled(known.depicting, re.IGNORECASE).search(words, claim, place) is not None


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


def find_claims(part: str, text: str, model: TextModel, known: ClaimKnowledge) -> Iterator[Span]:
    """The claims in `text` (a part's, `model` its text model), in order."""
    if not known.templates:
        return
    text = text.replace("’", "'")
    matches = _template_matches(ascii_lower(text), known)
    innocent = SpanSet((i.start, i.end) for i in known.words("innocent").find(text)) if matches else SpanSet()
    for match in matches:
        # Inside quotation marks the words are someone else's ('the scammer wrote "see attached"').
        if innocent.overlaps(match.start, match.end) or model.in_quotation(match.start):
            continue
        clause = clause_around(model, match.start, match.end)
        if _is_claim(text, model, match, clause, known):
            named = _named_things(text, model, match, clause, known)
            things = tuple(kind for kind in THINGS if kind in named)
            yield Span(
                "attachment-claim",
                part,
                match.start,
                match.end,
                evidence=(f"template:{match.kind}",),
                facts={"claim": match.kind, "things": things, "clause_end": clause[1]},
            )


def _named_things(
    text: str, model: TextModel, match: _Match, clause: tuple[int, int], known: ClaimKnowledge
) -> set[str]:
    """The kinds of file the claim's clause names; when it names none ("…and attached them", "已经附在邮件里"),
    those its sentence names before it ("I exported the crash logs, attached to this mail")."""
    things = known.words("things")
    words = text[clause[0] : clause[1]]
    found = list(things.finditer(words))
    # "The attached PDF contains screenshots of…": the file is the PDF; what follows a contents word is inside it.
    inside = known.words("contents_markers").search(words)
    if inside is not None and any(thing.end <= inside.start for thing in found):
        found = [thing for thing in found if thing.end <= inside.start]
    found = _held_by_claim(found, words, match.start - clause[0], match.end - clause[0])
    named = {known.thing_kinds[thing.term] for thing in found}
    # "the error log file", "日志文件": "file" right after the thing says no more than that it is one; the log is what
    # must be attached ("the attached file lists the photos" still names a file).
    generic = {" ".join(ascii_lower(word).split()) for word in known.word_lists["generic_things"]}
    compound = {
        index
        for index, thing in enumerate(found)
        if thing.term in generic and index and not words[found[index - 1].end : thing.start].strip()
    }
    if compound:
        named = {known.thing_kinds[thing.term] for index, thing in enumerate(found) if index not in compound}
    if named:
        return named
    # A claim that opens a list ("附件为：1. 法院裁定书 PDF；2. …", "Attachments:\n- log.txt"): what the list names.
    listed = _listed_after(text, match.end)
    if listed:
        return {known.thing_kinds[thing.term] for thing in things.finditer(listed)}
    sentence = model.sentence_at(match.start)
    if sentence is None or sentence.start >= clause[0]:
        return named
    earlier = text[max(sentence.start, clause[0] - _CLAUSE_REACH) : clause[0]]
    return {known.thing_kinds[thing.term] for thing in things.finditer(earlier)}


# What stands between two things of one list ("日志和两张截图", "the log and the screenshots", "截图、录屏"): a
# separator or a conjunction, where words side by side are one thing ("the video crash log").
_LISTED_WITH = (
    r"\s*(?:[、,，&/+]|和|与|及|以及|还有|跟|and|or|plus|as well as)\s*"
    r"(?:(?:the|a|an|my|our|some|\d+|[一二两三四五六七八九十几]+)\s*(?:(?:张|份|个|段|条|套)\s*)?)?"
)


def _held_by_claim(found: list[TermMatch], words: str, start: int, end: int) -> list[TermMatch]:
    """The things a claim encloses when its template holds one ("附{log}", "{thing} is attached"): that thing,
    those listed with it ("附日志和截图") and one written straight after the claim, which names the enclosure
    ("截图见附件 PDF"). The clause's other things are what the mail is about ("查看视频时应用崩溃
    （附日志）" encloses a log, not a video). Without a thing in the template, all of them (`found` as it is)."""
    held = [index for index, thing in enumerate(found) if thing.start >= start and thing.end <= end]
    if not held:
        return found
    first, last = held[0], held[-1]
    listed = compiled(_LISTED_WITH, re.IGNORECASE).fullmatch
    while first and listed(words, found[first - 1].end, found[first].start):
        first -= 1
    while last + 1 < len(found) and listed(words, found[last].end, found[last + 1].start):
        last += 1
    # What stands straight after the claim names the enclosure itself ("截图见附件 PDF"): it holds the rest.
    if (
        last + 1 < len(found)
        and found[last].end <= end <= found[last + 1].start
        and not words[end : found[last + 1].start].strip()
    ):
        last += 1
    return found[first : last + 1]


# How many lines below a claim that ends its line with a colon its list may run.
_LIST_LINES = 6


def _listed_after(text: str, end: int) -> str:
    """The text a claim's colon opens: the rest of its line, or the lines below when the line ends there."""
    at = end
    if end and text[end - 1] in ":：":  # the template holds its colon ("附件：", "Attachments:")
        at = end - 1
    while at < len(text) and text[at] in " \t":
        at += 1
    if at >= len(text) or text[at] not in ":：":
        return ""
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[at + 1 : line_end]
    if rest.strip():
        return rest
    below = text[line_end + 1 :].split("\n", _LIST_LINES)[:_LIST_LINES]
    return "\n".join(below)


class AttachmentClaims:
    """Claims of enclosure in the subject and in the writer's own body text."""

    name = "attachments.claims"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        known = knowledge(analysis.packs)
        for part, text in (("subject", analysis.subject_text), ("body", analysis.body_text)):
            yield from find_claims(part, text, analysis.text_model(part), known)


ATTACHMENT_CLAIMS = AttachmentClaims()


# -- what an attached file can be ----------------------------------------------------------

# By the file's name when its type says little: mail clients send logs as application/octet-stream.
_EXTENSIONS = {
    "picture": (".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".heif", ".bmp", ".tif", ".tiff"),
    "video": (".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi", ".3gp", ".gif"),
    "log": (".log", ".txt", ".ips", ".crash", ".json", ".trace", ".out", ".har", ".xml", ".csv"),
    "pdf": (".pdf",),
}
# Text files that a mail program makes for its own purposes, never a log: invitations and contact cards.
_NOT_LOGS = frozenset({"text/calendar", "text/vcard", "text/x-vcard", "text/directory"})
_NOT_LOG_ENDINGS = (".ics", ".vcs", ".vcf")
# An archive or a file of unknown type may hold anything.
_ANY = (".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz")
_ANY_TYPES = ("application/zip", "application/x-", "application/gzip", "multipart/")


# Outlook's rich-text wrapper (Transport Neutral Encapsulation Format): the files go inside one
# "winmail.dat" that only Outlook and Exchange unpack; every other mail program shows that file.
_OUTLOOK_WRAPPER_TYPES = ("application/ms-tnef", "application/vnd.ms-tnef")
_OUTLOOK_WRAPPER_NAME = "winmail.dat"


def is_outlook_wrapper(filename: str | None, content_type: str) -> bool:
    """Whether an attachment is Outlook's winmail.dat, which no recipient outside Outlook can open."""
    name = (filename or "").lower().strip()
    return content_type.lower().strip() in _OUTLOOK_WRAPPER_TYPES or name == _OUTLOOK_WRAPPER_NAME


def is_signature_part(packs: Packs, filename: str | None, content_type: str) -> bool:
    """Whether an attachment is one a mail program adds by itself: an image of a signature (its logo,
    Outlook's "image001.png": `signature_images`) or a contact card (`contact_card_types`,
    `contact_card_endings` of the attachment pack). No writer encloses one as evidence."""
    table = packs.get(PACK)
    mime = content_type.lower().strip()
    name = (filename or "").strip()
    if mime in strings(table, "contact_card_types", source=PACK):
        return True
    if name.lower().endswith(tuple(strings(table, "contact_card_endings", source=PACK))):
        return True
    if not mime.startswith("image/") or not name:
        return False
    patterns = packs.derived(("attachment", "signature images"), lambda: _signature_patterns(packs))
    return any(pattern.fullmatch(name) for pattern in patterns)


def _signature_patterns(packs: Packs) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in strings(packs.get(PACK), "signature_images", source=PACK))


def file_kinds(filename: str | None, content_type: str) -> frozenset[str]:
    """The kinds of file (`THINGS`) an attachment can be, by its type and name; every kind when it may be
    anything (an archive, a file of unknown type without a telling name)."""
    name = (filename or "").lower().strip()
    mime = content_type.lower()
    if is_outlook_wrapper(filename, content_type):
        return frozenset()  # it reaches the recipient as a file of its own that nothing opens
    everything = frozenset(THINGS)
    if name.endswith(_ANY) or mime.startswith(_ANY_TYPES):
        return everything
    kinds = {kind for kind, endings in _EXTENSIONS.items() if name.endswith(endings)}
    if mime.startswith("image/"):
        kinds.add("picture")
        if mime == "image/gif":
            kinds.add("video")
    elif mime.startswith("video/"):
        kinds.add("video")
    elif mime in _NOT_LOGS or name.endswith(_NOT_LOG_ENDINGS):
        pass  # a calendar invitation or a contact card is text, but no log ("崩溃日志见附件" with a meeting.ics)
    elif mime.startswith("text/") or mime in ("application/json", "application/xml"):
        kinds.add("log")
    elif mime == "application/pdf":
        kinds.add("pdf")
    elif not kinds:
        # application/octet-stream and the like, with a name that says nothing.
        return everything
    # Any file is a "document" or a "file".
    return frozenset(kinds | {"document"})
