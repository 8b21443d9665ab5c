// Synthetic release histories for the tests of `releases`, `changesSince` and
// `migrateProgress`: manifests written in a few characters, run through the
// real build-time adapter (pipeline/release/emit-releases.ts) into the runtime's form.
import type {Manifest, ManifestRelease} from '../pipeline/release/manifest.js'
import {releasesFromManifest} from '../pipeline/release/emit-releases.js'
import type {History} from '../src/history.js'

/** One item in a synthetic release: its step, and optionally rounds, wording and `replaces`. */
export interface ItemSpec {
  readonly step: string
  readonly rounds?: string
  /** Stands for the wording: change it to reword the item. */
  readonly text?: string
  readonly replaces?: readonly string[]
}

/** One synthetic release: items by id (a bare string is the step id), steps in order of first use. */
export interface ReleaseSpec {
  readonly version: string
  readonly items: Readonly<Record<string, string | ItemSpec>>
  /** Step wording by id, for rewording a step; default `'v1'`. */
  readonly stepText?: Readonly<Record<string, string>>
  /** Step order, when it is not the order of first use. */
  readonly stepOrder?: readonly string[]
}

/**
 * Write a manifest from short release specs. Hashes stand in for wording: an
 * item's hash is its text alone, so a rename that keeps the words is no
 * rewording (the shipped hash, too, is the wording alone).
 */
export function manifestOf(specs: readonly ReleaseSpec[]): Manifest {
  return {
    releases: specs.map((spec, index): ManifestRelease => {
      const items: Record<string, ManifestRelease['items'][string] & {replaces?: readonly string[]}> = {}
      const order: string[] = [...(spec.stepOrder ?? [])]
      for (const [id, value] of Object.entries(spec.items)) {
        const item = typeof value === 'string' ? {step: value} : value
        if (!order.includes(item.step)) order.push(item.step)
        items[id] = {
          stepId: item.step,
          rounds: item.rounds ?? '2+',
          hash: item.text ?? 'v1',
          ...(item.replaces === undefined ? {} : {replaces: item.replaces}),
        }
      }
      const steps = Object.fromEntries(order.map((id, at) => [id, {number: at + 1, hash: `${id}/${spec.stepText?.[id] ?? 'v1'}`}]))
      // A date a day apart per release, as content:version records them.
      const date = new Date(Date.UTC(2026, 0, 1 + index)).toISOString().slice(0, 10)
      return {version: spec.version, date, rounds: '2+', introduction: 'intro', steps, items} as ManifestRelease
    }),
  }
}

/** The runtime history of synthetic releases: the last one is the installed version. */
export function historyOf(specs: readonly ReleaseSpec[]): History {
  const releases = releasesFromManifest(manifestOf(specs))
  return {releases, current: releases.at(-1)?.version ?? '0.0.0'}
}

/** Whether an id is an item of the last synthetic release. */
export function currentItemsOf(specs: readonly ReleaseSpec[]): (id: string) => boolean {
  const last = new Set(Object.keys(specs.at(-1)?.items ?? {}))
  return (id) => last.has(id)
}
