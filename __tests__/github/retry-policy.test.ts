import { describe, expect, it } from '@jest/globals'
import { nextPageUrl } from '../../src/github/link-header.js'
import {
  adviseRetry,
  isRateLimitAnswer
} from '../../src/github/retry-policy.js'

const NOW = 1_700_000_000_000

describe('adviseRetry', () => {
  it('backs off 1, 2, 4 s for 5xx and network failures', () => {
    expect(
      [1, 2, 3].map(n => adviseRetry({ status: 502 }, n, NOW, 1_000)?.waitMs)
    ).toEqual([1_000, 2_000, 4_000])
    expect(adviseRetry({}, 1, NOW, 1_000)).toEqual({
      waitMs: 1_000,
      rateLimited: false
    })
  })

  it('reads retry-after as seconds or as an HTTP date', () => {
    const seconds = new Headers({ 'retry-after': '12' })
    expect(
      adviseRetry({ status: 403, headers: seconds }, 1, NOW, 1_000)
    ).toEqual({
      waitMs: 12_000,
      rateLimited: true
    })
    const date = new Headers({
      'retry-after': new Date(NOW + 5_000).toUTCString()
    })
    expect(
      adviseRetry({ status: 429, headers: date }, 1, NOW, 1_000)?.waitMs
    ).toBe(5_000)
  })

  it('waits until x-ratelimit-reset plus one second when remaining is 0', () => {
    const headers = new Headers({
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(NOW / 1000 + 30)
    })
    expect(adviseRetry({ status: 403, headers }, 1, NOW, 1_000)?.waitMs).toBe(
      31_000
    )
  })

  it('treats a 403 without rate-limit headers and other 4xx as final', () => {
    const headers = new Headers({ 'x-ratelimit-remaining': '12' })
    for (const status of [400, 401, 403, 404, 410, 422]) {
      expect(adviseRetry({ status, headers }, 1, NOW, 1_000)).toBeUndefined()
    }
    expect(isRateLimitAnswer(403, headers)).toBe(false)
    expect(isRateLimitAnswer(429, headers)).toBe(true)
  })
})

describe('nextPageUrl', () => {
  it('finds rel="next" among several links, commas inside URLs included', () => {
    const link =
      '<https://x.test/r?page=1&a=1,2>; rel="prev", <https://x.test/r?page=3&a=1,2>; rel="next", <https://x.test/r?page=9>; rel="last"'
    expect(nextPageUrl(link)).toBe('https://x.test/r?page=3&a=1,2')
  })

  it('is undefined on the last page or without a header', () => {
    expect(
      nextPageUrl('<https://x.test/r?page=1>; rel="first"')
    ).toBeUndefined()
    expect(nextPageUrl(null)).toBeUndefined()
  })
})
