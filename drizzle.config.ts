import { defineConfig } from "drizzle-kit";

// Only `npm run db:generate` uses this file: it diffs the schema against drizzle/ and writes a new migration.
// Migrations are applied by the app itself (src/lib/db/migrate.ts), on every driver.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/lib/db/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
  strict: true,
});
