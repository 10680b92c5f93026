import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, newAccount, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { earnCertificate } from "../helpers/certificate-fixtures";

/**
 * Certificates over HTTP: the public verification and PDF answer without a session, a revoked certificate says so (and
 * its PDF is gone: 410), a wrong code is a plain 404 and a run of them from one network is cut off with a 429.
 */

const RUN = randomBytes(3).toString("hex");
let owner: Account;
let learner: Account;
let admin: ApiClient;
let code = "";

beforeAll(async () => {
  [owner, learner] = await Promise.all([newAccount("INSTRUCTOR", "cert-owner"), newAccount("LEARNER", "cert-learner")]);
  admin = await demoAdmin();
  ({ code } = await earnCertificate(owner.client, learner.client, `Certified botany ${RUN}`));
}, 180_000);

const pdf = (path: string, ip = new ApiClient().ip) => fetch(`${baseUrl()}${path}`, { headers: { "x-forwarded-for": ip } });

describe("certificates over HTTP", () => {
  it("verifies publicly, in any spelling of the code, and lists on the learner's page", async () => {
    const anonymous = new ApiClient();
    const answer = await anonymous.get(
      `/api/certificates/${code
        .toLowerCase()
        .replace(/(.{4})/g, "$1-")
        .replace(/-$/, "")}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({
      certificate: {
        code,
        learnerName: learner.name,
        courseTitle: `Certified botany ${RUN}`,
        status: "valid",
        courseOffered: true,
        lessons: 1,
      },
    });
    const page = await anonymous.get(`/certificates/${code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(learner.name);
    expect(page.text).toContain('property="og:title"');
    expect(page.text).toContain("Valid.");
    const mine = await learner.client.get("/api/my-certificates");
    expect(mine.json<{ certificates: { code: string }[] }>().certificates.map((c) => c.code)).toContain(code);
  });

  it("serves the PDF without a session, the same bytes again from storage", async () => {
    const first = await pdf(`/api/certificates/${code}/pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/pdf");
    expect(first.headers.get("content-disposition")).toContain(`certificate-${code}.pdf`);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const second = Buffer.from(await (await pdf(`/api/certificates/${code}/pdf`)).arrayBuffer());
    expect(second.equals(bytes)).toBe(true);
  });

  it("says revoked, with the reason, once an admin revokes it; restored, it is valid again", async () => {
    const revoked = await admin.post(`/api/admin/certificates/${code}/revoke`, { reason: "Issued to the wrong person" });
    expect(revoked.status).toBe(200);
    const answer = await new ApiClient().get(`/api/certificates/${code}`);
    expect(answer.json()).toMatchObject({ certificate: { status: "revoked", revokedReason: "Issued to the wrong person" } });
    expect((await new ApiClient().get(`/certificates/${code}`)).text).toContain("Revoked");
    expect((await pdf(`/api/certificates/${code}/pdf`)).status).toBe(410);
    expect((await admin.post(`/api/admin/certificates/${code}/restore`)).status).toBe(200);
    expect((await new ApiClient().get(`/api/certificates/${code}`)).json()).toMatchObject({ certificate: { status: "valid" } });
  });

  it("answers guessed codes with plain 404s, then 429 for that network", async () => {
    const guesser = new ApiClient();
    const guess = () => Array.from(randomBytes(12), (b) => "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[b & 31]).join("");
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const answer = await guesser.get(`/api/certificates/${guess()}`);
      statuses.push(answer.status);
      if (answer.status === 404) expect(answer.json()).toMatchObject({ error: { code: "NOT_FOUND", message: "Not found." } });
    }
    expect(statuses).toEqual(Array(20).fill(404));
    expect((await guesser.get(`/api/certificates/${guess()}`)).status).toBe(429);
    expect((await guesser.get(`/certificates/${guess()}`)).text).toContain("Too many");
    // Another network still gets its answers.
    expect((await new ApiClient().get(`/api/certificates/${code}`)).status).toBe(200);
  });
});
