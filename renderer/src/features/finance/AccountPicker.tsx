import { TreeSelect } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { ACCOUNTS, isPostable, type AccountKind } from '../../../../shared/accounts/chart';
import { matchAccount } from '../../../../shared/accounts/match';

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

/**
 * The grassroots chart of 工会会计制度 2021 as a searchable tree with codes and names. Typing a code
 * or part of a name and pressing Enter picks the account it means (see matchAccount), so the
 * keyboard path is one keystroke after the text, however the tree around it is grouped.
 */
export function AccountPicker({
  value,
  onChange,
  postableOnly = true,
  placeholder = '选择会计科目',
  allowClear,
  id,
  style,
}: AccountPickerProps) {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  function pickTyped(event: KeyboardEvent) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !open || search.trim() === '') return;
    const account = matchAccount(search, postableOnly);
    if (!account) return;
    // Taken before the tree sees the key: the tree would pick nothing when its first match sits under a group.
    event.preventDefault();
    event.stopPropagation();
    onChange?.(account.code);
    setSearch('');
    setOpen(false);
  }
  return (
    <div onKeyDownCapture={pickTyped} style={{ width: '100%', ...style }}>
      <TreeSelect
        id={id}
        value={value || undefined}
        onChange={(v: string | undefined) => onChange?.(v ?? '')}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setSearch('');
        }}
        treeData={postableOnly ? POSTABLE_TREE : ANY_TREE}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title', searchValue: search, onSearch: setSearch }}
        placeholder={placeholder}
        allowClear={allowClear}
        style={{ width: '100%' }}
        listHeight={360}
      />
    </div>
  );
}
