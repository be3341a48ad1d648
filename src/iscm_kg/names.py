"""The name index behind /search and /reconcile: every name of every findable thing.

Researchers arrive with names as their spreadsheets spell them ("Swaziland", "Macedonia (FYR)",
"RCM", "Pueblo Proces", "Allemagne"). The graph already holds the variants (registry altLabels,
pycountry's French and Spanish names, the sources' own labels); this module reads them once per
process from the engine with SPARQL, folds case and accents (unicodedata) and ranks candidates
with rapidfuzz, so search and reconciliation share one notion of "this name means that thing".
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

ISCM = "https://w3id.org/iscm/ontology#"
ORG = "http://www.w3.org/ns/org#"
ID = "https://w3id.org/iscm/id/"

# kind -> (readable name, class IRI used as the reconciliation type id)
KINDS = {
    "mechanism": ("Mechanism", ISCM + "InterStateConsultationMechanism"),
    "state": ("State", ISCM + "State"),
    "organization": ("Organization", ORG + "FormalOrganization"),
    "theme": ("Theme", "http://www.w3.org/2004/02/skos/core#Concept"),
    "meeting": ("Meeting", ISCM + "Meeting"),
}
THEME_SCHEMES = (ID + "scheme/thematic-foci", ID + "scheme/gcm")
MAX_QUERY_CHARS = 400  # the longest name in the graph has about 230
ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&+\-\.]{1,11}$")

_NAMES_QUERY = """
SELECT ?s ?kind ?p ?l ?code ?territory WHERE {
  {
    { ?s a iscm:InterStateConsultationMechanism BIND("mechanism" AS ?kind) }
    UNION { ?s a iscm:State BIND("state" AS ?kind) OPTIONAL { ?s iscm:iso3166Alpha3 ?code }
            OPTIONAL { ?s iscm:territoryOf ?territory } }
    UNION { ?s a org:FormalOrganization BIND("organization" AS ?kind)
            FILTER NOT EXISTS { ?s a iscm:InterStateConsultationMechanism } }
    UNION { ?s a iscm:Meeting BIND("meeting" AS ?kind) }
    UNION { ?s skos:inScheme ?scheme BIND("theme" AS ?kind)
            FILTER(?scheme IN (<%s>, <%s>)) }
  }
  { ?s skos:prefLabel ?l BIND("pref" AS ?p) } UNION { ?s skos:altLabel ?l BIND("alt" AS ?p) }
}""" % THEME_SCHEMES

# English names of each State's M49 region and sub-region (graph id:graph/m49, when loaded)
_REGIONS_QUERY = """
SELECT ?s (CONCAT(?r, ", ", ?sub, COALESCE(CONCAT(", ", ?inter), "")) AS ?where) WHERE {
  ?s iscm:m49Region/skos:prefLabel ?r ; iscm:m49SubRegion/skos:prefLabel ?sub .
  FILTER(lang(?r) = "en" && lang(?sub) = "en")
  OPTIONAL { ?s iscm:m49IntermediateRegion/skos:prefLabel ?inter FILTER(lang(?inter) = "en") }
}"""


def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form of a name ("Söderköping" -> "soderkoping")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ")
    return " ".join(re.sub(r"[^\w+]+", " ", text).replace("_", " ").split())


class BadQuery(ValueError):
    """A search text that cannot be searched (empty, too long, nothing left after folding)."""


def clean_query(text: str | None) -> str:
    """The folded query, or BadQuery with a message a person can act on."""
    if text is None or not text.strip():
        raise BadQuery("Give a name to look for, e.g. ?q=Puebla Process.")
    if len(text) > MAX_QUERY_CHARS:
        raise BadQuery(f"The name is {len(text)} characters long; at most {MAX_QUERY_CHARS} are searched.")
    if any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\t\n\r" for c in text):
        raise BadQuery("The name contains control characters.")
    folded = fold(text)
    if not folded:
        raise BadQuery("The name has no letters or digits to look for.")
    return folded


@dataclass
class Entry:
    """One findable thing with all its names."""

    iri: str
    kind: str
    label: str = ""
    code: str | None = None
    territory: bool = False
    names: list[tuple[str, str]] = field(default_factory=list)  # (name as written, "pref"/"alt")
    region: str | None = None  # States: "Africa, Sub-Saharan Africa, Eastern Africa" (UN M49), if known

    @property
    def kind_label(self) -> str:
        """What the entry is, in words (a State that is a territory says so)."""
        return "Territory" if self.territory else KINDS[self.kind][0]

    @property
    def type_id(self) -> str:
        """The reconciliation type id of the entry's kind."""
        return KINDS[self.kind][1]


@dataclass(frozen=True)
class Hit:
    """A name index match: the entry, its score, the name that matched and whether it matched exactly."""
    entry: Entry
    score: float        # 0..100
    matched: str        # the name that matched, as written
    exact: bool         # the folded query equals a folded name of the entry


@dataclass
class _Choices:
    """The folded names of the things of some kinds, as rapidfuzz and numpy want them."""

    names: list[str]
    owner: list[tuple[int, int]]  # (entry index, name index) of each folded name
    words: dict[str, list[int]] = field(default_factory=dict)  # word -> the names holding it

    def __post_init__(self):
        for k, name in enumerate(self.names):
            for word in set(name.split()):
                self.words.setdefault(word, []).append(k)
        common = max(50, len(self.names) // 20)  # "migration", "process", "of": in too many names
        self.words = {w: ks for w, ks in self.words.items() if len(ks) <= common}
        self._order = sorted(range(len(self.names)), key=self.names.__getitem__)
        self._sorted = [self.names[k] for k in self._order]

    def starting_with(self, folded: str) -> list[int]:
        """The names that start with the query (a range of the sorted names: no scan)."""
        lo = bisect.bisect_left(self._sorted, folded)
        hi = bisect.bisect_left(self._sorted, folded + "\U0010ffff")
        return self._order[lo:hi]

    def sharing_words(self, folded: str) -> list[int]:
        """The names that share a word (not a very common one) with the query."""
        found: set[int] = set()
        for word in set(folded.split()):
            found.update(self.words.get(word, ()))
        return sorted(found)


class NameIndex:
    """All names of mechanisms, States, organizations, themes and meetings, folded for matching."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._exact: dict[str, set[int]] = defaultdict(set)
        for i, entry in enumerate(entries):
            for name, _ in entry.names:
                if folded := fold(name):
                    self._exact[folded].add(i)
        self.by_iri = {e.iri: e for e in entries}
        self.by_code = {e.code: e for e in entries if e.code}
        self._subsets: dict[frozenset[str], _Choices] = {}

    @classmethod
    def from_engine(cls, engine) -> "NameIndex":
        """The index of every name of mechanisms, States, organizations, themes and meetings in the graph."""
        entries: dict[tuple[str, str], Entry] = {}
        for row in engine.select(_NAMES_QUERY):
            iri, kind = row["s"].value, row["kind"].value
            entry = entries.setdefault((iri, kind), Entry(iri, kind))
            label = row["l"]
            name = (label.value, row["p"].value)
            if name not in entry.names:
                entry.names.append(name)
            if row["p"].value == "pref" and label.language == "en":
                entry.label = label.value
            if row["code"] is not None:
                entry.code = row["code"].value
            if row["territory"] is not None:
                entry.territory = True
        regions = {r["s"].value: r["where"].value for r in engine.select(_REGIONS_QUERY)}
        for entry in entries.values():
            entry.names.sort(key=lambda n: (n[1] != "pref", n[0]))
            entry.label = entry.label or entry.names[0][0]
            entry.region = regions.get(entry.iri)
        return cls(sorted(entries.values(), key=lambda e: (e.kind, e.label)))

    def choices(self, kinds: set[str] | None) -> _Choices:
        """The folded names of the given kinds (all kinds for None), made once per set of kinds."""
        key = frozenset(kinds or KINDS)
        found = self._subsets.get(key)
        if found is None:
            names, owner = [], []
            for i, entry in enumerate(self.entries):
                if entry.kind in key:
                    for j, (name, _) in enumerate(entry.names):
                        if folded := fold(name):
                            names.append(folded)
                            owner.append((i, j))
            found = self._subsets[key] = _Choices(names, owner)
        return found

    def ambiguous_names(self, kinds: set[str] | None = None) -> dict[str, list[str]]:
        """Folded names that several things of the given kinds share (e.g. an acronym)."""
        out = {}
        for folded, owners in self._exact.items():
            iris = sorted({self.entries[i].iri for i in owners if kinds is None or self.entries[i].kind in kinds})
            if len(iris) > 1:
                out[folded] = iris
        return out

    def search(self, query: str, kinds: set[str] | None = None, limit: int = 10) -> list[Hit]:
        """Ranked things whose names match ``query`` (raw text; BadQuery if unusable)."""
        folded = clean_query(query)
        best: dict[int, Hit] = {}
        for i in self._exact.get(folded, ()):
            entry = self.entries[i]
            if kinds is None or entry.kind in kinds:
                matched = next(n for n, _ in entry.names if fold(n) == folded)
                best[i] = Hit(entry, 100.0, matched, True)
        subset = self.choices(kinds)
        for k, score in _fuzzy(subset, folded, limit):
            i, j = subset.owner[k]
            if i not in best or best[i].score < score:
                best[i] = Hit(self.entries[i], round(min(score, 99.0), 1), self.entries[i].names[j][0], False)
        ranked = sorted(best.values(), key=lambda h: (-h.score, _KIND_ORDER[h.entry.kind], len(h.entry.label)))
        return ranked[:limit]


def _fuzzy(subset: _Choices, folded: str, limit: int) -> list[tuple[int, float]]:
    """(choice index, score) of the names closest to the query.

    rapidfuzz scores every name at C speed (``cdist``): the best of the ratio of sorted words
    (typos, "Pueblo Proces"; word order) and, a little lowered so that it never beats a whole-name
    match, the ratio over shared words (a name the query is part of: "Migration Dialog Southern
    Africa"). ``_adjust`` then refines the few kept."""
    if not subset.names:
        return []
    scores = process.cdist([folded], subset.names, scorer=fuzz.token_sort_ratio, processor=None, dtype=np.float32)[0]
    # token_set_ratio differs from token_sort_ratio only for names sharing a word with the query:
    # score only those (the slowest scorer, on a few names)
    sharing = subset.sharing_words(folded)
    if sharing:
        found = process.cdist([folded], [subset.names[k] for k in sharing], scorer=fuzz.token_set_ratio,
                              processor=None, dtype=np.float32)[0]
        np.maximum.at(scores, sharing, found * 0.92)
    if len(folded) >= 3:
        scores[subset.starting_with(folded)] += 200  # kept; _adjust sets the score
    keep = min(len(scores), max(limit * 10, 50))
    top = np.argpartition(-scores, keep - 1)[:keep] if keep < len(scores) else np.arange(len(scores))
    out = [(int(k), _adjust(folded, subset.names[k], float(scores[k]) % 200)) for k in top if scores[k] >= 55]
    return [(k, score) for k, score in out if score >= 60]


_KIND_ORDER = {k: n for n, k in enumerate(KINDS)}


def _adjust(query: str, choice: str, score: float) -> float:
    """Raise names that start with the query (typing ahead: "Buda" -> "Budapest Process"); lower
    short names that only partly match (a query "rcm" must not find every name holding "rcm")."""
    if choice.startswith(query) and len(query) >= 3:
        return max(score, 90 + 8 * len(query) / len(choice))
    if min(len(query), len(choice)) <= 4:
        return min(score, fuzz.ratio(query, choice))
    return score
