import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
// fontkit's Devanagari shaper is compiled to generator code that expects a global regeneratorRuntime; without it every
// Hindi name fails with "regeneratorRuntime is not defined" (pdf-lib issue: fontkit 1.x Indic shaping).
import "regenerator-runtime/runtime";

export type FontWeight = "regular" | "bold";

/**
 * One family the certificate can draw with, in the order they are tried for a text. A subset font's PDF name starts
 * with a six-letter tag; a fixed one per file (rather than a random one) keeps the output reproducible.
 */
export type FontFamily = { files: Record<FontWeight, string>; subsetTags: Record<FontWeight, string> };

// Noto Sans covers Latin (with its accents), Greek and Cyrillic; Noto Sans Devanagari covers Devanagari and also basic
// Latin, digits and punctuation, so a Hindi name with an English word in it is drawn in one font. Files are read from
// node_modules through process.cwd() because `next start` runs in the project folder; a bundler-resolved path would
// be rewritten by Turbopack into a module id, not a file.
export const FONT_FAMILIES: readonly FontFamily[] = [
  {
    files: {
      regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
      bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
    },
    subsetTags: { regular: "BHNSAR", bold: "BHNSAB" },
  },
  {
    files: {
      regular: "@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf",
      bold: "@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf",
    },
    subsetTags: { regular: "BHNDVR", bold: "BHNDVB" },
  },
];

/** The font file, and fontkit's reading of it for coverage checks, shaping and measuring. */
export type LoadedFont = { bytes: Uint8Array; shaper: fontkit.Font };

// Fonts are a few hundred kilobytes each and never change while the server runs: read and parse each one once.
const loaded = new Map<string, Promise<LoadedFont>>();
const parsed = new WeakMap<Uint8Array, fontkit.Font>();

/**
 * The fontkit handed to pdf-lib: for the bytes of a loaded font it returns the font already parsed, instead of
 * parsing half a megabyte again for every certificate. fontkit fonts keep no per-document state (pdf-lib makes a fresh
 * subset per document), and pdf-lib then encodes exactly the glyphs this module measured.
 */
export const certificateFontkit = {
  create: (bytes: Uint8Array) => parsed.get(bytes) ?? fontkit.create(bytes),
};

export function loadFont(file: string): Promise<LoadedFont> {
  let font = loaded.get(file);
  if (!font) {
    font = fs.readFile(path.join(process.cwd(), "node_modules", file)).then((buffer) => {
      const bytes = new Uint8Array(buffer);
      const shaper = fontkit.create(bytes);
      padSubsetGlyphs(shaper);
      parsed.set(bytes, shaper);
      return { bytes, shaper };
    });
    // A failed read is not cached, so a later certificate tries again rather than failing for the life of the process.
    font.catch(() => loaded.delete(file));
    loaded.set(file, font);
  }
  return font;
}

/** Whether the font has a real glyph (not .notdef) for every character of the text. */
export function fontCovers(font: fontkit.Font, text: string): boolean {
  for (const char of text) {
    if (!font.hasGlyphForCodePoint(char.codePointAt(0)!)) return false;
  }
  return true;
}

type GlyphBuffer = Uint8Array & { constructor: { concat(list: Uint8Array[]): Uint8Array; alloc(size: number): Uint8Array } };
type SubsetInternals = { glyf: GlyphBuffer[]; offset: number; _addGlyph(gid: number): number };

/**
 * @pdf-lib/fontkit 1.1.1 writes subset fonts with a short `loca` table (offsets stored halved) but copies glyphs of odd
 * length unpadded, so every glyph after the first odd one points into the wrong bytes and renders as nothing: on Noto
 * Sans most letters of "Certificate" vanished. Padding each glyph to an even length, as the OpenType spec asks, fixes
 * the subset. The patch goes on the subset class shared by every font and is applied once.
 */
let subsetPatched = false;
function padSubsetGlyphs(font: fontkit.Font) {
  if (subsetPatched) return;
  const prototype = Object.getPrototypeOf(font.createSubset()) as SubsetInternals;
  const addGlyph = prototype._addGlyph;
  prototype._addGlyph = function (this: SubsetInternals, gid: number) {
    const index = addGlyph.call(this, gid);
    const buffer = this.glyf[index];
    if (buffer && buffer.length % 2 === 1) {
      // The buffer class is fontkit's own (a bundled Buffer): its stream refuses any other kind of chunk.
      const Buffer = buffer.constructor;
      this.glyf[index] = Buffer.concat([buffer, Buffer.alloc(1)]) as GlyphBuffer;
      this.offset += 1;
    }
    return index;
  };
  subsetPatched = true;
}
