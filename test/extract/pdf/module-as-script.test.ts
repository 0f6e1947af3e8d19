import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { moduleAsScript } from '../../../src/extract/pdf/pdfjs-code-cache';

const URL = 'file:///opt/pdfjs/pdf.min.mjs';

function run(script: string): Record<string, unknown> {
  return (vm.runInNewContext(script) as () => Record<string, unknown>)();
}

describe('moduleAsScript (pdf.js bundles run as scripts, for the code cache)', () => {
  it("returns the module's exports and gives it its own URL", () => {
    const script = moduleAsScript('const a = 1; function b() { return import.meta.url; }\nexport { a, b as where };\n', URL);
    expect(script).not.toBeNull();
    const exports = run(script!);
    expect(exports.a).toBe(1);
    expect((exports.where as () => string)()).toBe(URL);
  });

  it('leaves to import() any bundle that needs module features', () => {
    expect(moduleAsScript('const a = import.meta.resolve("x");\nexport { a };', URL)).toBeNull();
    expect(moduleAsScript('const a = import.meta;\nexport { a };', URL)).toBeNull();
    expect(moduleAsScript('import x from "y";\nconst a = x;\nexport { a };', URL)).toBeNull();
    expect(moduleAsScript('export default 1;\nconst a = 2;\nexport { a };', URL)).toBeNull();
    expect(moduleAsScript('const a = 1;', URL)).toBeNull();
  });
});
