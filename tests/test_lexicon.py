"""TermSet finds what a plain leftmost-longest search finds, however its pattern is shaped."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from tglint import lexicon
from tglint.lexicon import TermSet, WordAutomaton, ascii_lower

_WORD = re.compile(r"[a-z0-9_]")


def reference(terms: list[str], text: str) -> list[tuple[int, int, str]]:
    """Leftmost, then longest; a term starting or ending with an ASCII word character must not
    touch another one there."""
    lowered = ascii_lower(text)
    found, at = [], 0
    while at < len(lowered):
        fitting = [
            term
            for term in terms
            if lowered.startswith(term, at)
            and not (_WORD.match(term[0]) and at > 0 and _WORD.match(lowered[at - 1]))
            and not (_WORD.match(term[-1]) and _WORD.match(lowered[at + len(term) : at + len(term) + 1]))
        ]
        if fitting:
            term = max(fitting, key=len)
            found.append((at, at + len(term), term))
            at += len(term)
        else:
            at += 1
    return found


def _terms(rng: random.Random, alphabet: str, count: int) -> list[str]:
    return sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(count)})


@pytest.mark.parametrize("chinese_terms", [5, 300], ids=["few-chinese-terms", "many-chinese-terms"])
def test_termset_matches_the_plain_search(chinese_terms: int) -> None:
    rng = random.Random(chinese_terms)
    han = "".join(chr(0x4E00 + rng.randrange(400)) for _ in range(60))
    terms = _terms(rng, "abc1_", 25) + _terms(rng, han, chinese_terms) + ["a中", "中a", "码"]
    found = TermSet(terms)
    alphabet = "abcABC1_ .-" + han[:30] + "中码"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert list(found.finditer(text)) == reference(sorted(found.terms), text), text


def test_ascii_lower_changes_only_ascii_letters_and_keeps_the_length() -> None:
    rng = random.Random(7)
    alphabet = "AZaz09_ ÄÖÜİıſKΣ中文\udc80\udcff\ud800\U0001f600"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = "".join(char.lower() if "A" <= char <= "Z" else char for char in text)
        assert ascii_lower(text) == expected


# -- the automaton against the trie-shaped regex it replaced ---------------------------------------


def _regex_reference(terms: list[str]) -> re.Pattern[str] | None:
    """The pattern TermSet compiled before it used an automaton, kept as a plain reference: a trie of
    the normalised terms as one regex, a space as `\\s+`, a term edge with a Latin letter, digit or "_"
    guarded by a look-around, a longer term tried before a shorter one."""
    normalised = {" ".join(ascii_lower(t).split()) for t in terms if t.strip()}
    trie: dict[str, Any] = {}
    for term in normalised:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}

    def word(char: str) -> bool:
        return char.isascii() and (char.isalnum() or char == "_")

    def shaped(node: dict[str, Any], previous: str) -> str:
        branches = []
        for char in sorted(key for key in node if key):
            piece = r"\s+" if char == " " else re.escape(char)
            if not previous and word(char):
                piece += rf"(?<![a-z0-9_]{re.escape(char)})"
            branches.append(piece + shaped(node[char], char))
        if "" in node:
            branches.append(r"(?![a-z0-9_])" if word(previous) else "")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(shaped(trie, "")) if normalised else None


def _regex_matches(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int, str]]:
    if pattern is None:
        return []
    return [(m.start(), m.end(), " ".join(m.group().split())) for m in pattern.finditer(ascii_lower(text))]


# Every kind of whitespace `\s` and str.split() know, and characters near the edges of what is a word.
_SPACES = " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2003\u2028\u2029\u202f\u3000"
_OTHERS = "-.'，。İıſKéß😀\udc80"


def _spelled(rng: random.Random, term: str) -> str:
    """A term as a text may write it: its spaces as runs of any whitespace, its ASCII letters in any case."""
    out = []
    for char in term:
        if char == " ":
            out.append("".join(rng.choice(_SPACES) for _ in range(rng.randint(1, 3))))
        else:
            out.append(char.upper() if rng.random() < 0.3 else char)
    return "".join(out)


def _mixed_text(rng: random.Random, pool: list[str], letters: str) -> str:
    """Terms of `pool` as a text may write them, among runs of whitespace and other characters."""
    parts = []
    for _ in range(rng.randint(0, 12)):
        roll = rng.random()
        if roll < 0.4 and pool:
            parts.append(_spelled(rng, rng.choice(pool)))
        elif roll < 0.6:
            parts.append("".join(rng.choice(_SPACES) for _ in range(rng.randint(1, 4))))
        else:
            parts.append("".join(rng.choice(letters + _OTHERS) for _ in range(rng.randint(1, 4))))
    return "".join(parts)


@pytest.mark.parametrize("seed", range(12))
def test_termset_finds_what_the_trie_regex_found(seed: int) -> None:
    rng = random.Random(seed)
    han = "".join(chr(0x4E00 + rng.randrange(300)) for _ in range(12))
    latin = "abAB1_"
    letters = latin + han + "é-"

    def word() -> str:
        return "".join(rng.choice(rng.choice((latin, han, letters))) for _ in range(rng.randint(1, 3)))

    terms = {" ".join(word() for _ in range(rng.choice((1, 1, 1, 2, 3)))) for _ in range(rng.randint(1, 60))}
    # Nested and overlapping terms: prefixes, suffixes and middles of others, and others joined.
    for term in list(terms):
        cut = rng.randrange(len(term) + 1)
        terms |= {term[:cut], term[cut:], term[cut // 2 : cut + 1]}
    pool = sorted(terms)
    terms |= {rng.choice(pool) + rng.choice(("", " ")) + rng.choice(pool) for _ in range(10)}
    # How a pack may write them: case and whitespace are not the lexicon's spelling; blank ones are dropped.
    written = [_spelled(rng, term) if rng.random() < 0.2 else term for term in terms] + ["", "  \t"]
    found, reference = TermSet(written), _regex_reference(written)
    pool = sorted(found.terms)
    for _ in range(300):
        text = _mixed_text(rng, pool, letters)
        expected = _regex_matches(reference, text)
        assert list(found.finditer(text)) == expected, (sorted(found.terms), text)
        assert found.search(text) == bool(expected), text


def test_the_word_automaton_reports_every_place_a_word_stands() -> None:
    """Split by first character as it is, it still reports every place, on ASCII texts and others alike."""
    rng = random.Random(3)
    alphabet = "ab1_ 中文é😀"
    for _ in range(200):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 8))}
        automaton = WordAutomaton({word: word for word in words})
        letters = rng.choice((alphabet, "ab1_ "))  # half the texts are ASCII only
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 30)))
        expected = sorted(
            (at + len(word) - 1, word) for word in words for at in range(len(text)) if text.startswith(word, at)
        )
        assert sorted(automaton.iter(text)) == expected, (sorted(words), text)
        # Pass by pass, in the order of the ends (what the anchors' search relies on), the same places.
        passes = [(list(found), longest) for found, longest in automaton.passes(text)]
        for found, longest in passes:
            assert [end for end, _ in found] == sorted(end for end, _ in found)
            assert all(len(word) <= longest for _, word in found)
        assert sorted(place for found, _ in passes for place in found) == expected


def test_a_long_text_is_searched_alike_and_its_copies_are_not_kept() -> None:
    terms = ["pin", "pin code", "二步验证", "验证 码", "a中"]
    found, reference = TermSet(terms), _regex_reference(terms)
    piece = "PIN\u3000\t code; spinning 二步验证 验证\n\n码 a中 pin_ "
    text = piece * (lexicon._KEPT_LENGTH // len(piece) + 1)
    lexicon._kept_copy.cache_clear()
    assert list(found.finditer(text)) == _regex_matches(reference, text)
    assert found.search(text)
    assert lexicon._kept_copy.cache_info().currsize == 0


@pytest.mark.parametrize("seed", range(8))
def test_term_sets_find_in_one_pass_what_each_list_finds(seed: int) -> None:
    """Several lists in one automaton: each list's matches are its own TermSet's, whatever the others
    hold (the same term in two lists, a term of one inside another's, lists with and without spaces)."""
    rng = random.Random(seed)
    han = "".join(chr(0x4E00 + rng.randrange(40)) for _ in range(8))
    letters = "abAB1_" + han

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(1, 3)))

    shared = [word() for _ in range(6)]
    lists = {}
    for name in ("one", "two", "three", "empty"):
        terms = [] if name == "empty" else [word() for _ in range(rng.randint(0, 12))] + rng.sample(shared, 3)
        if name == "two":  # only this list has terms of several words
            terms += [f"{rng.choice(shared)} {word()}" for _ in range(4)]
        lists[name] = TermSet(terms)
    together = lexicon.TermSets(lists)
    pool = sorted(set().union(*(terms.terms for terms in lists.values())))
    for _ in range(300):
        text = _mixed_text(rng, pool, letters)
        assert together.find(text) == {name: list(terms.finditer(text)) for name, terms in lists.items()}, text


@pytest.mark.parametrize("seed", range(6))
def test_lists_in_a_shared_pass_find_what_each_finds_alone(seed: int) -> None:
    """Lists searched in one pass per text find what they find alone, whether they joined before the pass
    was built or after (searched alone until a rebuild takes them in), and whatever the others read."""
    rng = random.Random(seed)
    han = "".join(chr(0x4E00 + rng.randrange(40)) for _ in range(8))
    letters = "abAB1_" + han

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(1, 3)))

    def words() -> list[str]:
        terms = [word() for _ in range(rng.randint(0, 12))]
        return terms + [f"{word()} {word()}" for _ in range(rng.randint(0, 3))]

    shared = lexicon.SharedPass()
    members: list[tuple[TermSet, TermSet]] = []  # (in the pass, alone)
    texts: list[str] = []
    rebuilt = 0
    for round_ in range(300):
        if round_ % 40 == 0:  # lists keep joining, as they are built while the first drafts are checked
            terms = words()
            members.append((TermSet(terms, shared), TermSet(terms)))
        pool = sorted(set().union(*(alone.terms for _, alone in members)))
        text = rng.choice(texts) if texts and rng.random() < 0.3 else _mixed_text(rng, pool, letters)
        texts.append(text)
        built = shared._built
        for member, alone in rng.sample(members, len(members)):
            assert list(member.finditer(text)) == list(alone.finditer(text)), text
            assert member.search(text) == alone.search(text), text
        rebuilt += shared._built is not built
    assert rebuilt > 1  # late members were taken in: the pass was searched, not only each list alone


def test_a_text_too_long_to_keep_is_searched_by_each_list_of_a_pass_alone() -> None:
    shared = lexicon.SharedPass()
    pins, codes = TermSet(["pin", "pin code"], shared), TermSet(["二步验证", "验证 码"], shared)
    piece = "PIN\u3000\t code; spinning 二步验证 验证\n\n码 a中 pin_ "
    text = piece * (lexicon._KEPT_LENGTH // len(piece) + 1)
    lexicon._kept_copy.cache_clear()
    assert list(pins.finditer(text)) == list(TermSet(pins.terms).finditer(text))
    assert list(codes.finditer(text)) == list(TermSet(codes.terms).finditer(text))
    assert lexicon._kept_copy.cache_info().currsize == 0


def test_offsets_into_the_text_with_its_whitespace_shortened_map_back_to_the_text() -> None:
    """Each character of the shortened text but a space maps to where it stands in the text: leading runs,
    runs of every kind of whitespace, single ones and trailing ones alike."""
    rng = random.Random(11)
    for _ in range(500):
        text = "".join(
            rng.choice(("".join(rng.choice(_SPACES) for _ in range(rng.randint(1, 4))), "a", "中", "b.", " "))
            for _ in range(rng.randint(0, 15))
        )
        shortened = " ".join(text.split())
        runs = lexicon._Runs(text)
        kept = [at for at, char in enumerate(text) if not char.isspace()]
        assert [runs.original(at) for at, char in enumerate(shortened) if char != " "] == kept, repr(text)


def test_runs_of_whitespace_are_found_as_the_regex_finds_them() -> None:
    """In an ASCII text the runs are looked for in its bytes with whitespace written as NULs: the same spans as
    `\\s\\s+` in the text, for every ASCII whitespace character (those str.split() breaks at), NULs and
    characters beyond ASCII (searched as before)."""
    rng = random.Random(12)
    pieces = [*(chr(code) for code in range(128) if chr(code).isspace()), "\x00", "a", "b.", "\x7f", "中", "\u3000"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        expected = [run.span() for run in re.compile(r"\s\s+").finditer(text, start)]
        assert [run.span() for run in lexicon._long_runs(text, start)] == expected, repr(text)


@pytest.mark.parametrize("seed", range(6))
def test_ascii_texts_find_what_the_trie_regex_found(seed: int) -> None:
    """In an ASCII text, terms beginning with a letter or digit are looked for at word starts only, in a copy
    where one mark stands for every other character: terms holding such characters ("2-step code", "e-mail"
    and "e.mail", marked alike), beginning or ending with them ("(", "-->", "re:"), at the text's start and
    end, glued to one another, find what the plain reference finds, alone and in one pass."""
    rng = random.Random(seed)
    pieces = ["a", "b1", "_x", "e", "mail", "2", "step", "code", "re", "pin"]
    marks = ["-", ".", ":", "(", "'", ">", "@", "/"]

    def term() -> str:
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 3))]
        glue = [rng.choice([*marks, " ", ""]) for _ in words]
        written = "".join(w + g for w, g in zip(words, glue, strict=True))
        return rng.choice([written, rng.choice(marks) + written, written.rstrip(" ")]).strip() or "a"

    lists = {
        name: TermSet([term() for _ in range(rng.randint(1, 12))] + ["e-mail", "e.mail", "e mail"]) for name in "xyz"
    }
    together = lexicon.TermSets(lists)
    references = {name: _regex_reference(sorted(terms.terms)) for name, terms in lists.items()}
    pool = sorted(set().union(*(terms.terms for terms in lists.values())))
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(0, 10)):
            roll = rng.random()
            parts.append(
                rng.choice(pool).upper()
                if roll < 0.2
                else rng.choice(pool)
                if roll < 0.5
                else rng.choice([" ", "  ", "\t", "\n", *marks, *pieces, "A", "Z9"])
            )
        text = "".join(parts)
        assert text.isascii()
        for name, terms in lists.items():
            expected = _regex_matches(references[name], text)
            assert list(terms.finditer(text)) == expected, (sorted(terms.terms), text)
            assert terms.search(text) == bool(expected)
        assert together.find(text) == {name: list(terms.finditer(text)) for name, terms in lists.items()}


def test_a_long_ascii_text_is_searched_alike_and_its_copies_are_not_kept() -> None:
    terms = ["pin", "pin code", "e-mail", "(", "2fa code"]
    found, reference = TermSet(terms), _regex_reference(terms)
    piece = "PIN  code; spinning e-mail E.MAIL (x) 2FA\tcode pin_ 2fa-code "
    text = piece * (2 * lexicon._KEPT_LENGTH // len(piece))  # too long to keep, whitespace shortened or not
    assert text.isascii()
    lexicon._kept_copy.cache_clear()
    lexicon._kept_marked_copy.cache_clear()
    assert list(found.finditer(text)) == _regex_matches(reference, text)
    assert lexicon._kept_copy.cache_info().currsize == 0
    assert lexicon._kept_marked_copy.cache_info().currsize == 0
