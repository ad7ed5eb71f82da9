"""Translation of what ``app`` says: labels and messages marked there with
``QT_TRANSLATE_NOOP`` are translated here through the installed QTranslators."""

from __future__ import annotations

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
