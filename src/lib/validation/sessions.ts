import { z } from "zod";
import { id } from "./ids";

/** One of the user's signed-in devices (user_sessions.id), as DELETE /api/profile/sessions/[sessionId] names it. */
export const sessionParams = z.object({ sessionId: id });
