// The staff console's only script. In a browser the pages work as plain links and forms; this adds charts. Inside
// Telegram (a Mini App) it also carries Telegram's signed initData on every request, which is how the server knows
// who is asking there, and fetches downloads with it.
(() => {
  const KEY = 'linli.initData';
  const HEADER = 'X-Telegram-Init-Data';

  // Telegram opens the Mini App at …/app#tgWebAppData=<initData>&tgWebAppVersion=…
  const fromTelegram = /(?:^#|&)tgWebAppData=([^&]*)/.exec(location.hash);
  if (fromTelegram) {
    sessionStorage.setItem(KEY, decodeURIComponent(fromTelegram[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const initData = () => sessionStorage.getItem(KEY) || '';
  const miniApp = () => document.body.dataset.door === 'miniapp';

  // Charts: ECharts is loaded once, the first time a page has one.
  let echartsLoading;
  const loadEcharts = () => {
    echartsLoading ||= new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/static/echarts.min.js';
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
    return echartsLoading;
  };
  const drawCharts = (root) => {
    const charts = [...root.querySelectorAll('.chart[data-chart]')].filter((el) => !el.dataset.rendered);
    if (!charts.length) return;
    loadEcharts().then(() => {
      for (const el of charts) {
        const chart = window.echarts.init(el, null, { renderer: 'canvas' });
        chart.setOption(JSON.parse(el.dataset.chart));
        el.dataset.rendered = '1';
        new ResizeObserver(() => chart.resize()).observe(el);
      }
    });
  };

  // Inside Telegram every request carries the signature: links and forms are fetched by this script and the page
  // it gets back replaces this one; a file is saved from memory.
  const swap = (text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
    drawCharts(document);
  };
  const go = (url, init = {}) =>
    fetch(url, { ...init, headers: { [HEADER]: initData() } })
      .then(async (r) => {
        const type = r.headers.get('content-type') || '';
        if (type.includes('text/html')) return swap(await r.text());
        const name = /filename="([^"]+)"/.exec(r.headers.get('content-disposition') || '')?.[1] || 'download';
        const blob = await r.blob();
        const href = URL.createObjectURL(blob);
        const tmp = document.createElement('a');
        tmp.href = href;
        tmp.download = name;
        document.body.appendChild(tmp);
        tmp.click();
        tmp.remove();
        setTimeout(() => URL.revokeObjectURL(href), 10_000);
      })
      .catch(() => alert('…'));
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[href]');
    if (!a || !miniApp() || !initData() || a.origin !== location.origin) return;
    e.preventDefault();
    go(a.href);
  });
  document.addEventListener('submit', (e) => {
    const f = e.target;
    if (!miniApp() || !initData()) return;
    e.preventDefault();
    const data = new FormData(f);
    if ((f.getAttribute('method') || 'get').toLowerCase() === 'get')
      go(`${f.action.split('?')[0]}?${new URLSearchParams(data)}`);
    else go(f.action, { method: 'POST', body: data });
  });

  // Tells Telegram the app is ready (it hides its loading placeholder): its web client listens for this message,
  // its mobile apps for a call on the proxy object they inject.
  const ready = () => {
    const event = { eventType: 'web_app_ready', eventData: {} };
    if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent('web_app_ready', '{}');
    else if (window.parent !== window) window.parent.postMessage(JSON.stringify(event), 'https://web.telegram.org');
  };

  const start = () => {
    drawCharts(document);
    const boot = document.body.dataset.boot;
    if (boot) {
      if (!initData()) document.querySelector('main').textContent = document.body.dataset.noSignature || '…';
      else go(boot);
    }
    if (miniApp()) ready();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
