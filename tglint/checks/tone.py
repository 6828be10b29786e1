"""Tone rules: the guide's 避免情绪化的表达, 情绪化的表达和抱怨语气 and 使用非正式的网络用语.

Sentiment is not tone: a calm report of a bad event reads as negative. These rules look
for what makes a mail hostile instead: insults, threats and pressure, piled-up
complaints and angry slang (weighted lexicons in rules/*/tone.toml), shouting in
capitals, and runs of "!!!" or "？？？".

Only the writer's own voice is judged. Quoted replies and signatures are already blank
in `analysis.body_text`; on top of that, words inside quotation marks and words after an
evidence marker ("he wrote:", "他骂我", "消息内容：") are someone else's, which an abuse
report has to repeat; and a denied term ("this is not a scam company") is not said.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Any

from tglint.analysis import Analysis
from tglint.language import has_cjk
from tglint.lexicon import Lexicon, TermMatch, ascii_lower, lexicon
from tglint.models import Edit, Fix, Hit, Severity
from tglint.packs import PackError, Packs, strings, weighted
from tglint.patterns import compiled
from tglint.rule import Rule, RuleDoc

PACK = "tone"
KINDS = ("insult", "threat", "complaint", "slang")
INSULT_WEIGHT = 3.0

CALM_EXAMPLE_EN = "This blocks my work; I would appreciate a reply within a week."
CALM_EXAMPLE_ZH = "这个问题影响了我的正常工作，希望能在一周内得到回复。"

# Someone else's words: quotation marks of both languages. Curly quotes may wrap over a
# line (never over a blank one); straight quotes stay on their line, since a stray inch
# mark must not swallow the text after it. An apostrophe inside a word ("don't") does
# not close a single-quoted span. Every branch begins with its quotation mark (the check on what
# stands before a straight one comes after it), so the search jumps from one mark to the next.
_QUOTED = (
    r"“(?:[^”\n]|\n(?![ \t]*\n)){0,400}”"
    r"|‘(?:[^’\n]|(?<=[A-Za-z])’(?=[A-Za-z])){0,300}’"
    r"|「[^」]{0,400}」|『[^』]{0,400}』|《[^》\n]{0,100}》"
    r"|\"[^\"\n]{0,300}\""
    r"|'(?<![A-Za-z0-9]')(?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z])){1,300}'(?![A-Za-z0-9])"
)
# Addresses and handles are names, not words: "@ANGRY_BIRD_SHOP" is nobody shouting.
_LINK = r"https?://\S+|www\.\S+|t\.me/\S+"
_ADDRESS = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"@\w+"
_NAMES = f"{_LINK}|{_ADDRESS}|{_HANDLE}"
# Most drafts hold no e-mail address: without that branch every branch begins with a literal,
# and the search jumps from one to the next instead of trying each position.
_NAMES_BUT_ADDRESSES = f"{_LINK}|{_HANDLE}"
_IN_EVERY_ADDRESS = r"@[\w-]+\.[\w-]"
_SENTENCE_END = r"[。！？!?;；]|\.(?=\s|$)|\n[ \t]*\n"
_CLAUSE_END = r"[。！？!?;；,，、]|\.(?=\s|$)"
_PARAGRAPH_END = r"\n[ \t]*\n"
_EVIDENCE_REACH = 300
_COLONS = ":："
_NOT_LINE_BREAK = r"[^\n]"

# A word for the shouting check: letters and digits, with inner apostrophes, hyphens,
# dots, slashes, ampersands or underscores ("DON'T", "WI-FI", "AT&T", "FLOOD_WAIT").
_TOKEN = r"[A-Za-z0-9]+(?:['&\-_./][A-Za-z0-9]+)*"
_SHOUT_WORD = r"[A-Z]+(?:'[A-Z]+)?"
# Every shouted word holds one of these, inside itself: a line with fewer than the words of a run
# cannot shout.
_CAPITALS_PAIR = r"[A-Z]'?[A-Z]"
# Between two words of one run: spaces and punctuation, never a Chinese character.
_RUN_GAP = r"[ \t\u3000,.;:!?！？，。'\"“”‘’()\-–—&/*]*"
_LOG_LINE = r"\s*(?:\[|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}:\d{2}|[VDIWEF]/)"
_SENTENCE_PUNCTUATION = r"[.!?！？。]"
# What a run of marks ("!!!", "？？？", "?!?!") is made of.
_RUN_MARKS = "!?！？"
# A field's value ("Error: CONNECTION FAILED", "Name: ZHANG WEI") follows a short label.
_LABEL_LENGTH = 40
# How far before "???" a display word may stand ("名字显示成？？？", "shows ???").
_DISPLAY_REACH = 24
# A closing line ("Best regards," "Thanks for your help,") among the last written lines.
_CLOSING_REACH = 8
_CLOSING_LENGTH = 40
_WRITING_WORD = r"[A-Za-z0-9\u3400-\u9fff]"
_SENTENCE_START = r"(?<=[.!?！？。]\s)\s*[a-z]"
_STATUS_CODE = r"(?<![\d.])\d{3}\s+$"
_HEX_NUMBER = r"\b0x[0-9A-Fa-f]+\b"
# A line this much made of "?" is text the app could not display, not questions.
_GARBLED_SHARE = 0.3


def _starts_with(text: str, chars: str) -> bool:
    return bool(text) and text[0] in chars


def _ends_with(text: str, chars: str) -> bool:
    return bool(text) and text[-1] in chars


class ToneKnowledge:
    """The tone pack, read and checked once per set of packs. Its lexicons are compiled when first used (each
    takes milliseconds): most drafts need no more than the hostile words and the evidence markers."""

    def __init__(self, table: dict[str, Any]) -> None:
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
        self._innocent = strings(table, "innocent", source=PACK)
        self._negators = strings(table, "negators", source=PACK)
        self._negation_breakers = strings(table, "negation_breakers", source=PACK)
        self._evidence = strings(table, "evidence_markers", source=PACK)
        self._display = strings(table, "display_markers", source=PACK)
        self.acronyms = frozenset(a.upper() for a in strings(table, "acronyms", source=PACK))
        self.sentence_words = frozenset(w.upper() for w in strings(table, "shouted_sentence_words", source=PACK))
        self.screen_words = frozenset(w.upper() for w in strings(table, "screen_words", source=PACK))
        self.closings = tuple(c.lower() for c in strings(table, "closings", source=PACK))
        self._pinyin = (strings(table, "pinyin_initials", source=PACK), strings(table, "pinyin_finals", source=PACK))
        self.warning_score = float(table.get("warning_score", 2.0))
        self.min_caps_words = _positive_int(table, "min_caps_words", 3)

    @cached_property
    def hostile(self) -> Lexicon:
        return lexicon(self._hostile_weights)

    @cached_property
    def innocent(self) -> Lexicon:
        return lexicon(self._innocent)

    @cached_property
    def negators(self) -> Lexicon:
        return lexicon(self._negators)

    @cached_property
    def negation_breakers(self) -> Lexicon:
        return lexicon(self._negation_breakers)

    @cached_property
    def evidence(self) -> Lexicon:
        return lexicon(self._evidence)

    @cached_property
    def display(self) -> Lexicon:
        return lexicon(self._display)

    @cached_property
    def pinyin_words(self) -> PinyinWords:
        return PinyinWords(*self._pinyin)

    @cached_property
    def punctuation_run(self) -> re.Pattern[str]:
        return compiled(f"[{_RUN_MARKS}]{{{self.min_punctuation_run},}}")


@lru_cache(maxsize=8)
def knowledge(packs: Packs) -> ToneKnowledge:
    return ToneKnowledge(packs.get(PACK))


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
    "I’ll" matches "i'll".
    """

    __slots__ = ("part", "text")

    def __init__(self, part: str, text: str) -> None:
        self.part = part
        self.text = text


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span blanked; line breaks stay, so offsets and lines hold."""
    pieces = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)  # spans may overlap: blanking twice is blanking once
        if end <= start:
            continue
        pieces.append(text[position:start])
        pieces.append(compiled(_NOT_LINE_BREAK).sub(" ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _evidence_end(text: str, marker: TermMatch) -> int:
    """Where the words a marker introduces stop: its sentence, or its paragraph after a colon."""
    line_end = text.find("\n", marker.end)
    line_rest = text[marker.end : len(text) if line_end < 0 else line_end].strip()
    introduces_block = _starts_with(line_rest, _COLONS) or _ends_with(line_rest, _COLONS)
    found = compiled(_PARAGRAPH_END if introduces_block else _SENTENCE_END).search(text, marker.end)
    end = found.start() if found else len(text)
    return end if introduces_block else min(end, marker.end + _EVIDENCE_REACH)


def writer_voice(text: str, known: ToneKnowledge) -> str:
    names = _NAMES if compiled(_IN_EVERY_ADDRESS).search(text) else _NAMES_BUT_ADDRESSES
    others = [m.span() for source in (names, _QUOTED) for m in compiled(source).finditer(text)]
    unquoted = _blanked(text, others).replace("’", "'")
    # Markers are looked for once names and quotes are blank: a quoted "he wrote:" introduces nothing.
    evidence = [(marker.start, _evidence_end(unquoted, marker)) for marker in known.evidence.finditer(unquoted)]
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
    return (
        Voice("subject", writer_voice(subject, known)),
        Voice("body", writer_voice(analysis.body_text, known)),
    )


def _clause_before(text: str, start: int) -> int:
    """Where the clause holding `start` begins (after the last clause mark on its line)."""
    line_start = text.rfind("\n", 0, start) + 1
    clause_start = line_start
    for mark in compiled(_CLAUSE_END).finditer(text, line_start, start):
        clause_start = mark.end()
    return clause_start


# -- hostile wording --------------------------------------------------------------------


class HostileTerm:
    __slots__ = ("end", "kind", "part", "start", "term", "weight")

    def __init__(self, part: str, start: int, end: int, term: str, kind: str, weight: float) -> None:
        self.part = part
        self.start = start
        self.end = end
        self.term = term
        self.kind = kind
        self.weight = weight


def _is_denied(text: str, match: TermMatch, known: ToneKnowledge) -> bool:
    """A term just after "not", "不是"... (same clause, three words or six characters back)."""
    clause_start = _clause_before(text, match.start)
    before = text[clause_start : match.start]
    if before.rstrip()[-1:].isascii():
        words = list(re.finditer(r"[A-Za-z']+", before))
        window = before[words[-3].start() :] if len(words) >= 3 else before
    else:
        window = before[-6:]
    if known.negators.search(window) is None:
        return False
    return known.negation_breakers.search(before + text[match.start : match.end]) is None


def hostile_terms(analysis: Analysis) -> list[HostileTerm]:
    """The writer's hostile words, in order, with the weight of each; computed once per draft."""
    return analysis.memo(hostile_terms, lambda: _find_hostile_terms(analysis))


def _find_hostile_terms(analysis: Analysis) -> list[HostileTerm]:
    known = knowledge(analysis.packs)
    found: list[HostileTerm] = []
    for voice in voices(analysis):
        innocent: list[TermMatch] | None = None  # looked for only once a hostile term turns up
        for match in known.hostile.finditer(voice.text):
            if innocent is None:
                innocent = known.innocent.find(voice.text)
            if any(i.start <= match.start and match.end <= i.end for i in innocent):
                continue
            if _is_denied(voice.text, match, known):
                continue
            kind = known.kind_of.get(match.term, "complaint")
            found.append(HostileTerm(voice.part, match.start, match.end, match.term, kind, match.weight))
    return found


def _part_text(analysis: Analysis, part: str) -> str:
    return analysis.subject_text if part == "subject" else analysis.body_text


def _is_hostile(terms: list[HostileTerm], known: ToneKnowledge) -> bool:
    """Any insult, or enough threats, pressure, complaints and slang together."""
    return any(t.weight >= INSULT_WEIGHT for t in terms) or sum(t.weight for t in terms) >= known.warning_score


def _worst(terms: list[HostileTerm]) -> HostileTerm:
    return max(terms, key=lambda t: (t.weight, -_PART_RANK[t.part], -t.start))


_PART_RANK = {"subject": 0, "body": 1}


def _hostile_message(analysis: Analysis, worst: HostileTerm, shown: str, others: int) -> str:
    more_en = f" (and {others} more such expression{'s' if others != 1 else ''})" if others else ""
    more_zh = f"（另有{others}处类似表达）" if others else ""
    calm_en = f'State the facts and their impact calmly instead, e.g. "{CALM_EXAMPLE_EN}"'
    calm_zh = f"请改为平和、客观地说明事实和影响，例如“{CALM_EXAMPLE_ZH}”"
    if worst.kind == "insult":
        return analysis.say(
            en=f'"{shown}" is insulting{more_en}: it puts the reader on the defensive and tells them nothing. '
            f"{calm_en}",
            zh=f"“{shown}”属于辱骂或粗俗用语{more_zh}，只会让对方产生抵触，也没有提供任何事实。{calm_zh}",
        )
    if worst.kind == "threat":
        return analysis.say(
            en=f'"{shown}" reads as a threat or an ultimatum{more_en}; it does not make a reply come sooner. {calm_en}',
            zh=f"“{shown}”带有威胁或施压意味{more_zh}，并不能让回复更快。{calm_zh}",
        )
    if worst.kind == "slang":
        return analysis.say(
            en=f'"{shown}" is angry internet slang{more_en}. {calm_en}',
            zh=f"“{shown}”是带情绪的网络用语{more_zh}，请避免使用。{calm_zh}",
        )
    return analysis.say(
        en=f'The draft complains more than it informs: "{shown}"{more_en}. {calm_en}',
        zh=f"邮件中抱怨的语气过多：“{shown}”{more_zh}。{calm_zh}",
    )


class HostileWording(Rule):
    code = "TG601"
    name = "hostile-wording"
    category = "tone"
    severity = Severity.WARNING
    summary = "The draft insults, threatens or pressures the reader, or piles up complaints."
    doc = RuleDoc(
        what=(
            "Flags insults and profanity (one is enough), and threats, pressure, complaints and angry "
            "slang when together they pass the pack's `warning_score`. Words inside quotation marks, "
            'after an evidence marker ("he wrote:", "他骂我") or after a denial ("not", "不是") '
            "are not the writer's and are skipped. Lexicons and weights: rules/*/tone.toml."
        ),
        why=(
            "The guide lists 情绪化的表达和抱怨语气 among the mistakes to avoid (also 避免情绪化的表达), and asks "
            "for 礼貌但直接的表达 and 客观事实的描述方式: staff read hostility as noise, and it slows the reply."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"
            "Your garbage app has not sent a single message since Monday. Fix it today or I will sue you.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"
            'Since Monday no message I send leaves the "sending" state. This blocks my work; '
            "I would appreciate a reply within a week.\n"
        ),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 消息发不出去\n\n"
            "你们这个垃圾软件又发不出消息了，再不处理我就去工信部投诉你们！\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 消息发不出去\n\n"
            "从周一开始消息一直发不出去，影响了我的工作，希望能尽快处理，谢谢。\n",
            "To: abuse@telegram.org\nSubject: [滥用举报] - 用户持续辱骂骚扰\n\n"
            "用户 @wang_x 从3月1日起每天私信骂我“废物”“脑残”，我不是第一次举报。请尽快处理，谢谢。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        terms = hostile_terms(analysis)
        if not terms or not _is_hostile(terms, knowledge(analysis.packs)):
            return
        worst = _worst(terms)
        shown = _part_text(analysis, worst.part)[worst.start : worst.end]
        yield Hit(worst.part, worst.start, worst.end, _hostile_message(analysis, worst, shown, len(terms) - 1))


class ComplainingTone(Rule):
    code = "TG602"
    name = "complaining-tone"
    category = "tone"
    severity = Severity.INFO
    summary = "A complaint or a frustrated word, not enough to be hostile."
    doc = RuleDoc(
        what=(
            'A hint for frustrated wording ("ridiculous", "太烂了", "无语") whose weight stays below the '
            "pack's `warning_score`; past it, or with any insult, TG601 reports the draft instead."
        ),
        why=(
            "The guide asks to avoid 抱怨语气 and to keep to 客观事实的描述方式; one frustrated word is not "
            "hostile, but a calm statement of the impact says more."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Video calls drop\n\n"
            "Video calls drop after a minute, which is ridiculous for a paid Premium account.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Video calls drop\n\n"
            "Video calls drop after about a minute. This is urgent for my business; please prioritise it.\n"
        ),
        more_bad=("To: support@telegram.org\nSubject: [技术问题] - 视频通话断开\n\n视频通话一分钟就断，真的无语。\n",),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 视频通话断开\n\n视频通话约一分钟后断开，请尽快处理。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        terms = hostile_terms(analysis)
        if not terms or _is_hostile(terms, knowledge(analysis.packs)):
            return  # nothing to say, or TG601 says it
        worst = _worst(terms)
        shown = _part_text(analysis, worst.part)[worst.start : worst.end]
        yield Hit(
            worst.part,
            worst.start,
            worst.end,
            analysis.say(
                en=f'"{shown}" sounds frustrated; a plain statement of the impact reads better, '
                f'e.g. "{CALM_EXAMPLE_EN}"',
                zh=f"“{shown}”带有抱怨情绪；平实地说明影响效果更好，例如“{CALM_EXAMPLE_ZH}”",
            ),
        )


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
    for token in compiled(_TOKEN).finditer(line):
        word = token.group()
        if run.open and run_gap.fullmatch(line, previous_end, token.start()) is None:
            yield from run.close()
        previous_end = token.end()
        if any(c.islower() for c in word) or "_" in word:
            yield from run.close()
        elif _is_shout_word(word, known):
            run.add(token.start(), token.end())
        else:
            run.open = True  # an acronym, a number, "I": the run goes on through it
    yield from run.close()


def _is_shout_word(word: str, known: ToneKnowledge) -> bool:
    return (
        compiled(_SHOUT_WORD).fullmatch(word) is not None
        and word.upper() not in known.acronyms
        and sum(c.isalpha() for c in word) >= 2
    )


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
    """A line all in capitals with no sentence punctuation and no word aimed at the reader."""
    return (
        not any(c.islower() for c in line)
        and not has_cjk(line)
        and compiled(_SENTENCE_PUNCTUATION).search(line) is None
        and not any(token.group() in known.sentence_words for token in compiled(_TOKEN).finditer(line))
    )


def _is_technical(line: str) -> bool:
    """A pasted log or dump line: a timestamp or a level first, or hex numbers."""
    return compiled(_LOG_LINE).match(line) is not None or compiled(_HEX_NUMBER).search(line) is not None


def _run_words(line: str, run: CapsRun) -> list[str]:
    return [t.group() for t in compiled(_TOKEN).finditer(line, run.start, run.end)]


def _is_name_or_screen_text(line: str, run: CapsRun, known: ToneKnowledge) -> bool:
    """ "ZHANG WEI MING" (pinyin syllables only) or "CONNECTION TIMED OUT" (an error text)."""
    words = [w for w in _run_words(line, run) if _is_shout_word(w, known)]
    if all(known.pinyin_words.match(word) for word in words):
        return True
    return any(w in known.screen_words for w in words) and not any(w in known.sentence_words for w in words)


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
    after = line[run.end :].lstrip(" \t\"'”’")
    if _starts_with(after, _COLONS):
        return True
    colon = max(line.rfind(":", 0, run.start), line.rfind("：", 0, run.start))
    rest_is_punctuation = not compiled(_WRITING_WORD).search(line[run.end :])
    return 0 <= colon <= _LABEL_LENGTH and rest_is_punctuation


def _follows_status_code(line: str, run: CapsRun) -> bool:
    """ "429 TOO MANY REQUESTS", "500 INTERNAL SERVER ERROR": a status line, not shouting."""
    return compiled(_STATUS_CODE).search(line, 0, run.start) is not None


def _is_displayed(line: str, start: int, known: ToneKnowledge) -> bool:
    """A screen's text: "the app shows ...", "显示成..." earlier in the same clause."""
    clause = line[_clause_before(line, start) : start]
    return known.display.search(clause) is not None


def shouting_runs(voice: Voice, original: str, known: ToneKnowledge) -> Iterator[tuple[int, int]]:
    """Shouting in the writer's voice; the original text tells what the words stand after."""
    if len(compiled(_CAPITALS_PAIR).findall(voice.text)) < known.min_caps_words:
        return  # most drafts: not capitals enough anywhere for one run
    lines = voice.text.split("\n")
    line_starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    candidates = _lines_with_capitals(voice.text, line_starts, known.min_caps_words)
    if not candidates:
        return
    original_lines = original.split("\n")
    body = voice.part == "body"
    signature = _signature_start(lines, known) if body else len(lines)
    for index in candidates:
        line = lines[index]
        if body and (index >= signature or _is_heading(line, known) or _is_technical(line)):
            continue
        for run in _caps_runs(line, known):
            if run.words < known.min_caps_words or _is_labelled(line, run):
                continue
            if _is_name_or_screen_text(line, run, known):
                continue
            if _is_displayed(original_lines[index], run.start, known) or _follows_status_code(line, run):
                continue
            yield line_starts[index] + run.start, line_starts[index] + run.end


def _lines_with_capitals(text: str, line_starts: list[int], least: int) -> list[int]:
    """The lines (by index) holding capitals enough for a run of `least` shouted words."""
    pairs = compiled(_CAPITALS_PAIR).finditer(text)
    per_line = Counter(bisect_right(line_starts, pair.start()) - 1 for pair in pairs)
    return sorted(index for index, count in per_line.items() if count >= least)


def _sentence_case(text: str, at_sentence_start: bool, known: ToneKnowledge) -> str:
    def lower(token: re.Match[str]) -> str:
        word = token.group()
        if word.upper() in known.acronyms or not compiled(_SHOUT_WORD).fullmatch(word):
            return word
        if word.startswith("I'"):
            return "I" + word[1:].lower()  # I'M -> I'm
        return word if word == "I" else word.lower()

    lowered = compiled(_SENTENCE_START).sub(lambda m: m.group().upper(), compiled(_TOKEN).sub(lower, text))
    return lowered[:1].upper() + lowered[1:] if at_sentence_start else lowered


class ShoutingInCapitals(Rule):
    code = "TG603"
    name = "shouting-in-capitals"
    category = "tone"
    severity = Severity.WARNING
    summary = "Three or more words in a row written in capitals."
    doc = RuleDoc(
        what=(
            "Flags runs of at least three ALL-CAPS words (two letters or more). Acronyms and technical "
            "tokens (SMS, API, 2FA, DMCA, Wi-Fi...; the pack's `acronyms`) are not shouting; headings, "
            'labels ("DEVICE INFO:"), log lines and a screen\'s text ("the app shows ...") are skipped.'
        ),
        why=("Capitals read as shouting: the guide asks to avoid 情绪化的表达 and to keep a 正式但友好的语调."),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Voice messages vanish\n\n"
            "Every voice message I record disappears. I NEED THIS FIXED NOW, my clients are waiting.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - SMS code not arriving\n\n"
            "DEVICE INFO: iPhone 15, iOS 17.2\nThe SMS OTP for my ID never arrives over Wi-Fi or 5G.\n"
        ),
        fix="Unsafe: the words are put in lower case; names written in capitals need a look afterwards.",
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 语音消息丢失\n\n"
            "我的语音消息全部丢失了。PLEASE FIX THIS NOW\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 收不到SMS验证码\n\n"
            "我的 iOS 设备收不到 SMS OTP，已尝试 Wi-Fi 和 4G。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        known = knowledge(analysis.packs)
        for voice in voices(analysis):
            text = _part_text(analysis, voice.part)
            for start, end in shouting_runs(voice, text, known):
                before = text[:start].rstrip(" \t\"'“‘")
                at_sentence_start = not before or before[-1] in "\n.!?！？。:："
                replacement = _sentence_case(text[start:end], at_sentence_start, known)
                yield Hit(
                    voice.part,
                    start,
                    end,
                    analysis.say(
                        en=f'"{text[start:end]}" is written in capitals, which reads as shouting: '
                        f'write it in normal case ("{replacement}").',
                        zh=f"“{text[start:end]}”全部使用大写字母，读起来像是在喊叫：请改用正常大小写（“{replacement}”）。",
                    ),
                    fix=Fix("Write the words in normal case", "unsafe", (Edit(voice.part, start, end, replacement),)),
                )


# -- runs of "!!!" and "？？？" ---------------------------------------------------------------


def _is_garbled_display(text: str, run: re.Match[str], known: ToneKnowledge) -> bool:
    """ "???" standing for characters the app could not show, or for an unknown value."""
    if set(run.group()) - set("?？"):
        return False
    before = text[: run.start()].rstrip(" \t")
    if _ends_with(before, _COLONS + "\"'“‘「『(（[【="):
        return True
    line_start = text.rfind("\n", 0, run.start()) + 1
    line_end = text.find("\n", run.end())
    written = "".join(text[line_start : len(text) if line_end < 0 else line_end].split())
    if sum(c in "?？" for c in written) >= _GARBLED_SHARE * len(written):
        return True
    neighbours = text[run.start() - 1 : run.start()], text[run.end() : run.end() + 1]
    if all(ch.isascii() and ch.isalnum() for ch in neighbours if ch) and all(neighbours):
        return True  # inside a word: "caf???s"
    clause_start = max(_clause_before(text, run.start()), run.start() - _DISPLAY_REACH)
    return known.display.search(text[clause_start : run.start()]) is not None


def punctuation_runs(voice: Voice, original: str, known: ToneKnowledge) -> Iterator[re.Match[str]]:
    """Runs in the writer's voice; the original text tells what they stand after."""
    if sum(map(voice.text.count, _RUN_MARKS)) < known.min_punctuation_run:
        return  # most drafts: not marks enough in all for one run
    for run in known.punctuation_run.finditer(voice.text):
        line_start = voice.text.rfind("\n", 0, run.start()) + 1
        line_end = voice.text.find("\n", run.end())
        line = voice.text[line_start : len(voice.text) if line_end < 0 else line_end]
        if not _is_technical(line) and not _is_garbled_display(original, run, known):
            yield run


def _one_mark(run: str) -> str:
    wide = run[0] in "！？"
    if any(c in "?？" for c in run):
        return "？" if wide else "?"
    return "！" if wide else "!"


class RepeatedPunctuation(Rule):
    code = "TG604"
    languages = frozenset({"*"})  # a draft in any language
    name = "repeated-punctuation"
    category = "tone"
    severity = Severity.WARNING
    summary = "Three or more exclamation or question marks in a row."
    doc = RuleDoc(
        what=(
            'Flags runs of three or more of ! ? ！ ？ ("!!!", "？？？", "?!?!"); "!!" alone passes. '
            '"???" that stands for characters the app could not display ("名字显示成？？？", "Name: ???") '
            "and marks inside quotation marks are skipped."
        ),
        why=("Piled-up marks read as anger; the guide asks to avoid 情绪化的表达 and for 礼貌但直接的表达."),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Cannot log in\n\n"
            "Why does the login code never arrive???\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Contact names unreadable\n\n"
            "Since the update my contacts' names are displayed as ??? in the chat list. Thanks!!\n"
        ),
        fix="Safe: the run is replaced by a single mark.",
        more_bad=("To: support@telegram.org\nSubject: [技术问题] - 无法登录\n\n为什么一直收不到验证码？？？\n",),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 联系人名字乱码\n\n"
            "更新后联系人名字显示成？？？，请问如何解决？\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        known = knowledge(analysis.packs)
        for voice in voices(analysis):
            for run in punctuation_runs(voice, _part_text(analysis, voice.part), known):
                mark = _one_mark(run.group())
                yield Hit(
                    voice.part,
                    run.start(),
                    run.end(),
                    analysis.say(
                        en=f'"{run.group()}" reads as anger: end the sentence with one "{mark}".',
                        zh=f"连用的标点“{run.group()}”显得情绪激动：句末用一个“{mark}”即可。",
                    ),
                    fix=Fix("Keep a single mark", "safe", (Edit(voice.part, run.start(), run.end(), mark),)),
                )


RULES: tuple[type[Rule], ...] = (HostileWording, ComplainingTone, ShoutingInCapitals, RepeatedPunctuation)
