"""Concrete facts from every source, asked through SPARQL over the real bundled graph."""

import pytest

OVERVIEW = "<https://w3id.org/iscm/id/source/overview-2017>"
REVIEW = "<https://w3id.org/iscm/id/source/review-2013>"
SCPF = "<https://w3id.org/iscm/id/source/scpf-2009>"
ASSESSMENT = "<https://w3id.org/iscm/id/source/assessment-2019>"
NOTE = "<https://w3id.org/iscm/id/source/grcp7-note-2017>"

# Every mechanism row of each source table (slugs of id:mechanism/...).
EXPECTED_MECHANISMS = {
    OVERVIEW: {  # section I (19 RCPs), II (12 IRFs), III (3 global processes)
        "budapest-process", "prague-process", "eap-panel", "puebla-process", "sacm", "cmc",
        "five-plus-five-dialogue", "midwa", "midsa", "igad-rcp", "midcom", "midcas", "pidc",
        "colombo-process", "abu-dhabi-dialogue", "almaty-process", "arab-rcp", "bali-process", "igc",
        "rabat-process", "tripoli-process", "fibemyd", "eu-celac-dialogue", "afml", "asem-cdgimm",
        "asia-eu-dialogue", "acp-eu-dialogue", "mtm", "pan-african-forum", "khartoum-process", "africa-eu-mme",
        "gfmd", "hld", "idm",
    },
    REVIEW: {  # Annex A / B: the 25 reviewed mechanisms (Söderköping kept apart from its successor)
        "midsa", "midwa", "comesa-rcp", "igad-rcp", "rabat-process", "tripoli-process", "puebla-process",
        "sacm", "fibemyd", "almaty-process", "colombo-process", "afml", "abu-dhabi-dialogue", "asem-cdgimm",
        "bali-process", "apc", "acp-eu-dialogue", "igc", "budapest-process", "eap-panel", "prague-process",
        "eu-celac-dialogue", "mtm", "five-plus-five-dialogue", "euromed-migration-dialogue",
    },
    SCPF: {  # Annex II, as of April 2009
        "soderkoping-process", "budapest-process", "puebla-process", "sacm", "five-plus-five-dialogue", "mtm",
        "midwa", "midsa", "igad-rcp", "apc", "colombo-process", "abu-dhabi-dialogue", "bali-process", "igc",
    },
    ASSESSMENT: {  # Annex 2 fact sheet: 30 ISCMs
        "five-plus-five-dialogue", "au-hoai", "acp-eu-dialogue", "almaty-process", "arab-rcp", "bali-process",
        "budapest-process", "cmc", "ocam", "commit", "eap-panel", "rabat-process", "khartoum-process",
        "eu-celac-dialogue", "gfmd", "fibemyd", "riam", "mid-igad", "igc", "midcas", "midsa", "midwa",
        "midcom", "abu-dhabi-dialogue", "pidc", "pan-african-forum", "prague-process", "puebla-process",
        "colombo-process", "sacm",
    },
}


@pytest.mark.parametrize("graph", sorted(EXPECTED_MECHANISMS))
def test_every_mechanism_row_is_in_its_source_graph(sparql, graph):
    rows = sparql(f"SELECT DISTINCT ?m WHERE {{ GRAPH {graph} {{ ?m iscm:mechanismType ?t }} }}")
    found = {r["m"].rsplit("/", 1)[-1] for r in rows}
    assert EXPECTED_MECHANISMS[graph] <= found, EXPECTED_MECHANISMS[graph] - found


def test_source_documents_described_in_their_own_graph(sparql):
    rows = sparql("SELECT ?s ?issued WHERE { GRAPH ?s { ?s a iscm:SourceDocument ; dcterms:issued ?issued ; dcterms:title ?t ; dcterms:publisher organization:iom } }")
    assert {r["s"].rsplit("/", 1)[-1]: r["issued"] for r in rows} == {
        "overview-2017": "2017", "review-2013": "2013", "grcp7-note-2017": "2017", "scpf-2009": "2009",
        "assessment-2019": "2019"}


def member_states(sparql, graph, mechanism, role="member"):
    rows = sparql(f"""SELECT DISTINCT ?code WHERE {{ GRAPH {graph} {{ ?ms org:organization mechanism:{mechanism} ;
        org:member ?s ; org:role role:{role} }} ?s iscm:iso3166Alpha3 ?code }}""")
    return {r["code"] for r in rows}


def value(sparql, graph, mechanism, prop):
    rows = sparql(f"SELECT ?v WHERE {{ GRAPH {graph} {{ mechanism:{mechanism} {prop} ?v }} }}")
    return {r["v"] for r in rows}


# --- overview table, c. 2016-17 ---------------------------------------------------------

def test_budapest_overview_members_match_stated_total(sparql):
    assert value(sparql, OVERVIEW, "budapest-process", "iscm:memberCountStated") == {"49"}
    members = member_states(sparql, OVERVIEW, "budapest-process")
    assert len(members) == 49
    assert {"ALB", "DEU", "TUR", "UZB", "MKD", "MDA", "GBR"} <= members


def test_budapest_overview_chair_and_cochair(sparql):
    assert value(sparql, OVERVIEW, "budapest-process", "iscm:chair") == {"https://w3id.org/iscm/id/country/TUR"}
    assert value(sparql, OVERVIEW, "budapest-process", "iscm:coChair") == {"https://w3id.org/iscm/id/country/HUN"}
    assert value(sparql, OVERVIEW, "budapest-process", "iscm:secretariat") == {"https://w3id.org/iscm/id/organization/icmpd"}


def test_overview_names_in_three_languages(sparql):
    rows = sparql("""SELECT ?l WHERE { GRAPH <https://w3id.org/iscm/id/source/overview-2017> {
        mechanism:prague-process skos:prefLabel ?l } }""")
    assert {"Processus de Prague", "Proceso de Praga"} <= {r["l"] for r in rows}


def test_overview_homepages_are_iris(sparql):
    rows = sparql(f"SELECT ?h WHERE {{ GRAPH {OVERVIEW} {{ mechanism:budapest-process foaf:homepage ?h }} FILTER(isIRI(?h)) }}")
    assert any("budapestprocess.org" in r["h"] for r in rows)


def test_overview_region_headings(sparql):
    rows = sparql(f"SELECT ?r WHERE {{ GRAPH {OVERVIEW} {{ mechanism:midsa iscm:listedUnderRegion ?r }} }}")
    assert {r["r"] for r in rows} == {"https://w3id.org/iscm/id/region/africa"}


def test_overview_types_by_section(sparql):
    rows = sparql(f"""SELECT ?m ?t WHERE {{ GRAPH {OVERVIEW} {{ ?m iscm:mechanismType ?t }} }}""")
    types = {(r["m"].rsplit("/", 1)[-1], r["t"].rsplit("/", 1)[-1]) for r in rows}
    assert ("khartoum-process", "irf") in types
    assert ("gfmd", "global-process") in types
    assert ("bali-process", "rcp") in types


# --- 2013 review --------------------------------------------------------------------------

def test_ghana_is_member_of_midwa_in_2013(ask):
    assert ask(f"""ASK {{ GRAPH {REVIEW} {{ ?ms org:organization mechanism:midwa ; org:member country:GHA ;
        org:role role:member }} }}""")


def test_2013_places_igad_rcp_as_rcp_pillar(ask):
    assert ask(f"ASK {{ GRAPH {REVIEW} {{ mechanism:igad-rcp iscm:mechanismType typology:rcp-pillar }} }}")
    assert ask("ASK { typology:rcp-pillar skos:broader typology:rcp }")


def test_2013_expected_members_kept_apart(sparql):
    expected = member_states(sparql, REVIEW, "comesa-rcp", role="expected-member")
    assert len(expected) >= 15
    assert member_states(sparql, REVIEW, "comesa-rcp") == set()


def test_2013_name_change_soderkoping_to_eap_panel(ask):
    assert ask(f"""ASK {{ GRAPH {REVIEW} {{ ?e a org:ChangeEvent ; org:originalOrganization mechanism:soderkoping-process ;
        org:resultingOrganization mechanism:eap-panel }} }}""")


def test_name_changes_are_history_not_merged(ask):
    for old, new in [("soderkoping-process", "eap-panel"), ("comesa-rcp", "midcom"), ("igad-rcp", "mid-igad")]:
        assert ask(f"ASK {{ mechanism:{new} dcterms:replaces mechanism:{old} }}"), (old, new)
        assert ask(f"ASK {{ ?e a org:ChangeEvent ; org:originalOrganization mechanism:{old} ; org:resultingOrganization mechanism:{new} }}")


# --- 2009 overview (SCPF/30 Annex II) -------------------------------------------------------

def test_2009_puebla_members_and_chair(sparql):
    assert value(sparql, SCPF, "puebla-process", "iscm:memberCountStated") == {"11"}
    assert len(member_states(sparql, SCPF, "puebla-process")) == 11
    assert value(sparql, SCPF, "puebla-process", "iscm:chair") == {"https://w3id.org/iscm/id/country/GTM"}


def test_puebla_chairs_in_2009_and_2016_17(sparql):
    rows = sparql("""SELECT ?g ?c WHERE { GRAPH ?g { mechanism:puebla-process iscm:chair ?c } }""")
    by_source = {(r["g"].rsplit("/", 1)[-1], r["c"].rsplit("/", 1)[-1]) for r in rows}
    assert ("scpf-2009", "GTM") in by_source
    assert any(src == "overview-2017" for src, _ in by_source)


def test_2009_igad_eritrea_suspended(sparql):
    assert "ERI" in member_states(sparql, SCPF, "igad-rcp", role="suspended-member")
    assert "ERI" not in member_states(sparql, SCPF, "igad-rcp")


def test_2009_midsa_spelt_mdsa_resolves_to_midsa(sparql):
    assert len(member_states(sparql, SCPF, "midsa")) == 16
    assert "SWZ" in member_states(sparql, SCPF, "midsa")


# --- 2019 fact sheet ----------------------------------------------------------------------

def test_midsa_2019_chair_is_namibia(sparql):
    assert value(sparql, ASSESSMENT, "midsa", "iscm:chair") == {"https://w3id.org/iscm/id/country/NAM"}


def test_prague_process_has_50_member_states_in_2019(sparql):
    assert value(sparql, ASSESSMENT, "prague-process", "iscm:memberCountStated") == {"50"}


def test_2019_types_and_iom_roles(ask):
    assert ask(f"ASK {{ GRAPH {ASSESSMENT} {{ mechanism:budapest-process iscm:mechanismType typology:irf ; a iscm:InterregionalForum }} }}")
    assert ask(f"ASK {{ GRAPH {ASSESSMENT} {{ mechanism:gfmd a iscm:GlobalProcess ; iscm:memberCountStated 195 }} }}")
    assert ask(f"ASK {{ GRAPH {ASSESSMENT} {{ mechanism:bali-process iscm:iomRole iomrole:technical-secretariat }} }}")
    assert ask(f"ASK {{ GRAPH {ASSESSMENT} {{ mechanism:midwa iscm:associatedOrganization organization:ecowas }} }}")


def test_mechanisms_only_in_2019_exist(ask):
    for slug in ("au-hoai", "commit", "ocam", "riam", "pan-african-forum", "cmc"):
        assert ask(f"ASK {{ GRAPH {ASSESSMENT} {{ mechanism:{slug} iscm:yearEstablished ?y }} }}"), slug


# --- disagreements are kept -----------------------------------------------------------------

def test_budapest_founding_year_disagreement_kept(sparql):
    rows = sparql("SELECT ?g ?y WHERE { GRAPH ?g { mechanism:budapest-process iscm:yearEstablished ?y } }")
    years = {(r["g"].rsplit("/", 1)[-1], r["y"]) for r in rows}
    assert ("overview-2017", "1991") in years
    assert ("assessment-2019", "1993") in years


def test_bali_classification_differs_between_sources(ask):
    assert ask(f"ASK {{ GRAPH {OVERVIEW} {{ mechanism:bali-process iscm:mechanismType typology:rcp }} }}")
    assert ask(f"ASK {{ GRAPH {ASSESSMENT} {{ mechanism:bali-process iscm:mechanismType typology:irf }} }}")


# --- Findings of the audit passes: each was a defect once -----------------------------------------

def test_2019_co_chairs_named_as_such_elsewhere_in_the_report(sparql):
    """The fact sheet names two States per cell; the report's Annex 8 calls Australia and Namibia co-chairs."""
    for mechanism, states in (("bali-process", {"AUS", "IDN"}), ("acp-eu-dialogue", {"NAM", "ROU"})):
        rows = sparql(f"SELECT ?p ?s WHERE {{ GRAPH {ASSESSMENT} {{ mechanism:{mechanism} ?p ?s "
                      "FILTER(?p IN (iscm:chair, iscm:coChair)) } }")
        assert {(str(r["p"]).rsplit("#", 1)[-1], str(r["s"]).rsplit("/", 1)[-1]) for r in rows} == \
            {("coChair", s) for s in states}


def test_2009_bali_observers_partners_cell_not_read_as_observers(sparql):
    rows = sparql(f"SELECT DISTINCT ?note WHERE {{ GRAPH {SCPF} {{ ?m org:organization mechanism:bali-process ; "
                  "org:role role:observer ; iscm:membershipNote ?note } }")
    assert [str(r["note"]) for r in rows] == [
        "listed in the Observers/Partners column, which does not say which role each holds"]


def test_2013_rome_ministerial_date_conflict_is_noted(ask):
    assert ask(f"ASK {{ GRAPH {REVIEW} {{ ?m iscm:meetingOf mechanism:five-plus-five-dialogue ; iscm:venueCity 'Rome' ; "
               "iscm:startDate '2013-02-20'^^xsd:date ; skos:editorialNote ?n FILTER(CONTAINS(?n, 'misprint')) } }")


@pytest.mark.parametrize("mechanism, role", [
    ("idm", "technical-secretariat"),             # run by IOM, which performs the secretariat functions
    ("asia-eu-dialogue", "technical-secretariat"),  # no official secretariat: IOM performs its functions
    ("almaty-process", "technical-co-secretariat"),  # a support unit shared by UNHCR and IOM
])
def test_overview_iom_roles_where_iom_runs_the_secretariat(ask, mechanism, role):
    assert ask(f"ASK {{ GRAPH {OVERVIEW} {{ mechanism:{mechanism} iscm:iomRole iomrole:{role} }} }}")
    assert not ask(f"ASK {{ GRAPH {OVERVIEW} {{ mechanism:{mechanism} iscm:iomRole iomrole:secretariat-support }} }}")


def test_overview_themes_found_by_the_audit(ask):
    assert ask(f"ASK {{ GRAPH {OVERVIEW} {{ mechanism:midcom iscm:thematicFocus theme:migration-and-trade }} }}")
    assert ask(f"ASK {{ GRAPH {OVERVIEW} {{ mechanism:bali-process iscm:thematicFocus theme:document-security-and-identity }} }}")


def test_2019_renamings_and_endings_stated_in_the_text(ask):
    assert ask(f"ASK {{ GRAPH {ASSESSMENT} {{ ?e a org:ChangeEvent ; org:originalOrganization mechanism:hld ; "
               "org:resultingOrganization mechanism:imrf ; dcterms:date '2019'^^xsd:gYear } }")
    assert ask(f"ASK {{ GRAPH {ASSESSMENT} {{ mechanism:cis-conference iscm:cessationDate '2005'^^xsd:gYear }} }}")
    assert ask(f"ASK {{ GRAPH {ASSESSMENT} {{ ?m org:organization mechanism:colombo-process ; org:member country:CHE ; "
               "org:role role:observer } }")


def test_overview_meetings_columns_of_the_interregional_forums(sparql):
    """Every dated meeting the overview's rows name, per mechanism: interregional forums and global
    processes, and (since the RCP rows were read for meetings too) the RCPs of section I."""
    rows = sparql(f"SELECT ?m (COUNT(DISTINCT ?meeting) AS ?n) WHERE {{ GRAPH {OVERVIEW} {{ ?meeting iscm:meetingOf ?m }} }} "
                  "GROUP BY ?m")
    counts = {r["m"].rsplit("/", 1)[-1]: int(r["n"]) for r in rows}
    assert counts == {"asem-cdgimm": 10, "mtm": 8, "rabat-process": 6, "acp-eu-dialogue": 6, "afml": 5,
                      "tripoli-process": 4, "fibemyd": 4, "eu-celac-dialogue": 4, "khartoum-process": 4,
                      "africa-eu-mme": 6, "pan-african-forum": 3, "asia-eu-dialogue": 2, "hld": 2, "idm": 3,
                      # section I
                      "budapest-process": 5, "prague-process": 2, "sacm": 1, "cmc": 1,
                      "five-plus-five-dialogue": 4, "midwa": 2, "midsa": 1, "abu-dhabi-dialogue": 3,
                      "almaty-process": 4, "arab-rcp": 1, "bali-process": 5, "igc": 1}
    # summits of the Africa-EU partnership are listed under both processes: one meeting of each
    joint = sparql(f"SELECT ?meeting WHERE {{ GRAPH {OVERVIEW} {{ ?meeting iscm:meetingOf mechanism:tripoli-process, "
                   "mechanism:africa-eu-mme } }")
    assert len(joint) == 3
    nairobi = sparql(f"SELECT ?start ?end ?country WHERE {{ GRAPH {OVERVIEW} {{ ?meeting iscm:meetingOf mechanism:acp-eu-dialogue ; "
                     "iscm:ordinal 39 ; iscm:startDate ?start ; iscm:endDate ?end ; iscm:venueCountry ?country } }")
    assert nairobi == [{"start": "2014-06-19", "end": "2014-06-20", "country": "https://w3id.org/iscm/id/country/KEN"}]


def test_conflicts_command_lists_disagreements(runner):
    from iscm_kg.cli import main
    result = runner.invoke(main, ["conflicts"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) > 20
    assert any("Budapest Process" in l and "yearEstablished" in l for l in lines)
    assert any("Bali Process" in l and "mechanismType" in l for l in lines)


# --- States and organizations -----------------------------------------------------------------

def test_every_state_once_with_code_and_variants(sparql):
    rows = sparql("SELECT ?s (COUNT(?l) AS ?n) WHERE { ?s a iscm:State ; skos:prefLabel ?l FILTER(lang(?l)='en') } GROUP BY ?s HAVING (COUNT(?l) != 1)")
    assert rows == []
    variants = {r["l"] for r in sparql("SELECT ?l WHERE { country:SWZ skos:prefLabel|skos:altLabel ?l }")}
    assert {"Swaziland", "Eswatini"} <= variants
    variants = {r["l"] for r in sparql("SELECT ?l WHERE { country:MKD skos:prefLabel|skos:altLabel ?l }")}
    assert "the former Yugoslav Republic of Macedonia" in variants


def test_special_territories(ask):
    assert ask("ASK { country:HKG a iscm:State ; iscm:territoryOf country:CHN }")
    assert ask("ASK { country:XKX a iscm:State ; iscm:iso3166Alpha3 'XKX' }")


def test_every_referenced_state_and_organization_exists(sparql):
    rows = sparql("""SELECT DISTINCT ?x WHERE {
        { ?ms org:member ?x } UNION { ?m iscm:chair|iscm:coChair|iscm:secretariat|iscm:associatedOrganization ?x }
        FILTER NOT EXISTS { ?x skos:prefLabel ?l }
    }""")
    assert rows == []


def test_organization_variants_resolve_to_one_iri(sparql):
    for alias, slug in [("OIM", "iom"), ("CEDEAO", "ecowas"), ("UNHCR", "unhcr"), ("SEGIB", "segib")]:
        rows = sparql(f"""SELECT ?o WHERE {{ ?o a org:FormalOrganization ; skos:altLabel|skos:prefLabel ?l .
            FILTER(STR(?l) = "{alias}") }}""")
        assert {r["o"] for r in rows} == {f"https://w3id.org/iscm/id/organization/{slug}"}, alias


def test_mechanism_aliases_resolve(sparql):
    for alias, slug in [("MISDA", "midsa"), ("MDSA", "midsa"), ("FIBEMYP", "fibemyd"), ("FIBEMTD", "fibemyd"), ("OACAM", "ocam")]:
        rows = sparql(f"SELECT ?m WHERE {{ ?m skos:altLabel ?l FILTER(STR(?l) = '{alias}') }}")
        assert {r["m"].rsplit("/", 1)[-1] for r in rows} == {slug}, alias


# --- data-quality report ---------------------------------------------------------------------

def test_every_stated_total_matches_or_is_explained(engine):
    from iscm_kg.quality import member_counts
    rows = member_counts(engine)
    assert len(rows) > 60
    unexplained = [(r.source, r.name, r.stated, r.listed) for r in rows if r.status == "differs, UNEXPLAINED"]
    assert unexplained == []


def test_report_command_writes_markdown(runner, tmp_path):
    from iscm_kg.cli import main
    out = tmp_path / "dq.md"
    result = runner.invoke(main, ["report", "--output", str(out)])
    assert result.exit_code == 0
    text = out.read_text()
    assert "## Members listed against totals stated" in text
    assert "Budapest Process" in text


def test_committed_data_quality_report_is_current(engine):
    """docs/data-quality.md is what `iscm-kg report` prints for the bundled data."""
    from iscm_kg.loading import project_root
    from iscm_kg.quality import render_markdown
    committed = (project_root() / "docs" / "data-quality.md").read_text(encoding="utf-8")
    assert committed == render_markdown(engine), "run: iscm-kg report --output docs/data-quality.md"


def test_report_counts_themes_meetings_and_iom_roles_per_source(engine):
    from iscm_kg.quality import source_totals
    totals = {t["source"].rsplit("/", 1)[-1]: t for t in source_totals(engine)}
    assert int(totals["assessment-2019"]["themes"]) == 297
    assert int(totals["review-2013"]["meetings"]) >= 130
    assert int(totals["scpf-2009"]["iomRoles"]) > 0
    assert int(totals["grcp7-note-2017"]["mechanisms"]) >= 25


def alias_rows():
    import csv
    from iscm_kg.loading import project_root
    for path in sorted((project_root() / "tools" / "aliases").glob("*.tsv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                if len(row) >= 3 and not row[0].startswith("#") and row[0] != "kind":
                    yield path.name, row[0], " ".join(row[1].split()), row[2].strip()


def test_alias_tables_resolve_to_labelled_things(engine):
    """The reviewed alias tables: every spelling a source uses names a thing the graph knows by it."""
    import unicodedata
    from iscm_kg.prose import words

    def norm(text):  # the comparison the alias tables were built with: no accents, case or "the"
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return " ".join(w for w in words(text) if w != "the")

    labels: dict[str, set[str]] = {}
    for r in engine.select("SELECT ?s ?l WHERE { ?s skos:prefLabel|skos:altLabel ?l }"):
        labels.setdefault(r["s"].value, set()).add(norm(r["l"].value))
    rows = list(alias_rows())
    assert len(rows) > 500
    unknown = [(f, name, iri) for f, _, name, iri in rows if iri not in labels]
    assert unknown == []
    unlabelled = [(f, name, iri) for f, _, name, iri in rows if norm(name) not in labels[iri]]
    assert unlabelled == []
