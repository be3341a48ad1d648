"""The OpenAPI description (/openapi.json) against the app: schemathesis generates requests from it
(valid and invalid ones) and checks that no answer is a 5xx and that every answer conforms to the
description (documented status, documented media type, JSON bodies matching their schemas)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, negative_data_rejection,
                                               response_schema_conformance, status_code_conformance)

from iscm_kg.web import create_app
from iscm_kg.web.openapi import document

EXAMPLES = 25

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          negative_data_rejection]


@pytest.fixture(scope="module")
def api_app(engine):
    # a short time limit: a generated query that happens to be slow ends in a documented 503
    return create_app(engine, {"TESTING": True, "QUERY_TIMEOUT": 2})


@pytest.fixture(scope="module")
def api_schema(api_app):
    return schemathesis.openapi.from_wsgi("/openapi.json", api_app)


# One test per operation, listed from the description itself; each draws a bounded number of valid
# and of invalid requests. (Driven through hypothesis directly rather than schemathesis's pytest
# integration, whose lazy fixture loader does not run under pytest 9.)
OPERATIONS = [(method.upper(), path) for path, ops in document()["paths"].items() for method in ops]
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]


def test_openapi_document_lists_the_api(client):
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert {"/sparql", "/validate", "/void", "/dumps/{name}", "/health", "/id/{path}", "/ontology",
            "/mechanisms"} <= set(doc["paths"])
    sparql = doc["paths"]["/sparql"]
    assert {p["name"] for p in sparql["get"]["parameters"]} == {"query", "default-graph-uri", "named-graph-uri",
                                                               "format"}
    assert set(sparql["post"]["requestBody"]["content"]) == {
        "application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update"}
    assert "application/sparql-results+json" in sparql["get"]["responses"]["200"]["content"]


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
@pytest.mark.parametrize("method,path", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_conforms_to_its_description(api_schema, method, path, mode):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    def run(case):
        case.call_and_validate(checks=CHECKS)

    try:
        run()
    except Unsatisfiable:
        # every input of this operation is a free string (or there is none): no request can be invalid
        assert mode is GenerationMode.NEGATIVE


def test_after_the_generated_requests_the_service_answers_over_unchanged_data(api_app, engine):
    client = api_app.test_client()
    r = client.get("/sparql", query_string={"query": "# after schemathesis\nSELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert int(r.get_json(force=True)["results"]["bindings"][0]["n"]["value"]) == len(engine)
    assert client.get("/health").get_json()["quads"] == len(engine)
