/**
 * "Choose from my phone's contacts": the Contact Picker API (Android Chrome). Where it is
 * missing the citizen types; nothing is asked of the browser until she taps, and only a name
 * and a number come back — never her whole address book.
 */

interface PickedContact {
  readonly name?: readonly string[]
  readonly tel?: readonly string[]
}
interface ContactsManager {
  select(properties: readonly ('name' | 'tel')[], options?: { multiple?: boolean }): Promise<PickedContact[]>
}

function contactsManager(): ContactsManager | null {
  const candidate = (navigator as Navigator & { contacts?: Partial<ContactsManager> }).contacts
  return typeof candidate?.select === 'function' ? (candidate as ContactsManager) : null
}

export function useContactPicker() {
  return {
    isSupported: contactsManager() !== null,
    /** The picked name and phone (either may be empty), or null when she chose no one. */
    async pick(): Promise<{ name: string; phone: string } | null> {
      const manager = contactsManager()
      if (manager === null) return null
      const [picked] = await manager.select(['name', 'tel'], { multiple: false })
      if (picked === undefined) return null
      return { name: picked.name?.[0]?.trim() ?? '', phone: picked.tel?.[0]?.trim() ?? '' }
    },
  }
}
