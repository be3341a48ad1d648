"""The example-query catalogue: every query runs and answers its question on the bundled data."""

import csv
import json
from pathlib import Path

import pytest

from iscm_kg.catalogue import load_catalogue
from iscm_kg.cli import main

CATALOGUE = load_catalogue()


def rows_of(engine, name):
    outcome = engine.query(CATALOGUE[name].text)
    names = [v.value for v in outcome.result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in outcome.result]


def test_catalogue_has_at_least_20_documented_queries():
    assert len(CATALOGUE) >= 20
    for q in CATALOGUE.values():
        assert q.title and q.description, q.name


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_query_returns_rows(engine, name):
    assert rows_of(engine, name), name


EXPECTATIONS = {
    # name: (column, value that must appear in that column)
    "mechanisms-by-type": ("name", "Bali Process"),
    "state-participation": ("mechanismName", "Migration Dialogue for West Africa"),
    "chairs-by-source": ("chairName", "Namibia"),
    "member-counts": ("mechanismName", "Prague Process"),
    "founding-years": ("mechanismName", "Budapest Process"),
    "classification-changes": ("mechanismName", "Budapest Process"),
    "taxonomy-2013": ("mechanismName", "Intergovernmental Authority on Development Regional Consultative Process on Migration"),
    "observers": ("observerName", "Canada"),
    "secretariats": ("secretariatName", "International Centre for Migration Policy Development"),
    "name-history": ("successorName", "Eastern Partnership Panel on Migration, Mobility and Integrated Border Management"),
    "most-engaged-states": ("stateName", "Spain"),
    "organization-roles": ("mechanismName", "Almaty Process"),
    "global-rcp-meetings": ("city", "Geneva"),
    "meetings-in-year": ("mechanismName", "Bali Process"),
    "iom-technical-secretariat": ("mechanismName", "Bali Process"),
    "iom-roles": ("mechanismName", "Colombo Process"),
    "sources": ("title", None),
    "expected-members": ("memberName", "Zambia"),
    "membership-changes": ("stateName", "Afghanistan"),
    "mechanisms-by-region": ("regionName", "Africa"),
    "conflicts": ("mechanismName", "Budapest Process"),
    "african-rcps-labour-migration": ("mechanismName", "Migration Dialogue for Southern Africa"),
    "gcm-theme-engagement": ("mechanismName", "Khartoum Process"),
    "thematic-matrix-2019": ("mechanismName", "Bali Process"),
    "themes-of-mechanism-by-source": ("themeName", "Labour migration"),
    "gcm-consideration": ("mechanismName", "Bali Process"),
    "gcm-themes-and-elements": ("elementNotation", "x"),
    "mechanisms-by-theme": ("mechanismName", "Bali Process"),
    "members": ("memberName", "Cuba"),
    "meetings-of-mechanism": ("start", "2013-06-05"),
    "membership-overlaps": ("stateName", "Armenia"),
    "fact-locators": ("where", "Section 3.1.2"),
}


def test_every_query_has_an_expectation():
    assert set(CATALOGUE) <= set(EXPECTATIONS)


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_query_answers_its_question(engine, name):
    column, expected = EXPECTATIONS[name]
    rows = rows_of(engine, name)
    if expected is None:
        assert len(rows) == 5
    else:
        assert expected in {r[column] for r in rows}, (name, sorted({r[column] for r in rows})[:20])


def test_grcp_meetings_one_to_eight(engine):
    rows = rows_of(engine, "global-rcp-meetings")
    assert [int(r["ordinal"]) for r in rows] == list(range(1, 9))
    assert rows[0]["start"].startswith("2005") and rows[-1]["start"].startswith("2019")


def test_midsa_ministerial_conference_maputo_april_2013(sparql):
    rows = sparql("""SELECT ?start ?city ?kind WHERE { ?m iscm:meetingOf mechanism:midsa ; iscm:startDate ?start ;
        iscm:venueCity ?city ; iscm:venueCountry country:MOZ ; iscm:meetingType ?kind }""")
    assert any(r["city"] == "Maputo" and r["start"].startswith("2013-04") and "ministerial" in r["kind"] for r in rows)


def test_khartoum_engaged_in_smuggling_and_trafficking_theme(ask):
    assert ask("""ASK { GRAPH <https://w3id.org/iscm/id/source/grcp7-note-2017> {
        mechanism:khartoum-process iscm:engagedInGcmTheme gcm:theme-6 } }""")


def test_bali_counter_trafficking_2019(ask):
    assert ask("""ASK { GRAPH <https://w3id.org/iscm/id/source/assessment-2019> {
        mechanism:bali-process iscm:thematicFocus theme:counter-trafficking } }""")


def test_thematic_matrix_regenerated_cell_by_cell(engine):
    path = Path(__file__).parent / "data" / "thematic_matrix_2019.csv"
    with path.open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        expected = {(row[0], theme) for row in reader for theme, cell in zip(header[1:], row[1:]) if cell == "1"}
    got = {(r["mechanism"], r["theme"]) for r in rows_of(engine, "thematic-matrix-2019")}
    assert got == expected


def test_gcm_has_6_themes_and_24_elements(engine):
    rows = rows_of(engine, "gcm-themes-and-elements")
    assert len(rows) == 24
    assert len({r["themeNotation"] for r in rows}) == 6
    assert sorted(r["elementNotation"] for r in rows) == list("abcdefghijklmnopqrstuvwx")


def test_cli_runs_catalogue_query_by_name(runner):
    result = runner.invoke(main, ["query", "name-history", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"]["bindings"]


def test_cli_lists_catalogue(runner):
    result = runner.invoke(main, ["queries"])
    assert "conflicts" in result.output and "Facts on which the sources disagree" in result.output


def test_cli_unknown_catalogue_name(runner):
    result = runner.invoke(main, ["query", "no-such-query"])
    assert result.exit_code == 2
    assert "no catalogue query" in result.output


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_endpoint_and_cli_give_the_same_rows(client, runner, name):
    via_http = client.post("/sparql", data={"query": CATALOGUE[name].text},
                           headers={"Accept": "application/sparql-results+json"}).get_json(force=True)
    result = runner.invoke(main, ["query", name, "--format", "json"])
    via_cli = json.loads(result.output)
    assert canonical(via_http) == canonical(via_cli)


def canonical(doc) -> list[str]:
    """Rows as sorted JSON; GROUP_CONCAT leaves the order of joined values open, so sort those too."""
    rows = []
    for binding in doc["results"]["bindings"]:
        row = {}
        for var, term in binding.items():
            term = dict(term)
            for sep in ("; ", ", "):
                if sep in term["value"]:
                    term["value"] = sep.join(sorted(term["value"].split(sep)))
                    break
            row[var] = term
        rows.append(json.dumps(row, sort_keys=True))
    return sorted(rows)
