"""Names of things for people: the label of every IRI (from the graph, from vocabulary tables,
or derived for memberships and change events), property headings, and links.

A :class:`Labels` is given the table of labels (read once per application by
:func:`label_table`) and the script root the links are made under, so it never looks at the
current request itself.
"""

from __future__ import annotations

import re
from typing import Callable

import pyoxigraph as ox

from ..namespaces import ONTOLOGY_IRI, PREFIXES
from .terms import (DCT, FOAF, ID, ISCM, ORG, OWL, RDF, RDF_TYPE, RDFS, SKOS, XSD, Node, compact, humanize,
                    local_name)

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


def vocabulary_label(iri: str) -> str | None:
    """A readable name for a term of a known vocabulary that has no label in the graph."""
    for prefix, ns in PREFIXES.items():
        if prefix != "id" and not ns.startswith(ID) and iri.startswith(ns) and len(iri) > len(ns):
            words = humanize(iri[len(ns):]).split(" ")
            return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return None



def label_table(select: Callable[[str], list[dict]]) -> dict[str, str]:
    """The best name of every IRI the graph names: an English preferred label, else an English or
    untagged rdfs:label, else a title, else a preferred label in another language."""
    rows = select("""
        SELECT ?s ?l ?rank WHERE {
          { ?s skos:prefLabel ?l FILTER(lang(?l) = "en") BIND(0 AS ?rank) }
          UNION { ?s rdfs:label ?l FILTER(lang(?l) = "en" || lang(?l) = "") BIND(1 AS ?rank) }
          UNION { ?s dcterms:title ?l BIND(2 AS ?rank) }
          UNION { ?s skos:prefLabel ?l FILTER(lang(?l) != "en") BIND(3 AS ?rank) }
          FILTER(isIRI(?s))
        }""")
    best: dict[str, tuple[int, str]] = {}
    for r in rows:
        iri, rank, label = r["s"].value, int(r["rank"].value), r["l"].value
        old = best.get(iri)
        if old is None or (rank, label) < old:
            best[iri] = (rank, label)
    return {iri: label for iri, (_, label) in best.items()}


class Labels:
    """Names and links of IRIs for one script root (the path the service is mounted under).

    ``table`` maps IRIs to their names in the graph; ``derived`` (called once, when first needed)
    gives names to things the data does not name, such as memberships and change events.
    """

    def __init__(self, table: dict[str, str], base: str, script_root: str = "",
                 derived: Callable[[], dict[str, str]] | None = None):
        self.table = table
        self.base = base.rstrip("/")
        self.script_root = script_root
        self._derived_source = derived
        self._derived: dict[str, str] | None = None

    def is_local(self, iri: str) -> bool:
        """Whether the IRI is under the public base (so this service resolves it)."""
        return iri == self.base or iri.startswith(self.base + "/") or iri.startswith(self.base + "#")

    def path_for(self, iri: str) -> str | None:
        """The service path of an IRI under the public base (without the script root)."""
        if not self.is_local(iri):
            return None
        rest = iri[len(self.base):]
        return rest if rest.startswith("/") else "/" + rest

    def href(self, iri: str) -> str:
        """Where a link to the IRI points: this service for local IRIs, the IRI itself otherwise."""
        path = self.path_for(iri)
        return iri if path is None else self.script_root + path

    def _derived_label(self, iri: str) -> str | None:
        if self._derived is None:
            self._derived = self._derived_source() if self._derived_source else {}
        return self._derived.get(iri)

    def label(self, iri: str) -> str:
        """The name of an IRI; the IRI itself when nothing names it."""
        found = self.table.get(iri)
        if found:
            return found
        if iri == self.base + "/ontology" or iri == ONTOLOGY_IRI:
            return "ISCM ontology"
        if re.fullmatch(re.escape(ONTOLOGY_IRI) + r"/\d+(\.\d+)*", iri):  # a version IRI
            return f"ISCM ontology, version {iri.rsplit('/', 1)[1]}"
        derived = self._derived_label(iri) if iri.startswith(ID) else None
        if derived:
            return derived
        return PROPERTY_LABELS.get(iri) or TERM_LABELS.get(iri) or vocabulary_label(iri) or iri

    def prop_label(self, iri: str) -> str:
        """The heading of a property: the project's wording, the graph's label, or its local name."""
        if iri in PROPERTY_LABELS:
            return PROPERTY_LABELS[iri]
        return self.table.get(iri) or humanize(local_name(iri))

    def inverse_label(self, iri: str) -> str:
        """The heading of incoming links of a property, as read on the page of their object."""
        return INVERSE_LABELS.get(iri) or f"{self.prop_label(iri)} of"

    def node(self, term, label: str | None = None) -> Node:
        """A term (or an IRI string) ready for a template."""
        if isinstance(term, str):
            term = ox.NamedNode(term)
        if isinstance(term, ox.NamedNode):
            iri = term.value
            return Node("iri", iri, label or self.label(iri), self.href(iri), compact=compact(iri),
                        external=not self.is_local(iri))
        if isinstance(term, ox.BlankNode):
            return Node("bnode", term.value, f"_:{term.value}")
        if isinstance(term, ox.Literal):
            dt = term.datatype.value if term.datatype else None
            value = term.value
            shown = ("yes" if value in ("true", "1") else "no") if dt == XSD + "boolean" else value
            dtc = None if dt in (None, XSD + "string", RDF + "langString") else (compact(dt) or dt)
            return Node("literal", value, shown, lang=term.language, datatype=dtc)
        raise TypeError(f"not an RDF term: {term!r}")

    def prop_node(self, iri: str) -> Node:
        """A property as a link with its heading as the label."""
        return Node("iri", iri, self.prop_label(iri), self.href(iri), compact=compact(iri),
                    external=not self.is_local(iri))
