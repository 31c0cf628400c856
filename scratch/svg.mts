import * as echarts from 'echarts';
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 480 });
c.setOption({ animation: false, textStyle: { fontFamily: 'Noto Sans SC' }, title: { text: '钱花在哪了（2026年）', subtext: '单位：元' }, legend: { data: ['收入','支出'] }, xAxis: { type: 'category', data: ['1月','2月'] }, yAxis: { type: 'value' }, series: [{ name: '收入', type: 'bar', data: [12000, 8300.5], label: { show: true, position: 'top' } }, { name: '支出', type: 'bar', data: [1,2] }] });
const svg = c.renderToSVGString();
console.log(svg.match(/<text[^>]*>[^<]*<\/text>/g)?.slice(0, 12).join('\n'));
console.log(svg.slice(0, 300));
