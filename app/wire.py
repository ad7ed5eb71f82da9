"""Every name that crosses the wire to the POS vendor, in one place.

SPEC.md marks some of these names as assumed; correcting one is a one-line change here.
Everything else in the program (the model, the form's object names, the sandbox, the
client) refers to these constants, never to string literals of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# --- body fields, in the order of the vendor's reference page -------------------------
FIRST_NAME = "first_name"
LAST_NAME = "last_name"
DATE_OF_BIRTH = "date_of_birth"
PHONE = "phone"
EMAIL = "email"
NICKNAME = "nickname"
HAS_MEDICAL_RECOMMENDATION = "has_medical_recommendation"
RECOMMENDATION_EXPIRATION_DATE = "recommendation_expiration_date"
MIDDLE_NAME = "middle_name"
STATE_ID = "state_id"
MEDICAL_ID = "medical_id"
RECOMMENDATION_NUMBER = "recommendation_number"
GENDER = "gender"
AMOUNT_LIMIT = "amount_limit"
PHYSICIAN_LICENSE = "physician_license"
TYPE = "type"
ID_TYPE = "id_type"
REFERRAL_SOURCE = "referral_source"
CELL_PHONE = "cell_phone"
HOME_PHONE = "home_phone"
WORK_PHONE = "work_phone"
ADDRESS = "address"
MARKETING_MAIL = "marketing_mail"
MARKETING_EMAIL = "marketing_email"
MARKETING_SMS = "marketing_sms"
MARKETING_CALLS = "marketing_calls"
MANUAL_GROUPS = "manual_groups"
DOCUMENTS = "documents"

BODY_FIELDS: tuple[str, ...] = (
    FIRST_NAME, LAST_NAME, DATE_OF_BIRTH, PHONE, EMAIL, NICKNAME, HAS_MEDICAL_RECOMMENDATION,
    RECOMMENDATION_EXPIRATION_DATE, MIDDLE_NAME, STATE_ID, MEDICAL_ID, RECOMMENDATION_NUMBER, GENDER,
    AMOUNT_LIMIT, PHYSICIAN_LICENSE, TYPE, ID_TYPE, REFERRAL_SOURCE, CELL_PHONE, HOME_PHONE, WORK_PHONE,
    ADDRESS, MARKETING_MAIL, MARKETING_EMAIL, MARKETING_SMS, MARKETING_CALLS, MANUAL_GROUPS, DOCUMENTS,
)
DEPRECATED_FIELDS: frozenset[str] = frozenset({HOME_PHONE, WORK_PHONE})
MARKETING_FIELDS: tuple[str, ...] = (MARKETING_MAIL, MARKETING_EMAIL, MARKETING_SMS, MARKETING_CALLS)

# --- address members (sent nested under ADDRESS; the form names them "address.city") ---
ADDRESS_LINE1 = "address_line1"
ADDRESS_LINE2 = "address_line2"
CITY = "city"
STATE = "state"
ZIP = "zip"
COUNTRY = "country"
ADDRESS_MEMBERS: tuple[str, ...] = (ADDRESS_LINE1, ADDRESS_LINE2, CITY, STATE, ZIP, COUNTRY)

# --- document members ---------------------------------------------------------------
DOC_FILE_ID = "file_id"
DOC_TYPE = "type"
DOC_TYPE_ID = "id"
DOC_TYPE_MEDICAL = "medical_document"
DOCUMENT_TYPES: tuple[str, ...] = (DOC_TYPE_ID, DOC_TYPE_MEDICAL)

# --- enum values ----------------------------------------------------------------------
GENDERS: tuple[str, ...] = ("male", "female", "unspecified")
ID_TYPES: tuple[str, ...] = ("drivers_license", "state_id_card", "passport", "military_id", "other")
REFERRAL_SOURCES: tuple[str, ...] = ("walk_in", "friend", "online", "advertising", "other")
COUNTRIES: tuple[str, ...] = ("US", "CA")
CUSTOMER_STATUSES: tuple[str, ...] = ("pending", "verified")

# --- response members -----------------------------------------------------------------
RESP_ID = "id"
RESP_STATUS = "status"
RESP_CREATED_AT = "created_at"
RESP_LIST_WRAPPERS: tuple[str, ...] = ("data", "customers")
GROUP_ID = "id"
GROUP_NAME = "name"
GROUP_KIND = "kind"
GROUP_KIND_MANUAL = "manual"
GROUP_KIND_AUTOMATIC = "automatic"

# --- error bodies (the vendor does not publish its layout; these are the shapes we read)
ERR_ERRORS = "errors"
ERR_FIELD = "field"
ERR_MESSAGE = "message"
ERR_DETAIL = "detail"

# --- endpoints and headers --------------------------------------------------------------
DEFAULT_API_URL = "https://api.indicaonline.com/open_api/v2.3"
DEFAULT_FILES_URL = "https://api.indicaonline.com/open_api/v2.2"
PATH_CUSTOMERS = "/customers"
PATH_CUSTOMER_BY_STATE_ID = "/customers/state-id/{state_id}"
PATH_CUSTOMER = "/customers/{customer_id}"  # GET one customer; PATCH it (PRO plan)
PATH_CUSTOMER_GROUPS = "/customer-groups"
PATH_FILE_UPLOAD = "/file/upload"
UPLOAD_PART = "file"
UPLOAD_RESP_ID = "id"
QUERY_START_DATE = "start_date"
QUERY_END_DATE = "end_date"
QUERY_LIMIT = "limit"
HEADER_API_KEY = "X-Api-Key"
HEADER_RETRY_AFTER = "Retry-After"

DATE_FORMAT = "%Y-%m-%d"


# --- a store's corrections of assumed names ---------------------------------------------------
# The managed configuration may map one of our body fields (or an address member, written
# "address.city") to the name the store's POS really uses: ``[wire_names] nickname = "nick_name"``.
# The rest of the program keeps using the constants above; the client translates at the wire
# (``WireNames.outgoing`` before sending, ``incoming`` on every customer record read back).
MAPPABLE_FIELDS: tuple[str, ...] = BODY_FIELDS + tuple(f"{ADDRESS}.{m}" for m in ADDRESS_MEMBERS)
_SERVER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")


class WireNameError(ValueError):
    """A mapping that cannot be used; the message names the entry and why."""


class WireNames:
    """Our field name -> the server's, for the fields a store mapped; identity for the others."""

    def __init__(self, mapping: Mapping[str, str] | None = None) -> None:
        self.mapping: dict[str, str] = check_mapping(mapping or {})
        self._top = {k: v for k, v in self.mapping.items() if "." not in k}
        self._members = {k.split(".", 1)[1]: v for k, v in self.mapping.items() if "." in k}
        self._top_back = {v: k for k, v in self._top.items()}
        self._members_back = {v: k for k, v in self._members.items()}

    def __bool__(self) -> bool:
        return bool(self.mapping)

    def __repr__(self) -> str:
        return f"WireNames({self.mapping!r})"

    def server_name(self, name: str) -> str:
        """The name the server uses for our ``name`` (a body field, or "address.member")."""
        if "." in name:
            parent, member = name.split(".", 1)
            return f"{self._top.get(parent, parent)}.{self._members.get(member, member)}"
        return self._top.get(name, name)

    def outgoing(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """``body`` (our names) as the server names its keys; a copy, values untouched."""
        if not self.mapping:
            return dict(body)
        out: dict[str, Any] = {}
        for key, value in body.items():
            if key == ADDRESS and isinstance(value, Mapping) and self._members:
                value = {self._members.get(k, k): v for k, v in value.items()}
            out[self._top.get(key, key)] = value
        return out

    def incoming(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """A customer record from the server with our names for the mapped keys; a copy."""
        if not self.mapping:
            return dict(record)
        out: dict[str, Any] = {}
        for key, value in record.items():
            ours = self._top_back.get(key, key)
            if ours == ADDRESS and isinstance(value, Mapping) and self._members:
                value = {self._members_back.get(k, k): v for k, v in value.items()}
            if ours in out and key not in self._top_back:
                continue  # the server's key under the mapped name wins over a stray one of ours
            out[ours] = value
        return out

    def incoming_field(self, name: str) -> str:
        """A field named in a server's error ("nick_name", "addr.postcode", "documents.0.file_id") in our names."""
        head, dot, rest = name.partition(".")
        ours = self._top_back.get(head, head)
        if dot and ours == ADDRESS:
            member, dot2, tail = rest.partition(".")
            rest = self._members_back.get(member, member) + dot2 + tail
        return ours + dot + rest


def check_mapping(raw: object, source: str = "wire_names") -> dict[str, str]:
    """The mapping as given, checked: only our known fields, a plain name for each, no two fields
    on one server name and none on a name another (unmapped) field of ours already uses."""
    if not isinstance(raw, Mapping):
        raise WireNameError(f"{source} must be a table of our field name = the server's name")
    mapping: dict[str, str] = {}
    for ours, theirs in raw.items():
        if ours not in MAPPABLE_FIELDS:
            raise WireNameError(
                f"{source}: {ours!r} is not one of the station's fields; known are {', '.join(MAPPABLE_FIELDS)}")
        if not isinstance(theirs, str) or not _SERVER_NAME.fullmatch(theirs):
            raise WireNameError(
                f"{source}: the server's name for {ours!r} must be a plain name of letters, digits and "
                f"underscores (at most 64), not {theirs!r}")
        if theirs != ours.rpartition(".")[2]:
            mapping[ours] = theirs
    for namespace in (BODY_FIELDS, ADDRESS_MEMBERS):
        nested = namespace is ADDRESS_MEMBERS
        names = {f: mapping.get(f"{ADDRESS}.{f}" if nested else f, f) for f in namespace}
        seen: dict[str, str] = {}
        for ours, theirs in names.items():
            if theirs in seen:
                first, second = sorted((seen[theirs], ours))
                label = (lambda n: f"{ADDRESS}.{n}") if nested else (lambda n: n)
                raise WireNameError(
                    f"{source}: {label(first)!r} and {label(second)!r} would both be sent as {theirs!r}")
            seen[theirs] = ours
    return mapping
