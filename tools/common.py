"""Shared helpers for the extraction tools that turned the source documents into Turtle.

The Turtle in ``data/`` is the truth; these helpers only make writing it consistent:
namespaces, name resolution against the registry, and country codes from pycountry.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pycountry
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

ISCM = Namespace("https://w3id.org/iscm/ontology#")
ID = Namespace("https://w3id.org/iscm/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
MECHANISM = Namespace(ID["mechanism/"])
COUNTRY = Namespace(ID["country/"])
ORGANIZATION = Namespace(ID["organization/"])
ROLE = Namespace(ID["role/"])
SOURCE = Namespace(ID["source/"])
REGION = Namespace(ID["region/"])
THEME = Namespace(ID["theme/"])
TYPOLOGY = Namespace(ID["typology/"])
IOMROLE = Namespace(ID["iom-role/"])
MEMBERSHIP = Namespace(ID["membership/"])
MEMBERSHIP_BASIS = Namespace(ID["membership-basis/"])

PREFIXES = {
    "iscm": ISCM, "org": ORG, "skos": SKOS, "dcterms": DCTERMS, "prov": PROV, "foaf": FOAF,
    "xsd": XSD, "rdfs": RDFS, "owl": OWL, "mechanism": MECHANISM, "country": COUNTRY,
    "organization": ORGANIZATION, "role": ROLE, "source": SOURCE, "region": REGION,
    "theme": THEME, "typology": TYPOLOGY, "iomrole": IOMROLE, "membership-basis": MEMBERSHIP_BASIS,
}


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


MEETING = Namespace(ID["meeting/"])
MEETING_TYPE = Namespace(ID["meeting-type/"])
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def date_literal(value: str) -> Literal:
    """A date as precise as the source gives it: YYYY-MM-DD, YYYY-MM or YYYY."""
    parts = value.split("-")
    if len(parts) == 3:
        return Literal(value, datatype=XSD.date)
    if len(parts) == 2:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def when_label(start: str | None) -> str:
    """The date part of a meeting's label: "June 2014", "2000" or "date not stated"."""
    if not start:
        return "date not stated"
    parts = start.split("-")
    if len(parts) >= 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def add_meeting(g: Graph, iri: URIRef, *, label: str, mtype: str, start: str | None, end: str | None,
                city: str | None, country: URIRef | None, theme: str | None, ordinal: int | None,
                note: str | None, mechanisms=(), series: URIRef | None = None, hosts=()) -> None:
    """One iscm:Meeting as docs/modelling.md describes it."""
    g.add((iri, RDF.type, ISCM.Meeting))
    g.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
    for mechanism in mechanisms:
        g.add((iri, ISCM.meetingOf, mechanism))
    if series is not None:
        g.add((iri, ISCM.partOfSeries, series))
    g.add((iri, ISCM.meetingType, MEETING_TYPE[mtype]))
    if start:
        g.add((iri, ISCM.startDate, date_literal(start)))
    if end:
        g.add((iri, ISCM.endDate, date_literal(end)))
    if city:
        g.add((iri, ISCM.venueCity, Literal(city)))
    if country is not None:
        g.add((iri, ISCM.venueCountry, country))
    if theme:
        g.add((iri, ISCM.meetingTheme, Literal(theme)))
    if ordinal is not None:
        g.add((iri, ISCM.ordinal, Literal(ordinal, datatype=XSD.integer)))
    for h in hosts:
        g.add((iri, ISCM.host, h))
    if note:
        g.add((iri, SKOS.editorialNote, Literal(note, lang="en")))


def write_turtle(g: Graph, path: Path, header: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = g.serialize(format="turtle")
    if header:
        text = "".join(f"# {line}\n" for line in header.strip().splitlines()) + "\n" + text
    path.write_text(text, encoding="utf-8")


def normalise(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form used to compare names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ").lower()
    text = re.sub(r"\bthe\b", " ", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


# Spellings in the sources that pycountry's lookup does not resolve by itself.
COUNTRY_ALIASES = {
    "bolivia": "BOL", "bolivia plurinational state of": "BOL",
    "venezuela": "VEN", "venezuela bolivarian republic of": "VEN",
    "iran": "IRN", "iran islamic republic of": "IRN",
    "syria": "SYR", "syrian arab republic": "SYR",
    "laos pdr": "LAO", "lao pdr": "LAO", "laos": "LAO", "lao people s democratic republic": "LAO",
    "dprk": "PRK", "democratic people s republic of korea": "PRK", "korea dpr": "PRK",
    "republic of korea": "KOR", "korea republic of": "KOR", "south korea": "KOR", "korea": "KOR",
    "viet nam": "VNM", "vietnam": "VNM",
    "russia": "RUS", "russian federation": "RUS",
    "moldova": "MDA", "republic of moldova": "MDA",
    "tanzania": "TZA", "united republic of tanzania": "TZA",
    "swaziland": "SWZ", "eswatini": "SWZ",
    "former yugoslav republic of macedonia": "MKD", "macedonia fyr": "MKD", "fyr macedonia": "MKD",
    "north macedonia": "MKD", "macedonia": "MKD", "fyrom": "MKD",
    "czech republic": "CZE", "czechia": "CZE",
    "usa": "USA", "us": "USA", "united states": "USA", "united states of america": "USA",
    "uk": "GBR", "united kingdom": "GBR", "great britain": "GBR",
    "united kingdom of great britain and northern ireland": "GBR",
    "cape verde": "CPV", "cabo verde": "CPV",
    "cote d ivoire": "CIV", "ivory coast": "CIV",
    "gambia": "GMB", "the gambia": "GMB",
    "surinam": "SUR", "suriname": "SUR",
    "drc": "COD", "dr congo": "COD", "democratic republic of the congo": "COD",
    "democratic republic of congo": "COD", "congo democratic republic": "COD",
    "congo": "COG", "republic of the congo": "COG", "republic of congo": "COG", "congo brazzaville": "COG",
    "turkey": "TUR", "turkiye": "TUR",
    "brunei": "BRN", "brunei darussalam": "BRN",
    "micronesia": "FSM", "micronesia federated states of": "FSM",
    "hong kong": "HKG", "hong kong sar": "HKG", "hong kong sar china": "HKG",
    "hong kong special administrative region of china": "HKG",
    "macau": "MAC", "macao": "MAC", "macau sar": "MAC", "macao sar": "MAC",
    "macao special administrative region of china": "MAC",
    "kosovo": "XKX", "unsc resolution 1244 administered kosovo": "XKX",
    "kosovo unsc resolution 1244": "XKX", "kosovo unscr 1244": "XKX",
    "palestine": "PSE", "state of palestine": "PSE", "occupied palestinian territory": "PSE",
    "palestinian territories": "PSE", "palestinian authority": "PSE",
    "holy see": "VAT", "vatican": "VAT",
    "sao tome and principe": "STP", "saint kitts and nevis": "KNA", "st kitts and nevis": "KNA",
    "saint lucia": "LCA", "st lucia": "LCA",
    "saint vincent and the grenadines": "VCT", "st vincent and the grenadines": "VCT",
    "timor leste": "TLS", "east timor": "TLS",
    "new caledonia": "NCL", "france new caledonia": "NCL",
    "libya": "LBY", "libyan arab jamahiriya": "LBY",
    "netherlands": "NLD", "the netherlands": "NLD",
    "philippines": "PHL", "the philippines": "PHL",
    "bahamas": "BHS", "the bahamas": "BHS",
    "curacao": "CUW", "aruba": "ABW", "sint maarten": "SXM",
    "turks and caicos islands": "TCA", "turks and caicos": "TCA",
    "british virgin islands": "VGB", "cayman islands": "CYM", "bermuda": "BMU",
    "anguilla": "AIA", "montserrat": "MSR",
}

# Codes pycountry does not know, with the English name we use.
EXTRA_COUNTRIES = {"XKX": "Kosovo (UNSCR 1244)"}


def country_code(name: str, extra_aliases: dict[str, str] | None = None) -> str:
    """ISO 3166-1 alpha-3 code for a country name as a source writes it; KeyError if unknown."""
    key = normalise(name)
    aliases = {**COUNTRY_ALIASES, **{normalise(k): v for k, v in (extra_aliases or {}).items()}}
    if key in aliases:
        return aliases[key]
    try:
        return pycountry.countries.lookup(name.strip()).alpha_3
    except LookupError:
        pass
    for country in pycountry.countries:
        names = {country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")}
        if key in {normalise(n) for n in names if n}:
            return country.alpha_3
    raise KeyError(f"unknown country name: {name!r}")


def country(name: str, extra_aliases: dict[str, str] | None = None) -> URIRef:
    return COUNTRY[country_code(name, extra_aliases)]


def country_name(code: str) -> str:
    if code in EXTRA_COUNTRIES:
        return EXTRA_COUNTRIES[code]
    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or c.name


# English names (the registry prefLabel of a State, data/registry/states.ttl) where pycountry's ISO name reads oddly in a list of participants.
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


def state_label(code: str) -> str:
    """The English name a State gets in data/registry/states.ttl. Tools compare the names a source
    writes with this, not with states.ttl, because states.ttl is built after them."""
    if code in NAME_OVERRIDES:
        return NAME_OVERRIDES[code]
    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or c.name


def registry_labels() -> dict[str, URIRef]:
    """Normalised prefLabel/altLabel -> IRI for every mechanism and organization in the registry."""
    g = Graph()
    for path in sorted((DATA / "registry").glob("*.ttl")):
        g.parse(path)
    index: dict[str, URIRef] = {}
    for s, _, o in g.triples((None, SKOS.prefLabel, None)):
        index[normalise(str(o))] = s
    for s, _, o in g.triples((None, SKOS.altLabel, None)):
        index.setdefault(normalise(str(o)), s)
    return index


def resolve(name: str, index: dict[str, URIRef] | None = None) -> URIRef:
    """IRI of a mechanism or organization by any of its registry names; KeyError if unknown."""
    index = index if index is not None else registry_labels()
    key = normalise(name)
    if key in index:
        return index[key]
    raise KeyError(f"not in the registry: {name!r}")


def membership_iri(source: str, mechanism: URIRef, role: str, member: URIRef) -> URIRef:
    mech = str(mechanism).rsplit("/", 1)[-1]
    who = str(member).rsplit("/", 1)[-1]
    return MEMBERSHIP[f"{source}/{mech}/{role}/{who}"]


def year(value: str | int) -> Literal:
    return Literal(str(value), datatype=XSD.gYear)


# --- memberships: how the source names the participant, and qualifiers (CONTRACTS.md) ---------


def add_membership_basis(g: Graph, membership: URIRef, expanded: bool) -> None:
    """Say whether the source names this participant or the project expanded a group the source
    names ("EU Member States", "ACP States") into it: researchers count the two apart."""
    g.add((membership, ISCM.membershipBasis,
           MEMBERSHIP_BASIS["expanded-from-group" if expanded else "named"]))


def add_membership_qualifiers(g: Graph, membership: URIRef, *, start: int | None = None,
                              end: int | None = None, capacity: URIRef | None = None) -> None:
    """Machine-readable qualifiers of a membership: the years it began and ended, as the source
    gives them, and the capacity the participant holds it in (e.g. as chair of a mechanism)."""
    if start is not None:
        g.add((membership, ISCM.startYear, Literal(str(start), datatype=XSD.gYear)))
    if end is not None:
        g.add((membership, ISCM.endYear, Literal(str(end), datatype=XSD.gYear)))
    if capacity is not None:
        g.add((membership, ISCM.inCapacityOf, capacity))


# The African, Caribbean and Pacific Group of States, 2013-2017 (79 States, Cuba included): the
# expansion every source graph uses for a member list the source gives only as "ACP States".
ACP_GROUP_79 = [
    # Africa (48)
    "AGO", "BEN", "BWA", "BFA", "BDI", "CMR", "CPV", "CAF", "TCD", "COM", "COG", "COD", "CIV", "DJI",
    "GNQ", "ERI", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB", "KEN", "LSO", "LBR", "MDG", "MWI", "MLI",
    "MRT", "MUS", "MOZ", "NAM", "NER", "NGA", "RWA", "STP", "SEN", "SYC", "SLE", "SOM", "ZAF", "SDN",
    "SWZ", "TZA", "TGO", "UGA", "ZMB", "ZWE",
    # Caribbean (16)
    "ATG", "BHS", "BRB", "BLZ", "CUB", "DMA", "DOM", "GRD", "GUY", "HTI", "JAM", "KNA", "LCA", "VCT",
    "SUR", "TTO",
    # Pacific (15)
    "COK", "FJI", "KIR", "MHL", "FSM", "NRU", "NIU", "PLW", "PNG", "WSM", "SLB", "TLS", "TON", "TUV",
    "VUT",
]
