/**
 * Who acted, short: "user:default/carol" -> "carol"; service principals and
 * users of other namespaces stay as they are.
 */
export function actorLabel(actor: string): string {
  const match = /^user:default\/(.+)$/i.exec(actor);
  return match ? match[1] : actor;
}
