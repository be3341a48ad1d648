"""SPARQL building blocks for the release tables.

Each table is one SELECT whose variables are the table's columns. A multi-valued fact whose
values have names (chairs, regions, mechanisms of a meeting) comes back as one ``?x_pairs``
variable of "name<US>IRI" items, so that the names and the IRIs end up in two columns in the same
order (two GROUP_CONCATs would not promise that).
"""

from __future__ import annotations

from .latest import LATEST

PREFIXES = """PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX role: <https://w3id.org/iscm/id/role/>
"""

UNIT = "\u001f"    # between a name and its IRI
RECORD = "\u001e"  # between two items

BASIS_EXPANDED = "https://w3id.org/iscm/id/membership-basis/expanded-from-group"


def source(g: str = "?g", name: str = "?source", year: str = "?source_year") -> str:
    """``g`` is a source document (never a project or derived graph); binds its short name and year."""
    issued = f"?issued_{name[1:]}"
    return (f'{g} a iscm:SourceDocument ; dcterms:issued {issued} .\n'
            f'  BIND (IF(STRSTARTS(STR({g}), "https://w3id.org/iscm/id/source/"), STRAFTER(STR({g}), "/source/"), STR({g})) AS {name})\n'
            f'  BIND (SUBSTR(STR({issued}), 1, 4) AS {year})')


def label(node: str, var: str) -> str:
    """The English name of ``node`` (exactly one per thing, by the shapes) into ``var``."""
    return f'OPTIONAL {{ {node} skos:prefLabel {var} FILTER (lang({var}) = "en") }}'


def many(subject: str, prop: str, var: str, keys: str = "?g") -> str:
    """All values of ``prop`` that graph ?g states of ``subject``, '|'-joined into ``var``."""
    return (f'OPTIONAL {{ SELECT {keys} {subject} (GROUP_CONCAT(DISTINCT STR(?v_{var}); separator="|") AS ?{var}) '
            f'WHERE {{ GRAPH ?g {{ {subject} {prop} ?v_{var} }} }} GROUP BY {keys} {subject} }}')


def pairs(subject: str, prop: str, var: str, keys: str = "?g", where: str = "") -> str:
    """All IRIs that graph ?g states as ``prop`` of ``subject``, with their names, into ``?var_pairs``."""
    v, n = f"?v_{var}", f"?n_{var}"
    return (f'OPTIONAL {{ SELECT {keys} {subject} (GROUP_CONCAT(DISTINCT CONCAT(COALESCE({n}, ""), "{UNIT}", STR({v})); '
            f'separator="{RECORD}") AS ?{var}_pairs) WHERE {{ GRAPH ?g {{ {subject} {prop} {v} {where} }} '
            f'{label(v, n)} }} GROUP BY {keys} {subject} }}')


def kind(node: str, var: str) -> str:
    """A SPARQL BIND giving the kind of a node (State, mechanism, organization, other) in ``var``."""
    return (f'BIND (IF(EXISTS {{ {node} a iscm:State }}, "State", IF(EXISTS {{ {node} a iscm:InterStateConsultationMechanism }}, '
            f'"mechanism", IF(EXISTS {{ {node} a org:FormalOrganization }}, "organization", "other"))) AS {var})')


MECHANISMS = PREFIXES + f"""
SELECT ?source ?source_year ?mechanism ?mechanism_id ?type_pairs ?year_established ?initiation_date
       ?cessation_date ?status ?member_count_stated ?chair_pairs ?co_chair_pairs ?secretariat_pairs
       ?listed_under_pairs ?covers_pairs ?homepage WHERE {{
  {{ SELECT DISTINCT ?g ?mechanism_id WHERE {{
      GRAPH ?g {{ ?mechanism_id ?p ?o }} GRAPH ?r {{ ?mechanism_id a iscm:InterStateConsultationMechanism }} }} }}
  {source()}
  {label("?mechanism_id", "?mechanism")}
  {pairs("?mechanism_id", "iscm:mechanismType", "type")}
  {many("?mechanism_id", "iscm:yearEstablished", "year_established")}
  {many("?mechanism_id", "iscm:initiationDate", "initiation_date")}
  {many("?mechanism_id", "iscm:cessationDate", "cessation_date")}
  {many("?mechanism_id", "iscm:memberCountStated", "member_count_stated")}
  {many("?mechanism_id", "foaf:homepage", "homepage")}
  {pairs("?mechanism_id", "iscm:chair", "chair")}
  {pairs("?mechanism_id", "iscm:coChair", "co_chair")}
  {pairs("?mechanism_id", "iscm:secretariat", "secretariat")}
  {pairs("?mechanism_id", "iscm:listedUnderRegion", "listed_under")}
  {pairs("?mechanism_id", "iscm:regionCovered", "covers")}
  BIND (IF(BOUND(?cessation_date), "ceased",
        IF(EXISTS {{ GRAPH ?g {{ {{ ?later dcterms:replaces ?mechanism_id }} UNION {{ ?e org:originalOrganization ?mechanism_id }} }} }}, "replaced",
        IF(EXISTS {{ GRAPH ?g {{ ?x org:organization ?mechanism_id ; org:role role:expected-member }} }}
           && NOT EXISTS {{ GRAPH ?g {{ ?y org:organization ?mechanism_id ; org:role role:member }} }}, "not yet launched", "active"))) AS ?status)
}}
ORDER BY ?source_year ?source ?mechanism
"""

MEMBERSHIPS = PREFIXES + f"""
SELECT ?source ?source_year ?mechanism ?mechanism_id ?participant ?participant_id ?participant_kind ?iso3
       ?role ?role_id ?qualifier ?membership_basis_id ?expanded_from_group ?start_year ?end_year
       ?in_capacity_of_pairs ?m49_region ?m49_subregion ?membership_id WHERE {{
  GRAPH ?g {{ ?membership_id a org:Membership ; org:organization ?mechanism_id ; org:member ?participant_id ; org:role ?role_id .
             OPTIONAL {{ ?membership_id iscm:membershipBasis ?membership_basis_id }}
             OPTIONAL {{ ?membership_id iscm:startYear ?start_year }}
             OPTIONAL {{ ?membership_id iscm:endYear ?end_year }} }}
  {source()}
  {label("?mechanism_id", "?mechanism")}
  {label("?participant_id", "?participant")}
  {label("?role_id", "?role")}
  {kind("?participant_id", "?participant_kind")}
  OPTIONAL {{ ?participant_id iscm:iso3166Alpha3 ?iso3 }}
  {many("?membership_id", "iscm:membershipNote", "qualifier")}
  {pairs("?membership_id", "iscm:inCapacityOf", "in_capacity_of")}
  OPTIONAL {{ ?participant_id iscm:m49Region ?r . {label("?r", "?m49_region")} }}
  OPTIONAL {{ ?participant_id iscm:m49SubRegion ?sr . {label("?sr", "?m49_subregion")} }}
  BIND (?membership_basis_id = <{BASIS_EXPANDED}> AS ?expanded_from_group)
}}
ORDER BY ?source_year ?source ?mechanism ?role ?participant ?membership_id
"""

MEETINGS = PREFIXES + f"""
SELECT ?source ?source_year ?meeting ?meeting_id ?start_date ?end_date ?city ?country_pairs ?meeting_type_pairs
       ?mechanism_pairs ?series_pairs ?ordinal ?theme ?host_pairs WHERE {{
  GRAPH ?g {{ ?meeting_id a iscm:Meeting }}
  {source()}
  {label("?meeting_id", "?meeting")}
  {many("?meeting_id", "iscm:startDate", "start_date")}
  {many("?meeting_id", "iscm:endDate", "end_date")}
  {many("?meeting_id", "iscm:venueCity", "city")}
  {many("?meeting_id", "iscm:ordinal", "ordinal")}
  {many("?meeting_id", "iscm:meetingTheme", "theme")}
  {pairs("?meeting_id", "iscm:venueCountry", "country")}
  {pairs("?meeting_id", "iscm:meetingType", "meeting_type")}
  {pairs("?meeting_id", "iscm:meetingOf", "mechanism")}
  {pairs("?meeting_id", "iscm:partOfSeries", "series")}
  {pairs("?meeting_id", "iscm:host", "host")}
}}
ORDER BY ?source_year ?source ?start_date ?meeting_id
"""


def per_value(prop: str, value: str) -> str:
    """One row per (source, mechanism, value) of a property of mechanisms."""
    return PREFIXES + f"""
SELECT ?source ?source_year ?mechanism ?mechanism_id ?{value} ?{value}_id WHERE {{
  GRAPH ?g {{ ?mechanism_id {prop} ?{value}_id }}
  {source()}
  {label("?mechanism_id", "?mechanism")}
  {label(f"?{value}_id", f"?{value}")}
}}
ORDER BY ?source_year ?source ?mechanism ?{value}
"""


THEMATIC_FOCI = per_value("iscm:thematicFocus", "theme")
IOM_ROLES = per_value("iscm:iomRole", "iom_role")

GCM_ENGAGEMENT = PREFIXES + f"""
SELECT ?source ?source_year ?mechanism ?mechanism_id ?gcm_theme ?gcm_theme_id ?considering_engagement ?area_pairs WHERE {{
  {{ GRAPH ?g {{ ?mechanism_id iscm:engagedInGcmTheme ?gcm_theme_id }} BIND (STR(?gcm_theme_id) AS ?theme_key) }}
  UNION
  {{ GRAPH ?g {{ ?mechanism_id iscm:consideringGcmEngagement ?any }}
     FILTER NOT EXISTS {{ GRAPH ?g {{ ?mechanism_id iscm:engagedInGcmTheme ?t }} }} BIND ("" AS ?theme_key) }}
  {source()}
  {label("?mechanism_id", "?mechanism")}
  OPTIONAL {{ ?gcm_theme_id skos:prefLabel ?gcm_theme FILTER (lang(?gcm_theme) = "en") }}
  OPTIONAL {{ GRAPH ?g {{ ?mechanism_id iscm:consideringGcmEngagement ?considering_engagement }} }}
  {pairs("?mechanism_id", "iscm:thematicFocus", "area", keys="?g ?theme_key",
        where=". ?v_area iscm:gcmTheme ?area_theme BIND (STR(?area_theme) AS ?theme_key)")}
}}
ORDER BY ?source_year ?source ?mechanism ?gcm_theme
"""

NAME_CHANGES = PREFIXES + f"""
SELECT ?source ?source_year ?former ?former_id ?successor ?successor_id ?date ?event_id WHERE {{
  GRAPH ?g {{ ?event_id a org:ChangeEvent ; org:originalOrganization ?former_id ; org:resultingOrganization ?successor_id .
             OPTIONAL {{ ?event_id dcterms:date ?date }} }}
  {source()}
  {label("?former_id", "?former")}
  {label("?successor_id", "?successor")}
}}
ORDER BY ?former ?source_year ?source
"""

SOURCES = PREFIXES + f"""
SELECT ?source ?source_year ?title ?source_id (COUNT(*) AS ?statements) WHERE {{
  GRAPH ?source_id {{ ?s ?p ?o }}
  {source("?source_id")}
  OPTIONAL {{ ?source_id dcterms:title ?title }}
}}
GROUP BY ?source ?source_year ?title ?source_id
ORDER BY ?source_year ?source
"""

LATEST_VALUES = PREFIXES + f"""
SELECT ?mechanism ?mechanism_id ?property ?property_id ?value ?value_id ?source ?source_year ?all_sources WHERE {{
  {{ SELECT ?mechanism_id ?property_id (MAX(?y1) AS ?top) (GROUP_CONCAT(DISTINCT ?s1; separator="|") AS ?all_sources) WHERE {{
      {{ SELECT DISTINCT ?mechanism_id ?property_id WHERE {{ GRAPH <{LATEST}> {{ ?mechanism_id ?property_id ?any }} }} }}
      GRAPH ?g {{ ?mechanism_id ?property_id ?x }}
      {source(name="?s1", year="?y1")}
    }} GROUP BY ?mechanism_id ?property_id }}
  ?mechanism_id a iscm:InterStateConsultationMechanism .
  GRAPH <{LATEST}> {{ ?mechanism_id ?property_id ?o }}
  {{ SELECT ?mechanism_id ?property_id ?o (?y2 AS ?source_year) (GROUP_CONCAT(DISTINCT ?s2; separator="|") AS ?source) WHERE {{
      GRAPH ?g {{ ?mechanism_id ?property_id ?o }}
      {source(name="?s2", year="?y2")}
    }} GROUP BY ?mechanism_id ?property_id ?o ?y2 }}
  FILTER (?source_year = ?top)
  {label("?mechanism_id", "?mechanism")}
  OPTIONAL {{ ?o skos:prefLabel ?o_name FILTER (lang(?o_name) = "en") }}
  BIND (REPLACE(STR(?property_id), "^.*[#/]", "") AS ?property)
  BIND (IF(isIRI(?o), STR(?o), ?nothing) AS ?value_id)
  BIND (IF(isIRI(?o), COALESCE(?o_name, STR(?o)), STR(?o)) AS ?value)
}}
ORDER BY ?mechanism ?property ?value
"""
