import {
  AspmRepository,
  GITHUB_PROJECT_SLUG_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
} from '@aspm/plugin-aspm-common';

/**
 * Maps an entity to its repository from the usual annotations:
 * `github.com/project-slug` first, then `backstage.io/source-location`.
 */
export function repositoryOf(
  annotations: Record<string, string> | undefined,
): AspmRepository | undefined {
  const slug = annotations?.[GITHUB_PROJECT_SLUG_ANNOTATION]?.trim();
  if (slug && /^[\w.-]+\/[\w.-]+$/.test(slug)) {
    return {
      slug: slug.toLocaleLowerCase('en-US'),
      url: `https://github.com/${slug}`,
      source: GITHUB_PROJECT_SLUG_ANNOTATION,
    };
  }
  const location = annotations?.[SOURCE_LOCATION_ANNOTATION]?.trim();
  if (location) {
    const target = location.replace(/^url:/, '');
    try {
      const url = new URL(target);
      const [owner, repo] = url.pathname
        .split('/')
        .filter(Boolean)
        .map(s => s.replace(/\.git$/, ''));
      return {
        slug:
          owner && repo
            ? `${owner}/${repo}`.toLocaleLowerCase('en-US')
            : undefined,
        url: target,
        source: SOURCE_LOCATION_ANNOTATION,
      };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
