import { type DeviceSpec, plausibleMaxW } from '../model/device-spec.js'
import type { DeviceIdentity } from '../telemetry/sink.js'
import type { AuditOptions } from './audit-options.js'
import type { HardwareFacts } from './calibration-port.js'
import {
  genericHardware,
  hardwareById,
  hardwareByName
} from './calibration-adapter.js'
import type { SpecResolver } from './file-sink.js'
import { InputError } from '../telemetry/input-error.js'
import { hardwareIds, unknownChoiceMessage } from './audit-choices.js'
import { COMPONENT_PLAUSIBLE_MAX_W, cpuSpec } from './cpu-spec.js'

/** Non-GPU components (CodeCarbon's CPU and RAM) need no catalogue. */
const COMPONENT_SPEC: DeviceSpec = {
  hardwareId: undefined,
  idleW: 0,
  idleLowW: 0,
  idleHighW: 0,
  maxPowerW: COMPONENT_PLAUSIBLE_MAX_W,
  plausibleMaxW: COMPONENT_PLAUSIBLE_MAX_W,
  accuracyW: 0,
  // CodeCarbon estimates CPU power from the CPU's TDP and RAM power from
  // memory size whenever it cannot read RAPL, and publishes no accuracy
  // for either; ±50 % is this project's stated assumption for them.
  estimateSpread: 0.5
}

/**
 * Resolves each GPU to its catalogue record: by the name the file prints,
 * else the `--gpu` model, else the generic class with wide bounds (and a
 * note saying so).
 */
export function makeSpecResolver(options: AuditOptions): SpecResolver {
  const chosen =
    options.gpuModel === undefined ? undefined : requireModel(options.gpuModel)
  return (identity: DeviceIdentity) => {
    if (identity.kind === 'cpu' && identity.logicalCpus !== undefined)
      return cpuSpec(identity.logicalCpus)
    if (identity.kind !== 'gpu')
      return { spec: COMPONENT_SPEC, note: undefined }
    const { hardware, note } = pickHardware(identity, chosen)
    return { spec: toSpec(hardware, identity.powerLimitW), note }
  }
}

/** The catalogue record for a device, with a note when it is a fallback. */
function pickHardware(
  identity: DeviceIdentity,
  chosen: HardwareFacts | undefined
): { hardware: HardwareFacts; note: string | undefined } {
  const named =
    identity.name === undefined ? undefined : hardwareByName(identity.name)
  if (named) return { hardware: named, note: undefined }
  if (chosen) return { hardware: chosen, note: undefined }
  const generic = genericHardware()
  const what =
    identity.name === undefined
      ? 'the file does not name the GPU model'
      : `"${identity.name}" is not in the catalogue`
  return {
    hardware: generic,
    note: `${what}: idle and maximum power from the generic GPU class (wide bounds); name the model with --gpu`
  }
}

/** The `--gpu` model, or a usage error. */
function requireModel(model: string): HardwareFacts {
  const found = hardwareById(model) ?? hardwareByName(model)
  if (found) return found
  throw new InputError(unknownChoiceMessage('GPU model', model, hardwareIds()))
}

/** Catalogue facts → what the model needs while streaming. */
function toSpec(
  hardware: HardwareFacts,
  powerLimitW: number | undefined
): DeviceSpec {
  return {
    hardwareId: hardware.id === genericHardware().id ? undefined : hardware.id,
    idleW: hardware.idleW.value,
    idleLowW: hardware.idleW.low,
    idleHighW: hardware.idleW.high,
    maxPowerW: hardware.maxPowerW,
    plausibleMaxW: plausibleMaxW(powerLimitW ?? hardware.maxPowerW),
    accuracyW: hardware.accuracyW,
    estimateSpread: 0
  }
}
