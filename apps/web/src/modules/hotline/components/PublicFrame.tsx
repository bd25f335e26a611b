import { PhoneOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { LanguageSwitch } from '../../../ui/LanguageSwitch.tsx';

/** The citizen pages' frame, outside the console: a narrow column that also fits a phone. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div style={{ minHeight: '100vh', background: '#f0f4fa' }}>
      <div style={{ background: '#0b3a7e', color: '#fff', padding: '12px 16px' }}>
        <div
          style={{
            maxWidth: 760,
            margin: '0 auto',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            flexWrap: 'wrap',
          }}
        >
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1, minWidth: 220 }}>
            <PhoneOutlined /> {t('hotline.public.title')}
          </Typography.Title>
          <Space size={16}>
            <Link to="/public/hotline" style={{ color: '#fff' }} data-testid="public-nav-submit">
              {t('hotline.public.submit')}
            </Link>
            <Link to="/public/hotline/query" style={{ color: '#fff' }} data-testid="public-nav-query">
              {t('hotline.public.query')}
            </Link>
            <LanguageSwitch variant="light" />
          </Space>
        </div>
      </div>
      <div style={{ maxWidth: 760, margin: '0 auto', padding: 16 }}>{children}</div>
    </div>
  );
}
