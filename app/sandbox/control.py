"""Endpoints that let a test, a demo or a developer look inside the sandbox and steer it.
They live under ``/_sandbox``, outside the vendor's prefixes, and are never faulted."""

from __future__ import annotations

import json
import math

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app import wire
from app.sandbox.api import FORM_ERRORS, errors_response
from app.sandbox.faults import FaultError
from app.sandbox.state import PLANS, SandboxState

CONTROL_PREFIX = "/_sandbox"
FAULTS_KEY = "faults"


def _state(request: Request) -> SandboxState:
    return request.app.state.sandbox


async def _json(request: Request) -> object:
    raw = await request.body()
    return json.loads(raw) if raw.strip() else None


async def customers(request: Request) -> Response:
    return JSONResponse(_state(request).store.customers())


async def uploads(request: Request) -> Response:
    return JSONResponse(_state(request).store.uploads())


def _faults_view(state: SandboxState) -> dict[str, object]:
    return {"pending": state.faults.pending(), "fault_rate": state.faults.rate, "seed": state.faults.seed}


async def faults(request: Request) -> Response:
    state = _state(request)
    if request.method == "POST":
        try:
            state.faults.script(await _json(request))
        except (ValueError, FaultError) as exc:  # JSONDecodeError is a ValueError
            return errors_response({FAULTS_KEY: [str(exc)]})
    elif request.method == "DELETE":
        state.faults.clear()
    return JSONResponse(_faults_view(state))


async def reset(request: Request) -> Response:
    _state(request).reset()
    return Response(status_code=204)


def _settings_view(state: SandboxState) -> dict[str, object]:
    s = state.settings
    return {
        "plan": s.plan,
        "jurisdiction": s.jurisdiction,
        "max_upload_bytes": s.max_upload_bytes,
        "fault_rate": state.faults.rate,
        "seed": state.faults.seed,
        "rename": dict(s.rename),
        "clock_offset": s.clock_offset,
    }


async def settings(request: Request) -> Response:
    """GET shows the settings; POST changes any of plan, jurisdiction, max_upload_bytes,
    fault_rate (with seed), rename (our field name -> the name this POS uses) and clock_offset
    (seconds the Date header runs ahead) until the next reset."""
    state = _state(request)
    if request.method == "POST":
        try:
            changes = await _json(request)
        except ValueError as exc:
            return errors_response({FORM_ERRORS: [f"the request body is not valid JSON ({exc})"]})
        if not isinstance(changes, dict):
            return errors_response({FORM_ERRORS: ["send a JSON object of settings"]})
        errors = _apply_settings(state, changes)
        if errors:
            return errors_response(errors)
    return JSONResponse(_settings_view(state))


def _apply_settings(state: SandboxState, changes: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    s = state.settings
    unknown = set(changes) - {"plan", "jurisdiction", "max_upload_bytes", "fault_rate", "seed", "rename",
                              "clock_offset"}
    for key in unknown:
        errors[key] = ["not a sandbox setting"]
    plan = changes.get("plan", s.plan)
    if plan not in PLANS:
        errors["plan"] = [f"one of {', '.join(PLANS)}"]
    jurisdiction = changes.get("jurisdiction", s.jurisdiction)
    if not isinstance(jurisdiction, str) or not jurisdiction.strip():
        errors["jurisdiction"] = ["a state or province code such as CA"]
    max_bytes = changes.get("max_upload_bytes", s.max_upload_bytes)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        errors["max_upload_bytes"] = ["a whole number of bytes greater than 0"]
    seed = changes.get("seed", state.faults.seed)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        errors["seed"] = ["an integer or null"]
    rate = changes.get("fault_rate", state.faults.rate)
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0.0 <= rate <= 1.0:
        errors["fault_rate"] = ["a number from 0.0 to 1.0"]
    rename = changes.get("rename", s.rename)
    try:
        rename = wire.check_mapping(rename, "rename")
    except wire.WireNameError as exc:
        errors["rename"] = [str(exc)]
    offset = changes.get("clock_offset", s.clock_offset)
    if isinstance(offset, bool) or not isinstance(offset, int | float) or not math.isfinite(offset):
        errors["clock_offset"] = ["a number of seconds (negative: behind)"]
    if errors:
        return errors
    s.rename = rename
    s.clock_offset = float(offset)
    s.plan = plan
    s.jurisdiction = jurisdiction.strip().upper()
    s.max_upload_bytes = max_bytes
    if "fault_rate" in changes or "seed" in changes:
        state.set_fault_rate(rate, seed)
    return {}


CONTROL_ROUTES = [
    Route("/customers", customers, methods=["GET"]),
    Route("/uploads", uploads, methods=["GET"]),
    Route("/faults", faults, methods=["GET", "POST", "DELETE"]),
    Route("/reset", reset, methods=["POST"]),
    Route("/settings", settings, methods=["GET", "POST"]),
]
