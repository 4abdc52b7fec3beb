import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { NetworkMap, type NamedMapPerson } from '@/features/networkMap'
import { mountInApp, unmountAll } from '../support/mount'

afterEach(unmountAll)

const now: NamedMapPerson[] = [
  { id: 'sara', name: 'Sara', kind: 'family', closeness: 'close' },
  { id: 'ali', name: 'Ali', kind: 'friend', closeness: 'close' },
  { id: 'mette', name: 'Mette', kind: 'professional', closeness: 'some' },
  { id: 'club', name: 'Madklubben', kind: 'civilSociety', closeness: 'some' },
  { id: 'kommune', name: 'Sagsbehandler', kind: 'authority', closeness: 'distant' },
]
const then: NamedMapPerson[] = [
  { id: 'sara', name: 'Sara', kind: 'family', closeness: 'distant' },
  { id: 'mette', name: 'Mette', kind: 'professional', closeness: 'close' },
  { id: 'kommune', name: 'Sagsbehandler', kind: 'authority', closeness: 'distant' },
  { id: 'old', name: 'Gammel ven', kind: 'friend', closeness: 'some' },
]

/** What the list says, as ring → kind → names. */
function listed(wrapper: VueWrapper): Record<string, Record<string, string[]>> {
  const result: Record<string, Record<string, string[]>> = {}
  for (const ring of wrapper.findAll('[data-ring]')) {
    const kinds: Record<string, string[]> = {}
    for (const group of ring.findAll('[data-kind]'))
      kinds[group.attributes('data-kind') ?? ''] = group.findAll('[data-person]').map((li) => li.text())
    result[ring.attributes('data-ring') ?? ''] = kinds
  }
  return result
}

/** What the map draws: person id → the name in the mark's title. */
function drawn(wrapper: VueWrapper): Record<string, string> {
  const marks: Record<string, string> = {}
  for (const mark of wrapper.findAll('[data-person]'))
    marks[mark.attributes('data-person') ?? ''] = mark.get('title').text()
  return marks
}

describe('NetworkMap', () => {
  it('draws every person once, named, and says the counts per ring in its text alternative', async () => {
    const wrapper = await mountInApp(NetworkMap, { props: { people: now } })
    const svg = wrapper.get('[data-test="network-map-drawing"]')
    expect(svg.attributes('role')).toBe('img')
    expect(svg.attributes('aria-label')).toBe(
      'Netværkskort: 2 tæt på, 2 med nogen kontakt, 1 med lidt kontakt. Listen viser det samme med navne.',
    )
    expect(drawn(wrapper)).toEqual({
      sara: 'Sara',
      ali: 'Ali',
      mette: 'Mette',
      club: 'Madklubben',
      kommune: 'Sagsbehandler',
    })
    expect(svg.text()).toContain('Dig')
    expect(wrapper.get('[data-test="network-map-legend"]').text()).toContain('Foreninger og frivillige')
  })

  it('switches to a list that holds the same people, grouped by ring and kind', async () => {
    const wrapper = await mountInApp(NetworkMap, { props: { people: now } })
    expect(wrapper.find('[data-test="network-map-list"]').exists()).toBe(false)
    const listButton = wrapper.get('[data-choice="list"]')
    expect(listButton.attributes('aria-pressed')).toBe('false')
    await listButton.trigger('click')
    expect(listButton.attributes('aria-pressed')).toBe('true')
    expect(wrapper.find('[data-test="network-map-drawing"]').exists()).toBe(false)
    expect(listed(wrapper)).toEqual({
      close: { family: ['Sara'], friend: ['Ali'] },
      some: { civilSociety: ['Madklubben'], professional: ['Mette'] },
      distant: { authority: ['Sagsbehandler'] },
    })
    // The list and the map name the same people.
    const names = Object.values(listed(wrapper)).flatMap((kinds) => Object.values(kinds).flat())
    expect(names.sort()).toEqual(now.map((person) => person.name).sort())
    expect(wrapper.get('[data-ring="close"] h3').text()).toBe('Tæt på(2)')
  })

  it('says an empty ring is empty, and draws three rings around the citizen with no one yet', async () => {
    const wrapper = await mountInApp(NetworkMap, { props: { people: [], initialView: 'list' } })
    expect(wrapper.findAll('[data-ring]').map((ring) => ring.text())).toEqual([
      'Tæt på(0)Ingen endnu.',
      'Nogen kontakt(0)Ingen endnu.',
      'Lidt kontakt(0)Ingen endnu.',
    ])
    await wrapper.get('[data-choice="map"]').trigger('click')
    expect(wrapper.findAll('.network-map-drawing__band')).toHaveLength(3)
  })

  it('mirrors the map in Arabic: the first kind starts on the left of the top', async () => {
    const one: NamedMapPerson[] = [
      { id: 'a', name: 'A', kind: 'family', closeness: 'close' },
      { id: 'b', name: 'B', kind: 'family', closeness: 'close' },
      { id: 'c', name: 'C', kind: 'friend', closeness: 'close' },
    ]
    const xOf = async (locale: 'da' | 'ar') => {
      const wrapper = await mountInApp(NetworkMap, { props: { people: one }, locale })
      const d = wrapper.get('[data-person="a"]').attributes('d') ?? ''
      return Number(/^M(-?[\d.]+)/.exec(d)?.[1])
    }
    const ltr = await xOf('da')
    const rtl = await xOf('ar')
    expect(ltr).toBeGreaterThan(0)
    expect(rtl).toBeLessThan(0)
  })

  it('shows then and now with what changed, only when a snapshot is given', async () => {
    const plain = await mountInApp(NetworkMap, { props: { people: now } })
    expect(plain.find('[data-choice="then"]').exists()).toBe(false)
    expect(plain.find('[data-test="network-map-changes"]').exists()).toBe(false)

    const wrapper = await mountInApp(NetworkMap, { props: { people: now, then, initialView: 'list' } })
    const changes = wrapper.get('[data-test="network-map-changes"]')
    const named = (key: string) =>
      changes.findAll(`[data-change="${key}"] li`).map((li) => li.text().replace(/\s+/g, ' '))
    expect(named('came')).toEqual(['Ali', 'Madklubben'])
    expect(named('closer')).toEqual(['Sara (Lidt kontakt → Tæt på)'])
    expect(named('further')).toEqual(['Mette (Tæt på → Nogen kontakt)'])
    expect(named('left')).toEqual(['Gammel ven'])

    await wrapper.get('[data-choice="then"]').trigger('click')
    expect(listed(wrapper)).toEqual({
      close: { professional: ['Mette'] },
      some: { friend: ['Gammel ven'] },
      distant: { family: ['Sara'], authority: ['Sagsbehandler'] },
    })
  })
})
