"""GET /search: names, acronyms, variants, translations; typo-tolerant; HTML and JSON; bad input."""

from __future__ import annotations

import pytest

ID = "https://w3id.org/iscm/id/"


def top(client, q, **params):
    resp = client.get("/search", query_string={"q": q, **params}, headers={"Accept": "application/json"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert resp.mimetype == "application/json"
    return resp.get_json()["results"]


@pytest.mark.parametrize("q,iri,kind", [
    ("Swaziland", "country/SWZ", "State"),                    # former name
    ("Macedonia (FYR)", "country/MKD", "State"),
    ("RCM", "mechanism/puebla-process", "Mechanism"),          # acronym
    ("Puebla Process", "mechanism/puebla-process", "Mechanism"),
    ("Pueblo Proces", "mechanism/puebla-process", "Mechanism"),  # two typos
    ("Migration Dialog Southern Africa", "mechanism/midsa", "Mechanism"),
    ("Allemagne", "country/DEU", "State"),                      # French
    ("Alemania", "country/DEU", "State"),                       # Spanish
    ("ALLEMAGNE", "country/DEU", "State"),                      # case
    ("Soderkoping Process", "mechanism/soderkoping-process", "Mechanism"),  # accents
    ("cote divoire", "country/CIV", "State"),
    ("international organisation for migration", "organization/iom", "Organization"),
    ("Buda", "mechanism/budapest-process", "Mechanism"),        # typing ahead
])
def test_finds_the_right_thing_first(client, q, iri, kind):
    results = top(client, q)
    assert results, q
    assert results[0]["iri"] == ID + iri, [r["label"] for r in results[:3]]
    assert results[0]["type"] == kind


def test_types_are_readable_names_and_ranked(client):
    results = top(client, "Bali")
    assert {r["type"] for r in results} <= {"Mechanism", "State", "Territory", "Organization", "Theme", "Meeting"}
    assert not any(":" in r["type"] for r in results)
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)


def test_themes_and_meetings_are_found(client):
    assert any(r["type"] == "Theme" for r in top(client, "labour migration"))
    assert any(r["type"] == "Meeting" for r in top(client, "Second Global RCP Meeting Bangkok"))


def test_territories_are_labelled_as_such(client):
    results = top(client, "Hong Kong")
    assert results[0]["iri"] == ID + "country/HKG" and results[0]["type"] == "Territory"


def test_type_filter_and_limit(client):
    results = top(client, "Process", type="state", limit=3)
    assert len(results) <= 3 and all(r["type"] in ("State", "Territory") for r in results)
    results = top(client, "Bali", type="mechanism,organization", limit=5)
    assert results and {r["type"] for r in results} <= {"Mechanism", "Organization"}


def test_nothing_found_is_an_empty_list(client):
    assert top(client, "qqqqxxxzzzz") == []


def test_format_parameter_gives_json(client):
    resp = client.get("/search?q=Germany&format=json")
    assert resp.mimetype == "application/json" and resp.get_json()["results"][0]["iri"] == ID + "country/DEU"


def test_html_results_page_extends_the_site(client):
    resp = client.get("/search?q=Swaziland", headers={"Accept": "text/html"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    assert "Eswatini" in page and 'href="/id/country/SWZ"' in page and "State" in page
    assert 'class="site-search"' in page  # the header's box


def test_every_page_has_the_search_box(client):
    for path in ("/", "/mechanisms", "/id/country/DEU", "/query", "/search"):
        page = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
        assert 'action="/search"' in page and 'name="q"' in page, path


@pytest.mark.parametrize("params,accept", [
    ({"q": ""}, "text/html"), ({"q": "   "}, "application/json"), ({"q": "x" * 5000}, "text/html"),
    ({"q": "x" * 401}, "application/json"), ({"q": "\x00\x01"}, "application/json"),
    ({"q": "!!! ???"}, "text/html"), ({"q": "Bali", "limit": "abc"}, "application/json"),
    ({"q": "Bali", "limit": "0"}, "text/html"), ({"q": "Bali", "limit": "100000"}, "application/json"),
    ({"q": "Bali", "type": "spaceship"}, "application/json"), ({}, "application/json"),
])
def test_bad_queries_get_a_clear_400(client, params, accept):
    resp = client.get("/search", query_string=params, headers={"Accept": accept})
    assert resp.status_code == 400
    body = resp.get_data(as_text=True)
    assert "Traceback" not in body
    if accept == "application/json":
        assert resp.get_json()["error"]
    else:
        assert 'class="error"' in body


def test_hostile_text_is_escaped(client):
    resp = client.get("/search", query_string={"q": "<script>alert(1)</script>"}, headers={"Accept": "text/html"})
    assert resp.status_code == 200
    assert "<script>alert(1)</script>" not in resp.get_data(as_text=True)


def test_sparql_injection_is_just_a_name(client):
    assert top(client, '"} } DROP ALL ; SELECT * { ?s ?p ?o') is not None


def test_search_page_without_query_shows_the_form(client):
    resp = client.get("/search", headers={"Accept": "text/html"})
    assert resp.status_code == 200 and 'type="search"' in resp.get_data(as_text=True)
