import { rename, writeFile } from 'node:fs/promises';
import { intFlag, UsageError, type ParsedArgs } from '../args';

/** `--year`, required, within the years a union's books can hold. */
export function yearOf(args: ParsedArgs): number {
  const year = intFlag(args, 'year', 0);
  if (year < 1949 || year > 2200) throw new UsageError('缺少或无效的参数 --year（如 2025）');
  return year;
}

/** Writes beside the target and renames, so an interrupted export never leaves half a file under its name. */
export async function writeAtomic(out: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${out}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, out);
}
