"""The API client's time limits that the outbox's settle wait is worked out from, in a module
of their own: the station reads them without loading the client (and httpx) at start-up."""

# A create that times out may still land, and then costs a settle wait (app.sync) before the
# intake can be sent again: it is given at least this long to answer.
CREATE_TIMEOUT_MIN = 60.0
