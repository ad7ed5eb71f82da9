"""Reading the body of a refused or failed call.

The vendor does not publish the layout of its error bodies, so this reads every common
shape and falls back to the raw text:

* ``{"errors": {field: [message, ...] | message | {member: ...}}}``
* ``{"errors": [{"field": ..., "message": ...}, ...]}``
* ``{"message": ...}`` and ``{"detail": "..."}``
* ``{"detail": [{"loc": ["body", "address", "zip"], "msg": ...}]}`` (FastAPI / pydantic)
* anything else: the text itself, trimmed, with HTML reduced to its words.

Field names come out as dotted wire names (``address.zip``, ``documents.0.type``) whatever
spelling the server used (``address[zip]``, ``address.zip``, a ``loc`` list). Parsing
never raises: an unexpected body is a message for a person, not a crash.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from app import wire

FieldErrors = dict[str, list[str]]

# A message longer than this is cut: a server that returns a whole page must not flood the form.
MAX_MESSAGE_CHARS = 500
# Bodies beyond this are not parsed as JSON (a truncated read of them would not parse anyway).
MAX_PARSE_BYTES = 1_000_000
# Keys that some frameworks use for errors that belong to no single field.
_FORM_KEYS = frozenset({"", "_form", "__all__", "non_field_errors", "base", "_schema", "__root__", "body"})
# FastAPI prefixes a location with where the value came from; that is not part of the field name.
_LOC_SOURCES = frozenset({"body", "query", "path", "header", "cookie"})
# Other keys that carry a message inside an entry of an error list.
_ENTRY_MESSAGE_KEYS = (wire.ERR_MESSAGE, "msg", wire.ERR_DETAIL, "error", "description")
_ENTRY_FIELD_KEYS = (wire.ERR_FIELD, "loc", "path", "param", "attribute", "name")

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_DROPPED_BLOCKS = re.compile(r"<(script|style|head)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z!][^<>]*>")
_SPACE = re.compile(r"\s+")
_MAX_DEPTH = 8


def clip(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` cut to ``limit`` characters, marked with an ellipsis when cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body")) or "<html" in head


def html_to_text(text: str) -> str:
    """The words of an HTML page: its title if it has one, else its visible text."""
    title = _TITLE.search(text)
    if title:
        words = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", title.group(1)))).strip()
        if words:
            return words
    body = _DROPPED_BLOCKS.sub(" ", text)
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", body))).strip()


def plain_text(text: str) -> str:
    """Raw text trimmed to one tidy line (tags stripped), capped in length."""
    if looks_like_html(text) or _TAG.search(text):
        text = html_to_text(text)
    return clip(_SPACE.sub(" ", text).strip())


def normalize_field(name: Any) -> str:
    """A server's spelling of a field as a dotted wire name.

    ``address[zip]``, ``address.zip`` and ``["body", "address", "zip"]`` all become
    ``address.zip``; ``documents[0][type]`` becomes ``documents.0.type``. An empty result
    means the error belongs to the whole form.
    """
    if isinstance(name, list | tuple):
        parts = [str(p) for p in name if isinstance(p, str | int) and not isinstance(p, bool)]
        if parts and parts[0] in _LOC_SOURCES:
            parts = parts[1:]
    else:
        text = _BRACKETS.sub(lambda m: "." + m.group(1), str(name).strip())
        parts = text.split(".")
    parts = [p.strip() for p in parts if p is not None and str(p).strip()]
    dotted = ".".join(parts)
    return "" if dotted in _FORM_KEYS else dotted


def _messages(value: Any) -> list[str]:
    """Every message inside ``value`` (a string, a list of strings, or entries holding one)."""
    if value is None:
        return []
    if isinstance(value, str):
        text = plain_text(value)
        return [text] if text else []
    if isinstance(value, list | tuple):
        out: list[str] = []
        for item in value:
            out.extend(_messages(item))
        return out
    if isinstance(value, dict):
        for key in _ENTRY_MESSAGE_KEYS:
            if key in value:
                return _messages(value[key])
        return [clip(json.dumps(value, ensure_ascii=False, default=str))]
    return [clip(str(value))]


def _add(fields: FieldErrors, form: list[str], name: Any, messages: list[str]) -> None:
    field = normalize_field(name)
    if not messages:
        return
    if field:
        bucket = fields.setdefault(field, [])
        bucket.extend(m for m in messages if m not in bucket)
    else:
        form.extend(m for m in messages if m not in form)


def _read_mapping(errors: dict[str, Any], prefix: str, fields: FieldErrors, form: list[str], depth: int) -> None:
    """``{field: [msg] | msg | {member: ...}}``; nested mappings name members (``address.zip``)."""
    for key, value in errors.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        is_nested = (
            isinstance(value, dict)
            and depth < _MAX_DEPTH
            and not any(k in value for k in _ENTRY_MESSAGE_KEYS)
        )
        is_indexed = (
            isinstance(value, list)
            and depth < _MAX_DEPTH
            and any(isinstance(v, dict) and not any(k in v for k in _ENTRY_MESSAGE_KEYS) for v in value)
        )
        if is_nested:
            _read_mapping(value, name, fields, form, depth + 1)
        elif is_indexed:
            # Per-item errors of an array member: {"documents": [{}, {"type": [...]}]} -> documents.1.type
            _read_mapping({str(i): v for i, v in enumerate(value)}, name, fields, form, depth + 1)
        else:
            _add(fields, form, name, _messages(value))


def _read_list(errors: list[Any], fields: FieldErrors, form: list[str]) -> None:
    """``[{"field": ..., "message": ...}]``, FastAPI's ``[{"loc": [...], "msg": ...}]``, or bare strings."""
    for entry in errors:
        if isinstance(entry, dict):
            name: Any = ""
            for key in _ENTRY_FIELD_KEYS:
                if entry.get(key) not in (None, "", []):
                    name = entry[key]
                    break
            messages = next((_messages(entry[k]) for k in _ENTRY_MESSAGE_KEYS if k in entry), None)
            if messages is None:
                messages = _messages(entry)
            _add(fields, form, name, messages)
        else:
            _add(fields, form, "", _messages(entry))


def _read_json(data: Any, fields: FieldErrors, form: list[str]) -> None:
    if isinstance(data, list):
        _read_list(data, fields, form)
        return
    if not isinstance(data, dict):
        _add(fields, form, "", _messages(data))
        return
    errors = data.get(wire.ERR_ERRORS)
    if isinstance(errors, dict):
        _read_mapping(errors, "", fields, form, 0)
    elif isinstance(errors, list):
        _read_list(errors, fields, form)
    elif errors is not None:
        _add(fields, form, "", _messages(errors))
    detail = data.get(wire.ERR_DETAIL)
    if isinstance(detail, list):
        _read_list(detail, fields, form)
    elif isinstance(detail, dict):
        _read_mapping(detail, "", fields, form, 0)
    elif detail is not None:
        _add(fields, form, "", _messages(detail))
    # A summary such as "The given data was invalid." only helps when nothing more precise came.
    if not fields and not form:
        for key in (wire.ERR_MESSAGE, "error", "title", "error_description"):
            if key in data:
                _add(fields, form, "", _messages(data[key]))
                break


def parse_error_body(body: bytes | str | None, content_type: str | None = None) -> tuple[FieldErrors, list[str]]:
    """``(field_errors, form_errors)`` read from an error body; never raises.

    ``field_errors`` is keyed by dotted wire name; ``form_errors`` holds what names no
    field (or the body's text when it is not JSON at all).
    """
    try:
        return _parse(body, content_type)
    except Exception:  # an error body must never become a crash of its own
        return {}, []


def _parse(body: bytes | str | None, content_type: str | None) -> tuple[FieldErrors, list[str]]:
    if body is None:
        return {}, []
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes | bytearray) else str(body)
    fields: FieldErrors = {}
    form: list[str] = []
    stripped = text.strip()
    if not stripped:
        return fields, form
    if len(stripped) <= MAX_PARSE_BYTES and stripped[:1] in "{[":
        try:
            data = json.loads(stripped)
        except (ValueError, RecursionError):
            data = None
        else:
            _read_json(data, fields, form)
            if fields or form:
                return fields, form
    is_html = bool(content_type and "html" in content_type.lower())
    words = clip(_SPACE.sub(" ", html_to_text(stripped)).strip()) if is_html else plain_text(stripped[:MAX_PARSE_BYTES])
    if words:
        form.append(words)
    return fields, form
