// npx tsx scripts/demo-thumbnails.ts — draws the demo courses' thumbnails (src/lib/demo/assets/thumbnails/<id>.png):
// abstract geometric pictures, one composition per course, from a fixed seed, so running it again gives the same files.
// They are drawn as SVG here and rasterised by sharp (the image library Next.js itself installs); no font, photo or
// third-party artwork is involved (see src/lib/demo/assets/LICENSE.md: CC0).
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { demoCourses } from "../src/lib/demo/courses";

/** The drawing's own coordinates; the pictures are rendered at OUT_W x OUT_H (16:9, above Open Graph's 600 x 315 minimum). */
const W = 1280;
const H = 720;
const OUT_W = 960;
const OUT_H = 540;
const MAX_BYTES = 100 * 1024;
const outDir = path.join(process.cwd(), "src", "lib", "demo", "assets", "thumbnails");

/** mulberry32: a small seeded generator, so that the pictures are reproducible. */
function random(seedText: string) {
  let seed = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Palette = { from: string; to: string; colours: string[] };

const palettes: Record<string, Palette> = {
  "intro-to-python": { from: "#10264f", to: "#1f4f8f", colours: ["#ffd43b", "#4b8bbe", "#f6f1e1", "#ff8c42", "#9ad1ff"] },
  "sql-for-analysts": { from: "#0f3b3a", to: "#166a63", colours: ["#f4d35e", "#ee964b", "#faf0ca", "#5fc4b8", "#f95738"] },
  "web-accessibility-fundamentals": { from: "#2d1a4a", to: "#5b3a8c", colours: ["#ffb4a2", "#ffe5d9", "#b5e48c", "#f6bd60", "#84a59d"] },
  "product-management-essentials": { from: "#3d1d2b", to: "#7a2e46", colours: ["#ffcb77", "#fef9ef", "#17c3b2", "#fe6d73", "#227c9d"] },
  "statistics-with-spreadsheets": { from: "#13315c", to: "#134074", colours: ["#eef4ed", "#8da9c4", "#f2a65a", "#e4572e", "#ffc914"] },
  "typescript-in-practice": { from: "#0b2545", to: "#3178c6", colours: ["#ffffff", "#9ec5fe", "#ffd166", "#06d6a0", "#ef476f"] },
  "machine-learning-foundations": { from: "#1b1b3a", to: "#3a2e6e", colours: ["#f9c80e", "#f86624", "#ea3546", "#43bccd", "#e9e3f4"] },
};

type Draw = (rand: () => number, p: Palette) => string;
const pick = <T>(rand: () => number, list: T[]) => list[Math.floor(rand() * list.length)]!;

/** Overlapping circles and half-discs, Bauhaus style. */
const circles: Draw = (rand, p) => {
  const shapes: string[] = [];
  for (let i = 0; i < 9; i++) {
    const r = 60 + rand() * 220;
    shapes.push(
      `<circle cx="${(rand() * W).toFixed(0)}" cy="${(rand() * H).toFixed(0)}" r="${r.toFixed(0)}" fill="${pick(rand, p.colours)}" opacity="${(0.8 + rand() * 0.2).toFixed(2)}"/>`,
    );
  }
  shapes.push(`<path d="M 880 720 A 240 240 0 0 1 1360 720 Z" fill="${p.colours[0]}"/>`);
  shapes.push(`<circle cx="260" cy="220" r="90" fill="none" stroke="${p.colours[2]}" stroke-width="18"/>`);
  return shapes.join("");
};

/** Rows of rounded cells, like a table seen from afar. */
const grid: Draw = (rand, p) => {
  const shapes: string[] = [];
  const cols = 8;
  const rows = 5;
  const cw = W / cols;
  const rh = H / rows;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (rand() < 0.25) continue;
      const wide = rand() < 0.2 && x < cols - 1 ? 2 : 1;
      shapes.push(
        `<rect x="${(x * cw + 14).toFixed(0)}" y="${(y * rh + 14).toFixed(0)}" width="${(cw * wide - 28).toFixed(0)}" height="${(rh - 28).toFixed(0)}" rx="18" fill="${pick(rand, p.colours)}"/>`,
      );
      if (wide === 2) x++;
    }
  }
  return shapes.join("");
};

/** Concentric quarter circles from the corners, in steps. */
const arcs: Draw = (rand, p) => {
  const shapes: string[] = [];
  const corners: [number, number][] = [
    [0, H],
    [W, 0],
  ];
  for (const [cx, cy] of corners) {
    for (let i = 7; i >= 1; i--) {
      shapes.push(`<circle cx="${cx}" cy="${cy}" r="${i * 70}" fill="${p.colours[i % p.colours.length]}" opacity="0.92"/>`);
    }
  }
  shapes.push(`<circle cx="${W / 2}" cy="${H / 2}" r="70" fill="${p.colours[1]}"/>`);
  shapes.push(
    `<circle cx="${W / 2}" cy="${H / 2}" r="130" fill="none" stroke="${p.colours[1]}" stroke-width="10" opacity="${(0.6 + rand() * 0.3).toFixed(2)}"/>`,
  );
  return shapes.join("");
};

/** Diagonal bands and a path of triangles climbing to the right: a roadmap. */
const bands: Draw = (rand, p) => {
  const shapes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const x = -400 + i * 300 + rand() * 60;
    shapes.push(
      `<polygon points="${x},${H} ${x + 220},${H} ${x + 720},0 ${x + 500},0" fill="${p.colours[i % p.colours.length]}" opacity="0.45"/>`,
    );
  }
  for (let i = 0; i < 6; i++) {
    const x = 140 + i * 180;
    const y = 560 - i * 80;
    shapes.push(`<polygon points="${x},${y} ${x + 120},${y} ${x + 60},${y - 104}" fill="${p.colours[(i + 1) % p.colours.length]}"/>`);
  }
  shapes.push(`<circle cx="1120" cy="560" r="60" fill="${p.colours[1]}"/>`);
  return shapes.join("");
};

/** A histogram with a bell curve over it. */
const histogram: Draw = (rand, p) => {
  const shapes: string[] = [];
  const bars = 14;
  const bw = (W - 200) / bars;
  const curve: string[] = [];
  for (let i = 0; i < bars; i++) {
    const z = (i - (bars - 1) / 2) / 3;
    const h = 40 + 480 * Math.exp(-z * z) * (0.85 + rand() * 0.3);
    const x = 100 + i * bw;
    shapes.push(
      `<rect x="${(x + 6).toFixed(0)}" y="${(640 - h).toFixed(0)}" width="${(bw - 12).toFixed(0)}" height="${h.toFixed(0)}" rx="8" fill="${i % 4 === 0 ? p.colours[2] : p.colours[1]}"/>`,
    );
  }
  for (let x = 60; x <= W - 60; x += 20) {
    const z = (x - W / 2) / 260;
    curve.push(`${x},${(640 - 500 * Math.exp(-z * z)).toFixed(1)}`);
  }
  shapes.push(`<polyline points="${curve.join(" ")}" fill="none" stroke="${p.colours[4]}" stroke-width="10" stroke-linecap="round"/>`);
  shapes.push(`<rect x="60" y="640" width="${W - 120}" height="8" rx="4" fill="${p.colours[0]}"/>`);
  return shapes.join("");
};

/** Nested, turned squares: types inside types. */
const blocks: Draw = (rand, p) => {
  const shapes: string[] = [];
  for (let i = 0; i < 7; i++) {
    const size = 560 - i * 72;
    const angle = i * 9 + rand() * 4;
    shapes.push(
      `<rect x="${-size / 2}" y="${-size / 2}" width="${size}" height="${size}" rx="28" fill="${p.colours[i % p.colours.length]}" opacity="0.9" transform="translate(860 360) rotate(${angle.toFixed(1)})"/>`,
    );
  }
  for (let i = 0; i < 4; i++) {
    shapes.push(
      `<rect x="${90 + i * 34}" y="${120 + i * 130}" width="${260 - i * 34}" height="70" rx="35" fill="${p.colours[(i + 2) % p.colours.length]}"/>`,
    );
  }
  return shapes.join("");
};

/** Scattered points in two clusters and the line between them. */
const scatter: Draw = (rand, p) => {
  const shapes: string[] = [`<line x1="80" y1="660" x2="1200" y2="60" stroke="${p.colours[4]}" stroke-width="8" stroke-linecap="round"/>`];
  for (let i = 0; i < 70; i++) {
    const t = rand();
    const off = (rand() - 0.5) * 300;
    const above = off > 0;
    shapes.push(
      `<circle cx="${(80 + t * 1120 + off * 0.5).toFixed(0)}" cy="${(660 - t * 600 - off).toFixed(0)}" r="${(10 + rand() * 16).toFixed(0)}" fill="${above ? p.colours[0] : p.colours[3]}" opacity="0.9"/>`,
    );
  }
  return shapes.join("");
};

const compositions: Record<string, Draw> = {
  "intro-to-python": circles,
  "sql-for-analysts": grid,
  "web-accessibility-fundamentals": arcs,
  "product-management-essentials": bands,
  "statistics-with-spreadsheets": histogram,
  "typescript-in-practice": blocks,
  "machine-learning-foundations": scatter,
};

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  for (const course of demoCourses) {
    const palette = palettes[course.slug];
    const draw = compositions[course.slug];
    if (!palette || !draw) throw new Error(`no picture is defined for the demo course ${course.slug}`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${OUT_W}" height="${OUT_H}" viewBox="0 0 ${W} ${H}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/></linearGradient></defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>${draw(random(course.slug), palette)}</svg>`;
    const png = await sharp(Buffer.from(svg)).png({ palette: true, colours: 96, dither: 0.6, compressionLevel: 9, effort: 10 }).toBuffer();
    if (png.length > MAX_BYTES) throw new Error(`${course.slug}.png is ${png.length} bytes, over ${MAX_BYTES}`);
    fs.writeFileSync(path.join(outDir, `${course.slug}.png`), png);
    console.log(`${course.slug}.png  ${OUT_W}x${OUT_H}  ${(png.length / 1024).toFixed(1)} KiB`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
