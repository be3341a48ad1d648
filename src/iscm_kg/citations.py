"""Fact-level citations: where in its source document each fact of a source graph stands.

A source graph holds, next to its facts, ``iscm:Citation`` records (docs/modelling.md): a citation
names a subject, and optionally the predicate and object of one fact, and the ``iscm:SourcePart``
(a section, annex, table row) it stands at; the part is ``dcterms:isPartOf`` the source document
(possibly through larger parts) and has a readable ``iscm:locator``. These queries are the one
pattern for "where does the source say this?" and the check that every fact has an answer.
"""

from __future__ import annotations

from .engine import Engine

PREFIXES = """PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

# The facts of a source graph: every triple but the document's own description, its parts and the
# citations themselves.
_FACT = """?g a iscm:SourceDocument .
  GRAPH ?g { ?s ?p ?o
    FILTER (?s != ?g)
    FILTER NOT EXISTS { ?s a iscm:Citation }
    FILTER NOT EXISTS { ?s a iscm:SourcePart } }"""

# A citation covers (s, p, o) when it names s and no other predicate or object.
COVERS = """?c iscm:citesSubject ?s ; iscm:citedAt ?part .
      FILTER NOT EXISTS { ?c iscm:citesPredicate ?cp FILTER (?cp != ?p) }
      FILTER NOT EXISTS { ?c iscm:citesObject ?co FILTER (?co != ?o) }"""

UNCITED_COUNTS = PREFIXES + f"""SELECT ?g (COUNT(*) AS ?facts) (SUM(?uncited) AS ?withoutLocator) WHERE {{
  {_FACT}
  BIND (IF(EXISTS {{ GRAPH ?g {{ {COVERS} }} }}, 0, 1) AS ?uncited)
}} GROUP BY ?g ORDER BY ?g"""


def locator_pattern(subject: str, predicate: str, obj: str, graph: str = "?g", where: str = "?where") -> str:
    """SPARQL that binds WHERE to the locator(s) of the fact SUBJECT PREDICATE OBJ in GRAPH."""
    return f"""GRAPH {graph} {{ ?c iscm:citesSubject {subject} ; iscm:citedAt ?part .
      FILTER NOT EXISTS {{ ?c iscm:citesPredicate ?cp FILTER (?cp != {predicate}) }}
      FILTER NOT EXISTS {{ ?c iscm:citesObject ?co FILTER (?co != {obj}) }} }}
    ?part iscm:locator {where} ."""


def record_citation(record: str) -> str:
    """SPARQL binding ``?part`` to where a record (a membership, a meeting, a change event: every triple
    of it from one row) is cited whole: a citation that names the record and no predicate."""
    return f"""?c iscm:citesSubject {record} ; iscm:citedAt ?part .
      FILTER NOT EXISTS {{ ?c iscm:citesPredicate ?cp }}"""


def locators_query(subject: str) -> str:
    """Every fact about SUBJECT (an IRI in angle brackets) in the source graphs, with its locator."""
    return PREFIXES + f"""SELECT ?g ?p ?o ?where WHERE {{
  ?g a iscm:SourceDocument .
  GRAPH ?g {{ {subject} ?p ?o .
    ?c iscm:citesSubject {subject} ; iscm:citedAt ?part .
    FILTER NOT EXISTS {{ ?c iscm:citesPredicate ?cp FILTER (?cp != ?p) }}
    FILTER NOT EXISTS {{ ?c iscm:citesObject ?co FILTER (?co != ?o) }} }}
  ?part iscm:locator ?where .
}}"""


def coverage(engine: Engine) -> dict[str, tuple[int, int]]:
    """Source graph IRI -> (facts, facts without a locator)."""
    result = engine.query(UNCITED_COUNTS).result
    return {row["g"].value: (int(row["facts"].value), int(row["withoutLocator"].value)) for row in result}
