import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const NGINX = "/usr/sbin/nginx";
const TEMPLATE = path.join(process.cwd(), "deploy", "nginx.conf");

export type Balancer = { url: string; prefix: string; errorLog: () => string; stop: () => Promise<void> };

/**
 * deploy/nginx.conf with its two example upstreams replaced by the instances' ports (one line each, as many as given)
 * and its listen line by `port`: the example in the repository is the configuration under test, not a copy of it.
 */
export function fillNginxConfig(port: number, upstreamPorts: readonly number[]): string {
  if (upstreamPorts.length === 0) throw new Error("nginx needs at least one instance behind it");
  const template = fs.readFileSync(TEMPLATE, "utf8");
  // The first example line is the pattern for every instance; the second is dropped.
  const example = /^( *)server 127\.0\.0\.1:3001( .*)$/m.exec(template);
  const second = /^ *server 127\.0\.0\.1:3002 .*\n/m;
  if (!example || !second.test(template)) {
    throw new Error("deploy/nginx.conf no longer has the two `server 127.0.0.1:300x` lines the tests fill in");
  }
  const [, indent, rest] = example;
  const servers = upstreamPorts.map((p) => `${indent}server 127.0.0.1:${p}${rest}`).join("\n");
  const filled = template.replace(second, "").replace(example[0], servers).replace("listen 127.0.0.1:8080;", `listen 127.0.0.1:${port};`);
  if (!filled.includes(`listen 127.0.0.1:${port};`)) {
    throw new Error("deploy/nginx.conf no longer has the line the tests fill in (listen 127.0.0.1:8080;)");
  }
  return filled;
}

/** Debian's nginx in the foreground (a child of this process) with its own prefix folder in /tmp, on loopback. */
export async function startBalancer(port: number, upstreamPorts: readonly number[]): Promise<Balancer> {
  if (!fs.existsSync(NGINX))
    throw new Error(`${NGINX} is missing: apt-get install nginx (the scale test and the bench's --instances 2 run Debian's nginx)`);
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

/**
 * Marks the instance at `upstreamPort` `down` in a running balancer's configuration (or back up) and reloads nginx, as
 * an operator does before stopping an instance: new requests go to the others, requests in flight finish.
 */
/** The pids of nginx's worker processes: the children of the master whose pid file is in `prefix`. */
function workerPids(prefix: string): number[] {
  const master = fs.readFileSync(path.join(prefix, "nginx.pid"), "utf8").trim();
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
      if (ppid === master) pids.push(Number(entry));
    } catch {
      // the process ended while listed
    }
  }
  return pids;
}

/**
 * Marks one upstream `down` (or back up) and reloads nginx. `nginx -s reload` only signals the master and returns; the
 * old workers, still on the old configuration, go on proxying to the instance until they finish their requests and exit.
 * So this waits until every worker that was running before the reload has exited: from then on no request goes to it.
 */
export async function setInstanceDown(prefix: string, upstreamPort: number, down: boolean): Promise<void> {
  const config = path.join(prefix, "nginx.conf");
  const line = new RegExp(`^( *server 127\\.0\\.0\\.1:${upstreamPort}) (?:down )?(.*;)$`, "m");
  const text = fs.readFileSync(config, "utf8");
  if (!line.test(text)) throw new Error(`no upstream line for port ${upstreamPort} in ${config}`);
  fs.writeFileSync(config, text.replace(line, down ? "$1 down $2" : "$1 $2"));
  const before = workerPids(prefix);
  const reload = spawnSync(NGINX, ["-p", prefix, "-c", config, "-g", `pid ${path.join(prefix, "nginx.pid")};`, "-s", "reload"], {
    encoding: "utf8",
  });
  if (reload.status !== 0) throw new Error(`nginx -s reload failed: ${reload.stderr}`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = workerPids(prefix);
    if (!before.some((pid) => now.includes(pid)) && now.length > 0) return;
    if (Date.now() > deadline) throw new Error(`nginx's old workers (${before.join(", ")}) did not exit within 20 s of the reload`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
