"""Which language a draft is written in.

The script decides first (Han characters mean Chinese, even among many Latin
technical terms; English function words mean English). langdetect is asked only
when the script leaves it open, seeded so that the answer is the same every run.
"""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
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


def detect_language(text: str) -> str | None:
    """'zh', 'en', another ISO 639-1 code, or None when there is no text to judge."""
    han = len(_HAN.findall(text))
    if _KANA.search(text) and len(_KANA.findall(text)) * 5 > han:
        return "ja"
    if len(_HANGUL.findall(text)) > han:
        return "ko"
    words = _LATIN_WORD.findall(text)
    if han >= 2 and han * 2 >= len(words):
        return "zh"
    if not words:
        return "zh" if han else None
    function_words = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS)
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
