"""Reading the graph for the linked-data service: labels, entity descriptions and page data.

Everything here is SPARQL over the engine (or index look-ups for blank nodes), so that a page
costs a handful of queries whatever the size of the graph. A :class:`Site` is built once per
application and caches what never changes while the service runs (labels, the list of sources).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property

import pyoxigraph as ox

from ..citations import locators_query
from ..engine import Engine
from ..namespaces import ONTOLOGY_IRI, PREFIXES

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
OWL = PREFIXES["owl"]
XSD = PREFIXES["xsd"]
SKOS = PREFIXES["skos"]
DCT = PREFIXES["dcterms"]
FOAF = PREFIXES["foaf"]
ORG = PREFIXES["org"]
ISCM = PREFIXES["iscm"]
ID = PREFIXES["id"]
RDF_TYPE = RDF + "type"
ONTOLOGY_GRAPH = ID + "graph/ontology"
TAXONOMY_GRAPH = ID + "graph/taxonomies"
REGISTRY_GRAPH = ID + "graph/registry"
MECHANISM = ISCM + "InterStateConsultationMechanism"

# Links from a dependent node (a membership, a meeting, a change event) to the thing it is
# about: the description of a thing includes the whole description of such nodes.
DEPENDENT_LINKS = (ORG + "organization", ORG + "member", ISCM + "meetingOf",
                   ORG + "originalOrganization", ORG + "resultingOrganization")
# Incoming triples left out of a description (they would list thousands of subjects).
# Citations (docs/modelling.md) point at every fact's subject and object; they are shown as the
# locator next to each fact, not as incoming links.
INBOUND_SKIPPED = (RDF_TYPE, ORG + "role", ISCM + "citesSubject", ISCM + "citesObject", ISCM + "citedAt")
LABEL_PROPERTIES = (SKOS + "prefLabel", RDFS + "label", DCT + "title")

PROPERTY_LABELS = {
    RDF_TYPE: "type",
    SKOS + "prefLabel": "name", SKOS + "altLabel": "other name", SKOS + "editorialNote": "editorial note",
    SKOS + "definition": "definition", SKOS + "scopeNote": "scope note", SKOS + "notation": "notation",
    SKOS + "inScheme": "in scheme", SKOS + "broader": "broader", SKOS + "narrower": "narrower",
    SKOS + "related": "related", SKOS + "relatedMatch": "related match", SKOS + "closeMatch": "close match",
    SKOS + "topConceptOf": "top concept of", SKOS + "hasTopConcept": "top concept",
    ORG + "member": "member", ORG + "organization": "organization", ORG + "role": "role",
    ORG + "originalOrganization": "original organization", ORG + "resultingOrganization": "resulting organization",
    ORG + "subOrganizationOf": "part of",
    FOAF + "homepage": "homepage",
    DCT + "title": "title", DCT + "issued": "issued", DCT + "publisher": "publisher", DCT + "source": "source",
    DCT + "replaces": "replaces", DCT + "date": "date", DCT + "identifier": "identifier",
    DCT + "language": "language", DCT + "creator": "creator", DCT + "description": "description",
    DCT + "license": "licence", DCT + "bibliographicCitation": "citation",
    RDFS + "label": "label", RDFS + "comment": "comment", RDFS + "domain": "domain", RDFS + "range": "range",
    RDFS + "subClassOf": "subclass of", RDFS + "subPropertyOf": "subproperty of", RDFS + "seeAlso": "see also",
    OWL + "versionInfo": "version", OWL + "versionIRI": "version IRI",
}
# How an incoming link reads on the page of its object ("Budapest Process is chair of …" reads
# badly, so the headings say what the subjects are).
INVERSE_LABELS = {
    ISCM + "meetingOf": "meetings", ISCM + "listedUnderRegion": "mechanisms listed under this region",
    ISCM + "regionCovered": "mechanisms covering this region", ISCM + "mechanismType": "given this type",
    DCT + "replaces": "replaced by", ISCM + "territoryOf": "territories", SKOS + "inScheme": "concepts in this scheme",
    DCT + "source": "drawn from this source", ISCM + "thematicFocus": "mechanisms with this thematic focus",
    ISCM + "engagedInGcmTheme": "mechanisms engaged in this Global Compact theme",
    ISCM + "gcmTheme": "thematic foci matched to this Global Compact theme",
    ISCM + "iomRole": "mechanisms where IOM has this role", ISCM + "venueCountry": "meetings held here",
    ISCM + "host": "meetings hosted", ISCM + "partOfSeries": "meetings in this series",
    ISCM + "participatedIn": "participants", ISCM + "respondedTo": "respondents", DCT + "publisher": "published",
    SKOS + "broader": "narrower concepts", SKOS + "narrower": "broader concepts", ISCM + "meetingType": "meetings of this type",
    ORG + "member": "memberships", ORG + "organization": "memberships", ISCM + "chair": "chair of",
    ISCM + "coChair": "co-chair of", ISCM + "incomingChair": "incoming chair of", ISCM + "secretariat": "secretariat of",
    ISCM + "associatedOrganization": "associated organization of", ISCM + "iomOffice": "IOM office for",
    SKOS + "topConceptOf": "top concepts", SKOS + "hasTopConcept": "schemes", SKOS + "related": "related concepts",
    SKOS + "relatedMatch": "related matches", SKOS + "closeMatch": "close matches",
    ORG + "originalOrganization": "changes from this", ORG + "resultingOrganization": "changes into this",
    ORG + "subOrganizationOf": "parts", RDFS + "domain": "properties with this domain",
    RDFS + "range": "properties with this range", RDFS + "subClassOf": "subclasses",
}
# The order in which the facts about a mechanism are listed; others follow alphabetically.
FACT_ORDER = [RDF_TYPE, ISCM + "mechanismType", SKOS + "prefLabel", SKOS + "altLabel", ISCM + "iso3166Alpha3",
              DCT + "title", DCT + "issued", DCT + "publisher",
              ISCM + "yearEstablished", ISCM + "initiationDate", ISCM + "cessationDate", ISCM + "memberCountStated",
              ISCM + "memberCountNote", ISCM + "chair", ISCM + "coChair", ISCM + "incomingChair", ISCM + "secretariat",
              ISCM + "associatedOrganization", ISCM + "listedUnderRegion", ISCM + "regionCovered",
              ISCM + "iomRole", ISCM + "iomOffice", ISCM + "thematicFocus", ISCM + "engagedInGcmTheme",
              ISCM + "consideringGcmEngagement", ISCM + "participatedIn", ISCM + "respondedTo",
              SKOS + "definition", SKOS + "scopeNote", SKOS + "inScheme", SKOS + "broader", SKOS + "narrower",
              FOAF + "homepage", SKOS + "editorialNote"]
# Never shown as a disagreement: names in other languages, spelling variants and our own notes.
NOT_COMPARED = {SKOS + "prefLabel", SKOS + "altLabel", SKOS + "editorialNote", ISCM + "memberCountNote"}


# Names for the terms of other vocabularies the pages show as types or values.
TERM_LABELS = {
    ORG + "FormalOrganization": "formal organization", ORG + "Organization": "organization",
    ORG + "Membership": "membership", ORG + "ChangeEvent": "change of organization", ORG + "Role": "role",
    SKOS + "Concept": "concept", SKOS + "ConceptScheme": "concept scheme", OWL + "Ontology": "ontology",
    OWL + "Class": "class", OWL + "ObjectProperty": "object property", OWL + "DatatypeProperty": "datatype property",
    OWL + "AnnotationProperty": "annotation property", FOAF + "Agent": "agent",
    "http://www.w3.org/ns/prov#Entity": "entity (provenance)", "http://www.w3.org/ns/prov#Activity": "activity",
    XSD + "string": "text", XSD + "integer": "integer", XSD + "gYear": "year", XSD + "date": "date",
    RDF + "langString": "text with language",
    "https://creativecommons.org/licenses/by/4.0/": "Creative Commons Attribution 4.0 (CC BY 4.0)",
}


def _vocabulary_label(iri: str) -> str | None:
    """A readable name for a term of a known vocabulary that has no label in the graph."""
    for prefix, ns in PREFIXES.items():
        if prefix != "id" and not ns.startswith(ID) and iri.startswith(ns) and len(iri) > len(ns):
            words = humanize(iri[len(ns):]).split(" ")
            return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return None


def iri_ref(iri: str) -> str:
    """An IRI as a SPARQL term; the characters that cannot occur in an IRIREF are refused."""
    if re.search(r'[\s<>"{}|^`\\]', iri):
        raise ValueError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


def compact(iri: str) -> str | None:
    """The prefixed name of an IRI (longest matching namespace), if it has one."""
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            local = iri[len(ns):]
            if re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", local or "x") and not local.endswith("."):
                best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else None


def humanize(name: str) -> str:
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("-", " ").replace("_", " ")
    return name[:1].lower() + name[1:] if not name.isupper() else name


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


@dataclass(frozen=True)
class Node:
    """A term ready for a template: what to show and where it links."""
    kind: str  # "iri", "literal" or "bnode"
    value: str
    label: str
    href: str | None = None
    lang: str | None = None
    datatype: str | None = None
    compact: str | None = None
    external: bool = False

    @property
    def key(self) -> tuple:
        return (self.kind, self.value, self.lang or "", self.datatype or "")

    @property
    def sort_key(self) -> tuple:
        return (self.label.casefold(), self.value)

    @property
    def is_iri(self) -> bool:
        return self.kind == "iri"

    @property
    def slug(self) -> str:
        return local_name(self.value)


@dataclass(frozen=True)
class GraphInfo:
    """A named graph as shown on pages: a source document (with its year) or a project graph."""
    iri: str
    short: str
    title: str
    year: str
    order: int
    href: str
    is_source: bool
    locator: str = ""  # where in this source the fact it is shown with stands, if known

    @property
    def css(self) -> str:
        return f"g{self.order % 8}" if self.is_source else "gp"

    @property
    def slug(self) -> str:
        return local_name(self.iri)


@dataclass
class ValueWithGraphs:
    node: Node
    graphs: list[GraphInfo]


@dataclass
class PropertyGroup:
    prop: Node
    values: list[ValueWithGraphs]
    heading: str = ""

    @property
    def graphs(self) -> list[GraphInfo]:
        seen: dict[str, GraphInfo] = {}
        for v in self.values:
            for g in v.graphs:
                seen.setdefault(g.iri, g)
        return sorted(seen.values(), key=lambda g: g.order)


@dataclass
class Matrix:
    """Rows × graph columns; each cell a list of (node, note) pairs (empty: the graph says nothing)."""
    columns: list[GraphInfo]
    rows: list[tuple[Node, dict[str, list]]] = field(default_factory=list)
    title: str = ""
    prop: Node | None = None

    def cell(self, row_cells: dict, column: GraphInfo) -> list:
        return row_cells.get(column.iri, [])

    def count(self, column: GraphInfo) -> int:
        return sum(1 for _, cells in self.rows if cells.get(column.iri))


def source_short_label(slug: str) -> str:
    """'overview-2017' -> 'Overview 2017', 'grcp7-note-2017' -> 'GRCP7 note 2017'."""
    words = slug.split("-")
    out = []
    for i, w in enumerate(words):
        if w.isdigit():
            out.append(w)
        elif len(w) <= 4 and w.isalpha() and w not in ("note", "of", "and") or any(c.isdigit() for c in w):
            out.append(w.upper())
        else:
            out.append(w.capitalize() if i == 0 else w)
    return " ".join(out)


class Site:
    """The graph as the pages see it: one per application (the store is read-only)."""

    def __init__(self, engine: Engine, public_base: str):
        self.engine = engine
        self.base = public_base.rstrip("/")

    # -- queries ------------------------------------------------------------------------------

    def select(self, text: str) -> list[dict]:
        return self.engine.select(text)

    def ask(self, text: str) -> bool:
        declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if f"{p}:" in text)
        return bool(self.engine.query(declared + text).result)

    # -- IRIs and labels -------------------------------------------------------------------------

    def is_local(self, iri: str) -> bool:
        return iri == self.base or iri.startswith(self.base + "/") or iri.startswith(self.base + "#")

    def path_for(self, iri: str) -> str | None:
        """The service path of an IRI under the public base (without the script root)."""
        if not self.is_local(iri):
            return None
        rest = iri[len(self.base):]
        return rest if rest.startswith("/") else "/" + rest

    def href(self, iri: str) -> str:
        path = self.path_for(iri)
        if path is None:
            return iri
        try:
            from flask import request
            return request.script_root + path
        except RuntimeError:  # outside a request
            return path

    @cached_property
    def _label_table(self) -> dict[str, tuple[int, str]]:
        rows = self.select("""
            SELECT ?s ?l ?rank WHERE {
              { ?s skos:prefLabel ?l FILTER(lang(?l) = "en") BIND(0 AS ?rank) }
              UNION { ?s rdfs:label ?l FILTER(lang(?l) = "en" || lang(?l) = "") BIND(1 AS ?rank) }
              UNION { ?s dcterms:title ?l BIND(2 AS ?rank) }
              UNION { ?s skos:prefLabel ?l FILTER(lang(?l) != "en") BIND(3 AS ?rank) }
              FILTER(isIRI(?s))
            }""")
        table: dict[str, tuple[int, str]] = {}
        for r in rows:
            iri, rank, label = r["s"].value, int(r["rank"].value), r["l"].value
            old = table.get(iri)
            if old is None or (rank, label) < old:
                table[iri] = (rank, label)
        return table

    @cached_property
    def _derived_labels(self) -> dict[str, str]:
        """Names for things the data does not name: change events ("IGAD-RCP → MID-IGAD, 2008")
        and memberships ("Ghana in the Rabat Process: member, Overview 2017")."""
        out: dict[str, str] = {}
        for r in self.select("""
            SELECT ?e ?a ?b ?date WHERE { ?e a org:ChangeEvent ; org:originalOrganization ?a ; org:resultingOrganization ?b
                                          OPTIONAL { ?e dcterms:date ?date } }"""):
            when = f", {r['date'].value}" if r["date"] else ""
            out[r["e"].value] = f"{self.label(r['a'].value)} → {self.label(r['b'].value)}{when}"
        for r in self.select("""
            SELECT ?ms ?x ?m ?role ?g WHERE { GRAPH ?g { ?ms org:member ?x ; org:organization ?m ; org:role ?role } }"""):
            out[r["ms"].value] = (f"{self.label(r['x'].value)} in {self.label(r['m'].value)}: "
                                  f"{self.label(r['role'].value)}, {self.graph(r['g'].value).short}")
        return out

    def label(self, iri: str) -> str:
        found = self._label_table.get(iri)
        if found:
            return found[1]
        if iri == self.base + "/ontology" or iri == ONTOLOGY_IRI:
            return "ISCM ontology"
        if re.fullmatch(re.escape(ONTOLOGY_IRI) + r"/\d+(\.\d+)*", iri):  # a version IRI
            return f"ISCM ontology, version {iri.rsplit('/', 1)[1]}"
        derived = self._derived_labels.get(iri) if iri.startswith(ID) else None
        if derived:
            return derived
        return PROPERTY_LABELS.get(iri) or TERM_LABELS.get(iri) or _vocabulary_label(iri) or iri

    def prop_label(self, iri: str) -> str:
        if iri in PROPERTY_LABELS:
            return PROPERTY_LABELS[iri]
        found = self._label_table.get(iri)
        if found:
            return found[1]
        return humanize(local_name(iri))

    def inverse_label(self, iri: str) -> str:
        return INVERSE_LABELS.get(iri) or f"{self.prop_label(iri)} of"

    def node(self, term, label: str | None = None) -> Node:
        if isinstance(term, str):
            term = ox.NamedNode(term)
        if isinstance(term, ox.NamedNode):
            iri = term.value
            local = self.is_local(iri)
            return Node("iri", iri, label or self.label(iri), self.href(iri), compact=compact(iri),
                        external=not local)
        if isinstance(term, ox.BlankNode):
            return Node("bnode", term.value, f"_:{term.value}")
        if isinstance(term, ox.Literal):
            dt = term.datatype.value if term.datatype else None
            value = term.value
            shown = value
            if dt == XSD + "boolean":
                shown = "yes" if value in ("true", "1") else "no"
            dtc = None if dt in (None, XSD + "string", RDF + "langString") else (compact(dt) or dt)
            return Node("literal", value, shown, lang=term.language, datatype=dtc)
        raise TypeError(f"not an RDF term: {term!r}")

    def prop_node(self, iri: str) -> Node:
        return Node("iri", iri, self.prop_label(iri), self.href(iri), compact=compact(iri),
                    external=not self.is_local(iri))

    # -- graphs and sources --------------------------------------------------------------------

    @cached_property
    def graphs(self) -> dict[str, GraphInfo]:
        rows = self.select("""
            SELECT ?s ?title ?year WHERE {
              ?s a iscm:SourceDocument .
              OPTIONAL { ?s dcterms:title ?title }
              OPTIONAL { ?s dcterms:issued ?year }
            }""")
        sources = sorted(((r["year"].value if r["year"] else "", r["s"].value,
                           r["title"].value if r["title"] else "") for r in rows))
        out: dict[str, GraphInfo] = {}
        for i, (year, iri, title) in enumerate(sources):
            out[iri] = GraphInfo(iri, source_short_label(local_name(iri)), title or iri, year, i,
                                 self.path_for(iri) or iri, True)
        for iri in self.engine.graphs():
            if iri not in out:
                name = local_name(iri)
                out[iri] = GraphInfo(iri, name.capitalize(), f"The project's {name} graph", "",
                                     100 + len(out), self.path_for(iri) or iri, False)
        return out

    def graph(self, iri: str) -> GraphInfo:
        return self.graphs.get(iri) or GraphInfo(iri, local_name(iri), iri, "", 999, self.href(iri), False)

    @property
    def sources(self) -> list[GraphInfo]:
        return sorted((g for g in self.graphs.values() if g.is_source), key=lambda g: g.order)

    @cached_property
    def membership_sources(self) -> list[GraphInfo]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?ms a org:Membership } ?g a iscm:SourceDocument }")
        return sorted((self.graph(r["g"].value) for r in rows), key=lambda g: g.order)

    # -- existence and suggestions ------------------------------------------------------------------

    def exists(self, iri: str) -> bool:
        ref = iri_ref(iri)
        return self.ask(f"ASK {{ {{ {ref} ?p ?o }} UNION {{ ?s ?p {ref} }} UNION {{ GRAPH {ref} {{ ?s ?p ?o }} }} }}")

    @cached_property
    def _suggestion_index(self) -> list[tuple[str, str, str]]:
        rows = self.select("""
            SELECT ?s ?l WHERE {
              { ?s skos:prefLabel ?l } UNION { ?s skos:altLabel ?l } UNION { ?s rdfs:label ?l } UNION { ?s dcterms:title ?l }
              FILTER(isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/iscm/")
                     && !CONTAINS(STR(?s), "/membership/"))
            }""")
        return [(r["s"].value, r["l"].value, r["l"].value.casefold()) for r in rows]

    def suggest(self, iri: str, limit: int = 8) -> list[Node]:
        """Things whose IRI or name is close to an unknown IRI."""
        wanted = local_name(iri).casefold()
        words = [w for w in re.split(r"[^a-z0-9]+", wanted) if len(w) > 2]
        kind = iri[len(ID):].split("/")[0] if iri.startswith(ID) else ""
        scores: dict[str, float] = {}
        for subject, _label, folded in self._suggestion_index:
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
        return [self.node(s) for s, _ in best]

    # -- descriptions ---------------------------------------------------------------------------

    def describe(self, iri: str) -> list[ox.Quad]:
        """Concise bounded description with graphs, the dependent nodes pointing to it, incoming
        links, and the labels of everything it links to. Blank nodes are followed two levels
        deep (the data has none today); all in two SPARQL queries, so it works on any store."""
        ref = iri_ref(iri)
        links = ", ".join(f"<{p}>" for p in DEPENDENT_LINKS)
        skipped = ", ".join(f"<{p}>" for p in INBOUND_SKIPPED)
        rows = self.engine.query(f"""
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
            rows = self.engine.query(f"""
                SELECT ?g ?s ?p ?o WHERE {{
                  VALUES ?s {{ {values} }}
                  GRAPH ?g {{ ?s ?p ?o }}
                  FILTER(?p IN ({props}) && (lang(?o) = "en" || lang(?o) = ""))
                }}""").result
            quads.update(ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows)
        return sorted(quads, key=_quad_key)

    def graph_quads(self, graph: str) -> list[ox.Quad]:
        """Everything in one named graph (its IRI dereferences to its content)."""
        g = ox.NamedNode(graph)
        rows = self.engine.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {iri_ref(graph)} {{ ?s ?p ?o }} }}").result
        return sorted((ox.Quad(r["s"], r["p"], r["o"], g) for r in rows), key=_quad_key)

    def types(self, iri: str) -> set[str]:
        rows = self.select(f"SELECT DISTINCT ?t WHERE {{ {iri_ref(iri)} a ?t }}")
        return {r["t"].value for r in rows}

    # -- grouping for pages ------------------------------------------------------------------------

    def outgoing(self, quads: list[ox.Quad], iri: str, order: list[str] | None = None,
                 skip: set[str] | None = None) -> list[PropertyGroup]:
        """The facts about ``iri`` grouped by property, each value with the graphs that state it."""
        groups: dict[str, dict[tuple, tuple[Node, set[str]]]] = defaultdict(dict)
        for q in quads:
            if q.subject.value != iri or not isinstance(q.subject, ox.NamedNode):
                continue
            p = q.predicate.value
            if skip and p in skip:
                continue
            node = self.node(q.object)
            entry = groups[p].setdefault(node.key, (node, set()))
            entry[1].add(q.graph_name.value)
        out = self._groups(groups, order or FACT_ORDER)
        self._add_locators(out, iri)
        return out

    def _add_locators(self, groups: list[PropertyGroup], iri: str) -> None:
        """Give each source badge of a fact the locator of that fact in that source."""
        found: dict[tuple, list[str]] = defaultdict(list)
        for r in self.select(locators_query(iri_ref(iri))):
            found[(r["g"].value, r["p"].value, self.node(r["o"]).key)].append(r["where"].value)
        if not found:
            return
        for group in groups:
            for v in group.values:
                v.graphs = [replace(g, locator="; ".join(sorted(set(found[(g.iri, group.prop.value, v.node.key)]))))
                            if (g.iri, group.prop.value, v.node.key) in found else g for g in v.graphs]

    def incoming(self, quads: list[ox.Quad], iri: str, skip: set[str] | None = None) -> list[PropertyGroup]:
        groups: dict[str, dict[tuple, tuple[Node, set[str]]]] = defaultdict(dict)
        for q in quads:
            if not isinstance(q.object, ox.NamedNode) or q.object.value != iri or q.subject.value == iri:
                continue
            p = q.predicate.value
            if skip and p in skip:
                continue
            node = self.node(q.subject)
            entry = groups[p].setdefault(node.key, (node, set()))
            entry[1].add(q.graph_name.value)
        out = self._groups(groups, [])
        for g in out:
            g.heading = self.inverse_label(g.prop.value)
        return out

    def _groups(self, groups, order: list[str]) -> list[PropertyGroup]:
        rank = {p: i for i, p in enumerate(order)}
        out = []
        for p in sorted(groups, key=lambda p: (rank.get(p, len(rank)), self.prop_label(p))):
            values = [ValueWithGraphs(node, sorted((self.graph(g) for g in graphs), key=lambda g: g.order))
                      for node, graphs in groups[p].values()]
            values.sort(key=lambda v: (v.graphs[0].order if v.graphs else 999, v.node.sort_key)
                        if p in (SKOS + "editorialNote",) else v.node.sort_key)
            out.append(PropertyGroup(self.prop_node(p), values, self.prop_label(p)))
        return out

    def matrix(self, group: PropertyGroup, columns: list[GraphInfo] | None = None) -> Matrix:
        """A property group as rows (values) × graphs (✓ where the graph states it)."""
        columns = columns or group.graphs
        m = Matrix(columns, title=group.heading, prop=group.prop)
        for v in group.values:
            m.rows.append((v.node, {g.iri: [(None, None)] for g in v.graphs}))
        return m

    def differences(self, facts: list[PropertyGroup]) -> list[tuple[PropertyGroup, dict[str, list[tuple[Node, bool]]]]]:
        """Properties that two or more sources state with different values: per source, its values,
        each flagged True when every source stating the property gives it too."""
        out = []
        for group in facts:
            if group.prop.value in NOT_COMPARED:
                continue
            per_source: dict[str, list[Node]] = defaultdict(list)
            for v in group.values:
                for g in v.graphs:
                    if g.is_source:
                        per_source[g.iri].append(v.node)
            sets = [frozenset(n.key for n in ns) for ns in per_source.values()]
            if len(per_source) >= 2 and len(set(sets)) > 1:
                shared = frozenset.intersection(*sets)
                out.append((group, {g: [(n, n.key in shared) for n in ns] for g, ns in per_source.items()}))
        return out

    # -- page-specific data ---------------------------------------------------------------------------

    def participation(self, iri: str, as_member: bool) -> list[Matrix]:
        """Memberships of a mechanism (rows: participants) or of a participant (rows: mechanisms),
        with the role each source gives, in columns per source. Returns one matrix per kind of row."""
        ref = iri_ref(iri)
        if as_member:
            pattern = f"?ms org:member {ref} ; org:organization ?row ; org:role ?role ."
        else:
            pattern = f"?ms org:organization {ref} ; org:member ?row ; org:role ?role ."
        rows = self.select(f"""
            SELECT ?g ?row ?role ?note WHERE {{
              GRAPH ?g {{ {pattern} OPTIONAL {{ ?ms iscm:membershipNote ?note }} }} ?g a iscm:SourceDocument .
            }}""")
        columns = self.membership_sources
        if not as_member:  # a mechanism's members: each source column shows where that source lists them
            where = self.record_locators(f"?ms org:organization {ref} .", "?ms")
            columns = [replace(c, locator="; ".join(sorted(where[c.iri]))) if c.iri in where else c
                       for c in columns]
        by_kind: dict[str, dict[str, tuple[Node, dict[str, list]]]] = defaultdict(dict)
        for r in rows:
            row_iri = r["row"].value
            kind = _kind(row_iri)
            node = self.node(r["row"])
            entry = by_kind[kind].setdefault(row_iri, (node, defaultdict(list)))
            cell = entry[1][r["g"].value]
            role = self.node(r["role"])
            note = r["note"].value if r["note"] else None
            if not any(existing[0].value == role.value for existing in cell):
                cell.append((role, note))
        titles = {"country": "States and territories", "organization": "Organizations",
                  "mechanism": "Mechanisms", "other": "Others"}
        matrices = []
        for kind in ("country", "organization", "mechanism", "other"):
            if kind in by_kind:
                m = Matrix(columns, title=titles[kind])
                m.rows = sorted(by_kind[kind].values(), key=lambda e: e[0].sort_key)
                matrices.append(m)
        return matrices

    def meetings(self, iri: str) -> list[dict]:
        rows = self.select(f"""
            SELECT ?meeting ?g ?date ?end ?type ?city ?country WHERE {{
              GRAPH ?g {{ ?meeting iscm:meetingOf {iri_ref(iri)} .
                OPTIONAL {{ ?meeting iscm:startDate ?date }} OPTIONAL {{ ?meeting iscm:endDate ?end }}
                OPTIONAL {{ ?meeting iscm:meetingType ?type }} OPTIONAL {{ ?meeting iscm:venueCity ?city }}
                OPTIONAL {{ ?meeting iscm:venueCountry ?country }} }}
            }} ORDER BY DESC(STR(?date)) ?meeting""")
        out: dict[str, dict] = {}
        for r in rows:
            m = out.setdefault(r["meeting"].value, {
                "meeting": self.node(r["meeting"]), "graphs": set(),
                "date": r["date"].value if r["date"] else "", "end": r["end"].value if r["end"] else "",
                "type": self.node(r["type"]) if r["type"] else None,
                "city": r["city"].value if r["city"] else "",
                "country": self.node(r["country"]) if r["country"] else None})
            m["graphs"].add(r["g"].value)
        where = self.record_locators(f"?meeting iscm:meetingOf {iri_ref(iri)} .", "?meeting", per_record=True)
        for key, m in out.items():
            m["graphs"] = sorted((self.graph(g) for g in m["graphs"]), key=lambda g: g.order)
            m["graphs"] = [replace(g, locator="; ".join(sorted(where[(key, g.iri)])))
                           if (key, g.iri) in where else g for g in m["graphs"]]
        return list(out.values())

    def record_locators(self, pattern: str, var: str, per_record: bool = False) -> dict:
        """Locators of the records (memberships, meetings) PATTERN binds to VAR, per source graph (or
        per record and graph): records are cited whole (docs/modelling.md)."""
        found: dict = defaultdict(set)
        for r in self.select(f"""SELECT DISTINCT ?g {var} ?where WHERE {{
              GRAPH ?g {{ {pattern} ?c iscm:citesSubject {var} ; iscm:citedAt ?part .
                          FILTER NOT EXISTS {{ ?c iscm:citesPredicate ?cp }} }}
              ?part iscm:locator ?where }}"""):
            key = (r[var[1:]].value, r["g"].value) if per_record else r["g"].value
            found[key].add(r["where"].value)
        return found

    def history(self, iri: str) -> list[dict]:
        ref = iri_ref(iri)
        rows = self.select(f"""
            SELECT ?g ?event ?from ?to ?date WHERE {{
              {{ GRAPH ?g {{ ?event a org:ChangeEvent ; org:originalOrganization ?from ; org:resultingOrganization ?to .
                           OPTIONAL {{ ?event dcterms:date ?date }} }} FILTER(?from = {ref} || ?to = {ref}) }}
              UNION
              {{ GRAPH ?g {{ ?to dcterms:replaces ?from }} FILTER(?from = {ref} || ?to = {ref}) }}
              ?g a iscm:SourceDocument .
            }}""")
        out: dict[tuple, dict] = {}
        for r in rows:
            key = (r["from"].value, r["to"].value)
            h = out.setdefault(key, {"from": self.node(r["from"]), "to": self.node(r["to"]),
                                     "event": None, "date": "", "graphs": set()})
            if r["event"]:
                h["event"] = self.node(r["event"])
            if r["date"]:
                h["date"] = r["date"].value
            h["graphs"].add(r["g"].value)
        for h in out.values():
            h["graphs"] = sorted((self.graph(g) for g in h["graphs"]), key=lambda g: g.order)
        return sorted(out.values(), key=lambda h: h["date"])

    def role_usage(self, role: str) -> Matrix:
        """For a role concept: how many participants each source lists in that role, per mechanism."""
        rows = self.select(f"""
            SELECT ?g ?m (COUNT(DISTINCT ?x) AS ?n) WHERE {{
              GRAPH ?g {{ ?ms org:role {iri_ref(role)} ; org:organization ?m ; org:member ?x }} ?g a iscm:SourceDocument .
            }} GROUP BY ?g ?m""")
        m = Matrix(self.membership_sources, title="participants listed in this role")
        rows_by: dict[str, tuple[Node, dict]] = {}
        for r in rows:
            entry = rows_by.setdefault(r["m"].value, (self.node(r["m"]), {}))
            entry[1][r["g"].value] = [(None, r["n"].value)]
        m.rows = sorted(rows_by.values(), key=lambda e: e[0].sort_key)
        return m

    def scheme_tree(self, scheme: str) -> list[dict]:
        rows = self.select(f"""
            SELECT ?c ?def ?broader ?notation WHERE {{
              ?c skos:inScheme {iri_ref(scheme)} .
              OPTIONAL {{ ?c skos:definition ?def }}
              OPTIONAL {{ ?c skos:broader ?broader }}
              OPTIONAL {{ ?c skos:notation ?notation }}
            }}""")
        items: dict[str, dict] = {}
        for r in rows:
            c = r["c"].value
            item = items.setdefault(c, {"node": self.node(r["c"]), "definition": "", "notation": "",
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

    def schemes(self) -> list[Node]:
        rows = self.select("SELECT ?s WHERE { ?s a skos:ConceptScheme }")
        return sorted((self.node(r["s"]) for r in rows), key=lambda n: n.sort_key)

    def graph_summary(self, graph: str) -> dict:
        ref = iri_ref(graph)
        classes = self.select(f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH {ref} {{ ?s a ?c }} }}
                                  GROUP BY ?c ORDER BY DESC(?n)""")
        props = self.select(f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH {ref} {{ ?s ?p ?o }} }}
                                GROUP BY ?p ORDER BY DESC(?n)""")
        mechs = self.select(f"""
            SELECT ?m (COUNT(DISTINCT ?f) AS ?facts) (COUNT(DISTINCT ?ms) AS ?members) (COUNT(DISTINCT ?mt) AS ?meetings) WHERE {{
              ?m a iscm:InterStateConsultationMechanism .
              GRAPH {ref} {{
                {{ ?m ?p ?o BIND(CONCAT(STR(?p), " ", STR(?o)) AS ?f) }}
                UNION {{ ?ms org:organization ?m }}
                UNION {{ ?mt iscm:meetingOf ?m }}
              }}
            }} GROUP BY ?m""")
        claims = self.select(f"""
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
                "node": self.node(r["m"]), "facts": int(r["facts"].value), "members": int(r["members"].value),
                "meetings": int(r["meetings"].value),
                "types": [self.node(t) for t in m.get(ISCM + "mechanismType", [])],
                "years": sorted(t.value for t in m.get(ISCM + "yearEstablished", [])),
                "stated": sorted((t.value for t in m.get(ISCM + "memberCountStated", [])), key=lambda v: (len(v), v))})
        mechanisms.sort(key=lambda m: m["node"].sort_key)
        return {
            "triples": total,
            "classes": [(self.node(r["c"]), int(r["n"].value)) for r in classes],
            "properties": [(self.prop_node(r["p"].value), int(r["n"].value)) for r in props],
            "mechanisms": mechanisms,
        }

    # -- ontology -------------------------------------------------------------------------------

    def ontology(self) -> dict:
        g = iri_ref(ONTOLOGY_GRAPH)
        header = self.select(f"SELECT ?p ?o WHERE {{ GRAPH {g} {{ ?ont a owl:Ontology ; ?p ?o }} }}")
        terms = self.select(f"""
            SELECT ?t ?kind ?p ?o WHERE {{ GRAPH {g} {{
              ?t a ?kind . FILTER(?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty))
              ?t ?p ?o }} }}""")
        meta: dict[str, list[Node]] = defaultdict(list)
        for r in header:
            meta[r["p"].value].append(self.node(r["o"]))
        entries: dict[str, dict] = {}
        for r in terms:
            t = r["t"].value
            e = entries.setdefault(t, {"node": self.node(r["t"]), "anchor": local_name(t), "kinds": set(),
                                       "facts": defaultdict(list)})
            e["kinds"].add(r["kind"].value)
            node = self.node(r["o"])
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
        schemes = [{"node": s, "tree": self.scheme_tree(s.value),
                    "definition": next((r["d"].value for r in self.select(
                        f"SELECT ?d WHERE {{ {iri_ref(s.value)} skos:definition ?d }} LIMIT 1")), "")}
                   for s in self.schemes()]
        return {"meta": meta, "classes": classes, "object_properties": object_props,
                "datatype_properties": data_props, "other_properties": other_props, "schemes": schemes}

    # -- index of mechanisms -------------------------------------------------------------------------

    def filter_options(self) -> dict[str, list[tuple[Node, int]]]:
        def options(pattern: str, scheme: str | None = None) -> list[tuple[Node, int]]:
            in_scheme = f"?c skos:inScheme <{scheme}> ." if scheme else ""
            rows = self.select(f"""
                SELECT ?c (COUNT(DISTINCT ?m) AS ?n) WHERE {{
                  ?m a iscm:InterStateConsultationMechanism . {pattern} ?v skos:broader* ?c . {in_scheme}
                }} GROUP BY ?c""")
            return sorted(((self.node(r["c"]), int(r["n"].value)) for r in rows), key=lambda o: o[0].sort_key)
        return {
            "type": options("?m iscm:mechanismType ?v .", ID + "scheme/mechanism-types"),
            "region": options("?m iscm:listedUnderRegion|iscm:regionCovered ?v .", ID + "scheme/regions"),
            "theme": options("?m iscm:thematicFocus ?v .", ID + "scheme/thematic-foci"),
        }

    def mechanisms(self, type_: str | None = None, region: str | None = None, theme: str | None = None) -> list[dict]:
        filters = []
        if type_:
            filters.append(f"FILTER EXISTS {{ ?m iscm:mechanismType ?t . ?t skos:broader* {iri_ref(type_)} }}")
        if region:
            filters.append(f"FILTER EXISTS {{ ?m iscm:listedUnderRegion|iscm:regionCovered ?r . ?r skos:broader* {iri_ref(region)} }}")
        if theme:
            filters.append(f"FILTER EXISTS {{ ?m iscm:thematicFocus ?th . ?th skos:broader* {iri_ref(theme)} }}")
        rows = self.select(f"""
            SELECT ?m ?g ?p ?o WHERE {{
              ?m a iscm:InterStateConsultationMechanism . {' '.join(filters)}
              OPTIONAL {{ GRAPH ?g {{ ?m ?p ?o
                FILTER(?p IN (iscm:mechanismType, iscm:yearEstablished, iscm:listedUnderRegion,
                              iscm:memberCountStated, skos:altLabel)) }} }}
            }}""")
        tops = {ID + "typology/rcp", ID + "typology/irf", ID + "typology/global-process", ID + "typology/other-mechanism"}
        out: dict[str, dict] = {}
        for r in rows:
            m = out.setdefault(r["m"].value, {"node": self.node(r["m"]), "types": defaultdict(set), "years": defaultdict(set),
                                              "regions": defaultdict(set), "stated": defaultdict(set),
                                              "acronyms": set(), "sources": set()})
            if r["p"] is None:
                continue
            p, o, g = r["p"].value, r["o"], r["g"].value
            if g in self.graphs and self.graphs[g].is_source:
                m["sources"].add(g)
            if p == ISCM + "mechanismType" and o.value in tops:
                m["types"][o.value].add(g)
            elif p == ISCM + "yearEstablished":
                m["years"][o.value].add(g)
            elif p == ISCM + "listedUnderRegion":
                m["regions"][o.value].add(g)
            elif p == ISCM + "memberCountStated":
                m["stated"][o.value].add(g)
            elif p == SKOS + "altLabel" and re.fullmatch(r"[A-Z][A-Za-z0-9&+\-. ]{1,11}", o.value) and sum(c.isupper() for c in o.value) >= 2:
                m["acronyms"].add(o.value)
        result = []
        for m in out.values():
            def with_graphs(d, as_node=False):
                return [((self.node(k) if as_node else k), sorted((self.graph(g) for g in gs), key=lambda g: g.order))
                        for k, gs in sorted(d.items())]
            result.append({"node": m["node"], "types": with_graphs(m["types"], True), "years": with_graphs(m["years"]),
                           "regions": with_graphs(m["regions"], True), "stated": with_graphs(m["stated"]),
                           "acronyms": sorted(m["acronyms"], key=len)[:2],
                           "sources": sorted((self.graph(g) for g in m["sources"]), key=lambda g: g.order)})
        return sorted(result, key=lambda m: m["node"].sort_key)

    def agents(self, cls: str) -> list[tuple[Node, int, int]]:
        """States or organizations with the number of mechanisms they take part in and other roles."""
        rows = self.select(f"""
            SELECT ?a (COUNT(DISTINCT ?m) AS ?n) (COUNT(DISTINCT ?r) AS ?roles) WHERE {{
              ?a a {iri_ref(cls)} .
              OPTIONAL {{ ?ms org:member ?a ; org:organization ?m }}
              OPTIONAL {{ ?r iscm:chair|iscm:coChair|iscm:secretariat|iscm:associatedOrganization|iscm:incomingChair ?a }}
            }} GROUP BY ?a""")
        return sorted(((self.node(r["a"]), int(r["n"].value), int(r["roles"].value)) for r in rows),
                      key=lambda t: t[0].sort_key)

    def stats(self) -> dict[str, int]:
        row = self.select("""
            SELECT (COUNT(DISTINCT ?m) AS ?mechanisms) (COUNT(DISTINCT ?s) AS ?states) (COUNT(DISTINCT ?o) AS ?orgs) WHERE {
              { ?m a iscm:InterStateConsultationMechanism } UNION { ?s a iscm:State } UNION { ?o a org:FormalOrganization }
            }""")[0]
        extra = self.select("""
            SELECT (COUNT(DISTINCT ?ms) AS ?memberships) (COUNT(DISTINCT ?mt) AS ?meetings) WHERE {
              { ?ms a org:Membership } UNION { ?mt a iscm:Meeting } }""")[0]
        return {"mechanisms": int(row["mechanisms"].value), "states": int(row["states"].value),
                "organizations": int(row["orgs"].value), "memberships": int(extra["memberships"].value),
                "meetings": int(extra["meetings"].value), "quads": len(self.engine),
                "sources": len(self.sources)}


def _kind(iri: str) -> str:
    if iri.startswith(ID):
        kind = iri[len(ID):].split("/")[0]
        if kind in ("country", "organization", "mechanism"):
            return kind
    return "other"


def _quad_key(q: ox.Quad) -> tuple:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
