import { describe, expect, it } from 'vitest';
import { UUID_V7_PATTERN, uuidv7, uuidv7Time } from '../../../shared/ids/uuid7';

describe('UUID v7', () => {
  it('has version 7 and the RFC 9562 variant', () => {
    for (let i = 0; i < 100; i++) expect(uuidv7()).toMatch(UUID_V7_PATTERN);
  });
  it('carries its creation time and sorts by it', () => {
    const early = uuidv7(1_700_000_000_000);
    const late = uuidv7(1_700_000_000_001);
    expect(uuidv7Time(early)).toBe(1_700_000_000_000);
    expect(early < late).toBe(true);
  });
  it('is unique', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => uuidv7(42)));
    expect(ids.size).toBe(5000);
  });
});
