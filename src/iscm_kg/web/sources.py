"""The named graphs as pages show them: each source document (with its year, a short name and a
colour) and the project's own graphs.

Sources are the graphs ``?g`` with ``?g a iscm:SourceDocument``; every other graph (ontology,
registry, the derived "latest" view, reference graphs) is a project graph and never counts as a
source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .terms import local_name


@dataclass(frozen=True)
class GraphInfo:
    """A named graph as shown on pages: a source document (with its year) or a project graph."""
    iri: str
    short: str
    title: str
    year: str
    order: int
    href: str
    is_source: bool
    locator: str = ""  # where in this source the fact it is shown with stands (fact-level citation), if known

    @property
    def css(self) -> str:
        """The colour class of the graph's badges (sources cycle through eight colours)."""
        return f"g{self.order % 8}" if self.is_source else "gp"

    @property
    def slug(self) -> str:
        """The last segment of the graph's IRI."""
        return local_name(self.iri)


def source_short_label(slug: str) -> str:
    """'overview-2017' -> 'Overview 2017', 'grcp7-note-2017' -> 'GRCP7 note 2017'."""
    words = slug.split("-")
    out = []
    for i, w in enumerate(words):
        if w.isdigit():
            out.append(w)
        elif len(w) <= 4 and w.isalpha() and w not in ("note", "of", "and") or any(c.isdigit() for c in w):
            out.append(w.upper())
        else:
            out.append(w.capitalize() if i == 0 else w)
    return " ".join(out)


def by_order(graphs) -> list[GraphInfo]:
    """Graphs in page order: sources by year, project graphs after them."""
    return sorted(graphs, key=lambda g: g.order)


class Sources:
    """Every named graph, by IRI, and the sources among them in page order."""

    def __init__(self, graphs: dict[str, GraphInfo], membership_graphs: Callable[[], list[str]] | None = None):
        self.graphs = graphs
        self._membership_graphs = membership_graphs
        self._membership_sources: list[GraphInfo] | None = None

    @classmethod
    def read(cls, select: Callable[[str], list[dict]], graph_iris: list[str],
             path_for: Callable[[str], str | None]) -> "Sources":
        """The graphs of the store: sources from their descriptions, then the other graphs."""
        rows = select("""
            SELECT ?s ?title ?year WHERE {
              ?s a iscm:SourceDocument .
              OPTIONAL { ?s dcterms:title ?title }
              OPTIONAL { ?s dcterms:issued ?year }
            }""")
        found = sorted(((r["year"].value if r["year"] else "", r["s"].value,
                         r["title"].value if r["title"] else "") for r in rows))
        out: dict[str, GraphInfo] = {}
        for i, (year, iri, title) in enumerate(found):
            out[iri] = GraphInfo(iri, source_short_label(local_name(iri)), title or iri, year, i,
                                 path_for(iri) or iri, True)
        for iri in graph_iris:
            if iri not in out:
                name = local_name(iri)
                out[iri] = GraphInfo(iri, name.capitalize(), f"The project's {name} graph", "",
                                     100 + len(out), path_for(iri) or iri, False)

        def membership_graphs() -> list[str]:
            return [r["g"].value for r in select(
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?ms a org:Membership } ?g a iscm:SourceDocument }")]
        return cls(out, membership_graphs)

    def graph(self, iri: str, href: Callable[[str], str] = str) -> GraphInfo:
        """The graph with this IRI (a placeholder, linked with ``href``, for a graph the store does
        not have)."""
        return self.graphs.get(iri) or GraphInfo(iri, local_name(iri), iri, "", 999, href(iri), False)

    def infos(self, iris) -> list[GraphInfo]:
        """The graphs with these IRIs, in page order."""
        return by_order(self.graph(g) for g in iris)

    @property
    def sources(self) -> list[GraphInfo]:
        """The source documents, oldest first."""
        return by_order(g for g in self.graphs.values() if g.is_source)

    @property
    def membership_sources(self) -> list[GraphInfo]:
        """The sources that list memberships (the columns of participation tables)."""
        if self._membership_sources is None:
            iris = self._membership_graphs() if self._membership_graphs else []
            self._membership_sources = self.infos(iris)
        return self._membership_sources
