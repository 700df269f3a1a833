import { Alert, Button, Card, Col, Input, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { REPORT_STATUSES, type AdminOverviewPage, type AdminUnionRow, type UnionPageQuery } from '../../../shared/sync/admin';
import { ApiError, downloadDocument, downloadSubmittedDocuments, fetchOverview, newCode } from './api';
import { AcceptButton } from './AcceptButton';
import { AnnualStatsButton } from './AnnualStatsButton';
import { AuditButton } from './AuditButton';
import { CreateUnionButton } from './CreateUnionButton';
import { DevicesButton } from './DevicesButton';
import { EnrolmentFileButton } from './EnrolmentFileButton';
import { PackageButton } from './PackageButton';
import { dateTime, yuan } from './format';
import { NoticeButton } from './NoticeButton';
import { OrgTotals } from './OrgTotals';
import { PublishButton } from './PublishButton';
import { ReturnButton } from './ReturnButton';
import { errorText } from '../../../shared/error-text';

const STATUS_COLOR = { 未报送: 'default', 已报送: 'processing', 已退回: 'error', 已接收: 'success' } as const;

export function OverviewPage({ onUnauthorised }: { onUnauthorised: () => void }) {
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [data, setData] = useState<AdminOverviewPage | null>(null);
  // The unions come a page at a time: the server filters, sorts and counts a city's thousands.
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const [filter, setFilter] = useState<Pick<UnionPageQuery, 'org' | 'status' | 'q'>>({});
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [codeShown, setCodeShown] = useState<{ union: string; code: string } | null>(null);

  // Only the newest load shows: an older answer arriving late (a slow first load, the year before a
  // change of year) would otherwise put back figures or a report status from before.
  const latestLoad = useRef(0);
  const load = useCallback(async () => {
    const mine = ++latestLoad.current;
    try {
      const overview = await fetchOverview(year, { ...filter, offset: (page.current - 1) * page.pageSize, limit: page.pageSize });
      if (mine !== latestLoad.current) return;
      setData(overview);
      setError(null);
    } catch (e) {
      if (mine !== latestLoad.current) return;
      if (e instanceof ApiError && e.status === 401) return onUnauthorised();
      setError(errorText(e));
    }
  }, [year, page, filter, onUnauthorised]);

  useEffect(() => {
    void load();
  }, [load]);

  // A changed filter shows its first page: the page the user was on may not exist in the new list.
  const applyFilter = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, current: 1 }));
  };

  const columns = [
    {
      title: '工会',
      key: 'name',
      width: 220,
      // The union and its actions stay in view while a narrow screen scrolls the figures between them.
      fixed: 'left' as const,
      render: (_: unknown, r: AdminUnionRow) => (
        <Space orientation="vertical" size={2}>
          <span>
            {r.name}
            <Typography.Text type="secondary"> （{r.code}）</Typography.Text>
          </span>
          {r.invalidRows > 0 && (
            <Tag color="warning" title="这些记录的数据类型或数值不正确，请该工会核对后重新同步">
              {r.invalidRows} 条记录数据有误，未计入统计
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: `${year}年度报送`,
      key: 'report',
      width: 200,
      render: (_: unknown, r: AdminUnionRow) => (
        <Space orientation="vertical" size={2}>
          <Tag color={STATUS_COLOR[r.reportStatus]}>{r.reportStatus}</Tag>
          {r.receiptNumber && <Typography.Text type="secondary">回执 {r.receiptNumber}</Typography.Text>}
          {r.reportStatus === '已退回' && <Typography.Text type="danger">原因：{r.returnReason}</Typography.Text>}
        </Space>
      ),
    },
    { title: '最近同步', key: 'lastSyncAt', width: 140, render: (_: unknown, r: AdminUnionRow) => dateTime(r.lastSyncAt) },
    { title: '会员', dataIndex: 'members', width: 70, align: 'right' as const },
    { title: '在职', dataIndex: 'inService', width: 70, align: 'right' as const },
    { title: '女会员', dataIndex: 'women', width: 70, align: 'right' as const },
    { title: '农民工会员', dataIndex: 'farmerWorkers', width: 90, align: 'right' as const },
    { title: '入会', dataIndex: 'joined', width: 70, align: 'right' as const },
    { title: '减少', dataIndex: 'left', width: 70, align: 'right' as const },
    {
      title: `${year}年会费收缴（元）`,
      key: 'dues',
      width: 150,
      align: 'right' as const,
      render: (_: unknown, r: AdminUnionRow) => yuan(r.duesCollectedFen),
    },
    {
      title: '经费收入（元）',
      key: 'income',
      width: 130,
      align: 'right' as const,
      render: (_: unknown, r: AdminUnionRow) => yuan(r.incomeFen),
    },
    {
      title: '经费支出（元）',
      key: 'spending',
      width: 130,
      align: 'right' as const,
      render: (_: unknown, r: AdminUnionRow) => yuan(r.spendingFen),
    },
    {
      title: '报送文件',
      key: 'documents',
      width: 260,
      render: (_: unknown, r: AdminUnionRow) => (
        <Space orientation="vertical" size={2}>
          {r.documents.map((d) => (
            <Typography.Link
              key={d.index}
              title={`下载 ${d.name}`}
              onClick={() => void downloadDocument(r.submissionId!, d.index, d.name).catch((e: Error) => setError(e.message))}
            >
              下载 {d.name}
            </Typography.Link>
          ))}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 440,
      fixed: 'right' as const,
      render: (_: unknown, r: AdminUnionRow) => (
        <Space size={4}>
          {r.reportStatus === '已报送' && r.submissionId && (
            <>
              <AcceptButton submissionId={r.submissionId} unionName={r.name} onDone={load} onError={setError} />
              <ReturnButton submissionId={r.submissionId} unionName={r.name} onDone={load} />
            </>
          )}
          <Button size="small" onClick={() => void newCode(r.id).then((c) => setCodeShown({ union: r.name, code: c.enrolmentCode }))}>
            新注册码
          </Button>
          <DevicesButton unionId={r.id} unionName={r.name} onChanged={load} />
          <PackageButton unionId={r.id} unionName={r.name} onDone={load} />
          <EnrolmentFileButton unionId={r.id} unionName={r.name} />
        </Space>
      ),
    },
  ];

  const t = data?.totals;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <span>统计年度</span>
        <InputNumber aria-label="统计年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Button onClick={() => void load()}>刷新</Button>
        <CreateUnionButton onCreated={(union, code) => (setCodeShown({ union, code }), void load())} />
        <PublishButton />
        {data && <NoticeButton orgs={data.orgs} />}
        <AnnualStatsButton year={year} onError={setError} />
        <Button onClick={() => void downloadSubmittedDocuments(year).catch((e: Error) => setError(e.message))}>下载报送文件</Button>
        <AuditButton />
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {codeShown && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setCodeShown(null) }}
          title={`${codeShown.union} 的一次性注册码：${codeShown.code}`}
          description="请告知该工会在“同步”页面填写。注册码只显示这一次，只能使用一次，30 天内有效。"
        />
      )}
      <Row gutter={16}>
        {[
          ['工会数', t?.unions, ''],
          ['会员', t?.members, '人'],
          ['女会员', t?.women, '人'],
          ['农民工会员', t?.farmerWorkers, '人'],
          [`${year}年会费收缴`, t ? yuan(t.duesCollectedFen) : undefined, '元'],
          ['已报送', t ? `${t.submitted} / ${t.unions}` : undefined, ''],
        ].map(([label, value, suffix]) => (
          <Col key={String(label)} span={4}>
            <Card size="small">
              <Statistic title={label} value={value ?? '—'} suffix={suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      {data && data.orgs.length > 1 && <OrgTotals orgs={data.orgs} year={year} />}
      <Card
        title="各基层工会"
        size="small"
        extra={
          <Space wrap>
            {data && data.orgs.length > 1 && (
              <Select
                aria-label="按组织筛选"
                placeholder="全部组织"
                allowClear
                style={{ width: 220 }}
                value={filter.org}
                options={data.orgs.map((o) => ({ value: o.code, label: `${'　'.repeat(o.depth)}${o.name}` }))}
                onChange={(org?: string) => applyFilter({ org })}
              />
            )}
            <Select
              aria-label="按报送状态筛选"
              placeholder="全部报送状态"
              allowClear
              style={{ width: 150 }}
              value={filter.status}
              options={REPORT_STATUSES.map((s) => ({ value: s, label: s }))}
              onChange={(status?: UnionPageQuery['status']) => applyFilter({ status })}
            />
            <Input.Search
              aria-label="搜索工会"
              placeholder="工会名称或代码"
              allowClear
              style={{ width: 220 }}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(q) => applyFilter({ q: q.trim() || undefined })}
            />
          </Space>
        }
      >
        <Table<AdminUnionRow>
          rowKey="id"
          dataSource={data?.unions ?? []}
          columns={columns}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: data?.page.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `共 ${total} 个工会`,
            hideOnSinglePage: true,
            onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
          }}
          scroll={{ x: 2070 }}
          loading={!data && !error}
          size="middle"
        />
      </Card>
    </Space>
  );
}
