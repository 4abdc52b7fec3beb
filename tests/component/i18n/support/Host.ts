import { defineComponent, type PropType, type VNodeChild } from 'vue'

/** A stateful root for tests that mount several components side by side: renders `content()`. */
export const Host = defineComponent({
  props: { content: { type: Function as PropType<() => VNodeChild>, required: true } },
  setup(props) {
    return () => props.content()
  },
})
