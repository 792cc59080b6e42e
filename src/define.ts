/** Registers the custom elements and exports the typed sources' API (`src/index.ts`), for bundler users. */
import './register.js';

export * from './index.js';
