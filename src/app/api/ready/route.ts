import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { checkReadiness } from "@/lib/health/check-readiness";

export const GET = route({ access: "public" }, async () => {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, { status: readiness.status === "pass" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
