import { TreeSelect } from 'antd';
import { ACCOUNTS, isPostable, type AccountKind } from '../../../../shared/accounts/chart';

interface Node {
  value: string;
  title: string;
  selectable?: boolean;
  children?: Node[];
}

const KIND_LABEL: Record<Extract<AccountKind, 'income' | 'expense'>, string> = { income: '收入类', expense: '支出类' };

function tree(postableOnly: boolean): Node[] {
  return (['income', 'expense'] as const).map((kind) => ({
    value: `kind:${kind}`,
    title: KIND_LABEL[kind],
    selectable: false,
    children: ACCOUNTS.filter((a) => a.kind === kind && a.parent === '').map((top) => {
      const children = ACCOUNTS.filter((c) => c.parent === top.code).map((c) => ({ value: c.code, title: `${c.code} ${c.name}` }));
      return {
        value: top.code,
        title: `${top.code} ${top.name}`,
        // Entries go to leaves only; budgets and filters may name a parent, which covers its children.
        selectable: !postableOnly || isPostable(top.code),
        ...(children.length > 0 ? { children } : {}),
      };
    }),
  }));
}

const POSTABLE_TREE = tree(true);
const ANY_TREE = tree(false);

export interface AccountPickerProps {
  value?: string;
  onChange?: (code: string) => void;
  /** Only accounts without sub-accounts (true for entries). */
  postableOnly?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
}

/** The grassroots chart of 工会会计制度 2021 as a searchable tree with codes and names. */
export function AccountPicker({
  value,
  onChange,
  postableOnly = true,
  placeholder = '选择会计科目',
  allowClear,
  id,
  style,
}: AccountPickerProps) {
  return (
    <TreeSelect
      id={id}
      value={value || undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? '')}
      treeData={postableOnly ? POSTABLE_TREE : ANY_TREE}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder}
      allowClear={allowClear}
      style={{ width: '100%', ...style }}
      listHeight={360}
    />
  );
}
