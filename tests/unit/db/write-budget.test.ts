import { describe, expect, it } from 'vitest';
import { pipelined } from '../../../renderer/src/db/pipelined';
import { WriteBudget } from '../../../renderer/src/db/write-budget';

/**
 * Steps of a large insert whose rows cost `msPerRow` each to prepare and issue, sized by the budget:
 * the sizes each step was given. The clock is the cost model's, so this runs the same on any machine.
 */
async function stepsOf(budget: WriteBudget, table: string, count: number, msPerRow: number): Promise<number[]> {
  const sizes: number[] = [];
  await pipelined(
    count,
    () => budget.rows(table),
    (from, to) => {
      sizes.push(to - from);
      budget.took(table, to - from, (to - from) * msPerRow);
      return Promise.resolve();
    },
  );
  return sizes;
}

describe('the time budget of a large insert’s steps', () => {
  it('starts small and sizes the steps of costly rows to the budget (a roster’s members on a slow PC)', async () => {
    // 250 members took 116–124 ms of CPU in one step on a loaded PC: about half a millisecond a row.
    const sizes = await stepsOf(new WriteBudget(30), 'members', 5000, 0.5);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(sizes[0]).toBe(50);
    expect(Math.max(...sizes) * 0.5).toBeLessThanOrEqual(30);
    // Every step after the first but the last, which takes what is left.
    expect(sizes.slice(1, -1).every((n) => n === 60)).toBe(true);
  });

  it('writes cheap rows in steps as large as before, never larger', async () => {
    const sizes = await stepsOf(new WriteBudget(30), 'duesPayments', 5000, 0.02);
    expect(sizes.slice(1, -1).every((n) => n === 250)).toBe(true);
    expect(Math.max(...sizes)).toBe(250);
  });

  it('learns each table apart, and keeps what it learnt for the next insert', async () => {
    const budget = new WriteBudget(30);
    await stepsOf(budget, 'members', 500, 0.5);
    await stepsOf(budget, 'wageBases', 500, 0.05);
    expect(budget.rows('members')).toBe(60);
    expect(budget.rows('wageBases')).toBe(250);
  });

  it('is not halved by one slow step, and never goes below its floor nor stops', async () => {
    const budget = new WriteBudget(30);
    budget.took('members', 60, 30);
    // A step twice as slow (a garbage collection in it): the next is two thirds, not half.
    budget.took('members', 60, 60);
    expect(budget.rows('members')).toBe(40);
    budget.took('members', 1, 1000);
    expect(budget.rows('members')).toBe(10);
    budget.took('members', 10, 0);
    expect(budget.rows('members')).toBeGreaterThanOrEqual(10);
    // A sizer that answers nothing still moves on a row at a time.
    const seen: number[] = [];
    await pipelined(
      3,
      () => 0,
      (from, to) => (seen.push(to - from), Promise.resolve()),
    );
    expect(seen).toEqual([1, 1, 1]);
  });
});
