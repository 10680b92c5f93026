import { describe, expect, it } from "vitest";
import {
  ApiClient,
  demoAdmin,
  leakingResponses,
  newAccount,
  outboxCount,
  strongPassword,
  uniqueEmail,
  waitForOutboxMail,
} from "../helpers/api-client";
import { createCourseTree } from "../helpers/authoring";
import { linkIn } from "../helpers/mail-text";

type Results = { results: { email: string; outcome: string; invitationId?: string; userId?: string }[] };
type Listed = { invitations: { id: string; email: string; status: string; sendCount: number; courses: { id: string }[] }[]; total: number };

const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;
const mailedToken = async (email: string, seen = 0) => tokenOf(linkIn(await waitForOutboxMail(email, { seen }), "/invite/"));

describe("invitations over HTTP", () => {
  it("invite → the mailed link → accept: signed in, enrolled, landing in the course; the link then refuses", async () => {
    const admin = await demoAdmin();
    const owner = await newAccount("INSTRUCTOR", "inv-owner");
    const { courseId } = await createCourseTree(owner.client, { title: "Invited course", published: true });
    const email = uniqueEmail("inv-new");
    const invited = await admin.post("/api/admin/invitations", { emails: [` ${email.toUpperCase()} `, email], courseIds: [courseId] });
    expect(invited.status).toBe(201);
    expect(invited.json<Results>().results).toEqual([{ email, outcome: "invited", invitationId: expect.any(String) }]);

    const mail = await waitForOutboxMail(email);
    expect(mail.subject).toBe("You are invited to BudhHub");
    expect(mail.text).toContain("Invited course");
    const link = linkIn(mail, "/invite/");
    expect(new URL(link).pathname).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);

    const page = await new ApiClient().get(new URL(link).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain(email);
    expect(page.text).toContain("Invited course");

    const invitee = new ApiClient();
    const password = strongPassword();
    const accepted = await invitee.post("/api/invitations/accept", { token: tokenOf(link), name: "Invited Person", password });
    expect(accepted.status).toBe(201);
    expect(accepted.json<{ user: { email: string; role: string }; next: string }>()).toMatchObject({
      user: { email, role: "LEARNER" },
      next: `/my-courses/${courseId}`,
    });
    expect(invitee.sessionToken).toBeTruthy();
    const profile = await invitee.get("/api/profile");
    expect(profile.status).toBe(200);
    const mine = await invitee.get(`/api/my-courses/${courseId}`);
    expect(mine.status).toBe(200);
    // The password works for signing in later; the address needs no confirming.
    const again = new ApiClient();
    expect((await again.signIn(email, password)).status).toBe(200);

    const twice = await new ApiClient().post("/api/invitations/accept", {
      token: tokenOf(link),
      name: "Someone",
      password: strongPassword(),
    });
    expect(twice.status).toBe(400);
    expect(twice.json<{ error: { message: string } }>().error.message).toMatch(/used already/);
    const usedPage = await new ApiClient().get(new URL(link).pathname);
    expect(usedPage.text).toMatch(/used already/);

    const listed = await admin.get(`/api/admin/invitations?status=accepted&q=${encodeURIComponent(email)}`);
    expect(listed.json<Listed>().invitations).toMatchObject([{ email, status: "accepted", courses: [{ id: courseId }] }]);
    expect(leakingResponses([tokenOf(link)])).toEqual([]);
  });

  it("an address with an account is enrolled, not invited; a second invite renews the first", async () => {
    const owner = await newAccount("INSTRUCTOR", "inv-owner2");
    const { courseId } = await createCourseTree(owner.client, { title: "Known course", published: true });
    const known = await newAccount("LEARNER", "inv-known");
    const fresh = uniqueEmail("inv-fresh");
    const response = await owner.client.post("/api/admin/invitations", { emails: `${known.email}, ${fresh}`, courseIds: [courseId] });
    expect(response.status).toBe(201);
    expect(response.json<Results>().results).toEqual([
      { email: known.email, outcome: "enrolled", userId: known.id, courseIds: [courseId] },
      { email: fresh, outcome: "invited", invitationId: expect.any(String) },
    ]);
    expect((await known.client.get(`/api/my-courses/${courseId}`)).status).toBe(200);
    const first = await mailedToken(fresh);
    const renewed = await owner.client.post("/api/admin/invitations", { emails: [fresh], courseIds: [courseId] });
    expect(renewed.json<Results>().results[0]!.outcome).toBe("renewed");
    const second = await mailedToken(fresh, 1);
    expect(second).not.toBe(first);
    const listed = (await owner.client.get(`/api/admin/invitations?q=${encodeURIComponent(fresh)}`)).json<Listed>();
    expect(listed.total).toBe(1);
    expect(listed.invitations[0]).toMatchObject({ status: "pending", sendCount: 2 });
    const old = await new ApiClient().post("/api/invitations/accept", { token: first, name: "Old Link", password: strongPassword() });
    expect(old.status).toBe(404);
  });

  it("resend mails a new link and the old one dies; revoke kills the link; both 404 for another instructor", async () => {
    const owner = await newAccount("INSTRUCTOR", "inv-owner3");
    const other = await newAccount("INSTRUCTOR", "inv-other3");
    const email = uniqueEmail("inv-resend");
    const sent = await owner.client.post("/api/admin/invitations", { emails: [email] });
    const id = sent.json<Results>().results[0]!.invitationId!;
    const first = await mailedToken(email);

    expect((await other.client.post(`/api/admin/invitations/${id}/resend`)).status).toBe(404);
    expect((await other.client.request("DELETE", `/api/admin/invitations/${id}`)).status).toBe(404);

    const resent = await owner.client.post(`/api/admin/invitations/${id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.json<{ invitation: { sendCount: number } }>().invitation.sendCount).toBe(2);
    const second = await mailedToken(email, 1);
    expect(second).not.toBe(first);
    expect((await new ApiClient().post("/api/invitations/accept", { token: first, name: "A", password: strongPassword() })).status).toBe(
      404,
    );

    const revoked = await owner.client.request("DELETE", `/api/admin/invitations/${id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.json<{ invitation: { status: string } }>().invitation.status).toBe("revoked");
    const refused = await new ApiClient().post("/api/invitations/accept", { token: second, name: "A", password: strongPassword() });
    expect(refused.status).toBe(400);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/withdrawn/);
    expect((await owner.client.post(`/api/admin/invitations/${id}/resend`)).status).toBe(400);
    expect(outboxCount(email)).toBe(2);
  });

  it("refuses bad payloads with a 400 and an instructor's overreach with a 403, writing and mailing nothing", async () => {
    const admin = await demoAdmin();
    const owner = await newAccount("INSTRUCTOR", "inv-owner4");
    const other = await newAccount("INSTRUCTOR", "inv-other4");
    const { courseId: theirs } = await createCourseTree(other.client, { title: "Not yours" });
    const email = uniqueEmail("inv-bad");
    for (const body of [
      {},
      { emails: [] },
      { emails: ["not an address"] },
      { emails: [email], role: "OWNER" },
      { emails: [email], courseIds: ["nope"] },
      { emails: [email], cohortId: 7 },
      { emails: Array.from({ length: 201 }, (_, i) => `bulk${i}@example.test`) },
    ]) {
      const response = await admin.post("/api/admin/invitations", body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await owner.client.post("/api/admin/invitations", { emails: [email], role: "ADMIN" })).status).toBe(403);
    expect((await owner.client.post("/api/admin/invitations", { emails: [email], courseIds: [theirs] })).status).toBe(403);
    expect(
      (await admin.post("/api/admin/invitations", { emails: [email], courseIds: ["00000000-0000-4000-8000-000000000000"] })).status,
    ).toBe(404);
    for (const body of [
      {},
      { token: "short", name: "A", password: strongPassword() },
      { token: "A".repeat(43), name: "A", password: "short" },
    ]) {
      expect((await new ApiClient().post("/api/invitations/accept", body)).status).toBe(400);
    }
    expect((await admin.get("/api/admin/invitations?status=lost")).status).toBe(400);
    expect((await admin.get(`/api/admin/invitations?q=${encodeURIComponent(email)}`)).json<Listed>().total).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(outboxCount(email)).toBe(0);
  });
});
