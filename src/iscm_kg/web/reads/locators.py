"""Where in its source each fact on a page stands: the fact-level citations (docs/modelling.md,
"Citations") turned into the locator shown on a source's badge.

Facts are cited one by one (subject, predicate, object); records whose every triple comes from one
row (memberships, meetings) are cited whole, by their subject.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ...citations import locators_query, record_citation
from ..grouping import PropertyGroup
from ..site import Site
from ..terms import iri_ref


def add_fact_locators(site: Site, groups: list[PropertyGroup], iri: str) -> None:
    """Give each source badge of each fact about ``iri`` the locator of that fact in that source."""
    found: dict[tuple, list[str]] = defaultdict(list)
    for r in site.select(locators_query(iri_ref(iri))):
        found[(r["g"].value, r["p"].value, site.node(r["o"]).key)].append(r["where"].value)
    if not found:
        return
    for group in groups:
        for v in group.values:
            v.graphs = [replace(g, locator="; ".join(sorted(set(found[key]))))
                        if (key := (g.iri, group.prop.value, v.node.key)) in found else g for g in v.graphs]


def record_locators(site: Site, pattern: str, var: str, per_record: bool = False) -> dict:
    """Locators of the records (memberships, meetings) ``pattern`` binds to ``var``, per source graph
    (or per record and graph when ``per_record``)."""
    found: dict = defaultdict(set)
    for r in site.select(f"""SELECT DISTINCT ?g {var} ?where WHERE {{
          GRAPH ?g {{ {pattern} {record_citation(var)} }}
          ?part iscm:locator ?where }}"""):
        key = (r[var[1:]].value, r["g"].value) if per_record else r["g"].value
        found[key].add(r["where"].value)
    return found


def with_locators(graphs: list, where: dict, key=lambda g: g.iri) -> list:
    """The graphs, each with the locators ``where`` holds for it joined into its badge's locator."""
    return [replace(g, locator="; ".join(sorted(where[key(g)]))) if key(g) in where else g for g in graphs]


def change_locators(site: Site, ref: str) -> dict:
    """Where each source states a change of name or successor that involves ``ref``, keyed by
    ((from, to), graph): a change event is a record cited whole, a ``dcterms:replaces`` a fact."""
    found: dict = defaultdict(set)
    for r in site.select(f"""SELECT DISTINCT ?g ?from ?to ?where WHERE {{
          {{ GRAPH ?g {{ ?event a org:ChangeEvent ; org:originalOrganization ?from ; org:resultingOrganization ?to .
                       {record_citation("?event")} }} }}
          UNION
          {{ GRAPH ?g {{ ?to dcterms:replaces ?from .
                       ?c iscm:citesSubject ?to ; iscm:citesPredicate dcterms:replaces ; iscm:citesObject ?from ;
                          iscm:citedAt ?part }} }}
          FILTER (?from = {ref} || ?to = {ref})
          ?part iscm:locator ?where }}"""):
        found[((r["from"].value, r["to"].value), r["g"].value)].add(r["where"].value)
    return found


def add_incoming_locators(site: Site, matrices: list, iri: str) -> None:
    """Fill the cell locators of the tables of links to ``iri`` (a theme's mechanisms, a State's
    chairs): for each (subject, graph), where that source states the link."""
    found: dict = defaultdict(set)
    for r in site.select(f"""SELECT DISTINCT ?g ?s ?p ?where WHERE {{
          GRAPH ?g {{ ?c iscm:citesObject {iri_ref(iri)} ; iscm:citesSubject ?s ; iscm:citesPredicate ?p ;
                         iscm:citedAt ?part }}
          ?part iscm:locator ?where }}"""):
        found[(r["p"].value, r["s"].value, r["g"].value)].add(r["where"].value)
    for m in matrices:
        prop = m.prop.value if m.prop is not None else ""
        m.locators = {(s, g): "; ".join(sorted(w)) for (p, s, g), w in found.items() if p == prop}


def membership_locators(site: Site, member: str) -> dict[tuple[str, str], str]:
    """Where each source lists ``member`` in each mechanism: (mechanism, graph) -> locator."""
    found: dict = defaultdict(set)
    for r in site.select(f"""SELECT DISTINCT ?g ?row ?where WHERE {{
          GRAPH ?g {{ ?ms org:member {member} ; org:organization ?row . {record_citation("?ms")} }}
          ?part iscm:locator ?where }}"""):
        found[(r["row"].value, r["g"].value)].add(r["where"].value)
    return {key: "; ".join(sorted(w)) for key, w in found.items()}
