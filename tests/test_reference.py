"""Reference graphs about States: UN M49 regions and French/Spanish names (tools/build_m49.py)."""

from __future__ import annotations

import gettext
import subprocess
import sys

import pycountry
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from iscm_kg.loading import graph_files, project_root

M49_GRAPH = "https://w3id.org/iscm/id/graph/m49"
NAMES_GRAPH = "https://w3id.org/iscm/id/graph/names-pycountry"


def test_reference_files_load_into_their_own_graphs():
    graphs = {f.path.name: str(f.graph) for f in graph_files() if f.path.parent.name == "reference"}
    assert graphs == {"m49.ttl": M49_GRAPH, "names-pycountry.ttl": NAMES_GRAPH}


def test_every_state_has_one_region_and_sub_region_in_the_m49_graph(sparql):
    rows = sparql(f"""
        SELECT ?state (COUNT(DISTINCT ?r) AS ?regions) (COUNT(DISTINCT ?s) AS ?subs) WHERE {{
          ?state a iscm:State .
          OPTIONAL {{ GRAPH <{M49_GRAPH}> {{ ?state iscm:m49Region ?r }} }}
          OPTIONAL {{ GRAPH <{M49_GRAPH}> {{ ?state iscm:m49SubRegion ?s }} }}
        }} GROUP BY ?state""")
    assert len(rows) > 200
    bad = [r["state"] for r in rows if (r["regions"], r["subs"]) != ("1", "1")]
    assert not bad, f"States without exactly one M49 region and sub-region: {bad}"


def test_regions_form_the_m49_hierarchy(sparql):
    rows = sparql(f"""
        SELECT ?state ?region ?sub ?inter ?subUp ?interUp ?rn ?sn WHERE {{ GRAPH <{M49_GRAPH}> {{
          ?state iscm:m49Region ?region ; iscm:m49SubRegion ?sub .
          ?region skos:notation ?rn ; skos:topConceptOf <https://w3id.org/iscm/id/m49> .
          ?sub skos:notation ?sn ; skos:broader ?subUp .
          OPTIONAL {{ ?state iscm:m49IntermediateRegion ?inter . ?inter skos:broader ?interUp }}
        }} }}""")
    assert rows
    for r in rows:
        assert r["subUp"] == r["region"], r
        assert r["inter"] is None or r["interUp"] == r["sub"], r
        assert r["region"].endswith("/m49/" + r["rn"]) and r["sub"].endswith("/m49/" + r["sn"])
        assert len(r["rn"]) == 3 and r["rn"].isdigit()


@pytest.mark.parametrize("state,region,sub,inter", [
    ("DEU", "Europe", "Western Europe", None),
    ("EGY", "Africa", "Northern Africa", None),
    ("KEN", "Africa", "Sub-Saharan Africa", "Eastern Africa"),
    ("MEX", "Americas", "Latin America and the Caribbean", "Central America"),
    ("HKG", "Asia", "Eastern Asia", None),
    ("XKX", "Europe", "Southern Europe", None),  # as Serbia; documented in docs/modelling.md
])
def test_known_placements(sparql, state, region, sub, inter):
    rows = sparql(f"""
        SELECT ?r ?s ?i WHERE {{
          country:{state} iscm:m49Region/skos:prefLabel ?r ; iscm:m49SubRegion/skos:prefLabel ?s .
          FILTER(lang(?r) = "en" && lang(?s) = "en")
          OPTIONAL {{ country:{state} iscm:m49IntermediateRegion/skos:prefLabel ?i FILTER(lang(?i) = "en") }}
        }}""")
    assert rows == [{"r": region, "s": sub, "i": inter}]


def test_region_names_in_french_and_spanish_where_cldr_has_m49s_name(sparql):
    rows = sparql("""SELECT ?fr ?es WHERE { <https://w3id.org/iscm/id/m49/002> skos:prefLabel ?fr, ?es
                     FILTER(lang(?fr) = "fr" && lang(?es) = "es") }""")
    assert rows == [{"fr": "Afrique", "es": "África"}]
    # CLDR's "Latin America" is not M49's "Latin America and the Caribbean": no borrowed name.
    assert not sparql("""SELECT ?l WHERE { <https://w3id.org/iscm/id/m49/419> skos:prefLabel ?l
                         FILTER(lang(?l) != "en") }""")


def _translated(alpha3: str, lang: str) -> str | None:
    """The name pycountry's gettext catalogue gives, or None when it has no translation."""
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return None
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    for english in (getattr(country, "common_name", None), country.name):
        if english and catalogue.gettext(english) != english:
            return catalogue.gettext(english)
    return None


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_state_names_for_every_state_pycountry_translates(sparql, lang):
    rows = sparql(f"""SELECT ?code ?name WHERE {{ ?s a iscm:State ; iscm:iso3166Alpha3 ?code .
                      OPTIONAL {{ GRAPH <{NAMES_GRAPH}> {{ ?s skos:prefLabel ?name FILTER(lang(?name) = "{lang}") }} }} }}""")
    names = {r["code"]: r["name"] for r in rows}
    expected = {code: _translated(code, lang) for code in names}
    translated = {code for code, name in expected.items() if name}
    assert len(translated) > 100  # names spelt as in English ("Canada") are not counted here
    missing = sorted(code for code in translated if names[code] is None)
    assert not missing, f"no {lang} name for {missing}"
    wrong = {c: (names[c], expected[c]) for c in translated if names[c] != expected[c]
             and expected[c] not in _alt_labels(sparql, c, lang)}
    assert not wrong, wrong


def _alt_labels(sparql, code: str, lang: str) -> set[str]:
    rows = sparql(f"""SELECT ?l WHERE {{ country:{code} skos:altLabel|skos:prefLabel ?l FILTER(lang(?l) = "{lang}") }}""")
    return {r["l"] for r in rows}


def test_search_names_germany_in_french(sparql):
    assert sparql("""SELECT ?s WHERE { ?s skos:prefLabel "Allemagne"@fr }""") == [
        {"s": "https://w3id.org/iscm/id/country/DEU"}]


def test_reference_graphs_are_not_sources(sparql, client):
    sources = {r["g"] for r in sparql("SELECT ?g WHERE { ?g a iscm:SourceDocument }")}
    assert sources and not sources & {M49_GRAPH, NAMES_GRAPH}
    page = client.get("/id/source/overview-2017", headers={"Accept": "text/html"})
    assert page.status_code == 200


def test_reference_graphs_carry_provenance(sparql):
    for graph in (M49_GRAPH, NAMES_GRAPH):
        rows = sparql(f"""SELECT ?src ?from ?version WHERE {{ GRAPH <{graph}> {{
                          <{graph}> dcterms:source ?src ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?from ;
                          <http://www.w3.org/2002/07/owl#versionInfo> ?version }} }}""")
        assert rows, graph


def test_generated_files_are_current(tmp_path):
    """Regenerating from the packages gives the committed graphs (tools/build_m49.py)."""
    root = project_root()
    script = f"""
import sys; sys.path.insert(0, {str(root / 'tools')!r})
import build_m49
states = build_m49.registry_states()
build_m49.build_m49(states).serialize({str(tmp_path / 'm49.ttl')!r})
build_m49.build_names(states).serialize({str(tmp_path / 'names.ttl')!r})
"""
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root)
    for built, committed in (("m49.ttl", "m49.ttl"), ("names.ttl", "names-pycountry.ttl")):
        assert isomorphic(Graph().parse(tmp_path / built), Graph().parse(root / "data" / "reference" / committed)), \
            f"data/reference/{committed} is stale: run tools/build_m49.py"
