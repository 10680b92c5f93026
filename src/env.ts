import path from "node:path";
import { z } from "zod";

/**
 * The only module that reads process.env. Everything is validated once, at first import; a bad value stops start-up
 * with a message that names the variable. Defaults give the embedded set-up: PGlite, local disk storage, mail outbox.
 */

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const bytes = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .transform((v) => v ?? fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXT_RUNTIME: optionalString,
    NEXT_PHASE: optionalString,
    npm_lifecycle_event: optionalString,

    DATA_DIR: z.string().default(".data"),
    APP_URL: z.url().optional(),
    PORT: z.coerce.number().int().positive().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),

    DATABASE_URL: optionalString.pipe(z.url({ message: "DATABASE_URL must be a postgres:// URL" }).optional()),
    DATABASE_DRIVER: z.enum(["pglite", "pg", "neon"]).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
    NEON_WS_PROXY: optionalString,
    SEED_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
    TEST_DATABASE_URL: optionalString,
    TEST_DATABASE_DRIVER: z.enum(["pg", "neon"]).default("pg"),
    /** Logs every SQL statement at debug level (npm run bench counts them). */
    DB_LOG_QUERIES: flag,

    AUTH_SECRET: optionalString.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
    AUTH_TRUST_HOST: flag,
    /**
     * Proxies in front of the app that append to X-Forwarded-For: 0 (the default) uses the address of the connection
     * itself, 1 the address one proxy (nginx, a load balancer) saw, 2 for a CDN in front of that proxy.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0, "TRUSTED_PROXY_HOPS is 0 or more").max(10).default(0),
    ADMIN_EMAILS: optionalString,
    /**
     * Who becomes an instructor: request (the default: "I want to teach" files a request an admin approves), open (anyone
     * who asks, for a single teacher's site), closed (only an admin makes instructors).
     */
    INSTRUCTOR_SIGNUP: z.enum(["request", "open", "closed"]).default("request"),

    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    S3_ENDPOINT: optionalString,
    S3_REGION: z.string().default("auto"),
    S3_BUCKET: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: flag,
    S3_PUBLIC_URL: optionalString,

    SMTP_URL: optionalString,
    MAIL_FROM: z.string().default("BudhHub <no-reply@budhhub.test>"),
    /** The platform's name in every mail's subject, header and footer. */
    PLATFORM_NAME: z
      .string()
      .trim()
      .min(1)
      .max(60, "PLATFORM_NAME is at most 60 characters")
      .regex(/^[^\p{Cc}]*$/u, "PLATFORM_NAME may not hold control characters")
      .default("BudhHub"),

    /**
     * On SIGTERM, how long an instance goes on serving with /api/ready answering 503 before it closes its listener:
     * time for a balancer or orchestrator to stop sending it requests. Default: 5000 with a database server, 0 embedded.
     */
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0, "SHUTDOWN_DRAIN_MS is 0 or more").max(600_000).optional(),

    UPLOAD_MAX_VIDEO_BYTES: bytes(4 * 1024 ** 3),
    UPLOAD_MAX_MATERIAL_BYTES: bytes(200 * 1024 ** 2),
    UPLOAD_MAX_THUMBNAIL_BYTES: bytes(5 * 1024 ** 2),
    /** The fault tests' SIGKILL at a step (src/lib/faults/fault-point.ts); refused unless APP_URL is a loopback address. */
    FAULT_INJECTION: z.enum(["upload:before-claim", "upload:after-claim", "upload:before-delete-replaced"]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.STORAGE_DRIVER === "s3") {
      for (const key of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
        if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when STORAGE_DRIVER=s3` });
      }
    }
    if (v.FAULT_INJECTION && !(v.APP_URL && ["127.0.0.1", "localhost", "[::1]"].includes(new URL(v.APP_URL).hostname))) {
      ctx.addIssue({
        code: "custom",
        path: ["FAULT_INJECTION"],
        message: "FAULT_INJECTION kills the server on purpose, for the fault tests: it is refused unless APP_URL is a loopback address",
      });
    }
    if (v.DATABASE_DRIVER && v.DATABASE_DRIVER !== "pglite" && !v.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: `DATABASE_DRIVER=${v.DATABASE_DRIVER} needs a DATABASE_URL` });
    }
  });

export function parseEnv(source: Record<string, string | undefined>) {
  // An empty value means "not set", as in a copied .env.example.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example and the README.`);
  }
  const v = parsed.data;
  const root = process.cwd();
  const dataDir = path.resolve(/*turbopackIgnore: true*/ root, v.DATA_DIR);
  const databaseDriver =
    v.DATABASE_DRIVER ??
    (!v.DATABASE_URL ? "pglite" : /\.neon\.tech(?::\d+)?(\/|$)/.test(new URL(v.DATABASE_URL).host + "/") ? "neon" : "pg");
  return {
    ...v,
    isProduction: v.NODE_ENV === "production",
    isBuild: v.NEXT_PHASE === "phase-production-build",
    dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
    storageDir: path.join(dataDir, "storage"),
    mailDir: path.join(dataDir, "mail"),
    databaseDriver,
    /** Embedded mode: no database server configured. Demo data, generated secrets and demo passwords live only here. */
    embedded: databaseDriver === "pglite",
    /** One embedded process has no balancer to drain to. */
    shutdownDrainMs: v.SHUTDOWN_DRAIN_MS ?? (databaseDriver === "pglite" ? 0 : 5000),
    appUrl: v.APP_URL ?? `http://localhost:${v.PORT ?? 3000}`,
    adminEmails: (v.ADMIN_EMAILS ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  };
}

export type Env = ReturnType<typeof parseEnv>;

export const env: Env = parseEnv(process.env);
