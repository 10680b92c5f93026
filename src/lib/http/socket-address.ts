import http from "node:http";
import https from "node:https";

const INSTALLED = Symbol.for("budhhub.socketAddress");

/**
 * Next.js writes the connection's address into X-Forwarded-For only when a request has no such header, so a client
 * that sends one would choose its own address. This appends the connection's address to every request's
 * X-Forwarded-For before Next.js sees it, as a proxy appends the address it saw: the right-most entry is always the
 * peer of this process, and clientIp() (src/lib/http/request.ts) counts trusted proxies from there.
 *
 * It runs from instrumentation's register(), which Next.js calls before it answers requests; requests that arrive
 * while the server is still starting were accepted before it and keep Next's own header.
 */
export function appendSocketAddress(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol | string, unknown> & { emit: (...args: unknown[]) => boolean };
    if (proto[INSTALLED]) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: unknown, ...args: unknown[]) {
      if (event === "request") appendTo(args[0] as http.IncomingMessage);
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}

export function appendTo(request: http.IncomingMessage): void {
  const peer = request.socket?.remoteAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  if (!peer) return;
  const prior = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
}
