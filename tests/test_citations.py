"""Fact-level citations (issue 15, item 3): every fact of every source graph says where in its
source document it stands, SPARQL returns the locator with the fact, and pages show it."""

from __future__ import annotations

import pytest

from iscm_kg.catalogue import load_catalogue
from iscm_kg.citations import coverage, locators_query

SOURCES = ["scpf-2009", "review-2013", "grcp7-note-2017", "overview-2017", "assessment-2019"]


@pytest.fixture(scope="module")
def covered(engine):
    return coverage(engine)


@pytest.mark.parametrize("source", SOURCES)
def test_every_fact_of_every_source_graph_has_a_locator(covered, source):
    facts, without = covered[f"https://w3id.org/iscm/id/source/{source}"]
    assert facts > 300
    assert without == 0


def test_coverage_counts_an_uncited_fact(engine):
    """The check can fail: a fact added without a citation is counted."""
    from iscm_kg.engine import Engine
    other = Engine.from_project()
    other.store.update("""INSERT DATA { GRAPH <https://w3id.org/iscm/id/source/scpf-2009> {
        <https://w3id.org/iscm/id/mechanism/midwa> <https://w3id.org/iscm/ontology#yearEstablished> "1999" } }""")
    assert coverage(other)["https://w3id.org/iscm/id/source/scpf-2009"][1] == 1


def locators(engine, subject: str, predicate: str, obj: str, source: str) -> set[str]:
    rows = engine.query(locators_query(subject)).result
    return {r["where"].value for r in rows
            if r["p"].value == predicate and r["o"].value == obj and r["g"].value.endswith(source)}


ISCM = "https://w3id.org/iscm/ontology#"


@pytest.mark.parametrize("subject, predicate, obj, source, where", [
    ("<https://w3id.org/iscm/id/mechanism/midwa>", ISCM + "initiationDate", "2001", "review-2013",
     "Annex B, row Migration Dialogue for West Africa"),
    ("<https://w3id.org/iscm/id/mechanism/midwa>", ISCM + "yearEstablished", "2000", "review-2013", "Section 3.1.2"),
    ("<https://w3id.org/iscm/id/mechanism/midwa>", ISCM + "thematicFocus",
     "https://w3id.org/iscm/id/theme/migration-data", "review-2013", "Section 3.1.2"),
    ("<https://w3id.org/iscm/id/mechanism/rabat-process>", ISCM + "thematicFocus",
     "https://w3id.org/iscm/id/theme/labour-migration", "assessment-2019", "Annex 10, row Labour migration"),
    ("<https://w3id.org/iscm/id/mechanism/budapest-process>", ISCM + "yearEstablished", "1991", "overview-2017",
     "Section I, row Budapest Process"),
    ("<https://w3id.org/iscm/id/mechanism/colombo-process>", ISCM + "iomRole",
     "https://w3id.org/iscm/id/iom-role/technical-secretariat", "scpf-2009", "Annex I, row Colombo Process"),
])
def test_locator_comes_back_with_the_fact(engine, subject, predicate, obj, source, where):
    assert where in locators(engine, subject, predicate, obj, source)


def test_records_are_cited_whole(sparql):
    """A membership is cited by its subject: every fact about it has the row's locator."""
    rows = sparql("""SELECT DISTINCT ?where WHERE {
        GRAPH <https://w3id.org/iscm/id/source/scpf-2009> {
          ?c iscm:citesSubject <https://w3id.org/iscm/id/membership/scpf-2009/apc/former-member/NZL> ;
             iscm:citedAt ?part FILTER NOT EXISTS { ?c iscm:citesPredicate ?p } }
        ?part iscm:locator ?where }""")
    assert [r["where"] for r in rows] == ["Annex II, row Asia-Pacific Consultations on Refugees, Displaced Persons and Migrants"]


def test_parts_lead_to_their_source_document(sparql):
    rows = sparql("""SELECT ?part WHERE { ?part a iscm:SourcePart .
        FILTER NOT EXISTS { ?part dcterms:isPartOf+ ?doc . ?doc a iscm:SourceDocument } }""")
    assert rows == []
    # the public contract: a fact's graph leads to its source document through dcterms:isPartOf*
    rows = sparql("""SELECT DISTINCT ?doc WHERE { GRAPH ?g { mechanism:midwa iscm:initiationDate ?d }
        ?g dcterms:isPartOf* ?doc . ?doc a iscm:SourceDocument }""")
    assert [r["doc"] for r in rows] == ["https://w3id.org/iscm/id/source/review-2013"]


def test_fact_locators_catalogue_query(engine):
    outcome = engine.query(load_catalogue()["fact-locators"].text)
    names = [v.value for v in outcome.result.variables]
    rows = [{n: (r[n].value if r[n] is not None else None) for n in names} for r in outcome.result]
    assert {"review-2013", "overview-2017", "scpf-2009", "assessment-2019"} <= {r["source"] for r in rows}
    assert any(r["where"] == "Annex B, row Migration Dialogue for West Africa" and r["value"] == "2001" for r in rows)


def test_mechanism_page_shows_locators_next_to_facts(client):
    html = client.get("/id/mechanism/midwa", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert '<span class="loc">Section 3.1.2</span>' in html
    assert '<span class="loc">Annex II, row Migration Dialogue for West Africa</span>' in html
    # citations are not listed as links pointing to the mechanism
    assert "cites subject" not in html


def test_mechanism_page_shows_locators_of_members_and_meetings(client):
    import re
    html = client.get("/id/mechanism/midwa", headers={"Accept": "text/html"}).get_data(as_text=True)
    headers = " ".join(re.findall(r"<thead>(.*?)</thead>", html, re.S))
    assert '<span class="loc">Annex B, row Migration Dialogue for West Africa</span>' in headers
    assert '<span class="loc">Annex C, meetings of Migration Dialogue for West Africa</span>' in html


def test_conflicts_say_where_each_source_states_its_value(engine):
    outcome = engine.query(load_catalogue()["conflicts"].text)
    names = [v.value for v in outcome.result.variables]
    rows = [{n: (r[n].value if r[n] is not None else None) for n in names} for r in outcome.result]
    assert rows and all(r["whereA"] and r["whereB"] for r in rows)
    almaty = [r for r in rows if r["mechanism"].endswith("almaty-process-2013-06-ministerial-conference-almaty")]
    assert {(r["whereA"], r["whereB"]) for r in almaty} == {("Section I, row Almaty Process",
                                                             "Annex C, meetings of Almaty Process")}


def test_name_history_shows_where_each_source_states_the_change(client, engine):
    import re
    html = client.get("/id/mechanism/eap-panel", headers={"Accept": "text/html"}).get_data(as_text=True)
    history = re.search(r'<ul class="history">(.*?)</ul>', html, re.S).group(1)
    expected = {r["where"].value for r in engine.query("""
        PREFIX iscm: <https://w3id.org/iscm/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
        SELECT DISTINCT ?where WHERE { GRAPH ?g { ?e org:resultingOrganization <https://w3id.org/iscm/id/mechanism/eap-panel> .
          ?c iscm:citesSubject ?e ; iscm:citedAt ?part } ?part iscm:locator ?where }""").result}
    assert expected, "the change to the EaP Panel is cited"
    shown = set(re.findall(r'<span class="loc">(.*?)</span>', history))
    assert {w for s in shown for w in s.split("; ")} == expected


def _cell_locators(html: str) -> list[str]:
    import re
    return re.findall(r'<td class="on">.*?<span class="loc">(.*?)</span></td>', html, re.S)


def test_state_page_says_where_each_source_lists_the_state(client, engine):
    html = client.get("/id/country/GHA", headers={"Accept": "text/html"}).get_data(as_text=True)
    shown = {w for s in _cell_locators(html) for w in s.split("; ")}
    expected = {r["where"].value for r in engine.query("""
        PREFIX iscm: <https://w3id.org/iscm/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
        SELECT DISTINCT ?where WHERE { GRAPH ?g { ?ms org:member <https://w3id.org/iscm/id/country/GHA> .
          ?c iscm:citesSubject ?ms ; iscm:citedAt ?part } ?part iscm:locator ?where }""").result}
    assert expected and expected <= shown


def test_theme_page_says_where_each_source_gives_the_theme(client, engine):
    html = client.get("/id/theme/labour-migration", headers={"Accept": "text/html"}).get_data(as_text=True)
    shown = {w for s in _cell_locators(html) for w in s.split("; ")}
    expected = {r["where"].value for r in engine.query("""
        PREFIX iscm: <https://w3id.org/iscm/ontology#>
        SELECT DISTINCT ?where WHERE { GRAPH ?g { ?c iscm:citesObject <https://w3id.org/iscm/id/theme/labour-migration> ;
          iscm:citesPredicate iscm:thematicFocus ; iscm:citedAt ?part } ?part iscm:locator ?where }""").result}
    assert expected and expected <= shown
