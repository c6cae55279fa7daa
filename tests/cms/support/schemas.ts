/** The domain schema each CMS collection's files must satisfy (the map the service validates saves with). */
export { COLLECTION_SCHEMAS as SCHEMAS } from '../../../src/cms/schemas.ts';
