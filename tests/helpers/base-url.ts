/** The app under test, started by tests/run-with-server.ts. */
export function baseUrl(): string {
  const url = process.env.TEST_BASE_URL;
  if (!url) throw new Error("TEST_BASE_URL is not set: run these tests with `npm run test:api` or `npm run test:e2e`.");
  return url;
}

/** The data folder of the app under test (its mail outbox is DATA_DIR/mail), set by tests/run-with-server.ts. */
export function testDataDir(): string {
  const dir = process.env.TEST_DATA_DIR;
  if (!dir) throw new Error("TEST_DATA_DIR is not set: run these tests with `npm run test:api`.");
  return dir;
}
