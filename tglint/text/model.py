"""The text model of one part of a draft: tokens, sentences, clauses, negation, questions, quotes.

Built once per part and shared by every rule and recognizer, so that all of them agree on
where a sentence ends, what a negation covers and which words are someone else's. Offsets
are the part's own (the same as `Part.text`), so a rule's span turns into the same line and
column as before. Every piece is computed on first use, in time linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from tglint.draft import Region, RegionKind
from tglint.text.cues import Cue, CueKind, Cues
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


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or a clause: characters [start, end) of the part, its end mark included."""

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
_SENTENCE_MARK = re.compile(r"[。！？!?；;…]+[”’」』）)\"']*|\.(?=[\s\"”’)）]|$)[”’\"')）]*|\n")
_CLAUSE_MARK = re.compile(r"[，,](?!\d)|[：:](?!\d)|[；;]")
# A hard-wrapped line continues the sentence when it is long and the next one begins in lower case.
_WRAPPED_LINE = 60
_CONTINUES = re.compile(r"[ \t]*[a-z](?![.)])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


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
            pieces.append(re.sub(r"[^\n]", " ", self.text[start:end]))
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
        ends = set(self._sentence_ends)
        for match in _CLAUSE_MARK.finditer(self.text):
            ends.add(match.end())
        for cue in self._cues.of(self.text, CueKind.CONJUNCTION):
            ends.add(cue.start)
        return tuple(self._segments(sorted(ends), questions=False))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [c.start for c in self.clauses]

    def sentence_at(self, offset: int) -> Segment | None:
        return _segment_at(self.sentences, self._sentence_starts, offset)

    def clause_at(self, offset: int) -> Segment | None:
        return _segment_at(self.clauses, self._clause_starts, offset)

    def clause_start(self, offset: int) -> int:
        """Where the clause holding `offset` begins (the clause before it, at a clause's very end)."""
        index = bisect_right(self._clause_starts, offset) - 1
        return self.clauses[index].start if index >= 0 else 0

    def is_question(self, offset: int) -> bool:
        sentence = self.sentence_at(offset)
        return sentence is not None and sentence.question

    @cached_property
    def _sentence_ends(self) -> list[int]:
        ends: list[int] = []
        text = self.text
        for match in _SENTENCE_MARK.finditer(text):
            mark = match.group()
            if mark == "\n":
                if self._wrapped(match.start()):
                    continue
            elif mark[0] == "." and self._cues.is_abbreviation(_word_before(text, match.start())):
                continue
            ends.append(match.end())
        # Quoted text and signatures never share a sentence with the writer's words.
        for region in self.regions:
            ends.extend((region.start, region.end))
        ends.append(len(text))
        return sorted(set(ends))

    def _wrapped(self, newline: int) -> bool:
        line_start = self.text.rfind("\n", 0, newline) + 1
        if newline - line_start < _WRAPPED_LINE:
            return False
        if self.text[newline - 1 : newline] in (":", "："):
            return False
        return _CONTINUES.match(self.text, newline + 1) is not None

    def _segments(self, ends: Sequence[int], *, questions: bool = True) -> Iterator[Segment]:
        text = self.text
        start = 0
        region_index = 0
        regions = self.regions
        for end in ends:
            begin = start
            while begin < end and text[begin].isspace():
                begin += 1
            stop = end
            while stop > begin and text[stop - 1].isspace():
                stop -= 1
            start = end
            if begin >= stop:
                continue
            while region_index < len(regions) and regions[region_index].end <= begin:
                region_index += 1
            region = regions[region_index] if region_index < len(regions) else None
            inside = region is not None and region.start <= begin < region.end
            yield Segment(
                begin,
                stop,
                quoted=inside and region is not None and region.kind is RegionKind.QUOTED,
                signature=inside and region is not None and region.kind is RegionKind.SIGNATURE,
                question=questions and self._cues.asks(text[begin:stop]),
            )

    # -- negation ------------------------------------------------------------------------------

    @cached_property
    def _negation(self) -> _CueIndex:
        return _CueIndex(self._cues.negation_cues(self.text))

    def negation_before(
        self, offset: int, *, kinds: frozenset[CueKind] = frozenset({CueKind.DENIAL}), reach: int | None = None
    ) -> Cue | None:
        """The negation cue that covers `offset`: in its clause, before it and near enough.

        A cue inside a phrase that denies nothing ("no idea", "不知道") or confirms
        ("没有记错", "didn't forget") is not one. `reach` is how many characters may stand
        between the cue and `offset`; by default the language's reach (closer before a
        Chinese word than before a Latin one).
        """
        if reach is None:
            reach = self._cues.reach(self.text[offset : offset + 1])
        near = [cue for cue in self._negation.before(offset, offset - reach - 8) if offset - cue.end <= reach]
        if not any(cue.kind in kinds for cue in near):
            return None  # the clauses are cut only when a cue stands near: most words have none
        floor = self.clause_start(offset)
        for cue in near:
            if cue.kind in kinds and cue.start >= floor:
                return cue
        return None

    def negated(self, offset: int, *, reach: int | None = None) -> bool:
        """Whether what stands at `offset` is denied ("not hacked", "没有被盗")."""
        return self.negation_before(offset, reach=reach) is not None

    def withheld(self, offset: int, *, reach: int | None = None) -> bool:
        """Whether what stands at `offset` is denied or said impossible ("I cannot give my password")."""
        kinds = frozenset({CueKind.DENIAL, CueKind.INABILITY})
        return self.negation_before(offset, kinds=kinds, reach=reach) is not None

    def confirmed_before(self, offset: int) -> bool:
        """Whether the clause before `offset` confirms something ("没有记错", "I'm sure")."""
        floor = self.clause_start(offset)
        return any(cue.kind is CueKind.CONFIRMING for cue in self._negation.before(offset, floor))

    # -- quotations in the writer's own words -------------------------------------------------

    @cached_property
    def quotations(self) -> tuple[tuple[int, int], ...]:
        """Spans inside quotation marks (“…”, "…", 「…」, '…' around several words): words quoted
        as evidence, such as an error message, not the writer's own claim."""
        found = []
        for match in _QUOTATION.finditer(self.text):
            found.append((match.start() + 1, match.end() - 1))
        return tuple(found)

    def in_quotation(self, offset: int) -> bool:
        starts = [start for start, _ in self.quotations]
        index = bisect_right(starts, offset) - 1
        return index >= 0 and offset < self.quotations[index][1]


# Quotation marks around at most a line: a stray mark does not swallow the rest of the text.
_QUOTATION = re.compile(r"“[^”\n]{1,200}”|「[^」\n]{1,200}」|『[^』\n]{1,200}』|\"[^\"\n]{1,200}\"")


class _CueIndex:
    """Negation cues (and the phrases that cancel them) in order, found once per text."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self.ends = [cue.end for cue in cues]

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
