"""Translation of what ``app`` says: labels and messages marked there with
``QT_TRANSLATE_NOOP`` are translated here through the installed QTranslators."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from app.fields import CHOICE_LABELS, LABELS, label
from app.i18n import Message


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def tr_label(name: str) -> str:
    return translate("Fields", label(name))


def tr_choice(value: str) -> str:
    return translate("Fields", CHOICE_LABELS.get(value, value))


def tr_message(message: str) -> str:
    if isinstance(message, Message):
        params = {
            k: translate("Fields", v) if isinstance(v, str) and v in _LABEL_TEXTS else v
            for k, v in message.params.items()
        }
        return Message(message.template, message.context, **params).render(translate)
    return str(message)


# Parameters that are themselves labels ("{label} is required") are translated too.
_LABEL_TEXTS = frozenset(CHOICE_LABELS.values()) | frozenset(LABELS.values())


def tr_stored(text: str | None) -> str:
    """A sentence read back from storage (an outbox entry's error, the pause reason): stored in
    English with its values filled in, so it is matched against the templates it was made from
    and shown in the window's language. Anything else is shown as it is."""
    if not text:
        return ""
    if isinstance(text, Message):
        return tr_message(text)
    for context, template, pattern in _stored_patterns():
        found = pattern.fullmatch(text)
        if found:
            values = found.groupdict()
            return _PLACEHOLDER.sub(lambda hole, values=values: values.get(hole.group(1), hole.group(0)),
                                    translate(context, template))
    return str(text)


_PLACEHOLDER = re.compile(r"\{(\w+)(?::[^{}]*)?\}")


@cache
def _stored_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    from app.sync import MESSAGE_CONTEXT, STORED_MESSAGES  # the sender's module: loaded only when needed

    patterns = []
    for template in STORED_MESSAGES:
        parts, last, seen = [], 0, set()
        for hole in _PLACEHOLDER.finditer(template):
            parts.append(re.escape(template[last:hole.start()]))
            name = hole.group(1)
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
            last = hole.end()
        parts.append(re.escape(template[last:]))
        patterns.append((MESSAGE_CONTEXT, template, re.compile("".join(parts), re.DOTALL)))
    return patterns
