"""Tone recognizers: what, in the writer's own voice, reads as hostile, shouted or exasperated.

- `HOSTILE_TERMS`: insults, threats and pressure, complaints and angry slang, each with its
  weight and kind (weighted lexicons in rules/*/tone.toml).
- `SHOUTING`: runs of words written in capitals.
- `PUNCTUATION_RUNS`: runs of "!!!", "？？？", "?!?!".

Sentiment is not tone: a calm report of a bad event reads as negative. Only the writer's own
voice is judged: quoted replies and signatures are blank in `analysis.body_text`; words inside
quotation marks (the text model's `quotations`) and words after an evidence marker ("he wrote:",
"他骂我", "消息内容：") are someone else's, which an abuse report has to repeat; names (links,
addresses, handles) are nobody's tone; and a denied term ("this is not a scam company", the text
model's `negated`) is not said. Sentences, paragraphs and clauses come from the text model.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from tglint.draft import blank
from tglint.language import has_cjk
from tglint.lexicon import PARTS_PASS, VOICE_PASS, Lexicon, SharedPass, TermMatch, ascii_lower, lexicon, shared_pass
from tglint.packs import PackError, Packs, strings, weighted
from tglint.patterns import compiled
from tglint.recognizers import Span
from tglint.text.cues import CueKind
from tglint.text.scripts import HAN

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.text import TextModel

PACK = "tone"
KINDS = ("insult", "threat", "complaint", "slang")
INSULT_WEIGHT = 3.0

# Addresses and handles are names, not words: "@ANGRY_BIRD_SHOP" is nobody shouting.
_LINK = r"https?://\S+|www\.\S+|t\.me/\S+"
# A local part may be masked, as notifications show one ("f***@126.com", "j****n@gmail.com").
_ADDRESS = r"(?<![\w.+*-])[\w.+*-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"@\w+"
_NAMES = f"{_LINK}|{_ADDRESS}|{_HANDLE}"
# Most drafts hold no e-mail address: without that branch every branch begins with a literal,
# and the search jumps from one to the next instead of trying each position.
_NAMES_BUT_ADDRESSES = f"{_LINK}|{_HANDLE}"
_IN_EVERY_ADDRESS = r"@[\w-]+\.[\w-]"
_EVIDENCE_REACH = 300
# A denial covers a hostile term only close before it: "not a scam company", "不是说你们是骗子公司";
# not "if you don't ban him today I will report you".
_NEGATION_WORDS = 2
_COLONS = ":："

# A word for the shouting check: letters and digits, with inner apostrophes, hyphens,
# dots, slashes, ampersands or underscores ("DON'T", "WI-FI", "AT&T", "FLOOD_WAIT").
WORD = r"[A-Za-z0-9]+(?:['&\-_./][A-Za-z0-9]+)*"
# A word written in capitals ("NEED", "DON'T").
CAPITALS = r"[A-Z]+(?:'[A-Z]+)?"
# Every shouted word holds one of these, inside itself: a line with fewer than the words of a run
# cannot shout.
_CAPITALS_PAIR = r"[A-Z]'?[A-Z]"
# Between two words of one run: spaces and punctuation, never a Chinese character.
_RUN_GAP = r"[ \t\u3000,.;:!?！？，。'\"“”‘’()\-–—&/*]*"
# A syslog line opens with its date ("May 29 11:58:43 host kernel: ...").
_SYSLOG_DATE = r"[A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d{2}:\d{2}"
_LOG_LINE = rf"\s*(?:\[|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}:\d{{2}}:\d{{2}}|[VDIWEF]/|{_SYSLOG_DATE})"
# A kernel message carries the seconds since boot in brackets, wherever the line was cut ("[    1.773770]").
_UPTIME = r"\[\s*\d+\.\d{6}\]"
# Encoded data (uuencode, base64, the GTUBE test string): a long stretch without a space mixing letters, digits
# and symbols. Links are blank in the writer's voice, so a long address is not one.
_DATA_CHUNK = r"\S{30,}"
_DATA_SYMBOLS = 3
# A line this much made of such stretches is data; a dump line is all data, a sentence around a token is not.
_DATA_SHARE = 0.8
# A full stop between digits is a version's ("0.10"), after a lone capital an abbreviation's ("17 U.S.C. § 512"),
# not a sentence's.
_SENTENCE_PUNCTUATION = r"[!?！？]|(?<!\b[A-Z])[.。](?!\d)"
# What ends a sentence: a run of capitals between two of these, or from a line's start to one, is a sentence.
_SENTENCE_ENDS = ".!?。！？"
# A title may end with one full stop ("UNITED NATIONS PAYMENT NOTIFICATION.").
_TITLE_STOP = ".。"
# Letters that make a word pronounceable: a word in capitals without one ("VFS", "BSS", "MSFT") is an
# abbreviation, not a word shouted.
_VOWELS = frozenset("AEIOUY")
# A name followed by its version ("GNOME VFS (1.0)", "OAF 0.6.2") is a product's, not a word shouted.
_VERSION_AFTER = r"[ \t]*\(?v?\d+(?:\.\d+)+"
# Abbreviations listed together ("PP PA PE PPA"): no word longer than this, half no longer than two letters.
_SHORT_WORD = 3
# What a run of marks ("!!!", "？？？", "?!?!") is made of.
_RUN_MARKS = "!?！？"
# A field's value ("Error: CONNECTION FAILED", "Name: ZHANG WEI") follows a short label.
_LABEL_LENGTH = 40
# How far before a run of capitals the colon announcing it, and before that colon its display word, may stand.
_ANNOUNCE_REACH = 80
# How far before "???" a display word may stand ("名字显示成？？？", "shows ???").
_DISPLAY_REACH = 24
# A closing line ("Best regards," "Thanks for your help,") among the last written lines.
_CLOSING_REACH = 8
_CLOSING_LENGTH = 40
_WRITING_WORD = r"[A-Za-z0-9\u3400-\u9fff]"
_STATUS_CODE = r"(?<![\d.])\d{3}\s+$"
_HEX_NUMBER = r"\b0x[0-9A-Fa-f]+\b"
# Masked letters of an obscenity, and the marks and digits written for the letters they look like.
_MASKS = "*#%"
_LOOK_ALIKES = {"!": "i", "1": "i", "$": "s", "5": "s", "@": "a", "4": "a", "0": "o", "3": "e"}
_LOOK_ALIKE_MARKS = "!$@"
_LETTER_DIGIT = r"[A-Za-z][0-9]"
# A word that may be masked: a letter or look-alike first, then letters, masks and look-alikes (marks closing a
# sentence after it are not part of it: "shit!"), and not made of letters only: most words are plain, and the
# regex passes over them rather than Python one by one. So a look-alike first, or a mark or digit after letters.
_MARKED_WORD = r"(?<![\w*#%!$@])(?:[$@][A-Za-z0-9*#%!$@]+|[A-Za-z]+[0-9*#%!$@][A-Za-z0-9*#%!$@]*)"
# What such a word is made of, and what every one holds: "$" or "@", or a mark or digit right after a letter. The
# search jumps from one mark or digit to the next (its first character is a class) rather than trying every position.
_MARKED_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*#%!$@")
_MARKED_WORD_RUN = r"[A-Za-z0-9*#%!$@]*"
_MARKED_WORD_HOLDS = r"[0-9*#%!$@](?:(?<=[A-Za-z].)|(?<=[$@]))"
_TRAILING_MARKS = "!@$"
# Masked but for its first letter, only a word of four letters reads as an obscenity ("f***", "s***").
_BARE_MASKED = 4
# A line this much made of "?" is text the app could not display, not questions.
_GARBLED_SHARE = 0.3
# Undecodable letters are glued to what follows them; a question's marks end a word.
_GARBLED_NEXT = "([&"
# How far either side of "???" other undecodable letters are looked for: they stand close together.
_GARBLED_REACH = 12


def _starts_with(text: str, chars: str) -> bool:
    return bool(text) and text[0] in chars


def _ends_with(text: str, chars: str) -> bool:
    return bool(text) and text[-1] in chars


class ToneKnowledge:
    """The tone pack, read and checked once per set of packs. Its lexicons are compiled when first used (each
    takes milliseconds): most drafts need no more than the hostile words and the evidence markers."""

    def __init__(self, table: dict[str, Any], voice: SharedPass | None = None, parts: SharedPass | None = None) -> None:
        """`voice`: the pass of the lists that read the writer's voice; `parts`: of those that read a part's text."""
        self._voice = voice
        self._parts = parts
        weights: dict[str, float] = {}
        kind_of: dict[str, str] = {}
        for kind in KINDS:
            for term, weight in weighted(table, kind, source=PACK).items():
                key = ascii_lower(" ".join(term.split()))  # the lexicon's own spelling of it
                if weight >= weights.get(key, 0.0):
                    weights[key] = weight
                    kind_of[key] = kind
        self.min_punctuation_run = _positive_int(table, "min_punctuation_run", 3)
        self._hostile_weights = weights
        self.kind_of = kind_of
        intensified = strings(table, "intensified", source=PACK)
        self._innocent = strings(table, "innocent", source=PACK) + [
            f"{intensifier} {word}"
            for intensifier in strings(table, "intensifiers", source=PACK)
            for word in intensified
        ]
        self._evidence = strings(table, "evidence_markers", source=PACK)
        self._display = strings(table, "display_markers", source=PACK)
        self.acronyms = frozenset(a.upper() for a in strings(table, "acronyms", source=PACK))
        self.sentence_words = frozenset(w.upper() for w in strings(table, "shouted_sentence_words", source=PACK))
        self.screen_words = frozenset(w.upper() for w in strings(table, "screen_words", source=PACK))
        self.closings = tuple(c.lower() for c in strings(table, "closings", source=PACK))
        self._pinyin = (strings(table, "pinyin_initials", source=PACK), strings(table, "pinyin_finals", source=PACK))
        self.warning_score = float(table.get("warning_score", 2.0))
        self.min_caps_words = _positive_int(table, "min_caps_words", 3)
        self.min_caps_sentence_words = min(
            self.min_caps_words, _positive_int(table, "min_caps_sentence_words", self.min_caps_words)
        )
        self.needs_chinese = frozenset(
            ascii_lower(" ".join(t.split())) for t in strings(table, "needs_chinese", source=PACK)
        )
        self.personal_words = frozenset(w.upper() for w in strings(table, "personal_words", source=PACK))
        self.ultimatum = UltimatumKnowledge(table.get("ultimatum", {}), voice)
        self._accusation_table = table.get("accusation", {})
        self.censored = Censored(
            weighted(table, "censored", source=PACK), strings(table, "censored_suffixes", source=PACK)
        )

    @cached_property
    def accusation(self) -> re.Pattern[str] | None:
        return _accusation_pattern(self._accusation_table)

    @cached_property
    def accused_nouns(self) -> Lexicon:
        """The accusation's nouns, found in the pass of the voice's lists: its pattern is tried only in a voice that
        holds one."""
        return _term_lexicon(
            tuple(strings(self._accusation_table, "nouns", source=f"{PACK} [accusation]")), self._voice
        )

    @cached_property
    def hostile(self) -> Lexicon:
        return lexicon(self._hostile_weights, self._voice)

    @cached_property
    def innocent(self) -> Lexicon:
        return lexicon(self._innocent)

    @cached_property
    def evidence(self) -> Lexicon:
        return lexicon(self._evidence)  # read before the voice is made: not in its pass

    @cached_property
    def display(self) -> Lexicon:
        return lexicon(self._display, self._parts)

    @cached_property
    def pinyin_words(self) -> PinyinWords:
        return PinyinWords(*self._pinyin)

    @cached_property
    def punctuation_run(self) -> re.Pattern[str]:
        return compiled(f"[{_RUN_MARKS}]{{{self.min_punctuation_run},}}")

    def is_acronym(self, word: str) -> bool:
        """A known acronym ("SMS"), or capitals no one could pronounce as a word ("VFS", "MSFT")."""
        return word.upper() in self.acronyms or not _VOWELS.intersection(word.upper())

    def is_shout_word(self, word: str) -> bool:
        """A word of two letters or more in capitals that is not an acronym ("NEED", "DON'T"; not "SMS")."""
        return (
            compiled(CAPITALS).fullmatch(word) is not None
            and not self.is_acronym(word)
            and sum(c.isalpha() for c in word) >= 2
        )


class Censored:
    """Obscenities written with some letters masked ("f*ck", "sh!t", "f**king", "s***", "$hit"): a word of the
    same length as a root and suffix, its first letter kept or standing in for itself ("$" for s), every
    other letter kept, masked ("*", "#", "%") or written as its look-alike ("!" or "1" for i)."""

    def __init__(self, roots: dict[str, float], suffixes: list[str]) -> None:
        self._words: dict[int, list[tuple[str, float]]] = {}
        for root, weight in roots.items():
            for suffix in ("", *suffixes):
                word = ascii_lower(root + suffix)
                self._words.setdefault(len(word), []).append((word, weight))

    def finditer(self, text: str) -> Iterator[TermMatch]:
        if not any(mark in text for mark in _MASKS + _LOOK_ALIKE_MARKS) and not compiled(_LETTER_DIGIT).search(text):
            return  # most drafts: nothing masked
        for token in marked_words(text):
            word = token.group().rstrip(_TRAILING_MARKS)
            if not word or all(c.isalpha() for c in word):
                continue
            lower = ascii_lower(word)
            if len(word) > _BARE_MASKED and all(c in _MASKS for c in word[1:]):
                continue  # "c****": a masked name or address part, not an obscenity with its letters known
            for candidate, weight in self._words.get(len(word), ()):
                if all(_stands_for(c, w) for c, w in zip(lower, candidate, strict=True)) and (
                    lower[0] == candidate[0] or lower[0] in _LOOK_ALIKES
                ):
                    yield TermMatch(token.start(), token.start() + len(word), lower, weight)
                    break


def marked_words(text: str) -> Iterator[re.Match[str]]:
    """What `_MARKED_WORD` finds in `text`, searched only in the runs of the characters it is made of that hold what
    every such word holds. A match is made of those characters alone, so it lies inside one run, and searching the
    run alone finds what searching the whole text finds there (the look-behind still sees the character before)."""
    word, run = compiled(_MARKED_WORD), compiled(_MARKED_WORD_RUN)
    end = 0
    for held in compiled(_MARKED_WORD_HOLDS).finditer(text):
        at = held.start()
        if at < end:
            continue  # in the run searched last
        start = at
        while start and text[start - 1] in _MARKED_WORD_CHARS:
            start -= 1
        rest = run.match(text, at)
        end = rest.end() if rest is not None else at + 1
        yield from word.finditer(text, start, end)


def _stands_for(written: str, letter: str) -> bool:
    return written == letter or written in _MASKS or _LOOK_ALIKES.get(written) == letter


class UltimatumKnowledge:
    """The [ultimatum] tables of the tone pack: the parts an ultimatum is built from."""

    def __init__(self, table: dict[str, Any], voice: SharedPass | None = None) -> None:
        source = f"{PACK} [ultimatum]"
        if not isinstance(table, dict):
            raise PackError(f"rule pack {PACK}: `ultimatum` must be a table")
        weight = table.get("weight", 2.0)
        if not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
            raise PackError(f"rule pack {source}: `weight` must be a positive number")
        self.weight = float(weight)
        self._voice = voice
        self.verb_reach = _positive_int(table, "verb_reach", 4)
        self.target_reach = _positive_int(table, "target_reach", 6)
        self.verb_reach_zh = _positive_int(table, "verb_reach_zh", 10)
        self.target_reach_zh = _positive_int(table, "target_reach_zh", 12)
        self._lists = {
            key: strings(table, key, source=source)
            for key in (
                "consequences", "threat_verbs", "reach_verbs", "targets", "readers", "others", "conditions",
                "alternatives", "conditionals", "neglect", "deadlines", "deadline_openers", "deadline_units",
                "free_words", "progressive", "departures", "competitors", "audiences",
            )
        }  # fmt: skip
        self.free_words = frozenset(ascii_lower(w) for w in self._lists["free_words"])
        self.departures = frozenset(ascii_lower(w) for w in self._lists["departures"])

    def words(self, key: str) -> Lexicon:
        # What every voice is searched for goes in its pass; the rest reads pieces of it.
        together = self._voice if key in _READ_IN_EVERY_VOICE else None
        return _term_lexicon(tuple(self._lists[key]), together)

    @cached_property
    def verbs(self) -> Lexicon:
        """Threat verbs weigh 2 (they stand alone once set off), verbs that need a target 1."""
        weights = dict.fromkeys(self._lists["reach_verbs"] + self._lists["departures"], 1.0)
        weights.update(dict.fromkeys(self._lists["threat_verbs"], 2.0))
        return lexicon(weights)

    @cached_property
    def deadline(self) -> re.Pattern[str] | None:
        """An English deadline: an opener, then within three words a unit ("by Friday", "within 48 hours")."""
        openers, units = self._lists["deadline_openers"], self._lists["deadline_units"]
        if not openers or not units:
            return None
        either, unit = _alternatives(openers), _alternatives(units)
        return compiled(rf"\b(?:{either})(?:\s+[\w'-]+){{0,3}}?\s+(?:{unit})\b")


def _accusation_pattern(table: object) -> re.Pattern[str] | None:
    """The reader called an insulting name: a reader, a copula, up to three modifiers, a noun not followed by one
    of the continuations ("you are a bunch of scammers", "你们就是一群骗子"). Every match begins with a reader."""
    source = f"{PACK} [accusation]"
    if not isinstance(table, dict):
        raise PackError(f"rule pack {source}: `accusation` must be a table")
    parts = {
        key: strings(table, key, source=source) for key in ("readers", "copulas", "modifiers", "nouns", "continuations")
    }
    if not (parts["readers"] and parts["copulas"] and parts["nouns"]):
        return None
    readers, copulas, nouns = (_alternatives(parts[key]) for key in ("readers", "copulas", "nouns"))
    modifiers = rf"(?:(?:{_alternatives(parts['modifiers'])})\s*){{0,3}}" if parts["modifiers"] else ""
    after = rf"(?!\s*(?:{_alternatives(parts['continuations'])}))" if parts["continuations"] else ""
    return compiled(
        rf"(?<![A-Za-z])(?:{readers})\s*(?:{copulas})\s*{modifiers}(?:{nouns})(?![A-Za-z]){after}", re.IGNORECASE
    )


def _alternatives(words: list[str]) -> str:
    """The words as a regex alternation, longest first, any spacing between their words."""
    return "|".join(re.escape(ascii_lower(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# How far around an ultimatum's consequence and verb its condition, deadline and target are looked for, and
# how far after the verb its object.
_ULTIMATUM_REACH = 200
_OBJECT_REACH = 24
# How much after a threat verb is read for a condition or deadline that follows it.
_CONDITION_LOOKAHEAD = 40


# The ultimatum lists searched in the whole of every voice (`ultimatums`).
_READ_IN_EVERY_VOICE = frozenset({"consequences", "progressive"})


@lru_cache(maxsize=64)
def _term_lexicon(terms: tuple[str, ...], together: SharedPass | None) -> Lexicon:
    return lexicon(terms, together)


@lru_cache(maxsize=8)
def knowledge(packs: Packs) -> ToneKnowledge:
    return ToneKnowledge(packs.get(PACK), shared_pass(packs, VOICE_PASS), shared_pass(packs, PARTS_PASS))


class PinyinWords:
    """Which words are made of pinyin syllables ("ZHANG", "WEIMING"), a syllable being an optional initial and a
    final, in any case.

    The word is read once, marking where syllables may end: a long word that can be cut into syllables in many
    ways ("XIANXIAN...", xi-an or xian) costs time in its length. A regex of repeated syllables tried every way to
    cut it before failing: 90 letters took seconds, each four more twice as long."""

    def __init__(self, initials: list[str], finals: list[str]) -> None:
        self._syllables = frozenset(i.lower() + f.lower() for i in ("", *initials) for f in finals) - {""}
        self._longest = max(map(len, self._syllables), default=0)

    def match(self, word: str) -> bool:
        """Whether the whole word is one or more syllables."""
        word = word.lower()
        ends = [False] * (len(word) + 1)
        ends[0] = True
        for start in range(len(word)):
            if ends[start]:
                for end in range(start + 1, min(start + self._longest, len(word)) + 1):
                    if word[start:end] in self._syllables:
                        ends[end] = True
        return bool(word) and ends[-1]


def _positive_int(table: dict[str, object], key: str, default: int) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 2:
        raise PackError(f"rule pack {PACK}: `{key}` must be a whole number of at least 2")
    return value


# -- the writer's own voice ------------------------------------------------------------

# Records here are plain classes: a frozen dataclass takes about half a millisecond to create on import.


class Voice:
    """A part's text with everything that is not the writer's own tone blanked out.

    Offsets are those of the part; curly apostrophes are straightened so that
    "I’ll" matches "i'll". `original` is the part's text as the rules see it (the subject with
    its [tag], the body with quoted replies and signatures blank), `model` the part's text model.
    """

    __slots__ = ("_displays", "_line_starts", "model", "original", "part", "text")

    def __init__(self, part: str, text: str, original: str, model: TextModel) -> None:
        self.part = part
        self.text = text
        self.original = original
        self.model = model
        self._line_starts: list[int] | None = None
        self._displays: tuple[list[int], list[int]] | None = None

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Where the line holding `offset` starts and ends (its line break left out)."""
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in compiled(r"\n").finditer(self.text))]
        index = bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[index]
        end = self._line_starts[index + 1] - 1 if index + 1 < len(self._line_starts) else len(self.text)
        return start, end

    def displayed_between(self, start: int, end: int, known: ToneKnowledge) -> bool:
        """Whether a display word ("shows", "显示") stands within [start, end) of the original text. The
        words are found once: asked for every run of a long clause, a search from its start each time
        took time growing with the square of its length."""
        if self._displays is None:
            found = known.display.find(self.original)
            self._displays = ([m.start for m in found], [m.end for m in found])
        starts, ends = self._displays
        index = bisect_left(starts, start)
        return index < len(starts) and ends[index] <= end


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span blanked; line breaks stay, so offsets and lines hold."""
    pieces = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)  # spans may overlap: blanking twice is blanking once
        if end <= start:
            continue
        pieces.append(text[position:start])
        pieces.append(blank(text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _evidence_end(text: str, model: TextModel, marker: TermMatch) -> int:
    """Where the words a marker introduces stop: its sentence, or its paragraph after a colon."""
    line_end = text.find("\n", marker.end)
    line_rest = text[marker.end : len(text) if line_end < 0 else line_end].strip()
    if _starts_with(line_rest, _COLONS) or _ends_with(line_rest, _COLONS):
        paragraph = model.paragraph_at(marker.end)
        return paragraph.end if paragraph is not None else len(text)
    sentence = model.sentence_at(marker.end)
    end = model.words_end(sentence) if sentence is not None else len(text)
    return min(max(end, marker.end), marker.end + _EVIDENCE_REACH)


def writer_voice(text: str, model: TextModel, known: ToneKnowledge) -> str:
    """`text` (a part's, with `model` its text model) with names, quotations and reported words blanked."""
    names = _NAMES if compiled(_IN_EVERY_ADDRESS).search(text) else _NAMES_BUT_ADDRESSES
    others = [m.span() for m in compiled(names).finditer(text)]
    # The quotation marks go with the words they hold.
    others.extend((start - 1, end + 1) for start, end in model.quotations)
    unquoted = _blanked(text, others).replace("’", "'")
    # Markers are looked for once names and quotes are blank: a quoted "he wrote:" introduces nothing.
    evidence = [(marker.start, _evidence_end(unquoted, model, marker)) for marker in known.evidence.finditer(unquoted)]
    return _blanked(unquoted, evidence)


def voices(analysis: Analysis) -> tuple[Voice, ...]:
    """The subject (its [tag] left out) and the body, in the writer's own voice; computed once."""
    return analysis.memo(voices, lambda: _writer_voices(analysis))


def _writer_voices(analysis: Analysis) -> tuple[Voice, ...]:
    known = knowledge(analysis.packs)
    subject = analysis.subject_text
    if analysis.subject_tag is not None:
        tag_end = analysis.subject_tag.end
        subject = " " * tag_end + subject[tag_end:]
    found = []
    for part, text, original in (
        ("subject", subject, analysis.subject_text),
        ("body", analysis.body_text, analysis.body_text),
    ):
        model = analysis.text_model(part)
        found.append(Voice(part, writer_voice(text, model, known), original, model))
    return tuple(found)


# -- hostile wording --------------------------------------------------------------------


class HostileTerms:
    """The writer's hostile words, in order: kind "hostile-term", with `facts` kind (insult, threat,
    complaint or slang), weight (3 an insult ... 0.5 a mild complaint) and the lexicon's term."""

    name = "tone.hostile-terms"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        known = knowledge(analysis.packs)
        for voice in voices(analysis):
            innocent: _Spans | None = None  # looked for only once a hostile term turns up
            technical: dict[int, bool] = {}
            for match, kind, how in _hostile_matches(voice, known):
                if innocent is None:
                    innocent = _Spans(known.innocent.find(voice.text))
                if innocent.holds(match.start, match.end):
                    continue
                if voice.part == "body" and _on_technical_line(voice, match.start, technical):
                    continue  # "XFS: SB validate failed": a pasted log or encoded data is nobody's tone
                if match.term in known.needs_chinese and not _in_chinese_sentence(voice, match.start):
                    continue  # "SB" is Chinese abuse only among Chinese words
                if (
                    how != _ULTIMATUM
                    and not _said_in_first_person(match.term, known)
                    and voice.model.negated(match.start, words=_NEGATION_WORDS)
                ):
                    # An ultimatum's own denial is read between its parts: its condition denies. So is a term that
                    # opens with the writer's "I will" ("If you don't ban him I will find him"): a denial before it
                    # is the condition's, and one of its own ("I will not") stands inside it, where it cannot match.
                    continue
                yield Span(
                    "hostile-term",
                    voice.part,
                    match.start,
                    match.end,
                    confidence=min(1.0, match.weight / INSULT_WEIGHT),
                    evidence=(how, f"term:{match.term}"),
                    facts={"kind": kind, "weight": match.weight, "term": match.term},
                )


def _in_chinese_sentence(voice: Voice, offset: int) -> bool:
    sentence = voice.model.sentence_at(offset)
    start, end = (sentence.start, sentence.end) if sentence is not None else voice.line_bounds(offset)
    return has_cjk(voice.text[start:end])


def _on_technical_line(voice: Voice, offset: int, technical: dict[int, bool]) -> bool:
    """Whether the line holding `offset` is a pasted log or dump line; `technical` keeps each line's answer."""
    start, end = voice.line_bounds(offset)
    if start not in technical:
        technical[start] = _is_technical(voice.text[start:end])
    return technical[start]


def _hostile_matches(voice: Voice, known: ToneKnowledge) -> list[tuple[TermMatch, str, str]]:
    """(match, kind, evidence) of the lexicon's terms, masked obscenities and ultimatums, in order. A masked
    word the lexicon knows is its term; an ultimatum takes the place of the lighter threats inside it
    ("否则我就" in "否则我就起诉"), and gives way to a term as heavy as itself."""
    found = [
        (match, known.kind_of.get(match.term, "complaint"), f"lexicon:{known.kind_of.get(match.term, 'complaint')}")
        for match in known.hostile.finditer(voice.text)
    ]
    starts = [match.start for match, _, _ in found]

    def overlapping(start: int, end: int) -> list[int]:
        index = bisect_left(starts, start)
        if index > 0 and found[index - 1][0].end > start:
            index -= 1
        chosen = []
        while index < len(found) and found[index][0].start < end:
            if found[index][0].end > start:
                chosen.append(index)
            index += 1
        return chosen

    extra: list[tuple[TermMatch, str, str]] = []
    dropped: set[int] = set()
    # Read in the original: what the writer's voice blanks may be glued to the word ("c****n@orange.fr", an
    # address); a masked word whose own characters are blank is someone else's.
    for match in known.censored.finditer(voice.original):
        if voice.text[match.start : match.end].strip() != voice.original[match.start : match.end].replace("’", "'"):
            continue
        if not overlapping(match.start, match.end):
            extra.append((match, "insult", "masked:insult"))
    accusation = known.accusation if known.accused_nouns.search(voice.text) is not None else None
    if accusation is not None:
        for hit in accusation.finditer(voice.text):
            if not overlapping(hit.start(), hit.end()):
                term = ascii_lower(" ".join(hit.group().split()))
                extra.append((TermMatch(hit.start(), hit.end(), term, INSULT_WEIGHT), "insult", _ACCUSATION))
    weight = known.ultimatum.weight
    for ultimatum in ultimatums(voice, known):
        inside = overlapping(ultimatum.start, ultimatum.end)
        if any(found[i][0].weight >= weight for i in inside):
            continue
        dropped.update(i for i in inside if found[i][1] == "threat")
        if any(found[i][1] != "threat" for i in inside):
            continue  # an insult or a complaint inside it stays itself
        term = ascii_lower(" ".join(voice.text[ultimatum.start : ultimatum.end].split()))
        extra.append((TermMatch(ultimatum.start, ultimatum.end, term, weight), "threat", _ULTIMATUM))
    kept = [item for index, item in enumerate(found) if index not in dropped]
    return sorted(kept + extra, key=lambda item: item[0].start)


HOSTILE_TERMS = HostileTerms()


_ULTIMATUM = "structure:ultimatum"
_ACCUSATION = "structure:accusation"

# -- ultimatums -----------------------------------------------------------------------------


class Ultimatum:
    __slots__ = ("end", "start", "term")

    def __init__(self, start: int, end: int, term: str) -> None:
        self.start = start
        self.end = end
        self.term = term


def _is_zh(term: str) -> bool:
    return has_cjk(term)


def _gap(text: str, start: int, end: int, zh: bool) -> int:
    """What stands between two parts: characters in Chinese, words in English."""
    if zh:
        return end - start
    return len(compiled(WORD).findall(text, start, end))


def _said_in_first_person(term: str, known: ToneKnowledge) -> bool:
    """Whether a hostile term opens with a consequence of the writer's ("i will find him", "我会让他后悔")."""
    found = known.ultimatum.words("consequences").search(term)
    return found is not None and found.start == 0


def ultimatums(voice: Voice, known: ToneKnowledge) -> Iterator[Ultimatum]:
    """The writer's ultimatums: a consequence of theirs ("I will", "我就") closely followed by an escalation
    verb ("report", "投诉") that is aimed at the reader, taken to a target, or set off by a condition of the
    reader's inaction or a deadline in its sentence. A denied one ("I will not go to the press") is not said;
    one aimed at someone else ("I will report him to the police") is a report, not a threat."""
    parts = known.ultimatum
    text, model = voice.text, voice.model
    consequences = parts.words("consequences").find(text)
    # "I'm switching to ...", "we're telling ...": the present of a decision taken, its verb right after it.
    progressive = parts.words("progressive").find(text)
    if progressive:
        consequences = sorted(consequences + progressive, key=lambda match: (match.start, -match.end))
    if not consequences:
        return  # most drafts: the writer announces nothing
    immediate = {(match.start, match.end) for match in progressive}
    verbs = parts.verbs.find(text)
    if not verbs:
        return
    starts = [v.start for v in verbs]
    taken = -1
    for consequence in consequences:
        if consequence.start < taken:
            continue
        sentence = model.sentence_at(consequence.start)
        if sentence is None:
            continue
        index = bisect_left(starts, consequence.end)
        if index == len(verbs):
            break
        verb = verbs[index]
        zh = _is_zh(verb.term)
        reach = parts.verb_reach_zh if zh else parts.verb_reach
        if (consequence.start, consequence.end) in immediate:
            reach = min(reach, 1)
        if verb.start >= sentence.end or _gap(text, consequence.end, verb.start, zh) > reach:
            continue
        denial = model.negation_before(verb.start, words=reach)
        if denial is not None and denial.start >= consequence.start:
            continue  # "I will not go to the press"; not the condition's "if this isn't fixed"
        # Only the words around it are read: a sentence of pasted text may run on for pages.
        start = max(sentence.start, consequence.start - _ULTIMATUM_REACH)
        end = min(sentence.end, verb.end + _ULTIMATUM_REACH)
        found = _ultimatum_end(text, model, parts, consequence, verb, start, end, zh)
        if found is not None:
            taken = found
            yield Ultimatum(consequence.start, found, verb.term)


def _ultimatum_end(
    text: str,
    model: TextModel,
    parts: UltimatumKnowledge,
    consequence: TermMatch,
    verb: TermMatch,
    sentence_start: int,
    sentence_end: int,
    zh: bool,
) -> int | None:
    """Where the ultimatum ending at `verb` ends (its target or reader included), None if it is none."""
    after = _first_after(text, verb.end, " \t")
    reader = parts.words("readers").search(text[after : min(sentence_end, after + _OBJECT_REACH)])
    if reader is not None and reader.start == 0 and verb.weight >= parts.weight:
        return after + reader.end  # "report you", "投诉你们"; not "contact you again"
    other = parts.words("others").search(text[after : min(sentence_end, after + _OBJECT_REACH)])
    third = other is not None and other.start == 0
    target_reach = parts.target_reach_zh if zh else parts.target_reach
    end = verb.end
    for target in parts.words("targets").finditer(text[consequence.end : sentence_end]):
        start = consequence.end + target.start
        if start >= verb.end and _gap(text, verb.end, start, zh) > target_reach:
            break
        end = max(end, consequence.end + target.end)
        if not third:
            return end  # "go to the press", "去工信部投诉"
    if not third:
        # Leaving for a competitor, telling one's customers: a threat only once a condition or deadline sets it off
        # ("switch to WhatsApp if this isn't fixed"); "tell my team to use another app" stays a plan.
        kind = "competitors" if ascii_lower(verb.term) in parts.departures else "audiences"
        for target in parts.words(kind).finditer(text[verb.end : sentence_end]):
            if _gap(text, verb.end, verb.end + target.start, zh) > target_reach:
                break
            if _set_off(text, model, parts, consequence, sentence_start, sentence_end):
                return verb.end + target.end
            break
    if third or verb.weight < parts.weight:
        return None  # a report about someone else; "go", "write" with nowhere to go
    if not zh and after < sentence_end:
        word = compiled(WORD).match(text, after)
        if word is not None and not _is_free(text, after, word.group(), parts):
            return None  # "report this bug": what is reported, to no one in particular
    if _set_off(text, model, parts, consequence, sentence_start, sentence_end):
        return end
    return None


def _is_free(text: str, start: int, word: str, parts: UltimatumKnowledge) -> bool:
    """Whether what follows a threat verb leaves it without an object: a free word ("complain to"), or a
    condition or deadline ("file a complaint if ...", "report it by Friday")."""
    if ascii_lower(word) in parts.free_words:
        return True
    rest = text[start : start + _CONDITION_LOOKAHEAD]
    for key in ("conditions", "conditionals", "alternatives"):
        found = parts.words(key).search(rest)
        if found is not None and found.start == 0:
            return True
    deadline = parts.deadline
    return deadline is not None and deadline.match(ascii_lower(rest)) is not None


def _set_off(
    text: str, model: TextModel, parts: UltimatumKnowledge, consequence: TermMatch, start: int, end: int
) -> bool:
    """Whether the sentence [start, end) sets the consequence off: a condition, an alternative right before it
    ("... or I will", "否则我就"), a condition of the reader's inaction ("if I don't hear back", "再不处理") or a
    deadline ("by Friday", "三天内")."""
    sentence = text[start:end]
    if parts.words("conditions").search(sentence) is not None:
        return True
    for alternative in parts.words("alternatives").finditer(text[start : consequence.start]):
        zh = _is_zh(alternative.term)
        if _gap(text, start + alternative.end, consequence.start, zh) <= (3 if zh else 1):
            return True
    for conditional in parts.words("conditionals").finditer(sentence):
        begin = start + conditional.end
        clause = model.clause_at(begin)
        stop = min(end, clause.end if clause is not None else end)
        if parts.words("neglect").search(text[begin:stop]) is not None:
            return True
        kinds = frozenset({CueKind.DENIAL, CueKind.INABILITY})
        cue = model.negation_before(max(begin, stop - 1), kinds=kinds, reach=max(0, stop - begin))
        if cue is not None and cue.start >= begin:
            return True
    if parts.words("deadlines").search(sentence) is not None:
        return True
    return parts.deadline is not None and parts.deadline.search(ascii_lower(sentence)) is not None


class _Spans:
    """Matches of a lexicon (in order, not overlapping), asked whether one holds a span."""

    def __init__(self, matches: list[TermMatch]) -> None:
        self._starts = [m.start for m in matches]
        self._ends = [m.end for m in matches]

    def holds(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and self._ends[index] >= end


# -- shouting in capitals ----------------------------------------------------------------


class CapsRun:
    __slots__ = ("end", "start", "words")

    def __init__(self, start: int, end: int, words: int) -> None:
        self.start = start
        self.end = end
        self.words = words


def _caps_runs(line: str, known: ToneKnowledge) -> Iterator[CapsRun]:
    """Runs of all-caps words on one line; acronyms and one-letter words neither count nor break."""
    run = _RunBuilder()
    previous_end = 0
    run_gap = compiled(_RUN_GAP)
    for token in compiled(WORD).finditer(line):
        word = token.group()
        if run.open and run_gap.fullmatch(line, previous_end, token.start()) is None:
            yield from run.close()
        previous_end = token.end()
        if any(c.islower() for c in word) or "_" in word:
            yield from run.close()
        elif known.is_shout_word(word) and compiled(_VERSION_AFTER).match(line, token.end()) is None:
            run.add(token.start(), token.end())
        else:
            run.open = True  # an acronym, a number, "I": the run goes on through it
    yield from run.close()


class _RunBuilder:
    def __init__(self) -> None:
        self.open = False
        self.start = self.end = self.words = 0

    def add(self, start: int, end: int) -> None:
        if self.words == 0:
            self.start = start
        self.open = True
        self.end = end
        self.words += 1

    def close(self) -> Iterator[CapsRun]:
        if self.words:
            yield CapsRun(self.start, self.end, self.words)
        self.open = False
        self.words = 0


def _is_heading(line: str, known: ToneKnowledge) -> bool:
    """A line all in capitals with no sentence punctuation and no word aimed at the reader. A title may
    end with a full stop, when it speaks of no one ("UNITED NATIONS PAYMENT NOTIFICATION.")."""
    if has_cjk(line):
        return False
    words = [token.group() for token in compiled(WORD).finditer(line)]
    # A lone small letter is a subsection's ("§ 512(c)(3)"), not a word written in small letters.
    if any(len(word) > 1 and any(c.islower() for c in word) for word in words):
        return False
    if any(word in known.sentence_words for word in words):
        return False
    written = line.rstrip()
    if _ends_with(written, _TITLE_STOP) and not any(word in known.personal_words for word in words):
        written = written[:-1]
    return compiled(_SENTENCE_PUNCTUATION).search(written) is None


def _is_technical(line: str) -> bool:
    """A pasted log or dump line: a timestamp or a level first, a kernel's uptime, hex numbers or encoded data."""
    return (
        compiled(_LOG_LINE).match(line) is not None
        or compiled(_HEX_NUMBER).search(line) is not None
        or compiled(_UPTIME).search(line) is not None
        or _is_data_line(line)
    )


def _is_data_line(line: str) -> bool:
    """A line mostly made of encoded data: a token pasted in a sentence ("The bot token is 1898835844:AAT...
    if you want to test it") leaves the sentence the writer's."""
    data = sum(len(chunk.group()) for chunk in compiled(_DATA_CHUNK).finditer(line) if _is_data(chunk.group()))
    return data > 0 and data >= _DATA_SHARE * len("".join(line.split()))


def _is_data(chunk: str) -> bool:
    """Letters, digits and symbols run together: encoded data, not words (Chinese is written without spaces)."""
    if not chunk.isascii():
        return False
    symbols = sum(not c.isalnum() for c in chunk)
    return symbols >= _DATA_SYMBOLS and any(c.isdigit() for c in chunk) and any(c.isalpha() for c in chunk)


def _run_words(line: str, run: CapsRun) -> list[str]:
    return [t.group() for t in compiled(WORD).finditer(line, run.start, run.end)]


def _is_name_or_screen_text(line: str, run: CapsRun, known: ToneKnowledge) -> bool:
    """ "ZHANG WEI MING" (pinyin syllables only), "CONNECTION TIMED OUT" (an error text), "PP PA PE PPA"
    (abbreviations listed; a sentence shorter than a run is not a list: "HELP ME!")."""
    words = [w for w in _run_words(line, run) if known.is_shout_word(w)]
    if all(known.pinyin_words.match(word) for word in words):
        return True
    if len(words) >= known.min_caps_words and _are_abbreviations(words, known):
        return True
    return any(w in known.screen_words for w in words) and not any(w in known.sentence_words for w in words)


def _is_link_title(line: str, run: CapsRun) -> bool:
    """ "TRANSFER A BALANCE ONLINE <https://...>": a link's title (`line` is the original, links written)."""
    after = _first_after(line, run.end, " \t()[]<>\"'")
    return line.startswith(("http://", "https://", "www."), after)


def _are_abbreviations(words: list[str], known: ToneKnowledge) -> bool:
    return (
        all(len(word) <= _SHORT_WORD for word in words)
        and 2 * sum(len(word) <= 2 for word in words) >= len(words)
        and not any(word in known.sentence_words for word in words)
    )


def _signature_start(lines: list[str], known: ToneKnowledge) -> int:
    """The line after a closing ("Best regards,", "此致") near the end, or len(lines)."""
    written = [i for i, line in enumerate(lines) if line.strip()]
    for index in reversed(written[-_CLOSING_REACH:]):
        phrase = lines[index].strip().rstrip(",，.。!！:：").lower()
        if len(phrase) <= _CLOSING_LENGTH and phrase.startswith(known.closings):
            return index + 1
    return len(lines)


def _is_labelled(line: str, run: CapsRun) -> bool:
    """ "DEVICE INFO: ..." (a label) or "Error: CONNECTION FAILED" (a field's value)."""
    after = _first_after(line, run.end, " \t\"'”’")
    if after < len(line) and line[after] in _COLONS:
        return True
    if compiled(_WRITING_WORD).search(line, run.end) is not None:
        return False  # words follow: not a field's value
    colon = max(line.rfind(":", 0, run.start), line.rfind("：", 0, run.start))
    return 0 <= colon <= _LABEL_LENGTH


def _follows_status_code(line: str, run: CapsRun) -> bool:
    """ "429 TOO MANY REQUESTS", "500 INTERNAL SERVER ERROR": a status line, not shouting."""
    # The code stands right before the spaces before the run: only that much is read.
    code_end = _last_before(line, 0, run.start, None) + 1
    return compiled(_STATUS_CODE).search(line, max(0, code_end - 3), run.start) is not None


def _is_displayed(voice: Voice, start: int, known: ToneKnowledge) -> bool:
    """A screen's text: "the app shows ...", "显示成..." earlier in the same clause."""
    return voice.displayed_between(voice.model.clause_start(start), start, known)


def _is_announced(voice: Voice, start: int, known: ToneKnowledge) -> bool:
    """A banner or notice the writer copies after announcing it: "I got this SMS: DO NOT SHARE THIS CODE",
    "This is the email I got:" and the notice on the lines below. The colon ends a line or clause holding a
    display word ("shows", "email", "收到")."""
    text = voice.original
    before = _last_before(text, max(0, start - _ANNOUNCE_REACH), start, " \t\r\n\"'“‘>")
    if before < 0 or text[before] not in _COLONS:
        return False
    line_start = text.rfind("\n", 0, before) + 1
    return known.display.search(text[max(line_start, before - _ANNOUNCE_REACH) : before]) is not None


def _first_after(text: str, start: int, skipped: str) -> int:
    """Where the first character from `start` on that is not one of `skipped` stands (len(text) if none)."""
    index = start
    while index < len(text) and text[index] in skipped:
        index += 1
    return index


def _last_before(text: str, floor: int, end: int, skipped: str | None) -> int:
    """Where the last character before `end` that is not one of `skipped` (None: a space) stands, floor - 1
    if none from `floor` on: read back over the few characters between, not from `floor` on."""
    index = end - 1
    while index >= floor and (text[index].isspace() if skipped is None else text[index] in skipped):
        index -= 1
    return index


def _shouting_runs(voice: Voice, known: ToneKnowledge) -> Iterator[tuple[int, int, int]]:
    """(start, end, words) of each run of shouting in the writer's voice."""
    least = known.min_caps_sentence_words
    if len(compiled(_CAPITALS_PAIR).findall(voice.text)) < least:
        return  # most drafts: not capitals enough anywhere for one run
    lines = voice.text.split("\n")
    line_starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    candidates = _lines_with_capitals(voice.text, line_starts, least)
    if not candidates:
        return
    body = voice.part == "body"
    signature = _signature_start(lines, known) if body else len(lines)
    for index in candidates:
        line = lines[index]
        if body and (index >= signature or _is_heading(line, known) or _is_technical(line)):
            continue
        for run in _caps_runs(line, known):
            if run.words < known.min_caps_words and not _is_whole_sentence(line, run, known):
                continue
            if _is_labelled(line, run):
                continue
            if _is_name_or_screen_text(line, run, known):
                continue
            if _is_link_title(voice.original[line_starts[index] : line_starts[index] + len(line)], run):
                continue
            start = line_starts[index] + run.start
            if _is_displayed(voice, start, known) or _follows_status_code(line, run):
                continue
            if _is_announced(voice, start, known):
                continue
            yield start, line_starts[index] + run.end, run.words


def _is_whole_sentence(line: str, run: CapsRun, known: ToneKnowledge) -> bool:
    """ "FIX IT.", "HELP ME!!!", "ANSWER ME?": a sentence all in capitals shouts however short it is; a closing
    ("THANK YOU!") does not."""
    if run.words < known.min_caps_sentence_words:
        return False
    before = _last_before(line, 0, run.start, " \t\"'“‘(")
    if before >= 0 and (line[before] not in _SENTENCE_ENDS or _is_initial(line, before)):
        return False
    # The mark follows the words: "CALL NOW !", spaced as a template or an advert lays it out, is no sentence.
    after = _first_after(line, run.end, "\"'”’)")
    if after >= len(line) or line[after] not in _SENTENCE_ENDS:
        return False
    phrase = " ".join(_run_words(line, run)).lower()
    return not phrase.startswith(known.closings)


def _is_initial(line: str, stop: int) -> bool:
    """The full stop at `stop` ends a lone capital ("Document N."), an abbreviation's, not a sentence's."""
    return line[stop] == "." and stop >= 1 and line[stop - 1].isupper() and (stop < 2 or not line[stop - 2].isalnum())


def _lines_with_capitals(text: str, line_starts: list[int], least: int) -> list[int]:
    """The lines (by index) holding capitals enough for a run of `least` shouted words."""
    pairs = compiled(_CAPITALS_PAIR).finditer(text)
    per_line = Counter(bisect_right(line_starts, pair.start()) - 1 for pair in pairs)
    return sorted(index for index, count in per_line.items() if count >= least)


class Shouting:
    """Runs of at least `min_caps_words` words in capitals: kind "shouting", `facts["words"]` their number.
    Acronyms, headings, labels, log lines, names in pinyin and a screen's text are not shouting."""

    name = "tone.shouting"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        known = knowledge(analysis.packs)
        for voice in voices(analysis):
            for start, end, words in _shouting_runs(voice, known):
                yield Span("shouting", voice.part, start, end, evidence=("capitals",), facts={"words": words})


SHOUTING = Shouting()


# -- runs of "!!!" and "？？？" ---------------------------------------------------------------


def _is_garbled_display(voice: Voice, run: re.Match[str], known: ToneKnowledge, garbled: dict[int, bool]) -> bool:
    """ "???" standing for characters the app could not show, or for an unknown value. `garbled` keeps,
    by line, whether the line is so much made of "?" that it is text the app could not display."""
    if set(run.group()) - set("?？"):
        return False
    text = voice.original
    before = _last_before(text, 0, run.start(), " \t")
    if before >= 0 and text[before] in _COLONS + "\"'“‘「『(（[【=":
        return True
    line_start, line_end = voice.line_bounds(run.start())
    if line_start not in garbled:
        written = "".join(text[line_start:line_end].split())
        # A decoder leaves the ASCII "?", and no Chinese it could read: "？" and "?" among more Han are typed.
        marks = written.count("?")
        garbled[line_start] = marks >= _GARBLED_SHARE * len(written) and len(compiled(HAN).findall(written)) < marks
    if garbled[line_start]:
        return True
    neighbours = text[run.start() - 1 : run.start()], text[run.end() : run.end() + 1]
    if all(ch.isascii() and ch.isalnum() for ch in neighbours if ch) and all(neighbours):
        return True  # inside a word: "caf???s"
    if _scattered_marks(text, run.start(), run.end(), line_start, line_end):
        return True
    following = text[run.end() : run.end() + 1]
    if (
        following
        and following.isascii()
        and (following.isalnum() or following in _GARBLED_NEXT)
        and "？" not in run.group()
    ):
        return True  # "?????(charset)", "???s": letters that became "?", glued to what follows
    clause_start = max(voice.model.clause_start(run.start()), run.start() - _DISPLAY_REACH)
    return known.display.search(text[clause_start : run.start()]) is not None


def _scattered_marks(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    """Whether more "?" stand near [start, end), in the stretch without spaces that holds it, apart from the run:
    letters a decoder could not read, each become "?" ("?&#xFF71;?t?@?C???&#xFF8C;?"). Someone asking
    ends a word with the marks ("broken???")."""
    before = start
    while before > max(line_start, start - _GARBLED_REACH) and not text[before - 1].isspace():
        before -= 1
    after = end
    while after < min(line_end, end + _GARBLED_REACH) and not text[after].isspace():
        after += 1
    stretch = text[before:start] + text[end:after]
    # A decoder writes the ASCII "?" among the ASCII letters it could read; Chinese, written without spaces,
    # puts a second typed run in the same stretch ("没人理？？？你们到底管不管？？？"), and a full-width "？" is typed.
    return "？" not in text[start:end] and "?" in stretch and any(c.isascii() and c.isalnum() for c in stretch)


def punctuation_runs(voice: Voice, known: ToneKnowledge) -> Iterator[re.Match[str]]:
    """Runs in the writer's voice; the original text tells what they stand after. Each line is judged
    once (a log line, a line of "?"), however many runs it holds."""
    if sum(map(voice.text.count, _RUN_MARKS)) < known.min_punctuation_run:
        return  # most drafts: not marks enough in all for one run
    technical: dict[int, bool] = {}
    garbled: dict[int, bool] = {}
    for run in known.punctuation_run.finditer(voice.text):
        line_start, line_end = voice.line_bounds(run.start())
        if line_start not in technical:
            technical[line_start] = _is_technical(voice.text[line_start:line_end])
        if not technical[line_start] and not _is_garbled_display(voice, run, known, garbled):
            yield run


class PunctuationRuns:
    """Runs of at least `min_punctuation_run` of ! ? ！ ？: kind "punctuation-run". "???" standing for text
    the app could not display, and marks in log lines, are not runs."""

    name = "tone.punctuation-runs"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        known = knowledge(analysis.packs)
        for voice in voices(analysis):
            for run in punctuation_runs(voice, known):
                yield Span("punctuation-run", voice.part, run.start(), run.end(), evidence=("marks",))


PUNCTUATION_RUNS = PunctuationRuns()
