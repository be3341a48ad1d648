"""Check files of the knowledge graph against the SHACL shapes, together with the rest of the graph.

Shapes are checked on the union of every graph, because one thing's facts are spread over
several files (a mechanism is declared in the registry, its members in a source graph).
Results are traced back to the files in which their focus node is described.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from .loading import LoadError, SourceFile, graph_files, merged_graph, parse_into, project_root
from .namespaces import PREFIXES, SH


@dataclass
class Finding:
    """One SHACL result, in terms a contributor can act on."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str | None
    files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The finding in the words of a SHACL validation result, for the JSON report."""
        return {
            "severity": self.severity, "focusNode": self.focus, "resultPath": self.path,
            "value": self.value, "message": self.message, "sourceShape": self.shape, "files": self.files,
        }


class BySeverity:
    """Findings split by severity: a violation fails a check, anything else is a warning. Mixed
    into the reports of `iscm-kg validate` and of a contribution, which both have ``findings``."""

    findings: list

    @property
    def violations(self) -> list:
        """The findings that make the check fail."""
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list:
        """The findings worth reading that do not fail the check."""
        return [f for f in self.findings if f.severity != "Violation"]


@dataclass
class ValidationOutcome(BySeverity):
    """Everything `iscm-kg validate` reports: parse errors, SHACL findings and the raw report."""

    files: list[str]
    errors: list[LoadError] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    report: Graph | None = None

    @property
    def exit_code(self) -> int:
        """The CLI's exit status: 2 unreadable files, 1 violations, 0 conforms."""
        if self.errors:
            return 2
        return 1 if self.violations else 0


def shapes_graph(root: Path | None = None) -> Graph:
    """The SHACL shapes, parsed once per set of shape files (every /validate request needs them)."""
    paths = sorted(((root or project_root()) / "shapes").glob("*.ttl"))
    return _parse_shapes(tuple((str(p), p.stat().st_mtime_ns) for p in paths))


@lru_cache(maxsize=4)
def _parse_shapes(files: tuple[tuple[str, int], ...]) -> Graph:
    g = Graph()
    for path, _ in files:
        g.parse(path, format="turtle")
    return g


def validate_files(paths: list[Path] | None = None, root: Path | None = None) -> ValidationOutcome:
    """Validate the bundled graph, or the given files together with it.

    With no paths every file of the graph is checked and every finding is reported. With
    paths, the given files are added to the bundled graph and only findings about nodes that
    those files describe are reported.
    """
    root = root or project_root()
    bundled = graph_files(root)
    extra = [SourceFile(Path(p), _contribution_graph(Path(p))) for p in paths or []]
    extra_paths = {f.path.resolve() for f in extra}
    files = [f for f in bundled if f.path.resolve() not in extra_paths] + extra
    outcome = ValidationOutcome(files=[_display(f.path, root) for f in (extra or bundled)])

    store = ox.Store()
    subjects_by_file: dict[str, set[str]] = {}
    for f in files:
        try:
            single = ox.Store()
            parse_into(single, f.path, f.graph)
        except LoadError as exc:
            exc.path = Path(_display(exc.path, root))
            outcome.errors.append(exc)
            continue
        store.extend(single)
        subjects_by_file[_display(f.path, root)] = {str(q.subject.value) for q in single if isinstance(q.subject, ox.NamedNode)}
    if outcome.errors:
        return outcome

    if extra:
        contributed = ox.Store()
        for f in extra:
            parse_into(contributed, f.path, f.graph)
        data = merged_graph(_neighbourhood(store, contributed))
    else:
        data = merged_graph(store)
    _conforms, report, _text = shacl_validate(
        data, shacl_graph=shapes_graph(root), inference="none", allow_warnings=True, abort_on_first=False,
    )
    outcome.report = report
    files_of: dict[str, list[str]] = defaultdict(list)
    for name, subjects in subjects_by_file.items():
        for s in subjects:
            files_of[s].append(name)
    wanted = set(outcome.files) if extra else None
    for finding in _findings(report):
        finding.files = files_of.get(finding.focus, [])
        if wanted is not None and not (set(finding.files) & wanted):
            continue
        outcome.findings.append(finding)
    outcome.findings.sort(key=lambda f: (f.files[:1], f.focus, f.severity, f.path or "", f.message))
    return outcome


def _neighbourhood(store: ox.Store, contributed: ox.Store) -> ox.Store:
    """The part of the graph that the shapes need to judge a contribution.

    The shapes look one step from a focus node (a value's type, a concept's scheme), so the
    contribution, every triple about the things it mentions, and the types and schemes of
    what those point to are enough; checking that instead of the whole graph is many times faster.
    """
    rdf_type = ox.NamedNode(str(RDF.type))
    in_scheme = ox.NamedNode("http://www.w3.org/2004/02/skos/core#inScheme")
    sub_class = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    out = ox.Store()
    out.extend(contributed)
    mentioned = {t for q in contributed for t in (q.subject, q.object) if isinstance(t, (ox.NamedNode, ox.BlankNode))}
    reached = set()
    for node in mentioned:
        for q in store.quads_for_pattern(node, None, None):
            out.add(q)
            if isinstance(q.object, ox.NamedNode):
                reached.add(q.object)
    for node in reached | mentioned:
        for predicate in (rdf_type, in_scheme):
            out.extend(store.quads_for_pattern(node, predicate, None))
    out.extend(store.quads_for_pattern(None, sub_class, None))
    return out


def _contribution_graph(path: Path) -> URIRef | None:
    """A contributed triples file goes into a graph named after the file; quads keep their graphs."""
    if path.suffix.lower() in (".trig", ".nq"):
        return None
    return URIRef(f"https://w3id.org/iscm/id/contribution/{path.stem}")


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def _local(term) -> str:
    return str(term).rsplit("#", 1)[-1]


def _findings(report: Graph) -> list[Finding]:
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        messages = [str(m) for m in report.objects(result, SH.resultMessage)]
        shape = report.value(result, SH.sourceShape)
        out.append(Finding(
            severity=_local(report.value(result, SH.resultSeverity)),
            focus=str(report.value(result, SH.focusNode)),
            path=_short(path) if path is not None and not _is_bnode(path) else (None if path is None else "(complex path)"),
            value=_short(value) if value is not None else None,
            message=messages[0] if messages else "constraint not satisfied",
            shape=_short(shape) if shape is not None and not _is_bnode(shape) else None,
        ))
    return out


def _is_bnode(term) -> bool:
    return not isinstance(term, (URIRef, Literal))


def _short(term) -> str:
    if isinstance(term, Literal):
        return term.n3()
    text = str(term)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and "/" not in text[len(ns):] and "#" not in text[len(ns):]:
            return f"{prefix}:{text[len(ns):]}"
    return f"<{text}>" if not _is_bnode(term) else text


# ---------------------------------------------------------------------------
# Output formats
# ---------------------------------------------------------------------------

def as_text(outcome: ValidationOutcome) -> str:
    """The outcome as text for the terminal: syntax errors, then findings by severity."""
    lines: list[str] = []
    for err in outcome.errors:
        where = f"{err.path}" + (f", line {err.line}" if err.line else "") + (f", column {err.column}" if err.column else "")
        lines.append(f"{where}: syntax error: {err.message}")
    if outcome.errors:
        lines.append(f"{len(outcome.errors)} file(s) could not be read; nothing was validated.")
        return "\n".join(lines) + "\n"
    by_file: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in outcome.findings:
        by_file[f.files[0] if f.files else "(no file)"][f.focus].append(f)
    for name in sorted(by_file):
        lines.append(name)
        for focus, items in by_file[name].items():
            lines.append(f"  {_short(URIRef(focus))}")
            for f in items:
                detail = ", ".join(x for x in (f.path and f"property {f.path}", f.value and f"value {f.value}") if x)
                lines.append(f"    {f.severity}: {f.message}" + (f" ({detail})" if detail else ""))
    n_v, n_w = len(outcome.violations), len(outcome.warnings)
    verdict = "conforms" if n_v == 0 else "does not conform"
    lines.append(f"{len(outcome.files)} file(s) checked: {verdict}; {n_v} violation(s), {n_w} warning(s).")
    return "\n".join(lines) + "\n"


def as_json(outcome: ValidationOutcome) -> str:
    """The outcome as JSON."""
    return json.dumps({
        "conforms": outcome.exit_code == 0,
        "files": outcome.files,
        "errors": [
            {"file": str(e.path), "line": e.line, "column": e.column, "message": e.message} for e in outcome.errors
        ],
        "violations": len(outcome.violations),
        "warnings": len(outcome.warnings),
        "results": [f.as_dict() for f in outcome.findings],
    }, indent=2, ensure_ascii=False) + "\n"


def as_turtle(outcome: ValidationOutcome) -> str:
    """A standard sh:ValidationReport (syntax errors cannot be expressed in SHACL and go to stderr)."""
    report = outcome.report if outcome.report is not None else Graph()
    if outcome.report is None:
        node = URIRef("urn:iscm:validation-report")
        report.add((node, RDF.type, SH.ValidationReport))
        report.add((node, SH.conforms, Literal(False)))
    for prefix, ns in PREFIXES.items():
        report.bind(prefix, ns)
    return report.serialize(format="turtle")
