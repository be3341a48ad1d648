"""The workload: the example-query catalogue plus the analytic queries users run."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .canon import group_concat_vars

HERE = Path(__file__).resolve().parent
ANALYTIC_DIR = HERE / "queries"
# The analytic queries: four of bench/queries/ plus the catalogue's per-source conflict listing.
ANALYTIC = ("membership-overlap", "thematic-cooccurrence", "country-participation", "conflicts",
            "describe-large-mechanism")
COLD_START_PROBE = "mechanisms-by-type"  # a real catalogue query every contender answers in well under a second


@dataclass
class Query:
    name: str
    title: str
    text: str
    analytic: bool
    form: str  # SELECT, ASK or GRAPH
    gc: dict[str, str] = field(default_factory=dict)  # GROUP_CONCAT variable -> separator

    @property
    def accept(self) -> str:
        return "application/n-triples" if self.form == "GRAPH" else "application/sparql-results+json"


def _form(text: str) -> str:
    result = ox.Store().query(text)
    if isinstance(result, ox.QueryBoolean):
        return "ASK"
    if isinstance(result, ox.QuerySolutions):
        return "SELECT"
    return "GRAPH"


def largest_mechanism(nquads: Path) -> str:
    """The mechanism with the most statements as subject in the real graph (ties: smallest IRI)."""
    store = ox.Store()
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    rows = list(store.query(
        "SELECT ?m (COUNT(*) AS ?n) WHERE { ?m a <https://w3id.org/iscm/ontology#InterStateConsultationMechanism> . "
        "?m ?p ?o } GROUP BY ?m ORDER BY DESC(?n) ?m LIMIT 1", use_default_graph_as_union=True))
    return rows[0]["m"].value


def _read(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    title = path.stem.replace("-", " ")
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line.lower().startswith("# title:"):
            title = line.split(":", 1)[1].strip()
    return title, text


def load_workload(project_root: Path, real_nquads: Path, names: list[str] | None = None) -> list[Query]:
    """Every catalogue query and every analytic query (or only ``names``), catalogue first."""
    from iscm_kg.catalogue import load_catalogue

    queries: list[Query] = []
    for name, q in load_catalogue(project_root).items():
        queries.append(Query(name, q.title, q.text, name in ANALYTIC, _form(q.text), group_concat_vars(q.text)))
    mechanism = None
    for path in sorted(ANALYTIC_DIR.glob("*.rq")):
        title, text = _read(path)
        if "{mechanism}" in text:
            if names is not None and path.stem not in names:
                continue
            mechanism = mechanism or largest_mechanism(real_nquads)
            text = text.replace("{mechanism}", mechanism)
            title = f"{title} ({mechanism.rsplit('/', 1)[-1]})"
        queries.append(Query(path.stem, title, text, True, _form(text), group_concat_vars(text)))
    if names is not None:
        known = {q.name for q in queries}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise SystemExit(f"unknown queries: {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        queries = [q for q in queries if q.name in names]
    return queries


def mixed_sequence(queries: list[Query], count: int, seed: int, unique: bool) -> list[tuple[Query, str]]:
    """A deterministic request sequence drawn from ``queries`` (catalogue queries four times as likely
    as analytic ones). With ``unique``, each request's text differs by a trailing comment, so that no
    cache can answer it; without, queries repeat as they do on a public endpoint."""
    rng = random.Random(seed)
    weights = [1 if q.analytic else 4 for q in queries]
    picks = rng.choices(queries, weights=weights, k=count)
    return [(q, q.text + (f"\n# request {i}\n" if unique else "")) for i, q in enumerate(picks)]
