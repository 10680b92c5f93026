import net from "node:net";
import { connectDatabase } from "@/lib/db/connect";

/** A port nothing listens on: taken, then let go. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A node-postgres connection to a server that is not there: every query fails as it does while the database is down. */
export async function unreachableDatabase() {
  return connectDatabase({ driver: "pg", url: `postgres://u:secret-pw@127.0.0.1:${await closedPort()}/db` });
}
