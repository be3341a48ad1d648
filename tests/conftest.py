"""Shared fixtures: the real bundled graph, loaded once, and the Flask app over it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from iscm_kg.engine import Engine
from iscm_kg.web import create_app

PREFIXES = """
PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX mechanism: <https://w3id.org/iscm/id/mechanism/>
PREFIX country: <https://w3id.org/iscm/id/country/>
PREFIX organization: <https://w3id.org/iscm/id/organization/>
PREFIX role: <https://w3id.org/iscm/id/role/>
PREFIX source: <https://w3id.org/iscm/id/source/>
PREFIX theme: <https://w3id.org/iscm/id/theme/>
PREFIX typology: <https://w3id.org/iscm/id/typology/>
PREFIX iomrole: <https://w3id.org/iscm/id/iom-role/>
PREFIX region: <https://w3id.org/iscm/id/region/>
PREFIX gcm: <https://w3id.org/iscm/id/gcm/>
PREFIX meeting: <https://w3id.org/iscm/id/meeting/>
"""


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_project()


@pytest.fixture(scope="session")
def app(engine):
    return create_app(engine, {"TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def sparql(engine):
    """Run a SELECT over the union graph; rows as dicts of plain strings."""

    def run(query: str) -> list[dict[str, str]]:
        outcome = engine.query(PREFIXES + query)
        names = [v.value for v in outcome.result.variables]
        return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in outcome.result]

    return run


@pytest.fixture(scope="session")
def ask(engine):
    def run(query: str) -> bool:
        return bool(engine.query(PREFIXES + query).result)

    return run
