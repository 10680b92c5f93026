import { expect } from "vitest";
import { AppError } from "@/lib/http/errors";

/** The AppError a promise is refused with; fails the test if it resolves or fails with anything else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
