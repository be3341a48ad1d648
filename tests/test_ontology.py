"""The ontology is a stable public contract: named terms exist, are documented and consistent."""

from pathlib import Path

import owlrl
from owlrl.Namespaces import ERRNS
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from iscm_kg.loading import project_root

ISCM = Namespace("https://w3id.org/iscm/ontology#")
ROOT = project_root()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    g = Graph()
    g.parse(ROOT / "ontology" / "iscm.ttl")
    return g


def test_header(ontology):
    onto = URIRef("https://w3id.org/iscm/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionIRI) is not None
    assert ontology.value(onto, OWL.versionInfo) is not None


CONTRACT = {
    "InterStateConsultationMechanism": OWL.Class, "RegionalConsultativeProcess": OWL.Class,
    "InterregionalForum": OWL.Class, "GlobalProcess": OWL.Class, "State": OWL.Class,
    "SourceDocument": OWL.Class, "Meeting": OWL.Class,
    "iso3166Alpha3": OWL.DatatypeProperty, "yearEstablished": OWL.DatatypeProperty,
    "memberCountStated": OWL.DatatypeProperty, "secretariat": OWL.ObjectProperty,
    "chair": OWL.ObjectProperty, "associatedOrganization": OWL.ObjectProperty,
    "thematicFocus": OWL.ObjectProperty,
}


@pytest.mark.parametrize("name,kind", sorted(CONTRACT.items()))
def test_contract_terms_exist(ontology, name, kind):
    assert (ISCM[name], RDF.type, kind) in ontology


def test_mechanism_classes_reuse_org(ontology):
    assert (ISCM.InterStateConsultationMechanism, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in ontology
    for sub in ("RegionalConsultativeProcess", "InterregionalForum", "GlobalProcess"):
        assert (ISCM[sub], RDFS.subClassOf, ISCM.InterStateConsultationMechanism) in ontology


def test_every_term_has_english_label_and_definition(ontology):
    terms = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(ISCM))}
    assert len(terms) > 20
    for term in terms:
        labels = [l for l in ontology.objects(term, RDFS.label) if isinstance(l, Literal) and l.language == "en"]
        assert labels, f"{term} has no English rdfs:label"
        assert ontology.value(term, SKOS.definition) is not None, f"{term} has no skos:definition"


def test_owl_rl_closure_finds_no_inconsistency(ontology):
    g = Graph()
    g += ontology
    for path in sorted((ROOT / "ontology" / "taxonomies").rglob("*.ttl")):
        g.parse(path)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False).expand(g)
    # owlrl records each inconsistency it detects as an err:ErrorMessage node.
    errors = [str(m) for m in g.objects(None, ERRNS.error)]
    assert errors == []
    assert not list(g.subjects(RDF.type, OWL.Nothing))
    assert (ISCM.RegionalConsultativeProcess, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in g
