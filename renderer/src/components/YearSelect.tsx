import { Select } from 'antd';

/** The year picker every yearly page has (会费, 活动, 慰问, 收支): "2025年", labelled 年度 for screen readers and tests. */
export function YearSelect({ value, years, onChange }: { value: number; years: readonly number[]; onChange: (year: number) => void }) {
  return (
    <Select
      aria-label="年度"
      value={value}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: `${y}年` }))}
      style={{ width: 110 }}
    />
  );
}
