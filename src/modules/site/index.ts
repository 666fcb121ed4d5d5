/**
 * The site's own pages: home, site search, legal pages, site map, sitemap.xml, robots.txt and imported files.
 */
export { siteRoutes } from './site.routes.js';
