"""The query engines behind the service.

``Engine`` (the default) is an embedded Oxigraph store holding the merged dataset; the HTTP
layer talks to pyoxigraph directly so that results are serialized by the engine itself, and
the rdflib ``Dataset`` view over the same store is what Python code uses.

``RemoteEngine`` serves the same interface over any SPARQL 1.1 store (Oxigraph server,
Fuseki, QLever, Virtuoso): queries go to its endpoint over the SPARQL protocol and answers
are parsed back into pyoxigraph results, so nothing above this module can tell the two apart.
"""

from __future__ import annotations

import hashlib
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from .loading import build_is_fresh, dataset_from_store, dist_path, graph_files, load_store, project_root
from .namespaces import PREFIXES


class QueryError(ValueError):
    """The query text is not valid SPARQL 1.1 (the message is the parser's)."""


class StoreUnavailable(RuntimeError):
    """A remote store could not be reached or answered with a server error."""


@dataclass
class QueryOutcome:
    kind: str  # "SELECT", "ASK" or "GRAPH"
    result: object  # pyoxigraph QuerySolutions, QueryBoolean or QueryTriples (or a stand-in with .serialize)
    seconds: float


class Engine:
    """An embedded Oxigraph store whose default graph is the union of the named graphs."""

    def __init__(self, store: ox.Store, origin: str, version: str | None = None):
        self.store = store
        self.origin = origin
        self.loaded_at = datetime.now(timezone.utc).replace(microsecond=0)
        self.version = version or hashlib.sha256(f"{origin}|{len(store)}|{self.loaded_at}".encode()).hexdigest()[:16]
        self.dataset: Dataset = dataset_from_store(store)

    @classmethod
    def from_project(cls, root: Path | None = None) -> "Engine":
        root = root or project_root()
        if build_is_fresh(root):
            path = dist_path(root)
            store = ox.Store()
            store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            digest = hashlib.sha256(f"{path.stat().st_mtime_ns}|{path.stat().st_size}".encode()).hexdigest()[:16]
            return cls(store, origin=str(path), version=digest)
        files = graph_files(root)
        newest = max(f.path.stat().st_mtime_ns for f in files)
        digest = hashlib.sha256(f"{newest}|{len(files)}".encode()).hexdigest()[:16]
        return cls(load_store(files), origin=str(root), version=digest)

    def __len__(self) -> int:
        return len(self.store)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        return self.store.dump(format=fmt)

    def query(self, text: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryOutcome:
        """Run a SPARQL query; protocol dataset parameters override the union default graph."""
        kwargs: dict = {}
        try:
            if default_graphs:
                kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            elif not declares_dataset(text):  # FROM / FROM NAMED in the query set its own dataset
                kwargs["use_default_graph_as_union"] = True
            if named_graphs:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as exc:
            raise QueryError(f"invalid graph IRI: {exc}") from None
        started = time.perf_counter()
        try:
            result = self.store.query(text, **kwargs)
        except SyntaxError as exc:
            raise QueryError(str(exc)) from None
        except ValueError as exc:
            raise QueryError(str(exc)) from None
        return QueryOutcome(_kind(result), result, time.perf_counter() - started)

    def select(self, text: str) -> list[dict[str, object]]:
        """Convenience for Python callers: SELECT rows as dicts of pyoxigraph terms (PREFIXes added)."""
        outcome = self.query(with_prefixes(text))
        if outcome.kind != "SELECT":
            raise QueryError("not a SELECT query")
        names = [v.value for v in outcome.result.variables]
        return [{n: row[n] for n in names} for row in outcome.result]


class _Triples:
    """A CONSTRUCT/DESCRIBE answer from a remote store, serializable like pyoxigraph's QueryTriples."""

    def __init__(self, triples: list[ox.Triple]):
        self._triples = triples

    def __iter__(self):
        return iter(self._triples)

    def serialize(self, output=None, format=ox.RdfFormat.N_TRIPLES):
        return ox.serialize(self._triples, output, format=format)


class RemoteEngine:
    """The same interface as ``Engine`` over a remote SPARQL 1.1 endpoint."""

    def __init__(self, endpoint: str, timeout: float = 30.0):
        self.endpoint = endpoint
        self.origin = endpoint
        self.timeout = timeout
        self.loaded_at = datetime.now(timezone.utc).replace(microsecond=0)
        self.version = hashlib.sha256(f"{endpoint}|{self.loaded_at}".encode()).hexdigest()[:16]
        self._dataset: Dataset | None = None
        self._graph_names: list[str] | None = None

    @property
    def dataset(self) -> Dataset:
        """rdflib's view of the remote store (read-only SPARQLStore), made on first use."""
        if self._dataset is None:
            from rdflib.plugins.stores.sparqlstore import SPARQLStore
            self._dataset = Dataset(store=SPARQLStore(query_endpoint=self.endpoint, returnFormat="json"),
                                    default_union=True)
        return self._dataset

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"].value)

    def graphs(self) -> list[str]:
        return list(self._union())

    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        outcome = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        return outcome.result.serialize(format=ox.RdfFormat.N_TRIPLES)

    def _post(self, text: str, accept: str, default_graphs, named_graphs) -> bytes:
        params = [("query", text)]
        params += [("default-graph-uri", g) for g in default_graphs or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        request = urllib.request.Request(
            self.endpoint, data=urllib.parse.urlencode(params).encode(), method="POST",
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured endpoint)
                return response.read()
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")
            if exc.code == 400:
                raise QueryError(body.strip() or "the store rejected the query") from None
            raise StoreUnavailable(f"the SPARQL store answered {exc.code}: {body.strip()[:300]}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreUnavailable(f"the SPARQL store at {self.endpoint} cannot be reached: {exc}") from None

    def _union(self) -> list[str]:
        """Every named graph of the store: sent as default-graph-uri, their merge is the union graph.

        The protocol's own dataset parameters make the union default graph portable to any store,
        without relying on a server option, and leave FROM clauses their standard meaning.
        """
        if self._graph_names is None:
            body = self._post("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                              "application/sparql-results+json", None, None)
            result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            self._graph_names = sorted(row["g"].value for row in result)
        return self._graph_names

    def query(self, text: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryOutcome:
        started = time.perf_counter()
        kind = _query_form(text)
        if not default_graphs and not declares_dataset(text):
            default_graphs = self._union()
        if kind == "GRAPH":
            body = self._post(text, "application/n-triples", default_graphs, named_graphs)
            result = _Triples(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)))
        else:
            body = self._post(text, "application/sparql-results+json", default_graphs, named_graphs)
            result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            kind = _kind(result)
        return QueryOutcome(kind, result, time.perf_counter() - started)

    def select(self, text: str) -> list[dict[str, object]]:
        outcome = self.query(with_prefixes(text))
        names = [v.value for v in outcome.result.variables]
        return [{n: row[n] for n in names} for row in outcome.result]


def engine_for(store: str | None) -> Engine | RemoteEngine:
    """The engine named by ``--store``: none (embedded, default) or ``sparql:URL``."""
    if not store or store == "embedded":
        return Engine.from_project()
    if store.startswith("sparql:"):
        return RemoteEngine(store[len("sparql:"):])
    raise ValueError(f"unknown store {store!r}; use 'embedded' or 'sparql:URL'")


def _kind(result) -> str:
    if isinstance(result, ox.QueryBoolean):
        return "ASK"
    if isinstance(result, ox.QuerySolutions):
        return "SELECT"
    return "GRAPH"


def _query_form(text: str) -> str:
    """CONSTRUCT/DESCRIBE or not, found by parsing locally (also rejects bad syntax early)."""
    try:
        result = ox.Store().query(text)
    except SyntaxError as exc:
        raise QueryError(str(exc)) from None
    return _kind(result)


_FROM = re.compile(r"\bFROM\b", re.IGNORECASE)
_LITERALS_IRIS_COMMENTS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def declares_dataset(text: str) -> bool:
    """True when the query names its own dataset with FROM or FROM NAMED."""
    return bool(_FROM.search(_LITERALS_IRIS_COMMENTS.sub(" ", text)))


def with_prefixes(text: str) -> str:
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if f"{p}:" in text)
    return declared + text
