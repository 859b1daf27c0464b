/**
 * Astro integration for `npm run dev`: checks the articles when the server
 * starts and after every edit in the content folder, and shows errors in the
 * browser overlay with the CLI's wording: on a broken article's own page
 * (contentCheckMiddleware.ts), and in open tabs when a save adds an error. Builds are checked by
 * scripts/build.ts before Astro starts, so this integration does nothing there.
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { siteConfig } from '../config.ts';
import { checkContentDir, type CheckOptions } from '../lib/contentCheck/checkContent-fs.ts';
import { overlayError, overlayErrorForPage, setDevReport } from '../lib/contentCheck/devState.ts';
import { formatProblems, formatSummary } from '../lib/contentCheck/formatReport.ts';

export default function contentCheckDev(): AstroIntegration {
  return {
    name: 'archive-content-check',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware, updateConfig }) => {
        if (command !== 'dev') return;
        addMiddleware({ entrypoint: new URL('./contentCheckMiddleware.ts', import.meta.url), order: 'pre' });
        // Builds (dist/, its temporary swap folders, test builds) are not sources:
        // a build running beside the preview must not make it reload.
        updateConfig({ vite: { server: { watch: { ignored: ['**/dist/**', '**/dist.*/**', '**/tests/.tmp/**'] } } } });
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const root = process.cwd();
        const contentDir = path.resolve(root, siteConfig.contentDir);
        const cache: NonNullable<CheckOptions['cache']> = new Map();
        // The errors last shown, '' when there were none.
        let shownMessage = '';

        const run = (afterSave: boolean) => {
          const report = checkContentDir(contentDir, { root, cache });
          setDevReport(report);
          const error = overlayError(report, root);
          if (report.problems.length > 0) logger.warn(`\n${formatProblems(report.problems)}\n${formatSummary(report)}`);
          // A new error shows in the open tabs at once (the editor just saved
          // it); one already shown is not pushed again on every other save, so
          // tabs on working pages stay usable. The article's own page always shows it.
          const before = shownMessage;
          shownMessage = error?.message ?? '';
          // At start no tab is open yet, and Vite would keep the error for
          // whichever tab connects first, a working page among them: the
          // terminal and each broken article's page show it.
          if (afterSave && error && error.message !== before) {
            server.hot.send({ type: 'error', err: { ...error, message: error.message, stack: '', plugin: 'archive-content-check' } });
          }
          // Once the last error is fixed: re-sync the content, so every article
          // held back while broken is read again, then clear the overlay in open tabs.
          if (!error && before !== '') {
            void Promise.resolve(refreshContent?.({}))
              .catch((refreshError: unknown) => logger.warn(String(refreshError)))
              .finally(() => server.hot.send({ type: 'full-reload' }));
          }
        };

        // Astro shows a broken article's error (contentCheckMiddleware.ts)
        // over Vite's socket, after the response; with no tab connected, Vite
        // keeps it for whichever tab connects next, on whatever page. So only a
        // browser's page load gets the overlay; any other client (curl, a link
        // checker, a feed reader) gets the message as text and leaves nothing
        // behind for the editor's next tab. (Astro hides request headers from
        // static pages' middleware, so this is a Vite middleware.)
        server.middlewares.use((request, response, next) => {
          if (request.headers['sec-fetch-mode'] === 'navigate') return next();
          const error = overlayErrorForPage(new URL(request.url ?? '/', 'http://dev.invalid').pathname, root);
          if (!error) return next();
          response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end(`${error.title}\n\n${error.message}\n`);
        });

        let timer: NodeJS.Timeout | undefined;
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, file) => {
          if (!path.resolve(file).startsWith(contentDir + path.sep)) return;
          // An added or removed image changes results of files that did not change.
          if (!/\.(md|markdown)$/i.test(file)) cache.clear();
          clearTimeout(timer);
          timer = setTimeout(() => run(true), 50);
        });
        run(false);
      },
    },
  };
}
