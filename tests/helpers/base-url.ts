/** The app under test, started by tests/run-with-server.ts. */
export function baseUrl(): string {
  const url = process.env.TEST_BASE_URL;
  if (!url) throw new Error("TEST_BASE_URL is not set: run these tests with `npm run test:api` or `npm run test:e2e`.");
  return url;
}
