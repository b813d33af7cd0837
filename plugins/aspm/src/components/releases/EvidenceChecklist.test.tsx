import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  ARTIFACT_DIGEST,
  PROVENANCE_MISMATCH,
  blockedRelease,
  productionRelease,
  stagingRelease,
} from '../../__testUtils__/releaseFixtures';
import { formatDateTime } from '../../utils/format';
import { EvidenceChecklist } from './EvidenceChecklist';

/** The value next to a label of the header's field list. */
const field = (label: string) =>
  screen.getAllByText(label, { selector: 'dt' })[0].nextSibling;

/** The line of a checklist item, found by its label. */
const item = (label: string) =>
  screen.getByText(label, { selector: 'li span' }).closest('li') as HTMLElement;

/** The colour class of an item's icon. */
const iconClass = (li: HTMLElement) =>
  li.querySelector('svg')?.getAttribute('class') ?? '';

describe('EvidenceChecklist', () => {
  it('says which release it is', async () => {
    await renderInTestApp(<EvidenceChecklist release={productionRelease} />);
    expect(field('Version')?.textContent).toBe('1.4.2');
    expect(field('Environment')?.textContent).toBe('production');
    expect(field('Released')?.textContent).toBe(
      formatDateTime(productionRelease.releasedAt),
    );
    expect(field('Gates')?.textContent).toBe('Passed after re-run');
    const digest = within(field('Artifact') as HTMLElement).getByText(
      'sha256:9a8b7c6d5e4f…',
    );
    expect(digest).toHaveAttribute('title', ARTIFACT_DIGEST);
    expect(
      screen.getByRole('link', { name: 'Pipeline run of 1.4.2 (new tab)' }),
    ).toHaveAttribute('href', productionRelease.pipelineUrl);
    expect(field('Approved by')?.textContent).toBe('carol');
  });

  it('shows an invalid provenance with its reason, in the error colour', async () => {
    await renderInTestApp(<EvidenceChecklist release={productionRelease} />);
    const checklist = screen.getByRole('list', { name: 'Evidence checklist' });
    expect(
      within(checklist)
        .getAllByRole('listitem')
        .filter(li => li.parentElement === checklist)
        .map(li => li.querySelector('span')?.textContent),
    ).toEqual([
      'SBOM',
      'Provenance (SLSA)',
      'Signature',
      'Scan results',
      'Gate decision',
      'Approver',
    ]);

    const provenance = item('Provenance (SLSA)');
    expect(provenance).toHaveAttribute('data-status', 'invalid');
    expect(iconClass(provenance)).toMatch(/invalid/);
    expect(provenance).toHaveTextContent('required');
    const reason = within(provenance).getByText(
      `Invalid: ${PROVENANCE_MISMATCH}`,
    );
    expect(reason.className).toMatch(/colorError/);
    // What was read out of the provenance.
    expect(provenance).toHaveTextContent(
      'Builderhttps://github.com/acme/payments-api/.github/workflows/release.yml@refs/heads/main',
    );
    expect(provenance).toHaveTextContent(
      'Predicate typehttps://slsa.dev/provenance/v1',
    );
    expect(provenance).toHaveTextContent(
      'EnvelopeDSSE envelope, 1 signature (not verified)',
    );

    expect(
      screen.getByText('Evidence incomplete: 1 invalid of the required items.'),
    ).toBeInTheDocument();
  });

  it('shows the facts of the SBOM and the links of other documents', async () => {
    await renderInTestApp(<EvidenceChecklist release={productionRelease} />);
    const sbom = item('SBOM');
    expect(iconClass(sbom)).toMatch(/met/);
    expect(sbom).toHaveTextContent('FormatCycloneDX 1.5');
    expect(sbom).toHaveTextContent('Components312');
    expect(sbom).toHaveTextContent('Toolsyft');
    expect(
      within(item('Scan results')).getByRole('link', {
        name: 'https://github.com/acme/payments-api/security/code-scanning',
      }),
    ).toBeInTheDocument();
    expect(item('Gate decision')).toHaveTextContent('Met');
  });

  it('shows missing items with their reason', async () => {
    await renderInTestApp(<EvidenceChecklist release={blockedRelease} />);
    expect(item('SBOM')).toHaveTextContent('Missing: no SBOM attached');
    expect(iconClass(item('SBOM'))).toMatch(/missing/);
    expect(item('Approver')).toHaveTextContent('Missing: no approving actor');
    expect(field('Artifact')?.textContent).toBe('No digest posted');
    expect(field('Pipeline')?.textContent).toBe('—');
    expect(
      screen.getByText('Evidence incomplete: 4 missing of the required items.'),
    ).toBeInTheDocument();
  });

  it('marks optional items of an environment that requires nothing', async () => {
    await renderInTestApp(<EvidenceChecklist release={stagingRelease} />);
    expect(item('Signature')).toHaveTextContent('optional');
    expect(
      screen.getByText('No evidence is required for staging releases.'),
    ).toBeInTheDocument();
  });
});
