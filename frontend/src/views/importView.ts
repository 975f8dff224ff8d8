import { api, NotAvailableError } from '../api';
import type { ImportFormat, ImportJob, ImportProblem } from '../api/types';
import type { MountedView, ViewContext } from '../context';
import { formatNumber, formatPercent } from '../format';
import { S } from '../strings';
import { add, comingSoonBox, emptyBox, errorBox, fill, h, load, pager, section } from '../ui/dom';
import { jobFinished, jobProgress, phaseProgress, pollDelay } from './importLogic';

const I = S.importer;
const PROBLEM_PAGE = 50;

/** The rejected rows as a table (row, column, value, reason), paged. */
function problemTable(problems: ImportProblem[], page: number, go: (p: number) => void): HTMLElement {
  const slice = problems.slice(page * PROBLEM_PAGE, (page + 1) * PROBLEM_PAGE);
  return h(
    'div',
    {},
    h(
      'table',
      { class: 'data-table', 'data-testid': 'import-errors' },
      h('thead', {}, h('tr', {}, [I.row, I.column, I.value, I.reason].map((t) => h('th', {}, t)))),
      h('tbody', {}, slice.map((r) => h('tr', {}, h('td', { class: 'num' }, String(r.row)), h('td', {}, [r.column, r.header].filter(Boolean).join(' · ')), h('td', { class: 'mono' }, r.value ?? ''), h('td', {}, r.reason)))),
    ),
    problems.length > PROBLEM_PAGE ? pager(page, PROBLEM_PAGE, problems.length, go) : null,
  );
}

/** 数据导入: pick a format, download its template, upload, follow the job, read the row errors when rejected. */
export function mountImport(root: HTMLElement, _ctx: ViewContext): MountedView {
  let formats: ImportFormat[] = [];
  const fmt = h('select', { id: 'import-format', 'aria-label': I.format });
  const file = h('input', { type: 'file', id: 'import-file', accept: '.xlsx,.csv', 'aria-label': I.file });
  const dry = h('input', { type: 'checkbox', id: 'import-dry' });
  const about = h('div', { class: 'format-about' });
  const status = h('div', { class: 'import-status', 'aria-live': 'polite' });
  const recentBox = h('div', {});
  let timer: number | undefined;
  let alive = true;
  const submit = h('button', { type: 'submit', class: 'btn primary' }, I.upload);
  const form = h(
    'form',
    { class: 'import-form' },
    h('label', {}, `${I.format} `, fmt),
    h('label', {}, `${I.file} `, file),
    h('label', {}, dry, ` ${I.dryRun}`),
    submit,
  );
  const formBox = h('div', {});
  add(root, section(I.title, formBox, status), section(I.recent, recentBox));

  void load(
    formBox,
    (sig) => api.importFormats(sig),
    (list) => {
      formats = list;
      fill(fmt, list.map((f) => h('option', { value: f.id }, f.zh)));
      const preferred = list.find((f) => f.id === 'enterprises');
      if (preferred) fmt.value = preferred.id;
      add(formBox, form, about);
      describe();
    },
    { what: I.title },
  );
  fmt.addEventListener('change', describe);

  function describe(): void {
    const f = formats.find((x) => x.id === fmt.value);
    if (!f) {
      fill(about);
      return;
    }
    fill(
      about,
      h('p', {}, f.description),
      h(
        'div',
        { class: 'controls' },
        h('span', { class: 'muted' }, `${I.template}：`),
        h('a', { class: 'btn', href: f.templateXlsx, download: '', 'data-testid': 'template-xlsx' }, `${f.zh}模板 .xlsx`),
        h('a', { class: 'btn', href: f.templateCsv, download: '' }, `${f.zh}模板 .csv`),
      ),
      h(
        'details',
        {},
        h('summary', {}, `${I.columns}（${f.columns.length} 列，★ 为${I.required}）`),
        h(
          'table',
          { class: 'data-table small' },
          h('thead', {}, h('tr', {}, ['列名', '类型', '说明', '示例'].map((t) => h('th', {}, t)))),
          h('tbody', {}, f.columns.map((c) => h('tr', {}, h('td', {}, `${c.required ? '★ ' : ''}${c.header}`), h('td', {}, `${c.type}${c.unit ? `（${c.unit}）` : ''}`), h('td', {}, [c.note, c.choices.length ? `可选：${c.choices.join('、')}` : null, c.refersTo ? `须已存在的${c.refersTo}` : null].filter(Boolean).join('；')), h('td', { class: 'mono' }, c.example ?? '')))),
        ),
      ),
    );
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = file.files?.[0];
    if (!f) {
      fill(status, h('p', { class: 'error', role: 'alert' }, I.chooseFile));
      return;
    }
    void start(fmt.value, f);
  });

  async function start(format: string, f: File): Promise<void> {
    window.clearTimeout(timer);
    fill(status, h('div', { class: 'progress-row' }, h('progress', { max: 1, 'aria-label': I.progress }), h('span', {}, S.loading)));
    submit.disabled = true;
    try {
      const job = dry.checked ? await api.importFileDry(format, f) : await api.importFile(format, f);
      show(job);
      if (!jobFinished(job)) poll(job.id, 0);
      else finish();
    } catch (e) {
      submit.disabled = false;
      fill(status, e instanceof NotAvailableError ? comingSoonBox(I.title) : errorBox(e));
    }
  }

  function finish(): void {
    submit.disabled = false;
    renderRecent();
  }

  function poll(id: string, attempt: number): void {
    timer = window.setTimeout(async () => {
      if (!alive) return;
      try {
        const job = await api.importJob(id);
        if (!alive) return;
        show(job);
        if (!jobFinished(job)) poll(id, attempt + 1);
        else finish();
      } catch (e) {
        submit.disabled = false;
        fill(status, errorBox(e));
      }
    }, pollDelay(attempt));
  }

  function show(job: ImportJob, problemPage = 0): void {
    const p = jobProgress(job);
    const within = phaseProgress(job);
    const r = job.result;
    const phase = I.phases[job.phase] ?? job.phase;
    const rows = job.rowsTotal > 0 ? `${formatNumber(job.rowsDone)} / ${formatNumber(job.rowsTotal)} 行` : '';
    fill(
      status,
      h(
        'div',
        { class: 'progress-row', 'data-phase': job.phase },
        h('progress', { max: 1, value: p, 'aria-label': I.progress, 'aria-valuetext': `${phase} ${formatPercent(p, 0)}` }),
        h('span', {}, `${job.fileName} · ${phase}${job.dryRun ? '（只校验）' : ''} ${rows}${within !== null && !jobFinished(job) ? ` (${formatPercent(within, 0)})` : ''}`),
      ),
      r && job.phase === 'DONE' ? h('p', { class: 'ok', role: 'status' }, `✔ ${r.messageZh || I.done}（${I.rowsSummary(r.rowsRead, r.rowsWritten)}）`) : null,
      r && (job.phase === 'REJECTED' || job.phase === 'FAILED')
        ? h(
            'div',
            { role: 'alert', class: 'import-rejected' },
            h('p', { class: 'error' }, `✖ ${job.phase === 'FAILED' ? I.failed : I.rejected}`),
            r.messageZh ? h('p', {}, r.messageZh) : null,
            job.reportXlsx ? h('p', {}, h('a', { class: 'btn', href: job.reportXlsx, download: '', 'data-testid': 'import-report' }, `⬇ ${I.report}`)) : null,
            r.problemsTruncated ? h('p', { class: 'muted' }, I.truncated(r.problems.length, r.problemCount)) : null,
            r.problems.length ? problemTable(r.problems, problemPage, (n) => show(job, n)) : null,
          )
        : null,
      job.phase === 'FAILED' && !r ? h('p', { class: 'error', role: 'alert' }, I.failed) : null,
      r && r.ignoredColumns.length ? h('p', { class: 'muted' }, `${I.ignored}：${r.ignoredColumns.join('、')}`) : null,
    );
  }

  function renderRecent(): void {
    void load(
      recentBox,
      (sig) => api.importJobs(sig),
      (jobs) => {
        if (jobs.length === 0) {
          add(recentBox, emptyBox('暂无导入记录'));
          return;
        }
        add(
          recentBox,
          h(
            'table',
            { class: 'data-table' },
            h('thead', {}, h('tr', {}, ['时间', I.format, '文件', '状态', '行数', '问题报告'].map((t) => h('th', {}, t)))),
            h(
              'tbody',
              {},
              jobs.slice(0, 10).map((j) =>
                h(
                  'tr',
                  {},
                  h('td', {}, new Date(j.submittedAt).toLocaleString('zh-CN', { hour12: false })),
                  h('td', {}, j.formatZh),
                  h('td', {}, j.fileName),
                  h('td', {}, h('span', { class: `phase phase-${j.phase.toLowerCase()}` }, I.phases[j.phase] ?? j.phase)),
                  h('td', { class: 'num' }, j.result ? `${formatNumber(j.result.rowsWritten)} / ${formatNumber(j.result.rowsRead)}` : '—'),
                  h('td', {}, j.reportXlsx ? h('a', { href: j.reportXlsx, download: '' }, '下载') : '—'),
                ),
              ),
            ),
          ),
        );
      },
      { what: I.recent },
    );
  }
  renderRecent();

  return {
    destroy() {
      alive = false;
      window.clearTimeout(timer);
    },
  };
}
