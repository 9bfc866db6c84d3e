/** When to ask the registry (the `pull` input). */
export type PullPolicy = 'missing' | 'always' | 'never'
export const PULL_POLICIES: readonly PullPolicy[] = ['missing', 'always', 'never']
