"""Human names of the fields, for labels and messages (translated by the window)."""

from __future__ import annotations

from app import wire
from app.i18n import QT_TRANSLATE_NOOP as N

_C = "Fields"

LABELS: dict[str, str] = {
    wire.FIRST_NAME: N(_C, "First name"),
    wire.LAST_NAME: N(_C, "Last name"),
    wire.MIDDLE_NAME: N(_C, "Middle name"),
    wire.NICKNAME: N(_C, "Nickname"),
    wire.DATE_OF_BIRTH: N(_C, "Date of birth"),
    wire.GENDER: N(_C, "Gender"),
    wire.PHONE: N(_C, "Phone"),
    wire.CELL_PHONE: N(_C, "Cell phone"),
    wire.HOME_PHONE: N(_C, "Home phone"),
    wire.WORK_PHONE: N(_C, "Work phone"),
    wire.EMAIL: N(_C, "Email"),
    wire.STATE_ID: N(_C, "State ID number"),
    wire.ID_TYPE: N(_C, "ID type"),
    wire.HAS_MEDICAL_RECOMMENDATION: N(_C, "Has a medical recommendation"),
    wire.RECOMMENDATION_NUMBER: N(_C, "Recommendation number"),
    wire.RECOMMENDATION_EXPIRATION_DATE: N(_C, "Recommendation expires"),
    wire.MEDICAL_ID: N(_C, "Medical ID"),
    wire.PHYSICIAN_LICENSE: N(_C, "Physician licence"),
    wire.TYPE: N(_C, "Customer type"),
    wire.AMOUNT_LIMIT: N(_C, "Amount limit"),
    wire.REFERRAL_SOURCE: N(_C, "Referral source"),
    wire.ADDRESS: N(_C, "Address"),
    f"{wire.ADDRESS}.{wire.ADDRESS_LINE1}": N(_C, "Street address"),
    f"{wire.ADDRESS}.{wire.ADDRESS_LINE2}": N(_C, "Apartment, suite"),
    f"{wire.ADDRESS}.{wire.CITY}": N(_C, "City"),
    f"{wire.ADDRESS}.{wire.STATE}": N(_C, "State or province"),
    f"{wire.ADDRESS}.{wire.ZIP}": N(_C, "ZIP or postal code"),
    f"{wire.ADDRESS}.{wire.COUNTRY}": N(_C, "Country"),
    wire.MARKETING_MAIL: N(_C, "Offers by mail"),
    wire.MARKETING_EMAIL: N(_C, "Offers by email"),
    wire.MARKETING_SMS: N(_C, "Offers by text message"),
    wire.MARKETING_CALLS: N(_C, "Offers by phone call"),
    wire.MANUAL_GROUPS: N(_C, "Customer groups"),
    wire.DOCUMENTS: N(_C, "Documents"),
}

CHOICE_LABELS: dict[str, str] = {
    "male": N(_C, "Male"),
    "female": N(_C, "Female"),
    "unspecified": N(_C, "Unspecified"),
    "drivers_license": N(_C, "Driver's licence"),
    "state_id_card": N(_C, "State ID card"),
    "passport": N(_C, "Passport"),
    "military_id": N(_C, "Military ID"),
    "other": N(_C, "Other"),
    "walk_in": N(_C, "Walked in"),
    "friend": N(_C, "A friend"),
    "online": N(_C, "Online"),
    "advertising": N(_C, "Advertising"),
    "recreational": N(_C, "Recreational"),
    "medical": N(_C, "Medical"),
    "caregiver": N(_C, "Caregiver"),
    "medical_with_rec": N(_C, "Medical, with recommendation"),
    "medical_with_state_card": N(_C, "Medical, with state card"),
    "adult": N(_C, "Adult"),
    "minor": N(_C, "Minor"),
    "temporary_adult": N(_C, "Temporary adult"),
    "temporary_minor": N(_C, "Temporary minor"),
    "id": N(_C, "ID document"),
    "medical_document": N(_C, "Medical document"),
    "US": N(_C, "United States"),
    "CA": N(_C, "Canada"),
}

# Fields of the form that are not sent to the API (kept with the draft, checked by policy).
ID_EXPIRATION_DATE = "id_expiration_date"
LABELS[ID_EXPIRATION_DATE] = N(_C, "ID expires")


DOCUMENT_TYPE = f"{wire.DOCUMENTS}.{wire.DOC_TYPE}"
LABELS[DOCUMENT_TYPE] = N(_C, "Document type")
LABELS[f"{wire.DOCUMENTS}.{wire.DOC_FILE_ID}"] = N(_C, "Document file")

# Longest values the API takes (the seed's 30/30/30/20), and the product's caps for free text;
# here, beside the labels, so the form can shape typing before the contract model is loaded.
MAX_LENGTHS: dict[str, int] = {
    wire.STATE_ID: 30,
    wire.MEDICAL_ID: 30,
    wire.RECOMMENDATION_NUMBER: 30,
    wire.PHYSICIAN_LICENSE: 20,
    wire.NICKNAME: 100,
    f"{wire.ADDRESS}.{wire.ADDRESS_LINE1}": 100,
    f"{wire.ADDRESS}.{wire.ADDRESS_LINE2}": 100,
    f"{wire.ADDRESS}.{wire.CITY}": 60,
}


def label(name: str) -> str:
    """The label of a field; list rows (``documents.0.type``) take their member's label."""
    if name in LABELS:
        return LABELS[name]
    parts = name.split(".")
    if len(parts) == 3 and parts[1].isdigit():
        return LABELS.get(f"{parts[0]}.{parts[2]}", parts[2])
    return name.replace("_", " ").replace(".", " ").capitalize()
