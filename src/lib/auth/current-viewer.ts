import "server-only";
import { cache } from "react";
import { databaseUnavailable } from "@/lib/http/service-unavailable";
import { auth } from "./auth";
import type { Viewer } from "./viewer";
import { viewerOfSession } from "./viewer-handoff";

/**
 * The signed-in user of the request being answered, fresh from the database (Auth.js's jwt callback reloads the user
 * and checks the session's row), with the session it came through, or null; read once per request. A database that
 * cannot be reached is a 503 (AppError), not a signed-out visitor. Only the edge calls this, through
 * src/app/_http/request-viewer.ts (which skips it for requests that carry no session cookie).
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  if (session?.databaseUnavailable) throw databaseUnavailable();
  return viewerOfSession(session);
});
