// npm run lighthouse — builds the app if needed, starts it with its own embedded data folder (demo data seeded on
// start), and scores the catalog and a demo course page (at its readable URL, /courses/<slug>) with Lighthouse in
// Debian's Chromium. Prints the four category scores of each page, and checks the course page's link preview: its
// Open Graph image must be an absolute URL that answers with an image. It fails only when it cannot run or the preview
// image is missing; low scores are printed, not fatal.
//   --desktop   Lighthouse's desktop preset (default: its mobile preset, with simulated throttling)
//   --url=URL   score a running app instead of starting one
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags } from "lighthouse";
import { ensureBuilt, startApp, type AppServer } from "../tests/helpers/app-server";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

const args = process.argv.slice(2);
const desktop = args.includes("--desktop");
const givenUrl = args.find((a) => a.startsWith("--url="))?.slice("--url=".length);

async function demoCoursePath(base: string): Promise<string> {
  const response = await fetch(`${base}/api/courses?sort=popular`);
  if (!response.ok) throw new Error(`GET /api/courses answered ${response.status}`);
  const { courses } = (await response.json()) as { courses: { id: string; title: string; slug: string }[] };
  if (!courses[0]) throw new Error("the catalog is empty: no course page to score");
  return `/courses/${courses[0].slug}`;
}

/** The page's Open Graph image: an absolute URL that answers 200 with an image, or the reason it is not. */
async function checkPreviewImage(pageUrl: string): Promise<string> {
  const html = await (await fetch(pageUrl)).text();
  const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
  if (!image) throw new Error(`${pageUrl} has no og:image`);
  if (!/^https?:\/\//.test(image)) throw new Error(`og:image is not an absolute URL: ${image}`);
  const answer = await fetch(image);
  const type = answer.headers.get("content-type") ?? "";
  const bytes = (await answer.arrayBuffer()).byteLength;
  if (!answer.ok || !type.startsWith("image/")) throw new Error(`og:image ${image} answered ${answer.status} ${type}`);
  return `${image} (${type}, ${(bytes / 1024).toFixed(1)} KiB)`;
}

async function main() {
  if (!CHROMIUM) throw new Error("Chromium is not installed: apt-get install chromium");
  let server: AppServer | null = null;
  let dataDir: string | null = null;
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    let base = givenUrl?.replace(/\/$/, "");
    if (!base) {
      ensureBuilt();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-lighthouse-data-"));
      server = await startApp({ DATA_DIR: dataDir });
      base = server.url;
      console.log(`[lighthouse] BudhHub is up at ${base}`);
    }
    const pages = [
      { name: "catalog", path: "/courses" },
      { name: "course page", path: await demoCoursePath(base) },
    ];
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic"],
    });
    const flags: Flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] };
    const rows: { name: string; path: string; scores: Record<string, number | null> }[] = [];
    for (const page of pages) {
      // One unscored visit first, so the server's first-render work for the route is not what gets measured.
      await fetch(`${base}${page.path}`);
      const result = await lighthouse(`${base}${page.path}`, flags, desktop ? desktopConfig : undefined);
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${page.path}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => {
          const score = lhr.categories[c]?.score;
          return [c, typeof score === "number" ? Math.round(score * 100) : null];
        }),
      );
      rows.push({ name: page.name, path: page.path, scores });
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
        .map((a) => `${a.id} (${Math.round((a.score ?? 0) * 100)})`);
      if (failing.length > 0) console.log(`[lighthouse] ${page.name}: audits below 90: ${failing.join(", ")}`);
      const consoleErrors =
        (lhr.audits["errors-in-console"]?.details as { items?: { description?: string; url?: string }[] } | undefined)?.items ?? [];
      for (const item of consoleErrors)
        console.log(`[lighthouse] ${page.name}: console error: ${item.description ?? ""} ${item.url ?? ""}`);
    }
    const course = pages.find((p) => p.name === "course page")!;
    console.log(`[lighthouse] course page ${course.path}: Open Graph image ${await checkPreviewImage(`${base}${course.path}`)}`);
    console.log(`\nLighthouse ${desktop ? "desktop" : "mobile"} scores (0–100):`);
    console.log(["page".padEnd(14), ...CATEGORIES.map((c) => c.padStart(15))].join(""));
    for (const row of rows) {
      console.log([row.name.padEnd(14), ...CATEGORIES.map((c) => String(row.scores[c] ?? "n/a").padStart(15))].join(""));
    }
  } finally {
    chrome?.kill();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`[lighthouse] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
