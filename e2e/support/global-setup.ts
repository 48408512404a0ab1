/**
 * Vitest global setup for the e2e run: serves the already-built dist/ once for
 * all test files and hands its URL to them as `inject('baseUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { type PreviewServer, freePort, startPreview } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built lab is served, with a trailing slash. */
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  // A free port rather than a fixed one: two checkouts (or a dev server) on one machine never collide.
  server = await startPreview(await freePort());
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
