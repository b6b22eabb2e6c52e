import { Layout } from 'antd';
import { useParams } from 'react-router';
import { PublicNoticeView } from '@/features/public-notice/components/public-notice-view';

// A published notice, readable without signing in.
export function PublicNoticeRoute() {
  const { slug = '' } = useParams();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ maxWidth: 900, width: '100%', margin: '0 auto', padding: '24px 12px' }}>
        <PublicNoticeView slug={slug} />
      </Layout.Content>
    </Layout>
  );
}
