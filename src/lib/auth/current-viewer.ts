import "server-only";
import { cache } from "react";
import { databaseUnavailable } from "@/lib/http/service-unavailable";
import { auth } from "./auth";
import type { Viewer } from "./viewer";

/**
 * The signed-in user of the request being answered, fresh from the database (Auth.js's jwt callback reloads the user
 * and checks the session's row), with the session it came through, or null; read once per request. A database that cannot be reached is a 503 (AppError), not a signed-out visitor. Only the edge calls
 * this: the route wrapper and the page helper (src/app/_http).
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  if (session?.databaseUnavailable) throw databaseUnavailable();
  const user = session?.user;
  if (!session || !user?.id || !user.email) return null;
  return {
    id: user.id,
    name: user.name ?? null,
    email: user.email,
    role: user.role,
    onboarded: user.onboarded,
    emailVerified: user.verified,
    sessionId: session.sessionId,
  };
});
