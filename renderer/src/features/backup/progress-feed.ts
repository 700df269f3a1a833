import type { BackupProgress } from '../../../../shared/backup/progress';
import type { TableName } from '../../../../shared/model/book';

export type BackupStep = BackupProgress['step'];
export type StepProgress = Partial<Record<TableName | 'files', { done: number; total: number }>>;

/** What the progress card shows: how far each step is and which one is under way. */
export interface ProgressView {
  steps: StepProgress;
  current: BackupStep | null;
}

/**
 * The card is told at most this often. A backup or restore reports every batch, dozens a second;
 * each report re-rendering the page (its cards, typography and 18 progress bars) in the same task
 * as the work around it made tasks of 150–250 ms on a large book. Ten a second reads as live.
 */
export const FEED_INTERVAL_MS = 100;

const EMPTY: ProgressView = { steps: {}, current: null };

/**
 * Progress of a backup or restore between the work and the card that shows it. Reports only update
 * the view; the one listener (the card, which alone re-renders) hears of it once per interval, the
 * first report of a run at once, so nothing else on the page renders per batch.
 */
export class ProgressFeed {
  private view: ProgressView = EMPTY;
  private listener: ((view: ProgressView) => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = -Infinity;

  constructor(private readonly interval = FEED_INTERVAL_MS) {}

  readonly report = (p: BackupProgress): void => {
    this.view = { current: p.step, steps: { ...this.view.steps, [p.step]: { done: p.done, total: p.total } } };
    if (this.timer !== null) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, this.last + this.interval - performance.now()));
  };

  /** Starts over (a new run or phase): the card is told at once. */
  reset(): void {
    this.view = EMPTY;
    this.flush();
  }

  snapshot(): ProgressView {
    return this.view;
  }

  /** The card's subscription; returns the unsubscribe. */
  subscribe(listener: (view: ProgressView) => void): () => void {
    this.listener = listener;
    listener(this.view);
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.last = performance.now();
    this.listener?.(this.view);
  }
}
