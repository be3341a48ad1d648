"""The derived latest-statement graph: its rule, and that nothing enumerating sources sees it."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
import pytest

from iscm_kg.catalogue import load_catalogue
from iscm_kg.engine import Engine
from iscm_kg.loading import graph_files, load_store

LATEST = "https://w3id.org/iscm/id/graph/latest"
ISCM = "https://w3id.org/iscm/ontology#"
ORG = "http://www.w3.org/ns/org#"
NOTE = "http://www.w3.org/2004/02/skos/core#editorialNote"


@pytest.fixture(scope="module")
def without_latest() -> Engine:
    """The same dataset with no derived graph (the engine's constructor derives nothing)."""
    return Engine(load_store(graph_files()), origin="test")


def source_years(store: ox.Store) -> dict[str, str]:
    issued = ox.NamedNode("http://purl.org/dc/terms/issued")
    kind = ox.NamedNode(ISCM + "SourceDocument")
    sources = {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), kind, None) if isinstance(q.graph_name, ox.NamedNode)}
    return {q.subject.value: q.object.value[:4] for q in store.quads_for_pattern(None, issued, None, None)
            if q.subject.value in sources}


def test_latest_graph_follows_the_documented_rule(engine, without_latest):
    """Recomputed here in Python: per mechanism and property, the values of the sources with the
    highest issue year; per mechanism and role, the memberships of the most recent source."""
    store = without_latest.store
    years = source_years(store)
    mechanisms = {q.subject.value for q in store.quads_for_pattern(
        None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode(ISCM + "InterStateConsultationMechanism"), None)}
    facts: dict[tuple, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    memberships: dict[str, dict[str, list]] = defaultdict(dict)
    for q in store:
        g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
        if g not in years:
            continue
        if q.subject.value in mechanisms and q.predicate.value != NOTE:
            facts[(q.subject.value, q.predicate.value)][years[g]].add(ox.Triple(q.subject, q.predicate, q.object))
        memberships[g].setdefault(q.subject, []).append(q)
    expected = set()
    for by_year in facts.values():
        expected |= by_year[max(by_year)]
    roles: dict[tuple, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for g, subjects in memberships.items():
        for s, quads in subjects.items():
            props = {q.predicate.value: q.object.value for q in quads}
            if props.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") == ORG + "Membership" and ORG + "role" in props:
                roles[(props[ORG + "organization"], props[ORG + "role"])][years[g]] |= {
                    ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    for by_year in roles.values():
        expected |= by_year[max(by_year)]
    got = {ox.Triple(q.subject, q.predicate, q.object)
           for q in engine.store.quads_for_pattern(None, None, None, ox.NamedNode(LATEST)) if q.subject.value != LATEST}
    assert got == expected and len(got) > 1000


def test_latest_keeps_the_most_recent_chair_and_leaves_the_sources_alone(sparql):
    rows = sparql("""SELECT ?c WHERE { GRAPH <https://w3id.org/iscm/id/graph/latest> { mechanism:puebla-process iscm:chair ?c } }""")
    newest = sparql("""SELECT ?c WHERE { GRAPH ?g { mechanism:puebla-process iscm:chair ?c } ?g dcterms:issued ?y }
                       ORDER BY DESC(STR(?y)) LIMIT 1""")
    assert [r["c"] for r in rows] == [newest[0]["c"]]
    assert sparql("SELECT ?c WHERE { GRAPH source:scpf-2009 { mechanism:puebla-process iscm:chair ?c } }")[0]["c"].endswith("/GTM")


def test_source_graphs_are_those_of_the_files(engine, without_latest):
    def named(store):
        return {q for q in store if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value != LATEST}
    assert named(engine.store) == named(without_latest.store)


@pytest.mark.parametrize("name", sorted(load_catalogue()))
def test_catalogue_queries_do_not_see_the_latest_graph(engine, without_latest, name):
    text = load_catalogue()[name].text

    def cell(term) -> tuple:  # GROUP_CONCAT follows the store's order: compare its parts as a set
        if not isinstance(term, ox.Literal):
            return (str(term),)
        parts = sorted(part for chunk in term.value.split("; ") for part in chunk.split(", "))
        return (*parts, str(term.datatype), term.language or "")

    def answer(e):
        result = e.query(text).result
        return sorted(tuple(cell(row[v.value]) for v in result.variables) for row in result)

    assert answer(engine) == answer(without_latest)


def test_sources_in_void_and_sparql_are_only_source_documents(client):
    void = client.get("/void", headers={"Accept": "application/n-triples"}).data.decode()
    sources = {line.split()[2] for line in void.splitlines() if "<http://purl.org/dc/terms/source>" in line}
    assert sources and f"<{LATEST}>" not in sources
    report = client.get("/sparql", query_string={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } ?g a <https://w3id.org/iscm/ontology#SourceDocument> }"},
                        headers={"Accept": "application/sparql-results+json"}).get_json(force=True)
    assert LATEST not in {b["g"]["value"] for b in report["results"]["bindings"]}
