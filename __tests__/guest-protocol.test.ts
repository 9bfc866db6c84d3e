/**
 * The guest protocol's facts have one home, src/engine/guest/guest-protocol.ts: the guest init takes
 * them from native/init/guest-protocol.h, generated from it and committed so the C build needs
 * no Node. Here the committed header is held to what the generator writes now.
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO } from '../__fixtures__/tiers.js'
import { INIT_FACTS } from '../src/engine/guest/guest-protocol.js'
import { HEADER_PATH, guestProtocolHeader } from '../scripts/guest-protocol-header.js'

const INIT_SOURCES = ['native/init/krun-init.c', 'native/standin/launch.c']

test('the committed native/init/guest-protocol.h is what scripts/guest-protocol-header.ts writes', () => {
  // When this fails: scripts/node24 node_modules/tsx/dist/cli.mjs scripts/guest-protocol-header.ts
  expect(fs.readFileSync(HEADER_PATH, 'utf8')).toBe(guestProtocolHeader())
})

test('the header defines each fact as a C literal of its value', () => {
  const header = guestProtocolHeader()
  for (const [name, value] of Object.entries(INIT_FACTS)) {
    const literal = typeof value === 'number' ? String(value) : JSON.stringify(value)
    expect(header).toContain(`#define ${name} `)
    expect(
      header
        .split('\n')
        .find((line) => line.startsWith(`#define ${name} `))
        ?.trimEnd()
    ).toMatch(new RegExp(` ${literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`))
  }
})

test('the C sources take the facts from the header instead of spelling them again', () => {
  for (const file of INIT_SOURCES) {
    const source = fs.readFileSync(path.join(REPO, file), 'utf8')
    expect(source).toMatch(/^#include "(\.\.\/init\/)?guest-protocol\.h"$/m)
    for (const [name, value] of Object.entries(INIT_FACTS)) {
      expect({ file, defines: new RegExp(`^#define ${name}\\b`, 'm').test(source) }).toEqual({ file, defines: false })
      // A path is spelled neither absolute nor relative to the root.
      const path = typeof value === 'string' && value.includes('/') ? value : undefined
      const spells = path !== undefined && (source.includes(`"${path}`) || source.includes(`"${path.slice(1)}`))
      expect({ file, spells }).toEqual({ file, spells: false })
    }
  }
})
