import "server-only";
import pino from "pino";
import { env } from "@/env";

/**
 * One structured logger. `scope` carries the reference design's prefixes (UPLOAD:VIDEO, MIDDLEWARE, DB, …) and
 * `requestId` ties a line to the request that caused it; a 500 answer shows the same id to the user.
 */
export type LogScope =
  | "APP"
  | "DB"
  | "SEED"
  | "HEALTH"
  | "HTTP"
  | "MIDDLEWARE"
  | "AUTH"
  | "MAIL"
  | "UPLOAD:VIDEO"
  | "UPLOAD:MATERIAL"
  | "UPLOAD:THUMBNAIL"
  | "DELETE:VIDEO"
  | "STORAGE";

export const logger = pino({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "budhhub" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"], censor: "[redacted]" },
});

export function log(scope: LogScope, requestId?: string) {
  return logger.child(requestId ? { scope, requestId } : { scope });
}
