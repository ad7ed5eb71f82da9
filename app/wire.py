"""Every name that crosses the wire to the POS vendor, in one place.

SPEC.md marks some of these names as assumed; correcting one is a one-line change here.
Everything else in the program (the model, the form's object names, the sandbox, the
client) refers to these constants, never to string literals of its own.
"""

from __future__ import annotations

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
