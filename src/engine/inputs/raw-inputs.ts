/** Raw inputs (the text a runner or krun-run's flags give) by the input table: parsed, defaulted, shown. */
import type { InputSpec, ParseContext } from './input-spec.js'
import { INPUTS, INPUT_NAMES, type InputName, type RawInputs } from './table.js'

export type Parsed<N extends InputName> = ReturnType<(typeof INPUTS)[N]['parse']>

/** Parses one input; an empty value stands for the input's default, as on a runner. */
export function parseInput<N extends InputName>(name: N, raw: RawInputs, context: ParseContext): Parsed<N> {
  const spec: InputSpec = INPUTS[name]
  return spec.parse(raw[name] === '' ? spec.default : raw[name], context) as Parsed<N>
}

/** The raw inputs as action.yml's defaults give them. */
export function defaultInputs(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, INPUTS[name].default])) as RawInputs
}

/** How an input's default reads to a person. */
export function shownDefault(name: InputName): string {
  const spec: InputSpec = INPUTS[name]
  return spec.defaultText ?? (spec.default === '' ? '' : `\`${spec.default}\``)
}

/** A reader of these raw inputs that parses each input at most once (some parsers look at the host). */
export function parseOnce(raw: RawInputs, context: ParseContext): <N extends InputName>(name: N) => Parsed<N> {
  const parsed = new Map<InputName, unknown>()
  return <N extends InputName>(name: N): Parsed<N> => {
    if (!parsed.has(name)) parsed.set(name, parseInput(name, raw, context))
    return parsed.get(name) as Parsed<N>
  }
}
