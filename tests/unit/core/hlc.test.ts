import { describe, expect, it } from 'vitest';
import { compareHlc, HybridLogicalClock, parseHlc } from '../../../shared/clock/hlc';

describe('hybrid logical clock', () => {
  it('is strictly increasing even when the wall clock stands still or goes back', () => {
    let wall = 1_000;
    const clock = new HybridLogicalClock('a', () => wall);
    const stamps = [clock.now(), clock.now()];
    wall = 500;
    stamps.push(clock.now());
    wall = 2_000;
    stamps.push(clock.now());
    for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i - 1] ?? '', stamps[i] ?? '')).toBe(-1);
    expect(parseHlc(stamps[2] ?? '')).toEqual({ wallMs: 1_000, counter: 2, node: 'a' });
  });

  it('orders a received event after the remote stamp', () => {
    const a = new HybridLogicalClock('a', () => 5_000);
    const b = new HybridLogicalClock('b', () => 1_000);
    const remote = a.now();
    b.receive(remote);
    const local = b.now();
    expect(compareHlc(remote, local)).toBe(-1);
    expect(parseHlc(local).wallMs).toBe(5_000);
  });

  it('breaks ties between devices by node id so merges always have a winner', () => {
    const a = new HybridLogicalClock('a', () => 7);
    const b = new HybridLogicalClock('b', () => 7);
    const sa = a.now();
    const sb = b.now();
    expect(sa).not.toBe(sb);
    expect(compareHlc(sa, sb)).toBe(-1);
  });

  it('sorts lexicographically as it sorts causally across digit boundaries', () => {
    let wall = 9;
    const clock = new HybridLogicalClock('n', () => wall);
    const first = clock.now();
    wall = 10;
    expect(compareHlc(first, clock.now())).toBe(-1);
  });

  it('refuses a remote clock a day or more ahead', () => {
    const clock = new HybridLogicalClock('a', () => 0);
    const far = new HybridLogicalClock('b', () => 2 * 24 * 3600 * 1000).now();
    expect(() => clock.receive(far)).toThrow('时钟超前');
  });
});
