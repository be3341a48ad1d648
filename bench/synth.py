"""Deterministic synthetic graphs N times the size of the real one, with the same shape.

Everything said about a mechanism, State, organization, meeting, membership or change event is
cloned, copy by copy, under new IRIs (``…/mechanism/bali-process-c3``, ``…/country/QXB``) in the
same named graph as the original; names get a `` (copy k)`` suffix so that each stays unique.
References between cloned things stay within their copy, except that one membership in ten
(``org:member``) points to the same State or organization of another copy, drawn by a seeded
RNG, so that mechanisms of different copies share members as real ones do. The ontology,
taxonomies and source documents are not cloned: the vocabulary stays that of the real graph.

``make_root`` lays a synthetic graph out as a project root (``ISCM_KG_ROOT``) that the service,
the CLI and the SHACL validation accept as they are: one file per named graph, the shapes and the
catalogue copied, and a ``dist/iscm.nq`` newer than its sources so that it is served directly.
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
import string
import time
from pathlib import Path

import pyoxigraph as ox

ID = "https://w3id.org/iscm/id/"
CLONED = tuple(ID + p for p in ("mechanism/", "country/", "organization/", "meeting/", "membership/", "event/"))
COUNTRY = ID + "country/"
LABELS = {
    "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.w3.org/2004/02/skos/core#hiddenLabel", "http://www.w3.org/2000/01/rdf-schema#label",
    "http://xmlns.com/foaf/0.1/name",
}
ISO_CODE = "https://w3id.org/iscm/ontology#iso3166Alpha3"
ORG_MEMBER = "http://www.w3.org/ns/org#member"
CROSS_COPY = 0.1
SEED = 20261124


def read_quads(path: Path) -> list[ox.Quad]:
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    quads.sort(key=str)  # independent of the order the file happens to be in
    return quads


def _cloned(term) -> bool:
    return isinstance(term, ox.NamedNode) and term.value.startswith(CLONED)


def copies_for(quads: list[ox.Quad], scale: int) -> int:
    """How many copies of the cloned part make the whole graph about ``scale`` times the real one."""
    cloned = sum(1 for q in quads if _cloned(q.subject))
    return max(0, round((scale - 1) * len(quads) / cloned)) if cloned and scale > 1 else 0


def synthesize(quads: list[ox.Quad], scale: int, seed: int = SEED) -> list[ox.Quad]:
    """The real quads plus enough clones to make the graph ``scale`` times as large."""
    copies = copies_for(quads, scale)
    if copies == 0:
        return list(quads)
    rng = random.Random(seed)
    real_codes = sorted({q.subject.value[len(COUNTRY):] for q in quads
                         if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(COUNTRY)})
    pool = [a + b + c for a, b, c in itertools.product(string.ascii_uppercase, repeat=3)]
    pool = [c for c in pool if c not in set(real_codes)]
    rng.shuffle(pool)
    spare = iter(pool)
    codes: dict[tuple[str, int], str] = {}
    for k in range(1, copies + 1):
        for code in real_codes:
            # past 17,576 three-letter codes (about 85 copies) synthetic States get four letters
            codes[(code, k)] = next(spare, None) or f"{code}{string.ascii_uppercase[k % 26]}"

    cache: dict[tuple[str, int], ox.NamedNode] = {}

    def clone(node: ox.NamedNode, k: int) -> ox.NamedNode:
        if k == 0:
            return node
        key = (node.value, k)
        out = cache.get(key)
        if out is None:
            if node.value.startswith(COUNTRY):
                code = node.value[len(COUNTRY):]
                out = ox.NamedNode(COUNTRY + codes.get((code, k), f"{code}-c{k}"))
            else:
                out = ox.NamedNode(f"{node.value}-c{k}")
            cache[key] = out
        return out

    source = [q for q in quads if _cloned(q.subject)]
    out = list(quads)
    for k in range(1, copies + 1):
        for q in source:
            p, o = q.predicate, q.object
            if _cloned(o):
                j = k
                if p.value == ORG_MEMBER and rng.random() < CROSS_COPY:
                    j = rng.randrange(copies + 1)
                o = clone(o, j)
            elif isinstance(o, ox.Literal) and p.value in LABELS:
                o = ox.Literal(f"{o.value} (copy {k})", language=o.language) if o.language else \
                    ox.Literal(f"{o.value} (copy {k})", datatype=o.datatype)
            elif isinstance(o, ox.Literal) and p.value == ISO_CODE:
                o = ox.Literal(clone(q.subject, k).value[len(COUNTRY):])
            out.append(ox.Quad(clone(q.subject, k), p, o, q.graph_name))
    return out


def _file_for(root: Path, graph) -> tuple[Path, bool]:
    """Where graph_files() expects the triples of ``graph`` (and whether it must be a quads file)."""
    name = graph.value if isinstance(graph, ox.NamedNode) else ""
    if name == ID + "graph/ontology":
        return root / "ontology" / "iscm.ttl", False
    if name == ID + "graph/taxonomies":
        return root / "ontology" / "taxonomies" / "taxonomies.ttl", False
    if name == ID + "graph/registry":
        return root / "data" / "registry" / "registry.ttl", False
    if name.startswith(ID + "source/"):
        return root / "data" / name[len(ID + "source/"):] / "facts.ttl", False
    return root / "data" / "contributions" / "other.nq", True


def make_root(quads: list[ox.Quad], root: Path, project_root: Path) -> Path:
    """Lay ``quads`` out as a project root at ``root``; returns its dist/iscm.nq."""
    if root.exists():
        shutil.rmtree(root)
    for sub in ("shapes", "queries"):
        shutil.copytree(project_root / sub, root / sub)
    by_file: dict[Path, list[ox.Quad]] = {}
    quad_files: set[Path] = set()
    for q in quads:
        path, as_quads = _file_for(root, q.graph_name)
        by_file.setdefault(path, []).append(q)
        if as_quads:
            quad_files.add(path)
    (root / "data" / "registry").mkdir(parents=True, exist_ok=True)
    for path, items in by_file.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path in quad_files:
            ox.serialize(items, output=str(path), format=ox.RdfFormat.N_QUADS)
        else:
            ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in items], output=str(path),
                         format=ox.RdfFormat.TURTLE)
    dist = root / "dist" / "iscm.nq"
    dist.parent.mkdir(parents=True, exist_ok=True)
    ox.serialize(quads, output=str(dist), format=ox.RdfFormat.N_QUADS)
    later = time.time() + 2  # newer than every source file: the service loads it as it is
    os.utime(dist, (later, later))
    return dist


CONTRIBUTION_SOURCE = ID + "source/bench-contribution"


def contribution(path: Path, quads: list[ox.Quad], triples: int = 1000, seed: int = SEED) -> int:
    """Write a Turtle contribution of at least ``triples`` triples: a source document and new
    memberships of existing States in existing mechanisms (5 triples each). Returns the count."""
    rng = random.Random(seed)
    mechanisms = sorted({q.subject.value for q in quads if q.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
                         and q.object.value == "https://w3id.org/iscm/ontology#RegionalConsultativeProcess"})
    states = sorted({q.subject.value for q in quads if q.predicate.value == ISO_CODE})
    lines = [
        "@prefix iscm: <https://w3id.org/iscm/ontology#> .",
        "@prefix org: <http://www.w3.org/ns/org#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
        f"<{CONTRIBUTION_SOURCE}> a iscm:SourceDocument ;",
        '    dcterms:title "Benchmark contribution: member lists" ;',
        f"    dcterms:publisher <{ID}organization/iom> ;",
        '    dcterms:issued "2026"^^xsd:gYear .',
        "",
    ]
    count, seen = 4, set()
    while count < triples:
        m, s = rng.choice(mechanisms), rng.choice(states)
        if (m, s) in seen:
            continue
        seen.add((m, s))
        iri = f"{ID}membership/bench-contribution/{m.rsplit('/', 1)[-1]}/member/{s.rsplit('/', 1)[-1]}"
        lines += [f"<{iri}> a org:Membership ;", f"    org:organization <{m}> ;", f"    org:member <{s}> ;",
                  f"    org:role <{ID}role/member> ;", f"    iscm:membershipBasis <{ID}membership-basis/named> ;",
                  '    iscm:membershipNote "listed in the benchmark contribution" .', ""]
        count += 6
    path.write_text("\n".join(lines), encoding="utf-8")
    return count
