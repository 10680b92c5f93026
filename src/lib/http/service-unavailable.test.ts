import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { connectDatabase } from "@/lib/db/connect";
import { closedPort, unreachableDatabase } from "../../../tests/helpers/unreachable-database";
import { isDatabaseUnavailable, isStorageUnavailable } from "./service-unavailable";

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("telling an unreachable database from a failed statement", () => {
  it("a query through Drizzle to a server that is not listening is unavailable (node-postgres and Neon's driver)", async () => {
    const url = `postgres://nobody:nothing@127.0.0.1:${await closedPort()}/none`;
    const pg = await unreachableDatabase();
    const refused = await failureOf(pg.db.execute(sql`select 1`));
    expect(refused).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    await pg.close();

    const neon = connectDatabase({ driver: "neon", url, wsProxy: `127.0.0.1:${await closedPort()}/v1` });
    const wsRefused = await failureOf(neon.db.execute(sql`select 1`));
    expect(wsRefused).toBeTruthy();
    expect(isDatabaseUnavailable(wsRefused)).toBe(true);
    await neon.close().catch(() => undefined);
  });

  it("the bucket not answering is storage unavailable, not the database (the AWS SDK's error, a real request)", async () => {
    const s3 = new S3Client({
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
      maxAttempts: 1,
    });
    const error = await failureOf(s3.send(new HeadObjectCommand({ Bucket: "b", Key: "k" })));
    expect(isStorageUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
    const missing = Object.assign(new Error("NoSuchKey"), { name: "NoSuchKey", $metadata: { httpStatusCode: 404 } });
    expect(isStorageUnavailable(missing)).toBe(false);
  });

  it("a statement the database refuses, or a bug, is not", async () => {
    const pglite = connectDatabase({ driver: "pglite", dataDir: "memory://" });
    await pglite.db.execute(sql`create table t (id int primary key)`);
    await pglite.db.execute(sql`insert into t values (1)`);
    const duplicate = await failureOf(pglite.db.execute(sql`insert into t values (1)`));
    expect(duplicate).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(await failureOf(pglite.db.execute(sql`select * from missing`)))).toBe(false);
    await pglite.close();
    expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it.runIf(env.TEST_DATABASE_URL)("a connection the server ends (an administrator, a restart: 57P01) is unavailable", async () => {
    const connection = connectDatabase({ driver: "pg", url: env.TEST_DATABASE_URL!, poolMax: 1 });
    const { rows } = await connection.executeSql("select pg_backend_pid() as pid");
    const killer = new Client({ connectionString: env.TEST_DATABASE_URL });
    await killer.connect();
    const ended = failureOf(connection.db.execute(sql`select pg_sleep(30)`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await killer.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
    await killer.end();
    const error = await ended;
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The pool opens a new connection for the next query: it recovers by itself.
    expect((await connection.executeSql("select 1 as one")).rows).toEqual([{ one: 1 }]);
    await connection.close();
  });
});
