"""Read models of vocabulary pages: the concepts of a scheme as a tree, and the ontology's terms."""

from __future__ import annotations

from collections import defaultdict

from ..site import Site
from ..terms import ONTOLOGY_GRAPH, OWL, RDFS, Node, iri_ref, local_name


def scheme_tree(site: Site, scheme: str) -> list[dict]:
    """The concepts of a scheme as a tree (by skos:broader), ordered by notation or name."""
    rows = site.select(f"""
        SELECT ?c ?def ?broader ?notation WHERE {{
          ?c skos:inScheme {iri_ref(scheme)} .
          OPTIONAL {{ ?c skos:definition ?def }}
          OPTIONAL {{ ?c skos:broader ?broader }}
          OPTIONAL {{ ?c skos:notation ?notation }}
        }}""")
    items: dict[str, dict] = {}
    for r in rows:
        c = r["c"].value
        item = items.setdefault(c, {"node": site.node(r["c"]), "definition": "", "notation": "",
                                    "broader": set(), "children": []})
        if r["def"]:
            item["definition"] = r["def"].value
        if r["notation"]:
            item["notation"] = r["notation"].value
        if r["broader"]:
            item["broader"].add(r["broader"].value)
    roots = []
    for c, item in items.items():
        parents = [b for b in item["broader"] if b in items]
        if parents:
            for b in parents:
                items[b]["children"].append(item)
        else:
            roots.append(item)

    def key(item):
        n = item["notation"]
        return (0, int(n), "") if n.isdigit() else (1, 0, n or item["node"].label.casefold())

    for item in items.values():
        item["children"].sort(key=key)
    return sorted(roots, key=key)


def schemes(site: Site) -> list[Node]:
    """Every concept scheme, by name."""
    rows = site.select("SELECT ?s WHERE { ?s a skos:ConceptScheme }")
    return sorted((site.node(r["s"]) for r in rows), key=lambda n: n.sort_key)


def ontology(site: Site) -> dict:
    """The ontology's header and its classes and properties, each with its facts, for the reference page."""
    g = iri_ref(ONTOLOGY_GRAPH)
    header = site.select(f"SELECT ?p ?o WHERE {{ GRAPH {g} {{ ?ont a owl:Ontology ; ?p ?o }} }}")
    terms = site.select(f"""
        SELECT ?t ?kind ?p ?o WHERE {{ GRAPH {g} {{
          ?t a ?kind . FILTER(?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty))
          ?t ?p ?o }} }}""")
    meta: dict[str, list[Node]] = defaultdict(list)
    for r in header:
        meta[r["p"].value].append(site.node(r["o"]))
    entries: dict[str, dict] = {}
    for r in terms:
        t = r["t"].value
        e = entries.setdefault(t, {"node": site.node(r["t"]), "anchor": local_name(t), "kinds": set(),
                                   "facts": defaultdict(list)})
        e["kinds"].add(r["kind"].value)
        node = site.node(r["o"])
        if node not in e["facts"][r["p"].value]:
            e["facts"][r["p"].value].append(node)
    classes = sorted((e for e in entries.values() if OWL + "Class" in e["kinds"]), key=lambda e: e["anchor"].lower())
    props = [e for e in entries.values() if OWL + "Class" not in e["kinds"]]
    object_props = sorted((e for e in props if OWL + "ObjectProperty" in e["kinds"]), key=lambda e: e["anchor"].lower())
    data_props = sorted((e for e in props if OWL + "DatatypeProperty" in e["kinds"]), key=lambda e: e["anchor"].lower())
    other_props = sorted((e for e in props if e not in object_props and e not in data_props), key=lambda e: e["anchor"].lower())
    # in domain of / in range of, for each class
    for c in classes:
        c["domain_of"] = [p["node"] for p in props if any(n.value == c["node"].value for n in p["facts"].get(RDFS + "domain", []))]
        c["range_of"] = [p["node"] for p in props if any(n.value == c["node"].value for n in p["facts"].get(RDFS + "range", []))]
        c["subclasses"] = [o["node"] for o in classes if any(n.value == c["node"].value for n in o["facts"].get(RDFS + "subClassOf", []))]
    scheme_pages = [{"node": s, "tree": scheme_tree(site, s.value),
                "definition": next((r["d"].value for r in site.select(
                    f"SELECT ?d WHERE {{ {iri_ref(s.value)} skos:definition ?d }} LIMIT 1")), "")}
               for s in schemes(site)]
    return {"meta": meta, "classes": classes, "object_properties": object_props,
            "datatype_properties": data_props, "other_properties": other_props, "schemes": scheme_pages}
