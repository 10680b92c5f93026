import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { updateProfile } from "@/lib/users/update-profile";
import { profileSchema } from "@/lib/validation/auth";

export const GET = route({ access: "user" }, async ({ viewer }) =>
  NextResponse.json({ user: { id: viewer.id, name: viewer.name, email: viewer.email, role: viewer.role } }),
);

export const PATCH = route({ access: "user", body: profileSchema }, async ({ viewer, body }) =>
  NextResponse.json({ user: await updateProfile(viewer, body) }),
);
