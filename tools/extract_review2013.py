"""Extract Harns (2013), IOM Migration Research Series No. 45, into the source graph `review-2013`.

Read by hand from the seed text (001_0ec7d7077cf6277d.txt): Annex A (classification by region),
Annex B (members, observers/partners, secretariat, dates) and the "Taxonomic placement" paragraph
of each case study in section 3, plus the working taxonomy of section 2 (global mechanisms).
Annex C (meetings) is extracted by another tool.

The facts are hard-coded below as they were read; the Turtle written from them is the truth.
Run:  .venv/bin/python tools/extract_review2013.py

Writes only:
  data/review-2013/{source,mechanisms,memberships,history,member-count-notes}.ttl
  data/registry/organizations-review2013.ttl
  ontology/taxonomies/regions/review2013.ttl
  tools/aliases/review2013.tsv
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    ID, ISCM, MECHANISM, ORG, ORGANIZATION, REGION, ROLE, ROOT, SOURCE, TYPOLOGY, IOMROLE,
    country_code, country_name, date_literal, membership_iri, new_graph, normalise, registry_labels,
    write_turtle, year, ACP_GROUP_79, add_membership_basis, Citer, annex_row, review_case_study,
    REVIEW_CASE_STUDIES,
)

SLUG = "review-2013"
SRC = SOURCE[SLUG]
OUT = ROOT / "data" / SLUG
EN = "en"

# ---------------------------------------------------------------------------------------------
# Country spellings of this source that common.country() does not resolve by itself.
# ---------------------------------------------------------------------------------------------
EXTRA_COUNTRY_ALIASES = {
    "New Caledonia (France)": "NCL",
    "Kosovo/UNSCR 1244": "XKX",
    "the Kingdom of Morocco": "MAR",
    "Timor- Leste": "TLS",
    "Iran": "IRN",
    "Micronesia": "FSM",
}


def cc(name: str) -> str:
    return country_code(name, EXTRA_COUNTRY_ALIASES)


# ---------------------------------------------------------------------------------------------
# Organizations not yet in the registry (written to data/registry/organizations-review2013.ttl)
# slug: (prefLabel, [altLabels])
# ---------------------------------------------------------------------------------------------
NEW_ORGANIZATIONS = {
    "sadc-pf": ("SADC Parliamentary Forum", ["Southern African Development Community Parliamentary Forum"]),
    "congad": ("Council of Non-Governmental Organizations for Development Support", ["CONGAD"]),
    "ird": ("Institut de Recherche pour le Développement", ["IRD"]),
    "ocha": ("United Nations Office for the Coordination of Humanitarian Affairs",
             ["OCHA", "UNOCHA", "UN Office for the Coordination of Humanitarian Affairs"]),
    "oau": ("Organization of African Unity", ["OAU"]),
    "unaids": ("Joint United Nations Programme on HIV/AIDS", ["UNAIDS"]),
    "wfp": ("World Food Programme", ["WFP"]),
    "afdb": ("African Development Bank", ["AfDB"]),
    "fao": ("Food and Agriculture Organization of the United Nations", ["FAO"]),
    "iachr": ("Inter-American Commission on Human Rights",
              ["IACHR", "Inter-American Commission for Human Rights", "ICHR"]),
    "un-sr-migrants": ("United Nations Special Rapporteur on the Human Rights of Migrants",
                       ["UN Special Rapporteur on the Human Rights of Migrants"]),
    "sela": ("Latin American and Caribbean Economic System", ["SELA", "Latin American Economic System"]),
    "dfid": ("Department for International Development (United Kingdom)",
             ["DFID", "Department for International Development"]),
    "unifem": ("United Nations Development Fund for Women", ["UNIFEM"]),
    "swedish-migration-board": ("Swedish Migration Board", ["SMB"]),
    "bsec": ("Organization of the Black Sea Economic Cooperation",
             ["BSEC", "Black Sea Economic Cooperation Organization"]),
    "seci-centre": ("Southeast European Cooperative Initiative Regional Centre",
                    ["SECI Centre", "Southeast European Cooperative Initiative (SECI) Centre"]),
    "un-cicp": ("United Nations Centre for International Crime Prevention",
                ["UN-CICP", "UN Centre for International Crime Prevention"]),
    "dcaf": ("Geneva Centre for the Democratic Control of Armed Forces", ["DCAF"]),
    "eurojust": ("Eurojust", ["Judicial Cooperation Unit of the EU"]),
    "iopcr": ("International Organization for Peace, Care and Relief", ["IOPCR"]),
    "escwa": ("United Nations Economic and Social Commission for Western Asia",
              ["ESCWA", "UNESCWA", "UN Economic and Social Commission for Western Asia"]),
    "caritas": ("Caritas", []),
    "ifad": ("International Fund for Agricultural Development", ["IFAD"]),
    "uae-ministry-of-labour": ("Ministry of Labour of the United Arab Emirates", []),
    "igc-secretariat": ("IGC Secretariat",
                        ["Secretariat of the Intergovernmental Consultations on Migration, Asylum and Refugees"]),
}

# Names as this source writes them that the registry does not (yet) carry as labels.
# name as written -> IRI. These go into tools/aliases/review2013.tsv together with every other
# written name that differs from the registry prefLabel.
LOCAL_ALIASES = {
    "RROCM": ORGANIZATION["rncom"],  # the network's Spanish acronym (Red Regional de Organizaciones Civiles para las Migraciones)
    "SADC Secretariat": ORGANIZATION["sadc"],
    "Southern African Development Community (SADC) Secretariat": ORGANIZATION["sadc"],
    "SADC Parliamentary Forum (immigration and labour arms)": ORGANIZATION["sadc-pf"],
    "Council of Non-Governmental Organizations for Development Support (CONGAD)": ORGANIZATION["congad"],
    "Institut de Recherche pour le Développement (IRD)": ORGANIZATION["ird"],
    "UN Office for the Coordination of Humanitarian Affairs (UNOCHA)": ORGANIZATION["ocha"],
    "Organization of African Unity (OAU)": ORGANIZATION["oau"],
    "West African Economic and Monetary Union (UEMOA)": ORGANIZATION["uemoa"],
    "World Food Programme (WFP)": ORGANIZATION["wfp"],
    "Community of Sahel- Saharan States (CEN-SAD)": ORGANIZATION["censad"],
    "Economic Community of Central African States (ECCAS)": ORGANIZATION["eccas"],
    "United Nations Development Programme (UNDP)": ORGANIZATION["undp"],
    "the World Bank": ORGANIZATION["world-bank"],
    "the European Commission (EC)": ORGANIZATION["european-commission"],
    "the EC": ORGANIZATION["european-commission"],
    "The European Commission": ORGANIZATION["european-commission"],
    "Food and Agriculture Organization of the United Nations (FAO)": ORGANIZATION["fao"],
    "Economic Commission for Latin America and the Caribbean (ECLAC)": ORGANIZATION["eclac"],
    "Inter- American Commission for Human Rights (ICHR)": ORGANIZATION["iachr"],
    "UN Special Rapporteur on the Human Rights of Migrants": ORGANIZATION["un-sr-migrants"],
    "Regular Network of Civil Society Organizations on Migration": ORGANIZATION["rncom"],
    "Latin American Economic System": ORGANIZATION["sela"],
    "Ibero-American Secretary General": ORGANIZATION["segib"],
    "Asian Development Bank (ADB)": ORGANIZATION["adb"],
    "Department for International Development (DFID)": ORGANIZATION["dfid"],
    "United Nations Development Fund for Women (UNIFEM)": ORGANIZATION["unifem"],
    "Ministry of Labour of the United Arab Emirates": ORGANIZATION["uae-ministry-of-labour"],
    "ASEAN Secretariat": ORGANIZATION["asean"],
    "ASEM Secretariat": ORGANIZATION["asem"],
    "PIDC Secretariat": ORGANIZATION["pidc-secretariat"],
    "Permanent ACP Secretariat based in Brussels": ORGANIZATION["acp-group"],
    "Permanent Secretariat established in 2007": ORGANIZATION["apc-secretariat"],
    "Black Sea Economic Cooperation Organization (BSEC)": ORGANIZATION["bsec"],
    "CIS Executive Committee": ORGANIZATION["cis"],
    "European Police Office (EUROPOL)": ORGANIZATION["europol"],
    "International Criminal Police Organization (INTERPOL)": ORGANIZATION["interpol"],
    "Southeast European Cooperative Initiative (SECI) Centre": ORGANIZATION["seci-centre"],
    "UN Centre for International Crime Prevention (UN-CICP)": ORGANIZATION["un-cicp"],
    "Swedish Migration Board (SMB)": ORGANIZATION["swedish-migration-board"],
    "Eurojust (the Judicial Cooperation Unit of the EU)": ORGANIZATION["eurojust"],
    "General Secretariat of the European Council": ORGANIZATION["council-of-the-eu"],
    "International Organization for Peace, Care and Relief (IOPCR)": ORGANIZATION["iopcr"],
    "League of Arab States (LAS)": ORGANIZATION["league-of-arab-states"],
    "UN Economic and Social Commission for Western Asia (UNESCWA)": ORGANIZATION["escwa"],
    "International Fund for Agricultural Development (IFAD)": ORGANIZATION["ifad"],
    "the EU": ORGANIZATION["european-union"],
    "IGC Secretariat": ORGANIZATION["igc-secretariat"],
    # mechanism names as written in Annex A / Annex B / section 3 headings
    "Inter-governmental Authority on Development Regional Consultative Process on Migration (IGAD-RCP)":
        MECHANISM["igad-rcp"],
    "Intergovernmental Authority on Development – Regional Consultative Process on Migration":
        MECHANISM["igad-rcp"],
    "COMESA Regional Consultative Process on Migration (Tentative title; anticipated initiation: 2013)":
        MECHANISM["comesa-rcp"],
    "Common Market for Eastern and Southern Africa, Regional Consultative Process on Migration":
        MECHANISM["comesa-rcp"],
    "Euro-African Intergovernmental Dialogue on Migration and Development (or, simply, the 'Rabat Process')":
        MECHANISM["rabat-process"],
    "Regional Conference on Migration (RCM, or, simply, the 'Puebla Process')": MECHANISM["puebla-process"],
    "Lima Process": MECHANISM["sacm"],
    "Ministerial Consultation on Overseas Employment and Contractual Labour for Countries of Origin in Asia ('Colombo Process')":
        MECHANISM["colombo-process"],
    "Ministerial Consultations on Overseas Employment and Contractual Labor for Countries of Origin and Destination in Asia (Abu Dhabi Dialogue)":
        MECHANISM["abu-dhabi-dialogue"],
    "Ministerial Consultations on Overseas Employment and Contractual Labour for Countries of Origin and Destination in Asia":
        MECHANISM["abu-dhabi-dialogue"],
    "Asia-Europe Meeting (ASEM) Conference of the Directors-General of Immigration and Management of Migratory Flows (ASEM CDGIMM)":
        MECHANISM["asem-cdgimm"],
    "Asia-Europe Meeting Conference of the Directors-General of Immigration and Management of Migratory Flows":
        MECHANISM["asem-cdgimm"],
    "CDGIMM": MECHANISM["asem-cdgimm"],
    "Bali Conference": MECHANISM["bali-process"],
    "Inter-governmental Asia-Pacific Consultations on Refugees, Displaced Persons, and Migrants (APC)":
        MECHANISM["apc"],
    "ACP-EU Dialogue on Migration": MECHANISM["acp-eu-dialogue"],
    "African, Caribbean and Pacific Group of States-European Union Dialogue on Migration": MECHANISM["acp-eu-dialogue"],
    "Intergovernmental Consultations on Asylum, Refugee and Migration Policies in Europe, North America and Australia":
        MECHANISM["igc"],
    "Eastern Partnership Panel on Migration and Asylum (EPPMA)": MECHANISM["eap-panel"],
    "Cross-Border Cooperation Process [CBCP]": MECHANISM["soderkoping-process"],
    "Söderköping Process": MECHANISM["soderkoping-process"],
    "European Union, Latin America and the Caribbean Structured and Comprehensive Dialogue on Migration (EU-LAC SCDM)":
        MECHANISM["eu-celac-dialogue"],
    "European Union-Latin America and the Caribbean Structured and Comprehensive Dialogue on Migration":
        MECHANISM["eu-celac-dialogue"],
    "Mediterranean Transit Migration Dialogue (MTM)": MECHANISM["mtm"],
    "Regional Ministerial Conference on Migration in the Western Mediterranean (5+5 Dialogue, or, simply, '5+5')":
        MECHANISM["five-plus-five-dialogue"],
    "Euro-Mediterranean Partnership, Migration Dialogue (E-MP MD)": MECHANISM["euromed-migration-dialogue"],
    "Euro-Mediterranean Partnership, Migration Dialogue": MECHANISM["euromed-migration-dialogue"],
    "Migration Dialogue for Southern Africa (MIDSA)": MECHANISM["midsa"],
    "Migration Dialogue for West Africa (MIDWA)": MECHANISM["midwa"],
    "Ibero-American Forum on Migration and Development (FIBEMYD)": MECHANISM["fibemyd"],
    "South American Conference on Migration (SACM)": MECHANISM["sacm"],
    "ASEAN Forum on Migrant Labour (AFML)": MECHANISM["afml"],
    "Intergovernmental Consultations on Migration, Asylum and Refugees (IGC)": MECHANISM["igc"],
    "Prague Process (Building Migration Partnerships)": MECHANISM["prague-process"],
    "HLDIM": MECHANISM["hld"],
    "High Level Dialogue on International Migration and Development": MECHANISM["hld"],
    "IOM Member State Dialogue Sessions": MECHANISM["idm"],
}

# ---------------------------------------------------------------------------------------------
# Regions: the Annex A headings (slug: prefLabel, altLabels as written elsewhere in the source)
# ---------------------------------------------------------------------------------------------
REGIONS = {
    "africa-intra-african": ("Africa (intra-African)", []),
    "africa-with-europe": ("Africa with Europe", []),
    "americas-and-the-caribbean": ("Americas and the Caribbean", []),
    "asia-intra-asian": ("Asia (intra-Asian)", []),
    "arabian-peninsula-with-other-asia": ("Arabian Peninsula, with other Asia",
                                          ["Arabian Peninsula in West Asia, with Other Asia"]),
    "asia-with-europe": ("Asia with Europe", []),
    "asia-with-oceania": ("Asia with Oceania", ["Asia and Oceania"]),
    "europe-with-acp-states": ("Europe with African, Caribbean and Pacific States",
                               ["Europe with African, Pacific and Caribbean States",
                                "Europe with African, Caribbean and Pacific Group of States"]),
    "europe-with-australia-canada-new-zealand-and-the-united-states": (
        "Europe with Australia, Canada, New Zealand and the United States", []),
    "europe-with-the-former-soviet-union": (
        "Europe with the former Soviet Union",
        ["Europe with the former Soviet Union and selected neighbouring countries"]),
    "europe-with-latin-america": ("Europe with Latin America", []),
    "mediterranean": ("Mediterranean", ["The Mediterranean"]),
}
REGION_DEFINITIONS = {
    "africa-intra-african": "Heading of the 2013 IOM review for mechanisms whose participants are African States only.",
    "africa-with-europe": "Heading of the 2013 IOM review for mechanisms joining African and European States.",
    "americas-and-the-caribbean": "Heading of the 2013 IOM review for mechanisms of the Americas, Caribbean included.",
    "asia-intra-asian": "Heading of the 2013 IOM review for mechanisms whose participants are Asian States only.",
    "arabian-peninsula-with-other-asia": "Heading of the 2013 IOM review for mechanisms joining Arabian Peninsula States with other Asian States.",
    "asia-with-europe": "Heading of the 2013 IOM review for mechanisms joining Asian and European States.",
    "asia-with-oceania": "Heading of the 2013 IOM review for mechanisms joining Asian States with States and territories of Oceania.",
    "europe-with-acp-states": "Heading of the 2013 IOM review for mechanisms joining Europe with the African, Caribbean and Pacific Group of States.",
    "europe-with-australia-canada-new-zealand-and-the-united-states": "Heading of the 2013 IOM review for mechanisms joining European States with Australia, Canada, New Zealand and the United States.",
    "europe-with-the-former-soviet-union": "Heading of the 2013 IOM review for mechanisms joining European States with States of the former Soviet Union and some neighbours.",
    "europe-with-latin-america": "Heading of the 2013 IOM review for mechanisms joining Europe with Latin America and the Caribbean.",
    "mediterranean": "Heading of the 2013 IOM review for mechanisms of the countries around the Mediterranean.",
}

# ---------------------------------------------------------------------------------------------
# The 2013 working taxonomy (section 2) as applied in Annex A and section 3.
# class code -> (rdf:type, broad typology concept or None, working-taxonomy concept)
# ---------------------------------------------------------------------------------------------
CLASSES = {
    "RCP": (ISCM.RegionalConsultativeProcess, TYPOLOGY["rcp"], TYPOLOGY["rcp-stand-alone"]),
    "RCP, Pillar": (ISCM.RegionalConsultativeProcess, TYPOLOGY["rcp"], TYPOLOGY["rcp-pillar"]),
    "IRF, Pillar": (ISCM.InterregionalForum, TYPOLOGY["irf"], TYPOLOGY["irf-pillar"]),
    "Other, Pillar": (None, None, TYPOLOGY["other-pillar"]),
}

# ---------------------------------------------------------------------------------------------
# Groups the source names instead of listing States (expanded, rule 5).
# ---------------------------------------------------------------------------------------------
EU27 = ["AUT", "BEL", "BGR", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
        "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "GBR"]
ACP79 = ACP_GROUP_79  # tools/common.py: the same expansion in every source graph
LAC33 = ["ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA", "DOM",
         "ECU", "SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN", "PRY", "PER",
         "KNA", "LCA", "VCT", "SUR", "TTO", "URY", "VEN"]


def split(text: str) -> list[str]:
    """Split a source list 'A, B, C and D' into names (only where no name contains ' and ')."""
    parts = [p.strip() for p in text.replace(" and ", ", ").split(",")]
    return [p for p in parts if p]


# Names that contain " and " and must not be split.
KEEP_AND = ["Bosnia and Herzegovina", "Trinidad and Tobago", "Saint Kitts and Nevis",
            "Antigua and Barbuda", "Sao Tome and Principe", "Saint Vincent and the Grenadines"]


def names(text: str) -> list[str]:
    protected = text
    for i, n in enumerate(KEEP_AND):
        protected = protected.replace(n, f"@@{i}@@")
    out = []
    for p in split(protected):
        for i, n in enumerate(KEEP_AND):
            p = p.replace(f"@@{i}@@", n)
        out.append(p)
    return out


# ---------------------------------------------------------------------------------------------
# The 25 reviewed mechanisms.
#   region: Annex A heading; cls: Annex A classification
#   members / observers / partners ...: lists of (kind, name as written, note)
# ---------------------------------------------------------------------------------------------
TRIPOLI_NOTE = ("Annex B cell for the Tripoli Process repeats the MIDWA cell word for word; "
                "recorded as the source prints it")
MECHS: dict[str, dict] = {}


def mech(slug, **kw):
    MECHS[slug] = kw


# --- Africa (intra-African) ------------------------------------------------------------------
mech("midsa", region="africa-intra-african", cls="RCP",
     written=["Migration Dialogue for Southern Africa (MIDSA)", "Migration Dialogue for Southern Africa", "MIDSA"],
     initiation="2000", established="2000",
     members=names("Angola, Botswana, Comoros, Democratic Republic of the Congo, Lesotho, Madagascar, "
                   "Malawi, Mauritius, Mozambique, Namibia, Seychelles, South Africa, Swaziland, "
                   "the United Republic of Tanzania, Zambia and Zimbabwe"),
     observer_states=names("Australia, Canada, Denmark, the Netherlands, Norway, Sweden, Switzerland, "
                           "the United Kingdom and the United States of America"),
     observer_orgs=["Southern African Development Community (SADC) Secretariat",
                    "SADC Parliamentary Forum (immigration and labour arms)", "AUC"],
     iom_roles=["secretariat-support"],
     notes=["Annex B: no official secretariat; IOM gives support together with the Southern African "
            "Migration Project. UN agencies and diplomatic missions also attend case by case (not listed).",
            "Section 3 describes membership as the 15 SADC States plus Comoros; no single total is given."])

mech("midwa", region="africa-intra-african", cls="RCP",
     written=["Migration Dialogue for West Africa (MIDWA)", "Migration Dialogue for West Africa", "MIDWA"],
     initiation="2001", established="2000",
     members=names("Benin, Burkina Faso, Cape Verde, Côte d'Ivoire, Ghana, the Gambia, Guinea, "
                   "Guinea-Bissau, Liberia, Mali, the Niger, Nigeria, Senegal, Sierra Leone and Togo"),
     observer_states=["France", "Switzerland"],
     observer_orgs=["Council of Non-Governmental Organizations for Development Support (CONGAD)", "ECOWAS",
                    "Institut de Recherche pour le Développement (IRD)", "ILO", "IOM",
                    "UN Office for the Coordination of Humanitarian Affairs (UNOCHA)",
                    "Organization of African Unity (OAU)", "OECD",
                    "West African Economic and Monetary Union (UEMOA)", "UNAIDS", "UNHCR", "UNICEF",
                    "UNODC", "World Food Programme (WFP)"],
     iom_roles=["capacity-building"],
     notes=["Annex B gives 2001 as the date of initiation; section 3 says MIDWA was founded in 2000, "
            "the same year as MIDSA. Both are kept.",
            "Annex B: no official secretariat; IOM supports capacity-building for ECOWAS institutions and "
            "member States."])

mech("comesa-rcp", region="africa-intra-african", cls="RCP, Pillar",
     written=["COMESA Regional Consultative Process on Migration (Tentative title; anticipated initiation: 2013)",
              "Common Market for Eastern and Southern Africa, Regional Consultative Process on Migration",
              "COMESA RCP"],
     associated=["comesa"],
     expected_members=names("Burundi, Comoros, Democratic Republic of the Congo, Djibouti, Egypt, Eritrea, "
                            "Ethiopia, Kenya, Libya, Madagascar, Malawi, Mauritius, Rwanda, Seychelles, "
                            "the Sudan, South Sudan, Swaziland, Uganda, Zambia and Zimbabwe"),
     notes=["Not yet launched when the source was written (March 2013); Annex B gives an expected "
            "initiation in 2013 and section 3 a planned launch in June 2013. No initiation date recorded.",
            "Annex B: no observers; the COMESA Centre is named as the eventual secretariat (not recorded "
            "as a secretariat because it did not yet exist in that role).",
            "The title is marked as tentative in Annex A.",
            "Section 3 gives COMESA 19 member States; the expected-member list of Annex B has 20 "
            "(it includes South Sudan)."])

mech("igad-rcp", region="africa-intra-african", cls="RCP, Pillar",
     written=["Inter-governmental Authority on Development Regional Consultative Process on Migration (IGAD-RCP)",
              "Intergovernmental Authority on Development – Regional Consultative Process on Migration",
              "IGAD-RCP"],
     initiation="2008", established="2008",
     associated=["igad"], secretariat=["IGAD"], iom_roles=["secretariat-support"],
     members=names("Djibouti, Ethiopia, Kenya, Somalia, the Sudan and Uganda"),
     suspended=["Eritrea"],
     observer_states=names("Chad, Egypt, Libya, the Niger, Tunisia and Yemen"),
     observer_orgs=["AUC", "Community of Sahel- Saharan States (CEN-SAD)", "EAC",
                    "Economic Community of Central African States (ECCAS)", "ECOWAS", "IOM", "SADC"],
     partner_states=names("Austria, Belgium, Canada, Denmark, France, Greece, Germany, Ireland, Italy, Japan, "
                          "the Netherlands, Norway, Sweden, United Kingdom and USA"),
     partner_orgs=["EC", "United Nations Development Programme (UNDP)", "the World Bank"],
     partner_note="listed in the observers/partners cell as IGAD partners / IGAD Partners Forum members",
     notes=["Annex B: IGAD runs the secretariat together with the AU Commission and IOM.",
            "Section 3: the 2008 declaration set the process up; its first meeting was in 2010."])

# --- Africa with Europe -------------------------------------------------------------------------
mech("rabat-process", region="africa-with-europe", cls="RCP",
     written=["Euro-African Intergovernmental Dialogue on Migration and Development (or, simply, the 'Rabat Process')",
              "Euro-African Dialogue on Migration and Development", "Rabat Process"],
     initiation="2006", established="2006",
     members=names("Austria, Bulgaria, Burkina Faso, Cameroon, Cape Verde, Central African Republic, Chad, "
                   "Congo, Democratic Republic of the Congo, Cyprus, Czech Republic, Denmark, Egypt, Estonia, "
                   "Finland, Benin, the Gambia, Germany, Ghana, Guinea, Guinea-Bissau, Greece, Hungary, "
                   "Iceland, Ireland, Côte d'Ivoire, Latvia, Liberia, Libya, Liechtenstein, Lithuania, "
                   "Luxembourg, Mali, Malta, Mauritania, the Netherlands, the Niger, Nigeria, Norway, Poland, "
                   "Portugal, Romania, Sierra Leone, Slovenia, Sweden, Switzerland, Togo, Tunisia and "
                   "the United Kingdom"),
     member_orgs=[("European Commission", "member according to section 3"),
                  ("ECOWAS", "member according to section 3")],
     observer_states=["Algeria"],
     observer_orgs=["African Development Bank", "Food and Agriculture Organization of the United Nations (FAO)",
                    "Frontex", "ICMPD", "ILO", "IOM", "United Nations Development Programme (UNDP)", "UNICEF",
                    "UNHCR", "UNODC", "the World Bank"],
     steering_states=names("Belgium, Burkina Faso, Equatorial Guinea, France, Italy, Morocco, Senegal and Spain"),
     steering_orgs=["the European Commission (EC)", "ECOWAS"],
     steering_note=("printed in the secretariat row of Annex B; section 3 identifies EC and ECOWAS as "
                    "Steering Committee members, so the row is read as the Steering Committee"),
     notes=["The Annex B secretariat row lists ten States and organizations; read as the Steering Committee "
            "(section 3), so no secretariat is recorded.",
            "Steering Committee States other than Burkina Faso are missing from the Annex B member list; "
            "they are recorded only as steering-group members, as printed."])

mech("tripoli-process", region="africa-with-europe", cls="IRF, Pillar",
     written=["Tripoli Process"],
     initiation="2001", established="2006",
     associated=["african-union", "european-union"],
     members=names("Benin, Burkina Faso, Cape Verde, Côte d'Ivoire, Ghana, Gambia, Guinea, Guinea-Bissau, "
                   "Liberia, Mali, the Niger, Nigeria, Senegal, Sierra Leone and Togo"),
     member_note=TRIPOLI_NOTE,
     observer_states=["France", "Switzerland"],
     observer_orgs=["CONGAD", "ECOWAS", "IRD", "ILO", "IOM", "UNOCHA", "OAU", "OECD", "UEMOA", "UNAIDS",
                    "UNHCR", "UNICEF", "UNODC", "WFP"],
     observer_note=TRIPOLI_NOTE,
     notes=["The Annex B entry for the Tripoli Process (members, observers, secretariat, date 2001) is an exact "
            "copy of the MIDWA entry, evidently a layout error of the source; members, observers and the "
            "2001 date are recorded as printed and flagged. Section 3 dates the process from the "
            "EU-Africa ministerial meeting in Tripoli of November 2006 and describes it as covering the whole "
            "African continent and the whole EU.",
            "Section 3 places it as a pillar of the Joint Africa-EU Strategic Partnership; recorded as "
            "associated with the African Union and the European Union."])

# --- Americas and the Caribbean -------------------------------------------------------------------
mech("puebla-process", region="americas-and-the-caribbean", cls="RCP",
     written=["Regional Conference on Migration (RCM, or, simply, the 'Puebla Process')",
              "Regional Conference on Migration", "RCM", "Puebla Process"],
     initiation="1996", established="1996", count=11,
     secretariat=["IOM"], iom_roles=["technical-secretariat"],
     members=names("Belize, Canada, Costa Rica, Dominican Republic, El Salvador, Guatemala, Honduras, Mexico, "
                   "Nicaragua, Panama and the United States"),
     observer_states=names("Argentina, Colombia, Ecuador, Jamaica and Peru"),
     observer_orgs=["Economic Commission for Latin America and the Caribbean (ECLAC)",
                    "Inter- American Commission for Human Rights (ICHR)", "IOM", "SEGIB", "SICA", "UNFPA",
                    "UNHCR", "UN Special Rapporteur on the Human Rights of Migrants"],
     participant_orgs=[("Regular Network of Civil Society Organizations on Migration",
                        "frequent contributor, explicitly not an observer (Annex B)")],
     notes=["The civil society network is printed as 'Regular Network' in Annex B and as 'Regional Network' "
            "in section 3; recorded as a participant because Annex B says it is not an observer."])

mech("sacm", region="americas-and-the-caribbean", cls="RCP",
     written=["South American Conference on Migration (SACM)", "South American Conference on Migration",
              "SACM", "Lima Process"],
     initiation="2001", established="2000",
     secretariat=["IOM"], iom_roles=["technical-secretariat"],
     members=names("Argentina, Bolivia (Plurinational State of), Brazil, Chile, Colombia, Ecuador, Guyana, "
                   "Paraguay, Peru, Suriname, Uruguay and Venezuela (Bolivarian Republic of)"),
     observer_states=names("Australia, Canada, France, Italy, Mexico, Spain, Switzerland and the United States"),
     observer_orgs=["CAN", "Economic Commission for Latin America and the Caribbean (ECLAC)", "ILO", "IOM",
                    "Latin American Economic System", "UNESCO", "UNHCR"],
     notes=["Annex B gives 2001; section 3 says a 1999 meeting agreed to set it up and the first conference "
            "was held the following year (2000), recorded as the year established.",
            "'CAN' in the observer list is the Andean Community, not Canada (Canada is listed separately)."])

mech("fibemyd", region="americas-and-the-caribbean", cls="IRF, Pillar",
     written=["Ibero-American Forum on Migration and Development (FIBEMYD)",
              "Ibero-American Forum on Migration and Development", "FIBEMYD"],
     initiation="2008", established="2008", count=22,
     associated=["segib"], secretariat=["Ibero-American Secretary General"],
     members=names("Andorra, Argentina, Bolivia (Plurinational State of), Brazil, Chile, Colombia, Costa Rica, "
                   "Cuba, Dominican Republic, Ecuador, El Salvador, Guatemala, Honduras, Mexico, Nicaragua, "
                   "Panama, Peru, Paraguay, Portugal, Spain, Uruguay and Venezuela (Bolivarian Republic of)"),
     notes=["Annex B names the Ibero-American Secretary General (SEGIB) as secretariat, while section 3 says "
            "the Forum has no dedicated secretariat; the Annex B entry is recorded.",
            "The stated count of 22 is the number of Ibero-American countries given in section 3.",
            "Section 3 places it as a pillar of the Ibero-American summit process, whose secretariat is SEGIB.",
            "Annex B: no observers."])

# --- Asia (intra-Asian) ------------------------------------------------------------------------
mech("almaty-process", region="asia-intra-asian", cls="RCP",
     written=["Almaty Process"],
     secretariat=["IOM", "UNHCR"], iom_roles=["technical-co-secretariat"],
     expected_members=names("Afghanistan, Azerbaijan, China, Iran (Islamic Republic of), Kazakhstan, "
                            "Kyrgyzstan, Pakistan, Russian Federation, Tajikistan, Turkmenistan, Turkey and "
                            "Uzbekistan"),
     expected_observer_states=["the United States", "Japan"],
     expected_observer_orgs=["the EU"],
     notes=["Not yet launched when the source was written: Annex B expects the launch in 2013; section 3 "
            "traces the process to a 2011 conference in Almaty and a 2012 follow-up meeting. No initiation "
            "date recorded.",
            "Annex B lists the United States, Japan and the EU as expected observers; the roles scheme has no "
            "expected-observer role, so they are recorded as observers with a note saying they are expected."])

mech("colombo-process", region="asia-intra-asian", cls="RCP",
     written=["Ministerial Consultation on Overseas Employment and Contractual Labour for Countries of Origin in Asia ('Colombo Process')",
              "Ministerial Consultation on Overseas Employment and Contractual Labour for Countries of Origin in Asia",
              "Colombo Process"],
     initiation="2003", established="2003", count=11,
     secretariat=["IOM"], iom_roles=["technical-secretariat"],
     members=names("Afghanistan, Bangladesh, China, India, Indonesia, Nepal, Pakistan, the Philippines, "
                   "Sri Lanka, Thailand and Viet Nam"),
     observer_states=names("Bahrain, Italy, Kuwait, Malaysia, Qatar, Republic of Korea, Saudi Arabia and "
                           "the United Arab Emirates"),
     observer_orgs=["Asian Development Bank (ADB)", "ASEAN", "Department for International Development (DFID)",
                    "EC", "GCC", "ILO", "United Nations Development Fund for Women (UNIFEM)", "the World Bank"],
     observer_note="observers marked as intermittent/situational",
     notes=["Section 3 mentions the Asia-EU Dialogue on Labour Migration (2008) as a dialogue run within the "
            "Colombo Process; it is not one of the 25 reviewed mechanisms and is not typed here."])

mech("afml", region="asia-intra-asian", cls="Other, Pillar",
     written=["ASEAN Forum on Migrant Labour (AFML)", "ASEAN Forum on Migrant Labour", "AFML"],
     initiation="1967", established="2007",
     associated=["asean"],
     members=names("Brunei Darussalam, Cambodia, Indonesia, the Lao People's Democratic Republic, Malaysia, "
                   "Myanmar, the Philippines, Singapore, Thailand and Viet Nam"),
     notes=["Annex B gives 1967 as the date of initiation, which is the founding year of ASEAN; section 3 says "
            "the Forum was established in 2007 and first met in 2008. Both are kept.",
            "Classed as 'Other' and a pillar of ASEAN: section 3 calls it an intraregional forum for which "
            "the IRF label does not fit; no broad RCP/IRF type is given.",
            "Annex B: no observers; the secretariat cell is empty."])

# --- Arabian Peninsula, with other Asia -----------------------------------------------------------
mech("abu-dhabi-dialogue", region="arabian-peninsula-with-other-asia", cls="RCP",
     written=["Ministerial Consultations on Overseas Employment and Contractual Labor for Countries of Origin and Destination in Asia (Abu Dhabi Dialogue)",
              "Ministerial Consultations on Overseas Employment and Contractual Labour for Countries of Origin and Destination in Asia",
              "Abu Dhabi Dialogue", "ADD"],
     initiation="2008-01", established="2008", count=18,
     secretariat=["Ministry of Labour of the United Arab Emirates", "IOM"], iom_roles=["secretariat-support"],
     members=[(n, "destination country") for n in names(
                  "Bahrain, Kuwait, Malaysia, Oman, Qatar, Saudi Arabia, Singapore, the United Arab Emirates and Yemen")]
             + [(n, "origin country / Colombo Process country") for n in names(
                  "Afghanistan, Bangladesh, China, India, Indonesia, Nepal, Pakistan, the Philippines, "
                  "Sri Lanka, Thailand and Viet Nam")],
     observer_states=names("France, Germany, Japan, Mauritius, Poland, Republic of Korea and the United States"),
     observer_orgs=["The European Commission"],
     notes=["Stated count 18 = the seven destination and eleven origin countries that section 3 names "
            "as taking part (it gives the two group counts, not a single total).",
            "Annex B lists nine destination and eleven origin member States; section 3 names seven "
            "destination members and lists Malaysia and Singapore (with Japan and the Republic of Korea) as "
            "observers. The Annex B list is recorded.",
            "Annex B: secretariat run by the UAE Ministry of Labour in partnership with IOM; section 3 says IOM "
            "has been the secretariat since January 2008, the inception month recorded as initiation date."])

# --- Asia with Europe ------------------------------------------------------------------------------
mech("asem-cdgimm", region="asia-with-europe", cls="IRF, Pillar",
     written=["Asia-Europe Meeting (ASEM) Conference of the Directors-General of Immigration and Management of Migratory Flows (ASEM CDGIMM)",
              "Asia-Europe Meeting Conference of the Directors-General of Immigration and Management of Migratory Flows",
              "ASEM CDGIMM", "CDGIMM"],
     initiation="1996",
     associated=["asem"], secretariat=["ASEM Secretariat"],
     members=names("Australia, Austria, Belgium, Brunei Darussalam, Bulgaria, Cambodia, China, Cyprus, "
                   "Czech Republic, Denmark, Estonia, Finland, France, Germany, Greece, Hungary, Indonesia, "
                   "India, Ireland, Italy, Japan, Republic of Korea, Lao People's Democratic Republic, Latvia, "
                   "Lithuania, Luxembourg, Malaysia, Malta, Mongolia, Myanmar, the Netherlands, New Zealand, "
                   "Pakistan, the Philippines, Poland, Portugal, Romania, Russia, Singapore, Slovakia, Slovenia, "
                   "Spain, Sweden, Thailand, the United Kingdom and Viet Nam"),
     member_orgs=[("ASEAN Secretariat", None), ("the EC", None)],
     notes=["Annex B gives 1996, the founding year of ASEM itself; section 3 gives no separate founding year "
            "for the conference (its eleventh annual meeting was in 2012).",
            "Section 3 counts 49 partner States and two organizations for ASEM as a whole; that is not a count "
            "for the conference and is not recorded as one.",
            "Annex B: no observers; the ASEM Secretariat named as secretariat is recorded as ASEM."])

# --- Asia with Oceania -------------------------------------------------------------------------------
mech("bali-process", region="asia-with-oceania", cls="RCP",
     written=["Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime",
              "Bali Process", "Bali Conference"],
     initiation="2002", established="2002", count=46,
     co_chairs=["Australia", "Indonesia"],
     members=names("Afghanistan, Australia, Bangladesh, Bhutan, Brunei Darussalam, Cambodia, China, "
                   "the Democratic People's Republic of Korea, Fiji, Hong Kong SAR, India, Indonesia, Iran, Iraq, "
                   "Japan, Jordan, Kiribati, Lao People's Democratic Republic, Macau SAR, Malaysia, Maldives, "
                   "Mongolia, Myanmar, Nauru, Nepal, New Caledonia (France), New Zealand, Pakistan, Palau, "
                   "Papua New Guinea, the Philippines, Republic of Korea, Samoa, Singapore, Solomon Islands, "
                   "Sri Lanka, the Syrian Arab Republic, Thailand, Timor- Leste, Tonga, Turkey, Vanuatu and "
                   "Viet Nam"),
     participant_orgs=[("IOM", "international organization with participant status (section 3)"),
                       ("UNHCR", "international organization with participant status (section 3)")],
     steering_states=names("Australia, Indonesia, New Zealand and Thailand"),
     steering_orgs=["IOM", "UNHCR"],
     steering_note="Steering Group, printed in the secretariat row of Annex B",
     notes=["Section 3 states 46 governmental members and 29 observers; Annex B lists 43 members and "
            "no observers.",
            "No secretariat recorded: the Annex B secretariat row gives the Steering Group."])

mech("apc", region="asia-with-oceania", cls="RCP",
     written=["Inter-governmental Asia-Pacific Consultations on Refugees, Displaced Persons, and Migrants (APC)",
              "Inter-governmental Asia-Pacific Consultations on Refugees, Displaced Persons and Migrants", "APC"],
     initiation="1996", established="1996",
     secretariat=["Permanent Secretariat established in 2007"],
     members=[(n, None) for n in names(
         "Afghanistan, Australia, Bangladesh, Bhutan, Brunei Darussalam, Cambodia, China, Fiji, Hong Kong SAR, "
         "India, Indonesia, Japan, Kiribati, Lao People's Democratic Republic, Macau SAR, Malaysia, Micronesia, "
         "Mongolia, Myanmar, Nauru, Nepal, New Caledonia (France)")]
             + [("New Zealand", "listed as a member through 2003")]
             + [(n, None) for n in names(
         "Pakistan, Papua New Guinea, the Philippines, Republic of Korea, Samoa, Singapore, Solomon Islands, "
         "Sri Lanka, Thailand, Timor- Leste, Vanuatu and Viet Nam")],
     observer_orgs=["IOM", "UNHCR", "PIDC Secretariat"],
     observer_note="printed in an unlabelled row of Annex B; section 3 gives PIDC observer status",
     notes=["Annex B: a permanent secretariat was set up in 2007 (recorded as the APC Secretariat); "
            "section 3 places it in the Australian immigration ministry.",
            "The PIDC Secretariat appears among the observers in Annex B; section 3 says the Pacific "
            "Immigration Directors' Conference holds observer status.",
            "Section 3: largely inactive since about 2010 and likely to dissolve in 2013, but not dissolved; "
            "no cessation date recorded."])

# --- Europe with ACP States -----------------------------------------------------------------------
mech("acp-eu-dialogue", region="europe-with-acp-states", cls="IRF, Pillar",
     written=["APC-EU Dialogue on Migration",
              "African, Caribbean and Pacific Group of States-European Union Dialogue on Migration",
              "ACP-EU Dialogue on Migration"],
     initiation="1991",
     associated=["acp-group", "european-union"], secretariat=["Permanent ACP Secretariat based in Brussels"],
     group_members=[(ACP79, "listed as 'ACP States'; expanded to the 79 States of the ACP Group in 2013"),
                    (EU27, "listed as 'EU States'; expanded to the 27 EU Member States before July 2013")],
     notes=["Annex A misspells the name as 'APC-EU'.",
            "Members are given only as 'ACP and EU States'; expanded to the 79 ACP Group States (Cuba "
            "included, although it is not party to the Cotonou Agreement) and the EU-27.",
            "Annex B gives 1991 as the date of initiation; section 3 bases the dialogue on the Cotonou "
            "Agreement (2000) and a 2010 joint declaration.",
            "Annex B: no observers."])

# --- Europe with Australia, Canada, New Zealand and the US ---------------------------------------------
mech("igc", region="europe-with-australia-canada-new-zealand-and-the-united-states", cls="RCP",
     written=["Intergovernmental Consultations on Migration, Asylum and Refugees (IGC)",
              "Intergovernmental Consultations on Asylum, Refugee and Migration Policies in Europe, North America and Australia",
              "IGC"],
     initiation="1984", established="1985", count=17,
     secretariat=["IGC Secretariat"],
     members=names("Australia, Belgium, Canada, Denmark, Finland, France, Germany, Greece, Ireland, "
                   "the Netherlands, New Zealand, Norway, Spain, Sweden, Switzerland, the United Kingdom and "
                   "the United States"),
     participant_orgs=[("IOM", "named with the member States as taking part (section 3)"),
                       ("UNHCR", "named with the member States as taking part (section 3)"),
                       ("European Commission", "named with the member States as taking part (section 3)")],
     notes=["Annex B gives 1984; section 3 says the IGC was founded within UNHCR in 1985 and became "
            "autonomous in 1991, which the author treats as its start as an RCP.",
            "Annex B names the IGC Secretariat, the IGC's own internal secretariat (section 3)."])

# --- Europe with the former Soviet Union -------------------------------------------------------------
mech("budapest-process", region="europe-with-the-former-soviet-union", cls="RCP",
     written=["Budapest Process", "The Budapest Process"],
     initiation="1993", established="1993",
     secretariat=["ICMPD"],
     members=[(n, None) for n in names(
         "Albania, Armenia, Austria, Azerbaijan, Belarus, Belgium, Bosnia and Herzegovina, Bulgaria, Croatia, "
         "Cyprus, Czech Republic, Denmark, Estonia, Finland, France, Georgia, Germany, Greece, Hungary, Ireland, "
         "Italy, Kazakhstan, Kyrgyzstan, Latvia, Liechtenstein, Lithuania, Luxembourg, "
         "the former Yugoslav Republic of Macedonia, Malta, Republic of Moldova, Montenegro, the Netherlands, "
         "Norway, Poland, Portugal, Romania, the Russian Federation, Serbia, Slovakia, Slovenia, Spain, Sweden, "
         "Switzerland, Tajikistan, Turkey, Turkmenistan, Ukraine, United Kingdom and Uzbekistan")]
             + [(n, "new participating country of the Silk Routes Region") for n in names(
         "Afghanistan, Bangladesh, Iraq and Pakistan")],
     observer_states=names("Australia, Canada and the United States"),
     observer_orgs=["Black Sea Economic Cooperation Organization (BSEC)", "CIS Executive Committee",
                    "Council of Europe", "EC", "European Police Office (EUROPOL)", "Frontex", "ICMPD", "IGC",
                    "ILO", "International Criminal Police Organization (INTERPOL)", "IOM", "MARRI",
                    "Southeast European Cooperative Initiative (SECI) Centre",
                    "UN Centre for International Crime Prevention (UN-CICP)", "UNHCR", "UNODC"],
     partner_states=names("Afghanistan, Bangladesh, China, Iraq, Pakistan and the Syrian Arab Republic"),
     partner_note="partner country for the Silk Routes initiative",
     notes=["The Annex B date cell is cut off in the text; section 3 dates the process from the 1993 "
            "Budapest ministerial conference (preceded by a 1991 Berlin meeting), recorded as initiation.",
            "Section 3 says the members number more than fifty governments; no exact total is stated."])

mech("soderkoping-process", region="europe-with-the-former-soviet-union", cls="RCP",
     written=["Cross-Border Cooperation Process [CBCP]", "Cross-Border Cooperation Process", "CBCP",
              "Söderköping Process"],
     initiation="2001", established="2001", cessation="2011-12", count=13,
     secretariat=["Swedish Migration Board (SMB)"],
     members=names("Armenia, Azerbaijan, Belarus, Estonia, Georgia, Hungary, Latvia, Lithuania, Moldova, "
                   "Poland, Romania, Slovakia, Sweden and Ukraine"),
     observer_orgs=["EC", "IOM", "SMB", "UNHCR"],
     notes=["The Annex B entry is headed with the new name (EPPMA) but its members, observers, secretariat "
            "and dates (2001-2011) describe the Söderköping Process before the change, so they are recorded "
            "here.",
            "Section 3 names 13 participating countries (Estonia not among them); Annex B lists 14 "
            "including Estonia.",
            "Annex B also lists numerous non-governmental organizations as observers (not named).",
            "Section 3 characterizes the process before the change as a stand-alone RCP; its final meeting "
            "in its original form was in December 2011."])

mech("eap-panel", region="europe-with-the-former-soviet-union", cls="RCP, Pillar",
     written=["Eastern Partnership Panel on Migration and Asylum (EPPMA)",
              "Eastern Partnership Panel on Migration and Asylum", "EPPMA"],
     associated=["european-union"],
     notes=["Annex A and section 3 class the panel as an RCP that is a pillar (panel) of the EU Eastern "
            "Partnership; the Annex B heading marks it as an IRF pillar instead. The majority reading "
            "(RCP, pillar) is recorded.",
            "The source does not list the panel's own participants; the Annex B lists belong to the "
            "Söderköping Process (mechanism soderkoping-process)."])

mech("prague-process", region="europe-with-the-former-soviet-union", cls="RCP",
     written=["Prague Process (Building Migration Partnerships)", "The Prague Process", "Prague Process"],
     initiation="2009", established="2009", count=50,
     secretariat=["ICMPD"],
     members=names("Albania, Armenia, Austria, Azerbaijan, Belarus, Belgium, Bosnia and Herzegovina, Bulgaria, "
                   "Croatia, Cyprus, Czech Republic, Denmark, Estonia, Finland, France, Georgia, Germany, Greece, "
                   "Hungary, Ireland, Italy, Kazakhstan, Kosovo/UNSCR 1244, Kyrgyzstan, Latvia, Liechtenstein, "
                   "Lithuania, Luxembourg, the former Yugoslav Republic of Macedonia, Malta, Moldova, Montenegro, "
                   "the Netherlands, Norway, Poland, Portugal, Romania, Russian Federation, Serbia, Slovakia, "
                   "Slovenia, Spain, Sweden, Switzerland, Tajikistan, Turkey, Turkmenistan, Ukraine, "
                   "United Kingdom and Uzbekistan"),
     member_orgs=[("The European Commission", None)],
     notes=["Annex B: the secretariat is called the Project Support Unit and is run by ICMPD.",
            "Annex B lists 50 States and territories (Kosovo included) plus the European Commission and "
            "states 50 participating States in total; section 3 gives the same total for 2012.",
            "Annex B: no observers."])

# --- Europe with Latin America ---------------------------------------------------------------------------
mech("eu-celac-dialogue", region="europe-with-latin-america", cls="IRF, Pillar",
     written=["European Union, Latin America and the Caribbean Structured and Comprehensive Dialogue on Migration (EU-LAC SCDM)",
              "European Union-Latin America and the Caribbean Structured and Comprehensive Dialogue on Migration",
              "EU-LAC SCDM"],
     initiation="1999", established="2009",
     associated=["european-union"],
     group_members=[(EU27, "listed as 'EU Member States'; expanded to the 27 EU Member States before July 2013"),
                    (LAC33, "listed as 'Latin American and Caribbean States'; expanded to the 33 States of "
                            "Latin America and the Caribbean")],
     notes=["Annex B gives 1999, the year the EU-LAC summit process began; section 3 says the dialogue itself "
            "was launched in June 2009 (recorded as year established).",
            "Section 3 places it as a pillar of the broader EU-LAC summit initiative; recorded as associated "
            "with the European Union.",
            "Annex B: no observers and no official secretariat."])

# --- Mediterranean -----------------------------------------------------------------------------------------
mech("mtm", region="mediterranean", cls="RCP",
     written=["Mediterranean Transit Migration Dialogue (MTM)", "Mediterranean Transit Migration Dialogue", "MTM"],
     initiation="2003", established="2002", count=37,
     secretariat=["ICMPD"],
     members=[(n, "Arab Partner State (the source counts 7)") for n in names(
                  "Algeria, Egypt, Lebanon, Libya, Morocco, the Syrian Arab Republic and Tunisia")],
     group_members=[(EU27 + ["NOR", "CHE", "TUR"],
                     "European Partner State (the source counts 30: the 27 EU member states, Norway, "
                     "Switzerland and Turkey)")],
     observer_states=["Australia"],
     observer_orgs=["CEN-SAD", "DCAF", "Eurojust (the Judicial Cooperation Unit of the EU)",
                    "General Secretariat of the European Council", "IGC", "IOM",
                    "International Organization for Peace, Care and Relief (IOPCR)", "League of Arab States (LAS)",
                    "MARRI", "OSCE", "UN Economic and Social Commission for Western Asia (UNESCWA)"],
     partner_orgs=["Caritas", "European Police Office (EUROPOL)", "Frontex",
                   "International Fund for Agricultural Development (IFAD)",
                   "International Criminal Police Organization (INTERPOL)", "IOM", "UNHCR", "UNODC"],
     partner_note="specific project/activity partner",
     notes=["Annex B gives 2003; section 3 says the dialogue was initiated in 2002.",
            "Annex B counts 7 Arab and 30 European Partner States; their sum (37) is recorded as the "
            "stated count, although no single total is printed.",
            "Annex C heads the MTM meetings with an IRF (pillar) label, unlike Annexes A, B and D and "
            "section 3, which all treat it as a stand-alone RCP; the majority reading is kept.",
            "The 'General Secretariat of the European Council' is recorded as the Council of the EU."])

mech("five-plus-five-dialogue", region="mediterranean", cls="RCP, Pillar",
     written=["Regional Ministerial Conference on Migration in the Western Mediterranean (5+5 Dialogue, or, simply, '5+5')",
              "Regional Ministerial Conference on Migration in the Western Mediterranean", "5+5 Dialogue", "5+5",
              "5 + 5 Dialogue"],
     initiation="2002", established="2002",
     associated=["western-mediterranean-forum"], iom_roles=["technical-secretariat"],
     members=names("Algeria, France, Italy, Libya, Malta, Mauritania, Morocco, Portugal, Spain and Tunisia"),
     observer_orgs=["ICMPD", "ILO", "IOM"],
     observer_note="printed in an unlabelled observers/partners row of Annex B",
     notes=["Annex B: no official secretariat; IOM has provided technical secretariat functions on request.",
            "Section 3 places it as a pillar of the broader 5+5 political consultation framework of 1990 "
            "(recorded as the Western Mediterranean Forum)."])

mech("euromed-migration-dialogue", region="mediterranean", cls="IRF, Pillar",
     written=["Euro-Mediterranean Partnership, Migration Dialogue (E-MP MD)",
              "Euro-Mediterranean Partnership, Migration Dialogue", "E-MP MD"],
     initiation="1995", count=9,
     associated=["european-union", "union-for-the-mediterranean"],
     members=names("Algeria, Egypt, Israel, Jordan, Lebanon, the Syrian Arab Republic, the Kingdom of Morocco, "
                   "the Occupied Palestinian Territory and Tunisia"),
     member_note="Mediterranean partner country or territory of an EC/MEDA regional project",
     notes=["Section 3 says the ten external partners of the first programme phase became nine in phase II "
            "(Turkey left the group); the stated count is 9.",
            "Section 3 places it as a pillar of broader EU mechanisms and programmes, now under the Union for "
            "the Mediterranean.",
            "Annex B: no observers and no official secretariat."])

# Global mechanisms placed in the working taxonomy (executive summary and section 2); not reviewed.
GLOBAL = {
    "gfmd": ("global-thematic-agenda", ["GFMD"]),
    "hld": ("global-thematic-agenda", ["HLDIM", "High Level Dialogue on International Migration and Development"]),
    "idm": ("global-broad-agenda", ["IOM Member State Dialogue Sessions"]),
}
GLOBAL_NOTES = {
    "gfmd": "Placed by the source among the global mechanisms with a specific thematic agenda; not reviewed.",
    "hld": "Placed by the source among the global mechanisms with a specific thematic agenda; not reviewed.",
    "idm": ("The source places the IOM Member State dialogue sessions among the global mechanisms with a "
            "broad agenda; read as the International Dialogue on Migration. Not reviewed."),
}

# Why the member States listed (Annex B) differ from the total the source states (our words).
# Written to data/review-2013/member-count-notes.ttl; every mechanism whose stated count differs
# from the number of member States listed must have an entry (checked at run time).
MEMBER_COUNT_NOTES = {
    "bali-process": (
        "Section 3 gives 46 governmental members, but the Annex B member list names only 43 States "
        "and territories; the source does not say which three members the list leaves out, so the "
        "list is recorded as printed."),
    "soderkoping-process": (
        "Section 3 counts 13 participating countries and names them; the Annex B list has 14 because "
        "it also includes Estonia, which the section 3 enumeration leaves out. Both are recorded as "
        "printed."),
    "abu-dhabi-dialogue": (
        "The stated 18 is the sum of the 7 destination and 11 origin countries that section 3 names. "
        "Annex B lists 20 members: it adds Malaysia and Singapore as destination countries, whereas "
        "section 3 counts them among the observers. The Annex B list is recorded."),
}


# ---------------------------------------------------------------------------------------------
# Building the graphs
# ---------------------------------------------------------------------------------------------
def note(g, s, text):
    g.add((s, SKOS.editorialNote, Literal(text, lang=EN)))


class Resolver:
    def __init__(self):
        self.index = registry_labels()
        for slug, (pref, alts) in NEW_ORGANIZATIONS.items():
            for label in [pref, *alts]:
                self.index.setdefault(normalise(label), ORGANIZATION[slug])
        self.local = {normalise(k): v for k, v in LOCAL_ALIASES.items()}
        self.written: dict[tuple[str, str], URIRef] = {}

    def entity(self, name: str, kind: str = "organization") -> URIRef:
        key = normalise(name)
        iri = self.local.get(key) or self.index.get(key)
        if iri is None:
            raise KeyError(f"cannot resolve {kind} {name!r}")
        self.written[(kind if "/mechanism/" not in str(iri) else "mechanism", name)] = iri
        return iri

    def state(self, name: str) -> URIRef:
        iri = ID[f"country/{cc(name)}"]
        self.written[("country", name)] = iri
        return iri


# Candidates of NEW_ORGANIZATIONS that another extraction's registry file declares (fixed, so
# that every registry entry has one owner file whatever the order the tools run in).
OWNED_ELSEWHERE = {"afdb", "fao", "un-sr-migrants", "dfid", "unifem", "dcaf", "eurojust", "iopcr",
                   "escwa", "ifad"}
# --registry-only: write only this tool's registry file, from the facts above alone (first phase
# of `make data`, tools/build_data.py); the full run needs every registry file in place.
REGISTRY_ONLY = "--registry-only" in sys.argv[1:]


# Where in the review each kind of fact about a mechanism stands (fact-level citations,
# docs/modelling.md): Annex A classifies by region; Annex B gives dates, secretariats, members and
# observers; each case study of section 3 gives the year the mechanism was set up and, for these
# mechanisms, the number of members; section 2 places the global mechanisms.
ANNEX_A_PREDICATES = {RDF.type, ISCM.mechanismType, ISCM.listedUnderRegion}
CASE_STUDY_PREDICATES = {ISCM.yearEstablished}
COUNT_IN_CASE_STUDY = {"puebla-process", "abu-dhabi-dialogue", "bali-process", "soderkoping-process"}


def cite_review(g_m, g_ms, g_h, g_notes) -> None:
    """Cite every fact of the review's generated graphs at its annex row or case study."""
    for g in (g_m, g_ms, g_h, g_notes):
        citer = Citer(g, SLUG)
        for triple in sorted(g):
            citer.cite(review_place(citer, g, triple), triple)
        citer.write()


def review_place(citer, g, triple) -> URIRef:
    s, p, o = triple
    if (s, RDF.type, ORG.ChangeEvent) in g or p == DCTERMS.replaces:
        return review_case_study(citer, "eap-panel")
    if (s, RDF.type, ORG.Membership) in g:
        mech = g.value(s, ORG.organization)
        notes = " ".join(str(n) for n in g.objects(s, ISCM.membershipNote)) + " ".join(
            str(n) for n in g.objects(s, SKOS.editorialNote))
        slug = str(mech).rsplit("/", 1)[-1]
        if "section 3" in notes.lower() and slug in REVIEW_CASE_STUDIES:
            return review_case_study(citer, slug)
        return annex_row(citer, "Annex B", mech)
    slug = str(s).rsplit("/", 1)[-1]
    if slug in GLOBAL:
        citer.part("section-2", "Section 2 (working taxonomy)")
        return citer.part("section-2/global-mechanisms", "Section 2, global mechanisms", parent="section-2")
    in_case_study = p in CASE_STUDY_PREDICATES or (
        p in (ISCM.memberCountStated, ISCM.memberCountNote) and slug in COUNT_IN_CASE_STUDY)
    if in_case_study and slug in REVIEW_CASE_STUDIES:
        return review_case_study(citer, slug)
    if p in ANNEX_A_PREDICATES:
        return annex_row(citer, "Annex A", s)
    return annex_row(citer, "Annex B", s)


SECRETARIAT_ROLES = {"technical-secretariat", "technical-co-secretariat", "administrative-secretariat",
                     "potential-technical-co-secretariat", "secretariat-support"}


def main() -> None:
    R = Resolver()
    pref = {}  # IRI -> registry prefLabel (for the alias table)
    reg = new_graph()
    for path in sorted((ROOT / "data" / "registry").glob("*.ttl")):
        if path.name != "organizations-review2013.ttl":
            reg.parse(path)
    for s, _, o in reg.triples((None, SKOS.prefLabel, None)):
        pref[s] = str(o)
    for slug, (p, _) in NEW_ORGANIZATIONS.items():
        pref.setdefault(ORGANIZATION[slug], p)

    # --- registry additions ------------------------------------------------------------------
    g_reg = new_graph()
    others = new_graph()
    for path in sorted((ROOT / "data" / "registry").glob("*.ttl")):
        if path.name != "organizations-review2013.ttl":
            others.parse(path)
    skipped = []
    for slug, (p, alts) in NEW_ORGANIZATIONS.items():
        s = ORGANIZATION[slug]
        if slug in OWNED_ELSEWHERE:
            skipped.append(slug)  # another registry file declares it: reuse, add no second name
            continue
        if not REGISTRY_ONLY and s in pref and normalise(pref[s]) != normalise(p):
            raise SystemExit(f"slug clash with registry: {slug}")
        g_reg.add((s, RDF.type, ORG.FormalOrganization))
        g_reg.add((s, SKOS.prefLabel, Literal(p, lang=EN)))
        for a in alts:
            g_reg.add((s, SKOS.altLabel, Literal(a, lang=EN)))
    # nothing here may already be in the registry under another slug
    base_index = {}
    for s, _, o in others.triples((None, SKOS.prefLabel, None)):
        base_index[normalise(str(o))] = s
    for s, _, o in others.triples((None, SKOS.altLabel, None)):
        base_index.setdefault(normalise(str(o)), s)
    if REGISTRY_ONLY:
        write_turtle(g_reg, ROOT / "data" / "registry" / "organizations-review2013.ttl",
                     "Organizations first named by Harns (2013) (tools/extract_review2013.py).")
        return
    for slug in OWNED_ELSEWHERE:
        if (ORGANIZATION[slug], RDF.type, ORG.FormalOrganization) not in others:
            raise SystemExit(f"{slug} is said to be declared by another registry file, but none does")
    for slug, (p, alts) in NEW_ORGANIZATIONS.items():
        for label in [p, *alts]:
            hit = base_index.get(normalise(label))
            if hit is not None and hit != ORGANIZATION[slug]:
                raise SystemExit(f"{label!r} already in registry as {hit}")

    # --- regions -------------------------------------------------------------------------------
    g_regions = new_graph()
    scheme = URIRef("https://w3id.org/iscm/id/scheme/regions")
    for slug, (p, alts) in REGIONS.items():
        s = REGION[slug]
        g_regions.add((s, RDF.type, SKOS.Concept))
        g_regions.add((s, SKOS.inScheme, scheme))
        g_regions.add((s, SKOS.prefLabel, Literal(p, lang=EN)))
        for a in alts:
            g_regions.add((s, SKOS.altLabel, Literal(a, lang=EN)))
        g_regions.add((s, SKOS.definition, Literal(REGION_DEFINITIONS[slug], lang=EN)))

    # --- source ---------------------------------------------------------------------------------
    g_src = new_graph()
    g_src.add((SRC, RDF.type, ISCM.SourceDocument))
    g_src.add((SRC, DCTERMS.title, Literal(
        "Regional Inter-State Consultation Mechanisms on Migration: Approaches, Recent Activities and "
        "Implications for Global Governance of Migration", lang=EN)))
    g_src.add((SRC, DCTERMS.creator, Literal("Charles Harns")))
    g_src.add((SRC, DCTERMS.issued, year(2013)))
    g_src.add((SRC, DCTERMS.publisher, ORGANIZATION["iom"]))
    g_src.add((SRC, DCTERMS.bibliographicCitation, Literal("Harns, C. (2013). IOM Migration Research Series, No. 45. Geneva: IOM.")))
    g_src.add((SRC, DCTERMS.identifier, Literal("ISBN 978-92-9068-675-0")))
    g_src.add((SRC, DCTERMS.identifier, Literal("ISSN 1607-338X")))
    g_src.add((SRC, DCTERMS.language, Literal("en")))
    note(g_src, SRC, "Prepared for the fourth global meeting of RCP chairs and secretariats (Lima, May 2013). "
                     "This graph holds Annex A, Annex B and the taxonomic placements of section 3; the "
                     "meetings of Annex C are in a separate file of the same graph.")

    # --- mechanisms and memberships ----------------------------------------------------------------
    g_m = new_graph()
    g_ms = new_graph()
    counts: dict[str, Counter] = defaultdict(Counter)

    def membership(mslug: str, role: str, who: URIRef, mnote: str | None = None, enote: str | None = None,
                   expanded: bool = False):
        m = MECHANISM[mslug]
        iri = membership_iri(SLUG, m, role, who)
        if (iri, RDF.type, ORG.Membership) in g_ms:
            raise SystemExit(f"duplicate membership {iri}")
        g_ms.add((iri, RDF.type, ORG.Membership))
        g_ms.add((iri, ORG.organization, m))
        g_ms.add((iri, ORG.member, who))
        g_ms.add((iri, ORG.role, ROLE[role]))
        add_membership_basis(g_ms, iri, expanded)
        if mnote:
            g_ms.add((iri, ISCM.membershipNote, Literal(mnote)))
        if enote:
            note(g_ms, iri, enote)
        counts[mslug][(role, "state" if "/country/" in str(who) else "org")] += 1

    for slug, d in MECHS.items():
        m = MECHANISM[slug]
        for w in d.get("written", []):
            R.entity(w, "mechanism")
        rdf_type, broad, working = CLASSES[d["cls"]]
        g_m.add((m, RDF.type, rdf_type or ISCM.InterStateConsultationMechanism))
        if broad is not None:
            g_m.add((m, ISCM.mechanismType, broad))
        g_m.add((m, ISCM.mechanismType, working))
        g_m.add((m, ISCM.listedUnderRegion, REGION[d["region"]]))
        if "initiation" in d:
            g_m.add((m, ISCM.initiationDate, date_literal(d["initiation"])))
        if "cessation" in d:
            g_m.add((m, ISCM.cessationDate, date_literal(d["cessation"])))
        if "established" in d:
            g_m.add((m, ISCM.yearEstablished, year(d["established"])))
        if "count" in d:
            g_m.add((m, ISCM.memberCountStated, Literal(d["count"], datatype=XSD.integer)))
        for a in d.get("associated", []):
            g_m.add((m, ISCM.associatedOrganization, ORGANIZATION[a]))
        for s in d.get("secretariat", []):
            g_m.add((m, ISCM.secretariat, R.entity(s)))
        for c in d.get("co_chairs", []):
            g_m.add((m, ISCM.coChair, R.state(c)))
        for r in d.get("iom_roles", []):
            g_m.add((m, ISCM.iomRole, IOMROLE[r]))
        # IOM as secretariat is asked one way (docs/modelling.md): iscm:secretariat and a matching role
        if "IOM" in d.get("secretariat", []) and not SECRETARIAT_ROLES & set(d.get("iom_roles", [])):
            raise SystemExit(f"{slug}: IOM is a secretariat but has no secretariat iomRole")
        for t in d.get("notes", []):
            note(g_m, m, t)

        # memberships
        for item in d.get("members", []):
            name, mnote = item if isinstance(item, tuple) else (item, d.get("member_note"))
            membership(slug, "member", R.state(name), mnote)
        for codes, mnote in d.get("group_members", []):
            for code in codes:
                membership(slug, "member", ID[f"country/{code}"], mnote, expanded=True)
        for name, mnote in d.get("member_orgs", []):
            membership(slug, "member", R.entity(name), mnote)
        for name in d.get("suspended", []):
            membership(slug, "suspended-member", R.state(name), "membership temporarily suspended")
        for name in d.get("expected_members", []):
            membership(slug, "expected-member", R.state(name), "expected or potential member; not yet launched")
        for name in d.get("observer_states", []):
            membership(slug, "observer", R.state(name), d.get("observer_note"))
        for name in d.get("observer_orgs", []):
            membership(slug, "observer", R.entity(name), d.get("observer_note"))
        exp_note = "listed as an expected observer of a process not yet launched"
        for name in d.get("expected_observer_states", []):
            membership(slug, "observer", R.state(name), exp_note)
        for name in d.get("expected_observer_orgs", []):
            membership(slug, "observer", R.entity(name), exp_note)
        for name in d.get("partner_states", []):
            membership(slug, "partner", R.state(name), d.get("partner_note"))
        for name in d.get("partner_orgs", []):
            membership(slug, "partner", R.entity(name), d.get("partner_note"))
        for name, mnote in d.get("participant_orgs", []):
            membership(slug, "participant", R.entity(name), mnote)
        for name in d.get("steering_states", []):
            membership(slug, "steering-group-member", R.state(name), d.get("steering_note"))
        for name in d.get("steering_orgs", []):
            membership(slug, "steering-group-member", R.entity(name), d.get("steering_note"))

    for slug, (concept, written) in GLOBAL.items():
        m = MECHANISM[slug]
        for w in written:
            R.entity(w, "mechanism")
        g_m.add((m, RDF.type, ISCM.GlobalProcess))
        g_m.add((m, ISCM.mechanismType, TYPOLOGY["global-process"]))
        g_m.add((m, ISCM.mechanismType, TYPOLOGY[concept]))
        note(g_m, m, GLOBAL_NOTES[slug])

    # --- history -------------------------------------------------------------------------------------
    g_h = new_graph()
    ev = ID["event/soderkoping-process-to-eap-panel"]
    g_h.add((ev, RDF.type, ORG.ChangeEvent))
    g_h.add((ev, ORG.originalOrganization, MECHANISM["soderkoping-process"]))
    g_h.add((ev, ORG.resultingOrganization, MECHANISM["eap-panel"]))
    g_h.add((ev, DCTERMS.date, year(2011)))
    note(g_h, ev, "The source says the Cross-Border Cooperation Process was folded into a migration and asylum "
                  "panel of the EU Eastern Partnership in 2011, after its last meeting in the old form "
                  "in December 2011.")
    g_h.add((MECHANISM["eap-panel"], DCTERMS.replaces, MECHANISM["soderkoping-process"]))

    # --- member-count notes ---------------------------------------------------------------------------
    g_notes = new_graph()
    for slug, d in MECHS.items():
        listed = counts[slug][("member", "state")]
        stated = d.get("count")
        if stated is not None and stated != listed and slug not in MEMBER_COUNT_NOTES:
            raise SystemExit(f"{slug}: {listed} member States listed, {stated} stated, and no note")
    for slug, text in MEMBER_COUNT_NOTES.items():
        d = MECHS[slug]
        if d.get("count") is None or d["count"] == counts[slug][("member", "state")]:
            raise SystemExit(f"{slug}: member-count note but no difference to explain")
        g_notes.add((MECHANISM[slug], ISCM.memberCountNote, Literal(text, lang=EN)))

    cite_review(g_m, g_ms, g_h, g_notes)

    # --- write -------------------------------------------------------------------------------------
    hdr = ("Source: Harns (2013), IOM Migration Research Series No. 45 (source:review-2013).\n"
           "Generated by tools/extract_review2013.py; do not edit by hand.")
    write_turtle(g_src, OUT / "source.ttl", hdr)
    write_turtle(g_m, OUT / "mechanisms.ttl", hdr + "\nAnnex A classification, Annex B dates and secretariats, section 3 placements.")
    write_turtle(g_ms, OUT / "memberships.ttl", hdr + "\nAnnex B members, observers/partners (and section 3 where noted).")
    write_turtle(g_h, OUT / "history.ttl", hdr + "\nName changes stated by this source.")
    write_turtle(g_notes, OUT / "member-count-notes.ttl",
                 hdr + "\nWhy the member States listed differ from the total stated (our explanations).")
    write_turtle(g_reg, ROOT / "data" / "registry" / "organizations-review2013.ttl",
                 "Organizations first named by Harns (2013) (tools/extract_review2013.py).")
    write_turtle(g_regions, ROOT / "ontology" / "taxonomies" / "regions" / "review2013.ttl",
                 "Region headings of Annex A of Harns (2013) (tools/extract_review2013.py).")

    # --- alias table ------------------------------------------------------------------------------------
    lines = set()
    for (kind, name), iri in R.written.items():
        label = country_name(str(iri).rsplit("/", 1)[-1]) if kind == "country" else pref.get(iri)
        if label is None:
            raise SystemExit(f"no prefLabel for {iri}")
        if name != label:
            lines.add(f"{kind}\t{name}\t{iri}")
    alias_path = ROOT / "tools" / "aliases" / "review2013.tsv"
    alias_path.write_text("".join(l + "\n" for l in sorted(lines)), encoding="utf-8")

    # --- checks and counts --------------------------------------------------------------------------------
    import pycountry
    used_codes = {str(o).rsplit("/", 1)[-1] for g in (g_m, g_ms) for o in g.objects()
                  if isinstance(o, URIRef) and "/id/country/" in str(o)}
    bad = [c for c in used_codes if c != "XKX" and pycountry.countries.get(alpha_3=c) is None]
    if bad:
        raise SystemExit(f"unknown ISO codes: {bad}")
    known = set(pref)
    for g in (g_m, g_ms, g_h):
        for o in set(g.objects()) | set(g.subjects()):
            if isinstance(o, URIRef) and ("/id/mechanism/" in str(o) or "/id/organization/" in str(o)):
                if o not in known:
                    raise SystemExit(f"IRI not in registry: {o}")
    print(f"{'mechanism':28} {'stated':>6}  counts by role (states/orgs)")
    for slug, d in MECHS.items():
        c = counts[slug]
        roles = sorted({r for r, _ in c})
        desc = ", ".join(f"{r}={c[(r, 'state')]}/{c[(r, 'org')]}" for r in roles)
        print(f"{slug:28} {str(d.get('count', '-')):>6}  {desc}")
    print(f"memberships: {len(set(g_ms.subjects(RDF.type, ORG.Membership)))}; aliases: {len(lines)}")
    print("organizations reused from other registry files:", ", ".join(skipped) or "-")
    print("organizations declared here:", ", ".join(s for s in NEW_ORGANIZATIONS if s not in skipped))


if __name__ == "__main__":
    main()
