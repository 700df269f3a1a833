/**
 * Calls that arrive while the database is busy, sent together. A statement costs the database far
 * more than the few rows one call needs, so when hundreds of devices sync at the same moment they
 * share statements instead of queueing for one each. Nothing waits to be grouped: a call goes out
 * at once when fewer than `parallel` statements are under way, and otherwise with the next one.
 */
export interface BatcherOptions<T, R> {
  /** Statements under way at a time (statementsAtOnce). */
  parallel: number;
  /** Whether `next` may join the calls already taken for one statement (the first always goes). */
  fits(taken: readonly T[], next: T): boolean;
  /** Runs one statement for the calls; answers each call's result or error, in order. */
  run(items: T[]): Promise<(R | Error)[]>;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class Batcher<T, R> {
  private readonly queue: Waiting<T, R>[] = [];
  private running = 0;

  constructor(private readonly options: BatcherOptions<T, R>) {}

  call(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (this.running < this.options.parallel && this.queue.length) {
      const group = this.take();
      this.running++;
      void this.send(group).finally(() => {
        this.running--;
        this.flush();
      });
    }
  }

  /** The oldest calls that fit one statement; the rest keep their place in the queue. */
  private take(): Waiting<T, R>[] {
    const group: Waiting<T, R>[] = [];
    const items: T[] = [];
    for (let i = 0; i < this.queue.length;) {
      const w = this.queue[i]!;
      if (group.length && !this.options.fits(items, w.item)) {
        i++;
        continue;
      }
      group.push(w);
      items.push(w.item);
      this.queue.splice(i, 1);
    }
    return group;
  }

  private async send(group: Waiting<T, R>[]): Promise<void> {
    let results: (R | Error)[];
    try {
      results = await this.options.run(group.map((w) => w.item));
    } catch (error) {
      return group.forEach((w) => w.reject(error));
    }
    group.forEach((w, i) => {
      const result = results[i] as R | Error;
      if (result instanceof Error) w.reject(result);
      else w.resolve(result);
    });
  }
}

/**
 * PostgreSQL runs a few statements side by side. PGlite runs one at a time on its own thread: a
 * second one waits there, ready, so PGlite never idles while this thread encodes the next group.
 */
export const statementsAtOnce = (db: { kind: 'pglite' | 'postgres' }): number => (db.kind === 'pglite' ? 2 : 4);

/** One batcher per database object and purpose, made on first use. */
export function perDatabase<D extends object, B>(make: (db: D) => B): (db: D) => B {
  const made = new WeakMap<D, B>();
  return (db) => {
    let b = made.get(db);
    if (!b) made.set(db, (b = make(db)));
    return b;
  };
}
