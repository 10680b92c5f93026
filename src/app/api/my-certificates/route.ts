import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listMyCertificates } from "@/lib/certificates/certificates";

/** The signed-in user's certificates, newest first, each with its verification page and PDF. */
export const GET = route({ access: "user" }, async ({ viewer }) => NextResponse.json({ certificates: await listMyCertificates(viewer) }));
