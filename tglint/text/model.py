"""The text model of one part of a draft: tokens, sentences, clauses, negation, questions, quotes.

Built once per part and shared by every rule and recognizer, so that all of them agree on
where a sentence ends, what a negation covers and which words are someone else's. Offsets
are the part's own (the same as `Part.text`), so a rule's span turns into the same line and
column as before. Every piece is computed on first use, in time linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

from tglint.draft import Region, RegionKind, blank
from tglint.text.cues import Cue, CueKind, CueMatches, Cues
from tglint.text.scripts import HAN_CHARS


class TokenKind(StrEnum):
    HAN = "han"  # a run of Chinese characters
    WORD = "word"  # a run of Latin letters and digits ("iPhone15", "510723199001011234", "Tr0ub4dor")
    SPACE = "space"  # spaces and tabs
    NEWLINE = "newline"
    PUNCT = "punct"  # one punctuation mark or symbol


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    kind: TokenKind


class Segment(NamedTuple):
    """A sentence, a clause or a paragraph: characters [start, end) of the part, its end mark included.

    A named tuple: a body is cut into a hundred of them, and a frozen dataclass takes twice as long
    to make."""

    start: int
    end: int
    # In a quoted reply, a forwarded message or a signature: not the writer's words of this mail.
    quoted: bool = False
    signature: bool = False
    # Asks something ("Can you restore it?", "能恢复吗", "How do I ...").
    question: bool = False

    @property
    def own(self) -> bool:
        """The writer's own words of this mail."""
        return not (self.quoted or self.signature)


# Letters and digits other than Han (Latin, Cyrillic, full-width...) make one word token.
_TOKEN = re.compile(
    rf"(?P<han>[{HAN_CHARS}]+)|(?P<word>[^\W_{HAN_CHARS}]+)|(?P<newline>\n)|(?P<space>[^\S\n]+)|(?P<punct>.)",
    re.DOTALL,
)
# Marks that end a sentence, with the closing quotes or brackets that belong to it; a full
# stop ends one only before a space or the end (not "5.0", "telegram.org", "e.g" is checked apart).
# Every branch begins with the one mark it is read from (checked after it), so that a search jumps
# from one mark to the next: branches beginning with different classes are tried at every character.
_SENTENCE_MARK = re.compile(
    r"[。！？!?；;….\n](?:(?<=[。！？!?；;…])[。！？!?；;…]*[”’」』）)\"']*|(?<=\.)(?=[\s\"”’)）]|$)[”’\"')）]*|(?<=\n))"
)
# A "!" or "?" inside a token ("Granite!42x") ends no sentence.
# How many characters back a cue is looked for when its reach is counted in words.
_WORDS_REACH = 60
_MARK_IN_TOKEN = re.compile(r"[!?](?=[A-Za-z0-9])")
# A comma or a colon between two digits is part of a number or a time ("1,000", "10:25"). One class first, as
# `_SENTENCE_MARK`.
_CLAUSE_MARK = re.compile(r"[，,：:；;](?:(?<=[；;])|(?!(?<=\d.)\d))")
# A hard-wrapped line continues the sentence when it is long and the next one begins in lower case.
_WRAPPED_LINE = 60
_WRAP_CANDIDATE = re.compile(r"\n(?=[ \t]*[a-z](?![.)]))")
# A full stop that ends a sentence after a word, with its closing quotes (the second branch of
# `_SENTENCE_MARK`): after an abbreviation ("e.g.", "No.") it ends none. The dot comes first, so that
# a search jumps from one dot to the next.
_STOP_AFTER_WORD = re.compile(r"\.(?<=[A-Za-z.]\.)(?=[\s\"”’)）]|$)[”’\"')）]*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# What ends a sentence or a clause, and the closing quotes and brackets that may follow it.
_END_MARKS = frozenset("。！？!?；;….，,：:")
_CLOSERS = frozenset("”’」』）)\"'")
# A line of nothing but spaces between two lines ends a paragraph.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


class TextModel:
    """The model of one part's text. `regions` are its quoted replies and signatures."""

    def __init__(self, text: str, regions: Sequence[Region] = (), cues: Cues | None = None) -> None:
        self.text = text
        self.regions = tuple(regions)
        self._cues = cues if cues is not None else Cues.empty()

    # -- the writer's words ---------------------------------------------------------------

    @cached_property
    def writer_text(self) -> str:
        """The text with quoted and signature regions blanked out, offsets unchanged."""
        if not self.regions:
            return self.text
        pieces = []
        last = 0
        for region in self.regions:
            start, end = max(region.start, last), min(region.end, len(self.text))
            if start >= end:
                continue
            pieces.append(self.text[last:start])
            pieces.append(blank(self.text[start:end]))
            last = end
        pieces.append(self.text[last:])
        return "".join(pieces)

    def region_at(self, offset: int) -> Region | None:
        for region in self.regions:
            if region.start <= offset < region.end:
                return region
        return None

    # -- tokens ------------------------------------------------------------------------------

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Mixed-script tokens: a value glued to Chinese ("是510723…") is a token of its own."""
        kinds = {name: TokenKind(name) for name in ("han", "word", "newline", "space", "punct")}
        return tuple(Token(m.start(), m.end(), kinds[m.lastgroup or "punct"]) for m in _TOKEN.finditer(self.text))

    @cached_property
    def _token_starts(self) -> list[int]:
        return [token.start for token in self.tokens]

    def token_at(self, offset: int) -> Token | None:
        index = bisect_right(self._token_starts, offset) - 1
        if 0 <= index < len(self.tokens) and offset < self.tokens[index].end:
            return self.tokens[index]
        return None

    def tokens_in(self, start: int, end: int) -> Iterator[Token]:
        index = max(0, bisect_right(self._token_starts, start) - 1)
        while index < len(self.tokens) and self.tokens[index].start < end:
            token = self.tokens[index]
            if token.end > start:
                yield token
            index += 1

    # -- sentences and clauses ---------------------------------------------------------------

    @cached_property
    def sentences(self) -> tuple[Segment, ...]:
        """The sentences, in order; lines of quoted text and signatures are sentences of their own."""
        return tuple(self._segments(self._sentence_ends))

    @cached_property
    def clauses(self) -> tuple[Segment, ...]:
        """The clauses: sentences cut at commas, colons and conjunctions that open a new statement."""
        return tuple(self._segments(self._clause_ends[1:], questions=False))

    @cached_property
    def _clause_ends(self) -> list[int]:
        """Where clauses end, in order, after a 0 for the start of the text."""
        ends = set(self._sentence_ends)
        for match in _CLAUSE_MARK.finditer(self.text):
            ends.add(match.end())
        for cue in self._cues.of(self._cue_matches, CueKind.CONJUNCTION):
            ends.add(cue.start)
        ends.discard(0)
        return [0, *sorted(ends)]

    @cached_property
    def paragraphs(self) -> tuple[Segment, ...]:
        """The paragraphs: text between blank lines; quoted text and signatures are paragraphs of their own."""
        ends = [match.start() + 1 for match in _BLANK_LINE.finditer(self.text)]
        ends.extend(edge for region in self.regions for edge in (region.start, region.end))
        ends.append(len(self.text))
        return tuple(self._segments(sorted(set(ends)), questions=False))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [c.start for c in self.clauses]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Segment | None:
        return _segment_at(self.paragraphs, self._paragraph_starts, offset)

    def sentence_at(self, offset: int) -> Segment | None:
        return _segment_at(self.sentences, self._sentence_starts, offset)

    def sentences_in(self, start: int, end: int) -> Sequence[Segment]:
        """The sentences that begin in [start, end), in order."""
        starts = self._sentence_starts
        return self.sentences[bisect_left(starts, start) : bisect_left(starts, end)]

    def clause_at(self, offset: int) -> Segment | None:
        return _segment_at(self.clauses, self._clause_starts, offset)

    def clause_start(self, offset: int) -> int:
        """Where the clause holding `offset` begins (the clause before it, at a clause's very end)."""
        index = bisect_right(self._clause_starts, offset) - 1
        return self.clauses[index].start if index >= 0 else 0

    def words_end(self, segment: Segment) -> int:
        """Where a segment's words end: before the marks and closing quotes that end it ("it crashes" of
        "it crashes!!!", "见附件" of "见附件。")."""
        text, start = self.text, segment.start
        end = segment.end
        while end > start and text[end - 1] in _CLOSERS:
            end -= 1
        if end == start or text[end - 1] not in _END_MARKS:
            return segment.end  # no mark: a closing bracket is part of the words ("(v10)")
        while end > start and text[end - 1] in _END_MARKS:
            end -= 1
        return end

    def is_question(self, offset: int) -> bool:
        sentence = self.sentence_at(offset)
        return sentence is not None and sentence.question

    @cached_property
    def _sentence_ends(self) -> list[int]:
        text = self.text
        ends = [match.end() for match in _SENTENCE_MARK.finditer(text)]
        # What looked like an end and is none: the line break of a hard-wrapped line, the full stop
        # of an abbreviation, a mark inside a token. All are rare enough to be looked for apart,
        # not at every mark.
        not_ends = {match.end() for match in _WRAP_CANDIDATE.finditer(text) if self._wrapped(match.start())}
        for match in _STOP_AFTER_WORD.finditer(text):
            if self._cues.is_abbreviation(_word_before(text, match.start())):
                not_ends.add(match.end())
        not_ends.update(match.end() for match in _MARK_IN_TOKEN.finditer(text))
        if not_ends:
            ends = [end for end in ends if end not in not_ends]
        # Quoted text and signatures never share a sentence with the writer's words.
        for region in self.regions:
            ends.extend((region.start, region.end))
        ends.append(len(text))
        return sorted(set(ends))

    def _wrapped(self, newline: int) -> bool:
        line_start = self.text.rfind("\n", 0, newline) + 1
        if newline - line_start < _WRAPPED_LINE:
            return False
        return self.text[newline - 1 : newline] not in (":", "：")

    def _segments(self, ends: Sequence[int], *, questions: bool = True) -> list[Segment]:
        """The pieces of text between consecutive `ends`, without the spaces around them; blank ones left out."""
        text = self.text
        asks = self._cues.asks if questions else None
        found = []
        start = 0
        regions = iter(self.regions)
        region = next(regions, None)
        for end in ends:
            # Stripped once from the left, then from the right: what `strip()` leaves, and where it begins.
            lstripped = text[start:end].lstrip()
            start = end
            if not lstripped:
                continue
            stripped = lstripped.rstrip()
            begin = end - len(lstripped)
            while region is not None and region.end <= begin:
                region = next(regions, None)
            kind = region.kind if region is not None and region.start <= begin else None
            found.append(
                Segment(
                    begin,
                    begin + len(stripped),
                    kind is RegionKind.QUOTED,
                    kind is RegionKind.SIGNATURE,
                    asks is not None and asks(stripped),
                )
            )
        return found

    # -- negation ------------------------------------------------------------------------------

    @cached_property
    def _cue_matches(self) -> CueMatches:
        return self._cues.find(self.text)

    @cached_property
    def _negation(self) -> _CueIndex:
        return _CueIndex(self._cues.negation_cues(self._cue_matches))

    def negation_before(
        self,
        offset: int,
        *,
        kinds: frozenset[CueKind] = frozenset({CueKind.DENIAL}),
        reach: int | None = None,
        words: int | None = None,
    ) -> Cue | None:
        """The negation cue that covers `offset`: in its clause, before it and near enough.

        A cue inside a phrase that denies nothing ("no idea", "不知道") or confirms
        ("没有记错", "didn't forget") is not one. `reach` is how many characters may stand
        between the cue and `offset`; by default the language's reach (closer before a
        Chinese word than before a Latin one). `words`, when given, is how many words may
        stand between them too (a run of Chinese characters counts as one): "not a scam" is
        one word apart, "don't ban him today, I will report" five.
        """
        if reach is None:
            # Counted in words, the reach needs no bound in characters but the cost of the look.
            reach = self._cues.reach(self.text[offset : offset + 1]) if words is None else _WORDS_REACH
        near = [
            c for c in self._negation.before(offset, offset - reach - 8) if c.kind in kinds and offset - c.end <= reach
        ]
        if not near:
            return None  # most words have no cue near them
        # Where the clause before `offset` ended: only spaces stand between it and the clause holding
        # `offset`, so a cue is in that clause when it starts there or later.
        ends = self._clause_ends
        floor = ends[bisect_right(ends, offset) - 1]
        for cue in near:
            if cue.start >= floor:
                if words is not None and self._words_between(cue.end, offset) > words:
                    return None  # a cue further back is further still
                return cue
        return None

    def _words_between(self, start: int, end: int) -> int:
        return sum(1 for match in _TOKEN.finditer(self.text, start, end) if match.lastgroup in ("han", "word"))

    def negated(self, offset: int, *, reach: int | None = None, words: int | None = None) -> bool:
        """Whether what stands at `offset` is denied ("not hacked", "没有被盗")."""
        return self.negation_before(offset, reach=reach, words=words) is not None

    def withheld(self, offset: int, *, reach: int | None = None) -> bool:
        """Whether what stands at `offset` is denied, said impossible or forbidden ("I cannot give my
        password", "不要把验证码告诉别人")."""
        kinds = frozenset({CueKind.DENIAL, CueKind.INABILITY, CueKind.PROHIBITION})
        return self.negation_before(offset, kinds=kinds, reach=reach) is not None

    def confirmed_before(self, offset: int) -> bool:
        """Whether the clause before `offset` confirms something ("没有记错", "I'm sure")."""
        floor = self.clause_start(offset)
        return any(cue.kind is CueKind.CONFIRMING for cue in self._negation.before(offset, floor))

    def confirmations_in(self, start: int, end: int) -> list[Cue]:
        """The confirming cues ("没有记错", "didn't forget") lying in [start, end), in order."""
        return [cue for cue in self._negation.within(start, end) if cue.kind is CueKind.CONFIRMING]

    # -- quotations in the writer's own words -------------------------------------------------

    @cached_property
    def quotations(self) -> tuple[tuple[int, int], ...]:
        """Spans inside quotation marks: words quoted as evidence (an error message, what someone
        wrote, a title in 《》), not the writer's own claim. The marks themselves stand just outside
        each span. A quotation never reaches across the edge of a quoted reply or a signature."""
        found: list[tuple[int, int]] = []
        edges = sorted({0, len(self.text), *(edge for r in self.regions for edge in (r.start, r.end))})
        for start, end in pairwise(edges):
            found.extend((m.start() + 1, m.end() - 1) for m in _QUOTATION.finditer(self.text, start, end))
        return tuple(found)

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [start for start, _ in self.quotations]

    def quotation_at(self, offset: int) -> tuple[int, int] | None:
        """The quotation (start, end) holding `offset`, if any."""
        index = bisect_right(self._quotation_starts, offset) - 1
        if index >= 0 and offset < self.quotations[index][1]:
            return self.quotations[index]
        return None

    def in_quotation(self, offset: int) -> bool:
        return self.quotation_at(offset) is not None


# Quotation marks of both languages. Curly quotes may wrap over a line (never over a blank one);
# straight quotes stay on their line, since a stray inch mark must not swallow the text after it.
# An apostrophe inside a word ("don't") does not close a single-quoted span. Every branch begins
# with its quotation mark (what stands before a straight one is checked after it), so a search
# jumps from one mark to the next; every repeat is bounded, so a stray mark costs little.
_QUOTATION = re.compile(
    r"“(?:[^”\n]|\n(?![ \t]*\n)){0,400}”"
    r"|‘(?:[^’\n]|(?<=[A-Za-z])’(?=[A-Za-z])){0,300}’"
    r"|「[^」]{0,400}」|『[^』]{0,400}』|《[^》\n]{0,100}》"
    r"|\"[^\"\n]{0,300}\""
    r"|'(?<![A-Za-z0-9]')(?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z])){1,300}'(?![A-Za-z0-9])"
)


class _CueIndex:
    """Negation cues (and the phrases that cancel them) in order, found once per text."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self.ends = [cue.end for cue in cues]
        self.starts = [cue.start for cue in cues]

    def within(self, start: int, end: int) -> Iterator[Cue]:
        """Cues lying in [start, end), in order."""
        index = bisect_left(self.starts, start)
        while index < len(self.cues) and self.cues[index].start < end:
            if self.cues[index].end <= end:
                yield self.cues[index]
            index += 1

    def before(self, offset: int, floor: int) -> Iterator[Cue]:
        """Cues ending at or before `offset` and starting at or after `floor`, nearest first."""
        index = bisect_right(self.ends, offset) - 1
        while index >= 0 and self.cues[index].start >= floor:
            yield self.cues[index]
            index -= 1


def _segment_at(segments: Sequence[Segment], starts: list[int], offset: int) -> Segment | None:
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < segments[index].end:
        return segments[index]
    # At a segment's very end (just past its mark) it still belongs to it.
    if index >= 0 and offset == segments[index].end:
        return segments[index]
    return None


def _word_before(text: str, end: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, end - 12), end)
    return match.group(1).lower() if match else ""
