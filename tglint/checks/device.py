"""Device rules: the guide's 设备和系统信息 (操作系统及版本, 设备型号, Telegram版本, 网络环境).

Only a malfunction report needs them: a usage question does not. What counts
as a malfunction, and how people write systems, models and versions, is in
the `device` packs (zh and en merged: Chinese drafts write "iPhone 15" too).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from tglint.analysis import Analysis
from tglint.checks.account import lexicon_of, missing_info, pattern, requirement
from tglint.lexicon import Lexicon, ascii_lower
from tglint.models import Hit, Severity
from tglint.rule import Rule, RuleDoc
from tglint.topic import tag_key

# How close a negation ("nothing has", "没有") must stand before a malfunction word to cancel it,
# for a Chinese and a Latin word; a clause break in between ends its reach.
_NEGATION_WINDOW_CJK = 4
_NEGATION_WINDOW_LATIN = 16
_CLAUSE_BREAK = re.compile(r"[。！？!?;；\n，,：:]|\.\s|\b(?:but|and|although|though)\b")
_CJK = re.compile(r"[\u3400-\u9fff]")
_BRAND_MODEL_TAIL = r"[\s-]*(?:(?:{series})[\s-]*){{0,2}}[A-Za-z]{{0,3}}\d{{1,4}}[A-Za-z]{{0,2}}"


# -- looking for the packs' patterns quickly ------------------------------------------------
#
# The device patterns are long, case-insensitive lists, and Python's regex engine tries every one of
# them at every position of the draft. Nearly all of their matches begin with a word or two ("iOS",
# "Android", "安卓", "Telegram", "the latest"), so what every match begins with is read off the regex
# once, looked for in one quick pass over an ASCII-lower-cased copy of the text, and the whole regex is
# tried only where it stands: the same matches, found in a fraction of the time.

# Letters outside ASCII that match an ASCII one when case is ignored (İ, ı, ſ and the Kelvin sign):
# lower-casing only ASCII would hide such a match from the openings, so a text holding one is
# scanned whole.
_ASCII_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
# More ways to begin than this, and the regex is not worth taking further apart.
_MAX_OPENINGS = 256
# How the packs' patterns (account.compile_patterns) and the brand one below open: a match that
# begins with an ASCII letter, digit or "_" does not follow one ("Win11" is found, "Darwin11" not).
_WORD_START = r"(?<![A-Za-z0-9_])"
_WORD_GUARDS = (_WORD_START, r"(?:(?<![A-Za-z0-9_])|(?![A-Za-z0-9_]))")
_CATEGORY_PIECES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


@dataclass(frozen=True, slots=True)
class SearchText:
    """A text where patterns are looked for, with its ASCII-lower-cased copy (same offsets), or None
    when the copy could miss a match."""

    text: str
    lowered: str | None

    @classmethod
    def of(cls, text: str) -> SearchText:
        return cls(text, None if _ASCII_CASE_TWINS.search(text) else ascii_lower(text))

    def blanked(self, spans: list[tuple[int, int]]) -> SearchText:
        """The same text with every span blanked, offsets kept."""
        return SearchText(_blank(self.text, spans), None if self.lowered is None else _blank(self.lowered, spans))


class PackPattern:
    """A compiled pack regex, tried only where what its matches begin with stands.

    Reading the openings off the regex costs a few milliseconds, more than scanning a few drafts
    whole: they are read when the regex is looked for the `openings_from`-th time.
    """

    def __init__(self, compiled: re.Pattern[str] | None, openings_from: int = 8) -> None:
        self.compiled = compiled
        self._scans_to_go = openings_from
        self._openings: re.Pattern[str] | None = None

    def finditer(self, where: SearchText) -> Iterator[re.Match[str]]:
        """What `compiled.finditer(where.text)` finds."""
        if self.compiled is None:
            return
        openings = self._openings_once_used()
        if openings is None or where.lowered is None:
            yield from self.compiled.finditer(where.text)
            return
        start = 0
        while (opening := openings.search(where.lowered, start)) is not None:
            found = self.compiled.match(where.text, opening.start())
            if found is None:
                start = opening.start() + 1
            else:
                yield found
                start = max(found.end(), opening.start() + 1)  # never empty: it begins with an opening

    def _openings_once_used(self) -> re.Pattern[str] | None:
        if self._scans_to_go > 0:
            self._scans_to_go -= 1
            if self._scans_to_go == 0 and self.compiled is not None:
                self._openings = openings_of(self.compiled)
        return self._openings

    @property
    def openings(self) -> re.Pattern[str] | None:
        """What the regex is looked for by, once read; None before, or when it is scanned whole."""
        return self._openings

    def search(self, where: SearchText) -> re.Match[str] | None:
        return next(self.finditer(where), None)

    def searches(self, where: SearchText) -> bool:
        return self.search(where) is not None


# What every match of a part of a regex begins with: the regex pieces to look for in the lower-cased
# text (a character, a class, a class repeated), and whether they are all of that part ("whole"), so
# that what follows may lengthen them.
_Start = tuple[tuple[str, ...], bool]
# A piece repeated from zero times on ("[\s]{0,}", "[\d]{0,2}"): it may match nothing.
_MAY_BE_NONE = re.compile(r"\{0,\d*\}$")
# Pieces enough to tell where a match may begin: a start is not lengthened beyond them.
_OPENING_PIECES = 6
# A class of at most this many characters is looked for as that many letters.
_SPELLED_CLASS = 32


def openings_of(compiled: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex found (in the lower-cased text) wherever a match of `compiled` begins; None when there
    is none worth looking for.

    Read off the parsed regex (`re._parser` is private: anything unexpected means None, and the regex
    scans the whole text as before). Lookarounds are passed over and optional parts both taken and left
    out, so an opening may stand where no match does, but no match lacks one.
    """
    if "(?a" in compiled.pattern or compiled.flags & re.ASCII:
        return None  # ASCII-only classes: the pieces below are written for Unicode ones
    try:
        parser: Any = importlib.import_module("re._parser")
        starts = _sequence_starts(parser.parse(compiled.pattern, compiled.flags), parser)
    except Exception:  # a private module: whatever it does, the regex still works on its own
        return None
    openings = [_without_optional_end(pieces) for pieces, _ in starts]
    if not openings or any(not pieces or not _is_literal(pieces[0]) for pieces in openings):
        return None  # some match may begin anywhere, or with a class: the search could not jump ahead
    trie: dict[str, Any] = {}
    for pieces in openings:
        node = trie
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[""] = {}
    return re.compile(_alternation(trie, compiled.pattern.startswith(_WORD_GUARDS)))


def _alternation(trie: dict[str, Any], word_start: bool) -> str:
    """The openings as one pattern, a branch per first piece, so that a position costs one try."""
    if "" in trie:
        return ""  # an opening ends here: what longer ones add is not needed
    branches = []
    for piece, rest in sorted(trie.items()):
        if word_start and re.fullmatch("[a-z0-9_]", piece):
            # Checked after the letter, so that the search can jump to where the letter stands.
            piece += f"(?<![a-z0-9_]{piece})"
        branches.append(piece + _alternation(rest, False))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _is_literal(piece: str) -> bool:
    return len(piece) == 1 or (len(piece) == 2 and piece[0] == "\\" and not piece[1].isalnum())


def _without_optional_end(pieces: tuple[str, ...]) -> tuple[str, ...]:
    """The opening without pieces at its end that may match nothing ("\\s*"): they tell nothing."""
    while pieces and _MAY_BE_NONE.search(pieces[-1]):
        pieces = pieces[:-1]
    return pieces


def _sequence_starts(nodes: Any, parser: Any) -> set[_Start]:
    starts: set[_Start] = {((), True)}
    for op, argument in nodes:
        if not any(whole for _, whole in starts):
            break
        following = _node_starts(op, argument, parser)
        if sum(whole for _, whole in starts) * len(following) > 4 * _MAX_OPENINGS:
            return {(pieces, False) for pieces, _ in starts}  # enough told: what they begin with so far
        lengthened = {
            (joined, whole and len(joined) < _OPENING_PIECES)
            for pieces, open_ in starts
            if open_
            for more, whole in following
            for joined in [_joined(pieces, more)]
        }
        following_starts = _without_redundant(lengthened | {start for start in starts if not start[1]})
        if len(following_starts) > _MAX_OPENINGS:
            return {(pieces, False) for pieces, _ in starts}  # enough told: what they begin with so far
        starts = following_starts
    return starts


def _joined(pieces: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    """The pieces one after the other; "\\s*\\s*" as "\\s*": it finds as much and tries fewer ways."""
    if pieces and more and pieces[-1] == more[0] and more[0].endswith(",}"):
        return pieces + more[1:]
    return pieces + more


def _node_starts(op: Any, argument: Any, parser: Any) -> set[_Start]:
    if op is parser.LITERAL:
        piece = _literal_piece(chr(argument))
        return {((piece,), True)} if piece else {((), False)}
    if op is parser.IN:
        return _class_starts(argument, parser)
    if op is parser.SUBPATTERN:
        return _sequence_starts(argument[-1], parser)
    if op is parser.BRANCH:
        starts: set[_Start] = set()
        for branch in argument[1]:
            starts |= _sequence_starts(branch, parser)
        return _few(starts)
    if op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT):
        return _repeat_starts(argument, parser)
    if op in (parser.ASSERT, parser.ASSERT_NOT, parser.AT):
        return {((), True)}  # matches no character itself
    return {((), False)}  # any character, a group reference...: the opening ends before it


def _class_starts(items: Any, parser: Any) -> set[_Start]:
    """A short class of plain characters ("[发收登]") as that many letters, a longer one as a class."""
    if all(op is parser.LITERAL for op, _ in items) and len(items) <= _SPELLED_CLASS:
        pieces = {_literal_piece(chr(code)) for _, code in items}
        if None not in pieces:
            return {((piece,), True) for piece in pieces if piece}
    piece = _class_piece(items, parser)
    return {((piece,), True)} if piece else {((), False)}


def _repeat_starts(argument: Any, parser: Any) -> set[_Start]:
    least, most, body = argument
    if most == 0:
        return {((), True)}
    if len(body) == 1 and body[0][0] is parser.IN and (piece := _class_piece(body[0][1], parser)):
        times = f"{{{least},}}" if most == parser.MAXREPEAT else f"{{{least},{most}}}"
        return {((piece + times,), True)}  # "\\s*", "\\d{1,2}"
    inner = _sequence_starts(body, parser)
    if most == 1 and all(whole for _, whole in inner):  # an optional part: "(?:the\\s+)?"
        return inner | {((), True)} if least == 0 else inner
    once = {(pieces, False) for pieces, _ in inner}
    return once | {((), True)} if least == 0 else once


def _few(starts: set[_Start]) -> set[_Start]:
    """At most `_MAX_OPENINGS` starts, the longest cut shorter if need be; none lengthening a finished one."""
    starts = _without_redundant(starts)
    while len(starts) > _MAX_OPENINGS:
        longest = max(len(pieces) for pieces, _ in starts)
        if longest <= 1:
            return {((), False)}
        cut = {(pieces[: longest - 1], False) for pieces, _ in starts if len(pieces) == longest}
        starts = _without_redundant(cut | {start for start in starts if len(start[0]) < longest})
    return starts


def _without_redundant(starts: set[_Start]) -> set[_Start]:
    """Without the starts that lengthen a finished one: where they stand, it stands too."""
    finished = {pieces for pieces, whole in starts if not whole}
    if not finished:
        return starts
    return {start for start in starts if not any(start[0][:length] in finished for length in range(len(start[0])))}


def _literal_piece(char: str) -> str | None:
    """The character as found in the lower-cased text; None for a letter whose case that misses."""
    if char.isascii():
        return re.escape(char.lower())
    return re.escape(char) if _is_caseless(char) else None


def _is_caseless(char: str) -> bool:
    return char.lower() == char == char.upper()


def _class_piece(items: Any, parser: Any) -> str | None:
    """A character class as found in the lower-cased text; None when that is not simply written."""
    negated = bool(items) and items[0][0] is parser.NEGATE
    pieces = []
    for op, argument in items[1:] if negated else items:
        if op is parser.CATEGORY and str(argument) in _CATEGORY_PIECES:
            pieces.append(_CATEGORY_PIECES[str(argument)])
            continue
        if op is parser.LITERAL:
            low, high = chr(argument), chr(argument)
        elif op is parser.RANGE:
            low, high = chr(argument[0]), chr(argument[1])
        else:
            return None
        chars = [chr(code) for code in range(ord(low), ord(high) + 1)]
        if all(map(_is_caseless, chars)):
            pieces.append(re.escape(low) if low == high else f"{re.escape(low)}-{re.escape(high)}")
        elif all(c.isascii() for c in chars) and not negated:
            pieces.extend(re.escape(c.lower()) for c in chars)
        else:
            return None  # letters beyond ASCII, or a negated class of letters: not worth it
    return f"[{'^' if negated else ''}{''.join(sorted(set(pieces)))}]"


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with every span (in order, not overlapping) blanked, offsets kept."""
    if not spans:
        return text
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        pieces.append(" " * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class DevicePatterns:
    """The device pack's patterns and word lists, ready to look for; built once per set of packs."""

    app_version: PackPattern
    os_with_version: PackPattern
    app_version_labelled: PackPattern
    app_version_implied: PackPattern
    network: Lexicon
    model: PackPattern
    brand_model: PackPattern  # a brand, optional series words and a number ("Galaxy S24 Ultra")
    model_label: PackPattern
    os_name: PackPattern
    model_vague: PackPattern
    app_version_vague: PackPattern
    android_family: PackPattern
    desktop: PackPattern
    malfunction_patterns: PackPattern
    malfunction_tags: frozenset[str]


def device_patterns(analysis: Analysis) -> DevicePatterns:
    return analysis.packs.derived(DevicePatterns, lambda: _device_patterns(analysis))


def _device_patterns(analysis: Analysis) -> DevicePatterns:
    def scan(key: str) -> PackPattern:
        return PackPattern(pattern(analysis, "device", key))

    table = analysis.pack("device")
    brands = [b for b in table.get("model_brands", []) if isinstance(b, str)]
    series = [re.escape(s) for s in table.get("model_series", []) if isinstance(s, str)]
    return DevicePatterns(
        app_version=scan("app_version"),
        os_with_version=scan("os_with_version"),
        app_version_labelled=scan("app_version_labelled"),
        app_version_implied=scan("app_version_implied"),
        network=lexicon_of(analysis, "device", "network"),
        model=scan("model"),
        brand_model=PackPattern(_brand_model_pattern(brands, series)),
        model_label=scan("model_label"),
        os_name=scan("os_name"),
        model_vague=scan("model_vague"),
        app_version_vague=scan("app_version_vague"),
        android_family=scan("android_family"),
        desktop=scan("desktop"),
        malfunction_patterns=scan("malfunction_patterns"),
        malfunction_tags=frozenset(tag_key(str(t)) for t in table.get("malfunction_tags", [])),
    )


def _brand_model_pattern(brands: list[str], series: list[str]) -> re.Pattern[str] | None:
    if not brands:
        return None
    # Longest names first, so "Google Pixel" wins over "Pixel".
    brand_part = "|".join(sorted(brands, key=len, reverse=True))
    series_part = "|".join(sorted(series, key=len, reverse=True)) or "(?!)"
    tail = _BRAND_MODEL_TAIL.format(series=series_part)
    return re.compile(rf"{_WORD_START}(?:{brand_part}){tail}(?![0-9_])", re.IGNORECASE)


def _mask(where: SearchText, scan: PackPattern) -> tuple[SearchText, list[re.Match[str]]]:
    """The text with every match blanked (offsets kept), and the matches."""
    found = list(scan.finditer(where))
    return where.blanked([m.span() for m in found]), found


def _mask_terms(where: SearchText, terms: Lexicon) -> tuple[SearchText, bool]:
    matches = terms.find(where.text)
    return where.blanked([(m.start, m.end) for m in matches]), bool(matches)


def device_body(analysis: Analysis) -> str:
    """The body including forwarded and quoted text: a forwarded report is the report."""
    return analysis.body.text


def device_text(analysis: Analysis) -> str:
    return f"{analysis.subject_text}\n{device_body(analysis)}"


def device_facts(analysis: Analysis) -> DeviceFacts:
    """What the draft says about its device; one object per draft."""
    return analysis.memo(device_facts, lambda: DeviceFacts(device_text(analysis), device_patterns(analysis)))


class DeviceFacts:
    """What the draft says about the device it has the problem on.

    Each fact is looked for when first asked: a draft that gives its system's version is never
    searched for a system named without one.
    """

    def __init__(self, text: str, patterns: DevicePatterns) -> None:
        self._text = SearchText.of(text)
        self._patterns = patterns

    @cached_property
    def _versions(self) -> _Versions:
        patterns = self._patterns
        # Versions are found and blanked in turn: "Telegram for Android 10.9.1" is the app's version, not
        # Android's; then "iOS version 17.2" is the system's, not the app's; "Android 14" is no model.
        rest, app_named = _mask(self._text, patterns.app_version)
        rest, os_found = _mask(rest, patterns.os_with_version)
        rest, app_labelled = _mask(rest, patterns.app_version_labelled)
        rest, network = _mask_terms(rest, patterns.network)
        return _Versions(rest, app_version=bool(app_named or app_labelled), os_version=bool(os_found), network=network)

    @property
    def _rest(self) -> SearchText:
        return self._versions.rest

    @cached_property
    def os_version(self) -> bool:
        return self._versions.os_version

    @cached_property
    def os_name(self) -> str | None:
        """A system named without its version ("Android"), for the message."""
        return _found_words(self._patterns.os_name, self._rest)

    @cached_property
    def android(self) -> bool:
        """The device runs Android, for the message's example."""
        return self._patterns.android_family.searches(self._text)

    @cached_property
    def model(self) -> bool:
        patterns = self._patterns
        return (
            patterns.model.searches(self._rest)
            or patterns.brand_model.searches(self._rest)
            or patterns.model_label.searches(self._rest)
        )

    @cached_property
    def model_vague(self) -> str | None:
        """A family name without model ("iPhone", "华为手机")."""
        return _found_words(self._patterns.model_vague, self._rest)

    @cached_property
    def desktop(self) -> bool:
        return self._patterns.desktop.searches(self._text)

    @cached_property
    def app_version(self) -> bool:
        return self._versions.app_version or self._patterns.app_version_implied.searches(self._text)

    @cached_property
    def app_version_vague(self) -> str | None:
        """Words like "the latest version" written instead of the number."""
        return _found_words(self._patterns.app_version_vague, self._rest)

    @cached_property
    def network(self) -> bool:
        return self._versions.network


class _Versions(NamedTuple):
    rest: SearchText  # the text with versions and networks blanked: what is left to name a model
    app_version: bool
    os_version: bool
    network: bool


def _found_words(scan: PackPattern, where: SearchText) -> str | None:
    found = scan.search(where)
    return found.group().strip() if found else None


def reports_malfunction(analysis: Analysis) -> bool:
    """Whether the draft reports something broken (not merely asks how something works); worked out once."""
    return analysis.memo(reports_malfunction, lambda: _reports_malfunction(analysis))


def _reports_malfunction(analysis: Analysis) -> bool:
    found = device_patterns(analysis)
    tag = analysis.subject_tag
    if tag is not None and tag_key(tag.text) in found.malfunction_tags:
        return True
    patterns = found.malfunction_patterns
    negation = lexicon_of(analysis, "device", "malfunction_negation")
    not_negation = lexicon_of(analysis, "device", "malfunction_not_negation")
    for text in (analysis.subject_text, device_body(analysis)):
        text = text.replace("\u2019", "'")
        if patterns.searches(SearchText.of(text)):
            return True
        for match in lexicon_of(analysis, "device", "malfunction").finditer(text):
            if not _is_negated(text, match.start, match.term, negation, not_negation):
                return True
    return False


def _is_negated(text: str, start: int, term: str, negation: Lexicon, not_negation: Lexicon) -> bool:
    window = _NEGATION_WINDOW_CJK if _CJK.match(term) else _NEGATION_WINDOW_LATIN
    before = text[max(0, start - window) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    harmless = [(m.start, m.end) for m in not_negation.finditer(before)]
    return any(not any(s <= cue.start < e for s, e in harmless) for cue in negation.finditer(before))


def device_required(analysis: Analysis) -> bool:
    need = requirement(analysis, "device")
    return need == "required" or (need == "required-if-malfunction" and reports_malfunction(analysis))


@dataclass(frozen=True, slots=True)
class Missing:
    en: str
    zh: str


def missing_device_items(facts: DeviceFacts) -> tuple[list[Missing], list[Missing]]:
    """(missing, vague): what the draft lacks, and what it gives only vaguely."""
    missing: list[Missing] = []
    vague: list[Missing] = []
    if not facts.os_version:
        if facts.os_name:
            missing.append(Missing(f"the version of {facts.os_name}", f"{facts.os_name}的版本号"))
        else:
            missing.append(Missing("the operating system and its version", "操作系统及版本"))
    if not facts.model and not facts.desktop:
        if facts.model_vague:
            vague.append(
                Missing(f'the exact model (not just "{facts.model_vague}")', f"具体型号（不只是“{facts.model_vague}”）")
            )
        else:
            missing.append(Missing("the device model", "设备型号"))
    if not facts.app_version:
        if facts.app_version_vague:
            vague.append(
                Missing(
                    f'the Telegram version number (not just "{facts.app_version_vague}")',
                    f"Telegram 版本号（不只是“{facts.app_version_vague}”）",
                )
            )
        else:
            missing.append(Missing("the Telegram app version", "Telegram 应用版本号"))
    return missing, vague


def example_form(facts: DeviceFacts, language: str) -> str:
    if facts.desktop:
        return "Windows 11，Telegram Desktop 4.14.9" if language == "zh" else "Windows 11, Telegram Desktop 4.14.9"
    if facts.android:
        return "Android 14，小米13，Telegram 10.5.2" if language == "zh" else "Android 14, Galaxy S24, Telegram 10.5.2"
    return "iOS 17.2，iPhone 15，Telegram 10.5.2" if language == "zh" else "iOS 17.2, iPhone 15, Telegram 10.5.2"


class MissingDeviceInfo(Rule):
    code = "TG321"
    name = "missing-device-info"
    category = "device-info"
    severity = Severity.WARNING
    summary = "A malfunction report does not give the OS version, the device model or the Telegram version."
    doc = RuleDoc(
        what=(
            "Flags a technical problem report (a crash, failure, error, sync problem...) that does not name "
            "the operating system with its version, the device model, or the Telegram app version; the "
            "message lists exactly what is missing. A desktop system or client (Windows 11, Telegram "
            "Desktop) needs no model. Usage questions without a malfunction are not checked."
        ),
        why=(
            "Faults depend on the system, the device and the app build. The guide's 设备和系统信息 asks for "
            "操作系统（iOS 17.2、Android 14、Windows 11等具体版本）, 设备型号（iPhone 15、Samsung Galaxy S24等）"
            " and Telegram版本（当前使用的应用版本号）."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - App crashes when opening a chat\n\n"
            "Hello,\n\nSince yesterday the app crashes every time I open a group chat.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - App crashes when opening a chat\n\n"
            "Hello,\n\nSince yesterday the app crashes every time I open a group chat.\n"
            "Device: iPhone 15, iOS 17.2, Telegram 10.5.2, on Wi-Fi.\n"
        ),
        fix='Add a line like "iOS 17.2, iPhone 15, Telegram 10.5.2" (Settings shows the app version at the bottom).',
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 发贴纸必闪退\n\n你好，\n\n"
            "今天下午开始，我一发贴纸 Telegram 就闪退，安卓手机。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 发贴纸必闪退\n\n你好，\n\n"
            "今天下午开始，我一发贴纸 Telegram 就闪退。\n"
            "设备：小米13，Android 14，Telegram 10.5.2，网络：Wi-Fi。\n",
            "To: support@telegram.org\nSubject: [功能咨询] - 如何导出群组聊天记录\n\n你好，\n\n"
            "请问手机版能不能导出某个群组的聊天记录？\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not device_required(analysis):
            return
        facts = device_facts(analysis)
        missing, vague = missing_device_items(facts)
        if not missing:
            return
        items = missing + vague
        yield missing_info(
            analysis,
            en=f"Device details missing: add {_join_en([m.en for m in items])}. "
            f'Write them like "{example_form(facts, "en")}".',
            zh=f"缺少设备信息：请补充{'、'.join(m.zh for m in items)}，写成“{example_form(facts, 'zh')}”的形式。",
        )


class VagueDeviceInfo(Rule):
    code = "TG322"
    name = "vague-device-info"
    category = "device-info"
    severity = Severity.INFO
    summary = 'The device or app version is given only vaguely ("my iPhone", "the latest version").'
    doc = RuleDoc(
        what=(
            'Hints, in a malfunction report that otherwise names the system and version, that "the latest '
            'version" or a bare "iPhone" is less useful than the exact app version and device model.'
        ),
        why=(
            '"Latest" changes from day to day; the guide asks for 当前使用的应用版本号 and 具体型号 '
            "(iPhone 15、Samsung Galaxy S24)."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Voice messages do not play\n\n"
            "Hello,\n\nSince Monday voice messages do not play on my iPhone 15 with iOS 17.2. "
            "I have the latest version from the App Store, on Wi-Fi.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Voice messages do not play\n\n"
            "Hello,\n\nSince Monday voice messages do not play on my iPhone 15 with iOS 17.2, "
            "Telegram 10.5.2, on Wi-Fi.\n"
        ),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 语音消息无法播放\n\n"
            "你好，\n\n从周一开始语音消息无法播放。iPhone 15，iOS 17.2，Telegram 是最新版，网络 Wi-Fi。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 语音消息无法播放\n\n"
            "你好，\n\n从周一开始语音消息无法播放。iPhone 15，iOS 17.2，Telegram 10.5.2，网络 Wi-Fi。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not device_required(analysis):
            return
        facts = device_facts(analysis)
        missing, vague = missing_device_items(facts)
        if missing or not vague:
            return  # with something missing, TG321 names the vague items too
        yield missing_info(
            analysis,
            en=f'Be exact: give {_join_en([v.en for v in vague])}, e.g. "{example_form(facts, "en")}".',
            zh=f"请写具体：提供{'、'.join(v.zh for v in vague)}，如“{example_form(facts, 'zh')}”。",
        )


class MissingNetworkInfo(Rule):
    code = "TG323"
    name = "missing-network-info"
    category = "device-info"
    severity = Severity.INFO
    summary = "A malfunction report does not say how the device is connected (Wi-Fi, 4G/5G...)."
    doc = RuleDoc(
        what="Hints that a technical problem report should say which network it happens on.",
        why=(
            "Sending, loading and sync problems often depend on the connection; the guide's 设备和系统信息 "
            "lists 网络环境（WiFi、4G/5G移动网络等连接方式）."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
            "Hello,\n\nSince yesterday photos fail to send. Galaxy S24, Android 14, Telegram 10.5.2.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
            "Hello,\n\nSince yesterday photos fail to send, on Wi-Fi and on 5G. Galaxy S24, Android 14, "
            "Telegram 10.5.2.\n"
        ),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 图片发送失败\n\n"
            "你好，\n\n昨天开始图片发送失败。小米13，Android 14，Telegram 10.5.2。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 图片发送失败\n\n"
            "你好，\n\n昨天开始图片发送失败，Wi-Fi 和移动数据都一样。小米13，Android 14，Telegram 10.5.2。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if requirement(analysis, "network") == "none" or not device_required(analysis):
            return
        if device_facts(analysis).network:
            return
        yield missing_info(
            analysis,
            en="Say which network it happens on: Wi-Fi, 4G/5G mobile data, a VPN or proxy.",
            zh="请说明网络环境：Wi-Fi、4G/5G 移动数据，是否使用代理。",
        )


def _join_en(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


RULES: tuple[type[Rule], ...] = (MissingDeviceInfo, VagueDeviceInfo, MissingNetworkInfo)
