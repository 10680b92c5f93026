/** Next.js calls register() once when a server process starts, before it answers requests. */
export async function register() {
  // Next inlines NEXT_RUNTIME at build time; the check keeps Node-only code out of the edge bundle it also compiles.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installRequestGuards } = await import("./lib/http/incoming-request");
    installRequestGuards();
    // Before startServer(): Next's SIGTERM handler is set by now, and is held back while the instance drains.
    const { installShutdownDrain } = await import("./lib/http/shutdown-drain");
    installShutdownDrain();
    const { startServer } = await import("./lib/server-start");
    await startServer();
  }
}

/**
 * Next.js calls onRequestError() when a page or layout fails to render. A failure to reach the database marks it down,
 * so that the route guard answers the next public pages 503 instead of Next's error page (src/lib/http/database-outage.ts).
 */
export async function onRequestError(error: unknown) {
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isDatabaseUnavailable } = await import("./lib/http/service-unavailable");
  if (!isDatabaseUnavailable(error)) return;
  const { noteDatabaseOutage } = await import("./lib/http/database-outage");
  noteDatabaseOutage();
}
