/**
 * The browser side of /offline/: shows what the archive weighs and how much is
 * already on this device, then saves, cancels, resumes or removes the copy.
 */
import { strings } from '../lib/strings.ts';
import { describeFailures } from './describeFailures.ts';
import { formatBytes } from './formatBytes.ts';
import { ArchiveCopy, type SaveProgress, type SaveResult } from './saveArchive.ts';
import { requestShellStatus } from './shellStatus.ts';
import { siteBase } from './siteBase.ts';


function part<T extends HTMLElement>(panel: HTMLElement, name: string): T {
  return panel.querySelector<T>(`[data-offline-${name}]`)!;
}

const percentOf = (progress: SaveProgress) =>
  progress.totalBytes === 0 ? 100 : Math.floor((progress.bytes / progress.totalBytes) * 100);

/** What the status line says after a save that did not get every file. */
function explainSave(result: SaveResult, scope: string): string {
  if (result.cancelled) return strings.offlineCancelled;
  if (result.outdated) return strings.offlineOutdated;
  return strings.offlineSavePartial(result.files, result.totalFiles, describeFailures(result.failures, scope, navigator.onLine), navigator.onLine);
}

export async function runOfflinePage(panel: HTMLElement): Promise<void> {
  const scope = new URL(siteBase, location.href).href;
  // The service worker answers unsaved pages with this one while offline.
  part(panel, 'missing').hidden = location.pathname === `${siteBase}offline/`;
  const status = part(panel, 'status');
  const bar = part<HTMLProgressElement>(panel, 'progress');
  const saveButton = part<HTMLButtonElement>(panel, 'save');
  const cancelButton = part<HTMLButtonElement>(panel, 'cancel');
  const removeButton = part<HTMLButtonElement>(panel, 'remove');
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    status.textContent = strings.offlineUnsupported;
    return;
  }
  const archive = await ArchiveCopy.load(scope).catch(() => undefined);
  if (!archive) {
    status.textContent = strings.offlineManifestUnavailable;
    return;
  }
  // The page scans' tiles are saved only when the reader ticks the box, which says how large they are.
  let copy = archive;
  const scansBox = part<HTMLInputElement>(panel, 'scans');
  const showTotal = () => {
    part(panel, 'total').textContent = `${formatBytes(copy.manifest.totalBytes)}（${strings.offlineFiles(copy.manifest.files.length)}）`;
  };
  showTotal();
  if (archive.manifest.scans) {
    part(panel, 'scans-size').textContent = formatBytes(archive.manifest.scans.totalBytes);
    part(panel, 'scans-option').hidden = false;
    scansBox.addEventListener('change', () => {
      copy = scansBox.checked ? archive.withScans() : archive;
      showTotal();
      void refresh();
    });
  }

  const show = (progress: SaveProgress) => {
    bar.value = percentOf(progress);
    part(panel, 'saved').textContent = strings.offlineProgress(
      progress.files,
      progress.totalFiles,
      formatBytes(progress.bytes),
      formatBytes(progress.totalBytes),
      percentOf(progress),
    );
  };
  const showUsage = async () => {
    const estimate = await navigator.storage?.estimate?.();
    part(panel, 'usage').textContent = estimate
      ? strings.offlineUsageOf(formatBytes(estimate.usage ?? 0), formatBytes(estimate.quota ?? 0))
      : '—';
  };
  // Refreshes can overlap (the worker turns active just as the reader removes
  // the copy): only the one started last may show what it counted, or a count
  // taken before the removal would show the copy as saved again.
  let refreshes = 0;
  /** Shows what is saved; whether all of it is, or undefined when a later refresh has started meanwhile. */
  const refresh = async (): Promise<boolean | undefined> => {
    const ticket = ++refreshes;
    const progress = await copy.progress();
    if (ticket !== refreshes) return undefined;
    show(progress);
    const complete = progress.files === progress.totalFiles;
    saveButton.disabled = complete;
    saveButton.textContent = complete ? strings.offlineAllSaved : progress.files > 0 ? strings.offlineResume : strings.offlineSave;
    removeButton.disabled = progress.files === 0 || copy.manifest.autoSaved;
    if (complete) status.textContent = copy.manifest.autoSaved ? strings.offlineAutoSaved : strings.offlineDone;
    await showUsage();
    return complete;
  };

  let controller: AbortController | undefined;
  /** The reader has saved or removed: what the page shows is then theirs, not a late first look's. */
  let readerActed = false;
  const save = async () => {
    readerActed = true;
    controller = new AbortController();
    saveButton.disabled = true;
    removeButton.disabled = true;
    cancelButton.hidden = false;
    status.textContent = '';
    const persisted = await navigator.storage?.persist?.();
    part(panel, 'persist').textContent = persisted ? strings.offlinePersisted : strings.offlineNotPersisted;
    const result = await copy.save({ signal: controller.signal, onProgress: show });
    controller = undefined;
    cancelButton.hidden = true;
    const complete = await refresh();
    if (complete === undefined) return;
    if (!complete) status.textContent = explainSave(result, scope);
    panel.dataset.offlineState = complete ? 'saved' : 'partial';
    // The network went away during the save: carry on by itself once it is back, as the status line promises.
    if (result.failures.some((failure) => failure.reason === 'network') && !navigator.onLine) {
      window.addEventListener('online', () => void (controller ? undefined : save()), { once: true });
    }
  };
  saveButton.addEventListener('click', () => void save());
  cancelButton.addEventListener('click', () => controller?.abort());
  removeButton.addEventListener('click', async () => {
    readerActed = true;
    await copy.remove();
    await refresh();
    status.textContent = strings.offlineRemoved;
    panel.dataset.offlineState = 'removed';
  });

  const settle = async () => {
    const complete = await refresh();
    if (complete !== undefined) panel.dataset.offlineState = complete ? 'saved' : 'ready';
  };
  const showShell = async () => {
    const shell = await requestShellStatus();
    const line = part(panel, 'shell');
    if (!shell) line.textContent = strings.offlineShellUnknown;
    else if (shell.failures.length === 0) line.textContent = strings.offlineShellComplete(shell.total, copy.manifest.autoSaved);
    else line.textContent = strings.offlineShellPartial(shell.cached, shell.total, describeFailures(shell.failures, scope, navigator.onLine));
    line.dataset.offlineShellMissing = String(shell ? shell.failures.length : -1);
  };
  await settle();
  // On a first visit the worker is still storing the shell (and a small archive whole): look again once it is
  // active, after it has tried again whatever an earlier install could not store.
  void navigator.serviceWorker.ready
    .then(showShell)
    .then(() => (readerActed ? undefined : settle()));
}
