"""The "latest statement" view: a derived named graph, rebuilt from the source graphs.

The rule (documented in docs/modelling.md, like Wikidata's preferred rank):

* For each mechanism and each property a source states of it (except ``skos:editorialNote``,
  which is our note on an extraction, not a statement of the source), the graph holds the
  value(s) of the most recent source that states that property for that mechanism: the source
  with the highest issue year (``dcterms:issued``, its first four digits). Several values from
  that source are all kept (a list of thematic foci is one statement); sources of the same
  year are equals, and the values of each of them are kept.
* Participation counts as one property per role: for each mechanism and role, the memberships
  (with all their triples) of the most recent source that lists participants in that role.

The source graphs are not touched; the derived graph only copies triples out of them, plus a
short description of itself. It is not a source: code that enumerates sources selects the
graphs that are ``iscm:SourceDocument``\\ s, which this graph is not.
"""

from __future__ import annotations

import pyoxigraph as ox

LATEST = "https://w3id.org/iscm/id/graph/latest"

_PREFIXES = """PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# Sources are found inside the named graphs, so the rule gives the same answer whether or not the
# store's default graph holds the merge yet (the build's store does not, the engine's does).
_SOURCE = "GRAPH ?{v}d {{ ?{v} a iscm:SourceDocument ; dcterms:issued ?{v}issued }} BIND (SUBSTR(STR(?{v}issued), 1, 4) AS ?{v}year)"

_FACTS = _PREFIXES + f"""
INSERT {{ GRAPH <{LATEST}> {{ ?m ?p ?o }} }} WHERE {{
  {{ SELECT ?m ?p (MAX(?gyear) AS ?top) WHERE {{
      {_SOURCE.format(v="g")}
      GRAPH ?g {{ ?m ?p ?any }}
      GRAPH ?r {{ ?m a iscm:InterStateConsultationMechanism }}
      FILTER (?p != skos:editorialNote)
    }} GROUP BY ?m ?p }}
  {_SOURCE.format(v="s")}
  FILTER (?syear = ?top)
  GRAPH ?s {{ ?m ?p ?o }}
}}
"""

_MEMBERSHIPS = _PREFIXES + f"""
INSERT {{ GRAPH <{LATEST}> {{ ?ms ?p ?o }} }} WHERE {{
  {{ SELECT ?m ?role (MAX(?gyear) AS ?top) WHERE {{
      {_SOURCE.format(v="g")}
      GRAPH ?g {{ ?any a org:Membership ; org:organization ?m ; org:role ?role }}
    }} GROUP BY ?m ?role }}
  {_SOURCE.format(v="s")}
  FILTER (?syear = ?top)
  GRAPH ?s {{ ?ms a org:Membership ; org:organization ?m ; org:role ?role ; ?p ?o }}
}}
"""

_SELF = _PREFIXES + f"""
INSERT {{ GRAPH <{LATEST}> {{
  <{LATEST}> a prov:Entity ;
    rdfs:label "Latest statements (derived)"@en ;
    dcterms:description "For each mechanism and property, the values of the most recent source document that states the property (highest issue year; sources of the same year all kept); for participation, per mechanism and role, the memberships of the most recent source listing that role. Derived at build time; the source graphs are unchanged."@en ;
    prov:wasDerivedFrom ?s .
}} }} WHERE {{ GRAPH ?sd {{ ?s a iscm:SourceDocument }} }}
"""


def derive_latest(store: ox.Store) -> int:
    """(Re)write the latest-statement graph in ``store``; return how many triples it holds."""
    graph = ox.NamedNode(LATEST)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    for update in (_FACTS, _MEMBERSHIPS, _SELF):
        store.update(update)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
