"""The quick searches of the account, pii and secret rules find exactly what the plain ones find."""

from __future__ import annotations

import random
import re

import pytest

from tglint.checks import account, pii, secret
from tglint.packs import load_packs

# Characters that case-insensitive matching folds onto ASCII letters, and other traps.
TRAPS = ["ſ", "K", "İ", "ı", "ID", "id", "Id", "_", "-", "：", "\n", " ", "@", "#"]


class Draft:
    """Just what `pii._in_long_numbers` reads of an Analysis."""

    def __init__(self, text: str) -> None:
        self.body_text = text
        self._memo: dict[object, object] = {}

    def memo(self, key: object, compute: object) -> object:
        if key not in self._memo:
            self._memo[key] = compute()  # type: ignore[operator]
        return self._memo[key]


def pack_patterns() -> list[re.Pattern[str] | None]:
    packs = load_packs()
    found: list[re.Pattern[str] | None] = []
    for name in ("account", "details", "device", "mixed"):
        for value in packs.get(name).values():
            if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
                try:
                    compiled = account.compile_patterns(value, name)
                except Exception:
                    continue
                if compiled is not None:
                    found.append(compiled)
    identifiers = packs.get("requirements").get("identifiers", {})
    found += [account.compile_patterns(value, "identifiers") for value in identifiers.values()]
    return found


def sample_texts() -> list[str]:
    rng = random.Random(3)
    words = ["my", "user id", "ID：", "注册", "2021", "12345", "account", "registered", "sign-up", "用户名", "phone"]
    texts = ["", "账户ID：123456789", "user ID 5123456789", "registered in 2021", "aregistered", "signed up"]
    for _ in range(400):
        texts.append(" ".join(rng.choice(words + TRAPS) for _ in range(rng.randint(1, 8))))
    return texts


def test_yes_no_searches_agree_with_plain_search() -> None:
    patterns = [compiled for compiled in pack_patterns() if compiled is not None]
    assert len(patterns) > 10
    texts = sample_texts()
    for compiled in patterns:
        for text in texts:
            assert account.searches(compiled, text) == (compiled.search(text) is not None), (compiled.pattern, text)


@pytest.mark.parametrize(
    "pattern",
    [r"(?:regist(?:ered|ration))", r"\d{5}|x?", r"[^a]b", r"(?i:k)elvin", r"(?:a|b*)c", r"\bsign\b", r"(?-i:ID)\s*\d+"],
)
def test_yes_no_form_of_odd_patterns(pattern: str) -> None:
    compiled = account.compile_patterns([pattern], "test")
    assert compiled is not None
    rng = random.Random(pattern)
    alphabet = "abcdeikKlnorstvxIDſK_ 0123456789-"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert account.searches(compiled, text) == (compiled.search(text) is not None), text


def test_number_patterns_in_long_numbers_agree_with_finditer() -> None:
    rng = random.Random(5)
    pieces = ["110108199003071238", "11010819900307123X", "110108 19900307 123x", "4111 1111 1111 1111"]
    pieces += ["4111-1111-1111-1111", "6222021234567894", "123-45-6789", "110108900307123", "X", "x", "-", " "]
    pieces += ["*", "1", "a", "中", "+", "."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for pattern in (pii._RESIDENT_ID, pii._OLD_RESIDENT_ID, pii._SSN, pii._CARD):
            quick = [m.span() for m in pii._in_long_numbers(Draft(text), pattern)]  # type: ignore[arg-type]
            assert quick == [m.span() for m in pattern.finditer(text)], text


def test_address_and_bot_token_hints_agree_with_the_plain_patterns() -> None:
    street = re.compile(r"\b(?:Street|St|Road|Rd|Way|Hill)\b")
    zh_address = re.compile(r"\d[ \u3000]?号")
    bot_core = re.compile(r"\d:[A-Za-z0-9_-]{30}")
    rng = random.Random(9)
    pieces = ["Street", "St", "Road", "Hill", "Way", "Stx", "xSt", "é", "_", "1", " ", "号", "\u3000", ":", "-"]
    pieces.append("a" * 30)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        assert pii._has_street_word(text) == (street.search(text) is not None), text
        assert (pii._ZH_ADDRESS_HINT.search(text) is None) == (zh_address.search(text) is None), text
        assert (secret._BOT_TOKEN_CORE.search(text) is None) == (bot_core.search(text) is None), text
