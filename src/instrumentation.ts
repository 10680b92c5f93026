/** Next.js calls register() once when a server process starts, before it answers requests. */
export async function register() {
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
