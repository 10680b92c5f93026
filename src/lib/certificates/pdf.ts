import "server-only";
import { PDFDocument, PDFName, type PDFPage, rgb } from "pdf-lib";
import QRCode from "qrcode";
import { FONT_FAMILIES, type FontWeight, certificateFontkit, fontCovers, loadFont } from "./fonts";
import { type Face, type Fitted, blockHeight, drawBlock, fit } from "./text-layout";

export type CertificateFace = {
  /** Printed exactly as given, e.g. "K7MQ-2XRP-9TWD". */
  code: string;
  learnerName: string;
  courseTitle: string;
  instructorName: string | null;
  /** An optional line the instructor set for the course's certificates. */
  line: string | null;
  issuedAt: Date;
  /** Absolute URL of the public verification page: printed, and encoded in the QR code. */
  verifyUrl: string;
  platformName: string;
};

/** A text on the certificate that none of the embedded fonts can draw: printing it would show empty boxes. */
export class UndrawableTextError extends Error {
  constructor(
    readonly field: string,
    readonly text: string,
  ) {
    super(`The ${field} "${text}" uses letters the certificate font cannot draw.`);
    this.name = "UndrawableTextError";
  }
}

// A4 landscape in points.
const WIDTH = 841.89;
const HEIGHT = 595.28;
const MARGIN = 70;
const TEXT_WIDTH = WIDTH - 2 * MARGIN;

const INK = rgb(0.11, 0.14, 0.2);
const ACCENT = rgb(0.05, 0.36, 0.42);
const MUTED = rgb(0.4, 0.44, 0.5);

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** Fonts are embedded only when a text needs them, so a Latin-only certificate carries no Devanagari subset. */
class FontPicker {
  private embedded = new Map<string, Promise<Face>>();
  constructor(private doc: PDFDocument) {}

  /** The first family with a glyph for every character of the text, in the weight asked for. */
  async pick(text: string, weight: FontWeight, field: string): Promise<Face> {
    for (const family of FONT_FAMILIES) {
      const file = family.files[weight];
      const { shaper } = await loadFont(file);
      if (fontCovers(shaper, text)) return this.embed(file, family.subsetTags[weight]);
    }
    throw new UndrawableTextError(field, text);
  }

  private embed(file: string, tag: string): Promise<Face> {
    let face = this.embedded.get(file);
    if (!face) {
      face = loadFont(file).then(async ({ bytes, shaper }) => ({
        // Fixed names instead of pdf-lib's random suffixes keep two renderings of one certificate byte for byte alike.
        pdf: await this.doc.embedFont(bytes, { subset: true, customName: `${tag}+${shaper.postscriptName}` }),
        shaper,
        resourceName: PDFName.of(tag),
      }));
      this.embedded.set(file, face);
    }
    return face;
  }
}

/** Text is whitespace-collapsed and NFC-normalized so that "e" + combining accent finds the precomposed glyph. */
function clean(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Draws the dark modules as filled rectangles, one per horizontal run, so the code stays vector and sharp. */
function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = modules.size;
  const cell = size / count;
  // The quiet zone the standard asks for (four modules) is kept white even if a background is ever added.
  page.drawRectangle({ x: x - 4 * cell, y: y - 4 * cell, width: size + 8 * cell, height: size + 8 * cell, color: rgb(1, 1, 1) });
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      page.drawRectangle({
        x: x + start * cell,
        y: y + size - (row + 1) * cell,
        width: (column - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** A one-page A4 landscape certificate of completion, with the verification URL printed and as a QR code. */
export async function renderCertificatePdf(face: CertificateFace): Promise<Uint8Array> {
  // updateMetadata: false keeps pdf-lib from stamping the current time; the dates below are the issue date.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(certificateFontkit);
  const fonts = new FontPicker(doc);

  const learnerName = clean(face.learnerName);
  const courseTitle = clean(face.courseTitle);
  const instructorName = face.instructorName ? clean(face.instructorName) : "";
  const line = face.line ? clean(face.line) : "";
  const platformName = clean(face.platformName);
  const date = dateFormat.format(face.issuedAt);

  const [nameFont, titleFont, lineFont, instructorFont, platformFont, bold, regular] = await Promise.all([
    fonts.pick(learnerName, "bold", "name"),
    fonts.pick(courseTitle, "bold", "course title"),
    line ? fonts.pick(line, "regular", "line") : null,
    instructorName ? fonts.pick(instructorName, "bold", "instructor name") : null,
    fonts.pick(platformName, "bold", "platform name"),
    fonts.pick("Certificate of completion", "bold", "label"),
    fonts.pick(`${face.code} ${face.verifyUrl} ${date}`, "regular", "code or address"),
  ]);

  doc.setTitle(`Certificate ${face.code}`);
  doc.setSubject(`${learnerName} has completed ${courseTitle}`);
  doc.setAuthor(platformName);
  doc.setCreator(platformName);
  doc.setProducer(`${platformName} (pdf-lib)`);
  doc.setLanguage("en");
  doc.setCreationDate(face.issuedAt);
  doc.setModificationDate(face.issuedAt);

  const page = doc.addPage([WIDTH, HEIGHT]);

  // Frame: a thin outer rule and a heavier inner one in the accent colour.
  page.drawRectangle({ x: 22, y: 22, width: WIDTH - 44, height: HEIGHT - 44, borderColor: ACCENT, borderWidth: 0.75 });
  page.drawRectangle({ x: 30, y: 30, width: WIDTH - 60, height: HEIGHT - 60, borderColor: ACCENT, borderWidth: 2 });

  const center = WIDTH / 2;
  let y = HEIGHT - 52;
  y = drawBlock(page, fit(platformName, platformFont, 16, 10, TEXT_WIDTH, 1), platformFont, y, center, "center", ACCENT);
  y = drawBlock(page, { lines: ["Certificate of completion"], size: 32 }, bold, y - 10, center, "center", INK);
  page.drawLine({ start: { x: center - 60, y: y - 8 }, end: { x: center + 60, y: y - 8 }, color: ACCENT, thickness: 1.5 });

  // The middle of the page, between the heading and the signature row, holds the name and the course; it is centred
  // in that space so a short certificate does not look top-heavy.
  const middleTop = y - 20;
  const middleBottom = 190;
  const intro: Fitted = { lines: ["This certifies that"], size: 13 };
  const name = fit(learnerName, nameFont, 40, 22, TEXT_WIDTH, 2);
  const completed: Fitted = { lines: ["has completed"], size: 13 };
  const title = fit(courseTitle, titleFont, 26, 15, TEXT_WIDTH, 3);
  const note = lineFont ? fit(line, lineFont, 12, 9, TEXT_WIDTH, 2) : null;
  const gap = 8;
  const height =
    blockHeight(intro) +
    blockHeight(name) +
    blockHeight(completed) +
    blockHeight(title) +
    (note ? blockHeight(note) + 2 * gap : 0) +
    4 * gap;
  y = middleTop - Math.max(0, (middleTop - middleBottom - height) / 2);
  y = drawBlock(page, intro, regular, y, center, "center", MUTED) - gap;
  y = drawBlock(page, name, nameFont, y, center, "center", INK) - gap;
  y = drawBlock(page, completed, regular, y, center, "center", MUTED) - gap;
  y = drawBlock(page, title, titleFont, y, center, "center", ACCENT) - gap;
  if (note && lineFont) drawBlock(page, note, lineFont, y - gap, center, "center", MUTED);

  // Signature row: date and instructor on rules, like the lines a paper certificate is signed on.
  const signatureWidth = 210;
  const signature = (value: string, font: Face, label: string, x: number) => {
    const fitted = fit(value, font, 13, 8, signatureWidth, 2);
    const rule = 112;
    drawBlock(page, fitted, font, rule + 4 + blockHeight(fitted), x + signatureWidth / 2, "center", INK);
    page.drawLine({ start: { x, y: rule }, end: { x: x + signatureWidth, y: rule }, color: MUTED, thickness: 0.75 });
    drawBlock(page, { lines: [label], size: 9 }, regular, rule - 2, x + signatureWidth / 2, "center", MUTED);
  };
  signature(date, regular, "Date of completion", MARGIN);
  if (instructorFont) signature(instructorName, instructorFont, "Instructor", MARGIN + signatureWidth + 30);

  // Verification: the QR code in the bottom right corner, the code and the address under it.
  const qrSize = 92;
  const qrX = WIDTH - MARGIN - qrSize;
  const qrY = 82;
  drawQrCode(page, face.verifyUrl, qrX, qrY, qrSize);
  const right = WIDTH - MARGIN;
  const verifyWidth = 330;
  const codeBottom = drawBlock(page, { lines: [face.code], size: 10 }, regular, qrY - 10, right, "right", INK);
  drawBlock(page, fit(face.verifyUrl, regular, 8, 5, verifyWidth, 2), regular, codeBottom, right, "right", MUTED);

  return doc.save();
}
