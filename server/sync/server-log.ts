import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { FastifyServerOptions } from 'fastify';

/**
 * The server's log: JSON lines (one event each: a request with its id, an error, an admin action),
 * appended to a file only the server's account can read. Bodies are never logged, so tokens,
 * passwords and members' data never reach it; what an error's message may quote (a value a
 * database echoed back, a token) is scrubbed before it is written.
 */

const BEARER = /Bearer\s+\S+/gi;
// Device and session tokens are 43 characters of base64url; ids (UUIDs) are 36 and stay readable.
const TOKEN = /[A-Za-z0-9_-]{40,}/g;
// Resident ID numbers (18 characters, the last may be X; older ones 15 digits).
const ID_NUMBER = /(?<![0-9])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

export function scrub(text: string): string {
  return text.replace(BEARER, 'Bearer [已隐去]').replace(TOKEN, '[已隐去]').replace(ID_NUMBER, '[证件号已隐去]');
}

interface LoggedRequest {
  method: string;
  url: string;
  ip: string;
}

const serializers = {
  req: (req: LoggedRequest) => ({ method: req.method, url: scrub(req.url), remoteAddress: req.ip }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
  err: (error: Error & { code?: unknown }) => ({
    type: error.name,
    code: typeof error.code === 'string' ? error.code : '',
    message: scrub(String(error.message)),
    stack: scrub(error.stack ?? ''),
  }),
};

export interface ServerLog {
  options: Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader'>;
  /** Flushes and closes the file (the server calls it when it closes). */
  close(): Promise<void>;
}

/** Request ids unique across restarts: a prefix per process and a counter. */
function requestIds(): () => string {
  const boot = randomBytes(3).toString('hex');
  let n = 0;
  return () => `${boot}-${(++n).toString(36)}`;
}

export function fileLog(file: string): ServerLog {
  const stream = createWriteStream(file, { flags: 'a', mode: 0o600 });
  return {
    options: {
      // The time as people read it, in UTC.
      logger: { level: 'info', stream, serializers, timestamp: () => `,"time":"${new Date().toISOString()}"` },
      genReqId: requestIds(),
      // A client cannot choose the id its request is logged under.
      requestIdHeader: false,
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (stream.closed) return resolve();
        stream.end(() => resolve());
      }),
  };
}

/** Without a log file: ids still answer in a header, so a user can quote one. */
export function noLog(): ServerLog {
  return { options: { logger: false, genReqId: requestIds(), requestIdHeader: false }, close: async () => undefined };
}
