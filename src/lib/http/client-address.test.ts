import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp } from "./request";
import { appendSocketAddress } from "./socket-address";

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
    appendSocketAddress();
    appendSocketAddress(); // installing twice appends once
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
});
