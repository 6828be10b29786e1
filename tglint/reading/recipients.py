"""The addresses of the To, Cc and Bcc parts, each with its offsets in the part's text."""

from __future__ import annotations

import re
from email.utils import getaddresses

from tglint.draft import Part, Recipient
from tglint.limits import Limits
from tglint.reading.headers import RECIPIENT_FIELDS, decode_header

_ADDRESS_RUN = re.compile(r"[^\s<>,;:\"'()\[\]]+")
SEPARATOR_LOOKALIKES = str.maketrans({"；": ",", ";": ",", "，": ",", "、": ",", "＜": "<", "＞": ">"})
# How far past a plain occurrence of an address its "<address>" form is looked for.
_BRACKET_WINDOW = 1024


def _recipients(field: str, text: str, parse_source: str, max_words: int) -> list[Recipient]:
    """Addresses of one header part, each with its offsets in the part's text."""
    found: list[Recipient] = []
    seen: set[str] = set()
    cursor = 0
    locator = _Locator(text)
    parsed = _parsed_addresses(parse_source)
    for raw_name, address in parsed:
        address = address.strip()
        display_name = decode_header(raw_name, field, [], max_words=max_words) if raw_name else ""
        if not _is_plausible_address(address) or address.lower() in seen:
            continue
        start = locator.find(address, cursor)
        if start < 0:
            found.append(Recipient(field, address, display_name.strip(), 0, len(text)))
        else:
            found.append(Recipient(field, address, display_name.strip(), start, start + len(address)))
            cursor = start + len(address)
        seen.add(address.lower())
    if parsed and all(_is_plausible_address(address.strip()) for _, address in parsed):
        return found
    # getaddresses gives up on "a@x.org b@y.org" (or raises): what it missed is still an address.
    for match in _ADDRESS_RUN.finditer(text):
        address = match.group(0)
        if "@" not in address[1:-1]:
            continue
        address = address.rstrip(".")
        if _is_plausible_address(address) and address.lower() not in seen:
            found.append(Recipient(field, address, "", match.start(), match.start() + len(address)))
            seen.add(address.lower())
    return sorted(found, key=lambda recipient: recipient.start)


def _parsed_addresses(source: str) -> list[tuple[str, str]]:
    """(display name, address) pairs; [] when the stdlib parser breaks on the value."""
    try:
        return getaddresses([source])
    except Exception:  # RecursionError on a 135 kB header, and worse
        return []


def _is_plausible_address(address: str) -> bool:
    local, at, domain = address.rpartition("@")
    return bool(at and local and domain) and not any(char.isspace() for char in address)


class _Locator:
    """Finds where addresses are written in a header's text, in linear time overall."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lowered: str | None = None

    def find(self, address: str, cursor: int) -> int:
        """Where `address` is written from `cursor` on, preferring its <angle-bracket> form."""
        text = self._text
        plain = text.find(address, cursor)
        if plain >= 0:
            # The bracketed form follows a display name that repeats the address, if any.
            bracketed = text.find(f"<{address}>", cursor, plain + len(address) + _BRACKET_WINDOW)
            return bracketed + 1 if bracketed >= 0 else plain
        if self._lowered is None:
            self._lowered = text.lower()
        return self._lowered.find(address.lower())


def all_recipients(parts: dict[str, Part], sources: dict[str, str], limits: Limits) -> tuple[Recipient, ...]:
    recipients: list[Recipient] = []
    for field in RECIPIENT_FIELDS:
        part = parts.get(field)
        if part is not None:
            recipients += _recipients(field, part.text, sources.get(field, part.text), limits.max_encoded_words)
    return tuple(recipients)
