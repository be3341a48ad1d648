"""Taxonomies (GCM, thematic foci, roles, IOM roles, mechanism types) and thematic-focus facts.

Tag: themes. Run with the project venv:  .venv/bin/python tools/extract_themes.py

Writes ONLY:
  ontology/taxonomies/gcm.ttl
  ontology/taxonomies/thematic-foci.ttl
  ontology/taxonomies/roles.ttl
  ontology/taxonomies/iom-roles.ttl
  ontology/taxonomies/mechanism-types.ttl
  data/assessment-2019/thematic-foci.ttl      (Annex 10 matrix of the 2019 assessment report)
  data/grcp7-note-2017/gcm-engagement.ttl     (Annex 2 and the GCM paragraph of the 2017 GRCP 7 note)
  tests/data/thematic_matrix_2019.csv         (the 2019 matrix exactly as read, after alignment)
  tools/aliases/themes.tsv                    (names as the sources write them -> registry IRI)

The facts below were read by hand from the seed texts (which are not available in CI); every
definition is our own wording.  Alignment decisions for the 2019 matrix are explained in
docs/decisions/thematic-matrix-2019.md.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    ID, IOMROLE, ISCM, MECHANISM, ROLE, ROOT, SOURCE, THEME, TYPOLOGY,
    Citer, new_graph, normalise, registry_labels, write_turtle,
)

GCM = Namespace(ID["gcm/"])
SCHEME = Namespace(ID["scheme/"])
TAX = ROOT / "ontology" / "taxonomies"
SRC_2017 = SOURCE["grcp7-note-2017"]
SRC_2019 = SOURCE["assessment-2019"]
SRC_2013 = SOURCE["review-2013"]


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def graph():
    g = new_graph()
    g.bind("gcm", GCM)
    g.bind("scheme", SCHEME)
    return g


# ---------------------------------------------------------------------------
# Name resolution: registry first, then our reviewed alias table
# ---------------------------------------------------------------------------

# Every mechanism name as written in the two sources -> registry slug (reviewed by hand).
ALIASES = {
    # 2019 assessment report, Annex 10 column headings
    "5+5 Dialogue on Migration": "five-plus-five-dialogue",
    "Abu Dhabi Dialogue": "abu-dhabi-dialogue",
    "ACP-EU MD": "acp-eu-dialogue",
    "Almaty Process": "almaty-process",
    "ARCP": "arab-rcp",
    "AU-HoAI": "au-hoai",
    "Bali Process": "bali-process",
    "Budapest Process": "budapest-process",
    "CMC": "cmc",
    "Colombo Process": "colombo-process",
    "EaP Panel on Migration": "eap-panel",
    "EU-CELAC MD": "eu-celac-dialogue",
    "FIBEMTD": "fibemyd",
    "GFMd": "gfmd",
    "MID-IGAD": "mid-igad",
    "IGC": "igc",
    "Khartoum Process": "khartoum-process",
    "MIDCAS": "midcas",
    "MIDCOM": "midcom",
    "MIDSA": "midsa",
    "MIDWA": "midwa",
    "OACAM": "ocam",
    "PAFoM": "pan-african-forum",
    "PIDC": "pidc",
    "Prague Process": "prague-process",
    "Rabat Process": "rabat-process",
    "RCM": "puebla-process",
    "RIAM": "riam",
    "SACM": "sacm",
    # 2017 GRCP 7 background note, Annex 2 and the GCM-preparation paragraph
    "Puebla Process": "puebla-process",
    "FIBEMYD": "fibemyd",
    "FIBEMYP": "fibemyd",
    "Budapest process": "budapest-process",
    "IGAD RCP": "igad-rcp",
    "MTM": "mtm",
    "GFMD": "gfmd",
    "IDM": "idm",
    "ACP-EU Dialogue": "acp-eu-dialogue",
    "EU-LAC Dialogue": "eu-celac-dialogue",
    "ADD": "abu-dhabi-dialogue",
    "AFML": "afml",
    "ASEM Conference": "asem-cdgimm",
    "Asia-EU Dialogue on Labour Migration": "asia-eu-dialogue",
    "Asia EU Dialogue on Migration": "asia-eu-dialogue",
    "MISDA": "midsa",
    "Pan African Forum": "pan-african-forum",
    "Pan-African Forum": "pan-african-forum",
}

INDEX = registry_labels()
REGISTRY_PREF: dict[URIRef, str] = {}


def _load_prefs() -> None:
    from rdflib import Graph
    g = Graph()
    for path in sorted((ROOT / "data" / "registry").glob("*.ttl")):
        g.parse(path)
    for s, o in g.subject_objects(SKOS.prefLabel):
        REGISTRY_PREF[s] = str(o)


_load_prefs()


def mech(entry: tuple[str, str]) -> URIRef:
    """Registry IRI for (name as the source writes it, slug we read it as); all three must agree:
    the slug we wrote next to the name, the reviewed alias table, and the registry's own labels."""
    name, slug = entry
    assert ALIASES[name] == slug, f"{name!r}: {slug} vs alias table {ALIASES[name]}"
    iri = MECHANISM[slug]
    assert iri in REGISTRY_PREF, f"{iri} is not in the registry"
    known = INDEX.get(normalise(name))
    if known is not None and known != iri:
        raise SystemExit(f"alias table and registry disagree on {name!r}: {iri} vs {known}")
    return iri


# ---------------------------------------------------------------------------
# (1) Global Compact for Migration: 6 themes and 24 elements (2017 note, Annex 1)
# ---------------------------------------------------------------------------

# Numbered in the order in which the 2017 note lists them (main text and Annex 1).
GCM_THEMES = {
    1: ("Human rights, social inclusion and non-discrimination",
        "Upholding the human rights of every migrant, social inclusion and cohesion, and countering "
        "discrimination in all its forms, racism, xenophobia and intolerance included."),
    2: ("Irregular migration and regular pathways",
        "Reducing irregular migration and widening regular routes, including decent work, labour "
        "mobility, recognition of skills and qualifications and related measures."),
    3: ("International cooperation and governance of migration",
        "Cooperation between States and the governance of every dimension of migration: borders, "
        "transit, entry, return, readmission, integration and reintegration."),
    4: ("Contributions of migrants and diasporas to sustainable development",
        "What migrants and diaspora communities add to every dimension of sustainable development, "
        "including remittances and the portability of acquired benefits."),
    5: ("Addressing drivers of migration",
        "Tackling the causes that push people to move, such as climate change, natural disasters and "
        "man-made crises, through protection, assistance, development, poverty reduction and the "
        "prevention and settlement of conflicts."),
    6: ("Smuggling of migrants, trafficking in persons and contemporary slavery",
        "Countering migrant smuggling, human trafficking and modern forms of slavery, and identifying, "
        "protecting and assisting migrants and victims of trafficking."),
}

# letter -> (theme number, short label, our paraphrase)
GCM_ELEMENTS = {
    "a": (4, "Migration as a multidimensional development reality",
          "Migration viewed as a many-sided phenomenon that matters greatly for the development of "
          "origin, transit and destination countries, as the 2030 Agenda acknowledges."),
    "b": (5, "Migration as an opportunity for migrants and families",
          "The potential of migration to open up opportunities for migrants and their relatives."),
    "c": (5, "Drivers of migration",
          "Responding to the root causes of migration through more development effort, poverty "
          "reduction and conflict prevention and settlement."),
    "d": (4, "Migrants' contribution to sustainable development",
          "What migrants bring to sustainable development, and the intricate links between migration "
          "and development."),
    "e": (3, "Safe, orderly, regular and responsible migration",
          "Making migration and mobility safe, orderly, regular and responsible through planned and "
          "well-run policies, which may include opening or widening regular channels."),
    "f": (3, "International cooperation for migration governance",
          "The room for more cooperation between States in order to govern migration better."),
    "g": (5, "Human capital in countries of origin",
          "How emigration affects the skills and human capital of the countries people leave."),
    "h": (4, "Remittances",
          "Remittances as private capital that supports development, and making transfers through "
          "lawful channels quicker, safer and cheaper at both ends, for instance by cutting fees."),
    "i": (1, "Protection of migrants' human rights",
          "Safeguarding the rights and fundamental freedoms of all migrants, women and children "
          "included, whatever their status, with attention to those in vulnerable situations."),
    "j": (3, "Border control cooperation",
          "Cooperation between States on controlling borders while fully respecting migrants' "
          "human rights."),
    "k": (6, "Combating trafficking, smuggling and slavery",
          "Fighting human trafficking, the smuggling of migrants and modern forms of slavery."),
    "l": (6, "Identification and assistance of trafficked persons",
          "Finding victims of trafficking and weighing support for them, such as temporary or "
          "permanent residence and permission to work where suitable."),
    "m": (2, "Reducing irregular migration",
          "Lowering how often irregular migration happens and limiting its consequences."),
    "n": (5, "Migrants in countries in crisis",
          "Responding to the situation of migrants caught in countries hit by a crisis."),
    "o": (1, "Inclusion and access to services",
          "Encouraging migrants' inclusion in receiving societies, their access to basic services "
          "and services that take gender into account."),
    "p": (2, "Regularization of status",
          "Examining policies that would let migrants obtain a regular status."),
    "q": (2, "Labour rights and labour mobility",
          "Protecting the labour rights and workplace safety of migrant workers, including women and "
          "people in precarious jobs, and fostering labour mobility such as circular migration."),
    "r": (3, "Migrants' responsibilities towards host countries",
          "The duties and obligations that migrants have towards the countries that receive them."),
    "s": (3, "Return and readmission",
          "Return and readmission of migrants, and better cooperation on them between countries of "
          "origin and of destination."),
    "t": (4, "Diaspora contributions and links",
          "Drawing on what diasporas contribute and reinforcing their ties with countries of origin."),
    "u": (1, "Combating racism and xenophobia",
          "Countering racism, xenophobia, discrimination and intolerance aimed at migrants."),
    "v": (3, "Disaggregated migration data",
          "Data on international migration broken down by relevant characteristics."),
    "w": (2, "Recognition of qualifications and portability of benefits",
          "Recognising qualifications, education and skills gained abroad, and cooperating on access "
          "to and transfer of benefits that migrants have earned."),
    "x": (3, "Cooperation at all levels",
          "Cooperation on every aspect of migration at national, regional and international level."),
}
assert sorted(GCM_ELEMENTS) == list("abcdefghijklmnopqrstuvwx")
assert {t for t, _, _ in GCM_ELEMENTS.values()} == set(GCM_THEMES)


def build_gcm():
    g = graph()
    scheme = SCHEME.gcm
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, en("Global Compact for Migration: themes and elements")))
    g.add((scheme, SKOS.definition, en(
        "The six thematic clusters and 24 elements of the Global Compact for Safe, Orderly and "
        "Regular Migration, as grouped in the 2017 background note for the seventh global meeting "
        "of chairs and secretariats of RCPs.")))
    g.add((scheme, DCTERMS.source, SRC_2017))
    g.add((scheme, SKOS.editorialNote, en(
        "Elements keep their letters (a-x) from the New York Declaration; themes are numbered 1-6 in "
        "the order the 2017 note lists them. The assignment of elements to themes is the one the "
        "note attributes to IOM's International Partnerships Division.")))
    for n, (label, definition) in GCM_THEMES.items():
        c = GCM[f"theme-{n}"]
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, scheme))
        g.add((c, SKOS.topConceptOf, scheme))
        g.add((scheme, SKOS.hasTopConcept, c))
        g.add((c, SKOS.notation, Literal(str(n))))
        g.add((c, SKOS.prefLabel, en(label)))
        g.add((c, SKOS.definition, en(definition)))
        g.add((c, DCTERMS.source, SRC_2017))
    for letter, (n, label, definition) in GCM_ELEMENTS.items():
        c = GCM[f"element-{letter}"]
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, scheme))
        g.add((c, SKOS.broader, GCM[f"theme-{n}"]))
        g.add((GCM[f"theme-{n}"], SKOS.narrower, c))
        g.add((c, SKOS.notation, Literal(letter)))
        g.add((c, SKOS.prefLabel, en(label)))
        g.add((c, SKOS.definition, en(definition)))
        g.add((c, DCTERMS.source, SRC_2017))
    write_turtle(g, TAX / "gcm.ttl", "Global Compact for Migration: 6 themes, 24 elements.\n"
                 "Generated by tools/extract_themes.py from the 2017 GRCP 7 background note, Annex 1.")
    return g


# ---------------------------------------------------------------------------
# (2) Thematic-foci scheme: every theme named in the three lists, merged
# ---------------------------------------------------------------------------

# The lists, with the wording each uses (used for altLabels, scope notes and completeness checks).
LIST_NAMES = {
    "M19": ("2019 assessment report, Annex 10 matrix", SRC_2019),
    "C19a": ("2019 assessment report, section 1, themes commonly addressed", SRC_2019),
    "C19b": ("2019 assessment report, section 1, less universal but frequent topics", SRC_2019),
    "S19a": ("2019 assessment report, section 1.1, focus areas of most ISCMs (survey)", SRC_2019),
    "S19b": ("2019 assessment report, section 1.1, less common focus areas (survey)", SRC_2019),
    "T19L": ("2019 assessment report, Table 1, literature-review column", SRC_2019),
    "T19S": ("2019 assessment report, Table 1, survey column", SRC_2019),
    "A17": ("2017 GRCP 7 background note, Annex 2, areas of focus", SRC_2017),
}

# Item number in the printed list -> wording (numbered so that the record does not repeat the lists
# verbatim in their printed order).
LISTS = {
    "M19": {
        1: 'Asylum',
        2: 'Biometrics',
        3: 'Border management',
        4: 'Brain drain',
        5: 'Counter-human smuggling',
        6: 'Counter-trafficking',
        7: 'Diaspora',
        8: 'Global Compact for Migration',
        9: 'Humanitarian emergency preparedness',
        10: 'IDPs',
        11: 'Irregular migration',
        12: 'Labour migration',
        13: 'Migrant integration',
        14: "Migrants' rights",
        15: 'Migrants in vulnerable situations',
        16: 'Migration and development',
        17: 'Migration and gender',
        18: 'Migration and security',
        19: 'Migration and health',
        20: 'Migration data and statistics',
        21: 'Migration management',
        22: 'Migration policy and governance',
        23: 'Migration, environment and climate change',
        24: 'Migration trends/ drivers of migration',
        25: 'Mixed migration',
        26: 'Multi-stakeholder engagement (private and/or civil society)',
        27: 'Partnerships and cooperation on migration',
        28: 'Refugees and protection',
        29: 'Remittances',
        30: 'Return, reintegration and readmission',
        31: 'Sustainable Development Goals',
    },
    "C19a": {
        1: 'Border management',
        2: 'Labour migration',
        3: 'Irregular migration',
        4: 'Counter-trafficking',
        5: 'Asylum and refugees',
        6: 'Migration and gender',
        7: "Migration law and migrants' rights",
        8: 'Migration and development',
    },
    "C19b": {
        1: 'Voluntary return',
        2: 'Remittances',
        3: 'Migration and technology',
        4: 'Disaster risk management',
        5: 'Settlement, integration and citizenship',
        6: 'Specific vulnerable groups (e.g. unaccompanied minors)',
        7: 'Discrimination, racism and xenophobia',
    },
    "S19a": {
        1: 'Improving the management of international movements of people',
        2: 'Migration law',
        3: 'Strengthening border management and control',
        4: 'Identifying migration services and their delivery',
        5: 'Migration governance',
        6: 'Labour migration',
        7: 'Irregular migration',
        8: 'Combating human trafficking',
        9: 'Asylum and refugees',
        10: 'Migration and gender',
        11: 'Human rights',
    },
    "S19b": {
        1: 'Sharing of information on countries of origin and destination, migration trends, among others',
        2: 'Visa policies and free movement of people at the regional level',
        3: 'Reducing brain drain and unethical recruitment',
        4: 'Migration and health',
        5: 'Voluntary return of migrants',
        6: "Migrants' remittances",
        7: 'Migration and development nexus',
        8: 'Use of technology',
        9: 'Disaster risk management',
        10: 'Vulnerable migrants (unaccompanied minors, youth, etc.)',
        11: 'Settlement, integration and citizenship',
        12: 'Fighting discrimination, racism and xenophobia',
        13: 'International engagement on migration',
    },
    "T19L": {
        1: 'Asylum and refugees',
        2: 'Border management',
        3: 'Counter-trafficking',
        4: 'Irregular migration',
        5: 'Labour migration',
        6: 'Migration and development',
        7: 'Migration and gender',
        8: "Migration law and migrants' rights",
    },
    "T19S": {
        1: 'Asylum',
        2: 'Brain drain',
        3: 'Irregular migration',
        4: "Migrants' rights",
        5: 'Migration and development',
        6: 'Migration data',
        7: 'Migration law',
        8: 'Migration management',
        9: 'Migration policies',
        10: 'Mixed migration',
    },
    "A17": {
        1: 'Migration, environment and climate change',
        2: 'Humanitarian emergency preparedness',
        3: 'Migration and development',
        4: 'Remittances',
        5: 'Labour migration',
        6: 'Return, reintegration, readmissions',
        7: 'Irregular migration and Mixed migration flows',
        8: 'Migrant Rights',
        9: 'Migrant integration',
        10: 'Migration and education',
        11: 'Asylum and refugees',
        12: 'Migration health',
        13: 'Migration policy',
        14: 'Partnerships (e.g. with Civil society, private sector)',
        15: 'Migration data',
        16: 'Border management',
        17: 'Counter-trafficking',
    },
}

# slug -> dict(pref, defn, names={list: wording}, broader=[], related=[], close=[], gcm=[], note)
THEMES: dict[str, dict] = {}


def theme(slug, pref, defn, names, broader=(), related=(), close=(), gcm=(), note=None):
    THEMES[slug] = dict(pref=pref, defn=defn, names=names, broader=list(broader),
                        related=list(related), close=list(close), gcm=list(gcm), note=note)


theme("asylum-and-refugees", "Asylum and refugees",
      "Umbrella topic for asylum procedures and for the situation and protection of refugees.",
      {"A17": "Asylum and refugees", "C19a": "Asylum and refugees", "S19a": "Asylum and refugees",
       "T19L": "Asylum and refugees"}, gcm=[1],
      note="The 2019 matrix splits this topic into two rows (asylum; refugees and protection), which "
           "are modelled as narrower concepts. The GCM mapping follows the 2017 note, which files it "
           "under the human-rights theme.")
theme("asylum", "Asylum",
      "Systems and procedures through which States receive and decide on claims for international "
      "protection.",
      {"M19": "Asylum", "T19S": "Asylum"}, broader=["asylum-and-refugees"])
theme("refugee-protection", "Refugee protection",
      "The situation of refugees and the protection owed to them, including durable solutions.",
      {"M19": "Refugees and protection"}, broader=["asylum-and-refugees"],
      related=["internally-displaced-persons"])
theme("biometrics", "Biometrics",
      "Use of biometric identifiers (fingerprints, facial images, etc.) in identity management, "
      "travel documents and border processes.",
      {"M19": "Biometrics"}, broader=["migration-and-technology"], related=["border-management"])
theme("border-management", "Border management",
      "Regulating the crossing of borders by people, including control, security and "
      "facilitation at entry and exit points.",
      {"M19": "Border management", "A17": "Border management", "C19a": "Border management",
       "T19L": "Border management", "S19a": "Strengthening border management and control"},
      related=["migration-and-security", "visa-policy-and-free-movement"], gcm=[3])
theme("brain-drain", "Brain drain",
      "Loss of skilled people from countries of origin through emigration, and ways to limit it.",
      {"M19": "Brain drain", "T19S": "Brain drain",
       "S19b": "Reducing brain drain and unethical recruitment"},
      related=["labour-migration", "migration-and-development"], gcm=[5],
      note="The survey list pairs brain drain with unethical recruitment in one item; that wording is "
           "kept as an alternative label here rather than creating a separate recruitment concept.")
theme("migrant-smuggling", "Migrant smuggling",
      "Countering the facilitation, for profit, of irregular entry or border crossing of migrants.",
      {"M19": "Counter-human smuggling"}, related=["counter-trafficking", "irregular-migration"],
      gcm=[6])
theme("counter-trafficking", "Counter-trafficking",
      "Preventing and prosecuting trafficking in persons and protecting and assisting its victims.",
      {"M19": "Counter-trafficking", "A17": "Counter-trafficking", "C19a": "Counter-trafficking",
       "T19L": "Counter-trafficking", "S19a": "Combating human trafficking"}, gcm=[6])
theme("diaspora", "Diaspora",
      "Engagement with emigrant and diaspora communities and their ties with countries of origin.",
      {"M19": "Diaspora"}, related=["migration-and-development"], gcm=[4])
theme("global-compact-for-migration", "Global Compact for Migration",
      "Work connected with the preparation, adoption or implementation of the Global Compact for "
      "Safe, Orderly and Regular Migration.",
      {"M19": "Global Compact for Migration"}, related=["international-engagement"],
      note="Covers the Global Compact as a whole; see the gcm scheme for its themes and elements.")
theme("humanitarian-emergency-preparedness", "Humanitarian emergency preparedness",
      "Readiness to respond to the mobility dimensions of humanitarian emergencies and crises.",
      {"M19": "Humanitarian emergency preparedness", "A17": "Humanitarian emergency preparedness"},
      related=["disaster-risk-management", "internally-displaced-persons"], gcm=[5])
theme("internally-displaced-persons", "Internally displaced persons",
      "People forced to leave their homes who remain within their own country's borders.",
      {"M19": "IDPs"})
theme("irregular-and-mixed-migration", "Irregular migration and mixed migration flows",
      "Umbrella topic joining irregular migration and mixed movements of people with differing "
      "protection needs.",
      {"A17": "Irregular migration and Mixed migration flows"}, gcm=[2],
      note="Only the 2017 note joins the two topics in one area; the 2019 lists name them separately.")
theme("irregular-migration", "Irregular migration",
      "Movement of people outside the legal rules of the countries of origin, transit or "
      "destination, and policies to prevent and respond to it.",
      {"M19": "Irregular migration", "C19a": "Irregular migration", "S19a": "Irregular migration",
       "T19L": "Irregular migration", "T19S": "Irregular migration"},
      broader=["irregular-and-mixed-migration"], gcm=[2])
theme("mixed-migration", "Mixed migration",
      "Movements in which refugees, asylum-seekers and other migrants travel together along the "
      "same routes.",
      {"M19": "Mixed migration", "T19S": "Mixed migration"},
      broader=["irregular-and-mixed-migration"], related=["asylum-and-refugees"])
theme("labour-migration", "Labour migration",
      "Movement of people for employment, including recruitment, migrant workers' conditions and "
      "labour mobility schemes.",
      {"M19": "Labour migration", "A17": "Labour migration", "C19a": "Labour migration",
       "S19a": "Labour migration", "T19L": "Labour migration"}, gcm=[2])
theme("settlement-integration-and-citizenship", "Settlement, integration and citizenship",
      "Umbrella topic for migrants' long-term settlement, their integration and access to "
      "nationality.",
      {"C19b": "Settlement, integration and citizenship",
       "S19b": "Settlement, integration and citizenship"}, gcm=[1])
theme("migrant-integration", "Migrant integration",
      "Processes and policies by which migrants and receiving societies adapt to each other.",
      {"M19": "Migrant integration", "A17": "Migrant integration"},
      broader=["settlement-integration-and-citizenship"], gcm=[1])
theme("migration-law-and-migrants-rights", "Migration law and migrants' rights",
      "Umbrella topic joining the legal framework governing migration and the rights of migrants.",
      {"C19a": "Migration law and migrants' rights", "T19L": "Migration law and migrants' rights"})
theme("migration-law", "Migration law",
      "National and international legal rules that govern migration and the status of migrants.",
      {"S19a": "Migration law", "T19S": "Migration law"},
      broader=["migration-law-and-migrants-rights"])
theme("migrants-rights", "Migrants' rights",
      "Respect for and protection of the rights of migrants, whatever their status.",
      {"M19": "Migrants' rights", "T19S": "Migrants' rights", "A17": "Migrant Rights"},
      broader=["migration-law-and-migrants-rights"], close=["human-rights"],
      related=["discrimination-racism-and-xenophobia"], gcm=[1])
theme("human-rights", "Human rights",
      "Human rights as a focus area of migration dialogue, in practice the human rights of migrants.",
      {"S19a": "Human rights"}, gcm=[1])
theme("discrimination-racism-and-xenophobia", "Discrimination, racism and xenophobia",
      "Countering discrimination, racism and hostility towards migrants.",
      {"C19b": "Discrimination, racism and xenophobia",
       "S19b": "Fighting discrimination, racism and xenophobia"}, gcm=[1])
theme("migrants-in-vulnerable-situations", "Migrants in vulnerable situations",
      "Migrants with particular protection needs, such as unaccompanied or separated children, "
      "young people and others at risk.",
      {"M19": "Migrants in vulnerable situations",
       "C19b": "Specific vulnerable groups (e.g. unaccompanied minors)",
       "S19b": "Vulnerable migrants (unaccompanied minors, youth, etc.)"}, gcm=[1])
theme("migration-and-development", "Migration and development",
      "The two-way links between migration and the development of countries of origin, transit "
      "and destination.",
      {"M19": "Migration and development", "A17": "Migration and development",
       "C19a": "Migration and development", "T19L": "Migration and development",
       "T19S": "Migration and development", "S19b": "Migration and development nexus"},
      related=["sustainable-development-goals"], gcm=[4])
theme("remittances", "Remittances",
      "Money and goods that migrants send home, and the cost, safety and use of such transfers.",
      {"M19": "Remittances", "A17": "Remittances", "C19b": "Remittances",
       "S19b": "Migrants' remittances"}, broader=["migration-and-development"], gcm=[4])
theme("sustainable-development-goals", "Sustainable Development Goals",
      "The migration-related targets of the 2030 Agenda and their follow-up.",
      {"M19": "Sustainable Development Goals"}, gcm=[4])
theme("migration-and-gender", "Migration and gender",
      "How gender shapes migration experiences, risks and policies.",
      {"M19": "Migration and gender", "C19a": "Migration and gender", "S19a": "Migration and gender",
       "T19L": "Migration and gender"})
theme("migration-and-security", "Migration and security",
      "The security dimensions of migration and of its management.",
      {"M19": "Migration and security"}, related=["border-management"],
      note="The 2019 matrix has this row but ticks no mechanism in it.")
theme("migration-and-health", "Migration and health",
      "Health of migrants and public-health aspects of population mobility.",
      {"M19": "Migration and health", "S19b": "Migration and health", "A17": "Migration health"},
      gcm=[1], note="The GCM mapping follows the 2017 note, which files health under the human-rights theme.")
theme("migration-data", "Migration data",
      "Collection, analysis and sharing of statistics and other data on migration.",
      {"A17": "Migration data", "T19S": "Migration data", "M19": "Migration data and statistics"},
      related=["information-sharing"], gcm=[3])
theme("information-sharing", "Information sharing on migration",
      "Exchanging information between States on countries of origin and destination, trends and "
      "other migration matters.",
      {"S19b": "Sharing of information on countries of origin and destination, migration trends, among others"},
      related=["migration-trends-and-drivers"])
theme("migration-management", "Migration management",
      "Administering the movement of people across borders in an orderly way, through "
      "procedures, institutions and operational cooperation.",
      {"M19": "Migration management", "T19S": "Migration management",
       "S19a": "Improving the management of international movements of people"},
      related=["migration-governance", "migration-services"], gcm=[3])
theme("migration-policy-and-governance", "Migration policy and governance",
      "Umbrella topic for the policies, laws, institutions and processes through which migration "
      "is governed.",
      {"M19": "Migration policy and governance"}, gcm=[3])
theme("migration-policy", "Migration policy",
      "Design and content of national and regional policies on migration.",
      {"A17": "Migration policy", "T19S": "Migration policies"},
      broader=["migration-policy-and-governance"], gcm=[3])
theme("migration-governance", "Migration governance",
      "The frameworks of rules, institutions and cooperation through which States govern migration.",
      {"S19a": "Migration governance"}, broader=["migration-policy-and-governance"], gcm=[3])
theme("migration-environment-and-climate-change", "Migration, environment and climate change",
      "Mobility linked to environmental degradation, climate change and natural hazards.",
      {"M19": "Migration, environment and climate change",
       "A17": "Migration, environment and climate change"},
      related=["disaster-risk-management"], gcm=[5])
theme("disaster-risk-management", "Disaster risk management",
      "Reducing and managing the risks that disasters pose, including displacement and the "
      "situation of migrants caught in disasters.",
      {"C19b": "Disaster risk management", "S19b": "Disaster risk management"}, gcm=[5])
theme("migration-trends-and-drivers", "Migration trends and drivers",
      "Patterns of migration over time and the factors that cause people to move.",
      {"M19": "Migration trends/ drivers of migration"}, gcm=[5])
theme("partnerships-and-cooperation", "Partnerships and cooperation on migration",
      "Cooperation on migration among States and with other actors such as organizations, civil "
      "society and the private sector.",
      {"M19": "Partnerships and cooperation on migration",
       "A17": "Partnerships (e.g. with Civil society, private sector)"},
      close=["international-engagement"], gcm=[3],
      note="The 2017 area gives civil society and the private sector as examples; the narrower "
           "multi-stakeholder concept covers that part.")
theme("multi-stakeholder-engagement", "Multi-stakeholder engagement",
      "Involving non-State actors, notably civil society and the private sector, in migration "
      "dialogue.",
      {"M19": "Multi-stakeholder engagement (private and/or civil society)"},
      broader=["partnerships-and-cooperation"])
theme("international-engagement", "International engagement on migration",
      "A mechanism's engagement in wider international and global processes on migration.",
      {"S19b": "International engagement on migration"}, gcm=[3])
theme("return-reintegration-and-readmission", "Return, reintegration and readmission",
      "Return of migrants to their countries of origin, their readmission and their reintegration "
      "there.",
      {"M19": "Return, reintegration and readmission", "A17": "Return, reintegration, readmissions"},
      gcm=[2, 3],
      note="The 2017 note maps this area to the irregular-migration theme; in the GCM's own grouping "
           "return and readmission (element s) sits under international cooperation, so both are linked.")
theme("voluntary-return", "Voluntary return",
      "Assisted or independent return that the migrant chooses, as opposed to forced removal.",
      {"C19b": "Voluntary return", "S19b": "Voluntary return of migrants"},
      broader=["return-reintegration-and-readmission"])
theme("migration-and-technology", "Migration and technology",
      "Use of technology, including digital tools, in migration management and services.",
      {"C19b": "Migration and technology", "S19b": "Use of technology"})
theme("migration-services", "Migration services",
      "Services that migration authorities provide to travellers and migrants and how they are "
      "delivered.",
      {"S19a": "Identifying migration services and their delivery"})
theme("visa-policy-and-free-movement", "Visa policy and free movement",
      "Visa regimes and arrangements for the free movement of people within a region.",
      {"S19b": "Visa policies and free movement of people at the regional level"})
theme("migration-and-education", "Migration and education",
      "Education of migrants and their children and mobility for study.",
      {"A17": "Migration and education"}, related=["migrant-integration"], gcm=[1],
      note="The GCM mapping follows the 2017 note.")


def check_theme_coverage():
    """Every name in every list is a pref- or altLabel of exactly one concept, per list."""
    assert {k: len(v) for k, v in LISTS.items()} == {
        "M19": 31, "C19a": 8, "C19b": 7, "S19a": 11, "S19b": 13, "T19L": 8, "T19S": 10, "A17": 17}
    for key, numbered in LISTS.items():
        assert sorted(numbered) == list(range(1, len(numbered) + 1))
        names = list(numbered.values())
        for name in names:
            hits = [s for s, t in THEMES.items() if t["names"].get(key) == name]
            assert len(hits) == 1, f"{key}: {name!r} -> {hits}"
        mapped = [t["names"][key] for t in THEMES.values() if key in t["names"]]
        assert sorted(mapped) == sorted(names), f"{key}: concepts name items not in the list"
    for slug, t in THEMES.items():
        for other in t["broader"] + t["related"] + t["close"]:
            assert other in THEMES, f"{slug}: unknown {other}"


def build_thematic_foci():
    check_theme_coverage()
    g = graph()
    scheme = SCHEME["thematic-foci"]
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, en("Thematic foci of inter-State consultation mechanisms on migration")))
    g.add((scheme, SKOS.definition, en(
        "Topics that inter-State consultation mechanisms on migration work on, merged from the "
        "thematic lists of the 2017 GRCP 7 background note and the 2019 ISCM assessment report.")))
    g.add((scheme, DCTERMS.source, SRC_2017))
    g.add((scheme, DCTERMS.source, SRC_2019))
    g.add((scheme, SKOS.editorialNote, en(
        "One concept per distinct topic. The same topic worded differently in another list becomes an "
        "alternative label; composite headings (two topics in one item) become a broader umbrella "
        "concept over the separate topics; nearly equivalent topics are linked with skos:closeMatch, "
        "associated ones with skos:related. skos:relatedMatch links to the Global Compact themes.")))
    for slug, t in THEMES.items():
        c = THEME[slug]
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, scheme))
        g.add((c, SKOS.prefLabel, en(t["pref"])))
        g.add((c, SKOS.definition, en(t["defn"])))
        for wording in sorted(set(t["names"].values())):
            if wording.lower() != t["pref"].lower():
                g.add((c, SKOS.altLabel, en(wording)))
        listed = []
        for key in LIST_NAMES:
            if key in t["names"]:
                label, src = LIST_NAMES[key]
                g.add((c, DCTERMS.source, src))
                listed.append(f"{label} (as '{t['names'][key]}')")
        g.add((c, SKOS.scopeNote, en("Named in: " + "; ".join(listed) + ".")))
        if t["broader"]:
            for b in t["broader"]:
                g.add((c, SKOS.broader, THEME[b]))
                g.add((THEME[b], SKOS.narrower, c))
        else:
            g.add((c, SKOS.topConceptOf, scheme))
            g.add((scheme, SKOS.hasTopConcept, c))
        for r in t["related"]:
            g.add((c, SKOS.related, THEME[r]))
            g.add((THEME[r], SKOS.related, c))
        for m in t["close"]:
            g.add((c, SKOS.closeMatch, THEME[m]))
            g.add((THEME[m], SKOS.closeMatch, c))
        for n in t["gcm"]:
            g.add((c, SKOS.relatedMatch, GCM[f"theme-{n}"]))
        if t["note"]:
            g.add((c, SKOS.editorialNote, en(t["note"])))
    g.add((THEME["global-compact-for-migration"], RDFS.seeAlso, SCHEME.gcm))
    write_turtle(g, TAX / "thematic-foci.ttl", "Thematic foci of ISCMs (merged from the 2017 note and 2019 report).\n"
                 "Generated by tools/extract_themes.py.")
    return g


# ---------------------------------------------------------------------------
# (3) 2019 matrix, Annex 10 (as aligned; see docs/decisions/thematic-matrix-2019.md)
# ---------------------------------------------------------------------------

# Column headings as printed, with the registry slug each resolves to.
MATRIX_COLUMNS = [
    ('5+5 Dialogue on Migration', 'five-plus-five-dialogue'),
    ('Abu Dhabi Dialogue', 'abu-dhabi-dialogue'),
    ('ACP-EU MD', 'acp-eu-dialogue'),
    ('Almaty Process', 'almaty-process'),
    ('ARCP', 'arab-rcp'),
    ('AU-HoAI', 'au-hoai'),
    ('Bali Process', 'bali-process'),
    ('Budapest Process', 'budapest-process'),
    ('CMC', 'cmc'),
    ('Colombo Process', 'colombo-process'),
    ('EaP Panel on Migration', 'eap-panel'),
    ('EU-CELAC MD', 'eu-celac-dialogue'),
    ('FIBEMTD', 'fibemyd'),
    ('GFMd', 'gfmd'),
    ('MID-IGAD', 'mid-igad'),
    ('IGC', 'igc'),
    ('Khartoum Process', 'khartoum-process'),
    ('MIDCAS', 'midcas'),
    ('MIDCOM', 'midcom'),
    ('MIDSA', 'midsa'),
    ('MIDWA', 'midwa'),
    ('OACAM', 'ocam'),
    ('PAFoM', 'pan-african-forum'),
    ('PIDC', 'pidc'),
    ('Prague Process', 'prague-process'),
    ('Rabat Process', 'rabat-process'),
    ('RCM', 'puebla-process'),
    ('RIAM', 'riam'),
    ('SACM', 'sacm'),
]

# Row label as printed -> concept slug (from the "M19" wording recorded on each concept above).
MATRIX_THEME = {t["names"]["M19"]: slug for slug, t in THEMES.items() if "M19" in t["names"]}

# Each row as printed, in the column order above; 'x' = tick, '.' = dash.  Read row by row
# (the table runs over two pages; the second page repeats the header row).
# Column groups of 5 for legibility:
#   5+5 ADD ACP Alm ARCP | AUHoAI Bali Bud CMC Col | EaP EUCELAC FIB GFMD MIDIGAD |
#   IGC Khar MIDCAS MIDCOM MIDSA | MIDWA OACAM PAFoM PIDC Prague | Rabat RCM RIAM SACM
MATRIX_ROWS_AS_PRINTED = {
    "Asylum":                              "...xx ..x.. x.... xx... ..xxx x...",
    "Biometrics":                          "..... ..... ..... x.... ....x ....",
    "Border management":                   "..x.. x..x. xx..x xx... x.x.x xxxx",
    "Brain drain":                         "....x ..... ....x ..... ..... ....",
    "Counter-human smuggling":             "..x.. x.xx. .x..x .x... x.x.. xxxx",
    "Counter-trafficking":                 "x.xx. xxxx. xx..x .xx.. x.x.x xxxx",
    "Diaspora":                            "..... ...x. ...x. ..... x.... ...x",
    "Global Compact for Migration":        ".x.xx .xx.x ...xx xx.xx xxx.x x..x",
    "Humanitarian emergency preparedness": "..... ...x. ..... ..... ..... ....",
    "IDPs":                                "..... ..... ....x ..... ..... ....",
    "Irregular migration":                 "xx.xx .xx.. .x.xx .xxxx xxxxx xxxx",
    "Labour migration":                    "xx.x. ...xx .xxxx xxxxx xxxxx xxxx",
    "Migrant integration":                 "x..xx .x... .x.x. x.xxx xxx.. xxxx",
    "Migrants' rights":                    "x..xx .x..x xxxx. xxxxx xx... .xxx",
    "Migrants in vulnerable situations":   "...x. .x... ..... ..... ..... xx..",
    # last row of the first page: printed with 30 cells (one too many) -- see decision D1
    "Migration and development":           "xx..x ..xxx .xxxx .xxxx xxxxx xxx.x",
    "Migration and gender":                "x.... ....x ..... ..... ..... ....",
    "Migration and security":              "..... ..... ..... ..... ..... ....",
    "Migration and health":                "x.... ...xx ....x ..xxx ..... xx..",
    "Migration data and statistics":       "x...x ...x. .x.xx .xxx. x..xx xxxx",
    "Migration management":                "xx.x. .xx.. ..xx. .x... x..x. ..x.",
    "Migration policy and governance":     "...xx x.x.. x.xxx x...x xx.xx x..x",
    "Migration, environment and climate change": "..... .x.x. ..xxx x.x.. ..x.. ....",
    "Migration trends/ drivers of migration": "...x. ..... ..... ..... ..... ....",
    "Mixed migration":                     "....x ..... ..... ..... x.... x...",
    "Multi-stakeholder engagement (private and/or civil society)": "..... .x... ...x. ..... ..... ....",
    "Partnerships and cooperation on migration": "x.... ..x.. ....x ..... .x..x ....",
    "Refugees and protection":             "...x. ...x. x.x.. x...x ...x. xx..",
    "Remittances":                         ".xx.x ....x .xxx. ..... ...x. ....",
    "Return, reintegration and readmission": "..x.. .xx.. .x.xx xxx.. x.... xx..",
    "Sustainable Development Goals":       "....x ....x ..... ..... ..... ....",
}

# Alignment decisions: row label -> 0-based index of a printed cell to drop.
# D1: the Migration and development row has 30 cells.  Cells 1-28 fit the header as printed; the
# extra cell is one of the last two ('-' then tick).  We drop the dash (cell 29) and give the final
# tick to SACM (the 2017 note also lists SACM under migration and development).
DROP_CELL = {"Migration and development": 28}


def matrix() -> dict[str, str]:
    """The matrix as read: printed rows with the alignment decisions applied."""
    rows = {}
    for label, printed in MATRIX_ROWS_AS_PRINTED.items():
        cells = printed.replace(" ", "")
        assert set(cells) <= {"x", "."}
        if label in DROP_CELL:
            assert len(cells) == len(MATRIX_COLUMNS) + 1, label
            i = DROP_CELL[label]
            cells = cells[:i] + cells[i + 1:]
        assert len(cells) == len(MATRIX_COLUMNS), f"{label}: {len(cells)} cells"
        rows[label] = cells
    assert sorted(rows) == sorted(MATRIX_THEME)
    assert list(rows) == list(LISTS["M19"].values())
    return rows


def build_matrix_2019():
    rows = matrix()
    g = graph()
    citer = Citer(g, "assessment-2019")  # each tick at its matrix row (docs/modelling.md)
    citer.part("annex-10", "Annex 10")
    counts = {}
    for j, col in enumerate(MATRIX_COLUMNS):
        m = mech(col)
        counts[col] = 0
        for label, cells in rows.items():
            if cells[j] == "x":
                fact = (m, ISCM.thematicFocus, THEME[MATRIX_THEME[label]])
                g.add(fact)
                citer.cite(citer.part(f"annex-10/{MATRIX_THEME[label]}", f"Annex 10, row {label}",
                                      parent="annex-10"), fact)
                counts[col] += 1
    citer.write()
    write_turtle(g, ROOT / "data" / "assessment-2019" / "thematic-foci.ttl",
                 "Thematic foci of ISCMs: every tick of the matrix in Annex 10 of the 2019 assessment report.\n"
                 "Generated by tools/extract_themes.py; alignment decisions in docs/decisions/thematic-matrix-2019.md.")
    # CSV: rows = mechanism IRIs, columns = theme IRIs, cells 1/0 (the matrix as read).
    out = ROOT / "tests" / "data" / "thematic_matrix_2019.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["mechanism"] + [str(THEME[MATRIX_THEME[label]]) for label in rows])
        for j, col in enumerate(MATRIX_COLUMNS):
            w.writerow([str(mech(col))] + ["1" if rows[label][j] == "x" else "0" for label in rows])
    print("2019 Annex 10: ticks per mechanism")
    for col in MATRIX_COLUMNS:
        print(f"  {col[0]:28s} {col[1]:26s} {counts[col]}")
    print(f"  total ticks: {sum(counts.values())}")
    print("  ticks per theme: " + ", ".join(f"{l}={c.count('x')}" for l, c in rows.items()))
    return g


# ---------------------------------------------------------------------------
# (4) 2017 note, Annex 2: area of focus -> GCM theme -> ISCMs engaged
# ---------------------------------------------------------------------------

# (area as written, concept slug, GCM theme number, ISCMs as written in the cell, in order)
ANNEX2_2017 = [
    ("Migration, environment and climate change", "migration-environment-and-climate-change", 5,
     [('MIDCAS', 'midcas'), ('Puebla Process', 'puebla-process')]),
    ("Humanitarian emergency preparedness", "humanitarian-emergency-preparedness", 5,
     [('Almaty Process', 'almaty-process'), ('FIBEMYD', 'fibemyd')]),
    ("Migration and development", "migration-and-development", 4,
     [('5+5 Dialogue on Migration', 'five-plus-five-dialogue'), ('Almaty Process', 'almaty-process'), ('ARCP', 'arab-rcp'), ('Budapest Process', 'budapest-process'), ('MIDCOM', 'midcom'), ('FIBEMYD', 'fibemyd'),
      ('IGAD RCP', 'igad-rcp'), ('MIDCAS', 'midcas'), ('MIDSA', 'midsa'), ('MTM', 'mtm'), ('Prague Process', 'prague-process'), ('Puebla Process', 'puebla-process'),
      # continued after the page break (footnote 27)
      ('Rabat Process', 'rabat-process'), ('SACM', 'sacm'), ('GFMD', 'gfmd'), ('IDM', 'idm')]),
    ("Remittances", "remittances", 4,
     [('ACP-EU Dialogue', 'acp-eu-dialogue'), ('Colombo Process', 'colombo-process'), ('EU-LAC Dialogue', 'eu-celac-dialogue'), ('FIBEMYD', 'fibemyd'), ('MIDWA', 'midwa')]),
    ("Labour migration", "labour-migration", 2,
     [('5+5 Dialogue on Migration', 'five-plus-five-dialogue'), ('ACP-EU Dialogue', 'acp-eu-dialogue'), ('ADD', 'abu-dhabi-dialogue'), ('AFML', 'afml'), ('Almaty Process', 'almaty-process'), ('ARCP', 'arab-rcp'),
      ('ASEM Conference', 'asem-cdgimm'), ('Asia-EU Dialogue on Labour Migration', 'asia-eu-dialogue'), ('Budapest Process', 'budapest-process'), ('Colombo Process', 'colombo-process'),
      ('MIDCOM', 'midcom'), ('EU-LAC Dialogue', 'eu-celac-dialogue'), ('FIBEMYD', 'fibemyd'), ('MIDCAS', 'midcas'), ('MIDSA', 'midsa'), ('MIDWA', 'midwa'), ('Prague Process', 'prague-process'),
      ('Rabat Process', 'rabat-process'), ('PIDC', 'pidc')]),
    ("Return, reintegration, readmissions", "return-reintegration-and-readmission", 2,
     [('ACP-EU Dialogue', 'acp-eu-dialogue'), ('EU-LAC Dialogue', 'eu-celac-dialogue'), ('MIDCAS', 'midcas'), ('MIDSA', 'midsa'), ('MIDWA', 'midwa'), ('Prague Process', 'prague-process'),
      ('Puebla Process', 'puebla-process'), ('Rabat Process', 'rabat-process')]),
    ("Irregular migration and Mixed migration flows", "irregular-and-mixed-migration", 2,
     [('5+5 Dialogue on Migration', 'five-plus-five-dialogue'), ('Almaty Process', 'almaty-process'), ('ARCP', 'arab-rcp'), ('ASEM Conference', 'asem-cdgimm'), ('MIDCOM', 'midcom'),
      ('EU-LAC Dialogue', 'eu-celac-dialogue'), ('IGC', 'igc'), ('Khartoum Process', 'khartoum-process'), ('MIDCAS', 'midcas'),
      # continued after the page break
      ('MISDA', 'midsa'), ('MTM', 'mtm'), ('Pan African Forum', 'pan-african-forum'), ('Prague Process', 'prague-process'), ('Rabat Process', 'rabat-process')]),
    ("Migrant Rights", "migrants-rights", 1,
     [('ACP-EU Dialogue', 'acp-eu-dialogue'), ('AFML', 'afml'), ('Almaty Process', 'almaty-process'), ('ARCP', 'arab-rcp'), ('Colombo Process', 'colombo-process'), ('MIDCOM', 'midcom'), ('FIBEMYD', 'fibemyd'),
      ('MISDA', 'midsa'), ('Puebla Process', 'puebla-process'), ('Rabat Process', 'rabat-process'), ('SACM', 'sacm')]),
    ("Migrant integration", "migrant-integration", 1,
     [('5+5 Dialogue on Migration', 'five-plus-five-dialogue'), ('Almaty Process', 'almaty-process'), ('ARCP', 'arab-rcp'), ('Budapest process', 'budapest-process'), ('IGC', 'igc'), ('MIDCAS', 'midcas'),
      ('Puebla Process', 'puebla-process'), ('Rabat Process', 'rabat-process'), ('SACM', 'sacm')]),
    ("Migration and education", "migration-and-education", 1,
     [('Asia EU Dialogue on Migration', 'asia-eu-dialogue'), ('ASEM Conference', 'asem-cdgimm')]),
    ("Asylum and refugees", "asylum-and-refugees", 1,
     [('Almaty Process', 'almaty-process'), ('ACP-EU Dialogue', 'acp-eu-dialogue'), ('ARCP', 'arab-rcp'), ('Budapest process', 'budapest-process'), ('IGC', 'igc'), ('Puebla Process', 'puebla-process'),
      ('Rabat Process', 'rabat-process'), ('PIDC', 'pidc')]),
    ("Migration health", "migration-and-health", 1,
     [('5+5 Dialogue on Migration', 'five-plus-five-dialogue'), ('Colombo Process', 'colombo-process'), ('MIDCOM', 'midcom'), ('MIDCAS', 'midcas'), ('MISDA', 'midsa'), ('Puebla Process', 'puebla-process')]),
    ("Migration policy", "migration-policy", 3,
     [('Almaty Process', 'almaty-process'), ('ARCP', 'arab-rcp'), ('MIDCOM', 'midcom'),
      # continued after the page break
      ('FIBEMYP', 'fibemyd'), ('IGAD RCP', 'igad-rcp'), ('Pan-African Forum', 'pan-african-forum'), ('Puebla Process', 'puebla-process'), ('Rabat Process', 'rabat-process'), ('PIDC', 'pidc')]),
    ("Partnerships (e.g. with Civil society, private sector)", "partnerships-and-cooperation", 3,
     [('Almaty Process', 'almaty-process'), ('Puebla Process', 'puebla-process')]),
    ("Migration data", "migration-data", 3,
     [('5+5 Dialogue on Migration', 'five-plus-five-dialogue'), ('ARCP', 'arab-rcp'), ('MIDCOM', 'midcom'), ('EU-LAC Dialogue', 'eu-celac-dialogue'), ('IGC', 'igc'), ('MIDCAS', 'midcas'), ('MIDWA', 'midwa'),
      ('SACM', 'sacm')]),
    ("Border management", "border-management", 3,
     [('ACP-EU Dialogue', 'acp-eu-dialogue'), ('EU-LAC Dialogue', 'eu-celac-dialogue'), ('IGC', 'igc'), ('MIDSA', 'midsa'), ('Pan-African Forum', 'pan-african-forum'), ('Puebla Process', 'puebla-process'),
      ('Rabat Process', 'rabat-process'), ('PIDC', 'pidc')]),
    ("Counter-trafficking", "counter-trafficking", 6,
     [('ACP-EU Dialogue', 'acp-eu-dialogue'), ('AFML', 'afml'), ('Almaty Process', 'almaty-process'), ('ASEM Conference', 'asem-cdgimm'),
      ('Asia-EU Dialogue on Labour Migration', 'asia-eu-dialogue'), ('Bali Process', 'bali-process'), ('Budapest Process', 'budapest-process'), ('MIDCOM', 'midcom'),
      ('EU-LAC Dialogue', 'eu-celac-dialogue'), ('Khartoum Process', 'khartoum-process'), ('MIDWA', 'midwa'), ('Rabat Process', 'rabat-process'), ('SACM', 'sacm'), ('PIDC', 'pidc')]),
]

# Main text of the 2017 note: ISCMs that had begun considering how to engage in GCM preparation.
CONSIDERING_GCM_2017 = [
    ("ADD", "abu-dhabi-dialogue"), ("ARCP", "arab-rcp"), ("Bali Process", "bali-process"),
    ("Budapest Process", "budapest-process"), ("GFMD", "gfmd"), ("IDM", "idm"), ("IGC", "igc"),
    ("RCM", "puebla-process"), ("SACM", "sacm"),
]
# The same paragraph separately names the Budapest Process and the Pan-African Forum as having shown
# interest in focusing their 2017 events on the process; that is not the same claim, not recorded.


def build_gcm_engagement_2017():
    g = graph()
    engaged: dict[URIRef, set[int]] = {}
    print("2017 note, Annex 2: ISCMs per area of focus")
    citer = Citer(g, "grcp7-note-2017")  # each fact at its Annex 2 row or in the main text
    citer.part("annex-2", "Annex 2")
    for area, slug, n, names in ANNEX2_2017:
        assert THEMES[slug]["names"].get("A17") == area, area
        row = citer.part(f"annex-2/{slug}", f"Annex 2, row {area}", parent="annex-2")
        facts = [(THEME[slug], ISCM.gcmTheme, GCM[f"theme-{n}"])]
        iris = [mech(name) for name in names]
        assert len(set(iris)) == len(iris), f"duplicate ISCM in {area}"
        for m in iris:
            facts += [(m, ISCM.thematicFocus, THEME[slug]), (m, ISCM.engagedInGcmTheme, GCM[f"theme-{n}"])]
            engaged.setdefault(m, set()).add(n)
        for fact in facts:
            g.add(fact)
            citer.cite(row, fact)
        print(f"  {area:55s} theme-{n}  {len(iris)} ISCMs")
    main_text = citer.part("gcm-preparation", "Main text, ISCMs' engagement in the GCM preparation")
    for name in CONSIDERING_GCM_2017:
        fact = (mech(name), ISCM.consideringGcmEngagement, Literal(True))
        g.add(fact)
        citer.cite(main_text, fact)
    citer.write()
    print("  ISCMs engaged per GCM theme count:")
    for m in sorted(engaged):
        print(f"    {str(m).rsplit('/', 1)[-1]:26s} themes {sorted(engaged[m])}")
    write_turtle(g, ROOT / "data" / "grcp7-note-2017" / "gcm-engagement.ttl",
                 "ISCM areas of focus and their Global Compact themes (2017 GRCP 7 background note, Annex 2),\n"
                 "and the ISCMs the note says had begun considering engagement in GCM preparation.\n"
                 "Generated by tools/extract_themes.py.")
    return g


# ---------------------------------------------------------------------------
# (5) Roles, IOM roles and mechanism types
# ---------------------------------------------------------------------------

ROLES = {
    "member": ("Member", "A State or organization that belongs to the mechanism with full standing."),
    "observer": ("Observer", "A State or organization admitted to follow the mechanism's meetings "
                 "without full membership."),
    "partner": ("Partner", "A State or organization that the mechanism lists as a partner supporting "
                "or cooperating with its work."),
    "participant": ("Participant", "A State or organization that takes part in the mechanism's "
                    "meetings, where the source does not distinguish members from others."),
    "expected-member": ("Expected member", "A State expected to join a mechanism that had not yet "
                        "been launched when the source was written."),
    "former-member": ("Former member", "A State or organization that the source says belonged to the "
                      "mechanism but no longer does; the membership's end year says when, where the "
                      "source gives it."),
    "suspended-member": ("Suspended member", "A member whose participation in the mechanism has been "
                         "suspended."),
    "regular-participant": ("Regular participant", "A State or organization that takes part in the "
                            "mechanism's meetings on a regular basis without being a member."),
    "thematic-coordinator": ("Thematic coordinator", "A participant that leads the mechanism's work "
                             "on a particular theme."),
    "steering-group-member": ("Steering group member", "A participant that sits on the mechanism's "
                              "steering or guiding group."),
    "chair": ("Chair", "The State (or official) presiding over the mechanism for a period."),
    "co-chair": ("Co-chair", "A State sharing the presidency of the mechanism with the chair."),
    "secretariat": ("Secretariat", "The body that organizes and supports the mechanism's work "
                    "between and during meetings."),
    "technical-secretariat": ("Technical secretariat", "A secretariat providing substantive and "
                              "technical support, as distinct from purely administrative services."),
}
ROLE_BROADER = {"technical-secretariat": "secretariat", "regular-participant": "participant"}

IOM_ROLES = {
    "member": ("Member", "IOM belongs to the mechanism as a member."),
    "observer": ("Observer", "IOM follows the mechanism's meetings with observer status."),
    "participant": ("Participant", "IOM takes part in the mechanism's meetings without a more "
                    "specific status."),
    "technical-secretariat": ("Technical secretariat", "IOM runs the mechanism's technical or "
                              "substantive secretariat."),
    "technical-co-secretariat": ("Technical co-secretariat", "IOM shares the technical secretariat "
                                 "with one or more other bodies."),
    "potential-technical-co-secretariat": ("Potential technical co-secretariat", "IOM is foreseen or "
                                           "under discussion as a future technical co-secretariat."),
    "administrative-secretariat": ("Administrative secretariat", "IOM carries out the mechanism's "
                                   "administrative secretariat tasks."),
    "project-support-to-secretariat": ("Project support to secretariat", "IOM supports the "
                                       "secretariat through a dedicated project."),
    "technical-guidance": ("Technical guidance", "IOM gives technical advice and guidance to the "
                           "mechanism."),
    "liaison": ("Liaison", "IOM acts as a link or focal point between the mechanism and other actors."),
    "secretariat-support": ("Secretariat support", "IOM assists the secretariat without running it."),
    "expert-contribution": ("Expert contribution", "IOM contributes expertise to meetings, for "
                            "example presentations or background papers."),
    "research": ("Research", "IOM carries out studies or research for the mechanism."),
    "capacity-building": ("Capacity building", "IOM trains officials or strengthens the capacity of "
                          "participating States."),
    "logistical-support": ("Logistical support", "IOM helps organize meetings and their logistics."),
    "funding-management": ("Funding management", "IOM administers funds for the mechanism."),
    "project-implementation": ("Project implementation", "IOM carries out projects that stem from "
                               "the mechanism's work."),
}
IOM_BROADER = {"technical-co-secretariat": "technical-secretariat"}

TYPES = {
    "rcp": ("Regional consultative process on migration",
            "A recurring, government-driven forum in which States of one agreed region, usually "
            "geographically defined, exchange information and discuss particular migration questions "
            "cooperatively; it may be attached to a formal regional institution or remain informal "
            "and non-binding.", [SRC_2017, SRC_2019], "RCP"),
    "irf": ("Interregional forum on migration",
            "A recurring, government-driven forum for exchanging information and discussing migration "
            "policy that usually links States of two or more regions; it may be attached to formal "
            "interregional institutions or be informal and non-binding.", [SRC_2017, SRC_2019], "IRF"),
    "global-process": ("Global process on migration",
                       "A policy dialogue on migration at world level, normally facilitated by an "
                       "intergovernmental organization, that deals with migration governance in general, "
                       "with particular themes, or with links between migration and other fields such as "
                       "development.", [SRC_2017, SRC_2019], None),
    "rcp-stand-alone": ("RCP (stand-alone)",
                        "In the 2013 working taxonomy, an RCP established solely to deal with migration "
                        "and operating as an independent process.", [SRC_2013], None),
    "rcp-pillar": ("RCP (pillar)",
                   "In the 2013 working taxonomy, an RCP that forms the migration pillar of a wider "
                   "regional framework, such as an economic community, that has other pillars too.",
                   [SRC_2013], None),
    "irf-stand-alone": ("IRF (stand-alone)",
                        "In the 2013 working taxonomy, an interregional forum that is not part of a "
                        "broader framework.", [SRC_2013], None),
    "irf-pillar": ("IRF (pillar)",
                   "In the 2013 working taxonomy, an interregional forum that operates as the "
                   "migration strand of a broader interregional partnership or summit process.",
                   [SRC_2013], None),
    "other-mechanism": ("Other consultation mechanism",
                        "In the 2013 working taxonomy, a regional or interregional consultation "
                        "mechanism on migration placed outside both the RCP and the IRF categories.",
                        [SRC_2013], None),
    "other-pillar": ("Other mechanism (pillar)",
                     "In the 2013 working taxonomy, such an other mechanism that operates within a "
                     "broader regional body.", [SRC_2013], None),
    "global-broad-agenda": ("Global mechanism with a broad agenda",
                            "In the 2013 working taxonomy, a global consultation covering migration "
                            "governance as a whole.", [SRC_2013], None),
    "global-thematic-agenda": ("Global mechanism with a thematic agenda",
                               "In the 2013 working taxonomy, a global consultation on a specific area "
                               "of migration policy, such as migration and development, labour "
                               "migration or transnational crime.", [SRC_2013], None),
}
TYPE_BROADER = {
    "rcp-stand-alone": "rcp", "rcp-pillar": "rcp", "irf-stand-alone": "irf", "irf-pillar": "irf",
    "other-pillar": "other-mechanism", "global-broad-agenda": "global-process",
    "global-thematic-agenda": "global-process",
}


def simple_scheme(path, scheme, label, definition, ns, concepts, broader, sources=(), alts=None):
    g = graph()
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, en(label)))
    g.add((scheme, SKOS.definition, en(definition)))
    for s in sources:
        g.add((scheme, DCTERMS.source, s))
    for slug, value in concepts.items():
        pref, defn = value[0], value[1]
        c = ns[slug]
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, scheme))
        g.add((c, SKOS.prefLabel, en(pref)))
        g.add((c, SKOS.definition, en(defn)))
        if len(value) > 2:
            for s in value[2]:
                g.add((c, DCTERMS.source, s))
            if value[3]:
                g.add((c, SKOS.altLabel, en(value[3])))
        if slug in broader:
            g.add((c, SKOS.broader, ns[broader[slug]]))
            g.add((ns[broader[slug]], SKOS.narrower, c))
        else:
            g.add((c, SKOS.topConceptOf, scheme))
            g.add((scheme, SKOS.hasTopConcept, c))
    write_turtle(g, path, f"{label}.\nGenerated by tools/extract_themes.py.")
    return g


def build_small_schemes():
    simple_scheme(TAX / "roles.ttl", SCHEME.roles, "Roles in inter-State consultation mechanisms",
                  "Roles that States and organizations hold in a mechanism (membership roles, and the "
                  "chair, co-chair and secretariat functions).", ROLE, ROLES, ROLE_BROADER)
    simple_scheme(TAX / "iom-roles.ttl", SCHEME["iom-roles"], "Roles of IOM in inter-State consultation mechanisms",
                  "Ways in which the International Organization for Migration takes part in or supports "
                  "a mechanism.", IOMROLE, IOM_ROLES, IOM_BROADER)
    simple_scheme(TAX / "mechanism-types.ttl", SCHEME["mechanism-types"], "Types of inter-State consultation mechanisms on migration",
                  "Categories of inter-State consultation mechanisms on migration: the RCP / IRF / global "
                  "process typology of the 2017 note and 2019 report, and the finer 2013 working taxonomy.",
                  TYPOLOGY, TYPES, TYPE_BROADER, sources=[SRC_2013, SRC_2017, SRC_2019])


# ---------------------------------------------------------------------------
# Alias table
# ---------------------------------------------------------------------------

def write_aliases():
    lines = []
    for name in sorted(ALIASES, key=str.lower):
        iri = mech((name, ALIASES[name]))
        if name != REGISTRY_PREF[iri]:
            lines.append(f"mechanism\t{name}\t{iri}")
    path = ROOT / "tools" / "aliases" / "themes.tsv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    unresolved = [n for n in ALIASES if normalise(n) not in INDEX]
    print(f"alias table: {len(lines)} lines; names the registry alone does not resolve: {unresolved}")


def main():
    build_gcm()
    build_thematic_foci()
    build_small_schemes()
    build_matrix_2019()
    build_gcm_engagement_2017()
    write_aliases()
    print(f"concepts: gcm {len(GCM_THEMES) + len(GCM_ELEMENTS)}, thematic-foci {len(THEMES)}, "
          f"roles {len(ROLES)}, iom-roles {len(IOM_ROLES)}, mechanism-types {len(TYPES)}")


if __name__ == "__main__":
    main()
