import { Alert } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/** Keeps a failed part of a page (a chart chunk that did not load) from taking the whole page down. */
export class SectionErrorBoundary extends Component<{ title: string; children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert
        type="warning"
        showIcon
        title={this.props.title}
        description="请刷新页面重试；如果问题仍然存在，请联系系统管理员。"
      />
    );
  }
}
