import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { resendInvitation } from "@/lib/invitations/invitations";
import { invitationParamsSchema } from "@/lib/validation/invitations";

/** Send an open invitation again with a new link and 7 new days (the old link stops working); 3 an hour. */
export const POST = route({ access: ["ADMIN", "INSTRUCTOR"], params: invitationParamsSchema }, async ({ viewer, params }) =>
  NextResponse.json(await resendInvitation(viewer, params.invitationId)),
);
