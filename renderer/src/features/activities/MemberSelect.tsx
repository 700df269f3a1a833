import { Select } from 'antd';
import { useMemo } from 'react';
import type { Member } from '../../../../shared/model/records';

interface Props {
  members: readonly Member[];
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  placeholder?: string;
  id?: string;
}

/** Picks members from the roster; search matches name, department or card number. Used by 活动 and 慰问. */
export function MemberSelect({ members, value, onChange, multiple, placeholder, id }: Props) {
  const options = useMemo(
    () =>
      members.map((m) => ({
        value: m.id,
        label: m.department ? `${m.name}（${m.department}）` : m.name,
        search: `${m.name} ${m.department} ${m.cardNumber}`,
      })),
    [members],
  );
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder ?? '输入姓名或部门搜索'}
      showSearch={{ optionFilterProp: 'search' }}
      allowClear
      maxTagCount="responsive"
      style={{ width: '100%' }}
    />
  );
}
