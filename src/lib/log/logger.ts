import "server-only";
import pino from "pino";
import { env } from "@/env";
import { redactText, redactValue } from "./redact";

/**
 * One structured logger. `scope` carries the reference design's prefixes (UPLOAD:VIDEO, MIDDLEWARE, DB, …) and
 * `requestId` ties a line to the request that caused it; a 500 answer shows the same id to the user. No secret is ever
 * written: every message, field and error passes through ./redact.ts first.
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
  | "UPLOAD:SUBMISSION"
  | "DELETE:VIDEO"
  | "STORAGE"
  | "CERTIFICATES"
  | "JOBS";

export const logOptions: pino.LoggerOptions = {
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "budhhub" },
  timestamp: pino.stdTimeFunctions.isoTime,
  serializers: { err: (error: Error) => redactValue(pino.stdSerializers.err(error)) as pino.SerializedError },
  formatters: { log: (object) => redactValue(object) as Record<string, unknown> },
  hooks: {
    logMethod(args, method) {
      // logger.error(error) would make the error's own message the line's message, past the err serializer.
      const [first, ...rest] = args as unknown[];
      const normalised = first instanceof Error ? [{ err: first }, ...(rest.length > 0 ? rest : [first.message])] : args;
      method.apply(this, normalised.map((arg) => (typeof arg === "string" ? redactText(arg) : arg)) as Parameters<typeof method>);
    },
  },
};

export const logger = pino(logOptions);

export function log(scope: LogScope, requestId?: string) {
  return logger.child(requestId ? { scope, requestId } : { scope });
}
