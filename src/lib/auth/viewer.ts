import type { UserRole } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";

/**
 * The acting user: whoever a request, a page, a script or a job acts as. It is resolved once, at the edge (the route
 * wrapper and the page helper in src/app/_http, from the session), and passed to lib functions as their first argument;
 * nothing under src/lib reads the request to find it. Null is a visitor who is not signed in.
 */
export type Viewer = {
  id: string;
  name: string | null;
  email: string;
  role: UserRole;
  onboarded: boolean;
  /** The address was proved by a mailed link (or a magic link): until then no admin role, no publishing, no address change. */
  emailVerified: boolean;
  /** The signed-in device the request came through (user_sessions.id); none for a script or a job. */
  sessionId?: string;
};

/** 401 without a signed-in user. */
export function requireSignedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  return viewer;
}

/** 401 without a signed-in user, 403 with another role. */
export function requireRoleOf(viewer: Viewer | null, ...roles: UserRole[]): Viewer {
  const signedIn = requireSignedIn(viewer);
  if (!roles.includes(signedIn.role)) throw new AppError("FORBIDDEN", "You do not have access to this.");
  return signedIn;
}
