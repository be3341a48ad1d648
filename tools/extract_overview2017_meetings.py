"""Meetings named by source overview-2017 (IOM overview table of ISCMs, c. 2016-17).

Writes ONLY:
  data/overview-2017/meetings.ttl   dated meetings named in the RCP rows (section I), meetings of
                                    the interregional forums (section II) and of the global
                                    processes (section III)

The facts below were read by hand from the "Meetings" and "Agreements" columns of section II
(and, where a row names a dated meeting elsewhere, from its other cells) and from the name and
discussion cells of section III. The seed text is not needed to run this script. Labels, themes
and notes are in our own words.

Modelling follows data/review-2013/meetings.ttl (tools/extract_meetings.py). Where review-2013
already has the same real-world meeting, its IRI is reused and this source's claims are put on
it here; its English label is copied from review-2013 (a meeting has exactly one). The dates are
this source's own, as precise as it gives them (a year, a month or a day), even where review-2013
is more precise or disagrees: `iscm-kg conflicts` lists the disagreements.

Run:  .venv/bin/python tools/extract_overview2017_meetings.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pycountry  # noqa: E402
from rdflib import Graph  # noqa: E402
from rdflib.namespace import RDF, SKOS  # noqa: E402

import common  # noqa: E402
from common import COUNTRY, ID, ISCM, MECHANISM, ROOT, add_meeting, date_literal, when_label  # noqa: E402

MEETING, MTYPE = common.MEETING, common.MEETING_TYPE
OUT = ROOT / "data/overview-2017/meetings.ttl"
REVIEW = ROOT / "data/review-2013/meetings.ttl"

MECH_SHORT = {
    "rabat-process": "Rabat Process", "tripoli-process": "Tripoli Process", "fibemyd": "FIBEMYD",
    "eu-celac-dialogue": "EU-LAC", "afml": "AFML", "asem-cdgimm": "ASEM",
    "asia-eu-dialogue": "Asia-EU Dialogue", "acp-eu-dialogue": "ACP-EU Dialogue", "mtm": "MTM",
    "pan-african-forum": "IRFMA", "khartoum-process": "Khartoum Process",
    "africa-eu-mme": "Africa-EU MME", "hld": "HLD", "idm": "IDM",
    # section I (RCPs)
    "budapest-process": "Budapest Process", "prague-process": "Prague Process", "sacm": "SACM",
    "cmc": "CMC", "five-plus-five-dialogue": "5+5 Dialogue", "midwa": "MIDWA", "midsa": "MIDSA",
    "abu-dhabi-dialogue": "Abu Dhabi Dialogue", "almaty-process": "Almaty Process",
    "arab-rcp": "Arab RCP", "bali-process": "Bali Process", "igc": "IGC",
}

ACP_COUNCIL = "A session of the broader ACP-EU Council of Ministers, listed by the source under the dialogue."
ASEM_SUMMIT = "A summit of the broader Asia-Europe Meeting, listed by the source under this forum; only the year is given."
BRUSSELS = ("Brussels", "BEL")
# Label wording for venues given only as a country.
PLACE_NAME = {"LAO": "Laos", "ESP": "Spain", "ZWE": "Zimbabwe"}


def m(mech, slug, title, mtype, start=None, end=None, venue=(None, None), theme=None,
      ordinal=None, note=None, reuse=None, host=None, also=()):
    """One meeting as read from the source.

    slug: the type/place part of the IRI (the IRI is <mech>-<yyyy>[-<mm>]-<slug>);
    reuse: the local name of the review-2013 meeting that is the same real-world meeting;
    also: further mechanisms whose row lists the same meeting (a joint meeting, or a summit of a
    broader partnership that several processes meet within).
    """
    return dict(mech=mech, slug=slug, title=title, mtype=mtype, start=start, end=end,
                city=venue[0], country=venue[1], theme=theme, ordinal=ordinal, note=note,
                reuse=reuse, host=host, also=also)


MEETINGS = [
    # ================================================================ Section I: RCP rows
    # Dated meetings named anywhere in an RCP row (mostly the discussion and priorities columns).
    # ---------------------------------------------------------------- Budapest Process
    *[m("budapest-process", f"ministerial-conference-{city.lower()}", "Ministerial Conference",
        "ministerial-conference", year, None, (city, country),
        note="One of the four ministerial conferences (1991-2003) whose recommendations the row says "
             "guide the senior officials' meetings; only the year and city are given.")
      for year, city, country in (("1991", "Berlin", "DEU"), ("1993", "Budapest", "HUN"),
                                  ("1997", "Prague", "CZE"), ("2003", "Rhodes", "GRC"))],
    m("budapest-process", None, "5th Ministerial Conference", "ministerial-conference", "2013", None,
      ("Istanbul", "TUR"), theme="Silk Routes Partnership for Migration",
      reuse="budapest-process-2013-04-5th-ministerial-conference-istanbul",
      note="The overview table names the Istanbul ministerial declaration of 2013 on the Silk Routes "
           "partnership and its six priority areas; the conference that adopted it is this one. Only "
           "the year is given."),
    # ---------------------------------------------------------------- Prague Process
    m("prague-process", "targeted-initiative-closing", "Closing Ceremony of the Action Plan Targeted "
      "Initiative", "project-meeting", "2017-06-16",
      note="Closed the project that supported the 2012-2016 action plan; no venue is given."),
    m("prague-process", "som-warsaw", "Senior Officials' Meeting", "senior-officials-meeting", "2017",
      None, ("Warsaw", "POL"),
      note="Announced for the autumn of 2017 (still to come when the table was written), to launch the "
           "migration observatory and training academy; only the season and year are given."),
    # ---------------------------------------------------------------- SACM
    m("sacm", "conference-asuncion", "Conference", "regional-conference", "2016", None,
      ("Asunción", "PRY"),
      note="The annual conference of 2016; the source gives the year and city (spelt 'Anuncion'), no "
           "number. The same cell says the 2013 Declaration of Buenos Aires was approved by the "
           "members without naming the meeting, so no meeting is recorded for it."),
    # ---------------------------------------------------------------- CMC
    m("cmc", "1st-meeting", "1st Meeting", "regional-conference", "2016-01", ordinal=1,
      theme="A regional technical network on migrant smuggling",
      note="The first meeting of the consultations; the source gives the month, not the venue."),
    # ---------------------------------------------------------------- 5+5 Dialogue
    m("five-plus-five-dialogue", "conference-evora", "Evora Conference", "conference", "2008", None,
      ("Évora", "PRT"),
      note="Only the year is given; its recommendations led to the 2009 Tunis workshop."),
    m("five-plus-five-dialogue", "circular-migration-workshop-tunis", "Expert Workshop on Circular "
      "Migration", "workshop", "2009-02", None, ("Tunis", "TUN"), theme="Circular migration",
      note="Organized jointly by Portugal and Tunisia after the Evora conference."),
    m("five-plus-five-dialogue", None, "2nd Summit of Heads of State and Government", "summit",
      "2012-10-05", "2012-10-06", ("Valletta", "MLT"), ordinal=2,
      reuse="five-plus-five-dialogue-2012-10-2nd-summit-valletta",
      note="The overview table says the summit ended with the Malta Declaration."),
    m("five-plus-five-dialogue", "8th-ministerial-preparatory-rabat", "Expert-Level Preparatory "
      "Meeting for the 8th Ministerial Conference", "preparatory-meeting", "2016-06-13", None,
      ("Rabat", "MAR"), note="The row's most recent meeting."),
    # ---------------------------------------------------------------- MIDWA
    m("midwa", "ministerial-meeting", "Ministerial Meeting", "ministerial-conference", "2014-05",
      theme="Free movement of persons, regional integration and economic cooperation",
      note="Only the month is given, no venue."),
    m("midwa", "officials-experts-meeting", "Meeting of Officials and Experts", "expert-meeting",
      "2016", theme="Diaspora, border management, mobility of skilled people and students, data, "
                    "reintegration, climate change",
      note="Officials and experts of the 15 members and Mauritania; only the year is given."),
    # ---------------------------------------------------------------- MIDSA
    m("midsa", "ministerial-meeting-zimbabwe", "Ministerial Meeting", "ministerial-conference",
      "2015-07", None, (None, "ZWE"),
      theme="Mixed and irregular migration in SADC; unaccompanied migrant children",
      note="The most recent ministerial meeting when the table was written; ministers endorsed a "
           "regional action plan on irregular and mixed migration. Month and country only."),
    # ---------------------------------------------------------------- Abu Dhabi Dialogue
    m("abu-dhabi-dialogue", None, "2nd Ministerial Consultation", "ministerial-conference",
      "2012-04-17", "2012-04-19", ("Manila", "PHL"), ordinal=2,
      reuse="abu-dhabi-dialogue-2012-04-2nd-ministerial-consultation-manila",
      note="The overview table says interim operating modalities adopted here made the outgoing, "
           "current and incoming chairs the secretariat, IOM becoming an observer and thematic expert; "
           "ministers issued the Manila Communiqué."),
    m("abu-dhabi-dialogue", "ministerial-meeting", "Ministerial Meeting", "ministerial-conference",
      "2014-11",
      note="Only IOM, ILO and the World Bank were invited as observers; the source gives the month, "
           "not the venue or number."),
    m("abu-dhabi-dialogue", "som-4th-ministerial-consultation-colombo",
      "Senior Officials' Meeting and 4th Ministerial Consultation", "ministerial-conference",
      "2017-01-23", None, ("Colombo", "LKA"), ordinal=4,
      theme="Agenda for the next two years (Colombo Declaration 2017)",
      note="The Colombo Declaration 2017 was adopted here; the source gives one date for the senior "
           "officials' meeting and the ministerial consultation together."),
    # ---------------------------------------------------------------- Almaty Process
    m("almaty-process", None, "Ministerial Conference", "ministerial-conference", "2013-06-05", None,
      ("Almaty", "KAZ"), reuse="almaty-process-2013-06-ministerial-conference-almaty",
      theme="Refugee protection and international migration",
      note="The overview table dates it 5 June 2013 (review-2013: 6-7 June, as forthcoming); it "
           "issued a communiqué and endorsed the operating modalities that put the process to work."),
    m("almaty-process", "1st-som-almaty", "1st Senior Officials' Meeting", "senior-officials-meeting",
      "2014-11-21", None, ("Almaty", "KAZ"), ordinal=1,
      theme="Mixed migration from Afghanistan after 2015"),
    m("almaty-process", "2nd-som-astana", "2nd Senior Officials' Meeting", "senior-officials-meeting",
      "2015-09-22", None, ("Astana", "KAZ"), ordinal=2,
      theme="Labour migration in Central Asia"),
    m("almaty-process", "3rd-som-astana", "3rd Senior Officials' Meeting", "senior-officials-meeting",
      "2016-09-19", "2016-09-20", ("Astana", "KAZ"), ordinal=3,
      theme="Mixed migration flows in Central Asia, vulnerable migrants and refugees",
      note="The source prints the year as '2-16', read as 2016 (the row lists the meetings in order "
           "after 2015)."),
    # ---------------------------------------------------------------- Arab RCP
    m("arab-rcp", "1st-meeting", "1st Meeting", "regional-conference", "2015-04-27", "2015-04-28",
      ordinal=1,
      note="Held at the headquarters of the General Secretariat of the League of Arab States; the "
           "source names no city."),
    # ---------------------------------------------------------------- Bali Process
    m("bali-process", None, "4th Regional Ministerial Conference", "ministerial-conference", "2011",
      None, reuse="bali-process-2011-03-4th-ministerial-conference-bali",
      note="The overview table gives the year only and says ministers endorsed the Regional "
           "Cooperation Framework here."),
    m("bali-process", "ministerial-conference-bali", "Ministerial Conference", "ministerial-conference",
      "2013-04", None, ("Bali", "IDN"),
      note="The most recent ministerial conference in the row's earlier text; not numbered there."),
    m("bali-process", "ahg-som-canberra", "Ad Hoc Group Senior Officials' Meeting",
      "senior-officials-meeting", "2014-08-06", None, ("Canberra", "AUS"),
      note="Hosted by the co-chairs; endorsed a Bali Process Strategy and its forward programme."),
    m("bali-process", "9th-ahg-som-wellington", "9th Ad Hoc Group Senior Officials' Meeting",
      "senior-officials-meeting", "2015-05-06", None, ("Wellington", "NZL"), ordinal=9),
    m("bali-process", "6th-ministerial-conference", "6th Ministerial Conference",
      "ministerial-conference", "2016-03", ordinal=6,
      note="Endorsed the Bali Process Declaration on people smuggling, trafficking in persons and "
           "related transnational crime; month only, no venue."),
    # ---------------------------------------------------------------- IGC
    m("igc", "1st-immigration-meeting", "1st Meeting on Immigration", "conference", "2001", ordinal=1,
      note="The IGC's first meeting on immigration (its work had been on asylum and enforcement); "
           "only the year is given. Typed as a conference since the source states no level."),

    # ---------------------------------------------------------------- IRF 1: Rabat Process
    # Meetings column ("since 2016"); two rows appear twice and are recorded once.
    m("rabat-process", "som-brussels", "Senior Officials' Meeting", "senior-officials-meeting",
      "2017-05-02", "2017-05-03", BRUSSELS),
    m("rabat-process", "som-st-julians", "Senior Officials' Meeting", "senior-officials-meeting",
      "2017-02-08", "2017-02-09", ("St Julian's", "MLT"),
      theme="State of play of the Joint Valletta Action Plan",
      note="The agreements column lists joint conclusions of the Rabat and Khartoum Processes that it "
           "ties to a 2017 Valletta meeting, together with the Joint Valletta Action Plan; these are "
           "probably the conclusions of this meeting, but the source does not link them explicitly "
           "(the Valletta Summit on Migration itself took place in November 2015)."),
    m("rabat-process", "thematic-meeting-return-brussels",
      "Thematic Meeting on Return, Readmission and Reintegration", "expert-meeting",
      "2016-05-31", "2016-06-01", BRUSSELS, theme="Return, readmission and reintegration",
      note="Listed twice in the source (once without the country); recorded once. Typed as an expert "
           "meeting: the source calls it a thematic meeting."),
    m("rabat-process", "stock-taking-experts-brussels",
      "Expert-Level Stock-Taking Meeting on the Valletta Action Plan", "expert-meeting",
      "2016-06-21", "2016-06-22", BRUSSELS, theme="Implementation of the Valletta Action Plan",
      note="Listed twice in the source (once without the country); recorded once."),
    m("rabat-process", "technical-meeting-visa-praia", "Technical Meeting on Visa Facilitation",
      "technical-meeting", "2016-11-30", "2016-12-01", ("Praia", "CPV"), theme="Visa facilitation"),
    # Named in the current-priorities cell; the agreements cell lists "Rome Declaration, 2014".
    m("rabat-process", "4th-ministerial-conference-rome",
      "4th Euro-African Ministerial Conference on Migration and Development", "ministerial-conference",
      "2014", None, ("Rome", "ITA"), theme="Rome Programme for 2015-2017", ordinal=4,
      note="Named in the current-priorities column, not the meetings column, as the conference that "
           "adopted the Rome Programme (the framework for 2015-2017); only the year is given. The "
           "agreements column also lists a Rome Declaration of 2014 without naming the meeting."),

    # ---------------------------------------------------------------- IRF 2: Tripoli Process
    # Meetings column lists the Africa-EU summits of 2000, 2007 and 2010 and says the process has
    # no meetings of its own. The MME row (IRF 12) repeats the 2007 and 2010 summits with dates and
    # names the 2006 Tripoli ministerial conference in its agreements column.
    m("tripoli-process", "1st-africa-eu-summit-cairo", "1st Africa-EU Summit", "summit",
      "2000", None, ("Cairo", "EGY"), ordinal=1,
      note="A summit of the broader Africa-EU partnership; the source says the process meets only "
           "within these summits. Held before 2006, the founding year the source gives the process; "
           "only the year is given."),
    m("tripoli-process", "2nd-africa-eu-summit-lisbon", "2nd Africa-EU Summit", "summit",
      "2007-12-08", "2007-12-09", ("Lisbon", "PRT"), ordinal=2,
      theme="Launch of the Africa-EU MME partnership and its first action plan (2008-2010)",
      also=("africa-eu-mme",),
      note="Listed both under this process (year and number) and under the Africa-EU MME partnership "
           "(dates); one meeting of both. Documents tied to it by the source: the first action plan "
           "(2008-2010), listed in the agreements column under 2007, and the Joint Africa-Europe "
           "Strategy (MME row)."),
    m("tripoli-process", None, "Africa-EU Summit", "summit",
      "2010-11-29", "2010-11-30", ("Tripoli", "LBY"), ordinal=3, theme="Second Action Plan 2011-2013",
      reuse="tripoli-process-2010-11-africa-eu-summit-tripoli", also=("africa-eu-mme",),
      note="The overview table lists this summit under the Tripoli Process (as the 3rd Africa-EU "
           "summit, year only) and under the Africa-EU MME partnership (with dates), where the "
           "second action plan (2011-2013) is said to be adopted here. The Tripoli Process row also "
           "puts the Joint Africa-EU Declaration on Migration and Development under 2010, whereas "
           "the MME row ties that declaration to the 2006 Tripoli ministerial conference."),
    m("tripoli-process", None, "Tripoli Conference", "ministerial-conference",
      "2006-11-22", "2006-11-23", ("Tripoli", "LBY"),
      theme="Joint Africa-EU Declaration on Migration and Development",
      reuse="tripoli-process-2006-11-tripoli-conference", also=("africa-eu-mme",),
      note="Named by the overview table only in the agreements column of the Africa-EU MME row, as "
           "the EU-Africa ministerial conference on migration and development that adopted the "
           "Joint Africa-EU Declaration on Migration and Development."),

    # ---------------------------------------------------------------- IRF 3: FIBEMYD
    m("fibemyd", "1st-forum-salamanca", "1st Ibero-American Forum on Migration and Development",
      "forum", "2005", None, ("Salamanca", "ESP"), ordinal=1,
      note="The source ties the first forum to the Ibero-American summit at Salamanca and gives only "
           "the year, earlier than the founding year (2008) it gives the forum. The agreements "
           "column names the Declaration of Salamanca, which put international migration on the "
           "Ibero-American agenda; presumably adopted at that summit, though not said explicitly."),
    m("fibemyd", None, "Meeting of the Forum", "forum", "2008", venue=("Cuenca", "ECU"), ordinal=2,
      reuse="fibemyd-2008-04-meeting-cuenca",
      note="The overview table numbers it the 2nd forum and gives only the year 2008 (review-2013 "
           "gives the month)."),
    m("fibemyd", None, "2nd Meeting of the Forum", "forum", "2010", venue=("San Salvador", "SLV"),
      ordinal=3, reuse="fibemyd-2010-07-2nd-meeting-san-salvador",
      note="The overview table numbers it the 3rd forum (review-2013: the 2nd) and gives only the "
           "year 2010."),
    m("fibemyd", "1st-seminar-madrid", "1st Ibero-American Seminar on Migration and Development",
      "workshop", "2013", None, ("Madrid", "ESP"), theme="Labour mobility in Ibero-America",
      note="Named in the current-priorities column as the most recent meeting; only the year is "
           "given. A seminar, not numbered among the forum sessions."),

    # ---------------------------------------------------------------- IRF 4: EU-LAC
    m("eu-celac-dialogue", "1st-summit", "1st Summit", "summit", "1999", ordinal=1,
      note="The meetings column lists only a first EU-LAC meeting in 1999, without a venue; the "
           "description says the biregional summit was inaugurated that year. A summit of the "
           "broader EU-LAC partnership, listed under the migration dialogue."),
    m("eu-celac-dialogue", "summit-lima", "Summit", "summit", "2008", None, ("Lima", "PER"),
      theme="Basis for structuring the EU-LAC dialogue on migration",
      note="Only the year is given; the source names the document on the basis for structuring the "
           "migration dialogue as this summit's outcome (also in the agreements column under 2008). "
           "The summit is not numbered."),
    m("eu-celac-dialogue", "1st-structured-dialogue-brussels",
      "1st Specific Meeting of the Structured Dialogue on Migration", "conference",
      "2009", None, BRUSSELS, ordinal=1, theme="Migration and development; remittances",
      note="Only the year is given; the agreements column lists the basis for structuring the "
           "dialogue again under 2009. Typed as a conference since the source states no level."),
    m("eu-celac-dialogue", None, "6th Summit", "summit", "2010", venue=("Madrid", "ESP"),
      theme="Migration and health; families and vulnerable groups",
      reuse="eu-celac-dialogue-2010-05-6th-summit",
      note="The overview table gives Madrid as the venue and only the year 2010, without numbering "
           "the summit; it names the Madrid Action Plan as its document, "
           "also listed in the agreements column under 2010."),

    # ---------------------------------------------------------------- IRF 5: AFML
    m("afml", "8th-forum-kuala-lumpur", "8th Forum", "forum", "2015-10-26", "2015-10-27",
      ("Kuala Lumpur", "MYS"), ordinal=8,
      theme="Rights of migrant workers in the ASEAN Community",
      note="The agreements column lists the recommendations of the 8th AFML."),
    m("afml", "tripartite-preparatory-meeting-jakarta",
      "National Tripartite Preparatory Meeting for the 8th Forum", "preparatory-meeting",
      "2015-09-16", None, ("Jakarta", "IDN"), theme="Preparation of the 8th AFML",
      note="The source speaks of national tripartite preparatory meetings but gives one date and one "
           "place; recorded as one meeting."),
    m("afml", "7th-forum-nay-pyi-taw", "7th Forum", "forum", "2014-11-20", "2014-11-21",
      ("Nay Pyi Taw", "MMR"), ordinal=7,
      theme="Protecting migrant workers' rights on the way to the 2015 ASEAN Community"),
    m("afml", "6th-forum-bandar-seri-begawan", "6th Forum", "forum", "2013-11-26", "2013-11-27",
      ("Bandar Seri Begawan", "BRN"), ordinal=6,
      theme="Data sharing, access to justice and complaint mechanisms for migrant workers"),
    m("afml", None, "5th Forum", "forum", "2012-10-09", "2012-10-10", ("Siem Reap", "KHM"),
      ordinal=5, theme="Recruitment practices and regulation",
      reuse="afml-2012-10-5th-forum-siem-reap"),

    # ---------------------------------------------------------------- IRF 6: ASEM
    m("asem-cdgimm", "1st-summit-bangkok", "1st Summit of Heads of State and Government", "summit",
      "1996", None, ("Bangkok", "THA"), ordinal=1, note=ASEM_SUMMIT),
    m("asem-cdgimm", "2nd-summit-london", "2nd Summit of Heads of State and Government", "summit",
      "1998", None, ("London", "GBR"), ordinal=2, note=ASEM_SUMMIT),
    m("asem-cdgimm", "3rd-summit-seoul", "3rd Summit of Heads of State and Government", "summit",
      "2000", None, ("Seoul", "KOR"), ordinal=3, note=ASEM_SUMMIT),
    m("asem-cdgimm", "4th-summit-copenhagen", "4th Summit of Heads of State and Government", "summit",
      "2002", None, ("Copenhagen", "DNK"), ordinal=4, note=ASEM_SUMMIT),
    m("asem-cdgimm", "5th-summit-hanoi", "5th Summit of Heads of State and Government", "summit",
      "2004", None, ("Hanoi", "VNM"), ordinal=5, note=ASEM_SUMMIT),
    m("asem-cdgimm", "6th-summit-helsinki", "6th Summit of Heads of State and Government", "summit",
      "2006", None, ("Helsinki", "FIN"), ordinal=6, note=ASEM_SUMMIT),
    m("asem-cdgimm", "7th-summit-beijing", "7th Summit of Heads of State and Government", "summit",
      "2008", None, ("Beijing", "CHN"), ordinal=7, note=ASEM_SUMMIT),
    m("asem-cdgimm", "8th-summit-brussels", "8th Summit of Heads of State and Government", "summit",
      "2010", None, BRUSSELS, ordinal=8, note=ASEM_SUMMIT),
    m("asem-cdgimm", "9th-summit-laos", "9th Summit of Heads of State and Government", "summit",
      "2012-11-05", "2012-11-06", (None, "LAO"), ordinal=9,
      note="A summit of the broader Asia-Europe Meeting, listed by the source under this forum. "
           "The source names only the country as venue."),
    # Named in the objectives cell.
    m("asem-cdgimm", "ministerial-conference-spain",
      "Ministerial Conference on Managing Migratory Flows between Europe and Asia",
      "ministerial-conference", "2002-04", None, (None, "ESP"),
      theme="Cooperation on migratory flows between Europe and Asia",
      note="Named in the objectives column as the meeting that brought migration into ASEM, held on "
           "the initiative of China, Germany and Spain; its agreed follow-up included meetings at "
           "director-general level. The source gives the country and month only."),

    # ---------------------------------------------------------------- IRF 7: Asia-EU Dialogue
    m("asia-eu-dialogue", "1st-dialogue-brussels", "1st Meeting", "forum",
      "2008", None, BRUSSELS, ordinal=1,
      note="Only the year is given; the source refers to an agenda and proceedings."),
    m("asia-eu-dialogue", "2nd-dialogue-brussels", "2nd Meeting", "forum",
      "2011", None, BRUSSELS, ordinal=2,
      note="Only the year is given; the source refers to an agenda and proceedings."),

    # ---------------------------------------------------------------- IRF 8: ACP-EU Dialogue
    m("acp-eu-dialogue", "42nd-council-of-ministers-brussels", "Council of Ministers (42nd Session)",
      "ministerial-conference", "2017-05-04", "2017-05-05", BRUSSELS, ordinal=42, note=ACP_COUNCIL),
    m("acp-eu-dialogue", "peer-to-peer-georgetown", "Peer-to-Peer Exchange Meeting",
      "peer-to-peer-meeting", "2017-03-21", "2017-03-23", ("Georgetown", "GUY"),
      theme="Trafficking in human beings and smuggling of migrants"),
    m("acp-eu-dialogue", "remittances-seminar-brussels", "Seminar on Remittances", "workshop",
      "2016-07-13", None, BRUSSELS, theme="Remittances"),
    m("acp-eu-dialogue", "41st-council-of-ministers", "Joint Council of Ministers (41st Session)",
      "ministerial-conference", "2016-04-28", "2016-04-29", ordinal=41,
      note="A session of the broader ACP-EU Council of Ministers, listed by the source under the "
           "dialogue together with the 103rd session of the ACP Council of Ministers (a body of the "
           "ACP Group alone, not recorded as a meeting). The source gives no venue."),
    m("acp-eu-dialogue", "40th-council-of-ministers-brussels", "Council of Ministers (40th Session)",
      "ministerial-conference", "2015-05-28", "2015-05-29", BRUSSELS, ordinal=40, note=ACP_COUNCIL),
    m("acp-eu-dialogue", "39th-council-of-ministers-nairobi", "Council of Ministers (39th Session)",
      "ministerial-conference", "2014-06-19", "2014-06-20", ("Nairobi", "KEN"), ordinal=39,
      note=ACP_COUNCIL),

    # ---------------------------------------------------------------- IRF 9: MTM
    m("mtm", None, "AMEDIP Workshop", "workshop", "2012-11-07", "2012-11-08", ("Gammarth", "TUN"),
      reuse="mtm-undated-amedip-workshop-gammarth",
      note="The overview table dates this workshop 7-8 November 2012."),
    m("mtm", None, "AMEDIP Workshop", "workshop", "2012-07-17", "2012-07-18", ("Dakar", "SEN"),
      reuse="mtm-2012-07-amedip-workshop-dakar"),
    m("mtm", None, "10th Anniversary Commemoration", "commemorative-event", "2012-05",
      venue=("Valletta", "MLT"), reuse="mtm-2012-05-10th-anniversary-valletta",
      note="The overview table gives May 2012 without a day."),
    m("mtm", "i-map-final-conference-brussels", "i-Map Final Conference", "conference",
      "2014-06-04", "2014-06-05", BRUSSELS, theme="MTM i-Map"),
    m("mtm", "i-map-expert-meeting-marseille", "i-Map Expert Meeting", "expert-meeting",
      "2013-06-12", "2013-06-13", ("Marseille", "FRA"), theme="MTM i-Map"),
    m("mtm", "amedip-workshop-bern", "AMEDIP Workshop", "workshop",
      "2013-04-23", "2013-04-24", ("Bern", "CHE")),
    m("mtm", "i-map-expert-meeting-the-hague", "i-Map Expert Meeting on Migration and Development",
      "expert-meeting", "2011-02", None, ("The Hague", "NLD"),
      theme="Migration and development (MTM pillar II)",
      note="The source marks the venue as still to be confirmed and gives the month only."),
    m("mtm", "project-final-conference-addis-ababa", "Final Conference of a Joint ICMPD-IOM Project",
      "project-meeting", "2010-04-13", "2010-04-14", ("Addis Ababa", "ETH"),
      theme="Inventory of institutional capacities and practices for linking emigrant communities "
            "with development",
      note="Closing conference of a joint ICMPD-IOM project under the MTM pillar on migration and "
           "development."),

    # ---------------------------------------------------------------- IRF 10: IRFMA
    m("pan-african-forum", "forum-lusaka", "Lusaka Forum", "forum", "2016-05-04", "2016-05-06",
      ("Lusaka", "ZMB"), theme="Border management for trade, human mobility and regional integration"),
    m("pan-african-forum", "1st-joint-annual-forum-accra", "1st Joint Annual Forum (Accra Forum)",
      "forum", "2015-09-16", "2015-09-18", ("Accra", "GHA"), ordinal=1,
      theme="Capacities of African regional frameworks for labour mobility, free movement and "
            "border management"),
    m("pan-african-forum", "roundtable-kigali", "Kigali Roundtable", "conference",
      "2015-03-23", "2015-03-25", ("Kigali", "RWA"),
      theme="Intra-African migration and labour mobility",
      note="Typed as a conference: the source calls it a roundtable."),

    # ---------------------------------------------------------------- IRF 11: Khartoum Process
    m("khartoum-process", "som-london", "Senior Officials' Meeting", "senior-officials-meeting",
      "2015-11-24", None, ("London", "GBR")),
    m("khartoum-process", "steering-committee-addis-ababa", "Steering Committee Meeting",
      "steering-group-meeting", "2016-12", None, ("Addis Ababa", "ETH"),
      note="Convened by Ethiopia as new chair, together with a senior officials' meeting; the source "
           "gives the month only."),
    m("khartoum-process", "som-addis-ababa", "Senior Officials' Meeting", "senior-officials-meeting",
      "2016-12", None, ("Addis Ababa", "ETH"),
      note="Convened by Ethiopia as new chair, together with a steering committee meeting; the "
           "source gives the month only."),
    m("khartoum-process", "som-addis-ababa", "Senior Officials' Meeting", "senior-officials-meeting",
      "2017", None, ("Addis Ababa", "ETH"), theme="2017 as the year of implementation", host="ETH",
      note="The source gives only the year and writes the venue as 'Addis'; it lists this meeting "
           "separately from the December 2016 one."),

    # ---------------------------------------------------------------- IRF 12: Africa-EU MME
    # The MME row also lists the 2007 Lisbon and 2010 Tripoli summits (recorded under the Tripoli
    # Process above) and, in its agreements column, the 2006 Tripoli ministerial conference.
    m("africa-eu-mme", "som-brussels", "Senior Officials' Meeting", "senior-officials-meeting",
      "2013-11-27", "2013-11-28", BRUSSELS),
    m("africa-eu-mme", "som-brussels", "Senior Officials' Meeting", "senior-officials-meeting",
      "2010-09-15", "2010-09-17", BRUSSELS),
    m("africa-eu-mme", "4th-africa-eu-summit-brussels", "4th Africa-EU Summit", "summit",
      "2014-04-02", "2014-04-03", BRUSSELS, ordinal=4,
      note="A summit of the broader Africa-EU partnership, listed by the source under this "
           "partnership."),

    # ---------------------------------------------------------------- Section III: HLD
    m("hld", "1st-high-level-dialogue", "1st High-Level Dialogue", "high-level-meeting",
      "2006", ordinal=1,
      note="Named in the name cell of the row; the source says it led to the creation of the GFMD. "
           "Only the year is given, with no venue."),
    m("hld", "2nd-high-level-dialogue", "2nd High-Level Dialogue", "high-level-meeting",
      "2016", ordinal=2,
      note="Named in the name cell of the row with the year 2016 and no venue. The second UN "
           "High-Level Dialogue is usually dated October 2013, so the year may be a slip in the "
           "source; recorded as stated."),

    # ---------------------------------------------------------------- Section III: IDM
    # The discussion cell gives one theme per year, 2003-2017; most years' dialogue spanned more
    # than one session, so only entries that name a single gathering are recorded.
    m("idm", "diaspora-ministerial-conference", "Diaspora Ministerial Conference",
      "ministerial-conference", "2013", theme="Diasporas",
      note="Given as the IDM entry for 2013; only the year is given, with no venue."),
    m("idm", "conference-migrants-and-cities", "Conference on Migrants and Cities", "conference",
      "2015", theme="Migrants and cities",
      note="Given as the IDM entry for 2015; only the year is given, with no venue."),
    m("idm", "dialogue-geneva", "Session", "forum",
      "2017-11", None, ("Geneva", "CHE"), theme="Migrant vulnerabilities",
      note="Announced by the source as the next IDM, so not yet held when it was written. The "
           "source's theme for the IDM in 2017 as a whole is international cooperation on and "
           "governance of migration ahead of the 2018 global compact."),
]


# ---------------------------------------------------------------------------------------
def load(paths) -> Graph:
    g = Graph()
    for p in paths:
        g.parse(p)
    return g


def main() -> None:
    registry = load(sorted((ROOT / "data/registry").glob("*.ttl")))
    review = load([REVIEW])
    others = load([p for p in sorted((ROOT / "data").glob("*/*.ttl")) if p.resolve() != OUT.resolve()])
    # States are checked against ISO 3166-1 (pycountry), not data/registry/states.ttl: that file is
    # built from the source graphs afterwards (tools/build_registry.py), so it cannot be an input.
    states = {COUNTRY[c.alpha_3] for c in pycountry.countries} | {COUNTRY[c] for c in common.EXTRA_COUNTRIES}
    meetings_elsewhere = set(others.subjects(RDF.type, ISCM.Meeting))

    g = common.new_graph()
    g.bind("meeting", MEETING)
    g.bind("meeting-type", MTYPE)
    counts, reused, seen, differ = Counter(), [], set(), []
    citer = common.Citer(g, "overview-2017")  # each meeting cited at the row that names it
    import extract_overview2017_irfs as irfs_rows
    import extract_overview2017_rcps as rcp_rows
    section = {**{r["slug"]: "rcp" for r in rcp_rows.RCPS}, **{r["slug"]: "irf" for r in irfs_rows.IRFS},
               **{r["slug"]: "global-process" for r in irfs_rows.GLOBAL}}
    for row in MEETINGS:
        mech = MECHANISM[row["mech"]]
        assert (mech, RDF.type, ISCM.InterStateConsultationMechanism) in registry, row["mech"]
        if row["reuse"]:
            local = row["reuse"]
            iri = MEETING[local]
            assert iri in meetings_elsewhere, f"not an existing meeting: {local}"
            assert (iri, ISCM.meetingOf, mech) in review, f"mechanism differs for {local}"
            label = str(review.value(iri, SKOS.prefLabel))
            for prop, key in ((ISCM.startDate, "start"), (ISCM.endDate, "end")):
                theirs = review.value(iri, prop)
                if theirs is not None and row[key] is not None and \
                        not str(theirs).startswith(str(date_literal(row[key]))):
                    differ.append(f"{local}: {key} {row[key]} here, {theirs} in review-2013")
            reused.append(local)
        else:
            ym = "-".join(row["start"].split("-")[:2]) if row["start"] else "undated"
            local = f"{row['mech']}-{ym}-{row['slug']}"
            iri = MEETING[local]
            assert iri not in meetings_elsewhere, f"IRI already used by another file: {local}"
            parts = [f"{MECH_SHORT[row['mech']]} {row['title']}"]
            where = row["city"] or PLACE_NAME.get(row["country"])
            if where:
                parts.append(where)
            parts.append(when_label(row["start"]))
            label = ", ".join(parts)
        assert local not in seen, f"duplicate meeting {local}"
        seen.add(local)

        if row["country"]:
            assert COUNTRY[row["country"]] in states, row["country"]
        if row["host"]:
            assert COUNTRY[row["host"]] in states, row["host"]
        mechanisms = [mech]
        for other in row["also"]:
            assert (MECHANISM[other], RDF.type, ISCM.InterStateConsultationMechanism) in registry, other
            mechanisms.append(MECHANISM[other])
            counts[other] += 1
        with common.row_block(citer, *common.OVERVIEW_SECTIONS[section[row["mech"]]], mech):
            add_meeting(g, iri, label=label, mtype=row["mtype"], start=row["start"], end=row["end"],
                        city=row["city"], country=COUNTRY[row["country"]] if row["country"] else None,
                        theme=row["theme"], ordinal=row["ordinal"], note=row["note"], mechanisms=mechanisms,
                        hosts=[COUNTRY[row["host"]]] if row["host"] else ())
        counts[row["mech"]] += 1

    types = load([ROOT / "ontology/taxonomies/meeting-types.ttl"])
    for row in MEETINGS:
        assert (MTYPE[row["mtype"]], RDF.type, SKOS.Concept) in types, row["mtype"]

    citer.write()
    common.write_turtle(g, OUT, header=(
        "Meetings named by source overview-2017: the meetings and agreements columns of its\n"
        "interregional forums (section II), dated meetings named in other cells of those rows, and\n"
        "the meetings named for the global processes (section III).\n"
        "Written by tools/extract_overview2017_meetings.py; labels, themes and notes are our words.\n"
        "Meetings that review-2013 also lists keep its IRI and label."))
    for mech, n in counts.items():
        print(f"{mech:20s} {n}")
    print(f"{'total':20s} {sum(counts.values())}")
    print("reused from review-2013:", ", ".join(reused))
    print("dates that differ from review-2013 (listed by `iscm-kg conflicts`):", "; ".join(differ) or "-")


if __name__ == "__main__":
    main()
