"""Load the built dataset into a remote store through the SPARQL 1.1 Graph Store Protocol."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox


class PushError(RuntimeError):
    """Publishing the dataset to the remote store failed."""
    pass


DEFAULT_GRAPH = "default graph (the merge of the named graphs)"


def push_dataset(nquads: Path, gsp_endpoint: str, timeout: float = 60.0) -> Iterator[tuple[str, int]]:
    """PUT each named graph of ``nquads`` to ``gsp_endpoint?graph=<name>``, then their RDF merge to
    ``gsp_endpoint?default``; yields (graph, triples).

    The merge in the default graph is what ``--store sparql:URL`` queries when a query names no
    dataset, as the embedded store does: each fact once, however many sources state it (a server's
    own union-default-graph mode may repeat it once per graph, as Oxigraph 0.5's does).
    """
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs[quad.graph_name.value].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    merge = sorted({t for triples in graphs.values() for t in triples}, key=str)
    targets = [(graph, triples, urllib.parse.urlencode({"graph": graph})) for graph, triples in sorted(graphs.items())]
    targets.append((DEFAULT_GRAPH, merge, "default"))
    for graph, triples, query in targets:
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        url = f"{gsp_endpoint}?{query}"
        request = urllib.request.Request(url, data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (user-given URL)
                if response.status not in (200, 201, 204):
                    raise PushError(f"{url}: HTTP {response.status}")
        except urllib.error.HTTPError as exc:
            raise PushError(f"{url}: HTTP {exc.code} {exc.read()[:200]!r}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise PushError(f"{gsp_endpoint}: {exc}") from None
        yield graph, len(triples)
