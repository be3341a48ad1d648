"""Extract sections II (interregional forums) and III (global processes) of the IOM overview
table of inter-State consultation mechanisms, c. 2016-17 (source slug ``overview-2017``).

The facts below were read by hand from the seed text (the table is a PDF extraction with
misaligned cells and misspelt names); this script is the record of that reading. The Turtle it
writes is the truth. Run with the project venv:

    .venv/bin/python tools/extract_overview2017_irfs.py

Writes only:
    data/overview-2017/irfs.ttl
    data/overview-2017/global-processes.ttl
    ontology/taxonomies/regions/overview2017_irfs.ttl
    data/registry/organizations-overview2017_irfs.ttl
    tools/aliases/overview2017_irfs.tsv

The explanations of member counts that differ from the stated totals (iscm:memberCountNote) for
these rows are kept in MEMBER_COUNT_NOTES of tools/extract_overview2017_rcps.py, which writes
data/overview-2017/member-count-notes.ttl for the whole source.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rdflib import Graph, Literal, URIRef  # noqa: E402
from rdflib.namespace import FOAF, RDF, SKOS, XSD  # noqa: E402

import common  # noqa: E402
from common import (  # noqa: E402
    COUNTRY, ISCM, IOMROLE, MECHANISM, ORG, ORGANIZATION, REGION, ROLE, TYPOLOGY, ID,
    country_code, country_name, membership_iri, new_graph, normalise, write_turtle, year,
    ACP_GROUP_79, add_membership_basis, Citer, OVERVIEW_SECTIONS, row_block,
)

TAG = "overview2017_irfs"
SOURCE_SLUG = "overview-2017"
ROOT = common.ROOT

OUT_IRFS = ROOT / "data" / SOURCE_SLUG / "irfs.ttl"
OUT_GLOBAL = ROOT / "data" / SOURCE_SLUG / "global-processes.ttl"
OUT_REGIONS = ROOT / "ontology" / "taxonomies" / "regions" / f"{TAG}.ttl"
OUT_ORGS = ROOT / "data" / "registry" / f"organizations-{TAG}.ttl"
OUT_ALIASES = ROOT / "tools" / "aliases" / f"{TAG}.tsv"

# ---------------------------------------------------------------------------------------------
# Names as the source writes them that common.country() does not resolve by itself.
# ---------------------------------------------------------------------------------------------
COUNTRY_EXTRA = {
    "Kazakistan": "KAZ",               # ASEM list, misspelt
    "Sengal": "SEN",                   # MTM list, misspelt
    "Republic of South Africa": "ZAF",  # MME list
}

# ---------------------------------------------------------------------------------------------
# Organizations not yet in the registry (slug, English prefLabel, altLabels).
# ---------------------------------------------------------------------------------------------
NEW_ORGANIZATIONS = [
    ("afdb", "African Development Bank", ["AfDB"]),
    ("fao", "Food and Agriculture Organization of the United Nations", ["FAO"]),
    ("fiiapp", "International and Ibero-American Foundation for Administration and Public Policies",
     ["FIIAPP"]),
    ("eeas", "European External Action Service", ["EEAS"]),
    ("european-parliament", "European Parliament", []),
    ("pan-african-parliament", "Pan-African Parliament", ["Pan African Parliament"]),
    ("dfid", "Department for International Development (United Kingdom)",
     ["DFID", "Department for International Development, UK"]),
    ("unifem", "United Nations Development Fund for Women", ["UNIFEM"]),
    ("ifad", "International Fund for Agricultural Development", ["IFAD"]),
    ("uclg", "United Cities and Local Governments", ["UCLG"]),
    ("un-habitat", "United Nations Human Settlements Programme", ["UN-Habitat", "UN Habitat"]),
    ("dcaf", "Geneva Centre for the Democratic Control of Armed Forces", ["DCAF"]),
    ("eurojust", "Eurojust", []),
    ("iopcr", "International Organization for Peace, Care and Relief", ["IOPCR"]),
    ("escwa", "United Nations Economic and Social Commission for Western Asia",
     ["ESCWA", "UNESCWA"]),
    ("amu", "Arab Maghreb Union", ["AMU", "UMA"]),
    ("uneca", "United Nations Economic Commission for Africa", ["UNECA", "ECA"]),
    ("idep", "African Institute for Economic Development and Planning", ["IDEP"]),
    ("ace", "ASEAN Confederation of Employers", ["ACE"]),
    ("unctad", "United Nations Conference on Trade and Development", ["UNCTAD"]),
    ("unitar", "United Nations Institute for Training and Research", ["UNITAR"]),
    ("unu", "United Nations University", ["UNU"]),
    ("osrsg-migration",
     "Office of the Special Representative of the UN Secretary-General for International Migration",
     ["Office of the SRSG"]),
    ("un-sr-migrants", "United Nations Special Rapporteur on the Human Rights of Migrants", []),
    ("un-regional-commissions", "United Nations Regional Commissions", []),
    ("un-desa-population-division",
     "Population Division of the United Nations Department of Economic and Social Affairs",
     ["UN DESA Population Division"]),
    ("gfmd-support-unit", "GFMD Support Unit", ["Global Forum on Migration and Development Support Unit"]),
]

# Written names of organizations/mechanisms that the registry labels do not match by themselves:
# written name -> slug ("organization/<slug>" or "mechanism/<slug>").
NAME_ALIASES = {
    "ECOWAS Commission": "organization/ecowas",
    "EU Commission": "organization/european-commission",
    "ASEAN Secretariat": "organization/asean",
    "ACP Secretariat": "organization/acp-group",
    "Cooperation Council for the Arab States of the Gulf (GCC)": "organization/gcc",
    "Community of Sahel and Saharan States": "organization/censad",
    "Arab Mahgreb Union": "organization/amu",
    "General Secretariat of the European Council": "organization/council-of-the-eu",
    "International Organization for Migration (IOM)": "organization/iom",
    "United Nations High Commissioner for Refugees (UNHCR)": "organization/unhcr",
    "United Nations Office on Drugs and Crime (UNODC)": "organization/unodc",
    "African Union Commission (AUC)": "organization/african-union-commission",
    "Asian Development Bank (ADB)": "organization/adb",
    "Association of Southeast Asian Nations (ASEAN)": "organization/asean",
    "Department for International Development, UK (DFID)": "organization/dfid",
    "International Labour Organization (ILO)": "organization/ilo",
    "United Nations Development Fund for Women (UNIFEM)": "organization/unifem",
    "International and Ibero-American Foundation for Administration and Public Policies (FIIAPP)":
        "organization/fiiapp",
    "Common Market for Eastern and Southern Africa (COMESA)": "organization/comesa",
    "East African Community (EAC)": "organization/eac",
    "Economic Community of Central African States (ECCAS)": "organization/eccas",
    "Migration Dialogue for Central African States (MIDCAS)": "mechanism/midcas",
    "Economic Community of West African States (ECOWAS)": "organization/ecowas",
    "Migration Dialogue for West Africa (MIDWA)": "mechanism/midwa",
    "Intergovernmental Authority on Development (IGAD)": "organization/igad",
    "Southern African Development Community (SADC)": "organization/sadc",
    "Migration Dialogue for Southern Africa (MIDSA)": "mechanism/midsa",
    "United Nations Economic Commission for Africa (UNECA)": "organization/uneca",
    "Geneva Centre for the Democratic Control of Armed Force": "organization/dcaf",
    "Internaitonal Organization for Peace, Care and Relief": "organization/iopcr",
    "UN DESA Population Division": "organization/un-desa-population-division",
}

# Written mechanism names (row headings) -> registry slug.
EU28 = [
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia",
    "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania",
    "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
    "Spain", "Sweden", "United Kingdom",
]
# "27 EU member states" in this document is the pre-July-2013 Union: the MTM row enumerates
# exactly these 27 (EU-28 without Croatia).
EU27_PRE2013 = [c for c in EU28 if c != "Croatia"]

# ---------------------------------------------------------------------------------------------
# The rows. Each participant entry: (role, [names], note or None, kind) with kind "country" or
# "org" (organization or mechanism, resolved against the registry).
# ---------------------------------------------------------------------------------------------

IRFS = [
    # ---- IRF 1 ------------------------------------------------------------------------------
    dict(
        slug="rabat-process",
        written="Rabat Process (Euro-African Dialogue on Migration and Development)",
        fr="Processus de Rabat", es="Proceso de Rabat",
        fr_long="Processus de Rabat (Dialogue Euro-African sur la Migration et le Développement)",
        es_long="Proceso de Rabat (Diálogo Euro-Africana sobre Migración y Desarrollo)",
        year=2006, count=57,
        members=[
            ("member", [
                "Austria", "Belgium", "Benin", "Bulgaria", "Burkina Faso", "Cameroon", "Cape Verde",
                "Central African Republic", "Chad", "Croatia", "Cyprus", "Czech Republic",
                "Democratic Republic of Congo", "Denmark", "Estonia", "Finland", "France", "Gabon",
                "Gambia", "Germany", "Ghana", "Greece", "Guinea-Bissau", "Guinea",
                "Equatorial Guinea", "Hungary", "Iceland", "Ireland", "Italy", "Ivory Coast",
                "Latvia", "Liberia", "Lithuania", "Luxembourg", "Mali", "Malta", "Morocco",
                "Mauritania", "Netherlands", "Niger", "Nigeria", "Norway", "Poland", "Portugal",
                "Republic of the Congo", "Romania", "São Tomé and Príncipe", "Senegal",
                "Sierra Leone", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland", "Togo",
                "Tunisia", "United Kingdom"], None, "country"),
            ("steering-group-member", [
                "Belgium", "Burkina Faso", "Equatorial Guinea", "France", "Italy", "Morocco",
                "Portugal", "Senegal", "Spain"], None, "country"),
            ("steering-group-member", ["European Commission", "ECOWAS Commission"], None, "org"),
            ("observer", ["Algeria"], None, "country"),
            ("observer", [
                "African Development Bank", "FAO", "ECCAS", "Frontex", "ICMPD", "ILO", "IOM", "UNDP",
                "UNICEF", "UNHCR", "UNODC", "World Bank"],
             "listed together as partner and observer organizations, without telling which is which",
             "org"),
        ],
        chair=["Belgium"], co_chair=[], secretariat=["ICMPD"],
        associated=[],
        homepage="https://www.rabat-process.org/en",
        notes=[
            "Egypt and Libya are recorded by this source as having left the dialogue in November "
            "2014 (with the option to rejoin); they are therefore not entered as members.",
            "Secretariat: the source describes an EU-funded support project whose current phase "
            "ICMPD implements; the previous phase was run by ICMPD together with FIIAPP.",
            "The source says the co-chairmanship rotates; Belgium is named as current chair.",
            "The description column also names the European Commission and ECOWAS as taking part "
            "alongside the States; here they are recorded through the steering committee.",
        ],
    ),
    # ---- IRF 2 ------------------------------------------------------------------------------
    dict(
        slug="tripoli-process",
        written="Tripoli Process- EU-Africa Ministerial Conference on Migration and Development",
        year=2006, count=None,
        members=[
            ("member", ["European Union", "African Union"],
             "the governments column names the bloc, not its member States", "org"),
            ("participant", [
                "European Commission", "African Union Commission", "European Parliament",
                "Pan African Parliament"],
             "named among the main actors alongside African and EU governments", "org"),
        ],
        chair=[], co_chair=[], secretariat=[],
        associated=["Africa-EU Partnership on Migration, Mobility and Employment"],
        regions_covered=["africa", "europe"],
        iom_roles=["capacity-building"],
        notes=[
            "The governments cell names the European Union and the African Union with a count of "
            "53 member countries (apparently the AU membership of the time) and says Morocco is "
            "not included; the member States are not listed, so none are entered and no total "
            "count is recorded.",
            "The source states there is no official contact person or secretariat; IOM is said to "
            "support capacity-building aimed at ECOWAS institutions and its member States.",
            "Civil society, international organizations, the Regional Economic Communities and the "
            "private sector are also mentioned as actors; they are not entered individually.",
            "Founding year taken from the year column (2006); the source also lists the Africa-EU "
            "summits of 2000, 2007 and 2010 as the settings in which it meets.",
        ],
    ),
    # ---- IRF 3 ------------------------------------------------------------------------------
    dict(
        slug="fibemyd",
        written="Ibero-American Forum on Migration and Development",
        es="Foro-Iberoamericano sobre Migración y Desarrollo",
        year=2008, count=23,
        members=[
            ("member", [
                "Andorra", "Argentina", "Bolivia", "Brazil", "Chile", "Colombia", "Costa Rica",
                "Cuba", "Dominican Republic", "Ecuador", "El Salvador", "Guatemala", "Honduras",
                "Mexico", "Nicaragua", "Panama", "Peru", "Paraguay", "Portugal", "Spain", "Uruguay",
                "Venezuela"], None, "country"),
        ],
        chair=["Colombia"], co_chair=[], secretariat=["SEGIB"],
        associated=[],
        regions_covered=["south-america", "europe"],
        notes=[
            "The year column gives 2008, while the meetings column counts a first forum at "
            "Salamanca in 2005 (and a second at Cuenca in 2008); 2008 is recorded as stated.",
            "The source lists 22 States but states a total of 23.",
            "Regions are given in a comment row as Spain/Portugal and South America; the Iberian "
            "side is recorded here as Europe.",
            "The forum is placed within the framework of the Ibero-American summits; the "
            "secretariat is said to sit in Madrid.",
        ],
    ),
    # ---- IRF 4 ------------------------------------------------------------------------------
    dict(
        slug="eu-celac-dialogue",
        written="European Union- Latin America and the Caribbean Structured and Comprehensive "
                "Bi-regional Dialogue on Migration",
        year=2009, count=60,
        members=[
            ("member", [
                "Antigua and Barbuda", "Argentina", "Bahamas", "Barbados", "Belize", "Bolivia",
                "Brazil", "Chile", "Colombia", "Costa Rica", "Cuba", "Dominica",
                "Dominican Republic", "Ecuador", "El Salvador", "Grenada", "Guatemala", "Guyana",
                "Haiti", "Honduras", "Jamaica", "Mexico", "Nicaragua", "Panama", "Paraguay", "Peru",
                "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines",
                "Suriname", "Trinidad and Tobago", "Uruguay", "Venezuela"],
             "Latin American and Caribbean State", "country"),
            ("member", EU27_PRE2013,
             "listed only as '27 EU member states'; expanded to the EU membership before Croatia "
             "joined in July 2013", "country"),
            ("partner", ["International and Ibero-American Foundation for Administration and "
                         "Public Policies (FIIAPP)",
                         "International Organization for Migration (IOM)"],
             "listed as partners/observers", "org"),
        ],
        chair=[], co_chair=[], secretariat=[],
        associated=["European Union", "CELAC"],
        iom_roles=["project-implementation"],
        notes=[
            "The year column gives 1999 for the EU-LAC summit process and 2009 for the launch of "
            "the structured dialogue on migration; 2009 is recorded as the year of this mechanism.",
            "The EU side is given only as '27 EU member states' (total 60 = 33 + 27); it is expanded "
            "to the 27 States that the same document enumerates under that label in the MTM row "
            "(the Union before Croatia's accession).",
            "CELAC is said to act as the partner of the EU in the process since December 2011.",
            "No secretariat is named; the source describes a support project implemented by IOM "
            "in Brussels in coordination with FIIAPP.",
        ],
    ),
    # ---- IRF 5 ------------------------------------------------------------------------------
    dict(
        slug="afml",
        written="The Association of Southeast Asian Nation's Forum on Migrant Labor (AFML)",
        year=2007, count=10,
        members=[
            ("member", [
                "Brunei Darussalam", "Cambodia", "Indonesia", "Lao PDR", "Malaysia", "Myanmar",
                "Philippines", "Singapore", "Thailand", "Viet Nam"], None, "country"),
            ("participant", ["ACE"],
             "regional employers' organization taking part alongside the State delegations",
             "org"),
        ],
        chair=["Lao PDR"], co_chair=[], secretariat=["ASEAN Secretariat"],
        associated=["ASEAN"],
        notes=[
            "Each ASEAN member State sends a tripartite delegation (government officials, an "
            "employers' and a trade-union representative) plus a civil-society representative; "
            "up to three regional civil-society representatives nominated by TFAMW also take "
            "part. Only the States and the employers' body ACE are entered as participants.",
            "Founding year 2007 as stated; the same year as the ASEAN Cebu Declaration on migrant "
            "workers that the forum follows up.",
        ],
    ),
    # ---- IRF 6 ------------------------------------------------------------------------------
    dict(
        slug="asem-cdgimm",
        written="ASEM the Asia-European Union Meeting's Conference of the Directors General of "
                "Immigration and Management of Migratory Flows",
        year=1996, count=51,
        members=[
            ("member", [
                "Australia", "Austria", "Bangladesh", "Belgium", "Brunei Darussalam", "Bulgaria",
                "Cambodia", "China", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia",
                "Finland", "France", "Germany", "Greece", "Hungary", "Indonesia", "India",
                "Ireland", "Italy", "Japan", "Kazakistan", "Korea", "Laos", "Latvia", "Lithuania",
                "Luxembourg", "Malaysia", "Malta", "Mongolia", "Myanmar", "Netherlands",
                "New Zealand", "Norway", "Pakistan", "Philippines", "Poland", "Portugal",
                "Romania", "Russia", "Singapore", "Slovakia", "Slovenia", "Spain", "Sweden",
                "Switzerland", "Thailand", "United Kingdom", "Vietnam"], None, "country"),
            ("member", ["European Commission"],
             "listed among the governments; counted separately from the 51 governments", "org"),
            ("member", ["ASEAN Secretariat"],
             "listed as the ASEAN Secretariat, in addition to the 51 governments", "org"),
            ("participant", ["European External Action Service"],
             "named as coordinator for the European side", "org"),
        ],
        member_notes={
            "Philippines": "named as coordinator for the Asian side",
            "New Zealand": "named as coordinator for the Asian side",
            "Malta": "named as coordinator for the European side",
        },
        chair=["Mongolia"], co_chair=[], secretariat=["ASEAN Secretariat"],
        associated=["ASEM"],
        regions_covered=["asia", "europe"],
        homepage="http://www.aseminfoboard.org/",
        notes=[
            "The year column gives 1996, the year of the first ASEM summit; recorded as stated "
            "although it dates the ASEM framework rather than the directors-general conference.",
            "The contact cell says ASEAN serves as secretariat; entered as the secretariat.",
            "The description still speaks of 27 EU member States and 19 Asian countries, which "
            "does not match the 51 governments listed and counted in the governments column.",
        ],
    ),
    # ---- IRF 7 ------------------------------------------------------------------------------
    dict(
        slug="asia-eu-dialogue",
        written="Asia-EU Dialogue on Labor Migration",
        year=2008, count=39,
        members=[
            ("member", EU28,
             "listed only as 'EU 28 member countries'; expanded to the 28 EU member States "
             "(2016-17, including the United Kingdom)", "country"),
            ("member", [
                "Afghanistan", "Bangladesh", "China", "India", "Indonesia", "Nepal", "Pakistan",
                "the Philippines", "Sri Lanka", "Thailand", "Vietnam"],
             "one of the 11 Colombo Process countries", "country"),
            ("observer", [
                "Bahrain", "Kuwait", "Malaysia", "Qatar", "Republic of Korea", "Saudi Arabia",
                "United Arab Emirates"], None, "country"),
            ("observer", [
                "Asian Development Bank (ADB)", "Association of Southeast Asian Nations (ASEAN)",
                "Department for International Development, UK (DFID)", "European Commission",
                "Cooperation Council for the Arab States of the Gulf (GCC)",
                "International Labour Organization (ILO)",
                "United Nations Development Fund for Women (UNIFEM)", "World Bank"], None, "org"),
        ],
        chair=[], co_chair=[], secretariat=["IOM"],
        associated=["Colombo Process"],
        regions_covered=["europe", "asia"],
        iom_roles=["technical-secretariat"],
        notes=[
            "Placed by the source within the framework of the Colombo Process.",
            "The source says there is no official secretariat and that IOM performs the "
            "secretariat functions; IOM is entered as secretariat on that basis.",
        ],
    ),
    # ---- IRF 8 ------------------------------------------------------------------------------
    dict(
        slug="acp-eu-dialogue",
        written="The African, Caribbean and Pacific Group of States (ACP)-European Union (EU) "
                "Dialogue on Migration",
        year=2000, count=107,
        members=[
            ("member", EU28,
             "listed only as '28 EU Member States'; expanded to the 28 EU member States "
             "(2016-17, including the United Kingdom)", "country"),
            ("member", ACP_GROUP_79,
             "listed only as ACP States (48 African, 16 Caribbean, 15 Pacific); expanded to the 79 "
             "States of the ACP Group, as the 2013 review's graph does", "code"),
        ],
        chair=["Ethiopia"], co_chair=[], secretariat=["ACP Secretariat", "EU Commission"],
        associated=["ACP", "European Union"],
        regions_covered=["west-africa", "central-africa", "east-africa", "southern-africa",
                         "caribbean", "pacific"],
        iom_roles=["project-implementation"],
        notes=[
            "The 79 ACP member States are given only as 48 African, 16 Caribbean and 15 Pacific "
            "countries (all but Cuba signatories of the Cotonou Agreement); they are entered by "
            "expanding the ACP Group, like the EU side (stated total 107 = 28 + 79).",
            "Founding year 2000 as stated, the year of the Cotonou Agreement.",
            "IOM is said to implement the ACP-EU Migration Action; the ACP Observatory on "
            "Migration is given as contact.",
        ],
    ),
    # ---- IRF 9 ------------------------------------------------------------------------------
    dict(
        slug="mtm",
        written="Mediterranean Transit Migration Dialogue (MTM)",
        year=2003, count=None,
        members=[
            ("member", [
                "Algeria", "Cape Verde", "Egypt", "Ethiopia", "Ghana", "Kenya", "Lebanon", "Libya",
                "Mali", "Morocco", "Niger", "Nigeria", "Norway", "Sengal", "Syria", "Switzerland",
                "Tunisia", "Turkey"], "listed under '19 non-EU countries'", "country"),
            ("member", EU27_PRE2013, "listed under '27 EU Member states'", "country"),
            ("observer", ["Australia"], None, "country"),
            ("observer", [
                "Europol", "Frontex", "IFAD", "Interpol", "IOM", "UNHCR", "UNODC", "UCLG",
                "UN Habitat", "Community of Sahel and Saharan States",
                "Geneva Centre for the Democratic Control of Armed Force", "Eurojust",
                "General Secretariat of the European Council", "IGC",
                "Internaitonal Organization for Peace, Care and Relief", "League of Arab States",
                "MARRI", "OSCE", "UNESCWA"], None, "org"),
        ],
        chair=[], co_chair=[], secretariat=["ICMPD"],
        associated=[],
        notes=[
            "No total is stated in the governments column: it gives 19 non-EU countries (18 are "
            "named) and 27 EU member States (all named; the Union before Croatia's accession). "
            "The description speaks of more than 40 partner States and 7 partner agencies, which "
            "are not named.",
            "No permanent chair; the source says chairing depends on the activity.",
            "'General Secretariat of the European Council' is read as the General Secretariat of "
            "the Council of the EU.",
        ],
    ),
    # ---- IRF 10 -----------------------------------------------------------------------------
    dict(
        slug="pan-african-forum",
        written="Intra-Regional Forum on Migration in Africa (IRFMA or the Pan-African Forum)",
        year=2015, count=None,
        members=[
            ("participant", [
                "Arab Mahgreb Union", "Common Market for Eastern and Southern Africa (COMESA)",
                "COMESA-RCP", "Community of Sahel and Saharan States",
                "East African Community (EAC)", "Economic Community of Central African States (ECCAS)",
                "Migration Dialogue for Central African States (MIDCAS)",
                "Economic Community of West African States (ECOWAS)",
                "Migration Dialogue for West Africa (MIDWA)",
                "Intergovernmental Authority on Development (IGAD)", "IGAD-RCP",
                "Southern African Development Community (SADC)",
                "Migration Dialogue for Southern Africa (MIDSA)", "African Union Commission",
                "United Nations Economic Commission for Africa (UNECA)",
                "International Organization for Migration"], None, "org"),
        ],
        chair=[], co_chair=[], secretariat=["IOM"],
        associated=[],
        regions_covered=["africa"],
        iom_roles=["secretariat-support"],
        notes=[
            "The participants are regional economic communities, regional consultative processes "
            "and international organizations rather than States; they are entered with the role "
            "participant, since the source does not call them members. No State count is given.",
            "A technical secretariat is described as under development, with IOM Headquarters "
            "giving secretariat support; IOM is entered as secretariat on that basis.",
        ],
    ),
    # ---- IRF 11 -----------------------------------------------------------------------------
    dict(
        slug="khartoum-process",
        written="EU-Horn of Africa Migration Route Initiative (Khartoum Process)",
        year=2014, count=39,
        members=[
            ("member", [
                "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
                "Djibouti", "Egypt", "Estonia", "Finland", "France", "Germany", "Greece", "Hungary",
                "Iceland", "Ireland", "Italy", "Kenya", "Latvia", "Libya", "Lithuania", "Malta",
                "Netherlands", "Norway", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
                "Somalia", "South Sudan", "Spain", "Sweden", "Switzerland", "Tunisia",
                "United Kingdom"], None, "country"),
            ("observer", [
                "African Union Commission", "European Commission", "European External Action Service",
                "International Organization for Migration (IOM)",
                "United Nations High Commissioner for Refugees (UNHCR)",
                "United Nations Office on Drugs and Crime (UNODC)"], None, "org"),
            ("steering-group-member", ["Italy", "France", "Germany", "UK", "Malta"],
             "one of five EU member States on the steering committee", "country"),
            ("steering-group-member", ["Egypt", "Eritrea", "Ethiopia", "South Sudan", "Sudan"],
             "one of five African partner countries on the steering committee", "country"),
            ("steering-group-member", [
                "European Commission", "European External Action Service",
                "AU Commission"], None, "org"),
        ],
        chair=["Ethiopia"], co_chair=[], secretariat=["African Union Commission",
                                                      "European Commission"],
        associated=["AU-HoAI", "Africa-EU Partnership on Migration, Mobility and Employment"],
        homepage="http://www.khartoumprocess.net",
        notes=[
            "The list of countries names 37 States against a stated total of 39. The chair "
            "(Ethiopia) and steering-committee members Eritrea and Sudan are not in the list and "
            "are entered only in those roles; Luxembourg, an EU member State, is also absent.",
            "The secretariat is described as jointly managed by the AU Commission and the "
            "European Commission.",
            "The source ties the process to the AU Horn of Africa Initiative and to the EU-Africa "
            "action plan on migration and mobility; both links are entered as associations.",
        ],
    ),
    # ---- IRF 12 -----------------------------------------------------------------------------
    dict(
        slug="africa-eu-mme",
        written="Africa-EU Partnership on Migration, Mobility and Employment (MME)",
        year=2007, count=82,
        members=[
            ("member", [
                "Algeria", "Angola", "Benin", "Botswana", "Burkina Faso", "Burundi", "Cameroon",
                "Cape Verde", "Central African Republic", "Chad", "Comoros", "Côte d’Ivoire",
                "Democratic Republic of the Congo", "Djibouti", "Egypt", "Equatorial Guinea",
                "Eritrea", "Ethiopia", "Gabon", "Gambia", "Ghana", "Guinea", "Guinea Bissau",
                "Kenya", "Lesotho", "Liberia", "Libya", "Madagascar", "Malawi", "Mali",
                "Mauritania", "Mauritius", "Morocco", "Mozambique", "Namibia", "Niger", "Nigeria",
                "Republic of the Congo", "Rwanda", "São Tomé and Príncipe", "Senegal",
                "Seychelles", "Sierra Leone", "Somalia", "Republic of South Africa",
                "South Sudan", "Sudan", "Swaziland", "Tanzania", "Togo", "Tunisia", "Uganda",
                "Zambia", "Zimbabwe"], "listed under '54 AU Member States'", "country"),
            ("member", EU28, "listed under '28 EU Member States'", "country"),
            ("observer", ["African Union Commission (AUC)", "European Commission"], None, "org"),
            ("partner", ["FIIAPP", "IDEP", "ICMPD"], None, "org"),
        ],
        chair=[], co_chair=[], secretariat=["ICMPD"],
        associated=["Tripoli Process"],
        notes=[
            "The secretariat is given as the support project for the partnership, reached at "
            "ICMPD's Brussels mission; ICMPD is entered as secretariat on that basis.",
            "The source links the partnership to the Tripoli Process and says it was launched by "
            "the European Commission and the AU Commission.",
            "Founding year 2007 as stated (the Lisbon summit and the Joint Africa-EU Strategy).",
        ],
    ),
]

GLOBAL = [
    dict(
        slug="gfmd",
        written="Global Forum on Migration and Development (GFMD)",
        year=2007, count=195,
        members=[],
        chair=[], co_chair=["Germany", "Bangladesh"], incoming_chair=["Morocco"],
        secretariat=["GFMD Support Unit"],
        associated=[],
        homepage="http://www.gfmd.org",
        iom_roles=["secretariat-support"],
        notes=[
            "Any UN member or observer State may take part; the source puts the number taking part "
            "at 195 without naming them, so no member is entered.",
            "The source counts 43 observer organizations without listing them here, and mentions "
            "partnership with civil society organizations.",
            "Germany and Bangladesh are named as co-chairs; Morocco is named as incoming chair "
            "for 2018.",
            "The secretariat is the GFMD Support Unit, which IOM hosts administratively in Geneva.",
        ],
    ),
    dict(
        slug="hld",
        written="United Nations High-Level Dialogue on International Migration and Development "
                "(HLD)",
        year=2006, count=195,
        members=[
            ("observer", [
                "FAO", "ILO", "IOM", "UNHCR", "Office of the SRSG", "UNICEF", "UNCTAD", "UN-DESA",
                "United Nations Development Fund for Women", "UNDP", "UNESCO", "UNHCR", "UNITAR",
                "UNODC", "UNFPA", "United Nations Regional Commissions", "UNU",
                "United Nations Special Rapporteur on the Human Rights of Migrants", "World Bank",
                "World Health Organization"], None, "org"),
        ],
        chair=[], co_chair=[], secretariat=["UN DESA Population Division"],
        associated=[],
        notes=[
            "Any UN member or observer State may take part; the source equates its participation "
            "with the GFMD's (195 States). None are named, so no member is entered.",
            "The source dates a first dialogue to 2006 (which it says led to the GFMD) and a "
            "second to 2016; 2006 is recorded as the founding year.",
            "UNHCR appears twice in the observer list and is entered once. 'Office of the SRSG' is "
            "read as the office of the Secretary-General's Special Representative for "
            "International Migration.",
        ],
    ),
    dict(
        slug="idm",
        written="International Dialogue on Migration (IDM)",
        year=2001, count=None,
        members=[],
        chair=[], co_chair=[], secretariat=["IOM"],
        associated=["IOM"],
        iom_roles=["technical-secretariat"],
        notes=[
            "Any IOM member or observer State may take part; none are named and no count is given. "
            "The source also admits international and non-governmental organizations, migrants, "
            "media, academia and business.",
            "The source says the dialogue has met every year since 2001; 2001 is recorded as the "
            "founding year. It is run by IOM, which acts as secretariat.",
        ],
    ),
]

REGIONS = {
    "interregional": "Interregional",
    "global": "Global",
    "africa": "Africa",
    "europe": "Europe",
    "asia": "Asia",
    "south-america": "South America",
    "west-africa": "West Africa",
    "central-africa": "Central Africa",
    "east-africa": "East Africa",
    "southern-africa": "Southern Africa",
    "caribbean": "Caribbean",
    "pacific": "Pacific",
}

# ---------------------------------------------------------------------------------------------

ALIASES: set[tuple[str, str, str]] = set()


def build_org_registry() -> Graph:
    g = new_graph()
    for slug, label, alts in NEW_ORGANIZATIONS:
        s = ORGANIZATION[slug]
        g.add((s, RDF.type, ORG.FormalOrganization))
        g.add((s, SKOS.prefLabel, Literal(label, lang="en")))
        for a in alts:
            g.add((s, SKOS.altLabel, Literal(a, lang="en")))
    return g


def load_registry() -> tuple[dict[str, URIRef], dict[URIRef, str]]:
    g = Graph()
    for path in sorted((ROOT / "data" / "registry").glob("*.ttl")):
        g.parse(path)
    index: dict[str, URIRef] = {}
    pref: dict[URIRef, str] = {}
    for s, _, o in g.triples((None, SKOS.prefLabel, None)):
        index[normalise(str(o))] = s
        pref[s] = str(o)
    for s, _, o in g.triples((None, SKOS.altLabel, None)):
        index.setdefault(normalise(str(o)), s)
    return index, pref


INDEX: dict[str, URIRef] = {}
PREF: dict[URIRef, str] = {}


def org(name: str) -> URIRef:
    if name in NAME_ALIASES and NAME_ALIASES[name]:
        iri = ID[NAME_ALIASES[name]]
        if iri not in PREF:
            raise KeyError(f"alias target not in registry: {iri}")
    else:
        key = normalise(name)
        if key not in INDEX:
            raise KeyError(f"not in the registry: {name!r}")
        iri = INDEX[key]
    if name != PREF[iri]:
        kind = "mechanism" if str(iri).startswith(str(MECHANISM)) else "organization"
        ALIASES.add((kind, name, str(iri)))
    return iri


def state(name: str) -> URIRef:
    code = country_code(name, COUNTRY_EXTRA)
    if name != country_name(code):
        ALIASES.add(("country", name, str(COUNTRY[code])))
    return COUNTRY[code]


def agent(name: str) -> URIRef:
    """A chair/secretariat cell: a State if it is one, else a registry organization."""
    try:
        return state(name)
    except KeyError:
        return org(name)


def build(rows: list[dict], cls: URIRef, typ: URIRef, region: str) -> tuple[Graph, list[str]]:
    g = new_graph()
    citer = Citer(g, SOURCE_SLUG)  # every fact cited at its row (docs/modelling.md)
    section = "irf" if typ == TYPOLOGY.irf else "global-process"
    report = []
    for row in rows:
        m = MECHANISM[row["slug"]]
        with row_block(citer, *OVERVIEW_SECTIONS[section], m):
            if m not in PREF:
                raise KeyError(f"mechanism not in registry: {m}")
            if row["written"] != PREF[m]:
                # record the written heading as an alias, and check it resolves to this mechanism
                key = normalise(row["written"])
                if INDEX.get(key, m) != m:
                    raise ValueError(f"{row['written']!r} resolves elsewhere")
                ALIASES.add(("mechanism", row["written"], str(m)))
            g.add((m, RDF.type, cls))
            g.add((m, ISCM.mechanismType, typ))
            g.add((m, ISCM.listedUnderRegion, REGION[region]))
            for lang in ("fr", "es"):
                if row.get(lang):
                    g.add((m, SKOS.prefLabel, Literal(row[lang], lang=lang)))
                if row.get(f"{lang}_long"):
                    g.add((m, SKOS.altLabel, Literal(row[f"{lang}_long"], lang=lang)))
            if row.get("year"):
                g.add((m, ISCM.yearEstablished, year(row["year"])))
            if row.get("count") is not None:
                g.add((m, ISCM.memberCountStated, Literal(row["count"], datatype=XSD.integer)))
            for name in row.get("chair", []):
                g.add((m, ISCM.chair, agent(name)))
            for name in row.get("co_chair", []):
                g.add((m, ISCM.coChair, agent(name)))
            for name in row.get("incoming_chair", []):
                g.add((m, ISCM.incomingChair, agent(name)))
            for name in row.get("secretariat", []):
                g.add((m, ISCM.secretariat, agent(name)))
            for name in row.get("associated", []):
                g.add((m, ISCM.associatedOrganization, org(name)))
            for r in row.get("regions_covered", []):
                g.add((m, ISCM.regionCovered, REGION[r]))
            for r in row.get("iom_roles", []):
                g.add((m, ISCM.iomRole, IOMROLE[r]))
            if row.get("homepage"):
                g.add((m, FOAF.homepage, URIRef(row["homepage"])))
            for note in row.get("notes", []):
                g.add((m, SKOS.editorialNote, Literal(note)))

            seen: dict[tuple[str, URIRef], URIRef] = {}
            member_notes = row.get("member_notes", {})
            for role, names, note, kind in row["members"]:
                # a group the source names instead of its States, expanded by the project
                expanded = kind == "code" or any(names is group for group in (EU28, EU27_PRE2013))
                for name in names:
                    who = COUNTRY[name] if kind == "code" else state(name) if kind == "country" else org(name)
                    ms = membership_iri(SOURCE_SLUG, m, role, who)
                    if (role, who) in seen:
                        continue  # duplicate in the source list (e.g. UNHCR twice)
                    seen[(role, who)] = ms
                    g.add((ms, RDF.type, ORG.Membership))
                    g.add((ms, ORG.organization, m))
                    g.add((ms, ORG.member, who))
                    g.add((ms, ORG.role, ROLE[role]))
                    add_membership_basis(g, ms, expanded)
                    if note:
                        g.add((ms, ISCM.membershipNote, Literal(note)))
                    if role == "member" and name in member_notes:
                        g.add((ms, ISCM.membershipNote, Literal(member_notes[name])))
            members = {w for (r, w) in seen if r == "member"}
            states = {w for w in members if str(w).startswith(str(COUNTRY))}
            by_role = {}
            for (r, w) in seen:
                by_role[r] = by_role.get(r, 0) + 1
            report.append(
                f"{row['slug']:<20} member States {len(states):>3} (all members {len(members):>3}) "
                f"stated {row.get('count')!s:>4}   roles {dict(sorted(by_role.items()))}"
            )
    citer.write()
    return g, report


def build_regions() -> Graph:
    g = new_graph()
    scheme = URIRef("https://w3id.org/iscm/id/scheme/regions")
    for slug, label in REGIONS.items():
        s = REGION[slug]
        g.add((s, RDF.type, SKOS.Concept))
        g.add((s, SKOS.inScheme, scheme))
        g.add((s, SKOS.prefLabel, Literal(label, lang="en")))
    return g


def main() -> None:
    write_turtle(build_org_registry(), OUT_ORGS,
                 "Organizations named in sections II-III of the overview-2017 table that were not\n"
                 f"yet in the registry. Generated by tools/extract_{TAG}.py.")
    if "--registry-only" in sys.argv[1:]:  # first phase of `make data` (tools/build_data.py)
        return
    index, pref = load_registry()
    INDEX.update(index)
    PREF.update(pref)

    header = ("Source: IOM overview of the principal inter-State consultation mechanisms on "
              "migration, c. 2016-17 (source/overview-2017).\n{}\n"
              f"Generated by tools/extract_{TAG}.py; facts read by hand from the seed text.")
    g_irf, rep_irf = build(IRFS, ISCM.InterregionalForum, TYPOLOGY.irf, "interregional")
    write_turtle(g_irf, OUT_IRFS, header.format("Section II: interregional forums on migration."))
    g_glob, rep_glob = build(GLOBAL, ISCM.GlobalProcess, TYPOLOGY["global-process"], "global")
    write_turtle(g_glob, OUT_GLOBAL, header.format("Section III: global processes on migration."))
    write_turtle(build_regions(), OUT_REGIONS,
                 f"Region concepts used by tools/extract_{TAG}.py (overview-2017, sections II-III).")

    OUT_ALIASES.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{k}\t{n}\t{i}" for k, n, i in sorted(ALIASES)]
    OUT_ALIASES.write_text("\n".join(lines) + "\n", encoding="utf-8")

    # checks: every file parses; every IRI used is known
    import pycountry
    used = Graph()
    for p in (OUT_IRFS, OUT_GLOBAL, OUT_REGIONS, OUT_ORGS):
        used.parse(p)
    for o in set(used.objects()) | set(used.subjects()):
        if not isinstance(o, URIRef):
            continue
        s = str(o)
        if s.startswith(str(COUNTRY)):
            code = s.rsplit("/", 1)[-1]
            assert code == "XKX" or pycountry.countries.get(alpha_3=code), code
        elif s.startswith(str(ORGANIZATION)) or s.startswith(str(MECHANISM)):
            assert o in PREF, f"unknown IRI {o}"
        elif s.startswith(str(REGION)):
            assert s.rsplit("/", 1)[-1] in REGIONS, s

    print("Section II (IRFs):")
    print("\n".join(rep_irf))
    print("Section III (global processes):")
    print("\n".join(rep_glob))
    print(f"{len(ALIASES)} alias lines; {len(NEW_ORGANIZATIONS)} new organizations")


if __name__ == "__main__":
    main()
