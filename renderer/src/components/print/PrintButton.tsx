import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/**
 * 打印 for a page: prints what the page marks `print-target` (see print.css), in the browser and in
 * Electron alike (window.print opens the system's print dialog in both).
 */
export function PrintButton({ label = '打印', disabled }: { label?: string; disabled?: boolean }) {
  return (
    <Button icon={<PrinterOutlined />} disabled={disabled} onClick={() => window.print()}>
      {label}
    </Button>
  );
}

/** A heading that shows on paper only: what is printed and for which union and year. */
export function PrintTitle({ children }: { children: string }) {
  return (
    <h2 className="ub-print-only" style={{ textAlign: 'center', fontSize: '16pt', margin: '0 0 8px' }}>
      {children}
    </h2>
  );
}
