import { scanCategories } from './scanCategories';

describe('scanCategories', () => {
  it('knows what a format or tool scans, plus what the tool reported', () => {
    expect(scanCategories('semgrep', 'Semgrep OSS')).toEqual(['code']);
    expect(scanCategories('gitleaks', 'gitleaks')).toEqual(['secret']);
    expect(scanCategories('trivy', 'Trivy', ['container'])).toEqual([
      'container',
      'dependency',
    ]);
    expect(scanCategories('sarif', 'CodeQL')).toEqual(['code']);
    expect(scanCategories(undefined, 'GitHub secret scanning')).toEqual([
      'secret',
    ]);
    expect(scanCategories('sarif', 'SomethingNew')).toEqual([]);
  });
});
