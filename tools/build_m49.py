"""Generate the reference graphs about States: UN M49 regions and French/Spanish names.

Needs no source document, only maintained packages (``pip install -e '.[reference]'``):

* ``data/reference/m49.ttl`` (graph ``id:graph/m49``): the M49 regions, sub-regions and
  intermediate regions as SKOS concepts ``id:m49/NNN`` in the scheme ``id:m49``, and for every
  ``iscm:State`` of the registry its ``iscm:m49Region``, ``iscm:m49SubRegion`` and, where M49 has
  one, ``iscm:m49IntermediateRegion``. The table comes from the OCHA "Countries & Territories
  Taxonomy" shipped in ``hdx-python-country`` (built on the UN Statistics Division's M49 table,
  with Kosovo added); region names in French and Spanish come from the Unicode CLDR (Babel) where
  CLDR's English name is M49's, so that a CLDR name standing for another grouping is not used.
* ``data/reference/names-pycountry.ttl`` (graph ``id:graph/names-pycountry``): each State's name in
  French and Spanish from pycountry's ISO 3166-1 translations (gettext catalogues in
  ``pycountry.LOCALES_DIR``), where pycountry has one.

Run after the registry's States change: ``.venv/bin/python tools/build_m49.py``.
"""

from __future__ import annotations

import csv
import gettext
import importlib.metadata
import importlib.resources
from dataclasses import dataclass

import pycountry
from babel import Locale
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, SKOS

from common import COUNTRY, DATA, ID, ISCM, new_graph, write_turtle

REFERENCE = DATA / "reference"
M49 = ID["m49/"]
M49_SCHEME = ID["m49"]
GRAPH_M49 = ID["graph/m49"]
GRAPH_NAMES = ID["graph/names-pycountry"]
TAXONOMY_CSV = "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
UNSD_M49 = URIRef("https://unstats.un.org/unsd/methodology/m49/")
OCHA_TAXONOMY = URIRef("https://data.humdata.org/dataset/countries-and-territories")
LANGUAGES = ("fr", "es")


@dataclass(frozen=True)
class Placement:
    """Where one State sits in M49: (code, English name) at each level, intermediate optional."""

    region: tuple[str, str]
    sub_region: tuple[str, str]
    intermediate: tuple[str, str] | None


def registry_states() -> dict[str, URIRef]:
    """ISO3 code -> IRI of every iscm:State in the registry."""
    g = Graph().parse(DATA / "registry" / "states.ttl")
    return {str(code): s for s, code in g.subject_objects(ISCM.iso3166Alpha3)
            if (s, RDF.type, ISCM.State) in g}


def taxonomy_rows() -> list[dict[str, str]]:
    """The rows of the C&T taxonomy table that hdx-python-country ships (read as data: the
    package's lookup API drops rows without an ISO code, such as Kosovo's)."""
    table = importlib.resources.files("hdx.location").joinpath(TAXONOMY_CSV)
    with table.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _code(value: str) -> str:
    return f"{int(value):03d}"


def placements() -> dict[str, Placement]:
    """ISO3 (or user-assigned alpha-3 such as XKX) -> its M49 placement."""
    out: dict[str, Placement] = {}
    for row in taxonomy_rows():
        alpha3 = row["ISO 3166-1 Alpha 3-Codes"] or row["x Alpha3 codes"]
        if not alpha3 or not row["Region Code"] or row["Deprecated"] == "Y":
            continue
        inter = row["Intermediate Region Code"]
        out[alpha3] = Placement(
            region=(_code(row["Region Code"]), row["Region Name"]),
            sub_region=(_code(row["Sub-region Code"]), row["Sub-region Name"]),
            intermediate=(_code(inter), row["Intermediate Region Name"]) if inter else None,
        )
    return out


def cldr_names(code: str, english: str) -> dict[str, str]:
    """French and Spanish names of an M49 area from CLDR, when CLDR's English name is M49's."""
    if Locale("en").territories.get(code) != english:
        return {}
    return {lang: name for lang in LANGUAGES if (name := Locale(lang).territories.get(code))}


def add_concept(g: Graph, code: str, english: str, broader: str | None) -> URIRef:
    concept = URIRef(M49 + code)
    g.add((concept, RDF.type, SKOS.Concept))
    g.add((concept, SKOS.inScheme, M49_SCHEME))
    g.add((concept, SKOS.notation, Literal(code)))
    g.add((concept, SKOS.prefLabel, Literal(english, lang="en")))
    for lang, name in cldr_names(code, english).items():
        g.add((concept, SKOS.prefLabel, Literal(name, lang=lang)))
    if broader:
        g.add((concept, SKOS.broader, URIRef(M49 + broader)))
    else:
        g.add((M49_SCHEME, SKOS.hasTopConcept, concept))
        g.add((concept, SKOS.topConceptOf, M49_SCHEME))
    g.add((concept, SKOS.definition, Literal(
        f"The area numbered {code} in the UN standard country or area codes for statistical use (M49).", lang="en")))
    return concept


def describe_graph(g: Graph, graph: URIRef, title: str, source: URIRef, package: str) -> None:
    """Provenance of a reference graph, stated in the graph itself."""
    version = importlib.metadata.version(package)
    g.add((graph, RDF.type, PROV.Entity))
    g.add((graph, DCTERMS.title, Literal(title, lang="en")))
    g.add((graph, DCTERMS.source, source))
    g.add((graph, PROV.wasDerivedFrom, URIRef(f"https://pypi.org/project/{package}/{version}/")))
    g.add((graph, OWL.versionInfo, Literal(f"{package} {version}")))


def build_m49(states: dict[str, URIRef]) -> Graph:
    g = new_graph()
    g.bind("m49", M49)
    describe_graph(g, GRAPH_M49, "UN M49 regions of the States", UNSD_M49, "hdx-python-country")
    g.add((GRAPH_M49, DCTERMS.source, OCHA_TAXONOMY))
    g.add((GRAPH_M49, PROV.wasDerivedFrom, URIRef(f"https://pypi.org/project/babel/{importlib.metadata.version('babel')}/")))
    g.add((M49_SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((M49_SCHEME, SKOS.prefLabel, Literal("UN M49 geographic regions", lang="en")))
    g.add((M49_SCHEME, DCTERMS.source, UNSD_M49))
    table = placements()
    missing = sorted(set(states) - set(table))
    if missing:
        raise SystemExit(f"no M49 placement for {', '.join(missing)}: add them to the table or the registry")
    for alpha3, state in sorted(states.items()):
        p = table[alpha3]
        region = add_concept(g, *p.region, None)
        sub = add_concept(g, *p.sub_region, p.region[0])
        g.add((state, ISCM.m49Region, region))
        g.add((state, ISCM.m49SubRegion, sub))
        if p.intermediate:
            g.add((state, ISCM.m49IntermediateRegion, add_concept(g, *p.intermediate, p.sub_region[0])))
    return g


class _Missing(gettext.NullTranslations):
    """Fallback that marks a message the catalogue does not translate."""

    def gettext(self, message):
        return None


def translators() -> dict[str, gettext.GNUTranslations]:
    out = {}
    for lang in LANGUAGES:
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        t.add_fallback(_Missing())
        out[lang] = t
    return out


def state_names(alpha3: str, tr: gettext.GNUTranslations) -> list[str]:
    """Translated names of a State, the preferred first: common name, then ISO name, then official."""
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return []
    english = [getattr(country, f, None) for f in ("common_name", "name", "official_name")]
    names = [tr.gettext(e) for e in english if e]
    return list(dict.fromkeys(n for n in names if n))


def build_names(states: dict[str, URIRef]) -> Graph:
    g = new_graph()
    describe_graph(g, GRAPH_NAMES, "French and Spanish names of the States", URIRef("https://www.iso.org/iso-3166-country-codes.html"), "pycountry")
    for lang, tr in translators().items():
        for alpha3, state in sorted(states.items()):
            names = state_names(alpha3, tr)
            if names:
                g.add((state, SKOS.prefLabel, Literal(names[0], lang=lang)))
            for other in names[1:]:
                g.add((state, SKOS.altLabel, Literal(other, lang=lang)))
    return g


def main() -> None:
    states = registry_states()
    write_turtle(build_m49(states), REFERENCE / "m49.ttl",
                 "UN M49 regions of every State of the registry. Generated by tools/build_m49.py from the\n"
                 "OCHA Countries & Territories Taxonomy (hdx-python-country) and CLDR (Babel); do not edit.")
    write_turtle(build_names(states), REFERENCE / "names-pycountry.ttl",
                 "French and Spanish names of the States from pycountry's ISO 3166-1 translations.\n"
                 "Generated by tools/build_m49.py; do not edit.")


if __name__ == "__main__":
    main()
