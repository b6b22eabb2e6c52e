import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="zg-auth">
      <main className="zg-auth-panel">
        <header className="zg-auth-brand">
          <span className="zg-brand-mark zg-brand-mark-large" aria-hidden>
            改
          </span>
          <div>
            <h1 className="zg-auth-title">整改 · 巡视巡察整改工作台</h1>
            <p className="zg-auth-subtitle">巡视巡察反馈问题整改任务跟踪与销号管理</p>
          </div>
        </header>
        {children}
        <p className="zg-auth-notice" role="note">
          <SafetyCertificateOutlined aria-hidden /> 本系统严禁处理涉密信息
        </p>
      </main>
      <footer className="zg-auth-footer">整改工作专班 · 仅限内部工作使用</footer>
    </div>
  );
}
