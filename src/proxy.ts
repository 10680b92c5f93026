import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/env";
import { contentSecurityPolicy } from "@/lib/security/headers";

/**
 * The route guard (Next 16's name for middleware; it must sit in src/ beside app/ to run in dev and production alike).
 * It gives every request an id and every page a nonce-based CSP. It is a fast optimistic layer: every handler and lib
 * function checks permissions again.
 */

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

const storageOrigins = [env.S3_PUBLIC_URL, env.STORAGE_DRIVER === "s3" ? env.S3_ENDPOINT : undefined].flatMap((url) => {
  try {
    return url ? [new URL(url).origin] : [];
  } catch {
    return [];
  }
});

export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === "development",
    extraOrigins: storageOrigins,
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // Not the storage routes: Next buffers the body of every request the proxy sees and cuts it at 10 MB
  // (proxyClientMaxBodySize), which would break uploads; they check their own signatures and set their own CSP.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/storage/).*)" }],
};
