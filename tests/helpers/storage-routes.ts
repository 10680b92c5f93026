import { vi } from "vitest";
import * as multipartRoute from "@/app/api/storage/multipart/[...key]/route";
import * as objectRoute from "@/app/api/storage/objects/[...key]/route";

// The route wrapper reads the session, as the edge does, even for routes anyone may call; outside Next.js there is no
// request to read it from. This stands in for one without a session, as a browser following a signed URL may be. The
// mock is registered when this module loads, so it must load before anything else imports next/headers: lib code never
// does, and the lib tests reach the route wrapper through this module only.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000" }),
  cookies: async () => {
    throw new Error("cookies() is not available outside Next.js");
  },
}));

type Handler = (request: Request, context: { params: Promise<{ key: string[] }> }) => Promise<Response>;

const handlers: Record<string, Record<string, Handler>> = {
  objects: { GET: objectRoute.GET, HEAD: objectRoute.HEAD, PUT: objectRoute.PUT },
  multipart: { PUT: multipartRoute.PUT },
};

/**
 * Sends a request to the local driver's storage routes by calling their handlers in this process, with the key
 * segments as Next.js passes them (decoded), so that a test measures the handler and nothing else.
 */
export async function callStorageRoute(url: string, init: RequestInit & { duplex?: "half" } = {}): Promise<Response> {
  const { pathname } = new URL(url);
  const match = /^\/api\/storage\/(objects|multipart)\/(.+)$/.exec(pathname);
  if (!match?.[1] || !match[2]) throw new Error(`Not a storage route: ${url}`);
  const handler = handlers[match[1]]?.[init.method ?? "GET"];
  if (!handler) return new Response(null, { status: 405 });
  const key = match[2].split("/").map(decodeURIComponent);
  return handler(new Request(url, init), { params: Promise.resolve({ key }) });
}
