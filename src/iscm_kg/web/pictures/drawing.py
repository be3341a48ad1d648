"""Drawing the pictures with matplotlib: plain data in, SVG bytes out (no Flask, no SPARQL).

Text is kept as text (``svg.fonttype = none``); every element that stands for a number is a
``<g>`` whose ``id`` names what it counts, with ``data-value`` holding the number and a
``<title>`` saying it in words, so a test (or a reader) can check the picture against SPARQL.
"""

from __future__ import annotations

import io
import re
from html import escape

from ..terms import local_name
from .data import FoundingYears, Overlap, Participation, ThemeMatrix, graph_label

# the colours of the source chips in iscm.css (--g0 … --g7), so pictures and pages agree
CHIP_COLOURS = ["#2166ac", "#1b7837", "#b35806", "#762a83", "#b2182b", "#35978f", "#8c510a", "#4d4d4d"]
MARKERS = ["o", "s", "D", "^", "P", "X", "v", "*"]  # by position among the sources drawn
INK, MUTED, LINE, ACCENT, WARN, WARN_SOFT = "#1d2430", "#5b6573", "#dfe3ea", "#0b5cad", "#8a4b00", "#fff5e6"
FONT = ["DejaVu Sans", "Arial", "sans-serif"]

def _figure(width: float, height: float):
    import matplotlib
    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    return Figure(figsize=(width, height), facecolor="white")


def _grid_figure(cols: int, rows: int, cell: float, margins: tuple[float, float, float, float]):
    """A figure holding a grid of ``cols`` × ``rows`` square cells of ``cell`` inches, inside
    margins (left, top, right, bottom, in inches): the figure and the grid's axes."""
    left, top, right, bottom = margins
    cols, rows = max(cols, 1), max(rows, 1)
    fig = _figure(left + right + cols * cell, top + bottom + rows * cell)
    ax = fig.add_axes((left / fig.get_figwidth(), bottom / fig.get_figheight(),
                       cols * cell / fig.get_figwidth(), rows * cell / fig.get_figheight()))
    return fig, ax


RC = {"svg.fonttype": "none", "font.family": "sans-serif", "font.sans-serif": FONT, "font.size": 8,
      "text.color": INK, "axes.edgecolor": LINE, "xtick.color": INK, "ytick.color": INK}


def _svg(fig, salt: str, title: str, desc: str, values: dict[str, tuple[object, str]]) -> bytes:
    """Write ``fig`` as SVG: deterministic ids, a title and description, and for every id in
    ``values`` (id -> (number, words)) a ``data-value`` attribute and a ``<title>``."""
    import matplotlib as mpl
    buf = io.StringIO()
    with mpl.rc_context({**RC, "svg.hashsalt": salt}):
        # "tight": the figure grows to hold every label (rotated theme names would be cut off)
        fig.savefig(buf, format="svg", metadata={"Date": None, "Title": title, "Description": desc},
                    bbox_inches="tight", pad_inches=0.15)
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
    """The overlap matrix as SVG: one cell per pair, shaded by the number shared."""
    import matplotlib as mpl
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle
    n = len(data.mechanisms)
    with mpl.rc_context(RC):
        fig, ax = _grid_figure(n, n, 0.3, (2.1, 2.5, 0.3, 0.3))
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
        title = f"Member States shared between mechanisms, as listed by {data.source_label}"
        fh = fig.get_figheight()
        fig.text(0.02, 1 - 0.3 / fh, title, fontsize=9.5, fontweight="bold", ha="left")
        fig.text(0.02, 1 - 0.52 / fh, "Each cell: the number of States listed as members of both mechanisms. "
                 "Grey diagonal: the mechanism's own number of member States.", fontsize=7.5, color=MUTED, ha="left")
    return _svg(fig, salt, title, "Matrix of mechanisms by mechanisms; each cell gives the number of member "
                "States the two have in common.", values)


def draw_themes(data: ThemeMatrix, salt: str) -> bytes:
    """The mechanism × theme matrix as SVG, with totals per row and column."""
    import matplotlib as mpl
    from matplotlib.patches import Rectangle
    rows, cols = len(data.mechanisms), len(data.themes)
    with mpl.rc_context(RC):
        fig, ax = _grid_figure(cols, rows, 0.26, (2.1, 3.3, 0.4, 0.4))
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
    """The founding-years timeline as SVG: one marker per source and mechanism, disagreements marked."""
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
    """The participation picture as SVG: a histogram and a grid of State tiles."""
    import matplotlib as mpl
    from matplotlib.colors import BoundaryNorm
    from matplotlib.patches import Rectangle
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
            tile.set_url(data.hrefs.get(iri))
            gx.add_patch(tile)
            dark = n and norm(n) / 255 > 0.5
            ink = "white" if dark else INK
            gx.text(c + 0.5, r + 0.36, code, ha="center", va="center", fontsize=6, color=ink)
            gx.text(c + 0.5, r + 0.7, str(n), ha="center", va="center", fontsize=8, color=ink, fontweight="bold")
            values[gid] = (n, f"{name}: member of {n} mechanism{'s' if n != 1 else ''}")
        gx.set_xlim(0, ncols)
        gx.set_ylim(nrows, 0)
        gx.axis("off")
        title = f"How many mechanisms each State is a member of, as listed by {data.source_label}"
        fig.text(0.02, 1 - 0.3 / fh, title, fontsize=9.5, fontweight="bold", ha="left")
        fig.text(0.02, 1 - 0.52 / fh, f"{len(data.states)} States and territories by name (ISO 3166 code and "
                 "number of mechanisms); above, how many States belong to how many mechanisms.",
                 fontsize=7.5, color=MUTED, ha="left")
    return _svg(fig, salt, title, "Histogram of States by number of mechanisms, and a grid with one tile per "
                "State coloured by that number.", values)




def inline(svg: bytes, prefix: str) -> str:
    """A drawn SVG made fit to sit inside an HTML page: no XML prologue or metadata, sized by
    its viewBox, its style scoped to itself, and its own ids (clip paths, matplotlib's figure
    parts) prefixed so that several pictures on one page never share an id. The ids that name
    what a mark counts (``overlap--…``) are kept, so tests and links find them as in the file."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r'(<svg[^>]*?) width="[^"]*" height="[^"]*"', rf'\1 class="mpl-picture" id="{prefix}"', text, count=1)
    text = text.replace("*{stroke-linejoin", f"#{prefix} *{{stroke-linejoin")

    def own(ident: str) -> bool:
        return "--" not in ident

    text = re.sub(r'id="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"' if own(m.group(1)) and m.group(1) != prefix
                  else m.group(0), text)
    text = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})" if own(m.group(1)) else m.group(0), text)
    text = re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{prefix}-{m.group(1)}"' if own(m.group(1))
                  else m.group(0), text)
    return text
