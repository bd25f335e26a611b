import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useI18n } from '../i18n/useT.ts';
import type { Locale } from '../i18n/zh-CN.ts';

const LABELS: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export interface LanguageSwitchProps {
  /** `light` for dark backgrounds. */
  variant?: 'default' | 'light';
}

export function LanguageSwitch({ variant = 'default' }: LanguageSwitchProps) {
  const { locale, setLocale } = useI18n();
  const items = (Object.keys(LABELS) as Locale[]).map((key) => ({
    key,
    label: <span data-testid={`locale-${key}`}>{LABELS[key]}</span>,
  }));
  return (
    <Dropdown
      menu={{
        items,
        selectable: true,
        selectedKeys: [locale],
        onClick: ({ key }) => setLocale(key as Locale),
      }}
      trigger={['click']}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        style={variant === 'light' ? { color: '#fff' } : undefined}
        data-testid="locale-switch"
      >
        {LABELS[locale]}
      </Button>
    </Dropdown>
  );
}
