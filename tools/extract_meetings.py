"""Meetings of inter-State consultation mechanisms, read from the sources by hand.

Writes ONLY:
  ontology/taxonomies/meeting-types.ttl        meeting-type concept scheme
  data/review-2013/meetings.ttl                Annex C of Harns 2013 (MRS No. 45), 2010-2013
  data/grcp7-note-2017/meetings.ttl            Global RCP meetings 1-7 + the GRCP series
  data/grcp7-note-2017/source.ttl              description of the GRCP 7 background note
  data/assessment-2019/grcp8.ttl               GRCP 8 (5 April 2019, Geneva)
  data/registry/organizations-meetings.ttl     organizations not yet in the registry (GCIM)
  tools/aliases/meetings.tsv                   names as written that differ from registry labels

The facts below were read from the seed texts by a person; the seeds are not needed to run
this script. Themes are short labels in our own words (or the meeting's own short title),
never the sources' sentences.

Run:  .venv/bin/python tools/extract_meetings.py
"""

from __future__ import annotations

import sys
from collections import Counter, OrderedDict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rdflib import Literal, Namespace, URIRef  # noqa: E402
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD  # noqa: E402

import common  # noqa: E402
from common import ISCM, ID, MECHANISM, ORG, ORGANIZATION, ROOT, SOURCE, add_meeting, when_label  # noqa: E402

MEETING, MTYPE = common.MEETING, common.MEETING_TYPE
SERIES = Namespace(ID["series/"])
SCHEME = ID["scheme/meeting-types"]
GRCP_SERIES = SERIES["grcp"]

# Spellings in the sources (as written) -> ISO3, beyond common.COUNTRY_ALIASES.
EXTRA_COUNTRY_ALIASES = {
    "Brasil": "BRA",          # review-2013, SACM 11th conference venue
    "Hungry": "HUN",          # review-2013, misspelling (E-MP MD peer-to-peer, Budapest)
    "Perú": "PER",            # grcp7-note-2017
    "Royal Thai Government": "THA",
    "Government of Botswana": "BWA",
    "Government of Perú": "PER",
}


def ctry(name: str) -> URIRef:
    return common.country(name, EXTRA_COUNTRY_ALIASES)


# ---------------------------------------------------------------------------------------
# Meeting types (our own definitions)
# ---------------------------------------------------------------------------------------
MEETING_TYPES = OrderedDict([
    ("ministerial-conference", ("Ministerial conference",
        "A meeting held at the level of ministers (or heads of delegation speaking for them), "
        "usually setting political direction or adopting declarations, action plans or "
        "communiqués; includes ministerial consultations and councils of ministers.")),
    ("senior-officials-meeting", ("Senior officials' meeting",
        "A meeting of senior government officials (directors-general, vice-ministers, heads "
        "of department) that steers the work of a mechanism or prepares its political-level "
        "meetings.")),
    ("high-level-meeting", ("High-level meeting",
        "A meeting that the source describes as high-level, gathering senior representatives "
        "of governments without being labelled a ministerial or senior officials' meeting.")),
    ("technical-meeting", ("Technical meeting",
        "A meeting of officials at technical or working level that prepares substance for a "
        "higher-level meeting.")),
    ("preparatory-meeting", ("Preparatory meeting",
        "A meeting held specifically to prepare a forthcoming conference, for instance by "
        "negotiating its draft outcome documents.")),
    ("regional-conference", ("Regional conference",
        "A conference of the States of a region, typically the recurring main conference "
        "of a regional consultative process.")),
    ("plenary", ("Plenary meeting",
        "A regular full session of a mechanism or one of its panels, open to all its "
        "participating States.")),
    ("summit", ("Summit",
        "A meeting of heads of State or Government.")),
    ("forum", ("Forum session",
        "A recurring session of a forum-type mechanism that brings governments together, "
        "often with social partners, civil society or other stakeholders.")),
    ("workshop", ("Workshop",
        "A thematic meeting for practical exchange, training or capacity-building among "
        "officials and experts on a specific subject.")),
    ("expert-meeting", ("Expert meeting",
        "A meeting of government experts on a specific technical subject.")),
    ("working-group-meeting", ("Working group meeting",
        "A meeting of a standing or ad hoc working group of a mechanism.")),
    ("steering-group-meeting", ("Steering group meeting",
        "A meeting of a restricted steering or core group that plans and oversees the work "
        "of a mechanism.")),
    ("co-chairs-meeting", ("Co-chairs' meeting",
        "A meeting of the chair and co-chair(s) of a mechanism.")),
    ("national-coordinators-meeting", ("National coordinators' meeting",
        "A meeting of the national focal points or coordinators that participating States "
        "designate for a mechanism.")),
    ("intersessional-meeting", ("Intersessional meeting",
        "A meeting held between two regular sessions of a mechanism to follow up on "
        "decisions and prepare the next session.")),
    ("peer-to-peer-meeting", ("Peer-to-peer meeting",
        "An exchange meeting among officials of different States doing comparable work, "
        "for mutual learning.")),
    ("ambassadors-meeting", ("Ambassadors' meeting",
        "A meeting of ambassadors or permanent representatives acting for their "
        "governments.")),
    ("project-meeting", ("Project meeting",
        "An intergovernmental meeting of a project carried out under a mechanism, such as "
        "its launch or steering meeting.")),
    ("commemorative-event", ("Commemorative event",
        "An event marking an anniversary of a mechanism, typically also reviewing its "
        "achievements and future.")),
    ("conference", ("Conference",
        "A conference whose level or format the source does not specify further.")),
    ("global-rcp-meeting", ("Global RCP meeting",
        "A global meeting, convened by IOM, of the chairs and secretariats of regional, "
        "interregional and global inter-State consultation mechanisms on migration.")),
])

# ---------------------------------------------------------------------------------------
# Annex C of review-2013: "Summary agendas and declarations: 2010-2013"
# ---------------------------------------------------------------------------------------
# Short display name of each mechanism for labels (registry slug -> label prefix).
MECH_SHORT = {
    "midsa": "MIDSA", "midwa": "MIDWA", "igad-rcp": "IGAD-RCP", "rabat-process": "Rabat Process",
    "tripoli-process": "Tripoli Process", "puebla-process": "RCM", "sacm": "SACM",
    "fibemyd": "FIBEMYD", "almaty-process": "Almaty Process", "colombo-process": "Colombo Process",
    "afml": "AFML", "abu-dhabi-dialogue": "Abu Dhabi Dialogue", "asem-cdgimm": "ASEM CDGIMM",
    "bali-process": "Bali Process", "acp-eu-dialogue": "ACP-EU Dialogue", "igc": "IGC",
    "budapest-process": "Budapest Process", "soderkoping-process": "Söderköping Process",
    "eap-panel": "EaP Panel", "prague-process": "Prague Process", "eu-celac-dialogue": "EU-LAC",
    "mtm": "MTM", "five-plus-five-dialogue": "5+5 Dialogue",
    "euromed-migration-dialogue": "EUROMED Migration Dialogue",
}

FORTHCOMING = "Listed in the source as forthcoming, i.e. not yet held when the review was written."

# Each meeting: (slug-suffix, title for the label, type, start, end, city, country as written,
# theme, ordinal or None, editorial note or None).
# Dates: "YYYY-MM-DD" (xsd:date), "YYYY-MM" (xsd:gYearMonth), "YYYY" (xsd:gYear), None.
# city None = the source names only the country (or no venue at all).
ANNEX_C: "OrderedDict[str, list[tuple]]" = OrderedDict()

ANNEX_C["midsa"] = [
    ("ministerial-conference-maputo", "Ministerial Conference", "ministerial-conference",
     "2013-04-02", "2013-04-05", "Maputo", "Mozambique",
     "Intraregional labour migration in SADC", None, None),
    ("technical-meeting-balaclava", "Technical Meeting", "technical-meeting",
     "2012-08-27", "2012-08-29", "Balaclava", "Mauritius",
     "Intraregional labour migration in SADC", None, None),
    ("ministerial-conference-windhoek", "Ministerial Conference", "ministerial-conference",
     "2010-11-15", "2010-11-17", "Windhoek", "Namibia",
     "Migration management through regional cooperation", None, None),
]

ANNEX_C["midwa"] = [
    ("conference-dakar", "Conference", "regional-conference",
     "2012-07-09", None, "Dakar", "Senegal",
     "Institutional capacity of MIDWA", None, None),
]

# COMESA RCP: the annex lists no meeting (initiation expected in 2013).

ANNEX_C["igad-rcp"] = [
    ("meeting-addis-ababa", "Meeting", "plenary",
     "2012-02-07", "2012-02-08", "Addis Ababa", "Ethiopia",
     "Migration and development", None, None),
    ("meeting-addis-ababa", "Meeting", "plenary",
     "2010-10-20", "2010-10-22", "Addis Ababa", "Ethiopia",
     "Migration management in the IGAD region", None, None),
]

ANNEX_C["rabat-process"] = [
    ("high-level-officials-meeting-madrid", "High-Level Officials' Meeting", "senior-officials-meeting",
     "2012-06-06", None, "Madrid", "Spain",
     "Follow-up to the 3rd Euro-African Ministerial Conference", None, None),
    ("3rd-ministerial-conference-dakar", "3rd Ministerial Conference", "ministerial-conference",
     "2011-11-23", None, "Dakar", "Senegal",
     "Consolidating the Rabat Process", 3, None),
    ("high-level-representatives-paris", "Meeting of High-Level Representatives", "high-level-meeting",
     "2011-10-18", None, "Paris", "France",
     "Preparation of the 3rd Ministerial Conference", None, None),
    ("experts-civil-registry-warsaw", "Meeting of Experts on Civil Registry", "expert-meeting",
     "2011-05-09", "2011-05-11", "Warsaw", "Poland",
     "Civil registration and document fraud", None, None),
    ("experts-social-rights-rabat", "Meeting of Experts on the Social Rights of Migrants", "expert-meeting",
     "2011-03-31", "2011-04-01", "Rabat", "Morocco",
     "Portability of migrants' social rights", None, None),
]

ANNEX_C["tripoli-process"] = [
    ("africa-eu-summit-tripoli", "Africa-EU Summit", "summit",
     "2010-11-29", "2010-11-30", "Tripoli", "Libya",
     "Second Action Plan 2011-2013", None,
     "A summit of the broader Africa-EU partnership, listed by the source under this process."),
    ("tripoli-conference", "EU-African Union Meeting ('Tripoli Conference')", "ministerial-conference",
     "2006-11-22", "2006-11-23", "Tripoli", "Libya",
     "Joint Africa-EU Declaration on Migration and Development", None,
     "Predates the 2010-2013 period of the annex but is listed there. Typed as ministerial "
     "because the case study of the same source calls it the Tripoli ministerial meeting."),
]

ANNEX_C["puebla-process"] = [
    ("18th-rcm-san-jose", "18th Conference", "regional-conference",
     "2013-06", None, "San José", "Costa Rica",
     None, 18, FORTHCOMING + " Theme not yet announced; no day given."),
    ("rcgm-panama-city", "Regional Consultation Group on Migration meeting", "senior-officials-meeting",
     "2012-12-04", "2012-12-06", "Panama City", "Panama",
     "Child protection, migrants' rights and missing migrants", None, None),
    ("rcgm-panama-city", "Regional Consultation Group on Migration meeting", "senior-officials-meeting",
     "2012-06-19", "2012-06-20", "Panama City", "Panama",
     "Trafficking, returnees, migrant children and workers' rights", None, None),
    ("17th-rcm-panama-city", "17th Conference", "regional-conference",
     "2012-06-21", "2012-06-22", "Panama City", "Panama",
     "Security, human rights and mixed migration flows", 17, None),
    ("16th-rcm-bayahibe", "16th Conference", "regional-conference",
     "2011-06-09", "2011-06-10", "Bayahibe", "Dominican Republic",
     "Migration and labour: shared responsibility of States", 16,
     "Venue written as Bayahibe, La Romana (La Romana is the province)."),
    ("rcgm-queretaro", "Regional Consultation Group on Migration meeting", "senior-officials-meeting",
     "2010-11-16", "2010-11-18", "Querétaro", "Mexico",
     "Migration policy, trafficking, smuggling, women, family and refugee integration", None, None),
    ("15th-rcm-tapachula", "15th Conference", "regional-conference",
     "2010-05-20", "2010-05-21", "Tapachula", "Mexico",
     "New collaborative mechanisms for the Process", 15,
     "Venue written as Tapachula, Chiapas (Chiapas is the state)."),
]

ANNEX_C["sacm"] = [
    ("12th-conference-santiago", "12th Conference", "regional-conference",
     "2012-11-04", "2012-11-06", "Santiago", "Chile",
     "Governance of migration in South America", 12, None),
    ("11th-conference-brasilia", "11th Conference", "regional-conference",
     "2011-10-19", "2011-10-21", "Brasília", "Brasil",
     "Towards South American citizenship", 11, None),
    ("6th-intersessional-santiago", "6th Intersessional Meeting", "intersessional-meeting",
     "2011-05-12", "2011-05-13", "Santiago", "Chile",
     "Strategic and programmatic review", 6,
     "The source gives this row's title in Spanish (sixth intersessional meeting)."),
    ("10th-conference-cochabamba", "10th Conference", "regional-conference",
     "2010-10-25", "2010-10-26", "Cochabamba", "Bolivia",
     "Towards a South American citizenship", 10,
     "Outcome listed by the source: a declaration of migration principles and general guidelines."),
]

ANNEX_C["fibemyd"] = [
    ("2nd-meeting-san-salvador", "2nd Meeting of the Forum", "forum",
     "2010-07-22", "2010-07-23", "San Salvador", "El Salvador",
     "Economic crisis, migration and development", 2, None),
    ("meeting-cuenca", "Meeting of the Forum", "forum",
     "2008-04-10", "2008-04-11", "Cuenca", "Ecuador",
     "Shared Ibero-American practices and actions", None,
     "Predates the 2010-2013 period of the annex but is listed there; the source gives it no number."),
]

ANNEX_C["almaty-process"] = [
    ("ministerial-conference-almaty", "Ministerial Conference", "ministerial-conference",
     "2013-06-06", "2013-06-07", "Almaty", "Kazakhstan",
     "Official launch of the Almaty Process", None, FORTHCOMING),
    ("national-coordinators-almaty", "Meeting of National Coordinators", "national-coordinators-meeting",
     "2012-09-07", None, "Almaty", "Kazakhstan",
     "Preparing the launch of the Process", None, None),
    ("regional-conference-almaty", "Regional Conference on Refugee Protection and International Migration",
     "regional-conference",
     "2011-03-15", "2011-03-16", "Almaty", "Kazakhstan",
     "Refugee protection and international migration in Central Asia", None,
     "The source names the Almaty Declaration as the outcome."),
]

ANNEX_C["colombo-process"] = [
    ("4th-ministerial-consultation-dhaka", "4th Ministerial Consultation", "ministerial-conference",
     "2011-04-19", "2011-04-21", "Dhaka", "Bangladesh",
     "Migration with Dignity", 4, None),
]

ANNEX_C["afml"] = [
    ("5th-forum-siem-reap", "5th Forum", "forum",
     "2012-10-09", "2012-10-10", "Siem Reap", "Cambodia",
     "Recruitment practices and regulation", 5, None),
    ("4th-forum-bali", "4th Forum", "forum",
     "2011-10-24", "2011-10-25", "Bali", "Indonesia",
     "Implementing the ASEAN Declaration on migrant workers", 4,
     "The source gives Bali (an island/province) as the venue; recorded as written."),
    ("3rd-forum-hanoi", "3rd Forum", "forum",
     "2010-07-19", "2010-07-20", "Hanoi", "Viet Nam",
     "Information services to protect migrant workers' rights", 3, None),
]

ANNEX_C["abu-dhabi-dialogue"] = [
    ("2nd-ministerial-consultation-manila", "2nd Ministerial Consultation", "ministerial-conference",
     "2012-04-17", "2012-04-19", "Manila", "Philippines",
     "Manila Communiqué and operating modalities", 2,
     "The source heads this group with the long formal name of the Abu Dhabi Dialogue "
     "(ministerial consultations of Asian countries of origin and destination)."),
    ("2nd-som-manila", "2nd Senior Officials' Meeting", "senior-officials-meeting",
     "2012-04-17", None, "Manila", "Philippines",
     "Cooperation framework and operating modalities", 2, None),
    ("labour-ministries-officials-dubai", "High-level Meeting of Officials of Labour Ministries", "high-level-meeting",
     "2012-01-25", None, "Dubai", "United Arab Emirates",
     "Cooperation framework for labour mobility", None, None),
]

ANNEX_C["asem-cdgimm"] = [
    ("11th-conference-nicosia", "11th Conference of Directors-General", "senior-officials-meeting",
     "2012-10-30", "2012-10-31", "Nicosia", "Cyprus",
     "Highly skilled migration", 11, None),
    ("10th-conference-ulaanbaatar", "10th Conference of Directors-General", "senior-officials-meeting",
     "2011-11-05", "2011-11-07", "Ulaanbaatar", "Mongolia",
     "Skilled migration, irregular employment and trafficking", 10,
     "Venue written as Ulan Bator."),
    ("9th-conference-la-hulpe", "9th Conference of Directors-General", "senior-officials-meeting",
     "2010-11-21", "2010-11-23", "La Hulpe", "Belgium",
     "Unaccompanied minors, irregular migrants and selection of labour migrants", 9,
     "Venue written with its Dutch name, Terhulpen; La Hulpe is the usual English name."),
]

ANNEX_C["bali-process"] = [
    ("7th-ahg-som-sydney", "7th Ad Hoc Group Senior Officials' Meeting", "senior-officials-meeting",
     "2013-03-04", "2013-03-05", "Sydney", "Australia",
     "Follow-up to the 10th anniversary events", 7, None),
    ("workshop-bangkok", "Workshop", "workshop",
     "2012-12-12", "2012-12-14", "Bangkok", "Thailand",
     "UNTOC and its protocols: ratification and implementation", None, None),
    ("10th-anniversary-bali", "10th Anniversary Commemoration", "commemorative-event",
     "2012-11-12", "2012-11-13", "Bali", "Indonesia",
     "Ten years of the Bali Process and its future", None, None),
    ("co-chairs-meeting-bali", "Co-chairs' Meeting", "co-chairs-meeting",
     "2012-11-13", None, "Bali", "Indonesia",
     "Regional cooperation against trafficking in persons", None, None),
    ("technical-experts-workshop-singapore", "Technical Experts' Workshop", "workshop",
     "2012-10-29", "2012-11-01", "Singapore", "Singapore",
     "Document examination training", None, None),
    ("ahg-workshop-bangkok", "Ad Hoc Group Workshop", "workshop",
     "2012-07-23", "2012-07-26", "Bangkok", "Thailand",
     "Visa integrity for foreign mission staff", None, None),
    ("4th-irregular-movements-wg-kuala-lumpur",
     "4th Meeting of the Ad Hoc Technical Experts' Working Group on Irregular Movements",
     "working-group-meeting",
     "2012-06-11", "2012-06-14", "Kuala Lumpur", "Malaysia",
     "Irregular movements", 4, None),
    ("6th-ahg-som-bali", "6th Ad Hoc Group Senior Officials' Meeting", "senior-officials-meeting",
     "2012-06-01", None, "Bali", "Indonesia",
     "Regional Support Office for the Regional Cooperation Framework", 6, None),
    ("trafficking-workshop-bali", "Technical Experts' Workshop on Trafficking in Persons", "workshop",
     "2012-05-28", "2012-05-30", "Bali", "Indonesia",
     "Coordinated response to trafficking in persons", None, None),
    ("ahg-biometrics-workshop-new-delhi", "Ad Hoc Group Meeting", "workshop",
     "2012-04-23", "2012-04-26", "New Delhi", "India",
     "Biometrics for identity integrity", None,
     "Listed as an Ad Hoc Group meeting; its theme column names it a workshop."),
    ("ahg-intelligence-workshop-auckland", "Ad Hoc Group Meeting", "workshop",
     "2012-02-07", "2012-02-10", "Auckland", "New Zealand",
     "Immigration intelligence best practice", None,
     "Listed as an Ad Hoc Group meeting; its theme column names it a workshop."),
    ("victim-protection-workshop-kuala-lumpur", "Workshop on Victim Protection", "workshop",
     "2012-01-12", "2012-01-13", "Kuala Lumpur", "Malaysia",
     "Victim protection", None,
     "The title cell of this row gives the full name of the Bali Process ministerial "
     "conference, while the theme cell names a workshop on victim protection; the source "
     "lists no ministerial conference in January 2012 (the 4th was in March 2011), so the row "
     "is read as a workshop. Title cell and theme cell are probably misaligned."),
    ("3rd-irregular-movement-by-air-wg-negombo",
     "3rd Meeting of the Ad Hoc Technical Experts' Working Group on Irregular Movement by Air",
     "working-group-meeting",
     "2011-11-14", "2011-11-16", "Negombo", "Sri Lanka",
     "Removal of persons refused entry", 3, None),
    ("5th-ahg-som-sydney", "5th Ad Hoc Group Senior Officials' Meeting", "senior-officials-meeting",
     "2011-10-12", None, "Sydney", "Australia",
     "Operationalizing the Regional Cooperation Framework", 5, None),
    ("airport-security-workshop-bangkok", "Workshop on the Immigration Aspects of Airport Security", "workshop",
     "2011-06-07", "2011-06-10", "Bangkok", "Thailand",
     "Immigration aspects of airport security", None, None),
    ("mutual-legal-assistance-workshop-bangkok", "Technical Experts' Workshop on Mutual Legal Assistance", "workshop",
     "2011-05-30", "2011-06-01", "Bangkok", "Thailand",
     "Mutual legal assistance and law enforcement cooperation", None, None),
    ("2nd-irregular-movement-by-air-wg-colombo",
     "2nd Meeting of the Technical Experts' Working Group on Irregular Movement by Air",
     "working-group-meeting",
     "2011-05-10", "2011-05-11", "Colombo", "Sri Lanka",
     "Irregular movement by air", 2, None),
    ("4th-ministerial-conference-bali", "4th Regional Ministerial Conference", "ministerial-conference",
     "2011-03-29", "2011-03-30", "Bali", "Indonesia",
     "Regional cooperation framework on irregular migration", 4, None),
    ("som-bali", "Senior Officials' Meeting", "senior-officials-meeting",
     "2011-03-10", None, "Bali", "Indonesia",
     "Preparation of the 4th Ministerial Conference", None, None),
    ("4th-ahg-som-bali", "4th Meeting of Ad Hoc Group Senior Officials", "senior-officials-meeting",
     "2011-03-09", None, "Bali", "Indonesia",
     "Preparation of the 4th Ministerial Conference", 4, None),
    ("ahg-visa-integrity-workshop-maldives", "Ad Hoc Group Workshop", "workshop",
     "2010-12-07", "2010-12-09", None, "Maldives",
     "Visa integrity", None, "The source names only the country as venue."),
    ("repatriation-reintegration-workshop-manila", "Technical Workshop on Repatriation and Reintegration", "workshop",
     "2010-11-23", "2010-11-24", "Manila", "Philippines",
     "Repatriation and reintegration assistance", None, None),
    ("ahg-unhcr-refugees-workshop-manila",
     "Ad Hoc Group and UNHCR Workshop on Refugees and Irregular Movements", "workshop",
     "2010-11-22", "2010-11-23", "Manila", "Philippines",
     "Regional cooperation on refugees and irregular movements", None, None),
    ("ahg-passport-integrity-workshop-kuala-lumpur", "Ad Hoc Group Workshop", "workshop",
     "2010-07-26", "2010-07-29", "Kuala Lumpur", "Malaysia",
     "Passport integrity", None, None),
    ("seaport-security-workshop-singapore", "Workshop on the Immigration Aspects of Seaport Security", "workshop",
     "2010-07-12", "2010-07-15", "Singapore", "Singapore",
     "Immigration aspects of seaport security", None, None),
    ("3rd-ahg-som-bali", "3rd Meeting of the Ad Hoc Group Senior Officials", "senior-officials-meeting",
     "2010-06-10", "2010-06-11", "Bali", "Indonesia",
     "Irregular migration; preparing the ministerial conference", 3, None),
    ("ahg-protection-workshop-bali", "Ad Hoc Group Workshop", "workshop",
     "2010-06-07", "2010-06-08", "Bali", "Indonesia",
     "Protection, resettlement and repatriation", None,
     "Listed as an Ad Hoc Group event; its theme column names it a workshop."),
    ("1st-irregular-movement-by-air-wg-colombo",
     "1st Meeting of the Technical Experts' Working Group on Irregular Movement by Air",
     "working-group-meeting",
     "2010-03-22", "2010-03-23", "Colombo", "Sri Lanka",
     "Irregular movement by air", 1,
     "The theme cell is cut off in the source; theme given here from the group's name."),
]

# APC: the annex states that no meeting took place since 2010 (APC inactive).

ANNEX_C["acp-eu-dialogue"] = [
    ("37th-council-of-ministers-port-vila", "Council of Ministers (37th Session)", "ministerial-conference",
     "2012-06-14", "2012-06-15", "Port Vila", "Vanuatu",
     "Report on the 2011-2012 migration dialogue", 37,
     "A session of the broader ACP-EU Council of Ministers, listed by the source under the dialogue."),
    ("ambassadors-meeting-brussels", "Ambassadors' Meeting", "ambassadors-meeting",
     "2012-05-07", None, "Brussels", "Belgium",
     "Visas, remittances and readmission", None, None),
    ("36th-council-of-ministers-brussels", "Council of Ministers (36th Session)", "ministerial-conference",
     "2011-05-31", None, "Brussels", "Belgium",
     "First dialogue cycle: mobility, legal migration, readmission, visas, smuggling", 36,
     "A session of the broader ACP-EU Council of Ministers; the theme cell is cut off in the source."),
    ("35th-council-of-ministers-ouagadougou", "Council of Ministers (35th Session)", "ministerial-conference",
     "2010-06-21", "2010-06-22", "Ouagadougou", "Burkina Faso",
     "Joint Declaration on Migration and Development", 35,
     "A session of the broader ACP-EU Council of Ministers, listed by the source under the dialogue."),
]

ANNEX_C["igc"] = [
    ("syria-workshop-geneva", "Workshop on Syria", "workshop",
     "2012-09-27", "2012-09-28", "Geneva", "Switzerland",
     "Humanitarian and security situation in Syria", None, None),
    ("serbia-asylum-influx-workshop-nuremberg", "Workshop on Managing the Asylum Influx from Serbia", "workshop",
     "2012-01-30", "2012-01-31", "Nuremberg", "Germany",
     "Asylum influx from Serbia", None, None),
    ("data-wg-geneva", "Working Group on Data meeting", "working-group-meeting",
     "2012-06", None, "Geneva", "Switzerland",
     "Asylum data", None, "The source gives only the second week of June 2012."),
    ("chairs-theme-workshop-geneva", "Chair's Theme Workshop", "workshop",
     "2012-03-29", None, "Geneva", "Switzerland",
     "Migration motives and host society objectives", None, None),
    ("som-steering-group-berlin", "Senior Officials' Meeting: Steering Group", "steering-group-meeting",
     "2012-05-11", None, "Berlin", "Germany",
     "Planning the autumn 2012 session", None, None),
    ("som-full-round-berlin", "Senior Officials' Meeting: Full Round", "senior-officials-meeting",
     "2012-05-09", "2012-05-11", "Berlin", "Germany",
     "Asylum application and return trends", None, None),
    ("coi-wg-geneva", "Working Group on Country of Origin Information meeting", "working-group-meeting",
     "2012-04-24", "2012-04-25", "Geneva", "Switzerland",
     "COI databases and library systems", None, None),
    ("admission-control-enforcement-wg-geneva", "Working Group on Admission, Control and Enforcement meeting",
     "working-group-meeting",
     "2012-04-12", "2012-04-13", "Geneva", "Switzerland",
     "Return, readmission and assisted voluntary return", None, None),
    ("integration-wg-geneva", "Working Group on Integration meeting", "working-group-meeting",
     "2012-03-29", "2012-03-30", "Geneva", "Switzerland",
     "Integration and migration motives", None, None),
    ("immigration-wg-geneva", "Working Group on Immigration meeting", "working-group-meeting",
     "2012-03-28", "2012-03-29", "Geneva", "Switzerland",
     "Labour migration and migration motives", None, None),
    ("asylum-refugees-wg-nuremberg", "Working Group on Asylum/Refugees meeting", "working-group-meeting",
     "2012-03-27", "2012-03-28", "Nuremberg", "Germany",
     "Asylum decision-making, safe countries and detention", None, None),
    ("technology-wg-geneva", "Working Group on Technology meeting", "working-group-meeting",
     "2012-03-22", "2012-03-23", "Geneva", "Switzerland",
     "VIS, fingerprints and automated border gates", None, None),
    ("coi-somalia-workshop-the-hague", "COI Expert Workshop on Somalia", "workshop",
     "2012-03-21", "2012-03-23", "The Hague", "Netherlands",
     "Country of origin information on Somalia", None, None),
]

ANNEX_C["budapest-process"] = [
    ("5th-ministerial-conference-istanbul", "5th Ministerial Conference", "ministerial-conference",
     "2013-04-19", None, "Istanbul", "Turkey",
     "Silk Routes Partnership for Migration", 5, None),
    ("4th-preparatory-meeting-istanbul", "4th Preparatory Meeting", "preparatory-meeting",
     "2013-04-18", None, "Istanbul", "Turkey",
     "Preparation of the 5th Ministerial Conference", 4, None),
    ("3rd-preparatory-meeting-budapest", "3rd Preparatory Meeting", "preparatory-meeting",
     "2013-03-04", "2013-03-05", "Budapest", "Hungary",
     "Preparation of the 5th Ministerial Conference", 3, None),
    ("2nd-preparatory-meeting-istanbul", "2nd Preparatory Meeting", "preparatory-meeting",
     "2012-12-10", "2012-12-11", "Istanbul", "Turkey",
     "Preparation of the 5th Ministerial Conference", 2,
     "The theme cell reads as preparation of a '2nd' ministerial conference, evidently the "
     "ordinal of the preparatory meeting; read as preparing the 5th Ministerial Conference."),
    ("3rd-black-sea-wg-sofia", "3rd Meeting of the Working Group on the Black Sea Region", "working-group-meeting",
     "2012-11-12", "2012-11-13", "Sofia", "Bulgaria",
     "Regular and irregular migration in the Black Sea region", 3, None),
    ("1st-preparatory-meeting-izmir", "1st Ministerial Conference Preparatory Meeting", "preparatory-meeting",
     "2012-09-27", "2012-09-28", "Izmir", "Turkey",
     "Priorities and working modalities", 1, None),
    ("silk-routes-wg-tbilisi", "Working Group on the Silk Routes Region meeting", "working-group-meeting",
     "2012-06-28", "2012-06-29", "Tbilisi", "Georgia",
     "Cooperation with the Silk Routes region", None, None),
    ("south-east-europe-wg-zagreb", "Working Group on the South-east European Region meeting", "working-group-meeting",
     "2012-04-25", "2012-04-26", "Zagreb", "Croatia",
     "Mixed migration flows in South-east Europe", None, None),
    ("1st-silk-routes-project-meeting-ankara", "1st Intergovernmental Meeting of the Silk Routes Project", "project-meeting",
     "2011-11-18", None, "Ankara", "Turkey",
     "Launch of the Silk Routes project", 1, None),
    ("17th-som-ankara", "17th Senior Officials' Meeting", "senior-officials-meeting",
     "2011-11-17", None, "Ankara", "Turkey",
     "First year of Phase III", 17, None),
    ("2nd-silk-routes-wg-nevsehir", "2nd Meeting of the Working Group on the Silk Routes Region", "working-group-meeting",
     "2011-06-07", "2011-06-08", "Nevşehir", "Turkey",
     "Cooperation with the Silk Routes region", 2, None),
    ("2nd-black-sea-wg-sofia", "2nd Meeting of the Working Group on the Black Sea Region", "working-group-meeting",
     "2011-02-09", "2011-02-10", "Sofia", "Bulgaria",
     "Border guard cooperation in the Black Sea region", 2, None),
    ("1st-silk-routes-wg-istanbul", "1st Meeting of the Working Group on the Silk Routes Region", "working-group-meeting",
     "2010-11-04", None, "Istanbul", "Turkey",
     "Common ground for cooperation", 1, None),
    ("16th-som-istanbul", "16th Senior Officials' Meeting", "senior-officials-meeting",
     "2010-11-03", None, "Istanbul", "Turkey",
     "Future direction of the Budapest Process", 16, None),
    ("ad-hoc-wg-utrecht", "Ad Hoc Working Group Meeting", "working-group-meeting",
     "2010-05-18", "2010-05-19", "Utrecht", "Netherlands",
     "Migration flows from the Horn of Africa", None, None),
]

# The annex lists these ten rows under the Eastern Partnership Panel (successor to the
# Söderköping Process). The same source says the original Söderköping Process concluded at its
# December 2011 meeting, so rows up to that meeting are attributed to the Söderköping Process
# and the 2012 rows to the EaP Panel.
SPLIT_NOTE = ("Listed in the source's annex under the Eastern Partnership Panel (successor to the "
              "Söderköping Process); attributed here to {which} because the same source dates "
              "the end of the original Söderköping Process to its December 2011 meeting.")

ANNEX_C["eap-panel"] = [
    ("panel-meeting-chisinau", "Meeting", "plenary",
     "2012-10-18", "2012-10-19", "Chisinau", "Moldova",
     "Developments in migration and asylum", None, SPLIT_NOTE.format(which="the EaP Panel")),
    ("experts-workshop-bucharest", "Experts' Workshop", "workshop",
     "2012-09-10", "2012-09-11", "Bucharest", "Romania",
     "COI in refugee status determination", None, SPLIT_NOTE.format(which="the EaP Panel")),
    ("panel-meeting-tbilisi", "Meeting", "plenary",
     "2012-05-03", "2012-05-04", "Tbilisi", "Georgia",
     "Migration and asylum", None, SPLIT_NOTE.format(which="the EaP Panel")),
]

ANNEX_C["soderkoping-process"] = [
    ("high-level-meeting-stockholm", "High-Level Meeting", "high-level-meeting",
     "2011-12-08", None, "Stockholm", "Sweden",
     "Ten years of cooperation: lessons learned", None,
     SPLIT_NOTE.format(which="the Söderköping Process")),
    ("national-coordinators-chisinau", "Meeting of National Coordinators", "national-coordinators-meeting",
     "2011-05-04", None, "Chisinau", "Moldova",
     "EU mobility partnerships", None, SPLIT_NOTE.format(which="the Söderköping Process")),
    ("national-coordinators-tbilisi", "Meeting of National Coordinators", "national-coordinators-meeting",
     "2011-10-06", None, "Tbilisi", "Georgia",
     "Work of the new asylum and migration panel", None,
     SPLIT_NOTE.format(which="the Söderköping Process")),
    ("national-coordinators-riga", "Meeting of National Coordinators", "national-coordinators-meeting",
     "2011-03-16", None, "Riga", "Latvia",
     "Return and reintegration in eastern neighbour States", None,
     SPLIT_NOTE.format(which="the Söderköping Process")),
    ("national-coordinators-budapest", "Meeting of National Coordinators", "national-coordinators-meeting",
     "2010-11-29", None, "Budapest", "Hungary",
     "Implementing the strategy for the future", None,
     SPLIT_NOTE.format(which="the Söderköping Process")),
    ("high-level-meeting-budapest", "High-Level Meeting", "high-level-meeting",
     "2010-12-13", "2010-12-14", "Budapest", "Hungary",
     "Implementing the strategy for the future", None,
     SPLIT_NOTE.format(which="the Söderköping Process")),
    ("high-level-meeting-stockholm", "High-Level Meeting", "high-level-meeting",
     "2009-12-10", "2009-12-11", "Stockholm", "Sweden",
     "Strategy for the future of the Process", None,
     SPLIT_NOTE.format(which="the Söderköping Process")
     + " Predates the 2010-2013 period of the annex but is listed there."),
]

ANNEX_C["prague-process"] = [
    ("som-core-group-prague", "Senior Officials' and Core Group Meeting", "senior-officials-meeting",
     "2013-02-27", "2013-02-28", "Prague", "Czech Republic",
     "2012 results and 2013 workplan", None, None),
    ("migration-profiles-workshop-florence", "Expert-Level Workshop on Migration Profiles", "workshop",
     "2013-01-23", "2013-01-24", "Florence", "Italy",
     "Migration profiles", None, None),
    ("core-group-warsaw", "Core Group Meeting", "steering-group-meeting",
     "2012-11-20", None, "Warsaw", "Poland",
     "Preparation of the 2013 senior officials' meeting", None, None),
    ("illegal-migration-kick-off-lviv", "Kick-off Workshop of the Illegal Migration Pilot Project", "workshop",
     "2012-11-08", "2012-11-09", "Lviv", "Ukraine",
     "Illegal migration pilot project", None, "Venue written as Lvov."),
    ("protection-asylum-kick-off-stockholm",
     "Kick-off Workshop/Round Table (International Protection and Asylum Pilot Project)", "workshop",
     "2012-10-30", "2012-10-31", "Stockholm", "Sweden",
     "International protection and asylum pilot project", None, None),
    ("legal-migration-development-kick-off-budapest",
     "Kick-off Workshops for the Legal Migration and the Migration and Development Pilot Projects", "workshop",
     "2012-09-25", "2012-09-26", "Budapest", "Hungary",
     "Legal migration and migration-and-development pilot projects", None,
     "One row of the source names two kick-off workshops held together (same dates and "
     "venue); recorded as one meeting."),
    ("2nd-ministerial-conference-poznan", "2nd Ministerial Conference", "ministerial-conference",
     "2011-11-04", None, "Poznań", "Poland",
     "Action Plan 2012-2016", 2, None),
    ("3rd-preparatory-meeting-moscow", "3rd Preparatory Meeting for the 2nd Ministerial Conference",
     "preparatory-meeting",
     "2011-10-05", "2011-10-06", "Moscow", "Russian Federation",
     "Draft Action Plan", 3, None),
    ("2nd-preparatory-meeting-budapest", "2nd Preparatory Meeting for the 2nd Ministerial Conference",
     "preparatory-meeting",
     "2011-05-30", "2011-05-31", "Budapest", "Hungary",
     "Building Migration Partnerships project; Action Plan", 2, None),
    ("ministerial-conference-prague", "Ministerial Conference", "ministerial-conference",
     "2009-04-28", None, "Prague", "Czech Republic",
     "Building Migration Partnerships joint declaration", None,
     "Predates the 2010-2013 period of the annex but is listed there; the source gives it no number."),
]

ANNEX_C["eu-celac-dialogue"] = [
    ("7th-summit-santiago", "7th Summit", "summit",
     "2013-01-26", "2013-01-27", "Santiago", "Chile",
     "EU-LAC Action Plan 2013-2015", 7,
     "A summit of the broader EU-LAC partnership, listed by the source under the migration dialogue."),
    ("6th-summit", "6th Summit", "summit",
     "2010-05-18", None, None, None,
     "Innovation and technology for sustainable development and social inclusion", 6,
     "The source row is garbled across cells and states no venue. A summit of the broader "
     "EU-LAC partnership, listed by the source under the migration dialogue."),
    ("high-level-meeting-madrid", "High-Level Meeting", "high-level-meeting",
     "2010-02-17", "2010-02-18", "Madrid", "Spain",
     "Migration, education, health and vulnerable groups", None,
     "One source row lists two high-level meetings (February and March 2010, Madrid); "
     "recorded as two meetings."),
    ("high-level-meeting-madrid", "High-Level Meeting", "high-level-meeting",
     "2010-03-15", "2010-03-16", "Madrid", "Spain",
     "Migration, education, health and vulnerable groups", None,
     "One source row lists two high-level meetings (February and March 2010, Madrid); "
     "recorded as two meetings."),
]

ANNEX_C["mtm"] = [
    ("amedip-workshop-gammarth", "AMEDIP Workshop", "workshop",
     None, None, "Gammarth", "Tunisia",
     "Inter-institutional coordination on migration and development", None,
     "The source gives 7-8 November without a year, so this graph records no date; the label "
     "takes the year 2012 from the overview table (overview-2017), which dates the workshop "
     "7-8 November 2012. Venue written as Gammarth, Tunis (Gammarth lies near Tunis)."),
    ("10th-anniversary-valletta", "10th Anniversary Commemoration", "commemorative-event",
     "2012-05-22", None, "Valletta", "Malta",
     "Role of the MTM in migration policy-making", None, None),
    ("amedip-workshop-dakar", "AMEDIP Workshop", "workshop",
     "2012-07-17", "2012-07-18", "Dakar", "Senegal",
     "South-South cooperation on migration and development", None, None),
]

ANNEX_C["five-plus-five-dialogue"] = [
    ("2nd-summit-valletta", "2nd Summit of Heads of State and Government of the Western Mediterranean Forum",
     "summit",
     "2012-10-05", "2012-10-06", "Valletta", "Malta",
     "Arab Maghreb Union-EU relations and cooperation", 2,
     "A summit of the broader Western Mediterranean Forum, listed by the source under the 5+5 dialogue on migration."),
    ("ministerial-meeting-rome", "Ministerial Meeting", "ministerial-conference",
     "2013-02-20", None, "Rome", "Italy",
     "Security, migration, energy, environment and development", None,
     "Dated 20 February 2013 in Annex C, as recorded here; the case study of the same source places the Rome "
     "ministerial in 2012, before the Valletta summit of October 2012, and Annex C lists it after that summit in "
     "a newest-first list, so the year may be a misprint for 2012."),
]

ANNEX_C["euromed-migration-dialogue"] = [
    ("annual-regional-conference-brussels", "Annual Regional Conference", "regional-conference",
     "2013-06-26", None, "Brussels", "Belgium",
     None, None, FORTHCOMING + " Theme not yet announced."),
    ("peer-to-peer-budapest", "Peer-to-Peer Meeting", "peer-to-peer-meeting",
     "2013-06-10", "2013-06-14", "Budapest", "Hungry",
     "Irregular migration", None, FORTHCOMING + " Country written as 'Hungry'."),
    ("peer-to-peer-paris", "Peer-to-Peer Meeting", "peer-to-peer-meeting",
     "2013-02-27", "2013-02-28", "Paris", "France",
     "Legal migration", None, None),
    ("1st-peer-to-peer-madrid", "1st Peer-to-Peer Meeting (EUROMED Migration III)", "peer-to-peer-meeting",
     "2012-12-18", "2012-12-19", "Madrid", "Spain",
     "Migration and development", 1, None),
]

# Mechanisms the annex covers without any meeting row (reported, no triples).
ANNEX_C_WITHOUT_MEETINGS = {
    "comesa-rcp": "initiation expected in 2013",
    "apc": "no meeting since 2010; inactive",
}

# ---------------------------------------------------------------------------------------
# Global RCP meetings (grcp7-note-2017; GRCP 8 from assessment-2019)
# ---------------------------------------------------------------------------------------
ORDINAL_WORD = {1: "First", 2: "Second", 3: "Third", 4: "Fourth", 5: "Fifth", 6: "Sixth",
                7: "Seventh", 8: "Eighth"}

# n: (start, end, city, country, hosts, theme, note)
# hosts: list of ("org", slug) or ("country", name as written)
GRCP_2017 = {
    1: ("2005", None, "Geneva", "Switzerland", [("org", "iom"), ("org", "gcim")], None,
        "The source says the first meeting was organized jointly by IOM and the Global "
        "Commission on International Migration; both recorded as host."),
    2: ("2009", None, "Bangkok", "Thailand", [("country", "Royal Thai Government")], None,
        "Ordinal inferred from the chronological list of later meetings in the source."),
    3: ("2011", None, "Gaborone", "Botswana", [("country", "Government of Botswana")], None,
        "Ordinal inferred from the chronological list of later meetings in the source."),
    4: ("2013", None, "Lima", "Perú", [("country", "Government of Perú")], None,
        "Ordinal inferred from the chronological list of later meetings in the source."),
    5: ("2015", None, "Cairo", "Egypt", [("org", "league-of-arab-states")], None,
        "Ordinal inferred from the chronological list of later meetings in the source."),
    6: ("2016-10-13", None, "Geneva", "Switzerland", [("org", "iom")],
        "Migration and the SDGs: role of ISCMs and regional economic organizations", None),
    7: ("2017-10-10", "2017-10-11", None, None, [],
        "ISCMs and the Global Compact for Migration",
        "The note was written before the meeting and names neither venue nor host."),
}

GRCP_8 = ("2019-04-05", None, "Geneva", "Switzerland", [("org", "iom")],
          "Common understanding of migration governance across regions",
          "Held at the International Conference Centre of Geneva; convened by IOM, whose "
          "Director General opened it (agenda in the source's annex). Preliminary results of "
          "the assessment were presented there, with 27 ISCMs present.")

NEW_ORGANIZATIONS = {
    "gcim": ("Global Commission on International Migration", ["GCIM"]),
}

# Names as written in the sources that differ from the registry prefLabel.
ALIASES = [
    # mechanisms (Annex C section headings of review-2013)
    ("mechanism", "Common Market for Eastern and Southern Africa, Regional Consultative Process on Migration", "comesa-rcp"),
    ("mechanism", "Intergovernmental Authority on Development – Regional Consultative Process on Migration", "igad-rcp"),
    ("mechanism", "IGAD–RCP", "igad-rcp"),
    ("mechanism", "Euro-African Dialogue on Migration and Development ('Rabat Process')", "rabat-process"),
    ("mechanism", "Joint AFRICA-EU Declaration on Migration and Development ('Tripoli Process')", "tripoli-process"),
    ("mechanism", "Regional Conference on Migration (RCM, 'Puebla Process')", "puebla-process"),
    ("mechanism", "South American Conference on Migration (SACM)", "sacm"),
    ("mechanism", "Conferencia Sudamericana Sobre Migraciones", "sacm"),
    ("mechanism", "Ibero-American Forum on Migration and Development (FIBEMYD)", "fibemyd"),
    ("mechanism", "Ministerial Consultation on Overseas Employment and Contractual Labour for Countries of Origin in Asia ('Colombo Process')", "colombo-process"),
    ("mechanism", "ASEAN Forum on Migrant Labour (AFML)", "afml"),
    ("mechanism", "Ministerial Consultations on Overseas Employment and Contractual Labour for Countries of Origin and Destination in Asia", "abu-dhabi-dialogue"),
    ("mechanism", "Asia-Europe Meeting Conference of the Directors General of Immigration and Management of Migratory Flows", "asem-cdgimm"),
    ("mechanism", "Bali Procress on People Smuggling, Trafficking in Persons and Related Transnational Crime", "bali-process"),
    ("mechanism", "Inter-governmental Asia-Pacific Consultations on Refugees, Displaced Persons and Migrants (APC)", "apc"),
    ("mechanism", "African, Caribbean and Pacific Group of States – EU Dialogue on Migration", "acp-eu-dialogue"),
    ("mechanism", "Intergovernmental Consultations on Migration, Asylum and Refugees (IGC)", "igc"),
    ("mechanism", "Eastern Partnership Panel on Migration and Asylum", "eap-panel"),
    ("mechanism", "Söderköping Process", "soderkoping-process"),
    ("mechanism", "European Union, Latin America and the Caribbean Structured and Comprehensive Dialogue on Migration (EU-LAC SCDM)", "eu-celac-dialogue"),
    ("mechanism", "EU-LAC", "eu-celac-dialogue"),
    ("mechanism", "Mediterranean Transit Migration Dialogue (MTM)", "mtm"),
    ("mechanism", "Regional Ministerial Conference on Migration in the Western Mediterranean (5 + 5)", "five-plus-five-dialogue"),
    ("mechanism", "Euro-Mediterranean Partnership Migration Dialogue (E-MP MD)", "euromed-migration-dialogue"),
    # countries (venues and hosts)
    ("country", "Brasil", "BRA"),
    ("country", "Hungry", "HUN"),
    ("country", "Viet Nam", "VNM"),
    ("country", "Czech Republic", "CZE"),
    ("country", "Moldova", "MDA"),
    ("country", "Bolivia", "BOL"),
    ("country", "Netherlands", "NLD"),
    ("country", "Turkey", "TUR"),
    ("country", "Russian Federation", "RUS"),
    ("country", "Perú", "PER"),
    ("country", "Royal Thai Government", "THA"),
    ("country", "Government of Botswana", "BWA"),
    ("country", "Government of Perú", "PER"),
    # organizations
    ("organization", "IOM", "iom"),
    ("organization", "Global Commission on International Migration (GCIM)", "gcim"),
    ("organization", "GCIM", "gcim"),
]

# Label wording where this source gives a partial date that cannot be typed. A label is shared by
# every source that names the meeting, so it must not contradict any of them: the year here is the
# one the overview table (overview-2017) gives for the same workshop.
WHEN_OVERRIDE = {"mtm-undated-amedip-workshop-gammarth": "November 2012"}


# ---------------------------------------------------------------------------------------
def bind(g):
    g.bind("meeting", MEETING)
    g.bind("meeting-type", MTYPE)
    g.bind("series", SERIES)
    return g


def build_meeting_types():
    g = bind(common.new_graph())
    g.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((SCHEME, SKOS.prefLabel, Literal("Meeting types", lang="en")))
    g.add((SCHEME, SKOS.definition, Literal(
        "Kinds of meetings held by inter-State consultation mechanisms on migration and by "
        "the global meetings that bring them together.", lang="en")))
    for slug, (label, definition) in MEETING_TYPES.items():
        c = MTYPE[slug]
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, SCHEME))
        g.add((c, SKOS.topConceptOf, SCHEME))
        g.add((SCHEME, SKOS.hasTopConcept, c))
        g.add((c, SKOS.prefLabel, Literal(label, lang="en")))
        g.add((c, SKOS.definition, Literal(definition, lang="en")))
    return g


def build_review_2013(registry):
    g = bind(common.new_graph())
    counts = Counter()
    seen = set()
    for mech_slug, rows in ANNEX_C.items():
        mech = MECHANISM[mech_slug]
        assert mech in registry, f"mechanism not in registry: {mech_slug}"
        for (slug, title, mtype, start, end, city, country, theme, ordinal, note) in rows:
            assert mtype in MEETING_TYPES, mtype
            if start:
                y_m = "-".join(start.split("-")[:2])
            else:
                y_m = "undated"
            local = f"{mech_slug}-{y_m}-{slug}"
            assert local not in seen, f"duplicate meeting IRI {local}"
            seen.add(local)
            where = city or country  # label only; country names here are as written
            parts = [f"{MECH_SHORT[mech_slug]} {title}"]
            if where:
                parts.append(where)
            parts.append(WHEN_OVERRIDE.get(local, when_label(start)))
            label = ", ".join(parts)
            add_meeting(g, MEETING[local], label=label, mtype=mtype, start=start, end=end,
                        city=city, country=ctry(country) if country else None, theme=theme,
                        ordinal=ordinal, note=note, mechanisms=(mech,))
            counts[mech_slug] += 1
    return g, counts


def grcp_label(n, city, country_name, start):
    where = f", {city}" if city else ""
    year_ = start[:4]
    return f"{ORDINAL_WORD[n]} Global RCP Meeting (GRCP {n}){where}, {year_}"


def resolve_hosts(hosts):
    out = []
    for kind, value in hosts:
        out.append(ORGANIZATION[value] if kind == "org" else ctry(value))
    return out


def build_grcp_2017():
    g = bind(common.new_graph())
    s = GRCP_SERIES
    g.add((s, RDF.type, ISCM.MeetingSeries))
    g.add((s, SKOS.prefLabel, Literal(
        "Global Meeting of Chairs and Secretariats of Regional Consultative Processes on Migration", lang="en")))
    for alt in ["GRCP", "Global RCP Meetings",
                "Global Consultations of Chairs and Secretariats of Principal Regional Consultative Processes on Migration"]:
        g.add((s, SKOS.altLabel, Literal(alt, lang="en")))
    g.add((s, SKOS.editorialNote, Literal(
        "The source notes that, despite the name, these meetings gather all principal ISCMs "
        "(RCPs, interregional forums and global processes), and that IOM has convened them "
        "regularly since the first in 2005.", lang="en")))
    for n, (start, end, city, country, hosts, theme, note) in GRCP_2017.items():
        add_meeting(g, MEETING[f"grcp-{n}"], label=grcp_label(n, city, country, start),
                    mtype="global-rcp-meeting", start=start, end=end, city=city, country=ctry(country) if country else None,
                    theme=theme, ordinal=n, note=note, series=s, hosts=resolve_hosts(hosts))
    return g


def build_grcp_8():
    g = bind(common.new_graph())
    start, end, city, country, hosts, theme, note = GRCP_8
    add_meeting(g, MEETING["grcp-8"], label=grcp_label(8, city, country, start),
                mtype="global-rcp-meeting", start=start, end=end, city=city, country=ctry(country) if country else None,
                theme=theme, ordinal=8, note=note, series=GRCP_SERIES, hosts=resolve_hosts(hosts))
    return g


def build_source_2017():
    g = common.new_graph()
    s = SOURCE["grcp7-note-2017"]
    g.add((s, RDF.type, ISCM.SourceDocument))
    g.add((s, DCTERMS.title, Literal(
        "Background note: Seventh Global Meeting of Chairs and Secretariats of Regional "
        "Consultative Processes on Migration", lang="en")))
    g.add((s, DCTERMS.issued, Literal("2017", datatype=XSD.gYear)))
    g.add((s, DCTERMS.publisher, ORGANIZATION["iom"]))
    return g


def build_registry_orgs():
    g = common.new_graph()
    for slug, (pref, alts) in NEW_ORGANIZATIONS.items():
        o = ORGANIZATION[slug]
        g.add((o, RDF.type, ORG.FormalOrganization))
        g.add((o, SKOS.prefLabel, Literal(pref, lang="en")))
        for a in alts:
            g.add((o, SKOS.altLabel, Literal(a, lang="en")))
    return g


def alias_iri(kind, target):
    if kind == "mechanism":
        return str(MECHANISM[target])
    if kind == "organization":
        return str(ORGANIZATION[target])
    return str(common.COUNTRY[target])


def registry_subjects():
    from rdflib import Graph
    g = Graph()
    for path in sorted((common.DATA / "registry").glob("*.ttl")):
        if path.name == "organizations-meetings.ttl":
            continue
        g.parse(path)
    return set(g.subjects(SKOS.prefLabel, None))


def cite_meetings(g, source: str, place) -> None:
    """Fact-level citations (docs/modelling.md): every triple at the place PLACE(citer, subject) gives."""
    citer = common.Citer(g, source)
    for triple in sorted(g):
        citer.cite(place(citer, triple[0]), triple)
    citer.write()


def main():
    if "--registry-only" in sys.argv[1:]:  # first phase of `make data` (tools/build_data.py)
        common.write_turtle(build_registry_orgs(), ROOT / "data/registry/organizations-meetings.ttl",
                            "Organizations first named in meeting facts. Written by tools/extract_meetings.py.")
        return
    registry = registry_subjects()
    # organizations we add must not already be there under another spelling
    index = common.registry_labels()
    for slug, (pref, alts) in NEW_ORGANIZATIONS.items():
        for name in [pref, *alts]:
            hit = index.get(common.normalise(name))
            assert hit is None or hit == ORGANIZATION[slug], f"{name} already in registry as {hit}"
    registry |= {ORGANIZATION[s] for s in NEW_ORGANIZATIONS}

    common.write_turtle(build_meeting_types(), ROOT / "ontology/taxonomies/meeting-types.ttl",
                        "Meeting types (SKOS). Written by tools/extract_meetings.py.")
    g, counts = build_review_2013(registry)
    cite_meetings(g, "review-2013", lambda citer, meeting: common.annex_row(
        citer, "Annex C", sorted(g.objects(meeting, ISCM.meetingOf))[0], row_word="meetings of"))
    common.write_turtle(g, ROOT / "data/review-2013/meetings.ttl",
                        "Meetings listed in Annex C (2010-2013) of source review-2013.\n"
                        "Written by tools/extract_meetings.py; themes are our short labels.")
    g17 = build_grcp_2017()
    cite_meetings(g17, "grcp7-note-2017", lambda citer, _m: citer.part(
        "introduction", "Introduction (the earlier Global RCP meetings)"))
    common.write_turtle(g17, ROOT / "data/grcp7-note-2017/meetings.ttl",
                        "Global RCP meetings 1-7 as given by source grcp7-note-2017.\n"
                        "Written by tools/extract_meetings.py.")
    common.write_turtle(build_source_2017(), ROOT / "data/grcp7-note-2017/source.ttl",
                        "Source description. Written by tools/extract_meetings.py.")
    g19 = build_grcp_8()
    cite_meetings(g19, "assessment-2019", lambda citer, _m: citer.part("methodology", "Methodology"))
    common.write_turtle(g19, ROOT / "data/assessment-2019/grcp8.ttl",
                        "GRCP 8 as given by source assessment-2019.\n"
                        "Written by tools/extract_meetings.py.")
    common.write_turtle(build_registry_orgs(), ROOT / "data/registry/organizations-meetings.ttl",
                        "Organizations first named in meeting facts. Written by tools/extract_meetings.py.")

    # hosts must exist
    for gg in (g17, g19):
        for h in gg.objects(None, ISCM.host):
            if "/organization/" in str(h):
                assert h in registry, f"host organization not in registry: {h}"

    lines = []
    for kind, name, target in ALIASES:
        if kind == "country":
            assert common.country_code(name, EXTRA_COUNTRY_ALIASES) == target, name
        else:
            assert URIRef(alias_iri(kind, target)) in registry, target
        lines.append(f"{kind}\t{name}\t{alias_iri(kind, target)}")
    alias_path = ROOT / "tools/aliases/meetings.tsv"
    alias_path.parent.mkdir(parents=True, exist_ok=True)
    alias_path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    print("review-2013 Annex C: meetings per mechanism")
    for mech, n in counts.items():
        print(f"  {mech:30s} {n}")
    for mech, why in ANNEX_C_WITHOUT_MEETINGS.items():
        print(f"  {mech:30s} 0  ({why})")
    print(f"  {'TOTAL':30s} {sum(counts.values())}")
    print(f"grcp7-note-2017: {len(GRCP_2017)} GRCP meetings; assessment-2019: 1 (GRCP 8)")


if __name__ == "__main__":
    main()
