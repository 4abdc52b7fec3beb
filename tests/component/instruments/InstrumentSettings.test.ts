/**
 * Loading instrument packs in settings: a valid file shows what it is before anything is kept,
 * "Tilføj" keeps it; each broken fixture is refused with its own plain message and the store is
 * untouched; the same version again is already there; a newer one replaces after confirming; a
 * removed pack can be brought back with undo.
 */
import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { useRecordsStore } from '@/stores/records'
import { eventually, mountPlanApp, settled } from '../support/mount'
import { storePlan } from '../support/fixtures'
import { freshAppEachTest, packFixture } from './packFixture'

freshAppEachTest()

async function choosePack(wrapper: VueWrapper, text: string, name = 'pack.json'): Promise<void> {
  const input = wrapper.get<HTMLInputElement>('#pack-file')
  const file = new File([text], name, { type: 'application/json' })
  Object.defineProperty(input.element, 'files', { configurable: true, value: [file] })
  await input.trigger('change')
}

const packRecords = () => useRecordsStore().byKind('instrumentPack')
const valid = () => packFixture('valid-placeholder-five.json')

async function open() {
  const mounted = await mountPlanApp({ seed: storePlan, path: () => '/settings/instruments' })
  await settled(mounted.wrapper, 'Indlæs et spørgeskema')
  return mounted.wrapper
}

async function addValid(wrapper: VueWrapper): Promise<void> {
  await choosePack(wrapper, valid())
  await settled(wrapper, 'Tjek spørgeskemaet')
  await wrapper.get('form.pack-confirm').trigger('submit')
  await eventually(() => {
    expect(packRecords()).toHaveLength(1)
  })
}

describe('loading an instrument pack', () => {
  it('shows a valid pack before keeping it, and keeps it on "Tilføj"', async () => {
    const wrapper = await open()
    expect(wrapper.get('[data-test="pack-list-empty"]').text()).toBe(
      'Der er ikke indlæst nogen spørgeskemaer.',
    )
    await choosePack(wrapper, valid())
    await settled(wrapper, 'Tjek spørgeskemaet')
    expect(wrapper.get('[data-test="pack-preview-name"]').text()).toBe('Pladsholder-skema (da)')
    expect(wrapper.get('[data-test="pack-preview-version"]').text()).toBe('1.0.0')
    expect(wrapper.get('[data-test="pack-preview-items"]').text()).toBe('5')
    expect(wrapper.get('[data-test="pack-preview"]').text()).toContain('Placeholder recall period (da)')
    expect(wrapper.get('[data-test="pack-licence"]').text()).toContain('Pladsholder: licensnote.')
    expect(wrapper.get('[data-test="pack-licence"]').text()).toContain('Placeholder rights holder')
    // Nothing is kept before she confirms.
    expect(packRecords()).toEqual([])
    await wrapper.get('form.pack-confirm').trigger('submit')
    await settled(wrapper, 'Spørgeskemaet er tilføjet.')
    expect(packRecords()).toHaveLength(1)
    expect(JSON.parse(packRecords()[0]?.pack ?? '')).toMatchObject({
      id: 'placeholderFive',
      version: '1.0.0',
    })
    expect(wrapper.findAll('[data-test="pack-list-item"]').map((li) => li.get('h3').text())).toEqual([
      'Pladsholder-skema (da)',
    ])
    expect(wrapper.find('[data-test="pack-preview"]').exists()).toBe(false)
  })

  it.each([
    ['broken-not-json.txt', 'Filen er ikke et spørgeskema: den kan ikke læses som JSON.', null],
    [
      'broken-wrong-format.json',
      'Filen er ikke et spørgeskema i et format, denne version af Trin kan læse.',
      'Stedet i filen: format',
    ],
    ['broken-duplicate-item.json', 'Det samme spørgsmål står to gange i filen.', 'Stedet i filen: items'],
    [
      'broken-lookup-gap.json',
      'Omregningstabellen dækker ikke alle de summer, svarene kan give.',
      'Stedet i filen: scores[0].method.table',
    ],
    [
      'broken-option-value.json',
      'En værdi i filen mangler eller har en form, Trin ikke kan bruge.',
      'Stedet i filen: optionSets',
    ],
    [
      'broken-unknown-subscale-item.json',
      'Et resultat regnes ud fra et spørgsmål, som ikke findes i filen.',
      'Stedet i filen: scores[1].items[1]',
    ],
  ])('refuses %s with its message and changes nothing', async (name, message, where) => {
    const wrapper = await open()
    await addValid(wrapper)
    const before = packRecords()
    await choosePack(wrapper, packFixture(name), name)
    await settled(wrapper, message)
    const problem = wrapper.get('[data-test="pack-problem"]')
    expect(problem.attributes('role')).toBe('alert')
    expect(problem.text()).toContain('Spørgeskemaet er ikke indlæst. Intet er ændret.')
    if (where !== null) expect(problem.text()).toContain(where)
    expect(wrapper.get('#pack-file').attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('[data-test="pack-preview"]').exists()).toBe(false)
    expect(packRecords()).toBe(before)
    expect(wrapper.findAll('[data-test="pack-list-item"]')).toHaveLength(1)
  })

  it('refuses a file that is too big before reading it', async () => {
    const wrapper = await open()
    await choosePack(wrapper, ' '.repeat(200_001))
    await settled(wrapper, 'Filen er for stor. Et spørgeskema fylder højst 200 KB.')
    expect(packRecords()).toEqual([])
  })

  it('says the same version is already there, and replaces it with a newer one after confirming', async () => {
    const wrapper = await open()
    await addValid(wrapper)
    const [first] = packRecords()
    await choosePack(wrapper, valid())
    await settled(wrapper, 'Dette spørgeskema er allerede indlæst i samme version.')
    expect(wrapper.find('[data-test="pack-add"]').exists()).toBe(false)

    const newer = valid().replace('"version": "1.0.0"', '"version": "1.1.0"')
    await choosePack(wrapper, newer)
    await settled(wrapper, 'Du har version 1.0.0. Denne nyere version erstatter den.')
    expect(wrapper.get('[data-test="pack-add"]').text()).toBe('Erstat med den nye version')
    expect(packRecords()).toEqual([first])
    await wrapper.get('form.pack-confirm').trigger('submit')
    await settled(wrapper, 'Spørgeskemaet er opdateret.')
    expect(packRecords()).toHaveLength(1)
    expect(packRecords()[0]?.id).toBe(first?.id)
    expect(JSON.parse(packRecords()[0]?.pack ?? '')).toMatchObject({ version: '1.1.0' })

    const older = valid().replace('"version": "1.0.0"', '"version": "0.9"')
    await choosePack(wrapper, older)
    await settled(wrapper, 'Du har allerede en nyere version (1.1.0).')
    expect(wrapper.find('[data-test="pack-add"]').exists()).toBe(false)
  })

  it('removes a pack, and undo brings it back', async () => {
    const wrapper = await open()
    await addValid(wrapper)
    await wrapper.get('[data-test="pack-remove"]').trigger('click')
    await settled(wrapper, 'Spørgeskemaet er fjernet.')
    expect(packRecords()).toEqual([])
    expect(wrapper.find('[data-test="pack-list-empty"]').exists()).toBe(true)
    const undo = wrapper.findAll('button').find((button) => button.text() === 'Fortryd')
    await undo?.trigger('click')
    await eventually(() => {
      expect(packRecords()).toHaveLength(1)
    })
  })
})
