import { Result } from 'antd';
import { LinkButton } from '../components/LinkButton';
import { usePageTitle } from '../components/usePageTitle';

/** Unknown path. */
export function NotFoundPage() {
  usePageTitle('页面不存在');
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>页面不存在</h1>}
      subTitle="您访问的页面不存在或已移动。"
      extra={<LinkButton to="/" type="primary">返回首页</LinkButton>}
    />
  );
}
