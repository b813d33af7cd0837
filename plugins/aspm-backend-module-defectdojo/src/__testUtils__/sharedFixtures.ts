import fs from 'node:fs';
import path from 'node:path';
import { DefectDojoFinding } from '../mapFinding';
import { DefectDojoRiskAcceptance } from '../mapRiskAcceptance';

function defectDojoDir(): string | undefined {
  const srcDir = path.resolve(__dirname, '..');
  const shared =
    process.env.ASPM_SHARED_DIR ?? path.resolve(srcDir, '../../../../shared');
  const dir = path.join(shared, 'fixtures/real/defectdojo-api');
  return fs.existsSync(path.join(dir, 'findings_list.json')) ? dir : undefined;
}

/**
 * The folder of real DefectDojo API payloads in the shared folder
 * (`ASPM_SHARED_DIR`, else `shared/` beside the checkout). Undefined, with a
 * printed SKIPPED notice, where it is absent: callers skip those cases.
 */
export function realPayloadsDir(suite: string): string | undefined {
  const dir = defectDojoDir();
  if (!dir) {
    // eslint-disable-next-line no-console
    console.warn(
      `[${suite}] SKIPPED: real DefectDojo payloads not found (set ASPM_SHARED_DIR to the shared folder to run these cases)`,
    );
  }
  return dir;
}

export function readJson<T = any>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function readSharedJson<T = any>(name: string): T {
  const dir = defectDojoDir();
  if (!dir) throw new Error('The shared DefectDojo payloads are not available');
  return readJson<T>(path.join(dir, name));
}

export function readSample<T = any>(name: string): T {
  return readJson<T>(path.resolve(__dirname, '../__fixtures__', name));
}

type DjangoRecord = { model: string; pk: number; fields: Record<string, any> };

/**
 * DefectDojo's Django test fixture of risk acceptances in the API v2 shape:
 * `RiskAcceptanceSerializer` is `fields = "__all__"`, so the API object is
 * the record's `fields` flattened with `id` = pk.
 */
export function realRiskAcceptances(): DefectDojoRiskAcceptance[] {
  return readSharedJson<DjangoRecord[]>('risk_acceptance.django-fixture.json')
    .filter(r => r.model === 'dojo.risk_acceptance')
    .map(r => ({ id: r.pk, ...r.fields })) as DefectDojoRiskAcceptance[];
}

/**
 * The findings of DefectDojo's Django test fixture in the API v2 shape: the
 * API serializes a finding's fields flat with `id` = pk, and its risk
 * acceptances as `accepted_risks`.
 */
export function realDjangoFindings(): DefectDojoFinding[] {
  const findings = readSharedJson<DjangoRecord[]>(
    'findings.django-fixture.json',
  );
  const acceptances = realRiskAcceptances();
  return findings
    .filter(r => r.model === 'dojo.finding')
    .map(r => ({
      id: r.pk,
      ...r.fields,
      accepted_risks: acceptances.filter(a =>
        (a.accepted_findings ?? []).includes(r.pk),
      ),
    })) as DefectDojoFinding[];
}

/** The results of the real `GET /api/v2/findings/` list payload. */
export function realListedFindings(): DefectDojoFinding[] {
  return readSharedJson<{ results: DefectDojoFinding[] }>('findings_list.json')
    .results;
}
