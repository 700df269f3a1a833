import { App, Button, Divider, Drawer, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { checkIdNumber } from '../../../../shared/idcard/gb11643';
import { parseYuan } from '../../../../shared/money/fen';
import type { Member } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { fieldErrors, userMessage } from '../../components/user-message';
import { toDraft, toForm, type MemberFormValues } from './member-form';
import { MemberFormFields } from './MemberFormFields';
import { MembershipHistory } from './MembershipHistory';
import { saveMember } from '../../../../shared/engine/ops/members';

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
  const { store } = useServices();
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
    setSaving(true);
    try {
      const baseFen = values.wageYuan === null || values.wageYuan === undefined ? null : parseYuan(values.wageYuan);
      await saveMember(store, member?.id ?? null, { draft, wage: { year, baseFen } });
      message.success(member ? '会员信息已保存' : `已新增会员：${draft.name}`);
      onClose();
    } catch (error) {
      form.setFields(
        fieldErrors(error).map((e) => ({ ...e, name: e.name === 'baseFen' ? 'wageYuan' : (e.name as keyof MemberFormValues) })),
      );
      message.error(userMessage(error));
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
