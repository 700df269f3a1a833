import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { afterThisMonth } from '../../components/dates';
import { BOOKS_MONTH_FORMAT } from './BooksStartFields';

export interface BooksMonthProps {
  id?: string;
  value?: Dayjs;
  onChange?: (month: Dayjs | null) => void;
}

/** 开账月份: a month up to this one. */
export function BooksMonthPicker(props: BooksMonthProps) {
  return (
    <DatePicker
      {...props}
      picker="month"
      allowClear={false}
      disabledDate={afterThisMonth}
      format={BOOKS_MONTH_FORMAT}
      style={{ width: 140 }}
    />
  );
}
