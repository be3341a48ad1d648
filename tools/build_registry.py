"""Regenerate the registry files derived from the reviewed alias tables.

* ``data/registry/states.ttl``: every State or territory that any data file names, once, with
  its ISO 3166-1 alpha-3 code, an English name from pycountry (or our override) and every
  spelling the sources use (from ``tools/aliases/*.tsv``) as ``skos:altLabel``.
* ``data/registry/aliases.ttl``: the variant names of mechanisms and organizations from the
  alias tables, as ``skos:altLabel`` in the registry.

Run after changing an alias table: ``.venv/bin/python tools/build_registry.py``.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pycountry
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from common import COUNTRY, DATA, ISCM, ROOT, new_graph, normalise, write_turtle

ALIASES = ROOT / "tools" / "aliases"

# English names where pycountry's ISO name reads oddly in a list of participants.
NAME_OVERRIDES = {
    "BOL": "Bolivia (Plurinational State of)", "IRN": "Iran (Islamic Republic of)",
    "VEN": "Venezuela (Bolivarian Republic of)", "KOR": "Republic of Korea",
    "PRK": "Democratic People's Republic of Korea", "MDA": "Republic of Moldova",
    "TZA": "United Republic of Tanzania", "LAO": "Lao People's Democratic Republic",
    "FSM": "Micronesia (Federated States of)", "SYR": "Syrian Arab Republic",
    "VNM": "Viet Nam", "RUS": "Russian Federation", "COD": "Democratic Republic of the Congo",
    "COG": "Congo", "GBR": "United Kingdom", "USA": "United States of America",
    "PSE": "Occupied Palestinian Territory", "HKG": "Hong Kong SAR, China",
    "MAC": "Macao SAR, China", "XKX": "Kosovo (UNSCR 1244)", "TUR": "Türkiye",
    "CZE": "Czechia", "MKD": "North Macedonia", "SWZ": "Eswatini", "CPV": "Cabo Verde",
    "CIV": "Côte d'Ivoire", "VAT": "Holy See", "TWN": "Taiwan",
}
TERRITORY_OF = {"HKG": "CHN", "MAC": "CHN", "NCL": "FRA", "ABW": "NLD", "CUW": "NLD", "SXM": "NLD",
                "AIA": "GBR", "BMU": "GBR", "VGB": "GBR", "CYM": "GBR", "MSR": "GBR", "TCA": "GBR",
                "PRI": "USA", "GUM": "USA"}
NOTES = {
    "XKX": "Kosovo has no ISO 3166-1 code; XKX is the user-assigned code used by the European Commission and others. Sources name it with reference to UN Security Council resolution 1244.",
    "PSE": "ISO 3166-1 lists this entry as 'Palestine, State of'; the sources use the term 'Occupied Palestinian Territory'.",
    "HKG": "Special administrative region of China; takes part in some mechanisms under its own name.",
    "MAC": "Special administrative region of China; takes part in some mechanisms under its own name.",
    "NCL": "French territory; listed by a source under France.",
}


def used_country_codes() -> set[str]:
    codes: set[str] = set()
    pattern = re.compile(r"(?:country:|https://w3id\.org/iscm/id/country/)([A-Z]{3})\b")
    for path in DATA.rglob("*.ttl"):
        if path.name in ("states.ttl", "aliases.ttl") and path.parent.name == "registry":
            continue
        if path.parent.name == "reference":  # derived from states.ttl by tools/build_m49.py
            continue
        codes.update(pattern.findall(path.read_text(encoding="utf-8")))
    return codes


def read_aliases() -> dict[str, set[str]]:
    """IRI -> set of names as written, from every alias table."""
    names: dict[str, set[str]] = defaultdict(set)
    for path in sorted(ALIASES.glob("*.tsv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                if len(row) < 3 or row[0].startswith("#") or row[0] == "kind":
                    continue
                names[row[2].strip()].add(" ".join(row[1].split()))
    return names


def english_name(code: str) -> str:
    if code in NAME_OVERRIDES:
        return NAME_OVERRIDES[code]
    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or c.name


def iso_names(code: str) -> set[str]:
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return set()
    return {n for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)) if n}


def registry_labels(exclude: tuple[str, ...]) -> dict[str, set[str]]:
    g = Graph()
    for path in (DATA / "registry").glob("*.ttl"):
        if path.name not in exclude:
            g.parse(path)
    labels: dict[str, set[str]] = defaultdict(set)
    for s, p, o in g:
        if p in (SKOS.prefLabel, SKOS.altLabel):
            labels[str(s)].add(normalise(str(o)))
    return labels


def main() -> None:
    aliases = read_aliases()
    codes = used_country_codes()
    for code in TERRITORY_OF.values():
        if code in codes or any(c in codes for c, admin in TERRITORY_OF.items() if admin == code):
            codes.add(code)
    g = new_graph()
    for code in sorted(codes):
        iri = COUNTRY[code]
        name = english_name(code)
        g.add((iri, RDF.type, ISCM.State))
        g.add((iri, ISCM.iso3166Alpha3, Literal(code)))
        g.add((iri, SKOS.prefLabel, Literal(name, lang="en")))
        variants = iso_names(code) | aliases.get(str(iri), set())
        seen = {normalise(name)}
        for v in sorted(variants):
            if normalise(v) not in seen:
                seen.add(normalise(v))
                g.add((iri, SKOS.altLabel, Literal(v, lang="en")))
        if code in TERRITORY_OF and TERRITORY_OF[code] in codes:
            g.add((iri, ISCM.territoryOf, COUNTRY[TERRITORY_OF[code]]))
        if code in NOTES:
            g.add((iri, SKOS.editorialNote, Literal(NOTES[code], lang="en")))
    write_turtle(g, DATA / "registry" / "states.ttl",
                 "States and territories named by the sources. Generated by tools/build_registry.py\n"
                 "from pycountry and the alias tables in tools/aliases/; edit those, not this file.")

    known = registry_labels(exclude=("aliases.ttl", "states.ttl"))
    a = new_graph()
    for iri, variants in sorted(aliases.items()):
        if "/country/" in iri or iri not in known:
            continue
        seen = set(known[iri])
        for v in sorted(variants):
            if normalise(v) not in seen:
                seen.add(normalise(v))
                a.add((URIRef(iri), SKOS.altLabel, Literal(v, lang="en")))
    write_turtle(a, DATA / "registry" / "aliases.ttl",
                 "Variant names of mechanisms and organizations as the sources write them.\n"
                 "Generated by tools/build_registry.py from tools/aliases/*.tsv; edit those, not this file.")
    print(f"{len(codes)} States/territories; {len(a)} alias labels for mechanisms and organizations")


if __name__ == "__main__":
    main()
