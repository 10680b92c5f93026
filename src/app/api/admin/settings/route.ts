import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getSettingsForAdmin, updateSettings } from "@/lib/settings/settings";
import { settingsUpdateSchema } from "@/lib/validation/settings";

/** Admins: the platform's settings (the sign-up policy and its domains). */
export const GET = route({ access: ["ADMIN"] }, async ({ viewer }) => NextResponse.json({ settings: await getSettingsForAdmin(viewer) }));

/** Admins: change the sign-up policy and/or its domains; this server applies it at once, every server within 5 s. */
export const PATCH = route({ access: ["ADMIN"], body: settingsUpdateSchema }, async ({ viewer, body }) =>
  NextResponse.json({ settings: await updateSettings(viewer, body) }),
);
