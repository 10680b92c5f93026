import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { checkHealth } from "@/lib/health/check-health";

export const GET = route({ access: "public" }, async () => {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
