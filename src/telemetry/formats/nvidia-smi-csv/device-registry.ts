import { decodeLatin1 } from '../../bytes.js'
import { formatInstant } from '../../timestamps.js'
import { readNumberCell } from '../../cells.js'
import type { DeviceIdentity, TelemetrySink } from '../../sink.js'
import { KeyCache } from './key-cache.js'
import type { ColumnPlan } from './plan.js'
import type { RowFields } from './row-fields.js'

const LOST_MARKERS = new Set(['[GPU is lost]', '[GPU requires reset]'])

/**
 * Maps row identities to sink device handles, registering each device the
 * first time it appears with what that row says about it (name, UUID, bus
 * id, power limit).
 */
export class DeviceRegistry {
  private readonly keys = new KeyCache()
  private keyCount = 0
  private readonly byPositionList: number[] = []
  private readonly lostReported = new Set<number>()

  constructor(
    private readonly plan: ColumnPlan,
    private readonly sink: TelemetrySink
  ) {}

  /** Devices registered so far. */
  get count(): number {
    return this.keyCount + this.byPositionList.length
  }

  /** Handle for the identity cell that `fields` has just located. */
  byKey(buf: Uint8Array, fields: RowFields): number {
    const { start, end } = fields
    const known = this.keys.find(buf, start, end)
    if (known !== undefined) return known
    const key = decodeLatin1(buf, start, end)
    const handle = this.register(key, buf, fields)
    this.keys.add(buf, start, end, handle)
    this.keyCount++
    return handle
  }

  /** Handle for the n-th row of a sampling frame. */
  byPosition(position: number, buf: Uint8Array, fields: RowFields): number {
    const known = this.byPositionList[position]
    if (known !== undefined) return known
    const handle = this.register(String(position), buf, fields)
    this.byPositionList[position] = handle
    return handle
  }

  /** True when `marker` says the GPU is lost; reported once per device. */
  noteLost(
    device: number,
    marker: string,
    timeMs: number,
    line: number
  ): boolean {
    if (!LOST_MARKERS.has(marker)) return false
    if (this.lostReported.has(device)) return true
    this.lostReported.add(device)
    this.sink.warn(
      'device-lost',
      `GPU reported "${marker}" from ${formatInstant(timeMs)} on; its readings after that are missing, not zero`,
      line
    )
    return true
  }

  /** Registers a device from the row that first names it. */
  private register(key: string, buf: Uint8Array, fields: RowFields): number {
    const text = (index: number | undefined): string | undefined => {
      if (index === undefined) return undefined
      const value = fields.text(buf, index)
      return value === '' || value.startsWith('[') ? undefined : value
    }
    const identity: DeviceIdentity = {
      key,
      kind: 'gpu',
      powerField: this.plan.powerField
    }
    const name = text(this.plan.name)
    const uuid = text(this.plan.uuid)
    const pciBusId = text(this.plan.pciBusId)
    const limit = text(this.plan.powerLimit)
    const limitCell =
      limit === undefined ? undefined : readNumberCell(limit, ['W'])
    if (name !== undefined) identity.name = name
    if (uuid !== undefined) identity.uuid = uuid
    if (pciBusId !== undefined) identity.pciBusId = pciBusId
    if (
      this.plan.identityField === 'index' ||
      this.plan.identity === undefined
    ) {
      identity.index = key
    }
    if (limitCell?.kind === 'value') identity.powerLimitW = limitCell.value
    return this.sink.device(identity)
  }
}
