"""Index pages' extra data: whether a mechanism has ended, States with their UN M49 region,
and every meeting. SPARQL over the engine through the page's :class:`~.describe.Site`.

Regions (``iscm:m49Region``/``iscm:m49SubRegion``) come from a graph another part of the
project adds; they are read with OPTIONAL, so the pages work (with an empty column) without it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .describe import GraphInfo, Node, Site


@dataclass
class Status:
    """Whether the graph records a mechanism as ended: a cessation date, or a successor."""
    ended: bool = False
    date: str = ""
    successors: list[Node] = field(default_factory=list)

    @property
    def sort_key(self) -> str:
        return f"ended {self.date}" if self.ended else "active"


def mechanism_status(site: Site) -> dict[str, Status]:
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
    found = {row.region.value: row.region for row in rows if row.region}
    return sorted(found.values(), key=lambda n: n.sort_key)


@dataclass
class MeetingRow:
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
        m.graphs = sorted((site.graph(g) for g in graphs[iri]), key=lambda g: g.order)
    return sorted(out.values(), key=lambda m: (m.date, m.node.label), reverse=True)


__all__ = ["MeetingRow", "StateRow", "Status", "meetings", "mechanism_status", "regions", "states"]
