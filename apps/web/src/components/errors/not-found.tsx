import { FileSearchOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Result } from '@/components/ui/result';
import { useNavigate } from 'react-router';

export function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      icon={<FileSearchOutlined aria-hidden />}
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
