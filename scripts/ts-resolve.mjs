// Lets Node run the project's TypeScript as the build does: `import './slugs'` finds `./slugs.ts`
// and `import '../i18n'` finds `../i18n/index.ts`. Node strips the types itself; it only does not
// guess what Vite guesses.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!/^\.\.?\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw error;
      if (error?.code === 'ERR_MODULE_NOT_FOUND') return nextResolve(`${specifier}.ts`, context);
      if (error?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') return nextResolve(`${specifier}/index.ts`, context);
      throw error;
    }
  },
});
