import "server-only";
import { env } from "@/env";
import { AppError } from "./errors";

/**
 * The client's address for rate limits: the first X-Forwarded-For entry (set by Next.js itself, or by the load balancer
 * in front of it), else X-Real-IP. A client can forge the header, which is why every limit is also kept per e-mail.
 */
export function clientIp(request: Request | { headers: Headers }): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
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
