import { describe, expect, it } from 'vitest';
import { OwnRanges } from '../../../shared/sync/own-ranges';

describe('the cursor over a device’s own pushes', () => {
  it('moves over ranges that join up from the cursor, in whatever order the answers come', () => {
    const own = new OwnRanges(10);
    own.add({ from: 16, to: 20 });
    expect(own.cursor).toBe(10);
    own.add({ from: 11, to: 15 });
    expect(own.cursor).toBe(20);
    own.add({ from: 21, to: 20 }); // a push that changed nothing
    own.add({ from: 21, to: 30 });
    expect(own.cursor).toBe(30);
  });

  it('stops where somebody else wrote in between', () => {
    const own = new OwnRanges(0);
    own.add({ from: 1, to: 5 });
    own.add({ from: 8, to: 12 }); // 6 and 7 are another device's
    own.add(undefined);
    expect(own.cursor).toBe(5);
  });

  it('does not move when the first push did not start right after the cursor', () => {
    const own = new OwnRanges(0);
    own.add({ from: 40, to: 50 });
    expect(own.cursor).toBe(0);
  });
});
