import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp } from "./request";
import { addressProblem, installRequestGuards } from "./incoming-request";

const withForwardedFor = (value: string | null) => ({ headers: new Headers(value === null ? {} : { "x-forwarded-for": value }) });

describe("the client's address", () => {
  it("is read from the right of X-Forwarded-For, past the trusted proxies", () => {
    // The client wrote 203.0.113.9, nginx appended the client's real address, this process appended nginx's.
    const header = "203.0.113.9, 198.51.100.4, 10.0.0.2";
    expect(clientIp(withForwardedFor(header), 0)).toBe("10.0.0.2");
    expect(clientIp(withForwardedFor(header), 1)).toBe("198.51.100.4");
    expect(clientIp(withForwardedFor(header), 2)).toBe("203.0.113.9");
    // More hops than entries: the request did not come through that many proxies; the left-most is all there is.
    expect(clientIp(withForwardedFor("10.0.0.2"), 2)).toBe("10.0.0.2");
    expect(clientIp(withForwardedFor(null), 0)).toBe("unknown");
    expect(clientIp(withForwardedFor(" , "), 0)).toBe("unknown");
  });

  it("cannot be chosen by a client talking to the server directly: the connection's own address is appended", async () => {
    installRequestGuards();
    installRequestGuards(); // installing twice appends once
    const seen: string[] = [];
    const server = http.createServer((request, response) => {
      seen.push(String(request.headers["x-forwarded-for"]));
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const spoofed of ["203.0.113.1", "203.0.113.2, 203.0.113.3"]) {
        await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": spoofed } });
      }
      await fetch(`http://127.0.0.1:${port}/`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(["203.0.113.1, 127.0.0.1", "203.0.113.2, 203.0.113.3, 127.0.0.1", "127.0.0.1"]);
    for (const header of seen) expect(clientIp(withForwardedFor(header), 0)).toBe("127.0.0.1");
  });

  it("is refused with 400, before any handler runs, when its path or query does not decode or holds a control character", async () => {
    installRequestGuards();
    const handled: string[] = [];
    const server = http.createServer((request, response) => {
      handled.push(request.url!);
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const bad = [
      "/api/courses/%ff",
      "/api/storage/objects/courses/x/%c0%af",
      "/courses/%00",
      "/a%0Ab",
      "/x?q=%ff%",
      "/x?q=%00",
      "/x?%e0=1",
      "/x?a=1&b=%7F",
    ];
    const good = ["/api/courses/abc", "/x?q=caf%C3%A9&page=2", "/x?q=a+b&q2=%25", "/api/courses/a%2Fb"];
    try {
      for (const target of bad) {
        const json = await fetch(`http://127.0.0.1:${port}${target}`);
        expect({ target, status: json.status }).toEqual({ target, status: 400 });
        const body = (await json.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
        expect(body.error.code).toBe("BAD_REQUEST");
        expect(Object.keys(body.error.fields)).toHaveLength(1);
        const html = await fetch(`http://127.0.0.1:${port}${target}`, { method: "PUT", body: "x", headers: { accept: "text/html" } });
        expect(html.status).toBe(400);
        expect(await html.text()).toContain("<h1>This address is not valid</h1>");
      }
      for (const target of good) expect((await fetch(`http://127.0.0.1:${port}${target}`)).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(handled).toEqual(good);
  });

  it("names what does not decode", () => {
    expect(addressProblem("/a/%ff/b")).toEqual({ part: "path", message: 'The address has a broken %-escape in "%ff".' });
    expect(addressProblem("/a?name=%00")).toEqual({ part: "name", message: 'The query parameter "name" contains a control character.' });
    expect(addressProblem("/a?q=%")).toEqual({ part: "q", message: 'The query parameter "q" has a broken %-escape.' });
    expect(addressProblem("/a?q=%25&x=%E2%82%AC")).toBeNull();
  });
});
