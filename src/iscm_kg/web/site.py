"""The graph as the pages of one request see it: a :class:`Site` puts together the engine, the
names of things (:mod:`.labels`, linked under the request's script root), the named graphs
(:mod:`.sources`) and the descriptions of resources (:mod:`.describe`).

What never changes while the service runs (the label table, the list of graphs, the
suggestion index) is read once per application into a :class:`SiteCache` that every request's
:class:`Site` shares.
"""

from __future__ import annotations

from functools import cached_property

import pyoxigraph as ox
from flask import current_app, g, has_request_context, request

from ..catalogue import load_catalogue
from ..engine import Engine
from . import describe as descriptions
from .labels import Labels, label_table
from .sources import GraphInfo, Sources
from .terms import Node


class SiteCache:
    """What a site reads once: labels, derived names, graphs and the suggestion index."""

    def __init__(self, engine: Engine | None, base: str, labels: dict[str, str] | None = None,
                 sources: Sources | None = None):
        self.engine = engine
        self.base = base.rstrip("/")
        if labels is not None:
            self.__dict__["labels"] = labels
        if sources is not None:
            self.__dict__["sources"] = sources

    @cached_property
    def labels(self) -> dict[str, str]:
        """The best name of every IRI the graph names."""
        return label_table(self.engine.select)

    @cached_property
    def sources(self) -> Sources:
        """The named graphs of the store."""
        return Sources.read(self.engine.select, self.engine.graphs(), Labels({}, self.base).path_for)

    @cached_property
    def derived(self) -> dict[str, str]:
        """Names for things the data does not name: change events ("IGAD-RCP → MID-IGAD, 2008")
        and memberships ("Ghana in the Rabat Process: member, Overview 2017")."""
        if self.engine is None:
            return {}
        names = Labels(self.labels, self.base)
        out: dict[str, str] = {}
        for r in self.engine.select("""
            SELECT ?e ?a ?b ?date WHERE { ?e a org:ChangeEvent ; org:originalOrganization ?a ; org:resultingOrganization ?b
                                          OPTIONAL { ?e dcterms:date ?date } }"""):
            when = f", {r['date'].value}" if r["date"] else ""
            out[r["e"].value] = f"{names.label(r['a'].value)} → {names.label(r['b'].value)}{when}"
        for r in self.engine.select("""
            SELECT ?ms ?x ?m ?role ?g WHERE { GRAPH ?g { ?ms org:member ?x ; org:organization ?m ; org:role ?role } }"""):
            out[r["ms"].value] = (f"{names.label(r['x'].value)} in {names.label(r['m'].value)}: "
                                  f"{names.label(r['role'].value)}, {self.sources.graph(r['g'].value).short}")
        return out

    @cached_property
    def suggestions(self) -> descriptions.Suggestions:
        """The index of named things for "did you mean"."""
        return descriptions.Suggestions(self.engine)


class Site:
    """The graph as one request's pages see it (the store is read-only)."""

    def __init__(self, engine: Engine | None, public_base: str, script_root: str = "",
                 cache: SiteCache | None = None):
        self.engine = engine
        self.base = public_base.rstrip("/")
        self.cache = cache or SiteCache(engine, self.base)
        self.names = Labels(self.cache.labels, self.base, script_root, derived=lambda: self.cache.derived)

    def at(self, script_root: str) -> "Site":
        """The same site with links made under another script root (sharing the cache)."""
        return Site(self.engine, self.base, script_root, self.cache)

    # -- queries ------------------------------------------------------------------------------

    def select(self, text: str) -> list[dict]:
        """Solutions of a SELECT query (the project's prefixes declared)."""
        return self.engine.select(text)

    # -- names and links ------------------------------------------------------------------------

    def is_local(self, iri: str) -> bool:
        """Whether this service resolves the IRI."""
        return self.names.is_local(iri)

    def path_for(self, iri: str) -> str | None:
        """The service path of an IRI under the public base (without the script root)."""
        return self.names.path_for(iri)

    def href(self, iri: str) -> str:
        """Where a link to the IRI points."""
        return self.names.href(iri)

    def label(self, iri: str) -> str:
        """The name of an IRI."""
        return self.names.label(iri)

    def prop_label(self, iri: str) -> str:
        """The heading of a property."""
        return self.names.prop_label(iri)

    def inverse_label(self, iri: str) -> str:
        """The heading of incoming links of a property."""
        return self.names.inverse_label(iri)

    def node(self, term, label: str | None = None) -> Node:
        """A term ready for a template."""
        return self.names.node(term, label)

    def prop_node(self, iri: str) -> Node:
        """A property ready for a template."""
        return self.names.prop_node(iri)

    # -- graphs and sources ------------------------------------------------------------------------

    @property
    def graphs(self) -> dict[str, GraphInfo]:
        """Every named graph by IRI."""
        return self.cache.sources.graphs

    def graph(self, iri: str) -> GraphInfo:
        """One named graph."""
        return self.cache.sources.graph(iri, self.href)

    def graph_infos(self, iris) -> list[GraphInfo]:
        """Named graphs in page order."""
        return self.cache.sources.infos(iris)

    @property
    def sources(self) -> list[GraphInfo]:
        """The source documents, oldest first."""
        return self.cache.sources.sources

    @property
    def membership_sources(self) -> list[GraphInfo]:
        """The sources that list memberships."""
        return self.cache.sources.membership_sources

    # -- resources ---------------------------------------------------------------------------------

    def exists(self, iri: str) -> bool:
        """Whether the store says anything about the IRI."""
        return descriptions.exists(self.engine, iri)

    def types(self, iri: str) -> set[str]:
        """The classes of the IRI."""
        return descriptions.types(self.engine, iri)

    def describe(self, iri: str) -> list[ox.Quad]:
        """The concise bounded description of the IRI, with graphs."""
        return descriptions.describe(self.engine, iri)

    def graph_quads(self, graph: str) -> list[ox.Quad]:
        """The content of one named graph."""
        return descriptions.graph_quads(self.engine, graph)

    def suggest(self, iri: str, limit: int = 8) -> list[Node]:
        """Things whose IRI or name is close to an unknown IRI."""
        return [self.node(s) for s in self.cache.suggestions.near(iri, limit)]


DEFAULT_PUBLIC_BASE = "https://w3id.org/iscm"


def current_site() -> Site:
    """The site of the running application (its cache made on first use, and again when the app's
    engine is replaced), with links under the current request's script root."""
    app = current_app
    found = app.extensions.get("iscm_site")
    engine = app.config["ENGINE"]
    if found is None or found.engine is not engine:
        found = Site(engine, app.config.get("PUBLIC_BASE", DEFAULT_PUBLIC_BASE))
        app.extensions["iscm_site"] = found
    if not has_request_context():
        return found
    here = g.get("iscm_site")
    if here is None or here.cache is not found.cache:
        here = g.iscm_site = found.at(request.script_root)
    return here


def current_catalogue() -> dict:
    """The example queries of the catalogue, read once per application."""
    app = current_app
    if "iscm_catalogue" not in app.extensions:
        app.extensions["iscm_catalogue"] = load_catalogue()
    return app.extensions["iscm_catalogue"]
