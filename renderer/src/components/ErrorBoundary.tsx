import { Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { errorText } from '../../../shared/error-text';

interface Props {
  children: ReactNode;
  /** What failed, for the title: 此页面 or 程序. */
  what: string;
  /** What the person can do besides reloading. */
  hint: string;
  /** A change of this value (the page's path) shows the children again. */
  resetKey?: unknown;
}

/** The browser's words for a part of the program that did not load, in the person's. */
function reason(error: unknown): string {
  const text = errorText(error);
  return /dynamically imported module|Importing a module script failed|Loading (CSS )?chunk/i.test(text) ? '程序文件未能载入' : text;
}

interface State {
  error: unknown;
  failed: boolean;
  resetKey: unknown;
}

/**
 * A part of the window that failed to render, or whose code failed to load, says so in Chinese with
 * a way out, instead of React taking the whole window down to a blank page. What was saved stays
 * saved: a write goes to the book's database, not through a render.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey === state.resetKey) return null;
    return { error: null, failed: false, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    // Plain elements and a Button: the window's own boundary is part of the start-up code.
    return (
      <div role="alert" style={{ padding: '48px 24px', textAlign: 'center' }}>
        <h2 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 12px' }}>{this.props.what}出错了</h2>
        <p style={{ color: 'rgba(0, 0, 0, 0.65)', margin: '0 0 24px' }}>
          {reason(this.state.error)}。已保存的数据不受影响；{this.props.hint}
        </p>
        <Button type="primary" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      </div>
    );
  }
}
