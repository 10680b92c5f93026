import net from "node:net";
import { WebSocketServer } from "ws";

/**
 * A small WebSocket-to-TCP bridge, the local stand-in for Neon's proxy: Neon's driver opens
 * ws://HOST/v1?address=PGHOST:PGPORT and speaks the Postgres wire protocol inside binary frames. Only loopback targets
 * are forwarded.
 */
export async function startWsTcpBridge(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("connection", (socket, request) => {
    const address = new URL(request.url ?? "/", "http://bridge").searchParams.get("address") ?? "";
    const [host, port] = address.split(":");
    if (!host || !port || !["127.0.0.1", "localhost"].includes(host)) {
      socket.close(1008, "only loopback targets");
      return;
    }
    const tcp = net.connect(Number(port), host);
    const pending: Buffer[] = [];
    tcp.on("connect", () => {
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    socket.on("message", (data: Buffer) => (tcp.connecting ? pending.push(data) : tcp.write(data)));
    tcp.on("data", (chunk) => socket.send(chunk));
    socket.on("close", () => tcp.destroy());
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.close());
    socket.on("error", () => tcp.destroy());
  });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
