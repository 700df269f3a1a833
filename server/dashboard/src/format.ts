import { formatYuan } from '../../../shared/money/fen';

export const yuan = (fen: number): string => formatYuan(fen);

export function dateTime(iso: string | null): string {
  if (!iso) return '从未同步';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
