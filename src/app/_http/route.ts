import { after } from "next/server";
import { z } from "zod";
import { requestViewer } from "./request-viewer";
import { requireRoleOf, requireSignedIn, type Viewer } from "@/lib/auth/viewer";
import type { UserRole } from "@/lib/db/schema";
import { errorResponse, fieldErrors, parseJson, parseParams, parseQuery, REQUEST_ID_HEADER } from "@/lib/http/handler";
import { AppError } from "@/lib/http/errors";
import { noteDatabaseOutage } from "@/lib/http/database-outage";
import { databaseUnavailable, isDatabaseUnavailable, isStorageUnavailable, storageUnavailable } from "@/lib/http/service-unavailable";
import { env } from "@/env";
import { collectDeferred, runDeferred } from "@/lib/jobs/defer";
import { log } from "@/lib/log/logger";

/**
 * Who may call a route: "public" (anyone, and the route does not care who: the session is not read, which saves a
 * database read per request on the catalog and on every Range request of a video), "anyone" (the handler gets the
 * signed-in user or null), "user" (401 signed out), or users of the given roles (401 signed out, 403 with another role).
 */
type Access = "public" | "anyone" | "user" | readonly UserRole[];
type ViewerFor<A extends Access> = A extends "public" ? null : A extends "anyone" ? Viewer | null : Viewer;

type Options<A extends Access, P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> = {
  access: A;
  /** Route params; a malformed one is a 404, as if it did not exist. */
  params?: P;
  /** The query string; a bad value is a 400 naming it. */
  query?: Q;
  /** A JSON body; not JSON is a 415, bad fields a 400 naming them, past 2 MiB a 413. */
  body?: B;
  /**
   * Refuse cross-site browser requests (403): on by default for every method but GET and HEAD. Off only for URLs that
   * carry their own authority, such as signed storage URLs.
   */
  sameOrigin?: boolean;
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteContext<A extends Access, P, Q, B> = {
  request: Request;
  viewer: ViewerFor<A>;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

/**
 * CSRF defence for the JSON routes: a state-changing request from a browser carries Origin, and it must be this app.
 * Requests without Origin come from non-browser clients (curl, the API tests), which cannot ride on a user's cookies.
 */
function refuseCrossSite(request: Request): void {
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

/**
 * Every API route handler goes through here. In order: the same-origin check for writes (403), the params (404), the
 * query and body (400, 413, 415), who may call (401, 403); then the handler, whose lib calls answer 404 and 403 for
 * what the user may not see or do. AppErrors become their status in the one error shape; anything else is logged with
 * the request id and answered 500 "Something went wrong" with that id and nothing internal, except a database or bucket
 * that cannot be reached, which is a 503 with Retry-After. Work the handler defers
 * (src/lib/jobs/defer.ts) runs once the response has gone.
 */
export function route<
  A extends Access,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(options: Options<A, P, Q, B>, handler: (context: RouteContext<A, P, Q, B>) => Promise<Response>) {
  return async (request: Request, context: NextContext): Promise<Response> => {
    const requestId = request.headers.get(REQUEST_ID_HEADER) ?? undefined;
    try {
      const writes = request.method !== "GET" && request.method !== "HEAD";
      if (options.sameOrigin ?? writes) refuseCrossSite(request);
      const params = (options.params ? parseParams(await context.params, options.params) : undefined) as Parsed<P>;
      const query = (options.query ? parseQuery(request, options.query) : undefined) as Parsed<Q>;
      const body = (options.body ? await parseJson(request, options.body) : undefined) as Parsed<B>;
      const viewer = options.access === "public" ? null : await requestViewer();
      const allowed = (
        options.access === "public" || options.access === "anyone"
          ? viewer
          : options.access === "user"
            ? requireSignedIn(viewer)
            : requireRoleOf(viewer, ...(options.access as readonly UserRole[]))
      ) as ViewerFor<A>;
      const { result, deferred } = await collectDeferred(() => handler({ request, viewer: allowed, params, query, body }));
      if (deferred.length > 0) {
        try {
          after(() => runDeferred(deferred));
        } catch {
          // Called outside Next.js's request scope (a test calling the handler): run it now.
          await runDeferred(deferred);
        }
      }
      return result;
    } catch (error) {
      if (AppError.is(error)) return errorResponse(error, requestId);
      if (error instanceof z.ZodError) {
        return errorResponse(new AppError("VALIDATION_FAILED", "Some fields are not valid.", { fields: fieldErrors(error) }));
      }
      if (isStorageUnavailable(error)) {
        log("HTTP", requestId).warn({ err: error, method: request.method, url: request.url }, "storage unavailable: answered 503");
        return errorResponse(storageUnavailable(), requestId);
      }
      if (isDatabaseUnavailable(error)) {
        noteDatabaseOutage();
        // Nothing was committed (a cut connection rolls its transaction back): the client may send it again later.
        log("HTTP", requestId).warn({ err: error, method: request.method, url: request.url }, "database unavailable: answered 503");
        return errorResponse(databaseUnavailable(), requestId);
      }
      log("HTTP", requestId).error({ err: error, method: request.method, url: request.url }, "unhandled error");
      return errorResponse(new AppError("INTERNAL", "Something went wrong. Please try again."), requestId ?? "unknown");
    }
  };
}
