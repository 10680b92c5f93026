// npx tsx scripts/profile-summary.ts FILE.cpuprofile [--from S] [--to S] [--top N]
//
// Where the CPU time of a `node --cpu-prof` profile of `next start` went: each sample is mapped through the build's
// source maps (.next/server/**/*.js.map, Next's compiled runtimes) to the module it ran in, then grouped into the parts
// of a request (our proxy, Auth.js, the session read, React rendering, Next's own request handling, logging, the
// database, garbage collection). Prints each part's self time (the samples it was running) and total time (the
// samples in which it was anywhere on the stack), as a share of the non-idle samples between --from and --to seconds
// after the profile began, and the functions with the most self time.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SourceMapConsumer } from "source-map-js";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[]; hitCount?: number };
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string" }, to: { type: "string" }, top: { type: "string" } },
});
const file = positionals[0];
if (!file) {
  console.error("usage: npx tsx scripts/profile-summary.ts FILE.cpuprofile [--from S] [--to S] [--top N]");
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const fromUs = Number(values.from ?? 0) * 1e6;
const toUs = values.to === undefined ? Infinity : Number(values.to) * 1e6;
const top = Number(values.top ?? 25);

/** The parts of a request, first match wins; tested against the original source path (or the URL when none). */
const parts: [string, RegExp][] = [
  ["garbage collection", /^\(garbage collector\)$/],
  ["our proxy (src/proxy.ts)", /src\/proxy\.ts$/],
  ["our CSP and headers (src/lib/security)", /src\/lib\/security\//],
  ["our session read (current-viewer, page-viewer)", /src\/lib\/auth\/current-viewer\.ts|src\/app\/_http\/page-viewer\.ts/],
  ["our auth config (src/lib/auth)", /src\/lib\/auth\//],
  [
    "Auth.js (next-auth, @auth/core, jose)",
    /node_modules\/(next-auth|@auth\/core|jose|@panva|oauth4webapi|preact-render-to-string|cookie)\//,
  ],
  ["logging (pino, src/lib/log)", /node_modules\/pino|src\/lib\/log\//],
  ["database (PGlite, pg, drizzle, src/lib/db)", /pglite|node_modules\/(pg|pg-protocol|drizzle-orm|@neondatabase)\/|src\/lib\/db\/|^wasm:/],
  ["our pages and components (src/)", /(^|\/)src\/(app|components|lib)\//],
  ["React rendering (react, react-dom, react-server-dom)", /react-dom|react-server-dom|\/react\/|\/react\.|\/scheduler\//],
  ["Next proxy adapter (server/web)", /next\/(dist\/(esm\/)?)?(src\/)?server\/web\//],
  [
    "Next app render (app-render, metadata)",
    /next\/(dist\/(esm\/)?)?(src\/)?(server\/app-render|lib\/metadata|server\/route-modules\/app-page|client\/components)/,
  ],
  ["Next server (routing, base-server, send)", /node_modules\/next\//],
  ["other libraries (node_modules)", /node_modules\//],
  ["Node: HTTP, streams, async hooks", /^node:/],
  ["(program): native, not attributed", /^\(program\)$/],
  ["native code called from JavaScript (microtasks, string writes)", /^\(native\)$/],
];

const consumers = new Map<string, SourceMapConsumer | null>();
function consumerFor(url: string): SourceMapConsumer | null {
  if (!consumers.has(url)) {
    let consumer: SourceMapConsumer | null = null;
    try {
      const jsPath = url.startsWith("file://") ? fileURLToPath(url) : url;
      const mapPath = `${jsPath}.map`;
      if (fs.existsSync(mapPath)) {
        const raw = JSON.parse(fs.readFileSync(mapPath, "utf8"));
        consumer = new SourceMapConsumer(raw);
        (consumer as unknown as { jsDir: string }).jsDir = path.dirname(jsPath);
      }
    } catch {
      consumer = null;
    }
    consumers.set(url, consumer);
  }
  return consumers.get(url)!;
}

/** The original source and function name of a frame, as far as the source maps tell. */
function original(frame: CallFrame): { source: string; name: string } {
  const name = frame.functionName || "(anonymous)";
  if (!frame.url) return { source: name.startsWith("(") ? name : "(native)", name };
  const consumer = consumerFor(frame.url);
  if (consumer) {
    const pos = consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    if (pos.source) {
      let source = decodeURIComponent(pos.source)
        .replace(/^(\.\.\/)+|^\[project\]\//, "")
        .replace(/\/__nextjs-internal-proxy.*$/, "");
      // Next's compiled runtimes map to its own sources (webpack://next/…, src/server/…): name them as Next's.
      if (frame.url.includes("node_modules/next/") && !source.startsWith("node_modules/")) {
        source = `node_modules/next/${source.replace(/^webpack:\/\/next\//, "")}`;
      }
      return { source, name: pos.name ?? name };
    }
  }
  return { source: frame.url.replace(/^file:\/\/.*?\/(node_modules|\.next)\//, "$1/"), name };
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const info = new Map<number, { source: string; name: string; part: string }>();
for (const node of profile.nodes) {
  const o = original(node.callFrame);
  const part = parts.find(([, test]) => test.test(o.source))?.[0] ?? "other";
  info.set(node.id, { ...o, part });
}

let time = 0;
let counted = 0;
const self = new Map<string, number>();
const total = new Map<string, number>();
const functions = new Map<string, number>();
for (let i = 0; i < profile.samples.length; i++) {
  time += profile.timeDeltas[i] ?? 0;
  if (time < fromUs || time > toUs) continue;
  const id = profile.samples[i]!;
  const leaf = info.get(id)!;
  if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
  counted++;
  self.set(leaf.part, (self.get(leaf.part) ?? 0) + 1);
  const fn = `${leaf.name}  ${leaf.source}`;
  functions.set(fn, (functions.get(fn) ?? 0) + 1);
  const onStack = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) onStack.add(info.get(at)!.part);
  for (const part of onStack) total.set(part, (total.get(part) ?? 0) + 1);
}

const pct = (n: number) => `${((n / counted) * 100).toFixed(1).padStart(5)} %`;
console.log(`${counted} non-idle samples between ${fromUs / 1e6} s and ${toUs === Infinity ? "the end" : `${toUs / 1e6} s`}\n`);
console.log(`${"self".padStart(7)}  ${"total".padStart(7)}  part`);
for (const [part, n] of [...self].sort((a, b) => b[1] - a[1])) console.log(`${pct(n)}  ${pct(total.get(part) ?? 0)}  ${part}`);
for (const [part, n] of total) if (!self.has(part)) console.log(`${pct(0)}  ${pct(n)}  ${part}`);
console.log(`\nfunctions by self time:`);
for (const [fn, n] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(n)}  ${fn}`);
