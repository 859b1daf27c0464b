/** What the /offline/ page says when files could not be saved (src/offline/describeFailures.ts). */
import { describe, expect, it } from 'vitest';
import { describeFailures } from '../../src/offline/describeFailures.ts';
import type { StoreFailure } from '../../src/offline/storeFile.ts';

const SCOPE = 'https://archive.example.org/archive/';
const at = (file: string) => SCOPE + file;

describe('describeFailures', () => {
  it('names the files a server answered 404 for, and does not tell an online reader to go online', () => {
    const text = describeFailures([{ url: at('pagefind/fragment/und_1.pf_fragment'), reason: 'http', status: 404 }], SCOPE, true);
    expect(text).toContain('HTTP 404');
    expect(text).toContain('/pagefind/fragment/und_1.pf_fragment');
    expect(text).not.toMatch(/联网/);
  });

  it('shows site paths as readers read them and counts what it does not list', () => {
    const failures: StoreFailure[] = ['reporters/%E6%A2%81%E5%A5%88/', 'a/', 'b/', 'c/', 'd/'].map((file) => ({ url: at(file), reason: 'http', status: 404 }));
    const text = describeFailures(failures, SCOPE, true);
    expect(text).toContain('/reporters/梁奈/、/a/、/b/ 等 5 个');
    expect(text).not.toContain('/c/');
  });

  it('tells server errors, broken connections, a lost network and a full disk apart', () => {
    const failures: StoreFailure[] = [
      { url: at('x/'), reason: 'http', status: 503 },
      { url: at('y/'), reason: 'network' },
      { url: at('z/'), reason: 'storage' },
    ];
    const online = describeFailures(failures, SCOPE, true);
    expect(online).toContain('HTTP 503');
    expect(online).toContain('连接中断');
    expect(online).toContain('存储空间不足');
    expect(online).not.toContain('网络已断开');
    expect(describeFailures(failures, SCOPE, false)).toContain('网络已断开');
  });

  it('says when the server already has a newer build than the list being saved', () => {
    expect(describeFailures([{ url: at('x/'), reason: 'changed' }], SCOPE, true)).toContain('新版本');
  });

  it('says nothing when nothing failed', () => {
    expect(describeFailures([], SCOPE, true)).toBe('');
  });
});
