import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Tooltip, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { accountLabel, ALLOCATION_ACCOUNT } from '../../../../shared/accounts/chart';
import { receiveAllocation } from '../../../../shared/engine/ops/allocation';
import { postPurchase } from '../../../../shared/engine/ops/purchase';
import { allocationShareOf } from '../../../../shared/finance/allocation';
import { defaultCategory, offersAssetRegistration } from '../../../../shared/finance/fixed-assets';
import { grantBalances } from '../../../../shared/finance/special-grants';
import { negativeCashMessage } from '../../../../shared/engine/rules/cash';
import { formatYuan } from '../../../../shared/money/fen';
import type { FixedAssetCategory, MoneyPlace, Transaction } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { addPreparedScan } from '../attachments/scan-upload';
import { confirmLargeAmount } from '../../components/confirm';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { YuanInput, yuanRule, yuanToFen } from '../../components/YuanInput';
import { AccountPicker } from './AccountPicker';
import { postEntry, updateEntry, type NewFile } from '../../../../shared/engine/ops/entries';
import { useCashShortfall } from './useCashShortfall';
import { useAttachmentInfo, useLinkOptions, useOpenAdvances, useYearEntries, useYearOpening } from './queries';
import { AdvanceField, EntryKindField, kindAccount, namesAdvance, type EntryKind } from './EntryKindField';
import { useUnion } from '../union/queries';
import { AllocationSplitField, type AllocationMode } from './AllocationSplitField';
import { AssetFields } from './AssetFields';
import { PurposeField } from './PurposeField';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';
import { saveOnEnter } from '../../components/enter-submit';

interface FormValues {
  kind?: EntryKind;
  advanceId?: string;
  date: Dayjs;
  place: MoneyPlace;
  accountCode: string;
  amount: string;
  summary: string;
  link?: string;
  allocation?: AllocationMode;
  purpose?: string;
  asset?: boolean;
  assetName?: string;
  assetCategory?: FixedAssetCategory;
  assetLocation?: string;
  assetKeeper?: string;
}

export interface EntryModalProps {
  open: boolean;
  /** The entry being edited, or null for a new one. */
  editing: Transaction | null;
  defaultDate: string;
  nextVoucher: (year: number) => string;
  onClose: () => void;
}

const LINK_PREFIX = { activity: 'a:', welfare: 'w:' } as const;
const FIELD_NAMES = { amountFen: 'amount', activityId: 'link', welfareId: 'link', name: 'assetName', valueFen: 'amount' } as const;

/** 记一笔 / 修改: date, cash or bank, account, amount in yuan, 摘要, attachments and a link to an activity or visit. */
export function EntryModal({ open, editing, defaultDate, nextVoucher, onClose }: EntryModalProps) {
  const { store } = useServices();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const saving = useSubmit({ form, fields: FIELD_NAMES, session: open && (editing?.id ?? 'new') });
  const requestClose = useGuardedClose({ open, form, save: () => saving.submit(save), close: onClose });
  const date = Form.useWatch('date', form);
  const year = (date ?? dayjs(defaultDate)).year();
  const links = useLinkOptions(year);
  const existing = useAttachmentInfo(editing?.attachmentIds ?? []);
  const place = Form.useWatch('place', form);
  const accountCode = Form.useWatch('accountCode', form);
  const amount = Form.useWatch('amount', form);
  const amountFen = yuanToFen(amount) ?? null;
  const kind: EntryKind = Form.useWatch('kind', form) ?? 'entry';
  const fixed = kindAccount(kind);
  const advances = useOpenAdvances(date?.format('YYYY-MM-DD') ?? defaultDate);
  const union = useUnion();
  const entries = useYearEntries(year);
  // The 专项 as they stand without this entry, so an edit is judged against what the others leave.
  const carried = useYearOpening(year)?.grants;
  const grants = useMemo(
    () =>
      grantBalances(
        (entries ?? []).filter((t) => t.id !== editing?.id),
        `${year}-12-31`,
        `${year}-01-01`,
        carried ?? [],
      ),
    [entries, editing, year, carried],
  );
  const offersAsset = !editing && kind === 'entry' && offersAssetRegistration(accountCode ?? '', amountFen ?? 0);
  const splitsAllocation = !editing && kind === 'entry' && accountCode === ALLOCATION_ACCOUNT;
  const shortfall = useCashShortfall(
    {
      date: date?.format('YYYY-MM-DD') ?? '',
      place: place ?? 'cash',
      accountCode: fixed?.accountCode ?? accountCode ?? '',
      amountFen: kind === 'settle' ? 0 : yuanToFen(amount),
      ...(fixed ? { flow: fixed.flow } : {}),
    },
    editing ?? undefined,
  );

  useEffect(() => {
    if (!open) return;
    setFiles([]);
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            date: dayjs(editing.date),
            place: editing.place,
            accountCode: editing.accountCode,
            amount: formatYuan(editing.amountFen, { grouping: false }),
            summary: editing.summary,
            link: editing.activityId
              ? LINK_PREFIX.activity + editing.activityId
              : editing.welfareId
                ? LINK_PREFIX.welfare + editing.welfareId
                : undefined,
            purpose: editing.purpose || undefined,
          }
        : // What 记一笔 on 402 always meant stays the default: only the union's share arrived.
          { kind: 'entry', date: dayjs(defaultDate), place: 'cash', allocation: 'share', asset: false },
    );
  }, [open, editing, defaultDate, form]);

  async function save(values: FormValues) {
    const link = values.link ?? '';
    const chosen = kindAccount(values.kind ?? 'entry');
    const fields = {
      date: values.date.format('YYYY-MM-DD'),
      // A settlement moves no money; the engine shows it under the place the advance left.
      place: values.place ?? 'cash',
      accountCode: chosen?.accountCode ?? values.accountCode,
      ...(chosen ? { flow: chosen.flow } : {}),
      ...(namesAdvance(values.kind ?? 'entry') && values.advanceId ? { advanceId: values.advanceId } : {}),
      amountFen: yuanToFen(values.amount) ?? Number.NaN,
      summary: values.summary.trim(),
      activityId: link.startsWith(LINK_PREFIX.activity) ? link.slice(2) : '',
      welfareId: link.startsWith(LINK_PREFIX.welfare) ? link.slice(2) : '',
      purpose: values.purpose?.trim() ?? '',
    };
    const options = await confirmLargeAmount(modal, '金额', fields.amountFen);
    if (options) {
      const newFiles: NewFile[] = await Promise.all(
        files.map(async (f) => ({
          name: f.name,
          mimeType: f.type || 'application/octet-stream',
          data: new Uint8Array(await (f.originFileObj as File).arrayBuffer()),
        })),
      );
      let tx: Transaction;
      if (editing) tx = await updateEntry(store, editing.id, fields, newFiles, options);
      else if (splitsAllocation && values.allocation === 'full')
        tx = await receiveAllocation(store, { ...fields, files: newFiles }, options);
      else if (offersAsset && values.asset) {
        const bought = await postPurchase(
          store,
          fields,
          {
            name: values.assetName ?? '',
            category: values.assetCategory ?? defaultCategory(fields.accountCode),
            valueFen: fields.amountFen,
            location: values.assetLocation ?? '',
            keeper: values.assetKeeper ?? '',
          },
          newFiles,
          options,
        );
        tx = bought.transaction;
        message.success(`已登记固定资产：${bought.asset.name}`);
      } else tx = await postEntry(store, fields, newFiles, options);
      message.success(editing ? `已修改 ${tx.voucherNumber}` : `已记账 ${tx.voucherNumber}`);
      onClose();
    }
    return options !== null;
  }

  const linkOptions = [
    {
      label: '活动',
      options: (links?.activities ?? []).map((a) => ({ value: LINK_PREFIX.activity + a.id, label: `${a.startDate} ${a.title}` })),
    },
    {
      label: '慰问',
      options: (links?.welfare ?? [])
        .filter((w) => !w.transactionId || w.id === editing?.welfareId)
        .map((w) => ({ value: LINK_PREFIX.welfare + w.id, label: `${w.date} ${w.kind}慰问 ${w.memberName}` })),
    },
  ];

  return (
    <Modal
      open={open}
      title={editing ? `修改 ${editing.voucherNumber}` : '记一笔'}
      okText="保存"
      confirmLoading={saving.busy}
      onOk={() => void saving.submit(save)}
      onCancel={requestClose}
      destroyOnHidden
      width={620}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          <Tooltip title="快捷键：在金额、摘要等输入框中按 Enter 保存">
            <span>
              <OkBtn />
            </span>
          </Tooltip>
        </>
      )}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 4 }}
        onKeyDown={saveOnEnter(() => saving.submit(save))}
        onValuesChange={(changed: Partial<FormValues>) => {
          // The category follows the account until the user sets it: 50703 is 专用设备.
          if (changed.accountCode !== undefined) {
            form.setFieldValue('assetCategory', defaultCategory(changed.accountCode));
            // A 专项 named for one account means nothing for another (a receipt's purpose is not a charge).
            form.setFieldValue('purpose', undefined);
          }
          if (changed.summary !== undefined && !form.isFieldTouched('assetName')) form.setFieldValue('assetName', changed.summary);
        }}
      >
        <Form.Item label="凭证号">
          <Typography.Text data-testid="voucher-preview">
            {editing ? editing.voucherNumber : `${nextVoucher(year)}（自动编号）`}
          </Typography.Text>
        </Form.Item>
        {!editing && <EntryKindField />}
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} disabledDate={afterToday} />
        </Form.Item>
        {namesAdvance(kind) && <AdvanceField advances={advances} />}
        {kind !== 'settle' && (
          <Form.Item name="place" label="资金" rules={[{ required: true, message: '请选择库存现金或银行存款' }]}>
            <Radio.Group
              options={[
                { value: 'cash', label: '库存现金' },
                { value: 'bank', label: '银行存款' },
              ]}
            />
          </Form.Item>
        )}
        {fixed ? (
          <Form.Item label="科目">
            <Typography.Text data-testid="entry-fixed-account">{accountLabel(fixed.accountCode)}（不计收入、支出）</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="accountCode"
            label="科目"
            tooltip={
              kind === 'settle'
                ? '报销的支出科目：借款已付出，报销时冲减其他应收款，不再动用现金或银行存款'
                : '输入科目编码或名称（如 50702、办公设备），按 Enter 选中'
            }
            rules={[{ required: true, message: '请选择会计科目' }]}
          >
            <AccountPicker />
          </Form.Item>
        )}
        <Form.Item name="amount" label="金额（元）" required rules={[yuanRule('金额')]}>
          <YuanInput placeholder="例如 1200.00" />
        </Form.Item>
        {splitsAllocation && <AllocationSplitField amountFen={amountFen} shareBasisPoints={allocationShareOf(union ?? undefined)} />}
        {!fixed && <PurposeField accountCode={accountCode ?? ''} amountFen={amountFen} grants={grants} />}
        {shortfall && (
          <Form.Item wrapperCol={{ offset: 4 }}>
            <Alert type="warning" showIcon data-testid="cash-warning" title={negativeCashMessage(shortfall)} />
          </Form.Item>
        )}
        <Form.Item
          name="summary"
          label="摘要"
          rules={[
            { required: true, whitespace: true, message: '请填写摘要' },
            { max: 100, message: '摘要不超过 100 个字' },
          ]}
        >
          <Input placeholder="例如 购买春节慰问品" />
        </Form.Item>
        <Form.Item name="link" label="关联" hidden={fixed !== null}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="关联活动或慰问记录（可选）" options={linkOptions} />
        </Form.Item>
        {offersAsset && <AssetFields />}
        <Form.Item label="附件">
          {existing && existing.length > 0 && (
            <Typography.Text type="secondary">已有：{existing.map((a) => a.name).join('、')}</Typography.Text>
          )}
          <Upload
            multiple
            fileList={files}
            beforeUpload={addPreparedScan(setFiles, message.error)}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <a>
              <UploadOutlined /> 添加票据扫描件或照片
            </a>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
