"""The pictures: SVG drawn from the graph, whose numbers equal what SPARQL says.

Every element of a picture that stands for a number is a ``<g id="…" data-value="…">``; these
tests read those numbers back out of the SVG and compare them with queries written here
independently of the ones the pictures are drawn from.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

SVG = "{http://www.w3.org/2000/svg}"
SOURCE = "https://w3id.org/iscm/id/source/"
LATEST_MEMBER_LIST = "overview-2017"  # the default: the latest source with member lists


def slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def svg_numbers(client, path: str, prefix: str) -> tuple[dict[str, int], ET.Element, bytes]:
    r = client.get(path)
    assert r.status_code == 200, (path, r.data[:300])
    assert r.mimetype == "image/svg+xml"
    root = ET.fromstring(r.data)
    assert root.tag == SVG + "svg"
    values = {}
    for g in root.iter(SVG + "g"):
        gid = g.get("id", "")
        if gid.startswith(prefix + "--"):
            assert g.get("data-value") is not None, gid
            assert g.find(SVG + "title") is not None and g.find(SVG + "title").text, gid
            values[gid[len(prefix) + 2:]] = int(g.get("data-value"))
    return values, root, r.data


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(SVG + "text")]


def members(sparql, source: str | None) -> dict[str, set[str]]:
    """Member States of each mechanism, per one source or any (source=None)."""
    pattern = "?ms org:organization ?m ; org:role role:member ; org:member ?s ."
    if source:
        pattern = f"GRAPH <{SOURCE}{source}> {{ {pattern} }}"
    out: dict[str, set[str]] = defaultdict(set)
    for r in sparql(f"SELECT DISTINCT ?m ?s WHERE {{ {pattern} ?s a iscm:State . }}"):
        out[r["m"]].add(r["s"])
    return out


# -- the SVGs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/pictures/overlap.svg", "/pictures/thematic-matrix.svg",
                                  "/pictures/founding-years.svg", "/pictures/participation.svg"])
def test_pictures_are_svg_with_searchable_text(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.mimetype == "image/svg+xml"
    root = ET.fromstring(r.data)
    assert float(root.get("width").rstrip("pt")) > 100 and float(root.get("height").rstrip("pt")) > 100
    assert root.find(SVG + "title").text and root.find(SVG + "desc").text
    shown = " ".join(texts(root))
    assert len(texts(root)) > 20
    # text is text (svg.fonttype = none), not glyph outlines
    assert b"DejaVuSans-" not in r.data
    assert re.search(r"Budapest Process|\bBRA\b|Labour migration", shown)
    assert b"http://" not in r.data.replace(b"http://www.w3.org/", b"").replace(b"http://purl.org/", b"") \
        .replace(b"http://creativecommons.org/", b"")  # nothing to fetch from elsewhere


@pytest.mark.parametrize("source", [None, "scpf-2009", "all"])
def test_overlap_matrix_equals_sparql(client, sparql, source):
    path = "/pictures/overlap.svg" + (f"?source={source}" if source else "")
    values, root, _ = svg_numbers(client, path, "overlap")
    lists = members(sparql, None if source == "all" else (source or LATEST_MEMBER_LIST))
    expected = {f"{slug(a)}--{slug(b)}": len(lists[a] & lists[b]) for a in lists for b in lists}
    assert values == expected
    assert len(values) == len(lists) ** 2
    # the diagonal is each mechanism's own number of member States
    assert values["budapest-process--budapest-process"] == len(lists["https://w3id.org/iscm/id/mechanism/budapest-process"])
    # symmetric, and shared never exceeds either side
    for key, v in values.items():
        a, b = key.split("--")
        assert values[f"{b}--{a}"] == v
        assert v <= values[f"{a}--{a}"]
    title = root.find(SVG + "title").text
    assert ("any source" in title) if source == "all" else ((source or LATEST_MEMBER_LIST).split("-")[-1] in title)


def test_thematic_matrix_equals_sparql(client, sparql):
    values, root, _ = svg_numbers(client, "/pictures/thematic-matrix.svg", "theme")
    rows = sparql("SELECT ?m ?t WHERE { GRAPH source:assessment-2019 { ?m iscm:thematicFocus ?t } }")
    expected = {f"{slug(r['m'])}--{slug(r['t'])}" for r in rows}
    assert set(values) == expected and set(values.values()) == {1}
    assert len(expected) == 297  # the 2019 assessment's matrix, as the catalogue query counts it
    totals, _, _ = svg_numbers(client, "/pictures/thematic-matrix.svg", "theme-total")
    per_theme = sparql("SELECT ?t (COUNT(DISTINCT ?m) AS ?n) WHERE { GRAPH source:assessment-2019 "
                       "{ ?m iscm:thematicFocus ?t } } GROUP BY ?t")
    assert totals == {slug(r["t"]): int(r["n"]) for r in per_theme}
    counts, _, _ = svg_numbers(client, "/pictures/thematic-matrix.svg", "theme-count")
    per_mechanism = sparql("SELECT ?m (COUNT(DISTINCT ?t) AS ?n) WHERE { GRAPH source:assessment-2019 "
                           "{ ?m iscm:thematicFocus ?t } } GROUP BY ?m")
    assert counts == {slug(r["m"]): int(r["n"]) for r in per_mechanism}
    assert "Labour migration" in texts(root)


def test_founding_years_equal_sparql_and_show_disagreements(client, sparql):
    values, root, _ = svg_numbers(client, "/pictures/founding-years.svg", "founding")
    rows = sparql("SELECT ?m ?g ?y WHERE { GRAPH ?g { ?m iscm:yearEstablished ?y } ?g a iscm:SourceDocument }")
    assert values == {f"{slug(r['m'])}--{slug(r['g'])}": int(r["y"]) for r in rows}
    years: dict[str, set[int]] = defaultdict(set)
    for r in rows:
        years[slug(r["m"])].add(int(r["y"]))
    disagreeing = {m for m, ys in years.items() if len(ys) > 1}
    assert "budapest-process" in disagreeing
    shown = texts(root)
    assert "1991 / 1993" in shown  # the Budapest Process: 1991 in two sources, 1993 in two others
    assert sum(1 for t in shown if re.fullmatch(r"\d{4}( / \d{4})+", t)) == len(disagreeing)


@pytest.mark.parametrize("source", [None, "review-2013", "all"])
def test_participation_equals_sparql(client, sparql, source):
    path = "/pictures/participation.svg" + (f"?source={source}" if source else "")
    values, root, _ = svg_numbers(client, path, "participation")
    lists = members(sparql, None if source == "all" else (source or LATEST_MEMBER_LIST))
    codes = {r["s"]: r["code"] for r in sparql("SELECT ?s ?code WHERE { ?s a iscm:State ; iscm:iso3166Alpha3 ?code }")}
    per_state: dict[str, int] = {code: 0 for code in codes.values()}
    for m, states in lists.items():
        for s in states:
            per_state[codes[s]] += 1
    assert values == per_state
    histogram, _, _ = svg_numbers(client, path, "histogram")
    assert sum(histogram.values()) == len(codes)
    for k, n in histogram.items():
        assert n == sum(1 for v in per_state.values() if v == int(k))
    if source == "all":
        # the catalogue's question "States taking part in the most mechanisms" gives the same counts
        from iscm_kg.catalogue import load_catalogue
        top = sparql(load_catalogue()["most-engaged-states"].text)
        assert top and all(values[codes[r["state"]]] == int(r["mechanisms"]) for r in top)


def test_unknown_source_is_refused(client):
    for path in ("/pictures/overlap.svg?source=nowhere", "/pictures/participation.svg?source=x", "/pictures/?source=x"):
        r = client.get(path)
        assert r.status_code == 400
        assert b"overview-2017" in r.data and b"all" in r.data


def test_svgs_are_cached_per_dataset_version_and_validated(app, client):
    first = client.get("/pictures/founding-years.svg")
    again = client.get("/pictures/founding-years.svg", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/pictures/founding-years.svg").data == first.data
    version = app.config["ENGINE"].version
    keys = app.extensions["iscm_pictures"].keys()
    assert ("svg", version, "founding-years", None) in keys
    assert all(k[1] == version for k in keys)
    assert "max-age" in first.headers["Cache-Control"]


# -- the page ----------------------------------------------------------------------------------------


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.imgs: list[str] = []
        self.svgs: list[str] = []  # ids of the pictures drawn inline
        self.marks: dict[str, str] = {}  # id -> data-value of every counted mark inline
        self.links: list[str] = []
        self.rows: dict[str, int] = defaultdict(int)
        self._table = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.imgs.append(a["src"])
        elif tag == "svg" and a.get("id"):
            self.svgs.append(a["id"])
        elif tag == "g" and "data-value" in a and a.get("id"):
            self.marks[a["id"]] = a["data-value"]
        elif tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "table":
            self._table = a.get("id")
        elif tag == "tr" and self._table:
            self.rows[self._table] += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None


def test_pictures_page_embeds_the_svgs_with_their_numbers(client, sparql):
    r = client.get("/pictures/")
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = Page()
    page.feed(r.get_data(as_text=True))
    # the pictures are drawn inline (their titles and links work in the page), each also a file
    assert sorted(page.svgs) == ["picture-founding-years", "picture-overlap", "picture-thematic-matrix"]
    files = sorted({urlsplit(h).path for h in page.links if urlsplit(h).path.endswith(".svg")})
    assert files == ["/pictures/founding-years.svg", "/pictures/overlap.svg", "/pictures/participation.svg",
                     "/pictures/thematic-matrix.svg"]
    for name in files:
        assert client.get(name).status_code == 200
    # the inline marks carry the same numbers as the files
    overlap_file, _, _ = svg_numbers(client, "/pictures/overlap.svg", "overlap")
    inline = {k.split("--", 1)[1]: int(v) for k, v in page.marks.items() if k.startswith("overlap--")}
    assert len(inline) > 100 and inline == overlap_file
    n_states = len(sparql("SELECT ?s WHERE { ?s a iscm:State }"))
    assert page.rows["participation-table"] == n_states + 1  # and the header row
    n_mech = len(sparql("SELECT DISTINCT ?m WHERE { GRAPH source:assessment-2019 { ?m iscm:thematicFocus ?t } }"))
    assert page.rows["themes-table"] == n_mech + 1
    founded = len(sparql("SELECT DISTINCT ?m WHERE { ?m iscm:yearEstablished ?y }"))
    assert page.rows["founding-table"] == founded + 1
    lists = members(sparql, LATEST_MEMBER_LIST)
    pairs = sum(1 for a in lists for b in lists if a < b and lists[a] & lists[b])
    assert page.rows["overlap-table"] == pairs + 1
    assert "/query?example=thematic-matrix-2019" in page.links


def test_query_links_on_the_page_give_the_pictures_numbers(client, engine):
    """The 'query behind this picture' link runs on the query page and returns the same numbers."""
    page = Page()
    page.feed(client.get("/pictures/?source=all").get_data(as_text=True))
    queries = [parse_qs(urlsplit(h).query)["query"][0] for h in page.links
               if urlsplit(h).path == "/query" and "query" in parse_qs(urlsplit(h).query)]
    assert len(queries) == 3
    overlap_text = next(q for q in queries if "?shared" in q)
    values, _, _ = svg_numbers(client, "/pictures/overlap.svg?source=all", "overlap")
    rows = list(engine.query(overlap_text).result)
    assert {f"{slug(r['a'].value)}--{slug(r['b'].value)}": int(r["shared"].value) for r in rows} == \
        {k: v for k, v in values.items() if v}
    shown = client.get("/query", query_string={"query": overlap_text})
    assert shown.status_code == 200 and f"<strong>{len(rows)}</strong> rows" in shown.get_data(as_text=True)


def test_source_choice_changes_the_membership_pictures(client):
    body = client.get("/pictures/?source=scpf-2009").get_data(as_text=True)
    assert '<option value="scpf-2009" selected>' in body
    assert "/pictures/overlap.svg?source=scpf-2009" in body
    assert "/pictures/participation.svg?source=scpf-2009" in body
    assert "/pictures/thematic-matrix.svg\"" in body  # not a membership picture: no source


def test_pictures_are_linked_from_landing_and_mechanism_pages(client):
    assert "/pictures/" in client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    body = client.get("/id/mechanism/budapest-process", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "/pictures/#overlap" in body
