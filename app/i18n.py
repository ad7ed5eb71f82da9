"""Messages that the window translates.

``app`` holds no Qt, so it cannot call ``tr()``. Instead every sentence a clerk may read is
marked with ``QT_TRANSLATE_NOOP(context, text)``, which ``pyside6-lupdate`` finds in the
source, and is returned as a :class:`Message`: a ``str`` in English that also carries its
template and parameters, so the window can translate the template and fill it again.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class Message(str):
    """An English sentence that remembers how it was made."""

    template: str
    params: dict[str, Any]
    context: str

    def __new__(cls, template: str, context: str = "Validation", **params: Any) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        self.context = context
        return self

    def __reduce__(self):  # keep pickling/copying working for a str subclass with attributes
        return (_rebuild, (self.template, self.context, self.params))

    def render(self, translate) -> str:
        """``translate(context, template) -> str`` gives the translated template."""
        translated = translate(self.context, self.template) or self.template
        try:
            return translated.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return str(self)


def _rebuild(template: str, context: str, params: dict[str, Any]) -> Message:
    return Message(template, context, **params)
