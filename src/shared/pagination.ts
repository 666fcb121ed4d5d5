/** A page of results and what the pagination component needs to draw itself. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
}

/**
 * Clamps a requested page into the valid range, so that `?page=9999` shows the last page, not an error.
 *
 * @example
 * pageWindow(40, 10, 3) // { page: 3, offset: 20, pageCount: 4 }
 */
export function pageWindow(total: number, perPage: number, requested: number) {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, requested), pageCount);
  return { page, offset: (page - 1) * perPage, pageCount };
}
