"""Read models of the index pages: mechanisms (with the filters of the index and whether each has
ended), States with their UN M49 region, organizations, every meeting, and the landing page's
counts. SPARQL over the engine through the page's :class:`~.site.Site`.

Regions (``iscm:m49Region``/``iscm:m49SubRegion``) come from a graph another part of the
project adds; they are read with OPTIONAL, so the pages work (with an empty column) without it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .site import Site
from .sources import GraphInfo
from .terms import ID, ISCM, ORG, SKOS, Node, iri_ref


@dataclass
class Status:
    """Whether the graph records a mechanism as ended: a cessation date, or a successor."""
    ended: bool = False
    date: str = ""
    successors: list[Node] = field(default_factory=list)

    @property
    def sort_key(self) -> str:
        """Active mechanisms first, ended ones by their date."""
        return f"ended {self.date}" if self.ended else "active"


def mechanism_status(site: Site) -> dict[str, Status]:
    """For every mechanism the graph records as ended: the date and its successors."""
    rows = site.select("""
        SELECT ?m ?date ?next WHERE {
          ?m a iscm:InterStateConsultationMechanism .
          { ?m iscm:cessationDate ?date } UNION { ?next dcterms:replaces ?m }
          UNION { ?e org:originalOrganization ?m ; org:resultingOrganization ?next FILTER(?next != ?m) }
        }""")
    out: dict[str, Status] = defaultdict(Status)
    for r in rows:
        st = out[r["m"].value]
        st.ended = True
        if r["date"] is not None and r["date"].value > st.date:
            st.date = r["date"].value
        if r["next"] is not None and all(n.value != r["next"].value for n in st.successors):
            st.successors.append(site.node(r["next"]))
    return dict(out)


@dataclass
class StateRow:
    """A row of /states: a State with its code, M49 region and sub-region, and counts."""
    node: Node
    code: str
    region: Node | None
    subregion: Node | None
    mechanisms: int
    roles: int


def states(site: Site) -> list[StateRow]:
    """Every State with its M49 region and sub-region (when the graph has them) and counts."""
    rows = site.select("""
        SELECT ?s ?code ?region ?sub (COUNT(DISTINCT ?m) AS ?n) (COUNT(DISTINCT ?r) AS ?roles) WHERE {
          ?s a iscm:State .
          OPTIONAL { ?s iscm:iso3166Alpha3 ?code }
          OPTIONAL { ?s iscm:m49Region ?region }
          OPTIONAL { ?s iscm:m49SubRegion ?sub }
          OPTIONAL { ?ms org:member ?s ; org:organization ?m }
          OPTIONAL { ?r iscm:chair|iscm:coChair|iscm:secretariat|iscm:associatedOrganization|iscm:incomingChair ?s }
        } GROUP BY ?s ?code ?region ?sub""")
    out = [StateRow(site.node(r["s"]), r["code"].value if r["code"] else "",
                    site.node(r["region"]) if r["region"] else None, site.node(r["sub"]) if r["sub"] else None,
                    int(r["n"].value), int(r["roles"].value)) for r in rows]
    return sorted(out, key=lambda row: row.node.sort_key)


def regions(rows: list[StateRow]) -> list[Node]:
    """The regions the rows are in, by name (the options of the filter)."""
    found = {row.region.value: row.region for row in rows if row.region}
    return sorted(found.values(), key=lambda n: n.sort_key)


@dataclass
class MeetingRow:
    """A row of /meetings: a meeting, what it was a meeting of, when and where, and its sources."""
    node: Node
    mechanisms: list[Node] = field(default_factory=list)
    date: str = ""
    end: str = ""
    kind: Node | None = None
    city: str = ""
    country: Node | None = None
    graphs: list[GraphInfo] = field(default_factory=list)


def meetings(site: Site) -> list[MeetingRow]:
    """Every meeting, newest first, with what it was a meeting of and the sources that record it."""
    rows = site.select("""
        SELECT ?mt ?g ?of ?date ?end ?type ?city ?country WHERE {
          GRAPH ?g { ?mt a iscm:Meeting .
            OPTIONAL { ?mt iscm:meetingOf ?of } OPTIONAL { ?mt iscm:startDate ?date } OPTIONAL { ?mt iscm:endDate ?end }
            OPTIONAL { ?mt iscm:meetingType ?type } OPTIONAL { ?mt iscm:venueCity ?city }
            OPTIONAL { ?mt iscm:venueCountry ?country } }
        }""")
    out: dict[str, MeetingRow] = {}
    graphs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        m = out.setdefault(r["mt"].value, MeetingRow(site.node(r["mt"])))
        graphs[r["mt"].value].add(r["g"].value)
        if r["of"] is not None and all(n.value != r["of"].value for n in m.mechanisms):
            m.mechanisms.append(site.node(r["of"]))
        m.date = m.date or (r["date"].value if r["date"] else "")
        m.end = m.end or (r["end"].value if r["end"] else "")
        m.kind = m.kind or (site.node(r["type"]) if r["type"] else None)
        m.city = m.city or (r["city"].value if r["city"] else "")
        m.country = m.country or (site.node(r["country"]) if r["country"] else None)
    for iri, m in out.items():
        m.graphs = site.graph_infos(graphs[iri])
    return sorted(out.values(), key=lambda m: (m.date, m.node.label), reverse=True)


def is_acronym(name: str) -> bool:
    """Whether another name reads as an acronym (short, two capitals or more): 'IGAD-RCP', 'AfDB'."""
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9&+\-. ]{1,11}", name)) and sum(c.isupper() for c in name) >= 2


def acronym(names: set[str]) -> str:
    """The acronym among a thing's names: one that another name gives in brackets
    ("... Caribbean (ECLAC)") before others, then the shortest."""
    bracketed = {m for name in names for m in re.findall(r"\(([^()]+)\)", name)}
    found = sorted((n for n in names if is_acronym(n)), key=lambda n: (n not in bracketed, len(n), n))
    return found[0] if found else ""


def filter_options(site: Site) -> dict[str, list[tuple[Node, int]]]:
    """The types, regions and themes the mechanisms index filters by, each with its number of
    mechanisms."""
    def options(pattern: str, scheme: str | None = None) -> list[tuple[Node, int]]:
        in_scheme = f"?c skos:inScheme <{scheme}> ." if scheme else ""
        rows = site.select(f"""
            SELECT ?c (COUNT(DISTINCT ?m) AS ?n) WHERE {{
              ?m a iscm:InterStateConsultationMechanism . {pattern} ?v skos:broader* ?c . {in_scheme}
            }} GROUP BY ?c""")
        return sorted(((site.node(r["c"]), int(r["n"].value)) for r in rows), key=lambda o: o[0].sort_key)
    return {
        "type": options("?m iscm:mechanismType ?v .", ID + "scheme/mechanism-types"),
        "region": options("?m iscm:listedUnderRegion|iscm:regionCovered ?v .", ID + "scheme/regions"),
        "theme": options("?m iscm:thematicFocus ?v .", ID + "scheme/thematic-foci"),
    }


def mechanisms(site: Site, type_: str | None = None, region: str | None = None, theme: str | None = None) -> list[dict]:
    """Every mechanism (or those of a type, region or theme) with what each source says of its type,
    founding year, region and size."""
    filters = []
    if type_:
        filters.append(f"FILTER EXISTS {{ ?m iscm:mechanismType ?t . ?t skos:broader* {iri_ref(type_)} }}")
    if region:
        filters.append(f"FILTER EXISTS {{ ?m iscm:listedUnderRegion|iscm:regionCovered ?r . ?r skos:broader* {iri_ref(region)} }}")
    if theme:
        filters.append(f"FILTER EXISTS {{ ?m iscm:thematicFocus ?th . ?th skos:broader* {iri_ref(theme)} }}")
    rows = site.select(f"""
        SELECT ?m ?g ?p ?o WHERE {{
          ?m a iscm:InterStateConsultationMechanism . {' '.join(filters)}
          OPTIONAL {{ GRAPH ?g {{ ?m ?p ?o
            FILTER(?p IN (iscm:mechanismType, iscm:yearEstablished, iscm:listedUnderRegion,
                          iscm:memberCountStated, skos:altLabel)) }} }}
        }}""")
    tops = {ID + "typology/rcp", ID + "typology/irf", ID + "typology/global-process", ID + "typology/other-mechanism"}
    out: dict[str, dict] = {}
    for r in rows:
        m = out.setdefault(r["m"].value, {"node": site.node(r["m"]), "types": defaultdict(set), "years": defaultdict(set),
                                          "regions": defaultdict(set), "stated": defaultdict(set),
                                          "acronyms": set(), "sources": set()})
        if r["p"] is None:
            continue
        p, o, g = r["p"].value, r["o"], r["g"].value
        if g in site.graphs and site.graphs[g].is_source:
            m["sources"].add(g)
        if p == ISCM + "mechanismType" and o.value in tops:
            m["types"][o.value].add(g)
        elif p == ISCM + "yearEstablished":
            m["years"][o.value].add(g)
        elif p == ISCM + "listedUnderRegion":
            m["regions"][o.value].add(g)
        elif p == ISCM + "memberCountStated":
            m["stated"][o.value].add(g)
        elif p == SKOS + "altLabel" and is_acronym(o.value):
            m["acronyms"].add(o.value)
    result = []
    for m in out.values():
        def with_graphs(d, as_node=False):
            return [((site.node(k) if as_node else k), site.graph_infos(gs))
                    for k, gs in sorted(d.items())]
        result.append({"node": m["node"], "types": with_graphs(m["types"], True), "years": with_graphs(m["years"]),
                       "regions": with_graphs(m["regions"], True), "stated": with_graphs(m["stated"]),
                       "acronyms": sorted(m["acronyms"], key=len)[:2],
                       "sources": site.graph_infos(m["sources"])})
    return sorted(result, key=lambda m: m["node"].sort_key)


def agents(site: Site, cls: str) -> list[tuple[Node, int, int]]:
    """States or organizations with the number of mechanisms they take part in and other roles."""
    rows = site.select(f"""
        SELECT ?a (COUNT(DISTINCT ?m) AS ?n) (COUNT(DISTINCT ?r) AS ?roles) WHERE {{
          ?a a {iri_ref(cls)} .
          OPTIONAL {{ ?ms org:member ?a ; org:organization ?m }}
          OPTIONAL {{ ?r iscm:chair|iscm:coChair|iscm:secretariat|iscm:associatedOrganization|iscm:incomingChair ?a }}
        }} GROUP BY ?a""")
    return sorted(((site.node(r["a"]), int(r["n"].value), int(r["roles"].value)) for r in rows),
                  key=lambda t: t[0].sort_key)


def stats(site: Site) -> dict[str, int]:
    """The landing page's counts."""
    row = site.select("""
        SELECT (COUNT(DISTINCT ?m) AS ?mechanisms) (COUNT(DISTINCT ?s) AS ?states) (COUNT(DISTINCT ?o) AS ?orgs) WHERE {
          { ?m a iscm:InterStateConsultationMechanism } UNION { ?s a iscm:State } UNION { ?o a org:FormalOrganization }
        }""")[0]
    extra = site.select("""
        SELECT (COUNT(DISTINCT ?ms) AS ?memberships) (COUNT(DISTINCT ?mt) AS ?meetings) WHERE {
          { ?ms a org:Membership } UNION { ?mt a iscm:Meeting } }""")[0]
    return {"mechanisms": int(row["mechanisms"].value), "states": int(row["states"].value),
            "organizations": int(row["orgs"].value), "memberships": int(extra["memberships"].value),
            "meetings": int(extra["meetings"].value), "quads": len(site.engine),
            "sources": len(site.sources)}


# How an organization is involved with mechanisms besides memberships (whose roles are concepts
# of the roles scheme: observer, partner...): the property, and the words for it.
INVOLVEMENTS = {ISCM + "secretariat": "secretariat", ISCM + "chair": "chair", ISCM + "coChair": "co-chair",
                ISCM + "incomingChair": "incoming chair", ISCM + "associatedOrganization": "associated organization",
                ISCM + "iomOffice": "IOM office", ISCM + "host": "host of meetings",
                ISCM + "respondedTo": "survey respondent"}


@dataclass
class OrganizationRow:
    """A row of /organizations: an organization, its acronym, what it is part of, how it is involved
    with mechanisms (a kind and the number of mechanisms, or meetings, each), and counts."""
    node: Node
    acronym: str = ""
    part_of: list[Node] = field(default_factory=list)
    involvement: list[tuple[Node, int]] = field(default_factory=list)
    mechanisms: int = 0
    roles: int = 0

    def involved_as(self, kind: Node) -> bool:
        """Whether the organization is involved in this way with anything."""
        return any(k.value == kind.value for k, _ in self.involvement)


def organizations(site: Site) -> list[OrganizationRow]:
    """Every organization with its acronym, parent organization and involvement, by name."""
    rows: dict[str, OrganizationRow] = {}
    for node, n, roles in agents(site, ORG + "FormalOrganization"):
        rows[node.value] = OrganizationRow(node, mechanisms=n, roles=roles)
    names: dict[str, set[str]] = defaultdict(set)
    for r in site.select("""
        SELECT ?o ?name ?parent WHERE { ?o a org:FormalOrganization
          OPTIONAL { ?o skos:altLabel|skos:prefLabel ?name } OPTIONAL { ?o org:subOrganizationOf ?parent } }"""):
        if r["name"] is not None:
            names[r["o"].value].add(r["name"].value)
        row = rows[r["o"].value]
        if r["parent"] is not None and all(p.value != r["parent"].value for p in row.part_of):
            row.part_of.append(site.node(r["parent"]))
    for iri, found in names.items():
        rows[iri].acronym = acronym(found)
    wanted = ", ".join(f"<{p}>" for p in INVOLVEMENTS)
    for r in site.select(f"""
        SELECT ?o ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?o a org:FormalOrganization .
          {{ ?ms org:member ?o ; org:organization ?x ; org:role ?kind }}
          UNION {{ ?x ?kind ?o FILTER(?kind IN ({wanted})) }}
          UNION {{ ?o iscm:respondedTo ?x BIND(iscm:respondedTo AS ?kind) }}
        }} GROUP BY ?o ?kind"""):
        kind = r["kind"].value
        label = INVOLVEMENTS.get(kind) or site.label(kind)
        node = site.node(kind, label if is_acronym(label.split(" ")[0]) else label[:1].lower() + label[1:])
        rows[r["o"].value].involvement.append((node, int(r["n"].value)))
    for row in rows.values():
        row.involvement.sort(key=lambda item: (-item[1], item[0].sort_key))
    return sorted(rows.values(), key=lambda row: row.node.sort_key)


def involvements(rows: list[OrganizationRow]) -> list[Node]:
    """The kinds of involvement the rows have, by name (the options of the filter)."""
    found = {kind.value: kind for row in rows for kind, _ in row.involvement}
    return sorted(found.values(), key=lambda n: n.sort_key)


__all__ = ["INVOLVEMENTS", "MeetingRow", "OrganizationRow", "StateRow", "Status", "agents", "involvements",
           "acronym", "is_acronym", "organizations", "filter_options", "meetings", "mechanism_status",
           "mechanisms", "regions", "states", "stats"]
