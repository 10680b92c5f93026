/** One error type for everything the user may be told; its code decides the HTTP status. */

export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; requestId?: string };
};

const BRAND = Symbol.for("budhhub.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;

  /**
   * True for an AppError from any copy of this module. Next.js bundles each route with its own copy of our modules, and
   * an object kept on globalThis (the database, the storage driver) may throw one made by another copy, which
   * `instanceof` would not recognise.
   */
  static is(error: unknown): error is AppError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly code: ErrorCode,
    /** Shown to the user as it is: never put internals here. */
    readonly userMessage: string,
    readonly options: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(userMessage);
    this.name = "AppError";
  }

  get status() {
    return errorStatus[this.code];
  }
}
