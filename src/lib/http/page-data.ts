import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "./errors";

/**
 * For pages: data a user may not see renders the not-found page (as the API answers 404 or 403), and anything else
 * goes to the error boundary.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
