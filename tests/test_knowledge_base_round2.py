"""Regression tests for the second round of knowledge-base work (issue 15): meetings of the RCP
rows, per-source dates, one query pattern per question, membership basis and qualifiers."""

from __future__ import annotations

import pytest

from iscm_kg.catalogue import load_catalogue

OVERVIEW = "<https://w3id.org/iscm/id/source/overview-2017>"
REVIEW = "<https://w3id.org/iscm/id/source/review-2013>"
SCPF = "<https://w3id.org/iscm/id/source/scpf-2009>"
MEETING = "https://w3id.org/iscm/id/meeting/"


def catalogue_rows(engine, name: str) -> list[dict[str, str]]:
    outcome = engine.query(load_catalogue()[name].text)
    names = [v.value for v in outcome.result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in outcome.result]


def meeting_in(sparql, graph: str, mechanism: str, start_prefix: str) -> list[dict[str, str]]:
    return sparql(f"""SELECT ?meeting ?start ?end ?city ?country ?ordinal WHERE {{ GRAPH {graph} {{
        ?meeting iscm:meetingOf mechanism:{mechanism} ; iscm:startDate ?start .
        OPTIONAL {{ ?meeting iscm:endDate ?end }} OPTIONAL {{ ?meeting iscm:venueCity ?city }}
        OPTIONAL {{ ?meeting iscm:venueCountry ?country }} OPTIONAL {{ ?meeting iscm:ordinal ?ordinal }}
        FILTER (STRSTARTS(STR(?start), "{start_prefix}")) }} }}""")


# --- item 1: meetings named in the RCP rows of the overview table ---------------------------

@pytest.mark.parametrize("mechanism, start, city, country", [
    ("budapest-process", "1991", "Berlin", "DEU"),
    ("budapest-process", "1993", "Budapest", "HUN"),
    ("budapest-process", "1997", "Prague", "CZE"),
    ("budapest-process", "2003", "Rhodes", "GRC"),
    ("almaty-process", "2014-11-21", "Almaty", "KAZ"),
    ("almaty-process", "2015-09-22", "Astana", "KAZ"),
    ("almaty-process", "2016-09-19", "Astana", "KAZ"),
    ("midsa", "2015-07", None, "ZWE"),
    ("midwa", "2014-05", None, None),
    ("midwa", "2016", None, None),
    ("arab-rcp", "2015-04-27", None, None),
    ("abu-dhabi-dialogue", "2017-01-23", "Colombo", "LKA"),
    ("abu-dhabi-dialogue", "2014-11", None, None),
    ("bali-process", "2014-08-06", "Canberra", "AUS"),
    ("bali-process", "2015-05-06", "Wellington", "NZL"),
    ("bali-process", "2016-03", None, None),
    ("five-plus-five-dialogue", "2016-06-13", "Rabat", "MAR"),
    ("five-plus-five-dialogue", "2009-02", "Tunis", "TUN"),
    ("cmc", "2016-01", None, None),
    ("sacm", "2016", "Asunción", "PRY"),
    ("prague-process", "2017", "Warsaw", "POL"),
    ("igc", "2001", None, None),
])
def test_overview_rcp_rows_name_their_dated_meetings(sparql, mechanism, start, city, country):
    rows = [r for r in meeting_in(sparql, OVERVIEW, mechanism, start) if r["start"] == start]
    assert len(rows) == 1, rows
    row = rows[0]
    assert row["start"] == start
    assert row["city"] == city
    assert row["country"] == (f"https://w3id.org/iscm/id/country/{country}" if country else None)


def test_almaty_ministerial_one_iri_two_dates_and_listed_as_conflict(sparql, engine):
    iri = MEETING + "almaty-process-2013-06-ministerial-conference-almaty"
    dates = {r["g"].rsplit("/", 1)[-1]: r["start"] for r in sparql(
        f"SELECT ?g ?start WHERE {{ GRAPH ?g {{ <{iri}> iscm:startDate ?start }} }}")}
    assert dates == {"overview-2017": "2013-06-05", "review-2013": "2013-06-06"}
    conflicts = catalogue_rows(engine, "conflicts")
    assert any(r["mechanism"] == iri and r["valueA"] == "2013-06-05" and r["valueB"] == "2013-06-06"
               for r in conflicts)


def test_meetings_several_sources_name_keep_one_iri(sparql):
    shared = {r["m"].rsplit("/", 1)[-1] for r in sparql(f"""SELECT DISTINCT ?m WHERE {{
        GRAPH {OVERVIEW} {{ ?m a iscm:Meeting }} GRAPH {REVIEW} {{ ?m a iscm:Meeting }} }}""")}
    assert {"almaty-process-2013-06-ministerial-conference-almaty",
            "abu-dhabi-dialogue-2012-04-2nd-ministerial-consultation-manila",
            "five-plus-five-dialogue-2012-10-2nd-summit-valletta",
            "budapest-process-2013-04-5th-ministerial-conference-istanbul",
            "bali-process-2011-03-4th-ministerial-conference-bali"} <= shared
    # no second IRI for the same Manila ministerial
    manila = sparql(f"SELECT ?m WHERE {{ GRAPH {OVERVIEW} {{ ?m iscm:meetingOf mechanism:abu-dhabi-dialogue ; "
                    "iscm:venueCity 'Manila' } }")
    assert len(manila) == 1


def test_each_source_graph_carries_the_dates_it_gives(sparql):
    """A year or month a source gives is in that source's graph, even where another is more precise."""
    for mechanism, start in (("fibemyd", "2008"), ("fibemyd", "2010"), ("eu-celac-dialogue", "2010"),
                             ("mtm", "2012-05"), ("bali-process", "2011")):
        assert any(r["start"] == start for r in meeting_in(sparql, OVERVIEW, mechanism, start)), (mechanism, start)


def test_no_meeting_label_denies_a_date_a_source_gives(sparql):
    rows = sparql("""SELECT ?m ?label WHERE { ?m a iscm:Meeting ; skos:prefLabel ?label .
        FILTER (CONTAINS(LCASE(?label), "not stated")) GRAPH ?g { ?m iscm:startDate ?d } }""")
    assert rows == []


def test_precision_differences_are_not_conflicts(engine):
    rows = catalogue_rows(engine, "conflicts")
    fibemyd = [r for r in rows if r["mechanism"] == MEETING + "fibemyd-2008-04-meeting-cuenca"
               and r["property"].endswith("startDate")]
    assert fibemyd == []


# --- item 2: one way to ask -----------------------------------------------------------------------

def test_founding_years_query_covers_initiation_dates(engine):
    rows = {r["mechanism"].rsplit("/", 1)[-1]: r for r in catalogue_rows(engine, "founding-years")}
    assert "review-2013: 1991 (initiation)" in rows["acp-eu-dialogue"]["years"]
    assert "overview-2017: 2000" in rows["acp-eu-dialogue"]["years"]
    assert int(rows["acp-eu-dialogue"]["distinctYears"]) == 2


def test_conflicts_cover_initiation_dates_and_change_events(engine):
    rows = catalogue_rows(engine, "conflicts")
    founding = [r for r in rows if r["mechanism"].endswith("/acp-eu-dialogue") and "founding" in r["property"]]
    assert {(r["valueA"], r["valueB"]) for r in founding} >= {("2000", "1991")}
    change = [r for r in rows if r["mechanism"] == "https://w3id.org/iscm/id/event/soderkoping-process-to-eap-panel"]
    assert {frozenset((r["valueA"], r["valueB"])) for r in change} == {frozenset(("2008", "2011"))}
    assert all("Söderköping" in r["mechanismName"] for r in change)


def test_iom_technical_secretariat_finds_colombo_and_almaty_in_2013(engine):
    rows = {(r["mechanism"].rsplit("/", 1)[-1], r["source"]) for r in catalogue_rows(engine, "iom-technical-secretariat")}
    assert {("colombo-process", "review-2013"), ("almaty-process", "review-2013")} <= rows


def test_every_iom_secretariat_has_a_matching_iom_role(sparql):
    rows = sparql("""SELECT ?g ?m WHERE { ?g a iscm:SourceDocument .
        GRAPH ?g { ?m iscm:secretariat organization:iom
          FILTER NOT EXISTS { ?m iscm:iomRole ?r
            FILTER (?r IN (iomrole:technical-secretariat, iomrole:technical-co-secretariat,
                           iomrole:administrative-secretariat, iomrole:potential-technical-co-secretariat,
                           iomrole:secretariat-support)) } } }""")
    assert rows == []


def test_every_membership_has_exactly_one_basis(sparql):
    rows = sparql("""SELECT ?ms (COUNT(DISTINCT ?b) AS ?n) WHERE { ?g a iscm:SourceDocument .
        GRAPH ?g { ?ms a org:Membership OPTIONAL { ?ms iscm:membershipBasis ?b } } }
        GROUP BY ?ms HAVING (COUNT(DISTINCT ?b) != 1)""")
    assert rows == []


def test_acp_states_expanded_the_same_way_in_every_source(sparql):
    rows = sparql("""SELECT ?g (COUNT(DISTINCT ?s) AS ?n) WHERE { ?g a iscm:SourceDocument . GRAPH ?g {
        ?ms org:organization mechanism:acp-eu-dialogue ; org:member ?s ; org:role role:member ;
            iscm:membershipBasis <https://w3id.org/iscm/id/membership-basis/expanded-from-group> ;
            iscm:membershipNote ?note FILTER (CONTAINS(?note, "ACP")) } } GROUP BY ?g""")
    assert {r["g"].rsplit("/", 1)[-1]: int(r["n"]) for r in rows} == {"review-2013": 79, "overview-2017": 79}


def test_named_and_expanded_members_count_apart(sparql):
    rows = sparql(f"""SELECT ?basis (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH {OVERVIEW} {{
        ?ms org:organization mechanism:eu-celac-dialogue ; org:member ?s ; org:role role:member ;
            iscm:membershipBasis ?basis }} }} GROUP BY ?basis""")
    counts = {r["basis"].rsplit("/", 1)[-1]: int(r["n"]) for r in rows}
    assert counts == {"named": 33, "expanded-from-group": 27}


def test_qualified_memberships_are_machine_readable(sparql, ask):
    assert ask(f"""ASK {{ GRAPH {SCPF} {{ ?ms org:organization mechanism:apc ; org:member country:NZL ;
        org:role role:former-member ; iscm:endYear "2003"^^xsd:gYear }} }}""")
    assert not ask(f"ASK {{ GRAPH {SCPF} {{ ?ms org:organization mechanism:apc ; org:member country:NZL ; org:role role:member }} }}")
    assert ask(f"""ASK {{ GRAPH {OVERVIEW} {{ ?ms org:organization mechanism:pidc ; org:member country:MHL ;
        iscm:inCapacityOf role:chair }} }}""")
    invited = sparql(f"""SELECT ?s WHERE {{ GRAPH {SCPF} {{ ?ms org:organization mechanism:colombo-process ;
        org:role role:observer ; org:member ?s ; iscm:startYear "2005"^^xsd:gYear }} }}""")
    assert len(invited) == 16
    afghanistan = sparql(f"""SELECT ?start ?end WHERE {{ GRAPH {SCPF} {{ ?ms org:organization mechanism:colombo-process ;
        org:role role:observer ; org:member country:AFG ; iscm:startYear ?start ; iscm:endYear ?end }} }}""")
    assert afghanistan == [{"start": "2004", "end": "2005"}]


def test_new_terms_are_defined_in_the_ontology(ask):
    for term in ("membershipBasis", "startYear", "endYear", "inCapacityOf"):
        assert ask(f"ASK {{ iscm:{term} skos:definition ?d ; rdfs:label ?l }}"), term
    assert ask("ASK { role:former-member skos:prefLabel ?l ; skos:definition ?d }")
    assert ask("ASK { <https://w3id.org/iscm/id/membership-basis/expanded-from-group> skos:inScheme "
               "<https://w3id.org/iscm/id/membership-basis> ; skos:definition ?d }")


# --- item 1: themes the 2013 review's case studies (section 3) name ----------------------------

@pytest.mark.parametrize("mechanism, themes", [
    ("midsa", {"border-management", "counter-trafficking", "migration-data"}),
    ("midwa", {"migration-data"}),
    ("fibemyd", {"counter-trafficking", "migrant-smuggling", "migration-and-gender"}),
    ("igc", {"migration-and-technology", "migrants-in-vulnerable-situations"}),
    ("prague-process", {"labour-migration", "return-reintegration-and-readmission", "migrant-integration"}),
    ("euromed-migration-dialogue", {"remittances", "brain-drain", "migration-data"}),
    ("budapest-process", {"discrimination-racism-and-xenophobia"}),
])
def test_review_case_study_themes_are_in_its_graph(sparql, mechanism, themes):
    got = {r["t"].rsplit("/", 1)[-1] for r in sparql(
        f"SELECT ?t WHERE {{ GRAPH {REVIEW} {{ mechanism:{mechanism} iscm:thematicFocus ?t }} }}")}
    assert themes <= got


def test_iom_secretariat_role_without_secretariat_only_where_the_source_says_none(sparql):
    """The reverse of the secretariat rule: a secretariat role of IOM comes with iscm:secretariat IOM,
    except where the source says the mechanism has no official secretariat (a note says so)."""
    rows = sparql("""SELECT ?g ?m WHERE { ?g a iscm:SourceDocument .
        GRAPH ?g { ?m iscm:iomRole ?r FILTER (?r IN (iomrole:technical-secretariat, iomrole:technical-co-secretariat))
                   FILTER NOT EXISTS { ?m iscm:secretariat organization:iom } } }""")
    found = {(r["g"].rsplit("/", 1)[-1], r["m"].rsplit("/", 1)[-1]) for r in rows}
    assert found == {("review-2013", "five-plus-five-dialogue"), ("scpf-2009", "sacm")}
    for source, slug in found:
        notes = sparql(f"""SELECT ?n WHERE {{ GRAPH <https://w3id.org/iscm/id/source/{source}> {{
            mechanism:{slug} skos:editorialNote ?n }} }}""")
        assert any("no official secretariat" in r["n"] for r in notes)
    assert ("assessment-2019", "pan-african-forum") not in found
