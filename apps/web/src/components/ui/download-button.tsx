import { App, Button } from 'antd';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { errorMessage, isApiError } from '@/lib/api-client';
import { saveBlob, type DownloadedFile } from '@/lib/download';

/**
 * A document download: a plain link to the file (copyable, opens in a new tab), while a click fetches it in place so
 * that a refusal or a missing route is told in Chinese instead of leaving the user on an error page.
 */
export function DownloadButton({
  href,
  fetchFile,
  icon,
  size,
  children,
}: {
  href: string;
  fetchFile: () => Promise<DownloadedFile>;
  icon?: ReactNode;
  size?: 'small';
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const download = async (event: MouseEvent<HTMLElement>) => {
    event.preventDefault();
    setDownloading(true);
    try {
      const { blob, name } = await fetchFile();
      saveBlob(blob, name);
    } catch (error) {
      // a 404 means the export is not deployed on this server
      message.error(
        isApiError(error) && error.status === 404 ? '导出功能暂不可用' : errorMessage(error, '导出失败，请稍后重试'),
      );
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Button size={size} href={href} icon={icon} loading={downloading} onClick={(event) => void download(event)}>
      {children}
    </Button>
  );
}
