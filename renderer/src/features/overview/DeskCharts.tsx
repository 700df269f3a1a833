import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import type { ActivityTurnout, MemberFlowMonth } from '../../../../shared/desk/charts';
import type { MonthSpending } from '../../../../shared/finance/monthly';
import { formatYuan } from '../../../../shared/money/fen';
import { EChart, type ChartOption } from '../../components/charts/EChart';

const INCOME = '#389e0d';
const SPENDING = '#cf1322';
const MEMBERS = '#1677ff';

const monthName = (month: string) => `${Number(month.slice(5, 7))}月`;
const yuan = (fen: number) => formatYuan(fen);

interface TooltipItem {
  axisValueLabel?: string;
  marker?: string;
  seriesName?: string;
  value?: unknown;
}

/** Tooltip lines as "● 收入：1,234.00 元", one per series. */
function tooltipLines(unit: (value: number) => string) {
  return (items: unknown) => {
    const list = (Array.isArray(items) ? items : [items]) as TooltipItem[];
    const head = list[0]?.axisValueLabel ?? '';
    return [head, ...list.map((i) => `${i.marker ?? ''}${i.seriesName ?? ''}：${unit(Number(i.value))}`)].join('<br/>');
  };
}

/** The three questions a chair asks of the year: money in and out, members in and out, who came to what. */
export default function DeskCharts({
  year,
  months,
  flow,
  turnout,
}: {
  year: number;
  months: MonthSpending[];
  flow: MemberFlowMonth[];
  turnout: ActivityTurnout[];
}) {
  const money = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', formatter: tooltipLines((fen) => `${yuan(fen)} 元`) },
      legend: { data: ['收入', '支出'], top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => monthName(m.month)) },
      yAxis: { type: 'value', name: '元', axisLabel: { formatter: (v: number) => (v / 100).toLocaleString('zh-CN') } },
      series: [
        { name: '收入', type: 'bar', data: months.map((m) => m.incomeFen), itemStyle: { color: INCOME } },
        { name: '支出', type: 'bar', data: months.map((m) => m.expenseFen), itemStyle: { color: SPENDING } },
      ],
    }),
    [months],
  );
  const members = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', formatter: tooltipLines((n) => `${n} 人`) },
      legend: { data: ['入会/转入', '转出/退会', '月末会员'], top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: flow.map((m) => monthName(m.month)) },
      yAxis: [
        { type: 'value', name: '人', minInterval: 1 },
        {
          type: 'value',
          name: '会员',
          minInterval: 1,
          min: (v: { min: number }) => Math.max(0, v.min - Math.max(2, Math.ceil(v.min / 20))),
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: '入会/转入',
          type: 'bar',
          data: flow.map((m) => m.joined),
          itemStyle: { color: INCOME },
          label: { show: true, position: 'top', formatter: hideZero },
        },
        {
          name: '转出/退会',
          type: 'bar',
          data: flow.map((m) => m.left),
          itemStyle: { color: SPENDING },
          label: { show: true, position: 'top', formatter: hideZero },
        },
        { name: '月末会员', type: 'line', yAxisIndex: 1, data: flow.map((m) => m.members), itemStyle: { color: MEMBERS } },
      ],
    }),
    [flow],
  );
  const activities = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', formatter: tooltipLines((n) => `${n} 人次`) },
      grid: { left: 8, right: 40, top: 8, bottom: 4, containLabel: true },
      xAxis: { type: 'value', name: '人次', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: turnout.map((a) => `${monthName(a.date.slice(0, 7))} ${a.title}`),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          name: '参加',
          type: 'bar',
          data: turnout.map((a) => a.personTimes),
          itemStyle: { color: MEMBERS },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [turnout],
  );
  const income = months.reduce((s, m) => s + m.incomeFen, 0);
  const spending = months.reduce((s, m) => s + m.expenseFen, 0);
  const last = flow[flow.length - 1];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={`${year}年每月收了多少、花了多少？`} extra={`收入 ${yuan(income)} 元，支出 ${yuan(spending)} 元`}>
          {income === 0 && spending === 0 ? (
            <Empty description="今年还没有收支记录" />
          ) : (
            <EChart option={money} height={260} label={`${year}年每月收入和支出`} testId="chart-money" />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={`${year}年会员是增是减？`} extra={last ? `现有会员 ${last.members} 人` : undefined}>
          {!last || (last.members === 0 && flow.every((m) => m.left === 0)) ? (
            <Empty description="还没有会员" />
          ) : (
            <EChart option={members} height={260} label={`${year}年每月会员增减`} testId="chart-members" />
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={`${year}年各项活动有多少人参加？`}>
          {turnout.length === 0 ? (
            <Empty description="今年还没有登记活动" />
          ) : (
            <EChart
              option={activities}
              height={Math.max(160, 28 * turnout.length + 40)}
              label={`${year}年各项活动参加人次`}
              testId="chart-activities"
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}

function hideZero(p: unknown): string {
  const value = Number((p as { value?: unknown }).value);
  return value === 0 ? '' : String(value);
}
