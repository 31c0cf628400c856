import { Composer, InputFile } from 'grammy';
import { readTable, SheetError, writeCsv, writeXlsx } from '../../../core/sheets';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { downloadFile, FileTooBig } from '../../../telegram/files';
import { requireRole } from '../../../telegram/middlewares/guard';
import { finished, inFlow, isKeyText } from '../../../telegram/middlewares/match';
import { CB, RX } from '../callbacks';
import { ImportChanged, NotASpreadsheet, UploadTooBig } from '../errors';
import { importFlow } from '../flows';
import { workbenchPolicy } from '../policy';
import { parsePeriod, type WorkbenchService } from '../service';
import { askUpload, checkCard, exportsCard, homeCard, importsCard, periodCard } from '../views';

const backToHome = (ctx: BotContext) => ({
  inline_keyboard: [[{ text: ctx.t('common.back'), callback_data: CB.home }]],
});

/** The workbench's handlers: the home of each role, files in (checked, previewed, confirmed) and out. */
export function workbenchBot(wb: WorkbenchService, { config }: Pick<Platform, 'config'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const anyRole = requireRole('staff', 'deputy');

  async function home(ctx: BotContext, who: 'staff' | 'deputy', edit: boolean) {
    const mine = (roles: string[]) => (who === 'staff' ? roles.some((r) => r !== 'deputy') : roles.includes('deputy'));
    const tasks = wb.tasks(ctx.roles).filter((k) => mine(k.roles));
    const files = {
      imports: who === 'staff' && wb.importers(ctx.roles).length > 0,
      exports: who === 'staff' && wb.exporters(ctx.roles).length > 0,
    };
    const card = homeCard(ctx.t, who, await wb.todos(ctx.user, ctx.roles), tasks, files);
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.filter(isKeyText('workbench.menu.staff')).use(staff, (ctx) => home(ctx, 'staff', false));
  pm.filter(isKeyText('workbench.menu.deputy')).use(requireRole('deputy'), (ctx) => home(ctx, 'deputy', false));
  pm.command('workbench', anyRole, (ctx) =>
    home(ctx, ctx.roles.has('deputy') && ctx.roles.size === 1 ? 'deputy' : 'staff', false),
  );
  bot.callbackQuery(RX.home, anyRole, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (ctx.flow?.name === importFlow.name) await ctx.endFlow();
    await home(ctx, ctx.roles.has('deputy') && ctx.roles.size === 1 ? 'deputy' : 'staff', true);
  });

  // ── files in: choose the table, send the file, see every problem or the preview, confirm ────────────────────────
  bot.callbackQuery(RX.imports, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = importsCard(ctx.t, wb.importers(ctx.roles));
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.importer, staff, async (ctx) => {
    const importer = wb.importer(ctx.roles, ctx.match[1]!);
    await ctx.answerCallbackQuery();
    await ctx.setFlow(importFlow, 'upload', { key: importer.key });
    await ctx.editMessageText(askUpload(ctx.t, importer).text);
  });

  /** The file's rows, or a named error a person understands (too big, not a spreadsheet). */
  async function rowsOf(ctx: BotContext, fileId: string) {
    try {
      return await readTable(await downloadFile(ctx.api, config, fileId, workbenchPolicy.maxUploadBytes));
    } catch (e) {
      if (e instanceof FileTooBig) throw new UploadTooBig(workbenchPolicy.maxUploadBytes / 1_048_576);
      if (e instanceof SheetError) throw new NotASpreadsheet();
      throw e;
    }
  }

  pm.on('message:document')
    .filter(inFlow(importFlow, 'upload'))
    .use(staff, async (ctx) => {
      const importer = wb.importer(ctx.roles, ctx.flow.data.key);
      const doc = ctx.message.document;
      const fileName = doc.file_name ?? 'file';
      const check = await importer.check(await rowsOf(ctx, doc.file_id), ctx.t);
      const card = checkCard(ctx.t, importer, fileName, check);
      // With problems the step stays open for the corrected file; without, the file waits for the confirmation.
      if (!check.problems.length)
        await ctx.setFlow(importFlow, 'confirm', { ...ctx.flow.data, fileId: doc.file_id, fileName });
      await ctx.reply(card.text, { reply_markup: card.markup });
    });

  pm.on('message')
    .filter(inFlow(importFlow, 'upload'))
    .filter((ctx) => ctx.message.document === undefined && ctx.message.text === undefined)
    .use((ctx) => ctx.reply(ctx.t('workbench.imports.fileAgain'), { reply_markup: backToHome(ctx) }));
  pm.on('message:text')
    .filter(inFlow(importFlow, 'upload'))
    .use((ctx) => ctx.reply(ctx.t('workbench.imports.fileAgain'), { reply_markup: backToHome(ctx) }));

  // The role first, whatever state the flow is in: a forged confirmation is refused and recorded, not just "expired".
  bot.callbackQuery(RX.confirmImport, staff);
  bot
    .callbackQuery(RX.confirmImport)
    .filter(inFlow(importFlow, 'confirm'))
    .use(async (ctx) => {
      const { key, fileId, fileName } = ctx.flow.data;
      if (!fileId) throw new ImportChanged();
      const importer = wb.importer(ctx.roles, key);
      const rows = await rowsOf(ctx, fileId);
      const result = await wb.applyImport(
        ctx.user,
        importer,
        rows,
        fileName ?? '',
        ctx.flowEnd({ key, fileName: fileName ?? '' }),
      );
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('workbench.imports.done', { table: ctx.t(importer.labelKey), ...result }));
    });

  // A second tap on the same confirmation (or Telegram delivering it again): already imported, nothing twice.
  bot
    .callbackQuery(RX.confirmImport)
    .filter(finished(importFlow))
    .use((ctx) => ctx.answerCallbackQuery({ text: ctx.t('workbench.imports.already'), show_alert: true }));

  // ── files out: choose the table, the period if it has one, get XLSX and CSV ────────────────────────────────────
  bot.callbackQuery(RX.exports, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = exportsCard(ctx.t, wb.exporters(ctx.roles));
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  async function send(ctx: BotContext, key: string, periodCode: string | null) {
    const exporter = wb.exporter(ctx.roles, key);
    const period = periodCode === null ? null : parsePeriod(periodCode);
    const sheets = await wb.runExport(ctx.user, exporter, ctx.t, period);
    const name = exporter.fileName(period);
    await ctx.answerCallbackQuery({ text: ctx.t('workbench.exports.sending') });
    await ctx.replyWithDocument(new InputFile(await writeXlsx(sheets), `${name}.xlsx`));
    if (sheets[0]) await ctx.replyWithDocument(new InputFile(writeCsv(sheets[0]), `${name}.csv`));
  }

  bot.callbackQuery(RX.exporter, staff, async (ctx) => {
    const exporter = wb.exporter(ctx.roles, ctx.match[1]!);
    if (!exporter.period) return send(ctx, exporter.key, null);
    await ctx.answerCallbackQuery();
    const card = periodCard(ctx.t, ctx.locale, exporter, await wb.periodsOf(exporter));
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.exportFor, staff, (ctx) => send(ctx, ctx.match[1]!, ctx.match[2]!));

  return bot;
}
