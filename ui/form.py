"""Which input each form field gets, its mnemonic, and its keystroke limits.

Keystroke limits only shape typing (digits for phones, the API's length caps from
``app.fields.MAX_LENGTHS``); whether a value is acceptable is decided in ``app``. Light on
purpose: the first step's editors are made from here before the rules are loaded."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QWidget

from app import wire
from app.config import Config
from app.fields import ID_EXPIRATION_DATE, MAX_LENGTHS
from ui.i18n import tr_choice
from ui.widgets.inputs import ChoiceInput, DateInput, FlagInput, TextInput

A = wire.ADDRESS + "."
DATE_FIELDS = frozenset({wire.DATE_OF_BIRTH, wire.RECOMMENDATION_EXPIRATION_DATE, ID_EXPIRATION_DATE})
PHONE_FIELDS = frozenset({wire.PHONE, wire.CELL_PHONE})
FLAG_FIELDS = frozenset({wire.HAS_MEDICAL_RECOMMENDATION, *wire.MARKETING_FIELDS})
_PHONE_KEYS = r"[0-9()+\-. ]{0,20}"

# The letter of each label that Alt presses, unique within a step and never a menu's (Alt+I
# Intake, Alt+T Tools). On a yes/no field the letter answers it (one key: the customer says yes).
MENU_MNEMONICS = frozenset("it")
MNEMONICS: dict[str, str] = {
    wire.FIRST_NAME: "f", wire.MIDDLE_NAME: "m", wire.LAST_NAME: "l", wire.NICKNAME: "k",
    wire.DATE_OF_BIRTH: "d", wire.GENDER: "g", wire.ID_TYPE: "y", wire.STATE_ID: "s", ID_EXPIRATION_DATE: "x",
    wire.PHONE: "p", wire.CELL_PHONE: "c", wire.EMAIL: "e", wire.REFERRAL_SOURCE: "r",
    wire.HAS_MEDICAL_RECOMMENDATION: "h", wire.RECOMMENDATION_NUMBER: "u", wire.RECOMMENDATION_EXPIRATION_DATE: "x",
    wire.PHYSICIAN_LICENSE: "y", wire.MEDICAL_ID: "m", wire.TYPE: "c", wire.AMOUNT_LIMIT: "a",
    wire.MANUAL_GROUPS: "g",
    A + wire.ADDRESS_LINE1: "s", A + wire.ADDRESS_LINE2: "p", A + wire.CITY: "c", A + wire.STATE: "a",
    A + wire.ZIP: "z", A + wire.COUNTRY: "o",
    wire.MARKETING_MAIL: "m", wire.MARKETING_EMAIL: "e", wire.MARKETING_SMS: "x", wire.MARKETING_CALLS: "c",
    wire.DOCUMENTS: "d",
}


def choices(values) -> list[tuple[str, str]]:
    return [(v, tr_choice(v)) for v in values]


def regionchoices() -> list[tuple[str, str]]:
    from app import policy  # reads the policy file: only for the steps that need it

    regions = policy.load_policy().jurisdictions.values()
    return [(j.code, f"{j.code} — {j.name}") for j in sorted(regions, key=lambda j: (j.country != "US", j.code))]


def warm_ups(names) -> list[Callable[[], object]]:
    """What ``make_editor`` will need for these fields, as separate loads (the policy file, the
    group and document widgets with the Qt classes they use), so that start-up can run each as
    a piece of its own. PySide6 builds a class's enums on its first use: the costly ones
    (``QStyle``, ``QDir``, ``QImage``...) are touched on their own, ahead of the widget."""
    names = set(names)
    loads: list[Callable[[], object]] = []
    if names & {wire.TYPE, A + wire.STATE}:
        loads += [partial(importlib.import_module, "app.policy"), _load_policy]  # the module, then its file
    if wire.MANUAL_GROUPS in names:
        loads += [partial(make_qt_classes, "QtCore", "QSortFilterProxyModel"),
                  partial(make_qt_classes, "QtGui", "QStandardItemModel", "QStandardItem"),
                  partial(importlib.import_module, "ui.widgets.groups")]
    if wire.DOCUMENTS in names:
        loads += [partial(make_qt_classes, "QtWidgets", "QStyle"),
                  partial(make_qt_classes, "QtCore", "QDir", "QBuffer", "QFileSystemWatcher"),
                  partial(make_qt_classes, "QtGui", "QImage", "QImageReader", "QFont"),
                  partial(make_qt_classes, "QtGui", "QPainter", "QPen", "QPixmap"),
                  partial(make_qt_classes, "QtWidgets", "QFileDialog", "QSizePolicy", "QListWidget"),
                  partial(importlib.import_module, "app.documents"),
                  partial(importlib.import_module, "ui.widgets.documents")]
    return loads


def _load_policy() -> object:
    from app import policy

    return policy.load_policy()


def make_qt_classes(module: str, *names: str) -> None:
    """Make PySide6 classes ahead (a class, with its enums, is made on first use); a name this
    PySide6 lacks is skipped."""
    qt = importlib.import_module(f"PySide6.{module}")
    for name in names:
        getattr(qt, name, None)


def make_editor(name: str, config: Config, parent: QWidget | None = None) -> QWidget:
    if name in DATE_FIELDS:
        return DateInput(parent)
    if name in FLAG_FIELDS:
        return FlagInput(parent=parent)
    if name in PHONE_FIELDS:
        return TextInput(allowed=_PHONE_KEYS, parent=parent)
    if name == wire.GENDER:
        return ChoiceInput(choices(wire.GENDERS), parent=parent)
    if name == wire.ID_TYPE:
        return ChoiceInput(choices(wire.ID_TYPES), parent=parent)
    if name == wire.REFERRAL_SOURCE:
        return ChoiceInput(choices(wire.REFERRAL_SOURCES), parent=parent)
    if name == wire.TYPE:
        from app import policy

        return ChoiceInput(choices(policy.allowed_types(config.jurisdiction)), parent=parent)
    if name == A + wire.COUNTRY:
        return ChoiceInput(choices(wire.COUNTRIES), parent=parent)
    if name == A + wire.STATE:
        return ChoiceInput(regionchoices(), parent=parent)
    if name == wire.AMOUNT_LIMIT:
        return TextInput(allowed=r"[0-9.]{0,12}", parent=parent)
    if name == A + wire.ZIP:
        return TextInput(max_length=10, parent=parent)
    if name == wire.EMAIL:
        return TextInput(max_length=254, parent=parent)
    if name == wire.MANUAL_GROUPS:
        from ui.widgets.groups import GroupsWidget

        return GroupsWidget(parent)
    if name == wire.DOCUMENTS:
        from ui.widgets.documents import DocumentsWidget

        return DocumentsWidget(config.max_document_bytes, parent, scan_folder=config.scan_folder)
    return TextInput(max_length=MAX_LENGTHS.get(name, 100), parent=parent)
