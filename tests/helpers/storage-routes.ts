import * as multipartRoute from "@/app/api/storage/multipart/[...key]/route";
import * as objectRoute from "@/app/api/storage/objects/[...key]/route";

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
