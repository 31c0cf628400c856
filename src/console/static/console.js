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

  document.addEventListener('htmx:config:request', (e) => {
    if (miniApp() && initData()) e.detail.ctx.request.headers[HEADER] = initData();
  });

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

  // A download inside Telegram must carry the signature too: fetched, then saved from memory.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[download]');
    if (!a || !miniApp() || !initData()) return;
    e.preventDefault();
    fetch(a.href, { headers: { [HEADER]: initData() } })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const tmp = document.createElement('a');
        tmp.href = url;
        tmp.download = a.getAttribute('download') || '';
        document.body.appendChild(tmp);
        tmp.click();
        tmp.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      })
      .catch(() => alert(a.dataset.failed || 'download failed'));
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
    window.htmx?.onLoad?.((el) => drawCharts(el));
    const boot = document.body.dataset.boot;
    if (boot) {
      if (!initData()) document.querySelector('main').textContent = document.body.dataset.noSignature || '…';
      else window.htmx.ajax('GET', boot, { target: 'body', swap: 'innerHTML' });
    }
    if (miniApp()) ready();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
