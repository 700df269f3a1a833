import { todayIso } from '../../../../shared/clock/today';
import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { departmentsOf, EMPTY_FILTER, matchesMember, type MemberFilter } from '../../../../shared/members/search';
import type { Member } from '../../../../shared/model/records';
import { useUnion } from '../union/queries';
import { ExportModal } from './ExportModal';
import { ImportWizard } from './ImportWizard';
import { MemberDrawer } from './MemberDrawer';
import { useOpenParam } from '../search/useOpenParam';
import { MemberFilters } from './MemberFilters';
import { MemberTable } from './MemberTable';
import { useAllMembershipEvents, useMembers, useWageBases } from './queries';
import { StatsStrip } from './StatsStrip';
import { PrintButton, PrintTitle } from '../../components/print/PrintButton';

export function MembersPage() {
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const union = useUnion();
  const members = useMembers();
  const events = useAllMembershipEvents();
  const wageBases = useWageBases(year);
  const [filter, setFilter] = useState<MemberFilter>(EMPTY_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);

  const shown = useMemo(() => (members ?? []).filter((m) => matchesMember(m, deferredFilter)), [members, deferredFilter]);
  const departments = useMemo(() => departmentsOf(members ?? []), [members]);
  const baseOf = useMemo(() => new Map((wageBases ?? []).map((w) => [w.memberId, w.baseFen])), [wageBases]);
  // Looked up in the live list, so the drawer shows a status changed by a membership event at once.
  const editing = useMemo(() => (editingId ? ((members ?? []).find((m) => m.id === editingId) ?? null) : null), [members, editingId]);
  const openMember = useCallback((m: Member | null) => {
    setEditingId(m?.id ?? null);
    setDrawerOpen(true);
  }, []);
  useOpenParam('open', (id) => {
    setEditingId(id);
    setDrawerOpen(true);
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <StatsStrip
        members={members ?? []}
        events={events ?? []}
        year={year}
        today={today}
        loading={members === undefined || events === undefined}
      />
      <Card size="small">
        <Flex wrap gap="middle" justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <MemberFilters value={filter} onChange={setFilter} departments={departments} />
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openMember(null)}>
              新增会员
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)}>
              导入名册
            </Button>
            <Button icon={<DownloadOutlined />} disabled={shown.length === 0} onClick={() => setExportOpen(true)}>
              导出名册
            </Button>
            <PrintButton label="打印名册" disabled={shown.length === 0} />
          </Space>
        </Flex>
        <Typography.Text type="secondary" data-testid="member-count">
          共 {shown.length} 人{shown.length !== (members?.length ?? 0) ? `（全部 ${members?.length ?? 0} 人）` : ''}
        </Typography.Text>
        <div className="print-target">
          <PrintTitle>{`${union?.name ?? ''}会员名册（共 ${shown.length} 人）`}</PrintTitle>
          <MemberTable members={shown} onEdit={openMember} height={520} />
        </div>
      </Card>
      <MemberDrawer
        member={editing}
        open={drawerOpen}
        year={year}
        wageBaseFen={editing ? (baseOf.get(editing.id) ?? null) : null}
        onClose={() => setDrawerOpen(false)}
      />
      <ImportWizard open={importOpen} year={year} onClose={() => setImportOpen(false)} />
      <ExportModal open={exportOpen} onClose={() => setExportOpen(false)} members={shown} unionName={union?.name ?? '工会'} year={year} />
    </Space>
  );
}
