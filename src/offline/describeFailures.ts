/**
 * Says in one or two sentences why files could not be saved, grouped by
 * cause, with the first few file names: a reader who is online is never told
 * to go online, and one who is out of space is told so.
 */
import { strings } from '../lib/strings.ts';
import { STORE_ATTEMPTS, type StoreFailure } from './storeFile.ts';

/** File names shown per cause; the rest are counted. */
const NAMES_SHOWN = 3;

function fileList(failures: StoreFailure[], scope: string): string {
  const names = failures.slice(0, NAMES_SHOWN).map((failure) => {
    const url = failure.url.startsWith(scope) ? `/${failure.url.slice(scope.length)}` : failure.url;
    try {
      return decodeURI(url);
    } catch {
      return url;
    }
  });
  return strings.offlineFileList(names, failures.length);
}

/** `online`: navigator.onLine when the save ended. */
export function describeFailures(failures: StoreFailure[], scope: string, online: boolean): string {
  const missing = failures.filter((failure) => failure.status === 404 || failure.status === 410);
  const server = failures.filter((failure) => failure.reason === 'http' && !missing.includes(failure));
  const network = failures.filter((failure) => failure.reason === 'network');
  const storage = failures.filter((failure) => failure.reason === 'storage');
  const changed = failures.filter((failure) => failure.reason === 'changed');
  const sentences: string[] = [];
  if (missing.length > 0) sentences.push(strings.offlineFailedMissing(missing.length, fileList(missing, scope)));
  if (server.length > 0) {
    const statuses = [...new Set(server.map((failure) => failure.status))].join('、');
    sentences.push(strings.offlineFailedServer(server.length, statuses, fileList(server, scope)));
  }
  if (network.length > 0) {
    sentences.push(online ? strings.offlineFailedNetwork(network.length, STORE_ATTEMPTS, fileList(network, scope)) : strings.offlineFailedOffline(network.length));
  }
  if (storage.length > 0) sentences.push(strings.offlineFailedStorage(storage.length));
  if (changed.length > 0) sentences.push(strings.offlineFailedChanged(changed.length));
  return sentences.join('');
}
