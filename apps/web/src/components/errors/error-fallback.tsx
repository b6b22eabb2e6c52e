import { ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Flex } from 'antd';

// Built without antd's Result and Typography: this is part of the first download, and Result carries large illustrations.
/** What the user sees when rendering failed: never the raw error, always a way out. */
export function ErrorFallback({
  title = '页面出现错误',
  subTitle = '请重新加载页面；如果问题仍然存在，请联系系统管理员。',
}: {
  title?: string;
  subTitle?: string;
}) {
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap={12}
      role="alert"
      style={{ minHeight: '60vh', padding: 24, textAlign: 'center' }}
    >
      <ExclamationCircleFilled style={{ fontSize: 56, color: '#d92d20' }} aria-hidden />
      <h2 style={{ margin: 0, fontSize: 22, fontWeight: 600 }}>{title}</h2>
      <p style={{ margin: 0, color: '#6b7280' }}>{subTitle}</p>
      <Button type="primary" onClick={() => window.location.reload()}>
        重新加载
      </Button>
    </Flex>
  );
}
