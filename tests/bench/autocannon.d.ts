// autocannon ships no types and @types/autocannon is not a dependency; this covers the part of its programmatic API the
// bench uses (https://github.com/mcollina/autocannon#api).
declare module "autocannon" {
  type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  };

  export type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Seconds before a request counts as a timeout. */
    timeout?: number;
    /** Requests made in turn by each connection; setupRequest may change each one before it is sent. */
    requests?: { setupRequest?: (request: RequestParams) => RequestParams }[];
  };

  export type RequestParams = { path?: string; method?: string; headers?: Record<string, string>; body?: string };

  export type Result = {
    /** Seconds actually run. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds per request. */
    latency: Histogram;
    /** Requests per second, sampled once a second. */
    requests: Histogram & { sent: number };
    throughput: Histogram;
  };

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
