import { Col, Row, Skeleton } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useDesk } from './desk-queries';
import { MoneyCard } from './MoneyCard';
import { TodoList } from './TodoList';

// The charting library stays out of the start-up bundle: it loads once 概览 has its figures.
const DeskCharts = lazy(() => import('./DeskCharts'));

/**
 * The rest of 概览 around its six figures (`figures`, placed between them as the page lays them out):
 * the to-dos, the money and the year in charts. A chunk of its own, loaded once the figures have
 * rendered: the desk's rules and views are no part of the first screen. Nothing is read until
 * `start`: the database answers reads one after another, and the desk's would hold the figures back.
 */
export function OverviewDesk({ figures, start }: { figures: ReactNode; start: boolean }) {
  const desk = useDesk(start);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {desk ? <TodoList todos={desk.todos} /> : <Skeleton active />}
        </Col>
        <Col xs={24} xl={10}>
          {desk ? <MoneyCard balances={desk.balances} budgets={desk.budgets} year={desk.year} /> : <Skeleton active />}
        </Col>
      </Row>
      {figures}
      {desk && (
        <Suspense fallback={<Skeleton active />}>
          <DeskCharts year={desk.year} months={desk.months} flow={desk.flow} turnout={desk.turnout} />
        </Suspense>
      )}
    </>
  );
}
