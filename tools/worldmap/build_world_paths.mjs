// Projects the Natural Earth countries of the npm package world-atlas (public domain data,
// ISC-licensed packaging) into SVG path strings once, so the web service draws maps without
// node, tiles or a CDN. Writes src/iscm_kg/web/pictures/world_paths.json (committed).
//
//   cd tools/worldmap && npm ci && node build_world_paths.mjs
//
// Countries come from countries-110m.json (small and enough to read at page width); the
// territories that 110m leaves out (small island States, microstates) are taken from
// countries-50m.json as one point each (their projected centroid), drawn as dots.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";
import { geoEqualEarth, geoPath, geoCentroid } from "d3-geo";

const here = dirname(fileURLToPath(import.meta.url));
const atlasDir = join(here, "node_modules", "world-atlas");
const out = join(here, "..", "..", "src", "iscm_kg", "web", "pictures", "world_paths.json");
const atlasVersion = JSON.parse(readFileSync(join(atlasDir, "package.json"), "utf8")).version;

const WIDTH = 960, HEIGHT = 470;
const load = (name) => {
  const topo = JSON.parse(readFileSync(join(atlasDir, name), "utf8"));
  return feature(topo, topo.objects.countries).features;
};
const small = load("countries-110m.json").filter((f) => f.properties.name !== "Antarctica");
const large = load("countries-50m.json");
const projection = geoEqualEarth().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]],
  { type: "FeatureCollection", features: small });
const path = geoPath(projection).digits(1);
// features without an ISO numeric code in Natural Earth: keyed by name
const key = (f) => f.id ?? `name:${f.properties.name}`;

const shapes = small.map((f) => ({ id: key(f), name: f.properties.name, d: path(f) }))
  .filter((s) => s.d);
const drawn = new Set(shapes.map((s) => s.id));
const dots = large.filter((f) => !drawn.has(key(f)))
  .map((f) => {
    const [x, y] = projection(geoCentroid(f)) || [];
    return { id: key(f), name: f.properties.name, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  })
  .filter((d) => Number.isFinite(d.x) && Number.isFinite(d.y));

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({
  source: `world-atlas ${atlasVersion} (npm): Natural Earth 1:110m countries (shapes) and 1:50m (dots for the rest); public domain`,
  projection: "Equal Earth", width: WIDTH, height: HEIGHT, shapes, dots,
}));
console.log(`wrote ${shapes.length} shapes and ${dots.length} dots to ${out}`);
