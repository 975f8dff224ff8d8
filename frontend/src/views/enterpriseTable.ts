export const SORTABLE = ['revenue', 'employees', 'patents', 'name'] as const;
export type SortKey = (typeof SORTABLE)[number];

export function parseSort(s: string | undefined): SortKey {
  return (SORTABLE as readonly string[]).includes(s ?? '') ? (s as SortKey) : 'revenue';
}
