"""Answers in a canonical form, so that every contender's answer can be compared with the reference.

A SELECT answer becomes a multiset of rows; a row is a tuple of canonical term strings in the
order of the reference's variables. Terms are canonical across engines and result formats:

* IRIs as ``<iri>``; every blank node as ``_:`` (labels are not comparable between engines);
* numbers (any XSD numeric datatype) as ``num:`` and the value to 12 significant digits, so that
  ``"3"^^xsd:integer`` and ``"3.0"^^xsd:decimal`` agree; booleans as ``bool:true|false``;
* other literals with their language tag (lower-cased) or datatype (``xsd:string`` dropped);
* the values of GROUP_CONCAT variables split on their separator and sorted, since the order in
  which an engine concatenates a group is unspecified, and compared as plain strings: SPARQL 1.1
  makes the result a simple literal, while Oxigraph keeps a language tag its parts share.

A CONSTRUCT or DESCRIBE answer becomes the set of its triples (an RDF graph is a set).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

XSD = "http://www.w3.org/2001/XMLSchema#"
STRING_TYPES = {XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
NUMERIC_TYPES = {XSD + t for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "nonPositiveInteger", "positiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte")}
BOOLEAN = XSD + "boolean"


def literal(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    if lang:
        return f'"{value}"@{lang.lower()}'
    if datatype in NUMERIC_TYPES:
        try:
            return f"num:{float(value):.12g}"
        except ValueError:
            pass
    if datatype == BOOLEAN:
        return "bool:" + ("true" if value.strip() in ("true", "1") else "false")
    if datatype and datatype not in STRING_TYPES:
        return f'"{value}"^^<{datatype}>'
    return f'"{value}"'


# -- terms from each source ---------------------------------------------------------------------

def json_term(binding: dict | None) -> str | None:
    """A term of the SPARQL 1.1 Query Results JSON format (and the older ``typed-literal``)."""
    if binding is None:
        return None
    kind = binding.get("type")
    if kind == "uri":
        return f"<{binding['value']}>"
    if kind == "bnode":
        return "_:"
    if kind in ("literal", "typed-literal"):
        return literal(binding["value"], binding.get("xml:lang") or binding.get("lang"), binding.get("datatype"))
    if kind == "triple":
        v = binding["value"]
        return "<<" + " ".join(json_term(v[k]) or "" for k in ("subject", "predicate", "object")) + ">>"
    return f"?{kind}:{binding.get('value')}"


def ox_term(term) -> str | None:
    """A pyoxigraph term."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return "_:"
    if isinstance(term, ox.Literal):
        return literal(term.value, term.language, term.datatype.value if term.datatype else None)
    if isinstance(term, ox.Triple):
        return "<<" + " ".join(ox_term(t) or "" for t in (term.subject, term.predicate, term.object)) + ">>"
    return f"?{term!r}"


def rdflib_term(term) -> str | None:
    """An rdflib term."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return "_:"
    if isinstance(term, Literal):
        return literal(str(term), term.language, str(term.datatype) if term.datatype else None)
    return f"?{term!r}"


# -- GROUP_CONCAT -------------------------------------------------------------------------------

_GROUP_CONCAT = re.compile(r"GROUP_CONCAT\s*\(", re.IGNORECASE)
_SEPARATOR = re.compile(r";\s*SEPARATOR\s*=\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')\s*$", re.IGNORECASE | re.DOTALL)
_AS = re.compile(r"\s*\)\s*AS\s*[?$](\w+)", re.IGNORECASE)


def group_concat_vars(query: str) -> dict[str, str]:
    """Variables bound by ``(GROUP_CONCAT(... ; separator="x") AS ?v)``, with their separators."""
    out: dict[str, str] = {}
    for m in _GROUP_CONCAT.finditer(query):
        depth, i = 1, m.end()
        while i < len(query) and depth:
            depth += {"(": 1, ")": -1}.get(query[i], 0)
            i += 1
        inner = query[m.end():i - 1]
        sep = " "
        s = _SEPARATOR.search(inner)
        if s:
            sep = s.group(1)[1:-1].encode().decode("unicode_escape")
        a = _AS.match(query, i - 1)
        if a:
            out[a.group(1)] = sep
    return out


def _sorted_concat(term: str | None, sep: str) -> str | None:
    if term is None or not term.startswith('"'):
        return term
    value = term[1:term.rfind('"')]
    parts = sorted(value.split(sep)) if value else []
    return '"' + sep.join(parts) + '"'


# -- answers ------------------------------------------------------------------------------------

@dataclass
class Answer:
    """A canonical answer: ``kind`` is SELECT, ASK or GRAPH."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # SELECT rows (multiset) / GRAPH triples (set)
    boolean: bool | None = None

    @classmethod
    def select(cls, variables: list[str], rows: list[tuple], gc: dict[str, str] | None = None) -> "Answer":
        gc = gc or {}
        if gc:
            idx = [(i, gc[v]) for i, v in enumerate(variables) if v in gc]
            fixed = []
            for row in rows:
                row = list(row)
                for i, sep in idx:
                    row[i] = _sorted_concat(row[i], sep)
                fixed.append(tuple(row))
            rows = fixed
        return cls("SELECT", list(variables), sorted(rows, key=_key))

    @classmethod
    def graph(cls, triples) -> "Answer":
        return cls("GRAPH", ["subject", "predicate", "object"], sorted(set(map(tuple, triples)), key=_key))

    @classmethod
    def ask(cls, value: bool) -> "Answer":
        return cls("ASK", boolean=bool(value))

    def to_json(self) -> dict:
        return {"kind": self.kind, "variables": self.variables, "rows": [list(r) for r in self.rows],
                "boolean": self.boolean}

    @classmethod
    def from_json(cls, data: dict) -> "Answer":
        return cls(data["kind"], data.get("variables") or [], [tuple(r) for r in data.get("rows") or []],
                   data.get("boolean"))

    def size(self) -> int:
        return len(self.rows) if self.kind != "ASK" else 1

    def digest(self) -> str:
        h = hashlib.sha256(self.kind.encode())
        h.update(repr(self.variables).encode())
        for r in self.rows:
            h.update(repr(r).encode())
        h.update(repr(self.boolean).encode())
        return h.hexdigest()[:16]

    def reorder(self, variables: list[str]) -> "Answer":
        """The same answer with its columns in the order of ``variables`` (when they are the same set)."""
        if self.kind != "SELECT" or self.variables == variables or set(self.variables) != set(variables):
            return self
        pos = [self.variables.index(v) for v in variables]
        return Answer("SELECT", list(variables), sorted((tuple(r[i] for i in pos) for r in self.rows), key=_key))


def _key(row: tuple) -> tuple:
    return tuple("" if t is None else t for t in row)


def compare(reference: Answer, other: Answer, sample: int = 3) -> str | None:
    """None when the answers agree; otherwise what differs, in one line."""
    if reference.kind != other.kind:
        return f"answer kind {other.kind}, expected {reference.kind}"
    if reference.kind == "ASK":
        return None if reference.boolean == other.boolean else f"ASK {other.boolean}, expected {reference.boolean}"
    other = other.reorder(reference.variables)
    if reference.kind == "SELECT" and set(reference.variables) != set(other.variables):
        return f"variables {sorted(other.variables)}, expected {sorted(reference.variables)}"
    want, got = Counter(reference.rows), Counter(other.rows)
    if want == got:
        return None
    missing, extra = want - got, got - want
    parts = [f"{sum(got.values())} rows, expected {sum(want.values())}"]
    if missing:
        parts.append(f"{sum(missing.values())} missing (e.g. {_show(next(iter(missing)))})")
    if extra:
        parts.append(f"{sum(extra.values())} unexpected (e.g. {_show(next(iter(extra)))})")
    return "; ".join(parts)


def _show(row: tuple, width: int = 160) -> str:
    text = " | ".join("UNBOUND" if t is None else t for t in row)
    return text if len(text) <= width else text[:width] + "…"
