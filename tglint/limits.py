"""The bounds on reading one file, apart from the reading itself so that settings can
name them without importing the mail parser."""

from __future__ import annotations

from dataclasses import dataclass, fields

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Deeper than this the stdlib parser's own recursion (and ours) comes too near
# Python's recursion limit, whatever the user configures.
MAX_DEPTH_CEILING = 200
# The largest value each limit may take. Beyond these a limit bounds nothing any machine
# could pay for: a file is held in memory (several times over while a message is parsed),
# and the others multiply the time and memory one draft may cost.
CEILINGS = {
    "max_file_size": 1024**3,  # bytes
    "max_lines": 100_000_000,
    "max_messages": 1_000_000,
    "max_depth": MAX_DEPTH_CEILING,
    "max_parts": 1_000_000,
    "max_header_length": 16 * 1024**2,
    "max_encoded_words": 1_000_000,
    "max_body_length": 100_000_000,
}


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what reading one file may cost; tglint/reading/README.md ("Limits") says how each applies."""

    max_file_size: int = DEFAULT_MAX_BYTES  # bytes
    max_lines: int = 1_000_000
    max_messages: int = 1000  # per mbox file
    max_depth: int = 40  # MIME nesting levels
    max_parts: int = 5000  # MIME entities per message
    max_header_length: int = 64 * 1024  # characters per header field
    max_encoded_words: int = 2000  # per header field
    max_body_length: int = 100_000  # characters of body text

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"`{limit_key(item.name)}` must be a positive integer, not {_shown(value)}")
            if value > CEILINGS[item.name]:
                ceiling = CEILINGS[item.name]
                raise ValueError(f"`{limit_key(item.name)}` must be at most {ceiling:,}, not {_shown(value)}")


def _shown(value: object) -> str:
    """A bad value as an error names it: a 10**23 from a config file stays readable."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def limit_key(name: str) -> str:
    """The config key of a `Limits` field: max_file_size -> max-file-size."""
    return name.replace("_", "-")


LIMIT_KEYS: dict[str, str] = {limit_key(item.name): item.name for item in fields(Limits)}
