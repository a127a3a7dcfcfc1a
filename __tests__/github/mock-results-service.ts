import {
  type IncomingMessage,
  type ServerResponse,
  createServer
} from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A test double of the runner's artifact service, the one
 * `@actions/artifact` v2+ talks to: Twirp JSON calls under
 * `/twirp/github.actions.results.api.v1.ArtifactService/` and a blob
 * store answering like Azure block blobs behind the signed URLs it hands
 * out. It listens on 127.0.0.1 only.
 */

/** One artifact as the service holds it. */
export interface StoredArtifact {
  id: number
  name: string
  /** The zip as uploaded (or as seeded by a test). */
  zip: Buffer
  createdAt: string
  expiresAt?: string
  /** Job that uploaded it: lets `latest` pick the newest of a name. */
  jobBackendId: string
}

/** A running mock results service. */
export interface MockResultsService {
  origin: string
  /** Environment a runner hands the step: set these on the child. */
  env: Record<string, string>
  /** Artifacts by name, in upload order. */
  artifacts: Map<string, StoredArtifact>
  /** Puts a finished artifact in place, as another job would have. */
  seed(name: string, zip: Buffer): StoredArtifact
  /** Answers the next `times` Twirp calls of `method` with `status`. */
  failTwirp(method: string, status: number, times?: number): void
  /** Every request line, e.g. `POST /twirp/…/CreateArtifact`. */
  requests: string[]
  close(): Promise<void>
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/'

/** Backend ids the fake runtime token names (any UUID-like text will do). */
const RUN_BACKEND_ID = 'b1a9f1e2-5c4d-4e3f-8a7b-0c1d2e3f4a5b'
const JOB_BACKEND_ID = 'c2b8e0d1-6d5e-4f40-9b8c-1d2e3f4a5b6c'

/** Largest upload accepted, so a runaway test fails instead of swapping. */
const MAX_BLOB_BYTES = 64 * 1024 * 1024

/** Starts the mock on 127.0.0.1 with a port the system picks. */
export async function startMockResultsService(): Promise<MockResultsService> {
  const state = new ServiceState()
  const requests: string[] = []
  let origin = ''
  const server = createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${(req.url ?? '').split('?')[0]}`)
    void handle(state, origin, req, res).catch(() => res.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    env: {
      ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(),
      ACTIONS_RESULTS_URL: `${origin}/`
    },
    artifacts: state.artifacts,
    seed: (name, zip) => state.finish(name, zip, 'seeded-job'),
    failTwirp: (method, status, times = 1) =>
      state.faults.push({ method, status, times }),
    requests,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}

/** An unsigned JWT whose `scp` claim carries the backend ids, as the runner's does. */
export function fakeRuntimeToken(): string {
  const part = (value: object): string =>
    Buffer.from(JSON.stringify(value)).toString('base64url')
  const scp = `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${RUN_BACKEND_ID}:${JOB_BACKEND_ID}`
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp })}.c2ln`
}

/** Uploads in progress, finished artifacts and pending faults. */
class ServiceState {
  readonly artifacts = new Map<string, StoredArtifact>()
  readonly pending = new Map<string, { blocks: Map<string, Buffer> }>()
  readonly faults: { method: string; status: number; times: number }[] = []
  private nextId = 1001

  /** Records a finished artifact under its name. */
  finish(name: string, zip: Buffer, jobBackendId: string): StoredArtifact {
    const artifact: StoredArtifact = {
      id: this.nextId++,
      name,
      zip,
      createdAt: new Date().toISOString(),
      jobBackendId
    }
    this.artifacts.set(name, artifact)
    return artifact
  }

  /** The fault to serve for a method, if one is pending. */
  takeFault(method: string): number | undefined {
    const fault = this.faults.find(f => f.method === method && f.times > 0)
    if (fault === undefined) return undefined
    fault.times -= 1
    return fault.status
  }
}

/** Routes one request. */
async function handle(
  state: ServiceState,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const url = new URL(req.url ?? '/', origin)
  const body = await readBody(req)
  if (req.method === 'POST' && url.pathname.startsWith(TWIRP_PREFIX)) {
    const method = url.pathname.slice(TWIRP_PREFIX.length)
    return answerTwirp(state, origin, method, body, req, res)
  }
  if (req.method === 'PUT' && url.pathname.startsWith('/upload/'))
    return answerBlobPut(state, url, body, res)
  if (req.method === 'GET' && url.pathname.startsWith('/download/'))
    return answerDownload(state, url, res)
  sendJson(res, 404, { code: 'not_found', msg: `no route ${url.pathname}` })
}

/** A Twirp JSON call: checks the bearer token, then the method. */
function answerTwirp(
  state: ServiceState,
  origin: string,
  method: string,
  body: Buffer,
  req: IncomingMessage,
  res: ServerResponse
): void {
  if (req.headers.authorization !== `Bearer ${fakeRuntimeToken()}`)
    return sendJson(res, 401, { code: 'unauthenticated', msg: 'bad token' })
  const faultStatus = state.takeFault(method)
  if (faultStatus !== undefined)
    return sendJson(res, faultStatus, { code: 'internal', msg: 'injected' })
  const request = JSON.parse(body.toString('utf8') || '{}') as TwirpRequest
  const reply = twirpReply(state, origin, method, request)
  sendJson(res, reply.status, reply.body)
}

/**
 * Fields the Twirp requests carry that the mock reads. The client sends
 * protobuf field names (`name_filter`); camelCase is accepted as well.
 */
interface TwirpRequest {
  name?: string
  name_filter?: { value?: string } | string
  nameFilter?: { value?: string } | string
  id_filter?: { value?: string } | string
  idFilter?: { value?: string } | string
}

/** The answer to one Twirp method. */
function twirpReply(
  state: ServiceState,
  origin: string,
  method: string,
  request: TwirpRequest
): { status: number; body: object } {
  switch (method) {
    case 'CreateArtifact':
      return createArtifact(state, origin, request)
    case 'FinalizeArtifact':
      return finalizeArtifact(state, request)
    case 'ListArtifacts':
      return { status: 200, body: listArtifacts(state, request) }
    case 'GetSignedArtifactURL':
      return signedUrl(state, origin, request)
    default:
      return { status: 404, body: { code: 'bad_route', msg: method } }
  }
}

/** Opens an upload; a name already finished in this run is a conflict. */
function createArtifact(
  state: ServiceState,
  origin: string,
  request: TwirpRequest
): { status: number; body: object } {
  const name = request.name ?? ''
  if (state.artifacts.has(name))
    return {
      status: 409,
      body: { code: 'already_exists', msg: `artifact ${name} exists` }
    }
  state.pending.set(name, { blocks: new Map() })
  const signedUploadUrl = `${origin}/upload/${encodeURIComponent(name)}.zip?sig=mock`
  return { status: 200, body: { ok: true, signedUploadUrl } }
}

/** Closes an upload whose block list was committed. */
function finalizeArtifact(
  state: ServiceState,
  request: TwirpRequest
): { status: number; body: object } {
  const name = request.name ?? ''
  const committed = state.pending.get(name)?.blocks.get('committed')
  if (committed === undefined)
    return { status: 404, body: { code: 'not_found', msg: 'no upload' } }
  state.pending.delete(name)
  const artifact = state.finish(name, committed, JOB_BACKEND_ID)
  return { status: 200, body: { ok: true, artifactId: String(artifact.id) } }
}

/** The run's artifacts, filtered by name or id as the client asks. */
function listArtifacts(state: ServiceState, request: TwirpRequest): object {
  const nameFilter = wrapped(request.name_filter ?? request.nameFilter)
  const idFilter = wrapped(request.id_filter ?? request.idFilter)
  const artifacts = [...state.artifacts.values()]
    .filter(a => nameFilter === undefined || a.name === nameFilter)
    .filter(a => idFilter === undefined || String(a.id) === idFilter)
    .map(a => ({
      workflowRunBackendId: RUN_BACKEND_ID,
      workflowJobRunBackendId: a.jobBackendId,
      databaseId: String(a.id),
      name: a.name,
      size: String(a.zip.length),
      createdAt: a.createdAt
    }))
  return { artifacts }
}

/** A download URL for a finished artifact. */
function signedUrl(
  state: ServiceState,
  origin: string,
  request: TwirpRequest
): { status: number; body: object } {
  const name = request.name ?? ''
  if (!state.artifacts.has(name))
    return { status: 404, body: { code: 'not_found', msg: name } }
  return {
    status: 200,
    body: { signedUrl: `${origin}/download/${encodeURIComponent(name)}.zip` }
  }
}

/** Azure block-blob calls: Put Block, Put Block List, or Put Blob. */
function answerBlobPut(
  state: ServiceState,
  url: URL,
  body: Buffer,
  res: ServerResponse
): void {
  const name = blobName(url, '/upload/')
  const upload = state.pending.get(name)
  if (upload === undefined) return sendBlobStatus(res, 404)
  const comp = url.searchParams.get('comp')
  if (comp === 'block') {
    upload.blocks.set(url.searchParams.get('blockid') ?? '', body)
  } else if (comp === 'blocklist') {
    upload.blocks.set('committed', commitBlocks(upload.blocks, body))
  } else {
    upload.blocks.set('committed', body)
  }
  sendBlobStatus(res, 201)
}

/** Joins the staged blocks in the order the XML block list names them. */
function commitBlocks(blocks: Map<string, Buffer>, xml: Buffer): Buffer {
  const ids = [...xml.toString('utf8').matchAll(/<Latest>([^<]*)<\/Latest>/g)]
  return Buffer.concat(
    ids.map(match => blocks.get(match[1] ?? '') ?? Buffer.alloc(0))
  )
}

/** Serves an artifact's zip as blob storage does. */
function answerDownload(
  state: ServiceState,
  url: URL,
  res: ServerResponse
): void {
  const name = blobName(url, '/download/')
  const artifact = state.artifacts.get(name)
  if (artifact === undefined) return sendBlobStatus(res, 404)
  res.writeHead(200, {
    'content-type': 'application/zip',
    'content-length': artifact.zip.length
  })
  res.end(artifact.zip)
}

/** The artifact name in a blob URL: `/upload/NAME.zip` → NAME. */
function blobName(url: URL, prefix: string): string {
  return decodeURIComponent(
    url.pathname.slice(prefix.length).replace(/\.zip$/, '')
  )
}

/** A protobuf wrapper value as JSON: either the value or `{ value }`. */
function wrapped(field: { value?: string } | string | undefined) {
  return typeof field === 'object' ? field.value : field
}

/** Reads a request body up to MAX_BLOB_BYTES. */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > MAX_BLOB_BYTES) throw new Error('upload too large for mock')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** A JSON reply. */
function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** An empty blob-storage reply with the headers the Azure client reads. */
function sendBlobStatus(res: ServerResponse, status: number): void {
  res.writeHead(status, {
    'x-ms-request-id': 'mock',
    'x-ms-version': '2021-12-02',
    etag: '"0x1"',
    'content-length': 0
  })
  res.end()
}
