import type { LocationQueryValue, RouteParamValue } from 'vue-router'
import { uuid } from '@/schemas'

/**
 * A record id from the address, parsed like every other boundary: a lowercase UUID, or null
 * (an address made by hand, or one left over from a deleted record).
 */
export function recordIdParam(
  value: RouteParamValue | RouteParamValue[] | LocationQueryValue | LocationQueryValue[] | undefined,
): string | null {
  const parsed = uuid.safeParse(value)
  return parsed.success ? parsed.data : null
}
