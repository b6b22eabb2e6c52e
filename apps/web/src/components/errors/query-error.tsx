import { Button } from 'antd';
import { Result } from '@/components/ui/result';
import { isApiError } from '@/lib/api-client';

/** The API's Chinese message for a failed load, with a retry. */
export function QueryError({
  error,
  onRetry,
  title = '数据加载失败',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const message = isApiError(error) ? error.message : '发生未知错误，请稍后重试';
  return (
    <Result
      status="warning"
      title={title}
      subTitle={message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
