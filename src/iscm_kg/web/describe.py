"""Descriptions of resources: what the service sends for an IRI (its concise bounded description
with the graphs that state each fact), the content of a named graph, whether an IRI is known at
all, and the things whose names are close to an unknown one.

Everything is SPARQL over the engine, so a description costs two queries whatever the size of
the graph.
"""

from __future__ import annotations

import difflib
import re

import pyoxigraph as ox

from ..engine import Engine
from ..namespaces import PREFIXES
from .terms import DCT, ID, ISCM, ORG, RDF_TYPE, RDFS, SKOS, iri_ref, local_name

# Links from a dependent node (a membership, a meeting, a change event) to the thing it is
# about: the description of a thing includes the whole description of such nodes.
DEPENDENT_LINKS = (ORG + "organization", ORG + "member", ISCM + "meetingOf",
                   ORG + "originalOrganization", ORG + "resultingOrganization")
# Incoming triples left out of a description (they would list thousands of subjects).
# Citations (docs/modelling.md) point at every fact's subject and object; pages show them as the
# locator next to each fact, not as incoming links.
INBOUND_SKIPPED = (RDF_TYPE, ORG + "role", ISCM + "citesSubject", ISCM + "citesObject", ISCM + "citedAt")
LABEL_PROPERTIES = (SKOS + "prefLabel", RDFS + "label", DCT + "title")


def ask(engine: Engine, text: str) -> bool:
    """An ASK query with the project's prefixes declared as it uses them."""
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if f"{p}:" in text)
    return bool(engine.query(declared + text).result)


def exists(engine: Engine, iri: str) -> bool:
    """Whether the store says anything about the IRI (as subject, object or graph name)."""
    ref = iri_ref(iri)
    return ask(engine, f"ASK {{ {{ {ref} ?p ?o }} UNION {{ ?s ?p {ref} }} UNION {{ GRAPH {ref} {{ ?s ?p ?o }} }} }}")


def types(engine: Engine, iri: str) -> set[str]:
    """The classes the IRI is an instance of, in any graph."""
    return {r["t"].value for r in engine.select(f"SELECT DISTINCT ?t WHERE {{ {iri_ref(iri)} a ?t }}")}


def describe(engine: Engine, iri: str) -> list[ox.Quad]:
    """Concise bounded description with graphs, the dependent nodes pointing to it, incoming
    links, and the labels of everything it links to. Blank nodes are followed two levels
    deep (the data has none today); all in two SPARQL queries, so it works on any store."""
    ref = iri_ref(iri)
    links = ", ".join(f"<{p}>" for p in DEPENDENT_LINKS)
    skipped = ", ".join(f"<{p}>" for p in INBOUND_SKIPPED)
    rows = engine.query(f"""
        SELECT ?g ?s ?p ?o WHERE {{
          {{ GRAPH ?g {{ {ref} ?p ?o }} BIND({ref} AS ?s) }}
          UNION {{ GRAPH ?g0 {{ ?s ?link {ref} }} FILTER(?link IN ({links}) && isIRI(?s))
                   GRAPH ?g {{ ?s ?p ?o }} }}
          UNION {{ GRAPH ?g {{ ?s ?p {ref} }} FILTER(?p NOT IN ({skipped})) BIND({ref} AS ?o) }}
          UNION {{ GRAPH ?g {{ {ref} ?p0 ?s . ?s ?p ?o }} FILTER(isBlank(?s)) }}
          UNION {{ GRAPH ?g {{ {ref} ?p0 ?b . ?b ?p1 ?s . ?s ?p ?o }} FILTER(isBlank(?b) && isBlank(?s)) }}
        }}""").result
    quads = {ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows}
    # labels of what it links to
    linked = {t.value for q in quads for t in (q.subject, q.object, q.graph_name)
              if isinstance(t, ox.NamedNode) and t.value != iri}
    linked.discard(RDF_TYPE)
    if linked:
        values = " ".join(iri_ref(x) for x in sorted(linked))
        props = ", ".join(f"<{p}>" for p in LABEL_PROPERTIES)
        rows = engine.query(f"""
            SELECT ?g ?s ?p ?o WHERE {{
              VALUES ?s {{ {values} }}
              GRAPH ?g {{ ?s ?p ?o }}
              FILTER(?p IN ({props}) && (lang(?o) = "en" || lang(?o) = ""))
            }}""").result
        quads.update(ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows)
    return sorted(quads, key=_quad_key)


def graph_quads(engine: Engine, graph: str) -> list[ox.Quad]:
    """Everything in one named graph (its IRI dereferences to its content)."""
    g = ox.NamedNode(graph)
    rows = engine.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {iri_ref(graph)} {{ ?s ?p ?o }} }}").result
    return sorted((ox.Quad(r["s"], r["p"], r["o"], g) for r in rows), key=_quad_key)


def _quad_key(q: ox.Quad) -> tuple:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


class Suggestions:
    """The project's named things, for "did you mean" on an unknown IRI (memberships left out)."""

    def __init__(self, engine: Engine):
        rows = engine.select("""
            SELECT ?s ?l WHERE {
              { ?s skos:prefLabel ?l } UNION { ?s skos:altLabel ?l } UNION { ?s rdfs:label ?l } UNION { ?s dcterms:title ?l }
              FILTER(isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/iscm/")
                     && !CONTAINS(STR(?s), "/membership/"))
            }""")
        self.index = [(r["s"].value, r["l"].value.casefold()) for r in rows]

    def near(self, iri: str, limit: int = 8) -> list[str]:
        """IRIs whose slug or name is close to the unknown IRI's, best first."""
        wanted = local_name(iri).casefold()
        words = [w for w in re.split(r"[^a-z0-9]+", wanted) if len(w) > 2]
        kind = iri[len(ID):].split("/")[0] if iri.startswith(ID) else ""
        scores: dict[str, float] = {}
        for subject, folded in self.index:
            slug = local_name(subject).casefold()
            score = max(difflib.SequenceMatcher(None, wanted, slug).ratio(),
                        difflib.SequenceMatcher(None, wanted.replace("-", " "), folded).ratio())
            if words and all(w in folded or w in slug for w in words):
                score = max(score, 0.8)
            if kind and subject.startswith(ID + kind + "/"):
                score += 0.1
            if score > scores.get(subject, 0):
                scores[subject] = score
        best = sorted((s for s in scores.items() if s[1] >= 0.6), key=lambda s: -s[1])[:limit]
        return [s for s, _ in best]
