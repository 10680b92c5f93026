import autocannon from "autocannon";
import { expect } from "vitest";
import { ApiClient, newAccount } from "../helpers/api-client";
import { scale, withDatabase } from "./scale-env";

/** POSTs new courses through the balancer until `until`; counts what was acknowledged (201) and what failed. */
async function writeCourses(client: ApiClient, until: number, prefix: string) {
  let acknowledged = 0;
  const failed: string[] = [];
  for (let i = 0; Date.now() < until; i++) {
    try {
      const response = await client.post("/api/instructor/courses", {
        title: `${prefix} ${i}`,
        description: "Written while an instance stops",
        outcomes: ["Survive a restart"],
        category: "Programming",
        difficulty: "beginner",
        estimatedDuration: 5,
      });
      if (response.status === 201) acknowledged += 1;
      else failed.push(`${response.status} ${response.text.slice(0, 120)}`);
    } catch (error) {
      failed.push(String(error));
    }
  }
  return { acknowledged, failed };
}

/**
 * `seconds` of load through nginx: autocannon GETs of the catalog on 8 connections, and 3 writers POSTing new courses
 * as one instructor. `during` runs meanwhile (it stops an instance). Returns what the readers got, the writes
 * acknowledged and failed, and the rows found afterwards.
 */
export async function loadThroughNginx(seconds: number, tag: string, during: () => Promise<void>) {
  const instructor = await newAccount("INSTRUCTOR", tag);
  // The writer's cookie, sent through the balancer from the instructor's own address.
  const writer = new ApiClient(scale.balancer, instructor.client.ip);
  writer.setCookie("authjs.session-token", instructor.client.sessionToken!);
  expect((await writer.get("/api/profile")).status).toBe(200);

  const until = Date.now() + seconds * 1000;
  const reads = autocannon({ url: `${scale.balancer}/api/courses`, connections: 8, duration: seconds, timeout: 10 });
  const writes = Promise.all(Array.from({ length: 3 }, (_, n) => writeCourses(writer, until, `${tag} ${n}`)));
  await during();
  const [read, written] = await Promise.all([reads, writes]);
  const rows = await withDatabase(async (db) =>
    Number((await db.query<{ n: string }>("select count(*) as n from courses where instructor_id = $1", [instructor.id])).rows[0]!.n),
  );
  return {
    read,
    acknowledged: written.reduce((n, w) => n + w.acknowledged, 0),
    failedWrites: written.flatMap((w) => w.failed),
    rows,
  };
}
