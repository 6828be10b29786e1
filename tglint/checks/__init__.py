"""The built-in rules, registered explicitly: each module lists its rules in `RULES`.

Codes by category: TG1xx subject, TG2xx routing, TG30x account-info, TG32x
device-info, TG4xx phone, TG50x secret, TG55x pii, TG6xx tone, TG70x
mixed-issues, TG71x details, TG80x attachment.
"""

from __future__ import annotations

from tglint.checks import (
    account,
    attachment,
    details,
    device,
    mixed,
    phone,
    pii,
    placeholder,
    routing,
    secret,
    subject,
    tone,
)
from tglint.rule import Rule

_MODULES = (subject, routing, account, device, phone, secret, pii, tone, mixed, details, placeholder, attachment)

BUILTIN_RULES: dict[str, type[Rule]] = {rule.code: rule for module in _MODULES for rule in module.RULES}
