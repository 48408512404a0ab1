/**
 * Vitest global setup for the e2e run: serves the already-built dist/ once for
 * all test files and hands its URL to them as `inject('baseUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { E2E_PORT, type PreviewServer, startPreview } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built lab is served, with a trailing slash. */
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startPreview(E2E_PORT);
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
