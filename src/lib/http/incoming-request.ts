import type http from "node:http";
import nodeHttp from "node:http";
import https from "node:https";
import { log } from "@/lib/log/logger";
import { isDraining } from "./shutdown-drain";

const INSTALLED = Symbol.for("budhhub.incomingRequest");

/**
 * The first code every request meets, before Next.js parses it: installed on Node's HTTP servers from instrumentation's
 * register(), which Next.js calls before it answers requests (requests accepted while the server is still starting pass
 * unchecked). It does two things Next.js cannot be configured to do (and, while the instance drains before it stops,
 * closes each connection after its response):
 *
 * 1. It appends the connection's address to X-Forwarded-For, as a proxy appends the address it saw. Next.js writes that
 *    address only when a request has no such header, so a client that sends one would choose its own address; now the
 *    right-most entry is always this process's peer, and clientIp() (./request.ts) counts trusted proxies from there.
 * 2. It answers 400 to an address that does not decode (a broken %-escape such as %ff or %c0%af), or that holds a control
 *    character in its path (%00, %0a, …) or one other than tab and line breaks in its query. Next.js would fail on the
 *    first with a bare 500 before any of our code runs; the others no route accepts. Tab and line breaks in a query value
 *    can be a pasted search: the route's schema answers for them, naming the parameter.
 */
export function installRequestGuards(): void {
  for (const Server of [nodeHttp.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol | string, unknown> & { emit: (...args: unknown[]) => boolean };
    if (proto[INSTALLED]) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: unknown, ...args: unknown[]) {
      if (event === "request") {
        const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
        // Stopping (./shutdown-drain.ts): `Connection: close`, so that the client's next request opens a new connection.
        if (isDraining()) response.shouldKeepAlive = false;
        appendSocketAddress(request);
        const problem = addressProblem(request.url ?? "/");
        if (problem) {
          refuse(request, response, problem);
          return true;
        }
      }
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}

export function appendSocketAddress(request: http.IncomingMessage): void {
  const peer = request.socket?.remoteAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  if (!peer) return;
  const prior = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_TAB_AND_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const decode = (text: string): string | null => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

/** What is wrong with a request target, or null. `target` is the path and query as they came (`/a/b?x=1`). */
export function addressProblem(target: string): { part: string; message: string } | null {
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? "" : target.slice(queryAt + 1);
  for (const segment of path.split("/")) {
    const decoded = decode(segment);
    if (decoded === null) return { part: "path", message: `The address has a broken %-escape in "${segment.slice(0, 60)}".` };
    if (CONTROL.test(decoded)) return { part: "path", message: "The address contains a control character." };
  }
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const [rawName = "", rawValue = ""] = pair.split(/=(.*)/s);
    const name = decode(rawName.replace(/\+/g, " "));
    const value = decode(rawValue.replace(/\+/g, " "));
    if (name === null || value === null) {
      return {
        part: name ?? rawName.slice(0, 60),
        message: `The query parameter "${(name ?? rawName).slice(0, 60)}" has a broken %-escape.`,
      };
    }
    if (CONTROL.test(name) || CONTROL_BUT_TAB_AND_NEWLINES.test(value)) {
      return { part: name, message: `The query parameter "${name.slice(0, 60).replace(CONTROL, "?")}" contains a control character.` };
    }
  }
  return null;
}

function refuse(request: http.IncomingMessage, response: http.ServerResponse, problem: { part: string; message: string }) {
  log("HTTP").info({ method: request.method, reason: problem.message }, "refused a request whose address does not decode");
  // The body is not read: say so, so that the connection is not reused with it half-sent.
  response.setHeader("Connection", "close");
  if (/\btext\/html\b/.test(request.headers.accept ?? "")) {
    response.writeHead(400, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad address · BudhHub</title></head>` +
        `<body><main><h1>This address is not valid</h1><p>${escapeHtml(problem.message)}</p><p><a href="/">Go to the home page</a></p></main></body></html>`,
    );
    return;
  }
  const fields = { [problem.part === "path" ? "path" : `query.${problem.part.replace(CONTROL, "?")}`]: problem.message };
  response.writeHead(400, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(JSON.stringify({ error: { code: "BAD_REQUEST", message: problem.message, fields } }));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
