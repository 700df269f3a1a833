import { Input, Select, Space } from 'antd';
import { STATUS_LABELS } from '../../../../shared/members/status';
import type { MemberFilter } from '../../../../shared/members/search';
import type { MemberStatus } from '../../../../shared/model/records';

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as MemberStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }));

interface Props {
  value: MemberFilter;
  onChange: (next: MemberFilter) => void;
  departments: readonly string[];
}

export function MemberFilters({ value, onChange, departments }: Props) {
  const set = (patch: Partial<MemberFilter>) => onChange({ ...value, ...patch });
  return (
    <Space wrap>
      <Input.Search
        allowClear
        aria-label="搜索会员"
        placeholder="姓名、身份证号、手机或部门"
        style={{ width: 240 }}
        value={value.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <Select
        mode="multiple"
        allowClear
        aria-label="会籍状态"
        placeholder="会籍状态"
        style={{ minWidth: 150 }}
        maxTagCount="responsive"
        options={STATUS_OPTIONS}
        value={value.statuses}
        onChange={(statuses) => set({ statuses })}
      />
      <Select
        aria-label="性别"
        style={{ width: 100 }}
        value={value.gender}
        onChange={(gender) => set({ gender })}
        options={[
          { value: '', label: '全部性别' },
          { value: '男', label: '男' },
          { value: '女', label: '女' },
        ]}
      />
      <Select
        aria-label="农民工"
        style={{ width: 136 }}
        value={value.migrant}
        onChange={(migrant) => set({ migrant })}
        options={[
          { value: '', label: '农民工：全部' },
          { value: 'yes', label: '仅农民工' },
          { value: 'no', label: '非农民工' },
        ]}
      />
      <Select
        mode="multiple"
        allowClear
        aria-label="部门"
        placeholder="部门"
        style={{ minWidth: 160 }}
        maxTagCount="responsive"
        options={departments.map((d) => ({ value: d, label: d }))}
        value={value.departments}
        onChange={(departments) => set({ departments })}
      />
    </Space>
  );
}
