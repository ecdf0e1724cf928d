/**
 * A vitest reporter, on only when this run shares its test graph (TEST_GRAPH_SHARE, tests/support/
 * shared-graph.ts): when the first file of the system project starts, the api project is over, and the
 * graph is opened to the joining run (the Node 24 API tests in CI).
 */
import type { Reporter, TestModule } from 'vitest/node';
import { openShare, runningGraphSettings, shareFile } from './shared-graph.js';

export default class GraphGateReporter implements Reporter {
  private opened = false;

  onTestModuleStart(module: TestModule): void {
    const file = shareFile();
    if (this.opened || !file || module.project.name !== 'system') return;
    this.opened = true;
    void runningGraphSettings().then((settings) => {
      if (settings) openShare(file, settings);
    });
  }
}
