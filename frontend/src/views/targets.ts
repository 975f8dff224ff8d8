import { api, targetExportUrl } from '../api';
import type { SavedList, TargetPage, TargetPreset, TargetRow, TargetWeights } from '../api/types';
import type { MountedView, ViewContext } from '../context';
import { formatNumber, formatWanYuan } from '../format';
import { S } from '../strings';
import { add, emptyBox, errorBox, fill, h, load, pager, section } from '../ui/dom';
import { defaultListName, filterParams, maxScore, PAGE_SIZE, partBars, queryFromState, queryText, SIZE_BANDS, TAG_OPTIONS } from './targetLogic';

const T = S.targets;

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}

/** The ranked table: rank, company, segment and purpose, score, part bars, reasons. */
export function targetTable(items: TargetRow[], weights: TargetWeights): HTMLElement {
  const max = maxScore(weights);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data-table targets-table', 'data-testid': 'targets-table' },
      h('thead', {}, h('tr', {}, ['#', T.enterprise, T.segment, `${T.score}（满分 ${formatNumber(max, 0)}）`, T.components, T.reasons].map((t) => h('th', {}, t)))),
      h(
        'tbody',
        {},
        items.map((t) =>
          h(
            'tr',
            { 'data-uscc': t.uscc },
            h('td', { class: 'num' }, String(t.rank)),
            h(
              'td',
              { class: 'ent' },
              h('strong', {}, t.name),
              h('div', { class: 'small muted' }, `${t.regionName} · ${formatWanYuan(t.revenue)}${t.patents ? ` · 专利 ${t.patents}` : ''}`),
              t.tags.length ? h('div', {}, t.tags.map((g) => h('span', { class: 'chip tag' }, g))) : null,
            ),
            h('td', {}, t.segmentName, h('div', { class: 'small' }, h('span', { class: `purpose purpose-${t.purpose.toLowerCase()}` }, t.purposeZh))),
            h('td', { class: 'num score' }, formatNumber(t.score, 1)),
            h(
              'td',
              { class: 'parts' },
              partBars(t.parts, weights).map((b) =>
                h(
                  'div',
                  { class: 'bar-row', title: `${T.parts[b.key]}：${formatNumber(b.value, 1)} / ${formatNumber(b.weight, 0)}` },
                  h('span', { class: 'bar-label' }, T.parts[b.key] ?? b.key),
                  h('span', { class: 'bar-track' }, h('span', { class: `bar part-${b.key}`, style: `width:${b.widthPct.toFixed(1)}%` })),
                  h('span', { class: 'bar-value' }, formatNumber(b.value, 1)),
                ),
              ),
            ),
            h('td', { class: 'reasons' }, t.reasonText || t.reasons.join('；')),
          ),
        ),
      ),
    ),
  );
}

/** 招商清单: the live ranking with presets and filters, saving, saved lists with refresh and Excel/CSV export. */
export function mountTargets(root: HTMLElement, ctx0: ViewContext): MountedView {
  let ctx = ctx0;
  const main = h('div', {});
  const savedBox = h('div', {});
  add(root, h('div', { class: 'targets-layout' }, main, section(T.saved, savedBox)));
  let presets: TargetPreset[] | null = null;
  let lastKey = '';

  function renderSaved(): void {
    void load(
      savedBox,
      (sig) => api.targetLists(sig),
      (lists) => {
        const mine = lists.filter((l) => l.chainId === ctx.state.chain);
        if (mine.length === 0) {
          add(savedBox, emptyBox('尚未保存清单'));
          return;
        }
        add(
          savedBox,
          h(
            'ul',
            { class: 'saved-lists', 'data-testid': 'saved-lists' },
            mine.slice(0, 30).map((l) =>
              h(
                'li',
                { class: ctx.state.params.list === l.id ? 'current' : '' },
                h('button', { type: 'button', class: 'link', 'data-list': l.id, onclick: () => ctx.navigate({ params: { list: l.id, page: null } }) }, l.name),
                h('div', { class: 'small muted' }, T.listMeta(l.author, l.total, when(l.refreshedAt))),
              ),
            ),
          ),
        );
      },
      { what: T.saved },
    );
  }

  function render(): void {
    const key = JSON.stringify([ctx.state.params, ctx.state.chain, ctx.state.region, ctx.state.zone]);
    if (key === lastKey) return;
    lastKey = key;
    if (ctx.state.params.list) renderList(ctx.state.params.list);
    else renderLive();
  }

  // live ranking ------------------------------------------------------------------------------
  function renderLive(): void {
    const q = queryFromState(ctx.state);
    if (!q) {
      fill(main, section(T.title, emptyBox(T.noRegion)));
      return;
    }
    const page = Math.max(0, Number(ctx.state.params.page ?? 0) || 0);
    const filters = h('div', {});
    const body = h('div', {});
    fill(main, section(T.title, filters, body));
    void load(
      body,
      async (sig) => {
        if (!presets) presets = await api.targetPresets(sig).catch(() => []);
        return api.targets(q, { page, size: PAGE_SIZE }, sig);
      },
      (p) => {
        fill(filters, filterForm());
        add(
          body,
          segmentsLine(p),
          saveForm(p),
          p.items.length === 0 ? emptyBox('没有符合条件的企业，请放宽筛选条件') : targetTable(p.items, p.weights),
          p.total > PAGE_SIZE ? pager(page, PAGE_SIZE, p.total, (n) => ctx.navigate({ params: { page: String(n) } })) : null,
        );
      },
      { what: T.title },
    );
  }

  function segmentsLine(p: TargetPage): HTMLElement {
    const only = queryFromState(ctx.state)?.segments ?? [];
    const byPurpose = new Map<string, number>();
    for (const s of p.segments) byPurpose.set(s.purposeZh, (byPurpose.get(s.purposeZh) ?? 0) + 1);
    const summary = [...byPurpose].map(([k, n]) => `${k} ${n}`).join(' · ');
    const chips = p.segments.map((s) =>
      h('button', {
        type: 'button', class: `chip chip-btn purpose-${s.purpose.toLowerCase()}`, title: s.reasonZh, 'aria-pressed': only.includes(s.segmentId) ? 'true' : 'false',
        onclick: () => ctx.navigate({ params: { segments: only.length === 1 && only[0] === s.segmentId ? null : s.segmentId, page: null } }),
      }, `${s.name} · ${s.purposeZh}`),
    );
    return h(
      'div',
      { class: 'target-segments' },
      only.length
        ? [h('span', { class: 'muted' }, `${T.targetSegments}：`), chips, h('button', { type: 'button', class: 'btn small', onclick: () => ctx.navigate({ params: { segments: null, page: null } }) }, '✕ 全部待招商环节')]
        : h('details', {}, h('summary', {}, `${T.targetSegments}：${p.segments.length} 个（${summary}）— 点击环节只看该环节`), h('div', { class: 'chip-wrap' }, chips)),
      h('span', { class: 'muted' }, ` 共 ${formatNumber(p.total)} 家候选企业`),
    );
  }

  function filterForm(): HTMLElement {
    const p = ctx.state.params;
    const provinces = ctx.regionIndex?.provinces ?? [];
    const chosen = (v: string | undefined) => new Set((v ?? '').split(',').filter(Boolean));
    const inc = chosen(p.include);
    const exc = chosen(p.exclude);
    const tagSet = chosen(p.tags);
    const preset = h('select', { id: 'target-preset', name: 'preset' }, (presets ?? []).map((x) => h('option', { value: x.key, selected: (p.preset ?? 'balanced') === x.key }, x.name)));
    const provSelect = (id: string, set: Set<string>) =>
      h('select', { id, multiple: true, size: 4, class: 'prov-select' }, provinces.map((r) => h('option', { value: r.code, selected: set.has(r.code) }, r.name)));
    const include = provSelect('target-include', inc);
    const exclude = provSelect('target-exclude', exc);
    const size = h('select', { id: 'target-size' }, ['', ...SIZE_BANDS].map((b) => h('option', { value: b, selected: (p.size ?? '') === b }, T.sizeBands[b] ?? b)));
    const tags = TAG_OPTIONS.map((t) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: t, checked: tagSet.has(t), 'data-tag': t }), ` ${t}`));
    const min = h('input', { id: 'target-min', type: 'number', min: 0, max: 1000, step: 1, value: p.min ?? '', placeholder: '0', class: 'num-input' });
    const selected = (s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value);
    const form = h(
      'form',
      {
        class: 'target-filters',
        'aria-label': T.filters,
        onsubmit: (e: Event) => {
          e.preventDefault();
          ctx.navigate({
            params: filterParams({
              preset: preset.value === 'balanced' ? '' : preset.value,
              include: selected(include),
              exclude: selected(exclude),
              size: size.value,
              tags: tags.map((l) => l.querySelector('input')!).filter((i) => i.checked).map((i) => i.value),
              min: min.value,
            }),
          });
        },
      },
      h('label', {}, h('span', {}, T.preset), preset),
      h('label', {}, h('span', {}, T.include), include),
      h('label', {}, h('span', {}, T.exclude), exclude),
      h('div', { class: 'filter-col' },
        h('label', {}, h('span', {}, T.sizeBand), size),
        h('label', {}, h('span', {}, T.minScore), min),
      ),
      h('fieldset', { class: 'tags' }, h('legend', {}, T.tags), tags),
      h('div', { class: 'filter-col' },
        h('button', { type: 'submit', class: 'btn primary' }, T.apply),
        h('button', { type: 'button', class: 'btn', onclick: () => ctx.navigate({ params: { ...filterParams({}), segments: null } }) }, T.reset),
      ),
    );
    return form;
  }

  function saveForm(p: TargetPage): HTMLElement {
    const chainName = ctx.chain?.chain.name ?? p.chainId;
    const name = h('input', { id: 'list-name', type: 'text', required: true, maxlength: 100, value: defaultListName(p.regionName, chainName, new Date()), 'aria-label': T.saveName });
    const author = h('input', { id: 'list-author', type: 'text', maxlength: 40, placeholder: '姓名', value: localStorage.getItem('chainatlas.author') ?? '', 'aria-label': T.saveAuthor });
    const msg = h('span', { class: 'muted', 'aria-live': 'polite' });
    const btn = h('button', { type: 'submit', class: 'btn primary', 'data-testid': 'save-list' }, T.save);
    return h(
      'form',
      {
        class: 'save-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const q = queryFromState(ctx.state);
          if (!q || !name.value.trim()) return;
          btn.disabled = true;
          fill(msg, S.loading);
          try {
            localStorage.setItem('chainatlas.author', author.value.trim());
            const saved = await api.saveTargetList(name.value.trim(), author.value.trim(), q);
            fill(msg, T.savedOk(saved.name));
            lastKey = '';
            ctx.navigate({ params: { list: saved.id, page: null } });
            renderSaved();
          } catch (err) {
            btn.disabled = false;
            fill(msg, errorBox(err));
          }
        },
      },
      h('label', {}, `${T.saveName} `, name),
      h('label', {}, `${T.saveAuthor} `, author),
      btn,
      h('span', { class: 'muted small' }, T.exportNeedsSave),
      msg,
    );
  }

  // a saved list ------------------------------------------------------------------------------
  function renderList(id: string): void {
    const page = Math.max(0, Number(ctx.state.params.page ?? 0) || 0);
    const box = h('div', {});
    fill(main, box);
    void load(
      box,
      async (sig) => {
        if (!presets) presets = await api.targetPresets(sig).catch(() => []);
        return api.targetList(id, page, PAGE_SIZE, sig);
      },
      ({ list, items }) => {
        add(
          box,
          section(
            `${T.title}：${list.name}`,
            listHeader(list),
            items.items.length === 0 ? emptyBox() : targetTable(items.items, list.weights ?? presets?.[0]?.weights ?? { scale: 25, quality: 15, innovation: 15, ties: 15, predicted: 10, proximity: 10, priority: 10 }),
            items.total > PAGE_SIZE ? pager(page, PAGE_SIZE, items.total, (n) => ctx.navigate({ params: { page: String(n) } })) : null,
          ),
        );
      },
      { what: T.saved },
    );
  }

  function listHeader(list: SavedList): HTMLElement {
    const msg = h('span', { class: 'muted', 'aria-live': 'polite' });
    const user = list.author;
    return h(
      'div',
      {},
      h('p', { class: 'muted' }, T.listMeta(list.author, list.total, when(list.refreshedAt)), ` · 数据版本 v${list.snapshotVersion}`),
      h('p', { class: 'small', 'data-testid': 'list-query' }, `条件：${queryText(list.query, {
        province: (c) => ctx.regionIndex?.get(c)?.name ?? c,
        preset: (k) => presets?.find((p) => p.key === k)?.name ?? k,
        sizeBand: (b) => T.sizeBands[b] ?? b,
        segment: (id) => list.segments.find((s) => s.segmentId === id)?.name ?? id,
      })}`),
      h('details', { class: 'target-segments' }, h('summary', {}, `${T.targetSegments}：${list.segments.length} 个`), h('div', { class: 'chip-wrap' }, list.segments.map((s) => h('span', { class: 'chip', title: s.reasonZh }, `${s.name} · ${s.purposeZh}`)))),
      h(
        'div',
        { class: 'controls' },
        h('button', { type: 'button', class: 'btn', onclick: () => ctx.navigate({ params: { list: null, page: null } }) }, `‹ ${T.back}`),
        h('a', { class: 'btn primary', href: targetExportUrl(list.id, 'xlsx', user), download: '', 'data-testid': 'export-xlsx' }, T.exportXlsx),
        h('a', { class: 'btn', href: targetExportUrl(list.id, 'csv', user), download: '', 'data-testid': 'export-csv' }, T.exportCsv),
        h('button', {
          type: 'button', class: 'btn', 'data-testid': 'refresh-list',
          onclick: async (e: Event) => {
            (e.target as HTMLButtonElement).disabled = true;
            fill(msg, S.loading);
            try {
              await api.refreshTargetList(list.id);
              lastKey = '';
              render();
              renderSaved();
            } catch (err) {
              fill(msg, errorBox(err));
            }
          },
        }, T.refresh),
        h('button', {
          type: 'button', class: 'btn danger',
          onclick: async () => {
            if (!window.confirm(`删除清单「${list.name}」？`)) return;
            try {
              await api.deleteTargetList(list.id);
              ctx.navigate({ params: { list: null, page: null } });
              renderSaved();
            } catch (err) {
              fill(msg, errorBox(err));
            }
          },
        }, T.delete),
        msg,
      ),
      h('p', { class: 'muted small' }, T.frozen),
    );
  }

  render();
  renderSaved();
  return {
    update(next) {
      ctx = next;
      render();
    },
  };
}
