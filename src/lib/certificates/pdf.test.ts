import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import jsQR from "jsqr";
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CertificateFace, UndrawableTextError, renderCertificatePdf } from "./pdf";

// The PDF is checked with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm), a reader independent of the library that
// wrote it: what these tools extract and draw is what a learner's viewer and a search engine will.
const run = promisify(execFile);

const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

const face: CertificateFace = {
  code: "K7MQ-2XRP-9TWD",
  learnerName: "Zoë Łukasiewicz-Ångström",
  courseTitle: "Introduction to Data Structures",
  instructorName: "Priya Natarajan",
  line: "Awarded with distinction for the final project.",
  issuedAt: new Date("2026-11-30T10:00:00Z"),
  verifyUrl: "https://budhhub.example.org/certificates/K7MQ2XRP9TWD",
  platformName: "BudhHub",
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "budhhub-certificate-pdf-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let count = 0;
async function renderToFile(overrides: Partial<CertificateFace>) {
  const file = path.join(dir, `certificate-${++count}.pdf`);
  const bytes = await renderCertificatePdf({ ...face, ...overrides });
  await writeFile(file, bytes);
  return { file, bytes };
}

async function textOf(file: string) {
  const { stdout } = await run("pdftotext", ["-layout", file, "-"]);
  return stdout;
}

/** The extracted text with every run of whitespace as one space, so that a wrapped title reads as one string. */
const collapsed = (text: string) => text.replace(/\s+/g, " ");

/**
 * The box, in points from the top left, of every run of text poppler finds. Each drawn line carries its text as
 * /ActualText, which poppler reports as one "word" per line.
 */
async function wordBoxes(file: string) {
  const { stdout } = await run("pdftotext", ["-bbox", file, "-"]);
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    ([, xMin, yMin, xMax, yMax, word]) => ({
      word: word!,
      xMin: Number(xMin),
      yMin: Number(yMin),
      xMax: Number(xMax),
      yMax: Number(yMax),
    }),
  );
}

async function pageImage(file: string, dpi: number) {
  const prefix = file.replace(/\.pdf$/, `-${dpi}`);
  await run("pdftoppm", ["-png", "-r", String(dpi), "-singlefile", file, prefix]);
  return PNG.sync.read(await readFile(`${prefix}.png`));
}

// Noto Sans 2.x covers the Devanagari block itself (with its shaping rules); Noto Sans Devanagari is the fallback for
// the Vedic and extended signs Noto Sans lacks (U+A8F2 here).
const names = [
  {
    script: "Latin with diacritics",
    name: "Zoë Łukasiewicz-Ångström",
    title: "Introduction à l’économie",
    font: "NotoSans-Bold",
  },
  {
    script: "Greek",
    name: "Αλέξανδρος Παπαδόπουλος",
    title: "Εισαγωγή στην Πληροφορική",
    font: "NotoSans-Bold",
  },
  { script: "Cyrillic", name: "Анна Каренина", title: "Основы программирования", font: "NotoSans-Bold" },
  { script: "Devanagari", name: "अर्जुन शर्मा", title: "डेटा संरचनाओं का परिचय", font: "NotoSans-Bold" },
  {
    script: "Devanagari with conjuncts and a pre-base vowel sign",
    name: "क्षितिज त्रिपाठी",
    title: "कृत्रिम बुद्धि की मूल बातें",
    font: "NotoSans-Bold",
  },
  { script: "Devanagari mixed with Latin", name: "श्रेया Kapoor", title: "Python प्रोग्रामिंग", font: "NotoSans-Bold" },
  {
    script: "Devanagari with an extended sign",
    name: "सोम ꣲ शास्त्री",
    title: "वैदिक गणित",
    font: "NotoSansDevanagari-Bold",
  },
];

describe("renderCertificatePdf", () => {
  it.each(names)("prints a $script name so that a PDF reader extracts it exactly", async ({ name, title, font }) => {
    const { file } = await renderToFile({ learnerName: name, courseTitle: title });

    // Each on a line of its own: a string that appears twice could be matched where it happens to come out right.
    const lines = (await textOf(file)).split("\n").map((line) => line.trim());
    expect(lines).toContain(name);
    expect(lines).toContain(title);
    const text = lines.join("\n");
    expect(text).toContain("K7MQ-2XRP-9TWD");

    // Centred as measured: the glyphs advance by the shaped widths the layout used (vowel signs and the reph add no
    // width), so the drawn line is as wide as the one measured and sits in the middle of the page.
    for (const line of [name, title]) {
      const box = (await wordBoxes(file)).find((word) => word.word === line)!;
      expect((box.xMin + box.xMax) / 2, line).toBeCloseTo(A4_LANDSCAPE.width / 2, 0);
    }
    expect(text).toContain("30 November 2026");
    expect(text).toContain("Priya Natarajan");
    expect(text).toContain("Awarded with distinction for the final project.");
    expect(text).toContain("https://budhhub.example.org/certificates/K7MQ2XRP9TWD");

    // The name is drawn with a real embedded font that covers it, not a viewer's substitute.
    const { stdout: fonts } = await run("pdffonts", [file]);
    const row = fonts.split("\n").find((line) => line.split(" ")[0]!.endsWith(`+${font}`));
    expect(row, fonts).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it("makes one A4 landscape page with the certificate's title, author and issue date", async () => {
    const { file, bytes } = await renderToFile({});
    const { stdout } = await run("pdfinfo", ["-isodates", file]);
    expect(stdout).toMatch(/^Pages:\s+1$/m);
    expect(stdout).toMatch(/^Page size:\s+841\.89 x 595\.28 pts \(A4\)$/m);
    expect(stdout).toMatch(/^Page rot:\s+0$/m);
    expect(stdout).toMatch(/^Title:\s+Certificate K7MQ-2XRP-9TWD$/m);
    expect(stdout).toMatch(/^Author:\s+BudhHub$/m);
    expect(stdout).toMatch(/^CreationDate:\s+2026-11-30T10:00:00Z$/m);
    // Subsets, not whole fonts: a certificate stays small enough to mail.
    expect(bytes.length).toBeLessThan(60_000);
  });

  it("embeds font subsets whose every glyph has its outline", async () => {
    // A broken subset still extracts as the right text (the ActualText and ToUnicode maps are separate from the
    // outlines) but prints blank letters: so the outlines are checked inside the font files themselves.
    const bytes = await renderCertificatePdf({
      ...face,
      learnerName: "क्षितिज Łukasiewicz Αλέξανδρος Анна",
      line: "सोम ꣲ शास्त्री",
    });
    const doc = await PDFDocument.load(bytes);
    const fontFiles = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"))
      .map((descriptor) => doc.context.lookup(descriptor.get(PDFName.of("FontFile2"))));
    expect(fontFiles.length).toBe(3);
    for (const file of fontFiles) {
      if (!(file instanceof PDFRawStream)) throw new Error("A font descriptor without an embedded TrueType file.");
      const font = fontkit.create(inflateSync(file.getContents()));
      expect(font.numGlyphs).toBeGreaterThan(5);
      // Only the space may be empty; a letter without contours prints as nothing.
      const empty = [];
      for (let id = 1; id < font.numGlyphs; id++) if (font.getGlyph(id).path.toSVG() === "") empty.push(id);
      expect(empty.length).toBeLessThanOrEqual(1);
    }
  });

  it("renders the same bytes for the same certificate", async () => {
    const first = await renderCertificatePdf(face);
    const second = await renderCertificatePdf(face);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it("leaves out the instructor and the line when there are none", async () => {
    const { file } = await renderToFile({ instructorName: null, line: null });
    const text = await textOf(file);
    expect(text).toContain("Zoë Łukasiewicz-Ångström");
    expect(text).not.toContain("Instructor");
    expect(text).not.toContain("Priya Natarajan");
    expect(text).not.toContain("Awarded with distinction");
  });

  it("draws a page a viewer can render, with ink on it", async () => {
    for (const learnerName of ["Zoë Łukasiewicz-Ångström", "क्षितिज त्रिपाठी"]) {
      const { file } = await renderToFile({ learnerName });
      const image = await pageImage(file, 60);
      // 841.89 x 595.28 pt at 60 dpi, rounded up by pdftoppm.
      expect([image.width, image.height]).toEqual([702, 497]);
      let dark = 0;
      for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 128) dark++;
      // The frame, the text and the QR code: a few percent of the page, and far from all of it.
      expect(dark / (image.width * image.height)).toBeGreaterThan(0.01);
      expect(dark / (image.width * image.height)).toBeLessThan(0.3);
    }
  });

  it("encodes the verification URL in a QR code a phone can read", async () => {
    for (const verifyUrl of [face.verifyUrl, "https://learn.example.com/certificates/ZZ99ZZ99ZZ99?from=qr"]) {
      const { file } = await renderToFile({ verifyUrl });
      const image = await pageImage(file, 150);
      const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
      expect(decoded?.data).toBe(verifyUrl);
    }
  });

  it("refuses a name in a script no certificate font can draw rather than print empty boxes", async () => {
    await expect(renderCertificatePdf({ ...face, learnerName: "王小明" })).rejects.toThrow(UndrawableTextError);
    await expect(renderCertificatePdf({ ...face, learnerName: "王小明" })).rejects.toThrow(
      'The name "王小明" uses letters the certificate font cannot draw.',
    );
    await expect(renderCertificatePdf({ ...face, learnerName: "Ana 🎓" })).rejects.toThrow(UndrawableTextError);
    await expect(renderCertificatePdf({ ...face, courseTitle: "Python 入门" })).rejects.toThrow(
      'The course title "Python 入门" uses letters the certificate font cannot draw.',
    );
  });

  it("shrinks and wraps a very long name and course title so that every word stays inside the frame", async () => {
    const learnerName = Array.from({ length: 12 }, (_, i) => `Longname${String.fromCharCode(65 + i)}`)
      .join(" ")
      .padEnd(120, "x");
    const courseTitle = Array.from({ length: 30 }, (_, i) => `Topic${String(i).padStart(3, "0")}xy`)
      .join(" ")
      .slice(0, 300);
    expect([learnerName.length, courseTitle.length]).toEqual([120, 300]);

    const { file } = await renderToFile({ learnerName, courseTitle, line: "L".repeat(40) + " " + "m".repeat(200) });
    const text = collapsed(await textOf(file));
    expect(text).toContain(learnerName);
    expect(text).toContain(courseTitle);

    const words = await wordBoxes(file);
    const nameLines = words.filter((word) => word.word.includes("Longname"));
    const titleLines = words.filter((word) => word.word.includes("Topic"));
    expect(nameLines.length).toBe(2);
    expect(titleLines.length).toBeGreaterThanOrEqual(2);
    // The inner frame is drawn 30 pt from each edge.
    for (const word of words) {
      expect(word.xMin, word.word).toBeGreaterThan(30);
      expect(word.xMax, word.word).toBeLessThan(A4_LANDSCAPE.width - 30);
      expect(word.yMin, word.word).toBeGreaterThan(30);
      expect(word.yMax, word.word).toBeLessThan(A4_LANDSCAPE.height - 30);
    }
    // Blocks do not run into one another: the name ends above "has completed", the title starts below it.
    const completed = words.find((word) => word.word === "has completed")!;
    expect(Math.max(...nameLines.map((line) => line.yMax))).toBeLessThanOrEqual(completed.yMin);
    expect(Math.min(...titleLines.map((line) => line.yMin))).toBeGreaterThanOrEqual(completed.yMax);
  });
});
