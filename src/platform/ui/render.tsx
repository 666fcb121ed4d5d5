import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Crumb } from './components.js';
import { Layout, type LayoutProps, type NavItem, type Viewer } from './layout.js';

export interface PageOptions {
  title: string;
  breadcrumb?: Crumb[];
  description?: string;
  headLinks?: LayoutProps['headLinks'];
  searchQuery?: string;
  status?: ContentfulStatusCode;
  /** The page is the same for every visitor who is not logged in: the page cache may keep it. */
  shareable?: boolean;
}

/**
 * Renders a full DSFR page around `main`, with the navigation the app put on the context (every module
 * contributes its entries) and the viewer for the header.
 *
 * @example
 * return renderPage(c, { title: 'Actualités', breadcrumb: [{ label: 'Actualités' }] }, <ListView … />);
 */
export async function renderPage(c: Context, options: PageOptions, main: Child) {
  const page = (
    <Layout
      title={options.title}
      nav={(c.get('navigation') as NavItem[] | undefined) ?? []}
      currentPath={c.req.path}
      breadcrumb={options.breadcrumb}
      description={options.description}
      headLinks={options.headLinks}
      searchQuery={options.searchQuery}
      viewer={(c.get('viewer') as Viewer | undefined) ?? null}
    >
      {main}
    </Layout>
  );
  if (options.shareable) c.set('shareable', true);
  const html = `<!DOCTYPE html>${await page.toString()}`;
  return c.html(html, options.status ?? 200);
}
