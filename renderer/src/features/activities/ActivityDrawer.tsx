import { App, AutoComplete, Button, DatePicker, Divider, Drawer, Form, Input, InputNumber, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { todayIso } from '../../../../shared/clock/today';
import { ACTIVITY_CATEGORIES } from '../../../../shared/activities/categories';
import type { Activity } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { countRule } from '../../components/count-rule';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { LinkedExpenses } from './LinkedExpenses';
import { MemberSelect } from './MemberSelect';
import { removePhoto, saveActivity, type NewPhoto } from '../../../../shared/engine/ops/activities';
import { PhotoField } from './PhotoField';
import { useAttachments, useRoster } from './queries';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';
import { saveOnEnter } from '../../components/enter-submit';

interface FormValues {
  title: string;
  category: string;
  dates: [Dayjs, Dayjs];
  place: string;
  organiser: string;
  participantIds: string[];
  headCount: number | null;
  description: string;
  /** Not held yet: only a planned activity may lie after today. */
  planned: boolean;
}

interface Props {
  /** The activity being edited; null for a new one. */
  activity: Activity | null;
  open: boolean;
  onClose: () => void;
  /** Called after the first save of a new activity, so the drawer goes on with it (photos, expenses). */
  onSaved: (activity: Activity) => void;
}

const CATEGORY_OPTIONS = ACTIVITY_CATEGORIES.map((c) => ({ value: c }));

function toForm(a: Activity | null): Partial<FormValues> {
  if (!a)
    return {
      category: '文体活动',
      dates: [dayjs(), dayjs()],
      organiser: '工会委员会',
      participantIds: [],
      headCount: null,
      description: '',
      place: '',
      planned: false,
    };
  return { ...a, dates: [dayjs(a.startDate), dayjs(a.endDate || a.startDate)], headCount: a.headCount || null };
}

export function ActivityDrawer({ activity, open, onClose, onSaved }: Props) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const roster = useRoster();
  const savedPhotos = useAttachments(activity?.photoIds ?? []);
  const [pending, setPending] = useState<NewPhoto[]>([]);
  // A new activity becomes the edited one once saved: the session moves on, and a second click before that is ignored.
  const saving = useSubmit({ form, session: open && (activity?.id ?? 'new') });
  const requestClose = useGuardedClose({ open, form, save: () => saving.submit(save), close: onClose, showing: activity?.id });
  const planned = Form.useWatch('planned', form) ?? false;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toForm(activity));
    setPending([]);
  }, [open, activity?.id, form]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when another activity is opened

  const save = async (v: FormValues) => {
    const saved = await saveActivity(
      store,
      activity?.id ?? null,
      {
        title: v.title.trim(),
        category: v.category.trim(),
        startDate: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1].format('YYYY-MM-DD'),
        place: v.place?.trim() ?? '',
        organiser: v.organiser?.trim() ?? '',
        participantIds: v.participantIds ?? [],
        headCount: v.headCount ?? 0,
        description: v.description ?? '',
        photoIds: activity?.photoIds ?? [],
        planned: v.planned ?? false,
      },
      pending,
    );
    setPending([]);
    message.success(activity ? '活动已保存' : '活动已保存，可继续添加照片或记支出');
    onSaved(saved);
  };

  return (
    <Drawer
      title={activity ? `编辑活动：${activity.title}` : '新增活动'}
      open={open}
      onClose={requestClose}
      size={760}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={requestClose}>关闭</Button>
          <Button type="primary" loading={saving.busy} onClick={() => void saving.submit(save)}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onKeyDown={saveOnEnter(() => saving.submit(save))}>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="category" label="类别" rules={[{ required: true, whitespace: true, message: '请选择或填写类别' }]}>
            <AutoComplete options={CATEGORY_OPTIONS} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="dates" label="起止日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker.RangePicker allowClear={false} disabledDate={planned ? undefined : afterToday} />
          </Form.Item>
          <Form.Item
            name="planned"
            label="计划中"
            valuePropName="checked"
            tooltip={`尚未举办的活动标为计划中，可以选择今天（${todayIso()}）以后的日期；举办后取消此项。`}
          >
            <Switch checkedChildren="计划" unCheckedChildren="已举办" />
          </Form.Item>
        </Space>
        <Space size="large" wrap>
          <Form.Item name="place" label="地点">
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="organiser" label="组织者">
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Form.Item name="participantIds" label="参加会员" extra="从会员名册中选择，可输入姓名或部门搜索">
          <MemberSelect members={roster ?? []} multiple />
        </Form.Item>
        <Form.Item
          name="headCount"
          label="参加人数"
          rules={[countRule('参加人数')]}
          extra="不逐一选人时填总人数；若已选会员，填含已选会员在内的总人数"
        >
          <InputNumber style={{ width: 160 }} suffix="人" />
        </Form.Item>
        <Form.Item name="description" label="活动内容">
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item label="照片" extra="照片在本机压缩（最长边 1600 像素）后保存在账簿中">
          <PhotoField
            saved={savedPhotos ?? []}
            pending={pending}
            onAdd={(p) => setPending((list) => [...list, p])}
            onRemovePending={(i) => setPending((list) => list.filter((_, j) => j !== i))}
            onRemoveSaved={(id) => activity && void removePhoto(store, activity.id, id)}
          />
        </Form.Item>
      </Form>
      <Divider titlePlacement="start">关联支出</Divider>
      {activity ? <LinkedExpenses activity={activity} /> : <p style={{ color: '#888' }}>保存活动后，可在这里记入活动的支出。</p>}
    </Drawer>
  );
}
