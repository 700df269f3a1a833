import { App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { openBooks } from '../../../../shared/engine/ops/periods';
import { thisMonth } from '../../../../shared/clock/today';
import type { OpeningBalance } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { BOOKS_START_FIELDS, BooksStartFields, fromBooksStart, toBooksStart, type BooksStartValues } from './BooksStartFields';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

/** 开账 (or its correction) from the 收支 page. */
export function BooksStartModal({ open, current, onClose }: { open: boolean; current: OpeningBalance | undefined; onClose: () => void }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<BooksStartValues>();
  const saving = useSubmit({ form, fields: BOOKS_START_FIELDS, session: open });
  const requestClose = useGuardedClose({ open, form, save: () => saving.submit(save), close: onClose });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(fromBooksStart(current, thisMonth()));
  }, [open, current, form]);

  const save = async (v: BooksStartValues) => {
    const start = await openBooks(store, toBooksStart(v));
    message.success(`已开账：${Number(start.month.slice(0, 4))}年${Number(start.month.slice(5))}月`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={current ? '修改开账' : '开账'}
      okText="保存"
      confirmLoading={saving.busy}
      onOk={() => void saving.submit(save)}
      onCancel={requestClose}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical">
        <BooksStartFields />
      </Form>
    </Modal>
  );
}
