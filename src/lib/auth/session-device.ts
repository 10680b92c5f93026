import "server-only";
import { clientIp } from "@/lib/http/request";
import type { SessionDevice } from "@/lib/users/user-sessions";

/**
 * The device a sign-in comes from, as its request's headers tell: the User-Agent, and the client's address (read as the
 * rate limits read it, TRUSTED_PROXY_HOPS from the right). Only the sign-in edges call this: the JSON routes and Auth.js's
 * own handlers.
 */
export function sessionDevice(request: { headers: Headers }): SessionDevice {
  const ip = clientIp(request);
  return { userAgent: request.headers.get("user-agent"), ip: ip === "unknown" ? null : ip };
}
