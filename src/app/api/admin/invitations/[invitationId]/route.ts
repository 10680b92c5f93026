import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { revokeInvitation } from "@/lib/invitations/invitations";
import { invitationParamsSchema } from "@/lib/validation/invitations";

/** Revoke an open invitation (admins, or the instructor who sent it): its link stops working. */
export const DELETE = route({ access: ["ADMIN", "INSTRUCTOR"], params: invitationParamsSchema }, async ({ viewer, params }) =>
  NextResponse.json(await revokeInvitation(viewer, params.invitationId)),
);
