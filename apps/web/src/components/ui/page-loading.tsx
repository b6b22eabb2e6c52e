import { Flex, Spin } from 'antd';

export function PageLoading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }} role="status" aria-live="polite">
      <Spin size="large" description={tip} />
    </Flex>
  );
}
