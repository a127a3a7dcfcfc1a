import {
  USER_PUE_MAX,
  USER_PUE_MIN,
  WORKLOAD_NAMES
} from '../../src/calibration/index.js'
import { FORMATS } from '../../src/telemetry/formats/index.js'
import { append, byId } from './dom.js'
import { selectField, textField } from './form-fields.js'

/** Builds the audit panel's option fields, the CLI's `audit` flags. */
export function buildAuditOptionFields(): void {
  append(byId('audit-options-fields', HTMLElement), [
    textField({
      id: 'audit-region',
      label: 'Region',
      hint: 'Country, grid zone or cloud region, as --region; empty: a region the file states, else the world average.',
      list: 'region-list'
    }),
    textField({
      id: 'audit-pue',
      label: 'PUE',
      hint: `Facility energy ÷ IT energy, ${USER_PUE_MIN} to ${USER_PUE_MAX}; empty: the provider's or the industry average.`,
      inputMode: 'decimal'
    }),
    selectField({ id: 'audit-workload', label: 'Workload class' }, [
      { value: '', label: 'not given (generic)' },
      ...WORKLOAD_NAMES.map(name => ({ value: name, label: name }))
    ]),
    textField({
      id: 'audit-interval-ms',
      label: 'Sampling interval (ms)',
      hint: 'Only for files without timestamps (dmon without a time column).',
      inputMode: 'decimal'
    }),
    textField({
      id: 'audit-timezone',
      label: 'Time zone of the timestamps',
      hint: 'IANA zone for times without an offset; empty: UTC.'
    }),
    selectField({ id: 'audit-format', label: 'Format' }, [
      { value: '', label: 'detect' },
      ...FORMATS.map(format => ({ value: format.name, label: format.name }))
    ])
  ])
}
