#!/usr/bin/env python
"""Extract the IOM 2019 ISCM assessment report (seed 004) into Turtle.

Source: IOM, "Advancing a Common Understanding of Migration Governance Across Regions --
Assessment Report" (2019), source slug ``assessment-2019``.

What is taken (read by hand from the seed; the seed is not needed to run this script):
  * Annex 2, the fact sheet of 30 ISCMs (type, number of member States, year established,
    regions covered, associated organizations, chair-in-office, secretariat(s), role of IOM);
  * Annex 7 (and Annex 6), which ISCMs took part in GRCP 8 and which ISCMs, States and
    organizations answered the 2019 ISCM assessment survey;
  * the list of acronyms and short names, and a few names used in the body text, as aliases.

Not taken here (other helpers): Annex 10 (thematic foci) and the common themes of section 1.

Files written (and nothing else):
  data/assessment-2019/source.ttl
  data/assessment-2019/factsheet.ttl
  data/assessment-2019/participation.ttl
  data/assessment-2019/member-count-notes.ttl
  data/assessment-2019/history.ttl
  data/registry/organizations-assessment2019.ttl
  data/registry/mechanisms-assessment2019.ttl
  ontology/taxonomies/regions/assessment2019.ttl
  tools/aliases/assessment2019.tsv

Run with: .venv/bin/python tools/extract_assessment2019.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rdflib import Graph, Literal, URIRef  # noqa: E402
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD  # noqa: E402

from common import (  # noqa: E402
    COUNTRY, DATA, ID, IOMROLE, ISCM, MECHANISM, ORG, ORGANIZATION, REGION, ROOT, SOURCE,
    TYPOLOGY, country, country_code, new_graph, normalise, registry_labels, state_label, Citer, annex_row,
    write_turtle, year,
)

TAG = "assessment2019"
SLUG = "assessment-2019"
SRC = SOURCE[SLUG]
OUT_DIR = DATA / SLUG
REGION_SCHEME = ID["scheme/regions"]
GRCP8 = URIRef("https://w3id.org/iscm/id/meeting/grcp-8")
SURVEY = URIRef("https://w3id.org/iscm/id/survey/iscm-assessment-survey-2019")
# New term (not in ontology/iscm.ttl): an ISCM, State or organization answered a survey.
RESPONDED_TO = ISCM.respondedTo

# ---------------------------------------------------------------------------
# Registry additions
# ---------------------------------------------------------------------------

# Organizations named in the report that the shared registry does not hold.
# slug: (prefLabel, [altLabels], parent organization slug or None)
NEW_ORGANIZATIONS = {
    "eccas-secretariat": ("ECCAS Secretariat", [], "eccas"),
    "igad-secretariat": ("IGAD Secretariat", [], "igad"),
    "pidc-secretariat": ("PIDC Secretariat", [], None),
}
# Names the registry already resolves (other extractions chose these; we follow them):
#   "ACP Secretariat" -> organization:acp-group; "ECOWAS Commission" -> organization:ecowas;
#   "GFMD Support Unit" -> organization:gfmd-support-unit; "IGC Administration" ->
#   organization:igc-secretariat; RCM's secretariat -> organization:rcm-technical-secretariat;
#   FIAPP (sic) -> organization:fiiapp.
# igad-secretariat is also used by data/overview-2017 (and declared by its extraction).
# A slug in OWNED_ELSEWHERE is declared by another extraction's registry file and not here (a
# fixed list, so that every registry entry has one owner file whatever order the tools run in).
OWNED_ELSEWHERE = {"igad-secretariat"}
# --registry-only: write only this tool's registry files (first phase of `make data`).
REGISTRY_ONLY = "--registry-only" in sys.argv[1:]
KNOWN_LABEL_CONFLICTS = {"IGAD Secretariat"}
NEW_ORG_NOTES = {
    "pidc-secretariat": "Secretariat of the Pacific Immigration Development Community.",
    "eccas-secretariat": "Secretariat of the Economic Community of Central African States.",
    "igad-secretariat": "Secretariat of the Intergovernmental Authority on Development.",
}

# Mechanisms named in the report's body that the shared registry does not hold.
NEW_MECHANISMS = {
    "berne-initiative": ("Berne Initiative", [],
                         "Named in the 2019 report (background and section 4.4) as an earlier global "
                         "process on migration, launched 2001, that ended once its agenda for migration "
                         "management was formulated. No source graph facts taken for it here."),
}

# ---------------------------------------------------------------------------
# Regions used in the "Region(s) covered" column
# ---------------------------------------------------------------------------

REGIONS = {
    "africa": ("Africa", "The African continent."),
    "asia": ("Asia", "The Asian continent."),
    "americas": ("Americas", "North, Central and South America and the Caribbean."),
    "europe": ("Europe", "The European continent."),
    "eurasia": ("Eurasia", "Europe and Asia taken together, in the fact sheets' usage mainly the countries of eastern Europe, the Caucasus and Central Asia."),
    "middle-east": ("Middle East", "South-west Asia and the Arab States of the eastern Mediterranean and the Gulf, with Egypt."),
    "global": ("Global", "All regions of the world."),
    "asia-and-the-pacific": ("Asia and the Pacific", "Asia together with the Pacific island States and territories."),
}
REGION_NAMES = {  # cell item as written -> region slugs
    "Europe": ["europe"], "Africa": ["africa"], "Asia": ["asia"], "Americas": ["americas"],
    "Eurasia": ["eurasia"], "Middle East": ["middle-east"], "Global": ["global"],
    "Europe/Eurasia": ["europe", "eurasia"],
    "Asia and the Middle East": ["asia", "middle-east"],
    "Asia and the Pacific": ["asia-and-the-pacific"],
    "Africa (continent-wide)": ["africa"],
}

TYPES = {
    "RCP": (ISCM.RegionalConsultativeProcess, TYPOLOGY.rcp),
    "IRF": (ISCM.InterregionalForum, TYPOLOGY.irf),
    "Global process": (ISCM.GlobalProcess, TYPOLOGY["global-process"]),
}

IOM_ROLES = {  # cell item as written -> iom-role slug
    "Observer": "observer",
    "Observer (ad hoc)": "observer",
    "Technical guidance": "technical-guidance",
    "Provider of technical guidance": "technical-guidance",
    "Technical co-secretariat": "technical-co-secretariat",
    "Project support to secretariat": "project-support-to-secretariat",
    "Project support to the secretariat": "project-support-to-secretariat",
    "Liaison": "liaison",
    "Member": "member",
    "Technical secretariat": "technical-secretariat",
    "Technical / Secretariat": "technical-secretariat",  # RIAM: one item split over two lines
    "Technical secretariat together with AUC": "technical-co-secretariat",  # shared: a co-secretariat
    "Potential technical co-secretariat": "potential-technical-co-secretariat",
    "Administrative secretariat": "administrative-secretariat",
}

# ---------------------------------------------------------------------------
# Annex 2: fact sheet (updated as of June 2019). Names exactly as the cells write them.
# An agent is a country name (resolved with pycountry) or an organization name
# prefixed "org:". chair/co_chair/secretariat are empty when the cell says None /
# Not applicable; the reason goes in notes (our words).
# ---------------------------------------------------------------------------

FACTSHEET = [
    dict(no=1, iri="five-plus-five-dialogue",
         names=["5+5 Dialogue on Migration in the Western Mediterranean", "5+5 Dialogue on Migration"],
         type="IRF", members=10, year=2002, regions=["Europe", "Africa"],
         assoc=["Union for the Mediterranean", "Western Mediterranean Forum"],
         chair=["Morocco"], co_chair=[],
         secretariat=["org:Union for the Mediterranean", "org:Western Mediterranean Forum"],
         iom=["Observer", "Technical guidance"], notes=[]),
    dict(no=2, iri="au-hoai",
         names=["African Union–Horn of Africa Initiative on Human Trafficking and Smuggling of Migrants", "AU–HoAI"],
         type="RCP", members=8, year=2014, regions=["Africa"], assoc=["African Union"],
         chair=["Sudan"], co_chair=[], secretariat=["org:African Union", "org:IOM", "org:UNHCR"],
         iom=["Observer", "Technical co-secretariat", "Project support to secretariat", "Technical guidance"],
         notes=[]),
    dict(no=3, iri="acp-eu-dialogue",
         names=["African, Caribbean and Pacific Group of States–European Union (ACP–EU) Dialogue on Migration",
                "ACP–EU Dialogue on Migration"],
         type="IRF", members=108, year=2000, regions=["Africa", "Asia", "Americas", "Europe"],
         assoc=["African, Caribbean and Pacific Group of States (ACP)", "European Commission"],
         chair=[], co_chair=["Romania", "Namibia"], secretariat=["org:ACP Secretariat"],
         iom=["Project support to the secretariat", "Technical guidance"],
         notes=["The chair cell names Romania and Namibia; Annex 8 of the same report calls Namibia Co-Chair, so both are recorded as iscm:coChair.",
                "The secretariat is written 'ACP Secretariat'; the registry treats it as organization:acp-group."]),
    dict(no=4, iri="almaty-process",
         names=["Almaty Process on Refugee Protection and International Migration"],
         type="RCP", members=7, year=2013, regions=["Eurasia"], assoc=[],
         chair=["Tajikistan"], co_chair=[], secretariat=["org:IOM", "org:UNHCR"],
         iom=["Technical co-secretariat", "Project support to secretariat", "Technical guidance"],
         notes=["Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=5, iri="arab-rcp",
         names=["Arab Regional Consultative Process on Migration and Refugee Affairs", "ARCP"],
         type="RCP", members=21, year=2015, regions=["Middle East"], assoc=["League of Arab States"],
         chair=[], co_chair=[], secretariat=["org:League of Arab States"],
         iom=["Liaison", "Technical guidance"],
         notes=["Chair cell reads 'not applicable': no chair recorded."]),
    dict(no=6, iri="bali-process",
         names=["Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime"],
         type="IRF", members=45, year=2002, regions=["Europe", "Asia", "Americas", "Africa"], assoc=[],
         chair=[], co_chair=["Australia", "Indonesia"], secretariat=["org:IOM"],
         iom=["Member", "Technical secretariat", "Technical guidance"],
         notes=["The chair cell names Australia and Indonesia; Annex 8 of the same report calls Australia Co-Chair, so both are recorded as iscm:coChair.",
                "Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=7, iri="budapest-process", names=["Budapest Process"],
         type="IRF", members=53, year=1993, regions=["Asia", "Europe/Eurasia"], assoc=[],
         chair=["Turkey"], co_chair=["Hungary"], secretariat=["org:ICMPD"],
         iom=["Member", "Technical guidance"],
         notes=["Region item written 'Europe/Eurasia' is recorded as both Europe and Eurasia.",
                "Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=8, iri="cmc", names=["Caribbean Migration Consultations", "CMC"],
         type="RCP", members=23, year=2016, regions=["Americas"], assoc=[],
         chair=[], co_chair=[], secretariat=["org:IOM", "org:UNHCR"],
         iom=["Potential technical co-secretariat", "Technical guidance"],
         notes=["No chair in office as of June 2019; the fact sheet names Jamaica as the incoming chair.",
                "Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=9, iri="ocam", names=["Central American Commission of Migration Directors", "OCAM"],
         type="RCP", members=8, year=1999, regions=["Americas"],
         assoc=["Central American Integration System (SICA)"],
         chair=["Guatemala"], co_chair=[], secretariat=["org:IOM"],
         iom=["Technical secretariat", "Technical guidance"], notes=[]),
    dict(no=10, iri="commit",
         names=["Coordinated Mekong Ministerial Initiative Against Trafficking", "COMMIT"],
         type="RCP", members=6, year=2004, regions=["Asia"], assoc=[],
         chair=["Myanmar"], co_chair=[], secretariat=["org:UNDP"],
         iom=["Liaison", "Technical guidance"],
         notes=["Associated-organization cell reads 'none': no associated organization recorded."]),
    dict(no=11, iri="eap-panel",
         names=["Eastern Partnership Panel on Migration, Mobility and Integrated Border Management", "EaP Panel"],
         type="RCP", members=34, year=2001, regions=["Eurasia"], assoc=["European Commission"],
         chair=[], co_chair=[], secretariat=["org:European Commission", "org:IOM"],
         iom=["Observer", "Technical co-secretariat", "Project support to secretariat", "Technical guidance"],
         notes=["Year 2001 is given by the fact sheet as the founding year of its predecessor, the Söderköping Process; "
                "section 4.4 of the report dates the change to the EaP Panel on Migration and Asylum to 2008 and the "
                "present name to 2018.",
                "Chair cell reads 'none': no chair recorded."]),
    dict(no=12, iri="rabat-process",
         names=["Euro-African Dialogue on Migration and Development", "Rabat Process"],
         type="IRF", members=57, year=2006, regions=["Europe", "Africa"],
         assoc=["European Commission", "Commission of the Economic Community of West African States (ECOWAS)"],
         chair=["Burkina Faso"], co_chair=[],
         secretariat=["org:European Commission", "org:ECOWAS", "org:ICMPD"],
         iom=["Observer", "Technical guidance"],
         notes=["The associated organization is written as the Commission of ECOWAS and the secretariat as ECOWAS; the registry treats both as organization:ecowas."]),
    dict(no=13, iri="khartoum-process",
         names=["European Union–Horn of Africa Migration Route Initiative", "Khartoum Process"],
         type="IRF", members=41, year=2014, regions=["Europe", "Africa"],
         assoc=["African Union Commission (AUC)", "European Commission"],
         chair=["Eritrea"], co_chair=[],
         secretariat=["org:AUC", "org:European Commission", "org:ICMPD"],
         iom=["Observer", "Technical guidance"], notes=[]),
    dict(no=14, iri="eu-celac-dialogue",
         names=["European Union–Latin America and the Caribbean Structured and Comprehensive Bi-regional Dialogue on Migration",
                "EU-CELAC MD"],
         type="IRF", members=61, year=2009, regions=["Americas", "Europe"],
         assoc=["European Union", "Community of Latin American and Caribbean States (CELAC)"],
         chair=["Bolivia (Plurinational State of)", "org:the European Commission"], co_chair=[],
         secretariat=[],
         iom=["Observer", "Technical guidance"],
         notes=["The chair cell names Bolivia and the European Commission jointly; both are recorded as iscm:chair.",
                "No secretariat in office as of June 2019; the fact sheet names IOM and FIAPP as past secretariats."]),
    dict(no=15, iri="gfmd", names=["Global Forum on Migration and Development", "GFMD"],
         type="Global process", members=195, year=2007, regions=["Global"], assoc=[],
         chair=["Ecuador"], co_chair=[], secretariat=["org:GFMD Support Unit"],
         iom=["Observer", "Administrative secretariat", "Technical guidance"],
         notes=["Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=16, iri="fibemyd", names=["Ibero-American Forum on Migration and Development", "FIBEMYD"],
         type="IRF", members=22, year=2008, regions=["Americas", "Europe"],
         assoc=["Ibero-American General Secretariat (SEGIB)"],
         chair=["Andorra"], co_chair=[], secretariat=["org:SEGIB"],
         iom=["Observer", "Liaison", "Technical guidance"], notes=[]),
    dict(no=17, iri="riam", names=["Ibero-American Network of Migration Authorities", "RIAM"],
         type="IRF", members=18, year=2012, regions=["Americas", "Europe"], assoc=[],
         chair=["Peru"], co_chair=[], secretariat=["org:IOM"],
         iom=["Observer", "Technical / Secretariat", "Technical guidance"],
         notes=["The IOM-role items 'Technical' and 'Secretariat' are one item split over two lines: technical secretariat.",
                "Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=18, iri="mid-igad",
         names=["Migration Dialogue for the Intergovernmental Authority on Development Region", "MID-IGAD"],
         type="RCP", members=7, year=2008, regions=["Africa"],
         assoc=["Intergovernmental Authority on Development (IGAD)"],
         chair=["Ethiopia"], co_chair=[], secretariat=["org:IGAD Secretariat"],
         iom=["Observer", "Project support to secretariat", "Technical guidance"],
         notes=["The secretariat is the IGAD Secretariat, working with the African Union Commission and IOM; only the IGAD Secretariat is recorded as iscm:secretariat.",
                "The report's acronym list gives the IGAD Regional Consultative Process on Migration as another name of this mechanism; the registry keeps igad-rcp as a separate IRI, and history.ttl links the two (igad-rcp replaced by mid-igad)."]),
    dict(no=19, iri="igc",
         names=["Inter-Governmental Consultations on Migration, Asylum and Refugees", "IGC"],
         type="IRF", members=17, year=1985, regions=["Americas", "Asia", "Europe"], assoc=[],
         chair=["Canada"], co_chair=[], secretariat=["org:IGC Administration"],
         iom=["Member", "Administrative secretariat", "Technical guidance"],
         notes=["The secretariat is written 'IGC Administration'; recorded as the IGC Secretariat.",
                "Canada chairs as of June 2019; the fact sheet adds that Spain chaired until May 2019, i.e. during GRCP 8 and the assessment survey.",
                "Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=20, iri="midcas", names=["Migration Dialogue for Central African States", "MIDCAS"],
         type="RCP", members=10, year=2012, regions=["Africa"],
         assoc=["Economic Community of Central African States (ECCAS)"],
         chair=["Gabon"], co_chair=[], secretariat=["org:ECCAS Secretariat"],
         iom=["Project support to secretariat", "Technical guidance"],
         notes=["The ECCAS Secretariat runs the secretariat with support from IOM."]),
    dict(no=21, iri="midsa", names=["Migration Dialogue for Southern Africa", "MIDSA"],
         type="RCP", members=16, year=2000, regions=["Africa"],
         assoc=["Southern African Development Community (SADC)"],
         chair=["Namibia"], co_chair=[], secretariat=["org:IOM"],
         iom=["Observer", "Technical secretariat", "Technical guidance"], notes=[]),
    dict(no=22, iri="midwa", names=["Migration Dialogue for West Africa", "MIDWA"],
         type="RCP", members=15, year=2001, regions=["Africa"],
         assoc=["Economic Community of West African States (ECOWAS)"],
         chair=["Nigeria"], co_chair=[], secretariat=["org:ECOWAS"],
         iom=["Observer", "Project support to secretariat", "Provider of technical guidance"], notes=[]),
    dict(no=23, iri="midcom",
         names=["Migration Dialogue from the Common Market for Eastern and Southern Africa Member States", "MIDCOM"],
         type="RCP", members=19, year=2013, regions=["Africa"],
         assoc=["Common Market for Eastern and Southern Africa (COMESA)"],
         chair=["Zambia"], co_chair=[], secretariat=["org:COMESA"],
         iom=["Project support to secretariat", "Provider of technical guidance"], notes=[]),
    dict(no=24, iri="abu-dhabi-dialogue",
         names=["Ministerial Consultation on Overseas Employment and Contractual Labour for Countries of Origin and Destination in Asia",
                "Abu Dhabi Dialogue"],
         type="IRF", members=18, year=2008, regions=["Asia and the Middle East"], assoc=[],
         chair=["Sri Lanka"], co_chair=[], secretariat=["United Arab Emirates"],
         iom=["Observer", "Provider of technical guidance"],
         notes=["Region item 'Asia and the Middle East' is recorded as Asia and Middle East.",
                "The secretariat is a State, the United Arab Emirates.",
                "Associated-organization cell reads 'none': no associated organization recorded."]),
    dict(no=25, iri="pidc", names=["Pacific Immigration Development Community", "PIDC"],
         type="RCP", members=19, year=1996, regions=["Asia and the Pacific"], assoc=[],
         chair=["Fiji"], co_chair=[], secretariat=["org:PIDC Secretariat"],
         iom=["Observer", "Liaison", "Provider of technical guidance"],
         notes=["Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=26, iri="pan-african-forum", names=["Pan-African Forum on migration"],
         type="IRF", members=55, year=2015, regions=["Africa (continent-wide)"], assoc=["African Union"],
         chair=[], co_chair=[], secretariat=["org:African Union", "org:IOM"],
         iom=["Technical secretariat together with AUC", "Observer", "Provider of technical guidance"],
         notes=["Chair cell reads 'none': no chair recorded.",
                "The African Union runs the secretariat with IOM support; IOM's technical-secretariat role is shared with the African Union Commission, so IOM is recorded as a secretariat too, with the co-secretariat role.",
                "Classed as an IRF although its region is Africa only (continent-wide)."]),
    dict(no=27, iri="prague-process", names=["Prague Process"],
         type="RCP", members=50, year=2009, regions=["Eurasia"], assoc=["European Commission"],
         chair=["Lithuania"], co_chair=[], secretariat=["org:ICMPD"],
         iom=["Liaison", "Provider of technical guidance"], notes=[]),
    dict(no=28, iri="puebla-process", names=["Regional Conference on Migration", "RCM"],
         type="RCP", members=11, year=1996, regions=["Americas"], assoc=[],
         chair=["Guatemala"], co_chair=[], secretariat=["org:RCM Secretariat"],
         iom=["Observer", "Administrative secretariat", "Provider of technical guidance"],
         notes=["Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=29, iri="colombo-process",
         names=["Regional Consultative Process on Overseas Employment and Contractual Labour for Countries of Origin in Asia",
                "Colombo Process"],
         type="RCP", members=12, year=2003, regions=["Asia"], assoc=[],
         chair=["Nepal"], co_chair=[], secretariat=["org:IOM"],
         iom=["Observer (ad hoc)", "Technical secretariat", "Technical guidance"],
         notes=["IOM's observer role is qualified as ad hoc in the fact sheet.",
                "Associated-organization cell reads 'not applicable': no associated organization recorded."]),
    dict(no=30, iri="sacm", names=["South American Conference on Migration", "SACM"],
         type="RCP", members=12, year=2000, regions=["Americas"], assoc=[],
         chair=["Bolivia (Plurinational State of)"], co_chair=[], secretariat=["org:IOM"],
         iom=["Observer", "Technical secretariat", "Technical guidance"],
         notes=["Associated-organization cell reads 'not applicable': no associated organization recorded."]),
]

# Organization names as the fact sheet writes them -> organization slug.
ORG_NAMES = {
    "Union for the Mediterranean": "union-for-the-mediterranean",
    "Western Mediterranean Forum": "western-mediterranean-forum",
    "African Union": "african-union",
    "IOM": "iom",
    "UNHCR": "unhcr",
    "UNDP": "undp",
    "ICMPD": "icmpd",
    "African, Caribbean and Pacific Group of States": "acp-group", "ACP": "acp-group",
    "European Commission": "european-commission", "the European Commission": "european-commission",
    "European Union": "european-union",
    "ACP Secretariat": "acp-group",  # registry alias (another extraction)
    "League of Arab States": "league-of-arab-states",
    "Central American Integration System": "sica", "SICA": "sica",
    "Commission of the Economic Community of West African States": "ecowas",  # registry: ECOWAS Commission = ecowas
    "ECOWAS": "ecowas", "Economic Community of West African States": "ecowas",
    "African Union Commission": "african-union-commission", "AUC": "african-union-commission",
    "Community of Latin American and Caribbean States": "celac", "CELAC": "celac",
    "GFMD Support Unit": "gfmd-support-unit",
    "Ibero-American General Secretariat": "segib", "SEGIB": "segib",
    "Intergovernmental Authority on Development": "igad", "IGAD": "igad",
    "IGAD Secretariat": "igad-secretariat",
    "IGC Administration": "igc-secretariat",
    "Economic Community of Central African States": "eccas", "ECCAS": "eccas",
    "ECCAS Secretariat": "eccas-secretariat",
    "Southern African Development Community": "sadc", "SADC": "sadc",
    "Common Market for Eastern and Southern Africa": "comesa", "COMESA": "comesa",
    "PIDC Secretariat": "pidc-secretariat",
    "RCM Secretariat": "rcm-technical-secretariat",
    "International and Ibero-American Foundation for Administration and Public Policies": "fiiapp",
    "FIAPP": "fiiapp",  # misspelt acronym (FIIAPP)
}
# Cells whose parenthesised acronym names a different body than the long name (none left:
# the registry treats the ECOWAS Commission as ECOWAS).
ORG_FULL_NAMES: dict[str, str] = {}

# ---------------------------------------------------------------------------
# Annex 7: ISCMs at GRCP 8 (27) and in the 2019 assessment survey (22).
# Annex 6: entities that contributed to the survey (30 ISCMs, 3 organizations, 46 States).
# ---------------------------------------------------------------------------

GRCP8_PARTICIPANTS = [  # Annex 7, second list, as written
    ("5+5 Dialogue on Migration in the Western Mediterranean", "five-plus-five-dialogue"),
    ("ACP-EU Dialogue on Migration", "acp-eu-dialogue"),
    ("African Union–Horn of Africa Initiative on Human Trafficking and Smuggling of Migrants (AU-HoAI)", "au-hoai"),
    ("Almaty Process on Refugee Protection and International Migration", "almaty-process"),
    ("Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime", "bali-process"),
    ("Budapest Process", "budapest-process"),
    ("Caribbean Migration Consultations (CMC)", "cmc"),
    ("Central American Commission of Migration Directors (OCAM)", "ocam"),
    ("Coordinated Mekong Ministerial Initiative Against Trafficking (COMMIT)", "commit"),
    ("Eastern Partnership Panel on Migration, Mobility and Integrated Border Management (EaP Panel)", "eap-panel"),
    ("European Union–Horn of Africa Migration Route Initiative (Khartoum Process)", "khartoum-process"),
    ("Euro-African Dialogue on Migration and Development (Rabat Process)", "rabat-process"),
    ("European Union–Latin America and the Caribbean Structured and Comprehensive Bi-regional Dialogue on Migration (EU-CELAC MD)", "eu-celac-dialogue"),
    ("Global Forum on Migration and Development (GFMD)", "gfmd"),
    ("Ibero-American Network of Migration Authorities (RIAM)", "riam"),
    ("Migration Dialogue for the Intergovernmental Authority on Development (IGAD) Region (MiD-IGAD)", "mid-igad"),
    ("Inter-Governmental Consultations on Migration, Asylum and Refugees (IGC)", "igc"),
    ("Migration Dialogue for Southern Africa (MIDSA)", "midsa"),
    ("Migration Dialogue for West Africa (MIDWA)", "midwa"),
    ("Migration Dialogue from the Common Market for Eastern and Southern Africa Member States (MIDCOM)", "midcom"),
    ("Ministerial Consultation on Overseas Employment and Contractual Labour for Countries of Origin and Destination in Asia (Abu Dhabi Dialogue)", "abu-dhabi-dialogue"),
    ("Pacific Immigration Development Community (PIDC)", "pidc"),
    ("Pan-African Forum on Migration (PAFoM)", "pan-african-forum"),
    ("Prague Process", "prague-process"),
    ("Regional Conference on Migration (RCM)", "puebla-process"),
    ("Regional Consultative Process on Overseas Employment and Contractual Labour for Countries of Origin in Asia (Colombo Process)", "colombo-process"),
    ("South American Conference on Migration (SACM)", "sacm"),
]
SURVEY_ISCMS = [  # Annex 7, first list (22; ARCP answered the survey only)
    "acp-eu-dialogue", "almaty-process", "arab-rcp", "bali-process", "budapest-process", "cmc",
    "ocam", "eap-panel", "khartoum-process", "rabat-process", "eu-celac-dialogue", "gfmd",
    "mid-igad", "igc", "midsa", "midwa", "midcom", "pidc", "prague-process", "puebla-process",
    "colombo-process", "sacm",
]
ANNEX6_ISCMS = [  # Annex 6: 17 RCPs, 12 IRFs, 1 global process (= all 30 of the fact sheet)
    "au-hoai", "almaty-process", "arab-rcp", "cmc", "ocam", "commit", "eap-panel", "mid-igad",
    "midcas", "midsa", "midwa", "midcom", "pidc", "prague-process", "puebla-process",
    "colombo-process", "sacm",
    "five-plus-five-dialogue", "acp-eu-dialogue", "bali-process", "budapest-process",
    "khartoum-process", "rabat-process", "eu-celac-dialogue", "fibemyd", "riam", "igc",
    "abu-dhabi-dialogue", "pan-african-forum",
    "gfmd",
]
SURVEY_ORGANIZATIONS = ["icmpd", "iom", "unhcr"]  # Annex 6
SURVEY_STATES = [  # Annex 6, 46 States as written
    "Albania", "Armenia", "Belarus", "Belgium", "Benin", "Bulgaria", "Canada", "Chad", "Chile",
    "China", "Colombia", "Croatia", "Cyprus", "Czechia", "Egypt", "Estonia", "Ethiopia", "Gambia",
    "Georgia", "Guinea", "Honduras", "Hungary", "Jamaica", "Latvia", "Lithuania", "North Macedonia",
    "Mauritius", "Mexico", "Morocco", "Netherlands", "Norway", "Panama", "Peru", "Philippines",
    "Poland", "Portugal", "Republic of Korea", "Serbia", "Spain", "Sri Lanka", "Sudan", "Suriname",
    "Sweden", "Switzerland", "Turkey", "Ukraine",
]

# ---------------------------------------------------------------------------
# Other names the report writes (acronym list, annexes, body) -> registry IRI slug
# ---------------------------------------------------------------------------

OTHER_MECHANISM_NAMES = {
    # acronym list
    "Almaty Process": "almaty-process",
    "Abu Dhabi Dialogue": "abu-dhabi-dialogue",
    "ACP-EU Dialogue on Migration": "acp-eu-dialogue",
    "African, Caribbean and Pacific Group of States–European Union Dialogue on Migration": "acp-eu-dialogue",
    "AU-HoAI": "au-hoai",
    "African Union–Horn of Africa Initiative on Human Trafficking and Migrant Smuggling": "au-hoai",
    "Bali Process": "bali-process",
    "CIS Conference": "cis-conference",
    "Regional Conference to Address the Problems of Refugees, Displaced Persons, Other Forms of "
    "Involuntary Displacement, and Returnees in the Countries of the Commonwealth of Independent "
    "States and Relevant Neighbouring Countries": "cis-conference",
    "Colombo Process": "colombo-process",
    "COMMIT": "commit",
    "Coordinated Mekong Ministerial Initiative against Trafficking": "commit",
    "EUROMED": "euromed-migration-dialogue",
    "Euro-Mediterranean Dialogue on Migration": "euromed-migration-dialogue",
    "IDM": "idm",
    "International Dialogue on Migration": "idm",
    "Intergovernmental Consultations on Migration, Asylum and Refugees": "igc",
    "Khartoum Process": "khartoum-process",
    "MiD-IGAD": "mid-igad",
    "PAFOM": "pan-african-forum",
    "Central American Commisison of Migration Directors": "ocam",  # misspelt in the acronym list
    "Rabat Process": "rabat-process",
    "Regional Conference on Migration for North and Central America": "puebla-process",
    # annexes 6 and 7
    "Arab Regional Consultative Process on Migration and Asylum Affairs": "arab-rcp",
    "Migration Dialogue for the Intergovernmental Authority on Development (IGAD) Region": "mid-igad",
    "Pan-African Forum on Migration": "pan-african-forum",
    "PAFoM": "pan-african-forum",
    "African, Caribbean and Pacific Group of States–European Union (ACP-EU) Dialogue on Migration": "acp-eu-dialogue",
    # body text
    "Global Forum for Migration and Development": "gfmd",  # footnote 16 wording
    "United Nations High-level Dialogue on International Migration and Development": "hld",
    "Regional Conference to Address the Problems of Refugees, Displaced Persons, Other Forms of "
    "Involuntary Displacement, and Returnees in the Countries of the Commonwealth of Independent "
    "States (CIS) and Relevant Neighbouring States": "cis-conference",
    "Regional Conference to Address the Problems of Refugees, Displaced Persons, Other Forms of "
    "Involuntary Displacement and Returnees in the Countries of the Commonwealth of Independent "
    "States and Relevant Neighboring Countries": "cis-conference",
    "Söderköping Process": "soderkoping-process",
    "Eastern Partnership Panel on Migration and Asylum": "eap-panel",
    "Berne Initiative": "berne-initiative",
}

OTHER_ORGANIZATION_NAMES = {  # acronym list, annex 2 footnote, annex 6
    "CIS": "cis", "Commonwealth of Independent States": "cis",
    "COMESA": "comesa", "ECCAS": "eccas", "ECOWAS": "ecowas", "ICMPD": "icmpd",
    "International Centre for Migration Policy Development": "icmpd",
    "IGAD": "igad", "ILO": "ilo", "International Labour Organization": "ilo",
    "IOE": "ioe", "International Organisation of Employers": "ioe",
    "IOM": "iom", "International Organization for Migration": "iom",
    "UNHCR": "unhcr", "Office of the United Nations High Commissioner for Refugees": "unhcr",
    "United Nations Office of the High Commissioner for Refugees": "unhcr",  # annex 2 footnote
    "UNODC": "unodc", "United Nations Office on Drugs and Crime": "unodc",
    "WHO": "who", "World Health Organization": "who",
    "UNDP": "undp", "United Nations Development Programme": "undp",
}

# The fact sheet gives counts only; one note per mechanism (our words).
MEMBER_COUNT_NOTE = "The fact sheet gives only the number of member States, not their names."

# Name changes this source states (written to history.ttl).
# (event slug, original mechanism, resulting mechanism, year or None, editorial note in our words)
HISTORY = [
    ("igad-rcp-to-mid-igad", "igad-rcp", "mid-igad", None,
     "The report's list of acronyms gives the Intergovernmental Authority on Development Regional "
     "Consultative Process on Migration as another name of MiD-IGAD; read as the earlier name of the "
     "same process. The report gives no date for the change."),
    ("soderkoping-process-to-eap-panel", "soderkoping-process", "eap-panel", 2008,
     "The fact sheet dates the EaP Panel from 2001 under its earlier name, the Söderköping Process. "
     "Section 4.4 of the report says the Söderköping Process turned into the Eastern Partnership Panel "
     "on Migration and Asylum in 2008 (the year recorded here) and that the panel took its present "
     "name, on Migration, Mobility and Integrated Border Management, in 2018. The 2013 review "
     "dates the change to 2011 instead."),
]

# ---------------------------------------------------------------------------


def split_acronym(name: str) -> list[str]:
    """'Long Name (ACR)' -> ['Long Name', 'ACR']; other names unchanged."""
    if name.endswith(")") and " (" in name:
        head, tail = name[:-1].rsplit(" (", 1)
        return [head, tail]
    return [name]


class Resolver:
    def __init__(self) -> None:
        self.registry = Graph()
        for path in sorted((DATA / "registry").glob("*.ttl")):
            self.registry.parse(path)
        self.index = registry_labels()
        self.aliases: set[tuple[str, str, str]] = set()
        self.problems: list[str] = []

    def pref(self, iri: URIRef) -> str | None:
        for o in self.registry.objects(iri, SKOS.prefLabel):
            return str(o)
        return None

    def check(self, kind: str, name: str, iri: URIRef) -> URIRef:
        """Check that IRI is in the registry; record an alias row when NAME differs."""
        if kind == "country":
            pref = state_label(str(iri).rsplit("/", 1)[-1])
        else:
            if (iri, RDF.type, None) not in self.registry:
                self.problems.append(f"{kind} {iri} is not in the registry ({name!r})")
            pref = self.pref(iri)
            found = self.index.get(normalise(name))
            if found is not None and found != iri:
                self.problems.append(f"{name!r} resolves to {found} in the registry, we use {iri}")
        if name != pref:
            self.aliases.add((kind, name, str(iri)))
        return iri

    def mechanism(self, name: str, slug: str) -> URIRef:
        iri = MECHANISM[slug]
        for part in split_acronym(name):
            self.check("mechanism", part, iri)
        return iri

    def organization(self, name: str) -> URIRef:
        if name in ORG_FULL_NAMES:
            iri = ORGANIZATION[ORG_FULL_NAMES[name]]
            return self.check("organization", split_acronym(name)[0], iri)
        parts = split_acronym(name)
        iris = {ORGANIZATION[ORG_NAMES[p]] for p in parts}
        if len(iris) != 1:
            self.problems.append(f"organization name parts disagree: {name!r}")
        iri = next(iter(iris))
        for p in parts:
            self.check("organization", p, iri)
        return iri

    def agent(self, value: str) -> URIRef:
        if value.startswith("org:"):
            return self.organization(value[4:])
        return self.check("country", value, country(value))


def other_registry() -> Graph:
    g = Graph()
    for path in sorted((DATA / "registry").glob("*.ttl")):
        if TAG not in path.name:
            g.parse(path)
    return g


def write_registry_files() -> None:
    others = Graph() if REGISTRY_ONLY else other_registry()
    taken = {normalise(str(o)): s for s, p, o in others if p in (SKOS.prefLabel, SKOS.altLabel)}
    g = new_graph()
    for slug, (pref, alts, parent) in NEW_ORGANIZATIONS.items():
        s = ORGANIZATION[slug]
        if slug in OWNED_ELSEWHERE:
            if not REGISTRY_ONLY and (s, RDF.type, None) not in others:
                raise SystemExit(f"organization:{slug} is said to be declared elsewhere, but no registry file does")
            continue
        for label in [pref, *alts]:
            if normalise(label) in taken:
                print(f"{'WARNING' if label in KNOWN_LABEL_CONFLICTS else 'PROBLEM'}: {label!r} is already a registry name of {taken[normalise(label)]}")
        g.add((s, RDF.type, ORG.FormalOrganization))
        g.add((s, SKOS.prefLabel, Literal(pref, lang="en")))
        for alt in alts:
            g.add((s, SKOS.altLabel, Literal(alt, lang="en")))
        if parent:
            g.add((s, ORG.subOrganizationOf, ORGANIZATION[parent]))
        if slug in NEW_ORG_NOTES:
            g.add((s, SKOS.editorialNote, Literal(NEW_ORG_NOTES[slug], lang="en")))
    write_turtle(g, DATA / "registry" / f"organizations-{TAG}.ttl",
                 "Organizations first named by the 2019 assessment report (assessment-2019).\n"
                 "Generated by tools/extract_assessment2019.py.")

    g = new_graph()
    for slug, (pref, alts, note) in NEW_MECHANISMS.items():
        s = MECHANISM[slug]
        g.add((s, RDF.type, ISCM.InterStateConsultationMechanism))
        g.add((s, SKOS.prefLabel, Literal(pref, lang="en")))
        for alt in alts:
            g.add((s, SKOS.altLabel, Literal(alt, lang="en")))
        g.add((s, SKOS.editorialNote, Literal(note, lang="en")))
    write_turtle(g, DATA / "registry" / f"mechanisms-{TAG}.ttl",
                 "Mechanisms first named by the 2019 assessment report (assessment-2019).\n"
                 "Generated by tools/extract_assessment2019.py.")


def write_regions() -> None:
    g = new_graph()
    for slug, (label, definition) in REGIONS.items():
        s = REGION[slug]
        g.add((s, RDF.type, SKOS.Concept))
        g.add((s, SKOS.inScheme, REGION_SCHEME))
        g.add((s, SKOS.prefLabel, Literal(label, lang="en")))
        g.add((s, SKOS.definition, Literal(definition, lang="en")))
    write_turtle(g, ROOT / "ontology" / "taxonomies" / "regions" / f"{TAG}.ttl",
                 "Region concepts used by the 2019 assessment report's fact sheet (Annex 2).\n"
                 "Generated by tools/extract_assessment2019.py.")


def write_source() -> None:
    g = new_graph()
    g.add((SRC, RDF.type, ISCM.SourceDocument))
    g.add((SRC, DCTERMS.title, Literal(
        "Advancing a Common Understanding of Migration Governance Across Regions: Assessment Report", lang="en")))
    g.add((SRC, DCTERMS.issued, year(2019)))
    g.add((SRC, DCTERMS.publisher, ORGANIZATION.iom))
    g.add((SRC, DCTERMS.identifier, Literal("ISBN 978-92-9068-826-6")))
    g.add((SRC, SKOS.editorialNote, Literal(
        "Seed 004. Fact sheet (Annex 2) updated as of June 2019; the report was concluded in June 2019.", lang="en")))
    write_turtle(g, OUT_DIR / "source.ttl", "The 2019 assessment report as a source document.\n"
                 "Generated by tools/extract_assessment2019.py.")


def cite_all(g: Graph, place, parents: dict[str, str] | None = None) -> None:
    """Fact-level citations (docs/modelling.md): each triple of G at the part PLACE(citer, triple)."""
    citer = Citer(g, SLUG)
    for path, locator in (parents or {}).items():
        citer.part(path, locator)
    for triple in sorted(g):
        citer.cite(place(citer, triple), triple)
    citer.write()


def write_factsheet(r: Resolver) -> list[tuple[str, int]]:
    g = new_graph()
    counts = []
    for row in FACTSHEET:
        m = r.mechanism(row["names"][0], row["iri"])
        for name in row["names"][1:]:
            r.mechanism(name, row["iri"])
        cls, concept = TYPES[row["type"]]
        g.add((m, RDF.type, cls))
        g.add((m, ISCM.mechanismType, concept))
        g.add((m, ISCM.memberCountStated, Literal(row["members"], datatype=XSD.integer)))
        g.add((m, ISCM.yearEstablished, year(row["year"])))
        for reg in row["regions"]:
            for slug in REGION_NAMES[reg]:
                g.add((m, ISCM.regionCovered, REGION[slug]))
        for name in row["assoc"]:
            g.add((m, ISCM.associatedOrganization, r.organization(name)))
        for value in row["chair"]:
            g.add((m, ISCM.chair, r.agent(value)))
        for value in row["co_chair"]:
            g.add((m, ISCM.coChair, r.agent(value)))
        for value in row["secretariat"]:
            g.add((m, ISCM.secretariat, r.agent(value)))
        for item in row["iom"]:
            g.add((m, ISCM.iomRole, IOMROLE[IOM_ROLES[item]]))
        for note in row["notes"]:
            g.add((m, SKOS.editorialNote, Literal(note, lang="en")))
        counts.append((row["iri"], row["members"]))
    # names that only appear in notes: register the alias rows for them as well
    r.organization("International and Ibero-American Foundation for Administration and Public Policies (FIAPP)")
    r.check("country", "Jamaica", country("Jamaica"))
    r.check("country", "Spain", country("Spain"))
    cite_all(g, lambda citer, t: annex_row(citer, "Annex 2", t[0]))
    write_turtle(g, OUT_DIR / "factsheet.ttl",
                 "Annex 2 of the 2019 assessment report: fact sheet on 30 ISCMs (as of June 2019).\n"
                 "Member lists are not given by this source (counts only).\n"
                 "Generated by tools/extract_assessment2019.py.")
    return counts


def write_participation(r: Resolver) -> None:
    g = new_graph()
    for name, slug in GRCP8_PARTICIPANTS:
        g.add((r.mechanism(name, slug), ISCM.participatedIn, GRCP8))
    g.add((SURVEY, RDF.type, PROV.Activity))
    g.add((SURVEY, SKOS.prefLabel, Literal("2019 ISCM Assessment Survey", lang="en")))
    g.add((SURVEY, DCTERMS.date, year(2019)))
    g.add((SURVEY, SKOS.editorialNote, Literal(
        "Respondent ISCMs follow Annex 7 (22, matching the 22 ISCM questionnaires the report counts). "
        "Annex 6 instead lists all 30 ISCMs of the fact sheet as contributors, including MIDCAS and "
        "FIBEMYD, which Annex 7 places neither in the survey nor at GRCP 8. States (46) and "
        "organizations (3) follow Annex 6.", lang="en")))
    for slug in SURVEY_ISCMS:
        g.add((MECHANISM[slug], RESPONDED_TO, SURVEY))
    for slug in SURVEY_ORGANIZATIONS:
        g.add((r.check("organization", slug.upper(), ORGANIZATION[slug]), RESPONDED_TO, SURVEY))
    for name in SURVEY_STATES:
        g.add((r.agent(name), RESPONDED_TO, SURVEY))
    def participation_place(citer, triple):
        s, p, o = triple
        if p == ISCM.participatedIn:
            return citer.part("annex-7/grcp-8", "Annex 7, ISCMs at GRCP 8", parent="annex-7")
        if p == RESPONDED_TO and str(s).startswith(str(MECHANISM)):
            return citer.part("annex-7/survey", "Annex 7, ISCMs that answered the survey", parent="annex-7")
        if p == RESPONDED_TO:
            return citer.part("annex-6", "Annex 6, States and organizations that answered the survey")
        return citer.part("annex-7", "Annex 7")  # the survey itself
    citer_parts = {"annex-7": "Annex 7"}
    cite_all(g, participation_place, citer_parts)
    write_turtle(g, OUT_DIR / "participation.ttl",
                 "Annexes 6 and 7 of the 2019 assessment report: ISCMs at GRCP 8 and respondents to\n"
                 "the 2019 ISCM assessment survey. The meeting grcp-8 is defined elsewhere.\n"
                 "iscm:respondedTo is a new term (subject answered a questionnaire of the survey).\n"
                 "Generated by tools/extract_assessment2019.py.")


def write_member_count_notes() -> None:
    g = new_graph()
    for row in FACTSHEET:
        g.add((MECHANISM[row["iri"]], ISCM.memberCountNote, Literal(MEMBER_COUNT_NOTE, lang="en")))
    cite_all(g, lambda citer, t: annex_row(citer, "Annex 2", t[0]))
    write_turtle(g, OUT_DIR / "member-count-notes.ttl",
                 "Why the 2019 fact sheet's member counts have no listed members behind them.\n"
                 "Generated by tools/extract_assessment2019.py.")


def write_history(r: Resolver) -> None:
    g = new_graph()
    for slug, original, resulting, when, note in HISTORY:
        ev = ID[f"event/{slug}"]
        g.add((ev, RDF.type, ORG.ChangeEvent))
        for m in (original, resulting):
            if (MECHANISM[m], RDF.type, None) not in r.registry:
                r.problems.append(f"history: mechanism {m} is not in the registry")
        g.add((ev, ORG.originalOrganization, MECHANISM[original]))
        g.add((ev, ORG.resultingOrganization, MECHANISM[resulting]))
        if when is not None:
            g.add((ev, DCTERMS.date, year(when)))
        g.add((ev, SKOS.editorialNote, Literal(note, lang="en")))
        g.add((MECHANISM[resulting], DCTERMS.replaces, MECHANISM[original]))
    def history_place(citer, triple):
        s = triple[0]
        resulting = g.value(s, ORG.resultingOrganization) or s
        if str(resulting).endswith("/mid-igad"):
            return citer.part("acronyms", "List of acronyms and short names")
        return citer.part("section-4.4", "Section 4.4", parent="section-4")
    cite_all(g, history_place, {"section-4": "Section 4"})
    write_turtle(g, OUT_DIR / "history.ttl",
                 "Name changes stated by the 2019 assessment report (acronym list, Annex 2, section 4.4).\n"
                 "Generated by tools/extract_assessment2019.py.")


def write_aliases(r: Resolver) -> None:
    for name, slug in OTHER_MECHANISM_NAMES.items():
        r.check("mechanism", name, MECHANISM[slug])
    for name, slug in OTHER_ORGANIZATION_NAMES.items():
        r.check("organization", name, ORGANIZATION[slug])
    rows = sorted(r.aliases, key=lambda t: (t[0], t[2], t[1]))
    path = ROOT / "tools" / "aliases" / f"{TAG}.tsv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{k}\t{n}\t{i}\n" for k, n, i in rows), encoding="utf-8")


def main() -> int:
    write_registry_files()
    if REGISTRY_ONLY:
        return 0
    write_regions()
    write_source()
    r = Resolver()
    counts = write_factsheet(r)
    write_participation(r)
    write_member_count_notes()
    write_history(r)
    write_aliases(r)

    # checks
    for path in [OUT_DIR / "source.ttl", OUT_DIR / "factsheet.ttl", OUT_DIR / "participation.ttl",
                 OUT_DIR / "member-count-notes.ttl", OUT_DIR / "history.ttl",
                 DATA / "registry" / f"organizations-{TAG}.ttl",
                 DATA / "registry" / f"mechanisms-{TAG}.ttl",
                 ROOT / "ontology" / "taxonomies" / "regions" / f"{TAG}.ttl"]:
        Graph().parse(path)
    import pycountry
    all_data = Graph()
    for path in OUT_DIR.glob("*.ttl"):
        all_data.parse(path)
    for o in set(all_data.objects()) | set(all_data.subjects()):
        if isinstance(o, URIRef) and str(o).startswith(str(COUNTRY)):
            code = str(o).rsplit("/", 1)[-1]
            if code != "XKX" and pycountry.countries.get(alpha_3=code) is None:
                r.problems.append(f"not an ISO alpha-3 code: {code}")
    print(f"{'mechanism':28} members listed / stated")
    for slug, stated in counts:
        print(f"{slug:28} {0:>3} / {stated:<3}  (source gives counts only)")
    grcp = set(s for s in all_data.subjects(ISCM.participatedIn, GRCP8))
    survey_iscms = set(s for s in all_data.subjects(RESPONDED_TO, SURVEY) if str(s).startswith(str(MECHANISM)))
    print(f"GRCP 8 participants: {len(grcp)} (report: 27); survey ISCMs: {len(survey_iscms)} (report: 22); "
          f"both: {len(grcp & survey_iscms)} (report: 21); GRCP 8 only: {len(grcp - survey_iscms)} (report: 6); "
          f"survey only: {len(survey_iscms - grcp)} (report: 1)")
    print(f"survey States: {len(SURVEY_STATES)} (report: 46); organizations: {len(SURVEY_ORGANIZATIONS)} (report: 3)")
    print(f"alias rows: {len(r.aliases)}")
    if len(FACTSHEET) != 30 or len(ANNEX6_ISCMS) != 30 or set(ANNEX6_ISCMS) != {x['iri'] for x in FACTSHEET}:
        r.problems.append("fact sheet / Annex 6 do not have the same 30 ISCMs")
    for p in r.problems:
        print("PROBLEM:", p)
    return 1 if r.problems else 0


if __name__ == "__main__":
    sys.exit(main())
