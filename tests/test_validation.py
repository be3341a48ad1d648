"""`iscm-kg validate`: the bundled graph conforms; each shape rejects a small invalid example."""

import json

import pytest

from iscm_kg.cli import main

HEAD = """@prefix iscm: <https://w3id.org/iscm/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix mechanism: <https://w3id.org/iscm/id/mechanism/> .
@prefix country: <https://w3id.org/iscm/id/country/> .
@prefix organization: <https://w3id.org/iscm/id/organization/> .
@prefix role: <https://w3id.org/iscm/id/role/> .
@prefix meeting: <https://w3id.org/iscm/id/meeting/> .
@prefix source: <https://w3id.org/iscm/id/source/> .
"""


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory):
    """A private copy of the project, so that test files can be placed among its data files."""
    import shutil
    from iscm_kg.loading import project_root
    root = tmp_path_factory.mktemp("project")
    for name in ("ontology", "shapes", "data"):
        shutil.copytree(project_root() / name, root / name)
    return root


@pytest.fixture()
def tmp_path(project_copy, monkeypatch, request):
    """A directory inside the copy's data/, so a file written there is a data file of its own graph."""
    monkeypatch.setenv("ISCM_KG_ROOT", str(project_copy))
    directory = project_copy / "data" / "test-extra"
    directory.mkdir(exist_ok=True)
    yield directory
    for path in directory.iterdir():
        path.unlink()


def run_validate(runner, tmp_path, body: str, name: str = "extra.ttl"):
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path), "--format", "json"])
    return result, (json.loads(result.output) if result.output.strip().startswith("{") else None)


def test_bundled_graph_conforms(runner):
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_valid_contribution_passes(runner, tmp_path):
    result, report = run_validate(runner, tmp_path, """
mechanism:example-process a iscm:InterStateConsultationMechanism, iscm:RegionalConsultativeProcess ;
    skos:prefLabel "Example Process"@en ;
    iscm:yearEstablished "2020"^^xsd:gYear ;
    iscm:chair organization:iom .
""")
    assert result.exit_code == 0, result.output
    assert report["violations"] == 0


INVALID = {
    # shape: (turtle, expected message fragment)
    "MechanismShape: English name": ("""
mechanism:nameless a iscm:InterStateConsultationMechanism .
""", "exactly one English name (skos:prefLabel with @en)"),
    "MechanismShape: two English names": ("""
mechanism:twice a iscm:InterStateConsultationMechanism ; skos:prefLabel "One"@en, "Two"@en .
""", "exactly one English name"),
    "MechanismShape: IRI pattern": ("""
<https://w3id.org/iscm/id/mechanism/Bad_Slug> a iscm:InterStateConsultationMechanism ; skos:prefLabel "Bad"@en .
""", "mechanism/<lower-case-slug>"),
    "MechanismShape: year datatype": ("""
mechanism:x-process a iscm:InterStateConsultationMechanism ; skos:prefLabel "X"@en ; iscm:yearEstablished "1991" .
""", "xsd:gYear"),
    "MechanismShape: broken chair reference": ("""
mechanism:x-process a iscm:InterStateConsultationMechanism ; skos:prefLabel "X"@en ; iscm:chair country:DEX .
""", "The chair must be a State"),
    "MechanismShape: not in registry": ("""
mechanism:ghost a iscm:RegionalConsultativeProcess ; skos:prefLabel "Ghost"@en .
""", "declared in the registry"),
    "MechanismShape: homepage literal": ("""
mechanism:x-process a iscm:InterStateConsultationMechanism ; skos:prefLabel "X"@en ; foaf:homepage "www.example.org" .
""", "homepage must be an http(s) IRI"),
    "MechanismShape: thematic focus outside scheme": ("""
mechanism:x-process a iscm:InterStateConsultationMechanism ; skos:prefLabel "X"@en ; iscm:thematicFocus country:DEU .
""", "thematic-foci scheme"),
    "StateShape: code mismatch": ("""
country:DEU a iscm:State ; skos:prefLabel "Germany"@en ; iscm:iso3166Alpha3 "FRA" .
""", "must end with its iscm:iso3166Alpha3"),
    "StateShape: lower-case IRI": ("""
<https://w3id.org/iscm/id/country/deu> a iscm:State ; skos:prefLabel "Germany"@en ; iscm:iso3166Alpha3 "DEU" .
""", "country/<ISO 3166-1 alpha-3>"),
    "OrganizationShape: missing name": ("""
organization:nameless-body a org:FormalOrganization .
""", "An organization needs exactly one English name"),
    "MembershipShape: no role": ("""
<https://w3id.org/iscm/id/membership/test/budapest-process/member/DEU> a org:Membership ;
    org:organization mechanism:budapest-process ; org:member country:DEU .
""", "exactly one org:role"),
    "MembershipShape: unknown member": ("""
<https://w3id.org/iscm/id/membership/test/budapest-process/member/ZZZ> a org:Membership ;
    org:organization mechanism:budapest-process ; org:member country:ZZZ ; org:role role:member .
""", "exactly one org:member"),
    "MembershipShape: no membership basis": ("""
<https://w3id.org/iscm/id/membership/test/budapest-process/member/DEU> a org:Membership ;
    org:organization mechanism:budapest-process ; org:member country:DEU ; org:role role:member .
""", "exactly one iscm:membershipBasis"),
    "MembershipShape: end year not a year": ("""
<https://w3id.org/iscm/id/membership/test/budapest-process/member/DEU> a org:Membership ;
    org:organization mechanism:budapest-process ; org:member country:DEU ; org:role role:member ;
    iscm:membershipBasis <https://w3id.org/iscm/id/membership-basis/named> ; iscm:endYear "2003" .
""", "iscm:endYear is at most one xsd:gYear"),
    "MembershipShape: organization is not a mechanism": ("""
<https://w3id.org/iscm/id/membership/test/x/member/DEU> a org:Membership ;
    org:organization organization:iom ; org:member country:DEU ; org:role role:member .
""", "exactly one org:organization"),
    "ChangeEventShape: missing result": ("""
<https://w3id.org/iscm/id/event/test> a org:ChangeEvent ; org:originalOrganization mechanism:budapest-process .
""", "org:resultingOrganization"),
    "SourceDocumentShape: no title": ("""
source:test-doc a iscm:SourceDocument ; dcterms:issued "2020"^^xsd:gYear ; dcterms:publisher organization:iom .
""", "dcterms:title"),
    "SourceDocumentShape: issued not a year": ("""
source:test-doc a iscm:SourceDocument ; dcterms:title "T" ; dcterms:issued "recent" ; dcterms:publisher organization:iom .
""", "dcterms:issued"),
    "MeetingShape: no mechanism nor series": ("""
meeting:orphan-2020 a iscm:Meeting ; skos:prefLabel "Orphan meeting"@en .
""", "iscm:meetingOf"),
    "MeetingShape: date datatype": ("""
meeting:dated-2020 a iscm:Meeting ; skos:prefLabel "Dated"@en ; iscm:meetingOf mechanism:budapest-process ;
    iscm:startDate "April 2013" .
""", "iscm:startDate must be"),
    "ConceptShape: no scheme": ("""
<https://w3id.org/iscm/id/theme/floating> a skos:Concept ; skos:prefLabel "Floating"@en ; skos:definition "x"@en .
""", "skos:inScheme a concept scheme"),
    "ConceptSchemeShape: no label": ("""
<https://w3id.org/iscm/id/scheme/unnamed> a skos:ConceptScheme .
""", "A concept scheme needs exactly one English label"),
    "OntologyTermShape: undocumented property": ("""
<https://w3id.org/iscm/ontology#undocumented> a owl:ObjectProperty .
""", "needs an English rdfs:label"),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_shape_rejects_invalid_example(runner, tmp_path, case):
    body, message = INVALID[case]
    result, report = run_validate(runner, tmp_path, body)
    assert result.exit_code == 1, result.output
    messages = [r["message"] for r in report["results"] if r["severity"] == "Violation"]
    assert any(message in m for m in messages), messages


def test_missing_definition_is_only_a_warning(runner, tmp_path):
    result, report = run_validate(runner, tmp_path, """
<https://w3id.org/iscm/id/role/undefined-role> a skos:Concept ; skos:prefLabel "Undefined role"@en ;
    skos:inScheme <https://w3id.org/iscm/id/scheme/roles> .
""")
    assert result.exit_code == 0, result.output
    assert report["warnings"] >= 1
    assert any("should have a skos:definition" in r["message"] for r in report["results"])


def test_syntax_error_reports_line_and_exit_2(runner, tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(HEAD + '\nmechanism:x a iscm:InterStateConsultationMechanism ;\n    skos:prefLabel "unterminated@en .\n')
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    line = len(HEAD.splitlines()) + 3
    assert f"line {line}" in result.output
    assert "broken.ttl" in result.output


def test_unreadable_file_exit_2(runner, tmp_path):
    result = runner.invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 2


def test_text_output_groups_by_file_and_names_node(runner, tmp_path):
    path = tmp_path / "c.ttl"
    path.write_text(HEAD + 'mechanism:nameless a iscm:InterStateConsultationMechanism .\n')
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "data/test-extra/c.ttl"
    assert "mechanism:nameless" in lines[1]
    assert "Violation" in lines[2] and "skos:prefLabel" in lines[2]


def test_turtle_output_is_a_shacl_report(runner, tmp_path):
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF
    path = tmp_path / "c.ttl"
    path.write_text(HEAD + 'mechanism:nameless a iscm:InterStateConsultationMechanism .\n')
    result = runner.invoke(main, ["validate", str(path), "--format", "turtle"])
    assert result.exit_code == 1
    g = Graph().parse(data=result.output, format="turtle")
    SH = Namespace("http://www.w3.org/ns/shacl#")
    assert len(list(g.subjects(RDF.type, SH.ValidationReport))) == 1
    assert len(list(g.subjects(RDF.type, SH.ValidationResult))) >= 1
