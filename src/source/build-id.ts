/** The marker the build appends to each bundle (dist/cli.cjs, cli-vendor.cjs, …): a hash of its text. */
const BUILD_ID = /\/\/# rtfs-build-id=([0-9a-f]{16})\s*$/;

/** The build id at the end of a bundle's text (its last 64 characters suffice). */
export function buildIdOf(tail: string): string | undefined {
  return BUILD_ID.exec(tail)?.[1];
}
