import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { LRUCache } from "lru-cache";
import { log } from "@/lib/log/logger";

/**
 * What a visitor without a session sees on the public pages (home, the unfiltered catalog, a course's overview, about)
 * does not depend on who asks, so src/proxy.ts answers it from this cache instead of rendering it per request. Why here
 * and not in Next's own cache (ISR, cache components): docs/performance.md, "Public pages from a cache".
 *
 * A page is rendered by an ordinary request of this server to itself, carrying a render key that never leaves this
 * process and a fresh nonce: the proxy gives that render a CSP with that nonce, so Next puts it on each inline script it
 * writes. The cached copy is then served with a CSP that allows exactly the inline scripts that carried the nonce, by
 * their SHA-256 hashes, and no nonce. An inline script that came into the page any other way (stored markup, or
 * inserted on the wire) has no hash in the policy and the browser refuses it.
 *
 * Freshness: an entry lives PUBLIC_PAGE_TTL_MS from the moment its render started; the data a render reads may itself be
 * up to CATALOG_TTL_MS (1 s) old on another instance, so every instance shows a change within 1.5 s plus one render,
 * inside the 2 s of tests/scale/cache-bounds.test.ts. The instance that made a catalog change drops its pages at once
 * (publicPagesChanged, called by catalogChanged).
 */
export const PUBLIC_PAGE_TTL_MS = 500;

/** A render that takes longer is given up, and the request is rendered as usual. */
const RENDER_TIMEOUT_MS = 15_000;

/** The header of a render request: `key.nonce`. */
export const RENDER_HEADER = "x-budhhub-public-render";

/** `body`: the page as UTF-8, encoded once. */
export type CachedPage = { html: string; body: Uint8Array<ArrayBuffer>; scriptHashes: string[] };

// The proxy and the pages are separate bundles in one process: the key and the cache live on globalThis, so that
// catalogChanged (called by route handlers) clears the cache the proxy reads.
const shared = globalThis as unknown as {
  __budhhubRenderKey?: string;
  __budhhubPublicPages?: LRUCache<string, CachedPage>;
};
const renderKey = () => (shared.__budhhubRenderKey ??= randomBytes(32).toString("base64url"));

const COURSE_PAGE = /^\/courses\/[A-Za-z0-9-]{1,200}$/;

/** Whether a request may be answered from the cache: a visitor's plain page load of a public page. */
export function isCacheablePageRequest(request: {
  method: string;
  pathname: string;
  search: string;
  headers: Headers;
  signedIn: boolean;
}): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.signedIn || request.search !== "") return false;
  // Only a request for a document: Next's client navigations and prefetches ask the same address for the page's RSC
  // payload, and Next strips their RSC headers and _rsc parameter before the proxy sees them; but they never accept
  // text/html, which every browser's page load does (if one ever did, the client router would load the page in full).
  if (!request.headers.get("accept")?.includes("text/html")) return false;
  if (request.headers.has("next-action") || request.headers.has(RENDER_HEADER)) return false;
  const path = request.pathname;
  return path === "/" || path === "/about" || path === "/courses" || COURSE_PAGE.test(path);
}

/** The nonce of a genuine render request (made by renderPage below), or null. */
export function renderNonceOf(headerValue: string | null): string | null {
  if (!headerValue) return null;
  const dot = headerValue.indexOf(".");
  const given = Buffer.from(headerValue.slice(0, dot));
  const expected = Buffer.from(renderKey());
  if (dot < 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return headerValue.slice(dot + 1) || null;
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * The hashes of the inline scripts that carry `nonce` (Next's own), and the page without that nonce. React escapes
 * `<` inside the data it inlines, so a script's text never holds `</script>`.
 */
export function hashNoncedScripts(html: string, nonce: string): CachedPage {
  const nonceAttribute = ` nonce="${nonce}"`;
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(INLINE_SCRIPT)) {
    if (!attributes!.includes(nonceAttribute) || /\ssrc=/i.test(attributes!)) continue;
    hashes.add(`sha256-${createHash("sha256").update(text!, "utf8").digest("base64")}`);
  }
  const page = html.split(nonceAttribute).join("");
  return { html: page, body: new TextEncoder().encode(page), scriptHashes: [...hashes] };
}

/**
 * The server's own address, which `next start` (and `next dev`) record at start-up. Where it is missing the pages may
 * not run in this process at all (a platform such as Vercel runs the proxy apart from them), so nothing is cached.
 */
// eslint-disable-next-line no-restricted-properties -- set by Next at start-up (the port it listens on), not our configuration
const ownOrigin = () => process.env.__NEXT_PRIVATE_ORIGIN;

/** On under `next start` only: not in development, where a page must show the code just saved. */
export const publicPageCacheEnabled = (production: boolean) => production && Boolean(ownOrigin());

async function renderPage(path: string): Promise<CachedPage | undefined> {
  const nonce = randomBytes(16).toString("base64");
  const response = await fetch(new URL(path, ownOrigin()!), {
    headers: { [RENDER_HEADER]: `${renderKey()}.${nonce}`, accept: "text/html" },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
  });
  // Anything but a page (not found, unavailable, a redirect) is not cached: the request is rendered as usual.
  if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("text/html")) {
    void response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  return hashNoncedScripts(await response.text(), nonce);
}

const pages = (shared.__budhhubPublicPages ??= new LRUCache<string, CachedPage>({
  max: 500,
  ttl: PUBLIC_PAGE_TTL_MS,
  // Concurrent misses of one page share one render.
  fetchMethod: async (path, _stale, { options }) => {
    const started = performance.now();
    const page = await renderPage(path);
    // The entry's clock starts when its render started, not when it ended.
    options.ttl = Math.max(1, PUBLIC_PAGE_TTL_MS - (performance.now() - started));
    return page;
  },
}));

/**
 * The cached page, rendered now if it is not cached; undefined when the page is not a plain 200 page, or when the render
 * request failed (the server is closing its listener, say): the request is then rendered as usual.
 */
export async function publicPage(path: string): Promise<CachedPage | undefined> {
  try {
    return await pages.fetch(path);
  } catch (error) {
    log("HTTP").warn(
      { path, error: error instanceof Error ? error.message : String(error) },
      "could not render a public page for the cache",
    );
    return undefined;
  }
}

/** Called after any write that changes what the public pages show. */
export function publicPagesChanged() {
  shared.__budhhubPublicPages?.clear();
}
