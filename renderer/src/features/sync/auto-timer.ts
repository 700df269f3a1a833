import { AFTER_WRITE_MS, BACK_ONLINE_MS, FIRST_RETRY_MS, nextRetry, PERIOD_MS, someTimeWithin, spread } from './schedule';

export interface AutoSyncDeps {
  /** One sync round; resolves true when it finished, false when it failed. */
  syncNow: () => Promise<boolean>;
  isOnline?: () => boolean;
  random?: () => number;
}

/**
 * When the next automatic sync runs: soon after start, about every minute, soon after a local
 * write, within a few seconds of the network coming back, and after a failure about twice as long
 * each time (up to five minutes). The minute, the retries and the return of the network are spread
 * at random (./schedule.ts) so that many unions do not hit the server together; a write is one
 * user's own. A write made while a round runs may come after that round read the outbox, so it is
 * sent by a round soon after, not left for the next minute.
 */
export class AutoSyncTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retry = FIRST_RETRY_MS;
  private inRound = false;
  private wroteInRound = false;
  private stopped = false;

  constructor(private readonly deps: AutoSyncDeps) {}

  start(firstDelay = 500): void {
    this.plan(firstDelay);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A local write waits to be sent. Each write moves the round later, so a burst of writes is sent together. */
  wrote(): void {
    if (this.inRound) this.wroteInRound = true;
    else this.plan(AFTER_WRITE_MS);
  }

  backOnline(): void {
    this.plan(someTimeWithin(BACK_ONLINE_MS, this.deps.random));
  }

  private plan(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    this.timer = null;
    if (this.stopped) return;
    if (this.deps.isOnline?.() === false) return this.plan(spread(PERIOD_MS, this.deps.random));
    this.inRound = true;
    this.wroteInRound = false;
    void this.deps.syncNow().then((ok) => {
      this.inRound = false;
      if (ok) {
        this.retry = FIRST_RETRY_MS;
        this.plan(this.wroteInRound ? AFTER_WRITE_MS : spread(PERIOD_MS, this.deps.random));
      } else {
        this.plan(spread(this.retry, this.deps.random));
        this.retry = nextRetry(this.retry);
      }
    });
  }
}
