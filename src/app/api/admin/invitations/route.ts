import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { inviteUsers, listInvitations } from "@/lib/invitations/invitations";
import { invitationListQuerySchema, inviteSchema } from "@/lib/validation/invitations";

/** Admins: every invitation; instructors: the ones they sent (?status=pending|accepted|revoked|expired&q=&page=). */
export const GET = route({ access: ["ADMIN", "INSTRUCTOR"], query: invitationListQuerySchema }, async ({ viewer, query }) =>
  NextResponse.json(await listInvitations(viewer, query)),
);

/**
 * Invite addresses with a role into courses (and a cohort): admins any role and course, instructors learners into the
 * courses they teach. The answer says per address whether it was invited, renewed, or (an existing account) enrolled.
 */
export const POST = route({ access: ["ADMIN", "INSTRUCTOR"], body: inviteSchema }, async ({ viewer, body }) =>
  NextResponse.json(await inviteUsers(viewer, body), { status: 201 }),
);
