import { Col, Flex, InputNumber, Row, Select, Typography } from 'antd';
import type { HolidayLimit, SpendingLimits } from '../../../../shared/limits/types';
import { EVENT_LIMIT_FIELDS } from './limit-fields';

interface Props {
  value: SpendingLimits;
  onChange: (next: SpendingLimits) => void;
}

/** Yuan input for a limit in fen; empty means no limit. */
function LimitInput({ label, fen, onChange }: { label: string; fen: number | null; onChange: (fen: number | null) => void }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text>{label}</Typography.Text>
      <InputNumber
        aria-label={label}
        min={0}
        precision={0}
        value={fen === null ? null : fen / 100}
        onChange={(v) => onChange(v === null ? null : Math.round(Number(v) * 100))}
        placeholder="不限"
        suffix="元"
        style={{ width: 180 }}
      />
    </Flex>
  );
}

const HOLIDAY_MODES = [
  { value: 'per-person-year', label: '每人每年合计' },
  { value: 'per-holiday', label: '春节与其他节日分别限额' },
  { value: 'share-of-budget', label: '不超过预算收入的比例' },
];

function defaultHoliday(mode: HolidayLimit['mode']): HolidayLimit {
  if (mode === 'per-holiday') return { mode, springFestivalFen: 50_000, otherHolidayFen: 20_000 };
  if (mode === 'share-of-budget') return { mode, percent: 50 };
  return { mode, annualFen: 150_000 };
}

export function CustomLimitsForm({ value, onChange }: Props) {
  const h = value.holiday;
  const setHoliday = (holiday: HolidayLimit) => onChange({ ...value, holiday });
  return (
    <Flex vertical gap={16} data-testid="custom-limits">
      <Flex gap={16} wrap align="end">
        <Flex vertical gap={4}>
          <Typography.Text>节日慰问计算方式</Typography.Text>
          <Select
            aria-label="节日慰问计算方式"
            value={h.mode}
            options={HOLIDAY_MODES}
            onChange={(m) => setHoliday(defaultHoliday(m))}
            style={{ width: 220 }}
          />
        </Flex>
        {h.mode === 'per-person-year' && (
          <LimitInput label="节日每人每年合计" fen={h.annualFen} onChange={(annualFen) => setHoliday({ ...h, annualFen })} />
        )}
        {h.mode === 'per-holiday' && (
          <>
            <LimitInput
              label="春节每人"
              fen={h.springFestivalFen}
              onChange={(springFestivalFen) => setHoliday({ ...h, springFestivalFen })}
            />
            <LimitInput
              label="其他节日每人每节"
              fen={h.otherHolidayFen}
              onChange={(otherHolidayFen) => setHoliday({ ...h, otherHolidayFen })}
            />
          </>
        )}
        {h.mode === 'share-of-budget' && (
          <Flex vertical gap={4}>
            <Typography.Text>占当年预算收入</Typography.Text>
            <InputNumber
              aria-label="占当年预算收入"
              min={1}
              max={100}
              precision={0}
              value={h.percent}
              onChange={(p) => setHoliday({ ...h, percent: p ?? 50 })}
              suffix="%"
            />
          </Flex>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        {EVENT_LIMIT_FIELDS.map((f) => (
          <Col span={8} key={f.key}>
            <LimitInput label={`${f.label}每次`} fen={value[f.key]} onChange={(fen) => onChange({ ...value, [f.key]: fen })} />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
