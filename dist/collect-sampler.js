import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 193:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _sampler_process_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(279);

/** Entry point of dist/collect-sampler.js, started by the action's main step. */
process.exitCode = await (0,_sampler_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runSamplerProcess */ .$)(process.argv[2]);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 279:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  $: () => (/* binding */ runSamplerProcess)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/collect/collect-error.ts
/**
 * A problem the collector can name: a bad input or flag, an output folder
 * it cannot write, a sampler it cannot start. The message says which
 * input, file or tool, what was found and what would be accepted.
 */
class CollectError extends Error {
    name = 'CollectError';
}
/**
 * The message of anything thrown, for logs; also for errors from another
 * realm (a test's VM context), which fail `instanceof Error`.
 */
function messageOf(error) {
    if (typeof error === 'object' && error !== null && 'message' in error) {
        return String(error.message);
    }
    return String(error);
}

;// CONCATENATED MODULE: ./src/collect/collect-log.ts
/**
 * A log that writes `collect: …` lines to a stream (the CLI's standard
 * error, the detached sampler's log file); debug lines only when asked.
 */
function streamLog(write, showDebug) {
    return {
        info: text => write(`collect: ${text}\n`),
        warning: text => write(`collect: warning: ${text}\n`),
        error: text => write(`collect: error: ${text}\n`),
        debug: text => {
            if (showDebug)
                write(`collect: debug: ${text}\n`);
        }
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/collect/detached-sampler.ts




/** How often the action's steps look at the sampler's status or process. */
const POLL_MS = 100;
/**
 * Starts `node <script> <config>` in its own session, detached from the
 * step, so it keeps sampling after the main step returns; its output
 * goes to a log file. Returns its pid.
 */
async function launchSampler(script, config, layout) {
    const handed = { sampler: config, stem: layout.stem };
    await writeFile(layout.configPath, JSON.stringify(handed));
    const log = openSync(layout.logPath, 'a');
    try {
        const child = spawn(process.execPath, [script, layout.configPath], {
            detached: true,
            stdio: ['ignore', log, log]
        });
        child.unref();
        if (child.pid === undefined)
            throw new Error(`cannot start ${script}`);
        return child.pid;
    }
    finally {
        closeSync(log);
    }
}
/** Writes the status file the main step waits for. */
async function writeStatus(layout, status) {
    await (0,promises_namespaceObject.writeFile)(`${layout.statusPath}.tmp`, JSON.stringify(status));
    await (0,promises_namespaceObject.rename)(`${layout.statusPath}.tmp`, layout.statusPath);
}
/**
 * Waits for the sampler's status: ready, failed, exited without one
 * (the end of its log says why), or still starting after `timeoutMs`
 * (undefined: it carries on).
 */
async function waitForStatus(layout, pid, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        const status = await readStatus(layout.statusPath);
        if (status !== undefined)
            return status;
        if (!isAlive(pid))
            return {
                state: 'failed',
                error: `the sampler exited while starting: ${logTail(layout.logPath)}`
            };
        await sleep(POLL_MS);
    }
    return undefined;
}
/**
 * Stops the sampler: SIGTERM, then waits for it to write the telemetry
 * and exit; SIGKILL after `timeoutMs`. A pid that is no longer our
 * sampler (it exited and the number was reused) is never signalled.
 */
async function stopSampler(pid, configPath, timeoutMs) {
    if (!isOurSampler(pid, configPath))
        return 'not running';
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (!isAlive(pid))
            return 'stopped';
        await sleep(POLL_MS);
    }
    if (isOurSampler(pid, configPath))
        process.kill(pid, 'SIGKILL');
    return 'killed';
}
/** True when `pid` runs and its command line names our config file. */
function isOurSampler(pid, configPath) {
    try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return isAlive(pid) && cmdline.split('\0').includes(configPath);
    }
    catch {
        return false;
    }
}
/** True while `pid` exists and is not a zombie waiting to be reaped. */
function isAlive(pid) {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // proc(5): the state letter follows the command name in parentheses.
        return (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z');
    }
    catch {
        return false;
    }
}
/** The status file, undefined until it has been written. */
async function readStatus(path) {
    try {
        return JSON.parse(await readFile(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** The last lines of the sampler's log, for a message. */
function logTail(path) {
    try {
        const lines = readFileSync(path, 'utf8').trim().split('\n');
        return lines.slice(-3).join(' | ').slice(0, 600) || '(its log is empty)';
    }
    catch {
        return '(no log)';
    }
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/github/artifact-name.ts
/**
 * Artifact names shared by the uploader and the baseline lookup (DESIGN
 * §6): `ecocompute-audit-<workflow>-<comment-key>-<attempt>`. Each part
 * is reduced to characters every artifact service accepts, so a workflow
 * called "GPU audit / nightly" still yields a valid, stable name.
 */
/** Lower-case letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
function sanitiseArtifactPart(text) {
    const cleaned = text
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '');
    return cleaned === '' ? 'default' : cleaned;
}
/** The prefix of every attempt's audit artifact: ends in `-`. */
function auditArtifactPrefix(workflow, commentKey) {
    return `ecocompute-audit-${sanitiseArtifactPart(workflow)}-${sanitiseArtifactPart(commentKey)}-`;
}
/** The audit artifact's full name for one run attempt. */
function auditArtifactName(workflow, commentKey, attempt) {
    return `${auditArtifactPrefix(workflow, commentKey)}${attempt}`;
}
/**
 * The collector's telemetry artifact for one job, matrix leg and run
 * attempt: `ecocompute-telemetry-<workflow>-<job>[-<matrix-key>]-<attempt>`,
 * which the audit's `ecocompute-telemetry-*` pattern finds.
 */
function telemetryArtifactName(workflow, job, matrixKey, attempt) {
    const leg = matrixKey === undefined || matrixKey === ''
        ? ''
        : `-${sanitiseArtifactPart(matrixKey)}`;
    return `ecocompute-telemetry-${sanitiseArtifactPart(workflow)}-${sanitiseArtifactPart(job)}${leg}-${attempt}`;
}

;// CONCATENATED MODULE: ./src/collect/output-layout.ts





/** Stems tried before giving up (a folder full of earlier runs). */
const MAX_STEMS = 1000;
/**
 * Claims a file stem in `outDir` for one collector: the node name is
 * part of it, so collectors on several nodes writing to one shared
 * folder (one per node under srun) never overwrite each other, and
 * `mkdir` of the raw folder is the atomic claim.
 */
async function claimOutput(outDir, name, host) {
    const base = `${sanitiseArtifactPart(name)}-${sanitiseArtifactPart(host)}`;
    try {
        await makeFolders((0,external_node_path_namespaceObject.join)(outDir, 'raw'));
    }
    catch (error) {
        throw new CollectError(`cannot create the output folder ${outDir}: ${messageOf(error)}`);
    }
    for (let n = 1; n <= MAX_STEMS; n++) {
        const stem = n === 1 ? base : `${base}-${n}`;
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(outDir, `${stem}.jsonl`)))
            continue;
        if (!(await claimFolder((0,external_node_path_namespaceObject.join)(outDir, 'raw', stem))))
            continue;
        const layout = layoutFor(outDir, stem);
        await (0,promises_namespaceObject.mkdir)(layout.spoolDir);
        return layout;
    }
    throw new CollectError(`${outDir} already holds ${MAX_STEMS} telemetry files named ${base}: choose another --out or name`);
}
/** The paths of a claimed stem. */
function layoutFor(outDir, stem) {
    const spoolDir = (0,external_node_path_namespaceObject.join)(outDir, `.spool-${stem}`);
    return {
        outDir,
        stem,
        telemetryPath: (0,external_node_path_namespaceObject.join)(outDir, `${stem}.jsonl`),
        rawDir: (0,external_node_path_namespaceObject.join)(outDir, 'raw', stem),
        spoolDir,
        headerPath: (0,external_node_path_namespaceObject.join)(spoolDir, 'header.json'),
        samplesPath: (0,external_node_path_namespaceObject.join)(spoolDir, 'samples.jsonl'),
        configPath: (0,external_node_path_namespaceObject.join)(outDir, `.sampler-${stem}.json`),
        statusPath: (0,external_node_path_namespaceObject.join)(outDir, `.status-${stem}.json`),
        logPath: (0,external_node_path_namespaceObject.join)(outDir, `.sampler-${stem}.log`)
    };
}
/** Creates a folder that must not exist yet; false when it does. */
async function claimFolder(path) {
    try {
        await (0,promises_namespaceObject.mkdir)(path);
        return true;
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw new CollectError(`cannot create ${path}: ${messageOf(error)}`);
    }
}
/**
 * Makes `path` and any missing folders above it, one plain mkdir per
 * level, and throws the first error. Not `mkdir(…, { recursive: true })`:
 * Node 20's never returns for a path under /proc (the kernel answers
 * ENOENT, the parent exists, and it tries again for ever).
 */
async function makeFolders(path) {
    const missing = [];
    let level = (0,external_node_path_namespaceObject.resolve)(path);
    while (!(await exists(level))) {
        missing.unshift(level);
        const parent = (0,external_node_path_namespaceObject.dirname)(level);
        if (parent === level)
            break;
        level = parent;
    }
    for (const folder of missing) {
        try {
            await (0,promises_namespaceObject.mkdir)(folder);
        }
        catch (error) {
            // Another node's collector may make the same shared folder first.
            if (error.code !== 'EEXIST')
                throw error;
        }
    }
}
/** True when something (a folder or not) is at `path`. */
async function exists(path) {
    try {
        await (0,promises_namespaceObject.stat)(path);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: ./src/collect/proc-stat.ts


/**
 * Reads the aggregate `cpu` line of /proc/stat (proc(5)): user, nice,
 * system, idle, iowait, irq, softirq, steal, guest, guest_nice. Idle time
 * is idle + iowait; guest time is already inside user and nice, so it is
 * not added again. Undefined when the file or line is unusable.
 */
async function readCpuTimes(procRoot) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(procRoot, 'stat'), 'utf8');
    }
    catch {
        return undefined;
    }
    const line = text.split('\n').find(l => /^cpu\s/.test(l));
    const ticks = (line ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
    if (ticks.length < 4 || !ticks.every(t => Number.isSafeInteger(t) && t >= 0))
        return undefined;
    const total = ticks.reduce((sum, t) => sum + t, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busyTicks: total - idle, totalTicks: total };
}
/** Busy share between two readings in %, null when no time passed. */
function utilizationPct(before, after) {
    const totalTicks = after.totalTicks - before.totalTicks;
    const busyTicks = after.busyTicks - before.busyTicks;
    if (totalTicks <= 0 || busyTicks < 0)
        return null;
    return Math.min(100, Math.round((1000 * busyTicks) / totalTicks) / 10);
}
/** The CPU model from /proc/cpuinfo (`model name`), if it names one. */
async function readCpuModel(procRoot) {
    try {
        const text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(procRoot, 'cpuinfo'), 'utf8');
        const line = text.split('\n').find(l => /^model name\s*:/.test(l));
        const model = line?.slice(line.indexOf(':') + 1).trim();
        return model === '' ? undefined : model;
    }
    catch {
        return undefined;
    }
}
/** Logical CPUs: the `cpuN` lines of /proc/stat; undefined when unreadable. */
async function readLogicalCpus(procRoot) {
    try {
        const text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(procRoot, 'stat'), 'utf8');
        const count = text.split('\n').filter(l => /^cpu\d+\s/.test(l)).length;
        return count > 0 ? count : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/collect/rapl.ts


/** Top-level zones (`intel-rapl:0`) and their sub-zones (`intel-rapl:0:1`). */
const TOP_ZONE = /^intel-rapl:(\d+)$/;
const SUB_ZONE = /^intel-rapl:(\d+):\d+$/;
/**
 * Finds the RAPL counters under a powercap root (Linux powercap
 * framework, Documentation/power/powercap/powercap.rst). Only packages
 * (cpu) and their `dram` sub-zones (ram) are kept: `core` and `uncore`
 * are parts of the package, and `psys` covers the package too, so
 * reading them as well would count energy twice.
 */
async function discoverRapl(root) {
    let names;
    try {
        names = (await (0,promises_namespaceObject.readdir)(root)).sort();
    }
    catch {
        return {
            zones: [],
            problem: `${root} is not readable (no powercap interface)`
        };
    }
    const zones = [];
    for (const folder of names) {
        const zone = await describeZone(root, folder);
        if (zone !== undefined)
            zones.push(zone);
    }
    if (zones.length === 0)
        return { zones, problem: `no RAPL package zone under ${root}` };
    const unreadable = await firstUnreadable(zones);
    if (unreadable === undefined)
        return { zones };
    return {
        zones: [],
        // Since Linux 5.10 energy_uj is readable by root only, after the
        // PLATYPUS power side channel (CVE-2020-8694).
        problem: `${(0,external_node_path_namespaceObject.join)(unreadable.folder, 'energy_uj')} is not readable (${unreadable.reason}; root only since Linux 5.10, CVE-2020-8694)`
    };
}
/** A package or DRAM zone, undefined for anything else. */
async function describeZone(root, folder) {
    const top = TOP_ZONE.exec(folder);
    const sub = SUB_ZONE.exec(folder);
    const socket = top?.[1] ?? sub?.[1];
    if (socket === undefined)
        return undefined;
    const path = (0,external_node_path_namespaceObject.join)(root, folder);
    const zoneName = (await readText((0,external_node_path_namespaceObject.join)(path, 'name')))?.trim();
    const kind = top && zoneName?.startsWith('package')
        ? 'cpu'
        : sub && zoneName === 'dram'
            ? 'ram'
            : undefined;
    if (kind === undefined || zoneName === undefined)
        return undefined;
    const rangeUJ = Number((await readText((0,external_node_path_namespaceObject.join)(path, 'max_energy_range_uj')))?.trim());
    return {
        key: `${kind}${socket}`,
        kind,
        zoneName,
        folder: path,
        wrapRangeMJ: rangeUJ > 0 ? rangeUJ / 1000 : undefined
    };
}
/** The first zone whose counter cannot be read, and why. */
async function firstUnreadable(zones) {
    for (const zone of zones) {
        try {
            await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(zone.folder, 'energy_uj'), 'utf8');
        }
        catch (error) {
            const code = error.code ?? 'error';
            return { folder: zone.folder, reason: code };
        }
    }
    return undefined;
}
/** Reads one counter in mJ; null when the read fails or is not a number. */
async function readZoneMJ(zone) {
    const text = await readText((0,external_node_path_namespaceObject.join)(zone.folder, 'energy_uj'));
    const trimmed = text?.trim() ?? '';
    return /^\d+$/.test(trimmed) ? Number(trimmed) / 1000 : null;
}
/** A file's text, undefined when it cannot be read. */
async function readText(path) {
    try {
        return await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/collect/spool-writer.ts


/**
 * Appends records to the spool file as JSON Lines while sampling runs;
 * the header and footer are added when the telemetry is finished, so the
 * header can hold the end time. Memory stays flat: nothing is kept but
 * a count and the last time.
 */
class SpoolWriter {
    path;
    stream;
    failure;
    latestBySeries = new Map();
    samples = 0;
    /** Readings left out because they were not later than the last one. */
    outOfOrder = 0;
    lastTimeMs = Number.NaN;
    constructor(path) {
        this.path = path;
        this.stream = (0,external_node_fs_namespaceObject.createWriteStream)(path, { flags: 'a' });
        this.stream.on('error', error => (this.failure ??= error));
    }
    /**
     * Writes one sample line. Readers refuse a series whose time goes back
     * (and two readings at one instant), so a reading that is not later
     * than the last of its series (same device, same readings; a row
     * stamped by nvidia-smi after one stamped on arrival) is left out
     * and counted.
     */
    sample(line) {
        const series = `${line.device}|${line.powerW !== undefined}|${line.energyMJ !== undefined}|${line.utilizationPct !== undefined}`;
        if (line.timeMs <= (this.latestBySeries.get(series) ?? -Infinity)) {
            this.outOfOrder += 1;
            return;
        }
        this.latestBySeries.set(series, line.timeMs);
        this.samples += 1;
        this.write(sampleRecord(line), line.timeMs);
    }
    /** Writes one event line. */
    event(line) {
        const record = {
            kind: 'event',
            t: isoTime(line.timeMs),
            event: line.event
        };
        if (line.device !== undefined)
            record.d = line.device;
        if (line.message !== undefined)
            record.message = line.message;
        this.write(record, line.timeMs);
    }
    /** Flushes and closes; throws the first write error, naming the file. */
    async close() {
        if (!this.stream.closed) {
            this.stream.end();
            await (0,external_node_events_namespaceObject.once)(this.stream, 'close').catch(() => undefined);
        }
        if (this.failure) {
            throw new Error(`cannot write ${this.path}: ${this.failure.message}`);
        }
    }
    write(record, timeMs) {
        if (!(timeMs <= this.lastTimeMs))
            this.lastTimeMs = timeMs;
        if (this.stream.writable)
            this.stream.write(`${JSON.stringify(record)}\n`);
    }
}
/** A sample as the format writes it: short keys, units in the names. */
function sampleRecord(line) {
    const record = {
        t: isoTime(line.timeMs),
        d: line.device
    };
    if (line.powerW !== undefined)
        record.p_w = line.powerW;
    if (line.energyMJ !== undefined)
        record.e_mj = line.energyMJ;
    if (line.utilizationPct !== undefined)
        record.u_pct = line.utilizationPct;
    if (line.temperatureC !== undefined)
        record.temp_c = line.temperatureC;
    return record;
}
/** ISO 8601 UTC with milliseconds, as the format asks. */
function isoTime(timeMs) {
    return new Date(timeMs).toISOString();
}

;// CONCATENATED MODULE: ./src/collect/cpu-source.ts






/** Device key of the host CPU when only its utilisation is known. */
const CPU_UTILIZATION_KEY = 'cpu';
/**
 * The host CPU: RAPL energy counters when readable, else the busy share
 * from /proc/stat with the CPU model, for an L1 estimate. Read on a timer
 * in this process: a file read per zone per interval, no child process.
 *
 * Beside sampled GPUs a utilisation-only CPU is kept in
 * raw/cpu-utilization.csv, not in the telemetry: the audit ranks a run
 * by its least-measured device (DESIGN §3), so an L1 CPU would turn a run
 * of measured GPUs into L1, and the audit's host model (L3) already
 * covers an unmeasured host (CPU, memory, fans, PSU losses) from the
 * node profile, which a CPU estimate would then replace with less. Alone,
 * the CPU is declared with its thread count: the audit estimates it
 * from 0.74–3.5 W per logical CPU.
 */
class CpuSource {
    mode;
    model;
    logicalCpus;
    procRoot;
    sink;
    description;
    timer;
    reading = Promise.resolve();
    previous;
    constructor(mode, model, logicalCpus, procRoot, sink, 
    /** What is measured, in words, for the log and the header. */
    description) {
        this.mode = mode;
        this.model = model;
        this.logicalCpus = logicalCpus;
        this.procRoot = procRoot;
        this.sink = sink;
        this.description = description;
    }
    /** Looks for RAPL, else /proc/stat; says which and why. */
    static async prepare(roots, context) {
        const { sink, log } = context;
        const model = await readCpuModel(roots.procRoot);
        const threads = await readLogicalCpus(roots.procRoot);
        const make = (mode, description) => new CpuSource(mode, model, threads, roots.procRoot, sink, description);
        const rapl = await discoverRapl(roots.powercapRoot);
        if (rapl.zones.length > 0) {
            const names = rapl.zones.map(z => `${z.key} (${z.zoneName})`).join(', ');
            return make({ kind: 'rapl', zones: rapl.zones }, `RAPL energy counters ${names}`);
        }
        const why = rapl.problem ?? 'no RAPL';
        const stat = (0,external_node_path_namespaceObject.join)(roots.procRoot, 'stat');
        if ((await readCpuTimes(roots.procRoot)) === undefined) {
            log.warning(`CPU: ${why}, and ${stat} is not readable: no CPU readings`);
            return make({ kind: 'none' }, 'no CPU readings (no RAPL, no /proc/stat)');
        }
        if (!context.gpusSampled) {
            log.info(`CPU power: ${why}; recording its utilisation from ${stat}`);
            return make({ kind: 'utilization', raw: undefined }, `CPU utilisation from ${stat} (an L1 estimate)`);
        }
        const path = (0,external_node_path_namespaceObject.join)(context.rawDir, 'cpu-utilization.csv');
        log.info(`CPU power: ${why}; the audit's host model covers the CPU, and its utilisation is kept in ${path}`);
        const raw = (0,external_node_fs_namespaceObject.createWriteStream)(path);
        raw.write('time,utilization_pct\n');
        return make({ kind: 'utilization', raw }, `CPU utilisation from ${stat}, kept in raw/ only (no RAPL: ${why})`);
    }
    /** The header's devices for what this source records. */
    devices() {
        const { mode, model, logicalCpus } = this;
        if (mode.kind === 'none')
            return [];
        if (mode.kind === 'utilization') {
            if (mode.raw !== undefined)
                return [];
            return [
                {
                    key: CPU_UTILIZATION_KEY,
                    kind: 'cpu',
                    ...(model ? { name: model } : {}),
                    ...(logicalCpus ? { logical_cpus: logicalCpus } : {})
                }
            ];
        }
        return mode.zones.map(zone => ({
            key: zone.key,
            kind: zone.kind,
            name: zone.kind === 'cpu' && model ? model : `RAPL ${zone.zoneName}`,
            ...(zone.wrapRangeMJ ? { energy_wrap_mj: zone.wrapRangeMJ } : {})
        }));
    }
    /** Takes a first reading now, then one every interval. */
    async start(intervalMs) {
        if (this.mode.kind === 'none')
            return;
        await this.readOnce();
        this.timer = setInterval(() => {
            this.reading = this.reading.then(() => this.readOnce());
        }, intervalMs);
    }
    /** Stops the timer after one last reading. */
    async stop() {
        if (this.mode.kind === 'none')
            return;
        clearInterval(this.timer);
        this.reading = this.reading.then(() => this.readOnce());
        await this.reading;
        if (this.mode.kind === 'utilization' && this.mode.raw !== undefined) {
            this.mode.raw.end();
            await (0,external_node_events_namespaceObject.once)(this.mode.raw, 'close').catch(() => undefined);
        }
    }
    async readOnce() {
        const timeMs = Date.now();
        if (this.mode.kind === 'rapl') {
            const { zones } = this.mode;
            const values = await Promise.all(zones.map(readZoneMJ));
            zones.forEach((zone, at) => this.sink.sample({
                timeMs,
                device: zone.key,
                energyMJ: values[at] ?? null
            }));
        }
        else if (this.mode.kind === 'utilization') {
            const pct = await this.nextUtilization();
            if (pct === undefined)
                return;
            if (this.mode.raw !== undefined)
                this.mode.raw.write(`${isoTime(timeMs)},${pct}\n`);
            else
                this.sink.sample({
                    timeMs,
                    device: CPU_UTILIZATION_KEY,
                    utilizationPct: pct
                });
        }
    }
    /**
     * The busy share since the last reading, undefined when there is none
     * yet. When no tick passed (/proc/stat counts in 1/USER_HZ s, 10 ms on
     * Linux) the baseline is kept, so the next reading spans both.
     */
    async nextUtilization() {
        const times = await readCpuTimes(this.procRoot);
        if (times === undefined)
            return undefined;
        const previous = this.previous;
        const pct = previous === undefined ? null : utilizationPct(previous, times);
        const reset = previous !== undefined && times.totalTicks < previous.totalTicks;
        if (pct === null && previous !== undefined && !reset)
            return undefined;
        this.previous = times;
        return pct ?? undefined;
    }
}

;// CONCATENATED MODULE: ./src/telemetry/cells.ts
/**
 * Cell-level reading rules shared by every parser: trim, sentinel, unit,
 * strict number. Order matters: a cell is trimmed first, then checked for
 * a sentinel, then stripped of its unit (a sentinel with a leading space
 * once slipped past a parser that did it the other way round).
 */
/** Whole-cell markers that mean "no reading": `[N/A]`, `[Unknown Error]`… */
const BRACKETED_SENTINEL = /^\[[^\]]*\]$/;
const BARE_SENTINELS = new Set(['N/A', 'NA', '-', 'n/a', '']);
/** Strict decimal number, dot decimal separator, optional exponent. */
const STRICT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** True when the trimmed cell is a sentinel for a missing value. */
function isMissingCell(trimmed) {
    return BARE_SENTINELS.has(trimmed) || BRACKETED_SENTINEL.test(trimmed);
}
/** Parses a whole cell as a number; NaN when it is not exactly one. */
function parseStrictNumber(text) {
    return STRICT_NUMBER.test(text) ? Number(text) : Number.NaN;
}
/**
 * Reads a numeric cell that may carry a unit suffix (`68.21 W`, `7 %`).
 * `units` lists the suffixes accepted for this column; a different suffix
 * makes the cell invalid rather than silently misread.
 */
function readNumberCell(raw, units = []) {
    const trimmed = raw.trim();
    if (isMissingCell(trimmed))
        return { kind: 'missing', marker: trimmed };
    const text = stripUnit(trimmed, units);
    const value = parseStrictNumber(text);
    if (Number.isFinite(value))
        return { kind: 'value', value };
    return { kind: 'invalid', text: trimmed };
}
/** Removes one accepted unit suffix (with or without a space before it). */
function stripUnit(trimmed, units) {
    for (const unit of units) {
        if (trimmed.endsWith(unit)) {
            return trimmed.slice(0, trimmed.length - unit.length).trimEnd();
        }
    }
    return trimmed;
}

;// CONCATENATED MODULE: ./src/telemetry/input-error.ts
/** A problem with the user's input, reported without a stack trace. */
class InputError extends Error {
    file;
    line;
    name = 'InputError';
    /** `file` and `line` (1-based) locate the problem when known. */
    constructor(message, file, line) {
        super(formatLocation(file, line) + message);
        this.file = file;
        this.line = line;
    }
}
/** `file:line: ` prefix, or as much of it as is known. */
function formatLocation(file, line) {
    if (file === undefined)
        return '';
    return line === undefined ? `${file}: ` : `${file}:${line}: `;
}

;// CONCATENATED MODULE: ./src/telemetry/timestamps.ts

/**
 * Timestamp reading for telemetry files. Every result is milliseconds since
 * the Unix epoch (UTC), possibly fractional for µs sources.
 *
 * Offset-less wall times (nvidia-smi's `YYYY/MM/DD HH:MM:SS.mmm`, ISO text
 * without `Z` or an offset) are read in the given IANA zone, UTC by default.
 */
const NVSMI_TIME = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;
const EPOCH_NUMBER = /^\d{9,19}(?:\.\d+)?$/;
/** Reads any supported timestamp text; NaN when it is none of them. */
function parseTimestamp(text, zone = 'UTC') {
    const trimmed = text.trim();
    const nvsmi = NVSMI_TIME.exec(trimmed);
    if (nvsmi)
        return wallFieldsToEpochMs(nvsmi, undefined, zone);
    const iso = ISO_TIME.exec(trimmed);
    if (iso)
        return wallFieldsToEpochMs(iso, iso[8], zone);
    if (EPOCH_NUMBER.test(trimmed))
        return epochToMs(Number(trimmed));
    return Number.NaN;
}
/**
 * Epoch seconds, milliseconds or microseconds, told apart by magnitude:
 * any date between 2001 and 2286 has 10 digits in s, 13 in ms, 16 in µs.
 */
function epochToMs(value) {
    if (value >= 1e17)
        return value / 1e6; // ns
    if (value >= 1e14)
        return value / 1e3; // µs
    if (value >= 1e11)
        return value; // ms
    return value * 1e3; // s
}
/**
 * A numeric time column in ms: values large enough to be an epoch date in
 * any unit (≥ 10^9, i.e. 2001 in seconds) are read by magnitude, so a file
 * that wrote ms where µs were documented is still right; smaller values
 * are times counted from a start, in the column's documented unit.
 */
function numericTimeToMs(value, msPerUnit) {
    return value >= 1e9 ? epochToMs(value) : value * msPerUnit;
}
/** Converts regex groups y, mo, d, h, mi, s, fraction (+ offset) to ms. */
function wallFieldsToEpochMs(groups, offset, zone) {
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map(i => Number(groups[i]));
    const fractionMs = fractionToMs(groups[7]);
    const wallMs = Date.UTC(y, mo - 1, d, h, mi, s) + fractionMs;
    if (!isValidWallTime(wallMs, y, mo, d, h, mi, s))
        return Number.NaN;
    if (offset !== undefined)
        return wallMs - offsetTextToMs(offset);
    return zone === 'UTC' ? wallMs : zonedWallToEpochMs(wallMs, zone);
}
/** `.5` → 500 ms, `.123456` → 123.456 ms. */
function fractionToMs(fraction) {
    if (fraction === undefined)
        return 0;
    return Number(`0.${fraction}`) * 1000;
}
/** Rejects 2024-02-31 and 25:00 that Date.UTC would roll over. */
function isValidWallTime(wallMs, ...fields) {
    const date = new Date(wallMs);
    const [y, mo, d, h, mi, s] = fields;
    return (date.getUTCFullYear() === y &&
        date.getUTCMonth() === mo - 1 &&
        date.getUTCDate() === d &&
        date.getUTCHours() === h &&
        date.getUTCMinutes() === mi &&
        (s === 60 || date.getUTCSeconds() === s));
}
/** `Z` → 0, `+08:00` → 8 h, `-0700` → −7 h, in ms. */
function offsetTextToMs(offset) {
    if (offset === 'Z')
        return 0;
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2, 4));
    return sign * (hours * 60 + minutes) * 60_000;
}
const offsetCache = new Map();
/**
 * The UTC instant at which the wall clock in `zone` reads `wallMs`.
 * Offsets are cached per zone and wall-clock hour, so a long log costs one
 * Intl lookup an hour. In a DST fold the earlier instant is chosen.
 */
function zonedWallToEpochMs(wallMs, zone) {
    const hourKey = `${zone}|${Math.floor(wallMs / 3_600_000)}`;
    let offsetMs = offsetCache.get(hourKey);
    if (offsetMs === undefined) {
        const guess = wallMs - zoneOffsetMs(wallMs, zone);
        offsetMs = zoneOffsetMs(guess, zone);
        if (offsetCache.size > 10_000)
            offsetCache.clear();
        offsetCache.set(hourKey, offsetMs);
    }
    return wallMs - offsetMs;
}
const formatters = new Map();
/** Offset of `zone` from UTC at instant `epochMs`, in ms. */
function zoneOffsetMs(epochMs, zone) {
    const parts = formatterFor(zone).formatToParts(new Date(epochMs));
    const field = (type) => Number(parts.find(part => part.type === type)?.value);
    const hour = field('hour') % 24;
    const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), hour, field('minute'), field('second'));
    return asUtc - Math.floor(epochMs / 1000) * 1000;
}
/** A cached formatter; throws InputError for an unknown zone. */
function formatterFor(zone) {
    let formatter = formatters.get(zone);
    if (formatter)
        return formatter;
    try {
        formatter = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric'
        });
    }
    catch {
        throw new InputError(`unknown time zone "${zone}": expected an IANA name such as UTC or Europe/Stockholm`);
    }
    formatters.set(zone, formatter);
    return formatter;
}
/** Throws InputError early for an unknown zone name. */
function assertTimeZone(zone) {
    formatterFor(zone);
}
/** Readings must fall between 1970 and 2200: anything else is a bad clock. */
const LATEST_TIME_MS = Date.UTC(2200, 0, 1);
/** True for a time a reading may carry (ms since 1970, before 2200). */
function isPlausibleTimeMs(timeMs) {
    return timeMs >= 0 && timeMs < LATEST_TIME_MS;
}
/** ISO 8601 for messages; never throws, whatever the number. */
function formatInstant(timeMs) {
    const date = new Date(timeMs);
    return Number.isNaN(date.getTime()) ? `${timeMs} ms` : date.toISOString();
}

;// CONCATENATED MODULE: ./src/collect/smi-row.ts


/**
 * Cells that mean the board stopped answering, as opposed to a field it
 * does not support (DESIGN §4 sentinels; bug case B11's variant).
 */
const LOST_MARKERS = new Set(['[GPU is lost]', '[GPU requires reset]']);
/**
 * nvidia-smi's per-device failure line, e.g. `Unable to determine the
 * device handle for GPU 0000:3B:00.0: Unknown Error` (bug case F-B11).
 */
const HANDLE_ERROR = /device handle for GPU ([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-9A-Fa-f]): (.+)$/;
/** Classifies one output line of a query with `fieldCount` fields. */
function classifySmiLine(line, fieldCount) {
    const handle = HANDLE_ERROR.exec(line);
    if (handle)
        return {
            kind: 'handle-error',
            busId: handle[1],
            reason: handle[2].trim()
        };
    const cells = line.split(',').map(cell => cell.trim());
    if (cells.length !== fieldCount || !/^\d+$/.test(cells[1] ?? '')) {
        return { kind: 'other', text: line };
    }
    const timeMs = parseTimestamp(cells[0] ?? '');
    if (!Number.isFinite(timeMs))
        return { kind: 'other', text: line };
    const lostMarker = cells.find(cell => LOST_MARKERS.has(cell));
    return {
        kind: 'row',
        row: { timeMs, index: Number(cells[1]), cells, lostMarker }
    };
}
/** A numeric cell, or null for a sentinel or anything not a number. */
function numberOrNull(cell) {
    const read = readNumberCell(cell ?? '');
    return read.kind === 'value' ? read.value : null;
}
/**
 * `00000000:3B:00.0` (nvidia-smi's query) and `0000:3B:00.0` (its error
 * lines) name the same bus: compare without the domain's leading zeros.
 */
function normaliseBusId(busId) {
    return busId.toLowerCase().replace(/^0+(?=[0-9a-f]*:)/, '');
}

;// CONCATENATED MODULE: ./src/collect/tool-process.ts



/** A line longer than this is not a reading: it is dropped unread. */
const MAX_LINE_CHARS = 1 << 16;
/** How long a tool gets to exit after SIGINT before SIGKILL. */
const STOP_GRACE_MS = 5000;
/**
 * How long the pipes get to close once the tool has exited, and again
 * after SIGKILL, before they are let go: a child the tool started may
 * hold them, and a tool stuck in the driver (uninterruptible sleep)
 * outlives SIGKILL; neither may keep the collector from writing the
 * telemetry and exiting.
 */
const PIPE_WAIT_MS = 1000;
/**
 * One long-running sampling tool (`nvidia-smi … -lms N`, `dcgmi dmon`):
 * started once, read line by line, its output kept verbatim, and
 * stopped with SIGINT, the Ctrl+C both tools' loops are documented to
 * run until (nvidia-smi(1) `-lms`: "Probe until Ctrl+C"), so they exit
 * cleanly with their output flushed; SIGKILL if they do not.
 */
class ToolProcess {
    spec;
    child;
    raw;
    rawError;
    stopping = false;
    exited = Promise.resolve();
    closed = Promise.resolve();
    constructor(spec) {
        this.spec = spec;
    }
    /** Spawns the tool; a spawn failure arrives through onExit. */
    start() {
        const { path, args } = this.spec;
        this.raw = (0,external_node_fs_namespaceObject.createWriteStream)(this.spec.rawPath);
        // Its own process group: a Ctrl+C at the terminal goes to the command
        // being measured, not to the sampler's tools, which stop when told.
        // Orphaned, a tool dies at its next write to the closed pipe.
        const child = (0,external_node_child_process_namespaceObject.spawn)(path, [...args], {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, TZ: 'UTC' },
            detached: true
        });
        this.child = child;
        this.exited = (0,external_node_events_namespaceObject.once)(child, 'exit').catch(() => undefined);
        this.closed = (0,external_node_events_namespaceObject.once)(child, 'close').catch(() => undefined);
        child.stdout?.setEncoding('utf8');
        child.stderr?.setEncoding('utf8');
        child.stdout?.on('data', this.reader(false));
        child.stderr?.on('data', this.reader(true));
        let ended = false;
        const end = (code, signal) => {
            if (!ended)
                this.spec.onExit(code, signal, this.stopping);
            ended = true;
        };
        child.on('error', () => end(null, null));
        child.on('close', end);
    }
    /** True until the child has ended. */
    get running() {
        const child = this.child;
        return (child !== undefined &&
            child.exitCode === null &&
            child.signalCode === null &&
            child.pid !== undefined);
    }
    /**
     * SIGINT, a grace period, then SIGKILL to the tool and anything it
     * started; resolves once all output is in, or at most PIPE_WAIT_MS
     * after the SIGKILL.
     */
    async stop() {
        this.stopping = true;
        const child = this.child;
        if (child !== undefined)
            await this.endChild(child);
        await Promise.all([endStream(this.raw), endStream(this.rawError)]);
    }
    /** Ends the child in bounded time, however it behaves. */
    async endChild(child) {
        if (this.running)
            child.kill('SIGINT');
        if ((await settlesWithin(this.exited, STOP_GRACE_MS)) &&
            (await settlesWithin(this.closed, PIPE_WAIT_MS)))
            return;
        try {
            // Its own process group (spawned detached): the group's id is its pid.
            if (child.pid !== undefined)
                process.kill(-child.pid, 'SIGKILL');
        }
        catch {
            // The group is gone already.
        }
        if (await settlesWithin(this.closed, PIPE_WAIT_MS))
            return;
        child.stdout?.destroy();
        child.stderr?.destroy();
        child.unref();
    }
    /** A data handler that copies chunks and cuts them into lines. */
    reader(fromStderr) {
        let pending = '';
        return chunk => {
            const arrivalMs = Date.now();
            this.copy(chunk, fromStderr);
            const parts = (pending + chunk).split('\n');
            pending = parts.pop() ?? '';
            if (pending.length > MAX_LINE_CHARS)
                pending = '';
            for (const line of parts)
                this.spec.onLine(line.replace(/\r$/, ''), arrivalMs, fromStderr);
        };
    }
    /** Copies output verbatim into the raw folder. */
    copy(chunk, fromStderr) {
        if (!fromStderr) {
            this.raw?.write(chunk);
            return;
        }
        this.rawError ??= (0,external_node_fs_namespaceObject.createWriteStream)(this.spec.rawErrorPath);
        this.rawError.write(chunk);
    }
}
/** True when `promise` settles within `timeoutMs`. */
async function settlesWithin(promise, timeoutMs) {
    let timer;
    const late = new Promise(resolve => {
        timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const settled = await Promise.race([promise.then(() => true), late]);
    clearTimeout(timer);
    return settled;
}
/** Ends a write stream and waits for it to close. */
async function endStream(stream) {
    if (stream === undefined || stream.closed)
        return;
    stream.end();
    await (0,external_node_events_namespaceObject.once)(stream, 'close').catch(() => undefined);
}

;// CONCATENATED MODULE: ./src/collect/dcgmi-stream.ts



/**
 * DCGM field ids (DCGM `dcgm_fields.h`): 155 is DCGM_FI_DEV_POWER_USAGE
 * (W), 156 DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (mJ since the driver
 * loaded; `dcgmi dmon` heads it TOTEC).
 */
const DCGM_FIELDS = '155,156';
/** The energy counter's column in `dcgmi dmon` output. */
const COUNTER_COLUMN = 'TOTEC';
/**
 * Records each GPU's cumulative energy counter through ONE `dcgmi dmon`
 * child, beside nvidia-smi's power samples, because a counter beats
 * sampled power (DESIGN §3). dmon prints no time, so each row takes the
 * time it arrived. DCGM GPU ids are taken to be NVML indices, which is
 * how DCGM numbers GPUs on a host without MIG.
 */
class DcgmiStream {
    plan;
    options;
    tool;
    columns = [];
    firstError;
    rows = 0;
    constructor(plan, options) {
        this.plan = plan;
        this.options = options;
        this.tool = new ToolProcess({
            path: options.dcgmiPath,
            args: this.arguments(),
            rawPath: (0,external_node_path_namespaceObject.join)(options.rawDir, 'dcgmi-dmon.txt'),
            rawErrorPath: (0,external_node_path_namespaceObject.join)(options.rawDir, 'dcgmi-dmon.stderr.txt'),
            onLine: (line, arrivalMs) => this.readLine(line, arrivalMs),
            onExit: (code, _signal, expected) => this.ended(code, expected)
        });
    }
    /** The exact command line, for raw/commands.txt. */
    get commandLine() {
        return [this.options.dcgmiPath, ...this.arguments()];
    }
    /** Starts the child. */
    start() {
        this.tool.start();
    }
    /** Stops the child and waits for its last output. */
    stop() {
        return this.tool.stop();
    }
    arguments() {
        const ids = this.plan.idArgs.length > 0
            ? ['-i', this.plan.devices.map(d => d.gpu.index).join(',')]
            : [];
        return [
            'dmon',
            '-e',
            DCGM_FIELDS,
            '-d',
            String(this.options.intervalMs),
            ...ids
        ];
    }
    /** A header (`#Entity POWER TOTEC`), a unit line, a row or an error. */
    readLine(line, arrivalMs) {
        const tokens = line.trim().split(/\s+/);
        const first = tokens[0] ?? '';
        if (first.startsWith('#')) {
            this.columns = tokens.filter(t => t !== '#' && !/^#?Entity$/i.test(t));
        }
        else if (first === 'GPU' && /^\d+$/.test(tokens[1] ?? '')) {
            this.readRow(Number(tokens[1]), tokens.slice(2), arrivalMs);
        }
        else if (/error/i.test(line)) {
            this.firstError ??= line.trim().slice(0, 300);
        }
    }
    readRow(id, values, arrivalMs) {
        const device = this.plan.devices.find(d => d.gpu.index === id);
        const at = this.columns.indexOf(COUNTER_COLUMN);
        if (device === undefined || at < 0)
            return;
        this.rows += 1;
        const energyMJ = numberOrNull(values[at]);
        this.options.sink.sample({
            timeMs: arrivalMs,
            device: device.key,
            energyMJ: energyMJ !== null && energyMJ >= 0 ? energyMJ : null
        });
    }
    ended(code, expected) {
        if (expected && this.rows > 0)
            return;
        const why = this.firstError ??
            (code === null ? 'it could not start' : `exit code ${code}`);
        const message = `dcgmi dmon ${this.rows === 0 ? 'gave no energy counter readings' : 'stopped by itself'} (${why}); GPU energy comes from nvidia-smi's power samples`;
        this.options.sink.event({ timeMs: Date.now(), event: 'note', message });
        this.options.log.warning(message);
    }
}

;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
;// CONCATENATED MODULE: ./src/collect/telemetry-header.ts

/** Writer name and version in every header (package.json's version). */
const COLLECTOR_NAME = 'ecocompute-collect 0.1.0';
/** The value of the header's `schema` field (docs/telemetry-format.md). */
const TELEMETRY_SCHEMA = 'ecocompute.telemetry/v1';
/**
 * The header record, written first once sampling has ended so that it
 * can hold the end time. `ended`, `gpu_models` and `sources` extend v1
 * additively (readers ignore fields they do not know).
 */
function headerRecord(facts, endedMs) {
    const { run } = facts;
    const gpuModels = [
        ...new Set(facts.devices.filter(d => d.kind === 'gpu').map(d => d.name ?? 'unknown'))
    ];
    const optional = {
        driver_version: facts.driverVersion,
        runner: run.runner,
        workflow: run.workflow,
        job: run.job,
        matrix_key: run.matrixKey,
        run_attempt: run.runAttempt
    };
    return {
        schema: TELEMETRY_SCHEMA,
        kind: 'header',
        host: facts.host,
        started: isoTime(facts.startedMs),
        ended: isoTime(Math.max(endedMs, facts.startedMs)),
        interval_ms: facts.intervalMs,
        collector: COLLECTOR_NAME,
        ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
        gpu_models: gpuModels,
        sources: facts.sources,
        devices: facts.devices
    };
}
/** A sampled GPU as a header device. */
function gpuHeaderDevice({ key, gpu, powerField }) {
    const device = {
        key,
        kind: 'gpu',
        index: gpu.index,
        power_field: powerField
    };
    if (gpu.uuid !== undefined)
        device.uuid = gpu.uuid;
    if (gpu.pciBusId !== undefined)
        device.pci_bus_id = gpu.pciBusId;
    if (gpu.name !== undefined)
        device.name = gpu.name;
    if (gpu.powerLimitW !== undefined)
        device.power_limit_w = gpu.powerLimitW;
    return device;
}

;// CONCATENATED MODULE: ./src/collect/finish-telemetry.ts







/**
 * Writes `<stem>.jsonl`: the header (now with the end time), every
 * spooled record, and the footer; then moves the sampler's log into
 * raw/ and removes the spool. Streams, so memory stays flat. Without a
 * clean end (the sampler was killed) the end is the last record's time,
 * a half-written last line is dropped, and a note says so.
 */
async function finishTelemetry(layout, clean) {
    const facts = JSON.parse(await (0,promises_namespaceObject.readFile)(layout.headerPath, 'utf8'));
    const endedMs = clean?.endedMs ??
        (await lastRecordMs(layout.samplesPath)) ??
        facts.startedMs;
    const out = (0,external_node_fs_namespaceObject.createWriteStream)(layout.telemetryPath, { flags: 'wx' });
    const failed = (0,external_node_events_namespaceObject.once)(out, 'error').then(([error]) => {
        throw new Error(`cannot write ${layout.telemetryPath}: ${error.message}`);
    });
    const work = writeBody(out, facts, endedMs, layout.samplesPath, clean === undefined);
    const samples = await Promise.race([work, failed]);
    out.end();
    await Promise.race([(0,external_node_events_namespaceObject.once)(out, 'close'), failed]);
    await keepLogAndDropSpool(layout);
    return { path: layout.telemetryPath, samples, endedMs };
}
/** Header, records, optional note, footer; returns the sample count. */
async function writeBody(out, facts, endedMs, samplesPath, crashed) {
    out.write(`${JSON.stringify(headerRecord(facts, endedMs))}\n`);
    let samples = 0;
    for await (const line of completeLines(samplesPath)) {
        if (!line.startsWith('{"kind":"event"'))
            samples += 1;
        if (!out.write(`${line}\n`))
            await (0,external_node_events_namespaceObject.once)(out, 'drain');
    }
    if (crashed) {
        const message = 'the sampler did not stop cleanly (killed?): telemetry ends at its last complete record';
        out.write(`${JSON.stringify({ kind: 'event', t: isoTime(endedMs), event: 'note', message })}\n`);
    }
    out.write(`${JSON.stringify({ kind: 'footer', t: isoTime(endedMs), samples })}\n`);
    return samples;
}
/**
 * The spool's lines, holding each back until the next arrives so that
 * the last one can be checked: only it can have been cut off mid-write.
 */
async function* completeLines(path) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(path))
        return;
    let previous;
    const lines = (0,external_node_readline_namespaceObject.createInterface)({
        input: (0,external_node_fs_namespaceObject.createReadStream)(path, 'utf8'),
        crlfDelay: Infinity
    });
    for await (const line of lines) {
        if (previous !== undefined)
            yield previous;
        previous = line;
    }
    if (previous !== undefined && isJson(previous))
        yield previous;
}
/** The time of the spool's last complete record, if any. */
async function lastRecordMs(path) {
    let latestMs;
    for await (const line of completeLines(path)) {
        const t = /"t":"([^"]+)"/.exec(line)?.[1];
        const timeMs = t === undefined ? Number.NaN : Date.parse(t);
        if (Number.isFinite(timeMs) && !(timeMs <= (latestMs ?? -Infinity)))
            latestMs = timeMs;
    }
    return latestMs;
}
/** The sampler's log goes to raw/ for diagnosis; the spool is removed. */
async function keepLogAndDropSpool(layout) {
    if ((0,external_node_fs_namespaceObject.existsSync)(layout.logPath)) {
        await (0,promises_namespaceObject.rename)(layout.logPath, (0,external_node_path_namespaceObject.join)(layout.rawDir, 'sampler.log')).catch(() => undefined);
    }
    await (0,promises_namespaceObject.rm)(layout.spoolDir, { recursive: true, force: true });
}
/** True when `text` parses as JSON. */
function isJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/collect/run-tool.ts

/**
 * How long a one-shot query (the GPU listing, the field trials, the
 * first rows) may take before sampling goes on without it. A driver
 * that no client holds open wakes up in 1–3 s per GPU (NVIDIA, "Driver
 * Persistence", Overview: ECC scrubbing at start-up); a hung driver
 * never answers, and the measured command should wait seconds for it,
 * not minutes.
 */
const QUERY_TIMEOUT_MS = 10_000;
/** Output kept from a one-shot query; 8 GPUs print a few KiB. */
const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;
/**
 * Runs `path args` to completion and never throws: a tool that is
 * missing, fails, hangs or is stopped comes back with its exit code and
 * output. It runs in its own process group, so a timeout or a stop
 * kills it and anything it started, and the answer comes at once even
 * when a hung child keeps its pipes open. `TZ=UTC` makes nvidia-smi
 * print its offset-less timestamps in UTC.
 */
function runTool(path, args, { timeoutMs = QUERY_TIMEOUT_MS, abort } = {}) {
    if (abort?.aborted)
        return Promise.resolve(stoppedRun('', '', 'told to stop first'));
    const child = (0,external_node_child_process_namespaceObject.spawn)(path, [...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TZ: 'UTC' },
        detached: true
    });
    const output = { stdout: '', stderr: '' };
    for (const name of ['stdout', 'stderr'])
        child[name].setEncoding('utf8').on('data', (text) => {
            if (output[name].length < MAX_OUTPUT_CHARS)
                output[name] += text;
        });
    return new Promise(resolve => {
        const settle = (run) => {
            clearTimeout(timer);
            abort?.removeEventListener('abort', onAbort);
            resolve(run);
        };
        const giveUp = (run) => {
            killGroup(child);
            settle(run);
        };
        const onAbort = () => giveUp(stoppedRun(output.stdout, output.stderr, 'told to stop'));
        const timer = setTimeout(() => giveUp({ code: null, ...output, timedOutMs: timeoutMs }), timeoutMs);
        abort?.addEventListener('abort', onAbort, { once: true });
        child.on('error', error => settle({ code: null, ...output, failure: error.message }));
        child.on('close', (code, signal) => settle(code === null
            ? { code, ...output, failure: `ended by ${signal ?? 'a signal'}` }
            : { code, ...output }));
    });
}
/** A query that `runTool` with this path and options answers. */
function toolQuery(path, options = {}) {
    return args => runTool(path, args, options);
}
/** A run ended because the collector was told to stop. */
function stoppedRun(stdout, stderr, why) {
    return { code: null, stdout, stderr, failure: why };
}
/**
 * SIGKILL to the tool's process group (a one-shot query has nothing to
 * flush), and its pipes closed, so nothing of it keeps this process up.
 */
function killGroup(child) {
    try {
        if (child.pid !== undefined)
            process.kill(-child.pid, 'SIGKILL');
    }
    catch {
        // Already gone.
    }
    child.stdout?.destroy();
    child.stderr?.destroy();
    child.unref();
}
/** The first non-blank line a tool printed, for messages. */
function firstLine(run) {
    const text = `${run.stdout}\n${run.stderr}`;
    const line = text.split('\n').find(l => l.trim() !== '');
    return line?.trim().slice(0, 300) ?? run.failure ?? '(no output)';
}

;// CONCATENATED MODULE: ./src/collect/gpu-discovery.ts


/** Fields of the one-shot listing, in this order. */
const LIST_FIELDS = [
    'index',
    'uuid',
    'name',
    'pci.bus_id',
    'power.limit',
    'driver_version'
];
/**
 * nvidia-smi's exit codes (nvidia-smi(1), "RETURN VALUE"), said in the
 * user's terms.
 */
const EXIT_MEANINGS = {
    2: 'an argument or flag was refused',
    3: 'the operation is not supported on this GPU',
    4: 'insufficient permissions',
    6: 'no GPU found',
    9: 'the NVIDIA driver is not loaded',
    12: 'the NVML library was not found',
    15: 'a GPU has fallen off the bus',
    255: 'an NVIDIA driver error'
};
/** Lists the GPUs with one nvidia-smi query; never throws. */
async function listGpus(nvidiaSmi) {
    if (nvidiaSmi === undefined) {
        return {
            gpus: [],
            driverVersion: undefined,
            problem: 'nvidia-smi is not on PATH (no NVIDIA driver tools here)'
        };
    }
    const run = await nvidiaSmi([
        `--query-gpu=${LIST_FIELDS.join(',')}`,
        '--format=csv,noheader,nounits'
    ]);
    if (run.code !== 0)
        return {
            gpus: [],
            driverVersion: undefined,
            problem: describeFailure('nvidia-smi', run)
        };
    const rows = run.stdout.split('\n').map(parseListRow);
    const gpus = rows.filter((row) => row !== undefined);
    const driverVersion = driverOf(run.stdout);
    if (gpus.length > 0)
        return { gpus, driverVersion };
    return {
        gpus,
        driverVersion,
        problem: `nvidia-smi listed no GPU (${firstLine(run)})`
    };
}
/** `nvidia-smi failed: <first line> (exit code 4: insufficient permissions)`. */
function describeFailure(tool, run) {
    if (run.timedOutMs !== undefined)
        return `${tool} did not answer within ${run.timedOutMs / 1000} s (a hung driver or GPU, or a cold driver without persistence mode)`;
    if (run.code === null)
        return `${tool} did not run: ${run.failure ?? firstLine(run)}`;
    const meaning = EXIT_MEANINGS[run.code];
    const why = meaning === undefined ? '' : `: ${meaning}`;
    return `${tool} failed: ${firstLine(run)} (exit code ${run.code}${why})`;
}
/** One `index, uuid, name, bus, limit, driver` row, or undefined. */
function parseListRow(line) {
    const cells = line.split(',').map(cell => cell.trim());
    if (cells.length !== LIST_FIELDS.length)
        return undefined;
    const [index, uuid, name, bus, limit] = cells;
    if (!/^\d+$/.test(index ?? ''))
        return undefined;
    const limitCell = readNumberCell(limit ?? '');
    return {
        index: Number(index),
        uuid: textCell(uuid),
        name: textCell(name),
        pciBusId: textCell(bus),
        powerLimitW: limitCell.kind === 'value' && limitCell.value > 0
            ? limitCell.value
            : undefined
    };
}
/** A text cell, or undefined for a sentinel such as `[N/A]`. */
function textCell(cell) {
    if (cell === undefined || cell === '')
        return undefined;
    return readNumberCell(cell).kind === 'missing' ? undefined : cell;
}
/** The driver version of the first row that gives one. */
function driverOf(stdout) {
    for (const line of stdout.split('\n')) {
        const cells = line.split(',').map(cell => cell.trim());
        const driver = textCell(cells[LIST_FIELDS.length - 1]);
        if (cells.length === LIST_FIELDS.length && driver)
            return driver;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/collect/gpu-selection.ts

/**
 * Picks the GPUs to sample. `auto` follows CUDA_VISIBLE_DEVICES the way
 * CUDA reads it (CUDA C Programming Guide, "CUDA Environment
 * Variables"): integers are device ordinals, `GPU-…` is a UUID or a
 * unique prefix of one, `MIG-…` an instance whose parent board is
 * sampled, and the first entry that names no device ends the list.
 */
function selectGpus(listed, context) {
    const { choice } = context;
    const all = { gpus: [...listed], notes: [], warnings: [] };
    if (choice.mode === 'none')
        return { ...all, gpus: [], noneBecause: 'gpus is none' };
    if (choice.mode === 'all')
        return all;
    if (choice.mode === 'list')
        return { ...all, gpus: pickListed(listed, choice.ids) };
    if (context.cudaVisibleDevices === undefined)
        return all;
    return followCudaVisible(listed, context);
}
/** The `gpus` input's ids: nvidia-smi indices or UUIDs, all must exist. */
function pickListed(listed, ids) {
    const picked = ids.map(id => {
        const found = /^\d+$/.test(id)
            ? listed.find(gpu => gpu.index === Number(id))
            : findByUuid(listed, id);
        if (found)
            return found;
        throw new CollectError(`gpus: "${id}" is not a GPU nvidia-smi lists; it lists ${listedText(listed)}`);
    });
    return unique(picked);
}
/** CUDA_VISIBLE_DEVICES mapped onto nvidia-smi's GPUs. */
function followCudaVisible(listed, context) {
    const value = context.cudaVisibleDevices ?? '';
    const entries = value.split(',').map(e => e.trim());
    const { picked, notes, stop } = walkEntries(listed, entries, context);
    const warnings = orderNotes(listed, entries, context.cudaDeviceOrder);
    if (picked.length > 0) {
        const ignored = stop === undefined ? [] : [stop];
        return { gpus: unique(picked), notes, warnings: [...ignored, ...warnings] };
    }
    const noneBecause = value.trim() === ''
        ? 'CUDA_VISIBLE_DEVICES is set but empty, which hides every GPU'
        : stop;
    return { gpus: [], notes, warnings, noneBecause };
}
/** The entries' GPUs up to the first that names none (`stop` says why). */
function walkEntries(listed, entries, context) {
    const picked = [];
    const notes = [];
    for (const entry of entries) {
        const gpu = resolveEntry(listed, entry, context.migParents);
        if (gpu === undefined)
            return { picked, notes, stop: unmatchedEntry(listed, entry) };
        if (entry.startsWith('MIG-'))
            notes.push(`${entry} is a MIG instance: its parent board ${gpu.uuid ?? gpu.index} is sampled (NVML reports power per board, not per instance)`);
        picked.push(gpu);
    }
    return { picked, notes };
}
/**
 * Why one CUDA_VISIBLE_DEVICES entry names no GPU here, and what CUDA
 * does about it; a UUID prefix that starts several GPUs' UUIDs is
 * ambiguous, which CUDA treats as naming none.
 */
function unmatchedEntry(listed, entry) {
    const starts = listed.filter(gpu => gpu.uuid?.startsWith(entry)).length;
    const what = entry === ''
        ? 'CUDA_VISIBLE_DEVICES has an empty entry'
        : starts > 1
            ? `CUDA_VISIBLE_DEVICES entry "${entry}" is the start of ${starts} GPUs' UUIDs, so it names none`
            : `CUDA_VISIBLE_DEVICES entry "${entry}" names no GPU here`;
    return `${what}; CUDA ignores it and every entry after it (nvidia-smi lists ${listedText(listed)})`;
}
/** `0 (GPU-…), 1 (GPU-…)`: the GPUs nvidia-smi lists, for messages. */
function listedText(listed) {
    const known = listed.map(gpu => `${gpu.index} (${gpu.uuid ?? 'no UUID'})`);
    return known.join(', ') || 'none';
}
/** The GPU one CUDA_VISIBLE_DEVICES entry names, if any. */
function resolveEntry(listed, entry, migParents) {
    if (/^\d+$/.test(entry))
        return listed[Number(entry)];
    if (entry.startsWith('GPU-'))
        return findByUuid(listed, entry);
    // Before driver R470 a MIG id named its parent: MIG-GPU-<uuid>/gi/ci.
    const legacy = /^MIG-(GPU-[^/]+)\//.exec(entry)?.[1];
    const parent = legacy ?? migParents.get(entry);
    return parent === undefined ? undefined : findByUuid(listed, parent);
}
/**
 * CUDA numbers devices fastest first unless CUDA_DEVICE_ORDER=PCI_BUS_ID,
 * while nvidia-smi numbers them by PCI bus: the two agree only when every
 * GPU is the same model.
 */
function orderNotes(listed, entries, order) {
    const ordinals = entries.some(entry => /^\d+$/.test(entry));
    const models = new Set(listed.map(gpu => gpu.name));
    if (!ordinals || order === 'PCI_BUS_ID' || models.size <= 1)
        return [];
    return [
        'CUDA_VISIBLE_DEVICES uses ordinals on a host with mixed GPU models and CUDA_DEVICE_ORDER is not PCI_BUS_ID: CUDA may number them differently from nvidia-smi; set CUDA_DEVICE_ORDER=PCI_BUS_ID or list GPU UUIDs'
    ];
}
/** The GPU whose UUID is `id` or starts with it (unique prefix only). */
function findByUuid(listed, id) {
    const exact = listed.find(gpu => gpu.uuid === id);
    if (exact)
        return exact;
    const matches = listed.filter(gpu => gpu.uuid?.startsWith(id));
    return matches.length === 1 ? matches[0] : undefined;
}
/** First occurrence of each GPU, in order. */
function unique(gpus) {
    return gpus.filter((gpu, at) => gpus.indexOf(gpu) === at);
}
/**
 * MIG UUID → parent GPU UUID from `nvidia-smi -L`, whose lines read
 * `GPU 0: NAME (UUID: GPU-…)` then, indented, `MIG 3g.40gb Device 0:
 * (UUID: MIG-…)`.
 */
function parseMigParents(listing) {
    const parents = new Map();
    let parent;
    for (const line of listing.split('\n')) {
        const uuid = /\(UUID: ((?:GPU|MIG)-[^)\s]+)\)/.exec(line)?.[1];
        if (uuid === undefined)
            continue;
        if (uuid.startsWith('GPU-'))
            parent = uuid;
        else if (parent !== undefined)
            parents.set(uuid, parent);
    }
    return parents;
}

;// CONCATENATED MODULE: ./src/collect/smi-query.ts


/** Fields every sampler query holds, in this order (the list). */
const BASE_FIELDS = [
    'timestamp',
    'index',
    'uuid',
    'name',
    'pci.bus_id',
    'power.draw',
    'power.limit',
    'utilization.gpu',
    'memory.used',
    'temperature.gpu',
    'clocks.sm'
];
/** Newer drivers' power fields (nvidia-smi --help-query-gpu). */
const POWER_VARIANTS = [
    'power.draw.instant',
    'power.draw.average'
];
/**
 * Below this interval the instant reading is preferred: sampling a 1-s
 * average faster than once a second smears short bursts (bug case B23,
 * ml-energy/zeus#45). From 1 s on the average is preferred: one instant
 * reading per second sees a small part of each second (Yang et al.,
 * "Accurate and Convenient Energy Measurements for GPUs", SC 2024).
 */
const INSTANT_BELOW_MS = 1000;
/**
 * Asks nvidia-smi for `index,<field>` once. A driver that does not know
 * the field exits with an error (older drivers and power.draw.instant);
 * one that knows it may still answer `[N/A]` for some GPUs.
 */
async function probeField(nvidiaSmi, field, idArgs) {
    const run = await nvidiaSmi([
        `--query-gpu=index,${field}`,
        '--format=csv,noheader,nounits',
        ...idArgs
    ]);
    if (run.code !== 0)
        return {
            field,
            usable: new Set(),
            refused: describeFailure('nvidia-smi', run)
        };
    const usable = new Set();
    for (const line of run.stdout.split('\n')) {
        const [index, value] = line.split(',').map(cell => cell.trim());
        if (/^\d+$/.test(index ?? '') &&
            readNumberCell(value ?? '').kind === 'value')
            usable.add(Number(index));
    }
    return { field, usable };
}
/** Fields the driver accepted (kept in the raw output too). */
function answered(probes) {
    return probes.filter(p => p.refused === undefined).map(p => p.field);
}
/**
 * The extra fields the driver accepts: all of them in one query, else
 * one query each; refused ones are left out with a warning naming them.
 */
async function usableExtras(nvidiaSmi, fields, idArgs) {
    const sampled = [...BASE_FIELDS, ...POWER_VARIANTS];
    const wanted = fields.filter(f => !sampled.includes(f));
    if (wanted.length === 0)
        return { fields: [], warnings: [] };
    const together = await probeField(nvidiaSmi, wanted.join(','), idArgs);
    if (together.refused === undefined)
        return { fields: wanted, warnings: [] };
    const probes = await Promise.all(wanted.map(f => probeField(nvidiaSmi, f, idArgs)));
    return {
        fields: answered(probes),
        warnings: probes
            .filter(p => p.refused !== undefined)
            .map(p => `fields: ${p.field} was refused by nvidia-smi (${p.refused}): left out`)
    };
}
/** The power field for one GPU: instant or average by interval, else power.draw. */
function choosePowerField(index, intervalMs, probes) {
    const order = intervalMs < INSTANT_BELOW_MS
        ? ['power.draw.instant', 'power.draw.average']
        : ['power.draw.average', 'power.draw.instant'];
    for (const field of order) {
        if (probes.find(p => p.field === field)?.usable.has(index))
            return field;
    }
    return 'power.draw';
}
/** `-i 0,2` when only some GPUs are sampled, nothing for all of them. */
function idArguments(indices) {
    return indices === undefined ? [] : ['-i', indices.join(',')];
}
/** The long-running sampler's arguments: ONE process, `-lms` looping. */
function loopArguments(fields, intervalMs, idArgs) {
    return [
        `--query-gpu=${fields.join(',')}`,
        '--format=csv,noheader,nounits',
        '-lms',
        String(intervalMs),
        ...idArgs
    ];
}

;// CONCATENATED MODULE: ./src/collect/gpu-plan.ts





/**
 * Lists the GPUs, applies the selection, then asks the driver which
 * power fields and extra fields it answers, with one short query each.
 */
async function planGpus(config, options = {}) {
    const path = config.environment.nvidiaSmiPath;
    const smi = path === undefined ? undefined : toolQuery(path, { abort: options.abort });
    const listing = await listGpus(smi);
    const empty = {
        devices: [],
        fields: [],
        idArgs: [],
        driverVersion: listing.driverVersion
    };
    if (smi === undefined || listing.problem !== undefined)
        return { ...empty, notes: [], warnings: [], problem: listing.problem };
    const selection = await chooseGpus(smi, listing.gpus, config, options);
    if (selection.gpus.length === 0) {
        const why = selection.noneBecause ? `: ${selection.noneBecause}` : '';
        const { notes, warnings } = selection;
        return { ...empty, notes, warnings, problem: `no GPU selected${why}` };
    }
    const some = selection.gpus.length < listing.gpus.length;
    return probeFields(smi, selection, config, {
        idArgs: idArguments(some ? selection.gpus.map(g => g.index) : undefined),
        driverVersion: listing.driverVersion
    });
}
/** The selection; an unknown `gpus` id throws unless `cpu-only`. */
async function chooseGpus(smi, listed, config, options) {
    const context = {
        choice: config.gpus,
        cudaVisibleDevices: config.environment.cudaVisibleDevices,
        cudaDeviceOrder: config.environment.cudaDeviceOrder,
        migParents: await migParentsIfNeeded(smi, config)
    };
    try {
        return selectGpus(listed, context);
    }
    catch (error) {
        if (!(error instanceof CollectError) || options.unknownGpus !== 'cpu-only')
            throw error;
        return { gpus: [], notes: [], warnings: [], noneBecause: error.message };
    }
}
/** Asks which power and extra fields the driver answers for the selection. */
async function probeFields(smi, selection, config, base) {
    const probes = await Promise.all(POWER_VARIANTS.map(f => probeField(smi, f, base.idArgs)));
    const extras = await usableExtras(smi, config.extraFields, base.idArgs);
    const devices = selection.gpus.map(gpu => ({
        key: String(gpu.index),
        gpu,
        powerField: choosePowerField(gpu.index, config.intervalMs, probes)
    }));
    return {
        ...base,
        devices,
        fields: [...BASE_FIELDS, ...answered(probes), ...extras.fields],
        notes: [...selection.notes, ...probeNotes(probes)],
        warnings: [...selection.warnings, ...extras.warnings]
    };
}
/** MIG parents from `nvidia-smi -L`, only when a MIG id needs them. */
async function migParentsIfNeeded(smi, config) {
    if (!(config.environment.cudaVisibleDevices ?? '').includes('MIG-'))
        return new Map();
    const run = await smi(['-L']);
    return run.code === 0 ? parseMigParents(run.stdout) : new Map();
}
/** What the user should know about the power fields. */
function probeNotes(probes) {
    return probes
        .filter(p => p.refused !== undefined)
        .map(p => `${p.field} is not available from this driver (${p.refused}): not sampled`);
}

;// CONCATENATED MODULE: ./src/collect/frame-tracker.ts
/**
 * Follows nvidia-smi's sampling frames: each loop prints one row per GPU
 * in index order, so a GPU seen twice starts a new frame, and a GPU that
 * had no row in the frame just ended has stopped answering. Also tells
 * waiters when every GPU has reported (at all, or after a given time).
 */
class FrameTracker {
    keys;
    lastMs = new Map();
    lost = new Set();
    frame = new Set();
    waiters = [];
    finished = false;
    constructor(keys) {
        this.keys = keys;
    }
    /**
     * Records a row of `key` at `timeMs`; returns the GPUs that had no row
     * in the frame this row closes (none unless it starts a new frame).
     */
    row(key, timeMs) {
        let missing = [];
        if (this.frame.has(key)) {
            missing = this.keys.filter(k => !this.frame.has(k) && !this.lost.has(k));
            this.frame = new Set();
        }
        this.frame.add(key);
        this.lastMs.set(key, Math.max(timeMs, this.lastMs.get(key) ?? timeMs));
        this.wake();
        return missing;
    }
    /** True while `key` is marked lost. */
    isLost(key) {
        return this.lost.has(key);
    }
    /** Marks `key` lost: nobody waits for it any more. */
    lose(key) {
        this.lost.add(key);
        this.wake();
    }
    /** Clears a loss; true when `key` had been lost. */
    answeredAgain(key) {
        return this.lost.delete(key);
    }
    /** Resolves once every GPU has had a row, or sampling ended. */
    seenAll() {
        return this.wait(() => this.keys.every(k => this.lastMs.has(k) || this.lost.has(k)));
    }
    /** Resolves once every GPU still answering has a row at or after `timeMs`. */
    seenAllAfter(timeMs) {
        return this.wait(() => this.keys.every(k => this.lost.has(k) || (this.lastMs.get(k) ?? -Infinity) >= timeMs));
    }
    /** Sampling ended: every waiter is released. */
    finish() {
        this.finished = true;
        this.wake();
    }
    wait(ready) {
        if (this.finished || ready())
            return Promise.resolve();
        return new Promise(resolve => this.waiters.push({ ready, resolve }));
    }
    wake() {
        const waiting = [];
        for (const waiter of this.waiters) {
            if (this.finished || waiter.ready())
                waiter.resolve();
            else
                waiting.push(waiter);
        }
        this.waiters = waiting;
    }
}

;// CONCATENATED MODULE: ./src/collect/gpu-stream.ts





/**
 * nvidia-smi's timestamps are trusted when they agree with the arrival
 * time within this; a larger skew means the child ignored TZ=UTC (the
 * smallest whole-hour time-zone offset is an hour), so arrival times
 * are used instead.
 */
const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;
/**
 * Samples every planned GPU through ONE `nvidia-smi --query-gpu … -lms N`
 * child: each row becomes a sample (power from the device's chosen
 * field, utilisation, temperature), sentinels become null, and a GPU
 * that is lost becomes a `lost` event with null readings, never 0 W.
 */
class GpuStream {
    plan;
    options;
    tool;
    frames;
    byIndex;
    column;
    skewMs;
    skippedLines = 0;
    constructor(plan, options) {
        this.plan = plan;
        this.options = options;
        this.byIndex = new Map(plan.devices.map(d => [d.gpu.index, d]));
        this.column = new Map(plan.fields.map((field, at) => [field, at]));
        this.frames = new FrameTracker(plan.devices.map(d => d.key));
        this.tool = new ToolProcess({
            path: options.nvidiaSmiPath,
            args: loopArguments(plan.fields, options.intervalMs, plan.idArgs),
            rawPath: (0,external_node_path_namespaceObject.join)(options.rawDir, 'nvidia-smi.csv'),
            rawErrorPath: (0,external_node_path_namespaceObject.join)(options.rawDir, 'nvidia-smi.stderr.txt'),
            onLine: (line, arrivalMs) => this.readLine(line, arrivalMs),
            onExit: (code, signal, expected) => this.ended(code, signal, expected)
        });
    }
    /** The exact command line, for raw/commands.txt. */
    get commandLine() {
        const { nvidiaSmiPath, intervalMs } = this.options;
        return [
            nvidiaSmiPath,
            ...loopArguments(this.plan.fields, intervalMs, this.plan.idArgs)
        ];
    }
    /** Starts the child. */
    start() {
        this.tool.start();
    }
    /** Resolves once every GPU has a row (or the child ended). */
    firstRows() {
        return this.frames.seenAll();
    }
    /** Resolves once every GPU still answering has a row at or after `timeMs`. */
    rowsAfter(timeMs) {
        return this.frames.seenAllAfter(timeMs);
    }
    /** Stops the child and waits for its last output. */
    async stop() {
        await this.tool.stop();
        this.frames.finish();
    }
    readLine(line, arrivalMs) {
        if (line.trim() === '')
            return;
        const parsed = classifySmiLine(line, this.plan.fields.length);
        if (parsed.kind === 'row')
            return this.readRow(parsed.row, arrivalMs);
        if (parsed.kind === 'handle-error')
            return this.handleError(parsed.busId, parsed.reason, arrivalMs);
        this.skippedLines += 1;
        this.options.log.debug(`nvidia-smi line skipped: ${parsed.text.slice(0, 200)}`);
    }
    /** A row: a sample, then what it says about the GPU answering. */
    readRow(row, arrivalMs) {
        const device = this.byIndex.get(row.index);
        if (device === undefined)
            return;
        const timeMs = this.timeOf(row.timeMs, arrivalMs);
        for (const key of this.frames.row(device.key, timeMs)) {
            this.options.sink.sample({ timeMs, device: key, powerW: null });
            this.markLost(key, timeMs, 'no row in this sampling frame');
        }
        const cell = (field) => numberOrNull(row.cells[this.column.get(field) ?? -1]);
        const powerW = cell(device.powerField);
        this.options.sink.sample({
            timeMs,
            device: device.key,
            powerW,
            utilizationPct: cell('utilization.gpu'),
            temperatureC: cell('temperature.gpu')
        });
        if (row.lostMarker !== undefined)
            this.markLost(device.key, timeMs, row.lostMarker);
        else if (powerW !== null && this.frames.answeredAgain(device.key))
            this.options.sink.event({
                timeMs,
                event: 'note',
                device: device.key,
                message: 'the GPU answered again after it was reported lost'
            });
    }
    /** `Unable to determine the device handle for GPU <bus>: <reason>`. */
    handleError(busId, reason, arrivalMs) {
        const wanted = normaliseBusId(busId);
        const device = this.plan.devices.find(d => d.gpu.pciBusId !== undefined &&
            normaliseBusId(d.gpu.pciBusId) === wanted);
        if (device === undefined)
            return;
        const timeMs = this.timeOf(Number.NaN, arrivalMs);
        if (!this.frames.isLost(device.key))
            this.options.sink.sample({ timeMs, device: device.key, powerW: null });
        this.markLost(device.key, timeMs, reason);
    }
    /** One `lost` event per loss; readings stay null, never 0 W. */
    markLost(key, timeMs, why) {
        if (this.frames.isLost(key))
            return;
        this.frames.lose(key);
        this.options.sink.event({
            timeMs,
            event: 'lost',
            device: key,
            message: `nvidia-smi: ${why}`
        });
        this.options.log.warning(`GPU ${key} stopped answering (${why}); its readings are recorded as missing from here on`);
    }
    /** nvidia-smi's own time, unless it disagrees with the clock. */
    timeOf(rowMs, arrivalMs) {
        if (!Number.isFinite(rowMs))
            return arrivalMs;
        if (this.skewMs === undefined) {
            const skewMs = arrivalMs - rowMs;
            this.skewMs = Math.abs(skewMs) > MAX_CLOCK_SKEW_MS ? skewMs : 0;
            if (this.skewMs !== 0)
                this.options.sink.event({
                    timeMs: arrivalMs,
                    event: 'note',
                    message: `nvidia-smi's timestamps are ${Math.round(skewMs / 60000)} min off the clock (not UTC?); arrival times used instead`
                });
        }
        return this.skewMs === 0 ? rowMs : arrivalMs;
    }
    ended(code, signal, expected) {
        this.frames.finish();
        if (expected)
            return;
        const how = code === null
            ? `signal ${signal ?? 'unknown'} or a failed start`
            : `exit code ${code}`;
        const message = `nvidia-smi stopped by itself (${how}); GPU readings end here (see raw/ for its output)`;
        this.options.sink.event({ timeMs: Date.now(), event: 'note', message });
        this.options.log.warning(message);
    }
}

;// CONCATENATED MODULE: ./src/collect/sampler.ts












/**
 * One node's collector: GPUs through one nvidia-smi child (and dcgmi
 * dmon when present), the CPU on a timer, all records spooled, and the
 * telemetry file written when it stops.
 */
class Sampler {
    report;
    config;
    spool;
    parts;
    constructor(report, config, spool, parts) {
        this.report = report;
        this.config = config;
        this.spool = spool;
        this.parts = parts;
    }
    /**
     * Starts every source and waits for the first GPU rows (bounded). An
     * abort before the sources start throws; one after returns the
     * sampler at once, so that what it has is written.
     */
    static async start(config, log, options = {}) {
        const layout = options.claimed ??
            (await claimOutput(config.outDir, config.name, config.host));
        try {
            return await Sampler.startIn(layout, config, log, options);
        }
        catch (error) {
            await (0,promises_namespaceObject.rm)(layout.spoolDir, { recursive: true, force: true });
            // An empty claim is given back, so a rerun gets the same file name.
            await (0,promises_namespaceObject.rmdir)(layout.rawDir).catch(() => undefined);
            throw error;
        }
    }
    /** Plans, records what will be sampled, then starts every source. */
    static async startIn(layout, config, log, options) {
        throwIfStopped(options.abort);
        const plan = await planGpus(config, options);
        throwIfStopped(options.abort);
        const spool = new SpoolWriter(layout.samplesPath);
        const cpu = await CpuSource.prepare(config.environment, {
            sink: spool,
            log,
            gpusSampled: plan.devices.length > 0,
            rawDir: layout.rawDir
        });
        const parts = { ...streamsFor(plan, config, layout, spool, log), cpu };
        const startedMs = Date.now();
        const facts = headerFacts(config, plan, cpu, startedMs, parts);
        await recordPlan(layout, facts, plan.problem);
        for (const message of planNotes(plan)) {
            spool.event({ timeMs: startedMs, event: 'note', message });
        }
        parts.gpu?.start();
        parts.dcgmi?.start();
        await cpu.start(config.intervalMs);
        await withTimeout(parts.gpu?.firstRows(), QUERY_TIMEOUT_MS, options.abort);
        const report = {
            layout,
            gpuNames: plan.devices.map(d => `${d.key}: ${d.gpu.name ?? 'unnamed GPU'} (${d.powerField})`),
            gpuProblem: plan.problem,
            warnings: plan.warnings,
            cpu: cpu.description,
            startedMs
        };
        return new Sampler(report, config, spool, parts);
    }
    /**
     * Waits (at most two intervals and a second) for a GPU row at or after
     * now, so the telemetry covers the end, then stops every source and
     * writes the telemetry file.
     */
    async stop() {
        const stopMs = Date.now();
        const { gpu, dcgmi, cpu } = this.parts;
        await withTimeout(gpu?.rowsAfter(stopMs), 2 * this.config.intervalMs + 1000);
        await Promise.all([gpu?.stop(), dcgmi?.stop(), cpu.stop()]);
        this.noteSkipped(gpu?.skippedLines ?? 0, this.spool.outOfOrder);
        const endedMs = Math.max(stopMs, Number.isFinite(this.spool.lastTimeMs) ? this.spool.lastTimeMs : stopMs);
        await this.spool.close();
        return finishTelemetry(this.report.layout, { endedMs });
    }
    /** Notes for output lines that were not readings or came out of order. */
    noteSkipped(skippedLines, outOfOrder) {
        const timeMs = Date.now();
        if (skippedLines > 0) {
            const message = `${skippedLines} line(s) of nvidia-smi output were not readings and were skipped (kept in raw/)`;
            this.spool.event({ timeMs, event: 'note', message });
        }
        if (outOfOrder > 0) {
            const message = `${outOfOrder} reading(s) were not later than the one before them on the same device and were left out`;
            this.spool.event({ timeMs, event: 'note', message });
        }
    }
}
/**
 * Saves the header facts and the exact commands (raw/commands.txt)
 * before sampling starts, so a killed sampler's spool can still be made
 * into telemetry; refuses a node with nothing to sample.
 */
async function recordPlan(layout, facts, gpuProblem) {
    if (facts.devices.length === 0) {
        const sources = [gpuProblem ?? 'no GPU', ...facts.sources].join('; ');
        throw new CollectError(`nothing to sample on ${facts.host}: ${sources}`);
    }
    await (0,promises_namespaceObject.writeFile)(layout.headerPath, JSON.stringify(facts));
    const commands = (0,external_node_path_namespaceObject.join)(layout.rawDir, 'commands.txt');
    await (0,promises_namespaceObject.writeFile)(commands, `${facts.sources.join('\n')}\n`);
}
/** The plan's decisions, warnings and problem, as telemetry notes. */
function planNotes(plan) {
    const problem = plan.problem ? [`no GPU sampled: ${plan.problem}`] : [];
    return [...plan.notes, ...plan.warnings, ...problem];
}
/** Throws when a stop was asked for before sampling began. */
function throwIfStopped(abort) {
    if (!abort?.aborted)
        return;
    throw new CollectError(`stopped by ${String(abort.reason)} before sampling began; nothing was recorded`);
}
/** The GPU streams for a plan that has GPUs. */
function streamsFor(plan, config, layout, spool, log) {
    const { nvidiaSmiPath, dcgmiPath } = config.environment;
    if (plan.devices.length === 0 || nvidiaSmiPath === undefined)
        return {};
    const common = {
        intervalMs: config.intervalMs,
        rawDir: layout.rawDir,
        sink: spool,
        log
    };
    const gpu = new GpuStream(plan, { ...common, nvidiaSmiPath });
    if (dcgmiPath === undefined)
        return { gpu };
    return { gpu, dcgmi: new DcgmiStream(plan, { ...common, dcgmiPath }) };
}
/** Everything the header will say, saved before sampling starts. */
function headerFacts(config, plan, cpu, startedMs, parts) {
    const commands = [parts.gpu?.commandLine, parts.dcgmi?.commandLine];
    return {
        host: config.host,
        startedMs,
        intervalMs: config.intervalMs,
        driverVersion: plan.driverVersion,
        run: config.run,
        devices: [...plan.devices.map(gpuHeaderDevice), ...cpu.devices()],
        sources: [
            ...commands.filter(c => c !== undefined).map(c => c.join(' ')),
            cpu.description
        ]
    };
}
/** Waits for `promise`, `timeoutMs` or an abort, whichever comes first. */
async function withTimeout(promise, timeoutMs, abort) {
    if (promise === undefined || abort?.aborted)
        return;
    let timer;
    let cut = () => undefined;
    const cutShort = new Promise(resolve => {
        cut = resolve;
        timer = setTimeout(resolve, timeoutMs);
        abort?.addEventListener('abort', cut, { once: true });
    });
    await Promise.race([promise, cutShort]);
    clearTimeout(timer);
    abort?.removeEventListener('abort', cut);
}

;// CONCATENATED MODULE: ./src/collect/sampler-process.ts







/**
 * A sampler that outlives its job is stopped anyway after 5 days and an
 * hour: the longest a job may run on a self-hosted runner is 5 days
 * (GitHub Actions usage limits, "Job execution time").
 */
const MAX_LIFETIME_MS = (5 * 24 + 1) * 3600 * 1000;
/** How often the sampler checks that its work folder still exists. */
const FOLDER_CHECK_MS = 10_000;
/**
 * The detached sampler (dist/collect-sampler.js): starts sampling, says
 * it is ready, samples until SIGTERM or SIGINT (the post step), then
 * writes the telemetry and exits.
 */
async function runSamplerProcess(configPath) {
    const log = streamLog(text => void process.stdout.write(`${new Date().toISOString()} ${text}`), true);
    if (configPath === undefined) {
        log.warning('usage: collect-sampler.js CONFIG.json (started by the collect action)');
        return 2;
    }
    const { sampler: config, stem } = JSON.parse(await (0,promises_namespaceObject.readFile)(configPath, 'utf8'));
    const layout = layoutFor(config.outDir, stem);
    process.on('SIGHUP', () => log.info('SIGHUP ignored: sampling goes on until the post step'));
    const stopping = new AbortController();
    const stopRequested = untilStopped(log, layout.spoolDir, stopping);
    let sampler;
    try {
        // A `gpus` id that names no GPU is the action's warning (its failure
        // with required: true), with CPU telemetry, not a dead sampler.
        sampler = await Sampler.start(config, log, {
            claimed: layout,
            abort: stopping.signal,
            unknownGpus: 'cpu-only'
        });
    }
    catch (error) {
        await writeStatus(layout, { state: 'failed', error: messageOf(error) });
        return 1;
    }
    const { gpuNames, gpuProblem, cpu, warnings } = sampler.report;
    await writeStatus(layout, {
        state: 'ready',
        gpuNames,
        cpu,
        warnings,
        ...(gpuProblem ? { gpuProblem } : {})
    });
    await stopRequested;
    try {
        const done = await sampler.stop();
        log.info(`telemetry: ${done.path} (${done.samples} samples)`);
        return 0;
    }
    catch (error) {
        log.warning(`cannot write the telemetry: ${messageOf(error)}`);
        return 1;
    }
}
/**
 * Resolves on SIGTERM or SIGINT, when the lifetime runs out, or when the
 * work folder is gone (the runner cleaned up without a post step): a
 * sampler never outlives its job for long. Aborts `stopping` too, so a
 * stop during start-up cuts the start short.
 */
function untilStopped(log, spoolDir, stopping) {
    return new Promise(resolve => {
        const stop = (why) => {
            log.info(`${why}: stopping`);
            clearTimeout(lifetime);
            clearInterval(folderCheck);
            stopping.abort(why);
            resolve();
        };
        const lifetime = setTimeout(() => stop('no post step came within 5 days and an hour'), MAX_LIFETIME_MS);
        lifetime.unref();
        // Without its folder there is nothing to write to: exit at once.
        const folderCheck = setInterval(() => {
            if ((0,external_node_fs_namespaceObject.existsSync)(spoolDir))
                return;
            log.warning(`${spoolDir} is gone: exiting`);
            process.exit(1);
        }, FOLDER_CHECK_MS);
        folderCheck.unref();
        for (const signal of ['SIGTERM', 'SIGINT']) {
            process.once(signal, () => stop(signal));
        }
    });
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(193);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
