import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { errorMessage, isApiError } from '@/lib/api-client';
import { saveBlob, type DownloadedFile } from '@/lib/download';
import { exportLedger, exportLedgerUrl, type LedgerExportQuery } from '../api/export-ledger';
import { exportNotice, exportNoticeUrl } from '../api/export-notice';
import { exportProblemSignoff, exportProblemSignoffUrl } from '../api/export-problem-signoff';
import { exportReport, exportReportUrl } from '../api/export-report';

interface ExportLink {
  key: string;
  label: string;
  href: string;
  icon: ReactNode;
  fetch: () => Promise<DownloadedFile>;
}

/**
 * Plain links (copyable, open in a new tab); a click downloads in place, so that a refusal or a missing route
 * is reported in Chinese instead of leaving the user on an error page.
 */
function ExportLinks({ links, size }: { links: ExportLink[]; size?: 'small' }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (event: MouseEvent<HTMLElement>, link: ExportLink) => {
    event.preventDefault();
    setBusy(link.key);
    try {
      const { blob, name } = await link.fetch();
      saveBlob(blob, name);
    } catch (error) {
      // a 404 means the export is not deployed on this server (the routes are new)
      message.error(
        isApiError(error) && error.status === 404 ? '导出功能暂不可用' : errorMessage(error, '导出失败，请稍后重试'),
      );
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex gap={8} wrap role="group" aria-label="导出">
      {links.map((link) => (
        <Button
          key={link.key}
          size={size}
          href={link.href}
          icon={link.icon}
          loading={busy === link.key}
          onClick={(event) => void download(event, link)}
        >
          {link.label}
        </Button>
      ))}
    </Flex>
  );
}

/** 台账 Excel / 进展报告 Word / 通报 Word of an inspection (officers and supervisors). */
export function ExportButtons({
  inspectionId,
  ledgerQuery,
}: {
  inspectionId: string;
  ledgerQuery?: LedgerExportQuery;
}) {
  return (
    <ExportLinks
      links={[
        {
          key: 'ledger',
          label: '导出台账',
          href: exportLedgerUrl(inspectionId, ledgerQuery),
          icon: <FileExcelOutlined aria-hidden />,
          fetch: () => exportLedger(inspectionId, ledgerQuery),
        },
        {
          key: 'report',
          label: '进展报告',
          href: exportReportUrl(inspectionId),
          icon: <FileWordOutlined aria-hidden />,
          fetch: () => exportReport(inspectionId),
        },
        {
          key: 'notice',
          label: '整改通报',
          href: exportNoticeUrl(inspectionId),
          icon: <FileWordOutlined aria-hidden />,
          fetch: () => exportNotice(inspectionId),
        },
      ]}
    />
  );
}

/** 销号审批表 of one problem. */
export function SignoffExportButton({ problemId }: { problemId: string }) {
  return (
    <ExportLinks
      links={[
        {
          key: 'signoff',
          label: '导出销号审批表',
          href: exportProblemSignoffUrl(problemId),
          icon: <FileWordOutlined aria-hidden />,
          fetch: () => exportProblemSignoff(problemId),
        },
      ]}
    />
  );
}
