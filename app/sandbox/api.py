"""The vendor's endpoints as the sandbox serves them (see SPEC.md), under the vendor's own
path prefixes, validated by the same rules as the form."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from starlette.datastructures import UploadFile
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app import safejson, wire
from app.sandbox.state import PLAN_PRO, SandboxState
from app.sandbox.store import DuplicateStateId
from app.sandbox.uploads import sniff_kind
from app.updates import build_changes, validate_changes
from app.validation import FORM, ValidationContext, as_plain, build_body, validate_record

API_PREFIX = urlsplit(wire.DEFAULT_API_URL).path
FILES_PREFIX = urlsplit(wire.DEFAULT_FILES_URL).path
FORM_ERRORS = FORM  # errors that belong to the record as a whole, not one field

# A multipart body carries boundaries and part headers besides the file itself.
_MULTIPART_OVERHEAD = 64 * 1024
# Past this much discarded body an oversized upload is cut off instead of read to its end.
_MAX_DISCARD = 256 * 1024 * 1024
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def errors_response(errors: dict[str, list[str]], status: int = 422, names: wire.WireNames | None = None
                    ) -> JSONResponse:
    if names:
        errors = {names.server_name(key): value for key, value in errors.items()}
    return JSONResponse({wire.ERR_ERRORS: errors}, status_code=status)


def message_response(message: str, status: int) -> JSONResponse:
    return JSONResponse({wire.ERR_MESSAGE: message}, status_code=status)


def _state(request: Request) -> SandboxState:
    return request.app.state.sandbox


# --- a POS that names some fields otherwise (the ``rename`` setting) ---------------------------
def _received(body: dict, names: wire.WireNames) -> dict:
    """A body as the POS reads it, in our names: its own names translated, and our names for the
    renamed fields dropped, as a real POS ignores keys it does not know."""
    if not names:
        return body
    top = {k: v for k, v in names.mapping.items() if "." not in k}
    members = {k.split(".", 1)[1]: v for k, v in names.mapping.items() if "." in k}
    unknown = set(top) - set(top.values())
    unknown_members = set(members) - set(members.values())
    kept = {k: v for k, v in body.items() if k not in unknown}
    address_key = top.get(wire.ADDRESS, wire.ADDRESS)
    if isinstance(kept.get(address_key), dict):
        kept[address_key] = {k: v for k, v in kept[address_key].items() if k not in unknown_members}
    return names.incoming(kept)


def _customer_reply(customer: dict, names: wire.WireNames, status: int = 200) -> JSONResponse:
    return JSONResponse(names.outgoing(customer), status_code=status)


# --- customers --------------------------------------------------------------------------
async def create_customer(request: Request) -> Response:
    state = _state(request)
    try:
        raw = await _read_capped(request, safejson.MAX_BYTES)
    except ClientDisconnect:
        return Response(status_code=400)
    if raw is None:
        return message_response(f"the request body is larger than {safejson.MAX_BYTES} bytes", 413)
    try:
        body = safejson.loads(raw)
    except safejson.JsonRefused as exc:
        return errors_response({FORM_ERRORS: [f"the request body {exc}"]})
    if not isinstance(body, dict):
        return errors_response({FORM_ERRORS: ["the request body must be a JSON object of customer fields"]})

    names = state.names
    body = _received(body, names)
    ctx = ValidationContext(jurisdiction=state.settings.jurisdiction, policy=False)
    errors = validate_record(body, ctx)
    errors = {**_reference_errors(body, state), **errors}
    if errors:
        return errors_response(errors, names=names)
    try:  # stored as the shared rules normalise it, as the station itself would have sent it
        customer = state.store.create_customer(build_body(body, ctx))
    except DuplicateStateId:
        return errors_response({wire.STATE_ID: ["a customer with this state ID already exists"]}, status=409,
                               names=names)
    return _customer_reply(customer, names, 201)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _reference_errors(body: dict, state: SandboxState) -> dict[str, list[str]]:
    """What only the server can know: do the named groups and files exist?"""
    errors: dict[str, list[str]] = {}
    groups = body.get(wire.MANUAL_GROUPS)
    if isinstance(groups, list):
        manual = state.store.manual_group_ids()
        known = {g[wire.GROUP_ID] for g in state.store.groups()}
        messages = []
        for group_id in groups:
            if not _is_int(group_id) or group_id in manual:
                continue
            if group_id in known:
                messages.append(f"group {group_id} is filled automatically and cannot be assigned")
            else:
                messages.append(f"there is no customer group {group_id}")
        if messages:
            errors[wire.MANUAL_GROUPS] = messages
    documents = body.get(wire.DOCUMENTS)
    if isinstance(documents, list):
        for index, document in enumerate(documents):
            if not isinstance(document, dict):
                continue
            file_id = document.get(wire.DOC_FILE_ID)
            if _is_int(file_id) and not state.store.has_upload(file_id):
                errors[f"{wire.DOCUMENTS}.{index}.{wire.DOC_FILE_ID}"] = [
                    f"no uploaded file has id {file_id}; upload the file first"
                ]
    return errors


async def customer_by_id(request: Request) -> Response:
    customer_id = request.path_params["customer_id"]
    state = _state(request)
    customer = state.store.customer(customer_id)
    if customer is None:
        return message_response(f"no customer with id {customer_id}", 404)
    return _customer_reply(customer, state.names)


async def update_customer(request: Request) -> Response:
    """PATCH: the changed fields, checked by the create's rules against the customer as it will
    be (app.updates); PRO plan only, as the vendor documents."""
    state = _state(request)
    if state.settings.plan != PLAN_PRO:
        return message_response("updating customers needs the PRO plan", 403)
    customer_id = request.path_params["customer_id"]
    current = state.store.customer(customer_id)
    if current is None:
        return message_response(f"no customer with id {customer_id}", 404)
    changes, refusal = await _json_object(request)
    if refusal is not None:
        return refusal
    names = state.names
    changes = _received(changes, names)
    ctx = ValidationContext(jurisdiction=state.settings.jurisdiction, policy=False)
    errors = validate_changes(changes, ctx, base=current)
    errors = {**_reference_errors(changes, state), **errors}
    if errors:
        return errors_response(as_plain(errors), names=names)
    try:
        customer = state.store.update_customer(customer_id, build_changes(changes, ctx, base=current))
    except DuplicateStateId:
        return errors_response({wire.STATE_ID: ["a customer with this state ID already exists"]}, status=409,
                               names=names)
    if customer is None:
        return message_response(f"no customer with id {customer_id}", 404)
    return _customer_reply(customer, names)


async def _json_object(request: Request) -> tuple[dict, Response | None]:
    """The request's JSON object, or the reply refusing it."""
    try:
        raw = await _read_capped(request, safejson.MAX_BYTES)
    except ClientDisconnect:
        return {}, Response(status_code=400)
    if raw is None:
        return {}, message_response(f"the request body is larger than {safejson.MAX_BYTES} bytes", 413)
    try:
        body = safejson.loads(raw)
    except safejson.JsonRefused as exc:
        return {}, errors_response({FORM_ERRORS: [f"the request body {exc}"]})
    if not isinstance(body, dict):
        return {}, errors_response({FORM_ERRORS: ["the request body must be a JSON object of customer fields"]})
    return body, None


async def customer_by_state_id(request: Request) -> Response:
    state = _state(request)
    if state.settings.plan != PLAN_PRO:
        return message_response("looking customers up by state ID needs the PRO plan", 403)
    customer = state.store.customer_by_state_id(request.path_params["state_id"])
    if customer is None:
        return message_response("no customer with this state ID", 404)
    return _customer_reply(customer, state.names)


def _query_date(request: Request, name: str, errors: dict[str, list[str]]) -> date | None:
    text = request.query_params.get(name)
    if text in (None, ""):
        return None
    if _DATE_SHAPE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    errors[name] = ["a date written YYYY-MM-DD"]
    return None


async def list_customers(request: Request) -> Response:
    errors: dict[str, list[str]] = {}
    start = _query_date(request, wire.QUERY_START_DATE, errors)
    end = _query_date(request, wire.QUERY_END_DATE, errors)
    limit: int | None = None
    limit_text = request.query_params.get(wire.QUERY_LIMIT)
    if limit_text not in (None, ""):
        if limit_text.isdigit() and int(limit_text) > 0:
            limit = int(limit_text)
        else:
            errors[wire.QUERY_LIMIT] = ["a whole number greater than 0"]
    if start and end and start > end:
        errors[wire.QUERY_END_DATE] = ["must not be before start_date"]
    if errors:
        return errors_response(errors)
    state = _state(request)
    names = state.names
    return JSONResponse([names.outgoing(c) for c in state.store.customers_created_between(start, end, limit)])


async def list_groups(request: Request) -> Response:
    return JSONResponse(_state(request).store.groups())


# --- files ------------------------------------------------------------------------------
async def _read_capped(request: Request, cap: int) -> bytes | None:
    """The request body, or None when it is longer than ``cap``. An oversized body is still
    read (and thrown away) so the client, still sending, gets to read the refusal."""
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total <= cap:
            chunks.append(chunk)
        elif total > _MAX_DISCARD:
            break
    return b"".join(chunks) if total <= cap else None


def _replay(body: bytes):
    async def receive() -> dict:
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def upload_file(request: Request) -> Response:
    cap = _state(request).settings.max_upload_bytes
    too_big = errors_response({wire.UPLOAD_PART: [f"the file is larger than {cap} bytes"]}, status=413)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return errors_response({wire.UPLOAD_PART: [f"send the file as multipart/form-data in a part named "
                                                   f"'{wire.UPLOAD_PART}'"]})
    try:
        body = await _read_capped(request, cap + _MULTIPART_OVERHEAD)
    except ClientDisconnect:
        return Response(status_code=400)
    if body is None:
        return too_big
    try:
        form = await Request(request.scope, _replay(body)).form(max_files=4, max_fields=16)
    except Exception as exc:  # the multipart parser raises several kinds for malformed bodies
        return errors_response({wire.UPLOAD_PART: [f"the multipart body cannot be read ({exc})"]})
    try:
        part = form.get(wire.UPLOAD_PART)
        if not isinstance(part, UploadFile):
            return errors_response({wire.UPLOAD_PART: [f"a file part named '{wire.UPLOAD_PART}' is required"]})
        data = await part.read()
        filename = part.filename
    finally:
        await form.close()
    if len(data) > cap:
        return too_big
    if not data:
        return errors_response({wire.UPLOAD_PART: ["the file is empty"]})
    kind = sniff_kind(data[:16])
    if kind is None:
        return errors_response({wire.UPLOAD_PART: ["only JPEG, PNG or PDF files are accepted, and this file's "
                                                   "content is none of them"]})
    upload = _state(request).store.add_upload(kind, len(data), filename)
    return JSONResponse({wire.UPLOAD_RESP_ID: upload.id})


API_ROUTES = [
    Route(wire.PATH_CUSTOMERS, create_customer, methods=["POST"]),
    Route(wire.PATH_CUSTOMERS, list_customers, methods=["GET"]),
    Route(wire.PATH_CUSTOMER_BY_STATE_ID, customer_by_state_id, methods=["GET"]),
    Route(wire.PATH_CUSTOMERS + "/{customer_id:int}", customer_by_id, methods=["GET"]),
    Route(wire.PATH_CUSTOMERS + "/{customer_id:int}", update_customer, methods=["PATCH"]),
    Route(wire.PATH_CUSTOMER_GROUPS, list_groups, methods=["GET"]),
]
FILES_ROUTES = [
    Route(wire.PATH_FILE_UPLOAD, upload_file, methods=["POST"]),
]
