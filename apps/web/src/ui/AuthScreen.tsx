import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export interface AuthScreenProps {
  title: string;
  width?: number;
  children: ReactNode;
}

/** The frame of the screens shown outside the shell: login and the forced password / TOTP steps. */
export function AuthScreen({ title, width = 400, children }: AuthScreenProps) {
  const t = useT();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
        background: 'linear-gradient(160deg, #0b3a7e 0%, #1356b8 55%, #e8eef8 55%)',
      }}
    >
      <div style={{ position: 'fixed', top: 16, right: 24 }}>
        <LanguageSwitch variant="light" />
      </div>
      <Typography.Title level={2} style={{ color: '#fff', marginBottom: 24, textAlign: 'center' }}>
        {t('app.title')}
      </Typography.Title>
      <Card
        title={title}
        style={{ width: '100%', maxWidth: width, boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}
      >
        {children}
      </Card>
    </div>
  );
}
