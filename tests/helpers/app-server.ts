import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = process.cwd();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function newestMtime(dir: string): number {
  // The folder's own time changes when a file in it is deleted or renamed.
  let newest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `next build` unless .next holds a build newer than every source file. */
export function ensureBuilt(): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["src", "public", "next.config.ts", "package.json", "drizzle"].map((p) => path.join(root, p));
  const newestSource = Math.max(
    ...sources.filter((p) => fs.existsSync(p)).map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)),
  );
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > newestSource) {
    console.log("[test-server] using the existing build in .next (newer than every source file)");
    return;
  }
  console.log("[test-server] building the app (next build)…");
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

export type AppServer = { url: string; port: number; process: ChildProcess; output: () => string; stop: () => Promise<void> };

/**
 * Starts `next start` on `port` (by default a free one) with the given environment and waits until /api/health answers
 * 200.
 */
export async function startApp(env: Record<string, string>, { timeoutMs = 120_000, port: fixedPort = 0 } = {}): Promise<AppServer> {
  const port = fixedPort || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      AUTH_TRUST_HOST: "true",
      APP_URL: url,
      PORT: String(port),
      // As behind one proxy: each test client gives its own address in X-Forwarded-For, so that they do not share limits.
      TRUSTED_PROXY_HOPS: "1",
      // The suites use the demo accounts and courses; a production server writes them only when asked.
      SEED_DEMO: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (Date.now() >= deadline) {
    child.kill("SIGKILL");
    throw new Error(`next start did not become healthy within ${timeoutMs} ms:\n${output}`);
  }
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
