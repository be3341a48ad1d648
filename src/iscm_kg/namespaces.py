"""The project's namespaces, in one place so that IRIs never drift between modules."""

from rdflib import Namespace

ISCM = Namespace("https://w3id.org/iscm/ontology#")
ID = Namespace("https://w3id.org/iscm/id/")
GRAPH = Namespace("https://w3id.org/iscm/id/graph/")
SOURCE = Namespace("https://w3id.org/iscm/id/source/")
SCHEME = Namespace("https://w3id.org/iscm/id/scheme/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")

ONTOLOGY_IRI = "https://w3id.org/iscm/ontology"

PREFIXES = {
    "iscm": str(ISCM),
    "id": str(ID),
    "org": str(ORG),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": str(SH),
    "mechanism": str(ID["mechanism/"]),
    "country": str(ID["country/"]),
    "organization": str(ID["organization/"]),
    "role": str(ID["role/"]),
    "source": str(SOURCE),
    "region": str(ID["region/"]),
    "theme": str(ID["theme/"]),
    "typology": str(ID["typology/"]),
    "iomrole": str(ID["iom-role/"]),
    "gcm": str(ID["gcm/"]),
    "meeting": str(ID["meeting/"]),
}
