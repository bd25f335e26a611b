import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import { RouterProvider } from 'react-router';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { MutationErrorReporter } from './MutationErrorReporter.tsx';
import { createQueryClient } from './query-client.ts';
import { router } from './router.tsx';
import { installSessionListeners } from './session-listeners.ts';

const queryClient = createQueryClient();
installSessionListeners(queryClient, router);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdApp>
          <MutationErrorReporter />
          <RouterProvider router={router} />
        </AntdApp>
      </I18nProvider>
    </QueryClientProvider>
  );
}
