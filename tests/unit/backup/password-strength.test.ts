import { describe, expect, it } from 'vitest';
import { passwordStrength } from '../../../shared/backup/password-strength';

describe('backup password strength', () => {
  it.each([
    ['', 0],
    ['abc123', 0],
    ['12345678', 1],
    ['aaaaaaaaaaaa', 1],
    ['password2025', 1],
    ['gonghui2025!', 1],
    ['abcdefgh', 1],
    ['Tree7House', 2],
    ['Tree7House!', 2],
    ['treehouse-mountain', 3],
    ['Tree7House!Lake', 3],
    ['我们工会2025年共有120名会员!', 3],
  ] as const)('%s is level %i', (password, level) => {
    expect(passwordStrength(password).level).toBe(level);
  });
});
