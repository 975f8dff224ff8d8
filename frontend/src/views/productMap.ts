import type { ProductFilter, ProductLayout } from '../charts/productLayout';

/** Why the product map draws nothing, in words. */
export const PRODUCT_EMPTY: Record<NonNullable<ProductLayout['empty']>, string> = {
  'no-products': '没有符合条件的产品',
  'makers-unknown': '请先在顶部选择地区：外购投入品按本地是否有企业生产来判断。',
  'nothing-bought-outside': '这些产品的投入品本地都有企业生产，没有需要外购的投入品。',
};

/** The product map's filter from the URL: `pf=outside` (only inputs bought from outside; `notmade` is the old name). */
export function productFilter(pf: string | undefined): ProductFilter {
  return pf === 'outside' || pf === 'notmade' ? 'outside' : 'all';
}
