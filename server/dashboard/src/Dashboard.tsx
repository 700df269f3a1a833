import { Button, Layout, Space, Typography } from 'antd';
import { useState } from 'react';
import { forgetToken, logout as endSession, savedToken } from './api';
import { LoginPage } from './LoginPage';
import { OverviewPage } from './OverviewPage';
import { PasswordButton } from './PasswordButton';

export function Dashboard() {
  const [loggedIn, setLoggedIn] = useState(() => !!savedToken());
  // A session the server ended (expired, idle) only needs forgetting here.
  const expired = () => {
    forgetToken();
    setLoggedIn(false);
  };
  const logout = () => void endSession().finally(() => setLoggedIn(false));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
        }}
      >
        <Typography.Text strong style={{ fontSize: 18, color: '#c0392b' }}>
          上级工会管理
        </Typography.Text>
        {loggedIn && (
          <Space>
            <PasswordButton />
            <Button onClick={logout}>退出登录</Button>
          </Space>
        )}
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        {loggedIn ? <OverviewPage onUnauthorised={expired} /> : <LoginPage onLogin={() => setLoggedIn(true)} />}
      </Layout.Content>
    </Layout>
  );
}
