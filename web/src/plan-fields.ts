import {
  listHardware,
  listNodeProfiles,
  WORKLOAD_NAMES
} from '../../src/calibration/index.js'
import { PLAN_PRESETS } from '../../src/estimate/plan-presets.js'
import { SPEEDUP_IDS } from '../../src/estimate/plan-input.js'
import { el } from './dom.js'
import { choiceGroup, selectField, textField } from './form-fields.js'

/** The plan's number fields typed as text, in form order, with labels. */
export const NUMBER_FIELDS = {
  params: 'Parameters',
  tokens: 'Training tokens',
  days: 'Days of serving',
  gpus: 'Number of GPUs',
  mfu: 'Model-FLOPs utilisation (MFU)',
  pue: 'PUE (facility ÷ IT energy)',
  gpuHourPriceUsd: 'Price per GPU-hour (USD)',
  electricityPriceUsdPerKWh: 'Electricity price (USD per kWh)',
  utilisation: 'Power utilisation (0–1)',
  powerCapW: 'Power cap per GPU (W)',
  flopsPerParamToken: 'FLOPs per parameter per token',
  peakTflops: 'Peak TFLOP/s per GPU',
  gpuPowerW: 'Fixed power per GPU (W)',
  intensityGPerKWh: 'Grid intensity (gCO2e/kWh)',
  carKmPerKg: 'Car km per kg CO2e'
} as const

/** A number field of the plan. */
export type NumberFieldName = keyof typeof NUMBER_FIELDS

/** The plan's text and choice fields. */
export const CHOICE_FIELDS = [
  'gpu',
  'region',
  'peak',
  'nodeProfile',
  'workload'
] as const

const HINTS: Partial<Record<NumberFieldName | 'region', string>> = {
  params: 'Active parameters for MoE. 7B, 7e9 and 7,000,000,000 all work.',
  tokens: 'For inference: tokens processed per day. 2T = 2e12.',
  mfu: 'Empty: the sourced preset for this GPU.',
  pue: 'Empty: the cloud provider’s, else the industry average.',
  gpuHourPriceUsd: 'Empty: no compute cost (no price is guessed).',
  electricityPriceUsdPerKWh: 'Empty: no energy cost.',
  region:
    'Country, grid zone or cloud region (SE, DE, aws:eu-north-1); empty: the world average.'
}

/** `plan-params` for `params`: every plan field's element id. */
export function fieldId(name: string): string {
  return `plan-${name}`
}

/** A text field for one number of the plan. */
function numberField(name: NumberFieldName): HTMLElement {
  return textField({
    id: fieldId(name),
    label: NUMBER_FIELDS[name],
    hint: HINTS[name],
    inputMode: 'decimal'
  })
}

/** The preset, kind and size of the run. */
function runFields(): HTMLElement[] {
  const presets = [
    { value: '', label: 'Custom (your inputs)' },
    ...PLAN_PRESETS.map(p => ({ value: p.id, label: p.title }))
  ]
  return [
    selectField(
      {
        id: fieldId('preset'),
        label: 'Start from',
        hint: 'A preset fills every field; change any of them after.'
      },
      presets
    ),
    choiceGroup({ id: fieldId('kind'), label: 'Kind of run' }, 'radio', [
      { value: 'training', label: 'Training' },
      { value: 'inference', label: 'Inference (serving)' }
    ]),
    numberField('params'),
    numberField('tokens'),
    numberField('days')
  ]
}

/** Hardware, place and the prices. */
function siteFields(): HTMLElement[] {
  const gpus = listHardware()
    .filter(hw => hw.id !== 'generic-gpu')
    .map(hw => ({ value: hw.id, label: `${hw.display_name} (${hw.id})` }))
  return [
    selectField({ id: fieldId('gpu'), label: 'GPU model' }, gpus),
    numberField('gpus'),
    textField({
      id: fieldId('region'),
      label: 'Region',
      hint: HINTS.region,
      list: 'region-list'
    }),
    numberField('mfu'),
    numberField('pue'),
    numberField('gpuHourPriceUsd'),
    numberField('electricityPriceUsdPerKWh')
  ]
}

/** Everything else a plan can override, behind a disclosure. */
function moreFields(): HTMLElement {
  const profiles = [
    { value: '', label: 'recognised from the GPU' },
    { value: 'none', label: 'none: GPUs alone, no host power' },
    ...listNodeProfiles().map(p => ({ value: p.id, label: p.display_name }))
  ]
  const workloads = [
    { value: '', label: 'from the kind of run' },
    ...WORKLOAD_NAMES.map(w => ({ value: w, label: w }))
  ]
  const fields = [
    selectField({ id: fieldId('peak'), label: 'Peak used for the MFU' }, [
      { value: '', label: 'dense (default)' },
      { value: 'dense', label: 'dense' },
      { value: 'sparse', label: 'sparse (datasheet 2:4 figure, twice dense)' }
    ]),
    numberField('peakTflops'),
    numberField('flopsPerParamToken'),
    numberField('utilisation'),
    numberField('powerCapW'),
    numberField('gpuPowerW'),
    selectField(
      { id: fieldId('nodeProfile'), label: 'Node profile (host power)' },
      profiles
    ),
    selectField(
      { id: fieldId('workload'), label: 'Workload class (α_w)' },
      workloads
    ),
    numberField('intensityGPerKWh'),
    numberField('carKmPerKg'),
    choiceGroup(
      { id: fieldId('speedups'), label: 'Speed-ups already in the plan' },
      'checkbox',
      SPEEDUP_IDS.map(id => ({ value: id, label: id }))
    )
  ]
  return el('details', { class: 'options', id: 'plan-more' }, [
    el('summary', {}, ['More assumptions (peak, power, host, intensity…)']),
    el('div', { class: 'field-grid' }, fields)
  ])
}

/** Builds the plan form's fields inside `form`. */
export function buildPlanFields(form: HTMLFormElement): void {
  form.append(
    el('div', { class: 'field-grid' }, [...runFields(), ...siteFields()]),
    moreFields()
  )
}
