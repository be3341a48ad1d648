"""Read model of a source document's page: what its graph holds, and what it says per mechanism."""

from __future__ import annotations

from collections import defaultdict

from ..site import Site
from ..terms import ISCM, iri_ref


def graph_summary(site: Site, graph: str) -> dict:
    """Classes and properties of one graph with counts, and per mechanism its facts, members and meetings there."""
    ref = iri_ref(graph)
    classes = site.select(f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH {ref} {{ ?s a ?c }} }}
                              GROUP BY ?c ORDER BY DESC(?n)""")
    props = site.select(f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH {ref} {{ ?s ?p ?o }} }}
                            GROUP BY ?p ORDER BY DESC(?n)""")
    mechs = site.select(f"""
        SELECT ?m (COUNT(DISTINCT ?f) AS ?facts) (COUNT(DISTINCT ?ms) AS ?members) (COUNT(DISTINCT ?mt) AS ?meetings) WHERE {{
          ?m a iscm:InterStateConsultationMechanism .
          GRAPH {ref} {{
            {{ ?m ?p ?o BIND(CONCAT(STR(?p), " ", STR(?o)) AS ?f) }}
            UNION {{ ?ms org:organization ?m }}
            UNION {{ ?mt iscm:meetingOf ?m }}
          }}
        }} GROUP BY ?m""")
    claims = site.select(f"""
        SELECT ?m ?p ?o WHERE {{
          GRAPH {ref} {{ ?m ?p ?o FILTER(?p IN (iscm:mechanismType, iscm:yearEstablished, iscm:memberCountStated)) }}
        }}""")  # no ORDER BY: oxigraph 0.5.13 aborts sorting mixed gYear and integer literals
    said: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in claims:
        said[r["m"].value][r["p"].value].append(r["o"])
    total = sum(int(r["n"].value) for r in props)
    mechanisms = []
    for r in mechs:
        m = said.get(r["m"].value, {})
        mechanisms.append({
            "node": site.node(r["m"]), "facts": int(r["facts"].value), "members": int(r["members"].value),
            "meetings": int(r["meetings"].value),
            "types": [site.node(t) for t in m.get(ISCM + "mechanismType", [])],
            "years": sorted(t.value for t in m.get(ISCM + "yearEstablished", [])),
            "stated": sorted((t.value for t in m.get(ISCM + "memberCountStated", [])), key=lambda v: (len(v), v))})
    mechanisms.sort(key=lambda m: m["node"].sort_key)
    return {
        "triples": total,
        "classes": [(site.node(r["c"]), int(r["n"].value)) for r in classes],
        "properties": [(site.prop_node(r["p"].value), int(r["n"].value)) for r in props],
        "mechanisms": mechanisms,
    }
