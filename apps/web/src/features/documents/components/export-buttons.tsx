import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { DownloadButton } from '@/components/ui/download-button';
import type { DownloadedFile } from '@/lib/download';
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

/** The inspection's or problem's documents, each a DownloadButton. */
function ExportLinks({ links, size }: { links: ExportLink[]; size?: 'small' }) {
  return (
    <Flex gap={8} wrap role="group" aria-label="导出">
      {links.map((link) => (
        <DownloadButton key={link.key} size={size} href={link.href} icon={link.icon} fetchFile={link.fetch}>
          {link.label}
        </DownloadButton>
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
