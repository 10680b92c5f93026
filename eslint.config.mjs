import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/**
 * Lint keeps the layers (README, "Working on BudhHub"): src/app is routes and pages, src/lib the product, src/components
 * the UI. Type imports cross freely; values do not.
 */
const restricted = (paths, patterns) => ["error", { paths, patterns }];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", "node_modules/**", ".data/**", "drizzle/**", "next-env.d.ts", "coverage/**"] },
  {
    // Configuration is read and validated in one place: src/env.ts.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration from @/env." }],
    },
  },
  {
    // Promises are awaited or handled, and not passed where a function returning nothing is expected.
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // A delete or update without a where clause touches every row.
    files: ["src/**/*.ts", "scripts/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    // Routes and pages ask the lib layer; they never reach the database or storage themselves.
    files: ["src/app/**/*.{ts,tsx}"],
    ignores: ["src/app/**/*.test.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": restricted(
        [],
        [
          {
            group: ["@/lib/db", "@/lib/db/*", "@/lib/storage", "@/lib/storage/*"],
            allowTypeImports: true,
            message: "src/app asks src/lib; only lib functions touch the database and storage.",
          },
        ],
      ),
    },
  },
  {
    // The lib layer knows nothing of HTTP requests, pages or the UI: the acting user is passed in.
    files: ["src/lib/**/*.{ts,tsx}"],
    ignores: ["src/lib/**/*.test.ts", "src/lib/**/*.test.tsx"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": restricted(
        [
          { name: "next/server", message: "HTTP stays in src/app (src/app/_http).", allowTypeImports: true },
          { name: "next/headers", message: "Take the acting user as an argument; the edge resolves it (src/app/_http)." },
          { name: "next/navigation", message: "Redirects and not-found pages are the page's business (src/app/_http/page-viewer.ts)." },
        ],
        [
          { group: ["@/components", "@/components/*"], message: "src/lib does not know the UI." },
          { group: ["@/app", "@/app/*"], message: "src/lib does not know the routes." },
        ],
      ),
    },
  },
  {
    // Components run in the browser too: they may use the shared schemas, formatting, the markdown renderer (the editors'
    // live previews; pages get its HTML from the server) and the JSON client, and types.
    files: ["src/components/**/*.{ts,tsx}"],
    ignores: ["src/components/**/*.test.ts", "src/components/**/*.test.tsx"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": restricted(
        [],
        [
          ...[
            ["@/lib/*", "!@/lib/validation", "!@/lib/format", "!@/lib/http", "!@/lib/content"],
            ["@/lib/*/*", "!@/lib/validation/*", "!@/lib/http/client-json", "!@/lib/content/markdown-html"],
            ["@/lib/*/*/**"],
          ].map((group) => ({
            group,
            allowTypeImports: true,
            message:
              "Components may import values only from @/lib/validation, @/lib/format, @/lib/content/markdown-html and @/lib/http/client-json.",
          })),
          { group: ["@/app", "@/app/*", "@/env"], message: "Components get data and settings as props." },
        ],
      ),
    },
  },
];

export default config;
