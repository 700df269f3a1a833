import { App, Button, Divider, Drawer, Form, Popconfirm, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { checkIdNumber } from '../../../../shared/idcard/gb11643';
import type { Member } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { yuanToFen } from '../../components/YuanInput';
import { toDraft, toForm, type MemberFormValues } from './member-form';
import { MemberFormFields } from './MemberFormFields';
import { MembershipHistory } from './MembershipHistory';
import { removeMember, saveMember } from '../../../../shared/engine/ops/members';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';
import { saveOnEnter } from '../../components/enter-submit';

interface Props {
  member: Member | null;
  open: boolean;
  year: number;
  /** The member's wage base for `year`, in fen, when one is recorded. */
  wageBaseFen: number | null;
  onClose: () => void;
}

const FIELD_NAMES = { baseFen: 'wageYuan' } as const;

/** Add or edit a member: every field of the real-name roster; the ID number fills 性别 and 出生日期. */
export function MemberDrawer({ member, open, year, wageBaseFen, onClose }: Props) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const saving = useSubmit({ form, fields: FIELD_NAMES, session: open && (member?.id ?? 'new') });
  const removing = useSubmit({ session: open && member?.id });
  const requestClose = useGuardedClose({ open, form, save: () => saving.submit(save), close: onClose, showing: member?.id });

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
    const baseFen = yuanToFen(values.wageYuan);
    await saveMember(store, member?.id ?? null, { draft, wage: { year, baseFen } });
    message.success(member ? '会员信息已保存' : `已新增会员：${draft.name}`);
    onClose();
  };

  const remove = async () => {
    if (!member) return;
    await removeMember(store, member.id);
    message.success(`已删除会员：${member.name}`);
    onClose();
  };

  return (
    <Drawer
      title={member ? `编辑会员：${member.name}` : '新增会员'}
      open={open}
      onClose={requestClose}
      size={720}
      destroyOnHidden
      extra={
        <Space>
          {member && (
            <Popconfirm
              title={`删除会员“${member.name}”？`}
              description={
                <div style={{ maxWidth: 320 }}>
                  仅用于删除误录入的会员，删除后名册中不再有此人。已离开本会的会员请在下方“会籍变动”中登记退会或转出，以保留统计。
                </div>
              }
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => removing.submit(remove)}
            >
              <Button danger loading={removing.busy}>
                删除会员
              </Button>
            </Popconfirm>
          )}
          <Button onClick={requestClose}>取消</Button>
          <Button type="primary" loading={saving.busy} onClick={() => void saving.submit(save)}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onKeyDown={saveOnEnter(() => saving.submit(save))}>
        <MemberFormFields form={form} year={year} fillFromId={fillFromId} />
      </Form>
      <Divider titlePlacement="start">会籍变动</Divider>
      {member ? <MembershipHistory member={member} /> : <p style={{ color: '#888' }}>保存后可在这里记录转入、转出、退休等会籍变动。</p>}
    </Drawer>
  );
}
