import { BackupError, BackupPasswordError } from '../../../shared/backup/backup-error';
import { BookError } from '../../../shared/engine/errors';
import { TemplateError } from '../../../shared/documents/errors';
import { RosterFileError } from '../../../shared/roster/sheet';

/** Either end of a worker connection: a Worker, the worker's own scope, or a MessagePort in tests. */
export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

type Handler = (...args: never[]) => unknown;
export type Handlers = Record<string, Handler>;

/** What the page sees of a worker's handlers: the same functions, answering later. */
export type Remote<H extends Handlers> = { [K in keyof H]: (...args: Parameters<H[K]>) => Promise<Awaited<ReturnType<H[K]>>> };

interface Request {
  id: number;
  op: string;
  args: unknown[];
}

/** An error as it crosses to the page: the fields the app's own error types carry, so they come back as themselves. */
export interface WireError {
  name: string;
  message: string;
  field?: string;
  line?: number;
  detail?: string;
  /** BackupPasswordError's: the page asks for the password again on it. */
  kind?: 'missing' | 'wrong';
}

type Response = { id: number; value: unknown } | { id: number; error: WireError };

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const e = error as Error & Partial<Pick<BookError, 'field'> & Pick<TemplateError, 'line' | 'detail'> & Pick<BackupPasswordError, 'kind'>>;
  return { name: e.name, message: e.message, field: e.field, line: e.line, detail: e.detail, kind: e.kind };
}

export function fromWire(e: WireError): Error {
  switch (e.name) {
    case 'BackupPasswordError':
      return new BackupPasswordError(e.kind ?? 'wrong', e.message);
    case 'BackupError':
      return new BackupError(e.message);
    case 'RosterFileError':
      return new RosterFileError(e.message);
    case 'TemplateError':
      return new TemplateError(e.line ?? 0, e.detail ?? e.message);
    case 'BookError':
      return new BookError(e.message, e.field);
    default: {
      const error = new Error(e.message);
      error.name = e.name;
      return error;
    }
  }
}

/** Byte arrays in an answer are moved, not copied: a workbook or a book file can be tens of megabytes. */
function transferables(value: unknown): Transferable[] {
  if (value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength)
    return [value.buffer as ArrayBuffer];
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.values(value).flatMap((v) => (v instanceof Uint8Array ? transferables(v) : []));
  return [];
}

/** Runs in the worker: answers each request with its handler's result or error. */
export function serve(port: Port, handlers: Handlers): void {
  port.addEventListener('message', (event: MessageEvent) => {
    const { id, op, args } = event.data as Request;
    const handler = Object.hasOwn(handlers, op) ? handlers[op] : undefined;
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown operation: ${op}`);
        return (handler as (...a: unknown[]) => unknown)(...args);
      })
      .then(
        (value) => port.postMessage({ id, value } satisfies Response, transferables(value)),
        (error: unknown) => port.postMessage({ id, error: toWire(error) } satisfies Response),
      );
  });
}

/**
 * The page's side: each call posts a request and resolves with the answer. `open` is called on the
 * first call only, so a worker costs nothing until it is needed; `onFailure` lets the opener
 * reject every pending call when the worker itself cannot run.
 */
export function connect<H extends Handlers>(open: (fail: (error: Error) => void) => Port): Remote<H> {
  let port: Port | null = null;
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    port = null;
  };
  const portFor = (): Port => {
    if (port) return port;
    const opened = open(fail);
    opened.addEventListener('message', (event: MessageEvent) => {
      const response = event.data as Response;
      const call = pending.get(response.id);
      if (!call) return;
      pending.delete(response.id);
      if ('error' in response) call.reject(fromWire(response.error));
      else call.resolve(response.value);
    });
    port = opened;
    return opened;
  };
  return new Proxy({} as Remote<H>, {
    get: (_target, op) =>
      typeof op !== 'string'
        ? undefined
        : (...args: unknown[]) =>
            new Promise((resolve, reject) => {
              const id = ++next;
              pending.set(id, { resolve, reject });
              try {
                portFor().postMessage({ id, op, args } satisfies Request);
              } catch (error) {
                pending.delete(id);
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            }),
  });
}
