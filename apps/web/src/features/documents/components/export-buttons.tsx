import { FileWordOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { DownloadButton } from '@/components/ui/download-button';
import type { DownloadedFile } from '@/lib/download';
import { exportLedgerUrl, type LedgerExportQuery } from '../api/export-ledger';
import { exportNotice, exportNoticeUrl } from '../api/export-notice';
import { exportProblemSignoff, exportProblemSignoffUrl } from '../api/export-problem-signoff';
import { exportReport, exportReportUrl } from '../api/export-report';
import { LedgerExportJobButton } from './ledger-export-job-button';

interface ExportLink {
  key: string;
  label: string;
  href: string;
  icon: ReactNode;
  fetch: () => Promise<DownloadedFile>;
}

/** The inspection's or problem's documents, each a DownloadButton (after `before`, if any). */
function ExportLinks({ links, size, before }: { links: ExportLink[]; size?: 'small'; before?: ReactNode }) {
  return (
    <Flex gap={8} wrap role="group" aria-label="导出">
      {before}
      {links.map((link) => (
        <DownloadButton key={link.key} size={size} href={link.href} icon={link.icon} fetchFile={link.fetch}>
          {link.label}
        </DownloadButton>
      ))}
    </Flex>
  );
}

/** 台账 Excel (a background job) / 进展报告 Word / 通报 Word of an inspection (officers and supervisors). */
export function ExportButtons({
  inspectionId,
  ledgerQuery,
}: {
  inspectionId: string;
  ledgerQuery?: LedgerExportQuery;
}) {
  return (
    <ExportLinks
      before={
        <LedgerExportJobButton
          inspectionId={inspectionId}
          query={ledgerQuery}
          href={exportLedgerUrl(inspectionId, ledgerQuery)}
        />
      }
      links={[
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
