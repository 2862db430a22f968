// adminjs/bundler (AdminJS's own bundlers) has no types in its package's exports: the part the
// bench uses (bench/chartBundle.ts).
declare module 'adminjs/bundler' {
  /** ADMIN_JS_TMP_DIR/entry.js, as AdminJS read the variable on import. */
  export const COMPONENTS_ENTRY_PATH: string
  /** The components bundler: rollup with AdminJS's externals, minified when NODE_ENV=production. */
  export const componentsBundler: {
    createEntry(options: { content: string }): Promise<void>
    build(): Promise<void>
  }
}
