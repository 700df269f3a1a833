import { Input, type InputProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { parseYuan } from '../../../shared/money/fen';
import type { Fen } from '../../../shared/model/records';

/**
 * An amount in yuan, kept exactly as typed (a string): no clamping to a minimum, no rounding to two
 * decimals on blur. What the user typed is what the book engine judges, so "-500" is refused with
 * the engine's message instead of silently becoming 0.01.
 */
export function YuanInput(props: Omit<InputProps, 'inputMode' | 'suffix'>) {
  return <Input inputMode="decimal" suffix="元" autoComplete="off" {...props} />;
}

/** The fen of a typed amount, or null when the text is not an amount (empty, letters, three decimals). */
export function yuanToFen(text: string | number | null | undefined): Fen | null {
  if (text === null || text === undefined) return null;
  return parseYuan(typeof text === 'number' ? String(text) : text.trim());
}

/** The form rule of an amount field: it must read as yuan; whether it may be booked is the engine's to say. */
export function yuanRule(label: string, required = true): Rule {
  return {
    validator: async (_: unknown, value: string | null | undefined) => {
      if (value === undefined || value === null || value.trim() === '') {
        if (required) throw new Error(`${label}：请填写金额（元，最多两位小数）`);
        return;
      }
      if (yuanToFen(value) === null) throw new Error(`${label}：请填写金额（元，最多两位小数）`);
    },
  };
}
