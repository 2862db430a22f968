import { checkCampaignOptions, resolveCampaignOptions, THROTTLE_WINDOW_MS } from './campaignOptions.js'

describe("the campaigns' throttle window", () => {
  test('a minute unless set; set, a whole number of ms from 1 s to a minute', () => {
    expect(resolveCampaignOptions({}).campaigns.throttleWindowMs).toBe(THROTTLE_WINDOW_MS)
    expect(THROTTLE_WINDOW_MS).toBe(60_000)
    expect(
      resolveCampaignOptions({ campaigns: { throttleWindowMs: 30_000 } }).campaigns.throttleWindowMs,
    ).toBe(30_000)
    for (const good of [1000, 30_000, 60_000]) {
      expect(checkCampaignOptions({ campaigns: { throttleWindowMs: good } })).toEqual([])
    }
    for (const bad of [999, 60_001, 1500.5, Number.NaN, '30000' as unknown as number]) {
      expect(checkCampaignOptions({ campaigns: { throttleWindowMs: bad } })).toEqual([
        'campaigns.throttleWindowMs must be a whole number of milliseconds from 1000 to 60000',
      ])
    }
  })
})
