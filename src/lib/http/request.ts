import "server-only";
import { env } from "@/env";

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
