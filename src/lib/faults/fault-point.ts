import "server-only";
import { env, type Env } from "@/env";

/**
 * The steps where the fault tests (tests/faults) kill the server with SIGKILL, as a power cut or the OOM killer would:
 * set FAULT_INJECTION to one of them. src/env.ts refuses it unless APP_URL is a loopback address, so that no deployed
 * server can be told to kill itself.
 */
export type FaultPoint = NonNullable<Env["FAULT_INJECTION"]>;

export function faultPoint(point: FaultPoint): void {
  if (env.FAULT_INJECTION === point) process.kill(process.pid, "SIGKILL");
}
