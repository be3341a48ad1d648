"""Thematic foci named in the discussion/priority columns of three sources.

Tag: discussion_themes. Run with the project venv:
    .venv/bin/python tools/extract_discussion_themes.py

Reads   tools/theme_mapping.tsv  (the reviewed mapping, one row per area -> concept)
Writes ONLY:
  data/overview-2017/thematic-foci.ttl   (graph id:source/overview-2017)
  data/review-2013/thematic-foci.ttl     (graph id:source/review-2013)
  data/scpf-2009/thematic-foci.ttl       (graph id:source/scpf-2009)

Each output holds `mechanism:<x> iscm:thematicFocus theme:<y>` triples and, for each, the place in
the source its area stands (iscm:Citation at the row, annex row or case study; docs/modelling.md).

What was read (by hand; the seeds are not available in CI):
  overview-2017  000_...  Section I "Main areas of discussion" and "Current priorities" of every
                 RCP row; Sections II-III the "Main areas of discussion/objectives" and "Current
                 priorities" columns of the 12 IRF rows and the 3 global-process rows.
  review-2013    001_...  Annex B "Main objectives" of all 25 mechanisms; Annex C meeting themes
                 only where Annex B is thin for a mechanism (MIDSA: cell cut short; AFML; and the
                 EaP Panel, whose Annex B row carries the Soderkoping Process data). MIDWA's one
                 Annex C meeting (on its own institutional capacity) names no theme. Section 3:
                 every case study re-read for themes its prose names that Annex B/C lack (last
                 block of the TSV).
  scpf-2009      003_...  Annex II "Main areas of discussion" and "Current priorities" of the 14 RCPs.

TSV conventions: lines starting with '#' are comments (mechanism headings give the name as the
source writes it); the phrase column is our short keyword for the area, never source prose;
"[interim]" in a phrase marks an area whose own concept is missing from the scheme and which is
mapped to the nearest wider concept until the scheme gains it (see the report / decisions).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    DATA, ISCM, MECHANISM, OVERVIEW_SECTIONS, ROOT, THEME, Citer, annex_row, new_graph, pref_label,
    registry_labels, resolve, review_case_study, write_turtle,
)

TSV = ROOT / "tools" / "theme_mapping.tsv"
SCHEME_FILES = sorted((ROOT / "ontology" / "taxonomies").glob("thematic-foci*.ttl"))
OUT_NAME = "thematic-foci.ttl"

SOURCES = {
    "overview-2017": "the IOM overview table of the principal ISCMs (c. 2016-17): main areas of\n"
                     "discussion (objectives) and current priorities of every RCP, IRF and global row",
    "review-2013": "Harns 2013 (IOM Migration Research Series No. 45): Annex B main objectives,\n"
                   "with Annex C meeting themes where Annex B is thin (MIDSA, AFML, EaP Panel)",
    "scpf-2009": "IOM SCPF/30 (2009), Annex II: main areas of discussion and current priorities\n"
                 "of each RCP",
}

# Mechanism names as each source writes them (the TSV's '#' headings) -> registry slug.
# Every name is checked against tools/common.resolve(); OVERRIDES lists the deliberate exceptions.
NAMES = {
    "overview-2017": {
        "Budapest Process": "budapest-process",
        "Prague Process": "prague-process",
        "Eastern Partnership (EaP) Panel on Migration and Asylum": "eap-panel",
        "Puebla Process": "puebla-process",
        "SACM": "sacm",
        "Caribbean Migration Consultations": "cmc",
        "5 + 5 Dialogue": "five-plus-five-dialogue",
        "MIDWA": "midwa",
        "MIDSA": "midsa",
        "IGAD-RCP": "igad-rcp",
        "MIDCOM": "midcom",
        "MIDCAS": "midcas",
        "PIDC": "pidc",
        "Colombo Process": "colombo-process",
        "Abu Dhabi Dialogue": "abu-dhabi-dialogue",
        "Almaty Process": "almaty-process",
        "Arab RCP": "arab-rcp",
        "Bali Process": "bali-process",
        "IGC": "igc",
        "Rabat Process": "rabat-process",
        "Tripoli Process": "tripoli-process",
        "FIBEMYD": "fibemyd",
        "EU-LAC": "eu-celac-dialogue",
        "AFML": "afml",
        "ASEM CDGIMM": "asem-cdgimm",
        "Asia-EU Dialogue on Labour Migration": "asia-eu-dialogue",
        "ACP-EU Dialogue on Migration": "acp-eu-dialogue",
        "MTM": "mtm",
        "IRFMA": "pan-african-forum",
        "Khartoum Process": "khartoum-process",
        "MME": "africa-eu-mme",
        "GFMD": "gfmd",
        "HLD": "hld",
        "IDM": "idm",
    },
    "review-2013": {
        "MIDSA": "midsa",
        "MIDWA": "midwa",
        "COMESA RCP": "comesa-rcp",
        "IGAD-RCP": "igad-rcp",
        "Rabat Process": "rabat-process",
        "Tripoli Process": "tripoli-process",
        "Puebla Process": "puebla-process",
        "SACM": "sacm",
        "FIBEMYD": "fibemyd",
        "Almaty Process": "almaty-process",
        "Colombo Process": "colombo-process",
        "AFML": "afml",
        "ADD": "abu-dhabi-dialogue",
        "ASEM CDGIMM": "asem-cdgimm",
        "Bali Process": "bali-process",
        "APC": "apc",
        "ACP-EU Dialogue on Migration": "acp-eu-dialogue",
        "IGC": "igc",
        "Budapest Process": "budapest-process",
        # Annex B row headed EPPMA "formerly ... Soderkoping Process": its lists, members and
        # 2001-2011 dates are the Process's, as data/review-2013/memberships.ttl already reads it.
        "Söderköping Process": "soderkoping-process",
        # Annex C meetings of 2012 held under the Panel's own name.
        "Eastern Partnership (EaP) Panel on Migration and Asylum": "eap-panel",
        "Prague Process": "prague-process",
        "EU-LAC": "eu-celac-dialogue",
        "MTM": "mtm",
        "5+5 Dialogue": "five-plus-five-dialogue",
        "E-MP MD": "euromed-migration-dialogue",
    },
    "scpf-2009": {
        "Cross Border Cooperation Process": "soderkoping-process",
        "Budapest Process": "budapest-process",
        "Puebla Process": "puebla-process",
        "SACM": "sacm",
        "5 + 5 Dialogue": "five-plus-five-dialogue",
        "MTM": "mtm",
        "MIDWA": "midwa",
        "MDSA": "midsa",
        "IGAD-RCP": "igad-rcp",
        "APC": "apc",
        "Colombo Process": "colombo-process",
        "Abu Dhabi Dialogue": "abu-dhabi-dialogue",
        "IGC": "igc",
        "Bali Process": "bali-process",
    },
}
OVERRIDES: dict[tuple[str, str], str] = {}  # (source, name) -> slug where resolve() is not followed

MAX_PHRASE_WORDS = 8
IN_CASE_STUDIES: set[int] = set()
CASE_STUDY_ROWS: set[tuple] = set()


def place(citer: Citer, row: tuple, sections: dict[str, str]) -> URIRef:
    """Where in its source a mapping row's area stands (docs/modelling.md: fact-level citations)."""
    source, mech, phrase, _theme = row
    slug = str(mech).rsplit("/", 1)[-1]
    if source == "overview-2017":
        section, locator = OVERVIEW_SECTIONS[sections[slug]]
        citer.part(section, locator)
        return citer.part(f"{section}/{slug}", f"{locator}, row {pref_label(mech)}", parent=section)
    if source == "scpf-2009":
        return annex_row(citer, "Annex II", mech)
    if row in CASE_STUDY_ROWS:
        return review_case_study(citer, slug)
    if phrase.startswith("Annex C:"):
        return annex_row(citer, "Annex C", mech, row_word="meetings of")
    return annex_row(citer, "Annex B", mech)


CASE_STUDY_BLOCK = "section 3 case studies"  # the TSV comment that opens review-2013's section 3 rows


def read_tsv() -> list[tuple[str, URIRef, str, URIRef]]:
    rows = []
    with TSV.open(encoding="utf-8") as fh:
        lines = []
        for ln in fh:
            if ln.startswith("#") and CASE_STUDY_BLOCK in ln:
                IN_CASE_STUDIES.add(len(lines))  # rows from here on are section 3 rows
            if ln.strip() and not ln.startswith("#"):
                lines.append(ln)
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    assert header == ["source", "mechanism", "phrase", "theme"], header
    for n, rec in enumerate(reader, start=2):
        assert len(rec) == 4, f"row {n}: expected 4 cells, got {rec!r}"
        source, mech, phrase, theme = (c.strip() for c in rec)
        rows.append((source, URIRef(mech), phrase, URIRef(theme)))
        if IN_CASE_STUDIES and n - 1 >= min(IN_CASE_STUDIES):
            CASE_STUDY_ROWS.add(rows[-1])
    return rows


def check(rows) -> None:
    problems = []
    index = registry_labels()
    registry = Graph()
    for path in sorted((DATA / "registry").glob("*.ttl")):
        registry.parse(path)
    mechanisms = set(registry.subjects(RDF.type, ISCM.InterStateConsultationMechanism))
    scheme = Graph()
    for path in SCHEME_FILES:
        scheme.parse(path)
    concepts = set(scheme.subjects(RDF.type, SKOS.Concept))

    # names as written resolve to the slugs we use
    for source, names in NAMES.items():
        for name, slug in names.items():
            expected = OVERRIDES.get((source, name), slug)
            try:
                got = resolve(name, index)
            except KeyError:
                problems.append(f"{source}: name not in registry: {name!r}")
                continue
            if got != MECHANISM[expected]:
                problems.append(f"{source}: {name!r} resolves to {got}, we use {expected}")

    # what each source graph already describes
    described = {}
    for source in SOURCES:
        g = Graph()
        for path in sorted((DATA / source).glob("*.ttl")):
            if path.name != OUT_NAME:
                g.parse(path)
        described[source] = set(g.subjects())

    seen = Counter()
    for source, mech, phrase, theme in rows:
        seen[(source, mech, phrase, theme)] += 1
        if source not in SOURCES:
            problems.append(f"unknown source {source!r}")
            continue
        if mech not in mechanisms:
            problems.append(f"{source}: not a registry mechanism: {mech}")
        if mech not in {MECHANISM[s] for s in NAMES[source].values()}:
            problems.append(f"{source}: {mech} has no name entry in NAMES")
        if mech not in described[source]:
            problems.append(f"{source}: mechanism not described in data/{source}/: {mech}")
        if theme not in concepts or not str(theme).startswith(str(THEME)):
            problems.append(f"{source}: not a thematic-foci concept: {theme}")
        if len(phrase.split()) > MAX_PHRASE_WORDS:
            problems.append(f"{source}: phrase longer than {MAX_PHRASE_WORDS} words: {phrase!r}")
    problems += [f"duplicate row: {k}" for k, v in seen.items() if v > 1]
    if problems:
        sys.exit("theme_mapping.tsv problems:\n  " + "\n  ".join(problems))


def main() -> None:
    rows = read_tsv()
    check(rows)
    per_source: dict[str, set[tuple[URIRef, URIRef]]] = defaultdict(set)
    for source, mech, _phrase, theme in rows:
        per_source[source].add((mech, theme))
    import extract_overview2017_irfs as irfs_rows
    import extract_overview2017_rcps as rcp_rows
    sections = {**{r["slug"]: "rcp" for r in rcp_rows.RCPS}, **{r["slug"]: "irf" for r in irfs_rows.IRFS},
                **{r["slug"]: "global-process" for r in irfs_rows.GLOBAL}}
    for source, title in SOURCES.items():
        g = new_graph()
        citer = Citer(g, source)
        for mech, theme in sorted(per_source[source]):
            g.add((mech, ISCM.thematicFocus, theme))
        for row in rows:
            if row[0] == source:
                citer.cite(place(citer, row, sections), (row[1], ISCM.thematicFocus, row[3]))
        citer.write()
        header = (
            f"Thematic foci named in {title};\n"
            "each area mapped to the thematic-foci concept scheme where the mapping is clear.\n"
            "Generated by tools/extract_discussion_themes.py from tools/theme_mapping.tsv;\n"
            "the TSV holds the area-by-area mapping and is the place to review it."
        )
        write_turtle(g, DATA / source / OUT_NAME, header)
        Graph().parse(DATA / source / OUT_NAME)  # parses
        mechs = Counter(m for m, _ in per_source[source])
        print(f"{source}: {len(per_source[source])} foci for {len(mechs)} mechanisms "
              f"({sum(1 for r in rows if r[0] == source)} mapping rows)")
        for m, n in sorted(mechs.items()):
            print(f"    {m.rsplit('/', 1)[-1]:28s} {n}")


if __name__ == "__main__":
    main()
