import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { UserRole } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { auth } from "./auth";

export type Viewer = { id: string; name: string | null; email: string; role: UserRole; onboarded: boolean; emailVerified: boolean };

/** The signed-in user of this request, fresh from the database (see the jwt callback), or null. Once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return {
    id: user.id,
    name: user.name ?? null,
    email: user.email,
    role: user.role,
    onboarded: user.onboarded,
    emailVerified: user.verified,
  };
});

/** For route handlers and lib functions: 401 without a session. */
export async function requireUser(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  return viewer;
}

/** For route handlers and lib functions: 401 without a session, 403 with the wrong role. */
export async function requireRole(...roles: UserRole[]): Promise<Viewer> {
  const viewer = await requireUser();
  if (!roles.includes(viewer.role)) throw new AppError("FORBIDDEN", "You do not have access to this.");
  return viewer;
}

/** For pages: signed-out visitors go to sign-in and come back; users who have not finished onboarding go there first. */
export async function requirePageUser(returnTo: string, { allowNotOnboarded = false } = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!viewer.onboarded && !allowNotOnboarded) redirect("/onboarding");
  return viewer;
}

/** For pages: as requirePageUser, and a page outside the user's role is not found. */
export async function requirePageRole(returnTo: string, ...roles: UserRole[]): Promise<Viewer> {
  const viewer = await requirePageUser(returnTo);
  if (!roles.includes(viewer.role)) redirect(`/dashboard?denied=${encodeURIComponent(returnTo)}`);
  return viewer;
}
