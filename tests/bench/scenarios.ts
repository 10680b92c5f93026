/**
 * What `npm run bench` measures. Add a row to `scenarios` to measure another page or API call; every figure is printed
 * as a ratio to `baseline`, a page that reads no data, measured first and last in the same run.
 */
export type Scenario = {
  name: string;
  path: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string;
};

export const baseline: Scenario = { name: "static page", path: "/about" };

export const scenarios: Scenario[] = [
  { name: "catalog", path: "/courses" },
  { name: "home", path: "/" },
];
