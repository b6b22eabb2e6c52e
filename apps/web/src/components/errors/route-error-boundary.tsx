import { useRouteError } from 'react-router';
import { ErrorFallback } from './error-fallback';

// A failed lazy import usually means a new version was deployed while this tab was open.
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message)
  );
}

/** Unknown paths never get here (the catch-all route answers them), so every error is a failure. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  if (isChunkLoadError(error)) {
    return <ErrorFallback title="页面资源加载失败" subTitle="系统可能已更新或网络中断，请重新加载页面。" />;
  }
  console.error(error);
  return <ErrorFallback />;
}
