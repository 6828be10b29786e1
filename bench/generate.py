"""Deterministic, realistic drafts for the benchmark: any number, one big one, or a directory.

Drafts are composed from the phrase banks in `phrases.py`: Chinese and English, all five
mailboxes, clean or with the mistakes the guide names (no subject tag, a vague subject, a
phone number without country code, a pasted password, bot token or ID number, an angry
tone, several problems in one mail, no device details, the wrong mailbox, a quoted reply).
A body is 150 to 800 words (English) or characters (Chinese, whitespace not counted).

Forms: plain-text drafts (`To:`/`Subject:` block, blank line, body; some Chinese ones with
收件人/主题 labels) and RFC 5322 messages made with the stdlib `email` package (UTF-8 in
8bit, quoted-printable or base64; some multipart/mixed with a small attachment).

Nothing reads the clock or the global random state: draft number i of seed s comes from
`random.Random(f"{s}:{i}")`, so the same seed and N give byte-identical files, and the
first 100 drafts of a 10,000 set are the 100 drafts of a 100 set.

    python bench/generate.py drafts 2000 OUT_DIR [--seed 7] [--lang en] [--text-only]
    python bench/generate.py big 1MB OUT_FILE [--seed 7] [--lang zh]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import struct
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import phrases as P

DEFAULT_SEED = 20240301
MIN_UNITS, MAX_UNITS = 150, 800
FAULTS = (
    "missing_tag",
    "vague_subject",
    "phone_no_country_code",
    "password",
    "bot_token",
    "personal_id",
    "angry_tone",
    "mixed_topics",
    "no_device_info",
    "wrong_mailbox",
    "quoted_reply",
)
# (form, share): plain text is the commonest way a draft is kept before sending.
FORMS = (
    ("text", 0.55),
    ("eml-8bit", 0.10),
    ("eml-qp", 0.10),
    ("eml-base64", 0.12),
    ("eml-multipart", 0.13),
)
CLEAN_SHARE = 0.35
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass
class DraftSpec:
    """One draft before it is written out: what it is about and what is wrong with it."""

    index: int
    language: str
    topic: str
    form: str
    faults: tuple[str, ...]
    sender: str
    sender_address: str
    to: str
    subject: str
    body: str
    sent: datetime
    units: int = 0  # words (en) or non-space characters (zh) of the body
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        extension = "txt" if self.form == "text" else "eml"
        return f"{self.index:05d}-{self.language}-{self.topic}-{self.form}.{extension}"


def count_units(text: str, language: str) -> int:
    """Words for English, characters without whitespace for Chinese."""
    if language == "zh":
        return sum(1 for ch in text if not ch.isspace())
    return len(text.split())


# --------------------------------------------------------------------------- slot values


class _Slots:
    """Values for one draft's `{slots}`; dates and times move forward as they are used."""

    def __init__(self, rng: random.Random, language: str, *, phone_with_country_code: bool = True) -> None:
        self.rng = rng
        self.language = language
        bank = P.ZH if language == "zh" else P.EN
        device, os_name = rng.choice(P.DEVICES)
        self.day = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 330))
        self.minute_of_day = rng.randrange(7 * 60, 22 * 60)
        reg_month = rng.randrange(1, 13)
        self.fixed: dict[str, str] = {
            "device": device,
            "os": os_name,
            "app_ver": rng.choice(P.APP_VERSIONS),
            "network": rng.choice(bank["networks"]),
            "city": rng.choice(P.CITIES_ZH if language == "zh" else P.CITIES_EN),
            "error": rng.choice(P.ERRORS),
            "days": str(rng.randrange(2, 11)),
            "storage": str(rng.randrange(3, 61)),
            "hour": str(rng.randrange(8, 12)),
            "size": str(rng.choice((5, 10, 20, 50))),
            "subscribers": f"{rng.randrange(1200, 98000):,}",
            "team": str(rng.randrange(10, 301)),
            "outlet": rng.choice(P.OUTLETS[language]),
            "company": rng.choice(P.COMPANIES[language]),
            "channel": self.slug(),
            "offender": self.slug(),
            "username": self.slug(),
            "reg_year": str(rng.randrange(2015, 2024)),
            "reg_month": str(reg_month),
            "reg_month_en": P.MONTHS_EN[reg_month - 1],
            "ip": f"{rng.choice(('203.0.113', '198.51.100', '185.220.101'))}.{rng.randrange(2, 255)}",
            "phone": self.phone(with_country_code=phone_with_country_code),
            "password": self.password(),
            "token": f"{rng.randrange(10**8, 10**10)}:AA{self.chars(33, 'A-Za-z0-9_-')}",
            "resident_id": resident_id(rng),
            "card": luhn_number(rng, "4", 16),
            "dc": str(rng.randrange(1, 6)),
            "utc": rng.choice(("+0", "+1", "-5", "+3", "+5:30", "-8")),
        }

    def slug(self) -> str:
        words = self.rng.sample(P.SLUG_WORDS, 2)
        return f"{words[0]}_{words[1]}{self.rng.choice(('', '_cn', '_2024', str(self.rng.randrange(10, 99))))}"

    def chars(self, n: int, kind: str) -> str:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        if kind.endswith("_-"):
            alphabet += "_-"
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def password(self) -> str:
        word = self.rng.choice(("Sunflower", "Lin", "tiger", "Blue", "Moon", "Qwerty", "dragon", "Hello"))
        return f"{word}{self.rng.choice(('@', '!', '#', '_', ''))}{self.rng.randrange(1990, 2025)}"

    def phone(self, *, with_country_code: bool) -> str:
        rng = self.rng
        if self.language == "zh":
            prefix = rng.choice(("138", "139", "136", "158", "186", "188", "137", "150"))
            digits = f"{prefix}{rng.randrange(10**7, 10**8):08d}"
            spaced = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
            if with_country_code:
                return rng.choice((f"+86 {spaced}", f"+86 {digits}", f"0086 {spaced}", f"+86-{digits}"))
            return rng.choice((spaced, digits, f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"))
        if rng.random() < 0.7:
            area = rng.choice((212, 415, 646, 312, 617, 206, 303, 512))
            local = f"{rng.randrange(201, 999)}-{rng.randrange(1000, 10000):04d}"
            if local.startswith("555"):
                local = "556" + local[3:]
            return f"+1 ({area}) {local}" if with_country_code else rng.choice((f"({area}) {local}", f"{area}-{local}"))
        mobile = f"7{rng.choice((4, 5, 7, 8, 9))}{rng.randrange(10**7, 10**8):08d}"
        return f"+44 {mobile[:4]} {mobile[4:]}" if with_country_code else f"0{mobile[:4]} {mobile[4:]}"

    def value(self, name: str) -> str:
        if name == "date":
            self.day += timedelta(days=self.rng.choice((0, 1, 1, 2)))
            return f"{self.day.month}月{self.day.day}日" if self.language == "zh" else self._date_en()
        if name == "time":
            self.minute_of_day = (self.minute_of_day + self.rng.randrange(5, 240)) % (24 * 60)
            return f"{self.minute_of_day // 60}:{self.minute_of_day % 60:02d}"
        if name == "date_iso":
            return self.day.isoformat().replace("-", ".")
        if name == "second":
            return f"{self.rng.randrange(60):02d}"
        if name == "minutes":
            return str(self.rng.randrange(5, 41))
        return self.fixed[name]

    def _date_en(self) -> str:
        return f"{P.MONTHS_EN[self.day.month - 1]} {self.day.day}"

    def fill(self, template: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: self.value(m.group(1)), template)


def resident_id(rng: random.Random) -> str:
    """An 18-character Chinese resident ID with a valid GB 11643 check character."""
    birth = date(1970, 1, 1) + timedelta(days=rng.randrange(0, 12000))
    body = f"{rng.choice(('110101', '310104', '440305', '330106'))}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def luhn_number(rng: random.Random, prefix: str, length: int) -> str:
    digits = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return digits + str((10 - total % 10) % 10)


# --------------------------------------------------------------------------- composing


def _choose_faults(rng: random.Random, topic: str) -> tuple[str, ...]:
    if rng.random() < CLEAN_SHARE:
        return ()
    count = rng.choice((1, 1, 1, 2, 2, 3))
    faults = set(rng.sample(FAULTS, count))
    if topic in ("press", "legal"):
        faults.discard("no_device_info")  # they carry no device section anyway
    if "vague_subject" in faults:
        faults.discard("missing_tag")
    return tuple(f for f in FAULTS if f in faults)


def _choose_form(rng: random.Random, forms: Sequence[tuple[str, float]]) -> str:
    return rng.choices([f for f, _ in forms], weights=[w for _, w in forms])[0]


def compose(
    index: int, seed: int, *, language: str | None = None, forms: Sequence[tuple[str, float]] = FORMS
) -> DraftSpec:
    """Draft number `index` of `seed`, independent of how many others are made."""
    rng = random.Random(f"{seed}:{index}")
    language = language or rng.choice(("zh", "en"))
    topic = rng.choice(P.TOPICS)
    form = _choose_form(rng, forms)
    faults = _choose_faults(rng, topic)
    target = rng.randrange(MIN_UNITS, MAX_UNITS + 1)
    bank = P.ZH if language == "zh" else P.EN
    slots = _Slots(rng, language, phone_with_country_code="phone_no_country_code" not in faults)
    name, local = rng.choice(P.NAMES_ZH if language == "zh" else P.NAMES_EN)
    body, units = _body(rng, bank, topic, faults, slots, name, target, language)
    return DraftSpec(
        index=index,
        language=language,
        topic=topic,
        form=form,
        faults=faults,
        sender=name,
        sender_address=f"{local}@{rng.choice(P.MAIL_DOMAINS)}",
        to=_recipient(rng, topic, faults),
        subject=_subject(rng, bank, topic, faults),
        body=body,
        sent=datetime(2024, 1, 1, 8, tzinfo=timezone(timedelta(hours=8 if language == "zh" else 0)))
        + timedelta(minutes=rng.randrange(0, 330 * 24 * 60)),
        units=units,
        meta={"target_units": str(target)},
    )


def _recipient(rng: random.Random, topic: str, faults: tuple[str, ...]) -> str:
    if "wrong_mailbox" in faults:
        return P.MAILBOXES[rng.choice([t for t in P.TOPICS if t != topic])]
    return P.MAILBOXES[topic]


def _subject(rng: random.Random, bank: dict, topic: str, faults: tuple[str, ...]) -> str:  # type: ignore[type-arg]
    if "vague_subject" in faults:
        return str(rng.choice(bank["vague_subjects"]))
    description = rng.choice(bank["topics"][topic]["subjects"])
    if "missing_tag" in faults:
        return str(description)
    tag = rng.choice(bank["topics"][topic]["tags"])
    return f"【{tag}】{description}" if bank is P.ZH and rng.random() < 0.15 else f"[{tag}] - {description}"


def _body(
    rng: random.Random,
    bank: dict,  # type: ignore[type-arg]
    topic: str,
    faults: tuple[str, ...],
    slots: _Slots,
    name: str,
    target: int,
    language: str,
) -> tuple[str, int]:
    pack = bank["topics"][topic]
    slots.fixed["problem"] = slots.fill(rng.choice(pack.get("problems", ("",)))) if "problems" in pack else ""
    sep = "" if language == "zh" else " "
    greeting = rng.choice(bank["greetings"])
    overview = [slots.fill(rng.choice(pack["overviews"]))]
    if "angry_tone" in faults:
        overview.append(rng.choice(bank["angry"]))

    style = rng.randrange(len(bank["account_heading"]))  # one heading style per draft
    account = [slots.fill(bank["phone_line"]), slots.fill(bank["username_line"])]
    if rng.random() < 0.6:
        account.append(slots.fill(bank["registered_line"]))
    sections: list[tuple[str, list[str]]] = [(bank["account_heading"][style], account)]
    if topic in ("support", "security") and "no_device_info" not in faults:
        sections.append((bank["device_heading"][style], [slots.fill(line) for line in bank["device_lines"]]))

    secrets: list[str] = []
    if "password" in faults:
        secrets.append(slots.fill(rng.choice(bank["password_lines"])))
    if "bot_token" in faults:
        secrets.append(slots.fill(rng.choice(bank["token_lines"])))
    if "personal_id" in faults:
        secrets.append(slots.fill(rng.choice(bank["id_lines"])))

    timeline = rng.sample(pack["timeline"], len(pack["timeline"]))
    events = [slots.fill(timeline.pop()) for _ in range(min(len(timeline), rng.randrange(2, 5)))]
    tried = [slots.fill(t) for t in rng.sample(pack["tried"], min(len(pack["tried"]), rng.randrange(1, 4)))]
    request = slots.fill(rng.choice(pack["requests"]))
    closing = rng.choice(bank["closings"])
    extra: list[str] = []  # filler sentences, in paragraphs of three, until the draft is long enough
    evidence_heading, evidence_templates = P.EVIDENCE[language][topic]
    evidence: list[str] = []
    mixed: list[str] = []
    if "mixed_topics" in faults:
        other = bank["topics"][rng.choice([t for t in P.TOPICS if t != topic])]
        mixed = [rng.choice(bank["mixed_intro"]), slots.fill(rng.choice(other["overviews"]))]
        mixed += [slots.fill(t) for t in rng.sample(other["timeline"], 2)]
    quoted: list[str] = []
    if "quoted_reply" in faults:
        quoted = [slots.fill(bank["quote_header"]), *bank["quoted"]]
    headings = (bank["timeline_heading"][style], bank["tried_heading"][style])

    def render() -> str:
        lines = [greeting, "", sep.join(overview + secrets[:1]), ""]
        for heading, items in sections:
            lines += [heading, *(f"- {item}" for item in items), ""]
        lines += [headings[0], *(f"{i}. {e}" for i, e in enumerate(events, 1)), ""]
        for i in range(0, len(extra), 3):
            lines += [sep.join(extra[i : i + 3]), ""]
        if evidence:
            lines += [evidence_heading, *(f"- {e}" for e in evidence), ""]
        lines += [headings[1], *(f"- {t}" for t in tried), ""]
        if secrets[1:]:
            lines += [sep.join(secrets[1:]), ""]
        if mixed:
            lines += [sep.join(mixed), ""]
        lines += [request, "", closing, name]
        if quoted:
            lines += ["", *quoted]
        return "\n".join(lines) + "\n"

    fillers = [*pack["filler"], *P.GENERIC_FILLER[language]]
    body = render()
    units = count_units(body, language)
    # Grow towards the target: filler first, then a few more timeline entries, then evidence
    # lines (log excerpts, sessions, messages, links), whose slots keep them varied.
    while units < target:
        if fillers:
            extra.append(slots.fill(fillers.pop(rng.randrange(len(fillers)))))
        elif timeline:
            events.append(slots.fill(timeline.pop()))
        else:
            evidence.append(slots.fill(rng.choice(evidence_templates)))
        body = render()
        units = count_units(body, language)
    while units > MAX_UNITS and (evidence or extra or len(events) > 1):
        (evidence or extra or events).pop()
        body = render()
        units = count_units(body, language)
    return body, units


# --------------------------------------------------------------------------- writing


def render_text(spec: DraftSpec) -> bytes:
    """A plain-text draft: header lines, a blank line, the body (UTF-8, LF)."""
    rng = random.Random(f"text:{spec.index}:{spec.subject}")
    if spec.language == "zh" and rng.random() < 0.2:
        header = f"收件人：{spec.to}\n主题：{spec.subject}\n"
    else:
        header = f"To: {spec.to}\nSubject: {spec.subject}\n"
        if rng.random() < 0.3:
            header = f"From: {spec.sender} <{spec.sender_address}>\n" + header
    return (header + "\n" + spec.body).encode("utf-8")


def render_eml(spec: DraftSpec) -> bytes:
    """An RFC 5322 message (CRLF), UTF-8 body in the transfer encoding the form names."""
    rng = random.Random(f"eml:{spec.index}:{spec.subject}")
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = f"{spec.sender} <{spec.sender_address}>"
    message["To"] = spec.to
    message["Subject"] = spec.subject
    message["Date"] = format_datetime(spec.sent)
    message["Message-ID"] = f"<bench-{spec.index:05d}.{rng.getrandbits(40):010x}@{spec.sender_address.split('@')[1]}>"
    cte = {"eml-8bit": "8bit", "eml-qp": "quoted-printable"}.get(spec.form, "base64")
    message.set_content(spec.body, charset="utf-8", cte=cte)
    if spec.form == "eml-multipart":
        if rng.random() < 0.5:
            message.add_attachment(_png(rng), maintype="image", subtype="png", filename="screenshot.png")
        else:
            log = "\n".join(_Slots(rng, spec.language).fill(rng.choice(P.LOG_LINES)) for _ in range(30)) + "\n"
            message.add_attachment(log.encode(), maintype="text", subtype="plain", filename="log.txt")
        # The generator would pick a boundary from the global random state: fix it here.
        message.set_boundary(f"=_tgbench_{rng.getrandbits(48):012x}")
    return message.as_bytes()


def _png(rng: random.Random, width: int = 24, height: int = 24) -> bytes:
    """A small valid PNG of noise (a stand-in for a screenshot), a few KB."""
    rows = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(width * 3)) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def render(spec: DraftSpec) -> bytes:
    return render_text(spec) if spec.form == "text" else render_eml(spec)


def generate_drafts(
    n: int,
    out_dir: Path,
    *,
    seed: int = DEFAULT_SEED,
    language: str | None = None,
    text_only: bool = False,
    manifest: Path | None = None,
) -> list[Path]:
    """Write drafts 0..n-1 into `out_dir` (created); a JSON manifest describes each one."""
    out_dir.mkdir(parents=True, exist_ok=True)
    forms = (("text", 1.0),) if text_only else FORMS
    paths, entries = [], []
    for index in range(n):
        spec = compose(index, seed, language=language, forms=forms)
        path = out_dir / spec.file_name
        path.write_bytes(render(spec))
        paths.append(path)
        entries.append(
            {
                "file": spec.file_name,
                "language": spec.language,
                "topic": spec.topic,
                "form": spec.form,
                "faults": list(spec.faults),
                "units": spec.units,
            }
        )
    if manifest is not None:
        manifest.write_text(json.dumps({"seed": seed, "n": n, "drafts": entries}, ensure_ascii=False, indent=1))
    return paths


# --------------------------------------------------------------------------- one big draft


def generate_big_draft(size: int, out_file: Path, *, seed: int = DEFAULT_SEED, language: str = "zh") -> int:
    """One plain-text draft of about `size` bytes (never less): a very long report.

    Its body is a long support timeline with detail sentences, a pasted client log every
    few dozen entries, and phone numbers now and then. Returns the size written.
    """
    rng = random.Random(f"big:{seed}:{size}:{language}")
    bank = P.ZH if language == "zh" else P.EN
    slots = _Slots(rng, language)
    pack = bank["topics"]["support"]
    slots.fixed["problem"] = rng.choice(pack["problems"])
    sep = "" if language == "zh" else " "
    head = (
        f"To: {P.MAILBOXES['support']}\nSubject: [{pack['tags'][0]}] - {pack['subjects'][0]}\n\n"
        f"{bank['greetings'][0]}\n\n{slots.fill(pack['overviews'][0])}\n\n{bank['timeline_heading'][0]}\n"
    )
    signature = rng.choice(P.NAMES_ZH if language == "zh" else P.NAMES_EN)[0]
    tail = f"\n{pack['requests'][0]}\n\n{bank['closings'][0]}\n{signature}\n"
    chunks = [head]
    written = len(head.encode()) + len(tail.encode())
    entry = 0
    timeline = [*pack["timeline"], P.EVIDENCE[language]["support"][1][-1]]
    fillers = [*pack["filler"], *P.GENERIC_FILLER[language]]
    while written < size:
        entry += 1
        if entry % 40 == 0:
            block = [bank["log_intro"], *(slots.fill(rng.choice(P.LOG_LINES)) for _ in range(10)), ""]
            text = "\n".join(block) + "\n"
        else:
            parts = [slots.fill(rng.choice(timeline))]
            parts += [slots.fill(rng.choice(fillers)) for _ in range(rng.randrange(0, 3))]
            if entry % 25 == 0:
                parts.append(slots.fill(bank["phone_line"]))
            text = f"{entry}. {sep.join(parts)}\n"
        chunks.append(text)
        written += len(text.encode())
    chunks.append(tail)
    data = "".join(chunks).encode("utf-8")
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_bytes(data)
    return len(data)


def parse_size(text: str) -> int:
    """'10KB', '1MB', '20MB', '512' (bytes); KB and MB are 1024-based."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?)I?B?", text.strip().upper())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 10KB, 1MB, 20MB)")
    factor = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}[match.group(2)]
    return int(float(match.group(1)) * factor)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    drafts = sub.add_parser("drafts", help="N drafts into a directory (plus manifest.json beside it)")
    drafts.add_argument("n", type=int)
    drafts.add_argument("out_dir", type=Path)
    drafts.add_argument("--lang", choices=("zh", "en"))
    drafts.add_argument("--text-only", action="store_true", help="plain-text drafts only")
    big = sub.add_parser("big", help="one draft of about SIZE bytes")
    big.add_argument("size", type=parse_size)
    big.add_argument("out_file", type=Path)
    big.add_argument("--lang", choices=("zh", "en"), default="zh")
    for p in (drafts, big):
        p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.command == "drafts":
        out: Path = args.out_dir
        generate_drafts(
            args.n,
            out,
            seed=args.seed,
            language=args.lang,
            text_only=args.text_only,
            manifest=out.parent / f"{out.name}.manifest.json",
        )
        print(f"{args.n} drafts in {out}")
    else:
        size = generate_big_draft(args.size, args.out_file, seed=args.seed, language=args.lang)
        print(f"{size} bytes in {args.out_file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
