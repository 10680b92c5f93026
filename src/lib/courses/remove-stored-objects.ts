import "server-only";
import { log } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage";

/**
 * Deletes objects whose rows are already gone (called after the transaction commits, so a failed transaction never
 * loses a file). A storage failure here is logged; the upload sweeper removes what is left behind.
 */
export async function removeStoredObjects({ keys = [], prefixes = [] }: { keys?: string[]; prefixes?: string[] }) {
  const storage = getStorage();
  const results = await Promise.allSettled([
    ...keys.map((key) => storage.delete(key)),
    ...prefixes.map((prefix) => storage.deletePrefix(prefix)),
  ]);
  for (const result of results) {
    if (result.status === "rejected") log("STORAGE").error({ err: result.reason, keys, prefixes }, "could not delete stored objects");
  }
}
