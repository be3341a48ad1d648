"""Section I (RCPs by region) of the IOM overview table of ISCMs, c. 2016-17 -> Turtle.

Source: seed 000_737363bf380c41ca.txt, lines 8-74 (19 RCP rows); source slug ``overview-2017``.
The facts below were read by hand from the table. The PDF extraction misaligns cells, so each
fact is placed where it belongs, not where the extraction put it (e.g. steering committees and
boards that sit in the "Secretariat" column are recorded as memberships).

Writes only:
  data/overview-2017/source.ttl
  data/overview-2017/rcps.ttl
  data/overview-2017/member-count-notes.ttl (all three sections of the table)
  ontology/taxonomies/regions/overview2017_rcps.ttl
  data/registry/organizations-overview2017_rcps.ttl
  tools/aliases/overview2017_rcps.tsv

Run: .venv/bin/python tools/extract_overview2017_rcps.py
The "main areas of discussion" and "current priorities" columns are deliberately not extracted.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS, XSD

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    DATA, ID, ISCM, IOMROLE, MECHANISM, ORG, ORGANIZATION, REGION, ROLE, ROOT, SOURCE, TYPOLOGY,
    country, country_code, membership_iri, new_graph, normalise, state_label, write_turtle, year,
    add_membership_basis, add_membership_qualifiers, Citer, OVERVIEW_SECTIONS, row_block,
)

TAG = "overview2017_rcps"
SLUG = "overview-2017"
SRC = SOURCE[SLUG]
OUT_DIR = DATA / SLUG
REGIONS_FILE = ROOT / "ontology" / "taxonomies" / "regions" / f"{TAG}.ttl"
ORG_FILE = DATA / "registry" / f"organizations-{TAG}.ttl"
ALIAS_FILE = ROOT / "tools" / "aliases" / f"{TAG}.tsv"
REGION_SCHEME = URIRef("https://w3id.org/iscm/id/scheme/regions")

# Country spellings of this source that common.country() does not resolve on its own.
EXTRA_COUNTRY_ALIASES = {
    "Anguila and Barbuda": "ATG",  # sic; a single list entry, read as Antigua and Barbuda
    "Domina": "DMA",  # sic, Dominica
    "Wallis and Futana": "WLF",  # sic
    "CNMI (Commonwealth North Marina Islands)": "MNP",  # sic
    "FSM (The Federated States of Micronesia)": "FSM",
    "Hong Kong (SAR of China)": "HKG",
    "Macau (SAR of China)": "MAC",
    "St. Vincent and the Grenadines": "VCT",
}

EU28 = ("Austria, Belgium, Bulgaria, Croatia, Cyprus, Czech Republic, Denmark, Estonia, Finland, "
        "France, Germany, Greece, Hungary, Ireland, Italy, Latvia, Lithuania, Luxembourg, Malta, "
        "Netherlands, Poland, Portugal, Romania, Slovakia, Slovenia, Spain, Sweden, United Kingdom")

# ---------------------------------------------------------------------------------------------
# New organizations (not in data/registry/organizations.ttl when this was written).
# slug -> (prefLabel@en, [altLabels]). Each is defined in our registry file only if no other
# registry file already knows one of its names; otherwise the existing IRI is used.
# ---------------------------------------------------------------------------------------------
NEW_ORGS = {
    "bsec": ("Organization of the Black Sea Economic Cooperation", ["BSEC"]),
    "eurasec": ("Eurasian Economic Community", ["EurAsEC"]),
    "selec": ("Southeast European Law Enforcement Center", ["SELEC"]),
    "european-communications-office": ("European Communications Office", []),
    "eui": ("European University Institute", ["EUI"]),
    "rcc": ("Regional Cooperation Council", ["RCC"]),
    "iachr": ("Inter-American Commission on Human Rights", ["IACHR", "Inter-American Commission for Human Rights"]),
    "un-special-rapporteur-migrants": ("United Nations Special Rapporteur on the Human Rights of Migrants",
                                       ["UN Special Rapporteur on the Human Rights of Migrants"]),
    "rncom": ("Regional Network for Civil Organizations on Migration", ["RNCOM"]),
    "sela": ("Latin American and Caribbean Economic System", ["SELA", "Latin American Economic System"]),
    "congad": ("Conseil des Organisations Non Gouvernementales d'Appui au Développement", ["CONGAD"]),
    "ird": ("Institut de Recherche pour le Développement", ["IRD"]),
    "unaids": ("Joint United Nations Programme on HIV/AIDS", ["UNAIDS"]),
    "oau": ("Organization of African Unity", ["OAU"]),
    "ocha": ("United Nations Office for the Coordination of Humanitarian Affairs", ["OCHA"]),
    "wfp": ("World Food Programme", ["WFP"]),
    "sadc-pf": ("SADC Parliamentary Forum", ["SADC PF"]),
    "save-the-children": ("Save the Children International", ["Save the Children Internat'l"]),
    "idc": ("International Detention Coalition", ["IDC"]),
    "iata": ("International Air Transport Association", ["IATA"]),
    "picp": ("Pacific Islands Chiefs of Police", ["PICP"]),
    "intra-acp-migration-facility": ("Intra-ACP Migration Facility",
                                     ["African, Caribbean and Pacific (ACP) Intra-Migration Facility"]),
    "bali-process-rso": ("Bali Process Regional Support Office", []),
    "dfid": ("Department for International Development", ["DFID", "Department for International Development UK"]),
    "unifem": ("United Nations Development Fund for Women", ["UNIFEM"]),
    "un-women": ("United Nations Entity for Gender Equality and the Empowerment of Women", ["UN Women"]),
    "bomca": ("Border Management Programme in Central Asia", ["BOMCA"]),
    "caricc": ("Central Asian Regional Information and Coordination Centre", ["CARICC"]),
    "csto": ("Collective Security Treaty Organization", ["CSTO"]),
    "cica": ("Conference on Interaction and Confidence-Building Measures in Asia", ["CICA"]),
    "eurasian-development-bank": ("Eurasian Development Bank", ["EDB"]),
    "sco": ("Shanghai Cooperation Organisation", ["SCO"]),
    "undss": ("United Nations Department of Safety and Security", ["UNDSS"]),
    "unrcca": ("United Nations Regional Centre for Preventive Diplomacy for Central Asia", ["UNRCCA"]),
    # Secretariat offices: other extraction files may define these too; labels kept identical.
    "igc-secretariat": ("IGC Secretariat", []),
    "pidc-secretariat": ("PIDC Secretariat", []),
    "igad-secretariat": ("IGAD Secretariat", []),
    "rcm-technical-secretariat": ("Technical Secretariat of the Regional Conference on Migration",
                                  ["RCM Technical Secretariat"]),
    "sacm-technical-secretariat": ("Technical Secretariat of the South American Conference on Migration",
                                   ["SACM Technical Secretariat"]),
    "usaid": ("United States Agency for International Development", ["USAID"]),
}

SUB_ORG_OF = {"igad-secretariat": "igad"}

# Organization / mechanism names as written in this source -> IRI slug, where the written form
# is not a registry label. Everything else is resolved through the registry labels.
ORG_NAME_MAP = {
    "Executive Committee of the Commonwealth of Independent States (CIS)": "cis",
    "General Secretariat of the Council of the European Union (EU)": "council-of-the-eu",
    "International Labour Organization (ILO)": "ilo",
    "Migration, Asylum, Refugees Regional Initiative (MARRI)": "marri",
    "Office of the United Nations High Commissioner for Refugees (UNHCR)": "unhcr",
    "United Nations Office on Drugs and Crime (UNODC)": "unodc",
    "International Federation of Red Cross and Red Crescent Societies (IFRC)": "ifrc",
    "United Nations Development Programme (UNDP)": "undp",
    "Organization for Security and Co-operation in Europe (OSCE)": "osce",
    "Central American Integration System (SICA)": "sica",
    "Economic Commission for Latin America and the Caribbean (ECLAC)": "eclac",
    "Ibero-American General Secretariat (SEGIB)": "segib",
    "Inter-American Commission for Human Rights (IACHR)": "iachr",
    "United Nations Population Fund (UNFPA)": "unfpa",
    "International Committee of the Red Cross (ICRC)": "icrc",
    "Regional Network for Civil Organizations on Migration (RNCOM)": "rncom",
    "United Nations Educational, Scientific and Cultural Organization (UNESCO)": "unesco",
    "Conseil des Organisations Non Gouvernementales d'Appui au Développement (CONGAD)": "congad",
    "Institut de Recherche pour le Développement (IRD)": "ird",
    "Organisation for Economic Co-operation and Development (OECD)": "oecd",
    "Organization of African Unity (OAU)": "oau",
    "United Nations Office for the Coordination of Humanitarian Affairs (OCHA)": "ocha",
    "West African Economic and Monetary Union (UEMOA)": "uemoa",
    "World Food Programme (WFP)": "wfp",
    "SADC Secretariat": "sadc",
    "the African Union": "african-union",
    "the World Bank": "world-bank",
    "World Bank Group": "world-bank",
    "the EAC": "eac",
    "the SADC": "sadc",
    "Economic Community of Central African States (ECCAS)": "eccas",
    "International Air Transport Association (IATA)": "iata",
    "International Organization for Migration (IOM)": "iom",
    "Pacific Islands Chiefs of Police (PICP)": "picp",
    "Pacific Islands Forum Secretariat (PIFS)": "pif",
    "United Nations High Commissioner for Refugees (UNHCR)": "unhcr",
    "Association of Southeast Asian Nations (ASEAN)": "asean",
    "Cooperation Council for Arab States of the Gulf (GCC)": "gcc",
    "Department for International Development UK (DFID)": "dfid",
    "ASEAN Secretariat": "asean",
    "European Asylum Support Office (EASO)": "easo",
    "League of Arab States (LAS)": "league-of-arab-states",
    "International Centre for Migration Policy Development (ICMPD)": "icmpd",
    "Economic Community of West African States (ECOWAS)": "ecowas",
    "European Union": "european-union",
    # The secretariat of the APC (a mechanism) is the organization apc-secretariat, as in the
    # scpf-2009 and review-2013 graphs; the mechanism itself is not the observer.
    "APC Secretariat": "apc-secretariat",
}
MECH_NAME_MAP: dict[str, str] = {}


@dataclass(frozen=True)
class E:
    """A participant as the source writes it: kind c(ountry) / o(rganization) / m(echanism)."""
    kind: str
    name: str
    note: str | None = None


def C(names: str, note: str | None = None) -> list[E]:
    """Comma-separated list of State names (none of which contains a comma)."""
    return [E("c", n.strip(), note) for n in names.split(",") if n.strip()]


def O(*names: str, note: str | None = None) -> list[E]:
    return [E("o", n, note) for n in names]


def M(*names: str, note: str | None = None) -> list[E]:
    return [E("m", n, note) for n in names]


# ---------------------------------------------------------------------------------------------
# The 19 rows of section I. Keys:
#   slug, name (English name as written), fr, es, region, year, total, chair, cochair,
#   groups: [(role, [E...], group note)], secretariat, assoc, iomrole, homepage, replaces, notes
# ---------------------------------------------------------------------------------------------
UNLABELLED = "listed without a role label in the column headed observers/partners; recorded as observer"

RCPS: list[dict] = [
    dict(
        slug="budapest-process", name="Budapest Process",
        fr="Processus de Budapest", es="Proceso de Budapest",
        region="europe-and-former-soviet-union", year="1991", total=49,
        chair=C("Turkey"), cochair=C("Hungary"),
        groups=[
            ("member", C("Albania, Armenia, Austria, Azerbaijan, Belarus, Belgium, Bosnia and Herzegovina, "
                         "Bulgaria, Croatia, Cyprus, Czech Republic, Denmark, Estonia, Finland, France, Georgia, "
                         "Germany, Greece, Hungary, Ireland, Italy, Kazakhstan, Kyrgyzstan, Latvia, Liechtenstein, "
                         "Lithuania, Luxembourg, the former Yugoslav Republic of Macedonia, Malta, Republic of "
                         "Moldova, Montenegro, Netherlands, Norway, Poland, Portugal, Romania, Russian Federation, "
                         "Serbia, Slovakia, Slovenia, Spain, Sweden, Switzerland, Tajikistan, Turkey, Turkmenistan, "
                         "Ukraine, United Kingdom, Uzbekistan"), None),
            ("participant", C("Afghanistan, Iraq, Pakistan"),
             "listed separately, after the stated total, as a participating country of the Silk Routes Region"),
            ("observer", C("Australia, Bangladesh, Canada, China, India, Iran (Islamic Republic of), "
                           "United States of America"), UNLABELLED),
            ("regular-participant", O(
                "Organization of the Black Sea Economic Cooperation",
                "Executive Committee of the Commonwealth of Independent States (CIS)",
                "Council of Europe", "Eurasian Economic Community", "European Commission", "Europol", "Frontex",
                "International Labour Organization (ILO)", "INTERPOL", "IOM", "SELEC",
                "Migration, Asylum, Refugees Regional Initiative (MARRI)",
                "Office of the United Nations High Commissioner for Refugees (UNHCR)",
                "United Nations Office on Drugs and Crime (UNODC)"), None),
            ("participant", O(
                "European Communications Office", "European Asylum Support Office",
                "General Secretariat of the Council of the European Union (EU)", "European University Institute",
                "International Federation of Red Cross and Red Crescent Societies (IFRC)",
                "Regional Cooperation Council", "United Nations Development Programme (UNDP)",
                "Organization for Security and Co-operation in Europe (OSCE)"),
             "listed under 'Also' after the regular participants"),
        ],
        secretariat=O("International Centre for Migration Policy Development (ICMPD)"),
        homepage=["www.budapestprocess.org"],
        org_homepages={"icmpd": "www.icmpd.org"},
        notes=["The CIS entry is the Executive Committee of the CIS and the Council of the EU entry is its "
               "General Secretariat; both are recorded against the parent organization.",
               "The current-priorities column says Bangladesh, China and Iran joined as observer States in "
               "phase III; this agrees with reading the unlabelled States in the observers column as observers."],
    ),
    dict(
        slug="prague-process", name="Prague Process",
        fr="Processus de Prague", es="Proceso de Praga",
        region="europe-and-former-soviet-union", year="2009", total=50,
        chair=C("Poland"),
        groups=[
            ("member", C("Albania, Armenia, Austria, Azerbaijan, Belarus, Belgium, Bosnia and Herzegovina, "
                         "Bulgaria, Croatia, Cyprus, Czech Republic, Denmark, Estonia, Finland, France, Georgia, "
                         "Germany, Greece, Hungary, Ireland, Italy, Kazakhstan, Kyrgyzstan, Latvia, Liechtenstein, "
                         "Lithuania, Luxembourg, Malta, Montenegro, Netherlands, Norway, Poland, Portugal, "
                         "Republic of Moldova, Romania, Russian Federation, Serbia, Slovakia, Slovenia, Spain, "
                         "Sweden, Switzerland, Tajikistan, the former Yugoslav Republic of Macedonia, Turkey, "
                         "Turkmenistan, Ukraine, United Kingdom, Uzbekistan"), None),
            ("member", C("UNSC resolution 1244-administered Kosovo"),
             "listed after the chair line, before the stated total"),
            ("member", O("European Commission"), "listed with the participating countries, just before the stated total"),
            ("steering-group-member", C("Poland, Czech Republic, Germany, Hungary, Slovakia, Sweden, Romania"),
             "Steering Committee (listed in the secretariat column)"),
        ],
        secretariat=O("ICMPD"),
        homepage=["http://www.pragueprocess.eu"],
        org_homepages={"icmpd": "www.icmpd.org"},
        notes=["Observers column reads that there are none at present.",
               "Secretariat recorded as ICMPD: the source names a Project Support Unit run by ICMPD.",
               "The participants cell has 51 entries (49 States, then Kosovo (UNSCR 1244), then the European "
               "Commission) against a stated total of 50; the source does not say which entry the total "
               "leaves out. The 50 States and territories listed equal the total."],
    ),
    dict(
        slug="eap-panel", name="Eastern Partnership (EaP) Panel on Migration and Asylum (former Söderköping Process)",
        region="europe-and-former-soviet-union", year="2001", total=34,
        chair=C("Belgium"),
        groups=[
            ("member", C(EU28), "listed as '28 EU Member States'"),
            ("member", C("Armenia, Azerbaijan, Belarus, Georgia, Moldova, Ukraine"), None),
            ("observer", O("European Commission", "IOM"), None),
        ],
        assoc=O("European Commission", "European Union"),
        iomrole=["secretariat-support"],
        homepage=["http://eapmigrationpanel.org/en"],
        replaces="soderkoping-process",
        notes=["The 2001 founding year given is that of the predecessor Söderköping Process.",
               "No secretariat is named: the secretariat column says the EU funds the Panel, the European "
               "Commission coordinates it and the IOM Mission in Ukraine gives general and meeting support "
               "and runs the website; recorded as associated organizations and an IOM role.",
               "No French or Spanish name is given for this row."],
    ),
    dict(
        slug="puebla-process", name="Puebla Process (Regional Conference on Migration, RCM)",
        fr="Processus de Puebla (Conférence régionale sur les migrations)",
        es="Proceso de Puebla (Conferencia Regional sobre Migración)",
        region="americas-and-caribbean", year="1996", total=11,
        chair=C("El Salvador"),
        groups=[
            ("member", C("Belize, Canada, Costa Rica, Dominican Republic, El Salvador, Guatemala, Honduras, Mexico, "
                         "Nicaragua, Panama, United States of America"), None),
            ("observer", C("Argentina, Colombia, Ecuador, Jamaica, Peru"), None),
            ("observer", O("Central American Integration System (SICA)",
                           "Economic Commission for Latin America and the Caribbean (ECLAC)",
                           "Ibero-American General Secretariat (SEGIB)",
                           "Inter-American Commission for Human Rights (IACHR)", "IOM",
                           "UN Special Rapporteur on the Human Rights of Migrants", "UNHCR",
                           "United Nations Population Fund (UNFPA)", "UNICEF"), None),
            ("partner", O("International Committee of the Red Cross (ICRC)"), None),
            ("participant", O("Regional Network for Civil Organizations on Migration (RNCOM)"),
             "civil-society network; the source says it is neither member nor observer but takes part in "
             "seminars, workshops and conferences"),
        ],
        secretariat=O("RCM Technical Secretariat"),
        iomrole=["secretariat-support"],
        homepage=["http://www.rcmvs.org/"],
        notes=["The secretariat is the RCM's own Technical Secretariat, to which IOM gives technical "
               "cooperation and administrative support.",
               "Chair is held pro tempore; written as the Government of El Salvador."],
    ),
    dict(
        slug="sacm", name="SACM (South American Conference on Migration) (formerly Lima Process)",
        fr="Conférence sud-américaine sur les migrations", es="Conferencia Sudamericana sobre Migraciones",
        region="americas-and-caribbean", year="2000", total=12,
        chair=C("Uruguay"),
        groups=[
            ("member", C("Argentina, Bolivia (Plurinational State of), Brazil, Chile, Colombia, Ecuador, Guyana, "
                         "Paraguay, Peru, Suriname, Uruguay, Venezuela (Bolivarian Republic of)"), None),
            ("observer", C("Australia, Canada, France, Italy, Mexico, Spain, Switzerland, United States of America"),
             UNLABELLED),
            ("observer", O("Andean Community of Nations", "ECLAC", "ILO", "IOM", "Latin American Economic System",
                           "United Nations Educational, Scientific and Cultural Organization (UNESCO)", "UNHCR"),
             UNLABELLED),
        ],
        secretariat=O("SACM Technical Secretariat"),
        iomrole=["secretariat-support"],
        homepage=["http://csm-osumi.org"],
        notes=["Former name Lima Process is already an alternative label of this mechanism in the registry.",
               "The organizations list also names unspecified Catholic-affiliated and human-rights groups; "
               "not recorded as participants.",
               "The secretariat is the SACM's own Technical Secretariat, to which IOM gives technical "
               "cooperation and administrative support."],
    ),
    dict(
        slug="cmc", name="Caribbean Migration Consultations (CMC)",
        region="americas-and-caribbean", year="2016", total=17,
        groups=[
            ("member", C("Anguila and Barbuda, Bahamas, Barbados, Belize, Bermuda, Cuba, Domina, Dominican Republic, "
                         "Grenada, Guyana, Haiti, Jamaica, St. Lucia, St. Kitts and Nevis, "
                         "St. Vincent and the Grenadines, Suriname, Trinidad and Tobago"), None),
            ("observer", C("US, Netherlands"),
             "listed under observer States although no observership rule exists; invited to the most recent meeting"),
            ("observer", O("IOM", "UNHCR"), None),
        ],
        notes=["No chair recorded: Trinidad and Tobago hosted the latest meeting but, per the source, has not "
               "been elected or recognized as chair, the CMC having no rules on a presidency yet.",
               "No secretariat exists; members have asked IOM and UNHCR for support in developing the CMC.",
               "'Anguila and Barbuda' is one entry of the 17 and is read as Antigua and Barbuda; 'Domina' is "
               "read as Dominica. Bermuda is a territory of the United Kingdom."],
    ),
    dict(
        slug="five-plus-five-dialogue",
        name="5 + 5 Dialogue (Regional Ministerial Conference on Migration in the Western Mediterranean)",
        fr="Dialogue 5+5 (Conférence ministérielle régionale sur la migration en Europe occidentale)",
        es="Diálogo 5 + 5 (Conferencia Ministerial del Mediterráneo Occidental sobre Migración)",
        region="western-mediterranean", year="2002", total=10,
        chair=C("France"),
        groups=[
            ("member", C("Algeria, France, Italy, Libya, Malta, Mauritania, Morocco, Portugal, Spain, Tunisia"), None),
            ("observer", O("IOM", "ILO", "ICMPD"), UNLABELLED),
        ],
        assoc=O("Western Mediterranean Forum", "Union for the Mediterranean"),
        iomrole=["logistical-support"],
        notes=["This row's table carries the header 'RCP-Debatable' in place of 'RCP': the source marks its "
               "RCP status as debatable. It is still typed as an RCP here.",
               "Chair given as France for 2017.",
               "No official secretariat. IOM has given technical cooperation and logistical support on request "
               "in the past; the Union for the Mediterranean secretariat facilitates projects identified in the "
               "Western Mediterranean Forum framework (recorded as associated organizations).",
               "The French name as printed says 'Europe occidentale' where the other languages say Western "
               "Mediterranean; kept as printed."],
    ),
    dict(
        slug="midwa", name="MIDWA (Migration Dialogue for West Africa)",
        fr="Dialogue sur la migration pour l'Afrique de l'Ouest",
        es="Diálogo sobre la Migración para África Occidental",
        region="africa", year="2001", total=15,
        chair=C("Nigeria"),
        groups=[
            ("member", C("Benin, Burkina Faso, Cabo Verde, Côte d'Ivoire, Ghana, Gambia, Guinea, Guinea-Bissau, "
                         "Liberia, Mali, Niger, Nigeria, Senegal, Sierra Leone, Togo"), None),
            ("observer", C("France, Switzerland"), UNLABELLED),
            ("observer", O("Conseil des Organisations Non Gouvernementales d'Appui au Développement (CONGAD)",
                           "ECOWAS", "Institut de Recherche pour le Développement (IRD)", "ILO", "IOM", "UNAIDS",
                           "UNHCR", "Organisation for Economic Co-operation and Development (OECD)",
                           "Organization of African Unity (OAU)", "UNICEF",
                           "United Nations Office for the Coordination of Humanitarian Affairs (OCHA)", "UNODC",
                           "West African Economic and Monetary Union (UEMOA)", "World Food Programme (WFP)"),
             UNLABELLED),
            ("steering-group-member", C("Senegal, Ivory Coast, Mali, Niger, Ghana, Nigeria, Guinea, Cabo Verde, "
                                        "Mauritania"),
             "Steering Committee member State (listed in the secretariat column)"),
            ("observer", O("European Union", "International Organization for Migration") + C("Switzerland") +
             O("ECOWAS"), "observer on the Steering Committee (listed in the secretariat column)"),
        ],
        secretariat=O("ECOWAS"),
        assoc=O("ECOWAS"),
        iomrole=["secretariat-support"],
        notes=["Chair follows the ECOWAS chair, at the time Nigeria.",
               "Secretariat ad interim: the ECOWAS Directorate of Free Movement and Tourism.",
               "Mauritania is on the Steering Committee but not in the member list; the current-priorities "
               "column says it attended the 2016 meeting alongside the 15 member States."],
    ),
    dict(
        slug="midsa", name="MIDSA (Migration Dialogue for Southern Africa)",
        fr="Dialogue sur la migration pour l'Afrique australe",
        es="Diálogo sobre la Migración en el África Meridional",
        region="africa", year="2000", total=15,
        chair=C("Swaziland"),
        groups=[
            ("member", C("Angola, Botswana, Democratic Republic of the Congo, Lesotho, Madagascar, Malawi, Mauritius, "
                         "Mozambique, Namibia, Seychelles, South Africa, Swaziland, United Republic of Tanzania, "
                         "Zambia, Zimbabwe"), None),
            ("observer", C("Australia, Canada, Denmark, the Netherlands, Norway, Sweden, Switzerland, "
                           "the United Kingdom, the United States of America"), None),
            ("observer", O("SADC Secretariat", "SADC Parliamentary Forum"), None),
            ("observer", O("AU Commission"), "observer institution on an ad hoc or thematic basis"),
            ("partner", O("Save the Children Internat'l", "UNHCR", "UNODC", "UNICEF", "IDC"), None),
        ],
        iomrole=["secretariat-support"],
        homepage=["www.migrationdialogue.org/"],
        incoming=C("South Africa"),
        notes=[
               "No official secretariat; IOM gives technical and administrative support. The Southern African "
               "Migration Project (SAMP) is named as a major facilitator of workshops (no property for this).",
               "Observer institutions also include unnamed UN agencies, IGOs and diplomatic missions; "
               "academic and civil-society bodies are invited to workshops ad hoc. Not recorded.",
               "'IDC' among the partners is read as the International Detention Coalition."],
    ),
    dict(
        slug="igad-rcp",
        name="IGAD-RCP (Inter-governmental Authority on Development - Regional Consultative Process on Migration)",
        fr="Processus consultatif régional de l'Autorité intergouvernementale pour le développement pour la migration",
        es="Proceso Consultivo Regional sobre Migración IGAD (Autoridad Intergubernamental para el Desarrollo)",
        region="africa", year="2008", total=7,
        chair=C("Ethiopia"),
        groups=[
            ("member", C("Djibouti, Ethiopia, Kenya, Somalia, Sudan, South Sudan, Uganda"), "IGAD member State"),
            ("suspended-member", C("Eritrea"), "membership temporarily suspended"),
            ("partner", C("Austria, Belgium, Canada, Denmark, France, Greece, Germany, Ireland, Italy, Japan, "
                          "Netherlands, Norway, Sweden, the United Kingdom, the United States of America"), None),
            ("partner", O("AU Commission", "IOM", "the African Union", "European Commission", "UNDP",
                          "the World Bank"), None),
            ("partner", C("Chad, Egypt, Libya, Niger, Tunisia, Yemen"), "other partner: transit country"),
            ("partner", O("ECOWAS", "the EAC", "the SADC", "Economic Community of Central African States (ECCAS)",
                          "CEN-SAD"), "other partner: regional economic community"),
        ],
        secretariat=O("IGAD Secretariat"),
        assoc=O("IGAD"),
        iomrole=["secretariat-support"],
        notes=["The IGAD Secretariat runs the secretariat in collaboration with the AU Commission and IOM.",
               "The partner list also mentions NGOs, UN agencies and IGOs taking part ad hoc; not recorded."],
    ),
    dict(
        slug="midcom",
        name="MIDCOM (Migration Dialogue from the Common Market for Eastern and Southern Africa Member States) "
             "formerly COMESA-RCP",
        fr="PCR du COMESA (Marché commun de l'Afrique de l'Est et de l'Afrique australe)",
        es="COMESA-RCP (Mercado Común para África Oriental y Meridional procesos consultivos regionales sobre migración)",
        region="africa", year="2013", total=19,
        chair=C("Ethiopia"),
        groups=[
            ("member", C("Burundi, Comoros, Democratic Republic of the Congo, Djibouti, Egypt, Eritrea, Ethiopia, "
                         "Kenya, Libya, Madagascar, Malawi, Mauritius, Rwanda, Seychelles, Sudan, Swaziland, Uganda, "
                         "Zambia, Zimbabwe"), None),
        ],
        secretariat=O("COMESA"),
        assoc=O("COMESA"),
        iomrole=["secretariat-support"],
        replaces="comesa-rcp",
        notes=["The French and Spanish names given are those of the former COMESA-RCP.",
               "No observers named: the cell only provides for RECs, the AU, other RCPs, UN agencies and IGOs "
               "to take part as observers.",
               "The COMESA Secretariat acts as secretariat pending a decision; IOM gives secretariat support."],
    ),
    dict(
        slug="midcas", name="MIDCAS (Migration Dialogue for Central African States)",
        fr="Dialogue Inter-Etats sur les Migrations en Afrique Centrale",
        es="Diálogo sobre la Migración para Países de África Central",
        region="africa", year="2014", total=10,
        chair=C("Gabon"),
        groups=[
            ("member", C("Angola, Burundi, Cameroon, Chad, Central African Republic, Congo, "
                         "Democratic Republic of the Congo, Gabon, Equatorial Guinea, Sao Tome and Principe"), None),
        ],
        secretariat=O("ECCAS"),
        assoc=O("ECCAS"),
        notes=["Year: endorsement by the ECCAS Council of Ministers in 2014.",
               "Chair recorded from the 'Current Presidency' line.",
               "Observers are under discussion.",
               "The ECCAS Secretariat acts as secretariat pending a decision."],
    ),
    dict(
        slug="pidc", name="Pacific Immigration Director's Conference (PIDC)",
        region="asia-and-oceania", year="1996", total=23,
        chair=C("New Zealand"),
        secretariat=O("PIDC Secretariat"),
        groups=[
            ("member", C("American Samoa, Australia, CNMI (Commonwealth North Marina Islands), Cook Islands, "
                         "FSM (The Federated States of Micronesia), Fiji, French Polynesia, Guam, Kiribati, "
                         "Marshall Islands, Nauru, New Zealand, New Caledonia, Niue, Norfolk Island, Palau, "
                         "Papua New Guinea, Samoa, Solomon Islands, Tonga, Tuvalu, Vanuatu, Wallis and Futana"),
             "membership is held by the government immigration agency"),
            ("observer", C("Canada", note="through its border services and immigration agencies") +
             C("USA", note="through US Immigration and Customs Enforcement"), None),
            ("observer", O("African, Caribbean and Pacific (ACP) Intra-Migration Facility",
                           "Bali Process Regional Support Office",
                           "International Air Transport Association (IATA)",
                           "International Organization for Migration (IOM)",
                           "Pacific Islands Chiefs of Police (PICP)",
                           "Pacific Islands Forum Secretariat (PIFS)",
                           "United Nations High Commissioner for Refugees (UNHCR)",
                           "United Nations Office on Drugs and Crime (UNODC)"), None),
            ("steering-group-member",
             C("Marshall Islands", note="on the Board as Chair of the PIDC") +
             C("New Zealand", note="on the Board as Vice-Chair") +
             C("Australia") + C("Palau", note="Micronesian representative") +
             C("Vanuatu", note="Melanesian representative") +
             C("Tuvalu", note="small island States representative") +
             C("Cook Islands", note="Polynesian representative"),
             "PIDC Board (listed in the secretariat column; eight seats, seven named)"),
        ],
        notes=["The Board list in the secretariat column names the Marshall Islands as Chair and New Zealand as "
               "Vice-Chair, while the participants column names New Zealand as current chair; the chair line "
               "is recorded as iscm:chair.",
               "Secretariat: the PIDC's own secretariat, based in Apia, Samoa.",
               "Names in the list include territories (American Samoa, Northern Mariana Islands, Guam, "
               "French Polynesia, New Caledonia, Norfolk Island, Wallis and Futuna)."],
    ),
    dict(
        slug="colombo-process",
        name="Colombo Process (Ministerial Consultation on Overseas Employment and Contractual Labour for "
             "Countries of Origin in Asia)",
        fr="Processus de Colombo (Consultation ministérielle sur l'emploi outremer et la main-d'œuvre "
           "contractuelle pour les pays d'origine en Asie)",
        es="Proceso de Colombo (Consultas ministeriales sobre empleo en ultramar y mano de obra para trabajos "
           "por contrata para países de origen en Asia)",
        region="asia-and-oceania", year="2003", total=12,
        chair=C("Nepal"),
        groups=[
            ("member", C("Afghanistan, Bangladesh, Cambodia, China, India, Indonesia, Nepal, Pakistan, Philippines, "
                         "Sri Lanka, Thailand, Viet Nam"), None),
            ("observer", C("Australia, Bahrain, Italy, Kuwait, Malaysia, Qatar, Republic of Korea, Saudi Arabia, "
                           "Switzerland, the United Arab Emirates, the United States of America"), None),
            ("observer", O("Asian Development Bank", "Association of Southeast Asian Nations (ASEAN)",
                           "Cooperation Council for Arab States of the Gulf (GCC)",
                           "Department for International Development UK (DFID)", "European Commission", "ILO",
                           "International Committee of the Red Cross", "UNAIDS", "UNDP", "UNIFEM", "UN Women",
                           "World Bank"), None),
        ],
        secretariat=O("IOM"),
        iomrole=["technical-secretariat"],
        homepage=["www.colomboprocess.org"],
        notes=["IOM serves as secretariat and has given technical support since 2003."],
    ),
    dict(
        slug="abu-dhabi-dialogue",
        name="Abu Dhabi Dialogue (Ministerial Consultation on Overseas Employment and Contractual Labour for "
             "Countries of Origin and Destination in Asia)",
        fr="Dialogue d'Abou Dhabi (Consultation ministérielle sur l'emploi outremer et la main-d'œuvre "
           "contractuelle intéressant les pays d'origine et de destination en Asie)",
        es="Diálogo de Abu Dhabi (Consultas ministeriales sobre empleo en ultramar y mano de obra para trabajos "
           "por contrata para países de origen y destino en Asia)",
        region="asia-and-oceania", year="2008", total=18,
        chair=C("Sri Lanka"),
        groups=[
            ("member", C("Afghanistan, Bangladesh, China, India, Indonesia, Nepal, Pakistan, Philippines, Sri Lanka, "
                         "Thailand, Viet Nam"), "listed among the 11 Colombo Process countries"),
            ("member", C("Bahrain, Kuwait, Oman, Qatar, Saudi Arabia, United Arab Emirates, Yemen"),
             "listed among the 7 Asian destination countries"),
            ("observer", C("Japan, Republic of Korea, Singapore"), None),
            ("observer", O("IOM", "ILO", "World Bank"),
             "invited observer organization; the only ones invited to the November 2014 Ministerial Meeting"),
        ],
        iomrole=["observer", "expert-contribution"],
        notes=["IOM was secretariat from January 2008 to April 2012; since the April 2012 interim operating "
               "modalities the outgoing, current and incoming chairs act as secretariat and IOM is an observer "
               "and thematic expert. No organization recorded as secretariat.",
               "The source links an 'ADD Website' without printing its address."],
    ),
    dict(
        slug="almaty-process", name="Almaty Process",
        fr="Processus d'Almaty", es="Proceso de Almaty",
        region="middle-east", year="2013", total=7,
        chair=C("Kyrgyzstan"),
        groups=[
            ("member", C("Afghanistan, Azerbaijan, Kazakhstan, Kyrgyzstan, Tajikistan, Turkey, Turkmenistan"), None),
            ("observer", C("Iran (Islamic Republic of), Pakistan"), None),
            ("participant", C("China, France, Iran (Islamic Republic of), Japan, Palestine, Russian Federation, "
                              "Switzerland, Ukraine, United Kingdom, United States, Uzbekistan"),
             "guest invited on an ad hoc basis"),
            ("partner", O("IOM", "UNDP", "UNHCR") +
             O("ICMPD", note="as secretariat of the Prague Process and the Budapest Process") +
             O("BOMCA", "CARICC", "CSTO", "CIS", "CICA", "Eurasian Development Bank", "EU", "ICRC", "ILO", "IFRC",
               "OHCHR", "OSCE", "SCO", "UN Women", "UNICEF", "UNDSS", "UNESCO", "UNODC", "UNFPA", "UNRCCA",
               "USAID", "World Bank Group"), None),
        ],
        secretariat=O("UNHCR", "IOM"),
        iomrole=["technical-co-secretariat"],
        notes=["The region heading 'Middle East' stands directly above this row (the Arab RCP follows); "
               "recorded as printed, although the members are Central and West Asian States.",
               "Chair term October 2016 to October 2018.",
               "Secretariat: the Support Unit functions are performed by UNHCR and IOM structures in Kazakhstan "
               "for two years pending a decision on its composition."],
    ),
    dict(
        slug="arab-rcp", name="Arab RCP (Arab Regional Consultative Process on Migration)",
        fr="Processus consultatif régional arabe sur les migrations",
        es="Proceso Consultivo Regional Árabe sobre Migración",
        region="middle-east", year="2015", total=22,
        chair=O("League of Arab States (LAS)"),
        groups=[
            ("member", C("Algeria, Bahrain, Comoros, Djibouti, Egypt, Iraq, Jordan, Kuwait, Lebanon, Libya, "
                         "Mauritania, Morocco, Oman, Palestine, Qatar, Saudi Arabia, Somalia, Sudan, Syria, Tunisia, "
                         "United Arab Emirates, Yemen"), None),
        ],
        secretariat=O("League of Arab States (LAS)"),
        assoc=O("League of Arab States (LAS)"),
        notes=["Chair recorded from the 'Current presidency' line.",
               "No standing observers: States, organizations, civil society and experts may be invited as the "
               "members see fit."],
    ),
    dict(
        slug="bali-process",
        name="Bali Process (Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime)",
        fr="Processus de Bali (Processus de Bali sur le trafic de migrants, la traite des êtres humains et la "
           "criminalité internationale qui s'y rapporte)",
        es="Proceso de Bali (Conferencia sobre el contrabando y la trata de personas y el crimen transnacional conexo)",
        region="others-like-minded-or-thematic", year="2002", total=45,
        cochair=C("Australia, Indonesia"),
        groups=[
            ("member", C("Afghanistan, Australia, Bangladesh, India, Indonesia, Malaysia, Maldives, Myanmar, "
                         "New Zealand, Pakistan, Sri Lanka, Thailand, Viet Nam"), "member of the Ad Hoc Group"),
            ("member", C("Bhutan, Brunei Darussalam, Cambodia, China, the Democratic People's Republic of Korea, Fiji, "
                         "Iran (Islamic Republic of), Iraq, Japan, Jordan, Kiribati, Lao People's Democratic Republic, "
                         "Mongolia, Nauru, Nepal, Palau, Papua New Guinea, Philippines, Republic of Korea, Samoa, "
                         "Singapore, Solomon Islands, Syrian Arab Republic, Timor-Leste, Tonga, Turkey, "
                         "United Arab Emirates, United States of America, Vanuatu"), None),
            ("member", C("France (New Caledonia)"), "listed as 'France (New Caledonia)'"),
            ("member", C("Hong Kong (SAR of China), Macau (SAR of China)"), None),
            ("member", O("IOM", "UNHCR", "United Nations Office on Drugs and Crime"), "member organization"),
            ("observer", C("Austria, Belgium, Canada, Denmark, Finland, Germany, Italy, the Netherlands, Norway, "
                           "Poland, Romania, the Russian Federation, South Africa, Spain, Sweden, Switzerland, "
                           "the United Kingdom"), None),
            ("observer", O("ADB", "APC Secretariat") +
             O("ASEAN Secretariat", note="the ASEAN Secretariat") + O("IGC Secretariat") +
             O("ICMPD", "ICRC", "IFRC", "ILO", "INTERPOL", "Pacific Islands Forum Secretariat", "European Commission",
               "World Bank", "UNDP"), None),
            ("steering-group-member", C("Australia, Indonesia, New Zealand, Thailand") + O("IOM", "UNHCR"),
             "steering group (listed in the secretariat column)"),
        ],
        iomrole=["secretariat-support"],
        notes=["The member list is split here only to attach the Ad Hoc Group note; the source gives one "
               "alphabetical list of 45 States and territories (matching the stated total) and, separately, "
               "3 member organizations that the total does not count.",
               "IOM gives administrative support; a Regional Support Office in Bangkok implements the Regional "
               "Cooperation Framework. No organization recorded as secretariat.",
               "The source links a 'Bali Process Website' without printing its address."],
    ),
    dict(
        slug="igc", name="IGC (Inter-Governmental Consultations on Migration, Asylum and Refugees)",
        fr="Consultations intergouvernementales sur les politiques concernant l'asile, les réfugiés et la migration",
        es="Consultas Intergubernamentales sobre Asilo, Refugiados y Políticas de Migración",
        region="others-like-minded-or-thematic", year="1985", total=16,
        chair=C("Norway"),
        groups=[
            ("member", C("Australia, Belgium, Canada, Denmark, Finland, Germany, Greece, Ireland, Netherlands, "
                         "New Zealand, Norway, Spain, Sweden, Switzerland, United Kingdom, United States of America"),
             None),
            ("observer", O("IOM", "UNHCR", "European Commission", "OECD", "European Asylum Support Office (EASO)",
                           "Frontex"), UNLABELLED),
        ],
        secretariat=O("IGC Secretariat"),
        homepage=["www.igc.ch"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Why the member States entered for a mechanism differ from the total this source states (our
# words). Covers all three sections of the table (this script also writes source.ttl), so the
# IRF and global-process rows of tools/extract_overview2017_irfs.py are explained here too.
# Written to data/overview-2017/member-count-notes.ttl as iscm:memberCountNote.
# ---------------------------------------------------------------------------------------------
MEMBER_COUNT_NOTES = {
    "fibemyd":
        "22 States are listed against a total of 23. The 22 are the whole Ibero-American community "
        "(19 Latin American States, Andorra, Portugal and Spain); the source names no 23rd participant.",
    "khartoum-process":
        "37 States are listed against a total of 39, and the source does not say which two the total "
        "adds. Ethiopia (the chair) and Eritrea and Sudan (steering committee) are not in the list, "
        "nor is Luxembourg.",
    "gfmd":
        "195 is the number of participating States the source gives; it names none of them, so no "
        "member States are entered.",
    "hld":
        "The total of 195 comes from the source saying that participation is the same as in the GFMD; "
        "the States are not named, so none are entered.",
}

REGIONS = {
    "europe-and-former-soviet-union": "Europe and the former Soviet Union",
    "americas-and-caribbean": "Americas and Caribbean",
    "western-mediterranean": "Western Mediterranean",
    "africa": "Africa",
    "asia-and-oceania": "Asia and Oceania",
    "middle-east": "Middle East",
    "others-like-minded-or-thematic": "Others: like-minded States or thematically organized",
}


# Machine-readable qualifiers of memberships (docs/modelling.md), keyed by (row, role, member);
# the membership note keeps the wording.
QUALIFIERS = {
    ("pidc", "steering-group-member", ID["country/MHL"]): dict(capacity=ROLE["chair"]),  # as its chair
}


# ---------------------------------------------------------------------------------------------
def load_registry(exclude: Path) -> Graph:
    g = Graph()
    for path in sorted((DATA / "registry").glob("*.ttl")):
        if path.resolve() != exclude.resolve():
            g.parse(path)
    return g


def label_index(g: Graph) -> dict[str, URIRef]:
    index: dict[str, URIRef] = {}
    for s, _, o in g.triples((None, SKOS.prefLabel, None)):
        index[normalise(str(o))] = s
    for s, _, o in g.triples((None, SKOS.altLabel, None)):
        index.setdefault(normalise(str(o)), s)
    return index


def homepage(url: str) -> URIRef:
    return URIRef(url if url.startswith("http") else "http://" + url)


# Candidates of NEW_ORGS that another extraction's registry file declares -> the slug it uses
# there. Fixed, so that every registry entry has one owner file whatever order the tools run in.
OWNED_ELSEWHERE = {
    "bsec": "bsec", "iachr": "iachr", "un-special-rapporteur-migrants": "un-sr-migrants",
    "sela": "sela", "congad": "congad", "ird": "ird", "unaids": "unaids", "oau": "oau",
    "ocha": "ocha", "wfp": "wfp", "sadc-pf": "sadc-pf", "dfid": "dfid", "unifem": "unifem",
    "igc-secretariat": "igc-secretariat", "pidc-secretariat": "pidc-secretariat",
    "rcm-technical-secretariat": "rcm-technical-secretariat",
}
# --registry-only: write only this tool's registry file (first phase of `make data`).
REGISTRY_ONLY = "--registry-only" in sys.argv[1:]


def main() -> None:
    registry = load_registry(ORG_FILE)
    index = label_index(registry)

    # --- new organizations: those another registry file owns are reused (OWNED_ELSEWHERE) -------
    org_graph = new_graph()
    new_slug_iri: dict[str, URIRef] = {}
    for slug, (pref, alts) in NEW_ORGS.items():
        if slug in OWNED_ELSEWHERE:
            new_slug_iri[slug] = ORGANIZATION[OWNED_ELSEWHERE[slug]]
            continue
        iri = ORGANIZATION[slug]
        new_slug_iri[slug] = iri
        org_graph.add((iri, RDF.type, ORG.FormalOrganization))
        org_graph.add((iri, SKOS.prefLabel, Literal(pref, lang="en")))
        if slug in SUB_ORG_OF:
            org_graph.add((iri, ORG.subOrganizationOf, ORGANIZATION[SUB_ORG_OF[slug]]))
        for a in alts:
            org_graph.add((iri, SKOS.altLabel, Literal(a, lang="en")))
    if REGISTRY_ONLY:
        write_turtle(org_graph, ORG_FILE,
                     "Organizations first named in section I of the overview table (c. 2016-17).\n"
                     "Generated by tools/extract_overview2017_rcps.py")
        return
    for slug, target in OWNED_ELSEWHERE.items():
        assert (ORGANIZATION[target], RDF.type, ORG.FormalOrganization) in registry, (slug, target)
    for slug, (pref, alts) in NEW_ORGS.items():
        if slug in OWNED_ELSEWHERE:
            continue
        for name in [pref, *alts]:
            hit = index.get(normalise(name))
            assert hit is None or hit == ORGANIZATION[slug] or (hit, RDF.type, ORG.FormalOrganization) not in registry, \
                f"{name!r} is already a registry name of {hit}"
    full_registry = registry + org_graph
    full_index = label_index(full_registry)
    for slug, (pref, alts) in NEW_ORGS.items():  # our names for them win over label matching
        for name in [pref, *alts]:
            full_index[normalise(name)] = new_slug_iri[slug]

    aliases: set[tuple[str, str, str]] = set()

    def pref_of(iri: URIRef) -> str | None:
        for o in full_registry.objects(iri, SKOS.prefLabel):
            return str(o)
        return None

    def note_alias(kind: str, written: str, iri: URIRef, pref: str | None) -> None:
        if pref is None or written != pref:
            aliases.add((kind, written, str(iri)))

    def ent(e: E) -> URIRef:
        if e.kind == "c":
            code = country_code(e.name, EXTRA_COUNTRY_ALIASES)
            iri = country(e.name, EXTRA_COUNTRY_ALIASES)
            note_alias("country", e.name, iri, state_label(code))
            return iri
        if e.kind == "m":
            iri = MECHANISM[MECH_NAME_MAP[e.name]] if e.name in MECH_NAME_MAP else full_index[normalise(e.name)]
            assert (iri, RDF.type, ISCM.InterStateConsultationMechanism) in full_registry, iri
            note_alias("mechanism", e.name, iri, pref_of(iri))
            return iri
        if e.name in ORG_NAME_MAP:
            slug = ORG_NAME_MAP[e.name]
            iri = new_slug_iri.get(slug, ORGANIZATION[slug])
        else:
            iri = full_index.get(normalise(e.name))
            if iri is None:
                raise KeyError(f"organization not resolved: {e.name!r}")
        assert (iri, RDF.type, ORG.FormalOrganization) in full_registry, (e.name, iri)
        note_alias("organization", e.name, iri, pref_of(iri))
        return iri

    # --- source document -------------------------------------------------------------------------
    src = new_graph()
    src.add((SRC, RDF.type, ISCM.SourceDocument))
    src.add((SRC, DCTERMS.title, Literal(
        "Overview of the principal inter-State consultation mechanisms on migration (ISCM)", lang="en")))
    src.add((SRC, DCTERMS.issued, Literal("2017", datatype=XSD.gYear)))
    src.add((SRC, DCTERMS.publisher, ORGANIZATION["iom"]))
    src.add((SRC, SKOS.editorialNote, Literal(
        "Prepared by the IOM International Partnerships Division. The document is undated; its latest "
        "entries refer to mid-2017, hence the issue year 2017. One table in three sections: RCPs by region, "
        "inter-regional forums, global processes.", lang="en")))

    # --- regions -----------------------------------------------------------------------------------
    reg = new_graph()
    for slug, label in REGIONS.items():
        reg.add((REGION[slug], RDF.type, SKOS.Concept))
        reg.add((REGION[slug], SKOS.inScheme, REGION_SCHEME))
        reg.add((REGION[slug], SKOS.prefLabel, Literal(label, lang="en")))

    # --- RCP rows ------------------------------------------------------------------------------------
    g = new_graph()
    citer = Citer(g, SLUG)  # every fact cited at its row (docs/modelling.md)
    report = []
    for row in RCPS:
        mech = MECHANISM[row["slug"]]
        with row_block(citer, *OVERVIEW_SECTIONS["rcp"], mech):
            assert (mech, RDF.type, ISCM.InterStateConsultationMechanism) in full_registry, mech
            note_alias("mechanism", row["name"], mech, pref_of(mech))
            g.add((mech, RDF.type, ISCM.RegionalConsultativeProcess))
            g.add((mech, ISCM.mechanismType, TYPOLOGY["rcp"]))
            if row.get("fr"):
                g.add((mech, SKOS.prefLabel, Literal(row["fr"], lang="fr")))
            if row.get("es"):
                g.add((mech, SKOS.prefLabel, Literal(row["es"], lang="es")))
            g.add((mech, ISCM.yearEstablished, year(row["year"])))
            g.add((mech, ISCM.memberCountStated, Literal(row["total"], datatype=XSD.integer)))
            g.add((mech, ISCM.listedUnderRegion, REGION[row["region"]]))
            assert row["region"] in REGIONS
            for e in row.get("chair", []):
                g.add((mech, ISCM.chair, ent(e)))
            for e in row.get("cochair", []):
                g.add((mech, ISCM.coChair, ent(e)))
            for e in row.get("incoming", []):
                g.add((mech, ISCM.incomingChair, ent(e)))
            for e in row.get("secretariat", []):
                g.add((mech, ISCM.secretariat, ent(e)))
            for e in row.get("assoc", []):
                g.add((mech, ISCM.associatedOrganization, ent(e)))
            for r in row.get("iomrole", []):
                g.add((mech, ISCM.iomRole, IOMROLE[r]))
            for url in row.get("homepage", []):
                g.add((mech, FOAF.homepage, homepage(url)))
            for slug, url in row.get("org_homepages", {}).items():
                g.add((ORGANIZATION[slug], FOAF.homepage, homepage(url)))
            if row.get("replaces"):
                old = MECHANISM[row["replaces"]]
                assert (old, RDF.type, ISCM.InterStateConsultationMechanism) in full_registry, old
                g.add((mech, DCTERMS.replaces, old))
            for n in row.get("notes", []):
                g.add((mech, SKOS.editorialNote, Literal(n, lang="en")))

            seen: dict[URIRef, list[str]] = {}
            members_c, members_o = set(), set()
            for role, ents, gnote in row["groups"]:
                expanded = ents == C(EU28)  # the only group this section lists by name: the EU-28
                for e in ents:
                    who = ent(e)
                    m = membership_iri(SLUG, mech, role, who)
                    g.add((m, RDF.type, ORG.Membership))
                    g.add((m, ORG.organization, mech))
                    g.add((m, ORG.member, who))
                    g.add((m, ORG.role, ROLE[role]))
                    add_membership_basis(g, m, expanded)
                    if (row["slug"], role, who) in QUALIFIERS:
                        add_membership_qualifiers(g, m, **QUALIFIERS[(row["slug"], role, who)])
                    for n in (gnote, e.note):
                        if n:
                            g.add((m, ISCM.membershipNote, Literal(n)))
                    seen.setdefault(m, []).append(e.name)
                    if role == "member":
                        (members_c if e.kind == "c" else members_o).add(who)
            dups = {str(k).rsplit("/", 2)[-2:][1]: v for k, v in seen.items() if len(v) > 1}
            roles = {}
            for m in seen:
                r = str(m).rsplit("/", 2)[-2]
                roles[r] = roles.get(r, 0) + 1
            report.append((row["slug"], len(members_c), len(members_o), row["total"], roles, dups))

    src_citer = Citer(src, SLUG)  # the document's sections, named once
    for section_path, section_locator in OVERVIEW_SECTIONS.values():
        src_citer.part(section_path, section_locator)
    src_citer.write()
    write_turtle(src, OUT_DIR / "source.ttl",
                 "Source document: IOM overview table of ISCMs (c. 2016-17).\n"
                 "Generated by tools/extract_overview2017_rcps.py")
    citer.write()
    write_turtle(g, OUT_DIR / "rcps.ttl",
                 "Overview 2016-17, section I: Regional Consultative Processes by region.\n"
                 "Generated by tools/extract_overview2017_rcps.py; graph <https://w3id.org/iscm/id/source/overview-2017>")
    notes_g = new_graph()
    notes_citer = Citer(notes_g, SLUG)
    import extract_overview2017_irfs as irfs_rows  # which section each row of the table is in
    section = {**{r["slug"]: "rcp" for r in RCPS}, **{r["slug"]: "irf" for r in irfs_rows.IRFS},
               **{r["slug"]: "global-process" for r in irfs_rows.GLOBAL}}
    for slug, text in MEMBER_COUNT_NOTES.items():
        mech = MECHANISM[slug]
        assert (mech, RDF.type, ISCM.InterStateConsultationMechanism) in full_registry, mech
        with row_block(notes_citer, *OVERVIEW_SECTIONS[section[slug]], mech):
            notes_g.add((mech, ISCM.memberCountNote, Literal(text, lang="en")))
    notes_citer.write()
    write_turtle(notes_g, OUT_DIR / "member-count-notes.ttl",
                 "Overview 2016-17: why the member States entered differ from the stated totals (our words).\n"
                 "Generated by tools/extract_overview2017_rcps.py; graph <https://w3id.org/iscm/id/source/overview-2017>")
    write_turtle(reg, REGIONS_FILE,
                 "Region headings used in section I of the overview table (c. 2016-17).\n"
                 "Generated by tools/extract_overview2017_rcps.py")
    if len(org_graph):
        write_turtle(org_graph, ORG_FILE,
                     "Organizations first named in section I of the overview table (c. 2016-17).\n"
                     "Generated by tools/extract_overview2017_rcps.py")
    ALIAS_FILE.parent.mkdir(parents=True, exist_ok=True)
    ALIAS_FILE.write_text("".join(f"{k}\t{n}\t{i}\n" for k, n, i in sorted(aliases)), encoding="utf-8")

    print(f"{'mechanism':28} {'States':>6} {'orgs':>4} {'total':>5}  roles")
    for slug, nc, no, total, roles, dups in report:
        flag = "" if nc + no == total else "  <-- differs"
        print(f"{slug:28} {nc:6} {no:4} {total:5}  {roles}{flag}")
        if dups:
            print(f"{'':28} merged entries: {dups}")
    print(f"new organizations defined: {len(set(org_graph.subjects(RDF.type, ORG.FormalOrganization)))}")
    print(f"alias lines: {len(aliases)}")


if __name__ == "__main__":
    main()
