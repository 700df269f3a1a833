import type { Rule } from 'antd/es/form';

/** A head-count as typed: no clamping or rounding by the input; the rule says what is wrong. */
export function countRule(label: string): Rule {
  return {
    validator: async (_: unknown, value: number | null | undefined) => {
      if (value === null || value === undefined) return;
      if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${label}：请填写不小于 0 的整数`);
    },
  };
}
