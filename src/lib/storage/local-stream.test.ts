import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { callStorageRoute } from "../../../tests/helpers/storage-routes";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { insertOpenUpload } from "../../../tests/helpers/upload-fixtures";

withTestDatabase();
const storage = withTestStorage();
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

/** `size` bytes in 1 MiB chunks, each filled with its own byte so that a lost or reordered chunk changes the md5. */
function generated(size: number) {
  const hash = createHash("md5");
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = Buffer.alloc(Math.min(MiB, size - sent), (sent / MiB) % 251);
      hash.update(chunk);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, md5: () => hash.digest("hex") };
}

describe("local storage: a large upload", () => {
  // No database involved: CI runs it in the PGlite pass only, not again on each server driver.
  it.runIf(!env.TEST_DATABASE_URL)("streams 1 GiB through the PUT handler to disk with flat memory", { timeout: 300_000 }, async () => {
    // The object route takes a PUT only to an open upload's staging key.
    const key = (await insertOpenUpload({ fileName: "big.mp4" })).stagingKey!;
    const signed = await storage.driver.signPut(key, { contentType: "video/mp4", size: GiB, expiresInSeconds: 600 });
    const { body, md5 } = generated(GiB);

    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = Date.now();
    const response = await callStorageRoute(signed.url, {
      method: "PUT",
      headers: { ...signed.headers, "Content-Length": String(GiB) },
      body,
      duplex: "half",
    });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(`"${md5()}"`);
    expect(await storage.driver.head(key)).toEqual({ size: GiB });
    const growthMiB = (peak - before) / MiB;
    console.log(`[storage] 1 GiB PUT in ${((Date.now() - started) / 1000).toFixed(1)} s, RSS growth ${growthMiB.toFixed(1)} MiB`);
    expect(growthMiB).toBeLessThan(100);
  });
});
