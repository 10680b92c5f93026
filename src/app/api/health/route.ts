import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";
import { route } from "@/lib/http/handler";

export const GET = route(async () => {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
