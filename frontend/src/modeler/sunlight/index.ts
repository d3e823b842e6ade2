import { SunlightPropertiesProvider } from './SunlightPropertiesProvider'

/** The Sunlight properties provider; needs the `slOrganisation` and `slMessages` values. */
export default {
  __init__: ['sunlightPropertiesProvider'],
  sunlightPropertiesProvider: ['type', SunlightPropertiesProvider],
}
