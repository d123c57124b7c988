import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { UserArea } from './UserArea';

const ITEMS = [
  { key: '/', label: <Link to="/">首页</Link> },
  { key: '/projects', label: <Link to="/projects" data-testid="nav-projects">配售项目</Link> },
  { key: '/law', label: <Link to="/law">政策</Link> },
  { key: '/results', label: <Link to="/results">资格审核结果公示</Link> },
  { key: '/rules', label: <Link to="/rules">规则</Link> },
  { key: '/buyback', label: <Link to="/buyback" data-testid="nav-buyback">回购价格</Link> },
];

function selectedKey(path: string): string {
  const hit = ITEMS.map((i) => i.key).filter((k) => k !== '/' && path.startsWith(k));
  return hit[0] ?? (path === '/' ? '/' : '');
}

/** Frame of the public site and the applicant portal: header with navigation, main, footer. */
export function PublicLayout() {
  const screens = Grid.useBreakpoint();
  const loc = useLocation();
  const [open, setOpen] = useState(false);
  const mobile = !screens.md;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="qc-skip" href="#main">跳到正文</a>
      <Layout.Header className="qc-header">
        <Link to="/" className="qc-brand">泉城安居</Link>
        {mobile ? (
          <div style={{ flex: 1 }} />
        ) : (
          <nav aria-label="主导航">
            <Menu theme="dark" mode="horizontal" selectedKeys={[selectedKey(loc.pathname)]} items={ITEMS} />
          </nav>
        )}
        <UserArea dark />
        {mobile && (
          <Button type="text" aria-label="打开导航菜单" icon={<MenuOutlined style={{ color: '#fff' }} />} onClick={() => setOpen(true)} />
        )}
      </Layout.Header>
      <Drawer title="导航" placement="right" open={open} onClose={() => setOpen(false)} size={260}>
        <nav aria-label="主导航">
          <Menu mode="vertical" selectedKeys={[selectedKey(loc.pathname)]} items={ITEMS} onClick={() => setOpen(false)} />
        </nav>
      </Drawer>
      <Layout.Content id="main" tabIndex={-1}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="qc-footer">
        泉城安居 · 依据《济南市保障性住房配售和封闭管理办法》（济政发〔2025〕3号）
      </Layout.Footer>
    </Layout>
  );
}
