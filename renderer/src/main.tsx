import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import './i18n/index';
import { router } from './routes';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } },
});

function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      // No motion: dialogs, drop-downs and messages appear at once. On a busy counter PC the entrance animations
      // stuttered, and a click on a dialog or option still moving between mouse-down and mouse-up was lost (three
      // e2e runs beside a CPU hog: a decline reason, a drop-down option, a confirm button).
      theme={{ token: { colorPrimary: '#b8102a', borderRadius: 6, fontSize: 15, motion: false } }}
      // "取消", not antd's default "取 消": the counter's labels are read at a glance.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);
