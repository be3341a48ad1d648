"""Pictures of the graph, drawn server-side as SVG from SPARQL over the merged dataset.

Four pictures, each with the query that gives its numbers:

* ``/pictures/overlap.svg`` — how many member States each pair of mechanisms shares, as listed
  by one source (``?source=overview-2017``, the default being the latest source with member
  lists) or by any source (``?source=all``);
* ``/pictures/thematic-matrix.svg`` — the 2019 assessment's mechanism × theme matrix;
* ``/pictures/founding-years.svg`` — the founding year each source gives, sources side by side,
  with the mechanisms on which they disagree marked;
* ``/pictures/participation.svg`` — for every State, the number of mechanisms it is listed as a
  member of (same ``?source=`` choice), as a grid of tiles and a histogram.

``/pictures/`` shows them with their numbers as tables and links to the queries on the query
page. The SVGs are drawn with matplotlib (Agg, no network) with text kept as text
(``svg.fonttype = none``) and cached per dataset version. Every element that stands for a
number is a ``<g>`` whose ``id`` names what it counts, with ``data-value`` holding the number and
a ``<title>`` saying it in words, so a test (or a reader) can check the picture against SPARQL.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, render_template, request, url_for

from ..engine import with_prefixes
from .describe import ID, local_name
from .linked_data import catalogue, site

bp = Blueprint("pictures", __name__, url_prefix="/pictures", template_folder="templates")

ALL = "all"
SOURCE_IRI = ID + "source/"
# the colours of the source chips in iscm.css (--g0 … --g7), so pictures and pages agree
CHIP_COLOURS = ["#2166ac", "#1b7837", "#b35806", "#762a83", "#b2182b", "#35978f", "#8c510a", "#4d4d4d"]
MARKERS = ["o", "s", "D", "^", "P", "X", "v", "*"]  # by position among the sources drawn
INK, MUTED, LINE, ACCENT, WARN, WARN_SOFT = "#1d2430", "#5b6573", "#dfe3ea", "#0b5cad", "#8a4b00", "#fff5e6"
FONT = ["DejaVu Sans", "Arial", "sans-serif"]
ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9&+\-. ]{1,11}")

_render_lock = threading.Lock()  # rcParams are process-global: one drawing at a time


# -- what each picture counts ------------------------------------------------------------------


@dataclass
class Mechanism:
    iri: str
    label: str
    short: str


@dataclass
class Overlap:
    source: str  # a source slug or "all"
    query: str
    mechanisms: list[Mechanism]  # in drawing order
    shared: dict[tuple[str, str], int]  # (a, b) -> shared member States, both orders, diagonal = own members

    def value(self, a: str, b: str) -> int:
        return self.shared.get((a, b), 0)

    def pairs(self) -> list[tuple[Mechanism, Mechanism, int]]:
        out = []
        for i, a in enumerate(self.mechanisms):
            for b in self.mechanisms[i + 1:]:
                if self.value(a.iri, b.iri):
                    out.append((a, b, self.value(a.iri, b.iri)))
        return sorted(out, key=lambda t: (-t[2], t[0].label, t[1].label))


@dataclass
class ThemeMatrix:
    query: str
    mechanisms: list[Mechanism]
    themes: list[tuple[str, str]]  # (iri, label), most frequent first
    ticks: set[tuple[str, str]]  # (mechanism, theme)

    def themes_of(self, mechanism: str) -> list[tuple[str, str]]:
        return [t for t in self.themes if (mechanism, t[0]) in self.ticks]

    def count(self, theme: str) -> int:
        return sum(1 for m, t in self.ticks if t == theme)


@dataclass
class FoundingYears:
    query: str
    sources: list  # GraphInfo of the sources that give years, oldest first
    mechanisms: list[Mechanism]  # earliest founding year first
    years: dict[tuple[str, str], int]  # (mechanism, source graph) -> year

    def of(self, mechanism: str) -> dict[str, int]:
        return {g: y for (m, g), y in self.years.items() if m == mechanism}

    def disagree(self, mechanism: str) -> bool:
        return len(set(self.of(mechanism).values())) > 1


@dataclass
class Participation:
    source: str
    query: str
    states: list[tuple[str, str, str, int]]  # (iri, ISO code, name, mechanisms), by name
    histogram: dict[int, int] = field(default_factory=dict)  # mechanisms -> number of States


# -- queries -----------------------------------------------------------------------------------


def _graph_pattern(source: str, body: str) -> str:
    if source == ALL:
        return body
    return f"GRAPH <{SOURCE_IRI}{source}> {{ {body} }}"


def overlap_query(source: str) -> str:
    members = _graph_pattern(source, """
    ?ma org:organization ?a ; org:role role:member ; org:member ?state .
    ?mb org:organization ?b ; org:role role:member ; org:member ?state .
  """)
    scope = "any source (union of all)" if source == ALL else f"the source {source}"
    return f"""# Member States shared by each pair of mechanisms, as listed by {scope};
# where ?a = ?b, the mechanism's own number of member States.
SELECT ?a ?b (COUNT(DISTINCT ?state) AS ?shared) WHERE {{
  {members}
  ?state a iscm:State .
}}
GROUP BY ?a ?b
ORDER BY ?a ?b
"""


THEME_QUERY_NAME = "thematic-matrix-2019"
FOUNDING_QUERY_NAME = "founding-years"


def founding_query() -> str:
    return """# The founding year each source document gives for each mechanism.
SELECT ?mechanism ?source ?year WHERE {
  GRAPH ?source { ?mechanism iscm:yearEstablished ?y }
  ?source a iscm:SourceDocument .
  BIND (STR(?y) AS ?year)
}
ORDER BY ?mechanism ?source
"""


def participation_query(source: str) -> str:
    members = _graph_pattern(source, "?ms org:member ?state ; org:organization ?mechanism ; org:role role:member .")
    scope = "any source (union of all)" if source == ALL else f"the source {source}"
    return f"""# For every State, the number of mechanisms it is listed as a member of by {scope}.
SELECT ?state ?code (COUNT(DISTINCT ?mechanism) AS ?mechanisms) WHERE {{
  ?state a iscm:State ; iscm:iso3166Alpha3 ?code .
  OPTIONAL {{ {members} }}
}}
GROUP BY ?state ?code
ORDER BY DESC(?mechanisms) ?code
"""


def _engine():
    return current_app.config["ENGINE"]


def membership_sources() -> list:
    """Sources that list member States, oldest first (GraphInfo)."""
    s = site()
    rows = s.select("""
        SELECT DISTINCT ?g WHERE {
          GRAPH ?g { ?ms org:role role:member ; org:member ?state }
          ?state a iscm:State . ?g a iscm:SourceDocument .
        }""")
    return sorted((s.graph(r["g"].value) for r in rows), key=lambda g: g.order)


def default_source() -> str:
    found = membership_sources()
    return local_name(found[-1].iri) if found else ALL


def source_choice(value: str | None) -> str | None:
    """The ``source`` parameter checked: a membership source's slug or "all"; None if unknown."""
    if value is None or value == "":
        return default_source()
    if value == ALL or value in {local_name(g.iri) for g in membership_sources()}:
        return value
    return None


def source_title(source: str) -> str:
    if source == ALL:
        return "any source (union of all sources)"
    g = site().graph(SOURCE_IRI + source)
    return f"{g.title} ({g.year})" if g.year else g.title


def source_short(source: str) -> str:
    if source == ALL:
        return "any source (all sources together)"
    label = graph_label(site().graph(SOURCE_IRI + source))
    return f"the {label}" if label[-1].isdigit() else label


def graph_label(g) -> str:
    """'Overview 2017' (short labels mostly carry the year already)."""
    return g.short if not g.year or g.short.endswith(g.year) else f"{g.short} ({g.year})"


def short_names(iris: set[str]) -> dict[str, Mechanism]:
    """A short name for each mechanism, to label axes: its name if short, else its acronym."""
    if not iris:
        return {}
    s = site()
    values = " ".join(f"<{i}>" for i in sorted(iris))
    rows = s.select(f"SELECT ?m ?alt WHERE {{ VALUES ?m {{ {values} }} OPTIONAL {{ ?m skos:altLabel ?alt }} }}")
    alts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["alt"] is not None:
            alts[r["m"].value].add(r["alt"].value)
    out = {}
    for iri in iris:
        label = s.label(iri)
        out[iri] = Mechanism(iri, label, _short(label, alts.get(iri, set())))
    return out


def _short(label: str, alts: set[str]) -> str:
    if len(label) <= 30:
        return label
    m = re.search(r"\(([^()]{3,30})\)$", label)
    if m:
        return m.group(1)
    names = [label, *alts]
    acronyms = [a for a in alts if ACRONYM.fullmatch(a) and sum(c.isupper() for c in a) >= 2]
    if acronyms:
        # the acronym most names use (inside parentheses, say), then the shorter
        return sorted(acronyms, key=lambda a: (-sum(1 for n in names if re.search(rf"\b{re.escape(a)}\b", n)),
                                               len(a), a))[0]
    head = label.split(" on ")[0]
    if 8 <= len(head) <= 30:
        return head
    return label[:28] + "…"


def overlap_data(source: str) -> Overlap:
    text = overlap_query(source)
    rows = _engine().select(text)
    shared = {(r["a"].value, r["b"].value): int(r["shared"].value) for r in rows}
    names = short_names({a for a, _ in shared})
    # order: greedy chain, each next mechanism the one sharing most States with the last placed
    left = set(names)
    order: list[str] = []
    while left:
        if order:
            last = order[-1]
            nxt = max(left, key=lambda m: (shared.get((last, m), 0), shared.get((m, m), 0), _neg(names[m].short)))
            if shared.get((last, nxt), 0) == 0:
                nxt = max(left, key=lambda m: (shared.get((m, m), 0), _neg(names[m].short)))
        else:
            nxt = max(left, key=lambda m: (shared.get((m, m), 0), _neg(names[m].short)))
        order.append(nxt)
        left.discard(nxt)
    return Overlap(source, text, [names[m] for m in order], shared)


def _neg(text: str) -> tuple:
    """A key that sorts strings backwards, for max() to break ties alphabetically."""
    return tuple(-ord(c) for c in text.lower())


def theme_data() -> ThemeMatrix:
    text = catalogue()[THEME_QUERY_NAME].text
    rows = _engine().select(text)
    ticks = {(r["mechanism"].value, r["theme"].value) for r in rows}
    theme_names = {r["theme"].value: r["themeName"].value for r in rows}
    counts: dict[str, int] = defaultdict(int)
    for _, t in ticks:
        counts[t] += 1
    themes = sorted(theme_names.items(), key=lambda t: (-counts[t[0]], t[1].lower()))
    names = short_names({m for m, _ in ticks})
    mechanisms = sorted(names.values(), key=lambda m: m.short.lower())
    return ThemeMatrix(text, mechanisms, themes, ticks)


def founding_data() -> FoundingYears:
    text = founding_query()
    rows = _engine().select(text)
    s = site()
    years = {(r["mechanism"].value, r["source"].value): int(r["year"].value[:4]) for r in rows}
    sources = sorted({s.graph(g) for _, g in years}, key=lambda g: g.order)
    names = short_names({m for m, _ in years})
    first = {m: min(y for (mm, _), y in years.items() if mm == m) for m in names}
    mechanisms = sorted(names.values(), key=lambda m: (first[m.iri], m.short.lower()))
    return FoundingYears(text, sources, mechanisms, years)


def participation_data(source: str) -> Participation:
    text = participation_query(source)
    rows = _engine().select(text)
    s = site()
    states = sorted(((r["state"].value, r["code"].value, s.label(r["state"].value), int(r["mechanisms"].value))
                     for r in rows), key=lambda t: (t[2].lower(), t[1]))
    histogram: dict[int, int] = defaultdict(int)
    for *_, n in states:
        histogram[n] += 1
    return Participation(source, text, states, dict(sorted(histogram.items())))


# -- drawing -----------------------------------------------------------------------------------


def _figure(width: float, height: float):
    import matplotlib
    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    return Figure(figsize=(width, height), facecolor="white")


RC = {"svg.fonttype": "none", "font.family": "sans-serif", "font.sans-serif": FONT, "font.size": 8,
      "text.color": INK, "axes.edgecolor": LINE, "xtick.color": INK, "ytick.color": INK}


def _svg(fig, salt: str, title: str, desc: str, values: dict[str, tuple[object, str]]) -> bytes:
    """Write ``fig`` as SVG: deterministic ids, a title and description, and for every id in
    ``values`` (id -> (number, words)) a ``data-value`` attribute and a ``<title>``."""
    import matplotlib as mpl
    buf = io.StringIO()
    with mpl.rc_context({**RC, "svg.hashsalt": salt}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Title": title, "Description": desc})
    text = buf.getvalue()

    def annotate(m: re.Match) -> str:
        gid = m.group(1)
        if gid not in values:
            return m.group(0)
        value, words = values[gid]
        return f'<g id="{gid}" data-value="{escape(str(value))}"><title>{escape(words)}</title>'

    text = re.sub(r'<g id="([^"]+)">', annotate, text)
    text = re.sub(r"(<svg [^>]*>)", lambda m: f"{m.group(1)}\n <title>{escape(title)}</title>\n <desc>{escape(desc)}</desc>",
                  text, count=1)
    return text.encode("utf-8")


def _slug(iri: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", local_name(iri))


def draw_overlap(data: Overlap, salt: str) -> bytes:
    import matplotlib as mpl
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle
    n = len(data.mechanisms)
    cell = 0.3
    left, top, right, bottom = 2.1, 2.5, 0.3, 0.3
    with mpl.rc_context(RC):
        fig = _figure(left + right + max(n, 1) * cell, top + bottom + max(n, 1) * cell)
        ax = fig.add_axes((left / fig.get_figwidth(), bottom / fig.get_figheight(),
                           max(n, 1) * cell / fig.get_figwidth(), max(n, 1) * cell / fig.get_figheight()))
        off = [data.value(a.iri, b.iri) for a in data.mechanisms for b in data.mechanisms if a.iri != b.iri]
        norm = Normalize(0, max(off + [1]))
        cmap = mpl.colormaps["Blues"]
        values = {}
        for i, a in enumerate(data.mechanisms):
            for j, b in enumerate(data.mechanisms):
                v = data.value(a.iri, b.iri)
                gid = f"overlap--{_slug(a.iri)}--{_slug(b.iri)}"
                diagonal = i == j
                colour = "#e9ecf1" if diagonal else (cmap(0.08 + 0.92 * norm(v)) if v else "#fafbfc")
                rect = Rectangle((j, i), 1, 1, facecolor=colour, edgecolor="white", linewidth=0.6, gid=gid,
                                 clip_on=False)
                ax.add_patch(rect)
                if v:
                    dark = not diagonal and norm(v) > 0.55
                    ax.text(j + 0.5, i + 0.52, str(v), ha="center", va="center", fontsize=6.5, clip_on=False,
                            color="white" if dark else INK, fontweight="bold" if diagonal else "normal")
                words = (f"{a.label}: {v} member States" if diagonal
                         else f"{a.label} and {b.label}: {v} member States in common")
                values[gid] = (v, words)
        ax.set_xlim(0, max(n, 1))
        ax.set_ylim(max(n, 1), 0)
        ax.set_xticks([k + 0.5 for k in range(n)], [m.short for m in data.mechanisms], rotation=90, fontsize=7.5)
        ax.set_yticks([k + 0.5 for k in range(n)], [m.short for m in data.mechanisms], fontsize=7.5)
        ax.xaxis.tick_top()
        ax.tick_params(length=0, pad=3)
        for spine in ax.spines.values():
            spine.set_visible(False)
        title = f"Member States shared between mechanisms, as listed by {source_short(data.source)}"
        fh = fig.get_figheight()
        fig.text(0.02, 1 - 0.3 / fh, title, fontsize=9.5, fontweight="bold", ha="left")
        fig.text(0.02, 1 - 0.52 / fh, "Each cell: the number of States listed as members of both mechanisms. "
                 "Grey diagonal: the mechanism's own number of member States.", fontsize=7.5, color=MUTED, ha="left")
    return _svg(fig, salt, title, "Matrix of mechanisms by mechanisms; each cell gives the number of member "
                "States the two have in common.", values)


def draw_themes(data: ThemeMatrix, salt: str) -> bytes:
    import matplotlib as mpl
    from matplotlib.patches import Rectangle
    rows, cols = len(data.mechanisms), len(data.themes)
    cell = 0.26
    left, top, right, bottom = 2.1, 3.3, 0.4, 0.4
    with mpl.rc_context(RC):
        fig = _figure(left + right + max(cols, 1) * cell, top + bottom + max(rows, 1) * cell)
        ax = fig.add_axes((left / fig.get_figwidth(), bottom / fig.get_figheight(),
                           max(cols, 1) * cell / fig.get_figwidth(), max(rows, 1) * cell / fig.get_figheight()))
        values = {}
        for i, m in enumerate(data.mechanisms):
            if i % 2 == 0:
                ax.add_patch(Rectangle((0, i), cols, 1, facecolor="#f5f7fa", edgecolor="none"))
            for j, (t, tname) in enumerate(data.themes):
                if (m.iri, t) in data.ticks:
                    gid = f"theme--{_slug(m.iri)}--{_slug(t)}"
                    ax.add_patch(Rectangle((j + 0.18, i + 0.18), 0.64, 0.64, facecolor=ACCENT, edgecolor="none", gid=gid))
                    values[gid] = (1, f"{m.label}: {tname}")
            n = len(data.themes_of(m.iri))
            gid = f"theme-count--{_slug(m.iri)}"
            ax.text(cols + 0.3, i + 0.55, str(n), ha="left", va="center", fontsize=7, color=MUTED, gid=gid)
            values[gid] = (n, f"{m.label}: {n} thematic foci")
        for j, (t, tname) in enumerate(data.themes):
            n = data.count(t)
            gid = f"theme-total--{_slug(t)}"
            ax.text(j + 0.5, rows + 0.35, str(n), ha="center", va="top", fontsize=7, color=MUTED, gid=gid)
            values[gid] = (n, f"{tname}: {n} mechanisms")
        for k in range(cols + 1):
            ax.axvline(k, color=LINE, linewidth=0.4)
        ax.set_xlim(0, max(cols, 1))
        ax.set_ylim(max(rows, 1), 0)
        ax.set_xticks([k + 0.5 for k in range(cols)], [name for _, name in data.themes], rotation=60,
                      ha="left", rotation_mode="anchor", fontsize=7.5)
        ax.set_yticks([k + 0.5 for k in range(rows)], [m.short for m in data.mechanisms], fontsize=7.5)
        ax.xaxis.tick_top()
        ax.tick_params(length=0, pad=3)
        for spine in ax.spines.values():
            spine.set_visible(False)
        title = "Thematic foci of the mechanisms, 2019 assessment"
        fh = fig.get_figheight()
        fig.text(0.02, 1 - 0.3 / fh, title, fontsize=9.5, fontweight="bold", ha="left")
        fig.text(0.02, 1 - 0.52 / fh, f"{len(data.ticks)} ticks: {rows} mechanisms × {cols} themes, themes most frequent first. "
                 "Numbers: foci per mechanism (right) and mechanisms per theme (below).", fontsize=7.5, color=MUTED)
    return _svg(fig, salt, title, "Matrix of mechanisms by themes with a square where the 2019 assessment "
                "gives the theme as a thematic focus of the mechanism.", values)


def draw_founding(data: FoundingYears, salt: str) -> bytes:
    import matplotlib as mpl
    import matplotlib.ticker  # noqa: F401 (mpl.ticker below)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    rows = len(data.mechanisms)
    row_h = 0.4
    left, top, right, bottom = 2.1, 1.0, 1.0, 0.8
    all_years = list(data.years.values()) or [2000]
    lo, hi = min(all_years) - 1, max(all_years) + 1
    with mpl.rc_context(RC):
        fig = _figure(10, top + bottom + max(rows, 1) * row_h)
        fw, fh = fig.get_figwidth(), fig.get_figheight()
        ax = fig.add_axes((left / fw, bottom / fh, (fw - left - right) / fw, max(rows, 1) * row_h / fh))
        k = max(len(data.sources), 1)
        offsets = {g.iri: (idx - (k - 1) / 2) * min(0.88 / k, 0.22) for idx, g in enumerate(data.sources)}
        marker = {g.iri: MARKERS[idx % len(MARKERS)] for idx, g in enumerate(data.sources)}
        values = {}
        for i, m in enumerate(data.mechanisms):
            given = data.of(m.iri)
            disagree = data.disagree(m.iri)
            if disagree:
                ax.add_patch(Rectangle((lo, i - 0.5), hi - lo, 1, facecolor=WARN_SOFT, edgecolor="none"))
                ax.plot([min(given.values()), max(given.values())], [i, i], color=WARN, linewidth=1.2, zorder=2)
                ax.text(hi + 0.4, i, " / ".join(str(y) for y in sorted(set(given.values()))), va="center",
                        ha="left", fontsize=7, color=WARN, fontweight="bold", clip_on=False)
            else:
                ax.axhline(i, color=LINE, linewidth=0.5, zorder=1)
                ax.text(hi + 0.4, i, str(next(iter(given.values()))), va="center", ha="left", fontsize=7,
                        color=MUTED, clip_on=False)
            for g in data.sources:
                if g.iri not in given:
                    continue
                y = given[g.iri]
                gid = f"founding--{_slug(m.iri)}--{_slug(g.iri)}"
                ax.plot([y], [i + offsets[g.iri]], linestyle="none", marker=marker[g.iri],
                        markersize=4.5, color=CHIP_COLOURS[g.order % len(CHIP_COLOURS)], markeredgecolor="white",
                        markeredgewidth=0.5, zorder=3, gid=gid)
                values[gid] = (y, f"{m.label}: founded in {y}, says {g.title} ({g.year})")
        ax.set_xlim(lo, hi)
        ax.set_ylim(max(rows, 1) - 0.5, -0.5)
        ax.set_yticks(range(rows), [m.short for m in data.mechanisms], fontsize=7.5)
        for label, m in zip(ax.get_yticklabels(), data.mechanisms):
            if data.disagree(m.iri):
                label.set_color(WARN)
                label.set_fontweight("bold")
        ax.xaxis.set_major_locator(mpl.ticker.MultipleLocator(5))
        ax.xaxis.set_minor_locator(mpl.ticker.MultipleLocator(1))
        ax.grid(axis="x", which="major", color=LINE, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
        ax.tick_params(axis="x", labelsize=7.5, colors=MUTED, top=True, labeltop=True)
        for side in ("left", "right"):
            ax.spines[side].set_visible(False)
        handles = [Line2D([], [], linestyle="none", marker=marker[g.iri], markersize=5,
                          color=CHIP_COLOURS[g.order % len(CHIP_COLOURS)], label=graph_label(g))
                   for g in data.sources]
        handles.append(Rectangle((0, 0), 1, 1, facecolor=WARN_SOFT, edgecolor=WARN, label="sources disagree"))
        fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(left / fw, 0.15 / fh), ncol=len(handles),
                   frameon=False, fontsize=7.5, handletextpad=0.3, columnspacing=1.2)
        title = "Founding years of the mechanisms, as each source gives them"
        fig.text(0.02, 1 - 0.3 / fh, title, fontsize=9.5, fontweight="bold", ha="left")
        n_dis = sum(1 for m in data.mechanisms if data.disagree(m.iri))
        fig.text(0.02, 1 - 0.52 / fh, f"{rows} mechanisms, earliest founding first; on {n_dis} of them the sources "
                 "give different years (shaded, years at the right).", fontsize=7.5, color=MUTED, ha="left")
    return _svg(fig, salt, title, "Timeline with one row per mechanism and one mark per source that gives a "
                "founding year.", values)


def draw_participation(data: Participation, salt: str) -> bytes:
    import matplotlib as mpl
    from matplotlib.colors import BoundaryNorm
    from matplotlib.patches import Rectangle
    s = site()
    ncols = 15
    nrows = max((len(data.states) + ncols - 1) // ncols, 1)
    tile_w, tile_h = 0.64, 0.46
    top_hist, gap = 2.0, 0.75
    left, bottom, title_h = 0.3, 0.2, 0.7
    grid_w, grid_h = ncols * tile_w, nrows * tile_h
    most = max((n for *_, n in data.states), default=0)
    with mpl.rc_context(RC):
        fig = _figure(left * 2 + grid_w, title_h + top_hist + gap + grid_h + bottom)
        fw, fh = fig.get_figwidth(), fig.get_figheight()
        cmap = mpl.colormaps["YlGnBu"]
        bounds = list(range(1, most + 2)) if most else [1, 2]
        norm = BoundaryNorm(bounds, 256)

        def colour(n: int):
            return "#eef0f3" if n == 0 else cmap(0.15 + 0.85 * norm(n) / 255)

        values = {}
        # histogram: how many States take part in k mechanisms
        hx = fig.add_axes((0.75 / fw, (bottom + grid_h + gap) / fh, (grid_w - 0.6) / fw, (top_hist - 0.35) / fh))
        for k, count in data.histogram.items():
            gid = f"histogram--{k}"
            hx.add_patch(Rectangle((k - 0.4, 0), 0.8, count, facecolor=colour(k), edgecolor="#9aa5b4",
                                   linewidth=0.4, gid=gid))
            hx.text(k, count, str(count), ha="center", va="bottom", fontsize=6.5, color=MUTED)
            values[gid] = (count, f"{count} States are members of {k} mechanism{'s' if k != 1 else ''}")
        hx.set_xlim(-0.7, most + 0.7)
        hx.set_ylim(0, max(data.histogram.values(), default=1) * 1.18)
        hx.set_xticks(range(0, most + 1))
        hx.tick_params(labelsize=7, colors=MUTED)
        hx.set_xlabel("number of mechanisms a State is a member of", fontsize=7.5, color=MUTED, labelpad=2)
        hx.set_ylabel("States", fontsize=7.5, color=MUTED)
        for side in ("top", "right"):
            hx.spines[side].set_visible(False)
        # the grid of tiles, States by name
        gx = fig.add_axes((left / fw, bottom / fh, grid_w / fw, grid_h / fh))
        for idx, (iri, code, name, n) in enumerate(data.states):
            r, c = divmod(idx, ncols)
            gid = f"participation--{code}"
            tile = Rectangle((c + 0.04, r + 0.06), 0.92, 0.88, facecolor=colour(n), edgecolor="none", gid=gid)
            tile.set_url(s.href(iri))
            gx.add_patch(tile)
            dark = n and norm(n) / 255 > 0.5
            ink = "white" if dark else INK
            gx.text(c + 0.5, r + 0.36, code, ha="center", va="center", fontsize=6, color=ink)
            gx.text(c + 0.5, r + 0.7, str(n), ha="center", va="center", fontsize=8, color=ink, fontweight="bold")
            values[gid] = (n, f"{name}: member of {n} mechanism{'s' if n != 1 else ''}")
        gx.set_xlim(0, ncols)
        gx.set_ylim(nrows, 0)
        gx.axis("off")
        title = f"How many mechanisms each State is a member of, as listed by {source_short(data.source)}"
        fig.text(0.02, 1 - 0.3 / fh, title, fontsize=9.5, fontweight="bold", ha="left")
        fig.text(0.02, 1 - 0.52 / fh, f"{len(data.states)} States and territories by name (ISO 3166 code and "
                 "number of mechanisms); above, how many States belong to how many mechanisms.",
                 fontsize=7.5, color=MUTED, ha="left")
    return _svg(fig, salt, title, "Histogram of States by number of mechanisms, and a grid with one tile per "
                "State coloured by that number.", values)


# -- the cache and the routes -------------------------------------------------------------------


PICTURES = {
    "overlap": (lambda src: overlap_data(src), draw_overlap, True),
    "thematic-matrix": (lambda src: theme_data(), draw_themes, False),
    "founding-years": (lambda src: founding_data(), draw_founding, False),
    "participation": (lambda src: participation_data(src), draw_participation, True),
}


def _cache() -> dict:
    return current_app.extensions.setdefault("iscm_pictures", {})


def picture_data(name: str, source: str | None):
    """The numbers behind a picture, cached per dataset version."""
    version = _engine().version
    key = ("data", version, name, source)
    cache = _cache()
    if key not in cache:
        cache[key] = PICTURES[name][0](source)
    return cache[key]


def picture_svg(name: str, source: str | None) -> bytes:
    version = _engine().version
    key = ("svg", version, name, source)
    cache = _cache()
    if key not in cache:
        data = picture_data(name, source)
        with _render_lock:
            cache[key] = PICTURES[name][1](data, f"{name}-{source}-{version}")
        # drop what earlier dataset versions left behind
        for old in [k for k in cache if k[1] != version]:
            cache.pop(old, None)
    return cache[key]


def _bad_source(value: str) -> Response:
    choices = ", ".join([ALL] + [local_name(g.iri) for g in membership_sources()])
    return Response(f"Unknown source {value!r}; choose one of: {choices}.\n", status=400, mimetype="text/plain")


def _svg_response(name: str) -> Response:
    source = None
    if PICTURES[name][2]:
        source = source_choice(request.args.get("source"))
        if source is None:
            return _bad_source(request.args.get("source", ""))
    body = picture_svg(name, source)
    resp = Response(body, mimetype="image/svg+xml")
    tag = f"{_engine().version}|{name}|{source}"
    resp.set_etag(hashlib.sha256(tag.encode()).hexdigest()[:32])
    resp.cache_control.public = True
    resp.cache_control.max_age = int(current_app.config.get("CACHE_MAX_AGE", 3600))
    return resp.make_conditional(request)


@bp.get("/overlap.svg")
def overlap_svg() -> Response:
    return _svg_response("overlap")


@bp.get("/thematic-matrix.svg")
def thematic_svg() -> Response:
    return _svg_response("thematic-matrix")


@bp.get("/founding-years.svg")
def founding_svg() -> Response:
    return _svg_response("founding-years")


@bp.get("/participation.svg")
def participation_svg() -> Response:
    return _svg_response("participation")


def query_link(text: str) -> str:
    return url_for("linked_data.query_page") + "?" + urlencode({"query": with_prefixes(text)})


@bp.get("/")
def index() -> Response:
    source = source_choice(request.args.get("source"))
    if source is None:
        return _bad_source(request.args.get("source", ""))
    s = site()
    overlap = picture_data("overlap", source)
    themes = picture_data("thematic-matrix", None)
    founding = picture_data("founding-years", None)
    participation = picture_data("participation", source)
    choices = [(ALL, "all sources (union)")] + [(local_name(g.iri), graph_label(g))
                                                 for g in membership_sources()]
    body = render_template(
        "pictures.html", site=s, source=source, source_title=source_title(source), choices=choices,
        overlap=overlap, themes=themes, founding=founding, participation=participation,
        ranked=sorted(participation.states, key=lambda t: (-t[3], t[2].lower())),
        svg={name: url_for(f"pictures.{ep}", **({"source": source} if PICTURES[name][2] else {}))
             for name, ep in (("overlap", "overlap_svg"), ("thematic-matrix", "thematic_svg"),
                              ("founding-years", "founding_svg"), ("participation", "participation_svg"))},
        queries={"overlap": query_link(overlap.query), "participation": query_link(participation.query),
                 "founding-years": query_link(founding.query)},
        examples={"thematic-matrix": url_for("linked_data.query_page", example=THEME_QUERY_NAME),
                  "founding-years": url_for("linked_data.query_page", example=FOUNDING_QUERY_NAME),
                  "most-engaged-states": url_for("linked_data.query_page", example="most-engaged-states")},
        slug=local_name)
    return Response(body, mimetype="text/html")


__all__ = ["bp"]
