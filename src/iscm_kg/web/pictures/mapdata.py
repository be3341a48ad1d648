"""What the maps and the membership chart show, read from the graph with SPARQL.

Each function takes the page's :class:`~iscm_kg.web.describe.Site` and returns plain data for
:mod:`.maps` and :mod:`.charts`. Sources are the graphs typed ``iscm:SourceDocument``, so
derived and reference graphs (the "latest" view, M49 regions, names) are never mistaken for one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..site import Site
from ..sources import GraphInfo
from ..terms import ID, iri_ref, local_name
from .maps import Category, Layer, MapSpec

COUNTRY = ID + "country/"
ROLE = ID + "role/"
# how a State's role in one source colours the map; the first that applies wins
ROLE_CATEGORIES = [
    Category("member", "member", "#1b7837"),
    Category("observer", "observer", "#e08214"),
    Category("partner", "partner", "#762a83"),
    Category("other", "other role (expected, suspended or former member, steering group, participant…)", "#5e8fc4"),
]
ROLE_ORDER = {"member": 0, "observer": 1, "partner": 2}
# bins of a count of mechanisms, for the choropleth
BIN_COLOURS = ["#d9f0d3", "#a6dba0", "#5aae61", "#1b7837", "#0b4d22", "#062d14"]


def _iso3(iri: str) -> str | None:
    return iri[len(COUNTRY):] if iri.startswith(COUNTRY) else None


def _category(role_slug: str) -> str:
    return role_slug if role_slug in ROLE_ORDER else "other"


def _states(site: Site) -> tuple[dict[str, str], dict[str, str]]:
    """Names and page links of every State, by ISO alpha-3."""
    rows = site.select("SELECT ?s WHERE { ?s a iscm:State }")
    names, hrefs = {}, {}
    for r in rows:
        code = _iso3(r["s"].value)
        if code:
            names[code] = site.label(r["s"].value)
            hrefs[code] = site.href(r["s"].value)
    return names, hrefs


@dataclass
class SourceCounts:
    """One source's view of a mechanism's participants: listed by role, and the total it states."""
    source: GraphInfo
    listed: dict[str, int] = field(default_factory=dict)  # category key -> States and others listed
    stated: list[str] = field(default_factory=list)  # memberCountStated values, as written

    @property
    def total_listed(self) -> int:
        """How many participants the source lists, all roles together."""
        return sum(self.listed.values())

    @property
    def count_only(self) -> bool:
        """Whether the source states a number but lists no one."""
        return bool(self.stated) and not self.listed

    @property
    def stated_number(self) -> int | None:
        """The stated number of members when it is a plain number."""
        for value in self.stated:
            digits = "".join(ch for ch in value if ch.isdigit())
            if digits and len(digits) == len(value.strip()):
                return int(digits)
        return None


def mechanism_roles(site: Site, iri: str) -> dict[str, dict[str, str]]:
    """source graph -> ISO alpha-3 -> map category, for the States each source lists."""
    rows = site.select(f"""
        SELECT ?g ?state ?role WHERE {{
          GRAPH ?g {{ ?ms org:organization {iri_ref(iri)} ; org:member ?state ; org:role ?role }}
          ?g a iscm:SourceDocument . ?state a iscm:State .
        }}""")
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for r in rows:
        code = _iso3(r["state"].value)
        if not code:
            continue
        cat = _category(local_name(r["role"].value))
        old = out[r["g"].value].get(code)
        if old is None or ROLE_ORDER.get(cat, 9) < ROLE_ORDER.get(old, 9):
            out[r["g"].value][code] = cat
    return out


def mechanism_counts(site: Site, iri: str) -> list[SourceCounts]:
    """Per source (oldest first): participants listed by role (any kind of participant), and the
    number of members the source states; sources that say neither are left out."""
    ref = iri_ref(iri)
    rows = site.select(f"""
        SELECT ?g ?role (COUNT(DISTINCT ?x) AS ?n) WHERE {{
          GRAPH ?g {{ ?ms org:organization {ref} ; org:member ?x ; org:role ?role }} ?g a iscm:SourceDocument .
        }} GROUP BY ?g ?role""")
    stated = site.select(f"""
        SELECT ?g ?n WHERE {{ GRAPH ?g {{ {ref} iscm:memberCountStated ?n }} ?g a iscm:SourceDocument . }}""")
    by: dict[str, SourceCounts] = {}
    for r in rows:
        entry = by.setdefault(r["g"].value, SourceCounts(site.graph(r["g"].value)))
        cat = _category(local_name(r["role"].value))
        entry.listed[cat] = entry.listed.get(cat, 0) + int(r["n"].value)
    for r in stated:
        by.setdefault(r["g"].value, SourceCounts(site.graph(r["g"].value))).stated.append(r["n"].value)
    return sorted(by.values(), key=lambda c: c.source.order)


def mechanism_map(site: Site, iri: str) -> MapSpec | None:
    """Members, observers and partners per source, one layer per source (latest first)."""
    roles = mechanism_roles(site, iri)
    if not roles:
        return None
    names, hrefs = _states(site)
    layers, details = [], defaultdict(dict)
    for g in sorted((site.graph(g) for g in roles), key=lambda g: -g.order):
        values = roles[g.iri]
        counts = defaultdict(int)
        for code, cat in values.items():
            counts[cat] += 1
            details[code][g.slug] = _role_label(cat)
        said = ", ".join(f"{n} {_role_label(c)}{'s' if n != 1 else ''}" for c, n in sorted(
            counts.items(), key=lambda t: ROLE_ORDER.get(t[0], 9)))
        layers.append(Layer(g.slug, _layer_label(g), values, f"{g.title} ({g.year}) lists {said}."))
    label = site.label(iri)
    return MapSpec(f"map-{local_name(iri)}", f"States taking part in {label}, by source", ROLE_CATEGORIES,
                   layers, names, hrefs, dict(details))


def _layer_label(g: GraphInfo) -> str:
    return g.short if not g.year or g.short.endswith(g.year) else f"{g.short} ({g.year})"


def _role_label(cat: str) -> str:
    return "other role" if cat == "other" else cat


def state_map(site: Site, iri: str) -> MapSpec | None:
    """The world map of a State's page: the State alone, marked."""
    code = _iso3(iri)
    if not code:
        return None
    names, hrefs = _states(site)
    label = site.label(iri)
    layer = Layer("here", label, {code: "here"})
    return MapSpec(f"map-{code}", f"Where {label} is", [Category("here", label, "#c2410c")], [layer],
                   names, hrefs, {code: {"here": "this page"}})


def participation_counts(site: Site) -> dict[str, dict[str, int]]:
    """source graph -> ISO alpha-3 -> number of mechanisms the source lists the State as a member of."""
    rows = site.select("""
        SELECT ?g ?state (COUNT(DISTINCT ?m) AS ?n) WHERE {
          GRAPH ?g { ?ms org:member ?state ; org:organization ?m ; org:role role:member }
          ?g a iscm:SourceDocument . ?state a iscm:State .
        } GROUP BY ?g ?state""")
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for r in rows:
        code = _iso3(r["state"].value)
        if code:
            out[r["g"].value][code] = int(r["n"].value)
    return out


def union_counts(site: Site) -> dict[str, int]:
    """For every State, the number of mechanisms any source lists it as a member of."""
    rows = site.select("""
        SELECT ?state (COUNT(DISTINCT ?m) AS ?n) WHERE {
          GRAPH ?g { ?ms org:member ?state ; org:organization ?m ; org:role role:member }
          ?g a iscm:SourceDocument . ?state a iscm:State .
        } GROUP BY ?state""")
    return {code: int(r["n"].value) for r in rows if (code := _iso3(r["state"].value))}


def bins(most: int) -> list[tuple[int, int]]:
    """Up to six ranges of counts covering 1..most, narrow at the low end."""
    edges = [1, 2, 3, 5, 8, 12, 18, 27, 40]
    out, lo = [], 1
    for e in edges[1:]:
        if lo > most:
            break
        out.append((lo, min(e - 1, most)))
        lo = e
    if lo <= most:
        out.append((lo, most))
    while len(out) > len(BIN_COLOURS):
        a, b = out.pop(), out.pop()
        out.append((b[0], a[1]))
    return out


def _bin_key(n: int, ranges: list[tuple[int, int]]) -> str:
    for lo, hi in ranges:
        if lo <= n <= hi:
            return f"{lo}-{hi}"
    return ""


def choropleth(site: Site, first: str | None = None, all_label: str = "all sources (union)") -> MapSpec:
    """The number of mechanisms each State is a member of, per source and for all together."""
    per = participation_counts(site)
    union = union_counts(site)
    names, hrefs = _states(site)
    ranges = bins(max(union.values(), default=1))
    cats = [Category(f"{lo}-{hi}", str(lo) if lo == hi else f"{lo}–{hi}", BIN_COLOURS[i])
            for i, (lo, hi) in enumerate(ranges)]
    layers, details = [], defaultdict(dict)
    for g in sorted((site.graph(g) for g in per), key=lambda g: -g.order):
        counts = per[g.iri]
        layers.append(Layer(g.slug, _layer_label(g), {c: _bin_key(n, ranges) for c, n in counts.items()},
                            f"{g.title} ({g.year}): {len(counts)} States listed as a member of at least one mechanism."))
        for c, n in counts.items():
            details[c][g.slug] = f"member of {n}"
    layers.append(Layer("all", all_label, {c: _bin_key(n, ranges) for c, n in union.items()},
                        f"Any source: {len(union)} States listed as a member of at least one mechanism."))
    for c, n in union.items():
        details[c]["all"] = f"member of {n}"
    if first:  # the layer shown without a click: the page's choice of source
        layers.sort(key=lambda layer: layer.key != first)
    return MapSpec("map-participation", "Number of mechanisms each State is a member of, by source", cats, layers,
                   names, hrefs, dict(details))


__all__ = ["SourceCounts", "choropleth", "mechanism_counts", "mechanism_map", "state_map"]
