import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { confirmEmailChange } from "@/lib/users/change-email";
import { emailTokenSchema } from "@/lib/validation/auth";

/** The page the address-change link opens posts its token here; the link itself proves the request, no session needed. */
export const POST = route({ access: "public", body: emailTokenSchema }, async ({ body }) =>
  NextResponse.json(await confirmEmailChange(body.token)),
);
