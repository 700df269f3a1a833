/**
 * Calls that arrive while the database is busy, sent together. A statement costs the database far
 * more than the few rows one call needs, so when hundreds of devices sync at the same moment they
 * share statements instead of queueing for one each. Nothing waits to be grouped: a call goes out
 * at once when fewer than `parallel` statements are under way, and otherwise with the next one.
 */
export interface BatcherOptions<T, R> {
  /** Statements under way at a time (statementsAtOnce). */
  parallel: number;
  /**
   * A fresh test for one statement, put to every waiting call in order: whether `next` may join
   * the calls it accepted so far. It keeps its own count, so a group is formed in one pass.
   */
  group(): (next: T) => boolean;
  /** Runs one statement for the calls; answers each call's result or error, in order. */
  run(items: T[]): Promise<(R | Error)[]>;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class Batcher<T, R> {
  private queue: Waiting<T, R>[] = [];
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
    const fits = this.options.group();
    const group: Waiting<T, R>[] = [];
    const rest: Waiting<T, R>[] = [];
    // Every call is put to the test, the first included, so the test counts it; the first goes regardless.
    for (const w of this.queue) (fits(w.item) || group.length === 0 ? group : rest).push(w);
    this.queue = rest;
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
