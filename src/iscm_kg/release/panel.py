"""The State × mechanism × year panel, in the style of the Correlates of War IGO data.

One row per State, mechanism and source snapshot (a source document that lists participants:
2009, 2013, c. 2017, 2019), for every (State, mechanism) pair that any snapshot records, with the
status that snapshot gives. ``pandas.read_csv`` and a pivot on ``year`` answer "membership over
time". The status is one word so that a pivot works; every role of the row is in ``roles``.
"""

from __future__ import annotations

from .columns import Column, Table, mechanism_columns
from .queries import PREFIXES, source

# A State listed in several roles (a member that also sits on the steering group) gets the first
# of these as its status; roles not listed here come after, alphabetically.
PRECEDENCE = ("member", "suspended-member", "former-member", "expected-member", "observer", "partner",
              "regular-participant", "participant", "steering-group-member", "thematic-coordinator")
# A snapshot that lists participants of a mechanism in one of these roles gives its member list:
# a State it does not list there is "none". A snapshot that lists only, say, observers of a
# mechanism says nothing of the others, whose status is left empty (unknown).
LIST_ROLES = ("member", "suspended-member", "former-member", "expected-member")

QUERY = PREFIXES + f"""
SELECT ?state ?state_id ?iso3 ?mechanism ?mechanism_id ?source ?source_year ?roles ?lists_members WHERE {{
  {{ SELECT DISTINCT ?state_id ?mechanism_id WHERE {{
      GRAPH ?g0 {{ ?ms0 a org:Membership ; org:organization ?mechanism_id ; org:member ?state_id }}
      ?g0 a iscm:SourceDocument . ?state_id a iscm:State }} }}
  {{ SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?any a org:Membership }} ?g a iscm:SourceDocument }} }}
  {source()}
  OPTIONAL {{ SELECT ?g ?state_id ?mechanism_id (GROUP_CONCAT(DISTINCT STRAFTER(STR(?r), "/role/"); separator="|") AS ?roles) WHERE {{
      GRAPH ?g {{ ?ms a org:Membership ; org:organization ?mechanism_id ; org:member ?state_id ; org:role ?r }}
    }} GROUP BY ?g ?state_id ?mechanism_id }}
  OPTIONAL {{ SELECT DISTINCT ?g ?mechanism_id ?lists WHERE {{
      GRAPH ?g {{ ?lm org:organization ?mechanism_id ; org:role ?lr }}
      FILTER (?lr IN ({", ".join(f"role:{r}" for r in LIST_ROLES)})) BIND (true AS ?lists) }} }}
  BIND (COALESCE(?lists, false) AS ?lists_members)
  ?state_id iscm:iso3166Alpha3 ?iso3 .
  OPTIONAL {{ ?state_id skos:prefLabel ?state FILTER (lang(?state) = "en") }}
  OPTIONAL {{ ?mechanism_id skos:prefLabel ?mechanism FILTER (lang(?mechanism) = "en") }}
}}
ORDER BY ?mechanism ?iso3 ?source_year ?source
"""

PANEL = Table(
    "panel", "State × mechanism × year panel",
    "One row per State, mechanism and source snapshot (each source document that lists participants), for every "
    "State that any snapshot lists in the mechanism, with the status that snapshot gives. Pivot on year for "
    "membership over time.",
    (Column("iso3", "ISO 3166-1 alpha-3 code of the State.", required=True),
     Column("state", "The State's English name.", required=True),
     Column("state_id", "The State's IRI.", required=True)) + mechanism_columns() + (
        Column("year", "The snapshot's year: the source document's issue year.", "integer", required=True),
        Column("source", "The source document giving the snapshot.", required=True),
        Column("status", "The State's status in the mechanism according to this snapshot: its role (member before "
               "the others when it has several), 'none' when the snapshot lists the mechanism's members and not "
               "this State, empty when the snapshot lists no members of the mechanism (unknown).",
               values="member, suspended-member, former-member, expected-member, observer, partner, regular-participant, "
                      "participant, steering-group-member, thematic-coordinator, none, or empty"),
        Column("roles", "Every role the snapshot gives the State in the mechanism, '|'-separated.", multi=True),
        Column("lists_members", "true when the snapshot lists members of the mechanism (so that absence means 'none').",
               "boolean", required=True),
    ),
    QUERY, primary_key=("iso3", "mechanism_id", "source"),
)


def status(roles: list[str], lists_members: bool) -> str:
    """A participant's status in the panel: its strongest role, or 'none' when the source lists members without it."""
    if roles:
        return sorted(roles, key=lambda r: (PRECEDENCE.index(r) if r in PRECEDENCE else len(PRECEDENCE), r))[0]
    return "none" if lists_members else ""


def rows(engine, table: Table = PANEL) -> list[dict[str, str]]:
    """The panel's rows (mechanism × participant × source) from the graph."""
    result = engine.query(table.query).result
    out = []
    for r in result:
        roles = r["roles"].value.split("|") if r["roles"] is not None else []
        lists = r["lists_members"].value == "true"
        out.append({
            "iso3": r["iso3"].value, "state": r["state"].value if r["state"] else "", "state_id": r["state_id"].value,
            "mechanism": r["mechanism"].value if r["mechanism"] else "", "mechanism_id": r["mechanism_id"].value,
            "year": r["source_year"].value, "source": r["source"].value, "status": status(roles, lists),
            "roles": "|".join(sorted(roles, key=lambda x: (PRECEDENCE.index(x) if x in PRECEDENCE else 99, x))),
            "lists_members": "true" if lists else "false",
        })
    return out
