import type { NextRequest } from "next/server";
import { env } from "@/env";
import { authHandlers, onAppOrigin } from "@/lib/auth/auth";

/**
 * Auth.js: magic-link sign-in and its callback, sign-out, session and CSRF token (its own CSRF check applies).
 *
 * Auth.js builds its redirects and checks callback URLs against the request's own URL, which behind Next or a proxy is
 * not the public address. Its routes therefore see the request on APP_URL's origin.
 */
function onAppUrl(request: NextRequest): NextRequest {
  const app = new URL(env.appUrl);
  const headers = new Headers(request.headers);
  // Auth.js also reads its address from these headers (server-side sign-in does).
  headers.set("host", app.host);
  headers.set("x-forwarded-host", app.host);
  headers.set("x-forwarded-proto", app.protocol.replace(":", ""));
  // A plain Request: NextRequest would turn 127.0.0.1 into localhost. Auth.js's handlers only use the Request API.
  const init: RequestInit & { duplex: "half" } = { method: request.method, headers, body: request.body, duplex: "half" };
  return new Request(onAppOrigin(request.url), init) as NextRequest;
}

export const GET = (request: NextRequest) => authHandlers.GET(onAppUrl(request));
export const POST = (request: NextRequest) => authHandlers.POST(onAppUrl(request));
