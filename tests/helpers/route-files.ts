import fs from "node:fs";
import path from "node:path";

export type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
export type RouteFile = { template: string; methods: Method[]; file: string };

const METHODS: Method[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Every API route of the app, read from the files under src/app/api: its path template ("/api/courses/[courseId]")
 * and the methods its route.ts exports. A new route file is picked up without anyone listing it.
 */
export function listApiRoutes(root = path.join(process.cwd(), "src", "app", "api")): RouteFile[] {
  const found: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const methods = METHODS.filter((m) =>
          new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b|export\\s+const\\s+\\{[^}]*\\b${m}\\b[^}]*\\}`).test(source),
        );
        const template =
          "/api" +
          path
            .relative(root, path.dirname(full))
            .split(path.sep)
            .map((s) => `/${s}`)
            .join("");
        found.push({ template: template === "/api/" ? "/api" : template, methods, file: path.relative(process.cwd(), full) });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => a.template.localeCompare(b.template));
}

/** The dynamic segments of a template, in order: "[courseId]" → "courseId", "[...key]" → "...key". */
export const paramsOf = (template: string) => [...template.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
