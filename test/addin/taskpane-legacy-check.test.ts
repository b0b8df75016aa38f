// The inline legacy-webview check at the top of addin/taskpane.html, run as written (ES5, in a bare VM context) over
// the user agents Office's webviews and browsers send, and over engines missing what the bundle needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';

const html = readFileSync(path.join(REPO_ROOT, 'addin/taskpane.html'), 'utf8');
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

interface Engine {
  userAgent: string;
  allSettled?: boolean;
  globalThis?: boolean;
  promise?: boolean;
}

/** What the check leaves behind: the flag main.tsx reads and the class the page's style hides and shows by. */
function check(engine: Engine): { flagged: boolean; className: string } {
  const run = vm.runInNewContext(`(function (window, document, Promise, globalThis) {${inline[0]}})`, {}) as (...args: unknown[]) => void;
  const window: { navigator: { userAgent: string }; __PHULUC_UNSUPPORTED__?: boolean } = { navigator: { userAgent: engine.userAgent } };
  const document = { documentElement: { className: 'x' } };
  const promise = engine.promise === false ? undefined : engine.allSettled === false ? { resolve() {} } : Promise;
  run(window, document, promise, engine.globalThis === false ? undefined : {});
  return { flagged: window.__PHULUC_UNSUPPORTED__ === true, className: document.documentElement.className };
}

const LEGACY = { flagged: true, className: 'x legacy-webview' };
const MODERN = { flagged: false, className: 'x' };

describe('the inline legacy-webview check', () => {
  it('is the one inline script, placed before any other script of the page', () => {
    expect(inline).toHaveLength(1);
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('<script src='));
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('<div id="root">'));
  });

  it('flags Internet Explorer and legacy Edge by their user agent, and no modern webview', () => {
    const agents: Record<string, string> = {
      'IE11 (Office 2016 on Windows 7/8.1)': 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
      'IE10 document mode': 'Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.2; Trident/6.0)',
      'EdgeHTML 18 (Office 2019 on Windows 10)':
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
      'EdgeHTML 12':
        'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36 Edge/12.10240',
      'WebView2 (Microsoft 365 on Windows)':
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge on Android':
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 EdgA/120.0.0.0',
      'WKWebView (Office on Mac)': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
      'Chrome (Excel on the web)': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Firefox (Excel on the web)': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
      'no user agent': '',
    };
    expect(Object.fromEntries(Object.entries(agents).map(([name, userAgent]) => [name, check({ userAgent })]))).toEqual({
      'IE11 (Office 2016 on Windows 7/8.1)': LEGACY,
      'IE10 document mode': LEGACY,
      'EdgeHTML 18 (Office 2019 on Windows 10)': LEGACY,
      'EdgeHTML 12': LEGACY,
      'WebView2 (Microsoft 365 on Windows)': MODERN,
      'Edge on Android': MODERN,
      'WKWebView (Office on Mac)': MODERN,
      'Chrome (Excel on the web)': MODERN,
      'Firefox (Excel on the web)': MODERN,
      'no user agent': MODERN,
    });
  });

  it('flags an engine without Promise, Promise.allSettled or globalThis, whatever it calls itself', () => {
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';
    expect([
      check({ userAgent: ua, promise: false }),
      check({ userAgent: ua, allSettled: false }),
      check({ userAgent: ua, globalThis: false }),
      check({ userAgent: ua }),
    ]).toEqual([LEGACY, LEGACY, LEGACY, MODERN]);
  });
});
