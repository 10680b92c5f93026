import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage";

export type PartStatus = "ok" | "error";
export type Health = { status: PartStatus; db: PartStatus; storage: PartStatus };

const TIMEOUT_MS = 3000;

async function probe(name: string, check: () => Promise<unknown>): Promise<PartStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${name} timed out`)), TIMEOUT_MS))),
    ]);
    return "ok";
  } catch (error) {
    log("HEALTH").warn({ err: error, part: name }, "health check failed");
    return "error";
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<Health> {
  const [dbStatus, storageStatus] = await Promise.all([
    probe("db", () => db.execute(sql`select 1`)),
    probe("storage", () => getStorage().check()),
  ]);
  return { status: dbStatus === "ok" && storageStatus === "ok" ? "ok" : "error", db: dbStatus, storage: storageStatus };
}
