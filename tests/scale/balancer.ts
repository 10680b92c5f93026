import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const NGINX = "/usr/sbin/nginx";
const TEMPLATE = path.join(process.cwd(), "deploy", "nginx.conf");

export type Balancer = { url: string; prefix: string; errorLog: () => string; stop: () => Promise<void> };

/**
 * deploy/nginx.conf with its two example upstreams replaced by the instances' ports and its listen line by `port`: the
 * example in the repository is the configuration under test, not a copy of it.
 */
export function fillNginxConfig(port: number, upstreamPorts: [number, number]): string {
  const template = fs.readFileSync(TEMPLATE, "utf8");
  const filled = template
    .replace("server 127.0.0.1:3001 ", `server 127.0.0.1:${upstreamPorts[0]} `)
    .replace("server 127.0.0.1:3002 ", `server 127.0.0.1:${upstreamPorts[1]} `)
    .replace("listen 127.0.0.1:8080;", `listen 127.0.0.1:${port};`);
  for (const expected of [`:${upstreamPorts[0]} `, `:${upstreamPorts[1]} `, `listen 127.0.0.1:${port};`]) {
    if (!filled.includes(expected)) throw new Error(`deploy/nginx.conf no longer has the line the scale test fills in (${expected})`);
  }
  return filled;
}

/** Debian's nginx in the foreground (a child of this process) with its own prefix folder in /tmp, on loopback. */
export async function startBalancer(port: number, upstreamPorts: [number, number]): Promise<Balancer> {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx (the scale test runs Debian's nginx)`);
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-nginx-"));
  for (const dir of ["logs", "temp"]) fs.mkdirSync(path.join(prefix, dir));
  const config = path.join(prefix, "nginx.conf");
  fs.writeFileSync(config, fillNginxConfig(port, upstreamPorts));
  let output = "";
  const child = spawn(NGINX, ["-p", prefix, "-c", config, "-g", `daemon off; pid ${path.join(prefix, "nginx.pid")};`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not answer within 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const errorLogFile = path.join(prefix, "logs", "error.log");
  return {
    url,
    prefix,
    errorLog: () => (fs.existsSync(errorLogFile) ? fs.readFileSync(errorLogFile, "utf8") : "") + output,
    stop: async () => {
      if (child.exitCode === null) {
        // SIGQUIT: nginx's graceful stop.
        child.kill("SIGQUIT");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
