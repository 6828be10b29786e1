"""Which language a draft is written in.

The script decides first (Han characters mean Chinese, even among many Latin
technical terms; kana Japanese, hangul Korean; English function words mean
English). langdetect is asked only when the script leaves it open: Latin words
that are not English, or words of another alphabet (Cyrillic, Arabic, Greek...),
which several languages share. It is seeded so that the answer is the same every run.
"""

from __future__ import annotations

from tglint.patterns import compiled

# Classes of characters beyond Latin-1 take milliseconds to compile: compiled on first use, not on import.
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_KANA = r"[\u3040-\u30ff]"
_HANGUL = r"[\uac00-\ud7af]"
_KANA_OR_HANGUL = f"{_KANA}|{_HANGUL}"
_LATIN_WORD = r"[A-Za-z]+(?:'[a-z]+)?"
# A run of letters of another alphabet: Greek, Cyrillic, Armenian, Hebrew, Arabic (Persian, Urdu...), the
# Indic scripts, Thai, Lao, Tibetan, Myanmar, Georgian, Ethiopic, Khmer.
_OTHER_WORD = (
    r"[\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    r"\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u10a0-\u10ff\u1200-\u137f\u1780-\u17ff"
    r"\ufb1d-\ufdff\ufe70-\ufefc]+"
)
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "my",
        "me",
        "i",
        "you",
        "your",
        "it",
        "its",
        "this",
        "that",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "not",
        "no",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "will",
        "please",
        "when",
        "after",
        "since",
        "there",
        "what",
        "which",
    ]
)


def has_cjk(text: str) -> bool:
    """Whether `text` holds a CJK ideograph (U+3400 to U+9FFF), for short texts (a tag, a term, a line): a regex
    of that class takes milliseconds to compile."""
    return not text.isascii() and any("\u3400" <= char <= "\u9fff" for char in text)


def detect_language(text: str) -> str | None:
    """'zh', 'en', another ISO 639-1 code ('ru', 'fa', 'es'...), or None when there is no text to judge."""
    # Most English drafts are plain ASCII: no Han, kana or hangul to look for. Most others hold neither kana nor
    # hangul: one search tells, and neither needs counting then.
    plain = text.isascii()
    han = 0 if plain else len(compiled(_HAN).findall(text))
    if not plain and compiled(_KANA_OR_HANGUL).search(text):
        if len(compiled(_KANA).findall(text)) * 5 > han:
            return "ja"
        if len(compiled(_HANGUL).findall(text)) > han:
            return "ko"
    words = compiled(_LATIN_WORD).findall(text)
    if han >= 2 and han * 2 >= len(words):
        return "zh"
    # Mostly letters of another alphabet ("Здравствуйте, Telegram на iPhone вылетает"; Thai is written
    # without spaces, so letters are counted, not words): which language of it is langdetect's to say.
    if not plain and sum(map(len, compiled(_OTHER_WORD).findall(text))) > sum(map(len, words)):
        return _ask_langdetect(text)
    if not words:
        return "zh" if han else None
    function_words = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words)))
    if len(words) < 6 or function_words * 8 >= len(words):
        return "en"
    return _ask_langdetect(text) or "en"


def _ask_langdetect(text: str) -> str | None:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0
    try:
        code = detect(text)
    except LangDetectException:
        return None
    return "zh" if code.startswith("zh") else code
