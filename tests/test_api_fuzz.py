"""Property-based fuzzing of the API from its own OpenAPI schema (schemathesis): whatever the
parameters, the server answers with no 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from accord.api import create_app
from accord.store import open_store

from conftest import scratch_folder
from test_store import docs


def _app():
    # Built when the module is collected: schemathesis parametrizes from the schema then
    # (its fixture loader does not work with this pytest). A throwaway file, removed
    # when the run ends (conftest.scratch_folder).
    path = scratch_folder("accord-fuzz-") / "accord.duckdb"
    with open_store(path) as store:
        for d in docs():
            store.ingest(d)
    # With a write token, POST /api/articles is fuzzed past its token check too: wrong tokens
    # must give 401, never 500.
    return create_app(path, write_token="fuzz")


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_errors(case) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
