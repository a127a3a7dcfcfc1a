import {
  listHardware,
  listNodeProfiles,
  USER_PUE_MAX,
  USER_PUE_MIN,
  WORKLOAD_NAMES
} from '../../src/calibration/index.js'
import { FORMATS } from '../../src/telemetry/formats/index.js'
import { append, byId } from './dom.js'
import { selectField, textField } from './form-fields.js'

/**
 * Builds the audit panel's option fields: the CLI's `audit` flags, each
 * hint naming its flag, since the report's messages name flags.
 */
export function buildAuditOptionFields(): void {
  append(byId('audit-options-fields', HTMLElement), [
    textField({
      id: 'audit-region',
      label: 'Region',
      hint: 'Country, grid zone or cloud region (--region); empty: a region the file states, else the world average.',
      list: 'region-list'
    }),
    textField({
      id: 'audit-pue',
      label: 'PUE',
      hint: `Facility energy ÷ IT energy, ${USER_PUE_MIN} to ${USER_PUE_MAX} (--pue); empty: the provider's or the industry average.`,
      inputMode: 'decimal'
    }),
    ...hardwareFields(),
    selectField({ id: 'audit-workload', label: 'Workload class' }, [
      { value: '', label: 'not given (generic)' },
      ...WORKLOAD_NAMES.map(name => ({ value: name, label: name }))
    ]),
    ...readingFields()
  ])
}

/** The GPU model for files that do not name it, and the node profile. */
function hardwareFields(): HTMLElement[] {
  const gpus = listHardware()
    .filter(hw => hw.id !== 'generic-gpu')
    .map(hw => ({ value: hw.id, label: `${hw.display_name} (${hw.id})` }))
  const profiles = listNodeProfiles().map(p => ({
    value: p.id,
    label: p.display_name
  }))
  return [
    selectField(
      {
        id: 'audit-gpu',
        label: 'GPU model',
        hint: 'For files that do not name the GPU (--gpu); a name in the file wins.'
      },
      [{ value: '', label: 'from the file (else a generic GPU)' }, ...gpus]
    ),
    selectField(
      {
        id: 'audit-node-profile',
        label: 'Node profile (host power)',
        hint: 'The server around the GPUs (--node-profile); empty: recognised from the GPU model.'
      },
      [{ value: '', label: 'recognised from the GPUs' }, ...profiles]
    )
  ]
}

/** How the file is read: interval, time zone, format and columns. */
function readingFields(): HTMLElement[] {
  return [
    textField({
      id: 'audit-interval-ms',
      label: 'Sampling interval (ms)',
      hint: 'Only for files without timestamps, such as dcgmi dmon or dmon without a time column (--interval-ms).',
      inputMode: 'decimal'
    }),
    textField({
      id: 'audit-timezone',
      label: 'Time zone of the timestamps',
      hint: 'IANA zone for times without an offset (--timezone); empty: UTC.'
    }),
    selectField(
      {
        id: 'audit-format',
        label: 'Format',
        hint: 'Every format the audit reads (--input-format; the CLI lists them in --help).'
      },
      [
        { value: '', label: 'detect' },
        ...FORMATS.map(format => ({ value: format.name, label: format.name }))
      ]
    ),
    textField({
      id: 'audit-columns',
      label: 'Column map (CSV)',
      hint: 'FIELD=HEADER or 0-based position, comma-separated (--columns), e.g. timestamp=0,power.draw=6.'
    })
  ]
}
