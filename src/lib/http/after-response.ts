import "server-only";
import { after } from "next/server";
import { log } from "@/lib/log/logger";

/**
 * Runs work once the response has gone, so that its time (sending mail) neither slows the answer nor tells anything by
 * how long the answer took. Outside a request (tests, scripts) there is no "after": it runs now.
 */
export async function runAfterResponse(what: string, work: () => Promise<void>): Promise<void> {
  const guarded = () => work().catch((error: unknown) => log("APP").error({ err: error }, `${what} failed`));
  try {
    after(guarded);
  } catch {
    await work();
  }
}
