"""World maps as inline SVG: plain data in, markup out (no Flask, no SPARQL, no JavaScript).

The country outlines are Natural Earth's (public domain) from the npm package ``world-atlas``,
projected once into SVG paths by ``tools/worldmap/build_world_paths.mjs`` and committed as
``world_paths.json``; the service itself never runs node. Territories too small for the 1:110m
outlines are drawn as dots at their 1:50m centroid; a State with neither is listed beside the
map, so no participant is silently left out.

A map has one or more *layers* (one per source document, say): each layer gives a category
(a role, or a bin of a count) to some States. Radio buttons and CSS switch between layers, so
the default view and the switch both work without scripts; every State carries its categories
in ``data-l<N>`` attributes and a ``<title>`` naming all of them, which tests compare with SPARQL.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

import pycountry

PATHS_FILE = Path(__file__).with_name("world_paths.json")
# Natural Earth features without an ISO 3166 numeric code, keyed by name in world_paths.json
UNCODED = {"name:Kosovo": "XKX", "name:N. Cyprus": "CYP", "name:Somaliland": "SOM"}
BLANK, EDGE = "#e6e9ee", "#ffffff"


@dataclass(frozen=True)
class Place:
    """A country or territory of the world map: a path, or a dot for a small one."""
    iso3: str
    name: str
    d: str = ""  # an SVG path, or empty for a dot
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True)
class World:
    """The world map's places and size, with where the shapes come from."""
    width: int
    height: int
    source: str
    places: tuple[Place, ...]

    def codes(self) -> set[str]:
        """The ISO alpha-3 codes on the map."""
        return {p.iso3 for p in self.places}


@dataclass(frozen=True)
class Category:
    """A class of places on a map: its key, legend text and colour."""
    key: str
    label: str
    colour: str


@dataclass
class Layer:
    """One view of a map: the category of each place."""
    key: str
    label: str
    values: dict[str, str]  # ISO alpha-3 -> category key
    note: str = ""  # a sentence shown under the map while this layer is on


@dataclass
class MapSpec:
    """What to draw: ``names``/``hrefs`` are for every State that may appear (by ISO alpha-3)."""
    ident: str
    title: str
    categories: list[Category]
    layers: list[Layer]
    names: dict[str, str] = field(default_factory=dict)
    hrefs: dict[str, str] = field(default_factory=dict)
    details: dict[str, dict[str, str]] = field(default_factory=dict)  # iso3 -> layer key -> words for the title


@lru_cache(maxsize=1)
def world() -> World:
    """The world map's shapes and dots, read once."""
    raw = json.loads(PATHS_FILE.read_text(encoding="utf-8"))
    places = []
    for item in raw["shapes"] + raw["dots"]:
        iso3 = _alpha3(item["id"])
        if iso3:
            places.append(Place(iso3, item["name"], item.get("d", ""), item.get("x", 0.0), item.get("y", 0.0)))
    return World(raw["width"], raw["height"], raw["source"], tuple(places))


def _alpha3(atlas_id: str) -> str | None:
    if atlas_id in UNCODED:
        return UNCODED[atlas_id]
    if atlas_id.startswith("name:"):
        return None
    found = pycountry.countries.get(numeric=atlas_id)
    return found.alpha_3 if found else None


def render(spec: MapSpec) -> str:
    """The whole block: layer switch, SVG, legend, per-layer notes and the States not drawn."""
    w = world()
    ident = re.sub(r"[^A-Za-z0-9_-]", "-", spec.ident)
    radios, labels, notes = _switch(ident, spec)
    parts = [f'<div class="worldmap" id="{ident}">', _style(ident, spec), *radios]
    if len(spec.layers) > 1:
        parts.append(f'<div class="map-switch" role="group" aria-label="choose the source">{"".join(labels)}</div>')
    parts.append(_svg(ident, spec, w))
    parts.append(_legend(spec))
    parts.append(f'<div class="map-notes">{"".join(notes)}</div>')
    parts.append(_unplaced(spec, w))
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def _switch(ident: str, spec: MapSpec) -> tuple[list[str], list[str], list[str]]:
    radios, labels, notes = [], [], []
    for i, layer in enumerate(spec.layers):
        checked = " checked" if i == 0 else ""
        if len(spec.layers) > 1:
            radios.append(f'<input type="radio" class="map-layer" name="{ident}-layer" id="{ident}-l{i}" '
                          f'value="{escape(layer.key)}"{checked}>')
            labels.append(f'<label for="{ident}-l{i}">{escape(layer.label)}</label>')
        if layer.note:
            notes.append(f'<p class="map-note n{i}">{escape(layer.note)}</p>')
    return radios, labels, notes


def _style(ident: str, spec: MapSpec) -> str:
    """CSS that colours each State by the checked layer (the first when there is no switch)."""
    rules = []
    for i in range(len(spec.layers)):
        on = f"#{ident}-l{i}:checked ~ " if len(spec.layers) > 1 else f"#{ident} "
        for c in spec.categories:
            rules.append(f'{on}svg [data-l{i}="{c.key}"] {{ fill: {c.colour}; }}')
        if len(spec.layers) > 1:
            rules.append(f"{on}.map-notes .n{i} {{ display: block; }}")
            rules.append(f'{on}.map-switch label[for="{ident}-l{i}"] {{ background: #13294b; color: #fff; }}')
        else:
            rules.append(f"#{ident} .map-notes .n{i} {{ display: block; }}")
    return "<style>" + "\n".join(rules) + "</style>"


def _svg(ident: str, spec: MapSpec, w: World) -> str:
    out = [f'<svg class="map" viewBox="0 0 {w.width} {w.height}" role="img" aria-labelledby="{ident}-title" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="{ident}-title">{escape(spec.title)}</title>',
           f'<g class="shapes" fill="{BLANK}" stroke="{EDGE}" stroke-width="0.5">']
    dots = []
    for p in w.places:
        item = _place(spec, p)
        (dots if not p.d else out).append(item)
    out.append('</g><g class="dots" fill="#c9cfd8" stroke="#ffffff" stroke-width="0.6">')
    out.extend(dots)
    out.append("</g></svg>")
    return "".join(out)


def _place(spec: MapSpec, p: Place) -> str:
    attrs = [f'data-iso="{p.iso3}"']
    words = [spec.names.get(p.iso3, p.name)]
    for i, layer in enumerate(spec.layers):
        cat = layer.values.get(p.iso3)
        if cat:
            attrs.append(f'data-l{i}="{escape(cat)}"')
        said = spec.details.get(p.iso3, {}).get(layer.key)
        if said:
            words.append(f"{layer.label}: {said}" if len(spec.layers) > 1 else said)
    title = f"<title>{escape(' — '.join(words[:1]) + (': ' + '; '.join(words[1:]) if words[1:] else ''))}</title>"
    shape = (f'<path {" ".join(attrs)} d="{p.d}">{title}</path>' if p.d
             else f'<circle {" ".join(attrs)} cx="{p.x}" cy="{p.y}" r="3">{title}</circle>')
    href = spec.hrefs.get(p.iso3)
    return f'<a href="{escape(href)}">{shape}</a>' if href else shape


def _legend(spec: MapSpec) -> str:
    items = "".join(f'<li><span class="swatch" style="background:{c.colour}"></span>{escape(c.label)}</li>'
                    for c in spec.categories)
    return f'<ul class="map-legend">{items}<li><span class="swatch" style="background:{BLANK}"></span>not listed</li></ul>'


def _unplaced(spec: MapSpec, w: World) -> str:
    """States a layer names that the map cannot show (no outline and no dot)."""
    drawn = w.codes()
    missing = sorted({code for layer in spec.layers for code in layer.values if code not in drawn},
                     key=lambda c: spec.names.get(c, c))
    if not missing:
        return ""
    items = []
    for code in missing:
        name = escape(spec.names.get(code, code))
        link = f'<a href="{escape(spec.hrefs[code])}">{name}</a>' if code in spec.hrefs else name
        roles = "; ".join(f"{layer.label}: {_label(spec, layer.values[code])}" for layer in spec.layers
                          if code in layer.values)
        items.append(f'<li data-iso="{code}">{link} ({escape(roles)})</li>')
    return f'<div class="unplaced"><p>Not on the map (too small at this scale):</p><ul>{"".join(items)}</ul></div>'


def _label(spec: MapSpec, key: str) -> str:
    return next((c.label for c in spec.categories if c.key == key), key)


__all__ = ["Category", "Layer", "MapSpec", "render", "world"]
