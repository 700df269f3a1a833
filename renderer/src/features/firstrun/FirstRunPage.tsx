import { DatabaseOutlined, PlusCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { lazy, Suspense, useEffect, useState } from 'react';
import { App, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { thisMonth } from '../../../../shared/clock/today';
import { SPENDING_PRESETS } from '../../../../shared/limits/presets';
import type { SpendingPresetId } from '../../../../shared/model/records';
import { useServices, useSwitchBook } from '../../app/services';
import { countRule } from '../../components/count-rule';
import { useSubmit } from '../../components/useSubmit';
import { BOOKS_START_FIELDS, BooksStartFields, fromBooksStart, toBooksStart, type BooksStartValues } from '../finance/BooksStartFields';
import { confirmAsync } from '../../components/confirm';
import { LeaveSyncNotice } from '../backup/LeaveSyncNotice';
import { useEnrolment } from '../backup/useEnrolment';
import { markFirstScreenShown } from '../../app/first-screen';
import { preloadWhenIdle } from '../../app/idle-preload';
import { RestoreButtonsView } from './RestoreButtonsView';

// Restoring and the demo book need the backup reader; the page shows without it and fetches it when idle.
const loadRestore = () => import('./RestoreButtons');
const RestoreButtons = lazy(loadRestore);
const loadBookIo = () => import('../backup/book-io');
// The book engine's rules for the start of books and the union are needed at 创建, not to show the form.
const loadCreate = () => Promise.all([import('../../../../shared/engine/ops/periods'), import('../../../../shared/engine/ops/union')]);

interface CreateForm extends BooksStartValues {
  name: string;
  employer?: string;
  upperUnion?: string;
  chair?: string;
  treasurer?: string;
  employeeCount?: number;
  spendingPreset: SpendingPresetId;
}

/** The spending-limit presets by province, and 自定义 for a province without one. */
const PROVINCE_OPTIONS: { value: SpendingPresetId; label: string }[] = [
  ...SPENDING_PRESETS.map((p) => ({ value: p.id, label: `${p.name.split(' ')[0]}（${p.year}年实施细则）` })),
  { value: 'custom', label: '其他省份（自定义，创建后在设置中填写本地标准）' },
];

/** First start: set up one's own union and say where its books start (开账), or look around in a realistic demo union first. */
export function FirstRunPage() {
  const { db, mutator, store } = useServices();
  const switchBook = useSwitchBook();
  const [top, setTop] = useState<HTMLDivElement | null>(null);
  // Rendering the lazy buttons would fetch the flow at once, with the page: they wait for the preload.
  const [restoreLoaded, setRestoreLoaded] = useState(false);
  useEffect(() => {
    markFirstScreenShown();
    // Settled either way: a flow that failed to load is tried again, and reports its error, where it renders.
    return preloadWhenIdle([() => loadRestore().finally(() => setRestoreLoaded(true)), loadCreate, loadBookIo]);
  }, []);
  const { message, modal } = App.useApp();
  const enrolled = useEnrolment(db);
  const [form] = Form.useForm<CreateForm>();
  const creating = useSubmit({ form, fields: BOOKS_START_FIELDS, session: 'first-run' });
  const demoLoading = useSubmit({ session: 'first-run' });

  const create = async (values: CreateForm) => {
    const [{ openBooks }, { createUnion }] = await loadCreate();
    // The start of books first: a refused amount or month is shown here, before the union exists
    // and the app moves on; said again, openBooks replaces the start, so a retry is safe.
    await openBooks(store, toBooksStart(values));
    await createUnion(store, {
      name: values.name.trim(),
      employer: values.employer?.trim() ?? '',
      upperUnion: values.upperUnion?.trim() ?? '',
      chair: values.chair?.trim() ?? '',
      treasurer: values.treasurer?.trim() ?? '',
      employeeCount: values.employeeCount ?? 0,
      spendingPreset: values.spendingPreset,
    });
    message.success('工会已创建');
  };

  // The demo union must never be sent up as the union this device is enrolled for.
  const demo = async () => {
    const enrolment = await enrolled();
    if (
      enrolment &&
      !(await confirmAsync(modal, {
        title: '退出同步并载入示例数据？',
        width: 560,
        content: <LeaveSyncNotice enrolment={enrolment} />,
        okText: '退出同步并载入',
        cancelText: '取消',
        danger: true,
      }))
    )
      return false;
    const { loadDemoBook } = await loadBookIo();
    await switchBook((await loadDemoBook(db, mutator)).opened);
    message.success('示例数据已载入');
  };

  return (
    <div style={{ maxWidth: 1040, margin: '24px auto', padding: '0 24px' }}>
      <div ref={setTop} />
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        欢迎使用工会账簿
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        会员名册、会费、活动、慰问和经费收支记在一处，年底一键生成工作总结和报表。数据保存在本机，无需联网。
      </Typography.Paragraph>
      <Row gutter={24} style={{ marginTop: 16 }}>
        <Col xs={24} md={15}>
          <Card
            title={
              <>
                <PlusCircleOutlined /> 创建我的工会
              </>
            }
          >
            <Form<CreateForm> form={form} layout="vertical" requiredMark="optional" initialValues={fromBooksStart(undefined, thisMonth())}>
              <Form.Item label="工会名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写工会名称' }]}>
                <Input placeholder="例如：某某有限公司工会委员会" autoFocus />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item label="所在单位" name="employer">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="上级工会" name="upperUnion">
                    <Input placeholder="例如：某某区总工会" />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item label="工会主席" name="chair">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="经费会计/出纳" name="treasurer">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="职工人数" name="employeeCount" rules={[countRule('职工人数')]}>
                    <InputNumber style={{ width: '100%' }} suffix="人" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                label="所在省份（开支标准）"
                name="spendingPreset"
                rules={[{ required: true, message: '请选择所在省份；没有列出的，选“其他省份（自定义）”' }]}
                extra="慰问、节日慰问品等开支的上限按所在省份的实施细则提示，以后可在“设置 → 开支标准”中修改。"
              >
                <Select placeholder="请选择" options={PROVINCE_OPTIONS} />
              </Form.Item>
              <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
                开账
              </Divider>
              <BooksStartFields />
              <Button type="primary" loading={creating.busy} onClick={() => void creating.submit(create)} block>
                创建
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} md={9}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Card
              title={
                <>
                  <UploadOutlined /> 从备份恢复
                </>
              }
            >
              <Typography.Paragraph>
                已经在别的电脑上记过账？打开那台电脑备份的 .ubk 文件（包括设有密码的加密备份），接着记。
              </Typography.Paragraph>
              {restoreLoaded ? (
                <Suspense fallback={<RestoreButtonsView busy />}>
                  <RestoreButtons top={top} />
                </Suspense>
              ) : (
                <RestoreButtonsView busy />
              )}
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                换届后接手账簿：用“载入交接文件”打开移交人交来的加密交接备份，交接会记入账簿。
              </Typography.Paragraph>
            </Card>
            <Card
              title={
                <>
                  <DatabaseOutlined /> 先看看示例
                </>
              }
            >
              <Typography.Paragraph>
                载入一个虚构工会的完整账簿：约 120 名会员、一年的会费、活动、慰问和收支记录，每个页面都有真实可看的内容。
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">看完后可在“设置 → 备份与恢复”中清空示例，创建自己的工会。</Typography.Paragraph>
              <Button onClick={() => void demoLoading.submit(demo)} loading={demoLoading.busy} block>
                载入示例数据
              </Button>
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
