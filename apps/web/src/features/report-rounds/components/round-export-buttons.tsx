import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { DownloadButton } from '@/components/ui/download-button';
import { exportRound, exportRoundUrl } from '../api/export-round';

/** 第N期整改进展情况 as Word and Excel, for whoever may read the round. */
export function RoundExportButtons({ roundId }: { roundId: string }) {
  return (
    <Flex gap={8} wrap>
      <DownloadButton
        href={exportRoundUrl(roundId, 'docx')}
        fetchFile={() => exportRound(roundId, 'docx')}
        icon={<FileWordOutlined aria-hidden />}
      >
        导出报告（Word）
      </DownloadButton>
      <DownloadButton
        href={exportRoundUrl(roundId, 'xlsx')}
        fetchFile={() => exportRound(roundId, 'xlsx')}
        icon={<FileExcelOutlined aria-hidden />}
      >
        导出汇总表（Excel）
      </DownloadButton>
    </Flex>
  );
}
