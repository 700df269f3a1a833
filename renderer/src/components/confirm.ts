import type { App } from 'antd';
import type { ReactNode } from 'react';
import { LARGE_AMOUNT_FEN, type AmountOptions } from '../../../shared/engine/rules/amounts';
import { formatYuan } from '../../../shared/money/fen';
import type { Fen } from '../../../shared/model/records';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

/** A confirmation the caller can await: true for OK, false for cancel or close. */
export function confirmAsync(
  modal: ModalApi,
  props: { title: ReactNode; content?: ReactNode; okText: string; cancelText?: string; danger?: boolean; width?: number },
): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: props.title,
      content: props.content,
      okText: props.okText,
      cancelText: props.cancelText ?? '返回修改',
      okButtonProps: props.danger ? { danger: true } : undefined,
      width: props.width,
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/**
 * Above 1 亿元 a grassroots union has almost certainly mistyped: the user confirms the amount in
 * words before it is booked. Returns the options to book with, or null when the user goes back.
 */
export async function confirmLargeAmount(modal: ModalApi, label: string, fen: Fen): Promise<AmountOptions | null> {
  if (fen <= LARGE_AMOUNT_FEN) return {};
  const ok = await confirmAsync(modal, {
    title: `${label} ${formatYuan(fen)} 元超过 1 亿元`,
    content: '基层工会的一笔收支很少超过 1 亿元，请核对是否多输了数字。确实无误再确认保存。',
    okText: '金额无误，保存',
    danger: true,
  });
  return ok ? { confirmLarge: true } : null;
}
