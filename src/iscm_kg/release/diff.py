"""``iscm-kg diff OLD.nq NEW.nq``: the facts added and removed, per named graph, between two releases."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import PREFIXES
from .latest import LATEST

_SOURCE = "https://w3id.org/iscm/id/source/"
# longest namespace first, so that id:country/… is written country:…
_NAMESPACES = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


class DiffError(ValueError):
    """A release file could not be read."""


@dataclass
class GraphDiff:
    """The triples one graph gained and lost between two dumps."""
    graph: str
    added: list[ox.Triple] = field(default_factory=list)
    removed: list[ox.Triple] = field(default_factory=list)


def _read(path: Path) -> dict[str, set[ox.Triple]]:
    graphs: dict[str, set[ox.Triple]] = defaultdict(set)
    try:
        for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
            graphs[name].add(ox.Triple(q.subject, q.predicate, q.object))
    except SyntaxError as exc:
        raise DiffError(f"{path}: not N-Quads ({exc})") from None
    except OSError as exc:
        raise DiffError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return graphs


def _order(graph: str) -> tuple:
    """Sources first, then the project's graphs, the derived latest graph last."""
    return (0 if graph.startswith(_SOURCE) else 2 if graph == LATEST else 1, graph)


def diff(old: Path, new: Path) -> list[GraphDiff]:
    """Per named graph (sources first), the triples only in ``new`` and only in ``old``."""
    a, b = _read(old), _read(new)
    out = []
    for graph in sorted(set(a) | set(b), key=_order):
        added, removed = b.get(graph, set()) - a.get(graph, set()), a.get(graph, set()) - b.get(graph, set())
        if added or removed:
            out.append(GraphDiff(graph, sorted(added, key=str), sorted(removed, key=str)))
    return out


def short(term) -> str:
    """A term as a person reads it: prefixed names for the project's IRIs, literals as they are."""
    if isinstance(term, ox.NamedNode):
        for ns, prefix in _NAMESPACES:
            if term.value.startswith(ns) and "/" not in term.value[len(ns):]:
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    return str(term)


def as_text(diffs: list[GraphDiff]) -> str:
    """The differences per graph as text: counts, then each triple with + or -."""
    if not diffs:
        return "no differences\n"
    lines = []
    for d in diffs:
        lines.append(f"{short(ox.NamedNode(d.graph)) if d.graph else 'default graph'}: +{len(d.added)} -{len(d.removed)}")
        lines += [f"  + {short(t.subject)} {short(t.predicate)} {short(t.object)}" for t in d.added]
        lines += [f"  - {short(t.subject)} {short(t.predicate)} {short(t.object)}" for t in d.removed]
    return "\n".join(lines) + "\n"


def as_json(diffs: list[GraphDiff]) -> str:
    """The differences per graph as JSON."""
    def triple(t: ox.Triple) -> list[str]:
        return [str(t.subject), str(t.predicate), str(t.object)]
    return json.dumps([{"graph": d.graph, "added": [triple(t) for t in d.added], "removed": [triple(t) for t in d.removed]}
                       for d in diffs], indent=2, ensure_ascii=False) + "\n"
