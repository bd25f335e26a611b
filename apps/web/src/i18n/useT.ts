import { useContext } from 'react';
import { I18nContext, type I18nContextValue, type Translate } from './I18nProvider.tsx';
import { type MessageKey, zhCN } from './zh-CN.ts';

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

/** For keys built from server data (permission codes, error codes) that may have no translation. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(zhCN, key);
