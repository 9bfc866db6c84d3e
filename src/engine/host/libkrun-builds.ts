/**
 * krun-action's own builds of libkrun, used when the `libkrun` input is empty and the host has
 * none. .github/workflows/libkrun.yml makes them, one tarball per architecture holding
 * libkrun.so.1 beside the libkrunfw it loads, and publishes each with its .sha256 file;
 * scripts/libkrun-table writes the rows below from those files. No row for an architecture:
 * the action asks for a libkrun instead.
 */

export interface LibkrunBuild {
  /** The upstream libkrun tag it was built from. */
  version: string
  /** Node's name of the architecture it runs on: x64 or arm64. */
  arch: string
  url: string
  /** The tarball's sha256 digest, lowercase hex. */
  sha256: string
}

export const LIBKRUN_BUILDS: readonly LibkrunBuild[] = [
  // BEGIN rows written by scripts/libkrun-table
  // END rows written by scripts/libkrun-table
]

export function builtInLibkrun(
  arch: string = process.arch,
  builds: readonly LibkrunBuild[] = LIBKRUN_BUILDS
): LibkrunBuild | undefined {
  return builds.find((build) => build.arch === arch)
}
