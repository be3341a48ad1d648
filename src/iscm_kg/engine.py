"""The query engines behind the service.

``Engine`` (the default) is an embedded Oxigraph store holding the merged dataset; the HTTP
layer talks to pyoxigraph directly so that results are serialized by the engine itself.

``RemoteEngine`` serves the same interface over any SPARQL 1.1 store (Oxigraph server,
Fuseki, QLever, Virtuoso): queries go to its endpoint over the SPARQL protocol and answers
are parsed back into pyoxigraph results, so nothing above this module can tell the two apart.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox

from .loading import build_is_fresh, dist_path, graph_files, load_store, project_root
from .namespaces import PREFIXES
from .release.latest import derive_latest


class QueryError(ValueError):
    """The query text is not valid SPARQL 1.1 (the message is the parser's)."""


READ_ONLY = "The graph is read-only: SPARQL Update is not accepted."


class UpdateRefused(QueryError):
    """The text is a SPARQL Update: the graph is read-only."""

    def __init__(self, message: str = READ_ONLY):
        super().__init__(message)


class StoreRefused(QueryError):
    """A remote store refused a query it could parse (a construct it does not support, a cost limit)."""


class StoreUnavailable(RuntimeError):
    """A remote store could not be reached or answered with a server error."""


@dataclass
class QueryOutcome:
    """The answer of one query: its form, the engine's result object and the time it took."""
    kind: str  # "SELECT", "ASK" or "GRAPH"
    result: object  # pyoxigraph QuerySolutions, QueryBoolean or QueryTriples (or a stand-in with .serialize)
    seconds: float


class Engine:
    """An embedded Oxigraph store whose default graph is the union of the named graphs."""

    def __init__(self, store: ox.Store, origin: str, version: str | None = None):
        self.quad_count = merge_into_default_graph(store)
        self.store = store
        self.origin = origin
        self.loaded_at = datetime.now(timezone.utc).replace(microsecond=0)
        self.version = version or hashlib.sha256(f"{origin}|{len(store)}|{self.loaded_at}".encode()).hexdigest()[:16]

    @classmethod
    def from_project(cls, root: Path | None = None) -> "Engine":
        """The engine over the project's data: the built dump when it is fresh, else the data files loaded now."""
        root = root or project_root()
        if _build_is_fresh(root):
            path = dist_path(root)
            store = ox.Store()
            store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            digest = hashlib.sha256(f"{path.stat().st_mtime_ns}|{path.stat().st_size}".encode()).hexdigest()[:16]
            return cls(store, origin=str(path), version=digest)
        files = graph_files(root)
        newest = max(f.path.stat().st_mtime_ns for f in files)
        digest = hashlib.sha256(f"{newest}|{len(files)}".encode()).hexdigest()[:16]
        store = load_store(files)
        derive_latest(store)  # as `iscm-kg build` writes it into dist/iscm.nq
        return cls(store, origin=str(root), version=digest)

    def __len__(self) -> int:
        """Statements in the named graphs (the default graph only repeats them, merged)."""
        return self.quad_count

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        """The named graphs in a dataset format; in a triples format, their merge."""
        if fmt.supports_datasets:
            named = (q for q in self.store if not isinstance(q.graph_name, ox.DefaultGraph))
            return ox.serialize(named, format=fmt)
        return self.store.dump(format=fmt, from_graph=ox.DefaultGraph())

    def query(self, text: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryOutcome:
        """Run a SPARQL query; protocol dataset parameters override the union default graph."""
        kwargs: dict = {}
        try:
            # Without dataset parameters the default graph is the store's, which holds the merge of
            # the named graphs (see merge_into_default_graph); FROM / FROM NAMED set their own.
            if default_graphs:
                kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            if named_graphs:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as exc:
            raise QueryError(f"invalid graph IRI: {exc}") from None
        started = time.perf_counter()
        refuse_federation(text)
        try:
            result = self.store.query(text, **kwargs)
        except SyntaxError as exc:
            raise syntax_error(text, str(exc)) from None
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


def merge_into_default_graph(store: ox.Store) -> int:
    """Write the RDF merge of the named graphs into the default graph; return how many quads the
    named graphs hold.

    The service's default graph is the union of the named graphs, which SPARQL defines as their
    RDF merge: a fact that three sources state is in it once. Oxigraph 0.5's union-default-graph
    mode yields it once per graph (oxigraph/oxigraph#1919, fixed after 0.5.13), so a plain query
    would answer three rows, and COUNT three. An RDF graph is a set: materialized in the default
    graph, the merge gives the standard answers, at the cost of a second copy of the triples.
    """
    named = len(store) - sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # in the engine: no Python objects
    return named


def _build_is_fresh(root: Path) -> bool:
    """``loading.build_is_fresh``, made strict enough that a stale build never hides the sources.

    Modification times can be set back (``cp -p``, ``tar``, ``rsync -t`` restore them), so a
    broken file put in place after the build could look older than it; its status-change time
    cannot. Deleting or adding a file changes its directory. Either way the sources are loaded,
    and a file that does not parse stops the service from starting, naming the file and line.
    """
    if not build_is_fresh(root):
        return False
    built = dist_path(root).stat().st_mtime
    paths = [f.path for f in graph_files(root)]
    for top in (root / "ontology", root / "data"):
        paths += [top, *(d for d in top.rglob("*") if d.is_dir())]
    return all(max(p.stat().st_mtime, p.stat().st_ctime) <= built for p in paths)


class _Triples:
    """A CONSTRUCT/DESCRIBE answer from a remote store, serializable like pyoxigraph's QueryTriples."""

    def __init__(self, triples: list[ox.Triple]):
        self._triples = triples

    def __iter__(self):
        return iter(self._triples)

    def serialize(self, output=None, format=ox.RdfFormat.N_TRIPLES):
        return ox.serialize(self._triples, output, format=format)


# The dataset's graphs are named under this namespace; a store may hold others of its own (Virtuoso's
# system graphs, for one), which GRAPH ?g must not see.
DATASET_NAMESPACE = "https://w3id.org/iscm/"
# Where a store that has no separate default graph (Virtuoso: a query without a dataset reads every
# graph, repeating a triple once per graph that holds it) keeps the merge of the named graphs.
MERGED_GRAPH = "https://w3id.org/iscm/id/graph/merged"


class RemoteEngine:
    """The same interface as ``Engine`` over a remote SPARQL 1.1 endpoint.

    What a query without its own dataset (no FROM, no protocol parameters) reads: on a store holding
    :data:`MERGED_GRAPH` (Virtuoso, loaded as the README says), that graph as the default graph and the
    dataset's named graphs as the named graphs, sent with the query (default-graph-uri, named-graph-uri);
    on any other store (an Oxigraph server loaded by ``iscm-kg build --push``), the store's default
    dataset, whose default graph holds the merge.
    """

    def __init__(self, endpoint: str, timeout: float = 30.0):
        self.endpoint = endpoint
        self.origin = endpoint
        self.timeout = timeout
        self.loaded_at = datetime.now(timezone.utc).replace(microsecond=0)
        self.version = hashlib.sha256(f"{endpoint}|{self.loaded_at}".encode()).hexdigest()[:16]
        self._graph_names: list[str] | None = None
        self._merged: bool | None = None

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"].value)

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs."""
        return list(self._union())

    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        """The whole dataset serialised (the remote store answers a CONSTRUCT, so as triples)."""
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
            refused = _STORE_REFUSAL.match(body)
            if refused:
                raise StoreRefused(f"The SPARQL store refused the query: {refused.group(1).strip()}") from None
            raise StoreUnavailable(f"the SPARQL store answered {exc.code}: {body.strip()[:300]}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreUnavailable(f"the SPARQL store at {self.endpoint} cannot be reached: {exc}") from None

    def _union(self) -> list[str]:
        """Every named graph of the dataset in the store (what GRAPH ?g ranges over)."""
        if self._graph_names is None:
            # GROUP BY rather than DISTINCT: Virtuoso 7.2 takes 30 s over DISTINCT ?g, 50 ms over this
            body = self._post("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                              "application/sparql-results+json", None, None)
            result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            self._graph_names = sorted(row["g"].value for row in result
                                       if row["g"].value.startswith(DATASET_NAMESPACE) and row["g"].value != MERGED_GRAPH)
        return self._graph_names

    def _has_merged_graph(self) -> bool:
        if self._merged is None:
            body = self._post(f"SELECT ?s WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} LIMIT 1",
                              "application/sparql-results+json", None, None)
            self._merged = any(True for _ in ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))
        return self._merged

    def query(self, text: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryOutcome:
        """Evaluate a query (checked locally first for syntax, SERVICE and nesting) and time it."""
        started = time.perf_counter()
        kind = checked_form(text, self.timeout)  # parsed locally: syntax, SERVICE, nesting
        own_dataset = declares_dataset(text)
        if not default_graphs and not named_graphs and not own_dataset and self._has_merged_graph():
            default_graphs = [MERGED_GRAPH]
        if default_graphs and not named_graphs and not own_dataset:
            # Like the embedded store, GRAPH sees every named graph. (With default-graph-uri alone,
            # the protocol leaves the query no named graphs.)
            named_graphs = self._union()
        # Without dataset parameters the store's own default dataset answers: its default graph
        # holds the merge of the named graphs, as `iscm-kg build --push` writes it.
        if kind == "GRAPH":
            body = self._post(text, "application/n-triples", default_graphs, named_graphs)
            result = _Triples(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)))
        else:
            body = self._post(text, "application/sparql-results+json", default_graphs, named_graphs)
            result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            if kind == "ASK" and isinstance(result, ox.QuerySolutions):
                result = _ask_from_row(result)
            kind = _kind(result)
        return QueryOutcome(kind, result, time.perf_counter() - started)

    def select(self, text: str) -> list[dict[str, object]]:
        """The solutions of a SELECT query with the project's prefixes declared, as dicts of terms."""
        outcome = self.query(with_prefixes(text))
        names = [v.value for v in outcome.result.variables]
        return [{n: row[n] for n in names} for row in outcome.result]


# Virtuoso refuses some queries with a 500 and an SQL error about the query itself (SQLSTATE class 37:
# syntax or an unsupported construct, 42: a limit such as the estimated execution time, 22: data):
# the query is at fault and the store is fine, so the client gets a 400 rather than "unavailable".
_STORE_REFUSAL = re.compile(r"Virtuoso (?:37|42|22)\w{3} Error ([^\n]*)")


def _ask_from_row(solutions: ox.QuerySolutions) -> ox.QueryBoolean:
    """Virtuoso 7.2 answers ASK as a one-row table (?__ASK_RETVAL 1 or 0), not as a boolean."""
    rows = list(solutions)
    value = rows[0][0].value if rows and rows[0][0] is not None else "0"
    answer = b'{"head":{},"boolean":%s}' % (b"true" if value in ("1", "true") else b"false")
    return ox.parse_query_results(answer, format=ox.QueryResultsFormat.JSON)


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


# Strings, IRIs and comments. Every alternative but the IRI one matches wherever it starts (an
# unterminated string runs to the end of its line, or of the text), so the scan never goes back
# over text it has passed and is linear in the length of the query whatever the input. With
# alternatives that fail on an unterminated quote, the scanner rescans the rest of the text from
# every later quote, which a 1 MB query turns into hours.
_LITERALS_IRIS_COMMENTS = re.compile(
    r"'''(?:[^'\\]|\\[\s\S]|'(?!''))*(?:'''|\\?\Z)"                         # long strings
    r'|"""(?:[^"\\]|\\[\s\S]|"(?!""))*(?:"""|\\?\Z)'
    r"|'(?:[^'\\\n]|\\.)*(?:'|\\?(?=\n|\Z))"                                 # strings
    r'|"(?:[^"\\\n]|\\.)*(?:"|\\?(?=\n|\Z))'
    r"|<(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>"  # IRIs
    r"|#[^\n]*",                                                             # comments
)
_FROM = re.compile(r"\bFROM\b", re.IGNORECASE)


def code_only(text: str) -> str:
    """The query with strings, IRIs and comments blanked out, so keywords inside them don't count.

    A lexer cannot always tell an IRI from the ``<`` operator, so this is for fast checks and
    clear messages; what must not be wrong (no SERVICE) is decided by the parser itself
    (:func:`refuse_federation`).
    """
    return _LITERALS_IRIS_COMMENTS.sub(" ", text)


def declares_dataset(text: str) -> bool:
    """True when the query names its own dataset with FROM or FROM NAMED."""
    return bool(_FROM.search(code_only(text)))


# -- no federation ----------------------------------------------------------------------------------
#
# The engines evaluate SERVICE by making an HTTP request to any IRI the query names (the embedded
# store as much as an Oxigraph server), so a SERVICE that slipped through would turn the endpoint
# into a proxy onto the internal network. The parser decides, not a lexer: every "service" in the
# text, wherever it is, becomes "servicx" (same length: positions in messages don't move). Inside a
# string, an IRI, a comment, a variable or a prefixed name the query stays as valid as it was; the
# SERVICE keyword, however written, becomes a syntax error. The neutralized query cannot contact
# anything, so it is safe to hand to the parser (by evaluating it over an empty store).

FEDERATION_REFUSED = "SERVICE (federated query) is disabled on this endpoint: it never makes outbound requests."
_SERVICE_WORD = re.compile(r"service", re.IGNORECASE)
_ERROR_AT = re.compile(r"error at (\d+):(\d+)")
_GAP = re.compile(r"(?:\s|#[^\n]*)*")


class FederationRefused(QueryError):
    """The query uses SERVICE."""

    def __init__(self, message: str = FEDERATION_REFUSED):
        super().__init__(message)


def _neutralize(text: str) -> str:
    return _SERVICE_WORD.sub(lambda m: m.group(0)[:6] + ("x" if m.group(0)[6] == "e" else "X"), text)


def _explain(text: str, exc: SyntaxError) -> QueryError:
    """The parser's complaint about the neutralized query: SERVICE when it is where it points."""
    message = str(exc)
    found = _ERROR_AT.search(message)
    if found:
        line, column = int(found.group(1)), int(found.group(2))
        lines = text.split("\n")
        offset = sum(len(x) + 1 for x in lines[:line - 1]) + column - 1
        for m in _SERVICE_WORD.finditer(text):
            if m.start() <= offset <= _GAP.match(text, m.end()).end() + 2:
                return FederationRefused()
    return syntax_error(text, message)


def refuse_federation(text: str) -> str | None:
    """Raise :class:`FederationRefused` (or :class:`QueryError`) if ``text`` uses SERVICE.

    Returns the query form ("SELECT", "ASK", "GRAPH") when the check had to parse, else None.
    """
    if not _SERVICE_WORD.search(text):
        return None
    return _parse_form(text)


def _parse_form(text: str) -> str:
    """The form of the query, by parsing its neutralized text; no SERVICE can run."""
    neutral = _neutralize(text)
    try:
        return _kind(ox.Store().query(neutral))
    except SyntaxError as exc:
        raise _explain(text, exc) from None


# A query is parsed by recursive descent, so deep nesting exhausts a thread's stack, which aborts
# the whole process: Oxigraph's server (whose threads have 2 MB stacks) dies at a few thousand
# nested groups. Before a query goes to a remote store it is parsed here in a child process, in a
# thread with a smaller stack than the server's; a query that brings the child down is refused.
PARSE_STACK_BYTES = 1024 * 1024
_FORMS: dict[str, str] = {}


def checked_form(text: str, timeout: float = 30.0) -> str:
    """The query form of ``text``, parsed in a child process with a small stack; refuses SERVICE."""
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if key in _FORMS:
        return _FORMS[key]
    if not hasattr(os, "fork"):
        form = _parse_form(text)
    else:
        form = _parse_in_child(text, timeout)
    if len(_FORMS) > 4096:
        _FORMS.clear()
    _FORMS[key] = form
    return form


def _parse_in_child(text: str, timeout: float) -> str:
    import pickle
    import threading
    from multiprocessing.connection import Pipe

    receiver, sender = Pipe(duplex=False)

    def child() -> None:  # pragma: no cover - runs in the child
        box: dict = {}

        def parse() -> None:
            try:
                box["answer"] = ("ok", _parse_form(text))
            except FederationRefused as exc:
                box["answer"] = ("federation", str(exc))
            except QueryError as exc:
                box["answer"] = ("syntax", str(exc))
            except BaseException as exc:  # noqa: BLE001 - reported, not raised
                box["answer"] = ("error", str(exc))

        threading.stack_size(PARSE_STACK_BYTES)
        worker = threading.Thread(target=parse)
        worker.start()
        worker.join()
        sender.send_bytes(pickle.dumps(box.get("answer", ("error", "no answer"))))

    pid = fork_child(child, receiver)
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(f"the query could not be parsed within {timeout:g} s")
        try:
            status, payload = pickle.loads(receiver.recv_bytes())
        except (EOFError, OSError):
            raise QueryError("the query is nested too deeply to be parsed safely; flatten it") from None
    finally:
        receiver.close()
        kill_child(pid)
    if status == "ok":
        return payload
    if status == "federation":
        raise FederationRefused(payload)
    raise QueryError(payload)


def fork_child(run, parents_end, prepare=None) -> int:
    """Fork a child that closes the parent's end of its pipe, prepares itself (``prepare``, by
    default :func:`prepare_child`) and runs ``run``; the child always exits there and never
    returns into the caller. Returns the child's pid (to the parent)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            parents_end.close()
            (prepare or prepare_child)()
            run()
        finally:
            os._exit(0)
    return pid


def prepare_child() -> None:  # pragma: no cover - runs in a forked child
    """Make a forked child die with the process that forked it, and die quietly.

    A query may crash the child on purpose of its design (a parser out of stack, an engine panic):
    the parent reports it to the client, so the child must not print a "Fatal Python error" dump
    and traceback of every thread, which reads like the service crashing. ``faulthandler`` is on
    whenever the parent enabled it (pytest does, ``python -X faulthandler`` does), and a fork
    inherits it.
    """
    import faulthandler

    faulthandler.disable()
    try:  # die with the thread that forked us (a worker retired past the time limit, say)
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def kill_child(pid: int) -> None:
    """Kill a child process this process forked, and collect it (it may already have ended)."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


# -- readable parser errors -----------------------------------------------------------------------------------
#
# The parser says where it stopped and lists every token it could have read there, character classes
# included ("['A' ..= 'Z' | 'a' ..= 'z' | '\u{00C0}'..='\u{00D6}' ...]"). People need the line, the column,
# the text there and the words they could have written.

_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
_FORM = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE)
_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,\s][^,]*')
MAX_EXPECTED = 12


def is_update(text: str) -> bool:
    """True when the text is (or starts as) a SPARQL Update request."""
    return bool(_UPDATE.match(code_only(text)))


def syntax_error(text: str, message: str) -> QueryError:
    """The parser's complaint about ``text`` as a short message with line, column and what may come there;
    an update gets the read-only message instead (the query parser only says "expected CONSTRUCT")."""
    if is_update(text):
        return UpdateRefused()
    found = _AT.match(message)
    if not found:
        return QueryError(message)
    line, column, detail = int(found.group(1)), int(found.group(2)), found.group(3)
    lines = text.split("\n")
    rest = lines[line - 1][column - 1:] if 0 < line <= len(lines) else ""
    where = f"line {line}, column {column}"
    if rest.strip():
        near = rest.strip()
        where += f", at “{near[:30]}{'…' if len(near) > 30 else ''}”"
    elif "\n".join(lines[line:]).strip() == "":
        where += " (the query ends there)"
    if not _FORM.match(code_only(text)):
        detail = "a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE (after any PREFIX and BASE)"
    elif detail.startswith("expected one of "):
        items = _ITEM.findall(detail[len("expected one of "):])
        words = [i.strip() for i in items if not i.startswith("[")]
        if len(words) < len(items):
            words.append("a name or number")
        shown = ", ".join(words[:MAX_EXPECTED]) + (", …" if len(words) > MAX_EXPECTED else "")
        detail = f"expected one of {shown}"
    return QueryError(f"syntax error at {where}: {detail}")


def with_prefixes(text: str) -> str:
    """The query with PREFIX lines added for the project's prefixes it uses."""
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if f"{p}:" in text)
    return declared + text
