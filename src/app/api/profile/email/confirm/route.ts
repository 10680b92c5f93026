import { NextResponse } from "next/server";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { confirmEmailChange } from "@/lib/users/change-email";
import { emailTokenSchema } from "@/lib/validation/auth";

/** The page the address-change link opens posts its token here; the link itself proves the request, no session needed. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const { token } = await parseJson(request, emailTokenSchema);
  return NextResponse.json(await confirmEmailChange(token));
});
