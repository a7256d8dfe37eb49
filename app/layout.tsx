import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import 'katex/dist/katex.min.css';
import '@/components/styles/globals.css';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { ProgressProvider } from '@/components/progress/ProgressProvider';
import { StorageBanner } from '@/components/progress/StorageBanner';
import { themeScript } from '@/components/theme/theme-script';

export const metadata: Metadata = {
  title: {
    default: 'MLSD Lab — practise the ML system design interview',
    template: '%s · MLSD Lab',
  },
  description:
    'Learn the 7-step ML system design framework and practise it on real ML systems that run in your browser.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1419' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <ProgressProvider>
          <SiteHeader />
          <StorageBanner />
          <main id="main">{children}</main>
          <SiteFooter />
        </ProgressProvider>
      </body>
    </html>
  );
}
