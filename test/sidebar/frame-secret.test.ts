import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../src/shared/storage';
import { takeSecret } from '../../src/sidebar/frame-secret';

// The sidebar's frame starts loading while the content script is still storing the secret that
// proves a hand-over is ours: whichever lands first, the frame must get the secret, exactly once.
describe('takeSecret', () => {
  it('takes a secret already stored, and removes it so it opens one sidebar only', async () => {
    const storage = memoryStorage();
    await storage.set('sidebarFrameSecret:a', 's3cret');
    await expect(takeSecret(storage, 'sidebarFrameSecret:a')).resolves.toBe('s3cret');
    expect(await storage.get('sidebarFrameSecret:a')).toBeUndefined();
  });

  it('waits for a secret stored after the frame first looks', async () => {
    const storage = memoryStorage();
    const taken = takeSecret(storage, 'sidebarFrameSecret:b');
    await new Promise((r) => setTimeout(r, 20));
    await storage.set('sidebarFrameSecret:b', 'late');
    await expect(taken).resolves.toBe('late');
    expect(await storage.get('sidebarFrameSecret:b')).toBeUndefined();
  });

  it('ignores other keys and gives up with a message when no secret comes', async () => {
    const storage = memoryStorage();
    const taken = takeSecret(storage, 'sidebarFrameSecret:c', 60);
    await storage.set('sidebarFrameSecret:other', 'not ours');
    await expect(taken).rejects.toThrow(/did not hand over the sidebar/);
  });
});
