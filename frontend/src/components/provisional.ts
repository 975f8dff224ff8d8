/**
 * 无信用代码: an enterprise listed without a 统一社会信用代码 is stored under a provisional key made of "NC", its
 * region code, "-" and 16 hex digits (backend `Uscc.provisionalKey`). Every enterprise the API returns carries its
 * key, so the key alone tells; an explicit `provisional` flag, where an endpoint sends one, wins.
 */
const PROVISIONAL_KEY = /^NC\d{6}-[0-9A-F]{16}$/;

export function isProvisional(key: string | null | undefined, flag?: boolean | null): boolean {
  if (typeof flag === 'boolean') return flag;
  return typeof key === 'string' && PROVISIONAL_KEY.test(key);
}

export const PROVISIONAL_LABEL = '无信用代码';
export const PROVISIONAL_TITLE = '导入时未提供统一社会信用代码，暂以“企业全称 + 行政区划”标识；日后导入带代码的同名同地企业时原地补全，不会重复';
