/**
 * Which way a paper goes to the background: straight to the extension's own service worker from
 * an extension page, never to a service worker of the page the reader is on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyseJsonInBackground } from '../../src/shared/messages';
import { ownServiceWorker } from '../../src/shared/service-worker-channel';

const EXTENSION = 'chrome-extension://abcdefghijklmnop';

/** A service worker that answers an analysis on the port it is given, and remembers what it got. */
function fakeWorker(scriptURL: string) {
  const received: unknown[] = [];
  return {
    received,
    worker: {
      scriptURL,
      postMessage(message: unknown, transfer: MessagePort[]) {
        received.push(message);
        transfer[0]!.postMessage({ ok: true, critiqueJson: '{"from":"service worker"}' });
      },
    },
  };
}

function environment(controller: unknown) {
  const sendMessage = vi.fn(async () => ({ ok: true, critiqueJson: '{"from":"runtime message"}' }));
  vi.stubGlobal('navigator', { serviceWorker: { controller } });
  vi.stubGlobal('chrome', { runtime: { sendMessage, getURL: (path: string) => `${EXTENSION}${path}` } });
  return sendMessage;
}

afterEach(() => vi.unstubAllGlobals());

describe('the way to the background', () => {
  it("an extension page posts the paper to the extension's own service worker", async () => {
    const { worker, received } = fakeWorker(`${EXTENSION}/background.js`);
    const sendMessage = environment(worker);
    expect(ownServiceWorker()).toBe(worker);
    expect(await analyseJsonInBackground('{"blocks":[]}')).toBe('{"from":"service worker"}');
    expect(received).toEqual([{ type: 'analyse', paperJson: '{"blocks":[]}' }]);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it("a content script never posts it to the publisher's service worker: runtime messaging instead", async () => {
    const { worker, received } = fakeWorker('https://publisher.example/sw.js');
    const sendMessage = environment(worker);
    expect(ownServiceWorker()).toBeNull();
    expect(await analyseJsonInBackground('{"blocks":[]}')).toBe('{"from":"runtime message"}');
    expect(received).toEqual([]);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'analyse', paperJson: '{"blocks":[]}' });
  });

  it('without a controlling service worker (Firefox) it uses runtime messaging', async () => {
    const sendMessage = environment(null);
    expect(await analyseJsonInBackground('{}')).toBe('{"from":"runtime message"}');
    expect(sendMessage).toHaveBeenCalledOnce();
  });

  it("says so when the background cannot analyse", async () => {
    const worker = { scriptURL: `${EXTENSION}/background.js`, postMessage: (_m: unknown, [port]: MessagePort[]) => port!.postMessage({ ok: false, error: 'Unexpected token' }) };
    environment(worker);
    await expect(analyseJsonInBackground('{')).rejects.toThrow('Unexpected token');
  });
});
