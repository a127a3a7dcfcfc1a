import { loadCalibration } from '../../src/calibration/index.js'
import { append, el } from './dom.js'

/**
 * The `<datalist id="region-list">` both region fields suggest from: every
 * country of calibration-data/iso-countries.json by its ISO code, and every
 * cloud region of calibration-data/regions.json by its id.
 */
export function buildRegionList(): void {
  const calibration = loadCalibration()
  const countries = calibration.isoCountries.countries.map(([iso2, , name]) =>
    el('option', { value: iso2 }, [name])
  )
  const clouds = calibration.regions.cloud_regions.map(region =>
    el('option', { value: region.id }, [region.location])
  )
  const list = el('datalist', { id: 'region-list' }, [...countries, ...clouds])
  append(document.body, [list])
}
