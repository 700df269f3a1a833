/**
 * Hybrid logical clock (Kulkarni et al.). Timestamps are strings that sort lexicographically in
 * causal order: `<wall ms, 15 digits>-<counter, 6 digits>-<node id>`. The node id breaks ties, so
 * two devices never produce equal stamps and a per-field merge always has one winner.
 */
export interface HlcState {
  wallMs: number;
  counter: number;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
/** Remote clocks further ahead than this are refused: a device with a broken clock must not drag every other device's clock into the future. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export function formatHlc(state: HlcState, node: string): string {
  return `${String(state.wallMs).padStart(WALL_DIGITS, '0')}-${String(state.counter).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function parseHlc(stamp: string): HlcState & { node: string } {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(stamp);
  if (!match) throw new Error(`无效的时钟值：${stamp}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3] ?? '' };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class HybridLogicalClock {
  private state: HlcState;

  constructor(
    readonly node: string,
    private readonly wallClock: () => number = () => Date.now(),
    initial: HlcState = { wallMs: 0, counter: 0 },
  ) {
    this.state = { ...initial };
  }

  /** A stamp for a local event. */
  now(): string {
    const wall = this.wallClock();
    if (wall > this.state.wallMs) {
      this.state = { wallMs: wall, counter: 0 };
    } else {
      this.bumpCounter();
    }
    return formatHlc(this.state, this.node);
  }

  /** Advances the clock past a stamp received from another device. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    const wall = this.wallClock();
    if (r.wallMs - wall > MAX_DRIFT_MS) {
      throw new Error('对方设备的时钟超前过多，请检查该设备的系统时间');
    }
    const maxWall = Math.max(wall, this.state.wallMs, r.wallMs);
    if (maxWall === this.state.wallMs && maxWall === r.wallMs) {
      this.state = { wallMs: maxWall, counter: Math.max(this.state.counter, r.counter) };
      this.bumpCounter();
    } else if (maxWall === this.state.wallMs) {
      this.bumpCounter();
    } else if (maxWall === r.wallMs) {
      this.state = { wallMs: maxWall, counter: r.counter };
      this.bumpCounter();
    } else {
      this.state = { wallMs: maxWall, counter: 0 };
    }
  }

  snapshot(): HlcState {
    return { ...this.state };
  }

  private bumpCounter(): void {
    if (this.state.counter >= MAX_COUNTER) {
      // Counter exhausted within one millisecond: borrow the next millisecond instead of overflowing the fixed width.
      this.state = { wallMs: this.state.wallMs + 1, counter: 0 };
    } else {
      this.state = { wallMs: this.state.wallMs, counter: this.state.counter + 1 };
    }
  }
}
