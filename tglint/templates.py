"""New drafts in the guide's form: the right mailbox, a tagged subject and the five paragraphs.

The words are data (`rules/common|zh|en/templates.toml`); this module only assembles them.
Every field a writer has to supply appears as a placeholder `{{hint}}` until a value is
given, and the `unfilled-placeholder` rule (TG719) reports those left, so a generated
draft fails the lint until it is filled in.

Values: a field missing from `values` (or given as None, or as the hint itself) keeps its
placeholder; an empty value leaves an optional line out (a second timeline entry, the
@username someone does not have) and keeps the placeholder of a required one. In
interactive mode an empty answer (Enter) does the same, and the prompt says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tglint.models import TOPICS
from tglint.packs import LANGUAGES, PackError, Packs

PACK = "templates"
PARAGRAPHS = ("overview", "details", "timeline", "tried", "request")
# `{{` + up to 80 characters of one line + `}}`, not part of `{{{...}}}`.
PLACEHOLDER = re.compile(r"(?<!\{)\{\{(?=[^{}\n]*[^{}\s])[^{}\n]{1,80}\}\}(?!\})")
# In interactive mode, this answer (or an empty one) leaves an optional line out.
SKIP_ANSWER = "-"
_FORMAT_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Field:
    """One thing the writer supplies: `key` for `values`, `label` to ask with, `hint` inside the placeholder."""

    key: str
    label: str
    hint: str
    optional: bool = False
    # The key of the optional field this one shares a line with: left out (and not asked) with it.
    joins: str = ""

    @property
    def placeholder(self) -> str:
        return "{{" + self.hint + "}}"


@dataclass(frozen=True, slots=True)
class Template:
    """A draft: recipient, subject and body, with the fields it asks for (in the order they appear)."""

    topic: str
    language: str
    to: str
    subject: str
    body: str
    fields: tuple[Field, ...]

    def placeholders(self) -> list[str]:
        """The placeholders still in the subject and body."""
        return [m.group(0) for m in PLACEHOLDER.finditer(f"{self.subject}\n{self.body}")]


# A line of the body: text and fields, in order.
_Line = tuple[str | Field, ...]


def fields(topic: str, lang: str, packs: Packs) -> tuple[Field, ...]:
    """The fields of a topic's draft, in the order they appear (and are asked for)."""
    return _Builder(topic, lang, packs).fields()


def render_template(topic: str, lang: str, packs: Packs, values: Mapping[str, str | None] | None = None) -> Template:
    """The draft for `topic` in `lang`, with `values` (by field key) filled in."""
    builder = _Builder(topic, lang, packs)
    given = dict(values or {})
    subject_field, body_lines = builder.subject_field(), builder.body_lines()
    subject = f"[{builder.tag()}] - {' '.join(_fill(subject_field, given).split())}"
    kept = [line for line in body_lines if not _left_out(line, given)]
    body = "\n".join("".join(_fill(piece, given) for piece in line) for line in kept) + "\n"
    return Template(topic, lang, builder.mailbox(), subject, body, _fields_of(subject_field, body_lines))


def to_text(template: Template) -> str:
    """The plain-text draft tglint reads: a To/Subject header block, a blank line, the body."""
    return f"To: {template.to}\nSubject: {template.subject}\n\n{template.body}"


def to_eml(template: Template) -> bytes:
    """The draft as an RFC 5322 message: UTF-8 text in 8 bits, so it stays editable in a text editor.

    No Date or Message-ID (the mail program adds them when it sends), so the same input gives
    the same bytes; "X-Unsent: 1" makes Outlook open the file as a draft to send.
    """
    # The email package takes milliseconds to import; only a .eml draft needs it.
    from email.message import EmailMessage
    from email.policy import SMTP

    message = EmailMessage(policy=SMTP)
    message["To"] = template.to
    message["Subject"] = template.subject
    message["X-Unsent"] = "1"
    message.set_content(template.body, charset="utf-8", cte="8bit")
    return message.as_bytes()


def output_bytes(template: Template, output: str | None) -> bytes:
    """The draft as written to `output`: a MIME message for a .eml name, else the plain-text draft."""
    if output not in (None, "-") and output.lower().endswith(".eml"):
        return to_eml(template)
    return to_text(template).encode("utf-8")


def write_draft(template: Template, output: str | None, *, force: bool = False) -> bytes | None:
    """Write the draft to `output`; for None or "-" return the bytes to print instead.

    Raises FileExistsError when the file exists and `force` is not set.
    """
    data = output_bytes(template, output)
    if output in (None, "-"):
        return data
    with Path(output).open("wb" if force else "xb") as handle:
        handle.write(data)
    return None


def fill_interactively(template_fields: Sequence[Field], ask: Callable[[Field], str | None]) -> dict[str, str]:
    """Ask for each field with `ask(field)`; the values for `render_template`.

    An empty answer (Enter) keeps a required field's placeholder and leaves an optional
    field's line out; "-" leaves an optional line out too. None (the input has ended)
    stops asking: the fields not asked keep their placeholders.
    """
    values: dict[str, str] = {}
    for field in template_fields:
        if field.joins and values.get(field.joins) == "":
            values[field.key] = ""
            continue
        answer = ask(field)
        if answer is None:
            break
        answer = answer.strip()
        if field.optional and answer in ("", SKIP_ANSWER):
            values[field.key] = ""
        elif answer and answer != SKIP_ANSWER and answer != field.hint:
            values[field.key] = answer
    return values


@dataclass(frozen=True, slots=True)
class PromptTexts:
    """What interactive mode says, in the draft's language: first, and after an optional field's label."""

    intro: str
    optional: str


def prompt_texts(lang: str, packs: Packs) -> PromptTexts:
    table = packs.get(PACK, lang).get("prompts", {})
    missing = [key for key in ("intro", "optional") if not isinstance(table.get(key), str)]
    if missing:
        raise PackError(f"rule pack {PACK} ({lang}): `prompts.{missing[0]}` is missing")
    return PromptTexts(table["intro"], table["optional"])


# --------------------------------------------------------------------------- assembling


def _fill(piece: str | Field, values: Mapping[str, str | None]) -> str:
    if isinstance(piece, str):
        return piece
    value = values.get(piece.key)
    if value is None or not value.strip() or value.strip() == piece.hint:
        return piece.placeholder
    return value.strip()


def _left_out(line: _Line, values: Mapping[str, str | None]) -> bool:
    """A line is left out when all its fields are optional and given as empty."""
    line_fields = [piece for piece in line if isinstance(piece, Field)]
    return bool(line_fields) and all(f.optional and _given_empty(values.get(f.key)) for f in line_fields)


def _given_empty(value: str | None) -> bool:
    return value is not None and not value.strip()


class _Builder:
    """Reads the templates pack for one topic and language and lays out the draft."""

    def __init__(self, topic: str, lang: str, packs: Packs) -> None:
        if topic not in TOPICS:
            raise ValueError(f"unknown topic {topic!r}: choose one of {', '.join(TOPICS)}")
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
        self.topic, self.lang, self.packs = topic, lang, packs
        self.table = packs.get(PACK, lang)
        self.topic_table: dict[str, Any] = self.table.get("topics", {}).get(topic, {})
        self.optional = set(self.table.get("optional", {}).get("fields", []))

    # -- knowledge -----------------------------------------------------------------

    def _text(self, key: str) -> str:
        return str(self._required(self.table.get("text", {}), key, "text"))

    def _required(self, table: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in table:
            raise PackError(f"rule pack {PACK} ({self.lang}): `{where}.{key}` is missing")
        return table[key]

    def mailbox(self) -> str:
        return str(self._required(self.packs.get("mailboxes").get("mailboxes", {}), self.topic, "mailboxes"))

    def tag(self) -> str:
        return str(self._required(self.packs.get("subject", self.lang).get("suggest", {}), self.topic, "suggest"))

    def heading(self, paragraph: str) -> str:
        own = self.topic_table.get("headings", {})
        if paragraph in own:
            return str(own[paragraph])
        return str(self._required(self.table.get("headings", {}), paragraph, "headings"))

    def field(self, key: str, n: int | None = None) -> Field:
        spec = self._required(self.table.get("fields", {}), key, "fields")
        hint = str(self.topic_table.get("hints", {}).get(key, spec.get("hint", "")))
        if not hint:
            raise PackError(f"rule pack {PACK} ({self.lang}): `fields.{key}` has no hint")
        label = str(spec.get("label", key))
        if n is None:
            return Field(key, label, hint, key in self.optional)
        return Field(f"{key}_{n}", label.replace("{n}", str(n)), hint)

    def subject_field(self) -> Field:
        spec = self._required(self.table.get("fields", {}), "summary", "fields")
        example = self.packs.get("subject", self.lang).get("example", {}).get(self.topic, "")
        hint = self._text("summary_hint").replace("{example}", str(example))
        return Field("summary", str(spec.get("label", "summary")), hint)

    # -- layout ------------------------------------------------------------------------

    def _formatted(self, template: str, pieces: Mapping[str, str | Field]) -> _Line:
        """A layout string ("- {label}：{value}") with its {names} replaced by text or fields."""
        line: list[str | Field] = []
        last = 0
        for match in _FORMAT_FIELD.finditer(template):
            line.append(template[last : match.start()])
            line.append(pieces.get(match.group(1), match.group(0)))
            last = match.end()
        line.append(template[last:])
        return tuple(piece for piece in line if piece != "")

    def _entries(self, kind: str, layout: str, names: tuple[str, str]) -> list[_Line]:
        count = int(self.table.get("entries", {}).get(kind, 1))
        lines = []
        for n in range(1, count + 1):
            first, second = (self.field(name, n) for name in names)
            if n > 1:  # a later entry may be deleted
                hint = self._text("later_entry").replace("{hint}", first.hint)
                first = replace(first, hint=hint, optional=True)
                second = replace(second, optional=True, joins=first.key)
            lines.append(self._formatted(self._text(layout), {names[0]: first, names[1]: second}))
        return lines

    def body_lines(self) -> list[_Line]:
        lines: list[_Line] = [(str(self._required(self.topic_table, "greeting", f"topics.{self.topic}")),), ()]
        lines += [(self.heading("overview"),), (self.field("overview"),), ()]
        lines.append((self.heading("details"),))
        groups = self.table.get("groups", {})
        for number, group in enumerate(self._required(self.topic_table, "groups", f"topics.{self.topic}")):
            spec = self._required(groups, group, "groups")
            if number:
                lines.append(())
            heading = self._formatted(self._text("group_heading"), {"heading": str(spec.get("heading", group))})
            lines.append(heading)
            for key in spec.get("fields", []):
                field = self.field(key)
                lines.append(self._formatted(self._text("item"), {"label": field.label, "value": field}))
        lines += [(), (self.heading("timeline"),)]
        lines += self._entries("timeline", "timeline_item", ("when", "what"))
        lines += [(), (self.heading("tried"),)]
        lines += self._entries("tried", "tried_item", ("attempt", "result"))
        lines += [(), (self.heading("request"),), (self.field("request"),), (self._text("offer"),), ()]
        lines += [(self._text("closing"),), (self.field("name"),)]
        return lines

    def fields(self) -> tuple[Field, ...]:
        return _fields_of(self.subject_field(), self.body_lines())


def _fields_of(subject_field: Field, body_lines: Sequence[_Line]) -> tuple[Field, ...]:
    return (subject_field, *(piece for line in body_lines for piece in line if isinstance(piece, Field)))
