"""Terms as the pages handle them: namespace constants, IRIs written into SPARQL, prefixed names,
readable forms of local names, and :class:`Node`, a term ready for a template.

Nothing here reads the graph or the request: these are the pure building blocks of
:mod:`.labels`, :mod:`.grouping` and the read models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..namespaces import PREFIXES

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
    """A local name as words: 'memberCountStated' -> 'member count stated', 'IOM' stays."""
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("-", " ").replace("_", " ")
    return name[:1].lower() + name[1:] if not name.isupper() else name


def local_name(iri: str) -> str:
    """The last path segment or fragment of an IRI (its slug)."""
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
        """What makes two nodes the same term (a value in two sources is one value)."""
        return (self.kind, self.value, self.lang or "", self.datatype or "")

    @property
    def sort_key(self) -> tuple:
        """Alphabetical by what a reader sees."""
        return (self.label.casefold(), self.value)

    @property
    def is_iri(self) -> bool:
        """Whether the node links somewhere."""
        return self.kind == "iri"

    @property
    def slug(self) -> str:
        """The last segment of the IRI, as used in filter parameters."""
        return local_name(self.value)

