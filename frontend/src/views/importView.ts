import { api, NotAvailableError } from '../api';
import type { ImportJob } from '../api/types';
import type { MountedView, ViewContext } from '../context';
import { formatPercent } from '../format';
import { S } from '../strings';
import { add, comingSoonBox, errorBox, fill, h, section } from '../ui/dom';

/** Progress of a job as 0..1 (null when the job does not say). */
export function jobProgress(job: ImportJob): number | null {
  if (!job.rowsTotal || job.rowsTotal <= 0 || job.rowsDone === undefined) return null;
  return Math.max(0, Math.min(1, job.rowsDone / job.rowsTotal));
}

export function jobFinished(job: ImportJob): boolean {
  const s = (job.state ?? job.phase ?? '').toUpperCase();
  return ['DONE', 'SUCCEEDED', 'COMPLETED', 'FAILED', 'REJECTED'].includes(s);
}

/** 数据导入: upload a file, follow the job's progress, show the row errors when the file is rejected. */
export function mountImport(root: HTMLElement, _ctx: ViewContext): MountedView {
  const fmt = h('select', { id: 'import-format', 'aria-label': S.importer.format }, Object.entries(S.importer.formats).map(([k, v]) => h('option', { value: k }, v)));
  const file = h('input', { type: 'file', id: 'import-file', accept: '.xlsx,.csv', 'aria-label': S.importer.file });
  const status = h('div', { class: 'import-status', 'aria-live': 'polite' });
  let timer: number | undefined;
  const submit = h('button', { type: 'submit', class: 'btn primary' }, S.importer.upload);
  const form = h(
    'form',
    { class: 'import-form' },
    h('label', {}, `${S.importer.format} `, fmt),
    h('label', {}, `${S.importer.file} `, file),
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = file.files?.[0];
    if (!f) {
      fill(status, h('p', { class: 'error' }, S.importer.chooseFile));
      return;
    }
    void start(fmt.value, f);
  });
  add(root, section(S.importer.title, form, status));

  async function start(format: string, f: File): Promise<void> {
    fill(status, h('progress', { max: 1 }), h('span', {}, S.loading));
    submit.disabled = true;
    try {
      const job = await api.importFile(format, f);
      show(job);
      poll(job.id);
    } catch (e) {
      submit.disabled = false;
      fill(status, e instanceof NotAvailableError ? comingSoonBox('数据导入') : errorBox(e));
    }
  }

  function poll(id: string): void {
    timer = window.setTimeout(async () => {
      try {
        const job = await api.importJob(id);
        show(job);
        if (!jobFinished(job)) poll(id);
        else submit.disabled = false;
      } catch (e) {
        submit.disabled = false;
        fill(status, errorBox(e));
      }
    }, 700);
  }

  function show(job: ImportJob): void {
    const p = jobProgress(job);
    const errors = job.errors ?? [];
    fill(status, 
      h('div', { class: 'progress-row' }, h('progress', { max: 1, value: p ?? undefined, 'aria-label': S.importer.progress }), h('span', {}, `${job.phase ?? job.state ?? ''} ${p === null ? '' : formatPercent(p)}`)),
      errors.length
        ? h(
            'div',
            { role: 'alert' },
            h('p', { class: 'error' }, S.importer.rejected),
            h(
              'table',
              { class: 'data-table', 'data-testid': 'import-errors' },
              h('thead', {}, h('tr', {}, [S.importer.row, S.importer.column, S.importer.value, S.importer.reason].map((t) => h('th', {}, t)))),
              h('tbody', {}, errors.slice(0, 500).map((r) => h('tr', {}, h('td', {}, String(r.row)), h('td', {}, r.column ?? ''), h('td', {}, r.value ?? ''), h('td', {}, r.reason)))),
            ),
          )
        : jobFinished(job)
          ? h('p', { class: 'ok' }, S.importer.done)
          : null,
    );
  }

  return {
    destroy() {
      window.clearTimeout(timer);
    },
  };
}
