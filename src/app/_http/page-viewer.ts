import "server-only";
import { notFound, redirect } from "next/navigation";
import { requestViewer } from "./request-viewer";
import { withReturnTo } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/viewer";
import type { UserRole } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";

/** Pages find their acting user here, and nowhere else; then they pass it to the lib functions they call. */

/** The signed-in user, or null for a visitor. */
export const pageViewer = requestViewer;

/** Signed-out visitors go to sign-in, and users who have not finished onboarding go there first; both then come back. */
export async function requirePageUser(returnTo: string, { allowNotOnboarded = false } = {}): Promise<Viewer> {
  const viewer = await requestViewer();
  if (!viewer) redirect(withReturnTo("/signin", returnTo));
  if (!viewer.onboarded && !allowNotOnboarded) redirect(withReturnTo("/onboarding", returnTo));
  return viewer;
}

/** As requirePageUser, and a page outside the user's role sends them to their dashboard, which says so. */
export async function requirePageRole(returnTo: string, ...roles: UserRole[]): Promise<Viewer> {
  const viewer = await requirePageUser(returnTo);
  if (!roles.includes(viewer.role)) redirect(`/dashboard?denied=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** Data a user may not see renders the not-found page (as the API answers 404 or 403); anything else goes to the error boundary. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (AppError.is(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
