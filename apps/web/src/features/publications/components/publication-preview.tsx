import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { formatDate } from '@/lib/format';
import type { MaskReplacement, Publication } from '../api/get-publication';

/** The notice as the public will read it (masked), and, while a draft, what the masking replaced. */
export function PublicationPreview({ publication }: { publication: Publication }) {
  const paragraphs = publication.text
    .split(/\n\s*\n|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const withOriginals = publication.replacements.some((replacement) => replacement.original !== undefined);
  return (
    <Flex vertical gap={16}>
      {publication.replacements.length > 0 && (
        <Flex vertical gap={8}>
          <Typography.Text strong>屏蔽情况（共 {publication.maskedCount} 处）</Typography.Text>
          <Table<MaskReplacement & { key: string }>
            aria-label="屏蔽情况"
            size="small"
            pagination={false}
            dataSource={publication.replacements.map((replacement, index) => ({ ...replacement, key: String(index) }))}
            columns={[
              {
                key: 'kind',
                title: '类型',
                width: 80,
                render: (_, item) => <Tag>{item.kind === 'name' ? '人名' : '词语'}</Tag>,
              },
              ...(withOriginals
                ? [{ key: 'original', title: '原文（仅草稿可见）', dataIndex: 'original' as const }]
                : []),
              { key: 'replacement', title: '替换为', dataIndex: 'replacement' },
              { key: 'count', title: '次数', dataIndex: 'count', width: 72 },
            ]}
          />
        </Flex>
      )}
      <article aria-label="通报预览" className="zg-publication-preview">
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          {publication.title}
        </Typography.Title>
        {paragraphs.map((paragraph, index) => (
          <Typography.Paragraph key={index} style={{ textIndent: '2em', lineHeight: 1.9 }}>
            {paragraph}
          </Typography.Paragraph>
        ))}
      </article>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} aria-label="公开信息">
        <Descriptions.Item label="发布单位">{publication.issuer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="公开期限">
          {formatDate(publication.publicityFrom)} 至 {formatDate(publication.publicityTo)}
        </Descriptions.Item>
        <Descriptions.Item label="联系电话">
          {publication.contactPhone ?? '—'}
          {publication.contactHours ? `（${publication.contactHours}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="电子邮箱">{publication.contactEmail ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
