"""/organizations: every organization with its acronym, what it is part of and how it takes part
in mechanisms, filterable by that role (server side) and by text and sortable (tables.js; the
browser test in test_browser.py). Checked against SPARQL over the bundled graph."""

from __future__ import annotations

import re

from page_support import html

ORG_PAGE = re.compile(r'<tr><th scope="row"><a class="iri" href="/id/organization/([^"]+)"[^>]*>[^<]*</a></th>'
                      r'<td>([^<]*)</td>\s*<td>(.*?)</td>\s*<td class="involvement">(.*?)</td>\s*'
                      r'<td class="num" data-value="(\d+)">.*?</td>\s*<td class="num" data-value="(\d+)">', re.S)


def rows(page: str) -> dict[str, dict]:
    return {slug: {"acronym": acr, "part_of": re.findall(r'href="/id/organization/([^"]+)"', parent),
                   "roles": dict((k, int(n)) for k, n in re.findall(r'<span class="role">([^<]+?) <span class="count">\((\d+)\)', inv)),
                   "mechanisms": int(n), "other_roles": int(roles)}
            for slug, acr, parent, inv, n, roles in ORG_PAGE.findall(page)}


def slugs(found: list[dict], var: str) -> set[str]:
    return {r[var].rsplit("/", 1)[1] for r in found}


def test_every_organization_is_listed_with_its_numbers(client, sparql):
    listed = rows(html(client, "/organizations"))
    everyone = sparql("SELECT ?o WHERE { ?o a <http://www.w3.org/ns/org#FormalOrganization> }")
    assert set(listed) == slugs(everyone, "o") and len(listed) >= 100
    members = sparql("""PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?o (COUNT(DISTINCT ?m) AS ?n) WHERE { ?o a org:FormalOrganization . ?ms org:member ?o ; org:organization ?m }
        GROUP BY ?o""")
    assert {r["o"].rsplit("/", 1)[1]: int(r["n"]) for r in members} == {
        slug: r["mechanisms"] for slug, r in listed.items() if r["mechanisms"]}
    assert '<span class="shown">%d</span> organizations' % len(listed) in html(client, "/organizations")


def test_acronym_parent_and_roles(client, sparql):
    listed = rows(html(client, "/organizations"))
    assert listed["eclac"]["acronym"] == "ECLAC"  # the one the names give in brackets, not CEPAL
    assert listed["iom"]["acronym"] == "IOM"
    assert listed["eccas-secretariat"]["part_of"] == ["eccas"]
    secretariats = sparql("""PREFIX iscm: <https://w3id.org/iscm/ontology#>
        SELECT ?o (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m iscm:secretariat ?o . ?o a <http://www.w3.org/ns/org#FormalOrganization> }
        GROUP BY ?o""")
    assert {r["o"].rsplit("/", 1)[1]: int(r["n"]) for r in secretariats} == {
        slug: r["roles"]["secretariat"] for slug, r in listed.items() if "secretariat" in r["roles"]}
    observers = sparql("""PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?o (COUNT(DISTINCT ?m) AS ?n) WHERE { ?o a org:FormalOrganization .
          ?ms org:member ?o ; org:organization ?m ; org:role <https://w3id.org/iscm/id/role/observer> } GROUP BY ?o""")
    assert {r["o"].rsplit("/", 1)[1]: int(r["n"]) for r in observers} == {
        slug: r["roles"]["observer"] for slug, r in listed.items() if "observer" in r["roles"]}
    # the roles read in words, most frequent first
    icmpd = list(listed["icmpd"]["roles"].items())
    assert icmpd[0][0] == "secretariat" and [n for _, n in icmpd] == sorted((n for _, n in icmpd), reverse=True)


def test_filter_by_role(client, sparql):
    page = html(client, "/organizations?role=secretariat")
    listed = rows(page)
    expected = sparql("""PREFIX iscm: <https://w3id.org/iscm/ontology#>
        SELECT DISTINCT ?o WHERE { ?m iscm:secretariat ?o . ?o a <http://www.w3.org/ns/org#FormalOrganization> }""")
    assert set(listed) == slugs(expected, "o")
    assert '<option value="secretariat" selected>secretariat</option>' in page
    assert "with the role secretariat" in page
    by_iri = rows(html(client, "/organizations?role=https://w3id.org/iscm/id/role/observer"))
    assert set(by_iri) == set(rows(html(client, "/organizations?role=observer"))) and "icmpd" in by_iri


def test_unknown_role_is_a_readable_400(client):
    r = client.get("/organizations?role=emperor", headers={"Accept": "text/html"})
    assert r.status_code == 400 and r.mimetype == "text/html"
    assert "Unknown role: emperor" in r.get_data(as_text=True)
