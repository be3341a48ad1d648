"""Read models of entity pages: participation tables, meetings, history and role usage."""

from __future__ import annotations

from collections import defaultdict

from ..grouping import Matrix
from ..site import Site
from ..terms import ID, Node, iri_ref
from .locators import change_locators, membership_locators, record_locators, with_locators


def participation(site: Site, iri: str, as_member: bool) -> list[Matrix]:
    """Memberships of a mechanism (rows: participants) or of a participant (rows: mechanisms),
    with the role each source gives, in columns per source. Returns one matrix per kind of row."""
    ref = iri_ref(iri)
    if as_member:
        pattern = f"?ms org:member {ref} ; org:organization ?row ; org:role ?role ."
    else:
        pattern = f"?ms org:organization {ref} ; org:member ?row ; org:role ?role ."
    rows = site.select(f"""
        SELECT ?g ?row ?role ?note WHERE {{
          GRAPH ?g {{ {pattern} OPTIONAL {{ ?ms iscm:membershipNote ?note }} }} ?g a iscm:SourceDocument .
        }}""")
    columns = site.membership_sources
    if not as_member:  # a mechanism's members: each source's column says where that source lists them
        columns = with_locators(columns, record_locators(site, f"?ms org:organization {ref} .", "?ms"))
    by_kind: dict[str, dict[str, tuple[Node, dict[str, list]]]] = defaultdict(dict)
    for r in rows:
        row_iri = r["row"].value
        kind = _kind(row_iri)
        node = site.node(r["row"])
        entry = by_kind[kind].setdefault(row_iri, (node, defaultdict(list)))
        cell = entry[1][r["g"].value]
        role = site.node(r["role"])
        note = r["note"].value if r["note"] else None
        if not any(existing[0].value == role.value for existing in cell):
            cell.append((role, note))
    cell_locators = membership_locators(site, ref) if as_member else {}
    titles = {"country": "States and territories", "organization": "Organizations",
              "mechanism": "Mechanisms", "other": "Others"}
    matrices = []
    for kind in ("country", "organization", "mechanism", "other"):
        if kind in by_kind:
            m = Matrix(columns, title=titles[kind])
            m.rows = sorted(by_kind[kind].values(), key=lambda e: e[0].sort_key)
            if as_member:  # a participant's mechanisms: each cell says where that source lists it
                m.locators = cell_locators
            matrices.append(m)
    return matrices


def meetings(site: Site, iri: str) -> list[dict]:
    """The meetings of a mechanism, newest first, each with the sources that record it."""
    rows = site.select(f"""
        SELECT ?meeting ?g ?date ?end ?type ?city ?country WHERE {{
          GRAPH ?g {{ ?meeting iscm:meetingOf {iri_ref(iri)} .
            OPTIONAL {{ ?meeting iscm:startDate ?date }} OPTIONAL {{ ?meeting iscm:endDate ?end }}
            OPTIONAL {{ ?meeting iscm:meetingType ?type }} OPTIONAL {{ ?meeting iscm:venueCity ?city }}
            OPTIONAL {{ ?meeting iscm:venueCountry ?country }} }}
        }} ORDER BY DESC(STR(?date)) ?meeting""")
    out: dict[str, dict] = {}
    for r in rows:
        m = out.setdefault(r["meeting"].value, {
            "meeting": site.node(r["meeting"]), "graphs": set(),
            "date": r["date"].value if r["date"] else "", "end": r["end"].value if r["end"] else "",
            "type": site.node(r["type"]) if r["type"] else None,
            "city": r["city"].value if r["city"] else "",
            "country": site.node(r["country"]) if r["country"] else None})
        m["graphs"].add(r["g"].value)
    where = record_locators(site, f"?meeting iscm:meetingOf {iri_ref(iri)} .", "?meeting", per_record=True)
    for key, m in out.items():
        m["graphs"] = with_locators(site.graph_infos(m["graphs"]), where, key=lambda g, k=key: (k, g.iri))
    return list(out.values())


def history(site: Site, iri: str) -> list[dict]:
    """Changes a mechanism went through or came from (change events and replacements), by date."""
    ref = iri_ref(iri)
    rows = site.select(f"""
        SELECT ?g ?event ?from ?to ?date WHERE {{
          {{ GRAPH ?g {{ ?event a org:ChangeEvent ; org:originalOrganization ?from ; org:resultingOrganization ?to .
                       OPTIONAL {{ ?event dcterms:date ?date }} }} FILTER(?from = {ref} || ?to = {ref}) }}
          UNION
          {{ GRAPH ?g {{ ?to dcterms:replaces ?from }} FILTER(?from = {ref} || ?to = {ref}) }}
          ?g a iscm:SourceDocument .
        }}""")
    out: dict[tuple, dict] = {}
    for r in rows:
        key = (r["from"].value, r["to"].value)
        h = out.setdefault(key, {"from": site.node(r["from"]), "to": site.node(r["to"]),
                                 "event": None, "date": "", "graphs": set()})
        if r["event"]:
            h["event"] = site.node(r["event"])
        if r["date"]:
            h["date"] = r["date"].value
        h["graphs"].add(r["g"].value)
    where = change_locators(site, ref)
    for key, h in out.items():
        h["graphs"] = with_locators(site.graph_infos(h["graphs"]), where, key=lambda g, k=key: (k, g.iri))
    return sorted(out.values(), key=lambda h: h["date"])


def role_usage(site: Site, role: str) -> Matrix:
    """For a role concept: how many participants each source lists in that role, per mechanism."""
    rows = site.select(f"""
        SELECT ?g ?m (COUNT(DISTINCT ?x) AS ?n) WHERE {{
          GRAPH ?g {{ ?ms org:role {iri_ref(role)} ; org:organization ?m ; org:member ?x }} ?g a iscm:SourceDocument .
        }} GROUP BY ?g ?m""")
    m = Matrix(site.membership_sources, title="participants listed in this role")
    rows_by: dict[str, tuple[Node, dict]] = {}
    for r in rows:
        entry = rows_by.setdefault(r["m"].value, (site.node(r["m"]), {}))
        entry[1][r["g"].value] = [(None, r["n"].value)]
    m.rows = sorted(rows_by.values(), key=lambda e: e[0].sort_key)
    return m


def _kind(iri: str) -> str:
    if iri.startswith(ID):
        kind = iri[len(ID):].split("/")[0]
        if kind in ("country", "organization", "mechanism"):
            return kind
    return "other"
