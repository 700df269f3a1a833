import { Checkbox, DatePicker, Form, Input, Select, Space, type FormInstance } from 'antd';
import { EDUCATION_OPTIONS, HOUSEHOLD_OPTIONS, ID_TYPES, POLITICAL_OPTIONS, SKILL_OPTIONS } from '../../../../shared/members/fields';
import { idNumberProblem } from '../../../../shared/members/validate';
import { afterToday } from '../../components/dates';
import { YuanInput, yuanRule } from '../../components/YuanInput';
import type { MemberFormValues } from './member-form';

const options = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

interface Props {
  form: FormInstance<MemberFormValues>;
  year: number;
  /** Fills 性别 and 出生日期 from a valid resident ID number. */
  fillFromId: (raw: string) => void;
}

/** Every field of the real-name roster (DOMAIN.md "Members"), laid out in rows. */
export function MemberFormFields({ form, year, fillFromId }: Props) {
  const idType = Form.useWatch('idType', form);
  const exempt = Form.useWatch('duesExempt', form);
  const idRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (form.getFieldValue('idType') !== '居民身份证' || !value) return;
      const problem = idNumberProblem(value);
      if (problem) throw new Error(problem);
    },
  };

  return (
    <>
      <Space size="middle" wrap align="start">
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input style={{ width: 160 }} maxLength={30} />
        </Form.Item>
        <Form.Item name="idType" label="证件类型">
          <Select style={{ width: 220 }} options={options(ID_TYPES)} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label="证件号码"
          rules={[{ required: true, whitespace: true, message: '请填写证件号码' }, idRule]}
          validateTrigger="onBlur"
        >
          <Input style={{ width: 230 }} maxLength={24} onBlur={(e) => fillFromId(e.target.value)} />
        </Form.Item>
      </Space>
      <Space size="middle" wrap align="start">
        <Form.Item name="gender" label="性别" extra={idType === '居民身份证' ? '由身份证号自动填写' : undefined}>
          <Select style={{ width: 110 }} options={options(['男', '女'])} />
        </Form.Item>
        <Form.Item name="birthDate" label="出生日期">
          <DatePicker style={{ width: 150 }} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item name="ethnicity" label="民族">
          <Input style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="phone" label="手机">
          <Input style={{ width: 170 }} maxLength={20} />
        </Form.Item>
      </Space>
      <Space size="middle" wrap align="start">
        <Form.Item name="education" label="学历">
          <Select style={{ width: 150 }} options={options(EDUCATION_OPTIONS)} allowClear />
        </Form.Item>
        <Form.Item name="skillLevel" label="技能等级">
          <Select style={{ width: 130 }} options={options(SKILL_OPTIONS)} allowClear />
        </Form.Item>
        <Form.Item name="politicalStatus" label="政治面貌">
          <Select style={{ width: 150 }} options={options(POLITICAL_OPTIONS)} allowClear />
        </Form.Item>
        <Form.Item name="householdType" label="户籍类型">
          <Select style={{ width: 110 }} options={options(HOUSEHOLD_OPTIONS)} allowClear />
        </Form.Item>
      </Space>
      <Space size="middle" wrap align="start">
        <Form.Item name="department" label="工作单位/部门">
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="joinDate" label="入会日期">
          <DatePicker style={{ width: 150 }} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item name="cardNumber" label="会员证号">
          <Input style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Space size="middle" wrap align="start">
        <Form.Item name="isMigrantWorker" label="农民工" valuePropName="checked">
          <Checkbox>是农民工</Checkbox>
        </Form.Item>
        <Form.Item name="wageYuan" label={`${year}年月工资基数`} extra="会费按此计算" rules={[yuanRule('月工资基数', false)]}>
          <YuanInput style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="duesExempt" label="免缴会费" valuePropName="checked">
          <Checkbox>经批准免缴</Checkbox>
        </Form.Item>
        {exempt ? (
          <Form.Item name="duesExemptReason" label="免缴原因">
            <Input style={{ width: 200 }} />
          </Form.Item>
        ) : null}
      </Space>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
