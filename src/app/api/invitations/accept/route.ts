import { route } from "@/app/_http/route";
import { respondWithSession } from "@/app/_http/session-response";
import { clientIp } from "@/lib/http/request";
import { acceptInvitation } from "@/lib/invitations/invitations";
import { loadSessionUser } from "@/lib/users/session-user";
import { acceptInvitationSchema } from "@/lib/validation/invitations";

/**
 * Accept an invitation with a name and a password: the account is made (whatever the sign-up policy: the invitation is
 * the way in), enrolled, and signed in on this device; `next` is its first course or the dashboard.
 */
export const POST = route({ access: "public", body: acceptInvitationSchema }, async ({ request, body }) => {
  const { userId, next } = await acceptInvitation(body, clientIp(request));
  const user = await loadSessionUser(userId);
  return respondWithSession(request, user!, { next }, 201);
});
