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
    pass


def push_dataset(nquads: Path, gsp_endpoint: str, timeout: float = 60.0) -> Iterator[tuple[str, int]]:
    """PUT each named graph of ``nquads`` to ``gsp_endpoint?graph=<name>``; yields (graph, triples)."""
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs[quad.graph_name.value].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    for graph, triples in sorted(graphs.items()):
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        url = f"{gsp_endpoint}?{urllib.parse.urlencode({'graph': graph})}"
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
