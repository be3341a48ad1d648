"""Checking and adding contributed RDF: the answers a contributor needs before anything is merged.

A contribution is checked *together with* the bundled graph, so that its references resolve:
syntax (with line, column and the offending line), SHACL (each finding at the line where its
focus node is described), references to things that exist nowhere (with suggestions),
duplicates of existing mechanisms, States or organizations under new IRIs, and provenance
(every fact sits in the named graph of a source document the contribution describes).
"""

from __future__ import annotations

import difflib
import html
import json
import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from .loading import LoadError, build, graph_files, load_store, merged_graph, project_root
from .namespaces import PREFIXES, SH
from .validation import BySeverity, _findings, _neighbourhood, _short, shapes_graph

ID = "https://w3id.org/iscm/id/"
ISCM = "https://w3id.org/iscm/ontology#"
SOURCE_DOCUMENT = ox.NamedNode(ISCM + "SourceDocument")
RDF_TYPE = ox.NamedNode(str(RDF.type))
LABELS = (ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
          ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"))
ENTITY_CLASSES = {
    ISCM + "InterStateConsultationMechanism": "mechanism",
    ISCM + "RegionalConsultativeProcess": "mechanism",
    ISCM + "InterregionalForum": "mechanism",
    ISCM + "GlobalProcess": "mechanism",
    ISCM + "State": "State",
    "http://www.w3.org/ns/org#FormalOrganization": "organization",
}
CLASS_TYPES = (ox.NamedNode("http://www.w3.org/2002/07/owl#Class"),
               ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#Class"))
SUPERCLASSES = f"""SELECT DISTINCT ?c ?d WHERE {{
  ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>+ ?d FILTER(STRSTARTS(STR(?d), "{ISCM}") && ?c != ?d) }}"""
# What a contribution may be written in. Not RDF/XML: an XML parser is a door for entity expansion.
ACCEPTED = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD)
MEDIA_TYPES = {f.media_type: f for f in ACCEPTED} | {"application/x-turtle": ox.RdfFormat.TURTLE}
QUAD_FORMATS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS}
MAX_BYTES = 5 * 1024 * 1024
# The checks cost up to 2 ms per statement (SHACL in pure Python, on an rdflib copy); a contribution
# describes a source or a few mechanisms: the largest source graph today has 6,300 statements.
MAX_STATEMENTS = 10_000
# The JSON-LD parser recurses into nested objects: a few thousand levels (a 100 KB upload) exhaust
# the stack and abort the whole web worker. JSON-LD documents nest a handful of levels.
MAX_JSON_DEPTH = 100
# Findings of one check that are located (line) and explained (suggestions); more are counted.
MAX_LISTED = 200
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\[\s\S])*(?:"|\\?\Z)|[\[\]{}]')  # strings (even unterminated), brackets
CHECKS = Namespace("https://w3id.org/iscm/shapes#")


@dataclass
class Finding:
    """One problem found in a contribution, located (line, column, the text there) where it can be."""
    kind: str  # syntax | shacl | reference | duplicate | provenance | input
    severity: str  # Violation | Warning
    message: str
    focus: str | None = None
    path: str | None = None
    value: str | None = None
    shape: str | None = None
    line: int | None = None
    column: int | None = None
    quote: str | None = None
    suggestions: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The finding's fields that have a value, for the JSON report."""
        return {k: v for k, v in self.__dict__.items() if v not in (None, [], "")}


@dataclass
class Report(BySeverity):
    """What checking one contributed file found, with the graphs it adds to and the new entities it names."""
    name: str
    findings: list[Finding] = field(default_factory=list)
    graphs: dict[str, int] = field(default_factory=dict)
    new_entities: list[tuple[str, str, str]] = field(default_factory=list)
    shacl: Graph | None = None
    store: ox.Store | None = None  # the parsed contribution, as quads

    @property
    def unreadable(self) -> bool:
        """Whether the file could not be read at all (syntax or input problems)."""
        return any(f.kind in ("syntax", "input") for f in self.findings)

    @property
    def exit_code(self) -> int:
        """The CLI's exit status: 2 unreadable, 1 violations, 0 conforms."""
        return 2 if self.unreadable else (1 if self.violations else 0)

    @property
    def conforms(self) -> bool:
        """Whether the contribution can be added as it is."""
        return self.exit_code == 0


def format_for(name: str = "", media_type: str | None = None) -> ox.RdfFormat | None:
    """The accepted format a media type or file name (by its extension, .json for JSON-LD) names, or None."""
    if media_type:
        return MEDIA_TYPES.get(media_type.split(";")[0].strip().lower())
    fmt = ox.RdfFormat.from_extension(Path(name).suffix.lower().lstrip(".")) if Path(name).suffix else None
    return fmt if fmt in ACCEPTED else None


class BundledGraph:
    """The bundled graph as the checks need it: the store and an index of its entities' names."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.subjects: set[str] = {q.subject.value for q in store if isinstance(q.subject, ox.NamedNode)}
        self.graph_names: set[str] = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
        self.labels: dict[str, str] = {}
        self.by_name: dict[tuple[str, str], set[str]] = defaultdict(set)  # (kind, normalised name) -> IRIs
        kinds: dict[str, str] = {}
        for cls, kind in ENTITY_CLASSES.items():
            for q in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(cls)):
                kinds[q.subject.value] = kind
        for predicate in LABELS:
            for q in store.quads_for_pattern(None, predicate, None):
                iri = q.subject.value
                if predicate == LABELS[0] and getattr(q.object, "language", None) == "en":
                    self.labels[iri] = q.object.value
                if iri in kinds:
                    self.by_name[(kinds[iri], normalise(q.object.value))].add(iri)

        # the ontology's terms by kind, and each class's ISCM superclasses (rdfs:subClassOf, transitively)
        self.classes: set[str] = set()
        for cls in CLASS_TYPES:
            self.classes |= {q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, cls)}
        self.superclasses: dict[str, set[str]] = defaultdict(set)
        for row in store.query(SUPERCLASSES, use_default_graph_as_union=True):
            self.superclasses[row["c"].value].add(row["d"].value)

    @classmethod
    def from_project(cls, root: Path | None = None, without: Path | None = None) -> "BundledGraph":
        """The project's graph; ``without`` leaves one file out (the contribution being replaced)."""
        root = root or project_root()
        files = [f for f in graph_files(root) if without is None or f.path.resolve() != without.resolve()]
        return cls(load_store(files))


def normalise(text: str) -> str:
    """A name folded for comparing: accents, case, punctuation and 'the' dropped."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return " ".join(w for w in re.findall(r"[a-z0-9]+", text) if w != "the")


# ---------------------------------------------------------------------------
# The check
# ---------------------------------------------------------------------------

def check(data: bytes, fmt: ox.RdfFormat | None, name: str, bundled: BundledGraph,
          root: Path | None = None, max_bytes: int = MAX_BYTES, max_statements: int = MAX_STATEMENTS) -> Report:
    """Check contributed RDF against the bundled graph: syntax, size, SHACL, references, duplicates and provenance."""
    report = Report(name=name)
    if fmt is None:
        report.findings.append(Finding("input", "Violation",
            "Unsupported format: send Turtle (.ttl, text/turtle), TriG (.trig), N-Triples (.nt), "
            "N-Quads (.nq) or JSON-LD (.jsonld, application/ld+json)."))
        return report
    if len(data) > max_bytes:
        report.findings.append(Finding("input", "Violation",
            f"The contribution is {len(data) // 1024} KB; the limit is {max_bytes // 1024} KB. Split it into several files."))
        return report
    if not data.strip():
        report.findings.append(Finding("input", "Violation", "The contribution is empty."))
        return report
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        report.findings.append(Finding("syntax", "Violation", f"The file is not valid UTF-8 (byte {exc.start}).", line=line))
        return report

    if fmt == ox.RdfFormat.JSON_LD and json_depth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        report.findings.append(Finding("input", "Violation",
            f"The JSON-LD document nests objects or arrays more than {MAX_JSON_DEPTH} levels deep; flatten it."))
        return report

    store = ox.Store()
    try:
        if fmt in QUAD_FORMATS:
            store.load(input=data, format=fmt)
        else:
            store.load(input=data, format=fmt, to_graph=ox.DefaultGraph())
    except SyntaxError as exc:
        line, column = (exc.lineno, exc.offset) if exc.lineno else (None, None)
        message = exc.msg if isinstance(exc.msg, str) else str(exc)
        if message.startswith("Parser error") and ": " in message:
            message = message.split(": ", 1)[1]
        if "LoadDocumentCallback" in message:  # the parser was asked to fetch a remote @context
            message = ("a remote JSON-LD @context is not fetched (checking never makes outbound requests); "
                       "put the context inline in the document")
        lines = text.splitlines()
        quote = lines[line - 1] if line and 0 < line <= len(lines) else None
        report.findings.append(Finding("syntax", "Violation", f"Syntax error: {message}", line=line, column=column, quote=quote))
        return report
    except (ValueError, OSError) as exc:
        report.findings.append(Finding("syntax", "Violation", f"The file cannot be read as RDF: {exc}"))
        return report
    if len(store) > max_statements:
        report.findings.append(Finding("input", "Violation",
            f"The contribution holds {len(store)} statements; the limit is {max_statements}. Split it into several files."))
        return report

    locate = Locator(text)
    store = _assign_graphs(store, fmt, report, locate, bundled)
    report.store = store
    for g in store.named_graphs():
        report.graphs[g.value if isinstance(g, ox.NamedNode) else str(g)] = sum(1 for _ in store.quads_for_pattern(None, None, None, g))

    _infer_types(store, bundled)
    _check_shacl(store, bundled, report, locate, root)
    _check_references(store, bundled, report, locate)
    _check_duplicates(store, bundled, report, locate)
    report.findings.sort(key=lambda f: (f.line or 0, f.kind, f.message))
    return report


def json_depth(text: str, stop: int | None = None) -> int:
    """How deep the objects and arrays of a JSON text nest (brackets inside strings don't count);
    linear in the length of the text, and stops counting past ``stop``."""
    depth = deepest = 0
    for m in _JSON_TOKENS.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop is not None and deepest > stop:
                    break
        elif c in "]}":
            depth -= 1
    return deepest


def _assign_graphs(store: ox.Store, fmt, report: Report, locate: "Locator", bundled: BundledGraph) -> ox.Store:
    """Put the facts in the named graph of the source the contribution describes; check provenance."""
    sources = sorted({q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, SOURCE_DOCUMENT)
                      if isinstance(q.subject, ox.NamedNode)})
    if not sources:
        report.findings.append(Finding("provenance", "Violation",
            "The contribution does not describe its source. Add the document the facts come from, e.g. "
            "<https://w3id.org/iscm/id/source/my-source> a iscm:SourceDocument ; dcterms:title \"…\" ; "
            "dcterms:publisher <…> ; dcterms:issued \"2024\"^^xsd:gYear ."))
    for s in sources:
        if s in bundled.graph_names:
            report.findings.append(Finding("provenance", "Violation",
                f"{_short(URIRef(s))} is already a graph of the bundled data; a contribution is a new source "
                "with a graph of its own (to update an earlier contribution of this source, run "
                "`iscm-kg add --replace FILE`).", focus=s, line=locate.subject_line(s)))
    if fmt in QUAD_FORMATS:
        default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        if default:
            subj = default[0].subject.value if isinstance(default[0].subject, ox.NamedNode) else None
            report.findings.append(Finding("provenance", "Violation",
                f"{len(default)} statement(s) are outside any named graph; put every fact in the graph of its source "
                "(GRAPH <source IRI> { … }).", focus=subj, line=locate.subject_line(subj) if subj else None))
        for g in store.named_graphs():
            if isinstance(g, ox.NamedNode) and g.value not in sources:
                report.findings.append(Finding("provenance", "Violation",
                    f"Graph {_short(URIRef(g.value))} is not a source described in the contribution; name each graph "
                    "after the iscm:SourceDocument whose facts it holds.", focus=g.value, line=locate.line_of(g.value)))
        return store
    if len(sources) > 1:
        last = max(sources, key=lambda s: locate.subject_line(s) or 0)
        report.findings.append(Finding("provenance", "Violation",
            f"The file describes {len(sources)} sources; a triples file holds the facts of one source. "
            "Use TriG to give each source its own graph.", focus=last, line=locate.subject_line(last)))
    graph = ox.NamedNode(sources[0]) if sources else ox.NamedNode(ID + "contribution/unattributed")
    out = ox.Store()
    out.extend(ox.Quad(q.subject, q.predicate, q.object, graph) for q in store)
    return out


def _infer_types(store: ox.Store, bundled: BundledGraph) -> None:
    """Apply the ontology's subclass axioms to the contribution's types (RDFS entailment rule rdfs9).

    A contributor who types a new mechanism ``a iscm:RegionalConsultativeProcess`` has said that it is an
    ``iscm:InterStateConsultationMechanism``: the ontology makes the one a subclass of the other. The
    entailed types (superclasses in the ISCM namespace only) are added in the same graph, so the shapes
    see them and ``iscm-kg add`` writes them, and queries over the merged graph find the new mechanism.
    """
    entailed = [ox.Quad(q.subject, RDF_TYPE, ox.NamedNode(d), q.graph_name)
                for q in store.quads_for_pattern(None, RDF_TYPE, None)
                if isinstance(q.object, ox.NamedNode) for d in bundled.superclasses.get(q.object.value, ())]
    store.extend(entailed)


def _check_shacl(store: ox.Store, bundled: BundledGraph, report: Report, locate: "Locator", root) -> None:
    from pyshacl import validate as shacl_validate

    data = merged_graph(_neighbourhood(bundled.store, store))
    _, shacl_report, _ = shacl_validate(data, shacl_graph=shapes_graph(root), inference="none",
                                        allow_warnings=True, abort_on_first=False)
    report.shacl = shacl_report
    mine = {q.subject.value for q in store if isinstance(q.subject, ox.NamedNode)}
    listed, unlisted_severities = 0, set()
    for f in _findings(shacl_report):
        if f.focus not in mine:
            continue
        listed += 1  # locating a finding scans the text: past MAX_LISTED they are counted, not listed
        if listed > MAX_LISTED:
            unlisted_severities.add(f.severity)
        else:
            report.findings.append(Finding("shacl", f.severity, f.message, focus=f.focus, path=f.path, value=f.value,
                                           shape=f.shape, line=locate.subject_line(f.focus)))
    if listed > MAX_LISTED:
        severity = "Violation" if "Violation" in unlisted_severities else "Warning"
        report.findings.append(Finding("shacl", severity, f"… and {listed - MAX_LISTED} more SHACL results "
                                       f"(only the first {MAX_LISTED} are listed)."))


def _check_references(store: ox.Store, bundled: BundledGraph, report: Report, locate: "Locator") -> None:
    defined = {q.subject.value for q in store if isinstance(q.subject, ox.NamedNode)} | bundled.subjects
    defined |= {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    seen: set[str] = set()
    unknown = 0
    for q in store:
        for term, position in ((q.object, "object"), (q.predicate, "predicate")):
            if not isinstance(term, ox.NamedNode) or term.value in seen:
                continue
            iri = term.value
            if iri.startswith(ID) and iri not in defined:
                message = f"{_short(URIRef(iri))} is neither in the graph nor described in this file."
                focus = q.subject.value if isinstance(q.subject, ox.NamedNode) else None
            elif iri.startswith(ISCM) and iri not in bundled.subjects:
                message, focus = f"{_short(URIRef(iri))} is not a term of the ISCM ontology.", None
            else:
                continue
            seen.add(iri)
            unknown += 1  # suggestions and lines cost a scan each: past MAX_LISTED they are counted only
            if unknown <= MAX_LISTED:
                as_class = position == "object" and q.predicate == RDF_TYPE
                options = _suggest(iri, bundled, among=_ontology_terms(bundled, iri, as_class, position == "predicate"))
                report.findings.append(Finding("reference", "Violation", message + _did_you_mean(options, bundled),
                                               focus=focus, value=iri, line=locate.line_of(iri), suggestions=options))
    if unknown > MAX_LISTED:
        report.findings.append(Finding("reference", "Violation", f"… and {unknown - MAX_LISTED} more IRIs that "
                                       f"resolve nowhere (only the first {MAX_LISTED} are listed)."))


def _ontology_terms(bundled: BundledGraph, iri: str, as_class: bool, as_property: bool) -> set[str] | None:
    """The terms an unknown ontology IRI may be a misspelling of: classes where a class is used
    (the object of rdf:type), properties where a property is (a predicate); anything otherwise."""
    if not iri.startswith(ISCM):
        return None
    if as_class:
        return bundled.classes
    if as_property:
        return {s for s in bundled.subjects if s.startswith(ISCM)} - bundled.classes
    return None


def _suggest(iri: str, bundled: BundledGraph, n: int = 3, among: set[str] | None = None) -> list[str]:
    head, _, local = iri.rpartition("/") if not iri.startswith(ISCM) else iri.rpartition("#")
    candidates = {s.rpartition("#" if iri.startswith(ISCM) else "/")[2]: s for s in (among or bundled.subjects)
                  if s.startswith(head + ("#" if iri.startswith(ISCM) else "/"))}
    by_local = difflib.get_close_matches(local, list(candidates), n=n, cutoff=0.6)
    # a word of a longer name ("Mechanism" for InterStateConsultationMechanism)
    by_local += [c for c in sorted(candidates, key=len) if len(local) >= 4 and local.lower() in c.lower()
                 and c not in by_local]
    out = [candidates[c] for c in by_local[:n]]
    # a name typed where a code belongs ("Germany" for DEU), or a misspelt name
    wanted = normalise(local.replace("-", " "))
    for (kind, name), iris in bundled.by_name.items():
        if name == wanted:
            out.extend(i for i in iris if i.startswith(head) and i not in out)
    return out[:n]


def _did_you_mean(options: list[str], bundled: BundledGraph) -> str:
    if not options:
        return ""
    shown = [f"{_short(URIRef(o))}" + (f" — {bundled.labels[o]}" if o in bundled.labels else "") for o in options]
    return " Did you mean " + " or ".join(shown) + "?"


def _check_duplicates(store: ox.Store, bundled: BundledGraph, report: Report, locate: "Locator") -> None:
    for cls, kind in ENTITY_CLASSES.items():
        for q in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(cls)):
            iri = q.subject.value
            if iri in bundled.subjects or not isinstance(q.subject, ox.NamedNode):
                continue
            names = [o.object.value for p in LABELS for o in store.quads_for_pattern(q.subject, p, None)]
            label = next((o.object.value for o in store.quads_for_pattern(q.subject, LABELS[0], None)), "")
            if (iri, cls, label) not in report.new_entities:
                report.new_entities.append((iri, kind, label))
            for name in names:
                existing = sorted(bundled.by_name.get((kind, normalise(name)), set()) - {iri})
                if existing:
                    shown = ", ".join(f"{_short(URIRef(e))} ({bundled.labels.get(e, '')})" for e in existing)
                    report.findings.append(Finding("duplicate", "Violation",
                        f"New {kind} {_short(URIRef(iri))} is named \"{name}\", like existing {shown}: "
                        "describe the existing IRI instead of minting a new one.",
                        focus=iri, value=name, line=locate.subject_line(iri), suggestions=existing))
                    break


class Locator:
    """Find the line where a term is described in the contributed text (Turtle, TriG, N-Triples, JSON-LD)."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.prefixes: dict[str, str] = {}
        for m in re.finditer(r"(?im)^\s*@?prefix\s+([A-Za-z0-9_.-]*):\s*<([^>]*)>", text):
            self.prefixes[m.group(1)] = m.group(2)

    def _forms(self, iri: str) -> list[str]:
        forms = [f"<{iri}>", f'"{iri}"']
        for prefix, ns in self.prefixes.items():
            if iri.startswith(ns) and iri != ns:
                forms.append(f"{prefix}:{iri[len(ns):]}")
        return forms

    def subject_line(self, iri: str | None) -> int | None:
        """The line where the IRI first stands as a subject (a statement about it begins)."""
        if not iri:
            return None
        forms = self._forms(iri)
        for number, line in enumerate(self.lines, 1):
            stripped = line.lstrip()
            if any(stripped.startswith(f) and (len(stripped) == len(f) or not (stripped[len(f)].isalnum() or stripped[len(f)] in "-_:/"))
                   for f in forms):
                return number
            if f'"@id": "{iri}"' in line or f'"@id":"{iri}"' in line:
                return number
        return self.line_of(iri)

    def line_of(self, iri: str) -> int | None:
        """The first line that mentions the IRI in any of the forms it may be written in."""
        forms = self._forms(iri)
        pattern = re.compile("|".join(re.escape(f) + r"(?![\w:/-])" for f in forms))
        for number, line in enumerate(self.lines, 1):
            if pattern.search(line):
                return number
        return None


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------

def as_text(reports: list[Report]) -> str:
    """The reports as plain text, findings grouped by the node they are about."""
    out: list[str] = []
    for r in reports:
        out.append(r.name)
        by_focus: dict[str, list[Finding]] = defaultdict(list)
        for f in r.findings:
            by_focus[f.focus or ""].append(f)
        for focus, items in by_focus.items():
            if focus:
                out.append(f"  {_short(URIRef(focus))}" + (f" (line {items[0].line})" if items[0].line else ""))
            for f in items:
                where = f"line {f.line}" + (f", column {f.column}" if f.column else "") + ": " if f.line and not focus else ""
                detail = ", ".join(x for x in (f.path and f"property {f.path}", f.value and f.kind == "shacl" and f"value {f.value}") if x)
                out.append(f"    {f.severity} [{f.kind}] {where}{f.message}" + (f" ({detail})" if detail else ""))
                if f.quote is not None:
                    out.append(f"      | {f.quote}")
                    if f.column:
                        out.append(f"      | {' ' * max(f.column - 1, 0)}^")
        verdict = "unreadable" if r.unreadable else ("conforms" if r.conforms else "does not conform")
        out.append(f"  {verdict}: {len(r.violations)} violation(s), {len(r.warnings)} warning(s); "
                   + ", ".join(f"{n} triple(s) in <{g}>" for g, n in r.graphs.items()))
    return "\n".join(out) + "\n"


def as_json(reports: list[Report]) -> str:
    """The reports as JSON (the schema is in the OpenAPI document)."""
    return json.dumps({
        "conforms": all(r.conforms for r in reports),
        "contributions": [{
            "name": r.name, "conforms": r.conforms, "readable": not r.unreadable,
            "violations": len(r.violations), "warnings": len(r.warnings),
            "graphs": r.graphs,
            "newEntities": [{"iri": i, "kind": k, "label": l} for i, k, l in r.new_entities],
            "results": [f.as_dict() for f in r.findings],
        } for r in reports],
    }, indent=2, ensure_ascii=False) + "\n"


def as_turtle(reports: list[Report]) -> str:
    """One sh:ValidationReport: SHACL results, plus the other checks as results of named checks."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("check", CHECKS)
    node = BNode()
    g.add((node, RDF.type, SH.ValidationReport))
    g.add((node, SH.conforms, Literal(all(r.conforms for r in reports))))
    for r in reports:
        for f in r.findings:
            result = BNode()
            g.add((node, SH.result, result))
            g.add((result, RDF.type, SH.ValidationResult))
            g.add((result, SH.resultSeverity, SH[f.severity]))
            g.add((result, SH.resultMessage, Literal(f.message)))
            if f.focus:
                g.add((result, SH.focusNode, URIRef(f.focus)))
            if f.value:
                g.add((result, SH.value, URIRef(f.value) if f.value.startswith("http") else Literal(f.value)))
            g.add((result, SH.sourceShape, CHECKS[f.shape.split(":")[-1]] if f.shape and f.kind == "shacl" else CHECKS[f.kind + "Check"]))
            if f.line:
                g.add((result, CHECKS.line, Literal(f.line, datatype=XSD.integer)))
    return g.serialize(format="turtle")


def as_html(reports: list[Report]) -> str:
    """The reports as an HTML fragment for the contribution form."""
    parts = []
    for r in reports:
        verdict = "unreadable" if r.unreadable else ("conforms" if r.conforms else "does not conform")
        rows = "".join(
            f"<tr class='{html.escape(f.severity.lower())}'><td>{f.line or ''}</td><td>{html.escape(f.severity)}</td>"
            f"<td>{html.escape(f.kind)}</td><td>{html.escape(_short(URIRef(f.focus)) if f.focus else '')}</td>"
            f"<td>{html.escape(f.path or '')}</td><td>{html.escape(f.message)}"
            + (f"<pre>{html.escape(f.quote)}</pre>" if f.quote is not None else "") + "</td></tr>"
            for f in r.findings)
        parts.append(f"<section><h2>{html.escape(r.name)}: {verdict}</h2>"
                     f"<p>{len(r.violations)} violation(s), {len(r.warnings)} warning(s).</p>"
                     + (f"<table><thead><tr><th>line</th><th>severity</th><th>check</th><th>node</th><th>property</th>"
                        f"<th>message</th></tr></thead><tbody>{rows}</tbody></table>" if rows else "")
                     + "</section>")
    return "".join(parts)


# ---------------------------------------------------------------------------
# Adding a contribution
# ---------------------------------------------------------------------------

class AddError(RuntimeError):
    """A contribution that cannot be added (it does not conform, or its file already exists)."""
    pass


def contribution_path(report: Report, root: Path) -> Path:
    """Where an added contribution is written: data/contributions/<its source's slug>.trig."""
    names = [g for g in report.graphs if g.startswith(ID + "source/")]
    slug = names[0].rsplit("/", 1)[-1] if names else Path(report.name).stem
    slug = re.sub(r"[^a-z0-9-]+", "-", slug.lower()).strip("-") or "contribution"
    return root / "data" / "contributions" / f"{slug}.trig"


def check_replacing(data: bytes, fmt: ox.RdfFormat | None, name: str, root: Path | None = None) -> Report:
    """Check a new version of an earlier contribution: against the bundled graph without the file
    it replaces, so that its own source graph and entities do not count as taken."""
    root = root or project_root()
    report = check(data, fmt, name, BundledGraph.from_project(root), root=root)
    target = contribution_path(report, root)
    if report.unreadable or not target.exists():
        return report
    return check(data, fmt, name, BundledGraph.from_project(root, without=target), root=root)


def add(report: Report, root: Path | None = None, replace: bool = False) -> Path:
    """Write a conforming contribution to data/contributions/ and rebuild, all or nothing.

    The file is written to a temporary file beside the project and renamed into place (atomic on
    one file system); if the rebuild then fails, the file is removed again (or the previous
    version put back), so data/ is exactly as it was.
    """
    root = root or project_root()
    if not report.conforms or report.store is None:
        raise AddError("the contribution does not conform; nothing was added")
    target = contribution_path(report, root)
    if target.exists() and not replace:
        raise AddError(f"{target.relative_to(root)} already exists; use --replace to replace it")
    prefixes = {p: ns for p, ns in PREFIXES.items() if p != "id"}
    body = report.store.dump(format=ox.RdfFormat.TRIG, prefixes=prefixes)
    header = (f"# Contribution checked with `iscm-kg validate` and added with `iscm-kg add` from {Path(report.name).name}.\n"
              "# Each named graph is the source document its facts come from.\n\n").encode()
    scratch = root / ".iscm-tmp"
    scratch.mkdir(exist_ok=True)
    backup = None
    fd, tmp_name = tempfile.mkstemp(dir=scratch, suffix=".trig")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(header + body)
            fh.flush()
            os.fsync(fh.fileno())
        _pause_for_tests()
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            backup = scratch / (target.name + ".previous")
            os.replace(target, backup)
        os.replace(tmp_name, target)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        if backup is not None and backup.exists():
            os.replace(backup, target)
        raise
    try:
        build(root)
    except (LoadError, OSError) as exc:
        os.unlink(target)
        if backup is not None and backup.exists():
            os.replace(backup, target)
        raise AddError(f"the rebuild failed, so the contribution was taken back out: {exc}") from None
    if backup is not None and backup.exists():
        backup.unlink()
    return target


def _pause_for_tests() -> None:
    """A hook for the crash test: stop between writing the temporary file and renaming it."""
    delay = os.environ.get("ISCM_KG_ADD_PAUSE")
    if delay:
        import time
        time.sleep(float(delay))
