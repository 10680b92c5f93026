import { parseArgs } from "node:util";
import { z } from "zod";

const usage = `usage: npm run bench -- [--database-url URL] [--instances 1|2] [--courses N] [--enrollments M] [--analytics-enrollments A] [--quiz-pool Q] [--duration S] [--connections C] [--warmup S] [--json FILE]
  --database-url URL
                    generate into a fresh database on this Postgres server (dropped afterwards) instead of a temp PGlite
                    folder; the same as BENCH_DATABASE_URL, which it overrides
  --instances N     1 (default), or 2: afterwards also measure every scenario through nginx (deploy/nginx.conf) with one
                    and with two instances behind it, and print the scaling factor; needs --database-url
  --courses N       courses to generate (default 10000)
  --enrollments M   enrollments to generate (default 100000)
  --analytics-enrollments A
                    learners of the one course the instructor analytics scenarios measure (default 100000; 0: no such course)
  --quiz-pool Q     open quiz attempts generated for the submit scenario, one per submit (default 4000; 0: no quiz scenarios)
  --duration S      seconds measured per scenario (default 10)
  --connections C   concurrent connections (default 10)
  --warmup S        seconds of unmeasured load before each measurement (default 3)
  --json FILE       also write the results as JSON to FILE
Environment: BENCH_DATABASE_URL=postgres://… as --database-url.`;

const count = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const schema = z
  .object({
    databaseUrl: z.string().url().optional(),
    instances: z.coerce.number().int().min(1).max(2).default(1),
    courses: count(10_000, 1, 1_000_000),
    enrollments: count(100_000, 0, 20_000_000),
    analyticsEnrollments: count(100_000, 0, 20_000_000),
    quizPool: count(4_000, 0, 1_000_000),
    duration: count(10, 1, 3_600),
    connections: count(10, 1, 1_000),
    warmup: count(3, 0, 600),
    json: z.string().min(1).optional(),
  })
  // PGlite allows one process per data folder: a second instance needs a database server.
  .refine((o) => o.instances === 1 || o.databaseUrl, {
    path: ["instances"],
    message: "2 needs a Postgres server (--database-url or BENCH_DATABASE_URL): PGlite allows one process per data folder",
  });

export type BenchOptions = z.infer<typeof schema>;

/**
 * Parses the command line (`envDatabaseUrl` is BENCH_DATABASE_URL, the fallback for --database-url); prints the usage
 * and exits 2 on anything it does not understand.
 */
export function parseOptions(argv: string[], envDatabaseUrl?: string): BenchOptions {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        "database-url": { type: "string" },
        instances: { type: "string" },
        courses: { type: "string" },
        enrollments: { type: "string" },
        "analytics-enrollments": { type: "string" },
        "quiz-pool": { type: "string" },
        duration: { type: "string" },
        connections: { type: "string" },
        warmup: { type: "string" },
        json: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    const { "analytics-enrollments": analyticsEnrollments, "quiz-pool": quizPool, "database-url": databaseUrl, ...rest } = values;
    const parsed = schema.safeParse({ ...rest, analyticsEnrollments, quizPool, databaseUrl: databaseUrl || envDatabaseUrl || undefined });
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map(
      (issue) => `  --${issue.path.join(".").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`,
    );
    console.error(`Invalid options:\n${problems.join("\n")}\n\n${usage}`);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
  }
  process.exit(2);
}
