import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/useT.ts';

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.not-found')}
      extra={<Button onClick={() => navigate('/')}>{t('nav.dashboard')}</Button>}
    />
  );
}
