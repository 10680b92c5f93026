import "server-only";
import type { Font as Shaper } from "@pdf-lib/fontkit";
import {
  PDFArray,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFFont,
  type PDFPage,
  type RGB,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRise,
} from "pdf-lib";

// Shaped text on a pdf-lib page: measuring, fitting into lines, and drawing glyph by glyph where the font's layout
// puts them. Split from pdf.ts, which decides what goes where on the certificate.

/** An embedded font, with the fontkit font that shapes and measures text exactly as the embedded one encodes it. */
export type Face = { pdf: PDFFont; shaper: Shaper; resourceName: PDFName };

/** The width of the text as shaped: marks and conjuncts take the advance the font's layout gives them. */
export function widthOf(face: Face, text: string, size: number): number {
  const { positions } = face.shaper.layout(text);
  const units = positions.reduce((sum, position) => sum + position.xAdvance, 0);
  return (units * size) / face.shaper.unitsPerEm;
}

export type Fitted = { lines: string[]; size: number };

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/** Breaks a text into lines no wider than `width`, at spaces, and inside a word only between whole letters. */
export function wrap(text: string, face: Face, size: number, width: number): string[] {
  const fits = (s: string) => widthOf(face, s, size) <= width;
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = "";
    if (fits(word)) {
      current = word;
      continue;
    }
    // A single word wider than the line (a long URL, a name without spaces): split it between grapheme clusters so
    // that a Devanagari conjunct or a letter with its accent is never torn apart.
    for (const { segment } of graphemes.segment(word)) {
      if (current && !fits(current + segment)) {
        lines.push(current);
        current = "";
      }
      current += segment;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * The largest size, down to `minSize`, at which the text fits on one line; failing that, `maxLines` lines at the
 * largest size that allows it. Sizes go below `minSize` rather than let any text leave the page.
 */
export function fit(text: string, face: Face, maxSize: number, minSize: number, width: number, maxLines: number): Fitted {
  // Width grows linearly with size, so one measurement gives the largest whole size that fits.
  const widthAtOne = widthOf(face, text, 1);
  const oneLine = Math.min(maxSize, Math.floor(width / widthAtOne));
  if (oneLine >= minSize) return { lines: [text], size: oneLine };
  for (let size = minSize; size > 4; size -= 0.5) {
    const lines = wrap(text, face, size, width);
    if (lines.length <= maxLines) return { lines, size };
  }
  return { lines: wrap(text, face, 4, width), size: 4 };
}

/**
 * Draws one line of shaped text. pdf-lib's drawText advances every glyph by its default width, ignoring kerning and
 * the shaped advances (with Noto Sans Devanagari it left gaps after vowel signs and the reph); here each glyph is placed
 * where fontkit's layout puts it, through TJ adjustments and text rise. The run is marked with its text as /ActualText because shaping puts glyphs in visual
 * order (the i-matra before its consonant, the reph after): without it, copying or searching the PDF gives scrambled
 * words.
 */
export function drawLine(page: PDFPage, text: string, x: number, y: number, face: Face, size: number, color: RGB) {
  const context = page.doc.context;
  const { glyphs, positions } = face.shaper.layout(text);
  // encodeText lays the text out the same way and registers the glyphs for the subset and the ToUnicode map.
  const codes = face.pdf.encodeText(text).asString();
  if (codes.length !== glyphs.length * 4) throw new Error(`Shaping "${text}" gave two different glyph runs.`);
  // The font was chosen because it covers every character, so this would be a fontkit fault; an empty box on a
  // certificate is worse than no certificate.
  if (glyphs.some((glyph) => glyph.id === 0)) throw new Error(`"${text}" would be drawn with a missing glyph.`);
  const scale = 1000 / face.shaper.unitsPerEm;
  const adjust = (units: number) => PDFNumber.of(Math.round(units * scale * 1000) / 1000);

  const operators: PDFOperator[] = [];
  let items: (PDFHexString | PDFNumber)[] = [];
  let rise = 0;
  const flush = () => {
    if (items.length === 0) return;
    const array = PDFArray.withContext(context);
    for (const item of items) array.push(item);
    operators.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
    items = [];
  };
  glyphs.forEach((glyph, index) => {
    const { xAdvance, xOffset, yOffset } = positions[index]!;
    const glyphRise = (yOffset * size) / face.shaper.unitsPerEm;
    if (glyphRise !== rise) {
      flush();
      operators.push(setTextRise(glyphRise));
      rise = glyphRise;
    }
    // TJ numbers move the pen left by thousandths of the font size: shift by the offset, draw, then correct the
    // default advance to the shaped one and undo the offset.
    if (xOffset) items.push(adjust(-xOffset));
    items.push(PDFHexString.of(codes.slice(index * 4, index * 4 + 4)));
    const correction = glyph.advanceWidth - xAdvance + xOffset;
    if (correction) items.push(adjust(correction));
  });
  flush();

  page.node.setFontDictionary(face.resourceName, face.pdf.ref);
  const properties = context.obj({ ActualText: PDFHexString.fromText(text) });
  page.pushOperators(
    pushGraphicsState(),
    // pdf-lib's operator type leaves out dictionaries, but it writes any PDF object in place, as BDC needs.
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Span"), properties as never]),
    beginText(),
    setFillingColor(color),
    setFontAndSize(face.resourceName, size),
    setTextMatrix(1, 0, 0, 1, x, y),
    ...operators,
    endText(),
    PDFOperator.of(PDFOperatorNames.EndMarkedContent),
    popGraphicsState(),
  );
}

export type Align = "center" | "left" | "right";

/** Draws fitted lines from `top` downwards and returns the y below the last line. */
export function drawBlock(page: PDFPage, block: Fitted, face: Face, top: number, x: number, align: Align, color: RGB) {
  const leading = block.size * 1.25;
  let y = top;
  for (const line of block.lines) {
    y -= leading;
    const width = widthOf(face, line, block.size);
    const left = align === "center" ? x - width / 2 : align === "right" ? x - width : x;
    drawLine(page, line, left, y + block.size * 0.25, face, block.size, color);
  }
  return y;
}

export const blockHeight = (block: Fitted) => block.lines.length * block.size * 1.25;
