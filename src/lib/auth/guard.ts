import type { UserRole } from "@/lib/db/schema";
import { guardedAreas } from "./auth.config";

export type GuardUser = { role: UserRole; onboarded: boolean } | null | undefined;

/** The guarded area a path belongs to, if any. */
export function guardedAreaOf(pathname: string) {
  return guardedAreas.find((area) => pathname === area.prefix || pathname.startsWith(`${area.prefix}/`));
}

/** `path` with where the user was going (a path on this site) in its callbackUrl, to go on there afterwards. */
export function withReturnTo(path: "/signin" | "/onboarding", returnTo: string): string {
  return `${path}?callbackUrl=${encodeURIComponent(returnTo)}`;
}

/**
 * Where the route guard sends a request for a guarded page, or null to let it through: signed-out visitors to sign-in
 * and users who have not onboarded to onboarding, both with the page as the return URL; users without the area's
 * role to their dashboard.
 */
export function guardRedirect(url: URL, user: GuardUser): string | null {
  const area = guardedAreaOf(url.pathname);
  if (!area) return null;
  if (!user) return withReturnTo("/signin", url.pathname + url.search);
  if (!user.onboarded && area.prefix !== "/onboarding") return withReturnTo("/onboarding", url.pathname + url.search);
  if (area.roles && !area.roles.includes(user.role)) return `/dashboard?denied=${encodeURIComponent(url.pathname)}`;
  return null;
}
