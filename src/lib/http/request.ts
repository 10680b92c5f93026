import "server-only";
import { env } from "@/env";
import { AppError } from "./errors";

/**
 * The client's address for rate limits. X-Forwarded-For is a list that each proxy appends the address it saw to, and
 * this process appends the address of the connection itself (src/lib/http/incoming-request.ts). Whatever a client writes
 * in the header stays on the left, so the address is read from the right: TRUSTED_PROXY_HOPS entries past the last.
 */
export function clientIp(request: Request | { headers: Headers }, hops = env.TRUSTED_PROXY_HOPS): string {
  const entries = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - 1 - hops)] ?? "unknown";
}

/**
 * CSRF defence for our JSON routes: a state-changing request from a browser carries Origin, and it must be this app.
 * Requests without Origin come from non-browser clients (curl, the API tests), which cannot ride on a user's cookies.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== host && origin !== new URL(env.appUrl).origin) {
    throw new AppError("FORBIDDEN", "Cross-site requests are not allowed.");
  }
}
