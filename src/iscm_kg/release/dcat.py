"""A DCAT description of the dataset and its distributions (beside the VoID description)."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD

SPDX = Namespace("http://spdx.org/rdf/terms#")
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")


def dcat_graph(base: str, version: str, issued: str, entries: list[dict]) -> Graph:
    """``base`` is where the site lives (https://w3id.org/iscm or the serving host); one
    dcat:Distribution per file of the manifest, with its size and SHA-256 checksum."""
    base = base.rstrip("/")
    g = Graph()
    g.bind("dcat", DCAT), g.bind("dcterms", DCTERMS), g.bind("spdx", SPDX)
    ds = URIRef(f"{base}/dcat#dataset")
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("ISCM-KG: inter-State consultation mechanisms on migration", lang="en")))
    g.add((ds, DCTERMS.description, Literal("Who takes part in which inter-State consultation mechanism on migration, in "
                                            "what role, who chairs it, what it works on and when it met, each fact "
                                            "attributed to the IOM document that states it.", lang="en")))
    g.add((ds, DCTERMS.license, LICENSE))
    g.add((ds, URIRef(str(DCAT) + "version"), Literal(version)))  # DCAT 3; rdflib knows DCAT 2
    g.add((ds, DCTERMS.issued, Literal(issued, datatype=XSD.date)))
    g.add((ds, DCAT.landingPage, URIRef(f"{base}/")))
    g.add((ds, DCTERMS.conformsTo, URIRef("https://w3id.org/iscm/ontology")))
    g.add((ds, URIRef("http://rdfs.org/ns/void#sparqlEndpoint"), URIRef(f"{base}/sparql")))
    for e in entries:
        dist = URIRef(f"{base}/downloads/{e['path']}#distribution")
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(e["path"])))
        if e.get("description"):
            g.add((dist, DCTERMS.description, Literal(e["description"], lang="en")))
        g.add((dist, DCAT.downloadURL, URIRef(f"{base}/downloads/{e['path']}")))
        g.add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{e['mediaType']}")))
        g.add((dist, DCAT.byteSize, Literal(e["bytes"], datatype=XSD.nonNegativeInteger)))
        g.add((dist, DCTERMS.license, LICENSE))
        checksum = BNode()
        g.add((dist, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, Literal(e["sha256"], datatype=XSD.hexBinary)))
    return g
