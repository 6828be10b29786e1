"""LanguageTool's HTTP API (v2) answered by tglint: `/v2/check` and `/v2/languages`.

LanguageTool's clients (its browser and Thunderbird add-ons, LTeX, language_tool_python...)
ask `GET /v2/languages`, then `POST /v2/check` with form fields. This module turns those
fields into a check and the check into LanguageTool's JSON; it knows nothing of HTTP.

- The text is `text`, or `data`: LanguageTool's annotated text (`{"annotation": [{"text":
  ...}, {"markup": ..., "interpretAs": ...}]}` or `{"text": ...}`). Markup is not checked,
  and positions are those of the text with its markup, as LanguageTool gives them.
- Positions count UTF-16 code units, as Java and so LanguageTool count: a character outside
  the Basic Multilingual Plane (an emoji) counts 2. language_tool_python converts them back.
- A header block at the top of the text (`To:`, `Subject:`, `收件人：`, `主题：`...) is read
  as a draft's, so routing and subject rules run. A text without one is a mail's body, as a
  client checking a compose window sends it: findings about a missing recipient or subject
  are left out there.
- `language`: `auto`, or a code of English or Chinese (`en-US`, `zh-CN`, `en`, `zh`); other
  languages are refused, as LanguageTool refuses one it does not know.
- `enabledRules`, `disabledRules`, `enabledCategories`, `disabledCategories` take tglint's rule
  codes, names and categories (`TG401`, `phone`); ids tglint does not know are ignored, as
  LanguageTool ignores unknown rule ids. `enabledOnly=true` checks only those enabled.
- Other fields (`motherTongue`, `preferredVariants`, `level`, `username`, `apiKey`,
  `dicts`...) are accepted and ignored.
- Every piece of the draft quoted back (`context`, `sentence`, replacement values) has each
  secret and piece of personal data masked, as the reports mask them; messages are the JSON
  report's.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import tglint
from tglint.masking import mask_text
from tglint.models import Severity

if TYPE_CHECKING:
    from tglint.config import Settings
    from tglint.document import CheckedText, Span
    from tglint.rule import RuleLike

# Characters of context on each side of a match, as LanguageTool's server gives.
CONTEXT_SIZE = 40
API_VERSION = 1
HEADER_PARTS = frozenset({"to", "cc", "bcc", "from", "subject"})

# LanguageTool's `issueType` is an ITS 2.0 localization-quality issue type; the nearest for each
# tglint category. Secrets and personal data are "legal": text that must not be sent as it is.
ISSUE_TYPES = {
    "subject": "non-conformance",
    "routing": "inconsistency",
    "account-info": "omission",
    "device-info": "omission",
    "details": "omission",
    "attachment": "omission",
    "phone": "numbers",
    "secret": "legal",
    "pii": "legal",
    "tone": "register",
    "mixed-issues": "non-conformance",
}
CATEGORY_NAMES = {
    "subject": ("Subject", "主题"),
    "routing": ("Mailbox", "收件邮箱"),
    "account-info": ("Account information", "账户信息"),
    "device-info": ("Device information", "设备信息"),
    "details": ("Details", "细节"),
    "attachment": ("Attachment", "附件"),
    "phone": ("Phone number", "电话号码"),
    "secret": ("Secret", "密码与验证码"),
    "pii": ("Personal data", "个人信息"),
    "tone": ("Tone", "语气"),
    "mixed-issues": ("Several issues", "多个问题"),
}


class BadRequest(ValueError):
    """A request LanguageTool refuses: answered with HTTP 400 and `Error: <message>` as plain text."""


@dataclass(frozen=True, slots=True)
class Language:
    name: str
    code: str  # LanguageTool's `longCode`: en-US, zh-CN
    short: str  # tglint's draft language: en or zh


LANGUAGES = (
    Language("English", "en", "en"),
    Language("English (US)", "en-US", "en"),
    Language("English (GB)", "en-GB", "en"),
    Language("English (Australian)", "en-AU", "en"),
    Language("English (Canadian)", "en-CA", "en"),
    Language("English (New Zealand)", "en-NZ", "en"),
    Language("English (South African)", "en-ZA", "en"),
    Language("Chinese", "zh-CN", "zh"),
)
_BY_CODE = {language.code.lower(): language for language in LANGUAGES}
_DETECTED = {"en": _BY_CODE["en"], "zh": _BY_CODE["zh-cn"]}


def languages() -> list[dict[str, str]]:
    """The answer to `GET /v2/languages`."""
    return [{"name": lang.name, "code": lang.short, "longCode": lang.code} for lang in LANGUAGES]


def language_for(code: str) -> Language:
    """The language of a `language` field other than `auto` (`en-US`, `zh_CN`, `zh-TW`, `en`)."""
    wanted = code.strip().replace("_", "-").lower()
    if wanted in _BY_CODE:
        return _BY_CODE[wanted]
    primary = wanted.split("-")[0]
    if primary in _DETECTED:
        return _DETECTED[primary]
    raise BadRequest(f"'{code}' is not a language code known to tglint: it checks English (en) and Chinese (zh)")


# --------------------------------------------------------------------------- the text


@dataclass(frozen=True, slots=True)
class _Piece:
    plain_start: int
    plain_end: int
    original_start: int
    original_end: int
    is_text: bool


class AnnotatedText:
    """A text as the client sent it (`original`, its markup included) and as it is checked
    (`plain`: the text pieces, and each markup piece's `interpretAs`)."""

    def __init__(self, pieces: Sequence[tuple[str, str, bool]]) -> None:
        """`pieces`: (as written, as read, is text) in order."""
        self.original = "".join(written for written, _, _ in pieces)
        self.plain = "".join(read for _, read, _ in pieces)
        placed = []
        plain = original = 0
        for written, read, is_text in pieces:
            placed.append(_Piece(plain, plain + len(read), original, original + len(written), is_text))
            plain += len(read)
            original += len(written)
        self._pieces = tuple(placed)
        self._starts = [piece.plain_start for piece in placed]
        self._ends = [piece.plain_end for piece in placed]

    @classmethod
    def of_text(cls, text: str) -> AnnotatedText:
        return cls([(text, text, True)])

    @classmethod
    def of_data(cls, data: str) -> AnnotatedText:
        """LanguageTool's `data` field: `{"text": ...}` or `{"annotation": [...]}`."""
        try:
            parsed = json.loads(data)
        except ValueError:
            raise BadRequest("Could not parse JSON from 'data' parameter") from None
        if not isinstance(parsed, dict) or ("text" not in parsed and "annotation" not in parsed):
            raise BadRequest("'data' key in JSON requires 'text' or 'annotation' key")
        if "text" in parsed and "annotation" in parsed:
            raise BadRequest("'data' key in JSON requires either 'text' or 'annotation' key, not both")
        if "text" in parsed:
            if not isinstance(parsed["text"], str):
                raise BadRequest("'text' in 'data' must be a string")
            return cls.of_text(parsed["text"])
        annotation = parsed["annotation"]
        if not isinstance(annotation, list):
            raise BadRequest("'annotation' in 'data' must be a list")
        pieces = []
        for item in annotation:
            text = item.get("text") if isinstance(item, dict) else None
            markup = item.get("markup") if isinstance(item, dict) else None
            if isinstance(text, str) and markup is None:
                pieces.append((text, text, True))
            elif isinstance(markup, str) and text is None:
                read = item.get("interpretAs", "")
                if not isinstance(read, str):
                    raise BadRequest("'interpretAs' in 'data' must be a string")
                pieces.append((markup, read, False))
            else:
                raise BadRequest("each entry of 'annotation' needs either a 'text' or a 'markup' string")
        return cls(pieces)

    def original_offset(self, offset: int, *, end: bool = False) -> int:
        """Where offset `offset` of the plain text is in the original: a start moves past
        markup before it, an end stays before markup after it; inside an `interpretAs`, the
        markup is taken whole."""
        if not self._pieces:
            return 0
        if end:
            index = min(bisect_left(self._ends, offset), len(self._pieces) - 1)
        else:
            index = max(bisect_right(self._starts, offset) - 1, 0)
        piece = self._pieces[index]
        if piece.is_text:
            return piece.original_start + max(0, min(offset, piece.plain_end) - piece.plain_start)
        if end and offset > piece.plain_start:
            return piece.original_end
        return piece.original_start

    def written_as_is(self, start: int, end: int) -> bool:
        """Whether plain characters [start, end) are written so in the original (no markup among them)."""
        first, last = self.original_offset(start), self.original_offset(end, end=True)
        return self.original[first:last] == self.plain[start:end]


class Utf16:
    """Offsets of a text counted in UTF-16 code units, as LanguageTool's clients count them."""

    def __init__(self, text: str) -> None:
        self._astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF] if not text.isascii() else []

    def units(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


# --------------------------------------------------------------------------- the request


@dataclass(frozen=True)
class CheckRequest:
    text: AnnotatedText
    language: Language | None  # None: `auto`
    select: tuple[str, ...] | None  # None: the configuration's
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def settings(self, base: Settings) -> Settings:
        """`base` (the server's configuration) with this request's language and rule choices."""
        from tglint.api import apply_overrides

        return apply_overrides(
            base,
            select=self.select,
            extend_select=(*base.extend_select, *self.extend_select) if self.extend_select else None,
            ignore=(*base.ignore, *self.ignore) if self.ignore else None,
            language=self.language.short if self.language else None,
        )


def parse_check_request(fields: Mapping[str, str], rules: Sequence[RuleLike]) -> CheckRequest:
    """The check asked for by `/v2/check`'s form fields; raises `BadRequest` as LanguageTool would."""
    for old, new in (("enabled", "enabledRules"), ("disabled", "disabledRules"), ("autodetect", "language=auto")):
        if old in fields:
            raise BadRequest(f"You specified '{old}' but the parameter is now called '{new}' in v2 of the API")
    code = fields.get("language", "").strip()
    if not code:
        raise BadRequest(
            "Missing 'language' parameter, e.g. 'language=en-US' for American English or 'language=zh-CN' for Chinese"
        )
    if "text" in fields and "data" in fields:
        raise BadRequest("Set only 'text' or 'data' parameter, not both")
    if "text" in fields:
        text = AnnotatedText.of_text(fields["text"])
    elif "data" in fields:
        text = AnnotatedText.of_data(fields["data"])
    else:
        raise BadRequest("Missing 'text' or 'data' parameter")
    language = None if code.lower() == "auto" else language_for(code)
    enabled = _known(fields, ("enabledRules", "enabledCategories"), rules)
    disabled = _known(fields, ("disabledRules", "disabledCategories"), rules)
    if fields.get("enabledOnly", "").strip().lower() == "true":
        if not any(fields.get(name, "").strip() for name in ("enabledRules", "enabledCategories")):
            raise BadRequest("You set 'enabledOnly=true' but no 'enabledRules' or 'enabledCategories'")
        return CheckRequest(text, language, select=enabled, ignore=disabled)
    return CheckRequest(text, language, select=None, extend_select=enabled, ignore=disabled)


def _known(fields: Mapping[str, str], names: Iterable[str], rules: Sequence[RuleLike]) -> tuple[str, ...]:
    """tglint selectors among the comma-separated ids of these fields (LanguageTool's own ids are dropped)."""
    from tglint.selection import matches

    found = []
    for name in names:
        for given in fields.get(name, "").split(","):
            selector = given.strip()
            if not selector.upper().startswith("TG"):
                selector = selector.lower()  # LanguageTool's categories are upper case: SECRET
            if selector and any(matches(selector, rule) for rule in rules):
                found.append(selector)
    return tuple(dict.fromkeys(found))


# --------------------------------------------------------------------------- the answer


def check_response(
    checked: CheckedText, request: CheckRequest, rules: Sequence[RuleLike], message_language: str = "auto"
) -> dict[str, Any]:
    """LanguageTool's JSON for a check of `request.text.plain`: software, warnings, language, matches."""
    from tglint.reading import PARTIAL_NOTE

    results = checked.results
    detected = next((r.language for r in results if r.language), None)
    detected_language = _DETECTED.get(detected or "", request.language or _DETECTED["en"])
    given = request.language or detected_language
    names_in = message_language if message_language in ("en", "zh") else detected_language.short
    problems = [r.error for r in results if r.error is not None and r.error != "empty file"]
    problems += [note for r in results for note in r.notes if note.startswith(PARTIAL_NOTE)]
    warnings: dict[str, Any] = {"incompleteResults": bool(problems)}
    if problems:
        warnings["incompleteResultsReason"] = "; ".join(dict.fromkeys(problems))
    quoted = _Quoted(checked, request.text)
    by_code = {rule.code: rule for rule in rules}
    matches = [_match(span, quoted, by_code.get(span.finding.rule), names_in) for span in _reported(checked)]
    return {
        "software": {
            "name": "tglint",
            "version": tglint.__version__,
            "apiVersion": API_VERSION,
            "premium": False,
            "status": "",
        },
        "warnings": warnings,
        "language": {
            "name": given.name,
            "code": given.code,
            "detectedLanguage": {
                "name": detected_language.name,
                "code": detected_language.code,
                # tglint decides between Chinese and English from the script: no probability.
                "confidence": 1.0 if detected else 0.0,
                "source": "tglint",
            },
        },
        "matches": sorted(matches, key=lambda m: (m["offset"], m["length"], m["rule"]["id"])),
    }


def _reported(checked: CheckedText) -> list[Span]:
    """The findings to report: without a header block, none about a header that is not there."""
    kept = []
    for span in checked.spans:
        draft = checked.drafts[span.message_index]
        bare = draft is not None and draft.kind == "text" and not HEADER_PARTS.intersection(draft.parts)
        if not (bare and span.finding.part in HEADER_PARTS):
            kept.append(span)
    return kept


class _Quoted:
    """The checked text as it may be quoted back: secrets masked, plain and original."""

    def __init__(self, checked: CheckedText, text: AnnotatedText) -> None:
        from tglint.reporters._masking import secrets

        self.checked = checked
        self.text = text
        known: set[str] = set()
        for result in checked.results:
            known.update(secrets(result))
        # Longest first, as the reports scrub them: a secret holding a shorter one is hidden whole.
        self.known = tuple(sorted(known, key=lambda piece: (-len(piece), piece)))
        stretches = [*checked.hidden, *((s.start, s.end) for s in checked.spans if s.finding.sensitive)]
        self.plain = _masked(text.plain, stretches, self.known)
        if text.original == text.plain:
            self.original = self.plain
        else:
            moved = [(text.original_offset(a), text.original_offset(b, end=True)) for a, b in stretches]
            self.original = _masked(text.original, moved, self.known)
        self.units = Utf16(text.original)
        self._model: Any = None

    def sentence(self, start: int, end: int) -> str:
        """The sentence(s) of the plain text holding [start, end), masked and trimmed."""
        from tglint.text.model import TextModel

        if self._model is None:
            self._model = TextModel(self.text.plain)
        first = self._model.sentence_at(start)
        last = self._model.sentence_at(max(start, end - 1))
        begin = first.start if first is not None else self.text.plain.rfind("\n", 0, start) + 1
        stop = last.end if last is not None else len(self.text.plain)
        return self.plain[begin : max(stop, end)].strip()

    def context(self, start: int, end: int) -> dict[str, Any]:
        """LanguageTool's `context`: up to CONTEXT_SIZE characters each side, "..." where cut,
        line breaks as spaces; offset and length in UTF-16 units of the context."""
        text = self.original
        begin, stop = max(0, start - CONTEXT_SIZE), min(len(text), end + CONTEXT_SIZE)
        prefix, suffix = ("..." if begin > 0 else ""), ("..." if stop < len(text) else "")
        shown = prefix + text[begin:stop].replace("\r", " ").replace("\n", " ") + suffix
        before = len(prefix) + start - begin
        return {
            "text": shown,
            "offset": utf16_length(shown[:before]),
            "length": utf16_length(shown[before : before + end - start]),
        }


def _masked(text: str, stretches: Iterable[tuple[int, int]], known: tuple[str, ...]) -> str:
    """`text` with each stretch masked and each known secret scrubbed, every character kept in place."""
    from tglint.reporters._masking import scrub

    chars = list(text)
    for start, end in stretches:
        piece = text[start:end]
        if "\n" in piece or "\r" in piece:
            masked = "".join(char if char in "\r\n" else "*" for char in piece)
        else:
            masked = mask_text(piece)
        # Stars only accumulate: what one stretch hides, an overlapping one never shows.
        for index, char in enumerate(masked, start):
            if char == "*":
                chars[index] = "*"
    return scrub("".join(chars), known) if known else "".join(chars)


def _match(span: Span, quoted: _Quoted, rule: RuleLike | None, names_in: str) -> dict[str, Any]:
    text = quoted.text
    start, end = _shown_span(text.plain, span.start, span.end)
    replacements, start, end = _replacements(span, quoted, start, end)
    first, last = text.original_offset(start), text.original_offset(end, end=True)
    last = max(first, last)
    finding = span.finding
    english, chinese = CATEGORY_NAMES.get(finding.category, (finding.category, finding.category))
    category_name = chinese if names_in == "zh" else english
    return {
        "message": span.record["message"],
        "shortMessage": category_name,
        "replacements": replacements,
        "offset": quoted.units.units(first),
        "length": quoted.units.units(last) - quoted.units.units(first),
        "context": quoted.context(first, last),
        "sentence": quoted.sentence(start, end),
        "type": {"typeName": "Hint" if finding.severity is Severity.INFO else "Other"},
        "rule": {
            "id": finding.rule,
            "description": rule.summary if rule is not None else finding.name,
            "issueType": ISSUE_TYPES.get(finding.category, "other"),
            "category": {"id": finding.category, "name": category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _shown_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A finding about something missing has no width (a subject not written); clients show
    none, so it covers its line instead (what is written of it), when the line has text."""
    if start != end:
        return start, end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end]
    if not line.strip():
        return start, end
    return line_start + len(line) - len(line.lstrip()), line_start + len(line.rstrip())


def _replacements(span: Span, quoted: _Quoted, start: int, end: int) -> tuple[list[dict[str, str]], int, int]:
    """The fix as LanguageTool's replacement of the match's text, and the match's span (widened
    to the fix's when both lie on one line). None when the fix cannot be written so: it changes
    text on other lines, or markup of an annotated text."""
    fix = span.record["fix"]
    if fix is None:
        return [], start, end
    replacement = quoted.checked.fix([span])
    if replacement is None:
        return [], start, end
    plain = quoted.text.plain
    wider_start, wider_end = min(start, replacement.start), max(end, replacement.end)
    if (wider_start, wider_end) != (start, end) and "\n" in plain[wider_start:wider_end]:
        return [], start, end
    if not quoted.text.written_as_is(wider_start, wider_end):
        return [], start, end
    from tglint.reporters._masking import scrub

    value = (
        quoted.plain[wider_start : replacement.start]
        + scrub(replacement.text, quoted.known)
        + quoted.plain[replacement.end : wider_end]
    )
    description = fix["description"] + ("" if fix["applicability"] == "safe" else " (unsafe)")
    return [{"value": value, "shortDescription": description}], wider_start, wider_end
