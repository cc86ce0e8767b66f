import type { MetaStore } from 'astro/loaders';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withStoreWriteAtEnd } from '../../src/build-cache/store-writes';

/** A collection's metadata that records when it was changed, on the fake clock. */
function recordingMeta() {
  const values = new Map<string, string>();
  const changedAt: number[] = [];
  const meta: MetaStore = {
    get: (key) => values.get(key),
    has: (key) => values.has(key),
    set: (key, value) => {
      values.set(key, value);
      changedAt.push(Date.now());
    },
    delete: (key) => {
      values.delete(key);
      changedAt.push(Date.now());
    },
  };
  return { meta, values, changedAt };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('withStoreWriteAtEnd', () => {
  it('changes the metadata at least every 500 ms while the sync runs, so Astro writes the store once, after it', async () => {
    vi.useFakeTimers({ now: 0 });
    const { meta, values, changedAt } = recordingMeta();
    const sync = withStoreWriteAtEnd(meta, () => new Promise<string>((resolve) => setTimeout(() => resolve('synced'), 3_000)));
    await vi.advanceTimersByTimeAsync(3_000);
    await expect(sync).resolves.toBe('synced');
    const gaps = changedAt.map((time, position) => time - (changedAt[position - 1] ?? 0));
    expect(changedAt.at(-1)).toBe(3_000);
    expect(Math.max(...gaps)).toBeLessThan(500);
    expect([...values.keys()]).toEqual([]);
  });

  it('stops changing the metadata when the sync fails, and passes the failure on', async () => {
    vi.useFakeTimers({ now: 0 });
    const { meta, values, changedAt } = recordingMeta();
    const sync = withStoreWriteAtEnd(meta, () => Promise.reject(new Error('an article has a mistake')));
    await expect(sync).rejects.toThrow('an article has a mistake');
    const changes = changedAt.length;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(changedAt).toHaveLength(changes);
    expect([...values.keys()]).toEqual([]);
  });
});
