/**
 * The guest is hostile: the bundled action against the stand-in libkrun, with a guest that
 * attacks what the host reads back (its run records, through /proc/1/root: PID 1 is the
 * init, whose root is the run directory's root share), and with inputs that tried to
 * mislead the host's checks.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  type ActionResult,
  type RunOptions,
  errorLines,
  makeScratch,
  removeScratches,
  runAction,
  standinSkipReason
} from '../__fixtures__/action-runner.js'

afterAll(removeScratches)

const skip = standinSkipReason()
const describeWithStandin = skip ? describe.skip : describe
if (skip) {
  describe(`hostile guest (skipped: ${skip})`, () => {
    it.skip('runs the hostile-guest suite against the stand-in libkrun', () => undefined)
  })
}

/** The guest's view of its own records: the init's root is the run directory's root share. */
const RECORDS = '/proc/1/root/.krun'
const SECRET = 'hunter2-s3cr3t-value'

async function run(options: RunOptions): Promise<ActionResult> {
  const result = await runAction({ ...options, inputs: { timeout: '60', ...options.inputs } })
  expect(result.leftInTemp).toEqual([])
  return result
}

/** Nothing of the secret reaches the log or the job summary. */
function expectNoSecret(result: ActionResult): void {
  for (const text of [result.stdout, result.stderr, result.summary]) {
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('INPUT_')
  }
}

/** Replaces the status record the init holds open, so the host finds what the attack leaves there. */
const BLOCK_STATUS = `rm -f ${RECORDS}/status`

describeWithStandin('a guest that tampers with its run records', () => {
  it.each([
    ['a link to the action process environment as init-error', `ln -s /proc/self/environ ${RECORDS}/init-error`],
    [
      'a link to the action process environment as status',
      `${BLOCK_STATUS}; ln -s /proc/self/environ ${RECORDS}/status`
    ],
    ['a FIFO as status', `${BLOCK_STATUS}; mkfifo ${RECORDS}/status`],
    ['a link to /dev/zero as status', `${BLOCK_STATUS}; ln -s /dev/zero ${RECORDS}/status`],
    ['a status that is too long', `${BLOCK_STATUS}; head -c 100000 /dev/zero > ${RECORDS}/status`],
    ['a status in another format', `${BLOCK_STATUS}; echo "exited 0 $TOKEN" > ${RECORDS}/status`],
    ['a records directory replaced by a link', `mv ${RECORDS} ${RECORDS}.old; ln -s /proc/self ${RECORDS}`]
  ])('fails the step without reading %s', async (_what, attack) => {
    const started = Date.now()
    const result = await run({ inputs: { commands: attack, env: `TOKEN=${SECRET}` } })
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/^the guest tampered with its run records \(\.krun\/[a-z-]+\)$/)
    ])
    expect(result.outputs['exit-code']).toBeUndefined()
    expect(result.summary).toContain('the guest tampered with its run records')
    expectNoSecret(result)
    expect(Date.now() - started).toBeLessThan(30000)
  })

  it('never shows a host file the guest linked to', async () => {
    const scratch = makeScratch()
    const hostFile = path.join(scratch.dir, 'host-only')
    fs.writeFileSync(hostFile, SECRET, { mode: 0o600 })
    const result = await run({
      scratch,
      inputs: { commands: `${BLOCK_STATUS}; ln -s ${hostFile} ${RECORDS}/init-error`, workspace: 'none' }
    })
    expect(errorLines(result)).toEqual(['the guest tampered with its run records (.krun/init-error)'])
    expectNoSecret(result)
  })

  it('removes the run directory without following links the guest planted in it', async () => {
    const scratch = makeScratch()
    const hostDir = path.join(scratch.dir, 'keep')
    fs.mkdirSync(hostDir)
    fs.writeFileSync(path.join(hostDir, 'file'), 'kept')
    const result = await run({
      scratch,
      inputs: { commands: `ln -s ${hostDir} ${RECORDS}/planted; ln -s ${hostDir} /proc/1/root/planted` }
    })
    expect(result.outputs['exit-code']).toBe('0')
    expect(fs.readFileSync(path.join(hostDir, 'file'), 'utf8')).toBe('kept')
  })
})
