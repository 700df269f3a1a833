import { App, Button, Divider, Drawer, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { checkIdNumber } from '../../../../shared/idcard/gb11643';
import { validateMember } from '../../../../shared/members/validate';
import { parseYuan } from '../../../../shared/money/fen';
import type { Member } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { toDraft, toForm, type MemberFormValues } from './member-form';
import { MemberFormFields } from './MemberFormFields';
import { MembershipHistory } from './MembershipHistory';
import { saveMember } from './mutations';

interface Props {
  member: Member | null;
  open: boolean;
  year: number;
  /** The member's wage base for `year`, in fen, when one is recorded. */
  wageBaseFen: number | null;
  onClose: () => void;
}

/** Add or edit a member: every field of the real-name roster; the ID number fills 性别 and 出生日期. */
export function MemberDrawer({ member, open, year, wageBaseFen, onClose }: Props) {
  const { db, mutator } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toForm(member, wageBaseFen));
  }, [open, member?.id, form]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when another member is opened

  const fillFromId = (raw: string) => {
    if (form.getFieldValue('idType') !== '居民身份证') return;
    const id = checkIdNumber(raw);
    if (id.ok) form.setFieldsValue({ idNumber: id.idNumber, gender: id.gender, birthDate: dayjs(id.birthDate) });
  };

  const save = async (values: MemberFormValues) => {
    const draft = toDraft(values, member?.status ?? 'active');
    if (draft.idType === '居民身份证') draft.idNumber = draft.idNumber.toUpperCase();
    const errors = validateMember(draft);
    const clash = draft.idNumber
      ? await db.members
          .where('idNumber')
          .equals(draft.idNumber)
          .filter((m) => m.deleted === 0 && m.id !== member?.id)
          .first()
      : undefined;
    if (clash) errors.push({ field: 'idNumber', message: `该证件号码已登记为会员“${clash.name}”` });
    if (errors.length > 0) {
      form.setFields(errors.map((e) => ({ name: e.field as keyof MemberFormValues, errors: [e.message] })));
      message.error(errors[0]?.message ?? '请检查填写的内容');
      return;
    }
    setSaving(true);
    try {
      const baseFen = values.wageYuan === null || values.wageYuan === undefined ? null : parseYuan(values.wageYuan);
      await saveMember(db, mutator, member, draft, { year, baseFen });
      message.success(member ? '会员信息已保存' : `已新增会员：${draft.name}`);
      onClose();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={member ? `编辑会员：${member.name}` : '新增会员'}
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={save}>
        <MemberFormFields form={form} year={year} fillFromId={fillFromId} />
      </Form>
      <Divider titlePlacement="start">会籍变动</Divider>
      {member ? <MembershipHistory member={member} /> : <p style={{ color: '#888' }}>保存后可在这里记录转入、转出、退休等会籍变动。</p>}
    </Drawer>
  );
}
