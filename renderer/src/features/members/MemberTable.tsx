import { useMemo, useState } from 'react';
import { CELL_BUTTON, CELL_ICON, CELL_LAYOUT, useCellButtonCss } from '../../components/cell-buttons';
import { CELL_TAG, useCellTagCss, type CellTagColor } from '../../components/cell-tag';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { maskIdNumber, maskPhone } from '../../../../shared/idcard/gb11643';
import { STATUS_LABELS } from '../../../../shared/members/status';
import type { Member, MemberStatus } from '../../../../shared/model/records';

const STATUS_COLORS: Record<MemberStatus, CellTagColor> = {
  active: 'green',
  retired: 'blue',
  unemployed: 'orange',
  'transferred-out': 'default',
  left: 'default',
  deceased: 'default',
};

interface Props {
  members: readonly Member[];
  onEdit: (member: Member) => void;
  height: number;
}

/** The roster. Virtualised, so 5,000 rows scroll as fast as 50; ID and phone stay masked until a row is revealed. */
export function MemberTable({ members, onEdit, height }: Props) {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setRevealed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  useCellButtonCss();
  useCellTagCss();

  const columns = useMemo<VirtualColumn<Member>[]>(
    () => [
      {
        key: 'name',
        title: '姓名',
        width: 110,
        fixed: 'left',
        render: (m) => (
          <button type="button" className={CELL_BUTTON.link} onClick={() => onEdit(m)}>
            {m.name}
          </button>
        ),
      },
      { key: 'gender', title: '性别', width: 60, render: (m) => m.gender },
      { key: 'birthDate', title: '出生日期', width: 105, render: (m) => m.birthDate },
      {
        key: 'idNumber',
        title: '证件号码',
        width: 210,
        render: (m) => {
          const shown = revealed.has(m.id);
          return (
            <span className={CELL_LAYOUT.mono}>
              {shown ? m.idNumber : maskIdNumber(m.idNumber)}
              <button
                type="button"
                className={`${CELL_BUTTON.icon} ${shown ? CELL_ICON.eyeInvisible : CELL_ICON.eye}`}
                title={shown ? '隐藏' : '显示完整号码'}
                aria-label={`${shown ? '隐藏' : '显示'}${m.name}的证件号码和手机`}
                onClick={() => toggle(m.id)}
              />
            </span>
          );
        },
      },
      { key: 'phone', title: '手机', width: 120, render: (m) => (revealed.has(m.id) ? m.phone : maskPhone(m.phone)) },
      { key: 'department', title: '工作单位/部门', width: 130, grow: true, ellipsis: true, render: (m) => m.department },
      { key: 'joinDate', title: '入会日期', width: 105, render: (m) => m.joinDate },
      { key: 'migrant', title: '农民工', width: 70, render: (m) => (m.isMigrantWorker ? '是' : '') },
      {
        key: 'status',
        title: '会籍状态',
        width: 100,
        render: (m) => <span className={CELL_TAG[STATUS_COLORS[m.status]]}>{STATUS_LABELS[m.status]}</span>,
      },
      {
        key: 'actions',
        title: '操作',
        width: 80,
        fixed: 'right',
        render: (m) => (
          <button type="button" className={CELL_BUTTON.button} onClick={() => onEdit(m)}>
            编辑
          </button>
        ),
      },
    ],
    [revealed, onEdit],
  );

  return (
    <VirtualTable<Member>
      label="会员名册"
      rows={members}
      rowKey={(m) => m.id}
      columns={columns}
      height={height}
      data-testid="member-table"
      empty="没有符合条件的会员"
    />
  );
}
