// Types of scripts/bundle-script.mjs (plain JavaScript, run before any TypeScript can).

/** Where a bundled script goes: the project's cache folder, named for this process. */
export declare function bundlePath(root: string, entry: string): string

/** Bundle a TypeScript script into one ES module (packages stay imports; each file keeps its own `import.meta.url`). */
export declare function bundleScript(entry: string, outfile: string, logLevel?: 'silent' | 'warning'): Promise<void>
