/** Types for serve.mjs, so TypeScript tests can start the demo server. */
export function startServer(options?: { port?: number; root?: string; headers?: Record<string, string> }): Promise<{
  url: string;
  port: number;
  close: () => Promise<void>;
}>;
