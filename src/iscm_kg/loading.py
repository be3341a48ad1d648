"""Find the knowledge graph's files, decide which named graph each belongs to, and load them.

Parsing goes through pyoxigraph: it is fast and its syntax errors carry line and column,
which contributors need. SHACL validation reads an rdflib copy of the triples (``merged_graph``).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.plugins.sparql import prepareQuery

from .namespaces import GRAPH, SOURCE

PACKAGE_DIR = Path(__file__).resolve().parent

# The formats a file of the graph may be in, known by pyoxigraph's file extensions
FORMATS = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS,
           ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML)
QUAD_FORMATS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS}


def project_root() -> Path:
    """The directory holding ontology/, shapes/ and data/ (override with ISCM_KG_ROOT)."""
    env = os.environ.get("ISCM_KG_ROOT")
    if env:
        return Path(env).resolve()
    for candidate in (Path.cwd(), *PACKAGE_DIR.parents):
        if (candidate / "ontology" / "iscm.ttl").is_file() and (candidate / "data").is_dir():
            return candidate
    raise FileNotFoundError(
        "cannot find the project's ontology/ and data/ directories; "
        "run from the project root or set ISCM_KG_ROOT"
    )


@dataclass(frozen=True)
class SourceFile:
    """One file of the knowledge graph and the named graph its triples go into."""

    path: Path
    graph: URIRef | None  # None: the file names its own graphs (TriG / N-Quads)

    @property
    def format(self) -> ox.RdfFormat:
        """The file's RDF format, from its extension."""
        return rdf_format(self.path)


class LoadError(Exception):
    """A file could not be read or parsed; carries the file and, when known, line and column."""

    def __init__(self, path: Path, message: str, line: int | None = None, column: int | None = None):
        self.path, self.message, self.line, self.column = path, message, line, column
        where = f"{path}" + (f":{line}" if line else "") + (f":{column}" if column else "")
        super().__init__(f"{where}: {message}")


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a data file, from its extension (a LoadError for any other)."""
    fmt = ox.RdfFormat.from_extension(path.suffix.lower().lstrip(".")) if path.suffix else None
    if fmt not in FORMATS:
        raise LoadError(path, f"unsupported file extension {path.suffix!r} (use one of "
                              f"{', '.join('.' + f.file_extension for f in FORMATS)})")
    return fmt


def graph_files(root: Path | None = None) -> list[SourceFile]:
    """Every file of the knowledge graph, in a stable order, with its target graph."""
    root = root or project_root()
    files: list[SourceFile] = [SourceFile(root / "ontology" / "iscm.ttl", GRAPH.ontology)]
    files += [SourceFile(p, GRAPH.taxonomies) for p in sorted((root / "ontology" / "taxonomies").rglob("*.ttl"))]
    data = root / "data"
    files += [SourceFile(p, GRAPH.registry) for p in sorted((data / "registry").rglob("*.ttl"))]
    # Reference data that is no source document's (UN M49 regions, pycountry names): each file is
    # the graph named after it, data/reference/m49.ttl -> id:graph/m49 (see docs/modelling.md).
    files += [SourceFile(p, GRAPH[p.stem]) for p in sorted((data / "reference").glob("*.ttl"))]
    for directory in sorted(p for p in data.iterdir() if p.is_dir()):
        if directory.name in {"registry", "reference", "contributions"}:
            continue
        files += [SourceFile(p, SOURCE[directory.name]) for p in sorted(directory.rglob("*.ttl"))]
    contributions = data / "contributions"
    if contributions.is_dir():
        files += [SourceFile(p, None) for p in sorted(contributions.iterdir()) if p.suffix in (".trig", ".nq")]
    return files


def parse_into(store: ox.Store, path: Path, graph: URIRef | None, data: bytes | None = None) -> None:
    """Parse one file into ``store``; raise LoadError with line/column on bad syntax."""
    fmt = rdf_format(path)
    to_graph = None
    if fmt not in QUAD_FORMATS:
        to_graph = ox.NamedNode(str(graph)) if graph is not None else ox.DefaultGraph()
    try:
        if data is None:
            data = path.read_bytes()
        store.load(input=data, format=fmt, to_graph=to_graph)
    except SyntaxError as exc:
        line, column = _location(exc)
        raise LoadError(path, _clean_message(exc), line, column) from None
    except (OSError, ValueError) as exc:
        raise LoadError(path, str(exc)) from None


def _location(exc: SyntaxError) -> tuple[int | None, int | None]:
    return (exc.lineno, exc.offset) if exc.lineno else (None, None)


def _clean_message(exc: SyntaxError) -> str:
    msg = exc.msg if isinstance(exc.msg, str) else str(exc)
    return msg.split(": ", 1)[1] if msg.startswith("Parser error") and ": " in msg else msg


def load_store(files: list[SourceFile] | None = None) -> ox.Store:
    """An in-memory Oxigraph store holding every file in its named graph."""
    store = ox.Store()
    for f in files if files is not None else graph_files():
        parse_into(store, f.path, f.graph)
    return store


class ValidationGraph(Graph):
    """An in-memory rdflib Graph that parses each distinct SPARQL text once.

    pyshacl runs a SHACL-SPARQL constraint once per focus node, always with the same text and
    new bindings; rdflib parses the text anew each time (about 20 ms with pyparsing), which was
    most of the time spent validating a contribution of a thousand triples.
    """

    def query(self, query_object, *args, **kwargs):
        """Evaluate a query, preparing a query string once (cached) instead of parsing it each time."""
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@functools.lru_cache(maxsize=128)
def _prepared(text: str):
    return prepareQuery(text)


def merged_graph(store: ox.Store) -> Graph:
    """All triples of all graphs as one plain rdflib Graph (what SHACL validates)."""
    g = ValidationGraph()
    g.parse(data=_dump_triples(store), format="nt")
    return g


def _dump_triples(store: ox.Store) -> bytes:
    out = ox.Store()
    out.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store)
    return out.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())


def dist_path(root: Path | None = None) -> Path:
    """Where ``iscm-kg build`` writes the merged dataset (N-Quads)."""
    return (root or project_root()) / "dist" / "iscm.nq"


def build(root: Path | None = None) -> tuple[Path, int]:
    """Write the pre-merged dataset to dist/iscm.nq atomically; return its path and quad count.

    The dataset includes the derived latest-statement graph (release/latest.py)."""
    from .release.latest import derive_latest

    root = root or project_root()
    store = load_store(graph_files(root))
    derive_latest(store)
    target = dist_path(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".nq.tmp")
    store.dump(output=str(tmp), format=ox.RdfFormat.N_QUADS)
    os.replace(tmp, target)
    return target, len(store)


def build_is_fresh(root: Path | None = None) -> bool:
    """True when dist/iscm.nq exists and is newer than every source file."""
    root = root or project_root()
    target = dist_path(root)
    if not target.is_file():
        return False
    built = target.stat().st_mtime
    return all(f.path.stat().st_mtime <= built for f in graph_files(root))
