"""Grouping quads into page data: the facts about a resource by property, each value with the
graphs that state it; incoming links by property; tables of values × sources; the properties
that sources disagree on.

Pure functions over quads: the names come from a :class:`Names` (a :class:`~.site.Site`, or
labels and sources built from plain tables), so they are tested without an engine.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Protocol

import pyoxigraph as ox

from .sources import GraphInfo, by_order
from .terms import DCT, FOAF, ISCM, RDF_TYPE, SKOS, Node

# The order in which the facts about a mechanism are listed; others follow alphabetically.
FACT_ORDER = [RDF_TYPE, ISCM + "mechanismType", SKOS + "prefLabel", SKOS + "altLabel", ISCM + "iso3166Alpha3",
              DCT + "title", DCT + "issued", DCT + "publisher",
              ISCM + "yearEstablished", ISCM + "initiationDate", ISCM + "cessationDate", ISCM + "memberCountStated",
              ISCM + "memberCountNote", ISCM + "chair", ISCM + "coChair", ISCM + "incomingChair", ISCM + "secretariat",
              ISCM + "associatedOrganization", ISCM + "listedUnderRegion", ISCM + "regionCovered",
              ISCM + "iomRole", ISCM + "iomOffice", ISCM + "thematicFocus", ISCM + "engagedInGcmTheme",
              ISCM + "consideringGcmEngagement", ISCM + "participatedIn", ISCM + "respondedTo",
              SKOS + "definition", SKOS + "scopeNote", SKOS + "inScheme", SKOS + "broader", SKOS + "narrower",
              FOAF + "homepage", SKOS + "editorialNote"]
# Never shown as a disagreement: names in other languages, spelling variants and our own notes.
NOT_COMPARED = {SKOS + "prefLabel", SKOS + "altLabel", SKOS + "editorialNote", ISCM + "memberCountNote"}


class Names(Protocol):
    """What grouping needs to name things: nodes, property headings and graphs."""

    def node(self, term) -> Node: ...

    def prop_node(self, iri: str) -> Node: ...

    def prop_label(self, iri: str) -> str: ...

    def inverse_label(self, iri: str) -> str: ...

    def graph(self, iri: str) -> GraphInfo: ...


@dataclass
class ValueWithGraphs:
    """One value of a property and the graphs that state it."""
    node: Node
    graphs: list[GraphInfo]


@dataclass
class PropertyGroup:
    """A property of a resource with its values (heading: how the page titles it)."""
    prop: Node
    values: list[ValueWithGraphs]
    heading: str = ""

    @property
    def graphs(self) -> list[GraphInfo]:
        """Every graph stating any of the values, in page order."""
        seen: dict[str, GraphInfo] = {}
        for v in self.values:
            for g in v.graphs:
                seen.setdefault(g.iri, g)
        return sorted(seen.values(), key=lambda g: g.order)


@dataclass
class Matrix:
    """Rows × graph columns; each cell a list of (node, note) pairs (empty: the graph says nothing)."""
    columns: list[GraphInfo]
    rows: list[tuple[Node, dict[str, list]]] = field(default_factory=list)
    title: str = ""
    prop: Node | None = None
    # (row IRI, graph IRI) -> where in that source the cell's fact stands (its fact-level citation)
    locators: dict[tuple[str, str], str] = field(default_factory=dict)

    def cell_locator(self, row: Node, column: GraphInfo) -> str:
        """Where the graph of ``column`` states what ``row``'s cell shows ("" when not cited)."""
        return self.locators.get((row.value, column.iri), "")

    def cell(self, row_cells: dict, column: GraphInfo) -> list:
        """What one row says in one graph's column."""
        return row_cells.get(column.iri, [])

    def count(self, column: GraphInfo) -> int:
        """How many rows the graph has something for."""
        return sum(1 for _, cells in self.rows if cells.get(column.iri))



def outgoing(names: Names, quads: Iterable[ox.Quad], iri: str, order: list[str] | None = None,
             skip: set[str] | None = None) -> list[PropertyGroup]:
    """The facts about ``iri`` grouped by property, each value with the graphs that state it."""
    groups: dict[str, dict[tuple, tuple[Node, set[str]]]] = defaultdict(dict)
    for q in quads:
        if not isinstance(q.subject, ox.NamedNode) or q.subject.value != iri:
            continue
        _add(names, groups, q, q.object, skip)
    return _groups(names, groups, order or FACT_ORDER)


def incoming(names: Names, quads: Iterable[ox.Quad], iri: str, skip: set[str] | None = None) -> list[PropertyGroup]:
    """The links to ``iri`` grouped by property, headed as read from ``iri``'s page."""
    groups: dict[str, dict[tuple, tuple[Node, set[str]]]] = defaultdict(dict)
    for q in quads:
        if not isinstance(q.object, ox.NamedNode) or q.object.value != iri or q.subject.value == iri:
            continue
        _add(names, groups, q, q.subject, skip)
    out = _groups(names, groups, [])
    for g in out:
        g.heading = names.inverse_label(g.prop.value)
    return out


def _add(names: Names, groups: dict, q: ox.Quad, term, skip: set[str] | None) -> None:
    p = q.predicate.value
    if skip and p in skip:
        return
    node = names.node(term)
    entry = groups[p].setdefault(node.key, (node, set()))
    entry[1].add(q.graph_name.value)


def _groups(names: Names, groups: dict, order: list[str]) -> list[PropertyGroup]:
    rank = {p: i for i, p in enumerate(order)}
    out = []
    for p in sorted(groups, key=lambda p: (rank.get(p, len(rank)), names.prop_label(p))):
        values = [ValueWithGraphs(node, by_order(names.graph(g) for g in graphs))
                  for node, graphs in groups[p].values()]
        # editorial notes read in the order of their sources, other values alphabetically
        values.sort(key=lambda v: (v.graphs[0].order if v.graphs else 999, v.node.sort_key)
                    if p == SKOS + "editorialNote" else v.node.sort_key)
        out.append(PropertyGroup(names.prop_node(p), values, names.prop_label(p)))
    return out


def matrix(group: PropertyGroup, columns: list[GraphInfo] | None = None) -> Matrix:
    """A property group as rows (values) × graphs (✓ where the graph states it)."""
    columns = columns or group.graphs
    m = Matrix(columns, title=group.heading, prop=group.prop)
    for v in group.values:
        m.rows.append((v.node, {g.iri: [(None, None)] for g in v.graphs}))
    return m


def differences(facts: list[PropertyGroup]) -> list[tuple[PropertyGroup, dict[str, list[tuple[Node, bool]]]]]:
    """Properties that two or more sources state with different values: per source, its values,
    each flagged True when every source stating the property gives it too."""
    out = []
    for group in facts:
        if group.prop.value in NOT_COMPARED:
            continue
        per_source: dict[str, list[Node]] = defaultdict(list)
        for v in group.values:
            for g in v.graphs:
                if g.is_source:
                    per_source[g.iri].append(v.node)
        sets = [frozenset(n.key for n in ns) for ns in per_source.values()]
        if len(per_source) >= 2 and len(set(sets)) > 1:
            shared = frozenset.intersection(*sets)
            out.append((group, {g: [(n, n.key in shared) for n in ns] for g, ns in per_source.items()}))
    return out
