"""The numbers behind the pictures: SPARQL over the merged dataset, no drawing.

Each ``*_data`` function runs one query (kept on the result, so a page can link to it on the
query page) and returns a plain dataclass that :mod:`.drawing` turns into SVG.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from flask import current_app

from ..site import current_catalogue as catalogue
from ..site import current_site as site
from ..terms import ID, local_name

ALL = "all"
SOURCE_IRI = ID + "source/"
ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9&+\-. ]{1,11}")

# -- what each picture counts ------------------------------------------------------------------


@dataclass
class Mechanism:
    """A mechanism as pictures name it: IRI, name and short name."""
    iri: str
    label: str
    short: str


@dataclass
class Overlap:
    """Member States shared by each pair of mechanisms, as listed by a source (or any)."""
    source: str  # a source slug or "all"
    query: str
    mechanisms: list[Mechanism]  # in drawing order
    shared: dict[tuple[str, str], int]  # (a, b) -> shared member States, both orders, diagonal = own members
    source_label: str = ""  # "the Overview 2017", for titles

    def value(self, a: str, b: str) -> int:
        """The number of member States the two mechanisms share (a mechanism with itself: its own number)."""
        return self.shared.get((a, b), 0)

    def pairs(self) -> list[tuple[Mechanism, Mechanism, int]]:
        """Every pair of different mechanisms with what they share."""
        out = []
        for i, a in enumerate(self.mechanisms):
            for b in self.mechanisms[i + 1:]:
                if self.value(a.iri, b.iri):
                    out.append((a, b, self.value(a.iri, b.iri)))
        return sorted(out, key=lambda t: (-t[2], t[0].label, t[1].label))


@dataclass
class ThemeMatrix:
    """The mechanism × thematic focus matrix of the 2019 assessment."""
    query: str
    mechanisms: list[Mechanism]
    themes: list[tuple[str, str]]  # (iri, label), most frequent first
    ticks: set[tuple[str, str]]  # (mechanism, theme)

    def themes_of(self, mechanism: str) -> list[tuple[str, str]]:
        """The themes the mechanism has, in the matrix's order."""
        return [t for t in self.themes if (mechanism, t[0]) in self.ticks]

    def count(self, theme: str) -> int:
        """The number of mechanisms with the theme."""
        return sum(1 for m, t in self.ticks if t == theme)


@dataclass
class FoundingYears:
    """The founding year each source gives each mechanism."""
    query: str
    sources: list  # GraphInfo of the sources that give years, oldest first
    mechanisms: list[Mechanism]  # earliest founding year first
    years: dict[tuple[str, str], int]  # (mechanism, source graph) -> year

    def of(self, mechanism: str) -> dict[str, int]:
        """The years the sources give for one mechanism, by source."""
        return {g: y for (m, g), y in self.years.items() if m == mechanism}

    def disagree(self, mechanism: str) -> bool:
        """Whether the sources give the mechanism different years."""
        return len(set(self.of(mechanism).values())) > 1


@dataclass
class Participation:
    """For every State, the number of mechanisms a source (or any) lists it as a member of."""
    source: str
    query: str
    states: list[tuple[str, str, str, int]]  # (iri, ISO code, name, mechanisms), by name
    histogram: dict[int, int] = field(default_factory=dict)  # mechanisms -> number of States
    source_label: str = ""  # "the Overview 2017", for titles
    hrefs: dict[str, str] = field(default_factory=dict)  # State IRI -> its page on this service


# -- queries -----------------------------------------------------------------------------------


def _graph_pattern(source: str, body: str) -> str:
    if source == ALL:
        return body
    return f"GRAPH <{SOURCE_IRI}{source}> {{ {body} }}"


def overlap_query(source: str) -> str:
    """The SPARQL behind the overlap matrix, for one source or all."""
    members = _graph_pattern(source, """
    ?ma org:organization ?a ; org:role role:member ; org:member ?state .
    ?mb org:organization ?b ; org:role role:member ; org:member ?state .
  """)
    scope = "any source (union of all)" if source == ALL else f"the source {source}"
    return f"""# Member States shared by each pair of mechanisms, as listed by {scope};
# where ?a = ?b, the mechanism's own number of member States.
SELECT ?a ?b (COUNT(DISTINCT ?state) AS ?shared) WHERE {{
  {members}
  ?state a iscm:State .
}}
GROUP BY ?a ?b
ORDER BY ?a ?b
"""


THEME_QUERY_NAME = "thematic-matrix-2019"
FOUNDING_QUERY_NAME = "founding-years"


def founding_query() -> str:
    """The SPARQL behind the founding-years timeline."""
    return """# The founding year each source document gives for each mechanism.
SELECT ?mechanism ?source ?year WHERE {
  GRAPH ?source { ?mechanism iscm:yearEstablished ?y }
  ?source a iscm:SourceDocument .
  BIND (STR(?y) AS ?year)
}
ORDER BY ?mechanism ?source
"""


def participation_query(source: str) -> str:
    """The SPARQL behind the participation picture, for one source or all."""
    members = _graph_pattern(source, "?ms org:member ?state ; org:organization ?mechanism ; org:role role:member .")
    scope = "any source (union of all)" if source == ALL else f"the source {source}"
    return f"""# For every State, the number of mechanisms it is listed as a member of by {scope}.
SELECT ?state ?code (COUNT(DISTINCT ?mechanism) AS ?mechanisms) WHERE {{
  ?state a iscm:State ; iscm:iso3166Alpha3 ?code .
  OPTIONAL {{ {members} }}
}}
GROUP BY ?state ?code
ORDER BY DESC(?mechanisms) ?code
"""


def _engine():
    return current_app.config["ENGINE"]


def membership_sources() -> list:
    """Sources that list member States, oldest first (GraphInfo)."""
    s = site()
    rows = s.select("""
        SELECT DISTINCT ?g WHERE {
          GRAPH ?g { ?ms org:role role:member ; org:member ?state }
          ?state a iscm:State . ?g a iscm:SourceDocument .
        }""")
    return sorted((s.graph(r["g"].value) for r in rows), key=lambda g: g.order)


def default_source() -> str:
    """The source pictures show first: the latest with member lists."""
    found = membership_sources()
    return local_name(found[-1].iri) if found else ALL


def source_choice(value: str | None) -> str | None:
    """The ``source`` parameter checked: a membership source's slug or "all"; None if unknown."""
    if value is None or value == "":
        return default_source()
    if value == ALL or value in {local_name(g.iri) for g in membership_sources()}:
        return value
    return None


def source_title(source: str) -> str:
    """The full title of the chosen source, for headings."""
    if source == ALL:
        return "any source (union of all sources)"
    g = site().graph(SOURCE_IRI + source)
    return f"{g.title} ({g.year})" if g.year else g.title


def source_short(source: str) -> str:
    """The short name of the chosen source, for captions."""
    if source == ALL:
        return "any source (all sources together)"
    label = graph_label(site().graph(SOURCE_IRI + source))
    return f"the {label}" if label[-1].isdigit() else label


def graph_label(g) -> str:
    """'Overview 2017' (short labels mostly carry the year already)."""
    return g.short if not g.year or g.short.endswith(g.year) else f"{g.short} ({g.year})"


def short_names(iris: set[str]) -> dict[str, Mechanism]:
    """A short name for each mechanism, to label axes: its name if short, else its acronym."""
    if not iris:
        return {}
    s = site()
    values = " ".join(f"<{i}>" for i in sorted(iris))
    rows = s.select(f"SELECT ?m ?alt WHERE {{ VALUES ?m {{ {values} }} OPTIONAL {{ ?m skos:altLabel ?alt }} }}")
    alts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["alt"] is not None:
            alts[r["m"].value].add(r["alt"].value)
    out = {}
    for iri in iris:
        label = s.label(iri)
        out[iri] = Mechanism(iri, label, _short(label, alts.get(iri, set())))
    return out


def _short(label: str, alts: set[str]) -> str:
    if len(label) <= 30:
        return label
    m = re.search(r"\(([^()]{3,30})\)$", label)
    if m:
        return m.group(1)
    names = [label, *alts]
    acronyms = [a for a in alts if ACRONYM.fullmatch(a) and sum(c.isupper() for c in a) >= 2]
    if acronyms:
        # the acronym most names use (inside parentheses, say), then the shorter
        return sorted(acronyms, key=lambda a: (-sum(1 for n in names if re.search(rf"\b{re.escape(a)}\b", n)),
                                               len(a), a))[0]
    head = label.split(" on ")[0]
    if 8 <= len(head) <= 30:
        return head
    return label[:28] + "…"


def overlap_data(source: str) -> Overlap:
    """The overlap matrix's numbers from the graph."""
    text = overlap_query(source)
    rows = _engine().select(text)
    shared = {(r["a"].value, r["b"].value): int(r["shared"].value) for r in rows}
    names = short_names({a for a, _ in shared})
    # order: greedy chain, each next mechanism the one sharing most States with the last placed
    left = set(names)
    order: list[str] = []
    while left:
        if order:
            last = order[-1]
            nxt = max(left, key=lambda m: (shared.get((last, m), 0), shared.get((m, m), 0), _neg(names[m].short)))
            if shared.get((last, nxt), 0) == 0:
                nxt = max(left, key=lambda m: (shared.get((m, m), 0), _neg(names[m].short)))
        else:
            nxt = max(left, key=lambda m: (shared.get((m, m), 0), _neg(names[m].short)))
        order.append(nxt)
        left.discard(nxt)
    return Overlap(source, text, [names[m] for m in order], shared, source_short(source))


def _neg(text: str) -> tuple:
    """A key that sorts strings backwards, for max() to break ties alphabetically."""
    return tuple(-ord(c) for c in text.lower())


def theme_data() -> ThemeMatrix:
    """The thematic matrix's ticks from the graph."""
    text = catalogue()[THEME_QUERY_NAME].text
    rows = _engine().select(text)
    ticks = {(r["mechanism"].value, r["theme"].value) for r in rows}
    theme_names = {r["theme"].value: r["themeName"].value for r in rows}
    counts: dict[str, int] = defaultdict(int)
    for _, t in ticks:
        counts[t] += 1
    themes = sorted(theme_names.items(), key=lambda t: (-counts[t[0]], t[1].lower()))
    names = short_names({m for m, _ in ticks})
    mechanisms = sorted(names.values(), key=lambda m: m.short.lower())
    return ThemeMatrix(text, mechanisms, themes, ticks)


def founding_data() -> FoundingYears:
    """The founding years from the graph."""
    text = founding_query()
    rows = _engine().select(text)
    s = site()
    years = {(r["mechanism"].value, r["source"].value): int(r["year"].value[:4]) for r in rows}
    sources = sorted({s.graph(g) for _, g in years}, key=lambda g: g.order)
    names = short_names({m for m, _ in years})
    first = {m: min(y for (mm, _), y in years.items() if mm == m) for m in names}
    mechanisms = sorted(names.values(), key=lambda m: (first[m.iri], m.short.lower()))
    return FoundingYears(text, sources, mechanisms, years)


def participation_data(source: str) -> Participation:
    """The participation numbers from the graph."""
    text = participation_query(source)
    rows = _engine().select(text)
    s = site()
    states = sorted(((r["state"].value, r["code"].value, s.label(r["state"].value), int(r["mechanisms"].value))
                     for r in rows), key=lambda t: (t[2].lower(), t[1]))
    histogram: dict[int, int] = defaultdict(int)
    for *_, n in states:
        histogram[n] += 1
    return Participation(source, text, states, dict(sorted(histogram.items())), source_short(source),
                         {iri: s.href(iri) for iri, *_ in states})


