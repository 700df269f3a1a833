/**
 * How many rows one step of a large insert prepares and issues, so that a step stays within a time
 * budget on whatever PC it runs. A step's cost is nearly all per row: stamping and checking each row,
 * then IndexedDB copying it and its outbox change (structured clone, index keys) as the requests are
 * issued. A roster's member row costs several times a dues payment, and a slow or busy PC several
 * times a quiet one, so a fixed count that is short on one is a long task on another: 250 members
 * took 116–124 ms of CPU in one task on a loaded PC. Each table's cost per row is learnt from the
 * steps already written and the next step sized to the budget, starting small.
 */
export class WriteBudget {
  private readonly msPerRow = new Map<string, number>();

  constructor(
    private readonly budgetMs = 30,
    private readonly limits: { first: number; min: number; max: number } = { first: 50, min: 10, max: 250 },
  ) {}

  /** Rows for the next step of an insert into `table`. */
  rows(table: string): number {
    const perRow = this.msPerRow.get(table);
    if (perRow === undefined) return this.limits.first;
    if (perRow <= 0) return this.limits.max;
    return Math.max(this.limits.min, Math.min(this.limits.max, Math.floor(this.budgetMs / perRow)));
  }

  /** A step of `rows` rows into `table` took `ms` to prepare and issue. */
  took(table: string, rows: number, ms: number): void {
    if (rows <= 0) return;
    const perRow = ms / rows;
    const before = this.msPerRow.get(table);
    // Half the last step's cost, half what came before: one step slowed by a garbage collection or
    // another program does not halve the next, nor does one quick step double it.
    this.msPerRow.set(table, before === undefined ? perRow : (before + perRow) / 2);
  }
}
