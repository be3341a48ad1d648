"""The browsable pages, through the Flask test client over the real bundled data (linked data as data,
content negotiation: tests/test_content_negotiation.py)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

from page_support import BROWSER_ACCEPT, Links, html, links


# -- HTML pages ------------------------------------------------------------------------------------------


def test_budapest_process_page(client, sparql):
    page = html(client, "/id/mechanism/budapest-process")
    assert "<h1>Budapest Process</h1>" in page
    # members, with links to their pages
    for iso in ("DEU", "AUT", "HUN"):
        assert f'href="/id/country/{iso}"' in page
    # chair Turkey, secretariat ICMPD
    chair = re.search(r'chair</a></dt>\s*<dd>(.*?)</dd>', page, re.S)
    assert chair and 'href="/id/country/TUR"' in chair.group(1)
    assert 'href="/id/organization/icmpd"' in page
    # sources side by side: the founding year, 1991 in some sources and 1993 in others
    table = page[page.index('id="differences"'):page.index('id="participation"')]
    row = re.search(r'year established.*?</tr>', table, re.S).group(0)
    assert "1991" in row and "1993" in row
    assert 'href="/id/source/scpf-2009"' in table and 'href="/id/source/assessment-2019"' in table
    # membership over time: one column per snapshot that lists members
    participation = page[page.index('id="participation"'):page.index('id="history"')]
    for slug in ("scpf-2009", "review-2013", "overview-2017"):
        assert f'href="/id/source/{slug}"' in participation
    listed = {r["iso"] for r in sparql("""SELECT DISTINCT ?iso WHERE { ?ms org:organization mechanism:budapest-process ;
                                              org:member ?s . ?s iscm:iso3166Alpha3 ?iso }""")}
    for iso in listed:
        assert f'href="/id/country/{iso}"' in participation
    # meetings and homepage
    assert "16th Senior Officials" in page
    assert 'href="http://www.budapestprocess.org"' in page


def test_name_history_page(client):
    page = html(client, "/id/mechanism/eap-panel")
    history = page[page.index('id="history"'):]
    assert 'href="/id/mechanism/soderkoping-process"' in history
    assert 'href="/id/event/soderkoping-process-to-eap-panel"' in history


def test_germany_page(client):
    page = html(client, "/id/country/DEU")
    assert "<h1>Germany</h1>" in page and "DEU" in page
    part = page[page.index('id="participation"'):]
    assert 'href="/id/mechanism/budapest-process"' in part and 'href="/id/mechanism/prague-process"' in part
    assert "Member" in part


def test_icmpd_page(client, sparql):
    page = html(client, "/id/organization/icmpd")
    assert "International Centre for Migration Policy Development" in page
    roles = page[page.index('id="roles"'):]
    assert "secretariat of" in roles
    for r in sparql("SELECT DISTINCT ?m WHERE { ?m iscm:secretariat organization:icmpd }"):
        assert f'href="{r["m"].replace("https://w3id.org/iscm", "")}"' in roles


def test_theme_page(client, sparql):
    page = html(client, "/id/theme/labour-migration")
    assert "<h1>Labour migration</h1>" in page
    used = page[page.index('id="used"'):]
    for r in sparql("SELECT DISTINCT ?m WHERE { ?m iscm:thematicFocus theme:labour-migration }"):
        assert f'href="{r["m"].replace("https://w3id.org/iscm", "")}"' in used
    assert 'href="/id/scheme/thematic-foci"' in page


def test_scheme_and_role_pages(client):
    page = html(client, "/id/scheme/thematic-foci")
    assert 'href="/id/theme/labour-migration"' in page
    page = html(client, "/id/role/observer")
    assert 'id="role-usage"' in page and 'href="/id/mechanism/budapest-process"' in page


def test_source_page(client, sparql):
    page = html(client, "/id/source/overview-2017")
    assert "Overview of the principal inter-State consultation mechanisms" in page
    n = int(sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH source:overview-2017 { ?s ?p ?o } }")[0]["n"])
    assert f"<strong>{n}</strong> statements" in page
    assert 'href="/id/mechanism/budapest-process"' in page
    page = html(client, "/id/source/review-2013")
    row = re.search(r'href="/id/mechanism/budapest-process".*?</tr>', page, re.S).group(0)
    assert "1993" in row and 'href="/id/typology/rcp-stand-alone"' in row


def test_ontology_page(client):
    page = html(client, "/ontology")
    p = Links()
    p.feed(page)
    for term in ("InterStateConsultationMechanism", "State", "chair", "secretariat", "yearEstablished", "iso3166Alpha3"):
        assert term in p.ids, term
    chair = page[page.index('id="chair"'):]
    chair = chair[:chair.index("</section>")]
    assert "domain" in chair and 'href="/ontology#InterStateConsultationMechanism"' in chair
    assert "Concept schemes" in page and 'href="/id/theme/labour-migration"' in page
    assert "Movement of people for employment" in page  # concept definitions


def _listed_mechanisms(page: str) -> set[str]:
    return set(re.findall(r'<th scope="row"><a class="iri" href="/id/mechanism/([^"]+)"', page))


def test_index_of_mechanisms(client, sparql):
    everything = _listed_mechanisms(html(client, "/mechanisms"))
    assert len(everything) == len(sparql("SELECT DISTINCT ?m WHERE { ?m a iscm:InterStateConsultationMechanism }"))
    cases = {
        "type=irf": "?m iscm:mechanismType ?t . ?t skos:broader* typology:irf",
        "region=europe": "?m iscm:listedUnderRegion|iscm:regionCovered ?r . ?r skos:broader* region:europe",
        "theme=labour-migration": "?m iscm:thematicFocus theme:labour-migration",
    }
    for params, pattern in cases.items():
        expected = {r["m"].rsplit("/", 1)[1] for r in sparql(f"SELECT DISTINCT ?m WHERE {{ {pattern} }}")}
        got = _listed_mechanisms(html(client, f"/mechanisms?{params}"))
        assert got == expected, params
        assert 0 < len(got) < len(everything)
    both = _listed_mechanisms(html(client, "/mechanisms?type=irf&theme=labour-migration"))
    assert both == _listed_mechanisms(html(client, "/mechanisms?type=irf")) & _listed_mechanisms(
        html(client, "/mechanisms?theme=labour-migration"))
    assert client.get("/mechanisms?type=nonsense").status_code == 400


def test_listings(client):
    page = html(client, "/states")
    assert 'href="/id/country/DEU"' in page
    page = html(client, "/organizations")
    assert 'href="/id/organization/icmpd"' in page
    page = html(client, "/sources")
    assert 'href="/id/source/review-2013"' in page and 'href="/id/graph/registry"' in page


# -- the query page ------------------------------------------------------------------------------------------


def test_landing_page_links_everything(client):
    page = html(client, "/")
    for target in ("/mechanisms", "/states", "/organizations", "/sources", "/ontology", "/query", "/sparql",
                   "/id/scheme/thematic-foci"):
        assert f'href="{target}"' in page
    assert "query?example=" in page


def test_query_page_runs_a_catalogue_query(client):
    from iscm_kg.catalogue import load_catalogue

    catalogue = load_catalogue()
    page = html(client, "/query")
    for name in catalogue:
        assert f"example={name}" in page
    name = "chairs-by-source" if "chairs-by-source" in catalogue else next(iter(catalogue))
    page = html(client, f"/query?example={name}")
    assert "<table class=\"results-table\">" in page
    assert re.search(r'<a class="iri" href="/id/(mechanism|country|source)/', page)  # IRIs linked to their pages
    assert re.search(r"in <span class=\"time\">[0-9.]+ ms</span>", page)
    hrefs = [h for h in links(page) if h.startswith("/sparql?")]
    formats = {parse_qs(urlsplit(h).query)["format"][0] for h in hrefs}
    assert {"json", "xml", "csv", "tsv"} <= formats
    for h in hrefs:
        q = parse_qs(urlsplit(h).query)["query"][0]
        assert q == catalogue[name].text
    r = client.get(next(h for h in hrefs if "format=csv" in h))
    assert r.status_code == 200 and r.mimetype == "text/csv"


def test_query_page_custom_queries(client):
    q = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?l WHERE { <https://w3id.org/iscm/id/country/DEU> skos:prefLabel ?l FILTER(lang(?l) = \"en\") }"
    page = client.post("/query", data={"query": q}).get_data(as_text=True)
    assert "Germany" in page and "<strong>1</strong> row" in page
    page = html(client, "/query?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D")
    assert "Answer: <strong>yes</strong>" in page
    page = html(client, "/query?query=" + "CONSTRUCT%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20LIMIT%203")
    assert "<strong>3</strong> triples" in page and "format=turtle" in page
    r = client.get("/query", query_string={"query": "SELEKT nothing"})
    assert r.status_code == 400 and "Malformed query" in r.get_data(as_text=True)
    r = client.get("/query", query_string={"query": "DROP ALL"})
    assert r.status_code == 403
    r = client.get("/query", query_string={"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 400


# -- every page renders ------------------------------------------------------------------------------------


def test_every_mechanism_and_state_page_renders(client, sparql):
    things = sparql("""SELECT DISTINCT ?x WHERE { { ?x a iscm:InterStateConsultationMechanism } UNION { ?x a iscm:State } }""")
    assert len(things) > 200
    for r in things:
        path = r["x"].replace("https://w3id.org/iscm", "")
        assert client.get(path, headers={"Accept": "text/html"}).status_code == 200, path
        assert client.get(path + ".ttl").status_code == 200, path


EXT = re.compile(r"\.(ttl|jsonld|nt|rdf|trig|nq|html)$")


def test_crawl_finds_no_broken_internal_link(client):
    """Follow every internal link from the landing page (query pages and the endpoint aside):
    every page answers 200, and no page is a 500."""
    start = ["/", "/mechanisms", "/states", "/organizations", "/sources", "/ontology"]
    seen: set[str] = set()
    alternates_checked: dict[str, str] = {}  # kind of thing -> the page whose alternates are fetched
    queue = list(start)
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        r = client.get(path, headers={"Accept": BROWSER_ACCEPT})
        assert r.status_code == 200, path
        if r.mimetype != "text/html":
            continue
        for href in links(r.get_data(as_text=True)):
            url = urlsplit(urljoin("http://localhost" + path, href))
            if url.netloc != "localhost" or url.path.startswith(("/sparql", "/query", "/static", "/void", "/dumps")):
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target in seen:
                continue
            if EXT.search(url.path):  # RDF alternates: checked for one page of each kind
                page = EXT.sub("", url.path)
                if alternates_checked.setdefault(page.rsplit("/", 1)[0], page) != page:
                    continue
            queue.append(target)
    assert len(seen) > 500


def test_query_editor_enhancement_is_local(client):
    """The optional YASGUI editor is served by the app itself (no CDN); the form works without it."""
    from iscm_kg.web.linked_data import YASGUI_BUNDLE

    page = html(client, "/query")
    assert '<form class="query" method="get"' in page and '<textarea id="query" name="query"' in page
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert all(s.startswith("/static/") for s in scripts)
    if YASGUI_BUNDLE.exists():
        assert "/static/vendor/yasgui/yasgui.min.js" in scripts
        for path in scripts + ["/static/vendor/yasgui/yasgui.min.css"]:
            assert client.get(path).status_code == 200
    # no page loads anything from another host
    for path in ("/", "/id/mechanism/budapest-process", "/ontology", "/mechanisms"):
        body = html(client, path)
        assert not re.search(r'<script[^>]+src="(https?:)?//|<link rel="stylesheet"[^>]+href="(https?:)?//|<img[^>]+src="(https?:)?//', body), path


def test_links_follow_the_mount_point(client):
    """Served under a path prefix (SCRIPT_NAME), pages link to IRIs under that prefix."""
    r = client.get("/id/country/DEU", headers={"Accept": "text/html"}, base_url="http://localhost/kg/")
    body = r.get_data(as_text=True)
    assert 'href="/kg/id/mechanism/budapest-process"' in body
    assert 'href="/id/mechanism/budapest-process"' not in body
    assert "<http://localhost/kg/id/country/DEU.ttl>" in r.headers["Link"]
