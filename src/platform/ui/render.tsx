import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Crumb } from './components.js';
import { Layout, type LayoutProps, type NavItem } from './layout.js';

export interface PageOptions {
  title: string;
  breadcrumb?: Crumb[];
  description?: string;
  headLinks?: LayoutProps['headLinks'];
  searchQuery?: string;
  status?: ContentfulStatusCode;
}

/**
 * Renders a full DSFR page around `main`, with the request's CSP nonce and the navigation the app put on the
 * context (every module contributes its entries).
 *
 * @example
 * return renderPage(c, { title: 'Actualités', breadcrumb: [{ label: 'Actualités' }] }, <ListView … />);
 */
export async function renderPage(c: Context, options: PageOptions, main: Child) {
  const page = (
    <Layout
      title={options.title}
      nonce={(c.get('secureHeadersNonce') as string | undefined) ?? ''}
      nav={(c.get('navigation') as NavItem[] | undefined) ?? []}
      currentPath={c.req.path}
      breadcrumb={options.breadcrumb}
      description={options.description}
      headLinks={options.headLinks}
      searchQuery={options.searchQuery}
    >
      {main}
    </Layout>
  );
  const html = `<!DOCTYPE html>${await page.toString()}`;
  return c.html(html, options.status ?? 200);
}
