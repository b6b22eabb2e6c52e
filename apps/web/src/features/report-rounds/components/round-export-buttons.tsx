import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { saveBlob } from '@/lib/download';
import { exportRound, exportRoundUrl, type RoundExportFormat } from '../api/export-round';

const LABELS: Record<RoundExportFormat, string> = { docx: '导出报告（Word）', xlsx: '导出汇总表（Excel）' };

/** 第N期整改进展情况 as Word and Excel, for whoever may read the round. */
export function RoundExportButtons({ roundId }: { roundId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<RoundExportFormat | null>(null);
  const download = async (event: React.MouseEvent<HTMLElement>, format: RoundExportFormat) => {
    event.preventDefault();
    setBusy(format);
    try {
      const { blob, name } = await exportRound(roundId, format);
      saveBlob(blob, name);
    } catch (error) {
      message.error(errorMessage(error, '导出失败，请稍后重试'));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex gap={8} wrap>
      {(['docx', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          icon={format === 'docx' ? <FileWordOutlined aria-hidden /> : <FileExcelOutlined aria-hidden />}
          href={exportRoundUrl(roundId, format)}
          loading={busy === format}
          onClick={(event) => void download(event, format)}
        >
          {LABELS[format]}
        </Button>
      ))}
    </Flex>
  );
}
