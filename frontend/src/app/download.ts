import { authApi } from '../api/auth';
import { ApiError, NotAvailableError, reportUnauthorized } from '../api/http';
import { S } from '../strings';
import { ElMessage } from '../ui/messages';
import { auth, setMe } from './auth';
import { can, type Capability } from './permissions';

/**
 * Every file download of the app (exports, reports, import templates and reports) goes through here, so a session
 * that has ended sends the user to sign in again, instead of a download that fails without a reason (Chromium) or
 * saves the server's 401 problem JSON as the "file".
 *
 * First `GET /api/auth/me` (cheap, no export work on the server): a 401 goes to the sign-in view with `redirect`
 * back to this page and 会话已过期，请重新登录 (or the server's reason, e.g. 账号信息已变更…) — the same handler as
 * any API call's 401 (router.ts); any other failure of the check shows its message and nothing is downloaded. Then
 * the browser follows the link itself.
 *
 * Why the browser's own download rather than fetch + Blob (+ CSRF header, file name from Content-Disposition): a
 * Blob is held whole in the tab's memory and the save starts only after the last byte, so a large export (a whole
 * province's enterprises as .xlsx/.csv, which the server streams) would sit in RAM without progress. The browser's
 * download streams to disk as the server writes, shows progress and the server's file name, and needs no CSRF
 * header (a GET). What the check cannot see — a 4xx of the export itself right after a good check (a region outside
 * the scope, a bad parameter) — the UI avoids by offering only what the account may ask for (permissions.ts,
 * regionScope.ts); Chromium then ends the download as failed (seen in ScopedUserBrowserTest's runs: a 401 link
 * gave a "canceled" download), it does not save the error body, but it gives no reason either.
 */
export type DownloadOutcome = 'started' | 'signed-out' | 'failed';

/** How the file is handed to the browser; replaceable in tests (happy-dom downloads nothing). */
export interface DownloadDeps {
  save(url: string): void;
  showError(message: string): void;
}

export const browserDownload: DownloadDeps = {
  save(url) {
    const a = document.createElement('a');
    a.href = url;
    a.download = ''; // the server's Content-Disposition names the file
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  },
  showError(message) {
    void ElMessage.error({ message, grouping: true });
  },
};

/** A second click while the check of the same link is under way starts no second download. */
const pending = new Set<string>();

/**
 * Checks the session, then downloads `url` (same origin, a GET). `need` is the capability the link needs
 * (export for data exports; import or admin for the import and audit files): an account whose role no longer has
 * it gets the server's usual refusal text instead of a 403 body as a file.
 */
export async function download(url: string, need: Capability | null = 'export', deps: DownloadDeps = browserDownload): Promise<DownloadOutcome> {
  if (pending.has(url)) return 'failed';
  pending.add(url);
  try {
    if (!auth.disabled) {
      try {
        const me = await authApi.me();
        setMe(me);
        if (need && !can(me.role, need)) {
          deps.showError(S.auth.forbidden);
          return 'failed';
        }
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          reportUnauthorized(e, url);
          return 'signed-out';
        }
        // a server without sign-in (no /api/auth/me): nothing to check, the server decides
        if (!(e instanceof NotAvailableError)) {
          deps.showError(e instanceof Error ? e.message : String(e));
          return 'failed';
        }
      }
    }
    deps.save(url);
    return 'started';
  } finally {
    pending.delete(url);
  }
}
