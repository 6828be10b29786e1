"""How a secret is shown when it must be shown at all: as a short hint, never in full."""

from __future__ import annotations

# Longer secrets keep their first character so the user can tell which one is meant;
# short ones (PINs, codes) would give too much away.
_KEEP_FIRST_ABOVE = 6


def mask_text(secret: str, *, keep_first: bool = True) -> str:
    """`hunter2secret` -> `h************`; `1234` -> `****`."""
    if keep_first and len(secret) > _KEEP_FIRST_ABOVE:
        return secret[0] + "*" * (len(secret) - 1)
    return "*" * len(secret)
