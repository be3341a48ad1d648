"""Small inline SVG charts for entity pages: plain data in, markup out (no Flask, no SPARQL).

:func:`membership_over_time` draws, for one mechanism, one stacked bar per source document in
order of publication (2009, 2013, 2017, 2017, 2019): the participants it lists by role, and a
tick at the number of members it states. A source that states a number but names nobody gets
an outlined "count only" bar, so a short list is never mistaken for a small membership.
Every bar is a ``<g>`` with ``data-source``/``data-role``/``data-value`` and a ``<title>``.
"""

from __future__ import annotations

from html import escape

from .maps import Category

W, H = 640, 290
TOP, BOTTOM, LEFT, RIGHT = 28, 58, 44, 12
INK, MUTED, LINE = "#1d2430", "#5b6573", "#dfe3ea"


def _nice_max(value: int) -> int:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500):
        if value <= step * 5:
            return max(step, -(-value // step) * step)
    return value


def membership_over_time(counts: list, categories: list[Category], title: str) -> str:
    """``counts``: :class:`~.mapdata.SourceCounts` oldest first."""
    if not counts:
        return ""
    top = max([c.total_listed for c in counts] + [c.stated_number or 0 for c in counts] + [1])
    ymax = _nice_max(top)
    plot_h, plot_w = H - TOP - BOTTOM, W - LEFT - RIGHT
    band = plot_w / len(counts)
    bar = min(64.0, band * 0.55)

    def y(v: float) -> float:
        return TOP + plot_h - plot_h * v / ymax

    out = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="chart-title" '
           f'xmlns="http://www.w3.org/2000/svg" font-size="12" fill="{INK}">',
           f'<title id="chart-title">{escape(title)}</title>']
    out += _axis(ymax, y)
    for i, c in enumerate(counts):
        cx = LEFT + band * (i + 0.5)
        out += _bar(c, categories, cx, bar, y)
        name, year = _label_lines(c.source)
        out.append(f'<text x="{cx:.1f}" y="{H - BOTTOM + 18}" text-anchor="middle">{escape(name)}</text>')
        out.append(f'<text x="{cx:.1f}" y="{H - BOTTOM + 34}" text-anchor="middle" fill="{MUTED}">{escape(year)}</text>')
    out.append("</svg>")
    return "".join(out)


def _axis(ymax: int, y) -> list[str]:
    out = []
    for k in range(0, 6):
        v = ymax * k // 5
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="{LINE}"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" fill="{MUTED}">{v}</text>')
    return out


def _label_lines(source) -> tuple[str, str]:
    short = source.short
    if source.year and short.endswith(source.year):
        short = short[: -len(source.year)].strip()
    return short or source.title[:18], source.year


def _bar(c, categories: list[Category], cx: float, width: float, y) -> list[str]:
    slug = c.source.slug
    x = cx - width / 2
    out, base = [], 0
    for cat in categories:
        n = c.listed.get(cat.key, 0)
        if not n:
            continue
        words = f"{c.source.title} ({c.source.year}): {n} listed as {cat.label.split(' (')[0]}"
        out.append(f'<g class="bar" data-source="{slug}" data-role="{cat.key}" data-value="{n}"><title>{escape(words)}</title>'
                   f'<rect x="{x:.1f}" y="{y(base + n):.1f}" width="{width:.1f}" height="{y(base) - y(base + n):.1f}" '
                   f'fill="{cat.colour}"/></g>')
        base += n
    if c.listed:
        out.append(f'<text x="{cx:.1f}" y="{y(base) - 5:.1f}" text-anchor="middle" font-weight="600">{base}</text>')
    stated = c.stated_number
    if stated is not None:
        words = f"{c.source.title} ({c.source.year}) states {stated} members"
        if c.count_only:
            out.append(f'<g class="bar count-only" data-source="{slug}" data-role="stated" data-value="{stated}">'
                       f'<title>{escape(words)}; it names none of them</title>'
                       f'<rect x="{x:.1f}" y="{y(stated):.1f}" width="{width:.1f}" height="{y(0) - y(stated):.1f}" '
                       f'fill="none" stroke="{MUTED}" stroke-dasharray="4 3"/>'
                       f'<text x="{cx:.1f}" y="{y(stated) - 5:.1f}" text-anchor="middle">{stated}</text>'
                       f'<text x="{cx:.1f}" y="{y(stated / 2):.1f}" text-anchor="middle" fill="{MUTED}">count only</text></g>')
        else:
            out.append(f'<g class="stated" data-source="{slug}" data-role="stated" data-value="{stated}">'
                       f'<title>{escape(words)}</title>'
                       f'<line x1="{x - 6:.1f}" x2="{x + width + 6:.1f}" y1="{y(stated):.1f}" y2="{y(stated):.1f}" '
                       f'stroke="{INK}" stroke-width="2" stroke-dasharray="5 3"/></g>')
    return out


def chart_legend(categories: list[Category], used: set[str]) -> str:
    """The legend of the membership chart: the roles that occur, and the stated line."""
    items = [f'<li><span class="swatch" style="background:{c.colour}"></span>{escape(c.label.split(" (")[0])}</li>'
             for c in categories if c.key in used]
    items.append('<li><span class="swatch stated-line"></span>members stated by the source</li>')
    return f'<ul class="map-legend">{"".join(items)}</ul>'


__all__ = ["chart_legend", "membership_over_time"]
