"""Extract IOM SCPF/30 (2009) into the `scpf-2009` source graph.

Source: IOM Standing Committee on Programmes and Finance, SCPF/30, 4 May 2009 (body in Spanish,
annexes in English). Taken from it:
  * Annex II  (overview of principal RCPs, as of April 2009): year, governments with the stated
    total, chair / presidency pro tempore, observers and partners, secretariat, region heading.
  * Annex I   (IOM's role in each RCP): IOM offices involved and the kinds of support IOM gives.
  * the Spanish body: Spanish names of the RCPs (skos:altLabel @es).
Not taken: the "main areas of discussion" and "current priorities" columns (mapped to themes
elsewhere).

The facts below were read by hand from the seed text (cells are misaligned across page breaks in
the extracted text, e.g. the RCM and SACM rows of Annex I have lost their first cell). The Turtle
this script writes is the truth; the script is the record of how the source was read.

Writes only:
  data/scpf-2009/{source,rcps,memberships,iom-support,member-count-notes}.ttl
  data/registry/organizations-scpf2009.ttl
  ontology/taxonomies/regions/scpf2009.ttl
  tools/aliases/scpf2009.tsv

Run: .venv/bin/python tools/extract_scpf2009.py
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import pycountry
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    COUNTRY, DATA, ISCM, IOMROLE, MECHANISM, ORG, ORGANIZATION, REGION, ROLE, ROOT, SOURCE,
    TYPOLOGY, country_code, country_name, membership_iri, new_graph, normalise,
    write_turtle, year, add_membership_basis, add_membership_qualifiers, Citer, pref_label,
)
# The membership note of the States expanded from "the 27 EU Member States" (membership basis:
# expanded from a group; every other participant is named by the source).
EU27_NOTE = "listed as 'the 27 EU Member States' (expanded to the EU-27 of 2009)"

SLUG = "scpf-2009"
TAG = "scpf2009"
SRC = SOURCE[SLUG]
OUT = DATA / SLUG
REGIONS_SCHEME = URIRef("https://w3id.org/iscm/id/scheme/regions")

# Country spellings of this source that common.country() does not resolve by itself.
EXTRA_COUNTRY_ALIASES = {
    "Bosnia-Herzegovina": "BIH",
    "New Caledonia (France)": "NCL",
}

# EU Member States in April 2009 (EU-27: before Croatia's accession in 2013).
EU27_2009 = [
    "Austria", "Belgium", "Bulgaria", "Cyprus", "Czech Republic", "Denmark", "Estonia", "Finland",
    "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania",
    "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
    "Spain", "Sweden", "United Kingdom",
]

# ---------------------------------------------------------------------------
# Organizations not yet in the registry (written to organizations-scpf2009.ttl)
# slug: (prefLabel @en, [altLabels @en], {lang: altLabel}, subOrganizationOf slug or None)
# ---------------------------------------------------------------------------

IOM_OFFICES = {
    "iom-headquarters": ("IOM Headquarters", ["IOM HQ"]),
    "iom-kyiv": ("IOM Office in Kyiv", ["IOM Kyiv"]),
    "iom-chisinau": ("IOM Office in Chisinau", ["IOM Chisinau"]),
    "iom-minsk": ("IOM Office in Minsk", ["IOM Minsk"]),
    "iom-ankara": ("IOM Office in Ankara", ["IOM Ankara"]),
    "iom-jakarta": ("IOM Office in Jakarta", ["IOM Jakarta"]),
    "iom-vienna": ("IOM Special Liaison Mission in Vienna", ["IOM Vienna", "SLM Vienna"]),
    "iom-addis-ababa": ("IOM Special Liaison Mission in Addis Ababa", ["IOM Addis Ababa", "SLM Addis Ababa"]),
}
for _slug, _city in [
    ("iom-budapest", "Budapest"), ("iom-san-jose", "San José"), ("iom-buenos-aires", "Buenos Aires"),
    ("iom-rome", "Rome"), ("iom-dakar", "Dakar"), ("iom-pretoria", "Pretoria"),
    ("iom-canberra", "Canberra"), ("iom-dhaka", "Dhaka"), ("iom-cairo", "Cairo"),
    ("iom-bangkok", "Bangkok"),
]:
    IOM_OFFICES[_slug] = (
        f"IOM Regional Office in {_city}",
        [f"IOM Mission with Regional Functions in {_city}", f"MRF {_city}", f"IOM {_city}"],
    )

NEW_ORGS = {
    # Söderköping Process
    "swedish-migration-board": ("Swedish Migration Board", ["SMB"], {}, None),
    "finland-ministry-of-interior": ("Ministry of the Interior of Finland", ["Finnish Ministry of Interior"], {}, None),
    "uk-home-office": ("Home Office of the United Kingdom", ["UK Home Office", "Home Office"], {}, None),
    "enaro": ("European Network of Asylum Reception Organisations", ["ENARO", "European Network of Asylum Reception Organizations"], {}, None),
    "odysseus-network": ("Odysseus Academic Network", [], {}, None),
    # Budapest Process
    "un-cicp": ("United Nations Centre for International Crime Prevention", ["UN-CICP", "Centre for International Crime Prevention"], {}, None),
    "seci-centre": ("SECI Centre", ["SECI Center"], {}, None),
    "bsec": ("Organization of the Black Sea Economic Cooperation", ["BSEC", "Black Sea Economic Cooperation Organisation"], {}, None),
    # RCM / SACM
    "rcm-technical-secretariat": ("Technical Secretariat of the Regional Conference on Migration", ["RCM Technical Secretariat"], {}, None),
    "iachr": ("Inter-American Commission on Human Rights", ["IACHR", "ICHR", "Inter-American Commission for Human Rights"], {}, None),
    "un-special-rapporteur-migrants": ("United Nations Special Rapporteur on the Human Rights of Migrants", ["UN Special Rapporteur on the Human Rights of Migrants"], {}, None),
    "rncom": ("Regional Network for Civil Organizations on Migration", ["RNCOM"], {}, None),
    "sela": ("Latin American and Caribbean Economic System", ["SELA", "Latin American Economic System"], {}, None),
    # MTM
    "caritas": ("Caritas", [], {}, None),
    "dcaf": ("Geneva Centre for the Democratic Control of Armed Forces", ["DCAF"], {}, None),
    "eurojust": ("Eurojust", [], {}, None),
    "iopcr": ("International Organisation for Peace, Care and Relief", ["IOPCR"], {}, None),
    "escwa": ("United Nations Economic and Social Commission for Western Asia", ["ESCWA", "UNESWA"], {}, None),
    # MIDWA
    "congad": ("Conseil des Organisations Non Gouvernementales d'Appui au Développement", ["CONGAD"], {}, None),
    "ird": ("Institut de Recherche pour le Développement", ["IRD"], {}, None),
    "ocha": ("United Nations Office for the Coordination of Humanitarian Affairs", ["OCHA"], {}, None),
    "oau": ("Organisation of African Unity", ["OAU", "Organization of African Unity"], {}, None),
    "unaids": ("Joint United Nations Programme on HIV/AIDS", ["UNAIDS"], {}, None),
    "wfp": ("World Food Programme", ["WFP"], {}, None),
    # MIDSA
    "samp": ("Southern African Migration Project", ["SAMP"], {"es": "Proyecto sobre Migración en África Meridional"}, None),
    "sadc-pf": ("SADC Parliamentary Forum", ["Southern African Development Community Parliamentary Forum"], {}, None),
    # APC / Colombo / Abu Dhabi / IGC / Bali secretariats and observers
    "apc-secretariat": ("APC Secretariat", ["Secretariat of the Asia-Pacific Consultations on Refugees, Displaced Persons and Migrants"], {}, None),
    "igc-secretariat": ("IGC Secretariat", ["Secretariat of the Intergovernmental Consultations on Migration, Asylum and Refugees"], {}, None),
    "pidc-secretariat": ("PIDC Secretariat", ["Pacific Immigration Directors' Conference Secretariat"], {}, None),
    "uniap": ("United Nations Inter-Agency Project on Human Trafficking in the Greater Mekong Sub-region", ["UNIAP"], {}, None),
    "dfid": ("Department for International Development of the United Kingdom", ["DFID", "Department for International Development UK", "DFID UK"], {}, None),
    "unifem": ("United Nations Development Fund for Women", ["UNIFEM"], {}, None),
    "uae-ministry-of-labour": ("Ministry of Labour of the United Arab Emirates", ["UAE MOL", "UAE Ministry of Labour"], {}, None),
}

# Organization names as written in the source -> organization slug (registry or NEW_ORGS).
ORG_NAMES = {
    "European Commission (EC)": "european-commission", "EC": "european-commission",
    "European Commission": "european-commission",
    "International Organization for Migration (IOM)": "iom", "IOM": "iom",
    "United Nations High Commissioner for Refugees (UNHCR)": "unhcr", "UNHCR": "unhcr",
    "Swedish Migration Board (SMB)": "swedish-migration-board",
    "Finnish Ministry of Interior": "finland-ministry-of-interior",
    "UK Home Office": "uk-home-office",
    "European Network of Asylum Reception Organizations (ENARO)": "enaro",
    "Odysseus Academic Network": "odysseus-network",
    "International Centre for Migration Policy Development (ICMPD)": "icmpd", "ICMPD": "icmpd",
    "UNODC": "unodc", "Council of Europe": "council-of-europe",
    "Centre for International Crime Prevention (UN-CICP)": "un-cicp",
    "SECI Centre": "seci-centre", "INTERPOL": "interpol", "Interpol": "interpol",
    "Regional Centre of the Migration, Asylum, Refugees Regional Initiative (MARRI)": "marri",
    "MARRI": "marri",
    "International Labour Office (ILO)": "ilo", "ILO": "ilo",
    "Commonwealth of Independent States (CIS) Executive Committee": "cis",
    "Black Sea Economic Cooperation Organisation (BSEC)": "bsec",
    "Europol": "europol", "FRONTEX": "frontex", "Frontex": "frontex",
    "Technical Secretariat (TS)": "rcm-technical-secretariat",
    "Economic Commission for Latin America and the Caribbean (ECLAC)": "eclac", "ECLAC": "eclac",
    "Central American Integration System (SICA)": "sica",
    "Inter-American Commission for Human Rights (ICHR)": "iachr",
    "Ibero-American General Secretariat (SEGIB)": "segib",
    "United Nations Population Fund (UNFPA)": "unfpa",
    "UN Special Rapporteur on the Human Rights of Migrants": "un-special-rapporteur-migrants",
    "Regional Network for Civil Organizations on Migration (RNCOM)": "rncom",
    "Andean Community of Nations (CAN)": "can",
    "Latin American Economic System": "sela",
    "United Nations Educational, Scientific and Cultural Organization (UNESCO)": "unesco",
    "Caritas": "caritas",
    "Community of Sahel and Saharan States (CEN-SAD)": "censad", "CENSAD": "censad",
    "Geneva Centre for the Democratic Control of Armed Forces (DCAF)": "dcaf",
    "Eurojust": "eurojust",
    "General Secretariat of the European Council": "council-of-the-eu",
    "International Organisation for Peace, Care and Relief (IOPCR)": "iopcr",
    "League of Arab States": "league-of-arab-states",
    "Organization for Security and Co-operation in Europe (OSCE)": "osce",
    "United Nations Economic and Social Commission for Western Asia (UNESWA)": "escwa",
    "Conseil des Organisations Non Gouvernementales d'Appui au Développement (CONGAD)": "congad",
    "Economic Community of West African States (ECOWAS)": "ecowas", "ECOWAS": "ecowas",
    "Institut de Recherche pour le Développement (IRD)": "ird",
    "United Nations Office for the Coordination of Humanitarian Affairs (OCHA)": "ocha",
    "Organisation of African Unity (OAU)": "oau",
    "Organisation for Economic Co-operation and Development (OECD)": "oecd",
    "West African Economic and Monetary Union (UEMOA)": "uemoa",
    "UNAIDS": "unaids",
    "United Nations Children's Fund (UNICEF)": "unicef",
    "United Nations Office on Drugs and Crime (UNODC)": "unodc",
    "World Food Programme (WFP)": "wfp",
    "Southern African Migration Project (SAMP)": "samp",
    "Southern African Development Community (SADC) Secretariat": "sadc", "SADC": "sadc",
    "SADC Parliamentary Forum": "sadc-pf",
    "the African Union (AU) Commission": "african-union-commission",
    "African Union (AU) Commission": "african-union-commission",
    "UNDP": "undp", "United Nations Development Programme (UNDP)": "undp",
    "the World Bank": "world-bank", "World Bank": "world-bank",
    "EAC": "eac", "ECCAS": "eccas",
    "IGAD Secretariat": "igad",
    "Pacific Immigration Directors' Conference (PIDC) Secretariat": "pidc-secretariat",
    "United Nations Inter-agency Project on Human Trafficking in the Greater Mekong Sub-region (UNIAP)": "uniap",
    "permanent Secretariat": "apc-secretariat", "APC Secretariat": "apc-secretariat",
    "Asian Development Bank (ADB)": "adb",
    "Association of Southeast Asian Nations (ASEAN)": "asean",
    "Department for International Development UK (DFID)": "dfid",
    "Gulf Cooperation Council (GCC)": "gcc",
    "United Nations Development Fund for Women (UNIFEM)": "unifem",
    "Ministry of Labour of the State of the United Arab Emirates": "uae-ministry-of-labour",
    "IGC Secretariat": "igc-secretariat",
    "International Committee of the Red Cross (ICRC)": "icrc",
    "International Federation of Red Cross and Red Crescent Societies (IFRC)": "ifrc",
}

# Names that only make sense in their cell (generic, or a sub-body read as its parent): kept out
# of the alias table so that they do not become registry altLabels.
ALIAS_EXCLUDE = {
    "permanent Secretariat", "Technical Secretariat (TS)", "IGAD Secretariat",
    "Southern African Development Community (SADC) Secretariat",
    "Commonwealth of Independent States (CIS) Executive Committee",
    "Regional Centre of the Migration, Asylum, Refugees Regional Initiative (MARRI)",
    "General Secretariat of the European Council",
}

# Mechanism names as written (row titles of both annexes, and mechanisms named as participants).
MECH_NAMES = {
    "Cross Border Cooperation Process (Söderköping Process or CBCP)": "soderkoping-process",
    "Cross-Border Cooperation Process (CBCP)": "soderkoping-process",
    "Budapest Process": "budapest-process",
    "Regional Conference on Migration (RCM or Puebla Process)": "puebla-process",
    "South American Conference on Migration (SACM)": "sacm",
    "Regional Ministerial Conference on Migration in the Western Mediterranean (5 + 5 Dialogue)": "five-plus-five-dialogue",
    "Mediterranean Transit Migration Dialogue (MTM)": "mtm",
    "Migration Dialogue for West Africa (MIDWA)": "midwa",
    "Migration Dialogue for Southern Africa (MDSA)": "midsa",
    "Migration Dialogue for Southern Africa (MIDSA)": "midsa",
    "Inter-governmental Authority on Development (IGAD) Regional Consultative Process on migration (IGAD-RCP)": "igad-rcp",
    "Inter-Governmental Asia-Pacific Consultations on Refugees, Displaced Persons and Migrants (APC)": "apc",
    "Colombo Process (Ministerial Consultation on Overseas Employment and Contractual Labour for Countries of Origin in Asia)": "colombo-process",
    "Abu Dhabi Dialogue (Ministerial Consultations on Overseas Employment and Contractual Labour for Countries of Origin and Destination in Asia)": "abu-dhabi-dialogue",
    "Inter-Governmental Consultations on Migration, Asylum and Refugees (IGC)": "igc",
    "Inter-Governmental Consultations on Asylum, Refugee and Migration Policies (IGC)": "igc",
    "IGC": "igc",
    "Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime (Bali Process)": "bali-process",
}

# ---------------------------------------------------------------------------
# Regions: the headings of Annexes I and II
# slug: (prefLabel, definition, broader slug or None)
# ---------------------------------------------------------------------------

REGIONS = {
    # Labels of shared slugs are kept identical to the other sources' region files.
    "europe-and-former-soviet-union": ("Europe and the former Soviet Union",
        "Europe together with the States that emerged from the former Soviet Union.", None),
    "americas-and-caribbean": ("Americas and Caribbean",
        "North, Central and South America together with the Caribbean.", None),
    "western-mediterranean": ("Western Mediterranean",
        "The States bordering the western basin of the Mediterranean Sea, north and south.", None),
    "africa": ("Africa", None, None),
    "asia-and-oceania": ("Asia and Oceania", "Asia together with Australia and the Pacific islands.", None),
    # SCPF/30 heads this group "Others: Like-minded States (IGC); Thematically-organized (Bali Process)".
    "others-like-minded-or-thematic": ("Others: like-minded States or thematically organized",
        "Heading for processes grouped by shared outlook or by theme rather than by geography.", None),
}

# ---------------------------------------------------------------------------
# Annex II (and, for IOM, Annex I), one entry per RCP row, in the order of the source.
#
# members: governments column. member_notes: name -> membershipNote.
# others: (role, kind, name as written, note) with kind c=country, o=organization, m=mechanism.
# secretariat: list of (kind, name as written).
# ---------------------------------------------------------------------------

def group(role, kind, names, note=None):
    return [(role, kind, n, note) for n in names]


OBS_PARTNERS_UNSPLIT = "listed in the Observers/Partners column, which does not say which role each holds"

RCPS = [
    dict(
        slug="soderkoping-process",
        written="Cross Border Cooperation Process (Söderköping Process or CBCP)",
        region="europe-and-former-soviet-union",
        year=2001,
        members=["Belarus", "Estonia", "Hungary", "Latvia", "Lithuania", "Moldova", "Poland",
                 "Romania", "Slovakia", "Ukraine"],
        total=10,
        others=group("partner", "o", ["European Commission (EC)", "International Organization for Migration (IOM)",
                                      "United Nations High Commissioner for Refugees (UNHCR)",
                                      "Swedish Migration Board (SMB)"], "partner; the process has no official observers")
        + group("partner", "o", ["Finnish Ministry of Interior", "UK Home Office",
                                 "European Network of Asylum Reception Organizations (ENARO)",
                                 "Odysseus Academic Network"], "body the process regularly cooperates with")
        # Annex I: the Steering Committee that guides the process.
        + group("steering-group-member", "o", ["Swedish Migration Board (SMB)",
                                               "United Nations High Commissioner for Refugees (UNHCR)",
                                               "EC", "IOM"], "member of the Steering Committee (Annex I)"),
        secretariat=[("o", "UNHCR"), ("o", "IOM")],
        es=["Proceso de cooperación transfronteriza", "Proceso Söderköping"],
        notes=[
            "The secretariat is the process's own secretariat, staffed jointly by UNHCR and IOM; recorded as both organizations.",
            "Other governments, the EU Presidency, researchers and NGOs take part ad hoc; none is named, so no membership is recorded for them.",
            "Called the Cross-Border Cooperation Process in 2009; the source uses the Söderköping name as an alternative.",
        ],
    ),
    dict(
        slug="budapest-process",
        written="Budapest Process",
        region="europe-and-former-soviet-union",
        year=1991,
        members=["Albania", "Armenia", "Austria", "Azerbaijan", "Belarus", "Belgium", "Bosnia-Herzegovina",
                 "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia", "Finland", "France",
                 "Georgia", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Kazakhstan", "Kyrgyzstan",
                 "Latvia", "Liechtenstein", "Lithuania", "Luxembourg", "Macedonia (FYR)", "Malta", "Moldova",
                 "Montenegro", "Netherlands", "Norway", "Poland", "Portugal", "Romania", "Russian Federation",
                 "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland", "Tajikistan", "Turkey",
                 "Turkmenistan", "Ukraine", "United Kingdom", "Uzbekistan"],
        total=49,
        chair=["Turkey"], co_chair=["Hungary"],
        others=group("observer", "c", ["Australia", "Canada", "USA"], OBS_PARTNERS_UNSPLIT)
        + group("observer", "o", ["EC", "International Centre for Migration Policy Development (ICMPD)"], OBS_PARTNERS_UNSPLIT)
        + group("observer", "m", ["Inter-Governmental Consultations on Asylum, Refugee and Migration Policies (IGC)"], OBS_PARTNERS_UNSPLIT)
        + group("observer", "o", ["IOM", "UNHCR", "UNODC", "Council of Europe",
                                  "Centre for International Crime Prevention (UN-CICP)", "SECI Centre", "INTERPOL"], OBS_PARTNERS_UNSPLIT)
        + group("observer", "o", ["Regional Centre of the Migration, Asylum, Refugees Regional Initiative (MARRI)"],
                OBS_PARTNERS_UNSPLIT + "; listed as the MARRI Regional Centre")
        + group("observer", "o", ["International Labour Office (ILO)"], OBS_PARTNERS_UNSPLIT)
        + group("observer", "o", ["Commonwealth of Independent States (CIS) Executive Committee"],
                OBS_PARTNERS_UNSPLIT + "; listed as the CIS Executive Committee")
        + group("observer", "o", ["Black Sea Economic Cooperation Organisation (BSEC)", "Europol", "FRONTEX"], OBS_PARTNERS_UNSPLIT),
        secretariat=[("o", "ICMPD")],
        es=["Proceso de Budapest"],
        notes=["The Observers/Partners cell lists States and organizations without saying which are observers and which partners; all are recorded as observers."],
    ),
    dict(
        slug="puebla-process",
        written="Regional Conference on Migration (RCM or Puebla Process)",
        region="americas-and-caribbean",
        year=1996,
        members=["Belize", "Canada", "Costa Rica", "Dominican Republic", "El Salvador", "Guatemala", "Honduras",
                 "Mexico", "Nicaragua", "Panama", "the USA"],
        total=11,
        chair=["Guatemala"],
        others=group("observer", "c", ["Argentina", "Colombia", "Ecuador", "Jamaica", "Peru"], "observer State")
        + group("observer", "o", ["Economic Commission for Latin America and the Caribbean (ECLAC)", "IOM", "UNHCR",
                                  "Central American Integration System (SICA)",
                                  "Inter-American Commission for Human Rights (ICHR)",
                                  "Ibero-American General Secretariat (SEGIB)",
                                  "United Nations Population Fund (UNFPA)",
                                  "UN Special Rapporteur on the Human Rights of Migrants"], "observer organization")
        + group("participant", "o", ["Regional Network for Civil Organizations on Migration (RNCOM)"],
                "civil-society network of the member States; neither member nor observer, takes part in seminars, workshops and conferences"),
        secretariat=[("o", "Technical Secretariat (TS)")],
        es=["Conferencia Regional sobre Migraciones", "CRM", "Proceso de Puebla"],
        notes=[
            "The chair is the current Presidency Pro-Tempore.",
            "UNHCR appears twice in the observer list; recorded once.",
            "The Technical Secretariat is independent of IOM and funded by the member countries.",
        ],
    ),
    dict(
        slug="sacm",
        written="South American Conference on Migration (SACM)",
        region="americas-and-caribbean",
        year=1999,
        members=["Argentina", "Bolivia", "Brazil", "Chile", "Colombia", "Ecuador", "Guyana", "Paraguay", "Peru",
                 "Surinam", "Uruguay", "Venezuela"],
        total=12,
        chair=["Uruguay"],
        others=group("observer", "c", ["Australia", "Canada", "France", "Italy", "Mexico", "Spain", "Switzerland", "the USA"],
                     OBS_PARTNERS_UNSPLIT)
        + group("observer", "o", ["Andean Community of Nations (CAN)", "ECLAC", "ILO", "IOM",
                                  "Latin American Economic System",
                                  "United Nations Educational, Scientific and Cultural Organization (UNESCO)",
                                  "UNHCR"], OBS_PARTNERS_UNSPLIT),
        secretariat=[],
        es=["Conferencia Sudamericana sobre Migraciones", "CSM"],
        notes=[
            "The chair is the current Presidency Pro-Tempore, which alternates yearly between the Southern Cone and Andean sub-regions.",
            "Annex II states that there is no official secretariat (IOM gives technical and logistical support), so no iscm:secretariat is recorded; Annex I describes IOM as acting as technical secretariat (see the IOM roles).",
            "Unnamed Catholic-affiliated and human-rights groups are also listed; no membership is recorded for them.",
        ],
    ),
    dict(
        slug="five-plus-five-dialogue",
        written="Regional Ministerial Conference on Migration in the Western Mediterranean (5 + 5 Dialogue)",
        region="western-mediterranean",
        year=2002,
        members=["Algeria", "France", "Italy", "Libya", "Malta", "Mauritania", "Morocco", "Portugal", "Spain", "Tunisia"],
        total=10,
        chair=["Portugal"], incoming_chair=["Libya"],
        others=group("observer", "o", ["IOM", "ILO", "ICMPD"], OBS_PARTNERS_UNSPLIT),
        secretariat=[],
        es=["Conferencia Ministerial del Mediterráneo Occidental sobre Migración", "Diálogo 5 + 5"],
        notes=[
            "The presidency was being handed over from Portugal to Libya at the time; Portugal is recorded as chair and Libya with iscm:incomingChair.",
            "No official secretariat.",
        ],
    ),
    dict(
        slug="mtm",
        written="Mediterranean Transit Migration Dialogue (MTM)",
        region="western-mediterranean",
        year=2003,
        members=["Algeria", "Egypt", "Lebanon", "Libya", "Morocco", "Syria", "Tunisia"] + EU27_2009
        + ["Norway", "Switzerland", "Turkey"],
        member_notes={
            **{n: "Arab Partner State (APS)" for n in ["Algeria", "Egypt", "Lebanon", "Libya", "Morocco", "Syria", "Tunisia"]},
            **{n: EU27_NOTE for n in EU27_2009},
            **{n: "European Partner State (EPS)" for n in ["Norway", "Switzerland", "Turkey"]},
        },
        total=37,
        others=group("partner", "c", ["Cape Verde", "Ethiopia", "Ghana", "Mali", "Niger", "Nigeria", "Senegal"],
                     "new Partner State for specific activities only; not counted in the stated total")
        + group("partner", "o", ["Caritas", "Europol", "Frontex", "Interpol", "IOM", "UNHCR", "UNODC"],
                "partner on ongoing projects implemented under the dialogue")
        + group("observer", "c", ["Australia"], "observer")
        + group("observer", "o", ["Community of Sahel and Saharan States (CEN-SAD)",
                                  "Geneva Centre for the Democratic Control of Armed Forces (DCAF)", "Eurojust"], "observer")
        + group("observer", "o", ["General Secretariat of the European Council"],
                "observer; listed as the General Secretariat of the European Council")
        + group("observer", "m", ["IGC"], "observer")
        + group("observer", "o", ["IOM", "International Organisation for Peace, Care and Relief (IOPCR)",
                                  "League of Arab States", "MARRI",
                                  "Organization for Security and Co-operation in Europe (OSCE)",
                                  "United Nations Economic and Social Commission for Western Asia (UNESWA)"], "observer"),
        secretariat=[("o", "ICMPD")],
        es=["Diálogo sobre las Migraciones de Tránsito en el Mediterráneo"],
        notes=[
            "The stated total of 37 is 7 Arab Partner States + 27 EU Member States + 3 European Partner States; the 7 new Partner States for specific activities are outside it and recorded as partners.",
            "IOM is listed both as a project partner and as an observer; both are recorded.",
            "UNESWA is read as ESCWA, the UN regional commission for Western Asia.",
        ],
    ),
    dict(
        slug="midwa",
        written="Migration Dialogue for West Africa (MIDWA)",
        region="africa",
        year=2000,
        members=["Benin", "Burkina Faso", "Cape Verde", "Côte d'Ivoire", "Ghana", "Gambia", "Guinea", "Guinea-Bissau",
                 "Liberia", "Mali", "Niger", "Nigeria", "Senegal", "Sierra Leone", "Togo"],
        total=15,
        others=group("observer", "c", ["France", "Switzerland"], OBS_PARTNERS_UNSPLIT)
        + group("observer", "o", [
            "Conseil des Organisations Non Gouvernementales d'Appui au Développement (CONGAD)",
            "Economic Community of West African States (ECOWAS)",
            "Institut de Recherche pour le Développement (IRD)", "International Labour Office (ILO)", "IOM",
            "United Nations Office for the Coordination of Humanitarian Affairs (OCHA)",
            "Organisation of African Unity (OAU)",
            "Organisation for Economic Co-operation and Development (OECD)",
            "West African Economic and Monetary Union (UEMOA)", "UNAIDS", "UNHCR",
            "United Nations Children's Fund (UNICEF)", "United Nations Office on Drugs and Crime (UNODC)",
            "World Food Programme (WFP)"], OBS_PARTNERS_UNSPLIT),
        secretariat=[],
        es=["Diálogo sobre la Migración para África Occidental"],
        notes=[
            "No official secretariat; the source points to the 2002 IOM-ECOWAS Memorandum of Understanding as the basis of IOM's support.",
            "The Organisation of African Unity is listed as written although it had been succeeded by the African Union in 2002.",
        ],
    ),
    dict(
        slug="midsa",
        written="Migration Dialogue for Southern Africa (MDSA)",
        region="africa",
        year=2000,
        members=["Angola", "Botswana", "Comoros", "Democratic Republic of the Congo", "Lesotho", "Madagascar",
                 "Malawi", "Mauritius", "Mozambique", "Namibia", "Seychelles", "South Africa", "Swaziland",
                 "Tanzania", "Zambia", "Zimbabwe"],
        total=16,
        others=group("partner", "o", ["Southern African Migration Project (SAMP)", "IOM"], "partner")
        + group("observer", "o", ["Southern African Development Community (SADC) Secretariat"],
                "observer; listed as the SADC Secretariat")
        + group("observer", "o", ["SADC Parliamentary Forum", "the African Union (AU) Commission"], "observer")
        + group("observer", "c", ["United States"], "observer")
        + group("observer", "o", ["UNHCR", "UNDP"], "observer as a relevant UN agency, depending on the workshop theme"),
        secretariat=[],
        es=["Diálogo sobre la Migración en el África Meridional"],
        notes=[
            "The annex writes the acronym as MDSA; it is MIDSA.",
            "No official secretariat; IOM supports the dialogue in consultation with SAMP.",
            "The observer list contains the fragment 'Immigration and Labour' after the SADC Parliamentary Forum, which names no identifiable body; not recorded.",
            "Academics, NGOs, faith-based organizations and regional associations attend workshops ad hoc; none is named.",
        ],
    ),
    dict(
        slug="igad-rcp",
        written="Inter-governmental Authority on Development (IGAD) Regional Consultative Process on migration (IGAD-RCP)",
        region="africa",
        year=2008,
        members=["Djibouti", "Ethiopia", "Kenya", "Somalia", "Sudan", "Uganda"],
        member_notes={n: "IGAD Member State" for n in ["Djibouti", "Ethiopia", "Kenya", "Somalia", "Sudan", "Uganda"]},
        total=6,
        others=[("suspended-member", "c", "Eritrea", "had temporarily suspended its membership; outside the stated total")]
        + group("partner", "o", ["African Union (AU) Commission", "IOM"], "partner")
        + group("partner", "c", ["Austria", "Belgium", "Canada", "Denmark", "France", "Greece", "Germany", "Ireland",
                                 "Italy", "Japan", "Netherlands", "Norway", "Sweden", "UK", "USA"],
                "member of the IGAD Partners Forum")
        + group("partner", "o", ["EC", "United Nations Development Programme (UNDP)", "the World Bank"],
                "member of the IGAD Partners Forum")
        + group("partner", "c", ["Chad", "Egypt", "Libya", "Niger", "Tunisia", "Yemen"], "transit country")
        + group("partner", "o", ["ECOWAS", "EAC", "SADC", "ECCAS", "CENSAD"], "other Regional Economic Community"),
        secretariat=[("o", "IGAD Secretariat")],
        es=["Proceso Consultivo Regional sobre Migración IGAD", "RCP IGAD", "PCR IGAD"],
        notes=[
            "The secretariat is the IGAD Secretariat, working with the AU Commission and IOM; only IGAD is recorded as secretariat.",
            "The cell presents the AU Commission, IOM, the IGAD Partners Forum members and the other bodies together as partners.",
            "NGOs, UN agencies and IGOs invited ad hoc are not named.",
        ],
    ),
    dict(
        slug="apc",
        written="Inter-Governmental Asia-Pacific Consultations on Refugees, Displaced Persons and Migrants (APC)",
        region="asia-and-oceania",
        year=1996,
        members=["Afghanistan", "Australia", "Bangladesh", "Bhutan", "Brunei Darussalam", "Cambodia", "China", "Fiji",
                 "Hong Kong SAR", "India", "Indonesia", "Japan", "Kiribati", "Laos", "Macau SAR", "Malaysia",
                 "Micronesia", "Mongolia", "Myanmar", "Nauru", "Nepal", "New Caledonia (France)", "New Zealand",
                 "Pakistan", "Papua New Guinea", "the Philippines", "Republic of Korea", "Samoa", "Singapore",
                 "Solomon Islands", "Sri Lanka", "Thailand", "Timor-Leste", "Vanuatu", "Vietnam"],
        member_notes={
            "Hong Kong SAR": "Special Administrative Region of China",
            "Macau SAR": "Special Administrative Region of China",
            "New Caledonia (France)": "listed as New Caledonia (France)",
            "New Zealand": "listed with 'until 2003', i.e. a member up to 2003 only",
        },
        total=34,
        chair=["Samoa"],
        others=group("observer", "o", ["IOM", "UNHCR", "Pacific Immigration Directors' Conference (PIDC) Secretariat"],
                     OBS_PARTNERS_UNSPLIT)
        + [("participant", "o",
            "United Nations Inter-agency Project on Human Trafficking in the Greater Mekong Sub-region (UNIAP)",
            "took part in the 8th APC plenary (2003) with that plenary's agreement")],
        secretariat=[("o", "permanent Secretariat")],
        es=["Consultas intergubernamentales de Asia y el Pacífico sobre refugiados, desplazados y migrantes"],
        notes=[
            "35 governments are listed against a stated total of 34: New Zealand is marked as a member until 2003 only, which explains the difference; it is recorded as a former member.",
            "The permanent secretariat dates from January 2007 and supports the coordinator appointed by the chair.",
        ],
    ),
    dict(
        slug="colombo-process",
        written="Colombo Process (Ministerial Consultation on Overseas Employment and Contractual Labour for Countries of Origin in Asia)",
        region="asia-and-oceania",
        year=2003,
        members=["Afghanistan", "Bangladesh", "China", "India", "Indonesia", "Nepal", "Pakistan", "the Philippines",
                 "Sri Lanka", "Thailand", "Vietnam"],
        member_notes={"Afghanistan": "joined officially in 2005"},
        total=11,
        others=[("observer", "c", "Afghanistan", "observer in 2004, before joining in 2005")]
        + group("observer", "c", ["Bahrain", "Italy", "Kuwait", "Malaysia", "Qatar", "Republic of Korea", "Saudi Arabia",
                                  "the United Arab Emirates"], "invited as observer in 2005")
        + group("observer", "o", ["Asian Development Bank (ADB)", "Association of Southeast Asian Nations (ASEAN)",
                                  "Department for International Development UK (DFID)", "EC",
                                  "Gulf Cooperation Council (GCC)", "ILO",
                                  "United Nations Development Fund for Women (UNIFEM)", "the World Bank"],
                "invited as observer in 2005"),
        secretariat=[("o", "IOM")],
        es=["Proceso de Colombo",
            "Consultas ministeriales sobre empleo en ultramar y mano de obra para trabajos por contrata para países de origen en Asia"],
        notes=["The 2003 consultations had no observers; the observer list given is that of 2004 and 2005."],
    ),
    dict(
        slug="abu-dhabi-dialogue",
        written="Abu Dhabi Dialogue (Ministerial Consultations on Overseas Employment and Contractual Labour for Countries of Origin and Destination in Asia)",
        region="asia-and-oceania",
        year=2008,
        members=["Afghanistan", "Bangladesh", "China", "India", "Indonesia", "Nepal", "Pakistan", "the Philippines",
                 "Sri Lanka", "Thailand", "Vietnam",
                 "Bahrain", "Kuwait", "Malaysia", "Oman", "Qatar", "Saudi Arabia", "Singapore",
                 "United Arab Emirates", "Yemen"],
        member_notes={
            **{n: "Colombo Process country" for n in ["Afghanistan", "Bangladesh", "China", "India", "Indonesia", "Nepal",
                                                      "Pakistan", "the Philippines", "Sri Lanka", "Thailand", "Vietnam"]},
            **{n: "Asian destination country" for n in ["Bahrain", "Kuwait", "Malaysia", "Oman", "Qatar", "Saudi Arabia",
                                                        "Singapore", "United Arab Emirates", "Yemen"]},
        },
        total=20,
        others=group("observer", "c", ["France", "Germany", "Japan", "US", "Mauritius", "Republic of Korea", "Poland"],
                     OBS_PARTNERS_UNSPLIT)
        + group("observer", "o", ["EC"], OBS_PARTNERS_UNSPLIT),
        secretariat=[("o", "Ministry of Labour of the State of the United Arab Emirates"), ("o", "IOM")],
        es=["Diálogo de Abu Dhabi",
            "Consultas ministeriales sobre empleo en ultramar y mano de obra para trabajos por contrata para países de origen y destino en Asia"],
        notes=["Joint secretariat of the UAE Ministry of Labour and IOM; both are recorded as secretariat."],
    ),
    dict(
        slug="igc",
        written="Inter-Governmental Consultations on Migration, Asylum and Refugees (IGC)",
        region="others-like-minded-or-thematic",
        year=1985,
        members=["Australia", "Belgium", "Canada", "Denmark", "Finland", "France", "Germany", "Greece", "Ireland",
                 "Netherlands", "New Zealand", "Norway", "Spain", "Sweden", "Switzerland", "the UK", "the USA"],
        total=17,
        chair=["Switzerland"],
        others=group("observer", "o", ["IOM", "UNHCR", "European Commission (EC)"], OBS_PARTNERS_UNSPLIT),
        secretariat=[("o", "IGC Secretariat")],
        es=["Consultas Intergubernamentales sobre Asilo, Refugiados y Políticas de Migración",
            "Consultas Intergubernamentales sobre Asilo, Refugiados y Políticas de Migración en Europa, Norteamérica y Australia"],
        notes=["Listed under the heading 'Others', in its like-minded States sub-group."],
    ),
    dict(
        slug="bali-process",
        written="Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime (Bali Process)",
        region="others-like-minded-or-thematic",
        year=2002,
        members=["Afghanistan", "Australia", "Bangladesh", "Bhutan", "Brunei Darussalam", "Cambodia", "China", "DPRK",
                 "Fiji", "France (New Caledonia)", "Hong Kong SAR", "India", "Indonesia", "Iran", "Iraq", "Japan",
                 "Jordan", "Kiribati", "Laos PDR", "Macau SAR", "Malaysia", "Maldives", "Mongolia", "Myanmar",
                 "Nauru", "Nepal", "New Zealand", "Pakistan", "Palau", "Papua New Guinea", "Philippines",
                 "Republic of Korea", "Samoa", "Singapore", "Solomon Islands", "Sri Lanka", "Syria", "Thailand",
                 "Timor-Leste", "Tonga", "Turkey", "Vanuatu", "Viet Nam"],
        member_notes={
            "Hong Kong SAR": "Special Administrative Region of China",
            "Macau SAR": "Special Administrative Region of China",
            "France (New Caledonia)": "listed as France (New Caledonia)",
        },
        total=42,
        co_chair=["Australia", "Indonesia"],
        others=[("thematic-coordinator", "c", "New Zealand", "thematic coordinator for policy issues and legal frameworks"),
                ("thematic-coordinator", "c", "Thailand", "thematic coordinator for policy issues and law enforcement")]
        + group("participant", "o", ["IOM", "UNHCR"], "has participant status")
        + group("observer", "c", ["Austria", "Belgium", "Canada", "Denmark", "Finland", "Germany", "Italy", "Netherlands",
                                  "Norway", "Poland", "Romania", "Russian Federation", "South Africa", "Spain", "Sweden",
                                  "Switzerland", "the UK", "the USA"], OBS_PARTNERS_UNSPLIT)
        + group("observer", "o", ["Asian Development Bank (ADB)", "APC Secretariat", "EC", "ICMPD",
                                  "International Committee of the Red Cross (ICRC)",
                                  "International Federation of Red Cross and Red Crescent Societies (IFRC)",
                                  "IGC Secretariat", "ILO", "INTERPOL", "United Nations Development Programme (UNDP)",
                                  "United Nations Office on Drugs and Crime (UNODC)", "World Bank"], OBS_PARTNERS_UNSPLIT)
        + group("steering-group-member", "c", ["Australia", "Indonesia", "New Zealand", "Thailand"], "member of the steering group")
        + group("steering-group-member", "o", ["IOM", "UNHCR"], "member of the steering group"),
        secretariat=[],
        es=["Proceso de Bali", "Conferencia sobre el contrabando y la trata de personas y el crimen transnacional conexo"],
        notes=[
            "43 governments are listed against a stated total of 42; the list is recorded in full (the difference is not explained by the source).",
            "No secretariat is named: the process is steered by a steering group (recorded as steering-group memberships).",
            "Listed under the heading 'Others', in its thematically organized sub-group.",
        ],
    ),
]

# ---------------------------------------------------------------------------
# Annex I: IOM offices and the kinds of support IOM gives, per RCP.
# roles: iom-role slugs. notes: our summary of the reading.
# ---------------------------------------------------------------------------

IOM_SUPPORT = {
    "soderkoping-process": dict(
        offices=["iom-kyiv", "iom-chisinau", "iom-minsk"],
        roles=["technical-co-secretariat", "logistical-support", "expert-contribution", "research", "capacity-building"],
        notes=["IOM staffs the secretariat jointly with UNHCR (co-secretariat), sits on the Steering Committee, provides experts to thematic workshops, coordinates regional studies and the researcher network, and organizes capacity-building."],
    ),
    "budapest-process": dict(
        offices=["iom-vienna", "iom-budapest", "iom-ankara"],
        roles=["observer", "expert-contribution"],
        notes=["Annex I gives only regular participation in meetings (under expert contributions); the other columns say not applicable. The Vienna liaison mission leads, coordinating with the Budapest and Ankara offices."],
    ),
    "puebla-process": dict(
        offices=["iom-san-jose", "iom-headquarters"],
        roles=["observer", "secretariat-support", "expert-contribution", "research", "capacity-building",
               "project-implementation", "funding-management"],
        notes=[
            "The RCM row of Annex I has lost its title cell in the extracted text; identified by the San José office and the RCM references.",
            "IOM supports the independent Technical Secretariat, implements the counter-trafficking projects of the RCM and administers the RCM fund for voluntary return of vulnerable migrants (funding-management).",
            "IOM missions in Central and North America also attend meetings; they are not named individually.",
        ],
    ),
    "sacm": dict(
        offices=["iom-buenos-aires", "iom-headquarters"],
        roles=["observer", "technical-secretariat", "logistical-support", "expert-contribution", "research",
               "capacity-building"],
        notes=[
            "The SACM row of Annex I has lost its title cell in the extracted text; identified by the Buenos Aires office and SACM references.",
            "Annex I says IOM acts as technical secretariat while Annex II says there is no official secretariat; the IOM role is recorded, not an iscm:secretariat.",
            "IOM missions in South America also attend meetings; they are not named individually.",
        ],
    ),
    "five-plus-five-dialogue": dict(
        offices=["iom-headquarters", "iom-rome"],
        roles=["observer", "logistical-support", "secretariat-support", "expert-contribution", "research",
               "capacity-building"],
        notes=["The lead IOM office is whichever office is in the country holding the presidency, so it varies; only Headquarters and the Rome office are recorded. The logistical and administrative support concerns the first three conferences (2002-2004)."],
    ),
    "mtm": dict(
        offices=["iom-rome", "iom-headquarters"],
        roles=["observer", "expert-contribution", "project-implementation"],
        notes=["IOM presents at meetings and partners with ICMPD on the migration-and-development strand; project-implementation rests on IOM being listed as a partner on ongoing projects (Annex II)."],
    ),
    "midwa": dict(
        offices=["iom-dakar", "iom-headquarters"],
        roles=["observer", "secretariat-support", "logistical-support", "expert-contribution", "capacity-building"],
        notes=["IOM seeks and provides funding for meetings and organizes them; no research at the time of the source; capacity-building rests on the 2002 IOM-ECOWAS Memorandum of Understanding and includes seconding experts to ECOWAS."],
    ),
    "midsa": dict(
        offices=["iom-pretoria", "iom-headquarters"],
        roles=["secretariat-support", "logistical-support", "expert-contribution", "research", "capacity-building",
               "project-implementation"],
        notes=[
            "IOM runs logistics, administration and fundraising together with SAMP; projects implemented by IOM (a counter-trafficking programme, a labour-migration capacity project for SADC) grew out of the dialogue.",
            "A stray 'Not yet' at the end of the MIDSA capacity-building cell belongs to a misaligned cell and is ignored.",
        ],
    ),
    "igad-rcp": dict(
        offices=["iom-addis-ababa", "iom-headquarters"],
        roles=["secretariat-support", "expert-contribution"],
        notes=["IOM has seconded a technical advisor to the IGAD Secretariat, which runs the secretariat; research and capacity-building are marked as not yet started."],
    ),
    "apc": dict(
        offices=["iom-canberra"],
        roles=["observer", "logistical-support", "expert-contribution"],
        notes=["Logistical support to the APC secretariat (travel of participants, meeting services) and technical input at the coordinator's request. Annex I names 'IOM Canberra', the same office as the Mission with Regional Functions in Canberra named for the Bali Process."],
    ),
    "colombo-process": dict(
        offices=["iom-headquarters", "iom-dhaka"],
        roles=["technical-secretariat", "logistical-support", "expert-contribution", "research", "capacity-building",
               "project-implementation"],
        notes=["IOM serves as secretariat (Annex II), runs logistics and the website, writes background papers, co-chairs and reports on meetings, carries out studies and trainings, and supports follow-up actions. The Dhaka office hosts the website."],
    ),
    "abu-dhabi-dialogue": dict(
        offices=["iom-headquarters", "iom-cairo"],
        roles=["technical-co-secretariat", "logistical-support", "expert-contribution", "research", "capacity-building"],
        notes=["IOM shares the secretariat with the UAE Ministry of Labour, runs logistics, writes background papers, carried out two studies for the first consultation and helps design a pilot project with ILO."],
    ),
    "igc": dict(
        offices=["iom-headquarters"],
        roles=["observer", "secretariat-support", "funding-management", "expert-contribution"],
        notes=["IOM gives the IGC Secretariat its legal and administrative basis (budget implementation and oversight, personnel, legal advice); the Secretariat is governed by the participating States."],
    ),
    "bali-process": dict(
        offices=["iom-bangkok", "iom-canberra", "iom-jakarta"],
        roles=["participant", "logistical-support", "expert-contribution", "funding-management", "capacity-building"],
        notes=["IOM sits on the steering group, administers and reports on the process's funding and website, gives logistical and technical support to meetings, and administers a linked training facility; research is marked as not yet started."],
    ),
}

# ---------------------------------------------------------------------------
# Why the member States entered for a row differ from the total it states (our words); written
# to data/scpf-2009/member-count-notes.ttl as iscm:memberCountNote.
# ---------------------------------------------------------------------------

# Machine-readable qualifiers of memberships (docs/modelling.md), keyed by (row, role as listed,
# member slug): start/end years, capacity, and a role that replaces the listed one (a participant the
# source says has left is a former member). The membership note keeps the wording.
QUALIFIERS = {
    ("apc", "member", "NZL"): dict(role="former-member", end=2003),
    ("apc", "participant", "uniap"): dict(start=2003, end=2003),
    ("colombo-process", "member", "AFG"): dict(start=2005),
    ("colombo-process", "observer", "AFG"): dict(start=2004, end=2005),
    **{("colombo-process", "observer", who): dict(start=2005) for who in (
        "BHR", "ITA", "KWT", "MYS", "QAT", "KOR", "SAU", "ARE", "adb", "asean", "dfid",
        "european-commission", "gcc", "ilo", "unifem", "world-bank")},
}
MEMBER_COUNT_NOTES = {
    "apc": "35 governments are listed against a total of 34. New Zealand is marked as taking part "
           "only until 2003, so the total appears to leave it out; it is entered as a former member "
           "(end year 2003), which leaves 34 members.",
    "bali-process": "43 States and territories are listed against a total of 42 (Hong Kong SAR, Macau "
                    "SAR and New Caledonia included); the source does not say which entry the total "
                    "leaves out, so all 43 are entered.",
}

# ---------------------------------------------------------------------------
# Building the graphs
# ---------------------------------------------------------------------------

ORG_SLUGS: dict[str, str] = {}  # filled in main(): slug -> prefLabel, for checks and aliases
# Candidate organizations (IOM_OFFICES, NEW_ORGS) that another extraction's registry file declares
# -> the slug used there. Fixed, so that every registry entry has one owner file whatever order the
# tools run in.
OWNED_ELSEWHERE = {
    "bsec": "bsec", "caritas": "caritas", "congad": "congad", "dcaf": "dcaf", "dfid": "dfid",
    "escwa": "escwa", "eurojust": "eurojust", "iachr": "iachr", "igc-secretariat": "igc-secretariat",
    "iopcr": "iopcr", "ird": "ird", "oau": "oau", "ocha": "ocha", "pidc-secretariat": "pidc-secretariat",
    "rncom": "rncom", "sadc-pf": "sadc-pf", "seci-centre": "seci-centre", "sela": "sela",
    "swedish-migration-board": "swedish-migration-board", "uae-ministry-of-labour": "uae-ministry-of-labour",
    "un-cicp": "un-cicp", "un-special-rapporteur-migrants": "un-sr-migrants", "unaids": "unaids",
    "unifem": "unifem", "wfp": "wfp",
}
REUSED = OWNED_ELSEWHERE  # the name the code below uses
# --registry-only: write only this tool's registry file (first phase of `make data`).
REGISTRY_ONLY = "--registry-only" in sys.argv[1:]
REGISTRY_HEADER = ("Organizations first named by IOM SCPF/30 (2009), including the IOM offices named in its Annex I.\n"
                   "Generated by tools/extract_scpf2009.py.")


def resolve_agent(kind: str, name: str, index: dict[str, URIRef]) -> URIRef:
    if kind == "c":
        return COUNTRY[country_code(name, EXTRA_COUNTRY_ALIASES)]
    if kind == "o":
        slug = ORG_NAMES[name]
        slug = REUSED.get(slug, slug)
        iri = ORGANIZATION[slug]
        if slug not in ORG_SLUGS:
            raise KeyError(f"organization {slug!r} ({name!r}) is neither in the registry nor in NEW_ORGS")
        return iri
    if kind == "m":
        iri = MECHANISM[MECH_NAMES[name]]
        if iri not in set(index.values()):
            raise KeyError(f"mechanism {iri} not in the registry")
        return iri
    raise ValueError(kind)


def lit(text: str, lang: str | None = "en") -> Literal:
    return Literal(text, lang=lang)


def build_registry() -> Graph:
    g = new_graph()
    for slug, (label, alts) in sorted(IOM_OFFICES.items()):
        if slug in REUSED:
            continue
        s = ORGANIZATION[slug]
        g.add((s, RDF.type, ORG.FormalOrganization))
        g.add((s, SKOS.prefLabel, lit(label)))
        for a in alts:
            g.add((s, SKOS.altLabel, lit(a)))
        g.add((s, ORG.subOrganizationOf, ORGANIZATION.iom))
    for slug, (label, alts, other_lang, parent) in sorted(NEW_ORGS.items()):
        if slug in REUSED:
            continue
        s = ORGANIZATION[slug]
        g.add((s, RDF.type, ORG.FormalOrganization))
        g.add((s, SKOS.prefLabel, lit(label)))
        for a in alts:
            g.add((s, SKOS.altLabel, lit(a)))
        for lang, a in other_lang.items():
            g.add((s, SKOS.altLabel, lit(a, lang)))
        if parent:
            g.add((s, ORG.subOrganizationOf, ORGANIZATION[parent]))
    return g


def build_regions() -> Graph:
    g = new_graph()
    for slug, (label, definition, broader) in REGIONS.items():
        s = REGION[slug]
        g.add((s, RDF.type, SKOS.Concept))
        g.add((s, SKOS.inScheme, REGIONS_SCHEME))
        g.add((s, SKOS.prefLabel, lit(label)))
        if definition:
            g.add((s, SKOS.definition, lit(definition)))
        if broader:
            g.add((s, SKOS.broader, REGION[broader]))
    return g


def build_source() -> Graph:
    g = new_graph()
    g.add((SRC, RDF.type, ISCM.SourceDocument))
    g.add((SRC, DCTERMS.title, lit("Función de la OIM a la hora de apoyar los procesos consultivos regionales sobre migración", "es")))
    g.add((SRC, DCTERMS.issued, year(2009)))
    g.add((SRC, DCTERMS.date, Literal("2009-05-04", datatype=XSD.date)))
    g.add((SRC, DCTERMS.publisher, ORGANIZATION.iom))
    g.add((SRC, DCTERMS.identifier, Literal("SCPF/30")))
    g.add((SRC, DCTERMS.language, Literal("es")))
    g.add((SRC, DCTERMS.language, Literal("en")))
    g.add((SRC, SKOS.editorialNote, lit(
        "Paper for the fourth session of IOM's Standing Committee on Programmes and Finance (May 2009). "
        "Body in Spanish; Annex I (IOM support per RCP) and Annex II (overview of the RCPs) are in English "
        "and describe the situation in April 2009. Extracted by tools/extract_scpf2009.py.")))
    return g


def main() -> None:
    if REGISTRY_ONLY:
        write_turtle(build_registry(), DATA / "registry" / f"organizations-{TAG}.ttl", REGISTRY_HEADER)
        return
    # The registry as it stands without this script's own file (so that re-runs behave the same).
    base = Graph()
    for p in (DATA / "registry").glob("*.ttl"):
        if p.name != f"organizations-{TAG}.ttl":
            base.parse(p)
    index: dict[str, URIRef] = {}
    for s, o in base.subject_objects(SKOS.prefLabel):
        index[normalise(str(o))] = s
    for s, o in base.subject_objects(SKOS.altLabel):
        index.setdefault(normalise(str(o)), s)
    registry_orgs = {str(s).rsplit("/", 1)[-1]: str(o) for s, o in base.subject_objects(SKOS.prefLabel)
                     if str(s).startswith(str(ORGANIZATION)) and (s, RDF.type, ORG.FormalOrganization) in base}
    # Candidates another registry file declares are reused (OWNED_ELSEWHERE, fixed); check that no
    # other candidate is already known to the registry under one of its names.
    candidates = {**{k: (v[0], v[1], {}, None) for k, v in IOM_OFFICES.items()}, **NEW_ORGS}
    typed = set(base.subjects(RDF.type, None))
    for slug, target in OWNED_ELSEWHERE.items():
        if target not in registry_orgs:
            raise SystemExit(f"{slug}: said to be declared elsewhere as {target}, but no registry file does")
    for slug, (label, alts, _other, _parent) in candidates.items():
        if slug in OWNED_ELSEWHERE:
            continue
        # Only IRIs that another registry file defines count: the generated aliases.ttl also
        # carries altLabels for IRIs that only this script defines.
        hits = {index[normalise(n)] for n in [label, *alts]
                if normalise(n) in index and index[normalise(n)] in typed}
        if hits or slug in registry_orgs:
            raise SystemExit(f"{slug}: already in the registry ({hits or slug}); add it to OWNED_ELSEWHERE")
    ORG_SLUGS.update(registry_orgs)
    ORG_SLUGS.update({k: v[0] for k, v in candidates.items() if k not in REUSED})
    if REUSED:
        print("already in the registry, reused: " + ", ".join(f"{k}->{v}" for k, v in sorted(REUSED.items())))

    rcps, members_g, iom_g = new_graph(), new_graph(), new_graph()
    # fact-level citations (docs/modelling.md): each fact at its row of Annex I or Annex II
    rcps_citer, members_citer, iom_citer = Citer(rcps, SLUG), Citer(members_g, SLUG), Citer(iom_g, SLUG)

    def annex_row_args(annex: str, mech: URIRef) -> tuple[str, str, str]:
        path = annex.lower().replace(" ", "-")
        for c in (rcps_citer, members_citer, iom_citer):
            c.part(path, annex)
        return f"{path}/{str(mech).rsplit('/', 1)[-1]}", f"{annex}, row {pref_label(mech)}", path

    def annex_i(mech: URIRef) -> tuple[str, str, str]:
        return annex_row_args("Annex I", mech)

    def annex_ii(mech: URIRef) -> tuple[str, str, str]:
        return annex_row_args("Annex II", mech)
    aliases: set[tuple[str, str, str]] = set()
    counts = []

    def note_alias(kind: str, written: str, iri: URIRef) -> None:
        if written in ALIAS_EXCLUDE:
            return
        if kind == "c":
            code = str(iri).rsplit("/", 1)[-1]
            pref = country_name(code)
            c = pycountry.countries.get(alpha_3=code)
            official = {pref, getattr(c, "name", ""), getattr(c, "official_name", "")} if c else {pref}
            if normalise(written) not in {normalise(x) for x in official if x}:
                aliases.add(("country", written, str(iri)))
        elif kind == "o":
            if normalise(written) != normalise(ORG_SLUGS[str(iri).rsplit("/", 1)[-1]]):
                aliases.add(("organization", written, str(iri)))
        else:
            pref = str(base.value(iri, SKOS.prefLabel))
            if normalise(written) != normalise(pref):
                aliases.add(("mechanism", written, str(iri)))

    for row in RCPS:
        mech = MECHANISM[row["slug"]]
        if mech not in set(index.values()):
            raise SystemExit(f"{mech} is not in the registry")
        if MECH_NAMES[row["written"]] != row["slug"]:
            raise SystemExit(f"row title {row['written']!r} maps elsewhere")
        note_alias("m", row["written"], mech)
        with rcps_citer.at(*annex_ii(mech)):
            rcps.add((mech, RDF.type, ISCM.RegionalConsultativeProcess))
            rcps.add((mech, ISCM.mechanismType, TYPOLOGY.rcp))
            rcps.add((mech, ISCM.yearEstablished, year(row["year"])))
            rcps.add((mech, ISCM.memberCountStated, Literal(row["total"], datatype=XSD.integer)))
            rcps.add((mech, ISCM.listedUnderRegion, REGION[row["region"]]))
            for prop, key in ((ISCM.chair, "chair"), (ISCM.coChair, "co_chair"), (ISCM.incomingChair, "incoming_chair")):
                for name in row.get(key, []):
                    iri = resolve_agent("c", name, index)
                    note_alias("c", name, iri)
                    rcps.add((mech, prop, iri))
            for kind, name in row["secretariat"]:
                iri = resolve_agent(kind, name, index)
                note_alias(kind, name, iri)
                rcps.add((mech, ISCM.secretariat, iri))
        with rcps_citer.at("body", "Body of the paper (Spanish)"):
            for es in row["es"]:
                rcps.add((mech, SKOS.altLabel, lit(es, "es")))
        with rcps_citer.at(*annex_ii(mech)):
            for n in row["notes"]:
                rcps.add((mech, SKOS.editorialNote, lit(n)))

        # memberships
        entries = [("member", "c", n, row.get("member_notes", {}).get(n)) for n in row["members"]] + row["others"]
        seen: dict[URIRef, list[str]] = {}
        final_roles = []
        for role, kind, name, note in entries:
            who = resolve_agent(kind, name, index)
            qualifiers = dict(QUALIFIERS.get((row["slug"], role, str(who).rsplit("/", 1)[-1]), {}))
            role = qualifiers.pop("role", role)
            final_roles.append(role)
            note_alias(kind, name, who)
            m = membership_iri(SLUG, mech, role, who)
            if m in seen:
                raise SystemExit(f"duplicate membership {m} ({name!r})")
            seen[m] = [name]
            annex = annex_i(mech) if note and "(Annex I)" in note else annex_ii(mech)
            members_citer.cite(members_citer.part(*annex), (m, RDF.type, ORG.Membership))
            members_g.add((m, RDF.type, ORG.Membership))
            members_g.add((m, ORG.organization, mech))
            members_g.add((m, ORG.member, who))
            members_g.add((m, ORG.role, ROLE[role]))
            add_membership_basis(members_g, m, note == EU27_NOTE)
            add_membership_qualifiers(members_g, m, **qualifiers)
            if note:
                members_g.add((m, ISCM.membershipNote, Literal(note)))
        n_members = sum(1 for r in final_roles if r == "member")
        roles = Counter(final_roles)
        counts.append((row["slug"], n_members, row["total"], dict(roles)))

        # IOM support (Annex I)
        with iom_citer.at(*annex_i(mech)):
            sup = IOM_SUPPORT[row["slug"]]
            for office in sup["offices"]:
                if office not in IOM_OFFICES:
                    raise SystemExit(f"unknown IOM office {office}")
                iom_g.add((mech, ISCM.iomOffice, ORGANIZATION[REUSED.get(office, office)]))
            for r in sup["roles"]:
                iom_g.add((mech, ISCM.iomRole, IOMROLE[r]))
            for n in sup["notes"]:
                iom_g.add((mech, SKOS.editorialNote, lit(n)))

    if set(IOM_SUPPORT) != {r["slug"] for r in RCPS}:
        raise SystemExit("Annex I and Annex II rows differ")

    for slug, (label, alts) in IOM_OFFICES.items():
        for a in alts:
            if a.startswith("IOM Mission with Regional Functions") or a in {
                    "IOM Kyiv", "IOM Chisinau", "IOM Minsk", "IOM Ankara", "IOM Jakarta", "IOM Canberra",
                    "MRF Buenos Aires", "MRF Pretoria"}:
                aliases.add(("organization", a, str(ORGANIZATION[REUSED.get(slug, slug)])))
    aliases.add(("organization", "IOM's Special Liaison Mission in Vienna", str(ORGANIZATION["iom-vienna"])))
    aliases.add(("organization", "IOM's Special Liaison Mission in Addis Ababa", str(ORGANIZATION["iom-addis-ababa"])))

    for citer in (rcps_citer, members_citer, iom_citer):
        citer.write()
    header = "Source graph scpf-2009 (IOM SCPF/30, 2009). Generated by tools/extract_scpf2009.py; edit the script, not this file."
    write_turtle(build_source(), OUT / "source.ttl", header)
    write_turtle(rcps, OUT / "rcps.ttl", header + "\nAnnex II: the RCPs, their year, stated member totals, chairs, secretariats and region headings; Spanish names from the body.")
    write_turtle(members_g, OUT / "memberships.ttl", header + "\nAnnex II (and the steering groups named in Annex I): governments, observers, partners, participants.")
    write_turtle(iom_g, OUT / "iom-support.ttl", header + "\nAnnex I: IOM offices involved and kinds of IOM support per RCP.")
    notes_g = new_graph()
    notes_citer = Citer(notes_g, SLUG)
    for slug, text in MEMBER_COUNT_NOTES.items():
        if slug not in {r["slug"] for r in RCPS}:
            raise SystemExit(f"member-count note for unknown row {slug}")
        notes_g.add((MECHANISM[slug], ISCM.memberCountNote, lit(text)))
        path, locator, parent = annex_ii(MECHANISM[slug])
        notes_citer.part(parent, "Annex II")
        notes_citer.cite(notes_citer.part(path, locator, parent), (MECHANISM[slug], ISCM.memberCountNote, lit(text)))
    notes_citer.write()
    write_turtle(notes_g, OUT / "member-count-notes.ttl",
                 header + "\nWhy the governments listed differ from the stated totals (our words).")
    write_turtle(build_registry(), DATA / "registry" / f"organizations-{TAG}.ttl", REGISTRY_HEADER)
    write_turtle(build_regions(), ROOT / "ontology" / "taxonomies" / "regions" / f"{TAG}.ttl",
                 "Region headings used by IOM SCPF/30 (2009), Annexes I and II. Generated by tools/extract_scpf2009.py.")
    alias_path = ROOT / "tools" / "aliases" / f"{TAG}.tsv"
    alias_path.write_text("".join(f"{k}\t{w}\t{i}\n" for k, w, i in sorted(aliases)), encoding="utf-8")

    check(counts)


def check(counts) -> None:
    """Parse what was written and check references; print member counts against stated totals."""
    written = [OUT / f for f in ("source.ttl", "rcps.ttl", "memberships.ttl", "iom-support.ttl",
                                 "member-count-notes.ttl")]
    written += [DATA / "registry" / f"organizations-{TAG}.ttl", ROOT / "ontology" / "taxonomies" / "regions" / f"{TAG}.ttl"]
    data = Graph()
    for p in written:
        data.parse(p)
    reg = Graph()
    for p in (DATA / "registry").glob("*.ttl"):
        reg.parse(p)
    known = set(reg.subjects(RDF.type, None))
    problems = []
    for s, p, o in data:
        for term in (s, o):
            if not isinstance(term, URIRef):
                continue
            t = str(term)
            if t.startswith(str(COUNTRY)):
                code = t.rsplit("/", 1)[-1]
                if code != "XKX" and pycountry.countries.get(alpha_3=code) is None:
                    problems.append(f"bad country code {code}")
            elif t.startswith(str(ORGANIZATION)) or t.startswith(str(MECHANISM)):
                if term not in known:
                    problems.append(f"unknown {t}")
    regions = Graph().parse(ROOT / "ontology" / "taxonomies" / "regions" / f"{TAG}.ttl")
    for o in data.objects(None, ISCM.listedUnderRegion):
        if (o, RDF.type, SKOS.Concept) not in regions:
            problems.append(f"unknown region {o}")
    print(f"{'mechanism':28} members  stated  other roles")
    for slug, n, total, roles in counts:
        flag = "" if n == total else "  <-- differs"
        others = ", ".join(f"{r}={c}" for r, c in sorted(roles.items()) if r != "member")
        print(f"{slug:28} {n:7} {total:7}  {others}{flag}")
    print(f"memberships: {len(set(data.subjects(RDF.type, ORG.Membership)))}; triples written: {len(data)}")
    if problems:
        print("PROBLEMS:\n  " + "\n  ".join(sorted(set(problems))))
        raise SystemExit(1)
    print("all references resolve; all country codes are ISO 3166-1 alpha-3")


if __name__ == "__main__":
    main()
