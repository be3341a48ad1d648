"""The query engine behind the service: the embedded Oxigraph store holding the merged dataset.

The HTTP layer talks to pyoxigraph directly so that results are serialized by the engine
itself (no per-row Python objects); the rdflib ``Dataset`` view over the same store is
what Python code and the linked-data pages use.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from .loading import build_is_fresh, dataset_from_store, dist_path, graph_files, load_store, project_root
from .namespaces import PREFIXES


class QueryError(ValueError):
    """The query text is not valid SPARQL 1.1 (the message is the parser's)."""


@dataclass
class QueryOutcome:
    kind: str  # "SELECT", "ASK" or "GRAPH"
    result: object
    seconds: float


class Engine:
    """An embedded Oxigraph store whose default graph is the union of the named graphs."""

    def __init__(self, store: ox.Store, origin: str):
        self.store = store
        self.origin = origin
        self.dataset: Dataset = dataset_from_store(store)

    @classmethod
    def from_project(cls, root: Path | None = None) -> "Engine":
        root = root or project_root()
        if build_is_fresh(root):
            store = ox.Store()
            store.bulk_load(path=str(dist_path(root)), format=ox.RdfFormat.N_QUADS)
            return cls(store, origin=str(dist_path(root)))
        return cls(load_store(graph_files(root)), origin=str(root))

    def __len__(self) -> int:
        return len(self.store)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, text: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryOutcome:
        """Run a SPARQL query; protocol dataset parameters override the union default graph."""
        kwargs: dict = {}
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        started = time.perf_counter()
        try:
            result = self.store.query(text, **kwargs)
        except SyntaxError as exc:
            raise QueryError(str(exc)) from None
        except ValueError as exc:  # e.g. an invalid IRI in default-graph-uri
            raise QueryError(str(exc)) from None
        if isinstance(result, ox.QueryBoolean):
            kind = "ASK"
        elif isinstance(result, ox.QuerySolutions):
            kind = "SELECT"
        else:
            kind = "GRAPH"
        return QueryOutcome(kind, result, time.perf_counter() - started)

    def select(self, text: str) -> list[dict[str, object]]:
        """Convenience for Python callers: SELECT rows as dicts of pyoxigraph terms."""
        outcome = self.query(_with_prefixes(text))
        if outcome.kind != "SELECT":
            raise QueryError("not a SELECT query")
        names = [v.value for v in outcome.result.variables]
        return [{n: row[n] for n in names} for row in outcome.result]


def _with_prefixes(text: str) -> str:
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if f"{p}:" in text)
    return declared + text
