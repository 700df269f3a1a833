/**
 * A device's cursor during a first sync sent with push-only batches (`pullLimit: 0`). Each answer
 * tells the sequence numbers its push took; the device holds those rows already (less the ones
 * handed back). Where the ranges join up from the cursor, nobody else wrote in between, so the
 * cursor can move over them instead of pulling the device's own book back. Answers may come in any
 * order; a range that does not join up stays aside, and the rows behind it are pulled as usual.
 */
export class OwnRanges {
  private readonly pending = new Map<number, number>();

  constructor(private at: number) {}

  get cursor(): number {
    return this.at;
  }

  add(pushed: { from: number; to: number } | undefined): void {
    if (!pushed || pushed.to < pushed.from) return;
    this.pending.set(pushed.from, pushed.to);
    for (let to = this.pending.get(this.at + 1); to !== undefined; to = this.pending.get(this.at + 1)) {
      this.pending.delete(this.at + 1);
      this.at = to;
    }
  }
}
