"""Regexes compiled when first needed, and the packs' regex lists.

Rule modules keep their regexes as strings and compile them here when a draft needs
them: `tglint rules` imports every rule module and needs none, and a class of Chinese
characters alone takes milliseconds to compile. A pack's regex list is joined into one
regex (`compile_patterns`), and searched through the anchors the pack declares beside it
(`pack_pattern`, `tglint.anchors`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from tglint.packs import PackError

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.anchors import AnchoredPattern
    from tglint.lexicon import Lexicon
    from tglint.packs import Packs


@cache
def compiled(regex: str, flags: int = 0) -> re.Pattern[str]:
    """`regex` compiled the first time it is asked for, then the same pattern every time.

    About 80 ns a call (half of `re.compile`'s own cache lookup): in a loop that runs per
    character, fetch the pattern before the loop.
    """
    return re.compile(regex, flags)


# -- the packs' regex lists ---------------------------------------------------------------------

# The guard the packs' regexes begin with: a match that begins with an ASCII letter, digit or "_" does not follow
# one ("id" is not found in "android").
WORD_START = r"(?<![A-Za-z0-9_])"
# The same at either end of a match, where Chinese characters may touch it (Chinese is written without spaces).
WORD_EDGE = rf"(?:{WORD_START}|(?![A-Za-z0-9_]))"


@lru_cache(maxsize=512)
def _joined(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    # Where a match begins or ends with an ASCII letter or digit, another may not touch it there
    # ("id" is not in "android"); Chinese characters may.
    return re.compile(WORD_EDGE + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + WORD_EDGE, re.IGNORECASE)


def compile_patterns(value: object, source: str) -> re.Pattern[str] | None:
    """A regex or list of regexes from a pack, joined and compiled once; `source` names it in errors."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise PackError(f"rule pack {source} must be a regex or a list of regexes")
    try:
        return _joined(tuple(items))
    except re.error as exc:
        raise PackError(f"rule pack {source} has an invalid regex: {exc}") from None


def searches(compiled: re.Pattern[str] | None, text: str) -> bool:
    """Whether a pack regex (None: an empty list) matches somewhere in `text`."""
    return compiled is not None and compiled.search(text) is not None


def pack_pattern(packs: Packs, pack: str, key: str, language: str | None = None) -> AnchoredPattern | None:
    """The regex list at `key` (a key path: "time", "checklist.support.steps.patterns") of a pack, both
    languages merged unless one is named, joined, compiled and tried only where its anchors stand; built
    once per set of packs. None for an empty list."""
    return packs.derived(("pack-pattern", pack, key, language), lambda: _pack_pattern(packs, pack, key, language))


def _pack_pattern(packs: Packs, pack: str, key: str, language: str | None) -> AnchoredPattern | None:
    from tglint.anchors import AnchoredPattern, anchors_at

    table = packs.get(pack, language)
    value: Any = table
    for part in key.split("."):
        value = value.get(part, []) if isinstance(value, Mapping) else []
    compiled = compile_patterns(value, f"{pack}: `{key}`")
    if compiled is None:
        return None
    return AnchoredPattern(compiled, anchors_at(table, key) or ())


def lexicon_of(analysis: Analysis, pack: str, key: str, together: str | None = None) -> Lexicon:
    """`analysis.lexicon(pack, key)` (both languages merged), built once per set of packs, not per draft."""
    return analysis.lexicon(pack, key, together=together)


def copy_of(analysis: Analysis, text: str) -> str:
    """The search copy of one of the draft's texts (`tglint.anchors.search_copy`), made once per draft: the
    same text is searched for many regex lists."""
    from tglint.anchors import search_copy

    return analysis.memo(("search-copy", text), lambda: search_copy(text))
