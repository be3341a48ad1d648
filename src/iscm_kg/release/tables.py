"""The tidy tables of a release: one CSV per table, each from one SPARQL query over the graph.

Cells hold plain values: names and IRIs in separate columns (``chair`` and ``chair_id``), years
as numbers, several values of one cell separated by '|'. Every row says which source states it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from . import queries as Q
from .columns import DCTERMS, ISCM, ORG, SEPARATOR, Column, Table, mechanism_columns, named, source_columns

_XSD_GYEAR = "gYear"

MECHANISMS = Table(
    "mechanisms", "Mechanisms, per source",
    "One row per mechanism and source document that says anything of it: the facts that source gives.",
    source_columns() + mechanism_columns() + named("type", "The types the source gives the mechanism",
                                                   ISCM + "mechanismType", multi=True, values="concepts of the mechanism-types scheme") + (
        Column("year_established", "Year the source says the mechanism was established.", "string", ISCM + "yearEstablished",
               datatype=_XSD_GYEAR, multi=True),
        Column("initiation_date", "Date the source gives for the start (a year, year-month or day, as precise as the source)."),
        Column("cessation_date", "Date the source gives for the end, as precise as the source."),
        Column("status", "Derived from what this source says: 'ceased' (it gives an end date), 'replaced' (it names a successor), "
               "'not yet launched' (it lists expected members only), else 'active' (no end stated).",
               values="active, ceased, replaced, not yet launched"),
        Column("member_count_stated", "The number of participating States the source states.", "string",
               ISCM + "memberCountStated", datatype="integer", multi=True),
    ) + named("chair", "Chair(s)", ISCM + "chair", multi=True) + named("co_chair", "Co-chair(s)", ISCM + "coChair", multi=True)
      + named("secretariat", "Secretariat(s)", ISCM + "secretariat", multi=True)
      + named("listed_under", "Region heading(s) the source lists the mechanism under", ISCM + "listedUnderRegion", multi=True)
      + named("covers", "Region(s) the source says the mechanism covers", ISCM + "regionCovered", multi=True)
      + (Column("homepage", "Web site.", prop="http://xmlns.com/foaf/0.1/homepage", iri=True, multi=True),),
    Q.MECHANISMS, about="mechanism_id", primary_key=("source", "mechanism_id"),
    pairs={"type_pairs": ("type", "type_id"), "chair_pairs": ("chair", "chair_id"), "co_chair_pairs": ("co_chair", "co_chair_id"),
           "secretariat_pairs": ("secretariat", "secretariat_id"), "listed_under_pairs": ("listed_under", "listed_under_id"),
           "covers_pairs": ("covers", "covers_id")},
)

MEMBERSHIPS = Table(
    "memberships", "Memberships, per source",
    "One row per participation a source records: who takes part in which mechanism, in what role.",
    source_columns() + mechanism_columns(ORG + "organization") + (
        Column("participant", "The participant's English name.", required=True),
        Column("participant_id", "The participant's IRI (a State, an organization or a mechanism).", prop=ORG + "member", iri=True, required=True),
        Column("participant_kind", "What the participant is.", values="State, organization, mechanism, other"),
        Column("iso3", "ISO 3166-1 alpha-3 code of a State (XKX: Kosovo).",),
        Column("role", "The role's English name.", required=True,
               values="Member, Observer, Partner, Participant, Regular participant, Expected member, Suspended member, "
                      "Former member, Steering group member, Thematic coordinator"),
        Column("role_id", "The role's IRI (the roles scheme).", prop=ORG + "role", iri=True, required=True),
        Column("qualifier", "A qualifier the source attaches to the participant or its group, in our words.",
               prop=ISCM + "membershipNote", datatype="string", multi=True),
        Column("membership_basis_id", "Whether the source names the participant or names a group the project expanded "
               "(membership-basis/named or membership-basis/expanded-from-group).", prop=ISCM + "membershipBasis", iri=True),
        Column("expanded_from_group", "true when the source named a group (e.g. 'EU Member States') that the project expanded "
               "to its members; false when it names the participant; empty when not recorded.", "boolean"),
        Column("start_year", "Year the participation began, where the source gives it.", "year", ISCM + "startYear", datatype=_XSD_GYEAR),
        Column("end_year", "Year the participation ended, where the source gives it.", "year", ISCM + "endYear", datatype=_XSD_GYEAR),
    ) + named("in_capacity_of", "What the participant takes part as (e.g. as chair of another process)", ISCM + "inCapacityOf", multi=True) + (
        Column("m49_region", "UN M49 region of a State."),
        Column("m49_subregion", "UN M49 sub-region of a State."),
        Column("membership_id", "The membership's IRI.", required=True),
    ),
    Q.MEMBERSHIPS, about="membership_id", rdf_type=ORG + "Membership", primary_key=("source", "membership_id"),
    pairs={"in_capacity_of_pairs": ("in_capacity_of", "in_capacity_of_id")},
)

MEETINGS = Table(
    "meetings", "Meetings, per source",
    "One row per meeting and source document that describes it, with what that source says of it.",
    source_columns() + (
        Column("meeting", "The meeting's English name (our words).", required=True),
        Column("meeting_id", "The meeting's IRI.", required=True),
        Column("start_date", "First day (or month, or year: as precise as the source)."),
        Column("end_date", "Last day, where the source gives one."),
        Column("city", "City of the venue.", prop=ISCM + "venueCity", datatype="string", multi=True),
    ) + named("country", "Country of the venue", ISCM + "venueCountry", multi=True)
      + named("meeting_type", "Kind of meeting", ISCM + "meetingType", multi=True)
      + named("mechanism", "Mechanism(s) meeting", ISCM + "meetingOf", multi=True)
      + named("series", "Series the meeting belongs to (the global RCP meetings)", ISCM + "partOfSeries", multi=True) + (
        Column("ordinal", "The meeting's number in its series.", "string", ISCM + "ordinal", datatype="integer", multi=True),
        Column("theme", "The meeting's theme, in our words.", prop=ISCM + "meetingTheme", datatype="string", multi=True),
    ) + named("host", "Host(s)", ISCM + "host", multi=True),
    Q.MEETINGS, about="meeting_id", rdf_type=ISCM + "Meeting", primary_key=("source", "meeting_id"),
    pairs={"country_pairs": ("country", "country_id"), "meeting_type_pairs": ("meeting_type", "meeting_type_id"),
           "mechanism_pairs": ("mechanism", "mechanism_id"), "series_pairs": ("series", "series_id"), "host_pairs": ("host", "host_id")},
)


def _per_value(name: str, title: str, what: str, prop: str, value: str, query: str) -> Table:
    return Table(name, title, f"One row per mechanism, {what} and source document that states it.",
                 source_columns() + mechanism_columns() + (
                     Column(value, f"The {what}'s English name.", required=True),
                     Column(f"{value}_id", f"The {what}'s IRI.", prop=prop, iri=True, required=True)),
                 query, about="mechanism_id", primary_key=("source", "mechanism_id", f"{value}_id"))


THEMATIC_FOCI = _per_value("thematic_foci", "Thematic foci, per source", "thematic focus", ISCM + "thematicFocus", "theme", Q.THEMATIC_FOCI)
IOM_ROLES = _per_value("iom_roles", "IOM's roles, per source", "role of IOM", ISCM + "iomRole", "iom_role", Q.IOM_ROLES)

GCM_ENGAGEMENT = Table(
    "gcm_engagement", "Engagement in the Global Compact for Migration",
    "One row per mechanism and Global Compact theme it is engaged in, per source; a mechanism the source says was "
    "considering its engagement, with no theme, has one row with an empty theme.",
    source_columns() + mechanism_columns() + (
        Column("gcm_theme", "The Global Compact theme's name."),
        Column("gcm_theme_id", "The Global Compact theme's IRI.", prop=ISCM + "engagedInGcmTheme", iri=True),
        Column("considering_engagement", "true when the source says the mechanism had begun considering its engagement in "
               "preparing the Global Compact; empty when it does not say.", "boolean", ISCM + "consideringGcmEngagement", datatype="boolean"),
    ) + named("area", "The mechanism's areas of focus that the source groups under this theme", multi=True),
    Q.GCM_ENGAGEMENT, about="mechanism_id",  # no key: gcm_theme_id is empty for "considering" rows
    pairs={"area_pairs": ("area", "area_id")},
)

NAME_CHANGES = Table(
    "name_changes", "Name changes and successors",
    "One row per change event (a mechanism replaced by a successor) and source document that states it.",
    source_columns() + (
        Column("former", "The earlier mechanism's name.", required=True),
        Column("former_id", "The earlier mechanism's IRI.", prop=ORG + "originalOrganization", iri=True, required=True),
        Column("successor", "The successor's name.", required=True),
        Column("successor_id", "The successor's IRI.", prop=ORG + "resultingOrganization", iri=True, required=True),
        Column("date", "Year of the change.", "year", DCTERMS + "date", datatype=_XSD_GYEAR),
        Column("event_id", "The change event's IRI.", required=True),
    ),
    Q.NAME_CHANGES, about="event_id", rdf_type=ORG + "ChangeEvent", primary_key=("source", "event_id"),
)

SOURCES = Table(
    "sources", "Source documents",
    "One row per source document (named graph): its short name, year, title and number of statements.",
    source_columns() + (
        Column("title", "The document's title (in the document's language)."),
        Column("source_id", "The document's IRI, which is also the name of its graph.", required=True),
        Column("statements", "Number of statements (triples) in its graph.", "integer"),
    ),
    Q.SOURCES, about="source_id", primary_key=("source",),
)

CONFLICTS = Table(
    "conflicts", "Disagreements between sources",
    "One row per fact on which two source documents disagree (the catalogue query 'conflicts'): the value each gives.",
    (Column("mechanism", "The mechanism's (or meeting's) name.", required=True),
     Column("property", "What is disagreed on (the ontology property's local name).", required=True),
     Column("source_a", "The first source."), Column("year_a", "Its year.", "year"), Column("value_a", "Its value (a name or a literal)."),
     Column("where_a", "Where in the first source the value stands (its fact-level citation: annex, table or section, and row)."),
     Column("source_b", "The second source."), Column("year_b", "Its year.", "year"), Column("value_b", "Its value."),
     Column("where_b", "Where in the second source the value stands."),
     Column("property_id", "The property's IRI."), Column("mechanism_id", "The mechanism's (or meeting's) IRI.", required=True)),
    "conflicts",  # the catalogue query, see rows()
)

LATEST = Table(
    "latest", "Latest statements",
    "For each mechanism and property, the value(s) of the most recent source that states it (the derived graph "
    "https://w3id.org/iscm/id/graph/latest), with the source(s) of that value and every source stating the property.",
    mechanism_columns() + (
        Column("property", "The property's local name.", required=True),
        Column("property_id", "The property's IRI.", required=True),
        Column("value", "The value: a name for an IRI, else the literal."),
        Column("value_id", "The value's IRI, when it is one."),
        Column("source", "The most recent source(s) stating this value ('|'-separated when several of the same year).", multi=True),
        Column("source_year", "Their year.", "year"),
        Column("all_sources", "Every source stating this property of the mechanism, whatever the value.", multi=True),
    ),
    Q.LATEST_VALUES,  # no key: the same text may be a value in two languages
)

TABLES: tuple[Table, ...] = (SOURCES, MECHANISMS, MEMBERSHIPS, MEETINGS, THEMATIC_FOCI, GCM_ENGAGEMENT, IOM_ROLES,
                             CONFLICTS, NAME_CHANGES, LATEST)

_CONFLICT_COLUMNS = {"mechanismName": "mechanism", "property": "property_id", "sourceA": "source_a", "yearA": "year_a",
                     "valueA": "value_a", "whereA": "where_a", "sourceB": "source_b", "yearB": "year_b", "valueB": "value_b",
                     "whereB": "where_b", "mechanism": "mechanism_id"}


def _cell(term) -> str:
    return "" if term is None else term.value


def _split_pairs(value: str) -> tuple[str, str]:
    """'name<US>IRI<RS>name<US>IRI' -> ('name|name', 'IRI|IRI'), ordered by name then IRI."""
    if not value:
        return "", ""
    items = sorted(tuple(item.split(Q.UNIT, 1)) for item in value.split(Q.RECORD))
    return SEPARATOR.join(n or iri for n, iri in items), SEPARATOR.join(iri for _, iri in items)


def rows(engine, table: Table) -> list[dict[str, str]]:
    """The table's rows as dicts of plain strings, in the order of its columns."""
    if table.query == "conflicts":
        from ..catalogue import load_catalogue
        result = engine.query(load_catalogue()["conflicts"].text).result
        out = []
        for r in result:
            row = {_CONFLICT_COLUMNS[v.value]: _cell(r[v.value]) for v in result.variables}
            row["property"] = row["property_id"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            out.append(row)
    else:
        result = engine.query(table.query).result
        names = [v.value for v in result.variables]
        out = []
        for r in result:
            row = {}
            for n in names:
                if n in table.pairs:
                    row[table.pairs[n][0]], row[table.pairs[n][1]] = _split_pairs(_cell(r[n]))
                else:
                    row[n] = _cell(r[n])
            out.append(row)
    return [{c: row.get(c, "") for c in table.column_names} for row in out]


def write_csv(path: Path, columns: list[str], data: list[dict[str, str]]) -> int:
    """Write rows as RFC 4180 CSV (UTF-8, header row, LF line ends); return the number of rows."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    return len(data)
