import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { readDeviceSettings, writeDeviceSettings } from './deviceSettings'

/**
 * Whose phone this is: a citizen's (the default) or a CTI worker's (issue #14 item 6). Known
 * before unlock (device settings field `w`), because a worker's device has its own Home and
 * navigation. Small on purpose: the first screen reads it; the worker's pairings and package
 * import live in `workerPairings.ts`, loaded with the worker's screens.
 */
export const useDeviceRoleStore = defineStore('deviceRole', () => {
  /** This is a worker's device. */
  const worker = ref(readDeviceSettings().w)

  /** Makes this a worker's device; false if the setting could not be written (nothing changed). */
  function becomeWorker(): boolean {
    if (!writeDeviceSettings({ w: true })) return false
    worker.value = readDeviceSettings().w
    return worker.value
  }

  return { worker, becomeWorker }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDeviceRoleStore, import.meta.hot))
