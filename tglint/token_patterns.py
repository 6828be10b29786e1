"""Token patterns in declarative rules (`tokens`): spaCy's Matcher over the draft's words.

spaCy and jieba are the `spacy` extra, imported here only, and only when a loaded rule pack has
a rule with `tokens`: no built-in rule needs them, and importing spaCy costs more than a whole
run of tglint on one draft. English is split by a blank `spacy.blank("en")` pipeline; Chinese by
jieba into words (spaCy's blank Chinese pipeline would split it into single characters, where
`[{"TEXT": "赶紧"}]` never matches). Neither needs a model download.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from tglint.catalog import CatalogError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from tglint.analysis import Analysis
    from tglint.catalog import CatalogRule

INSTALL_HINT = "pip install 'tglint[spacy]'"
# A draft is bounded by the reading limits, not by spaCy's guard against a parser's memory.
_NO_LENGTH_LIMIT = 2**62
_WHITESPACE_RUN = re.compile(r"\s+")

_pipelines: dict[str, Language] = {}


def pipeline_language(language: str) -> str:
    """The pipeline a draft in `language` is split by: Chinese words by jieba, anything else as English."""
    return "zh" if language == "zh" else "en"


def pipeline(language: str) -> Language:
    """The blank pipeline of `language` ("en" or "zh"), built once per process."""
    found = _pipelines.get(language)
    if found is None:
        import spacy

        if language == "zh":
            # A blank pipeline whose tokenizer is replaced: the segmenter spaCy's zh config offers
            # for jieba logs to stderr and drops the whitespace layout this tokenizer keeps.
            found = spacy.blank("zh")
            found.tokenizer = JiebaTokenizer(found.vocab)
        else:
            found = spacy.blank("en")
        found.max_length = _NO_LENGTH_LIMIT
        _pipelines[language] = found
    return found


class JiebaTokenizer:
    """Chinese text as jieba's words, in a Doc whose text is exactly the text given.

    As spaCy's own tokenizer does, one space after a word is that word's trailing whitespace
    and any other run of whitespace is a token of its own, so that `[{"LOWER": "reply"},
    {"LOWER": "asap"}]` matches "reply asap" in a Chinese draft as it does in an English one.
    """

    def __init__(self, vocab: Vocab) -> None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not the user's business
        self.vocab = vocab
        self._jieba = jieba.Tokenizer()

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        for word in _jieba_words(self._jieba.cut(text)):
            if not word.isspace():
                words.append(word)
                spaces.append(False)
                continue
            if word.startswith(" ") and spaces and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
                word = word[1:]
            if word:
                words.append(word)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


def _jieba_words(pieces: Iterator[str]) -> Iterator[str]:
    """jieba's words with each run of whitespace (which it gives a character at a time) joined."""
    pending = ""
    for piece in pieces:
        if piece.isspace():
            pending += piece
            continue
        if pending:
            yield pending
            pending = ""
        yield piece
    if pending:
        yield pending


class TokenMatcher:
    """A rule's `tokens`: the places in a text where one of its patterns matches the text's tokens."""

    def __init__(self, rule: CatalogRule, patterns: Sequence[Sequence[dict[str, Any]]]) -> None:
        self._rule = rule
        self._patterns = [list(pattern) for pattern in patterns]
        self._matchers: dict[str, Matcher] = {}
        _import_extra(rule)
        # Checked now, against the English vocabulary (the schema is the same for every language):
        # a pattern spaCy refuses is an error in the pack, said before any draft is read.
        self._matcher("en")

    def spans(self, analysis: Analysis, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) character offsets in `text` of each match, in the draft's language."""
        language = pipeline_language(analysis.language)
        doc = analysis.memo(("token-doc", language, text), lambda: pipeline(language).tokenizer(text))
        for span in self._matcher(language)(doc, as_spans=True):
            yield span.start_char, span.end_char

    def _matcher(self, language: str) -> Matcher:
        found = self._matchers.get(language)
        if found is None:
            from spacy.matcher import Matcher

            found = Matcher(pipeline(language).vocab, validate=True)
            where = f"{self._rule.source}: [{self._rule.code}]"
            for number, pattern in enumerate(self._patterns, 1):  # one at a time: the error names which
                try:
                    found.add(self._rule.code, [pattern])
                except (ValueError, re.error) as exc:  # spaCy's MatchPatternError; its errors on a pattern's shape
                    raise CatalogError(f"{where} `tokens[{number}]`: {_one_line(exc)}") from None
            self._matchers[language] = found
        return found


def _import_extra(rule: CatalogRule) -> None:
    """spaCy and jieba, or a CatalogError naming the rule that needs them and how to install them."""
    for module in ("spacy", "jieba"):
        try:
            __import__(module)
        except ImportError:
            raise CatalogError(
                f"{rule.source}: [{rule.code}] `tokens` need spaCy and jieba ({module} is not installed): "
                f"{INSTALL_HINT}"
            ) from None


def _one_line(error: Exception) -> str:
    return _WHITESPACE_RUN.sub(" ", str(error)).strip()
