/**
 * What the identifiers of the sync protocol look like. Kept apart from the schemas so that the
 * record declarations (shared/records/) and the sync schemas, which check each other's values,
 * can both read them without importing one another.
 */
export const HLC_PATTERN = /^\d{15}-\d{6}-[A-Za-z0-9_.-]{1,64}$/;
export const FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,256}$/;
