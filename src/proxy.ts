import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/env";
import { auth } from "@/lib/auth/auth";
import { guardedAreaOf, guardRedirect } from "@/lib/auth/guard";
import { hasSessionCookie, sealViewer, VIEWER_HEADER, viewerOfSession } from "@/lib/auth/viewer-handoff";
import { databaseIsDown } from "@/lib/http/database-outage";
import { databaseUnavailablePage } from "@/lib/http/service-unavailable";
import { contentSecurityPolicy } from "@/lib/security/headers";
import {
  type CachedPage,
  isCacheablePageRequest,
  publicPage,
  publicPageCacheEnabled,
  RENDER_HEADER,
  renderNonceOf,
} from "@/lib/http/public-page-cache";

/**
 * The route guard (Next 16's name for middleware; it must sit in src/ beside app/ to run in dev and production alike).
 * It gives every request an id and every page a nonce-based CSP, answers a visitor's public pages from the public page
 * cache (with a hash-based CSP), and sends visitors of guarded pages who may not see them elsewhere. It is a fast optimistic layer: every page, handler and lib function checks permissions again.
 */

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

const storageOrigins = [env.S3_PUBLIC_URL, env.STORAGE_DRIVER === "s3" ? env.S3_ENDPOINT : undefined].flatMap((url) => {
  try {
    return url ? [new URL(url).origin] : [];
  } catch {
    return [];
  }
});

/** `viewer`: the session the guard read, handed to the page (src/lib/auth/viewer-handoff.ts). */
const policy = (scripts: { nonce: string } | { scriptHashes: string[] }) =>
  contentSecurityPolicy({ ...scripts, development: env.NODE_ENV === "development", extraOrigins: storageOrigins });

function requestIdOf(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

function withRequestHeaders(request: NextRequest, viewer?: string) {
  const requestId = requestIdOf(request);
  // A render for the public page cache brings the nonce whose scripts the cache will hash.
  const nonce = renderNonceOf(request.headers.get(RENDER_HEADER)) ?? Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = policy({ nonce });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // Only the proxy speaks this header: a client's copy is dropped.
  requestHeaders.delete(VIEWER_HEADER);
  requestHeaders.delete(RENDER_HEADER);
  if (viewer) requestHeaders.set(VIEWER_HEADER, viewer);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestId);
  return response;
}

/**
 * Guarded pages read the session through Auth.js, whose jwt callback reloads the user, so a role given or taken away
 * by an admin counts on the very next page load (and the refreshed token is written back to the cookie).
 */
type Middleware = (request: NextRequest, context: unknown) => Promise<Response>;
// With a lazy config (ours, so that nothing is read at build time) Auth.js returns the wrapped middleware in a promise,
// whatever its types say.
const guarded: Promise<Middleware> = Promise.resolve(
  auth((request) => {
    // The session could not be checked: neither let the visitor in nor send them to sign in (src/lib/auth/auth.ts).
    if (request.auth?.databaseUnavailable) return databaseUnavailablePage(request.nextUrl.pathname + request.nextUrl.search);
    const target = guardRedirect(request.nextUrl, request.auth?.user);
    if (target) return NextResponse.redirect(new URL(target, request.nextUrl));
    const viewer = viewerOfSession(request.auth);
    return withRequestHeaders(request, viewer ? sealViewer(viewer) : undefined);
  }) as unknown as Middleware,
);

/** A visitor's public page from the cache, or null when the request is not one or the page is not a plain page. */
const cachedPagePolicies = new WeakMap<CachedPage, string>();

async function fromPublicPageCache(request: NextRequest): Promise<Response | null> {
  if (!publicPageCacheEnabled(env.NODE_ENV === "production")) return null;
  const { pathname, search } = request.nextUrl;
  const signedIn = hasSessionCookie(request.headers.get("cookie"));
  if (!isCacheablePageRequest({ method: request.method, pathname, search, headers: request.headers, signedIn })) return null;
  const page = await publicPage(pathname);
  if (!page) return null;
  let csp = cachedPagePolicies.get(page);
  if (!csp) cachedPagePolicies.set(page, (csp = policy({ scriptHashes: page.scriptHashes })));
  return new NextResponse(request.method === "HEAD" ? null : page.body, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": csp,
      // The same address shows a signed-in user their own page, and Next's router its RSC payload: never kept by a
      // shared cache.
      "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
      vary: "accept, cookie",
      "x-request-id": requestIdOf(request),
    },
  });
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (guardedAreaOf(pathname)) return (await guarded)(request, {});
  // A public page while this instance knows its database to be away (src/lib/http/database-outage.ts); the API routes
  // answer their own 503s.
  if (!pathname.startsWith("/api/") && (await databaseIsDown())) return databaseUnavailablePage(pathname + search);
  return (await fromPublicPageCache(request)) ?? withRequestHeaders(request);
}

export const config = {
  // Not the storage routes: Next buffers the body of every request the proxy sees and cuts it at 10 MB
  // (proxyClientMaxBodySize), which would break uploads; they check their own signatures and set their own CSP.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/storage/).*)" }],
};
