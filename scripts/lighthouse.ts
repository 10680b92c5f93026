// npm run lighthouse — builds the app if needed, starts it with its own embedded data folder (demo data seeded on
// start), and scores four pages with Lighthouse in Debian's Chromium: the catalog, a demo course page (at its readable
// URL, /courses/<slug>), and, signed in as the demo learner learner1@budhhub.test (through the JSON sign-in, the session
// cookie passed to Lighthouse as a request header), the lesson player (a video lesson of the learner's first course) and
// the dashboard. Each page is scored --runs times (default 3, in rounds so that the machine's load falls on every page
// alike) and the script prints the median of each category, of LCP, TBT and CLS, and the page's JavaScript bytes as
// transferred (gzip), with the audits that cost the median run its performance points. It also checks the course page's
// link preview: its Open Graph image must be an absolute URL that answers with an image. It fails only when it cannot
// run or the preview image is missing; low scores are printed, not fatal.
//   --desktop     Lighthouse's desktop preset (default: its mobile preset, simulated throttling, 4× CPU slowdown)
//   --url=URL     score a running app instead of starting one (the signed-in pages need the demo accounts there)
//   --runs=N      runs per page (default 3)
//   --json FILE   also write the runs, medians and failing audits to FILE
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";
import { ensureBuilt, startApp, type AppServer } from "../tests/helpers/app-server";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const METRICS = { lcp: "largest-contentful-paint", tbt: "total-blocking-time", cls: "cumulative-layout-shift" } as const;
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const DEMO_LEARNER = { email: "learner1@budhhub.test", password: "budhhub-demo" };

const args = process.argv.slice(2);
/** The value of --name=VALUE or --name VALUE. */
function option(name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes("=") ? args[i]!.slice(args[i]!.indexOf("=") + 1) : args[i + 1];
}
const desktop = args.includes("--desktop");
const givenUrl = option("url");
const jsonFile = option("json");
const runs = Number(option("runs") ?? 3);
const usage =
  !Number.isInteger(runs) || runs < 1
    ? "--runs must be a whole number ≥ 1"
    : args.includes("--json") && !jsonFile
      ? "--json needs a file name"
      : null;
if (usage) {
  console.error(`[lighthouse] ${usage}`);
  process.exit(2);
}

type Page = { name: string; path: string; cookie?: string };
type Run = {
  scores: Record<string, number | null>;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /** Scripts' bytes over the wire (compressed as served) and their decoded size. */
  jsTransferBytes: number;
  jsResourceBytes: number;
  jsRequests: number;
};

function median(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
}

async function getJson<T>(url: string, cookie?: string): Promise<T> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function demoCoursePath(base: string): Promise<string> {
  const { courses } = await getJson<{ courses: { slug: string }[] }>(`${base}/api/courses?sort=popular`);
  if (!courses[0]) throw new Error("the catalog is empty: no course page to score");
  return `/courses/${courses[0].slug}`;
}

/** Signs the demo learner in through the JSON API (as the sign-in form does); returns the session cookie, or null. */
async function signInDemoLearner(base: string): Promise<string | null> {
  const response = await fetch(`${base}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(DEMO_LEARNER),
  });
  if (response.status !== 200) return null;
  const session = response.headers.getSetCookie().find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  return session ? session.split(";")[0]! : null;
}

/** The lesson player's URL: a video lesson of the learner's first course, else the lesson the course resumes at. */
async function lessonPlayerPath(base: string, cookie: string): Promise<string> {
  const { courses } = await getJson<{ courses: { courseId: string; nextLessonId: string | null }[] }>(`${base}/api/my-courses`, cookie);
  if (!courses[0]) throw new Error(`${DEMO_LEARNER.email} has no enrollment: no lesson to score`);
  const { courseId } = courses[0];
  const { curriculum, nextLessonId } = await getJson<{
    curriculum: { lessons: { id: string; hasVideo: boolean }[] }[];
    nextLessonId: string | null;
  }>(`${base}/api/my-courses/${courseId}`, cookie);
  const lessonId = curriculum.flatMap((m) => m.lessons).find((l) => l.hasVideo)?.id ?? nextLessonId;
  if (!lessonId) throw new Error(`the course ${courseId} has no lesson to score`);
  return `/my-courses/${courseId}/lessons/${lessonId}`;
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

function summarize(lhr: Result): Run {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => {
      const score = lhr.categories[c]?.score;
      return [c, typeof score === "number" ? Math.round(score * 100) : null];
    }),
  );
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const scripts = scriptsOf(lhr);
  return {
    scores,
    lcpMs: metric(METRICS.lcp),
    tbtMs: metric(METRICS.tbt),
    cls: metric(METRICS.cls),
    jsTransferBytes: scripts.reduce((sum, r) => sum + r.transferBytes, 0),
    jsResourceBytes: scripts.reduce((sum, r) => sum + r.resourceBytes, 0),
    jsRequests: scripts.length,
  };
}

/** The run's scripts, largest first: where a page's JavaScript bytes come from. */
function scriptsOf(lhr: Result) {
  const requests = (lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)?.items ?? [];
  return requests
    .filter((r) => r.resourceType === "Script")
    .map((r) => ({ url: r.url ?? "", transferBytes: r.transferSize ?? 0, resourceBytes: r.resourceSize ?? 0 }))
    .sort((a, b) => b.transferBytes - a.transferBytes);
}
type NetworkItem = { resourceType?: string; transferSize?: number; resourceSize?: number; url?: string };

/** The points each performance metric lost, and the opportunities and diagnostics that failed, by their savings. */
function performanceLosses(lhr: Result) {
  const category = lhr.categories.performance;
  if (!category) return { metricsLost: [], audits: [] };
  const metricsLost = category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ id: ref.id, pointsLost: Math.round(ref.weight * (1 - (lhr.audits[ref.id]?.score ?? 0))) }))
    .filter((m) => m.pointsLost > 0)
    .sort((a, b) => b.pointsLost - a.pointsLost);
  const audits = category.auditRefs
    .filter((ref) => ref.weight === 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
    .map((a) => {
      const details = a.details as { overallSavingsMs?: number; overallSavingsBytes?: number } | undefined;
      const savings = a.metricSavings ?? {};
      return {
        id: a.id,
        title: a.title,
        displayValue: a.displayValue ?? "",
        lcpSavingsMs: savings.LCP ?? 0,
        fcpSavingsMs: savings.FCP ?? 0,
        tbtSavingsMs: savings.TBT ?? 0,
        clsSavings: savings.CLS ?? 0,
        overallSavingsMs: details?.overallSavingsMs ?? 0,
        overallSavingsBytes: details?.overallSavingsBytes ?? 0,
      };
    })
    .sort(
      (a, b) =>
        b.lcpSavingsMs + b.tbtSavingsMs + b.fcpSavingsMs - (a.lcpSavingsMs + a.tbtSavingsMs + a.fcpSavingsMs) ||
        b.overallSavingsBytes - a.overallSavingsBytes,
    );
  return { metricsLost, audits };
}

/** Audits of every category below 90 (not informative or manual), for the non-performance findings. */
function failingAudits(lhr: Result): string[] {
  return Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
    .map((a) => `${a.id} (${Math.round((a.score ?? 0) * 100)})`);
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
    const pages: Page[] = [
      { name: "catalog", path: "/courses" },
      { name: "course page", path: await demoCoursePath(base) },
    ];
    const cookie = await signInDemoLearner(base);
    if (cookie) {
      pages.push({ name: "lesson player", path: await lessonPlayerPath(base, cookie), cookie });
      pages.push({ name: "dashboard", path: "/dashboard", cookie });
    } else if (givenUrl) {
      console.log(`[lighthouse] ${DEMO_LEARNER.email} could not sign in at ${base}: the signed-in pages are not scored`);
    } else {
      throw new Error(`${DEMO_LEARNER.email} could not sign in: no signed-in page to score`);
    }
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic"],
    });
    const lhrs = new Map<Page, Result[]>(pages.map((p) => [p, []]));
    for (const page of pages) {
      // One unscored visit first, so the server's first-render work for the route is not what gets measured.
      await fetch(`${base}${page.path}`, { headers: page.cookie ? { cookie: page.cookie } : {} });
    }
    for (let round = 1; round <= runs; round++) {
      for (const page of pages) {
        const flags: Flags = {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: [...CATEGORIES],
          extraHeaders: page.cookie ? { Cookie: page.cookie } : null,
        };
        const result = await lighthouse(`${base}${page.path}`, flags, desktop ? desktopConfig : undefined);
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${page.path}: ${lhr.runtimeError.message}`);
        if (page.cookie && new URL(lhr.finalDisplayedUrl).pathname !== page.path)
          throw new Error(`${page.path} ended at ${lhr.finalDisplayedUrl}: the session cookie was not taken`);
        lhrs.get(page)!.push(lhr);
        console.log(`[lighthouse] run ${round}/${runs} ${page.name}: performance ${summarize(lhr).scores.performance}`);
      }
    }

    const results = pages.map((page) => {
      const all = lhrs.get(page)!;
      const summaries = all.map(summarize);
      const med = {
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(summaries.map((s) => s.scores[c] ?? null))])),
        lcpMs: median(summaries.map((s) => s.lcpMs)),
        tbtMs: median(summaries.map((s) => s.tbtMs)),
        cls: median(summaries.map((s) => s.cls)),
        jsTransferBytes: median(summaries.map((s) => s.jsTransferBytes)),
        jsResourceBytes: median(summaries.map((s) => s.jsResourceBytes)),
        jsRequests: median(summaries.map((s) => s.jsRequests)),
      };
      // The run whose performance score is the median one: its failing audits stand for the page.
      const byPerformance = all.map((lhr, i) => ({ lhr, score: summaries[i]!.scores.performance ?? 0 })).sort((a, b) => a.score - b.score);
      const typical = byPerformance[Math.floor((byPerformance.length - 1) / 2)]!.lhr;
      return { name: page.name, path: page.path, signedIn: Boolean(page.cookie), runs: summaries, median: med, typical };
    });

    for (const r of results) {
      const { metricsLost, audits } = performanceLosses(r.typical);
      if (metricsLost.length > 0)
        console.log(`[lighthouse] ${r.name}: performance points lost: ${metricsLost.map((m) => `${m.id} ${m.pointsLost}`).join(", ")}`);
      for (const a of audits.slice(0, 5)) {
        const savings = [
          a.lcpSavingsMs && `LCP −${Math.round(a.lcpSavingsMs)} ms`,
          a.fcpSavingsMs && `FCP −${Math.round(a.fcpSavingsMs)} ms`,
          a.tbtSavingsMs && `TBT −${Math.round(a.tbtSavingsMs)} ms`,
          a.overallSavingsBytes && `${(a.overallSavingsBytes / 1024).toFixed(0)} KiB`,
        ].filter(Boolean);
        console.log(`[lighthouse] ${r.name}:   ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""} ${savings.join(", ")}`);
      }
      // Besides the metrics and the opportunities above: what accessibility, best practices or SEO found.
      const shown = new Set([...metricsLost.map((m) => m.id), ...audits.map((a) => a.id)]);
      const failing = failingAudits(r.typical).filter((f) => !shown.has(f.slice(0, f.indexOf(" "))));
      if (failing.length > 0) console.log(`[lighthouse] ${r.name}: other audits below 90: ${failing.join(", ")}`);
      const consoleErrors =
        (r.typical.audits["errors-in-console"]?.details as { items?: { description?: string; url?: string }[] } | undefined)?.items ?? [];
      for (const item of consoleErrors) console.log(`[lighthouse] ${r.name}: console error: ${item.description ?? ""} ${item.url ?? ""}`);
    }

    const course = pages.find((p) => p.name === "course page")!;
    console.log(`[lighthouse] course page ${course.path}: Open Graph image ${await checkPreviewImage(`${base}${course.path}`)}`);

    const kib = (bytes: number | null) => (bytes === null ? "n/a" : `${(bytes / 1024).toFixed(1)} KiB`);
    const header = ["page", ...CATEGORIES, "LCP", "TBT", "CLS", "JS gzip", "JS decoded"];
    const widths = [14, 12, 14, 15, 6, 9, 8, 7, 11, 12];
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("");
    console.log(`\nLighthouse ${desktop ? "desktop" : "mobile"}, median of ${runs} run${runs === 1 ? "" : "s"} (scores 0–100):`);
    console.log(line(header));
    for (const r of results) {
      const m = r.median;
      console.log(
        line([
          r.name,
          ...CATEGORIES.map((c) => String(m.scores[c] ?? "n/a")),
          m.lcpMs === null ? "n/a" : `${(m.lcpMs / 1000).toFixed(1)} s`,
          m.tbtMs === null ? "n/a" : `${Math.round(m.tbtMs)} ms`,
          m.cls === null ? "n/a" : m.cls.toFixed(3),
          kib(m.jsTransferBytes),
          kib(m.jsResourceBytes),
        ]),
      );
    }
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ");
    console.log(`(load average at the end: ${load}; ${os.cpus().length} CPUs)`);

    if (jsonFile) {
      const report = {
        date: new Date().toISOString(),
        commit: (() => {
          try {
            return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
          } catch {
            return null;
          }
        })(),
        preset: desktop ? "desktop" : "mobile",
        lighthouse: results[0]?.typical.lighthouseVersion,
        runsPerPage: runs,
        loadAverage: os.loadavg(),
        pages: results.map(({ typical, ...r }) => ({
          ...r,
          performanceLosses: performanceLosses(typical),
          failingAudits: failingAudits(typical),
          scripts: scriptsOf(typical),
        })),
      };
      fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`[lighthouse] wrote ${jsonFile}`);
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
