import { Tag } from 'antd';
import type { PublicationSummary } from '../api/get-publications';

const COLORS: Record<PublicationSummary['status'], string> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'red',
};

/** 草稿 / 公开中 / 已撤回, as the API labels it. */
export function PublicationStatusTag({
  publication,
}: {
  publication: Pick<PublicationSummary, 'status' | 'statusLabel'>;
}) {
  return <Tag color={COLORS[publication.status]}>{publication.statusLabel}</Tag>;
}

/** The public address of a published notice, on this server. */
export function publicNoticeUrl(slug: string): string {
  return `${window.location.origin}/public/notices/${encodeURIComponent(slug)}`;
}
