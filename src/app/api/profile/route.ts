import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { updateProfile } from "@/lib/users/update-profile";
import { profileSchema } from "@/lib/validation/auth";

export const GET = route(async () => {
  const viewer = await requireUser();
  return NextResponse.json({ user: { id: viewer.id, name: viewer.name, email: viewer.email, role: viewer.role } });
});

export const PATCH = route(async (request) => {
  assertSameOrigin(request);
  const input = await parseJson(request, profileSchema);
  const viewer = await requireUser();
  return NextResponse.json({ user: await updateProfile(viewer, input) });
});
