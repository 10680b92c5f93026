import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { currentViewer } from "@/lib/auth/current-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { hasSessionCookie, openViewer, VIEWER_HEADER } from "@/lib/auth/viewer-handoff";

/**
 * The acting user of the request, for the page helper and the route wrapper: currentViewer (Auth.js, the user reloaded
 * from the database), with two shortcuts that give the same answer. A request without a session cookie is a visitor,
 * so Auth.js does not run at all (most requests of public pages; it was about a tenth of the CPU time of /about under
 * load). On a guarded page the proxy has already read the session in this same request and handed the viewer over
 * (src/lib/auth/viewer-handoff.ts), which saves the second read of the session and its query.
 */
export const requestViewer = cache(async (): Promise<Viewer | null> => {
  const requestHeaders = await headers();
  if (!hasSessionCookie(requestHeaders.get("cookie"))) return null;
  return openViewer(requestHeaders.get(VIEWER_HEADER)) ?? (await currentViewer());
});
