"""Pictures of the graph, drawn server-side as SVG from SPARQL over the merged dataset.

The package has one concern per module: :mod:`.data` (SPARQL → dataclasses), :mod:`.drawing`
(matplotlib pictures: data → SVG bytes), :mod:`.maps` and :mod:`.charts` (inline SVG for pages:
data → markup, no Flask), :mod:`.routes` (the blueprint and its cache).

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

from .routes import bp

__all__ = ["bp"]
