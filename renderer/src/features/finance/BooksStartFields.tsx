import { Form, Input, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { BooksStartInput } from '../../../../shared/engine/ops/periods';
import { formatYuan } from '../../../../shared/money/fen';
import type { OpeningBalance } from '../../../../shared/model/records';
import { afterFirstScreen } from '../../app/first-screen';
import { YuanInput, yuanRule, yuanToFen } from '../../components/YuanInput';
import type { BooksMonthProps } from './BooksMonthPicker';

const loadMonthPicker = () => import('./BooksMonthPicker');
const BooksMonthPicker = lazy(() => loadMonthPicker().then((m) => ({ default: m.BooksMonthPicker })));

/** How the 开账 month is written, by the picker and by the text shown before it has loaded. */
export const BOOKS_MONTH_FORMAT = 'YYYY年M月';

/** The 开账 fields as a form holds them; named apart so they can sit in the first-run form beside the union's. */
export interface BooksStartValues {
  booksMonth: Dayjs;
  openingCash?: string;
  openingBank?: string;
  duesBefore?: string;
}

/** The engine's field names of openBooks → these form fields. */
export const BOOKS_START_FIELDS = {
  month: 'booksMonth',
  cashFen: 'openingCash',
  bankFen: 'openingBank',
  duesBeforeFen: 'duesBefore',
} as const;

/** Empty means none: a union may start with nothing in the cash box. */
const fenOrZero = (text: string | undefined) => (text === undefined || text.trim() === '' ? 0 : (yuanToFen(text) ?? Number.NaN));

export function toBooksStart(v: BooksStartValues): BooksStartInput {
  const month = v.booksMonth.format('YYYY-MM');
  return {
    month,
    cashFen: fenOrZero(v.openingCash),
    bankFen: fenOrZero(v.openingBank),
    duesBeforeFen: month.endsWith('-01') ? 0 : fenOrZero(v.duesBefore),
  };
}

export function fromBooksStart(row: OpeningBalance | undefined, thisMonth: string): BooksStartValues {
  if (!row) return { booksMonth: dayjs(`${thisMonth}-01`) };
  return {
    booksMonth: dayjs(`${row.month}-01`),
    openingCash: formatYuan(row.cashFen, { grouping: false }),
    openingBank: formatYuan(row.bankFen, { grouping: false }),
    duesBefore: row.duesBeforeFen ? formatYuan(row.duesBeforeFen, { grouping: false }) : '',
  };
}

/**
 * 开账: the month the books start here and the money on hand on its first day. Dues owed and
 * arrears count from that month; what came before is in these figures.
 */
export function BooksStartFields() {
  const form = Form.useFormInstance<BooksStartValues>();
  const month = Form.useWatch('booksMonth', form);
  const january = !month || month.month() === 0;
  return (
    <>
      <Typography.Paragraph type="secondary">
        从开账月份起在本软件记账，会费欠缴、收缴率都从这个月算起；之前的收支已计入开账时的库存现金和银行存款。
      </Typography.Paragraph>
      {/* A wrapped row is spaced by the fields' own margin, as the rest of the form is. */}
      <Space size={[16, 0]} wrap align="start">
        <Form.Item name="booksMonth" label="开账月份" rules={[{ required: true, message: '请选择开账月份' }]}>
          <BooksMonthInput />
        </Form.Item>
        <Form.Item name="openingCash" label="开账时库存现金" rules={[yuanRule('开账库存现金', false)]}>
          <YuanInput placeholder="0.00" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="openingBank" label="开账时银行存款" rules={[yuanRule('开账银行存款', false)]}>
          <YuanInput placeholder="0.00" style={{ width: 150 }} />
        </Form.Item>
        {!january && (
          <Form.Item name="duesBefore" label={`${month ? month.year() : ''}年开账前已收会费`} rules={[yuanRule('开账前已收会费', false)]}>
            <YuanInput placeholder="0.00" style={{ width: 150 }} />
          </Form.Item>
        )}
      </Space>
    </>
  );
}

/**
 * The month picker is the largest control of the first-run form (antd's DatePicker with its
 * calendar, about 100 KB): its code loads once the first screen has been painted. Until then the
 * month shows as text in a field marked unavailable, which is what the picker shows closed.
 */
function BooksMonthInput(props: BooksMonthProps) {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    // Settled either way: a picker that failed to load is tried again, and reports its error, where it renders.
    const show = () => live && setLoaded(true);
    void afterFirstScreen().then(loadMonthPicker).then(show, show);
    return () => void (live = false);
  }, []);
  const text = <Input id={props.id} value={props.value?.format(BOOKS_MONTH_FORMAT) ?? ''} readOnly aria-disabled style={{ width: 140 }} />;
  return loaded ? (
    <Suspense fallback={text}>
      <BooksMonthPicker {...props} />
    </Suspense>
  ) : (
    text
  );
}
